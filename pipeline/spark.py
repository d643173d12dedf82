"""The one place a SparkSession is built.

Under ``spark-submit`` the master, executors and memory come from the submit command and are left
alone; run as a plain Python program (the CLI, tests) it starts an embedded ``local[*]`` session.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pipeline.config import SparkConfig


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
        log_config = Path(__file__).resolve().parents[1] / "conf" / "log4j2.properties"
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
        # corpusforge draws its own progress (pipeline.progress); Spark's bar would interleave with it.
        "spark.ui.showConsoleProgress": "false",
        "spark.python.worker.faulthandler.enabled": "true",
        **config.conf,
    }
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark
