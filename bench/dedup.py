"""Benchmark: stage dedup — MinHash signatures per CPU-second against datatrove, and how the Spark stage's time grows.

Documents come from the sample text generator (pipeline.sample.text): blog pages in the --languages in turn
(English by default), about 10% of them exact copies and 10% near copies (near_duplicate: a changed number, a
dropped, added or replaced sentence; word-5-gram Jaccard 0.78-0.95 to the original) of an earlier page.

1. Signature speed, documents per CPU-second on one core; the anchor is datatrove's MinhashDedupSignature
   (datatrove 0.10.1), the first step of FineWeb's MinHash dedup; goal: corpusforge ≥ 10× its rate.
   Both sides sign the same --docs documents one after the other in one process; CPU time is
   time.process_time() around the whole pass. Each side is first warmed up on a few documents (spaCy loading,
   permutation parameters), and that warm-up's CPU time is shown on its own.

   corpusforge: signature(shingles(text, 5, "words"), num_perm, seed) per document with DedupStageConfig's
   defaults (20 bands × 6 rows = 120 permutations, seed 1; zh is shingled over characters), exactly what the
   stage's executors run (pipeline.stages.dedup._signature_batches), minus the Arrow batch around it.

   datatrove: MinhashDedupSignature(output_folder=<temporary folder>, config=MinhashConfig(n_grams=5, ...),
   language=lang).run(data=<iterator of Documents>, rank=0, world_size=1), as a datatrove executor runs it:
   simplify_text, spaCy word tokens (spacy.blank(lang) plus the sentencizer, offline), hashed word 5-grams,
   120 universal hashes mod 2^61 − 1, one signature file per bucket written and then sorted. Its bucket layout
   is --datatrove-buckets: 20x6 (the default: as many hashes as ours) or 14x8 (FineWeb's, 112 hashes). Its
   shingle hash is --datatrove-hash: datatrove 0.10.1's default xxhash (64-bit) when the xxhash package (<4,
   as datatrove pins it) is installed, which the `bench` extra does not do, else its sha1 (64-bit); the line
   printed says which ran. spaCy's tokenizer is most of datatrove's time, so the hash changes little.
   datatrove.pipeline.dedup's __init__ also imports its exact-substring steps, which need Hugging Face
   `tokenizers`; when that is missing the minhash module (unchanged) is imported without the package __init__.

   Sanity: for the first --pairs (original, near copy) pairs, the Jaccard similarity of the two texts' shingle
   sets against the share of equal positions of their signatures (ours, and datatrove's for comparison);
   with 120 permutations the estimate's standard error is about sqrt(J(1 − J)/120) ≈ 0.03 at J = 0.85.

2. End-to-end: the real Spark stage (run_pipeline(config, spark, ["dedup"], force=True)) on 1×, 2× and 4×
   --base-docs documents (the first documents of one generated corpus, so each size has the same mix). Each
   size gets its own output root holding a published filter stage: filter/kept as Parquet with every
   FILTER_KEPT column (signals 0.0, random PageRank and quality score) in 4 files, plus filter/_SUCCESS and
   filter/stats.json. One Spark session (conf/default.yaml with spark.shuffle_partitions=4) runs all sizes
   after a warm-up run on a small input, so JVM and Python worker start-up is not counted. The anchor is
   linear growth: prints wall seconds, docs/s, documents dropped by reason, the time ratio 4×/1× and the
   growth exponent k = log(t4/t1)/log(4) (1.0 = linear; below 1, fixed per-job overhead still dominates), and
   the marginal rate between 2× and 4× (fixed overhead excluded) with the fixed cost the line through those
   two points implies. The stage runs a fixed number of Spark jobs whatever its input (the column Spark jobs),
   each costing scheduling and planning time, so small inputs measure that overhead more than the work.

    .venv/bin/python bench/dedup.py --docs 2000 --base-docs 2000
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import importlib.util
import json
import math
import random
import sys
import tempfile
import time
import types
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from bench_results import save_result

from pipeline.lib.datasets import FILTER_KEPT, QUALITY_SIGNALS
from pipeline.lib.minhash import shingles, signature, similarity
from pipeline.runner import load_config
from pipeline.sample.text import Document, good_document, near_duplicate
from pipeline.stages.dedup import DedupStageConfig

ROOT = Path(__file__).resolve().parents[1]
# Languages both sides can shingle offline: datatrove's ja tokenizer needs SudachiPy, which is not installed.
LANGUAGES = ("en", "de", "fr", "es", "ru", "zh")
WARMUP_DOCS = 20
EXACT_SHARE = 0.10
NEAR_SHARE = 0.10
INPUT_FILES = 4


@dataclass
class Summary:
    """What main saves to bench/results/dedup.json: each part's headline ratios and the figures beside them."""

    ratios: dict[str, float] = field(default_factory=dict)
    figures: dict = field(default_factory=dict)


