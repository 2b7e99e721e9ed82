"""API parity: every public function of the Rust core has a Python counterpart.

The core's public functions are read from the source:
  * items re-exported at the crate root by `pub use` in src/lib.rs, and `pub fn` /
    `pub const` defined there (types are checked through the table below);
  * `pub fn` methods of `impl Dictionary` blocks in src/dict.rs and src/word.rs, and
    of the `impl Corrector`, `impl ErrorModel`, `impl CorrectOptions` and
    `impl Document` blocks in src/correct.rs.
A new core function without a Python counterpart (same name, or an entry in
RENAMED, or an entry in EXCLUDED with the reason) fails this test.
"""

import re

import akson
from conftest import ROOT

# Core name -> Python names that provide it (module attributes, or
# "Dictionary.<method>").
RENAMED = {
    "char_spans": ["syllable_spans", "word_spans", "Dictionary.word_spans"],
    "syllable_indices": ["syllable_indices", "syllable_spans"],
    "word_indices": ["word_indices", "word_spans"],
    "Form": ["FORMS"],  # form="canonical" | "search" arguments
    "Dictionary.new": ["Dictionary.__init__"],
    "Dictionary.add_with_count": ["Dictionary.add"],  # add(word, count=...)
    "Dictionary.contains": ["Dictionary.__contains__"],
    "Dictionary.len": ["Dictionary.__len__"],
    "Dictionary.is_empty": ["Dictionary.__len__"],  # bool(d) / not d
    "CorrectOptions": ["Corrector"],  # Corrector(threshold=..., change_cost=...)
    # Corrector(dictionary=..., model=..., threshold=..., change_cost=...)
    "Corrector.new": ["Corrector.__new__"],
    "Corrector.with_dictionary": ["Corrector.__new__"],
    "Corrector.with_model": ["Corrector.__new__"],
    "Corrector.with_options": ["Corrector.__new__"],
    "Corrector.options": ["Corrector.threshold", "Corrector.change_cost"],
    "CorrectOptions.with_threshold": ["Corrector.__new__", "Corrector.threshold"],
    "CorrectOptions.set_threshold": ["Corrector.__new__", "Corrector.threshold"],
    "CorrectOptions.set_change_cost": ["Corrector.__new__", "Corrector.change_cost"],
}

# Core names with no Python counterpart, each with the reason.
EXCLUDED = {
    "utf16_spans": "UTF-16 offsets are for JavaScript; Python str indexes by code point "
    "(the *_spans functions give code-point offsets, char_spans in the core)",
    "normalize_reference": "#[doc(hidden)] slow reference implementation for the core's "
    "property tests, not API",
    "Error": "mapped to Python exceptions: Io -> OSError (FileNotFoundError, ...), "
    "InvalidArgument / InvalidDictionary -> ValueError, InvalidUtf8 -> UnicodeDecodeError",
    "Syllables": "iterator type; Python functions return lists",
    "SyllableIndices": "iterator type; Python functions return lists",
    "Words": "iterator type; Python functions return lists",
    "WordIndices": "iterator type; Python functions return lists",
    "Corrector.dictionary": "a Python Corrector is made from a Dictionary the caller "
    "keeps (Corrector(dictionary=d))",
    "Corrector.correct_in": "a Document carries what a document's earlier lines said "
    "while its lines come one call at a time (the command line streams so); Python's "
    "correct and corrections take a whole document's text in one call, whose lines "
    "read each other",
    "Corrector.corrections_in": "as Corrector.correct_in",
    "Document.new": "as Corrector.correct_in",
}


def read(rel):
    return (ROOT / rel).read_text(encoding="utf-8")


def strip_comments(src):
    src = re.sub(r"/\*.*?\*/", "", src, flags=re.S)
    return re.sub(r"//[^\n]*", "", src)


def root_items():
    """Names the crate root makes public: `pub use` items, `pub fn`, `pub const`."""
    src = strip_comments(read("src/lib.rs"))
    names = set()
    for body in re.findall(r"\bpub\s+use\s+([^;]+);", src):
        body = re.sub(r"\s+", "", body)
        m = re.match(r"^(.*?)\{(.*)\}$", body)
        parts = m.group(2).split(",") if m else [body]
        for part in filter(None, parts):
            name = part.split("as")[-1] if "as" in part.split("::")[-1] else part
            name = name.split("::")[-1]
            if name not in ("self", "*"):
                names.add(name)
    names |= set(re.findall(r"\bpub\s+fn\s+(\w+)", src))
    names |= set(re.findall(r"\bpub\s+const\s+(\w+)", src))
    return names


def impl_blocks(src, type_name):
    """Bodies of `impl <type_name> { ... }` blocks (not trait impls)."""
    out = []
    for m in re.finditer(r"\bimpl\s+%s\s*\{" % type_name, src):
        depth, i = 1, m.end()
        while depth and i < len(src):
            depth += {"{": 1, "}": -1}.get(src[i], 0)
            i += 1
        out.append(src[m.end() : i - 1])
    return out


def dictionary_methods():
    """`Type.method` for the public methods of the core's types."""
    names = set()
    for rel, types in (
        ("src/dict.rs", ["Dictionary"]),
        ("src/word.rs", ["Dictionary"]),
        ("src/correct.rs", ["Corrector", "ErrorModel", "CorrectOptions", "Document"]),
    ):
        src = strip_comments(read(rel))
        for t in types:
            for body in impl_blocks(src, t):
                names |= {t + "." + n for n in re.findall(r"\bpub\s+fn\s+(\w+)", body)}
    return names


def python_has(name):
    obj = akson
    for part in name.split("."):
        if not hasattr(obj, part):
            return False
        obj = getattr(obj, part)
    return True


def test_the_parser_finds_the_core_api():
    items, methods = root_items(), dictionary_methods()
    for known in ("normalize", "syllables", "words", "char_spans", "Dictionary", "VERSION"):
        assert known in items, known
    for known in (
        "Dictionary.add",
        "Dictionary.words",
        "Dictionary.entries",
        "Corrector.correct_in",
        "ErrorModel.from_tsv",
        "CorrectOptions.set_threshold",
        "Document.new",
    ):
        assert known in methods, known


def test_every_core_function_has_a_python_counterpart():
    missing = []
    for name in sorted(root_items() | dictionary_methods()):
        if name in EXCLUDED:
            continue
        targets = RENAMED.get(name, [name])
        absent = [t for t in targets if not python_has(t)]
        if absent:
            missing.append("%s -> %s" % (name, ", ".join(absent)))
    assert not missing, (
        "core API without a Python counterpart (add it to bindings/python/src/lib.rs, "
        "python/akson/__init__.py and __init__.pyi, or to RENAMED/EXCLUDED here with a "
        "reason): " + "; ".join(missing)
    )


def test_tables_name_only_real_core_items():
    core = root_items() | dictionary_methods()
    stale = [n for n in list(RENAMED) + list(EXCLUDED) if n not in core]
    assert not stale, "RENAMED/EXCLUDED entries no longer in the core: %s" % stale
    assert all(reason.strip() for reason in EXCLUDED.values())
