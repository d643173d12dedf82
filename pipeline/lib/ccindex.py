"""Selective fetch: plan reads from Common Crawl's columnar URL index instead of scanning every WARC file.

Common Crawl publishes one Parquet row per capture (``cc-index/table/cc-main/warc/crawl=…/subset=warc/``) with the
WARC file, offset and length of its gzip member. With ``inputs.cc_index`` set:

- ``index`` builds ``index/records`` from those rows (:func:`index_frame`), reading no WARC byte;
- ``extract`` plans its reads (:func:`selective_frame`): the captures of allowlisted hosts with fetch_status 200 and
  an HTML MIME type (and, when ``inputs.fetch.languages`` is set, one of those languages), grouped by WARC file,
  sorted by offset, neighbouring ranges merged (``max_gap_bytes``, ``max_batch_bytes``), then fetched by ranged
  reads (S3 Range GETs with the retries of ``pipeline.core.storage``; seeks locally), one Spark task per WARC file.
  Each range is a complete gzip member, parsed by the same reader as a full scan, so every skip reason of the reader
  and of the stage still applies; a range that cannot be read is a counted skip (``unreadable_range``), never a crash.

The index is read with pyarrow (column projection, row groups streamed), one Spark task per index file, so S3 needs
no Hadoop connector and a release's ~300 index files are read in parallel.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Iterator
from functools import partial

from pipeline.core.config import BaseConfig, ConfigError, FetchConfig, S3Config
from pipeline.core.crawlinput import rows_or_drops
from pipeline.core.schemas import Dataset
from pipeline.core.stage import StageContext, Stats, accounted_schema
from pipeline.core.storage import arrow_filesystem, join_url, list_inputs, read_range, redact_url
from pipeline.core.warc import WarcRecord, iter_records
from pipeline.lib.extraction import HTML_TYPES
from pipeline.lib.hosts import normalize_host, reverse_host, url_host

UNREADABLE_RANGE = "unreadable_range"  # the ranged read failed beyond its retries
EMPTY_RANGE = "empty_range"  # the range lies past the end of the file (the index and the file disagree)
UNREADABLE_INDEX_FILE = "unreadable_index_file"  # a Parquet file of the URL index that cannot be read
NOT_IN_LISTING = "not_in_listing"  # an index row of a WARC file that inputs.warc does not list (max_files)

# Common Crawl's cc-index table (commoncrawl/cc-index-table, schema cc-index-schema-flat.json): the columns the
# sample crawl writes and the pipeline reads, with CC's own types. ``crawl`` and ``subset`` are partition folders.
CC_INDEX_COLUMNS: tuple[tuple[str, str], ...] = (
    ("url_surtkey", "string"),
    ("url", "string"),
    ("url_host_name", "string"),
    ("url_host_tld", "string"),
    ("url_host_registered_domain", "string"),
    ("url_host_name_reversed", "string"),
    ("url_protocol", "string"),
    ("url_port", "int32"),
    ("url_path", "string"),
    ("url_query", "string"),
    ("fetch_time", "timestamp"),
    ("fetch_status", "int16"),
    ("fetch_redirect", "string"),
    ("content_digest", "string"),
    ("content_mime_type", "string"),
    ("content_mime_detected", "string"),
    ("content_charset", "string"),
    ("content_languages", "string"),
    ("content_truncated", "string"),
    ("warc_filename", "string"),
    ("warc_record_offset", "int32"),
    ("warc_record_length", "int32"),
    ("warc_segment", "string"),
)


def arrow_schema():
    import pyarrow as pa

    types = {"string": pa.string(), "int16": pa.int16(), "int32": pa.int32(),
             "timestamp": pa.timestamp("us", tz="UTC")}
    return pa.schema([pa.field(name, types[kind]) for name, kind in CC_INDEX_COLUMNS])


def index_files(config: BaseConfig) -> list[str]:
    """The Parquet files of ``inputs.cc_index``: a file, a glob, or a folder (its ``*.parquet`` files)."""
    spec = config.inputs.cc_index
    if not spec.endswith(".parquet") and not any(ch in spec for ch in "*?["):
        spec = spec.rstrip("/") + "/*.parquet"
    try:
        return list_inputs(spec, config.inputs.base_url, config.storage.s3)
    except FileNotFoundError as exc:
        raise ConfigError(f"inputs.cc_index: {exc} (point it at a release's cc-index/table/cc-main/warc/"
                          "crawl=CC-MAIN-…/subset=warc/ or set it to null for a full scan)") from None


def _batches(url: str, s3: S3Config, columns: list[str]):
    import pyarrow.parquet as pq

    filesystem, path = arrow_filesystem(url, s3)
    with filesystem.open_input_file(path) as handle:
        # Row groups streamed: a release's index file is ~1 GB and a task holds one batch at a time.
        yield from pq.ParquetFile(handle).iter_batches(batch_size=65536, columns=columns)


# ---- index: index/records from the URL index --------------------------------------------------------------------
INDEX_COLUMNS = ["url", "fetch_time", "fetch_status", "content_digest", "content_mime_type", "content_charset",
                 "content_truncated", "warc_filename", "warc_record_offset", "warc_record_length"]


def _index_rows(paths: Iterable[str], *, s3: S3Config, base_url: str, listed, record_types: frozenset[str],
                crawl: str, dataset: Dataset) -> Iterator[tuple]:
    for path in paths:
        try:
            for batch in _batches(path, s3, INDEX_COLUMNS):
                for row in batch.to_pylist():
                    yield _index_row(row, base_url=base_url, listed=listed.value, record_types=record_types,
                                     crawl=crawl, dataset=dataset)
        except Exception as exc:
            yield dataset.dropped(UNREADABLE_INDEX_FILE, path, -1, f"{redact_url(path)}: {type(exc).__name__}: {exc}")


def _index_row(row: dict, *, base_url: str, listed: frozenset[str], record_types: frozenset[str], crawl: str,
               dataset: Dataset) -> tuple:
    warc_path = join_url(base_url, row["warc_filename"] or "")
    offset = row["warc_record_offset"]
    if warc_path not in listed:
        return dataset.dropped(NOT_IN_LISTING, warc_path, offset if offset is not None else -1)
    # Common Crawl indexes revisit records with the MIME type warc/revisit; everything else is a response.
    warc_type = "revisit" if row["content_mime_type"] == "warc/revisit" else "response"
    if warc_type not in record_types:
        return dataset.dropped(f"warc_type_{warc_type}", warc_path, offset)
    if not row["url"]:
        return dataset.dropped("missing_target_uri", warc_path, offset)
    digest = row["content_digest"]
    return dataset.row(
        url=row["url"],
        host=url_host(row["url"])[0],
        warc_type=warc_type,
        status=row["fetch_status"],
        content_type=(row["content_mime_type"] or "").lower() or None,
        # Common Crawl's content_charset is the detected charset, not the header's: the closest it records.
        charset=row["content_charset"],
        payload_digest=(digest if digest is None or ":" in digest else f"sha1:{digest}"),
        fetch_time=row["fetch_time"],  # timezone-aware UTC, as parse_warc_date gives it
        content_length=-1,  # the URL index does not record the block length
        warc_path=warc_path,
        offset=offset,
        length=row["warc_record_length"],
        archive_format="warc.gz",
        truncated=row["content_truncated"],
        crawl=crawl,
    )


def index_frame(ctx: StageContext, stats: Stats, dataset: Dataset, record_types: frozenset[str]):
    """index/records rows (plus drop columns) from the URL index, one Spark task per index file."""
    config = ctx.config
    files = index_files(config)
    warc_files = list_inputs(config.inputs.warc, config.inputs.base_url, config.storage.s3, config.inputs.max_files)
    stats.details.update(source="cc_index", cc_index_files=len(files), warc_files=len(warc_files))
    listed = ctx.spark.sparkContext.broadcast(frozenset(warc_files))
    read = partial(_index_rows, s3=config.storage.s3, base_url=config.inputs.base_url, listed=listed,
                   record_types=record_types, crawl=config.crawl, dataset=dataset)
    rows = ctx.spark.sparkContext.parallelize(files, len(files)).mapPartitions(read)
    return ctx.spark.createDataFrame(rows, accounted_schema(dataset))


# ---- extract: plan, coalesce, fetch -----------------------------------------------------------------------------
PLAN_COLUMNS = ["url_host_name", "fetch_status", "content_mime_type", "content_mime_detected", "content_languages",
                "warc_filename", "warc_record_offset", "warc_record_length"]


def _plan(paths: Iterable[str], *, s3: S3Config, base_url: str, listed, allowed,
          languages: tuple[str, ...] | None) -> Iterator[tuple]:
    """(warc_path, offset, length, problem) of every capture to fetch; problem names an unreadable index file."""
    import pyarrow as pa
    import pyarrow.compute as pc

    html = pa.array(sorted(HTML_TYPES))
    language_pattern = "(^|,)(" + "|".join(map(re.escape, languages)) + ")(,|$)" if languages else None
    host_verdict: dict[str, bool] = {}  # host names repeat across a file's rows: normalize each once
    for path in paths:
        try:
            for batch in _batches(path, s3, PLAN_COLUMNS):
                # Vectorised first: status and type drop most rows before any Python per row.
                mask = pc.and_(pc.equal(batch["fetch_status"], 200),
                               pc.or_(pc.is_in(pc.utf8_lower(batch["content_mime_type"]), html),
                                      pc.is_in(pc.utf8_lower(batch["content_mime_detected"]), html)))
                if language_pattern:
                    languages_column = batch["content_languages"]
                    mask = pc.and_(mask, pc.or_(pc.is_null(languages_column),
                                                pc.match_substring_regex(languages_column, language_pattern)))
                kept = batch.filter(pc.fill_null(mask, False))
                if not kept.num_rows:
                    continue
                names = kept["url_host_name"].to_pylist()
                for name in set(names):
                    if name not in host_verdict:
                        host = normalize_host(name or "")[0]
                        host_verdict[name] = host is not None and reverse_host(host) in allowed.value
                chosen = kept.filter(pa.array([host_verdict[name] for name in names]))
                for file, offset, length in zip(chosen["warc_filename"].to_pylist(),
                                                chosen["warc_record_offset"].to_pylist(),
                                                chosen["warc_record_length"].to_pylist(), strict=True):
                    warc_path = join_url(base_url, file)
                    if warc_path in listed.value:
                        yield warc_path, offset, length, None
        except Exception as exc:
            yield path, -1, 0, f"{redact_url(path)}: {type(exc).__name__}: {exc}"


def coalesce(ranges: list[tuple[int, int]], fetch: FetchConfig) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Sorted (offset, length) ranges merged into reads (start, end, members): a gap of at most ``max_gap_bytes``
    is read through, and no read spans more than ``max_batch_bytes`` (a single larger record is read alone)."""
    reads: list[tuple[int, int, list[tuple[int, int]]]] = []
    for offset, length in sorted(set(ranges)):
        end = offset + length
        if reads:
            start, last_end, members = reads[-1]
            if offset - last_end <= fetch.max_gap_bytes and max(end, last_end) - start <= fetch.max_batch_bytes:
                members.append((offset, length))
                reads[-1] = (start, max(end, last_end), members)
                continue
        reads.append((offset, end, [(offset, length)]))
    return reads


