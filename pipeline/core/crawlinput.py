"""The shared base of every stage that reads crawl files (WARC, WAT or WET), as cc-pyspark's jobs share one.

It lists the input files, gives each file its own Spark task, opens it (local or S3, with retries), iterates its
records, and hands each record to the stage's ``row_maker``. Whatever cannot be read becomes a row with a drop
reason, never an exception out of the task: damaged members and records (reasons from ``pipeline.core.warc``), a file
that cannot be opened (``unreadable_file``), and a record the stage's code fails on (``record_error``, with the
exception in the detail, so a bug shows up in ``stats.json`` instead of killing a release-sized job).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial

from pipeline.core.config import S3Config
from pipeline.core.schemas import Dataset
from pipeline.core.stage import StageContext, Stats, accounted_schema
from pipeline.core.storage import list_inputs, open_input, redact_url
from pipeline.core.warc import UNREADABLE_FILE, Skip, WarcRecord, iter_warc_stream, with_wat_json

RECORD_ERROR = "record_error"
RowMaker = Callable[[WarcRecord], Iterable[tuple]]


def rows_or_drops(items: Iterable, path: str, row_maker: RowMaker, dataset: Dataset) -> Iterator[tuple]:
    """The rows ``row_maker`` makes of each record, a Skip's named drop, or ``record_error`` when making them fails:
    every record of a file (or of a byte range of it) ends as rows or one drop."""
    for item in items:
        if isinstance(item, Skip):
            yield dataset.dropped(item.reason, path, item.offset, item.detail)
            continue
        try:
            rows = list(row_maker(item))
        except Exception as exc:
            yield dataset.dropped(RECORD_ERROR, path, item.offset, f"{type(exc).__name__}: {exc}")
            continue
        yield from rows


def _rows_for_files(
    paths: Iterable[str], *, kind: str, s3: S3Config, max_record_bytes: int, row_maker: RowMaker, dataset: Dataset
) -> Iterator[tuple]:
    s3_config = s3
    for path in paths:
        try:
            with open_input(path, s3_config) as stream:
                items = iter_warc_stream(stream, path, max_record_bytes)
                if kind == "wat":
                    items = with_wat_json(items)
                yield from rows_or_drops(items, path, row_maker, dataset)
        except Exception as exc:  # cannot open, or the stream failed beyond its retries
            yield dataset.dropped(UNREADABLE_FILE, path, -1, f"{redact_url(path)}: {type(exc).__name__}: {exc}")


def read_crawl(ctx: StageContext, stats: Stats, kind: str, dataset: Dataset, row_maker: RowMaker):
    """A DataFrame of ``dataset`` rows plus drop columns, one Spark task per ``kind`` file of the crawl.

    Pass it to ``ctx.write_accounted``. ``row_maker`` runs on the executors: a module-level function (or a
    ``functools.partial`` of one) so it pickles without dragging the stage along.
    """
    if kind not in ("warc", "wat", "wet"):
        raise ValueError(f"kind must be warc, wat or wet, not {kind!r}")
    config = ctx.config
    files = list_inputs(getattr(config.inputs, kind), config.inputs.base_url, config.storage.s3,
                        config.inputs.max_files)
    stats.details[f"{kind}_files"] = len(files)
    read = partial(
        _rows_for_files,
        kind=kind,
        s3=config.storage.s3,
        max_record_bytes=config.reader.max_record_bytes,
        row_maker=row_maker,
        dataset=dataset,
    )
    rows = ctx.spark.sparkContext.parallelize(files, len(files)).mapPartitions(read)
    return ctx.spark.createDataFrame(rows, accounted_schema(dataset))
