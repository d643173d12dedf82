"""Text normalization, shingles and MinHash signatures for deduplication.

Signatures are datasketch's ``MinHash`` (2.x default scheme ``affine32``) computed in bulk: every shingle is
hashed with SHA-1 truncated to 32 bits (``datasketch.hashfunc.sha1_hash32``), mixed with the MurmurHash3 32-bit
finalizer, and permuted by ``a·h + b mod 2^32`` with datasketch's ``a``, ``b`` drawn from
``numpy.random.RandomState(seed)``; the signature is the minimum per permutation. So a datasketch ``MinHash``
(same ``num_perm`` and seed) fed the same shingles has the same hash values, and a datasketch ``MinHashLSH``
with the same bands × rows finds the same candidate pairs (tests/test_dedup.py checks both).

One vectorized pass per document instead of datasketch's per-object updates, and no word tokenizer beyond a
regex (CJK text is shingled over characters, or the language's segmented words by config).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Container
from functools import lru_cache

import numpy as np

WORD = re.compile(r"\w+")
DIGIT = re.compile(r"\d")
# What CCNet's normalization removes before hashing a text: punctuation, symbols and spaces of every script.
NOT_WORD = re.compile(r"[\W_]+")
_FMIX_32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


def normalize_for_hash(text: str) -> str:
    """CCNet-style normal form: lower case, accents stripped, digits folded to 0, punctuation and spaces removed."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return NOT_WORD.sub("", DIGIT.sub("0", text))


def exact_hash(text: str) -> str:
    return hashlib.sha1(normalize_for_hash(text).encode("utf-8")).hexdigest()[:32]


def shingles(text: str, size: int, units: str, segment=None) -> list[str]:
    """Word (or character) ``size``-grams of the lower-cased text; a short text is one shingle of all it has."""
    lowered = DIGIT.sub("0", text.lower())
    if units == "characters":
        tokens = [ch for ch in lowered if ch.isalnum()]
        joiner = ""
    elif segment is not None:
        tokens = [w for w in segment(lowered) if WORD.search(w)]
        joiner = " "
    else:
        tokens = WORD.findall(lowered)
        joiner = " "
    if len(tokens) <= size:
        return [joiner.join(tokens)] if tokens else []
    return list(map(joiner.join, zip(*(tokens[i:] for i in range(size)), strict=False)))


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutation parameters (odd a, any b), drawn exactly as datasketch draws them."""
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def sha1_32(values) -> np.ndarray:
    """datasketch's sha1_hash32 of each value: the first 4 bytes of SHA-1, little-endian."""
    sha1 = hashlib.sha1
    digests = b"".join([sha1(value.encode("utf-8")).digest()[:4] for value in values])
    return np.frombuffer(digests, dtype="<u4").astype(np.uint32)


def _fmix32(hv: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX_32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def signature(doc_shingles: list[str], num_perm: int, seed: int) -> np.ndarray:
    """The MinHash signature (num_perm uint32); all 0xFFFFFFFF for a document without shingles."""
    a, b = permutations(num_perm, seed)
    if not doc_shingles:
        return np.full(num_perm, 0xFFFFFFFF, dtype=np.uint32)
    with np.errstate(over="ignore"):
        hashed = _fmix32(sha1_32(set(doc_shingles)))[:, None]  # the minimum does not depend on order
        return (hashed * a + b).min(axis=0)


def document_signature(text: str, lang: str, *, shingle_size: int, cjk_languages: Container[str],
                       cjk_units: str, segmenter_name: str | None, num_perm: int, seed: int) -> np.ndarray:
    """The MinHash signature dedup gives a document: word shingles, or for ``cjk_languages`` character shingles
    (``cjk_units: characters``) or shingles of the language's segmenter (``words``)."""
    if lang in cjk_languages:
        from pipeline.lib.segment import segmenter

        segment = segmenter(segmenter_name or "words") if cjk_units == "words" else None
        units = cjk_units
    else:
        segment, units = None, "words"
    return signature(shingles(text, shingle_size, units, segment), num_perm, seed)


def similarity(first: bytes, second: bytes) -> float:
    """Estimated Jaccard similarity: the share of equal signature positions."""
    x, y = np.frombuffer(first, dtype=np.uint32), np.frombuffer(second, dtype=np.uint32)
    return float(np.count_nonzero(x == y)) / len(x)


def band_keys(sig: bytes, bands: int, rows: int) -> list[bytes]:
    """The LSH band of each of ``bands`` bands: its ``rows`` hash values' bytes (no second hash, no collisions)."""
    width = rows * 4
    return [sig[i * width:(i + 1) * width] for i in range(bands)]


def candidate_probability(similarity_value: float, bands: int, rows: int) -> float:
    """The LSH S-curve: P(two documents of Jaccard similarity s share a band) = 1 − (1 − s^r)^b."""
    return 1.0 - (1.0 - similarity_value ** rows) ** bands
