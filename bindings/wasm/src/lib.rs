//! WebAssembly binding of akson: the module behind the `akson` npm package.
//!
//! This crate is the low-level layer. The public JavaScript API (`normalize`,
//! `syllables`, `words`, `Dictionary`, … with JS names, options objects and
//! UTF-16 offsets) is `js/akson.js`, which `npm run build` copies next to the
//! wasm-bindgen output in `pkg/`. The split keeps the boundary cheap and exact:
//!
//! * Segmentation returns unit **boundaries** in UTF-16 code units (one
//!   `Uint32Array` per call) and JavaScript slices its own string, so tokens are
//!   exactly the caller's text (even ill-formed UTF-16 survives) and no string is
//!   decoded per token.
//! * `normalize` returns `undefined` when the text is already in the form, so the
//!   caller's string is returned as is.
//! * Errors are real JS `TypeError` / `RangeError` / `Error` objects whose message
//!   says how to fix the call. No code path panics (a panic would be a wasm trap).
//!
//! Everything here also compiles natively (`cargo test --workspace`); the pure
//! helpers below are unit-tested on the host, the wasm exports from Node and a
//! browser (`bindings/wasm/tests`).

#![forbid(unsafe_code)]

use std::rc::Rc;

use akson::{Dictionary, Form};
use wasm_bindgen::prelude::*;

// ---------------------------------------------------------------------------
// Errors

/// Which JavaScript error class an error becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// An argument of the wrong type or content, like `TextDecoder`'s fatal mode.
    Type,
    /// A value outside what is allowed (a form name, a count).
    Range,
    /// Anything else (a malformed dictionary or word list).
    Plain,
}

/// An error on its way to JavaScript: the class and a message that says how to fix
/// the call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsFailure {
    /// The JS error class.
    pub kind: ErrorKind,
    /// The message.
    pub message: String,
}

impl From<akson::Error> for JsFailure {
    fn from(e: akson::Error) -> JsFailure {
        let kind = match e {
            akson::Error::InvalidUtf8 { .. } => ErrorKind::Type,
            akson::Error::InvalidArgument(_) => ErrorKind::Range,
            _ => ErrorKind::Plain,
        };
        JsFailure {
            kind,
            message: e.to_string(),
        }
    }
}

impl From<JsFailure> for JsValue {
    fn from(f: JsFailure) -> JsValue {
        match f.kind {
            ErrorKind::Type => js_sys::TypeError::new(&f.message).into(),
            ErrorKind::Range => js_sys::RangeError::new(&f.message).into(),
            ErrorKind::Plain => js_sys::Error::new(&f.message).into(),
        }
    }
}

/// Parses the `form` option: `"canonical"` or `"search"`.
pub fn parse_form(form: &str) -> Result<Form, JsFailure> {
    form.parse::<Form>().map_err(|e| JsFailure {
        kind: ErrorKind::Range,
        message: format!(
            "{e} (\"canonical\" is the lossless form for storage and display, \
             \"search\" the folded form for matching)"
        ),
    })
}

// ---------------------------------------------------------------------------
// Pure helpers (unit-tested on the host)

/// Boundaries of contiguous units of `text` (as `(byte offset, unit)` items from the
/// start) in UTF-16 code units: `[0, end of unit 1, end of unit 2, …]`. Unit `i` is
/// `text16.slice(b[i], b[i + 1])` in JavaScript.
pub fn utf16_boundaries<'a>(units: impl IntoIterator<Item = (usize, &'a str)> + 'a) -> Vec<u32> {
    let mut out = vec![0u32];
    // A JS string is at most 2^30 code units (and wasm32 memory 4 GiB), so u32 holds
    // every offset; saturate rather than wrap should that ever change.
    out.extend(akson::utf16_spans(units).map(|(_, end)| u32::try_from(end).unwrap_or(u32::MAX)));
    out
}

/// `normalize` for JavaScript: `None` when `text` is already in `form` (the caller
/// keeps its own string).
pub fn normalize_changed(text: &str, form: Form) -> Option<String> {
    match akson::normalize(text, form) {
        std::borrow::Cow::Borrowed(_) => None,
        std::borrow::Cow::Owned(s) => Some(s),
    }
}

