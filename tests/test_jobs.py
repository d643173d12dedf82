"""The spark-submit jobs in jobs/: their shared options, skipping, exit codes, and the --py-files package.

Every stage job runs for real under spark-submit in tests/test_airflow.py (the DAG's tasks); here the jobs' own
contract is checked.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pipeline.runner import STAGE_NAMES

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SPARK_SUBMIT = Path(sys.executable).parent / "spark-submit"
JOB_FILES = ["jobs/stage.py", "jobs/check_inputs.py"]


def environment() -> dict[str, str]:
    return {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
            "SPARK_LOCAL_IP": "127.0.0.1", "PYSPARK_PYTHON": sys.executable}


def sample_options(sample_dir: Path, out: Path) -> list[str]:
    # conftest's make_config overrides, so a copy of its outputs is up to date for these jobs.
    return ["--config", "conf/default.yaml", "--out", str(out), "--set", f"inputs.base_url={sample_dir}/",
            "--set", "spark.shuffle_partitions=2", "--set", "spark.ui_enabled=false"]


def submit(job: str, *arguments: str, cwd: Path = ROOT, py_files: Path | None = None) -> subprocess.CompletedProcess:
    command = [str(SPARK_SUBMIT), "--master", "local[2]", "--conf", "spark.ui.enabled=false",
               *(["--py-files", str(py_files)] if py_files else []), job, *arguments]
    return subprocess.run(command, cwd=cwd, env=environment(), capture_output=True, text=True, timeout=600,
                          check=False)


def test_every_job_explains_its_options():
    for job in JOB_FILES:
        result = subprocess.run([PYTHON, job, "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60,
                                check=False)
        assert result.returncode == 0, f"{job}: {result.stderr[-2000:]}"
        for option in ("--config", "--crawl", "--out", "--set", "--workdir", "Exit codes"):
            assert option in result.stdout, (job, option)
    stage_help = subprocess.run([PYTHON, "jobs/stage.py", "--help"], cwd=ROOT, capture_output=True, text=True,
                                timeout=60, check=False).stdout
    assert "--stage" in stage_help and "--force" in stage_help
    for stage in STAGE_NAMES:  # every stage, with what it does
        assert f"  {stage} " in stage_help, stage
    assert "dedup          Exact and MinHash" in stage_help


def test_check_inputs_counts_the_release_or_names_what_is_missing(sample_dir, tmp_path):
    options = sample_options(sample_dir, tmp_path / "out")
    found = subprocess.run([PYTHON, "jobs/check_inputs.py", *options], cwd=ROOT, capture_output=True, text=True,
                           timeout=120, check=False)
    assert found.returncode == 0, found.stderr
    assert "CC-MAIN-SAMPLE: 6 WARC and 6 WAT files" in found.stdout
    missing = subprocess.run([PYTHON, "jobs/check_inputs.py", *options, "--crawl", "CC-MAIN-2099-99"], cwd=ROOT,
                             capture_output=True, text=True, timeout=120, check=False)
    assert missing.returncode == 2
    assert "paths listing not found" in missing.stderr and "CC-MAIN-2099-99" in missing.stderr
    # A listing that names a file that is not there is caught before any stage reads it.
    broken = tmp_path / "broken"
    shutil.copytree(sample_dir, broken)
    listing = gzip.decompress((broken / "crawl-data" / "CC-MAIN-SAMPLE" / "wat.paths.gz").read_bytes()).decode()
    (broken / listing.split()[-1]).unlink()
    gone = subprocess.run([PYTHON, "jobs/check_inputs.py", *sample_options(broken, tmp_path / "out")], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert gone.returncode == 2 and "does not exist" in gone.stderr, gone.stdout + gone.stderr


@pytest.fixture(scope="module")
def py_files() -> Path:
    """The --py-files package, built the way the README says (`make dist`)."""
    built = subprocess.run(["make", "-s", "dist"], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert built.returncode == 0, built.stderr
    return ROOT / "dist" / "corpusforge.zip"


def test_py_files_package_holds_every_module(py_files, tmp_path):
    package = py_files
    names = set(zipfile.ZipFile(package).namelist())
    expected = {str(path.relative_to(ROOT)) for pkg in ("pipeline", "graph", "filters")
                for path in (ROOT / pkg).rglob("*.py")}
    assert expected <= names
    # Without site-packages (no editable install), the zip alone provides the package.
    probe = subprocess.run([PYTHON, "-S", "-c", f"import sys; sys.path.insert(0, {str(package)!r}); "
                            "import pipeline.jobs; print(pipeline.jobs.__file__)"], cwd=tmp_path,
                           capture_output=True, text=True, timeout=60, check=False)
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip().startswith(str(package))


def test_jobs_skip_up_to_date_stages_and_refuse_missing_upstream(sample_dir, through_extract, py_files,
                                                                  tmp_path):
    source, outcomes = through_extract
    out = tmp_path / "run"
    shutil.copytree(source, out)
    before = (out / "select" / "_SUCCESS").read_text()
    # From another folder, as an Airflow worker runs it: --workdir finds the config and models, --py-files ships
    # the package.
    again = submit(str(ROOT / "jobs" / "stage.py"), "--stage", "select", *sample_options(sample_dir, out),
                   "--workdir", str(ROOT), cwd=tmp_path, py_files=py_files)
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-3000:]
    assert f"corpusforge select: skipped; {outcomes['select'].stats.input:,} in" in again.stdout
    assert f"config digest {json.loads(before)['config_digest']}" in again.stdout
    assert (out / "select" / "_SUCCESS").read_text() == before

    broken = submit("jobs/stage.py", "--stage", "rank", *sample_options(sample_dir, tmp_path / "empty"))
    assert broken.returncode == 2
    assert "run `corpusforge run --stages hostgraph` first" in broken.stdout + broken.stderr
