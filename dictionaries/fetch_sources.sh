#!/usr/bin/env bash
# Re-download the pinned upstream packages of the Lao word-list sources,
# verify their sha256, and regenerate sources/*/words.txt and
# sources/*/LICENSE byte for byte.  See README.md and sources/*/PROVENANCE.md.
#
# Usage: dictionaries/fetch_sources.sh [--check] [--write-sums]
#
#   (no option)   download (or reuse cached) packages, verify them, regenerate
#                 sources/*/{words.txt,LICENSE} in place, then verify the
#                 generated files against sources/SHA256SUMS.
#   --check       regenerate into a temporary directory and compare byte for
#                 byte with the files in sources/ (nothing in sources/ is
#                 changed; sources/tesseract-lao/words.txt and
#                 sources/hunspell-lo/words.txt, which are not committed, are
#                 compared only if present).
#   --write-sums  after regenerating, rewrite sources/SHA256SUMS.
#
# Needs: bash, python3 (standard library only), pip (PyPI), apt-get (Debian
# bookworm archive: binary packages via 'apt-get download', the icu source
# package via 'apt-get source --download-only' with a private apt config).
# Packages are cached in $AKSON_DICT_CACHE (default:
# ${XDG_CACHE_HOME:-$HOME/.cache}/akson-dict-sources).  Nothing is installed.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
SOURCES="$HERE/sources"
CACHE=${AKSON_DICT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/akson-dict-sources}
PY=${PYTHON:-python3}

MODE=write
WRITE_SUMS=0
for arg in "$@"; do
  case "$arg" in
    --check) MODE=check ;;
    --write-sums) WRITE_SUMS=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

# ---- pins ---------------------------------------------------------------
# name | version | file name as downloaded | sha256 of that file
LAONLP_VER=1.3.0
LAONLP_FILE=laonlp-1.3.0-py3-none-any.whl
LAONLP_SHA=cc88a5a39bb543fd7fdb2cf8f44f0bde550678160f9bd3a36922ebf7ccf65cf9

HUNSPELL_VER=1:7.5.0-1
HUNSPELL_FILE=hunspell-lo_1%3a7.5.0-1_all.deb
HUNSPELL_SHA=ef48f1c2c2c43ea874ef86bbae9c5cf264e17d4b918bc67510786c366e28aad7

TESS_VER=1:4.1.0-2
TESS_FILE=tesseract-ocr-lao_1%3a4.1.0-2_all.deb
TESS_SHA=970657dfa72629f2ec723cfe151145911a3847b3ff0dc11967f649ada43c9587

CLDR_VER=41-0.1
CLDR_FILE=unicode-cldr-core_41-0.1_all.deb
CLDR_SHA=35d30d5d3bee4d8244e95236259c4c2a0db06e21bad696515751fcfeee4d0260

# Debian *source* package icu (only its upstream tarball is used)
ICU_SRC_VER=72.1-3+deb12u1
ICU_FILE=icu_72.1.orig.tar.gz
ICU_SHA=a2d2d38217092a7ed56635e34467f92f976b370e20182ad325edea6681a71d68
# -------------------------------------------------------------------------

