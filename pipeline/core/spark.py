"""The one place a SparkSession is built.

Under ``spark-submit`` the master, executors and memory come from the submit command and are left
alone; run as a plain Python program (the CLI, tests) it starts an embedded ``local[*]`` session.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from pipeline.core.config import SparkConfig


def running_under_spark_submit() -> bool:
    # spark-submit starts the JVM first and hands its gateway to the Python driver.
    return "PYSPARK_GATEWAY_PORT" in os.environ


# What the JVM prints on every start that says nothing about the run: Spark 4's launcher always adds the vector
# API's incubator module, and the JVM announces it on stderr (no flag turns it off). Dropped line by line.
JVM_NOISE = ("WARNING: Using incubator modules: jdk.incubator.vector",)


def _forward_jvm_stderr(stream) -> None:
    """Copy the JVM's stderr to ours, without JVM_NOISE. Written through ``sys.stderr`` as it is at each line, so
    a live progress display (which redirects sys.stderr) prints Spark's warnings above itself instead of being torn."""
    for raw in iter(stream.readline, b""):
        line = raw.decode("utf-8", "replace")
        if line.rstrip("\r\n") in JVM_NOISE:
            continue
        try:
            sys.stderr.write(line)
            sys.stderr.flush()
        except (OSError, ValueError):  # our stderr is gone (the process is exiting): nothing left to show it on
            return


def _launch_jvm(settings: dict[str, str]) -> None:
    """Start Spark's JVM in its own process group, before the session, with every setting it needs at launch.

    A Ctrl-C at the terminal goes to the whole foreground process group. PySpark keeps the JVM itself from acting on
    it, but not the Python workers the JVM forks (they restore the default handler), which die printing tracebacks
    while the JVM logs each lost task: hundreds of lines. In its own group only the driver hears the signal, and
    pipeline.core.interrupt stops Spark in order. The JVM still exits with the driver: it ends when its stdin (a pipe
    from this process) closes, even after a SIGKILL.
    """
    from pyspark import SparkConf, SparkContext
    from pyspark.java_gateway import launch_gateway

    if SparkContext._gateway is not None:  # a JVM is already up (a stopped session is being restarted)
        return
    conf = SparkConf(loadDefaults=False).setAll(list(settings.items()))
    gateway = launch_gateway(conf, popen_kwargs={"process_group": 0, "stderr": subprocess.PIPE})
    process = getattr(gateway, "proc", None)
    if process is not None and process.stderr is not None:
        threading.Thread(target=_forward_jvm_stderr, args=(process.stderr,), name="jvm-stderr", daemon=True).start()
    # PySpark's own hook for a gateway started by the caller (SparkContext(gateway=...)); the session builder has no
    # parameter for it, so the class attributes that SparkContext._ensure_initialized reads are set here.
    SparkContext._gateway = gateway
    SparkContext._jvm = gateway.jvm


def get_spark(config: SparkConfig):
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    builder = SparkSession.builder.appName(config.app_name)
    launch: dict[str, str] = {"spark.app.name": config.app_name}
    if not running_under_spark_submit():
        if config.master.startswith("local"):
            # Python workers must run the driver's interpreter (its virtualenv holds the pipeline's packages).
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            if config.local_ip:
                os.environ.setdefault("SPARK_LOCAL_IP", config.local_ip)
        builder = builder.master(config.master).config("spark.driver.memory", config.driver_memory)
        launch.update({"spark.master": config.master, "spark.driver.memory": config.driver_memory})
        log_config = Path(__file__).resolve().parents[2] / "conf" / "log4j2.properties"
        if log_config.is_file():  # quiet start-up; a cluster keeps its own logging configuration
            java_options = f"-Dlog4j2.configurationFile={log_config.as_uri()}"
            builder = builder.config("spark.driver.extraJavaOptions", java_options)
            launch["spark.driver.extraJavaOptions"] = java_options
    settings = {
        "spark.sql.shuffle.partitions": str(config.shuffle_partitions),
        "spark.ui.enabled": str(config.ui_enabled).lower(),
        "spark.sql.session.timeZone": "UTC",
        # Stage outputs are published by renaming a finished temporary folder; Spark's own
        # _SUCCESS marker would be written before our stats and is not the one readers check.
        "spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs": "false",
        "spark.sql.parquet.compression.codec": "zstd",
        # corpusforge draws its own progress (pipeline.core.progress); Spark's bar would interleave with it.
        "spark.ui.showConsoleProgress": "false",
        "spark.python.worker.faulthandler.enabled": "true",
        **config.conf,
    }
    for key, value in settings.items():
        builder = builder.config(key, value)
    if not running_under_spark_submit():
        _launch_jvm({**launch, **settings})
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


@dataclass(frozen=True)
class ShippedFile:
    """A file (a model) sent to every executor with ``SparkContext.addFile``: its name there, its driver path."""

    name: str
    driver_path: str

    def local_path(self) -> str:
        """Where the file is on this process: the executor's shipped copy, or the driver's path in local mode."""
        return _local_copy(self.name, self.driver_path)


@lru_cache(maxsize=32)
def _local_copy(name: str, driver_path: str) -> str:
    try:
        from pyspark import SparkFiles

        shipped = SparkFiles.get(name)
        if os.path.exists(shipped):
            return shipped
    except Exception:  # no SparkContext on this process: use the path as given
        pass
    return driver_path


def ship_file(spark, path: str) -> ShippedFile:
    """Send a file to every executor (once per Spark application; a model is read there from local disk)."""
    driver_path = path.removeprefix("file:")
    # Several stages ship the same model into one application; adding it twice only makes Spark warn.
    # Spark keys local files by their canonical file: URI (symlinks resolved).
    shipped = {urlparse(entry).path if entry.startswith("file:") else entry for entry in spark.sparkContext.listFiles}
    name = path.rsplit("/", 1)[-1]
    if os.path.realpath(driver_path) in shipped or path in shipped:
        return ShippedFile(name, driver_path)
    taken = {entry.rsplit("/", 1)[-1] for entry in shipped}
    if name in taken and os.path.isfile(driver_path):
        # Another file of this name is in the application already (`corpusforge ablate` builds several recipes in
        # one Spark session, each with its own models) and Spark refuses a second one: this file travels as a copy
        # named after its contents' digest.
        import hashlib
        import shutil
        import tempfile

        with open(driver_path, "rb") as handle:
            name = f"{hashlib.file_digest(handle, 'sha256').hexdigest()[:16]}-{name}"
        if name not in taken:
            copy = os.path.join(tempfile.mkdtemp(prefix="corpusforge-ship-"), name)
            shutil.copyfile(driver_path, copy)
            spark.sparkContext.addFile(copy)
        return ShippedFile(name, driver_path)
    spark.sparkContext.addFile(path)
    return ShippedFile(name, driver_path)
