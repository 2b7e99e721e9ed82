#!/usr/bin/env python3
"""CER / WER of Lao OCR output before and after correction, and false corrections.

    target/ocr-venv/bin/python dictionaries/ocr/evaluate.py            # test split, all systems
    python3 dictionaries/ocr/evaluate.py --split dev --systems none,akson
    ... --akson-threshold 0.5,1,2      # one `akson correct --threshold X` row per value
    ... --update-readme dictionaries/ocr/README.md   # rewrite the table between markers
    ... --pages                        # whole pages (pages/, make_pages.py) instead of lines
    ... --akson-model dictionaries/ocr/models/noto-sans-lao.tsv   # another error model

Input: dictionaries/ocr/pairs/<split>/<setting>__<font>.tsv (source<TAB>clean<TAB>noisy),
or with --pages dictionaries/ocr/pages/<split>/<setting>__<font>.tsv (page_id<TAB>clean
page<TAB>OCR page, line breaks written as \\n). A page goes through a system line by
line, as a digitising team would pipe it through `akson correct`, and is scored as one
string (its lines joined with spaces, so a word broken across two lines counts as a
word with a space inside).

Systems (each maps a list of OCR lines to the same number of corrected lines):
  none      the OCR output itself ("before").
  akson     `akson correct [--threshold X]`, lines on stdin -> lines on stdout. Skipped
            with a note while the binary has no `correct` command (exit status 2).
  hunspell  `hunspell -d lo_LA` (Debian hunspell-lo) first suggestion. Lao has no spaces,
            and hunspell's own tokeniser would take a whole phrase as one word, so the
            text is cut into words by `akson segment --unit word`; every token made only
            of Lao letters/marks that hunspell rejects is replaced by its first suggestion
            (kept if there is none). hunspell-lo spells ຳ/ໍາ, ໜ/ຫນ, ໝ/ຫມ, ຫຼ/ຫລ both ways,
            so a token counts as accepted if its canonical or its legacy spelling is.
  symspell-tok  symspellpy lookup (Verbosity.TOP, max edit distance 2) of each akson
            token of Lao letters that is not in the dictionary.
  symspell-seg  symspellpy word_segmentation (max edit distance 2) of every maximal run
            of Lao letters/marks (segmentation and correction together, symspell's own
            way for unspaced text); the segments are joined back without spaces, so the
            original spacing and all non-Lao characters (punctuation, digits) are kept.
  symspell uses the SAME word list as akson: the embedded dictionary
  (akson.Dictionary.embedded().entries(), Python binding), count = round(1e9 * e^-cost).
  hunspell and symspell get the OCR text after `akson normalize` (their dictionaries
  are in canonical form; normalising is part of those pipelines). Their outputs are
  cached in target/ocr-eval-cache (key: system, input, BASELINE_VERSION, akson-lo.fst).

Metrics (every string is whitespace-collapsed and put in canonical form with
`akson normalize`, reference and hypothesis alike, so ໍາ vs ຳ is not an error):
  CER      character (code point) Levenshtein distance / reference length, summed over
           the file (micro average). Spaces count as characters.
  CER-nsp  the same with all spaces removed from both sides (Lao spacing is loose and
           Tesseract adds spaces where a line wraps or a gap is wide).
  WER      Levenshtein distance over word tokens / reference tokens; both sides are
           segmented with `akson segment --unit word` (space tokens dropped, punctuation
           tokens kept). Segmentation of noisy text is itself noisy: read WER as a
           dictionary-word error rate.
  False corrections: each corrector is run on CLEAN text (the clean side of the split,
  deduplicated, and the full ../shared/corpus paragraphs); "words changed" is the
  word-level Levenshtein distance between input and output / input words, "lines
  changed" the share of lines that differ.
"""
import argparse, glob, json, math, os, re, shutil, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SEP = "\u241f"
LAO_RUN = re.compile("[\u0e81-\u0ec5\u0ec8-\u0ecd\u0edc-\u0edf]+")  # Lao letters, vowels, marks; no digits, no ໆ


