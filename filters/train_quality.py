"""Stage ``train-quality``: a fastText quality classifier taught by link authority.

Labels come from the host graph, not from hand annotation: pages of the top ``positive_host_share`` of each
language's selected hosts by PageRank are ``good``; pages of hosts ``select`` rejected — every spam-mass host and
the bottom ``negative_host_share`` of the below-cutoff ones — are ``poor``. Good pages come from
``extract/docs``; poor pages were never extracted (their hosts are not on the allowlist), so they are fetched by
file offset from the ``index`` stage's lineage — the way the Common Crawl index is used — and run through the
same extraction as ``extract``. At most ``max_pages_per_host`` pages per host, so one big site cannot teach the
model its template.

Text is lower-cased, digits folded, and split into the language's words (jieba for Chinese, MeCab for
Japanese: fastText splits on spaces only), bigrams on (DCLM's classifier is a bigram fastText model). One
multilingual model by default, or one per language. A tenth of the examples (by id hash) is held out and the
held-out precision and recall are reported in ``stats.json``. ``quality_score`` is P(good).

Size. fastText's input matrix has (words + ``bucket``) rows of ``dimension`` floats, and its default 2 M
buckets for word n-grams make a 491 MB model whatever the data (2 M × 64 × 4 bytes). The buckets are sized to
the data instead: the distinct word n-grams (orders 2..``word_ngrams``) of the training text times
``bucket_per_ngram`` (0.5), within [``min_bucket``, ``max_bucket``] (``max_bucket`` is fastText's default,
reached on release-sized training sets). Then, with ``quantize``, fastText's product
quantization (``cutoff`` keeps the rows of largest norm, ``qnorm`` quantizes norms separately, no retraining)
shrinks the model by another order of magnitude — but only when it costs at most ``quantize_max_accuracy_drop``
of held-out accuracy; otherwise the unquantized model is published and ``stats.json`` says why. Both sizes and
both accuracies are in the stats.
"""

from __future__ import annotations

import math
import tempfile
import zlib
from collections import defaultdict
from pathlib import Path
from typing import Any

from pydantic import Field, model_validator

from filters.classifier import (
    GOOD,
    LABEL,
    MODELS_FOLDER,
    POOR,
    classifier_text,
    good_probability,
    is_holdout,
    model_file_name,
)
from filters.rules import language_rules
from pipeline.core.config import S3Config, Section
from pipeline.core.stage import Stage, StageContext, StageDetails, Stats, digest_files
from pipeline.core.storage import read_range
from pipeline.core.warc import WarcRecord, records_in_range
from pipeline.lib.datasets import (
    EXTRACT_DOCS,
    INDEX_RECORDS,
    SELECT_REJECTED,
    TRAIN_QUALITY_EXAMPLES,
    TRAIN_QUALITY_MODELS,
)


