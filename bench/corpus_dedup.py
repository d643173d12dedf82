"""Benchmark: the dedup stage of a corpus's second release against deduplicating both releases from scratch.

With ``corpus.root`` set, release 2's dedup stage deduplicates only release 2's documents and looks its clusters
up in release 1's share of the index (dedup/index_exact, index_bands, index_clusters; pipeline/stages/dedup.py,
steps 5-7). The anchor is what a pipeline without a corpus state would have to do instead: one dedup stage run
over the union of both releases' documents.

For each --scales N, in one SparkSession (master local[2], spark.shuffle_partitions=2, as the tests run):

1. The sample crawl at scale N, release 1 and release 2 (`corpusforge sample --out DIR --seed 1 --scale N`, then
   the same with `--release 2`: unchanged, edited and new pages, vanished hosts) in one folder.
2. Release 1 in a corpus root: stages index to filter (rules only: stages.filter.perplexity=false,
   stages.filter.quality_classifier=false; inputs.cc_index=null, every WARC file scanned), then dedup (untimed;
   it also warms up the JVM and the Python workers), then committed to the corpus state:
   pipeline.core.corpus.commit with the digests the commit stage records (CommitStage._digests). The commit stage
   itself needs mix and tokenize to have run, which change nothing release 2's dedup reads.
3. Release 2 in the same corpus root: index to filter, untimed.
   At scale N select keeps conf/default.yaml's max_sites × N sites (as bench/e2e.py does), so the documents
   reaching dedup grow with the crawl.
4. From scratch: an output root outside any corpus whose filter/kept holds the rows of both releases'
   filter/kept (read and written again by Spark, so every file has Spark's Parquet types), with a filter/_SUCCESS,
   so the dedup stage runs on the union as on any filter output. Document ids are a hash of url and payload
   digest, so a page fetched byte for byte the same in both releases would have the same id in both (the sample's
   recrawled pages differ in bytes: the output prints how many ids the releases share); in the union release 2's
   ids carry UNION_ID_PREFIX, which keeps them unique whatever the crawl (a stage input's ids must be) and
   changes no cluster.
5. Timed, --repeats times in turn: release 2's dedup stage in the corpus (the measured, incremental path;
   corpus.survivor=earliest, the default) and the dedup stage on the union (the anchor). Each is
   run_pipeline(config, spark, ["dedup"], force=True).

Per timed run:
  wall   seconds around run_pipeline.
  CPU    user + system seconds of the driver's Python process and every process under it (the Spark JVM, its
         Python daemon and workers), from psutil samples every CPU_SAMPLE_SECONDS: per process the last sample
         minus its CPU at the start. A process that starts and ends between two samples is missed (Spark reuses
         its Python workers, so few do): a lower bound. Without psutil, wall time only (the output says so).
  other  CPU the rest of the machine used meanwhile (other jobs on the cores); well above zero, wall times are
         inflated by contention and CPU seconds are the fairer comparison.

Headline: the time ratio incremental / from scratch (below 1: the corpus state saves work), wall and CPU.

Correctness, "identical survivors": the survivor chosen may differ (from scratch keeps the highest-PageRank copy
of both releases; the corpus with survivor=earliest keeps release 1's), so the partitions are compared. A
document belongs to its survivor's cluster: a survivor to its own, a dropped copy to the one duplicate_of names
(release 2's *_earlier_release drops point at a release-1 survivor). Documents are keyed by (crawl, id).
  - survivors: release 1's plus release 2's survivors, against the from-scratch survivors;
  - agreement: the share of from-scratch clusters whose documents all belong to exactly one incremental cluster
    (and the reverse share), and the share of clusters identical as sets;
  - disagreements: up to --show of each kind with their documents, classified:
      split across release-1 clusters: release 1 alone kept two clusters that a release-2 copy bridges when
        both releases are deduplicated together; a committed release's clusters are never merged afterwards
        (transitivity across releases, by design);
      release-2 copy not matched: a release-2 cluster the corpus did not find in release 1, while from scratch
        it joins a release-1 cluster (the corpus compares against each earlier cluster's survivor only, by its
        exact hash and band keys; from scratch every copy is a candidate);
      split within release 2: release-2 documents that only a release-1 copy links, from scratch;
      merged: one incremental cluster covering several from-scratch clusters.
    Each release-2 document printed comes with its estimated MinHash similarity (the stage's signature
    settings) to the release-1 survivors of its group and to the most similar other document of the group.

Index size: the bytes of both releases' dedup/index_* Parquet files and their rows, per document deduplicated
(release 1's plus release 2's filter/kept rows); the from-scratch run's own index, for comparison.

Scale 1 is about 580 hosts per release (about 1,300 documents reach dedup in release 1); the stages up to
filter take one to three minutes per release and scale on 2 cores.

    .venv/bin/python bench/corpus_dedup.py --scales 1,2
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq
from bench_results import save_result

from pipeline.core import corpus
from pipeline.lib.datasets import (
    DEDUP_DOCS,
    DEDUP_DROPPED,
    DEDUP_INDEX_BANDS,
    DEDUP_INDEX_CLUSTERS,
    DEDUP_INDEX_EXACT,
    FILTER_KEPT,
)
from pipeline.runner import load_config

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "conf" / "default.yaml"
SAMPLE_SEED = 1
RELEASE_1 = "CC-MAIN-SAMPLE"
RELEASE_2 = "CC-MAIN-SAMPLE-2"
SECOND_RELEASE = 2  # `corpusforge sample --release 2` writes crawl RELEASE_2
# As the tests run Spark (tests/conftest.py): two local cores, two shuffle partitions for a few thousand records.
SPARK_SETTINGS = ("spark.master=local[2]", "spark.shuffle_partitions=2", "spark.ui_enabled=false",
                  "spark.driver_memory=1g")
# As tests/conftest.py RULES_ONLY: the model filters have their own benchmarks and cost minutes here.
RULES_ONLY = ("stages.filter.perplexity=false", "stages.filter.quality_classifier=false")
# Scan every WARC file (no columnar index to build for a second release).
INPUT_SETTINGS = ("inputs.cc_index=null",)
UP_TO_FILTER = ["index", "hostgraph", "rank", "select", "extract", "filter"]
# Marks release 2's ids in the from-scratch union: an unchanged page has the same id in both releases.
UNION_ID_PREFIX = "r2:"
# Often enough that a Python worker or Spark task process is seldom started and gone between two samples.
CPU_SAMPLE_SECONDS = 0.2
INDEX_DATASETS = (DEDUP_INDEX_EXACT, DEDUP_INDEX_BANDS, DEDUP_INDEX_CLUSTERS)
EARLIER_RELEASE_SUFFIX = "_earlier_release"
PERCENT = 100.0  # shares are saved as percentages: docs/benchmarks.md prints floats to 3 digits (0.9995 → "1")
DUPLICATE_REASONS = ("exact_duplicate", "near_duplicate", "exact_duplicate" + EARLIER_RELEASE_SUFFIX,
                     "near_duplicate" + EARLIER_RELEASE_SUFFIX)


# ---------------------------------------------------------------------------------------------
# Timing: wall and CPU of this process and its descendants
# ---------------------------------------------------------------------------------------------

@dataclass
class Timing:
    wall: float
    cpu: float | None  # None without psutil
    other_cpu: float | None  # the rest of the machine meanwhile


class TreeCPU:
    """CPU seconds of this process and its descendants between start() and stop(), from psutil samples."""

    def __init__(self):
        import psutil

        self._psutil = psutil
        self._me = psutil.Process()
        self._baseline: dict[tuple[int, float], float] = {}
        self._last: dict[tuple[int, float], float] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._busy_start = 0.0

    def _sample(self) -> dict[tuple[int, float], float]:
        seen = {}
        for process in [self._me, *self._me.children(recursive=True)]:
            try:
                with process.oneshot():
                    times = process.cpu_times()
                    seen[(process.pid, process.create_time())] = times.user + times.system
            except self._psutil.Error:  # exited meanwhile: its last sample stands
                continue
        return seen

    def _machine_busy(self) -> float:
        times = self._psutil.cpu_times()
        return sum(getattr(times, name, 0.0) for name in ("user", "nice", "system", "irq", "softirq", "steal"))

    def _loop(self) -> None:
        while not self._stop.wait(CPU_SAMPLE_SECONDS):
            self._last.update(self._sample())

    def start(self) -> None:
        self._busy_start = self._machine_busy()
        self._baseline = self._sample()
        self._last = dict(self._baseline)
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def stop(self) -> tuple[float, float]:
        """(CPU seconds of the tree, CPU seconds of the rest of the machine) since start()."""
        self._stop.set()
        self._thread.join()
        self._last.update(self._sample())
        busy = self._machine_busy() - self._busy_start
        ours = sum(cpu - self._baseline.get(key, 0.0) for key, cpu in self._last.items())
        return ours, max(busy - ours, 0.0)


def tree_cpu() -> TreeCPU | None:
    try:
        return TreeCPU()
    except ImportError:
        return None


def timed_dedup(config, spark) -> tuple[Timing, object]:
    from pipeline.runner import run_pipeline

    meter = tree_cpu()
    if meter:
        meter.start()
    started = time.perf_counter()
    [outcome] = run_pipeline(config, spark, ["dedup"], force=True)
    wall = time.perf_counter() - started
    cpu, other = meter.stop() if meter else (None, None)
    return Timing(wall, cpu, other), outcome.stats


# ---------------------------------------------------------------------------------------------
# Preparing the two releases and the union
# ---------------------------------------------------------------------------------------------

def select_sites(scale: int) -> str:
    """select keeps conf/default.yaml's max_sites × scale sites (as bench/e2e.py does), so the documents reaching
    dedup grow with the crawl; with the default's alone they would hardly grow past scale 1."""
    return f"stages.select.max_sites={load_config(CONFIG, []).stages.select.max_sites * scale}"


