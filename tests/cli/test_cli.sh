#!/usr/bin/env bash
# The khabar CLI end to end: outputs on the seed, and for each failure the exit
# status, the stable code on stderr and an empty stdout (never a partial output).
set -uo pipefail
KHABAR=$1
ROOT=$2
SEED="$ROOT/examples/seed-article-ar.txt"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# expect_ok NAME GREP-PATTERN ARGS... : exit 0, stdout matches the pattern, stderr empty.
expect_ok() {
  local name=$1 pattern=$2; shift 2
  "$KHABAR" "$@" >"$TMP/out" 2>"$TMP/err"
  local rc=$?
  if [[ $rc -eq 0 ]] && grep -q -- "$pattern" "$TMP/out" && [[ ! -s "$TMP/err" ]]; then pass
  else fail "$name (exit $rc): $(head -c 300 "$TMP/err")"; fi
}

# expect_error NAME EXIT CODE ARGS... : given exit status, "[CODE]" on stderr, nothing on stdout.
expect_error() {
  local name=$1 want_rc=$2 code=$3; shift 3
  "$KHABAR" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  local rc=$?
  if [[ $rc -eq $want_rc ]] && grep -q -- "error \[$code\]" "$TMP/err" && [[ ! -s "$TMP/out" ]]; then pass
  else fail "$name: exit $rc (want $want_rc), stderr: $(head -c 300 "$TMP/err"), stdout bytes: $(wc -c <"$TMP/out")"; fi
}

expect_ok "card json" '"title": "الإنتربول يشيد من مراكش بالمغرب نموذج عالمي في التعاون الأمني"' card "$SEED"
expect_ok "card html" '<article class="khabar-card"' card "$SEED" --format html
expect_ok "card text" 'كشـ24' card "$SEED" --format text
expect_ok "card from stdin" '"source": "كشـ24"' card - <"$SEED"
expect_ok "inspect" '"fixes"' inspect "$SEED"
expect_ok "inspect shows the card's summary and its warnings" '"summary": {' inspect "$SEED"
expect_ok "version" '^khabar ' --version
expect_ok "help" 'usage:' --help

printf '{"title": ' >"$TMP/bad.json"
printf 'abc \xc3\x28' >"$TMP/bad-utf8.txt"
printf '' >"$TMP/empty.txt"
head -c 2000 /dev/zero | tr '\0' '[' >"$TMP/deep.json"
printf '{"@context":"https://schema.org","@type":"Recipe","name":"x"}' >"$TMP/recipe.json"

printf '%s\n' '{"topic": "t1", "article": "وشكل هذا اللقاء فرصة لاستعراض الخطوط العريضة للحدث العالمي.\nوأشار المتحدث إلى أن الدورة تعرف مشاركة واسعة."}' >"$TMP/in.jsonl"
expect_ok "summarize jsonl" '"topic":"t1"' summarize --jsonl "$TMP/in.jsonl"
printf '%s\n' '{"topic": "t1", "article": ' >"$TMP/bad.jsonl"
expect_error "summarize bad line" 1 parse.invalid_json summarize --jsonl "$TMP/bad.jsonl"

expect_error "invalid json" 1 parse.invalid_json card "$TMP/bad.json"
expect_error "invalid utf-8" 1 input.invalid_utf8 card "$TMP/bad-utf8.txt"
expect_error "empty" 1 input.empty card "$TMP/empty.txt"
expect_error "too deep" 1 input.too_deep card "$TMP/deep.json"
expect_error "no article" 1 parse.no_article card "$TMP/recipe.json"
expect_error "too large" 1 input.too_large card "$SEED" --max-bytes 100
expect_error "missing file" 1 io.read_failed card "$TMP/does-not-exist.txt"
expect_error "bad --now" 1 time.invalid card "$SEED" --now yesterday
expect_error "no command" 2 cli.usage
expect_error "unknown command" 2 cli.usage frobnicate "$SEED"
expect_error "unknown option" 2 cli.usage card "$SEED" --colour red
expect_error "bad format" 2 option.invalid card "$SEED" --format pdf
expect_error "bad input kind" 2 option.invalid card "$SEED" --input xml
expect_error "missing value" 2 cli.usage card "$SEED" --locale
expect_error "bad heading level" 2 option.invalid card "$SEED" --heading-level 7

