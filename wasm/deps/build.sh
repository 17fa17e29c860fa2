#!/usr/bin/env bash
# Builds every WebAssembly dependency of Khabar's core into OUTDIR (default build/deps).
# Each step is cached: a second run takes seconds. See README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../../build/deps}
"$here/build-icu.sh" "$out"
"$here/build-icu-data.sh" "$out"
"$here/build-stemmer.sh" "$out"
