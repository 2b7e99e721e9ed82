#!/usr/bin/env python3
"""Benchmark of the Python binding: akson vs LaoNLP and nlpo3, in one process.

Usage (from anywhere; paths are relative to the repository root):

    pip install ./bindings/python laonlp nlpo3
    python bindings/python/bench.py                  # Markdown table
    python bindings/python/bench.py --rounds 5 --json

Speed: every system segments the same list of lines -- the shared corpus
(../shared/corpus/*.txt, beside the checkout) repeated --repeat times -- line by
line, in passes over the list, until --min-time seconds have passed (at least one
pass of the corpus), keeping each pass's results; --rounds rounds interleave the
systems and each system's best round counts. MB/s = UTF-8 bytes of the lines processed / wall time; import
and dictionary loading are not timed. "akson speedup" (rows of other systems) =
MB/s of akson with the same unit and the same call pattern (one call per line) /
the system's MB/s.

Accuracy: boundary and word F1 on the held-out hand-segmented gold set
tests/gold/words-test.txt, with the metric of benches/eval_words.py (imported
from there: boundaries between two Lao characters, micro-averaged).

Systems:
  akson words            akson.words(line) for each line
  akson words_batch      akson.words_batch(lines) (one call, GIL released)
  akson words_batch, N threads   the same on N slices in N threads (N = cores)
  LaoNLP word_tokenize   laonlp.word_tokenize (PyThaiNLP newmm over LaoNLP's word list)
  nlpo3 newmm            nlpo3.segment with LaoNLP's word list, as in benches/eval_words.py
  akson syllables        akson.syllables(line)
  akson syllables_batch  akson.syllables_batch(lines)
  LaoNLP syllable_tokenize
LaoNLP and nlpo3 are skipped (and reported) when not importable.
"""

import argparse
import concurrent.futures
import json
import os
import platform
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "benches"))

import eval_words  # noqa: E402  (the project's metric and system loaders)

import akson  # noqa: E402


def corpus_lines(corpus_dir):
    names = sorted(n for n in os.listdir(corpus_dir) if n.endswith(".txt"))
    if not names:
        sys.exit("no .txt files in %s" % corpus_dir)
    lines = []
    for n in names:
        with open(os.path.join(corpus_dir, n), encoding="utf-8") as fh:
            lines += [l for l in fh.read().splitlines() if l.strip()]
    return lines


def time_per_line(fn, lines, min_time, base_bytes):
    """MB/s of calling fn on each line, in passes until min_time (>= base_bytes)."""
    done = 0
    t = time.perf_counter()
    while True:
        kept = []  # results are kept for the pass, as a batch call keeps them
        for l, n in lines:
            kept.append(fn(l))
            done += n
            if done >= base_bytes and time.perf_counter() - t >= min_time:
                return done / (time.perf_counter() - t) / 1e6
        if done >= base_bytes and time.perf_counter() - t >= min_time:
            return done / (time.perf_counter() - t) / 1e6


def time_batch(fn, texts, nbytes, min_time):
    """MB/s of fn(texts) (one call over all lines), repeated until min_time."""
    done = 0
    t = time.perf_counter()
    while True:
        fn(texts)
        done += nbytes
        if time.perf_counter() - t >= min_time:
            return done / (time.perf_counter() - t) / 1e6


def f1_scores(tokenize, inputs, golds):
    outputs = [eval_words.SEP.join(tokenize(t)) for t in inputs]
    res = eval_words.score(inputs, golds, outputs, 0.5)
    return res["boundary"]["f1"], res["word"]["f1"], res["mismatched_lines"]


