"""Type stub of akson (the Python binding of the Rust crate akson)."""

import os
from typing import Iterable, List, Literal, Optional, Tuple, Union, final

__version__: str
"""Version of this Python package."""
VERSION: str
"""Version of the Rust core akson."""
DICTIONARY_VERSION: str
"""Version of the embedded dictionary, e.g. ``"lo-2026.11.25-6"``."""
FORMS: Tuple[str, str]
"""The normalisation forms: ``("canonical", "search")``."""

Form = Literal["canonical", "search"]
"""The ``form`` argument of ``normalize``, ``is_normalized`` and ``normalize_batch``."""
_BytesLike = Union[bytes, bytearray]

@final
class Dictionary:
    """A Lao word dictionary: words with a cost, for word segmentation.

    ``Dictionary()`` is a copy of the embedded default (copy on write). Words are
    matched by their search form, so spelling variants are one entry. Picklable.
    """

    def __init__(self) -> None: ...
    @staticmethod
    def empty() -> "Dictionary":
        """A dictionary with no words."""
    @staticmethod
    def embedded() -> "Dictionary":
        """The embedded default dictionary (same as ``Dictionary()``)."""
    @staticmethod
    def load(path: Union[str, "os.PathLike[str]"]) -> "Dictionary":
        """Reads a UTF-8 word list (``word`` or ``word<TAB>count per million`` per
        line) or a compiled ``.fst`` dictionary. Raises ``OSError``
        (``FileNotFoundError``) or ``ValueError``."""
    @staticmethod
    def from_word_list(text: str) -> "Dictionary":
        """Reads a word list from a string. Raises ``ValueError`` naming the line."""
    @staticmethod
    def from_bytes(data: _BytesLike) -> "Dictionary":
        """Reads a compiled dictionary or a UTF-8 word list from bytes."""
    @staticmethod
    def from_fst_bytes(data: _BytesLike) -> "Dictionary":
        """Reads a compiled dictionary (fst map: word → cost in milli-nats)."""
    def extend_from_word_list(self, text: str) -> int:
        """Adds the words of a word list; returns how many entries were read (a word already there keeps the lower of its two costs)."""
    def add(self, word: str, count: Optional[float] = None) -> None:
        """Adds ``word`` occurring ``count`` times per million words; without a
        count, often enough to be found whole (``suggested_count``). Raises
        ``ValueError`` for a word that is not Lao letters and marks, or a count
        outside (0, 1000000]."""
    def suggested_count(self, word: str) -> float:
        """How often ``word`` must occur, per million words, to be found whole with
        this dictionary: 1, or more where its other words would split it. The
        count ``add`` gives when none is given."""
    def remove(self, word: str) -> bool:
        """Removes ``word``; returns whether it was there. Once the words removed
        outnumber those left (and are at least 4,096), the call builds the
        dictionary afresh from the words left, freeing the memory of the removed
        ones (about as long as reading the words again)."""
    def __contains__(self, word: str, /) -> bool: ...
    def __len__(self) -> int: ...
    def cost(self, word: str) -> Optional[float]:
        """Cost of ``word`` in nats (−ln p), or ``None`` when absent."""
    def merge(self, other: "Dictionary") -> None:
        """Adds every word of ``other`` (the lower cost wins)."""
    def entries(self) -> List[Tuple[str, float]]:
        """Every word (canonical form, as first added; as added where the canonical form has other syllables, as the ill-formed ແຫມຳ against ແໝຳ) with its cost in nats, sorted by word."""
    def words(self, text: str) -> List[str]:
        """Splits ``text`` into words with this dictionary."""
    def word_spans(self, text: str) -> List[Tuple[int, int]]:
        """Like ``words``, as ``(start, end)`` code-point offsets."""
    def word_indices(self, text: str) -> List[Tuple[int, str]]:
        """Like ``words``, as ``(start, word)`` pairs (code-point offsets)."""
    def __copy__(self) -> "Dictionary": ...
    def __deepcopy__(self, memo: object) -> "Dictionary": ...
    def __reduce__(self) -> Tuple[type, Tuple[()], tuple]: ...
    def __getstate__(self) -> Tuple[int, str, str, List[str], bytes]: ...
    def __setstate__(self, state: Tuple[int, str, str, List[str], bytes]) -> None: ...

def normalize(text: str, form: Form = "canonical") -> str:
    """Normalises ``text`` to ``"canonical"`` (storage, display) or ``"search"``
    (matching). Raises ``ValueError`` for another form."""

def canonical(text: str) -> str:
    """``normalize(text, "canonical")``."""

def search_key(text: str) -> str:
    """``normalize(text, "search")``."""

def is_normalized(text: str, form: Form = "canonical") -> bool:
    """Whether ``normalize(text, form)`` would return ``text`` unchanged."""

def syllables(text: str) -> List[str]:
    """Lao syllables and other units; they concatenate to ``text``."""

