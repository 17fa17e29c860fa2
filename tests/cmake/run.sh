#!/usr/bin/env bash
# Khabar as a CMake dependency, the ways a consumer takes it:
#   1. cmake --install of the native build into a temporary prefix, then find_package(khabar) in an
#      executable and a shared library
#      (the exact version, and a version it must refuse);
#   2. FetchContent from this checkout (no network) inside a project of shared libraries;
#   3. a shared build of Khabar itself, refused with a clear message.
#   tests/cmake/run.sh [BUILD_DIR]     (default build/native; needs `make native`)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/native}
work=$root/build/cmake-consumers
seed=$root/examples/seed-article-ar.txt
version=$(node -p 'require(process.argv[1]).version' "$root/web/package.json")
title='الإنتربول يشيد من مراكش بالمغرب نموذج عالمي في التعاون الأمني'
expected=$(printf '%s\n%s\n%s' "$version" "$title" '<article')
passed=0 failed=0
ok() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAILED: $1" >&2; failed=$((failed + 1)); }
quiet() { "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; return 1; }; }

rm -rf "$work/prefix" "$work/find_package" "$work/refused" "$work/shared"
mkdir -p "$work"

# 1. Install, then find_package.
quiet cmake --install "$build" --prefix "$work/prefix"
for f in include/khabar/khabar.hpp include/khabar/version.hpp lib/libkhabar.a lib/cmake/khabar/khabarConfig.cmake \
  lib/cmake/khabar/khabarConfigVersion.cmake lib/cmake/khabar/khabarTargets.cmake bin/khabar \
  share/doc/khabar/LICENSE share/doc/khabar/THIRD-PARTY-NOTICES.md; do
  [[ -f $work/prefix/$f ]] && ok "installed $f" || fail "not installed: $f"
done
[[ $(find "$work/prefix/include" -path '*detail*' | wc -l) == 0 ]] && ok "no internal header installed" || fail "internal headers installed"
if quiet cmake -S "$here/find_package" -B "$work/find_package" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DKHABAR_WANTED_VERSION="$version" && quiet cmake --build "$work/find_package" -j 2; then
  out=$("$work/find_package/consumer" "$seed")
  [[ $out == "$expected" ]] && ok "find_package(khabar $version): the consumer prints the card" || fail "find_package consumer printed: $out"
  [[ -f $work/find_package/libcards.so ]] && ok "find_package: the installed library links into a shared library" || fail "no libcards.so"
else
  fail "find_package(khabar $version) consumer did not build"
fi
"$work/prefix/bin/khabar" --version | grep -qx "khabar $version" && ok "installed CLI: khabar --version is $version" || fail "installed CLI version"
next_minor=$(awk -F. '{ print $1 "." $2 + 1 }' <<<"$version")
if cmake -S "$here/find_package" -B "$work/refused" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DKHABAR_WANTED_VERSION="$next_minor" >"$work/refused.log" 2>&1; then
  fail "find_package(khabar $next_minor) accepted version $version"
else
  grep -q "version: $version" "$work/refused.log" && ok "find_package(khabar $next_minor) refuses $version" ||
    { cat "$work/refused.log" >&2; fail "find_package(khabar $next_minor) failed for another reason"; }
fi

# 2. FetchContent (its build folder is kept: a rerun rebuilds only what changed).
if quiet cmake -S "$here/fetchcontent" -B "$work/fetchcontent" -DCMAKE_BUILD_TYPE=Release -DKHABAR_SOURCE_DIR="$root" &&
  quiet cmake --build "$work/fetchcontent" -j "${JOBS:-2}"; then
  out=$("$work/fetchcontent/consumer" "$seed")
  [[ $out == "$expected" ]] && ok "FetchContent: the consumer prints the card" || fail "FetchContent consumer printed: $out"
  [[ -f $work/fetchcontent/libcards.so ]] && ok "FetchContent: Khabar linked into the consumer's shared library" || fail "no libcards.so"
else
  fail "FetchContent consumer did not build"
fi

# 3. A shared build of Khabar is refused, saying why and what to do.
if cmake -S "$root" -B "$work/shared" -DBUILD_SHARED_LIBS=ON >"$work/shared.log" 2>&1; then
  fail "-DBUILD_SHARED_LIBS=ON configured"
else
  grep -q 'a shared build (BUILD_SHARED_LIBS=ON) is not supported' "$work/shared.log" &&
    grep -q 'DBUILD_SHARED_LIBS=OFF' "$work/shared.log" && ok "a shared build is refused with a clear message" ||
    { cat "$work/shared.log" >&2; fail "a shared build failed for another reason"; }
fi

echo "cmake consumers: $passed passed, $failed failed"
[[ $failed == 0 ]]
