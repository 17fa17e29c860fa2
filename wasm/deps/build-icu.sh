#!/usr/bin/env bash
# Builds ICU 72.1 from Debian's source package: natively (tools for the data subset and for
# --with-cross-build) and as static WebAssembly libraries. Usage: build-icu.sh OUTDIR
# Result: OUTDIR/icu-native-tools/{bin,lib}, OUTDIR/icu-wasm/{include,lib,uconfig-flags.txt}
set -euo pipefail
source "$(dirname "$0")/common.sh"

(($# == 1)) || die "usage: $0 OUTDIR"
mkdir -p "$1"; OUT=$(cd "$1" && pwd)
STAMPS=$OUT/.stamps LOGS=$OUT/logs

# The version libicu-dev has on bookworm, so native and wasm results are the same bytes.
ICU_DEB_VERSION=72.1-3+deb12u1
# Debian's patches that change ICU's code (security fixes); its third patch,
# icudata-stdlibs.patch, only changes how Linux's shared libicudata is linked.
ICU_PATCHES=(ICU-22198.patch 0001-ICU-22973-Fix-buffer-overflow-by-using-CharString.patch)
# ICU's UCONFIG_* switches change struct layouts and inline code in the headers, so consumers
# must compile with exactly these; they are written to icu-wasm/uconfig-flags.txt.
# NO_LEGACY_CONVERSION: drops the non-Unicode codepage converters (only UTF-*, Latin-1 and
# ASCII remain); nothing in the core reads legacy encodings and their tables would be linked
# as soon as any ucnv function is.
# U_CHARSET_IS_UTF8=1: char* strings (UnicodeString(const char*), u_uastrcpy, ...) are always
# UTF-8 instead of whatever codepage ICU derives from the runtime's locale at first use, and
# no converter (nor the cnvalias.icu data item) is needed for them.
# The rest remove services the core never calls (checked with grep over core/src and the
# golden cards; measured together: khabar-core.wasm 551 -> 496 KB brotli):
# NO_COLLATION: Collator and everything it pulls in through RuleBasedNumberFormat's lenient
# parsing (MessageFormat links RBNF for spellout/ordinal arguments; ours use plural only).
# NO_TRANSLITERATION, NO_REGULAR_EXPRESSIONS, NO_IDNA: unused APIs.
# NO_SERVICE: no registerInstance/registerFactory; BreakIterator, NumberFormat, DateFormat
# are created straight from the data instead of through ICU's service registry.
# Not NO_FILTERED_BREAK_ITERATION: core/src/text.cpp asks for `ss=standard` (abbreviation
# exceptions in en/fr sentence breaks); the golden cards pass without it, but the breaks differ.
ICU_UCONFIG_FLAGS="-DUCONFIG_NO_LEGACY_CONVERSION=1 -DU_CHARSET_IS_UTF8=1 -DUCONFIG_NO_COLLATION=1 \
-DUCONFIG_NO_TRANSLITERATION=1 -DUCONFIG_NO_REGULAR_EXPRESSIONS=1 -DUCONFIG_NO_IDNA=1 -DUCONFIG_NO_SERVICE=1"

SRC=$OUT/icu-src/icu/source
NATIVE=$OUT/icu-native-tools
WASM_BUILD=$OUT/icu-wasm-build
WASM=$OUT/icu-wasm

unpack() {
  rm -rf "$OUT/icu-src" && mkdir -p "$OUT/icu-src/debian-pkg"
  tar -xzf "$OUT/downloads/icu_${ICU_DEB_VERSION%%-*}.orig.tar.gz" -C "$OUT/icu-src"
  tar -xJf "$OUT/downloads/icu_$ICU_DEB_VERSION.debian.tar.xz" -C "$OUT/icu-src/debian-pkg"
  local p
  for p in "${ICU_PATCHES[@]}"; do
    grep -qx "$p" "$OUT/icu-src/debian-pkg/debian/patches/series" || { echo "$p not in Debian's series"; exit 1; }
    echo "applying $p"
    patch -d "$OUT/icu-src/icu" -p1 --forward <"$OUT/icu-src/debian-pkg/debian/patches/$p"
  done
}

build_native() {
  rm -rf "$NATIVE" && mkdir -p "$NATIVE"
  cd "$NATIVE"
  # Same switches as Debian's own build minus what we never run (tests, samples).
  "$SRC/configure" --disable-layoutex --disable-icu-config --disable-tests --disable-samples \
    CFLAGS=-O2 CXXFLAGS=-O2
  make -j"$JOBS"
}

build_wasm() {
  rm -rf "$WASM_BUILD" "$WASM" && mkdir -p "$WASM_BUILD"
  cd "$WASM_BUILD"
  # No --host: with it ICU's configure picks no platform makefile for wasm; emconfigure's
  # compiler already targets wasm. Flags:
  #   --enable-static --disable-shared   wasm has no shared libraries we want
  #   --disable-tools/tests/samples/extras/icuio   only libicuuc + libicui18n are needed
  #   --disable-dyload                   no dlopen of plugins in wasm
  #   --with-data-packaging=archive      libicudata becomes a small stub; the real data is a
  #                                      .dat handed over at run time (udata_setCommonData).
  #                                      "static" fails with this toolchain.
  #   --with-cross-build                 runs the native tools instead of wasm ones
  #   -Oz                                smallest code; ICU is not on the hot path
  emconfigure "$SRC/configure" --prefix="$WASM" \
    --enable-static --disable-shared --disable-tools --disable-tests --disable-samples \
    --disable-extras --disable-icuio --disable-dyload --disable-layoutex \
    --with-data-packaging=archive --with-cross-build="$NATIVE" \
    CFLAGS=-Oz CXXFLAGS=-Oz CPPFLAGS="$ICU_UCONFIG_FLAGS"
  emmake make -j"$JOBS"
  emmake make install
  rm -rf "${WASM:?}/share" "${WASM:?}/bin" "${WASM:?}/sbin" "${WASM:?}/lib/icu"  # data and Makefile.inc of the archive build: unused
  echo "$ICU_UCONFIG_FLAGS" >"$WASM/uconfig-flags.txt"
}

need_packages build-essential python3 patch xz-utils dpkg-dev emscripten nodejs
step icu-fetch "$(key fetch_source "$ICU_DEB_VERSION")" "$OUT/downloads/icu_$ICU_DEB_VERSION.dsc" \
  fetch_source icu "$ICU_DEB_VERSION" "$OUT/downloads"
K_UNPACK=$(key unpack "$ICU_DEB_VERSION" "${ICU_PATCHES[@]}")
step icu-unpack "$K_UNPACK" "$SRC/configure" unpack
K_NATIVE=$(key build_native "$K_UNPACK")
step icu-native "$K_NATIVE" "$NATIVE/bin/icupkg" build_native
K_WASM=$(key build_wasm "$K_NATIVE" "$ICU_UCONFIG_FLAGS" "$(emcc_version)")
step icu-wasm "$K_WASM" "$WASM/lib/libicui18n.a" build_wasm
log "ICU ready: $WASM (wasm), $NATIVE (native tools)"
