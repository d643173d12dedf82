"""hostgraph with source cc_webgraph: the sample's own webgraph export, read back as Common Crawl's published host
graph, gives the WAT-built vertices and edges (same hosts, same ids, same edges), and rank and select run on it."""

import gzip
import shutil

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.core.config import ConfigError
from pipeline.core.storage import s3_client
from pipeline.lib.datasets import HOSTGRAPH_EDGES, HOSTGRAPH_PAGES, HOSTGRAPH_VERTICES, RANK_HOSTS, SELECT_HOSTS
from pipeline.runner import run_pipeline
from tests.conftest import ROOT, make_config

GRAPH_COLUMNS = ("id", "host", "domain", "out_degree", "in_degree")


def table(dataset, out) -> list[dict]:
    return pq.read_table(dataset.path(str(out))).to_pylist()


def by_id(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda row: row["id"])


def cc_config(sample_dir, out, vertices: str, edges: str, *overrides: str):
    return make_config(sample_dir, out, "stages.hostgraph.source=cc_webgraph",
                       f"stages.hostgraph.cc_webgraph.vertices={vertices}",
                       f"stages.hostgraph.cc_webgraph.edges={edges}", *overrides)


@pytest.fixture(scope="module")
def wat_graph(through_extract):
    out, _ = through_extract
    return out, by_id(table(HOSTGRAPH_VERTICES, out)), table(HOSTGRAPH_EDGES, out)


