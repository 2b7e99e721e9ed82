#!/usr/bin/env python3
"""Check the hand-segmented Lao gold files against the corpus (stdlib only)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.environ.get("AKSON_CORPUS", os.path.join(ROOT, "..", "shared", "corpus"))
# Source files: corpus files by name, or (`repo:` prefix) a file of this repository;
# of a .tsv file, the last column of its non-comment lines is the text.
FILES = {
    "words-dev.txt": ["000_97a4cec02d6e69d7.txt", "003_72de4ebff32ccbf4.txt"],
    "words-dev-composed.txt": ["repo:dictionaries/ocr/composed/sentences.tsv"],
    "words-test.txt": ["002_54292fefc54e52dd.txt", "004_e97f80fe6bb3377f.txt",
                       "udhr_lao.txt"],
}


def source_lines(src):
    """The text lines of a source file (see FILES)."""
    if src.startswith("repo:"):
        path = os.path.join(ROOT, src[len("repo:"):])
    else:
        path = os.path.join(CORPUS, src)
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    if path.endswith(".tsv"):
        lines = [l.split("\t")[-1] for l in lines if l.strip() and not l.startswith("#")]
    return lines


def is_lao(ch):
    return "\u0e80" <= ch <= "\u0eff"


def lao_runs(line):
    run = []
    for ch in line:
        if is_lao(ch) or ch == "|":
            run.append(ch)
        elif run:
            yield "".join(run)
            run = []
    if run:
        yield "".join(run)


def check(name, sources):
    errors = 0
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        print(f"{name}: missing")
        return 1
    corpus = []
    for src in sources:
        corpus.extend(source_lines(src))
    lines = words = bounds = 0
    seen = set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f.read().splitlines(), 1):
            if not line.strip():
                continue
            lines += 1
            where = f"{name}:{n}"
            if line in seen:
                print(f"{where}: duplicate line")
                errors += 1
            seen.add(line)
            plain = line.replace("|", "")
            if not any(plain in c for c in corpus):
                print(f"{where}: not a substring of the corpus: {plain[:60]}")
                errors += 1
            if "||" in line:
                print(f"{where}: '||'")
                errors += 1
            for i, ch in enumerate(line):
                if ch != "|":
                    continue
                if i == 0 or i == len(line) - 1:
                    print(f"{where}: leading/trailing '|'")
                    errors += 1
                    continue
                a, b = line[i - 1], line[i + 1]
                if not ((is_lao(a) or a == "|") and (is_lao(b) or b == "|")):
                    print(f"{where}: '|' next to non-Lao at col {i}: {line[max(0,i-8):i+9]!r}")
                    errors += 1
            for run in lao_runs(line):
                toks = [t for t in run.split("|") if t]
                words += len(toks)
                bounds += len(toks) - 1
    print(f"{name}: {lines} lines, {words} Lao words, {bounds} '|' boundaries")
    if lines == 0:
        print(f"{name}: no lines")
        errors += 1
    return errors


def main():
    errors = sum(check(n, s) for n, s in FILES.items())
    if errors:
        print(f"{errors} error(s)")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
