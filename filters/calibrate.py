"""Thresholds calibrated on the crawl's own trusted text: ``corpusforge filter calibrate``.

Published thresholds (FineWeb-2's) were derived on another language-ID model, another tokenisation and another
crawl; applied unchanged they drop clean text (Chinese at an alpha-word share of 0.728 against 0.735) and good
news full of figures. A search engine would instead ask what its most trusted sites look like. Per language:

- **reference**: documents of the language's highest-authority hosts — the top ``reference_share`` of its hosts
  by PageRank, and the top ``reference_share`` by TrustRank (PageRank seeded on the trust seeds) — whatever the
  published rules decided about them (their signals are stored in ``filter/kept`` and ``filter/dropped``);
- **low**: documents of its lowest-authority hosts (the bottom ``low_share`` by PageRank) and of link-farm hosts
  (spam mass at least ``stages.select.max_spam_mass``).

Every threshold a rule compares a signal with (``filters.rules.base.Bound``; rules on document length, lists,
keywords and models are left alone) that is on for the language is moved to the same quantile ``q`` of the
reference distribution (``1 - q`` for thresholds a document must reach) where the published value drops more of
the reference than that; it is made tighter only where that drops at least ``min_low_gain`` more of the low set
(a stricter value with no evidence against spam encodes the trusted sites' style, not quality). ``q`` is the
smallest value at which the thresholds together keep ``keep_rate`` of the reference. A rule that is off stays
off; a value that would turn a rule off (0 where 0 means off) is not proposed. A language with
fewer than ``min_reference_docs`` reference documents or ``min_reference_hosts`` reference hosts keeps its
published thresholds: a quantile of a few pages from two sites is their style, not the language's.

The proposal is a config overlay (``stages.filter.language_overrides``) with the evidence per threshold: the
reference's and the low set's pass rates before → after. ``corpusforge filter retune --overlay FILE`` shows what it
keeps on the whole output without recomputing a signal; ``corpusforge run --overlay FILE --stages filter``
publishes it.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from pydantic import Field

from filters.rules import MODEL_COLUMNS, RULES, SIGNAL_NAMES, decide, language_rules
from filters.rules.base import Bound, threshold_at
from pipeline.core.config import Section
from pipeline.core.stage import StageError
from pipeline.lib.datasets import FILTER_DROPPED, FILTER_KEPT

REFERENCE, LOW, OTHER = "reference", "low", "other"


class CalibrationConfig(Section):
    keep_rate: float = Field(default=0.98, gt=0, lt=1,
                             description="Share of the reference the calibrated thresholds keep together")
    reference_share: float = Field(default=0.2, gt=0, le=1,
                                   description="Top share of a language's hosts (by PageRank, and by TrustRank) "
                                               "whose documents are the reference")
    low_share: float = Field(default=0.2, gt=0, le=1,
                             description="Bottom share of a language's hosts by PageRank whose documents are low")
    min_reference_docs: int = Field(default=200, ge=1, description="Fewer: the published thresholds stay")
    min_reference_hosts: int = Field(default=5, ge=1, description="Fewer: the published thresholds stay")
    min_low_gain: float = Field(default=0.01, ge=0, le=1,
                                description="A threshold is only tightened where that drops at least this much "
                                            "more of the low set")
    max_docs: int = Field(default=20_000, ge=100,
                          description="Documents per language and set brought to the driver (a random sample)")
    seed: int = 1


def calibration_bounds() -> list[Bound]:
    return [bound for rule in RULES for bound in rule.bounds]


def _sets(config, spark, settings: CalibrationConfig, languages: list[str] | None):
    """Each language's reference, low and other documents (signals, lang score, set), sampled, as pandas."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    wanted = ["lang", "host", "lang_score", "pagerank", "trustrank", "spam_mass", *SIGNAL_NAMES, *MODEL_COLUMNS]
    kept = spark.read.parquet(FILTER_KEPT.path(config.output)).select(*wanted)
    dropped = spark.read.parquet(FILTER_DROPPED.path(config.output)).select(*wanted)
    docs = kept.unionByName(dropped)
    if languages:
        docs = docs.where(F.col("lang").isin(languages))
    hosts = docs.groupBy("lang", "host").agg(F.max("pagerank").alias("host_pagerank"),
                                              F.max("trustrank").alias("host_trustrank"),
                                              F.max("spam_mass").alias("host_spam_mass"))
    by_language = Window.partitionBy("lang")
    hosts = (hosts
             .withColumn("pr_rank", F.percent_rank().over(by_language.orderBy(F.desc("host_pagerank"))))
             .withColumn("tr_rank", F.percent_rank().over(by_language.orderBy(F.desc("host_trustrank"))))
             .withColumn("n_hosts", F.count("*").over(by_language)))
    max_spam_mass = config.stages.select.max_spam_mass
    labelled = hosts.withColumn(
        "set",
        F.when((F.col("pr_rank") < settings.reference_share) | (F.col("tr_rank") < settings.reference_share)
               | (F.col("n_hosts") == 1), F.lit(REFERENCE))
        .when((F.col("pr_rank") >= 1 - settings.low_share) | (F.col("host_spam_mass") >= max_spam_mass), F.lit(LOW))
        .otherwise(F.lit(OTHER)))
    docs = docs.join(labelled.select("lang", "host", "set"), ["lang", "host"])
    sample = docs.withColumn("position", F.row_number().over(
        Window.partitionBy("lang", "set").orderBy(F.rand(settings.seed)))).where(
        F.col("position") <= settings.max_docs)
    reference_hosts = {(row["lang"]): row["hosts"] for row in docs.where(F.col("set") == REFERENCE)
                       .groupBy("lang").agg(F.countDistinct("host").alias("hosts")).collect()}
    return sample.drop("position").toPandas(), reference_hosts