def syllable_spans(text: str) -> List[Tuple[int, int]]:
    """``(start, end)`` code-point offsets of the units of ``syllables``."""

def syllable_indices(text: str) -> List[Tuple[int, str]]:
    """``(start, unit)`` pairs of ``syllables`` (code-point offsets)."""

def words(text: str, dictionary: Optional[Dictionary] = None) -> List[str]:
    """Words (and other units); they concatenate to ``text``."""

def word_spans(text: str, dictionary: Optional[Dictionary] = None) -> List[Tuple[int, int]]:
    """``(start, end)`` code-point offsets of the tokens of ``words``."""

def word_indices(text: str, dictionary: Optional[Dictionary] = None) -> List[Tuple[int, str]]:
    """``(start, word)`` pairs of ``words`` (code-point offsets)."""

def from_utf8(data: _BytesLike) -> str:
    """Strict UTF-8 decoding; ``UnicodeDecodeError`` names the first bad byte."""

def normalize_batch(texts: Iterable[str], form: Form = "canonical") -> List[str]:
    """``[normalize(t, form) for t in texts]``, GIL released."""

def syllables_batch(texts: Iterable[str]) -> List[List[str]]:
    """``[syllables(t) for t in texts]``, GIL released."""

def words_batch(
    texts: Iterable[str], dictionary: Optional[Dictionary] = None
) -> List[List[str]]:
    """``[words(t, dictionary) for t in texts]``, GIL released."""

__all__ = [
    "DICTIONARY_VERSION",
    "FORMS",
    "Form",
    "VERSION",
    "Correction",
    "Corrector",
    "Dictionary",
    "ErrorModel",
    "Suggestion",
    "__version__",
    "canonical",
    "correct",
    "correct_batch",
    "corrections",
    "from_utf8",
    "is_normalized",
    "normalize",
    "normalize_batch",
    "search_key",
    "suggest",
    "syllable_indices",
    "syllable_spans",
    "syllables",
    "syllables_batch",
    "word_indices",
    "word_spans",
    "words",
    "words_batch",
]

@final
class Correction:
    """One correction: code-point span in the input, original, replacement (empty
    when the span is a speck of dirt read as punctuation at a line's edge or stuck to the front of a word, or the start of a word read twice),
    confidence (0-1) and candidates ``(reading, probability)``, most probable first."""
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def original(self) -> str: ...
    @property
    def replacement(self) -> str: ...
    @property
    def confidence(self) -> float: ...
    @property
    def candidates(self) -> List[Tuple[str, float]]: ...
    def __new__(
        cls,
        start: int,
        end: int,
        original: str,
        replacement: str,
        confidence: float,
        candidates: List[Tuple[str, float]],
    ) -> "Correction": ...
    def to_dict(self) -> dict: ...

@final
class Suggestion:
    """A ranked candidate from ``suggest``."""
    @property
    def word(self) -> str: ...
    @property
    def probability(self) -> float: ...
    @property
    def cost(self) -> float: ...
    def __new__(cls, word: str, probability: float, cost: float) -> "Suggestion": ...

@final
class ErrorModel:
    """How Tesseract misreads Lao characters (learnt from real OCR output).

    Made by ``ErrorModel.embedded()`` or ``ErrorModel.from_tsv(text)``; calling
    ``ErrorModel()`` raises ``TypeError``."""
    @staticmethod
    def embedded() -> "ErrorModel": ...
    @staticmethod
    def from_tsv(text: str) -> "ErrorModel":
        """Raises ValueError naming the bad line."""

@final
class Corrector:
    """An OCR-error corrector: dictionary, error model and options."""
    def __new__(
        cls,
        dictionary: Optional[Dictionary] = None,
        model: Optional[ErrorModel] = None,
        threshold: float = 0.9,
        change_cost: float = 2.0,
    ) -> "Corrector": ...
    @property
    def threshold(self) -> float: ...
    @property
    def change_cost(self) -> float: ...
    def correct(self, text: str) -> str: ...
    def corrections(self, text: str) -> List[Correction]: ...
    def suggest(self, word: str, limit: int = 10) -> List[Suggestion]: ...
    def correct_batch(self, texts: Iterable[str]) -> List[str]: ...

def correct(text: str, threshold: float = 0.9) -> str:
    """Corrects OCR errors; the result is in canonical form. The lines of ``text``
    are one document (its list bullets help read each other, and its lines tell
    what kind of scan it is: dirt at the margins, commas read as full stops): pass
    whole pages."""

def corrections(text: str, threshold: float = 0.9) -> List[Correction]:
    """The corrections ``correct`` makes, with code-point spans."""

def suggest(word: str, limit: int = 10) -> List[Suggestion]:
    """Dictionary words that ``word`` could be, most probable first."""

def correct_batch(texts: Iterable[str], threshold: float = 0.9) -> List[str]:
    """``[correct(t) for t in texts]`` with the GIL released."""
