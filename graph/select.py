"""Stage ``select``: the allowlist — at most ``max_sites`` crawled hosts, best authority first, spam excluded,
with per-language quotas so scarce languages keep their best sites even where their global rank is lower.

Order of decisions, each counted:
1. spam: PageRank at least ``spam_min_relative_pagerank`` × the average and spam mass ≥ ``max_spam_mass``;
2. quotas: for each language with a quota (its own in ``quotas``, else ``default_quota``, which every language
   found among the hosts gets: the tail of the world's languages keeps its best sites), its best eligible hosts up
   to max(min_count, min_share × K), where K = min(max_sites, eligible hosts) — a host's language counts only
   when its confidence is high enough;
3. the remaining places go to the best remaining hosts by the ordering score.
A quota host that would have made the list on authority alone is recorded as ``authority``.
"""

from __future__ import annotations

import math
from typing import Any, Literal

from pydantic import Field

from pipeline.core.config import Section
from pipeline.core.stage import Stage, StageContext, StageDetails, StageError, Stats
from pipeline.lib.datasets import RANK_HOSTS, SELECT_HOSTS, SELECT_REJECTED


class LanguageQuota(Section):
    min_share: float = Field(default=0.0, ge=0, le=1, description="Minimum share of the allowlist")
    min_count: int = Field(default=0, ge=0, description="Minimum number of sites")


class SelectStageConfig(Section):
    max_sites: int = Field(default=1_000_000, ge=1)
    order_by: Literal["pagerank", "trustrank", "harmonic"] = Field(
        default="pagerank", description="Ordering score; harmonic needs stages.rank.harmonic.enabled")
    max_spam_mass: float = Field(
        default=0.98, le=1, description="Hosts with more of their PageRank from untrusted links are spam"
    )
    spam_min_relative_pagerank: float = Field(
        default=1.0, ge=0,
        description="Spam mass is judged only for hosts with PageRank ≥ this × the average (1/n)",
    )
    min_language_confidence: float = Field(default=0.5, ge=0, le=1)
    quotas: dict[str, LanguageQuota] = Field(default_factory=dict, description="Per-language minimum of sites")
    default_quota: LanguageQuota = Field(
        default_factory=LanguageQuota,
        description="The minimum of every other language found among the hosts (not und): the tail of the world's "
                    "languages keeps its best sites, e.g. {min_count: 200} reserves 200 sites a language")


UNDETERMINED = "und"


def with_rank(spark, frame, score: str):
    """Add ``rank`` (1 = highest score, ties by host) with a range-partitioned sort, not a global window."""
    from pyspark.sql import types as T

    partitions = int(spark.conf.get("spark.sql.shuffle.partitions"))
    ordered = frame.rdd.sortBy(lambda row: (-row[score], row["host"]), numPartitions=partitions)
    ranked = ordered.zipWithIndex().map(lambda pair: (*pair[0], pair[1] + 1))
    # A new schema: DataFrame.schema is cached, and StructType.add would change it in place.
    schema = T.StructType([*frame.schema.fields, T.StructField("rank", T.LongType(), False)])
    return spark.createDataFrame(ranked, schema)


class SelectDetails(StageDetails):
    places: int = 0
    max_sites: int = 0
    eligible: int = 0
    total_hosts: int = 0
    quotas: dict[str, dict[str, Any]] = {}  # per language: wanted, available, reserved, selected, met
    selected_by_language: dict[str, int] = {}
    selected_by_reason: dict[str, int] = {}


