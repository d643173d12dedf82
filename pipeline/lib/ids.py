"""Dense ids for the distinct values of a column, in Spark, without a single-partition window."""

from __future__ import annotations


def dense_ids(spark, values, column: str):
    """DataFrame (column, <column>_id): the distinct values with dense ids 0..n-1 in sorted order.

    A range-partitioned sort, then zipWithIndex (which only counts each partition's rows): no single-partition
    window, nothing collected to the driver."""
    partitions = int(spark.conf.get("spark.sql.shuffle.partitions"))
    ordered = values.select(column).distinct().rdd.map(lambda row: row[0]).sortBy(lambda v: v, numPartitions=partitions)
    return spark.createDataFrame(ordered.zipWithIndex(), f"{column} string, {column}_id long")
