"""Ctrl-C and SIGTERM: stop Spark in order, say one line, exit 130 or 143.

Without this a Ctrl-C lands in the middle of a py4j call, the driver unwinds with a py4j traceback while the JVM
keeps running tasks that then fail one by one, each with a Java stack trace. Here the signal becomes
:class:`Interrupted` (a BaseException, like KeyboardInterrupt, so no ``except Exception`` in a stage swallows it);
the stage contract (``run_stage``) cancels the stage's Spark jobs before it removes its unpublished work folder, and
the entry point (``corpusforge run``, ``jobs/stage.py``) stops the SparkContext quietly and exits with the shell's
code for the signal. Nothing half-done is ever published: a stage is published by a rename only once complete, so
rerunning the same command resumes at the interrupted stage.
"""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

log = logging.getLogger(__name__)

HANDLED_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """The run was stopped by a signal; ``exit_code`` is the shell's convention, 128 + the signal's number."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def message(stage: str | None) -> str:
    """The one line printed when a run is interrupted."""
    where = f"during `{stage}`" if stage else "before any stage started"
    return f"interrupted {where}; rerun the same command to resume"


@contextmanager
def signals_raise_interrupted() -> Iterator[Callable[[], None]]:
    """Within the block, SIGINT and SIGTERM raise :class:`Interrupted` in the main thread.

    Yields ``rearm``, to be called once the SparkContext exists: PySpark installs its own SIGINT handler when the
    context starts (it cancels the jobs and raises KeyboardInterrupt), which would replace this one.

    A second signal while the first is being handled (Spark stopping can take a few seconds) ends the process at
    once with the same exit code: the person pressing Ctrl-C twice wants out, and an unpublished stage is redone on
    the next run either way.
    """
    received: list[int] = []

    def handler(signum, frame):
        if received:
            os._exit(128 + received[0])
        received.append(signum)
        raise Interrupted(signum)

    previous = {signum: signal.signal(signum, handler) for signum in HANDLED_SIGNALS}

    def rearm() -> None:
        for signum in HANDLED_SIGNALS:
            signal.signal(signum, handler)

    try:
        yield rearm
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def quiet_shutdown_logs() -> None:
    """Silence what would follow a stop on purpose: py4j's logs of the broken call it was in the middle of."""
    logging.getLogger("py4j").setLevel(logging.CRITICAL + 1)


def cancel_spark_jobs(spark, group: str | None = None) -> None:
    """Cancel the running Spark jobs (of ``group``, else all) with the JVM's console logging off: a cancelled task
    is logged as lost with a stack trace, which is noise when the stop is on purpose. Best effort — the JVM may
    already be gone (a SIGTERM sent to the whole process group reaches it too)."""
    quiet_shutdown_logs()
    try:
        context = spark.sparkContext
        context.setLogLevel("OFF")
        if group:
            context.cancelJobGroup(group)
        else:
            context.cancelAllJobs()
    except Exception as exc:  # nothing more can be done for a JVM that is not there
        log.debug("cancelling Spark jobs after an interrupt failed: %s", exc)


def stop_spark(spark) -> None:
    """Cancel every job and stop the SparkContext, quietly and best effort (see cancel_spark_jobs)."""
    if spark is None:
        return
    cancel_spark_jobs(spark)
    try:
        spark.stop()
    except Exception as exc:
        log.debug("stopping Spark after an interrupt failed: %s", exc)
