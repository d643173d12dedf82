"""Rules for text without spaces (ChineseWebText, MNBVC): length, CJK share, line length, sentences, repetition.
All off unless a language file sets them (conf/languages/zh.yaml, ja.yaml)."""

from __future__ import annotations

from pydantic import Field

from filters.rules.base import Family, Rule, Signal, TextView, Verdict, at_least, at_most, detail
from filters.signals import CJK_CHARACTER, CJK_SENTENCE_END, repeated_char_ngram_fraction
from pipeline.core.config import Section


class CJKRules(Section):
    """Rules for text without spaces (ChineseWebText, MNBVC); all off unless a language file sets them."""

    min_chars: int | None = Field(default=None, description="Documents this short or shorter are dropped")
    min_cjk_ratio: float | None = Field(default=None, description="Share of non-space characters that are CJK")
    min_mean_line_chars: float | None = None
    min_sentences: int | None = Field(default=None, description="Sentences ending in 。！？")
    max_char_ngram_dup_frac: float | None = Field(
        default=None, description="Share of character n-grams (cjk_ngram_chars) that repeat in the document"
    )


def _compute(view: TextView, settings) -> dict[str, float]:
    text = view.text
    non_space = sum(1 for ch in text if not ch.isspace())
    cjk_chars = len(CJK_CHARACTER.findall(text))
    lines = view.lines
    return {
        "cjk_ratio": cjk_chars / non_space if non_space else 0.0,
        "cjk_sentences": float(len(CJK_SENTENCE_END.findall(text))),
        "mean_line_chars": sum(len(line.strip()) for line in lines) / len(lines) if lines else 0.0,
        "char_ngram_dup_frac": repeated_char_ngram_fraction(text, settings.cjk_ngram_chars),
    }


def _short(verdict: Verdict) -> tuple[str, str] | None:
    limit = verdict.thresholds.cjk.min_chars
    if limit is not None and verdict.signals["doc_chars"] <= limit:
        return "cjk_short_doc", detail(verdict, "doc_chars", "<=", limit)
    return None


FAMILY = Family(
    name="cjk",
    doc="ChineseWebText and MNBVC's rules for Chinese and Japanese text",
    signals=(Signal("cjk_ratio", "CJK characters / non-space characters"),
             Signal("cjk_sentences", "Sentences ending in 。！？"),
             Signal("mean_line_chars", "Mean characters per non-empty line"),
             Signal("char_ngram_dup_frac", "Character n-grams occurring more than once / all")),
    thresholds={"cjk": (CJKRules, CJKRules())},
    settings={"cjk_ngram_chars": (int, Field(default=13, ge=2, description="Character n-gram size of "
                                                                           "char_ngram_dup_frac"))},
    compute=_compute,
    rules=(
        Rule("cjk_short_doc", 40, "As many characters as thresholds.cjk.min_chars or fewer", _short),
        at_least("cjk_ratio", 41, "cjk_ratio", "cjk.min_cjk_ratio", "CJK share below min_cjk_ratio"),
        at_least("cjk_short_lines", 42, "mean_line_chars", "cjk.min_mean_line_chars",
                 "Mean line length below min_mean_line_chars"),
        at_least("cjk_few_sentences", 43, "cjk_sentences", "cjk.min_sentences",
                 "Fewer sentences ending in 。！？ than min_sentences"),
        at_most("cjk_repeated_char_ngrams", 44, "char_ngram_dup_frac", "cjk.max_char_ngram_dup_frac",
                "Repeated character n-grams above max_char_ngram_dup_frac"),
    ),
)