def release_config(sample: Path, corpus_root: Path, crawl: str, scale: int):
    return load_config(CONFIG, [f"inputs.base_url={sample}/", f"corpus.root={corpus_root}", f"crawl={crawl}",
                                select_sites(scale), *SPARK_SETTINGS, *INPUT_SETTINGS, *RULES_ONLY])


def union_config(out: Path):
    return load_config(CONFIG, [f"output={out}", *SPARK_SETTINGS, *INPUT_SETTINGS, *RULES_ONLY])


def commit_release(config, spark) -> int:
    """Add the release to the corpus state as the commit stage does (its digests, pipeline.core.corpus.commit)."""
    from pipeline.core.stage import HadoopFS
    from pipeline.stages.commit import CommitStage

    fs = HadoopFS(spark)
    version, _ = corpus.commit(fs, config.corpus.root, config.crawl, CommitStage._digests(config, fs))
    return version.number


def publish_union(spark, out: Path, release_roots: dict[str, Path]) -> int:
    """out/filter/kept: both releases' filter/kept rows (release 2's ids with UNION_ID_PREFIX) written by Spark, so
    every file has the same Parquet types, plus a filter/_SUCCESS and stats.json; returns the documents."""
    from pyspark.sql import functions as F

    frames = []
    for crawl, root in release_roots.items():
        frame = spark.read.parquet(FILTER_KEPT.path(str(root)))
        if crawl != RELEASE_1:
            frame = frame.withColumn("id", F.concat(F.lit(UNION_ID_PREFIX), F.col("id")))
        frames.append(frame.select(*FILTER_KEPT.column_names))
    folder = FILTER_KEPT.path(str(out))
    frames[0].unionByName(frames[1]).write.parquet(folder)
    union = spark.read.parquet(folder)
    read = [(f.name, f.dataType) for f in union.schema]
    if read != [(f.name, f.dataType) for f in FILTER_KEPT.spark_schema()]:
        raise RuntimeError(f"the union's filter/kept does not match FILTER_KEPT: {read}")
    documents = union.count()
    (out / "filter" / "stats.json").write_text(json.dumps({"stage": "filter", "output": documents}))
    (out / "filter" / "_SUCCESS").write_text(json.dumps({"config_digest": "bench-union"}))
    return documents


