"""corpusforge's per-document logic as plain Python, for notebooks and scripts: no Spark, no output folder.

The stages call these same functions on every record, so what a notebook shows is what a run does::

    from pipeline import api

    page = api.extract_page(html_bytes, url="https://www.example.com/a", headers={"content-type": "text/html"})
    page.outcome, page.reason, page.lang, page.text[:200]

    quality = api.quality(page.text, page.lang)
    quality.kept, quality.reason, quality.signals["alpha_words_ratio"]

    api.normalize_host("https://WWW.Example.co.uk:443/x")   # "www.example.co.uk"
    api.registered_domain("news.bbc.co.uk")                # "bbc.co.uk"
    api.minhash_signature(page.text, page.lang)             # what dedup compares

    for record in api.read_archive("crawl.warc.gz"):       # WARC or ARC, any compression layout
        ...

Settings default to ``conf/default.yaml``'s (``config=`` takes another file, or a loaded config); the language-ID
model is read from ``language_id.model_path``. Models and rule files are read once per process.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.core.spark import ShippedFile
from pipeline.core.warc import Skip, WarcRecord, iter_records
from pipeline.lib.datasets import EXTRACT_DOCS
from pipeline.lib.extraction import extract_row
from pipeline.lib.hosts import normalize_host as _normalize_host
from pipeline.lib.hosts import registered_domain as _registered_domain
from pipeline.lib.hosts import url_host
from pipeline.lib.minhash import document_signature, similarity
from pipeline.lib.scripts import WrittenWithoutSpaces

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CONFIG = ROOT / "conf" / "default.yaml"
_COLUMNS = [*EXTRACT_DOCS.column_names, "drop_reason", "drop_detail", "drop_path", "drop_offset"]


@lru_cache(maxsize=4)
def _config(path: str):
    from pipeline.runner import load_config

    return load_config(path)


def _resolve(config) -> Any:
    if config is None:
        return _config(str(DEFAULT_CONFIG))
    if isinstance(config, str | Path):
        return _config(str(config))
    return config


class _Everything:
    """An allowlist that holds every host: outside a run there is no selection to check against."""

    value = type("All", (), {"__contains__": lambda self, item: True})()


@dataclass(frozen=True)
class PageResult:
    """What extraction made of one page: kept (with its text and language) or dropped (with the reason)."""

    outcome: str  # "kept" or "dropped"
    reason: str | None  # the drop reason, as extract/stats.json counts it
    detail: str | None
    text: str | None
    title: str | None
    lang: str | None
    lang_score: float | None
    lang_top3: str | None
    charset: str | None
    charset_source: str | None
    replaced_bytes: int | None
    row: dict[str, Any] = field(repr=False)  # every column of extract/docs


def extract_page(page: bytes | WarcRecord, *, url: str = "https://www.example.com/", status: int = 200,
                 headers: dict[str, str] | None = None, config=None) -> PageResult:
    """Extract one page as the ``extract`` stage does: a WARC record, or the HTTP body bytes with its headers
    (``{"content-type": "text/html; charset=utf-8"}``; Content-Encoding and chunking are undone too)."""
    settings = _resolve(config)
    if isinstance(page, WarcRecord):
        record = page
    else:
        head = "".join(f"{name}: {value}\r\n" for name, value in (headers or {"content-type": "text/html"}).items())
        block = f"HTTP/1.1 {status} OK\r\n{head}\r\n".encode("latin-1") + page
        record = WarcRecord("response", {"warc-target-uri": url}, block, "api", 0, len(block))
    model_path = Path(settings.language_id.model_path)
    if not model_path.is_absolute() and not model_path.exists():  # relative to the checkout, not the notebook
        model_path = ROOT / model_path
    model_path = str(model_path.resolve())
    [row] = extract_row(record, allowed=_Everything, settings=settings.stages.extract,
                        model=ShippedFile(Path(model_path).name, model_path), crawl=settings.crawl)
    values = dict(zip(_COLUMNS, row, strict=True))
    reason = values["drop_reason"]
    return PageResult("dropped" if reason else "kept", reason, values["drop_detail"] or None, values["text"],
                      values["title"], values["lang"], values["lang_score"], values["lang_top3"], values["charset"],
                      values["charset_source"], values["replaced_bytes"], values)


@dataclass(frozen=True)
class QualityResult:
    kept: bool
    reason: str | None  # the first rule the text fails (corpusforge filter rules), None when kept
    detail: str | None  # signal, value and threshold
    signals: dict[str, float]  # every quality signal, as filter/kept and filter/dropped store them
    text: str  # the text as kept (C4 line cleaning changes it where a language turns it on)


@lru_cache(maxsize=64)
def _language(lang: str, languages_dir: str, spam_lexicons: str):
    from filters.keywords import load_spam_lexicon
    from filters.rules import load_language_rules

    languages_dir, spam_lexicons = (path if Path(path).exists() else str(ROOT / path)
                                    for path in (languages_dir, spam_lexicons))
    rules = load_language_rules(languages_dir, [lang])[lang]
    return rules, rules.signal_settings(load_spam_lexicon(spam_lexicons))


def quality(text: str, lang: str, *, title: str | None = None, url: str | None = None, lang_score: float = 1.0,
            config=None) -> QualityResult:
    """Every quality signal of ``text`` in ``lang`` and the decision the ``filter`` stage's rules take on it (the
    URL blocklist, perplexity and the classifier need a run's models: they are left out here). The page's title
    and URL count for the spam rule as they do in the stage."""
    from filters.rules import compute_signals, decide

    settings = _resolve(config).stages.filter
    rules, signal_settings = _language(lang, settings.languages_dir, settings.spam_lexicons)
    kept_text, signals = compute_signals(text, signal_settings, title, url)
    reason, detail, _ = decide(signals, lang_score, rules.thresholds, None)
    return QualityResult(reason is None, reason, detail, signals, kept_text)


def normalize_host(url_or_host: str, strip_www: bool = False) -> str | None:
    """The host as the host graph names it (lower case, punycode, no port or trailing dot), or None when it is not
    a public host name (an IP address, a single label, an invalid label)."""
    if "://" in url_or_host or url_or_host.startswith("//"):
        return url_host(url_or_host, strip_www=strip_www)[0]
    return _normalize_host(url_or_host, strip_www)[0]


def registered_domain(host: str) -> str:
    """The registered domain of a host, from the public suffix list (``co.uk``, ``com.cn``, ``github.io``)."""
    return _registered_domain(host)


def minhash_signature(text: str, lang: str = "en", *, config=None) -> np.ndarray:
    """The MinHash signature the ``dedup`` stage gives ``text`` (uint32, bands × rows values)."""
    settings = _resolve(config)
    dedup = settings.stages.dedup
    segmenter = None
    unspaced = tuple(dedup.cjk_languages) if dedup.cjk_languages is not None else WrittenWithoutSpaces()
    if lang in unspaced and dedup.cjk_shingles == "words":
        segmenter = _language(lang, settings.stages.filter.languages_dir, settings.stages.filter.spam_lexicons
                              )[0].segmenter
    return document_signature(text, lang, shingle_size=dedup.shingle_size, cjk_languages=unspaced,
                              cjk_units=dedup.cjk_shingles, segmenter_name=segmenter, num_perm=dedup.num_perm,
                              seed=dedup.seed)


def minhash_similarity(first: np.ndarray, second: np.ndarray) -> float:
    """The share of positions where two signatures agree: dedup's estimate of their Jaccard similarity."""
    return similarity(first.tobytes(), second.tobytes())


def read_archive(path: str | Path, max_record_bytes: int = 64 << 20) -> Iterator[WarcRecord | Skip]:
    """Every record of a local WARC or ARC file (gzip per record, whole-file gzip or uncompressed), and a ``Skip``
    with the reason for every damaged region — what the crawl-reading stages see."""
    with open(path, "rb") as handle:
        yield from iter_records(handle, str(path), max_record_bytes)
