#!/usr/bin/env bash
# Cuts ICU's prebuilt icudt72l.dat down to what icu-data.list keeps, with the native icupkg
# and genrb that build-icu.sh provides. Usage: build-icu-data.sh OUTDIR (after build-icu.sh OUTDIR)
# Result in OUTDIR/icu-data/ (a link into the cache, see common.sh):
#   khabar-icu.dat              everything kept (all six languages)
#   khabar-icu-base.dat         root, shared data, no language
#   khabar-icu-{ar,en,...}.dat  one language each; give ICU the base and any of these
#   libicudata-khabar.a         khabar-icu.dat as wasm object code, to link instead of libicudata.a
#   sizes.txt                   raw / gzip -9 / brotli sizes
set -euo pipefail
source "$(dirname "$0")/common.sh"

(($# == 1)) || die "usage: $0 OUTDIR"
mkdir -p "$1"; OUT=$(cd "$1" && pwd)
lock_cache

LIST=$DEPS_DIR/icu-data.list
TOOLS=$OUT/icu-tools
# Items are looked up as icudt72l/<item>; every package must carry that prefix, whatever
# the file is called.
TOC_PREFIX=icudt72l

icu_tool() { LD_LIBRARY_PATH="$TOOLS/lib" "$TOOLS/bin/$1" "${@:2}"; }

# list_field KEYWORD: the words of the icu-data.list lines starting with KEYWORD.
list_field() { sed 's/#.*//' "$LIST" | awk -v k="$1" '$1 == k { $1 = ""; print }'; }

# rebuild_bundles WORK: ICU compiles each tree's locale files against a shared string pool
# (pool.res) that holds the strings of every locale, ~690 KB for the kept trees: a page
# showing one language downloaded all of them. Each kept locale file of a pooled tree
# (and its root.res), and each item a `strip` line names, is printed back to genrb source
# with resdump (which, unlike derb, keeps aliases), stripped of the resources the `strip`
# lines name (strip-res.py), and recompiled on its own: no pool.res is needed, and each
# language package carries its own strings.
rebuild_bundles() {
  local work=$1 resdump=$1/resdump t dir src path b ids target paths f
  # Against the tools' ICU (Debian's libicu72, or lib/ of a native build), with ICU's
  # internal headers from the source.
  g++ -std=c++17 -O1 -I"$SRC/common" "$DEPS_DIR/resdump.cpp" \
    -L"$TOOLS/lib" -licuuc -licudata -Wl,-rpath,"$TOOLS/lib" -o "$resdump"
  ids=" $(list_field lang | tr -s ' \n' '  ') "
  rm -rf "$work/rebuild" && mkdir -p "$work/rebuild/src" "$work/rebuild/txt"
  # The files to rebuild, as TREE NAME lines.
  for t in $(list_field tree); do
    path=pool.res; [[ $t == . ]] || path=$t/pool.res
    if grep -qxF "$path" "$work/all.txt"; then
      icu_tool icupkg -x "$path" -d "$work/rebuild/src" "$FULL_DAT"
      for b in $(sed -n "s|^${t/#./}/\{0,1\}\([A-Za-z0-9_]*\)\.res\$|\1|p" "$work/kept.txt" | sort -u); do
        [[ $b == root || $ids == *" $b "* ]] && echo "$t $b"
      done
    fi
  done >"$work/rebuild/files.txt"
  while read -r target paths; do
    [[ $target == */\* ]] && continue
    [[ $target == */* ]] && t=${target%/*} || t=.
    b=$(basename "$target" .res)
    grep -qxF "$t $b" "$work/rebuild/files.txt" || echo "$t $b"
  done < <(list_field strip) >>"$work/rebuild/files.txt"
  while read -r t b; do
    dir=$work/items; src=$work/rebuild/src; path=$b.res
    [[ $t == . ]] || { dir=$dir/$t; src=$src/$t; path=$t/$b.res; }
    mkdir -p "$src"
    # resdump reads each file next to the tree's original pool (if it has one).
    cp "$dir/$b.res" "$src/$b.res"
    # The strip lines for this file: its own (TREE/NAME.res) and its tree's (TREE/*).
    mapfile -t paths < <(list_field strip | awk -v a="$path" -v b="$t/*" '$1 == a || $1 == b { for (i = 2; i <= NF; i++) print $i }')
    "$resdump" "$src" "$b" | python3 "$DEPS_DIR/strip-res.py" "${paths[@]}" >"$work/rebuild/txt/$b.txt"
    icu_tool genrb -q -k -e UTF-8 -d "$dir" "$work/rebuild/txt/$b.txt"
    rm "$src/$b.res"
  done <"$work/rebuild/files.txt"
  rm -rf "$work/rebuild"
}

build_data() {
  DATA=$1
  local work=$DATA/work
  mkdir -p "$work/items" "$work/orig"
  # From the source package: the prebuilt data and the headers resdump and genccode's output need.
  tar -xzf "$DOWNLOADS/icu_${ICU_DEB_VERSION%%-*}.orig.tar.gz" -C "$work" icu/source/data/in/icudt72l.dat icu/source/common
  SRC=$work/icu/source
  FULL_DAT=$SRC/data/in/icudt72l.dat
  icu_tool icupkg -l "$FULL_DAT" | sort >"$work/all.txt"
  local trees; trees=$(list_field tree)

  # Shared items: each must exist, so a typo fails here and not at run time.
  local it
  for it in $(list_field item); do
    grep -qxF "$it" "$work/all.txt" || { echo "icu-data.list: no item $it in icudt72l.dat"; exit 1; }
    echo "$it"
  done >"$work/base.txt"

  # Per-language items: every file ICU has for the listed locale IDs in the kept trees.
  local name ids t id path
  : >"$work/langs.txt"
  while read -r name ids; do
    echo "$name" >>"$work/langs.txt"
    for t in $trees; do
      for id in $ids; do
        path=$id.res; [[ $t == . ]] || path=$t/$id.res
        grep -qxF "$path" "$work/all.txt" && echo "$path"
      done
    done >"$work/lang-$name.txt"
    [[ -s "$work/lang-$name.txt" ]] || { echo "icu-data.list: nothing found for $name"; exit 1; }
  done < <(list_field lang)

  cat "$work/base.txt" "$work"/lang-*.txt >"$work/kept.txt"
  icu_tool icupkg -x "$work/kept.txt" -d "$work/items" "$FULL_DAT"
  rebuild_bundles "$work"

  # res_index.res lists a tree's installed locales (uloc_getAvailable, Locale::getAvailableLocales);
  # rewrite each one from the original so it names only the locales kept. AliasLocales (iw, in,
  # ...) goes: none is kept, and an empty AliasLocales table makes uloc_countAvailable() 0.
  local dir keep
  for t in $trees; do
    dir=$work/items; [[ $t == . ]] || dir=$work/items/$t
    path=res_index.res; [[ $t == . ]] || path=$t/res_index.res
    icu_tool icupkg -x "$path" -d "$work/orig" "$FULL_DAT"
    keep=$(sed -n "s|^${t/#./}/\{0,1\}\([A-Za-z0-9_]*\)\.res\$|\1|p" "$work/kept.txt" | grep -vx 'root\|pool\|supplementalData' | tr '\n' ' ' || true)
    icu_tool derb -s "$(dirname "$work/orig/$path")" -c res_index.res | awk -v keep=" $keep " '
      NR == 1 || /^\/\// { next }                 # derb banner
      /^res_index\{/ { print "res_index:table(nofallback){"; next }
      /^    AliasLocales\{/ { alias = 1; next }
      alias { if (/^    \}/) alias = 0; next }
      /^    InstalledLocales\{/ { section = 1; print; next }
      section && /^    \}/ { section = 0 }
      section && index(keep, " " $1 " ") == 0 { next }
      { print }' >"$work/res_index-${t//[.\/]/root}.txt"
    mkdir -p "$dir"
    icu_tool genrb -q -k -d "$dir" "$work/res_index-${t//[.\/]/root}.txt"
    mv "$dir/res_index-${t//[.\/]/root}.res" "$dir/res_index.res" 2>/dev/null || true
    echo "$path" >>"$work/base.txt"
    echo "$path" >>"$work/kept.txt"
  done

  # package OUT LIST: one .dat from the extracted items named in LIST.
  package() {
    rm -f "$1"
    icu_tool icupkg -tl --ignore-deps --toc_prefix "$TOC_PREFIX" -s "$work/items" -a "$2" new "$1"
  }
  package "$DATA/khabar-icu.dat" "$work/kept.txt"
  package "$DATA/khabar-icu-base.dat" "$work/base.txt"
  while read -r name; do
    package "$DATA/khabar-icu-$name.dat" "$work/lang-$name.txt"
  done <"$work/langs.txt"
  cp "$work/kept.txt" "$DATA/khabar-icu.items"

  # The same data as ICU's own data library would carry it (symbol icudt72_dat, from the file
  # name), to link into the .wasm instead of fetching it: use in place of libicudata.a.
  mkdir -p "$work/genc" && cp "$DATA/khabar-icu.dat" "$work/genc/icudt72.dat"
  icu_tool genccode -q -d "$work/genc" "$work/genc/icudt72.dat"
  emcc -Oz -I"$SRC/common" -c "$work/genc/icudt72_dat.c" -o "$work/genc/icudt72_dat.o"
  emar rcs "$DATA/libicudata-khabar.a" "$work/genc/icudt72_dat.o"

  local f
  {
    printf '%-28s %10s %10s %10s\n' file raw gzip-9 brotli
    for f in "$DATA"/*.dat; do
      printf '%-28s %10d %10d %10d\n' "$(basename "$f")" "$(stat -c %s "$f")" \
        "$(gzip -9c "$f" | wc -c)" "$(brotli -c "$f" | wc -c)"
    done
  } >"$DATA/sizes.txt"
  rm -rf "$work"
}

need_packages brotli gzip emscripten
[[ -x "$TOOLS/bin/icupkg" ]] || die "run build-icu.sh $OUT first"
cached icu-data "$(key build_data rebuild_bundles list_field "$LIST" "$DEPS_DIR/resdump.cpp" "$DEPS_DIR/strip-res.py" \
  "$ICU_DEB_VERSION" "$(key_of "$TOOLS")" "$(emcc_version)")" build_data
link_output "$OUT" icu-data
cat "$OUT/icu-data/sizes.txt" >&2