def rows(path: Path, columns: list[str]) -> list[dict]:
    return pq.read_table(path, columns=columns).to_pylist()


def parquet_files(path: Path) -> list[Path]:
    return sorted(path.glob("*.parquet"))


def index_size(roots: list[Path]) -> dict[str, tuple[int, int]]:
    """Index name → (bytes of its Parquet files, rows) summed over the output roots."""
    sizes = {}
    for dataset in INDEX_DATASETS:
        files = [f for root in roots for f in parquet_files(Path(dataset.path(str(root))))]
        sizes[dataset.name] = (sum(f.stat().st_size for f in files),
                               sum(pq.read_metadata(f).num_rows for f in files))
    return sizes


# ---------------------------------------------------------------------------------------------
# Comparing the two partitions
# ---------------------------------------------------------------------------------------------

Key = tuple[str, str]  # (crawl, id)


def incremental_clusters(release_roots: dict[str, Path]) -> dict[Key, Key]:
    """Every document of both releases → its survivor in the corpus (release 2's earlier-release copies point at
    release 1's survivors)."""
    member: dict[Key, Key] = {}
    for crawl, root in release_roots.items():
        for row in rows(Path(DEDUP_DOCS.path(str(root))), ["id"]):
            member[(crawl, row["id"])] = (crawl, row["id"])
        for row in rows(Path(DEDUP_DROPPED.path(str(root))), ["id", "duplicate_of", "drop_reason"]):
            if row["drop_reason"] not in DUPLICATE_REASONS:
                continue
            survivor_crawl = RELEASE_1 if row["drop_reason"].endswith(EARLIER_RELEASE_SUFFIX) else crawl
            member[(crawl, row["id"])] = (survivor_crawl, row["duplicate_of"] or "")
    return member