@dataclass
class Page:
    index: int
    lang: str
    kind: str  # original, exact or near
    text: str
    title: str
    source: int | None  # index of the original a copy was made from


def make_corpus(count: int, languages: list[str], seed: int) -> list[Page]:
    """Languages in turn; each page an exact or near copy of an earlier original of its language, or a new one."""
    rng = random.Random(seed)
    originals: dict[str, list[tuple[int, Document]]] = {lang: [] for lang in languages}
    pages = []
    for index in range(count):
        lang = languages[index % len(languages)]
        doc_rng = random.Random(rng.getrandbits(64))
        draw = rng.random()
        earlier = originals[lang]
        if earlier and draw < EXACT_SHARE:
            source, doc = rng.choice(earlier)
            pages.append(Page(index, lang, "exact", doc.text, doc.title, source))
        elif earlier and draw < EXACT_SHARE + NEAR_SHARE:
            source, doc = rng.choice(earlier)
            copy = near_duplicate(doc, lang, doc_rng)
            pages.append(Page(index, lang, "near", copy.text, copy.title, source))
        else:
            doc = good_document(lang, doc_rng)
            earlier.append((index, doc))
            pages.append(Page(index, lang, "original", doc.text, doc.title, None))
    return pages


def warmup_batch(pages: list[Page]) -> list[Page]:
    """The first WARMUP_DOCS pages of each language."""
    seen: dict[str, int] = {}
    batch = []
    for page in pages:
        if seen.get(page.lang, 0) < WARMUP_DOCS:
            seen[page.lang] = seen.get(page.lang, 0) + 1
            batch.append(page)
    return batch


def units(lang: str, settings: DedupStageConfig) -> str:
    return settings.cjk_shingles if lang in settings.cjk_languages else "words"


# ---------------------------------------------------------------------------------------------
# 1. Signature speed
# ---------------------------------------------------------------------------------------------

@dataclass
class SignatureRun:
    name: str
    docs: int
    cpu: float
    warmup_cpu: float


def run_corpusforge(pages: list[Page], settings: DedupStageConfig) -> tuple[SignatureRun, list[np.ndarray]]:
    size, num_perm, seed = settings.shingle_size, settings.num_perm, settings.seed

    def sign(batch: list[Page]) -> list[np.ndarray]:
        return [signature(shingles(p.text, size, units(p.lang, settings)), num_perm, seed) for p in batch]

    started = time.process_time()
    sign(warmup_batch(pages))
    warmup = time.process_time() - started
    started = time.process_time()
    signatures = sign(pages)
    cpu = time.process_time() - started
    return SignatureRun("corpusforge", len(pages), cpu, warmup), signatures


def xxhash_usable() -> bool:
    """datatrove hashes str shingles with xxhash.xxh64_intdigest, which xxhash 4 refuses (datatrove pins <4)."""
    try:
        import xxhash
    except ImportError:
        return False
    try:
        xxhash.xxh64_intdigest("shingle")
    except TypeError:
        return False
    return True


def datatrove_hash(choice: str) -> str:
    if choice == "auto":
        return "xxhash" if xxhash_usable() else "sha1"
    return choice


def datatrove_minhash():
    """datatrove.pipeline.dedup.minhash, unchanged. The package's __init__ also imports its exact-substring steps,
    which need Hugging Face `tokenizers` (not installed); without it the module is loaded on its own."""
    try:
        return importlib.import_module("datatrove.pipeline.dedup.minhash")
    except ModuleNotFoundError as error:
        if error.name is None or not error.name.startswith("tokenizers"):
            raise
    for name in [name for name in sys.modules if name.startswith("datatrove.pipeline.dedup")]:
        del sys.modules[name]  # what the failed import left half-initialized
    package = types.ModuleType("datatrove.pipeline.dedup")
    package.__path__ = list(importlib.util.find_spec("datatrove.pipeline.dedup").submodule_search_locations)
    sys.modules[package.__name__] = package
    return importlib.import_module("datatrove.pipeline.dedup.minhash")


