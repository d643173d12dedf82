"""Stage ``mix``: count each language's tokens, plan the mixture, and decide every document's repeats.

1. Counts per language after dedup: documents, UTF-8 bytes and tokens under the configured tokenizer — exact
   (every document tokenized, end-of-document token included; the tokens are kept in ``mix/tokens`` for the
   shards, so no document is ever encoded twice) or estimated from a sample of documents per language (tokens
   per byte, with the estimate's relative standard error reported). ``mix/counts.json``.
2. The plan (``pipeline.lib.mixture``): policy, budget and epoch cap → target tokens per language. ``mix/plan.json``.
3. Who is repeated: within a language, documents are ranked by duplicate-cluster weight (FineWeb-2-style
   rehydration: a page the web copied a few times is worth more passes), then quality score, then host
   PageRank, ties broken by a seeded hash. With sampling rate r, the best documents holding the first
   (r − ⌊r⌋) of the language's tokens get ⌈r⌉ repeats and the rest ⌊r⌋; below 1 the best up to r are kept
   once. The cumulative token position is a distributed prefix sum over the sorted documents (one small
   collect of per-partition totals), so nothing but totals reaches the driver. ``mix/docs``.
"""

from __future__ import annotations

import json
import logging
import math
from collections import defaultdict
from functools import partial
from itertools import chain
from typing import Any, Literal

from pydantic import Field, field_validator

from pipeline.core.config import Section
from pipeline.core.stage import Stage, StageContext, StageDetails, Stats
from pipeline.lib.datasets import DEDUP_DOCS, MIX_COUNTS, MIX_DOCS, MIX_PLAN, MIX_TOKENS
from pipeline.lib.megatron import token_dtype
from pipeline.lib.mixture import DEFAULT_ALPHA, check_shares, parse_tokens, plan_mixture, repeats_for
from pipeline.lib.tokenizer import from_config

log = logging.getLogger(__name__)


class MixStageConfig(Section):
    policy: Literal["unimax", "temperature", "explicit"] = Field(
        default="unimax", description="unimax: uniform budget, capped epochs; temperature: q ∝ p^alpha; explicit"
    )
    budget_tokens: int | str | None = Field(
        default=None, description="Training tokens to plan (e.g. 2T, 500B); null: the corpus's own size"
    )
    max_epochs: float = Field(default=4.0, gt=0, description="Most repetitions of a language's tokens (Muennighoff)")
    # None rather than 0.3, so that an alpha given with another policy is noted in the plan, not silently unused.
    alpha: float | None = Field(
        default=None, gt=0, le=1, description=f"Temperature policy exponent; null: {DEFAULT_ALPHA} (XLM-R, mT5)"
    )
    target_shares: dict[str, float] = Field(
        default_factory=dict, description="Explicit policy: language → share in [0, 1], together at most 1"
    )
    token_counts: Literal["exact", "sample"] = Field(
        default="exact", description="exact: tokenize every document; sample: tokens/byte from a sample per language"
    )
    sample_docs_per_language: int = Field(default=2000, ge=10)
    rehydration: dict[int, float] = Field(
        # FineWeb-2's Mandarin upsampling by duplicate-cluster size (a cluster of 1 is unique).
        default_factory=lambda: {1: 1, 2: 2, 3: 3, 6: 4, 9: 5, 14: 4, 26: 3, 37: 2, 55: 1},
        description="Cluster size → weight; repetition goes first to documents of higher weight",
    )
    use_rehydration: bool = True
    seed: int = Field(default=0, description="Breaks ties between equally ranked documents")

    @field_validator("target_shares")
    @classmethod
    def _shares_can_be_planned(cls, shares: dict[str, float]) -> dict[str, float]:
        check_shares(shares)  # negative, above 1, or adding up to more than 1: a config error before any work
        return shares


def _token_batches(batches, *, settings, keep_ids: bool = False):
    """(id, tokens[, token_ids]) per document: its token count plus one end-of-document token, and with
    ``keep_ids`` the tokens themselves as the shards store them, so the tokenize stage never encodes again."""
    import numpy as np
    import pyarrow as pa

    tokenizer = from_config(settings)
    dtype = token_dtype(tokenizer.vocab_size)
    eos = tokenizer.eos_id
    for batch in batches:
        encoded = tokenizer.encode_batch(batch.column("text").to_pylist())
        columns = [batch.column("id"), pa.array([len(ids) + 1 for ids in encoded], pa.int64())]
        names = ["id", "tokens"]
        if keep_ids:
            columns.append(pa.array([np.fromiter(chain(ids, (eos,)), dtype=dtype, count=len(ids) + 1).tobytes()
                                     for ids in encoded], pa.binary()))
            names.append("token_ids")
        yield pa.RecordBatch.from_arrays(columns, names=names)


