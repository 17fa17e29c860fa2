#!/usr/bin/env bash
# make test-wordpress: the card in a real WordPress on 127.0.0.1 (tests/wordpress/wordpress.test.mjs).
# Installs Debian's wordpress, mariadb-server and php-cli when missing (scripts/deps.sh), and
# Chromium; runs MariaDB on a socket in build/wordpress (no networking) and WordPress under
# `php -S 127.0.0.1`, both stopped at the end. Needs web/dist (make web).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
[[ -f $root/web/dist/khabar-core-html.wasm ]] || { echo "run.sh: web/dist is not built: run make web" >&2; exit 2; }
"$root/scripts/deps.sh" wordpress browser
js=$root/tests/js
[[ -f $js/node_modules/.package-lock.json && ! $js/package-lock.json -nt $js/node_modules/.package-lock.json ]] ||
  (cd "$js" && npm ci --no-audit --no-fund --loglevel=error --prefer-offline >/dev/null)
exec node --test --test-concurrency=1 --test-reporter=spec "$here/wordpress.test.mjs"
