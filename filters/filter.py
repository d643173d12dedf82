"""Stage ``filter``: every quality signal of every document, then one decision per document.

Pass 1 (``signals``) computes, per document of ``extract/docs``: the URL blocklist verdict, every rule signal
(``filters.signals``: Gopher, C4, FineWeb, CJK, spam keywords) with the language's segmenter, KenLM perplexity
under the language's ``train-lm`` model, and the ``train-quality`` classifier's P(good). Pass 2 (``decide``)
takes each language's perplexity cutoffs (CCNet: this run's 30th/60th percentiles, or fixed values) and applies
``filters.rules.decide``: the first failing rule names the drop. Both ``filter/kept`` and ``filter/dropped``
carry every signal.

Re-tuning: the published stats record a digest of everything pass 1 depends on. When only thresholds changed,
a rerun reads the signals back from ``filter/kept`` and ``filter/dropped`` and runs pass 2 alone
(``corpusforge filter retune`` shows the effect first without writing anything).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from functools import partial
from typing import Any

from pydantic import Field

from filters.blocklist import BlocklistConfig, UrlBlocklist, build_blocklist
from filters.classifier import classifier_text, good_probability, load_classifier, published_classifiers
from filters.kenlm import lm_lines, load_lm, perplexity, published_models
from filters.keywords import SpamLexicon, load_spam_lexicon
from filters.rules import (
    MODEL_COLUMNS,
    SIGNAL_NAMES,
    Actions,
    LanguageRules,
    Thresholds,
    compute_signals,
    decide,
    language_rules,
)
from pipeline import __version__
from pipeline.core.config import Section
from pipeline.core.spark import ShippedFile, ship_file
from pipeline.core.stage import (
    DROP_DETAIL,
    DROP_OFFSET,
    DROP_PATH,
    DROP_REASON,
    STATS_FILE,
    SUCCESS_FILE,
    Stage,
    StageContext,
    StageDetails,
    StageError,
    Stats,
    accounted_schema,
    digest_files,
    read_success,
)
from pipeline.lib.datasets import EXTRACT_DOCS, FILTER_DROPPED, FILTER_KEPT
from pipeline.lib.decontamination import DecontaminationConfig, build_index, resolve_paths
from pipeline.lib.pii import PII_SIGNALS, PII_TYPES, PiiConfig


class FilterStageConfig(Section):
    languages_dir: str = Field(default="conf/languages", description="<lang>.yaml rules per language")
    language_overrides: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="Per language, keys merged over its file, e.g. {zh: {thresholds: ...}}"
    )
    spam_lexicons: str = Field(
        default="conf/filters/spam", description="Folder of spam lexicons, <lang>.yaml: families of terms, weak terms "
                                                 "and URL tokens with weights (every file applies to every document)")
    blocklist: BlocklistConfig = BlocklistConfig()
    pii: PiiConfig = Field(default_factory=PiiConfig, description="Personal data: per type replace, drop or keep")
    decontamination: DecontaminationConfig = Field(
        default_factory=DecontaminationConfig, description="Evaluation sets whose n-grams drop or flag a document")
    perplexity: bool = Field(default=True, description="Score perplexity with train-lm's models")
    quality_classifier: bool = Field(default=True, description="Score quality with train-quality's model")




ARROW_TYPES = {"string": "string", "double": "float64", "int64": "int64"}


def actions_of(settings: FilterStageConfig) -> Actions:
    """The stage-level decisions the rules apply to stored signals (filters.rules.base.Actions)."""
    pii = settings.pii
    return Actions(pii_drop=frozenset(name for name in PII_TYPES if getattr(pii, name).action == "drop"),
                   contamination=settings.decontamination.action)


def masking_settings(settings: FilterStageConfig) -> dict:
    """The PII settings the stored text depends on: replace and drop mask alike (the difference is a decision)."""
    data = settings.pii.model_dump()
    for value in data.values():
        if isinstance(value, dict) and value.get("action") == "drop":
            value["action"] = "replace"
    return data


def _with_columns(batch, out_columns: list[tuple[str, str]], new: dict[str, list]):
    """A batch of ``out_columns`` (name, Spark type): new values where given, else the input batch's column."""
    import pyarrow as pa

    arrays, fields = [], []
    for name, type_name in out_columns:
        if name in new:
            array = pa.array(new[name], type=getattr(pa, ARROW_TYPES[type_name])())
            fields.append(pa.field(name, array.type))
        else:
            array = batch.column(name)
            fields.append(batch.schema.field(name))
        arrays.append(array)
    return pa.RecordBatch.from_arrays(arrays, schema=pa.schema(fields))


