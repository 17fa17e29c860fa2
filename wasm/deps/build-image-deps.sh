#!/usr/bin/env bash
# Builds the C libraries of the image renderer (issue 23) as static WebAssembly libraries from
# Debian bookworm's own source packages, the versions native builds link (libfreetype-dev,
# libharfbuzz-dev, libpng-dev, zlib1g-dev, libjpeg62-turbo-dev, libwebp-dev), so a picture is
# the same bytes natively and in wasm. Emscripten's ports (-sUSE_FREETYPE, ...) are not used:
# they download other versions from the internet. Usage: build-image-deps.sh OUTDIR
# Result (links into the cache, see common.sh), each {include,lib,LICENSE*}:
#   OUTDIR/zlib-wasm, libpng-wasm, freetype-wasm, harfbuzz-wasm, libjpeg-wasm, libwebp-wasm
# shellcheck disable=SC2086  # IMAGE_WASM_CFLAGS is a list of flags, split on purpose
set -euo pipefail
source "$(dirname "$0")/common.sh"

(($# == 1)) || die "usage: $0 OUTDIR"
mkdir -p "$1"; OUT=$(cd "$1" && pwd)
lock_cache

# The source versions, as `apt-cache showsrc` reports them on bookworm.
ZLIB_DEB_VERSION=1:1.2.13.dfsg-1
# libpng-dev may be 1.6.39-2+deb12u6 (bookworm-security), whose source the security archive
# did not serve here (404); u5 is the same 1.6.39 with all but the last security fixes, none
# of which touches how a PNG is written.
LIBPNG_DEB_VERSION=1.6.39-2+deb12u5
FREETYPE_DEB_VERSION=2.12.1+dfsg-5+deb12u4
HARFBUZZ_DEB_VERSION=6.0.0+dfsg-3
LIBJPEG_DEB_VERSION=1:2.1.5-2
LIBWEBP_DEB_VERSION=1.2.4-0.2+deb12u1
# -O2, not the client core's -Oz: this module renders on servers and in workers, outside the
# page's byte budget, and rasterizing and deflating are where a picture's time goes.
IMAGE_WASM_CFLAGS=${IMAGE_WASM_CFLAGS:-"-O2"}
# Our patches to FreeType (each says why in its header): what makes wasm rasterize as x86-64.
mapfile -t FREETYPE_PATCHES < <(find "$DEPS_DIR/patches" -name 'freetype-*.patch' | sort)

# unpack PKG VERSION DIR: Debian's source with Debian's patches applied (dpkg-source -x), as
# the native packages were built.
unpack() {
  local v=$2
  rm -rf "$3"
  # --no-copy: the tarballs stay in DOWNLOADS (dpkg-source would copy them beside DIR).
  dpkg-source -q --no-copy -x "$DOWNLOADS/${1}_${v#*:}.dsc" "$3" >/dev/null
}

# emcmake_lib SRC BUILD ARGS...: configures a CMake project for wasm with our flags.
emcmake_lib() {
  local src=$1 build=$2; shift 2
  # Release's -O3 is replaced by ours; NDEBUG as in upstream's Release builds.
  emcmake cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_FLAGS_RELEASE="$IMAGE_WASM_CFLAGS -DNDEBUG" -DBUILD_SHARED_LIBS=OFF "$@"
}

build_zlib() {
  local out=$1 src=$1/.src c objs=()
  unpack zlib "$ZLIB_DEB_VERSION" "$src"
  mkdir -p "$out/include" "$out/lib" "$out/obj"
  for c in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast inflate \
    inftrees trees uncompr zutil; do
    # -DUNALIGNED_OK: what Debian's rules add on amd64 (deflate's longest_match compares two
    # bytes at a time); wasm loads unaligned words too, so both builds run the same code.
    # -D_LARGEFILE64_SOURCE=1 -DHAVE_HIDDEN: what zlib's configure finds on Linux.
    emcc $IMAGE_WASM_CFLAGS -DUNALIGNED_OK -D_LARGEFILE64_SOURCE=1 -DHAVE_HIDDEN \
      -I"$src" -c "$src/$c.c" -o "$out/obj/$c.o"
    objs+=("$out/obj/$c.o")
  done
  emar rcs "$out/lib/libz.a" "${objs[@]}"
  cp "$src/zlib.h" "$src/zconf.h" "$out/include/"
  sed -n '/Copyright/,/madler@alumni.caltech.edu/p' "$src/README" >"$out/LICENSE"
  rm -rf "$src" "$out/obj"
}

# build_libpng ZLIB OUT (`cached` appends OUT)
build_libpng() {
  local zlib=$1 out=$2 src=$2/.src c objs=()
  unpack libpng1.6 "$LIBPNG_DEB_VERSION" "$src"
  mkdir -p "$out/include" "$out/lib" "$out/obj"
  # The prebuilt configuration is what Debian's configure writes, but for the zlib version
  # it records (zlib 1.2.13), which libpng compares with the zlib it runs on.
  sed 's/^#define PNG_ZLIB_VERNUM 0 .*/#define PNG_ZLIB_VERNUM 0x12d0/' \
    "$src/scripts/pnglibconf.h.prebuilt" >"$src/pnglibconf.h"
  for c in png pngerror pngget pngmem pngpread pngread pngrio pngrtran pngrutil pngset pngtrans \
    pngwio pngwrite pngwtran pngwutil; do
    # No -DPNG_INTEL_SSE: SIMD only speeds up reading's unfiltering (bit-exact in C).
    emcc $IMAGE_WASM_CFLAGS -I"$src" -I"$zlib/include" -c "$src/$c.c" -o "$out/obj/$c.o"
    objs+=("$out/obj/$c.o")
  done
  emar rcs "$out/lib/libpng16.a" "${objs[@]}"
  ln -s libpng16.a "$out/lib/libpng.a"
  cp "$src/png.h" "$src/pngconf.h" "$src/pnglibconf.h" "$out/include/"
  cp "$src/LICENSE" "$out/LICENSE"
  rm -rf "$src" "$out/obj"
}

# FreeType with our zlib (gzip'd and WOFF fonts; as Debian's, which links the system zlib),
# without its other optional dependencies: libpng (colour emoji bitmaps), bzip2, brotli (WOFF2)
# and HarfBuzz (the autohinter's script coverage, and a cycle: HarfBuzz needs FreeType). With
# FT_DISABLE_ZLIB it would compile its own copy of zlib, whose symbols clash with ours at the
# link. A TrueType/OpenType outline font rasterizes with the same code as Debian's (whose
# ftoption.h is patched alike, e.g. subpixel rendering on). build_freetype ZLIB OUT
build_freetype() {
  local zlib=$1 out=$2 src=$2/.src
  unpack freetype "$FREETYPE_DEB_VERSION" "$src"
  local p
  for p in "${FREETYPE_PATCHES[@]}"; do patch -d "$src" -p1 --forward <"$p"; done
  # ZLIB_INCLUDE_DIR/ZLIB_LIBRARY: FindZLIB takes them as found (emcmake's toolchain searches
  # only inside Emscripten's sysroot).
  emcmake_lib "$src" "$src/build-wasm" -DCMAKE_INSTALL_PREFIX="$out" \
    -DFT_REQUIRE_ZLIB=TRUE -DZLIB_INCLUDE_DIR="$zlib/include" -DZLIB_LIBRARY="$zlib/lib/libz.a" \
    -DFT_DISABLE_BZIP2=TRUE -DFT_DISABLE_PNG=TRUE -DFT_DISABLE_HARFBUZZ=TRUE -DFT_DISABLE_BROTLI=TRUE
  cmake --build "$src/build-wasm" -j"$JOBS"
  cmake --install "$src/build-wasm"
  rm -rf "$out/lib/cmake" "$out/lib/pkgconfig"
  cp "$src/docs/FTL.TXT" "$out/LICENSE.FTL"
  rm -rf "$src"
}

# HarfBuzz as its own single translation unit (src/harfbuzz.cc, how upstream suggests
# embedding it), with hb-ft on our FreeType; no glib, ICU, graphite2 or cairo. Shaping is the
# same as Debian's: both use HarfBuzz's own Unicode data (hb-ucd) and OpenType shapers, and
# graphite2 (on natively) only acts on fonts with Graphite tables, which Noto has not.
# build_harfbuzz FREETYPE OUT
build_harfbuzz() {
  local freetype=$1 out=$2 src=$2/.src
  unpack harfbuzz "$HARFBUZZ_DEB_VERSION" "$src"
  mkdir -p "$out/include/harfbuzz" "$out/lib" "$out/obj"
  # HAVE_FREETYPE: compiles hb-ft.cc. HB_NO_MT: one thread in wasm, no locking needed.
  # -fno-exceptions -fno-rtti: how HarfBuzz is always built (meson's cpp_eh=none, cpp_rtti=false).
  em++ $IMAGE_WASM_CFLAGS -std=c++11 -fno-exceptions -fno-rtti -DHAVE_FREETYPE=1 -DHB_NO_MT \
    -I"$freetype/include/freetype2" -c "$src/src/harfbuzz.cc" -o "$out/obj/harfbuzz.o"
  emar rcs "$out/lib/libharfbuzz.a" "$out/obj/harfbuzz.o"
  # The public headers are the .h files (internal ones are .hh), as Debian installs them.
  local h
  for h in "$src"/src/hb.h "$src"/src/hb-*.h; do cp "$h" "$out/include/harfbuzz/"; done
  rm -f "$out"/include/harfbuzz/hb-{coretext,directwrite,gdi,uniscribe,glib,gobject,graphite2,icu,cairo}*.h
  cp "$src/COPYING" "$out/LICENSE"
  rm -rf "$src" "$out/obj"
}

# libjpeg-turbo's libjpeg (the 6b API, as libjpeg62-turbo), without SIMD (none for wasm): the
# C code decodes the same pixels as the SIMD paths natively (libjpeg-turbo tests them so).
build_libjpeg() {
  local out=$1 src=$1/.src
  unpack libjpeg-turbo "$LIBJPEG_DEB_VERSION" "$src"
  # CMake's check_type_size reads the sizes out of a compiled object, which fails with emcc
  # (SIZEOF_SIZE_T comes out empty and jchuff.c does not compile): wasm32's are given.
  emcmake_lib "$src" "$src/build-wasm" -DENABLE_SHARED=FALSE -DENABLE_STATIC=TRUE \
    -DWITH_SIMD=FALSE -DWITH_TURBOJPEG=FALSE -DWITH_JAVA=FALSE \
    -DHAVE_SIZE_T=TRUE -DSIZE_T=4 -DHAVE_UNSIGNED_LONG=TRUE -DUNSIGNED_LONG=4
  cmake --build "$src/build-wasm" -j"$JOBS" --target jpeg-static
  mkdir -p "$out/include" "$out/lib"
  cp "$src/build-wasm/libjpeg.a" "$out/lib/"
  cp "$src/jpeglib.h" "$src/jmorecfg.h" "$src/jerror.h" "$src/build-wasm/jconfig.h" "$out/include/"
  cp "$src/LICENSE.md" "$out/LICENSE.md"; cp "$src/README.ijg" "$out/README.ijg"
  rm -rf "$src"
}

# libwebp's decoder only (libwebpdecoder: WebPDecode*, what reading an article's picture
# needs), no threads, no SIMD (wasm has none here; libwebp's SIMD decoding is bit-exact).
build_libwebp() {
  local out=$1 src=$1/.src t
  unpack libwebp "$LIBWEBP_DEB_VERSION" "$src"
  local off=()
  for t in ANIM_UTILS CWEBP DWEBP GIF2WEBP IMG2WEBP VWEBP WEBPINFO LIBWEBPMUX WEBPMUX EXTRAS; do
    off+=("-DWEBP_BUILD_$t=OFF")
  done
  emcmake_lib "$src" "$src/build-wasm" "${off[@]}" -DWEBP_USE_THREAD=OFF -DWEBP_ENABLE_SIMD=OFF
  cmake --build "$src/build-wasm" -j"$JOBS" --target webpdecoder
  mkdir -p "$out/include/webp" "$out/lib"
  cp "$src/build-wasm/libwebpdecoder.a" "$out/lib/"
  cp "$src"/src/webp/{decode,types}.h "$out/include/webp/"
  cp "$src/COPYING" "$out/LICENSE"; cp "$src/PATENTS" "$out/PATENTS"
  rm -rf "$src"
}

need_packages dpkg-dev patch emscripten nodejs cmake
for p in "zlib $ZLIB_DEB_VERSION" "libpng1.6 $LIBPNG_DEB_VERSION" "freetype $FREETYPE_DEB_VERSION" \
  "harfbuzz $HARFBUZZ_DEB_VERSION" "libjpeg-turbo $LIBJPEG_DEB_VERSION" "libwebp $LIBWEBP_DEB_VERSION"; do
  # shellcheck disable=SC2086
  fetch_source $p "$DOWNLOADS"
done
EMCC=$(emcc_version)

cached zlib-wasm "$(key unpack build_zlib "$ZLIB_DEB_VERSION" "$IMAGE_WASM_CFLAGS" "$EMCC")" build_zlib
link_output "$OUT" zlib-wasm
ZLIB=$CACHED
cached libpng-wasm "$(key unpack build_libpng "$LIBPNG_DEB_VERSION" "$IMAGE_WASM_CFLAGS" "$EMCC" "${ZLIB##*-}")" \
  build_libpng "$ZLIB"
link_output "$OUT" libpng-wasm
cached freetype-wasm "$(key unpack emcmake_lib build_freetype "$FREETYPE_DEB_VERSION" "${FREETYPE_PATCHES[@]}" \
  "$IMAGE_WASM_CFLAGS" "$EMCC" "${ZLIB##*-}")" \
  build_freetype "$ZLIB"
link_output "$OUT" freetype-wasm
FREETYPE=$CACHED
cached harfbuzz-wasm "$(key unpack build_harfbuzz "$HARFBUZZ_DEB_VERSION" "$IMAGE_WASM_CFLAGS" "$EMCC" "${FREETYPE##*-}")" \
  build_harfbuzz "$FREETYPE"
link_output "$OUT" harfbuzz-wasm
cached libjpeg-wasm "$(key unpack emcmake_lib build_libjpeg "$LIBJPEG_DEB_VERSION" "$IMAGE_WASM_CFLAGS" "$EMCC")" \
  build_libjpeg
link_output "$OUT" libjpeg-wasm
cached libwebp-wasm "$(key unpack emcmake_lib build_libwebp "$LIBWEBP_DEB_VERSION" "$IMAGE_WASM_CFLAGS" "$EMCC")" \
  build_libwebp
link_output "$OUT" libwebp-wasm
log "image libraries ready in $OUT: zlib-wasm libpng-wasm freetype-wasm harfbuzz-wasm libjpeg-wasm libwebp-wasm"
