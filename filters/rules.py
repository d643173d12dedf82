"""Per-language quality rules: ``conf/languages/<lang>.yaml``, validated on load, and the decision they take.

A language file has two parts. The top level says how the language's signals are computed (segmenter, stop
words, C4 line cleaning): changing it means computing signals again. ``thresholds`` says what is kept: changing
it only re-decides from the signals already stored in ``filter/kept`` and ``filter/dropped`` (``corpusforge
filter retune``). Defaults are datatrove's English values (Gopher, FineWeb); the shipped language files start
from FineWeb-2's published per-language values.

A threshold of ``null`` (or 0 where datatrove treats 0 as "off") disables its rule. A document is dropped by the
first rule it fails, in the order of ``RULE_ORDER``; the reason names that rule.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field, ValidationError, field_validator

from filters.signals import DUP_NGRAM_SIZES, TOP_NGRAM_SIZES, SignalSettings
from pipeline.core.config import ConfigError, Section, _format_validation_error
from pipeline.lib.segment import SEGMENTERS

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


class FineWebRules(Section):
    line_punct_thr: float | None = 0.12
    line_punct_exclude_zero: bool = False
    short_line_thr: float | None = 0.67
    char_duplicates_ratio: float | None = 0.01
    new_line_ratio: float | None = 0.3


class C4Rules(Section):
    enabled: bool = False
    min_num_sentences: int | None = 5
    drop_lorem_ipsum: bool = True
    drop_curly_bracket: bool = True


class CJKRules(Section):
    """Rules for text without spaces (ChineseWebText, MNBVC); all off unless a language file sets them."""

    min_chars: int | None = Field(default=None, description="Documents this short or shorter are dropped")
    min_cjk_ratio: float | None = Field(default=None, description="Share of non-space characters that are CJK")
    min_mean_line_chars: float | None = None
    min_sentences: int | None = Field(default=None, description="Sentences ending in 。！？")
    max_char_ngram_dup_frac: float | None = Field(
        default=None, description="Share of character n-grams (cjk_ngram_chars) that repeat in the document"
    )


class PerplexityRules(Section):
    percentiles: tuple[float, float] = Field(
        default=(30.0, 60.0), description="head ≤ first percentile < middle ≤ second < tail (CCNet)"
    )
    cutoffs: tuple[float, float] | None = Field(
        default=None, description="Fixed perplexity cutoffs instead of this run's percentiles"
    )
    drop_tail: bool = False


class Thresholds(Section):
    min_language_score: float | None = None
    max_spam_keyword_frac: float | None = 0.02
    gopher_quality: GopherQualityRules = GopherQualityRules()
    gopher_repetition: GopherRepetitionRules = GopherRepetitionRules()
    fineweb: FineWebRules = FineWebRules()
    c4: C4Rules = C4Rules()
    cjk: CJKRules = CJKRules()
    perplexity: PerplexityRules = PerplexityRules()
    min_quality_score: float | None = Field(default=None, description="fastText quality classifier P(good)")


class LanguageRules(Section):
    name: str = ""
    segmenter: str = "words"
    stop_words: list[str] = Field(default_factory=lambda: list(GOPHER_STOP_WORDS))
    short_line_chars: int = Field(default=30, ge=1, description="FineWeb: a line this long or shorter is short")
    c4_clean_lines: bool = Field(default=False, description="Apply C4's line removal to the kept text")
    c4_min_words_per_line: int = 3
    c4_max_word_length: int = 1000
    cjk_ngram_chars: int = Field(default=13, ge=2, description="Character n-gram size of char_ngram_dup_frac")
    lm_tokens: str = Field(default="words", description="KenLM units: words (the segmenter's) or characters")
    thresholds: Thresholds = Thresholds()

    @field_validator("segmenter")
    @classmethod
    def _known_segmenter(cls, value: str) -> str:
        if value not in SEGMENTERS:
            raise ValueError(f"unknown segmenter {value!r}; expected one of {', '.join(SEGMENTERS)}")
        return value

    @field_validator("lm_tokens")
    @classmethod
    def _known_units(cls, value: str) -> str:
        if value not in ("words", "characters"):
            raise ValueError("expected words or characters")
        return value

    def signal_settings(self, spam_keywords: re.Pattern | None) -> SignalSettings:
        """What filters.signals computes this language's signals with."""
        return SignalSettings(
            segmenter=self.segmenter, stop_words=frozenset(self.stop_words), short_line_chars=self.short_line_chars,
            c4_clean_lines=self.c4_clean_lines, c4_min_words_per_line=self.c4_min_words_per_line,
            c4_max_word_length=self.c4_max_word_length, cjk_ngram_chars=self.cjk_ngram_chars,
            spam_keywords=spam_keywords,
        )

    def signal_digest(self) -> str:
        """Digest of everything but the thresholds: equal digests mean stored signals can be reused."""
        data = self.model_dump(exclude={"thresholds", "name"})
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def _deep_merge(base: dict, update: dict) -> dict:
    merged = dict(base)
    for key, value in update.items():
        merged[key] = _deep_merge(merged[key], value) if isinstance(value, dict) and isinstance(
            merged.get(key), dict) else value
    return merged