def decontamination_digest(settings: DecontaminationConfig) -> dict:
    """What the contamination columns depend on: the n-gram settings and the sets' files (not the action)."""
    sets = resolve_paths(settings.sets)
    return {**settings.model_dump(exclude={"action", "sets"}),
            "sets": [{**s.model_dump(), "digest": digest_files(s.path)} for s in sets]}


def _signal_batches(batches, *, rules: dict[str, LanguageRules], spam_lexicon: SpamLexicon, pii: PiiConfig,
                    contamination, blocklist, lms: dict[str, ShippedFile], classifiers: dict[str, ShippedFile],
                    out_columns):
    """Pass 1 on Arrow batches: the extract columns (text as kept: PII masked, C4-cleaned where on) plus blocklist,
    signals, contamination and model scores."""
    index = contamination.value if contamination is not None else None
    settings = {lang: r.signal_settings(spam_lexicon, pii, index) for lang, r in rules.items()}
    blocked: UrlBlocklist = blocklist.value
    for batch in batches:
        columns = {name: batch.column(name).to_pylist() for name in ("text", "lang", "url", "host", "title")}
        texts, signals, extra = [], {name: [] for name in SIGNAL_NAMES}, {name: [] for name in MODEL_COLUMNS}
        for text, lang, url, host, title in zip(columns["text"], columns["lang"], columns["url"], columns["host"],
                                                columns["title"], strict=True):
            lang_rules = rules[lang]
            kept_text, values = compute_signals(text, settings[lang], title, url)
            texts.append(kept_text)
            for name in SIGNAL_NAMES:
                signals[name].append(values[name])
            extra["url_blocklist"].append(blocked.reason(url, host))
            score = None
            if lang in lms:
                model = load_lm(lms[lang].local_path())
                score = perplexity(model, lm_lines(kept_text, lang_rules.segmenter, lang_rules.lm_tokens))
            extra["perplexity"].append(score)
            quality = None
            group = lang if lang in classifiers else "all" if "all" in classifiers else None
            if group is not None:
                model = load_classifier(classifiers[group].local_path())
                quality = good_probability(model, classifier_text(kept_text, lang_rules.segmenter))
            extra["quality_score"].append(quality)
        yield _with_columns(batch, out_columns, {"text": texts, **signals, **extra,
                                                 "perplexity_bucket": [None] * batch.num_rows})


def _decide_batches(batches, *, thresholds: dict[str, Thresholds], cutoffs: dict[str, list[float]], actions: Actions,
                    out_columns):
    """Pass 2: the first failing rule of each document, its detail, and its perplexity bucket."""
    rules = thresholds
    needed = [*SIGNAL_NAMES, *MODEL_COLUMNS, "lang", "lang_score", "warc_path", "offset"]
    for batch in batches:
        columns = {name: batch.column(name).to_pylist() for name in needed}
        reasons, details, buckets = [], [], []
        for i in range(batch.num_rows):
            signals = {name: columns[name][i] for name in (*SIGNAL_NAMES, *MODEL_COLUMNS)}
            lang = columns["lang"][i]
            reason, detail, bucket = decide(signals, columns["lang_score"][i], rules[lang],
                                            tuple(cutoffs[lang]) if lang in cutoffs else None, actions)
            reasons.append(reason)
            details.append(detail)
            buckets.append(bucket)
        yield _with_columns(batch, out_columns, {
            "perplexity_bucket": buckets, DROP_REASON: reasons, DROP_DETAIL: details,
            DROP_PATH: [p if r else None for p, r in zip(columns["warc_path"], reasons, strict=True)],
            DROP_OFFSET: [o if r else None for o, r in zip(columns["offset"], reasons, strict=True)],
        })


