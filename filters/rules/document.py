"""The document's size: characters and lines. A document with no text left is dropped as ``empty``."""

from __future__ import annotations

from filters.rules.base import Family, Rule, Signal, TextView, Verdict


def _compute(view: TextView, settings) -> dict[str, float]:
    return {"doc_chars": float(view.length), "doc_lines": float(len(view.lines))}


def _empty(verdict: Verdict) -> tuple[str, str] | None:
    return ("empty", "no text left") if verdict.signals["doc_chars"] == 0 else None


FAMILY = Family(
    name="document",
    doc="Characters and lines of the text as kept",
    signals=(Signal("doc_chars", "Characters of the text"), Signal("doc_lines", "Non-empty lines")),
    compute=_compute,
    rules=(Rule("empty", 50, "No text left (after C4 line cleaning, where that is on)", _empty),),
)
