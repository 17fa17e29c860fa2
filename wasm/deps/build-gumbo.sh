#!/usr/bin/env bash
# Builds Gumbo 0.10.1 (Google's WHATWG HTML5 parser, Apache-2.0) as a static WebAssembly library
# for the HTML reader's wasm build (khabar-core-html). Usage: build-gumbo.sh OUTDIR
# Result: OUTDIR/gumbo-wasm/{include/gumbo.h,include/tag_enum.h,lib/libgumbo.a,COPYING} (a link
# into the cache, see common.sh)
#
# The native build uses Debian's libgumbo-dev, also 0.10.1, but the archive serves no source
# package for it; the npm package gumbo-parser@0.3.0 carries Gumbo 0.10.1's own C sources
# (deps/gumbo-parser/src, the same gumbo.h as Debian's), pinned by its integrity hash in
# gumbo/package-lock.json and fetched with `npm ci`. Its Node addon is never built (--ignore-scripts).
set -euo pipefail
source "$(dirname "$0")/common.sh"

(($# == 1)) || die "usage: $0 OUTDIR"
mkdir -p "$1"; OUT=$(cd "$1" && pwd)
lock_cache

GUMBO_NPM=$DEPS_DIR/gumbo

# build OUT: npm ci in a scratch copy of gumbo/, then every C file of Gumbo's src/ with emcc.
build() {
  local out=$1 src=$1/.npm
  mkdir -p "$src" "$out/include" "$out/lib" "$out/obj"
  cp "$GUMBO_NPM/package.json" "$GUMBO_NPM/package-lock.json" "$src/"
  # --ignore-scripts: the package's install step would compile its Node addon with node-gyp.
  (cd "$src" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  local gumbo=$src/node_modules/gumbo-parser/deps/gumbo-parser
  grep -q 'AC_INIT(\[gumbo\], \[0.10.1\]' "$gumbo/configure.ac" || { echo "not Gumbo 0.10.1"; exit 1; }
  local c objs=()
  for c in "$gumbo"/src/*.c; do
    # -Oz: smallest code, as ICU and libstemmer; -flto: bitcode, so the core's LTO link drops
    # what the reader never calls. -std=c99 and no -DNDEBUG: how upstream's autotools build it.
    emcc -Oz -flto -std=c99 -I"$gumbo/src" -c "$c" -o "$out/obj/$(basename "${c%.c}").o"
    objs+=("$out/obj/$(basename "${c%.c}").o")
  done
  emar rcs "$out/lib/libgumbo.a" "${objs[@]}"
  cp "$gumbo/src/gumbo.h" "$gumbo/src/tag_enum.h" "$out/include/"
  cp "$gumbo/COPYING" "$out/COPYING"
  rm -rf "$src" "$out/obj"
}

need_packages emscripten nodejs
# npm comes with Node.js (scripts/deps.sh makes sure of it), not always as a Debian package.
command -v npm >/dev/null || die "npm not found (scripts/deps.sh installs Node.js with npm)"
cached gumbo-wasm "$(key build "$GUMBO_NPM/package.json" "$GUMBO_NPM/package-lock.json" "$(emcc_version)")" build
link_output "$OUT" gumbo-wasm
log "Gumbo ready: $OUT/gumbo-wasm"
