# The two commands a stranger needs: `make run` and `make test`. Both build .venv first
# when it is missing or older than pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-all check bench screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# A fresh, empty data dir for every run unless DATA_DIR is given, so trying the app
# never touches anyone's real journal. The app is told which folder is the trial one
# (NOCONTACT_TRIAL_DIR) and says so, so nobody keeps real entries in it by mistake.
run: $(STAMP)
	@dir="$(DATA_DIR)"; trial=""; \
	if [ -z "$$dir" ]; then dir=$$(mktemp -d -t nocontact-run.XXXXXX); trial="$$dir"; fi; \
	NOCONTACT_TRIAL_DIR="$$trial" $(BIN)/nocontact --data-dir "$$dir" $(ARGS); status=$$?; \
	if [ -n "$$trial" ]; then echo "This trial's data is in $$dir (temporary, not kept)"; \
	else echo "This run's data is in $$dir"; fi; exit $$status

# One test process per core (up to four): every test has its own data dir and clock, so
# they run side by side, and two cores finish the suite in about half the time. Snapshots are never updated in
# parallel: update one with `$(BIN)/python -m pytest -p no:xdist --snapshot-update FILE`.
PYTEST := $(BIN)/python -m pytest -q -n auto --maxprocesses 4 --dist worksteal

test: $(STAMP)
	$(PYTEST)

# The suite on every supported Python installed here (3.11, 3.12, 3.13), each in its own venv.
test-all: $(STAMP)
	$(BIN)/nox

check: $(STAMP)
	$(BIN)/ruff check tui tests benchmarks scripts noxfile.py
	$(BIN)/ruff format --check tui tests benchmarks scripts noxfile.py
	$(BIN)/mypy
	$(BIN)/python -m pytest -q tests/test_layers.py
	$(PYTEST)

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

screenshots: $(STAMP)
	$(BIN)/python scripts/export_screenshots.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .nox
