//! Runs the shared conformance corpus `tests/conformance/cases.jsonl` (also run by
//! the Python and JavaScript bindings) against the Rust core.

use akson::{normalize, syllables, Form};
use serde_json::Value;

fn cases() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/cases.jsonl");
    let text = std::fs::read_to_string(path).expect("read cases.jsonl");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

fn field<'a>(case: &'a Value, name: &str) -> Option<&'a str> {
    case.get(name).and_then(Value::as_str)
}

#[test]
fn normalisation_cases() {
    let mut failures = Vec::new();
    let mut n = 0;
    for case in cases() {
        let input = field(&case, "input").unwrap();
        for (name, form) in [("canonical", Form::Canonical), ("search", Form::Search)] {
            if let Some(want) = field(&case, name) {
                n += 1;
                let got = normalize(input, form);
                if got != want {
                    failures.push(format!("{name}({input:?}) = {got:?}, want {want:?}"));
                }
            }
        }
    }
    assert!(n > 50, "too few normalisation cases: {n}");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn syllable_cases() {
    let mut failures = Vec::new();
    let mut n = 0;
    for case in cases() {
        let input = field(&case, "input").unwrap();
        if let Some(want) = case.get("syllables").and_then(Value::as_array) {
            n += 1;
            let want: Vec<&str> = want.iter().map(|v| v.as_str().unwrap()).collect();
            let got: Vec<&str> = syllables(input).collect();
            if got != want {
                failures.push(format!(
                    "{input:?}: got {}, want {}",
                    got.join("|"),
                    want.join("|")
                ));
            }
        }
    }
    assert!(n > 100, "too few syllable cases: {n}");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
