"""akson — Lao-script text technology (ອັກສອນ).

Normalisation, syllable and word segmentation and OCR-error correction of Lao
text, from the Rust core
``akson``: fast, linear-time on any input, and thread-friendly (the GIL is
released while Rust works on long text).

>>> import akson
>>> akson.normalize("ດໍາລັດ ຫນ້າທ່ີ")
'ດຳລັດ ໜ້າທີ່'
>>> akson.syllables("ວັດທະນະຖາວອນ")
['ວັດ', 'ທະ', 'ນະ', 'ຖາ', 'ວອນ']
>>> akson.words("ສາທາລະນະລັດປະຊາທິປະໄຕປະຊາຊົນລາວ")
['ສາທາລະນະລັດ', 'ປະຊາທິປະໄຕ', 'ປະຊາຊົນ', 'ລາວ']
>>> akson.correct("ຕັກໂນ ໂລຊີ")                      # OCR errors
'ເຕັກໂນໂລຊີ'

Offsets (``*_spans``, ``*_indices``) are in code points, like ``str`` indexing:
``text[start:end]`` is the unit. Batch functions (``normalize_batch``,
``syllables_batch``, ``words_batch``) take any iterable of ``str``.
"""

from typing import Literal, Union

from ._akson import (
    DICTIONARY_VERSION,
    FORMS,
    VERSION,
    Correction,
    Corrector,
    Dictionary,
    ErrorModel,
    Suggestion,
    __version__,
    canonical,
    correct,
    correct_batch,
    corrections,
    from_utf8,
    is_normalized,
    normalize,
    normalize_batch,
    search_key,
    suggest,
    syllable_indices,
    syllable_spans,
    syllables,
    syllables_batch,
    word_indices,
    word_spans,
    words,
    words_batch,
)

# (Spelt as a Union of two Literals, which is what a type checker reads the
# stub's Literal["canonical", "search"] as, so that stubtest finds them equal.)
Form = Union[Literal["canonical"], Literal["search"]]
"""The ``form`` argument of ``normalize``, ``is_normalized`` and ``normalize_batch``
(for type annotations)."""

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
