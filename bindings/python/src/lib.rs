//! Python binding of akson: the extension module `akson._akson`.
//!
//! Thin layer over the Rust core with the same names. Every function takes `str`,
//! returns Python objects built from slices of it, and releases the GIL while the
//! core works on long text, so threads can segment in parallel. Offsets given to
//! Python are in code points (what `str` indexing uses).
//!
//! The Python package (`python/akson/__init__.py`) re-exports everything; the type
//! stub is `python/akson/__init__.pyi`.

#![forbid(unsafe_code)]

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, TryLockError};

use akson::{Dictionary, Form};
use pyo3::exceptions::{
    PyFileExistsError, PyFileNotFoundError, PyIsADirectoryError, PyOSError, PyPermissionError,
    PyTypeError, PyUnicodeDecodeError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyByteArray, PyBytes, PyInt, PyList, PyMemoryView, PyString, PyTuple};

/// Texts at least this long (bytes) are processed with the GIL released. Below it,
/// releasing and re-taking the GIL costs more than it frees.
const DETACH_BYTES: usize = 2048;
/// Batch functions convert their input in chunks of about this many bytes (or
/// `BATCH_ITEMS` texts) and process each chunk with the GIL released.
const BATCH_BYTES: usize = 1 << 20;
const BATCH_ITEMS: usize = 8192;

// ---------------------------------------------------------------------------
// Errors

/// Maps an akson error to the Python exception a Python programmer expects.
fn to_py_err(e: akson::Error, path: Option<&std::path::Path>) -> PyErr {
    match e {
        akson::Error::Io { what, source } => {
            let errno = source.raw_os_error().unwrap_or(0);
            // "No such file or directory (os error 2)" → "No such file or directory".
            let detail = source.to_string();
            let detail = match detail.rfind(" (os error ") {
                Some(k) => detail[..k].to_string(),
                None => detail,
            };
            let msg = format!("{what}: {detail}");
            let filename = path.map(|p| p.display().to_string());
            let args = (errno, msg, filename);
            match source.kind() {
                std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(args),
                std::io::ErrorKind::PermissionDenied => PyPermissionError::new_err(args),
                std::io::ErrorKind::AlreadyExists => PyFileExistsError::new_err(args),
                std::io::ErrorKind::IsADirectory => PyIsADirectoryError::new_err(args),
                _ => PyOSError::new_err(args),
            }
        }
        // InvalidArgument, InvalidDictionary, InvalidUtf8 and any later variant: the
        // value was wrong, and the message says how.
        other => PyValueError::new_err(other.to_string()),
    }
}

fn map_err<T>(r: Result<T, akson::Error>) -> PyResult<T> {
    r.map_err(|e| to_py_err(e, None))
}

// ---------------------------------------------------------------------------
// Arguments

/// The `form` argument: `"canonical"` or `"search"` (ASCII case-insensitive).
#[derive(Clone, Copy)]
struct FormArg(Form);

impl FromPyObject<'_, '_> for FormArg {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        let Ok(s) = ob.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "form must be a str (\"canonical\" or \"search\"), not {}",
                type_name(&ob)
            )));
        };
        let s = s.to_cow()?;
        s.parse::<Form>().map(FormArg).map_err(|e| {
            PyValueError::new_err(format!(
                "{e} (\"canonical\" is the lossless form for storage and display, \
                 \"search\" the folded form for matching)"
            ))
        })
    }
}

fn type_name(ob: &Borrowed<'_, '_, PyAny>) -> String {
    ob.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// The text of a `str` argument, kept alive by Python (no copy on Python >= 3.10
/// builds; one UTF-8 copy with the 3.9 stable ABI).
fn text_of(s: &Bound<'_, PyString>) -> PyResult<PyBackedStr> {
    PyBackedStr::try_from(s.clone())
}

/// Runs `f` with the GIL released when the input is long.
fn run<T, F>(py: Python<'_>, len: usize, f: F) -> T
where
    F: Send + FnOnce() -> T,
    T: Send,
{
    if len >= DETACH_BYTES {
        py.detach(f)
    } else {
        f()
    }
}

// ---------------------------------------------------------------------------
// Results

/// Byte ranges of the units of `text`.
type Ranges = Vec<(usize, usize)>;

fn ranges_of<'t>(text: &str, units: impl Iterator<Item = (usize, &'t str)>) -> Ranges {
    // About one unit per 6 bytes of Lao at most: one allocation for a line.
    let mut r = Vec::with_capacity((text.len() / 6 + 4).min(4096));
    r.extend(units.map(|(a, s)| (a, a + s.len())));
    r
}

/// Tokens up to this many bytes are kept in [`TokenCache`] (a Lao syllable is 3 to
/// about 24 bytes).
const CACHE_MAX_BYTES: usize = 32;
/// At most this many distinct tokens are cached (about 8 MB at most).
const CACHE_MAX_ENTRIES: usize = 1 << 16;

/// Python `str` objects of short tokens already made. Lao text repeats a few
/// thousand syllables and common words; returning the same immutable object again
/// costs a hash lookup instead of decoding UTF-8 into a new `str`.
///
/// Never waited for: making Python objects under the lock can run the garbage
/// collector, whose finalizers may call akson again on this thread, or release
/// the GIL to another thread that then wants the cache. Whoever finds the lock
/// taken makes its strings without the cache (see [`with_cache`]).
struct TokenCache {
    map: HashMap<Box<str>, Py<PyString>, rustc_hash::FxBuildHasher>,
}

static TOKEN_CACHE: Mutex<Option<TokenCache>> = Mutex::new(None);

impl TokenCache {
    fn make<'py>(this: Option<&mut Self>, py: Python<'py>, token: &str) -> Bound<'py, PyString> {
        let Some(this) = this.filter(|_| token.len() <= CACHE_MAX_BYTES) else {
            return PyString::new(py, token);
        };
        if let Some(s) = this.map.get(token) {
            return s.bind(py).clone();
        }
        let s = PyString::new(py, token);
        if this.map.len() < CACHE_MAX_ENTRIES {
            this.map.insert(token.into(), s.clone().unbind());
        }
        s
    }
}

/// Runs `f` with the token cache, or with `None` if it is in use (by a finalizer's
/// call on this thread, or by a thread that let the GIL go while it held it).
fn with_cache<T>(f: impl FnOnce(Option<&mut TokenCache>) -> T) -> T {
    let mut guard = match TOKEN_CACHE.try_lock() {
        Ok(guard) => guard,
        Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner(),
        Err(std::sync::TryLockError::WouldBlock) => return f(None),
    };
    let cache = guard.get_or_insert_with(|| TokenCache {
        map: HashMap::default(),
    });
    f(Some(cache))
}

fn str_list<'py>(py: Python<'py>, text: &str, ranges: &Ranges) -> PyResult<Bound<'py, PyList>> {
    with_cache(|mut c| {
        PyList::new(
            py,
            ranges
                .iter()
                .map(|&(a, b)| TokenCache::make(c.as_deref_mut(), py, &text[a..b])),
        )
    })
}

/// `(start, end)` in code points for contiguous byte ranges from the start of `text`.
fn char_spans(text: &str, ranges: &Ranges) -> Vec<(usize, usize)> {
    akson::char_spans(ranges.iter().map(|&(a, b)| (a, &text[a..b]))).collect()
}

fn span_list<'py>(py: Python<'py>, spans: &[(usize, usize)]) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, spans.iter().copied())
}

fn index_list<'py>(
    py: Python<'py>,
    text: &str,
    ranges: &Ranges,
    spans: &[(usize, usize)],
) -> PyResult<Bound<'py, PyList>> {
    with_cache(|mut c| {
        PyList::new(
            py,
            ranges.iter().zip(spans).map(|(&(a, b), &(start, _))| {
                (start, TokenCache::make(c.as_deref_mut(), py, &text[a..b]))
            }),
        )
    })
}