# ---------------------------------------------------------------- metrics
def lev(a, b):
    """Levenshtein distance between two sequences (strings or lists)."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def ws(s):
    return " ".join(s.split())


# ---------------------------------------------------------------- akson CLI
class Akson:
    def __init__(self, path):
        self.path = path

    def _run(self, args, lines):
        data = "".join(l.replace("\n", " ") + "\n" for l in lines).encode("utf-8")
        r = subprocess.run([self.path, *args], input=data, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        if r.returncode != 0:
            raise RuntimeError(f"{self.path} {' '.join(args)}: exit {r.returncode}: "
                               f"{r.stderr.decode('utf-8', 'replace').strip()}")
        out = r.stdout.decode("utf-8").split("\n")
        if out[-1] == "":
            out.pop()
        if len(out) != len(lines):
            raise RuntimeError(f"{self.path} {' '.join(args)}: {len(out)} lines out for {len(lines)} in")
        return out

    def normalize(self, lines):
        return [ws(l) for l in self._run(["normalize"], [ws(l) for l in lines])]

    def tokens(self, lines):
        """Word tokens including space tokens (the concatenation gives the line back)."""
        return [[t for t in s.split(SEP) if t] for s in self._run(["segment", "--unit", "word", "--sep", SEP], lines)]

    def words(self, lines):
        return [[t for t in toks if not t.isspace()] for toks in self.tokens(lines)]


# ---------------------------------------------------------------- correctors
def akson_correct(akson, threshold, model=None):
    args = ["correct"] + (["--threshold", str(threshold)] if threshold is not None else [])
    args += ["--model", model] if model else []

    def probe():
        r = subprocess.run([akson.path, *args], input=b"", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        err = r.stderr.decode("utf-8", "replace")
        if r.returncode == 2 and ("unknown command" in err or "unknown option" in err):
            return err.strip().splitlines()[0]
        return None

    def run(lines):
        return akson._run(args, lines)

    return run, probe


class Hunspell:
    LEGACY = [("ຳ", "ໍາ"), ("ໜ", "ຫນ"), ("ໝ", "ຫມ"), ("ຫຼ", "ຫລ")]

    def __init__(self, akson, dic="lo_LA"):
        self.akson, self.dic, self.cache = akson, dic, {}

    def available(self):
        if not shutil.which("hunspell"):
            return "hunspell not installed (apt-get install hunspell hunspell-lo)"
        r = subprocess.run(["hunspell", "-D"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if self.dic not in (r.stdout + r.stderr).decode("utf-8", "replace"):
            return f"hunspell dictionary {self.dic} not found (apt-get install hunspell-lo)"
        return None

    def legacy(self, w):
        for a, b in self.LEGACY:
            w = w.replace(a, b)
        return w

    def _query(self, words):
        """words -> {word: None if accepted else list of suggestions}; one hunspell -a run."""
        data = "".join("^" + w + "\n" for w in words).encode("utf-8")  # ^: no commands
        out = subprocess.run(["hunspell", "-d", self.dic, "-a"], input=data, stdout=subprocess.PIPE,
                             check=True).stdout.decode("utf-8").split("\n")
        res, k = {}, 0
        for line in out[1:]:  # first line: version banner
            if line == "":
                k += 1
                continue
            if k >= len(words):
                break
            w = words[k]
            if line[0] in "*+-":
                res[w] = None
            elif line[0] == "&":
                res[w] = [s.strip() for s in line.split(": ", 1)[1].split(", ")]
            elif line[0] == "#":
                res[w] = []
        assert len(res) == len(words), (len(res), len(words))
        return res

    def __call__(self, lines):
        norm = self.akson.normalize(lines)
        toks = self.akson.tokens(norm)
        need = sorted({t for ts in toks for t in ts if LAO_RUN.fullmatch(t) and t not in self.cache})
        if need:
            q = sorted(set(need) | {self.legacy(w) for w in need})
            r = self._query(q)
            sugg_norm = {}
            for w in need:
                if r[w] is None or r[self.legacy(w)] is None:
                    self.cache[w] = w
                else:
                    s = r[w] or r[self.legacy(w)]
                    self.cache[w] = s[0] if s else w
            # suggestions back to canonical form
            keys = [w for w in need if self.cache[w] != w]
            for w, n in zip(keys, self.akson.normalize([self.cache[w] for w in keys])):
                sugg_norm[w] = n
            self.cache.update(sugg_norm)
        return ["".join(self.cache.get(t, t) if LAO_RUN.fullmatch(t) else t for t in ts) for ts in toks]


class Symspell:
    def __init__(self, akson, mode, max_ed=2, seg_maxlen=16):
        self.akson, self.mode, self.max_ed, self.seg_maxlen = akson, mode, max_ed, seg_maxlen
        self.sym, self.cache = None, {}

    def available(self):
        try:
            import symspellpy  # noqa: F401
            import akson as _  # noqa: F401  (Python binding: the embedded word list)
        except ImportError as e:
            return (f"{e.name} not importable: run with target/ocr-venv/bin/python "
                    "(python3 -m venv target/ocr-venv && target/ocr-venv/bin/pip install symspellpy ./bindings/python)")
        return None

    def _load(self):
        if self.sym is None:
            import akson as ak
            from symspellpy import SymSpell
            self.sym = SymSpell(max_dictionary_edit_distance=self.max_ed, prefix_length=7)
            self.words = set()
            for w, cost in ak.Dictionary.embedded().entries():  # cost in nats
                self.sym.create_dictionary_entry(w, max(1, round(1e9 * math.exp(-cost))))
                self.words.add(w)
        return self.sym

    def fix_token(self, t):
        from symspellpy import Verbosity
        if t in self.words:
            return t
        s = self.sym.lookup(t, Verbosity.TOP, max_edit_distance=self.max_ed, transfer_casing=False)
        return s[0].term if s else t

    def fix_run(self, run):
        r = self.sym.word_segmentation(run, max_edit_distance=self.max_ed,
                                       max_segmentation_word_length=self.seg_maxlen)
        return r.corrected_string.replace(" ", "")

    def __call__(self, lines):
        self._load()
        norm = self.akson.normalize(lines)
        if self.mode == "tok":
            toks = self.akson.tokens(norm)
            out = []
            for ts in toks:
                for t in ts:
                    if LAO_RUN.fullmatch(t) and t not in self.cache:
                        self.cache[t] = self.fix_token(t)
                out.append("".join(self.cache.get(t, t) for t in ts))
            return out

        def sub(m):
            run = m.group(0)
            if run not in self.cache:
                self.cache[run] = self.fix_run(run)
            return self.cache[run]

        return [LAO_RUN.sub(sub, l) for l in norm]


BEFORE = "OCR output (before)"
BASELINE_VERSION = 1  # bump when the hunspell / symspell code above changes


def cached(label, fn, cache_dir):
    """Baseline outputs are cached on disk by (system, input lines): they depend on
    nothing that changes while the akson corrector is developed."""
    import hashlib

    h = hashlib.sha256(f"{label}\0{BASELINE_VERSION}\0".encode("utf-8"))
    # invalidated by BASELINE_VERSION or a change of the dictionary symspell reads
    fst = os.path.join(ROOT, "dictionaries", "akson-lo.fst")
    if os.path.exists(fst):
        h.update(open(fst, "rb").read())

    def run(lines):
        key = h.copy()
        key.update("\0".join(lines).encode("utf-8"))
        key = key.hexdigest()[:24]
        path = os.path.join(cache_dir, key + ".txt")
        if os.path.exists(path):
            out = open(path, encoding="utf-8").read().split("\n")[:-1]
            if len(out) == len(lines):
                return out
        out = fn(lines)
        os.makedirs(cache_dir, exist_ok=True)
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            f.write("".join(l + "\n" for l in out))
        os.replace(path + ".tmp", path)
        return out

    return run


# ---------------------------------------------------------------- evaluation
SETTING_ORDER = ["scan150jpg", "scan200bin", "faded200bin", "scan100jpg"]
FONT_ORDER = ["phetsarath-ot", "noto-sans-lao", "noto-serif-lao"]


def file_order(path):
    """Main target first: settings and fonts in the order above, others after."""
    setting, _, font = os.path.basename(path)[:-4].partition("__")
    rank = lambda x, order: order.index(x) if x in order else len(order)
    return (rank(setting, SETTING_ORDER), rank(font, FONT_ORDER), setting, font)


def read_pairs(path):
    src, clean, noisy = [], [], []
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) == 2:
            f = [""] + f
        src.append(f[0]); clean.append(f[1]); noisy.append(f[2])
    return src, clean, noisy


def read_pages(path):
    """A page file of make_pages.py: page ids, clean pages and OCR pages (texts with
    their line breaks)."""
    src, clean, noisy = [], [], []
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        src.append(f[0]); clean.append(f[1].replace("\\n", "\n")); noisy.append(f[2].replace("\\n", "\n"))
    return src, clean, noisy


def per_page(fn):
    """A system (lines -> lines) run on pages: every line of every page, in one call,
    and each page's lines joined back with line breaks."""
    def run(pages):
        lines = [p.split("\n") for p in pages]
        out = fn([l for ls in lines for l in ls])
        res, i = [], 0
        for ls in lines:
            res.append("\n".join(out[i:i + len(ls)]))
            i += len(ls)
        return res
    return run


