"""The document's size: characters and lines. A document with no text left is dropped as ``empty``.

Before any family reads it, the text's lines lose their trailing spaces and a line of spaces alone becomes an empty
line. Extracted HTML keeps the indentation between blocks ("\n  \n"): counted as text, every such line was a
duplicate of the others (Gopher's duplicate-line share of a Spiegel article was 0.48, for its indentation), and
paragraphs separated so were not told apart.
"""

from __future__ import annotations

import re

from filters.rules.base import Family, Rule, Signal, TextView, Verdict

TRAILING_SPACE = re.compile(r"[ \t\f\v\u00a0\u3000]+(?=\n|$)")


def _prepare(text: str, settings) -> tuple[str, dict[str, float]]:
    return (TRAILING_SPACE.sub("", text) if text else text), {}


def _compute(view: TextView, settings) -> dict[str, float]:
    return {"doc_chars": float(view.length), "doc_lines": float(len(view.lines))}


def _empty(verdict: Verdict) -> tuple[str, str] | None:
    return ("empty", "no text left") if verdict.signals["doc_chars"] == 0 else None


FAMILY = Family(
    name="document",
    doc="Characters and lines of the text as kept",
    signals=(Signal("doc_chars", "Characters of the text"), Signal("doc_lines", "Non-empty lines")),
    prepare=_prepare,
    compute=_compute,
    rules=(Rule("empty", 50, "No text left (after C4 line cleaning, where that is on)", _empty),),
)
