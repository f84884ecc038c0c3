# Newsdesk: `make run` serves the demo newsroom, `make test` runs the whole suite.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# make run V=1: every step's output and the processes' INFO logs.
V ?= 0

.PHONY: install install-prod run test lint test-deps bench clean lock

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock
	@test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[test,s3]"
	@touch $@

# A production server (deploy/README.md): no test tools, and an interpreter the service's own
# user can run (not one under /root or another closed home).
install-prod:
	@if test -x $(PY); then PYTHON=$(PY) scripts/find-python --shared >/dev/null || \
		{ echo "remove $(VENV) and run make install-prod again" >&2; exit 1; }; \
	else p=$$(scripts/find-python --shared) && "$$p" -m venv $(VENV); fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[s3]"

# Regenerate the lock file from what is installed (after changing pyproject.toml).
lock: install
	$(PY) -m pip freeze --exclude-editable | grep -v '^-e ' > requirements.lock

test-deps:
	@scripts/ensure-test-tools

# Migrates, loads the demo and serves it (scripts/serve): SITE_URL follows HOST and PORT.
run: install
	@scripts/serve --demo $(if $(filter 1,$(V)),-v) $(HOST) $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) check

# The whole suite in two parts: the tests that run inside pytest's own processes, two at a time
# (pytest-xdist; each has its own database), then those that start servers, task workers and
# other processes (marked `worker`), one at a time: they check what happens across processes
# on a machine they have to themselves. Exit status 5 is "no test selected" (PYTEST_ARGS).
test: install test-deps lint
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(BIN)/pytest -n 2 --processes=none $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(BIN)/pytest --processes=only $(PYTEST_ARGS) || [ $$? -eq 5 ]

bench: install
	$(PY) bench/pages.py

clean:
	rm -rf $(VENV) test-artifacts staticfiles
