"""Serialise the mini web as Common Crawl does: WARC (request, response, metadata), WAT (JSON metadata with
links) and WET (plain text) files, one gzip member per record, plus paths listings and truth.json."""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
import itertools
import json
import random
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pipeline.sample import text as prose
from pipeline.sample.web import Host, Link, Page, WebBuilder, in_script

CRAWL = "CC-MAIN-SAMPLE"
SEGMENTS = ("1708300000000.10", "1708300000000.20")
CRAWL_START = datetime(2024, 2, 20, tzinfo=UTC)
HTML_LANG = {"en": "en", "de": "de", "fr": "fr", "es": "es", "ru": "ru", "ja": "ja", "zh": "zh-CN", "pt": "pt-BR",
             "it": "it", "pl": "pl", "tr": "tr", "id": "id", "vi": "vi", "ko": "ko", "ar": "ar", "hi": "hi", "th": "th"}
RIGHT_TO_LEFT = {"ar"}
CLD2 = {"en": ("eng", "ENGLISH"), "de": ("deu", "GERMAN"), "fr": ("fra", "FRENCH"), "es": ("spa", "SPANISH"),
        "ru": ("rus", "RUSSIAN"), "ja": ("jpn", "Japanese"), "zh": ("zho", "Chinese"), "pt": ("por", "PORTUGUESE"),
        "it": ("ita", "ITALIAN"), "pl": ("pol", "POLISH"), "tr": ("tur", "TURKISH"), "id": ("ind", "INDONESIAN"),
        "vi": ("vie", "VIETNAMESE"), "ko": ("kor", "Korean"), "ar": ("ara", "ARABIC"), "hi": ("hin", "HINDI"),
        "th": ("tha", "THAI")}
WAT_PATHS = {"a": "A@/href", "area": "AREA@/href", "img": "IMG@/src", "link": "LINK@/href", "script": "SCRIPT@/src"}


def sha1_digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


@dataclass
class Capture:
    url: str
    page: Page | None  # None for a redirect from an old host name
    status: int
    http: bytes  # the HTTP response (headers + body)
    html_text: str | None
    links: list[dict]
    head: dict
    location: str | None = None
    date: datetime = CRAWL_START
    ids: dict[str, str] = field(default_factory=dict)


class RecordIds:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def new(self) -> str:
        return f"<urn:uuid:{uuid.UUID(int=self.rng.getrandbits(128), version=4)}>"


