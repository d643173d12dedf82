"""Benchmark: index, hostgraph and extract stream one release-sized file per task in bounded memory.

A Common Crawl WARC file is ~1 GiB (~35,000 responses) and a WAT ~300 MB; the sample crawl's files are ~1 MB. For
each --sizes MB this writes one release-sized WARC/WAT/WET set (`corpusforge sample --file-mb MB`: the sample's
captures repeated under new URLs) and runs each stage in its own process,

    .venv/bin/corpusforge run --config conf/default.yaml --out OUT --set inputs.base_url=SAMPLE/ \\
        --set stages.select.max_sites=20 --set spark.ui_enabled=false --stages STAGE

(rank and select run first, untimed, so that extract has an allowlist; 20 sites keep extraction's trafilatura
time small while every record is still read). The process tree is sampled with psutil every 0.2 s:

  worker RSS   the largest resident memory of any one Spark Python worker (`pyspark.daemon` and the workers it
               forks) — the process that streams the file. Bounded reading means this does not grow with the file.
  JVM RSS      the largest resident memory of the Spark JVM.
  records/s    the stage's input records over its own time (stats.json), JVM start excluded.

Anchor: the same stage on the smallest size — the ratios are largest/smallest for worker RSS (goal: ≈ 1, no growth
with the file), and the marginal records/s (records added over seconds added from one size to the next: the
streaming rate, without the fixed costs the smallest file feels most) of the last step over the first (goal: ≈ 1,
flat).

    .venv/bin/python bench/stream_memory.py --sizes 64,256,1024
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_results import ROOT, save_result

CORPUSFORGE = str(ROOT / ".venv" / "bin" / "corpusforge")
STAGES = ("index", "hostgraph", "extract")
SAMPLE_SECONDS = 0.2


class TreeSampler(threading.Thread):
    """Peak RSS of the Spark Python workers and of the JVM under a process, sampled until stopped."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.worker_peak = 0
        self.jvm_peak = 0
        self.workers_seen: set[int] = set()
        self.done = threading.Event()

    def run(self) -> None:
        import psutil

        root = psutil.Process(self.pid)
        while not self.done.is_set():
            try:
                processes = root.children(recursive=True)
            except psutil.Error:
                break
            for process in processes:
                try:
                    command = " ".join(process.cmdline())
                    rss = process.memory_info().rss
                except psutil.Error:
                    continue
                if "pyspark.daemon" in command or "pyspark/daemon.py" in command or "pyspark.worker" in command:
                    self.workers_seen.add(process.pid)
                    self.worker_peak = max(self.worker_peak, rss)
                elif "java" in command.split(" ", 1)[0]:
                    self.jvm_peak = max(self.jvm_peak, rss)
            time.sleep(SAMPLE_SECONDS)


def run_stage(stage: str, sample: Path, out: Path) -> dict:
    command = [CORPUSFORGE, "run", "--config", "conf/default.yaml", "--out", str(out),
               "--set", f"inputs.base_url={sample}/", "--set", "stages.select.max_sites=20",
               "--set", "spark.ui_enabled=false", "--stages", stage]
    env = {**os.environ, "SPARK_LOCAL_IP": "127.0.0.1"}
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = TreeSampler(process.pid)
    sampler.start()
    _, stderr = process.communicate()
    sampler.done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{stage} failed ({process.returncode}):\n{stderr.decode(errors='replace')[-3000:]}")
    stats = json.loads((out / stage / "stats.json").read_text())
    return {"records": stats["input"], "stage_seconds": stats["seconds"], "wall_seconds": time.monotonic() - started,
            "records_per_second": stats["input"] / stats["seconds"], "worker_rss_mb": sampler.worker_peak / 2**20,
            "jvm_rss_mb": sampler.jvm_peak / 2**20, "python_workers": len(sampler.workers_seen)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="64,256,1024", help="WARC file sizes in MB, comma-separated")
    parser.add_argument("--workdir", type=Path, default=None, help="Where to write the crawls (default: a temp dir)")
    args = parser.parse_args()
    import psutil  # noqa: F401 - here, so a missing bench extra fails at once, not inside the sampler thread

    sizes = [int(size) for size in args.sizes.split(",")]
    base = args.workdir or Path(tempfile.mkdtemp(prefix="corpusforge-stream-"))
    results: dict[int, dict] = {}
    try:
        for size in sizes:
            sample, out = base / f"sample-{size}", base / f"out-{size}"
            shutil.rmtree(sample, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)
            started = time.monotonic()
            subprocess.run([CORPUSFORGE, "sample", "--out", str(sample), "--file-mb", str(size)], cwd=ROOT,
                           check=True, stdout=subprocess.DEVNULL)
            warc = next(sample.rglob("*.warc.gz"))
            print(f"{size} MB: wrote {warc.stat().st_size / 2**20:,.0f} MiB WARC in {time.monotonic() - started:.0f}s",
                  flush=True)
            results[size] = {}
            for stage in STAGES:
                if stage == "extract":
                    for prerequisite in ("rank", "select"):
                        run_stage(prerequisite, sample, out)
                result = run_stage(stage, sample, out)
                results[size][stage] = result
                print(f"  {stage:<10} {result['records']:>10,} records  {result['records_per_second']:>9,.0f} rec/s"
                      f"  worker RSS {result['worker_rss_mb']:>6,.0f} MB  JVM RSS {result['jvm_rss_mb']:>6,.0f} MB",
                      flush=True)
            shutil.rmtree(sample, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(base, ignore_errors=True)
    smallest, largest = sizes[0], sizes[-1]
    ratios = {}
    for stage in STAGES:
        ratios[f"{stage}: worker RSS {largest} MB / {smallest} MB"] = (
            results[largest][stage]["worker_rss_mb"] / results[smallest][stage]["worker_rss_mb"])
        # A stage's own time includes fixed costs (job scheduling, the accounting passes, the stats) that the
        # small files feel most; the marginal rate between two sizes is the streaming rate itself.
        marginal = []
        for low, high in itertools.pairwise(sizes):
            a, b = results[low][stage], results[high][stage]
            rate = (b["records"] - a["records"]) / max(b["stage_seconds"] - a["stage_seconds"], 1e-9)
            results[high][stage][f"marginal_records_per_second_from_{low}_mb"] = rate
            marginal.append(rate)
        if len(marginal) >= 2:
            ratios[f"{stage}: marginal records/s, last step / first step"] = marginal[-1] / marginal[0]
        print(f"{stage}: marginal records/s between sizes " + ", ".join(f"{rate:,.0f}" for rate in marginal))
    print("\n" + "\n".join(f"{name}: {value:.2f}" for name, value in ratios.items()))
    save_result("stream_memory", sys.argv, f"the same stage on a {smallest} MB file",
                figures={f"{size} MB": results[size] for size in sizes}, ratios=ratios,
                goal="worker RSS and marginal records/s flat (≈ 1) from 64 MB to 1 GiB")


if __name__ == "__main__":
    main()
