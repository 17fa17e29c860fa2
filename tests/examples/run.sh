#!/usr/bin/env bash
# Every bundled example article must produce a card in every output format.
set -euo pipefail
KHABAR=$1
cd "$(dirname "$0")/../.."
passed=0
for input in examples/*.txt examples/*.json examples/*.html; do
  [[ -e $input ]] || continue
  for format in json html text; do
    out=$("$KHABAR" card "$input" --format "$format" --locale ar-MA --now 2025-11-29T10:00:00+01:00)
    [[ -n $out ]] || { echo "examples: $input --format $format printed nothing" >&2; exit 1; }
    passed=$((passed + 1))
  done
done
echo "examples: $passed passed, 0 failed"
# The command-line examples of README.md and docs/, run as written.
node tests/examples/docs.mjs "$KHABAR"
