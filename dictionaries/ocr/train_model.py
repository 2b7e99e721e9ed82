#!/usr/bin/env python3
"""Estimates akson's OCR error model from the train split of the parallel corpus.

    python3 dictionaries/ocr/train_model.py            # writes model.tsv, context.tsv, context-web.tsv
    python3 dictionaries/ocr/train_model.py --check    # fails if any is out of date
    # the font models (not embedded; `akson correct --model FILE`, ErrorModel.from_tsv):
    python3 dictionaries/ocr/train_model.py --model-only --pattern '*__noto-sans-lao.tsv' \
        --out dictionaries/ocr/models/noto-sans-lao.tsv     # [--check]
    python3 dictionaries/ocr/train_model.py --model-only --pattern '*__noto-serif-lao.tsv' \
        --out dictionaries/ocr/models/noto-serif-lao.tsv    # [--check]

Input: dictionaries/ocr/pairs/train/*__phetsarath-ot.tsv (source<TAB>clean<TAB>noisy):
the train split in Phetsarath OT, the font of Lao decrees (`--pattern` for others;
a model trained on every font was more permissive and changed twice as many correct
words on dev, so the embedded model is the decree font's). Both sides are
whitespace-collapsed and put in canonical form with `akson normalize` (so ໍາ/ຳ and
ຫນ/ໜ are not counted as errors: the corrector normalises first). Each pair is aligned
on code points (confusions.align: a minimum-cost Levenshtein alignment) and the edit
operations are counted:

  sub A B   clean A read as B        cost = -1000 ln P(B | A)
  del A     clean A missing           cost = -1000 ln P(deleted | A)
  del_above A   tone mark A missing where it stands over a vowel sign above
            (ກີ່, ເຕັ້): -1000 ln P(deleted | A over such a vowel); `del A` of a tone
            mark is then the rate elsewhere (on the consonant: ກ່າ, ແລ້ວ)
  ins B     B with nothing behind it  cost = -1000 ln (count(ins B) / clean characters)

with add-half smoothing; operations seen fewer than MIN_COUNT times get the default
costs (the rarest seen operation's cost, rounded up). Costs are milli-nats.

  split A BC  clean A read as the two characters BC    cost = -1000 ln P(BC | A)

A split is a Lao character aligned with another Lao character next to an inserted
one (ໜ read as ຫຼ, ບນ, ປນ or ຫງ; ໝ as ບນ, ປນ, ຫາ, ທນ: in Phetsarath OT Tesseract
reads ໜ right 16 % of the time and ໝ 4 %); splits seen MIN_SPLIT times are counted
as one operation instead of a substitution and an insertion (the skeleton classes
below still come from the plain operations).

Skeleton classes (what the candidate index ignores): characters joined by a
substitution with P >= CLASS_P (union-find) form a class; characters deleted with
P >= DROP_P or inserted at a rate >= DROP_INS per clean character, and the space and
hyphen (line wraps), are dropped.

Context model (context.tsv): syllable bigram counts of the clean text of the train
split (natural text only: the random dictionary-word lines are left out), with
other units as classes (<num> digits, <sp> spaces, <p> punctuation, <lat> other
letters, <s> line start, </s> line end), and how many different tokens follow each
(Witten-Bell smoothing in the corrector, as for the web counts: with about 10,000
tokens, most pairs are unseen, and a fixed prior made a syllable never seen after
a space, such as ຄົນ, look unlikely there). The corrector uses them to compare a
candidate with the text as it stands in its context (ທີ before a number, ທີ່ after
a noun).

Web context (context-web.tsv): the train text has about 10,000 tokens, too few to
know that ຢູ່ ທີ່ ("at") is common and ຢູ່ ທີ is not. Tesseract's Lao word list
(dictionaries/sources/tesseract-lao, Apache-2.0: space-delimited chunks of Lao web
text that Google crawled, 502,144 entries) is far larger. Its entries include every
prefix of a chunk that is itself an entry, listed just before the longer ones, so
only entries that no next entry extends are used (379,897). Each is normalised,
split into syllables, and counted once: syllable counts (kept when at least
WEB_MIN_SYLLABLE chunks have the syllable), the number of different syllables seen
after each (Witten-Bell smoothing in the corrector), and pair counts (kept when at
least WEB_MIN_PAIR chunks have the pair). The corrector scores a link between two
Lao syllables with these counts, any other link with context.tsv. The list is read
from sources/tesseract-lao/words.txt (dictionaries/fetch_sources.sh) or, without it,
from the installed tesseract-ocr-lao 1:4.1.0-2 (its sha256 checked), so CI, which
installs that package for the end-to-end test, rebuilds and compares it too.

Edge specks (model.tsv, `speck` lines): on scans and photocopies Tesseract reads
dirt at the margins as punctuation at the start or end of a line (". ວັນສຸກ",
"ແຫ່ງຊາດ. :"). For three places (`lead`: a token of punctuation alone before the
first space of a line; `attached`: punctuation at the very start of a line, directly
before a letter or digit (".2016-2020" is dirt, "(2016-2020)" and "(E-Government)"
are not: 20 brackets real there, 7 noise); `trail`: a token of punctuation alone after the last space) and
for each character of SPECK_CHARS, the lines count how often the OCR output has the
character there while the clean line does not (noise), and how often the clean text
itself has it there (real). The corrector removes such a token when every character
of it has noise / (noise + real + 1) at or above its threshold, so a bullet "- "
(real at line starts) stays, and a character never seen as noise is never removed.
Alone at a line's start, where a list bullet (•) stands too and Tesseract reads it
as -, ", “, : or +, the corrector removes dots and commas by these counts, and any
other single character as its `bullet` counts say (below); a token of punctuation
with one character besides dots and commas (.“, <., .-) is read as that character,
its dots and commas as dirt.

Bullets (`bullet` lines): the train text has no • bullets, so make_bullets.sh reads
77 train lines with "• " in front through the same four settings
(bullets/train/, with the pattern's font). For each character, the count of
bullets read as it alone before the text. The corrector reads such a token three
ways, with noise and real from the character's `speck lead` counts: a bullet
(bullet / (bullet + noise + real + 1)), dirt (noise / the same) or itself. The
likelier of the first two wins when it reaches its threshold, or when it holds at
least half and the character itself is below 1 - threshold: " and “ become •, :
and + go (dirt more often than a bullet), and - is a real list marker (152 times)
and stays.

Margins (`margin` and `margin_lead` lines): how much dirt a scan shows at its
margins is a property of the document. The train settings fall in two classes by
how often their OCR lines end in a token of punctuation alone (dirt at the right
margin, MARGIN_DIRTY): binarised photocopies (scan200bin: 42 % of its lines) and
the rest (1 line in 2,421). For each class the lines, those that end so, and per
character its `speck lead` noise and `bullet` count are written (they sum to the
pooled counts). The corrector's Document learns from each line's end which class
the document is like (a line ending in punctuation alone is 500 times likelier
with dirty margins, one that does not 1.7 times likelier with clean ones) and
weighs a character alone at a line's start with that class's counts: : is dirt 45
times in the binarised scans and never in the others, where it is a misread
bullet. A model of one class writes no such lines.

Commas (`comma` lines): faded copies read the comma between two words as a full
stop (faded200bin: 111 of the 115 full stops between two words of its OCR lines
were commas, and 3 commas were read as commas), the other settings seldom (15 of
49, with 355 commas read as such). A full stop after an item letter or an
abbreviation (one to four consonants alone: ກ., ປອ., ປທສ.) does not count. The settings in two classes by that share
(COMMA_FADED); for each, its lines, its OCR lines' commas and full stops between
two words, and how many of those full stops were commas. The corrector's
Document weighs each line's commas and full stops between two words as evidence
of the class (rates per line, as Poisson counts), and in a document that its
earlier lines show to be faded writes a full stop between two words as a comma.

Mid-line specks (`speck glued` lines): inside a line Tesseract reads dirt as
punctuation stuck to the start of a word (".ໄດ້ມີ": punctuation starting a token other
than the first, directly before a Lao letter). These are counted per line pair and
per page of the train split's pages (pages/train/, make_pages.py: whole pages OCR'd
at once, where most specks fall inside lines): noise is how many more such tokens
holding the character the OCR output has than the clean text, real how many the
clean text has. (Tokens of punctuation alone between two words are specks too, but
the corrector leaves them: Lao typists put spaces around commas and full stops.)

Junk runs (the `junk` line): on scans Tesseract also reads dirt at a line's start as
a row of short tokens (`<. ວວ , ມ , ການກິນ...`). junk_run finds such a run (two or more
tokens of punctuation or of at most three Lao characters with punctuation among them,
but not a list of short words with commas, `ແມ່ , ພໍ່ ,`; or any such tokens with
one of Lao vowels and marks alone (ະ, າ), not counting a short word, a bullet or an
enumeration such as ກ. or ( ກ ) right before the text); over the train line pairs, a run in the OCR output is noise when the line
without it is closer to the clean line, real otherwise (or when the clean line has
one). The corrector removes a run when noise / (noise + real + 1) reaches its
threshold; src/correct.rs applies the same rules (tests/ocr/junk-runs.tsv checks both).

Stutters (the `stutter` line): on pages Tesseract sometimes reads the start of a
word twice, as a token of its own before it (ແ ແລະ, ຂໍ ຂໍ້ມູນ, ທີ່ ທີ່ຫ້ອງ; see
is_stutter), or at the end of the token before, as a broken syllable (ຂໍ້ມ ມູນ,
ທີ່ເ ເປັນ; see broken_tail). Counted the same way over the train lines and pages:
how many more the OCR output has than the clean text (noise), and how many the
clean text has (real).

Roman numerals (`roman` and `roman_tokens` lines): Lao laws and decrees number
parts, congresses and five-year plans with Roman numerals after the ordinal ທີ
(ພາກທີ II, ຄັ້ງທີ IX). Tesseract's Lao model has no Latin letters and reads them as
punctuation: I as | or !, V as ໄ/ or /, X as )(, 7( or ](. The train text has none,
so make_roman.sh reads I to XX in four decree phrases through the four settings
(roman/train/; three other phrases in roman/dev/ measure the result). EM over
those pairs (ROMAN_EM_ROUNDS rounds) estimates how each letter is read: as up to
ROMAN_MAX_READ characters, or as none, summed over every alignment of the
numeral with the token; `roman LETTER CHARS COST` (CHARS `-` for none) for the
readings of probability ROMAN_MIN_P or more. `roman_tokens NUMERALS REAL` counts
the tokens after an ordinal that were numerals, and the tokens after an ordinal in
the ordinary train lines that the readings explain but were something else (0:
such a token is always a misread numeral). The corrector scores each numeral from I
to XXXIX by its likeliest reading as a token after ທີ (with a prior of 1/n) and
writes the best when confident (src/correct.rs; tests/ocr/roman-tokens.tsv checks
that both take the same tokens).

Calibration (`calib` lines): the corrector's confidence comes from its scores, and
for some changes they are too timid. ທີ standing before a word is nearly always
ທີ່ with its tone mark lost (over the vowel sign, where Tesseract drops it about
half the time), but the dictionary's costs, which the word lists' priors dominate,
make ທີ່ only about 4.5 times likelier than ທີ (decree text has it about 20 times
as often), so the corrector gives ທີ່ 0.6 to 0.85 there, below the threshold. So the corrector
(the release binary, with the model as built so far) is run on the train lines at
a threshold of 0.5, and each change it proposes as a span's best reading is
tried alone on its line: right when the line comes closer to the clean line. For
each (span read, word written) proposed at least MIN_CALIB times, with more right
than wrong, `calib READ WRITTEN PROPOSED RIGHT` is written (READ and WRITTEN in
canonical form, as hexadecimal code points, a ໆ at the end taken off both). The
corrector takes (RIGHT + 1) / (PROPOSED + 2) as the confidence of such a change
when that is higher than its own (ທີ → ທີ່: 53 of 53, 0.98). The binary runs
with the model text as built so far, without `calib` lines (`--model`), so the
counts depend neither on the lines of a previous build nor on the model the
binary embeds. A change of the corrector's scoring changes the counts, so
model.tsv (and the font models) must then be rebuilt: `--check` in CI says so.

The output is deterministic (sorted, integer costs), so CI can rebuild and compare.
"""
import argparse, collections, glob, hashlib, json, math, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
from confusions import align_full  # noqa: E402
from evaluate import lev as edit_distance  # noqa: E402