def perplexity_cutoffs(signals, rules: dict[str, LanguageRules]) -> dict[str, list[float]]:
    """Per language: fixed cutoffs from its rules, else this run's percentiles of its documents' perplexity."""
    from pyspark.sql import functions as F

    cutoffs = {lang: list(r.thresholds.perplexity.cutoffs) for lang, r in rules.items()
               if r.thresholds.perplexity.cutoffs is not None}
    wanted = {lang: r.thresholds.perplexity.percentiles for lang, r in rules.items() if lang not in cutoffs}
    if not wanted:
        return cutoffs
    fractions = sorted({p / 100 for pair in wanted.values() for p in pair})
    rows = (signals.where(F.col("perplexity").isNotNull() & F.col("lang").isin(list(wanted)))
            .groupBy("lang").agg(F.percentile_approx("perplexity", fractions, 10_000).alias("values")).collect())
    for row in rows:
        by_fraction = dict(zip(fractions, row["values"], strict=True))
        low, high = wanted[row["lang"]]
        cutoffs[row["lang"]] = [float(by_fraction[low / 100]), float(by_fraction[high / 100])]
    return cutoffs


def _columns(schema) -> list[tuple[str, str]]:
    return [(field.name, field.dataType.simpleString().replace("bigint", "int64")) for field in schema.fields]


class FilterDetails(StageDetails):
    signal_digest: str = ""  # of everything the signals depend on: equal digests reuse the stored signals
    perplexity_models: list[str] = []
    quality_models: list[str] = []
    signal_rules: dict[str, str] = {}  # per language: digest of its signal settings
    signals: str = ""  # computed, or reused when only thresholds changed
    blocklist: dict[str, Any] = {}
    perplexity_cutoffs: dict[str, list[float]] = {}
    by_language: dict[str, dict[str, Any]] = {}  # kept, dropped by reason, perplexity buckets
    # PII: action per type, and per language the values found per type and the documents holding any
    pii: dict[str, Any] = {}
    # the evaluation sets, the action, and per benchmark the contaminated documents per language
    decontamination: dict[str, Any] = {}
    decontamination_index: dict[str, Any] = {}  # n-grams per set, index mode and bytes
    spam_by_family: dict[str, int] = {}  # documents dropped as spam, by their strongest family


