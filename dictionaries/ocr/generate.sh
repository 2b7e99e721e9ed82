#!/usr/bin/env bash
# Rebuilds the Lao OCR parallel corpus in dictionaries/ocr/ (run from anywhere).
#
#   dictionaries/ocr/generate.sh                 # clean text, then every OCR job below
#   dictionaries/ocr/generate.sh --clean-only    # only step 1 (seconds)
#   JOBS="test:scan150jpg:Phetsarath OT" dictionaries/ocr/generate.sh   # chosen jobs
#   SKIP_CLEAN=1 MODEL=Lao PAIRS_DIR=pairs-script JOBS="test:scan150jpg:Phetsarath OT" \
#     dictionaries/ocr/generate.sh   # Tesseract's Lao *script* model, kept apart,
#                                    # on the committed clean text
#
# Step 1 wraps lines with akson's word segmenter, so a later dictionary may wrap
# them differently: SKIP_CLEAN=1 keeps the committed clean/*.tsv, so that new jobs
# read the same lines as the committed pairs.
#
# Needs: target/release/akson (cargo build --release), ../shared/tools/ocr-noise
# (Debian: ocr_noise.sh --install: tesseract-ocr 5.3.0, tesseract-ocr-lao 4.1.0,
# fonts-lao, fonts-noto-core, pango1.0-tools, imagemagick 6.9).
#
# Step 1: make_clean.py writes clean/<doc>.tsv (chunk_id, split, canonical text).
# Step 2: for each job split:setting:font, the clean lines of that split go through
#   ocr_noise.py pairs (one render + degradation + `tesseract -l lao` per line; the
#   ImageMagick noise seed of line i is SEED+i, SEED fixed per split), and the result
#   is written as pairs/<split>/<setting>__<font-slug>.tsv: source<TAB>clean<TAB>noisy.
#   A job whose output already exists with the right number of lines is skipped
#   (delete the file or set FORCE=1 to redo it). Tesseract runs one at a time,
#   single-threaded and niced (shared machine).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
AKSON="${AKSON:-$ROOT/target/release/akson}"
OCR_NOISE="${OCR_NOISE:-$ROOT/../shared/tools/ocr-noise/ocr_noise.py}"
CORPUS="${CORPUS:-$ROOT/../shared/corpus}"
# Tesseract model (`lao`, the language; `Lao`, the script) and where its pairs go.
MODEL="${MODEL:-lao}"
PAIRS_DIR="${PAIRS_DIR:-pairs}"

# Priority order: the main target first (ordinary scan, decree font), then the
# binarised photocopy, then training data, then a Noto font and a low-res scan,
# then a serif font and a faded photocopy (test and dev first, then train).
DEFAULT_JOBS=(
  "test:scan150jpg:Phetsarath OT"
  "dev:scan150jpg:Phetsarath OT"
  "test:scan200bin:Phetsarath OT"
  "dev:scan200bin:Phetsarath OT"
  "train:scan150jpg:Phetsarath OT"
  "train:scan200bin:Phetsarath OT"
  "test:scan150jpg:Noto Sans Lao"
  "test:scan200bin:Noto Sans Lao"
  "dev:scan150jpg:Noto Sans Lao"
  "dev:scan200bin:Noto Sans Lao"
  "test:scan100jpg:Phetsarath OT"
  "dev:scan100jpg:Phetsarath OT"
  "train:scan150jpg:Noto Sans Lao"
  "train:scan200bin:Noto Sans Lao"
  "train:scan100jpg:Phetsarath OT"
  "test:scan150jpg:Noto Serif Lao"
  "dev:scan150jpg:Noto Serif Lao"
  "test:faded200bin:Phetsarath OT"
  "dev:faded200bin:Phetsarath OT"
  "train:scan150jpg:Noto Serif Lao"
  "train:faded200bin:Phetsarath OT"
)

seed_of() { case "$1" in train) echo 100000 ;; dev) echo 200000 ;; test) echo 300000 ;; esac; }
slug_of() { echo "$1" | tr 'A-Z ' 'a-z-'; }

if [ -z "${SKIP_CLEAN:-}" ]; then
  echo "== step 1: clean text" >&2
  python3 "$HERE/make_clean.py" --akson "$AKSON" --corpus "$CORPUS"
fi
[ "${1:-}" = "--clean-only" ] && exit 0

if [ -n "${JOBS:-}" ]; then IFS=$'\n' read -r -d '' -a JOBLIST < <(printf '%s\0' "$JOBS") || true
else JOBLIST=("${DEFAULT_JOBS[@]}"); fi

tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
for job in "${JOBLIST[@]}"; do
  IFS=: read -r split setting font <<<"$job"
  out="$HERE/$PAIRS_DIR/$split/${setting}__$(slug_of "$font").tsv"
  mkdir -p "$HERE/$PAIRS_DIR/$split"
  awk -F'\t' -v s="$split" '$2 == s' "$HERE"/clean/*.tsv > "$tmp/in.tsv"
  n=$(wc -l < "$tmp/in.tsv")
  if [ -z "${FORCE:-}" ] && [ -f "$out" ] && [ "$(wc -l < "$out")" -eq "$n" ]; then
    echo "== skip $out (exists, $n lines)" >&2; continue
  fi
  echo "== $(date +%T) $split $setting '$font': $n lines -> $out" >&2
  cut -f3 "$tmp/in.tsv" \
    | OMP_THREAD_LIMIT=1 nice -n 5 python3 "$OCR_NOISE" pairs --setting "$setting" --font "$font" \
        --model "$MODEL" --seed "$(seed_of "$split")" --threads 1 > "$tmp/pairs.tsv"
  # pairs echoes the clean line: check alignment, then prepend the chunk id.
  cut -f3 "$tmp/in.tsv" > "$tmp/a"; cut -f1 "$tmp/pairs.tsv" > "$tmp/b"
  cmp -s "$tmp/a" "$tmp/b" || { echo "misaligned output for $job" >&2; exit 1; }
  paste <(cut -f1 "$tmp/in.tsv") "$tmp/pairs.tsv" > "$out.part" && mv "$out.part" "$out"
  echo "== $(date +%T) done $out" >&2
done