MIN_COUNT = 3
# A split (one clean character read as two others, ໜ as ຫຼ) is a model entry of its
# own when seen at least this often.
MIN_SPLIT = 5
CLASS_P = 0.01
# A change the corrector proposed on the train lines is written with its record
# (`calib`) when proposed at least this often: (right + 1) / (proposed + 2) is then
# 0.8 or more if it was always right, below the default threshold of 0.9 until 8.
MIN_CALIB = 3
DROP_P = 0.03
# An insertion is common enough to drop the character from skeletons at this rate per
# clean character.
DROP_INS = 0.001
# Unseen operations cost this much more than the rarest seen one.
UNSEEN = 3000
# Pairs whose edit rate is above this are Tesseract losing the line (layout
# failures), not glyph confusions: they are left out.
MAX_PAIR_ERROR = 0.3
# Left out of skeletons whatever the counts: the pre-vowels and ◌ັ, which the
# decree-digitising teams see dropped or swapped (ຕັກໂນໂລຊີ for ເຕັກໂນໂລຊີ, ແ/ເ, ໂ/ໄ/ໃ).
ALWAYS_DROP = set("ເແໂໄໃ\u0EB1")
# Punctuation that Tesseract makes of specks; only these are counted as edge specks.
SPECK_CHARS = set(".,:;!?|#<>+=_~`^*\"'-()[]{}/\\\u2018\u2019\u201C\u201D\u2026\u2022\u00B7")


# Tone marks, and the vowel signs above a consonant that a tone mark may stand on
# (◌ັ ◌ິ ◌ີ ◌ຶ ◌ື ◌ົ ◌ໍ; see `del_above`).
TONE_MARKS = set("\u0ec8\u0ec9\u0eca\u0ecb")
ABOVE_VOWELS = set("\u0eb1\u0eb4\u0eb5\u0eb6\u0eb7\u0ebb\u0ecd")


def count_ops(al, sub, dele, ins):
    """Adds the edit operations of an alignment (see `align_full`) to the counters."""
    for x, y in al:
        if x == y:
            continue
        if x and y:
            sub[x, y] += 1
        elif x:
            dele[x] += 1
        else:
            ins[y] += 1


def split_steps(al, allowed):
    """The splits of an alignment (see `align_full`): (positions, (x, "yz")) where the
    Lao character x is aligned with y and the insertion z next to it (either side),
    both Lao and neither x; with `allowed`, only those splits, without overlaps."""
    used = set()
    for k, (x, y) in enumerate(al):
        if not (x and y and x != y and is_lao(x) and is_lao(y)):
            continue
        for j, pair in ((k + 1, lambda z: y + z), (k - 1, lambda z: z + y)):
            if not 0 <= j < len(al) or j in used:
                continue
            w, z = al[j]
            if w or not is_lao(z) or z == x:
                continue
            s = (x, pair(z))
            if allowed is None or s in allowed:
                used.update((k, j))
                yield (k, j), s
                break


def canonical(akson, lines):
    data = "".join(" ".join(l.split()) + "\n" for l in lines).encode("utf-8")
    out = subprocess.run([akson, "normalize"], input=data, stdout=subprocess.PIPE, check=True).stdout
    res = out.decode("utf-8").split("\n")[:-1]
    assert len(res) == len(lines)
    return res


def cost(p):
    return int(round(-1000 * math.log(p)))


def is_lao(c):
    return 0x0E80 <= ord(c) <= 0x0EFF


