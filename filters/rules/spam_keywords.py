"""Spam vocabulary: the share of a document's characters inside terms of ``conf/filters/spam_keywords.yaml``."""

from __future__ import annotations

from filters.rules.base import Family, Signal, TextView, at_most


def _compute(view: TextView, settings) -> dict[str, float]:
    pattern = settings.spam_keywords
    hits = pattern.findall(view.text.lower()) if pattern is not None else []
    return {"spam_keyword_hits": float(len(hits)), "spam_keyword_frac": view.per_char(sum(len(hit) for hit in hits))}


FAMILY = Family(
    name="spam_keywords",
    doc="Gambling and adult keyword matches (conf/filters/spam_keywords.yaml)",
    signals=(Signal("spam_keyword_hits", "Spam keyword matches"),
             Signal("spam_keyword_frac", "Characters inside those matches / characters")),
    thresholds={"max_spam_keyword_frac": (float | None, 0.02)},
    compute=_compute,
    rules=(at_most("spam_keywords", 30, "spam_keyword_frac", "max_spam_keyword_frac",
                   "Share of characters in spam keywords above thresholds.max_spam_keyword_frac",
                   calibrated=False),),  # a list of terms, not a distribution: trusted sites rarely use them
)
