"""Tests of the Python binding: shapes and types, errors, dictionaries, pickling,
threads, batch functions, offsets, docstring examples and the CLI."""

import ast
import concurrent.futures
import contextlib
import copy
import doctest
import json
import os
import pickle
import subprocess
import sys

import pytest

import akson
from conftest import ROOT, corpus_texts

DECREE = ROOT / "examples" / "decree-323.txt"
TRICKY = [
    "",
    " ",
    "ລາວ",
    "ກະຊວງໄປສະນີ ໂທລະຄົມມະນາຄົມ",
    "ດໍາລັດ ຫນ້າທ່ີ ເເລະ ໒໐໑໘",
    "ສະບາຍດີ 🙂 hello, ສປປ ລາວ!\n",
    "ຕ່າງໆ ຯລຯ ເບີ໌ 1.000,5 km",
    "\u200bກ\u00a0ຂ\tຄ",
    "່າເເິິິ",  # stray marks
    "ทดสอบ ภาษาไทย",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ລາວ 𝄞",
]


# ---------------------------------------------------------------------------
# Shapes and invariants


def test_module_constants():
    assert isinstance(akson.__version__, str) and akson.__version__[0].isdigit()
    assert akson.VERSION == akson.__version__
    meta = json.loads((ROOT / "dictionaries" / "akson-lo.json").read_text(encoding="utf-8"))
    assert akson.DICTIONARY_VERSION == meta["version"]
    assert akson.FORMS == ("canonical", "search")
    for name in akson.__all__:
        assert hasattr(akson, name), name


def test_examples_from_the_readme():
    assert akson.normalize("ນໍ້າ") == "ນ້ຳ"
    assert akson.normalize("ຫລາຍ ໒໐໑໘", form="search") == "ຫຼາຍ 2018"
    assert akson.syllables("ເອເລັກໂຕຣນິກ") == ["ເອ", "ເລັກ", "ໂຕຣ", "ນິກ"]
    assert akson.words("ກະຊວງໄປສະນີ") == ["ກະຊວງ", "ໄປສະນີ"]
    d = akson.Dictionary()
    d.add("ສີສະຫວາດ")
    assert d.words("ທ່ານສີສະຫວາດ") == ["ທ່ານ", "ສີສະຫວາດ"]


@pytest.mark.parametrize("text", TRICKY)
def test_units_concatenate_and_spans_slice(text):
    d = akson.Dictionary.empty()
    for units, spans, indices in [
        (akson.syllables(text), akson.syllable_spans(text), akson.syllable_indices(text)),
        (akson.words(text), akson.word_spans(text), akson.word_indices(text)),
        (d.words(text), d.word_spans(text), d.word_indices(text)),
    ]:
        assert type(units) is list and all(type(u) is str and u for u in units)
        assert "".join(units) == text
        assert [text[a:b] for a, b in spans] == units
        assert all(type(a) is int and type(b) is int for a, b in spans)
        assert [(a, text[a:b]) for a, b in spans] == indices
        assert all(type(i) is tuple for i in indices + spans)


def test_spans_are_code_points_not_bytes_or_utf16():
    text = "🙂ສະບາຍ"
    assert akson.syllable_spans(text) == [(0, 1), (1, 3), (3, 6)]
    assert akson.word_indices("a ລາວ") == [(0, "a"), (1, " "), (2, "ລາວ")]


def test_normalize_returns_the_same_object_when_unchanged():
    s = "ດຳລັດ " * 1000
    assert akson.normalize(s) is s
    t = "ດໍາລັດ " * 1000
    assert akson.normalize(t) == "ດຳລັດ " * 1000
    assert akson.normalize_batch([s])[0] is s


def test_forms_are_case_insensitive():
    assert akson.normalize("ຫລາຍ", form="SEARCH") == "ຫຼາຍ"
    assert akson.is_normalized("ຫລາຍ", "Canonical")
    assert not akson.is_normalized("ຫລາຍ", form="search")


def test_search_of_canonical_is_search(corpus):
    for text in corpus:
        assert akson.search_key(akson.canonical(text)) == akson.search_key(text)
        assert akson.is_normalized(akson.canonical(text))