sha256_of() { "$PY" -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$1"; }

have_ok() {  # file sha -> 0 if the cached file exists with the right hash
  [ -f "$CACHE/$1" ] && [ "$(sha256_of "$CACHE/$1")" = "$2" ]
}

verify() {  # file sha
  local got
  got=$(sha256_of "$CACHE/$1")
  if [ "$got" != "$2" ]; then
    echo "sha256 mismatch for $1: expected $2, got $got" >&2
    exit 1
  fi
  echo "ok  $1  $2"
}

fetch_pip() {  # name version file sha
  if ! have_ok "$3" "$4"; then
    rm -f "$CACHE/$3"
    "$PY" -m pip download --quiet --no-deps --only-binary=:all: \
      "$1==$2" -d "$CACHE"
  fi
  verify "$3" "$4"
}

APT_UPDATED=0
fetch_deb() {  # package version file sha
  if ! have_ok "$3" "$4"; then
    rm -f "$CACHE/$3"
    local opts=()
    [ "$(id -u)" = 0 ] && opts=(-o APT::Sandbox::User=root)
    if ! (cd "$CACHE" && apt-get download ${opts[@]+"${opts[@]}"} "$1=$2"); then
      if [ "$APT_UPDATED" = 0 ] && [ "$(id -u)" = 0 ]; then
        echo "apt-get download failed; running apt-get update once and retrying" >&2
        apt-get update >/dev/null
        APT_UPDATED=1
        (cd "$CACHE" && apt-get download ${opts[@]+"${opts[@]}"} "$1=$2")
      else
        echo "cannot download $1=$2 (run 'apt-get update' first; the pinned" \
             "version must still be in the Debian bookworm archive)" >&2
        exit 1
      fi
    fi
  fi
  verify "$3" "$4"
}

fetch_debsrc() {  # source-package version file sha
  # 'apt-get source' needs deb-src lines; use a private apt configuration
  # under $CACHE so the system's apt setup is neither needed nor changed.
  if ! have_ok "$3" "$4"; then
    rm -f "$CACHE/$3"
    local A="$CACHE/apt-src"
    mkdir -p "$A/sources.list.d" "$A/lists/partial" "$A/cache/archives/partial"
    printf '%s\n' 'Types: deb-src' 'URIs: http://deb.debian.org/debian' \
      'Suites: bookworm' 'Components: main' \
      'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' \
      > "$A/sources.list.d/bookworm-src.sources"
    local opts=(-o Dir::Etc::SourceList=/dev/null
                -o "Dir::Etc::SourceParts=$A/sources.list.d"
                -o "Dir::State::Lists=$A/lists" -o "Dir::Cache=$A/cache")
    [ "$(id -u)" = 0 ] && opts+=(-o APT::Sandbox::User=root)
    apt-get "${opts[@]}" update >/dev/null
    # the pinned Debian revision, else any revision (same upstream tarball)
    (cd "$CACHE" && { apt-get "${opts[@]}" source --download-only "$1=$2" ||
                      apt-get "${opts[@]}" source --download-only "$1"; })
  fi
  verify "$3" "$4"
}

mkdir -p "$CACHE"
fetch_pip laonlp "$LAONLP_VER" "$LAONLP_FILE" "$LAONLP_SHA"
fetch_deb hunspell-lo "$HUNSPELL_VER" "$HUNSPELL_FILE" "$HUNSPELL_SHA"
fetch_deb tesseract-ocr-lao "$TESS_VER" "$TESS_FILE" "$TESS_SHA"
fetch_deb unicode-cldr-core "$CLDR_VER" "$CLDR_FILE" "$CLDR_SHA"
fetch_debsrc icu "$ICU_SRC_VER" "$ICU_FILE" "$ICU_SHA"

extract() {  # out-dir
  "$PY" "$HERE/scripts/extract_sources.py" \
    --laonlp-wheel "$CACHE/$LAONLP_FILE" \
    --hunspell-deb "$CACHE/$HUNSPELL_FILE" \
    --tesseract-deb "$CACHE/$TESS_FILE" \
    --cldr-deb "$CACHE/$CLDR_FILE" \
    --icu-orig "$CACHE/$ICU_FILE" \
    --out-dir "$1" --self-check
}

if [ "$MODE" = check ]; then
  TMP=$(mktemp -d)
  trap 'rm -rf "$TMP"' EXIT
  extract "$TMP"
  status=0
  for f in "$TMP"/*/*; do
    rel=${f#"$TMP"/}
    if [ ! -f "$SOURCES/$rel" ]; then
      if [ "$rel" = tesseract-lao/words.txt ] || [ "$rel" = hunspell-lo/words.txt ]; then
        echo "skip  $rel (not committed; run without --check to create it)"
        continue
      fi
      echo "MISSING  sources/$rel" >&2; status=1
    elif cmp -s "$f" "$SOURCES/$rel"; then
      echo "same  sources/$rel"
    else
      echo "DIFFERS  sources/$rel" >&2; status=1
    fi
  done
  exit "$status"
fi

extract "$SOURCES"

if [ "$WRITE_SUMS" = 1 ]; then
  (cd "$SOURCES" && "$PY" - <<'EOF'
import glob, hashlib
lines = []
for p in sorted(glob.glob("*/words.txt") + glob.glob("*/LICENSE")):
    lines.append(f"{hashlib.sha256(open(p, 'rb').read()).hexdigest()}  {p}\n")
open("SHA256SUMS", "w").writelines(lines)
EOF
  )
  echo "wrote sources/SHA256SUMS"
fi

(cd "$SOURCES" && "$PY" - <<'EOF'
import hashlib, sys
bad = 0
for line in open("SHA256SUMS"):
    want, path = line.rstrip("\n").split("  ", 1)
    got = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if got != want:
        print(f"MISMATCH {path}", file=sys.stderr)
        bad = 1
print("all generated files match sources/SHA256SUMS" if not bad else "")
sys.exit(bad)
EOF
)