/// Every entry of `d` as `word TAB cost-in-milli-nats` lines (words are Lao letters
/// and marks only, so neither TAB nor LF occurs in them).
pub fn entries_text(d: &Dictionary) -> String {
    let entries = d.entries();
    let mut out = String::with_capacity(entries.len() * 24);
    for (w, c) in entries {
        out.push_str(&w);
        out.push('\t');
        out.push_str(&c.to_string());
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------------------
// Module functions

/// The version of akson (the core crate).
#[wasm_bindgen]
pub fn version() -> String {
    akson::VERSION.to_string()
}

/// The version of the embedded dictionary.
#[wasm_bindgen(js_name = dictionaryVersion)]
pub fn dictionary_version() -> String {
    akson::DICTIONARY_VERSION.to_string()
}

/// `text` in `form` ("canonical" or "search"), or `undefined` if it already is.
#[wasm_bindgen(js_name = normalizeChanged)]
pub fn normalize_js(text: &str, form: &str) -> Result<Option<String>, JsValue> {
    Ok(normalize_changed(text, parse_form(form)?))
}

/// Whether `text` is already in `form`.
#[wasm_bindgen(js_name = isNormalized)]
pub fn is_normalized_js(text: &str, form: &str) -> Result<bool, JsValue> {
    Ok(akson::is_normalized(text, parse_form(form)?))
}

/// Syllable boundaries of `text` in UTF-16 code units (see [`utf16_boundaries`]).
#[wasm_bindgen(js_name = syllableBoundaries)]
pub fn syllable_boundaries(text: &str) -> Vec<u32> {
    utf16_boundaries(akson::syllable_indices(text))
}

/// Word boundaries of `text` with the embedded dictionary, in UTF-16 code units.
#[wasm_bindgen(js_name = wordBoundaries)]
pub fn word_boundaries(text: &str) -> Vec<u32> {
    utf16_boundaries(akson::word_indices(text))
}

/// Decodes UTF-8 `bytes` strictly; a `TypeError` names the first invalid byte.
#[wasm_bindgen(js_name = fromUtf8)]
pub fn from_utf8(bytes: &[u8]) -> Result<String, JsValue> {
    Ok(akson::from_utf8(bytes)
        .map_err(JsFailure::from)?
        .to_string())
}

/// Decodes the embedded dictionary and builds its lookup tables now, so the first
/// `words` call does not pay for it. Idempotent and cheap after the first call.
#[wasm_bindgen]
pub fn prepare() {
    prepare_dictionary(Dictionary::embedded());
}

fn prepare_dictionary(d: &Dictionary) {
    // One lookup builds the frozen tables (they are built on first use).
    let _ = d.word_indices("ກາ").count();
}

// ---------------------------------------------------------------------------
// OCR correction

fn shared_corrector() -> &'static akson::Corrector {
    static C: std::sync::OnceLock<akson::Corrector> = std::sync::OnceLock::new();
    C.get_or_init(akson::Corrector::new)
}

/// A corrector over `dictionary` (or the default) with `threshold`.
pub fn corrector_for(
    dictionary: Option<&RawDictionary>,
    threshold: f64,
) -> Result<akson::Corrector, JsFailure> {
    let base = match dictionary {
        Some(d) => d.corrector(),
        None => shared_corrector(),
    };
    if threshold == base.options().threshold {
        return Ok(base.clone());
    }
    let mut o = base.options().clone();
    o.set_threshold(threshold)?;
    Ok(base.clone().with_options(o))
}

/// `s` as a JSON string literal.
pub fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A finite number as JSON.
fn json_number(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        "0".into()
    }
}

/// The corrections of `text` as a JSON array, with UTF-16 offsets.
pub fn corrections_json(c: &akson::Corrector, text: &str) -> String {
    let list = c.corrections(text);
    let mut out = String::from("[");
    let (mut byte, mut u16s) = (0usize, 0usize);
    let mut to_u16 = |b: usize| {
        if b < byte {
            byte = 0;
            u16s = 0;
        }
        u16s += text[byte..b].encode_utf16().count();
        byte = b;
        u16s
    };
    for (k, x) in list.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        let (start, end) = (to_u16(x.start), to_u16(x.end));
        out.push_str(&format!("{{\"start\":{start},\"end\":{end},\"original\":"));
        json_string(&x.original, &mut out);
        out.push_str(",\"replacement\":");
        json_string(&x.replacement, &mut out);
        out.push_str(&format!(
            ",\"confidence\":{},\"candidates\":[",
            json_number(x.confidence)
        ));
        for (m, (w, p)) in x.candidates.iter().enumerate() {
            if m > 0 {
                out.push(',');
            }
            out.push('[');
            json_string(w, &mut out);
            out.push_str(&format!(",{}]", json_number(*p)));
        }
        out.push_str("]}");
    }
    out.push(']');
    out
}