def union_key(row_id: str) -> Key:
    """A document of the union by its (crawl, id) in its release: release 2's ids carry UNION_ID_PREFIX."""
    if row_id.startswith(UNION_ID_PREFIX):
        return (RELEASE_2, row_id.removeprefix(UNION_ID_PREFIX))
    return (RELEASE_1, row_id)


def scratch_clusters(out: Path) -> dict[Key, Key]:
    member: dict[Key, Key] = {}
    for row in rows(Path(DEDUP_DOCS.path(str(out))), ["id"]):
        member[union_key(row["id"])] = union_key(row["id"])
    for row in rows(Path(DEDUP_DROPPED.path(str(out))), ["id", "duplicate_of", "drop_reason"]):
        if row["drop_reason"] in DUPLICATE_REASONS:
            member[union_key(row["id"])] = union_key(row["duplicate_of"] or "")
    return member


def groups(member: dict[Key, Key]) -> dict[Key, set[Key]]:
    clusters: dict[Key, set[Key]] = defaultdict(set)
    for doc, survivor in member.items():
        clusters[survivor].add(doc)
    return clusters


@dataclass
class Agreement:
    documents: tuple[int, int]  # (incremental, from scratch)
    survivors: tuple[int, int]
    covered: float  # share of from-scratch clusters inside one incremental cluster
    covering: float  # share of incremental clusters inside one from-scratch cluster
    identical: float  # share of from-scratch clusters equal to an incremental cluster
    causes: Counter = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)


class Signatures:
    """MinHash signatures of the documents of both releases, as the dedup stage computes them with its defaults,
    to explain the printed disagreements."""

    def __init__(self, release_roots: dict[str, Path]):
        self._rows = {(crawl, row["id"]): row for crawl, root in release_roots.items()
                      for row in rows(Path(FILTER_KEPT.path(str(root))), ["id", "url", "lang", "text"])}
        self._cache: dict[Key, bytes] = {}

    def url(self, doc: Key) -> str:
        return self._rows[doc]["url"] if doc in self._rows else "?"

    def similarity(self, a: Key, b: Key) -> float | None:
        from pipeline.lib.minhash import similarity

        first, second = self._signature(a), self._signature(b)
        return similarity(first, second) if first is not None and second is not None else None

    def _signature(self, doc: Key) -> bytes | None:
        from pipeline.lib.minhash import document_signature
        from pipeline.lib.scripts import WrittenWithoutSpaces
        from pipeline.stages.dedup import DedupStageConfig

        if doc not in self._cache and doc in self._rows:
            settings, row = DedupStageConfig(), self._rows[doc]
            unspaced = (frozenset(settings.cjk_languages) if settings.cjk_languages is not None
                        else WrittenWithoutSpaces())
            self._cache[doc] = document_signature(
                row["text"], row["lang"], shingle_size=settings.shingle_size, cjk_languages=unspaced,
                cjk_units=settings.cjk_shingles, segmenter_name=None, num_perm=settings.num_perm,
                seed=settings.seed).tobytes()
        return self._cache.get(doc)