def test_from_utf8():
    assert akson.from_utf8("ລາວ".encode()) == "ລາວ"
    assert akson.from_utf8(bytearray(b"ok")) == "ok"
    with pytest.raises(UnicodeDecodeError) as e:
        akson.from_utf8(b"ok \xff")
    assert e.value.start == 3 and isinstance(e.value, ValueError)


# ---------------------------------------------------------------------------
# Errors


@pytest.mark.parametrize(
    "call",
    [
        lambda: akson.normalize(1),
        lambda: akson.normalize(b"\xe0\xba\xa5"),
        lambda: akson.normalize(None),
        lambda: akson.normalize("ກ", form=1),
        lambda: akson.is_normalized(["ກ"]),
        lambda: akson.syllables(3.5),
        lambda: akson.syllable_spans(None),
        lambda: akson.words(b"x"),
        lambda: akson.words("ກ", dictionary="my words"),
        lambda: akson.word_spans("ກ", dictionary={}),
        lambda: akson.from_utf8("text"),
        lambda: akson.Dictionary().add(1),
        lambda: akson.Dictionary().add("ກາ", count="many"),
        lambda: akson.Dictionary().remove(None),
        lambda: akson.Dictionary().cost(b"x"),
        lambda: 1 in akson.Dictionary(),
        lambda: akson.Dictionary().merge("ກາ"),
        lambda: akson.Dictionary.from_word_list("ກາ".encode()),
        lambda: akson.Dictionary.load(42),
        lambda: akson.normalize_batch("ນໍ້າ"),
        lambda: akson.normalize_batch(5),
        lambda: akson.syllables_batch(["ກ", 5]),
        lambda: akson.words_batch([b"x"]),
        lambda: akson.words_batch(["x"], dictionary=1),
    ],
)
def test_wrong_types_raise_type_error(call):
    with pytest.raises(TypeError):
        call()


def test_error_messages_say_what_to_fix(tmp_path):
    with pytest.raises(ValueError, match='"canonical" or "search"'):
        akson.normalize("ກ", form="nfc")
    with pytest.raises(ValueError, match="canonical"):
        akson.normalize_batch(["ກ"], form="nfkc")
    with pytest.raises(TypeError, match="call normalize\\(\\)"):
        akson.normalize_batch("ນໍ້າ")
    with pytest.raises(TypeError, match="item 1 is int"):
        akson.words_batch(["ກ", 5])
    d = akson.Dictionary.empty()
    with pytest.raises(ValueError, match="Lao letters"):
        d.add("abc")
    with pytest.raises(ValueError, match="without spaces"):
        d.add("ສະບາຍ ດີ")
    with pytest.raises(ValueError, match="empty"):
        d.add("")
    with pytest.raises(ValueError, match="digit"):
        d.add("໑໒")
    for bad in (0, -1, 2e6, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="per million"):
            d.add("ກາ", count=bad)
    with pytest.raises(ValueError, match="line 2.*not a number"):
        akson.Dictionary.from_word_list("ກາ\nຂາ\tmany\n")
    assert len(d) == 0  # nothing was added by the failed calls
    # A str where bytes are wanted: what to call or do instead.
    with pytest.raises(TypeError, match=r"not str: for a word list in a str, use Dictionary\.from_word_list"):
        akson.Dictionary.from_bytes("ກາ\n")
    with pytest.raises(TypeError, match=r"not str: read the file in binary mode"):
        akson.Dictionary.from_fst_bytes("ກາ")
    with pytest.raises(TypeError, match="not str: a str is text already decoded"):
        akson.from_utf8("ລາວ")
    with pytest.raises(TypeError, match="takes bytes or bytearray, not NoneType"):
        akson.from_utf8(None)
    with pytest.raises(TypeError, match="takes bytes or bytearray, not list"):
        akson.Dictionary.from_bytes([1, 2])
    with pytest.raises(ValueError, match="whole number >= 0, not -1"):
        akson.suggest("ກາ", limit=-1)
    with pytest.raises(TypeError, match="whole number"):
        akson.Corrector().suggest("ກາ", limit=2.0)


