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
# paths are used (the gain is in BENCHMARKS.md). Tests and clippy run on stable; the e2e tests
# exercise this exact build, and test-stable checks that the stable toolchain alone still builds
# a package that gives the same results (README, Design: "Nightly, and how to bump it").
NIGHTLY := nightly-2026-05-20
SIZE_TARGET_DIR := target/size
NIGHTLY_BUILD := RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" cargo +$(NIGHTLY) build \
  --target $(WASM_TARGET) --lib --target-dir $(SIZE_TARGET_DIR) \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
STABLE_DIR := target/stable
STABLE_BUILD := cargo build --target $(WASM_TARGET) --lib --target-dir $(STABLE_DIR)
ESBUILD_FLAGS := --bundle --format=esm --minify --target=es2022 --legal-comments=none --log-level=warning
PORT ?= 8080

.PHONY: all deps deps-rust deps-browser deps-node package package-stable www-pkg demo test fmt lint \
	fuzz test-kinds test-native test-wasm test-e2e test-npm test-size test-tooling test-stable bench clean

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

# The npm package's build, into $(1) (the package folder) with $(2) for what is built on the way,
# compiling with the command in the variable named $(3). Three wasm files: the release build;
# the fast build (Cargo.toml's [profile.fast]: this crate at opt-level 2, for bulk analysis); the
# reader's build, which embed.js loads: the release build without the "export" and "messages"
# features (no SVG, CSV or analyze, no error sentences), which Cargo writes where the release
# build goes (copied aside at once). Then wasm-bindgen's glue, wasm-opt -Oz, short import names,
# the hand-written entry points and types, and embed.js's bundles.
define build_package
$($(3)) --release --no-default-features
cp $(2)/$(WASM_TARGET)/release/khuyencong_charts.wasm $(2)/view.wasm
$($(3)) --release
$($(3)) --profile fast
rm -rf $(1) $(2)/fast-bindgen $(2)/view-bindgen $(2)/embed-src && mkdir -p $(1)
wasm-bindgen --target web --out-dir $(1) --out-name khuyencong_charts --no-typescript $(2)/$(WASM_TARGET)/release/khuyencong_charts.wasm
wasm-bindgen --target web --out-dir $(2)/fast-bindgen --out-name khuyencong_charts --no-typescript $(2)/$(WASM_TARGET)/fast/khuyencong_charts.wasm
wasm-bindgen --target web --out-dir $(2)/view-bindgen --out-name khuyencong_charts --no-typescript $(2)/view.wasm
@# Both builds are the same code, so one glue serves both; stop if it ever differs.
cmp $(1)/khuyencong_charts.js $(2)/fast-bindgen/khuyencong_charts.js
$(WASM_OPT) $(WASM_OPT_FLAGS) $(1)/khuyencong_charts_bg.wasm -o $(1)/khuyencong_charts_bg.wasm
$(WASM_OPT) $(WASM_OPT_FLAGS) $(2)/fast-bindgen/khuyencong_charts_bg.wasm -o $(1)/khuyencong_charts_fast_bg.wasm
$(WASM_OPT) $(WASM_OPT_FLAGS) $(2)/view-bindgen/khuyencong_charts_bg.wasm -o $(1)/khuyencong_charts_view_bg.wasm
@# wasm-bindgen's import names carry 16-hex-digit hashes that do not compress (~1 KB gzip).
node scripts/short-imports.mjs $(1)/khuyencong_charts_bg.wasm $(1)/khuyencong_charts.js $(1)/khuyencong_charts_fast_bg.wasm
node scripts/short-imports.mjs $(1)/khuyencong_charts_view_bg.wasm $(2)/view-bindgen/khuyencong_charts.js
@# Long strings (analyze()'s JSON text) into the module in 64 K-character pieces: faster for
@# the npm entry points' bulk analysis. The reader's glue passes a chart's data, a few KB: it
@# keeps wasm-bindgen's code, which is smaller.
node scripts/fast-strings.mjs $(1)/khuyencong_charts.js
cp src/js/*.js src/js/*.d.ts src/js/package.json src/pages/* README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE $(1)/
@# The iframe way travels with the package: www/embed.html and its script and style, next to
@# embed.js (the site's copy loads them from assets/ and ../pkg/).
sed -e 's#assets/embed-frame\.#embed-frame.#g' -e 's#href="pkg/#href="#g' www/embed.html > $(1)/embed.html
sed -e 's#"\.\./pkg/embed\.js"#"./embed.js"#' www/assets/embed-frame.js > $(1)/embed-frame.js
cp www/assets/embed-frame.css $(1)/embed-frame.css
grep -q 'src="embed-frame.js"' $(1)/embed.html && grep -q 'import("./embed.js")' $(1)/embed-frame.js
grep -q '<link rel="modulepreload" href="embed.js">' $(1)/embed.html
@# What a newsroom pastes loads one file: embed.js bundled with the shell and the glue,
@# minified (the npm entry points stay readable ESM for the developer's own bundler), from a
@# copy of src/js/ whose glue and default wasm are the reader's build's; embed-export.js
@# (the full build, for SVG and CSV) stays a file of its own, imported on demand.
mkdir -p $(2)/embed-src
cp src/js/*.js $(2)/embed-src/
cp $(2)/view-bindgen/khuyencong_charts.js $(2)/embed-src/khuyencong_charts.js
sed -i -e 's#khuyencong_charts_bg\.wasm#khuyencong_charts_view_bg.wasm#g' $(2)/embed-src/core.js $(2)/embed-src/khuyencong_charts.js
grep -q '"./khuyencong_charts_view_bg.wasm"' $(2)/embed-src/core.js
@# embed.js, the site loader, is small and alone; embed-draw.js, which it imports when a chart
@# nears the viewport, holds the shell and the glue.
$(ESBUILD) $(2)/embed-src/embed.js $(ESBUILD_FLAGS) --external:./embed-draw.js --outfile=$(1)/embed.js
$(ESBUILD) $(2)/embed-src/embed-draw.js $(ESBUILD_FLAGS) --external:./embed-export.js --outfile=$(1)/embed-draw.js
@# The bundle loads the reader's build and has no SVG export of its own.
grep -q '"./khuyencong_charts_view_bg.wasm"' $(1)/embed-draw.js && ! grep -q 'khuyencong_charts_bg\.wasm' $(1)/embed-draw.js
grep -q 'import("./embed-export.js")' $(1)/embed-draw.js && ! grep -q 'toSVG()' $(2)/view-bindgen/khuyencong_charts.js
grep -q 'import("./embed-draw.js")' $(1)/embed.js && ! grep -q 'khuyencong_charts\.js' $(1)/embed.js
@# ... nor the error sentences (the "messages" feature), which the full build says instead.
grep -q 'xuất hiện hai lần trong cùng' $(1)/khuyencong_charts_bg.wasm && ! grep -q 'xuất hiện hai lần trong cùng' $(1)/khuyencong_charts_view_bg.wasm
@ls -l $(1)/*.wasm | awk '{print $$9 ": " $$5 " bytes"}'; gzip -9c $(1)/khuyencong_charts_view_bg.wasm | wc -c | awk '{print "reader wasm gzip: " $$1 " bytes"}'
endef

# The publishable npm package, built with the pinned nightly (NIGHTLY_BUILD). The lists of chart
# kinds outside Rust are written first from the table in src/chart/mod.rs (scripts/kinds.mjs).
package: deps-rust deps-node
	node scripts/kinds.mjs
	$(call build_package,pkg,$(SIZE_TARGET_DIR),NIGHTLY_BUILD)

# The same package built with the stable toolchain alone (no build-std, no nightly flags), into
# $(STABLE_DIR)/pkg: larger wasm files, the same behaviour (test-stable checks it). Nightly is
# a size optimisation, not a requirement.
package-stable: deps-rust deps-node
	$(call build_package,$(STABLE_DIR)/pkg,$(STABLE_DIR),STABLE_BUILD)

# The demo site uses the package exactly as an editor would: a copied folder.
www-pkg: package
	rm -rf www/pkg && cp -r pkg www/pkg

demo: deps www-pkg
	@echo "Demo: http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	node scripts/serve.mjs www $(PORT)

## ---- checks -----------------------------------------------------------------------------

test: deps fmt lint test-kinds test-native test-wasm test-e2e test-npm test-size test-tooling test-stable
	@echo "make test: all checks passed"

fmt: deps-rust
	cargo fmt --all -- --check

lint: deps-rust
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target $(WASM_TARGET) -- -D warnings
	@# The reader's build (embed.js's wasm) leaves the "export" and "messages" features out.
	cargo clippy --lib --target $(WASM_TARGET) --no-default-features -- -D warnings

# Every list of chart kinds outside Rust agrees with the table in src/chart/mod.rs: the written
# ones are current, the worded ones (editor texts, README, gallery) name every kind. Before
# package, which rewrites the written ones.
test-kinds:
	node scripts/kinds.mjs --check

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

# The build's own scripts (tests/tooling/): kinds.mjs, and the two rewriters of wasm-bindgen's
# output (short-imports.mjs, fast-strings.mjs) against the glue this wasm-bindgen writes, which
# they must fail on, loudly and naming the version, as soon as it changes.
test-tooling: deps package
	BUILD_DIR=$(SIZE_TARGET_DIR) node --test --test-reporter=spec tests/tooling/

# The package built by the stable toolchain (package-stable) gives what the published one gives:
# every wasm file instantiates in Node with its glue, and analyze() answers every case of
# tests/cases/ and every file of www/data/ alike, as the main and the fast entry points.
# Costs three stable builds (~2 minutes of CPU from nothing, 4.5 minutes' wall time on a busy
# 2-core machine; about 1 minute when only this crate changed, as STABLE_DIR keeps the
# dependencies) and ~15 s of comparisons.
test-stable: deps package package-stable
	STABLE_PKG=$(STABLE_DIR)/pkg node --test --test-reporter=spec tests/tooling/stable.test.mjs

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