def describe(doc: Key, docs: set[Key], signatures: Signatures, incremental: dict[Key, Key],
             scratch: dict[Key, Key]) -> str:
    """One document of a disagreement: its release, url, incremental cluster and, for a release-2 document, its
    estimated similarity to each release-1 survivor in the group (what the corpus compares against) and to the
    most similar other document of the group (what deduplicating from scratch can link it through)."""
    crawl, doc_id = doc
    inc, scr = incremental.get(doc), scratch.get(doc)
    marks = (" [corpus survivor]" if inc == doc else "") + (" [from-scratch survivor]" if scr == doc else "")
    text = (f"{'r1' if crawl == RELEASE_1 else 'r2'} {doc_id[:10]} {signatures.url(doc)} in incremental cluster "
            f"{str(inc[1])[:10] if inc else '-'}{marks}")
    if crawl == RELEASE_1:
        return text
    survivors = sorted({incremental[d] for d in docs if d in incremental and incremental[d][0] == RELEASE_1},
                       key=str)
    others = [(signatures.similarity(doc, other), other) for other in docs if other != doc]
    best = max(((sim, other) for sim, other in others if sim is not None), default=None)
    to_survivors = ", ".join(f"{str(s[1])[:10]} {signatures.similarity(doc, s) or 0:.2f}" for s in survivors)
    return (text + f"; similarity to r1 survivors: {to_survivors or 'none'}"
            + (f"; best in group: {best[1][1][:10]} {best[0]:.2f}" if best else ""))


def compare(incremental: dict[Key, Key], scratch: dict[Key, Key], signatures: Signatures, show: int) -> Agreement:
    inc_groups, scr_groups = groups(incremental), groups(scratch)
    result = Agreement(documents=(len(incremental), len(scratch)), survivors=(len(inc_groups), len(scr_groups)),
                       covered=0.0, covering=0.0, identical=0.0)
    covered = identical = 0
    shown: Counter = Counter()
    for _, docs in sorted(scr_groups.items(), key=str):
        parts = {incremental.get(doc) for doc in docs}
        if len(parts) == 1 and None not in parts:
            covered += 1
            identical += inc_groups[next(iter(parts))] == docs
            continue
        release_1_parts = {part for part in parts if part is not None and any(
            d[0] == RELEASE_1 for d in inc_groups[part])}
        if None in parts:
            cause = "document missing from the corpus run"
        elif len(release_1_parts) > 1:
            cause = "split across release-1 clusters"
        elif release_1_parts:
            cause = "release-2 copy not matched"
        else:
            cause = "split within release 2"
        result.causes[cause] += 1
        if shown[cause] < show:
            shown[cause] += 1
            lines = "\n      ".join(describe(doc, docs, signatures, incremental, scratch) for doc in sorted(docs))
            result.examples.append(f"{cause}: from-scratch cluster of {len(docs)}, {len(parts)} incremental "
                                   f"clusters\n      {lines}")
    covering = 0
    for _, docs in sorted(inc_groups.items(), key=str):
        parts = {scratch.get(doc) for doc in docs}
        if len(parts) == 1 and None not in parts:
            covering += 1
            continue
        result.causes["merged"] += 1
        if shown["merged"] < show:
            shown["merged"] += 1
            lines = "\n      ".join(describe(doc, docs, signatures, incremental, scratch) for doc in sorted(docs))
            result.examples.append(f"merged: incremental cluster of {len(docs)} covers {len(parts)} from-scratch "
                                   f"clusters\n      {lines}")
    result.covered = covered / max(len(scr_groups), 1)
    result.covering = covering / max(len(inc_groups), 1)
    result.identical = identical / max(len(scr_groups), 1)
    return result


# ---------------------------------------------------------------------------------------------

