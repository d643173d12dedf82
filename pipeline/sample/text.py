"""Deterministic, realistic web-page text in seventeen languages for the synthetic sample crawl.

Every pipeline stage (language ID, quality filters, dedup, main-text extraction) is tested on pages
built from this text, so it has to look to those stages like the real thing: topic-coherent blog
prose that passes Gopher-style rules, varies between documents, is identified by fastText lid.176,
and encodes in the legacy charsets each language is still served in on the web (Latin-1, cp1251 and
KOI8-R, Shift_JIS and EUC-JP, GBK, Big5, EUC-KR).  Low-quality pages must be just as recognisable as
what the filters exist to catch.  Every script family is there: Latin, Cyrillic, Arabic, Devanagari,
Hangul, Chinese and Japanese, and Thai, written without spaces between words but with a space between
sentences.

Documents are assembled from per-language, per-topic sentence templates whose ``{slots}`` are
filled from word lists.  Templates are written per language (not translated from one another) and
the fillers are chosen so that every filler is grammatical in every slot position it can land in
(case, gender and number are fixed by the slot, never inflected at run time).  Pure stdlib; every
random choice comes from the caller's ``random.Random`` so a seed always gives the same bytes.

The per-language data — topics with their title and sentence templates and slot fillers, generic sentences,
spam vocabulary, page chrome — lives in ``pipeline/sample/languages/<lang>.json``; this module holds the code
that assembles documents from it.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "ru", "ja", "zh",
                               "pt", "it", "pl", "tr", "id", "vi", "ko", "ar", "hi", "th")
LOW_QUALITY_KINDS: tuple[str, ...] = ("keyword_stuffing", "gibberish", "link_list", "gambling_spam", "adult_spam")


@dataclass(frozen=True)
class Document:
    title: str
    paragraphs: tuple[str, ...]  # main-content paragraphs; for link_list these are the link texts
    # The HTML element each paragraph is written as: "p" (the default, also for a missing entry), "pre" (a code
    # block, <pre><code>) or "li" (consecutive ones make one <ul>).
    blocks: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(frozen=True)
class Boilerplate:
    nav: tuple[str, ...]  # 5-8 short navigation labels
    footer: tuple[str, ...]  # 2-4 footer lines: copyright, legal links, cookie notice...
    sidebar_title: str


# ---------------------------------------------------------------------------------------------
# Language kits: the data each language section below fills in.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Topic:
    titles: tuple[str, ...]
    sentences: tuple[str, ...]
    slots: Mapping[str, tuple[str, ...]]
    # Slots drawn once per document, so a post stays about one dish, one town or one instrument.
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Prose:
    topics: Mapping[str, _Topic]
    intros: tuple[str, ...]  # opening sentence of the first paragraph
    generic: tuple[str, ...]  # topic-neutral body sentences; they name the topic through topic slots
    closings: tuple[str, ...]  # last sentence of the post
    notes: tuple[str, ...]  # short editorial sentences near_duplicate adds or swaps in
    slots: Mapping[str, tuple[str, ...]]  # names, cities, months... shared by all topics
    # Slot families that name one thing in different grammatical cases (Russian city, city_in...):
    # they are drawn together so a post that mentions "Казань" later says "в Казани", not "в Перми".
    linked: tuple[tuple[str, ...], ...] = ()
    sticky: tuple[str, ...] = ("city",)  # language-level slots fixed for the whole document
    # Writers differ in spelling and word choice (いちばん/一番, 所以/因此): each post adopts the second form of
    # a pair or not, at random.  Every replacement is safe wherever the first form occurs in this module's text.
    spellings: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class _Spam:
    stuffing_keywords: tuple[str, ...]
    gibberish_units: tuple[str, ...]  # syllables for alphabetic scripts and Thai, single characters for ja/zh
    link_templates: tuple[str, ...]
    link_slots: Mapping[str, tuple[str, ...]]
    gambling_terms: tuple[str, ...]  # the first one is the word a keyword blocklist certainly holds
    gambling_lines: tuple[str, ...]
    gambling_titles: tuple[str, ...]
    adult_terms: tuple[str, ...]
    adult_lines: tuple[str, ...]
    adult_titles: tuple[str, ...]
    directory_titles: tuple[str, ...]
    # Spam families besides gambling and adult: name -> terms (the first one the lexicon certainly holds), lines and
    # titles (templates with {term}, {domain}, {bonus}), domains the text advertises, doorway host names and URL
    # slugs (their pinyin or Latin spam tokens).
    families: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Chrome:
    home: tuple[str, ...]
    nav_items: tuple[str, ...]
    copyright: tuple[str, ...]  # templates with {year} and {site}
    legal_links: tuple[str, ...]
    extras: tuple[str, ...]  # cookie notices and contact lines
    sidebar_titles: tuple[str, ...]
    site_first: tuple[str, ...]
    site_second: tuple[str, ...]
    site_joiner: str


@dataclass(frozen=True)
class _Kit:
    prose: _Prose
    spam: _Spam
    chrome: _Chrome
    cjk: bool  # no spaces between words: length in characters, character shingles
    length_range: tuple[int, int]  # target size drawn per document (words, or characters for cjk)
    length_cap: int  # hard ceiling, kept under the quality bar's maximum
    # Optional in the JSON; the defaults follow ``cjk``.  Thai has no spaces between words (cjk) but sets its
    # sentences apart with a space and has no fullwidth punctuation: " ", " ", " | ".
    sentence_separator: str = " "  # between sentences ("" for ja/zh)
    list_separator: str = " "  # between stuffed keywords ("、" for ja/zh)
    title_separator: str = " | "  # between the keywords of a stuffed title ("｜" for ja/zh)


# Numbers that read naturally in every slot they fill.  Every value also takes the Russian
# genitive-plural noun form ("25 лет", "150 рублей"), so Russian templates never need agreement.
_NUMBERS: dict[str, tuple[int, ...]] = {
    "num": (*range(5, 21), 25, 30),
    "pct": (15, 20, 25, 30, 35, 40, 45, 60),
    "year": tuple(range(1862, 1936)),
    "later_year": tuple(range(1952, 1996)),
    "big": tuple(range(150, 4801, 50)),
}

# Share of body sentences drawn from the topic's own pool rather than the language's generic pool.  Two
# posts on the same topic share the fewest templates (hence the fewest 5-grams) when both pools are drawn
# in proportion to their sizes, which are about equal; every generic sentence still names the topic.
_TOPIC_SHARE = 0.42

_SLOT = re.compile(r"\{(\w+)\}")
# "[a|b|c]" inside a template picks one wording; an empty choice ("[|very ]") makes words optional.
# Alternative wordings keep two posts built from the same template from sharing long word runs.
_CHOICE = re.compile(r"\[([^\[\]]*)\]")


class _Filler:
    """Fills templates for one document, keeping anchored and linked slots consistent."""

    def __init__(self, prose: _Prose, topic: _Topic | None, rng: random.Random) -> None:
        self.rng = rng
        self.slots: dict[str, tuple[str, ...]] = dict(prose.slots)
        sticky = set(prose.sticky)
        if topic is not None:
            self.slots.update(topic.slots)
            sticky.update(topic.anchors)
        self.sticky = sticky
        self.families = {name: family for family in prose.linked for name in family}
        self.bound: dict[str, str] = {}
        self.family_index: dict[tuple[str, ...], int] = {}

    def draw(self, name: str) -> str:
        if name in self.bound:
            return self.bound[name]
        family = self.families.get(name)
        if family is not None:
            if family not in self.family_index or family[0] not in self.sticky:
                self.family_index[family] = self.rng.randrange(len(self.slots[name]))
            value = self.slots[name][self.family_index[family]]
        elif name in self.slots:
            value = self.rng.choice(self.slots[name])
        elif name == "name":
            value = f"{self.rng.choice(self.slots['first'])} {self.rng.choice(self.slots['last'])}"
        elif name in _NUMBERS:
            value = str(self.rng.choice(_NUMBERS[name]))
        else:
            raise KeyError(f"no filler for slot {{{name}}}")
        if name in self.sticky:
            self.bound[name] = value
        return value

    def fill(self, template: str) -> str:
        template = _CHOICE.sub(lambda match: self.rng.choice(match.group(1).split("|")), template)
        # One value per slot name within a sentence, so "{name} ... {name}" is one person.
        local: dict[str, str] = {}

        def value(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in local:
                local[name] = self.draw(name)
            return local[name]

        return _SLOT.sub(value, template)


def _kit(lang: str) -> _Kit:
    try:
        return _KITS[lang]
    except KeyError:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGUAGES}") from None


def _capitalize(text: str) -> str:
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :] if char.islower() else text
        if char not in "¿¡\"'(":
            return text
    return text


def _split_sentences(paragraph: str, kit: _Kit) -> list[str]:
    if kit.cjk and not kit.sentence_separator:
        return [s for s in re.findall(r"[^。！？]+[。！？]*", paragraph) if s]
    if kit.cjk:
        # No spaces between words, so a space ends a sentence (or a clause, which counts as one); a space beside
        # a number does not ("ราคา 150 บาท").
        return [s for s in re.split(r"(?<!\d) +(?!\d)", paragraph) if s]
    # Full stops of every script the kits are written in: Devanagari's danda, the Arabic question mark.
    return [s for s in re.split(r"(?<=[.!?।؟])\s+", paragraph) if s]


def _join(sentences: list[str], kit: _Kit) -> str:
    return kit.sentence_separator.join(sentences)


def _size(paragraphs: list[str], cjk: bool) -> int:
    if cjk:
        return sum(len(p) for p in paragraphs)
    return sum(len(p.split()) for p in paragraphs)


# A word: Python's \w leaves out Devanagari vowel signs and viramas (Mn/Mc), which would cut Hindi words apart.
_WORD = re.compile(r"[\w\u0900-\u0963\u0966-\u097f]+")


def _shingles(text: str, cjk: bool, n: int = 5) -> set[tuple[str, ...]]:
    units = list(re.sub(r"\s+", "", text)) if cjk else _WORD.findall(text.lower())
    return {tuple(units[i : i + n]) for i in range(max(len(units) - n + 1, 1))}


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def good_document(lang: str, rng: random.Random, *, script: str = "simplified") -> Document:
    """A blog-style article on one topic: intro, body paragraphs, closing remark."""
    kit = _kit(lang)
    prose, cjk = kit.prose, kit.cjk
    topic = prose.topics[rng.choice(tuple(prose.topics))]
    filler = _Filler(prose, topic, rng)
    title = _capitalize(filler.fill(rng.choice(topic.titles)))

    topic_pool = list(topic.sentences)
    generic_pool = list(prose.generic)
    rng.shuffle(topic_pool)
    rng.shuffle(generic_pool)

    def take(count: int) -> list[str]:
        # Sentences never repeat within a post.
        chosen: list[str] = []
        while len(chosen) < count and (topic_pool or generic_pool):
            use_topic = topic_pool and (not generic_pool or rng.random() < _TOPIC_SHARE)
            chosen.append((topic_pool if use_topic else generic_pool).pop())
        return chosen

    def render(templates: list[str]) -> list[str]:
        return [_capitalize(filler.fill(t)) if not cjk else filler.fill(t) for t in templates]

    def sentence_count(sentences: list[str]) -> int:
        return sum(len(_split_sentences(s, kit)) for s in sentences)

    def paragraph(first: list[str], budget: int, last: tuple[str, ...] = ()) -> str:
        sentences = render(first)
        while sentence_count(sentences) + sentence_count(list(last)) < budget:
            more = take(1)
            if not more:
                break
            sentences += render(more)
        return _join(sentences + render(list(last)), kit)

    target = rng.randint(*kit.length_range)
    paragraphs = [paragraph([rng.choice(prose.intros)], rng.randint(2, 3))]
    closing = paragraph([], rng.randint(2, 3), last=(rng.choice(prose.closings),))
    # The body grows until intro + body + closing reach the target size, within 4-9 paragraphs and the cap.
    while len(paragraphs) < 8 and (len(paragraphs) < 3 or _size([*paragraphs, closing], cjk) < target):
        candidate = paragraph([], rng.randint(2, 4))
        if not candidate or _size([*paragraphs, candidate, closing], cjk) > kit.length_cap:
            break
        paragraphs.append(candidate)
    paragraphs.append(closing)
    for usual, variant in prose.spellings:
        if rng.random() < 0.5:
            title = title.replace(usual, variant)
            paragraphs = [p.replace(usual, variant) for p in paragraphs]

    if lang == "zh" and script == "traditional":
        title, paragraphs = to_traditional(title), [to_traditional(p) for p in paragraphs]
    return Document(title=title, paragraphs=tuple(paragraphs))


def low_quality_document(lang: str, rng: random.Random, kind: str) -> Document:
    """A page a quality filter must reject, of the given LOW_QUALITY_KINDS kind."""
    kit = _kit(lang)
    makers: dict[str, Callable[[_Kit, random.Random], Document]] = {
        "keyword_stuffing": _keyword_stuffing,
        "gibberish": _gibberish,
        "link_list": _link_list,
        "gambling_spam": lambda k, r: _spam(k, r, k.spam.gambling_terms, k.spam.gambling_lines, k.spam.gambling_titles,
                                           _GAMBLING_DOMAINS),
        "adult_spam": lambda k, r: _spam(k, r, k.spam.adult_terms, k.spam.adult_lines, k.spam.adult_titles,
                                         _ADULT_DOMAINS),
    }
    if kind not in makers:
        raise ValueError(f"unknown low-quality kind {kind!r}; expected one of {LOW_QUALITY_KINDS}")
    return makers[kind](kit, rng)


def spam_document(lang: str, rng: random.Random, family: str) -> Document:
    """A spam page of one of the language's SPAM_FAMILIES (lottery, private game servers, loans...)."""
    kit = _kit(lang)
    if family not in kit.spam.families:
        raise ValueError(f"no spam family {family!r} for {lang!r}; expected one of {tuple(kit.spam.families)}")
    data = kit.spam.families[family]
    return _spam(kit, rng, data["terms"], data["lines"], data["titles"], data["domains"])


def near_duplicate(doc: Document, lang: str, rng: random.Random) -> Document:
    """A syndicated or lightly edited copy: a changed number, a dropped, added or swapped sentence.

    Edits are applied one at a time until the word-5-gram Jaccard similarity to the original
    (character 5-grams for ja, zh and th) falls to at most 0.95; an edit that would take it below 0.78 is
    discarded, so the copy always lands inside the band near-dedup is expected to catch.
    """
    kit = _kit(lang)
    cjk = kit.cjk
    # A Big5 site syndicates traditional text, so anything added must be converted too.
    traditional = lang == "zh" and to_traditional(doc.text) == doc.text
    filler = _Filler(kit.prose, None, rng)

    def new_note() -> str:
        note = filler.fill(rng.choice(kit.prose.notes))
        note = note if cjk else _capitalize(note)
        return to_traditional(note) if traditional else note

    original = _shingles(doc.text, cjk)
    current = [_split_sentences(p, kit) for p in doc.paragraphs]

    def similarity(paragraphs: list[list[str]]) -> float:
        return _jaccard(original, _shingles("\n".join(_join(p, kit) for p in paragraphs), cjk))

    for _ in range(60):
        candidate = [list(p) for p in current]
        edit = rng.choice(("number", "drop", "add", "replace"))
        index = rng.randrange(len(candidate))
        sentences = candidate[index]
        if edit == "number":
            numbered = [(p, i) for p in candidate for i, text in enumerate(p) if _CHANGEABLE_NUMBER.search(text)]
            if not numbered:
                continue
            paragraph_sentences, position = rng.choice(numbered)
            paragraph_sentences[position] = _change_number(paragraph_sentences[position], rng)
        elif edit == "drop":
            if len(sentences) < 3:
                continue
            del sentences[rng.randrange(len(sentences))]
        elif edit == "add":
            if len(sentences) >= 6:
                continue
            sentences.insert(rng.randint(1, len(sentences)), new_note())
        else:
            sentences[rng.randrange(len(sentences))] = new_note()
        score = similarity(candidate)
        if score < 0.78:
            continue
        current = candidate
        if score <= 0.95:
            break

    paragraphs = tuple(_join(p, kit) for p in current)
    if paragraphs == doc.paragraphs:  # no edit fitted: still never hand back a byte-identical copy
        last = current[-1]
        last.insert(len(last) - 1, new_note())
        paragraphs = tuple(_join(p, kit) for p in current)
    return Document(title=doc.title, paragraphs=paragraphs)


def boilerplate(lang: str, site_name: str, rng: random.Random) -> Boilerplate:
    """Navigation, footer and sidebar heading a real site wraps around its articles."""
    chrome = _kit(lang).chrome
    nav = (rng.choice(chrome.home), *rng.sample(chrome.nav_items, rng.randint(4, 7)))
    year = rng.randint(2019, 2024)
    footer = [
        rng.choice(chrome.copyright).format(year=year, site=site_name),
        " | ".join(rng.sample(chrome.legal_links, rng.randint(2, 3))),
    ]
    footer += rng.sample(chrome.extras, rng.randint(0, 2))
    return Boilerplate(nav=nav, footer=tuple(footer), sidebar_title=rng.choice(chrome.sidebar_titles))


def site_name(lang: str, rng: random.Random) -> str:
    """A plausible site or brand name in the language."""
    chrome = _kit(lang).chrome
    return f"{rng.choice(chrome.site_first)}{chrome.site_joiner}{rng.choice(chrome.site_second)}"


def to_traditional(text: str) -> str:
    """Simplified to traditional Chinese (Taiwan forms, all in Big5) by character table.

    The table covers every simplified character this module can emit.  Where one simplified character
    stands for several traditional ones, the table holds the form the module's text needs most (里 -> 裡)
    and a short word list repairs the rest after conversion (公裡 -> 公里, 面包 -> 麵包).  Characters
    shared by both scripts, and anything not Chinese, pass through unchanged.
    """
    converted = text.translate(_S2T)
    for wrong, right in _S2T_FIXES:
        converted = converted.replace(wrong, right)
    return converted


# ---------------------------------------------------------------------------------------------
# Low-quality page builders
# ---------------------------------------------------------------------------------------------

_GAMBLING_DOMAINS: tuple[str, ...] = ("www.casino-royal-777.com", "bet-win-24.net", "www.mega-jackpot-club.com",
                                      "slots-bonus-king.biz", "www.lucky-spin-88.com", "vip-poker-room.net",
                                      "www.bonus-casino-online.org")
_ADULT_DOMAINS: tuple[str, ...] = ("www.hot-cams-xxx.com", "adult-dating-24.net", "www.xxx-video-free.biz",
                                   "sexy-chat-live.com", "www.adult-club-18.net", "xxx-hot-girls.org")


def _keyword_stuffing(kit: _Kit, rng: random.Random) -> Document:
    keywords = rng.sample(kit.spam.stuffing_keywords, 4)
    joiner = kit.list_separator
    lines: list[str] = []
    while len(lines) < rng.randint(12, 18):
        # Stuffed pages repeat whole lines as well as phrases: both duplicate-line and n-gram rules must fire.
        if len(lines) >= 2 and rng.random() < 0.45:
            lines.append(rng.choice(lines))
        else:
            lines.append(joiner.join(rng.choice(keywords) for _ in range(rng.randint(4, 7))))
    if len(set(lines)) == len(lines):
        lines.append(lines[0])
    title = kit.title_separator.join(keywords[:3])
    return Document(title=_capitalize(title), paragraphs=tuple(_capitalize(line) for line in lines))


def _gibberish(kit: _Kit, rng: random.Random) -> Document:
    units = kit.spam.gibberish_units

    def word() -> str:
        if kit.cjk:
            return "".join(rng.choice(units) for _ in range(rng.randint(2, 6)))
        return "".join(rng.choice(units) for _ in range(rng.randint(1, 4)))

    paragraphs = []
    for _ in range(rng.randint(3, 6)):
        words = [word() for _ in range(rng.randint(25, 60))]
        # CJK gibberish runs characters together like real CJK text, broken only by stray spaces.
        paragraphs.append(("" if kit.cjk and rng.random() < 0.5 else " ").join(words))
    title = " ".join(word() for _ in range(rng.randint(2, 4)))
    return Document(title=_capitalize(title), paragraphs=tuple(paragraphs))


def _link_list(kit: _Kit, rng: random.Random) -> Document:
    filler = _Filler(_Prose({}, (), (), (), (), kit.spam.link_slots, sticky=()), None, rng)
    wanted = rng.randint(20, 40)
    links: list[str] = []
    for _ in range(wanted * 20):
        if len(links) == wanted:
            break
        link = _capitalize(filler.fill(rng.choice(kit.spam.link_templates)))
        if link not in links:
            links.append(link)
    title = _capitalize(filler.fill(rng.choice(kit.spam.directory_titles)))
    return Document(title=title, paragraphs=tuple(links))