def test_bytes_like_arguments_and_paths(tmp_path):
    word_list = "ສີສະຫວາດ\n".encode()
    for data in (word_list, bytearray(word_list), memoryview(word_list)):
        assert akson.Dictionary.from_bytes(data).entries()[0][0] == "ສີສະຫວາດ"
        assert akson.from_utf8(data) == "ສີສະຫວາດ\n"
    # A path as bytes, as open() takes it (os.fsencode).
    path = tmp_path / "names.txt"
    path.write_bytes(word_list)
    assert "ສີສະຫວາດ" in akson.Dictionary.load(os.fsencode(path))
    with pytest.raises(FileNotFoundError):
        akson.Dictionary.load(os.fsencode(tmp_path / "nope.txt"))
    # A limit past any list's length is no limit, however large.
    assert akson.suggest("ກາ", limit=2**200) == akson.suggest("ກາ", limit=10**6)
    assert akson.Corrector().suggest("ກາ", limit=2**64) == akson.suggest("ກາ", limit=10**6)


def test_file_errors(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(FileNotFoundError) as e:
        akson.Dictionary.load(missing)
    assert e.value.filename == str(missing) and e.value.errno == 2
    assert "cannot read dictionary" in str(e.value)
    with pytest.raises(IsADirectoryError):
        akson.Dictionary.load(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes("ກາ\n".encode() + b"\xff\n")
    with pytest.raises(ValueError, match="line 2.*UTF-8"):
        akson.Dictionary.load(bad)
    with pytest.raises(ValueError, match="not a compiled akson dictionary"):
        akson.Dictionary.from_fst_bytes(b"\x02" + b"\x00" * 7 + b"junk")


def test_surrogates_are_refused_cleanly():
    # Lone surrogates cannot be encoded as UTF-8: UnicodeEncodeError (a ValueError).
    with pytest.raises(UnicodeEncodeError):
        akson.words("ກ\ud800")
    with pytest.raises(ValueError):
        akson.normalize_batch(["ok", "\udcff"])


def test_no_panic_on_hostile_input():
    import random

    rng = random.Random(7)
    alphabet = [chr(c) for c in range(0x0E80, 0x0F00)] + list(" \t\n.,1aé\u200b\u00a0🙂") + [
        chr(c) for c in range(0x0E30, 0x0E50)
    ]
    for _ in range(300):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60)))
        for form in akson.FORMS:
            n = akson.normalize(s, form)
            assert akson.normalize(n, form) == n
        assert "".join(akson.syllables(s)) == s
        assert "".join(akson.words(s)) == s


# ---------------------------------------------------------------------------
# Dictionary


def test_dictionary_basics():
    d = akson.Dictionary()
    n = len(d)
    assert n > 40000 and bool(d)
    assert "ດຳລັດ" in d and "ດໍາລັດ" in d  # spelling variants are one entry
    assert "ສີສະຫວາດຄຳແສນ" not in d
    assert isinstance(d.cost("ແລະ"), float) and d.cost("ແລະ") < d.cost("ດຳລັດ")
    assert d.cost("zzz") is None and d.cost("ສີສະຫວາດຄຳແສນ") is None
    assert d.add("ສີສະຫວາດຄຳແສນ") is None
    assert len(d) == n + 1 and "ສີສະຫວາດຄຳແສນ" in d
    assert d.remove("ສີສະຫວາດຄຳແສນ") is True
    assert d.remove("ສີສະຫວາດຄຳແສນ") is False
    assert len(d) == n
    e = akson.Dictionary.empty()
    assert len(e) == 0 and not e and e.entries() == []
    assert len(akson.Dictionary.embedded()) == n
    assert "akson.Dictionary" in repr(d)


def test_count_sets_the_cost():
    d = akson.Dictionary.empty()
    d.add("ສະບາຍ")
    d.add("ອີເມວ", count=25)
    d.add("ກາ", 1_000_000)
    assert d.cost("ອີເມວ") < d.cost("ສະບາຍ")
    assert d.cost("ກາ") == 0.0
    assert d.cost("ສະບາຍ") == pytest.approx(13.816)
    # A word already there keeps the lower cost.
    d.add("ອີເມວ")
    assert d.cost("ອີເມວ") == pytest.approx(-__import__("math").log(25e-6), abs=1e-3)