def scores(akson, refs_norm, ref_words, hyps, groups=None):
    hn = akson.normalize(hyps)
    hw = akson.words(hn)
    eds = [lev(r, h) for r, h in zip(refs_norm, hn)]
    ed = sum(eds)
    n = sum(len(r) for r in refs_norm)
    by = {}
    for g, e, r in zip(groups or [], eds, refs_norm):
        x = by.setdefault(g, [0, 0])
        x[0] += e
        x[1] += len(r)
    ed_ns = sum(lev(r.replace(" ", ""), h.replace(" ", "")) for r, h in zip(refs_norm, hn))
    n_ns = sum(len(r.replace(" ", "")) for r in refs_norm)
    wd = sum(lev(r, h) for r, h in zip(ref_words, hw))
    nw = sum(len(r) for r in ref_words)
    return dict(cer=ed / max(1, n), cer_nsp=ed_ns / max(1, n_ns), wer=wd / max(1, nw),
                cer_by_doc={g: e / max(1, k) for g, (e, k) in sorted(by.items())},
                chars=n, words=nw, lines_changed=sum(a != b for a, b in zip(refs_norm, hn)) / max(1, len(hn)))


def replace_block(path, name, text):
    """Rewrites the part of file `path` between `<!-- NAME:begin -->` and
    `<!-- NAME:end -->` with `text`."""
    r = open(path, encoding="utf-8").read()
    b, e = f"<!-- {name}:begin -->\n", f"<!-- {name}:end -->"
    i, j = r.index(b) + len(b), r.index(e)
    open(path, "w", encoding="utf-8").write(r[:i] + text + r[j:])


