"""The one place a SparkSession is built.

Under ``spark-submit`` the master, executors and memory come from the submit command and are left
alone; run as a plain Python program (the CLI, tests) it starts an embedded ``local[*]`` session.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.core.config import SparkConfig


def running_under_spark_submit() -> bool:
    # spark-submit starts the JVM first and hands its gateway to the Python driver.
    return "PYSPARK_GATEWAY_PORT" in os.environ


def get_spark(config: SparkConfig):
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    builder = SparkSession.builder.appName(config.app_name)
    if not running_under_spark_submit():
        if config.master.startswith("local"):
            # Python workers must run the driver's interpreter (its virtualenv holds the pipeline's packages).
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            if config.local_ip:
                os.environ.setdefault("SPARK_LOCAL_IP", config.local_ip)
        builder = builder.master(config.master).config("spark.driver.memory", config.driver_memory)
        log_config = Path(__file__).resolve().parents[2] / "conf" / "log4j2.properties"
        if log_config.is_file():  # quiet start-up; a cluster keeps its own logging configuration
            java_options = f"-Dlog4j2.configurationFile={log_config.as_uri()}"
            builder = builder.config("spark.driver.extraJavaOptions", java_options)
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
    spark.sparkContext.addFile(path)
    return ShippedFile(path.rsplit("/", 1)[-1], driver_path)