def test_words_added_without_a_count_are_found_whole():
    text = "ໃຫ້ການສະໜັບສະໜູນ"
    d = akson.Dictionary()
    assert d.words(text) == ["ໃຫ້", "ການ", "ສະໜັບສະໜູນ"]
    count = d.suggested_count("ໃຫ້ການ")
    split = d.cost("ໃຫ້") + d.cost("ການ")
    assert count > 1 and -__import__("math").log(count * 1e-6) == pytest.approx(split - 1, abs=2e-3)
    d.add("ໃຫ້ການ")
    assert d.words(text) == ["ໃຫ້ການ", "ສະໜັບສະໜູນ"]
    assert d.cost("ໃຫ້ການ") == pytest.approx(split - 1, abs=2e-3)
    assert akson.Dictionary().words(text) == ["ໃຫ້", "ການ", "ສະໜັບສະໜູນ"]
    # Without a cheaper split: once per million.
    assert akson.Dictionary().suggested_count("ວົງວິຈິດ") == 1.0
    assert akson.Dictionary.empty().suggested_count("ໃຫ້ການ") == 1.0
    # A word list's words without a count too; with one, the count is kept.
    e = akson.Dictionary()
    e.extend_from_word_list("ໃຫ້ການ\n")
    assert e.words(text) == ["ໃຫ້ການ", "ສະໜັບສະໜູນ"]
    e = akson.Dictionary()
    e.extend_from_word_list("ໃຫ້ການ\t1\n")
    assert e.words(text) == ["ໃຫ້", "ການ", "ສະໜັບສະໜູນ"]
    with pytest.raises(ValueError):
        d.suggested_count("abc")
    with pytest.raises(TypeError):
        d.suggested_count(5)


def test_custom_dictionary_changes_segmentation():
    text = "ທ່ານສີສະຫວາດຄຳແສນມາ"
    base = akson.words(text)
    d = akson.Dictionary()
    d.add("ສີສະຫວາດຄຳແສນ", count=10)
    assert "ສີສະຫວາດຄຳແສນ" in d.words(text)
    assert akson.words(text, dictionary=d) == d.words(text)
    assert akson.word_spans(text, d) == d.word_spans(text)
    assert akson.words(text) == base  # the default is untouched
    assert akson.Dictionary().words(text) == base  # and so are new copies


def test_copies_are_independent():
    a = akson.Dictionary()
    b = copy.copy(a)
    c = copy.deepcopy(a)
    a.add("ສີສະຫວາດຄຳແສນ")
    assert "ສີສະຫວາດຄຳແສນ" in a
    assert "ສີສະຫວາດຄຳແສນ" not in b and "ສີສະຫວາດຄຳແສນ" not in c
    d = copy.copy(a)
    a.remove("ສີສະຫວາດຄຳແສນ")
    assert "ສີສະຫວາດຄຳແສນ" in d and "ສີສະຫວາດຄຳແສນ" not in a


def test_word_lists_and_files(tmp_path):
    p = tmp_path / "names.txt"
    p.write_text("# my words\nສີສະຫວາດ\nອີເມວ\t25\n\n", encoding="utf-8")
    for d in (akson.Dictionary.load(p), akson.Dictionary.load(str(p)),
              akson.Dictionary.from_word_list(p.read_text(encoding="utf-8")),
              akson.Dictionary.from_bytes(p.read_bytes())):
        assert len(d) == 2 and "ສີສະຫວາດ" in d
    e = akson.Dictionary.empty()
    assert e.extend_from_word_list("ກາ\nຂາ\t10\n") == 2
    assert sorted(w for w, _ in e.entries()) == ["ກາ", "ຂາ"]


def test_compiled_dictionary_file(root):
    fst = root / "dictionaries" / "akson-lo.fst"
    d = akson.Dictionary.load(fst)
    assert len(d) == len(akson.Dictionary())
    assert akson.Dictionary.from_fst_bytes(fst.read_bytes()).words("ກະຊວງໄປສະນີ") == ["ກະຊວງ", "ໄປສະນີ"]


