//! The embedded dictionary and word segmentation on real text.

use akson::{normalize, words, Dictionary, Form};

#[test]
fn embedded_dictionary_is_valid_and_small() {
    let fst = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/dictionaries/akson-lo.fst"
    ))
    .unwrap();
    assert!(
        fst.len() <= 1_000_000,
        "embedded dictionary is {} bytes",
        fst.len()
    );
    let d = Dictionary::embedded();
    assert!(d.len() > 40_000, "{} words", d.len());
    let meta = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/dictionaries/akson-lo.json"
    ))
    .unwrap();
    assert!(meta.contains(&format!("\"version\": \"{}\"", akson::DICTIONARY_VERSION)));
    assert!(meta.contains(&format!("\"fst_bytes\": {}", fst.len())));
    for w in [
        "ລັດຖະມົນຕີ",
        "ປະຊາທິປະໄຕ",
        "ພັດທະນາ",
        "ດຳລັດ",
        "ດໍາລັດ",
        "ຫຼາຍ",
        "ຫລາຍ",
    ] {
        assert!(d.contains(w), "{w}");
    }
}

fn corpus_lines() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("../shared/corpus beside the project") {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            out.extend(
                std::fs::read_to_string(p)
                    .unwrap()
                    .lines()
                    .map(String::from),
            );
        }
    }
    out
}

#[test]
fn words_round_trip_and_ignore_spelling_variants() {
    let lines = corpus_lines();
    assert!(lines.len() > 100);
    for line in &lines {
        let toks: Vec<&str> = words(line).collect();
        assert_eq!(toks.concat(), *line);
        // The canonical text splits at the same places.
        let canon = normalize(line, Form::Canonical);
        let canon_toks: Vec<&str> = words(&canon).collect();
        let mapped: Vec<String> = toks
            .iter()
            .map(|t| normalize(t, Form::Canonical).into_owned())
            .collect();
        assert_eq!(mapped, canon_toks, "{line}");
        // So does the text as people and OCR type it (ນໍ້າ, ຫນ, ຫມ, ເເ, ຫລ, the
        // tone mark before the vowel sign), which the segmenter's table finds
        // without normalising it.
        // (ຫລ is folded in search form only: the tokens are compared so.)
        let typed = retyped(&canon);
        let typed_toks: Vec<String> = words(&typed)
            .map(|t| normalize(t, Form::Search).into_owned())
            .collect();
        let search_toks: Vec<String> = canon_toks
            .iter()
            .map(|t| normalize(t, Form::Search).into_owned())
            .collect();
        assert_eq!(typed_toks, search_toks, "{typed}");
    }
}

/// `text` typed the old ways: ໍາ for ຳ (with the tone mark after ໍ), ຫນ / ຫມ for ໜ /
/// ໝ, ເເ for ແ, ຫລ for ຫຼ, and the tone mark before the vowel sign above.
fn retyped(text: &str) -> String {
    let mut out = text
        .replace('ໜ', "ຫນ")
        .replace('ໝ', "ຫມ")
        .replace('ແ', "ເເ")
        .replace("ຫຼ", "ຫລ");
    for t in ['\u{EC8}', '\u{EC9}'] {
        out = out.replace(&format!("{t}ຳ"), &format!("\u{ECD}{t}າ"));
        for v in ['ິ', 'ີ', 'ຶ', 'ື', 'ັ', 'ົ'] {
            out = out.replace(&format!("{v}{t}"), &format!("{t}{v}"));
        }
    }
    out.replace('ຳ', "\u{ECD}າ")
}

#[test]
fn typed_variants_split_like_the_modern_spelling() {
    let modern = "ປະຊາຊົນລາວທັງຫຼາຍມີໜ້າທີ່ນຳໃຊ້ນ້ຳ";
    let old = "ປະຊາຊົນລາວທັງຫລາຍມີຫນ້າທ່ີນໍາໃຊ້ນໍ້າ";
    let a: Vec<usize> = words(modern).map(|t| t.chars().count()).collect();
    let b: Vec<String> = words(old)
        .map(|t| normalize(t, Form::Search).into_owned())
        .collect();
    let a_tokens: Vec<String> = words(modern)
        .map(|t| normalize(t, Form::Search).into_owned())
        .collect();
    assert_eq!(a_tokens, b);
    assert!(a.len() >= 6);
}

