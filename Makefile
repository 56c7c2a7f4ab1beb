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
	$(BIN)/treatywatch serve --bind 127.0.0.1:8000

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/bandit --quiet --recursive src --severity-level medium

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	TREATYWATCH_ENV=test $(BIN)/pytest

# The database tests again on PostgreSQL, in a throwaway cluster (skipped, with a note, where it is not installed).
pytest-postgres: $(STAMP)
	@TREATYWATCH_ENV=test scripts/with-postgres.sh $(BIN)/pytest -m django_db -q -p no:randomly; rc=$$?; \
	if [ $$rc = 3 ]; then echo "PostgreSQL not installed here: database tests ran on SQLite only"; exit 0; fi; exit $$rc

test: lint typecheck pytest pytest-postgres

bench: $(STAMP)
	$(BIN)/python bench/engine.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