def run_datatrove(pages: list[Page], buckets: tuple[int, int], hash_fc: str, folder: Path):
    """(run, the steps by language): each language's pages through its own MinhashDedupSignature, in order."""
    from datatrove.data import Document as DatatroveDocument
    from datatrove.utils.hashing import HashConfig
    from datatrove.utils.logging import logger

    minhash = datatrove_minhash()
    MinhashConfig, MinhashDedupSignature = minhash.MinhashConfig, minhash.MinhashDedupSignature
    logger.disable("datatrove")  # its "Sorting buckets..." lines would interleave with the table
    by_lang: dict[str, list[Page]] = {}
    for page in pages:
        by_lang.setdefault(page.lang, []).append(page)
    config = MinhashConfig(n_grams=5, num_buckets=buckets[0], hashes_per_bucket=buckets[1], seed=1,
                           hash_config=HashConfig(precision=64, hash_fc=hash_fc))

    def run(step, batch: list[Page]) -> None:
        result = step.run(data=(DatatroveDocument(text=p.text, id=str(p.index)) for p in batch), rank=0,
                          world_size=1)
        if result is not None:  # a generator step: consume it, as the executor does
            deque(result, maxlen=0)

    started = time.process_time()
    steps = {lang: MinhashDedupSignature(output_folder=str(folder / lang), config=config, language=lang)
             for lang in by_lang}
    for lang, batch in by_lang.items():
        run(steps[lang], batch[:WARMUP_DOCS])  # loads spaCy; the timed pass below overwrites these files
    warmup = time.process_time() - started
    started = time.process_time()
    for lang, batch in by_lang.items():
        run(steps[lang], batch)
    cpu = time.process_time() - started
    label = f"datatrove {buckets[0]}x{buckets[1]} {hash_fc}"
    return SignatureRun(label, len(pages), cpu, warmup), steps


