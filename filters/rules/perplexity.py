"""KenLM perplexity (CCNet): head, middle or tail of the language's perplexity distribution; the tail is
dropped only where a language sets ``perplexity.drop_tail``. The score itself is the filter stage's, from
train-lm's model (``filters.kenlm``)."""

from __future__ import annotations

from pydantic import Field

from filters.rules.base import Family, Rule, Verdict, detail
from pipeline.core.config import Section


class PerplexityRules(Section):
    percentiles: tuple[float, float] = Field(
        default=(30.0, 60.0), description="head ≤ first percentile < middle ≤ second < tail (CCNet)"
    )
    cutoffs: tuple[float, float] | None = Field(
        default=None, description="Fixed perplexity cutoffs instead of this run's percentiles"
    )
    drop_tail: bool = False


def _tail(verdict: Verdict) -> tuple[str, str] | None:
    if verdict.thresholds.perplexity.drop_tail and verdict.bucket == "tail":
        limit = round(verdict.cutoffs[1], 1) if verdict.cutoffs else None
        return "perplexity_tail", detail(verdict, "perplexity", ">", limit)
    return None


FAMILY = Family(
    name="perplexity",
    doc="CCNet's perplexity buckets under the language's KenLM model",
    thresholds={"perplexity": (PerplexityRules, PerplexityRules())},
    rules=(Rule("perplexity_tail", 100, "In the tail bucket, where perplexity.drop_tail is on", _tail),),
)
