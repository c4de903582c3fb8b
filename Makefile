# xueshi: `make serve` builds and serves the calculator, `make test` runs every test.
# Both install what is missing first (scripts/setup.sh), so they work on a fresh machine.

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
PORT ?= 8080
WASM := pkg/xueshi_bg.wasm
# The crate's version: the npm package's and what version() returns.
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)

.PHONY: setup pkg dist serve test test-native test-examples test-wasm test-pkg test-e2e size clean

setup:
	@bash scripts/setup.sh

# The wasm packages, from the facade crate (crates/wasm) with the release profile tuned
# for size, then wasm-opt -Oz. std is rebuilt with panics that abort at once, so that no
# panic message or its formatting is in the wasm (3 KB gzip; README, Performance);
# RUSTC_BOOTSTRAP lets the stable toolchain take these flags, as for cargo-fuzz. Nothing
# formats with Debug or reports a panic's location in the wasm, so neither is carried.
#   pkg/xueshi.js       the whole contract (npm package "xueshi", Node, portals)
#   pkg-calc/xueshi_calc.js  the calculator's first visit: built-in rule sets precompiled,
#                       no document reader (--no-default-features)
WASM_STD := RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
WASM_STD_ARGS := -Z build-std=std,panic_abort
pkg: setup
	rm -rf pkg/snippets pkg-calc
	$(WASM_STD) wasm-pack build crates/wasm --target web --release --no-pack --out-dir ../../pkg --out-name xueshi -- $(WASM_STD_ARGS)
	$(WASM_STD) wasm-pack build crates/wasm --target web --release --no-pack --out-dir ../../pkg-calc --out-name xueshi_calc -- $(WASM_STD_ARGS) --no-default-features
	@rm -f pkg/.gitignore pkg-calc/.gitignore
	@# pkg/ as an npm package (wasm-pack runs with --no-pack): manifest and README.
	sed 's/@VERSION@/$(VERSION)/' scripts/npm/package.json > pkg/package.json
	cp scripts/npm/README.md pkg/README.md

# The complete static site: copy dist/ to any static host.
dist: pkg
	rm -rf dist && mkdir -p dist/pkg
	cp -r www/. dist/
	cp -r pkg/xueshi.js pkg/xueshi_bg.wasm pkg/snippets pkg-calc/xueshi_calc.js pkg-calc/xueshi_calc_bg.wasm dist/pkg/
	cp -r pkg-calc/snippets dist/pkg/
	@# The engine's JS half (js/wire.js, js/built-in.js) sits at a hashed path: preload it
	@# with the rest.
	@for snippet in $$(cd dist && ls pkg/snippets/*/js/wire.js pkg/snippets/*/js/built-in.js); do \
	  sed -i "s#<link rel=\"modulepreload\" href=\"pkg/xueshi_calc.js\">#&\n<link rel=\"modulepreload\" href=\"$$snippet\">#" dist/index.html; done
	@# The page's modules bundled and split (scripts/bundle.mjs); the rest served minified
	@# file by file. www/ keeps the readable sources.
	node scripts/bundle.mjs dist
	esbuild $$(find dist -name '*.js' -o -name '*.css') --minify --outdir=dist --outbase=dist --allow-overwrite --log-level=warning
	@# The whole calculator in one file that opens from disk (file://); see the script.
	node scripts/single-file.mjs dist
	@# The <xueshi-calculator> web component, bundled into one module.
	node scripts/embed-build.mjs dist
	@# Last, as it hashes the files: the service worker that keeps the site offline.
	node scripts/sw-build.mjs dist
	@$(MAKE) --no-print-directory size

size:
	@for w in $(WASM) pkg-calc/xueshi_calc_bg.wasm; do printf '%s: %s bytes raw, %s bytes gzip -9\n' "$$w" "$$(wc -c < $$w)" "$$(gzip -9 -c $$w | wc -c)"; done

serve: dist
	node scripts/serve.mjs dist $(PORT)

test: setup test-native test-examples test-wasm dist size-check test-pkg test-garbage test-e2e fuzz-smoke

