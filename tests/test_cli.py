"""The command line as a user meets it."""

import hashlib
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.runner import STAGE_NAMES

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_stages_lists_every_stage_in_order():
    result = runner.invoke(app, ["stages"], terminal_width=200)
    assert result.exit_code == 0
    positions = [result.output.index(f" {name} ") for name in STAGE_NAMES]
    assert positions == sorted(positions)
    assert "Lineage index" in result.output


def test_help_explains_commands():
    result = runner.invoke(app, ["run", "--help"], terminal_width=200)
    assert result.exit_code == 0
    for option in ("--config", "--stages", "--force", "--set", "--out", "--crawl"):
        assert option in result.output


def test_bad_override_fails_naming_the_key():
    result = runner.invoke(app, ["run", "--config", str(ROOT / "conf/default.yaml"), "--set", "spark.bogus=1"])
    assert result.exit_code == 2
    assert "spark.bogus" in result.output and "unknown key" in result.output


def test_unknown_stage_lists_the_real_ones():
    result = runner.invoke(app, ["run", "--config", str(ROOT / "conf/default.yaml"), "--stages", "indx"])
    assert result.exit_code == 2
    assert "unknown stage 'indx'" in result.output and "hostgraph" in result.output


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_sample_is_deterministic_for_a_seed(tmp_path):
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        result = runner.invoke(app, ["sample", "--out", str(tmp_path / name), "--seed", str(seed)])
        assert result.exit_code == 0, result.output
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")


def test_run_prints_a_summary(spark, sample_dir, tmp_path):
    # The full scan meets the sample's damaged files (truncated_gzip...): the summary names those drops.
    result = runner.invoke(
        app,
        ["run", "--config", str(ROOT / "conf/default.yaml"), "--out", str(tmp_path), "--stages", "index",
         "--set", f"inputs.base_url={sample_dir}/", "--set", "inputs.cc_index=null"],
        terminal_width=200,
    )
    assert result.exit_code == 0, result.output
    assert "run summary" in result.output and "truncated_gzip" in result.output
    assert (tmp_path / "index" / "_SUCCESS").exists()
    again = runner.invoke(
        app,
        ["run", "--config", str(ROOT / "conf/default.yaml"), "--out", str(tmp_path), "--stages", "index",
         "--set", f"inputs.base_url={sample_dir}/", "--set", "inputs.cc_index=null"],
        terminal_width=200,
    )
    assert again.exit_code == 0 and "skipped" in again.output


def test_version_prints_the_package_version():
    from pipeline import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"corpusforge {__version__}"


def test_submit_runs_spark_submit_without_an_activated_venv():
    """The venv's spark-submit fails without activation (it looks for Spark with PATH's python3); `corpusforge
    submit` finds the installed Spark itself. PATH here holds no venv."""
    import os
    import subprocess
    import sys

    import pyspark

    environment = {key: value for key, value in os.environ.items() if key not in ("SPARK_HOME", "VIRTUAL_ENV")}
    environment["PATH"] = "/usr/bin:/bin"
    environment["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "submit", "--version"], env=environment,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"version {pyspark.__version__}" in result.stdout + result.stderr


def test_run_checks_inputs_and_workdir_before_spark_starts(tmp_path):
    missing = runner.invoke(app, ["run", "--config", "conf/default.yaml", "--out", str(tmp_path / "out"),
                                  "--set", f"inputs.base_url={tmp_path / 'no-crawl'}/"])
    assert missing.exit_code == 2 and "no such folder" in missing.output
    assert not (tmp_path / "out").exists()  # nothing started, nothing written
    nowhere = runner.invoke(app, ["run", "--workdir", str(tmp_path / "nowhere")])
    assert nowhere.exit_code == 2 and "--workdir" in nowhere.output


def test_run_reads_relative_paths_from_the_workdir(tmp_path):
    # From another folder, --workdir makes conf/default.yaml (relative) resolve: the error is about the inputs,
    # not a missing config.
    import os

    root = Path(__file__).resolve().parents[1]
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = runner.invoke(app, ["run", "--workdir", str(root), "--out", str(tmp_path / "out"),
                                     "--set", f"inputs.base_url={tmp_path / 'no-crawl'}/"])
    finally:
        os.chdir(here)
    assert result.exit_code == 2 and "inputs.base_url" in result.output and "config" not in result.output.lower()


def test_mix_settings_that_cannot_be_planned_fail_before_any_work(tmp_path):
    for override, message in (("stages.mix.target_shares={zh: 1.5}", "share zh=1.5 is not between 0 and 1"),
                              ("stages.mix.policy=uniform", "stages.mix.policy"),
                              ("stages.mix.alpha=2", "stages.mix.alpha")):
        result = runner.invoke(app, ["run", "--config", str(ROOT / "conf/default.yaml"), "--out", str(tmp_path),
                                     "--stages", "mix", "--set", override], terminal_width=200)
        assert result.exit_code == 2, result.output
        assert message in " ".join(result.output.split()) and "Traceback" not in result.output
