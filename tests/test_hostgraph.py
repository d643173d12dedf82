"""Stage `hostgraph` on the sample crawl: its edges are exactly those the sample's truth implies."""

import gzip
import json
from collections import Counter

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.lib.datasets import HOSTGRAPH_EDGES, HOSTGRAPH_PAGES, HOSTGRAPH_VERTICES
from pipeline.lib.hosts import registered_domain, reverse_host
from pipeline.runner import run_pipeline
from tests.conftest import make_config

SKIP_REL = {"nofollow", "sponsored", "ugc"}


@pytest.fixture(scope="module")
def graph(spark, sample_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("hostgraph-out")
    [outcome] = run_pipeline(make_config(sample_dir, out), spark, ["hostgraph"])
    vertices = pq.read_table(HOSTGRAPH_VERTICES.path(str(out))).to_pylist()
    edges = pq.read_table(HOSTGRAPH_EDGES.path(str(out))).to_pylist()
    return out, outcome, vertices, edges


def lost_wat_pages(truth) -> set[str]:
    return {d["url"] for d in truth["damaged"] if "/wat/" in d["file"] and d["url"]}


def expected_edges(truth) -> set[tuple[str, str]]:
    lost = lost_wat_pages(truth)
    edges = set()
    for url, page in truth["pages"].items():
        if url in lost:
            continue
        source = page["host"]
        if page["status"] == 301:
            target = page["redirect_to"].split("/")[2]
            if target != source:
                edges.add((reverse_host(source), reverse_host(target)))
        for link in page["links"]:
            if link["tag"] not in ("a", "area") or (link["rel"] or "") in SKIP_REL or not link["host"]:
                continue
            if link["host"] != source:
                edges.add((reverse_host(source), reverse_host(link["host"])))
    return edges


def test_edges_equal_those_implied_by_the_truth(graph, truth):
    _, _, vertices, edges = graph
    name = {v["id"]: v["host"] for v in vertices}
    found = {(name[e["src"]], name[e["dst"]]) for e in edges}
    assert len(found) == len(edges), "edges are deduplicated"
    assert found == expected_edges(truth)
    assert all(e["src"] != e["dst"] for e in edges)


def test_vertex_ids_dense_ordered_and_degrees_consistent(graph, truth):
    _, _, vertices, edges = graph
    vertices = sorted(vertices, key=lambda v: v["id"])
    assert [v["id"] for v in vertices] == list(range(len(vertices)))
    assert [v["host"] for v in vertices] == sorted(v["host"] for v in vertices)
    out_degree = Counter(e["src"] for e in edges)
    in_degree = Counter(e["dst"] for e in edges)
    for vertex in vertices:
        assert vertex["out_degree"] == out_degree[vertex["id"]]
        assert vertex["in_degree"] == in_degree[vertex["id"]]
        assert vertex["domain"] == reverse_host(registered_domain(reverse_host(vertex["host"])))
    crawled = Counter(reverse_host(page["host"]) for url, page in truth["pages"].items()
                      if url not in lost_wat_pages(truth))
    assert {v["host"]: v["pages_crawled"] for v in vertices if v["pages_crawled"]} == dict(crawled)
    # Targets never crawled are vertices too.
    assert any(v["pages_crawled"] == 0 and v["in_degree"] > 0 for v in vertices)


def test_same_domain_flags(graph):
    _, _, vertices, edges = graph
    domain = {v["id"]: v["domain"] for v in vertices}
    assert all(e["same_domain"] == (domain[e["src"]] == domain[e["dst"]]) for e in edges)
    assert any(e["same_domain"] for e in edges) and not all(e["same_domain"] for e in edges)


def test_accounting_and_link_outcomes(graph, truth):
    out, outcome, _, _ = graph
    stats = outcome.stats
    assert stats.input == stats.output + sum(stats.dropped.values())
    assert stats.dropped["malformed_json"] == 1
    assert stats.output == len(pq.read_table(HOSTGRAPH_PAGES.path(str(out))))
    links = stats.details["links"]
    for outcome_name in ("hyperlink", "redirect", "rel_nofollow", "rel_ugc", "rel_sponsored", "not_hyperlink",
                         "same_host", "target_ip_address", "target_single_label", "target_invalid_label"):
        assert links.get(outcome_name, 0) > 0, outcome_name
    graph_summary = stats.details["graph"]
    assert graph_summary["edges"] == len(expected_edges(truth))
    hubs = {reverse_host(h) for h, info in truth["hosts"].items() if info["kind"] == "hub"}
    top = [row["host"] for row in graph_summary["top_in_degree"][:10]]
    assert sum(host in hubs for host in top) >= 8


def export_lines(out, name: str) -> list[list[str]]:
    lines = []
    for part in sorted((out / "hostgraph" / "export" / name).glob("part-*.gz")):
        lines += [line.split("\t") for line in gzip.decompress(part.read_bytes()).decode().split("\n") if line]
    return lines


def test_rerun_gives_the_same_ids_and_the_text_export_matches(graph, spark, sample_dir):
    out, _, vertices, edges = graph
    [again] = run_pipeline(make_config(sample_dir, out), spark, ["hostgraph"], force=True)
    assert again.status == "ran"
    assert pq.read_table(HOSTGRAPH_VERTICES.path(str(out))).to_pylist() == vertices
    exported_edges = [tuple(map(int, line)) for line in export_lines(out, "edges")]
    assert exported_edges == sorted((e["src"], e["dst"]) for e in edges)
    exported_vertices = export_lines(out, "vertices")
    assert exported_vertices == [[str(v["id"]), v["host"]] for v in sorted(vertices, key=lambda v: v["id"])]


def test_graph_stats_cli(graph):
    out, outcome, _, _ = graph
    result = CliRunner().invoke(app, ["graph", "stats", str(out), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["edges"] == outcome.stats.details["graph"]["edges"]
    assert 0 < summary["dangling_fraction"] < 1
    assert summary["degree_percentiles"]["in_degree"]["max"] >= summary["degree_percentiles"]["in_degree"]["p50"]
    people = CliRunner().invoke(app, ["graph", "stats", str(out)], terminal_width=200)
    assert people.exit_code == 0 and "top hosts by in-degree" in people.output
    # Hosts read as people write them (www.example.com), as `graph top` prints them, not the graph's reversed form.
    from pipeline.lib.hosts import reverse_host

    top_host = summary["top_in_degree"][0]["host"]
    assert reverse_host(top_host) in people.output and top_host not in people.output
    missing = CliRunner().invoke(app, ["graph", "stats", str(out / "nowhere")])
    assert missing.exit_code == 2 and "run `corpusforge run --stages hostgraph`" in missing.output
