"""A run killed in the middle of a stage, started again, redoes only that stage and matches an uninterrupted run."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
CORPUSFORGE = Path(sys.executable).parent / "corpusforge"
# The same overrides as conftest's through_dedup, so the finished stages' digests match and the outputs compare.
OVERRIDES = ("spark.shuffle_partitions=2", "spark.ui_enabled=false", "stages.filter.perplexity=false",
             "stages.filter.quality_classifier=false")


def run_command(sample_dir: Path, out: Path) -> list[str]:
    command = [str(CORPUSFORGE), "run", "--config", "conf/default.yaml", "--out", str(out), "--stages", "filter,dedup",
               "--set", f"inputs.base_url={sample_dir}/"]
    for override in OVERRIDES:
        command += ["--set", override]
    return command


def environment() -> dict[str, str]:
    return {**os.environ, "SPARK_LOCAL_IP": "127.0.0.1", "PYSPARK_PYTHON": sys.executable}


def wait_for_work_in_progress(out: Path, stage: str, process: subprocess.Popen, timeout: float = 300) -> Path:
    """The stage's work folder once it holds a written file: the stage is running and has written part of its output."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the run ended (exit {process.returncode}) before {stage} wrote anything"
        for work in (out / "_tmp").glob(f"{stage}-*"):
            if any(path.is_file() for path in work.rglob("*")):
                return work
        time.sleep(0.1)
    raise AssertionError(f"{stage} did not start writing within {timeout}s")


def success_digest(out: Path, stage: str) -> str:
    return json.loads((out / stage / "_SUCCESS").read_text())["config_digest"]


def table_rows(path: Path) -> list[dict]:
    table = pq.read_table(path)
    return sorted(table.to_pylist(), key=lambda row: row["id"])


def test_killed_mid_stage_resumes_and_matches_an_uninterrupted_run(sample_dir, through_extract, through_dedup,
                                                                    tmp_path):
    source, _ = through_extract
    out = tmp_path / "run"
    shutil.copytree(source, out)

    process = subprocess.Popen(run_command(sample_dir, out), cwd=ROOT, env=environment(), start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        interrupted = wait_for_work_in_progress(out, "dedup", process)
    finally:
        # The whole session: the driver and the Spark JVM it started, as a lost node or an OOM kill would.
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    filter_success = (out / "filter" / "_SUCCESS").read_text()
    assert not (out / "dedup").exists(), "a killed stage must not publish anything"

    rerun = subprocess.run(run_command(sample_dir, out), cwd=ROOT, env=environment(), capture_output=True, text=True,
                           timeout=600, check=False)
    assert rerun.returncode == 0, rerun.stdout[-2000:] + rerun.stderr[-3000:]
    # filter finished before the kill: untouched (same _SUCCESS, same finish time); dedup starts over.
    assert (out / "filter" / "_SUCCESS").read_text() == filter_success
    assert (out / "dedup" / "_SUCCESS").is_file()
    assert not interrupted.exists() and not (out / "_tmp").exists()

    reference, _ = through_dedup
    for stage in ("filter", "dedup"):
        assert success_digest(out, stage) == success_digest(reference, stage)
    for dataset in ("filter/kept", "dedup/docs", "dedup/dropped"):
        assert table_rows(out / dataset) == table_rows(reference / dataset), dataset