// ---------------------------------------------------------------------------
// Dictionary

/// The dictionary behind a Python `Dictionary`: the shared embedded default until
/// the first change (copy on write), then an owned one. Segmenting clones the `Arc`
/// and works with the GIL released; a change made meanwhile copies the dictionary.
#[derive(Clone)]
enum Inner {
    Embedded,
    Owned(Arc<Dictionary>),
}

/// A read handle that can cross into GIL-free code.
enum Handle {
    Static(&'static Dictionary),
    Shared(Arc<Dictionary>),
}

impl std::ops::Deref for Handle {
    type Target = Dictionary;
    fn deref(&self) -> &Dictionary {
        match self {
            Handle::Static(d) => d,
            Handle::Shared(d) => d,
        }
    }
}

/// A Lao word dictionary: words with a cost, for word segmentation.
///
/// ``Dictionary()`` is a copy of the embedded default (about 50,000 words); change
/// it as you like, nothing else sees the change. Words are matched by their search
/// form, so every spelling variant of a word is the same entry.
///
/// >>> import akson
/// >>> d = akson.Dictionary()
/// >>> d.add("ສີສະຫວາດ")                      # a name
/// >>> d.words("ທ່ານສີສະຫວາດ")
/// ['ທ່ານ', 'ສີສະຫວາດ']
/// >>> "ດໍາລັດ" in d and "ດຳລັດ" in d             # spelling variants
/// True
/// >>> e = akson.Dictionary.from_word_list("ສີສະຫວາດ\nອີເມວ\t25\n")
/// >>> len(e)
/// 2
///
/// Dictionaries pickle (the default as a marker, a changed default as the changes,
/// others as a compiled word list), so ``multiprocessing``, Dask and PySpark can
/// ship them to workers. Copying is cheap (copy on write).
#[pyclass(module = "akson", name = "Dictionary", frozen)]
struct PyDictionary {
    /// Read under the lock only briefly. A change that takes long (a word list,
    /// `merge`, a `remove` that rebuilds) holds it with the GIL released; a thread
    /// that finds it held waits with the GIL released too (see
    /// [`PyDictionary::lock`]), so other Python threads run meanwhile. No code
    /// that holds the lock takes the GIL, so the two never deadlock.
    inner: Mutex<Inner>,
}

impl PyDictionary {
    fn new_inner(inner: Inner) -> PyDictionary {
        PyDictionary {
            inner: Mutex::new(inner),
        }
    }

    fn owned(d: Dictionary) -> PyDictionary {
        PyDictionary::new_inner(Inner::Owned(Arc::new(d)))
    }

    /// The lock, taken by a thread that holds the GIL: at once if it is free;
    /// otherwise (another thread is changing the dictionary) the thread waits
    /// with the GIL released, so that other Python threads are not held up too.
    fn lock(&self) -> MutexGuard<'_, Inner> {
        loop {
            match self.inner.try_lock() {
                Ok(guard) => return guard,
                Err(TryLockError::Poisoned(e)) => return e.into_inner(),
                Err(TryLockError::WouldBlock) => {
                    // (This thread holds the GIL: `attach` only borrows it.)
                    Python::attach(|py| py.detach(|| drop(self.inner.lock())));
                }
            }
        }
    }

    /// The lock, taken with the GIL released (inside `detach`).
    fn lock_detached(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn handle(&self) -> Handle {
        self.lock().handle()
    }
}

impl Inner {
    fn handle(&self) -> Handle {
        match self {
            Inner::Embedded => Handle::Static(Dictionary::embedded()),
            Inner::Owned(d) => Handle::Shared(Arc::clone(d)),
        }
    }

    fn get(&self) -> &Dictionary {
        match self {
            Inner::Embedded => Dictionary::embedded(),
            Inner::Owned(d) => d,
        }
    }

    fn make_mut(&mut self) -> &mut Dictionary {
        if let Inner::Embedded = self {
            *self = Inner::Owned(Arc::new(Dictionary::new()));
        }
        match self {
            Inner::Owned(d) => Arc::make_mut(d),
            Inner::Embedded => unreachable!("replaced above"),
        }
    }
}

/// A dictionary handle for the module functions' `dictionary=` argument.
fn dict_handle(dictionary: Option<PyRef<'_, PyDictionary>>) -> Handle {
    match dictionary {
        Some(d) => d.handle(),
        None => Handle::Static(Dictionary::embedded()),
    }
}

#[pymethods]
impl PyDictionary {
    /// A copy of the embedded default dictionary.
    #[new]
    fn py_new() -> PyDictionary {
        PyDictionary::new_inner(Inner::Embedded)
    }

    /// A dictionary with no words.
    ///
    /// >>> len(akson.Dictionary.empty())
    /// 0
    #[staticmethod]
    fn empty() -> PyDictionary {
        PyDictionary::owned(Dictionary::empty())
    }

    /// The embedded default dictionary: the same as ``Dictionary()``.
    ///
    /// It is shared until you change it, then copied, so changes never reach other
    /// dictionaries.
    #[staticmethod]
    fn embedded() -> PyDictionary {
        PyDictionary::py_new()
    }

    /// Reads a dictionary file: a UTF-8 word list or a compiled ``.fst`` dictionary.
    ///
    /// A word list has one word per line, optionally followed by a TAB and how
    /// often the word occurs per million words (without one, as ``add`` gives);
    /// empty lines and lines starting with ``#`` are skipped.
    ///
    /// The words are weighed against the list alone. To use a list beside the
    /// embedded words, extend a copy of the default instead
    /// (``d = akson.Dictionary(); d.extend_from_word_list(text)``), so that its
    /// words without a count are weighed against the default's, as ``akson
    /// segment --dict`` does.
    ///
    /// Raises ``FileNotFoundError`` (or another ``OSError``) when the file cannot be
    /// read and ``ValueError`` naming the line when it is malformed.
    ///
    /// >>> d = akson.Dictionary.load("names.txt")     # doctest: +SKIP
    #[staticmethod]
    fn load(py: Python<'_>, path: &Bound<'_, PyAny>) -> PyResult<PyDictionary> {
        // `os.fsdecode`: a str, bytes or os.PathLike path, as `open` takes.
        let path: PathBuf = py
            .import("os")?
            .call_method1("fsdecode", (path,))?
            .extract()?;
        py.detach(|| Dictionary::load(&path))
            .map(PyDictionary::owned)
            .map_err(|e| to_py_err(e, Some(&path)))
    }

