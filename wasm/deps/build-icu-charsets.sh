#!/usr/bin/env bash
# ICU's converters for the legacy encodings of the WHATWG Encoding Standard, as one more ICU data
# package, for the HTML reader's wasm build (khabar-core-html): a page in windows-1256 (still met
# on Arabic sites), windows-1252, GBK … is decoded by ICU's converters, as natively, and the
# shared data (icu-data.list) leaves converters out. Usage: build-icu-charsets.sh OUTDIR (after
# build-icu.sh OUTDIR). Result in OUTDIR/icu-charsets/ (a link into the cache, see common.sh):
#   khabar-icu-charsets.dat   cnvalias.icu (ucnv_open by label) + one .cnv per encoding below
#   converters.txt            encoding -> ICU converter; sizes.txt raw / gzip -9 / brotli
# A separate step, so the ICU and data steps and their keys stay as they are.
set -euo pipefail
source "$(dirname "$0")/common.sh"

after_icu_step "$@"
# The Encoding Standard's legacy encodings that ICU 72.1 has data for (ISO-8859-16 it has not,
# natively either; ISO-2022-JP is a compound converter, left out; EUC-KR is read as windows-949,
# core/src/read/html/encoding.cpp). UTF-8, UTF-16 and ISO-8859-1 are algorithmic: no data.
CHARSETS="IBM866 ISO-8859-2 ISO-8859-3 ISO-8859-4 ISO-8859-5 ISO-8859-6 ISO-8859-7 ISO-8859-8 ISO-8859-10
  ISO-8859-13 ISO-8859-14 ISO-8859-15 KOI8-R KOI8-U macintosh x-mac-cyrillic windows-874 windows-1250
  windows-1251 windows-1252 windows-1253 windows-1254 windows-1255 windows-1256 windows-1257 windows-1258
  GBK gb18030 Big5 EUC-JP Shift_JIS windows-949"

icu_tool() { LD_LIBRARY_PATH="$TOOLS/lib" "$TOOLS/bin/$1" "${@:2}"; }

build_charsets() {
  local out=$1 work=$1/work
  mkdir -p "$work/items"
  tar -xzf "$DOWNLOADS/icu_${ICU_DEB_VERSION%%-*}.orig.tar.gz" -C "$work" icu/source/data/in/icudt72l.dat
  local full=$work/icu/source/data/in/icudt72l.dat
  # Which converter each encoding opens, asked of the tools' ICU (the same 72.1 alias table).
  g++ -std=c++17 -O1 "$DEPS_DIR/cnvname.cpp" -L"$TOOLS/lib" -licuuc -licudata -Wl,-rpath,"$TOOLS/lib" -o "$work/cnvname"
  # shellcheck disable=SC2086  # one word an encoding
  "$work/cnvname" $CHARSETS >"$out/converters.txt"
  { echo cnvalias.icu; awk '{ print $2 ".cnv" }' "$out/converters.txt" | sort -u; } >"$work/items.txt"
  # Without --ignore-deps icupkg refuses a converter whose base table is not in the package
  # (windows-936-2000 extends ibm-1386_P100-2001 …): each base named is added, and again.
  local round missing
  for round in 1 2 3 4; do
    icu_tool icupkg -x "$work/items.txt" -d "$work/items" "$full"
    rm -f "$out/khabar-icu-charsets.dat"
    if icu_tool icupkg -tl --toc_prefix icudt72l -s "$work/items" -a "$work/items.txt" new "$out/khabar-icu-charsets.dat" 2>"$work/deps.txt"; then
      break
    fi
    missing=$(sed -n 's/.*depends on missing item \([^ ]*\)$/\1/p' "$work/deps.txt" | sort -u)
    [[ -n $missing && $round != 4 ]] || { cat "$work/deps.txt"; exit 1; }
    printf '%s\n' $missing >>"$work/items.txt"
  done
  local f=$out/khabar-icu-charsets.dat
  printf '%-28s %10s %10s %10s\n%-28s %10s %10s %10s\n' file raw gzip-9 brotli \
    "$(basename "$f")" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)" "$(brotli -c "$f" | wc -c)" >"$out/sizes.txt"
  rm -rf "$work"
}

need_packages brotli gzip g++ libicu-dev
[[ -x "$TOOLS/bin/icupkg" ]] || die "run build-icu.sh $OUT first"
cached icu-charsets "$(key build_charsets "$CHARSETS" "$DEPS_DIR/cnvname.cpp" "$ICU_DEB_VERSION" "$(key_of "$TOOLS")")" build_charsets
link_output "$OUT" icu-charsets
cat "$OUT/icu-charsets/sizes.txt" >&2
