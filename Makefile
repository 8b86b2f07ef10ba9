# Awasi — two commands on a fresh machine (Python 3.11, make, git):
#   make demo   set up, load Bangka Belitung demo data, serve http://127.0.0.1:8000
#   make test   set up and run the whole suite (DATABASE_URL=postgres://... for PostgreSQL)
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000
PYTEST_ARGS ?=

.PHONY: setup demo serve test lint typecheck bench lock clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)
	$(BIN)/python -m awasi.core.i18n
	mkdir -p var/static

demo: setup
	$(BIN)/awasi migrate --no-input -v 0
	$(BIN)/awasi demo --url http://$(HOST)
	$(BIN)/awasi runserver $(HOST) --insecure

serve: setup
	$(BIN)/awasi runserver $(HOST) --insecure

lint: setup
	$(BIN)/ruff check awasi config bench conftest.py tests
	$(BIN)/awasi check --fail-level WARNING
	$(BIN)/awasi makemigrations --check --dry-run -v 1

typecheck: setup
	$(BIN)/mypy --strict --follow-imports=silent awasi/elections/workdays.py awasi/regions/codes.py awasi/regions/timezones.py awasi/regions/tps_import.py awasi/core/uploads.py awasi/cases/intake_batch.py

test: lint typecheck
	$(BIN)/pytest -n 2 --dist loadfile -p no:randomly $(PYTEST_ARGS)

bench: setup
	$(BIN)/python bench/run.py

lock:  # re-pin from a clean environment (bench extras stay out of the lock)
	rm -rf /tmp/awasi-lock && $(PY) -m venv /tmp/awasi-lock
	/tmp/awasi-lock/bin/pip install --quiet -e '.[dev]'
	/tmp/awasi-lock/bin/pip freeze --exclude-editable > requirements.lock

clean:
	rm -rf $(VENV) var
