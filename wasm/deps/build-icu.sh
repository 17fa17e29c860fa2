#!/usr/bin/env bash
# Builds ICU 72.1 from Debian's source package as static WebAssembly libraries, with ICU's
# native tools (for --with-cross-build and for cutting the data) taken from Debian's
# icu-devtools of the same version, or built from the same source when that package is
# another version. Usage: build-icu.sh OUTDIR
# Result (links into the cache, see common.sh): OUTDIR/icu-tools/{bin,lib,config},
# OUTDIR/icu-wasm/{include,lib,uconfig-flags.txt}
set -euo pipefail
source "$(dirname "$0")/common.sh"

(($# == 1)) || die "usage: $0 OUTDIR"
mkdir -p "$1"; OUT=$(cd "$1" && pwd)
lock_cache

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
# The size levers of issue 12. Each can be switched off (=0) to measure it on its own; the
# savings are khabar-core.wasm's, brotli -q 11, measured one after the other in the order
# below (README.md, "Size levers").
#
# ICU_PATCHES_LEVER: our patches to ICU's code (wasm/deps/patches/icu-*.patch, applied in
# name order after Debian's, to the wasm build only; each says in its header what it
# removes): calendars limited to those whose data is shipped, date and number parsing
# stubbed, no RuleBasedNumberFormat; icu-04 keeps ICU from opening en for root calendars.
# Saves 32.4 KB brotli of khabar-core.wasm (513.6 -> 481.2 KB).
ICU_PATCHES_LEVER=${ICU_PATCHES_LEVER:-1}
KHABAR_PATCHES=()
((ICU_PATCHES_LEVER)) && mapfile -t KHABAR_PATCHES < <(find "$DEPS_DIR/patches" -name 'icu-*.patch' | sort)
# Compiler flags of ICU's wasm build: -Oz, smallest code (but ICU_HOT_LEVER below).
ICU_WASM_CFLAGS="-Oz"
# ICU_VFE_LEVER: virtual function elimination. ICU compiled to LTO bitcode with hidden
# visibility and whole-program vtables, so the link (which the core's CMake gives the same
# flags) drops every virtual function no call can reach (parse paths, zone-name code, ...).
# U_STATIC_IMPLEMENTATION: ICU's classes are then declared without U_EXPORT (its default
# U_COMMON_IMPLEMENTATION makes them public, and public classes keep their vtables whole);
# it goes into uconfig-flags.txt, so every translation unit that includes ICU defines it
# too. Binaryen cannot do this after the link (the function table is exported). Saves
# 29.7 KB brotli more (481.2 -> 451.5 KB). A file compiled without these flags that calls an
# ICU virtual function breaks (check-data.sh).
ICU_VFE_LEVER=${ICU_VFE_LEVER:-1}
if ((ICU_VFE_LEVER)); then
  ICU_WASM_CFLAGS+=" -flto -fvisibility=hidden -fwhole-program-vtables -fvirtual-function-elimination"
  ICU_UCONFIG_FLAGS+=" -DU_STATIC_IMPLEMENTATION=1"
fi
# ICU_HOT_LEVER: the ICU files the cards spend their time in, compiled at -O2 (the rest stays
# -Oz): break iteration (rbbi, rbbi_cache, filteredbrk), UTF-8 text access (utext), character
# properties and their tries (uchar, ucptrie, utrie2). +10 % EASC cards a second in wasm for
# 3.1 KB brotli (issue 12, round 4: wasm/deps/README.md); UnicodeString and NFC as well gave
# no more speed for 5.7 KB more.
ICU_HOT_LEVER=${ICU_HOT_LEVER:-1}
ICU_HOT_FILES=""
((ICU_HOT_LEVER)) && ICU_HOT_FILES="common/rbbi common/rbbi_cache common/utext common/uchar common/ucptrie common/utrie2 common/filteredbrk"
# Where the native tools come from: `debian` (icu-devtools, when it is ICU_DEB_VERSION; else
# falls back to `source`) or `source` (built from the same source package, 2.5-6 min).
ICU_TOOLS=${ICU_TOOLS:-debian}

# unpack_icu DIR PATCH...: ICU's source in DIR/icu, with Debian's code patches and PATCH...
unpack_icu() {
  local dir=$1 p; shift
  rm -rf "$dir" && mkdir -p "$dir/debian-pkg"
  tar -xzf "$DOWNLOADS/icu_${ICU_DEB_VERSION%%-*}.orig.tar.gz" -C "$dir"
  tar -xJf "$DOWNLOADS/icu_$ICU_DEB_VERSION.debian.tar.xz" -C "$dir/debian-pkg"
  for p in "${ICU_PATCHES[@]}"; do
    grep -qx "$p" "$dir/debian-pkg/debian/patches/series" || { echo "$p not in Debian's series"; exit 1; }
    echo "applying Debian's $p"
    patch -d "$dir/icu" -p1 --forward <"$dir/debian-pkg/debian/patches/$p"
  done
  for p in "$@"; do
    echo "applying $(basename "$p")"
    patch -d "$dir/icu" -p1 --forward <"$p"
  done
}

# tools_debian OUT: a cross-build root (the folder --with-cross-build reads) whose tools are
# Debian's icu-devtools: config/icucross.mk names bin/, which links to /usr/bin and
# /usr/sbin; the tools find Debian's libicu72 of the same version by themselves (lib/ stays
# empty). Saves building ICU natively: 142-341 s on the 2-core machine.
tools_debian() {
  local out=$1 t
  mkdir -p "$out/bin" "$out/lib" "$out/config"
  for t in derb genbrk gencfu gencnval gendict genrb makeconv pkgdata uconv; do ln -s "/usr/bin/$t" "$out/bin/$t"; done
  for t in genccode gencmn gennorm2 gensprep icupkg; do ln -s "/usr/sbin/$t" "$out/bin/$t"; done
  # What ICU's own native build writes there (the rules in source/Makefile.in).
  echo "CROSS_ICU_VERSION=${ICU_DEB_VERSION%%-*}" >"$out/config/icucross.mk"
  cat >>"$out/config/icucross.mk" <<'EOF'
TOOLEXEEXT=
TOOLBINDIR=$(cross_buildroot)/bin
TOOLLIBDIR=$(cross_buildroot)/lib
INVOKE=LD_LIBRARY_PATH=$(TOOLLIBDIR):$$LD_LIBRARY_PATH
PKGDATA_INVOKE=LD_LIBRARY_PATH=$(TOOLLIBDIR):$$LD_LIBRARY_PATH
EOF
  : >"$out/config/icucross.inc"
  # (Not `icupkg -h | grep -q`: under pipefail, icupkg's usage status or a SIGPIPE fails it.)
  local usage; usage=$("$out/bin/icupkg" -h 2>&1 || true)
  [[ $usage == *icupkg* ]] || { echo "icupkg does not run: $usage"; exit 1; }
}

# tools_source OUT: ICU built natively; its build tree is the cross-build root.
tools_source() {
  local out=$1
  unpack_icu "$out/src"
  cd "$out"
  # Same switches as Debian's own build minus what we never run (tests, samples).
  "$out/src/icu/source/configure" --disable-layoutex --disable-icu-config --disable-tests --disable-samples \
    CFLAGS=-O2 CXXFLAGS=-O2
  make -j"$JOBS"
}

build_wasm() {
  local out=$1 build=$1/.build
  unpack_icu "$out/.src" "${KHABAR_PATCHES[@]}"
  mkdir -p "$build" && cd "$build"
  # No --host: with it ICU's configure picks no platform makefile for wasm; emconfigure's
  # compiler already targets wasm. Flags:
  #   --enable-static --disable-shared   wasm has no shared libraries we want
  #   --disable-tools/tests/samples/extras/icuio   only libicuuc + libicui18n are needed
  #   --disable-dyload                   no dlopen of plugins in wasm
  #   --with-data-packaging=archive      libicudata becomes a small stub; the real data is a
  #                                      .dat handed over at run time (udata_setCommonData).
  #                                      "static" fails with this toolchain.
  #   --with-cross-build                 runs the native tools instead of wasm ones (only the
  #                                      data folder runs any: icupkg, pkgdata)
  # The install prefix is the temporary folder, renamed afterwards: nothing reads it.
  emconfigure "$out/.src/icu/source/configure" --prefix="$out" \
    --enable-static --disable-shared --disable-tools --disable-tests --disable-samples \
    --disable-extras --disable-icuio --disable-dyload --disable-layoutex \
    --with-data-packaging=archive --with-cross-build="$TOOLS" \
    CFLAGS="$ICU_WASM_CFLAGS" CXXFLAGS="$ICU_WASM_CFLAGS" CPPFLAGS="$ICU_UCONFIG_FLAGS"
  emmake make -j"$JOBS"
  # The hot files again at -O2: the very command make runs for each (make -n), with -Oz
  # changed, then make archives the new objects (.ao: ICU's suffix for static-only objects).
  local f cmd
  for f in $ICU_HOT_FILES; do
    [[ -f $f.ao ]] || { echo "ICU_HOT_FILES: no $f.ao in ICU's build"; exit 1; }
    rm -f "$f.ao"
    cmd=$(emmake make -s -n VERBOSE=1 -C "${f%/*}" "${f##*/}.ao" | grep -- ' -c ' | grep -- '-Oz')
    [[ -n $cmd ]] || { echo "ICU_HOT_FILES: no compile command for $f"; exit 1; }
    (cd "${f%/*}" && eval "${cmd//-Oz/-O2}")
  done
  emmake make -j"$JOBS"
  emmake make install
  cd "$out"
  # Unused: the archive build's data and Makefile.inc, pkg-config files naming the temporary
  # prefix, the build tree and the source.
  rm -rf "${out:?}/share" "${out:?}/bin" "${out:?}/sbin" "${out:?}/lib/icu" "${out:?}/lib/pkgconfig" "$build" "$out/.src"
  echo "$ICU_UCONFIG_FLAGS" >"$out/uconfig-flags.txt"
  # The link must do what the compile prepared (CMakeLists.txt reads this file).
  echo "$ICU_WASM_CFLAGS" >"$out/compile-flags.txt"
}

need_packages build-essential python3 patch xz-utils dpkg-dev emscripten nodejs
fetch_source icu "$ICU_DEB_VERSION" "$DOWNLOADS"
K_SOURCE=$(key unpack_icu "$ICU_DEB_VERSION" "${ICU_PATCHES[@]}")
if [[ $ICU_TOOLS == debian ]]; then
  need_packages icu-devtools
  devtools=$(dpkg-query -W -f='${Version}' icu-devtools)
  if [[ $devtools != "$ICU_DEB_VERSION" ]]; then
    log "icu-devtools is $devtools, not $ICU_DEB_VERSION: building ICU's tools from source"
    ICU_TOOLS=source
  fi
fi
if [[ $ICU_TOOLS == debian ]]; then
  cached icu-tools "$(key tools_debian "icu-devtools=$devtools")" tools_debian
else
  cached icu-tools "$(key tools_source "$K_SOURCE")" tools_source
fi
link_output "$OUT" icu-tools
TOOLS=$CACHED
# ICU_LEGACY_CONVERSION=1 (build-icu-html.sh): the same ICU with the codepage converters, for
# khabar-core-html, whose HTML reader decodes pages in windows-1256 & co. with them; linked as
# icu-wasm-html. Unset, nothing here changes (the same flags, the same key).
ICU_LINK=icu-wasm
if [[ ${ICU_LEGACY_CONVERSION:-0} == 1 ]]; then
  ICU_UCONFIG_FLAGS=${ICU_UCONFIG_FLAGS/-DUCONFIG_NO_LEGACY_CONVERSION=1 /}
  ICU_LINK=icu-wasm-html
fi
cached icu-wasm "$(key build_wasm unpack_icu "$K_SOURCE" "${KHABAR_PATCHES[@]}" "$ICU_WASM_CFLAGS" "$ICU_UCONFIG_FLAGS" "$ICU_HOT_FILES" "$(emcc_version)")" build_wasm
link_output "$OUT" "$ICU_LINK"
log "ICU ready: $OUT/$ICU_LINK (wasm), $OUT/icu-tools (native tools)"
