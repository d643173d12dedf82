"""What a rule family declares: its signals, the settings they are computed with, its thresholds and its rules.

A family is one file in ``filters/rules/``. Its signals are numbers computed once per document from a
``TextView`` (the text split into lines, paragraphs and words, each split made once for all families) and
stored with the document, kept or dropped; its rules compare them with the language's thresholds, and the first
rule a document fails, in the order of ``Rule.position`` across all families, names its drop.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from datatrove.utils.text import PUNCTUATION_SET

from pipeline.lib.segment import segmenter

PARAGRAPH_BREAK = re.compile(r"\n{2,}")
LINE_BREAKS = re.compile(r"\n+")


@dataclass(frozen=True)
class Signal:
    """A number stored per document in filter/kept and filter/dropped (a column of that name)."""

    name: str
    doc: str
    type: str = "double"  # "double", or "string" for a label kept for audit (spam_families)


@dataclass(frozen=True)
class Actions:
    """What the stage does with a finding that is not a threshold of one language: the PII types whose documents
    are dropped (``stages.filter.pii.<type>.action: drop``) and whether a contaminated document is dropped or only
    flagged (``stages.filter.decontamination.action``). Decided from stored signals, so a change is a retune."""

    pii_drop: frozenset[str] = frozenset()
    contamination: str = "drop"


@dataclass(frozen=True)
class Verdict:
    """What a rule sees of one document: its signals (model scores and the blocklist verdict included), its
    language score, the language's thresholds and, when perplexity was scored, the perplexity cutoffs."""

    signals: dict[str, Any]
    lang_score: float
    thresholds: Any
    cutoffs: tuple[float, float] | None
    bucket: str | None
    actions: Actions = Actions()


Check = Callable[[Verdict], tuple[str, str] | None]


@dataclass(frozen=True)
class Bound:
    """One threshold a rule compares a signal with: what ``corpusforge filter calibrate`` can move.

    ``path`` is the threshold's place under ``thresholds`` (``gopher_quality.min_alpha_words_ratio``,
    ``gopher_repetition.top_n_grams.2``); ``keep`` says which side of it a document is kept on: ``below`` (at most
    the threshold) or ``above`` (at least)."""

    signal: str
    path: str
    keep: str  # "below" or "above"
    zero_is_off: bool = True  # datatrove's rules treat a threshold of 0 as off; FineWeb's only None

    def is_on(self, thresholds: Any) -> bool:
        value = threshold_at(thresholds, self.path)
        return value is not None and not (self.zero_is_off and value == 0)


@dataclass(frozen=True)
class Rule:
    """A rule on a signal: ``check`` returns (drop reason, detail) for a document that fails it, else None."""

    reason: str  # the drop reason; "top_<n>_gram" names a rule that gives one reason per n
    position: float  # where it stands in the decision order of all families
    doc: str
    check: Check
    # The thresholds calibration may move (none for rules on document length, models, lists or keywords).
    bounds: tuple[Bound, ...] = ()


def threshold_at(thresholds: Any, path: str) -> Any:
    """The value at a dotted path under a language's thresholds (a number key indexes a dict)."""
    value = thresholds
    for part in path.split("."):
        value = value[int(part)] if isinstance(value, dict) else getattr(value, part)
    return value


@dataclass(frozen=True)
class Family:
    """One file's declarations (see the module docstring)."""

    name: str
    doc: str
    signals: tuple[Signal, ...] = ()
    rules: tuple[Rule, ...] = ()
    # Fields this family adds to a language's thresholds (`thresholds:` in conf/languages/<lang>.yaml):
    # name → (type, default or pydantic Field).
    thresholds: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    # Fields this family adds to how a language's signals are computed (the top level of the language file).
    settings: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    # text, settings → (the text as kept, signals): runs before any family computes (C4's line cleaning).
    prepare: Callable[[str, Any], tuple[str, dict[str, float]]] | None = None
    # view, settings → signals.
    compute: Callable[[TextView, Any], dict[str, float]] | None = None


class TextView:
    """One document's text split the ways the signals need, each split made once (datatrove's definitions)."""

    def __init__(self, text: str, settings, title: str | None = None, url: str | None = None):
        self.text = text
        self.settings = settings
        self.title = title  # the page's <title>, for the families that read it (spam)
        self.url = url

    @cached_property
    def length(self) -> int:
        return len(self.text)

    @cached_property
    def words(self) -> list[str]:
        return segmenter(self.settings.segmenter)(self.text)

    @cached_property
    def real_words(self) -> list[str]:
        """Words with a character that is not punctuation (Gopher's word count)."""
        return [word for word in self.words if any(ch not in PUNCTUATION_SET for ch in word)]

    @cached_property
    def all_lines(self) -> list[str]:
        return self.text.splitlines()

    @cached_property
    def lines(self) -> list[str]:
        """Non-blank lines."""
        return [line for line in self.text.split("\n") if line.strip()]

    @cached_property
    def paragraphs(self) -> list[str]:
        return PARAGRAPH_BREAK.split(self.text.strip())

    @cached_property
    def line_runs(self) -> list[str]:
        return LINE_BREAKS.split(self.text)

    def per_word(self, count: float) -> float:
        return count / len(self.words) if self.words else 0.0

    def per_char(self, count: float) -> float:
        return count / self.length if self.length else 0.0


def per_line(predicate: Callable[[str], bool], pool: list[str]) -> float:
    return sum(1 for line in pool if predicate(line)) / len(pool) if pool else 0.0


def shown(value: Any) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def detail(verdict: Verdict, signal: str, op: str, limit: Any) -> str:
    value = verdict.signals.get(signal, verdict.lang_score if signal == "lang_score" else None)
    return f"{signal} {shown(value)} {op} {limit}"


def at_most(reason: str, position: float, signal: str, threshold: str, doc: str, *,
            calibrated: bool = True) -> Rule:
    """Dropped when the signal is above the threshold at ``threshold`` (a dotted path under the language's
    thresholds); None or 0 turns the rule off (datatrove's way)."""

    def check(verdict: Verdict) -> tuple[str, str] | None:
        value = threshold_at(verdict.thresholds, threshold)
        if value and verdict.signals[signal] > value:
            return reason, detail(verdict, signal, ">", value)
        return None

    return Rule(reason, position, doc, check, (Bound(signal, threshold, "below"),) if calibrated else ())


def at_least(reason: str, position: float, signal: str, threshold: str, doc: str, *,
             calibrated: bool = True) -> Rule:
    """Dropped when the signal is below the threshold at ``threshold``; None or 0 turns the rule off."""

    def check(verdict: Verdict) -> tuple[str, str] | None:
        value = threshold_at(verdict.thresholds, threshold)
        if value and verdict.signals[signal] < value:
            return reason, detail(verdict, signal, "<", value)
        return None

    return Rule(reason, position, doc, check, (Bound(signal, threshold, "above"),) if calibrated else ())


def is_number(value: Any) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))
