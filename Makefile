# Two commands for a fresh machine with Python 3.11+ (see README.md):
#   make book   set up .venv and build the book into _build/html
#   make test   set up .venv (and Debian's chromium when root) and run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# TensorFlow reads these at import: keep its start-up lines out of terminals and pages.
export TF_CPP_MIN_LOG_LEVEL := 3
export TF_ENABLE_ONEDNN_OPTS := 0

.PHONY: setup book test chromium clean

setup: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

book: setup
	$(BIN)/python tools/build_book.py

chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Debian's chromium: run 'sudo apt-get install chromium'." >&2; exit 1; \
	fi

test: setup chromium
	$(BIN)/python -m pytest

clean:
	rm -rf _build
