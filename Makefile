# Khabar's one entry point. `make help` lists the targets by group; the two of the README are
#   make demo   the seed article's card from the CLI (built alone, no tests), then the browser part
#   make test   every check CI runs (.ci/run): format, native, ASan/UBSan, hostile input, wasm
#               parity, the package, the service, Chromium, bundlers, WordPress, CMake consumers,
#               fuzzing, examples
# Every target installs what it is missing (scripts/deps.sh: Debian packages; npm ci; the wasm
# dependencies, cached outside the clone in ~/.cache/khabar) and reuses the builds under build/,
# one folder per CMake preset (CMakePresets.json: the Makefile calls presets only).
# Compiles go through ccache (scripts/ccache.sh, cache in ~/.cache/khabar/ccache), so a fresh
# clone recompiles only what changed since the last run on the machine. Each target prints the
# time of its own recipe ("time: test-native 42 s"); `make test` ends with the table.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
JOBS ?= 2
KHABAR := build/native/core/khabar
SEED := examples/seed-article-ar.txt
FORMAT_FILES := $(shell git ls-files '*.cpp' '*.hpp' 2>/dev/null)
# The compiler launcher of every build folder CMake configures from here on (CMake reads these
# variables from the environment when it first configures a folder; tests/cmake and tests/fuzz
# configure theirs under make too). An existing folder keeps what it was configured with.
export CMAKE_C_COMPILER_LAUNCHER := $(CURDIR)/scripts/ccache.sh
export CMAKE_CXX_COMPILER_LAUNCHER := $(CURDIR)/scripts/ccache.sh
# Emscripten's environment, from its one place (CMakePresets.json's `wasm` preset, printed by
# scripts/emscripten-env.sh, which says why), for the commands that run emcc or the wasm glue.
EMENV = $(shell scripts/emscripten-env.sh)

# A recipe's first and last lines: the time its own commands took (not its prerequisites'),
# printed and kept in build/times/TARGET for make test's table.
TIME_START = @mkdir -p build/times && date +%s >build/times/$@.start
TIME_END = @s=$$(( $$(date +%s) - $$(cat build/times/$@.start) )); echo "$$s" >build/times/$@; echo "time: $@ $$s s"

.PHONY: help demo test deps cli native asan wasm-deps wasm web \
	format-check test-native test-asan test-hostile test-examples test-wasm test-package test-consumers test-cmake \
	test-browser test-visual test-service test-wordpress \
	bench bench-image bench-pages bench-wasm bench-browser bench-service soak-service bench-service-browser lighthouse-service \
	eval train-summary eval-pages fuzz-smoke fuzz serve-workerd serve-node update-golden update-screenshots clean

# `make` alone runs the demo, as before; `make help` lists the rest.
.DEFAULT_GOAL := demo

##@ Start here

help: ## this list
	@awk 'BEGIN { FS = ":.*## " } /^##@ / { printf "\n%s\n", substr($$0, 5) } \
		/^[a-z-]+:.*## / { printf "  make %-22s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

# The CLI's card first (the native CLI alone builds in a few minutes on a fresh machine), then
# the browser part, which needs ICU for WebAssembly (cached in ~/.cache/khabar once built).
demo: cli ## the seed card from the CLI, then the partner page in Chromium (Ctrl-C ends it)
	@echo "== khabar card $(SEED) --format text --locale ar-MA"
	@$(KHABAR) card $(SEED) --format text --locale ar-MA --now 2025-11-29T10:00:00+01:00
	@echo "== the same card as JSON: $(KHABAR) card $(SEED) --format json; as HTML: --format html"
	@echo "== building the browser part (the first time on a machine: ICU for WebAssembly, ~10 min)"
	@$(MAKE) --no-print-directory web
	@echo "== the card in Chromium (partner page with the one-line embed):"
	@# In a terminal the demo keeps serving until Ctrl-C; in scripts and CI it exits after the screenshot.
	@tests/js/run.sh demo $$([ -t 0 ] && echo --serve)

