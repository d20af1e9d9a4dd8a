# Two commands for a fresh machine with Python 3.11+ (see README.md):
#   make book   set up .venv and build the book into _build/html
#   make test   set up .venv (and Debian's chromium when root) and run every test
# The fast tier for developers (under 2 minutes on 2 cores; CI runs it before `make test`):
#   make check  set up .venv, run ruff, then every test not marked build, browser or slow
# Also: make lab (JupyterLab on the chapters), make book-strict (the test build: -W --keep-going).
#       make experiments (train the recorded studies of the gate chapters and the long-lag chapter and write
#       lstm/records/; about 45 minutes on 2 cores).
#       make student (the student edition: no solutions; _build/student/html and notebooks/{en,ja}/).
#       make classroom (nbgrader assignments from the exercises: _build/classroom/en/; EDITION=ja for Japanese).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# TensorFlow reads these at import: keep its start-up lines out of terminals and pages.
export TF_CPP_MIN_LOG_LEVEL := 3
export TF_ENABLE_ONEDNN_OPTS := 0

# `jupyter lab` opens the chapters (MyST Markdown, book/*/*.md) as notebooks: jupytext's
# notebook view is the default viewer of Markdown files for the JupyterLab of this venv.
LAB_VIEWERS := $(VENV)/etc/jupyter/labconfig/default_setting_overrides.json

.PHONY: setup book book-strict student classroom lab check test experiments chromium clean

setup: $(STAMP) $(LAB_VIEWERS)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(LAB_VIEWERS): $(STAMP)
	$(BIN)/jupytext-config --settings-file $@ set-default-viewer markdown myst

book: setup
	$(BIN)/python tools/build_book.py

book-strict: setup
	$(BIN)/python tools/build_book.py --strict

# The student edition: the book without solutions in _build/student/html, and every chapter
# as a notebook to hand out in _build/student/notebooks/{en,ja}/ (reuses `make book`'s cache).
student: setup
	$(BIN)/python tools/build_book.py --student

# nbgrader assignments from the book's exercises, graded by its self-checks: an nbgrader
# course directory in _build/classroom/$(EDITION)/ (nbgrader_config.py, source/<chapter>/).
# The edition is EDITION, not LANG: make would export LANG=ja as every command's locale.
# Numbered from the book's build (its book-index.json), so the book is built first (cached).
EDITION ?= en
classroom: book
	$(BIN)/python tools/classroom.py --lang $(EDITION)

# The recorded studies: grid search and ten paired seeds per variant, recorded with their
# provenance in lstm/records/ (the book reads the records; see benchmarks/README.md).
experiments: setup
	$(BIN)/python tools/record_studies.py

# Jupyter refuses to start as root (a container, a fresh cloud machine) without --allow-root.
lab: setup
	$(BIN)/jupyter lab $$([ "$$(id -u)" = 0 ] && echo --allow-root)

chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Debian's chromium: run 'sudo apt-get install chromium'." >&2; exit 1; \
	fi

# Lint, then every test that needs no book build, no browser and no long training
# (the marks are declared in pyproject.toml).
check: setup
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -m "not build and not browser and not slow" -n 2  # two processes (pytest-xdist)

test: setup chromium
	$(BIN)/python -m pytest

clean:
	rm -rf _build
