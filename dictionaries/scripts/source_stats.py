#!/usr/bin/env python3
"""Statistics over dictionaries/sources/*/words.txt (Python 3 stdlib only).

    source_stats.py [--sources DIR] [--update-readme README.md]

Prints Markdown tables; with --update-readme, replaces the text between
'<!-- stats:begin -->' and '<!-- stats:end -->' in that file instead.
All counts are counts of entries (lines), not of occurrences.
"""
import argparse
import os
import sys

LAO_LO, LAO_HI = 0x0E81, 0x0EDF          # "Lao letter" range used below
LAO_BLOCK_LO, LAO_BLOCK_HI = 0x0E80, 0x0EFF
ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}

# Order of rows/columns; sources not listed here are appended alphabetically.
ORDER = ["google-lo-spellcheck", "egov-lao-eng", "wilson-campbell-2013", "icu-laodict",
         "hunspell-lo", "cldr-lo", "laonlp-wannaphong", "tesseract-lao"]


def has_lao(w):
    return any(LAO_LO <= ord(c) <= LAO_HI for c in w)


def has_space(w):
    return any(c.isspace() for c in w)


def has_zw(w):
    return any(c in ZERO_WIDTH for c in w)


def has_other(w):
    return any(not (LAO_BLOCK_LO <= ord(c) <= LAO_BLOCK_HI)
               and not c.isspace() and c not in ZERO_WIDTH for c in w)


FOLD = [("\u0ecd\u0eb2", "\u0eb3"), ("\u0eab\u0e99", "\u0edc"),
        ("\u0eab\u0ea1", "\u0edd"), ("\u0eab\u0ea5", "\u0eab\u0ebc")]


def fold(w):
    for a, b in FOLD:
        w = w.replace(a, b)
    return w


def load(sources):
    out = {}
    for sid in sorted(os.listdir(sources)):
        p = os.path.join(sources, sid, "words.txt")
        if os.path.isfile(p):
            with open(p, "rb") as f:
                out[sid] = f.read().decode("utf-8").split("\n")[:-1]
    ids = [s for s in ORDER if s in out] + [s for s in sorted(out) if s not in ORDER]
    return ids, out


def tables(ids, data):
    L = []
    L.append("### Entry counts and junk\n")
    L.append("| id | entries | distinct | with a Lao letter | with whitespace "
             "| with zero-width char | with other non-Lao char | any of the previous three |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    for s in ids:
        ws = data[s]
        sp = sum(map(has_space, ws))
        zw = sum(map(has_zw, ws))
        ot = sum(map(has_other, ws))
        anyj = sum(1 for w in ws if has_space(w) or has_zw(w) or has_other(w))
        L.append(f"| {s} | {len(ws)} | {len(set(ws))} | {sum(map(has_lao, ws))} "
                 f"| {sp} | {zw} | {ot} | {anyj} |")
    L.append("")
    L.append("\"Other non-Lao char\": any character outside U+0E80–U+0EFF that is "
             "not whitespace or zero-width (Latin letters, ASCII digits, "
             "punctuation such as `.` `(` `-` `?` `'`).")
    L.append("")
    L.append("### Spelling variants (entries containing the sequence)\n")
    L.append("| id | ໍາ (U+0ECD U+0EB2) | ຳ (U+0EB3) | ຫນ | ໜ (U+0EDC) | ຫມ | ໝ (U+0EDD) "
             "| ຫລ | ຫຼ (U+0EAB U+0EBC) |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    seqs = ["\u0ecd\u0eb2", "\u0eb3", "\u0eab\u0e99", "\u0edc", "\u0eab\u0ea1",
            "\u0edd", "\u0eab\u0ea5", "\u0eab\u0ebc"]
    for s in ids:
        ws = data[s]
        cells = [str(sum(1 for w in ws if q in w)) for q in seqs]
        L.append(f"| {s} | " + " | ".join(cells) + " |")
    L.append("")
    L.append("### Overlap (distinct entries, exact string match)\n")
    sets = {s: set(data[s]) for s in ids}
    L.append("| | " + " | ".join(ids) + " |")
    L.append("|---|" + "---:|" * len(ids))
    for a in ids:
        L.append(f"| {a} | " + " | ".join(str(len(sets[a] & sets[b])) for b in ids) + " |")
    L.append("")
    L.append("| id | distinct | in no other source | in no other source (tesseract-lao ignored) |")
    L.append("|---|---:|---:|---:|")
    for a in ids:
        others = set().union(*(sets[b] for b in ids if b != a))
        others_nt = set().union(*(sets[b] for b in ids if b not in (a, "tesseract-lao")))
        L.append(f"| {a} | {len(sets[a])} | {len(sets[a] - others)} | {len(sets[a] - others_nt)} |")
    L.append("")
    L.append("### Overlap after light folding (for information only)\n")
    L.append("Same as above after replacing ໍາ→ຳ, ຫນ→ໜ, ຫມ→ໝ and ຫລ→ຫຼ in every "
             "entry (a rough stand-in for the build tool's normalisation; the "
             "words.txt files themselves are never folded).\n")
    fsets = {s: {fold(w) for w in sets[s]} for s in ids}
    L.append("| | " + " | ".join(ids) + " |")
    L.append("|---|" + "---:|" * len(ids))
    for a in ids:
        L.append(f"| {a} | " + " | ".join(str(len(fsets[a] & fsets[b])) for b in ids) + " |")
    union_all = set().union(*sets.values())
    union_nt = set().union(*(sets[b] for b in ids if b != "tesseract-lao"))
    L.append("")
    fu_all = {fold(w) for w in union_all}
    fu_nt = {fold(w) for w in union_nt}
    L.append(f"Union of all sources: {len(union_all)} distinct entries "
             f"({len(fu_all)} after folding); without tesseract-lao: "
             f"{len(union_nt)} ({len(fu_nt)} after folding).")
    return "\n".join(L) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--sources", default=os.path.join(here, "..", "sources"))
    ap.add_argument("--update-readme")
    a = ap.parse_args()
    ids, data = load(a.sources)
    text = tables(ids, data)
    if not a.update_readme:
        sys.stdout.write(text)
        return
    with open(a.update_readme, encoding="utf-8") as f:
        readme = f.read()
    b, e = "<!-- stats:begin -->\n", "<!-- stats:end -->"
    i, j = readme.index(b) + len(b), readme.index(e)
    with open(a.update_readme, "w", encoding="utf-8") as f:
        f.write(readme[:i] + text + readme[j:])


if __name__ == "__main__":
    main()
