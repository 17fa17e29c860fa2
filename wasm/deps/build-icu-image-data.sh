#!/usr/bin/env bash
# ICU's line-break rules (brkitr/line.brk) as one more ICU data package, for the image
# renderer's wasm module (khabar-image): the picture breaks its title and summary into lines
# with ICU's line iterator (core/src/image/text_layout.cpp), and the shared data
# (icu-data.list) leaves line.brk out, as no card in a page breaks lines. Without it ubrk_open
# fails (U_MISSING_RESOURCE_ERROR). Rules only, as the base package's word and sentence rules:
# no CJK/Thai/Lao/Khmer/Burmese dictionaries (3 MB), which no registry language needs.
# Usage: build-icu-image-data.sh OUTDIR (after build-icu.sh OUTDIR). Result in
# OUTDIR/icu-image/ (a link into the cache, see common.sh):
#   khabar-icu-image.dat   brkitr/line.brk, to load after khabar-icu-base.dat (or khabar-icu.dat)
#   sizes.txt              raw / gzip -9 / brotli
# A separate step, so the ICU and data steps and their keys stay as they are.
set -euo pipefail
source "$(dirname "$0")/common.sh"

after_icu_step "$@"
ITEMS="brkitr/line.brk"

icu_tool() { LD_LIBRARY_PATH="$TOOLS/lib" "$TOOLS/bin/$1" "${@:2}"; }

build_image_data() {
  local out=$1 work=$1/work
  mkdir -p "$work/items"
  tar -xzf "$DOWNLOADS/icu_${ICU_DEB_VERSION%%-*}.orig.tar.gz" -C "$work" icu/source/data/in/icudt72l.dat
  tr ' ' '\n' <<<"$ITEMS" >"$work/items.txt"
  icu_tool icupkg -x "$work/items.txt" -d "$work/items" "$work/icu/source/data/in/icudt72l.dat"
  # The ToC prefix ICU looks items up by (icudt72l/brkitr/line.brk), whatever the file's name.
  icu_tool icupkg -tl --toc_prefix icudt72l -s "$work/items" -a "$work/items.txt" new "$out/khabar-icu-image.dat"
  local f=$out/khabar-icu-image.dat
  printf '%-28s %10s %10s %10s\n%-28s %10s %10s %10s\n' file raw gzip-9 brotli \
    "$(basename "$f")" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)" "$(brotli -c "$f" | wc -c)" >"$out/sizes.txt"
  rm -rf "$work"
}

need_packages brotli gzip
[[ -x "$TOOLS/bin/icupkg" ]] || die "run build-icu.sh $OUT first"
cached icu-image "$(key build_image_data "$ITEMS" "$ICU_DEB_VERSION" "$(key_of "$TOOLS")")" build_image_data
link_output "$OUT" icu-image
cat "$OUT/icu-image/sizes.txt" >&2
