r"""Word segmentation per language: the unit every word-based quality rule counts.

Whitespace rules applied to Chinese see a whole sentence as one "word" and drop every page, so each language
names its segmenter in ``conf/languages/<lang>.yaml``:

- ``words``: runs of word characters (apostrophes inside a word kept, so "don't" is one word) and runs of
  punctuation as their own tokens, as NLTK and spaCy split European text;
- ``elision``: as ``words``, but French-style elisions are their own token (``l'`` ``homme``), matching the
  stop-word lists FineWeb-2 published (``l'``, ``d'``);
- ``jieba``: jieba's dictionary and HMM segmentation for Chinese, through ``rjieba`` (jieba-rs): the same
  segmentation as the ``jieba`` package (tests/test_filter_rules.py checks it) at about 20 times its speed;
- ``mecab``: MeCab with the UniDic-lite dictionary (``fugashi``) for Japanese morphemes, so particles such as
  の and に are words, as FineWeb-2's Japanese stop words expect;
- ``thai``: PyThaiNLP's dictionary segmenter (newmm) for Thai, written without spaces between words;
- ``graphemes``: grapheme clusters (a letter with its vowel signs and marks) for scripts written without spaces
  and without a segmenter here (Lao, Khmer, Myanmar, Tibetan): the character rules apply, the word rules do not.

Every segmenter reads a number, a decimal, a percentage, a currency amount, a date, a time or a URL as one token,
as a person reads it: "1.2%", "$3,400.50", "2024-01-15", "12:30", "€5", "https://example.com/a" (``ATOM``).
Split into its digits and signs, "1.2%" would be four tokens none of which has a letter, and a markets report or
a football results page would fall under Gopher's share of words with a letter for its figures alone.

A word's combining marks stay in it: Devanagari, Bengali or Tamil vowel signs and viramas are not ``\w`` to
Python's ``re``, which would cut "हिन्दी" into six "words"; the patterns use the ``regex`` module's ``\p{M}``. On
text without combining marks (NFC Latin, Cyrillic, Greek) they split exactly as ``\w+`` does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

import regex

# One token for what a reader reads as one: a URL (printable ASCII but quotes, brackets and angle brackets, up to
# its last character that is not punctuation; a Chinese sentence right after it is not part of it);
# a number with its sign, currency, grouping, decimal, date, time or range separators and percent sign. Thousands
# grouped by a no-break or narrow no-break space (French, Russian) are one number; by a plain space they are
# not (a space between two numbers separates them as often as it groups). A number glued to letters
# ("mp3", "1st", "x86_64") stays a word: the atom must end where the word does.
# Scripts written without spaces are set right against numbers ("上涨1.2%"): only other letters and digits glue.
CURRENCY = r"[$€£¥₹₽₩₺₫฿]"
GLUE = r"[[\w\p{M}]--[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}]]"
ATOM_PATTERN = (
    r"(?:https?://|www\.)[!#-&*-;=?-~]*[#-&*+\-/-9=?-Z^-~]"
    rf"|(?<!{GLUE})[-+−]?{CURRENCY}?\d+(?:[\u00a0\u202f]\d{{3}})*(?:[.,:/\-–]\d+)*(?:\s?[%‰]|{CURRENCY})?"
    rf"(?!{GLUE})"
)
ATOM = regex.compile(ATOM_PATTERN, regex.V1)
WORDS = regex.compile(rf"{ATOM_PATTERN}|[\w\p{{M}}]+(?:['’][\w\p{{M}}]+)*|[^\w\p{{M}}\s]+", regex.V1)
ELISION_WORDS = regex.compile(rf"{ATOM_PATTERN}|[\w\p{{M}}]+['’](?=\w)|[\w\p{{M}}]+|[^\w\p{{M}}\s]+", regex.V1)
GRAPHEMES = regex.compile(r"\X")
SEGMENTERS = ("words", "elision", "jieba", "mecab", "thai", "graphemes")


# jieba's HMM pass splits runs of Latin letters and digits this way; jieba-rs keeps "GPT-4o" or a dotted host
# name whole, so its non-Chinese tokens are split again to give jieba's words.
JIEBA_NON_HAN = re.compile(r"[a-zA-Z0-9]+(?:\.\d+)?%?|\S")
PLAIN_TOKEN = re.compile(r"[a-zA-Z0-9]+(?:\.\d+)?%?")


def _jieba(text: str) -> list[str]:
    import rjieba

    words = []
    for piece in rjieba.cut(text):
        token = piece.strip()
        if not token:
            continue
        if token.isascii() and not PLAIN_TOKEN.fullmatch(token):
            words.extend(JIEBA_NON_HAN.findall(token))
        else:
            words.append(token)
    return words


@lru_cache(maxsize=1)
def _mecab_tagger():
    from fugashi import Tagger

    return Tagger()


def _mecab(text: str) -> list[str]:
    tagger = _mecab_tagger()
    return [word.surface for word in tagger(text) if word.surface.strip()]


def _thai(text: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    return [word for word in word_tokenize(text, engine="newmm", keep_whitespace=False) if not word.isspace()]


def _graphemes(text: str) -> list[str]:
    return [cluster for cluster in GRAPHEMES.findall(text) if not cluster.isspace()]


def _atoms_whole(split: Callable[[str], list[str]]) -> Callable[[str], list[str]]:
    """``split`` on the text between atoms, the atoms as tokens of their own, in order."""

    def segment(text: str) -> list[str]:
        tokens: list[str] = []
        start = 0
        for match in ATOM.finditer(text):
            if match.start() > start:
                tokens.extend(split(text[start:match.start()]))
            tokens.append(match.group())
            start = match.end()
        if start < len(text):
            tokens.extend(split(text[start:]))
        return tokens

    return segment


@cache
def segmenter(name: str) -> Callable[[str], list[str]]:
    """The word splitter called ``name``; a ValueError names the choices for anything else."""
    if name == "words":
        return WORDS.findall  # the atoms are the pattern's first alternative
    if name == "elision":
        return ELISION_WORDS.findall
    if name == "jieba":
        return _atoms_whole(_jieba)
    if name == "mecab":
        return _atoms_whole(_mecab)
    if name == "thai":
        return _atoms_whole(_thai)
    if name == "graphemes":
        return _atoms_whole(_graphemes)
    raise ValueError(f"unknown segmenter {name!r}; expected one of {', '.join(SEGMENTERS)}")
