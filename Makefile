# The two commands of the README:
#   make demo   the seed article's card, as JSON, text and HTML
#   make test   every check: format, native tests, ASan/UBSan tests, examples
# Each installs what is missing (scripts/deps.sh) and reuses the builds under build/.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
JOBS ?= 2
KHABAR := build/native/core/khabar
SEED := examples/seed-article-ar.txt
FORMAT_FILES := $(shell git ls-files '*.cpp' '*.hpp' 2>/dev/null)

.PHONY: demo test deps native asan format-check test-native test-asan test-examples eval bench clean

demo: native
	@echo "== khabar card $(SEED) --format text --locale ar-MA"
	@$(KHABAR) card $(SEED) --format text --locale ar-MA --now 2025-11-29T10:00:00+01:00
	@echo "== --format json"
	@$(KHABAR) card $(SEED) --format json --locale ar-MA --now 2025-11-29T10:00:00+01:00
	@echo "== --format html"
	@$(KHABAR) card $(SEED) --format html --locale ar-MA --now 2025-11-29T10:00:00+01:00

test: format-check test-native test-asan test-examples
	@echo "make test: all checks passed"

deps:
	@scripts/deps.sh native

native: deps
	@cmake --preset native >/dev/null
	@cmake --build --preset native -j $(JOBS)

asan: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)

format-check: deps
	@clang-format --dry-run --Werror $(FORMAT_FILES)
	@echo "format-check: $(words $(FORMAT_FILES)) files formatted"

test-native: native
	@ctest --preset native -j $(JOBS)

test-asan: asan
	@ctest --preset asan -j $(JOBS)

test-examples: native
	@tests/examples/run.sh $(KHABAR)

eval: native
	@build/native/tests/eval/khabar_eval ../shared/eval/easc/easc-dev.jsonl build/eval-summaries.jsonl

bench: deps
	@cmake --preset native >/dev/null
	@cmake --build --preset native -j $(JOBS) --target khabar_bench
	@build/native/tests/bench/khabar_bench

clean:
	rm -rf build