def load_language_rules(directory: str | Path, languages: list[str],
                        overrides: dict[str, dict[str, Any]] | None = None) -> dict[str, LanguageRules]:
    """Rules of each language: ``<directory>/<lang>.yaml`` merged with ``overrides[lang]``, validated.

    A language without a file gets the defaults (English Gopher/FineWeb values with English stop words), which
    suits only languages written with spaces: the error for a missing file would block `keep_other_languages`.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise ConfigError(f"language rules folder not found: {directory} (stages.filter.languages_dir)")
    rules: dict[str, LanguageRules] = {}
    for lang in languages:
        path = directory / f"{lang}.yaml"
        data: dict[str, Any] = {}
        if path.is_file():
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as exc:
                raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
        data = _deep_merge(data, (overrides or {}).get(lang, {}))
        try:
            rules[lang] = LanguageRules.model_validate(data)
        except ValidationError as exc:
            raise ConfigError(_format_validation_error(str(path), exc)) from None
    return rules


def language_rules(config, languages: list[str]) -> dict[str, LanguageRules]:
    """Each language's rules under ``config`` (stages.filter.languages_dir and language_overrides)."""
    settings = config.stages.filter
    return load_language_rules(settings.languages_dir, languages, settings.language_overrides)


# ---------------------------------------------------------------------------------------------
# The decision
# ---------------------------------------------------------------------------------------------

def _fails_max(value: float, limit: float | None) -> bool:
    return bool(limit) and value > limit


def _fails_min(value: float, limit: float | None) -> bool:
    return bool(limit) and value < limit


