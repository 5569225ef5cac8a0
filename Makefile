# Two set-up commands for a fresh machine (see README):
#   make demo   – serve the bundled demo site on 127.0.0.1, scan it, write the report files
#   make test   – lint, type-check and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Debian packages the tests use: Thai fonts for PDF fixtures, tesseract for OCR, chromium for
# the HTML report, redis for the scale-out tests. Installed only when missing and when root.
system-deps:
	@bash scripts/install-system-deps.sh

demo: $(STAMP)
	$(BIN)/oit-checker demo --output demo-report

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/mypy tests

test: system-deps $(STAMP) lint
	$(BIN)/python -m pytest -q -p no:cacheprovider

clean:
	rm -rf $(VENV) demo-report .pytest_cache .mypy_cache .ruff_cache
