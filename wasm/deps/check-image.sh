#!/usr/bin/env bash
# Checks that the image libraries give the same bytes in wasm as natively: image-parity.cpp,
# built against Debian's -dev packages and against OUTDIR's wasm builds (build-image-deps.sh),
# shapes Arabic and Latin with HarfBuzz on FreeType from Debian's Noto fonts, decodes a JPEG
# and a WebP, and writes a PNG; both PNGs and both glyph dumps must be identical.
# Usage: check-image.sh OUTDIR (after build.sh OUTDIR, or build-image-deps.sh OUTDIR)
set -euo pipefail
source "$(dirname "$0")/common.sh"
(($# == 1)) || die "usage: $0 OUTDIR"
OUT=$(cd "$1" && pwd)
WORK=$OUT/check-image
mkdir -p "$WORK"

need_packages g++ pkg-config libharfbuzz-dev libfreetype-dev libpng-dev libjpeg62-turbo-dev libwebp-dev \
  fonts-noto-core emscripten nodejs
CHECK_KEY=$(check_key "$DEPS_DIR/image-parity.cpp" -- libharfbuzz-dev libfreetype-dev libpng-dev libjpeg62-turbo-dev \
  libwebp-dev fonts-noto-core zlib1g-dev)
check_passed_before image-libraries "$CHECK_KEY" && exit 0
FONTS=/usr/share/fonts/truetype/noto
ARABIC=$FONTS/NotoNaskhArabic-Regular.ttf
LATIN=$FONTS/NotoSans-Regular.ttf

# shellcheck disable=SC2046
g++ -std=c++17 -O2 "$DEPS_DIR/image-parity.cpp" \
  $(pkg-config --cflags --libs harfbuzz freetype2 libpng libjpeg libwebp zlib) -o "$WORK/native"
inc=() libs=()
for d in harfbuzz-wasm/include/harfbuzz freetype-wasm/include/freetype2 libpng-wasm/include zlib-wasm/include \
  libjpeg-wasm/include libwebp-wasm/include; do inc+=(-I"$OUT/$d"); done
for l in harfbuzz-wasm/lib/libharfbuzz.a freetype-wasm/lib/libfreetype.a libpng-wasm/lib/libpng16.a \
  zlib-wasm/lib/libz.a libjpeg-wasm/lib/libjpeg.a libwebp-wasm/lib/libwebpdecoder.a; do libs+=("$OUT/$l"); done
# -sNODERAWFS=1: the program reads the fonts and pictures and writes the PNG with plain file
# calls, straight on the host's files under Node. -sALLOW_MEMORY_GROWTH=1: fonts and pixels
# outgrow the default 16 MB heap.
em++ -std=c++17 -O2 "${inc[@]}" "$DEPS_DIR/image-parity.cpp" "${libs[@]}" \
  -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -o "$WORK/wasm.js"

"$WORK/native" --make-inputs "$WORK/in.jpg" "$WORK/in.webp"
"$WORK/native" "$ARABIC" "$LATIN" "$WORK/in.jpg" "$WORK/in.webp" "$WORK/native.png" >"$WORK/native.txt"
node "$WORK/wasm.js" "$ARABIC" "$LATIN" "$WORK/in.jpg" "$WORK/in.webp" "$WORK/wasm.png" >"$WORK/wasm.txt"
log "native: $(sha256sum <"$WORK/native.png" | cut -c1-64) $(sed -n 1p "$WORK/native.txt")"
log "wasm:   $(sha256sum <"$WORK/wasm.png" | cut -c1-64) $(sed -n 1p "$WORK/wasm.txt")"
fails=0
if ! cmp -s "$WORK/native.txt" "$WORK/wasm.txt"; then
  log "glyphs or pixels differ:"
  diff "$WORK/native.txt" "$WORK/wasm.txt" | head -20 >&2 || true  # (pipefail: diff's 1)
  fails=1
fi
cmp -s "$WORK/native.png" "$WORK/wasm.png" || { log "the PNGs differ"; fails=1; }
((fails == 0)) || die "image libraries: wasm differs from native (see $WORK)"
log "image libraries: $(grep -c '^  g' "$WORK/native.txt") glyphs, a JPEG, a WebP and a $(stat -c %s "$WORK/native.png")-byte PNG identical natively and in wasm"
check_passed image-libraries "$CHECK_KEY"
