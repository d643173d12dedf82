"""
### corpusforge: one Common Crawl release → a multilingual pretraining corpus

Trigger one run per release, e.g. `{"crawl": "CC-MAIN-2024-10", "config": "conf/cluster.yaml"}`.
Each task is one `spark-submit jobs/stage.py --stage NAME` (see the README's *Running on a cluster*):
`check_inputs` first, so a wrong release id or missing listing fails in seconds, then the stages in the
order their outputs feed each other.

**Idempotent.** A stage whose `_SUCCESS` matches the digest of its config, inputs and code is skipped, so
clearing a task, retrying it or triggering the release again redoes only what is missing or changed. A task
killed mid-stage leaves no published output; its rerun starts that stage over.

**Retries.** Failures worth retrying (lost executors, S3 throttling) retry with exponential backoff. A job that
exits with 2 (bad config, missing input or upstream output; the task log says which) fails at once.

**Deployment** (environment of the Airflow workers):
- `spark-submit` on the PATH; the `spark_default` connection (or `CORPUSFORGE_SPARK_CONN_ID`) gives the master
  (`yarn`, `k8s://…`, `spark://…`, `local[*]`) and deploy mode.
- `CORPUSFORGE_HOME`: the corpusforge checkout holding `jobs/`, `conf/` and `models/`; relative paths in the
  config are read from there. Default: the checkout this file sits in.
- `CORPUSFORGE_PY_FILES`: the package shipped to executors (`make dist` → `dist/corpusforge.zip`); leave unset
  when executors have corpusforge installed.
"""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.sdk import DAG, Param
from airflow.sdk.exceptions import AirflowException, AirflowFailException

CORPUSFORGE_HOME = Path(os.environ.get("CORPUSFORGE_HOME") or Path(__file__).resolve().parents[2])
PY_FILES = os.environ.get("CORPUSFORGE_PY_FILES") or None
SPARK_CONN_ID = os.environ.get("CORPUSFORGE_SPARK_CONN_ID", "spark_default")

# Every stage and the stages whose outputs it reads, in pipeline order: the stage registry of pipeline/runner.py,
# written by `corpusforge stages --json` beside this file (tests/test_airflow.py checks it is current). Read as
# JSON, so the scheduler needs no corpusforge install.
REGISTRY = json.loads((Path(__file__).resolve().parent / "stages.json").read_text(encoding="utf-8"))
STAGE_REQUIRES: dict[str, tuple[str, ...]] = {stage["name"]: tuple(stage["requires"]) for stage in REGISTRY}
STAGE_DESCRIPTIONS = {stage["name"]: stage["description"] for stage in REGISTRY}
CHECK_INPUTS = "check_inputs"
# pipeline/jobs.py's exit code for errors no retry can fix.
EXIT_USAGE = 2


class CorpusforgeSubmit(SparkSubmitOperator):
    """spark-submit of one job in jobs/, its arguments taken from the run's params."""

    def __init__(self, *, job: str, **kwargs) -> None:
        script = "check_inputs.py" if job == CHECK_INPUTS else "stage.py"
        super().__init__(
            application=str(CORPUSFORGE_HOME / "jobs" / script),
            name=f"corpusforge-{job}",
            py_files=PY_FILES,
            conn_id=SPARK_CONN_ID,
            **kwargs,
        )
        self.job = job

    def job_arguments(self, params) -> list[str]:
        arguments = [] if self.job == CHECK_INPUTS else ["--stage", self.job]
        arguments += ["--config", params["config"], "--crawl", params["crawl"], "--workdir", str(CORPUSFORGE_HOME)]
        if params.get("out"):
            arguments += ["--out", params["out"]]
        for override in params.get("overrides") or []:
            arguments += ["--set", override]
        if params.get("force") and self.job != CHECK_INPUTS:
            arguments.append("--force")
        return arguments

    def execute(self, context):
        self.application_args = self.job_arguments(context["params"])
        try:
            return super().execute(context)
        except AirflowException as exc:
            process = getattr(self._hook, "_submit_sp", None)
            if getattr(process, "returncode", None) == EXIT_USAGE:
                raise AirflowFailException(
                    f"{self.job}: the job reported an error a retry cannot fix (its message is in the log above)"
                ) from exc
            raise


with DAG(
    dag_id="corpusforge",
    description="Common Crawl release → host graph, authority, filtered and deduplicated text, token shards",
    doc_md=__doc__,
    schedule=None,
    catchup=False,
    # Stages of one release share its output root; releases are big enough to run one at a time.
    max_active_runs=1,
    tags=["corpusforge", "spark"],
    params={
        "crawl": Param("CC-MAIN-2024-10", type="string", pattern=r"^CC-MAIN-[A-Z0-9-]+$",
                       description="Common Crawl release id; fills {crawl} in the config's paths"),
        "config": Param("conf/cluster.yaml", type="string",
                        description="corpusforge YAML config, relative to CORPUSFORGE_HOME or absolute"),
        "out": Param(None, type=["null", "string"], description="Output root; default: `output` in the config"),
        "overrides": Param([], type="array", items={"type": "string", "pattern": "^[^=]+=.*$"},
                           description="Config overrides KEY=VALUE, e.g. inputs.max_files=100"),
        "force": Param(False, type="boolean", description="Recompute every stage even when up to date"),
    },
    default_args={
        "retries": 3,
        "retry_delay": timedelta(minutes=2),
        "retry_exponential_backoff": 2.0,
        "max_retry_delay": timedelta(minutes=30),
    },
) as dag:
    check_inputs = CorpusforgeSubmit(task_id=CHECK_INPUTS, job=CHECK_INPUTS,
                                     doc_md="The release's WARC and WAT listings and files exist.")
    tasks = {}
    for stage, requires in STAGE_REQUIRES.items():
        tasks[stage] = CorpusforgeSubmit(task_id=stage, job=stage, doc_md=f"{STAGE_DESCRIPTIONS[stage]}\n\n"
                                                                        f"`spark-submit jobs/stage.py --stage {stage}`")
        upstream = [tasks[name] for name in requires] or [check_inputs]
        upstream >> tasks[stage]