def signature_speed(pages: list[Page], args, summary: Summary) -> None:
    settings = DedupStageConfig()
    buckets = tuple(int(n) for n in args.datatrove_buckets.split("x"))
    hash_fc = datatrove_hash(args.datatrove_hash)
    ours, signatures = run_corpusforge(pages, settings)
    with tempfile.TemporaryDirectory(prefix="bench-dedup-datatrove-") as folder:
        theirs, steps = run_datatrove(pages, buckets, hash_fc, Path(folder))
        written = sum(f.stat().st_size for f in Path(folder).rglob("*.sig"))

    kinds = {kind: sum(p.kind == kind for p in pages) for kind in ("original", "exact", "near")}
    print(f"1. MinHash signatures: {len(pages)} generated documents ({','.join(args.languages)}; "
          f"{kinds['original']} originals, {kinds['exact']} exact and {kinds['near']} near copies; seed {args.seed}), "
          f"the first {WARMUP_DOCS} per language also as warm-up")
    cjk = sorted(set(args.languages) & set(settings.cjk_languages))
    described = f"word {settings.shingle_size}-grams" + (f" ({','.join(cjk)}: {settings.cjk_shingles})" if cjk else "")
    print(f"   corpusforge: {described}, {settings.bands} bands × {settings.rows} rows = {settings.num_perm} "
          f"permutations (sha1-32 + affine32), seed {settings.seed}")
    print(f"   datatrove:   MinhashConfig(n_grams=5, {buckets[0]} buckets × {buckets[1]} hashes = "
          f"{buckets[0] * buckets[1]}, HashConfig(precision=64, hash_fc={hash_fc!r})), spaCy words; "
          f"{written:,} bytes of sorted signature files")
    print(f"{'side':<26} {'docs':>6} {'CPU s':>7} {'docs/CPU-s':>11} {'warm-up CPU s':>14}")
    for run in (ours, theirs):
        print(f"{run.name:<26} {run.docs:>6} {run.cpu:>7.2f} {run.docs / run.cpu:>11,.0f} {run.warmup_cpu:>14.2f}")
    print(f"ratio corpusforge / datatrove: {theirs.cpu / ours.cpu:.2f}× (goal ≥ 10×)")
    summary.ratios["signatures: corpusforge / datatrove"] = theirs.cpu / ours.cpu
    summary.figures |= {"signatures: docs": len(pages), "signatures: languages": ",".join(args.languages),
                        **{f"signatures: {run.name} docs/CPU-s": run.docs / run.cpu for run in (ours, theirs)}}

    pairs = [(pages[p.source], p) for p in pages if p.kind == "near"][:args.pairs]
    if not pairs:
        print("sanity: no near copies among the documents (raise --docs)")
        return
    true, estimate, anchor = [], [], []
    for original, copy in pairs:
        a = set(shingles(original.text, settings.shingle_size, units(original.lang, settings)))
        b = set(shingles(copy.text, settings.shingle_size, units(copy.lang, settings)))
        true.append(len(a & b) / len(a | b))
        estimate.append(similarity(signatures[original.index].tobytes(), signatures[copy.index].tobytes()))
        step = steps[copy.lang]
        x, y = (np.concatenate(step.get_signature(step.get_shingles(p.text))) for p in (original, copy))
        anchor.append(float(np.mean(x == y)))
    errors = [abs(e - t) for e, t in zip(estimate, true, strict=True)]
    shown = ", ".join(f"{t:.2f}→{e:.2f}" for t, e in zip(true[:6], estimate[:6], strict=True))
    print(f"sanity, {len(pairs)} (original, near copy) pairs: true Jaccard mean {np.mean(true):.3f}, our estimate "
          f"mean {np.mean(estimate):.3f}, |error| mean {np.mean(errors):.3f} max {max(errors):.3f} "
          f"(datatrove's estimate mean {np.mean(anchor):.3f}); true→ours: {shown}")
    summary.figures |= {"sanity: true Jaccard mean": float(np.mean(true)),
                        "sanity: our estimate |error| mean": float(np.mean(errors))}


# ---------------------------------------------------------------------------------------------
# 2. End-to-end Spark stage
# ---------------------------------------------------------------------------------------------

def filter_rows(pages: list[Page], crawl: str, seed: int) -> list[dict]:
    """FILTER_KEPT rows, every column: a page per row, copies on other hosts than their original."""
    rng = random.Random(seed)
    signals = {c.name: 0.0 for c in QUALITY_SIGNALS}
    epoch = datetime(2024, 1, 1, tzinfo=UTC)
    rows = []
    for page in pages:
        host = f"blog{page.index // 5}"  # five pages per host
        values = {
            "id": hashlib.sha1(f"bench-{page.index}".encode()).hexdigest()[:32],
            "url": f"https://{host}.example.org/posts/{page.index}.html",
            "host": f"org.example.{host}",
            "domain": "org.example",
            "lang": page.lang,
            "lang_score": 0.99,
            "lang_top3": f"{page.lang}:0.99",
            "script": "simplified" if page.lang == "zh" else None,
            "title": page.title,
            "text": page.text,
            "charset": "utf-8",
            "charset_source": "utf-8",
            "replaced_bytes": 0,
            "content_encoding": None,
            "truncated": None,
            "archive_format": "warc.gz",
            "crawl": crawl,
            "fetch_time": epoch + timedelta(seconds=page.index),
            "warc_path": "bench",
            "offset": page.index,
            "length": 1,
            "pagerank": rng.expovariate(1.0) + 1e-6,
            "trustrank": rng.random(),
            "spam_mass": 0.0,
            "url_blocklist": None,
            **signals,
            "perplexity": None,
            "perplexity_bucket": None,
            "quality_score": rng.random(),
        }
        rows.append({name: values[name] for name in FILTER_KEPT.column_names})  # KeyError if a column is missing
    return rows


ARROW_TYPES = {"string": "string", "int32": "int32", "int64": "int64", "double": "float64", "boolean": "bool_"}


