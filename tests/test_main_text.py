"""The main-text cascade (pipeline.lib.main_text) on synthetic pages of each failure class, exact text expected."""

from pathlib import Path

import pytest
import trafilatura

from pipeline.core.spark import ShippedFile
from pipeline.core.warc import WarcRecord
from pipeline.lib.extraction import ExtractStageConfig, extract_row
from pipeline.lib.main_text import MainTextConfig, _chars, main_text, strip_inert_markup
from tests import extraction_pages as pages

DEFAULTS = MainTextConfig()
LID_MODEL = ShippedFile("lid.176.ftz", str(Path(__file__).resolve().parents[1] / "models" / "lid.176.ftz"))


@pytest.mark.parametrize("page", sorted(pages.EXPECTED))
def test_each_failure_class_comes_back_whole(page):
    result = main_text(getattr(pages, page)(), "https://www.example.com/t/1", DEFAULTS)
    assert result.text == pages.EXPECTED[page]
    assert result.path == "fast"


@pytest.mark.parametrize("page", ["forum_thread", "wechat_article", "tieba_thread"])
def test_precision_mode_loses_what_the_default_keeps(page):
    """The reason favor_precision is off: on these layouts it keeps less than half the text, or nothing."""
    precise = main_text(getattr(pages, page)(), None, MainTextConfig(mode="fast", favor_precision=True))
    assert _chars(precise.text) < _chars(pages.EXPECTED[page]) / 2


def test_reader_comments_never_auto_always():
    page = pages.blog_with_comments()
    assert main_text(page, None, DEFAULTS).text == pages.EXPECTED["blog_with_comments"]
    kept = main_text(page, None, MainTextConfig(comments="always"))
    assert kept.text == "\n".join([pages.EXPECTED["blog_with_comments"], *pages.COMMENTS])
    assert kept.path == "fast+comments"
    # auto: two one-line comments under an article are not the page ...
    assert main_text(page, None, MainTextConfig(comments="auto")).path == "fast"
    # ... a thread longer than the article is
    thread = [f"{comment} I had the same problem with my van number {i} and a new thermostat did not help at all."
              for i, comment in enumerate(pages.COMMENTS * 3)]
    busy = main_text(pages.blog_with_comments(thread), None, MainTextConfig(comments="auto"))
    assert busy.path == "fast+comments"
    assert busy.text == "\n".join([pages.EXPECTED["blog_with_comments"], *thread])


def library(html: str, fast: bool) -> str:
    """What trafilatura itself returns for the page, comments off: the oracle for the cascade's two ways."""
    return trafilatura.extract(html, fast=fast, include_comments=False, include_tables=True) or ""


@pytest.mark.parametrize("page", [*sorted(pages.EXPECTED), "teaser_then_body"])
def test_the_cascade_keeps_the_longer_of_the_fast_and_the_full_extraction(page):
    html = getattr(pages, page)()
    fast, full = library(html, fast=True), library(html, fast=False)
    forced = main_text(html, None, MainTextConfig(fallback_below_chars=10**9))  # every page falls back
    expected_path = "full" if _chars(full) > _chars(fast) else "fast"
    assert forced.path == expected_path
    assert forced.text == (full if expected_path == "full" else fast)
    assert main_text(html, None, MainTextConfig(mode="full")) == type(forced)(full, "full")
    assert main_text(html, None, MainTextConfig(mode="fast")) == type(forced)(fast, "fast")


def test_a_fast_result_short_against_the_page_falls_back_to_the_full_extraction():
    """teaser_then_body: fast mode keeps the lead in <article> (about 13% of the page's visible text) and stops."""
    html = pages.teaser_then_body()
    fast, full = library(html, fast=True), library(html, fast=False)
    assert fast == pages.LEAD and full == "\n".join(pages.STEPS)  # readability picks the longer block
    assert main_text(html, None, DEFAULTS).path == "fast"  # 13% is above the default's 10%
    above = main_text(html, None, MainTextConfig(fallback_below_share=0.2))
    assert (above.text, above.path) == (full, "full")
    # an absolute floor does the same for pages whose fast result is merely short
    floor = main_text(html, None, MainTextConfig(fallback_below_chars=500))
    assert (floor.text, floor.path) == (full, "full")


