"""Quality signals of one document, every one of them, in one pass over its text.

datatrove's filters answer keep/drop and stop at the first failing rule; a corpus owner re-tuning thresholds
needs every signal of every document, kept or dropped (as RedPajama-V2 publishes them). So the text is split
into lines, paragraphs and words once here, each signal is computed with the definition of the rule family it
belongs to — Gopher quality and repetition (Rae et al. 2021, as datatrove implements them), C4, FineWeb, and
rules for Chinese and Japanese text from ChineseWebText and MNBVC — and the decisions are taken later, from
these numbers alone, by ``filters.rules``. The signal names are the columns declared in
``pipeline.core.schemas.QUALITY_SIGNALS``.

Definitions follow datatrove 0.10 exactly (tests/test_filter_rules.py runs datatrove's filters beside these on
the same words and compares every decision); where a rule is ours, its docstring says what it measures.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from datatrove.utils.text import PUNCTUATION_SET, TERMINAL_PUNCTUATION

from pipeline.lib.segment import segmenter

TOP_NGRAM_SIZES = (2, 3, 4)
DUP_NGRAM_SIZES = (5, 6, 7, 8, 9, 10)
TERMINAL = tuple(TERMINAL_PUNCTUATION)
PARAGRAPH_BREAK = re.compile(r"\n{2,}")
LINE_BREAKS = re.compile(r"\n+")
# C4's line rules (tensorflow_datasets c4_utils, as datatrove's C4QualityFilter applies them).
C4_CITATION = re.compile(r"\[\d*]|\[edit]|\[citation needed]")
C4_END_PUNCTUATION = (".", "?", "!", '"', "'")
C4_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")
# A sentence ends at terminal punctuation followed by a space or the end of the line (CJK marks need no space).
SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)|[。！？]+[」』）”]*")
CJK_CHARACTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
CJK_SENTENCE_END = re.compile(r"[。！？][」』）”]*")


@dataclass(frozen=True)
class SignalSettings:
    """What a language's signals are computed with (not thresholds: those live in filters.rules)."""

    segmenter: str
    stop_words: frozenset[str]
    short_line_chars: int
    c4_clean_lines: bool
    c4_min_words_per_line: int
    c4_max_word_length: int
    cjk_ngram_chars: int
    # (pattern matching any spam keyword, in lower case)
    spam_keywords: re.Pattern | None = None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of a line as (start, end): pieces ending in terminal punctuation, plus an unterminated tail."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def count_sentences(text: str) -> int:
    return len(sentence_spans(text))


def find_duplicates(items: Iterable[str]) -> tuple[int, int]:
    """(elements seen before, their characters): Gopher's duplicate line/paragraph measure."""
    seen: set[str] = set()
    elements = characters = 0
    for item in items:
        if item in seen:
            elements += 1
            characters += len(item)
        else:
            seen.add(item)
    return elements, characters


def top_ngram_chars(words: list[str], n: int) -> int:
    """Characters covered by the most frequent word n-gram (joined by spaces), times its count."""
    if len(words) < n:
        return 0
    counts = Counter(zip(*(words[i:] for i in range(n)), strict=False))
    gram, count = counts.most_common(1)[0]
    return (sum(len(word) for word in gram) + n - 1) * count


def duplicated_ngram_chars(words: list[str], n: int) -> int:
    """Characters in word n-grams seen earlier in the document, never counting a word twice (Gopher)."""
    seen: set[str] = set()
    repeated, index, limit = 0, 0, len(words) - n + 1
    while index < limit:
        gram = "".join(words[index:index + n])
        if gram in seen:
            repeated += len(gram)
            index += n
        else:
            seen.add(gram)
            index += 1
    return repeated


def c4_clean(text: str, settings: SignalSettings) -> tuple[str, dict[str, float]]:
    """C4's line rules: the cleaned text and the C4 signals.

    Lines with a word over ``c4_max_word_length`` characters, fewer than ``c4_min_words_per_line`` words, or
    mentioning javascript or a cookie/terms policy are removed; citation marks are stripped. A page with
    "lorem ipsum" or a curly bracket in a kept line is flagged; sentences are counted over kept lines. C4's rule
    that a line must end in terminal punctuation is left out, as FineWeb left it out.
    """
    kept: list[str] = []
    sentences = lorem = curly = removed = 0
    for raw in text.splitlines():
        line = raw.strip()
        words = line.split()
        if any(len(word) > settings.c4_max_word_length for word in words):
            removed += 1
            continue
        line = C4_CITATION.sub("", line)
        if len(words) < settings.c4_min_words_per_line:
            removed += 1
            continue
        lower = line.lower()
        if "lorem ipsum" in lower:
            lorem = 1
        if "javascript" in lower:
            removed += 1
            continue
        if "{" in line:
            curly = 1
        if any(phrase in lower for phrase in C4_POLICY):
            removed += 1
            continue
        sentences += count_sentences(line)
        kept.append(line)
    signals = {"c4_lorem_ipsum": float(lorem), "c4_curly_bracket": float(curly), "c4_sentences": float(sentences),
               "c4_lines_removed": float(removed)}
    return "\n".join(kept).strip(), signals