class FilterStage(Stage):
    name = "filter"
    description = "Per-language quality rules, KenLM perplexity and a fastText quality classifier."
    requires = ("extract", "train-lm", "train-quality")
    input_estimate = ("extract", "output")
    writes = (FILTER_KEPT, FILTER_DROPPED)
    settings = FilterStageConfig
    Details = FilterDetails

    def files_digest(self, config) -> str:
        settings = config.stages.filter
        return digest_files(settings.languages_dir, settings.spam_lexicons)

    def run(self, ctx: StageContext, stats: Stats) -> None:
        from pyspark import StorageLevel

        settings = ctx.config.stages.filter
        docs = ctx.read(EXTRACT_DOCS)
        languages = sorted(row["lang"] for row in docs.select("lang").distinct().collect())
        rules = language_rules(ctx.config, languages)
        for flag, upstream in (("perplexity", "train-lm"), ("quality_classifier", "train-quality")):
            if getattr(settings, flag) and read_success(ctx.fs, ctx.out_root, upstream) is None:
                raise StageError(f"stages.filter.{flag} is on but {upstream} has not run: run `corpusforge run "
                                 f"--stages {upstream},filter`, or --set stages.filter.{flag}=false")
        lms = self._ship(ctx, published_models(ctx) if settings.perplexity else {})
        classifiers = self._ship(ctx, published_classifiers(ctx) if settings.quality_classifier else {})
        digest = self.signal_digest(ctx, rules, lms, classifiers)
        stats.details.update(signal_digest=digest, perplexity_models=sorted(lms), quality_models=sorted(classifiers),
                             signal_rules={lang: r.signal_digest() for lang, r in rules.items()})
        signals, previous = self._stored_signals(ctx, digest)
        if signals is not None:
            stats.details["signals"] = "reused from the published filter output (only thresholds changed)"
            stats.details["blocklist"] = previous.get("blocklist", {})
        else:
            stats.details["signals"] = "computed"
            signals = self._compute_signals(ctx, docs, rules, lms, classifiers, stats)
        signals = signals.persist(StorageLevel.DISK_ONLY)
        try:
            cutoffs = perplexity_cutoffs(signals, rules)
            stats.details["perplexity_cutoffs"] = cutoffs
            schema = accounted_schema(FILTER_KEPT)
            decided = signals.mapInArrow(
                partial(_decide_batches, thresholds={lang: r.thresholds for lang, r in rules.items()},
                        cutoffs=cutoffs, actions=actions_of(settings), out_columns=_columns(schema)),
                schema,
            )
            ctx.write_accounted(decided, FILTER_KEPT, stats, dropped_dataset=FILTER_DROPPED)
        finally:
            signals.unpersist()
        self._summarize(ctx, stats)

    @staticmethod
    def _ship(ctx: StageContext, models: dict[str, str]) -> dict[str, ShippedFile]:
        """Send each model file to the executors, by its key (a language, or a classifier group)."""
        return {key: ship_file(ctx.spark, path) for key, path in models.items()}

    def signal_digest(self, ctx: StageContext, rules: dict[str, LanguageRules], lms, classifiers) -> str:
        settings = ctx.config.stages.filter
        parts = {
            "version": __version__,
            "extract": read_success(ctx.fs, ctx.out_root, "extract"),
            "rules": {lang: r.signal_digest() for lang, r in rules.items()},
            "keywords": digest_files(settings.spam_lexicons),
            "pii": masking_settings(settings),
            "decontamination": decontamination_digest(settings.decontamination),
            "blocklist": settings.blocklist.model_dump(),
            "lm": read_success(ctx.fs, ctx.out_root, "train-lm") if lms else None,
            "quality": read_success(ctx.fs, ctx.out_root, "train-quality") if classifiers else None,
        }
        return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]

    @staticmethod
    def _stored_signals(ctx: StageContext, digest: str):
        """The published documents with their signals, when they were computed exactly as they would be now."""
        published = f"{ctx.out_root.rstrip('/')}/filter"
        if not ctx.fs.exists(f"{published}/{SUCCESS_FILE}"):
            return None, {}
        text = ctx.fs.read_text(f"{published}/{STATS_FILE}")
        details = json.loads(text).get("details", {}) if text else {}
        if details.get("signal_digest") != digest:
            return None, {}
        columns = FILTER_KEPT.column_names
        kept = ctx.spark.read.parquet(FILTER_KEPT.path(ctx.out_root)).select(*columns)
        dropped = ctx.spark.read.parquet(FILTER_DROPPED.path(ctx.out_root)).select(*columns)
        return kept.unionByName(dropped), details

    def _compute_signals(self, ctx: StageContext, docs, rules, lms, classifiers, stats: Stats):
        settings = ctx.config.stages.filter
        hosts = [(row["host"], row["domain"]) for row in docs.select("host", "domain").distinct().collect()]
        blocklist, counts = build_blocklist(hosts, settings.blocklist)
        stats.details["blocklist"] = counts
        schema = FILTER_KEPT.spark_schema()
        contamination = None
        if settings.decontamination.sets:
            index = build_index(resolve_paths(settings.decontamination.sets), settings.decontamination)
            stats.details["decontamination_index"] = index.stats
            contamination = ctx.spark.sparkContext.broadcast(index)
        compute = partial(
            _signal_batches, rules=rules, spam_lexicon=load_spam_lexicon(settings.spam_lexicons), pii=settings.pii,
            contamination=contamination,
            blocklist=ctx.spark.sparkContext.broadcast(blocklist), lms=lms, classifiers=classifiers,
            out_columns=_columns(schema),
        )
        columns = [c for c in FILTER_KEPT.column_names if c in EXTRACT_DOCS.column_names]
        return docs.select(*columns).mapInArrow(compute, schema)

    @staticmethod
    def _summarize(ctx: StageContext, stats: Stats) -> None:
        from pyspark.sql import functions as F

        by_language: dict[str, dict] = defaultdict(lambda: {"kept": 0, "dropped": {}})
        kept = ctx.spark.read.parquet(ctx.dataset_path(FILTER_KEPT))
        for row in kept.groupBy("lang").count().collect():
            by_language[row["lang"]]["kept"] = row["count"]
        dropped = ctx.spark.read.parquet(ctx.dataset_path(FILTER_DROPPED))
        for row in dropped.groupBy("lang", "drop_reason").count().collect():
            by_language[row["lang"]]["dropped"][row["drop_reason"]] = row["count"]
        buckets = kept.groupBy("lang", "perplexity_bucket").count().where(F.col("perplexity_bucket").isNotNull())
        for row in buckets.collect():
            by_language[row["lang"]].setdefault("perplexity_buckets", {})[row["perplexity_bucket"]] = row["count"]
        stats.details["by_language"] = dict(by_language)
        # Personal data per type and language (values found, and documents holding any), kept and dropped alike;
        # contamination per benchmark and language, with what was done.
        both = kept.select("lang", *PII_SIGNALS, "contamination_benchmark").unionByName(
            dropped.select("lang", *PII_SIGNALS, "contamination_benchmark"))
        pii_rows = both.groupBy("lang").agg(
            *(F.sum(name).alias(name) for name in PII_SIGNALS),
            F.sum(F.when(sum((F.col(name) > 0).cast("int") for name in PII_SIGNALS) > 0, 1).otherwise(0))
            .alias("documents")).collect()
        stats.details["pii"] = {
            "action": {name: getattr(ctx.config.stages.filter.pii, name).action for name in PII_TYPES},
            "by_language": {row["lang"]: {"documents": int(row["documents"] or 0),
                                          **{name: int(row[f"pii_{name}"] or 0) for name in PII_TYPES}}
                            for row in sorted(pii_rows, key=lambda r: r["lang"]) if row["documents"]},
        }
        contaminated = (both.where(F.col("contamination_benchmark").isNotNull())
                        .groupBy("contamination_benchmark", "lang").count().collect())
        spam = (dropped.where(F.col("drop_reason") == "spam_keywords")
                .groupBy(F.split("spam_families", ",").getItem(0).alias("family")).count().collect())
        stats.details["spam_by_family"] = {row["family"] or "-": row["count"] for row in spam}
        decontamination = ctx.config.stages.filter.decontamination
        stats.details["decontamination"] = {
            "action": decontamination.action, "sets": [s.name for s in decontamination.sets],
            "by_benchmark": {row["contamination_benchmark"]: {} for row in contaminated}}
        for row in contaminated:
            stats.details["decontamination"]["by_benchmark"][row["contamination_benchmark"]][row["lang"]] = row["count"]



