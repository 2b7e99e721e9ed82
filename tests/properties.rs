//! Property tests: idempotence, round trips, fast path = reference rules, linear time.

use std::borrow::Cow;
use std::time::{Duration, Instant};

use akson::{normalize, normalize_reference, syllable_indices, syllables, Form};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Characters that exercise every rule: the whole Lao block, the Thai marks and
/// vowels that have Lao twins, invisible characters, spaces, ASCII.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => (0x0E80u32..0x0F00).prop_map(|u| char::from_u32(u).unwrap()),
        2 => prop::sample::select(vec!['ກ', 'ຫ', 'ນ', 'ມ', 'ລ', 'ເ', 'ໍ', 'າ', 'ຳ', '່', '້', 'ິ', 'ັ', 'ວ', 'ອ']),
        2 => (0x0E30u32..0x0E50).prop_map(|u| char::from_u32(u).unwrap()),
        1 => prop::sample::select(vec![' ', '\t', '\u{A0}', '\u{200B}', '\u{200D}', '\u{FEFF}', '\u{AD}', 'a', '1', '.', ',', '|', 'é', '\u{301}', '🙂']),
    ]
}

/// Characters that stay in the Lao syllable before them: invisible ones that do
/// not mark a break, and combining marks of other scripts.
const JOINING: [char; 9] = [
    '\u{AD}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{180E}', '\u{301}', '\u{FE0F}',
    '\u{94D}',
];

fn lao_text() -> impl Strategy<Value = String> {
    prop::collection::vec(interesting_char(), 0..40).prop_map(|v| v.into_iter().collect())
}

/// The assigned characters of the Lao block.
fn assigned_lao() -> Vec<char> {
    (0x0E81u32..0x0EE0)
        .filter(|u| {
            !matches!(
                u,
                0xE83
                    | 0xE85
                    | 0xE8B
                    | 0xEA4
                    | 0xEA6
                    | 0xEBE
                    | 0xEBF
                    | 0xEC5
                    | 0xEC7
                    | 0xECF
                    | 0xEDA
                    | 0xEDB
            )
        })
        .filter_map(char::from_u32)
        .collect()
}

/// Only Lao letters and marks (no Thai, no other script).
fn pure_lao_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(assigned_lao()), 0..30)
        .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(4000),
        .. ProptestConfig::default()
    })]

    #[test]
    fn canonical_is_idempotent(s in lao_text()) {
        let once = normalize(&s, Form::Canonical).into_owned();
        let twice = normalize(&once, Form::Canonical);
        prop_assert_eq!(&once, &twice);
        prop_assert!(matches!(twice, Cow::Borrowed(_)), "second pass allocated");
    }

    #[test]
    fn search_is_idempotent(s in lao_text()) {
        let once = normalize(&s, Form::Search).into_owned();
        prop_assert_eq!(&once, &normalize(&once, Form::Search));
    }

    #[test]
    fn search_of_canonical_is_search(s in lao_text()) {
        let canon = normalize(&s, Form::Canonical);
        prop_assert_eq!(normalize(&canon, Form::Search), normalize(&s, Form::Search));
    }

    #[test]
    fn quick_check_agrees_with_reference(s in lao_text()) {
        for form in [Form::Canonical, Form::Search] {
            prop_assert_eq!(normalize(&s, form).into_owned(), normalize_reference(&s, form));
        }
    }

    #[test]
    fn canonical_lao_is_nfc(s in pure_lao_text()) {
        let c = normalize(&s, Form::Canonical);
        prop_assert!(unicode_normalization::is_nfc(&c), "{:?} -> {:?} is not NFC ({:?})", s, c, c.nfc().collect::<String>());
    }

    #[test]
    fn text_without_lao_is_untouched(s in "[^\u{0E80}-\u{0EFF}]{0,40}") {
        // Thai alone, Latin, anything: byte for byte, no allocation.
        prop_assert!(matches!(normalize(&s, Form::Canonical), Cow::Borrowed(_)));
    }

    #[test]
    fn syllables_concatenate_to_input(s in lao_text()) {
        prop_assert_eq!(syllables(&s).collect::<String>(), s.clone());
        let mut at = 0;
        for (off, unit) in syllable_indices(&s) {
            prop_assert_eq!(off, at);
            prop_assert!(!unit.is_empty());
            at += unit.len();
        }
        prop_assert_eq!(at, s.len());
    }

    #[test]
    fn syllables_of_any_unicode(s in any::<String>()) {
        prop_assert_eq!(syllables(&s).collect::<String>(), s.clone());
        let n = normalize(&s, Form::Search).into_owned();
        prop_assert_eq!(&n, &normalize(&n, Form::Search));
    }

    #[test]
    fn joining_characters_stay_in_the_syllable_before_them(
        chars in prop::collection::vec(
            (
                prop::sample::select(
                    assigned_lao().into_iter().filter(|c| !c.is_numeric()).collect::<Vec<_>>(),
                ),
                prop::option::weighted(0.2, prop::sample::select(JOINING.to_vec())),
            ),
            0..30,
        )
    ) {
        // A soft hyphen, ZWJ, ZWNJ, the word joiner, U+FEFF, U+180E or another
        // script's combining mark after a Lao letter or mark: the units are those
        // of the text without them, each of them in the syllable before it (but
        // not in ຯ or a ໆ with no syllable before it, which are units of their own).
        let with: String = chars.iter().flat_map(|&(c, j)| std::iter::once(c).chain(j)).collect();
        let bare: String = chars.iter().map(|&(c, _)| c).collect();
        let units: Vec<String> = syllables(&with)
            .map(|u| u.chars().filter(|c| !JOINING.contains(c)).collect::<String>())
            .filter(|u| !u.is_empty())
            .collect();
        let mut before = "";
        for unit in syllables(&with) {
            prop_assert!(
                !unit.starts_with(JOINING) || before.chars().all(|c| c == 'ຯ' || c == 'ໆ'),
                "{:?} after {:?} in {:?}", unit, before, with
            );
            before = unit;
        }
        let want: Vec<&str> = syllables(&bare).collect();
        prop_assert_eq!(units, want, "{:?}", with);
    }

    #[test]
    fn utf16_spans_match_js_indices(s in lao_text()) {
        let spans: Vec<(usize, usize)> = akson::utf16_spans(syllable_indices(&s)).collect();
        let units: Vec<&str> = syllables(&s).collect();
        let u16: Vec<u16> = s.encode_utf16().collect();
        prop_assert_eq!(spans.len(), units.len());
        for ((a, b), unit) in spans.iter().zip(units) {
            prop_assert_eq!(String::from_utf16(&u16[*a..*b]).unwrap(), unit);
        }
    }
}

