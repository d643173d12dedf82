"""One page of a selected site, from its WARC record to its text and language — what ``extract`` does per record,
and what ``train-quality`` does to the pages it fetches by offset.

Per record, cheapest test first, each failure a named drop: record type; host not on the allowlist
(``not_selected`` — decided from the WARC header alone, before any HTML is parsed); HTTP status; content type;
a payload the crawler cut short (``truncated_payload``, when configured to drop; else kept and flagged); size;
chunked transfer and Content-Encoding undone (``pipeline.core.payload``: ``too_large`` past the size or bomb cap,
``bad_content_encoding``); charset (``pipeline.core.decode``: UTF-8 and nearly-UTF-8 first, then header, meta,
detection; strict); the main text (``pipeline.lib.main_text``: trafilatura in a cascade) with a time cap;
fastText lid.176 against per-language minimum scores. Chinese text is labelled simplified or traditional with
OpenCC, and converted to simplified only when configured.
"""

from __future__ import annotations

import hashlib
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from html import unescape
from typing import Literal

from pydantic import Field, field_validator

from pipeline.core.config import Section
from pipeline.core.decode import decode_html
from pipeline.core.payload import http_payload
from pipeline.core.spark import ShippedFile
from pipeline.core.warc import WarcRecord, parse_content_type, parse_http_response, parse_warc_date, type_reason
from pipeline.lib.datasets import EXTRACT_DOCS
from pipeline.lib.hosts import reverse_host, url_host
from pipeline.lib.language import LABEL_PREFIX, load_model
from pipeline.lib.main_text import MainTextConfig, main_text


class ExtractStageConfig(Section):
    max_html_bytes: int = Field(
        default=5 * 1024 * 1024, ge=1024,
        description="Larger pages (after undoing chunked transfer and Content-Encoding) are dropped as too_large. "
                    "Common Crawl cuts payloads at 1 MiB (WARC-Truncated: length) and has announced 5 MiB: the "
                    "default keeps every page it can hold")
    max_decompression_ratio: float = Field(
        default=100.0, gt=1,
        description="A Content-Encoding that inflates more than this many times is a bomb: too_large")
    max_replaced_share: float = Field(
        default=0.01, ge=0, le=1,
        description="A UTF-8 page with more of its bytes invalid (replaced by U+FFFD) is undecodable")
    truncated_payload: Literal["keep", "drop"] = Field(
        default="keep",
        description="Pages the crawler cut short (WARC-Truncated): keep them (flagged in the truncated column) or "
                    "drop them as truncated_payload")
    timeout_seconds: float = Field(default=10.0, gt=0, description="Per-document extraction time cap")
    min_text_chars: int = Field(default=1, ge=1, description="Shorter extractions are empty_extraction")
    main_text: MainTextConfig = MainTextConfig()
    output: Literal["text", "markdown"] = Field(
        default="text",
        description="text: paragraphs as plain lines; markdown: headings, lists, tables, code blocks and emphasis "
                    "kept as Markdown")
    keep_languages: Literal["all"] | list[str] = Field(
        default="all",
        description="Languages kept: all (every label the language-ID model emits) or a list of codes; pages in "
                    "another language are dropped as language_not_kept")
    language_min_score: dict[str, float] = Field(
        default_factory=lambda: {"default": 0.5, "en": 0.65},
        description="The one language gate: a page whose top language scores below its language's minimum (or "
                    "'default') is dropped as low_language_score here, and no later stage gates on language again")
    convert_to_simplified: bool = Field(default=False, description="Convert traditional Chinese text to simplified")

    @field_validator("language_min_score")
    @classmethod
    def _has_default(cls, value: dict[str, float]) -> dict[str, float]:
        if "default" not in value:
            raise ValueError("needs a 'default' entry: the minimum of every language not listed")
        if any(not 0 <= score <= 1 for score in value.values()):
            raise ValueError("scores are between 0 and 1")
        return value

    def min_language_score(self, lang: str) -> float:
        return self.language_min_score.get(lang, self.language_min_score["default"])

    def keeps_language(self, lang: str) -> bool:
        return self.keep_languages == "all" or lang in self.keep_languages


HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


class ExtractionTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float):
    """Interrupt a runaway extraction. Spark runs Python tasks in the worker's main thread, where signals work."""

    def expire(signum, frame):
        raise ExtractionTimeout

    try:
        previous = signal.signal(signal.SIGALRM, expire)
    except ValueError:  # not the main thread: run without a cap rather than not at all
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@lru_cache(maxsize=1)
def _opencc():
    import opencc

    # One simplifier, and the three traditional standards (generic, Taiwan, Hong Kong).
    return opencc.OpenCC("t2s"), tuple(opencc.OpenCC(name) for name in ("s2t", "s2tw", "s2hk"))


@lru_cache(maxsize=1 << 16)
def _character_script(character: str) -> str | None:
    """traditional / simplified for characters specific to one script, None for shared ones."""
    to_simplified, traditional_standards = _opencc()
    if to_simplified.convert(character) != character:
        return "traditional"
    # Simplified-only if no traditional standard keeps it (台 is everyday Taiwanese and Hong Kong usage).
    if all(standard.convert(character) != character for standard in traditional_standards):
        return "simplified"
    return None