def decide(signals: dict[str, Any], lang_score: float, thresholds: Thresholds,
           cutoffs: tuple[float, float] | None) -> tuple[str | None, str | None, str | None]:
    """(drop reason or None, detail, perplexity bucket) of one document from its stored signals."""
    bucket = None
    perplexity = signals.get("perplexity")
    if perplexity is not None and not math.isnan(perplexity) and cutoffs is not None:
        bucket = "head" if perplexity <= cutoffs[0] else "middle" if perplexity <= cutoffs[1] else "tail"

    def drop(reason: str, signal: str, op: str, limit: Any) -> tuple[str, str, str | None]:
        value = signals.get(signal, lang_score if signal == "lang_score" else None)
        shown = f"{value:.4g}" if isinstance(value, float) else str(value)
        return reason, f"{signal} {shown} {op} {limit}", bucket

    if signals.get("url_blocklist"):
        return "url_blocklist", str(signals["url_blocklist"]), bucket
    t = thresholds
    if t.min_language_score is not None and lang_score < t.min_language_score:
        return drop("language_score", "lang_score", "<", t.min_language_score)
    if _fails_max(signals["spam_keyword_frac"], t.max_spam_keyword_frac):
        return drop("spam_keywords", "spam_keyword_frac", ">", t.max_spam_keyword_frac)

    cjk = t.cjk
    if cjk.min_chars is not None and signals["doc_chars"] <= cjk.min_chars:
        return drop("cjk_short_doc", "doc_chars", "<=", cjk.min_chars)
    if _fails_min(signals["cjk_ratio"], cjk.min_cjk_ratio):
        return drop("cjk_ratio", "cjk_ratio", "<", cjk.min_cjk_ratio)
    if _fails_min(signals["mean_line_chars"], cjk.min_mean_line_chars):
        return drop("cjk_short_lines", "mean_line_chars", "<", cjk.min_mean_line_chars)
    if _fails_min(signals["cjk_sentences"], cjk.min_sentences):
        return drop("cjk_few_sentences", "cjk_sentences", "<", cjk.min_sentences)
    if _fails_max(signals["char_ngram_dup_frac"], cjk.max_char_ngram_dup_frac):
        return drop("cjk_repeated_char_ngrams", "char_ngram_dup_frac", ">", cjk.max_char_ngram_dup_frac)

    # Gopher repetition, FineWeb, Gopher quality: the order of FineWeb-2's per-language pipeline.
    rep = t.gopher_repetition
    if signals["doc_chars"] == 0:
        return "empty", "no text left", bucket
    if _fails_max(signals["dup_para_frac"], rep.dup_para_frac):
        return drop("dup_para_frac", "dup_para_frac", ">", rep.dup_para_frac)
    if _fails_max(signals["dup_para_char_frac"], rep.dup_para_char_frac):
        return drop("dup_para_char_frac", "dup_para_char_frac", ">", rep.dup_para_char_frac)
    if _fails_max(signals["dup_line_frac"], rep.dup_line_frac):
        return drop("dup_line_frac", "dup_line_frac", ">", rep.dup_line_frac)
    if _fails_max(signals["dup_line_char_frac"], rep.dup_line_char_frac):
        return drop("dup_line_char_frac", "dup_line_char_frac", ">", rep.dup_line_char_frac)
    for n, limit in sorted(rep.top_n_grams.items()):
        if signals[f"top_{n}_gram_frac"] > limit:
            return drop(f"top_{n}_gram", f"top_{n}_gram_frac", ">", limit)
    for n, limit in sorted(rep.dup_n_grams.items()):
        if signals[f"dup_{n}_gram_frac"] > limit:
            return drop(f"duplicated_{n}_n_grams", f"dup_{n}_gram_frac", ">", limit)

    fw = t.fineweb
    ratio = signals["line_punct_ratio"]
    if fw.line_punct_thr is not None and ratio < fw.line_punct_thr and not (ratio == 0 and fw.line_punct_exclude_zero):
        return drop("line_punct_ratio", "line_punct_ratio", "<", fw.line_punct_thr)
    if fw.short_line_thr is not None and signals["short_line_ratio"] > fw.short_line_thr:
        return drop("short_line_ratio", "short_line_ratio", ">", fw.short_line_thr)
    if fw.char_duplicates_ratio is not None and signals["char_dup_ratio"] > fw.char_duplicates_ratio:
        return drop("char_dup_ratio", "char_dup_ratio", ">", fw.char_duplicates_ratio)
    if fw.new_line_ratio is not None and signals["newline_ratio"] > fw.new_line_ratio:
        return drop("list_ratio", "newline_ratio", ">", fw.new_line_ratio)

    gq = t.gopher_quality
    if _fails_min(signals["doc_words"], gq.min_doc_words):
        return drop("gopher_short_doc", "doc_words", "<", gq.min_doc_words)
    if _fails_max(signals["doc_words"], gq.max_doc_words):
        return drop("gopher_long_doc", "doc_words", ">", gq.max_doc_words)
    if _fails_min(signals["mean_word_length"], gq.min_avg_word_length):
        return drop("gopher_below_avg_threshold", "mean_word_length", "<", gq.min_avg_word_length)
    if _fails_max(signals["mean_word_length"], gq.max_avg_word_length):
        return drop("gopher_above_avg_threshold", "mean_word_length", ">", gq.max_avg_word_length)
    if _fails_max(signals["hash_word_ratio"], gq.max_symbol_word_ratio):
        return drop("gopher_too_many_hashes", "hash_word_ratio", ">", gq.max_symbol_word_ratio)
    if _fails_max(signals["ellipsis_word_ratio"], gq.max_symbol_word_ratio):
        return drop("gopher_too_many_ellipsis", "ellipsis_word_ratio", ">", gq.max_symbol_word_ratio)
    if _fails_max(signals["bullet_lines_ratio"], gq.max_bullet_lines_ratio):
        return drop("gopher_too_many_bullets", "bullet_lines_ratio", ">", gq.max_bullet_lines_ratio)
    if _fails_max(signals["ellipsis_lines_ratio"], gq.max_ellipsis_lines_ratio):
        return drop("gopher_too_many_end_ellipsis", "ellipsis_lines_ratio", ">", gq.max_ellipsis_lines_ratio)
    if _fails_min(signals["alpha_words_ratio"], gq.min_alpha_words_ratio):
        return drop("gopher_below_alpha_threshold", "alpha_words_ratio", "<", gq.min_alpha_words_ratio)
    if _fails_min(signals["stop_words"], gq.min_stop_words):
        return drop("gopher_enough_stop_words", "stop_words", "<", gq.min_stop_words)

    c4 = t.c4
    if c4.enabled:
        if c4.drop_lorem_ipsum and signals["c4_lorem_ipsum"]:
            return drop("c4_lorem_ipsum", "c4_lorem_ipsum", "=", 1)
        if c4.drop_curly_bracket and signals["c4_curly_bracket"]:
            return drop("c4_curly_bracket", "c4_curly_bracket", "=", 1)
        if c4.min_num_sentences is not None and signals["c4_sentences"] < c4.min_num_sentences:
            return drop("c4_too_few_sentences", "c4_sentences", "<", c4.min_num_sentences)

    if t.perplexity.drop_tail and bucket == "tail":
        return drop("perplexity_tail", "perplexity", ">", round(cutoffs[1], 1) if cutoffs else None)
    quality = signals.get("quality_score")
    if (t.min_quality_score is not None and quality is not None and not math.isnan(quality)
            and quality < t.min_quality_score):
        return drop("quality_classifier", "quality_score", "<", t.min_quality_score)
    return None, None, bucket


RULE_ORDER = (
    "url_blocklist", "language_score", "spam_keywords", "cjk_short_doc", "cjk_ratio", "cjk_short_lines",
    "cjk_few_sentences", "cjk_repeated_char_ngrams", "empty", "dup_para_frac", "dup_para_char_frac", "dup_line_frac",
    "dup_line_char_frac", "top_<n>_gram", "duplicated_<n>_n_grams", "line_punct_ratio", "short_line_ratio",
    "char_dup_ratio", "list_ratio", "gopher_short_doc", "gopher_long_doc", "gopher_below_avg_threshold",
    "gopher_above_avg_threshold", "gopher_too_many_hashes", "gopher_too_many_ellipsis", "gopher_too_many_bullets",
    "gopher_too_many_end_ellipsis", "gopher_below_alpha_threshold", "gopher_enough_stop_words", "c4_lorem_ipsum",
    "c4_curly_bracket", "c4_too_few_sentences", "perplexity_tail", "quality_classifier",
)
