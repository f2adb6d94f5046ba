# The two commands a newcomer needs: `make demo` and `make test`. Both install what is
# missing first (scripts/install-tools.sh). Evaluation reads ../shared/data (DATA=...).
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)
DATA ?= ../shared/data
PORT ?= 8080
EVAL := cargo run --release --quiet --features tools --bin evaluate --
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: demo test install-tools wasm test-native test-browser test-page \
        eval eval-ner eval-dates eval-quotes eval-pages eval-seed model bench fuzz clean

## demo: build the wasm package and serve www/ at http://127.0.0.1:$(PORT)/
demo: install-tools wasm
	node scripts/serve.mjs www $(PORT)

## test: every test layer (native, browser, page)
test: install-tools test-native test-browser test-page

install-tools:
	@bash scripts/install-tools.sh

wasm:
	wasm-pack build --release --target web --out-dir www/pkg

test-native:
	cargo test --release

# Dev profile: skips the release profile's LTO link; the tests run in about a second anyway.
test-browser:
	wasm-pack test --headless --chrome -- --test browser

test-page: install-tools wasm
	cargo build --release --bin annotate
	node --test tests/page/

## eval: every score against ../shared/data
eval: eval-ner eval-dates eval-quotes eval-pages eval-seed

eval-ner:
	$(EVAL) conll $(DATA)/conll2003/eng.testa

## model: retrain the entity model from ../shared/data/conll2003 (deterministic, two passes with 5-fold first-pass labels, 5 bagged final models; about two minutes)
model:
	cargo run --release --quiet --features tools --bin train-ner -- \
		$(DATA)/conll2003/eng.train $(DATA)/conll2003/eng.testa model/ner.bin --epochs 10 --names model/names.tsv --bags 5 --prune 0.02
	@echo "model/ner.bin: $$(wc -c < model/ner.bin) bytes, $$(gzip -9 -c model/ner.bin | wc -c) gzipped"

eval-dates:
	$(EVAL) timeml $(DATA)/tempeval3/TBAQ-cleaned
	$(EVAL) duckling $(DATA)/duckling/duckling_en_time_corpus.jsonl
	$(EVAL) timex eval/dates/polnear-blind.gold.jsonl $(DATA)/polnear/train/text
	$(EVAL) timex eval/dates/polnear-blind2.gold.jsonl $(DATA)/polnear/train/text
	$(EVAL) timex eval/dates/polnear-blind3.gold.jsonl $(DATA)/polnear/train/text

eval-quotes:
	$(EVAL) polnear $(DATA)/polnear/dev

eval-pages:
	$(EVAL) pages $(DATA)/article-pages

eval-seed:
	$(EVAL) seed tests/data/seed-article.txt tests/data/seed-article.gold.json

## fuzz: run each fuzz target for FUZZ_SECONDS (default 60); not part of `make test`.
## Crashes land in fuzz/artifacts/; keep them in tests/data/regressions/ (cargo test replays them).
FUZZ_SECONDS ?= 60
fuzz:
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

## bench: benchmarks that check the answers they time (BENCHMARKS.md): native per stage,
## the wasm build in Node against wink-nlp / chrono-node / compromise, and the browser figures.
## A wrong answer fails the run; BENCH_FLAGS="--strict --targets" also fails on a missed target.
BENCH_FLAGS ?= --strict
bench: install-tools wasm
	cargo run --release --quiet --features tools --bin bench -- $(filter --strict,$(BENCH_FLAGS))
	@if command -v valgrind >/dev/null; then node bench/callgrind.mjs --baseline bench/callgrind-baseline.json $(filter --targets,$(BENCH_FLAGS)); else echo "(no valgrind: instruction counts skipped)"; fi
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	node bench/node.mjs $(BENCH_FLAGS)
	node bench/browser.mjs $(BENCH_FLAGS)

clean:
	cargo clean
	rm -rf www/pkg node_modules