    /// Reads a word list from a string (the format of :meth:`load`).
    ///
    /// >>> d = akson.Dictionary.from_word_list("# names\nສີສະຫວາດ\nອີເມວ\t25\n")
    /// >>> sorted(d.entries())[0][0]
    /// 'ສີສະຫວາດ'
    #[staticmethod]
    fn from_word_list(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<PyDictionary> {
        let text = text_of(text)?;
        map_err(run(py, text.len(), || Dictionary::from_word_list(&text))).map(PyDictionary::owned)
    }

    /// Reads a compiled dictionary or a UTF-8 word list from ``bytes``.
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<PyDictionary> {
        let data = bytes_of(
            data,
            "Dictionary.from_bytes()",
            "for a word list in a str, use Dictionary.from_word_list(text)",
        )?;
        map_err(py.detach(|| Dictionary::from_bytes(&data))).map(PyDictionary::owned)
    }

    /// Reads a compiled dictionary (an ``fst`` map from word to cost in milli-nats,
    /// the embedded dictionary's format; any ``fst`` map of words to such costs will
    /// do) from ``bytes``.
    #[staticmethod]
    fn from_fst_bytes(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<PyDictionary> {
        let data = bytes_of(
            data,
            "Dictionary.from_fst_bytes()",
            "read the file in binary mode: open(path, \"rb\").read()",
        )?;
        map_err(py.detach(|| Dictionary::from_fst_bytes(&data))).map(PyDictionary::owned)
    }

    /// Adds the words of a word list (the format of :meth:`load`); returns how many
    /// entries were read. A word already there keeps the lower of its two costs.
    /// On an error nothing is added.
    ///
    /// >>> d = akson.Dictionary.empty()
    /// >>> d.extend_from_word_list("ກາ\nຂາ\t10\n")
    /// 2
    fn extend_from_word_list(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<usize> {
        let text = text_of(text)?;
        // Other threads run meanwhile (a long list takes seconds); the dictionary
        // is locked inside.
        map_err(py.detach(|| self.lock_detached().make_mut().extend_from_word_list(&text)))
    }

    /// Adds ``word`` occurring ``count`` times per million words; without a count,
    /// often enough to be found whole (``suggested_count``: once per million, or
    /// more where the dictionary's other words would split it).
    ///
    /// A word already there keeps the lower of its two costs. Raises ``ValueError``
    /// when the word is empty, holds spaces, digits or non-Lao characters, or when
    /// ``count`` is not in (0, 1000000].
    ///
    /// >>> d = akson.Dictionary.empty()
    /// >>> d.add("ສີສະຫວາດ")
    /// >>> d.add("ອີເມວ", count=25)
    /// >>> d.cost("ອີເມວ") < d.cost("ສີສະຫວາດ")
    /// True
    /// >>> d = akson.Dictionary()
    /// >>> d.add("ໃຫ້ການ")
    /// >>> d.words("ໃຫ້ການ")
    /// ['ໃຫ້ການ']
    #[pyo3(signature = (word, count = None))]
    fn add(&self, word: &Bound<'_, PyString>, count: Option<f64>) -> PyResult<()> {
        let word = word.to_cow()?;
        let mut inner = self.lock();
        let count = match count {
            Some(c) => c,
            None => map_err(inner.get().suggested_count(&word))?,
        };
        if let Inner::Embedded = *inner {
            // Adding a word already in the default with a lower cost changes nothing:
            // keep sharing the default.
            let mut probe = Dictionary::empty();
            map_err(probe.add_with_count(&word, count))?;
            if let (Some(old), Some(new)) = (Dictionary::embedded().cost(&word), probe.cost(&word))
            {
                if old <= new {
                    return Ok(());
                }
            }
        }
        map_err(inner.make_mut().add_with_count(&word, count))
    }

    /// How often ``word`` must occur, per million words, to be found whole with
    /// this dictionary: 1, or, where its other words cover the word's syllables
    /// more cheaply, e times as often as that split (at most 1000000). The count
    /// ``add`` gives when none is given. Raises ``ValueError`` for a word ``add``
    /// refuses.
    ///
    /// >>> akson.Dictionary().suggested_count("ສີສະຫວາດ")
    /// 1.0
    /// >>> akson.Dictionary().suggested_count("ໃຫ້ການ") > 1
    /// True
    fn suggested_count(&self, word: &Bound<'_, PyString>) -> PyResult<f64> {
        let word = word.to_cow()?;
        map_err(self.lock().get().suggested_count(&word))
    }

    /// Removes ``word`` (in any spelling whose syllables have the same search form); returns whether
    /// it was there.
    ///
    /// Once the words removed outnumber those left (and are at least 4,096), the
    /// call builds the dictionary afresh from the words left, freeing the memory
    /// of the removed ones (about as long as reading the words again; other
    /// threads run meanwhile).
    fn remove(&self, py: Python<'_>, word: &Bound<'_, PyString>) -> PyResult<bool> {
        let word = word.to_cow()?;
        Ok(py.detach(|| {
            let mut inner = self.lock_detached();
            if let Inner::Embedded = *inner {
                // Keep sharing the default when there is nothing to remove.
                if !inner.get().contains(&word) {
                    return false;
                }
            }
            inner.make_mut().remove(&word)
        }))
    }

    fn __contains__(&self, word: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(word) = word.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "'in <akson.Dictionary>' requires a str, not {}",
                word.get_type().name()?
            )));
        };
        // The word is read before the lock is taken: reading it may raise, and
        // making an exception may run finalizers that use this dictionary.
        let word = word.to_cow()?;
        Ok(self.lock().get().contains(&word))
    }

    fn __len__(&self) -> usize {
        self.lock().get().len()
    }

    /// The cost of ``word`` in nats (−ln of its probability), or ``None`` when it is
    /// not in the dictionary. Lower is more frequent.
    ///
    /// >>> akson.Dictionary().cost("ແລະ") < akson.Dictionary().cost("ດຳລັດ")
    /// True
    fn cost(&self, word: &Bound<'_, PyString>) -> PyResult<Option<f64>> {
        let word = word.to_cow()?;
        Ok(self.lock().get().cost(&word))
    }

    /// Adds every word of ``other``, keeping the lower cost where both have a word.
    fn merge(slf: &Bound<'_, Self>, other: &Bound<'_, PyDictionary>) -> PyResult<()> {
        if slf.is(other) {
            return Ok(());
        }
        let theirs = other.get().handle();
        let me = slf.get();
        slf.py().detach(|| {
            let mut me = me.lock_detached();
            if !(matches!(*me, Inner::Embedded) && matches!(theirs, Handle::Static(_))) {
                me.make_mut().merge(&theirs);
            }
        });
        Ok(())
    }

    /// Every word (in canonical form, as first added; as added where the canonical
    /// form has other syllables, as the ill-formed ແຫມຳ against ແໝຳ) with its cost in nats,
    /// sorted by word.
    ///
    /// >>> akson.Dictionary.from_word_list("ກາ\n").entries()
    /// [('ກາ', 13.816)]
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let h = self.handle();
        let e = py.detach(|| h.entries());
        PyList::new(
            py,
            e.iter()
                .map(|(w, c)| (PyString::new(py, w), *c as f64 / 1000.0)),
        )
    }

    /// Splits ``text`` into words with this dictionary (see :func:`akson.words`).
    ///
    /// >>> d = akson.Dictionary()
    /// >>> d.add("ສີສະຫວາດ")
    /// >>> d.words("ທ່ານສີສະຫວາດ")
    /// ['ທ່ານ', 'ສີສະຫວາດ']
    fn words<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
    ) -> PyResult<Bound<'py, PyList>> {
        words_impl(py, self.handle(), text)
    }

    /// Like :meth:`words`, as ``(start, end)`` code-point offsets into ``text``.
    fn word_spans<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
    ) -> PyResult<Bound<'py, PyList>> {
        word_spans_impl(py, self.handle(), text)
    }

    /// Like :meth:`words`, as ``(start, word)`` pairs (code-point offsets).
    fn word_indices<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
    ) -> PyResult<Bound<'py, PyList>> {
        word_indices_impl(py, self.handle(), text)
    }

    fn __repr__(&self) -> String {
        let inner = self.lock();
        let what = match *inner {
            Inner::Embedded => format!(", embedded default {}", akson::DICTIONARY_VERSION),
            Inner::Owned(_) => String::new(),
        };
        format!("<akson.Dictionary: {} words{what}>", inner.get().len())
    }

    fn __copy__(&self) -> PyDictionary {
        PyDictionary::new_inner(self.lock().clone())
    }

    fn __deepcopy__(&self, _memo: &Bound<'_, PyAny>) -> PyDictionary {
        self.__copy__()
    }

    /// Pickle support: ``(Dictionary, (), state)``; see ``__getstate__``.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let state = slf.get().__getstate__(py)?;
        PyTuple::new(
            py,
            [
                slf.get_type().into_any(),
                PyTuple::empty(py).into_any(),
                state.into_any(),
            ],
        )
    }

    /// The pickled state: ``(1, kind, dictionary_version, removed, added)``.
    ///
    /// ``kind`` is ``"embedded"`` (the unchanged default: nothing else is stored),
    /// ``"delta"`` (the default with ``removed`` words taken out and the compiled
    /// dictionary ``added`` merged in) or ``"full"`` (``added`` is the whole
    /// dictionary).
    fn __getstate__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let state = match self.handle() {
            Handle::Static(_) => State::embedded(),
            Handle::Shared(d) => py.detach(|| State::of(&d))?,
        };
        let removed = PyList::new(py, state.removed.iter().map(|w| PyString::new(py, w)))?;
        PyTuple::new(
            py,
            [
                1u32.into_pyobject(py)?.into_any(),
                PyString::new(py, state.kind).into_any(),
                PyString::new(py, state.version).into_any(),
                removed.into_any(),
                PyBytes::new(py, &state.added).into_any(),
            ],
        )
    }

    fn __setstate__(&self, py: Python<'_>, state: &Bound<'_, PyAny>) -> PyResult<()> {
        let bad = || {
            PyValueError::new_err(
                "not a pickled akson.Dictionary state: expected \
                 (1, kind, dictionary_version, removed, added)",
            )
        };
        let t = state.cast::<PyTuple>().map_err(|_| bad())?;
        if t.len() != 5 || t.get_item(0)?.extract::<u32>().ok() != Some(1) {
            return Err(bad());
        }
        let kind: String = t.get_item(1)?.extract()?;
        let version: String = t.get_item(2)?.extract()?;
        let removed: Vec<String> = t.get_item(3)?.extract()?;
        let added: Vec<u8> = t.get_item(4)?.cast::<PyBytes>()?.as_bytes().to_vec();
        if kind != "full" && version != akson::DICTIONARY_VERSION {
            return Err(PyValueError::new_err(format!(
                "this Dictionary was pickled from the embedded dictionary {version}, but this \
                 akson has {}: use the same akson version in every process",
                akson::DICTIONARY_VERSION
            )));
        }
        let inner = match kind.as_str() {
            "embedded" => Inner::Embedded,
            "delta" | "full" => {
                let d = py.detach(|| State::rebuild(kind == "delta", &removed, &added))?;
                Inner::Owned(Arc::new(d))
            }
            _ => return Err(bad()),
        };
        *self.lock() = inner;
        Ok(())
    }
}