def _fetch_rows(groups: Iterable, *, s3: S3Config, fetch: FetchConfig, max_record_bytes: int,
                row_maker: Callable[[WarcRecord], Iterable[tuple]], dataset: Dataset, bytes_read, requests
                ) -> Iterator[tuple]:
    for group in groups:
        path = group["warc_path"]
        for start, end, members in coalesce([(r["offset"], r["length"]) for r in group["ranges"]], fetch):
            try:
                data = read_range(path, start, end - start, s3)
            except Exception as exc:  # beyond the retries: every record of the read is a counted skip
                detail = f"bytes {start}-{end - 1}: {type(exc).__name__}: {exc}"[:300]
                for offset, _ in members:
                    yield dataset.dropped(UNREADABLE_RANGE, path, offset, detail)
                continue
            bytes_read.add(len(data))
            requests.add(1)
            for offset, length in members:
                yield from _member_rows(data[offset - start: offset - start + length], path, offset, length,
                                        max_record_bytes, row_maker, dataset)


def _member_rows(piece: bytes, path: str, offset: int, length: int, max_record_bytes: int,
                 row_maker: Callable[[WarcRecord], Iterable[tuple]], dataset: Dataset) -> Iterator[tuple]:
    if not piece:
        yield dataset.dropped(EMPTY_RANGE, path, offset, f"{length} bytes at {offset}: past the end of the file")
        return
    # The same reader as a full scan: a damaged member is corrupt_gzip / truncated_gzip here too. Its offsets are
    # relative to the piece, so they are moved to the file's.
    yield from rows_or_drops(_moved(iter_records(io.BytesIO(piece), path, max_record_bytes), offset), path,
                             row_maker, dataset)


