//! Fuzz target for `akson::normalize` and `akson::from_utf8`.
//!
//! From arbitrary bytes:
//! - `from_utf8` never panics, accepts exactly what `std::str::from_utf8` accepts, and
//!   on invalid input reports the same offset as `Utf8Error::valid_up_to`;
//! - for UTF-8 input `x`:
//!   - canonical form is idempotent, and the second pass returns `Cow::Borrowed`;
//!   - search form is idempotent, and the second pass returns `Cow::Borrowed`;
//!   - `search(canonical(x)) == search(x)`;
//!   - `normalize(x, form) == normalize_reference(x, form)` for both forms;
//!   - `Cow::Borrowed` is only returned when the output equals the input, and
//!     `is_normalized` agrees with it.
//!
//! Every check is on by default. To keep fuzzing past a known, already reported
//! failure, name its check in `AKSON_FUZZ_SKIP` (comma-separated):
//! `reference`, `idempotent`, `search_of_canonical`, `borrowed`, `from_utf8`.
#![no_main]

use std::borrow::Cow;
use std::sync::OnceLock;

use akson::{from_utf8, is_normalized, normalize, normalize_reference, Error, Form};
use libfuzzer_sys::fuzz_target;

/// Whether the check `name` is switched off by `AKSON_FUZZ_SKIP`.
fn skip(name: &str) -> bool {
    static SKIP: OnceLock<Vec<String>> = OnceLock::new();
    SKIP.get_or_init(|| {
        let list = std::env::var("AKSON_FUZZ_SKIP").unwrap_or_default();
        let names: Vec<String> = list
            .split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        if !names.is_empty() {
            eprintln!("akson fuzz: skipping checks {names:?} (AKSON_FUZZ_SKIP)");
        }
        names
    })
    .iter()
    .any(|s| s == name)
}

fn check_form(x: &str, form: Form) {
    let once = normalize(x, form);
    if !skip("borrowed") {
        if let Cow::Borrowed(b) = &once {
            assert_eq!(*b, x, "{form}: Cow::Borrowed but not the input for {x:?}");
        }
        assert_eq!(
            is_normalized(x, form),
            matches!(once, Cow::Borrowed(_)),
            "{form}: is_normalized disagrees with normalize for {x:?}"
        );
    }

    if !skip("reference") {
        let reference = normalize_reference(x, form);
        assert_eq!(
            once.as_ref(),
            reference.as_str(),
            "{form}: normalize != normalize_reference for {x:?}"
        );
    }

    if skip("idempotent") {
        return;
    }
    let twice = normalize(&once, form);
    assert!(
        matches!(twice, Cow::Borrowed(_)),
        "{form}: not idempotent for {x:?}: once = {:?}, twice = {:?}",
        once,
        twice
    );
}

fuzz_target!(|data: &[u8]| {
    // from_utf8 on the raw bytes: never panics and agrees with std.
    let checked = from_utf8(data);
    match (checked, std::str::from_utf8(data)) {
        _ if skip("from_utf8") => {}
        (Ok(a), Ok(b)) => assert_eq!(a, b),
        (Err(Error::InvalidUtf8 { line, offset }), Err(e)) => {
            assert_eq!(line, 0, "from_utf8 reported a line for {data:?}");
            assert_eq!(
                offset,
                e.valid_up_to(),
                "from_utf8 offset differs from valid_up_to for {data:?}"
            );
        }
        (Err(e), Err(_)) => panic!("from_utf8 returned the wrong error kind {e:?} for {data:?}"),
        (a, b) => panic!("from_utf8 = {a:?} but std = {b:?} for {data:?}"),
    }

    let Ok(x) = std::str::from_utf8(data) else {
        return;
    };

    check_form(x, Form::Canonical);
    check_form(x, Form::Search);

    if skip("search_of_canonical") {
        return;
    }
    let canon = normalize(x, Form::Canonical);
    let search_of_canon = normalize(&canon, Form::Search);
    let search = normalize(x, Form::Search);
    assert_eq!(
        search_of_canon, search,
        "search(canonical(x)) != search(x) for {x:?} (canonical = {canon:?})"
    );
});
