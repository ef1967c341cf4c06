# Each target bootstraps .venv itself, so a fresh clone needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app blog
HOST ?= 127.0.0.1
PORT ?= 5000

HTML_CHECKER := scripts/html-checker/node_modules/.installed
LIGHTHOUSE := scripts/lighthouse/node_modules/.installed

.PHONY: run test bench lint format lighthouse screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: setup.cfg pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: setup.cfg pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(FLASK) db upgrade
	$(FLASK) demo
	@echo "Serving the blog on http://$(HOST):$(PORT)/ (builder: http://$(HOST):$(PORT)/builder/)"
	$(FLASK) run --host $(HOST) --port $(PORT)

# The Nu HTML checker for the reader-page checks (npm package vnu-jar; it runs on Java).
# Without npm the tests that need it say so and skip, unless BLOG_REQUIRE_BROWSER=1.
$(HTML_CHECKER): scripts/html-checker/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  cd scripts/html-checker && npm ci --no-audit --no-fund --silent && touch node_modules/.installed; \
	else echo "npm is not installed: the HTML checker tests will be skipped"; fi

$(LIGHTHOUSE): scripts/lighthouse/package-lock.json
	cd scripts/lighthouse && npm ci --no-audit --no-fund --silent
	touch $@

# One pytest worker per core (pytest-xdist); PYTEST_ARGS="-n0 -k NAME" runs one test in-process.
test: $(VENV)/.installed-test $(HTML_CHECKER)
	$(BIN)/python -m pytest -n auto --dist worksteal $(PYTEST_ARGS)

bench: $(VENV)/.installed-test
	$(BIN)/python -m bench

# Lighthouse's four scores for the demo front page and article, behind the nginx example when
# nginx is installed. Not part of `make test`: it takes minutes, and its performance score
# moves with how busy the machine is.
lighthouse: $(VENV)/.installed-test $(LIGHTHOUSE)
	$(BIN)/python -m bench.lighthouse

# docs/screenshots/: the demo front page, an article and the editor at 1280 and 390 px.
screenshots: $(VENV)/.installed-test
	$(BIN)/python -m bench.screenshots

lint: $(VENV)/.installed-test
	$(BIN)/ruff format --check blog tests bench
	$(BIN)/ruff check blog tests bench
	$(BIN)/lint-imports

format: $(VENV)/.installed-test
	$(BIN)/ruff format blog tests bench
	$(BIN)/ruff check --fix blog tests bench
