# Everything a fresh machine with only python3 needs: `make run`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test test-fast check bench clean compile

BENCH_VENV := bench/.venv
BENCH_STAMP := $(BENCH_VENV)/.installed-stamp

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Byte-compile first: a pip-installed lumbar ships compiled, and where
# PYTHONDONTWRITEBYTECODE is set an editable checkout would otherwise recompile every
# module on every start (about 120 ms of the first frame).
compile: $(STAMP)
	$(BIN)/python -m compileall -q tui

run: compile
	$(BIN)/lumbar $(ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

# The inner loop: everything but the real terminal (tmux), the browser and the benchmark's
# code, which take most of `make test`'s minutes. CI runs `make test`.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not terminal and not browser and not bench" $(PYTEST_ARGS)

check: $(STAMP)
	$(BIN)/lumbar check sessions

# termdown, the reference timer, lives in its own venv: the app never depends on it.
$(BENCH_STAMP): bench/requirements.txt
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet -r bench/requirements.txt
	touch $(BENCH_STAMP)

# About 20 minutes, needs tmux; not part of `make test`. BENCH_ARGS="--window 30 --only frame idle"
bench: compile $(BENCH_STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .import_linter_cache
