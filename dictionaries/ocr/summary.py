#!/usr/bin/env python3
"""Counts of the clean text and of the pair files, with the OCR error rate of each file.

    python3 dictionaries/ocr/summary.py [--update-readme dictionaries/ocr/README.md]

CER / CER-nsp / WER are computed exactly as in evaluate.py (canonical form on both
sides, micro average; see its docstring), for the OCR output as it is.
"""
import argparse, collections, glob, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from evaluate import ROOT, Akson, file_order, lev, read_pairs, replace_block  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--akson", default=os.path.join(ROOT, "target", "release", "akson"))
    ap.add_argument("--update-readme")
    a = ap.parse_args()
    akson = Akson(a.akson)

    out = ["Clean text (`clean/<doc>.tsv`): lines / code points per split.", "",
           "| doc | train | dev | test |", "|---|---:|---:|---:|"]
    tot = collections.Counter()
    for p in sorted(glob.glob(os.path.join(HERE, "clean", "*.tsv"))):
        c = collections.Counter()
        for line in open(p, encoding="utf-8"):
            _, split, text = line.rstrip("\n").split("\t")
            c[split, "n"] += 1
            c[split, "ch"] += len(text)
        tot.update(c)
        cell = lambda s, c=c: f"{c[s, 'n']} / {c[s, 'ch']}" if c[s, "n"] else "–"
        out.append(f"| {os.path.basename(p)[:-4]} | {cell('train')} | {cell('dev')} | {cell('test')} |")
    out.append("| **all** | " + " | ".join(f"{tot[s, 'n']} / {tot[s, 'ch']}" for s in ("train", "dev", "test")) + " |")

    out += ["", "Pair files (`pairs/<split>/<setting>__<font>.tsv`) and the error rate of the raw OCR "
            "output (%; canonical form, spaces counted in CER, not in CER-nsp):", "",
            "| split | setting | font | lines | CER | CER-nsp | WER | lines with an error |",
            "|---|---|---|---:|---:|---:|---:|---:|"]
    for split in ("test", "dev", "train"):
        for p in sorted(glob.glob(os.path.join(HERE, "pairs", split, "*.tsv")), key=file_order):
            setting, font = os.path.basename(p)[:-4].split("__")
            _, clean, noisy = read_pairs(p)
            r, h = akson.normalize(clean), akson.normalize(noisy)
            rw, hw = akson.words(r), akson.words(h)
            n = sum(map(len, r))
            cer = sum(lev(x, y) for x, y in zip(r, h)) / n
            rn = [x.replace(" ", "") for x in r]
            cer_ns = sum(lev(x, y.replace(" ", "")) for x, y in zip(rn, h)) / sum(map(len, rn))
            wer = sum(lev(x, y) for x, y in zip(rw, hw)) / sum(map(len, rw))
            bad = sum(x != y for x, y in zip(r, h)) / len(r)
            out.append(f"| {split} | {setting} | {font} | {len(r)} | {100 * cer:.2f} | {100 * cer_ns:.2f} | "
                       f"{100 * wer:.2f} | {100 * bad:.1f} % |")
    text = "\n".join(out) + "\n"
    print(text)
    if a.update_readme:
        replace_block(a.update_readme, "summary", text)


if __name__ == "__main__":
    main()
