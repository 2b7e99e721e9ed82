"""OCR correction from Python: results, spans, options, errors, pickling, threads."""

import copy
import pickle
import threading

import pytest

import akson


def test_correct_fixes_dropped_pre_vowel_and_wrap():
    assert akson.correct("ຕັກໂນໂລຊີ") == "ເຕັກໂນໂລຊີ"
    assert akson.correct("ເຕັກໂນ ໂລຊີ ແລະ ການສື່ສານ") == "ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ"


def test_a_text_is_one_document():
    # A list bullet read as " tells that the - on a later line is a bullet too.
    assert akson.correct("- ການສື່ສານ") == "- ການສື່ສານ"
    assert akson.correct('" ການສື່ສານ\n- ການສື່ສານ') == "• ການສື່ສານ\n• ການສື່ສານ"
    assert akson.correct_batch(['" ການສື່ສານ', "- ການສື່ສານ"]) == ["• ການສື່ສານ", "- ການສື່ສານ"]
    # Full stops between words and no comma: a faded copy, whose full stops
    # between two words are commas (the first line's is evidence only).
    faded = "ແຂວງ. ເມືອງ ແລະ ບ້ານ\nລະບຽບ. ກົດໝາຍ ແລະ ດຳລັດ"
    assert akson.correct(faded) == "ແຂວງ. ເມືອງ ແລະ ບ້ານ\nລະບຽບ, ກົດໝາຍ ແລະ ດຳລັດ"
    assert akson.correct_batch(faded.split("\n")) == faded.split("\n")


def test_correct_text_is_left_alone():
    for s in ["ກະຊວງເຕັກໂນໂລຊີ ແລະ ການສື່ສານ", "Article 12, 2019.", "", "ຂະແໜງ ການ"]:
        assert akson.correct(s) == s
        assert akson.corrections(s) == []


def test_corrections_have_code_point_spans():
    text = "🙂 ຂໍ້ມູນ ຕັກໂນໂລຊີ"
    (c,) = akson.corrections(text)
    assert text[c.start : c.end] == c.original == "ຕັກໂນໂລຊີ"
    assert c.replacement == "ເຕັກໂນໂລຊີ"
    assert 0.9 <= c.confidence <= 1.0
    assert c.candidates[0][0] == c.replacement
    assert abs(sum(p for _, p in c.candidates) - 1) < 1e-9
    assert c.to_dict()["replacement"] == c.replacement
    assert "ເຕັກໂນໂລຊີ" in repr(c)


def test_specks_at_line_edges_are_removed_with_code_point_spans():
    text = "🙂\n. ການສື່ສານ :"
    assert akson.correct(text) == "🙂\nການສື່ສານ"
    spans = [(text[c.start : c.end], c.replacement) for c in akson.corrections(text)]
    assert spans == [(". ", ""), (" :", "")]
    assert akson.correct("- ການສື່ສານ") == "- ການສື່ສານ"  # a bullet stays


def test_threshold_and_errors():
    noisy = "ຕັກໂນໂລຊີ ແລະ ການສືສານ ທີມີ"
    assert len(akson.corrections(noisy, threshold=0.0)) > len(akson.corrections(noisy, threshold=1.0))
    with pytest.raises(ValueError, match="between 0 and 1"):
        akson.correct("ກ", threshold=2)
    with pytest.raises(ValueError, match="change cost"):
        akson.Corrector(change_cost=-1)
    with pytest.raises(TypeError):
        akson.correct(b"bytes")
    with pytest.raises(TypeError):
        akson.correct_batch("one string")
    with pytest.raises(ValueError, match="line 2"):
        akson.ErrorModel.from_tsv("# comment\nsub\t0E9A\n")


