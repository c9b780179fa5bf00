# khuyencong-charts: one-command set-up, build and test on a fresh Debian machine (as root).
#   make test   installs what is missing, then runs every check
#   make demo   installs what is missing, builds, and serves www/ on 127.0.0.1
# Every install step checks first and skips what is present (idempotent). Nothing relies on
# wasm-pack downloading a binary: wasm-bindgen and chromedriver come from cargo and apt.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)
export CARGO_TERM_COLOR ?= never

# wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
WASM_OPT := node_modules/binaryen/bin/wasm-opt
ESBUILD := node_modules/esbuild/bin/esbuild
WASM_OPT_FLAGS := -Oz --enable-bulk-memory --enable-reference-types --enable-multivalue \
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
WASM_TARGET := wasm32-unknown-unknown
# The published wasm is built with a pinned nightly that rebuilds the standard library for
# size: panics abort at once (no message formatting linked in) and std's size-optimised code
# paths are used. That takes ~17% off the gzipped file (146 -> 121 KB; see BENCHMARKS.md).
# Tests and clippy run on stable; the e2e tests exercise this exact build.
NIGHTLY := nightly-2026-05-20
SIZE_TARGET_DIR := target/size
RELEASE_WASM := $(SIZE_TARGET_DIR)/$(WASM_TARGET)/release/khuyencong_charts.wasm
# The fast build (Cargo.toml's [profile.fast]): this crate at opt-level 2, for bulk analysis.
FAST_WASM := $(SIZE_TARGET_DIR)/$(WASM_TARGET)/fast/khuyencong_charts.wasm
# The reader's build, which embed.js loads: the release build without the "export" and
# "messages" features (no SVG, CSV or analyze, no error sentences). Cargo writes it where the
# release build goes: copied aside at once.
VIEW_WASM := $(SIZE_TARGET_DIR)/view.wasm
NIGHTLY_BUILD := RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" cargo +$(NIGHTLY) build \
  --target $(WASM_TARGET) --lib --target-dir $(SIZE_TARGET_DIR) \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
PORT ?= 8080

.PHONY: all deps deps-rust deps-browser deps-node package www-pkg demo test fmt lint fuzz \
	test-native test-wasm test-e2e test-npm test-size bench clean

all: test

## ---- installs ---------------------------------------------------------------------------

deps: deps-rust deps-browser deps-node

