#!/usr/bin/env bash
# Roman numeral lines: how Tesseract reads a Roman numeral after the ordinal ທີ.
#
#   dictionaries/ocr/make_roman.sh          # (re)writes dictionaries/ocr/roman/
#
# Lao laws and decrees number their parts, and the Party's congresses and the
# five-year plans, with Roman numerals after ທີ ("ພາກທີ II", "ຄັ້ງທີ IX"). Tesseract's
# Lao model has no Latin letters, so it reads them as punctuation (I as |, V as ໄ/,
# X as )( or 7(), and the corpus has too few of them (two "ຄັ້ງທີ I" and one
# "ຄັ້ງທີ X") to learn that from. This writes the numerals I to XX into decree
# phrases (four for the train split, three others for the dev split) and reads each
# line through ../shared/tools/ocr-noise as generate.sh does (one render +
# degradation + `tesseract -l lao` per line, noise seed SEED+i), for the four
# settings of the decree font. Output: roman/<split>/<setting>__phetsarath-ot.tsv,
# source<TAB>clean<TAB>noisy, like pairs/. train_model.py learns from the train
# lines how each letter is read (`roman` lines of model.tsv); the dev lines measure
# the result. About 0.4 s of one core per line and setting (some 3 minutes in all).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=ocr_lines.sh
. "$HERE/ocr_lines.sh"
NUMERALS=(I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX)

tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
for split in train dev; do
  case "$split" in
    train)
      seed=420000
      phrases=("ພາກທີ %s" "ໝວດທີ %s ບົດບັນຍັດທົ່ວໄປ" "ກອງປະຊຸມໃຫຍ່ຄັ້ງທີ %s ຂອງພັກ"
               "ແຜນພັດທະນາເສດຖະກິດ-ສັງຄົມແຫ່ງຊາດ 5 ປີ ຄັ້ງທີ %s") ;;
    dev)
      seed=430000
      phrases=("ພາກທີ %s ການຄຸ້ມຄອງ ແລະ ການກວດກາ" "ສະບັບທີ %s"
               "ມະຕິກອງປະຊຸມໃຫຍ່ ຄັ້ງທີ %s ຂອງພັກປະຊາຊົນປະຕິວັດລາວ") ;;
  esac
  : > "$tmp/in.tsv"
  for p in "${!phrases[@]}"; do
    for n in "${NUMERALS[@]}"; do
      # shellcheck disable=SC2059
      printf "roman/$split/%d/%s\t${phrases[$p]}\n" "$p" "$n" "$n" >> "$tmp/in.tsv"
    done
  done
  ocr_lines "$tmp/in.tsv" "$HERE/roman/$split" "$seed"
done
