//! Builds `dictionaries/akson-lo.fst`, the dictionary embedded in akson, and
//! `akson-lo-phrases.fst`, the phrases its OCR corrector also uses.
//!
//! ```text
//! cargo run --release -p akson-dict-build            # rebuild the artifact
//! cargo run --release -p akson-dict-build -- --check # fail if it is out of date
//! ```
//!
//! Steps (every one deterministic, so the same inputs give the same bytes):
//!
//! 1. Read the permissively licensed sources in `dictionaries/sources/` (see the
//!    README there), bring every entry to canonical form, drop zero-width
//!    characters, and drop phrases (entries with spaces), entries with non-Lao
//!    characters, digits, stray marks, or more than 16 syllables.
//! 2. Spelling variants (same search form, e.g. ຫລາຍ/ຫຼາຍ) keep the spelling most
//!    sources agree on; an entry that only one source has and that the others spell
//!    differently is taken as a misspelling and dropped. So is an entry that one
//!    source alone lists, with a syllable that the corpus never uses and at most one
//!    other entry has, when the same syllable with the other length of its vowel
//!    (ິ/ີ, ຶ/ື, ຸ/ູ) is common (ເງີນ for ເງິນ, ທີ່ເກິດຂື້ນ for ທີ່ເກີດຂື້ນ).
//! 3. Apply the segmentation convention of `tests/gold/CONVENTIONS.md`, read from
//!    the file: what it writes across a `|` is dropped, what it writes whole is
//!    kept. Entries made of the nominalisers ການ / ຄວາມ or ຜູ້ plus another
//!    dictionary word, or of a grammatical word (ຢູ່, ໃນ, ຂຶ້ນ, ກວ່າ, …) plus another
//!    word, are dropped (they are two words), except lexicalised ones (a list, and
//!    entries that most sources list); so are entries that only the bilingual
//!    E-Government dictionary lists and that split into two words other sources
//!    agree on (translation phrases such as ລົງຄວາມເຫັນ).
//! 4. Count word frequencies on `../shared/corpus` by segmenting it with the
//!    dictionary itself (three rounds of hard EM), with the number of sources that
//!    list a word as a prior. Corpus lines that hold a sentence of the held-out gold
//!    set `tests/gold/words-test.txt` (and of any `--hold-out` file) are skipped,
//!    and so are those that hold a line of the dev or test split of the OCR corpus
//!    (`dictionaries/ocr/clean`): the costs are the OCR corrector's context too.
//!    Then an entry that one source alone lists and the corpus never uses is dropped
//!    as a misspelling when it is a frequent corpus word, listed by several
//!    sources, with one tone mark added, dropped or changed (ໜ້າທີ for ໜ້າທີ່,
//!    ເຄືອນໄຫວ for ເຄື່ອນໄຫວ). Here the two versions of the Wilson & Campbell list
//!    count as one source.
//! 5. The entries step 3 dropped as two words (by the conventions, or as a
//!    grammatical word + word) are phrases for the OCR corrector: each is counted
//!    as a run of neighbouring words in the corpus as the final dictionary
//!    segments it, and priced like a word. So is every pair of Lao words that
//!    the corpus has side by side, without a space (ຂັ້ນແຂວງ, ນັ້ນດ້ວຍ), priced by
//!    its count less a discount: what a word bigram model would tell the
//!    corrector (ຂັນແຂວງ, a tone mark lost, is ຂັ້ນແຂວງ).
//! 6. Write an `fst` map from canonical word to cost (−ln p, in milli-nats), the
//!    same for the phrases (`akson-lo-phrases.fst`) and a JSON summary beside it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use akson::{normalize, syllables, Dictionary, Form};

/// The sources that go into the default dictionary, with their ids.
/// Licences: see dictionaries/sources/<id>/LICENSE. hunspell-lo (LGPL) and
/// tesseract-lao (noisy) are not used.
const SOURCES: &[&str] = &[
    "icu-laodict",
    "google-lo-spellcheck",
    "egov-lao-eng",
    "wilson-campbell-2013",
    "cldr-lo",
    "laonlp-wannaphong",
    "akson-supplement",
];

/// Source bit of the E-Government Center Lao–English dictionary, whose one-source
/// entries include many translation phrases.
const EGOV_MASK: u32 = 1 << 2;
/// Source bit of the 2013 Wilson & Campbell list: the same authors' work as the
/// 2020 list in ICU (bit 0), which has 11,205 of its 11,208 entries.
const WILSON_CAMPBELL_2013_MASK: u32 = 1 << 3;
/// Source bit of CLDR's Lao names (of languages, countries, units, …).
const CLDR_MASK: u32 = 1 << 4;

/// How many independent word lists a source mask stands for: the two versions of
/// the Wilson & Campbell list count once.
fn independent_sources(mask: u32) -> u32 {
    let merged = if mask & WILSON_CAMPBELL_2013_MASK != 0 {
        (mask & !WILSON_CAMPBELL_2013_MASK) | 1
    } else {
        mask
    };
    merged.count_ones()
}

/// Pseudo-count given to a word per source that lists it.
const PRIOR_PER_SOURCE: f64 = 0.5;
/// Taken from the count of two words side by side in the corpus when the pair is
/// priced as a phrase (absolute discounting: a pair seen once counts a quarter).
/// Chosen on the OCR dev split's lines (Phetsarath OT, four scan settings): 842
/// errors with 0.75, 844 with 0.5 or 0, 848 without the pairs; the test split's
/// lines 2,476, 2,475, 2,475 and 2,504.
const WORD_PAIR_DISCOUNT: f64 = 0.75;
const EM_ROUNDS: usize = 3;

/// Prefixes that make two words (CONVENTIONS.md), and the lexicalised exceptions.
const SPLIT_PREFIXES: &[&str] = &["ການ", "ຄວາມ", "ຜູ້"];
/// Grammatical words (particles, prepositions, auxiliaries, demonstratives): an
/// entry made of one of these and another dictionary word is a phrase of two words
/// under the convention (ຢູ່ໃນ → ຢູ່|ໃນ, ເພື່ອການ → ເພື່ອ|ການ), unless lexicalised.
const FUNCTION_PREFIXES: &[&str] = &[
    "ແລະ",
    "ຈະ",
    "ແມ່ນ",
    "ເພື່ອ",
    "ໂດຍ",
    "ຈາກ",
    "ແລ້ວ",
    "ກໍ່",
    "ກໍ",
    "ຫຼື",
    "ໃນ",
    "ຢູ່",
    "ໃຫ້",
    "ເປັນ",
    "ມີ",
    "ໄດ້",
    "ບໍ່",
    "ຍັງ",
    "ຊຶ່ງ",
    "ເຊິ່ງ",
    "ຕ້ອງ",
    "ເຄີຍ",
    "ກຳລັງ",
    "ກັບ",
    "ທີ່",
    "ທຸກ",
    "ປະຈຳ",
    // ທັງ "all, both" + noun or number (ທັງ|ສອງ, as ທັງ|ໝົດ).
    "ທັງ",
    // Heads of the free combinations of CONVENTIONS.md (ກະຊວງ|ໄປສະນີ, ລະບົບ|ສະຖິຕິ).
    "ກະຊວງ",
    "ລະບົບ",
];
/// The same for grammatical words at the end (ດີຂຶ້ນ → ດີ|ຂຶ້ນ, ພົບກັບ → ພົບ|ກັບ), verbs
/// of direction and result (ຫຼຸດລົງ → ຫຼຸດ|ລົງ, ຍ່າງໄປ → ຍ່າງ|ໄປ), ວ່າ "that" (ຖືວ່າ →
/// ຖື|ວ່າ), the reciprocal ກັນ (ຮ່ວມກັນ → ຮ່ວມ|ກັນ), ທີ່ສຸດ "most" and ອີກ "again".
const FUNCTION_SUFFIXES: &[&str] = &[
    "ແລະ",
    "ນີ້",
    "ນັ້ນ",
    "ຂຶ້ນ",
    "ກັບ",
    "ແລ້ວ",
    "ໃນ",
    "ໃຫ້",
    "ເປັນ",
    "ຢູ່",
    "ໄດ້",
    "ແມ່ນ",
    "ຈະ",
    "ເພື່ອ",
    "ໂດຍ",
    "ຈາກ",
    "ຫຼື",
    "ກວ່າ",
    "ລົງ",
    "ໄວ້",
    "ໃສ່",
    "ເອົາ",
    "ວ່າ",
    "ໄປ",
    "ກັນ",
    "ທີ່ສຸດ",
    "ອີກ",
];
/// Time nouns and the modifiers that CONVENTIONS.md splits from them (ເດືອນ|ໜ້າ,
/// ປີ|ນີ້, ເດືອນ|ພະຈິກ, and the hour ສິບ|ໂມງ|ແລງ); an entry of exactly one noun and
/// one of its modifiers is a phrase. (ຕອນ + a time of day is whole: ຕອນເຊົ້າ.)
const TIME_PHRASES: &[(&[&str], &[&str])] = &[
    (
        &["ປີ", "ເດືອນ", "ອາທິດ", "ມື້", "ວັນ"],
        &[
            "ໜ້າ",
            "ນີ້",
            "ນັ້ນ",
            "ແລ້ວ",
            "ທີ່ແລ້ວ",
            "ກາຍ",
            "ກ່ອນ",
            "ຫຼັງ",
            "ຕໍ່ໄປ",
            "ຕໍ່ມາ",
            "ມັງກອນ",
            "ກຸມພາ",
            "ມີນາ",
            "ເມສາ",
            "ພຶດສະພາ",
            "ມິຖຸນາ",
            "ກໍລະກົດ",
            "ສິງຫາ",
            "ກັນຍາ",
            "ຕຸລາ",
            "ພະຈິກ",
            "ທັນວາ",
        ],
    ),
    (&["ໂມງ"], &["ເຊົ້າ", "ແລງ", "ທ່ຽງ"]),
];
/// Units and classifiers that CONVENTIONS.md splits from the number before them
/// (ສອງ|ພັນ, ເຈັດ|ໂມງ|ເຊົ້າ, ແປດ|ຊົ່ວໂມງ).
const NUMBER_UNITS: &[&str] = &[
    "ຮ້ອຍ",
    "ພັນ",
    "ໝື່ນ",
    "ແສນ",
    "ລ້ານ",
    "ໂມງ",
    "ຊົ່ວໂມງ",
    "ນາທີ",
    "ປີ",
    "ເດືອນ",
    "ອາທິດ",
    "ມື້",
    "ວັນ",
    "ຄົນ",
    "ກີບ",
];
const DIGIT_WORDS: &[&str] = &["ໜຶ່ງ", "ສອງ", "ສາມ", "ສີ່", "ຫ້າ", "ຫົກ", "ເຈັດ", "ແປດ", "ເກົ້າ"];

