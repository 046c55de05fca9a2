# Two commands for a newcomer: `make serve` and `make test`.
# Each creates the virtual environment and installs the pinned packages
# itself (Python 3.11+ needed). `make build` writes the site into site/.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Silence Material's end-of-life banner; it is not a build warning.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test links bench bench-content profile clean

## serve: the site with live reload on http://127.0.0.1:8000
serve: $(VENV)/.site
	$(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:8000

## build: a strict build into site.new/; site/ is replaced only when the
## build succeeded, so a mistake never leaves a half-written or empty site
build: $(VENV)/.site
	rm -rf site.new
	$(BIN)/python -m mkdocs build --strict --site-dir site.new || { rm -rf site.new; exit 1; }
	rm -rf site && mv site.new site

## test: the whole test suite (build, content, hooks, browser)
test: $(VENV)/.dev $(VENV)/.browser
	$(BIN)/python -m pytest

## links: rewrite tests/deep-links.txt, the published pages and anchors
## (after adding pages or headings; it refuses if a listed one is gone)
links: $(VENV)/.site
	$(BIN)/python scripts/deep_links.py

## bench: measurements, not tests (Lighthouse, page weight, build times,
## search); the report goes to benchmarks/latest.md, its summary to the README.
## make bench COMPARE=<commit> also measures that commit, in the same run.
bench: $(VENV)/.dev $(VENV)/.browser benchmarks/lighthouse/node_modules/.bin/lighthouse
	$(BIN)/python scripts/bench.py $(if $(COMPARE),--compare $(COMPARE))

## bench-content: the content figures alone (words, reading time, context
## facts told in full, lead-ins), into benchmarks/content.md and the README
bench-content: $(VENV)/.dev
	$(BIN)/python scripts/bench.py --content

## profile: where the JavaScript time of a page goes, by source file of
## Material's bundle (Chromium, CPU slowed 4x), into benchmarks/script-time.md
profile: $(VENV)/.dev $(VENV)/.browser
	$(BIN)/python scripts/script_time.py

# Lighthouse, pinned in benchmarks/lighthouse/package-lock.json (npm, Node 18+)
benchmarks/lighthouse/node_modules/.bin/lighthouse: benchmarks/lighthouse/package-lock.json
	npm ci --prefix benchmarks/lighthouse --no-audit --no-fund --ignore-scripts
	touch $@

clean:
	rm -rf site site.new $(VENV) .pytest_cache

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.site: requirements.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.site

# Playwright's own Chromium where it can be downloaded; otherwise the tests
# use the system one (Debian: apt-get install chromium). Tried once.
$(VENV)/.browser: $(VENV)/.dev
	$(BIN)/python -m playwright install chromium >/dev/null 2>&1 \
	  || echo "Playwright could not download Chromium; the tests will use the system chromium."
	touch $@
