"""Gambling and adult spam keywords (``conf/filters/spam_keywords.yaml``) as one case-insensitive pattern."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from filters.signals import CJK_CHARACTER
from pipeline.core.config import ConfigError

# Scripts written without spaces between words: their terms cannot be anchored on word boundaries and match anywhere.
# Thai sets words side by side (a space ends a sentence or clause), so "คาสิโน" sits inside "เล่นคาสิโนออนไลน์".
UNSPACED_CHARACTER = re.compile(rf"{CJK_CHARACTER.pattern}|[\u0e00-\u0e7f]")


def load_spam_keywords(path: str | Path) -> dict[str, list[str]]:
    """Category → terms, lower-cased; a clear error for a missing file or a malformed list."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"spam keyword list not found: {path} (stages.filter.spam_keywords)")
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not all(isinstance(terms, list) for terms in data.values()):
        raise ConfigError(f"{path}: expected a mapping of category → list of terms")
    return {category: sorted({str(term).strip().lower() for term in terms if str(term).strip()})
            for category, terms in data.items()}


def keyword_pattern(categories: dict[str, list[str]]) -> re.Pattern | None:
    """One alternation, longest terms first; words of spaced scripts match whole, CJK and Thai terms anywhere.

    The word-boundary checks wrap the whole group of spaced-script terms, not each term: one check per position
    instead of one per term makes the scan an order of magnitude faster.
    """
    terms = sorted({term for terms in categories.values() for term in terms}, key=lambda t: (-len(t), t))
    spaced = [re.escape(term) for term in terms if not UNSPACED_CHARACTER.search(term)]
    unspaced = [re.escape(term) for term in terms if UNSPACED_CHARACTER.search(term)]
    parts = ([rf"(?<!\w)(?:{'|'.join(spaced)})(?!\w)"] if spaced else []) + unspaced
    return re.compile("|".join(parts)) if parts else None
