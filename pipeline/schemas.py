"""The Parquet datasets stages write, declared once.

A stage writes ``<out>/<stage>/<dataset>/`` with exactly the columns declared here, and every
reader (later stages, the CLI, tests) imports the declaration instead of repeating column names.
Each declaration gives both the Spark schema (for writers) and the Arrow schema (for readers that
do not start Spark).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

_ARROW_TYPES = {
    "string": pa.string(),
    "int32": pa.int32(),
    "int64": pa.int64(),
    "double": pa.float64(),
    "boolean": pa.bool_(),
    "timestamp": pa.timestamp("us", tz="UTC"),
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool
    doc: str


@dataclass(frozen=True)
class Dataset:
    stage: str
    name: str
    columns: tuple[Column, ...]
    doc: str

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def path(self, out_root: str) -> str:
        return f"{out_root.rstrip('/')}/{self.stage}/{self.name}"

    def spark_schema(self):
        from pyspark.sql import types as T

        spark_types = {
            "string": T.StringType(),
            "int32": T.IntegerType(),
            "int64": T.LongType(),
            "double": T.DoubleType(),
            "boolean": T.BooleanType(),
            "timestamp": T.TimestampType(),
        }
        return T.StructType([T.StructField(c.name, spark_types[c.type], c.nullable) for c in self.columns])

    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, _ARROW_TYPES[c.type], c.nullable) for c in self.columns])


INDEX_RECORDS = Dataset(
    stage="index",
    name="records",
    doc="One row per WARC response/revisit record: the lineage index later stages join on.",
    columns=(
        Column("url", "string", False, "WARC-Target-URI"),
        Column("host", "string", True, "Lower-cased host name of the URL (null if the URL has none)"),
        Column("warc_type", "string", False, "WARC-Type (response or revisit)"),
        Column("status", "int32", True, "HTTP status code (null if the block is not an HTTP response)"),
        Column("content_type", "string", True, "MIME type from the HTTP Content-Type header, lower-cased"),
        Column("charset", "string", True, "Charset from the HTTP Content-Type header, if given"),
        Column("payload_digest", "string", True, "WARC-Payload-Digest"),
        Column("fetch_time", "timestamp", True, "WARC-Date"),
        Column("content_length", "int64", False, "Length of the WARC record block in bytes"),
        Column("warc_path", "string", False, "The WARC file holding the record"),
        Column("offset", "int64", False, "Offset of the record's gzip member in the WARC file"),
        Column("length", "int64", False, "Compressed length of that gzip member"),
        Column("crawl", "string", False, "Crawl release id"),
    ),
)

ALL_DATASETS = (INDEX_RECORDS,)
