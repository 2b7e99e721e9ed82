# Sourced by make_bullets.sh and make_roman.sh: reads lines through ../shared/tools/ocr-noise
# as generate.sh does, for the four settings of the decree font.
#
#   ocr_lines IN.tsv OUT_DIR SEED     # IN.tsv: source<TAB>clean, one line each
#
# writes OUT_DIR/<setting>__phetsarath-ot.tsv, source<TAB>clean<TAB>noisy, like
# pairs/ (one render + degradation + `tesseract -l lao` per line, noise seed
# SEED+i), and fails if ocr-noise's echoed clean column is not the input.
OCR_NOISE="${OCR_NOISE:-$ROOT/../shared/tools/ocr-noise/ocr_noise.py}"
FONT="Phetsarath OT"
SETTINGS=(scan150jpg scan200bin scan100jpg faded200bin)

ocr_lines() {
  local in="$1" dir="$2" seed="$3" work setting out
  work="$(mktemp -d)"
  mkdir -p "$dir"
  for setting in "${SETTINGS[@]}"; do
    out="$dir/${setting}__phetsarath-ot.tsv"
    echo "== $(date +%T) $setting: $(wc -l < "$in") lines -> $out" >&2
    cut -f2 "$in" \
      | OMP_THREAD_LIMIT=1 nice -n 5 python3 "$OCR_NOISE" pairs --setting "$setting" \
          --font "$FONT" --model lao --seed "$seed" --threads 1 > "$work/pairs.tsv"
    cut -f2 "$in" > "$work/a"; cut -f1 "$work/pairs.tsv" > "$work/b"
    cmp -s "$work/a" "$work/b" || { echo "misaligned output for $out" >&2; rm -rf "$work"; return 1; }
    paste <(cut -f1 "$in") "$work/pairs.tsv" > "$out"
  done
  rm -rf "$work"
}
