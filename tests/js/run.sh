#!/usr/bin/env bash
# The JavaScript tests, one npm package (tests/js): each group is a folder of node:test files.
#   tests/js/run.sh wasm        the package in Node against the wasm build (golden cards, memory, npm pack)
#   tests/js/run.sh hostile     naughty strings and XSS vectors through the native renderer (parse5)
#   tests/js/run.sh browser     <khabar-card>, the embed and the package in Debian's Chromium
#   tests/js/run.sh visual      the visual tests alone (they are also in browser)
#   tests/js/run.sh service     the card service in Node and on workerd (bench-service, soak-service, bench-service-browser,
#                               bench-image-service: numbers)
#   tests/js/run.sh package     the declarations under strict tsc (types/), the README's and docs/'s examples and links (readme/)
#   tests/js/run.sh consumers   the packed package built by Vite, webpack, esbuild, Rollup and Next.js, run in Chromium
#   tests/js/run.sh demo [--serve] | bench
# Needs web/dist (make web); hostile needs the native build (make native). Installs Chromium
# and fonts when missing (scripts/deps.sh browser) and this package's modules when its lock changed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
npm_ci() { (cd "$1" && npm ci --no-audit --no-fund --loglevel=error --prefer-offline >/dev/null); }
# Reinstalled only when the lock is newer than the last install (npm writes node_modules/.package-lock.json).
installed() { [[ -f $1/node_modules/.package-lock.json && ! $1/package-lock.json -nt $1/node_modules/.package-lock.json ]]; }
installed "$here" || npm_ci "$here"
need_web() { [[ -f $root/web/dist/khabar-core.wasm ]] || { echo "run.sh: web/dist is not built: run make web" >&2; exit 2; }; }
what=${1:-browser}
shift || true
cd "$here"
case $what in
  wasm) need_web; exec node --test wasm/ ;;
  hostile) exec node --test hostile/ ;;
  browser)
    need_web
    "$root/scripts/deps.sh" browser
    installed "$root/examples/web-app" || npm_ci "$root/examples/web-app"
    exec node --test --test-concurrency=1 --test-reporter=spec browser/ ;;
  # The visual tests alone; KHABAR_UPDATE_SCREENSHOTS=1 approves their pictures anew.
  visual)
    need_web
    "$root/scripts/deps.sh" browser
    exec node --test --test-reporter=spec browser/visual.test.mjs ;;
  # The card service (khabar/service) in Node and on workerd, against a local server on 127.0.0.1.
  service) need_web; exec node --test --test-concurrency=1 service/node.test.mjs service/workerd.test.mjs ;;
  bench-service) need_web; exec node service/load.mjs ;;
  bench-image-service) need_web; exec node service/image-bench.mjs "$@" ;;
  soak-service) need_web; exec node service/soak.mjs ;;
  bench-service-browser) need_web; "$root/scripts/deps.sh" browser; exec node browser/bench-service.mjs "$@" ;;
  package) need_web; exec node --test types/ readme/ ;;
  consumers)
    need_web
    "$root/scripts/deps.sh" browser
    exec node --test --test-concurrency=1 --test-reporter=spec consumers/ ;;
  demo) need_web; "$root/scripts/deps.sh" browser; exec node browser/demo.mjs "$@" ;;
  bench) need_web; "$root/scripts/deps.sh" browser; exec node browser/bench.mjs "$@" ;;
  *) echo "usage: $0 wasm|hostile|browser|visual|service|bench-service|bench-image-service|soak-service|bench-service-browser|package|consumers|demo [--serve]|bench" >&2; exit 2 ;;
esac
