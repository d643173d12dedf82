"""C4's rules (Raffel et al. 2020, as datatrove's C4QualityFilter applies them): line cleaning, then lorem
ipsum, curly brackets and too few sentences. The rules are off unless a language turns ``c4.enabled`` on; the
cleaning, which changes the text kept, unless it sets ``c4_clean_lines``."""

from __future__ import annotations

from pydantic import Field

from filters.rules.base import Family, Rule, Signal, Verdict, detail
from filters.signals import c4_clean, count_sentences
from pipeline.core.config import Section


class C4Rules(Section):
    enabled: bool = False
    min_num_sentences: int | None = 5
    drop_lorem_ipsum: bool = True
    drop_curly_bracket: bool = True


def _prepare(text: str, settings) -> tuple[str, dict[str, float]]:
    if settings.c4_clean_lines:
        return c4_clean(text, settings)
    return text, {"c4_lorem_ipsum": 0.0, "c4_curly_bracket": 0.0,
                  "c4_sentences": float(sum(count_sentences(line) for line in text.splitlines())),
                  "c4_lines_removed": 0.0}


def _flag(reason: str, position: float, signal: str, key: str, doc: str) -> Rule:
    def check(verdict: Verdict) -> tuple[str, str] | None:
        rules = verdict.thresholds.c4
        if rules.enabled and getattr(rules, key) and verdict.signals[signal]:
            return reason, detail(verdict, signal, "=", 1)
        return None

    return Rule(reason, position, doc, check)


def _few_sentences(verdict: Verdict) -> tuple[str, str] | None:
    rules = verdict.thresholds.c4
    limit = rules.min_num_sentences
    if rules.enabled and limit is not None and verdict.signals["c4_sentences"] < limit:
        return "c4_too_few_sentences", detail(verdict, "c4_sentences", "<", rules.min_num_sentences)
    return None


FAMILY = Family(
    name="c4",
    doc="C4's line cleaning and document rules",
    signals=(
        Signal("c4_lorem_ipsum", "C4: 1 if a kept line has 'lorem ipsum'"),
        Signal("c4_curly_bracket", "C4: 1 if a kept line has '{'"),
        Signal("c4_sentences", "C4: sentences in kept lines"),
        Signal("c4_lines_removed", "C4: lines removed by its line rules (when cleaning is on)"),
    ),
    thresholds={"c4": (C4Rules, C4Rules())},
    settings={
        "c4_clean_lines": (bool, Field(default=False, description="Apply C4's line removal to the kept text")),
        "c4_min_words_per_line": (int, 3),
        "c4_max_word_length": (int, 1000),
    },
    prepare=_prepare,
    rules=(
        _flag("c4_lorem_ipsum", 90, "c4_lorem_ipsum", "drop_lorem_ipsum", "A kept line has 'lorem ipsum'"),
        _flag("c4_curly_bracket", 91, "c4_curly_bracket", "drop_curly_bracket", "A kept line has a curly bracket"),
        Rule("c4_too_few_sentences", 92, "Fewer sentences in kept lines than min_num_sentences", _few_sentences),
    ),
)