/// The suggestions for `word` as a JSON array.
pub fn suggest_json(c: &akson::Corrector, word: &str, limit: usize) -> String {
    let mut out = String::from("[");
    for (k, s) in c.suggest(word, limit).iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push_str("{\"word\":");
        json_string(&s.word, &mut out);
        out.push_str(&format!(
            ",\"probability\":{},\"cost\":{}}}",
            json_number(s.probability),
            json_number(s.cost)
        ));
    }
    out.push(']');
    out
}

/// Builds the candidate index of the default corrector now, so the first
/// `correct` call does not pay for it.
#[wasm_bindgen(js_name = prepareCorrector)]
pub fn prepare_corrector() {
    let _ = shared_corrector().suggest("ກ", 1);
}

// ---------------------------------------------------------------------------
// Dictionary

/// The dictionary behind a JS `Dictionary`: `None` is the shared embedded default,
/// copied on the first change (copy on write).
#[derive(Clone, Default)]
struct Inner(Option<Rc<Dictionary>>);

impl Inner {
    fn get(&self) -> &Dictionary {
        match &self.0 {
            None => Dictionary::embedded(),
            Some(d) => d,
        }
    }

    fn is_embedded(&self) -> bool {
        self.0.is_none()
    }

    fn make_mut(&mut self) -> &mut Dictionary {
        Rc::make_mut(self.0.get_or_insert_with(|| Rc::new(Dictionary::new())))
    }

    /// Whether [`Inner::make_mut`] will copy a dictionary (the embedded default,
    /// or one that another JS `Dictionary` shares after `copy()`).
    fn will_copy(&self) -> bool {
        match &self.0 {
            None => true,
            Some(d) => Rc::strong_count(d) > 1,
        }
    }
}

/// WebAssembly memory that must be free before a change copies a dictionary (a
/// copy of the embedded default takes 5–8 MiB, the more once it has segmented).
/// The memory holds 4 GiB at most, and running out traps, which leaves the module
/// unusable: a change that finds no room throws instead.
const ROOM_FOR_A_COPY: usize = 64 << 20;

/// An `Error` unless [`ROOM_FOR_A_COPY`] bytes can be had (asked for and given
/// back at once: the allocator keeps them for the copy).
fn room_for_a_copy() -> Result<(), JsFailure> {
    let mut probe: Vec<u8> = Vec::new();
    probe
        .try_reserve_exact(ROOM_FOR_A_COPY)
        .map_err(|_| JsFailure {
            kind: ErrorKind::Plain,
            message: "out of WebAssembly memory (4 GiB at most) for a copy of the dictionary: \
                  each changed Dictionary holds its own copy (5–8 MiB for the default) \
                  until the garbage collector frees it, which it may not do in time; call \
                  free() on the Dictionary objects you no longer need (or declare them with \
                  `using`)"
                .into(),
        })
}

/// A word dictionary (wrapped by the JS `Dictionary` class).
#[wasm_bindgen]
pub struct RawDictionary {
    inner: Inner,
    /// The corrector over this dictionary, built on first use, dropped on change.
    corrector: std::cell::OnceCell<akson::Corrector>,
}

impl RawDictionary {
    fn owned(d: Dictionary) -> RawDictionary {
        RawDictionary {
            inner: Inner(Some(Rc::new(d))),
            corrector: Default::default(),
        }
    }

    /// Adds `word` (`count` per million words, or `Dictionary::suggested_count`),
    /// copying the embedded default only when the word changes it.
    pub fn add_word(&mut self, word: &str, count: Option<f64>) -> Result<(), JsFailure> {
        let count = match count {
            Some(c) => c,
            None => self.get().suggested_count(word)?,
        };
        if self.inner.is_embedded() {
            // A word the default already has at a lower cost changes nothing: keep
            // sharing the default.
            let mut probe = Dictionary::empty();
            probe.add_with_count(word, count)?;
            if let (Some(old), Some(new)) = (Dictionary::embedded().cost(word), probe.cost(word)) {
                if old <= new {
                    return Ok(());
                }
            }
        }
        self.dict_mut()?.add_with_count(word, count)?;
        Ok(())
    }

    /// The dictionary.
    pub fn get(&self) -> &Dictionary {
        self.inner.get()
    }