def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def run_scale(scale: int, work: Path, spark_holder: dict, args, summary: dict) -> None:
    from pipeline.core.spark import get_spark
    from pipeline.runner import run_pipeline
    from pipeline.sample import generate_sample

    print(f"\n== scale {scale} ==", flush=True)
    sample, corpus_root, union_root = work / "sample", work / "corpus", work / "union"
    started = time.perf_counter()
    generate_sample(sample, seed=SAMPLE_SEED, scale=scale)
    generate_sample(sample, seed=SAMPLE_SEED, scale=scale, release=SECOND_RELEASE)
    print(f"sample crawl, releases 1 and 2, written in {time.perf_counter() - started:.0f} s", flush=True)

    first = release_config(sample, corpus_root, RELEASE_1, scale)
    second = release_config(sample, corpus_root, RELEASE_2, scale)
    spark = spark_holder.setdefault("spark", get_spark(first.spark))
    for config, stages in ((first, [*UP_TO_FILTER, "dedup"]), (second, UP_TO_FILTER)):
        started = time.perf_counter()
        run_pipeline(config, spark, stages)
        if config is first:
            version = commit_release(first, spark)
            print(f"release 1: {', '.join(stages)} in {time.perf_counter() - started:.0f} s; committed as state "
                  f"version {version}", flush=True)
        else:
            print(f"release 2: {', '.join(stages)} in {time.perf_counter() - started:.0f} s", flush=True)
    roots = {RELEASE_1: Path(first.output), RELEASE_2: Path(second.output)}
    union_docs = publish_union(spark, union_root, roots)
    union = union_config(union_root)
    kept = {crawl: sum(pq.read_metadata(f).num_rows for f in parquet_files(Path(FILTER_KEPT.path(str(root)))))
            for crawl, root in roots.items()}

    runs: dict[str, list[Timing]] = {"incremental": [], "scratch": []}
    stats = {}
    for repeat in range(args.repeats):
        for label, config in (("incremental", second), ("scratch", union)):
            timing, stats[label] = timed_dedup(config, spark)
            runs[label].append(timing)
            cpu = f"{timing.cpu:.1f} CPU s (other processes {timing.other_cpu:.1f})" if timing.cpu is not None \
                else "CPU n/a"
            print(f"  run {repeat + 1}/{args.repeats} {label:<11} {timing.wall:6.1f} wall s, {cpu}", flush=True)

    wall = {label: median([t.wall for t in timings]) for label, timings in runs.items()}
    cpu = ({label: median([t.cpu for t in timings]) for label, timings in runs.items()}
           if all(t.cpu is not None for timings in runs.values() for t in timings) else None)
    inc_stats, scr_stats = stats["incremental"], stats["scratch"]
    print(f"documents: release 1 {kept[RELEASE_1]:,}, release 2 {kept[RELEASE_2]:,} (filter/kept); the union "
          f"{union_docs:,}; incremental dedup input {inc_stats.input:,}, from scratch {scr_stats.input:,}")
    print(f"release 2 in the corpus dropped {dict(sorted(inc_stats.dropped.items()))}")
    print(f"from scratch dropped            {dict(sorted(scr_stats.dropped.items()))}")
    print(f"{'':<12} {'wall s':>8} {'CPU s':>8}   (median of {args.repeats})")
    for label in runs:
        print(f"{label:<12} {wall[label]:>8.1f} {cpu[label] if cpu else float('nan'):>8.1f}")
    wall_ratio = wall["incremental"] / wall["scratch"]
    cpu_ratio = cpu["incremental"] / cpu["scratch"] if cpu else None
    print(f"time ratio incremental / from scratch: wall {wall_ratio:.2f}"
          + (f", CPU {cpu_ratio:.2f}" if cpu_ratio is not None else " (CPU not measured: psutil missing)"))

    incremental = incremental_clusters(roots)
    scratch = scratch_clusters(union_root)
    agreement = compare(incremental, scratch, Signatures(roots), args.show)
    shared_ids = len({doc_id for crawl, doc_id in incremental if crawl == RELEASE_1}
                     & {doc_id for crawl, doc_id in incremental if crawl == RELEASE_2})
    print(f"document ids found in both releases (the same url and payload digest): {shared_ids:,}")
    print(f"survivors: incremental {agreement.survivors[0]:,} (release 1 {inc_survivors(roots[RELEASE_1]):,} + "
          f"release 2 {inc_survivors(roots[RELEASE_2]):,}), from scratch {agreement.survivors[1]:,}; documents "
          f"{agreement.documents[0]:,} / {agreement.documents[1]:,}")
    print(f"agreement: {agreement.covered:.2%} of from-scratch clusters lie in one incremental cluster, "
          f"{agreement.covering:.2%} of incremental clusters in one from-scratch cluster, {agreement.identical:.2%} "
          f"identical; disagreements by cause: {dict(agreement.causes) or 'none'}")
    for example in agreement.examples:
        print(f"  - {example}")

    corpus_index = index_size(list(roots.values()))
    scratch_index = index_size([union_root])
    documents = kept[RELEASE_1] + kept[RELEASE_2]
    corpus_bytes = sum(size for size, _ in corpus_index.values())
    scratch_bytes = sum(size for size, _ in scratch_index.values())
    print(f"index of both releases: {corpus_bytes:,} bytes for {documents:,} documents = "
          f"{corpus_bytes / documents:.1f} bytes/doc; "
          + ", ".join(f"{name} {size:,} B {count:,} rows ({count / documents:.2f}/doc)"
                      for name, (size, count) in corpus_index.items()))
    print(f"from scratch's own index: {scratch_bytes:,} bytes = {scratch_bytes / documents:.1f} bytes/doc", flush=True)

    prefix = f"scale {scale}: "
    summary["ratios"][f"{prefix}wall incremental / from scratch"] = wall_ratio
    if cpu_ratio is not None:
        summary["ratios"][f"{prefix}CPU incremental / from scratch"] = cpu_ratio
    summary["figures"] |= {
        f"{prefix}documents release 1 / release 2": [kept[RELEASE_1], kept[RELEASE_2]],
        f"{prefix}wall s incremental / from scratch": [wall["incremental"], wall["scratch"]],
        f"{prefix}CPU s incremental / from scratch": [cpu["incremental"], cpu["scratch"]] if cpu else "not measured",
        f"{prefix}other processes' CPU s during the runs": [t.other_cpu for ts in runs.values() for t in ts
                                                             if t.other_cpu is not None],
        f"{prefix}survivors incremental / from scratch": list(agreement.survivors),
        f"{prefix}document ids found in both releases": shared_ids,
        f"{prefix}from-scratch clusters in one incremental cluster, %": PERCENT * agreement.covered,
        f"{prefix}incremental clusters in one from-scratch cluster, %": PERCENT * agreement.covering,
        f"{prefix}identical clusters, %": PERCENT * agreement.identical,
        f"{prefix}disagreements by cause": ", ".join(f"{k}: {v}" for k, v in agreement.causes.items()) or "none",
        f"{prefix}index bytes/doc (both releases)": corpus_bytes / documents,
        f"{prefix}index rows/doc exact / bands / clusters": [count / documents for _, count in corpus_index.values()],
        f"{prefix}from-scratch index bytes/doc": scratch_bytes / documents,
    }