def warc_record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    lines = ["WARC/1.0", *(f"{name}: {value}" for name, value in headers), f"Content-Length: {len(block)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + block + b"\r\n\r\n"


def member(record: bytes) -> bytes:
    return gzip.compress(record, compresslevel=6, mtime=0)


# ---- HTML ------------------------------------------------------------------------------------
def render_page(page: Page, boiler: prose.Boilerplate) -> tuple[str, list[dict], dict]:
    """The page's HTML, its links exactly as a WAT extractor would list them, and its <head> metadata."""
    doc = page.document
    assert doc is not None
    links: list[dict] = []

    def record(link: Link, text: str = "") -> None:
        """List a link as the page's WAT record will, in document order."""
        links.append({"tag": link.tag, "href": link.href, "url": link.url, "text": text, "rel": link.rel,
                      "host": link.host})

    def anchor(link: Link, text: str | None = None) -> str:
        label = text if text is not None else link.text
        record(link, label)
        rel = f' rel="{link.rel}"' if link.rel else ""
        return f'<a href="{html.escape(link.href)}"{rel}>{html.escape(label)}</a>'

    head_meta = []
    if page.declared in ("meta", "both"):
        if page.label.lower() in ("gb2312", "shift_jis", "windows-1251") and len(page.url) % 2:
            head_meta.append(f'<meta http-equiv="Content-Type" content="text/html; charset={page.label}">')
        else:
            head_meta.append(f'<meta charset="{page.label}">')
    description = doc.paragraphs[0][:150] if doc.paragraphs else doc.title
    direction = ' dir="rtl"' if page.lang in RIGHT_TO_LEFT else ""
    head_links = [link for link in page.links if link.tag == "link"]
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{HTML_LANG.get(page.lang or "en", "en")}"{direction}>',
        "<head>",
        *head_meta,
        f"<title>{html.escape(doc.title)}</title>",
        f'<meta name="description" content="{html.escape(description)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<link rel="canonical" href="{html.escape(page.url)}">',
    ]
    if page.base_href:
        parts.append(f'<base href="{html.escape(page.base_href)}">')
    for link in head_links:
        record(link)
        parts.append(f'<link rel="{link.rel}" href="{html.escape(link.href)}">')
    for link in page.links:
        if link.tag == "script":
            record(link)
            parts.append(f'<script src="{html.escape(link.href)}" defer></script>')
    parts += ["</head>", "<body>", '<header class="site-header">',
              f'<div class="logo">{html.escape(page.host.site_name)}</div>', "<nav><ul>"]
    nav_links = [link for link in page.links if link.text == "nav"]
    for number, label in enumerate(boiler.nav):
        if number < len(nav_links):
            parts.append(f"<li>{anchor(nav_links[number], label)}</li>")
        else:
            path = f"/section/{number}"
            fake = Link("a", path, f"https://{page.host.name}{path}", label, host=page.host.name)
            parts.append(f"<li>{anchor(fake)}</li>")
    parts += ["</ul></nav>", "</header>", "<main>", "<article>", f"<h1>{html.escape(doc.title)}</h1>"]
    if page.low_kind == "link_list":
        parts.append("<ul>")
        for number, paragraph in enumerate(doc.paragraphs):
            path = f"/go/{number}"
            fake = Link("a", path, f"https://{page.host.name}{path}", paragraph, host=page.host.name)
            parts.append(f"<li>{anchor(fake)}</li>")
        parts.append("</ul>")
    else:
        parts += _body_blocks(doc)
    parts += ["</article>", "</main>"]
    content_links = [link for link in page.links if link.tag == "a" and link.text != "nav"]
    if content_links:
        parts += ['<aside class="related">', f"<h2>{html.escape(boiler.sidebar_title)}</h2>", "<ul>"]
        parts += [f"<li>{anchor(link)}</li>" for link in content_links]
        parts += ["</ul>", "</aside>"]
    for link in page.links:
        if link.tag == "area":
            record(link)
            parts.append(f'<map name="m"><area shape="rect" coords="0,0,10,10" href="{html.escape(link.href)}"></map>')
        elif link.tag == "img":
            record(link)
            parts.append(f'<img src="{html.escape(link.href)}" alt="">')
    parts += ["<footer>", *(f"<p>{html.escape(line)}</p>" for line in boiler.footer), "</footer>",
              "</body>", "</html>"]
    head = {"Title": doc.title, "Metas": [{"name": "description", "content": description},
                                          {"name": "viewport", "content": "width=device-width, initial-scale=1"}],
            "Link": [{"path": "LINK@/href", "url": page.url, "rel": "canonical"}]}
    if page.base_href:
        head["Base"] = page.base_href
    return "\n".join(parts), links, head


def _body_blocks(doc: prose.Document) -> list[str]:
    """The article's paragraphs as their elements: <p>, a code block (<pre><code>), list items in one <ul>."""
    parts: list[str] = []
    in_list = False
    for number, paragraph in enumerate(doc.paragraphs):
        block = doc.blocks[number] if number < len(doc.blocks) else "p"
        if in_list and block != "li":
            parts.append("</ul>")
            in_list = False
        if block == "pre":
            parts.append(f"<pre><code>{html.escape(paragraph)}</code></pre>")
        elif block == "li":
            if not in_list:
                parts.append("<ul>")
                in_list = True
            parts.append(f"<li>{html.escape(paragraph)}</li>")
        else:
            parts.append(f"<p>{html.escape(paragraph)}</p>")
    if in_list:
        parts.append("</ul>")
    return parts


