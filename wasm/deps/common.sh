# Shared helpers for build-icu.sh and build-stemmer.sh; sourced, not run.
# shellcheck shell=bash

# Emscripten's environment (NODE_PATH, NODE_OPTIONS), from its one place: the `wasm` preset in
# CMakePresets.json, read by scripts/emscripten-env.sh (which says why each is needed).
while IFS= read -r _khabar_env; do export "${_khabar_env?}"; done \
  < <("$(dirname "${BASH_SOURCE[0]}")/../../scripts/emscripten-env.sh")
unset _khabar_env
[[ -n ${NODE_PATH:-} ]] || { echo "common.sh: no Emscripten environment from scripts/emscripten-env.sh (is node installed?)" >&2; exit 1; }

# shellcheck disable=SC2034  # used by the scripts that source this file
DEPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JOBS=${JOBS:-2}   # the machines have 2 cores; more only thrashes

# The version libicu-dev has on bookworm, so native and wasm results are the same bytes.
ICU_DEB_VERSION=72.1-3+deb12u1

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

# fetch_source PKG VERSION DIR: downloads Debian's source package (.dsc, orig, debian tarball)
# into DIR, shared by every key. The .dsc is moved in last: when it is there, all is.
fetch_source() {
  local pkg=$1 ver=$2 dir=$3 dsc part f
  dsc=${pkg}_${ver#*:}.dsc
  [[ -f "$dir/$dsc" ]] && return 0
  ensure_deb_src
  apt-cache showsrc "$pkg" 2>/dev/null | grep -q "^Version: $ver\$" || apt-get update -qq
  part=$dir/.part-$pkg
  rm -rf "$part" && mkdir -p "$part"
  # _apt cannot write to our folder; downloading as root is what apt then does anyway.
  (cd "$part" && { apt-get source -qq --download-only "$pkg=$ver" 2>&1 | grep -v 'unsandboxed as root' >&2 || true; })
  [[ -f "$part/$dsc" ]] || die "apt-get source $pkg=$ver failed (is that version still in the archive?)"
  for f in "$part"/*; do [[ $f == */$dsc ]] || mv -f "$f" "$dir/"; done
  mv -f "$part/$dsc" "$dir/" && rm -rf "$part"
}

# emcc_version: its first line (sed, not head: emcc dies noisily on a closed pipe).
emcc_version() { emcc --version 2>/dev/null | sed -n 1p; }

# key NAME VALUE...: a step's cache key is the hash of the functions that do the step plus
# every input it names (versions, flags, input files' hashes, upstream keys), so editing one
# step redoes that step and those after it, and nothing else. `declare -f` prints a function
# without its comments: a comment edit rebuilds nothing.
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

