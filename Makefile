# The two commands of the README:
#   make demo   the seed article's card from the CLI (built alone, no tests), then the browser part
#   make test   every check: format, native tests, ASan/UBSan tests, examples
# Each installs what is missing (scripts/deps.sh) and reuses the builds under build/.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
JOBS ?= 2
KHABAR := build/native/core/khabar
SEED := examples/seed-article-ar.txt
FORMAT_FILES := $(shell git ls-files '*.cpp' '*.hpp' 2>/dev/null)

.PHONY: demo test deps cli native asan format-check test-native test-asan test-examples eval train-summary bench bench-image clean fuzz-smoke fuzz \
	eval-pages bench-pages wasm-deps wasm web test-wasm test-browser test-hostile bench-wasm bench-browser test-package test-consumers test-cmake \
	test-visual update-screenshots test-service test-wordpress bench-service soak-service serve-workerd serve-node bench-service-browser lighthouse-service

# The CLI's card first (the native CLI alone builds in a few minutes on a fresh machine), then
# the browser part, which needs ICU for WebAssembly (cached in ~/.cache/khabar once built).
demo: cli
	@echo "== khabar card $(SEED) --format text --locale ar-MA"
	@$(KHABAR) card $(SEED) --format text --locale ar-MA --now 2025-11-29T10:00:00+01:00
	@echo "== the same card as JSON: $(KHABAR) card $(SEED) --format json; as HTML: --format html"
	@echo "== building the browser part (the first time on a machine: ICU for WebAssembly, ~10 min)"
	@$(MAKE) --no-print-directory web
	@echo "== the card in Chromium (partner page with the one-line embed):"
	@# In a terminal the demo keeps serving until Ctrl-C; in scripts and CI it exits after the screenshot.
	@tests/js/run.sh demo $$([ -t 0 ] && echo --serve)

test: format-check test-native test-asan test-hostile test-wasm test-package test-service test-browser test-consumers \
	test-wordpress test-cmake fuzz-smoke test-examples
	@echo "make test: all checks passed"

deps:
	@scripts/deps.sh native

# Only the CLI, from the native build's folder (the `cli` build preset): no tests.
cli: deps
	@cmake --preset native >/dev/null
	@cmake --build --preset cli -j $(JOBS)

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

test-browser: web
	@tests/js/run.sh browser

# Every naughty string and XSS vector in every field, rendered natively and parsed back (parse5).
test-hostile: native
	@tests/js/run.sh hostile

test-examples: native web
	@tests/examples/run.sh $(KHABAR)
	@out=$$(node examples/ssr/render.mjs) && echo "$$out" && grep -q "the same bytes" <<<"$$out"

# ROUGE on EASC, cross-validated by topic (issue #25): every figure from a model trained without
# the article's fold. About a minute.
eval: native
	@build/native/tests/eval/khabar_eval ../shared/eval/easc/easc-dev.jsonl build/eval-summaries.jsonl

# Re-learns the summarizer's table from EASC dev (core/src/analyse/summary_model.hpp); the cards'
# summaries change with it: run scripts/update-golden.sh after, and review both diffs.
train-summary: native
	@build/native/tests/eval/khabar_train ../shared/eval/easc/easc-dev.jsonl core/src/analyse/summary_model.hpp
	@clang-format -i core/src/analyse/summary_model.hpp

