"""A run killed in the middle of a stage, started again, redoes only that stage and matches an uninterrupted run.

The stage killed is tokenize: its Spark tasks write the shard files themselves, besides the Parquet lineage.
"""

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
# The same overrides as conftest's through_tokenize, so the finished stages' digests match and the outputs compare.
OVERRIDES = ("inputs.cc_index=null", "spark.shuffle_partitions=2", "spark.ui_enabled=false",
             "stages.filter.perplexity=false", "stages.filter.quality_classifier=false",
             "stages.tokenize.target_shard_bytes=60000")
STAGES = ("filter", "dedup", "mix", "tokenize")


def run_command(sample_dir: Path, out: Path) -> list[str]:
    command = [str(CORPUSFORGE), "run", "--config", "conf/default.yaml", "--out", str(out),
               "--stages", ",".join(STAGES), "--set", f"inputs.base_url={sample_dir}/"]
    for override in OVERRIDES:
        command += ["--set", override]
    return command


def environment() -> dict[str, str]:
    return {**os.environ, "SPARK_LOCAL_IP": "127.0.0.1", "PYSPARK_PYTHON": sys.executable}


def wait_for_work_in_progress(out: Path, stage: str, process: subprocess.Popen, timeout: float = 300) -> Path:
    """The stage's work folder once a shard file is in it: the stage's tasks are writing its output."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the run ended (exit {process.returncode}) before {stage} wrote anything"
        for work in (out / "_tmp").glob(f"{stage}-*"):
            if any(path.is_file() for path in work.rglob("*.bin")):
                return work
        time.sleep(0.05)
    raise AssertionError(f"{stage} did not start writing within {timeout}s")


def success_digest(out: Path, stage: str) -> str:
    return json.loads((out / stage / "_SUCCESS").read_text())["config_digest"]


def lineage_rows(out: Path) -> list[tuple]:
    table = pq.read_table(out / "tokenize" / "lineage", columns=["shard", "doc_index", "id", "copy", "tokens"])
    return sorted(zip(*(column.to_pylist() for column in table.columns), strict=True))


def test_killed_mid_stage_resumes_and_matches_an_uninterrupted_run(sample_dir, through_tokenize, tmp_path):
    # The uninterrupted run's outputs up to mix are up to date for this command; its tokenize output is taken away.
    reference, _ = through_tokenize
    out = tmp_path / "run"
    shutil.copytree(reference, out)
    shutil.rmtree(out / "tokenize")
    finished = {stage: (out / stage / "_SUCCESS").read_text() for stage in STAGES[:-1]}

    process = subprocess.Popen(run_command(sample_dir, out), cwd=ROOT, env=environment(), start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        interrupted = wait_for_work_in_progress(out, "tokenize", process)
    finally:
        # The whole session: the driver and the Spark JVM it started, as a lost node or an OOM kill would.
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert not (out / "tokenize").exists(), "a killed stage must not publish anything"

    rerun = subprocess.run(run_command(sample_dir, out), cwd=ROOT, env=environment(), capture_output=True, text=True,
                           timeout=600, check=False)
    assert rerun.returncode == 0, rerun.stdout[-2000:] + rerun.stderr[-3000:]
    # Finished stages are untouched (same _SUCCESS, same finish time); tokenize starts over.
    assert {stage: (out / stage / "_SUCCESS").read_text() for stage in STAGES[:-1]} == finished
    assert success_digest(out, "tokenize") == success_digest(reference, "tokenize")
    assert not interrupted.exists() and not (out / "_tmp").exists()

    manifest, expected = (json.loads((root / "tokenize" / "manifest.json").read_text()) for root in (out, reference))
    assert [(s["prefix"], s["sha256"], s["bytes"]) for s in manifest["shards"]] == \
        [(s["prefix"], s["sha256"], s["bytes"]) for s in expected["shards"]]
    assert manifest["totals"] == expected["totals"]
    assert (out / "tokenize" / "blend.txt").read_text() == (reference / "tokenize" / "blend.txt").read_text()
    assert lineage_rows(out) == lineage_rows(reference)