def publish_filter(spark, out: Path, pages: list[Page], crawl: str, seed: int) -> None:
    """filter/kept in INPUT_FILES Parquet files written by pyarrow (not shipped through Spark tasks), plus the
    stage's stats.json and _SUCCESS; Spark must read back exactly FILTER_KEPT.spark_schema()'s columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    def arrow_type(name: str):
        return pa.timestamp("us", tz="UTC") if name == "timestamp" else getattr(pa, ARROW_TYPES[name])()

    schema = pa.schema([pa.field(c.name, arrow_type(c.type), c.nullable) for c in FILTER_KEPT.columns])
    rows = filter_rows(pages, crawl, seed)
    table = pa.Table.from_pylist(rows, schema)
    folder = Path(FILTER_KEPT.path(str(out)))
    folder.mkdir(parents=True)
    share = math.ceil(len(rows) / INPUT_FILES)
    for part in range(INPUT_FILES):
        pq.write_table(table.slice(part * share, share), folder / f"part-{part:05d}.parquet", compression="zstd")
    read = [(f.name, f.dataType) for f in spark.read.parquet(str(folder)).schema]
    if read != [(f.name, f.dataType) for f in FILTER_KEPT.spark_schema()]:
        raise RuntimeError(f"filter/kept as written does not match FILTER_KEPT: {read}")
    (out / "filter" / "stats.json").write_text(json.dumps({"stage": "filter", "output": len(pages)}))
    (out / "filter" / "_SUCCESS").write_text(json.dumps({"config_digest": "bench"}))


@dataclass
class StageRun:
    multiple: int
    docs: int
    seconds: float
    jobs: int  # Spark jobs the run started
    stats: object  # pipeline.core.stage.Stats


def end_to_end(pages: list[Page], args, summary: Summary) -> None:
    from pipeline.core.spark import get_spark
    from pipeline.runner import run_pipeline

    multiples = [int(m) for m in args.multiples.split(",")]
    results: list[StageRun] = []
    with tempfile.TemporaryDirectory(prefix="bench-dedup-spark-") as folder:
        spark = None
        for multiple in [0, *multiples]:  # 0: the warm-up
            count = args.base_docs * multiple if multiple else args.warmup_docs
            out = Path(folder) / f"out-{multiple}x"
            config = load_config(ROOT / "conf" / "default.yaml", [f"output={out}", "spark.shuffle_partitions=4"])
            spark = spark or get_spark(config.spark)
            publish_filter(spark, out, pages[:count], config.crawl, args.seed)
            group = f"bench-dedup-{multiple}x"
            spark.sparkContext.setJobGroup(group, f"bench/dedup.py, {count} documents")
            started = time.perf_counter()
            [outcome] = run_pipeline(config, spark, ["dedup"], force=True)
            seconds = time.perf_counter() - started
            jobs = len(spark.sparkContext.statusTracker().getJobIdsForGroup(group))
            spark.sparkContext.setJobGroup("", "")
            if multiple:
                results.append(StageRun(multiple, count, seconds, jobs, outcome.stats))
        cores = spark.sparkContext.defaultParallelism
        master = spark.sparkContext.master
        spark.stop()

    reasons = sorted({reason for run in results for reason in run.stats.dropped})
    print()
    print(f"2. Spark stage dedup on {master} ({cores} cores), spark.shuffle_partitions=4, input in {INPUT_FILES} "
          f"Parquet files; warm-up run on {args.warmup_docs} documents first (not shown)")
    header = " ".join(f"{reason:>16}" for reason in reasons)
    print(f"{'input':>6} {'docs':>7} {'seconds':>8} {'docs/s':>7} {'kept':>6} {header} {'cand. pairs':>11} "
          f"{'near pairs':>10} {'rounds':>6} {'Spark jobs':>10} {'time ratio':>11}")
    base, last = results[0], results[-1]
    for run in results:
        dropped = " ".join(f"{run.stats.dropped.get(reason, 0):>16,}" for reason in reasons)
        details = run.stats.details
        print(f"{run.multiple:>5}x {run.docs:>7,} {run.seconds:>8.1f} {run.docs / run.seconds:>7,.0f} "
              f"{run.stats.output:>6,} {dropped} {details.get('candidate_pairs', 0):>11,} "
              f"{details.get('near_pairs', 0):>10,} {details.get('component_rounds', 0):>6} {run.jobs:>10} "
              f"{run.seconds / base.seconds:>6.2f} (input {run.docs / base.docs:.0f}×)")
        summary.figures[f"spark: {run.multiple}x docs, seconds"] = [run.docs, run.seconds]
    if len(results) < 2:
        return
    exponent = math.log(last.seconds / base.seconds) / math.log(last.docs / base.docs)
    print(f"time ratio {last.multiple}×/{base.multiple}×: {last.seconds / base.seconds:.2f} (input "
          f"{last.docs / base.docs:.0f}×); growth exponent k = log(t{last.multiple}/t{base.multiple})/"
          f"log({last.docs / base.docs:.0f}) = {exponent:.2f}  (anchor: linear, k = 1.0)")
    summary.ratios[f"spark: time ratio {last.multiple}x/{base.multiple}x (input {last.docs / base.docs:.0f}x)"] = (
        last.seconds / base.seconds)
    summary.figures["spark: growth exponent k (1.0 = linear)"] = exponent
    previous = results[-2]
    label = f"marginal rate between {previous.multiple}× and {last.multiple}× (fixed job overhead excluded)"
    if last.seconds <= previous.seconds:
        print(f"{label}: n/a, the larger input did not take longer (fixed overhead dominates: raise --base-docs)")
        return
    marginal = (last.docs - previous.docs) / (last.seconds - previous.seconds)
    fixed = last.seconds - last.docs / marginal
    print(f"{label}: {marginal:,.0f} docs/s ({marginal / cores:,.0f} docs/s/core); the line through those two "
          f"points meets 0 documents at {fixed:.1f} s of fixed cost ({last.jobs} Spark jobs a run)")
    summary.figures |= {"spark: marginal docs/s": marginal, "spark: fixed cost s": fixed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000, help="documents signed by both sides in part 1")
    parser.add_argument("--languages", default="en", help=f"comma-separated, among {','.join(LANGUAGES)}")
    parser.add_argument("--datatrove-buckets", choices=["20x6", "14x8"], default="20x6",
                        help="datatrove's buckets × hashes per bucket: 20x6 = our 120 hashes, 14x8 = FineWeb's 112")
    parser.add_argument("--datatrove-hash", choices=["auto", "xxhash", "sha1"], default="auto",
                        help="datatrove's shingle hash: auto = its default xxhash if installed, else sha1")
    parser.add_argument("--pairs", type=int, default=10, help="(original, near copy) pairs in the sanity line")
    parser.add_argument("--base-docs", type=int, default=2000, help="documents of the 1× input of part 2")
    parser.add_argument("--multiples", default="1,2,4", help="input sizes of part 2, in multiples of --base-docs")
    parser.add_argument("--warmup-docs", type=int, default=200, help="documents of part 2's untimed warm-up run")
    parser.add_argument("--part", choices=["signatures", "spark", "both"], default="both",
                        help="run only part 1 (signatures), only part 2 (spark), or both")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.languages = args.languages.split(",")
    if unknown := sorted(set(args.languages) - set(LANGUAGES)):
        parser.error(f"unsupported language(s) {','.join(unknown)}; choose among {','.join(LANGUAGES)}")
    if args.docs <= WARMUP_DOCS * len(args.languages):
        parser.error(f"--docs must be more than the {WARMUP_DOCS} warm-up documents per language")
    if args.datatrove_hash == "xxhash" and not xxhash_usable():
        parser.error("datatrove's xxhash needs the xxhash package below version 4: pip install 'xxhash<4'")
    if args.part != "spark" and importlib.util.find_spec("spacy") is None:
        parser.error("datatrove's word tokenizer needs spaCy: pip install the `bench` extra")
    multiples = [int(m) for m in args.multiples.split(",")]

    pages = make_corpus(max(args.docs, args.base_docs * max(multiples), args.warmup_docs), args.languages, args.seed)
    summary = Summary()
    if args.part != "spark":
        signature_speed(pages[:args.docs], args, summary)
    if args.part != "signatures":
        end_to_end(pages, args, summary)
    save_result("dedup", sys.argv, "signatures: datatrove MinhashDedupSignature, docs per CPU-second; "
                "spark stage: linear growth (k = 1.0)", goal="signatures ≥ 10× datatrove; spark stage k ≤ 1",
                ratios=summary.ratios, figures=summary.figures)


if __name__ == "__main__":
    main()
