#!/usr/bin/env python3
"""Unit checks of the metric code of evaluate.py and confusions.py, and of the counting
rules of train_model.py (no Tesseract, no akson):
    python3 dictionaries/ocr/test_metrics.py"""
import os, sys, unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evaluate import lev, LAO_RUN  # noqa: E402
from confusions import align, align_full  # noqa: E402
from train_model import ROMAN_ORDINAL, junk_run, roman, roman_after_ordinal, roman_token, split_steps  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


class Metrics(unittest.TestCase):
    def test_lev_strings(self):
        self.assertEqual(lev("", ""), 0)
        self.assertEqual(lev("ກາ", ""), 2)
        self.assertEqual(lev("", "ກາ"), 2)
        self.assertEqual(lev("kitten", "sitting"), 3)
        self.assertEqual(lev("ທີ່", "ທີ"), 1)          # dropped tone mark
        self.assertEqual(lev("ໜ້າ", "ຫນ້າ"), 2)       # not normalised: 1 sub + 1 ins
        self.assertEqual(lev("ບ່ອນ", "ປ່ອນ"), 1)
        self.assertEqual(lev("ab", "ba"), 2)           # no transpositions

    def test_lev_symmetric_and_lists(self):
        for a, b in [("ກະຊວງ", "ກະຊວງການ"), ("ສູນ ບໍລິຫານ", "ສູນບໍລິຫານ")]:
            self.assertEqual(lev(a, b), lev(b, a))
        self.assertEqual(lev(["ການ", "ຈັດຕັ້ງ"], ["ການ", "ຈັດ", "ຕັ້ງ"]), 2)

    def test_align_matches_lev(self):
        for a, b in [("ດ້ວຍເຫດວ່າ", "ດວຍເຫດວາ"), ("ໜ້າທີ່", "ຫນາທິ"), ("", "ກ"), ("ກ", "")]:
            self.assertEqual(len(align(a, b)), lev(a, b))
        self.assertEqual(align("ທີ່", "ທິ"), [("ີ", "ິ"), ("່", "")])

    def test_splits(self):
        # ໜ read as ຫຼ: a substitution next to an insertion, either way round.
        al = align_full("ໜ້າທີ່", "ຫຼ້າທີ")
        self.assertEqual([s for _, s in split_steps(al, None)], [("ໜ", "ຫຼ")])
        self.assertEqual(list(split_steps(al, set())), [])
        # A misread character next to an inserted space is no split, nor is a
        # character read right next to an insertion; a mark read as two marks is one.
        self.assertEqual(list(split_steps(align_full("ກາ", "ຂ າ"), None)), [])
        self.assertEqual(list(split_steps(align_full("ກາ", "ຂກາ"), None)), [])
        self.assertEqual([s for _, s in split_steps(align_full("ດີ", "ດິ່"), None)], [("ີ", "ິ່")])

    def test_junk_runs_match_the_corrector(self):
        # tests/ocr/junk-runs.tsv is also checked against src/correct.rs.
        with open(os.path.join(ROOT, "tests", "ocr", "junk-runs.tsv"), encoding="utf-8") as f:
            cases = [l.rstrip("\n").split("\t", 1) for l in f if not l.startswith("#")]
        self.assertGreater(len(cases), 10)
        for n, line in cases:
            self.assertEqual(junk_run(" ".join(line.split())), int(n), line)

    def test_roman_tokens_match_the_corrector(self):
        # tests/ocr/roman-tokens.tsv is also checked against src/correct.rs.
        with open(os.path.join(ROOT, "tests", "ocr", "roman-tokens.tsv"), encoding="utf-8") as f:
            cases = [l.rstrip("\n").split("\t", 1) for l in f if not l.startswith("#")]
        self.assertGreater(len(cases), 10)
        for want, line in cases:
            toks = line.split()
            found = [toks[i] for i in roman_after_ordinal(toks, ROMAN_ORDINAL.search) if roman_token(toks[i])]
            self.assertEqual(" ".join(found) or "-", want, line)
        # The numerals the readings are learnt for.
        self.assertEqual([roman(n) for n in (1, 4, 9, 14, 39)], ["I", "IV", "IX", "XIV", "XXXIX"])

    def test_lao_run(self):
        self.assertEqual(LAO_RUN.findall("ມາດຕາ 21: ທຸກໆຄົນ, ໑໒"), ["ມາດຕາ", "ທຸກ", "ຄົນ"])


if __name__ == "__main__":
    unittest.main(verbosity=1)
