"""Spam vocabulary in a document's text, title and URL (``conf/filters/spam/<lang>.yaml``, ``filters.keywords``).

The signals keep the evidence apart, so that how much each part weighs is a threshold (retunable from the stored
signals) and not part of the computation:

- ``spam_keyword_frac``: characters inside strong terms, each times its family's weight, per character of text;
- ``spam_weak_frac``: characters inside weak terms (topic words honest pages use too) per character;
- ``spam_title_frac``: characters of the title inside strong terms, weighted, per character of title: a doorway
  page's title is the spam ("澳门新葡京娱乐城-百家乐-真人视讯") while its text can be bland;
- ``spam_url_hits``: spam tokens in the host and path (pinyin and Latin: ``amjs``, ``liuhecai``, ``casino``),
  plus one for a digit-heavy host label (``js333``);
- ``spam_contact_hits``: contact handles written out (a QQ number, a WeChat or Telegram ID): spam asks to be
  contacted off-site;
- ``spam_counter_frac``: characters inside the reporting register (fraud, police, court, addiction, regulator:
  the families marked ``counts_against``) per character;
- ``spam_families``: the families found, strongest evidence first (a string, for audit and ``filter stats``).

The rule adds the evidence up and discounts it by the reporting register,

    spam_score = (keyword_frac + weak_weight·weak_frac + title_weight·title_frac
                  + url_weight·min(url_hits, url_hits_cap) + contact_weight·min(contact_hits, contact_hits_cap))
                 · max(0, 1 − counter_weight·counter_frac)

and drops a document whose score is above ``max_score``. Title and URL tip a page whose text already carries some
spam vocabulary, or a doorway whose title is nothing but spam; a police report on an illegal casino, a warning
against loan sharks or a guide to gambling addiction quote the spam terms, but in the words of a report, and
stay. Measured on hand-assembled spam and honest pages on the same topics: ``bench/quality.py`` (filter part).
"""

from __future__ import annotations

from collections import defaultdict

from pydantic import Field

from filters.rules.base import Family, Rule, Signal, TextView, Verdict, shown
from pipeline.core.config import Section


class SpamRules(Section):
    max_score: float | None = Field(default=0.03, description="Drop above this spam score; null turns the rule off")
    weak_weight: float = Field(default=0.1, ge=0, description="How much weak-term characters count: a tenth, so "
                               "topic words alone drop a page only when they are a fifth of its text")
    title_weight: float = Field(default=0.04, ge=0, description="How much the title's spam share counts")
    url_weight: float = Field(default=0.005, ge=0, description="How much one spam token of the URL counts")
    url_hits_cap: int = Field(default=2, ge=0, description="URL tokens counted at most")
    contact_weight: float = Field(default=0.01, ge=0, description="How much one contact handle counts")
    contact_hits_cap: int = Field(default=2, ge=0, description="Contact handles counted at most")
    counter_weight: float = Field(
        default=25.0, ge=0, description="How fast the reporting register discounts the score: at 25, a text with 4% "
                                        "of its characters in it scores 0")


def spam_score(signals: dict, rules: SpamRules) -> float:
    evidence = (signals["spam_keyword_frac"] + rules.weak_weight * signals["spam_weak_frac"]
                + rules.title_weight * signals["spam_title_frac"]
                + rules.url_weight * min(signals["spam_url_hits"], rules.url_hits_cap)
                + rules.contact_weight * min(signals["spam_contact_hits"], rules.contact_hits_cap))
    return evidence * max(0.0, 1.0 - rules.counter_weight * signals["spam_counter_frac"])


def _compute(view: TextView, settings) -> dict:
    lexicon = settings.spam_lexicon
    if lexicon is None:
        return {"spam_keyword_hits": 0.0, "spam_keyword_frac": 0.0, "spam_weak_frac": 0.0, "spam_title_frac": 0.0,
                "spam_url_hits": 0.0, "spam_contact_hits": 0.0, "spam_counter_frac": 0.0, "spam_families": None}
    evidence: dict[str, float] = defaultdict(float)
    strong = weak = 0.0
    hits = lexicon.text_hits(view.text)
    for hit, term in hits:
        if term.weight:
            strong += term.weight * len(hit)
        else:
            weak += len(hit)
        evidence[term.family] += (term.weight or 0.2) * len(hit)
    title = view.title or ""
    title_strong = 0.0
    for hit, term in lexicon.text_hits(title):
        title_strong += term.weight * len(hit)
        evidence[term.family] += term.weight * len(hit)
    url_families, digit_heavy = lexicon.url_hits(view.url)
    for family in url_families:
        evidence[family] += 1.0
    families = sorted(evidence, key=lambda family: -evidence[family])
    return {
        "spam_keyword_hits": float(len(hits)),
        "spam_keyword_frac": view.per_char(strong),
        "spam_weak_frac": view.per_char(weak),
        "spam_title_frac": title_strong / len(title) if title else 0.0,
        "spam_url_hits": float(len(url_families) + digit_heavy),
        "spam_contact_hits": float(lexicon.contact_hits(view.text)),
        "spam_counter_frac": view.per_char(lexicon.counter_chars(view.text)),
        "spam_families": ",".join(families) or None,
    }


def _check(verdict: Verdict) -> tuple[str, str] | None:
    rules: SpamRules = verdict.thresholds.spam
    if not rules.max_score:
        return None
    signals = verdict.signals
    score = spam_score(signals, rules)
    if score <= rules.max_score:
        return None
    parts = ", ".join(f"{name.removeprefix('spam_')} {shown(float(signals[name]))}" for name in (
        "spam_keyword_frac", "spam_weak_frac", "spam_title_frac", "spam_url_hits", "spam_contact_hits",
        "spam_counter_frac") if signals[name])
    return "spam_keywords", (f"spam_score {shown(score)} > {rules.max_score} ({signals['spam_families'] or '-'}: "
                             f"{parts})")


FAMILY = Family(
    name="spam_keywords",
    doc="Spam vocabulary by family in the text, title and URL (conf/filters/spam/)",
    signals=(Signal("spam_keyword_hits", "Spam term matches in the text (strong and weak)"),
             Signal("spam_keyword_frac", "Characters inside strong spam terms, times the family weight / characters"),
             Signal("spam_weak_frac", "Characters inside weak spam terms / characters"),
             Signal("spam_title_frac", "Title characters inside strong spam terms, weighted / title characters"),
             Signal("spam_url_hits", "Spam tokens of the host and path, plus one for a digit-heavy host label"),
             Signal("spam_contact_hits", "Contact handles written out (QQ number, WeChat or Telegram ID...)"),
             Signal("spam_counter_frac", "Characters in the reporting register (fraud, police, court...) / characters"),
             Signal("spam_families", "Spam families found, strongest evidence first", "string")),
    thresholds={"spam": (SpamRules, SpamRules())},
    compute=_compute,
    # A list of terms, not a distribution: trusted sites rarely use them, so calibration does not move it.
    rules=(Rule("spam_keywords", 30, "spam_score (text, title and URL evidence, thresholds.spam) above "
                "thresholds.spam.max_score", _check),),
)
