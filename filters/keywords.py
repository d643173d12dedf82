"""Spam lexicons (``conf/filters/spam/<lang>.yaml``): terms by family, with weights, matched in a document's text,
title and URL.

A lexicon file maps a family name (gambling, lottery, adult, private_servers, ...) to its ``weight``, its strong
``terms`` (spam by themselves), its ``weak_terms`` (topic words that honest pages use too) and its ``url_terms``
(pinyin or Latin tokens of spam hosts and paths). A family with ``counts_against: true`` is the opposite: the
register of pages that report on spam topics (fraud, police, court, addiction, regulator), which honest pages
about gambling or loans use and spam pages rarely do; it lowers the spam score.

Every file of the folder is loaded and every term applies to every document, whatever its language: spam pages
mix scripts ("AG真人", "bet365体育", an English casino page with Korean brand names).

Matching: one case-insensitive alternation, longest terms first. Terms of spaced scripts match whole words only;
Chinese, Japanese and Thai terms match as substrings (no spaces to anchor on). URL terms match whole tokens of
the host labels and path segments, or a token's letter run (``amjs8888`` → ``amjs``), never a substring:
``bet`` must not hit ``betterment``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from filters.signals import CJK_CHARACTER
from pipeline.core.config import ConfigError

# Scripts written without spaces between words: their terms cannot be anchored on word boundaries and match anywhere.
# Thai sets words side by side (a space ends a sentence or clause), so "คาสิโน" sits inside "เล่นคาสิโนออนไลน์".
UNSPACED_CHARACTER = re.compile(rf"{CJK_CHARACTER.pattern}|[\u0e00-\u0e7f]")
FAMILY_KEYS = {"weight", "terms", "weak_terms", "url_terms", "counts_against"}
# How spam pages ask to be contacted off-site: a QQ number, a WeChat, Telegram, WhatsApp, LINE, Viber or Skype
# handle written out. Honest pages name these services; they rarely print a handle beside the name.
CONTACT = re.compile(
    r"(?:qq|扣扣)\s*(?:号|群)?\s*[:：]?\s*\d{5,11}"
    r"|(?:微信|vx|wx|weixin|v信|薇信|威信)\s*号?\s*[:：]\s*[a-z0-9_-]{5,}"
    r"|(?:telegram|tg|电报|纸飞机|飞机)\s*(?:号|群)?\s*[:：@]\s*@?\w{4,}"
    r"|t\.me/\w+"
    r"|(?:whatsapp|line|viber|skype)\s*(?:id)?\s*[:：]\s*[\w+@.-]{4,}")
URL_TOKEN = re.compile(r"[a-z0-9]+")
LETTER_RUN = re.compile(r"[a-z]+")
# A host label of a short letter code and a run of digits (js333, hg0088, 3688cp): how gambling and lottery
# hosts are named, so that the next domain can be registered when one is blocked. Honest sites are named so
# too (hao123, 51job), so it only adds to other evidence (thresholds.spam.url_weight), never drops alone.
DIGIT_HEAVY_LABEL = re.compile(r"^(?:[a-z]{1,4}\d{3,}|\d{3,}[a-z]{1,4})$")


@dataclass(frozen=True)
class Term:
    family: str
    weight: float  # the family's weight for a strong term, 0 for a weak one (spam_weak_frac counts those)


@dataclass
class SpamLexicon:
    """Every family's terms, ready to match; pickles small (the patterns compile where they are first used)."""

    terms: dict[str, Term] = field(default_factory=dict)  # lower-cased term → family and weight
    url_terms: dict[str, str] = field(default_factory=dict)  # token → family
    counter_terms: set[str] = field(default_factory=set)  # the register of reporting and warning
    families: tuple[str, ...] = ()

    @cached_property
    def pattern(self) -> re.Pattern | None:
        return keyword_pattern(self.terms)

    @cached_property
    def counter_pattern(self) -> re.Pattern | None:
        return keyword_pattern(self.counter_terms)

    def __getstate__(self) -> dict:
        return {"terms": self.terms, "url_terms": self.url_terms, "counter_terms": self.counter_terms,
                "families": self.families}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    def pattern_for(self, *families: str) -> re.Pattern | None:
        """The terms (strong and weak) of these families alone, matched as ``pattern`` matches them."""
        return keyword_pattern(term for term, found in self.terms.items() if found.family in families)

    def text_hits(self, text: str) -> list[tuple[str, Term]]:
        """(matched text, its term) for every match in ``text``."""
        if self.pattern is None or not text:
            return []
        return [(hit, self.terms[hit]) for hit in self.pattern.findall(text.lower())]

    def counter_chars(self, text: str) -> int:
        """Characters of ``text`` inside the reporting register's terms (fraud, police, court, addiction...)."""
        if self.counter_pattern is None or not text:
            return 0
        return sum(len(hit) for hit in self.counter_pattern.findall(text.lower()))

    @staticmethod
    def contact_hits(text: str) -> int:
        return len(CONTACT.findall(text.lower())) if text else 0

    def url_hits(self, url: str | None) -> tuple[list[str], bool]:
        """(families of the URL tokens that are spam terms, whether a host label is digit-heavy)."""
        if not url:
            return [], False
        parts = urlsplit(url.lower())
        host = (parts.hostname or "").removeprefix("www.")
        labels = host.split(".")
        registered = labels[-2] if len(labels) >= 2 else labels[0]
        families, seen = [], set()
        for token in URL_TOKEN.findall(f"{host} {parts.path}"):
            for candidate in (token, *LETTER_RUN.findall(token)):
                if candidate in self.url_terms and candidate not in seen:
                    seen.add(candidate)
                    families.append(self.url_terms[candidate])
                    break
        return families, bool(DIGIT_HEAVY_LABEL.match(registered))


