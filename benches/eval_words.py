#!/usr/bin/env python3
"""Compare Lao word segmenters on the hand-segmented gold set, in one run.

Usage (from anywhere; default paths are relative to the repository root):

    cargo build --release                              # target/release/akson
    cargo build --release --example icu_words          # target/release/examples/icu_words
    python3 benches/eval_words.py                      # tests/gold/words-test.txt
    python3 benches/eval_words.py --gold tests/gold/words-dev.txt --systems icu-lstm,laonlp
    python3 benches/eval_words.py --akson-unit syllable --systems akson   # metric sanity check
    python3 benches/eval_words.py --json

Only the Python standard library is needed; `laonlp` and `nlpo3` are used when
importable (`pip install laonlp nlpo3`), otherwise reported as not available.

Metric
------
Gold file: one line per sentence, `|` between two Lao characters marks a word
boundary (see tests/gold/README.md). The input text is the line without `|`;
the gold boundaries are the code-point offsets of the `|` marks in that text.

A system's output line is parsed the same way. Its boundaries are then
restricted to offsets with a Lao character (U+0E80-U+0EFF) on both sides:
boundaries next to spaces, digits, Latin letters or punctuation are trivial
and not counted (the gold set never marks them). Boundary precision, recall
and F1 are micro-averaged over all lines.

Word F1: the tokens are the maximal runs of Lao characters, cut at the
(restricted) boundaries; a token is correct when both its ends match a gold
token. Micro-averaged over all lines as well.

Output that does not give the input back
-----------------------------------------
Every system's output line with `|` removed is compared with the input line
("mismatched" lines are counted and reported). Such a line is scored by
aligning the output text to the input text with difflib.SequenceMatcher
(autojunk off): a system boundary is kept only when the two characters on its
sides are both matched, to two consecutive input characters; it then counts at
that input offset. Boundaries next to a dropped, added or changed character
are thus lost. When less than half of the input characters are matched
(--min-align), the line cannot be aligned and is counted as
all-boundaries-missed: its gold boundaries and gold words count in recall,
and it adds no system boundary or word. (LaoNLP 1.3.0, for instance, drops
every `/`: its lattice serialiser uses `/` as a separator, so "22/ນຍ" comes
back as "22", "", "ນຍ".) A system whose output has a different number of lines
than its input is reported as failed.

Throughput
----------
MB/s = input bytes (UTF-8, with line ends) / wall time of segmenting.
In-process systems (laonlp, nlpo3): the whole gold file, line by line, timed
in a loop until at least --min-time seconds have passed (import and dictionary
loading excluded). External commands (akson, icu-*): one run on a temporary
file holding the gold text repeated --repeat times (default 50) on stdin, with
stdout to a file; the time of a run on empty input (best of 3: process start-up,
data loading) is subtracted. When that run takes well under a second it is
repeated (at most 3 runs, while the total stays under 1 s) and the best kept.

Systems
-------
  akson           target/release/akson segment --unit word (--akson-unit, --akson-bin)
  icu-dictionary  target/release/examples/icu_words --mode dictionary (ICU4X)
  icu-lstm        target/release/examples/icu_words --mode lstm
  icu-auto        target/release/examples/icu_words --mode auto (not in the default list)
  laonlp          laonlp.word_tokenize, in process
  nlpo3           nlpo3.segment (newmm) with LaoNLP's word list as dictionary, in process
  gold            the gold segmentation itself (oracle; must score 1.0; not default)
"""

import argparse
import difflib
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SYSTEMS = ["akson", "icu-dictionary", "icu-lstm", "laonlp", "nlpo3"]
ALL_SYSTEMS = DEFAULT_SYSTEMS + ["icu-auto", "gold"]
SEP = "|"


class Unavailable(Exception):
    """The system cannot be run here (missing binary or module)."""


class Failed(Exception):
    """The system ran but did not produce usable output."""


# --------------------------------------------------------------------------
# Metric


def is_lao(c):
    return "\u0e80" <= c <= "\u0eff"


def parse_segmented(line):
    """Return (text, boundaries) for a line with SEP marks; offsets in code points."""
    parts = line.split(SEP)
    text = "".join(parts)
    bounds = set()
    pos = 0
    for p in parts[:-1]:
        pos += len(p)
        if 0 < pos < len(text):
            bounds.add(pos)
    return text, bounds


def restrict(text, bounds):
    """Keep only boundaries strictly between two Lao characters."""
    return {i for i in bounds if 0 < i < len(text) and is_lao(text[i - 1]) and is_lao(text[i])}


