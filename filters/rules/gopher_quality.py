"""Gopher's quality rules (Rae et al. 2021, as datatrove implements them): length, word length, symbols, bullets,
ellipses, words with a letter, stop words."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from filters.rules.base import Family, Signal, TextView, at_least, at_most, per_line
from pipeline.core.config import Section

GOPHER_STOP_WORDS = ["the", "be", "to", "of", "and", "that", "have", "with"]


class GopherQualityRules(Section):
    min_doc_words: int | None = 50
    max_doc_words: int | None = 100_000
    min_avg_word_length: float | None = 3
    max_avg_word_length: float | None = 10
    max_symbol_word_ratio: float | None = 0.1
    max_bullet_lines_ratio: float | None = 0.9
    max_ellipsis_lines_ratio: float | None = 0.3
    min_alpha_words_ratio: float | None = Field(
        default=0.8, description="Share of words with a letter (datatrove's max_non_alpha_words_ratio)"
    )
    min_stop_words: int | None = 2


def _alpha_share(words: list[str], real_words: list[str], of: str) -> float:
    """Share of words with a letter. Gopher counted whitespace-separated words, where "word," is one word with a
    letter; a segmenter that makes each punctuation run a token of its own (as datatrove's do) adds a non-alpha
    "word" for every comma and full stop, and a page of citations, code or figures falls under 0.8 for its
    punctuation alone. ``words`` (the default) counts the words that are not punctuation, numbers included;
    ``tokens`` counts every token, as datatrove does."""
    pool = real_words if of == "words" else words
    return sum(1 for w in pool if any(c.isalpha() for c in w)) / len(pool) if pool else 0.0


def _compute(view: TextView, settings) -> dict[str, float]:
    text, words, real_words = view.text, view.words, view.real_words
    return {
        "doc_words": float(len(real_words)),
        "mean_word_length": sum(len(w) for w in real_words) / len(real_words) if real_words else 0.0,
        "hash_word_ratio": view.per_word(text.count("#")),
        "ellipsis_word_ratio": view.per_word(text.count("...") + text.count("…")),
        "bullet_lines_ratio": per_line(lambda s: s.lstrip().startswith(("•", "-")), view.all_lines),
        "ellipsis_lines_ratio": per_line(lambda s: s.rstrip().endswith(("...", "…")), view.all_lines),
        "alpha_words_ratio": _alpha_share(words, real_words, settings.alpha_words_of),
        "stop_words": float(len(settings.stop_word_set.intersection(words))),
    }


def _gq(key: str) -> str:
    return f"gopher_quality.{key}"


FAMILY = Family(
    name="gopher_quality",
    doc="Gopher quality: document length, word length, symbols, bullets, ellipses, letters, stop words",
    signals=(
        Signal("doc_words", "Words with a non-punctuation character (language's segmenter)"),
        Signal("mean_word_length", "Gopher: mean characters of those words"),
        Signal("hash_word_ratio", "Gopher: '#' per word"),
        Signal("ellipsis_word_ratio", "Gopher: '...' or '…' per word"),
        Signal("bullet_lines_ratio", "Gopher: lines starting with a bullet"),
        Signal("ellipsis_lines_ratio", "Gopher: lines ending with an ellipsis"),
        Signal("alpha_words_ratio", "Gopher: words with a letter (of the words that are not punctuation)"),
        Signal("stop_words", "Gopher: distinct stop words of the language present"),
    ),
    thresholds={"gopher_quality": (GopherQualityRules, GopherQualityRules())},
    settings={"stop_words": (list[str], Field(default_factory=lambda: list(GOPHER_STOP_WORDS))),
              "alpha_words_of": (Literal["words", "tokens"], Field(
                  default="words", description="What alpha_words_ratio divides by: words that are not punctuation "
                                               "(Gopher's whitespace words), or every token (datatrove)"))},
    compute=_compute,
    rules=(
        at_least("gopher_short_doc", 80, "doc_words", _gq("min_doc_words"), "Fewer words than min_doc_words",
                 calibrated=False),  # length is no quality: trusted sites' pages are long
        at_most("gopher_long_doc", 81, "doc_words", _gq("max_doc_words"), "More words than max_doc_words",
                calibrated=False),
        at_least("gopher_below_avg_threshold", 82, "mean_word_length", _gq("min_avg_word_length"),
                 "Mean word length below min_avg_word_length"),
        at_most("gopher_above_avg_threshold", 83, "mean_word_length", _gq("max_avg_word_length"),
                "Mean word length above max_avg_word_length"),
        at_most("gopher_too_many_hashes", 84, "hash_word_ratio", _gq("max_symbol_word_ratio"),
                "'#' per word above max_symbol_word_ratio"),
        at_most("gopher_too_many_ellipsis", 85, "ellipsis_word_ratio", _gq("max_symbol_word_ratio"),
                "Ellipses per word above max_symbol_word_ratio"),
        at_most("gopher_too_many_bullets", 86, "bullet_lines_ratio", _gq("max_bullet_lines_ratio"),
                "Lines starting with a bullet above max_bullet_lines_ratio"),
        at_most("gopher_too_many_end_ellipsis", 87, "ellipsis_lines_ratio", _gq("max_ellipsis_lines_ratio"),
                "Lines ending in an ellipsis above max_ellipsis_lines_ratio"),
        at_least("gopher_below_alpha_threshold", 88, "alpha_words_ratio", _gq("min_alpha_words_ratio"),
                 "Words with a letter below min_alpha_words_ratio"),
        at_least("gopher_enough_stop_words", 89, "stop_words", _gq("min_stop_words"),
                 "Fewer of the language's stop words than min_stop_words"),
    ),
)