def repeated_char_ngram_fraction(text: str, n: int) -> float:
    """Share of character n-grams (whitespace removed) that occur more than once in the document."""
    compact = "".join(text.split())
    total = len(compact) - n + 1
    if total <= 0:
        return 0.0
    counts = Counter(compact[i:i + n] for i in range(total))
    return sum(count for count in counts.values() if count > 1) / total


def compute_signals(text: str, settings: SignalSettings) -> tuple[str, dict[str, float]]:
    """(text as kept, signals). The text changes only when C4 line cleaning is on for the language."""
    if settings.c4_clean_lines:
        text, c4 = c4_clean(text, settings)
    else:
        c4 = {"c4_lorem_ipsum": 0.0, "c4_curly_bracket": 0.0,
              "c4_sentences": float(sum(count_sentences(line) for line in text.splitlines())),
              "c4_lines_removed": 0.0}
    length = len(text)
    words = segmenter(settings.segmenter)(text)
    n_words = len(words)
    real_words = [word for word in words if any(ch not in PUNCTUATION_SET for ch in word)]
    all_lines = text.splitlines()
    lines = [line for line in text.split("\n") if line.strip()]
    paragraphs = PARAGRAPH_BREAK.split(text.strip())
    line_runs = LINE_BREAKS.split(text)
    para_dups, para_dup_chars = find_duplicates(paragraphs)
    line_dups, line_dup_chars = find_duplicates(line_runs)

    def per_word(count: float) -> float:
        return count / n_words if n_words else 0.0

    def per_char(count: float) -> float:
        return count / length if length else 0.0

    def per_line(predicate: Callable[[str], bool], pool: list[str]) -> float:
        return sum(1 for line in pool if predicate(line)) / len(pool) if pool else 0.0

    signals: dict[str, float] = {
        "doc_chars": float(length),
        "doc_lines": float(len(lines)),
        "doc_words": float(len(real_words)),
        "mean_word_length": sum(len(w) for w in real_words) / len(real_words) if real_words else 0.0,
        "hash_word_ratio": per_word(text.count("#")),
        "ellipsis_word_ratio": per_word(text.count("...") + text.count("…")),
        "bullet_lines_ratio": per_line(lambda s: s.lstrip().startswith(("•", "-")), all_lines),
        "ellipsis_lines_ratio": per_line(lambda s: s.rstrip().endswith(("...", "…")), all_lines),
        "alpha_words_ratio": per_word(sum(1 for w in words if any(c.isalpha() for c in w))),
        "stop_words": float(len(settings.stop_words.intersection(words))),
        "dup_para_frac": para_dups / len(paragraphs) if paragraphs else 0.0,
        "dup_para_char_frac": per_char(para_dup_chars),
        "dup_line_frac": line_dups / len(line_runs) if line_runs else 0.0,
        "dup_line_char_frac": per_char(line_dup_chars),
        "line_punct_ratio": per_line(lambda s: s.endswith(TERMINAL), lines),
        "short_line_ratio": per_line(lambda s: len(s) <= settings.short_line_chars, lines),
        "char_dup_ratio": find_duplicates(lines)[1] / max(len(text.replace("\n", "")), 1),
        "newline_ratio": per_word(text.count("\n")),
        **c4,
    }
    for n in TOP_NGRAM_SIZES:
        signals[f"top_{n}_gram_frac"] = per_char(top_ngram_chars(words, n))
    for n in DUP_NGRAM_SIZES:
        signals[f"dup_{n}_gram_frac"] = per_char(duplicated_ngram_chars(words, n))
    non_space = sum(1 for ch in text if not ch.isspace())
    cjk_chars = len(CJK_CHARACTER.findall(text))
    signals["cjk_ratio"] = cjk_chars / non_space if non_space else 0.0
    signals["cjk_sentences"] = float(len(CJK_SENTENCE_END.findall(text)))
    signals["mean_line_chars"] = sum(len(line.strip()) for line in lines) / len(lines) if lines else 0.0
    signals["char_ngram_dup_frac"] = repeated_char_ngram_fraction(text, settings.cjk_ngram_chars)
    hits = settings.spam_keywords.findall(text.lower()) if settings.spam_keywords is not None else []
    signals["spam_keyword_hits"] = float(len(hits))
    signals["spam_keyword_frac"] = per_char(sum(len(hit) for hit in hits))
    return text, signals


class DatatroveWords:
    """datatrove's word-tokenizer interface over the splitters here, so datatrove's own filters can judge exactly
    the words these signals count (the parity tests and bench/filter.py inject it)."""

    def __init__(self, segmenter_name: str):
        self.split = segmenter(segmenter_name)

    def word_tokenize(self, text: str) -> list[str]:
        return [token.strip() for token in self.split(text) if token.strip()]

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        return sentence_spans(text) or [(0, len(text))]

    def sent_tokenize(self, text: str) -> list[str]:
        return [text[a:b].strip() for a, b in self.span_tokenize(text)]