def _quantile(values: np.ndarray, q: float) -> float:
    values = values[~np.isnan(values)]
    return float(np.quantile(values, q, method="higher" if q >= 0.5 else "lower")) if len(values) else math.nan


def _round(value: float, keep: str) -> float:
    """Three significant digits, rounded outwards (up for a maximum, down for a minimum), so that rounding never
    drops a document the exact quantile keeps."""
    if value == 0 or math.isnan(value) or math.isinf(value):
        return value
    scale = 10 ** (math.floor(math.log10(abs(value))) - 2)
    rounded = (math.ceil if keep == "below" else math.floor)(value / scale) * scale
    return float(f"{rounded:.3g}")


def _passes(frame, bounds: dict[str, list[Bound]], values: dict[str, float]) -> np.ndarray:
    """Which documents pass every given threshold (a missing signal passes)."""
    passed = np.ones(len(frame), dtype=bool)
    for path, group in bounds.items():
        limit = values[path]
        for bound in group:
            signal = frame[bound.signal].to_numpy(dtype=float)
            with np.errstate(invalid="ignore"):
                failed = signal > limit if bound.keep == "below" else signal < limit
            passed &= ~np.nan_to_num(failed, nan=0).astype(bool)
    return passed


def _reference_value(reference, group: list[Bound], q: float) -> float:
    """The threshold at quantile q of the reference (1 - q for a minimum); several signals on one threshold: the
    one that lets most through."""
    keep = group[0].keep
    candidates = [_quantile(reference[bound.signal].to_numpy(dtype=float), q if keep == "below" else 1 - q)
                  for bound in group]
    candidates = [value for value in candidates if not math.isnan(value)]
    if not candidates:
        return math.nan
    value = max(candidates) if keep == "below" else min(candidates)
    if group[0].path.endswith(("min_stop_words", "min_sentences")):
        return math.floor(value)  # a count
    return _round(value, keep)


def _looser(keep: str, first: float, second: float) -> bool:
    """Whether ``first`` lets more through than ``second``."""
    return first > second if keep == "below" else first < second


def _proposal_at(reference, low, bounds: dict[str, list[Bound]], q: float, published: dict[str, float],
                 min_gain: float) -> dict[str, float]:
    """Each threshold at quantile q of the reference where the published one drops more of it; tighter than
    published only where that drops at least ``min_gain`` more of the low set (else the published value stays:
    a tighter value with no evidence against spam is the reference's style, not quality)."""
    values = {}
    for path, group in bounds.items():
        keep, current = group[0].keep, published[path]
        value = _reference_value(reference, group, q)
        if math.isnan(value) or (group[0].zero_is_off and value == 0) or value == current:
            values[path] = current
        elif _looser(keep, value, current):
            values[path] = value
        else:
            single = {path: group}
            gain = (1 - _passes(low, single, {path: value}).mean()) - (1 - _passes(low, single, {path: current})
                                                                       .mean()) if len(low) else 0.0
            values[path] = value if gain >= min_gain else current
    return values


def _set_path(tree: dict, path: str, value: Any) -> None:
    parts = path.split(".")
    for part in parts[:-1]:
        tree = tree.setdefault(part, {})
    last = parts[-1]
    tree[int(last) if last.isdigit() else last] = value