def is_lao_consonant(c):
    """Whether `c` is a Lao consonant (ກ to ຮ, ໜ, ໝ, ໞ, ໟ)."""
    return "\u0e81" <= c <= "\u0eae" or "\u0edc" <= c <= "\u0edf"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--akson", default=os.path.join(ROOT, "target", "release", "akson"))
    ap.add_argument("--out", default=os.path.join(HERE, "model.tsv"))
    ap.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    ap.add_argument("--pattern", default="*__phetsarath-ot.tsv", help="which train files (glob)")
    ap.add_argument("--pages-pattern", default="*__phetsarath-ot.tsv",
                    help="which train page files (pages/train/, glob) count mid-line specks")
    ap.add_argument("--model-only", action="store_true",
                    help="write (or check) --out only, not context.tsv (for the font models in models/)")
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(HERE, "pairs", "train", args.pattern)))
    if not files:
        sys.exit("no pairs/train/*.tsv: run dictionaries/ocr/generate.sh first")
    clean, noisy = [], []
    ranges = []  # (file, first line, end) of each train file
    for f in files:
        start = len(clean)
        for _, c, o in read_pairs(f):
            clean.append(c)
            noisy.append(o)
        ranges.append((f, start, len(clean)))
    clean, noisy = canonical(args.akson, clean), canonical(args.akson, noisy)

    n = collections.Counter()  # clean character occurrences
    sub = collections.Counter()
    dele = collections.Counter()
    ins = collections.Counter()
    split = collections.Counter()
    skipped = 0
    kept = []
    for c, o in zip(clean, noisy):
        al = align_full(c, o)
        if sum(1 for x, y in al if x != y) > MAX_PAIR_ERROR * max(len(c), 1):
            skipped += 1
            continue
        kept.append(al)
    # Splits: a Lao character aligned with two other Lao characters (a substitution
    # next to an insertion). Those seen MIN_SPLIT times are counted as one operation.
    candidates = collections.Counter(s for al in kept for _, s in split_steps(al, None))
    splits = {s for s, k in candidates.items() if k >= MIN_SPLIT}
    # Skeleton classes and dropped characters come from the plain character
    # operations, splits not taken out (ໜ read as ຫງ keeps ງ in the class of ໜ).
    raw_sub, raw_del, raw_ins = collections.Counter(), collections.Counter(), collections.Counter()
    for al in kept:
        count_ops(al, raw_sub, raw_del, raw_ins)
    for al in kept:
        n.update(x for x, _ in al if x)
        taken = set()
        for ks, s in split_steps(al, splits):
            split[s] += 1
            taken.update(ks)
        count_ops([op for k, op in enumerate(al) if k not in taken], sub, dele, ins)
    total = sum(n.values())
    # Tone marks over a vowel sign above the consonant are dropped far more often
    # than tone marks on the consonant itself (about half the time against a few
    # per cent on scan150jpg): their deletions are counted apart (`del_above`).
    n_above, del_above = collections.Counter(), collections.Counter()
    for al in kept:
        prev = ""
        for x, y in al:
            if x:
                if x in TONE_MARKS and prev in ABOVE_VOWELS:
                    n_above[x] += 1
                    if not y:
                        del_above[x] += 1
                prev = x
    specks = speck_counts(clean, noisy)
    page_files = sorted(glob.glob(os.path.join(HERE, "pages", "train", args.pages_pattern)))
    units = [([c], [o]) for c, o in zip(clean, noisy)]
    for f in page_files:
        with open(f, encoding="utf-8") as fh:
            rows = [line.rstrip("\n").split("\t") for line in fh]
        pc = canonical(args.akson, [l for r in rows for l in r[1].split("\\n")])
        po = canonical(args.akson, [l for r in rows for l in r[2].split("\\n")])
        i = j = 0
        for r in rows:
            nc, no = len(r[1].split("\\n")), len(r[2].split("\\n"))
            units.append((pc[i:i + nc], po[j:j + no]))
            i, j = i + nc, j + no
    for key, v in mid_speck_counts(units).items():
        specks[key] = v
    syllables = token_syllables(args.akson, units)
    stutter = noise_counts(units, lambda l: stutters(l, syllables))
    junk = junk_counts(clean, noisy)
    bullets = bullet_counts(args.pattern)
    roman = roman_model(args.pattern, files)
    margins = margin_counts(clean, noisy, ranges)
    commas = comma_counts(clean, noisy, ranges)

    lines = [
        "# akson OCR error model: costs in milli-nats (-1000 ln p), characters as code points.",
        "# generated by `python3 dictionaries/ocr/train_model.py` from "
        + ", ".join(os.path.relpath(f, ROOT) for f in files)
        + " (mid-line specks also from " + ", ".join(os.path.relpath(f, ROOT) for f in page_files) + ")",
        f"# {len(clean) - skipped} line pairs ({skipped} with over {MAX_PAIR_ERROR:.0%} edits left out), {total} clean characters; "
        f"{sum(sub.values())} substitutions, {sum(dele.values())} deletions, {sum(ins.values())} insertions, "
        f"{sum(split.values())} splits",
    ]
    subs, dels, inss = [], [], []
    for (x, y), k in sub.items():
        if k >= MIN_COUNT:
            subs.append((x, y, cost((k + 0.5) / (n[x] + 1))))
    for x, k in dele.items():
        if x in n_above and del_above[x] >= MIN_COUNT:
            # Elsewhere than over a vowel sign above.
            k, m = k - del_above[x], n[x] - n_above[x]
            if k >= MIN_COUNT:
                dels.append((x, cost((k + 0.5) / (m + 1))))
        elif k >= MIN_COUNT:
            dels.append((x, cost((k + 0.5) / (n[x] + 1))))
    dels_above = [(x, cost((k + 0.5) / (n_above[x] + 1)))
                  for x, k in del_above.items() if k >= MIN_COUNT]
    for y, k in ins.items():
        if k >= MIN_COUNT:
            inss.append((y, cost((k + 0.5) / (total + 1))))
    spls = []
    for (x, y), k in split.items():
        spls.append((x, y, cost((k + 0.5) / (n[x] + 1))))
    rare = lambda xs: int(math.ceil(max(c for *_, c in xs) / 1000.0) * 1000) + UNSEEN if xs else 10000
    lines.append(f"default\tsub\t{rare(subs)}")
    lines.append(f"default\tdel\t{rare(dels)}")
    lines.append(f"default\tins\t{rare(inss)}")

    # Skeleton classes: union-find over likely substitutions between Lao characters.
    parent = {}

    def find(a):
        parent.setdefault(a, a)
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for (x, y), k in sorted(raw_sub.items()):
        if k >= MIN_COUNT and is_lao(x) and is_lao(y) and k / n[x] >= CLASS_P:
            a, b = find(x), find(y)
            if a != b:
                parent[max(a, b)] = min(a, b)
    drop = {" ", "-"} | ALWAYS_DROP
    for x, k in raw_del.items():
        if k >= MIN_COUNT and is_lao(x) and k / n[x] >= DROP_P:
            drop.add(x)
    for y, k in raw_ins.items():
        if k >= MIN_COUNT and is_lao(y) and k / total >= DROP_INS:
            drop.add(y)
    classes = collections.defaultdict(list)
    for c in list(parent):
        if c not in drop:
            classes[find(c)].append(c)
    hexs = lambda cs: " ".join(f"{ord(c):04X}" for c in sorted(cs))
    for _, members in sorted(classes.items()):
        if len(members) > 1:
            lines.append(f"class\t{hexs(members)}")
    lines.append(f"drop\t{hexs(drop)}")
    for x, y, c in sorted(subs):
        lines.append(f"sub\t{ord(x):04X}\t{ord(y):04X}\t{c}")
    for x, c in sorted(dels):
        lines.append(f"del\t{ord(x):04X}\t{c}")
    for x, c in sorted(dels_above):
        lines.append(f"del_above\t{ord(x):04X}\t{c}")
    for y, c in sorted(inss):
        lines.append(f"ins\t{ord(y):04X}\t{c}")
    for x, y, c in sorted(spls):
        lines.append(f"split\t{ord(x):04X}\t{ord(y[0]):04X} {ord(y[1]):04X}\t{c}")
    for (where, ch), (noise, real) in sorted(specks.items()):
        lines.append(f"speck\t{where}\t{ord(ch):04X}\t{noise}\t{real}")
    lines.append(f"stutter\t{stutter[0]}\t{stutter[1]}")
    lines.append(f"junk\t{junk[0]}\t{junk[1]}")
    for ch, k in sorted(bullets.items()):
        lines.append(f"bullet\t{ord(ch):04X}\t{k}")
    if roman:
        readings, numerals, real = roman
        for letter in sorted(readings):
            for read, p in sorted(readings[letter].items()):
                chars = " ".join(f"{ord(c):04X}" for c in read) or "-"
                lines.append(f"roman\t{ord(letter):04X}\t{chars}\t{cost(p)}")
        lines.append(f"roman_tokens\t{numerals}\t{real}")
    # Both classes or none, for commas and margins: a model of one class has
    # nothing to tell apart.
    for name, (n_lines, n_comma, n_period, n_was_comma) in sorted(commas.items()) if len(commas) == 2 else []:
        lines.append(f"comma\t{name}\t{n_lines}\t{n_comma}\t{n_period}\t{n_was_comma}")
    for name, (n_lines, trail, lead, bul) in sorted(margins.items()) if len(margins) == 2 else []:
        lines.append(f"margin\t{name}\t{n_lines}\t{trail}")
        for ch in sorted(set(lead) | set(bul)):
            lines.append(f"margin_lead\t{name}\t{ord(ch):04X}\t{lead.get(ch, 0)}\t{bul.get(ch, 0)}")
    calib = calibration(args.akson, "\n".join(lines) + "\n", files)
    for (read, written), (proposed, right) in sorted(calib.items()):
        # Only a record of more right than wrong can raise a confidence of at
        # least one half (the corrector takes the higher of the two).
        if proposed >= MIN_CALIB and 2 * right > proposed:
            hexs_text = lambda t: " ".join(f"{ord(c):04X}" for c in t)
            lines.append(f"calib\t{hexs_text(read)}\t{hexs_text(written)}\t{proposed}\t{right}")
    text = "\n".join(lines) + "\n"

    outputs = [(args.out, text)]
    if not args.model_only:
        here = os.path.dirname(args.out)
        outputs.append((os.path.join(here, "context.tsv"), context_model(args.akson)))
        outputs.append((os.path.join(here, "context-web.tsv"), web_context(args.akson)))
    if args.check:
        for path, want in outputs:
            with open(path, encoding="utf-8") as fh:
                if fh.read() != want:
                    sys.exit(f"{path} is out of date: run python3 dictionaries/ocr/train_model.py")
            print(f"{os.path.relpath(path, ROOT)} is up to date")
        return
    for path, want in outputs:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(want)
    print(f"wrote {os.path.relpath(args.out, ROOT)}: {len(subs)} substitutions, {len(dels)} deletions, "
          f"{len(inss)} insertions, {sum(1 for m in classes.values() if len(m) > 1)} classes, "
          f"{len(drop)} dropped characters", file=sys.stderr)