def test_merge():
    a = akson.Dictionary.from_word_list("ກາ\nຂາ\n")
    b = akson.Dictionary.from_word_list("ຂາ\t100\nຄາ\n")
    a.merge(b)
    assert len(a) == 3 and a.cost("ຂາ") == b.cost("ຂາ")
    a.merge(a)  # merging with itself changes nothing
    assert len(a) == 3
    d = akson.Dictionary()
    d.merge(akson.Dictionary())
    assert len(d) == len(akson.Dictionary())


# ---------------------------------------------------------------------------
# Pickling


def same(a, b):
    return sorted(a.entries()) == sorted(b.entries())


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip(protocol, decree):
    default = akson.Dictionary()
    changed = akson.Dictionary()
    changed.add("ສີສະຫວາດຄຳແສນ", count=3)
    changed.add("ເວັບໄຊທ໌", count=500)  # ໌ is dropped by the search form
    changed.remove("ການ")
    # ແຫມຳ (ill-formed) reads as ແຫ|ມຳ, its canonical form ແໝຳ as ແໝ|ຳ: another entry.
    changed.add("ແຫມຳ", count=7)
    custom = akson.Dictionary.from_word_list("ກາ\nເວັບໄຊທ໌\t3\nອອນໄລນ໌\nແຫມຳ\n")
    empty = akson.Dictionary.empty()
    sizes = {}
    for name, d in [("default", default), ("changed", changed), ("custom", custom), ("empty", empty)]:
        data = pickle.dumps(d, protocol=protocol)
        sizes[name] = len(data)
        r = pickle.loads(data)
        assert type(r) is akson.Dictionary
        assert len(r) == len(d) and same(r, d), name
        assert r.words(decree) == d.words(decree), name
        assert r.words("ເວັບໄຊທ໌ອອນໄລນ໌") == d.words("ເວັບໄຊທ໌ອອນໄລນ໌"), name
        assert r.words("ແຫມຳດີ") == d.words("ແຫມຳດີ"), name
    # The default is a marker; a changed default is its changes.
    assert sizes["default"] < 200 and sizes["changed"] < 2000 and sizes["empty"] < 200
    assert pickle.loads(pickle.dumps(changed)).cost("ການ") is None


def test_pickle_of_a_large_custom_dictionary_is_compact():
    words = sorted(w for w, _ in akson.Dictionary().entries() if w)[::2]
    d = akson.Dictionary.from_word_list("\n".join(words))
    assert len(d) > 20000
    data = pickle.dumps(d)
    assert data.count(b"full") and len(data) < 20 * len(d)
    assert same(pickle.loads(data), d)


def test_pickle_refuses_foreign_states():
    d = akson.Dictionary()
    state = d.__getstate__()
    with pytest.raises(ValueError, match="same akson version"):
        d.__setstate__((1, "embedded", "lo-1999.1.1", [], b""))
    with pytest.raises(ValueError, match="not a pickled"):
        d.__setstate__(("something", "else"))
    with pytest.raises(ValueError, match="not a pickled"):
        d.__setstate__((1, "delta", akson.DICTIONARY_VERSION, [], b"garbage"))
    d.__setstate__(state)
    assert len(d) == len(akson.Dictionary())


# ---------------------------------------------------------------------------
# Threads and batches


def big_text():
    texts = corpus_texts() or [DECREE.read_text(encoding="utf-8")]
    return "".join(texts)


def test_threads_give_the_same_results():
    text = big_text()
    lines = [l for l in text.splitlines() if l.strip()]
    d = akson.Dictionary()
    d.add("ສີສະຫວາດຄຳແສນ")
    want_words = [d.words(l) for l in lines]
    want_syl = [akson.syllables(l) for l in lines]
    want_big = akson.words(text)

    def job(k):
        if k % 3 == 0:
            return "words", [d.words(l) for l in lines]
        if k % 3 == 1:
            return "syl", akson.syllables_batch(lines)
        return "big", akson.words(text)

    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
        for kind, got in ex.map(job, range(12)):
            assert got == {"words": want_words, "syl": want_syl, "big": want_big}[kind]