# make test's parts, in the order they run; the table at the end lists these and the builds.
TEST_TARGETS := format-check test-native test-asan test-hostile test-wasm test-package test-service test-browser \
	test-consumers test-wordpress test-cmake fuzz-smoke test-examples
TIMED_BUILDS := deps cli native asan wasm-deps wasm web
test: $(TEST_TARGETS) ## every check (CI runs this: .ci/run)
	@echo "make test: all checks passed"
	@echo "make test: seconds per target (its own recipe; a build shared by several targets counts once)"
	@for t in $(TIMED_BUILDS) $(TEST_TARGETS); do if [[ -f build/times/$$t ]]; then echo "$$(cat build/times/$$t) $$t"; fi; done | \
		sort -rn | awk '{ total += $$1; printf "  %6d s  %s\n", $$1, $$2 } END { printf "  %6d s  in all\n", total }'

##@ Build (each reuses its folder under build/)

deps: ## the Debian packages of the native build, when missing
	$(TIME_START)
	@scripts/deps.sh native
	$(TIME_END)

# Only the CLI, from the native build's folder (the `cli` build preset): no tests.
cli: deps ## the khabar CLI alone (build/native/core/khabar)
	$(TIME_START)
	@cmake --preset native >/dev/null
	@cmake --build --preset cli -j $(JOBS)
	$(TIME_END)

native: deps ## the optimised native build with tests and benchmarks (build/native)
	$(TIME_START)
	@cmake --preset native >/dev/null
	@cmake --build --preset native -j $(JOBS)
	$(TIME_END)

# One sanitized build for both: the tests and the CLI under clang-14's ASan + UBSan, beside the
# libFuzzer targets that fuzz-smoke runs (the core is compiled once with these flags, not twice).
asan: deps ## the tests, the CLI and the fuzz targets under ASan + UBSan, clang-14 (build/asan)
	$(TIME_START)
	@scripts/deps.sh fuzz
	@grep -qs '^KHABAR_BUILD_FUZZERS:BOOL=ON' build/asan/CMakeCache.txt || rm -rf build/asan  # a gcc build/asan of before
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	$(TIME_END)

# The WebAssembly build: ICU 72.1 and libstemmer from Debian's sources, and Gumbo 0.10.1 from npm
# (gumbo-parser@0.3.0, pinned), built into a cache outside the clone keyed by their inputs
# (wasm/deps/common.sh: ~/.cache/khabar) and linked into build/deps; then the core with
# Emscripten (the `wasm` preset): khabar-core (article data) and khabar-core-html (with the HTML
# reader, Gumbo and ICU's converters; the card service's); and khabar-image (the picture
# renderer, with zlib, libpng, FreeType, HarfBuzz, libjpeg-turbo and libwebp built from Debian's
# sources: wasm/deps/build-image-deps.sh).
DEPS := $(CURDIR)/build/deps

wasm-deps: ## ICU, Snowball, Gumbo and the image libraries for wasm (cached in ~/.cache/khabar)
	$(TIME_START)
	@scripts/deps.sh native wasm
	@$(EMENV) wasm/deps/build.sh $(DEPS)
	@mkdir -p $(DEPS)/nlohmann-include && ln -sfn /usr/include/nlohmann $(DEPS)/nlohmann-include/nlohmann
	$(TIME_END)

wasm: wasm-deps ## khabar-core, khabar-core-html and khabar-image with Emscripten (build/wasm)
	$(TIME_START)
	@$(EMENV) cmake --preset wasm >/dev/null
	@$(EMENV) cmake --build --preset wasm -j $(JOBS)
	$(TIME_END)

# The npm package laid out in web/dist by its own build (npm run build), which takes the wasm
# and ICU data from build/wasm/wasm and build/deps/icu-data.
web: wasm ## the npm package in web/dist (npm run build)
	$(TIME_START)
	@cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent
	$(TIME_END)

##@ Test (each is part of make test)

