# Parallel: `make run` sets up and starts the app; `make test` sets up and runs every check.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 5000
THREADS ?= 64
# Paths without query strings: a search or a filter may carry words someone typed.
ACCESS_LOG_FORMAT := %(h)s %(t)s "%(m)s %(U)s" %(s)s %(b)s %(L)ss

.PHONY: run test lint format install install-dev worker seed-demo bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
	  || { echo "Parallel needs Python 3.11 or newer (found: $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

# Browser packages (the Socket.IO client). Pages still work without them, only not live.
node_modules/.installed: package.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --no-audit --no-fund --loglevel=error && touch $@; \
	else \
	  echo "npm not found: live updates are off until 'npm install' has run."; \
	fi

install: $(VENV)/.installed node_modules/.installed
install-dev: $(VENV)/.installed-dev node_modules/.installed

# One process serves pages and Socket.IO; jobs run in that process; data in instance/parallel.db.
run: install
	$(BIN)/flask --app wsgi db upgrade
	@echo "Parallel is starting on http://$(HOST):$(PORT)  (Ctrl-C stops it)"
	$(BIN)/gunicorn --worker-class gthread --workers 1 --threads $(THREADS) \
	  --bind $(HOST):$(PORT) --access-logfile - --access-logformat '$(ACCESS_LOG_FORMAT)' wsgi:app

worker: install
	$(BIN)/flask --app wsgi worker

seed-demo: install
	$(BIN)/flask --app wsgi db upgrade
	$(BIN)/flask --app wsgi seed-demo

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint
	$(BIN)/pytest

bench: install-dev
	$(BIN)/python bench/deid.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts
