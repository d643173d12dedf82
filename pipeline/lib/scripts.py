"""Which script a language is written in, and the family of quality settings that script needs.

Word-based quality rules only make sense where words are what the rules think they are: English rules applied to
Thai (no spaces between words) or to Chinese see one "word" per sentence and drop every page. Every language the
language-ID model emits therefore belongs to a script family, and a language without a hand-written
``conf/languages/<lang>.yaml`` takes its family's settings (``conf/languages/families/<family>.yaml``):

- ``latin``, ``cyrillic``, ``greek``: alphabets written with spaces;
- ``arabic``: right-to-left abjads written with spaces (Arabic, Persian, Urdu, Hebrew, Yiddish, Thaana);
- ``indic``: Brahmic scripts written with spaces (Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu,
  Kannada, Malayalam, Sinhala);
- ``cjk``: Han and kana, no spaces (Chinese, Cantonese, Wu, Japanese);
- ``hangul``: Korean, written with spaces between eojeol (a word and its particles);
- ``southeast_asian``: scripts without spaces between words (Thai, Lao, Khmer, Myanmar, Tibetan);
- ``other``: the remaining alphabets written with spaces (Armenian, Georgian, Ethiopic).

lid.176 labels are ISO 639 codes without a script; the table below gives each non-Latin one its usual script
(``sr`` is mostly Cyrillic on the web, ``pa`` Gurmukhi, ``pnb`` Shahmukhi). GlotLID-style labels
(``hin_Deva``) carry their ISO 15924 script and need no table.
"""

from __future__ import annotations

FAMILIES: dict[str, str] = {
    "latin": "Latin script, words separated by spaces",
    "cyrillic": "Cyrillic script, words separated by spaces",
    "greek": "Greek script, words separated by spaces",
    "arabic": "Arabic, Hebrew and Thaana scripts: right to left, words separated by spaces, no letter case",
    "indic": "Brahmic scripts of South Asia, words separated by spaces",
    "cjk": "Han characters and kana, no spaces between words",
    "hangul": "Korean Hangul, spaces between eojeol",
    "southeast_asian": "Thai, Lao, Khmer, Myanmar and Tibetan scripts, no spaces between words",
    "other": "Other alphabets written with spaces (Armenian, Georgian, Ethiopic)",
}

FAMILY_OF_SCRIPT: dict[str, str] = {
    "Latn": "latin", "Cyrl": "cyrillic", "Grek": "greek",
    "Arab": "arabic", "Hebr": "arabic", "Thaa": "arabic", "Syrc": "arabic",
    "Deva": "indic", "Beng": "indic", "Guru": "indic", "Gujr": "indic", "Orya": "indic", "Taml": "indic",
    "Telu": "indic", "Knda": "indic", "Mlym": "indic", "Sinh": "indic",
    "Hani": "cjk", "Hans": "cjk", "Hant": "cjk", "Jpan": "cjk", "Hira": "cjk", "Kana": "cjk",
    "Hang": "hangul", "Kore": "hangul",
    "Thai": "southeast_asian", "Laoo": "southeast_asian", "Khmr": "southeast_asian", "Mymr": "southeast_asian",
    "Tibt": "southeast_asian",
    "Armn": "other", "Geor": "other", "Ethi": "other",
}

# The usual script of each lid.176 label not written in Latin script.
SCRIPT_OF_LANGUAGE: dict[str, str] = {
    **dict.fromkeys(["ar", "arz", "azb", "ckb", "fa", "lrc", "mzn", "pnb", "ps", "sd", "ug", "ur"], "Arab"),
    **dict.fromkeys(["he", "yi"], "Hebr"),
    "dv": "Thaa",
    **dict.fromkeys(["av", "ba", "be", "bg", "bxr", "ce", "cv", "kk", "krc", "kv", "ky", "lez", "mhr", "mk", "mn",
                     "mrj", "myv", "os", "ru", "rue", "sah", "sr", "tg", "tt", "tyv", "uk", "xal"], "Cyrl"),
    "el": "Grek",
    "hy": "Armn",
    **dict.fromkeys(["ka", "xmf"], "Geor"),
    "am": "Ethi",
    **dict.fromkeys(["hi", "mr", "ne", "sa", "bh", "mai", "new", "gom", "dty"], "Deva"),
    **dict.fromkeys(["bn", "as", "bpy"], "Beng"),
    "pa": "Guru", "gu": "Gujr", "or": "Orya", "ta": "Taml", "te": "Telu", "kn": "Knda", "ml": "Mlym", "si": "Sinh",
    "th": "Thai", "lo": "Laoo", "km": "Khmr", "my": "Mymr", "bo": "Tibt",
    "ko": "Hang",
    **dict.fromkeys(["zh", "wuu", "yue"], "Hani"),
    "ja": "Jpan",
}


def script_of(lang: str) -> str:
    """ISO 15924 code of the language's script: from a GlotLID-style label's suffix, else the table, else Latin."""
    base, _, suffix = lang.partition("_")
    if len(suffix) == 4 and suffix[0].isupper():
        return suffix
    return SCRIPT_OF_LANGUAGE.get(base, "Latn")


def family_of(lang: str) -> str:
    """The script family whose settings a language without its own file takes."""
    return FAMILY_OF_SCRIPT.get(script_of(lang), "other")


# Families whose text has no spaces between words: shingled by characters for near-duplicate detection.
UNSPACED_FAMILIES = frozenset({"cjk", "southeast_asian"})


def written_without_spaces(lang: str) -> bool:
    return family_of(lang) in UNSPACED_FAMILIES


class WrittenWithoutSpaces:
    """A container of every language written without spaces between words (``lang in WrittenWithoutSpaces()``)."""

    def __contains__(self, lang: object) -> bool:
        return isinstance(lang, str) and written_without_spaces(lang)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WrittenWithoutSpaces)

    def __hash__(self) -> int:
        return hash(WrittenWithoutSpaces)