/// A dictionary as pickled: see `PyDictionary::__getstate__`.
struct State {
    kind: &'static str,
    version: &'static str,
    removed: Vec<String>,
    added: Vec<u8>,
}

/// Word → cost (milli-nats), keyed by [`faithful`] words.
type Entries = HashMap<String, u32>;

impl State {
    fn embedded() -> State {
        State {
            kind: "embedded",
            version: akson::DICTIONARY_VERSION,
            removed: Vec::new(),
            added: Vec::new(),
        }
    }

    /// The entries of the embedded default, computed once.
    fn default_entries() -> &'static Entries {
        static ENTRIES: OnceLock<Entries> = OnceLock::new();
        ENTRIES.get_or_init(|| faithful_entries(Dictionary::embedded()))
    }

    fn of(d: &Dictionary) -> PyResult<State> {
        let mine = faithful_entries(d);
        let base = State::default_entries();
        // The changes from the default: words that are new or whose cost differs,
        // and words of the default that are gone or whose cost differs.
        let added: Vec<(&str, u32)> = mine
            .iter()
            .filter(|(w, c)| base.get(*w) != Some(c))
            .map(|(w, &c)| (w.as_str(), c))
            .collect();
        let removed: Vec<String> = base
            .iter()
            .filter(|(w, c)| mine.get(*w) != Some(c))
            .map(|(w, _)| w.clone())
            .collect();
        if added.len() + removed.len() < mine.len() / 2 {
            Ok(State {
                kind: "delta",
                version: akson::DICTIONARY_VERSION,
                removed,
                added: fst_bytes(added)?,
            })
        } else {
            Ok(State {
                kind: "full",
                version: akson::DICTIONARY_VERSION,
                removed: Vec::new(),
                added: fst_bytes(mine.iter().map(|(w, &c)| (w.as_str(), c)).collect())?,
            })
        }
    }

    fn rebuild(delta: bool, removed: &[String], added: &[u8]) -> PyResult<Dictionary> {
        if !delta {
            return map_err(Dictionary::from_fst_bytes(added));
        }
        // The default's entries, less `removed`, plus `added`, read in one go (the
        // core's `merge` goes through search-form words, which lose ໌).
        let base = State::default_entries();
        let added = fst::Map::new(added).map_err(|e| {
            PyValueError::new_err(format!("not a pickled akson.Dictionary state: {e}"))
        })?;
        let mut all: HashMap<&str, u32> = base.iter().map(|(w, &c)| (w.as_str(), c)).collect();
        for w in removed {
            all.remove(w.as_str());
        }
        let mut extra = Vec::new();
        let mut stream = added.stream();
        while let Some((k, c)) = fst::Streamer::next(&mut stream) {
            let w = std::str::from_utf8(k)
                .map_err(|_| PyValueError::new_err("not a pickled akson.Dictionary state"))?;
            extra.push((w.to_string(), u32::try_from(c).unwrap_or(u32::MAX - 1)));
        }
        for (w, c) in &extra {
            all.insert(w.as_str(), *c);
        }
        let bytes = fst_bytes(all.into_iter().collect())?;
        map_err(Dictionary::from_fst_bytes(&bytes))
    }
}

/// The entries of `d`, each under a word that leads back to the same entry.
///
/// `Dictionary::entries` gives each word as first added (canonical form, or as
/// added where that form has other syllables), which
/// leads back to its entry. A spelling that did not (as when entries were in search
/// form, which drops ໌: ເວັບໄຊທ໌ is stored as the syllables ເວັບ + ໄຊທ, but
/// "ເວັບໄຊທ" reads as ເວັບ + ໄຊ + ທ) gets its ໌ back, found by looking the
/// candidates up.
fn faithful_entries(d: &Dictionary) -> Entries {
    let mut out = Entries::default();
    for (w, c) in d.entries() {
        let w = faithful(d, w, c);
        let slot = out.entry(w).or_insert(c);
        *slot = (*slot).min(c);
    }
    out
}

fn faithful(d: &Dictionary, w: String, c: u32) -> String {
    let finds = |v: &str| d.cost(v).map(|x| (x * 1000.0).round() as u32) == Some(c);
    if !w.is_empty() && finds(&w) {
        return w;
    }
    const MARK: char = '\u{0ECC}'; // ໌
    let cuts: Vec<usize> = w
        .char_indices()
        .skip(1)
        .map(|(i, _)| i)
        .chain([w.len()])
        .collect();
    let with = |at: &[usize]| {
        let mut v = String::with_capacity(w.len() + 3 * at.len());
        let mut last = 0;
        for &i in at {
            v.push_str(&w[last..i]);
            v.push(MARK);
            last = i;
        }
        v.push_str(&w[last..]);
        v
    };
    for &i in &cuts {
        let v = with(&[i]);
        if finds(&v) {
            return v;
        }
    }
    for (k, &i) in cuts.iter().enumerate() {
        for &j in &cuts[k + 1..] {
            let v = with(&[i, j]);
            if finds(&v) {
                return v;
            }
        }
    }
    if w.is_empty() {
        for v in ["\u{0ECC}", "ໆ"] {
            if finds(v) {
                return v.to_string();
            }
        }
    }
    w
}

/// A compiled dictionary (fst map: word → cost in milli-nats) of `entries`.
fn fst_bytes(mut entries: Vec<(&str, u32)>) -> PyResult<Vec<u8>> {
    entries.retain(|e| !e.0.is_empty());
    entries.sort_unstable();
    entries.dedup_by_key(|e| e.0);
    let mut b = fst::MapBuilder::memory();
    for (w, c) in entries {
        b.insert(w, u64::from(c))
            .map_err(|e| PyValueError::new_err(format!("cannot pickle the dictionary: {e}")))?;
    }
    b.into_inner()
        .map_err(|e| PyValueError::new_err(format!("cannot pickle the dictionary: {e}")))
}

