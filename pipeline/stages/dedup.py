"""Stage ``dedup``: exact and MinHash-LSH near-duplicates, clustered and resolved in Spark.

1. Optional CCNet-style line dedup: normalized lines found in ``min_docs`` or more documents (navigation,
   footers, cookie notes) are removed from every document; a document left empty is dropped.
2. Exact: CCNet's normal form (lower case, no accents, digits → 0, no punctuation or spaces) is hashed; each
   copy is linked to the first document with its hash.
3. Fuzzy: one MinHash signature per distinct text (``pipeline.lib.minhash``: datasketch's hashes and
   permutations), cut into bands; documents sharing a band are candidates; a candidate pair is kept when its
   signatures agree on at least ``min_similarity`` of positions (the false candidates a permissive S-curve lets
   in are removed here).
4. Clusters: connected components over exact and near edges (``pipeline.lib.components``: min-label propagation with
   pointer jumping and checkpoints, never collected to the driver).
5. Survivor: per cluster the copy from the highest-PageRank host, then the best quality score, then the
   earliest fetch. Survivors carry ``dup_cluster_id`` (their own id) and ``dup_cluster_size`` for rehydration;
   every other copy is dropped as ``exact_duplicate`` or ``near_duplicate`` pointing at its survivor.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Literal

from pydantic import Field

from pipeline.core.config import Section
from pipeline.core.stage import (
    DROP_DETAIL,
    DROP_OFFSET,
    DROP_PATH,
    DROP_REASON,
    Stage,
    StageContext,
    StageDetails,
    StageError,
    Stats,
    digest_files,
)
from pipeline.lib.components import connected_components
from pipeline.lib.datasets import DEDUP_DOCS, DEDUP_DROPPED, FILTER_KEPT
from pipeline.lib.minhash import document_signature, exact_hash, similarity
from pipeline.lib.scripts import WrittenWithoutSpaces


class LineDedupConfig(Section):
    """CCNet-style: lines (normalized) found in at least ``min_docs`` documents are boilerplate; remove them."""

    enabled: bool = False
    min_docs: int = Field(default=3, ge=2)
    min_chars: int = Field(default=20, ge=1, description="Shorter lines are never removed")


class DedupStageConfig(Section):
    exact: bool = Field(default=True, description="One survivor per normalized-text hash (CCNet normalization)")
    fuzzy: bool = Field(default=True, description="MinHash LSH near-duplicates")
    shingle_size: int = Field(default=5, ge=1, description="Words (or characters) per shingle")
    cjk_languages: list[str] | None = Field(
        default=None,
        description="Languages shingled by cjk_shingles instead of words; default: every language written without "
                    "spaces between words (script families cjk and southeast_asian: Chinese, Japanese, Thai, ...)")
    cjk_shingles: Literal["characters", "words"] = Field(
        default="characters", description="characters: n-grams of characters; words: of the language's segmenter"
    )
    # 20 bands × 6 rows = 120 permutations. The S-curve P(candidate | Jaccard s) = 1 − (1 − s^6)^20 is 0.994
    # at s = 0.78, 0.92 at 0.7, 0.27 at 0.5 and 0.015 at 0.3: near-copies (syndication, a changed date or
    # sentence: s ≥ 0.75) are almost never missed; the false candidates a low threshold lets in (pages sharing
    # a template, s ≈ 0.5) are removed by checking the two signatures' agreement against min_similarity.
    # FineWeb's 14 × 8 (threshold 0.72) would miss one in eight pairs at s = 0.78 and needs no check.
    bands: int = Field(default=20, ge=1)
    rows: int = Field(default=6, ge=1)
    seed: int = Field(default=1, description="datasketch's MinHash seed (same seed, same permutations)")
    min_similarity: float = Field(default=0.7, gt=0, le=1,
                                  description="Candidate pairs whose signatures agree less are not duplicates")
    max_bucket_size: int = Field(
        default=100, ge=2, description="Larger LSH buckets (templates) pair only with their first document"
    )
    max_iterations: int = Field(default=30, ge=1, description="Connected components: rounds before giving up")
    checkpoint_every: int = Field(default=3, ge=1)
    line_dedup: LineDedupConfig = LineDedupConfig()
    held_out: str | None = Field(
        default=None,
        description="JSONL of documents held out for evaluation (one {\"id\": ...} per line; `corpusforge ablate` "
                    "writes it): each is dropped as held_out and every copy of it as held_out_duplicate")

    @property
    def num_perm(self) -> int:
        return self.bands * self.rows



def _hash_batches(batches):
    import pyarrow as pa

    for batch in batches:
        texts = batch.column("text").to_pylist()
        yield pa.RecordBatch.from_arrays([batch.column("id"), pa.array([exact_hash(t) for t in texts], pa.string())],
                                         names=["id", "exact_hash"])


def _signature_batches(batches, *, size: int, cjk_languages, cjk_units: str, segmenters: dict,
                       num_perm: int, seed: int):
    import pyarrow as pa

    for batch in batches:
        signatures = [
            document_signature(text, lang, shingle_size=size, cjk_languages=cjk_languages, cjk_units=cjk_units,
                               segmenter_name=segmenters.get(lang), num_perm=num_perm, seed=seed).tobytes()
            for text, lang in zip(batch.column("text").to_pylist(), batch.column("lang").to_pylist(), strict=True)]
        yield pa.RecordBatch.from_arrays([batch.column("id"), pa.array(signatures, pa.binary())],
                                         names=["id", "signature"])


def read_held_out(path: str) -> list[str]:
    """The document ids of a held-out list (JSONL, an ``id`` per line); a clear error when it cannot be used."""
    import json
    from pathlib import Path

    file = Path(path)
    if not file.is_file():
        raise StageError(f"stages.dedup.held_out: {path} not found")
    ids = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            ids.append(str(json.loads(line)["id"]))
        except (ValueError, KeyError, TypeError):
            raise StageError(f"{path}:{number}: not a JSON object with an id (stages.dedup.held_out)") from None
    return ids


def bucket_pairs(ids: list[str], max_bucket_size: int) -> list[tuple[str, str]]:
    """Candidate pairs of one LSH bucket: all pairs, or a star from the first id when the bucket is huge."""
    ordered = sorted(ids)
    if len(ordered) > max_bucket_size:
        return [(ordered[0], other) for other in ordered[1:]]
    return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:]]


def _row_pairs(row, limit: int) -> list[tuple[str, str]]:
    return bucket_pairs(row["ids"], limit)


def _similarity_or_none(first, second):
    return similarity(first, second) if first is not None and second is not None else None


class DedupDetails(StageDetails):
    edges: int = 0  # duplicate pairs joined into clusters
    component_rounds: int | None = None
    candidate_pairs: int | None = None
    near_pairs: int | None = None
    line_dedup: dict[str, int] | None = None
    clusters_by_size: dict[int, int] = {}
    by_language: dict[str, dict[str, Any]] = {}
    lowest_near_duplicate_similarity: float | None = None


class DedupStage(Stage):
    name = "dedup"
    description = "Exact and MinHash-LSH near-duplicate removal; highest-authority copy survives."
    requires = ("filter",)
    input_estimate = ("filter", "output")
    writes = (DEDUP_DOCS, DEDUP_DROPPED)
    settings = DedupStageConfig
    Details = DedupDetails
    config_sections = ("stages.filter.languages_dir", "stages.filter.language_overrides")

    def files_digest(self, config) -> str:
        held_out = config.stages.dedup.held_out
        return digest_files(held_out) if held_out else ""  # another held-out list is another training set

    def run(self, ctx: StageContext, stats: Stats) -> None:
        from pyspark import StorageLevel
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        settings = ctx.config.stages.dedup
        spark = ctx.spark
        spark.sparkContext.setCheckpointDir(f"{ctx.work_path}/_checkpoints")
        docs = ctx.read(FILTER_KEPT)
        boilerplate_only = None
        if settings.line_dedup.enabled:
            docs, boilerplate_only = self._remove_common_lines(docs, settings.line_dedup, stats)
        docs = docs.persist(StorageLevel.DISK_ONLY)

        hashes = docs.select("id", "text").mapInArrow(_hash_batches, "id string, exact_hash string")
        hashes = hashes.persist(StorageLevel.DISK_ONLY)
        representative = hashes.groupBy("exact_hash").agg(F.min("id").alias("representative"))
        edges = (hashes.join(representative, "exact_hash").where(F.col("id") != F.col("representative"))
                 .select(F.col("representative").alias("src"), F.col("id").alias("dst")))
        if not settings.exact:
            edges = edges.limit(0)
        signatures = None
        if settings.fuzzy:
            signatures = self._signatures(ctx, docs, representative).persist(StorageLevel.DISK_ONLY)
            near = self._near_edges(signatures, settings, stats)
            edges = edges.unionByName(near.select("src", "dst"))
        edges = edges.checkpoint()  # a plain scan from here on, whatever produced the edges
        stats.details["edges"] = edges.count()
        if stats.details["edges"]:
            components, rounds = connected_components(edges, max_iterations=settings.max_iterations,
                                                      checkpoint_every=settings.checkpoint_every)
            stats.details["component_rounds"] = rounds
        else:
            components = spark.createDataFrame([], "node string, component string")

        clustered = (docs.join(hashes, "id")
                     .join(components.withColumnRenamed("node", "id"), "id", "left")
                     .withColumn("component", F.coalesce("component", "id")))
        best_first = Window.partitionBy("component").orderBy(
            F.desc("pagerank"), F.desc_nulls_last("quality_score"), F.asc_nulls_last("fetch_time"), "id")
        cluster = Window.partitionBy("component")
        ranked = (clustered.withColumn("_rank", F.row_number().over(best_first))
                  .withColumn("dup_cluster_size", F.count("*").over(cluster))
                  .withColumn("dup_cluster_id", F.first("id").over(best_first))
                  .withColumn("_survivor_hash", F.first("exact_hash").over(best_first)))
        if signatures is not None:
            # Each document's signature is its exact group's representative's; so is the survivor's.
            by_hash = representative.join(signatures.withColumnRenamed("id", "representative"), "representative")
            ranked = (ranked.join(by_hash.select("exact_hash", F.col("signature").alias("_sig")), "exact_hash", "left")
                      .join(by_hash.select(F.col("exact_hash").alias("_survivor_hash"),
                                           F.col("signature").alias("_survivor_sig")), "_survivor_hash", "left"))
            estimate = F.udf(_similarity_or_none, "double")("_sig", "_survivor_sig")
        else:
            estimate = F.lit(None).cast("double")
        exact_copy = F.col("exact_hash") == F.col("_survivor_hash")
        dropped = F.col("_rank") > 1
        similarity_column = F.when(exact_copy, F.lit(1.0)).otherwise(estimate)
        duplicate_reason = F.when(exact_copy, "exact_duplicate").otherwise("near_duplicate")
        duplicate_detail = F.concat(F.lit("copy of "), F.col("dup_cluster_id"), F.lit(", similarity "),
                                    F.format_number(similarity_column, 3))
        reason, detail = F.when(dropped, duplicate_reason), F.when(dropped, duplicate_detail)
        held_out = read_held_out(settings.held_out) if settings.held_out else []
        if held_out:
            # A held-out document is evaluated on, so neither it nor any copy of it may be trained on: the whole
            # cluster goes, the held-out document as held_out and the others (survivor included) as
            # held_out_duplicate, whatever dedup alone would have decided for them.
            is_held = F.col("id").isin(held_out)
            ranked = ranked.withColumn("_cluster_held", F.max(is_held.cast("int")).over(cluster) > 0)
            reason = (F.when(is_held, "held_out").when(F.col("_cluster_held"), "held_out_duplicate")
                      .otherwise(reason))
            detail = (F.when(is_held, F.lit(f"held out for evaluation ({settings.held_out})"))
                      .when(F.col("_cluster_held"), F.concat(F.lit("in the duplicate cluster of a held-out "
                                                                   "document; "), duplicate_detail))
                      .otherwise(detail))
        gone = F.col(DROP_REASON).isNotNull()
        frame = ranked.select(
            *DEDUP_DOCS.column_names,
            F.when(dropped, F.col("dup_cluster_id")).alias("duplicate_of"),
            F.when(dropped, similarity_column).alias("similarity"),
            reason.alias(DROP_REASON),
            detail.alias(DROP_DETAIL),
            F.col("warc_path").alias("_path"),
            F.col("offset").alias("_offset"),
        )
        frame = (frame.withColumn(DROP_PATH, F.when(gone, F.col("_path")))
                 .withColumn(DROP_OFFSET, F.when(gone, F.col("_offset"))).drop("_path", "_offset"))
        if boilerplate_only is not None:
            frame = frame.unionByName(boilerplate_only)
        ctx.write_accounted(frame, DEDUP_DOCS, stats, dropped_dataset=DEDUP_DROPPED)
        for frame_to_free in (docs, hashes, signatures):
            if frame_to_free is not None:
                frame_to_free.unpersist()
        ctx.fs.delete(f"{ctx.work_path}/_checkpoints")
        self._summarize(ctx, stats)

    def _signatures(self, ctx: StageContext, docs, representative):
        from filters.rules import language_rules

        settings = ctx.config.stages.dedup
        unspaced = (frozenset(settings.cjk_languages) if settings.cjk_languages is not None
                    else WrittenWithoutSpaces())
        segmenters = {}
        if settings.cjk_shingles == "words":
            present = [row["lang"] for row in docs.select("lang").distinct().collect() if row["lang"] in unspaced]
            rules = language_rules(ctx.config, present)
            segmenters = {lang: r.segmenter for lang, r in rules.items()}
        compute = partial(_signature_batches, size=settings.shingle_size,
                          cjk_languages=unspaced, cjk_units=settings.cjk_shingles,
                          segmenters=segmenters, num_perm=settings.num_perm, seed=settings.seed)
        texts = docs.join(representative.withColumnRenamed("representative", "id"), "id").select("id", "lang", "text")
        return texts.mapInArrow(compute, "id string, signature binary")

    @staticmethod
    def _near_edges(signatures, settings, stats: Stats):
        from pyspark.sql import functions as F

        width = settings.rows * 4
        band_keys = F.array(*[F.substring("signature", i * width + 1, width) for i in range(settings.bands)])
        bands = signatures.select("id", F.posexplode(band_keys).alias("band", "key"))
        buckets = bands.groupBy("band", "key").agg(F.collect_list("id").alias("ids")).where(F.size("ids") > 1)
        pairs = buckets.select("ids").rdd.flatMap(partial(_row_pairs, limit=settings.max_bucket_size))
        candidates = signatures.sparkSession.createDataFrame(pairs, "src string, dst string").distinct()
        left = signatures.select(F.col("id").alias("src"), F.col("signature").alias("a"))
        right = signatures.select(F.col("id").alias("dst"), F.col("signature").alias("b"))
        scored = (candidates.join(left, "src").join(right, "dst")
                  .withColumn("similarity", F.udf(_similarity_or_none, "double")("a", "b")))
        verified = scored.where(F.col("similarity") >= settings.min_similarity).select("src", "dst", "similarity")
        verified = verified.persist()
        stats.details["candidate_pairs"] = candidates.count()
        stats.details["near_pairs"] = verified.count()
        return verified

    @staticmethod
    def _remove_common_lines(docs, settings, stats: Stats):
        """Documents with boilerplate lines removed, and the rows of documents nothing was left of."""
        from pyspark.sql import functions as F

        lines = docs.select("id", F.posexplode(F.split("text", "\n")).alias("position", "line"))
        normal = F.regexp_replace(F.regexp_replace(F.lower("line"), r"\d", "0"), r"(?U)[\W_]+", "")
        lines = lines.withColumn("line_hash", F.xxhash64(normal)).withColumn("normal_length", F.length(normal))
        common = (lines.where(F.col("normal_length") >= settings.min_chars).groupBy("line_hash")
                  .agg(F.countDistinct("id").alias("docs")).where(F.col("docs") >= settings.min_docs)
                  .select("line_hash"))
        kept_lines = lines.join(common, "line_hash", "left_anti")
        rebuilt = (kept_lines.groupBy("id")
                   .agg(F.array_join(F.transform(F.array_sort(F.collect_list(F.struct("position", "line"))),
                                                 lambda item: item["line"]), "\n").alias("new_text")))
        removed = lines.join(common, "line_hash").count()
        stats.details["line_dedup"] = {"common_lines": common.count(), "lines_removed": removed}
        with_text = (docs.join(rebuilt, "id", "left")
                     .withColumn("text", F.trim(F.coalesce("new_text", F.lit("")))).drop("new_text"))
        empty = with_text.where(F.length("text") == 0)
        boilerplate_only = empty.select(
            *[F.col(c) if c in FILTER_KEPT.column_names else F.lit(None).alias(c) for c in DEDUP_DOCS.column_names],
            F.lit(None).cast("string").alias("duplicate_of"), F.lit(None).cast("double").alias("similarity"),
            F.lit("boilerplate_only").alias(DROP_REASON), F.lit("every line is common boilerplate").alias(DROP_DETAIL),
            F.col("warc_path").alias(DROP_PATH), F.col("offset").alias(DROP_OFFSET),
        )
        return with_text.where(F.length("text") > 0), boilerplate_only

    @staticmethod
    def _summarize(ctx: StageContext, stats: Stats) -> None:
        from pyspark.sql import functions as F

        kept = ctx.spark.read.parquet(ctx.dataset_path(DEDUP_DOCS))
        sizes = {row["dup_cluster_size"]: row["count"] for row in kept.groupBy("dup_cluster_size").count().collect()}
        stats.details["clusters_by_size"] = dict(sorted(sizes.items()))
        dropped = ctx.spark.read.parquet(ctx.dataset_path(DEDUP_DROPPED))
        by_language = {row["lang"]: {"kept": row["count"]} for row in kept.groupBy("lang").count().collect()}
        for row in dropped.groupBy("lang", "drop_reason").count().collect():
            by_language.setdefault(row["lang"], {"kept": 0})[row["drop_reason"]] = row["count"]
        stats.details["by_language"] = by_language
        lowest = dropped.where(F.col("drop_reason") == "near_duplicate").agg(F.min("similarity")).first()[0]
        stats.details["lowest_near_duplicate_similarity"] = lowest