class TrainQualityStageConfig(Section):
    """fastText quality classifier: pages of top-authority hosts against pages of low-authority and spam hosts."""

    enabled: bool = True
    positive_host_share: float = Field(
        default=0.3, gt=0, le=1, description="Top share of each language's selected hosts by PageRank: positives"
    )
    negative_host_share: float = Field(
        default=0.5, gt=0, le=1, description="Bottom share of the hosts rejected as below_cutoff (spam: all)"
    )
    max_pages_per_host: int = Field(default=20, ge=1, description="So one big site does not teach the classifier")
    max_examples_per_label: int = Field(default=200_000, ge=10)
    per_language: bool = Field(default=False, description="One model per language instead of one multilingual model")
    min_examples_per_label: int = Field(default=20, ge=1, description="Fewer and no model is trained")
    epochs: int = Field(default=20, ge=1)
    learning_rate: float = Field(default=0.5, gt=0)
    word_ngrams: int = Field(default=2, ge=1, description="DCLM's classifier uses bigrams")
    dimension: int = Field(default=64, ge=8)
    seed: int = 0
    bucket: int | None = Field(
        default=None, ge=0, description="Hash buckets for word n-grams; null: sized to the data (bucket_per_ngram)"
    )
    # 0.5: on the demo 55% of the training bigrams occur once; an n-gram seen once teaches the model a single
    # document, so letting such n-grams share buckets costs little, and the unquantized model stays ~14 MB.
    bucket_per_ngram: float = Field(default=0.5, gt=0, description="Buckets per distinct training word n-gram")
    min_bucket: int = Field(default=1 << 12, ge=1, description="Fewest buckets the sizing rule picks")
    max_bucket: int = Field(default=2_000_000, ge=1, description="Most buckets the sizing rule picks "
                                                                 "(fastText's default)")
    quantize: bool = Field(default=True, description="Product-quantize the model if accuracy allows (see below)")
    quantize_cutoff: int = Field(
        default=100_000, ge=0, description="Quantized model keeps this many word/n-gram rows of largest norm; 0: all"
    )  # fastText quantizes no fewer than 256 rows: a smaller cutoff is refused by the validator below
    quantize_qnorm: bool = Field(default=True, description="Quantize the vectors' norms separately (fastText qnorm)")
    quantize_dsub: int = Field(default=2, ge=1, description="Dimensions per sub-quantizer (fastText dsub)")
    quantize_max_accuracy_drop: float = Field(
        default=0.01, ge=0, le=1, description="Keep the quantized model only if held-out accuracy drops at most this"
    )

    @model_validator(mode="after")
    def _bucket_range(self) -> TrainQualityStageConfig:
        if self.min_bucket > self.max_bucket:
            raise ValueError(f"min_bucket {self.min_bucket} is above max_bucket {self.max_bucket}")
        if 0 < self.quantize_cutoff < 256:
            raise ValueError(f"quantize_cutoff {self.quantize_cutoff}: fastText keeps at least 256 rows (0: all)")
        return self


TRAIN_ATTEMPTS = 5


def distinct_word_ngrams(texts, word_ngrams: int, limit: int) -> int:
    """Distinct word n-grams of orders 2..``word_ngrams`` as fastText forms them (words split on whitespace, the
    end-of-line token ``</s>`` last), counted up to ``limit``: past it the bucket count is ``max_bucket``
    anyway, so a release-sized training set never holds more than ``limit`` hashes in memory."""
    seen: set[int] = set()
    for text in texts:
        words = [*text.split(), "</s>"]
        for n in range(2, word_ngrams + 1):
            seen.update(hash(tuple(words[i:i + n])) for i in range(len(words) - n + 1))
        if len(seen) >= limit:
            return limit
    return len(seen)


def bucket_for(texts, settings: TrainQualityStageConfig) -> tuple[int, int | None]:
    """(bucket, distinct n-grams counted) by the sizing rule, or the configured ``bucket``."""
    if settings.bucket is not None:
        return settings.bucket, None
    if settings.word_ngrams < 2:
        return 0, 0  # without word n-grams (and subwords, off for supervised models) fastText hashes nothing
    distinct = distinct_word_ngrams(texts, settings.word_ngrams,
                                    math.ceil(settings.max_bucket / settings.bucket_per_ngram))
    return min(settings.max_bucket, max(settings.min_bucket, math.ceil(distinct * settings.bucket_per_ngram))), distinct


def held_out_scores(model, test: list[tuple[str, str]]) -> dict[str, float]:
    """Accuracy, and precision and recall of 'good', on the held-out examples at P(good) ≥ 0.5."""
    predicted = [good_probability(model, text) >= 0.5 for _, text in test]
    actual = [label == GOOD for label, _ in test]
    true_good = sum(p and a for p, a in zip(predicted, actual, strict=True))
    return {"test_accuracy": round(sum(p == a for p, a in zip(predicted, actual, strict=True)) / len(test), 4),
            "test_precision_good": round(true_good / max(sum(predicted), 1), 4),
            "test_recall_good": round(true_good / max(sum(actual), 1), 4)}



