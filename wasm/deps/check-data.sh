#!/usr/bin/env bash
# Checks the cut ICU data against the system's full ICU: icu-compare.cpp, built natively
# (libicu-dev) and for wasm (OUTDIR's ICU), must print the same bytes for every kept locale,
# the wasm side given only khabar-icu-base.dat and the locale's language package (as a page
# would load them), then given khabar-icu.dat. Usage: check-data.sh OUTDIR (after build.sh OUTDIR)
set -euo pipefail
source "$(dirname "$0")/common.sh"
(($# == 1)) || die "usage: $0 OUTDIR"
OUT=$(cd "$1" && pwd)
DATA=$OUT/icu-data
WORK=$OUT/check-data
mkdir -p "$WORK"
CHECK_KEY=$(check_key "$DEPS_DIR/icu-compare.cpp" -- libicu-dev)
check_passed_before icu-data "$CHECK_KEY" && exit 0

# The locales each language package is for (icu-data.list), as BCP 47 tags.
declare -A LOCALES=(
  [ar]="ar ar-MA ar-EG ar-SA ar-SA-u-ca-islamic-umalqura ar-u-nu-latn"
  [en]="en en-001 en-US"
  [fr]="fr fr-MA"
  [he]="he"
  [fa]="fa fa-u-ca-gregory"
  [ur]="ur"
)

g++ -std=c++17 -O1 "$DEPS_DIR/icu-compare.cpp" $(pkg-config --cflags --libs icu-i18n icu-uc) -o "$WORK/native"
# ICU's compile flags too: with the VFE lever ICU is LTO bitcode whose unreachable virtual
# functions the link removes, and a call from a file compiled without them is not seen (it
# lands on a null slot: "null function or function signature mismatch").
# shellcheck disable=SC2046
em++ -std=c++17 -Oz $(<"$OUT/icu-wasm/uconfig-flags.txt") $(cat "$OUT/icu-wasm/compile-flags.txt" 2>/dev/null) \
  -I"$OUT/icu-wasm/include" "$DEPS_DIR/icu-compare.cpp" \
  "$OUT/icu-wasm/lib/libicui18n.a" "$OUT/icu-wasm/lib/libicuuc.a" "$OUT/icu-wasm/lib/libicudata.a" \
  -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -o "$WORK/wasm.js"

fails=0
for lang in "${!LOCALES[@]}"; do
  # shellcheck disable=SC2086
  "$WORK/native" ${LOCALES[$lang]} >"$WORK/native-$lang.txt"
  for data in "khabar-icu-base.dat khabar-icu-$lang.dat" "khabar-icu.dat"; do
    args=()
    for f in $data; do args+=(--data "$DATA/$f"); done
    # shellcheck disable=SC2086
    node "$WORK/wasm.js" "${args[@]}" ${LOCALES[$lang]} >"$WORK/wasm-$lang.txt"
    if cmp -s "$WORK/native-$lang.txt" "$WORK/wasm-$lang.txt"; then
      log "$lang ($data): $(wc -l <"$WORK/native-$lang.txt") lines identical"
    else
      log "$lang ($data): DIFFERENT"
      diff "$WORK/native-$lang.txt" "$WORK/wasm-$lang.txt" | head -20 >&2 || true  # (pipefail: diff's 1)
      fails=$((fails + 1))
    fi
  done
done
((fails == 0)) || die "$fails comparisons differ"
check_passed icu-data "$CHECK_KEY"
