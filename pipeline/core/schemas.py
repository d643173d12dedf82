"""What a dataset is: its stage, name and typed, documented columns; and what an artifact (a file beside them) is.

The declarations themselves live in ``pipeline.lib.datasets``, where the quality-signal columns can come from the
rule registry.
"""

from __future__ import annotations

from dataclasses import dataclass


def _spark_type(name: str):
    from pyspark.sql import types as T

    scalars = {
        "string": T.StringType(),
        "int32": T.IntegerType(),
        "int64": T.LongType(),
        "double": T.DoubleType(),
        "boolean": T.BooleanType(),
        "binary": T.BinaryType(),
        "timestamp": T.TimestampType(),
    }
    if name in scalars:
        return scalars[name]
    if name == "array<string>":
        return T.ArrayType(T.StringType(), containsNull=False)
    if name == "map<string,int64>":
        return T.MapType(T.StringType(), T.LongType(), valueContainsNull=False)
    raise ValueError(f"no Spark type for {name}")


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

    def row(self, **values) -> tuple:
        """A kept row with every column given by name (a missing or unknown name is an error, not a shifted
        column), followed by the empty drop columns of the accounting (``pipeline.core.stage``)."""
        try:
            row = tuple([values.pop(name) for name in self.column_names])
        except KeyError as missing:
            raise ValueError(f"{self.stage}/{self.name}: no value for column {missing}") from None
        if values:
            raise ValueError(f"{self.stage}/{self.name}: no column {', '.join(sorted(values))}")
        return (*row, None, None, None, None)

    def dropped(self, reason: str, path: str, offset: int, detail: str = "") -> tuple:
        """A row that accounts for a dropped record: empty columns, then why (a detail of at most 500 characters)
        and where (file and offset)."""
        return (*([None] * len(self.columns)), reason, detail[:500], path, offset)

    def spark_schema(self):
        from pyspark.sql import types as T

        return T.StructType([T.StructField(c.name, _spark_type(c.type), c.nullable) for c in self.columns])


@dataclass(frozen=True)
class Artifact:
    """A file or folder a stage publishes beside its Parquet datasets (a plan, a manifest, models, an export)."""

    stage: str
    name: str  # path under <out>/<stage>/
    doc: str

    def path(self, out_root: str) -> str:
        return f"{out_root.rstrip('/')}/{self.stage}/{self.name}"
