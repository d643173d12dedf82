"""Where the benchmarks leave their results (bench/results/<name>.json), read back by bench/e2e.py --report-only.

Each benchmark calls save_result() at the end of its main with the figures it has just printed, so
docs/benchmarks.md can show the latest ratio of every benchmark against its anchor together with the command,
date and commit that produced it. Only the latest run of each benchmark is kept: the file is overwritten.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import shlex
import subprocess
import sys
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS_DIR = Path(__file__).resolve().parent / "results"
SCHEMA_VERSION = 1
# Floats are stored to this many significant digits: run-to-run noise is larger than the rest.
SIGNIFICANT_DIGITS = 4
# `java -version` answers at once; the limit only keeps a broken java from holding up a finished benchmark.
JAVA_VERSION_TIMEOUT_SECONDS = 30


def git_commit() -> dict:
    """HEAD and whether tracked files (results aside) differed from it: a figure measured on uncommitted code
    says so."""

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
        except (OSError, subprocess.CalledProcessError):
            return None
        return done.stdout.strip()

    # bench/results/ itself is left out: a benchmark that saves after each part would otherwise call its own
    # earlier save an uncommitted change.
    results = RESULTS_DIR.relative_to(ROOT)
    status = git("status", "--porcelain", "--untracked-files=no", "--", ".", f":(exclude){results}")
    return {"commit": git("rev-parse", "HEAD"), "dirty": bool(status) if status is not None else None}


def machine() -> dict:
    """What decides the figures besides the code: cores, memory, Python, Java and Spark versions."""
    info = {
        "cores": os.cpu_count(),
        "platform": platform.platform(),
        "processor": platform.machine(),
        "python": platform.python_version(),
    }
    with contextlib.suppress(ImportError):
        import psutil

        info["physical_cores"] = psutil.cpu_count(logical=False)
        info["memory_bytes"] = psutil.virtual_memory().total
    with contextlib.suppress(PackageNotFoundError):
        info["pyspark"] = version("pyspark")
    with contextlib.suppress(OSError, IndexError, subprocess.SubprocessError):
        # `java -version` writes to stderr; its first line names the vendor and version.
        done = subprocess.run(["java", "-version"], capture_output=True, text=True,
                              timeout=JAVA_VERSION_TIMEOUT_SECONDS)
        info["java"] = (done.stderr or done.stdout).splitlines()[0].strip()
    return info


def command_line(argv: list[str]) -> str:
    """The command as a person would type it in the repository root: the venv's python and relative paths."""

    def relative(path: str) -> str:
        resolved = Path(path).resolve()
        return str(resolved.relative_to(ROOT)) if resolved.is_relative_to(ROOT) else path

    # sys.executable unresolved: .venv/bin/python is a symlink to the base interpreter, which lacks the packages.
    executable = Path(sys.executable)
    python = str(executable.relative_to(ROOT)) if executable.is_relative_to(ROOT) else str(executable)
    return shlex.join([python, relative(argv[0]), *argv[1:]])


def rounded(value):
    """value with every float in it cut to SIGNIFICANT_DIGITS (whole numbers above that), so the JSON reads like
    the printed table."""
    if isinstance(value, float):
        return round(value) if abs(value) >= 10**SIGNIFICANT_DIGITS else float(f"{value:.{SIGNIFICANT_DIGITS}g}")
    if isinstance(value, dict):
        return {key: rounded(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [rounded(item) for item in value]
    return value


def save_result(name: str, command: list[str], anchor: str, figures: dict, ratios: dict[str, float],
                goal: str | None = None, headline: list[str] | None = None) -> Path:
    """Write bench/results/<name>.json and return its path.

    command: the argv the benchmark ran with (sys.argv); anchor: what the ratios compare against; ratios: the
    headline ratio(s) by name, as the benchmark prints them; figures: the key numbers
    printed beside them; goal: the target the benchmark's docstring sets, as text; headline: names of figures
    that the summary of docs/benchmarks.md shows beside the ratios (absolute figures a goal is stated in).
    """
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    result = {
        "schema": SCHEMA_VERSION,
        "name": name,
        "command": command_line(command),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        **git_commit(),
        "machine": machine(),
        "anchor": anchor,
        "goal": goal,
        "ratios": rounded(ratios),
        "figures": rounded(figures),
    }
    if headline:
        result["headline"] = [key for key in headline if key in figures]
    path = RESULTS_DIR / f"{name}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"result saved to {path.relative_to(ROOT)}")
    return path