def test_changing_a_dictionary_while_threads_segment_it():
    text = big_text()
    d = akson.Dictionary()

    def seg(_):
        return "".join(d.words(text)) == text

    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as ex:
        futures = [ex.submit(seg, k) for k in range(6)]
        for k in range(20):
            d.add("ສີສະຫວາດຄຳແສນ%s" % ("ກ" * (k % 3)))
        assert all(f.result() for f in futures)


@contextlib.contextmanager
def counting_thread():
    """A Python thread counting in a loop, which needs the GIL; yields
    ``share_of(call)``: ``call()``'s result and the share of its time the thread
    counted (about 1 % if ``call`` held the GIL)."""
    import threading
    import time

    if (os.cpu_count() or 1) < 2:
        pytest.skip("needs two cores")
    count = [0]
    stop = threading.Event()

    def spin():
        while not stop.is_set():
            count[0] += 1

    th = threading.Thread(target=spin)
    th.start()
    try:
        time.sleep(0.05)
        c0, t0 = count[0], time.perf_counter()
        time.sleep(0.2)
        rate = (count[0] - c0) / (time.perf_counter() - t0)  # counts/s with a free GIL

        def share_of(call):
            c0, t0 = count[0], time.perf_counter()
            got = call()
            elapsed = time.perf_counter() - t0
            return got, (count[0] - c0) / (rate * elapsed)

        yield share_of
    finally:
        stop.set()
        th.join()


def test_the_gil_is_released_on_long_text():
    # A Python thread counting in a loop needs the GIL: it keeps counting while
    # Rust segments a long text only if the GIL is released meanwhile. (Held, the
    # counter would get a switch interval or two: a few ms out of the call.)
    text = big_text()
    while len(text) < 1_500_000:
        text += text
    with counting_thread() as share_of:
        shares = {}
        retyped = text.replace("ຳ", "ໍາ")  # needs repair
        word_list = "\n".join(w for w, _ in akson.Dictionary().entries())
        custom = akson.Dictionary.from_word_list(word_list)
        for name, call in [
            ("words", lambda: akson.words(text)),
            ("normalize", lambda: akson.normalize(retyped)),
            ("words_batch", lambda: akson.words_batch(text.splitlines())),
            ("extend_from_word_list", lambda: akson.Dictionary.empty().extend_from_word_list(word_list)),
            ("merge", lambda: akson.Dictionary.empty().merge(custom)),
        ]:
            shares[name] = max(share_of(call)[1] for _ in range(3))
    # Typically 40-90% (less on a busy machine); a held GIL gives about 1%.
    assert min(shares.values()) > 0.15, "share of time the counting thread ran: %s" % shares


def test_a_call_waiting_for_a_change_lets_other_threads_run():
    # A call on a dictionary that another thread is changing (a long word list)
    # waits for the change; it must wait with the GIL released, or every Python
    # thread stops until the change is done.
    import threading
    import time

    word_list = ("\n".join(w for w, _ in akson.Dictionary().entries()) + "\n") * 4
    with counting_thread() as share_of:
        results = []
        for call in (len, lambda d: "ລາວ" in d, lambda d: d.words("ສະບາຍດີ"), repr):
            d = akson.Dictionary.empty()
            writer = threading.Thread(target=d.extend_from_word_list, args=(word_list,))
            writer.start()
            time.sleep(0.05)  # the change (about a second) has begun
            got, share = share_of(lambda: call(d))
            writer.join()
            results.append((got, share))
    n = len(akson.Dictionary.from_word_list(word_list))
    # Each call saw the dictionary after the change (it waited for it) ...
    assert [r[0] for r in results[:2]] == [n, True], results
    assert results[2][0] == ["ສະບາຍດີ"] and str(n) in results[3][0], results
    # ... and the counting thread ran meanwhile (a held GIL gives about 0 %).
    assert min(r[1] for r in results) > 0.15, results


def test_batch_functions_equal_single_calls(corpus):
    lines = [l for t in corpus for l in t.splitlines()]
    assert akson.normalize_batch(lines) == [akson.normalize(l) for l in lines]
    assert akson.normalize_batch(iter(lines), "search") == [akson.search_key(l) for l in lines]
    assert akson.syllables_batch(tuple(lines)) == [akson.syllables(l) for l in lines]
    d = akson.Dictionary.from_word_list("ກາ\n")
    assert akson.words_batch((l for l in lines)) == [akson.words(l) for l in lines]
    assert akson.words_batch(lines, dictionary=d) == [d.words(l) for l in lines]
    assert akson.words_batch([]) == [] and akson.normalize_batch(()) == []


