#!/usr/bin/env python3
"""Segment a Lao corpus into words on every core, with a custom dictionary.

    pip install ./bindings/python
    python bindings/python/examples/parallel_segment.py                 # ../shared/corpus
    python bindings/python/examples/parallel_segment.py --dict names.txt --out segmented/ DIR_OR_FILES...

The dictionary (the embedded default plus your words) is built once in the parent
and shipped to each worker process by pickling: an akson.Dictionary pickles as the
changes from the default (a few hundred bytes here), not as 50,000 words. The same
works for Dask (``client.scatter(dictionary, broadcast=True)``) and PySpark
(``sc.broadcast(dictionary)`` and ``.value`` in the task).

Each worker segments batches of lines with ``akson.words_batch`` (which releases
the GIL). Output files, with ``|`` between words, go to --out when given; the
script prints the number of lines, words and the most frequent words.
"""

import argparse
import collections
import multiprocessing
import os
import sys
import time

import akson

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
DEFAULT_CORPUS = os.path.join(ROOT, "..", "shared", "corpus")

# Words that are not in the default dictionary (parts of people's names; give
# your own with --dict).
EXTRA_WORDS = ["ວົງວິຈິດ", "ຄຳແສນ"]

_dictionary = None  # set in each worker by init()


def init(dictionary):
    """Pool initializer: receives the (unpickled) dictionary once per worker."""
    global _dictionary
    _dictionary = dictionary


def segment(job):
    """Segments one batch of lines; returns (file name, batch number, segmented lines)."""
    name, number, lines = job
    tokens = akson.words_batch(lines, dictionary=_dictionary)
    return name, number, ["|".join(t) for t in tokens]


def read_inputs(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, n) for n in os.listdir(p) if n.endswith(".txt"))
        else:
            files.append(p)
    if not files:
        sys.exit("no input files (give text files or a folder of .txt files)")
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="*", default=[DEFAULT_CORPUS], help="files or folders (../shared/corpus)")
    ap.add_argument("--dict", help="word list to add to the default (one word per line, optional TAB count)")
    ap.add_argument("--out", help="folder for the segmented files")
    ap.add_argument("--processes", type=int, default=os.cpu_count(), help="worker processes (all cores)")
    ap.add_argument("--batch", type=int, default=200, help="lines per task (200)")
    args = ap.parse_args()

    dictionary = akson.Dictionary()  # a copy of the embedded default
    if args.dict:
        with open(args.dict, "rb") as f:
            data = f.read()
        if data[:1] in (b"\x01", b"\x02", b"\x03") and data[1:8] == bytes(7):
            # A compiled dictionary (.fst): its words with their own costs.
            dictionary.merge(akson.Dictionary.from_bytes(data))
        else:
            # A word list: its words without a count are weighed against the
            # default's, as `akson segment --dict` does (merging the list read
            # alone would weigh them against the list's words only).
            dictionary.extend_from_word_list(data.decode("utf-8"))
    else:
        for w in EXTRA_WORDS:
            dictionary.add(w, count=5)

    files = read_inputs(args.inputs)
    jobs, nbytes = [], 0
    texts = {}
    for path in files:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
        nbytes += sum(len(l.encode("utf-8")) + 1 for l in lines)
        texts[path] = lines
        for k in range(0, len(lines), args.batch):
            jobs.append((path, k // args.batch, lines[k : k + args.batch]))

    t = time.perf_counter()
    results = collections.defaultdict(dict)
    with multiprocessing.Pool(args.processes, initializer=init, initargs=(dictionary,)) as pool:
        for name, number, out in pool.imap_unordered(segment, jobs):
            results[name][number] = out
    elapsed = time.perf_counter() - t

    counts = collections.Counter()
    n_lines = 0
    for path in files:
        out = [l for k in sorted(results[path]) for l in results[path][k]]
        assert [l.replace("|", "") for l in out] == texts[path]  # nothing lost or changed
        n_lines += len(out)
        for l in out:
            counts.update(w for w in l.split("|") if any("\u0e80" <= c <= "\u0eff" for c in w))
        if args.out:
            os.makedirs(args.out, exist_ok=True)
            with open(os.path.join(args.out, os.path.basename(path)), "w", encoding="utf-8") as fh:
                fh.write("".join(l + "\n" for l in out))

    print("%d files, %d lines, %d bytes: %d Lao words (%d distinct) in %.2f s with %d processes"
          % (len(files), n_lines, nbytes, sum(counts.values()), len(counts), elapsed, args.processes))
    print("dictionary: %r, pickled in %d bytes" % (dictionary, len(__import__("pickle").dumps(dictionary))))
    print("most frequent:", " ".join("%s:%d" % wc for wc in counts.most_common(12)))


if __name__ == "__main__":
    main()
