"""Stage ``hostgraph``: the host-level link graph of a crawl, from its WAT files.

Each WAT response record gives one page: its host, and the hosts its hyperlinks (and HTTP redirect) point to.
Links that are not votes are counted and left out: resources (images, scripts, stylesheets), ``rel`` nofollow /
sponsored / ugc, links within the same host, and targets that are not public host names. Pages then fold into
host-level edges, deduplicated, and every host — crawled or only linked to — becomes a vertex with a dense id in
the order of its reversed name, as in Common Crawl's host graphs. Nothing is collected to the driver but counts.

With ``source: cc_webgraph`` the stage reads Common Crawl's published host graph of a release instead (its
``*-host-vertices.txt.gz`` and ``*-host-edges.txt.gz``) and writes the same vertices and edges; what only the WAT
pass knows (pages, titles, page counts, link outcomes) is missing, and ``stats.json`` says so.
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterator
from contextlib import suppress
from functools import partial
from typing import Any, Literal
from urllib.parse import urljoin

from pydantic import BaseModel, Field, field_validator, model_validator

from pipeline.core.config import S3Config, Section
from pipeline.core.crawlinput import read_crawl
from pipeline.core.stage import (
    DROP_DETAIL,
    DROP_EXAMPLES_PER_REASON,
    DROP_OFFSET,
    DROP_PATH,
    DROP_REASON,
    Stage,
    StageContext,
    StageDetails,
    StageError,
    Stats,
)
from pipeline.core.storage import list_inputs, open_input, redact_url
from pipeline.core.warc import type_reason
from pipeline.lib.datasets import HOSTGRAPH_EDGES, HOSTGRAPH_EXPORT, HOSTGRAPH_PAGES, HOSTGRAPH_VERTICES
from pipeline.lib.hosts import normalize_host, registered_domain, reverse_host, url_host
from pipeline.lib.ids import dense_ids


class CcWebgraphConfig(Section):
    """Common Crawl's published host-level web graph of a release (source: cc_webgraph)."""

    vertices: str | None = Field(
        default=None, description="The release's *-host-vertices.txt.gz (id<TAB>reversed host): path, s3:// URL or "
        "glob, relative to inputs.base_url unless absolute; {crawl} is filled")
    edges: str | None = Field(
        default=None, description="The release's *-host-edges.txt.gz (src<TAB>dst ids), as vertices")

    @field_validator("vertices", "edges")
    @classmethod
    def _placeholders(cls, value: str | None) -> str | None:
        # Checked at load time (a config error, exit 2), not hours later when the stage formats the path.
        if value is not None:
            try:
                value.format(crawl="CC-MAIN-2024-10")
            except (KeyError, IndexError, ValueError) as exc:
                raise ValueError(f"a path may only contain the placeholder {{crawl}}: {exc}") from None
        return value


class HostgraphStageConfig(Section):
    source: Literal["wat", "cc_webgraph"] = Field(
        default="wat", description="wat: build the graph from the crawl's WAT files; cc_webgraph: read Common "
        "Crawl's published host graph (stages.hostgraph.cc_webgraph) — no pages, titles or page counts")
    cc_webgraph: CcWebgraphConfig = CcWebgraphConfig()
    link_paths: list[str] = Field(
        default_factory=lambda: ["A@/href", "AREA@/href"],
        description="WAT link paths that are hyperlinks (images, scripts and stylesheets are not)",
    )
    skip_rel: list[str] = Field(
        default_factory=lambda: ["nofollow", "sponsored", "ugc"],
        description="Links whose rel has one of these are not votes and give no edge",
    )
    follow_redirects: bool = Field(default=True, description="An HTTP redirect is an edge to its target host")
    strip_www: bool = Field(default=False, description="Fold www.example.com into example.com")
    text_export: bool = Field(default=True, description="Also write gzip text files for the WebGraph tools")

    @model_validator(mode="after")
    def _source_paths(self):
        if self.source == "cc_webgraph":
            missing = [key for key in ("vertices", "edges") if not getattr(self.cc_webgraph, key)]
            if missing:
                raise ValueError("source cc_webgraph needs " + " and ".join(
                    f"stages.hostgraph.cc_webgraph.{key}" for key in missing)
                    + " (the release's *-host-vertices.txt.gz / *-host-edges.txt.gz)")
        return self