format-check: deps ## clang-format over every tracked C++ file
	$(TIME_START)
	@clang-format --dry-run --Werror $(FORMAT_FILES)
	@echo "format-check: $(words $(FORMAT_FILES)) files formatted"
	$(TIME_END)

test-native: native ## the native tests (ctest: doctest per area, golden cards, CLI)
	$(TIME_START)
	@ctest --preset native -j $(JOBS)
	$(TIME_END)

test-asan: asan ## the same tests under ASan + UBSan
	$(TIME_START)
	@ctest --preset asan -j $(JOBS)
	$(TIME_END)

# Every naughty string and XSS vector in every field, rendered natively and parsed back (parse5).
test-hostile: native ## naughty strings and XSS vectors through the native renderer
	$(TIME_START)
	@tests/js/run.sh hostile
	$(TIME_END)

# The golden cards through the package in Node, then the ICU data as a page loads it: the
# golden cards per language pack and in one instance (Arabic first, English after), and
# ICU's own output natively against wasm for every kept locale (wasm/deps/README.md); the image
# libraries' shaping, rasterizing, decoding and PNG bytes natively against wasm (check-image.sh);
# the golden pictures drawn by khabar-image.wasm against the native record and `khabar image`.
test-wasm: web cli ## the golden cards and pictures through the wasm builds, against native
	$(TIME_START)
	@tests/js/run.sh wasm
	@$(EMENV) node wasm/deps/check-packs.mjs build/wasm/wasm $(DEPS)/icu-data
	@$(EMENV) wasm/deps/check-data.sh $(DEPS)
	@$(EMENV) wasm/deps/check-image.sh $(DEPS)
	@$(EMENV) node wasm/deps/check-image-cards.mjs build/wasm/wasm $(DEPS) $(KHABAR)
	$(TIME_END)

# The declarations under strict TypeScript, and the README's and docs/'s examples run as pasted
# into a new project (tests/js/readme/).
test-package: web ## the declarations under strict tsc; the README's and docs/'s examples as pasted
	$(TIME_START)
	@tests/js/run.sh package
	$(TIME_END)

# The card service (khabar/service) in-process, behind node:http and on workerd, against a
# local test server on 127.0.0.1 only (tests/js/service/).
test-service: web ## the card service in Node and on workerd, on 127.0.0.1
	$(TIME_START)
	@tests/js/run.sh service
	$(TIME_END)

test-browser: web ## <khabar-card>, the embed and the package in Debian's Chromium
	$(TIME_START)
	@tests/js/run.sh browser
	$(TIME_END)

# The packed package in a fresh project per bundler (tests/consumers), each run in Chromium.
test-consumers: web ## the packed package through Vite, webpack, esbuild, Rollup and Next.js
	$(TIME_START)
	@tests/js/run.sh consumers
	$(TIME_END)

# The card in a real WordPress (Debian's 6.1, MariaDB on a socket, php -S), all on 127.0.0.1:
# classic paste and embed block in Chromium at 320-1200 px, the service and the publisher down
# (~2 minutes warm; the first run installs WordPress, MariaDB and PHP).
test-wordpress: web ## the card pasted into Debian's WordPress 6.1, in Chromium
	$(TIME_START)
	@tests/wordpress/run.sh
	$(TIME_END)

# find_package after cmake --install, FetchContent, and the refused shared build (tests/cmake).
test-cmake: native ## Khabar as a CMake dependency: find_package, FetchContent
	$(TIME_START)
	@tests/cmake/run.sh
	$(TIME_END)

test-examples: native web ## every bundled example in every format; the SSR example
	$(TIME_START)
	@tests/examples/run.sh $(KHABAR)
	@out=$$(node examples/ssr/render.mjs) && echo "$$out" && grep -q "the same bytes" <<<"$$out"
	$(TIME_END)

# The visual tests alone (they also run in test-browser); update-screenshots approves their
# pictures and the README's anew (tests/js/browser/visual/, examples/screenshots/): review the diff.
test-visual: web ## the cards in Chromium against their approved pictures (also in test-browser)
	$(TIME_START)
	@tests/js/run.sh visual
	$(TIME_END)

