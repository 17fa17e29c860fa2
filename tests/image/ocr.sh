#!/usr/bin/env bash
# The picture read back by an OCR engine no one here wrote (Debian's tesseract, with its Arabic
# and French models; installed when missing): the seed's og card (ar-MA, with its photo and in
# the dark theme) and a French one must give their title's words in order, >= 95 % of the
# title's letters matched in sequence (ocr_score.py).   usage: ocr.sh KHABAR ROOT
set -euo pipefail
KHABAR=$1
ROOT=$2
MIN=${OCR_MIN_PERCENT:-95}
if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx ara ||
  ! tesseract --list-langs 2>/dev/null | grep -qx fra; then
  "$ROOT/scripts/deps.sh" ocr >&2
fi
python3 "$ROOT/tests/image/ocr_score.py" --self-test
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failed=0
check() {  # NAME LANG INPUT LOCALE [image options...]
  local name=$1 lang=$2 input=$3 locale=$4; shift 4
  "$KHABAR" card "$ROOT/$input" --locale "$locale" |
    python3 -c 'import json,sys; sys.stdout.write(json.load(sys.stdin)["title"])' >"$TMP/$name.title"
  "$KHABAR" image "$ROOT/$input" --locale "$locale" "$@" -o "$TMP/$name.png"
  tesseract "$TMP/$name.png" "$TMP/$name" -l "$lang" >/dev/null 2>&1
  printf '%s (%s): ' "$name" "$lang"
  python3 "$ROOT/tests/image/ocr_score.py" "$TMP/$name.title" "$TMP/$name.txt" "$MIN" || {
    failed=1
    echo "  title: $(cat "$TMP/$name.title")"
    echo "  read:  $(head -c 400 "$TMP/$name.txt" | tr '\n' ' ')"
  }
}
check seed-ar-MA ara examples/seed-article-ar.txt ar-MA --picture "$ROOT/tests/golden/images/pictures/photo.jpg"
check seed-ar-MA-dark ara examples/seed-article-ar.txt ar-MA --theme dark
check fr fra tests/golden/images/articles/fr.json fr --picture "$ROOT/tests/golden/images/pictures/photo.jpg"
# The control: a card whose title has the seed's words in reverse order (what Satori draws) must
# score below the bar against the seed's title, or the check above could not see that fault.
python3 - "$TMP/seed-ar-MA.title" "$TMP/reversed.json" <<'PY'
import json, sys
title = open(sys.argv[1], encoding="utf-8").read()
json.dump({"khabar": 1, "title": " ".join(reversed(title.split())), "language": "ar", "source": "كشـ24",
           "body": ["نص قصير."]}, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
"$KHABAR" image "$TMP/reversed.json" --locale ar-MA -o "$TMP/reversed.png"
tesseract "$TMP/reversed.png" "$TMP/reversed" -l ara >/dev/null 2>&1
printf 'control, the words reversed (ara): '
if python3 "$ROOT/tests/image/ocr_score.py" "$TMP/seed-ar-MA.title" "$TMP/reversed.txt" "$MIN"; then
  echo "  the control passed: the OCR check cannot tell the order of the words"
  failed=1
fi
exit $failed