def edge_tokens(line):
    """The speck-like tokens at the edges of a whitespace-collapsed line, as
    (place, token) pairs: see the module documentation."""
    toks = line.split(" ")
    is_speck = lambda t: t != "" and all(c in SPECK_CHARS for c in t)
    out = []
    i = 0
    while i < len(toks) - 1 and is_speck(toks[i]):
        out.append(("lead", toks[i]))
        i += 1
    j = len(toks)
    while j - 1 > i and is_speck(toks[j - 1]):
        out.append(("trail", toks[j - 1]))
        j -= 1
    if i < j and speck_prefix(toks[i], digits=True):
        out.append(("attached", speck_prefix(toks[i], digits=True)))
    return out


def speck_prefix(t, digits=False):
    """The speck-like punctuation that starts token `t`, directly before a Lao
    letter, or with `digits` before any letter or digit ('' if none)."""
    k = 0
    while k < len(t) and t[k] in SPECK_CHARS:
        k += 1
    if not 0 < k < len(t):
        return ""
    return t[:k] if 0x0E80 <= ord(t[k]) <= 0x0EFF or (digits and t[k].isalnum()) else ""


def mid_tokens(line):
    """The speck-like tokens inside a whitespace-collapsed line, as (place, token)
    pairs: see the module documentation."""
    return [("glued", speck_prefix(t)) for t in line.split(" ")[1:] if speck_prefix(t)]


def mid_speck_counts(units):
    """(place, character) -> [noise, real] of mid-line specks over units of text
    (a line pair, or the lines of a page), each given as (clean lines, OCR lines)."""
    counts = collections.defaultdict(lambda: [0, 0])
    for clean, noisy in units:
        c = collections.Counter((w, ch) for l in clean for w, t in mid_tokens(l) for ch in t)
        o = collections.Counter((w, ch) for l in noisy for w, t in mid_tokens(l) for ch in t)
        for key in o:
            counts[key][0] += max(0, o[key] - c[key])
        for key in c:
            counts[key][1] += c[key]
    return dict(counts)


TONES = "\u0EC8\u0EC9\u0ECA\u0ECB"


def is_stutter(a, b):
    """Whether token `a` is Tesseract repeating the start of the token `b` after it
    (ແ ແລະ, ຂໍ ຂໍ້ມູນ, ທີ່ ທີ່ຫ້ອງ): `a` is one to four Lao letters and marks, the
    Lao letters and marks that `b` starts with are more and start with `a`, tone
    marks left out of both (tokens in canonical form)."""
    letter = lambda c: 0x0E81 <= ord(c) <= 0x0ECD or 0x0EDC <= ord(c) <= 0x0EDF
    if not 1 <= len(a) <= 4 or not all(letter(c) for c in a):
        return False
    k = 0
    while k < len(b) and letter(b[k]):
        k += 1
    if k <= len(a):
        return False
    bare = lambda t: "".join(c for c in t if c not in TONES)
    return bare(b[:k]).startswith(bare(a)) and bare(a) != ""


def is_broken(syllable):
    """Whether a syllable (canonical) is no syllable a word can end with: one
    consonant alone (the ມ of ຂໍ້ມ), a vowel written before its consonant alone
    (ເ), or one consonant with ັ or ົ and no final (ສັ); tone marks aside, a
    consonant with ຼ as one (as src/correct.rs is_broken). (ວ and ອ are vowels
    after a consonant: ຫຼວງ and ສອນ are whole syllables.)"""
    bare = "".join(c for c in syllable if c not in TONES)
    if len(bare) == 1 and "\u0EC0" <= bare <= "\u0EC4":
        return True
    if bare[-1:] in ("\u0EB1", "\u0EBB"):
        bare = bare[:-1]
    if bare[-1:] == "\u0EBC":
        bare = bare[:-1]
    return len(bare) == 1 and is_lao_consonant(bare)


def broken_tail(syllables):
    """The last of a token's `syllables` (in canonical form), if there is another
    before it and the last is broken (ຂໍ້ມ, ທີ່ເ, ຜົນສັ; as src/correct.rs
    broken_tail)."""
    return syllables[-1] if len(syllables) >= 2 and is_broken(syllables[-1]) else None


def stutters(line, syllables):
    """How many tokens of `line` (canonical) are the start of the next token read
    twice: the whole token (ແ ແລະ) or its broken last syllable (ຂໍ້ມ ມູນ);
    `syllables` maps a token to its syllables."""
    toks = line.split()
    n = 0
    for a, b in zip(toks, toks[1:]):
        tail = broken_tail(syllables.get(a, [a]))
        n += is_stutter(a, b) or (tail is not None and is_stutter(tail, b))
    return n


def token_syllables(akson, units):
    """The syllables of every token of units of (clean lines, OCR lines)."""
    tokens = sorted({t for clean, noisy in units for l in clean + noisy for t in l.split()})
    sep = "\u241f"
    data = "".join(t + "\n" for t in tokens).encode("utf-8")
    out = subprocess.run([akson, "segment", "--unit", "syllable", "--sep", sep], input=data,
                         stdout=subprocess.PIPE, check=True).stdout.decode("utf-8").split("\n")[:-1]
    assert len(out) == len(tokens)
    return {t: o.split(sep) for t, o in zip(tokens, out)}


def noise_counts(units, count):
    """[noise, real]: how many more of something (`count` of a line) the OCR
    lines of units of (clean lines, OCR lines) have than the clean lines, and how
    many the clean lines have."""
    noise = real = 0
    for clean, noisy in units:
        c = sum(count(l) for l in clean)
        noise += max(0, sum(count(l) for l in noisy) - c)
        real += c
    return [noise, real]


