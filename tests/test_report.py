"""The run report: one self-contained HTML file of a run, checked for content and rendered in a real browser."""

from __future__ import annotations

import base64
import html
import re
import shutil
import subprocess
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.lib.datasets import FILTER_DROPPED
from pipeline.report import build_report, write_report
from pipeline.runner import STAGE_NAMES
from tests.conftest import RULES_ONLY, make_config

runner = CliRunner()
# Stages the shared session runs skip: through_tokenize filters by rules only (no train-lm, no train-quality).
SKIPPED_BY_FIXTURES = {"train-lm", "train-quality", "commit"}  # the shared runs stop at tokenize
# A resource the page would load from the network: src/href/url()/@import pointing at http(s) or a bare //host.
NETWORK_REFERENCE = re.compile(r"""(?:\b(?:src|href|srcset|action|data)\s*=\s*["']?\s*(?:https?:)?//)|"""
                               r"""(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import)""", re.IGNORECASE)
BROWSER_SECONDS = 60
SCREENSHOT_SIZE = (1280, 2000)


@pytest.fixture(scope="module")
def report_html(through_tokenize, sample_dir, tmp_path_factory) -> tuple[Path, Path, str]:
    out, _ = through_tokenize
    config = make_config(sample_dir, out, *RULES_ONLY)
    started = time.monotonic()
    path = Path(write_report(str(out), str(tmp_path_factory.mktemp("report") / "report.html"), config))
    print(f"report of the session run written in {time.monotonic() - started:.1f} s")
    return out, path, path.read_text(encoding="utf-8")


def _section(text: str, stage: str) -> str:
    start = text.index(f"<h2 id='stage-{stage}'>")
    following = text.find("<h2 id='stage-", start + 1)
    return text[start:following if following != -1 else len(text)]


def test_every_stage_has_its_section_and_skipped_stages_say_not_run(report_html):
    _, _, text = report_html
    for name in STAGE_NAMES:
        section = _section(text, name)
        if name in SKIPPED_BY_FIXTURES:
            assert "not run" in section, name
        else:
            assert "not run" not in section and " in → " in section, name
    for heading in ("Funnel per stage", "Per language", "Selected and rejected hosts", "Top 5 selected hosts",
                    "Signals and thresholds per language", "Personal data found", "Contamination",
                    "Spam drops by strongest family", "cluster size", "share before", "planned share"):
        assert heading in text, heading


def test_example_documents_of_every_drop_reason_with_their_detail(report_html):
    out, _, text = report_html
    dropped = pq.read_table(FILTER_DROPPED.path(str(out)),
                            columns=["drop_reason", "drop_detail", "lang", "url", "title"]).to_pylist()
    filter_section = _section(text, "filter")
    groups = {(row["drop_reason"], row["lang"]) for row in dropped}
    assert len(groups) > 5
    for reason, lang in groups:
        block = filter_section[filter_section.index(f"id='examples-filter-{reason}'"):]
        block = block[:block.index("</details>")]
        assert f"<h4>{reason} · {lang}</h4>" in block, (reason, lang)
        shown = set(re.findall(r"<span class='detail'>(.*?)</span>", block))
        details = {html.escape(row["drop_detail"]) for row in dropped if row["drop_reason"] == reason}
        assert shown and shown <= details, (reason, shown)
        # The signal the detail names is shown with its value (the detail starts with it for threshold rules).
        assert "deciding signals: " in block
    spam = [row for row in dropped if row["drop_reason"] == "spam_keywords"]
    if spam:
        block = filter_section[filter_section.index("id='examples-filter-spam_keywords'"):]
        assert "spam_keyword_frac = " in block[:block.index("</details>")]


def test_the_report_is_self_contained(report_html):
    _, path, text = report_html
    images = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', text)
    # funnel, PageRank, one per language with signals, clusters, mixture, shards
    assert len(images) >= 6
    for data in images:
        assert base64.b64decode(data)[:8] == b"\x89PNG\r\n\x1a\n"
    assert not NETWORK_REFERENCE.search(text), NETWORK_REFERENCE.search(text).group(0)
    assert "<script" not in text.lower() and "<link" not in text.lower()
    assert "<style>" in text
    print(f"report {path.stat().st_size:,} bytes, {len(images)} embedded images")


def test_report_renders_in_headless_chromium(report_html, tmp_path):
    """Chromium opens the file, runs no failing script, and draws a page with real content."""
    import matplotlib.image
    import numpy as np

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("Chromium not installed: `make setup` installs it where apt-get is available")
    _, path, _ = report_html
    screenshot = tmp_path / "report.png"
    result = subprocess.run(
        [browser, "--headless", "--disable-gpu", "--no-sandbox", "--enable-logging=stderr", "--v=0",
         f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={screenshot}",
         f"--window-size={SCREENSHOT_SIZE[0]},{SCREENSHOT_SIZE[1]}", path.as_uri()],
        capture_output=True, text=True, timeout=BROWSER_SECONDS,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert not [line for line in console if "Uncaught" in line or ":ERROR:CONSOLE" in line], console
    pixels = matplotlib.image.imread(screenshot)
    assert pixels.shape[:2] == (SCREENSHOT_SIZE[1], SCREENSHOT_SIZE[0])
    rgb = (pixels[..., :3] * 255).astype(np.uint8).reshape(-1, 3)
    colours = len(np.unique(rgb, axis=0))
    variance = float(rgb.astype(float).var())
    not_white = float((rgb < 250).any(axis=1).mean())
    print(f"screenshot {pixels.shape[1]}x{pixels.shape[0]}: {colours} distinct colours, pixel variance "
          f"{variance:.0f}, {not_white:.1%} of pixels not white")
    assert colours > 50 and variance > 100 and not_white > 0.05


def test_a_partial_and_an_empty_run_report_what_did_not_run(through_extract, tmp_path):
    out, _ = through_extract
    text = build_report(str(out))
    assert "not run" not in _section(text, "extract")
    for name in ("filter", "dedup", "mix", "tokenize"):
        assert "not run" in _section(text, name), name
    empty = build_report(str(tmp_path))
    assert all("not run" in _section(empty, name) for name in STAGE_NAMES)
    assert f"0 of {len(STAGE_NAMES)} stages ran" in empty


def test_report_command_writes_the_file_and_prints_its_path(through_extract, tmp_path):
    out, _ = through_extract
    target = tmp_path / "r" / "run.html"
    result = runner.invoke(app, ["report", str(out), "--out", str(target)], terminal_width=300)
    assert result.exit_code == 0, result.output
    assert str(target) in result.output and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    refused = runner.invoke(app, ["report", "s3://bucket/run"])
    assert refused.exit_code == 2 and "--out" in refused.output