// ---------------------------------------------------------------------------
// Functions

fn words_impl<'py>(
    py: Python<'py>,
    dict: Handle,
    text: &Bound<'py, PyString>,
) -> PyResult<Bound<'py, PyList>> {
    let t = text_of(text)?;
    let r = run(py, t.len(), || ranges_of(&t, dict.word_indices(&t)));
    str_list(py, &t, &r)
}

fn word_spans_impl<'py>(
    py: Python<'py>,
    dict: Handle,
    text: &Bound<'py, PyString>,
) -> PyResult<Bound<'py, PyList>> {
    let t = text_of(text)?;
    let s = run(py, t.len(), || {
        char_spans(&t, &ranges_of(&t, dict.word_indices(&t)))
    });
    span_list(py, &s)
}

fn word_indices_impl<'py>(
    py: Python<'py>,
    dict: Handle,
    text: &Bound<'py, PyString>,
) -> PyResult<Bound<'py, PyList>> {
    let t = text_of(text)?;
    let (r, s) = run(py, t.len(), || {
        let r = ranges_of(&t, dict.word_indices(&t));
        let s = char_spans(&t, &r);
        (r, s)
    });
    index_list(py, &t, &r, &s)
}

/// Normalises ``text`` to ``form``: ``"canonical"`` (lossless repair, for storage
/// and display; the default) or ``"search"`` (canonical plus folding of dated
/// spellings, Lao digits, spaces and invisible characters, for matching only).
///
/// Text already in that form is returned as is (the same object).
///
/// >>> akson.normalize("ນໍ້າ")
/// 'ນ້ຳ'
/// >>> akson.normalize("ຫນ້າທ່ີ")
/// 'ໜ້າທີ່'
/// >>> akson.normalize("ຫລາຍ ໒໐໑໘", form="search")
/// 'ຫຼາຍ 2018'
///
/// Raises ``ValueError`` for an unknown form and ``TypeError`` when ``text`` is
/// not a ``str``.
#[pyfunction]
#[pyo3(signature = (text, form = FormArg(Form::Canonical)), text_signature = "(text, form='canonical')")]
fn normalize<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    form: FormArg,
) -> PyResult<Bound<'py, PyString>> {
    let t = text_of(text)?;
    let out = run(py, t.len(), || match akson::normalize(&t, form.0) {
        Cow::Borrowed(_) => None,
        Cow::Owned(s) => Some(s),
    });
    Ok(match out {
        None => text.clone(),
        Some(s) => PyString::new(py, &s),
    })
}

/// ``normalize(text, "canonical")``.
///
/// >>> akson.canonical("ດໍາລັດ")
/// 'ດຳລັດ'
#[pyfunction]
fn canonical<'py>(py: Python<'py>, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
    normalize(py, text, FormArg(Form::Canonical))
}

/// ``normalize(text, "search")``: the key to match or index text by.
///
/// >>> akson.search_key("ຫລວງ\u00a0໒໐໑໘")
/// 'ຫຼວງ 2018'
#[pyfunction]
fn search_key<'py>(py: Python<'py>, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
    normalize(py, text, FormArg(Form::Search))
}

/// Whether ``text`` is already in ``form`` (``normalize`` would return it unchanged).
///
/// >>> akson.is_normalized("ນ້ຳ"), akson.is_normalized("ນໍ້າ")
/// (True, False)
#[pyfunction]
#[pyo3(signature = (text, form = FormArg(Form::Canonical)), text_signature = "(text, form='canonical')")]
fn is_normalized(py: Python<'_>, text: &Bound<'_, PyString>, form: FormArg) -> PyResult<bool> {
    let t = text_of(text)?;
    Ok(run(py, t.len(), || akson::is_normalized(&t, form.0)))
}

/// Splits ``text`` into Lao syllables and other units (spaces, numbers, Latin
/// words, punctuation). The units concatenate to ``text`` exactly.
///
/// >>> akson.syllables("ວັດທະນະຖາວອນ")
/// ['ວັດ', 'ທະ', 'ນະ', 'ຖາ', 'ວອນ']
/// >>> akson.syllables("ຄອມພິວເຕີ 2 ເຄື່ອງ")
/// ['ຄອມ', 'ພິວ', 'ເຕີ', ' ', '2', ' ', 'ເຄື່ອງ']
#[pyfunction]
fn syllables<'py>(py: Python<'py>, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyList>> {
    let t = text_of(text)?;
    let r = run(py, t.len(), || ranges_of(&t, akson::syllable_indices(&t)));
    str_list(py, &t, &r)
}

/// The units of :func:`syllables` as ``(start, end)`` code-point offsets, so that
/// ``text[start:end]`` is the unit.
///
/// >>> akson.syllable_spans("ສະບາຍດີ!")
/// [(0, 2), (2, 5), (5, 7), (7, 8)]
#[pyfunction]
fn syllable_spans<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
) -> PyResult<Bound<'py, PyList>> {
    let t = text_of(text)?;
    let s = run(py, t.len(), || {
        char_spans(&t, &ranges_of(&t, akson::syllable_indices(&t)))
    });
    span_list(py, &s)
}

/// The units of :func:`syllables` with their start, as ``(start, unit)`` pairs
/// (code-point offsets).
///
/// >>> akson.syllable_indices("ສະບາຍດີ!")
/// [(0, 'ສະ'), (2, 'ບາຍ'), (5, 'ດີ'), (7, '!')]
#[pyfunction]
fn syllable_indices<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
) -> PyResult<Bound<'py, PyList>> {
    let t = text_of(text)?;
    let (r, s) = run(py, t.len(), || {
        let r = ranges_of(&t, akson::syllable_indices(&t));
        let s = char_spans(&t, &r);
        (r, s)
    });
    index_list(py, &t, &r, &s)
}

/// Splits ``text`` into words with ``dictionary`` (default: the embedded one).
/// Spaces, numbers, Latin and punctuation are tokens of their own; the tokens
/// concatenate to ``text`` exactly.
///
/// >>> akson.words("ກະຊວງໄປສະນີ ໂທລະຄົມມະນາຄົມ")
/// ['ກະຊວງ', 'ໄປສະນີ', ' ', 'ໂທລະຄົມມະນາຄົມ']
/// >>> d = akson.Dictionary(); d.add("ສີສະຫວາດ")
/// >>> akson.words("ທ່ານສີສະຫວາດ", dictionary=d)
/// ['ທ່ານ', 'ສີສະຫວາດ']
#[pyfunction]
#[pyo3(signature = (text, dictionary = None))]
fn words<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    dictionary: Option<PyRef<'py, PyDictionary>>,
) -> PyResult<Bound<'py, PyList>> {
    words_impl(py, dict_handle(dictionary), text)
}

/// The tokens of :func:`words` as ``(start, end)`` code-point offsets.
///
/// >>> akson.word_spans("ກະຊວງໄປສະນີ")
/// [(0, 5), (5, 11)]
#[pyfunction]
#[pyo3(signature = (text, dictionary = None))]
fn word_spans<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    dictionary: Option<PyRef<'py, PyDictionary>>,
) -> PyResult<Bound<'py, PyList>> {
    word_spans_impl(py, dict_handle(dictionary), text)
}

/// The tokens of :func:`words` with their start, as ``(start, word)`` pairs
/// (code-point offsets).
///
/// >>> akson.word_indices("ກະຊວງໄປສະນີ")
/// [(0, 'ກະຊວງ'), (5, 'ໄປສະນີ')]
#[pyfunction]
#[pyo3(signature = (text, dictionary = None))]
fn word_indices<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    dictionary: Option<PyRef<'py, PyDictionary>>,
) -> PyResult<Bound<'py, PyList>> {
    word_indices_impl(py, dict_handle(dictionary), text)
}

