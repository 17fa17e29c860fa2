#!/bin/sh
# Emscripten's environment, KEY=VALUE a line, from its one place: the `wasm` configure preset's
# "environment" in CMakePresets.json (which `cmake --preset wasm` applies itself). The Makefile
# (EMENV) and wasm/deps/common.sh read it here. Debian's Emscripten 3.1.6 finds its JS modules
# (acorn, ...) only through NODE_PATH, and under Node's built-in fetch its generated code takes
# the browser path, so configure's "can I run what I compiled" checks fail without
# --no-experimental-fetch.
exec node -e '
const presets = require(process.argv[1]).configurePresets;
const env = presets.find((p) => p.name === "wasm").environment;
for (const [key, value] of Object.entries(env)) console.log(`${key}=${value}`);
' "$(cd "$(dirname "$0")/.." && pwd)/CMakePresets.json"
