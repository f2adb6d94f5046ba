#!/usr/bin/env bash
# Installs what `make test` and `make demo` need on a fresh Debian machine, skipping what is
# already there. Only package registries are used (crates.io, Debian, npm): wasm-pack would
# download wasm-bindgen and binaryen from elsewhere, so both are put on PATH first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { echo "install-tools: $*" >&2; }

# The wasm target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Debian packages: Chromium and its driver (browser tests), binaryen (wasm-opt).
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v wasm-opt >/dev/null || missing+=(binaryen)
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# wasm-bindgen-cli at exactly the version in Cargo.lock (wasm-pack then uses it).
[ -f Cargo.lock ] || cargo generate-lockfile
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (have: ${have:-none})"
  cargo install --locked --force wasm-bindgen-cli --version "$want"
fi

if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack"
  cargo install --locked wasm-pack
fi

# Node packages for the page tests and benchmarks (playwright-core drives Debian's Chromium;
# it never downloads a browser).
if [ -f package.json ] && { [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; }; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