@pytest.fixture(scope="module")
def damaged_export(wat_graph, tmp_path_factory):
    """The WAT run's export plus one more part per folder with a line of every kind of damage and oddity."""
    out, vertices, edges = wat_graph
    folder = tmp_path_factory.mktemp("cc-webgraph")
    shutil.copytree(out / "hostgraph" / "export", folder, dirs_exist_ok=True)
    n = len(vertices)
    first_host = vertices[0]["host"]
    vertex_lines = [
        "no tab here",                        # vertex_malformed
        f"abc\t{first_host}",                 # vertex_malformed (id)
        "7\t" + "a" * 5000,                   # vertex_malformed (too long, read past)
        f"{n + 1}\t4.3.2.1",                  # vertex_ip_address
        f"{n + 2}\tlocalhost",                # vertex_single_label
        f"{n + 3}\t{first_host.upper()}",     # vertex_merged into vertex 0
        f"{n + 4}\tcom.dup-one",              # vertex_duplicate_id ×2
        f"{n + 4}\tcom.dup-two",
    ]
    edge = edges[0]
    edge_lines = [
        "1 2",                                # edge_malformed
        f"{n + 1}\t0",                        # edge_dropped_vertex (an IP address)
        f"{n + 4}\t0",                        # edge_dropped_vertex (an ambiguous id)
        f"0\t{n + 99}",                       # edge_unknown_vertex
        f"{edge['src']}\t{edge['dst']}",      # edge_duplicate
        f"0\t{n + 3}",                        # edge_self_loop: n+3 is vertex 0 after normalization
    ]
    for name, lines in (("vertices", vertex_lines), ("edges", edge_lines)):
        (folder / name / "part-zzzzz-damaged.txt.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    return folder, len(vertex_lines), len(edge_lines)


@pytest.fixture(scope="module")
def cc_run(spark, sample_dir, damaged_export, tmp_path_factory):
    folder, _, _ = damaged_export
    out = tmp_path_factory.mktemp("cc-webgraph-out")
    config = cc_config(sample_dir, out, f"{folder}/vertices/part-*.gz", f"{folder}/edges/part-*.gz")
    outcomes = {o.name: o for o in run_pipeline(config, spark, ["hostgraph", "rank", "select"])}
    return out, outcomes


def test_same_graph_as_the_wat_pass(wat_graph, cc_run):
    _, wat_vertices, wat_edges = wat_graph
    out, _ = cc_run
    vertices = by_id(table(HOSTGRAPH_VERTICES, out))
    # Same hosts, same dense ids, domains and degrees: the damage lines added nothing and took nothing away.
    assert [{k: v[k] for k in GRAPH_COLUMNS} for v in vertices] == [{k: v[k] for k in GRAPH_COLUMNS}
                                                                     for v in wat_vertices]
    edges = table(HOSTGRAPH_EDGES, out)
    assert sorted(edges, key=lambda e: (e["src"], e["dst"])) == sorted(wat_edges, key=lambda e: (e["src"], e["dst"]))
    # No page counts in the published graph: a host with out-links was crawled, and that is all it says.
    assert all(v["pages_crawled"] == int(v["out_degree"] > 0) for v in vertices)
    assert table(HOSTGRAPH_PAGES, out) == []


def test_every_line_accounted(cc_run, damaged_export, wat_graph):
    _, vertices, edges = wat_graph
    _, extra_vertices, extra_edges = damaged_export
    stats = cc_run[1]["hostgraph"].stats
    assert stats.details["source"] == "cc_webgraph"
    info = stats.details["cc_webgraph"]
    assert info["vertex_lines"] == len(vertices) + extra_vertices
    assert info["edge_lines"] == len(edges) + extra_edges
    assert stats.input == info["vertex_lines"] + info["edge_lines"]
    assert stats.output == len(vertices) + len(edges)
    assert stats.dropped == {
        "vertex_malformed": 3, "vertex_ip_address": 1, "vertex_single_label": 1, "vertex_merged": 1,
        "vertex_duplicate_id": 2, "edge_malformed": 1, "edge_dropped_vertex": 2, "edge_unknown_vertex": 1,
        "edge_duplicate": 1, "edge_self_loop": 1,
    }
    assert {example["drop_reason"] for example in stats.details["drop_examples"]} == set(stats.dropped)
    assert any("language" in line for line in info["missing"])


def test_rank_and_select_run_on_it(cc_run, wat_graph):
    out, outcomes = cc_run
    assert outcomes["rank"].status == outcomes["select"].status == "ran"
    hosts = table(RANK_HOSTS, out)
    assert len(hosts) == len(wat_graph[1])
    assert all(host["language"] is None for host in hosts)  # no WAT titles: no language evidence
    assert abs(sum(host["pagerank"] for host in hosts) - 1) < 1e-6
    selected = table(SELECT_HOSTS, out)
    assert selected and outcomes["select"].stats.details["selected_by_language"] == {"und": len(selected)}


@pytest.mark.s3
def test_reads_the_files_from_s3(spark, sample_dir, wat_graph, s3_server, s3_config, tmp_path):
    export, vertices, edges = wat_graph[0] / "hostgraph" / "export", wat_graph[1], wat_graph[2]
    client = s3_client(s3_config)
    client.create_bucket(Bucket="commoncrawl-graph")
    release = "projects/hyperlinkgraph/cc-main-test/host"
    for name in ("vertices", "edges"):
        # One gzip file per kind, named as Common Crawl names a release's files.
        text = b"".join(gzip.decompress(part.read_bytes()) for part in sorted((export / name).glob("part-*.gz")))
        client.put_object(Bucket="commoncrawl-graph", Key=f"{release}/cc-main-test-host-{name}.txt.gz",
                          Body=gzip.compress(text))
    config = cc_config(sample_dir, tmp_path, f"s3://commoncrawl-graph/{release}/cc-main-test-host-vertices.txt.gz",
                       f"s3://commoncrawl-graph/{release}/*-host-edges.txt.gz",
                       f"storage.s3.endpoint_url={s3_server}", "stages.hostgraph.text_export=false")
    [outcome] = run_pipeline(config, spark, ["hostgraph"])
    assert outcome.stats.dropped == {}
    assert outcome.stats.details["cc_webgraph"]["edge_files"] == [
        f"s3://commoncrawl-graph/{release}/cc-main-test-host-edges.txt.gz"]
    found = by_id(table(HOSTGRAPH_VERTICES, tmp_path))
    assert [(v["id"], v["host"], v["domain"]) for v in found] == [(v["id"], v["host"], v["domain"]) for v in vertices]
    assert len(table(HOSTGRAPH_EDGES, tmp_path)) == len(edges)


def test_config_errors(sample_dir, tmp_path):
    with pytest.raises(ConfigError, match=r"needs stages\.hostgraph\.cc_webgraph\.vertices and"):
        make_config(sample_dir, tmp_path, "stages.hostgraph.source=cc_webgraph")
    with pytest.raises(ConfigError, match="placeholder"):
        cc_config(sample_dir, tmp_path, "graph/{release}-host-vertices.txt.gz", "e.txt.gz")
    with pytest.raises(ConfigError, match="source"):
        make_config(sample_dir, tmp_path, "stages.hostgraph.source=webgraph")
    # The CLI says so before Spark starts, with the config-error exit code.
    result = CliRunner().invoke(app, ["run", "--config", str(ROOT / "conf" / "default.yaml"),
                                      "--set", "stages.hostgraph.source=cc_webgraph"])
    assert result.exit_code == 2 and "stages.hostgraph.cc_webgraph.vertices" in result.output
