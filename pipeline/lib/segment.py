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

A word's combining marks stay in it: Devanagari, Bengali or Tamil vowel signs and viramas are not ``\w`` to
Python's ``re``, which would cut "हिन्दी" into six "words"; the patterns use the ``regex`` module's ``\p{M}``. On
text without combining marks (NFC Latin, Cyrillic, Greek) they split exactly as ``\w+`` does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

import regex

WORDS = regex.compile(r"[\w\p{M}]+(?:['’][\w\p{M}]+)*|[^\w\p{M}\s]+")
ELISION_WORDS = regex.compile(r"[\w\p{M}]+['’](?=\w)|[\w\p{M}]+|[^\w\p{M}\s]+")
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


@cache
def segmenter(name: str) -> Callable[[str], list[str]]:
    """The word splitter called ``name``; a ValueError names the choices for anything else."""
    if name == "words":
        return WORDS.findall
    if name == "elision":
        return ELISION_WORDS.findall
    if name == "jieba":
        return _jieba
    if name == "mecab":
        return _mecab
    if name == "thai":
        return _thai
    if name == "graphemes":
        return _graphemes
    raise ValueError(f"unknown segmenter {name!r}; expected one of {', '.join(SEGMENTERS)}")