def chinese_script(text: str) -> str:
    """simplified, traditional or mixed, from the script-specific characters among the distinct CJK ones.

    Converting whole texts both ways is not enough: OpenCC's s2t also rewrites Taiwanese variants (裡 → 裏, 台 → 臺),
    which would make pure traditional text look mixed."""
    counts = {"traditional": 0, "simplified": 0}
    for character in {c for c in text if "\u3400" <= c <= "\u9fff"}:
        script = _character_script(character)
        if script:
            counts[script] += 1
    if not counts["traditional"]:
        return "simplified"
    if not counts["simplified"]:
        return "traditional"
    return "mixed"


TITLE_OPEN = re.compile(r"<title", re.IGNORECASE)
TITLE_CLOSE = re.compile(r"</title>", re.IGNORECASE)
TITLE_SCAN_CHARS = 65536


def page_title(html: str) -> str | None:
    """The <title>: trafilatura's metadata pass (dates, authors) costs more than the extraction itself.

    What ``<title[^>]*>(.*?)</title>`` matches in the first 64K characters, found in linear time: that regex
    retried its lazy scan from every ``<title>``, seconds of CPU for a page of 9,000 of them, outside the time cap.
    Only the first ``<title`` can match: a later one ends at the same ``>`` or after it."""
    head = html[:TITLE_SCAN_CHARS]
    opening = TITLE_OPEN.search(head)
    if not opening:
        return None
    content_start = head.find(">", opening.end()) + 1
    if not content_start:
        return None
    closing = TITLE_CLOSE.search(head, content_start)
    if not closing:
        return None
    title = " ".join(unescape(head[content_start : closing.start()]).split())
    return title or None


def document_id(url: str, payload_digest: str | None) -> str:
    return hashlib.sha1(f"{url}\x00{payload_digest or ''}".encode()).hexdigest()[:20]


def extract_row(record: WarcRecord, *, allowed, settings: ExtractStageConfig, model: ShippedFile,
                crawl: str) -> Iterator[tuple]:
    def drop(reason: str, detail: str = "") -> Iterator[tuple]:
        yield EXTRACT_DOCS.dropped(reason, record.path, record.offset, detail)

    if record.warc_type != "response":
        yield from drop(*type_reason("warc_type_", record.warc_type))
        return
    url = record.target_uri or ""
    host, _ = url_host(url)
    if host is None or reverse_host(host) not in allowed.value:
        yield from drop("not_selected")
        return
    http = parse_http_response(record.block)
    if http is None:
        yield from drop("malformed_http")
        return
    if http.status != 200:
        yield from drop(f"http_status_{http.status}")
        return
    mime, header_charset = parse_content_type(http.header("content-type"))
    if mime not in HTML_TYPES:
        yield from drop("not_html", mime or "no content type")
        return
    truncated = record.truncated
    if truncated is not None and settings.truncated_payload == "drop":
        yield from drop("truncated_payload", f"WARC-Truncated: {truncated}")
        return
    if http.body_length > settings.max_html_bytes:  # checked before the body is copied out of the block
        yield from drop("too_large", f"{http.body_length} bytes")
        return
    payload = http_payload(http, settings.max_html_bytes, settings.max_decompression_ratio,
                           truncated is not None)
    if payload.body is None:
        yield from drop(payload.problem, payload.detail)
        return
    html, codec, charset_source, replaced = decode_html(payload.body, header_charset,
                                                        max_replaced_share=settings.max_replaced_share)
    if html is None:
        detail = f"declared {header_charset!r}"
        if replaced:
            detail += f"; {replaced} of {len(payload.body)} bytes are not UTF-8"
        yield from drop("undecodable", detail)
        return
    try:
        with time_limit(settings.timeout_seconds):
            extracted = main_text(html, url, settings.main_text, markdown=settings.output == "markdown")
    except ExtractionTimeout:
        yield from drop("timeout", f"over {settings.timeout_seconds} s")
        return
    except Exception as exc:  # lxml or trafilatura failing on hostile markup
        yield from drop("parse_error", f"{type(exc).__name__}: {exc}")
        return
    text = extracted.text
    if len(text) < settings.min_text_chars:
        yield from drop("empty_extraction")
        return
    labels, scores = load_model(model.local_path()).predict(" ".join(text.split()), k=3)
    ranked = [(label.removeprefix(LABEL_PREFIX), min(1.0, float(value)))
              for label, value in zip(labels, scores, strict=True)]
    lang, score = ranked[0]
    if not settings.keeps_language(lang):
        yield from drop("language_not_kept", lang)
        return
    minimum = settings.min_language_score(lang)
    if score < minimum:
        yield from drop("low_language_score", f"{lang} {score:.2f} < {minimum}")
        return
    script = None
    if lang == "zh":
        script = chinese_script(text)
        if settings.convert_to_simplified and script != "simplified":
            text = _opencc()[0].convert(text)
    title = page_title(html)
    yield EXTRACT_DOCS.row(
        id=document_id(url, record.header("warc-payload-digest")), url=url, host=reverse_host(host),
        domain=None,  # the authority columns are joined in by the extract stage
        lang=lang, lang_score=score, lang_top3=" ".join(f"{code}:{value:.3f}" for code, value in ranked),
        script=script, title=title, text=text, charset=codec, charset_source=charset_source, replaced_bytes=replaced,
        content_encoding=payload.encoding, truncated=truncated, extraction_path=extracted.path, crawl=crawl,
        fetch_time=parse_warc_date(record.header("warc-date")), warc_path=record.path, offset=record.offset,
        length=record.length, archive_format=record.archive_format, pagerank=None, trustrank=None, spam_mass=None,
    )
