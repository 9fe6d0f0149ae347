# rembuk: the two commands of the README's Quick start, and a few more.
# Every target builds .venv itself, so a fresh clone needs only Python 3.11+ and make.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: demo run test lint bench soak clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## demo: open the demo workshop (Kabupaten Serang, Bimtek II)
demo: $(STAMP)
	$(BIN)/rembuk demo

## run: open your own workshop (the default one in your data directory)
run: $(STAMP)
	$(BIN)/rembuk

## lint: ruff, mypy (strict on core and data; tui and screens checked, and failing too), import contracts
lint: $(TSTAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy core data
	$(BIN)/mypy tui screens
	$(BIN)/lint-imports

## test: lint, then the whole suite, end-to-end tests in tmux included
test: lint
	$(BIN)/python -m pytest -q

## bench: benchmarks; writes BENCHMARKS.md (BENCH_ARGS="--only overview --runs 1": a few, quickly)
bench: $(TSTAMP)
	$(BIN)/python -m tests.bench.run $(BENCH_ARGS)

## soak: the long reliability runs
soak: $(TSTAMP)
	$(BIN)/python -m pytest -q -m soak -p no:cacheprovider -o addopts=""

clean:
	rm -rf $(VENV) build dist