def _spam(kit: _Kit, rng: random.Random, terms: tuple[str, ...], lines: tuple[str, ...], titles: tuple[str, ...],
          domains: tuple[str, ...]) -> Document:
    slots = {"term": terms, "domain": domains, "bonus": ("100", "200", "500", "1000", "50", "300")}
    filler = _Filler(_Prose({}, (), (), (), (), slots, sticky=("domain",)), None, rng)
    cjk = kit.cjk
    paragraphs = []
    for index in range(rng.randint(4, 8)):
        chosen = [filler.fill(rng.choice(lines)) for _ in range(rng.randint(2, 5))]
        if index == 0:
            # The word a keyword blocklist certainly knows is always there, not left to chance.
            core = rng.choice([line for line in lines if "{term}" in line]).replace("{term}", terms[0])
            chosen.insert(0, filler.fill(core))
            chosen.append(filler.fill(rng.choice([line for line in lines if "{domain}" in line])))
        paragraphs.append(_join([c if cjk else _capitalize(c) for c in chosen], kit))
    title = _capitalize(filler.fill(rng.choice(titles)))
    return Document(title=title, paragraphs=tuple(paragraphs))


# A count, price or year; not a month ("12月") or a day, which a blind +3 could turn into a date that does not exist.
_CHANGEABLE_NUMBER = re.compile(r"(?<![\d月])\d+(?![\d月日])")


def _change_number(sentence: str, rng: random.Random) -> str:
    matches = list(_CHANGEABLE_NUMBER.finditer(sentence))
    match = rng.choice(matches)
    value = int(match.group())
    new = value + rng.choice((-3, -2, -1, 1, 2, 3, 5)) if value > 10 else value + rng.choice((1, 2, 3))
    return sentence[: match.start()] + str(new) + sentence[match.end() :]


# =============================================================================================
# Language data: pipeline/sample/languages/<lang>.json (text templates, slots, spam vocabulary, page chrome)
# =============================================================================================

_DATA = Path(__file__).resolve().parent / "languages"


def _frozen(value):
    """JSON lists as tuples, so the kits are as immutable as the dataclasses holding them."""
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict):
        return {key: _frozen(item) for key, item in value.items()}
    return value


def _load_kit(lang: str) -> _Kit:
    data = _frozen(json.loads((_DATA / f"{lang}.json").read_text(encoding="utf-8")))
    prose = dict(data["prose"])
    prose["topics"] = {name: _Topic(**topic) for name, topic in prose["topics"].items()}
    cjk = data["cjk"]
    return _Kit(prose=_Prose(**prose), spam=_Spam(**data["spam"]), chrome=_Chrome(**data["chrome"]), cjk=cjk,
                length_range=data["length_range"], length_cap=data["length_cap"],
                sentence_separator=data.get("sentence_separator", "" if cjk else " "),
                list_separator=data.get("list_separator", "、" if cjk else " "),
                title_separator=data.get("title_separator", "｜" if cjk else " | "))


_KITS: dict[str, _Kit] = {lang: _load_kit(lang) for lang in LANGUAGES}
# Spam of the families the spam lexicons (conf/filters/spam) know besides gambling and adult, in the languages whose
# web is full of them: truth.json marks these pages low_kind "spam" with their spam_family.
SPAM_FAMILIES: dict[str, tuple[str, ...]] = {lang: tuple(kit.spam.families) for lang, kit in _KITS.items()
                                             if kit.spam.families}

# Simplified -> traditional: every simplified-only character the Chinese data can emit, in the Taiwanese
# standard forms Big5 holds (為, 裡, 著 rather than 爲, 裏, 着); a few characters map differently by word, and the
# fixes correct the remaining words after conversion.
_TRADITIONAL = json.loads((_DATA / "zh-traditional.json").read_text(encoding="utf-8"))
_S2T = str.maketrans(dict(_TRADITIONAL["pairs"]))
_S2T_FIXES: tuple[tuple[str, str], ...] = tuple(tuple(pair) for pair in _TRADITIONAL["fixes"])
