#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for SECONDS per target.
# A crash, a sanitizer report, a timeout (>10 s on one input: a hang) or an invariant
# violation fails the run; the input is kept in <build>/artifacts/.
#   tests/fuzz/run.sh 6                # the smoke run: ASan + UBSan (the `asan` preset, build/asan,
#                                      # which also holds the tests), FUZZ_JOBS (2) runs at a time
#   tests/fuzz/run.sh --campaign 600   # a campaign: UBSan only (`fuzz-fast`, build/fuzz-fast), one
#                                      # run at a time, so that its executions compare between runs
#   FUZZ_ONLY="fuzz_read_html fuzz_html_extract" tests/fuzz/run.sh --campaign 60   # some runs only
# The campaign's build leaves ASan out: its allocator and shadow checks took a fifth to a quarter
# of the time, and a campaign is about executions; the smoke run in `make test` keeps ASan, and
# an input a campaign keeps can be replayed under ASan (build/asan/tests/fuzz/<target> FILE).
set -euo pipefail
preset=asan
jobs=${FUZZ_JOBS:-2}
if [[ ${1:-} == --campaign ]]; then
  preset=fuzz-fast
  jobs=${FUZZ_JOBS:-1}
  shift
fi
seconds=${1:-6}
cd "$(dirname "$0")/../.."
# KHABAR_FUZZ_BUILD: another build folder for the same preset.
build=${KHABAR_FUZZ_BUILD:-build/$preset}
if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake --preset "$preset" -B "$build" >/dev/null
fi
cmake --build "$build" -j "${JOBS:-2}" >/dev/null
tests/fuzz/seed.sh "$build/corpus"
mkdir -p "$build/artifacts" "$build/logs"

# name  target  max_len  dictionary  [libFuzzer flags]: every target on inputs up to 64 KB, the
# text reader once more on inputs up to 1 MB (long lines and words, many paragraphs); the HTML
# targets with the tags, attributes and metadata keys the reader looks at (html.dict), the
# others with JSON's.
# The HTML targets run twice on one corpus: on inputs up to 4 KB (the fragments whole, the real
# pages' seeds cut by libFuzzer to their first 4 KB), where a run gets through many more inputs
# and reaches more code in its time, then on whole pages (64 KB, 256 KB) for what only long
# input reaches (limits, the 64 KB charset look-ahead). The 4 KB runs schedule inputs without
# entropic's per-feature bookkeeping (-entropic=0): an HTML input covers thousands of features,
# and updating their frequencies after every execution took a third of the fuzzer's time.
runs=(
  "fuzz_read_khabar fuzz_read_khabar 65536 json.dict"
  "fuzz_read_jsonld fuzz_read_jsonld 65536 json.dict"
  "fuzz_read_html fuzz_read_html 4096 html.dict -entropic=0"
  "fuzz_read_html_64k fuzz_read_html 65536 html.dict"
  "fuzz_html_extract fuzz_html_extract 4096 html.dict -entropic=0"
  "fuzz_html_extract_256k fuzz_html_extract 262144 html.dict"
  "fuzz_markup fuzz_markup 4096 html.dict -entropic=0"
  "fuzz_read_text fuzz_read_text 65536 json.dict"
  "fuzz_read_text_1mb fuzz_read_text 1048576 json.dict"
  "fuzz_clean fuzz_clean 65536 json.dict"
  "fuzz_segment fuzz_segment 65536 json.dict"
  "fuzz_summarize fuzz_summarize 65536 json.dict"
  "fuzz_format fuzz_format 4096 json.dict"
  "fuzz_render fuzz_render 65536 json.dict"
  "fuzz_image fuzz_image 16384 json.dict"
)

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
passed=0 failed=0 total=0
table=""
# One run: its log, and its status in a file beside it (the runs go in the background).
run_one() {
  local name=$1 target=$2 max_len=$3 dict=$4
  shift 4
  local status=passed
  if ! "$build/tests/fuzz/$target" "$build/corpus/$target" -dict="tests/fuzz/$dict" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$name-" "$@" >"$build/logs/$name.log" 2>&1; then
    status=FAILED
  fi
  echo "$status" >"$build/logs/$name.status"
}
names=()
for run in "${runs[@]}"; do
  read -r name target max_len dict flags <<<"$run"
  read -ra extra <<<"${flags:-}"
  if [[ -n ${FUZZ_ONLY:-} && " $FUZZ_ONLY " != *" $name "* ]]; then continue; fi
  rm -f "$build/logs/$name.status"
  while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
  run_one "$name" "$target" "$max_len" "$dict" "${extra[@]}" &
  names+=("$name:$target")
done
wait
for entry in "${names[@]}"; do
  name=${entry%%:*} target=${entry#*:}
  log=$build/logs/$name.log
  status=$(cat "$build/logs/$name.status" 2>/dev/null || echo FAILED)
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
  execs=${execs:-0}
  corpus=$(find "$build/corpus/$target" -type f | wc -l)
  total=$((total + execs))
  if [[ $status == passed ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "fuzz: $name failed; log: $log" >&2
    grep -E 'ERROR|invariant|SUMMARY|Test unit written' "$log" | head -5 >&2 || true
  fi
  table+=$(printf '%-22s %-7s %12s execs %6s corpus files' "$name" "$status" "$execs" "$corpus")$'\n'
done
printf '%s' "$table"
printf '%-22s %-7s %12s execs (%s s per target, %s run(s) at a time, %s; load average %s)\n' "total" "" "$total" \
  "$seconds" "$jobs" "$preset" "$(cut -d' ' -f1-3 /proc/loadavg)"
echo "fuzz: $passed passed, $failed failed"
((failed == 0))
