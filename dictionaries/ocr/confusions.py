#!/usr/bin/env python3
"""Character confusions of Tesseract on Lao: Levenshtein-align clean and noisy lines
of the pair files and count substitutions, insertions and deletions.

    python3 dictionaries/ocr/confusions.py                      # all splits, per setting and font
    python3 dictionaries/ocr/confusions.py --split train --group file --top 40
    python3 dictionaries/ocr/confusions.py --raw                # no akson normalisation
    python3 dictionaries/ocr/confusions.py --font phetsarath-ot --update-readme dictionaries/ocr/README.md

Both sides are whitespace-collapsed and (unless --raw) put in canonical form with
`akson normalize`, so ໍາ/ຳ is not counted. Alignment is on code points: a minimum-cost
path where insertions and deletions cost 1, a substitution 1 within a character class
(consonant, tone mark, other combining mark, other Lao, space, other) and 1.5 across
classes; ties are broken as substitution > deletion > insertion (scanning from the end).
The edit count is that of this alignment (it can exceed the Levenshtein distance). Counts are of edit operations: `x -> y` substitution, `x -> ∅`
deletion (in the clean text, missing from the OCR), `∅ -> y` insertion.
"""
import argparse, collections, glob, os, subprocess, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
from evaluate import file_order, replace_block  # noqa: E402


def cls(c):
    o = ord(c)
    if 0x0EC8 <= o <= 0x0ECB:
        return "tone"
    if unicodedata.category(c) == "Mn":
        return "mark"
    if 0x0E81 <= o <= 0x0EAE or 0x0EDC <= o <= 0x0EDF:
        return "consonant"
    if 0x0E80 <= o <= 0x0EFF:
        return "lao-other"
    return "space" if c.isspace() else "other"


def sub_cost(x, y):
    """0 for a match, 1 within a character class, 1.5 across classes (still cheaper than
    a deletion plus an insertion), so a tie such as ທີ່ -> ທິ aligns ີ->ິ and ່->∅
    rather than ີ->∅ and ່->ິ."""
    return 0 if x == y else 1 if cls(x) == cls(y) else 1.5


def align(a, b):
    """Edit operations (x, y) of one minimum-cost alignment ('' for a gap); costs: 1 per
    insertion or deletion, sub_cost for a substitution."""
    return [(x, y) for x, y in align_full(a, b) if x != y]


def align_full(a, b):
    """The whole of that alignment, in order: (x, y) for each step, matches (x == y)
    included, so that neighbouring operations can be told apart."""
    n, m = len(a), len(b)
    D = [[float(j) for j in range(m + 1)]]
    for i in range(1, n + 1):
        row, prev, ai = [float(i)], D[i - 1], a[i - 1]
        for j in range(1, m + 1):
            row.append(min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + sub_cost(ai, b[j - 1])))
        D.append(row)
    ops, i, j = [], n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and D[i][j] == D[i - 1][j - 1] + sub_cost(a[i - 1], b[j - 1]):
            ops.append((a[i - 1], b[j - 1]))
            i, j = i - 1, j - 1
        elif i > 0 and D[i][j] == D[i - 1][j] + 1:
            ops.append((a[i - 1], ""))
            i -= 1
        else:
            ops.append(("", b[j - 1]))
            j -= 1
    return ops[::-1]


def show(c):
    if c == "":
        return "∅"
    if c == " ":
        return "␠"
    return "◌" + c if unicodedata.category(c) == "Mn" else c


def code(c):
    return f"U+{ord(c):04X}" if c else "-"


def normalize(akson, lines):
    data = "".join(l + "\n" for l in lines).encode("utf-8")
    out = subprocess.run([akson, "normalize"], input=data, stdout=subprocess.PIPE, check=True).stdout
    res = out.decode("utf-8").split("\n")[:-1]
    assert len(res) == len(lines)
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="all", help="train, dev, test or all")
    ap.add_argument("--group", default="setting-font", choices=["setting-font", "setting", "file", "all"])
    ap.add_argument("--font", help="only files of this font slug (e.g. phetsarath-ot)")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--raw", action="store_true", help="do not normalise with akson")
    ap.add_argument("--akson", default=os.path.join(ROOT, "target", "release", "akson"))
    ap.add_argument("--update-readme", help="rewrite the block between <!-- conf:begin --> and <!-- conf:end -->")
    a = ap.parse_args()

    splits = ["train", "dev", "test"] if a.split == "all" else [a.split]
    files = sorted((p for s in splits for p in glob.glob(os.path.join(HERE, "pairs", s, "*.tsv"))),
                   key=lambda p: (file_order(p), p))
    if a.font:
        files = [p for p in files if p.endswith(f"__{a.font}.tsv")]
    groups = collections.OrderedDict()
    for p in files:
        tag = os.path.basename(p)[:-4]
        key = {"setting-font": tag.replace("__", " / "), "setting": tag.split("__")[0],
               "file": f"{os.path.basename(os.path.dirname(p))}/{tag}", "all": "all"}[a.group]
        groups.setdefault(key, []).append(p)

    out = []
    for key in groups:
        clean, noisy = [], []
        for p in groups[key]:
            for line in open(p, encoding="utf-8"):
                f = line.rstrip("\n").split("\t")
                clean.append(" ".join(f[-2].split()))
                noisy.append(" ".join(f[-1].split()))
        if not a.raw:
            clean, noisy = normalize(a.akson, clean), normalize(a.akson, noisy)
        ops = collections.Counter()
        nchars = sum(len(c) for c in clean)
        for c, n in zip(clean, noisy):
            ops.update(align(c, n))
        total = sum(ops.values())
        kinds = collections.Counter("sub" if x and y else "del" if x else "ins" for (x, y), k in ops.items() for _ in range(k))
        out.append(f"### {key}\n")
        out.append(f"Files: {', '.join(os.path.relpath(p, os.path.join(HERE, 'pairs')) for p in groups[key])}; {len(clean)} lines, "
                   f"{nchars} reference code points, {total} aligned edits ({100 * total / max(1, nchars):.2f} % of the reference): "
                   f"{kinds['sub']} substitutions, {kinds['del']} deletions, {kinds['ins']} insertions.\n")
        out.append("| # | clean → OCR | code points | count | % of edits |")
        out.append("|---:|---|---|---:|---:|")
        for r, ((x, y), k) in enumerate(ops.most_common(a.top), 1):
            out.append(f"| {r} | {show(x)} → {show(y)} | {code(x)} → {code(y)} | {k} | {100 * k / total:.1f} |")
        out.append("")
    text = "\n".join(out)
    print(text)
    if a.update_readme:
        replace_block(a.update_readme, "conf", text + "\n")


if __name__ == "__main__":
    main()
