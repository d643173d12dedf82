"""FineWeb's rules: lines ending in punctuation, short lines, duplicated line characters, newlines per word."""

from __future__ import annotations

from pydantic import Field

from filters.rules.base import Bound, Family, Rule, Signal, TextView, Verdict, detail, per_line
from filters.signals import TERMINAL, find_duplicates
from pipeline.core.config import Section


class FineWebRules(Section):
    line_punct_thr: float | None = 0.12
    line_punct_exclude_zero: bool = False
    short_line_thr: float | None = 0.67
    char_duplicates_ratio: float | None = 0.01
    new_line_ratio: float | None = 0.3


def _compute(view: TextView, settings) -> dict[str, float]:
    lines = view.lines
    return {
        "line_punct_ratio": per_line(lambda s: s.endswith(TERMINAL), lines),
        "short_line_ratio": per_line(lambda s: len(s) <= settings.short_line_chars, lines),
        "char_dup_ratio": find_duplicates(lines)[1] / max(len(view.text.replace("\n", "")), 1),
        "newline_ratio": view.per_word(view.text.count("\n")),
    }


def _line_punct(verdict: Verdict) -> tuple[str, str] | None:
    rules = verdict.thresholds.fineweb
    ratio = verdict.signals["line_punct_ratio"]
    if rules.line_punct_thr is not None and ratio < rules.line_punct_thr and not (
            ratio == 0 and rules.line_punct_exclude_zero):
        return "line_punct_ratio", detail(verdict, "line_punct_ratio", "<", rules.line_punct_thr)
    return None


def _above(reason: str, position: float, signal: str, key: str, doc: str) -> Rule:
    """FineWeb's limits are off only when null (0 is a limit)."""

    def check(verdict: Verdict) -> tuple[str, str] | None:
        limit = getattr(verdict.thresholds.fineweb, key)
        if limit is not None and verdict.signals[signal] > limit:
            return reason, detail(verdict, signal, ">", limit)
        return None

    return Rule(reason, position, doc, check, (Bound(signal, f"fineweb.{key}", "below", zero_is_off=False),))


FAMILY = Family(
    name="fineweb",
    doc="FineWeb's own rules (Penedo et al. 2024)",
    signals=(
        Signal("line_punct_ratio", "FineWeb: lines ending in terminal punctuation"),
        Signal("short_line_ratio", "FineWeb: lines of at most short_line_chars characters"),
        Signal("char_dup_ratio", "FineWeb: characters in duplicated lines / non-newline characters"),
        Signal("newline_ratio", "FineWeb: newlines per word"),
    ),
    thresholds={"fineweb": (FineWebRules, FineWebRules())},
    settings={"short_line_chars": (int, Field(default=30, ge=1,
                                              description="FineWeb: a line this long or shorter is short"))},
    compute=_compute,
    rules=(
        Rule("line_punct_ratio", 70, "Lines ending in punctuation below line_punct_thr", _line_punct,
             (Bound("line_punct_ratio", "fineweb.line_punct_thr", "above", zero_is_off=False),)),
        _above("short_line_ratio", 71, "short_line_ratio", "short_line_thr", "Short lines above short_line_thr"),
        _above("char_dup_ratio", 72, "char_dup_ratio", "char_duplicates_ratio",
               "Characters in duplicated lines above char_duplicates_ratio"),
        _above("list_ratio", 73, "newline_ratio", "new_line_ratio", "Newlines per word above new_line_ratio"),
    ),
)