# A digit with one or two ASCII punctuation marks, as items are numbered (1. 2,), or
# dirt read as one.
NUMBERING = re.compile("[0-9][!-/:-@\\[-`{-~]{1,2}")
# An enumeration at a line start: ກ. ຂ) (ຄ)
ENUMERATION = re.compile("\\(?[\u0E81-\u0EAE][.)]")
# How Tesseract reads a list bullet (•) or dash at a line start.
BULLETS = {"-", "\u2022", "+", '"', "\u201C", "\u201D", ":", "*"}
# A consonant with a tone mark and no vowel (ດ້, ຈ້.): no Lao syllable is written so.
BARE_TONED = re.compile("[\u0E81-\u0EAE\u0EDC-\u0EDF][\u0EC8-\u0ECB]+[!-/:-@\\[-`{-~]*")
# A Lao digit with one or two ASCII punctuation marks, as items are numbered (໑.).
LAO_NUMBERING = re.compile("[\u0ED0-\u0ED9][!-/:-@\\[-`{-~]{1,2}")
# A token shaped like a Lao word (is_word_shaped): a consonant, maybe after a vowel
# written before it, then letters, vowels, marks and ໆ (not digits or such a vowel).
WORD_SHAPED = re.compile("[\u0EC0-\u0EC4]?[\u0E81-\u0EAE\u0EDC-\u0EDF][\u0E81-\u0EBF\u0EC5-\u0ECD]*")


def is_junk_token(t):
    """Whether a token looks like dirt read as text: punctuation alone, a digit with
    punctuation (9, 2.: NUMBERING), or Lao
    letters and marks (with punctuation or not, no digits or Latin) of up to three
    characters, or up to five with one letter that is not a mark above or below
    (ກູ່, ຂໍ້.)."""
    lao = lambda ch: 0x0E80 <= ord(ch) <= 0x0EFF
    if t and all(not ch.isalnum() and not lao(ch) for ch in t):
        return True
    if NUMBERING.fullmatch(t):
        return True
    # Combining marks above and below (ັ ິ ີ ຶ ື ຸ ູ ົ ຼ, tones, ໍ) do not count as letters.
    mark = lambda ch: ord(ch) == 0x0EB1 or 0x0EB4 <= ord(ch) <= 0x0EBC or 0x0EC8 <= ord(ch) <= 0x0ECD
    letters = sum(1 for ch in t if lao(ch) and not mark(ch))
    if not (1 <= len(t) <= 3 or len(t) <= 5 and letters <= 1) or not any(lao(ch) for ch in t):
        return False
    if any(ch.isalnum() and not lao(ch) for ch in t):
        return False
    return True


def is_word_shaped(t):
    """Whether a token is shaped like a Lao word: two or more characters, Lao
    letters, vowels, marks and ໆ only (no digits), a consonant first or after one
    vowel written before it (ເ ແ ໂ ໃ ໄ), no such vowel anywhere else, a vowel or mark
    somewhere unless it has three characters or more (ຂອງ, not ວດ), no final
    consonant after ໃ or ໄ (ໃສ, ໃຫ້, not ໃສກ), and not a consonant with tone marks and
    no vowel (ດ້)."""
    consonant = lambda ch: 0x0E81 <= ord(ch) <= 0x0EAE or 0x0EDC <= ord(ch) <= 0x0EDF
    body = t[1:] if t[:1] in ("\u0EC0", "\u0EC1", "\u0EC2", "\u0EC3", "\u0EC4") else t
    n_cons = sum(1 for ch in body if consonant(ch))
    # ໃ and ໄ end their syllable: one consonant after them, or a ຫ-cluster.
    open_ = t[:1] not in ("\u0EC3", "\u0EC4") or n_cons == 1 or n_cons == 2 and body.startswith("\u0EAB")
    return (len(t) >= 2 and bool(WORD_SHAPED.fullmatch(t)) and not BARE_TONED.fullmatch(t)
            and (len(t) >= 3 or not all(consonant(ch) for ch in t)) and open_)


def is_list_marker(t):
    """Whether a token marks a list item at a line's start: a bullet as Tesseract reads
    one (BULLETS), an enumeration (ກ., (ຂ)) or a number (1., ໑.)."""
    return bool(t in BULLETS or ENUMERATION.fullmatch(t) or NUMBERING.fullmatch(t)
                or LAO_NUMBERING.fullmatch(t))


def after_list_markers(toks):
    """`toks` without the list markers they start with (is_list_marker, and an
    enumeration written with spaces, `( ກ )`)."""
    while True:
        if len(toks) >= 3 and toks[0] == "(" and ENUMERATION.fullmatch(toks[1] + ")") and toks[2] == ")":
            toks = toks[3:]
        elif toks and is_list_marker(toks[0]):
            toks = toks[1:]
        else:
            return toks


def is_separator(t):
    """Whether a token separates the items of a list or the cells of a table row: a
    comma, semicolon, slash, bar, colon or dash, or a dot leader (`...`, `…`)."""
    return t in (",", ";", "/", "|", ":", "-", "\u2013", "\u2014", "\u2026") or (len(t) >= 3 and set(t) == {"."})


def is_comma_list(toks):
    """Whether tokens (at a line's start) are short words or Lao numbers followed by a
    comma or another separator (is_separator; `,` `;` `/` `|` `:` also stuck to the
    word), in one group or more (`ແມ່ , ພໍ່ ,`, `ປີ, ມື້,`, `ປີ ນີ້ ,`, `໑ , ໒ ,`,
    `ແມ່ ; ພໍ່ ;`, `ຍິງ /`, `ປີ | ຊາຍ |`, `ເພດ :`, `ຊື່ ........`), maybe after list
    markers (`1.`, `-`, `( ກ )`, is_list_marker): text, a list or a form's row, not
    dirt, though the words are as short as dirt read as text. No two separators stand
    together, and the last token is or ends in one."""
    toks = after_list_markers(toks)
    lao_number = lambda t: all(0x0ED0 <= ord(ch) <= 0x0ED9 for ch in t)
    after_comma = True
    for t in toks:
        if is_separator(t):
            if after_comma:
                return False
            after_comma = True
            continue
        item = t[:-1] if t.endswith((",", ";", "/", "|", ":")) else t
        if not (is_word_shaped(item) or item and lao_number(item)):
            return False
        after_comma = len(item) < len(t)
    return after_comma and len(toks) > 0


# The Lao consonants in the order of the alphabet, as items are lettered (ກ, ຂ, ຄ).
ALPHABET = "ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮ"


def is_letter_list(toks):
    """Whether tokens (at a line's start) are item letters in the alphabet's order, two
    or more, with a comma or semicolon after each (alone or stuck to it) or ແລະ or ຫຼື
    before the last (`ກ , ຂ ແລະ ຄ`, `ຄ, ງ,`), maybe after list markers
    (after_list_markers): a reference to lettered items, cut from the line before.
    Dirt read as letters (`ມ , ຊ ມ,`) is not in the alphabet's order."""
    letters, last, joined = 0, None, True
    for t in after_list_markers(toks):
        if t in (",", ";", "ແລະ", "ຫຼື", "ຫລື"):
            # One comma or conjunction after each letter, none before the first.
            if joined:
                return False
            joined = True
            continue
        item = t[:-1] if t.endswith((",", ";")) else t
        if len(item) != 1 or item not in ALPHABET:
            return False
        k = ALPHABET.index(item)
        if not joined or (last is not None and k != last + 1):
            return False
        letters, last, joined = letters + 1, k, len(item) < len(t)
    return letters >= 2


