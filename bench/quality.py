"""Benchmark: main-text extraction quality on real annotated pages, for trafilatura (its defaults and fast mode),
resiliparse as DCLM runs it, and corpusforge's text step, side by side in one run.

Anchor: trafilatura-defaults, `trafilatura.extract(html_bytes, url=url)` with trafilatura's own defaults
(comments and tables included, the readability/jusText fallbacks on). Pages per CPU-second are reported as a ratio
to it, and "lost pages" are measured against it. The extractors:

- trafilatura-defaults: as above.
- trafilatura-fast: the same with fast=True (no fallbacks).
- resiliparse: bytes decoded with resiliparse's detect_encoding + bytes_to_str, then
  extract_plain_text(html, main_content=True), every other option at its default: the DCLM pool's extraction.
- corpusforge: pipeline.core.decode.decode_html(body, None) then pipeline.lib.main_text.main_text(html, url,
  settings.main_text) with the extract stage's defaults (ExtractStageConfig()); --set KEY=VALUE changes that
  config (e.g. --set main_text.mode=full). Pages are counted per extraction path (fast, full, +comments).
- corpusforge-markdown: the same with stages.extract.output=markdown; scored with the Markdown syntax removed
  (heading marks, list bullets, emphasis, table pipes, code fences), and the headings, list items, table rows
  and code blocks it kept are counted.

Adding a variant is one factory function (settings in, `extract(body, url) -> text` out) and one EXTRACTORS entry.

Data (third-party, in --realweb/extraction; unpacked into a temporary folder at each run, never into the project):

- trafilatura_eval.tar.gz (adbar/trafilatura, tests/): evaldata.json annotates 990 real pages (mostly German,
  ~170 English), each with its file (looked up in tests/cache/, then tests/eval/, as trafilatura's own
  eval_common.resolve does), snippets the main text must contain (`with`) and must not contain (`without`).
- mozilla_readability.tar.gz (mozilla/readability, test/test-pages/<case>/): source.html and expected.html, the
  output of Readability.js: a reference, not truth. The metadata names no URL, so the real pages are told from the
  synthetic unit cases by size: a case is used when its source.html has >= 10,000 bytes once `data:` URIs are
  removed (93 of 130; the synthetic cases are 0.2-4 KB, and `data-url-image` is lorem ipsum padded with base64
  images). The extractors get no URL for these pages.

Metrics, per extractor:

- snippet scores on the trafilatura set, as trafilatura's evaluation counts them: a `with` snippet found in the
  output is a true positive, else a false negative; a `without` snippet found is a false positive, else a true
  negative; snippet and output whitespace-normalised. Precision, recall, F1, accuracy over all snippets, and per
  page class and language group (snippets of the pages in it). A crash counts as an empty output.
- token F1 on the Readability pages: bag-of-tokens precision/recall/F1 of the output against the text of
  expected.html, per page, averaged over pages (an empty output scores 0). Tokens are case-folded runs of letters
  and digits; each CJK character (Han, kana, Hangul) is a token of its own.
- empty: share of all pages (both sets) whose output has no non-space character. lost: pages where the output has
  < 50 non-space-trimmed characters while trafilatura-defaults returns >= 200; listed by name in the JSON.
- mojibake: pages whose output shows decoding damage: U+FFFD, a UTF-8 sequence read as cp1252/latin-1 (Ã or Â
  followed by a character of U+0080-U+00BF or a cp1252 punctuation sign, as in 'Ã¤' 'Ã©' 'Â '; Ð/Ñ followed by
  U+0080-U+00BF, Cyrillic read so; 'â€', which starts every curly quote and dash so read), or, on a page of the zh
  or ja+ko group, at least 20 characters of U+0080-U+00FF, more of them than CJK characters and >= 20% of the
  non-space characters (CJK read as a single-byte charset). Damage that is in the page itself shows up for every
  extractor; compare with the anchor's count.
- pages per CPU-second: time.process_time() around the extractor's pass over all pages of both sets, decoding
  included, after one warm-up page; extractors run one after the other in this process. Average output characters.

Page class (trafilatura set and Readability set), derived from the page alone, first rule that matches:

1. forum/comments/Q&A: schema.org DiscussionForumPosting, QAPage or SocialMediaPosting in the markup (JSON-LD type
   or microdata itemtype), or >= 3 schema.org Comment; or the URL is on a forum or Q&A site (host reddit.com,
   quora.com, stackexchange.com, stackoverflow.com, superuser.com, serverfault.com, askubuntu.com, zhihu.com,
   tieba.baidu.com, douban.com, gutefrage.net; a host label forum*, foren, bbs, board(s), community, discuss;
   a path segment forum(s), foren, thread(s), showthread*, viewtopic*, showtopic*, bbs, board(s),
   discussion(s), question(s), comments, or a topic= query); or >= 5 distinct numbered comment or post
   containers (ids like comment-123, li-comment-123, div-comment-123, reply-123, answer-123, post_123,
   js-post-123, post_message_123, postcount123): blog posts with a real comment thread land here too.
2. list/other: the URL is a site's front page (no path, no query) or a listing (ending in /blog, /news,
   /archive(s), /archiv, /search, /suche, /page/<n>, or /category|categories|tag|tags|topic|topics|author/<name>;
   /archive/2020/08/slug is an article), or the page has little prose:
   < 500 characters of running text (text outside links, between block boundaries, in runs of >= 150 characters)
   while links hold >= 50% of the visible text.
3. article: everything else.

mp.weixin.qq.com pages are WeChat articles, so they are not forum pages by host. Language group: fastText lid.176
(--lid-model) on the page's `with` and `without` snippets joined (trafilatura set: the `with` snippets alone are
often a few words, one of them a quoted foreign term) or on the expected text (Readability set):
en, de, zh (zh, wuu, yue), ja+ko, and for the rest other-latin or other-scripts by whether Latin letters are at
least half of the letters.

The quality rules on real text (bench/filter_rules.py, with the corpusforge extractor): the share of good articles
each rule drops per language, spam recall on hand-assembled spam pages and the drop rate of honest pages on the
same topics (the "filter" part of the result).

Writes bench/results/quality.json (--out) in the shape of the other results (bench_results: command, commit,
machine, anchor, ratios, figures), plus "settings", "details" (per extractor: scores per class and group, the empty,
lost and mojibake pages, errors, pages per path), "class_rules" (pages per rule) and "not_articles" (each page not
classed article, with the rule and what it saw).

    .venv/bin/python bench/quality.py
    .venv/bin/python bench/quality.py --extractors corpusforge --set main_text.mode=full --limit 200 \\
        --out /tmp/quality.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tarfile
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bench_results import RESULTS_DIR, SCHEMA_VERSION, command_line, git_commit, machine, rounded

ROOT = Path(__file__).resolve().parents[1]
# Measure the code of the tree this file is in: run as bench/quality.py, sys.path[0] is bench/, and `pipeline`
# would otherwise come from wherever the venv's editable install points.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ANCHOR = "trafilatura-defaults"
TRAFILATURA_TAR = "trafilatura_eval.tar.gz"
READABILITY_TAR = "mozilla_readability.tar.gz"
# Readability cases smaller than this once data: URIs are removed are synthetic unit cases.
MIN_REAL_SOURCE_BYTES = 10_000
LOST_BELOW_CHARS = 50  # an output this short is lost ...
LOST_ANCHOR_CHARS = 200  # ... when the anchor got at least this much from the page
ARTICLE, FORUM, LIST = "article", "forum/comments/Q&A", "list/other"
CLASSES = (ARTICLE, FORUM, LIST)
GROUPS = ("en", "de", "zh", "ja+ko", "other-latin", "other-scripts")
DATA_URI = re.compile(rb"""data:[^"')\s]+""")