#[test]
fn misspelt_rare_tone_marks_are_not_words() {
    // One source alone lists these with ໊ or ໋ where several list the word with
    // another mark (akson-dict-build, step 2c); the words with ໋ that are real stay.
    let d = Dictionary::embedded();
    for (wrong, right) in [
        ("ຄວາມຮູ໊", "ຄວາມຮູ້"),
        ("ໄຟຟ໊າ", "ໄຟຟ້າ"),
        ("ແມ໋ນ້ຳ", "ແມ່ນ້ຳ"),
        ("ເກົ໋າແກ່", "ເກົ່າແກ່"),
        // E-Government entries whose twin is a phrase of agreed words.
        ("ການຕິດຕໍ່ສື໋ສານ", "ການຕິດຕໍ່ສື່ສານ"),
        ("ຖ່ານເທົ໋າ", "ຖ່ານເທົ່າ"),
        ("ກິນຝິ໋ນ", "ກິນຝິ່ນ"),
    ] {
        assert!(!d.contains(wrong), "{wrong}");
        // The spelling the sources agree on reads as dictionary words.
        assert!(words(right).all(|t| d.contains(t)), "{right}");
    }
    assert_eq!(
        words("ລາວມີຄວາມຮູ້ຫຼາຍ").collect::<Vec<_>>(),
        ["ລາວ", "ມີ", "ຄວາມ", "ຮູ້", "ຫຼາຍ"]
    );
    // Expressive words and loanwords of other lists, and phrases with an
    // exception, keep their ໊/໋.
    for real in ["ກະເປົ໋າ", "ກະເປົ໋າເດີນທາງ", "ກະຈິ໋ມ", "ບ໊າຍບາຍ", "ປາທ່ອງໂກ໋"]
    {
        assert!(d.contains(real), "{real}");
    }
    // So the corrector no longer writes the misspelling for a dropped tone mark.
    assert_eq!(akson::correct("ການຕິດຕໍ່ສືສານ"), "ການຕິດຕໍ່ສື່ສານ");
}

