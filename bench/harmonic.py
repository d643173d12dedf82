"""Benchmark: harmonic centrality (HyperBall) edges/s/core of corpusforge's local and Spark backends, with
accuracy against the exact values, on the real link graphs (hollins, EPA) and a larger synthetic power-law graph.

Anchor: exact harmonic centrality by BFS (scipy, one search per source: quadratic) — the exact answer HyperBall
approximates, on graphs small enough for it. An edge traversal is one edge followed in one iteration; HyperBall
follows only edges out of counters that changed, so the rate is edges × distances / seconds per core. Run:

    .venv/bin/python bench/harmonic.py --vertices 200000 --edges 1000000
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from bench_results import save_result
from pagerank import power_law_graph

from graph.harmonic import SparkHyperBall, harmonic_exact, harmonic_local, relative_standard_error

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vertices", type=int, default=200_000)
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--log2m", type=int, default=8)
    parser.add_argument("--spark-cores", type=int, default=2)
    parser.add_argument("--skip-spark-synthetic", action="store_true")
    args = parser.parse_args()
    # The real graphs' loader lives with the tests; run as bench/harmonic.py, only bench/ is on the path.
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.realweb_graphs import load

    graphs = {name: load(name) for name in ("hollins", "epa")}
    src, dst = power_law_graph(args.vertices, args.edges)
    graphs["powerlaw"] = (args.vertices, src, dst)

    from pipeline.core.config import SparkConfig
    from pipeline.core.spark import get_spark

    cores = args.spark_cores
    spark = get_spark(SparkConfig(master=f"local[{cores}]", shuffle_partitions=cores * 2, ui_enabled=False,
                                  driver_memory="4g"))
    spark.sparkContext.setCheckpointDir("/tmp/corpusforge-bench-checkpoints")
    import pyarrow as pa

    figures: dict = {"log2m": args.log2m, "epsilon per ball": relative_standard_error(args.log2m)}
    print(f"{'graph':<10} {'vertices':>9} {'edges':>10} {'dist':>5} {'engine':<14} {'seconds':>8} "
          f"{'edges/s/core':>13}")
    for name, (n, s, d) in graphs.items():
        local, result = harmonic_local(n, s, d, args.log2m)
        traversals = len(s) * result.iterations  # edges × distances: the rate PageRank-style benches quote
        rows = [("local", result.seconds, 1)]
        figures[f"{name} vertices"], figures[f"{name} edges"] = n, len(s)
        figures[f"{name} distances"] = result.iterations
        if n <= 10_000:
            started = time.perf_counter()
            exact = harmonic_exact(n, s, d)
            rows.append(("exact BFS", time.perf_counter() - started, 1))
            reached = exact > 0
            relative = np.abs(local - exact)[reached] / exact[reached]
            figures[f"{name} median relative error"] = float(np.median(relative))
            figures[f"{name} p99 relative error"] = float(np.quantile(relative, 0.99))
            top = set(np.argsort(-exact)[:100])
            figures[f"{name} top-100 overlap"] = len(top & set(np.argsort(-local)[:100])) / 100
        if name != "powerlaw" or not args.skip_spark_synthetic:
            edges = spark.createDataFrame(pa.table({"src": s, "dst": d})).cache()
            edges.count()
            started = time.perf_counter()
            engine = SparkHyperBall(spark, n, edges, cores * 2, args.log2m)
            figures[f"{name} spark design"] = engine.design
            figures[f"{name} spark build seconds"] = time.perf_counter() - started  # the blocks, once
            values, spark_result = engine.run()
            same = np.array_equal(values.toArrow().sort_by("id").column("harmonic").to_numpy(), local)
            figures[f"{name} spark identical to local"] = same and spark_result.edges_visited == result.edges_visited
            rows.append((f"spark local[{cores}]", spark_result.seconds, cores))
        for engine_name, seconds, used in rows:
            rate = traversals / seconds / used
            figures[f"{name} {engine_name} edges/s/core"] = rate
            print(f"{name:<10} {n:>9,} {len(s):>10,} {result.iterations:>5} {engine_name:<14} {seconds:>8.2f} "
                  f"{rate:>13,.0f}")
    spark.stop()
    ratios = {f"{name} local / exact BFS":
              figures[f"{name} local edges/s/core"] / figures[f"{name} exact BFS edges/s/core"]
              for name in ("hollins", "epa")}
    ratios.update({f"{name} spark / local": figures[f"{name} spark local[{cores}] edges/s/core"]
                   / figures[f"{name} local edges/s/core"]
                   for name in graphs if f"{name} spark local[{cores}] edges/s/core" in figures})
    for key in ("hollins", "epa"):
        print(f"{key}: median relative error {figures[f'{key} median relative error']:.4f}, p99 "
              f"{figures[f'{key} p99 relative error']:.4f}, top-100 overlap {figures[f'{key} top-100 overlap']:.2f}")
    save_result("harmonic", sys.argv, "exact harmonic centrality by BFS (scipy), edge traversals per second per core",
                goal="HyperBall faster than exact BFS; Spark identical to local, its edges/s/core within a small "
                     "factor of local's", ratios=ratios, figures=figures)


if __name__ == "__main__":
    main()
