"""Shared fixtures: one SparkSession per test session, a loopback S3 server, and one sample crawl."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# A warm Hugging Face cache must not hide a run-time download: every model loads from disk.
os.environ["HF_HOME"] = tempfile.mkdtemp(prefix="corpusforge-hf-")
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
# Set before Spark starts: its Python workers inherit the environment the JVM was launched with.
os.environ.setdefault("AWS_ACCESS_KEY_ID", "CFTESTACCESSKEY4711")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "cf-test-secret-never-logged-0815")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def spark():
    from pipeline.core.config import SparkConfig
    from pipeline.core.spark import get_spark

    session = get_spark(
        SparkConfig(master="local[2]", shuffle_partitions=2, ui_enabled=False, driver_memory="1g", app_name="tests")
    )
    yield session
    session.stop()


@pytest.fixture(scope="session")
def s3_server():
    """A real S3 API (moto_server) on 127.0.0.1, started for the session and stopped after it."""
    port = _free_port()
    executable = shutil.which("moto_server", path=str(Path(sys.executable).parent)) or shutil.which("moto_server")
    assert executable, "moto_server not installed: `pip install -e '.[test]'`"
    env = {**os.environ, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    process = subprocess.Popen(
        [executable, "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        raise RuntimeError("moto_server did not start")
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def s3_config(s3_server):
    from pipeline.core.config import S3Config

    return S3Config(endpoint_url=s3_server, max_attempts=4, backoff_base_seconds=0.01, backoff_max_seconds=0.05)


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory) -> Path:
    from pipeline.sample import generate_sample

    out = tmp_path_factory.mktemp("sample-crawl")
    generate_sample(out, seed=1, scale=1)
    return out


@pytest.fixture(scope="session")
def truth(sample_dir) -> dict:
    import json

    return json.loads((sample_dir / "truth.json").read_text(encoding="utf-8"))


def make_config(sample_dir: Path, out: Path, *overrides: str):
    from pipeline.runner import load_config

    return load_config(
        ROOT / "conf" / "default.yaml",
        # The shared runs scan every WARC file (the full path every damage test expects); tests of the selective
        # path (test_selective.py) set inputs.cc_index back.
        [f"inputs.base_url={sample_dir}/", f"output={out}", "spark.shuffle_partitions=2", "inputs.cc_index=null",
         *overrides],
    )


@pytest.fixture(scope="session")
def through_extract(spark, sample_dir, tmp_path_factory):
    """The sample crawl run from index to extract once per session: (output root, outcomes by stage)."""
    from pipeline.runner import run_pipeline

    out = tmp_path_factory.mktemp("through-extract")
    config = make_config(sample_dir, out)
    outcomes = {o.name: o for o in run_pipeline(config, spark, ["index", "hostgraph", "rank", "select", "extract"])}
    return out, outcomes


# The model stages have their own tests: the shared runs filter by rules only.
RULES_ONLY = ("stages.filter.perplexity=false", "stages.filter.quality_classifier=false")


def continue_run(spark, sample_dir: Path, source: Path, out: Path, stages: list[str], *overrides: str):
    """Copy a finished run's output root to ``out`` and run further stages on it: (output root, outcomes by stage)."""
    from pipeline.runner import run_pipeline

    shutil.copytree(source, out)
    config = make_config(sample_dir, out, *overrides)
    return out, {o.name: o for o in run_pipeline(config, spark, stages)}


@pytest.fixture(scope="session")
def through_dedup(spark, sample_dir, through_extract, tmp_path_factory):
    """filter and dedup on a copy of through_extract."""
    return continue_run(spark, sample_dir, through_extract[0], tmp_path_factory.mktemp("through-dedup") / "run",
                        ["filter", "dedup"], *RULES_ONLY)


@pytest.fixture(scope="session")
def through_tokenize(spark, sample_dir, through_dedup, tmp_path_factory):
    """mix and tokenize on a copy of through_dedup, 60 kB shards so that a language spans several."""
    return continue_run(spark, sample_dir, through_dedup[0], tmp_path_factory.mktemp("through-tokenize") / "run",
                        ["mix", "tokenize"], *RULES_ONLY, "stages.tokenize.target_shard_bytes=60000")
