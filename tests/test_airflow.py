"""The Airflow DAG: it loads, mirrors the stages' dependencies, fails fast on a missing release, and runs the sample.

Airflow lives in its own virtualenv (`make airflow` → .venv-airflow, as on a scheduler host): its Spark provider
pulls the pyspark-client package, which would overwrite this environment's pyspark. The DAG reaches corpusforge only
through spark-submit, taken from this environment's PATH.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.runner import STAGE_NAMES, describe, stage_class

ROOT = Path(__file__).resolve().parent.parent
AIRFLOW_VENV = Path(os.environ.get("CORPUSFORGE_AIRFLOW_VENV", ROOT / ".venv-airflow"))
DAG_FOLDER = ROOT / "jobs" / "airflow"
# The full-scan path, as the session fixtures run it (conftest.make_config), so their outputs are up to date here.
SAMPLE_OVERRIDES = ("inputs.cc_index=null", "spark.shuffle_partitions=2", "spark.ui_enabled=false")
UP_TO_DATE = ("index", "hostgraph", "rank", "select", "extract")


@pytest.fixture(scope="module")
def airflow_env(tmp_path_factory) -> dict[str, str]:
    """AIRFLOW_HOME in a temporary folder with a fresh SQLite database; Spark in local mode."""
    if not (AIRFLOW_VENV / "bin" / "airflow").is_file():
        pytest.fail(f"no Airflow at {AIRFLOW_VENV}: run `make airflow` (make test does)")
    home = tmp_path_factory.mktemp("airflow-home")
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(DAG_FOLDER),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW_CONN_SPARK_DEFAULT": json.dumps({"conn_type": "spark", "host": "local[2]"}),
        "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
        "PYSPARK_PYTHON": sys.executable,
        "SPARK_LOCAL_IP": "127.0.0.1",
    }
    migrate = subprocess.run([str(AIRFLOW_VENV / "bin" / "airflow"), "db", "migrate"], env=env, capture_output=True,
                             text=True, timeout=300, check=False)
    assert migrate.returncode == 0, migrate.stderr[-3000:]
    return env


def dags_test(env: dict[str, str], params: dict, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run([str(AIRFLOW_VENV / "bin" / "airflow"), "dags", "test", "corpusforge", "--conf",
                           json.dumps(params)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout,
                          check=False)


DESCRIBE = """
import json
from airflow.dag_processing.dagbag import DagBag
bag = DagBag(dag_folder=DAG_FOLDER)
dag = bag.dags.get("corpusforge")
print(json.dumps({
    "import_errors": {str(k): str(v) for k, v in bag.import_errors.items()},
    "tasks": {t.task_id: {"upstream": sorted(t.upstream_task_ids), "application": t.application,
                          "arguments": t.job_arguments({"config": "c.yaml", "crawl": "CC-MAIN-X"}),
                          "retries": t.retries, "backoff": float(t.retry_exponential_backoff),
                          "operator": [c.__name__ for c in type(t).__mro__]} for t in dag.tasks} if dag else {},
    "params": {k: dag.params[k] for k in dag.params} if dag else {},
    "max_active_runs": dag.max_active_runs if dag else None,
}))
"""


def test_dag_loads_and_mirrors_the_stage_dependencies(airflow_env):
    result = subprocess.run([str(AIRFLOW_VENV / "bin" / "python"), "-c", DESCRIBE.replace(
        "DAG_FOLDER", repr(str(DAG_FOLDER)))], env=airflow_env, capture_output=True, text=True, timeout=300,
        check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    described = json.loads(result.stdout.strip().splitlines()[-1])
    assert described["import_errors"] == {}
    tasks = described["tasks"]
    assert set(tasks) == {"check_inputs", *STAGE_NAMES}
    assert tasks["check_inputs"]["upstream"] == []
    for stage in STAGE_NAMES:
        requires = sorted(stage_class(stage).requires)
        assert tasks[stage]["upstream"] == (requires or ["check_inputs"]), stage
        # Pipeline order is a valid run order: every upstream stage comes earlier.
        assert all(STAGE_NAMES.index(name) < STAGE_NAMES.index(stage) for name in requires)
        assert "SparkSubmitOperator" in tasks[stage]["operator"]
        assert Path(tasks[stage]["application"]) == ROOT / "jobs" / "stage.py"
        assert tasks[stage]["arguments"][:2] == ["--stage", stage]
        assert tasks[stage]["retries"] >= 1 and tasks[stage]["backoff"] > 1
    assert described["params"]["config"] == "conf/cluster.yaml" and "crawl" in described["params"]
    assert described["max_active_runs"] == 1


def test_the_dags_stage_registry_is_the_pipelines():
    """jobs/airflow/stages.json is `corpusforge stages --json`: regenerate it when a stage changes."""
    committed = json.loads((DAG_FOLDER / "stages.json").read_text())
    assert committed == describe(), "run `corpusforge stages --json > jobs/airflow/stages.json`"


def test_missing_release_fails_at_the_input_check_without_retries(airflow_env, sample_dir, tmp_path):
    out = tmp_path / "run"
    result = dags_test(airflow_env, {"crawl": "CC-MAIN-2099-99", "config": "conf/default.yaml", "out": str(out),
                                     "overrides": [f"inputs.base_url={sample_dir}/", *SAMPLE_OVERRIDES]})
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "paths listing not found" in log and "CC-MAIN-2099-99/warc.paths.gz" in log
    assert "AirflowFailException" in log  # failed at once: a retry cannot make the listing appear
    assert not out.exists(), "no stage may run when the release's inputs are missing"


@pytest.mark.slow  # the whole pipeline through Airflow and spark-submit: about five minutes
def test_dag_runs_the_sample_release_offline(airflow_env, sample_dir, through_extract, tmp_path):
    """The whole DAG on a release whose first five stages already ran (conftest, in-process): those tasks find
    their outputs up to date and skip, the rest run under spark-submit."""
    source, _ = through_extract
    out = tmp_path / "run"
    shutil.copytree(source, out)
    finished = {stage: (out / stage / "_SUCCESS").read_text() for stage in UP_TO_DATE}
    result = dags_test(airflow_env, {"crawl": "CC-MAIN-SAMPLE", "config": "conf/default.yaml", "out": str(out),
                                     "overrides": [f"inputs.base_url={sample_dir}/", *SAMPLE_OVERRIDES]})
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-5000:]
    assert "corpusforge check-inputs: CC-MAIN-SAMPLE: 6 WARC and 6 WAT files" in log
    for stage in STAGE_NAMES:
        status = "skipped" if stage in UP_TO_DATE else "ran"
        assert f"corpusforge {stage}: {status}" in log, (stage, status)
        assert (out / stage / "_SUCCESS").is_file(), stage
    assert {stage: (out / stage / "_SUCCESS").read_text() for stage in UP_TO_DATE} == finished
    manifest = json.loads((out / "tokenize" / "manifest.json").read_text())
    assert manifest["totals"]["documents"] > 0 and manifest["totals"]["tokens"] > 0
    assert all((out / "tokenize" / shard["files"]["bin"]).stat().st_size == shard["bytes"]["bin"]
               for shard in manifest["shards"])
