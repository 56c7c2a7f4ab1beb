# treatywatch: two commands set it up on a fresh machine.
#   make run   - make .venv, install, and run the main job
#   make test  - make .venv with the test extras and run ruff, mypy and pytest
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest pytest-postgres bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	@$(BIN)/python scripts/check_system.py
	$(BIN)/treatywatch load
	$(BIN)/treatywatch manage collectstatic --noinput --verbosity 0
	$(BIN)/treatywatch serve --bind 127.0.0.1:8000 --access-log -

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/bandit --quiet --recursive src --severity-level medium

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) tests/browser/node_modules/.installed
	TREATYWATCH_ENV=test $(BIN)/pytest

# The database tests again on PostgreSQL, in a throwaway cluster (skipped, with a note, where it is not installed).
pytest-postgres: $(STAMP)
	@TREATYWATCH_ENV=test scripts/with-postgres.sh $(BIN)/pytest -m django_db -q -p no:randomly; rc=$$?; \
	if [ $$rc = 3 ]; then echo "PostgreSQL not installed here: database tests ran on SQLite only"; exit 0; fi; exit $$rc

test: lint typecheck pytest pytest-postgres

# Benchmarks (not tests): figures and method in docs/benchmarks.md. Loopback only, bounded in time.
bench: $(STAMP)
	$(BIN)/python bench/engine.py
	$(BIN)/python bench/matrix.py
	$(BIN)/python bench/report.py --langs en,ar,zh
	$(BIN)/python bench/portal.py
	$(BIN)/python bench/opendata.py
	$(BIN)/python bench/export_site.py

# axe-core for the browser tests' accessibility checks (npm registry).
tests/browser/node_modules/.installed: tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
