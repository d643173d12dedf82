"""A page's main text: trafilatura in a cascade, so that no page where a full extraction finds text comes back empty.

Measured on real annotated pages (``bench/quality.py``: trafilatura's evaluation set and Readability's test
pages), against ``trafilatura.extract`` with its defaults:

- trafilatura's ``favor_precision`` prunes so hard that forum threads, comment-heavy pages and WeChat-style
  articles whose body is a stack of ``<section>``/``<span>`` elements come back empty: it is off by default.
- fast mode (no readability/jusText comparison) keeps the anchor's F1 on articles but loses on pages that are
  mostly links or markup around little text, and those are exactly the pages where its result is short against
  the page's visible text. The cascade runs fast mode first and the full extraction only there
  (``fallback_below_share`` / ``fallback_below_chars``); the full result replaces the fast one when it is longer.
- comments: a blog's reader comments are mostly noise, a thread's posts are the page. trafilatura's balanced mode
  recognises thread pages and keeps their posts as main text, so the default drops reader comments elsewhere
  (``never``: F1 0.926 at 1.21x the anchor's speed); ``auto`` adds them where they are at least
  ``comments_min_ratio`` of the main text (F1 on the forum/comments class 0.952 against 0.946, 4% more CPU).
- scripts, styles, inline SVG and HTML comments are cut out of the HTML before it is parsed
  (``strip_inert_markup``): trafilatura throws them away after parsing anyway, real pages are often more script
  than text, and parsing and trafilatura's tree passes cost per element. JSON-LD scripts stay: trafilatura reads
  some pages' text from them.

``main_text`` returns the text and its ``path``: which way produced it (``fast``, ``full``, each with
``+comments`` when comments were kept), stored per document as ``extraction_path``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from pipeline.core.config import Section


class MainTextConfig(Section):
    mode: Literal["cascade", "fast", "full"] = Field(
        default="cascade",
        description="cascade: fast extraction, the full one where the fast result is short against the page's "
                    "visible text; fast: trafilatura's fast mode only; full: trafilatura's full extraction only "
                    "(readability/jusText comparison, about 1.4x the CPU)")
    fallback_below_share: float = Field(
        default=0.1, ge=0, le=1,
        description="cascade: run the full extraction when the fast one kept less than this share of the page's "
                    "visible characters")
    fallback_below_chars: int = Field(
        default=200, ge=0,
        description="cascade: ... or fewer than this many characters (not counting white space)")
    comments: Literal["never", "auto", "always"] = Field(
        default="never",
        description="Reader comments below the main text. never: dropped (a forum thread's posts are its main "
                    "text and stay: trafilatura tells thread pages apart); auto: kept where they are at least "
                    "comments_min_ratio of the main text; always")
    comments_min_ratio: float = Field(
        default=0.5, ge=0,
        description="auto: comments are kept when their length is at least this ratio of the main text's")
    favor_precision: bool = Field(
        default=False,
        description="trafilatura's precision mode: less boilerplate, but forum threads and section/span layouts "
                    "(WeChat) come back empty")
    include_tables: bool = True
    deduplicate: bool = Field(default=False, description="trafilatura's within-page duplicate-segment removal")


@dataclass(frozen=True)
class MainText:
    text: str  # "" when no way found any
    path: str  # fast, full, fast+comments, full+comments


_INERT_START = re.compile(r"<(?:(script|style|svg)(?=[\s/>])|!--)", re.IGNORECASE)
_INERT_END = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE) for name in ("script", "style", "svg")}
_JSON_LD = re.compile(r"""type\s*=\s*["']?application/ld\+json""", re.IGNORECASE)