def http_response(status: int, headers: list[tuple[str, str]], body: bytes) -> bytes:
    reason = {200: "OK", 301: "Moved Permanently", 404: "Not Found"}[status]
    lines = [f"HTTP/1.1 {status} {reason}", "Server: nginx", *(f"{k}: {v}" for k, v in headers),
             f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def page_capture(page: Page, rng: random.Random) -> Capture:
    if page.content_type != "text/html":
        http = http_response(page.status, [("Content-Type", page.content_type)], page.body)
        return Capture(page.url, page, page.status, http, None, [], {})
    boiler = in_script(prose.boilerplate(page.lang or "en", page.host.site_name, rng), page.host.script)
    document, links, head = render_page(page, boiler)
    # Link texts naming sites in other scripts become &#NNNN; references, as real legacy-charset pages do;
    # the main text is always in the page's own charset.
    body = document.encode(page.charset, errors="xmlcharrefreplace")
    content_type = "text/html"
    if page.declared in ("header", "both"):
        content_type += f"; charset={page.label}"
    http = http_response(page.status, [("Content-Type", content_type)], body)
    return Capture(page.url, page, page.status, http, document, links, head)


def redirect_capture(source_url: str, target_url: str) -> Capture:
    http = http_response(301, [("Location", target_url), ("Content-Type", "text/html")], b"")
    return Capture(source_url, None, 301, http, None, [], {}, location=target_url)


# ---- WARC / WAT / WET --------------------------------------------------------------------------
def visible_text(capture: Capture) -> str:
    page = capture.page
    if page is None or page.document is None:
        return ""
    return "\n".join([page.document.title, *page.document.paragraphs])


def build_wat_json(capture: Capture, warc_name: str, offset: int, headers: dict, kind: str) -> dict:
    envelope: dict = {"Format": "WARC", "WARC-Header-Length": "0", "WARC-Header-Metadata": headers}
    if kind == "response":
        http_text = capture.http.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        version, status, *reason = http_text[0].split(" ", 2)
        http_headers = dict(line.split(": ", 1) for line in http_text[1:])
        response: dict = {"Response-Message": {"Version": version, "Status": status, "Reason": " ".join(reason)},
                          "Headers": http_headers, "Headers-Length": str(len(capture.http))}
        if capture.html_text is not None:
            response["HTML-Metadata"] = {
                "Head": capture.head,
                "Links": [
                    {"path": WAT_PATHS[link["tag"]], "url": link["href"], **({"text": link["text"]} if link["text"]
                                                                              else {}),
                     **({"rel": link["rel"]} if link["rel"] else {})}
                    for link in capture.links if link["tag"] != "link" or link["rel"] != "canonical"
                ],
            }
        envelope["Payload-Metadata"] = {"Actual-Content-Type": "application/http; msgtype=response",
                                        "HTTP-Response-Metadata": response}
    else:
        envelope["Payload-Metadata"] = {"Actual-Content-Type": f"application/http; msgtype={kind}"}
    return {"Container": {"Filename": warc_name, "Compressed": True, "Offset": str(offset)}, "Envelope": envelope}


@dataclass
class FileSet:
    segment: str
    number: int
    captures: list[Capture]
    crawl: str = CRAWL

    def name(self, kind: str) -> str:
        stem = f"CC-MAIN-20240220000000-20240220030000-{self.number:05d}.warc"
        return {"warc": f"{stem}.gz", "wat": f"{stem}.wat.gz", "wet": f"{stem}.wet.gz"}[kind]

    def relative(self, kind: str) -> str:
        return f"crawl-data/{self.crawl}/segments/{self.segment}/{kind}/{self.name(kind)}"


def warcinfo(ids: RecordIds, filename: str, date: str) -> bytes:
    block = (f"software: corpusforge-sample\r\nformat: WARC File Format 1.0\r\nfilename: {filename}\r\n"
             "robots: checked via crawler-commons\r\n").encode()
    return warc_record([("WARC-Type", "warcinfo"), ("WARC-Date", date), ("WARC-Filename", filename),
                        ("WARC-Record-ID", ids.new()), ("Content-Type", "application/warc-fields")], block)


def capture_warc_members(capture: Capture, ids: RecordIds) -> list[tuple[bytes, str]]:
    """The request, response and metadata records of a capture, each a gzip member (and the capture's record ids)."""
    date = capture.date.strftime("%Y-%m-%dT%H:%M:%SZ")
    path = capture.url.split("/", 3)[3] if capture.url.count("/") >= 3 else ""
    host = capture.url.split("/")[2]
    request = (f"GET /{path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: CCBot/2.0\r\n"
               "Accept: text/html,application/xhtml+xml\r\nAccept-Language: en-US,en;q=0.5\r\n\r\n").encode()
    capture.ids = {"request": ids.new(), "response": ids.new(), "metadata": ids.new()}
    body = capture.http.split(b"\r\n\r\n", 1)[1]
    base = [("WARC-Date", date), ("WARC-Target-URI", capture.url)]
    members = [(member(warc_record(
        [("WARC-Type", "request"), *base, ("WARC-Record-ID", capture.ids["request"]),
         ("Content-Type", "application/http; msgtype=request")], request)), "request")]
    payload_type = capture.page.content_type if capture.page else "text/html"
    members.append((member(warc_record(
        [("WARC-Type", "response"), *base, ("WARC-Record-ID", capture.ids["response"]),
         ("WARC-Concurrent-To", capture.ids["request"]), ("Content-Type", "application/http; msgtype=response"),
         ("WARC-Payload-Digest", sha1_digest(body)), ("WARC-Block-Digest", sha1_digest(capture.http)),
         ("WARC-Identified-Payload-Type", payload_type)], capture.http)), "response"))
    metadata = f"fetchTimeMs: {37 + len(body) % 400}\r\n"
    page = capture.page
    if page is not None and page.lang and page.content_type == "text/html" and page.status == 200:
        code3, name = CLD2[page.lang]
        cld2 = {"reliable": True, "text-bytes": len(visible_text(capture).encode()),
                "languages": [{"code": page.lang, "code-iso-639-3": code3, "text-covered": 0.97,
                               "score": 980.0, "name": name}]}
        metadata += f"charset-detected: {page.charset.upper()}\r\nlanguages-cld2: {json.dumps(cld2)}\r\n"
    members.append((member(warc_record(
        [("WARC-Type", "metadata"), *base, ("WARC-Record-ID", capture.ids["metadata"]),
         ("WARC-Refers-To", capture.ids["response"]), ("Content-Type", "application/warc-fields")],
        metadata.encode())), "metadata"))
    return members


def capture_wat_members(capture: Capture, ids: RecordIds, warc_name: str,
                        offsets: dict[str, int]) -> list[tuple[bytes, str]]:
    """The WAT records of a capture's three WARC records, pointing at their offsets in the WARC file."""
    date = capture.date.strftime("%Y-%m-%dT%H:%M:%SZ")
    members = []
    for kind in ("request", "response", "metadata"):
        headers = {"WARC-Type": kind, "WARC-Date": date, "WARC-Target-URI": capture.url,
                   "WARC-Record-ID": capture.ids[kind]}
        wat = build_wat_json(capture, warc_name, offsets.get(kind, -1), headers, kind)
        block = json.dumps(wat, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        members.append((member(warc_record(
            [("WARC-Type", "metadata"), ("WARC-Target-URI", capture.url), ("WARC-Date", date),
             ("WARC-Record-ID", ids.new()), ("WARC-Refers-To", capture.ids[kind]),
             ("Content-Type", "application/json")], block)), kind))
    return members


def capture_wet_member(capture: Capture, ids: RecordIds) -> bytes | None:
    """The WET conversion record of an HTML page with text, or None."""
    page = capture.page
    if page is None or capture.html_text is None or capture.status != 200:
        return None
    text = visible_text(capture).encode("utf-8")
    return member(warc_record(
        [("WARC-Type", "conversion"), ("WARC-Target-URI", capture.url),
         ("WARC-Date", capture.date.strftime("%Y-%m-%dT%H:%M:%SZ")), ("WARC-Record-ID", ids.new()),
         ("WARC-Refers-To", capture.ids["response"]), ("WARC-Block-Digest", sha1_digest(text)),
         ("WARC-Identified-Content-Language", CLD2[page.lang][0] if page.lang else "unknown"),
         ("Content-Type", "text/plain")], text))


def _surt(url: str, host: str) -> str:
    """Common Crawl's url_surtkey (com,example)/path?query), without the www. prefix as CC writes it."""
    rest = url.split("://", 1)[-1]
    path = rest[rest.find("/"):] if "/" in rest else "/"
    return ",".join(reversed(host.removeprefix("www.").split("."))) + ")" + path.lower()


def cc_index_row(capture: Capture, warc_relative: str, segment: str, offset: int, length: int) -> dict:
    """One row of Common Crawl's columnar URL index for a response record, filled as CC's indexer fills it."""
    from urllib.parse import urlsplit

    from pipeline.lib.hosts import registered_domain

    parts = urlsplit(capture.url)
    host = (parts.hostname or "").lower()
    head = capture.http.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in head[1:])}
    mime = headers.get("content-type", "").split(";")[0].strip().lower() or None
    page = capture.page
    html_page = page is not None and page.content_type == "text/html" and capture.status == 200
    body = capture.http.split(b"\r\n\r\n", 1)[1]
    return {
        "url_surtkey": _surt(capture.url, host), "url": capture.url, "url_host_name": host,
        "url_host_tld": host.rsplit(".", 1)[-1], "url_host_registered_domain": registered_domain(host),
        "url_host_name_reversed": ".".join(reversed(host.split("."))), "url_protocol": parts.scheme,
        "url_port": parts.port, "url_path": parts.path or "/", "url_query": parts.query or None,
        "fetch_time": capture.date, "fetch_status": capture.status, "fetch_redirect": capture.location,
        "content_digest": sha1_digest(body).removeprefix("sha1:"), "content_mime_type": mime,
        "content_mime_detected": page.content_type if page is not None else mime,
        "content_charset": page.charset.upper() if html_page else None,
        "content_languages": CLD2[page.lang][0] if html_page and page.lang else None,
        "content_truncated": None, "warc_filename": warc_relative, "warc_record_offset": offset,
        "warc_record_length": length, "warc_segment": segment,
    }