def test_batches_are_read_in_chunks():
    # More texts than one chunk holds, from a generator.
    n = 20000
    out = akson.words_batch("ກະຊວງໄປສະນີ%d" % i for i in range(n))
    assert len(out) == n and out[-1] == ["ກະຊວງ", "ໄປສະນີ", str(n - 1)]
    long = ["ດໍາລັດ" * 100000, "ຫນ້າ"]  # one text over the chunk size
    assert akson.normalize_batch(long) == ["ດຳລັດ" * 100000, "ໜ້າ"]


def test_token_objects_are_reused_and_always_right():
    # Short tokens come from a cache of str objects: same value, same object.
    a, _, b = akson.syllables("ລາວ ລາວ")
    assert a == b == "ລາວ" and a is b
    # More distinct tokens than the cache holds, and tokens longer than it keeps.
    texts = ["ກ %d ຂ" % i for i in range(70000)] + ["x" * 40 + " " + "ລາວ" * 20]
    out = akson.syllables_batch(texts)
    assert out[12345] == ["ກ", " ", "12345", " ", "ຂ"]
    assert out[-1] == ["x" * 40, " "] + ["ລາວ"] * 20
    assert all("".join(u) == t for u, t in zip(out, texts))


def test_batch_propagates_errors_from_the_iterable():
    def gen():
        yield "ກ"
        raise KeyError("boom")

    with pytest.raises(KeyError):
        akson.words_batch(gen())


# ---------------------------------------------------------------------------
# Documentation and typing


def test_docstring_examples():
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    objs = [akson] + [getattr(akson, n) for n in akson.__all__ if callable(getattr(akson, n))]
    objs += [getattr(akson.Dictionary, n) for n in dir(akson.Dictionary) if not n.startswith("_")]
    tests = 0
    for obj in objs:
        name = getattr(obj, "__qualname__", getattr(obj, "__name__", "akson"))
        for t in finder.find(obj, name, globs={"akson": akson}):
            tests += len(t.examples)
            runner.run(t)
    assert tests > 30
    assert runner.failures == 0, "%d docstring example(s) failed (see the output)" % runner.failures


def test_every_function_has_a_docstring():
    for name in akson.__all__:
        obj = getattr(akson, name)
        # (Form, a type alias, is callable but documented in the stub.)
        if callable(obj) and getattr(obj, "__module__", None) != "typing":
            assert obj.__doc__ and len(obj.__doc__) > 20, name
    for name in dir(akson.Dictionary):
        if not name.startswith("_"):
            assert getattr(akson.Dictionary, name).__doc__, name


def test_stub_matches_the_module():
    pkg = os.path.dirname(akson.__file__)
    assert os.path.exists(os.path.join(pkg, "py.typed"))
    stub = ast.parse(open(os.path.join(pkg, "__init__.pyi"), encoding="utf-8").read())
    funcs = {n.name for n in stub.body if isinstance(n, ast.FunctionDef)}
    consts = {t.id for n in stub.body if isinstance(n, ast.AnnAssign) for t in [n.target]}
    consts |= {t.id for n in stub.body if isinstance(n, ast.Assign) for t in n.targets if not t.id.startswith("_")}
    cls = next(n for n in stub.body if isinstance(n, ast.ClassDef) and n.name == "Dictionary")
    methods = {n.name for n in cls.body if isinstance(n, ast.FunctionDef)}
    classes = {n.name for n in stub.body if isinstance(n, ast.ClassDef)}
    public = set(akson.__all__)
    assert public == (funcs | consts | classes) - {"__all__"}
    for c in stub.body:
        if isinstance(c, ast.ClassDef) and c.name != "Dictionary":
            declared = {getattr(n, "name", None) or n.target.id for n in c.body if isinstance(n, (ast.FunctionDef, ast.AnnAssign))}
            runtime = {n for n in dir(getattr(akson, c.name)) if not n.startswith("_")}
            assert runtime == {m for m in declared if not m.startswith("_")}, c.name
    runtime = {n for n in dir(akson.Dictionary) if not n.startswith("_")}
    assert runtime == {m for m in methods if not m.startswith("_")}


