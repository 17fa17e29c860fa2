#!/usr/bin/env bash
# Regenerates tests/golden/cards/expected/ with the native CLI (and, when ../shared is here, the
# eval-pages golden table). Review the diff:
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

# The golden checks of Readability's pages (tests/eval/golden-pages.json: hashes of six pages'
# cards, read by make eval-pages) when the evaluation pages are here; they are not in make test,
# so a changed card would otherwise leave that table stale unnoticed.
pages=../shared/eval/pages/readability/test-pages
if [[ -d $pages ]]; then
  cmake --build build/native --target khabar_pages >/dev/null
  KHABAR_GOLDEN_UPDATE=1 build/native/tests/eval/khabar_pages readability "$pages" tests/eval/golden-pages.json |
    grep 'golden checks'
  echo "update-golden: tests/eval/golden-pages.json regenerated"
fi
