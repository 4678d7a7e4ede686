# compile-book: every target sets itself up (a virtualenv in .venv) on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup book epub pdf test check lint typecheck bench ace clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q src  # an editable install has no bytecode; start-up needs it
	touch $(STAMP)

setup: $(STAMP)

## Compile the sample book to EPUB and PDF in build/
book: $(STAMP)
	$(BIN)/compile-book build . --format all

epub: $(STAMP)
	$(BIN)/compile-book build . --format epub

pdf: $(STAMP)
	$(BIN)/compile-book build . --format pdf

## Run the test suite (EPUBCheck and PDF read-back included)
test: $(STAMP)
	$(BIN)/python -m pytest -n auto -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

## Lint and type-check the code, run the tests, then lint the sample manuscripts
check: lint typecheck test
	$(BIN)/compile-book check . --strict

## Accessibility: install Ace by DAISY (Debian chromium + npm) and run it on the sample and seeds
ace: $(STAMP)
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	mkdir -p .ace && ([ -f .ace/package.json ] || echo '{"name": "compile-book-ace", "private": true}' > .ace/package.json)
	cd .ace && ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm install --silent @daisy/ace@1.4.6
	$(BIN)/python -m pytest -q tests/test_accessibility.py

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf build bench/out .pytest_cache .mypy_cache .ruff_cache .ace
