#!/usr/bin/env python3
"""Builds the clean side of the OCR parallel corpus: dictionaries/ocr/clean/<doc>.tsv.

Every output line is one printed line ("chunk"): `chunk_id<TAB>split<TAB>text`.

Steps (deterministic; Python 3 standard library + the akson CLI):
  1. Read the sources: the five files of ../shared/corpus (one paragraph a line),
     composed/sentences.tsv (sentences written for this corpus, one per line) and
     `dictwords`, pseudo-sentences assembled from dictionary words with a seeded RNG.
  2. Typographic clean-up of what is not on paper: NO-BREAK SPACE and other spaces ->
     U+0020, zero-width characters (U+200B-U+200D, U+2060, U+FEFF) removed, runs of
     spaces collapsed. Then `akson normalize` (canonical form: ໍາ -> ຳ, ຫນ -> ໜ, ...).
  3. Split each paragraph into lines the way a printed page wraps: the paragraph is
     cut into words with `akson segment --unit word`, then lines are filled greedily up
     to a target width drawn per line from [MIN_W, MAX_W] characters (code points) by a
     RNG seeded with the paragraph id; a line breaks at the last space before the
     target if there is one at or after MIN_BREAK characters, else at the last word
     boundary. Lines are stripped; no line is empty.
  4. Assign the split by SOURCE TEXT (never the same text in two splits): see SPLITS.
"""
import argparse, os, random, re, subprocess, sys, unicodedata

MIN_W, MAX_W, MIN_BREAK = 35, 75, 25
SEP = "\u241f"  # SYMBOL FOR UNIT SEPARATOR: never in the sources (checked)

# Split policy. Corpus documents go whole to one split; UDHR by article; composed
# and dictwords sentences by their index (each sentence is its own source text).
DOC_SPLIT = {
    "000": "train",  # Decree 323 (2018), E-Government Center
    "003": "train",  # press release MTC/UNDP (2021)
    "002": "test",   # Luang Namtha statistics strategy 2016-2020 (mostly gold-held-out text)
    "004": "dev",    # news article (2019), government hotline
}
UDHR_TEST = range(21, 31)   # articles 21-30
UDHR_DEV = range(16, 21)    # articles 16-20; preamble + 1-15 train


def index_split(i):
    r = i % 10
    return "test" if r in (0, 5) else "dev" if r == 3 else "train"


def clean_typography(s):
    s = "".join(" " if (unicodedata.category(c) == "Zs" or c == "\t") else c for c in s)
    s = re.sub("[\u200b\u200c\u200d\u2060\ufeff]", "", s)
    return " ".join(s.split())


def run_akson(akson, args, lines):
    data = "".join(l + "\n" for l in lines).encode("utf-8")
    out = subprocess.run([akson, *args], input=data, stdout=subprocess.PIPE, check=True).stdout
    res = out.decode("utf-8").split("\n")
    assert res[-1] == "" and len(res) == len(lines) + 1, (args, len(res), len(lines))
    return res[:-1]


def wrap(words, rng):
    """words: tokens of one paragraph (spaces are their own tokens). Returns lines."""
    lines, cur, target = [], [], rng.randint(MIN_W, MAX_W)
    i = 0
    while i < len(words):
        cur.append(words[i])
        i += 1
        if len("".join(cur)) > target and len(cur) > 1:
            # break: last space at/after MIN_BREAK chars, else last word boundary
            brk = None
            pos = 0
            for k, w in enumerate(cur[:-1]):
                pos += len(w)
                if w.isspace() and pos - 1 >= MIN_BREAK:
                    brk = k  # line = cur[:k], space dropped
            if brk is None:
                brk_keep, rest = cur[:-1], cur[-1:]
            else:
                brk_keep, rest = cur[:brk], cur[brk + 1:]
            line = "".join(brk_keep).strip()
            if line:
                lines.append(line)
            cur = rest
            target = rng.randint(MIN_W, MAX_W)
    line = "".join(cur).strip()
    if line:
        lines.append(line)
    return lines