def test_stubtest_finds_the_stub_true_to_the_module():
    # mypy's stubtest imports the module and compares every name, signature,
    # class flag (a class Python code cannot subclass is @final) and ``__all__``
    # with the stub: what a type checker is told is what runs.
    pytest.importorskip("mypy", reason="pip install mypy (./test installs it)")
    out = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "akson"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stdout + out.stderr


# ---------------------------------------------------------------------------
# Same output as the command line


def test_words_match_the_cli(decree):
    exe = ROOT / "target" / "release" / ("akson.exe" if os.name == "nt" else "akson")
    if not exe.exists():
        pytest.skip("target/release/akson not built (cargo build --release)")
    newest_src = max(p.stat().st_mtime for p in (ROOT / "src").rglob("*.rs"))
    if exe.stat().st_mtime < newest_src:
        pytest.skip("target/release/akson is older than src/ (cargo build --release)")
    out = subprocess.run(
        [str(exe), "segment", "--unit", "word", str(DECREE)], capture_output=True, check=True
    ).stdout.decode("utf-8")
    got = out.splitlines()
    want = ["|".join(akson.words(line)) for line in decree.splitlines()]
    assert len(got) == len(want)
    for n, (g, w) in enumerate(zip(got, want), 1):
        assert g == w, "line %d differs" % n
    cli_syl = subprocess.run(
        [str(exe), "segment", str(DECREE)], capture_output=True, check=True
    ).stdout.decode("utf-8").splitlines()
    assert cli_syl == ["|".join(akson.syllables(line)) for line in decree.splitlines()]


FINALIZER_SCRIPTS = {
    # A finalizer that calls akson runs (on this thread) while akson makes the
    # strings of a result.
    "same thread": """
import akson, gc
class Cycle:
    def __init__(self): self.me = self
    def __del__(self): akson.syllables("ສະບາຍດີ")
for _ in range(30):
    gc.disable(); [Cycle() for _ in range(300)]; gc.enable()
    akson.syllable_indices("ສະບາຍດີ ລາວ" * 200)
print("ok")
""",
    # A finalizer that lets the GIL go (blocking I/O) while another thread asks
    # akson for tokens.
    "two threads": """
import akson, threading, time
class Resource:
    def __init__(self): self.me = self
    def __del__(self): time.sleep(0.001)
stop = threading.Event()
def a():
    while not stop.is_set():
        for _ in range(50): Resource()
        akson.syllable_indices("ສະບາຍດີ ລາວ" * 200)
def b():
    while not stop.is_set(): akson.words("ສະບາຍດີ")
ts = [threading.Thread(target=a), threading.Thread(target=b)]
for t in ts: t.start()
time.sleep(4); stop.set()
for t in ts: t.join()
print("ok")
""",
}


@pytest.mark.parametrize("case", sorted(FINALIZER_SCRIPTS))
def test_finalizers_during_a_call_do_not_deadlock(case):
    # Both hung for ever when the cache of token strings was waited for.
    out = subprocess.run(
        [sys.executable, "-c", FINALIZER_SCRIPTS[case]],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_parallel_segment_example_uses_a_word_list_beside_the_default(tmp_path):
    # examples/parallel_segment.py --dict: a word without a count is found whole,
    # weighed against the embedded words, as `akson segment --dict` finds it.
    example = os.path.join(os.path.dirname(__file__), "..", "examples", "parallel_segment.py")
    (tmp_path / "terms.txt").write_text("ໃຫ້ການ\n", encoding="utf-8")
    (tmp_path / "in.txt").write_text("ໃຫ້ການສະໜັບສະໜູນ\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, example, "--dict", str(tmp_path / "terms.txt"), "--out", str(tmp_path / "out"),
         "--processes", "1", str(tmp_path / "in.txt")],
        check=True, capture_output=True,
    )
    assert (tmp_path / "out" / "in.txt").read_text(encoding="utf-8") == "ໃຫ້ການ|ສະໜັບສະໜູນ\n"
