# xueshi: `make serve` builds and serves the calculator, `make test` runs every test.
# Both install what is missing first (scripts/setup.sh), so they work on a fresh machine.

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
PORT ?= 8080
WASM := pkg/xueshi_bg.wasm

.PHONY: setup pkg dist serve test test-native test-wasm test-pkg test-e2e size clean

setup:
	@bash scripts/setup.sh

# The wasm package (pkg/), release profile tuned for size, then wasm-opt -Oz.
pkg: setup
	wasm-pack build --target web --release --no-pack
	@rm -f pkg/.gitignore

# The complete static site: copy dist/ to any static host.
dist: pkg
	rm -rf dist && mkdir -p dist/pkg
	cp -r www/. dist/
	cp pkg/xueshi.js pkg/xueshi_bg.wasm dist/pkg/
	@$(MAKE) --no-print-directory size

size:
	@printf 'wasm: %s bytes raw, %s bytes gzip -9\n' "$$(wc -c < $(WASM))" "$$(gzip -9 -c $(WASM) | wc -c)"

serve: dist
	node scripts/serve.mjs dist $(PORT)

test: setup test-native test-wasm dist test-pkg test-e2e

test-native:
	cargo test --all-features

# The facade in headless Chromium (wasm-bindgen-test; webdriver.json sets the flags).
test-wasm:
	WASM_BINDGEN_TEST_TIMEOUT=120 wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver -- --test wasm

test-pkg:
	node --test pkg-tests/

test-e2e:
	@if [ -d e2e ]; then node --test e2e/; fi

clean:
	rm -rf dist pkg target