class SelectStage(Stage):
    name = "select"
    description = "Allowlist of at most 1M quality sites, with per-language quotas for scarce languages."
    requires = ("rank",)
    writes = (SELECT_HOSTS, SELECT_REJECTED)
    settings = SelectStageConfig
    Details = SelectDetails

    def run(self, ctx: StageContext, stats: Stats) -> None:
        from pyspark.sql import functions as F

        settings = ctx.config.stages.select
        spark = ctx.spark
        ranked_hosts = ctx.read(RANK_HOSTS)
        total_hosts = ranked_hosts.count()
        # Checked here, not in the config: rank may have run earlier with harmonic centrality off.
        if (settings.order_by == "harmonic" and total_hosts
                and not ranked_hosts.where(F.col("harmonic").isNotNull()).limit(1).count()):
            raise StageError("stages.select.order_by is harmonic but rank/hosts has no harmonic centrality: "
                             "set stages.rank.harmonic.enabled and re-run rank")
        candidates = ranked_hosts.where(F.col("pages_crawled") > 0).withColumn(
            "quota_language",
            F.when(F.col("language_confidence") >= settings.min_language_confidence, F.col("language")).otherwise(
                F.lit(UNDETERMINED)
            ),
        )
        is_spam = (F.col("pagerank") * total_hosts >= settings.spam_min_relative_pagerank) & (
            F.col("spam_mass") >= settings.max_spam_mass
        )
        candidates = candidates.withColumn("is_spam", is_spam).cache()
        eligible = with_rank(spark, candidates.where(~F.col("is_spam")), settings.order_by).cache()
        eligible_count = eligible.count()
        places = min(settings.max_sites, eligible_count)

        available = {row["quota_language"]: row["count"]
                     for row in eligible.groupBy("quota_language").count().collect()}
        targets = {}
        default = settings.default_quota
        quotas = dict(settings.quotas)
        if default.min_count or default.min_share:
            quotas.update({language: default for language in sorted(available)
                           if language not in quotas and language != UNDETERMINED})
        for language, quota in quotas.items():
            wanted = max(quota.min_count, math.ceil(quota.min_share * places))
            targets[language] = {"wanted": wanted, "available": available.get(language, 0),
                                 "reserved": min(wanted, available.get(language, 0), places)}
        quota_rows = [(language, target["reserved"]) for language, target in targets.items() if target["reserved"]]
        reserved = eligible.limit(0).withColumn("why_selected", F.lit(""))
        if quota_rows:
            limits = spark.createDataFrame(quota_rows, "quota_language string, reserved long")
            from pyspark.sql import Window

            best_first = Window.partitionBy("quota_language").orderBy("rank")
            reserved = (
                eligible.join(F.broadcast(limits), "quota_language")
                .withColumn("language_rank", F.row_number().over(best_first))
                .where(F.col("language_rank") <= F.col("reserved"))
                .drop("language_rank", "reserved")
                .withColumn("why_selected", F.when(F.col("rank") <= places, F.lit("authority")).otherwise(
                    F.concat(F.lit("quota:"), F.col("quota_language"))))
            )
        reserved = reserved.cache()
        reserved_count = reserved.count()
        # Reservations can exceed the places only if quotas ask for more than max_sites in total.
        remaining = max(0, places - reserved_count)
        rest = eligible.join(reserved.select("host"), "host", "left_anti")
        fill = (
            with_rank(spark, rest.drop("rank"), settings.order_by)
            .withColumnRenamed("rank", "fill_rank")
            .where(F.col("fill_rank") <= remaining)
            .drop("fill_rank")
            .join(eligible.select("host", "rank"), "host")
            .withColumn("why_selected", F.lit("authority"))
        )
        selected = reserved.unionByName(fill.select(*reserved.columns))
        selected.select(*SELECT_HOSTS.column_names).write.mode("overwrite").parquet(ctx.dataset_path(SELECT_HOSTS))
        selected = spark.read.parquet(ctx.dataset_path(SELECT_HOSTS))

        below = eligible.join(selected.select("host"), "host", "left_anti").withColumn("reason", F.lit("below_cutoff"))
        spam = candidates.where(F.col("is_spam")).withColumn("reason", F.lit("spam_mass"))
        rejected = below.select(*SELECT_REJECTED.column_names).unionByName(spam.select(*SELECT_REJECTED.column_names))
        rejected.write.mode("overwrite").parquet(ctx.dataset_path(SELECT_REJECTED))
        rejected = spark.read.parquet(ctx.dataset_path(SELECT_REJECTED))

        stats.input = candidates.count()
        stats.output = selected.count()
        stats.dropped = {row["reason"]: row["count"] for row in rejected.groupBy("reason").count().collect()}
        by_language = {row["language"] or UNDETERMINED: row["count"]
                       for row in selected.groupBy("language").count().collect()}
        for language, target in targets.items():
            target["selected"] = by_language.get(language, 0)
            target["met"] = target["selected"] >= min(target["wanted"], target["available"])
            if target["available"] < target["wanted"]:
                target["short_because"] = f"only {target['available']} eligible {language} hosts"
        stats.details.update(
            places=places, max_sites=settings.max_sites, eligible=eligible_count, total_hosts=total_hosts,
            quotas=targets, selected_by_language=by_language,
            selected_by_reason={row["why_selected"]: row["count"]
                                for row in selected.groupBy("why_selected").count().collect()},
        )