test-native:
	cargo fmt --check
	cargo clippy --workspace --all-targets --quiet -- -D warnings -W clippy::too_many_lines
	cargo clippy -p xueshi-wasm --target wasm32-unknown-unknown --lib --tests --quiet -- -D warnings -W clippy::too_many_lines
	cargo test --workspace

# The worked rule set documents under examples/, through the command line as a maintainer
# runs it: read and checked, their examples run, and their quotes against the notice
# (examples/NOTICES names each one's) when the notices are beside the repository (SEEDS,
# default ../shared/seeds); without them it says the quotes were not checked.
SEEDS ?= $(if $(XUESHI_SEEDS),$(XUESHI_SEEDS),../shared/seeds)
test-examples:
	@while read -r doc notice; do \
	  case "$$doc" in ""|"#"*) continue;; esac; \
	  if [ -f "$(SEEDS)/$$notice" ]; then src="--source $(SEEDS)/$$notice"; \
	  else src=""; echo "examples/$$doc: SKIPPED the quotes: no $(SEEDS)/$$notice"; fi; \
	  cargo run -q --bin xueshi -- check "examples/$$doc" $$src || exit 1; \
	done < examples/NOTICES

# The facade in headless Chromium (wasm-bindgen-test; webdriver.json sets the flags).
test-wasm:
	WASM_BINDGEN_TEST_TIMEOUT=120 wasm-pack test --headless --chrome --chromedriver /usr/bin/chromedriver crates/wasm --test wasm

test-pkg:
	node --test pkg-tests/

test-e2e:
	node --test e2e/

clean:
	rm -rf dist pkg pkg-calc target

# --- Performance budgets and robustness ------------------------------------------
# Suggested for `test`: size-check test-garbage fuzz-smoke (after dist).

FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 20
# cargo-fuzz wants nightly for its -Z flags; RUSTC_BOOTSTRAP lets the stable toolchain
# (the only one a new machine has) accept them.
FUZZ := cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz
FUZZ_ARGS = -dict=json.dict -max_len=8192 -timeout=10 -rss_limit_mb=2048

.PHONY: size-check bench bench-native test-garbage setup-fuzz fuzz fuzz-smoke

# The two size budgets (deterministic): wasm and everything a first visit loads, gzip -9.
size-check: dist
	node scripts/check-size.mjs dist

# Native medians (criterion, target/criterion) for the browser bench to compare with.
bench-native:
	cargo bench -p xueshi-wasm --bench evaluate

# Every figure against its budget: one table, target/bench.json; fails when one is missed.
bench: dist bench-native
	node bench/run.mjs dist

# Garbage JS values through the wasm boundary (needs pkg/).
test-garbage: pkg
	node --test tests-js/

setup-fuzz: setup
	@bash scripts/setup-fuzz.sh

# Fuzzes the JSON entry point and the rule set loader for FUZZ_SECONDS each; the corpora
# grow in fuzz/corpus/. The loader starts from the built-in documents.
fuzz: setup-fuzz
	mkdir -p fuzz/corpus/evaluate_json fuzz/corpus/load_rule_set
	$(FUZZ) run evaluate_json corpus/evaluate_json seeds -- $(FUZZ_ARGS) -max_total_time=$(FUZZ_SECONDS)
	$(FUZZ) run load_rule_set corpus/load_rule_set ../rules -- $(FUZZ_ARGS) -max_len=65536 -max_total_time=$(FUZZ_SECONDS)

# A short bounded pass for `make test`: the seeds and whatever it finds in the time.
fuzz-smoke: setup-fuzz
	mkdir -p fuzz/corpus/evaluate_json fuzz/corpus/load_rule_set
	$(FUZZ) run evaluate_json corpus/evaluate_json seeds -- $(FUZZ_ARGS) -max_total_time=$(FUZZ_SMOKE_SECONDS)
	$(FUZZ) run load_rule_set corpus/load_rule_set ../rules -- $(FUZZ_ARGS) -max_len=65536 -max_total_time=$(FUZZ_SMOKE_SECONDS)