def junk_run(line):
    """How many tokens at the start of a whitespace-collapsed line are a run of dirt
    (`<. ວວ , ມ , ການກິນ...`): the junk-like tokens before the rest of the line (one
    token at least is left), less those just before the rest that may be real: two
    or more Lao characters (a short word), a list bullet as Tesseract reads one
    (BULLETS), an enumeration (ກ., (ຂ) or ( ຄ )) or a number (1., ໔), but not a consonant
    with a tone mark and no vowel (ດ້) first on the line; 0 unless two or more are
    left with punctuation among them (ແລະ ໆ is text) and they are not a list of short
    words with commas (`ແມ່ , ພໍ່ ,`: is_comma_list) or item letters in order (`ກ , ຂ ແລະ ຄ`:
    is_letter_list), or one at least is Lao vowels and marks
    alone (ະ, າ: no line starts so), or the first is such a consonant (inside a line it
    is more often a misread short word: ຫ່ for ຫຼື)."""
    lao = lambda ch: 0x0E80 <= ord(ch) <= 0x0EFF
    toks = line.split(" ")
    k = 0
    while k + 1 < len(toks) and is_junk_token(toks[k]):
        k += 1
    while True:
        if k >= 3 and toks[k - 3] == "(" and ENUMERATION.fullmatch(toks[k - 2] + ")") and toks[k - 1] == ")":
            k -= 3  # ( ກ ): an enumeration written with spaces
        elif k > 0 and (toks[k - 1] in BULLETS or ENUMERATION.fullmatch(toks[k - 1]) or NUMBERING.fullmatch(toks[k - 1])
                        or all(0x0ED0 <= ord(ch) <= 0x0ED9 for ch in toks[k - 1])
                        or len(toks[k - 1]) >= 2 and all(lao(ch) for ch in toks[k - 1])
                        and not (k == 1 and BARE_TONED.fullmatch(toks[0]))):
            k -= 1
        else:
            break
    punct = any(not all(lao(ch) for ch in t) for t in toks[:k]) and not (is_comma_list(toks[:k]) or is_letter_list(toks[:k]))
    # Lao vowels and marks alone (ະ, າ, ເ; not ໆ or digits) cannot start a line of text.
    vowel = lambda ch: 0x0EB0 <= ord(ch) <= 0x0EBC or 0x0EC0 <= ord(ch) <= 0x0EC4 or 0x0EC8 <= ord(ch) <= 0x0ECD
    stray = any(all(vowel(ch) for ch in t) for t in toks[:k]) or (k >= 1 and BARE_TONED.fullmatch(toks[0]))
    return k if (k >= 2 and punct) or (k >= 1 and stray) else 0


def junk_counts(clean, noisy):
    """[noise, real] of junk runs at line starts over the line pairs: a run in the
    OCR output is noise when the line without it is closer to the clean line;
    runs the clean text has, and those whose removal does not help, are real."""
    noise = real = 0
    for c, o in zip(clean, noisy):
        c, o = " ".join(c.split()), " ".join(o.split())
        if junk_run(c):
            real += 1
        k = junk_run(o)
        if k:
            rest = " ".join(o.split(" ")[k:])
            if all(t and not any(ch.isalnum() or is_lao(ch) for ch in t) for t in rest.split(" ")):
                rest = ""  # a line of dirt only: the corrector empties it
            if edit_distance(c, rest) < edit_distance(c, o):
                noise += 1
            else:
                real += 1
    return [noise, real]


BULLET = "\u2022"

# Roman numerals after the ordinal ທີ (`roman` and `roman_tokens` lines).
# A token ending in ທ with no vowel sign or with one Tesseract reads for ີ (ພາກທ,
# ຄັ້ງທິ, ນວດທ໌): the ordinal ທີ as read.
ROMAN_ORDINAL = re.compile("\u0e97[\u0eb4\u0eb5\u0eb6\u0eb7\u0ecc]?$")
ROMAN_LETTERS = "IVX"
# A letter is read as at most this many characters (X as 7( or )(), or as none.
ROMAN_MAX_READ = 3
ROMAN_EM_ROUNDS = 30
# Readings of a letter kept in the model: at least this probability.
ROMAN_MIN_P = 0.005


def roman(n):
    """The Roman numeral of 1 <= n <= 39."""
    out = ""
    for v, r in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + r, n - v
    return out


def roman_token(t):
    """Whether an OCR token may be a Roman numeral misread: short, no Lao
    consonant, no Latin letter, and not a number (at most one digit, and more than
    it: Tesseract reads X as 7(); the corrector's test in src/correct.rs is the
    same."""
    return (0 < len(t) <= 12 and not any(is_lao_consonant(c) for c in t)
            and not any(c.isascii() and c.isalpha() for c in t)
            and sum(c.isdigit() for c in t) <= 1
            and not re.fullmatch(r"[0-9][.:,;)]*", t))


def roman_after_ordinal(tokens, is_ordinal):
    """Indices of the tokens right after an ordinal token."""
    return [i + 1 for i in range(len(tokens) - 1) if is_ordinal(tokens[i])]


def is_ordinal(t):
    """Whether a clean token ends in the ordinal ທີ."""
    return t.endswith("\u0e97\u0eb5")


def token_pairs(paths):
    """The (clean tokens, noisy tokens) of every source<TAB>clean<TAB>noisy row."""
    for f in paths:
        for _, clean, noisy in read_pairs(f):
            yield clean.split(), noisy.split()


def roman_cost(readings, token, numeral):
    """-ln P(token | numeral) on the best alignment, None if none explains it."""
    n, m = len(token), len(numeral)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for j in range(m):
        for i in range(n + 1):
            if best[i][j] == inf:
                continue
            for k in range(ROMAN_MAX_READ + 1):
                p = readings.get(numeral[j], {}).get(token[i:i + k]) if i + k <= n else None
                if p:
                    best[i + k][j + 1] = min(best[i + k][j + 1], best[i][j] - math.log(p))
    return None if best[n][m] == inf else best[n][m]


def calibration(akson, model_text, files):
    """(span read, word written) -> [proposed, right]: the changes the corrector
    proposes on the train lines of `files` as a span's best reading (confidence 0.5
    or more: `akson correct --explain --threshold 0.5 --model`, with `model_text`,
    the model as built so far, without `calib` lines), and how many of them were
    right: the line with that change alone is closer to the clean line
    (Levenshtein distance, both canonical, whitespace-collapsed). Spans are keyed as the
    corrector looks them up: the canonical form, one space for a run of spaces, a
    ໆ at the end taken off both sides."""
    clean, noisy = [], []
    for f in files:
        for _, c, o in read_pairs(f):
            clean.append(c)
            noisy.append(o)
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", encoding="utf-8", delete=False) as fh:
        fh.write(model_text)
        model_path = fh.name
    try:
        data = "".join(o + "\n" for o in noisy).encode("utf-8")
        out = subprocess.run([akson, "correct", "--explain", "--threshold", "0.5", "--model", model_path],
                             input=data, stdout=subprocess.PIPE, check=True).stdout
    finally:
        os.unlink(model_path)
    explained = [json.loads(l) for l in out.decode("utf-8").splitlines()]
    assert len(explained) == len(noisy)
    tried = []  # (line, read, written, the line with the change alone)
    for k, (o, e) in enumerate(zip(noisy, explained)):
        ob = o.encode("utf-8")
        for c in e["corrections"]:
            if not (any(is_lao(ch) for ch in c["original"]) and any(is_lao(ch) for ch in c["replacement"])):
                continue  # specks, bullets, numerals: not a span of Lao text
            fixed = (ob[:c["start"]] + c["replacement"].encode("utf-8") + ob[c["end"]:]).decode("utf-8")
            tried.append((k, c["original"], c["replacement"], fixed))
    canon = canonical(akson, clean + noisy + [t[3] for t in tried] + [t[1] for t in tried])
    n, m = len(clean), len(tried)
    cl, no, fx, rd = canon[:n], canon[n:2 * n], canon[2 * n:2 * n + m], canon[2 * n + m:]
    before = {}
    counts = collections.defaultdict(lambda: [0, 0])
    for (k, _, written, _), fixed, read in zip(tried, fx, rd):
        if k not in before:
            before[k] = edit_distance(cl[k], no[k])
        if read.endswith("\u0ec6") and written.endswith("\u0ec6"):
            read, written = read[:-1], written[:-1]
        rec = counts[read, written]
        rec[0] += 1
        rec[1] += edit_distance(cl[k], fixed) < before[k]
    return counts


