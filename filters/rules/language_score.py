"""The language's own minimum language-ID score, where it is stricter than extraction's."""

from __future__ import annotations

from filters.rules.base import Family, Rule, Verdict, detail


def _low(verdict: Verdict) -> tuple[str, str] | None:
    limit = verdict.thresholds.min_language_score
    if limit is not None and verdict.lang_score < limit:
        return "language_score", detail(verdict, "lang_score", "<", limit)
    return None


FAMILY = Family(
    name="language_score",
    doc="lid.176's score of the document's language",
    thresholds={"min_language_score": (float | None, None)},
    rules=(Rule("language_score", 20, "lid.176 score below thresholds.min_language_score", _low),),
)