# --- Page class -------------------------------------------------------------------------------------------------

UGC_SCHEMA = re.compile(rb"""(?:"|schema\.org/)(DiscussionForumPosting|QAPage|SocialMediaPosting)\b""", re.I)
COMMENT_SCHEMA = re.compile(rb"""("@type"\s*:\s*"Comment"|schema\.org/Comment)\b""")
MIN_SCHEMA_COMMENTS = 3
NUMBERED_POST = re.compile(
    rb"""\bid\s*=\s*["']?(?:(?:li-|div-)?(?:comment|reply|answer)s?[-_]?|post_message_|postcount|js-post-|post_)"""
    rb"""(\d+)\b""", re.I)
MIN_NUMBERED_POSTS = 5
UGC_HOSTS = ("reddit.com", "quora.com", "stackexchange.com", "stackoverflow.com", "superuser.com",
             "serverfault.com", "askubuntu.com", "zhihu.com", "tieba.baidu.com", "douban.com", "gutefrage.net")
UGC_HOST_LABELS = {"foren", "bbs", "board", "boards", "community", "discuss"}
UGC_SEGMENTS = {"forum", "forums", "foren", "thread", "threads", "bbs", "board", "boards", "discussion",
                "discussions", "question", "questions", "comments"}
UGC_SEGMENT_PREFIXES = ("showthread", "viewtopic", "showtopic")
# A listing's URL ends in one of these ...; /archive/2020/08/slug is an article (The Atlantic, many archives)
LISTING_LAST_SEGMENTS = {"blog", "news", "archive", "archives", "archiv", "search", "suche"}
# ... or in one of these and a name: /category/politics, /tag/python
LISTING_PARENT_SEGMENTS = {"category", "categories", "tag", "tags", "topic", "topics", "author"}
PROSE_RUN_CHARS = 150
LITTLE_PROSE_CHARS = 500
LINK_HEAVY_SHARE = 0.5
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"})
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head", "svg")
WHITESPACE = re.compile(r"\s+")