def paragraphs(a):
    """The source paragraphs after typographic clean-up, before normalisation:
    (doc, paragraph_id, split, text), in output order. `a` needs `corpus`, `here`,
    `akson`, `dictwords` and `seed` (the command-line options)."""
    paras = []
    for doc in ("000", "002", "003", "004"):
        fn = [f for f in os.listdir(a.corpus) if f.startswith(doc + "_") and f.endswith(".txt")]
        assert len(fn) == 1, fn
        for n, line in enumerate(open(os.path.join(a.corpus, fn[0]), encoding="utf-8"), 1):
            t = clean_typography(line)
            if t:
                paras.append((doc, f"{doc}/L{n:03d}", DOC_SPLIT[doc], t))
    article = 0
    for n, line in enumerate(open(os.path.join(a.corpus, "udhr_lao.txt"), encoding="utf-8"), 1):
        t = clean_typography(line)
        m = re.match(r"ມາດຕາ\s*(\d+)", t)
        if m:
            article = int(m.group(1))
        if not t:
            continue
        split = "test" if article in UDHR_TEST else "dev" if article in UDHR_DEV else "train"
        paras.append(("udhr", f"udhr/a{article:02d}/L{n:03d}", split, t))
    i = 0
    for line in open(os.path.join(a.here, "composed", "sentences.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        genre, text = line.rstrip("\n").split("\t")
        paras.append(("composed", f"composed/{genre}/s{i:03d}", index_split(i), clean_typography(text)))
        i += 1

    # dictwords: words of the project's own list and of icu-laodict (the main
    # word-break list), normalised; lines of random words, sometimes space-separated.
    words = []
    for src in ("akson-supplement", "icu-laodict") if a.dictwords else ():
        p = os.path.join(a.here, "..", "sources", src, "words.txt")
        words += [w.strip() for w in open(p, encoding="utf-8") if w.strip()]
    words = sorted(set(run_akson(a.akson, ["normalize"], sorted(set(words))))) if words else []
    rng = random.Random(a.seed)
    for i in range(a.dictwords):
        target = rng.randint(MIN_W, MAX_W - 10)
        s = ""
        while len(s) < target:
            w = rng.choice(words)
            s = (s + (" " if s and rng.random() < 0.3 else "") + w)
        paras.append(("dictwords", f"dictwords/s{i:03d}", index_split(i), s))

    return paras


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--akson", default="target/release/akson")
    ap.add_argument("--corpus", default="../shared/corpus")
    ap.add_argument("--here", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--dictwords", type=int, default=160, help="number of dictionary-word lines")
    ap.add_argument("--seed", type=int, default=6)
    a = ap.parse_args()
    out_dir = os.path.join(a.here, "clean")
    os.makedirs(out_dir, exist_ok=True)
    paras = paragraphs(a)
    assert not any(SEP in p[3] for p in paras)
    norm = run_akson(a.akson, ["normalize"], [p[3] for p in paras])
    seg = run_akson(a.akson, ["segment", "--unit", "word", "--sep", SEP], norm)
    by_doc = {}
    for (doc, pid, split, _), n, s in zip(paras, norm, seg):
        toks = [t for t in s.split(SEP) if t]
        assert "".join(toks) == n, (pid, n, s)
        lines = wrap(toks, random.Random(pid))
        assert " ".join(lines).replace(" ", "") == n.replace(" ", ""), pid
        for k, l in enumerate(lines, 1):
            by_doc.setdefault(doc, []).append(f"{pid}/c{k:02d}\t{split}\t{l}\n")
    for doc, rows in by_doc.items():
        with open(os.path.join(out_dir, doc + ".tsv"), "w", encoding="utf-8") as f:
            f.writelines(rows)
        counts = {}
        for r in rows:
            counts[r.split("\t")[1]] = counts.get(r.split("\t")[1], 0) + 1
        print(f"{doc}: {len(rows)} lines {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