/// The numerals up to ninety-nine (one word each, CONVENTIONS.md), and ຮ້ອຍ.
fn numerals() -> Vec<String> {
    let mut tens: Vec<String> = vec!["ສິບ".into(), "ຊາວ".into()];
    tens.extend(DIGIT_WORDS[2..].iter().map(|d| format!("{d}ສິບ")));
    let mut out: Vec<String> = DIGIT_WORDS.iter().map(|d| d.to_string()).collect();
    for t in &tens {
        out.push(t.clone());
        out.push(format!("{t}ເອັດ"));
        out.extend(DIGIT_WORDS[1..].iter().map(|d| format!("{t}{d}")));
    }
    out.push("ຮ້ອຍ".into());
    out
}

/// Whether `w` is a number followed by units (ສອງພັນ, ເຈັດໂມງເຄິ່ງ, ສາມສິບປີ):
/// a phrase of several words, returned as (number, the rest).
fn number_phrase(w: &str, numerals: &[String]) -> Option<(String, String)> {
    let n = numerals
        .iter()
        .filter(|n| w.starts_with(n.as_str()) && w.len() > n.len())
        .max_by_key(|n| n.len())?;
    let rest = &w[n.len()..];
    // The rest must be units, numbers and ເຄິ່ງ "half" only.
    let mut at = rest;
    let mut first = true;
    while !at.is_empty() {
        let next = NUMBER_UNITS
            .iter()
            .copied()
            .chain(numerals.iter().map(String::as_str).filter(|_| !first))
            .chain(["ເຄິ່ງ"].into_iter().filter(|_| !first))
            .filter(|u| at.starts_with(u))
            .max_by_key(|u| u.len())?;
        at = &at[next.len()..];
        first = false;
    }
    Some((n.clone(), rest.to_string()))
}

const LEXICALISED: &[&str] = &[
    "ການເມືອງ",
    "ຄວາມຈິງ",
    "ການງານ",
    "ຜູ້ຊາຍ",
    "ຜູ້ຍິງ",
    "ຜູ້ໃຫຍ່",
    "ຜູ້ແທນ",
    // Lexicalised as recorded in sources/akson-supplement/PROVENANCE.md
    // (ການເງິນ "finance" as ການເມືອງ "politics"; ຜູ້ + age or sex as ຜູ້ໃຫຍ່).
    "ການເງິນ",
    "ການທູດ",
    "ການແພດ",
    "ຜູ້ເຖົ້າ",
    "ຜູ້ບ່າວ",
    "ຜູ້ສາວ",
    "ຜູ້ຄົນ",
    "ໄດ້ຮັບ",
    "ເປັນຕົ້ນ",
    "ດັ່ງນັ້ນ",
    "ເທົ່ານັ້ນ",
    "ສະນັ້ນ",
    "ມື້ນີ້",
    "ກ່ຽວກັບ",
    "ພາຍໃນ",
    "ໄດ້ຍິນ",
    "ເປັນຫ່ວງ",
    "ໃຫ້ອະໄພ",
    "ທີ່ຕັ້ງ",
    "ທີ່ດິນ",
    "ທີ່ນີ້",
    "ສະຖານທີ່",
    "ທີ່ປຶກສາ",
    "ແຕ່ລະ",
    "ບໍ່ແມ່ນ",
    "ຢ່າງໃດ",
    "ທຸກຍາກ",
    "ມີຊື່",
    "ກັບຄືນ",
    "ພ້ອມກັບ",
    "ຕາມທີ່",
    "ຂຶ້ນກັບ",
    "ໃນນາມ",
    // Lexical words in which a syllable merely looks like a grammatical word
    // (ລາຍໄດ້ "income", ເນື້ອໃນ "content", ກໍລະນີ "case", ເມືອງຂຶ້ນ "colony",
    // ກັບຕັນ "captain", the Pali numerals ຈະຕຸ and ປັນຈະ),
    // and conjunctions and adverbs lexicalised like those of CONVENTIONS.md
    // (ເນື່ອງຈາກ and ຫຼັງຈາກ as ນອກຈາກ, ດຽວນີ້, ຕອນນີ້ and ວານນີ້ as ມື້ນີ້, ສັນນັ້ນ as
    // ສະນັ້ນ, ໂດຍທົ່ວໄປ as ໂດຍສະເພາະ).
    "ກໍລະນີ",
    "ເນື້ອໃນ",
    "ລາຍໄດ້",
    "ຈະແຈ້ງ",
    "ກໍ່ຕັ້ງ",
    "ກຳລັງໃຈ",
    "ໂດຍສານ",
    "ເຄື່ອງໃນ",
    "ສັດຈະ",
    "ເປັນອັນຂາດ",
    "ເປັນກາງ",
    "ເມືອງຂຶ້ນ",
    "ຮຸ່ງຂຶ້ນ",
    "ເຈັບເປັນ",
    "ເນື່ອງຈາກ",
    "ຫຼັງຈາກ",
    "ເນື່ອງໃນ",
    "ດຽວນີ້",
    "ບັດນີ້",
    "ວານນີ້",
    "ສັນນັ້ນ",
    "ໂດຍທົ່ວໄປ",
    "ຕອນນີ້",
    "ທຸກວັນນີ້",
    "ເປັນຫຍັງ",
    "ເປັນລົມ",
    "ຕາເວັນຂຶ້ນ",
    "ຈະຕຸ",
    "ປັນຈະ",
    "ກັບດັກ",
    "ກັບຕັນ",
    // ທີ່ "that, place": the words CONVENTIONS.md keeps whole are above; these are
    // adverbs and pronouns like them (ທີ່ນັ້ນ as ທີ່ນີ້, ທີ່ໃດ as ຢ່າງໃດ).
    "ທີ່ສຸດ",
    "ທີ່ຈິງ",
    "ທີ່ແທ້",
    "ທີ່ຮັກ",
    "ທີ່ນັ້ນ",
    "ທີ່ໃດ",
    "ທີ່ວ່າການ",
    "ທີ່ນາ",
    // ປະຈຳ "regular" + a time is split (ປະຈຳ|ເດືອນ); these are words.
    "ປະຈຳການ",
    "ປະຈຳຕົວ",
    "ປະຈຳລາສີ",
    // ທຸກ "suffering" (not ທຸກ "every"):
    "ທຸກທໍລະມານ",
    "ທຸກລະທົມ",
    "ທຸກຍາກລຳບາກ",
    "ທຸກລຳບາກ",
    "ທຸກຮ້ອນ",
    "ທຸກໂສກ",
    "ທຸກໃຈ",
    "ທຸກເວທະນາ",
    "ທຸກຈົນ",
    // ທັງ "all" + noun is split (ທັງ|ສອງ, as ທັງ|ໝົດ); the conjunction ທັງທີ່
    // "although" is a word.
    "ທັງທີ່",
    // The reciprocal ກັນ "each other" is split (ຮ່ວມ|ກັນ); these are words of ກັນ
    // "prevent" (ປ້ອງກັນ, ປະກັນ), loanwords, and adverbs lexicalised as ດຽວກັນ.
    "ປ້ອງກັນ",
    "ປະກັນ",
    "ຮັບປະກັນ",
    "ກັກກັນ",
    "ຄຸ້ມກັນ",
    "ສະກັນ",
    "ສະຫະກັນ",
    "ກະສິກັນ",
    "ສຸຣິຍະກັນ",
    "ທົດສະກັນ",
    "ໄມ້ກັນ",
    "ເສື້ອກັນ",
    "ໄຟກັນ",
    "ເຊັ່ນກັນ",
    "ເໝືອນກັນ",
    "ຄືກັນ",
    "ດ້ວຍກັນ",
    // Words that end in a syllable like a direction verb (ລົງ "down").
    "ດຳລົງ",
    "ສຳລົງ",
    "ວີໂອລົງ",
];
/// An entry that at least this many of the sources list is a word even if it
/// looks like a grammatical word plus another word.
const LEXICALISED_BY_SOURCES: u32 = 5;