def url_class(url: str | None) -> tuple[str, str, str] | None:
    """(class, rule, detail) from the URL alone, or None."""
    if not url or not url.startswith(("http://", "https://")):
        return None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    segments = [segment.lower() for segment in parts.path.split("/") if segment]
    if any(host == known or host.endswith("." + known) for known in UGC_HOSTS):
        return FORUM, "forum or Q&A host", host
    if any(label in UGC_HOST_LABELS or label.startswith("forum") for label in host.split(".")[:-1]):
        return FORUM, "forum or Q&A host", host
    for segment in segments:
        if segment in UGC_SEGMENTS or segment.startswith(UGC_SEGMENT_PREFIXES):
            return FORUM, "forum or Q&A path", f"/{segment}/"
    if "topic" in parse_qs(parts.query):
        return FORUM, "forum or Q&A path", "topic="
    if not segments and not parts.query:  # not ?p=123, a WordPress post
        return LIST, "front page", host
    if segments and segments[-1] in LISTING_LAST_SEGMENTS:
        return LIST, "listing URL", f"/{segments[-1]}"
    if len(segments) >= 2 and segments[-2] in LISTING_PARENT_SEGMENTS:
        return LIST, "listing URL", f"/{segments[-2]}/{segments[-1]}"
    if len(segments) >= 2 and segments[-2] == "page" and segments[-1].isdigit():
        return LIST, "listing URL", f"/page/{segments[-1]}"
    return None