/// Time one run of `f`; the inputs below are large enough to show quadratic behaviour.
fn timed(f: impl FnOnce()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

#[test]
fn adversarial_inputs_stay_linear() {
    let cases: Vec<(&str, String)> = vec![
        ("repeated word", "ບັນດາ".repeat(20_000)),
        (
            "one million tone marks",
            "ກ".to_string() + &"່".repeat(1_000_000),
        ),
        ("alternating marks", "ກ".to_string() + &"່ິ".repeat(300_000)),
        ("pre-vowels", "ເ".repeat(500_000)),
        ("ຫ runs", "ຫ".repeat(500_000)),
        ("decomposed am", "ນໍ້າ".repeat(100_000)),
        ("Thai marks on Lao", "ກ\u{0E48}\u{0E34}".repeat(100_000)),
        ("soft hyphens in a run", "ກາ\u{AD}".repeat(200_000)),
        ("lone consonants with joiners", "ກ\u{200D}".repeat(300_000)),
        (
            "marks with joiners",
            "ກ".to_string() + &"່\u{FE0F}".repeat(300_000),
        ),
        ("an emoji sequence", "👍\u{200D}".repeat(300_000)),
        ("flags", "🇱🇦".repeat(300_000)),
        ("a word with soft hyphens", "ab\u{AD}".repeat(300_000)),
    ];
    for (name, text) in cases {
        // Linear: the same work on twice the input must take about twice the
        // time (quadratic would take four times).
        let run = |s: &str| {
            timed(|| {
                std::hint::black_box(normalize(s, Form::Canonical));
                std::hint::black_box(normalize(s, Form::Search));
                std::hint::black_box(syllables(s).count());
                std::hint::black_box(akson::words(s).count());
            })
        };
        // (The best of three runs each: other tests share the machine.)
        let best = |s: &str| (0..3).map(|_| run(s)).min().unwrap();
        let half = &text[..text.floor_char_boundary(text.len() / 2)];
        let t_half = best(half);
        let t_full = best(&text);
        assert!(
            t_full < Duration::from_secs(20) && t_full < t_half * 3 + Duration::from_millis(100),
            "{name}: {t_half:?} for half, {t_full:?} for all"
        );
    }
}
