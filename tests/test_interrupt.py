"""Ctrl-C and SIGTERM stop a real run cleanly, and the progress a person reads.

A `corpusforge run` is interrupted with SIGINT sent to its whole process group, as a terminal's Ctrl-C is, while
its first stage's Spark job runs: it exits 130 with one line, no Python or Java traceback, nothing published of the
stage, and the same command run again resumes and succeeds. `jobs/stage.py` gets SIGTERM (what a scheduler sends)
and exits 143. One WARC file (`inputs.max_files=1`) keeps each run to seconds of Spark work.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from pipeline.core.progress import Tasks, clock, describe

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ("inputs.max_files=1", "spark.shuffle_partitions=2", "spark.master=local[2]",
            # A progress line every half second: the test waits for the first one to know Spark is working.
            "progress.log_every_seconds=0.5")
# Progress of index's Spark job (before it, the line says "no Spark job running").
PROGRESS_LINE = "stage 1/12 index — tasks "
NOISE = ("Traceback", "py4j", "Py4J", "Exception", "at org.apache", "KeyboardInterrupt", "ERROR")


def environment() -> dict[str, str]:
    # This checkout's code, whichever checkout the virtualenv's editable install points at.
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, "SPARK_LOCAL_IP": "127.0.0.1", "PYSPARK_PYTHON": sys.executable}


def options(sample_dir: Path, out: Path) -> list[str]:
    command = ["--config", "conf/default.yaml", "--out", str(out), "--set", f"inputs.base_url={sample_dir}/"]
    for setting in SETTINGS:
        command += ["--set", setting]
    return command


def run_command(sample_dir: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "pipeline.cli", "run", "--stages", "index", *options(sample_dir, out)]


class Output:
    """Everything a process writes to stdout and stderr (merged), read as it comes."""

    def __init__(self, process: subprocess.Popen):
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(process.stdout,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, text: str, process: subprocess.Popen, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in line for line in self.lines):
                return
            assert process.poll() is None, f"exited {process.returncode} before {text!r}:\n" + self.text()
            time.sleep(0.05)
        raise AssertionError(f"no {text!r} within {timeout}s:\n" + self.text())

    def text(self) -> str:
        self._thread.join(timeout=10)
        return "\n".join(self.lines)


def start(command: list[str]) -> tuple[subprocess.Popen, Output]:
    process = subprocess.Popen(command, cwd=ROOT, env=environment(), start_new_session=True, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return process, Output(process)


def assert_clean_stop(output: str, stage: str) -> None:
    interrupted = [line for line in output.splitlines() if "interrupted" in line]
    assert len(interrupted) == 1, output
    assert f"interrupted during `{stage}`; rerun the same command to resume" in interrupted[0]
    found = [word for word in NOISE if word in output]
    assert not found, f"{found} in the output of an interrupted run:\n{output}"


def test_ctrl_c_mid_stage_stops_cleanly_and_the_same_command_resumes(sample_dir, tmp_path):
    out = tmp_path / "run"
    process, output = start(run_command(sample_dir, out))
    try:
        output.wait_for(PROGRESS_LINE, process)
        os.killpg(process.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches the whole foreground process group
        code = process.wait(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    text = output.text()
    assert code == 130, text
    assert_clean_stop(text, "index")
    # Progress said where the run was, in a plain unwrapped line (not a terminal: one line per fact, wide).
    progress = next(line for line in text.splitlines() if PROGRESS_LINE in line)
    assert "tasks " in progress and "elapsed" in progress, progress
    assert any(line.startswith("▶ index: Lineage index:") and "file/offset" in line for line in text.splitlines()), text
    assert not (out / "index").exists(), "an interrupted stage must publish nothing"

    started = time.monotonic()
    rerun = subprocess.run(run_command(sample_dir, out), cwd=ROOT, env=environment(), capture_output=True,
                           text=True, timeout=300, check=False)
    assert rerun.returncode == 0, rerun.stdout[-2000:] + rerun.stderr[-3000:]
    assert (out / "index" / "_SUCCESS").is_file() and not (out / "_tmp").exists()
    assert "✔ index" in rerun.stderr, rerun.stderr
    assert "Using incubator modules" not in rerun.stderr and "WARN" not in rerun.stderr, rerun.stderr
    assert time.monotonic() - started < 300


def test_sigterm_stops_a_stage_job_with_143(sample_dir, tmp_path):
    out = tmp_path / "run"
    command = [sys.executable, "jobs/stage.py", "--stage", "index", *options(sample_dir, out)]
    process, output = start(command)
    try:
        output.wait_for(PROGRESS_LINE, process)
        process.send_signal(signal.SIGTERM)  # the driver only, as a scheduler stopping a task does
        code = process.wait(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    text = output.text()
    assert code == 143, text
    assert_clean_stop(text, "index")
    assert text.splitlines()[-1] == "corpusforge index: interrupted during `index`; rerun the same command to resume"
    assert not (out / "index").exists()


def test_progress_line_with_records_rate_and_eta():
    line, share = describe(5, 11, "extract", expected=95_063, scan=Tasks(1, 8), scan_seconds=8.2,
                           scan_finished=False, active=Tasks(1, 8), elapsed=9.5)
    assert line == "stage 5/11 extract — ≈11,883 / 95,063 records, 1,449 rec/s, ETA 0:57 · 0:10 elapsed"
    assert share == 1 / 8
    line, _ = describe(5, 11, "extract", expected=95_063, scan=Tasks(8, 8), scan_seconds=60, scan_finished=True,
                       active=Tasks(1, 4), elapsed=75)
    assert line == "stage 5/11 extract — 95,063 records read, then tasks 1/4 · 1:15 elapsed"


def test_progress_line_without_a_record_count_shows_tasks_only():
    line, share = describe(2, 11, "hostgraph", expected=None, scan=None, scan_seconds=0, scan_finished=False,
                           active=Tasks(3, 8), elapsed=3725)
    assert line == "stage 2/11 hostgraph — tasks 3/8 · 1:02:05 elapsed"
    assert "records" not in line and share == 3 / 8
    assert describe(1, 11, "index", expected=None, scan=None, scan_seconds=0, scan_finished=False, active=None,
                    elapsed=0)[0] == "stage 1/11 index — no Spark job running · 0:00 elapsed"
    assert [clock(s) for s in (0, 52.4, 725, 3723)] == ["0:00", "0:52", "12:05", "1:02:03"]
