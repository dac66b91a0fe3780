# Two commands for a fresh machine (see README): `make demo` and `make test`.
# Each creates the virtual environment in .venv on first use.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint samples clean-venv

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The main job: scan a sample licence under negotiation (tracked changes, comments) and print what is
# present, weak and missing. --fail-on none: the findings are the output, not a failure of make.
demo: $(STAMP)
	$(BIN)/clausecheck scan sample_contracts/ja_license_tracked.docx --fail-on none

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

samples: $(STAMP)
	$(BIN)/python sample_contracts/build.py

clean-venv:
	rm -rf $(VENV)