def _retuned(config, spark):
    """The published documents decided again under ``config``'s thresholds: every column of filter/kept, the
    new ``drop_reason``/``drop_detail``, and ``before``/``before_detail``, what the published run decided."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    from pipeline.core.stage import HadoopFS

    fs = HadoopFS(spark)
    published = f"{config.output.rstrip('/')}/filter"
    text = fs.read_text(f"{published}/{STATS_FILE}")
    if not fs.exists(f"{published}/{SUCCESS_FILE}") or not text:
        raise StageError(f"no published filter output at {published}: run `corpusforge run --stages filter` first")
    stored_rules = json.loads(text).get("details", {}).get("signal_rules", {})
    kept = (spark.read.parquet(FILTER_KEPT.path(config.output)).withColumn("before", F.lit(None).cast("string"))
            .withColumn("before_detail", F.lit(None).cast("string")))
    dropped = (spark.read.parquet(FILTER_DROPPED.path(config.output))
               .select(*FILTER_KEPT.column_names, F.col(DROP_REASON).alias("before"),
                       F.col(DROP_DETAIL).alias("before_detail")))
    signals = kept.unionByName(dropped)
    languages = sorted(row["lang"] for row in signals.select("lang").distinct().collect())
    rules = language_rules(config, languages)
    changed = sorted(lang for lang, r in rules.items() if stored_rules.get(lang) not in (None, r.signal_digest()))
    if changed:
        raise StageError(f"signal settings (segmenter, stop words, C4 cleaning...) changed for {', '.join(changed)}: "
                         "stored signals no longer apply; rerun `corpusforge run --stages filter`")
    cutoffs = perplexity_cutoffs(signals, rules)
    schema = T.StructType([*accounted_schema(FILTER_KEPT).fields, T.StructField("before", T.StringType(), True),
                           T.StructField("before_detail", T.StringType(), True)])
    return signals.mapInArrow(
        partial(_decide_batches, thresholds={lang: r.thresholds for lang, r in rules.items()},
                cutoffs=cutoffs, actions=actions_of(config.stages.filter), out_columns=_columns(schema)),
        schema,
    )


def retune(config, spark) -> list[dict]:
    """What the published signals would become under ``config``'s thresholds, without writing anything.

    Rows of (lang, before, after, count): the published drop reason (None: kept) and the new one.
    """
    counts = _retuned(config, spark).groupBy("lang", "before", DROP_REASON).count().collect()
    return [{"lang": row["lang"], "before": row["before"], "after": row[DROP_REASON], "count": row["count"]}
            for row in counts]


# What a preview shows of each changed document besides its signals: enough to find and judge it.
PREVIEW_COLUMNS = ("id", "url", "title", "host", "lang", "text")


def retune_preview(config, spark, per_change: int = 5) -> dict:
    """``retune``'s counts and, for every change (language, before → after), up to ``per_change`` of the documents
    that change: {"counts": retune's rows, "changed": [document, ...]}.

    A document carries ``before``/``before_detail`` (published; None: kept) and ``after``/``after_detail`` (under
    the new thresholds) and every signal, so the caller can show the ones the details name. The picks are the
    lowest ids of each change — a stable sample across reruns, spread over hosts since ids are hashes.
    """
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    decided = _retuned(config, spark).persist()
    try:
        counts = decided.groupBy("lang", "before", DROP_REASON).count().collect()
        moved = decided.where(~F.col("before").eqNullSafe(F.col(DROP_REASON)))
        order = Window.partitionBy("lang", "before", DROP_REASON).orderBy("id")
        picked = (moved.withColumn("_pick", F.row_number().over(order)).where(F.col("_pick") <= per_change)
                  .select(*PREVIEW_COLUMNS, *SIGNAL_NAMES, *MODEL_COLUMNS, "before", "before_detail",
                          F.col(DROP_REASON).alias("after"), F.col(DROP_DETAIL).alias("after_detail"))
                  .orderBy("lang", F.col("before").asc_nulls_first(), F.col("after").asc_nulls_first(), "id")
                  .collect()) if per_change > 0 else []
    finally:
        decided.unpersist()
    return {"counts": [{"lang": row["lang"], "before": row["before"], "after": row[DROP_REASON],
                        "count": row["count"]} for row in counts],
            "changed": [row.asDict() for row in picked]}
