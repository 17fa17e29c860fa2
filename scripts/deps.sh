#!/usr/bin/env bash
# Installs the Debian packages a part of the build needs, only when missing, so the
# README's commands work on a fresh Debian 12 machine and cost ~1 s when all is there.
#   scripts/deps.sh native|ocr|wasm|browser|fuzz|wordpress ...
set -euo pipefail

declare -A groups=(
  # The picture renderer (khabar image): HarfBuzz, FreeType, libpng/zlib, libjpeg-turbo, libwebp,
  # and the Noto fonts the build copies beside the CLI.
  # ccache: every compile goes through scripts/ccache.sh (the Makefile's compiler launcher).
  [native]="build-essential ccache cmake pkg-config libicu-dev libcurl4-openssl-dev nlohmann-json3-dev doctest-dev libstemmer-dev libgumbo-dev libbenchmark-dev clang-format libharfbuzz-dev libfreetype-dev libpng-dev zlib1g-dev libjpeg62-turbo-dev libwebp-dev fonts-noto-core"
  # The picture tests read the seed's and the French card's PNG back with an OCR engine no one here wrote.
  [ocr]="tesseract-ocr tesseract-ocr-ara tesseract-ocr-fra"
  # dpkg-dev: `apt-get source` for ICU and Snowball; brotli: size figures; emscripten pulls its own clang/binaryen.
  [wasm]="emscripten dpkg-dev brotli nodejs"
  # fonts-noto-core has Naskh, Nastaliq (Urdu) and Hebrew; pngquant shrinks the approved screenshots.
  [browser]="chromium fonts-noto-core fonts-dejavu-core pngquant"
  [fuzz]="clang-14 libclang-rt-14-dev ccache"
  # make test-wordpress: Debian's WordPress 6.1 and its default theme, MariaDB (run on a socket
  # with networking off) and PHP's CLI (php -S on 127.0.0.1). policy-rc.d or not, nothing of
  # these is started as a service by the tests.
  [wordpress]="wordpress wordpress-theme-twentytwentythree mariadb-server php-cli php-mysql"
)

missing=()
for group in "$@"; do
  [[ -n "${groups[$group]+x}" ]] || { echo "deps.sh: unknown group '$group'" >&2; exit 2; }
  for pkg in ${groups[$group]}; do
    # nodejs may come from another archive (e.g. NodeSource): any working node >= 18 will do.
    if [[ $pkg == nodejs ]] && command -v node >/dev/null; then continue; fi
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
done

if ((${#missing[@]})); then
  echo "deps.sh: installing ${missing[*]}"
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
