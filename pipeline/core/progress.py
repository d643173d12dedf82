"""Visible progress while Spark works: task counts of the running Spark stages.

On a terminal it is a live progress bar; in a log (Airflow, spark-submit on a cluster) it is a line
whenever the counts change, at most every ``log_every`` seconds.
"""

from __future__ import annotations

import logging
import threading
import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

log = logging.getLogger("corpusforge.progress")


class SparkProgress:
    def __init__(self, spark, console: Console, label: str, poll_seconds: float = 0.5, log_every: float = 15.0):
        self._tracker = spark.sparkContext.statusTracker()
        self._console = console
        self._label = label
        self._poll = poll_seconds
        self._log_every = log_every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._progress: Progress | None = None
        self._tasks: dict[int, tuple[int, int]] = {}  # spark stage id → (progress task id, total tasks)

    def set_label(self, label: str) -> None:
        """Name the pipeline stage now running (the Spark stages it starts are shown under it)."""
        self._label = label

    def __enter__(self) -> SparkProgress:
        if self._console.is_terminal:
            self._progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("tasks"),
                TimeElapsedColumn(),
                console=self._console,
                transient=True,
            )
            self._progress.start()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        if self._progress:
            self._progress.stop()

    def _snapshot(self) -> list[tuple[int, str, int, int]]:
        rows = []
        for stage_id in self._tracker.getActiveStageIds():
            info = self._tracker.getStageInfo(stage_id)
            if info is not None:
                rows.append((stage_id, info.name, info.numCompletedTasks, info.numTasks))
        return rows

    def _loop(self) -> None:
        last_logged = 0.0
        last_line = ""
        while not self._stop.wait(self._poll):
            try:
                rows = self._snapshot()
            except Exception:  # the JVM may be shutting down; progress is best effort
                return
            if self._progress is not None:
                active = set()
                for stage_id, name, done, total in rows:
                    active.add(stage_id)
                    description = f"[bold]{self._label}[/] spark stage {stage_id} ({name.split(' at ')[0]})"
                    if stage_id not in self._tasks:
                        self._tasks[stage_id] = (self._progress.add_task(description, total=total), total)
                    self._progress.update(self._tasks[stage_id][0], completed=done, total=total)
                for stage_id in [sid for sid in self._tasks if sid not in active]:
                    # A Spark stage that left the active list has finished: drop its bar.
                    self._progress.remove_task(self._tasks.pop(stage_id)[0])
                continue
            line = ", ".join(f"spark stage {sid}: {done}/{total} tasks" for sid, _, done, total in rows)
            now = time.monotonic()
            if line and line != last_line and now - last_logged >= self._log_every:
                log.info("%s: %s", self._label, line)
                last_logged, last_line = now, line