/// Decodes UTF-8 ``data`` strictly. Raises ``UnicodeDecodeError`` (a
/// ``ValueError``) at the first invalid byte, with its offset.
///
/// >>> akson.from_utf8("ລາວ".encode())
/// 'ລາວ'
#[pyfunction]
fn from_utf8<'py>(py: Python<'py>, data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyString>> {
    let data = bytes_of(data, "from_utf8()", "a str is text already decoded")?;
    match std::str::from_utf8(&data) {
        Ok(s) => Ok(PyString::new(py, s)),
        Err(e) => Err(PyUnicodeDecodeError::new_err_from_utf8(py, &data, e)),
    }
}

// ---------------------------------------------------------------------------
// Batch functions

/// Reads `texts` in chunks of `str`, calling `each` on every chunk.
fn for_chunks<'py>(
    texts: &Bound<'py, PyAny>,
    fname: &str,
    mut each: impl FnMut(&[Bound<'py, PyString>], &[PyBackedStr]) -> PyResult<()>,
) -> PyResult<()> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{fname}() takes an iterable of str (a list, a generator, a pandas Series, …), \
             not one str; call {}() for a single text",
            fname.trim_end_matches("_batch")
        )));
    }
    let it = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{fname}() takes an iterable of str, not {}",
            texts
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default()
        ))
    })?;
    let mut objs: Vec<Bound<'py, PyString>> = Vec::new();
    let mut strs: Vec<PyBackedStr> = Vec::new();
    let mut bytes = 0usize;
    for (index, item) in it.enumerate() {
        let item = item?;
        let s = item.cast_into::<PyString>().map_err(|e| {
            PyTypeError::new_err(format!(
                "{fname}(): item {index} is {}, not str",
                e.into_inner()
                    .get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ))
        })?;
        let b = text_of(&s)?;
        bytes += b.len();
        objs.push(s);
        strs.push(b);
        if bytes >= BATCH_BYTES || strs.len() >= BATCH_ITEMS {
            each(&objs, &strs)?;
            objs.clear();
            strs.clear();
            bytes = 0;
        }
    }
    if !strs.is_empty() {
        each(&objs, &strs)?;
    }
    Ok(())
}

/// ``[normalize(t, form) for t in texts]``, with the GIL released while Rust works.
///
/// ``texts`` is any iterable of ``str`` (list, generator, pandas Series, …); it is
/// read in chunks, so a generator over a large file uses little memory besides the
/// result list.
///
/// >>> akson.normalize_batch(["ນໍ້າ", "ຫລາຍ"], form="search")
/// ['ນ້ຳ', 'ຫຼາຍ']
#[pyfunction]
#[pyo3(signature = (texts, form = FormArg(Form::Canonical)), text_signature = "(texts, form='canonical')")]
fn normalize_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    form: FormArg,
) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for_chunks(texts, "normalize_batch", |objs, strs| {
        let res: Vec<Option<String>> = py.detach(|| {
            strs.iter()
                .map(|t| match akson::normalize(t, form.0) {
                    Cow::Borrowed(_) => None,
                    Cow::Owned(s) => Some(s),
                })
                .collect()
        });
        for (o, r) in objs.iter().zip(res) {
            match r {
                None => out.append(o)?,
                Some(s) => out.append(PyString::new(py, &s))?,
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// ``[syllables(t) for t in texts]``, with the GIL released while Rust works.
///
/// >>> akson.syllables_batch(["ສະບາຍດີ", "ລາວ"])
/// [['ສະ', 'ບາຍ', 'ດີ'], ['ລາວ']]
#[pyfunction]
fn syllables_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for_chunks(texts, "syllables_batch", |_, strs| {
        let res: Vec<Ranges> = py.detach(|| {
            strs.iter()
                .map(|t| ranges_of(t, akson::syllable_indices(t)))
                .collect()
        });
        for (t, r) in strs.iter().zip(&res) {
            out.append(str_list(py, t, r)?)?;
        }
        Ok(())
    })?;
    Ok(out)
}

/// ``[words(t, dictionary) for t in texts]``, with the GIL released while Rust
/// works.
///
/// >>> akson.words_batch(["ກະຊວງໄປສະນີ", "ປະເທດລາວ"])
/// [['ກະຊວງ', 'ໄປສະນີ'], ['ປະເທດ', 'ລາວ']]
#[pyfunction]
#[pyo3(signature = (texts, dictionary = None))]
fn words_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    dictionary: Option<PyRef<'py, PyDictionary>>,
) -> PyResult<Bound<'py, PyList>> {
    let dict = dict_handle(dictionary);
    let out = PyList::empty(py);
    for_chunks(texts, "words_batch", |_, strs| {
        let res: Vec<Ranges> = py.detach(|| {
            strs.iter()
                .map(|t| ranges_of(t, dict.word_indices(t)))
                .collect()
        });
        for (t, r) in strs.iter().zip(&res) {
            out.append(str_list(py, t, r)?)?;
        }
        Ok(())
    })?;
    Ok(out)
}

// ---------------------------------------------------------------------------
// OCR correction

/// Byte offset → code-point offset in `text`, for increasing offsets.
struct CharOffsets<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl CharOffsets<'_> {
    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// One correction: a span of the input (code-point offsets ``start``/``end``), its
/// ``original`` text, the ``replacement``, the ``confidence`` (0–1) and the
/// ``candidates`` (``(reading, probability)`` pairs, most probable first; the span
/// as it was is among them).
#[pyclass(module = "akson", name = "Correction", frozen, get_all)]
#[derive(Clone)]
struct PyCorrection {
    start: usize,
    end: usize,
    original: String,
    replacement: String,
    confidence: f64,
    candidates: Vec<(String, f64)>,
}

#[pymethods]
impl PyCorrection {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Correction(start={}, end={}, original={}, replacement={}, confidence={:.4})",
            self.start,
            self.end,
            PyString::new(py, &self.original).repr()?,
            PyString::new(py, &self.replacement).repr()?,
            self.confidence
        ))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyCorrection>().is_ok_and(|o| {
            let o = o.get();
            (o.start, o.end, &o.original, &o.replacement)
                == (self.start, self.end, &self.original, &self.replacement)
                && o.confidence == self.confidence
                && o.candidates == self.candidates
        })
    }

    /// As a plain ``dict`` (for JSON).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
        let d = pyo3::types::PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("original", &self.original)?;
        d.set_item("replacement", &self.replacement)?;
        d.set_item("confidence", self.confidence)?;
        d.set_item("candidates", self.candidates.clone())?;
        Ok(d)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let c = slf.get();
        let args = (
            c.start,
            c.end,
            c.original.clone(),
            c.replacement.clone(),
            c.confidence,
            c.candidates.clone(),
        );
        PyTuple::new(
            py,
            [
                slf.get_type().into_any(),
                args.into_pyobject(py)?.into_any(),
            ],
        )
    }

    #[new]
    fn py_new(
        start: usize,
        end: usize,
        original: String,
        replacement: String,
        confidence: f64,
        candidates: Vec<(String, f64)>,
    ) -> PyCorrection {
        PyCorrection {
            start,
            end,
            original,
            replacement,
            confidence,
            candidates,
        }
    }
}

/// A ranked candidate from ``suggest``: ``word`` (a dictionary word), its
/// ``probability`` among the suggestions and its ``cost`` in nats.
#[pyclass(module = "akson", name = "Suggestion", frozen, get_all)]
#[derive(Clone)]
struct PySuggestion {
    word: String,
    probability: f64,
    cost: f64,
}