def prose_and_links(body: bytes) -> tuple[int, float]:
    """Characters of running text (outside links, between block boundaries, in runs >= PROSE_RUN_CHARS) and the
    share of the visible text that is link text."""
    import lxml.html
    from lxml import etree

    try:
        document = lxml.html.document_fromstring(body)
    except (ValueError, etree.ParserError):
        return 0, 0.0
    for element in list(document.iter(*INVISIBLE_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    root = document.find("body")
    runs, current = [], []
    visible = linked = link_depth = 0

    def flush() -> None:
        text = WHITESPACE.sub(" ", "".join(current)).strip()
        if text:
            runs.append(len(text))
        current.clear()

    def add(text: str | None) -> None:
        nonlocal visible, linked
        if text:
            size = len(text.strip())
            visible += size
            if link_depth:
                linked += size
            else:
                current.append(text)

    # iterwalk, not recursion: unclosed tags nest some pages deeper than Python's recursion limit.
    for event, element in etree.iterwalk(root if root is not None else document, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else None  # None: a comment or processing instruction
        if event == "start":
            if tag in BLOCK_TAGS:
                flush()
            if tag == "a":
                link_depth += 1
            if tag is not None:
                add(element.text)
        else:
            if tag in BLOCK_TAGS:
                flush()
            if tag == "a":
                link_depth -= 1
            add(element.tail)  # the tail belongs to the parent: after leaving a link, outside it
    flush()
    return sum(run for run in runs if run >= PROSE_RUN_CHARS), linked / visible if visible else 0.0


def page_class(body: bytes, url: str | None) -> tuple[str, str, str]:
    """(class, the rule that decided it, what it saw): see the module docstring."""
    match = UGC_SCHEMA.search(body)
    if match:
        return FORUM, "schema.org type", match.group(1).decode()
    comments = len(COMMENT_SCHEMA.findall(body))
    if comments >= MIN_SCHEMA_COMMENTS:
        return FORUM, "schema.org Comment", f"{comments}x"
    by_url = url_class(url)
    if by_url and by_url[0] == FORUM:
        return by_url
    posts = len(set(NUMBERED_POST.findall(body)))
    if posts >= MIN_NUMBERED_POSTS:
        return FORUM, "numbered comments/posts", str(posts)
    if by_url:
        return by_url
    prose, link_share = prose_and_links(body)
    if prose < LITTLE_PROSE_CHARS and link_share >= LINK_HEAVY_SHARE:
        return LIST, "little prose", f"prose {prose} chars, links {link_share:.0%}"
    return ARTICLE, "", ""


# --- Language group ---------------------------------------------------------------------------------------------


def language_group(label: str, text: str) -> str:
    if label in ("en", "de"):
        return label
    if label in ("zh", "wuu", "yue"):
        return "zh"
    if label in ("ja", "ko"):
        return "ja+ko"
    letters = [char for char in text if char.isalpha()]
    latin = sum("LATIN" in unicodedata.name(char, "") for char in letters)
    return "other-latin" if letters and 2 * latin >= len(letters) else "other-scripts"


# --- Scoring ----------------------------------------------------------------------------------------------------

CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
TOKEN = re.compile(f"[{CJK}]|(?:(?![{CJK}])[^\\W_])+")
CJK_CHAR = re.compile(f"[{CJK}]")
LATIN1_CHAR = re.compile("[\u0080-\u00ff]")
CP1252_SIGNS = "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022" \
               "\u2026\u2030\u2039\u203a\u20ac\u2122"
MOJIBAKE = re.compile(f"\ufffd|[\u00c3\u00c2][\u0080-\u00bf{CP1252_SIGNS}]|[\u00d0\u00d1][\u0080-\u00bf]|\u00e2\u20ac")
MIN_CJK_GARBAGE = 20
CJK_GARBAGE_SHARE = 0.2  # a CJK character read as latin-1 or cp1252 is 2-3 of them: far above text's umlauts


def norm(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip()


def mojibake(text: str, group: str) -> str | None:
    """The first sign of decoding damage in text, or None (see the module docstring)."""
    match = MOJIBAKE.search(text)
    if match:
        return text[max(0, match.start() - 15):match.end() + 15].replace("\n", " ")
    if group in ("zh", "ja+ko"):
        latin1 = len(LATIN1_CHAR.findall(text))
        if latin1 >= MIN_CJK_GARBAGE and latin1 > len(CJK_CHAR.findall(text)) \
                and latin1 >= CJK_GARBAGE_SHARE * len(WHITESPACE.sub("", text)):
            return f"{latin1} Latin-1 characters: " + text[:30].replace("\n", " ")
    return None


@dataclass
class Confusion:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, page: Page, output_norm: str) -> None:
        found = sum(norm(snippet) in output_norm for snippet in page.with_)
        leaked = sum(norm(snippet) in output_norm for snippet in page.without)
        self.tp += found
        self.fn += len(page.with_) - found
        self.fp += leaked
        self.tn += len(page.without) - leaked

    def scores(self) -> dict:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        total = self.tp + self.fp + self.fn + self.tn
        f1 = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 0.0
        return {"f1": f1, "precision": precision, "recall": recall,
                "accuracy": (self.tp + self.tn) / total if total else 0.0,
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn}


def token_scores(output: str, expected: Counter) -> tuple[float, float, float]:
    got = Counter(token.casefold() for token in TOKEN.findall(output))
    common = sum((got & expected).values())
    if not common:
        return 0.0, 0.0, 0.0
    precision, recall = common / sum(got.values()), common / sum(expected.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


# --- Pages ------------------------------------------------------------------------------------------------------


@dataclass
class Page:
    dataset: str  # "trafilatura" or "readability"
    name: str  # the file under tests/cache|eval, or readability/<case>
    url: str | None
    body: bytes
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)
    expected: Counter | None = None  # Readability: tokens of expected.html
    sample: str = ""  # the text the language is told from
    language: str = ""
    group: str = ""
    cls: str = ""
    rule: str = ""  # the class rule that matched, and what it saw
    detail: str = ""


def unpack(realweb: Path, folder: Path) -> None:
    for name in (TRAFILATURA_TAR, READABILITY_TAR):
        source = realweb / "extraction" / name
        if not source.is_file():
            sys.exit(f"{source} not found: pass --realweb (the folder holding extraction/{name})")
        with tarfile.open(source) as archive:
            archive.extractall(folder, filter="data")


def trafilatura_pages(folder: Path) -> list[Page]:
    tests = folder / "trafilatura_eval" / "tests"
    pages = []
    for key, item in json.loads((tests / "evaldata.json").read_text(encoding="utf-8")).items():
        path = next((tests / sub / item["file"] for sub in ("cache", "eval") if (tests / sub / item["file"]).is_file()),
                    None)
        if path is None:
            print(f"warning: {item['file']} is annotated but not in the archive", file=sys.stderr)
            continue
        pages.append(Page("trafilatura", item["file"], key if key.startswith(("http://", "https://")) else None,
                          path.read_bytes(), list(item["with"]), list(item["without"]),
                          sample=" ".join(item["with"] + item["without"])))
    return pages


def expected_text(path: Path) -> str:
    import lxml.html

    return " ".join(lxml.html.fromstring(path.read_text(encoding="utf-8")).itertext())


def readability_pages(folder: Path) -> tuple[list[Page], list[str]]:
    """The real pages, and the names of the cases skipped as synthetic."""
    pages, skipped = [], []
    for case in sorted((folder / "mozilla_readability" / "test" / "test-pages").iterdir()):
        body = (case / "source.html").read_bytes()
        if len(DATA_URI.sub(b"", body)) < MIN_REAL_SOURCE_BYTES:
            skipped.append(case.name)
            continue
        expected = expected_text(case / "expected.html")
        pages.append(Page("readability", f"readability/{case.name}", None, body, sample=expected,
                          expected=Counter(token.casefold() for token in TOKEN.findall(expected))))
    return pages, skipped


def label_pages(pages: list[Page], model_path: Path) -> None:
    from pipeline.lib.language import LABEL_PREFIX, load_model

    model = load_model(str(model_path))
    for page in pages:
        text = norm(page.sample)
        labels, _ = model.predict(text, k=1) if text else ([LABEL_PREFIX + "und"], None)
        page.language = labels[0].removeprefix(LABEL_PREFIX)
        page.group = language_group(page.language, text)
        page.cls, page.rule, page.detail = page_class(page.body, page.url)


# --- Extractors -------------------------------------------------------------------------------------------------

# An extractor: (page bytes, URL or None) → text, or (text, path) where the extractor names the way it took.
Extract = Callable[[bytes, str | None], str | tuple[str, str] | None]


def trafilatura_defaults(args) -> Extract:
    import trafilatura

    return lambda body, url: trafilatura.extract(body, url=url)


def trafilatura_fast(args) -> Extract:
    import trafilatura

    return lambda body, url: trafilatura.extract(body, url=url, fast=True)


def resiliparse(args) -> Extract:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    def extract(body: bytes, url: str | None) -> str:
        return extract_plain_text(bytes_to_str(body, detect_encoding(body) or "utf-8"), main_content=True)

    return extract


def extract_settings(overrides: list[str]):
    """ExtractStageConfig() with the --set overrides applied."""
    from pipeline.core.config import ConfigError, apply_overrides
    from pipeline.lib.extraction import ExtractStageConfig

    try:
        data = apply_overrides(ExtractStageConfig().model_dump(), overrides)
        return ExtractStageConfig.model_validate(data)
    except (ConfigError, ValueError) as error:
        sys.exit(f"--set: {error}")


def corpusforge_extractor(args, output: str) -> Extract:
    from pipeline.core.decode import decode_html
    from pipeline.lib.main_text import main_text

    settings = extract_settings([*args.overrides, f"output={output}"])

    def extract(body: bytes, url: str | None):
        html = decode_html(body, None, max_replaced_share=settings.max_replaced_share).text
        if html is None:
            return "", "undecodable"
        extracted = main_text(html, url, settings.main_text, markdown=settings.output == "markdown")
        return extracted.text, extracted.path

    return extract


def corpusforge(args) -> Extract:
    return corpusforge_extractor(args, "text")


def corpusforge_markdown(args) -> Extract:
    return corpusforge_extractor(args, "markdown")


# Markdown syntax trafilatura writes, removed before scoring so that "**Bold** text" matches the snippet "Bold text".
MARKDOWN_SYNTAX = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+\.\s+|>\s*|```\w*\s*$|\|?[-:| ]+\|\s*$)|\*\*|__|`|\|",
                             re.MULTILINE)
MARKDOWN_STRUCTURE = {
    "headings": re.compile(r"^#{1,6} ", re.MULTILINE),
    "list items": re.compile(r"^\s*(?:[-*+]|\d+\.) ", re.MULTILINE),
    "table rows": re.compile(r"^\|.*\|\s*$", re.MULTILINE),
    "code blocks": re.compile(r"^```", re.MULTILINE),
}


def markdown_plain(text: str) -> str:
    return MARKDOWN_SYNTAX.sub(" ", text)


EXTRACTORS: dict[str, Callable[[argparse.Namespace], Extract]] = {
    "trafilatura-defaults": trafilatura_defaults,
    "trafilatura-fast": trafilatura_fast,
    "resiliparse": resiliparse,
    "corpusforge": corpusforge,
    "corpusforge-markdown": corpusforge_markdown,
}
MARKDOWN_EXTRACTORS = {"corpusforge-markdown"}


@dataclass
class Run:
    name: str
    texts: list[str]
    paths: Counter
    errors: list[tuple[str, str]]
    cpu_seconds: float


def run_extractor(name: str, extract: Extract, pages: list[Page]) -> Run:
    def once(page: Page) -> tuple[str, str | None]:
        try:
            result = extract(page.body, page.url)
        except Exception as error:  # scored as an empty output, as trafilatura's evaluation does
            errors.append((page.name, f"{type(error).__name__}: {error}"[:200]))
            return "", None
        if isinstance(result, tuple):
            return result[0] or "", result[1]
        return result or "", None

    errors: list[tuple[str, str]] = []
    once(pages[0])  # warm-up: lazy imports, caches
    errors.clear()
    texts, paths = [], Counter()
    started = time.process_time()
    for page in pages:
        text, path = once(page)
        texts.append(text)
        if path is not None:
            paths[path] += 1
    cpu = time.process_time() - started
    return Run(name, texts, paths, errors, cpu)


# --- Figures ----------------------------------------------------------------------------------------------------


def evaluate(run: Run, pages: list[Page], anchor: Run) -> dict:
    overall = Confusion()
    by_class = {name: Confusion() for name in CLASSES}
    by_group = {name: Confusion() for name in GROUPS}
    readability = {"all": [], **{name: [] for name in GROUPS}}
    empty, lost, damaged = [], [], []
    structure = Counter()
    for page, text, anchor_text in zip(pages, run.texts, anchor.texts, strict=True):
        if run.name in MARKDOWN_EXTRACTORS:
            for name, pattern in MARKDOWN_STRUCTURE.items():
                found = len(pattern.findall(text))
                structure[name] += found // 2 if name == "code blocks" else found  # a fence opens and closes
            text = markdown_plain(text)
        stripped = text.strip()
        if not stripped:
            empty.append(page.name)
        if len(stripped) < LOST_BELOW_CHARS and len(anchor_text.strip()) >= LOST_ANCHOR_CHARS:
            lost.append({"page": page.name, "class": page.cls, "group": page.group, "language": page.language,
                         "chars": len(stripped), "anchor_chars": len(anchor_text.strip())})
        sign = mojibake(text, page.group)
        if sign:
            damaged.append({"page": page.name, "group": page.group, "sign": sign})
        if page.dataset == "trafilatura":
            output = norm(text)
            for confusion in (overall, by_class[page.cls], by_group[page.group]):
                confusion.add(page, output)
        else:
            scores = token_scores(text, page.expected)
            readability["all"].append(scores)
            readability[page.group].append(scores)

    def mean_scores(rows: list[tuple[float, float, float]]) -> dict:
        if not rows:
            return {"n": 0}
        return {"n": len(rows), **{key: sum(row[i] for row in rows) / len(rows)
                                   for i, key in enumerate(("precision", "recall", "f1"))}}

    class_n = Counter(page.cls for page in pages if page.dataset == "trafilatura")
    group_n = Counter(page.group for page in pages if page.dataset == "trafilatura")
    return {
        "snippets": overall.scores(),
        "by_class": {name: {"pages": class_n[name], **by_class[name].scores()} for name in CLASSES},
        "by_group": {name: {"pages": group_n[name], **by_group[name].scores()} for name in GROUPS},
        "readability": {name: mean_scores(rows) for name, rows in readability.items()},
        "pages": len(pages),
        "empty": len(empty),
        "empty_share": len(empty) / len(pages),
        "empty_pages": empty,
        "lost": lost,
        "mojibake": damaged,
        "errors": [{"page": page, "error": error} for page, error in run.errors],
        "paths": dict(run.paths.most_common()),
        "cpu_seconds": run.cpu_seconds,
        "pages_per_cpu_second": len(pages) / run.cpu_seconds if run.cpu_seconds else 0.0,
        "average_chars": sum(len(text) for text in run.texts) / len(pages),
        "markdown_structure": {name: structure[name] for name in MARKDOWN_STRUCTURE} if structure else {},
    }


def text_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(width) if i == 0 else cell.rjust(width)
                               for i, (cell, width) in enumerate(zip(row, widths, strict=True)))
                     for row in [header, *rows])