def _terms(value, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ConfigError(f"{where}: expected a list of terms")
    return [str(term).strip().lower() for term in value if str(term).strip()]


def load_spam_lexicon(path: str | Path) -> SpamLexicon:
    """Every ``*.yaml`` of the folder ``path`` (or the one file): a clear error for anything malformed.

    A term listed strong in one family and weak in another counts strong; two families claiming one strong term
    keep the first file's (files in name order)."""
    path = Path(path)
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path] if path.is_file() else []
    if not files:
        raise ConfigError(f"spam lexicons not found: {path} (stages.filter.spam_lexicons: a folder of <lang>.yaml)")
    lexicon = SpamLexicon()
    families: list[str] = []
    for file in files:
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ConfigError(f"{file}: expected a mapping of family → {{weight, terms, weak_terms, url_terms}}")
        for family, spec in data.items():
            where = f"{file}: family {family!r}"
            if not isinstance(spec, dict) or not set(spec) <= FAMILY_KEYS:
                raise ConfigError(f"{where}: expected the keys {', '.join(sorted(FAMILY_KEYS))}")
            weight = spec.get("weight", 1.0)
            if not isinstance(weight, int | float) or not 0 < weight <= 1:
                raise ConfigError(f"{where}: weight must be a number in (0, 1], got {weight!r}")
            if spec.get("counts_against"):
                # Not spam: the words of a report on it, a warning, a court case. Spam pages rarely use them.
                lexicon.counter_terms.update(_terms(spec.get("terms"), where))
                continue
            if family not in families:
                families.append(family)
            for term in _terms(spec.get("weak_terms"), where):
                lexicon.terms.setdefault(term, Term(family, 0.0))
            for term in _terms(spec.get("terms"), where):
                current = lexicon.terms.get(term)
                if current is None or current.weight == 0.0:
                    lexicon.terms[term] = Term(family, float(weight))
            for term in _terms(spec.get("url_terms"), where):
                if not URL_TOKEN.fullmatch(term):
                    raise ConfigError(f"{where}: url term {term!r} must be lower-case letters and digits")
                lexicon.url_terms.setdefault(term, family)
    lexicon.families = tuple(families)
    return lexicon


def keyword_pattern(terms) -> re.Pattern | None:
    """One alternation, longest terms first; words of spaced scripts match whole, CJK and Thai terms anywhere.

    The word-boundary checks wrap the whole group of spaced-script terms, not each term: one check per position
    instead of one per term makes the scan an order of magnitude faster.
    """
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    spaced = [re.escape(term) for term in ordered if not UNSPACED_CHARACTER.search(term)]
    unspaced = [re.escape(term) for term in ordered if UNSPACED_CHARACTER.search(term)]
    parts = ([rf"(?<!\w)(?:{'|'.join(spaced)})(?!\w)"] if spaced else []) + unspaced
    return re.compile("|".join(parts)) if parts else None
