#!/usr/bin/env bash
# Seeds build/asan/corpus/<target>/ from the examples and golden inputs (never committed:
# the corpora grow as the fuzzers run). Existing files are kept, so campaigns accumulate.
#   tests/fuzz/seed.sh CORPUS_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${1:-build/asan/corpus}
targets=(fuzz_read_khabar fuzz_read_jsonld fuzz_read_html fuzz_html_extract fuzz_markup fuzz_read_text fuzz_clean fuzz_segment fuzz_summarize
  fuzz_format fuzz_render fuzz_image)
for t in "${targets[@]}"; do mkdir -p "$corpus/$t"; done

seed() {  # seed TARGET FILE...
  local t=$1
  shift
  for f in "$@"; do [[ -f $f ]] && cp -n "$f" "$corpus/$t/seed-$(basename "$f")"; done
  return 0
}
shopt -s nullglob
texts=(examples/*.txt)
khabar=(tests/golden/readers/khabar-*.json examples/*.json)
jsonld=(tests/golden/readers/jsonld-*.json)
pages=(tests/golden/readers/*.html examples/*.html)
all=("${texts[@]}" "${khabar[@]}" "${jsonld[@]}" "${pages[@]}")

seed fuzz_read_khabar "${khabar[@]}"
seed fuzz_read_jsonld "${jsonld[@]}"
seed fuzz_read_html "${pages[@]}"
seed fuzz_html_extract "${pages[@]}"
# Small fragments written for the HTML reader (a few KB each: head metadata, JSON-LD, article
# bodies, right-to-left pages' structures, malformed markup): a whole real page takes the
# fuzzer milliseconds an input, these microseconds, so most executions explore the reader.
fragments=(tests/fuzz/seeds/html/*.html)
seed fuzz_read_html "${fragments[@]}"
seed fuzz_html_extract "${fragments[@]}"
# The markup reader on data strings: the fragments, the golden pages and plain text.
seed fuzz_markup "${fragments[@]}" "${pages[@]}" "${texts[@]}"
# Real pages as served, read from ../shared at run time (KHABAR_EVAL_PAGES overrides it) and
# never committed, when that folder is there: Readability's test pages, a few in each language
# and layout class, and the first pages of the extraction benchmark (gzipped there).
pages_root=${KHABAR_EVAL_PAGES:-../shared/eval/pages}
# The 4 KB runs see only a page's first 4 KB (libFuzzer cuts each input to -max_len), mostly
# the head's scripts and styles: each page also gives a seed of the 4 KB from its <body> on
# (the article's own markup, what the extractor scores).
body_cut() {  # body_cut PAGE OUT: 4 KB from the page's first <body
  local at
  at=$(grep -abo -m1 -i '<body' "$1" | head -1 | cut -d: -f1 || true)
  [[ -n $at ]] && head -c "$((at + 4096))" "$1" | tail -c +"$((at + 1))" >"$2"
  return 0
}
real=$pages_root/readability/test-pages
real_seeds=0
for p in bbc-1 lemonde-1 rtl-1 rtl-2 qq yahoo-4 aktualne wikipedia medium-1 nytimes-1; do
  [[ -f $real/$p/source.html ]] || continue
  for t in fuzz_read_html fuzz_html_extract; do
    cp -n "$real/$p/source.html" "$corpus/$t/real-$p.html"
    [[ -f $corpus/$t/real-$p-body.html ]] || body_cut "$real/$p/source.html" "$corpus/$t/real-$p-body.html"
  done
  real_seeds=$((real_seeds + 1))
done
benchmark=("$pages_root"/extraction-benchmark/html/*.html.gz)
for f in "${benchmark[@]:0:8}"; do
  id=$(basename "$f" .html.gz)
  for t in fuzz_read_html fuzz_html_extract; do
    [[ -f $corpus/$t/real-$id.html ]] || gunzip -c "$f" >"$corpus/$t/real-$id.html"
    [[ -f $corpus/$t/real-$id-body.html ]] || body_cut "$corpus/$t/real-$id.html" "$corpus/$t/real-$id-body.html"
  done
  real_seeds=$((real_seeds + 1))
done
echo "fuzz seeds: $real_seeds real pages from $pages_root" >&2
seed fuzz_read_text "${texts[@]}"
# These targets read their first byte(s) as options; any article file is a fine start.
for t in fuzz_clean fuzz_segment fuzz_summarize fuzz_render; do seed "$t" "${all[@]}"; done

# fuzz_format: locale tag, timestamp, time zone, then a phrase (one a line).
printf 'ar-MA\n2025-11-21T10:05:00+01:00\nAfrica/Casablanca\nشارك 196 دولة في COVID-19 و"كشـ24"\n' >"$corpus/fuzz_format/seed-ar"
printf 'ar-SA-u-ca-islamic-umalqura-nu-arab\n2025-11-21\n\n1,234,567.5 and 2025\n' >"$corpus/fuzz_format/seed-islamic"
printf 'fr-MA\n11/21/2025\nEurope/Paris\nplus de 1 500 personnes\n' >"$corpus/fuzz_format/seed-fr"
printf 'he-IL\n2025-11-21T10:05:00.123Z\nUTC\nשלום 3 world\n' >"$corpus/fuzz_format/seed-he"
printf 'fa-IR-u-nu-latn\n21.11.2025\nAsia/Tehran\n۱۲۳ مرحبا\n' >"$corpus/fuzz_format/seed-fa"

# fuzz_image: three option bytes, then text (every script, numbers, bidi controls), then 0xFF
# and a picture's bytes (whole or cut short).
printf '\x05\x09\x02الإنتربول يشيد ⁨Karim Benzema⁩ 3-1 (21 نونبر) ‮abc‬ שלום ⁦x⁩ انسانی حقوق\x01\n' >"$corpus/fuzz_image/seed-mixed"
for p in tests/golden/images/pictures/photo.png tests/golden/images/pictures/photo.webp; do
  { printf '\x10\x08\x00كشـ24 196 دولة\xff'; cat "$p"; } >"$corpus/fuzz_image/seed-$(basename "$p")"
done
{ printf '\x2a\x0a\x00Chacun peut se prévaloir\xff'; head -c 2000 tests/golden/images/pictures/photo.jpg; } >"$corpus/fuzz_image/seed-cut-jpeg"
