#!/usr/bin/env bash
# Builds every WebAssembly dependency of Khabar's core into OUTDIR (default build/deps).
# Each step is cached: a second run takes seconds. See README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../../build/deps}
# One run at a time per OUTDIR: a second run (another shell's `make wasm`) would delete the
# build folder the first is compiling in. The second waits, then finds everything cached.
mkdir -p "$out"
exec 9>"$out/.build.lock"
flock 9
"$here/build-icu.sh" "$out"
"$here/build-icu-data.sh" "$out"
"$here/build-stemmer.sh" "$out"