def read_pairs(path):
    """The (source, clean, noisy) rows of a pairs file."""
    with open(path, encoding="utf-8") as fh:
        return [tuple(p) for p in (line.rstrip("\n").split("\t") for line in fh) if len(p) == 3]


def roman_model(pattern, files):
    """The readings of each Roman letter, by EM over roman/train (made by
    make_roman.sh): P(read | letter) for every way each letter of a numeral was
    read (up to ROMAN_MAX_READ characters, or none), summed over the alignments of
    the numeral with the token Tesseract made of it. With the numbers of such
    tokens, and of tokens after an ordinal in the OCR lines of `files` that the
    readings explain but whose clean text has no Roman numeral there (real). None
    without roman/train files."""
    data = []
    for clean, noisy in token_pairs(sorted(glob.glob(os.path.join(HERE, "roman", "train", pattern)))):
        at_c = roman_after_ordinal(clean, is_ordinal)
        at_n = [i for i in roman_after_ordinal(noisy, ROMAN_ORDINAL.search) if roman_token(noisy[i])]
        # One numeral a line, read as one token after the ordinal.
        if len(at_c) == 1 and len(at_n) == 1 and set(clean[at_c[0]]) <= set(ROMAN_LETTERS):
            data.append((noisy[at_n[0]], clean[at_c[0]]))
    if not data:
        return None
    # Start from every substring each letter could have been read as, alike.
    reads = collections.defaultdict(set)
    for token, numeral in data:
        for i in range(len(token) + 1):
            for k in range(ROMAN_MAX_READ + 1):
                if i + k <= len(token):
                    for letter in set(numeral):
                        reads[letter].add(token[i:i + k])
    p = {letter: {r: 1.0 / len(rs) for r in rs} for letter, rs in reads.items()}
    for _ in range(ROMAN_EM_ROUNDS):
        counts = collections.defaultdict(lambda: collections.defaultdict(float))
        for token, numeral in data:
            n, m = len(token), len(numeral)
            step = lambda i, j, k: p[numeral[j]].get(token[i:i + k], 0.0) if i + k <= n else 0.0
            fwd = [[0.0] * (m + 1) for _ in range(n + 1)]
            fwd[0][0] = 1.0
            for j in range(m):
                for i in range(n + 1):
                    for k in range(min(ROMAN_MAX_READ, n - i) + 1):
                        fwd[i + k][j + 1] += fwd[i][j] * step(i, j, k)
            bwd = [[0.0] * (m + 1) for _ in range(n + 1)]
            bwd[n][m] = 1.0
            for j in range(m - 1, -1, -1):
                for i in range(n, -1, -1):
                    bwd[i][j] = sum(step(i, j, k) * bwd[i + k][j + 1] for k in range(ROMAN_MAX_READ + 1) if i + k <= n)
            z = fwd[n][m]
            if z == 0.0:
                continue
            for j in range(m):
                for i in range(n + 1):
                    for k in range(ROMAN_MAX_READ + 1):
                        if i + k <= n and fwd[i][j]:
                            counts[numeral[j]][token[i:i + k]] += fwd[i][j] * step(i, j, k) * bwd[i + k][j + 1] / z
        p = {}
        for letter, c in counts.items():
            total = sum(c.values())
            p[letter] = {r: v / total for r, v in c.items() if v / total >= ROMAN_MIN_P}
    # Tokens after an ordinal in the ordinary train lines that the readings explain
    # although no Roman numeral was printed there.
    real = 0
    for clean, noisy in token_pairs(files):
        printed = any(set(clean[i]) <= set(ROMAN_LETTERS) for i in roman_after_ordinal(clean, is_ordinal))
        for i in roman_after_ordinal(noisy, ROMAN_ORDINAL.search):
            t = noisy[i]
            if roman_token(t) and not printed and any(roman_cost(p, t, roman(k)) is not None for k in range(1, 40)):
                real += 1
    return p, len(data), real


def bullet_counts(pattern):
    """Character -> times Tesseract read a list bullet (•) as it, alone before the
    text of a line, over the train bullet lines (bullets/train, made by
    make_bullets.sh). The corrector weighs these against the `speck lead` counts of
    the same character (dirt, and the character itself)."""
    counts = collections.Counter()
    for f in sorted(glob.glob(os.path.join(HERE, "bullets", "train", pattern))):
        with open(f, encoding="utf-8") as fh:
            for row in fh:
                parts = row.rstrip("\n").split("\t")
                if len(parts) != 3 or not parts[1].startswith(BULLET + " "):
                    continue
                toks = parts[2].split()
                if len(toks) > 1 and len(toks[0]) == 1 and toks[0] in SPECK_CHARS and toks[0] != BULLET:
                    counts[toks[0]] += 1
    return counts


# A train setting whose OCR lines end in a token of punctuation alone (dirt at the
# right margin) more often than this has dirty margins (binarised photocopies).
MARGIN_DIRTY = 0.05


def ends_in_punct(line):
    """Whether a whitespace-collapsed line ends in a token of punctuation alone
    after other text (the corrector's test is the same: src/correct.rs)."""
    toks = line.split()
    return len(toks) >= 2 and all(not is_lao(c) and not c.isalnum() for c in toks[-1])


def margin_counts(clean, noisy, ranges):
    """Margins (`margin` and `margin_lead` lines): the train settings in two
    classes, dirty margins and clean ones, by how often their OCR lines end in a
    token of punctuation alone (MARGIN_DIRTY); for each class, its lines, those
    that end so, and per character the `speck lead` noise and the bullet counts of
    its settings. A document's lines tell the corrector which class it is like,
    and a character alone at a line's start is then weighed with that class's
    counts (: at a line's start is dirt 45 times in the binarised photocopies and
    never in the other settings, where it is a misread bullet)."""
    out = {}
    for f, a, b in ranges:
        trail = sum(1 for o in noisy[a:b] if ends_in_punct(o))
        name = "dirty" if trail > MARGIN_DIRTY * (b - a) else "clean"
        lead = {ch: v[0] for (where, ch), v in speck_counts(clean[a:b], noisy[a:b]).items()
                if where == "lead" and v[0]}
        bul = bullet_counts(os.path.basename(f))
        n_lines, t, ld, bl = out.get(name, (0, 0, collections.Counter(), collections.Counter()))
        ld.update(lead)
        bl.update(bul)
        out[name] = (n_lines + b - a, t + trail, ld, bl)
    return out


# A train setting that reads more than this share of the commas between two words
# as full stops is a faded one.
COMMA_FADED = 0.5
# A comma or full stop between two words: after a Lao character, before a space
# and a Lao character (the corrector's test is the same: src/correct.rs,
# between_words), but not a full stop after one to four Lao consonants and nothing
# else (an item letter, ກ., or an abbreviation, ປອ., ປທສ.: no comma misread).
BETWEEN_WORDS = re.compile("(?<=[\u0E80-\u0EFF])[,.](?= [\u0E80-\u0EFF])")
ABBREVIATION_STOP = re.compile("(?<![\u0E80-\u0EFF])[\u0E81-\u0EAE\u0EDC-\u0EDF]{1,4}$")


def between_words(line):
    """The commas and full stops between two words of a line, as regex matches."""
    return [m for m in BETWEEN_WORDS.finditer(line)
            if m.group() == "," or not ABBREVIATION_STOP.search(line, 0, m.start())]


def comma_counts(clean, noisy, ranges):
    """Commas (`comma` lines): faded copies read the comma between two words as a
    full stop (111 of 115 full stops between two words in the train split's
    faded200bin were commas, 15 of 49 in the other settings, which read 355 commas
    as commas). The train
    settings in two classes by that share (COMMA_FADED); for each, its lines, the
    commas and full stops between two words in its OCR lines, and how many of those
    full stops are commas in the clean line. A document's own commas and full
    stops tell the corrector which class it is like; in a faded one a full stop
    between two words is written as a comma again."""
    out = {}
    for f, a, b in ranges:
        n_comma = n_period = was_comma = 0
        for c, o in zip(clean[a:b], noisy[a:b]):
            c, o = " ".join(c.split()), " ".join(o.split())
            n_comma += sum(1 for m in between_words(o) if m.group() == ",")
            periods = [m.start() for m in between_words(o) if m.group() == "."]
            n_period += len(periods)
            if periods:
                # The clean character aligned with each full stop.
                k = 0
                at = {}
                for x, y in align_full(c, o):
                    if y:
                        at[k] = x
                        k += 1
                was_comma += sum(1 for p in periods if at.get(p) == ",")
        name = "faded" if n_period and was_comma > COMMA_FADED * (n_comma + was_comma) else "other"
        lines_, c_, p_, w_ = out.get(name, (0, 0, 0, 0))
        out[name] = (lines_ + b - a, c_ + n_comma, p_ + n_period, w_ + was_comma)
    return out


