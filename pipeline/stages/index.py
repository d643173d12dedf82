"""Stage ``index``: one row per WARC response record — the lineage index later stages join on.

Like Common Crawl's own CDX index it records where each capture lives (file, offset, compressed
length, and how those address it: ``archive_format``), so any later output can be traced back to, and
re-read from, its exact bytes. ARC files (2008–2012 crawls) are indexed like WARC files.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from pydantic import Field, field_validator

from pipeline.core.config import Section
from pipeline.core.crawlinput import read_crawl
from pipeline.core.stage import Stage, StageContext, StageDetails, Stats
from pipeline.core.warc import WarcRecord, parse_content_type, parse_http_response, parse_warc_date, type_reason
from pipeline.lib.ccindex import index_frame
from pipeline.lib.datasets import INDEX_RECORDS
from pipeline.lib.hosts import url_host


class IndexStageConfig(Section):
    record_types: list[str] = Field(
        default_factory=lambda: ["response", "revisit"],
        description="WARC-Type values that get an index row; other record types are counted by type",
    )

    @field_validator("record_types")
    @classmethod
    def _not_empty(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("must name at least one WARC-Type")
        return value


def index_row(record: WarcRecord, *, record_types: frozenset[str], crawl: str) -> Iterator[tuple]:
    if record.warc_type not in record_types:
        reason, detail = type_reason("warc_type_", record.warc_type)
        yield INDEX_RECORDS.dropped(reason, record.path, record.offset, detail)
        return
    url = record.target_uri
    if not url:
        yield INDEX_RECORDS.dropped("missing_target_uri", record.path, record.offset)
        return
    http = parse_http_response(record.block)
    mime, charset = parse_content_type(http.header("content-type")) if http else (None, None)
    yield INDEX_RECORDS.row(
        url=url,
        host=url_host(url)[0],
        warc_type=record.warc_type,
        status=http.status if http else None,
        content_type=mime,
        charset=charset,
        payload_digest=record.header("warc-payload-digest"),
        fetch_time=parse_warc_date(record.header("warc-date")),
        content_length=len(record.block),
        warc_path=record.path,
        offset=record.offset,
        length=record.length,
        archive_format=record.archive_format,
        truncated=record.truncated,
        crawl=crawl,
    )


class IndexDetails(StageDetails):
    archive_formats: dict[str, int] = {}  # records by layout: warc.gz, warc, arc, warc.gz/stream, …
    truncated: int = 0  # records the crawler cut short (WARC-Truncated)
    source: str = "warc"  # warc: every WARC file scanned; cc_index: rows of Common Crawl's columnar URL index
    cc_index_files: int = 0


class IndexStage(Stage):
    name = "index"
    description = "Lineage index: one row per WARC response record (url, host, status, charset, file/offset)."
    writes = (INDEX_RECORDS,)
    settings = IndexStageConfig
    Details = IndexDetails
    config_sections = ("inputs", "reader")

    def run(self, ctx: StageContext, stats: Stats) -> None:
        record_types = frozenset(ctx.config.stages.index.record_types)
        if ctx.config.inputs.cc_index:
            # The URL index already holds every capture's lineage: no WARC byte is read (content_length is -1).
            frame = index_frame(ctx, stats, INDEX_RECORDS, record_types)
        else:
            stats.details["source"] = "warc"
            row_maker = partial(index_row, record_types=record_types, crawl=ctx.config.crawl)
            frame = read_crawl(ctx, stats, "warc", INDEX_RECORDS, row_maker)
        ctx.write_accounted(frame, INDEX_RECORDS, stats)
        records = ctx.spark.read.parquet(ctx.dataset_path(INDEX_RECORDS))
        # Which layouts the release came in (warc.gz, warc, arc, …/stream) and how many pages were cut short.
        by_format = records.groupBy("archive_format", records["truncated"].isNotNull().alias("cut")).count().collect()
        stats.details["archive_formats"] = {}
        stats.details["truncated"] = 0
        for row in by_format:
            stats.details["archive_formats"][row["archive_format"]] = (
                stats.details["archive_formats"].get(row["archive_format"], 0) + row["count"])
            stats.details["truncated"] += row["count"] if row["cut"] else 0
