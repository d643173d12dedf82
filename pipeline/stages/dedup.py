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
5. Earlier releases (in a corpus, ``corpus.root``): each cluster is looked up in the corpus state the release
   builds on (``pipeline.core.corpus``) — its documents' exact hashes in the exact-hash index, its signatures' band
   keys in the band index, candidates verified against the earlier cluster's signature like in-release pairs.
   A cluster found there joins the earlier cluster: with ``corpus.survivor: earliest`` every copy of this release
   is dropped as ``exact_duplicate_earlier_release`` / ``near_duplicate_earlier_release`` pointing at the
   corpus's survivor; with ``newest`` this release's best copy survives in its place. All Spark joins on the
   indexes; nothing is collected to the driver.
6. Survivor: per cluster the copy from the highest-PageRank host, then the best quality score, then the
   earliest fetch. Survivors carry ``dup_cluster_id`` (their own id) and ``dup_cluster_size`` for rehydration
   (summed over the corpus's releases); every other copy is dropped as ``exact_duplicate`` or ``near_duplicate``
   pointing at its survivor.
7. The release's share of the corpus state: the exact hashes, band keys and signatures of the survivors it added,
   and how many documents it added to each cluster (``dedup/index_*``, written in and out of a corpus).
"""

from __future__ import annotations

from functools import partial
from typing import Any, Literal

from pydantic import Field

from pipeline.core import corpus
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
from pipeline.lib.datasets import (
    DEDUP_DOCS,
    DEDUP_DROPPED,
    DEDUP_INDEX_BANDS,
    DEDUP_INDEX_CLUSTERS,
    DEDUP_INDEX_EXACT,
    FILTER_KEPT,
)
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


def _band_keys(settings):
    """The signature column cut into its LSH bands: an array of ``bands`` keys of ``rows`` uint32 (4 bytes) each."""
    from pyspark.sql import functions as F

    width = settings.rows * 4
    return F.array(*[F.substring("signature", i * width + 1, width) for i in range(settings.bands)])


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
    corpus: dict[str, Any] | None = None  # the earlier releases deduplicated against, and what was found there
    index_rows: dict[str, int] = {}  # this release's share of the corpus state, rows per index


class DedupStage(Stage):
    name = "dedup"
    description = "Exact and MinHash-LSH near-duplicate removal; highest-authority copy survives."
    requires = ("filter",)
    input_estimate = ("filter", "output")
    writes = (DEDUP_DOCS, DEDUP_DROPPED, DEDUP_INDEX_EXACT, DEDUP_INDEX_BANDS, DEDUP_INDEX_CLUSTERS)
    settings = DedupStageConfig
    Details = DedupDetails
    config_sections = ("stages.filter.languages_dir", "stages.filter.language_overrides")

    def files_digest(self, config) -> str:
        held_out = config.stages.dedup.held_out
        return digest_files(held_out) if held_out else ""  # another held-out list is another training set

    def state_digest(self, config, fs) -> str:
        """In a corpus, the output depends on the earlier releases' shares of the index and on the survivor
        policy."""
        if config.corpus.root is None:
            return ""
        base = corpus.base_for(fs, config.corpus.root, config.crawl)
        return f"{config.corpus.survivor}:{base.digest('dedup')}"

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
        earliest_wins = ctx.config.corpus.survivor == "earliest"
        earlier = self._earlier_state(ctx, stats)
        if earlier is not None:
            clustered = self._match_earlier(clustered, hashes, representative, signatures, earlier, settings)
        else:
            clustered = (clustered.withColumn("_earlier", F.lit(None).cast("string"))
                         .withColumn("_exact_cluster", F.lit(None).cast("string"))
                         .withColumn("_earlier_size", F.lit(None).cast("long"))
                         .withColumn("_earlier_survivor", F.lit(None).cast("string"))
                         .withColumn("_earlier_release", F.lit(None).cast("string"))
                         .withColumn("_earlier_sig", F.lit(None).cast("binary")))
        # A cluster found in an earlier release joins it: every copy of this release competes in one group.
        clustered = clustered.withColumn("_cluster", F.coalesce("_earlier", "component"))
        best_first = Window.partitionBy("_cluster").orderBy(
            F.desc("pagerank"), F.desc_nulls_last("quality_score"), F.asc_nulls_last("fetch_time"), "id")
        cluster = Window.partitionBy("_cluster")
        ranked = (clustered.withColumn("_rank", F.row_number().over(best_first))
                  .withColumn("_in_release", F.count("*").over(cluster))
                  .withColumn("dup_cluster_size", F.col("_in_release") + F.coalesce("_earlier_size", F.lit(0)))
                  .withColumn("dup_cluster_id", F.first("id").over(best_first))
                  .withColumn("_survivor_hash", F.first("exact_hash").over(best_first)))
        if signatures is not None:
            # Each document's signature is its exact group's representative's; so is the survivor's.
            by_hash = representative.join(signatures.withColumnRenamed("id", "representative"), "representative")
            ranked = (ranked.join(by_hash.select("exact_hash", F.col("signature").alias("_sig")), "exact_hash", "left")
                      .join(by_hash.select(F.col("exact_hash").alias("_survivor_hash"),
                                           F.col("signature").alias("_survivor_sig")), "_survivor_hash", "left"))
            estimate = F.udf(_similarity_or_none, "double")("_sig", "_survivor_sig")
            earlier_estimate = F.udf(_similarity_or_none, "double")("_sig", "_earlier_sig")
        else:
            ranked = ranked.withColumn("_sig", F.lit(None).cast("binary")).withColumn(
                "_survivor_sig", F.lit(None).cast("binary"))
            estimate = earlier_estimate = F.lit(None).cast("double")
        ranked = ranked.persist(StorageLevel.DISK_ONLY)  # read again for this release's share of the index
        exact_copy = F.col("exact_hash") == F.col("_survivor_hash")
        # earliest: the corpus already holds this cluster; every copy of this release goes.
        by_earlier = F.col("_earlier").isNotNull() & F.lit(earliest_wins)
        dropped = by_earlier | (F.col("_rank") > 1)
        earlier_exact = F.col("_exact_cluster") == F.col("_earlier")
        similarity_column = (F.when(by_earlier, F.when(earlier_exact, F.lit(1.0)).otherwise(earlier_estimate))
                             .when(exact_copy, F.lit(1.0)).otherwise(estimate))
        duplicate_of = F.when(by_earlier, F.col("_earlier_survivor")).otherwise(F.col("dup_cluster_id"))
        duplicate_reason = (F.when(by_earlier, F.when(earlier_exact, "exact_duplicate_earlier_release")
                                   .otherwise("near_duplicate_earlier_release"))
                            .when(exact_copy, "exact_duplicate").otherwise("near_duplicate"))
        duplicate_detail = F.concat(
            F.lit("copy of "), duplicate_of,
            F.when(by_earlier, F.concat(F.lit(" in release "), F.col("_earlier_release"))).otherwise(""),
            F.lit(", similarity "), F.coalesce(F.format_number(similarity_column, 3), F.lit("unknown")))
        reason, detail = F.when(dropped, duplicate_reason), F.when(dropped, duplicate_detail)
        held_out = read_held_out(settings.held_out) if settings.held_out else []
        held_cluster = F.lit(False)
        if held_out:
            # A held-out document is evaluated on, so neither it nor any copy of it may be trained on: the whole
            # cluster goes, the held-out document as held_out and the others (survivor included) as
            # held_out_duplicate, whatever dedup alone would have decided for them.
            is_held = F.col("id").isin(held_out)
            ranked = ranked.withColumn("_cluster_held", F.max(is_held.cast("int")).over(cluster) > 0)
            held_cluster = F.col("_cluster_held")
            reason = (F.when(is_held, "held_out").when(F.col("_cluster_held"), "held_out_duplicate")
                      .otherwise(reason))
            detail = (F.when(is_held, F.lit(f"held out for evaluation ({settings.held_out})"))
                      .when(F.col("_cluster_held"), F.concat(F.lit("in the duplicate cluster of a held-out "
                                                                   "document; "), duplicate_detail))
                      .otherwise(detail))
        gone = F.col(DROP_REASON).isNotNull()
        frame = ranked.withColumn("dup_cluster_id", F.when(by_earlier, duplicate_of).otherwise(
            F.col("dup_cluster_id"))).select(
            *DEDUP_DOCS.column_names,
            F.when(dropped, duplicate_of).alias("duplicate_of"),
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
        self._write_index_share(ctx, ranked.where(~held_cluster), by_earlier, settings, stats)
        for frame_to_free in (docs, hashes, signatures, ranked):
            if frame_to_free is not None:
                frame_to_free.unpersist()
        ctx.fs.delete(f"{ctx.work_path}/_checkpoints")
        self._summarize(ctx, stats)

    def _earlier_state(self, ctx: StageContext, stats: Stats):
        """The union of the earlier releases' index shares (the corpus state this release builds on), or None
        outside a corpus and for its first release."""
        from pyspark.sql import functions as F

        config = ctx.config
        if config.corpus.root is None:
            return None
        base = corpus.base_for(ctx.fs, config.corpus.root, config.crawl)
        stats.details["corpus"] = {"survivor": config.corpus.survivor, "base_version": base.number,
                                   "earlier_releases": base.crawls}
        if not base.releases:
            return None
        shares: dict[str, Any] = {}
        for order, entry in enumerate(base.releases):
            root = corpus.release_root(config.corpus.root, entry.crawl)
            if not ctx.fs.exists(f"{root}/dedup/_SUCCESS"):
                raise corpus.CorpusError(f"the corpus state names release {entry.crawl}, but its dedup outputs are "
                                         f"missing at {root}/dedup: the corpus root is damaged")
            for dataset in (DEDUP_INDEX_EXACT, DEDUP_INDEX_BANDS, DEDUP_INDEX_CLUSTERS):
                frame = ctx.spark.read.parquet(dataset.path(root)).withColumn("_order", F.lit(order))
                shares[dataset.name] = frame if dataset.name not in shares else shares[dataset.name].unionByName(frame)
        return shares

    @staticmethod
    def _match_earlier(clustered, hashes, representative, signatures, earlier, settings):
        """Each in-release cluster's earlier corpus cluster (or null): by any member's exact hash first, else by
        band-key candidates whose signatures agree on at least ``min_similarity``; with the earlier cluster's size,
        survivor and a signature to estimate similarity against."""
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        exact_index = earlier["index_exact"].groupBy("exact_hash").agg(F.min("cluster_id").alias("_exact_cluster"))
        by_doc = hashes.join(exact_index, "exact_hash").select("id", "_exact_cluster")
        clusters = earlier["index_clusters"]
        latest = Window.partitionBy("cluster_id").orderBy(F.desc("_order"))
        info = (clusters.withColumn("_latest", F.row_number().over(latest))
                .groupBy("cluster_id").agg(
                    F.sum("added").alias("_earlier_size"),
                    F.max(F.when(F.col("_latest") == 1, F.col("survivor_id"))).alias("_earlier_survivor"),
                    F.max(F.when(F.col("_latest") == 1, F.col("survivor_release"))).alias("_earlier_release"))
                .join(clusters.where(F.col("signature").isNotNull()).groupBy("cluster_id")
                      .agg(F.max_by("signature", "_order").alias("_earlier_sig")), "cluster_id", "left"))
        if signatures is not None:
            candidates = (signatures.select("id", F.posexplode(_band_keys(settings)).alias("band", "key"))
                          .join(earlier["index_bands"].select("band", "key", "cluster_id"), ["band", "key"])
                          .select("id", "cluster_id").distinct())
            stored = clusters.where(F.col("signature").isNotNull()).select("cluster_id",
                                                                           F.col("signature").alias("_stored"))
            scored = (candidates.join(signatures, "id").join(stored, "cluster_id")
                      .withColumn("_similarity", F.udf(_similarity_or_none, "double")("signature", "_stored"))
                      .where(F.col("_similarity") >= settings.min_similarity))
            best = Window.partitionBy("id").orderBy(F.desc("_similarity"), "cluster_id")
            near_rep = (scored.withColumn("_n", F.row_number().over(best)).where(F.col("_n") == 1)
                        .select(F.col("id").alias("representative"), F.col("cluster_id").alias("_near_cluster")))
            near_doc = (hashes.join(representative, "exact_hash").join(near_rep, "representative")
                        .select("id", "_near_cluster"))
        else:
            near_doc = hashes.sparkSession.createDataFrame([], "id string, _near_cluster string")
        matched = clustered.join(by_doc, "id", "left").join(near_doc, "id", "left")
        component = Window.partitionBy("component")
        matched = matched.withColumn("_earlier", F.coalesce(F.min("_exact_cluster").over(component),
                                                            F.min("_near_cluster").over(component))).drop(
            "_near_cluster")
        return matched.join(info.withColumnRenamed("cluster_id", "_earlier"), "_earlier", "left")

    @staticmethod
    def _write_index_share(ctx: StageContext, ranked, by_earlier, settings, stats: Stats) -> None:
        """This release's share of the corpus state: one row per cluster it has documents in, and the hashes and
        band keys of the survivors it keeps (all Spark; see DEDUP_INDEX_*)."""
        from pyspark.sql import functions as F

        crawl = ctx.config.crawl
        heads = ranked.where(F.col("_rank") == 1)
        kept = ~by_earlier
        clusters = heads.select(
            F.coalesce("_earlier", "id").alias("cluster_id"),
            F.col("_in_release").cast("long").alias("added"),
            F.when(kept, F.col("id")).otherwise(F.col("_earlier_survivor")).alias("survivor_id"),
            F.when(kept, F.lit(crawl)).otherwise(F.col("_earlier_release")).alias("survivor_release"),
            F.when(kept & F.col("_earlier").isNotNull(), F.col("_earlier_survivor")).alias("superseded_id"),
            F.when(kept, F.col("_survivor_sig")).alias("signature"),
        )
        clusters.write.mode("overwrite").parquet(ctx.dataset_path(DEDUP_INDEX_CLUSTERS))
        clusters = ctx.spark.read.parquet(ctx.dataset_path(DEDUP_INDEX_CLUSTERS))
        new = clusters.where(F.col("survivor_release") == crawl)
        (heads.where(kept).select("exact_hash", F.coalesce("_earlier", "id").alias("cluster_id"))
         .write.mode("overwrite").parquet(ctx.dataset_path(DEDUP_INDEX_EXACT)))
        (new.where(F.col("signature").isNotNull())
         .select("cluster_id", F.posexplode(_band_keys(settings)).alias("band", "key"))
         .select("band", "key", "cluster_id").write.mode("overwrite").parquet(ctx.dataset_path(DEDUP_INDEX_BANDS)))
        counts = clusters.agg(F.count("*").alias("clusters"), F.count("superseded_id").alias("superseded"),
                              F.sum(F.when((F.col("survivor_release") != crawl) | F.col("superseded_id").isNotNull(),
                                           1).otherwise(0)).alias("extended")).first()
        stats.details["index_rows"] = {
            "clusters": counts["clusters"],
            "exact": ctx.spark.read.parquet(ctx.dataset_path(DEDUP_INDEX_EXACT)).count(),
            "bands": ctx.spark.read.parquet(ctx.dataset_path(DEDUP_INDEX_BANDS)).count(),
        }
        if stats.details.get("corpus") is not None:
            stats.details["corpus"].update(
                earlier_clusters_extended=counts["extended"] or 0, superseded=counts["superseded"] or 0)

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

        bands = signatures.select("id", F.posexplode(_band_keys(settings)).alias("band", "key"))
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