DEGREE_PERCENTILES = (0.5, 0.9, 0.99, 0.999)
TOP_HOSTS = 20


def _header(headers: dict, name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value if isinstance(value, str) else None
    return None


# WAT JSON is input: a field of the wrong type (damage, another writer's quirk) is treated as absent, never trusted.
def _object(value) -> dict:
    return value if isinstance(value, dict) else {}


def _array(value) -> list:
    return value if isinstance(value, list) else []


def _text(value) -> str | None:
    return value if isinstance(value, str) else None


def _status(value) -> int | None:
    """An HTTP status from the WAT (a string there, sometimes a number): three digits, else None."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value).strip()
    return int(text) if len(text) == 3 and text.isascii() and text.isdigit() else None


def page_row(
    record, *, link_paths: frozenset[str], skip_rel: tuple[str, ...], follow_redirects: bool, strip_www: bool
) -> Iterator[tuple]:
    """One WAT record → a page row with its link targets, or a drop with the reason."""
    payload = record.json
    if payload is None:
        reason, detail = type_reason("warc_type_", record.warc_type)
        yield HOSTGRAPH_PAGES.dropped(reason, record.path, record.offset, detail)
        return
    envelope = _object(payload.get("Envelope"))
    warc_headers = _object(envelope.get("WARC-Header-Metadata"))
    wat_type = warc_headers.get("WARC-Type")
    if not (isinstance(wat_type, str) and wat_type.lower() == "response"):
        reason, detail = type_reason("wat_", wat_type)
        yield HOSTGRAPH_PAGES.dropped(reason, record.path, record.offset, detail)
        return
    url = _text(warc_headers.get("WARC-Target-URI")) or record.target_uri or ""
    source, reason = url_host(url, strip_www=strip_www)
    if source is None:
        yield HOSTGRAPH_PAGES.dropped(f"source_{reason}", record.path, record.offset, url[:200])
        return
    http = _object(_object(envelope.get("Payload-Metadata")).get("HTTP-Response-Metadata"))
    status = _status(_object(http.get("Response-Message")).get("Status"))
    html_meta = _object(http.get("HTML-Metadata"))
    head = _object(html_meta.get("Head"))
    base = url
    if isinstance(head.get("Base"), str):
        with suppress(ValueError):  # an unusable <base href> ("http://[") is ignored, as browsers do
            base = urljoin(url, head["Base"])
    counts: Counter[str] = Counter()
    targets: set[str] = set()

    def add_target(target_url: str, base_url: str, kind: str) -> None:
        host, why = url_host(target_url, base_url, strip_www)
        if host is None:
            counts[f"target_{why}"] += 1
        elif host == source:
            counts["same_host"] += 1
        else:
            counts[kind] += 1
            targets.add(reverse_host(host))

    links = html_meta.get("Links")
    if links is not None and not isinstance(links, list):
        counts["malformed_link"] += 1
    for link in _array(links):
        if not isinstance(link, dict):
            counts["malformed_link"] += 1
            continue
        if _text(link.get("path")) not in link_paths:
            counts["not_hyperlink"] += 1
            continue
        rels = str(link.get("rel") or "").lower().split()
        blocked = next((rel for rel in rels if rel in skip_rel), None)
        if blocked:
            counts[f"rel_{blocked}"] += 1
            continue
        add_target(str(link.get("url") or ""), base, "hyperlink")
    if follow_redirects and status is not None and 300 <= status < 400:
        location = _header(_object(http.get("Headers")), "location")
        if location:
            add_target(location, url, "redirect")
    description = next(
        (meta.get("content") for meta in _array(head.get("Metas"))
         if isinstance(meta, dict) and str(meta.get("name", "")).lower() == "description"),
        None,
    )
    title = head.get("Title")
    yield HOSTGRAPH_PAGES.row(
        url=url,
        host=reverse_host(source),
        status=status,
        title=title if isinstance(title, str) else None,
        description=description if isinstance(description, str) else None,
        targets=sorted(targets),
        link_counts=dict(counts),
    )


def _vertex_row(row) -> tuple[int, str, str]:
    host, vertex_id = row
    return vertex_id, host, reverse_host(registered_domain(reverse_host(host)))


# ---- source cc_webgraph: Common Crawl's published host graph ----------------------------------------------------
# A release's files are tens of GB of gzip: each is streamed line by line in one Spark task (gzip cannot be split),
# nothing but counts and a few drop examples reaches the driver. Every line becomes a row: kept, or dropped with a
# reason, so stats.input (vertex lines + edge lines) == output + sum(dropped).
MAX_LINE_BYTES = 4096  # an id, a tab and a host of at most 253 characters; longer is damage, not a host
WEBGRAPH_VERTEX_SCHEMA = "cc_id long, host string, drop_reason string, drop_detail string, drop_path string, " \
                         "drop_offset long"
WEBGRAPH_EDGE_SCHEMA = "src_cc long, dst_cc long, drop_reason string, drop_detail string, drop_path string, " \
                       "drop_offset long"
CC_WEBGRAPH_MISSING = (
    "hostgraph/pages is empty: no WAT titles or descriptions, so rank gives every host language null and select "
    "counts them as 'und' (language quotas cannot be met)",
    "pages_crawled is 1 for a host with out-links (Common Crawl's edges come from crawled pages) and 0 otherwise: "
    "a crawled flag, not a page count; crawled hosts without external links look uncrawled",
    "link outcomes (nofollow, resources, same-host links) are not known: links is empty",
)


def _lines(stream, limit: int = MAX_LINE_BYTES) -> Iterator[bytes | None]:
    """The lines of a binary stream without their newline; None for a line over ``limit`` bytes (read past, never
    held whole: a damaged file without newlines must not fill a worker's memory)."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit:
            while line and not line.endswith(b"\n"):
                line = stream.readline(1 << 16)
            yield None
            continue
        yield line.rstrip(b"\r\n")


def _cc_id(field: bytes) -> int | None:
    field = field.strip()
    return int(field) if field.isdigit() and len(field) <= 18 else None


def webgraph_vertex(line: bytes | None, path: str, number: int, strip_www: bool) -> tuple:
    """``id<TAB>com.example.www`` → (cc_id, normalized reversed host, None, ...) or a drop with its reason; a host
    that cannot be normalized keeps its cc_id so that edges to it are told apart from edges to unknown ids."""
    fields = line.split(b"\t") if line is not None else []
    cc_id = _cc_id(fields[0]) if len(fields) == 2 else None
    if cc_id is None:
        detail = "line too long" if line is None else f"expected id<TAB>host: {line[:200]!r}"
        return None, None, "vertex_malformed", detail, path, number
    try:
        name = fields[1].decode("utf-8").strip()
    except UnicodeDecodeError:
        return None, None, "vertex_malformed", f"host not UTF-8: {fields[1][:200]!r}", path, number
    host, reason = normalize_host(reverse_host(name), strip_www)
    if host is None:
        return cc_id, None, f"vertex_{reason}", name[:200], path, number
    return cc_id, reverse_host(host), None, None, path, number


def webgraph_edge(line: bytes | None, path: str, number: int) -> tuple:
    """``src<TAB>dst`` → (src cc_id, dst cc_id, None, ...) or a drop."""
    fields = line.split(b"\t") if line is not None else []
    ids = [_cc_id(field) for field in fields] if len(fields) == 2 else [None]
    if None in ids:
        detail = "line too long" if line is None else f"expected src<TAB>dst ids: {line[:200]!r}"
        return None, None, "edge_malformed", detail, path, number
    return ids[0], ids[1], None, None, path, number


def webgraph_rows(paths: Iterator[str], *, kind: str, s3: S3Config, parse) -> Iterator[tuple]:
    """Every line of the files as a row from ``parse(line, path, line_number)``; a file that cannot be opened or
    breaks off (truncated gzip, S3 failing beyond its retries) adds one ``<kind>_unreadable_file`` drop after the
    lines read before the damage."""
    for path in paths:
        number = 0
        try:
            with open_input(path, s3) as raw:
                stream = gzip.GzipFile(fileobj=raw) if path.endswith(".gz") else raw
                for line in _lines(stream):
                    number += 1
                    yield parse(line, path, number)
        except Exception as exc:
            detail = f"{redact_url(path)} after line {number}: {type(exc).__name__}: {exc}"[:500]
            yield None, None, f"{kind}_unreadable_file", detail, path, number + 1


class GraphSummary(BaseModel):
    vertices: int
    edges: int
    crawled_hosts: int
    domains: int
    dangling: int
    dangling_fraction: float
    same_domain_edges: int
    same_domain_fraction: float
    degree_percentiles: dict[str, dict[str, float]]
    top_in_degree: list[dict[str, Any]]


class HostgraphDetails(StageDetails):
    source: str = "wat"  # where the graph came from: wat or cc_webgraph
    links: dict[str, int] = {}  # links by outcome: hyperlink, redirect, rel_nofollow, same_host, target_…
    # source cc_webgraph: the files read, their lines, and what the published graph cannot say
    cc_webgraph: dict[str, Any] | None = None
    graph: GraphSummary | None = None


class HostGraphStage(Stage):
    name = "hostgraph"
    description = "Host-level link graph from WAT outlinks: normalized hosts, registered domains, dense ids."
    writes = (HOSTGRAPH_PAGES, HOSTGRAPH_VERTICES, HOSTGRAPH_EDGES, HOSTGRAPH_EXPORT)
    settings = HostgraphStageConfig
    Details = HostgraphDetails
    config_sections = ("inputs", "reader")

    def run(self, ctx: StageContext, stats: Stats) -> None:
        settings = ctx.config.stages.hostgraph
        stats.details["source"] = settings.source
        self._cached: list = []  # frames persisted by a source, released once the stage has written its outputs
        try:
            self._build(ctx, stats, settings)
        finally:
            for frame in self._cached:
                frame.unpersist()

    def _build(self, ctx: StageContext, stats: Stats, settings: HostgraphStageConfig) -> None:
        from pyspark.sql import functions as F

        spark = ctx.spark
        if settings.source == "cc_webgraph":
            vertices, edges = self._from_cc_webgraph(ctx, stats, settings)
            crawled = None
        else:
            vertices, edges, crawled = self._from_wat(ctx, stats, settings)
        edges.sortWithinPartitions("src", "dst").write.mode("overwrite").parquet(ctx.dataset_path(HOSTGRAPH_EDGES))
        edges = spark.read.parquet(ctx.dataset_path(HOSTGRAPH_EDGES))

        out_degree = edges.groupBy(F.col("src").alias("id")).agg(F.count("*").alias("out_degree"))
        in_degree = edges.groupBy(F.col("dst").alias("id")).agg(F.count("*").alias("in_degree"))
        full = vertices.join(out_degree, "id", "left").join(in_degree, "id", "left")
        if crawled is None:
            # Common Crawl's host graph has no page counts; its edges come from crawled pages only, so a host with
            # out-links was crawled. 1 marks that (select keeps crawled hosts), it is not a count.
            pages_crawled = (F.coalesce("out_degree", F.lit(0)) > 0).cast("long")
        else:
            full = full.join(crawled, "host", "left")
            pages_crawled = F.coalesce("pages_crawled", F.lit(0))
        full = full.select("id", "host", "domain",
                           F.coalesce("out_degree", F.lit(0)).alias("out_degree"),
                           F.coalesce("in_degree", F.lit(0)).alias("in_degree"),
                           pages_crawled.alias("pages_crawled"))
        full.sortWithinPartitions("id").write.mode("overwrite").parquet(ctx.dataset_path(HOSTGRAPH_VERTICES))
        vertices = spark.read.parquet(ctx.dataset_path(HOSTGRAPH_VERTICES))
        stats.details["graph"] = self._summary(vertices, edges)

        if settings.text_export:
            export = ctx.artifact_path(HOSTGRAPH_EXPORT)
            vertices.orderBy("id").select(F.concat_ws("\t", "id", "host")).write.option(
                "compression", "gzip").text(f"{export}/vertices")
            edges.orderBy("src", "dst").select(F.concat_ws("\t", "src", "dst")).write.option(
                "compression", "gzip").text(f"{export}/edges")

    def _from_wat(self, ctx: StageContext, stats: Stats, settings: HostgraphStageConfig):
        """(vertices (id, host, domain), edges (src, dst, same_domain), crawled (host, pages_crawled)) from the WAT
        files, with hostgraph/pages written on the way."""
        from pyspark.sql import functions as F

        row_maker = partial(
            page_row,
            link_paths=frozenset(settings.link_paths),
            skip_rel=tuple(rel.lower() for rel in settings.skip_rel),
            follow_redirects=settings.follow_redirects,
            strip_www=settings.strip_www,
        )
        ctx.write_accounted(read_crawl(ctx, stats, "wat", HOSTGRAPH_PAGES, row_maker), HOSTGRAPH_PAGES, stats)

        spark = ctx.spark
        pages = spark.read.parquet(ctx.dataset_path(HOSTGRAPH_PAGES))
        link_totals = pages.select(F.explode("link_counts").alias("outcome", "count")).groupBy("outcome").agg(
            F.sum("count").alias("count")
        )
        stats.details["links"] = {row["outcome"]: int(row["count"]) for row in link_totals.collect()}

        crawled = pages.groupBy("host").agg(F.count("*").alias("pages_crawled"))
        pairs = pages.select(F.col("host").alias("src"), F.explode("targets").alias("dst")).distinct()
        names = crawled.select("host").union(pairs.select(F.col("dst").alias("host")))
        ids = dense_ids(spark, names, "host")
        vertices = spark.createDataFrame(ids.rdd.map(_vertex_row), "id long, host string, domain string")
        source = vertices.select(F.col("host").alias("src"), F.col("id").alias("src_id"),
                                 F.col("domain").alias("src_domain"))
        target = vertices.select(F.col("host").alias("dst"), F.col("id").alias("dst_id"),
                                 F.col("domain").alias("dst_domain"))
        edges = (
            pairs.join(source, "src").join(target, "dst")
            .select(F.col("src_id").alias("src"), F.col("dst_id").alias("dst"),
                    (F.col("src_domain") == F.col("dst_domain")).alias("same_domain"))
        )
        return vertices, edges, crawled

    def _from_cc_webgraph(self, ctx: StageContext, stats: Stats, settings: HostgraphStageConfig):
        """(vertices (id, host, domain), edges (src, dst, same_domain)) from Common Crawl's published host graph.

        Hosts are normalized as the WAT path normalizes them, then get new dense ids in the order of their reversed
        names: the same ids the WAT path gives the same hosts. Common Crawl's ids only join the edges to their
        hosts. Every line is accounted: malformed lines, vertex ids listed twice (ambiguous: all their lines
        dropped), hosts that cannot be normalized (vertex_<reason>), lines whose host another line already has
        after normalization (vertex_merged: its edges move to that host), edges to unknown ids or dropped hosts,
        self-loops (only merges make them) and duplicate edges."""
        from pyspark import StorageLevel
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        spark = ctx.spark
        config = ctx.config
        files = {}
        for kind in ("vertices", "edges"):
            spec = getattr(settings.cc_webgraph, kind).format(crawl=config.crawl)
            try:
                files[kind] = list_inputs(spec, config.inputs.base_url, config.storage.s3)
            except FileNotFoundError as exc:
                raise StageError(f"stages.hostgraph.cc_webgraph.{kind}: {exc}") from None

        def read(kind: str, parse, schema: str):
            rows = partial(webgraph_rows, kind=kind.removesuffix("s").replace("vertice", "vertex"),
                           s3=config.storage.s3, parse=parse)
            rdd = spark.sparkContext.parallelize(files[kind], len(files[kind])).mapPartitions(rows)
            return spark.createDataFrame(rdd, schema)

        reason = F.col(DROP_REASON)
        parse_vertex = partial(webgraph_vertex, strip_www=settings.strip_www)
        raw = read("vertices", parse_vertex, WEBGRAPH_VERTEX_SCHEMA)
        # An id listed twice could map its edges to either host: all its lines go, and so do its edges.
        copies = F.when(F.col("cc_id").isNotNull(), F.count(F.lit(1)).over(Window.partitionBy("cc_id")))
        lines = raw.withColumn("copies", copies).withColumn(
            DROP_REASON, F.when(F.col("copies") > 1, F.lit("vertex_duplicate_id")).otherwise(reason))
        # Two ids whose hosts normalize alike (case, strip_www) are one vertex: the first id's line is kept.
        first = F.row_number().over(Window.partitionBy(reason.isNull(), "host").orderBy("cc_id"))
        lines = lines.withColumn(DROP_REASON, F.when(reason.isNull() & (first > 1), F.lit("vertex_merged"))
                                 .otherwise(reason)).persist(StorageLevel.DISK_ONLY)
        ids = dense_ids(spark, lines.where(reason.isNull()).select("host"), "host")
        vertices = spark.createDataFrame(ids.rdd.map(_vertex_row), "id long, host string, domain string")
        vertices = vertices.persist(StorageLevel.DISK_ONLY)
        # cc_id → new id; null for an id whose host was dropped (not normalizable, or its id listed twice).
        mapping = (lines.where(F.col("cc_id").isNotNull())
                   .select("cc_id", F.when(F.col("copies") == 1, F.col("host")).alias("host")).distinct()
                   .join(vertices.select("host", "id"), "host", "left").select("cc_id", "id"))

        edge_lines = read("edges", webgraph_edge, WEBGRAPH_EDGE_SCHEMA)
        for end in ("src", "dst"):
            known = mapping.select(F.col("cc_id").alias(f"{end}_cc"), F.col("id").alias(end),
                                   F.lit(True).alias(f"{end}_known"))
            edge_lines = edge_lines.join(known, f"{end}_cc", "left")
        edge_reason = F.coalesce(
            reason,
            F.when(F.col("src_known").isNull() | F.col("dst_known").isNull(), F.lit("edge_unknown_vertex")),
            F.when(F.col("src").isNull() | F.col("dst").isNull(), F.lit("edge_dropped_vertex")),
            F.when(F.col("src") == F.col("dst"), F.lit("edge_self_loop")),
        )
        edge_lines = edge_lines.withColumn(DROP_REASON, edge_reason)
        repeat = F.row_number().over(Window.partitionBy(reason.isNull(), "src", "dst").orderBy(DROP_PATH, DROP_OFFSET))
        edge_lines = edge_lines.withColumn(
            DROP_REASON, F.when(reason.isNull() & (repeat > 1), F.lit("edge_duplicate")).otherwise(reason)
        ).persist(StorageLevel.DISK_ONLY)
        self._cached = [lines, vertices, edge_lines]

        counts: dict[str, dict[str | None, int]] = {}
        for kind, frame in (("vertices", lines), ("edges", edge_lines)):
            counts[kind] = {row[DROP_REASON]: row["count"] for row in frame.groupBy(DROP_REASON).count().collect()}
            kept = counts[kind].pop(None, 0)
            stats.input += kept + sum(counts[kind].values())
            stats.output += kept
            for why, count in counts[kind].items():
                stats.dropped[why] = stats.dropped.get(why, 0) + count
            stats.details.setdefault("drop_examples", []).extend(self._drop_examples(frame))
            counts[kind][None] = kept
        stats.details["links"] = {}
        stats.details["cc_webgraph"] = {
            "vertex_files": [redact_url(path) for path in files["vertices"]],
            "edge_files": [redact_url(path) for path in files["edges"]],
            "vertex_lines": sum(counts["vertices"].values()),
            "edge_lines": sum(counts["edges"].values()),
            "missing": list(CC_WEBGRAPH_MISSING),
        }
        # rank reads hostgraph/pages for the hosts' languages: published empty, with its schema, so rank runs
        # unchanged and finds no language evidence.
        spark.createDataFrame([], HOSTGRAPH_PAGES.spark_schema()).write.mode("overwrite").parquet(
            ctx.dataset_path(HOSTGRAPH_PAGES))

        domains = vertices.select("id", "domain")
        edges = (
            edge_lines.where(reason.isNull()).select("src", "dst")
            .join(domains.select(F.col("id").alias("src"), F.col("domain").alias("src_domain")), "src")
            .join(domains.select(F.col("id").alias("dst"), F.col("domain").alias("dst_domain")), "dst")
            .select("src", "dst", (F.col("src_domain") == F.col("dst_domain")).alias("same_domain"))
        )
        return vertices, edges

    @staticmethod
    def _drop_examples(frame) -> list[dict]:
        """A few dropped lines of every reason, with file and line number, as write_accounted records them."""
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        rank = F.row_number().over(Window.partitionBy(DROP_REASON).orderBy(DROP_PATH, DROP_OFFSET))
        examples = (frame.where(F.col(DROP_REASON).isNotNull())
                    .select(DROP_REASON, DROP_DETAIL, DROP_PATH, DROP_OFFSET)
                    .withColumn("rank", rank).where(F.col("rank") <= DROP_EXAMPLES_PER_REASON).drop("rank")
                    .orderBy(DROP_REASON, DROP_PATH, DROP_OFFSET).collect())
        return [row.asDict() for row in examples]

    @staticmethod
    def _summary(vertices, edges) -> dict:
        from pyspark.sql import functions as F

        totals = vertices.agg(
            F.count("*").alias("vertices"),
            F.sum((F.col("out_degree") == 0).cast("long")).alias("dangling"),
            F.sum((F.col("pages_crawled") > 0).cast("long")).alias("crawled_hosts"),
            F.countDistinct("domain").alias("domains"),
            F.max("in_degree").alias("max_in_degree"),
            F.max("out_degree").alias("max_out_degree"),
        ).first()
        edge_totals = edges.agg(F.count("*").alias("edges"),
                                F.sum(F.col("same_domain").cast("long")).alias("same_domain")).first()
        vertex_count = int(totals["vertices"] or 0)
        edge_count = int(edge_totals["edges"] or 0)
        degree_columns = ["in_degree", "out_degree"]
        quantiles = (vertices.approxQuantile(degree_columns, list(DEGREE_PERCENTILES), 0.001) if vertex_count
                     else [[0.0] * len(DEGREE_PERCENTILES)] * 2)  # both columns in one pass; an empty graph has 0s
        percentiles = {}
        for column, values in zip(degree_columns, quantiles, strict=True):
            percentiles[column] = {f"p{q * 100:g}": float(v) for q, v in zip(DEGREE_PERCENTILES, values, strict=True)}
            percentiles[column]["max"] = int(totals[f"max_{column}"] or 0)
        top = vertices.orderBy(F.desc("in_degree"), "id").limit(TOP_HOSTS).select("host", "in_degree", "out_degree")
        return {
            "vertices": vertex_count,
            "edges": edge_count,
            "crawled_hosts": int(totals["crawled_hosts"] or 0),
            "domains": int(totals["domains"] or 0),
            "dangling": int(totals["dangling"] or 0),
            "dangling_fraction": (int(totals["dangling"] or 0) / vertex_count) if vertex_count else 0.0,
            "same_domain_edges": int(edge_totals["same_domain"] or 0),
            "same_domain_fraction": (int(edge_totals["same_domain"] or 0) / edge_count) if edge_count else 0.0,
            "degree_percentiles": percentiles,
            "top_in_degree": [row.asDict() for row in top.collect()],
        }
