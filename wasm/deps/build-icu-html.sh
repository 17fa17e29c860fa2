#!/usr/bin/env bash
# ICU for the HTML reader's wasm build (khabar-core-html): build-icu.sh's ICU with the codepage
# converters kept (no UCONFIG_NO_LEGACY_CONVERSION), so a page in windows-1256, windows-1252,
# GBK … is decoded by ICU as natively (the converters' data: build-icu-charsets.sh). The lean
# core keeps build-icu.sh's ICU, whose step and key this does not change.
# Usage: build-icu-html.sh OUTDIR. Result: OUTDIR/icu-wasm-html (a link into the cache).
set -euo pipefail
ICU_LEGACY_CONVERSION=1 exec "$(dirname "$0")/build-icu.sh" "$@"
