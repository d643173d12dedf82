"""The fastText quality classifier's P(good) (``filters.classifier``), dropped below ``min_quality_score``."""

from __future__ import annotations

from pydantic import Field

from filters.rules.base import Family, Rule, Verdict, detail, is_number


def _low(verdict: Verdict) -> tuple[str, str] | None:
    limit = verdict.thresholds.min_quality_score
    quality = verdict.signals.get("quality_score")
    if limit is not None and is_number(quality) and quality < limit:
        return "quality_classifier", detail(verdict, "quality_score", "<", limit)
    return None


FAMILY = Family(
    name="quality_classifier",
    doc="train-quality's fastText classifier",
    thresholds={"min_quality_score": (float | None, Field(default=None,
                                                          description="fastText quality classifier P(good)"))},
    rules=(Rule("quality_classifier", 110, "P(good) below thresholds.min_quality_score", _low),),
)