    /// The dictionary, to change (the cached corrector is dropped); an `Error`
    /// if it must be copied first and the memory has no room for the copy.
    fn dict_mut(&mut self) -> Result<&mut Dictionary, JsFailure> {
        if self.inner.will_copy() {
            room_for_a_copy()?;
        }
        self.corrector = Default::default();
        Ok(self.inner.make_mut())
    }

    /// The corrector over this dictionary (the shared one for the default).
    fn corrector(&self) -> &akson::Corrector {
        if self.inner.is_embedded() {
            return shared_corrector();
        }
        self.corrector
            .get_or_init(|| akson::Corrector::with_dictionary(self.inner.get().clone()))
    }
}

#[wasm_bindgen]
impl RawDictionary {
    /// The embedded default (shared until changed).
    #[wasm_bindgen(js_name = embedded)]
    pub fn embedded() -> RawDictionary {
        RawDictionary {
            corrector: Default::default(),
            inner: Inner::default(),
        }
    }

    /// No words.
    pub fn empty() -> RawDictionary {
        RawDictionary::owned(Dictionary::empty())
    }

    /// Reads a word list.
    #[wasm_bindgen(js_name = fromWordList)]
    pub fn from_word_list(text: &str) -> Result<RawDictionary, JsValue> {
        Ok(RawDictionary::owned(
            Dictionary::from_word_list(text).map_err(JsFailure::from)?,
        ))
    }