def _partition_totals(index, rows):
    totals = defaultdict(int)
    for row in rows:
        totals[row["lang"]] += row["tokens"]
    yield from ((index, lang, total) for lang, total in totals.items())


def _assign_repeats(index, rows, *, offsets: dict, available: dict, rates: dict, max_repeats: int):
    """Repeats of each document from the tokens of the better documents of its language before it."""
    before = dict(offsets.get(index, {}))
    for row in rows:
        lang = row["lang"]
        position = before.get(lang, 0)
        fraction = position / available[lang] if available[lang] else 0.0
        yield (row["id"], lang, row["tokens"], row["weight"],
               repeats_for(fraction, rates[lang], max_repeats), fraction)
        before[lang] = position + row["tokens"]


class MixDetails(StageDetails):
    plan: dict[str, dict[str, Any]] = {}  # per language: available, target and realized tokens, shares, epochs
    policy: str = ""
    notes: list[str] = []


class MixStage(Stage):
    name = "mix"
    description = "Language mixture plan and capped upsampling of scarce languages."
    requires = ("dedup",)
    writes = (MIX_DOCS, MIX_TOKENS, MIX_COUNTS, MIX_PLAN)
    settings = MixStageConfig
    Details = MixDetails
    config_sections = ("tokenizer",)
    filtering = False

    def run(self, ctx: StageContext, stats: Stats) -> None:
        from pyspark import StorageLevel
        from pyspark.sql import functions as F

        settings = ctx.config.stages.mix
        tokenizer = from_config(ctx.config.tokenizer)
        docs = ctx.read(DEDUP_DOCS).select("id", "lang", "text", "quality_score", "pagerank", "dup_cluster_size")
        docs = docs.withColumn("bytes", F.octet_length("text")).persist(StorageLevel.DISK_ONLY)
        if settings.token_counts == "exact":
            # Each document is encoded once, here: its count plans the mixture and its tokens go into the shards.
            encoded = docs.select("id", "text").mapInArrow(
                partial(_token_batches, settings=ctx.config.tokenizer, keep_ids=True),
                "id string, tokens bigint, token_ids binary")
            encoded.select(*MIX_TOKENS.column_names).write.mode("overwrite").parquet(ctx.dataset_path(MIX_TOKENS))
            tokens = ctx.spark.read.parquet(ctx.dataset_path(MIX_TOKENS)).select(
                "id", (F.octet_length("token_ids") / token_dtype(tokenizer.vocab_size).itemsize).cast("bigint")
                .alias("tokens"))
            docs_tokens = docs.join(tokens, "id")
            errors = {}
        else:
            docs_tokens, errors = self._estimated_tokens(docs, settings, ctx.config.tokenizer)
            # Counted from a sample, not encoded: the tokenize stage encodes the documents the plan keeps.
            ctx.spark.createDataFrame([], MIX_TOKENS.spark_schema()).write.mode("overwrite").parquet(
                ctx.dataset_path(MIX_TOKENS))
        weight = _weight_column(settings.rehydration if settings.use_rehydration else {})
        docs_tokens = docs_tokens.withColumn("weight", weight).persist(StorageLevel.DISK_ONLY)

        counts = {row["lang"]: {"docs": row["docs"], "bytes": row["bytes"], "tokens": row["tokens"]}
                  for row in docs_tokens.groupBy("lang").agg(F.count("*").alias("docs"), F.sum("bytes").alias("bytes"),
                                                            F.sum("tokens").alias("tokens")).collect()}
        counts_doc = {"tokenizer": tokenizer.identity.as_dict(), "method": settings.token_counts,
                      "relative_standard_error": errors, "languages": counts}
        ctx.fs.write_text(ctx.artifact_path(MIX_COUNTS), json.dumps(counts_doc, indent=2, sort_keys=True))
        budget = parse_tokens(settings.budget_tokens) if settings.budget_tokens is not None else None
        plan = plan_mixture({lang: c["tokens"] for lang, c in counts.items()}, budget=budget, policy=settings.policy,
                            max_epochs=settings.max_epochs, alpha=settings.alpha, shares=settings.target_shares)
        plan["tokenizer"] = tokenizer.identity.as_dict()
        plan["seed"] = settings.seed
        for note in plan["notes"]:  # requests the plan could not meet: in plan.json, stats.json and the log
            log.warning("mix plan: %s", note)
        ctx.fs.write_text(ctx.artifact_path(MIX_PLAN), json.dumps(plan, indent=2, sort_keys=True))

        rates = {entry["lang"]: entry["sampling_rate"] for entry in plan["languages"]}
        available = {lang: c["tokens"] for lang, c in counts.items()}
        ordered = docs_tokens.orderBy(
            "lang", F.desc("weight"), F.desc_nulls_last("quality_score"), F.desc("pagerank"),
            F.xxhash64("id", F.lit(settings.seed)), "id").select("id", "lang", "tokens", "weight").rdd
        ordered = ordered.persist(StorageLevel.DISK_ONLY)
        offsets: dict[int, dict[str, int]] = defaultdict(dict)
        running: dict[str, int] = defaultdict(int)
        for index, lang, total in sorted(ordered.mapPartitionsWithIndex(_partition_totals).collect()):
            offsets[index][lang] = running[lang]
            running[lang] += total
        assigned = ordered.mapPartitionsWithIndex(partial(
            _assign_repeats, offsets=dict(offsets), available=available, rates=rates,
            max_repeats=math.ceil(settings.max_epochs)))
        frame = ctx.spark.createDataFrame(assigned, MIX_DOCS.spark_schema())
        frame.write.mode("overwrite").parquet(ctx.dataset_path(MIX_DOCS))
        ordered.unpersist()
        docs.unpersist()
        docs_tokens.unpersist()
        self._summarize(ctx, stats, plan, counts)

    @staticmethod
    def _estimated_tokens(docs, settings, tokenizer_settings):
        """Tokens estimated as bytes × the language's tokens per byte, measured on a sample of its documents."""
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        order = Window.partitionBy("lang").orderBy(F.xxhash64("id", F.lit(settings.seed)), "id")
        sample = (docs.withColumn("_n", F.row_number().over(order))
                  .where(F.col("_n") <= settings.sample_docs_per_language).select("id", "lang", "text", "bytes"))
        measured = sample.select("id", "text").mapInArrow(partial(_token_batches, settings=tokenizer_settings),
                                                          "id string, tokens bigint")
        rows = sample.join(measured, "id").select("lang", "bytes", "tokens").collect()
        by_lang = defaultdict(list)
        for row in rows:
            by_lang[row["lang"]].append((row["bytes"], row["tokens"]))
        ratios, errors = {}, {}
        for lang, pairs in by_lang.items():
            total_bytes = sum(b for b, _ in pairs)
            ratio = sum(t for _, t in pairs) / total_bytes
            ratios[lang] = ratio
            n = len(pairs)
            if n > 1:
                # Ratio estimator's standard error, relative to the ratio.
                residual = sum((t - ratio * b) ** 2 for b, t in pairs) / (n - 1)
                errors[lang] = round(math.sqrt(residual / n) / (total_bytes / n) / ratio, 5)
        ratio_of = F.create_map(*[x for lang, r in ratios.items() for x in (F.lit(lang), F.lit(r))])
        estimated = docs.withColumn("tokens", (F.round(F.col("bytes") * ratio_of[F.col("lang")]) + 1).cast("bigint"))
        return estimated, errors

    @staticmethod
    def _summarize(ctx: StageContext, stats: Stats, plan: dict, counts: dict) -> None:
        from pyspark.sql import functions as F

        mixed = ctx.spark.read.parquet(ctx.dataset_path(MIX_DOCS))
        realized = {row["lang"]: (row["docs"], row["tokens"], row["max_repeats"]) for row in mixed.groupBy("lang").agg(
            F.count("*").alias("docs"), F.sum(F.col("tokens") * F.col("repeats")).alias("tokens"),
            F.max("repeats").alias("max_repeats")).collect()}
        stats.input = sum(c["docs"] for c in counts.values())
        stats.output = mixed.where(F.col("repeats") > 0).count()
        total = sum(tokens for _, tokens, _ in realized.values()) or 1
        stats.details["plan"] = {entry["lang"]: {
            "available_tokens": entry["available_tokens"], "target_tokens": entry["target_tokens"],
            "realized_tokens": realized[entry["lang"]][1], "share_before": round(entry["share_before"], 5),
            "share_after": round(realized[entry["lang"]][1] / total, 5),
            "expected_epochs": round(entry["expected_epochs"], 3), "max_repeats": realized[entry["lang"]][2],
            "capped_by": entry["capped_by"]} for entry in plan["languages"]}
        stats.details["policy"] = plan["policy"]
        stats.details["notes"] = plan["notes"]



def _weight_column(table: dict[int, float]):
    """rehydration_weight as a Spark expression: the value of the largest table size ≤ the cluster size."""
    from pyspark.sql import functions as F

    weight = F.lit(1.0)
    for size in sorted(table):  # later (larger) sizes override earlier ones
        weight = F.when(F.col("dup_cluster_size") >= size, F.lit(float(table[size]))).otherwise(weight)
    return weight