def lao_words(text, bounds):
    """Spans (start, end) of the tokens of the Lao runs of text, cut at bounds."""
    spans = []
    i, n = 0, len(text)
    while i < n:
        if not is_lao(text[i]):
            i += 1
            continue
        start = i
        while i < n and is_lao(text[i]):
            if i > start and i in bounds:
                spans.append((start, i))
                start = i
            i += 1
        spans.append((start, i))
    return spans


def align_boundaries(out_text, in_text, out_bounds, min_align):
    """Map boundaries of out_text onto in_text; None when the line cannot be aligned."""
    if not in_text:
        return set()
    sm = difflib.SequenceMatcher(None, out_text, in_text, autojunk=False)
    m = {}
    matched = 0
    for a, b, size in sm.get_matching_blocks():
        for k in range(size):
            m[a + k] = b + k
        matched += size
    if matched < min_align * len(in_text):
        return None
    res = set()
    for j in out_bounds:
        left, right = m.get(j - 1), m.get(j)
        if left is not None and right is not None and right == left + 1:
            res.add(right)
    return res


class Scores:
    def __init__(self):
        self.b_tp = self.b_sys = self.b_gold = 0
        self.w_tp = self.w_sys = self.w_gold = 0

    def add(self, text, gold_b, sys_b):
        """sys_b None = unalignable line: everything missed."""
        gold_w = set(lao_words(text, gold_b))
        self.b_gold += len(gold_b)
        self.w_gold += len(gold_w)
        if sys_b is None:
            return
        sys_b = restrict(text, sys_b)
        sys_w = set(lao_words(text, sys_b))
        self.b_tp += len(gold_b & sys_b)
        self.b_sys += len(sys_b)
        self.w_tp += len(gold_w & sys_w)
        self.w_sys += len(sys_w)

    @staticmethod
    def prf(tp, n_sys, n_gold):
        # Nothing to find and nothing found is a perfect score (a gold set of
        # one-word lines, read by the oracle), not 0.
        p = tp / n_sys if n_sys else float(n_gold == 0)
        r = tp / n_gold if n_gold else float(n_sys == 0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": p, "recall": r, "f1": f, "correct": tp, "system": n_sys, "gold": n_gold}

    def result(self):
        return {
            "boundary": self.prf(self.b_tp, self.b_sys, self.b_gold),
            "word": self.prf(self.w_tp, self.w_sys, self.w_gold),
        }


def score(inputs, golds, outputs, min_align):
    """inputs: texts; golds: restricted gold boundary sets; outputs: system lines."""
    sc = Scores()
    mismatched = unaligned = 0
    examples = []
    for text, gold_b, out in zip(inputs, golds, outputs):
        out_text, out_b = parse_segmented(out)
        if out_text != text:
            mismatched += 1
            if len(examples) < 3:
                examples.append(first_difference(text, out_text))
            out_b = align_boundaries(out_text, text, out_b, min_align)
            if out_b is None:
                unaligned += 1
        sc.add(text, gold_b, out_b)
    res = sc.result()
    res["mismatched_lines"] = mismatched
    res["unaligned_lines"] = unaligned
    res["mismatch_examples"] = examples
    return res


def first_difference(a, b):
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    return {"offset": i, "input": a[max(0, i - 10) : i + 10], "output": b[max(0, i - 10) : i + 10]}


# --------------------------------------------------------------------------
# Systems


def newest_mtime(paths):
    best = 0.0
    for p in paths:
        if os.path.isdir(p):
            for d, _, files in os.walk(p):
                for f in files:
                    # Sources and embedded data (the compiled dictionaries).
                    if f.endswith((".rs", ".fst")):
                        best = max(best, os.path.getmtime(os.path.join(d, f)))
        elif os.path.exists(p):
            best = max(best, os.path.getmtime(p))
    return best


def show_path(p):
    """A path relative to the repository root when inside it, else as is."""
    p = os.path.abspath(p)
    return os.path.relpath(p, ROOT) if p.startswith(ROOT + os.sep) else p


def cargo_lock_version(crate):
    try:
        with open(os.path.join(ROOT, "Cargo.lock"), encoding="utf-8") as fh:
            m = re.search(r'name = "%s"\nversion = "([^"]+)"' % re.escape(crate), fh.read())
            return m.group(1) if m else None
    except OSError:
        return None


def pkg_version(name):
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "?"


class External:
    """A line filter: lines on stdin, segmented lines on stdout."""

    def __init__(self, name, cmd, notes, sources, build_hint):
        self.name, self.cmd, self.notes = name, cmd, list(notes)
        if not os.path.isfile(cmd[0]) or not os.access(cmd[0], os.X_OK):
            raise Unavailable("%s not found (%s)" % (show_path(cmd[0]), build_hint))
        if newest_mtime(sources) > os.path.getmtime(cmd[0]):
            self.notes.append("warning: binary older than its sources (%s)" % build_hint)

    def _run(self, stdin, stdout, timeout, data=None):
        try:
            p = subprocess.run(self.cmd, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE,
                               input=data, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise Failed("timed out after %g s" % timeout)
        except OSError as e:
            raise Unavailable("cannot run %s: %s" % (self.cmd[0], e))
        if p.returncode != 0:
            err = p.stderr.decode("utf-8", "replace").strip().splitlines()
            raise Failed("exit status %d: %s" % (p.returncode, err[0] if err else "(no message)"))
        return p

    def segment(self, lines, timeout):
        data = "".join(l + "\n" for l in lines).encode("utf-8")
        p = self._run(None, subprocess.PIPE, timeout, data)
        try:
            out = p.stdout.decode("utf-8")
        except UnicodeDecodeError as e:
            raise Failed("output is not UTF-8: %s" % e)
        if out.endswith("\n"):
            out = out[:-1]
        out_lines = out.split("\n") if lines else []
        out_lines = [l[:-1] if l.endswith("\r") else l for l in out_lines]
        if len(out_lines) != len(lines):
            raise Failed("%d output lines for %d input lines" % (len(out_lines), len(lines)))
        return out_lines

    def throughput(self, lines, repeat, timeout):
        text = "".join(l + "\n" for l in lines) * repeat
        data = text.encode("utf-8")
        with tempfile.TemporaryDirectory(prefix="eval_words.") as d:
            inp, empty, outp = (os.path.join(d, n) for n in ("in.txt", "empty.txt", "out.txt"))
            with open(inp, "wb") as fh:
                fh.write(data)
            open(empty, "wb").close()
            startup = float("inf")
            for _ in range(3):
                with open(empty, "rb") as i, open(outp, "wb") as o:
                    t = time.perf_counter()
                    self._run(i, o, timeout)
                    startup = min(startup, time.perf_counter() - t)
            # One run; short runs (< 1 s in all) are repeated, up to 3 runs, best kept.
            wall, total, runs = float("inf"), 0.0, 0
            while runs == 0 or (runs < 3 and total < 1.0):
                with open(inp, "rb") as i, open(outp, "wb") as o:
                    t = time.perf_counter()
                    self._run(i, o, timeout)
                    el = time.perf_counter() - t
                wall, total, runs = min(wall, el), total + el, runs + 1
            with open(outp, "rb") as o:
                ok = o.read().decode("utf-8", "replace").replace(SEP, "") == text
        secs = max(wall - startup, 1e-9)
        note = "speed: %d x %d bytes in %.3f s (best of %d; start-up %.3f s subtracted)" % (
            repeat, len(data) // repeat, wall, runs, startup)
        if not ok:
            note += "; WARNING: speed-run output minus `|` != input"
        return len(data) / secs / 1e6, note


class InProcess:
    """A Python tokenizer function returning a list of tokens."""

    def __init__(self, name, fn, notes):
        self.name, self.fn, self.notes = name, fn, list(notes)

    def segment(self, lines, timeout):
        return [SEP.join(self.fn(l)) for l in lines]

    def throughput(self, lines, min_time, timeout):
        nbytes = sum(len(l.encode("utf-8")) + 1 for l in lines)
        passes = 0
        t = time.perf_counter()
        while True:
            for l in lines:
                self.fn(l)
            passes += 1
            el = time.perf_counter() - t
            if el >= min_time or el > timeout:
                break
        note = "speed: %d pass(es) in process, %.3f s" % (passes, el)
        return nbytes * passes / el / 1e6, note


class Gold:
    def __init__(self, gold_lines):
        self.name, self.notes, self.gold_lines = "gold", ["oracle (metric sanity check)"], gold_lines

    def segment(self, lines, timeout):
        return list(self.gold_lines)


_nlpo3_dict_loaded = {}


def make_system(name, args, gold_lines):
    if name == "gold":
        return Gold(gold_lines)
    if name == "akson":
        unit = args.akson_unit
        bin_ = os.path.abspath(args.akson_bin)
        notes = ["`akson segment --unit %s`" % unit]
        if os.path.isfile(bin_):
            try:
                v = subprocess.run([bin_, "--version"], capture_output=True, timeout=10).stdout
                v = v.decode("utf-8", "replace").strip()
                if v:
                    notes.append(v.splitlines()[0])
            except (OSError, subprocess.TimeoutExpired):
                pass
        return External(name, [bin_, "segment", "--unit", unit], notes,
                        [os.path.join(ROOT, "src"),
                         os.path.join(ROOT, "dictionaries", "akson-lo.fst"),
                         os.path.join(ROOT, "dictionaries", "akson-lo-phrases.fst")],
                        "cargo build --release")
    if name.startswith("icu-"):
        mode = name[4:]
        bin_ = os.path.abspath(args.icu_bin)
        notes = ["ICU4X icu_segmenter %s WordSegmenter::new_%s" % (cargo_lock_version("icu_segmenter") or "?", mode)]
        return External(name, [bin_, "--mode", mode], notes,
                        [os.path.join(ROOT, "examples", "icu_words.rs")],
                        "cargo build --release --example icu_words")
    if name == "laonlp":
        try:
            from laonlp import word_tokenize
        except Exception as e:  # ImportError, or a broken dependency
            raise Unavailable("cannot import laonlp (%s: %s); pip install laonlp" % (type(e).__name__, e))
        return InProcess(name, word_tokenize,
                         ["LaoNLP %s word_tokenize (pythainlp %s)" % (pkg_version("laonlp"), pkg_version("pythainlp"))])
    if name == "nlpo3":
        try:
            import nlpo3
        except Exception as e:
            raise Unavailable("cannot import nlpo3 (%s: %s); pip install nlpo3" % (type(e).__name__, e))
        if args.nlpo3_dict:
            path, desc = args.nlpo3_dict, os.path.basename(args.nlpo3_dict)
        else:
            try:
                from laonlp.corpus import lao_words as laonlp_words
            except Exception as e:
                raise Unavailable("nlpo3 needs a Lao word list: laonlp not importable (%s) and no --nlpo3-dict" % e)
            words = sorted({w.strip() for w in laonlp_words() if w.strip()})
            fd, path = tempfile.mkstemp(prefix="eval_words.nlpo3.", suffix=".txt")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write("\n".join(words) + "\n")
            desc = "LaoNLP %s word list, %d words" % (pkg_version("laonlp"), len(words))
        dict_name = "lao:" + path
        if dict_name not in _nlpo3_dict_loaded:
            msg, ok = nlpo3.load_dict(path, dict_name)
            if not ok:
                raise Unavailable("nlpo3.load_dict failed: %s" % msg)
            _nlpo3_dict_loaded[dict_name] = True
        if not args.nlpo3_dict:
            os.unlink(path)
        return InProcess(name, lambda s: nlpo3.segment(s, dict_name),
                         ["nlpo3 %s newmm, dictionary: %s" % (pkg_version("nlpo3"), desc)])
    raise Unavailable("unknown system %r (known: %s)" % (name, ", ".join(ALL_SYSTEMS)))


# --------------------------------------------------------------------------
# Main


def read_gold(path):
    with open(path, encoding="utf-8", newline="") as fh:
        raw = fh.read()
    lines = raw.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [l[:-1] if l.endswith("\r") else l for l in lines]
    inputs, golds = [], []
    for n, l in enumerate(lines, 1):
        text, b = parse_segmented(l)
        rb = restrict(text, b)
        if rb != b:
            print("warning: %s:%d: %d gold `|` not between two Lao characters (ignored)"
                  % (path, n, len(b - rb)), file=sys.stderr)
        inputs.append(text)
        golds.append(rb)
    return lines, inputs, golds


def evaluate(name, args, gold_lines, inputs, golds, save_dir):
    row = {"system": name, "available": False, "notes": []}
    try:
        sys_ = make_system(name, args, gold_lines)
        row["notes"] = sys_.notes
        if isinstance(sys_, External):
            row["command"] = [show_path(sys_.cmd[0])] + sys_.cmd[1:]
        out = sys_.segment(inputs, args.timeout)
    except Unavailable as e:
        row["reason"] = "not available: %s" % e
        return row
    except Failed as e:
        row["reason"] = "failed: %s" % e
        return row
    row["available"] = True
    if save_dir:
        os.makedirs(save_dir, exist_ok=True)
        with open(os.path.join(save_dir, name + ".txt"), "w", encoding="utf-8") as fh:
            fh.write("".join(l + "\n" for l in out))
    row.update(score(inputs, golds, out, args.min_align))
    if row["mismatched_lines"]:
        ex = row["mismatch_examples"][0]
        row["notes"].append(
            "%d line(s) where output minus `|` != input (%d aligned, %d counted as missed; first at "
            "offset %d: %r -> %r)" % (row["mismatched_lines"], row["mismatched_lines"] - row["unaligned_lines"],
                                      row["unaligned_lines"], ex["offset"], ex["input"], ex["output"]))
    row["mbps"] = None
    if not args.no_speed and not isinstance(sys_, Gold):
        try:
            if isinstance(sys_, External):
                row["mbps"], note = sys_.throughput(inputs, args.repeat, args.timeout)
            else:
                row["mbps"], note = sys_.throughput(inputs, args.min_time, args.timeout)
            row["notes"].append(note)
        except (Failed, Unavailable) as e:
            row["notes"].append("speed run failed: %s" % e)
    return row


def markdown(report):
    out = []
    out.append("Gold: `%s`: %d lines, %d bytes, %d gold boundaries (Lao|Lao), %d gold Lao words"
               % (report["gold"], report["lines"], report["bytes"], report["gold_boundaries"], report["gold_words"]))
    out.append("")
    out.append("| system | boundary P | R | F1 | word F1 | MB/s | notes |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for r in report["systems"]:
        notes = "; ".join(r.get("notes", []))
        if not r["available"]:
            notes = r["reason"] + ("; " + notes if notes else "")
            out.append("| %s | – | – | – | – | – | %s |" % (r["system"], notes.replace("|", "\\|")))
            continue
        b, w = r["boundary"], r["word"]
        mbps = "–" if r.get("mbps") is None else ("%.3f" % r["mbps"] if r["mbps"] < 10 else "%.1f" % r["mbps"])
        out.append("| %s | %.3f | %.3f | %.3f | %.3f | %s | %s |" % (
            r["system"], b["precision"], b["recall"], b["f1"], w["f1"], mbps, notes.replace("|", "\\|")))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="See the module docstring (head of this file) for the metric.")
    ap.add_argument("--gold", default=os.path.join(ROOT, "tests", "gold", "words-test.txt"),
                    help="gold file (default tests/gold/words-test.txt)")
    ap.add_argument("--systems", default=",".join(DEFAULT_SYSTEMS),
                    help="comma-separated list among %s (default %s)" % (", ".join(ALL_SYSTEMS), ",".join(DEFAULT_SYSTEMS)))
    ap.add_argument("--akson-bin", default=os.path.join(ROOT, "target", "release", "akson"),
                    help="akson binary (default target/release/akson)")
    ap.add_argument("--akson-unit", default="word", help="unit passed to `akson segment --unit` (default word)")
    ap.add_argument("--icu-bin", default=os.path.join(ROOT, "target", "release", "examples", "icu_words"),
                    help="ICU4X filter (default target/release/examples/icu_words)")
    ap.add_argument("--nlpo3-dict", help="word list for nlpo3 (default: LaoNLP's word list)")
    ap.add_argument("--repeat", type=int, default=50, help="gold text repetitions for external speed runs (50)")
    ap.add_argument("--min-time", type=float, default=1.0, help="min seconds of in-process speed timing (1.0)")
    ap.add_argument("--min-align", type=float, default=0.5,
                    help="min share of input characters matched to score an altered line (0.5)")
    ap.add_argument("--timeout", type=float, default=120.0, help="timeout per external run, seconds (120)")
    ap.add_argument("--no-speed", action="store_true", help="skip throughput measurements")
    ap.add_argument("--save-dir", help="write each system's segmented output to DIR/SYSTEM.txt")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a Markdown table")
    args = ap.parse_args()

    try:
        gold_lines, inputs, golds = read_gold(args.gold)
    except (OSError, UnicodeDecodeError) as e:
        sys.exit("eval_words.py: cannot read the gold file %s: %s" % (args.gold, e))
    report = {
        "gold": show_path(args.gold),
        "lines": len(inputs),
        "bytes": sum(len(t.encode("utf-8")) + 1 for t in inputs),
        "gold_boundaries": sum(len(g) for g in golds),
        "gold_words": sum(len(lao_words(t, g)) for t, g in zip(inputs, golds)),
        "akson_unit": args.akson_unit,
        "python": sys.version.split()[0],
        "systems": [],
    }
    names = [s.strip() for s in args.systems.split(",") if s.strip()]
    for name in names:
        t = time.perf_counter()
        row = evaluate(name, args, gold_lines, inputs, golds, args.save_dir)
        row["eval_seconds"] = round(time.perf_counter() - t, 3)
        report["systems"].append(row)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