# The HTML reader on real pages (not part of `make test`): the article-extraction benchmark with
# its own scorer, our output beside the ten peers' in the same run, then Readability's 130 pages.
# The data are read from ../shared/eval/pages and copied only into build/.
PAGES := ../shared/eval/pages
UNPACK_PAGES = rm -rf build/xb && cp -r $(PAGES)/extraction-benchmark build/xb && mkdir -p build/xb/pages && \
	for f in build/xb/html/*.html.gz; do id=$$(basename $$f .html.gz); gunzip -c $$f >build/xb/pages/$$id.html; done
eval-pages: native
	@cmake --build --preset native -j $(JOBS) --target khabar_pages
	@$(UNPACK_PAGES)
	@build/native/tests/eval/khabar_pages benchmark build/xb/pages build/xb/output/khabar.json
	@cd build/xb && python3 evaluate.py --n-bootstrap $${N_BOOTSTRAP:-1000}
	@build/native/tests/eval/khabar_pages readability $(PAGES)/readability/test-pages tests/eval/golden-pages.json

# Speed against Readability.js (npm @mozilla/readability on linkedom, pinned by
# tests/bench/readability/package-lock.json) on the same 311 pages (the benchmark's and
# Readability's), the same work (parse + extract), rounds alternating in one run: medians, ratio.
bench-pages: native
	@cmake --build --preset native -j $(JOBS) --target khabar_pages
	@$(UNPACK_PAGES)
	@cd tests/bench/readability && npm ci --no-audit --no-fund --loglevel=error --prefer-offline >/dev/null
	@node tests/bench/readability/bench.mjs build/native/tests/eval/khabar_pages $${ROUNDS:-5} build/xb/pages \
		$(PAGES)/readability/test-pages

# The picture renderer natively: pictures a second at 1200x630 with and without a photo (one
# thread), bytes a picture, peak RSS (tests/bench/bench_image.cpp).
bench-image: deps
	@cmake --preset native >/dev/null
	@cmake --build --preset native -j $(JOBS) --target khabar_bench_image
	@build/native/tests/bench/khabar_bench_image $${SECONDS_EACH:-3}

bench: deps
	@cmake --preset native >/dev/null
	@cmake --build --preset native -j $(JOBS) --target khabar_bench
	@build/native/tests/bench/khabar_bench

# The wasm build against the native one, sizes (both modules, and what the HTML reader adds),
# segmentation against Intl.Segmenter, memory.
bench-wasm: web
	@cmake --build --preset native -j $(JOBS) --target khabar_throughput
	@node tests/bench/wasm_bench.mjs ../shared/eval/easc/easc-dev.jsonl build/native/tests/bench/khabar_throughput 5

# The WebAssembly build: ICU 72.1 and libstemmer from Debian's sources, and Gumbo 0.10.1 from npm
# (gumbo-parser@0.3.0, pinned), built into a cache outside the clone keyed by their inputs
# (wasm/deps/common.sh: ~/.cache/khabar) and linked into build/deps; then the core with
# Emscripten (the `wasm` preset): khabar-core (article data) and khabar-core-html (with the HTML
# reader, Gumbo and ICU's converters; the card service's); and khabar-image (the picture
# renderer, with zlib, libpng, FreeType, HarfBuzz, libjpeg-turbo and libwebp built from Debian's
# sources: wasm/deps/build-image-deps.sh).
DEPS := $(CURDIR)/build/deps
# Debian's Emscripten finds its JS modules only through NODE_PATH, and its configure checks
# fail under Node's global fetch (the `wasm` preset sets the same for CMake).
EMENV := NODE_PATH=/usr/share/nodejs NODE_OPTIONS=--no-experimental-fetch

wasm-deps:
	@scripts/deps.sh native wasm
	@$(EMENV) wasm/deps/build.sh $(DEPS)
	@mkdir -p $(DEPS)/nlohmann-include && ln -sfn /usr/include/nlohmann $(DEPS)/nlohmann-include/nlohmann

wasm: wasm-deps
	@$(EMENV) cmake --preset wasm >/dev/null
	@$(EMENV) cmake --build --preset wasm -j $(JOBS)

# The npm package laid out in web/dist by its own build (npm run build), which takes the wasm
# and ICU data from build/wasm/wasm and build/deps/icu-data.
web: wasm
	@cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent

# The golden cards through the package in Node, then the ICU data as a page loads it: the
# golden cards per language pack and in one instance (Arabic first, English after), and
# ICU's own output natively against wasm for every kept locale (wasm/deps/README.md); the image
# libraries' shaping, rasterizing, decoding and PNG bytes natively against wasm (check-image.sh);
# the golden pictures drawn by khabar-image.wasm against the native record and `khabar image`.
test-wasm: web cli
	@tests/js/run.sh wasm
	@$(EMENV) node wasm/deps/check-packs.mjs build/wasm/wasm $(DEPS)/icu-data
	@$(EMENV) wasm/deps/check-data.sh $(DEPS)
	@$(EMENV) wasm/deps/check-image.sh $(DEPS)
	@$(EMENV) node wasm/deps/check-image-cards.mjs build/wasm/wasm $(DEPS) $(KHABAR)

# The declarations under strict TypeScript, and the README's example run as pasted into a new project.
test-package: web
	@tests/js/run.sh package

# The packed package in a fresh project per bundler (tests/consumers), each run in Chromium.
test-consumers: web
	@tests/js/run.sh consumers

# find_package after cmake --install, FetchContent, and the refused shared build (tests/cmake).
test-cmake: native
	@tests/cmake/run.sh

bench-browser: web
	@tests/js/run.sh bench

# The visual tests alone (they also run in test-browser); update-screenshots approves their
# pictures and the README's anew (tests/js/browser/visual/, examples/screenshots/): review the diff.
test-visual: web
	@tests/js/run.sh visual

update-screenshots: web
	@KHABAR_UPDATE_SCREENSHOTS=1 tests/js/run.sh visual

# libFuzzer (clang-14, ASan + UBSan) over every reader, the cleaner, the analysers, the formatter
# and the renderer: fuzz-smoke is ~1 minute in all; fuzz is a campaign (FUZZ_SECONDS per target).
FUZZ_SECONDS ?= 600
fuzz-smoke:
	@scripts/deps.sh fuzz
	@tests/fuzz/run.sh 6

fuzz:
	@scripts/deps.sh fuzz
	@tests/fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf build

# The card service (khabar/service) in-process, behind node:http and on workerd, against a
# local test server on 127.0.0.1 only (tests/js/service/): part of make test.
test-service: web
	@tests/js/run.sh service

# The card in a real WordPress (Debian's 6.1, MariaDB on a socket, php -S), all on 127.0.0.1:
# classic paste and embed block in Chromium at 320-1200 px, the service and the publisher down
# (part of make test: ~2 minutes warm; the first run installs WordPress, MariaDB and PHP).
test-wordpress: web
	@tests/wordpress/run.sh

# The service under load and under hostile requests on 127.0.0.1 (bounded; not in make test).
bench-service: web
	@tests/js/run.sh bench-service

# The service under sustained load (not in make test; ~10 min): 100,000 requests per engine,
# cached and uncached articles, RSS every 10,000; fails on an error, a hung request or growth.
soak-service: web
	@tests/js/run.sh soak-service

# The service, one command each (PORT, default 8787, on 127.0.0.1): workerd with
# examples/service/workerd.capnp (its bindings name the allowed origins), or Node with
# KHABAR_ALLOWED_ORIGINS from the environment.
PORT ?= 8787
serve-workerd: web
	@cd tests/js && npm ci --no-audit --no-fund --loglevel=error --prefer-offline >/dev/null
	@tests/js/node_modules/.bin/workerd serve examples/service/workerd.capnp --socket-addr http=127.0.0.1:$(PORT)

serve-node: web
	@node examples/service/node.mjs $(PORT) 127.0.0.1

# Service cards vs static blockquotes vs the wasm embed in Chromium, one run (numbers only).
bench-service-browser: web
	@tests/js/run.sh bench-service-browser

# Lighthouse 12.2.3 on the same three pages, driving Debian's Chromium (numbers only).
lighthouse-service: web
	@scripts/deps.sh browser
	@cd tests/bench/lighthouse && npm ci --no-audit --no-fund --loglevel=error --prefer-offline >/dev/null && node run.mjs