#[pymethods]
impl PySuggestion {
    #[new]
    fn py_new(word: String, probability: f64, cost: f64) -> PySuggestion {
        PySuggestion {
            word,
            probability,
            cost,
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Suggestion(word={}, probability={:.4}, cost={:.3})",
            PyString::new(py, &self.word).repr()?,
            self.probability,
            self.cost
        ))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PySuggestion>().is_ok_and(|o| {
            let o = o.get();
            o.word == self.word && o.probability == self.probability && o.cost == self.cost
        })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let s = slf.get();
        let args = (s.word.clone(), s.probability, s.cost);
        PyTuple::new(
            py,
            [
                slf.get_type().into_any(),
                args.into_pyobject(py)?.into_any(),
            ],
        )
    }
}

/// How Tesseract misreads Lao characters: substitution, insertion and deletion
/// costs learnt from real OCR output, and the character classes used to find
/// candidates. ``ErrorModel.embedded()`` is the default; ``ErrorModel.from_tsv(text)``
/// reads one in the format of ``dictionaries/ocr/model.tsv``.
#[pyclass(module = "akson", name = "ErrorModel", frozen)]
struct PyErrorModel {
    /// The TSV it was read from (for pickling), `None` for the embedded one.
    source: Option<String>,
    model: Arc<akson::ErrorModel>,
}

#[pymethods]
impl PyErrorModel {
    /// The embedded model.
    #[staticmethod]
    fn embedded() -> PyErrorModel {
        PyErrorModel {
            source: None,
            model: Arc::new(akson::ErrorModel::embedded().clone()),
        }
    }

    /// Reads a model from TSV text; ``ValueError`` names the bad line.
    #[staticmethod]
    fn from_tsv(text: &Bound<'_, PyString>) -> PyResult<PyErrorModel> {
        let t = text_of(text)?;
        let model = map_err(akson::ErrorModel::from_tsv(&t))?;
        Ok(PyErrorModel {
            source: Some(t.to_string()),
            model: Arc::new(model),
        })
    }

    fn __repr__(&self) -> String {
        format!("{:?}", self.model)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let ty = slf.get_type();
        match &slf.get().source {
            None => PyTuple::new(py, [ty.getattr("embedded")?, PyTuple::empty(py).into_any()]),
            Some(s) => PyTuple::new(
                py,
                [
                    ty.getattr("from_tsv")?,
                    (s.clone(),).into_pyobject(py)?.into_any(),
                ],
            ),
        }
    }
}

/// An OCR-error corrector for Lao text: a dictionary, an error model and options.
///
/// >>> c = akson.Corrector()
/// >>> c.correct("ຕັກໂນ ໂລຊີ")
/// 'ເຕັກໂນໂລຊີ'
/// >>> [x.replacement for x in c.corrections("ຂໍ້ມູນ ຕັກໂນໂລຊີ")]
/// ['ເຕັກໂນໂລຊີ']
///
/// ``dictionary`` (default: the embedded one) lets you add names and terms so they
/// are never "corrected". It **replaces** the embedded dictionary: a text's other
/// words would be read as misspellings of the few it has. So add yours to a copy
/// of the default, as ``akson correct --dict`` does:
///
/// >>> d = akson.Dictionary()
/// >>> d.extend_from_word_list("ສີສະຫວາດ\n")
/// 1
/// >>> akson.Corrector(d).correct("ທ່ານ ສີສະຫວາດ ໄດ້ກ່າວ")
/// 'ທ່ານ ສີສະຫວາດ ໄດ້ກ່າວ'
///
/// ``threshold`` (0–1, default 0.9) is the confidence a
/// correction needs; ``change_cost`` (nats, default 2.0) is the price of any change.
/// Correctors pickle (for ``multiprocessing``, Dask, PySpark). The candidate index
/// is built on first use (a fraction of a second).
#[pyclass(module = "akson", name = "Corrector", frozen)]
struct PyCorrector {
    inner: akson::Corrector,
    dictionary: Option<Py<PyDictionary>>,
    model: Option<Py<PyErrorModel>>,
}

fn correct_options(threshold: f64, change_cost: f64) -> PyResult<akson::CorrectOptions> {
    let mut o = map_err(akson::CorrectOptions::with_threshold(threshold))?;
    map_err(o.set_change_cost(change_cost))?;
    Ok(o)
}

/// The shared default corrector, with other options.
fn shared_corrector(threshold: f64) -> PyResult<akson::Corrector> {
    static C: OnceLock<akson::Corrector> = OnceLock::new();
    let c = C.get_or_init(akson::Corrector::new);
    if threshold == c.options().threshold {
        return Ok(c.clone());
    }
    let mut o = c.options().clone();
    map_err(o.set_threshold(threshold))?;
    Ok(c.clone().with_options(o))
}

fn corrections_of(c: &akson::Corrector, py: Python<'_>, text: &str) -> Vec<PyCorrection> {
    let list = run(py, text.len(), || c.corrections(text));
    let mut off = CharOffsets {
        text,
        byte: 0,
        chars: 0,
    };
    list.into_iter()
        .map(|x| PyCorrection {
            start: off.at(x.start),
            end: off.at(x.end),
            original: x.original,
            replacement: x.replacement,
            confidence: x.confidence,
            candidates: x.candidates,
        })
        .collect()
}

/// A `limit` argument: a whole number ≥ 0 (`ValueError` for a negative one, rather
/// than the `OverflowError` of a plain `usize`; one past `usize`, however large, is
/// no limit).
struct Limit(usize);

impl<'a, 'py> FromPyObject<'a, 'py> for Limit {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Limit> {
        limit_of(&obj).map(Limit)
    }
}

fn limit_of(limit: &Bound<'_, PyAny>) -> PyResult<usize> {
    let Ok(limit) = limit.cast::<PyInt>() else {
        return Err(PyTypeError::new_err(format!(
            "limit must be a whole number (an int), not {}",
            limit.get_type().name()?
        )));
    };
    if limit.lt(0)? {
        return Err(PyValueError::new_err(format!(
            "limit must be a whole number >= 0, not {limit}"
        )));
    }
    Ok(limit.extract::<usize>().unwrap_or(usize::MAX))
}

/// A bytes-like argument of `what` (bytes, bytearray, memoryview), with a
/// `TypeError` that says what to pass instead (`hint`) for a `str`.
fn bytes_of<'a>(data: &'a Bound<'_, PyAny>, what: &str, hint: &str) -> PyResult<Cow<'a, [u8]>> {
    if data.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} takes bytes or bytearray, not str: {hint}"
        )));
    }
    if let Ok(b) = data.cast::<PyBytes>() {
        return Ok(Cow::Borrowed(b.as_bytes()));
    }
    if let Ok(b) = data.cast::<PyByteArray>() {
        return Ok(Cow::Owned(b.to_vec()));
    }
    if let Ok(view) = data.cast::<PyMemoryView>() {
        let bytes = view.call_method0("tobytes")?;
        return Ok(Cow::Owned(bytes.cast::<PyBytes>()?.as_bytes().to_vec()));
    }
    Err(PyTypeError::new_err(format!(
        "{what} takes bytes or bytearray, not {}",
        data.get_type().name()?
    )))
}

fn suggestions_of(c: &akson::Corrector, word: &str, limit: usize) -> Vec<PySuggestion> {
    c.suggest(word, limit)
        .into_iter()
        .map(|s| PySuggestion {
            word: s.word,
            probability: s.probability,
            cost: s.cost,
        })
        .collect()
}