def speck_counts(clean, noisy):
    """(place, character) -> [noise, real] over the line pairs (see edge_tokens)."""
    counts = collections.defaultdict(lambda: [0, 0])
    for c, o in zip(clean, noisy):
        c, o = " ".join(c.split()), " ".join(o.split())
        real = edge_tokens(c)
        for where, t in real:
            for ch in t:
                counts[where, ch][1] += 1
        for where, t in edge_tokens(o):
            if (where, t) not in real:
                for ch in t:
                    counts[where, ch][0] += 1
    return dict(counts)


def unit_class(u):
    if any(0x0E80 <= ord(c) <= 0x0EFF and not (0x0ED0 <= ord(c) <= 0x0ED9) for c in u):
        return u.rstrip("\u0EC6")
    if u.isspace():
        return "<sp>"
    if any(c.isdigit() for c in u):
        return "<num>"
    if any(c.isalpha() for c in u):
        return "<lat>"
    return "<p>"


def context_model(akson):
    lines = []
    for f in sorted(glob.glob(os.path.join(HERE, "clean", "*.tsv"))):
        if os.path.basename(f) == "dictwords.tsv":
            continue
        with open(f, encoding="utf-8") as fh:
            for row in fh:
                parts = row.rstrip("\n").split("\t")
                if len(parts) == 3 and parts[1] == "train":
                    lines.append(" ".join(parts[2].split()))
    sep = "\u241f"
    data = "".join(l + "\n" for l in lines).encode("utf-8")
    out = subprocess.run([akson, "segment", "--unit", "syllable", "--sep", sep], input=data,
                         stdout=subprocess.PIPE, check=True).stdout.decode("utf-8").split("\n")[:-1]
    assert len(out) == len(lines)
    uni, bi = collections.Counter(), collections.Counter()
    for l in out:
        toks = ["<s>"] + [unit_class(u) for u in l.split(sep) if u] + ["</s>"]
        uni.update(toks)
        bi.update(zip(toks, toks[1:]))
    rows = [
        "# akson OCR context model: syllable bigram counts of the train split's clean text.",
        "# generated by `python3 dictionaries/ocr/train_model.py`",
        f"# {len(lines)} lines, {sum(uni.values())} tokens",
    ]
    followers = collections.Counter(a for (a, _) in bi)
    for t, k in sorted(uni.items()):
        rows.append(f"1\t{t}\t{k}\t{followers[t]}")
    for (a, b), k in sorted(bi.items()):
        if k >= 2:
            rows.append(f"2\t{a}\t{b}\t{k}")
    return "\n".join(rows) + "\n"


# Tesseract's Lao word list (dictionaries/sources/tesseract-lao): words.txt when
# fetch_sources.sh has made it, else read from the installed tesseract-ocr-lao
# (Debian 1:4.1.0-2), whose traineddata must be the pinned one.
TESS_WORDS = os.path.join(ROOT, "dictionaries", "sources", "tesseract-lao", "words.txt")
TESS_TRAINEDDATA_SHA256 = "20124962e93e68121e02c49a949d1f9df5db87dd62e5e4aa578362ca532444f8"
TESSDATA_DIRS = ["/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata"]
# A syllable pair of the web text is kept when at least this many chunks have it, a
# syllable when at least WEB_MIN_SYLLABLE do (rarer ones read as never seen).
WEB_MIN_PAIR = 5
WEB_MIN_SYLLABLE = 3


def tesseract_words():
    """The entries of Tesseract's Lao word list, in the list's (depth-first) order."""
    if os.path.exists(TESS_WORDS):
        with open(TESS_WORDS, encoding="utf-8") as fh:
            return fh.read().split("\n")[:-1]
    dirs = ([os.environ["TESSDATA_PREFIX"]] if os.environ.get("TESSDATA_PREFIX") else []) + TESSDATA_DIRS
    for d in dirs:
        path = os.path.join(d, "lao.traineddata")
        if not os.path.exists(path):
            continue
        with open(path, "rb") as fh:
            blob = fh.read()
        if hashlib.sha256(blob).hexdigest() != TESS_TRAINEDDATA_SHA256:
            sys.exit(f"{path} is not the pinned tesseract-ocr-lao 1:4.1.0-2 file "
                     "(see dictionaries/sources/tesseract-lao/PROVENANCE.md): "
                     "run dictionaries/fetch_sources.sh to make sources/tesseract-lao/words.txt")
        sys.path.insert(0, os.path.join(ROOT, "dictionaries", "scripts"))
        from extract_sources import (LSTM_SYSTEM_DAWG, LSTM_UNICHARSET, dawg_words,  # noqa: E402
                                     traineddata_components, unicharset_symbols)
        comps = traineddata_components(blob)
        return dawg_words(comps[LSTM_SYSTEM_DAWG], unicharset_symbols(comps[LSTM_UNICHARSET]))
    sys.exit("the web context needs Tesseract's Lao word list: install tesseract-ocr-lao "
             "(apt-get install tesseract-ocr-lao) or run dictionaries/fetch_sources.sh")


def web_context(akson):
    """context-web.tsv: syllable counts of Lao web text (see the module docs)."""
    entries = tesseract_words()
    # The list holds every prefix of a chunk that is itself an entry, right before
    # the longer entries (depth-first order): only the longest are counted.
    chunks = [w for i, w in enumerate(entries) if not (i + 1 < len(entries) and entries[i + 1].startswith(w))]
    sep = "\u241f"
    data = "".join(" ".join(w.split()) + "\n" for w in chunks).encode("utf-8")
    norm = subprocess.run([akson, "normalize"], input=data, stdout=subprocess.PIPE, check=True).stdout
    out = subprocess.run([akson, "segment", "--unit", "syllable", "--sep", sep], input=norm,
                         stdout=subprocess.PIPE, check=True).stdout.decode("utf-8").split("\n")[:-1]
    assert len(out) == len(chunks)
    uni, bi = collections.Counter(), collections.Counter()
    for l in out:
        # Lao syllables only; a pair is counted only between two of them.
        toks = [unit_class(u) for u in l.split(sep) if u]
        toks = [t if t and not t.startswith("<") else None for t in toks]
        uni.update(t for t in toks if t)
        bi.update((a, b) for a, b in zip(toks, toks[1:]) if a and b)
    follow = collections.Counter(a for a, _ in bi)
    kept = sorted(t for t, k in uni.items() if k >= WEB_MIN_SYLLABLE)
    number = {t: i for i, t in enumerate(kept)}
    rows = [
        "# akson OCR context model: syllable counts of Lao web text, the chunks of Tesseract's Lao word list",
        "# (dictionaries/sources/tesseract-lao, Apache-2.0; each chunk counted once).",
        "# generated by `python3 dictionaries/ocr/train_model.py`",
        f"# {len(chunks)} chunks, {sum(uni.values())} syllables; syllables in at least {WEB_MIN_SYLLABLE} "
        f"chunks, pairs in at least {WEB_MIN_PAIR}",
        "# 1<TAB>syllable<TAB>count<TAB>different syllables after it (rows numbered from 0)",
        "# 2<TAB>syllable number<TAB>number:count of the pairs it starts, comma-separated",
    ]
    for t in kept:
        rows.append(f"1\t{t}\t{uni[t]}\t{follow[t]}")
    by_first = collections.defaultdict(list)
    for (a, b), k in bi.items():
        if k >= WEB_MIN_PAIR:
            by_first[number[a]].append((number[b], k))
    for a in sorted(by_first):
        rows.append(f"2\t{a}\t" + ",".join(f"{b}:{k}" for b, k in sorted(by_first[a])))
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    main()