def percent(value: float) -> str:
    return f"{100 * value:.1f}"


def print_report(results: dict[str, dict], pages: list[Page], skipped: list[str], overrides: list[str]) -> None:
    evaluation = [page for page in pages if page.dataset == "trafilatura"]
    readability = [page for page in pages if page.dataset == "readability"]
    print(f"\npages: {len(evaluation)} annotated (trafilatura eval set), {len(readability)} real Readability pages "
          f"({len(skipped)} synthetic cases skipped)")
    for dataset, subset in (("trafilatura set", evaluation), ("readability set", readability)):
        classes = Counter(page.cls for page in subset)
        groups = Counter(page.group for page in subset)
        print(f"{dataset}: classes " + ", ".join(f"{name} {classes[name]}" for name in CLASSES)
              + "; language groups " + ", ".join(f"{name} {groups[name]}" for name in GROUPS))
    if overrides:
        print("corpusforge settings: " + " ".join(f"--set {item}" for item in overrides))
    anchor_speed = results[ANCHOR]["pages_per_cpu_second"]
    header = ["extractor", "F1", "P", "R", "acc", "rdb F1", "empty %", "lost", "mojibake", "avg chars",
              "pages/CPU-s", "× anchor"]
    rows = []
    for name, result in results.items():
        snippets = result["snippets"]
        rows.append([name, f"{snippets['f1']:.3f}", f"{snippets['precision']:.3f}", f"{snippets['recall']:.3f}",
                     f"{snippets['accuracy']:.3f}", f"{result['readability']['all'].get('f1', 0):.3f}",
                     percent(result["empty_share"]), str(len(result["lost"])), str(len(result["mojibake"])),
                     f"{result['average_chars']:,.0f}", f"{result['pages_per_cpu_second']:.1f}",
                     f"{result['pages_per_cpu_second'] / anchor_speed:.2f}"])
    print(f"\nF1/P/R/acc: snippets of the trafilatura set; rdb F1: token F1 against Readability.js; empty, lost, "
          f"mojibake, chars and speed over all {len(pages)} pages. lost: < {LOST_BELOW_CHARS} chars where "
          f"{ANCHOR} has >= {LOST_ANCHOR_CHARS}.")
    print(text_table(header, rows))
    for title, key, names in (("page class", "by_class", CLASSES), ("language group", "by_group", GROUPS)):
        first = next(iter(results.values()))[key]
        print(f"\nsnippet F1 by {title} (trafilatura set; n = pages)")
        print(text_table(["extractor", *(f"{name} (n={first[name]['pages']})" for name in names)],
                         [[extractor, *(f"{result[key][name]['f1']:.3f}" if result[key][name]["pages"] else "-"
                                        for name in names)] for extractor, result in results.items()]))
    first = next(iter(results.values()))["readability"]
    print("\ntoken F1 against Readability.js by language group (readability set; n = pages)")
    print(text_table(["extractor", *(f"{name} (n={first[name]['n']})" for name in ("all", *GROUPS))],
                     [[extractor, *(f"{result['readability'][name]['f1']:.3f}" if result["readability"][name]["n"]
                                    else "-" for name in ("all", *GROUPS))] for extractor, result in results.items()]))
    for name, result in results.items():
        if result["paths"]:
            print(f"\n{name}: pages per path: " + ", ".join(f"{path} {n}" for path, n in result["paths"].items()))
        if result["errors"]:
            print(f"\n{name}: {len(result['errors'])} errors, first: {result['errors'][0]}")
        if result["lost"] and name != ANCHOR:
            print(f"\n{name}: lost pages ({len(result['lost'])})")
            for item in result["lost"]:
                print(f"  {item['page']:<55} {item['class']:<20} {item['language']:<4} {item['chars']:>3} chars, "
                      f"anchor {item['anchor_chars']:,}")
        if result["mojibake"]:
            print(f"\n{name}: mojibake ({len(result['mojibake'])})")
            for item in result["mojibake"]:
                print(f"  {item['page']:<55} {item['group']:<12} {item['sign']!r}")
        if result["markdown_structure"]:
            print(f"\n{name}: Markdown kept " + ", ".join(f"{n:,} {what}"
                                                         for what, n in result["markdown_structure"].items())
                  + " (scored with the Markdown syntax removed)")
    met = goals(results)
    if met:
        print("\ngoals (corpusforge): " + ", ".join(f"{goal}: {'met' if ok else 'MISSED'}" for goal, ok in met.items()))


