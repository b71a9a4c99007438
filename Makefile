# chronology: two commands do all the set-up on a fresh machine with Python 3.11:
#   make demo   - virtual environment, install, build output/timeline.html and .json from seeds/
#   make test   - install the test extras and run the whole suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
TITLE  ?= Baby P: the aftermath, 2008-2010

.PHONY: demo test install install-test bench screenshot eval lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test,dask,bench]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/chronology build seeds --out output --title "$(TITLE)"
	@echo
	@echo "Open output/timeline.html in a browser; the JSON is output/timeline.json"
	@echo "  $(CURDIR)/output/timeline.html"
	@echo "  $(CURDIR)/output/timeline.json"

test: install-test
	$(BIN)/python -m pytest -q

# Benchmarks print their figures and the command that reproduces them (never timed tests).
bench: install-test
	$(BIN)/python benchmarks/tagging_throughput.py
	$(BIN)/python benchmarks/baseline_accuracy.py
	$(BIN)/python benchmarks/page_5000.py

# Regenerates the README's screenshot from the seeds' timeline (needs /usr/bin/chromium).
screenshot: demo install-test
	$(BIN)/python -c "from chronology.render import screenshot; screenshot('output/timeline.html', 'docs/timeline.png')"

eval: install
	$(BIN)/chronology eval tempeval ../shared/data/tempeval3/tbaq

lint: install-test
	$(BIN)/python -m ruff check chronology tests benchmarks

clean:
	rm -rf $(VENV) output/timeline.* output/timelinejs.json output/chronology.db* output/timeml
