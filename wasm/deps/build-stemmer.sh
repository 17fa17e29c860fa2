#!/usr/bin/env bash
# Builds Snowball's libstemmer (UTF-8 stemmers only) as a static WebAssembly library from
# Debian's source package `snowball`. Usage: build-stemmer.sh OUTDIR
# Result: OUTDIR/stemmer-wasm/{include/libstemmer.h,lib/libstemmer.a,stemmers.txt} (a link
# into the cache, see common.sh)
set -euo pipefail
source "$(dirname "$0")/common.sh"

(($# == 1)) || die "usage: $0 OUTDIR"
mkdir -p "$1"; OUT=$(cd "$1" && pwd)
lock_cache

# The version libstemmer-dev has on bookworm (same stems natively and in wasm).
SNOWBALL_DEB_VERSION=2.2.0-2
# Algorithms compiled in (names from libstemmer/modules.txt; Snowball 2.2 has none for he, fa
# or ur). sb_stemmer_new's table links every listed one, so this list is the size knob:
# measured, all 29 UTF-8 stemmers add ~250 KB raw / ~70 KB gzip of wasm over these three.
STEMMERS=${STEMMERS:-"arabic english french"}

# build OUT: generates the stemmers' C sources (below) and compiles them with emcc.
build() {
  local out=$1
  SRC=$out/.src
  # dpkg-source applies Debian's patches (they only touch the GNUmakefile's flags and targets).
  dpkg-source -x "$DOWNLOADS/snowball_$SNOWBALL_DEB_VERSION.dsc" "$SRC"
  generate
  build_wasm "$out"
  rm -rf "$SRC"
}

# Snowball's C stemmers are generated: build the snowball compiler natively, then generate
# the UTF-8 sources and a libstemmer module table restricted to $STEMMERS.
generate() {
  cd "$SRC"
  make clean >/dev/null
  make -j"$JOBS" snowball
  local wanted=" $STEMMERS " m
  awk -v w="$wanted" '/^#/ || NF == 0 || index(w, " " $1 " ")' libstemmer/modules.txt >libstemmer/modules-khabar.txt
  for m in $STEMMERS; do
    grep -q "^$m " libstemmer/modules-khabar.txt || { echo "unknown stemmer $m"; exit 1; }
    make "src_c/stem_UTF_8_$m.c"
  done
  libstemmer/mkmodules.pl libstemmer/modules_utf8.h src_c libstemmer/modules-khabar.txt libstemmer/mkinc_utf8.mak utf8
  sed 's/@MODULES_H@/modules_utf8.h/' libstemmer/libstemmer_c.in >libstemmer/libstemmer_utf8.c
}

build_wasm() {
  local out=$1
  cd "$SRC"
  mkdir -p "$out/include" "$out/lib" build-wasm
  local sources=(libstemmer/libstemmer_utf8.c runtime/api.c runtime/utilities.c)
  local m
  for m in $STEMMERS; do sources+=("src_c/stem_UTF_8_$m.c"); done
  local objs=() s o
  for s in "${sources[@]}"; do
    o=build-wasm/$(basename "${s%.c}").o
    # -Oz: smallest code. -Iinclude: libstemmer.h. No -DNDEBUG: upstream builds without it.
    emcc -Oz -Iinclude -c "$s" -o "$o"
    objs+=("$o")
  done
  emar rcs "$out/lib/libstemmer.a" "${objs[@]}"
  cp include/libstemmer.h "$out/include/"
  tr -s ' ' '\n' <<<"$STEMMERS" | sed '/^$/d' >"$out/stemmers.txt"
}

need_packages build-essential perl dpkg-dev emscripten nodejs
fetch_source snowball "$SNOWBALL_DEB_VERSION" "$DOWNLOADS"
cached stemmer-wasm "$(key build generate build_wasm "$SNOWBALL_DEB_VERSION" "$STEMMERS" "$(emcc_version)")" build
link_output "$OUT" stemmer-wasm
log "libstemmer ready: $OUT/stemmer-wasm ($STEMMERS)"
