# Pelican's usual targets, plus set-up, tests and benchmarks.
# `make devserver` and `make test` each do all set-up on a fresh machine.

VENV      := .venv
PY        := $(VENV)/bin/python
PELICAN   := $(VENV)/bin/pelican
INPUTDIR  := content
OUTPUTDIR ?= output
HOST      ?= 127.0.0.1
PORT      ?= 8000
# Any warning or error fails the build once all are listed (plugins/build_report):
# a broken link or a bad metadata field is an author's mistake to fix, not to deploy.
PELICANOPTS ?=

.DEFAULT_GOAL := help

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: $(VENV)/.installed node_modules/.installed  ## Install Python and npm dependencies (run by every target that needs them)

# The assessments plugin is installed as any site would install it (editable
# here, so a change to it needs no reinstall); the site's own plugins after it.
$(VENV)/.installed: requirements.txt pyproject.toml plugins/pelican-assessments/pyproject.toml
	@python=$$(bash scripts/find-python.sh) && \
	  { [ -x $(PY) ] || "$$python" -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation \
	  -e plugins/pelican-assessments -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

html: setup  ## Build the site into output/ (local preview settings)
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s pelicanconf.py $(PELICANOPTS)

devserver: setup  ## Build, serve at http://$(HOST):$(PORT) and rebuild on every change
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s pelicanconf.py -lr -b $(HOST) -p $(PORT)

serve: html  ## Build once and serve at http://$(HOST):$(PORT)
	$(PELICAN) -l $(OUTPUTDIR) -s pelicanconf.py -b $(HOST) -p $(PORT)

publish: setup  ## Build for production (SITEURL from the environment) into output/
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s publishconf.py $(PELICANOPTS)

test: setup  ## Run the whole test suite (installs Chromium, Firefox ESR and WebKitGTK if needed)
	bash scripts/ensure-browsers.sh
	CHROMIUM="$$(bash scripts/ensure-chromium.sh)" $(PY) -m pytest $(PYTEST_ARGS)

bench: setup  ## Benchmarks: build and browser speed; tables in bench/results/latest.md (about 12 min)
	CHROMIUM="$$(bash scripts/ensure-chromium.sh)" $(PY) -m bench $(BENCH_ARGS)

lint: setup  ## Check lint and formatting with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup  ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

lock: setup  ## Re-pin requirements.txt from requirements.in
	$(VENV)/bin/pip-compile --quiet --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links --output-file requirements.txt requirements.in

clean:  ## Remove the built site and caches (keeps the environments)
	rm -rf $(OUTPUTDIR) .cache .pytest_cache .ruff_cache .mypy_cache .hypothesis

.PHONY: help setup html devserver serve publish test bench lint format lock clean