##@ Fuzz (libFuzzer, clang-14: ASan + UBSan in build/asan, UBSan alone in build/fuzz-fast)

# Every reader, the cleaner, the analysers, the formatter and the renderer: fuzz-smoke runs each
# target for 6 s under ASan + UBSan, two at a time (the asan build's fuzz targets); fuzz is a
# campaign (FUZZ_SECONDS per run, 15 runs, one at a time) on the throughput build without ASan
# (docs/building.md, Fuzzing). FUZZ_ONLY="name ..." picks runs.
FUZZ_SECONDS ?= 600
fuzz-smoke: asan ## every fuzz target for 6 s under ASan + UBSan (part of make test)
	$(TIME_START)
	@tests/fuzz/run.sh 6
	$(TIME_END)

fuzz: ## a campaign without ASan (UBSan only): FUZZ_SECONDS (600) per run, a table and the total
	@scripts/deps.sh fuzz
	@tests/fuzz/run.sh --campaign $(FUZZ_SECONDS)

##@ Benchmarks (numbers only; not in make test)

bench: deps ## the whole analysis on 1k-100k-word articles: time, peak heap, growth
	@cmake --preset native >/dev/null
	@cmake --build --preset native -j $(JOBS) --target khabar_bench
	@build/native/tests/bench/khabar_bench

# The picture renderer natively: pictures a second at 1200x630 with and without a photo (one
# thread), bytes a picture, peak RSS (tests/bench/bench_image.cpp).
# Then, when the package is built (make web), the service's /image: the first picture on a cold
# service and pictures a second, on workerd and Node (tests/js/service/image-bench.mjs).
bench-image: deps ## khabar image: pictures a second, bytes, peak RSS; the service's /image
	@cmake --preset native >/dev/null
	@cmake --build --preset native -j $(JOBS) --target khabar_bench_image
	@build/native/tests/bench/khabar_bench_image $${SECONDS_EACH:-3}
	@if [ -f web/dist/khabar-image.wasm ]; then tests/js/run.sh bench-image-service $${SECONDS_EACH:-3}; \
	else echo "bench-image: web/dist is not built (make web): the service's /image not measured"; fi

# The wasm build against the native one, sizes (both modules, and what the HTML reader adds),
# segmentation against Intl.Segmenter, memory.
bench-wasm: web ## the wasm build against native: speed, sizes, memory
	@cmake --build --preset native -j $(JOBS) --target khabar_throughput
	@node tests/bench/wasm_bench.mjs ../shared/eval/easc/easc-dev.jsonl build/native/tests/bench/khabar_throughput 5

bench-browser: web ## the cards in Chromium: long tasks on the main thread and in the worker
	@tests/js/run.sh bench

# Speed against Readability.js (npm @mozilla/readability on linkedom, pinned by
# tests/bench/readability/package-lock.json) on the same 311 pages (the benchmark's and
# Readability's), the same work (parse + extract), rounds alternating in one run: medians, ratio.
bench-pages: native ## the HTML reader against Readability.js on 311 real pages
	@cmake --build --preset native -j $(JOBS) --target khabar_pages
	@$(UNPACK_PAGES)
	@cd tests/bench/readability && npm ci --no-audit --no-fund --loglevel=error --prefer-offline >/dev/null
	@node tests/bench/readability/bench.mjs build/native/tests/eval/khabar_pages $${ROUNDS:-5} build/xb/pages \
		$(PAGES)/readability/test-pages

# The service under load and under hostile requests on 127.0.0.1 (bounded).
bench-service: web ## the card service under load and hostile requests
	@tests/js/run.sh bench-service

# The service under sustained load (~10 min): 100,000 requests per engine, cached and uncached
# articles, RSS every 10,000; fails on an error, a hung request or growth.
soak-service: web ## the card service under sustained load (~10 min)
	@tests/js/run.sh soak-service