def _decide_all(frame, thresholds) -> np.ndarray:
    """Kept (True) or dropped by every rule, as the filter stage decides (perplexity buckets aside)."""
    kept = np.zeros(len(frame), dtype=bool)
    for i, row in enumerate(frame[[*SIGNAL_NAMES, *MODEL_COLUMNS]].to_dict("records")):
        kept[i] = decide(row, float(frame["lang_score"].iat[i]), thresholds, None)[0] is None
    return kept


def calibrate(config, spark, settings: CalibrationConfig | None = None,
              languages: list[str] | None = None) -> dict[str, Any]:
    """The proposal and its evidence per language (see the module docstring)."""
    from pipeline.core.stage import HadoopFS

    settings = settings or CalibrationConfig()
    if not HadoopFS(spark).exists(f"{config.output.rstrip('/')}/filter/_SUCCESS"):
        raise StageError(f"no published filter output under {config.output}: run `corpusforge run --stages filter`")
    frame, reference_hosts = _sets(config, spark, settings, languages)
    present = sorted(frame["lang"].unique()) if len(frame) else []
    rules = language_rules(config, present)
    result: dict[str, Any] = {"settings": settings.model_dump(), "languages": {}, "overrides": {}}
    for lang in present:
        docs = frame[frame["lang"] == lang].reset_index(drop=True)
        reference, low = docs[docs["set"] == REFERENCE], docs[docs["set"] == LOW]
        thresholds = rules[lang].thresholds
        entry: dict[str, Any] = {"reference_docs": len(reference), "low_docs": len(low),
                                 "reference_hosts": int(reference_hosts.get(lang, 0))}
        result["languages"][lang] = entry
        if len(reference) < settings.min_reference_docs or entry["reference_hosts"] < settings.min_reference_hosts:
            entry["status"] = (f"published thresholds kept: {len(reference)} reference documents from "
                               f"{entry['reference_hosts']} hosts (needs {settings.min_reference_docs} from "
                               f"{settings.min_reference_hosts})")
            continue
        groups: dict[str, list[Bound]] = {}
        for bound in calibration_bounds():
            if bound.is_on(thresholds):
                groups.setdefault(bound.path, []).append(bound)
        published = {path: threshold_at(thresholds, path) for path in groups}
        # the smallest common quantile whose thresholds keep keep_rate of the reference together
        low_q, high_q = settings.keep_rate, 1.0
        for _ in range(20):
            middle = (low_q + high_q) / 2
            values = _proposal_at(reference, low, groups, middle, published, settings.min_low_gain)
            if _passes(reference, groups, values).mean() >= settings.keep_rate:
                high_q = middle
            else:
                low_q = middle
        proposal = _proposal_at(reference, low, groups, high_q, published, settings.min_low_gain)
        changed = {path: value for path, value in proposal.items() if value != published[path]}
        overrides: dict[str, Any] = {}
        for path, value in changed.items():
            _set_path(overrides, path, value)
        proposed_thresholds = thresholds.model_validate(_merge(thresholds.model_dump(), overrides))
        entry["quantile"] = round(high_q, 4)
        entry["thresholds"] = []
        for path in groups:
            single = {path: groups[path]}
            entry["thresholds"].append({
                "path": path, "signals": [bound.signal for bound in groups[path]], "keep": groups[path][0].keep,
                "published": published[path], "proposed": proposal.get(path, published[path]),
                "reference_pass": [float(_passes(reference, single, published).mean()),
                                   float(_passes(reference, single, {path: proposal.get(path, published[path])})
                                         .mean())],
                "low_drop": ([float(1 - _passes(low, single, published).mean()),
                              float(1 - _passes(low, single, {path: proposal.get(path, published[path])}).mean())]
                             if len(low) else None),
            })
        before_reference, after_reference = _decide_all(reference, thresholds), _decide_all(reference,
                                                                                              proposed_thresholds)
        entry["reference_kept"] = [float(before_reference.mean()), float(after_reference.mean())]
        if len(low):
            entry["low_dropped"] = [float(1 - _decide_all(low, thresholds).mean()),
                                    float(1 - _decide_all(low, proposed_thresholds).mean())]
        entry["status"] = f"{len(changed)} of {len(groups)} thresholds moved"
        if overrides:
            result["overrides"][lang] = {"thresholds": overrides}
    return result


def _merge(base: dict, update: dict) -> dict:
    merged = dict(base)
    for key, value in update.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key),
                                                                                           dict) else value
    return merged


def proposal_overlay(result: dict[str, Any]) -> dict[str, Any]:
    """The config overlay that applies the proposal (``--overlay``)."""
    return {"stages": {"filter": {"language_overrides": result["overrides"]}}}
