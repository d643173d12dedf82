"""The quality rules on real text: how many good, human-written articles each rule drops, per language, and how
much hand-assembled spam the spam rule catches. Part of ``bench/quality.py`` (its "filter" section); run alone
with ``bench/quality.py --extractors corpusforge`` for the quick loop.

Good text: the pages of the extraction sets that ``bench/quality.py`` classes as articles (news, blogs,
documentation, reference: human-written, published), as corpusforge's extraction returns them, with their
title, in the language lid.176 gives the text. Pages whose text is under ``MIN_ARTICLE_CHARS`` are left out
(counted): a rule dropping a 200-character stub is not dropping an article. Every language is measured with its
own rules (``conf/languages``, inherited from its script family where it has no file); the model rules
(perplexity, the quality classifier) need a run's models and are not part of this measure.

- ``dropped``: the share of articles the rule set drops (the first failing rule names it);
- ``would_drop``: per rule, the share of articles that rule alone fails, so a rule hidden behind an earlier one
  still shows.

Spam: ``bench/data/spam/pages.jsonl``, pages written by hand to imitate real web spam of each family (gambling,
lottery, adult, private game servers, fake invoices and certificates, loans and cash-outs, SEO link farms,
pharma, counterfeit goods) in Chinese, English, Japanese and Russian, with title and URL; and
``bench/data/spam/hard_negatives.jsonl``, honest pages about the same topics (a news report on Macau's casinos, a
lottery result, a consumer-credit guide). Recall: the share of spam pages the spam rule drops; false positives:
the share of hard negatives it drops. The whole rule set is reported too (a spam page dropped by another rule is
dropped all the same).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPAM_DIR = ROOT / "bench" / "data" / "spam"
MIN_ARTICLE_CHARS = 500
MIN_LANGUAGE_ARTICLES = 5  # languages with fewer articles are reported together as "other"
SPAM_REASON = "spam_keywords"


def _judge(text: str, lang: str, title: str | None, url: str | None) -> tuple[str | None, list[str]]:
    """(the rule set's drop reason, every rule the text fails on its own), as ``pipeline.api.quality`` decides."""
    from filters.rules import RULES, compute_signals, decide
    from filters.rules.base import Verdict
    from pipeline.api import _language, _resolve

    settings = _resolve(None).stages.filter
    rules, signal_settings = _language(lang, settings.languages_dir, settings.spam_lexicons)
    _, signals = compute_signals(text, signal_settings, title, url)
    reason = decide(signals, 1.0, rules.thresholds, None)[0]
    verdict = Verdict(signals, 1.0, rules.thresholds, None, None)
    failing = [failed[0] for rule in RULES if (failed := rule.check(verdict)) is not None]
    return reason, failing


def good_text_report(articles: list[tuple[str, str, str | None, str | None]]) -> dict:
    """articles: (name, language, title, text). Per language: articles, dropped share, reasons, would_drop."""
    by_language: dict[str, dict] = defaultdict(lambda: {"articles": 0, "dropped": 0, "reasons": Counter(),
                                                       "would_drop": Counter(), "examples": {}})
    short = 0
    for name, lang, title, text in articles:
        if len((text or "").strip()) < MIN_ARTICLE_CHARS:
            short += 1
            continue
        reason, failing = _judge(text, lang, title, None)
        entry = by_language[lang]
        entry["articles"] += 1
        entry["would_drop"].update(set(failing))
        if reason:
            entry["dropped"] += 1
            entry["reasons"][reason] += 1
            entry["examples"].setdefault(reason, name)
    report: dict[str, dict] = {}
    other = {"articles": 0, "dropped": 0, "reasons": Counter(), "would_drop": Counter(), "examples": {},
             "languages": []}
    for lang, entry in sorted(by_language.items(), key=lambda item: -item[1]["articles"]):
        if entry["articles"] >= MIN_LANGUAGE_ARTICLES:
            report[lang] = entry
        else:
            other["articles"] += entry["articles"]
            other["dropped"] += entry["dropped"]
            other["reasons"].update(entry["reasons"])
            other["would_drop"].update(entry["would_drop"])
            other["languages"].append(lang)
            for reason, name in entry["examples"].items():
                other["examples"].setdefault(reason, name)
    if other["articles"]:
        report["other"] = other
    total = {"articles": sum(e["articles"] for e in report.values()),
             "dropped": sum(e["dropped"] for e in report.values())}
    for entry in report.values():
        entry["dropped_share"] = round(entry["dropped"] / entry["articles"], 4)
        entry["reasons"] = dict(entry["reasons"].most_common())
        entry["would_drop"] = {rule: round(count / entry["articles"], 4)
                               for rule, count in entry["would_drop"].most_common()}
    return {"min_article_chars": MIN_ARTICLE_CHARS, "short_pages_left_out": short, "total": total,
            "dropped_share": round(total["dropped"] / total["articles"], 4) if total["articles"] else None,
            "worst_language_share": max((e["dropped_share"] for e in report.values()), default=None),
            "languages": report}


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def spam_report(folder: Path = SPAM_DIR) -> dict | None:
    """Spam recall per language and family, and the drop rate of honest pages on the same topics."""
    pages, negatives = folder / "pages.jsonl", folder / "hard_negatives.jsonl"
    if not pages.is_file():
        return None
    groups: dict[str, Counter] = defaultdict(Counter)
    missed = []
    for page in _read(pages):
        reason, _ = _judge(page["text"], page["lang"], page.get("title"), page.get("url"))
        key = f"{page['lang']}/{page['family']}"
        groups[key]["pages"] += 1
        groups[key]["spam_rule"] += reason == SPAM_REASON
        groups[key]["any_rule"] += reason is not None
        if reason != SPAM_REASON:
            missed.append(f"{page['id']}: {reason or 'kept'}")
    spam = {"pages": sum(g["pages"] for g in groups.values()),
            "spam_rule": sum(g["spam_rule"] for g in groups.values()),
            "any_rule": sum(g["any_rule"] for g in groups.values())}
    result = {
        "recall": round(spam["spam_rule"] / spam["pages"], 4),
        "recall_any_rule": round(spam["any_rule"] / spam["pages"], 4),
        "pages": spam["pages"],
        "by_group": {key: {"pages": g["pages"], "recall": round(g["spam_rule"] / g["pages"], 4)}
                     for key, g in sorted(groups.items())},
        "missed": missed,
    }
    if negatives.is_file():
        flagged, dropped, rows = [], 0, _read(negatives)
        for page in rows:
            reason, _ = _judge(page["text"], page["lang"], page.get("title"), page.get("url"))
            if reason == SPAM_REASON:
                flagged.append(page["id"])
            dropped += reason is not None
        result["hard_negatives"] = {"pages": len(rows), "spam_rule_share": round(len(flagged) / len(rows), 4),
                                    "any_rule_share": round(dropped / len(rows), 4), "flagged": flagged}
    return result


def print_filter_report(report: dict) -> None:
    good, spam = report["good_text"], report.get("spam")
    print(f"\nfilter rules on good human-written articles (corpusforge extraction, >= {good['min_article_chars']} "
          f"characters; {good['short_pages_left_out']} shorter pages left out): dropped "
          f"{good['total']['dropped']} of {good['total']['articles']} ({good['dropped_share']:.1%}), worst language "
          f"{good['worst_language_share']:.1%}")
    for lang, entry in good["languages"].items():
        rules = ", ".join(f"{rule} {share:.0%}" for rule, share in list(entry["would_drop"].items())[:4])
        print(f"  {lang:<6} {entry['articles']:>4} articles  dropped {entry['dropped_share']:>6.1%}  "
              f"{'rules alone: ' + rules if rules else ''}")
    if spam is None:
        print("spam: bench/data/spam/pages.jsonl not found")
        return
    print(f"spam pages ({spam['pages']}): spam rule recall {spam['recall']:.1%}, "
          f"any rule {spam['recall_any_rule']:.1%}")
    for key, group in spam["by_group"].items():
        print(f"  {key:<28} {group['pages']:>3} pages  recall {group['recall']:.0%}")
    if "hard_negatives" in spam:
        negatives = spam["hard_negatives"]
        print(f"honest pages on spam topics ({negatives['pages']}): spam rule drops "
              f"{negatives['spam_rule_share']:.1%}, any rule {negatives['any_rule_share']:.1%}")
