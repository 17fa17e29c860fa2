# Shared helpers for build-icu.sh and build-stemmer.sh; sourced, not run.
# shellcheck shell=bash

# Debian's emscripten finds its JS deps (acorn, ...) only through NODE_PATH, and Node 18+'s
# built-in fetch makes emscripten's generated code take the browser path, so configure's
# "can I run what I compiled" check fails without --no-experimental-fetch.
export NODE_PATH=/usr/share/nodejs
export NODE_OPTIONS=--no-experimental-fetch

# shellcheck disable=SC2034  # used by the scripts that source this file
DEPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JOBS=${JOBS:-2}   # the machines have 2 cores; more only thrashes

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "error: $*"; exit 1; }

# need_packages PKG...: installs the missing ones; apt-get update only if something is missing.
need_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  log "installing ${missing[*]}"
  [[ $(id -u) == 0 ]] || die "need root to apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ensure_deb_src: apt-get source needs deb-src entries, which Debian images ship without.
# Mirrors the deb822 entries of debian.sources (main archive + security).
ensure_deb_src() {
  local f=/etc/apt/sources.list.d/khabar-deb-src.sources
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    log "adding deb-src entries in $f"
    cat >"$f" <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    apt-get update -qq
  fi
}

# fetch_source PKG VERSION DIR: downloads Debian's source package (.dsc, orig, debian tarball).
fetch_source() {
  local pkg=$1 ver=$2 dir=$3
  mkdir -p "$dir"
  ls "$dir/${pkg}_${ver#*:}.dsc" >/dev/null 2>&1 && return 0
  ensure_deb_src
  apt-cache showsrc "$pkg" 2>/dev/null | grep -q "^Version: $ver\$" || apt-get update -qq
  # _apt cannot write to our folder; downloading as root is what apt then does anyway.
  (cd "$dir" && { apt-get source -qq --download-only "$pkg=$ver" 2>&1 | grep -v 'unsandboxed as root' >&2 || true; })
  [[ -f "$dir/${pkg}_${ver#*:}.dsc" ]] || die "apt-get source $pkg=$ver failed (is that version still in the archive?)"
}

# emcc_version: its first line (sed, not head: emcc dies noisily on a closed pipe).
emcc_version() { emcc --version 2>/dev/null | sed -n 1p; }

# key NAME VALUE...: a step's cache key is the hash of the functions that do the step plus
# every input it names (versions, flags, input files' hashes, upstream keys), so editing one
# step redoes that step and those after it, and nothing else.
key() {
  local f
  {
    for f in "$@"; do
      if declare -F -- "$f" >/dev/null; then declare -f -- "$f"
      elif [[ -f "$f" ]]; then sha256sum <"$f"
      else printf '%s\n' "$f"; fi
    done
  } | sha256sum | cut -c1-16
}

# step NAME KEY OUTPUT CMD...: runs CMD unless STAMPS/NAME holds KEY and OUTPUT exists.
# Output goes to LOGS/NAME.log; on failure its tail is shown.
step() {
  local name=$1 k=$2 output=$3; shift 3
  local stamp="$STAMPS/$name" logf="$LOGS/$name.log" t0=$SECONDS
  if [[ -e "$output" && -f "$stamp" && $(<"$stamp") == "$k" ]]; then
    log "$name: cached ($k)"
    return 0
  fi
  mkdir -p "$STAMPS" "$LOGS"
  rm -f "$stamp"
  log "$name: running (log: $logf)"
  # Started in the background so that set -e holds inside CMD: bash ignores -e in any
  # command that is tested by if, ||, && or !, however deep.
  ("$@") >"$logf" 2>&1 &
  if ! wait $!; then
    tail -n 40 "$logf" >&2
    die "$name failed after $((SECONDS - t0)) s; full log: $logf"
  fi
  [[ -e "$output" ]] || die "$name did not produce $output"
  echo "$k" >"$stamp"
  log "$name: done in $((SECONDS - t0)) s"
}
