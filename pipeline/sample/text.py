"""Deterministic, realistic web-page text in seven languages for the synthetic sample crawl.

Every pipeline stage (language ID, quality filters, dedup, main-text extraction) is tested on pages
built from this text, so it has to look to those stages like the real thing: topic-coherent blog
prose that passes Gopher-style rules, varies between documents, is identified by fastText lid.176,
and encodes in the legacy charsets each language is still served in on the web (Latin-1, cp1251 and
KOI8-R, Shift_JIS and EUC-JP, GBK, Big5).  Low-quality pages must be just as recognisable as what
the filters exist to catch.

Documents are assembled from per-language, per-topic sentence templates whose ``{slots}`` are
filled from word lists.  Templates are written per language (not translated from one another) and
the fillers are chosen so that every filler is grammatical in every slot position it can land in
(case, gender and number are fixed by the slot, never inflected at run time).  Pure stdlib; every
random choice comes from the caller's ``random.Random`` so a seed always gives the same bytes.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "ru", "ja", "zh")
LOW_QUALITY_KINDS: tuple[str, ...] = ("keyword_stuffing", "gibberish", "link_list", "gambling_spam", "adult_spam")


@dataclass(frozen=True)
class Document:
    title: str
    paragraphs: tuple[str, ...]  # main-content paragraphs; for link_list these are the link texts

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
    gibberish_units: tuple[str, ...]  # syllables for alphabetic scripts, single characters for ja/zh
    link_templates: tuple[str, ...]
    link_slots: Mapping[str, tuple[str, ...]]
    gambling_terms: tuple[str, ...]  # the first one is the word a keyword blocklist certainly holds
    gambling_lines: tuple[str, ...]
    gambling_titles: tuple[str, ...]
    adult_terms: tuple[str, ...]
    adult_lines: tuple[str, ...]
    adult_titles: tuple[str, ...]
    directory_titles: tuple[str, ...]


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


def _split_sentences(paragraph: str, cjk: bool) -> list[str]:
    if cjk:
        return [s for s in re.findall(r"[^。！？]+[。！？]*", paragraph) if s]
    return [s for s in re.split(r"(?<=[.!?])\s+", paragraph) if s]


def _join(sentences: list[str], cjk: bool) -> str:
    return ("" if cjk else " ").join(sentences)


def _size(paragraphs: list[str], cjk: bool) -> int:
    if cjk:
        return sum(len(p) for p in paragraphs)
    return sum(len(p.split()) for p in paragraphs)


def _shingles(text: str, cjk: bool, n: int = 5) -> set[tuple[str, ...]]:
    units = list(re.sub(r"\s+", "", text)) if cjk else re.findall(r"\w+", text.lower())
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
        return sum(len(_split_sentences(s, cjk)) for s in sentences)

    def paragraph(first: list[str], budget: int, last: tuple[str, ...] = ()) -> str:
        sentences = render(first)
        while sentence_count(sentences) + sentence_count(list(last)) < budget:
            more = take(1)
            if not more:
                break
            sentences += render(more)
        return _join(sentences + render(list(last)), cjk)

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


def near_duplicate(doc: Document, lang: str, rng: random.Random) -> Document:
    """A syndicated or lightly edited copy: a changed number, a dropped, added or swapped sentence.

    Edits are applied one at a time until the word-5-gram Jaccard similarity to the original
    (character 5-grams for ja/zh) falls to at most 0.95; an edit that would take it below 0.78 is
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
    current = [_split_sentences(p, cjk) for p in doc.paragraphs]

    def similarity(paragraphs: list[list[str]]) -> float:
        return _jaccard(original, _shingles("\n".join(_join(p, cjk) for p in paragraphs), cjk))

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

    paragraphs = tuple(_join(p, cjk) for p in current)
    if paragraphs == doc.paragraphs:  # no edit fitted: still never hand back a byte-identical copy
        last = current[-1]
        last.insert(len(last) - 1, new_note())
        paragraphs = tuple(_join(p, cjk) for p in current)
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
    joiner = "、" if kit.cjk else " "
    lines: list[str] = []
    while len(lines) < rng.randint(12, 18):
        # Stuffed pages repeat whole lines as well as phrases: both duplicate-line and n-gram rules must fire.
        if len(lines) >= 2 and rng.random() < 0.45:
            lines.append(rng.choice(lines))
        else:
            lines.append(joiner.join(rng.choice(keywords) for _ in range(rng.randint(4, 7))))
    if len(set(lines)) == len(lines):
        lines.append(lines[0])
    title = (" | " if not kit.cjk else "｜").join(keywords[:3])
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
        paragraphs.append(_join([c if cjk else _capitalize(c) for c in chosen], cjk))
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
# English
# =============================================================================================

_EN_SLOTS: dict[str, tuple[str, ...]] = {
    "first": ("Anna", "James", "Sarah", "Tom", "Emily", "David", "Rachel", "Peter", "Laura", "Michael", "Helen",
              "Chris", "Kate", "Daniel"),
    "last": ("Walker", "Hughes", "Patel", "Bennett", "Morgan", "Fletcher", "Doyle", "Harris", "Lloyd", "Turner", "Shaw",
             "Kelly"),
    "city": ("Leeds", "Bristol", "York", "Norwich", "Bath", "Exeter", "Cardiff", "Glasgow", "Sheffield", "Brighton",
             "Chester", "Oxford", "Durham", "Lincoln"),
    "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "month": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"),
    "season": ("spring", "summer", "autumn", "winter"),
    "small": ("three", "four", "five", "six", "seven", "eight"),
}

_EN_INTROS = (
    "I have [wanted|meant|been planning] to write about {topic} for a long time, and this {season} I [finally "
    "found|at last made] the time.",
    "A reader from {city} [recently|kindly|a while ago] asked me how I got into {topic}, so here is the [long|full|"
    "honest] answer.",
    "Last {weekday} I spent [most of the afternoon|the whole evening|a rainy morning] thinking about {topic}, and a "
    "few [of those thoughts|ideas|conclusions] are worth sharing.",
    "This post has been sitting in my drafts since {month}, [mostly|largely|partly] because I kept changing my mind "
    "about {topic}.",
    "My interest in {topic} started [almost by accident|quite by chance|without any plan], during a long weekend in "
    "{city} about {num} years ago.",
    "There is no shortage of [advice|opinions|tutorials] about {topic} online, but [very little|not much|only a "
    "fraction] of it matches what I have seen in practice.",
    "My friend {first} from {city} has been [nagging|asking|encouraging] me to put my notes on {topic} in one place, "
    "so here they are.",
    "If you had told me {num} years ago that I would be writing about {topic}, I [would not have believed you|would "
    "have laughed].",
    "People who know me are well aware that {topic} has been part of my life since [I was at school|my student "
    "days|childhood].",
    "Every year I promise myself that I will take {topic} more seriously, and this year I [actually did|finally "
    "kept that promise].",
)

_EN_GENERIC = (
    "As {name} [once told me|likes to remind me|put it years ago], the small details matter [far|much] more than "
    "[expensive equipment|fancy gear|the latest gadgets].",
    "It took me [roughly|about|something like] {num} attempts before I [understood|worked out|could see] what I was "
    "doing wrong.",
    "My neighbour [laughed|raised an eyebrow|shook her head] when I [explained|described] the plan, but she [changed "
    "her mind|came round] [a few weeks later|soon enough|by the end of the month].",
    "None of this [happens|works] overnight, and anyone who promises [quick|instant|easy] results is [probably|most "
    "likely] selling something.",
    "I keep a [simple|small|battered] notebook, and [looking back through|rereading] it is often more useful than "
    "[any book|any video|most advice].",
    "The first {small} weeks were [frustrating|hard going|a real test of patience], to be honest.",
    "A [short|chance] conversation with {name} in {city} changed the way I think about the [whole subject|entire "
    "thing].",
    "What surprised me [most|more than anything] was how little it cost to [get started|begin].",
    "Of course, not everything went [to plan|smoothly], and I made [plenty of|quite a few|some silly] mistakes [along "
    "the way|at the start].",
    "On a good day the whole thing takes less than {num} minutes, while on a [bad|difficult] day it can [swallow|eat "
    "up] the [entire|whole] evening.",
    "There is a small group in {city} that meets every {weekday}, and their advice has been [invaluable|a huge "
    "help|worth its weight in gold].",
    "I would not call myself [an expert|a professional], but I have learned [a lot|a great deal] by [doing things the "
    "hard way|making mistakes|trial and error].",
    "The best tip I ever [received|got] was also the simplest: [start small and be patient|keep it simple and keep "
    "going|do a little every day].",
    "[Several|A few] readers wrote to me after my [last|previous] post, and some of their questions were "
    "[excellent|very good|spot on].",
    "Looking back, I wish someone had [explained|pointed out] this to me when I was [starting out|a beginner|new to "
    "it].",
    "{first}, who has been at it for [over|more than] {num} years, likes to say that [consistency beats "
    "talent|patience beats talent|habits beat motivation].",
    "According to a survey I read in {month}, about {pct} percent of beginners give up [within the first year|"
    "before the end of their first year].",
    "I still remember my [first|very first] attempt, and it was [not pretty|a small disaster|far from perfect].",
    "The good news is that [most|almost all] problems have [very simple|fairly boring|surprisingly simple] "
    "explanations.",
    "By the end of {month} I could see [real|genuine] progress, even if it was [slow|modest|uneven].",
    "Friends [sometimes|often] ask whether it is worth the [effort|trouble|time], and my answer is [always|still] yes.",
    "Over the years I have tried {small} different [approaches|methods], and each of them taught me something "
    "[new|useful].",
    "A few people asked about [costs|money], so this time I kept track of [every single expense|every receipt|each "
    "pound I spent].",
    "Sometimes the most [important|useful] step is simply to [write down|note] what you did and what [happened|came of "
    "it].",
    "My advice is to talk to people in your [own area|town], because local experience is [hard to beat|worth more than "
    "any manual].",
    "[Honestly|In my experience|Believe me], the first month is the [hardest|toughest], and after that it gets "
    "[easier|better].",
    "I [often|sometimes] think the best part is not the [result|outcome] but the [quiet|peaceful] hour spent doing it.",
)

_EN_CLOSINGS = (
    "If you have your own [experience|story] with {topic}, I would [love|be glad] to read about it [in the "
    "comments|below].",
    "In the [next|coming] post I will answer a few questions from the comments, so thanks for reading and [see you "
    "then|until next time].",
    "I am [curious|keen] to see how things develop next {season}, and I will [of course|certainly] report back.",
    "If you live [near|anywhere near] {city}, drop me a line and perhaps we can [meet|have a coffee] and compare "
    "notes.",
    "That is all for [today|now], and I hope at least [some|a little] of this was [useful|helpful].",
    "Do you have questions, or have you had a [completely|very] different experience? [Let me know|Write to me].",
    "One thing is [certain|clear]: {topic} will keep me [busy|happily occupied] for a long time to come.",
    "Many thanks to everyone who sent me [tips|advice] and ideas over the [past|last] few weeks.",
)

_EN_NOTES = (
    "Update: a reader kindly pointed out a mistake, which has now been corrected.",
    "All photos in this post are my own.",
    "This article first appeared on my old blog.",
    "Edit: I added a few details after questions in the comments.",
    "Thanks to {first} for reading an early draft of this post.",
    "This post was updated in {month}.",
    "Comments are open again after the spam problems of last week.",
    "Some links in this post point to my earlier articles on the same subject.",
)

_EN_TOPICS: dict[str, _Topic] = {
    "cooking": _Topic(
        titles=(
            "How I finally got {dish} right",
            "A weeknight recipe: {dish} with {ingredient}",
            "What {relative} taught me about cooking",
            "Cooking with {veg} from the market",
            "Notes from my kitchen: {dish}",
        ),
        sentences=(
            "The recipe I use for {dish} comes from {relative}, although I have [changed|adapted|simplified] it "
            "quite a bit over the years.",
            "I [usually|always|normally] start by softening {veg} in a little [olive oil|butter] over a low heat.",
            "After about {num} minutes the kitchen smells [wonderful|amazing] and the vegetables are [soft and sweet|"
            "tender and glossy].",
            "A spoonful of {ingredient} at the end makes a [surprising|huge|real] difference to the [flavour|taste].",
            "According to {relative}, good food never needs to be [complicated|fussy|expensive].",
            "Most of my vegetables come from {market}, where the prices are [fair|reasonable] and the quality is "
            "[excellent|very good].",
            "I tested the recipe {small} times before I was [happy|satisfied] with the balance of [salt and "
            "acidity|sweetness and spice].",
            "The oven should be [hot|properly hot], around {temp} degrees, so that the top turns [golden|brown] and "
            "slightly crisp.",
            "Leftovers keep well in the fridge for [two or three|a couple of] days and often taste even better [the "
            "next day|reheated].",
            "My children were [sceptical|suspicious] at first, but now they ask for {dish} [every week|all the "
            "time].",
            "One mistake I made [early on|at the beginning] was adding {ingredient} too soon, which [spoiled|"
            "ruined] the whole pot.",
            "For a [quick|simple] lunch I serve it with [a slice of bread|a chunk of sourdough|some rice] and a "
            "[green|tomato] salad.",
            "It is a dish that [forgives|tolerates] small mistakes, which makes it [perfect|ideal] for "
            "[beginners|nervous cooks].",
            "The whole meal costs less than {price} pounds for a family of four.",
            "A friend from {city} suggested adding {ingredient}, and I have never looked back.",
            "Cooking {dish} on a cold {weekday} evening has become [something of a|a small] family tradition.",
            "Timing is [everything|crucial], so take the pan off the heat as soon as {veg} start to [colour|brown].",
            "I like to prepare the sauce [a day ahead|the night before], because the flavours need time to [come "
            "together|settle].",
            "Do not be [afraid|shy] to taste as you go and [adjust the seasoning|add a pinch more salt].",
            "On {weekday} I [often|usually] cook a double batch and freeze [half of it|a few portions] for [busy "
            "days|the week ahead].",
            "[Good|Decent|Fresh] ingredients do most of the work, and the cook [only has|simply needs] to stay out of "
            "their way.",
            "The smell of {dish} always [reminds me of|takes me back to] {relative} and long [Sunday lunches|family "
            "dinners].",
        ),
        slots={
            "topic": ("home cooking",),
            "dish": ("a lentil soup", "a mushroom risotto", "a simple apple cake", "a pot of chilli",
                     "a lemon chicken stew", "a vegetable curry", "a potato gratin", "a plum crumble", "a tomato tart",
                     "a bean and barley stew"),
            "ingredient": ("fresh thyme", "smoked paprika", "brown butter", "roasted garlic", "ground cumin",
                           "lemon zest", "grated parmesan", "fresh ginger", "sour cream", "chopped parsley"),
            "veg": ("the onions", "the carrots", "the leeks", "the courgettes", "the peppers", "the mushrooms",
                    "the shallots", "the tomatoes"),
            "market": ("the Saturday market", "the farm shop down the road", "a small Turkish grocery",
                       "the covered market in town"),
            "relative": ("my grandmother", "my aunt", "my father", "an old friend from school", "my mother-in-law",
                         "a chef I once worked with"),
            "temp": ("180", "190", "200", "220"),
            "price": ("eight", "ten", "twelve", "fifteen"),
        },
        anchors=("dish", "relative"),
    ),
    "travel": _Topic(
        titles=(
            "{days} days in {region} without a car",
            "Slow travel notes from {town}",
            "Why I keep going back to {region}",
            "A week in {town} on a small budget",
            "What I learned travelling with {companion}",
        ),
        sentences=(
            "We arrived in {town} late in the evening, [tired but excited|exhausted but happy] after a long day on "
            "{transport}.",
            "Our base for the week was {lodging}, which we had booked only [a few days|a week] before leaving.",
            "The owner, a [cheerful|friendly|talkative] woman called {host}, gave us a [hand-drawn|home-made] map of "
            "her [favourite places|secret spots].",
            "Travelling with {companion} means that plans change [constantly|every day], and that is part of the "
            "[fun|charm].",
            "The next morning we walked along the [river|harbour] until the old town [disappeared|vanished] behind "
            "us.",
            "A single ticket cost about {num} euros, which seemed [very reasonable|a bargain] for a journey of almost "
            "{hours} hours.",
            "We spent an [entire|whole] afternoon in a [small|tiny] museum that most guidebooks do not [even "
            "mention|bother with].",
            "The weather in {region} changes [quickly|in minutes], so pack a [light|thin] rain jacket even in "
            "[summer|July].",
            "Some of the [best|most memorable] meals of the trip were eaten in [places|tiny restaurants] without a "
            "printed menu.",
            "On the [third|fourth] day we took {transport} along the coast and watched the [villages|fishing villages] "
            "drift past.",
            "Before every trip I read [a little|a few chapters] about the local history, and it changes how you see "
            "[everything|the streets].",
            "Booking everything in advance saves [money|a little money], but it also takes away [some of the "
            "freedom|the joy of surprises].",
            "Honestly, the highlight of the week was a [conversation|long chat] with a [fisherman|baker] who had lived "
            "in {town} all his life.",
            "If you visit in {month}, expect fewer tourists and [slightly cooler|quieter] evenings.",
            "We walked about {km} kilometres a day, which felt like [a lot|too much] until we [got used to it|found "
            "our rhythm].",
            "Travelling slowly forces you to [notice|pay attention to] things you would [miss|never see] from a car "
            "window.",
            "The journey home took [longer than planned|an extra day] because of a [strike|landslide|signal failure], "
            "but nobody complained.",
            "Next year {companion} and I want to explore {region} properly, and I have already started reading.",
            "A good pair of [shoes|walking boots] matters more than [any gadget you can buy|a fancy camera].",
            "Local buses in {region} are [cheap|inexpensive] and surprisingly punctual.",
            "In {town} we [bought|found] bread every morning from a bakery that had been [open|in the same family] "
            "since before the war.",
            "[Most evenings|Every evening] we sat by the [water|harbour] and planned [nothing at all|absolutely "
            "nothing] for the next day.",
        ),
        slots={
            "topic": ("slow travel",),
            "region": ("the Scottish Highlands", "the Lake District", "Cornwall", "the Alps", "the Baltic coast",
                       "northern Portugal", "the Pyrenees", "Tuscany", "the Norwegian fjords", "Brittany",
                       "the Dolomites", "Galicia"),
            "town": ("Porto", "Lyon", "Ljubljana", "Bergen", "Trieste", "Salzburg", "Granada", "Krakow", "Ghent",
                     "Bologna", "Girona"),
            "transport": ("the night train", "a regional bus", "a small ferry", "an old coastal train",
                          "a slow local train"),
            "lodging": ("a family-run guesthouse", "a tiny flat above a bakery", "a mountain hut",
                        "a converted farmhouse", "a quiet hostel near the station", "a room in an old manor house"),
            "host": ("Maria", "Elena", "Ingrid", "Rosa", "Marta", "Giulia"),
            "companion": ("my sister", "two old friends", "my partner", "a colleague", "my teenage son"),
            "hours": ("five", "six", "seven", "eight"),
            "km": ("twelve", "fifteen", "eighteen", "twenty"),
            "days": ("Ten", "Twelve", "Seven", "Fourteen"),
        },
        anchors=("region", "town", "companion"),
    ),
    "gardening": _Topic(
        titles=(
            "What worked in my garden this year",
            "Growing {plant} on a small plot",
            "Lessons from {weather}",
            "An honest allotment diary for {month}",
            "How I deal with {pest} without chemicals",
        ),
        sentences=(
            "This year I planted {plant} in {bed}, and the results were [better than I expected|a pleasant "
            "surprise].",
            "The soil in our part of {city} is heavy clay, so I add a [thick|generous] layer of compost every "
            "[autumn|winter].",
            "In {month}, {weather} set everything back by at least [two|three] weeks.",
            "{pest} were a [constant|real] problem, so I went out with a torch [every evening|after dark] to check the "
            "[leaves|seedlings].",
            "I sow {plant} indoors in [early spring|March] and move them outside once the nights are "
            "[warmer|frost-free].",
            "Watering [early in the morning|before breakfast] keeps the plants [healthier|happier] and wastes less "
            "water.",
            "{first} next door grows the best {plant} on the street and is [always|more than] happy to share a few "
            "[tricks|secrets].",
            "A simple mulch of straw saved me [hours|whole afternoons] of weeding during the summer.",
            "I harvested roughly {num} kilos in total, which is a [record|personal best] for such a [small|modest] "
            "plot.",
            "Companion planting sounds like [folklore|an old wives' tale], but marigolds [really did|honestly seemed "
            "to] keep some of the {pest} away.",
            "The greenhouse gets [very|uncomfortably] hot in the afternoon, so I open [both doors|the vents] before I "
            "leave for work.",
            "Next season I want to try a few [old|heritage] varieties that a seed library in {city} "
            "[recommended|suggested].",
            "Gardening teaches [patience|humility] in a way that [very few|not many] other hobbies [do|manage].",
            "I keep a diary of sowing dates, and it is [remarkable|astonishing] how much the seasons [vary|shift] from "
            "year to year.",
            "After {weather} I lost [almost half|a third] of the young plants and had to start [again|from scratch].",
            "Rainwater from the shed roof now fills [two large|three old] barrels, which covers [most|nearly all] of "
            "our needs.",
            "Children love [picking|harvesting] {plant}, so the lower beds are reserved for the [youngest|smallest] "
            "gardeners in the family.",
            "The best compost is made [slowly|patiently], with a [good|sensible] mix of green and brown material.",
            "By the end of [summer|August] the beds were so [full|overgrown] that I could hardly walk between them.",
            "Pruning is less [scary|difficult] than it looks, as long as your [tools|secateurs] are sharp and clean.",
            "[On warm evenings|After work] I like to sit on the [bench|old bench] by {bed} and simply watch things "
            "grow.",
            "The bees were busy all [summer|season], which made a [visible|real] difference to the {plant}.",
        ),
        slots={
            "topic": ("gardening",),
            "plant": ("tomatoes", "runner beans", "sweet peas", "courgettes", "dahlias", "strawberries", "potatoes",
                      "sunflowers", "cucumbers", "radishes"),
            "bed": ("the raised beds", "the greenhouse", "the allotment", "the back border",
                    "a row of large pots on the patio"),
            "pest": ("slugs", "aphids", "snails", "pigeons", "caterpillars"),
            "weather": ("a late frost", "a week of heavy rain", "an unusually dry spring", "a violent storm",
                        "a heatwave in July"),
        },
        anchors=("plant", "pest", "weather"),
    ),
    "history": _Topic(
        titles=(
            "The forgotten story of {building}",
            "What the archives tell us about {building}",
            "Notes from the archive: {event} of {year}",
            "How {industry} shaped our town",
            "Walking through the past in {city}",
        ),
        sentences=(
            "{building} was [built|completed] in {year}, at a time when the [town|parish] had [barely|scarcely] a "
            "thousand [inhabitants|residents].",
            "[Most|Much] of what we [know|can reconstruct] about those [years|decades] comes from {source}.",
            "For almost a century the local economy [depended on|revolved around] {industry}.",
            "In {year} {event} changed [the life of the town|everyday life here] [almost overnight|within weeks].",
            "A local historian, {name}, spent {num} years [collecting|tracking down] [photographs|postcards and "
            "photos] of the old streets.",
            "The records show that {num} families lived in the [narrow|crowded] lanes behind the [market "
            "square|church].",
            "When the last factory closed in {later_year}, many young people left for the [cities|big towns].",
            "Parts of the [old|medieval] town wall can still be seen behind the [car park|supermarket|bus station], if "
            "you know where to [look|search].",
            "The old maps reveal a [network|web] of footpaths that has [almost completely|largely] disappeared.",
            "I was surprised to learn that {building} served as a [hospital|school|warehouse] during the war.",
            "[Older|Elderly] residents still remember the [sound|wail] of the factory siren every morning at [six|half "
            "past six].",
            "A small exhibition at the [library|town museum] this {season} brings [many|dozens] of these documents "
            "together for the first time.",
            "Reading {source} is slow work, because the handwriting is [often|frequently] hard to [decipher|read].",
            "Street names are a [valuable|useful] clue, since many of them recall [trades|crafts] that vanished [long "
            "ago|a century ago].",
            "According to {source}, the market was held every {weekday} until the late nineteenth century.",
            "The population doubled between {year} and {later_year}, largely thanks to {industry}.",
            "Local history is not only about dates but about the [ordinary|everyday] people who [lived|worked] here "
            "before us.",
            "If you have [old photographs|any old pictures] of {building}, the local history society would [love|be "
            "delighted] to hear from you.",
            "It is [striking|remarkable] how many houses from that period are still [standing|lived in] today.",
            "In the old churchyard, some of the [inscriptions|gravestones] say a great deal about [life at the "
            "time|the hardships of the period].",
            "[My grandfather|An old neighbour] used to tell stories about {building} that nobody had ever written "
            "down.",
            "The town council minutes from {year} mention {industry} on almost every page.",
        ),
        slots={
            "topic": ("local history",),
            "building": ("the old mill", "the parish church", "the railway station", "the market hall",
                         "the former brewery", "the stone bridge", "the village school", "the town hall"),
            "source": ("the parish records", "old newspaper archives", "a box of letters found in an attic",
                       "maps from the county archive", "a collection of postcards", "the diary of a local teacher"),
            "industry": ("wool", "coal mining", "shipbuilding", "brewing", "paper making", "lace making", "fishing"),
            "event": ("a great flood", "a terrible fire", "the arrival of the railway", "a long strike",
                      "an outbreak of cholera"),
        },
        anchors=("building", "industry", "source", "event"),
    ),
    "technology": _Topic(
        titles=(
            "Giving {device} a second life",
            "What I learned from {problem}",
            "A simple setup for backups at home",
            "Why I switched to {software}",
            "Technology that actually makes life easier",
        ),
        sentences=(
            "Last {month} I decided to give {device} a second life instead of buying [something new|a replacement].",
            "Installing {software} took less than {num} minutes, and the machine suddenly felt [fast|usable] "
            "again.",
            "The real trouble started with {problem}, which of course happened on a [Sunday|Friday] evening.",
            "Since then I back up [important|all my] files every {weekday}, and one copy [lives|sits] at [my parents' "
            "house|a friend's flat].",
            "Many people [throw away|replace] devices that only need a [new|fresh] battery or a [clean "
            "installation|good clean].",
            "My [brother|cousin], who works in IT in {city}, laughed at my cable management but [approved of|praised] "
            "the rest.",
            "The whole setup cost about {num} pounds, mostly for a new [power supply|battery] and a [quiet|silent] "
            "fan.",
            "Updates are important, but I now wait [a few days|a week] before installing them on the [main|family] "
            "computer.",
            "I was [surprised|shocked] by how much [energy|electricity] the old equipment used when it was "
            "[supposedly|apparently] switched off.",
            "A password manager is [the single best|easily the most useful] change I have made to my [digital habits|"
            "online life].",
            "Reading the manual is [boring|tedious], but it would have saved me at least {small} hours of "
            "[guessing|frustration].",
            "The repair cafe in {city} meets [once a month|every other {weekday}] and fixes everything from [toasters|"
            "lamps] to laptops.",
            "[Technology|A computer] should work for us, not [the other way around|against us], [and I try to remember "
            "that|at least in my house].",
            "After {problem} I finally understood why everybody recommends keeping [three|several] copies of "
            "important data.",
            "My children now use {device} for homework, and it runs [perfectly well|without complaint].",
            "It is tempting to chase the [newest|latest] gadget, but older hardware is [often|usually] more than good "
            "enough.",
            "Online forums were full of [conflicting|contradictory] advice, so I tested each suggestion [one by one|"
            "myself].",
            "Screen time in our house dropped [noticeably|sharply] once the television moved out of the [living room|"
            "kitchen].",
            "Good tools are [quiet|invisible], and you [only|really only] notice them when they [fail|break].",
            "I wrote down [every step|each step], partly for this blog and partly for [my future self|the next time "
            "something breaks].",
            "[My father|A neighbour] now wants the same setup, so I [suppose|guess] I have a new weekend job.",
            "The battery in {device} still lasts [most of a day|a good few hours], which is plenty for our needs.",
        ),
        slots={
            "topic": ("technology at home",),
            "device": ("an old laptop", "a second-hand tablet", "a cheap single-board computer", "my old home router",
                       "a refurbished phone", "a small home server", "an old e-reader"),
            "software": ("a lightweight Linux distribution", "an open-source password manager", "a free photo editor",
                         "a simple backup tool", "an offline note-taking app"),
            "problem": ("a failing hard drive", "a painfully slow wireless connection", "an update that broke "
                        "everything", "a forgotten password", "a full memory card"),
        },
        anchors=("device", "software", "problem"),
    ),
    "health": _Topic(
        titles=(
            "{days} weeks of {habit}: what changed",
            "Small habits that helped {body}",
            "What {doctor} told me about sleep",
            "Simple changes for a healthier winter",
            "Why I stopped skipping breakfast",
        ),
        sentences=(
            "For the last {num} weeks I have made a point of {habit} [every single day|almost every day].",
            "The change in {body} was [noticeable|obvious] after about [two|three] weeks.",
            "When I mentioned this to {doctor}, the answer was simple: [consistency|regularity] matters more than "
            "[intensity|effort].",
            "I am not a [medical professional|doctor], so please read this as [personal experience|one person's story] "
            "rather than advice.",
            "Breakfast is now usually {food}, which keeps me [full|going] until [lunchtime|noon].",
            "[Sleep|A proper night's sleep] turned out to be the [foundation|basis] for everything else.",
            "On [busy|hectic] days I simply do a [shorter|quicker] version instead of skipping it "
            "[entirely|altogether].",
            "A friend in {city} joined me [by video call|every morning], which made it [much|far] easier to [stay "
            "motivated|keep going].",
            "The [hardest|trickiest] part was not the effort itself but [remembering to do it|finding the time].",
            "Studies suggest that around {pct} percent of adults do not move [enough|nearly enough] during the "
            "[day|working week].",
            "I started tracking {body} in a [simple|small] notebook, and the patterns were [surprisingly|remarkably] "
            "clear.",
            "Sugar was the habit I found [hardest|most difficult] to break, especially [in the afternoon|at the "
            "office].",
            "Walking to work [twice|three times] a week adds about {num} minutes to my journey, but I arrive in a "
            "[better|much better] mood.",
            "If something hurts, stop and ask {doctor} before [carrying on|continuing].",
            "Cooking at home also saved us a [fair amount|surprising amount] of money [each month|over the winter].",
            "Good habits stick when they are [easy|convenient], so I keep my [running shoes|walking boots] right next "
            "to the [door|bed].",
            "My mood in the [dark|long] winter months is [much|far] more stable than it used to be.",
            "Nobody needs a perfect routine, and a [good enough|modest] routine that you actually follow is [far|much] "
            "better.",
            "Drinking a glass of water [first thing in the morning|before breakfast] is the [easiest|simplest] change "
            "I have ever made.",
            "By {month} the new routine no longer felt like [a chore|hard work|an obligation].",
            "[My partner|A colleague] noticed the difference before I did, which was [oddly|strangely] encouraging.",
            "I [still|occasionally] have [lazy|slow] weeks, but I no longer feel [guilty|bad] about them.",
        ),
        slots={
            "topic": ("healthy habits",),
            "habit": ("taking a short walk after dinner", "stretching for ten minutes in the morning",
                      "going to bed before eleven", "drinking more water", "cooking at home",
                      "taking the stairs at work", "switching off screens an hour before bed"),
            "body": ("my back", "my knees", "my sleep", "my energy levels", "my digestion"),
            "doctor": ("my doctor", "a physiotherapist", "a nutritionist", "the pharmacist on the corner"),
            "food": ("porridge with berries", "a bowl of vegetable soup", "a handful of nuts and an apple",
                     "plain yoghurt with fruit", "wholemeal toast with an egg"),
            "days": ("Six", "Eight", "Ten", "Twelve"),
        },
        anchors=("habit", "body", "doctor"),
    ),
    "sports": _Topic(
        titles=(
            "Training for {race} after forty",
            "My favourite route: {route}",
            "Coming back from {injury}",
            "What running with {club} taught me",
            "A race report from {city}",
        ),
        sentences=(
            "In {month} I signed up for {race}, [mostly|mainly] to give my training a clear [goal|purpose].",
            "My usual route follows {route}, which is [flat|gentle], quiet and [pleasantly shaded|lit in the "
            "evenings].",
            "[Three|Four] runs a week turned out to be the [right amount|sweet spot] for my age and my [schedule|job].",
            "After {injury} I had to take almost {num} days off, which was harder [mentally|on the mind] than "
            "physically.",
            "Running with {club} on {weekday} mornings made the early starts [far|much] more [enjoyable|bearable].",
            "The first kilometre always feels [heavy|awful], but the body warms up after [ten|fifteen] minutes or so.",
            "On race day about {big} runners gathered at the [start|starting line], and the atmosphere was "
            "[fantastic|electric].",
            "My finishing time was not [spectacular|impressive], but I ran the second half [faster|a little faster] "
            "than the first.",
            "A coach named {name} once told me to run [slowly|easy] most of the time, and it was [excellent|the best] "
            "advice.",
            "Good shoes are worth the [money|investment], but you do not need the most [expensive|fashionable] model "
            "in the shop.",
            "In hot weather I run [early|at dawn], before the streets of {city} get [busy|crowded].",
            "Stretching afterwards takes only a [few|couple of] minutes and has kept me free of [serious|major] "
            "injuries [so far|since then].",
            "Keeping a training [log|diary] showed me that I had been running [too fast|far too hard] on "
            "[easy|recovery] days.",
            "The last {small} kilometres of the race were [tough|brutal], but the [cheering crowd|spectators] made all "
            "the difference.",
            "Rest days are part of the [training|plan], not a sign of [weakness|laziness].",
            "My partner thinks the hobby is [slightly|a little] crazy but comes along to [every race|most races] with "
            "a flask of [tea|coffee].",
            "Hills are my weakness, so every {weekday} I do short repeats on a steep [street|lane] near [home|the "
            "park].",
            "Running has become my way of exploring {city}, one neighbourhood at a time.",
            "About an hour before a [long run|race] I eat something light, usually [toast with honey|a banana].",
            "Nobody [cares|minds] how fast you are, and what matters is that you keep [showing up|going].",
            "[In winter|On dark evenings] a head torch and a [bright|reflective] jacket are the only extra kit I "
            "[really|actually] need.",
            "The [volunteers|marshals] at {race} deserve a medal of their own for standing in the [rain|cold].",
        ),
        slots={
            "topic": ("running",),
            "race": ("a local ten-kilometre race", "a half marathon", "a trail race in the hills", "a charity fun run",
                     "the autumn city marathon"),
            "route": ("the canal towpath", "a loop around the lake", "the old railway line",
                      "the forest trail behind the school", "the riverside path"),
            "injury": ("a sore calf", "a twisted ankle", "a nagging knee problem", "an inflamed tendon"),
            "club": ("the local running club", "a small group of parents from school", "two colleagues from work",
                     "my neighbour"),
        },
        anchors=("race", "route", "club"),
    ),
    "music": _Topic(
        titles=(
            "Learning {instrument} as an adult",
            "Why I joined {ensemble}",
            "Notes from a rehearsal in {city}",
            "What twenty minutes of practice a day can do",
            "Practising {piece}, one bar at a time",
        ),
        sentences=(
            "I started learning {instrument} at the age of [forty|forty-five], and I [wish|sometimes wish] I had done "
            "it [sooner|years ago].",
            "My teacher, {name}, insists on scales [before anything else|at every lesson], which I "
            "[grudgingly|reluctantly] accept.",
            "This month I have been working on {piece}, one bar at a time.",
            "Playing in {ensemble} has taught me to [listen|pay attention] to others rather than [only to myself|to my "
            "own part].",
            "We rehearse every {weekday} evening in a [church hall|school gym] that is always slightly too "
            "[cold|warm].",
            "Twenty minutes of [focused|careful] practice is worth [more|far more] than two hours of "
            "[distracted|aimless] playing.",
            "Our last concert in {city} attracted about {audience} people, far more than we had [expected|hoped for].",
            "Recording myself on the phone was [painful|embarrassing] at first, but it showed me [exactly|precisely] "
            "where the problems were.",
            "The [hardest|trickiest] passage took me almost {num} days to play [cleanly|in tempo].",
            "Music theory seemed [dry|pointless] at school, but it makes [much|far] more sense now that I can "
            "[hear|play] it.",
            "A second-hand instrument is a [perfectly good|sensible] way to start, as long as someone [who "
            "knows|experienced] has checked it.",
            "Some evenings nothing seems to work, and then I [simply|just] play [songs|pieces] I already know [for "
            "fun|to relax].",
            "The conductor has a gift for explaining [difficult|awkward] rhythms with [funny|silly] stories.",
            "Learning by ear is [slower|harder] for me, but it helps me remember a [tune|melody] for [much "
            "longer|years].",
            "Before every [performance|concert] I feel [nervous|sick with nerves] for a few minutes, and then it "
            "passes.",
            "Apart from classical pieces we also play [pop songs|film music] arranged by one of the members.",
            "Playing music with others is one of the [few|rare] things that makes me forget the time "
            "[completely|entirely].",
            "My neighbours have been [very|remarkably] patient, although I suspect they know {piece} by heart by now.",
            "A metronome is annoying, honest and [absolutely|utterly] necessary, [at least for me|whatever people "
            "say].",
            "After {num} weeks I finally noticed that my fingers were moving without me [thinking about|worrying "
            "about] every note.",
            "[At the last rehearsal|Last {weekday}] we played {piece} from start to finish without stopping once.",
            "Tea and biscuits after rehearsal are, [I admit|let us be honest], half the reason I keep going.",
        ),
        slots={
            "topic": ("making music",),
            "instrument": ("the piano", "the guitar", "the cello", "the violin", "the accordion", "the ukulele",
                           "the clarinet"),
            "piece": ("a short prelude by Bach", "an old folk song", "a simple waltz", "a jazz standard",
                      "a sonata by Haydn", "a traditional Irish tune", "a minuet by Mozart"),
            "ensemble": ("a small community choir", "an amateur orchestra", "a folk band that plays in pubs",
                         "a brass band", "a trio with two friends"),
            "audience": ("sixty", "eighty", "a hundred", "nearly two hundred"),
        },
        anchors=("instrument", "piece", "ensemble"),
    ),
}

_EN_SPAM = _Spam(
    stuffing_keywords=("cheap flights", "best price", "buy now", "discount shoes", "free shipping", "cheap hotels",
                       "online deals", "lowest price guaranteed", "best deals", "cheap car insurance", "sale today",
                       "cheap watches"),
    gibberish_units=("ka", "lo", "mer", "tiv", "sna", "bre", "qu", "zo", "plim", "dra", "ex", "vun", "ost", "ri", "gla",
                     "fen", "wub", "trok", "ul", "yam", "cri", "nob", "esh", "pla"),
    link_templates=("Cheap hotels in {city}", "{city} restaurants", "Used cars {city}", "Best {product} deals",
                    "Buy {product} online", "{product} reviews", "Jobs in {city}", "{city} real estate",
                    "Cheap {product}", "{product} sale", "{city} weather forecast", "Free {product} samples",
                    "{city} taxi service", "Compare {product} prices"),
    link_slots={
        "city": (*_EN_SLOTS["city"], "London", "Manchester", "Liverpool"),
        "product": ("laptops", "phones", "shoes", "watches", "sofas", "bikes", "tyres", "perfume", "glasses",
                    "mattresses", "car insurance", "loans"),
    },
    gambling_terms=("casino", "online casino", "slots", "poker", "sports betting", "jackpot", "roulette", "free spins"),
    gambling_lines=("Best {term} online!!!", "Get {bonus} free spins now at {domain}!",
                    "Play {term} and win big today!!!", "Huge jackpot waiting for you!!!", "Click here: {domain}",
                    "No deposit {term} bonus!!!", "Sign up now and claim your {bonus} bonus!",
                    "{term} {term} {term} at {domain}!!!", "Win real money with {term}!!!",
                    "Register today, cash out tomorrow!!!"),
    gambling_titles=("Best {term} bonus - {domain}", "{term} - win big today!!!", "Free {term} - {bonus} bonus"),
    adult_terms=("xxx", "adult", "sex cams", "adult dating", "hot singles", "live cams", "18+ videos"),
    adult_lines=("Hot {term} free now!!!", "Watch {term} at {domain}!!!", "Click here for {term}!!!",
                 "{term} {term} {term} - no registration!!!", "Meet {term} in your area tonight!!!",
                 "Free {term} 24/7 at {domain}", "Only for adults 18+!!! Enter now!", "Best {term} site online!!!"),
    adult_titles=("Free {term} - {domain}", "{term} - hot and free!!!", "Best {term} online"),
    directory_titles=("Useful links", "Web directory: {city}", "Partner sites", "Top links for {city}"),
)

_EN_CHROME = _Chrome(
    home=("Home", "Start"),
    nav_items=("News", "About", "Contact", "Archive", "Recipes", "Travel", "Garden", "Blog", "Events", "Shop",
               "Newsletter", "Search", "Categories", "Photos"),
    copyright=("© {year} {site}. All rights reserved.", "Copyright {year} {site}", "© {site} {year}"),
    legal_links=("Privacy policy", "Terms of use", "Cookie settings", "Imprint", "Accessibility", "Sitemap"),
    extras=("We use cookies to improve your experience on our website.",
            "This site uses cookies. By continuing to browse, you agree to their use.", "Contact us: hello@example.com",
            "Follow us on social media"),
    sidebar_titles=("Related articles", "Popular posts", "You may also like", "Recent posts", "Read more"),
    site_first=("Green", "Little", "Northern", "Quiet", "Open", "Riverside", "Blue", "Honest", "Slow", "Old Town",
                "Hilltop", "Wild"),
    site_second=("Kitchen", "Journal", "Notes", "Post", "Gazette", "Diary", "Corner", "Times", "Review", "Workshop",
                 "Chronicle", "Almanac"),
    site_joiner=" ",
)


# =============================================================================================
# German
# =============================================================================================
# Slot fillers carry their own case: "_dat" fillers are dative phrases, nouns that appear with an
# article in several cases are feminine or neuter (nominative = accusative), plurals end in -n so
# the dative needs no extra ending.

_DE_SLOTS: dict[str, tuple[str, ...]] = {
    "first": ("Anna", "Jonas", "Katrin", "Thomas", "Sabine", "Michael", "Julia", "Stefan", "Petra", "Markus", "Lena",
              "Andreas", "Birgit", "Florian"),
    "last": ("Müller", "Schneider", "Becker", "Hoffmann", "Wagner", "Schulz", "Keller", "Brandt", "Vogel", "Lorenz",
             "Krüger", "Seidel"),
    "city": ("Freiburg", "Leipzig", "Münster", "Bamberg", "Kassel", "Rostock", "Regensburg", "Heidelberg", "Erfurt",
             "Lübeck", "Augsburg", "Göttingen", "Passau", "Potsdam"),
    "weekday": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "month": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
              "Dezember"),
    "season": ("Frühling", "Sommer", "Herbst", "Winter"),
    "small": ("drei", "vier", "fünf", "sechs", "sieben", "acht"),
}

_DE_INTROS = (
    "Über das Thema {topic} wollte ich schon [lange|seit Jahren|ewig] schreiben, und in diesem {season} habe ich "
    "endlich Zeit dafür gefunden.",
    "Eine Leserin aus {city} hat mich [neulich|vor kurzem|letzte Woche] gefragt, wie ich zum Thema {topic} gekommen "
    "bin, deshalb hier die [ausführliche|ehrliche|lange] Antwort.",
    "Am vergangenen {weekday} habe ich [fast den ganzen Nachmittag|den halben Abend|einen verregneten Vormittag] über "
    "das Thema {topic} nachgedacht, und einige Gedanken möchte ich hier teilen.",
    "Dieser Beitrag liegt schon seit {month} in meinen Entwürfen, [vor allem|hauptsächlich] weil ich meine Meinung "
    "zum Thema {topic} immer wieder geändert habe.",
    "Zum Thema {topic} bin ich [eher zufällig|ganz ohne Plan|mehr oder weniger zufällig] gekommen, während eines "
    "langen Wochenendes in {city} vor ungefähr {num} Jahren.",
    "Im Internet gibt es [unzählige|jede Menge] Ratschläge zum Thema {topic}, doch [nur wenige|kaum welche] davon "
    "passen zu meinen eigenen Erfahrungen.",
    "{first} aus {city} drängt mich seit Monaten, meine Notizen zum Thema {topic} endlich zu ordnen, also [hier "
    "sind sie|bitte sehr].",
    "Hätte mir jemand vor {num} Jahren gesagt, dass ich einmal über das Thema {topic} schreibe, hätte ich [nur "
    "gelacht|es nicht geglaubt].",
    "Wer mich kennt, weiß, dass mich das Thema {topic} schon seit [der Schulzeit|dem Studium|meiner Kindheit] "
    "begleitet.",
    "Jedes Jahr nehme ich mir vor, mich intensiver mit dem Thema {topic} zu beschäftigen, und diesmal hat es "
    "[tatsächlich|wirklich] geklappt.",
)

_DE_GENERIC = (
    "Wie {name} einmal zu mir sagte, kommt es [viel mehr|weit mehr] auf die kleinen Details an als auf [teure "
    "Ausrüstung|schickes Zubehör|die neuesten Geräte].",
    "Ich habe [ungefähr|etwa|rund] {num} Versuche gebraucht, bis ich [verstanden hatte|begriffen hatte], was ich "
    "falsch machte.",
    "Meine Nachbarin hat [zuerst gelacht|erst den Kopf geschüttelt], als ich ihr den [Plan|Gedanken] erklärt habe, "
    "doch [ein paar Wochen später|schon bald] hat sie ihre Meinung [geändert|revidiert].",
    "Nichts davon passiert über Nacht, und wer [schnelle|sofortige] Ergebnisse verspricht, will [meistens|in der "
    "Regel] etwas verkaufen.",
    "Ich führe ein [einfaches|kleines|abgegriffenes] Notizbuch, und ein Blick [zurück|hinein] ist [oft|meistens] "
    "hilfreicher als [jedes Fachbuch|jedes Video].",
    "Die ersten {small} Wochen waren, ehrlich gesagt, [ziemlich frustrierend|eine echte Geduldsprobe|mühsam].",
    "Ein [kurzes|zufälliges] Gespräch mit {name} in {city} hat meine Sicht auf das Ganze [verändert|auf den Kopf "
    "gestellt].",
    "Am meisten hat mich [überrascht|erstaunt], wie wenig Geld man für den [Anfang|Einstieg] [braucht|tatsächlich "
    "braucht].",
    "Natürlich lief nicht alles [nach Plan|glatt], und ich habe [unterwegs|am Anfang] [viele|etliche|einige dumme] "
    "Fehler gemacht.",
    "An einem [guten|entspannten] Tag dauert das Ganze keine {num} Minuten, an einem schlechten Tag geht [der ganze "
    "Abend|der halbe Sonntag] dafür drauf.",
    "In {city} gibt es eine [kleine|feste] Gruppe, die sich jeden {weekday} trifft, und ihre Tipps sind für mich [Gold "
    "wert|unbezahlbar].",
    "Ich würde mich nicht als [Experten|Profi] bezeichnen, aber ich habe [viel|eine Menge] gelernt, [oft auf die harte "
    "Tour|meistens durch Ausprobieren].",
    "Der beste Rat, den ich [je|jemals] bekommen habe, war zugleich der [einfachste|schlichteste]: [klein anfangen und "
    "geduldig bleiben|jeden Tag ein bisschen].",
    "Nach meinem [letzten|vorigen] Beitrag haben mir [mehrere|einige] Leser geschrieben, und manche ihrer Fragen waren "
    "[wirklich gut|ausgezeichnet].",
    "Im Rückblick hätte ich mir [gewünscht|sehr gewünscht], dass mir das jemand [am Anfang|gleich zu Beginn] erklärt.",
    "{first} macht das seit über {num} Jahren und sagt gern, dass [Ausdauer|Geduld|Regelmäßigkeit] wichtiger ist "
    "als Talent.",
    "Laut einer Umfrage, die ich im {month} gelesen habe, geben etwa {pct} Prozent der Anfänger [im ersten Jahr|"
    "nach wenigen Monaten] wieder auf.",
    "An meinen [ersten|allerersten] Versuch erinnere ich mich noch [genau|gut], und [schön war er nicht|er war eine "
    "kleine Katastrophe].",
    "Die gute Nachricht ist, dass [die meisten|fast alle] Probleme [ganz einfache|erstaunlich banale] Ursachen haben.",
    "Ende {month} waren endlich [echte|deutliche] Fortschritte zu sehen, auch wenn es [langsam|in kleinen Schritten] "
    "voranging.",
    "Freunde fragen mich [manchmal|öfter], ob sich der [Aufwand|ganze Zeitaufwand] lohnt, und meine Antwort ist "
    "[immer|jedes Mal] dieselbe: ja.",
    "Im Laufe der Jahre habe ich {small} verschiedene [Ansätze|Methoden] ausprobiert, und jeder hat mir etwas "
    "[Neues|Wichtiges] beigebracht.",
    "Einige Leser wollten wissen, was das [alles|Ganze] kostet, deshalb habe ich diesmal [jede Ausgabe|jeden Beleg] "
    "notiert.",
    "Manchmal ist der [wichtigste|hilfreichste] Schritt, einfach aufzuschreiben, was man [gemacht|versucht] hat und "
    "was dabei [herausgekommen ist|passiert ist].",
    "Mein Tipp: Sprechen Sie mit Leuten aus Ihrer [Gegend|Stadt], denn Erfahrung vor Ort ist durch nichts zu "
    "[ersetzen|übertreffen].",
    "[Ehrlich gesagt|Meiner Erfahrung nach] ist der erste Monat der [schwerste|härteste], danach wird es "
    "[leichter|deutlich einfacher].",
    "Das Schönste ist für mich [oft|manchmal] gar nicht das Ergebnis, sondern die [ruhige|stille] Stunde, die ich "
    "damit verbringe.",
)

_DE_CLOSINGS = (
    "Wenn Sie eigene [Erfahrungen|Erlebnisse] zum Thema {topic} haben, freue ich mich über Ihren [Kommentar|Beitrag "
    "unten].",
    "Im [nächsten|kommenden] Beitrag beantworte ich ein paar Fragen aus den Kommentaren, bis dahin [vielen Dank fürs "
    "Lesen|herzliche Grüße].",
    "Ich bin [gespannt|neugierig], wie es im nächsten {season} weitergeht, und werde [natürlich|selbstverständlich] "
    "berichten.",
    "Falls Sie in der Nähe von {city} wohnen, schreiben Sie mir gern, vielleicht können wir uns [einmal "
    "austauschen|auf einen Kaffee treffen].",
    "Das war es für [heute|dieses Mal], und ich hoffe, der eine oder andere Gedanke war [hilfreich|nützlich].",
    "Haben Sie Fragen oder [ganz|völlig] andere Erfahrungen gemacht? Dann [schreiben Sie mir gern|melden Sie sich].",
    "Für mich steht [jedenfalls|auf jeden Fall] fest, dass mich das Thema {topic} noch [lange|viele Jahre] begleiten "
    "wird.",
    "Vielen Dank an alle, die mir in den [letzten|vergangenen] Wochen mit [Tipps|Ratschlägen] und Ideen geholfen "
    "haben.",
)

_DE_NOTES = (
    "Nachtrag: Eine Leserin hat mich auf einen Fehler hingewiesen, der inzwischen korrigiert ist.",
    "Alle Fotos in diesem Beitrag stammen von mir.",
    "Dieser Artikel erschien zuerst auf meinem alten Blog.",
    "Ergänzung: Nach einigen Fragen in den Kommentaren habe ich ein paar Details hinzugefügt.",
    "Danke an {first} für das Gegenlesen.",
    "Dieser Beitrag wurde im {month} aktualisiert.",
    "Die Kommentarfunktion ist nach den Spam-Problemen der letzten Woche wieder offen.",
    "Einige Links in diesem Beitrag führen zu meinen älteren Artikeln über dasselbe Thema.",
)

_DE_TOPICS: dict[str, _Topic] = {
    "cooking": _Topic(
        titles=(
            "So gelingt {dish} garantiert",
            "Ein Rezept für den Alltag: {dish}",
            "Was ich von {relative_dat} über das Kochen gelernt habe",
            "Kochen mit {veg} vom Wochenmarkt",
            "Aus meiner Küche: {dish}",
        ),
        sentences=(
            "Mein Rezept für {dish} stammt von {relative_dat}, auch wenn ich es [im Laufe der Jahre|mit der Zeit] "
            "[ziemlich|deutlich] verändert habe.",
            "Zuerst dünste ich {veg} in etwas [Olivenöl|Butter] bei [niedriger|mittlerer] Hitze an.",
            "Nach etwa {num} Minuten duftet die [ganze|halbe] Küche, und das Gemüse ist [weich und süß|zart und "
            "glänzend].",
            "Ein Löffel {ingredient} ganz am Ende macht einen [erstaunlichen|riesigen|spürbaren] Unterschied.",
            "Laut {relative_dat} braucht gutes Essen [keine komplizierten Zutaten|keinen großen Aufwand].",
            "Das meiste Gemüse kaufe ich {market}, wo die Preise [fair|anständig] und die Qualität [ausgezeichnet|"
            "sehr gut] sind.",
            "Wer keine {veg} bekommt, kann fast jedes andere [Saisongemüse|Gemüse der Saison] verwenden.",
            "Ich habe das Rezept {small} Mal getestet, bis [Salz und Säure|Süße und Schärfe] im richtigen "
            "Verhältnis standen.",
            "Der Ofen sollte [gut|ordentlich] vorgeheizt sein, etwa auf {temp} Grad, damit die Oberfläche "
            "[goldbraun|schön knusprig] wird.",
            "Reste halten sich im Kühlschrank [zwei bis drei|ein paar] Tage und schmecken am nächsten Tag oft "
            "[sogar besser|noch besser].",
            "Meine Kinder waren anfangs [skeptisch|misstrauisch], inzwischen wünschen sie sich [jede Woche|ständig] "
            "{dish}.",
            "Ein typischer Anfängerfehler von mir war, {ingredient} [zu früh|viel zu früh] hinzuzufügen.",
            "Für ein schnelles Mittagessen gibt es dazu [eine Scheibe Brot|etwas Reis] und einen grünen Salat.",
            "Das Gericht verzeiht [kleine|kleinere] Fehler und eignet sich deshalb [wunderbar|perfekt] für "
            "[Anfänger|Kochmuffel].",
            "Für eine [vierköpfige|vierköpfige hungrige] Familie kostet das [ganze|komplette] Essen weniger als "
            "{price} Euro.",
            "Eine Freundin aus {city} hat mir geraten, etwas {ingredient} dazuzugeben, und seitdem mache ich es "
            "[nie mehr anders|nur noch so].",
            "An kalten Abenden gehört {dish} bei uns [inzwischen|mittlerweile] einfach dazu.",
            "Entscheidend ist das Timing: Die Pfanne kommt vom Herd, sobald {veg} [leicht|ein wenig] Farbe "
            "[annehmen|bekommen].",
            "Die Soße bereite ich gern [schon am Vortag|am Abend vorher] zu, weil sich die Aromen über Nacht "
            "[besser verbinden|entfalten].",
            "Beim Kochen sollte man [ruhig|immer wieder] zwischendurch probieren und [nachwürzen|abschmecken].",
            "Am {weekday} koche ich meistens [etwas größere Mengen|die doppelte Menge] und friere einen Teil ein.",
            "[Gute|Frische] Zutaten erledigen [den größten Teil|fast alles] der Arbeit, man darf ihnen nur nicht im "
            "Weg stehen.",
        ),
        slots={
            "topic": ("Kochen",),
            "dish": ("eine Linsensuppe", "ein Pilzrisotto", "eine Kürbissuppe", "ein Kartoffelgratin",
                     "eine Gemüselasagne", "ein Linsencurry", "eine Quiche mit Lauch", "eine Tomatentarte",
                     "ein Hühnerfrikassee", "ein Ratatouille"),
            "veg": ("Zwiebeln", "Karotten", "Kartoffeln", "Tomaten", "Zucchini", "Auberginen", "Paprikaschoten",
                    "Champignons"),
            "ingredient": ("Senf", "Honig", "Zitronensaft", "Sahne", "Butter", "Kreuzkümmel", "Paprikapulver", "Ingwer",
                           "Parmesan", "Joghurt"),
            "market": ("auf dem Wochenmarkt", "im Hofladen um die Ecke", "beim türkischen Gemüsehändler",
                       "auf dem Bauernmarkt am Samstag"),
            "relative_dat": ("meiner Großmutter", "meiner Tante", "meinem Vater", "einer alten Schulfreundin",
                             "meiner Schwiegermutter", "einem Koch, mit dem ich früher gearbeitet habe"),
            "temp": ("180", "190", "200", "220"),
            "price": ("acht", "zehn", "zwölf", "fünfzehn"),
        },
        anchors=("dish", "relative_dat"),
    ),
    "travel": _Topic(
        titles=(
            "{days} Tage in {region} ohne Auto",
            "Warum ich immer wieder nach {region} fahre",
            "Eine Woche in {town} mit kleinem Budget",
            "Reisenotizen aus {town}",
            "Unterwegs in {region}, langsam und ohne Eile",
        ),
        sentences=(
            "Spät am Abend kamen wir in {town} an, [müde, aber voller Vorfreude|erschöpft, aber glücklich], nach "
            "einer langen Fahrt mit {transport_dat}.",
            "Als Unterkunft hatten wir erst [wenige Tage|eine Woche] vor der Abreise {lodging} gebucht.",
            "Die Wirtin, eine [herzliche|gesprächige|fröhliche] Frau namens {host}, gab uns eine "
            "[handgezeichnete|selbst gemalte] Karte mit ihren [Lieblingsorten|Geheimtipps].",
            "Wer mit {companion_dat} unterwegs ist, muss [ständig|jeden Tag] umplanen, und genau das macht den "
            "[Reiz|Charme] aus.",
            "Am nächsten Morgen liefen wir am [Fluss|Hafen] entlang, bis die Altstadt hinter uns [verschwand|"
            "zurückblieb].",
            "Eine einfache Fahrkarte kostete etwa {num} Euro, was für eine Strecke von fast {hours} Stunden sehr "
            "[günstig|fair] war.",
            "Einen [ganzen|langen] Nachmittag verbrachten wir in einem [kleinen|winzigen] Museum, das in den meisten "
            "Reiseführern nicht einmal [erwähnt wird|vorkommt].",
            "Das Wetter in {region} ändert sich [schnell|innerhalb von Minuten], deshalb gehört selbst im "
            "[Sommer|Juli] eine [Regenjacke|leichte Regenjacke] ins Gepäck.",
            "Einige der [besten|schönsten] Mahlzeiten der Reise gab es in [Lokalen|kleinen Gasthäusern] ohne "
            "Speisekarte.",
            "Am [dritten|vierten] Tag fuhren wir mit {transport_dat} die Küste entlang und sahen die "
            "[Dörfer|Fischerdörfer] vorbeiziehen.",
            "Vor jeder Reise lese ich [ein wenig|ein paar Kapitel] über die Geschichte der Gegend, und danach sieht "
            "man [alles|die Straßen] mit anderen Augen.",
            "Wer alles im Voraus bucht, spart [Geld|etwas Geld], verliert aber auch [ein Stück Freiheit|die Freude an "
            "Überraschungen].",
            "Der eigentliche Höhepunkt der Woche war ein [Gespräch|langer Plausch] mit einem alten [Fischer|Bäcker], "
            "der sein ganzes Leben in {town} verbracht hat.",
            "Wer im {month} reist, trifft auf weniger Touristen und [etwas kühlere|ruhigere] Abende.",
            "Wir liefen täglich etwa {km} Kilometer, was uns anfangs [viel|zu viel] vorkam, bis wir [uns daran gewöhnt "
            "hatten|unseren Rhythmus gefunden hatten].",
            "Langsames Reisen [zwingt|bringt] einen dazu, Dinge wahrzunehmen, die man aus dem Autofenster "
            "[übersehen|nie sehen] würde.",
            "Die Heimfahrt dauerte wegen eines [Streiks|Erdrutsches|Stellwerksausfalls] [länger als geplant|einen Tag "
            "länger], aber niemand hat sich beschwert.",
            "Nächstes Jahr möchte ich [unbedingt|gern] wieder nach {region}, und ich habe schon angefangen, darüber zu "
            "[lesen|recherchieren].",
            "Gute Schuhe sind wichtiger als [jedes technische Gerät, das man kaufen kann|eine teure Kamera].",
            "Die Regionalbusse in {region} sind [günstig|preiswert] und erstaunlich pünktlich.",
            "In {town} holten wir jeden Morgen Brot bei einer [Bäckerei|kleinen Bäckerei], die es schon seit [über "
            "hundert Jahren|vor dem Krieg] gibt.",
            "[Fast jeden Abend|Jeden Abend] saßen wir am [Wasser|Hafen] und planten für den nächsten Tag [überhaupt "
            "nichts|gar nichts].",
        ),
        slots={
            "topic": ("Reisen",),
            "region": ("Südtirol", "Masuren", "Istrien", "Cornwall", "Ligurien", "Kärnten", "Friesland", "Andalusien",
                       "Umbrien", "Mecklenburg", "Slowenien", "Dalmatien"),
            "town": ("Triest", "Lyon", "Porto", "Ljubljana", "Bergen", "Salzburg", "Krakau", "Gent", "Bologna", "Graz",
                     "Brügge"),
            "transport_dat": ("dem Nachtzug", "einem Regionalbus", "einer kleinen Fähre", "der alten Küstenbahn",
                              "einem langsamen Bummelzug"),
            "lodging": ("eine kleine Familienpension", "eine winzige Wohnung über einer Bäckerei", "eine Berghütte",
                        "ein ruhiges Hostel nahe dem Bahnhof", "ein altes Bauernhaus",
                        "eine Ferienwohnung mit Blick aufs Meer"),
            "host": ("Maria", "Elena", "Ingrid", "Rosa", "Marta", "Giulia"),
            "companion_dat": ("meiner Schwester", "zwei alten Freunden", "meinem Partner", "einer Kollegin",
                              "meinem Sohn"),
            "hours": ("fünf", "sechs", "sieben", "acht"),
            "km": ("zwölf", "fünfzehn", "achtzehn", "zwanzig"),
            "days": ("Zehn", "Zwölf", "Sieben", "Vierzehn"),
        },
        anchors=("region", "town", "companion_dat"),
    ),
    "gardening": _Topic(
        titles=(
            "Was in meinem Garten dieses Jahr funktioniert hat",
            "{plant} auf kleiner Fläche anbauen",
            "Gartentagebuch im {month}",
            "Wie ich {pest} ohne Gift in den Griff bekomme",
            "Was mir {weather} beigebracht hat",
        ),
        sentences=(
            "Dieses Jahr habe ich {plant} {bed} gepflanzt, und das Ergebnis war [besser als erwartet|eine "
            "angenehme Überraschung].",
            "Der Boden in unserem Teil von {city} ist schwerer Lehm, deshalb bringe ich jeden [Herbst|Winter] eine "
            "[dicke|großzügige] Schicht Kompost aus.",
            "Im {month} hat {weather} alles um mindestens [zwei|drei] Wochen zurückgeworfen.",
            "{pest} waren ein [ständiges|echtes] Problem, also bin ich [jeden Abend|nach Einbruch der Dunkelheit] mit "
            "der Taschenlampe durch die Beete gegangen.",
            "{plant} ziehe ich [im zeitigen Frühjahr|ab März] auf der Fensterbank vor und setze sie erst aus, wenn die "
            "Nächte [wärmer|frostfrei] sind.",
            "[Früh am Morgen|Vor dem Frühstück] zu gießen hält die Pflanzen [gesünder|kräftiger] und spart Wasser.",
            "{first} von nebenan zieht die besten {plant} der [ganzen|gesamten] Straße und verrät [gern|bereitwillig] "
            "ein paar [Tricks|Geheimnisse].",
            "Eine [einfache|dünne] Mulchschicht aus Stroh hat mir im Sommer [viele Stunden|ganze Nachmittage] "
            "Unkrautjäten erspart.",
            "Insgesamt habe ich rund {num} Kilo geerntet, ein Rekord für so ein [kleines|bescheidenes] Stück Land.",
            "Mischkultur klingt nach [Aberglauben|Großmutterweisheit], aber die Ringelblumen haben "
            "[tatsächlich|offenbar] einige {pest} [ferngehalten|vertrieben].",
            "Im Gewächshaus wird es nachmittags [sehr|unangenehm] heiß, deshalb öffne ich [beide Türen|alle Fenster], "
            "bevor ich zur Arbeit gehe.",
            "Nächste Saison möchte ich ein paar [alte|historische] Sorten ausprobieren, die mir eine Saatgutbörse in "
            "{city} [empfohlen|ans Herz gelegt] hat.",
            "Kaum ein anderes Hobby lehrt so viel [Geduld|Demut] wie die Arbeit im [Garten|Gemüsebeet].",
            "Ich notiere alle Aussaattermine, und es ist [erstaunlich|verblüffend], wie stark sich die Jahreszeiten "
            "von Jahr zu Jahr [unterscheiden|verschieben].",
            "Als {weather} kam, habe ich [fast die Hälfte|ein Drittel] der Jungpflanzen verloren und musste [von "
            "vorn|ganz neu] anfangen.",
            "Das Regenwasser vom Schuppendach füllt inzwischen [zwei große|drei alte] Tonnen, und das reicht [fast den "
            "ganzen Sommer|für die meisten Wochen].",
            "Kinder ernten besonders gern {plant}, deshalb gehören die [unteren|vorderen] Beete den "
            "[Jüngsten|Kleinsten] der Familie.",
            "Guter Kompost entsteht langsam, mit einer [ausgewogenen|guten] Mischung aus grünem und braunem "
            "Material.",
            "Ende [August|des Sommers] waren die Beete so [voll|zugewachsen], dass ich kaum noch dazwischen "
            "[laufen|hindurchgehen] konnte.",
            "Der Rückschnitt ist weniger [schwierig|heikel], als er aussieht, solange [das Werkzeug|die Gartenschere] "
            "scharf und sauber ist.",
            "[An warmen Abenden|Nach der Arbeit] sitze ich gern auf der [Bank|alten Bank] neben dem Beet und schaue "
            "einfach zu, wie alles wächst.",
            "Die Bienen waren den ganzen [Sommer|Juli] über fleißig, und das hat man an den {plant} [deutlich|sofort] "
            "gesehen.",
        ),
        slots={
            "topic": ("Gärtnern",),
            "plant": ("Tomaten", "Stangenbohnen", "Zucchini", "Kartoffeln", "Dahlien", "Erdbeeren", "Sonnenblumen",
                      "Gurken", "Radieschen", "Möhren"),
            "bed": ("in den Hochbeeten", "im Gewächshaus", "im Schrebergarten", "im hinteren Beet",
                    "in großen Kübeln auf der Terrasse"),
            "pest": ("Schnecken", "Blattläuse", "Wühlmäuse", "Raupen", "Tauben"),
            "weather": ("ein später Frost", "eine Woche Dauerregen", "ein ungewöhnlich trockenes Frühjahr",
                        "ein heftiges Unwetter", "eine lange Hitzewelle"),
        },
        anchors=("plant", "pest", "weather"),
    ),
    "history": _Topic(
        titles=(
            "{building}: eine kurze Geschichte",
            "Fundstücke aus dem Archiv: {event} im Jahr {year}",
            "Was {source} über unsere Stadt erzählen",
            "Auf Spurensuche in der Altstadt von {city}",
            "Als {event} unsere Stadt veränderte",
        ),
        sentences=(
            "{building} wurde {year} [errichtet|fertiggestellt], zu einer Zeit, als der [Ort|Marktflecken] kaum "
            "tausend [Einwohner|Bewohner] hatte.",
            "Die wichtigsten Quellen für diese [Jahre|Jahrzehnte] sind {source}.",
            "[Fast|Beinahe] ein Jahrhundert lang lebte die [Stadt|Gegend] vor allem {industry_von}.",
            "Im Jahr {year} veränderte {event} das Leben im Ort [fast über Nacht|innerhalb weniger Wochen].",
            "Ein Heimatforscher namens {name} hat {num} Jahre lang [Fotos|Postkarten und Fotografien] der alten "
            "Gassen gesammelt.",
            "Nach den Unterlagen wohnten damals {num} Familien in den [engen|verwinkelten] Gassen rund um den "
            "[Marktplatz|Kirchplatz].",
            "Als {later_year} die letzte [Fabrik|Spinnerei] schloss, zogen viele junge Leute in die "
            "[Großstädte|Städte].",
            "Teile der [alten|mittelalterlichen] Stadtmauer sind noch hinter dem [Parkplatz|Supermarkt|Busbahnhof] zu "
            "sehen, wenn man weiß, wo man [suchen|hinschauen] muss.",
            "Die alten Karten zeigen ein [Netz|Geflecht] von Fußwegen, das heute [fast vollständig|größtenteils] "
            "verschwunden ist.",
            "Überrascht hat mich, dass {building} während des Krieges als [Lazarett|Lager|Notunterkunft] diente.",
            "[Ältere|Alteingesessene] Bewohner erinnern sich noch an die Sirene der Fabrik, die [jeden Morgen|an jedem "
            "Werktag] um [sechs|halb sieben] heulte.",
            "Eine kleine Ausstellung in der [Stadtbibliothek|Volkshochschule] zeigt in diesem {season} viele dieser "
            "Dokumente zum ersten Mal gemeinsam.",
            "Wer {source} liest, braucht [viel|eine Menge] Geduld, weil die Handschrift oft kaum zu [entziffern|lesen] "
            "ist.",
            "Straßennamen sind [wertvolle|nützliche] Hinweise, denn viele erinnern an Handwerke, die [längst|vor "
            "langer Zeit] verschwunden sind.",
            "{source} belegen, dass der Markt bis ins [späte neunzehnte|frühe zwanzigste] Jahrhundert jeden {weekday} "
            "stattfand.",
            "Zwischen {year} und {later_year} hat sich die Einwohnerzahl mehr als verdoppelt.",
            "Heimatgeschichte besteht nicht nur aus [Jahreszahlen|Daten], sondern vor allem aus den Geschichten ganz "
            "[gewöhnlicher|einfacher] Menschen.",
            "Wer noch [alte Fotos|Bilder oder Briefe] aus dieser Zeit besitzt, sollte sich [unbedingt|gern] beim "
            "[Heimatverein|Stadtarchiv] melden.",
            "[Erstaunlich|Bemerkenswert] viele Häuser aus dieser [Zeit|Epoche] stehen heute noch.",
            "Auf dem alten Friedhof finden sich Grabsteine, deren Inschriften [viel|eine Menge] über das [damalige "
            "Leben|die harten Zeiten] erzählen.",
            "Bis {later_year} gehörte {building} der Gemeinde, danach ging das Gebäude in [private Hände|den Besitz "
            "eines Vereins] über.",
            "[Mein Großvater|Ein alter Nachbar] erzählte oft Geschichten aus dieser Zeit, die nie jemand "
            "[aufgeschrieben|festgehalten] hat.",
        ),
        slots={
            "topic": ("Heimatgeschichte",),
            "building": ("die alte Mühle", "die Pfarrkirche", "das Bahnhofsgebäude", "die Markthalle",
                         "die ehemalige Brauerei", "die Steinbrücke", "das alte Schulhaus", "das Rathaus"),
            "source": ("die Kirchenbücher", "alte Zeitungsartikel", "Briefe von einem Dachboden",
                       "die Karten im Kreisarchiv", "alte Postkarten", "die Tagebücher eines Dorflehrers"),
            "industry_von": ("von der Weberei", "vom Bergbau", "vom Schiffbau", "von den Brauereien",
                             "von der Papierherstellung", "von der Fischerei", "vom Salzhandel"),
            "event": ("ein großes Hochwasser", "ein verheerender Brand", "die Ankunft der Eisenbahn",
                      "ein langer Streik", "eine schwere Choleraepidemie"),
        },
        anchors=("building", "source", "industry_von", "event"),
    ),
    "technology": _Topic(
        titles=(
            "Zweites Leben für alte Geräte",
            "Lehren aus einem Technik-Wochenende",
            "Warum ich auf {software} umgestiegen bin",
            "Datensicherung zu Hause ganz einfach",
            "Erfahrungsbericht: {device} im Alltag",
        ),
        sentences=(
            "Im {month} habe ich beschlossen, nichts Neues zu kaufen, und {device} bekam ein [zweites Leben|neues "
            "Leben].",
            "{software} war in weniger als {num} Minuten installiert, und plötzlich lief alles wieder [flüssig|"
            "erstaunlich schnell].",
            "Richtig ärgerlich wurde es erst durch {problem}, natürlich an einem [Sonntagabend|Freitagabend].",
            "Seitdem sichere ich jeden {weekday} alle [wichtigen|persönlichen] Dateien, und eine Kopie liegt bei "
            "[meinen Eltern|einem Freund].",
            "Viele Menschen [werfen Geräte weg|ersetzen Geräte], die nur einen neuen Akku oder eine [frische "
            "Installation|gründliche Reinigung] bräuchten.",
            "Mein [Bruder|Cousin], der in {city} in der IT arbeitet, hat über meinen Kabelsalat [gelacht|gespottet], "
            "den Rest aber [gelobt|für gut befunden].",
            "Insgesamt hat mich das etwa {num} Euro gekostet, vor allem für ein neues [Netzteil|Ladegerät] und einen "
            "[leisen|lautlosen] Lüfter.",
            "Updates sind wichtig, aber inzwischen warte ich [ein paar Tage|eine Woche], bevor ich sie auf dem "
            "[Hauptrechner|Familienrechner] installiere.",
            "Überrascht hat mich, wie viel Strom die alten Geräte im [angeblich|vermeintlich] ausgeschalteten Zustand "
            "[verbrauchten|zogen].",
            "Ein Passwortmanager ist die [beste|nützlichste] Änderung, die ich an meinen [digitalen "
            "Gewohnheiten|Computergewohnheiten] je vorgenommen habe.",
            "Die Anleitung zu lesen ist [langweilig|mühsam], hätte mir aber mindestens {small} Stunden "
            "[Herumprobieren|Rätselraten] erspart.",
            "Das Repair-Café in {city} trifft sich [einmal im Monat|jeden zweiten {weekday}] und repariert alles "
            "vom [Toaster|Staubsauger] bis zum Laptop.",
            "Technik sollte uns das Leben [erleichtern|einfacher machen] und nicht umgekehrt, [daran versuche ich mich "
            "zu halten|zumindest bei uns zu Hause].",
            "Nach dieser Erfahrung verstehe ich [endlich|nun], warum alle empfehlen, [drei|mehrere] Kopien wichtiger "
            "Daten aufzubewahren.",
            "Inzwischen machen die Kinder ihre [Hausaufgaben|Schulsachen] auf dem alten Gerät, und es läuft "
            "[tadellos|ohne Murren].",
            "Es ist verlockend, dem [neuesten|aktuellsten] Gerät hinterherzujagen, doch ältere Hardware reicht "
            "[meist|fast immer] völlig aus.",
            "In den Foren gab es [widersprüchliche|völlig unterschiedliche] Ratschläge, also habe ich [einen nach dem "
            "anderen|jeden einzeln] ausprobiert.",
            "Seit der Fernseher nicht mehr im [Wohnzimmer|Esszimmer] steht, verbringen wir [deutlich|viel] weniger "
            "Zeit vor Bildschirmen.",
            "Gute Werkzeuge sind [leise|unauffällig], man bemerkt sie erst, wenn sie [ausfallen|kaputtgehen].",
            "Jeden Schritt habe ich [aufgeschrieben|notiert], zum Teil für diesen Blog und zum Teil für [mein "
            "zukünftiges Ich|die nächste Panne].",
            "[Mein Vater|Ein Nachbar] möchte jetzt dieselbe Lösung, ich habe also [offenbar|anscheinend] einen neuen "
            "Wochenendjob.",
            "Der Akku hält [fast einen ganzen Tag|ein paar gute Stunden], und das genügt uns vollkommen.",
        ),
        slots={
            "topic": ("Technik",),
            "device": ("mein alter Laptop", "ein gebrauchtes Tablet", "ein günstiger Einplatinenrechner",
                       "mein alter Router", "ein generalüberholtes Handy", "ein kleiner Heimserver",
                       "mein alter E-Book-Reader"),
            "software": ("eine schlanke Linux-Distribution", "eine freie Bildbearbeitung",
                         "ein einfaches Backup-Programm", "eine Notiz-App ohne Cloud-Zwang",
                         "ein quelloffenes Office-Paket"),
            "problem": ("eine defekte Festplatte", "ein quälend langsames WLAN", "ein Update, das alles lahmgelegt "
                        "hat", "ein vergessenes Passwort", "eine volle Speicherkarte"),
        },
        anchors=("device", "software", "problem"),
    ),
    "health": _Topic(
        titles=(
            "Kleine Gewohnheiten, große Wirkung",
            "{small} Wochen mit neuen Gewohnheiten: eine Bilanz",
            "Ein Gespräch mit {doctor_dat} über Schlaf",
            "Gesund durch den {season}",
            "Warum ich das Frühstück nicht mehr auslasse",
        ),
        sentences=(
            "Vor {small} Wochen habe ich mir vorgenommen, jeden Tag {habit}, und ich habe es [tatsächlich|"
            "wirklich] durchgehalten.",
            "{body} hat sich schon nach etwa [zwei|drei] Wochen [spürbar|deutlich] verbessert.",
            "Als ich das {doctor_dat} erzählte, war die Antwort einfach: [Regelmäßigkeit|Beständigkeit] ist "
            "wichtiger als Intensität.",
            "Ich bin kein [Mediziner|Arzt], bitte verstehen Sie das hier als [persönlichen Erfahrungsbericht|meine "
            "eigene Geschichte] und nicht als Ratschlag.",
            "Zum Frühstück gibt es jetzt meistens {food}, und das hält bis zum [Mittag|Mittagessen] satt.",
            "[Der Schlaf|Ausreichend Schlaf] hat sich als [Grundlage|Basis] für alles andere herausgestellt.",
            "An [stressigen|vollen] Tagen mache ich einfach eine [kürzere|schnellere] Version, statt ganz auszusetzen.",
            "Eine Freundin aus {city} hat per Videoanruf mitgemacht, was die Motivation [enorm|sehr] gesteigert "
            "hat.",
            "Das [Schwierigste|Schwerste] war nicht die Anstrengung selbst, sondern [überhaupt daran zu denken|die "
            "Zeit dafür zu finden].",
            "Studien zufolge bewegen sich etwa {pct} Prozent der Erwachsenen im Alltag zu wenig.",
            "In einem [einfachen|kleinen] Notizbuch halte ich fest, wie es mir jeden Tag geht, und die Muster sind "
            "[erstaunlich|überraschend] deutlich.",
            "Am schwersten fiel mir der Verzicht auf Süßes, vor allem [am Nachmittag|im Büro].",
            "[Zweimal|Dreimal] pro Woche gehe ich zu Fuß zur Arbeit, das kostet etwa {num} Minuten mehr, aber ich "
            "komme [entspannter|besser gelaunt] an.",
            "Wenn etwas wehtut, sollte man [aufhören|eine Pause machen] und vorher mit {doctor_dat} sprechen.",
            "Selbst zu kochen hat uns außerdem [eine Menge|erstaunlich viel] Geld gespart.",
            "Gute Gewohnheiten halten, wenn sie [einfach|bequem] sind, deshalb stehen meine [Laufschuhe|Wanderschuhe] "
            "direkt neben der [Tür|Haustür].",
            "In den [dunklen|langen] Wintermonaten ist meine Stimmung viel ausgeglichener als früher.",
            "Niemand braucht eine [perfekte|makellose] Routine, eine [ordentliche|bescheidene] Routine, die man "
            "wirklich durchhält, ist viel besser.",
            "Ein Glas Wasser [gleich nach dem Aufstehen|vor dem Frühstück] ist die [einfachste|leichteste] "
            "Veränderung, die ich je ausprobiert habe.",
            "Im {month} fühlte sich die neue Routine schon nicht mehr wie eine [Pflicht|Last] an.",
            "[Mein Partner|Eine Kollegin] hat den Unterschied vor mir bemerkt, und das war [seltsam|merkwürdig] "
            "ermutigend.",
            "[Faule|Träge] Wochen habe ich [immer noch|gelegentlich], aber ein schlechtes Gewissen mache ich mir "
            "[deswegen|dafür] nicht mehr.",
        ),
        slots={
            "topic": ("Gesundheit",),
            "habit": ("nach dem Abendessen spazieren zu gehen", "morgens zehn Minuten zu dehnen",
                      "vor elf Uhr ins Bett zu gehen", "mehr Wasser zu trinken", "öfter selbst zu kochen",
                      "die Treppe statt des Aufzugs zu nehmen"),
            "body": ("mein Rücken", "mein Schlaf", "meine Verdauung", "meine Konzentration", "mein Energielevel"),
            "doctor_dat": ("meiner Hausärztin", "meinem Physiotherapeuten", "einer Ernährungsberaterin",
                           "dem Apotheker an der Ecke"),
            "food": ("Haferbrei mit Beeren", "eine Schüssel Gemüsesuppe", "eine Handvoll Nüsse und ein Apfel",
                     "Naturjoghurt mit Obst", "Vollkornbrot mit Quark"),
        },
        anchors=("habit", "body", "doctor_dat"),
    ),
    "sports": _Topic(
        titles=(
            "Laufen nach vierzig: mein Weg zum Wettkampf",
            "Meine Lieblingsstrecke führt {route}",
            "Comeback nach {injury_dat}",
            "Was ich beim Laufen mit {club_dat} gelernt habe",
            "Laufbericht aus {city}",
        ),
        sentences=(
            "Im {month} habe ich mich {race_for} angemeldet, vor allem, um dem Training [ein klares Ziel|eine klare "
            "Richtung] zu geben.",
            "Meine Standardrunde führt {route}, flach, ruhig und [angenehm schattig|abends gut beleuchtet].",
            "[Drei|Vier] Läufe pro Woche haben sich für mein Alter und meinen [Alltag|Beruf] als [genau richtig|ideal] "
            "erwiesen.",
            "Nach {injury_dat} musste ich fast {num} Tage pausieren, was [mental|für den Kopf] schwerer war als "
            "körperlich.",
            "Mit {club_dat} am {weekday}morgen zu laufen, macht das frühe Aufstehen [viel leichter|erträglich].",
            "Der erste Kilometer fühlt sich immer [schwer|furchtbar] an, aber nach etwa [zehn|fünfzehn] Minuten ist "
            "der Körper warm.",
            "Am Wettkampftag standen rund {big} [Läuferinnen und Läufer|Teilnehmende] am Start, und die Stimmung war "
            "[großartig|elektrisierend].",
            "Meine Zielzeit war nicht [spektakulär|beeindruckend], doch die zweite Hälfte bin ich [schneller|etwas "
            "schneller] gelaufen als die erste.",
            "Ein Trainer namens {name} hat mir einmal geraten, [meistens|fast immer] langsam zu laufen, und das war "
            "ein [ausgezeichneter|goldrichtiger] Rat.",
            "Gute Schuhe sind ihr Geld wert, aber man braucht nicht das [teuerste|modischste] Modell im "
            "[Laden|Sportgeschäft].",
            "Bei Hitze laufe ich [früh|im Morgengrauen], bevor die Straßen von {city} [voll|belebt] werden.",
            "Dehnen nach dem Lauf dauert nur [ein paar|wenige] Minuten und hat mich bisher vor [ernsten|größeren] "
            "Verletzungen bewahrt.",
            "Ein [Trainingstagebuch|Lauftagebuch] hat mir gezeigt, dass ich an [lockeren|ruhigen] Tagen viel zu "
            "schnell unterwegs war.",
            "Die letzten {small} Kilometer waren [hart|brutal], doch die [jubelnden|begeisterten] Zuschauer haben mich "
            "ins Ziel getragen.",
            "Ruhetage gehören zum [Training|Plan] und sind kein Zeichen von [Schwäche|Faulheit].",
            "Mein Partner hält das Hobby für [leicht|ein bisschen] verrückt, kommt aber mit einer Thermoskanne "
            "[Tee|Kaffee] zu jedem Wettkampf.",
            "Bergauf bin ich schwach, deshalb laufe ich jeden {weekday} [kurze|knackige] Wiederholungen an einer "
            "steilen [Straße|Gasse] in der Nähe.",
            "Beim Laufen habe ich {city} Viertel für Viertel [neu entdeckt|kennengelernt].",
            "Etwa eine Stunde vor einem [langen Lauf|Wettkampf] esse ich eine Kleinigkeit, meistens [Toast mit "
            "Honig|eine Banane].",
            "Niemand [interessiert sich dafür|fragt danach], wie schnell man ist, wichtig ist nur, dass man "
            "[dranbleibt|weitermacht].",
            "[Im Winter|An dunklen Abenden] sind eine Stirnlampe und eine [helle|reflektierende] Jacke die einzige "
            "zusätzliche Ausrüstung, die ich [brauche|wirklich brauche].",
            "Die [Helferinnen und Helfer|Streckenposten] an der Strecke hätten selbst eine Medaille verdient, weil sie "
            "stundenlang im [Regen|Wind] standen.",
        ),
        slots={
            "topic": ("Laufen",),
            "race_for": ("für einen Zehn-Kilometer-Lauf", "für einen Halbmarathon", "für einen Berglauf",
                         "für einen Benefizlauf", "für den Stadtlauf im Herbst"),
            "route": ("am Kanal entlang", "einmal um den See", "über die alte Bahntrasse",
                      "durch den Wald hinter der Schule", "am Flussufer entlang"),
            "injury_dat": ("einer Wadenzerrung", "einem umgeknickten Knöchel", "Problemen mit dem Knie",
                           "einer Sehnenreizung"),
            "club_dat": ("dem örtlichen Lauftreff", "ein paar Eltern aus der Schule", "zwei Kollegen",
                         "meiner Nachbarin"),
        },
        anchors=("race_for", "route", "club_dat"),
    ),
    "music": _Topic(
        titles=(
            "Wie ich als Erwachsener noch {instrument} gelernt habe",
            "Warum ich jetzt in {ensemble_dat} mitspiele",
            "Probennotizen aus {city}",
            "Was zwanzig Minuten Üben am Tag bewirken",
            "Takt für Takt: {piece}",
        ),
        sentences=(
            "Mit [vierzig|fünfundvierzig] habe ich angefangen, {instrument} zu lernen, und ich [wünschte|wünsche mir "
            "manchmal], ich hätte es [früher|Jahre früher] getan.",
            "Im Unterricht bei {name} kommen Tonleitern vor allem anderen, was ich [widerwillig|zähneknirschend] "
            "akzeptiere.",
            "Diesen Monat übe ich {piece}, Takt für Takt.",
            "Das Spielen in {ensemble_dat} hat mir beigebracht, [mehr|genauer] auf die anderen zu hören als [auf mich "
            "selbst|auf meine eigene Stimme].",
            "Wir proben jeden {weekday}abend in einem [Gemeindesaal|Schulraum], in dem es [immer|meistens] ein "
            "bisschen zu [kalt|warm] ist.",
            "Zwanzig Minuten [konzentriertes|sorgfältiges] Üben bringen mehr als zwei Stunden [zerstreutes|"
            "planloses] Spielen.",
            "Zu unserem letzten Konzert in {city} kamen etwa {audience} Leute, viel mehr als [erwartet|erhofft].",
            "Mich selbst mit dem Handy aufzunehmen war anfangs [peinlich|unangenehm], hat mir aber [genau|sehr "
            "deutlich] gezeigt, wo die Probleme liegen.",
            "Für die [schwierigste|kniffligste] Stelle habe ich fast {num} Tage gebraucht, bis sie [sauber|im "
            "Tempo] klang.",
            "Musiktheorie fand ich in der Schule [trocken|sinnlos], heute ergibt sie [viel|weit] mehr Sinn, weil ich "
            "sie [hören|spielen] kann.",
            "Ein gebrauchtes Instrument ist für den Anfang [völlig|absolut] in Ordnung, solange jemand mit Erfahrung "
            "es [geprüft|angesehen] hat.",
            "An manchen Abenden klappt [gar nichts|überhaupt nichts], dann spiele ich einfach [Lieder|Stücke], die ich "
            "schon kann.",
            "Unser Dirigent erklärt [schwierige|vertrackte] Rhythmen gern mit [lustigen|albernen] Geschichten.",
            "Nach Gehör zu lernen dauert bei mir [länger|deutlich länger], aber die Melodie bleibt dann [viel "
            "besser|jahrelang] im Kopf.",
            "Vor jedem [Auftritt|Konzert] bin ich ein paar Minuten lang [nervös|furchtbar aufgeregt], dann ist es "
            "vorbei.",
            "Neben klassischen Stücken spielen wir auch [Popsongs|Filmmusik], die ein Mitglied für uns arrangiert.",
            "Gemeinsam Musik zu machen ist eines der [wenigen|seltenen] Dinge, bei denen ich die Zeit [völlig|ganz] "
            "vergesse.",
            "Meine Nachbarn sind sehr geduldig, obwohl sie {piece} vermutlich inzwischen auswendig kennen.",
            "Ein Metronom ist lästig, ehrlich und [absolut|unbedingt] notwendig, [zumindest für mich|egal, was "
            "andere sagen].",
            "Nach {num} Wochen merkte ich endlich, dass sich meine Finger bewegen, ohne dass ich über jede Note "
            "[nachdenke|nachgrübele].",
            "[Bei der letzten Probe|Am vergangenen {weekday}] haben wir {piece} zum ersten Mal ohne Unterbrechung "
            "durchgespielt.",
            "Tee und Kekse nach der Probe sind, [ich gebe es zu|ganz ehrlich], der halbe Grund, warum ich "
            "dabeibleibe.",
        ),
        slots={
            "topic": ("Musik",),
            "instrument": ("Klavier", "Gitarre", "Cello", "Geige", "Akkordeon", "Klarinette", "Querflöte"),
            "piece": ("ein kurzes Präludium von Bach", "ein altes Volkslied", "eine Sonate von Haydn",
                      "eine irische Melodie", "ein Menuett von Mozart", "eine Etüde von Czerny",
                      "ein Wiegenlied von Brahms"),
            "ensemble_dat": ("einem kleinen Chor", "einem Laienorchester", "einer Folkband", "einem Posaunenchor",
                             "einem Trio mit zwei Freunden"),
            "audience": ("sechzig", "achtzig", "hundert", "fast zweihundert"),
        },
        anchors=("instrument", "piece", "ensemble_dat"),
    ),
}

_DE_SPAM = _Spam(
    stuffing_keywords=("günstig kaufen", "billig", "Schnäppchen", "Rabatt", "versandkostenfrei", "jetzt bestellen",
                       "bester Preis", "Angebot", "Sonderangebot", "online kaufen", "Preisvergleich", "günstige Flüge"),
    gibberish_units=("ka", "lo", "mer", "tiv", "sche", "brü", "qua", "zo", "pfli", "dra", "ex", "vun", "ost", "rü",
                     "glä", "fen", "wub", "trok", "ul", "yam", "krö", "nob", "esch", "pla", "zwu", "sti"),
    link_templates=("Hotels in {city}", "Restaurants {city}", "Gebrauchtwagen {city}", "{product} günstig kaufen",
                    "{product} Testberichte", "Jobs in {city}", "Immobilien {city}", "Billige {product}",
                    "{product} im Angebot", "Wetter {city}", "Taxi {city}", "{product} Preisvergleich",
                    "Kostenlose {product} Proben", "Zahnarzt in {city}"),
    link_slots={
        "city": (*_DE_SLOTS["city"], "Berlin", "Hamburg", "München", "Köln"),
        "product": ("Laptops", "Handys", "Schuhe", "Uhren", "Sofas", "Fahrräder", "Reifen", "Parfüms", "Brillen",
                    "Matratzen", "Kredite", "Versicherungen"),
    },
    gambling_terms=("Casino", "Online Casino", "Spielautomaten", "Poker", "Sportwetten", "Jackpot", "Roulette",
                    "Freispiele"),
    gambling_lines=("Bestes {term} online!!!", "Jetzt {bonus} Freispiele sichern bei {domain}!",
                    "{term} spielen und heute groß gewinnen!!!", "Riesiger Jackpot wartet auf dich!!!",
                    "Hier klicken: {domain}", "{term} Bonus ohne Einzahlung!!!",
                    "Jetzt anmelden und {bonus} Euro Bonus holen!", "{term} {term} {term} bei {domain}!!!",
                    "Echtes Geld gewinnen mit {term}!!!", "Heute registrieren, morgen auszahlen!!!"),
    gambling_titles=("Bester {term} Bonus - {domain}", "{term} - heute gewinnen!!!", "Gratis {term} - {bonus} Euro"),
    adult_terms=("xxx", "Erotik", "Sexcams", "Sex Kontakte", "heiße Singles", "Livecams", "Filme ab 18"),
    adult_lines=("Heiße {term} jetzt gratis!!!", "{term} live bei {domain}!!!", "Hier klicken für {term}!!!",
                 "{term} {term} {term} ohne Anmeldung!!!", "{term} in deiner Nähe, heute Nacht!!!",
                 "Gratis {term} rund um die Uhr bei {domain}", "Nur für Erwachsene ab 18!!! Jetzt eintreten!",
                 "Die besten {term} im Netz!!!"),
    adult_titles=("Gratis {term} - {domain}", "{term} - heiß und kostenlos!!!", "Die besten {term} online"),
    directory_titles=("Nützliche Links", "Branchenbuch {city}", "Partnerseiten", "Top Links für {city}"),
)

_DE_CHROME = _Chrome(
    home=("Startseite", "Home"),
    nav_items=("Aktuelles", "Über uns", "Kontakt", "Archiv", "Rezepte", "Reisen", "Garten", "Blog", "Termine", "Shop",
               "Newsletter", "Suche", "Kategorien", "Fotos"),
    copyright=("© {year} {site}. Alle Rechte vorbehalten.", "Copyright {year} {site}", "© {site} {year}"),
    legal_links=("Impressum", "Datenschutz", "AGB", "Cookie-Einstellungen", "Barrierefreiheit", "Sitemap"),
    extras=("Diese Website verwendet Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
            "Wir nutzen Cookies. Mit der weiteren Nutzung stimmen Sie dem zu.", "Kontakt: info@example.de",
            "Folgen Sie uns in den sozialen Netzwerken"),
    sidebar_titles=("Ähnliche Artikel", "Beliebte Beiträge", "Das könnte Sie auch interessieren", "Neueste Beiträge",
                    "Weiterlesen"),
    site_first=("Garten", "Heimat", "Küchen", "Reise", "Alltags", "Stadt", "Natur", "Technik", "Lauf", "Musik",
                "Landlust", "Nordlicht"),
    site_second=("blog", "welt", "notizen", "zeitung", "magazin", "kompass", "werkstatt", "tagebuch", "kurier", "post"),
    site_joiner="",
)


# =============================================================================================
# French
# =============================================================================================
# No slot is ever preceded by "de" or "à" when its filler starts with an article (that would need
# "du", "au"...): such positions get their own "_de"/"_a" filler.  Only Latin-1 characters: no "œ".

_FR_SLOTS: dict[str, tuple[str, ...]] = {
    "first": ("Marie", "Julien", "Claire", "Thomas", "Sophie", "Nicolas", "Camille", "Antoine", "Isabelle", "Pierre",
              "Léa", "Mathieu", "Hélène", "Bruno"),
    "last": ("Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Girard", "Fontaine", "Roux", "Lefèvre", "Mercier",
             "Garnier", "Chevalier"),
    "city": ("Lyon", "Nantes", "Rennes", "Dijon", "Grenoble", "Tours", "Besançon", "Limoges", "Montpellier",
             "Strasbourg", "Poitiers", "Brest", "Caen", "Nancy"),
    "weekday": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "month": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre"),
    "season_in": ("au printemps", "en été", "en automne", "en hiver"),
    "this_season": ("ce printemps", "cet été", "cet automne", "cet hiver"),
    "small": ("trois", "quatre", "cinq", "six", "sept", "huit"),
}

_FR_INTROS = (
    "Cela fait [longtemps|des années|une éternité] que je voulais écrire sur {topic}, et {this_season} j'ai "
    "[enfin|finalement] trouvé le temps.",
    "Une lectrice de {city} m'a [récemment|il y a peu] demandé comment je me suis intéressé {topic_a}, alors voici "
    "une réponse [détaillée|honnête|un peu longue].",
    "{weekday} dernier, j'ai passé [presque tout l'après-midi|une bonne partie de la soirée|une matinée pluvieuse] à "
    "réfléchir {topic_a}, et certaines idées méritent d'être [partagées|notées].",
    "Ce billet dort dans mes brouillons depuis {month}, [surtout|en grande partie] parce que je changeais sans cesse "
    "d'avis sur {topic}.",
    "Mon intérêt pour {topic} est né [presque par hasard|sans aucun plan], lors d'un long week-end à {city} il y a "
    "[environ|à peu près] {num} ans.",
    "On trouve [énormément de|une foule de] conseils sur {topic} en ligne, mais [très peu|bien peu] correspondent à "
    "ce que j'ai [vécu|constaté].",
    "{first}, qui habite à {city}, me demande depuis des mois de rassembler mes notes sur {topic}, alors [les "
    "voici|voilà qui est fait].",
    "Si l'on m'avait dit il y a {num} ans que j'écrirais un jour sur {topic}, je [ne l'aurais pas cru|me serais "
    "moqué].",
    "Ceux qui me connaissent savent que je m'intéresse {topic_a} depuis [l'enfance|le lycée|mes années "
    "d'étudiant].",
    "Chaque année, je me promets de consacrer plus de temps {topic_a}, et cette fois j'ai [tenu parole|vraiment "
    "tenu bon].",
)

_FR_GENERIC = (
    "Comme me l'a dit un jour {name}, les petits détails comptent [bien plus|beaucoup plus] que [le matériel "
    "coûteux|les gadgets à la mode].",
    "Il m'a fallu [environ|à peu près] {num} essais avant de [comprendre|saisir] ce que je faisais de travers.",
    "Ma voisine a [ri|haussé les sourcils] quand je lui ai expliqué mon [projet|idée], mais elle a changé d'avis "
    "[quelques semaines plus tard|assez vite].",
    "Rien de tout cela ne se fait [du jour au lendemain|en une semaine], et ceux qui promettent des résultats "
    "[rapides|immédiats] ont [souvent|presque toujours] quelque chose à vendre.",
    "Je tiens un [simple|petit] carnet, et le relire m'apprend [souvent|parfois] plus que [n'importe quel "
    "livre|bien des tutoriels].",
    "Les {small} premières semaines ont été, pour être honnête, [assez frustrantes|plutôt décourageantes|un "
    "vrai test de patience].",
    "Une [courte|simple] conversation avec {name} à {city} a changé ma [façon|manière] de voir les choses.",
    "Ce qui m'a le plus [surpris|étonné], c'est le peu d'argent [nécessaire|qu'il faut] pour commencer.",
    "Bien sûr, tout ne s'est pas passé [comme prévu|sans accroc], et j'ai fait [de nombreuses|pas mal d'] erreurs "
    "en chemin.",
    "Les [bons jours|jours de chance], tout cela prend moins de {num} minutes, [les mauvais jours|quand rien ne va], "
    "la soirée [entière|tout entière] y passe.",
    "Il existe à {city} un [petit|sympathique] groupe qui se réunit chaque {weekday}, et ses conseils m'ont été "
    "[précieux|très utiles].",
    "Je ne me considère pas comme un [expert|spécialiste], mais j'ai beaucoup appris, [souvent à mes dépens|surtout "
    "en me trompant].",
    "Le meilleur conseil que j'aie [jamais|de ma vie] reçu était aussi le plus simple : [commencer petit et rester "
    "patient|un peu chaque jour].",
    "Après mon [dernier|précédent] article, [plusieurs|quelques] lecteurs m'ont écrit, et certaines de leurs questions "
    "étaient [excellentes|très pertinentes].",
    "Avec le recul, j'aurais [aimé|bien voulu] que quelqu'un m'explique [tout cela|ces choses] [dès le début|au "
    "départ].",
    "{first}, qui s'y consacre depuis plus de {num} ans, aime répéter que [la régularité|la patience] compte plus "
    "que le talent.",
    "Selon une enquête que j'ai lue en {month}, environ {pct} pour cent des débutants abandonnent [au cours de la "
    "première année|avant la fin de la première année].",
    "Je me souviens encore de ma [première|toute première] tentative, et [ce n'était pas joli à voir|ce fut un "
    "petit désastre].",
    "La bonne nouvelle, c'est que [la plupart des|presque tous les] problèmes ont des causes [très simples|assez "
    "banales].",
    "Fin {month}, les progrès étaient enfin [visibles|réels], même s'ils restaient [lents|modestes].",
    "Des amis me demandent [parfois|souvent] si cela vaut [vraiment|réellement] la peine, et ma réponse est "
    "[toujours|encore] oui.",
    "Au fil des années, j'ai essayé {small} approches [différentes|distinctes], et chacune m'a appris quelque chose "
    "[de nouveau|d'utile].",
    "Quelques lecteurs voulaient connaître le [coût|prix] de tout cela, alors cette fois j'ai [noté chaque "
    "dépense|gardé tous les tickets].",
    "Parfois, l'étape la plus [importante|utile] consiste simplement à [noter|écrire] ce qu'on a fait et ce qui [s'est "
    "passé|en est sorti].",
    "Mon conseil : [parlez|discutez] avec les gens de votre [région|ville], car rien ne remplace [l'expérience "
    "locale|les conseils d'un voisin].",
    "[Honnêtement|D'après mon expérience], le premier mois est le plus [difficile|dur], ensuite cela devient "
    "[plus facile|nettement plus simple].",
    "Le plus beau, pour moi, n'est [souvent|parfois] pas le résultat, mais l'heure [tranquille|paisible] passée à "
    "le faire.",
)

_FR_CLOSINGS = (
    "Si vous avez, vous aussi, une [expérience|histoire] à partager sur {topic}, j'ai hâte de vous lire [dans les "
    "commentaires|ci-dessous].",
    "Dans le [prochain|futur] article, je répondrai à quelques questions posées en commentaire, d'ici là, [merci de "
    "votre lecture|à bientôt].",
    "Je suis [curieux|impatient] de voir comment les choses vont évoluer {season_in}, et je vous tiendrai [au "
    "courant|informés].",
    "Si vous habitez près de {city}, écrivez-moi, nous pourrions peut-être [nous rencontrer|prendre un café] et "
    "échanger nos idées.",
    "C'est tout pour [aujourd'hui|cette fois], et j'espère qu'au moins une partie de ces réflexions vous sera "
    "[utile|profitable].",
    "Vous avez des questions ou une expérience [complètement|tout à fait] différente ? N'hésitez pas à [me le "
    "dire|m'écrire].",
    "Une chose est [sûre|certaine] : je n'ai pas fini de m'intéresser {topic_a}.",
    "Merci à toutes celles et à tous ceux qui m'ont envoyé des [idées|suggestions] et des conseils ces [dernières|deux "
    "dernières] semaines.",
)

_FR_NOTES = (
    "Mise à jour : une lectrice m'a signalé une erreur, qui a été corrigée depuis.",
    "Toutes les photos de cet article sont de moi.",
    "Cet article a d'abord été publié sur mon ancien blog.",
    "Complément : j'ai ajouté quelques détails après vos questions en commentaire.",
    "Merci à {first} pour sa relecture attentive.",
    "Article mis à jour en {month}.",
    "Les commentaires sont de nouveau ouverts après les problèmes de spam de la semaine dernière.",
    "Certains liens de cet article renvoient à mes anciens billets sur le même sujet.",
)

_FR_TOPICS: dict[str, _Topic] = {
    "cooking": _Topic(
        titles=(
            "Comment j'ai enfin réussi {dish}",
            "Une recette de semaine : {dish}",
            "Ce que {relative} m'a appris en cuisine",
            "Cuisiner avec {veg} du marché",
            "Carnet de cuisine : {dish}",
        ),
        sentences=(
            "Ma recette pour {dish} vient de ma [famille|grand-mère], même si je l'ai [beaucoup|pas mal] modifiée [au "
            "fil des années|avec le temps].",
            "Je commence [en général|toujours] par faire revenir {veg} dans un peu [d'huile d'olive|de beurre], à feu "
            "[doux|moyen].",
            "Au bout d'environ {num} minutes, [toute la cuisine|la maison entière] sent bon et les légumes sont "
            "[tendres|fondants].",
            "Une cuillerée de {ingredient} ajoutée [à la fin|au dernier moment] change [étonnamment|nettement] le "
            "résultat.",
            "{relative} disait [toujours|souvent] qu'un bon plat n'a pas besoin d'être [compliqué|sophistiqué].",
            "J'achète la plupart de mes légumes {market}, où les prix sont [honnêtes|raisonnables] et la qualité "
            "[excellente|irréprochable].",
            "J'ai testé la recette {small} fois avant d'être [satisfait|content] de l'équilibre entre [le sel et "
            "l'acidité|le sucre et les épices].",
            "Le four doit être [bien chaud|très chaud], autour de {temp} degrés, pour que le dessus devienne [doré|"
            "bien doré] et croustillant.",
            "Les restes se conservent [deux ou trois|quelques] jours au réfrigérateur et sont [souvent|parfois] "
            "encore meilleurs le lendemain.",
            "Mes enfants étaient [sceptiques|méfiants] au début, mais maintenant ils réclament {dish} [chaque "
            "semaine|sans arrêt].",
            "Une de mes [premières|plus grosses] erreurs a été de saler [beaucoup trop tôt|avant la cuisson].",
            "Pour un déjeuner [rapide|simple], une tranche de pain et une salade [verte|de saison] suffisent [comme "
            "accompagnement|largement].",
            "C'est un plat qui pardonne les [petites|légères] erreurs, ce qui le rend [idéal|parfait] pour les "
            "débutants.",
            "Pour une famille de [quatre personnes|quatre], le repas [coûte|revient à] moins de {price} euros.",
            "Une amie de {city} m'a conseillé d'ajouter un peu de {ingredient}, et depuis je ne fais [plus "
            "autrement|que comme ça].",
            "Préparer {dish} le {weekday} soir est devenu une [petite|vraie] tradition [familiale|chez nous].",
            "Tout est une question de [timing|patience] : je retire la poêle [du feu|de la plaque] dès que {veg} "
            "commencent à [dorer|colorer].",
            "J'aime préparer la sauce [la veille|le matin même], car les saveurs ont besoin [de temps|d'un peu de "
            "temps] pour [se marier|se développer].",
            "N'ayez pas peur de goûter [en cours de route|régulièrement] et de [rectifier l'assaisonnement|rajouter "
            "une pincée de sel].",
            "Le {weekday}, je cuisine [souvent|volontiers] en [grande|double] quantité et je congèle une partie des "
            "[portions|restes].",
            "Le secret, selon moi, tient [surtout|avant tout] à la qualité des [produits|ingrédients] et à un peu de "
            "[patience|bon sens].",
            "L'odeur de {dish} me rappelle [toujours|immanquablement] les [repas du dimanche|grandes tablées] de mon "
            "enfance.",
        ),
        slots={
            "topic": ("la cuisine maison",),
            "topic_a": ("à la cuisine maison",),
            "dish": ("une soupe de lentilles", "un risotto aux champignons", "un gâteau aux pommes",
                     "un gratin de pommes de terre", "un curry de légumes", "une tarte à la tomate",
                     "une quiche aux poireaux", "un ragoût de haricots", "une tarte aux prunes", "un poulet au citron"),
            "veg": ("les oignons", "les carottes", "les poireaux", "les courgettes", "les poivrons", "les champignons",
                    "les échalotes", "les tomates"),
            "ingredient": ("moutarde", "miel", "crème fraîche", "cumin", "paprika fumé", "gingembre frais",
                           "parmesan râpé", "jus de citron", "thym frais", "beurre salé"),
            "relative": ("ma grand-mère", "ma tante", "mon père", "une vieille amie d'école", "ma belle-mère",
                         "un cuisinier avec qui j'ai travaillé"),
            "market": ("au marché du samedi", "à la ferme au bout de la route", "chez un petit épicier turc",
                       "au marché couvert"),
            "temp": ("180", "190", "200", "220"),
            "price": ("huit", "dix", "douze", "quinze"),
        },
        anchors=("dish", "relative"),
    ),
    "travel": _Topic(
        titles=(
            "{days} jours {region_in} sans voiture",
            "Pourquoi je retourne toujours {region_in}",
            "Une semaine à {town} avec un petit budget",
            "Carnet de voyage : {town}",
            "Voyager lentement et sans voiture {region_in}",
        ),
        sentences=(
            "Nous sommes arrivés à {town} tard le soir, [fatigués mais ravis|épuisés mais heureux], après une "
            "[longue|interminable] journée de voyage.",
            "Pour la semaine, nous avions réservé {lodging}, à peine [quelques jours|une semaine] avant le départ.",
            "La propriétaire, une femme [chaleureuse|bavarde|joviale] prénommée {host}, nous a donné une carte "
            "[dessinée à la main|faite maison] avec ses [endroits préférés|bonnes adresses].",
            "Voyager avec {companion} signifie que les projets changent [sans cesse|chaque jour], et c'est ce qui "
            "fait le [charme|sel] du voyage.",
            "Le lendemain matin, nous avons longé [la rivière|le port] jusqu'à ce que la vieille ville [disparaisse|"
            "s'efface] derrière nous.",
            "Un billet simple coûtait environ {num} euros, ce qui semblait [très raisonnable|une affaire] pour près de "
            "{hours} heures de trajet.",
            "Nous avons passé [tout un|un long] après-midi dans un [petit|minuscule] musée que [la plupart "
            "des|beaucoup de] guides ne mentionnent [même pas|jamais].",
            "{region_in}, la météo change [vite|en quelques minutes], alors emportez une [veste de pluie|veste "
            "légère], même [en été|en juillet].",
            "Certains des [meilleurs|plus beaux] repas du [voyage|séjour] ont été servis dans des [restaurants|petites "
            "auberges] sans carte.",
            "Le [troisième|quatrième] jour, nous avons pris {transport} le long de la [côte|mer] et regardé défiler "
            "les [villages|ports de pêche].",
            "Avant chaque voyage, je lis [un peu|quelques chapitres] sur l'histoire de la [région|ville], et l'on "
            "regarde ensuite [tout|les rues] autrement.",
            "Tout réserver à l'avance permet [d'économiser|de gagner un peu d'argent], mais on perd aussi [une part "
            "de liberté|le plaisir des surprises].",
            "Le vrai moment fort de la [semaine|visite] a été une [conversation|longue discussion] avec un vieux "
            "[pêcheur|boulanger] qui avait passé toute sa vie à {town}.",
            "Si vous partez en {month}, vous trouverez [moins de touristes|des rues tranquilles] et des soirées [un "
            "peu plus fraîches|plus calmes].",
            "Nous marchions environ {km} kilomètres par jour, ce qui nous paraissait [beaucoup|énorme] au début, "
            "avant de [trouver notre rythme|nous y habituer].",
            "Voyager lentement oblige à [remarquer|observer] des choses qu'on ne verrait [jamais|pas] depuis une "
            "voiture.",
            "Le retour a pris [plus de temps que prévu|une journée de plus] à cause [d'une grève|d'un éboulement], "
            "mais personne ne s'est plaint.",
            "L'année prochaine, j'aimerais [repartir|retourner] {region_in}, et j'ai déjà commencé à me "
            "[documenter|renseigner].",
            "Une bonne paire de [chaussures|chaussures de marche] compte plus que [n'importe quel gadget|un appareil "
            "photo coûteux].",
            "Les bus régionaux {region_in} sont [bon marché|peu chers] et [étonnamment|remarquablement] ponctuels.",
            "À {town}, nous achetions notre pain [chaque matin|tous les matins] dans une boulangerie [ouverte|tenue "
            "par la même famille] depuis [plus d'un siècle|avant la guerre].",
            "[Presque chaque soir|Chaque soir], nous nous asseyions au bord de [l'eau|la mer] sans rien prévoir pour "
            "le lendemain.",
        ),
        slots={
            "topic": ("les voyages en train",),
            "topic_a": ("aux voyages en train",),
            "region_in": ("en Bretagne", "dans les Alpes", "en Auvergne", "dans le Jura", "en Corse",
                          "dans les Pyrénées", "en Alsace", "dans le Périgord", "en Provence", "dans les Cévennes",
                          "en Toscane", "en Galice"),
            "town": ("Porto", "Lisbonne", "Trieste", "Ljubljana", "Bologne", "Gand", "Cracovie", "Salzbourg", "Bergen",
                     "Séville", "Turin"),
            "transport": ("le train de nuit", "un bus régional", "un petit ferry", "un vieux train côtier",
                          "un tortillard"),
            "lodging": ("une petite pension familiale", "un minuscule appartement au-dessus d'une boulangerie",
                        "un refuge de montagne", "une ferme rénovée", "une auberge de jeunesse près de la gare",
                        "une chambre chez l'habitant"),
            "host": ("Maria", "Elena", "Rosa", "Ana", "Giulia", "Marta"),
            "companion": ("mon frère", "deux vieux amis", "ma compagne", "un collègue", "mon fils adolescent"),
            "hours": ("cinq", "six", "sept", "huit"),
            "km": ("douze", "quinze", "dix-huit", "vingt"),
            "days": ("Dix", "Douze", "Sept", "Quatorze"),
        },
        anchors=("region_in", "town", "companion"),
    ),
    "gardening": _Topic(
        titles=(
            "Ce qui a marché au jardin cette année",
            "Cultiver {plants_des} sur une petite surface",
            "Journal du potager : {month}",
            "Comment je lutte contre {pest} sans produits chimiques",
            "Ce que m'a appris {weather}",
        ),
        sentences=(
            "Cette année, j'ai planté {plants_des} {spot}, et le résultat a [dépassé mes attentes|été une belle "
            "surprise].",
            "Dans notre quartier de {city}, la terre est [lourde|compacte] et argileuse, alors j'ajoute une "
            "[épaisse|bonne] couche de compost chaque [automne|hiver].",
            "En {month}, {weather} a tout retardé d'au moins [deux|trois] semaines.",
            "{pest} ont été un problème [constant|sérieux], si bien que je faisais le tour du [jardin|potager] [chaque "
            "soir|à la nuit tombée] avec une lampe.",
            "Je sème {plants_des} à l'intérieur [au début du printemps|dès le mois de mars] et je les sors quand les "
            "nuits [se réchauffent|deviennent plus douces].",
            "Arroser [tôt le matin|avant le petit-déjeuner] garde les plantes en [meilleure santé|bonne forme] et "
            "gaspille moins d'eau.",
            "Dans la maison d'à côté, {first} cultive les plus belles tomates de la [rue|commune] et partage "
            "[volontiers|généreusement] ses astuces.",
            "Un [simple|léger] paillage de paille m'a épargné des [heures|après-midi entiers] de désherbage pendant "
            "[l'été|les vacances].",
            "J'ai récolté environ {num} kilos au total, un [record|joli score] pour une si [petite|modeste] "
            "parcelle.",
            "Les associations de plantes ressemblent à une [superstition|légende], mais les soucis ont [vraiment|"
            "apparemment] éloigné une partie des pucerons.",
            "La serre devient [très|terriblement] chaude l'après-midi, alors j'ouvre [les deux portes|toutes les "
            "aérations] avant de partir au travail.",
            "La saison prochaine, je veux [essayer|tester] quelques variétés [anciennes|oubliées] recommandées par une "
            "grainothèque de {city}.",
            "Peu de loisirs enseignent la [patience|modestie] aussi bien que le jardinage.",
            "Je note [toutes les|soigneusement les] dates de semis, et il est [frappant|étonnant] de voir à quel point "
            "les saisons [varient|se décalent] d'une année à l'autre.",
            "Après {weather}, j'ai perdu [près de la moitié|un tiers] des jeunes plants et j'ai dû [tout "
            "recommencer|repartir de zéro].",
            "L'eau de pluie du toit de [l'abri|la remise] remplit maintenant [deux grands|trois vieux] tonneaux, ce "
            "qui couvre [presque tous|l'essentiel de] nos besoins.",
            "Les enfants adorent récolter {plants_les}, alors les bacs [les plus bas|de devant] leur sont réservés.",
            "Un bon compost se fait [lentement|sans se presser], avec un mélange [équilibré|raisonnable] de matières "
            "vertes et brunes.",
            "Vers la fin de [l'été|juillet], les planches étaient si [pleines|touffues] que je pouvais [à "
            "peine|difficilement] passer entre elles.",
            "La taille [fait moins peur|est moins compliquée] qu'il n'y paraît, à condition d'avoir des "
            "[outils|sécateurs] propres et bien affûtés.",
            "[Les soirs d'été|Après le travail], j'aime m'asseoir sur le [vieux|petit] banc près du potager et "
            "regarder pousser les [légumes|fleurs].",
            "Les abeilles ont travaillé tout [l'été|le mois de juin], et cela s'est [vu|senti] sur la récolte.",
        ),
        slots={
            "topic": ("le jardinage",),
            "topic_a": ("au jardinage",),
            "plants_des": ("des tomates", "des haricots grimpants", "des courgettes", "des pois de senteur",
                           "des dahlias", "des fraisiers", "des pommes de terre", "des tournesols", "des salades",
                           "des radis"),
            "plants_les": ("les tomates", "les haricots", "les courgettes", "les fraises", "les pommes de terre",
                           "les radis"),
            "spot": ("dans les bacs surélevés", "dans la serre", "au potager familial", "dans le massif du fond",
                     "dans de grands pots sur la terrasse"),
            "pest": ("les limaces", "les pucerons", "les escargots", "les pigeons", "les chenilles"),
            "weather": ("une gelée tardive", "une semaine de pluie", "un printemps particulièrement sec",
                        "une forte tempête", "une vague de chaleur en juillet"),
        },
        anchors=("plants_des", "pest", "weather"),
    ),
    "history": _Topic(
        titles=(
            "{building} : une brève histoire",
            "Dans les archives : {event} en {year}",
            "Comment {industry} a façonné notre ville",
            "Sur les traces du passé à {city}",
            "Quand {event} a changé notre ville",
        ),
        sentences=(
            "{building} date de {year}, une [époque|période] où la ville comptait à peine mille [habitants|âmes].",
            "Pour cette [période|époque], la source la plus [riche|précieuse] reste {source}.",
            "Pendant [presque un|près d'un] siècle, l'économie [locale|de la ville] a reposé sur {industry}.",
            "En {year}, {event} a bouleversé la vie de la ville [presque du jour au lendemain|en quelques semaines].",
            "Un historien local, {name}, a passé {num} ans à [rassembler|collectionner] des photographies des "
            "[vieilles rues|anciens quartiers].",
            "Les registres indiquent que {num} familles vivaient dans les ruelles [étroites|sombres] autour de [la "
            "place du marché|l'église].",
            "Quand la dernière [usine|filature] a fermé en {later_year}, beaucoup de jeunes sont partis vers [les "
            "grandes villes|la capitale].",
            "Des [morceaux|vestiges] de l'ancien rempart sont encore visibles derrière [le parking|le supermarché|la "
            "gare routière], pour qui sait où [regarder|chercher].",
            "Les vieilles cartes révèlent un [réseau|lacis] de sentiers qui a [presque entièrement|en grande partie] "
            "disparu.",
            "J'ai été [surpris|étonné] d'apprendre que {building} a servi [d'hôpital|d'entrepôt|d'école] pendant la "
            "guerre.",
            "Les habitants les plus âgés se souviennent encore de la [sirène|cloche] de l'usine qui retentissait "
            "[chaque matin|tous les jours] à [six heures|six heures et demie].",
            "Une petite exposition à la [médiathèque|mairie] réunit {this_season} une grande partie de ces documents "
            "pour la [première fois|toute première fois].",
            "Lire {source} demande [beaucoup de|une sacrée] patience, car l'écriture est souvent difficile à "
            "[déchiffrer|lire].",
            "Les noms de rues sont de [précieux|bons] indices, puisque beaucoup rappellent des métiers disparus "
            "[depuis longtemps|il y a un siècle].",
            "Le marché se tenait chaque {weekday} jusqu'à la fin du [dix-neuvième|dix-huitième] siècle.",
            "Entre {year} et {later_year}, la population a [plus que doublé|presque triplé].",
            "L'histoire locale ne se résume pas à des [dates|chiffres] : elle parle [avant tout|surtout] des gens "
            "[ordinaires|modestes] qui ont vécu ici avant nous.",
            "Si vous possédez de vieilles [photos|lettres] de cette époque, la société d'histoire [locale|de la ville] "
            "serait [ravie|heureuse] de les voir.",
            "Il est [frappant|étonnant] de constater combien de maisons de cette [période|époque] sont encore "
            "[debout|habitées] aujourd'hui.",
            "Dans le vieux cimetière, certaines [inscriptions|pierres tombales] en disent long sur la vie de "
            "[l'époque|ces années difficiles].",
            "[Mon grand-père|Un vieux voisin] racontait des histoires sur {building} que personne n'avait jamais "
            "[écrites|notées].",
            "Les délibérations du conseil municipal de {year} évoquent {industry} à [presque chaque page|chaque "
            "séance].",
        ),
        slots={
            "topic": ("l'histoire locale",),
            "topic_a": ("à l'histoire locale",),
            "building": ("le vieux moulin", "l'église paroissiale", "la gare", "la halle du marché",
                         "l'ancienne brasserie", "le pont de pierre", "l'ancienne école", "la mairie"),
            "source": ("les registres paroissiaux", "les archives de la presse locale",
                       "une boîte de lettres retrouvée dans un grenier", "les cartes des archives départementales",
                       "une collection de cartes postales", "le journal intime d'un instituteur"),
            "industry": ("la laine", "les mines de charbon", "la construction navale", "la brasserie",
                         "la fabrication du papier", "la dentelle", "la pêche"),
            "event": ("une grande inondation", "un terrible incendie", "l'arrivée du chemin de fer", "une longue grève",
                      "une épidémie de choléra"),
        },
        anchors=("building", "source", "industry", "event"),
    ),
    "technology": _Topic(
        titles=(
            "Une seconde vie pour {device}",
            "Ce que m'a appris {problem}",
            "Des sauvegardes simples à la maison",
            "Pourquoi j'ai adopté {software}",
            "La technologie qui simplifie vraiment la vie",
        ),
        sentences=(
            "En {month}, j'ai [décidé|choisi] de donner une seconde vie à {device} plutôt que [d'acheter du neuf|de le "
            "remplacer].",
            "Installer {software} m'a pris moins de {num} minutes, et la machine a [soudain|aussitôt] retrouvé de la "
            "vitesse.",
            "Les vrais ennuis ont commencé avec {problem}, un [dimanche|vendredi] soir, évidemment.",
            "Depuis, je sauvegarde mes fichiers [importants|personnels] chaque {weekday}, et une copie est conservée "
            "chez [mes parents|un ami].",
            "Beaucoup de gens [jettent|remplacent] des appareils qui auraient [seulement|simplement] besoin d'une "
            "nouvelle batterie ou [d'une réinstallation|d'un bon nettoyage].",
            "Mon [frère|cousin], qui travaille dans l'informatique à {city}, s'est [moqué|amusé] de mes câbles mais a "
            "[approuvé|salué] le reste.",
            "L'ensemble m'a coûté environ {num} euros, surtout pour une nouvelle [alimentation|batterie] et un "
            "ventilateur [silencieux|plus discret].",
            "Les mises à jour sont [importantes|indispensables], mais j'attends désormais [quelques jours|une semaine] "
            "avant de les installer sur l'ordinateur [principal|familial].",
            "J'ai été [surpris|choqué] par la quantité [d'électricité|d'énergie] que consommaient les vieux appareils "
            "en veille.",
            "Un gestionnaire de mots de passe est [sans doute|probablement] le [meilleur|plus utile] changement que "
            "j'aie apporté à mes habitudes [numériques|en ligne].",
            "Lire le manuel est [ennuyeux|fastidieux], mais cela m'aurait épargné au moins {small} heures de "
            "[tâtonnements|bricolage].",
            "Le repair café de {city} se réunit [une fois par mois|un {weekday} sur deux] et répare tout, du "
            "[grille-pain|sèche-cheveux] à l'ordinateur portable.",
            "La technologie devrait [travailler|servir] pour nous, et non l'inverse, [du moins chez moi|j'essaie de "
            "m'en souvenir].",
            "Après cette [mésaventure|panne], j'ai enfin compris pourquoi [tout le monde|chacun] conseille de garder "
            "[trois|plusieurs] copies des données importantes.",
            "Aujourd'hui, les enfants font leurs devoirs sur [l'ancien|le vieil] appareil, et il fonctionne "
            "[parfaitement|sans broncher].",
            "Il est tentant de courir après le [dernier|nouveau] gadget, mais un matériel plus ancien suffit "
            "[souvent|presque toujours] largement.",
            "Les forums regorgeaient de conseils [contradictoires|divergents], alors j'ai testé chaque suggestion "
            "[l'une après l'autre|moi-même].",
            "Depuis que la télévision a quitté [le salon|la cuisine], nous passons [beaucoup|nettement] moins de temps "
            "devant les écrans.",
            "Les bons outils sont [discrets|silencieux] : on ne les remarque que lorsqu'ils [tombent en panne|"
            "lâchent].",
            "J'ai noté [chaque étape|toutes les étapes], en partie pour ce [blog|carnet en ligne] et en partie pour "
            "[moi-même dans quelques années|la prochaine panne].",
            "[Mon père|Un voisin] veut maintenant la même installation, j'ai donc [visiblement|apparemment] trouvé "
            "une nouvelle occupation pour le week-end.",
            "La batterie tient [presque une journée|quelques bonnes heures], ce qui nous suffit [largement|amplement].",
        ),
        slots={
            "topic": ("la technologie au quotidien",),
            "topic_a": ("à la technologie au quotidien",),
            "device": ("mon vieil ordinateur portable", "une tablette d'occasion", "un petit ordinateur monocarte",
                       "ma vieille box internet", "un téléphone reconditionné", "un petit serveur domestique",
                       "ma vieille liseuse"),
            "software": ("une distribution Linux légère", "un gestionnaire de mots de passe libre",
                         "un logiciel de retouche gratuit", "un outil de sauvegarde simple",
                         "une application de notes hors ligne"),
            "problem": ("un disque dur défaillant", "une connexion wifi très lente", "une mise à jour qui a tout "
                        "cassé", "un mot de passe oublié", "une carte mémoire pleine"),
        },
        anchors=("device", "software", "problem"),
    ),
    "health": _Topic(
        titles=(
            "{small} semaines de nouvelles habitudes : le bilan",
            "Petites habitudes, grands effets",
            "Ce que m'a dit {doctor} sur le sommeil",
            "Traverser l'hiver en forme",
            "Pourquoi je ne saute plus le petit-déjeuner",
        ),
        sentences=(
            "Il y a {small} semaines, je me suis promis de {habit} chaque jour, et j'ai [réellement|vraiment] tenu "
            "bon.",
            "J'ai remarqué une [nette|vraie] différence pour {body} au bout d'environ [deux|trois] semaines.",
            "Quand j'en ai parlé à {doctor}, la réponse a été [simple|claire] : la [régularité|constance] compte plus "
            "que l'intensité.",
            "Je ne suis pas [médecin|professionnel de santé], alors prenez ceci comme un [témoignage personnel|simple "
            "récit] et non comme un conseil.",
            "Au petit-déjeuner, je prends [maintenant|désormais] le plus souvent {food}, ce qui me tient jusqu'au "
            "[déjeuner|repas de midi].",
            "Le sommeil s'est révélé être la [base|fondation] de tout le reste.",
            "Les jours [chargés|difficiles], je fais simplement une version plus [courte|rapide] au lieu de tout "
            "abandonner.",
            "Une amie de {city} m'a accompagné [par appel vidéo|chaque matin], ce qui a [beaucoup|énormément] aidé "
            "ma motivation.",
            "Le plus [difficile|dur] n'était pas l'effort lui-même, mais [d'y penser tous les jours|de trouver le "
            "temps].",
            "Selon plusieurs études, environ {pct} pour cent des adultes ne bougent pas [assez|suffisamment] au "
            "quotidien.",
            "Dans un [simple|petit] carnet, je note comment je me sens [chaque jour|le soir], et les tendances sont "
            "[étonnamment|remarquablement] claires.",
            "Le plus [dur|difficile] a été de renoncer au sucre, surtout [l'après-midi|au bureau].",
            "[Deux|Trois] fois par semaine, je vais au travail à pied : cela ajoute environ {num} minutes au trajet, "
            "mais j'arrive [de meilleure humeur|plus détendu].",
            "Si quelque chose fait mal, mieux vaut [s'arrêter|faire une pause] et demander l'avis de {doctor}.",
            "Cuisiner à la maison nous a [aussi|en plus] permis d'économiser [pas mal|une belle somme] d'argent.",
            "Les bonnes habitudes tiennent quand elles sont [faciles|pratiques], c'est pourquoi mes [chaussures de "
            "sport|chaussures de marche] attendent juste à côté de la porte.",
            "Pendant les [longs|sombres] mois d'hiver, mon humeur est [beaucoup|bien] plus stable qu'avant.",
            "Personne n'a besoin d'une routine [parfaite|idéale] : une routine [correcte|modeste] que l'on suit "
            "vraiment vaut bien mieux.",
            "Boire un verre d'eau [dès le réveil|avant le petit-déjeuner] est le changement le plus [simple|facile] "
            "que j'aie jamais fait.",
            "En {month}, la nouvelle routine ne ressemblait [déjà plus|plus du tout] à une [corvée|obligation].",
            "[Ma compagne|Une collègue] a remarqué la différence [avant moi|la première], ce qui était "
            "[étrangement|curieusement] encourageant.",
            "J'ai [encore|parfois] des semaines de [paresse|relâche], mais je ne me sens plus [coupable|mal] pour "
            "autant.",
        ),
        slots={
            "topic": ("les bonnes habitudes de santé",),
            "topic_a": ("aux bonnes habitudes de santé",),
            "habit": ("marcher un peu après le dîner", "faire dix minutes d'étirements le matin",
                      "me coucher avant vingt-trois heures", "boire davantage d'eau", "cuisiner moi-même",
                      "prendre l'escalier au travail"),
            "body": ("mon dos", "mon sommeil", "ma digestion", "ma concentration", "mon niveau d'énergie"),
            "doctor": ("mon médecin traitant", "ma kinésithérapeute", "ma diététicienne", "mon pharmacien"),
            "food": ("des flocons d'avoine aux fruits rouges", "un bol de soupe de légumes", "une poignée de noix",
                     "un yaourt nature avec des fruits", "du pain complet avec du fromage blanc"),
        },
        anchors=("habit", "body", "doctor"),
    ),
    "sports": _Topic(
        titles=(
            "Préparer {race} après quarante ans",
            "Mon parcours préféré passe {route}",
            "Reprendre après {injury}",
            "Ce que j'ai appris en courant {club_with}",
            "Récit de course à {city}",
        ),
        sentences=(
            "En {month}, je me suis inscrit à {race}, [surtout|avant tout] pour donner un objectif [clair|précis] à "
            "mon entraînement.",
            "Mon parcours habituel passe {route}, il est [plat|roulant], calme et [agréablement ombragé|bien éclairé "
            "le soir].",
            "[Trois|Quatre] sorties par semaine se sont révélées [idéales|suffisantes] pour mon âge et mon [emploi du "
            "temps|travail].",
            "Après {injury}, j'ai dû m'arrêter presque {num} jours, ce qui a été plus dur [mentalement|pour le "
            "moral] que physiquement.",
            "Courir {club_with} le {weekday} matin rend les réveils matinaux [beaucoup|bien] plus [agréables|"
            "supportables].",
            "Le premier kilomètre semble toujours [lourd|pénible], mais le corps se [réveille|réchauffe] au bout de "
            "[dix|quinze] minutes environ.",
            "Le jour de la course, environ {big} coureurs étaient [réunis|rassemblés] au départ, et l'ambiance était "
            "[formidable|électrique].",
            "Mon temps à l'arrivée n'avait rien de [spectaculaire|remarquable], mais j'ai couru la seconde moitié "
            "[plus vite|un peu plus vite] que la première.",
            "Un entraîneur, {name}, m'a conseillé un jour de courir [lentement|tranquillement] la plupart du temps, "
            "et c'était un [excellent|précieux] conseil.",
            "De bonnes chaussures valent leur prix, mais [inutile|pas besoin] d'acheter le modèle le plus [cher|à la "
            "mode] du magasin.",
            "Quand il fait chaud, je cours [tôt|à l'aube], avant que les rues de {city} ne [s'animent|se remplissent].",
            "Quelques minutes d'étirements après l'effort m'ont [jusqu'ici|pour l'instant] évité les blessures "
            "[sérieuses|graves].",
            "Un carnet [d'entraînement|de course] m'a montré que je courais [beaucoup trop vite|bien trop fort] les "
            "jours faciles.",
            "Les {small} derniers kilomètres ont été [difficiles|terribles], mais les encouragements du public ont "
            "[tout changé|fait la différence].",
            "Les jours de repos font partie de [l'entraînement|la préparation], ce n'est pas un signe de "
            "[faiblesse|paresse].",
            "Ma compagne trouve ce loisir [un peu|légèrement] fou, mais elle vient à [chaque course|presque toutes "
            "les courses] avec un thermos de [thé|café].",
            "Les côtes sont mon point faible, alors chaque {weekday} je fais de [courtes|petites] répétitions dans une "
            "rue en pente [près de chez moi|du quartier].",
            "La course à pied est devenue ma [manière|façon] de [découvrir|redécouvrir] {city}, un quartier après "
            "l'autre.",
            "Environ une heure avant une [sortie longue|course], je mange [un petit quelque chose|légèrement], souvent "
            "[une tartine de miel|une banane].",
            "Personne ne se soucie de votre [vitesse|chrono] : ce qui compte, c'est de [continuer|ne pas abandonner].",
            "[En hiver|Les soirs sombres], une lampe frontale et une veste [claire|réfléchissante] sont le seul "
            "équipement [supplémentaire|en plus] dont j'ai besoin.",
            "Les bénévoles sur le parcours mériteraient une médaille, car ils sont restés [des heures|toute la "
            "matinée] sous [la pluie|le vent].",
        ),
        slots={
            "topic": ("la course à pied",),
            "topic_a": ("à la course à pied",),
            "race": ("une course de dix kilomètres", "un semi-marathon", "un trail dans les collines",
                     "une course caritative", "un cross d'automne"),
            "route": ("le long du canal", "autour du lac", "sur l'ancienne voie ferrée",
                      "dans la forêt derrière l'école", "au bord de la rivière"),
            "injury": ("une contracture au mollet", "une entorse à la cheville", "une douleur au genou",
                       "une tendinite"),
            "club_with": ("avec le club du quartier", "avec quelques parents de l'école", "avec deux collègues",
                          "avec ma voisine"),
        },
        anchors=("race", "route", "club_with"),
    ),
    "music": _Topic(
        titles=(
            "Apprendre {instrument} à l'âge adulte",
            "Pourquoi je joue dans {ensemble}",
            "Notes de répétition à {city}",
            "Vingt minutes par jour : ce que cela change",
            "Mesure par mesure : {piece}",
        ),
        sentences=(
            "J'ai commencé à apprendre {instrument} à [quarante|quarante-cinq] ans, et je [regrette|regrette un peu] "
            "de ne pas l'avoir fait [plus tôt|des années plus tôt].",
            "Avec {name}, mon professeur, les gammes passent [avant tout le reste|à chaque leçon], ce que j'accepte "
            "en [râlant un peu|soupirant].",
            "Ce mois-ci, je travaille {piece}, mesure par mesure.",
            "Jouer dans {ensemble} m'a appris à [écouter|entendre] les autres plutôt que [moi-même|ma seule "
            "partie].",
            "Nous répétons chaque {weekday} soir dans une salle [paroissiale|de classe] où il fait [toujours|souvent] "
            "un peu trop [froid|chaud].",
            "Vingt minutes de travail [concentré|attentif] valent mieux que deux heures de jeu [distrait|sans but].",
            "Notre dernier concert à {city} a attiré environ {audience} personnes, bien plus que [prévu|nous "
            "l'espérions].",
            "M'enregistrer avec mon téléphone a été [pénible|gênant] au début, mais cela m'a montré [exactement|"
            "clairement] où se trouvaient les problèmes.",
            "Le passage le plus [difficile|délicat] m'a demandé presque {num} jours avant de sonner [proprement|en "
            "mesure].",
            "La théorie musicale me semblait [aride|inutile] à l'école, mais elle prend [tout son sens|un sens "
            "nouveau] maintenant que je peux [l'entendre|la jouer].",
            "Un instrument d'occasion convient [parfaitement|très bien] pour commencer, à condition qu'une personne "
            "[compétente|expérimentée] l'ait vérifié.",
            "Certains soirs, rien ne [fonctionne|marche], alors je joue simplement des [morceaux|chansons] que je "
            "connais déjà, pour le plaisir.",
            "Notre chef a le don [d'expliquer|de faire comprendre] les rythmes [difficiles|compliqués] avec des "
            "histoires [drôles|absurdes].",
            "Apprendre à l'oreille me prend [plus de temps|davantage de temps], mais je retiens ensuite la mélodie "
            "[bien plus longtemps|pendant des années].",
            "Avant chaque [concert|audition], je suis [nerveux|mort de trac] pendant quelques minutes, puis cela "
            "passe.",
            "À côté des pièces classiques, nous jouons aussi des [chansons pop|musiques de film] arrangées par l'un "
            "des [membres|musiciens].",
            "Faire de la musique avec [d'autres|des amis] est l'une des [rares|seules] choses qui me font "
            "[complètement|totalement] oublier l'heure.",
            "Mes voisins sont [très|remarquablement] patients, même s'ils doivent commencer à connaître {piece} note "
            "pour note.",
            "Un métronome est agaçant, honnête et [absolument|parfaitement] indispensable, [du moins pour moi|quoi "
            "qu'on en dise].",
            "Au bout de {num} semaines, j'ai [enfin|finalement] remarqué que mes doigts bougeaient sans que je "
            "[réfléchisse|pense] à chaque note.",
            "[À la dernière répétition|{weekday} dernier], nous avons joué {piece} du début à la fin sans nous "
            "[arrêter|interrompre].",
            "Le thé et les biscuits après la répétition sont, [je l'avoue|soyons honnêtes], la moitié de la raison "
            "pour laquelle je [continue|reste].",
        ),
        slots={
            "topic": ("la pratique musicale",),
            "topic_a": ("à la pratique musicale",),
            "instrument": ("le piano", "la guitare", "le violoncelle", "le violon", "l'accordéon", "la clarinette",
                           "le ukulélé"),
            "piece": ("un court prélude de Bach", "une vieille chanson populaire", "une valse toute simple",
                      "un standard de jazz", "une sonate de Haydn", "un air traditionnel irlandais",
                      "un menuet de Mozart"),
            "ensemble": ("une petite chorale de quartier", "un orchestre amateur", "un groupe de musique folk",
                         "une fanfare", "un trio avec deux amis"),
            "audience": ("soixante", "quatre-vingts", "cent", "presque deux cents"),
        },
        anchors=("instrument", "piece", "ensemble"),
    ),
}

_FR_SPAM = _Spam(
    stuffing_keywords=("pas cher", "meilleur prix", "acheter maintenant", "promo", "livraison gratuite", "soldes",
                       "vol pas cher", "hôtel pas cher", "bon plan", "réduction", "prix imbattable", "offre spéciale"),
    gibberish_units=("ka", "lo", "mer", "tiv", "chu", "bré", "qua", "zo", "pli", "dra", "ex", "vun", "ost", "ré", "glo",
                     "fen", "oui", "trok", "ul", "yam", "cré", "nob", "èsh", "pla", "gneu", "roi"),
    link_templates=("Hôtels à {city}", "Restaurants {city}", "Voitures d'occasion {city}", "{product} pas cher",
                    "Avis {product}", "Emploi à {city}", "Immobilier {city}", "{product} en promo",
                    "Acheter {product} en ligne", "Météo {city}", "Taxi {city}", "Comparateur {product}",
                    "Échantillons {product} gratuits", "Dentiste à {city}"),
    link_slots={
        "city": (*_FR_SLOTS["city"], "Paris", "Marseille", "Toulouse", "Bordeaux"),
        "product": ("ordinateurs", "téléphones", "chaussures", "montres", "canapés", "vélos", "pneus", "parfums",
                    "lunettes", "matelas", "crédits", "assurances"),
    },
    gambling_terms=("casino", "casino en ligne", "machines à sous", "poker", "paris sportifs", "jackpot", "roulette",
                    "tours gratuits"),
    gambling_lines=("Meilleur {term} en ligne !!!", "{bonus} tours gratuits maintenant sur {domain} !",
                    "Jouez au {term} et gagnez gros aujourd'hui !!!", "Un énorme jackpot vous attend !!!",
                    "Cliquez ici : {domain}", "Bonus {term} sans dépôt !!!",
                    "Inscrivez-vous et recevez {bonus} euros de bonus !", "{term} {term} {term} sur {domain} !!!",
                    "Gagnez de l'argent réel avec le {term} !!!", "Inscription aujourd'hui, retrait demain !!!"),
    gambling_titles=("Meilleur bonus {term} - {domain}", "{term} - gagnez aujourd'hui !!!",
                     "{term} gratuit - {bonus} euros offerts"),
    adult_terms=("xxx", "sexe", "webcams sexy", "rencontres adultes", "célibataires chaudes", "vidéos pour adultes",
                 "charme"),
    adult_lines=("{term} gratuit maintenant !!!", "{term} en direct sur {domain} !!!", "Cliquez ici pour {term} !!!",
                 "{term} {term} {term} sans inscription !!!", "{term} près de chez vous ce soir !!!",
                 "{term} gratuit 24h/24 sur {domain}", "Réservé aux adultes 18+ !!! Entrez maintenant !",
                 "Le meilleur site {term} !!!"),
    adult_titles=("{term} gratuit - {domain}", "{term} - chaud et gratuit !!!", "Le meilleur du {term} en ligne"),
    directory_titles=("Liens utiles", "Annuaire {city}", "Sites partenaires", "Meilleurs liens pour {city}"),
)

_FR_CHROME = _Chrome(
    home=("Accueil",),
    nav_items=("Actualités", "À propos", "Contact", "Archives", "Recettes", "Voyages", "Jardin", "Blog", "Agenda",
               "Boutique", "Newsletter", "Rechercher", "Catégories", "Photos"),
    copyright=("© {year} {site}. Tous droits réservés.", "Copyright {year} {site}", "© {site} {year}"),
    legal_links=("Mentions légales", "Politique de confidentialité", "CGU", "Gestion des cookies", "Accessibilité",
                 "Plan du site"),
    extras=("Ce site utilise des cookies pour améliorer votre expérience de navigation.",
            "En poursuivant votre navigation, vous acceptez l'utilisation de cookies.", "Contact : bonjour@example.fr",
            "Suivez-nous sur les réseaux sociaux"),
    sidebar_titles=("Articles similaires", "Les plus lus", "À lire aussi", "Derniers articles", "Vous aimerez aussi"),
    site_first=("Le Carnet", "La Gazette", "Le Journal", "Les Chroniques", "L'Atelier", "La Lettre", "Le Petit Écho",
                "Les Nouvelles"),
    site_second=("du Quartier", "de la Vallée", "du Jardin", "des Voyageurs", "du Dimanche", "de la Cuisine",
                 "du Village", "des Curieux"),
    site_joiner=" ",
)


# =============================================================================================
# Spanish
# =============================================================================================
# Fillers after "de"/"a" never start with "el" (that would need "del"/"al"); Latin-1 only.

_ES_SLOTS: dict[str, tuple[str, ...]] = {
    "first": ("Lucía", "Javier", "Carmen", "Pablo", "Elena", "Miguel", "Marta", "Andrés", "Isabel", "Diego", "Laura",
              "Sergio", "Pilar", "Raúl"),
    "last": ("García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Navarro", "Torres", "Ruiz", "Moreno",
             "Gil", "Herrera"),
    "city": ("Valencia", "Sevilla", "Zaragoza", "Granada", "Salamanca", "Bilbao", "Málaga", "Valladolid", "Córdoba",
             "Burgos", "Oviedo", "Cádiz", "Toledo", "Logroño"),
    "weekday": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "month": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
              "noviembre", "diciembre"),
    "season_in": ("en primavera", "en verano", "en otoño", "en invierno"),
    "this_season": ("esta primavera", "este verano", "este otoño", "este invierno"),
    "small": ("tres", "cuatro", "cinco", "seis", "siete", "ocho"),
}

_ES_INTROS = (
    "Hace [tiempo|años|mucho] que quería escribir sobre {topic}, y {this_season} por fin [encontré|saqué] el "
    "momento.",
    "Una lectora de {city} me preguntó [hace poco|la semana pasada] cómo empecé a interesarme por {topic}, así que "
    "aquí va la respuesta [larga|sincera|completa].",
    "El {weekday} pasado estuve [casi toda la tarde|buena parte de la noche|una mañana lluviosa] pensando en "
    "{topic}, y algunas ideas [merecen compartirse|vale la pena contarlas].",
    "Esta entrada lleva en borradores desde {month}, [sobre todo|en buena parte] porque cambiaba de opinión "
    "[constantemente|cada semana].",
    "Mi interés por {topic} nació [casi por casualidad|sin ningún plan], durante un fin de semana largo en {city} "
    "hace [unos|más o menos] {num} años.",
    "En internet hay [muchísimos|infinidad de] consejos sobre {topic}, pero [muy pocos|pocos] coinciden con lo que "
    "he [vivido|comprobado].",
    "{first}, que vive en {city}, lleva meses insistiendo en que ordene mis notas sobre {topic}, así que [aquí "
    "están|allá vamos].",
    "Si hace {num} años me hubieran dicho que algún día escribiría sobre {topic}, no [me lo habría creído|habría "
    "parado de reír].",
    "Quienes me conocen saben que llevo [años|media vida] dándole vueltas a todo lo relacionado con {topic}.",
    "Cada año me prometo dedicar más tiempo a {topic}, y esta vez [lo he cumplido de verdad|por fin lo he "
    "conseguido].",
)

_ES_GENERIC = (
    "Como me dijo una vez {name}, los pequeños detalles importan [mucho más|bastante más] que [un equipo caro|los "
    "aparatos de moda].",
    "Necesité [unos|alrededor de] {num} intentos antes de [entender|darme cuenta de] qué estaba haciendo mal.",
    "Mi vecina [se rio|levantó las cejas] cuando le expliqué el [plan|proyecto], pero [unas semanas después|al poco "
    "tiempo] cambió de opinión.",
    "Nada de esto ocurre [de la noche a la mañana|en una semana], y quien promete resultados [rápidos|inmediatos] "
    "[suele querer|seguramente quiere] vender algo.",
    "Llevo un cuaderno [sencillo|pequeño], y releerlo me resulta [a menudo|muchas veces] más útil que [cualquier "
    "libro|cualquier vídeo].",
    "Las primeras {small} semanas fueron, para ser sincero, [bastante frustrantes|una prueba de paciencia|duras].",
    "Una [breve|simple] conversación con {name} en {city} cambió mi [forma|manera] de ver todo el asunto.",
    "Lo que más me [sorprendió|llamó la atención] fue el poco dinero que [hace falta|se necesita] para empezar.",
    "Por supuesto, no todo salió [según lo previsto|a la primera], y cometí [muchos|bastantes] errores por el "
    "camino.",
    "En un buen día todo esto lleva menos de {num} minutos, en uno [malo|complicado] se va la [tarde|noche] "
    "entera.",
    "En {city} hay un [pequeño|simpático] grupo que se reúne cada {weekday}, y sus consejos me han resultado "
    "[valiosísimos|muy útiles].",
    "No me considero un [experto|profesional], pero he aprendido [mucho|un montón], casi siempre a base de "
    "[equivocarme|probar].",
    "El mejor consejo que he recibido [nunca|en mi vida] fue también el más sencillo: [empezar poco a poco y tener "
    "paciencia|un poco cada día].",
    "Después de mi [última|anterior] entrada me escribieron [varios|algunos] lectores, y algunas de sus preguntas "
    "eran [excelentes|muy acertadas].",
    "Mirando atrás, me habría gustado que alguien me [explicara|contara] esto [al principio|desde el primer día].",
    "{first}, que lleva más de {num} años con esto, suele decir que [la constancia|la paciencia] vale más que el "
    "talento.",
    "Según una encuesta que leí en {month}, alrededor del {pct} por ciento de los principiantes lo deja [durante el "
    "primer año|antes de cumplir un año].",
    "Todavía recuerdo mi [primer|primerísimo] intento, y no fue [precisamente bonito|ninguna maravilla].",
    "La buena noticia es que [la mayoría de los|casi todos los] problemas tienen explicaciones [muy sencillas|"
    "bastante simples].",
    "A finales de {month} por fin se notaban avances [reales|claros], aunque fueran [lentos|modestos].",
    "Algunos amigos me preguntan si de verdad [merece la pena|vale la pena el esfuerzo], y mi respuesta [siempre "
    "es|sigue siendo] que sí.",
    "A lo largo de los años he probado {small} enfoques [distintos|diferentes], y cada uno me enseñó algo "
    "[nuevo|útil].",
    "Varios lectores querían saber cuánto cuesta todo esto, así que esta vez [apunté cada gasto|guardé todos los "
    "tiques].",
    "A veces el paso más [importante|útil] es simplemente [anotar|apuntar] lo que se ha hecho y lo que ha pasado.",
    "Mi consejo: hablad con gente de vuestra [zona|ciudad], porque la experiencia local no tiene [precio|rival].",
    "[Sinceramente|Por experiencia], el primer mes es el más [duro|difícil], y después todo resulta [más fácil|"
    "mucho más llevadero].",
    "Lo mejor, para mí, no es [siempre|muchas veces] el resultado, sino la hora [tranquila|de calma] que paso "
    "haciéndolo.",
)

_ES_CLOSINGS = (
    "Si tenéis vuestra propia [experiencia|historia] con {topic}, me [encantará|gustará mucho] leerla en los "
    "comentarios.",
    "En la [próxima|siguiente] entrada responderé a algunas preguntas que han salido en los comentarios, hasta "
    "entonces, [gracias por leer|un abrazo].",
    "Tengo [curiosidad|ganas] por ver cómo evoluciona todo {season_in}, y [por supuesto|sin falta] os lo contaré.",
    "Si vivís cerca de {city}, escribidme, quizá podamos [quedar|tomar un café] y compartir ideas.",
    "Esto es todo por [hoy|ahora], y espero que al menos una parte os resulte [útil|de ayuda].",
    "¿Tenéis preguntas o una experiencia [completamente|totalmente] distinta? [Contádmelo sin problema|Escribidme "
    "cuando queráis].",
    "Una cosa está [clara|segura]: todavía me queda [mucho|muchísimo] por aprender sobre {topic}.",
    "Muchas gracias a todas las personas que me han enviado [ideas|sugerencias] y consejos en las [últimas|pasadas] "
    "semanas.",
)

_ES_NOTES = (
    "Actualización: una lectora me señaló un error, que ya está corregido.",
    "Todas las fotos de esta entrada son mías.",
    "Este artículo se publicó primero en mi antiguo blog.",
    "He añadido algunos detalles después de vuestras preguntas en los comentarios.",
    "Gracias a {first} por leer el borrador.",
    "Entrada actualizada en {month}.",
    "Los comentarios vuelven a estar abiertos tras los problemas de spam de la semana pasada.",
    "Algunos enlaces de esta entrada llevan a mis artículos anteriores sobre el mismo tema.",
)

_ES_TOPICS: dict[str, _Topic] = {
    "cooking": _Topic(
        titles=(
            "Receta de diario: {dish}",
            "Lo que {relative} me enseñó sobre cocina",
            "Cocinar con {veg} del mercado",
            "Cuaderno de cocina: {dish}",
            "Por fin me sale bien {dish} casera",
        ),
        sentences=(
            "La receta que uso para {dish} es de mi familia, aunque la he [cambiado|adaptado] bastante [con los "
            "años|con el tiempo].",
            "[Normalmente|Siempre] empiezo pochando {veg} en un poco de [aceite de oliva|mantequilla], a fuego "
            "[lento|medio].",
            "Al cabo de unos {num} minutos, [toda la cocina|la casa entera] huele de maravilla y las verduras están "
            "[tiernas|melosas].",
            "Una cucharada de {ingredient} [al final|en el último momento] marca una diferencia [sorprendente|"
            "enorme].",
            "{relative} [siempre|a menudo] decía que la buena comida no necesita ser [complicada|sofisticada].",
            "Casi toda la verdura la compro {market}, donde los precios son [justos|razonables] y la calidad "
            "[excelente|muy buena].",
            "Probé la receta {small} veces hasta quedar [contento|satisfecho] con el equilibrio entre [sal y "
            "acidez|dulzor y especias].",
            "El horno debe estar [bien caliente|muy caliente], a unos {temp} grados, para que la superficie quede "
            "[dorada|doradita] y crujiente.",
            "Las sobras aguantan [dos o tres|varios] días en la nevera y al día siguiente [suelen estar|están a "
            "veces] aún mejor.",
            "Mis hijos eran [escépticos|desconfiados] al principio, pero ahora piden {dish} [todas las semanas|a "
            "todas horas].",
            "Uno de mis [primeros|mayores] errores fue salar [demasiado pronto|antes de tiempo].",
            "Para una comida [rápida|sencilla], basta con un poco de pan y una ensalada [verde|de tomate] al lado.",
            "Es un plato que perdona los [pequeños|típicos] errores, así que resulta [ideal|perfecto] para "
            "principiantes.",
            "Para una familia de [cuatro personas|cuatro], la comida [cuesta|sale por] menos de {price} euros.",
            "Una amiga de {city} me sugirió añadir un poco de {ingredient}, y desde entonces [no lo hago de otra "
            "manera|siempre lo hago así].",
            "Preparar {dish} el {weekday} por la noche se ha convertido en una [pequeña|auténtica] tradición "
            "[familiar|en casa].",
            "Todo es cuestión de [tiempo|paciencia]: retiro la sartén del fuego en cuanto {veg} empiezan a "
            "[dorarse|tomar color].",
            "Me gusta preparar la salsa [el día anterior|por la mañana], porque los sabores necesitan tiempo para "
            "[asentarse|mezclarse].",
            "No tengáis miedo de probar [sobre la marcha|a menudo] y [rectificar de sal|añadir una pizca de sal].",
            "Algunos fines de semana cocino en [grandes cantidades|cantidad doble] y congelo [una parte|varias "
            "raciones].",
            "El secreto, para mí, está [sobre todo|ante todo] en la calidad del producto y en un poco de "
            "[paciencia|sentido común].",
            "El olor de {dish} me recuerda [siempre|sin falta] a {relative} y a las [comidas de los domingos|largas "
            "sobremesas].",
        ),
        slots={
            "topic": ("la cocina casera",),
            "dish": ("una sopa de lentejas", "un risotto de setas", "un bizcocho de manzana", "un pastel de patata",
                     "un curry de verduras", "una tarta de tomate", "una tortilla de patatas", "un guiso de garbanzos",
                     "una crema de calabaza", "un pollo al limón"),
            "veg": ("las cebollas", "las zanahorias", "los puerros", "los calabacines", "los pimientos", "las setas",
                    "las berenjenas", "los tomates"),
            "ingredient": ("mostaza", "miel", "nata", "comino", "pimentón de la Vera", "jengibre fresco",
                           "queso rallado", "zumo de limón", "tomillo fresco", "ajo asado"),
            "relative": ("mi abuela", "mi tía", "mi padre", "una vieja amiga del colegio", "mi suegra",
                         "un cocinero con el que trabajé"),
            "market": ("en el mercado de los sábados", "en una tienda de la huerta", "en una frutería del barrio",
                       "en el mercado central"),
            "temp": ("180", "190", "200", "220"),
            "price": ("ocho", "diez", "doce", "quince"),
        },
        anchors=("dish", "relative"),
    ),
    "travel": _Topic(
        titles=(
            "{days} días {region_in} sin coche",
            "Una semana en {town} con poco presupuesto",
            "Cuaderno de viaje: {town}",
            "Viajar despacio {region_in}",
            "Lo que aprendí viajando con {companion}",
        ),
        sentences=(
            "Llegamos a {town} [tarde por la noche|ya de madrugada], [cansados pero contentos|agotados pero "
            "felices], después de un [largo|interminable] día de viaje.",
            "Para esa semana habíamos reservado {lodging}, apenas [unos días|una semana] antes de salir.",
            "La dueña, una mujer [muy amable|charlatana|risueña] llamada {host}, nos dio un mapa [dibujado a mano|"
            "hecho por ella] con sus [rincones favoritos|sitios secretos].",
            "Viajar con {companion} significa que los planes cambian [constantemente|cada día], y eso forma parte "
            "de la [gracia|aventura].",
            "A la mañana siguiente caminamos junto [al río|al puerto] hasta que el casco antiguo [desapareció|quedó] "
            "a nuestras espaldas.",
            "Un billete sencillo costaba unos {num} euros, lo que parecía [muy razonable|una ganga] para casi {hours} "
            "horas de trayecto.",
            "Pasamos una tarde [entera|larguísima] en un [pequeño|diminuto] museo que la mayoría de las guías ni "
            "siquiera [menciona|recoge].",
            "{region_in} el tiempo cambia [muy rápido|en minutos], así que conviene llevar un chubasquero incluso "
            "[en verano|en julio].",
            "Algunas de las [mejores|más ricas] comidas del viaje fueron en [sitios|tascas] sin carta.",
            "El [tercer|cuarto] día recorrimos la costa en {transport} y vimos pasar los [pueblos|puertos pesqueros] "
            "uno tras otro.",
            "Antes de cada viaje leo [un poco|algunos capítulos] sobre la historia de la zona, y después todo se ve "
            "[de otra manera|con otros ojos].",
            "Reservarlo todo con antelación ahorra [dinero|algo de dinero], pero también quita [algo de libertad|el "
            "gusto por las sorpresas].",
            "Lo mejor de la semana fue una [conversación|larga charla] con un viejo [pescador|panadero] que había "
            "pasado toda su vida en {town}.",
            "Si viajáis en {month}, encontraréis [menos turistas|calles tranquilas] y noches [algo más frescas|más "
            "calmadas].",
            "Caminábamos unos {km} kilómetros al día, algo que al principio nos parecía [muchísimo|demasiado], hasta "
            "que [cogimos el ritmo|nos acostumbramos].",
            "Viajar despacio obliga a [fijarse en|prestar atención a] cosas que desde la ventanilla de un coche "
            "[pasarían desapercibidas|nunca verías].",
            "La vuelta a casa duró [más de lo previsto|un día más] por [una huelga|un desprendimiento], pero nadie se "
            "quejó.",
            "El año que viene quiero [perderme|volver a perderme] {region_in}, y ya he empezado a [leer|informarme] "
            "sobre la zona.",
            "Un buen par de [zapatos|botas de montaña] importa más que [cualquier aparato|una cámara cara].",
            "Los autobuses regionales {region_in} son [baratos|económicos] y [sorprendentemente|bastante] "
            "puntuales.",
            "En {town} comprábamos el pan [cada mañana|todas las mañanas] en una panadería [abierta|de la misma "
            "familia] desde [hace más de un siglo|antes de la guerra].",
            "[Casi todas las noches|Cada noche] nos sentábamos junto al [agua|mar] sin planear [nada de nada|"
            "absolutamente nada] para el día siguiente.",
        ),
        slots={
            "topic": ("los viajes lentos",),
            "region_in": ("en Asturias", "en los Pirineos", "en Galicia", "en la Alpujarra", "en Cantabria",
                          "en la sierra de Gredos", "en el Algarve", "en la Toscana", "en los Alpes", "en Bretaña",
                          "en el valle del Jerte", "en la Rioja Alavesa"),
            "town": ("Oporto", "Lisboa", "Trieste", "Liubliana", "Bolonia", "Gante", "Cracovia", "Salzburgo", "Bergen",
                     "Lyon", "Turín"),
            "transport": ("el tren nocturno", "un autobús regional", "una bicicleta de alquiler", "un pequeño ferry",
                          "un viejo tren de costa"),
            "lodging": ("una pequeña pensión familiar", "un piso diminuto encima de una panadería",
                        "un refugio de montaña", "una casa rural reformada",
                        "un albergue tranquilo cerca de la estación", "una habitación en casa de una señora mayor"),
            "host": ("Maria", "Elena", "Rosa", "Ana", "Giulia", "Marta"),
            "companion": ("mi hermana", "dos viejos amigos", "mi pareja", "una compañera de trabajo",
                          "mi hijo adolescente"),
            "hours": ("cinco", "seis", "siete", "ocho"),
            "km": ("doce", "quince", "dieciocho", "veinte"),
            "days": ("Diez", "Doce", "Siete", "Catorce"),
        },
        anchors=("region_in", "town", "companion"),
    ),
    "gardening": _Topic(
        titles=(
            "Lo que funcionó en mi huerto este año",
            "Cultivar {plants} en poco espacio",
            "Diario del huerto: lo que pasó en {month}",
            "Cómo combato {pest} sin productos químicos",
            "Lo que me enseñó {weather}",
        ),
        sentences=(
            "Este año planté {plants} {spot}, y el resultado fue [mejor de lo que esperaba|una agradable "
            "sorpresa].",
            "En nuestro barrio de {city} la tierra es arcillosa y [pesada|compacta], así que cada [otoño|invierno] "
            "añado una [buena|gruesa] capa de compost.",
            "En {month}, {weather} lo retrasó todo al menos [dos|tres] semanas.",
            "{pest} fueron un problema [constante|serio], así que [cada noche|al anochecer] salía con una linterna a "
            "revisar las [hojas|plantas].",
            "Siembro {plants} dentro de casa [a principios de primavera|en marzo] y espero a que las noches sean "
            "[más templadas|más suaves] para trasplantar.",
            "Regar [temprano por la mañana|antes del desayuno] mantiene las plantas [más sanas|más fuertes] y gasta "
            "menos agua.",
            "{first}, que vive en la casa de al lado, cultiva los mejores tomates de la [calle|urbanización] y "
            "comparte sus trucos [con mucho gusto|sin problema].",
            "Un [simple|fino] acolchado de paja me ahorró [horas|tardes enteras] de escarda durante el verano.",
            "Coseché unos {num} kilos en total, todo un [récord|éxito] para una parcela tan [pequeña|modesta].",
            "La asociación de cultivos parece cosa de [superstición|abuelas], pero las caléndulas [sí|de verdad] "
            "alejaron parte de los pulgones.",
            "El invernadero se calienta [muchísimo|demasiado] por la tarde, así que abro [las dos puertas|todas las "
            "ventanas] antes de irme a trabajar.",
            "La próxima temporada quiero probar algunas variedades [antiguas|tradicionales] que me recomendó un "
            "banco de semillas de {city}.",
            "Pocas aficiones enseñan tanta [paciencia|humildad] como la jardinería.",
            "Apunto [todas las|cuidadosamente las] fechas de siembra, y es [asombroso|curioso] cuánto [varían|se "
            "desplazan] las estaciones de un año a otro.",
            "Después de {weather} perdí [casi la mitad|un tercio] de las plantas jóvenes y tuve que [empezar de "
            "nuevo|volver a sembrar].",
            "El agua de lluvia del tejado del cobertizo llena ahora [dos grandes|tres viejos] bidones, y con eso "
            "cubrimos [casi todas|buena parte de] nuestras necesidades.",
            "A los niños les encanta recoger {plants}, así que los bancales [más bajos|de delante] son para los "
            "[más pequeños|peques] de la familia.",
            "Un buen compost se hace [despacio|sin prisas], con una mezcla [equilibrada|razonable] de material verde "
            "y marrón.",
            "A finales [del verano|de julio] los bancales estaban tan [llenos|frondosos] que apenas se podía pasar "
            "entre ellos.",
            "La poda asusta menos de lo que parece, siempre que las [herramientas|tijeras] estén limpias y bien "
            "afiladas.",
            "[Las tardes de verano|Después del trabajo] me gusta sentarme en el [viejo|pequeño] banco junto al huerto "
            "y ver crecer las plantas.",
            "Las abejas trabajaron todo [el verano|junio], y eso se [notó|vio] en la cosecha.",
        ),
        slots={
            "topic": ("la jardinería",),
            "plants": ("tomates", "judías verdes", "calabacines", "guisantes de olor", "dalias", "fresas", "patatas",
                       "girasoles", "lechugas", "rábanos"),
            "spot": ("en los bancales elevados", "en el invernadero", "en el huerto urbano", "en el arriate del fondo",
                     "en grandes macetas en la terraza"),
            "pest": ("las babosas", "los pulgones", "los caracoles", "las palomas", "las orugas"),
            "weather": ("una helada tardía", "una semana de lluvia", "una primavera muy seca", "una fuerte tormenta",
                        "una ola de calor en julio"),
        },
        anchors=("plants", "pest", "weather"),
    ),
    "history": _Topic(
        titles=(
            "{building}: una breve historia",
            "En el archivo: {event} en {year}",
            "Cómo {industry} dio forma a nuestro pueblo",
            "Tras las huellas del pasado en {city}",
            "Cuando {event} cambió nuestro pueblo",
        ),
        sentences=(
            "{building} data de {year}, una época en la que el pueblo [apenas|a duras penas] tenía mil "
            "[habitantes|vecinos].",
            "Para ese [periodo|tiempo], la fuente más [rica|valiosa] sigue siendo {source}.",
            "Durante [casi|cerca de] un siglo, la economía [local|del pueblo] dependió de {industry}.",
            "En {year}, {event} cambió la vida del pueblo [casi de la noche a la mañana|en pocas semanas].",
            "Un historiador local, {name}, pasó {num} años [reuniendo|coleccionando] fotografías de las calles "
            "[antiguas|de antes].",
            "Los registros muestran que {num} familias vivían en los callejones [estrechos|oscuros] alrededor de [la "
            "plaza del mercado|la iglesia].",
            "Cuando cerró la última [fábrica|hilatura], en {later_year}, muchos jóvenes se marcharon a [las grandes "
            "ciudades|la capital].",
            "Todavía se ven [restos|trozos] de la antigua muralla detrás [del aparcamiento|del supermercado|de la "
            "estación de autobuses], si uno sabe dónde [mirar|buscar].",
            "Los mapas antiguos revelan una [red|maraña] de caminos que ha desaparecido [casi por completo|en gran "
            "parte].",
            "Me [sorprendió|llamó la atención] saber que {building} sirvió de [hospital|almacén|escuela] durante la "
            "guerra.",
            "Los vecinos de más edad todavía recuerdan la [sirena|campana] de la fábrica que sonaba [cada mañana|"
            "todos los días] a las [seis|seis y media].",
            "Una pequeña exposición en la [biblioteca|casa de cultura] reúne {this_season} muchos de estos documentos "
            "por [primera vez|vez primera].",
            "Leer {source} exige [mucha|muchísima] paciencia, porque la letra a menudo es casi imposible de "
            "[descifrar|leer].",
            "Los nombres de las calles son pistas [valiosas|útiles], ya que muchos recuerdan oficios desaparecidos "
            "[hace tiempo|hace un siglo].",
            "El mercado se celebraba cada {weekday} hasta finales del siglo [diecinueve|dieciocho].",
            "Entre {year} y {later_year}, la población llegó a [duplicarse|casi triplicarse].",
            "La historia local no se reduce a [fechas|cifras]: habla [sobre todo|ante todo] de la gente [corriente|"
            "sencilla] que vivió aquí antes que nosotros.",
            "Si conserváis [fotos|cartas] antiguas de aquella época, la asociación de historia local estará "
            "[encantada|feliz] de verlas.",
            "Llama la atención cuántas casas de aquel [periodo|tiempo] siguen [en pie|habitadas] hoy en día.",
            "En el viejo cementerio, algunas [inscripciones|lápidas] dicen mucho sobre la vida de [entonces|aquellos "
            "años duros].",
            "[Mi abuelo|Un viejo vecino] contaba historias sobre {building} que nadie había [escrito|apuntado] nunca.",
            "Las actas del ayuntamiento de {year} mencionan {industry} en [casi cada página|cada sesión].",
        ),
        slots={
            "topic": ("la historia local",),
            "building": ("el viejo molino", "la iglesia parroquial", "la estación de tren", "el mercado de abastos",
                         "la antigua fábrica de cerveza", "el puente de piedra", "la vieja escuela", "el ayuntamiento"),
            "source": ("los registros parroquiales", "las hemerotecas", "una caja de cartas encontrada en un desván",
                       "los mapas del archivo provincial", "una colección de postales antiguas",
                       "el diario de un maestro del pueblo"),
            "industry": ("la lana", "las minas de carbón", "la construcción naval", "la fabricación de papel",
                         "la pesca", "la industria textil", "las salinas"),
            "event": ("una gran inundación", "un terrible incendio", "la llegada del ferrocarril", "una larga huelga",
                      "una epidemia de cólera"),
        },
        anchors=("building", "source", "industry", "event"),
    ),
    "technology": _Topic(
        titles=(
            "Una segunda vida para {device}",
            "Lo que aprendí con {problem}",
            "Copias de seguridad sencillas en casa",
            "Por qué me pasé a {software}",
            "Tecnología que de verdad facilita la vida",
        ),
        sentences=(
            "En {month} decidí darle una segunda vida a {device} en lugar de [comprar algo nuevo|sustituirlo].",
            "Instalar {software} me llevó menos de {num} minutos, y de repente el equipo volvió a ir [rápido|como la "
            "seda].",
            "Los verdaderos problemas empezaron con {problem}, un [domingo|viernes] por la noche, como no podía ser "
            "de otra manera.",
            "Desde entonces hago copia de seguridad de los archivos [importantes|personales] cada {weekday}, y guardo "
            "una copia en casa de [mis padres|un amigo].",
            "Mucha gente [tira|sustituye] aparatos que solo necesitarían una batería nueva o [una instalación "
            "limpia|una buena limpieza].",
            "Mi [hermano|primo], que trabaja en informática en {city}, se [rio|burló] de mis cables pero [aprobó|"
            "elogió] todo lo demás.",
            "En total me gasté unos {num} euros, sobre todo en una fuente de alimentación [nueva|de repuesto] y un "
            "ventilador [silencioso|más discreto].",
            "Las actualizaciones son importantes, pero ahora espero [unos días|una semana] antes de instalarlas en "
            "el ordenador [principal|familiar].",
            "Me [sorprendió|asustó] cuánta [electricidad|energía] consumían los aparatos viejos supuestamente "
            "apagados.",
            "Un gestor de contraseñas es [seguramente|probablemente] el [mejor|más útil] cambio que he hecho en mis "
            "hábitos [digitales|en internet].",
            "Leer el manual es [aburrido|pesado], pero me habría ahorrado al menos {small} horas de [prueba y error|"
            "quebraderos de cabeza].",
            "El café de reparación de {city} se reúne [una vez al mes|un {weekday} de cada dos] y arregla de todo, "
            "desde [tostadoras|lámparas] hasta portátiles.",
            "La tecnología debería trabajar para nosotros, y no al revés, [al menos en mi casa|o eso intento "
            "recordar].",
            "Después de aquello entendí por fin por qué [todo el mundo|todos] recomienda guardar [tres|varias] "
            "copias de los datos importantes.",
            "Ahora los niños hacen los deberes en el [aparato viejo|equipo antiguo], y funciona [perfectamente|sin "
            "rechistar].",
            "Es tentador perseguir el [último|nuevo] aparato, pero el hardware antiguo [suele ser|casi siempre es] "
            "más que suficiente.",
            "En los foros había consejos [contradictorios|de todo tipo], así que probé cada sugerencia [una por una|"
            "por mi cuenta].",
            "Desde que la televisión salió [del salón|de la cocina], pasamos [mucho|bastante] menos tiempo delante de "
            "las pantallas.",
            "Las buenas herramientas son [discretas|silenciosas]: solo te das cuenta de que existen cuando [fallan|"
            "se estropean].",
            "Apunté [cada paso|todos los pasos], en parte para este blog y en parte para [mi yo del futuro|la "
            "próxima avería].",
            "[Mi padre|Un vecino] quiere ahora la misma instalación, así que [por lo visto|al parecer] tengo un nuevo "
            "trabajo de fin de semana.",
            "La batería aguanta [casi un día entero|unas cuantas horas], y para nosotros es [más que suficiente|de "
            "sobra].",
        ),
        slots={
            "topic": ("la tecnología en casa",),
            "device": ("mi viejo portátil", "una tableta de segunda mano", "un pequeño ordenador de placa única",
                       "mi antiguo router", "un móvil reacondicionado", "un pequeño servidor doméstico",
                       "mi viejo lector de libros electrónicos"),
            "software": ("una distribución de Linux ligera", "un gestor de contraseñas libre",
                         "un editor de fotos gratuito", "una herramienta sencilla de copias de seguridad",
                         "una aplicación de notas sin conexión"),
            "problem": ("un disco duro averiado", "una conexión wifi lentísima", "una actualización que lo rompió "
                        "todo", "una contraseña olvidada", "una tarjeta de memoria llena"),
        },
        anchors=("device", "software", "problem"),
    ),
    "health": _Topic(
        titles=(
            "{small} semanas con nuevos hábitos: balance",
            "Pequeños hábitos que me cambiaron la vida",
            "Lo que me dijo {doctor} sobre el sueño",
            "Cómo llegar en forma al final del invierno",
            "Por qué ya no me salto el desayuno",
        ),
        sentences=(
            "Hace {small} semanas me propuse {habit} todos los días, y [de verdad|realmente] lo he cumplido.",
            "Noté una diferencia [clara|evidente] en {body} al cabo de unas [dos|tres] semanas.",
            "Cuando se lo comenté a {doctor}, la respuesta fue [sencilla|clara]: la [constancia|regularidad] importa "
            "más que la intensidad.",
            "No soy [médico|profesional sanitario], así que tomad esto como una [experiencia personal|historia "
            "propia] y no como un consejo.",
            "Para desayunar suelo tomar ahora {food}, y aguanto sin hambre hasta la hora de [comer|la comida].",
            "El sueño resultó ser la [base|clave] de todo lo demás.",
            "Los días de [mucho trabajo|estrés] hago simplemente una versión más [corta|rápida] en lugar de "
            "saltármelo.",
            "Una amiga de {city} me acompañó [por videollamada|cada mañana], y eso me ayudó [muchísimo|un montón] a "
            "mantener la motivación.",
            "Lo más [difícil|duro] no fue el esfuerzo en sí, sino [acordarme de hacerlo|encontrar el momento].",
            "Según varios estudios, alrededor del {pct} por ciento de los adultos no se mueve lo [suficiente|"
            "necesario] en su día a día.",
            "En un cuaderno [sencillo|pequeño] apunto cómo me encuentro cada día, y los patrones son "
            "[sorprendentemente|muy] claros.",
            "Lo que más me costó fue dejar el azúcar, sobre todo [por la tarde|en la oficina].",
            "[Dos|Tres] veces por semana voy andando al trabajo: tardo unos {num} minutos más, pero llego [de mejor "
            "humor|más tranquilo].",
            "Si algo duele, es mejor [parar|hacer una pausa] y consultar a {doctor} antes de seguir.",
            "Cocinar en casa, además, nos ha ahorrado [bastante|un buen pellizco de] dinero.",
            "Los buenos hábitos se mantienen cuando son [fáciles|cómodos], por eso mis [zapatillas|botas de "
            "caminar] esperan justo al lado de la puerta.",
            "En los meses [oscuros|largos] del invierno mi estado de ánimo es [mucho|bastante] más estable que antes.",
            "Nadie necesita una rutina [perfecta|ideal]: una rutina [razonable|modesta] que de verdad se cumpla es "
            "mucho mejor.",
            "Beber un vaso de agua [nada más levantarme|antes del desayuno] es el cambio más [sencillo|fácil] que he "
            "hecho nunca.",
            "En {month}, la nueva rutina ya no me parecía una [obligación|carga].",
            "[Mi pareja|Una compañera] notó la diferencia antes que yo, y eso fue [curiosamente|extrañamente] "
            "alentador.",
            "[Todavía|A veces] tengo semanas de [pereza|bajón], pero ya no me siento [culpable|mal] por ello.",
        ),
        slots={
            "topic": ("los hábitos saludables",),
            "habit": ("dar un paseo después de cenar", "estirar diez minutos por la mañana",
                      "acostarme antes de las once", "beber más agua", "cocinar en casa",
                      "subir por las escaleras en el trabajo"),
            "body": ("la espalda", "el sueño", "la digestión", "la concentración", "el nivel de energía"),
            "doctor": ("mi médica de cabecera", "mi fisioterapeuta", "una nutricionista", "mi farmacéutico"),
            "food": ("copos de avena con frutos rojos", "un tazón de sopa de verduras", "un puñado de nueces",
                     "yogur natural con fruta", "pan integral con queso fresco"),
        },
        anchors=("habit", "body", "doctor"),
    ),
    "sports": _Topic(
        titles=(
            "Preparando {race} después de los cuarenta",
            "Mi recorrido favorito va {route}",
            "Volver a correr después de {injury}",
            "Lo que aprendí corriendo {club_with}",
            "Crónica de carrera en {city}",
        ),
        sentences=(
            "En {month} me apunté a {race}, [sobre todo|más que nada] para darle un objetivo [claro|concreto] al "
            "entrenamiento.",
            "Mi recorrido habitual va {route}: es [llano|cómodo], tranquilo y tiene [bastante sombra|buena luz por "
            "la tarde].",
            "[Tres|Cuatro] salidas por semana han resultado ser la cantidad [justa|ideal] para mi edad y mi "
            "[horario|trabajo].",
            "Después de {injury} tuve que parar casi {num} días, y fue más duro [mentalmente|para la cabeza] que "
            "físicamente.",
            "Correr {club_with} los sábados por la mañana hace que madrugar sea [mucho|bastante] más [llevadero|"
            "divertido].",
            "El primer kilómetro siempre [pesa|cuesta], pero el cuerpo entra en calor a los [diez|quince] minutos "
            "más o menos.",
            "El día de la carrera había unos {big} corredores en la salida, y el ambiente era [estupendo|"
            "increíble].",
            "Mi tiempo final no fue nada [espectacular|del otro mundo], pero corrí la segunda mitad [más rápido|algo "
            "más rápido] que la primera.",
            "Un entrenador, {name}, me aconsejó una vez correr [despacio|suave] la mayor parte del tiempo, y fue un "
            "consejo [excelente|de oro].",
            "Unas buenas zapatillas merecen la pena, pero no hace falta comprar el modelo más [caro|de moda] de la "
            "tienda.",
            "Cuando hace calor salgo [temprano|al amanecer], antes de que las calles de {city} se [llenen de gente|"
            "animen].",
            "Unos minutos de estiramientos después de correr me han librado [hasta ahora|de momento] de lesiones "
            "[serias|graves].",
            "Un diario de entrenamiento me mostró que corría [demasiado rápido|muy fuerte] los días [suaves|de "
            "recuperación].",
            "Los últimos {small} kilómetros fueron [duros|terribles], pero los ánimos del público lo [cambiaron "
            "todo|hicieron posible].",
            "Los días de descanso forman parte del [entrenamiento|plan] y no son ninguna señal de [debilidad|"
            "pereza].",
            "Mi pareja piensa que esta afición es una [pequeña|auténtica] locura, pero viene a [todas las|casi todas "
            "las] carreras con un termo de [café|té].",
            "Las cuestas son mi punto débil, así que cada {weekday} hago series [cortas|rápidas] en una calle "
            "empinada [cerca de casa|del barrio].",
            "Correr se ha convertido en mi [manera|forma] de [descubrir|redescubrir] {city}, barrio a barrio.",
            "Una hora antes de una [tirada larga|carrera] como algo [ligero|sencillo], normalmente [una tostada con "
            "miel|un plátano].",
            "A nadie le importa lo rápido que vas: lo importante es [seguir saliendo a correr|no abandonar].",
            "[En invierno|Las tardes oscuras], una linterna frontal y una chaqueta [clara|reflectante] son todo el "
            "equipo [extra|adicional] que necesito.",
            "Los voluntarios del recorrido merecerían una medalla, porque pasaron [horas|toda la mañana] bajo [la "
            "lluvia|el viento].",
        ),
        slots={
            "topic": ("las carreras populares",),
            "race": ("una carrera de diez kilómetros", "una media maratón", "una carrera de montaña",
                     "una carrera solidaria", "un cross de otoño"),
            "route": ("junto al canal", "alrededor del lago", "por la antigua vía del tren",
                      "por el bosque que hay detrás del colegio", "a la orilla del río"),
            "injury": ("una sobrecarga en el gemelo", "un esguince de tobillo", "una molestia en la rodilla",
                       "una tendinitis"),
            "club_with": ("con el club de atletismo del barrio", "con unos padres del colegio",
                          "con dos compañeros del trabajo", "con mi vecina"),
        },
        anchors=("race", "route", "club_with"),
    ),
    "music": _Topic(
        titles=(
            "Aprender {instrument} de adulto",
            "Por qué toco en {ensemble}",
            "Notas de ensayo en {city}",
            "Veinte minutos al día: lo que cambia",
            "Compás a compás: así estoy aprendiendo {piece}",
        ),
        sentences=(
            "Empecé a aprender a tocar {instrument} a los [cuarenta|cuarenta y cinco] años, y ojalá lo hubiera hecho "
            "[antes|mucho antes].",
            "Con {name}, mi profesor, las escalas van [antes que cualquier otra cosa|en cada clase], algo que acepto "
            "[a regañadientes|con resignación].",
            "Este mes estoy trabajando {piece}, compás a compás.",
            "Tocar en {ensemble} me ha enseñado a [escuchar|prestar atención] a los demás y no solo a [mí mismo|mi "
            "propia parte].",
            "Ensayamos cada {weekday} por la tarde en un [salón parroquial|aula del colegio] donde [siempre|casi "
            "siempre] hace un poco de [frío|calor].",
            "Veinte minutos de práctica [concentrada|atenta] valen más que dos horas tocando [distraído|sin rumbo].",
            "Nuestro último concierto en {city} reunió a unas {audience} personas, muchas más de las que "
            "[esperábamos|imaginábamos].",
            "Grabarme con el móvil fue [incómodo|vergonzoso] al principio, pero me mostró [exactamente|con claridad] "
            "dónde estaban los problemas.",
            "El pasaje más [difícil|complicado] me costó casi {num} días hasta que sonó [limpio|a tempo].",
            "La teoría musical me parecía [árida|inútil] en el colegio, pero ahora que puedo [oírla|tocarla] tiene "
            "mucho más sentido.",
            "Un instrumento de segunda mano es [perfecto|estupendo] para empezar, siempre que lo haya revisado "
            "alguien que [entienda|sepa].",
            "Algunas tardes no sale nada, y entonces toco [simplemente|sin más] canciones que ya me sé, por "
            "[puro placer|diversión].",
            "Nuestro director tiene un don para explicar ritmos [difíciles|enrevesados] con historias [divertidas|"
            "absurdas].",
            "Aprender de oído me cuesta [más|bastante más], pero luego recuerdo la melodía durante [mucho más "
            "tiempo|años].",
            "Antes de cada [actuación|concierto] me pongo [nervioso|muy nervioso] durante unos minutos, y después se "
            "me pasa.",
            "Además de obras clásicas, tocamos [canciones pop|bandas sonoras] que arregla uno de los [miembros|"
            "músicos] del grupo.",
            "Hacer música con otras personas es una de las [pocas|raras] cosas que me hacen olvidar [por completo|"
            "del todo] la hora.",
            "Mis vecinos tienen [mucha|muchísima] paciencia, aunque sospecho que ya se saben {piece} nota por nota.",
            "El metrónomo es molesto, sincero y [absolutamente|totalmente] imprescindible, [al menos para mí|digan "
            "lo que digan].",
            "Al cabo de {num} semanas noté [por fin|al fin] que mis dedos se movían sin tener que pensar en cada "
            "nota.",
            "[En el último ensayo|El {weekday} pasado] tocamos {piece} de principio a fin sin [parar|interrupciones].",
            "El té y las galletas después del ensayo son, [lo admito|seamos sinceros], la mitad de la razón por la "
            "que sigo.",
        ),
        slots={
            "topic": ("la música en grupo",),
            "instrument": ("el piano", "la guitarra", "el violonchelo", "el violín", "el acordeón", "el clarinete",
                           "el ukelele"),
            "piece": ("un breve preludio de Bach", "una vieja canción popular", "un vals muy sencillo",
                      "un estándar de jazz", "una sonata de Haydn", "una melodía tradicional irlandesa",
                      "un minueto de Mozart"),
            "ensemble": ("un pequeño coro de barrio", "una orquesta de aficionados", "un grupo de música folk",
                         "una banda municipal", "un trío con dos amigos"),
            "audience": ("sesenta", "ochenta", "cien", "ciento cincuenta"),
        },
        anchors=("instrument", "piece", "ensemble"),
    ),
}

_ES_SPAM = _Spam(
    stuffing_keywords=("barato", "mejor precio", "comprar ahora", "oferta", "envío gratis", "rebajas", "vuelos baratos",
                       "hoteles baratos", "chollo", "descuento", "precio increíble", "oferta especial"),
    gibberish_units=("ka", "lo", "mer", "tiv", "cho", "bre", "qui", "zo", "pli", "dra", "ex", "vun", "ost", "rí", "glo",
                     "fen", "ñu", "trok", "ul", "yam", "cré", "nob", "esh", "pla", "güe", "rra"),
    link_templates=("Hoteles en {city}", "Restaurantes {city}", "Coches de segunda mano {city}", "{product} baratos",
                    "Opiniones {product}", "Empleo en {city}", "Pisos en {city}", "{product} en oferta",
                    "Comprar {product} online", "Tiempo en {city}", "Taxi {city}", "Comparar {product}",
                    "Muestras gratis de {product}", "Dentista en {city}"),
    link_slots={
        "city": (*_ES_SLOTS["city"], "Madrid", "Barcelona", "Alicante", "Murcia"),
        "product": ("portátiles", "móviles", "zapatos", "relojes", "sofás", "bicicletas", "neumáticos", "perfumes",
                    "gafas", "colchones", "préstamos", "seguros"),
    },
    gambling_terms=("casino", "casino online", "tragaperras", "póker", "apuestas deportivas", "jackpot", "ruleta",
                    "giros gratis"),
    gambling_lines=("¡¡¡El mejor {term} online!!!", "¡{bonus} giros gratis ahora en {domain}!",
                    "¡¡¡Juega al {term} y gana hoy!!!", "¡¡¡Un jackpot enorme te espera!!!", "Haz clic aquí: {domain}",
                    "¡¡¡Bono de {term} sin depósito!!!", "¡Regístrate y llévate {bonus} euros de bono!",
                    "¡¡¡{term} {term} {term} en {domain}!!!", "¡¡¡Gana dinero real con el {term}!!!",
                    "¡¡¡Regístrate hoy y cobra mañana!!!"),
    gambling_titles=("Mejor bono de {term} - {domain}", "{term} - ¡gana hoy!", "{term} gratis - {bonus} euros"),
    adult_terms=("xxx", "sexo", "webcams eróticas", "contactos adultos", "solteras calientes", "vídeos para adultos",
                 "chat erótico"),
    adult_lines=("¡¡¡{term} gratis ahora!!!", "¡¡¡{term} en directo en {domain}!!!", "¡¡¡Haz clic aquí para {term}!!!",
                 "¡¡¡{term} {term} {term} sin registro!!!", "¡¡¡{term} cerca de ti esta noche!!!",
                 "{term} gratis 24 horas en {domain}", "¡¡¡Solo para adultos 18+!!! ¡Entra ya!",
                 "¡¡¡El mejor sitio de {term}!!!"),
    adult_titles=("{term} gratis - {domain}", "{term} - ¡caliente y gratis!", "Lo mejor en {term} online"),
    directory_titles=("Enlaces útiles", "Directorio de {city}", "Webs amigas", "Los mejores enlaces de {city}"),
)

_ES_CHROME = _Chrome(
    home=("Inicio", "Portada"),
    nav_items=("Noticias", "Quiénes somos", "Contacto", "Archivo", "Recetas", "Viajes", "Huerto", "Blog", "Agenda",
               "Tienda", "Boletín", "Buscar", "Categorías", "Fotos"),
    copyright=("© {year} {site}. Todos los derechos reservados.", "Copyright {year} {site}", "© {site} {year}"),
    legal_links=("Aviso legal", "Política de privacidad", "Política de cookies", "Condiciones de uso", "Accesibilidad",
                 "Mapa del sitio"),
    extras=("Utilizamos cookies para mejorar tu experiencia en nuestra web.",
            "Si continúas navegando, aceptas el uso de cookies.", "Contacto: hola@example.es",
            "Síguenos en las redes sociales"),
    sidebar_titles=("Artículos relacionados", "Lo más leído", "También te puede interesar", "Últimas entradas",
                    "Sigue leyendo"),
    site_first=("El Cuaderno", "La Gaceta", "El Rincón", "Crónicas", "El Diario", "La Ventana", "El Desván",
                "Las Noticias"),
    site_second=("del Barrio", "de la Huerta", "del Viajero", "de la Cocina", "del Sur", "de la Sierra", "del Domingo",
                 "de los Curiosos"),
    site_joiner=" ",
)


# =============================================================================================
# Russian
# =============================================================================================
# Every filler is already in the case its slot needs ("city_in" = prepositional phrase, "_gen",
# "_instr"...).  Nouns used as objects are inanimate masculine, neuter or plural, so accusative =
# nominative; person subjects only take present-tense verbs, which do not agree in gender.  The
# narrator is male.  Text stays inside KOI8-R as well as cp1251: no «», em dash or №.

_RU_SLOTS: dict[str, tuple[str, ...]] = {
    "name": ("Анна Смирнова", "Дмитрий Козлов", "Елена Волкова", "Сергей Морозов", "Ольга Лебедева", "Андрей Новиков",
             "Мария Соколова", "Игорь Павлов", "Татьяна Орлова", "Николай Фёдоров", "Ирина Зайцева", "Павел Кузнецов"),
    "first": ("Анна", "Дмитрий", "Елена", "Сергей", "Ольга", "Андрей", "Мария", "Игорь", "Татьяна", "Николай", "Ирина",
              "Павел"),
    "city": ("Казань", "Тверь", "Самара", "Ярославль", "Пермь", "Томск", "Псков", "Калуга", "Вологда", "Иркутск",
             "Нижний Новгород", "Владимир"),
    "city_in": ("в Казани", "в Твери", "в Самаре", "в Ярославле", "в Перми", "в Томске", "в Пскове", "в Калуге",
                "в Вологде", "в Иркутске", "в Нижнем Новгороде", "во Владимире"),
    "city_from": ("из Казани", "из Твери", "из Самары", "из Ярославля", "из Перми", "из Томска", "из Пскова",
                  "из Калуги", "из Вологды", "из Иркутска", "из Нижнего Новгорода", "из Владимира"),
    "weekday_acc": ("в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье"),
    "weekday_every": ("каждый понедельник", "каждый вторник", "каждую среду", "каждый четверг", "каждую пятницу",
                      "каждую субботу", "каждое воскресенье"),
    "month_in": ("в январе", "в феврале", "в марте", "в апреле", "в мае", "в июне", "в июле", "в августе", "в сентябре",
                 "в октябре", "в ноябре", "в декабре"),
    "month_gen": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                  "ноября", "декабря"),
    "season_in": ("весной", "летом", "осенью", "зимой"),
    "this_season": ("этой весной", "этим летом", "этой осенью", "этой зимой"),
    "small": ("пять", "шесть", "семь", "восемь", "девять", "десять"),
}
_RU_LINKED = (("city", "city_in", "city_from"),)

_RU_INTROS = (
    "Я [давно|уже много лет|очень давно] хотел написать {topic_prep}, и {this_season} наконец [нашлось время|"
    "появилась возможность].",
    "Недавно читательница {city_from} [спросила|поинтересовалась], как я увлёкся {topic_instr}, поэтому вот "
    "[подробный|честный|длинный] ответ.",
    "{weekday_acc} я [почти весь день|целый вечер|всё дождливое утро] думал {topic_prep}, и некоторыми мыслями "
    "[хочется поделиться|стоит поделиться].",
    "Этот текст пролежал в черновиках с {month_gen}, [потому что|главным образом потому, что] я постоянно менял "
    "своё мнение.",
    "Заниматься {topic_instr} я начал [почти случайно|совершенно без плана], во время долгих выходных {city_in} лет "
    "{num} назад.",
    "В интернете [полно|огромное количество] статей {topic_prep}, но [лишь немногие|совсем немногие] совпадают с "
    "тем, что я [видел на практике|проверил сам].",
    "{first} {city_from} уже несколько месяцев уговаривает меня собрать заметки {topic_prep} в одном месте, так "
    "что [вот они|выполняю обещание].",
    "Если бы мне {num} лет назад сказали, что я буду писать {topic_prep}, я бы [не поверил|только рассмеялся].",
    "Кто меня знает, тот в курсе, что я интересуюсь {topic_instr} [ещё со школы|со студенческих лет|с детства].",
    "Каждый год я обещаю себе всерьёз заняться {topic_instr}, и в этот раз у меня [действительно получилось|"
    "наконец хватило упорства].",
)

_RU_GENERIC = (
    "Как любит повторять {name}, мелочи [гораздо|намного] важнее [дорогого снаряжения|модных гаджетов].",
    "Мне понадобилось [около|примерно] {num} попыток, чтобы [понять|разобраться], что я делаю не так.",
    "Соседка [посмеялась|покачала головой], когда я рассказал ей о [своём плане|своей затее], но [через "
    "несколько недель|довольно скоро] изменила мнение.",
    "Ничего из этого не происходит [за одну ночь|за неделю], и тот, кто обещает [быстрые|мгновенные] результаты, "
    "[обычно|скорее всего] что-то продаёт.",
    "Я веду [простую|небольшую] тетрадь, и перечитывать её [часто|нередко] полезнее [любой книги|любого видео].",
    "Первые {small} недель были, честно говоря, [довольно тяжёлыми|настоящим испытанием терпения].",
    "Один [короткий|случайный] разговор {city_in} изменил мой [взгляд|подход] на всё это.",
    "Больше всего меня [удивило|поразило], как мало денег [нужно|требуется], чтобы начать.",
    "Конечно, не всё шло [по плану|гладко], и по дороге я наделал [немало|кучу] ошибок.",
    "В удачный день всё это занимает меньше {num} минут, а в [неудачный|трудный] уходит [целый вечер|весь "
    "вечер].",
    "{city_in} есть [небольшая|дружная] группа, которая собирается {weekday_every}, и их советы для меня "
    "[бесценны|очень важны].",
    "Я не считаю себя [экспертом|специалистом], но многому научился, [чаще всего на собственных ошибках|"
    "методом проб и ошибок].",
    "Лучший совет, который я [когда-либо|вообще] получал, был и самым простым: [начинать с малого и не торопиться|"
    "понемногу каждый день].",
    "После [прошлой|предыдущей] записи мне написали несколько читателей, и некоторые вопросы были [очень "
    "толковыми|отличными].",
    "Оглядываясь назад, я [жалею|немного жалею], что никто не объяснил мне это [в самом начале|с первого дня].",
    "{first} занимается этим больше {num} лет и любит повторять, что [постоянство|терпение] важнее таланта.",
    "Судя по опросу, который я прочитал {month_in}, около {pct} процентов новичков бросают [в первый же год|"
    "уже через несколько месяцев].",
    "Свою [первую|самую первую] попытку я помню до сих пор, и [выглядела она не очень|это была маленькая "
    "катастрофа].",
    "Хорошая новость в том, что [у большинства проблем|почти у всех проблем] [очень простые|довольно скучные] причины.",
    "К концу {month_gen} наконец стал заметен [настоящий|реальный] прогресс, пусть и [медленный|скромный].",
    "Друзья [иногда|часто] спрашивают, стоит ли оно того, и я [всегда|неизменно] отвечаю, что да.",
    "За эти годы я перепробовал {small} разных [подходов|способов], и каждый чему-то меня [научил|научил "
    "всерьёз].",
    "Несколько читателей спрашивали, во сколько всё это обходится, поэтому на этот раз я [записывал каждую "
    "трату|сохранял все чеки].",
    "Иногда самый [важный|полезный] шаг состоит в том, чтобы просто [записать|отметить], что ты сделал и что из "
    "этого вышло.",
    "Мой совет: общайтесь с людьми из [своего города|своей округи], потому что местный опыт [ничем не заменить|"
    "дороже любых книг].",
    "[Честно говоря|По моему опыту], первый месяц самый [трудный|тяжёлый], а дальше становится [легче|"
    "заметно проще].",
    "Самое приятное для меня [часто|порой] не результат, а [спокойный|тихий] час, проведённый за этим занятием.",
)

_RU_CLOSINGS = (
    "Если вы тоже [увлекаетесь|занимаетесь] {topic_instr}, поделитесь своим опытом [в комментариях|ниже].",
    "В [следующей|ближайшей] записи я отвечу на вопросы из комментариев, а пока [спасибо, что дочитали|всем хорошего "
    "дня].",
    "[Интересно|Любопытно], как всё сложится {season_in}, и я [обязательно|непременно] расскажу об этом.",
    "Если вы живёте {city_in} или рядом, напишите мне, может быть, получится [встретиться|выпить кофе] и обменяться "
    "опытом.",
    "На [сегодня|этот раз] это всё, и я надеюсь, что хотя бы часть этих мыслей окажется [полезной|нужной].",
    "Есть вопросы или [совсем|совершенно] другой опыт? [Пишите, буду рад|Буду рад письмам].",
    "Одно понятно [точно|наверняка]: заниматься {topic_instr} я буду ещё [очень долго|много лет].",
    "Спасибо всем, кто присылал мне [советы|подсказки] и идеи в [последние|прошедшие] недели.",
)

_RU_NOTES = (
    "Дополнение: читательница указала на ошибку, теперь она исправлена.",
    "Все фотографии в этой записи мои.",
    "Эта статья впервые появилась в моём старом блоге.",
    "После вопросов в комментариях я добавил несколько подробностей.",
    "Спасибо друзьям, которые прочитали черновик этой записи.",
    "Запись обновлена {month_in}.",
    "Комментарии снова открыты после истории со спамом на прошлой неделе.",
    "Некоторые ссылки в этой записи ведут на мои старые статьи на ту же тему.",
)

_RU_TOPICS: dict[str, _Topic] = {
    "cooking": _Topic(
        titles=(
            "Готовим {dish} дома",
            "Рецепт на каждый день: {dish}",
            "Чему меня научила {relative}",
            "Кухонные заметки: {dish}",
            "Сезонные овощи с рынка и что из них приготовить",
        ),
        sentences=(
            "Рецепт, по которому я готовлю {dish}, достался мне от родных, хотя [за годы|со временем] я его "
            "[сильно|заметно] изменил.",
            "[Обычно|Всегда] я начинаю с того, что на [слабом|среднем] огне обжариваю {veg} в [небольшом "
            "количестве масла|капле сливочного масла].",
            "Минут через {num} [вся кухня|весь дом] наполняется ароматом, а овощи становятся [мягкими и сладкими|"
            "нежными].",
            "Ложка {ingredient} в [самом конце|последний момент] [удивительно|заметно] меняет вкус.",
            "{relative} [всегда|часто] говорила, что хорошая еда не обязана быть [сложной|дорогой].",
            "Почти все овощи я покупаю {market}, где цены [честные|разумные], а качество [отличное|очень хорошее].",
            "Прежде чем остаться [довольным|довольным результатом], я опробовал рецепт {small} раз, подбирая [баланс "
            "соли и кислоты|количество специй].",
            "Духовку нужно [хорошо|как следует] разогреть, примерно до {temp} градусов, чтобы сверху образовалась "
            "[румяная|хрустящая] корочка.",
            "Остатки [спокойно|прекрасно] хранятся в холодильнике [два-три|несколько] дня, а на следующий день "
            "[часто|иногда] становятся даже вкуснее.",
            "Дети [поначалу|сначала] относились скептически, а теперь просят приготовить {dish} [каждую неделю|"
            "постоянно].",
            "Одна из моих [первых|главных] ошибок: я солил [слишком рано|ещё до варки].",
            "На [быстрый|простой] обед достаточно добавить кусок хлеба и [зелёный|овощной] салат.",
            "Это блюдо прощает [мелкие|небольшие] ошибки, поэтому оно [идеально подходит|отлично годится] для "
            "начинающих.",
            "На семью из четырёх человек такой обед обходится [меньше чем|дешевле чем] в {price} рублей.",
            "Подруга {city_from} посоветовала добавить немного {ingredient}, и [с тех пор|теперь] я готовлю [только "
            "так|исключительно так].",
            "Готовить {dish} по [воскресеньям|выходным] у нас стало [маленькой|настоящей] семейной традицией.",
            "Всё решает [время|терпение]: сковороду нужно снять с огня, как только овощи начнут [золотиться|"
            "подрумяниваться].",
            "Соус я люблю готовить [накануне|с утра], потому что вкусам нужно время, чтобы [соединиться|раскрыться].",
            "Не бойтесь пробовать [по ходу готовки|почаще] и [добавлять соль и специи|поправлять вкус].",
            "По выходным я [часто|обычно] готовлю побольше и замораживаю [часть порций|несколько порций].",
            "Секрет, [по-моему|как мне кажется], в [хороших|свежих] продуктах и капле [терпения|здравого смысла].",
            "Запах, когда готовится {dish}, [всегда|неизменно] напоминает мне [воскресные обеды|большие семейные "
            "застолья] детства.",
        ),
        slots={
            "topic_prep": ("о домашней кухне",),
            "topic_instr": ("домашней кухней",),
            "dish": ("борщ", "плов", "суп из чечевицы", "грибной суп", "овощное рагу", "жаркое в горшочках",
                     "картофельный гратен", "пирог с капустой", "куриный бульон", "сырники"),
            "veg": ("лук", "морковь", "лук-порей", "кабачки", "сладкий перец", "грибы", "баклажаны", "помидоры"),
            "ingredient": ("горчицы", "мёда", "сметаны", "зиры", "копчёной паприки", "свежего имбиря", "тёртого сыра",
                           "лимонного сока", "сушёного тимьяна", "сливочного масла"),
            "relative": ("бабушка", "тётя", "мама", "тёща", "соседка по даче"),
            "market": ("на субботнем рынке", "в фермерской лавке неподалёку", "у знакомого продавца на рынке",
                       "на центральном рынке"),
            "temp": ("180", "190", "200", "220"),
            "price": ("300", "400", "500", "600"),
        },
        anchors=("dish", "relative"),
    ),
    "travel": _Topic(
        titles=(
            "{days} дней {region_in} без машины",
            "Почему я снова и снова возвращаюсь {region_to}",
            "Неделя {town_in} с небольшим бюджетом",
            "Путевые заметки: неделя {town_in}",
            "Медленное путешествие {region_in}",
        ),
        sentences=(
            "Поздно вечером мы наконец оказались {town_in}, [уставшие, но довольные|измотанные, но счастливые] после "
            "[долгой|бесконечной] дороги.",
            "На неделю мы сняли {lodging}, причём бронировали [всего за несколько дней|буквально за неделю] до "
            "отъезда.",
            "Хозяйка, [весёлая|разговорчивая|приветливая] женщина по имени {host}, нарисовала нам от руки карту "
            "[своих любимых мест|тайных уголков].",
            "Путешествовать {companion} значит [постоянно|каждый день] менять планы, и в этом есть своя "
            "[прелесть|романтика].",
            "На следующее утро мы шли вдоль [реки|набережной], пока старый город не [скрылся|исчез] за спиной.",
            "Билет в одну сторону стоил около {big} рублей, что для почти {hours} часов пути показалось [очень "
            "разумным|настоящей удачей].",
            "[Целый|Весь] день мы провели в [маленьком|крошечном] музее, о котором большинство путеводителей даже не "
            "[упоминает|пишет].",
            "Погода {region_in} меняется [быстро|за считаные минуты], поэтому даже [летом|в июле] стоит взять с собой "
            "дождевик.",
            "Одни из [самых вкусных|лучших] обедов за поездку были в [местах|маленьких столовых], где нет даже меню.",
            "На [третий|четвёртый] день мы поехали вдоль побережья {transport} и смотрели, как мимо проплывают "
            "[деревни|рыбацкие посёлки].",
            "Перед каждой поездкой я читаю [хотя бы пару глав|немного] о местной истории, и потом [всё видишь|улицы "
            "видишь] другими глазами.",
            "Если бронировать всё заранее, можно [сэкономить|немного сэкономить], но теряется [часть свободы|радость "
            "неожиданностей].",
            "Главным событием недели стал [разговор|долгий разговор] со старым [рыбаком|пекарем], который прожил "
            "{town_in} всю жизнь.",
            "Если ехать {month_in}, туристов будет [меньше|заметно меньше], а вечера [прохладнее|спокойнее].",
            "Каждый день мы проходили {km} километров, и поначалу это казалось [очень много|слишком много], пока мы "
            "не [втянулись|привыкли].",
            "Медленное путешествие заставляет [замечать|видеть] то, что из окна машины [просто не увидишь|легко "
            "пропустить].",
            "Дорога домой заняла [больше времени, чем планировалось|лишний день] из-за [отменённого поезда|размытой "
            "дороги], но никто не жаловался.",
            "В следующем году [хочу|мечтаю] поехать {region_to}, и уже начал [читать|собирать сведения] об этих "
            "местах.",
            "Хорошая [удобная обувь|пара ботинок] важнее [любого гаджета|дорогого фотоаппарата].",
            "Рейсовые автобусы {region_in} [недорогие|дешёвые] и на удивление [пунктуальные|точные].",
            "{town_in} мы [каждое утро|по утрам] покупали хлеб в пекарне, которая работает [больше ста лет|ещё с "
            "довоенных времён].",
            "[Почти каждый вечер|Каждый вечер] мы сидели у [воды|причала] и [ничего не планировали|не строили "
            "никаких планов] на завтра.",
        ),
        slots={
            "topic_prep": ("о путешествиях",),
            "topic_instr": ("путешествиями",),
            "region_in": ("на Алтае", "в Карелии", "на Байкале", "на Урале", "на Камчатке", "на Селигере",
                          "в Калининградской области", "на Кольском полуострове", "в Приэльбрусье", "на Валдае"),
            "region_to": ("на Алтай", "в Карелию", "на Байкал", "на Урал", "на Камчатку", "на Селигер",
                          "в Калининградскую область", "на Валдай"),
            "town_in": ("в Суздале", "в Выборге", "в Костроме", "в Великом Новгороде", "в Плёсе", "в Зеленоградске",
                        "в Угличе", "в Торжке", "в Мурманске", "в Старой Руссе"),
            "transport": ("на ночном поезде", "на рейсовом автобусе", "на арендованном велосипеде",
                          "на маленьком пароме", "на старой электричке"),
            "lodging": ("небольшую гостиницу у реки", "крошечную квартиру над пекарней", "домик у озера",
                        "комнату в старом деревянном доме", "номер в тихом хостеле у вокзала",
                        "гостевой дом на окраине"),
            "host": ("Валентина", "Галина", "Людмила", "Нина", "Светлана"),
            "companion": ("с сестрой", "с двумя старыми друзьями", "с женой", "с коллегой", "с сыном-подростком"),
            "hours": ("пяти", "шести", "семи", "восьми"),
            "km": ("пятнадцать", "восемнадцать", "двадцать", "двадцать пять"),
            "days": ("Десять", "Двенадцать", "Семь", "Восемь"),
        },
        anchors=("region_in", "town_in", "companion"),
    ),
    "gardening": _Topic(
        titles=(
            "Что получилось на даче в этом году",
            "Как я выращиваю {plants} на маленьком участке",
            "Дачный дневник: заметки за сезон",
            "Как я борюсь с вредителями без химии",
            "Чему меня научил этот сезон",
        ),
        sentences=(
            "В этом году я посадил {plants} {spot}, и результат [превзошёл мои ожидания|приятно удивил].",
            "Почва на нашем участке [тяжёлая|плотная] и глинистая, поэтому каждую [осень|зиму] я добавляю [толстый|"
            "хороший] слой компоста.",
            "{month_in} {weather} всё отстало в развитии минимум на [две|три] недели.",
            "{pest} были [постоянной|серьёзной] проблемой, поэтому [каждый вечер|после заката] я обходил грядки с "
            "фонариком.",
            "{plants} я сею дома [ранней весной|в марте] и высаживаю в грунт, когда ночи становятся [теплее|"
            "мягче].",
            "Полив [рано утром|до завтрака] сохраняет растения [здоровыми|крепкими] и экономит воду.",
            "{first} с соседнего участка выращивает [лучшие|самые вкусные] помидоры на всей улице и [охотно|щедро] "
            "делится секретами.",
            "[Простая|Тонкая] мульча из соломы сэкономила мне летом [много часов|целые выходные] прополки.",
            "Всего я собрал около {num} килограммов, и для такого [маленького|скромного] участка это [рекорд|"
            "отличный результат].",
            "Совместные посадки кажутся [суеверием|бабушкиными сказками], но бархатцы [действительно|похоже] "
            "отпугнули часть тли.",
            "В теплице днём становится [очень|невыносимо] жарко, поэтому перед работой я открываю [обе двери|все "
            "форточки].",
            "В следующем сезоне хочу попробовать несколько [старых|забытых] сортов, которые мне посоветовали в клубе "
            "садоводов {city_in}.",
            "Мало какое хобби учит [терпению|смирению] так, как работа в [саду|огороде].",
            "Я записываю [все даты|каждую дату] посева, и [удивительно|поразительно], насколько сильно сезоны "
            "отличаются от года к году.",
            "Однажды {weather} я потерял [почти половину|треть] рассады, и пришлось [начинать заново|сеять всё "
            "снова].",
            "Дождевая вода с крыши сарая теперь наполняет [две большие|три старые] бочки, и этого хватает [почти на "
            "всё лето|на большую часть сезона].",
            "Дети [обожают|очень любят] собирать урожай, поэтому [нижние|передние] грядки отданы самым [младшим|"
            "маленьким] членам семьи.",
            "Хороший компост созревает [медленно|не спеша], и для него нужна [правильная|разумная] смесь зелёных и "
            "сухих остатков.",
            "К концу [лета|июля] грядки были такими [густыми|заросшими], что между ними было почти не пройти.",
            "Обрезка пугает [меньше|не так сильно], чем кажется, если [инструменты|секаторы] чистые и хорошо "
            "заточены.",
            "[Летними вечерами|После работы] я люблю посидеть на [старой|маленькой] скамейке у грядок и просто "
            "смотреть, как всё растёт.",
            "Пчёлы трудились [всё лето|весь июнь], и это [сразу|заметно] сказалось на урожае.",
        ),
        slots={
            "topic_prep": ("о садоводстве",),
            "topic_instr": ("садоводством",),
            "plants": ("помидоры", "фасоль", "кабачки", "душистый горошек", "георгины", "огурцы", "картофель",
                       "подсолнухи", "редис", "тыквы"),
            "spot": ("в высоких грядках", "в теплице", "на дачном участке", "на дальней клумбе",
                     "в больших горшках на веранде"),
            "pest": ("Слизни", "Улитки", "Голуби", "Гусеницы", "Медведки"),
            "weather": ("из-за поздних заморозков", "из-за недели проливных дождей", "из-за необычно сухой весны",
                        "из-за сильной бури", "из-за июльской жары"),
        },
        anchors=("plants", "pest", "weather"),
    ),
    "history": _Topic(
        titles=(
            "{building}: короткая история",
            "Из архива: события {year} года",
            "Забытые страницы истории нашего города",
            "По следам прошлого: {city}",
            "Что рассказывают старые открытки",
        ),
        sentences=(
            "{building} построили в {year} году, когда в городке жило [едва ли больше|чуть больше] тысячи "
            "[человек|жителей].",
            "Главный источник сведений о тех [годах|десятилетиях] для меня: {source}.",
            "[Почти сто лет|Около века] город жил [за счёт|главным образом за счёт] {industry}.",
            "В {year} году из-за {event} жизнь города изменилась [почти в одночасье|за несколько недель].",
            "Местный краевед {name} {num} лет [собирает|разыскивает] фотографии [старых улиц|старого города].",
            "По документам, в [узких|тесных] переулках вокруг [рыночной площади|церкви] жили {num} семей.",
            "Когда в {later_year} году закрылась последняя [фабрика|ткацкая фабрика], многие молодые люди уехали в "
            "[большие города|столицу].",
            "Остатки старой городской стены до сих пор видны за [парковкой|супермаркетом|автостанцией], если знать, "
            "куда [смотреть|искать].",
            "Старые карты показывают [сеть|целую паутину] тропинок, которая [почти полностью|в основном] исчезла.",
            "Меня [удивило|поразило], что {building} в годы войны использовали как [госпиталь|склад|школу].",
            "Пожилые жители до сих пор помнят [гудок|сирену] фабрики, который звучал [каждое утро|по будням] в "
            "[шесть|половине седьмого].",
            "Небольшая выставка в [городской библиотеке|доме культуры] {this_season} впервые собрала многие из этих "
            "документов [вместе|в одном месте].",
            "Работа с [архивами|такими документами] требует [терпения|большого терпения], потому что почерк часто "
            "почти невозможно [разобрать|прочесть].",
            "Названия улиц [ценная|хорошая] подсказка, ведь многие из них напоминают о [давно|навсегда] исчезнувших "
            "ремёслах.",
            "Рынок собирался {weekday_every} [вплоть до|до самого] конца девятнадцатого века.",
            "С {year} по {later_year} год население города [выросло более чем вдвое|увеличилось почти втрое].",
            "Краеведение это не только [даты|цифры], это [прежде всего|в первую очередь] истории [обычных|простых] "
            "людей, которые жили здесь до нас.",
            "Если у вас сохранились старые [фотографии|письма] тех лет, краеведческий музей будет [рад|очень рад] их "
            "увидеть.",
            "[Поразительно|Удивительно], сколько домов той эпохи [стоит|сохранилось] до сих пор.",
            "На старом кладбище некоторые [надписи|надгробия] многое рассказывают о жизни [того времени|тех трудных "
            "лет].",
            "[Мой дед|Старый сосед] рассказывал истории про {building}, которые никто никогда не [записывал|"
            "публиковал].",
            "В протоколах городской думы за {year} год {industry_nom} упоминается [почти на каждой странице|на каждом "
            "заседании].",
        ),
        slots={
            "topic_prep": ("о краеведении",),
            "topic_instr": ("краеведением",),
            "building": ("старый мост", "вокзал", "торговые ряды", "здание пивоварни", "приходской храм",
                         "старый купеческий дом", "здание школы", "гостиный двор"),
            "source": ("церковные метрические книги", "старые подшивки местной газеты", "коробка писем с чердака",
                       "карты из областного архива", "коллекция старых открыток", "дневник сельского учителя"),
            "industry": ("ткачества", "угледобычи", "судостроения", "пивоварения", "бумажного производства",
                         "кружевного промысла", "рыболовства"),
            "industry_nom": ("ткачество", "пивоварение", "судостроение", "рыболовство", "кружевной промысел"),
            "event": ("большого наводнения", "страшного пожара", "долгой забастовки", "эпидемии холеры", "неурожая"),
        },
        anchors=("building", "source", "industry", "event"),
    ),
    "technology": _Topic(
        titles=(
            "Вторая жизнь для старой техники",
            "Чему меня научила одна поломка",
            "Простые резервные копии дома",
            "Почему я перешёл на {software}",
            "Техника, которая действительно упрощает жизнь",
        ),
        sentences=(
            "{month_in} я решил не выбрасывать {device}, а [дать ему вторую жизнь|привести его в порядок].",
            "Я установил {software}, на это ушло меньше {num} минут, и компьютер [вдруг|сразу] снова стал "
            "[быстрым|шустрым].",
            "Настоящие проблемы начались из-за {problem}, разумеется, в [воскресенье|пятницу] вечером.",
            "С тех пор я {weekday_every} делаю резервную копию [важных|личных] файлов, а одна копия хранится у "
            "[родителей|друга].",
            "Многие [выбрасывают|меняют] устройства, которым нужна всего лишь [новая батарея|свежая батарея] или "
            "[чистая установка системы|хорошая чистка].",
            "[Брат|Двоюродный брат], который работает айтишником {city_in}, [посмеялся|пошутил] над моими "
            "проводами, но остальное [одобрил|похвалил].",
            "Всё вместе обошлось примерно в {big} рублей, в основном за новый [блок питания|аккумулятор] и [тихий|"
            "бесшумный] вентилятор.",
            "Обновления важны, но теперь я жду [несколько дней|неделю], прежде чем ставить их на [основной|"
            "семейный] компьютер.",
            "Меня [удивило|неприятно удивило], сколько [электричества|энергии] потребляла старая техника в якобы "
            "выключенном состоянии.",
            "Менеджер паролей, [пожалуй|наверное], [лучшее|самое полезное] изменение в моих цифровых привычках.",
            "Читать инструкцию [скучно|утомительно], но это сэкономило бы мне как минимум {small} часов [проб и "
            "ошибок|догадок].",
            "Клуб ремонта {city_in} собирается [раз в месяц|по выходным] и чинит всё подряд, от [тостеров|"
            "настольных ламп] до ноутбуков.",
            "Техника должна работать на нас, а не наоборот, [по крайней мере у меня дома|я стараюсь об этом "
            "помнить].",
            "После этой истории я [наконец|окончательно] понял, почему все советуют хранить [несколько|три] копии "
            "важных данных.",
            "Теперь дети делают уроки на [старом компьютере|старом ноутбуке], и он работает [безупречно|без "
            "единой жалобы].",
            "[Соблазнительно|Очень хочется] гнаться за новинками, но старого железа [чаще всего|обычно] более чем "
            "достаточно.",
            "На форумах было полно [противоречивых|самых разных] советов, поэтому я проверял их [по одному|сам].",
            "С тех пор как телевизор переехал из [гостиной|кухни], мы проводим [гораздо|заметно] меньше времени у "
            "экранов.",
            "Хорошие инструменты [незаметны|не бросаются в глаза]: о них вспоминаешь, только когда они [ломаются|"
            "подводят].",
            "Я записывал [каждый шаг|все шаги], отчасти для этого блога, отчасти [для себя в будущем|на случай "
            "следующей поломки].",
            "[Отец|Сосед] теперь хочет такую же систему, так что у меня, [похоже|кажется], появилось новое занятие "
            "на выходные.",
            "Аккумулятора хватает [почти на целый день|на несколько часов], и нам этого [вполне|более чем] "
            "достаточно.",
        ),
        slots={
            "topic_prep": ("о домашней технике",),
            "topic_instr": ("домашней техникой",),
            "device": ("старый ноутбук", "подержанный планшет", "одноплатный компьютер", "домашний роутер",
                       "восстановленный смартфон", "маленький домашний сервер", "старый компьютер"),
            "software": ("лёгкий дистрибутив Linux", "свободный менеджер паролей", "бесплатный фоторедактор",
                         "простой инструмент для резервного копирования", "офлайн-приложение для заметок"),
            "problem": ("сломанного жёсткого диска", "медленного вайфая", "обновления, которое всё сломало",
                        "забытого пароля", "переполненной карты памяти"),
        },
        anchors=("device", "software", "problem"),
    ),
    "health": _Topic(
        titles=(
            "{small} недель с новыми привычками: итоги",
            "Маленькие привычки, большие перемены",
            "Что сказал мне врач о сне",
            "Как пережить зиму в хорошей форме",
            "Почему я больше не пропускаю завтрак",
        ),
        sentences=(
            "{small} недель назад я пообещал себе каждый день {habit}, и [действительно|правда] сдержал слово.",
            "Примерно через [две|три] недели я заметил, что {body_clause}.",
            "Когда я рассказал об этом {doctor_dat}, ответ был [простым|коротким]: [регулярность|постоянство] важнее "
            "интенсивности.",
            "Я не [врач|медик], поэтому воспринимайте это как [личный опыт|мою собственную историю], а не как "
            "совет.",
            "На завтрак у меня теперь [обычно|чаще всего] {food}, и этого хватает [до обеда|до самого обеда].",
            "Сон оказался [основой|фундаментом] для всего остального.",
            "В [загруженные|тяжёлые] дни я просто делаю [укороченную|быструю] версию, вместо того чтобы всё "
            "пропускать.",
            "Подруга {city_from} присоединилась ко мне [по видеосвязи|по утрам], и это [очень|здорово] помогло не "
            "сдаваться.",
            "Самым [сложным|трудным] было не само усилие, а то, чтобы [не забывать об этом|находить на это время].",
            "По данным исследований, около {pct} процентов взрослых двигаются в течение дня [недостаточно|слишком "
            "мало].",
            "В [простой|небольшой] тетради я отмечаю, как себя чувствую каждый день, и закономерности видны "
            "[удивительно|на редкость] чётко.",
            "[Труднее всего|Тяжелее всего] было отказаться от сладкого, особенно [во второй половине дня|на "
            "работе].",
            "[Дважды|Трижды] в неделю я хожу на работу пешком: это добавляет к дороге минут {num}, но настроение "
            "[гораздо|заметно] лучше.",
            "Если что-то болит, лучше [остановиться|сделать паузу] и посоветоваться с врачом, прежде чем "
            "продолжать.",
            "Домашняя еда к тому же помогла нам [заметно|неплохо] сэкономить.",
            "Хорошие привычки держатся, когда они [простые|удобные], поэтому [кроссовки|ботинки для прогулок] у "
            "меня стоят прямо у двери.",
            "В [тёмные|долгие] зимние месяцы настроение у меня теперь [гораздо|намного] ровнее, чем раньше.",
            "Никому не нужен [идеальный|безупречный] режим: обычный режим, которого вы [действительно|на самом деле] "
            "придерживаетесь, гораздо лучше.",
            "Стакан воды [сразу после пробуждения|до завтрака] самое [простое|лёгкое] изменение, которое я "
            "когда-либо делал.",
            "{month_in} новый распорядок уже не казался [обязанностью|тяжёлой повинностью].",
            "[Жена|Коллега] заметила разницу раньше меня, и это было [странно|на удивление] приятно.",
            "Ленивые недели у меня [всё ещё|иногда] бывают, но я больше не [чувствую себя виноватым|ругаю себя].",
        ),
        slots={
            "topic_prep": ("о здоровых привычках",),
            "topic_instr": ("здоровыми привычками",),
            "habit": ("гулять после ужина", "делать десятиминутную зарядку по утрам", "ложиться спать до одиннадцати",
                      "пить больше воды", "готовить дома", "подниматься по лестнице вместо лифта"),
            "body_clause": ("сплю крепче", "спина болит меньше", "сил стало больше", "легче сосредоточиться",
                            "голова болит реже"),
            "doctor_dat": ("своему терапевту", "знакомому физиотерапевту", "диетологу", "фармацевту в аптеке у дома"),
            "food": ("овсянка с ягодами", "тарелка овощного супа", "горсть орехов и яблоко",
                     "натуральный йогурт с фруктами", "цельнозерновой хлеб с творогом"),
        },
        anchors=("habit", "doctor_dat"),
    ),
    "sports": _Topic(
        titles=(
            "Мой первый {race}",
            "Любимый маршрут: пробежка {route}",
            "Возвращение после {injury}",
            "Чему меня научили пробежки {club}",
            "Бег после сорока: личный опыт",
        ),
        sentences=(
            "{month_in} я записался на {race}, [в основном|прежде всего] чтобы у тренировок появилась [понятная|"
            "ясная] цель.",
            "Мой обычный маршрут проходит {route}: он [ровный|удобный], тихий и [приятно тенистый|хорошо освещён "
            "вечером].",
            "[Три|Четыре] пробежки в неделю оказались [как раз тем, что нужно|оптимальными] при моём возрасте и "
            "[графике|работе].",
            "После {injury} мне пришлось сделать перерыв почти на {num} дней, и [морально|психологически] это было "
            "тяжелее, чем физически.",
            "Бегать {club} по субботам утром [гораздо|намного] веселее, и ранний подъём уже не так [пугает|"
            "мучает].",
            "Первый километр всегда даётся [тяжело|с трудом], но минут через [десять|пятнадцать] тело "
            "разогревается.",
            "В день старта на линии собралось около {big} участников, и атмосфера была [замечательной|"
            "потрясающей].",
            "Время на финише было совсем не [выдающимся|впечатляющим], зато вторую половину я пробежал [быстрее|"
            "чуть быстрее] первой.",
            "Тренер {name} советует большую часть времени бегать [медленно|спокойно], и это [отличный|золотой] "
            "совет.",
            "Хорошие кроссовки стоят своих денег, но [самая дорогая|самая модная] модель в магазине совсем не "
            "[обязательна|нужна].",
            "В жару я выхожу на пробежку [рано утром|на рассвете], пока на улицах ещё [мало людей|пусто].",
            "Несколько минут растяжки после бега [пока|до сих пор] уберегали меня от [серьёзных|тяжёлых] травм.",
            "Дневник тренировок показал, что в [лёгкие|восстановительные] дни я бегал [слишком быстро|чересчур "
            "резво].",
            "Последние {small} километров дались [тяжело|очень тяжело], но поддержка зрителей [всё изменила|"
            "помогла добежать].",
            "Дни отдыха это часть [тренировок|плана], а не признак [слабости|лени].",
            "Жена считает моё увлечение [лёгким|настоящим] безумием, но приезжает на [каждый старт|почти каждый "
            "старт] с термосом [чая|кофе].",
            "Подъёмы моё слабое место, поэтому {weekday_every} я делаю [короткие|быстрые] повторы на крутой улице "
            "[рядом с домом|в нашем районе].",
            "Бег стал для меня [способом|возможностью] заново открыть родной город, [район за районом|улица за "
            "улицей].",
            "Примерно за час до [длинной пробежки|старта] я что-нибудь [легко|немного] перекусываю, обычно [тост с "
            "мёдом|банан].",
            "Никому не важно, насколько быстро вы бегаете: главное не [бросать|останавливаться].",
            "[Зимой|Тёмными вечерами] налобный фонарик и [светлая|светоотражающая] куртка это всё дополнительное "
            "снаряжение, которое мне [нужно|действительно нужно].",
            "Волонтёры на трассе заслужили собственные медали, ведь они [часами|всё утро] стояли под [дождём|"
            "ветром].",
        ),
        slots={
            "topic_prep": ("о беге",),
            "topic_instr": ("бегом",),
            "race": ("забег на десять километров", "полумарафон", "трейл по холмам", "благотворительный забег",
                     "осенний городской кросс"),
            "route": ("вдоль канала", "вокруг озера", "по старой железнодорожной насыпи", "через лес за школой",
                      "по набережной"),
            "injury": ("растяжения икроножной мышцы", "вывиха лодыжки", "проблем с коленом", "воспаления сухожилия"),
            "club": ("с местным беговым клубом", "с родителями из школы", "с двумя коллегами", "с соседкой"),
        },
        anchors=("race", "route", "club"),
    ),
    "music": _Topic(
        titles=(
            "Учусь играть {instrument} во взрослом возрасте",
            "Почему я занимаюсь музыкой {ensemble}",
            "Заметки с репетиции {city_in}",
            "Двадцать минут в день: что это даёт",
            "Такт за тактом: как я разбираю {piece}",
        ),
        sentences=(
            "Я начал учиться играть {instrument} в [сорок|сорок пять] лет и [жалею|немного жалею], что не сделал "
            "этого [раньше|много лет назад].",
            "Мой преподаватель начинает [каждое занятие|каждый урок] с гамм, и я с этим [скрепя сердце|нехотя] "
            "соглашаюсь.",
            "В этом месяце я разбираю {piece}, такт за тактом.",
            "Занятия {ensemble} научили меня [слушать|слышать] других, а не только [себя|свою партию].",
            "Мы репетируем {weekday_every} вечером в зале при [библиотеке|школе], где всегда немного [прохладно|"
            "душно].",
            "Двадцать минут [сосредоточенных|внимательных] занятий дают больше, чем два часа [рассеянной|бесцельной] "
            "игры.",
            "На наш последний концерт {city_in} пришло около {audience} человек, гораздо больше, чем мы [ожидали|"
            "надеялись].",
            "Записывать себя на телефон поначалу было [неловко|стыдно], но так я [точно|ясно] увидел, где проблемы.",
            "Самый [трудный|коварный] отрывок я доводил до [чистого звучания|нужного темпа] почти {num} дней.",
            "Теория музыки казалась мне в школе [скучной|бесполезной], но теперь, когда я её [слышу|играю], в ней "
            "гораздо больше смысла.",
            "Подержанный инструмент [вполне|прекрасно] подходит для начала, если его проверил [знающий|опытный] "
            "человек.",
            "Бывают вечера, когда [ничего|совсем ничего] не получается, и тогда я просто играю [для удовольствия|"
            "для души] то, что уже умею.",
            "Наш дирижёр умеет объяснять [сложные|запутанные] ритмы с помощью [смешных|нелепых] историй.",
            "Учиться на слух мне [труднее|сложнее], но потом мелодия запоминается [намного дольше|на годы].",
            "Перед каждым [выступлением|концертом] я [волнуюсь|ужасно волнуюсь] несколько минут, а потом это "
            "проходит.",
            "Кроме классики, мы играем [поп-песни|музыку из кино], которые для нас аранжирует один из [участников|"
            "музыкантов].",
            "Играть музыку вместе с другими одно из [немногих|редких] занятий, когда я [совершенно|полностью] "
            "забываю о времени.",
            "Соседи проявляют [большое|удивительное] терпение, хотя, подозреваю, уже знают {piece} наизусть.",
            "Метроном вещь [раздражающая|надоедливая], честная и [совершенно|абсолютно] необходимая.",
            "Через {num} недель я [наконец|вдруг] заметил, что пальцы двигаются сами, без раздумий над каждой "
            "[нотой|нотой в партии].",
            "[На последней репетиции|{weekday_acc}] мы впервые сыграли {piece} от начала до конца без "
            "[остановок|единой ошибки].",
            "Чай с печеньем после репетиции, [признаюсь|если честно], половина причины, почему я [не бросаю|"
            "продолжаю].",
        ),
        slots={
            "topic_prep": ("о музыке",),
            "topic_instr": ("музыкой",),
            "instrument": ("на фортепиано", "на гитаре", "на виолончели", "на скрипке", "на аккордеоне", "на кларнете",
                           "на укулеле"),
            "piece": ("короткую прелюдию Баха", "старую народную песню", "простой вальс", "джазовый стандарт",
                      "сонату Гайдна", "ирландскую народную мелодию", "менуэт Моцарта"),
            "ensemble": ("в небольшом любительском хоре", "в самодеятельном оркестре", "в фолк-группе",
                         "в духовом оркестре", "в трио с двумя друзьями"),
            "audience": ("60", "80", "100", "150"),
        },
        anchors=("instrument", "piece", "ensemble"),
    ),
}

_RU_SPAM = _Spam(
    stuffing_keywords=("дешево", "купить недорого", "лучшая цена", "скидки", "бесплатная доставка", "акция",
                       "распродажа", "дешевые авиабилеты", "купить сейчас", "низкие цены", "недорого",
                       "выгодное предложение"),
    gibberish_units=("ка", "ло", "мер", "тив", "шу", "бры", "кво", "зо", "пли", "дра", "екс", "вун", "ост", "ры", "гла",
                     "фен", "жу", "трок", "ул", "ям", "кри", "ноб", "щи", "пла", "ёр", "цы"),
    link_templates=("Гостиницы {city_gen_link}", "Рестораны {city_gen_link}", "Подержанные авто {city}",
                    "{product} недорого", "Отзывы {product}", "Работа {city_in}", "Недвижимость {city_gen_link}",
                    "{product} со скидкой", "Купить {product} онлайн", "Погода {city_in}", "Такси {city}",
                    "Сравнить цены {product}", "Стоматология {city_in}", "Доставка цветов {city}"),
    link_slots={
        "city": ("Москва", "Казань", "Самара", "Пермь", "Томск", "Тверь", "Калуга", "Сочи"),
        "city_in": ("в Москве", "в Казани", "в Самаре", "в Перми", "в Томске", "в Твери", "в Калуге", "в Сочи"),
        "city_gen_link": ("Москвы", "Казани", "Самары", "Перми", "Томска", "Твери", "Калуги", "Сочи"),
        "product": ("ноутбуки", "смартфоны", "обувь", "часы", "диваны", "велосипеды", "шины", "духи", "очки", "матрасы",
                    "кредиты", "страховки"),
    },
    gambling_terms=("казино", "онлайн казино", "игровые автоматы", "покер", "ставки на спорт", "джекпот", "рулетка",
                    "бесплатные вращения"),
    gambling_lines=("Лучшее {term} онлайн!!!", "{bonus} бесплатных вращений прямо сейчас на {domain}!",
                    "Играй в {term} и выигрывай сегодня!!!", "Огромный джекпот ждет тебя!!!", "Жми сюда: {domain}",
                    "Бонус {term} без депозита!!!", "Регистрируйся и получи {bonus} рублей бонуса!",
                    "{term} {term} {term} на {domain}!!!", "Выигрывай реальные деньги: {term}!!!",
                    "Регистрация сегодня, вывод завтра!!!"),
    gambling_titles=("Лучший бонус {term} - {domain}", "{term} - выигрывай сегодня!!!",
                     "{term} бесплатно - {bonus} рублей бонус"),
    adult_terms=("xxx", "для взрослых", "секс чат", "интим знакомства", "горячие девушки", "видео 18+", "эротика"),
    adult_lines=("{term} бесплатно прямо сейчас!!!", "Смотри {term} на {domain}!!!", "Жми сюда: {term}!!!",
                 "{term} {term} {term} без регистрации!!!", "{term} в твоем городе сегодня ночью!!!",
                 "{term} бесплатно круглосуточно на {domain}", "Только для взрослых 18+!!! Входи сейчас!",
                 "Лучший сайт: {term}!!!"),
    adult_titles=("{term} бесплатно - {domain}", "{term} - горячо и бесплатно!!!", "Лучшее {term} онлайн"),
    directory_titles=("Полезные ссылки", "Каталог сайтов", "Сайты партнеров", "Лучшие ссылки"),
)

_RU_CHROME = _Chrome(
    home=("Главная",),
    nav_items=("Новости", "О нас", "Контакты", "Архив", "Рецепты", "Путешествия", "Сад и огород", "Блог", "Афиша",
               "Магазин", "Рассылка", "Поиск", "Рубрики", "Фото"),
    copyright=("© {year} {site}. Все права защищены.", "Copyright {year} {site}", "© {site}, {year}"),
    legal_links=("Политика конфиденциальности", "Пользовательское соглашение", "Настройки cookie", "Реклама на сайте",
                 "Карта сайта", "Обратная связь"),
    extras=("Мы используем файлы cookie, чтобы сайт работал лучше.",
            "Продолжая пользоваться сайтом, вы соглашаетесь на использование cookie.",
            "Связаться с нами: info@example.ru", "Мы в социальных сетях"),
    sidebar_titles=("Похожие статьи", "Популярное", "Читайте также", "Новые записи", "Рекомендуем"),
    site_first=("Вестник", "Записки", "Дневник", "Заметки", "Голос", "Листок", "Хроники", "Страницы"),
    site_second=("садовода", "путешественника", "Поволжья", "нашего города", "краеведа", "домашней кухни",
                 "выходного дня", "любознательных"),
    site_joiner=" ",
)


# =============================================================================================
# Japanese
# =============================================================================================
# Polite blog register (です・ます), which keeps the kana share high enough that lid.176 never takes a
# post for Chinese.  Only JIS X 0208 characters (Shift_JIS and EUC-JP): no 〜, －, circled digits or
# rare kanji.

_JA_SLOTS: dict[str, tuple[str, ...]] = {
    "name": ("佐藤さん", "鈴木さん", "高橋さん", "田中さん", "渡辺さん", "伊藤さん", "山本さん", "中村さん", "小林さん",
             "加藤さん", "吉田さん", "山田さん"),
    "city": ("金沢", "松本", "仙台", "長崎", "函館", "倉敷", "高松", "盛岡", "松江", "熊本", "弘前", "尾道"),
    "weekday": ("月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日"),
    "month": ("1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"),
    "season": ("春", "夏", "秋", "冬"),
    "small": ("3", "4", "5", "6", "7", "8"),
}

_JA_INTROS = (
    "{topic}については[ずっと|前から|何年も]書きたいと思っていましたが、この{season}に[ようやく|やっと]時間が"
    "[取れました|できました]。",
    "[先日|この前]、{city}に住む読者の方から、どうして{topic}を始めたのかと[聞かれた|質問された]ので、[少し長めに|"
    "正直に]答えてみます。",
    "先週の{weekday}は、[午後のほとんど|夜の大半|雨の午前中]を{topic}のことを考えて[過ごしました|いました]。",
    "この記事は{month}から下書きのまま[眠っていました|止まっていました]。{topic}について考えが[なかなか|どうしても]"
    "まとまらなかったからです。",
    "私が{topic}に興味を持ったのは、{num}年ほど前に{city}で過ごした[連休|週末]が[きっかけでした|始まりでした]。",
    "ネットには{topic}に関する情報が[あふれていますが|たくさんありますが]、自分の経験と合うものは[意外と|"
    "思ったより]少ないものです。",
    "友人の{name}に「そろそろメモをまとめたら」と言われ続けて[数か月|半年]、[ようやく|やっと]重い腰を上げました。",
    "{num}年前の自分に、いつか{topic}について書くことになると[言っても|伝えても]、きっと[信じなかった|笑った]"
    "でしょう。",
    "私を知っている人なら、{topic}が[昔から|学生のころから|子どものころから]の趣味だということはご存じだと思います。",
    "毎年「今年こそは{topic}にしっかり取り組もう」と決めているのですが、今年は[本当に|ちゃんと]続けることが"
    "[できました|できています]。",
    "[寒い|暑い|雨の多い]日が続いていますが、[今日は|今回は]{topic}について[少し|思いきって][書いてみます|まとめてみます]。",
    "{topic}を[始めて|続けて]{num}年ほどになりますが、[いまだに|今でも][毎日が|毎回が][発見|勉強]の連続です。",
    "[久しぶりの|半年ぶりの]更新になってしまいましたが、[今回は|今日は]{topic}の[話|近況]です。",
    "[よく|ときどき]{topic}について[質問|相談]をいただくので、[これまでのこと|私なりの考え]を[まとめて|整理して]おきます。",
    "[昨年|この春]から{topic}に[本格的に|真剣に]取り組むようになり、[気づいたこと|感じたこと]が[たくさん|いくつも]あります。",
)

_JA_GENERIC = (
    "{name}が[よく|いつも]言うように、[高い道具|立派な道具]よりも[小さな工夫|ちょっとした工夫|日々の積み重ね]のほうが[ずっと|はるかに]大切です。",
    "何が[間違っている|うまくいかない]のかが分かるまで、{num}回[くらいは|ほどは]失敗しました。",
    "[計画を話した|この話をした]とき、[隣の人|近所の人]には[笑われましたが|あきれられましたが]、[数週間後|しばらくして]には考えが変わった[ようです|みたいです]。",
    "どれも[一晩で|すぐに]できるようになるものではありません。[すぐに|簡単に]結果が出ると言う人は、[たいてい|"
    "おそらく]何かを売ろうとしています。",
    "私は[簡単な|小さな]ノートを[つけていて|続けていて]、[読み返すと|見返すと]、[どんな本よりも|どの動画よりも]役に立つことが[あります|よくあります]。",
    "正直に言うと、最初の{small}週間は[かなり|なかなか][もどかしい思いをしました|大変でした]。",
    "{city}で{name}と[少し|ほんの少し][話した|おしゃべりした]ことが、[考え方|ものの見方]を[大きく|すっかり]変えてくれました。",
    "[いちばん|何より]驚いたのは、[始める|始めてみる]のに[ほとんど|あまり]お金が[かからなかった|いらなかった]ことです。",
    "もちろん、すべてが[計画どおりに|思いどおりに]進んだわけではなく、[途中で|最初のうちは][たくさん|何度も]失敗もしました。",
    "調子のいい日なら{num}分もかかりませんが、[うまくいかない日|気が乗らない日]は[一晩|夜の時間が全部]かかって"
    "しまいます。",
    "{city}には毎週{weekday}に集まる[小さな|気さくな]グループがあり、そこで[教わった|聞いた]ことが[とても|本当に]役に立っています。",
    "自分を[専門家|プロ]だとは思いませんが、[遠回りをしながら|失敗を重ねながら][たくさんのことを|いろいろなことを]学びました。",
    "これまでにもらった[いちばん|最高]のアドバイスは、いちばん[簡単な|シンプルな]ものでした。[小さく始めて、"
    "あせらないこと|毎日少しずつ続けること]です。",
    "[前回|この前]の記事のあと、[何人か|数人]の読者の方から[メール|コメント]をいただき、どれも[とても良い|鋭い]質問でした。",
    "[今思えば|振り返ってみると]、始めた[ばかりのころ|当初]に誰かがこれを[教えて|説明して]くれたらよかったのにと[思います|感じます]。",
    "{num}年以上続けている{name}は、才能よりも[続けること|根気]のほうが大事だと[よく|いつも]言っています。",
    "{month}に[読んだ|目にした]調査によると、初心者の約{pct}パーセントが[最初の1年で|数か月のうちに]やめてしまうそうです。",
    "初めて[挑戦した|やってみた]ときのことは[今でも|いまだに]覚えていますが、[とても人に見せられるものではありませんでした|ひどい出来でした]。",
    "[うれしいことに|幸いなことに]、ほとんどの問題には、[とても単純な|意外とありふれた]原因があります。",
    "{month}の終わりごろには、[ゆっくりではありますが|少しずつですが]、[はっきりと|確かに]上達を[感じられる|実感できる]ようになりました。",
    "[友人|知り合い]から「そこまでする[価値|意味]があるの」と聞かれることが[ありますが|よくありますが]、答えは[いつも|今でも]「ある」です。",
    "これまでに{small}通りほどのやり方を[試してきましたが|試しましたが]、どれからも[新しいこと|大切なこと]を"
    "学びました。",
    "費用について[質問が多かった|よく聞かれる]ので、今回は[かかったお金をすべて|レシートを全部]記録してみました。",
    "[いちばん|何より]大切なのは、[やったこと|試したこと]と、その[結果|感想]を[書き留めておく|メモしておく]ことかもしれません。",
    "おすすめは、[近くに住んでいる人|地元の人]と[話してみる|情報交換する]ことです。[地元の経験|その土地の知恵]に[かなうものはありません|勝るものはありません]。",
    "[正直なところ|私の経験では]、最初の1か月が[いちばん大変|いちばんつらい]で、それを過ぎると[ぐっと|だんだん]楽に"
    "なります。",
    "私にとって[いちばんうれしい|何より楽しい]のは、[結果|出来上がり]よりも、それに向き合う[静かな|穏やかな]時間なのかもしれません。",
    "[小さな|ほんの少しの]進歩でも[記録しておく|書き留めておく]と、[落ち込んだとき|やる気が出ないとき]に[読み返して|見返して][元気が出ます|励みになります]。",
    "[同じ趣味の|気の合う][仲間|友人]がいると、[続けるのが|毎日が][ずっと|ぐっと][楽しく|楽に]なります。",
    "[失敗|うまくいかなかったこと]も[含めて|ふくめて]、[すべてが|全部が][いい経験|学び]になったと[思っています|感じています]。",
    "[まわりと|ほかの人と][比べず|比べないで]、[自分のペース|昨日の自分]を[大切に|基準に]することにしています。",
    "[本|雑誌|ネット]で[読んだ|見た]ことを[そのまま|すぐに]まねするより、[自分で|実際に]試してみるほうが[ずっと|はるかに]身につきます。",
    "[迷ったときは|困ったときは]、[まず|とりあえず][基本|最初の一歩]に[戻る|立ち返る]ようにしています。",
    "[最近|このところ|ここ数か月]は、{topic}の[時間|ひととき]が[一日の楽しみ|生活の一部|いい気分転換]になっています。",
    "[始めたころ|最初の年]は[道具|本]をそろえることに[夢中|必死]でしたが、[今は|いまでは][最低限のもの|必要なもの]だけで[十分|満足]です。",
    "[わからないこと|迷うこと]があると、[図書館|本屋|地元の先輩]に[頼る|相談する]ことにしています。",
    "{topic}のおかげで、[新しい友人|いろいろな人]と[出会えた|知り合えた]のが[何よりの|いちばんの][収穫|財産]です。",
    "[週末|休みの日]に[まとめて|一気に]やるより、[毎日|平日にも][少しずつ|こつこつ]続けるほうが[性に合っている|うまくいく]ようです。",
    "[去年|おととし]の[記録|写真]を見返すと、[自分でも|思わず][驚くほど|笑ってしまうほど][変わった|上達した]ことが分かります。",
    "[家族|パートナー]は[最初|はじめ]あきれていましたが、[今では|最近は][一番の|いちばんの][応援団|理解者]です。",
    "[ネット|SNS]で[見かける|流れてくる][完璧な|きれいな]写真と[比べて|見比べて][落ち込む|がっかりする]必要はありません。",
    "[うまくいった|成功した]ときより、[失敗した|うまくいかなかった]ときのほうが[学ぶこと|得るもの]が[多い|大きい]と感じます。",
    "[ときどき|たまに]{city}の[仲間|知り合い]と[集まって|顔を合わせて]、[近況|それぞれの工夫]を[報告し合う|話し合う]のが楽しみです。",
    "[お金|時間]をかければいいというものではなく、[工夫|アイデア]しだいで[いくらでも|十分に][楽しめます|続けられます]。",
    "[年齢|経験]に関係なく、[いつからでも|思い立ったときに][始められる|挑戦できる]のが{topic}の[魅力|いいところ]だと思います。",
    "[疲れている|気分が乗らない]日は、[思い切って|潔く][休む|何もしない]ことも[大切|必要]だと[学びました|気づきました]。",
    "[読者の方|知人]から[いただいた|教わった][ヒント|アイデア]を[試してみた|取り入れた]ら、[驚くほど|思った以上に]うまくいきました。",
    "[この一年|ここ数年]で[いちばん|特に][変わった|成長した]のは、[技術|腕前]よりも[気持ちの持ち方|考え方]かもしれません。",
    "[子どもの頃|若いころ]に[親|祖父母]が[していた|やっていた]ことを、[今になって|ようやく][自分でも|私も]やっている[気がします|ことに気づきます]。",
)

_JA_CLOSINGS = (
    "{topic}について[皆さんの経験|皆さんの体験談]も、[ぜひ|よかったら][コメント欄で|コメントで]教えてください。",
    "[次回|次の記事]はコメントでいただいた質問に[お答えする|答える]予定です。[最後まで読んでいただき|お付き合いいただき]、ありがとうございました。",
    "次の{season}に[どうなっているのか|どんなふうになっているか][楽しみです|今から楽しみです]。[また報告しますね|続きはまた書きます]。",
    "{city}の[近くに|周辺に]お住まいの方がいたら、[ぜひ|気軽に]声をかけてください。[情報交換できたら|お話しできたら]うれしいです。",
    "[今日|今回]はここまでです。少しでも[参考になるところ|役に立つこと]があれば[幸いです|うれしいです]。",
    "質問や、[まったく|ぜんぜん]違う[経験|意見]をお持ちの方は、[気軽に|お気軽に]メッセージをください。",
    "これからも{topic}とは[長い付き合い|長いお付き合い]になり[そうです|そうな気がします]。",
    "[ここ数週間|この一か月]、アイデアや[アドバイス|ヒント]を送ってくださった皆さん、[本当に|心から]ありがとうございました。",
    "[長くなりましたが|長文になりましたが]、[読んでくださって|ここまで読んでいただき]ありがとうございました。",
    "[また|近いうちに]{topic}の[続き|新しい話]を[書きたい|お届けしたい]と思います。",
    "[皆さんも|あなたも][無理のない範囲で|自分のペースで]、ぜひ[試してみてください|楽しんでください]。",
    "[それでは|では]、[また次回|次の記事で][お会いしましょう|お目にかかりましょう]。",
    "[感想|ご意見]などがあれば、[コメント|メッセージ]で[気軽に|いつでも]お知らせください。",
)

_JA_NOTES = (
    "追記：読者の方から誤りを指摘していただき、修正しました。",
    "この記事の写真はすべて自分で撮影したものです。",
    "この記事は以前のブログに掲載したものを加筆したものです。",
    "追記：コメントでいただいた質問を受けて、少し説明を足しました。",
    "下書きを読んでくれた{name}に感謝します。",
    "この記事は{month}に更新しました。",
    "先週のスパム騒ぎのあと、コメント欄を再開しました。",
    "同じテーマの過去の記事へのリンクも、あわせてご覧ください。",
)

_JA_TOPICS: dict[str, _Topic] = {
    "cooking": _Topic(
        titles=(
            "{dish}がやっと上手に作れるようになりました",
            "平日の夕ごはんに作りたい{dish}",
            "{relative}に教わった料理のこと",
            "旬の{veg}を使った簡単なおかずの話",
            "わが家の台所から：{dish}の作り方",
        ),
        sentences=(
            "{dish}のレシピは{relative}から[教わった|習った]ものですが、[何年もかけて|長い時間をかけて]少しずつ"
            "[自分好みに|家族の好みに]変えてきました。",
            "まず、[弱火で|中火で]{veg}を[じっくり|ゆっくり]炒めるところから[始めます|始めるのがいつもの流れです]。",
            "{num}分ほどたつと[台所じゅうに|家じゅうに][いい香り|甘い香り]が広がり、野菜が[やわらかく甘く|とろりと]なってきます。",
            "[仕上げに|最後に]{seasoning}を[少し|ほんの少し]加えるだけで、味が[驚くほど|がらりと]変わります。",
            "{relative}は[いつも|よく]「おいしい料理に[難しいこと|特別なこと]はいらない」と言っていました。",
            "野菜は[たいてい|ほとんど]近所の[朝市|直売所]で買っています。値段も[手ごろで|安くて]、品質も[とても|"
            "かなり]良いです。",
            "塩加減と[酸味|甘さ]のバランスに[納得できるまで|満足できるまで]、{small}回ほど作り直しました。",
            "オーブンは{temp}度くらいに[しっかり|十分に]温めておくと、表面が[こんがりと|きれいに]焼き上がります。",
            "[残ったもの|余った分]は冷蔵庫で[2、3日|数日]もちますし、次の日のほうが[おいしく|味がしみて]感じることもあります。",
            "子どもたちは[最初は|はじめ][半信半疑|不思議そう]でしたが、今では[毎週のように|しょっちゅう]{dish}を[作ってほしい|食べたい]と言ってきます。",
            "[最初のころ|始めたころ]の失敗は、{seasoning}を入れるタイミングが[早すぎた|少し早すぎた]ことでした。",
            "[忙しい日|時間のない日]のお昼には、ごはんと[サラダ|みそ汁]を添えるだけで[十分です|満足です]。",
            "[多少の|ちょっとした]失敗は気にならない料理なので、[初心者の方|料理が苦手な方]にも[おすすめです|ぴったり"
            "です]。",
            "4人家族でも、材料費は{price}円も[かかりません|しません]。",
            "{city}に住む[友人|知り合い]にすすめられて{seasoning}を入れてみたところ、[それ以来|今では]ずっとこの作り方です。",
            "寒い{weekday}の夜に{dish}を作るのが、わが家の[ちょっとした|大切な]習慣になりました。",
            "大事なのは[タイミング|火加減]で、{veg}に軽く焼き色がついたら[すぐに|さっと]火を止めます。",
            "たれは[前の日に|朝のうちに]作っておくのが好きです。[一晩|しばらく]おくと味が[なじむ|落ち着く]からです。",
            "作りながら[味見をして|こまめに味をみて]、少しずつ[調整する|整える]のがコツです。",
            "週末に[まとめて|多めに]作り、[半分は|何食分かは]冷凍して[おくことが多いです|おきます]。",
            "結局のところ、おいしさの[秘密|決め手]は[材料の良さ|素材の新鮮さ]と、ほんの少しの[手間|根気]だと思います。",
            "{dish}の香りがすると、[いつも|今でも]子どものころの[日曜日の食卓|にぎやかな夕ごはん]を思い出します。",
            "[日曜日|週末|休みの日]の[朝|午後]は、{relative}の[レシピ帳|ノート]を[めくりながら|読み返しながら]、何を作るか考えるのが[楽しみ|ささやかな楽しみ]です。",
            "{veg}が[安い|おいしい|たくさん出回る]季節には、[つい|思わず]買いすぎてしまい、[ご近所に|友人に]おすそわけしています。",
            "[包丁|まな板|鍋]だけは[少しいいもの|長く使えるもの]を選んでおくと、[料理が|毎日の台所仕事が][ぐっと|ずいぶん]楽になります。",
            "[家族|子ども|夫]が[おかわり|「また作って」と]言ってくれると、[それだけで|なんだか][報われた|うれしい]気持ちになります。",
            "[味が決まらない|何か物足りない]ときは、[塩をひとつまみ|酢を少し|しょうゆを一滴]足すと[不思議と|驚くほど][まとまります|落ち着きます]。",
            "[冷蔵庫の残り物|余った野菜]で{dish}を作るのも、[節約|むだを出さない工夫]になって[気に入っています|おすすめです]。",
        ),
        slots={
            "topic": ("家庭料理",),
            "dish": ("レンズ豆のスープ", "きのこのリゾット", "りんごのケーキ", "かぼちゃの煮物", "野菜カレー",
                     "肉じゃが", "鶏の照り焼き", "豚汁", "ポテトグラタン", "トマトのキッシュ"),
            "veg": ("玉ねぎ", "にんじん", "ねぎ", "ズッキーニ", "ピーマン", "しいたけ", "なす", "キャベツ"),
            "seasoning": ("みそ", "しょうが", "ゆずこしょう", "バター", "粉チーズ", "レモン汁", "ごま油", "黒こしょう",
                          "しょうゆ", "みりん"),
            "relative": ("祖母", "母", "父", "叔母", "学生時代の友人", "昔のアルバイト先の料理長"),
            "temp": ("180", "190", "200", "220"),
            "price": ("800", "1000", "1200", "1500"),
        },
        anchors=("dish", "relative"),
    ),
    "travel": _Topic(
        titles=(
            "車を使わずに{region}をめぐる{days}日間の旅",
            "何度でも{region}に行きたくなる理由",
            "{town}でのんびり過ごした一週間",
            "旅の記録：{town}で見つけたもの",
            "{companion}と出かけたゆっくり旅のこと",
        ),
        sentences=(
            "{town}に着いたのは[夜遅く|夜の10時すぎ]でしたが、[長旅の疲れ|移動の疲れ]よりも[わくわくした気持ち|楽しみな気持ち]のほうが[大きかったです|勝っていました]。",
            "[一週間|今回]の宿は{lodging}で、出発の[数日前に|一週間前に]予約したばかりでした。",
            "宿の[おかみさん|ご主人]が、[手書きの|手作りの]地図に[お気に入りの場所|地元の人しか知らない店]をたくさん書き込んでくれました。",
            "{companion}と旅をすると予定が[どんどん|毎日]変わりますが、それもまた[楽しみのひとつ|旅の醍醐味]です。",
            "翌朝は[川沿い|海沿い]を歩き、古い町並みが[見えなくなるまで|遠くなるまで]進みました。",
            "片道の切符は{big}円ほどで、{hours}時間近い移動にしては[とても手ごろに|かなり安く]感じました。",
            "ガイドブックには[ほとんど|まったく]載っていない[小さな|古い]資料館で、午後を[まるごと|のんびり]"
            "過ごしました。",
            "{region}の天気は[変わりやすい|気まぐれな]ので、[夏でも|真夏でも]薄手の雨具を持っていくと[安心です|"
            "心強いです]。",
            "旅で[いちばん|特に]おいしかったのは、[メニューもない|看板も出ていない]ような[小さな食堂|古い定食屋]でした。",
            "[3日目|4日目]は{transport}で海沿いを移動し、窓から[小さな集落|漁村]を[眺めていました|見送りました]。",
            "旅の前には[必ず|いつも]その土地の[歴史|昔話]について[少し|軽く]調べておきます。そうすると、見える景色が[まったく|ずいぶん]違ってきます。",
            "全部を[前もって|早めに]予約すれば[安く済みますが|節約になりますが]、そのぶん[自由|思いがけない出会い]は"
            "少なくなります。",
            "[いちばんの思い出|旅のハイライト]は、{town}で生まれ育ったという[漁師さん|パン屋さん]との[会話|長い"
            "おしゃべり]でした。",
            "{month}に行くと[観光客も少なく|町も静かで]、夜も[少し涼しく|快適に]過ごせます。",
            "毎日{km}キロほど歩きましたが、[最初は|はじめのうちは]それが[とても|ずいぶん][長く|遠く]感じました。",
            "[ゆっくり旅をすると|のんびり歩いて旅をすると]、車の窓からは[見逃してしまう|気づかない]ようなものに[気づけます|目が留まります]。",
            "帰りは[電車の運休|大雨]で予定より[時間がかかりましたが|一日遅れましたが]、誰も[文句を言いませんでした|不満を口にしませんでした]。",
            "来年は{companion}と{region}を[めぐる|のんびり歩く]予定で、もう[下調べ|本選び]を始めています。",
            "どんな[便利な道具|高価なカメラ]よりも、[歩きやすい靴|はき慣れた靴]のほうが[ずっと|はるかに]大切です。",
            "{region}の路線バスは料金も[安く|手ごろで]、思った以上に[時間どおりに|正確に]来てくれます。",
            "{town}では[毎朝|朝いちばんに]、[戦前から|百年以上]続いているという[パン屋さん|小さな店]で[パン|朝ごはん]を買いました。",
            "[ほとんど毎晩|毎晩]、私たちは[海辺|川べり]に座って、次の日の予定を[何も|まったく][決めずに|考えずに]過ごしました。",
            "{region}では[地元のスーパー|朝市|道の駅]に[立ち寄る|寄り道する]のが[楽しみ|習慣]で、[見たことのない|めずらしい][野菜|お菓子]を[いくつも|たくさん]見つけました。",
            "[荷物|かばん]は[小さなリュック|機内持ち込みサイズ]ひとつにまとめたので、[乗り換え|坂道の多い町歩き]も[楽でした|苦になりませんでした]。",
            "{companion}は[写真|スケッチ|日記]に夢中で、[同じ場所|ひとつの景色]で[30分|1時間]近く[立ち止まる|動かない]こともありました。",
            "[雨の日|寒い朝]は、[駅前の|港の近くの][喫茶店|食堂]で[地元の人|常連さん]の話に[耳を傾けて|加わって]過ごしました。",
            "[夜行列車|夜のバス]の窓から見た{region}の[明かり|星空]は、[今でも|いつまでも][忘れられません|心に残っています]。",
            "[宿の|近所の]おばあさんに[道を聞いた|声をかけた]ら、[畑でとれた|庭の][みかん|柿|とうもろこし]をたくさん[持たせて|分けて]くれました。",
        ),
        slots={
            "topic": ("ゆっくり旅",),
            "region": ("信州", "瀬戸内", "東北", "山陰", "四国", "能登半島", "九州の南部", "北海道の道東", "伊豆",
                       "飛騨"),
            "town": ("尾道", "倉敷", "函館", "萩", "高山", "松江", "小樽", "伊勢", "長崎", "角館"),
            "transport": ("夜行バス", "ローカル線", "レンタサイクル", "小さなフェリー", "海沿いを走る列車"),
            "lodging": ("家族経営の小さな民宿", "パン屋の二階にある小さな部屋", "山小屋", "古民家を改装した宿",
                        "駅の近くの静かなゲストハウス"),
            "companion": ("妹", "学生時代の友人たち", "夫", "同僚", "高校生の息子"),
            "hours": ("5", "6", "7", "8"),
            "km": ("10", "12", "15", "18"),
            "days": ("3", "5", "7", "10"),
        },
        anchors=("region", "town", "companion"),
    ),
    "gardening": _Topic(
        titles=(
            "今年の家庭菜園でうまくいったこと",
            "小さな区画で{plant}を育ててみました",
            "菜園日記：{month}のようす",
            "薬を使わずに{pest}と付き合う方法",
            "{weather}から学んだこと",
        ),
        sentences=(
            "今年は{spot}に{plant}を植えてみたところ、[思っていた以上に|予想よりずっと]よく育ちました。",
            "うちの庭は[粘土質で|土がかたくて]水はけが悪いので、毎年[秋に|冬に]堆肥を[たっぷり|しっかり]すき込んで"
            "います。",
            "{month}の{weather}のせいで、生育が[2週間ほど|半月ほど]遅れてしまいました。",
            "{pest}には[ずっと|毎年]悩まされていて、[毎晩|夜になると][懐中電灯|ライト]を持って葉の裏を[確認していました|のぞいていました]。",
            "{plant}は[春先に|3月ごろに][室内で|家の中で]種をまき、夜の気温が[上がってから|安定してから]外に植え替えています。",
            "水やりは[朝早く|出勤前]にするほうが植物も[元気で|丈夫に育ち]、水のむだも[少なくなります|減ります]。",
            "近所の{name}は、この[通り|町内]でいちばんおいしい{plant}を育てていて、こつを[気前よく|惜しみなく]教えて"
            "くれます。",
            "わらで[マルチング|地面をおおうように]しただけで、夏の[草取り|草むしり]の時間が[かなり|ぐっと]減りました。",
            "今年の収穫は全部で{num}キロほどで、この[小さな|せまい]区画にしては[過去最高|上出来]です。",
            "[コンパニオンプランツ|混植]は[迷信|おまじない]のように聞こえますが、[マリーゴールド|ハーブ]のおかげで{pest}が[少し|いくらか]減った気がします。",
            "{spot}は午後になると[とても|かなり]暑くなるので、出かける前に[必ず|いつも]風通しを[よくして|確保して]"
            "おきます。",
            "来年は、{city}の[種の交換会|園芸クラブ]ですすめられた[昔ながらの|めずらしい]品種を[育ててみたい|試してみたい]と思っています。",
            "家庭菜園ほど、[待つことの大切さ|自然の力]を教えてくれる趣味は[あまり|そう]ありません。",
            "種まきの日付を[毎年|ずっと]記録していますが、季節の[進み方|移り変わり]が年によって[こんなに|これほど]違うのかと[驚きます|感心します]。",
            "{weather}で苗の[半分近く|三分の一]がだめになり、[一から|最初から]やり直すことになりました。",
            "[物置|小屋]の屋根から集めた[雨水|雨]で、夏の水やりの[ほとんど|大半]をまかなえるようになりました。",
            "子どもたちは{plant}の収穫が[大好き|楽しみ]なので、[低いところ|手前]の畝は小さな家族[専用|のため]に"
            "しています。",
            "いい堆肥は[時間をかけて|あわてずに]、生ごみと落ち葉を[バランスよく|ほどよく]混ぜて作ります。",
            "[夏の終わり|8月の末]には畝が[ぎっしり|すっかり]茂って、間を歩くのも[ひと苦労|大変]でした。",
            "せん定は[見た目ほど|思っているほど]難しくありません。はさみが[清潔で|手入れされていて]よく切れれば[大丈夫です|心配いりません]。",
            "[夏の夕方|仕事のあと]は、畑のそばの[古い|小さな]ベンチに座って、[野菜が育つのを|花が咲くのを]ながめるのが"
            "好きです。",
            "今年は[夏のあいだ|6月ごろ]ずっと[ミツバチ|虫たち]がよく来てくれて、そのおかげか実の[つき方|数]が[まるで|ずいぶん]違いました。",
            "[朝いちばんに|出勤前に|夕方に]畑を[見回る|のぞく]と、{plant}の[小さな変化|新しい芽]に[気づいて|出会えて][うれしくなります|元気が出ます]。",
            "[肥料|水やり]は[やりすぎない|控えめにする]ほうが、{plant}は[甘く|丈夫に|元気に]育つようです。",
            "[支柱|ネット|ひも]を[早めに|しっかり]立てておかなかったせいで、[強い風|夕立]の[あと|翌朝]に{plant}が[倒れて|傾いて]しまいました。",
            "[となりの区画|近所]の[ベテランの方|おじいさん]は、[土の色|葉の形]を見ただけで[何が足りないか|調子の良し悪し]が[分かる|見抜ける]そうです。",
            "[収穫した|とれたての]{plant}を[その場で|すぐに][食べる|味見する]のは、[家庭菜園ならでは|育てた人だけ]の[ぜいたく|楽しみ]です。",
            "[冬のあいだ|雪の季節]は[種のカタログ|昔の日記]を[ながめながら|読み返しながら]、[来年の計画|新しい品種]を[考えています|練っています]。",
        ),
        slots={
            "topic": ("家庭菜園",),
            "plant": ("ミニトマト", "インゲン", "きゅうり", "なす", "レタス", "ダリア", "いちご", "じゃがいも",
                      "ひまわり", "枝豆"),
            "spot": ("レイズドベッド", "小さな温室", "市民農園の区画", "庭の奥の花壇", "ベランダの大きなプランター"),
            "pest": ("ナメクジ", "アブラムシ", "カタツムリ", "ヨトウムシ", "カラス"),
            "weather": ("遅霜", "長雨", "雨の少ない春", "強い台風", "真夏の猛暑"),
        },
        anchors=("plant", "pest", "spot", "weather"),
    ),
    "history": _Topic(
        titles=(
            "{building}の忘れられた歴史",
            "資料で読む{year}年の{event}",
            "{industry}が町に残したもの",
            "{city}の昔をたずねて歩く",
            "{source}が語る町のすがた",
        ),
        sentences=(
            "{building}が建てられたのは{year}年で、当時の町の人口は[千人にも満たなかった|わずか千人ほどだった]"
            "そうです。",
            "そのころのことを知る[いちばんの|大切な]手がかりは、{source}です。",
            "[およそ|ほぼ]百年のあいだ、町の暮らしは{industry}に[支えられていました|頼っていました]。",
            "{year}年の{event}で、町の暮らしは[ほとんど一夜にして|わずか数週間で]変わってしまいました。",
            "地元の郷土史家である{name}は、{num}年かけて[古い町並み|昔の通り]の写真を[集めてきました|探し続けてきました]。",
            "記録によると、[市場|お寺]の周りの[細い|入り組んだ]路地には{num}世帯が暮らしていました。",
            "{later_year}年に最後の[工場|製糸場]が[閉鎖される|なくなる]と、[多くの若者|若い人たち]が都会へ出ていきました。",
            "[駐車場|スーパー|バスターミナル]の裏には、今も昔の[石垣|城壁]の一部が[残っています|残されています]。知っていなければ[見落としてしまう|気づかない]でしょう。",
            "古地図を見ると、今では[ほとんど|すっかり]消えてしまった[小道|路地]が[網の目のように|縦横に]広がっていたことが[分かります|読み取れます]。",
            "{building}が戦時中に[病院|倉庫|学校]として使われていたと知って、[とても|本当に]驚きました。",
            "[お年寄り|古くからの住民]の中には、毎朝[6時|6時半]に鳴っていた工場の[サイレン|汽笛]を今でも覚えている方がいます。",
            "この{season}、[図書館|公民館]の小さな展示で、こうした資料の[多く|大半]が初めて[まとめて|一度に]公開されています。",
            "{source}を読み解くのは[根気のいる|時間のかかる]作業で、[くずし字|古い文字]を読むのに[とても|ずいぶん]時間がかかります。",
            "通りの名前は[大切な|よい]手がかりで、その多くが[今はなくなった|すでに消えた][職人の仕事|商売]に由来しています。",
            "{source}によれば、市は[明治の終わりごろ|大正の初めごろ]まで[毎月決まった日に|月に三度]開かれていました。",
            "{year}年から{later_year}年のあいだに、町の人口は[倍以上に|三倍近くに]増えました。",
            "郷土史は[年号|出来事]を覚えるだけのものではありません。ここで[暮らしてきた|生きてきた][ふつうの人々|名もない人たち]の物語です。",
            "当時の古い[写真|手紙]をお持ちの方は、[ぜひ|どうか][郷土史の会|資料館]まで[ご連絡ください|お知らせください]。",
            "その時代の家が今も[たくさん|意外なほど]残っていることに、[あらためて|いつも]驚かされます。",
            "古い墓地の[墓石|石碑]に刻まれた文字からも、当時の[暮らしぶり|苦労]が見えてきます。",
            "[祖父|近所のお年寄り]は、誰も[書き残していない|記録していない]{building}の話を[よく|何度も]聞かせてくれました。",
            "{year}年の町議会の記録には、{industry}の話が[ほとんど毎ページ|何度も]出てきます。",
            "[明治|大正|昭和の初め]のころ、この[通り|界隈]には[呉服屋|旅館|酒屋]が[軒を連ねて|並んで]いたそうです。",
            "[古い写真|絵はがき]と[今の町並み|同じ場所]を[見比べる|並べてみる]と、[変わったもの|残ったもの]が[よく分かります|一目で分かります]。",
            "[地元の|近所の]お寺の[住職|奥さん]が、[蔵|本堂]に[しまってあった|眠っていた][古文書|帳面]を[見せて|貸して]くださいました。",
            "[当時の|昔の][子どもたち|若者]は、[学校のあと|朝早くから]{industry}の[手伝い|仕事]をしていたと[記録にあります|伝えられています]。",
            "[町の|地域の]お祭りの[由来|始まり]をたどると、{event}の[あと|翌年]に[始まった|生まれた]ことが[分かりました|見えてきました]。",
            "[聞き取り調査|昔話の記録]では、[お年寄り|古くからの住民]の[記憶|言葉]が[何よりも|いちばんの][資料|宝物]になります。",
        ),
        slots={
            "topic": ("郷土史",),
            "building": ("古い水車小屋", "町の神社", "旧駅舎", "昔の市場", "かつての酒蔵", "石造りの橋", "木造の旧校舎",
                         "旧町役場"),
            "source": ("寺に残る古い記録", "地元紙の古い記事", "蔵から見つかった手紙の束", "県の文書館にある古地図",
                       "古い絵はがきのコレクション", "小学校の先生が残した日記"),
            "industry": ("製糸業", "炭鉱", "造船", "酒造り", "和紙づくり", "漁業", "塩づくり"),
            "event": ("大洪水", "大火", "鉄道の開通", "長いストライキ", "疫病の流行"),
        },
        anchors=("building", "source", "industry", "event"),
    ),
    "technology": _Topic(
        titles=(
            "{device}をもう一度使えるようにするまで",
            "{problem}から学んだこと",
            "家でできるかんたんなバックアップの話",
            "{software}に乗り換えた理由",
            "暮らしを本当に楽にしてくれる道具たち",
        ),
        sentences=(
            "{month}、新しいものを買う[代わりに|前に]、{device}を[もう一度|なんとか]使えるように[してみることにしました|挑戦しました]。",
            "{software}のインストールは{num}分もかからず、パソコンが[見違えるほど|驚くほど][軽く|速く]なりました。",
            "[本当に|いちばん]困ったのは{problem}で、しかもそれが[日曜日|金曜日]の夜に起きたのです。",
            "それ以来、毎週{weekday}に[大事な|仕事の]ファイルを[バックアップし|保存し直し]、コピーを[実家|友人の家]にも置いています。",
            "新しいバッテリーに[替えたり|交換したり]、[入れ直したり|掃除したり]するだけで使える機器を[捨ててしまう|"
            "買い替えてしまう]人は多いです。",
            "{city}で[IT関係の|システムの]仕事をしている[兄|いとこ]は、配線のひどさを[笑いながらも|からかいながらも]、ほかの部分は[ほめてくれました|認めてくれました]。",
            "費用は全部で{big}円ほどで、ほとんどは新しい[電源|バッテリー]と[静かな|音の小さい]ファンの代金でした。",
            "アップデートは[大切ですが|欠かせませんが]、今は[メインの|家族共用の]パソコンに入れる前に[数日|一週間ほど]様子を見るようにしています。",
            "[電源を切っているはずの|止まっているはずの]古い機器が、[思った以上に|意外なほど]電気を使っていて[驚きました|ぞっとしました]。",
            "パスワード管理ソフトを[使い始めた|導入した]ことは、[デジタル生活|パソコンまわり]で[いちばんの|最大の]改善でした。",
            "説明書を読むのは[退屈ですが|面倒ですが]、読んでいれば少なくとも{small}時間は[無駄にせずに|迷わずに]済んだ"
            "はずです。",
            "{city}のリペアカフェは[月に一度|毎月第二{weekday}に]開かれていて、[トースター|電気スタンド]からパソコンまで[何でも|たいていのものは]直してくれます。",
            "[テクノロジー|機械]は[人の役に立つ|暮らしを助ける]ためにあるもので、[その逆ではありません|振り回されるものではありません]。",
            "{problem}を経験して、大事なデータは[何か所かに|複数の場所に]保存しておくべきだと、[ようやく|心から]実感"
            "しました。",
            "今では[子どもたち|家族]がその機器で[宿題|調べもの]をしていて、[まったく|ほとんど]問題なく動いています。",
            "最新の機器に[目移りしがち|ひかれがち]ですが、少し古いハードでも[十分なこと|困らないこと]が[ほとんど|"
            "たいてい]です。",
            "ネットの掲示板は意見が[ばらばら|まちまち]だったので、[ひとつずつ|一つ一つ]自分で試してみました。",
            "テレビを[リビング|居間]から移してから、家族が[画面を見ている|画面の前にいる]時間が[ずいぶん|目に見えて]減りました。",
            "良い道具は[目立ちません|静かです]。[壊れた|調子が悪くなった]ときに初めてありがたみに気づきます。",
            "作業の手順は[すべて|一つ残らず]メモしておきました。[このブログ|記事]のためでもあり、[未来の自分|次に故障したとき]のためでもあります。",
            "[父|近所の方]が同じ仕組みをほしがっているので、[どうやら|どうも]週末の新しい仕事ができたようです。",
            "バッテリーは[ほぼ一日|数時間]もつので、わが家の使い方なら[十分です|何の問題もありません]。",
            "[家族|子どもたち|両親]から[パソコン|スマホ]の相談を[受ける|される]ことが多く、[気がつけば|いつの間にか][家の|親戚の]サポート係になっています。",
            "[配線|ケーブル]に[ラベルを貼る|名前を書く]だけで、[トラブル|故障]のときの[作業|原因探し]が[ずっと|驚くほど]楽になりました。",
            "[古い|使わなくなった]{device}は、[音楽プレーヤー|写真立て|目覚まし時計]として[第二の人生|新しい役目]を送っています。",
            "[パスワード|設定]を[紙に|ノートに]書いて[引き出し|金庫]に[しまっておく|保管する]のも、[案外|意外と][役に立ちます|安心です]。",
            "[ソフト|アプリ]を[入れすぎる|増やしすぎる]と[動きが|起動が]重くなるので、[半年に一度|ときどき][整理|見直し]をしています。",
            "[買い替え|修理]の前に[一晩|少し]考えるようにしたら、[本当に必要なもの|手放していいもの]が[見えてきました|分かってきました]。",
        ),
        slots={
            "topic": ("身近なテクノロジー",),
            "device": ("古いノートパソコン", "中古のタブレット", "小さなシングルボードコンピューター", "自宅のルーター",
                       "再生品のスマートフォン", "小型のホームサーバー", "古い電子書籍リーダー"),
            "software": ("軽量なLinuxディストリビューション", "オープンソースのパスワード管理ソフト",
                         "無料の写真編集ソフト", "シンプルなバックアップツール", "オフラインで使えるメモアプリ"),
            "problem": ("ハードディスクの故障", "遅すぎる無線LAN", "すべてを壊したアップデート",
                        "忘れてしまったパスワード", "容量がいっぱいのメモリーカード"),
        },
        anchors=("device", "software", "problem"),
    ),
    "health": _Topic(
        titles=(
            "{habit}を{small}週間続けてみた結果",
            "小さな習慣で変わったこと",
            "{doctor}に聞いた睡眠の話",
            "冬を元気に過ごすためのちょっとした工夫",
            "朝ごはんを抜かなくなった理由",
        ),
        sentences=(
            "ここ{num}週間、[毎日|ほぼ毎日]{habit}を続けています。",
            "[2週間|3週間]ほどたったころから、{body}に[変化|はっきりした違い]を感じるようになりました。",
            "{doctor}に[相談した|話した]ところ、「[強さ|頑張り]より続けることのほうが大事」と[言われました|教わりました]。",
            "私は[医療の専門家|医師]ではないので、あくまで[個人の体験|ひとつの例]として読んでください。",
            "朝ごはんは最近[たいてい|ほとんど]{food}で、お昼まで[空腹を感じません|おなかがすきません]。",
            "結局、[睡眠|よく眠ること]がすべての[土台|基本]なのだと気づきました。",
            "[忙しい日|疲れた日]は、やめてしまうのではなく、[短くしてでも|少しだけでも]続けるようにしています。",
            "{city}に住む[友人|知り合い]が[ビデオ通話で|毎朝]一緒に取り組んでくれたので、やる気が[続きました|途切れませんでした]。",
            "いちばん[難しかった|大変だった]のは、がんばることより、[忘れずに続けること|時間を作ること]でした。",
            "調査によると、大人の約{pct}パーセントが日常的な[運動不足|体を動かす時間不足]だそうです。",
            "毎日の体調を[簡単な|小さな]ノートに[書いていますが|記録していますが]、[意外なほど|驚くほど]はっきりとした傾向が見えてきます。",
            "いちばん[手ごわかった|つらかった]のは甘いものをやめることで、特に[午後|仕事中]が[つらかったです|大変でした]。",
            "週に[2回|3回]は歩いて通勤しています。{num}分ほど[余計に|よけいに]かかりますが、[着いたとき|職場に着いたとき]の気分が[まるで|ずいぶん]違います。",
            "どこかが痛むときは[無理をせず|すぐに休んで]、{doctor}に相談してから続けてください。",
            "自炊を増やしたことで、食費も[かなり|思った以上に]節約できました。",
            "良い習慣は[簡単だからこそ|手軽だからこそ]続きます。だから[ランニングシューズ|散歩用の靴]は[玄関のすぐ横|ドアのそば]に置いてあります。",
            "日の[短い|暗い]冬のあいだも、[以前より|昔より]ずっと気分が安定しています。",
            "[完璧な|理想的な]習慣はいりません。ほどほどでも、本当に[続けられる|守れる]習慣のほうが[ずっと|はるかに]良いのです。",
            "朝起きて[すぐに|いちばんに]コップ一杯の[水|白湯]を飲むのは、今までで[一番|もっとも]簡単な変化でした。",
            "{month}には、新しい習慣がもう[苦ではなく|負担ではなく]なっていました。",
            "[夫|同僚]のほうが先に[変化|私の変化]に気づいてくれて、それが[不思議と|妙に]励みになりました。",
            "今でも[なまけてしまう|だらだらしてしまう]週はありますが、もう[自分を責めたり|落ち込んだり]はしません。",
            "[歯みがきのあと|寝る前|朝のコーヒーの前]に[やる|続ける]と決めておくと、[忘れにくく|習慣になりやすく]なります。",
            "[休日|週末]は[近くの公園|川沿い]を[ゆっくり|のんびり][一時間|30分]ほど歩くのが[楽しみ|日課]になりました。",
            "[スマホ|テレビ]を[寝室|ベッドのそば]に持ち込まないようにしてから、[寝つき|目覚め]が[ずいぶん|はっきり]よくなりました。",
            "[無理な|急な]目標は[続かない|長続きしない]ので、[昨日より少しだけ|自分のペースで]と[考える|決める]ようにしています。",
            "[体重|歩数]の[数字|記録]に[一喜一憂|振り回され]しないことも、[大切な|意外と大事な]コツだと思います。",
            "[家族|友人]と[一緒に|声をかけ合って]取り組むと、[さぼりにくく|楽しく]なるので[おすすめ|効果的]です。",
        ),
        slots={
            "topic": ("健康的な習慣",),
            "habit": ("夕食後の散歩", "朝10分のストレッチ", "11時前に寝ること", "水をこまめに飲むこと", "自炊",
                      "階段を使うこと"),
            "body": ("腰の痛み", "睡眠", "おなかの調子", "集中力", "疲れやすさ"),
            "doctor": ("かかりつけのお医者さん", "理学療法士さん", "管理栄養士さん", "近所の薬剤師さん"),
            "food": ("ベリー入りのオートミール", "野菜たっぷりのみそ汁", "ひとつかみのナッツ", "ヨーグルトと果物",
                     "全粒粉のパン"),
        },
        anchors=("habit", "body", "doctor"),
    ),
    "sports": _Topic(
        titles=(
            "40代から{race}を目指して",
            "お気に入りのコースは{route}です",
            "{injury}からの復帰までの記録",
            "{club}と走って学んだこと",
            "{city}の大会に出てきました",
        ),
        sentences=(
            "{month}に{race}に[申し込みました|エントリーしました]。練習に[はっきりした|わかりやすい]目標がほしかったからです。",
            "いつものコースは{route}で、[平らで静かで|走りやすくて]、木陰も多くて[気持ちがいいです|快適です]。",
            "週[3回|4回]のランニングが、今の年齢と[生活|仕事]にはちょうどいいと分かりました。",
            "{injury}で{num}日近く走れなかったときは、体よりも[気持ち|心]のほうがつらかったです。",
            "{weekday}の朝に{club}と[一緒に|そろって]走るようになってから、早起きが[ずっと|とても]楽しくなりました。",
            "最初の1キロは[いつも|たいてい]体が重いのですが、[10分|15分]ほどで温まってきます。",
            "大会当日は[スタート地点|会場]に{big}人ほどのランナーが集まり、[すばらしい|熱気あふれる]雰囲気でした。",
            "タイムは[平凡でしたが|いまひとつでしたが]、後半を前半より[速く走れた|粘って走れた]のがうれしかったです。",
            "コーチの{name}に「ほとんどの練習は[ゆっくり|楽なペースで]走りなさい」と[言われたのですが|教わったのですが]、これが[本当に|とても]良いアドバイスでした。",
            "[いいシューズ|足に合う靴]にはお金をかける価値がありますが、[店でいちばん|店頭で目立つ][高い|流行の]モデルを選ぶ必要はありません。",
            "暑い日は、{city}の通りが[混み始める|にぎやかになる]前の[早朝|夜明けごろ]に走ります。",
            "走ったあとに[数分|少しだけ]ストレッチをするだけで、[今のところ|これまで]大きなけがはしていません。",
            "練習記録をつけてみて、[楽に走るべき日|軽めの日]に[速すぎていた|飛ばしすぎていた]ことに気づきました。",
            "最後の{small}キロは[苦しかった|本当にきつかった]ですが、沿道の[応援|声援]に背中を押してもらいました。",
            "休養日も[練習のうち|計画の一部]で、決して[弱さ|怠け]のしるしではありません。",
            "家族には[少し変わった|ちょっと不思議な]趣味だと思われていますが、大会には[いつも|たいてい][温かいお茶|コーヒー]を持って応援に来てくれます。",
            "坂道が苦手なので、毎週{weekday}には家の近くの急な坂で[短いダッシュ|坂道ダッシュ]を繰り返しています。",
            "走ることは、{city}の町を[ひとつずつ|少しずつ]知っていく[方法|きっかけ]にもなりました。",
            "長い距離を走る日は、1時間ほど前に[はちみつトースト|バナナ]を[軽く|少しだけ]食べます。",
            "速さなんて誰も気にしていません。大事なのは、[走り続けること|やめないこと]です。",
            "[冬|暗い夕方]は、ヘッドライトと[明るい色の|反射材つきの]上着さえあれば、ほかに[特別な道具|何も]いりません。",
            "コースのボランティアの方々は、[何時間も|朝早くから][雨の中|冷たい風の中]立っていてくれて、[本当に|心から]頭が下がります。",
            "[雨の日|寒い朝]は[走るのを|外に出るのを][迷います|ためらいます]が、[走り終えたあと|シャワーのあと]の[気分|爽快感]は[格別|特別]です。",
            "[ペース|心拍数]を[気にせず|見ないで]走る日を[作った|決めた]ら、[走ること|練習]が[また|ふたたび]楽しくなりました。",
            "{route}では、[いつも|毎朝][同じ顔ぶれ|犬の散歩をしている人]と[あいさつ|会釈]を[交わす|する]のが[ちょっとした|小さな]楽しみです。",
            "[レース前夜|大会の前の晩]は[なかなか|どうしても][眠れません|寝つけません]が、[それも|その緊張も][楽しみのうち|大会の一部]だと思っています。",
            "[シューズ|靴下]を[新しくした|替えた]だけで、[足のまめ|足の痛み]が[ほとんど|すっかり][なくなりました|出なくなりました]。",
            "[ゴール|フィニッシュ]の[瞬間|あと]に{club}と[食べた|飲んだ][ラーメン|ビール]の味は、[一生|ずっと][忘れない|忘れられない]と思います。",
        ),
        slots={
            "topic": ("ランニング",),
            "race": ("地元の10キロレース", "ハーフマラソン", "山のトレイルレース", "チャリティーラン",
                     "秋の市民マラソン"),
            "route": ("運河沿いの道", "湖のまわりの周回コース", "廃線跡の遊歩道", "学校の裏の森の小道",
                      "川沿いの遊歩道"),
            "injury": ("ふくらはぎの肉離れ", "足首のねんざ", "ひざの痛み", "アキレス腱の炎症"),
            "club": ("地元のランニングクラブ", "子どもの学校の保護者仲間", "職場の同僚2人", "近所の友人"),
        },
        anchors=("race", "route", "club"),
    ),
    "music": _Topic(
        titles=(
            "大人になってから{instrument}を始めてみて",
            "{ensemble}に入ったわけ",
            "{city}での練習日記",
            "1日20分の練習で変わったこと",
            "{piece}を1小節ずつ練習しています",
        ),
        sentences=(
            "[40歳|45歳]で{instrument}を習い始めましたが、もっと[早く|若いうちに]始めればよかったと思っています。",
            "先生の{name}は[何よりもまず|毎回のレッスンで]音階練習を[大切にしていて|重視していて]、私も[しぶしぶ|なんとか]従っています。",
            "今月は{piece}を1小節ずつ[練習しています|さらっています]。",
            "{ensemble}で[演奏する|弾く]ようになって、自分の音だけでなく、[周りの音|仲間の音]を[聴くこと|感じること]を学びました。",
            "練習は毎週{weekday}の夜で、会場の[公民館|学校の音楽室]はいつも[少し寒い|少し暑い]です。",
            "[集中した|丁寧な]20分の練習は、[だらだらと弾く|なんとなく弾く]2時間よりもずっと効果があります。",
            "{city}での[前回の|この前の]演奏会には{audience}人ほどが来てくださり、[予想|期待]よりずっと多くて驚きました。",
            "[スマートフォン|スマホ]で自分の演奏を録音するのは最初は[恥ずかしかった|気が進まなかった]のですが、どこが悪いのかが[はっきり|よく]分かりました。",
            "[いちばん難しい|特に手ごわい]ところを[きれいに|テンポどおりに]弾けるようになるまで、{num}日近くかかりました。",
            "学生のころは[退屈だった|苦手だった]音楽理論も、[実際に|自分で]音を聴きながらだと、[ずっと|驚くほど]よく分かります。",
            "中古の楽器でも、[詳しい人|楽器店の人]に見てもらえば、始めるには[十分です|問題ありません]。",
            "[何をやっても|どうしても]うまくいかない夜は、知っている曲を[楽しみのために|気分転換に]弾くだけにしています。",
            "うちの指揮者は、[難しい|複雑な]リズムを[面白い話|おかしなたとえ]で説明するのが上手です。",
            "耳で覚えるのは[時間がかかりますが|苦労しますが]、そのぶんメロディーを[ずっと長く|何年も]覚えていられます。",
            "本番の前は[数分間だけ|少しのあいだ]緊張しますが、弾き始めると[不思議と|自然と]落ち着きます。",
            "クラシックの曲だけでなく、[メンバーの一人|仲間のひとり]が編曲した[ポップス|映画音楽]も演奏しています。",
            "[誰かと一緒に|仲間と]音楽をしていると、時間がたつのを[完全に|すっかり]忘れてしまいます。",
            "近所の方は[とても|本当に]寛大ですが、もう{piece}を[すっかり|そらで]覚えてしまったかもしれません。",
            "メトロノームは[うるさくて|口うるさくて]正直で、そして[絶対に|どうしても]欠かせない道具です。",
            "{num}週間ほどたったころ、[一つ一つの音|次の音]を考えなくても指が動くようになっていることに[気づきました|"
            "気がつきました]。",
            "[この前の練習|先週の{weekday}]では、{piece}を初めて[最後まで|止まらずに]通して弾くことができました。",
            "練習のあとの[お茶とお菓子|おしゃべり]が、[正直に言うと|実のところ]続けている理由の半分かもしれません。",
            "[ほんの|たった]5分でも[毎日|欠かさず][楽器に触れる|音を出す]ことが、[上達への|いちばんの][近道|コツ]だと[実感しています|分かってきました]。",
            "[発表会|演奏会]の[前の週|直前]は、[家族|近所の人]に[聴いてもらって|客席役をお願いして][本番の|人前の][練習|予行演習]をします。",
            "{instrument}の[音色|響き]は[弾く人|その日の気分]によって[まるで|ずいぶん][違う|変わる]ので、[いつも|毎回][新鮮|発見]です。",
            "[楽譜が読めなかった|リズムが苦手だった]私でも、[少しずつ|ゆっくり][弾ける曲|できること]が[増えて|広がって]きました。",
            "[先輩の|年上の]メンバーが[声をかけて|励まして]くれたおかげで、[最初の|はじめての][本番|舞台]を[乗り切れました|なんとか終えられました]。",
            "[好きな|憧れの][演奏家|曲]の[録音|映像]を[何度も|くり返し][聴いて|見て]、[弾き方|息づかい]を[まねして|研究して]います。",
        ),
        slots={
            "topic": ("音楽",),
            "instrument": ("ピアノ", "ギター", "チェロ", "バイオリン", "アコーディオン", "ウクレレ", "クラリネット"),
            "piece": ("バッハの短い前奏曲", "古い民謡", "やさしいワルツ", "ジャズのスタンダード曲", "ハイドンのソナタ",
                      "アイルランドの伝統曲", "モーツァルトのメヌエット"),
            "ensemble": ("地域の小さな合唱団", "アマチュアのオーケストラ", "フォークバンド", "吹奏楽団",
                         "友人2人とのトリオ"),
            "audience": ("60", "80", "100", "150"),
        },
        anchors=("instrument", "piece", "ensemble"),
    ),
}

_JA_SPAM = _Spam(
    stuffing_keywords=("格安航空券", "激安", "送料無料", "最安値", "今すぐ購入", "セール", "ポイント10倍", "格安ホテル",
                       "お買い得", "期間限定", "限定価格", "人気ランキング"),
    gibberish_units=tuple("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"
                          "がぎぐげござじずぜぞだでどばびぶべぼぱぴぷぺぽアイウエオカキクケコサシスセソタチツテトナニヌネノ"
                          "ハヒフヘホマミムメモラリルレロ"),
    link_templates=("{city}のホテル", "{city}のグルメ", "{city}の中古車", "{product}の通販", "{product}の口コミ",
                    "{city}の求人", "{city}の賃貸", "{product}激安", "{product}ランキング", "{city}の天気",
                    "{city}のタクシー", "{product}比較", "{product}無料サンプル", "{city}の歯医者"),
    link_slots={
        "city": ("東京", "大阪", "名古屋", "札幌", "福岡", "横浜", "京都", "神戸", "仙台", "広島"),
        "product": ("ノートパソコン", "スマホ", "スニーカー", "腕時計", "ソファ", "自転車", "タイヤ", "香水", "メガネ",
                    "マットレス", "ローン", "保険"),
    },
    gambling_terms=("カジノ", "オンラインカジノ", "スロット", "ポーカー", "スポーツベッティング", "ジャックポット",
                    "ルーレット", "フリースピン"),
    gambling_lines=("最高の{term}はこちら！！！", "今すぐ{domain}で{bonus}回フリースピン！",
                    "{term}で今日こそ大勝ち！！！", "巨大ジャックポットがあなたを待っています！！！",
                    "クリックはこちら：{domain}", "入金不要の{term}ボーナス！！！",
                    "今すぐ登録で{bonus}ドルのボーナス！", "{term}{term}{term}なら{domain}！！！",
                    "{term}で本物のお金を稼ごう！！！", "今日登録して明日出金！！！"),
    gambling_titles=("{term}ボーナス最強 - {domain}", "{term}で今日勝つ！！！", "無料{term} - {bonus}ドル"),
    adult_terms=("アダルト", "アダルト動画", "ライブチャット", "出会い系", "18禁", "アダルトサイト", "xxx"),
    adult_lines=("{term}が今なら無料！！！", "{domain}で{term}をチェック！！！", "{term}はこちらをクリック！！！",
                 "{term}{term}{term}登録不要！！！", "今夜あなたの近くで{term}！！！", "{domain}で24時間{term}見放題",
                 "18歳未満は閲覧禁止！！！今すぐ入場！", "最強の{term}はここ！！！"),
    adult_titles=("無料{term} - {domain}", "{term}見放題！！！", "人気の{term}ランキング"),
    directory_titles=("お役立ちリンク集", "{city}のリンク集", "相互リンク", "おすすめサイト一覧"),
)

_JA_CHROME = _Chrome(
    home=("ホーム", "トップ"),
    nav_items=("お知らせ", "このサイトについて", "お問い合わせ", "アーカイブ", "レシピ", "旅行", "菜園", "ブログ",
               "イベント", "ショップ", "メルマガ", "検索", "カテゴリー", "写真"),
    copyright=("Copyright (C) {year} {site} All Rights Reserved.", "(C) {year} {site}", "Copyright {year} {site}"),
    legal_links=("プライバシーポリシー", "利用規約", "特定商取引法に基づく表記", "クッキーの設定", "サイトマップ",
                 "運営会社"),
    extras=("当サイトでは、より良いサービスのためにクッキーを使用しています。",
            "サイトを引き続き利用すると、クッキーの使用に同意したものとみなされます。",
            "お問い合わせはフォームからどうぞ。", "SNSでも更新情報をお届けしています。"),
    sidebar_titles=("関連記事", "人気の記事", "こちらもおすすめ", "最新の記事", "あわせて読みたい"),
    site_first=("くらしの", "まちの", "旅と", "台所の", "ゆるやか", "週末の", "のんびり", "季節の"),
    site_second=("ノート", "手帖", "便り", "日記", "ジャーナル", "広場", "ひろば", "暮らし"),
    site_joiner="",
)


# =============================================================================================
# Chinese (simplified; to_traditional converts for Big5 sites)
# =============================================================================================
# Every character here is in GBK, and every simplified-only character has an entry in the
# character table at the end of the module, so to_traditional output always encodes in Big5.

_ZH_SLOTS: dict[str, tuple[str, ...]] = {
    "name": ("李明", "王芳", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "吴昊", "孙悦", "郑波", "林婷"),
    "city": ("成都", "杭州", "西安", "苏州", "厦门", "青岛", "昆明", "南京", "大连", "长沙", "武汉", "桂林"),
    "weekday": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
    "month": ("1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"),
    "season": ("春天", "夏天", "秋天", "冬天"),
    "small": ("三", "四", "五", "六", "七", "八"),
}

_ZH_INTROS = (
    "关于{topic}，我[早就|好几年前就|一直]想写点什么，直到今年{season}才[终于|总算]抽出时间。",
    "[前几天|上个月|不久前]，一位住在{city}的读者问我是怎么[开始接触|迷上]{topic}的，所以今天就[详细|好好]聊聊。",
    "上个{weekday}，我[几乎整个下午|大半个晚上|一个下雨的上午]都在琢磨{topic}这件事，有些想法[值得记下来|想和大家分享]。",
    "这篇文章从{month}起就一直[躺在草稿箱里|没写完]，因为我对{topic}的看法[总在变|一直拿不定主意]。",
    "我对{topic}产生兴趣，[完全是个偶然|纯属意外]，那是大约{num}年前在{city}度过的一个[长假|周末]。",
    "网上关于{topic}的[建议|文章|经验]多得数不清，但真正和我的经历[对得上|吻合]的并不多。",
    "朋友{name}催了我[好几个月|大半年]，让我把关于{topic}的笔记[整理出来|写成文章]，今天[总算|终于]动笔了。",
    "如果{num}年前有人告诉我，有一天我会写关于{topic}的文章，我[肯定不会相信|一定会笑出声]。",
    "熟悉我的人都知道，{topic}是我[从小到大|从学生时代起|这些年来]的爱好。",
    "每年我都告诉自己要[认真对待|好好投入]{topic}，今年[总算|终于]真的做到了。",
    "[天气|最近][一直很冷|一直很热|总在下雨]，[今天|这次]就[聊聊|写写]{topic}吧。",
    "接触{topic}已经{num}年左右了，[到现在|至今]每天都还有[新发现|新收获]。",
    "[好久没|很久没]更新了，[这一篇|今天]想和大家聊聊{topic}。",
    "[经常|时常]有人问我{topic}方面的问题，[干脆|索性]把我的[经验|想法][整理|汇总]一下。",
    "从[去年|今年春天]开始，我[认真|正式]投入到{topic}中，[体会|感触][很多|颇深]。",
)

_ZH_GENERIC = (
    "正如{name}[常说的|说过的|提醒我的]，细节远比[昂贵的装备|时髦的工具]重要。",
    "我[大概|差不多|前后]失败了{num}次，才[弄明白|搞清楚]问题出在哪里。",
    "我跟[邻居|同事]说起这个计划时，[她笑了|她不以为然]，可[几个星期后|没过多久]她就改变了看法。",
    "这些事情都不是[一夜之间|一两天]就能做好的，承诺[速成|马上见效]的人[多半|往往]是想卖东西。",
    "我一直用一个[简单的|小小的|旧]本子做记录，[回头翻看|隔段时间再看]，往往比[任何一本书|网上的视频]都有用。",
    "说实话，最初的{small}个星期[相当|真的]让人[沮丧|灰心]。",
    "在{city}和{name}的一次[简短|偶然的]交谈，[改变了|彻底改变了]我对这件事的看法。",
    "最让我[意外|惊讶]的是，[入门|开始]几乎不需要花[什么钱|多少钱]。",
    "当然，并不是每件事都[按计划进行|那么顺利]，一路上我也犯了[不少|很多]错误。",
    "顺利的时候，整个过程用不了{num}分钟；[不顺利|状态不好]的时候，[一个晚上|整个周末]就过去了。",
    "{city}有一个[小团体|兴趣小组]，每{weekday}聚会一次，他们的建议对我[帮助很大|非常有用]。",
    "我不敢自称[专家|行家]，但在走过[不少|许多]弯路之后，[确实|的确]学到了很多。",
    "我听过的最好的建议也是最简单的：[从小处做起，保持耐心|每天做一点，不要着急]。",
    "[上一篇|前一篇]文章发出后，有好几位读者给我[留言|写信]，其中有些问题提得[非常好|很到位]。",
    "[回想起来|现在想想]，真希望[刚开始|入门]的时候就有人跟我[讲清楚|说明白]这些。",
    "{name}坚持这件事已经有{num}年了，[常说|总是说][坚持比天赋更重要|耐心才是关键]。",
    "我在{month}读到一项调查，说大约{pct}%的新手会在[第一年|头几个月]放弃。",
    "我至今还记得[第一次|最初]尝试的情形，结果[实在不怎么样|简直是一场小灾难]。",
    "好消息是，大多数问题的原因其实都[很简单|不复杂]。",
    "到了{month}底，进步[终于|总算]看得见了，虽然[很慢|不算大]。",
    "朋友们[有时|常常]问我，这样值得吗？我的回答[始终|一直]是：值得。",
    "这些年我试过{small}种不同的[方法|思路]，每一种都让我学到了[新东西|重要的东西]。",
    "不少读者问到[花费|费用]的问题，所以这次我把[每一笔开销|所有的票据]都记了下来。",
    "有时候，最[重要|有用]的一步就是把做过的事和[结果|感受]写下来。",
    "我的建议是多和[本地人|身边的人]聊聊，当地的经验是[别的东西替代不了的|书本上学不到的]。",
    "[说实话|以我的经验]，第一个月是最[难熬|辛苦]的，过了这一关就[轻松多了|顺利多了]。",
    "对我来说，最[美好|享受]的往往不是结果，而是[安安静静|专心致志]做这件事的那段时光。",
    "哪怕是[很小的|一点点]进步，我也会[记下来|写在本子上]，[情绪低落|没有动力]的时候翻出来看看，[很能鼓舞人|心情就好多了]。",
    "有[志同道合的|聊得来的]朋友一起，[坚持下去|每天做]就[容易|有意思]得多。",
    "遇到[困难|瓶颈]的时候，我会先[回到基础|放慢脚步]，[重新|从头]想一想。",
    "[最近|这段时间|这几个月]，{topic}成了我每天[最期待|最放松]的[时光|事情]。",
    "[刚开始|头一年]我[热衷于|忙着][买工具|买书]，[现在|如今]只留[最基本的|真正用得上的][东西|那几样]就[够了|满足了]。",
    "遇到[不懂的|拿不准的]地方，我会去[图书馆|书店][找答案|查一查]，或者请教[老前辈|有经验的朋友]。",
    "因为{topic}，我[认识了|结交了][很多|不少][新朋友|有意思的人]，这是[最大的|意外的]收获。",
    "与其[周末|休息日][一口气|集中]做完，不如[每天|平时][一点一点|慢慢]来，这样更[适合我|容易坚持]。",
    "翻看[去年|前年]的[记录|照片]，[连我自己|我自己都][吓了一跳|忍不住笑了]，变化[真大|太明显了]。",
    "[家人|爱人][一开始|起初][不太理解|觉得我瞎折腾]，现在却成了我[最大的|最忠实的][支持者|粉丝]。",
    "不用拿自己和网上[那些完美的|精修过的][照片|作品][比较|对比]，[各有各的节奏|慢慢来就好]。",
    "比起[成功|顺利]的时候，[失败|碰壁]的时候反而[学到的更多|收获更大]。",
    "[偶尔|每隔一阵]和{city}的[朋友|同好]聚一聚，[交流|聊聊][近况|各自的心得]，[很开心|特别有意思]。",
    "不一定要[花很多钱|投入很多时间]，[动动脑筋|多想点办法]，[一样|照样]能[玩得很开心|做得很好]。",
    "不管[多大年纪|有没有经验]，[什么时候|随时][开始|起步]都不晚，这正是{topic}的[魅力|可爱之处]。",
    "[累了|没心情]的时候，[干脆|索性][休息一天|什么都不做]，这也是我[慢慢|后来][学会的|明白的]。",
    "试了[读者|朋友][推荐的|分享的][小窍门|办法]之后，效果[出乎意料地好|比想象的好]。",
    "这[一年|几年]变化最大的，与其说是[技术|手艺]，不如说是[心态|看问题的角度]。",
    "[小时候|年轻时]看[父母|爷爷奶奶]做的事情，如今我[也|竟然也]做了起来，[想想|仔细想想]挺[奇妙|有意思]的。",
)

_ZH_CLOSINGS = (
    "如果你在{topic}方面也有自己的[经验|故事]，欢迎在[评论区|下面]分享。",
    "[下一篇|下次]我会回答评论里的几个问题，[感谢大家读到这里|我们下次见]。",
    "很好奇明年{season}会是什么样子，到时候再来[汇报|跟大家分享]。",
    "如果你住在{city}附近，欢迎给我留言，也许我们可以[见面交流一下|一起喝杯茶]。",
    "今天就写到这里，希望其中有一些内容对你[有用|有帮助]。",
    "有问题或者[完全不同|不一样]的经历？欢迎[随时告诉我|给我留言]。",
    "可以肯定的是，{topic}还会陪伴我[很长一段时间|很多年]。",
    "感谢这几个星期给我[出主意|提供灵感]、提建议的每一位朋友。",
    "[啰啰嗦嗦|洋洋洒洒]写了这么多，[谢谢|感谢]你[耐心|一直]读到这里。",
    "[以后|过段时间]还会继续写{topic}的[内容|故事]，[敬请期待|欢迎关注]。",
    "[大家|你]也可以[按自己的节奏|量力而行]，[试一试|慢慢体会]其中的乐趣。",
    "[那么|好了]，我们[下次|下篇文章]再见。",
    "[有什么|如果有]想法或意见，欢迎[留言|私信][告诉我|交流]。",
)

_ZH_NOTES = (
    "补充：有读者指出了文中的一个错误，现已改正。",
    "本文所有照片均为本人拍摄。",
    "这篇文章最早发表在我以前的博客上。",
    "更新：根据评论区的提问，补充了一些细节。",
    "感谢{name}帮我看了初稿。",
    "本文于{month}更新。",
    "上周的垃圾评论问题解决后，评论区已重新开放。",
    "文中部分链接指向我以前写的同主题文章。",
)

_ZH_TOPICS: dict[str, _Topic] = {
    "cooking": _Topic(
        titles=(
            "做了很多次{dish}以后，我总结出的几个小窍门",
            "工作日的晚餐，来一道简单的{dish}吧",
            "{relative}教给我的那些家常菜和小窍门",
            "这个季节的{veg}特别好吃，我是这样做的",
            "我们家厨房里的{dish}是这样做的",
        ),
        sentences=(
            "我做{dish}的方法是跟{relative}学的，不过[这些年|后来|慢慢地]已经按[自己的|家里人的]口味改了不少。",
            "我一般先用[小火|中小火]把{veg}[慢慢|耐心地]炒软。",
            "大约{num}分钟后，[厨房里|整个屋子]就飘满了香味，蔬菜也变得[又软又甜|软糯可口]。",
            "[出锅前|最后]加一点{seasoning}，味道会有[意想不到|明显]的变化。",
            "{relative}[常说|总说|以前常讲]，好吃的饭菜[不一定要|用不着]复杂。",
            "蔬菜我[大多|一般]在家附近的[早市|菜市场]买，价格[公道|实惠]，品质也[很好|不错]。",
            "为了把[咸淡|酸甜]调到[刚好|恰到好处]，我前后试了{small}次。",
            "烤箱要[提前|事先]预热到{temp}度左右，表面才能烤得[金黄酥脆|焦香诱人]。",
            "剩下的菜放在冰箱里可以保存[两三天|好几天]，第二天吃有时[反而更香|味道更入味]。",
            "孩子们一开始[将信将疑|不太愿意尝]，现在[几乎每周|隔三岔五]都吵着要吃{dish}。",
            "我[刚开始|最初]最常犯的错误，就是{seasoning}放得[太早|太多]。",
            "[工作日|忙碌]的午饭，配上[一碗米饭|一个馒头]和一盘青菜就[足够了|很满足了]。",
            "这道菜对[小失误|一点点差错]很宽容，特别适合[刚学做饭的人|厨房新手]。",
            "一家四口吃一顿，食材钱还不到{price}元。",
            "{city}的一位朋友建议我加点{seasoning}，从那以后我就[一直这样做|再也没换过做法]。",
            "[冷天|下雨天]的{weekday}晚上做一锅{dish}，已经成了我们家的[小习惯|小传统]。",
            "关键在于[火候|时间]，{veg}稍微上色就要[马上|赶紧]关火。",
            "我喜欢[提前一天|早上]把酱汁调好，放[一晚上|几个小时]味道会更[融合|醇厚]。",
            "做菜的时候要[边做边尝|多尝几次]，随时[调整味道|加点盐]。",
            "周末我常常[多做一些|做一大锅]，把[一半|几份]冻起来留着以后吃。",
            "说到底，好吃的[秘诀|关键]在于[新鲜的食材|用心挑选的材料]和一点点[耐心|心思]。",
            "每次闻到{dish}的香味，我都会想起小时候[周末的饭桌|一家人围坐吃饭的情景]。",
            "[周日|休息日]的早上，我喜欢翻着{relative}[留下的|手写的]菜谱，琢磨[今天|这周]做什么。",
            "{veg}[便宜|上市]的季节，我总是[忍不住|一不小心]买太多，只好分给[邻居|朋友]。",
            "[一把好刀|一口好锅]值得投资，[每天|平时]做饭会[轻松|顺手]很多。",
            "家人[说一句|夸一句]「[再做一次|真好吃]」，就觉得[一切辛苦都值了|特别开心]。",
            "味道[不够|差一点]的时候，加[一小撮盐|几滴醋|一点糖]，往往就[对了|好了]。",
            "用冰箱里[剩下的|快放不住的]蔬菜做{dish}，既[省钱|不浪费]又好吃。",
        ),
        slots={
            "topic": ("家常菜",),
            "dish": ("红烧肉", "番茄炒蛋", "麻婆豆腐", "土豆丝", "鱼香茄子", "冬瓜排骨汤", "葱油饼", "清蒸鱼",
                     "蘑菇炖鸡", "南瓜粥"),
            "veg": ("洋葱", "胡萝卜", "大葱", "西葫芦", "青椒", "香菇", "茄子", "白菜"),
            "seasoning": ("生抽", "姜丝", "花椒", "香醋", "芝麻油", "黑胡椒", "白糖", "料酒", "豆瓣酱", "蒜末"),
            "relative": ("奶奶", "外婆", "妈妈", "爸爸", "姑姑", "大学时的室友"),
            "temp": ("180", "190", "200", "220"),
            "price": ("30", "40", "50", "60"),
        },
        anchors=("dish", "relative"),
    ),
    "travel": _Topic(
        titles=(
            "不开车，我们在{region}慢慢走了{days}天",
            "为什么我总是想再去一次{region}",
            "在{town}度过的一个星期，我学到了什么",
            "旅行笔记：在{town}享受慢下来的时光",
            "和{companion}一起去旅行，是一种什么样的体验",
        ),
        sentences=(
            "我们到{town}的时候已经是[深夜|晚上十点多]，虽然一路[奔波|颠簸]很累，心里却[满是期待|很兴奋]。",
            "这一周我们住在{lodging}，出发前[几天|一个星期]才订好。",
            "[客栈|民宿]老板娘很[热情|健谈]，还在一张手绘地图上标出了她[最喜欢的地方|私藏的小店]。",
            "和{companion}一起旅行，计划[总是在变|每天都在变]，但这也正是旅行的[乐趣|魅力]。",
            "第二天早上，我们沿着[河边|海边]一直走，直到古城[消失在身后|看不见了]。",
            "单程票大约{big}元，坐了将近{hours}个小时，感觉[非常实惠|很值]。",
            "我们在一家旅游指南上[几乎找不到|从来不提]的[小博物馆|老展馆]里待了[整整一个下午|大半天]。",
            "{region}的天气[变化很快|说变就变]，即使是[夏天|七月]也最好带一件[薄雨衣|轻便的雨衣]。",
            "这次旅行中[最好吃|最难忘]的几顿饭，都是在[连菜单都没有|门面很小]的[小馆子|小饭馆]里吃的。",
            "第[三|四]天，我们{transport}沿着海岸走，看着一个个[村子|渔村]从窗外[掠过|经过]。",
            "每次出发前，我都会先读一点当地的[历史|故事]，这样看到的风景就[完全不一样了|多了几分味道]。",
            "什么都[提前订好|安排妥当]确实[省钱|方便]，但也少了几分[自由|惊喜]。",
            "这一周最[难忘|开心]的，是和一位在{town}生活了一辈子的老[渔民|面包师傅][聊天|长谈]。",
            "如果{month}去，游客会少[很多|不少]，晚上也更[凉快|安静]。",
            "我们每天大概走{km}公里，一开始觉得[很远|很累]，后来也就[习惯了|找到节奏了]。",
            "慢慢旅行会让你[注意到|发现]很多坐在车里[看不到|会错过]的东西。",
            "回程因为[火车停运|一场大雨]多花了[不少时间|一整天]，但没有一个人抱怨。",
            "明年我打算和{companion}一起去{region}，已经开始[查资料|看书做功课]了。",
            "一双[好走的鞋|合脚的鞋]，比任何[旅行装备|昂贵的相机]都重要。",
            "{region}的乡村公交既[便宜|实惠]又[准时|准点]，这一点让我很[意外|惊喜]。",
            "在{town}，我们[每天早上|一大早]都去一家开了[上百年|好几代]的面包店买早点。",
            "[几乎每天晚上|每天傍晚]，我们都坐在[水边|码头]，对第二天的安排[什么也不想|毫无计划]。",
            "在{region}，我最喜欢[逛当地的菜市场|去早市转转]，总能发现[没见过的|有意思的][水果|点心]。",
            "[行李|背包]只带了[一个小背包|一个登机箱]，[换车|爬坡]的时候[轻松|方便]多了。",
            "{companion}一拍起[照片|风景]就停不下来，常常在[同一个地方|一个路口]站上[半个小时|一个钟头]。",
            "[下雨天|阴冷的早上]，我们就躲进[车站旁|码头边]的小茶馆，听[当地人|老街坊]聊天。",
            "[问路|打招呼]的时候，一位老奶奶[硬是|热情地]塞给我们一大袋自家种的[橘子|枣子]。",
            "从[夜车|大巴]的车窗看到的{region}[灯火|星空]，我[至今|一直][难以忘怀|记得很清楚]。",
        ),
        slots={
            "topic": ("慢旅行",),
            "region": ("云南", "川西", "皖南", "闽南", "江南水乡", "湘西", "贵州东南部", "新疆北部", "山东半岛",
                       "浙江沿海"),
            "town": ("大理", "泉州", "凤凰古城", "平遥", "镇远", "婺源", "阳朔", "乌镇", "西递", "景德镇"),
            "transport": ("坐夜班火车", "坐乡村大巴", "骑租来的自行车", "坐小渡轮", "坐沿海的慢车"),
            "lodging": ("一家家庭经营的小客栈", "面包店楼上的一个小房间", "山里的小旅舍", "一座改建过的老宅",
                        "车站附近一家安静的青年旅舍"),
            "companion": ("妹妹", "几个大学同学", "爱人", "一位同事", "上高中的儿子"),
            "hours": ("五", "六", "七", "八"),
            "km": ("十", "十二", "十五", "十八"),
            "days": ("三", "五", "七", "十"),
        },
        anchors=("region", "town", "companion"),
    ),
    "gardening": _Topic(
        titles=(
            "今年我的小菜园里做对了哪几件事",
            "在一小块地里种{plant}，我有这些经验",
            "种菜日记：{month}的菜园里发生了什么",
            "不用农药，怎样对付菜园里的{pest}",
            "一场{weather}让我明白了什么",
        ),
        sentences=(
            "今年我在{spot}种了{plant}，长得比[预想的|去年]还要好。",
            "我们这里的土是[黏土|硬土]，排水不好，所以每年[秋天|冬天]我都会加一层[厚厚的|足量的]堆肥。",
            "{month}的{weather}让所有植物的生长推迟了[至少两个星期|半个多月]。",
            "{pest}一直是个[大麻烦|头疼的问题]，我[每天晚上|天黑以后]都要拿着手电筒去[翻看|检查]叶子背面。",
            "{plant}我一般在[早春|三月]先在室内育苗，等夜里[暖和了|不再降霜]再移到外面。",
            "[早上|上班前]浇水对植物[更好|更健康]，也更[省水|节约]。",
            "邻居{name}种的{plant}是[整条街|整个小区]最好的，而且很乐意[分享经验|传授窍门]。",
            "铺上一层稻草之后，夏天[除草|拔草]的时间[少了很多|省了一大半]。",
            "今年一共收了大约{num}斤，对这么[小|窄]的一块地来说算是[创纪录了|很不错了]。",
            "混种听起来像是[迷信|老话]，不过种了万寿菊之后，{pest}[确实|好像]少了一些。",
            "温室[下午|中午]会非常热，所以我每天出门前都会把[两扇门|窗户]打开。",
            "明年我想试试几个[老品种|少见的品种]，是{city}的一个种子交换会[推荐给我的|介绍的]。",
            "很少有哪种爱好能像园艺这样[教会人耐心|让人学会等待]。",
            "我每年都会记下播种的日期，才发现不同年份的[季节变化|节气早晚][竟然|原来]这么大。",
            "一场{weather}过后，[将近一半|三分之一]的幼苗都没了，只好[从头再来|重新播种]。",
            "用棚顶收集的雨水装满了[两个大桶|三个旧缸]，几乎够[整个夏天|大半个季节]用。",
            "孩子们特别喜欢[摘|收]{plant}，所以[低处|前面]的菜畦专门留给他们。",
            "好的堆肥要[慢慢|耐心地]做，绿色和棕色的材料要[搭配好|比例合适]。",
            "到了[夏末|八月底]，菜畦长得[密密麻麻|满满当当]，人几乎走不过去。",
            "修剪其实没有看上去那么难，只要[工具|剪刀]干净锋利就行。",
            "[傍晚|下班后]，我喜欢坐在菜园边的[旧长椅|小板凳]上，看着[菜苗|花儿]一点点长大。",
            "今年[整个夏天|六月前后]蜜蜂来得特别多，{plant}结得[明显|比往年]多。",
            "[每天早上|出门前]去菜园转一圈，总能看到{plant}的[新变化|新芽]，心情[一下子|立刻]就好了。",
            "[肥料|水]给得[少一点|适量]，{plant}反而长得[更壮|更甜]。",
            "[支架|网子]没有[早点|及时]搭好，一场[大风|雷阵雨]过后，{plant}[倒了一大片|全歪了]。",
            "隔壁地块的[老师傅|老大爷]，看一眼[叶子的颜色|土的样子]就知道[缺什么|哪里不对]。",
            "刚摘下来的{plant}[当场|马上]尝一口，这是[自己种菜|家庭菜园]才有的[享受|福利]。",
            "[冬天|下雪的日子]里，我就翻翻[种子目录|往年的日记]，[盘算|计划]明年种些什么。",
        ),
        slots={
            "topic": ("园艺",),
            "plant": ("小番茄", "四季豆", "黄瓜", "茄子", "生菜", "大丽花", "草莓", "土豆", "向日葵", "辣椒"),
            "spot": ("阳台的大花盆里", "小温室里", "社区菜园的那块地里", "院子最里面的花坛里", "屋顶的种植箱里"),
            "pest": ("蜗牛", "蚜虫", "鼻涕虫", "菜青虫", "麻雀"),
            "weather": ("倒春寒", "连续一周的暴雨", "长时间的干旱", "强台风", "持续的高温"),
        },
        anchors=("plant", "pest", "weather"),
    ),
    "history": _Topic(
        titles=(
            "关于{building}的那些被人遗忘的故事",
            "从档案里看{year}年的小镇生活",
            "{industry}给我们的小镇留下了什么",
            "走在{city}的老街上，寻找过去的样子",
            "从{source}里读到的小镇往事",
        ),
        sentences=(
            "{building}建于{year}年，那时镇上的人口[还不到一千|只有几百户]。",
            "了解那个年代[最重要|最可靠]的线索，是{source}。",
            "[差不多|将近]一百年里，当地人的生计都[离不开|依靠]{industry}。",
            "{year}年的{event}，[几乎在一夜之间|短短几个星期内]改变了小镇的生活。",
            "本地的文史爱好者{name}花了{num}年时间，[收集|寻找]老街巷的照片。",
            "根据记载，当时[市场|寺庙]周围的[小巷|小街]里住着{num}户人家。",
            "{later_year}年最后一家[工厂|丝厂]关门后，很多年轻人都去了[大城市|省城]。",
            "[停车场|超市|汽车站]后面至今还能看到一段老城墙，不过得[知道往哪里看|仔细找]。",
            "从老地图上可以看出，过去有一张[密密的|纵横交错的]小路网，如今[几乎都|大多已经]消失了。",
            "得知{building}在战争年代曾经被当作[医院|仓库|学校]使用，我非常[惊讶|意外]。",
            "一些老人至今还记得工厂每天早上[六点|六点半]拉响的[汽笛声|铃声]。",
            "今年{season}，[图书馆|文化馆]的一个小展览第一次把这些资料[集中|完整地]展示了出来。",
            "读{source}是件很[费功夫|考验耐心]的事，上面的字迹常常很难[辨认|看清]。",
            "街道的名字是很好的线索，许多都和[早已消失的手艺|过去的行当]有关。",
            "根据{source}的记载，这里的集市一直到[清朝末年|民国初年]都是[逢五逢十|每月初一十五]开市。",
            "从{year}年到{later_year}年，镇上的人口[翻了一番还多|增加了将近两倍]。",
            "地方历史不只是[年份和事件|一串日期]，更是曾经生活在这里的[普通人|老百姓]的故事。",
            "如果你家里还保存着那个年代的[老照片|旧信件]，地方文史协会非常希望能[看一看|借来扫描]。",
            "那个时期的房子至今还有[不少|很多]保存完好，这一点让我[很感慨|很惊讶]。",
            "老墓地里的一些[碑文|墓碑]，也能让人看到当年的[生活|艰辛]。",
            "[爷爷|一位老邻居]常给我讲{building}的故事，这些事从来没有人[写下来|记录过]。",
            "{year}年的县志里，[几乎每一页|好几处]都提到了{industry}。",
            "[清末|民国]的时候，这条街上[布庄|客栈|酒铺]一家挨着一家。",
            "把[老照片|明信片]和今天的街景[放在一起对比|对照着看]，变化[一目了然|清清楚楚]。",
            "镇上[寺庙|祠堂]的[管理员|老先生]把[藏了多年|压在箱底]的[旧账本|老文书]拿出来给我们看。",
            "据说当年的孩子们[放学后|天不亮]就要去帮家里做{industry}的活儿。",
            "追溯[庙会|灯会]的来历才发现，它是在{event}之后[第二年|不久]兴起的。",
            "做口述历史时，老人们的[回忆|讲述]往往是[最珍贵的|比文字更宝贵的]资料。",
        ),
        slots={
            "topic": ("地方历史",),
            "building": ("老磨坊", "镇上的祠堂", "老火车站", "旧菜市场", "以前的酒坊", "石拱桥", "老校舍", "旧县衙"),
            "source": ("族谱", "老报纸", "从阁楼里翻出来的一捆旧信", "档案馆里的老地图", "一套老明信片",
                       "一位乡村教师留下的日记"),
            "industry": ("缫丝", "煤矿", "造船", "酿酒", "造纸", "捕鱼", "制盐"),
            "event": ("大水灾", "大火", "铁路通车", "一场长时间的罢工", "瘟疫"),
        },
        anchors=("building", "source", "industry", "event"),
    ),
    "technology": _Topic(
        titles=(
            "我是怎样让{device}重新用起来的",
            "这次电脑出了问题，给我上了一课：{problem}",
            "在家里做数据备份，其实一点也不难",
            "我为什么决定换成{software}",
            "这些小工具真的让我的生活变轻松了",
        ),
        sentences=(
            "{month}我决定不买新的，而是让{device}[重新派上用场|再服役几年]。",
            "装好{software}只花了不到{num}分钟，电脑一下子[快了很多|流畅多了]。",
            "真正的麻烦是{problem}，而且[偏偏|恰好]发生在[周日|周五]晚上。",
            "从那以后，我每{weekday}都会备份[重要文件|工作资料]，还在[父母家|朋友家]放了一份。",
            "很多人把只需要[换块电池|清理一下]或者重装系统的设备[直接扔掉了|换成新的]。",
            "在{city}做IT工作的[哥哥|表哥]笑我的线乱成一团，不过对其他部分[还算满意|连连称赞]。",
            "整套下来花了大约{big}元，主要是买了一个新[电源|电池]和一个[静音风扇|小风扇]。",
            "系统更新很重要，但现在我会等[几天|一个星期]再装到[主力电脑|家里的电脑]上。",
            "让我[意外|吃惊]的是，那些所谓关机状态的旧设备其实一直在[耗电|用电]。",
            "用上密码管理器，是我在数字生活方面做过的[最好的|最有用的]改变。",
            "看说明书确实[枯燥|麻烦]，但如果早点看，至少能省下{small}个小时的[瞎折腾|摸索]。",
            "{city}的维修咖啡馆每个月开放一次，从[烤面包机|台灯]到笔记本电脑什么都能修。",
            "科技应该为人服务，而不是反过来，[至少在我家是这样|我一直这么提醒自己]。",
            "经历了{problem}之后，我才真正明白为什么大家都说重要数据要[多存几份|存在不同的地方]。",
            "现在孩子们用它[写作业|查资料]，运行得[一点问题都没有|非常稳定]。",
            "追新品很[诱人|让人心动]，但其实旧一点的硬件通常[完全够用|绰绰有余]。",
            "论坛里的建议[五花八门|众说纷纭]，所以我只好[一个一个|逐条]自己试。",
            "自从电视搬出[客厅|饭厅]，我们一家人盯着屏幕的时间[少了很多|明显减少了]。",
            "好的工具是[安静的|不显眼的]，只有[坏了|出问题]的时候你才会注意到它。",
            "每一步我都[记了下来|写在本子上]，一半是为了写博客，一半是为了[将来的自己|下次出故障的时候]。",
            "[爸爸|邻居]现在也想要一套一样的，看来我[周末|休息日]又有新活儿了。",
            "电池能用[差不多一整天|好几个小时]，对我们来说[完全足够|绰绰有余]。",
            "家里人一有[电脑|手机]问题就来找我，[不知不觉|慢慢地]我成了全家的[技术支持|维修工]。",
            "给[每根线|各种线缆]贴上标签以后，出了[故障|问题]找原因[省事多了|快多了]。",
            "淘汰下来的{device}，现在当[音乐播放器|电子相框|闹钟]用，也算是[物尽其用|发挥余热]。",
            "把[密码|重要设置]写在本子上锁进[抽屉|柜子]，[其实|反而]挺[让人安心|管用]的。",
            "软件装得[太多|太杂]，电脑就会变慢，所以我[半年|每隔一段时间]就[清理|整理]一次。",
            "[换新|修理]之前先[冷静一晚|想一想]，就能分清[真正需要的|可有可无的]东西。",
        ),
        slots={
            "topic": ("身边的科技",),
            "device": ("一台旧笔记本电脑", "一台二手平板", "一块小小的单板电脑", "家里的路由器", "一部翻新手机",
                       "一台小型家用服务器", "一台旧的电子书阅读器"),
            "software": ("一个轻量级的Linux系统", "一款开源的密码管理器", "一个免费的修图软件", "一个简单的备份工具",
                         "一个离线笔记应用"),
            "problem": ("硬盘故障", "网速慢得出奇", "一次把所有东西都弄坏的系统更新", "忘记密码", "存储卡满了"),
        },
        anchors=("device", "software", "problem"),
    ),
    "health": _Topic(
        titles=(
            "坚持{habit}{small}个星期之后，我有了这些变化",
            "那些慢慢改变了我的生活的小习惯",
            "{doctor}跟我聊了聊关于睡眠的问题",
            "冬天来了，怎样才能健健康康地过冬",
            "我为什么现在每天都会好好吃早饭",
        ),
        sentences=(
            "这{small}个星期，我[每天|几乎每天]都坚持{habit}。",
            "大约[两周|三周]以后，我[明显|清楚地]感觉到{body}有了变化。",
            "我跟{doctor}说起这件事，得到的回答很[简单|干脆]：坚持比[强度|拼命]更重要。",
            "我不是[医生|专业人士]，以下内容只是[个人经验|我自己的体会]，请不要当作医疗建议。",
            "早饭现在[一般|大多]是{food}，一直到中午都[不会觉得饿|很有精神]。",
            "后来我发现，[睡眠|睡个好觉]才是其他一切的[基础|根本]。",
            "[忙的日子里|累的时候]，我会做一个[简短的版本|缩短版]，而不是干脆放弃。",
            "{city}的一位朋友通过[视频|微信]和我一起坚持，这让我更有[动力|干劲]。",
            "最难的不是付出的努力，而是[每天记得去做|挤出时间]。",
            "有研究显示，大约{pct}%的成年人日常[活动量不足|运动太少]。",
            "我在一个[简单的|小]本子上记录每天的身体状况，规律清楚得[令人吃惊|出乎意料]。",
            "最难戒掉的是[甜食|零食]，尤其是在[下午|办公室里]。",
            "我每周有[两天|三天]走路上班，路上多花{num}分钟左右，但到单位时心情[好多了|完全不一样]。",
            "如果哪里疼，最好先[停下来|歇一歇]，问问{doctor}再继续。",
            "自己做饭以后，家里的[伙食费|开销]也省了[不少|一大笔]。",
            "好习惯越简单越容易坚持，所以我把[跑鞋|运动鞋]就放在[门口|床边]。",
            "在白天很短的冬天，我的[情绪|心情]也比以前[稳定多了|好多了]。",
            "没有人需要[完美的|理想的]计划，一个能真正坚持下去的[普通|简单]计划要好得多。",
            "早上起床先喝一杯[水|温水]，是我做过的[最简单的|最容易的]改变。",
            "到了{month}，新的作息已经[不再是一种负担|变成了习惯]。",
            "[爱人|同事]比我先注意到了变化，这让我[特别|格外]受鼓舞。",
            "现在[偶尔|有时]也会偷懒一周，但我已经不再[自责|为此内疚]了。",
            "把它安排在[刷牙之后|睡觉前|早上喝咖啡前]，就[不容易忘记|更容易变成习惯]。",
            "[周末|休息日]在[附近的公园|河边][慢慢|悠闲地]走上一个小时，成了我的[小乐趣|固定节目]。",
            "不把手机带进[卧室|被窝]以后，[入睡|早上醒来]明显[轻松|顺利]多了。",
            "目标[定得太高|太急]反而坚持不了，所以我只要求自己[比昨天好一点|按自己的节奏来]。",
            "不要被[体重|步数]的数字[牵着走|左右情绪]，这也是[很重要的|容易被忽略的]一点。",
            "和[家人|朋友]一起[互相督促|约好打卡]，就不容易[偷懒|半途而废]。",
        ),
        slots={
            "topic": ("健康习惯",),
            "habit": ("晚饭后散步", "早上拉伸十分钟", "十一点前睡觉", "多喝水", "自己做饭", "走楼梯"),
            "body": ("腰疼", "睡眠", "肠胃", "注意力", "精神状态"),
            "doctor": ("家庭医生", "康复师", "营养师", "楼下药店的药剂师"),
            "food": ("加了浆果的燕麦粥", "一碗蔬菜汤", "一小把坚果", "酸奶配水果", "全麦面包"),
        },
        anchors=("habit", "body", "doctor"),
    ),
    "sports": _Topic(
        titles=(
            "四十岁以后，我开始准备{race}",
            "我最喜欢的跑步路线是{route}",
            "{injury}之后，我是怎样重新开始跑步的",
            "和{club}一起跑步，我学到了很多",
            "参加{city}比赛的一点记录和感想",
        ),
        sentences=(
            "{month}我报名参加了{race}，[主要|其实]是想给训练定一个[明确|具体]的目标。",
            "我平时跑的是{route}，路很[平|好跑]，很[安静|清净]，还有不少树荫。",
            "一周跑[三次|四次]，对我的年龄和[作息|工作]来说[正合适|刚刚好]。",
            "因为{injury}，我差不多{num}天没能跑步，[心理上|精神上]比身体上更难受。",
            "{weekday}早上和{club}一起跑步以后，早起变得[轻松多了|有意思多了]。",
            "第一公里总是觉得[腿很沉|浑身不得劲]，跑上[十分钟|一刻钟]左右身体就热起来了。",
            "比赛那天，起点聚集了大约{big}名跑者，气氛[好极了|非常热烈]。",
            "我的成绩并不[出色|理想]，但后半程比前半程跑得[快|稍快一些]。",
            "教练{name}曾经告诉我，大部分训练都要[慢慢跑|轻松跑]，这是非常[好的|宝贵的]建议。",
            "好跑鞋值得花钱，但没必要买店里[最贵|最时髦]的那一款。",
            "天热的时候，我会趁{city}的街道[热闹起来|车多起来]之前，[一大早|天刚亮]出门跑步。",
            "跑完后花[几分钟|一会儿]拉伸，到目前为止还没受过[严重的|大的]伤。",
            "记了训练日志以后，我才发现[轻松跑|恢复跑]的日子其实跑得[太快了|太猛了]。",
            "最后{small}公里特别[辛苦|难熬]，多亏了[路边观众|志愿者]的加油。",
            "休息日也是训练的一部分，而不是[软弱|偷懒]的表现。",
            "家人觉得这个爱好[有点疯狂|不可思议]，但每次比赛都会带着[热茶|咖啡]来给我加油。",
            "上坡是我的弱项，所以每{weekday}我都会在家附近的陡坡上做[几组短冲刺|坡道练习]。",
            "跑步让我[一条街一条街地|一点一点地]重新认识了{city}。",
            "长距离跑之前一个小时左右，我会[简单|稍微]吃点东西，通常是[抹了蜂蜜的面包片|一根香蕉]。",
            "没有人在意你跑得有多快，重要的是[一直跑下去|不要放弃]。",
            "[冬天|天黑得早的时候]，一盏头灯和一件[亮色的|带反光条的]外套就是我需要的[全部装备|额外装备]。",
            "赛道上的志愿者在[雨里|寒风中]站了好几个小时，真的[值得一块奖牌|让人感动]。",
            "[下雨天|冷天]出门前总会[犹豫|纠结]，可跑完之后的[畅快|舒服]是[别的事|什么都]比不了的。",
            "有时候[不看配速|不看手表]随便跑跑，反而找回了[跑步的乐趣|最初的快乐]。",
            "在{route}上，[每天早上|经常]会遇到[遛狗的人|同一群晨练的人]，互相[点个头|打个招呼]成了一种默契。",
            "[比赛前一晚|赛前]总是[睡不着|很紧张]，不过我觉得这也是比赛的[一部分|乐趣]。",
            "换了一双[新跑鞋|合脚的袜子]之后，[脚上的水泡|脚疼]几乎[没再出现过|消失了]。",
            "冲过终点后和{club}一起吃的那碗[面|火锅]，我[一辈子|很久都]忘不了。",
        ),
        slots={
            "topic": ("跑步",),
            "race": ("本地的十公里赛", "半程马拉松", "山地越野赛", "一场公益跑", "秋季城市马拉松"),
            "route": ("运河边的小路", "绕湖一圈的路线", "旧铁路改成的步道", "学校后面的林间小路", "河边的步道"),
            "injury": ("小腿拉伤", "脚踝扭伤", "膝盖疼", "跟腱发炎"),
            "club": ("本地的跑团", "孩子学校的几位家长", "两个同事", "邻居"),
        },
        anchors=("race", "route", "club"),
    ),
    "music": _Topic(
        titles=(
            "成年以后才开始学{instrument}，是什么感觉",
            "我为什么会加入{ensemble}",
            "在{city}排练的日子里，我记下了这些",
            "每天练习二十分钟，给我带来了哪些变化",
            "我是怎样一小节一小节地练{piece}的",
        ),
        sentences=(
            "我[四十岁|四十五岁]才开始学{instrument}，真希望自己[早点开始|年轻时就学]。",
            "{name}老师坚持先练音阶再练别的，我虽然[不情愿|有点抵触]，也只好照做。",
            "这个月我在练{piece}，一小节一小节地[磨|抠]。",
            "在{ensemble}里演奏，让我学会了多听[别人|伙伴们]，而不只是听自己。",
            "我们每{weekday}晚上在[社区活动室|学校的音乐教室]排练，那里总是有点[冷|闷]。",
            "[专心|认真]练二十分钟，比[心不在焉地|漫无目的地]弹两个小时管用得多。",
            "上次在{city}的演出来了大约{audience}位听众，比我们预想的[多得多|多了不少]。",
            "一开始用手机给自己录音很[难为情|别扭]，但这让我[清楚地|一下子]看到了问题在哪里。",
            "最[难|棘手]的那一段，我花了将近{num}天才弹得[干净|稳]。",
            "上学时觉得乐理很[枯燥|没用]，现在能听出来了，反而觉得[很有意思|豁然开朗]。",
            "只要请[懂行的人|琴行师傅]检查过，二手乐器完全可以拿来[入门|练习]。",
            "有些晚上怎么练都不对，我就干脆弹几首已经会的曲子，[图个开心|放松一下]。",
            "我们的指挥很会用[有趣的故事|好玩的比喻]来讲解[复杂的|难懂的]节奏。",
            "靠耳朵学曲子对我来说[慢一些|费劲一些]，但记得也[更牢|更久]。",
            "每次上台前我都会[紧张|心慌]几分钟，然后就[好了|平静下来了]。",
            "除了古典作品，我们也演奏乐队成员自己改编的[流行歌曲|电影配乐]。",
            "和别人一起演奏音乐，是少数能让我[完全|彻底]忘记时间的事情之一。",
            "邻居们非常[宽容|有耐心]，不过我怀疑他们早就能把{piece}[哼出来|背下来]了。",
            "节拍器很[烦人|啰嗦]，也很诚实，而且[绝对|无论如何]少不了。",
            "大约{num}周以后，我终于发现手指不用想[每一个音|下一个音]也能自己动了。",
            "[上次排练|上个{weekday}]，我们第一次把{piece}[从头到尾|完整地]演奏了下来。",
            "排练后的茶和点心，[说实话|老实讲]是我坚持下去的一半理由。",
            "哪怕每天只练[五分钟|一小会儿]，只要不间断，[进步|变化]就看得见。",
            "演出前一周，我会请[家人|邻居]当[听众|观众]，提前适应在人前演奏。",
            "{instrument}的音色会随着[弹奏的人|当天的心情]而变化，每次都有[新鲜感|新发现]。",
            "连[五线谱|节奏]都看不懂的我，会弹的曲子也[一首一首地|慢慢]多了起来。",
            "多亏[老团员|前辈]的鼓励，我第一次[上台|登台]总算[顺利完成了|没有出错]。",
            "我常常[反复|一遍遍]听喜欢的[演奏家|乐团]的录音，琢磨他们的[弹法|呼吸]。",
        ),
        slots={
            "topic": ("音乐",),
            "instrument": ("钢琴", "吉他", "大提琴", "小提琴", "手风琴", "尤克里里", "单簧管"),
            "piece": ("巴赫的一首小前奏曲", "一首老民歌", "一首简单的圆舞曲", "一首爵士乐名曲", "海顿的一首奏鸣曲",
                      "一首爱尔兰传统曲子", "莫扎特的一首小步舞曲"),
            "ensemble": ("社区的小合唱团", "业余管弦乐团", "一支民谣乐队", "管乐团", "和两位朋友组成的三重奏"),
            "audience": ("60", "80", "100", "150"),
        },
        anchors=("instrument", "piece", "ensemble"),
    ),
}

_ZH_SPAM = _Spam(
    stuffing_keywords=("便宜机票", "特价", "包邮", "最低价", "立即购买", "打折促销", "限时抢购", "特价酒店", "优惠券",
                       "正品低价", "厂家直销", "清仓甩卖"),
    gibberish_units=tuple("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
                          "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体"
                          "制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内"
                          "数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提"
                          "直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计"
                          "别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海"
                          "口东导器压志世金增争济阶油思术极交受联什认六共权收证改清美再采转更单风切打白教速花带安场身车"
                          "例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记"
                          "需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省"
                          "列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼"
                          "王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"),
    link_templates=("{city}酒店预订", "{city}美食推荐", "{city}二手车", "{product}网购", "{product}评测",
                    "{city}招聘信息", "{city}租房", "{product}特价", "{product}排行榜", "{city}天气预报", "{city}打车",
                    "{product}比价", "免费领取{product}", "{city}牙科医院"),
    link_slots={
        "city": ("北京", "上海", "广州", "深圳", "成都", "杭州", "武汉", "西安", "南京", "重庆"),
        "product": ("笔记本电脑", "手机", "运动鞋", "手表", "沙发", "自行车", "轮胎", "香水", "眼镜", "床垫", "贷款",
                    "保险"),
    },
    gambling_terms=("赌场", "博彩", "网上赌场", "老虎机", "扑克", "体育博彩", "彩票", "百家乐"),
    gambling_lines=("最好的{term}平台！！！", "现在注册{domain}送{bonus}次免费旋转！", "玩{term}今天就赢大奖！！！",
                    "巨额奖池等你来拿！！！", "点击进入：{domain}", "{term}首存送{bonus}元！！！",
                    "立即注册领取{bonus}元彩金！", "{term}{term}{term}就在{domain}！！！", "{term}赢真钱，秒到账！！！",
                    "今天注册，明天提现！！！"),
    gambling_titles=("{term}最高返水 - {domain}", "{term}天天赢大奖！！！", "免费{term} - 送{bonus}元"),
    adult_terms=("成人", "色情", "成人视频", "激情聊天", "成人交友", "裸聊", "xxx"),
    adult_lines=("{term}免费看！！！", "{domain}最新{term}！！！", "点击观看{term}！！！",
                 "{term}{term}{term}无需注册！！！", "今晚同城{term}！！！", "{domain}二十四小时{term}",
                 "未满十八岁禁止进入！！！立即进入！", "最全{term}网站！！！"),
    adult_titles=("免费{term} - {domain}", "{term}在线看！！！", "热门{term}排行"),
    directory_titles=("实用网址大全", "{city}网址导航", "友情链接", "精选网站推荐"),
)

_ZH_CHROME = _Chrome(
    home=("首页",),
    nav_items=("新闻", "关于我们", "联系我们", "文章归档", "美食", "旅行", "园艺", "博客", "活动", "商城", "订阅",
               "搜索", "分类", "图片"),
    copyright=("Copyright (C) {year} {site} 版权所有", "(C) {year} {site}", "{site} 版权所有 {year}"),
    legal_links=("隐私政策", "用户协议", "免责声明", "网站地图", "联系方式", "意见反馈"),
    extras=("本网站使用Cookie来改善您的浏览体验。", "继续浏览即表示您同意我们使用Cookie。",
            "商务合作请发邮件联系我们。", "欢迎关注我们的公众号。"),
    sidebar_titles=("相关文章", "热门文章", "猜你喜欢", "最新文章", "推荐阅读"),
    site_first=("城市", "生活", "慢游", "厨房", "山城", "江南", "小镇", "四季"),
    site_second=("笔记", "札记", "日报", "周刊", "随笔", "杂志", "故事", "手帖"),
    site_joiner="",
)


# =============================================================================================
# Simplified -> traditional table
# =============================================================================================
# Every simplified-only character the Chinese section can emit, as "simplified+traditional" pairs,
# in the Taiwanese standard forms Big5 holds (為, 裡, 著 rather than 爲, 裏, 着).  Characters written
# the same in both scripts are absent.  A few characters map differently by word; the table holds the
# form this module needs most, and _S2T_FIXES corrects the remaining words after conversion.
_S2T_TABLE = (
    "万萬 与與 专專 业業 东東 丝絲 两兩 严嚴 丧喪 个個 为為 丽麗 么麼 义義 乌烏 乐樂 习習 乡鄉 书書 买買 乱亂 争爭 "
    "于於 亏虧 云雲 产產 亲親 从從 仓倉 们們 价價 众眾 优優 会會 伟偉 传傳 伤傷 体體 余餘 储儲 儿兒 党黨 兰蘭 关關 "
    "兴興 养養 内內 册冊 写寫 军軍 农農 冲衝 决決 况況 冻凍 净淨 准準 凉涼 减減 几幾 凤鳳 击擊 划劃 刘劉 则則 刚剛 "
    "创創 别別 剂劑 办辦 务務 动動 励勵 劲勁 劳勞 区區 医醫 华華 协協 单單 卖賣 卜蔔 卧臥 却卻 厂廠 厅廳 历歷 压壓 "
    "厦廈 厨廚 县縣 参參 双雙 发發 变變 叶葉 号號 后後 吓嚇 吗嗎 听聽 吴吳 员員 周週 咸鹹 响響 啰囉 团團 园園 围圍 "
    "国國 图圖 圆圓 场場 坏壞 块塊 坚堅 坛壇 垫墊 墙牆 壮壯 声聲 处處 备備 复復 够夠 头頭 夸誇 奋奮 奖獎 妈媽 姜薑 "
    "孙孫 学學 宝寶 实實 宽寬 对對 寻尋 导導 寿壽 将將 尔爾 尝嘗 尽盡 层層 屉屜 属屬 岁歲 岛島 巨鉅 师師 带帶 帮幫 "
    "干乾 并並 广廣 庄莊 庆慶 库庫 应應 庙廟 废廢 开開 弃棄 张張 弯彎 弹彈 强強 归歸 当當 录錄 彻徹 忆憶 怀懷 态態 "
    "总總 悦悅 惊驚 惯慣 愿願 懒懶 战戰 户戶 扑撲 扫掃 抠摳 抢搶 报報 抵牴 担擔 挤擠 挥揮 换換 据據 摄攝 数數 斗鬥 "
    "断斷 无無 旧舊 时時 显顯 术術 机機 杂雜 权權 条條 来來 杨楊 松鬆 极極 构構 枣棗 柜櫃 标標 栈棧 树樹 样樣 档檔 "
    "桥橋 检檢 楼樓 横橫 欢歡 气氣 汇彙 汉漢 汤湯 没沒 洒灑 浆漿 浇澆 测測 济濟 浏瀏 浑渾 渔漁 温溫 游遊 满滿 灯燈 "
    "灵靈 灾災 炖燉 点點 烦煩 烧燒 热熱 爱愛 爷爺 牵牽 状狀 犹猶 现現 电電 畅暢 疗療 疯瘋 盏盞 盐鹽 盖蓋 盘盤 着著 "
    "矿礦 码碼 础礎 确確 离離 种種 积積 称稱 稳穩 窍竅 窝窩 笔筆 签籤 简簡 类類 紧緊 纠糾 红紅 约約 级級 纪紀 纭紜 "
    "纯純 纵縱 纷紛 纸紙 线線 练練 组組 细細 织織 终終 绍紹 经經 结結 绕繞 绘繪 给給 绝絕 统統 继繼 绩績 绪緒 续續 "
    "绰綽 维維 绿綠 缆纜 编編 缩縮 缫繅 网網 罢罷 联聯 肠腸 脑腦 脚腳 腾騰 艰艱 艺藝 节節 芦蘆 苏蘇 荐薦 荫蔭 药藥 "
    "获獲 萝蘿 营營 葱蔥 虫蟲 虽雖 蜗蝸 补補 袜襪 装裝 见見 观觀 规規 视視 览覽 觉覺 触觸 计計 订訂 认認 让讓 训訓 "
    "议議 记記 讲講 讶訝 许許 论論 设設 诀訣 证證 评評 识識 诉訴 试試 诚誠 话話 该該 详詳 误誤 诱誘 说說 请請 诺諾 "
    "读讀 课課 调調 谈談 谓謂 谢謝 谣謠 谱譜 负負 责責 败敗 账賬 质質 购購 贴貼 贵貴 贷貸 费費 资資 赋賦 赌賭 赛賽 "
    "赞讚 赢贏 赵趙 赶趕 车車 转轉 轮輪 软軟 轻輕 载載 较較 辈輩 边邊 达達 过過 运運 还還 这這 进進 远遠 连連 迟遲 "
    "迹跡 适適 选選 递遞 遗遺 遥遙 邮郵 邻鄰 郑鄭 酱醬 酿釀 采採 里裡 钟鐘 钢鋼 钱錢 铁鐵 铃鈴 铺鋪 链鏈 销銷 锁鎖 "
    "锅鍋 锋鋒 错錯 键鍵 镇鎮 镜鏡 长長 门門 问問 闲閒 间間 闷悶 闹鬧 闻聞 闽閩 阁閣 阅閱 队隊 阳陽 阴陰 阵陣 阶階 "
    "际際 陈陳 险險 随隨 隐隱 难難 静靜 页頁 顶頂 项項 顺順 须須 顿頓 预預 领領 颇頗 颈頸 频頻 题題 颜顏 额額 颠顛 "
    "风風 飘飄 饭飯 饼餅 饿餓 馆館 馈饋 馒饅 马馬 验驗 骑騎 鱼魚 鲜鮮 鸡雞 鸣鳴 麦麥 黄黃 龄齡"
)

_S2T = str.maketrans(dict(pair for pair in _S2T_TABLE.split()))
_S2T_FIXES: tuple[tuple[str, str], ...] = (
    ("公裡", "公里"), ("尤克裡裡", "尤克里里"), ("週圍", "周圍"), ("劃算", "划算"), ("復雜", "複雜"),
    ("反復", "反覆"), ("別扭", "彆扭"), ("馬拉鬆", "馬拉松"), ("雜志", "雜誌"), ("日志", "日誌"), ("縣志", "縣誌"),
    ("面包", "麵包"), ("手表", "手錶"), ("老板", "老闆"), ("注冊", "註冊"), ("乾勁", "幹勁"), ("台風", "颱風"),
    ("制鹽", "製鹽"), ("聯系", "聯繫"), ("伙伴", "夥伴"), ("碗面", "碗麵"), ("收獲", "收穫"),
)


# =============================================================================================
# Registry
# =============================================================================================

_ALPHA_LENGTH = (190, 290)  # words; posts land at about 190-360 words, inside the 180-600 quality bar
_CJK_LENGTH = (405, 480)  # characters; posts land at about 420-700, inside 400-1500

_JA_SPELLINGS = (
    ("いちばん", "一番"), ("分かり", "わかり"), ("分かる", "わかる"), ("できる", "出来る"), ("できま", "出来ま"),
    ("できた", "出来た"), ("たくさん", "沢山"), ("ください", "下さい"), ("いろいろ", "色々"), ("皆さん", "みなさん"),
    ("私", "わたし"), ("ひとつ", "一つ"), ("子ども", "子供"), ("本当", "ほんとう"), ("くらい", "ぐらい"),
    ("あいだ", "間"), ("まわり", "周り"), ("ずいぶん", "随分"), ("友人", "友達"), ("とても", "すごく"),
    ("思います", "思っています"), ("ときどき", "時々"), ("きれい", "綺麗"),
)
_ZH_SPELLINGS = (
    ("所以", "因此"), ("很多", "许多"), ("大约", "大概"), ("常常", "经常"), ("非常", "十分"), ("马上", "立刻"),
    ("其实", "实际上"), ("现在", "如今"), ("觉得", "感觉"), ("真的", "确实"), ("确实", "的确"), ("终于", "总算"),
)

_KITS: dict[str, _Kit] = {
    "en": _Kit(_Prose(_EN_TOPICS, _EN_INTROS, _EN_GENERIC, _EN_CLOSINGS, _EN_NOTES, _EN_SLOTS), _EN_SPAM, _EN_CHROME,
               cjk=False, length_range=_ALPHA_LENGTH, length_cap=560),
    "de": _Kit(_Prose(_DE_TOPICS, _DE_INTROS, _DE_GENERIC, _DE_CLOSINGS, _DE_NOTES, _DE_SLOTS), _DE_SPAM, _DE_CHROME,
               cjk=False, length_range=_ALPHA_LENGTH, length_cap=560),
    "fr": _Kit(_Prose(_FR_TOPICS, _FR_INTROS, _FR_GENERIC, _FR_CLOSINGS, _FR_NOTES, _FR_SLOTS), _FR_SPAM, _FR_CHROME,
               cjk=False, length_range=_ALPHA_LENGTH, length_cap=560),
    "es": _Kit(_Prose(_ES_TOPICS, _ES_INTROS, _ES_GENERIC, _ES_CLOSINGS, _ES_NOTES, _ES_SLOTS), _ES_SPAM, _ES_CHROME,
               cjk=False, length_range=_ALPHA_LENGTH, length_cap=560),
    "ru": _Kit(_Prose(_RU_TOPICS, _RU_INTROS, _RU_GENERIC, _RU_CLOSINGS, _RU_NOTES, _RU_SLOTS, linked=_RU_LINKED),
               _RU_SPAM, _RU_CHROME, cjk=False, length_range=_ALPHA_LENGTH, length_cap=560),
    "ja": _Kit(_Prose(_JA_TOPICS, _JA_INTROS, _JA_GENERIC, _JA_CLOSINGS, _JA_NOTES, _JA_SLOTS,
                      spellings=_JA_SPELLINGS),
               _JA_SPAM, _JA_CHROME, cjk=True, length_range=_CJK_LENGTH, length_cap=1400),
    "zh": _Kit(_Prose(_ZH_TOPICS, _ZH_INTROS, _ZH_GENERIC, _ZH_CLOSINGS, _ZH_NOTES, _ZH_SLOTS,
                      spellings=_ZH_SPELLINGS),
               _ZH_SPAM, _ZH_CHROME, cjk=True, length_range=_CJK_LENGTH, length_cap=1400),
}