GOAL_SPEED = 1.3  # pages per CPU-second against the anchor
STRETCH_SPEED, STRETCH_F1_GAP = 3.0, 0.01  # where no peer is: within 0.01 F1 of the anchor at >= 3x its speed


def goals(results: dict[str, dict], name: str = "corpusforge") -> dict[str, bool] | None:
    """Each goal of the extraction work, met or not, for the corpusforge extractor: F1 >= the anchor's on every page
    class and language group that has pages, no page lost where the anchor finds >= LOST_ANCHOR_CHARS, speed >= 1.3x;
    and the stretch goal."""
    if name not in results:
        return None
    ours, anchor = results[name], results[ANCHOR]
    met = {}
    for key, names in (("by_class", CLASSES), ("by_group", GROUPS)):
        for group in names:
            if ours[key][group]["pages"]:
                met[f"F1 {group} >= anchor"] = ours[key][group]["f1"] >= anchor[key][group]["f1"] - 1e-9
    met["no lost pages"] = not ours["lost"]
    speed = ours["pages_per_cpu_second"] / anchor["pages_per_cpu_second"]
    met[f"speed >= {GOAL_SPEED}x"] = speed >= GOAL_SPEED
    met[f"stretch: F1 within {STRETCH_F1_GAP} at >= {STRETCH_SPEED}x"] = (
        speed >= STRETCH_SPEED and ours["snippets"]["f1"] >= anchor["snippets"]["f1"] - STRETCH_F1_GAP)
    return met