def write_cc_index(out: Path, rows: list[dict], part: int, crawl: str = CRAWL) -> None:
    """One Parquet file of the URL index in Common Crawl's layout (crawl and subset are partition folders)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.lib.ccindex import arrow_schema

    folder = out / "cc-index" / "table" / "cc-main" / "warc" / f"crawl={crawl}" / "subset=warc"
    folder.mkdir(parents=True, exist_ok=True)
    rows = sorted(rows, key=lambda row: (row["url_surtkey"], row["fetch_time"]))  # CC's index is SURT-sorted
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema()), folder / f"part-{part:05d}.c000.gz.parquet",
                   compression="gzip")


def write_files(fileset: FileSet, root: Path, ids: RecordIds, damage: dict[str, str], truth_damage: list) -> list[dict]:
    """Write one WARC, WAT and WET file; ``damage`` says which kinds get which deliberate fault."""
    warc_members: list[tuple[bytes, Capture | None, str]] = []
    date0 = fileset.captures[0].date.strftime("%Y-%m-%dT%H:%M:%SZ") if fileset.captures else "2024-02-20T00:00:00Z"
    warc_members.append((member(warcinfo(ids, fileset.name("warc"), date0)), None, "warcinfo"))
    for capture in fileset.captures:
        warc_members += [(data, capture, kind) for data, kind in capture_warc_members(capture, ids)]

    warc_members = _damage(warc_members, damage.get("warc"), fileset.relative("warc"), truth_damage)
    offsets: dict[tuple[int, str], int] = {}
    index_rows = []
    position = 0
    for data, capture, kind in warc_members:
        if capture is not None:
            offsets[(id(capture), kind)] = position
            if kind == "response":  # damaged members stay in the index: a ranged read must report them too
                index_rows.append(cc_index_row(capture, fileset.relative("warc"), fileset.segment, position,
                                               len(data)))
        position += len(data)
    _write(root / fileset.relative("warc"), warc_members)

    wat_members = [(member(warcinfo(ids, fileset.name("wat"), date0)), None, "warcinfo")]
    wet_members = [(member(warcinfo(ids, fileset.name("wet"), date0)), None, "warcinfo")]
    for capture in fileset.captures:
        own = {kind: offsets[(id(capture), kind)] for kind in ("request", "response", "metadata")
               if (id(capture), kind) in offsets}
        wat_members += [(data, capture, kind) for data, kind in
                        capture_wat_members(capture, ids, fileset.name("warc"), own)]
        wet = capture_wet_member(capture, ids)
        if wet is not None:
            wet_members.append((wet, capture, "conversion"))
    _write(root / fileset.relative("wat"), _damage(wat_members, damage.get("wat"), fileset.relative("wat"),
                                                   truth_damage))
    _write(root / fileset.relative("wet"), _damage(wet_members, damage.get("wet"), fileset.relative("wet"),
                                                   truth_damage))
    return index_rows


def write_release_files(out: Path, captures: list[Capture], ids: RecordIds, file_bytes: int) -> int:
    """One WARC, WAT and WET file the size of a release's (a Common Crawl WARC file is ~1 GiB, ~35,000 responses):
    the captures written in turn, again and again under new URLs (``?copy=N``), until the WARC file holds
    ``file_bytes``. Streamed to disk, so a file of any size is written in little memory. Returns the captures
    written."""
    fileset = FileSet(SEGMENTS[0], 0, [])
    paths = {kind: out / fileset.relative(kind) for kind in ("warc", "wat", "wet")}
    for path in paths.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    date0 = CRAWL_START.strftime("%Y-%m-%dT%H:%M:%SZ")
    written = 0
    with open(paths["warc"], "wb") as warc, open(paths["wat"], "wb") as wat, open(paths["wet"], "wb") as wet:
        for kind, handle in (("warc", warc), ("wat", wat), ("wet", wet)):
            handle.write(member(warcinfo(ids, fileset.name(kind), date0)))
        for cycle in itertools.count():
            for capture in captures:
                if warc.tell() >= file_bytes:
                    return written
                if cycle:
                    separator = "&" if "?" in capture.url else "?"
                    capture = replace(capture, url=f"{capture.url}{separator}copy={cycle}", ids={},
                                      date=capture.date + timedelta(days=cycle))
                offsets = {}
                for data, kind in capture_warc_members(capture, ids):
                    offsets[kind] = warc.tell()
                    warc.write(data)
                for data, _ in capture_wat_members(capture, ids, fileset.name("warc"), offsets):
                    wat.write(data)
                text = capture_wet_member(capture, ids)
                if text is not None:
                    wet.write(text)
                written += 1
    return written


def _write(path: Path, members: list[tuple[bytes, Capture | None, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        for data, _, _ in members:
            handle.write(data)


def _damage(members: list, fault: str | None, relative: str, truth_damage: list) -> list:
    """Apply one deliberate fault, the kinds Common Crawl readers meet in practice."""
    if fault is None:
        return members
    responses = [i for i, (_, capture, kind) in enumerate(members) if kind == "response" and capture is not None]
    middle = responses[len(responses) // 2] if responses else len(members) // 2
    url = members[middle][1].url if members[middle][1] is not None else None
    members = list(members)
    if fault == "truncated_member":  # a member cut short, followed by intact members
        data, capture, kind = members[middle]
        members[middle] = (data[: len(data) * 3 // 5], capture, kind)
        truth_damage.append({"file": relative, "fault": fault, "url": url, "record": "response",
                             "expect": "corrupt_gzip"})
    elif fault == "garbage_record":  # a valid gzip member holding bytes that are not a WARC record
        junk = bytes(random.Random(relative).getrandbits(8) for _ in range(600))
        members.insert(middle, (gzip.compress(b"GARBAGE " + junk, mtime=0), None, "garbage"))
        truth_damage.append({"file": relative, "fault": fault, "url": None, "record": None,
                             "expect": "malformed_header"})
    elif fault == "garbage_bytes":  # bytes between members that are not gzip at all
        junk = b"\x00junk-between-members\x00" * 8
        members.insert(middle, (junk, None, "garbage"))
        truth_damage.append({"file": relative, "fault": fault, "url": None, "record": None,
                             "expect": "corrupt_gzip"})
    elif fault == "truncated_file":  # the download stopped inside the last member
        data, capture, kind = members[-1]
        members[-1] = (data[: len(data) // 2], capture, kind)
        truth_damage.append({"file": relative, "fault": fault, "url": capture.url if capture else None,
                             "record": kind, "expect": "truncated_gzip"})
    elif fault == "malformed_json":  # a WAT record whose JSON payload is cut off
        data, capture, kind = members[middle]
        record = gzip.decompress(data)
        head, block = record.split(b"\r\n\r\n", 1)
        block = block[: len(block) // 2]
        head = b"\r\n".join(line for line in head.split(b"\r\n") if not line.startswith(b"Content-Length"))
        members[middle] = (member(head + f"\r\nContent-Length: {len(block)}\r\n\r\n".encode() + block + b"\r\n\r\n"),
                           capture, kind)
        truth_damage.append({"file": relative, "fault": fault, "url": url, "record": "response",
                             "expect": "malformed_json"})
    else:
        raise ValueError(f"unknown fault {fault}")
    return members


def _host_truth(host: Host) -> dict:
    return {"kind": host.kind, "lang": host.lang, "charset": host.charset, "script": host.script,
            "display_name": host.display_name, "pages": len(host.pages), "redirect_from": host.redirect_from}


def _page_truth(capture: Capture) -> dict:
    page = capture.page
    if page is None:
        return {"host": capture.url.split("/")[2], "status": 301, "redirect_to": capture.location, "lang": None,
                "quality": None, "content_type": "text/html", "links": [], "spam_family": None, "pii": {},
                "contaminated": None}
    doc = page.document
    return {
        "host": page.host.name, "status": page.status, "content_type": page.content_type, "lang": page.lang,
        "quality": page.quality if page.status == 200 else None, "low_kind": page.low_kind,
        "charset": page.charset if capture.html_text is not None else None,
        "charset_declared": page.declared if capture.html_text is not None else None,
        "charset_label": page.label if capture.html_text is not None else None,
        "script": page.host.script if page.lang == "zh" else None,
        "title": doc.title if doc else None, "text": doc.text if doc and page.status == 200 else None,
        "dup_cluster": page.dup_cluster, "dup_role": page.dup_role, "base_href": page.base_href,
        "links": capture.links, "redirect_to": None,
        # Planted for the filter stage: a spam page's family, the personal data in the text (type -> values) and
        # the benchmark item a page quotes ({"benchmark": "humaneval" | "zh_exam", "item": task_id | record number}).
        "spam_family": page.spam_family, "pii": dict(page.pii), "contaminated": page.contaminated,
    }


# Deliberate faults by (file number, kind): every demo exercises bad-input handling.
FAULTS = {
    (1, "warc"): "truncated_member",
    (2, "warc"): "garbage_record",
    (3, "warc"): "garbage_bytes",
    (0, "wat"): "malformed_json",
    (2, "wat"): "truncated_member",
    (4, "wat"): "garbage_record",
    (1, "wet"): "truncated_file",
}
FILES_PER_SEGMENT = 3


def generate(out: Path, seed: int = 1, scale: int = 1, file_bytes: int | None = None, release: int = 1) -> dict:
    """Write the sample crawl; with ``file_bytes``, as one release-sized WARC/WAT/WET file set instead (the
    captures repeated under new URLs to fill it, no deliberate damage): for measuring streaming at real sizes.
    ``release`` > 1 writes a later release of the same web beside the first (``pipeline.sample.recrawl``)."""
    out = Path(out)
    builder = WebBuilder(seed, scale)
    builder.build()
    if release > 1:
        if file_bytes is not None:
            raise ValueError("a later release (--release) is written as the usual small files, not --file-mb")
        return _generate_later_release(out, builder, seed, scale, release)
    rng = random.Random(seed * 7919 + scale)
    captures: list[Capture] = []
    for host in builder.hosts:
        if host.redirect_from:
            captures.append(redirect_capture(f"http://{host.redirect_from}/", f"https://{host.name}/"))
        if host.pages and rng.random() < 0.1:
            captures.append(redirect_capture(f"http://{host.name}/", f"https://{host.name}/"))
        captures += [page_capture(page, rng) for page in host.pages]
    rng.shuffle(captures)
    for number, capture in enumerate(captures):
        capture.date = CRAWL_START + timedelta(seconds=7 * number)
    if file_bytes is not None:
        return _generate_release_sized(out, captures, RecordIds(random.Random(seed * 104729 + scale)), file_bytes,
                                       builder, seed, scale)
    files_total = len(SEGMENTS) * FILES_PER_SEGMENT * scale
    filesets = [FileSet(SEGMENTS[n % len(SEGMENTS)], n, captures[n::files_total]) for n in range(files_total)]
    last = files_total - 1
    faults = dict(FAULTS)
    faults[(last, "warc")] = "truncated_file"
    ids = RecordIds(random.Random(seed * 104729 + scale))
    truth_damage: list[dict] = []
    for fileset in filesets:
        damage = {kind: fault for (number, kind), fault in faults.items() if number == fileset.number}
        # Common Crawl's URL index beside the files, one Parquet file per WARC file: what inputs.cc_index reads.
        write_cc_index(out, write_files(fileset, out, ids, damage, truth_damage), fileset.number)
    crawl_dir = out / "crawl-data" / CRAWL
    for kind in ("warc", "wat", "wet"):
        listing = "\n".join(fileset.relative(kind) for fileset in filesets) + "\n"
        (crawl_dir / f"{kind}.paths.gz").write_bytes(gzip.compress(listing.encode(), mtime=0))
    pages = {capture.url: _page_truth(capture) for capture in captures}
    truth = {
        "crawl": CRAWL, "seed": seed, "scale": scale,
        "hosts": {host.name: _host_truth(host) for host in builder.hosts},
        "pages": pages,
        "dup_clusters": builder.dup_clusters,
        "dup_cluster_kinds": builder.cluster_kinds,
        "damaged": truth_damage,
        "files": {kind: [fileset.relative(kind) for fileset in filesets] for kind in ("warc", "wat", "wet")},
    }
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    html_pages = [p for p in pages.values() if p["content_type"] == "text/html" and p["status"] == 200]
    per_lang: dict[str, int] = {}
    for page in html_pages:
        per_lang[page["lang"]] = per_lang.get(page["lang"], 0) + 1
    summary = {
        "hosts crawled": len(builder.hosts),
        "captures": len(captures),
        "HTML pages (200)": len(html_pages),
        "languages": len(per_lang),
        **{f"pages {lang}": count for lang, count in sorted(per_lang.items())},
        "Chinese share of pages": f"{per_lang.get('zh', 0) / max(1, len(html_pages)):.1%}",
        "duplicate clusters": len(builder.dup_clusters),
        "WARC/WAT/WET files": f"{files_total} each",
        "deliberately damaged records": len(truth_damage),
        "spam family pages": sum(p["low_kind"] == "spam" for p in html_pages),
        "pages with planted personal data": sum(bool(p["pii"]) for p in html_pages),
        "pages quoting a benchmark": sum(p["contaminated"] is not None for p in html_pages),
    }
    return summary


def _generate_release_sized(out: Path, captures: list[Capture], ids: RecordIds, file_bytes: int,
                            builder: WebBuilder, seed: int, scale: int) -> dict:
    written = write_release_files(out, captures, ids, file_bytes)
    fileset = FileSet(SEGMENTS[0], 0, [])
    crawl_dir = out / "crawl-data" / CRAWL
    for kind in ("warc", "wat", "wet"):
        (crawl_dir / f"{kind}.paths.gz").write_bytes(gzip.compress(f"{fileset.relative(kind)}\n".encode(), mtime=0))
    truth = {
        "crawl": CRAWL, "seed": seed, "scale": scale, "release_sized": {"file_bytes": file_bytes,
                                                                        "captures": written},
        "hosts": {host.name: _host_truth(host) for host in builder.hosts},
        "pages": {capture.url: _page_truth(capture) for capture in captures},  # the first copy of each
        "damaged": [],
        "files": {kind: [fileset.relative(kind)] for kind in ("warc", "wat", "wet")},
    }
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    sizes = {kind: (out / fileset.relative(kind)).stat().st_size for kind in ("warc", "wat", "wet")}
    return {"hosts crawled": len(builder.hosts), "captures written": written,
            "distinct captures": len(captures), "WARC file": f"{sizes['warc'] / 2**20:,.0f} MiB",
            "WAT file": f"{sizes['wat'] / 2**20:,.0f} MiB", "WET file": f"{sizes['wet'] / 2**20:,.0f} MiB",
            "records": 3 * written}


# Common Crawl publishes a release about every two months.
RELEASE_INTERVAL = timedelta(days=60)


def _generate_later_release(out: Path, builder: WebBuilder, seed: int, scale: int, release: int) -> dict:
    """Release ``release`` of the web: the recrawled and new pages as their own crawl (``CC-MAIN-SAMPLE-<R>``)
    beside the first one, with the same file layout and columnar index, and ``truth-<crawl>.json``."""
    from pipeline.sample.recrawl import recrawl, release_crawl

    crawl = release_crawl(CRAWL, release)
    pages, fate, vanished = recrawl(builder, release)
    rng = random.Random(seed * 7919 + scale + release)
    captures = [page_capture(page, rng) for page in pages]
    rng.shuffle(captures)
    start = CRAWL_START + RELEASE_INTERVAL * (release - 1)
    for number, capture in enumerate(captures):
        capture.date = start + timedelta(seconds=7 * number)
    files_total = len(SEGMENTS) * FILES_PER_SEGMENT * scale
    filesets = [FileSet(SEGMENTS[n % len(SEGMENTS)], n, captures[n::files_total], crawl) for n in range(files_total)]
    ids = RecordIds(random.Random(seed * 104729 + scale + release))
    for fileset in filesets:
        write_cc_index(out, write_files(fileset, out, ids, {}, []), fileset.number, crawl)
    crawl_dir = out / "crawl-data" / crawl
    for kind in ("warc", "wat", "wet"):
        listing = "\n".join(fileset.relative(kind) for fileset in filesets) + "\n"
        (crawl_dir / f"{kind}.paths.gz").write_bytes(gzip.compress(listing.encode(), mtime=0))
    page_truth = {capture.url: {**_page_truth(capture), "recrawl": fate[capture.url]} for capture in captures}
    truth = {
        "crawl": crawl, "seed": seed, "scale": scale, "release": release,
        "hosts": {host.name: _host_truth(host) for host in builder.hosts if host.name not in vanished},
        "vanished_hosts": vanished,
        "pages": page_truth,
        "damaged": [],
        "files": {kind: [fileset.relative(kind) for fileset in filesets] for kind in ("warc", "wat", "wet")},
    }
    (out / f"truth-{crawl}.json").write_text(json.dumps(truth, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    html = [page for page in page_truth.values() if page["content_type"] == "text/html" and page["status"] == 200]
    return {
        "crawl": crawl,
        "captures": len(captures),
        "HTML pages (200)": len(html),
        "unchanged pages": sum(page["recrawl"] == "unchanged" for page in html),
        "edited pages": sum(page["recrawl"] == "edited" for page in html),
        "new pages": sum(page["recrawl"] == "new" for page in html),
        "vanished hosts": len(vanished),
        "WARC/WAT/WET files": f"{files_total} each",
    }
