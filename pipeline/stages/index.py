"""Stage ``index``: one row per WARC response record — the lineage index later stages join on.

Like Common Crawl's own CDX index it records where each capture lives (file, offset, compressed
length), so any later output can be traced back to, and re-read from, its exact bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from functools import partial
from urllib.parse import urlsplit

from pipeline.config import S3Config
from pipeline.schemas import INDEX_RECORDS
from pipeline.stage import Stage, StageContext, Stats, accounted_schema
from pipeline.storage import list_inputs, open_input, redact_url
from pipeline.warc import UNREADABLE_FILE, Skip, iter_warc_stream, parse_content_type, parse_http_response


def parse_warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return None


def url_host(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def _skip_row(crawl: str, path: str, offset: int, reason: str, detail: str) -> tuple:
    values = dict.fromkeys(INDEX_RECORDS.column_names)
    values.update(warc_path=path, offset=offset, crawl=crawl)
    return (*values.values(), reason, detail)


def index_rows(
    paths: Iterable[str], *, s3: dict, max_record_bytes: int, record_types: list[str], crawl: str
) -> Iterator[tuple]:
    """Rows for every record of every WARC file in this task; skips carry a drop reason."""
    s3_config = S3Config(**s3)
    wanted = set(record_types)
    for path in paths:
        try:
            with open_input(path, s3_config) as stream:
                for item in iter_warc_stream(stream, path, max_record_bytes):
                    if isinstance(item, Skip):
                        yield _skip_row(crawl, path, item.offset, item.reason, item.detail)
                        continue
                    if item.warc_type not in wanted:
                        yield _skip_row(crawl, path, item.offset, f"warc_type_{item.warc_type or 'missing'}", "")
                        continue
                    url = item.target_uri or ""
                    if not url:
                        yield _skip_row(crawl, path, item.offset, "missing_target_uri", "")
                        continue
                    http = parse_http_response(item.block)
                    mime, charset = parse_content_type(http.header("content-type")) if http else (None, None)
                    yield (
                        url,
                        url_host(url),
                        item.warc_type,
                        http.status if http else None,
                        mime,
                        charset,
                        item.header("warc-payload-digest"),
                        parse_warc_date(item.header("warc-date")),
                        len(item.block),
                        path,
                        item.offset,
                        item.length,
                        crawl,
                        None,
                        None,
                    )
        except Exception as exc:  # a file we cannot open or that fails mid-read: counted, never fatal
            yield _skip_row(crawl, path, -1, UNREADABLE_FILE, f"{redact_url(path)}: {type(exc).__name__}: {exc}"[:500])


class IndexStage(Stage):
    name = "index"
    description = "One row per WARC response record (url, host, status, type, charset, file/offset/length)."
    config_sections = ("inputs", "reader", "stages.index")

    def run(self, ctx: StageContext, stats: Stats) -> None:
        config = ctx.config
        files = list_inputs(config.inputs.warc, config.inputs.base_url, config.storage.s3, config.inputs.max_files)
        stats.details["files"] = len(files)
        read = partial(
            index_rows,
            s3=config.storage.s3.model_dump(),
            max_record_bytes=config.reader.max_record_bytes,
            record_types=config.stages.index.record_types,
            crawl=config.crawl,
        )
        # One task per file, as in cc-pyspark: files are the unit of work and of retry.
        rows = ctx.spark.sparkContext.parallelize(files, len(files)).mapPartitions(read)
        frame = ctx.spark.createDataFrame(rows, accounted_schema(INDEX_RECORDS))
        ctx.write_accounted(frame, INDEX_RECORDS, stats)
