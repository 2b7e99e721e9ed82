#!/usr/bin/env python3
"""Builds the page-level OCR data: whole pages rendered and read by Tesseract at once.

The line pairs in pairs/ OCR one printed line at a time. A digitising team OCRs whole
pages: Tesseract then finds the lines itself, and its errors differ (fewer specks at
line edges, more context for its own language model). This script makes pages of the
source texts of each split and reads each one with `ocr_noise.py noisy` (one render,
degradation and `tesseract -l lao` per page), so the corrector can be measured on
what a page scan gives.

    python3 dictionaries/ocr/make_pages.py                      # every job below
    python3 dictionaries/ocr/make_pages.py --clean-only         # pages/<split>/clean.tsv only
    python3 dictionaries/ocr/make_pages.py --jobs "test:scan150jpg:Phetsarath OT"
    python3 dictionaries/ocr/make_pages.py --check              # run by ./test, no Tesseract

Pages. The natural paragraphs of each split (corpus documents, UDHR articles and
composed sentences, as `make_clean.py` reads them; not the random dictionary-word
lines), in order, after the same typographic clean-up and `akson normalize`; the
paragraphs of one document (one genre of composed sentences) are put on a page until
it holds PAGE_CHARS code points (a longer paragraph is a page of its own), one
paragraph a line. Pango wraps the lines at the tool's 450 pt width.

Files (one page a row; a line break inside a text is written as the two characters
backslash and n, and no text has a backslash or a tab):
    pages/<split>/clean.tsv                    page_id<TAB>clean page
    pages/<split>/<setting>__<font-slug>.tsv   page_id<TAB>clean page<TAB>Tesseract output

Page i of a split gets the ImageMagick seed SEED + i (600000 train, 400000 dev,
500000 test). A job
whose file exists with every page is skipped (delete it to redo it).
"""
import argparse, glob, os, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import make_clean  # noqa: E402

PAGE_CHARS = 1200
SEEDS = {"train": 600000, "dev": 400000, "test": 500000}
DEFAULT_JOBS = [
    "test:scan150jpg:Phetsarath OT",
    "test:scan200bin:Phetsarath OT",
    "dev:scan150jpg:Phetsarath OT",
    "dev:scan200bin:Phetsarath OT",
    "test:scan100jpg:Phetsarath OT",
    "test:faded200bin:Phetsarath OT",
    "test:scan150jpg:Noto Sans Lao",
    "train:scan150jpg:Phetsarath OT",
    "train:scan200bin:Phetsarath OT",
    "train:scan100jpg:Phetsarath OT",
    "train:faded200bin:Phetsarath OT",
    "dev:scan100jpg:Phetsarath OT",
    "dev:faded200bin:Phetsarath OT",
]


def escape(text):
    assert "\\" not in text and "\t" not in text, text
    return text.replace("\n", "\\n")


def unescape(text):
    return text.replace("\\n", "\n")


def slug(font):
    return font.lower().replace(" ", "-")


def make_pages(args):
    """{split: [(page_id, text)]}"""
    a = argparse.Namespace(corpus=args.corpus, here=HERE, akson=args.akson, dictwords=0, seed=6)
    paras = [p for p in make_clean.paragraphs(a) if p[0] != "dictwords" and p[2] in SEEDS]
    norm = make_clean.run_akson(args.akson, ["normalize"], [p[3] for p in paras])
    pages = {s: [] for s in SEEDS}
    for split in SEEDS:
        cur, key = [], None
        for (doc, pid, sp, _), text in zip(paras, norm):
            if sp != split:
                continue
            group = (doc, pid.split("/")[1] if doc == "composed" else "")
            if cur and (group != key or sum(len(t) + 1 for _, t in cur) + len(text) > PAGE_CHARS):
                pages[split].append((f"{cur[0][0]}+{len(cur) - 1}", "\n".join(t for _, t in cur)))
                cur = []
            key = group
            cur.append((pid, text))
        if cur:
            pages[split].append((f"{cur[0][0]}+{len(cur) - 1}", "\n".join(t for _, t in cur)))
    return pages


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--akson", default=os.path.join(ROOT, "target", "release", "akson"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--ocr-noise", default=os.path.join(ROOT, "..", "shared", "tools", "ocr-noise", "ocr_noise.py"))
    ap.add_argument("--jobs", nargs="*", default=DEFAULT_JOBS, help="split:setting:font")
    ap.add_argument("--clean-only", action="store_true")
    ap.add_argument("--check", action="store_true",
                    help="fail unless pages/<split>/clean.tsv and the clean column of every page file "
                         "are what the sources give now (no Tesseract needed)")
    args = ap.parse_args()

    pages = make_pages(args)
    if args.check:
        bad = []
        for split, rows in pages.items():
            want = [f"{pid}\t{escape(t)}" for pid, t in rows]
            d = os.path.join(HERE, "pages", split)
            with open(os.path.join(d, "clean.tsv"), encoding="utf-8") as f:
                if [l.rstrip("\n") for l in f] != want:
                    bad.append(os.path.join(d, "clean.tsv"))
            for path in sorted(glob.glob(os.path.join(d, "*__*.tsv"))):
                with open(path, encoding="utf-8") as f:
                    got = ["\t".join(l.rstrip("\n").split("\t")[:2]) for l in f]
                if got != want:
                    bad.append(path)
        if bad:
            sys.exit("out of date (run python3 dictionaries/ocr/make_pages.py, deleting these first): "
                     + ", ".join(os.path.relpath(p, ROOT) for p in bad))
        print(f"pages are up to date ({sum(len(r) for r in pages.values())} pages)")
        return
    for split, rows in pages.items():
        d = os.path.join(HERE, "pages", split)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "clean.tsv"), "w", encoding="utf-8") as f:
            f.writelines(f"{pid}\t{escape(t)}\n" for pid, t in rows)
        print(f"{split}: {len(rows)} pages, {sum(len(t) for _, t in rows)} code points", file=sys.stderr)
    if args.clean_only:
        return
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    for job in args.jobs:
        split, setting, font = job.split(":")
        out = os.path.join(HERE, "pages", split, f"{setting}__{slug(font)}.tsv")
        rows = pages[split]
        if os.path.exists(out) and sum(1 for _ in open(out, encoding="utf-8")) == len(rows):
            print(f"{job}: done already ({out})", file=sys.stderr)
            continue
        t0 = time.time()
        with open(out + ".part", "w", encoding="utf-8") as f:
            for i, (pid, text) in enumerate(rows):
                r = subprocess.run(
                    ["nice", "-n", "5", sys.executable, args.ocr_noise, "noisy", "--setting", setting,
                     "--font", font, "--model", "lao", "--seed", str(SEEDS[split] + i), "--threads", "1"],
                    input=text.encode("utf-8"), stdout=subprocess.PIPE, check=True, env=env)
                noisy = r.stdout.decode("utf-8").strip("\n")
                f.write(f"{pid}\t{escape(text)}\t{escape(noisy.replace(chr(9), ' '))}\n")
                f.flush()
        os.replace(out + ".part", out)
        print(f"{job}: {len(rows)} pages in {time.time() - t0:.0f} s -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