deps-rust:
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' || rustup target add $(WASM_TARGET)
	@rustup component list --toolchain $(NIGHTLY) --installed 2>/dev/null | grep -q '^rust-src' \
	  || rustup toolchain install $(NIGHTLY) --profile minimal --component rust-src --target $(WASM_TARGET)
	@command -v wasm-pack >/dev/null || cargo install wasm-pack
	@if [ "$$(wasm-bindgen --version 2>/dev/null | awk '{print $$2}')" != "$(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
	  cargo install wasm-bindgen-cli --version '$(WASM_BINDGEN_VERSION)' --force; \
	fi

deps-browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
	    || ! command -v pdftoppm >/dev/null || [ ! -d /usr/share/fonts/truetype/noto ]; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
	    chromium chromium-driver fonts-noto-core fonts-dejavu-core poppler-utils; \
	fi

deps-node:
	@if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
	  npm ci --no-audit --no-fund; \
	fi

## ---- build ------------------------------------------------------------------------------

# The publishable npm package: release wasm, wasm-bindgen glue, wasm-opt -Oz, short import
# names, hand-written entry point and types; the fast build; the reader's build for embed.js.
package: deps-rust deps-node
	$(NIGHTLY_BUILD) --release --no-default-features
	cp $(RELEASE_WASM) $(VIEW_WASM)
	$(NIGHTLY_BUILD) --release
	$(NIGHTLY_BUILD) --profile fast
	rm -rf pkg $(SIZE_TARGET_DIR)/fast-bindgen $(SIZE_TARGET_DIR)/view-bindgen $(SIZE_TARGET_DIR)/embed-src && mkdir -p pkg
	wasm-bindgen --target web --out-dir pkg --out-name khuyencong_charts --no-typescript $(RELEASE_WASM)
	wasm-bindgen --target web --out-dir $(SIZE_TARGET_DIR)/fast-bindgen --out-name khuyencong_charts --no-typescript $(FAST_WASM)
	wasm-bindgen --target web --out-dir $(SIZE_TARGET_DIR)/view-bindgen --out-name khuyencong_charts --no-typescript $(VIEW_WASM)
	@# Both builds are the same code, so one glue serves both; stop if it ever differs.
	cmp pkg/khuyencong_charts.js $(SIZE_TARGET_DIR)/fast-bindgen/khuyencong_charts.js
	$(WASM_OPT) $(WASM_OPT_FLAGS) pkg/khuyencong_charts_bg.wasm -o pkg/khuyencong_charts_bg.wasm
	$(WASM_OPT) $(WASM_OPT_FLAGS) $(SIZE_TARGET_DIR)/fast-bindgen/khuyencong_charts_bg.wasm -o pkg/khuyencong_charts_fast_bg.wasm
	$(WASM_OPT) $(WASM_OPT_FLAGS) $(SIZE_TARGET_DIR)/view-bindgen/khuyencong_charts_bg.wasm -o pkg/khuyencong_charts_view_bg.wasm
	@# wasm-bindgen's import names carry 16-hex-digit hashes that do not compress (~1 KB gzip).
	node scripts/short-imports.mjs pkg/khuyencong_charts_bg.wasm pkg/khuyencong_charts.js pkg/khuyencong_charts_fast_bg.wasm
	node scripts/short-imports.mjs pkg/khuyencong_charts_view_bg.wasm $(SIZE_TARGET_DIR)/view-bindgen/khuyencong_charts.js
	@# Long strings (analyze()'s JSON text) into the module in 64 K-character pieces: faster.
	node scripts/fast-strings.mjs pkg/khuyencong_charts.js
	node scripts/fast-strings.mjs $(SIZE_TARGET_DIR)/view-bindgen/khuyencong_charts.js
	cp src/js/*.js src/js/*.d.ts src/js/package.json src/pages/* README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE pkg/
	@# The iframe way travels with the package: www/embed.html and its script and style, next to
	@# embed.js (the site's copy loads them from assets/ and ../pkg/).
	sed -e 's#assets/embed-frame\.#embed-frame.#g' -e 's#href="pkg/#href="#g' www/embed.html > pkg/embed.html
	sed -e 's#"\.\./pkg/embed\.js"#"./embed.js"#' www/assets/embed-frame.js > pkg/embed-frame.js
	cp www/assets/embed-frame.css pkg/embed-frame.css
	grep -q 'src="embed-frame.js"' pkg/embed.html && grep -q 'import("./embed.js")' pkg/embed-frame.js
	grep -q '<link rel="modulepreload" href="embed.js">' pkg/embed.html
	@# What a newsroom pastes loads one file: embed.js bundled with the shell and the glue,
	@# minified (the npm entry points stay readable ESM for the developer's own bundler), from a
	@# copy of src/js/ whose glue and default wasm are the reader's build's; embed-export.js
	@# (the full build, for SVG and CSV) stays a file of its own, imported on demand.
	mkdir -p $(SIZE_TARGET_DIR)/embed-src
	cp src/js/*.js $(SIZE_TARGET_DIR)/embed-src/
	cp $(SIZE_TARGET_DIR)/view-bindgen/khuyencong_charts.js $(SIZE_TARGET_DIR)/embed-src/khuyencong_charts.js
	sed -i -e 's#khuyencong_charts_bg\.wasm#khuyencong_charts_view_bg.wasm#g' $(SIZE_TARGET_DIR)/embed-src/core.js $(SIZE_TARGET_DIR)/embed-src/khuyencong_charts.js
	grep -q '"./khuyencong_charts_view_bg.wasm"' $(SIZE_TARGET_DIR)/embed-src/core.js
	@# embed.js, the site loader, is small and alone; embed-draw.js, which it imports when a chart
	@# nears the viewport, holds the shell and the glue.
	$(ESBUILD) $(SIZE_TARGET_DIR)/embed-src/embed.js --bundle --format=esm --minify --target=es2022 --legal-comments=none \
	  --external:./embed-draw.js --log-level=warning --outfile=pkg/embed.js
	$(ESBUILD) $(SIZE_TARGET_DIR)/embed-src/embed-draw.js --bundle --format=esm --minify --target=es2022 --legal-comments=none \
	  --external:./embed-export.js --log-level=warning --outfile=pkg/embed-draw.js
	@# The bundle loads the reader's build and has no SVG export of its own.
	grep -q '"./khuyencong_charts_view_bg.wasm"' pkg/embed-draw.js && ! grep -q 'khuyencong_charts_bg\.wasm' pkg/embed-draw.js
	grep -q 'import("./embed-export.js")' pkg/embed-draw.js && ! grep -q 'toSVG()' $(SIZE_TARGET_DIR)/view-bindgen/khuyencong_charts.js
	grep -q 'import("./embed-draw.js")' pkg/embed.js && ! grep -q 'khuyencong_charts\.js' pkg/embed.js
	@# ... nor the error sentences (the "messages" feature), which the full build says instead.
	grep -q 'xuất hiện hai lần trong cùng' pkg/khuyencong_charts_bg.wasm && ! grep -q 'xuất hiện hai lần trong cùng' pkg/khuyencong_charts_view_bg.wasm
	@ls -l pkg/*.wasm | awk '{print $$9 ": " $$5 " bytes"}'; gzip -9c pkg/khuyencong_charts_view_bg.wasm | wc -c | awk '{print "reader wasm gzip: " $$1 " bytes"}'

# The demo site uses the package exactly as an editor would: a copied folder.
www-pkg: package
	rm -rf www/pkg && cp -r pkg www/pkg

demo: deps www-pkg
	@echo "Demo: http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	node scripts/serve.mjs www $(PORT)

## ---- checks -----------------------------------------------------------------------------

test: deps fmt lint test-native test-wasm test-e2e test-npm test-size
	@echo "make test: all checks passed"

fmt: deps-rust
	cargo fmt --all -- --check

lint: deps-rust
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target $(WASM_TARGET) -- -D warnings
	@# The reader's build (embed.js's wasm) leaves the "export" and "messages" features out.
	cargo clippy --lib --target $(WASM_TARGET) --no-default-features -- -D warnings

test-native: deps-rust
	cargo test

# wasm-bindgen-test in headless Chromium through chromedriver (webdriver.json passes
# --no-sandbox and friends, needed as root and on a closed network).
test-wasm: deps-rust deps-browser
	wasm-pack test --headless --chrome -- --test web

test-e2e: deps www-pkg
	node --test --test-reporter=spec tests/e2e/

# The npm package as a developer gets it (scripts/test-npm.mjs): npm pack, installed into a fresh
# Vite app (tests/npm/vite-app); tests/npm/node.test.mjs in plain Node; tsc --strict over
# tests/types/usage.ts (against pkg/ and the installed package); vite build served on 127.0.0.1
# and Vite's dev server, in Chromium. vite 7.3.8 comes from the npm registry into the temporary
# app; without a registry the repository's node_modules/vite is linked instead.
test-npm: deps package
	node scripts/test-npm.mjs

# What a reader downloads (scripts/check-size.mjs), gzip -9, against fixed ceilings: sizes are
# deterministic, so any growth fails here. A chart the reader never nears costs the loader alone,
# embed.js: issue #17's budget is 0.05 x Chart.js 4's chart.umd.min.js (71,106 B gzipped), 3,555 B.
# An interactive chart adds embed-draw.js and the reader's wasm: today's size plus a few hundred
# bytes (see BENCHMARKS.md).
SIZE_MAX_LOADER ?= 3555
SIZE_MAX_CHART ?= 110400
test-size: deps package
	node scripts/check-size.mjs --max-loader $(SIZE_MAX_LOADER) --max-chart $(SIZE_MAX_CHART)

## ---- benchmarks (not part of make test) ---------------------------------------------------

# make bench [RUNS=15]: ours against Chart.js 4 and decimal.js in headless Chromium, unthrottled,
# at 4x CPU throttling and on an emulated slow 4G; writes BENCHMARKS.md. About 20 minutes on 2
# cores; run it on a quiet machine (it records the load average).
bench: deps www-pkg
	node scripts/bench.mjs

clean:
	cargo clean
	rm -rf pkg www/pkg node_modules target/screenshots

## ---- fuzzing (not part of make test) ------------------------------------------------------

# make fuzz FUZZ_SECONDS=1800: libFuzzer over JSON reading, validation, analysis and every
# chart kind drawn to SVG, seeded with www/data and the fixture cases. Crashes land in
# fuzz/artifacts/analyze/; each becomes a case in tests/cases/.
FUZZ_SECONDS ?= 300
fuzz: deps-rust
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	mkdir -p fuzz/corpus/analyze && cp www/data/*.json fuzz/corpus/analyze/
	python3 scripts/fuzz-seeds.py tests/cases fuzz/corpus/analyze
	cd fuzz && cargo +nightly fuzz run analyze corpus/analyze -- \
	  -max_total_time=$(FUZZ_SECONDS) -max_len=20000 -print_final_stats=1
