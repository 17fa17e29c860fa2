#!/usr/bin/env bash
# `khabar card URL` (libcurl) against the local test server on 127.0.0.1 only: the golden card
# byte for byte, and every hostile page refused with the service's code, nothing on stdout. The
# address check runs in curl's socket callback, before any connection: 10.0.0.1 or
# 169.254.169.254 are refused without a packet sent.
set -uo pipefail
KHABAR=$1
ROOT=$2
TMP=$(mktemp -d)
coproc SERVER { node "$ROOT/tests/js/service/cli-server.mjs"; }
read -r PORT <&"${SERVER[0]}"
trap 'exec {SERVER[1]}>&-; wait "$SERVER_PID" 2>/dev/null; rm -rf "$TMP"' EXIT
BASE="http://127.0.0.1:$PORT"
ALLOW=(--allow-private "127.0.0.1:$PORT")
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

expect_error() {
  local name=$1 code=$2; shift 2
  local started=$SECONDS
  "$KHABAR" card "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  local rc=$?
  if [[ $rc -eq 1 ]] && grep -q -- "error \[$code\]" "$TMP/err" && [[ ! -s "$TMP/out" ]] && ((SECONDS - started < 8)); then pass
  else fail "$name: exit $rc, stderr: $(head -c 300 "$TMP/err"), stdout bytes: $(wc -c <"$TMP/out")"; fi
}

NOW=(--now 2025-11-29T10:00:00+01:00 --tz Africa/Casablanca)
for format in html json text; do
  "$KHABAR" card "$BASE/golden/examples/seed-article-ar.txt" "${ALLOW[@]}" --locale ar-MA --format $format "${NOW[@]}" >"$TMP/card" 2>"$TMP/err"
  if cmp -s "$TMP/card" "$ROOT/tests/golden/cards/expected/seed.ar-MA.$format"; then pass; else fail "golden seed.ar-MA.$format from a URL differs: $(head -c 300 "$TMP/err")"; fi
done
"$KHABAR" card "$BASE/redirect-ok" "${ALLOW[@]}" --format text >"$TMP/card" 2>/dev/null && grep -q 'الإنتربول' "$TMP/card" && pass || fail "a redirect to the same server"
"$KHABAR" card "$BASE/windows-1256" "${ALLOW[@]}" --format text >"$TMP/card" 2>"$TMP/err" && grep -q 'مرحبا بكم' "$TMP/card" && pass || fail "the Content-Type charset (windows-1256) decodes the page: $(head -c 300 "$TMP/err")"

"$KHABAR" card "$BASE/content-language" "${ALLOW[@]}" --format html >"$TMP/card" 2>"$TMP/err" && grep -q 'lang="fr-MA"' "$TMP/card" && pass || fail "the Content-Language header is the language of a page that declares none: $(head -c 300 "$TMP/card")"
"$KHABAR" inspect "$BASE/content-language" "${ALLOW[@]}" >"$TMP/inspect" 2>"$TMP/err" && grep -q 'http:content-language' "$TMP/inspect" && pass || fail "inspect names the header as the language's origin"
expect_error "loopback without the allowance" fetch.private_address "$BASE/golden/examples/seed-article-ar.txt"
expect_error "loopback on another port" fetch.private_address "http://127.0.0.1:$((PORT + 1))/x" "${ALLOW[@]}"
expect_error "the metadata address" fetch.private_address "http://169.254.169.254/latest/meta-data/" "${ALLOW[@]}"
expect_error "a private address" fetch.private_address "http://10.0.0.1/a" "${ALLOW[@]}"
expect_error "IPv6 loopback" fetch.private_address "http://[::1]:$PORT/x" "${ALLOW[@]}"
expect_error "a redirect to a private address" fetch.private_address "$BASE/redirect-private" "${ALLOW[@]}"
expect_error "a redirect to the metadata address" fetch.private_address "$BASE/redirect-metadata" "${ALLOW[@]}"
expect_error "a redirect loop" fetch.too_many_redirects "$BASE/redirect-loop" "${ALLOW[@]}"
expect_error "file:" fetch.unsupported_scheme "file:///etc/passwd"
expect_error "ftp:" fetch.unsupported_scheme "ftp://127.0.0.1/x"
expect_error "a page that never ends" fetch.timeout "$BASE/never-ends" "${ALLOW[@]}" --timeout 1500
expect_error "a page byte by byte" fetch.timeout "$BASE/slow" "${ALLOW[@]}" --timeout 1500
expect_error "a 50 MB page" fetch.too_large "$BASE/big" "${ALLOW[@]}"
expect_error "a 50 MB page without a length" fetch.too_large "$BASE/big-undeclared" "${ALLOW[@]}"
expect_error "a small --max-bytes" fetch.too_large "$BASE/golden/examples/seed-article-ar.txt" "${ALLOW[@]}" --max-bytes 100
expect_error "an image" fetch.content_type "$BASE/image" "${ALLOW[@]}"
expect_error "a 404" fetch.http_status "$BASE/missing" "${ALLOW[@]}"

exec {SERVER[1]}>&-
wait "$SERVER_PID"
server_rc=$?
trap 'rm -rf "$TMP"' EXIT
[[ $server_rc -eq 0 ]] && pass || fail "the test server saw requests for another host"
echo "cli urls: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
