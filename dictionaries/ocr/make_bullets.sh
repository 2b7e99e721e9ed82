#!/usr/bin/env bash
# Bullet lines: how Tesseract reads a list bullet (•) at the start of a line.
#
#   dictionaries/ocr/make_bullets.sh          # (re)writes dictionaries/ocr/bullets/
#
# Decrees set lists with bullets, but the train text has none, so the error model
# could not learn what they become (Tesseract reads • as -, ", “ or :). This takes
# every 9th clean line of 60 to 270 bytes (20 to 90 Lao letters) of the train split
# and every 5th of the dev split (dictionaries/ocr/clean, in file order), puts "• "
# in front and reads each through ../shared/tools/ocr-noise as generate.sh does (one render +
# degradation + `tesseract -l lao` per line, noise seed SEED+i), for the four
# settings of the decree font. Output: bullets/<split>/<setting>__phetsarath-ot.tsv,
# source<TAB>clean<TAB>noisy, like pairs/. train_model.py counts the bullets of the
# train lines (`bullet` lines of model.tsv); the dev lines measure the result.
# About 0.4 s of one core per line and setting (some 3 minutes in all).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=ocr_lines.sh
. "$HERE/ocr_lines.sh"

tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
for split in train dev; do
  case "$split" in train) every=9; seed=400000 ;; dev) every=5; seed=410000 ;; esac
  awk -F'\t' -v s="$split" -v k="$every" '
    $2 == s && length($3) >= 60 && length($3) <= 270 { if (n++ % k == 0) print $1 "\t• " $3 }
  ' "$HERE"/clean/*.tsv > "$tmp/in.tsv"
  ocr_lines "$tmp/in.tsv" "$HERE/bullets/$split" "$seed"
done
