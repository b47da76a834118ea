# Tillitskursen — the commands in README.md. Each target sets up what it needs.
#   make book       build the course site into _build/html (the main job), with the
#                   printable PDFs (pdf/) and the question bank for learning platforms (fragebank/)
#   make serve      build, then serve the site on http://127.0.0.1:8000
#   make test       every test: unit, site, browser, notebooks, kernel
#   make setup      a contributor's first step: .venv, the commit hooks, the npm tools
#   make check      the fast check before a commit (lint, data, unit tests; NB=book/x.ipynb
#                   adds that chapter's freshness and nbval)
#   make lint       ruff (Python) and ESLint (the widgets' JavaScript)
#   make notebooks  re-execute the chapters and refresh their committed outputs
#   make lab        open the course in JupyterLab with working widgets
#   make bench      print the benchmark figures

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SITE := _build/html
PORT ?= 8000
JOBS ?= 2
# the npm tools (pinned in package.json, installed with npm ci): PurgeCSS for the site's
# stylesheet, axe-core for the accessibility tests, Lighthouse, ESLint
AXE := node_modules/axe-core/axe.min.js
# Python keeps what it compiles (and pytest its rewritten tests) in __pycache__/, ignored by
# git, even where the environment says not to (PYTHONDONTWRITEBYTECODE): each test process
# otherwise compiles the course's modules and rewrites every test file again, seconds per run.
export PYTHONDONTWRITEBYTECODE :=

.PHONY: book serve test notebooks lab bench clean chromium venv questions setup check lint

venv: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)

book: $(STAMP) chromium $(AXE)
	$(BIN)/jupyter-book build . -W --keep-going
	@# Sphinx 7.4 never overwrites a static file it copied before, and copies none when no page
	@# is out of date (so deleting _static first breaks a rebuild with no changes): copy the
	@# site's own assets over so an edited CSS or JS file always reaches the site.
	cp book/_assets/* $(SITE)/_static/
	$(BIN)/python -m widgets.build.lms_export --out $(SITE)/fragebank
	$(BIN)/python -m widgets.build.pdf $(SITE)
	$(BIN)/python -m widgets.build.slides $(SITE)
	$(BIN)/python -m widgets.build.scorm $(SITE)
	@echo ""
	@echo "Kursens webbplats finns i $(SITE)/ (startsida: $(SITE)/index.html)."
	@echo "Utskrift: $(SITE)/pdf/tillitskursen.pdf. Frågebank för lärplattformar: $(SITE)/fragebank/."
	@echo "Bildspel till workshopen: $(SITE)/bildspel/."
	@echo "SCORM-paket för lärplattformar: $(SITE)/scorm/."
	@echo "Visa den med 'make serve' och öppna http://127.0.0.1:$(PORT)/ i webbläsaren."

serve: book
	$(BIN)/python -m widgets.build.serve $(SITE) --port $(PORT)

$(AXE): package.json package-lock.json
	@command -v npm >/dev/null || { echo "FEL: npm saknas. Installera Node.js (till exempel 'apt-get install -y nodejs npm') och kör igen." >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $(AXE)

setup: $(STAMP) $(AXE)
	@$(BIN)/pre-commit install
	@echo "Klart: .venv, npm-verktygen och kontrollerna före varje commit är installerade."
	@echo "Kör 'make check' före en commit och 'make test' före en pull request."

lint: $(STAMP) $(AXE)
	$(BIN)/ruff check widgets tests tools
	npx --no-install eslint widgets/views/static widgets/site book/_assets tests/js

check: lint
	$(BIN)/python -m widgets.build.check_data
	$(BIN)/python -m pytest -m unit -n $(JOBS) -q tests/unit
ifdef NB
	@# nbval runs the chapter once and checks its text outputs and, after the last cell, that every
	@# committed output (widget state, images) is current (tests/notebooks/nbval_freshness.py)
	$(BIN)/python -m pytest -m notebooks -q -p no:cacheprovider --nbval --nbval-current-env $(NB)
endif

chromium: $(STAMP)
	@tools/ensure-chromium.sh $(BIN)/python

test: $(STAMP) chromium $(AXE) lint book
	$(BIN)/python -m pytest -n $(JOBS) --durations=25

notebooks: $(STAMP)
	$(BIN)/python -m widgets.build.notebooks --jobs $(JOBS) $(NB)

questions: $(STAMP)
	$(BIN)/python -m widgets.build.lms_export --out $(SITE)/fragebank

lab: $(STAMP)
	$(BIN)/jupyter lab book/ $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

bench: $(STAMP) chromium book
	$(BIN)/python tools/benchmark.py

clean:
	rm -rf _build
