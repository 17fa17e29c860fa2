#!/usr/bin/env bash
# Regenerates tests/golden/cards/expected/ with the native CLI. Review the diff:
# a change there is a change every user sees.
set -euo pipefail
cd "$(dirname "$0")/.."
KHABAR=${KHABAR:-build/native/core/khabar}
cases=tests/golden/cards/cases.json
out=tests/golden/cards/expected
rm -rf "$out" && mkdir -p "$out"
now=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["now"])' "$cases")
tz=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["time_zone"])' "$cases")
python3 - "$cases" <<'PY' | while read -r name input locale format; do
import json, sys
spec = json.load(open(sys.argv[1]))
for case in spec["cases"] + spec.get("html_cases", []):
    for locale in case["locales"]:
        for fmt in spec["formats"]:
            print(case["name"], case["input"], locale, fmt)
PY
  "$KHABAR" card "$input" --locale "$locale" --now "$now" --tz "$tz" --format "$format" >"$out/$name.$locale.$format"
done
echo "update-golden: $(ls "$out" | wc -l) files in $out"
