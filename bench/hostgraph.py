"""Benchmark: stage hostgraph — WAT records per second per core, and how its time grows with its input.

The anchor is linear growth: 8× the input should take at most ~8× the time. Inputs are the sample crawl at
1, 2, 4 and 8 times a base scale, all run in one Spark session, side by side. Run:

    .venv/bin/python bench/hostgraph.py --base-scale 2 --cores 2

Prints, per input size: WAT records, seconds, records/s/core, and time ratio against input ratio; then the
growth exponent (1.0 = linear; below 1 means fixed overhead still dominates).
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path

from bench_results import save_result

from pipeline.core.spark import get_spark
from pipeline.runner import load_config, run_pipeline
from pipeline.sample import generate_sample

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-scale", type=int, default=2)
    parser.add_argument("--multiples", default="1,2,4,8")
    parser.add_argument("--cores", type=int, default=2)
    args = parser.parse_args()
    multiples = [int(m) for m in args.multiples.split(",")]
    if len(set(multiples)) < 2:
        parser.error("--multiples needs at least two different sizes: the growth is measured between them")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        spark = None
        results = []
        for multiple in multiples:
            crawl = root / f"crawl-{multiple}"
            generate_sample(crawl, seed=1, scale=args.base_scale * multiple)
            config = load_config(ROOT / "conf" / "default.yaml", [
                f"inputs.base_url={crawl}/", f"output={root}/out-{multiple}", f"spark.master=local[{args.cores}]",
                f"spark.shuffle_partitions={args.cores * 2}", "stages.hostgraph.text_export=false",
            ])
            spark = spark or get_spark(config.spark)
            if not results:  # warm the JVM and Python workers so the first size is not charged for start-up
                run_pipeline(config, spark, ["hostgraph"])
            started = time.perf_counter()
            [outcome] = run_pipeline(config, spark, ["hostgraph"], force=True)
            seconds = time.perf_counter() - started
            results.append((multiple, outcome.stats.input, outcome.stats.details["graph"]["edges"], seconds))
    _, base_records, _, base_seconds = results[0]
    print(f"hostgraph on local[{args.cores}], sample scale {args.base_scale} × multiple")
    print(f"{'input':>6} {'WAT records':>12} {'edges':>8} {'seconds':>8} {'rec/s/core':>11} {'time ratio':>11}")
    for multiple, records, edges, seconds in results:
        print(f"{multiple:>5}x {records:>12,} {edges:>8,} {seconds:>8.1f} {records / seconds / args.cores:>11,.0f} "
              f"{seconds / base_seconds:>6.2f} (input {records / base_records:.2f})")
    _, last_records, _, last_seconds = results[-1]
    exponent = math.log(last_seconds / base_seconds) / math.log(last_records / base_records)
    print(f"growth exponent (time ~ input^k): k = {exponent:.2f}  (anchor: linear, k = 1.0)")
    figures = {f"{multiple}x: WAT records, edges, seconds": [records, edges, seconds]
               for multiple, records, edges, seconds in results}
    figures["growth exponent k (1.0 = linear)"] = exponent
    if len(results) > 1:
        _, previous_records, _, previous_seconds = results[-2]
        marginal = (last_records - previous_records) / max(1e-9, last_seconds - previous_seconds) / args.cores
        print(f"marginal rate between the two largest inputs (fixed job overhead excluded): "
              f"{marginal:,.0f} WAT records/s/core")
        figures["marginal WAT records/s/core"] = marginal
    if spark is not None:
        spark.stop()
    save_result("hostgraph", sys.argv, "linear growth: time ratio equal to the input ratio (k = 1.0)",
                figures=figures, goal="time ratio at most the input ratio (k ≤ 1)",
                ratios={f"time ratio {multiples[-1]}x/{multiples[0]}x (input {last_records / base_records:.2f}x)":
                        last_seconds / base_seconds})


if __name__ == "__main__":
    main()
