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
    result = runner.invoke(
        app,
        ["run", "--config", str(ROOT / "conf/default.yaml"), "--out", str(tmp_path), "--stages", "index",
         "--set", f"inputs.base_url={sample_dir}/"],
        terminal_width=200,
    )
    assert result.exit_code == 0, result.output
    assert "run summary" in result.output and "truncated_gzip" in result.output
    assert (tmp_path / "index" / "_SUCCESS").exists()
    again = runner.invoke(
        app,
        ["run", "--config", str(ROOT / "conf/default.yaml"), "--out", str(tmp_path), "--stages", "index",
         "--set", f"inputs.base_url={sample_dir}/"],
        terminal_width=200,
    )
    assert again.exit_code == 0 and "skipped" in again.output


def test_mix_settings_that_cannot_be_planned_fail_before_any_work(tmp_path):
    for override, message in (("stages.mix.target_shares={zh: 1.5}", "share zh=1.5 is not between 0 and 1"),
                              ("stages.mix.policy=uniform", "stages.mix.policy"),
                              ("stages.mix.alpha=2", "stages.mix.alpha")):
        result = runner.invoke(app, ["run", "--config", str(ROOT / "conf/default.yaml"), "--out", str(tmp_path),
                                     "--stages", "mix", "--set", override], terminal_width=200)
        assert result.exit_code == 2, result.output
        assert message in " ".join(result.output.split()) and "Traceback" not in result.output
