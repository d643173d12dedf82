"""PageRank: parity with networkx (plain and personalized), analytic cases, and both backends agreeing."""

from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from graph.pagerank import LocalGraph, SparkPageRank, group_teleport, pagerank_local

TIGHT = 1e-13
SPARK_ITERATIONS = 7  # past the checkpoint interval (3) twice


def local_graph(n, edges, groups=None):
    src = np.array([e[0] for e in edges], dtype=np.int64)
    dst = np.array([e[1] for e in edges], dtype=np.int64)
    if groups is None:
        return LocalGraph(n, n, None, src, dst)
    group_of = np.array(groups, dtype=np.int64)
    pairs = sorted({(int(group_of[s]), int(d)) for s, d in edges if group_of[s] != group_of[d]})
    return LocalGraph(n, int(group_of.max()) + 1, group_of, np.array([p[0] for p in pairs]),
                      np.array([p[1] for p in pairs]))


def uniform(n):
    return np.full(n, 1.0 / n)


def nx_scores(n, edges, personalization=None):
    graph = nx.DiGraph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(edges)
    result = nx.pagerank(graph, alpha=0.85, personalization=personalization, tol=1e-15, max_iter=10_000)
    return np.array([result[i] for i in range(n)])


def random_graph(seed, n=60, m=300, dangling=8):
    rng = np.random.default_rng(seed)
    edges = set()
    while len(edges) < m:
        s, d = (int(x) for x in rng.integers(0, n, 2))
        if s != d and s >= dangling:  # the first vertices have no out-links
            edges.add((s, d))
    return sorted(edges)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_parity_with_networkx(seed):
    n, edges = 60, random_graph(seed)
    ours, result = pagerank_local(local_graph(n, edges), uniform(n), 0.85, TIGHT, 10_000)
    assert result.converged
    assert np.abs(ours - nx_scores(n, edges)).sum() < 1e-9


@pytest.mark.parametrize("seed", [3, 4])
def test_personalized_parity_with_networkx(seed):
    n, edges = 60, random_graph(seed)
    seeds = {5: 1.0, 17: 1.0, 40: 2.0}
    teleport = np.zeros(n)
    for node, weight in seeds.items():
        teleport[node] = weight
    teleport /= teleport.sum()
    ours, _ = pagerank_local(local_graph(n, edges), teleport, 0.85, TIGHT, 10_000)
    assert np.abs(ours - nx_scores(n, edges, personalization=seeds)).sum() < 1e-9


def test_analytic_cycle_clique_star_and_dangling():
    cycle = [(i, (i + 1) % 5) for i in range(5)]
    scores, _ = pagerank_local(local_graph(5, cycle), uniform(5), 0.85, TIGHT, 1000)
    assert np.allclose(scores, 0.2, atol=1e-12)
    clique = [(i, j) for i in range(4) for j in range(4) if i != j]
    scores, _ = pagerank_local(local_graph(4, clique), uniform(4), 0.85, TIGHT, 1000)
    assert np.allclose(scores, 0.25, atol=1e-12)
    # Star: leaves 1..k link to the centre 0, which is dangling. With dangling mass spread uniformly:
    # c = (1 - a)/n + a*c/n + a*k*l,  l = (1 - a)/n + a*c/n  (centre c, each leaf l).
    k, a = 6, 0.85
    n = k + 1
    star = [(i, 0) for i in range(1, n)]
    scores, _ = pagerank_local(local_graph(n, star), uniform(n), a, TIGHT, 1000)
    leaf = (1 - a) / n + a * scores[0] / n
    assert np.isclose(scores[0], (1 - a) / n + a * scores[0] / n + a * k * leaf, atol=1e-12)
    assert np.allclose(scores[1:], leaf, atol=1e-12)
    assert np.isclose(scores.sum(), 1.0)
    # Only dangling vertices: the stationary vector is the teleport vector.
    scores, _ = pagerank_local(local_graph(3, []), uniform(3), a, TIGHT, 1000)
    assert np.allclose(scores, 1 / 3)


def test_domain_pooling_gives_a_domain_one_vote():
    # Vertices 0-9 are subdomains of one site (group 0), all linking to 10; vertex 11 (a one-host site) links
    # to 12. Pooled, with the jump spread per site, ten subdomains buy no more authority than one host.
    edges = [(i, 10) for i in range(10)] + [(11, 12)]
    groups = np.array([0] * 10 + [1, 2, 3])
    pooled, _ = pagerank_local(local_graph(13, edges, groups), group_teleport(groups), 0.85, TIGHT, 1000)
    plain, _ = pagerank_local(local_graph(13, edges), uniform(13), 0.85, TIGHT, 1000)
    assert plain[10] > 5 * plain[12]
    assert pooled[10] == pytest.approx(pooled[12], rel=1e-9)
    assert np.isclose(pooled.sum(), 1.0)
    seeds = np.zeros(13, dtype=bool)
    seeds[[0, 1, 11]] = True  # two seeds on one site, one on another: each site gets half the jump
    assert group_teleport(groups, seeds)[[0, 1, 11]].tolist() == [0.25, 0.25, 0.5]