def _moved(items: Iterable, offset: int) -> Iterator:
    for item in items:
        item.offset += offset
        yield item


def selective_frame(ctx: StageContext, stats: Stats, dataset: Dataset, row_maker, allowed):
    """Rows of ``dataset`` (plus drop columns) for the planned captures only: pass it to ``ctx.write_accounted``.

    ``allowed`` is the broadcast allowlist (reversed host names) the row maker checks too.
    """
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    config = ctx.config
    spark = ctx.spark
    files = index_files(config)
    warc_files = list_inputs(config.inputs.warc, config.inputs.base_url, config.storage.s3, config.inputs.max_files)
    listed = spark.sparkContext.broadcast(frozenset(warc_files))
    fetch = config.inputs.fetch
    plan = partial(_plan, s3=config.storage.s3, base_url=config.inputs.base_url, listed=listed, allowed=allowed,
                   languages=tuple(fetch.languages) if fetch.languages else None)
    plan_schema = T.StructType([T.StructField("warc_path", T.StringType()), T.StructField("offset", T.LongType()),
                                T.StructField("length", T.LongType()), T.StructField("problem", T.StringType())])
    planned = spark.createDataFrame(
        spark.sparkContext.parallelize(files, len(files)).mapPartitions(plan), plan_schema).cache()
    try:
        problems = planned.where(F.col("problem").isNotNull()).collect()
        groups = (planned.where(F.col("problem").isNull())
                  .groupBy("warc_path")
                  .agg(F.collect_list(F.struct("offset", "length")).alias("ranges"),
                       F.count(F.lit(1)).alias("records"), F.sum("length").alias("bytes"))
                  .collect())
    finally:
        planned.unpersist()
    # The plan is one row per WARC file (~90,000 on a release), each with its ranges: small enough for the driver,
    # and it lets every file have its own task.
    stats.details["selective"] = {
        "cc_index_files": len(files), "warc_files_listed": len(warc_files), "warc_files_planned": len(groups),
        "records_planned": sum(group["records"] for group in groups),
        "record_bytes_planned": int(sum(group["bytes"] for group in groups)),
    }
    bytes_read = spark.sparkContext.accumulator(0)
    requests = spark.sparkContext.accumulator(0)
    fetch_rows = partial(_fetch_rows, s3=config.storage.s3, fetch=fetch,
                         max_record_bytes=config.reader.max_record_bytes, row_maker=row_maker, dataset=dataset,
                         bytes_read=bytes_read, requests=requests)
    payload = [{"warc_path": g["warc_path"], "ranges": [r.asDict() for r in g["ranges"]]} for g in groups]
    rows = spark.sparkContext.parallelize(payload, max(1, len(payload))).mapPartitions(fetch_rows)
    failed = [dataset.dropped(UNREADABLE_INDEX_FILE, row["warc_path"], -1, row["problem"]) for row in problems]
    if failed:
        rows = rows.union(spark.sparkContext.parallelize(failed, 1))
    frame = spark.createDataFrame(rows, accounted_schema(dataset))
    return frame, (bytes_read, requests)