def test_markdown_keeps_headings_lists_tables_and_code():
    result = main_text(pages.structured(), None, DEFAULTS, markdown=True)
    assert result.text == "\n".join([
        "# Bleeding a cooling system", "",
        "Trapped air keeps hot coolant away from the heater core. These steps push it out again.", "",
        "## Steps", "",
        "1. Park with the nose uphill.", "2. Open the bleed screw.", "3. Run the engine until the fan starts.", "",
        "## Torque values", "",
        "| Part | Nm | ", "|---|---|", "| Bleed screw | 8 | ", "| Drain plug | 25 | ", "",
        "## Checking the level", "",
        "Read the sensor from the diagnostic port with this script:", "",
        "```", 'level = read_sensor("coolant")', "print(level)", "```",
        "A level below the minimum mark after bleeding means there is still a leak somewhere in the system.",
    ])
    plain = main_text(pages.structured(), None, DEFAULTS).text
    assert plain.splitlines()[:3] == ["Bleeding a cooling system",
                                      "Trapped air keeps hot coolant away from the heater core. These steps push it "
                                      "out again.", "Steps"]
    assert "#" not in plain and "```" not in plain


def test_text_is_nfc():
    """Canonically equal spellings become one: e + combining acute is é, as trafilatura.extract returns it."""
    sentence = "Cafe\u0301 au lait, cre\u0300me bru\u0302le\u0301e. "
    html = f"<html><body><article><p>{sentence * 8}</p></article></body></html>"
    text = main_text(html, None, DEFAULTS).text
    assert "Café au lait, crème brûlée." in text and "\u0301" not in text


@pytest.mark.parametrize(("html", "stripped"), [
    ("<p>a</p><script>x</script><p>b</p>", "<p>a</p><p>b</p>"),
    ("<p>a<!-- c -->b</p>", "<p>ab</p>"),
    ("<SCRIPT>X</SCRIPT >z<style media=all>p{}</style>", "z"),
    ("<svg><text>chart</text></svg>!", "!"),
    # an end tag runs to its '>', whatever comes between, as a parser reads it
    ("<style>p{}</style\n\n <!--junk-->\n<p>t</p>", "\n<p>t</p>"),
    # JSON-LD stays (trafilatura reads some pages' text from it); a self-closed script is left to the parser
    ('<script type="application/ld+json">{"a": 1}</script><p>k</p>',
     '<script type="application/ld+json">{"a": 1}</script><p>k</p>'),
    ("<script src=x/><p>keep</p><script>y</script>", "<script src=x/><p>keep</p>"),
    # unclosed: the rest is left as it is
    ("<p>a</p><script>never closed <p>rest</p>", "<p>a</p><script>never closed <p>rest</p>"),
    ("<p>a</p><!-- never closed <p>rest</p>", "<p>a</p><!-- never closed <p>rest</p>"),
    ("<scripts>not a script</scripts><p>x</p>", "<scripts>not a script</scripts><p>x</p>"),
])
def test_strip_inert_markup(html, stripped):
    assert strip_inert_markup(html) == stripped


def test_stripping_hostile_markup_is_one_pass():
    """Thousands of unclosed openers: one scan, the page unchanged (a search restarted per opener never ends)."""
    hostile = "<script " * 200_000 + "<!--" * 200_000
    assert strip_inert_markup(hostile) == hostile
    closed_once = "<script>" + "</script " * 200_000
    assert strip_inert_markup(closed_once) == closed_once


def test_a_page_of_three_megabytes_is_extracted():
    """Common Crawl cuts payloads at 1 MiB and has announced 5 MiB: a 3 MB page is kept, whole."""
    assert ExtractStageConfig().max_html_bytes == 5 * 1024 * 1024
    body = pages.big_page(3).encode()
    assert len(body) > 3_000_000
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    record = WarcRecord("response", {"warc-target-uri": "https://www.example.com/heater"}, block, "f.warc.gz", 0, 1)

    class Allowed:
        value = frozenset({"com.example.www"})

    [row] = extract_row(record, allowed=Allowed, settings=ExtractStageConfig(), model=LID_MODEL, crawl="X")
    from pipeline.lib.datasets import EXTRACT_DOCS

    kept = dict(zip(EXTRACT_DOCS.column_names, row, strict=False))
    assert kept["text"] == pages.EXPECTED["blog_with_comments"]
    assert kept["extraction_path"] == "fast" and kept["lang"] == "en"