def spark_scores(spark, n, edges, teleport, groups=None, partitions=3, design="broadcast", adjust=None):
    from pyspark.sql import types as T

    graph = local_graph(n, edges, groups)
    group_edges = spark.createDataFrame(
        [(int(g), int(d)) for g, d in zip(graph.edge_group, graph.edge_dst, strict=True)],
        T.StructType([T.StructField("group", T.LongType()), T.StructField("dst", T.LongType())]),
    )
    group_of = None
    if groups is not None:
        group_of = spark.createDataFrame([(i, int(g)) for i, g in enumerate(groups)], "id long, group long")
    # A zero cap forces the join design, which a graph beyond the broadcast cap takes.
    limit = {"broadcast": 1 << 20, "join": 0}[design]
    engine = SparkPageRank(spark, n, graph.groups, group_edges, group_of, partitions, checkpoint_every=3,
                           broadcast_max_bytes=limit)
    assert engine.design == design
    if adjust is not None:
        adjust(engine)
    pairs = spark.createDataFrame([(i, float(w)) for i, w in enumerate(teleport) if w > 0], "id long, weight double")
    scores, result = engine.run(pairs, 0.85, 0.0, SPARK_ITERATIONS)
    values = np.zeros(n)
    for vertex, score in engine.as_rows(scores).collect():
        values[vertex] = score
    return values, result, graph


def test_spark_broadcast_when_workers_lack_their_blocks(spark):
    """Blocks a Python worker does not hold (a fresh worker, or one that served another graph since) are
    supplied from the cached blocks by a second job, and the ranking is unchanged; so without worker reuse."""
    n, edges = 60, random_graph(8)
    engines = []

    def forget_residency(engine):
        engine.resident_key = "no worker holds blocks under this key"  # every worker misses, then keeps them
        engines.append(engine)

    ours, result, graph = spark_scores(spark, n, edges, uniform(n), adjust=forget_residency)
    expected, local_result = pagerank_local(graph, uniform(n), 0.85, 0.0, SPARK_ITERATIONS)
    assert engines[0].refilled_blocks >= 3  # the first iteration missed all three blocks
    assert result.l1_change == pytest.approx(local_result.l1_change, rel=1e-9)
    assert np.abs(ours - expected).sum() < 1e-12

    def no_reuse(engine):
        engine.block_numbers = None  # what an engine does when spark.python.worker.reuse is off
        engines.append(engine)

    ours, _, _ = spark_scores(spark, n, edges, uniform(n), adjust=no_reuse)
    assert engines[1].refilled_blocks == 0
    assert np.abs(ours - expected).sum() < 1e-12


@pytest.mark.parametrize("design", ["broadcast", "join"])
def test_spark_backend_matches_local(spark, tmp_path, design):
    spark.sparkContext.setCheckpointDir(str(tmp_path / "checkpoints"))
    n, edges = 60, random_graph(7)
    teleport = np.zeros(n)
    teleport[[3, 9, 30]] = 1 / 3
    for groups, vector in ((None, uniform(n)), ([i // 4 for i in range(n)], teleport)):
        ours, result, graph = spark_scores(spark, n, edges, vector, groups, design=design)
        # Same arithmetic, same number of steps: the two backends must agree to rounding.
        expected, local_result = pagerank_local(graph, vector, 0.85, 0.0, SPARK_ITERATIONS)
        assert result.iterations == local_result.iterations == SPARK_ITERATIONS
        assert result.l1_change == pytest.approx(local_result.l1_change, rel=1e-9)
        assert np.abs(ours - expected).sum() < 1e-12


HOLLINS = Path(__file__).resolve().parents[2] / "shared" / "realweb" / "graph" / "hollins"


@pytest.mark.skipif(not (HOLLINS / "hollins.dat").is_file(), reason="../shared/realweb is not checked out here")
def test_spark_broadcast_on_a_real_web_graph(spark, tmp_path):
    """Hollins University's crawl (6,012 pages, 23,875 links; hubs, dangling pages, duplicate links): the
    broadcast design agrees with the local backend step for step, and both with networkx's reference."""
    spark.sparkContext.setCheckpointDir(str(tmp_path / "checkpoints"))
    lines = (HOLLINS / "hollins.dat").read_text().split("\n")[1:]
    pairs = np.array([line.split() for line in lines if line.strip()], dtype=np.int64) - 1  # 1-based ids
    n = int(pairs.max()) + 1
    edges = sorted({(int(s), int(d)) for s, d in pairs if s != d})
    ours, _, graph = spark_scores(spark, n, edges, uniform(n), partitions=4)
    expected, _ = pagerank_local(graph, uniform(n), 0.85, 0.0, SPARK_ITERATIONS)
    assert np.abs(ours - expected).sum() < 1e-12
    converged, _ = pagerank_local(graph, uniform(n), 0.85, TIGHT, 10_000)
    reference = np.zeros(n)
    for row in (HOLLINS / "reference_pagerank_networkx.tsv").read_text().splitlines():
        fields = row.split("\t")
        if fields[0].isdigit():
            reference[int(fields[0]) - 1] = float(fields[1])
    assert np.abs(converged - reference).sum() < 1e-6
