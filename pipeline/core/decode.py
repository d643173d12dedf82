"""Decoding web pages to text without mojibake.

A page whose bytes are UTF-8 is decoded as UTF-8 whatever it declares, and so is a page that is UTF-8 but for a
few stray bytes (a Windows-1252 byte pasted into an otherwise UTF-8 page is common): more of its non-ASCII bytes
form valid UTF-8 sequences than not. The stray bytes become U+FFFD, as in a browser, and are counted
(``replaced_bytes``); a page where they exceed ``max_replaced_share`` of its bytes is ``undecodable``. Such a page
is never decoded with a single-byte codec, which would turn every one of its umlauts and CJK characters into
mojibake ("schÃ¶n").

Anything else takes the charset from the HTTP header, then from a ``<meta>`` tag in the first bytes, then from
detection. Labels are mapped to the codec a browser would really use: GB2312 and GBK pages routinely contain
characters outside GB2312, so the whole family decodes as GB18030, its superset; Big5 as Big5-HKSCS; Shift_JIS as
CP932; Latin-1 as Windows-1252 (the WHATWG encoding standard does the same). That decoding is strict: a page whose
bytes do not fit any candidate is dropped as ``undecodable``, never passed on half-garbled.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from typing import NamedTuple

META_SCAN_BYTES = 4096
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)

# Label → the codec that decodes what pages with that label really contain.
SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "gb_2312-80": "gb18030",
    "euc-cn": "gb18030", "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "x-x-big5": "big5hkscs",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "ms_kanji": "cp932",
    "windows-31j": "cp932", "euc-jp": "euc_jis_2004", "x-euc-jp": "euc_jis_2004", "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949", "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
    "windows-1251": "cp1251", "koi8-r": "koi8_r", "utf8": "utf-8",
}


# Python codecs that are not character sets a page can be written in, though their names resolve: declaring them
# must not reach them (``undefined`` always raises, ``unicode_escape`` turns backslash escapes into characters;
# browsers have no UTF-7 either, WHATWG Encoding Standard).
NOT_PAGE_CHARSETS = frozenset({
    "undefined", "unicode-escape", "raw-unicode-escape", "punycode", "idna", "utf-7", "charmap",
})


def codec_for(label: str | None) -> str | None:
    """The Python codec to use for a declared label, or None if the label is unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    name = SUPERSETS.get(label, label)
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):  # ValueError: a label with a NUL in it
        return None
    # Bytes-to-bytes transforms (base64, zlib, rot13) are codecs too, but no page charset.
    if info.name in NOT_PAGE_CHARSETS or not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


def meta_charset(body: bytes) -> str | None:
    match = META_CHARSET.search(body[:META_SCAN_BYTES])
    return match.group(1).decode("ascii", "ignore") if match else None


def _strict(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeError, LookupError):  # UnicodeError: some codecs fail with it, not its UnicodeDecodeError subclass
        return None


# Undeclared pages are detected among these only. Open-ended detection confuses the Latin codepages on
# short texts (ñ read as ń under ISO-8859-2); browsers likewise fall back to windows-1252, not a guess.
DETECTION_CANDIDATES = ("cp1252", "gb18030", "big5hkscs", "cp932", "euc_jis_2004", "cp1251", "koi8_r", "cp949")


class Decoded(NamedTuple):
    text: str | None
    codec: str | None
    source: str  # header, meta, bom, utf-8, detected, fallback or undecodable
    replaced_bytes: int = 0  # stray bytes of a UTF-8 page replaced by U+FFFD


# Above this share of its bytes replaced, a UTF-8 page is too damaged to keep (stages.extract.max_replaced_share).
DEFAULT_MAX_REPLACED_SHARE = 0.01
# A page with at least this share of its non-ASCII bytes in valid UTF-8 sequences (and at least UTF8_EVIDENCE_BYTES
# of them) is never decoded with a single-byte codec: Windows-1252 or KOI8-R text forms such sequences only by rare
# accident ("ß" before a non-breaking space), and decoding them byte by byte is what turns "schön" into "schÃ¶n".
UTF8_EVIDENCE_SHARE = 0.1
UTF8_EVIDENCE_BYTES = 8
HIGH_BYTES = bytes(range(0x80, 0x100))
REPLACEMENT_UTF8 = "\ufffd".encode()
_invalid_bytes = [0]