/// Every example of the gold set's conventions (`tests/gold/CONVENTIONS.md`), whole
/// or split with `|`, is segmented that way by the embedded dictionary; the build
/// reads the same file. Typos are left out: the word a typo stands for is not in
/// the dictionary (ປ່ອນອີງ for ບ່ອນອີງ); so is the section of decisions taken from
/// the held-out set, which the build does not apply.
#[test]
fn segmentation_follows_the_gold_conventions() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/gold/CONVENTIONS.md"
    ))
    .unwrap();
    let is_lao = |c: char| ('\u{0E80}'..='\u{0EFF}').contains(&c);
    let mut checked = 0;
    let mut wrong = Vec::new();
    let (mut typos, mut audit) = (false, false);
    for line in text.lines() {
        // The item on typos, with its continuation lines, and the section the
        // build does not apply (decisions taken from the held-out set).
        if line.starts_with('#') {
            audit = line.starts_with("## Decided in the audit of the held-out set");
        }
        if line.starts_with("- ") || line.starts_with('#') {
            typos = line.starts_with("- Typos");
        }
        if typos || audit {
            continue;
        }
        for example in line.split(|c: char| !(is_lao(c) || c == '|')) {
            let example = example.trim_matches('|');
            if !example.chars().any(is_lao) {
                continue;
            }
            let got = words(&example.replace('|', ""))
                .collect::<Vec<_>>()
                .join("|");
            checked += 1;
            if got != example {
                wrong.push(format!("{example} segmented as {got}"));
            }
        }
    }
    assert!(checked > 150, "only {checked} examples found");
    assert!(
        wrong.is_empty(),
        "{} of {checked}:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Words with a pre-vowel on ໜ, ໝ or ຫຼ, typed the old way (ເຫມືອນ for ເໝືອນ), split
/// like the modern spelling whatever comes next, even a syllable that costs the
/// grammar a little more (a medial ວ, a ລ/ຣ cluster): the look-ahead once split
/// ເຫ|ມືອນ before ຄວາມ and ເຫ|ມາ|ະ before ກວ່າ.
#[test]
fn old_spellings_of_ho_clusters_after_a_pre_vowel_split_like_the_modern_ones() {
    let heads: Vec<String> = akson::Dictionary::embedded()
        .entries()
        .into_iter()
        .map(|(w, _)| w)
        .filter(|w| {
            [
                "ເໜ",
                "ເໝ",
                "ເຫຼ",
                "ແໜ",
                "ແໝ",
                "ແຫຼ",
                "ໂໜ",
                "ໂໝ",
                "ໂຫຼ",
                "ໄໜ",
                "ໄໝ",
                "ໄຫຼ",
            ]
            .iter()
            .any(|p| w.contains(p))
        })
        .collect();
    assert!(heads.len() > 50, "{}", heads.len());
    let search = |text: &str| -> Vec<String> {
        words(text)
            .map(|t| normalize(t, Form::Search).into_owned())
            .collect()
    };
    let nexts = ["ຄວາມ", "ກວ່າ", "ຂວາ", "ກວ້າງ", "ປຣະເທດ", "ແລະ", ""];
    let mut differ = Vec::new();
    for head in &heads {
        for next in nexts {
            let modern = format!("{head}{next}");
            let old = retyped(&modern);
            if search(&modern) != search(&old) {
                differ.push(format!("{modern} / {old}"));
            }
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} differ: {}",
        differ.len(),
        nexts.len() * heads.len(),
        differ[..differ.len().min(20)].join(", ")
    );
}

/// A consonant that the grammar reads as a final where it opens a cluster of the
/// next syllable (ດີກ|ວ່າ for ດີ|ກວ່າ, "better") goes where the dictionary's words
/// are; where the grammar's reading is the word (ຫາກ|ວ່າ, ບອກ|ວ່າ) it stays, and OCR
/// junk around it is not re-read as an unknown word.
#[test]
fn a_final_or_a_cluster_is_chosen_by_the_dictionary() {
    let split = |text: &str| words(text).collect::<Vec<_>>().join("|");
    for (text, want) in [
        ("ຊີວິດຈະດີກວ່າເກົ່າ", "ຊີວິດ|ຈະ|ດີ|ກວ່າ|ເກົ່າ"),
        ("ມີ 10 ປີກວ່າແລ້ວ", "ມີ| |10| |ປີ|ກວ່າ|ແລ້ວ"),
        ("ມີກວ່າ", "ມີ|ກວ່າ"),
        ("ຫາກວ່າ", "ຫາກ|ວ່າ"),
        ("ລາວບອກວ່າ", "ລາວ|ບອກ|ວ່າ"),
        ("ຮູ້ສຶກວ່າ", "ຮູ້ສຶກ|ວ່າ"),
        ("ເທດອອກລິດຖ", "ເທດ|ອອກລິດ|ຖ"),
    ] {
        assert_eq!(split(text), want);
        // Typed the old ways, it splits at the same places.
        let typed: Vec<String> = words(&retyped(text))
            .map(|t| normalize(t, Form::Canonical).into_owned())
            .collect();
        assert_eq!(typed.join("|"), want, "{}", retyped(text));
    }
}

/// Phrases of three words or more that only the E-Government list or CLDR has,
/// with a grammatical word inside, are not words (akson-dict-build, step 3), so
/// they segment as the conventions say; names whose syllables happen to be words
/// and elaborate expressions (a word repeated before two others) stay whole.
#[test]
fn one_source_phrases_with_a_grammatical_word_inside_are_split() {
    let d = Dictionary::embedded();
    for (phrase, split) in [
        ("ອຳນວຍຄວາມສະດວກ", "ອຳນວຍ|ຄວາມ|ສະດວກ"),
        ("ມາດຕະຖານການຄອງຊີບ", "ມາດຕະຖານ|ການ|ຄອງຊີບ"),
        ("ກິໂລແມັດຕໍ່ຊົ່ວໂມງ", "ກິໂລແມັດ|ຕໍ່|ຊົ່ວໂມງ"),
        ("ເຂົ້າເປັນສະມາຊິກ", "ເຂົ້າ|ເປັນ|ສະມາຊິກ"),
    ] {
        assert!(!d.contains(phrase), "{phrase}");
        assert_eq!(words(phrase).collect::<Vec<_>>().join("|"), split);
    }
    for whole in ["ກາລິຊຽນ", "ບໍ່ດົນບໍ່ນານ", "ພໍຢູ່ພໍກິນ"]
    {
        assert!(d.contains(whole), "{whole}");
        assert_eq!(words(whole).collect::<Vec<_>>(), [whole]);
    }
}
