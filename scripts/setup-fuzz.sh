#!/usr/bin/env bash
# Installs what `make fuzz` needs, skipping whatever is already there: cargo-fuzz (from
# crates.io) and a C++ compiler for libFuzzer. The fuzz build itself runs on the stable
# toolchain with RUSTC_BOOTSTRAP=1 (see the Makefile); its sanitizer runtimes ship with it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '[setup-fuzz] %s\n' "$*"; }

CARGO_FUZZ_VERSION=0.13.2
have=$(cargo fuzz --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$CARGO_FUZZ_VERSION" ]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (had: ${have:-none})"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
fi

if ! command -v c++ >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    say "installing g++ (libFuzzer is C++)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq g++ >/dev/null
  else
    say "g++ is missing: run 'apt-get install g++' as root" >&2
    exit 1
  fi
fi
