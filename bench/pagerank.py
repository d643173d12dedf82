"""Benchmark: PageRank edges/s/core of corpusforge's two backends against the anchors, side by side.

Anchors, on the same synthetic power-law graph in the same run: a bare scipy CSR power iteration (the speed
limit of a single machine) and networkx.pagerank. Goals: local ≥ 0.5× scipy; spark ≥ 1 M edges/s/core in local
mode. Every engine runs the same fixed number of iterations. Run:

    .venv/bin/python bench/pagerank.py --vertices 1000000 --edges 5000000 --iterations 10

Memory per edge is the peak of Python-tracked allocations (numpy included) during the local run, per edge.

Scaling (issue 23): the Spark backend against the local one on a web-like graph (``web_graph``: Chung–Lu, in- and
out-degree power laws with Broder et al.'s exponents 2.1 and 2.7, a fifth of the hosts without out-links, 8 arcs
per host on average) of 3.2 M arcs and multiples of it. Goal: Spark local[2] per iteration ≤ 30× local. The join
design (the one beyond the broadcast cap, and the only one before issue 23) is timed at the first scale too:

    .venv/bin/python bench/pagerank.py --scaling --scales 1,4,16 --iterations 10

Its figures are merged into bench/results/pagerank.json next to the anchor run's, which they do not replace.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
import tracemalloc

import numpy as np
from bench_results import RESULTS_DIR, save_result

from graph.pagerank import LocalGraph, SparkPageRank, pagerank_local, spark_partitions

SCALING_BASE_EDGES = 3_200_000  # the real web graph of issue 23 on which Spark took ~280× local
ARCS_PER_HOST = 8


def power_law_graph(vertices: int, edges: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Distinct edges whose targets follow a heavy-tailed (Zipf-like) popularity, as links on the web do."""
    rng = np.random.default_rng(seed)
    src = rng.integers(0, vertices, int(edges * 1.3))
    dst = np.minimum((vertices * rng.random(len(src)) ** 3).astype(np.int64), vertices - 1)
    keys = np.unique(src * vertices + dst)
    keys = keys[(keys // vertices) != (keys % vertices)]
    keys = rng.permutation(keys)[:edges]
    return keys // vertices, keys % vertices


def web_graph(vertices: int, edges: int, seed: int = 1, in_exponent: float = 2.1, out_exponent: float = 2.7,
              dangling_share: float = 0.2) -> tuple[np.ndarray, np.ndarray]:
    """Distinct arcs of a Chung–Lu graph: source and target drawn in proportion to per-vertex weights with
    power-law tails (P(degree ≥ k) ∝ k^-(γ-1)), as the web's in- and out-degrees (Broder et al. 2000), plus
    hosts that link nowhere. The heaviest host gets a few % of all in-links, which is what skews blocks."""
    rng = np.random.default_rng(seed)
    ranks = np.arange(1, vertices + 1, dtype=np.float64)
    # Weights permuted: ids are not ordered by popularity (a dense-id assignment is not either).
    cumulative_in = np.cumsum(rng.permutation(ranks ** (-1.0 / (in_exponent - 1.0))))
    out_weight = rng.permutation(ranks ** (-1.0 / (out_exponent - 1.0)))
    out_weight[rng.random(vertices) < dangling_share] = 0.0
    cumulative_out = np.cumsum(out_weight)
    keys = np.empty(0, dtype=np.int64)
    while len(keys) < edges:  # popular pairs repeat: draw again until enough distinct arcs
        draw = int((edges - len(keys)) * 1.3) + 1024
        src = np.searchsorted(cumulative_out, rng.random(draw) * cumulative_out[-1], side="right")
        dst = np.searchsorted(cumulative_in, rng.random(draw) * cumulative_in[-1], side="right")
        keys = np.unique(np.concatenate([keys, (src * vertices + dst)[src != dst]]))
    keys = rng.permutation(keys)[:edges]
    return keys // vertices, keys % vertices


def scipy_anchor(n, src, dst, iterations, alpha=0.85):
    from scipy.sparse import csr_matrix

    out_degree = np.bincount(src, minlength=n).astype(np.float64)
    matrix = csr_matrix((1.0 / out_degree[src], (dst, src)), shape=(n, n))
    dangling = out_degree == 0
    x = np.full(n, 1.0 / n)
    started = time.perf_counter()
    for _ in range(iterations):
        x = alpha * (matrix @ x) + (alpha * x[dangling].sum() + 1 - alpha) / n
    return time.perf_counter() - started


def networkx_anchor(n, src, dst, iterations):
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(zip(src.tolist(), dst.tolist(), strict=True))
    started = time.perf_counter()
    # It runs exactly `iterations` iterations, which is what is measured, then reports non-convergence.
    with contextlib.suppress(nx.PowerIterationFailedConvergence):
        nx.pagerank(graph, alpha=0.85, max_iter=iterations, tol=1e-300)
    return time.perf_counter() - started


def spark_session(cores: int):
    from pipeline.core.config import SparkConfig
    from pipeline.core.spark import get_spark

    spark = get_spark(SparkConfig(master=f"local[{cores}]", shuffle_partitions=cores * 2, ui_enabled=False,
                                  driver_memory="8g"))
    spark.sparkContext.setCheckpointDir("/tmp/corpusforge-bench-checkpoints")
    return spark


def time_spark(spark, n, src, dst, iterations, partitions, broadcast_max_bytes):
    """Seconds of ``iterations`` iterations (after a warm-up one) and of building the engine, the design, and
    (broadcast design) how many blocks a worker lacked during the timed iterations."""
    import pyarrow as pa
    from pyspark.sql import functions as F

    frame = spark.createDataFrame(pa.table({"group": src, "dst": dst})).cache()
    frame.count()
    started = time.perf_counter()
    engine = SparkPageRank(spark, n, n, frame, None, partitions, checkpoint_every=5,
                           broadcast_max_bytes=broadcast_max_bytes)
    teleport = spark.range(n).withColumn("weight", F.lit(1.0 / n))
    engine.run(teleport, 0.85, 0.0, 1)  # builds and caches what the design caches
    refilled_before = getattr(engine, "refilled_blocks", 0)
    _, result = engine.run(teleport, 0.85, 0.0, iterations)
    build = time.perf_counter() - started - result.seconds
    refilled = getattr(engine, "refilled_blocks", 0) - refilled_before
    frame.unpersist()
    for rdd in spark.sparkContext._jsc.getPersistentRDDs().values():
        rdd.unpersist(False)  # the next scale's blocks need the memory
    return result.seconds, build, engine.design, refilled


def scaling(args) -> None:
    """Spark (local[cores]) against local on web-like graphs of SCALING_BASE_EDGES × each scale."""
    cores, iterations = args.spark_cores, args.iterations
    load_before = os.getloadavg()[0]
    spark = spark_session(cores)
    figures: dict = {"scaling iterations": iterations, "scaling cores": cores}
    ratios: dict = {}
    print(f"{'arcs':>12} {'hosts':>10} {'design':>9} {'parts':>5} {'local s/it':>10} {'spark s/it':>10} "
          f"{'spark/local':>11} {'local e/s/core':>15} {'spark e/s/core':>15}")
    for position, scale in enumerate(int(x) for x in args.scales.split(",")):
        edges = SCALING_BASE_EDGES * scale
        n = edges // ARCS_PER_HOST
        src, dst = web_graph(n, edges)
        _, local = pagerank_local(LocalGraph(n, n, None, src, dst), np.full(n, 1.0 / n), 0.85, 0.0, iterations)
        partitions = spark_partitions(edges, cores)
        designs = [("broadcast", 1 << 40)] + ([("join", 0)] if position == 0 and not args.skip_join else [])
        for label, cap in designs:
            seconds, build, design, refilled = time_spark(spark, n, src, dst, iterations, partitions, cap)
            assert design == label
            local_rate = edges * iterations / local.seconds
            spark_rate = edges * iterations / seconds / cores
            ratio = seconds / local.seconds
            print(f"{edges:>12,} {n:>10,} {design:>9} {partitions:>5} {local.seconds / iterations:>10.3f} "
                  f"{seconds / iterations:>10.3f} {ratio:>10.1f}x {local_rate:>15,.0f} {spark_rate:>15,.0f}",
                  flush=True)
            key = f"{scale}x ({edges / 1e6:g} M arcs)"
            ratios[f"spark {design} local[{cores}] / local time per iteration, {key}"] = ratio
            figures[f"local edges/s/core, {key}"] = local_rate
            figures[f"spark {design} edges/s/core, {key}"] = spark_rate
            figures[f"spark {design} build s, {key}"] = build
            if design == "broadcast":
                figures[f"spark broadcast blocks refilled in the timed iterations, {key}"] = refilled
        # The machine is shared: the load says how much other work the timings competed with.
        figures["scaling load average (1 min), before / after"] = [load_before, os.getloadavg()[0]]
        # Saved after every scale: the largest may not fit the time or memory at hand.
        _save_scaling(figures, ratios)
    spark.stop()


def _save_scaling(figures: dict, ratios: dict) -> None:
    """Merge into bench/results/pagerank.json: the anchor run's figures stay, under the command of that run."""
    path = RESULTS_DIR / "pagerank.json"
    previous = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    if previous.get("figures"):
        kept = dict(previous["figures"])
        if "scaling iterations" not in kept:  # the previous run was the anchor run
            kept.setdefault("anchor run", f"{previous['command']} ({previous['date']})")
        figures = {**kept, **figures}
        ratios = {**previous["ratios"], **ratios}
    # The summary shows the scaling's edges/s/core beside the ratios: the issue asks for them at every scale.
    headline = [key for key in figures if key.startswith(("local edges/s/core, ", "spark broadcast edges/s/core, "))]
    save_result("pagerank", sys.argv, "scipy CSR power iteration (and networkx.pagerank), edges per second per "
                "core; the local backend for the Spark scaling", figures=figures, ratios=ratios,
                goal="local ≥ 0.5× scipy; spark ≥ 1 M edges/s/core; spark local[2] ≤ 30× local per iteration "
                "at 3.2 M arcs", headline=headline)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vertices", type=int, default=1_000_000)
    parser.add_argument("--edges", type=int, default=5_000_000)
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--spark-cores", type=int, default=2)
    parser.add_argument("--skip-networkx", action="store_true")
    parser.add_argument("--scaling", action="store_true", help="Spark vs local on web-like graphs (issue 23)")
    parser.add_argument("--scales", default="1,4,16", help="multiples of 3.2 M arcs, comma-separated")
    parser.add_argument("--skip-join", action="store_true", help="scaling: do not time the join design")
    args = parser.parse_args()
    if args.scaling:
        scaling(args)
        return
    n, iterations = args.vertices, args.iterations
    src, dst = power_law_graph(n, args.edges)
    edges = len(src)
    print(f"graph: {n:,} vertices, {edges:,} distinct edges (power-law in-degree), {iterations} iterations each")
    results = {}

    results["scipy CSR (anchor)"] = (scipy_anchor(n, src, dst, iterations), 1)

    tracemalloc.start()
    graph = LocalGraph(n, n, None, src, dst)
    started = time.perf_counter()
    _, local_result = pagerank_local(graph, np.full(n, 1.0 / n), 0.85, 0.0, iterations)
    build_seconds = time.perf_counter() - started - local_result.seconds
    # Iterations only, as for the anchor (whose matrix build is not timed either).
    results["corpusforge local"] = (local_result.seconds, 1)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    from pyspark.sql import types as T

    cores = args.spark_cores
    spark = spark_session(cores)
    import pyarrow as pa

    frame = spark.createDataFrame(pa.table({"group": src, "dst": dst}))
    frame = frame.select(frame.group.cast(T.LongType()), frame.dst.cast(T.LongType())).cache()
    frame.count()
    engine = SparkPageRank(spark, n, n, frame, None, cores * 2, checkpoint_every=5)
    from pyspark.sql import functions as F

    teleport = spark.range(n).withColumn("weight", F.lit(1.0 / n))
    started = time.perf_counter()
    engine.run(teleport, 0.85, 0.0, 1)  # builds and caches the matrix blocks
    _, spark_result = engine.run(teleport, 0.85, 0.0, iterations)
    spark_setup = time.perf_counter() - started - spark_result.seconds
    # Iterations only, as for the other engines; building the blocks is reported on its own below.
    results[f"corpusforge spark local[{cores}]"] = (spark_result.seconds, cores)
    spark.stop()

    if not args.skip_networkx:
        results["networkx (anchor)"] = (networkx_anchor(n, src, dst, iterations), 1)

    scipy_rate = edges * iterations / results["scipy CSR (anchor)"][0]
    print(f"{'engine':<30} {'seconds':>8} {'edges/s/core':>14} {'vs scipy':>9}")
    for name, (seconds, used_cores) in results.items():
        rate = edges * iterations / seconds / used_cores
        print(f"{name:<30} {seconds:>8.2f} {rate:>14,.0f} {rate / scipy_rate:>8.2f}x")
    print(f"local backend: matrix build {build_seconds:.2f}s once; memory {peak / edges:.1f} bytes per edge "
          "(peak of tracked allocations)")
    print(f"spark backend: building blocks and vectors {spark_setup:.1f}s once (not in the rate above)")
    spark_rate = edges * iterations / results[f"corpusforge spark local[{cores}]"][0] / cores
    local_rate = edges * iterations / results["corpusforge local"][0]
    print(f"goals: local ≥ 0.5x scipy: {local_rate / scipy_rate:.2f}x; spark ≥ 1 M edges/s/core: "
          f"{spark_rate / 1e6:.2f} M")
    rates = {name: edges * iterations / seconds / used_cores for name, (seconds, used_cores) in results.items()}
    save_result(
        "pagerank", sys.argv, "scipy CSR power iteration (and networkx.pagerank), edges per second per core",
        goal="local ≥ 0.5× scipy; spark ≥ 1 M edges/s/core",
        ratios={f"{name.removesuffix(' (anchor)')} / scipy": rate / scipy_rate
                for name, rate in rates.items() if name != "scipy CSR (anchor)"},
        figures={"vertices": n, "edges": edges, "iterations": iterations,
                 **{f"{name} edges/s/core": rate for name, rate in rates.items()},
                 "local matrix build s": build_seconds, "local bytes per edge": peak / edges,
                 "spark block build s": spark_setup})

if __name__ == "__main__":
    main()