def pct(x):
    return f"{100 * x:.2f}"


def corpus_paragraphs(akson, corpus_dir):
    lines = []
    for p in sorted(glob.glob(os.path.join(corpus_dir, "*.txt"))):
        for l in open(p, encoding="utf-8"):
            l = ws(re.sub("[\u200b\u200c\u200d\u2060\ufeff]", "", l.replace("\u00a0", " ")))
            if l:
                lines.append(l)
    return akson.normalize(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="test")
    ap.add_argument("--pairs", nargs="*", help="pair files (default: pairs/<split>/*.tsv)")
    ap.add_argument("--akson", default=os.path.join(ROOT, "target", "release", "akson"),
                    help="akson binary (default: target/release/akson)")
    ap.add_argument("--akson-threshold", default="", help="comma list of --threshold values for `akson correct`")
    ap.add_argument("--akson-model", help="error model for `akson correct --model` (e.g. models/noto-sans-lao.tsv)")
    ap.add_argument("--systems", default="none,akson,hunspell,symspell-tok,symspell-seg")
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"),
                    help="clean corpus for the false-correction rate ('' to skip)")
    ap.add_argument("--no-false-corrections", action="store_true")
    ap.add_argument("--by-doc", action="store_true", help="also a table of CER per source document")
    ap.add_argument("--cache", default=os.path.join(ROOT, "target", "ocr-eval-cache"),
                    help="cache of baseline (hunspell, symspell) outputs; '' to disable")
    ap.add_argument("--pages", action="store_true",
                    help="score whole pages (pages/<split>/*.tsv of make_pages.py) instead of lines; "
                         "the block rewritten by --update-readme is then <!-- pages:... -->")
    ap.add_argument("--json", help="write all figures to this file")
    ap.add_argument("--update-readme", help="rewrite the block between <!-- eval:begin --> and <!-- eval:end -->")
    a = ap.parse_args()

    akson = Akson(a.akson)
    files = a.pairs or sorted(glob.glob(os.path.join(HERE, "pages" if a.pages else "pairs", a.split, "*__*.tsv")),
                              key=file_order)
    if a.pages:
        a.no_false_corrections = True  # the same as for lines: run without --pages
    if not files:
        sys.exit(f"no pair files for split {a.split!r}")
    systems, notes = [], []
    for name in a.systems.split(","):
        if name == "none":
            systems.insert(0, (BEFORE, lambda lines: lines))
        elif name == "akson":
            for th in (a.akson_threshold.split(",") if a.akson_threshold else [None]):
                run, probe = akson_correct(akson, th, a.akson_model)
                why = probe()
                label = "akson correct" + (f" --threshold {th}" if th is not None else "")
                label += f" --model {os.path.basename(a.akson_model)}" if a.akson_model else ""
                if why:
                    notes.append(f"`{label}` skipped: {why}")
                else:
                    systems.append((label, run))
        elif name == "hunspell":
            h = Hunspell(akson)
            why = h.available()
            lab = "hunspell-lo 1st suggestion"
            (notes.append(f"hunspell-lo skipped: {why}") if why else
             systems.append((lab, cached(lab, h, a.cache) if a.cache else h)))
        elif name in ("symspell-tok", "symspell-seg"):
            s = Symspell(akson, name.split("-")[1])
            why = s.available()
            label = {"tok": "symspellpy lookup per akson word", "seg": "symspellpy word_segmentation"}[s.mode]
            (notes.append(f"{label} skipped: {why}") if why else
             systems.append((label, cached(label, s, a.cache) if a.cache else s)))
        else:
            sys.exit(f"unknown system {name!r}")

    results = {"split": a.split, "files": {}, "false_corrections": {}, "notes": notes}
    rows = []
    all_clean = []
    for path in files:
        tag = os.path.basename(path)[:-4]
        setting, font = tag.split("__")
        src, clean, noisy = (read_pages if a.pages else read_pairs)(path)
        all_clean += clean
        # A page is scored as one string: its lines joined by a space.
        refs = akson.normalize([ws(c) for c in clean])
        ref_words = akson.words(refs)
        results["files"][tag] = {}
        base = None
        for label, fn in systems:
            t0 = time.time()
            hyp = [ws(h) for h in per_page(fn)(noisy)] if a.pages else fn(noisy)
            s = scores(akson, refs, ref_words, hyp, [x.split("/")[0] for x in src])
            s["seconds"] = round(time.time() - t0, 2)
            results["files"][tag][label] = s
            if base is None and label == BEFORE:
                base = s
            rows.append((setting, font, label, len(clean), s, base))
            print(f"{tag:35s} {label:36s} CER {pct(s['cer']):>6s} CER-nsp {pct(s['cer_nsp']):>6s} "
                  f"WER {pct(s['wer']):>6s}  ({s['seconds']}s)", file=sys.stderr, flush=True)

    fc_rows = []
    if not a.no_false_corrections:
        sets = [("clean side of the split", sorted(set(akson.normalize(all_clean))))]
        if a.corpus and os.path.isdir(a.corpus):
            sets.append(("../shared/corpus paragraphs", corpus_paragraphs(akson, a.corpus)))
        for set_name, lines in sets:
            words = akson.words(lines)
            for label, fn in [x for x in systems if x[0] != BEFORE]:
                s = scores(akson, lines, words, fn(lines))
                results["false_corrections"].setdefault(set_name, {})[label] = s
                fc_rows.append((set_name, label, len(lines), s))

    unit = "pages" if a.pages else "lines"
    md = [f"Split `{a.split}`" + (", whole pages (the line breaks of a page count as spaces)" if a.pages else "") +
          "; CER, CER without spaces and WER in %, lower is better; "
          "Δ = relative change of CER against the OCR output.", "",
          f"| setting | font | system | {unit} | ref chars | CER | CER-nsp | WER | Δ CER |",
          "|---|---|---|---:|---:|---:|---:|---:|---:|"]
    for setting, font, label, n, s, base in rows:
        d = "" if base is None or s is base else f"{100 * (s['cer'] - base['cer']) / max(1e-12, base['cer']):+.1f} %"
        md.append(f"| {setting} | {font} | {label} | {n} | {s['chars']} | {pct(s['cer'])} | "
                  f"{pct(s['cer_nsp'])} | {pct(s['wer'])} | {d} |")
    if a.by_doc and rows:
        docs = sorted({d for r in rows for d in r[4]["cer_by_doc"]})
        md += ["", "CER (%) by source document (doc ids as in clean/):", "",
               "| setting | font | system | " + " | ".join(docs) + " |",
               "|---|---|---|" + "---:|" * len(docs)]
        for setting, font, label, n, s, base in rows:
            md.append(f"| {setting} | {font} | {label} | " +
                      " | ".join(pct(s["cer_by_doc"][d]) if d in s["cer_by_doc"] else "–" for d in docs) + " |")
    if fc_rows:
        md += ["", "False corrections on clean text (corrector run on correct text):", "",
               "| clean text | system | lines | words | words changed % | lines changed % |",
               "|---|---|---:|---:|---:|---:|"]
        for set_name, label, n, s in fc_rows:
            md.append(f"| {set_name} | {label} | {n} | {s['words']} | {pct(s['wer'])} | {pct(s['lines_changed'])} |")
    if notes:
        md += [""] + [f"Note: {n}" for n in notes]
    text = "\n".join(md) + "\n"
    print(text)
    if a.json:
        json.dump(results, open(a.json, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    if a.update_readme:
        replace_block(a.update_readme, "pages" if a.pages else "eval", text)


if __name__ == "__main__":
    main()
