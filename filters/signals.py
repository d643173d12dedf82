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
from collections.abc import Iterable

from datatrove.utils.text import TERMINAL_PUNCTUATION

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


def c4_clean(text: str, settings) -> tuple[str, dict[str, float]]:
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
