# The stage interface: install → build (ingest + dbt) → app; test; bench.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
WAREHOUSE ?= data/warehouse.duckdb
PORT ?= 8501

.PHONY: help install build run app test test-fast eval bench browser docs clean

## help: this list of targets
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed -e 's/^## /  make /' -e 's/: /\t/'

$(INSTALLED): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(INSTALLED)

## install: .venv with the project and its pinned dependencies (constraints.txt)
install: $(INSTALLED)

## build: the warehouse from seeds/ (DOCUMENTS="--documents DIR ..." to build other folders)
build: install
	$(BIN)/xianzhi build $(DOCUMENTS) --warehouse $(WAREHOUSE)

## run: build, then serve the app on localhost:$(PORT)
run: build
	$(BIN)/xianzhi app --warehouse $(WAREHOUSE) --port $(PORT)

## app: serve the app over $(WAREHOUSE) without building
app: install
	$(BIN)/xianzhi app --warehouse $(WAREHOUSE) --port $(PORT)

## browser: headless Chromium and CJK fonts for the end-to-end test, where missing
browser:
	@command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "noto sans cjk" || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

## test: the whole suite (unit, dbt, integration on ../shared/corpus, app, browser)
test: install browser
	$(BIN)/pytest

## test-fast: unit, dbt and app tests without ../shared, the corpus build or the browser
test-fast: install
	$(BIN)/pytest -m "not integration and not e2e"

## eval: score the extractor against ../shared/gold and tests/fixtures/silver
eval: install
	$(BIN)/xianzhi eval --gold ../shared/gold
	$(BIN)/xianzhi eval --gold tests/fixtures/silver

## bench: synthetic corpora of 1,000, 10,000 and 32,000 reports end to end → BENCHMARKS.md (SIZES=1000,10000,32000)
SIZES ?= 1000,10000,32000
bench: install
	$(BIN)/xianzhi bench --sizes $(SIZES)

## clean: remove data/ (warehouses, landing, caches, bench corpora)
clean:
	rm -rf data/ .pytest_cache

## docs: dbt's documentation site files for the warehouse (target/ under data/warehouse.landing/.dbt)
docs: install
	$(BIN)/python -c "import sys; from pathlib import Path; from ingest import paths; from ingest.run.dbt import run_dbt; \
	  w = Path('$(WAREHOUSE)'); sys.exit(0 if run_dbt(['docs', 'generate'], w, paths.landing_dir(w), paths.dbt_work_dir(w)).success else 1)"