def filter_section(pages: list[Page], run: Run, model_path: Path) -> dict:
    """The quality rules on the articles as corpusforge extracts them, and on hand-assembled spam
    (bench/filter_rules.py)."""
    from filter_rules import good_text_report, spam_report

    from pipeline.core.decode import decode_html
    from pipeline.lib.extraction import page_title
    from pipeline.lib.language import LABEL_PREFIX, load_model

    model = load_model(str(model_path))
    articles = []
    for page, text in zip(pages, run.texts, strict=True):
        if page.cls != ARTICLE or not text.strip():
            continue
        labels, _ = model.predict(" ".join(text.split())[:2000], k=1)
        html = decode_html(page.body, None).text or ""
        articles.append((page.name, labels[0].removeprefix(LABEL_PREFIX), page_title(html), text))
    return {"good_text": good_text_report(articles), "spam": spam_report()}


def save(path: Path, argv: list[str], results: dict[str, dict], pages: list[Page], skipped: list[str],
         args, started: str, filtering: dict | None = None) -> None:
    """bench/results/quality.json in the shape of bench_results.save_result, plus settings and details."""
    anchor_speed = results[ANCHOR]["pages_per_cpu_second"]
    ratios, figures = {}, {}
    for name, result in results.items():
        if name != ANCHOR:
            ratios[f"{name} pages/CPU-s / {ANCHOR}"] = result["pages_per_cpu_second"] / anchor_speed
    if "corpusforge" in results and results[ANCHOR]["snippets"]["f1"]:
        ratios[f"corpusforge F1 / {ANCHOR}"] = (results["corpusforge"]["snippets"]["f1"]
                                                / results[ANCHOR]["snippets"]["f1"])
    evaluation = [page for page in pages if page.dataset == "trafilatura"]
    readability = [page for page in pages if page.dataset == "readability"]
    classes = Counter(page.cls for page in evaluation)
    groups = Counter(page.group for page in evaluation)
    figures["pages: trafilatura set / readability set"] = [len(evaluation), len(readability)]
    if filtering:
        good, spam = filtering["good_text"], filtering["spam"]
        figures["filter: good articles dropped % (all / worst language)"] = [
            100 * good["dropped_share"], 100 * good["worst_language_share"]]
        if spam:
            figures["filter: spam recall % (spam rule / any rule)"] = [100 * spam["recall"],
                                                                       100 * spam["recall_any_rule"]]
            if "hard_negatives" in spam:
                figures["filter: honest pages on spam topics dropped by the spam rule %"] = [
                    100 * spam["hard_negatives"]["spam_rule_share"]]
    figures["trafilatura set pages per class (" + " / ".join(CLASSES) + ")"] = [classes[name] for name in CLASSES]
    figures["trafilatura set pages per language group (" + " / ".join(GROUPS) + ")"] = [groups[n] for n in GROUPS]
    for name, result in results.items():
        snippets = result["snippets"]
        figures[f"{name}: snippet F1 / P / R"] = [snippets["f1"], snippets["precision"], snippets["recall"]]
        figures[f"{name}: F1 per class (" + " / ".join(CLASSES) + ")"] = [result["by_class"][cls]["f1"]
                                                                            for cls in CLASSES]
        figures[f"{name}: F1 per language group (" + " / ".join(GROUPS) + ")"] = [result["by_group"][group]["f1"]
                                                                                 for group in GROUPS]
        figures[f"{name}: readability token F1"] = result["readability"]["all"].get("f1", 0.0)
        figures[f"{name}: empty %"] = 100 * result["empty_share"]
        figures[f"{name}: lost pages"] = len(result["lost"])
        figures[f"{name}: mojibake pages"] = len(result["mojibake"])
        figures[f"{name}: average chars"] = result["average_chars"]
        figures[f"{name}: pages/CPU-s"] = result["pages_per_cpu_second"]
    document = {
        "schema": SCHEMA_VERSION,
        "name": "quality",
        "command": command_line(argv),
        "date": started,
        **git_commit(),
        "machine": machine(),
        "anchor": f"{ANCHOR}: trafilatura.extract(html_bytes, url=url) with its defaults; pages per CPU-second "
                  f"and lost pages against it",
        "goal": f"corpusforge: F1 >= {ANCHOR} on every page class and language group, no lost page, pages per "
                f"CPU-second >= {GOAL_SPEED}x; stretch: within {STRETCH_F1_GAP} F1 at >= {STRETCH_SPEED}x",
        "goals_met": goals(results),
        "ratios": rounded(ratios),
        "figures": rounded(figures),
        "settings": {
            "extractors": list(results),
            "corpusforge_overrides": args.overrides,
            "limit": args.limit,
            "readability_min_source_bytes": MIN_REAL_SOURCE_BYTES,
            "readability_skipped_cases": skipped,
            "lost_below_chars": LOST_BELOW_CHARS,
            "lost_anchor_chars": LOST_ANCHOR_CHARS,
            "classes": {dataset: dict(Counter(p.cls for p in pages if p.dataset == dataset))
                        for dataset in ("trafilatura", "readability")},
            "language_groups": {dataset: dict(Counter(p.group for p in pages if p.dataset == dataset))
                                for dataset in ("trafilatura", "readability")},
            "languages": dict(Counter(page.language for page in pages).most_common()),
        },
        "details": rounded(results),
        "filter": filtering,
        "class_rules": dict(Counter(f"{page.cls}: {page.rule}" for page in pages if page.rule).most_common()),
        "not_articles": {page.name: f"{page.cls}: {page.rule} ({page.detail})" for page in pages if page.rule},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nresult saved to {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--realweb", type=Path, default=ROOT.parent / "shared" / "realweb",
                        help="folder holding extraction/%(prog)s's two tarballs (default: ../shared/realweb from "
                             "the repository root)")
    parser.add_argument("--extractors", default=",".join(EXTRACTORS),
                        help=f"comma-separated, from {', '.join(EXTRACTORS)} (default: all); {ANCHOR}, the "
                             f"anchor, always runs")
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                        help="override a field of corpusforge's ExtractStageConfig (repeatable), "
                             "e.g. --set main_text.mode=full")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="only the first N pages of each set, for quick iteration")
    parser.add_argument("--lid-model", type=Path, default=ROOT / "models" / "lid.176.ftz",
                        help="fastText lid.176 model for the language groups (default: models/lid.176.ftz)")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR / "quality.json",
                        help="where to write the result (default: bench/results/quality.json; pass another path "
                             "with --limit to keep the standard result)")
    args = parser.parse_args()
    chosen = [name.strip() for name in args.extractors.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in EXTRACTORS]
    if unknown:
        parser.error(f"unknown extractor(s) {', '.join(unknown)}; choose from {', '.join(EXTRACTORS)}")
    chosen = [ANCHOR, *(name for name in chosen if name != ANCHOR)]
    if not args.lid_model.is_file():
        parser.error(f"{args.lid_model} not found: run `make setup` or pass --lid-model")
    started = datetime.now(UTC).isoformat(timespec="seconds")
    extractors = {name: EXTRACTORS[name](args) for name in chosen}  # settings errors before the long part

    with tempfile.TemporaryDirectory(prefix="quality-") as folder:
        unpack(args.realweb, Path(folder))
        evaluation = trafilatura_pages(Path(folder))
        readability, skipped = readability_pages(Path(folder))
    if args.limit:
        evaluation, readability = evaluation[:args.limit], readability[:args.limit]
    pages = evaluation + readability
    label_pages(pages, args.lid_model)

    runs = {}
    for name, extract in extractors.items():
        print(f"{name}: extracting {len(pages)} pages ...", flush=True)
        runs[name] = run_extractor(name, extract, pages)
    results = {name: evaluate(run, pages, runs[ANCHOR]) for name, run in runs.items()}
    print_report(results, pages, skipped, args.overrides)
    filtering = None
    if "corpusforge" in runs:
        from filter_rules import print_filter_report

        filtering = filter_section(pages, runs["corpusforge"], args.lid_model)
        print_filter_report(filtering)
    save(args.out, sys.argv, results, pages, skipped, args, started, filtering)


if __name__ == "__main__":
    main()