def inc_survivors(root: Path) -> int:
    return sum(pq.read_metadata(f).num_rows for f in parquet_files(Path(DEDUP_DOCS.path(str(root)))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="1,2", help="comma-separated sample scales, each run in turn")
    parser.add_argument("--repeats", type=int, default=2,
                        help="timed runs of each side per scale, alternating; the median is reported")
    parser.add_argument("--show", type=int, default=3, help="disagreements printed per cause")
    parser.add_argument("--work", type=Path, default=None, help="folder for crawls and outputs (default: temporary)")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    if not scales or min(scales) < 1 or args.repeats < 1:
        parser.error("--scales needs whole numbers ≥ 1 and --repeats ≥ 1")
    if tree_cpu() is None:
        print("psutil is not installed: wall seconds only")

    summary: dict = {"ratios": {}, "figures": {"CPU measured": "psutil samples of the driver, JVM and Python "
                                               "workers" if tree_cpu() else "no (psutil missing): wall only"}}
    spark_holder: dict = {}
    with contextlib.ExitStack() as stack:
        base = args.work or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-corpus-dedup-")))
        try:
            for scale in scales:
                work = base / f"scale-{scale}"
                if work.exists():
                    shutil.rmtree(work)
                run_scale(scale, work, spark_holder, args, summary)
        finally:
            if "spark" in spark_holder:
                spark_holder["spark"].stop()
    save_result("corpus_dedup", sys.argv, "from-scratch dedup of releases 1 and 2 together (one dedup stage over "
                "the union of both releases' filter/kept); measured: release 2's dedup stage in a corpus holding "
                "release 1", goal="incremental / from scratch < 1 with identical clusters",
                ratios=summary["ratios"], figures=summary["figures"])


if __name__ == "__main__":
    main()