# Service cards vs static blockquotes vs the wasm embed in Chromium, one run (numbers only).
bench-service-browser: web ## service cards, static blockquotes and the wasm embed in Chromium
	@tests/js/run.sh bench-service-browser

# Lighthouse 12.2.3 on the same three pages, driving Debian's Chromium (numbers only).
lighthouse-service: web ## Lighthouse 12 on the same three pages
	@scripts/deps.sh browser
	@cd tests/bench/lighthouse && npm ci --no-audit --no-fund --loglevel=error --prefer-offline >/dev/null && node run.mjs

##@ Evaluation (reads ../shared/eval, never copied into the repository; not in make test)

# ROUGE on EASC, cross-validated by topic (issue #25): every figure from a model trained without
# the article's fold, with paired bootstrap CIs against the lead cut to the same length. About a minute.
eval: native ## the summarizer: ROUGE on EASC's dev split against the lead
	@build/native/tests/eval/khabar_eval ../shared/eval/easc/easc-dev.jsonl build/eval-summaries.jsonl

# Re-learns the summarizer's table from EASC dev (core/src/analyse/summary_model.hpp); the cards'
# summaries change with it: run make update-golden after, and review both diffs.
train-summary: native ## re-learn the summarizer's table (then make update-golden)
	@build/native/tests/eval/khabar_train ../shared/eval/easc/easc-dev.jsonl core/src/analyse/summary_model.hpp
	@clang-format -i core/src/analyse/summary_model.hpp

# The HTML reader on real pages: the article-extraction benchmark with its own scorer, our
# output beside the ten peers' in the same run, then Readability's 130 pages. The data are read
# from ../shared/eval/pages and copied only into build/.
PAGES := ../shared/eval/pages
UNPACK_PAGES = rm -rf build/xb && cp -r $(PAGES)/extraction-benchmark build/xb && mkdir -p build/xb/pages && \
	for f in build/xb/html/*.html.gz; do id=$$(basename $$f .html.gz); gunzip -c $$f >build/xb/pages/$$id.html; done
eval-pages: native ## the HTML reader on the extraction benchmark, Readability's pages and our RTL pages
	@cmake --build --preset native -j $(JOBS) --target khabar_pages
	@$(UNPACK_PAGES)
	@build/native/tests/eval/khabar_pages benchmark build/xb/pages build/xb/output/khabar.json
	@cd build/xb && python3 evaluate.py --n-bootstrap $${N_BOOTSTRAP:-1000}
	@build/native/tests/eval/khabar_pages readability $(PAGES)/readability/test-pages tests/eval/golden-pages.json
	@echo "The right-to-left pages built for #21 (tests/eval/rtl-pages):"
	@build/native/tests/eval/khabar_pages readability tests/eval/rtl-pages

##@ The card service (PORT, default 8787, on 127.0.0.1)

# workerd with examples/service/workerd.capnp (its bindings name the allowed origins), or Node
# with KHABAR_ALLOWED_ORIGINS from the environment.
PORT ?= 8787
serve-workerd: web ## the service on workerd (examples/service/workerd.capnp)
	@cd tests/js && npm ci --no-audit --no-fund --loglevel=error --prefer-offline >/dev/null
	@tests/js/node_modules/.bin/workerd serve examples/service/workerd.capnp --socket-addr http=127.0.0.1:$(PORT)

serve-node: web ## the service on Node (KHABAR_ALLOWED_ORIGINS from the environment)
	@node examples/service/node.mjs $(PORT) 127.0.0.1

##@ Maintenance (review the diff after each update-*)

# The golden cards every build checks (tests/golden/cards/expected/), written anew by the native
# CLI from tests/golden/cards/cases.json: a change there is a change every user sees.
update-golden: cli ## regenerate the golden cards with the native CLI
	@scripts/update-golden.sh

update-screenshots: web ## approve the visual tests' pictures and the README's anew
	@KHABAR_UPDATE_SCREENSHOTS=1 tests/js/run.sh visual

clean: ## remove build/ (the caches in ~/.cache/khabar stay)
	rm -rf build
