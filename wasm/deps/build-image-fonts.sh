#!/usr/bin/env bash
# The picture renderer's fonts for the khabar-image wasm module: Debian's Noto files
# (fonts-noto-core) cut by core/tools/subset_font.cpp (HarfBuzz's subsetter, built natively),
# the same tool and arguments as the native build's fonts/ (core/CMakeLists.txt), so the module
# draws with the same bytes as `khabar image`. Usage: build-image-fonts.sh OUTDIR
# Result: OUTDIR/image-fonts/*.ttf (a link into the cache, see common.sh)
set -euo pipefail
source "$(dirname "$0")/common.sh"

(($# == 1)) || die "usage: $0 OUTDIR"
mkdir -p "$1"; OUT=$(cd "$1" && pwd)
lock_cache

NOTO=/usr/share/fonts/truetype/noto
SUBSET_SOURCE=$DEPS_DIR/../../core/tools/subset_font.cpp
# FILE:SCRIPT, as core/CMakeLists.txt's _khabar_fonts (keep the two lists alike).
FONTS="NotoSans-Regular.ttf:latin NotoSans-Bold.ttf:latin NotoNaskhArabic-Regular.ttf:arabic
  NotoNaskhArabic-Bold.ttf:arabic NotoNastaliqUrdu-Regular.ttf:arabic NotoNastaliqUrdu-Bold.ttf:arabic
  NotoSansHebrew-Regular.ttf:hebrew NotoSansHebrew-Bold.ttf:hebrew"

build_fonts() {
  local out=$1 entry font script
  # shellcheck disable=SC2046
  g++ -std=c++17 -O2 "$SUBSET_SOURCE" $(pkg-config --cflags --libs harfbuzz-subset) -o "$out/subset_font"
  for entry in $FONTS; do
    font=${entry%%:*} script=${entry#*:}
    "$out/subset_font" "$NOTO/$font" "$out/$font" "$script"
  done
  rm "$out/subset_font"
}

need_packages g++ pkg-config libharfbuzz-dev fonts-noto-core
# The key: the tool, the list, and the versions of the fonts and of HarfBuzz's subsetter.
versions=$(dpkg-query -W -f='${Version} ' fonts-noto-core libharfbuzz-dev)
cached image-fonts "$(key build_fonts "$SUBSET_SOURCE" "$FONTS" "$versions")" build_fonts
link_output "$OUT" image-fonts
log "fonts ready: $OUT/image-fonts ($(du -sh "$CACHED" | cut -f1))"
