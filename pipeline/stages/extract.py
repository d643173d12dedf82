"""Stage ``extract``: main text and language of the selected sites' pages (``pipeline.lib.extraction`` per page).
"""

from __future__ import annotations

from collections import Counter
from functools import partial

from pipeline.core.crawlinput import read_crawl
from pipeline.core.stage import (
    DROP_DETAIL,
    DROP_OFFSET,
    DROP_PATH,
    DROP_REASON,
    Stage,
    StageContext,
    StageDetails,
    Stats,
)
from pipeline.lib.ccindex import selective_frame
from pipeline.lib.datasets import EXTRACT_DOCS, SELECT_HOSTS
from pipeline.lib.extraction import ExtractStageConfig, extract_row
from pipeline.lib.language import ship_model

AUTHORITY_COLUMNS = ("domain", "pagerank", "trustrank", "spam_mass")


class ExtractDetails(StageDetails):
    allowlist_hosts: int = 0
    docs_by_language: dict[str, int] = {}
    zh_script: dict[str, int] = {}
    charset_source: dict[str, int] = {}
    # inputs.cc_index set: what was planned from the URL index and what the ranged reads cost (else empty).
    selective: dict[str, int] = {}


class ExtractStage(Stage):
    name = "extract"
    description = "Main text (trafilatura) and language (fastText lid.176) of the selected sites' pages."
    requires = ("select",)
    # It reads every record of the WARC files the index read.
    input_estimate = ("index", "input")
    writes = (EXTRACT_DOCS,)
    settings = ExtractStageConfig
    Details = ExtractDetails
    config_sections = ("inputs", "reader", "language_id")

    def run(self, ctx: StageContext, stats: Stats) -> None:
        from pyspark.sql import functions as F

        spark = ctx.spark
        settings = ctx.config.stages.extract
        model = ship_model(spark, ctx.config.language_id.model_path)
        selected = ctx.read(SELECT_HOSTS)
        # The allowlist is at most max_sites host names: small enough to give every task a local set.
        allowed = spark.sparkContext.broadcast(frozenset(row["host"] for row in selected.select("host").collect()))
        stats.details["allowlist_hosts"] = len(allowed.value)
        row_maker = partial(extract_row, allowed=allowed, settings=settings, model=model,
                            crawl=ctx.config.crawl)
        counters = None
        if ctx.config.inputs.cc_index:
            # Only the allowlisted hosts' HTML captures, by byte range (pipeline/lib/ccindex.py).
            frame, counters = selective_frame(ctx, stats, EXTRACT_DOCS, row_maker, allowed)
        else:
            frame = read_crawl(ctx, stats, "warc", EXTRACT_DOCS, row_maker)
        authority = F.broadcast(selected.select("host", *AUTHORITY_COLUMNS))
        columns = [*EXTRACT_DOCS.column_names, DROP_REASON, DROP_DETAIL, DROP_PATH, DROP_OFFSET]
        frame = frame.drop(*AUTHORITY_COLUMNS).join(authority, "host", "left").select(*columns)
        ctx.write_accounted(frame, EXTRACT_DOCS, stats)
        if counters is not None:
            stats.details["selective"].update(bytes_read=counters[0].value, range_requests=counters[1].value)
        docs = spark.read.parquet(ctx.dataset_path(EXTRACT_DOCS))
        by_language, zh_script, charset_source = Counter(), Counter(), Counter()
        for row in docs.groupBy("lang", "script", "charset_source").count().collect():  # one pass, small result
            by_language[row["lang"]] += row["count"]
            charset_source[row["charset_source"]] += row["count"]
            if row["lang"] == "zh":
                zh_script[row["script"]] += row["count"]
        stats.details.update(docs_by_language=dict(by_language), zh_script=dict(zh_script),
                             charset_source=dict(charset_source))