def fetch_and_extract(rows, *, s3: S3Config, extract_row, segmenters: dict[str, str], unreadable):
    """(id, url, host, lang, text) of the poor-label pages: each record fetched by offset and extracted.

    A member that cannot be fetched or parsed teaches nothing; it is counted in ``unreadable`` (an accumulator).
    """
    s3_config = s3
    for row in rows:
        try:
            member = read_range(row.warc_path, row.offset, row.length, s3_config)
            # The range starts with the record it addresses (a gzip member run, or raw bytes).
            record = records_in_range(member, row.warc_path, row.offset, row.length)[0]
        except Exception:  # a fetch beyond its retries, or an empty range
            unreadable.add(1)
            continue
        if not isinstance(record, WarcRecord):
            unreadable.add(1)
            continue
        for out in extract_row(record):
            values = dict(zip(EXTRACT_DOCS.column_names, out, strict=False))
            if values.get("text") and values.get("lang") in segmenters:
                yield (values["id"], values["url"], values["host"], values["lang"],
                       classifier_text(values["text"], segmenters[values["lang"]]))


class TrainQualityDetails(StageDetails):
    disabled: bool = False
    unreadable_poor_records: int = 0
    examples: dict[str, dict[str, int]] = {}  # per language: examples per label
    models: dict[str, dict[str, Any]] = {}  # per group: model file, training sizes, held-out precision/recall


