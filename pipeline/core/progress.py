"""Progress a person can read: which stage of how many, how far through its input, how fast, how long to go.

    stage 5/12 extract — ≈5,373 / 8,060 records, 1,450 rec/s, ETA 0:02 · 0:14 elapsed

Records come from what the stage knows before it runs (``Stage.input_estimate``: an earlier stage's published
count) and the share of finished Spark tasks of the pass that reads the input (the job ``write_accounted`` runs in
the stage's scan job group) — an estimate, hence the ≈. A stage with no such count shows the Spark tasks of what it
is running now ("tasks 3/8"), never invented records.

On a terminal this is a live line with a bar; in a log (Airflow, spark-submit, a pipe) it is a plain log line every
``progress.log_every_seconds``. Consoles that do not write to a terminal are wide and do not wrap, so a log line is
one line.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from dataclasses import dataclass

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn

from pipeline.core.stage import job_group

log = logging.getLogger("corpusforge.progress")

# Width of a console that is not a terminal (a log file, a pipe, Airflow's task log): wide enough that a summary
# table's rows and a progress line stay on one line each. COLUMNS, when set, wins.
PIPED_CONSOLE_WIDTH = 200


def make_console(stderr: bool = False) -> Console:
    """A rich Console for stdout or stderr: the terminal's width on a terminal; otherwise wide and never soft-wrapped
    (rich would wrap at 80 columns, breaking every log line in two)."""
    stream = sys.stderr if stderr else sys.stdout
    if stream.isatty() or os.environ.get("COLUMNS"):
        return Console(stderr=stderr)
    return Console(stderr=stderr, width=PIPED_CONSOLE_WIDTH, soft_wrap=True)


@dataclass(frozen=True)
class Tasks:
    done: int
    total: int


def clock(seconds: float) -> str:
    """0:52, 12:05, 1:02:03."""
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def describe(number: int, total: int, name: str, *, expected: int | None, scan: Tasks | None, scan_seconds: float,
             scan_finished: bool, active: Tasks | None, elapsed: float) -> tuple[str, float | None]:
    """The progress line of a running stage, and the share done (None when unknown), from what is known of it.

    ``expected``: records the stage will read (None: unknown); ``scan``: tasks of its input pass (None: not started);
    ``scan_seconds``: how long the input pass has run; ``active``: tasks of the Spark stages running now."""
    facts = []
    share = None
    if expected is not None and scan is not None and scan.total:
        if scan_finished:
            facts.append(f"{expected:,} records read")
            if active is not None and active.total:
                facts.append(f"then tasks {active.done}/{active.total}")
        else:
            share = scan.done / scan.total
            records = round(expected * share)
            facts.append(f"≈{records:,} / {expected:,} records")
            if records and scan_seconds > 0:
                rate = records / scan_seconds
                facts.append(f"{rate:,.0f} rec/s, ETA {clock((expected - records) / rate)}")
    elif active is not None and active.total:
        share = active.done / active.total
        facts.append(f"tasks {active.done}/{active.total}")
    else:
        facts.append("no Spark job running")  # between jobs, or work on the driver
    return f"stage {number}/{total} {name} — {', '.join(facts)} · {clock(elapsed)} elapsed", share


class RunProgress:
    """Watches Spark's status tracker from a thread while the stages run; ``stage_started`` names the stage."""

    def __init__(self, spark, console: Console, *, total_stages: int, log_every: float, poll_seconds: float):
        self._context = spark.sparkContext
        self._tracker = self._context.statusTracker()
        self._console = console
        self._total = total_stages
        self._log_every = log_every
        self._poll = poll_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="progress", daemon=True)
        self._progress: Progress | None = None
        self._task = None
        self._lock = threading.Lock()
        self._stage: tuple[int, str, int | None, float] | None = None  # number, name, expected records, start
        self._last_logged = 0.0
        self._scan_seen: float | None = None  # when the running stage's input pass was first seen

    def stage_started(self, number: int, name: str, expected: int | None) -> None:
        with self._lock:
            self._stage = (number, name, expected, time.monotonic())
            self._last_logged = time.monotonic()
            self._scan_seen = None

    def stage_finished(self) -> None:
        with self._lock:
            self._stage = None
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, visible=False)

    def __enter__(self) -> RunProgress:
        if self._console.is_terminal:
            self._progress = Progress(TextColumn("{task.description}"), BarColumn(bar_width=30),
                                      TextColumn("{task.fields[facts]}"), console=self._console, transient=True)
            self._task = self._progress.add_task("", total=None, facts="", visible=False)
            self._progress.start()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop watching and take the live line off the terminal (idempotent)."""
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def _tasks_of_stage(self, stage_id: int) -> Tasks | None:
        info = self._tracker.getStageInfo(stage_id)
        return Tasks(info.numCompletedTasks, info.numTasks) if info is not None else None

    def _scan(self, name: str) -> tuple[Tasks | None, float, bool]:
        """Tasks of the stage's input pass, how long it has run, and whether it is over.

        The pass is the Spark stage with the most tasks among the jobs of the stage's scan group (Spark runs a small
        job or two around the one that reads every input partition); it is over once the stage has started a job
        outside that group (write_accounted moves on to writing)."""
        scan_jobs = self._tracker.getJobIdsForGroup(job_group(name, scan=True))
        if not scan_jobs:
            return None, 0.0, False
        # The status tracker gives no start times: the pass is timed from when this thread first sees it.
        self._scan_seen = self._scan_seen or time.monotonic()
        seconds = time.monotonic() - self._scan_seen
        finished = any(job > max(scan_jobs) for job in self._tracker.getJobIdsForGroup(job_group(name)))
        widest = None
        for job_id in sorted(scan_jobs):  # on a tie the earliest: later jobs re-read what it persisted
            job = self._tracker.getJobInfo(job_id)
            for stage_id in job.stageIds if job is not None else ():
                tasks = self._tasks_of_stage(stage_id)
                if tasks is not None and (widest is None or tasks.total > widest.total):
                    widest = tasks
        return widest, seconds, finished

    def _active(self) -> Tasks | None:
        counts = [tasks for sid in self._tracker.getActiveStageIds() if (tasks := self._tasks_of_stage(sid))]
        if not counts:
            return None
        return Tasks(sum(t.done for t in counts), sum(t.total for t in counts))

    def line(self) -> tuple[str, float | None] | None:
        """The current progress line and share done, or None between stages."""
        with self._lock:
            current = self._stage
        if current is None:
            return None
        number, name, expected, started = current
        scan, scan_seconds, scan_finished = self._scan(name) if expected is not None else (None, 0.0, False)
        return describe(number, self._total, name, expected=expected, scan=scan, scan_seconds=scan_seconds,
                        scan_finished=scan_finished, active=self._active(), elapsed=time.monotonic() - started)

    def _loop(self) -> None:
        while not self._stop.wait(self._poll):
            try:
                current = self.line()
            except Exception as exc:  # the JVM is busy or stopping: progress is best effort, the run goes on
                log.debug("progress: %s", exc)
                continue
            if current is None:
                continue
            text, share = current
            if self._progress is not None and self._task is not None:
                description, _, facts = text.partition(" — ")
                self._progress.update(self._task, description=f"[bold]{description}[/]", facts=facts,
                                      total=1.0 if share is not None else None, completed=share or 0, visible=True)
            elif time.monotonic() - self._last_logged >= self._log_every:
                log.info("%s", text)
                self._last_logged = time.monotonic()
