#!/bin/sh
# The compiler launcher of every CMake build the Makefile configures (CMAKE_<LANG>_COMPILER_LAUNCHER,
# exported by the Makefile): ccache when it is installed (scripts/deps.sh native), else the
# compiler itself. Its cache lives outside the clone, beside the wasm dependencies
# (${XDG_CACHE_HOME:-~/.cache}/khabar/ccache), so a fresh clone (CI) reuses the last run's objects.
# A hit is keyed by the compiler, its flags and the preprocessed source (ccache's own hashing);
# for the native compilers, paths under the clone are hashed relative to it (base_dir) and the
# working directory is left out (hash_dir), so two clones in different folders share their objects.
#   scripts/ccache.sh COMPILER ARGS...      (KHABAR_CCACHE=0: bypass)
command -v ccache >/dev/null 2>&1 && [ "${KHABAR_CCACHE:-1}" != 0 ] || exec "$@"
root=$(cd "$(dirname "$0")/.." && pwd)
: "${CCACHE_DIR:=${XDG_CACHE_HOME:-$HOME/.cache}/khabar/ccache}"
# Not for Emscripten: base_dir's relative paths change the source name written into the LTO
# bitcode, and the shipped .wasm must stay the bytes a build without ccache gives (its objects
# are then bit-identical to em++'s own; they are shared between clones in the same folder only).
case ${1##*/} in
  em++ | emcc) CCACHE_BASEDIR= ;;
  *) : "${CCACHE_BASEDIR=$root}" ;;
esac
: "${CCACHE_NOHASHDIR:=true}"
: "${CCACHE_MAXSIZE:=5G}"
export CCACHE_DIR CCACHE_BASEDIR CCACHE_NOHASHDIR CCACHE_MAXSIZE
exec ccache "$@"
