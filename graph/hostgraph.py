"""Stage ``hostgraph``: the host-level link graph of a crawl, from its WAT files.

Each WAT response record gives one page: its host, and the hosts its hyperlinks (and HTTP redirect) point to.
Links that are not votes are counted and left out: resources (images, scripts, stylesheets), ``rel`` nofollow /
sponsored / ugc, links within the same host, and targets that are not public host names. Pages then fold into
host-level edges, deduplicated, and every host — crawled or only linked to — becomes a vertex with a dense id in
the order of its reversed name, as in Common Crawl's host graphs. Nothing is collected to the driver but counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import suppress
from functools import partial
from typing import Any
from urllib.parse import urljoin

from pydantic import BaseModel, Field

from pipeline.core.config import Section
from pipeline.core.crawlinput import read_crawl
from pipeline.core.stage import Stage, StageContext, StageDetails, Stats
from pipeline.core.warc import type_reason
from pipeline.lib.datasets import HOSTGRAPH_EDGES, HOSTGRAPH_EXPORT, HOSTGRAPH_PAGES, HOSTGRAPH_VERTICES
from pipeline.lib.hosts import registered_domain, reverse_host, url_host
from pipeline.lib.ids import dense_ids


class HostgraphStageConfig(Section):
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
    links: dict[str, int] = {}  # links by outcome: hyperlink, redirect, rel_nofollow, same_host, target_…
    graph: GraphSummary | None = None


class HostGraphStage(Stage):
    name = "hostgraph"
    description = "Host-level link graph from WAT outlinks: normalized hosts, registered domains, dense ids."
    writes = (HOSTGRAPH_PAGES, HOSTGRAPH_VERTICES, HOSTGRAPH_EDGES, HOSTGRAPH_EXPORT)
    settings = HostgraphStageConfig
    Details = HostgraphDetails
    config_sections = ("inputs", "reader")

    def run(self, ctx: StageContext, stats: Stats) -> None:
        from pyspark.sql import functions as F

        settings = ctx.config.stages.hostgraph
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
        edges.sortWithinPartitions("src", "dst").write.mode("overwrite").parquet(ctx.dataset_path(HOSTGRAPH_EDGES))
        edges = spark.read.parquet(ctx.dataset_path(HOSTGRAPH_EDGES))

        out_degree = edges.groupBy(F.col("src").alias("id")).agg(F.count("*").alias("out_degree"))
        in_degree = edges.groupBy(F.col("dst").alias("id")).agg(F.count("*").alias("in_degree"))
        full = (
            vertices.join(out_degree, "id", "left").join(in_degree, "id", "left")
            .join(crawled, "host", "left")
            .select("id", "host", "domain",
                    F.coalesce("out_degree", F.lit(0)).alias("out_degree"),
                    F.coalesce("in_degree", F.lit(0)).alias("in_degree"),
                    F.coalesce("pages_crawled", F.lit(0)).alias("pages_crawled"))
        )
        full.sortWithinPartitions("id").write.mode("overwrite").parquet(ctx.dataset_path(HOSTGRAPH_VERTICES))
        vertices = spark.read.parquet(ctx.dataset_path(HOSTGRAPH_VERTICES))
        stats.details["graph"] = self._summary(vertices, edges)

        if settings.text_export:
            export = ctx.artifact_path(HOSTGRAPH_EXPORT)
            vertices.orderBy("id").select(F.concat_ws("\t", "id", "host")).write.option(
                "compression", "gzip").text(f"{export}/vertices")
            edges.orderBy("src", "dst").select(F.concat_ws("\t", "src", "dst")).write.option(
                "compression", "gzip").text(f"{export}/edges")

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