struct Args {
    root: PathBuf,
    corpus: PathBuf,
    out: PathBuf,
    check: bool,
    /// Gold files whose sentences are not counted (always `words-test.txt`).
    held_out: Vec<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut args = Args {
        corpus: root.join("../shared/corpus"),
        out: root.join("dictionaries/akson-lo.fst"),
        held_out: vec![root.join("tests/gold/words-test.txt")],
        root,
        check: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--check" => args.check = true,
            "--corpus" => args.corpus = it.next().ok_or("--corpus needs a folder")?.into(),
            "--out" => args.out = it.next().ok_or("--out needs a file")?.into(),
            "--hold-out" => args
                .held_out
                .push(it.next().ok_or("--hold-out needs a gold file")?.into()),
            "-h" | "--help" => {
                println!(
                    "akson-dict-build [--check] [--corpus DIR] [--out FILE] [--hold-out GOLD]...\n\n\
                     Builds dictionaries/akson-lo.fst from dictionaries/sources and the corpus.\n\
                     --check     build in memory and fail if the committed artifact differs\n\
                     --hold-out  also skip the corpus lines of this gold file when counting\n\
                     \x20           (tests/gold/words-test.txt always is); with --out, for an\n\
                     \x20           honest dev figure: --hold-out tests/gold/words-dev.txt"
                );
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other:?} (try --help)")),
        }
    }
    Ok(args)
}

/// The heading of the section of `tests/gold/CONVENTIONS.md` whose decisions were
/// taken from the held-out gold set, which the build does not apply.
const HELD_OUT_AUDIT: &str = "## Decided in the audit of the held-out set";

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The segmentation examples of `tests/gold/CONVENTIONS.md`, in search form: the
/// words it writes whole, and every string it writes across a `|` (for
/// `ຖ້າ|ຫາກ|ວ່າ`: ຖ້າຫາກ, ຫາກວ່າ and ຖ້າຫາກວ່າ), which is not one word. The item
/// on typos is skipped, and so is the section of decisions taken in the audit of
/// the held-out set (`HELD_OUT_AUDIT`), as `tests/words.rs` skips them.
fn conventions(root: &Path) -> Result<(BTreeSet<String>, BTreeSet<String>), String> {
    let text = read(&root.join("tests/gold/CONVENTIONS.md"))?;
    let is_lao = |c: char| ('\u{0E80}'..='\u{0EFF}').contains(&c);
    let (mut whole, mut split) = (BTreeSet::new(), BTreeSet::new());
    // The item on typos (with its continuation lines) lists misspellings, not
    // words; the section of decisions taken in the audit of the held-out set is
    // kept from the segmenter.
    let (mut typos, mut audit) = (false, false);
    let lines = text.lines().filter(|line| {
        if line.starts_with('#') {
            audit = line.starts_with(HELD_OUT_AUDIT);
        }
        if line.starts_with("- ") || line.starts_with('#') {
            typos = line.starts_with("- Typos");
        }
        !typos && !audit
    });
    for token in lines.flat_map(|l| l.split(|c: char| !(is_lao(c) || c == '|'))) {
        let parts: Vec<&str> = token.split('|').filter(|p| !p.is_empty()).collect();
        if let [one] = parts[..] {
            whole.insert(normalize(one, Form::Search).into_owned());
        }
        for i in 0..parts.len() {
            for j in i + 2..=parts.len() {
                split.insert(normalize(&parts[i..j].concat(), Form::Search).into_owned());
            }
        }
    }
    if let Some(both) = whole.intersection(&split).next() {
        return Err(format!(
            "tests/gold/CONVENTIONS.md writes {both} both whole and split; make it agree"
        ));
    }
    Ok((whole, split))
}

/// Whether `w` (canonical) has a vowel written before its consonant (ເ ແ ໂ ໃ ໄ)
/// that no consonant follows.
fn has_orphan_pre_vowel(w: &str) -> bool {
    let consonant = |c: char| matches!(c, '\u{E81}'..='\u{EAE}' | '\u{EDC}'..='\u{EDF}');
    let mut chars = w.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '\u{EC0}'..='\u{EC4}') && !chars.peek().is_some_and(|&n| consonant(n)) {
            return true;
        }
    }
    false
}

/// Whether a syllable of `w` (canonical) ends in ັ or ົ, tone marks aside: those
/// vowels are never written without a final or a vowel letter after them.
fn has_open_short_vowel(w: &str) -> bool {
    syllables(w).any(|s| {
        s.chars()
            .rfind(|c| !matches!(c, '\u{EC8}'..='\u{ECB}'))
            .is_some_and(|c| matches!(c, '\u{EB1}' | '\u{EBB}'))
    })
}

/// Cleans one source entry; `None` if it cannot be a dictionary word.
fn clean(entry: &str) -> Option<String> {
    let no_zw: String = entry
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
            )
        })
        .collect();
    let w = normalize(no_zw.trim(), Form::Canonical).into_owned();
    if w.is_empty() {
        return None;
    }
    // A throwaway dictionary checks the word the way user words are checked.
    let mut probe = Dictionary::empty();
    probe.add(&w).ok()?;
    Some(w)
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("akson-dict-build: {e}");
            ExitCode::from(1)
        }
    }
}