def _count_invalid(error: UnicodeDecodeError) -> tuple[str, int]:
    _invalid_bytes[0] += error.end - error.start
    return "\ufffd", error.end


codecs.register_error("corpusforge-count-replace", _count_invalid)


def lenient_utf8(body: bytes) -> tuple[str, int]:
    """The body decoded as UTF-8 with each invalid byte counted (and replaced by U+FFFD, as browsers do)."""
    _invalid_bytes[0] = 0
    text = body.decode("utf-8", "corpusforge-count-replace")
    return text, _invalid_bytes[0]


def utf8_evidence(body: bytes) -> tuple[int, int]:
    """(non-ASCII bytes, invalid UTF-8 sequences) of ``body``, at C speed; each invalid sequence is about a byte."""
    non_ascii = len(body) - len(body.translate(None, HIGH_BYTES))
    invalid = body.decode("utf-8", "replace").count("\ufffd") - body.count(REPLACEMENT_UTF8)
    return non_ascii, invalid


@lru_cache(maxsize=64)
def single_byte(codec: str) -> bool:
    """Does the codec map every byte to one character (Windows-1252, KOI8-R…), unlike GB18030 or Shift_JIS?"""
    return len(bytes(range(256)).decode(codec, "replace")) == 256


def decode_html(
    body: bytes, header_charset: str | None, candidates: tuple[str, ...] = DETECTION_CANDIDATES,
    max_replaced_share: float = DEFAULT_MAX_REPLACED_SHARE,
) -> Decoded:
    """The page as text, the codec and where the charset came from, and the stray bytes replaced."""
    if body.startswith(codecs.BOM_UTF8):
        text, invalid = lenient_utf8(body[3:])
        if invalid > max_replaced_share * len(body):
            return Decoded(None, None, "undecodable", invalid)
        return Decoded(text, "utf-8", "bom", invalid)
    declared = (("header", header_charset), ("meta", meta_charset(body)))
    no_single_byte = False
    invalid = 0
    if not body.isascii():
        # UTF-8 first, whatever is declared: bytes that are UTF-8 (or nearly) are never a single-byte charset.
        utf8_source = next((source for source, label in declared if codec_for(label) == "utf-8"), "utf-8")
        text = _strict(body, "utf-8")
        if text is not None:
            return Decoded(text, "utf-8", utf8_source)
        non_ascii, invalid = utf8_evidence(body)
        if invalid * 2 < non_ascii:  # a sequence is at least a byte: this many are invalid at the least
            text, invalid = lenient_utf8(body)
            if invalid * 2 < non_ascii:  # more of its non-ASCII bytes are valid UTF-8 than not: UTF-8, a few strays
                if invalid > max_replaced_share * len(body):
                    return Decoded(None, None, "undecodable", invalid)
                return Decoded(text, "utf-8", utf8_source, invalid)
        valid = non_ascii - invalid
        no_single_byte = valid >= max(UTF8_EVIDENCE_BYTES, UTF8_EVIDENCE_SHARE * non_ascii)

    def fits(codec: str) -> str | None:
        if no_single_byte and single_byte(codec):
            return None
        return _strict(body, codec)

    for source, label in declared:
        codec = codec_for(label)
        if codec:
            text = fits(codec)
            if text is not None:
                return Decoded(text, codec, source)
    from charset_normalizer import from_bytes

    best = from_bytes(body, cp_isolation=list(candidates)).best()
    if best is not None:
        codec = codec_for(best.encoding) or best.encoding
        text = fits(codec)
        if text is not None:
            return Decoded(text, codec, "detected")
    # Detection found nothing convincing (short or repetitive text): take the first candidate that fits, as a
    # browser falls back to windows-1252.
    for codec in candidates:
        text = fits(codec)
        if text is not None:
            return Decoded(text, codec, "fallback")
    return Decoded(None, None, "undecodable", invalid if no_single_byte else 0)