    /// Reads a compiled dictionary or a UTF-8 word list.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8]) -> Result<RawDictionary, JsValue> {
        Ok(RawDictionary::owned(
            Dictionary::from_bytes(bytes).map_err(JsFailure::from)?,
        ))
    }

    /// Reads a compiled (fst) dictionary.
    #[wasm_bindgen(js_name = fromFstBytes)]
    pub fn from_fst_bytes(bytes: &[u8]) -> Result<RawDictionary, JsValue> {
        Ok(RawDictionary::owned(
            Dictionary::from_fst_bytes(bytes).map_err(JsFailure::from)?,
        ))
    }

    /// A copy (cheap: copy on write).
    #[wasm_bindgen(js_name = copy)]
    pub fn copy(&self) -> RawDictionary {
        RawDictionary {
            inner: self.inner.clone(),
            corrector: Default::default(),
        }
    }

    /// Whether this is still the unchanged embedded default.
    #[wasm_bindgen(js_name = isEmbedded)]
    pub fn is_embedded(&self) -> bool {
        self.inner.is_embedded()
    }

    /// Adds a word, often enough to be found whole (`suggestedCount`).
    pub fn add(&mut self, word: &str) -> Result<(), JsValue> {
        Ok(self.add_word(word, None)?)
    }

    /// How often the word must occur, per million words, to be found whole.
    #[wasm_bindgen(js_name = suggestedCount)]
    pub fn suggested_count(&self, word: &str) -> Result<f64, JsValue> {
        Ok(self.get().suggested_count(word).map_err(JsFailure::from)?)
    }

    /// Adds a word occurring `per_million` times per million words.
    #[wasm_bindgen(js_name = addWithCount)]
    pub fn add_with_count(&mut self, word: &str, per_million: f64) -> Result<(), JsValue> {
        Ok(self.add_word(word, Some(per_million))?)
    }

    /// Adds the words of a word list; returns how many entries were read.
    #[wasm_bindgen(js_name = extendFromWordList)]
    pub fn extend_from_word_list(&mut self, text: &str) -> Result<u32, JsValue> {
        let n = self
            .dict_mut()?
            .extend_from_word_list(text)
            .map_err(JsFailure::from)?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// Removes a word; returns whether it was there.
    pub fn remove(&mut self, word: &str) -> Result<bool, JsValue> {
        // Keep sharing the default when there is nothing to remove.
        if self.inner.is_embedded() && !Dictionary::embedded().contains(word) {
            return Ok(false);
        }
        Ok(self.dict_mut()?.remove(word))
    }

    /// Whether the word (in any spelling whose syllables have the same search form) is there.
    pub fn contains(&self, word: &str) -> bool {
        self.get().contains(word)
    }

    /// Cost of the word in nats, if present.
    pub fn cost(&self, word: &str) -> Option<f64> {
        self.get().cost(word)
    }

    /// Number of words.
    pub fn len(&self) -> u32 {
        u32::try_from(self.get().len()).unwrap_or(u32::MAX)
    }

    /// Whether there are no words.
    #[wasm_bindgen(js_name = isEmpty)]
    pub fn is_empty(&self) -> bool {
        self.get().is_empty()
    }

    /// Adds every word of `other`.
    pub fn merge(&mut self, other: &RawDictionary) -> Result<(), JsValue> {
        let theirs = other.inner.clone();
        if self.inner.is_embedded() && theirs.is_embedded() {
            return Ok(());
        }
        self.dict_mut()?.merge(theirs.get());
        Ok(())
    }

    /// Every entry as `word TAB milli-nats` lines, sorted by word.
    #[wasm_bindgen(js_name = entriesText)]
    pub fn entries_text(&self) -> String {
        entries_text(self.get())
    }

    /// Word boundaries of `text` with this dictionary, in UTF-16 code units.
    #[wasm_bindgen(js_name = wordBoundaries)]
    pub fn word_boundaries(&self, text: &str) -> Vec<u32> {
        utf16_boundaries(self.get().word_indices(text))
    }

    /// Corrects OCR errors in `text` with this dictionary (canonical form out).
    #[wasm_bindgen(js_name = correctRaw)]
    pub fn correct_raw(&self, text: &str, threshold: f64) -> Result<String, JsValue> {
        Ok(corrector_for(Some(self), threshold)?.correct(text))
    }

    /// The corrections of `text` as JSON (UTF-16 offsets).
    #[wasm_bindgen(js_name = correctionsRaw)]
    pub fn corrections_raw(&self, text: &str, threshold: f64) -> Result<String, JsValue> {
        Ok(corrections_json(
            &corrector_for(Some(self), threshold)?,
            text,
        ))
    }

    /// Ranked suggestions for one word, as JSON.
    #[wasm_bindgen(js_name = suggestRaw)]
    pub fn suggest_raw(&self, word: &str, limit: u32) -> String {
        suggest_json(self.corrector(), word, limit as usize)
    }

    /// Builds the lookup tables now rather than on the first segmentation.
    pub fn prepare(&self) {
        prepare_dictionary(self.get());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_are_utf16() {
        // 😀 is two UTF-16 code units, ລາວ three, "a" one.
        let text = "a😀ລາວ";
        let b = utf16_boundaries(akson::syllable_indices(text));
        assert_eq!(*b.first().unwrap(), 0);
        assert_eq!(*b.last().unwrap() as usize, text.encode_utf16().count());
        assert!(b.windows(2).all(|w| w[0] < w[1]));
        assert!(b.contains(&3), "{b:?}");
        assert_eq!(utf16_boundaries(akson::syllable_indices("")), [0]);
    }

    #[test]
    fn normalize_reports_unchanged_text() {
        assert_eq!(normalize_changed("ນ້ຳ", Form::Canonical), None);
        assert_eq!(
            normalize_changed("ນໍ້າ", Form::Canonical).as_deref(),
            Some("ນ້ຳ")
        );
    }

    #[test]
    fn form_errors_are_range_errors_with_a_fix() {
        assert_eq!(parse_form("canonical").unwrap(), Form::Canonical);
        assert_eq!(parse_form("Search").unwrap(), Form::Search);
        let e = parse_form("nfc").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Range);
        assert!(
            e.message.contains("\"canonical\" or \"search\""),
            "{}",
            e.message
        );
    }

    #[test]
    fn dictionary_is_copied_on_first_change_only() {
        let mut d = RawDictionary::embedded();
        // Already in the default with a lower cost: still shared.
        d.add_word("ລາວ", None).unwrap();
        assert!(d.is_embedded());
        assert!(!d.remove("ບໍ່ມີຄຳນີ້ແນ່ນອນ").unwrap());
        assert!(d.is_embedded());
        d.add_word("ວົງວິຈິດ", Some(10.0)).unwrap();
        assert!(!d.is_embedded());
        assert!(d.contains("ວົງວິຈິດ"));
        assert!(!Dictionary::embedded().contains("ວົງວິຈິດ"));
        let e = d.add_word("abc", None).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Range);
        let e = d.add_word("ລາວ", Some(-1.0)).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Range);
    }

    #[test]
    fn entries_text_lists_every_entry_with_its_cost() {
        let d = Dictionary::from_word_list("ກາ\t10\nຂາ\nປາ\t3\n").unwrap();
        let t = entries_text(&d);
        assert_eq!(t.lines().count(), 3);
        // Read back as `entries()` in akson.js reads it: the same words and costs.
        let parsed: Vec<(String, u32)> = t
            .lines()
            .map(|l| {
                let (w, c) = l.split_once('\t').unwrap();
                (w.to_string(), c.parse().unwrap())
            })
            .collect();
        assert_eq!(parsed, d.entries());
    }
}