def load_others():
    """name -> (tokenize function, note) for LaoNLP and nlpo3, or the reason why not."""
    args = argparse.Namespace(nlpo3_dict=None)
    found, missing = {}, {}
    for name in ("laonlp", "nlpo3"):
        try:
            sys_ = eval_words.make_system(name, args, [])
            found[name] = (sys_.fn, "; ".join(sys_.notes))
        except eval_words.Unavailable as e:
            missing[name] = str(e)
    if "laonlp" in found:
        from laonlp.tokenize import syllable_tokenize

        note = found["laonlp"][1].replace("word_tokenize", "syllable_tokenize")
        found["laonlp-syllables"] = (syllable_tokenize, note)
    return found, missing


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--gold", default=os.path.join(ROOT, "tests", "gold", "words-test.txt"))
    ap.add_argument("--repeat", type=int, default=10, help="corpus repetitions (10)")
    ap.add_argument("--min-time", type=float, default=1.0, help="seconds per system and round (1)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds; the best is kept (3)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    base = corpus_lines(args.corpus)
    base_bytes = sum(len(l.encode("utf-8")) for l in base)
    texts = base * args.repeat
    lines = [(l, len(l.encode("utf-8"))) for l in texts]
    nbytes = sum(n for _, n in lines)
    _, inputs, golds = eval_words.read_gold(args.gold)
    others, missing = load_others()

    rows = []
    specs = []  # (system, unit, timer, tokenize for F1, note)

    def per_line(fn):
        return lambda: time_per_line(fn, lines, args.min_time, base_bytes)

    def batch(fn):
        return lambda: time_batch(fn, texts, nbytes, args.min_time)

    specs.append(("akson words", "word", per_line(akson.words), akson.words, "akson.words(line)"))
    specs.append(("akson words_batch", "word", batch(akson.words_batch), None, "akson.words_batch(lines)"))
    ncpu = os.cpu_count() or 1
    if ncpu > 1:
        pool = concurrent.futures.ThreadPoolExecutor(ncpu)
        parts = [texts[k::ncpu] for k in range(ncpu)]

        def threaded(_):
            return list(pool.map(akson.words_batch, parts))

        specs.append(("akson words_batch, %d threads" % ncpu, "word", batch(threaded), None,
                      "akson.words_batch on %d slices of the lines in a ThreadPoolExecutor "
                      "(the GIL is released while Rust works)" % ncpu))
    if "laonlp" in others:
        fn, note = others["laonlp"]
        specs.append(("LaoNLP word_tokenize", "word", per_line(fn), fn, note))
    if "nlpo3" in others:
        fn, note = others["nlpo3"]
        specs.append(("nlpo3 newmm", "word", per_line(fn), fn, note))
    specs.append(("akson syllables", "syllable", per_line(akson.syllables), None, "akson.syllables(line)"))
    specs.append(("akson syllables_batch", "syllable", batch(akson.syllables_batch), None,
                  "akson.syllables_batch(lines)"))
    if "laonlp-syllables" in others:
        fn, note = others["laonlp-syllables"]
        specs.append(("LaoNLP syllable_tokenize", "syllable", per_line(fn), None, note))

    print("corpus: %d lines, %d bytes, x%d = %d bytes; %d rounds" % (
        len(base), base_bytes, args.repeat, nbytes, args.rounds), file=sys.stderr)
    akson.words("ລາວ")  # warm up: the embedded dictionary is decoded on first use
    # Rounds interleave the systems; each system's best round is kept, so a burst
    # of load from other processes on the machine hurts every system alike.
    best = [0.0] * len(specs)
    for k in range(args.rounds):
        for i, spec in enumerate(specs):
            best[i] = max(best[i], spec[2]())
            print("  round %d %-26s %8.3f MB/s" % (k + 1, spec[0], best[i]), file=sys.stderr)
    for (system, unit, _, tokenize, note), mbps in zip(specs, best):
        r = {"system": system, "unit": unit, "mbps": mbps, "note": note}
        if tokenize is not None:
            r["boundary_f1"], r["word_f1"], r["mismatched"] = f1_scores(tokenize, inputs, golds)
        rows.append(r)

    ref = {r["unit"]: r["mbps"] for r in rows if r["system"] in ("akson words", "akson syllables")}
    for r in rows:
        r["speedup"] = None if r["system"].startswith("akson") else ref[r["unit"]] / r["mbps"]

    report = {
        "python": platform.python_version(),
        "machine": "%s, %d cores" % (platform.machine(), os.cpu_count() or 0),
        "akson": akson.__version__,
        "dictionary": akson.DICTIONARY_VERSION,
        "corpus_bytes": base_bytes,
        "repeat": args.repeat,
        "gold": os.path.relpath(os.path.abspath(args.gold), ROOT),
        "missing": missing,
        "rows": rows,
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    print("Text: the shared corpus (%d bytes of UTF-8) x %d, line by line; CPython %s, %s; akson %s "
          "(dictionary %s). F1 on `%s`." % (base_bytes, args.repeat, report["python"], report["machine"],
                                           report["akson"], report["dictionary"], report["gold"]))
    print()
    print("| system | unit | MB/s | akson speedup | boundary F1 | word F1 |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for r in rows:
        f1 = ("%.3f" % r["boundary_f1"], "%.3f" % r["word_f1"]) if "boundary_f1" in r else ("–", "–")
        sp = "–" if r["speedup"] is None else "%.1f×" % r["speedup"]
        mb = "%.2f" % r["mbps"] if r["mbps"] >= 0.1 else "%.3f" % r["mbps"]
        print("| %s | %s | %s | %s | %s | %s |" % (r["system"], r["unit"], mb, sp, f1[0], f1[1]))
    print()
    for r in rows:
        print("- %s: %s" % (r["system"], r["note"]))
    for name, why in missing.items():
        print("- %s: %s" % (name, why))


if __name__ == "__main__":
    main()