# Help for every command, on stdout with exit 0.
expect_ok "help" 'khabar summarize --jsonl' help
expect_ok "help card" 'khabar card FILE' help card
expect_ok "card --help" 'khabar card FILE' card --help
expect_ok "inspect --help" 'khabar inspect FILE' inspect --help
expect_error "help for no command" 2 cli.usage help frobnicate

# Warnings reach stderr in every format; the card is still written whole.
for format in json html text; do
  "$KHABAR" card "$SEED" --format "$format" --locale 'xx-!!' >"$TMP/out" 2>"$TMP/err"
  if [[ $? -eq 0 && -s "$TMP/out" ]] && grep -q 'warning \[locale.fallback\]' "$TMP/err"; then pass
  else fail "warning on stderr ($format): $(head -c 300 "$TMP/err")"; fi
done

# summarize reads {"article": ...} through the reader, under its limits.
python3 -c 'import json; print(json.dumps({"article": "جملة.\n" * 5001}))' >"$TMP/many.jsonl"
expect_error "summarize: too many paragraphs" 1 input.too_many_blocks summarize --jsonl "$TMP/many.jsonl"


# khabar image: PNG or SVG on stdout or -o; every failure leaves no file behind.
PICTURES="$ROOT/tests/golden/images/pictures"
expect_ok "image png" 'PNG' image "$SEED" --locale ar-MA
expect_ok "image svg" '<svg xmlns' image "$SEED" --format svg --size square --theme dark --accent '#1e88e5'
expect_ok "image help" 'khabar image FILE' image --help
"$KHABAR" image "$SEED" --picture "$PICTURES/photo.jpg" --size 600x400 -o "$TMP/card.png" >"$TMP/out" 2>"$TMP/err"
if [[ $? -eq 0 && ! -s "$TMP/out" && ! -s "$TMP/err" ]] && head -c 8 "$TMP/card.png" | grep -q PNG &&
  [[ -z $(find "$TMP" -name '.card.png.*') ]]; then pass
else fail "image -o: $(head -c 300 "$TMP/err")"; fi
"$KHABAR" image "$SEED" --picture "$PICTURES/broken.jpg" >"$TMP/out" 2>"$TMP/err"
if [[ $? -eq 0 && -s "$TMP/out" ]] && grep -q 'warning \[image.picture_unreadable\]' "$TMP/err"; then pass
else fail "image with a broken picture: $(head -c 300 "$TMP/err")"; fi
expect_error "image: bad size" 2 option.invalid image "$SEED" --size 10x10
expect_error "image: bad theme" 2 option.invalid image "$SEED" --theme sepia
expect_error "image: bad format" 2 option.invalid image "$SEED" --format jpeg
expect_error "image: bad accent" 2 option.invalid image "$SEED" --accent red
expect_error "image option on card" 2 cli.usage card "$SEED" --size og
expect_error "image: no fonts" 1 font.missing image "$SEED" --fonts "$TMP/no-fonts"
KHABAR_FONTS="$TMP/no-fonts" "$KHABAR" image "$SEED" >"$TMP/out" 2>"$TMP/err"
if [[ $? -eq 1 ]] && grep -q 'error \[font.missing\].*KHABAR_FONTS' "$TMP/err"; then pass
else fail "image: KHABAR_FONTS without fonts: $(head -c 300 "$TMP/err")"; fi
expect_error "image: bad custom font" 1 font.invalid image "$SEED" --font "$PICTURES/photo.png"
expect_error "image: missing picture" 1 io.read_failed image "$SEED" --picture "$TMP/none.jpg"
for bad in "bad.json:parse.invalid_json" "empty.txt:input.empty"; do
  rm -f "$TMP/never.png"
  expect_error "image -o, bad input (${bad%%:*})" 1 "${bad#*:}" image "$TMP/${bad%%:*}" -o "$TMP/never.png"
  if [[ ! -e "$TMP/never.png" && -z $(find "$TMP" -name '.never.png.*') ]]; then pass
  else fail "image -o left a file after bad input ${bad%%:*}"; fi
done
# An existing file is replaced whole, or kept as it was when the input is bad.
echo "before" >"$TMP/keep.png"
"$KHABAR" image "$TMP/bad.json" -o "$TMP/keep.png" >/dev/null 2>&1
if [[ $(cat "$TMP/keep.png") == before ]]; then pass; else fail "image -o replaced a file on bad input"; fi

echo "cli: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