#[pymethods]
impl PyCorrector {
    #[new]
    #[pyo3(signature = (dictionary = None, model = None, threshold = 0.9, change_cost = 2.0))]
    fn py_new(
        dictionary: Option<Bound<'_, PyDictionary>>,
        model: Option<Bound<'_, PyErrorModel>>,
        threshold: f64,
        change_cost: f64,
    ) -> PyResult<PyCorrector> {
        let options = correct_options(threshold, change_cost)?;
        // The corrector works with the dictionary as it is now, and so must a
        // pickled or copied one: it keeps a copy, not the caller's object, which
        // may change later.
        let dictionary = match dictionary {
            None => None,
            Some(d) => Some(Bound::new(d.py(), d.get().__copy__())?),
        };
        let mut inner = match &dictionary {
            None => akson::Corrector::new(),
            Some(d) => akson::Corrector::with_dictionary(d.get().lock().get().clone()),
        };
        if let Some(m) = &model {
            inner = inner.with_model((*m.get().model).clone());
        }
        Ok(PyCorrector {
            inner: inner.with_options(options),
            dictionary: dictionary.map(|d| d.unbind()),
            model: model.map(|m| m.unbind()),
        })
    }

    /// The confidence a correction needs (0–1).
    #[getter]
    fn threshold(&self) -> f64 {
        self.inner.options().threshold
    }

    /// The price of any change, in nats.
    #[getter]
    fn change_cost(&self) -> f64 {
        self.inner.options().change_cost
    }

    /// The corrected text, in canonical form (each line on its own; the lines are
    /// one document, so lines that show its list bullets help read the others:
    /// pass a whole page rather than one line at a time).
    fn correct(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<String> {
        let t = text_of(text)?;
        Ok(run(py, t.len(), || self.inner.correct(&t)))
    }

    /// The corrections ``correct`` makes, as ``Correction`` objects with code-point
    /// spans in ``text``.
    fn corrections(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyString>,
    ) -> PyResult<Vec<PyCorrection>> {
        let t = text_of(text)?;
        Ok(corrections_of(&self.inner, py, &t))
    }

    /// Dictionary words that ``word`` (as OCR read it) could be, most probable first.
    #[pyo3(signature = (word, limit = Limit(10)), text_signature = "($self, word, limit=10)")]
    fn suggest(&self, word: &Bound<'_, PyString>, limit: Limit) -> PyResult<Vec<PySuggestion>> {
        let limit = limit.0;
        let t = text_of(word)?;
        Ok(suggestions_of(&self.inner, &t, limit))
    }

    /// ``[correct(t) for t in texts]``, with the GIL released while Rust works.
    fn correct_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        correct_batch_with(&self.inner, py, texts)
    }

    fn __repr__(&self) -> String {
        format!(
            "Corrector(dictionary={}, threshold={}, change_cost={})",
            if self.dictionary.is_some() {
                "<custom>"
            } else {
                "<embedded>"
            },
            self.threshold(),
            self.change_cost()
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let c = slf.get();
        let args = (
            c.dictionary.as_ref().map(|d| d.clone_ref(py)),
            c.model.as_ref().map(|m| m.clone_ref(py)),
            c.threshold(),
            c.change_cost(),
        );
        PyTuple::new(
            py,
            [
                slf.get_type().into_any(),
                args.into_pyobject(py)?.into_any(),
            ],
        )
    }
}

/// Corrects OCR errors in ``text`` (Tesseract's Lao model: dropped pre-vowels and
/// tone marks, look-alike letters, spaces where lines wrapped) with the embedded
/// dictionary and error model. The result is in canonical form; text that was
/// right comes back unchanged. The lines of ``text`` are one document: a list
/// bullet read as ``"`` on one line tells that a ``-`` on a later one is a bullet
/// too, and the lines tell what kind of scan it is (dirt at the margins, commas
/// read as full stops), so pass whole pages.
///
/// >>> akson.correct("ຕັກໂນໂລຊີ ແລະ ການສື່ສານ")
/// 'ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ'
///
/// ``threshold`` (0–1, default 0.9): the confidence a correction needs. For your
/// own dictionary, use ``Corrector(dictionary)``.
#[pyfunction]
#[pyo3(signature = (text, threshold = 0.9))]
fn correct(py: Python<'_>, text: &Bound<'_, PyString>, threshold: f64) -> PyResult<String> {
    let c = shared_corrector(threshold)?;
    let t = text_of(text)?;
    Ok(run(py, t.len(), || c.correct(&t)))
}

/// The corrections ``correct`` makes: ``Correction`` objects with code-point spans,
/// the original and the replacement, a confidence and the candidates, for a review
/// screen.
///
/// >>> [(c.start, c.end, c.replacement) for c in akson.corrections("ຕັກໂນໂລຊີ")]
/// [(0, 9, 'ເຕັກໂນໂລຊີ')]
#[pyfunction]
#[pyo3(signature = (text, threshold = 0.9))]
fn corrections(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    threshold: f64,
) -> PyResult<Vec<PyCorrection>> {
    let c = shared_corrector(threshold)?;
    let t = text_of(text)?;
    Ok(corrections_of(&c, py, &t))
}

/// Dictionary words that ``word`` (one word as OCR read it) could be, most probable
/// first (at most ``limit``).
///
/// >>> akson.suggest("ຕັກໂນໂລຊີ")[0].word
/// 'ເຕັກໂນໂລຊີ'
#[pyfunction]
#[pyo3(signature = (word, limit = Limit(10)), text_signature = "(word, limit=10)")]
fn suggest(word: &Bound<'_, PyString>, limit: Limit) -> PyResult<Vec<PySuggestion>> {
    let limit = limit.0;
    let c = shared_corrector(0.9)?;
    let t = text_of(word)?;
    Ok(suggestions_of(&c, &t, limit))
}

/// ``[correct(t) for t in texts]``, with the GIL released while Rust works.
#[pyfunction]
#[pyo3(signature = (texts, threshold = 0.9))]
fn correct_batch<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threshold: f64,
) -> PyResult<Bound<'py, PyList>> {
    correct_batch_with(&shared_corrector(threshold)?, py, texts)
}

/// `[c.correct(t) for t in texts]`, chunk by chunk with the GIL released.
fn correct_batch_with<'py>(
    c: &akson::Corrector,
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for_chunks(texts, "correct_batch", |_, strs| {
        let res: Vec<String> = py.detach(|| strs.iter().map(|t| c.correct(t)).collect());
        for r in res {
            out.append(r)?;
        }
        Ok(())
    })?;
    Ok(out)
}

/// Lao-script text technology: normalisation, syllable and word segmentation,
/// OCR correction.
#[pymodule]
fn _akson(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("VERSION", akson::VERSION)?;
    m.add("DICTIONARY_VERSION", akson::DICTIONARY_VERSION)?;
    m.add("FORMS", (Form::Canonical.name(), Form::Search.name()))?;
    m.add_class::<PyDictionary>()?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(canonical, m)?)?;
    m.add_function(wrap_pyfunction!(search_key, m)?)?;
    m.add_function(wrap_pyfunction!(is_normalized, m)?)?;
    m.add_function(wrap_pyfunction!(syllables, m)?)?;
    m.add_function(wrap_pyfunction!(syllable_spans, m)?)?;
    m.add_function(wrap_pyfunction!(syllable_indices, m)?)?;
    m.add_function(wrap_pyfunction!(words, m)?)?;
    m.add_function(wrap_pyfunction!(word_spans, m)?)?;
    m.add_function(wrap_pyfunction!(word_indices, m)?)?;
    m.add_function(wrap_pyfunction!(from_utf8, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_batch, m)?)?;
    m.add_function(wrap_pyfunction!(syllables_batch, m)?)?;
    m.add_function(wrap_pyfunction!(words_batch, m)?)?;
    m.add_class::<PyCorrection>()?;
    m.add_class::<PySuggestion>()?;
    m.add_class::<PyErrorModel>()?;
    m.add_class::<PyCorrector>()?;
    m.add_function(wrap_pyfunction!(correct, m)?)?;
    m.add_function(wrap_pyfunction!(corrections, m)?)?;
    m.add_function(wrap_pyfunction!(suggest, m)?)?;
    m.add_function(wrap_pyfunction!(correct_batch, m)?)?;
    Ok(())
}
