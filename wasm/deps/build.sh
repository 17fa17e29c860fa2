#!/usr/bin/env bash
# Builds every WebAssembly dependency of Khabar's core and links it into OUTDIR (default
# build/deps). The builds live in the cache (common.sh: ~/.cache/khabar, one folder per
# step and key), so a fresh clone with the same inputs takes about a second. See README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
out=${1:-$here/../../build/deps}
# One run at a time per cache; the second waits, then finds everything built.
lock_cache
# What the scripts built inside the clone before the cache (up to 2 GB): never read now.
for old in icu-src icu-native-tools icu-wasm-build snowball-src downloads logs .stamps .build.lock; do
  if [[ -e $out/$old && ! -L $out/$old ]]; then log "removing $out/$old (the old in-clone build)"; rm -rf "${out:?}/$old"; fi
done
# The `lang` lines of icu-data.list from the language registry first (docs/adding-a-language.md).
cmake -DREPO="$here/../.." -P "$here/../../core/cmake/language_lists.cmake"
"$here/build-icu.sh" "$out"
"$here/build-icu-data.sh" "$out"
"$here/build-stemmer.sh" "$out"
# For khabar-core-html only: Gumbo, ICU with its codepage converters, and their data.
"$here/build-gumbo.sh" "$out"
"$here/build-icu-html.sh" "$out"
"$here/build-icu-charsets.sh" "$out"
# For the image renderer's module (khabar-image) only: zlib, libpng, FreeType, HarfBuzz,
# libjpeg-turbo and libwebp, from Debian's source packages (build-image-deps.sh), and ICU's
# line-break rules, which the picture's text layout needs and a page's card does not, and the
# Noto fonts subset as the native build subsets them.
"$here/build-image-deps.sh" "$out"
"$here/build-icu-image-data.sh" "$out"
"$here/build-image-fonts.sh" "$out"