def test_suggest():
    s = akson.suggest("ຕັກໂນໂລຊີ")
    assert s[0].word == "ເຕັກໂນໂລຊີ"
    assert abs(sum(x.probability for x in s) - 1) < 1e-9
    assert akson.suggest("hello") == []
    assert len(akson.suggest("ເພືອ", limit=3)) <= 3
    # A negative limit is a ValueError (as the README's table says), a huge one
    # no limit.
    for f in (akson.suggest, akson.Corrector().suggest):
        with pytest.raises(ValueError, match=">= 0"):
            f("ເພືອ", limit=-1)
        assert len(f("ເພືອ", limit=2**70)) == len(f("ເພືອ", limit=1000))


def test_corrector_with_own_dictionary_and_pickling():
    d = akson.Dictionary()
    d.add("ຕັກໂນໂລຊີ")
    c = akson.Corrector(d, threshold=0.95)
    assert c.correct("ຕັກໂນໂລຊີ") == "ຕັກໂນໂລຊີ"
    assert c.threshold == 0.95 and c.change_cost == 2.0
    c2 = pickle.loads(pickle.dumps(c))
    assert c2.correct("ຕັກໂນໂລຊີ") == "ຕັກໂນໂລຊີ" and c2.threshold == 0.95
    m = pickle.loads(pickle.dumps(akson.ErrorModel.embedded()))
    assert akson.Corrector(model=m).correct("ຕັກໂນໂລຊີ") == "ເຕັກໂນໂລຊີ"
    x = akson.corrections("ຕັກໂນໂລຊີ")[0]
    assert pickle.loads(pickle.dumps(x)) == x
    s = akson.suggest("ຕັກໂນໂລຊີ")[0]
    assert pickle.loads(pickle.dumps(s)) == s


def test_batch_and_threads_agree():
    texts = ["ຕັກໂນ ໂລຊີ", "ທົດລອງ", "ຕັກໂນໂລຊີ ແລະ"] * 50
    expected = [akson.correct(t) for t in texts]
    assert akson.correct_batch(iter(texts)) == expected
    assert akson.Corrector().correct_batch(texts) == expected
    out = [None] * 4

    def work(k):
        out[k] = [akson.correct(t) for t in texts]

    ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert all(o == expected for o in out)


def test_agrees_with_the_cli(tmp_path):
    import subprocess
    from conftest import ROOT

    cli = ROOT / "target" / "release" / "akson"
    if not cli.exists():
        pytest.skip("target/release/akson not built")
    lines = ["ຕັກໂນ ໂລຊີ ແລະ ການສື່ສານ", "ສິ່ງໃຫ້ບັນດາຂະແໜງການ ແລະ ທ້ອງຖິນ", "abc"]
    out = subprocess.run([str(cli), "correct"], input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:-1] == [akson.correct(s) for s in lines]


def test_font_model_from_the_repository():
    """The committed Noto Sans Lao model (dictionaries/ocr/models/) loads and corrects."""
    import pathlib

    path = pathlib.Path(__file__).resolve().parents[3] / "dictionaries" / "ocr" / "models" / "noto-sans-lao.tsv"
    m = akson.ErrorModel.from_tsv(path.read_text(encoding="utf-8"))
    c = akson.Corrector(model=m)
    assert c.correct("ສະບາຍດີ") == "ສະບາຍດີ"
    assert c.correct("ໄດ້ຮັບ ແ ແລະ") == "ໄດ້ຮັບ ແລະ"
    assert pickle.loads(pickle.dumps(c)).correct("ໄດ້ຮັບ ແ ແລະ") == "ໄດ້ຮັບ ແລະ"


def test_a_pickled_or_copied_corrector_keeps_the_dictionary_it_was_made_with():
    # The corrector copies its dictionary when it is made; later changes to the
    # caller's object must not reach a pickled or copied corrector either.
    d = akson.Dictionary()
    c = akson.Corrector(d)
    d.remove("ເຕັກໂນໂລຊີ")
    assert c.correct("ຕັກໂນ ໂລຊີ") == "ເຕັກໂນໂລຊີ"
    assert pickle.loads(pickle.dumps(c)).correct("ຕັກໂນ ໂລຊີ") == "ເຕັກໂນໂລຊີ"
    assert copy.copy(c).correct("ຕັກໂນ ໂລຊີ") == "ເຕັກໂນໂລຊີ"
