"""Benchmark: PageRank edges/s/core of corpusforge's two backends against the anchors, side by side.

Anchors, on the same synthetic power-law graph in the same run: a bare scipy CSR power iteration (the speed
limit of a single machine) and networkx.pagerank. Goals: local ≥ 0.5× scipy; spark ≥ 1 M edges/s/core in local
mode. Every engine runs the same fixed number of iterations. Run:

    .venv/bin/python bench/pagerank.py --vertices 1000000 --edges 5000000 --iterations 10

Memory per edge is the peak of Python-tracked allocations (numpy included) during the local run, per edge.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
import tracemalloc

import numpy as np
from bench_results import save_result

from graph.pagerank import LocalGraph, SparkPageRank, pagerank_local


def power_law_graph(vertices: int, edges: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Distinct edges whose targets follow a heavy-tailed (Zipf-like) popularity, as links on the web do."""
    rng = np.random.default_rng(seed)
    src = rng.integers(0, vertices, int(edges * 1.3))
    dst = np.minimum((vertices * rng.random(len(src)) ** 3).astype(np.int64), vertices - 1)
    keys = np.unique(src * vertices + dst)
    keys = keys[(keys // vertices) != (keys % vertices)]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vertices", type=int, default=1_000_000)
    parser.add_argument("--edges", type=int, default=5_000_000)
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--spark-cores", type=int, default=2)
    parser.add_argument("--skip-networkx", action="store_true")
    args = parser.parse_args()
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

    from pipeline.core.config import SparkConfig
    from pipeline.core.spark import get_spark

    cores = args.spark_cores
    spark = get_spark(SparkConfig(master=f"local[{cores}]", shuffle_partitions=cores * 2, ui_enabled=False,
                                  driver_memory="8g"))
    spark.sparkContext.setCheckpointDir("/tmp/corpusforge-bench-checkpoints")
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
