"""Gopher's repetition rules (Rae et al. 2021, as datatrove implements them): duplicated paragraphs and lines,
the most frequent word n-grams, and characters in word n-grams seen earlier in the document."""

from __future__ import annotations

from pydantic import Field, field_validator

from filters.rules.base import Bound, Family, Rule, Signal, TextView, Verdict, at_most, detail
from filters.signals import DUP_NGRAM_SIZES, TOP_NGRAM_SIZES, duplicated_ngram_chars, find_duplicates, top_ngram_chars
from pipeline.core.config import Section


class GopherRepetitionRules(Section):
    dup_line_frac: float | None = 0.3
    dup_para_frac: float | None = 0.3
    dup_line_char_frac: float | None = 0.2
    dup_para_char_frac: float | None = 0.2
    top_n_grams: dict[int, float] = Field(default_factory=lambda: {2: 0.2, 3: 0.18, 4: 0.16})
    dup_n_grams: dict[int, float] = Field(
        default_factory=lambda: {5: 0.15, 6: 0.14, 7: 0.13, 8: 0.12, 9: 0.11, 10: 0.10}
    )

    @field_validator("top_n_grams")
    @classmethod
    def _top_sizes(cls, value: dict[int, float]) -> dict[int, float]:
        if not set(value) <= set(TOP_NGRAM_SIZES):
            raise ValueError(f"n-gram sizes must be among {TOP_NGRAM_SIZES} (the signals computed)")
        return value

    @field_validator("dup_n_grams")
    @classmethod
    def _dup_sizes(cls, value: dict[int, float]) -> dict[int, float]:
        if not set(value) <= set(DUP_NGRAM_SIZES):
            raise ValueError(f"n-gram sizes must be among {DUP_NGRAM_SIZES} (the signals computed)")
        return value


def _compute(view: TextView, settings) -> dict[str, float]:
    paragraphs, line_runs = view.paragraphs, view.line_runs
    para_dups, para_dup_chars = find_duplicates(paragraphs)
    line_dups, line_dup_chars = find_duplicates(line_runs)
    signals = {
        "dup_para_frac": para_dups / len(paragraphs) if paragraphs else 0.0,
        "dup_para_char_frac": view.per_char(para_dup_chars),
        "dup_line_frac": line_dups / len(line_runs) if line_runs else 0.0,
        "dup_line_char_frac": view.per_char(line_dup_chars),
    }
    for n in TOP_NGRAM_SIZES:
        signals[f"top_{n}_gram_frac"] = view.per_char(top_ngram_chars(view.words, n))
    for n in DUP_NGRAM_SIZES:
        signals[f"dup_{n}_gram_frac"] = view.per_char(duplicated_ngram_chars(view.words, n))
    return signals


def _top_ngrams(verdict: Verdict) -> tuple[str, str] | None:
    for n, limit in sorted(verdict.thresholds.gopher_repetition.top_n_grams.items()):
        if verdict.signals[f"top_{n}_gram_frac"] > limit:
            return f"top_{n}_gram", detail(verdict, f"top_{n}_gram_frac", ">", limit)
    return None


def _duplicated_ngrams(verdict: Verdict) -> tuple[str, str] | None:
    for n, limit in sorted(verdict.thresholds.gopher_repetition.dup_n_grams.items()):
        if verdict.signals[f"dup_{n}_gram_frac"] > limit:
            return f"duplicated_{n}_n_grams", detail(verdict, f"dup_{n}_gram_frac", ">", limit)
    return None


FAMILY = Family(
    name="gopher_repetition",
    doc="Gopher repetition: duplicated paragraphs and lines, frequent and duplicated word n-grams",
    signals=(
        Signal("dup_para_frac", "Gopher: duplicated paragraphs / paragraphs"),
        Signal("dup_para_char_frac", "Gopher: characters in duplicated paragraphs / characters"),
        Signal("dup_line_frac", "Gopher: duplicated lines / lines"),
        Signal("dup_line_char_frac", "Gopher: characters in duplicated lines / characters"),
        *(Signal(f"top_{n}_gram_frac", f"Gopher: characters of the most frequent word {n}-gram")
          for n in TOP_NGRAM_SIZES),
        *(Signal(f"dup_{n}_gram_frac", f"Gopher: characters in repeated word {n}-grams") for n in DUP_NGRAM_SIZES),
    ),
    thresholds={"gopher_repetition": (GopherRepetitionRules, GopherRepetitionRules())},
    compute=_compute,
    rules=(
        at_most("dup_para_frac", 60, "dup_para_frac", "gopher_repetition.dup_para_frac",
                "Duplicated paragraphs above dup_para_frac"),
        at_most("dup_para_char_frac", 61, "dup_para_char_frac", "gopher_repetition.dup_para_char_frac",
                "Characters in duplicated paragraphs above dup_para_char_frac"),
        at_most("dup_line_frac", 62, "dup_line_frac", "gopher_repetition.dup_line_frac",
                "Duplicated lines above dup_line_frac"),
        at_most("dup_line_char_frac", 63, "dup_line_char_frac", "gopher_repetition.dup_line_char_frac",
                "Characters in duplicated lines above dup_line_char_frac"),
        Rule("top_<n>_gram", 64, "The most frequent word n-gram covers more than top_n_grams[n]", _top_ngrams,
             tuple(Bound(f"top_{n}_gram_frac", f"gopher_repetition.top_n_grams.{n}", "below")
                   for n in TOP_NGRAM_SIZES)),
        Rule("duplicated_<n>_n_grams", 65, "Duplicated word n-grams cover more than dup_n_grams[n]",
             _duplicated_ngrams, tuple(Bound(f"dup_{n}_gram_frac", f"gopher_repetition.dup_n_grams.{n}", "below")
                                       for n in DUP_NGRAM_SIZES)),
    ),
)