class TrainQualityStage(Stage):
    name = "train-quality"
    description = "fastText quality classifier: top-authority hosts' pages against low-authority and spam pages."
    requires = ("index", "select", "extract")
    writes = (TRAIN_QUALITY_EXAMPLES, TRAIN_QUALITY_MODELS)
    settings = TrainQualityStageConfig
    Details = TrainQualityDetails
    config_sections = ("stages.extract", "language_id", "stages.filter.languages_dir",
                       "stages.filter.language_overrides")
    filtering = False

    def files_digest(self, config) -> str:
        return digest_files(config.stages.filter.languages_dir)

    def run(self, ctx: StageContext, stats: Stats) -> None:
        settings = ctx.config.stages.train_quality
        if not settings.enabled:
            stats.details["disabled"] = True
            return
        docs = ctx.read(EXTRACT_DOCS)
        languages = sorted(row["lang"] for row in docs.select("lang").distinct().collect())
        segmenters = {lang: rules.segmenter for lang, rules in language_rules(ctx.config, languages).items()}
        examples = self._good_examples(ctx, docs, settings, segmenters).unionByName(
            self._poor_examples(ctx, settings, segmenters))
        examples.write.mode("overwrite").parquet(ctx.dataset_path(TRAIN_QUALITY_EXAMPLES))
        examples = ctx.spark.read.parquet(ctx.dataset_path(TRAIN_QUALITY_EXAMPLES))
        stats.details["unreadable_poor_records"] = self.unreadable.value
        counts = defaultdict(dict)
        for row in examples.groupBy("lang", "label").count().collect():
            counts[row["lang"]][row["label"]] = row["count"]
        stats.details["examples"] = dict(counts)
        groups = languages if settings.per_language else ["all"]
        stats.details["models"] = {}
        with tempfile.TemporaryDirectory(prefix="corpusforge-quality-") as scratch:
            for group in groups:
                stats.details["models"][group] = self._train(ctx, settings, examples, group, Path(scratch))
        # In the run summary: labelled examples → models written.
        stats.input = sum(sum(labels.values()) for labels in counts.values())
        stats.output = sum(1 for summary in stats.details["models"].values() if summary.get("model"))

    def _good_examples(self, ctx, docs, settings, segmenters):
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        hosts = docs.groupBy("lang", "host").agg(F.max("pagerank").alias("pagerank"))
        by_authority = Window.partitionBy("lang").orderBy(F.desc("pagerank"), "host")
        top = (hosts.withColumn("position", F.row_number().over(by_authority))
               .withColumn("hosts_in_language", F.count("*").over(Window.partitionBy("lang")))
               .where(F.col("position") <= F.ceil(F.col("hosts_in_language") * settings.positive_host_share))
               .select("lang", "host"))
        pages = self._per_host(docs.join(top, ["lang", "host"]), settings.max_pages_per_host, "id")
        segment = F.udf(lambda text, lang: classifier_text(text, segmenters[lang]))
        return pages.select("id", "url", "host", "lang", F.lit(GOOD).alias("label"),
                            F.lit("top_authority").alias("source"), segment("text", "lang").alias("text"))

    def _poor_examples(self, ctx, settings, segmenters):
        from functools import partial

        from pyspark.sql import functions as F

        from pipeline.lib.extraction import extract_row
        from pipeline.lib.language import ship_model

        rejected = ctx.read(SELECT_REJECTED)
        below = rejected.where(F.col("reason") == "below_cutoff")
        # Tens of millions of hosts miss the cutoff on a release: a quantile, not a global sort, finds the bottom.
        cutoff = below.agg(F.percentile_approx("pagerank", settings.negative_host_share, 10_000)).first()[0]
        below = below.where(F.col("pagerank") <= cutoff) if cutoff is not None else below.limit(0)
        poor_hosts = below.select("host", "reason").unionByName(
            rejected.where(F.col("reason") == "spam_mass").select("host", "reason"))
        reversed_host = F.array_join(F.reverse(F.split("host", r"\.")), ".")
        records = (ctx.read(INDEX_RECORDS)
                   .where((F.col("warc_type") == "response") & (F.col("status") == 200)
                          & F.col("content_type").isin("text/html", "application/xhtml+xml")
                          # a whole-file gzip has no byte range to fetch one record by
                          & ~F.col("archive_format").endswith("/stream"))
                   .withColumn("host", reversed_host)
                   .join(F.broadcast(poor_hosts), "host"))
        records = self._per_host(records, settings.max_pages_per_host, "url")
        sources = {row["host"]: row["reason"] for row in poor_hosts.collect()}
        allowed = ctx.spark.sparkContext.broadcast(frozenset(sources))
        model = ship_model(ctx.spark, ctx.config.language_id.model_path)
        row_maker = partial(extract_row, allowed=allowed, settings=ctx.config.stages.extract,
                            model=model, crawl=ctx.config.crawl)
        self.unreadable = ctx.spark.sparkContext.accumulator(0)
        fetch = partial(fetch_and_extract, s3=ctx.config.storage.s3, extract_row=row_maker,
                        segmenters=segmenters, unreadable=self.unreadable)
        rows = records.select("warc_path", "offset", "length").repartition(
            ctx.config.spark.shuffle_partitions, "warc_path").sortWithinPartitions("warc_path", "offset").rdd
        extracted = ctx.spark.createDataFrame(rows.mapPartitions(fetch), "id string, url string, host string, "
                                              "lang string, text string")
        source_of = ctx.spark.createDataFrame(list(sources.items()) or [("", "")], "host string, source string")
        return extracted.join(F.broadcast(source_of), "host").select(
            "id", "url", "host", "lang", F.lit(POOR).alias("label"), "source", "text")

    @staticmethod
    def _per_host(frame, limit: int, key: str):
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        order = Window.partitionBy("host").orderBy(F.xxhash64(key), key)
        return frame.withColumn("_n", F.row_number().over(order)).where(F.col("_n") <= limit).drop("_n")

    def _train(self, ctx, settings, examples, group: str, scratch: Path) -> dict:
        import fasttext
        from pyspark.sql import functions as F

        chosen = examples if group == "all" else examples.where(F.col("lang") == group)
        labelled = {GOOD: [], POOR: []}
        test: list[tuple[str, str]] = []
        # Equal numbers of each label, so the model's prior does not decide borderline pages.
        per_label = {row["label"]: row["count"] for row in chosen.groupBy("label").count().collect()}
        take = min(per_label.get(GOOD, 0), per_label.get(POOR, 0), settings.max_examples_per_label)
        if take < settings.min_examples_per_label:
            return {"model": None, "skipped": f"{per_label} examples: fewer than {settings.min_examples_per_label} "
                                              f"of a label"}
        order = chosen.orderBy(F.xxhash64("id"), "id").select("id", "label", "text")
        for row in order.toLocalIterator():
            if is_holdout(row["id"]):
                test.append((row["label"], row["text"]))
            elif len(labelled[row["label"]]) < take:
                labelled[row["label"]].append(row["text"])
        balanced = min(len(texts) for texts in labelled.values())
        labelled = {label: texts[:balanced] for label, texts in labelled.items()}
        train_path = scratch / f"{group}.train"
        with open(train_path, "w", encoding="utf-8") as handle:
            lines = [f"{LABEL}{label} {text}" for label, texts in labelled.items() for text in texts]
            lines.sort(key=lambda line: zlib.crc32(line.encode()))  # interleaved labels, deterministic
            handle.write("\n".join(lines) + "\n")
        fasttext.FastText.eprint = lambda *args, **kwargs: None
        texts = (text for texts in labelled.values() for text in texts)
        bucket, distinct = bucket_for(texts, settings)
        for attempt in range(1, TRAIN_ATTEMPTS + 1):
            try:
                model = fasttext.train_supervised(
                    input=str(train_path), epoch=settings.epochs, lr=settings.learning_rate,
                    wordNgrams=settings.word_ngrams, dim=settings.dimension, minCount=1, seed=settings.seed,
                    thread=1, verbose=0, bucket=bucket)
                break
            except RuntimeError as exc:
                # fastText at times reports "Encountered NaN" for a matrix of this size in a long-lived process
                # (seen in tests, never twice in a row); the same training again is a clean run.
                if "NaN" not in str(exc) or attempt == TRAIN_ATTEMPTS:
                    raise
        local = scratch / model_file_name(group)
        model.save_model(str(local))
        summary: dict[str, Any] = {
            "model": f"{MODELS_FOLDER}/{local.name}", "train": {k: len(v) for k, v in labelled.items()},
            "test": len(test), "bucket": bucket, "distinct_word_ngrams": distinct,
            "words": len(model.words), "bytes_unquantized": local.stat().st_size, "training_attempts": attempt}
        if test:
            summary.update(held_out_scores(model, test))
        if settings.quantize:
            model, decision = self._quantized(model, settings, test, summary, scratch / f"{group}.ftz")
            summary["quantization"] = decision
            if summary["quantized"]:
                model.save_model(str(local))  # the same name: fastText reads the format from the file
        else:
            summary["quantized"] = False
        summary["bytes"] = local.stat().st_size
        ctx.fs.copy_from_local(str(local), f"{ctx.artifact_path(TRAIN_QUALITY_MODELS)}/{local.name}")
        return summary

    @staticmethod
    def _quantized(model, settings, test, summary: dict, scratch_file: Path):
        """(model to publish, why): the quantized model when held-out accuracy drops at most the tolerance."""
        import fasttext

        if not test:
            summary["quantized"] = False
            return model, "not quantized: no held-out examples to check its accuracy on"
        before = summary["test_accuracy"]
        model.save_model(str(scratch_file))  # quantize() changes the model in place: keep a copy to go back to
        unquantized = scratch_file
        try:
            model.quantize(input=None, qout=False, cutoff=settings.quantize_cutoff, retrain=False,
                           dsub=settings.quantize_dsub, qnorm=settings.quantize_qnorm)
        except ValueError as exc:  # e.g. a small per-language model: fastText needs at least 256 rows
            summary["quantized"] = False
            return fasttext.load_model(str(unquantized)), f"not quantized: fastText refused ({exc})"
        after = held_out_scores(model, test)
        summary["test_accuracy_unquantized"] = before
        summary["test_accuracy_quantized"] = after["test_accuracy"]
        drop = before - after["test_accuracy"]
        if drop <= settings.quantize_max_accuracy_drop + 1e-9:
            summary["quantized"] = True
            summary.update(after)
            return model, (f"quantized: held-out accuracy {before:.4f} → {after['test_accuracy']:.4f} (drop "
                           f"{max(drop, 0):.4f} ≤ {settings.quantize_max_accuracy_drop:g})")
        summary["quantized"] = False
        return fasttext.load_model(str(unquantized)), (
            f"not quantized: held-out accuracy would drop {before:.4f} → {after['test_accuracy']:.4f} "
            f"({drop:.4f} > {settings.quantize_max_accuracy_drop:g}); the unquantized model is published")