fn run() -> Result<ExitCode, String> {
    let args = parse_args()?;
    let src_dir = args.root.join("dictionaries/sources");

    // 1. Sources → canonical entries with the set of sources listing them.
    let mut entries: BTreeMap<String, u32> = BTreeMap::new();
    let mut per_source: Vec<(&str, usize, usize)> = Vec::new();
    for (i, id) in SOURCES.iter().enumerate() {
        let text = read(&src_dir.join(id).join("words.txt"))?;
        let (mut raw, mut kept) = (0, 0);
        for line in text.lines() {
            raw += 1;
            if let Some(w) = clean(line) {
                kept += 1;
                *entries.entry(w).or_default() |= 1 << i;
            }
        }
        per_source.push((id, raw, kept));
    }
    let cleaned = entries.len();

    // 2. Spelling variants: keep the spelling with the most sources.
    let mut by_key: BTreeMap<String, Vec<(String, u32)>> = BTreeMap::new();
    for (w, mask) in &entries {
        by_key
            .entry(normalize(w, Form::Search).into_owned())
            .or_default()
            .push((w.clone(), *mask));
    }
    let mut words: BTreeMap<String, u32> = BTreeMap::new();
    let mut variants_dropped = 0;
    for (key, group) in by_key {
        let union = group.iter().fold(0, |m, (_, s)| m | s);
        let best = group
            .iter()
            .max_by_key(|(w, s)| (s.count_ones(), *w == key, std::cmp::Reverse(w.clone())))
            .unwrap();
        variants_dropped += group.len() - 1;
        words.insert(best.0.clone(), union);
    }

    // 2a. Impossible spellings: a vowel written before its consonant (ເ ແ ໂ ໃ
    // ໄ) with no consonant after it: at the end (ທີ່ເ), before another such vowel
    // (ປ່ຽນແແປງ) or before a mark (ເປີເັ້ນ); or a syllable that ends in ັ or ົ
    // (tone marks aside), which always take a final or a vowel letter after them
    // (ພະຍັຊະນະ for ພະຍັນຊະນະ, ປະສົບເຜົນ for ປະສົບຜົນ). No Lao word is written so;
    // these are typing slips of single sources.
    let mut misspellings_dropped = 0;
    words.retain(|w, _| {
        let possible = !has_orphan_pre_vowel(w) && !has_open_short_vowel(w);
        if !possible {
            misspellings_dropped += 1;
            if std::env::var_os("AKSON_DICT_VERBOSE").is_some() {
                eprintln!("impossible spelling: {w}");
            }
        }
        possible
    });

    // 2b. Misspelt vowel length: an entry only one source lists, with a syllable that
    // no more than one other entry has and the corpus never uses, where the same
    // syllable with the other length of its vowel (ິ/ີ, ຶ/ື, ຸ/ູ) is common: ເງີນ
    // for ເງິນ, ທີ່ເກິດຂື້ນ for ທີ່ເກີດຂື້ນ.
    let lines = corpus_lines(&args)?;
    let mut corpus_syllables: BTreeMap<&str, usize> = BTreeMap::new();
    for line in &lines.0 {
        for s in syllables(line) {
            *corpus_syllables.entry(s).or_default() += 1;
        }
    }
    let mut entries_with: BTreeMap<String, usize> = BTreeMap::new();
    for w in words.keys() {
        let set: BTreeSet<&str> = syllables(w).collect();
        for s in set {
            *entries_with.entry(s.to_string()).or_default() += 1;
        }
    }
    words.retain(|w, mask| {
        if mask.count_ones() > 1 || LEXICALISED.contains(&w.as_str()) {
            return true;
        }
        for s in syllables(w) {
            let rare =
                entries_with.get(s).copied().unwrap_or(0) <= 2 && !corpus_syllables.contains_key(s);
            if !rare {
                continue;
            }
            for v in other_vowel_length(s) {
                let common = entries_with.get(&v).copied().unwrap_or(0) >= 10
                    || corpus_syllables.get(v.as_str()).copied().unwrap_or(0) >= 3;
                if common {
                    misspellings_dropped += 1;
                    if std::env::var_os("AKSON_DICT_VERBOSE").is_some() {
                        eprintln!("misspelling: {w} ({s} for {v})");
                    }
                    return false;
                }
            }
        }
        true
    });

    // 2c. Misspelt tone marks, by the sources: an entry that one source alone
    // lists and the corpus never has, whose twin with one tone mark added, dropped
    // or changed several sources list (ສື໋ສານ for ສື່ສານ, ຄວາມຮູ໊ for ຄວາມຮູ້). The
    // corpus is too small to tell most of these (step 4 also drops the ones whose
    // twin it uses often); before step 3, so that a twin the conventions split
    // (ຄວາມ|ຮູ້) still counts.
    let corpus_text = lines.0.join("\n");
    let masks = words.clone();
    words.retain(|w, mask| {
        if independent_sources(*mask) > 1
            || LEXICALISED.contains(&w.as_str())
            || TONE_TWIN_WORDS.contains(&w.as_str())
            || corpus_text.contains(w.as_str())
        {
            return true;
        }
        // Only the rare marks ໊ and ໋ (loanwords, interjections), in a word of two
        // syllables or more: a one-syllable word with another tone is often
        // another word (ກວ່າງ a beetle, ກວາງ a deer).
        let rare = |x: &str| {
            x.chars()
                .filter(|c| matches!(c, '\u{ECA}' | '\u{ECB}'))
                .count()
        };
        if rare(w) == 0 || syllables(w).nth(1).is_none() {
            return true;
        }
        let agreed = |x: &str| {
            masks
                .get(x)
                .is_some_and(|&m| independent_sources(m) >= TONE_TWIN_SOURCES)
        };
        // The twin is an agreed word; or, for an entry of the E-Government list
        // alone (which often has ໊/໋ for ້/່: ມາພໍ໊ "to meet", ຖ່ານເທົ໋າ "ashes"),
        // a phrase of agreed words, where the entry is not one, with the rare mark
        // changed to ່ or ້ (ການຕິດຕໍ່ສື໋ສານ: ການ|ຕິດຕໍ່|ສື່ສານ). Not for the other
        // lists, whose ໊/໋ words are mostly expressive words and loanwords made of
        // syllables that are words without the mark (ກະຈິ໋ມ, ບ໊າຍບາຍ, ປາທ່ອງໂກ໋),
        // nor for a phrase that holds one of the exceptions (ກະເປົ໋າເດີນທາງ).
        let phrase_twin = *mask == EGOV_MASK
            && !TONE_TWIN_WORDS.iter().any(|x| w.contains(x))
            && !agreed_words(w, &agreed);
        let twin = tone_variants(w).into_iter().find(|v| {
            rare(v) < rare(w)
                && (agreed(v) || (phrase_twin && v.len() == w.len() && agreed_words(v, &agreed)))
        });
        match twin {
            Some(v) => {
                misspellings_dropped += 1;
                if std::env::var_os("AKSON_DICT_VERBOSE").is_some() {
                    eprintln!("misspelling: {w} (tone of {v}, by the sources)");
                }
                false
            }
            None => true,
        }
    });

    // 3. Convention: nominaliser + word is two words.
    let (whole, split) = conventions(&args.root)?;
    let mut examples_dropped = 0;
    let search_keys: BTreeSet<String> = words
        .keys()
        .map(|w| normalize(w, Form::Search).into_owned())
        .collect();
    let mut convention_dropped = 0;
    let support: BTreeMap<String, u32> = words
        .iter()
        .map(|(w, m)| (normalize(w, Form::Search).into_owned(), m.count_ones()))
        .collect();
    let entries_support = |x: &str| {
        support
            .get(&*normalize(x, Form::Search))
            .copied()
            .unwrap_or(0)
    };
    let prefixes: BTreeSet<&str> = FUNCTION_PREFIXES.iter().copied().collect();
    let numerals = numerals();
    let mut phrases_dropped = 0;
    let mut translation_dropped = 0;
    // Entries dropped as two words or more (by CONVENTIONS.md or as a grammatical
    // word + word): kept apart as phrases for the OCR corrector.
    let mut phrases: BTreeMap<String, u32> = BTreeMap::new();
    words.retain(|w, mask| {
        let mask = *mask;
        // What CONVENTIONS.md shows split is two words; what it shows whole, one.
        let key = normalize(w, Form::Search);
        if split.contains(&*key) {
            examples_dropped += 1;
            phrases.insert(w.clone(), mask);
            if std::env::var_os("AKSON_DICT_VERBOSE").is_some() {
                eprintln!("split in CONVENTIONS.md: {w}");
            }
            return false;
        }
        if LEXICALISED.contains(&w.as_str()) || whole.contains(&*key) {
            return true;
        }
        let units: Vec<&str> = syllables(w).collect();
        // A phrase that only the bilingual dictionary lists and that splits into two
        // words which several sources agree on: a translation unit, not a word (and
        // no phrase for the OCR corrector either, even if a rule below would make
        // it one: ມື້ໜ້າ would turn ມີໜ້າທີ່ into ມື້ໜ້າທີ່).
        let translation = (std::env::var_os("AKSON_DICT_NO_COMPOSITIONAL").is_none()
            && mask.count_ones() == 1
            && mask & EGOV_MASK != 0)
            .then(|| {
                (1..units.len()).find_map(|k| {
                    let a: String = units[..k].concat();
                    let b: String = units[k..].concat();
                    let strong = |x: &str| entries_support(x) >= 2;
                    (strong(&a) && strong(&b)).then_some((a, b))
                })
            })
            .flatten();
        // Or three words or more, one of them a grammatical word inside the phrase
        // (ຄວາມສາມາດ|ໃນ|ການ|ເຂົ້າເຖິງ, ກິໂລແມັດ|ຕໍ່|ຊົ່ວໂມງ): a name or loanword whose
        // syllables happen to be words (ກາລິຊຽນ) has no such word inside.
        // These stay phrases for the OCR corrector, as the conventions' are.
        let translation = translation.or_else(|| {
            let split = (std::env::var_os("AKSON_DICT_NO_COMPOSITIONAL").is_none()
                && mask.count_ones() == 1
                && mask & (EGOV_MASK | CLDR_MASK) != 0)
                .then(|| grammatical_inside(&units, &|x: &str| entries_support(x) >= 2))
                .flatten();
            if split.is_some() {
                phrases.insert(w.clone(), mask);
            }
            split
        });
        if let Some((a, b)) = translation {
            translation_dropped += 1;
            if std::env::var_os("AKSON_DICT_VERBOSE").is_some() {
                eprintln!("compositional: {w} = {a} + {b}");
            }
            return false;
        }
        // A grammatical word joined to another word: a phrase.
        // Unless most sources list it as a word: then the "grammatical word" is a
        // syllable of a lexical one (ມີນາ "March", ຈຳເປັນ "necessary", ກໍ່ສ້າງ
        // "build").
        let lexical = mask.count_ones() >= LEXICALISED_BY_SOURCES;
        let known = |x: &str| search_keys.contains(&*normalize(x, Form::Search));
        // Prefixes end on a syllable boundary. Suffixes are matched on the string:
        // the syllable segmenter may take the first consonant of a cluster for the
        // final of the syllable before (ດີກວ່າ read ດີກ|ວ່າ, not ດີ|ກວ່າ).
        let phrase = (!lexical)
            .then(|| {
                number_phrase(w, &numerals)
                    .or_else(|| {
                        TIME_PHRASES
                            .iter()
                            .flat_map(|&(nouns, modifiers)| {
                                nouns.iter().map(move |&a| (a, modifiers))
                            })
                            .find_map(|(a, modifiers)| {
                                let b = w.strip_prefix(a)?;
                                modifiers
                                    .contains(&b)
                                    .then(|| (a.to_string(), b.to_string()))
                            })
                    })
                    .or_else(|| {
                        (1..units.len())
                            .map(|k| (units[..k].concat(), units[k..].concat()))
                            .find(|(a, b)| prefixes.contains(a.as_str()) && known(b))
                            .or_else(|| {
                                FUNCTION_SUFFIXES.iter().find_map(|&b| {
                                    let a =
                                        w.strip_suffix(b).filter(|a| !a.is_empty() && known(a))?;
                                    Some((a.to_string(), b.to_string()))
                                })
                            })
                    })
            })
            .flatten();
        if let Some((a, b)) = phrase {
            phrases_dropped += 1;
            phrases.insert(w.clone(), mask);
            if std::env::var_os("AKSON_DICT_VERBOSE").is_some() {
                eprintln!("phrase: {w} = {a} + {b}");
            }
            return false;
        }
        for p in SPLIT_PREFIXES {
            if let Some(rest) = w.strip_prefix(p) {
                let rest_units: Vec<&str> = syllables(rest).collect();
                // The rest is a word, or two (ຜູ້|ປະສົບ|ໄພ).
                let words_after = known(rest)
                    || (1..rest_units.len()).any(|k| {
                        known(&rest_units[..k].concat()) && known(&rest_units[k..].concat())
                    });
                if !rest.is_empty() && syllables(w).next() == Some(*p) && words_after {
                    if std::env::var_os("AKSON_DICT_VERBOSE").is_some() {
                        eprintln!("prefix: {w} = {p} + {rest}");
                    }
                    convention_dropped += 1;
                    return false;
                }
            }
        }
        true
    });

    // 4. Frequencies by hard EM on the corpus, held-out gold sentences excluded.
    let (lines, skipped, corpus_files) = lines;
    let priors: Vec<(String, f64)> = words
        .iter()
        .map(|(w, mask)| (w.clone(), PRIOR_PER_SOURCE * mask.count_ones() as f64))
        .collect();
    let mut counts: BTreeMap<String, f64> = BTreeMap::new();
    let mut corpus_tokens = 0usize;
    let mut costs = costs_from(&priors, &counts);
    for _ in 0..EM_ROUNDS {
        let dict = dictionary_of(&costs)?;
        counts.clear();
        corpus_tokens = 0;
        for line in &lines {
            for token in dict.words(line) {
                if let Some(canon) = lookup_word(&words, token) {
                    *counts.entry(canon).or_default() += 1.0;
                    corpus_tokens += 1;
                }
            }
        }
        costs = costs_from(&priors, &counts);
    }
    // An entry that one source alone lists and the corpus never uses, and that is
    // a word the corpus uses often (listed by several sources) with one tone mark
    // added, dropped or changed, is a misspelling (ໜ້າທີ for ໜ້າທີ່, ຢູ for ຢູ່): the OCR
    // corrector would take it for a word when Tesseract drops the mark. It was on
    // no best path, so the counts stand as they are.
    let mut priors = priors;
    priors.retain(|(w, _)| {
        let single = words.get(w).is_some_and(|&m| independent_sources(m) == 1);
        if !single || counts.contains_key(w) || TONE_TWIN_WORDS.contains(&w.as_str()) {
            return true;
        }
        let twin = tone_variants(w).into_iter().find(|v| {
            words.get(v).is_some_and(|&m| independent_sources(m) > 1)
                && counts.get(v).copied().unwrap_or(0.0) >= TONE_TWIN_MIN
        });
        match twin {
            Some(v) => {
                misspellings_dropped += 1;
                if std::env::var_os("AKSON_DICT_VERBOSE").is_some() {
                    eprintln!("misspelling: {w} (tone of {v})");
                }
                false
            }
            None => true,
        }
    });
    let kept: BTreeSet<&String> = priors.iter().map(|(w, _)| w).collect();
    words.retain(|w, _| kept.contains(w));
    costs = costs_from(&priors, &counts);

    // 5. Phrases for the OCR corrector: how often each is a run of neighbouring
    // words in the corpus as the final dictionary segments it, with the same prior
    // and total as the words, so a phrase costs what it would as one word.
    let (phrase_costs, phrases_from_pairs) = {
        let dict = dictionary_of(&costs)?;
        let keys: BTreeMap<String, String> = phrases
            .keys()
            .filter(|p| !dict.contains(p))
            .map(|p| (normalize(p, Form::Search).into_owned(), p.clone()))
            .collect();
        let longest = keys.keys().map(|k| k.len()).max().unwrap_or(0);
        let mut seen: BTreeMap<String, f64> = BTreeMap::new();
        // Two words the corpus has side by side (ຂັ້ນແຂວງ, ນັ້ນດ້ວຍ) are phrases too,
        // priced by how often, less WORD_PAIR_DISCOUNT.
        let lao_word =
            |t: &str| dict.contains(t) && t.chars().all(|c| ('\u{E80}'..='\u{EFF}').contains(&c));
        let mut pairs: BTreeMap<String, f64> = BTreeMap::new();
        for line in &lines {
            let tokens: Vec<&str> = dict.words(line).collect();
            for w in tokens.windows(2) {
                if lao_word(w[0]) && lao_word(w[1]) {
                    *pairs.entry(format!("{}{}", w[0], w[1])).or_default() += 1.0;
                }
            }
            for i in 0..tokens.len() {
                let mut run = String::new();
                for t in &tokens[i..] {
                    run.push_str(&normalize(t, Form::Search));
                    if run.len() > longest {
                        break;
                    }
                    if let Some(p) = keys.get(&run).filter(|_| run.len() > t.len()) {
                        *seen.entry(p.clone()).or_default() += 1.0;
                    }
                }
            }
        }
        let total: f64 = priors.iter().map(|(_, p)| p).sum::<f64>() + counts.values().sum::<f64>();
        let mut out = keys
            .values()
            .map(|p| {
                let n = PRIOR_PER_SOURCE * phrases[p].count_ones() as f64
                    + seen.get(p).copied().unwrap_or(0.0);
                (p.clone(), (total / n).ln())
            })
            .collect::<BTreeMap<String, f64>>();
        let mut from_pairs = 0;
        for (p, n) in pairs {
            // Not a word, nor a phrase of the entries (in any spelling).
            if !dict.contains(&p) && !keys.contains_key(&*normalize(&p, Form::Search)) {
                out.insert(p, (total / (n - WORD_PAIR_DISCOUNT)).ln());
                from_pairs += 1;
            }
        }
        (out, from_pairs)
    };

    // 6. The fst maps (keys sorted) and their summary.
    // Keys are the words with a mark between their syllables (see
    // `akson::dict::compiled_key`), so that akson does not segment them on load.
    let fst_of = |entries: &mut dyn Iterator<Item = (&String, f64)>| -> Result<Vec<u8>, String> {
        let mut keyed: Vec<(String, u64)> = entries
            .map(|(w, cost)| (akson::dict::compiled_key(w), (cost * 1000.0).round() as u64))
            .collect();
        keyed.sort_unstable();
        let mut builder = fst::MapBuilder::memory();
        for (key, cost) in keyed {
            builder
                .insert(key.as_bytes(), cost)
                .map_err(|e| e.to_string())?;
        }
        builder.into_inner().map_err(|e| e.to_string())
    };
    let bytes = fst_of(&mut costs.iter().map(|(w, c)| (w, *c)))?;
    let phrase_bytes = fst_of(&mut phrase_costs.iter().map(|(w, c)| (w, *c)))?;
    let phrases_path = args.out.with_file_name(format!(
        "{}-phrases.fst",
        args.out
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("akson-lo")
    ));
    let meta = summary(
        &per_source,
        cleaned,
        variants_dropped,
        [
            convention_dropped,
            phrases_dropped,
            translation_dropped,
            misspellings_dropped,
            examples_dropped,
        ],
        &costs,
        &counts,
        corpus_tokens,
        lines.len(),
        skipped,
        &corpus_files,
        bytes.len(),
        (phrase_costs.len(), phrases_from_pairs, phrase_bytes.len()),
    );
    let meta_path = args.out.with_extension("json");
    // Each dictionary version names one artifact: `dictionaries/versions.tsv` lists
    // every version with a hash of its fst (only for the embedded dictionary's path).
    let versions_path = args.root.join("dictionaries/versions.tsv");
    let embedded = args.out == args.root.join("dictionaries/akson-lo.fst");
    let versions = std::fs::read_to_string(&versions_path).unwrap_or_default();
    let line = format!("{}\t{:016x}", akson::DICTIONARY_VERSION, fnv64(&bytes));
    let recorded = versions
        .lines()
        .find(|l| l.split('\t').next() == Some(akson::DICTIONARY_VERSION));
    // The corpus is the input from outside the repository: the summary records
    // its files, so a check names it when they are not the ones read.
    let old_meta = std::fs::read_to_string(&meta_path).unwrap_or_default();
    let (was, now) = (recorded_corpus(&old_meta), recorded_corpus(&meta));
    if args.check && embedded && was != now {
        let list = |a: &[String], b: &[String]| {
            let v: Vec<&str> = a
                .iter()
                .filter(|f| !b.contains(f))
                .map(|f| f.as_str())
                .collect();
            if v.is_empty() {
                "none".to_string()
            } else {
                v.join(", ")
            }
        };
        let (missing, new) = (list(&was, &now), list(&now, &was));
        eprintln!(
            "akson-dict-build: the corpus at {} is not the one {} was counted on \
             (akson-lo.json, \"corpus_files\"); recorded but not read: {missing}; read \
             but not recorded: {new}. Point --corpus at the corpus it was built \
             from, or rebuild with `cargo run --release -p akson-dict-build` and commit \
             the result (a changed fst needs a new DICTIONARY_VERSION)",
            args.corpus.display(),
            args.out.display(),
        );
        return Ok(ExitCode::from(1));
    }
    if embedded && recorded.is_some_and(|l| l != line) {
        eprintln!(
            "akson-dict-build: the dictionary differs from the one released as {v} \
             (dictionaries/versions.tsv): set DICTIONARY_VERSION in src/dict.rs to a new \
             version and run the build again",
            v = akson::DICTIONARY_VERSION
        );
        return Ok(ExitCode::from(1));
    }
    if args.check {
        if embedded && recorded.is_none() {
            eprintln!(
                "akson-dict-build: dictionaries/versions.tsv does not list {}: run \
                 `cargo run --release -p akson-dict-build` and commit it",
                akson::DICTIONARY_VERSION
            );
            return Ok(ExitCode::from(1));
        }
        let old = std::fs::read(&args.out).unwrap_or_default();
        let old_phrases = std::fs::read(&phrases_path).unwrap_or_default();
        let old_notices =
            std::fs::read_to_string(args.root.join("dictionaries/THIRD-PARTY-NOTICES.md"))
                .unwrap_or_default();
        if old != bytes
            || old_phrases != phrase_bytes
            || old_meta != meta
            || old_notices != third_party_notices(&src_dir)?
        {
            eprintln!(
                "akson-dict-build: {} is out of date, or this build's inputs differ from \
                 those it was built from (dictionaries/sources, the corpus at {}, \
                 tests/gold/CONVENTIONS.md and the held-out gold and OCR lines): run \
                 `cargo run --release -p akson-dict-build` and commit it",
                args.out.display(),
                args.corpus.display()
            );
            return Ok(ExitCode::from(1));
        }
        println!(
            "{} is up to date ({} words, {} bytes)",
            args.out.display(),
            costs.len(),
            bytes.len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let notices_path = args.root.join("dictionaries/THIRD-PARTY-NOTICES.md");
    std::fs::write(&notices_path, third_party_notices(&src_dir)?)
        .map_err(|e| format!("cannot write {}: {e}", notices_path.display()))?;
    std::fs::write(&args.out, &bytes)
        .map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
    std::fs::write(&phrases_path, &phrase_bytes)
        .map_err(|e| format!("cannot write {}: {e}", phrases_path.display()))?;
    std::fs::write(&meta_path, &meta)
        .map_err(|e| format!("cannot write {}: {e}", meta_path.display()))?;
    if embedded && recorded.is_none() {
        let mut all = versions;
        all.push_str(&line);
        all.push('\n');
        std::fs::write(&versions_path, all)
            .map_err(|e| format!("cannot write {}: {e}", versions_path.display()))?;
    }
    print!("{meta}");
    Ok(ExitCode::SUCCESS)
}

/// The corpus lines, canonical, without those that hold a sentence of the
/// held-out gold set or a line of the OCR corpus's dev or test split; and how
/// many were skipped; and each file read (its name, size and FNV-1a hash, for the
/// summary: the corpus lives outside the repository).
fn corpus_lines(args: &Args) -> Result<(Vec<String>, usize, Vec<CorpusFile>), String> {
    let mut held_out: Vec<String> = Vec::new();
    for gold in &args.held_out {
        held_out.extend(
            read(gold)?
                .lines()
                .map(|l| l.replace('|', ""))
                .filter(|l| !l.trim().is_empty()),
        );
    }
    let mut corpus_files: Vec<PathBuf> = std::fs::read_dir(&args.corpus)
        .map_err(|e| format!("cannot read the corpus {}: {e}", args.corpus.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    corpus_files.sort();
    // The frequencies are also the corrector's context (word costs, phrase
    // counts), so the text of the OCR corpus's dev and test splits is not counted.
    let ocr_held_out = ocr_held_out(&args.root)?;
    let mut lines = Vec::new();
    let mut skipped = 0;
    let mut files = Vec::new();
    for f in &corpus_files {
        let text = read(f)?;
        files.push(CorpusFile {
            name: f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            bytes: text.len(),
            fnv64: fnv64(text.as_bytes()),
        });
        for line in text.lines() {
            let canonical = normalize(line, Form::Canonical).into_owned();
            let flat = canonical.split_whitespace().collect::<Vec<_>>().join(" ");
            if held_out.iter().any(|h| line.contains(h.as_str()))
                || ocr_held_out.iter().any(|c| flat.contains(c.as_str()))
            {
                skipped += 1;
                continue;
            }
            lines.push(canonical);
        }
    }
    Ok((lines, skipped, files))
}

/// The corpus files a summary (`akson-lo.json`) lists, one line each as written.
fn recorded_corpus(meta: &str) -> Vec<String> {
    meta.lines()
        .skip_while(|l| !l.contains("\"corpus_files\""))
        .skip(1)
        .take_while(|l| l.trim_start().starts_with('{'))
        .map(|l| l.trim().trim_end_matches(',').to_string())
        .collect()
}

/// A file of the corpus the frequencies were counted on, as the summary lists it.
struct CorpusFile {
    name: String,
    bytes: usize,
    fnv64: u64,
}

/// Real words that one source alone lists beside a frequent word one tone mark
/// away (ຊຶ້ງ "moved", ຍັ້ງ "to hold back", ຫັ່ນ "to slice" beside ຊຶ່ງ, ຍັງ, ຫັນ), or
/// with ໋ beside a word most sources list without it (ກະເປົ໋າ "bag", ລູກເຕົ໋າ
/// "dice"): not misspellings.
const TONE_TWIN_WORDS: &[&str] = &["ຊຶ້ງ", "ຍັ້ງ", "ຫັ່ນ", "ກະເປົ໋າ", "ລູກເຕົ໋າ"];

/// A word used at least this often in the corpus makes a one-source entry that
/// differs from it by one tone mark a misspelling.
const TONE_TWIN_MIN: f64 = 3.0;
/// A word that at least this many independent sources list makes a one-source
/// entry that differs from it by one tone mark, and that the corpus never has, a
/// misspelling.
const TONE_TWIN_SOURCES: u32 = 3;

/// `word` with one tone mark dropped, changed, or (after any character) added,
/// in canonical form.
fn tone_variants(word: &str) -> Vec<String> {
    const TONES: [char; 4] = ['\u{EC8}', '\u{EC9}', '\u{ECA}', '\u{ECB}'];
    let mut out = BTreeSet::new();
    for (i, c) in word.char_indices() {
        let (head, tail) = (&word[..i], &word[i + c.len_utf8()..]);
        if TONES.contains(&c) {
            out.insert(format!("{head}{tail}"));
            for t in TONES.iter().filter(|&&t| t != c) {
                out.insert(format!("{head}{t}{tail}"));
            }
        }
        for t in ['\u{EC8}', '\u{EC9}'] {
            out.insert(format!("{head}{c}{t}{tail}"));
        }
    }
    out.into_iter()
        .map(|v| normalize(&v, Form::Canonical).into_owned())
        .filter(|v| v != word)
        .collect()
}

/// Whether `phrase` is two or more words that `agreed` accepts, one after the
/// other, each ending on a syllable boundary.
fn agreed_words(phrase: &str, agreed: &dyn Fn(&str) -> bool) -> bool {
    let units: Vec<&str> = syllables(phrase).collect();
    split_words(&units, agreed, &|_| false).is_some()
}

/// A split of a phrase's syllables `units` into three words or more that `strong`
/// accepts, one of them (not the first nor the last) a grammatical word
/// (`FUNCTION_PREFIXES`, ການ, ຄວາມ, ຂອງ, ຕໍ່): the first word and the others
/// joined with `|`, for the verbose report.
fn grammatical_inside(units: &[&str], strong: &dyn Fn(&str) -> bool) -> Option<(String, String)> {
    // Elaborate expressions, a word repeated before each of two others (ບໍ່ດົນບໍ່ນານ,
    // ພໍຢູ່ພໍກິນ, ທັງແມ່ທັງລູກ), are idioms.
    if units.len() == 4 && units[0] == units[2] {
        return None;
    }
    let grammatical =
        |x: &str| FUNCTION_PREFIXES.contains(&x) || ["ການ", "ຄວາມ", "ຂອງ", "ຕໍ່"].contains(&x);
    match split_words(units, strong, &grammatical)? {
        (words, true) if words.len() >= 3 => Some((words[0].clone(), words[1..].join("|"))),
        _ => None,
    }
}

/// A split of the syllables `units` into two words or more that `strong` accepts
/// (a dynamic programme over the syllable boundaries), preferring one with a word
/// inside (neither the first nor the last) that `inner` marks, then the fewest
/// words; with whether it has such a word.
fn split_words(
    units: &[&str],
    strong: &dyn Fn(&str) -> bool,
    inner: &dyn Fn(&str) -> bool,
) -> Option<(Vec<String>, bool)> {
    let n = units.len();
    // `reach[j]`: the best split of `units[..j]`: (words, whether one inside is
    // marked, where the last word starts).
    let mut reach: Vec<Option<(usize, bool, usize)>> = vec![None; n + 1];
    reach[0] = Some((0, false, 0));
    for j in 1..=n {
        // The whole phrase is not a split of it.
        for i in usize::from(j == n)..j {
            let Some((k, marked, _)) = reach[i] else {
                continue;
            };
            let piece = units[i..j].concat();
            if !strong(&piece) {
                continue;
            }
            let cand = (k + 1, marked || (i > 0 && j < n && inner(&piece)), i);
            let better = |old: (usize, bool, usize)| (cand.1, old.0) > (old.1, cand.0);
            if reach[j].map_or(true, better) {
                reach[j] = Some(cand);
            }
        }
    }
    let (_, marked, _) = reach[n]?;
    let mut words = Vec::new();
    let mut j = n;
    while j > 0 {
        let (_, _, i) = reach[j]?;
        words.push(units[i..j].concat());
        j = i;
    }
    words.reverse();
    Some((words, marked))
}

/// The 64-bit FNV-1a hash of `bytes` (for `dictionaries/versions.tsv`: tells
/// artifacts apart, not a checksum against tampering).
fn fnv64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The syllable with one vowel mark of the other length (ິ/ີ, ຶ/ື, ຸ/ູ).
fn other_vowel_length(syllable: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, c) in syllable.char_indices() {
        let twin = match c {
            'ິ' => 'ີ',
            'ີ' => 'ິ',
            'ຶ' => 'ື',
            'ື' => 'ຶ',
            'ຸ' => 'ູ',
            'ູ' => 'ຸ',
            _ => continue,
        };
        out.push(format!(
            "{}{twin}{}",
            &syllable[..i],
            &syllable[i + c.len_utf8()..]
        ));
    }
    out
}

/// Sources of other embedded data than the dictionary, with what is made of them.
const OTHER_SOURCES: &[(&str, &str)] = &[(
    "tesseract-lao",
    "Not in the dictionary. The OCR corrector's context model embedded in akson \
     (`dictionaries/ocr/context-web.tsv`, made by `dictionaries/ocr/train_model.py`) \
     holds syllable counts of this word list's entries.",
)];

/// The licence notices of every source of the embedded data, verbatim.
fn third_party_notices(src_dir: &Path) -> Result<String, String> {
    let mut s = String::from(
        "# Third-party notices for the embedded data\n\n\
         Generated by `cargo run --release -p akson-dict-build`. The dictionary embedded in\n\
         akson (`dictionaries/akson-lo.fst`) is compiled from the word lists below, and the\n\
         OCR corrector's context model counts syllables of the last one; their licences\n\
         require these notices to accompany copies, including binaries.\n",
    );
    for id in SOURCES {
        let lic = read(&src_dir.join(id).join("LICENSE"))?;
        s.push_str(&format!("\n## {id}\n\n```text\n{}\n```\n", lic.trim_end()));
    }
    for (id, what) in OTHER_SOURCES {
        let lic = read(&src_dir.join(id).join("LICENSE"))?;
        s.push_str(&format!(
            "\n## {id}\n\n{what}\n\n```text\n{}\n```\n",
            lic.trim_end()
        ));
    }
    Ok(s)
}

/// The dictionary entry a segmenter token stands for (tokens may be variants).
fn lookup_word(words: &BTreeMap<String, u32>, token: &str) -> Option<String> {
    let canon = normalize(token.trim_end_matches('ໆ'), Form::Canonical);
    words.contains_key(&*canon).then(|| canon.into_owned())
}

/// Costs (nats) from counts plus priors.
fn costs_from(priors: &[(String, f64)], counts: &BTreeMap<String, f64>) -> Vec<(String, f64)> {
    let total: f64 = priors.iter().map(|(_, p)| p).sum::<f64>() + counts.values().sum::<f64>();
    priors
        .iter()
        .map(|(w, p)| {
            let n = p + counts.get(w).copied().unwrap_or(0.0);
            (w.clone(), (total / n).ln())
        })
        .collect()
}

/// The clean lines of the dev and test splits of `dictionaries/ocr` (canonical,
/// spaces collapsed), whose text is not counted.
fn ocr_held_out(root: &Path) -> Result<Vec<String>, String> {
    let dir = root.join("dictionaries/ocr/clean");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in &files {
        for line in read(f)?.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if let [_, "dev" | "test", text] = cols[..] {
                let text = normalize(text, Form::Canonical);
                out.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
            }
        }
    }
    Ok(out)
}

/// A dictionary of words with their costs in nats.
fn dictionary_of(costs: &[(String, f64)]) -> Result<Dictionary, String> {
    let mut dict = Dictionary::empty();
    for (w, c) in costs {
        dict.add_with_count(w, per_million(*c))
            .map_err(|e| e.to_string())?;
    }
    Ok(dict)
}

/// Count per million that `add_with_count` turns back into `cost` nats.
fn per_million(cost: f64) -> f64 {
    (1_000_000.0 / cost.exp()).min(1_000_000.0)
}

#[allow(clippy::too_many_arguments)]
fn summary(
    per_source: &[(&str, usize, usize)],
    cleaned: usize,
    variants_dropped: usize,
    dropped: [usize; 5],
    costs: &[(String, f64)],
    counts: &BTreeMap<String, f64>,
    corpus_tokens: usize,
    corpus_lines: usize,
    skipped: usize,
    corpus_files: &[CorpusFile],
    fst_bytes: usize,
    (phrases, from_pairs, phrase_bytes): (usize, usize, usize),
) -> String {
    let mut s = String::from("{\n");
    s.push_str(&format!(
        "  \"version\": \"{}\",\n",
        akson::DICTIONARY_VERSION
    ));
    s.push_str("  \"generated_by\": \"cargo run --release -p akson-dict-build\",\n");
    s.push_str("  \"sources\": [\n");
    for (k, (id, raw, kept)) in per_source.iter().enumerate() {
        s.push_str(&format!(
            "    {{\"id\": \"{id}\", \"entries\": {raw}, \"kept_after_cleaning\": {kept}}}{}\n",
            if k + 1 < per_source.len() { "," } else { "" }
        ));
    }
    s.push_str("  ],\n");
    s.push_str(&format!("  \"distinct_clean_entries\": {cleaned},\n"));
    s.push_str(&format!(
        "  \"spelling_variants_merged\": {variants_dropped},\n"
    ));
    s.push_str(&format!(
        "  \"dropped_nominaliser_compounds\": {},\n  \"dropped_function_word_phrases\": {},\n  \"dropped_translation_phrases\": {},\n  \"dropped_misspellings\": {},\n  \"dropped_as_split_in_conventions\": {},\n",
        dropped[0], dropped[1], dropped[2], dropped[3], dropped[4]
    ));
    s.push_str(&format!("  \"words\": {},\n", costs.len()));
    s.push_str(&format!("  \"words_seen_in_corpus\": {},\n", counts.len()));
    s.push_str(&format!("  \"corpus_lines\": {corpus_lines},\n"));
    s.push_str(&format!(
        "  \"corpus_lines_skipped_as_held_out\": {skipped},\n"
    ));
    s.push_str(&format!("  \"corpus_tokens_counted\": {corpus_tokens},\n"));
    // The corpus is read from outside the repository (`--corpus`): which files,
    // so that a build on other text is told apart.
    s.push_str("  \"corpus_files\": [\n");
    for (k, f) in corpus_files.iter().enumerate() {
        let name = f.name.replace('\\', "\\\\").replace('"', "\\\"");
        s.push_str(&format!(
            "    {{\"file\": \"{name}\", \"bytes\": {}, \"fnv1a64\": \"{:016x}\"}}{}\n",
            f.bytes,
            f.fnv64,
            if k + 1 < corpus_files.len() { "," } else { "" }
        ));
    }
    s.push_str("  ],\n");
    s.push_str(&format!("  \"fst_bytes\": {fst_bytes},\n"));
    s.push_str(&format!("  \"phrases_for_ocr_correction\": {phrases},\n"));
    s.push_str(&format!(
        "  \"phrases_from_corpus_word_pairs\": {from_pairs},\n"
    ));
    s.push_str(&format!("  \"phrases_fst_bytes\": {phrase_bytes}\n"));
    s.push_str("}\n");
    s
}

#[cfg(test)]
mod tests {
    use super::{
        agreed_words, grammatical_inside, has_open_short_vowel, has_orphan_pre_vowel,
        independent_sources, number_phrase, numerals, other_vowel_length, recorded_corpus, summary,
        tone_variants, CorpusFile, SOURCES, WILSON_CAMPBELL_2013_MASK,
    };

    #[test]
    fn phrases_with_a_grammatical_word_inside() {
        let strong =
            |x: &str| ["ອຳນວຍ", "ຄວາມ", "ສະດວກ", "ກາ", "ລິ", "ຊຽນ", "ບໍ່", "ດົນ", "ນານ"].contains(&x);
        let split = |w: &[&str]| grammatical_inside(w, &strong);
        assert_eq!(
            split(&["ອຳ", "ນວຍ", "ຄວາມ", "ສະ", "ດວກ"]),
            Some(("ອຳນວຍ".into(), "ຄວາມ|ສະດວກ".into()))
        );
        // No grammatical word inside (a name), or only at an end.
        assert_eq!(split(&["ກາ", "ລິ", "ຊຽນ"]), None);
        assert_eq!(split(&["ຄວາມ", "ກາ", "ລິ"]), None);
        // An elaborate expression.
        assert_eq!(split(&["ບໍ່", "ດົນ", "ບໍ່", "ນານ"]), None);
        // Two words are the two-word rule's.
        assert_eq!(split(&["ອຳ", "ນວຍ", "ຄວາມ"]), None);
        // A phrase of agreed words is two words or more, even if it is one too.
        assert!(agreed_words("ກາລິ", &|x| ["ກາລິ", "ກາ", "ລິ"].contains(&x)));
        assert!(!agreed_words("ກາລິ", &|x| x == "ກາລິ"));
    }

    #[test]
    fn the_summary_records_the_corpus_files() {
        let file = |name: &str, text: &str| CorpusFile {
            name: name.into(),
            bytes: text.len(),
            fnv64: super::fnv64(text.as_bytes()),
        };
        let files = [file("a.txt", "ສະບາຍດີ"), file("b\"c.txt", "")];
        let meta = summary(
            &[],
            0,
            0,
            [0; 5],
            &[],
            &Default::default(),
            0,
            0,
            0,
            &files,
            0,
            (0, 0, 0),
        );
        assert!(balanced_json(&meta));
        let recorded = recorded_corpus(&meta);
        assert_eq!(recorded.len(), 2);
        assert!(recorded[0].contains("\"a.txt\"") && recorded[0].contains("\"bytes\": 21"));
        assert!(recorded[1].contains(r#""b\"c.txt""#), "{}", recorded[1]);
        // Another text of the same name is another record.
        let other = summary(
            &[],
            0,
            0,
            [0; 5],
            &[],
            &Default::default(),
            0,
            0,
            0,
            &[file("a.txt", "ດີ")],
            0,
            (0, 0, 0),
        );
        assert_ne!(recorded_corpus(&other)[0], recorded[0]);
        assert!(recorded_corpus("{}").is_empty());
    }

    /// Balanced braces and brackets outside strings: enough to catch a
    /// hand-written JSON that lost a comma's line or a bracket.
    fn balanced_json(s: &str) -> bool {
        let (mut depth, mut in_str, mut escaped) = (0i32, false, false);
        for c in s.chars() {
            match (in_str, escaped, c) {
                (true, true, _) => escaped = false,
                (true, false, '\\') => escaped = true,
                (true, false, '"') => in_str = false,
                (false, _, '"') => in_str = true,
                (false, _, '{' | '[') => depth += 1,
                (false, _, '}' | ']') => depth -= 1,
                _ => {}
            }
            if depth < 0 {
                return false;
            }
        }
        depth == 0 && !in_str
    }

    #[test]
    fn short_vowels_need_something_after_them() {
        for w in ["ພະຍັຊະນະ", "ປະສົບເຜົນ", "ຟັ", "ເຂົ້ມ", "ປູກຝັ່"]
        {
            assert!(has_open_short_vowel(w), "{w}");
        }
        for w in ["ພັນ", "ເປັນ", "ເຂົ້າ", "ຫົວ", "ຜົນ", "ກັ້ນ", "ສັດ"]
        {
            assert!(!has_open_short_vowel(w), "{w}");
        }
    }

    #[test]
    fn a_pre_vowel_needs_a_consonant_after_it() {
        for w in ["ທີ່ເ", "ປ່ຽນແແປງ", "ເປີເັ້ນ", "ໄໍຊຊະນະ", "ເ"]
        {
            assert!(has_orphan_pre_vowel(w), "{w}");
        }
        for w in ["ເປັນ", "ແລະ", "ໃຫຍ່", "ໄໜ", "ເໝາະ", "ກິໂລແມັດ", "ປ່ຽນແປງ"]
        {
            assert!(!has_orphan_pre_vowel(w), "{w}");
        }
    }

    #[test]
    fn the_two_wilson_campbell_lists_count_once() {
        assert_eq!(SOURCES[0], "icu-laodict");
        assert_eq!(SOURCES[3], "wilson-campbell-2013");
        let (icu, google) = (1, 1 << 1);
        assert_eq!(independent_sources(icu | WILSON_CAMPBELL_2013_MASK), 1);
        assert_eq!(independent_sources(WILSON_CAMPBELL_2013_MASK), 1);
        assert_eq!(independent_sources(google | WILSON_CAMPBELL_2013_MASK), 2);
        assert_eq!(
            independent_sources(google | icu | WILSON_CAMPBELL_2013_MASK),
            2
        );
    }

    #[test]
    fn tone_variants_add_drop_and_change_one_mark() {
        let v = tone_variants("ໜ້າທີ");
        assert!(v.contains(&"ໜ້າທີ່".to_string()) && v.contains(&"ໜາທີ".to_string()));
        assert!(v.contains(&"ໜ່າທີ".to_string()) && !v.contains(&"ໜ້າທີ".to_string()));
        // Added after the vowel, the mark lands in canonical order.
        assert!(tone_variants("ຢູ").contains(&"ຢູ່".to_string()));
        assert!(tone_variants("ຢູ່").contains(&"ຢູ".to_string()));
    }

    #[test]
    fn numbers_and_their_units_are_phrases() {
        let n = numerals();
        assert_eq!(n.len(), 9 + 9 * 10 + 1);
        assert!(n.iter().any(|x| x == "ເກົ້າສິບເກົ້າ") && n.iter().any(|x| x == "ຊາວເອັດ"));
        let split = |w: &str| number_phrase(w, &n).map(|(a, b)| format!("{a}|{b}"));
        assert_eq!(split("ສອງພັນ").as_deref(), Some("ສອງ|ພັນ"));
        assert_eq!(split("ສາມສິບປີ").as_deref(), Some("ສາມສິບ|ປີ"));
        assert_eq!(split("ເຈັດໂມງເຄິ່ງ").as_deref(), Some("ເຈັດ|ໂມງເຄິ່ງ"));
        assert_eq!(split("ສອງຮ້ອຍລ້ານ").as_deref(), Some("ສອງ|ຮ້ອຍລ້ານ"));
        // Words that merely start like a number, and numerals alone, are not.
        for w in ["ສາມາດ", "ສິບສອງພັນນາ", "ຫ້າມ", "ສາມສິບ", "ສີ່ຫຼ່ຽມ", "ຮ້ອຍລະ"]
        {
            assert_eq!(split(w), None, "{w}");
        }
    }

    #[test]
    fn other_vowel_length_swaps_one_mark_at_a_time() {
        assert_eq!(other_vowel_length("ເກິດ"), ["ເກີດ"]);
        assert_eq!(other_vowel_length("ຂື້ນ"), ["ຂຶ້ນ"]);
        assert_eq!(other_vowel_length("ກູ້"), ["ກຸ້"]);
        // Both marks of a syllable with two, one at a time.
        assert_eq!(other_vowel_length("ຄຸີ"), ["ຄູີ", "ຄຸິ"]);
        // No vowel with a length twin: nothing.
        assert!(other_vowel_length("ການ").is_empty());
    }
}