def strip_inert_markup(html: str) -> str:
    """The HTML without scripts (JSON-LD kept), styles, inline SVG and HTML comments.

    One pass from left to right, every search starting where the last one ended, so the cost is linear in the
    page. A tag ends at the next ``>``, as an HTML parser reads it (``</script`` followed by white space and junk
    up to the ``>`` is still the end tag). Anything left open ends the stripping: the rest of the page stays as
    it is, for the parser to read as it would have. A self-closed ``<script .../>`` is left alone: libxml2 reads
    it as closed, and cutting to the next ``</script>`` would swallow the text between."""
    parts: list[str] = []
    position = 0
    while (start := _INERT_START.search(html, position)) is not None:
        name = start.group(1)
        if name is None:  # <!--
            end = html.find("-->", start.end())
            if end < 0:
                break
            end += 3
        else:
            tag_end = html.find(">", start.end())
            if tag_end < 0:
                break
            attributes = html[start.end():tag_end]
            if attributes.endswith("/"):
                parts.append(html[position:tag_end + 1])
                position = tag_end + 1
                continue
            closing = _INERT_END[name.lower()].search(html, tag_end + 1)
            end = html.find(">", closing.end()) + 1 if closing is not None else 0
            if end <= 0:
                break
            if name.lower() == "script" and _JSON_LD.search(attributes):
                parts.append(html[position:end])
                position = end
                continue
        parts.append(html[position:start.start()])
        position = end
    if not parts:
        return html
    parts.append(html[position:])
    return "".join(parts)


def _chars(text: str) -> int:
    """Characters without white space: what a page's text is measured in here."""
    return len(text) - sum(text.count(space) for space in (" ", "\n", "\t", "\r", "\u00a0", "\u3000"))


def _visible_chars(tree) -> int:
    """The page's visible characters after its inert markup is gone: the body's text, white space collapsed."""
    return int(tree.xpath("string-length(translate(normalize-space(string(//body)), ' ', ''))") or 0)


def _extract(tree, url: str | None, settings: MainTextConfig, *, fast: bool, markdown: bool) -> tuple[str, str]:
    import trafilatura

    document = trafilatura.bare_extraction(
        tree, url=url or None, with_metadata=False, fast=fast, favor_precision=settings.favor_precision,
        include_comments=settings.comments != "never", include_tables=settings.include_tables,
        include_formatting=markdown, deduplicate=settings.deduplicate,
    )
    if document is None:
        return "", ""
    # NFC, as trafilatura.extract returns it: canonically equal spellings (Bengali য় as one code point or two)
    # become one, for the language model, dedup and the tokenizer alike.
    return (unicodedata.normalize("NFC", (document.text or "").strip()),
            unicodedata.normalize("NFC", (getattr(document, "comments", None) or "").strip()))


def _with_comments(text: str, comments: str, settings: MainTextConfig) -> tuple[str, bool]:
    if not comments or settings.comments == "never":
        return text, False
    if settings.comments == "always" or _chars(comments) >= settings.comments_min_ratio * _chars(text):
        return (f"{text}\n{comments}" if text else comments), True
    return text, False


def main_text(html: str, url: str | None, settings: MainTextConfig, *, markdown: bool = False) -> MainText:
    """The page's main text and the path that produced it. Raises on markup that lxml or trafilatura cannot
    handle (the caller names that a parse_error)."""
    from trafilatura.utils import load_html

    tree = load_html(strip_inert_markup(html))
    if tree is None:
        return MainText("", "none")
    first = "full" if settings.mode == "full" else "fast"
    text, comments = _extract(tree, url, settings, fast=first == "fast", markdown=markdown)
    text, kept_comments = _with_comments(text, comments, settings)
    path = first
    if settings.mode == "cascade":
        length = _chars(text)
        if length < settings.fallback_below_chars or length < settings.fallback_below_share * _visible_chars(tree):
            full_text, full_comments = _extract(tree, url, settings, fast=False, markdown=markdown)
            full_text, full_kept = _with_comments(full_text, full_comments, settings)
            if _chars(full_text) > length:
                text, kept_comments, path = full_text, full_kept, "full"
    return MainText(text, f"{path}+comments" if kept_comments else path)
