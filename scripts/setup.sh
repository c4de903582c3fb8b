#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already there.
# Safe to run again: every step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

# The release wasm rebuilds std (Makefile, WASM_STD): it needs std's sources.
if ! rustup component list --installed | grep -q '^rust-src'; then
  say "adding rust-src (std is rebuilt for the wasm)"
  rustup component add rust-src
fi

# wasm-pack only uses a wasm-bindgen on PATH whose version matches Cargo.lock exactly.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (had: ${have:-none})"
  cargo install wasm-bindgen-cli --version "$want" --force
fi

if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack"
  cargo install wasm-pack
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = 0 ]; then
    say "installing chromium and chromium-driver"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    say "chromium and chromedriver are missing: run 'apt-get install chromium chromium-driver' as root" >&2
    exit 1
  fi
fi

# A Chinese font, so that the page's screenshots (target/screenshots/) can be read.
if ! fc-list :lang=zh family 2>/dev/null | grep -q .; then
  if [ "$(id -u)" = 0 ]; then
    say "installing a Chinese font (fonts-wqy-microhei)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >/dev/null
  else
    say "no Chinese font: screenshots will show boxes ('apt-get install fonts-wqy-microhei' as root)" >&2
  fi
fi

# npm ci wipes node_modules: only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.xueshi-lock; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.xueshi-lock
fi
