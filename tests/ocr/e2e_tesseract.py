#!/usr/bin/env python3
"""End-to-end check with the real OCR engine: render a Lao paragraph, degrade it like
an office scan, read it back with Tesseract's Lao model, correct it with
`akson correct`, and assert that the character error rate drops and that the clean
paragraph itself comes through unchanged.

    python3 tests/ocr/e2e_tesseract.py [--akson target/release/akson]

Needs Tesseract (tesseract-ocr, tesseract-ocr-lao), pango-view, ImageMagick and the
Lao fonts: `.ci/run` installs them. The paragraph is held-out text (the test split of
dictionaries/ocr: the Luang Namtha strategy document, never used to train or tune).
"""
import argparse, os, shutil, subprocess, sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
TOOL = os.path.join(ROOT, "..", "shared", "tools", "ocr-noise", "ocr_noise.py")
sys.path.insert(0, os.path.join(ROOT, "dictionaries", "ocr"))
from evaluate import lev  # noqa: E402  (the evaluation's own metric)


def run(cmd, text):
    return subprocess.run(cmd, input=text, capture_output=True, text=True, check=True).stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--akson", default=os.path.join(ROOT, "target", "release", "akson"))
    ap.add_argument("--lines", type=int, default=14)
    args = ap.parse_args()
    missing = [t for t in ("tesseract", "pango-view", "convert") if not shutil.which(t)]
    if missing or not os.path.exists(TOOL):
        sys.exit(f"OCR end-to-end test: missing {', '.join(missing) or TOOL}; run .ci/run "
                 "(it installs tesseract-ocr tesseract-ocr-lao fonts-lao pango1.0-tools imagemagick)")
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    if "lao" not in langs:
        sys.exit("OCR end-to-end test: Tesseract has no Lao model; apt-get install tesseract-ocr-lao")

    lines = []
    with open(os.path.join(ROOT, "dictionaries", "ocr", "clean", "002.tsv"), encoding="utf-8") as f:
        for row in f:
            _, split, text = row.rstrip("\n").split("\t")
            if split == "test" and len(text) > 25:
                lines.append(text)
    clean = "\n".join(lines[: args.lines]) + "\n"
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    noisy = subprocess.run(
        [sys.executable, TOOL, "noisy", "--setting", "scan150jpg", "--font", "Phetsarath OT",
         "--model", "lao", "--seed", "7"],
        input=clean, capture_output=True, text=True, check=True, env=env).stdout
    fixed = run([args.akson, "correct"], noisy)
    again = run([args.akson, "correct"], clean)

    norm = lambda s: " ".join(run([args.akson, "normalize"], s).split())
    ref, before, after = norm(clean), norm(noisy), norm(fixed)
    cer_before = lev(before, ref) / len(ref)
    cer_after = lev(after, ref) / len(ref)
    print(f"OCR end-to-end: {len(ref)} characters, CER {100 * cer_before:.2f} % from Tesseract, "
          f"{100 * cer_after:.2f} % after akson correct")
    assert noisy.strip(), "Tesseract returned nothing"
    assert cer_before > 0, "Tesseract made no error: the test would prove nothing"
    assert cer_after < cer_before, "correction did not lower the CER"
    changed = sum(a != b for a, b in zip(clean.split("\n"), again.split("\n")))
    assert changed <= 1, f"correct changed {changed} lines of the clean paragraph"


if __name__ == "__main__":
    main()