# A dependency check (check-data.sh, check-image.sh) depends on nothing but the cached
# dependencies, its own programs and the system's packages, so its pass is recorded under a key
# of all of them, CACHE/checks/NAME-KEY, and the same inputs are not checked twice. KEY comes
# from check_key: the check script and this file, the checker's sources, the dependency folders'
# cache names (their own keys), the compilers', Node's and the named Debian packages' versions.
# KHABAR_RECHECK=1 runs a check again whatever it finds.
#   check_key SOURCE... -- PACKAGE...    (prints KEY; the dependency folders are OUT's links)
check_key() {
  local sources=() packages=() f
  while (($#)) && [[ $1 != -- ]]; do sources+=("$1"); shift; done
  (($#)) && shift
  packages=("$@")
  {
    key "$0" "${BASH_SOURCE[0]}" "${sources[@]}"
    for f in "$OUT"/*; do if [[ -L $f ]]; then printf '%s -> %s\n' "${f##*/}" "$(readlink "$f")"; fi; done
    emcc_version
    g++ --version | sed -n 1p
    node --version
    dpkg-query -W -f='${Package} ${Version}\n' "${packages[@]}"
  } | sha256sum | cut -c1-16
}
# check_passed_before NAME KEY: true (and says so) when the check passed for these inputs.
check_passed_before() {
  [[ ${KHABAR_RECHECK:-0} != 1 && -f $CACHE/checks/$1-$2 ]] || return 1
  log "$1: passed for these very inputs on $(<"$CACHE/checks/$1-$2") ($CACHE/checks/$1-$2; KHABAR_RECHECK=1 checks again)"
}
# check_passed NAME KEY: records the pass.
check_passed() { mkdir -p "$CACHE/checks" && date -u +%FT%TZ >"$CACHE/checks/$1-$2"; }

# The cache, outside the clone: a fresh clone (CI clones fresh every run) finds what any
# earlier clone built from the same inputs. Each step's output is one folder, CACHE/NAME-KEY,
# and a folder of that name is always complete: it is built under a temporary name and
# renamed when its step succeeded. OUTDIR only holds links into it. `rm -rf` the cache to
# start over; old keys are never read again and may be deleted at any time.
CACHE=${KHABAR_DEPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/khabar}
DOWNLOADS=$CACHE/downloads

# lock_cache: one build at a time per cache (two clones' `make wasm` would build the same
# key twice, or one would rename over the other); the second waits, then finds everything
# built. Scripts started by build.sh inherit its lock.
lock_cache() {
  [[ ${KHABAR_DEPS_LOCKED:-} == "$CACHE" ]] && return 0
  mkdir -p "$CACHE"
  exec 9>"$CACHE/.lock"
  flock 9
  export KHABAR_DEPS_LOCKED=$CACHE
  # Holding the lock, no build is under way: temporary folders left are from killed runs.
  rm -rf "$CACHE"/.tmp-*
}

# The start of a step that runs after build-icu.sh OUTDIR (the charsets, the picture's data):
# OUT is OUTDIR's absolute path, TOOLS ICU's native tools there; the cache is locked.
after_icu_step() {
  (($# == 1)) || die "usage: $0 OUTDIR"
  mkdir -p "$1"
  OUT=$(cd "$1" && pwd)
  lock_cache
  TOOLS=$OUT/icu-tools
}

# cached NAME KEY CMD...: sets CACHED to CACHE/NAME-KEY, running `CMD... DIR` first unless
# that folder exists. CMD writes its whole output into DIR (a temporary folder, renamed when
# CMD succeeds); its output goes to CACHE/logs/NAME-KEY.log, whose tail is shown on failure.
cached() {
  local name=$1 k=$2; shift 2
  local final=$CACHE/$name-$k logf=$CACHE/logs/$name-$k.log t0=$SECONDS tmp
  CACHED=$final
  if [[ -d $final ]]; then
    log "$name: cached ($final)"
    return 0
  fi
  mkdir -p "$CACHE/logs"
  tmp=$(mktemp -d "$CACHE/.tmp-$name-$k.XXXXXX")
  log "$name: building (log: $logf)"
  # Started in the background so that set -e holds inside CMD: bash ignores -e in any
  # command that is tested by if, ||, && or !, however deep.
  ("$@" "$tmp") >"$logf" 2>&1 &
  if ! wait $!; then
    tail -n 40 "$logf" >&2
    rm -rf "$tmp"
    die "$name failed after $((SECONDS - t0)) s; full log: $logf"
  fi
  chmod 755 "$tmp"
  mv -T "$tmp" "$final"
  log "$name: done in $((SECONDS - t0)) s"
}

# link_output OUT NAME: OUT/NAME -> the folder `cached` just set.
link_output() {
  mkdir -p "$1"
  # A folder of the old layout (builds inside the clone) would receive the link inside it.
  if [[ -d $1/$2 && ! -L $1/$2 ]]; then rm -rf "${1:?}/$2"; fi
  ln -sfn "$CACHED" "$1/$2"
}

# key_of LINK: the key of the cache folder LINK points to (to chain steps across scripts).
key_of() {
  local target
  target=$(readlink "$1") || die "$1 is missing: run build.sh first"
  [[ -d $target ]] || die "$1 points to $target, which is gone: run build.sh again"
  printf '%s\n' "${target##*-}"
}
