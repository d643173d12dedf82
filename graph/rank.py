"""Stage ``rank``: host authority — PageRank, trust-seeded PageRank (TrustRank), spam mass — and host language.

The ranking graph is the host graph with links inside a registered domain removed and, by default, every
domain's hosts pooled into one voter with one share of the jump (``graph.pagerank``). PageRank jumps uniformly
over domains; TrustRank jumps only to the seed hosts in ``conf/seeds/``. Spam mass compares the two: the share of
a host's PageRank that trust does not explain. Link farms earn PageRank from each other but no trust.

Backends: ``local`` runs scipy on the driver (the fast path: a whole release's host graph fits one large
machine); ``spark`` runs on the cluster (the rank vector broadcast while it fits, else block-partitioned
joins); ``auto`` picks local when the estimated memory fits, and says why in ``stats.json``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import Field

from graph.harmonic import DEFAULT_BROADCAST_MAX_BYTES as DEFAULT_HARMONIC_BROADCAST_MAX_BYTES
from graph.harmonic import MAX_LOG2M, MIN_LOG2M, SparkHyperBall, harmonic_exact, harmonic_local
from graph.pagerank import (
    DEFAULT_BROADCAST_MAX_BYTES,
    DEFAULT_EDGES_PER_PARTITION,
    LocalGraph,
    SparkPageRank,
    group_teleport,
    pagerank_local,
    spark_partitions,
)
from pipeline.core import corpus
from pipeline.core.config import Section
from pipeline.core.stage import Stage, StageContext, StageDetails, StageError, Stats, digest_files
from pipeline.lib.datasets import HOSTGRAPH_EDGES, HOSTGRAPH_PAGES, HOSTGRAPH_VERTICES, RANK_DOMAINS, RANK_HOSTS
from pipeline.lib.hosts import normalize_host, reverse_host
from pipeline.lib.ids import dense_ids
from pipeline.lib.language import host_languages


class HarmonicConfig(Section):
    enabled: bool = Field(default=True, description="Compute harmonic centrality (rank/hosts.harmonic; null if off)")
    log2m: int = Field(
        default=8, ge=MIN_LOG2M, le=MAX_LOG2M,
        description="HyperLogLog registers per host = 2^log2m (memory: hosts × 2^log2m bytes); relative standard "
                    "error per ball 1.04/√(2^log2m): 6.5% at 8")
    max_distance: int = Field(default=0, ge=0, description="Stop after this many hops; 0: until no counter changes")
    exact_max_vertices: int = Field(
        default=0, ge=0, description="Graphs with at most this many hosts get exact BFS values (quadratic time)")
    seed: int = Field(default=0x5EED_C0FFEE, ge=0, description="Hash seed of the HyperLogLog counters")
    spark_broadcast_max_bytes: int = Field(
        default=DEFAULT_HARMONIC_BROADCAST_MAX_BYTES, ge=0,
        description="Spark backend: collect and broadcast the changed counters' registers each hop while all of "
        "them (hosts × (2^log2m + 8) bytes) are at most this big (one stage per hop); beyond it, joins")


class RankStageConfig(Section):
    backend: Literal["auto", "local", "spark"] = Field(
        default="auto", description="local: scipy on the driver; spark: distributed; auto: local when it fits"
    )
    damping: float = Field(default=0.85, gt=0, lt=1)
    tolerance: float = Field(default=1e-6, gt=0, description="Stop when the L1 change of an iteration is below")
    max_iterations: int = Field(default=100, ge=1)
    pool_by_domain: bool = Field(
        default=True, description="One vote per (source registered domain → target host); jump mass per domain"
    )
    ignore_same_domain: bool = Field(default=True, description="Links within a registered domain are not votes")
    seeds_dir: str = Field(default="conf/seeds", description="Trust seeds: one <lang>.txt per language")
    local_memory_fraction: float = Field(
        default=0.5, gt=0, le=1, description="auto picks local when its estimated memory fits in this share"
    )
    checkpoint_every: int = Field(default=5, ge=1, description="Spark backend: iterations between checkpoints")
    harmonic: HarmonicConfig = Field(
        default_factory=HarmonicConfig,
        description="Harmonic centrality over the host graph, as Common Crawl ranks hosts; same backend as PageRank")
    spark_broadcast_max_bytes: int = Field(
        default=DEFAULT_BROADCAST_MAX_BYTES, ge=0,
        description="Spark backend: broadcast the rank vector (8 bytes per host) while it is at most this big "
        "(one stage per iteration); beyond it, block-partitioned joins. The driver holds a few such vectors",
    )
    spark_edges_per_partition: int = Field(
        default=DEFAULT_EDGES_PER_PARTITION, ge=1,
        description="Spark backend: vote edges per partition (at least one partition per core)",
    )
    language_pages_per_host: int = Field(
        default=20, ge=1, description="Pages per host whose WAT title+description vote on the host's language"
    )


# Driver memory of the local backend, per vote edge and per vertex (arrays, CSR, Arrow transfer).
BYTES_PER_EDGE = 64
BYTES_PER_VERTEX = 96


def load_seeds(folder: str) -> dict[str, list[str]]:
    """{language: [reversed host]} from ``<folder>/<lang>.txt``."""
    path = Path(folder)
    if not path.is_dir():
        raise StageError(f"trust seeds folder not found: {folder} (stages.rank.seeds_dir)")
    seeds: dict[str, list[str]] = {}
    for file in sorted(path.glob("*.txt")):
        hosts = []
        for line in file.read_text(encoding="utf-8").splitlines():
            entry = line.split("#", 1)[0].strip()
            if not entry:
                continue
            host, reason = normalize_host(entry)
            if host is None:
                raise StageError(f"{file}: {entry!r} is not a host name ({reason})")
            hosts.append(reverse_host(host))
        seeds[file.stem] = hosts
    if not any(seeds.values()):
        raise StageError(f"no trust seeds in {folder}: add <lang>.txt files with one host per line")
    return seeds


def available_memory() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_AVPHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 0


def choose_backend(requested: str, vertices: int, edges: int, fraction: float) -> tuple[str, str]:
    estimate = vertices * BYTES_PER_VERTEX + edges * BYTES_PER_EDGE
    if requested != "auto":
        return requested, f"configured (local would need ~{estimate / 2**30:.2f} GiB on the driver)"
    memory = available_memory()
    if memory and estimate <= fraction * memory:
        return "local", (f"~{estimate / 2**30:.2f} GiB for {vertices:,} hosts and {edges:,} votes fits in "
                         f"{fraction:.0%} of the driver's {memory / 2**30:.1f} GiB available")
    return "spark", (f"~{estimate / 2**30:.2f} GiB for {vertices:,} hosts and {edges:,} votes exceeds "
                     f"{fraction:.0%} of the driver's {memory / 2**30:.1f} GiB available")


class RankDetails(StageDetails):
    vertices: int = 0
    empty_graph: bool = False
    seeds: dict[str, dict[str, int]] = {}  # per language: seeds listed, seeds found in the graph
    backend: str | None = None
    backend_reason: str | None = None
    groups: int | None = None  # voters: registered domains (pool_by_domain) or hosts
    votes: int | None = None
    ranking_seconds: float | None = None
    pagerank: dict[str, Any] | None = None  # iterations, convergence
    trustrank: dict[str, Any] | None = None
    harmonic: dict[str, Any] | None = None  # method, iterations (distances), converged, log2m
    pagerank_total: float | None = None
    trustrank_total: float | None = None
    with_language: int | None = None
    graph_releases: list[str] | None = None  # in a corpus: the releases whose host graphs were unioned
    spark_design: str | None = None  # broadcast or join (graph.pagerank)
    spark_partitions: int | None = None


class RankStage(Stage):
    name = "rank"
    description = "Host authority: PageRank, trust-seeded PageRank and spam mass over the host graph."
    requires = ("hostgraph",)
    writes = (RANK_HOSTS, RANK_DOMAINS)
    settings = RankStageConfig
    Details = RankDetails
    config_sections = ("language_id",)
    filtering = False

    def files_digest(self, config) -> str:
        return digest_files(config.stages.rank.seeds_dir)  # editing a seed list re-ranks

    def state_digest(self, config, fs) -> str:
        """With corpus.graph_releases > 1, the graph includes the earlier releases' host graphs."""
        window = self._window(config, fs)
        return "+".join(f"{entry.crawl}:{entry.digests.get('hostgraph')}" for entry in window)

    @staticmethod
    def _window(config, fs) -> list:
        if config.corpus.root is None or config.corpus.graph_releases <= 1:
            return []
        base = corpus.base_for(fs, config.corpus.root, config.crawl)
        return base.window(config.corpus.graph_releases - 1)

    def _graph(self, ctx: StageContext, stats: Stats):
        """The vertices and edges to rank: this release's host graph, or — in a corpus with graph_releases > 1 —
        the union of its edges with the window's earlier releases' (hosts by name, new dense ids in host order,
        degrees of the merged graph, pages crawled in this release)."""
        from pyspark.sql import functions as F

        vertices, edges = ctx.read(HOSTGRAPH_VERTICES), ctx.read(HOSTGRAPH_EDGES)
        window = self._window(ctx.config, ctx.fs)
        if not window:
            return vertices, edges
        graphs = [(vertices, edges, True)]
        for entry in window:
            root = corpus.release_root(ctx.config.corpus.root, entry.crawl)
            if not ctx.fs.exists(f"{root}/hostgraph/_SUCCESS"):
                raise corpus.CorpusError(f"the corpus state names release {entry.crawl}, but its host graph is "
                                         f"missing at {root}/hostgraph: the corpus root is damaged")
            graphs.append((ctx.spark.read.parquet(HOSTGRAPH_VERTICES.path(root)),
                           ctx.spark.read.parquet(HOSTGRAPH_EDGES.path(root)), False))
        stats.details["graph_releases"] = [ctx.config.crawl, *(entry.crawl for entry in window)]
        named_edges = hosts = None
        for release_vertices, release_edges, this_release in graphs:
            names = release_vertices.select("id", "host")
            named = (release_edges.join(names.withColumnRenamed("id", "src").withColumnRenamed("host", "src_host"),
                                        "src")
                     .join(names.withColumnRenamed("id", "dst").withColumnRenamed("host", "dst_host"), "dst")
                     .select("src_host", "dst_host", "same_domain"))
            pages = F.col("pages_crawled") if this_release else F.lit(0).cast("long")
            release_hosts = release_vertices.select("host", "domain", pages.alias("pages_crawled"))
            named_edges = named if named_edges is None else named_edges.unionByName(named)
            hosts = release_hosts if hosts is None else hosts.unionByName(release_hosts)
        hosts = hosts.groupBy("host").agg(F.first("domain").alias("domain"), F.max("pages_crawled").alias(
            "pages_crawled"))
        ids = dense_ids(ctx.spark, hosts, "host")
        hosts = hosts.join(ids, "host").withColumnRenamed("host_id", "id")
        merged = (named_edges.groupBy("src_host", "dst_host").agg(F.max("same_domain").alias("same_domain"))
                  .join(ids.withColumnRenamed("host", "src_host").withColumnRenamed("host_id", "src"), "src_host")
                  .join(ids.withColumnRenamed("host", "dst_host").withColumnRenamed("host_id", "dst"), "dst_host")
                  .select("src", "dst", "same_domain")).cache()
        out_degree = merged.groupBy(F.col("src").alias("id")).agg(F.count("*").alias("out_degree"))
        in_degree = merged.groupBy(F.col("dst").alias("id")).agg(F.count("*").alias("in_degree"))
        vertices = (hosts.join(out_degree, "id", "left").join(in_degree, "id", "left")
                    .select("id", "host", "domain", F.coalesce("out_degree", F.lit(0)).alias("out_degree"),
                            F.coalesce("in_degree", F.lit(0)).alias("in_degree"), "pages_crawled")).cache()
        return vertices, merged

    def run(self, ctx: StageContext, stats: Stats) -> None:
        from pyspark.sql import functions as F

        settings = ctx.config.stages.rank
        spark = ctx.spark
        vertices, edges = self._graph(ctx, stats)
        if settings.ignore_same_domain:
            edges = edges.where(~F.col("same_domain"))
        n = vertices.count()
        if n == 0:
            # A crawl without a single response page (an empty or request-only segment) has an empty graph:
            # nothing to rank, and empty outputs say so.
            for dataset in (RANK_HOSTS, RANK_DOMAINS):
                spark.createDataFrame([], dataset.spark_schema()).write.mode("overwrite").parquet(
                    ctx.dataset_path(dataset))
            stats.details.update(vertices=0, empty_graph=True)
            return
        if settings.pool_by_domain:
            domain_ids = dense_ids(spark, vertices, "domain")
            group_of = vertices.join(domain_ids, "domain").select("id", F.col("domain_id").alias("group")).cache()
            groups = domain_ids.count()
        else:
            group_of = vertices.select("id", F.col("id").alias("group")).cache()
            groups = n
        votes = (
            edges.join(group_of.withColumnRenamed("id", "src"), "src").select("group", "dst").distinct().cache()
        )
        vote_count = votes.count()

        seeds = load_seeds(settings.seeds_dir)
        seed_hosts = spark.createDataFrame(
            [(host, lang) for lang, hosts in seeds.items() for host in hosts], "host string, seed_language string"
        ).dropDuplicates(["host"])
        seed_ids = vertices.join(seed_hosts, "host").select("id", "host", "seed_language")
        found = {row["seed_language"]: row["count"] for row in seed_ids.groupBy("seed_language").count().collect()}
        if not found:
            raise StageError(f"none of the trust seeds in {settings.seeds_dir} is a host of this graph")
        stats.details["seeds"] = {lang: {"listed": len(hosts), "in_graph": found.get(lang, 0)}
                                  for lang, hosts in seeds.items()}

        backend, reason = choose_backend(settings.backend, n, vote_count, settings.local_memory_fraction)
        stats.details.update(backend=backend, backend_reason=reason, vertices=n, groups=groups, votes=vote_count)
        started = time.monotonic()
        if backend == "local":
            scores = self._local(spark, n, groups, group_of, votes, seed_ids, settings, stats)
        else:
            scores = self._spark(ctx, n, groups, group_of, votes, vote_count, seed_ids, settings, stats)
        harmonic = self._harmonic(ctx, backend, n, edges, settings.harmonic, stats)
        scores = scores.join(harmonic, "id", "left") if harmonic is not None else scores.withColumn(
            "harmonic", F.lit(None).cast("double"))
        stats.details["ranking_seconds"] = round(time.monotonic() - started, 3)

        languages = host_languages(
            spark, ctx.read(HOSTGRAPH_PAGES), ctx.config.language_id.model_path, settings.language_pages_per_host
        )
        hosts = (
            vertices.join(scores, "id").join(languages, "host", "left")
            .select(*RANK_HOSTS.column_names)
        )
        hosts.write.mode("overwrite").parquet(ctx.dataset_path(RANK_HOSTS))
        hosts = spark.read.parquet(ctx.dataset_path(RANK_HOSTS))
        domains = hosts.groupBy("domain").agg(
            F.count("*").alias("hosts"),
            F.max("pagerank").alias("pagerank_max"), F.sum("pagerank").alias("pagerank_sum"),
            F.max("trustrank").alias("trustrank_max"), F.sum("trustrank").alias("trustrank_sum"),
        )
        domains.select(*RANK_DOMAINS.column_names).write.mode("overwrite").parquet(ctx.dataset_path(RANK_DOMAINS))
        summary = hosts.agg(
            F.sum("pagerank").alias("pagerank_total"), F.sum("trustrank").alias("trustrank_total"),
            F.count("language").alias("with_language"),
        ).first()
        stats.details.update({key: summary[key] for key in ("pagerank_total", "trustrank_total", "with_language")})
        stats.input = stats.output = n

    @staticmethod
    def _harmonic(ctx, backend, n, edges, settings, stats):
        """(id, harmonic) over the host graph's distinct links (same-domain links out when ignored, as for
        PageRank), or None when disabled. Distances are per host, not pooled by domain: a hop is a hop."""
        from pyspark.sql import functions as F

        if not settings.enabled:
            return None
        spark = ctx.spark
        links = edges.where(F.col("src") != F.col("dst")).select("src", "dst").distinct()
        if backend == "local" or n <= settings.exact_max_vertices:
            import pyarrow as pa

            table = links.toArrow()
            src = table.column("src").to_numpy().astype(np.int64)
            dst = table.column("dst").to_numpy().astype(np.int64)
            if n <= settings.exact_max_vertices:
                values = harmonic_exact(n, src, dst)
                stats.details["harmonic"] = {"method": "exact"}
            else:
                values, result = harmonic_local(n, src, dst, settings.log2m, settings.max_distance, settings.seed)
                stats.details["harmonic"] = {"method": "hyperball", "log2m": settings.log2m, **result.__dict__}
            return spark.createDataFrame(pa.table({"id": np.arange(n, dtype=np.int64), "harmonic": values}))
        spark.sparkContext.setCheckpointDir(f"{ctx.work_path}/checkpoints")
        rank_settings = ctx.config.stages.rank
        links = links.cache()
        partitions = spark_partitions(links.count(), spark.sparkContext.defaultParallelism,
                                      rank_settings.spark_edges_per_partition)
        engine = SparkHyperBall(spark, n, links, partitions, settings.log2m, settings.seed,
                                rank_settings.checkpoint_every, settings.spark_broadcast_max_bytes)
        values, result = engine.run(settings.max_distance)
        links.unpersist()  # the engine keeps what it needs: its blocks (broadcast design) or its own edges (join)
        stats.details["harmonic"] = {"method": "hyperball", "log2m": settings.log2m, "spark_design": engine.design,
                                     "spark_partitions": partitions, **result.__dict__}
        return values

    @staticmethod
    def _spam_mass(pagerank, trustrank, seed_share):
        """Gyöngyi et al.: trust scaled to the jump mass PageRank gives the seeds, compared with PageRank."""
        return (pagerank - trustrank * seed_share) / pagerank

    def _local(self, spark, n, groups, group_of, votes, seed_ids, settings, stats):
        import pyarrow as pa

        mapping = group_of.toArrow()
        group_array = np.empty(n, dtype=np.int64)
        group_array[mapping.column("id").to_numpy()] = mapping.column("group").to_numpy()
        vote_table = votes.toArrow()
        graph = LocalGraph(n, groups, group_array, vote_table.column("group").to_numpy().astype(np.int64),
                           vote_table.column("dst").to_numpy().astype(np.int64))
        seed_mask = np.zeros(n, dtype=bool)
        seed_mask[seed_ids.select("id").toArrow().column("id").to_numpy()] = True
        uniform = group_teleport(group_array)
        trusted = group_teleport(group_array, seed_mask)
        pagerank, pr_result = pagerank_local(graph, uniform, settings.damping, settings.tolerance,
                                             settings.max_iterations)
        trustrank, tr_result = pagerank_local(graph, trusted, settings.damping, settings.tolerance,
                                              settings.max_iterations)
        stats.details["pagerank"] = pr_result.__dict__
        stats.details["trustrank"] = tr_result.__dict__
        spam = self._spam_mass(pagerank, trustrank, float(uniform[seed_mask].sum()))
        table = pa.table({"id": np.arange(n, dtype=np.int64), "pagerank": pagerank, "trustrank": trustrank,
                          "spam_mass": spam})
        return spark.createDataFrame(table)

    def _spark(self, ctx, n, groups, group_of, votes, vote_count, seed_ids, settings, stats):
        from pyspark.sql import functions as F

        spark = ctx.spark
        spark.sparkContext.setCheckpointDir(f"{ctx.work_path}/checkpoints")
        partitions = spark_partitions(vote_count, spark.sparkContext.defaultParallelism,
                                      settings.spark_edges_per_partition)
        engine = SparkPageRank(spark, n, groups, votes, group_of if settings.pool_by_domain else None, partitions,
                               settings.checkpoint_every, settings.spark_broadcast_max_bytes)
        stats.details["spark_design"] = engine.design
        stats.details["spark_partitions"] = partitions

        def teleport(members):
            """group_teleport as a DataFrame: jump mass even per group, then per member host."""
            eligible = group_of.join(members.select("id"), "id")
            group_count = eligible.select("group").distinct().count()
            sizes = eligible.groupBy("group").agg(F.count("*").alias("size"))
            return eligible.join(sizes, "group").select("id", (1.0 / (F.col("size") * group_count)).alias("weight"))

        uniform = teleport(group_of).cache()
        trusted = teleport(seed_ids).cache()
        results = {}
        for name, vector in (("pagerank", uniform), ("trustrank", trusted)):
            scores, result = engine.run(vector, settings.damping, settings.tolerance,
                                        settings.max_iterations)
            stats.details[name] = result.__dict__
            results[name] = engine.frame(scores, name)
        seed_share = trusted.join(uniform.withColumnRenamed("weight", "uniform"), "id").agg(F.sum("uniform")).first()[0]
        joined = results["pagerank"].join(results["trustrank"], "id")
        return joined.withColumn("spam_mass", self._spam_mass(F.col("pagerank"), F.col("trustrank"), float(seed_share)))
