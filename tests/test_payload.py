"""Payloads as the server meant them (chunked, gzip, deflate, Brotli, zstd undone, bombs refused) and pages that are
UTF-8 but for a few stray bytes decoded as UTF-8, never as mojibake."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import brotli
import pytest
import zstandard

from pipeline.core.decode import decode_html
from pipeline.core.payload import BAD_CONTENT_ENCODING, TOO_LARGE, dechunk, http_payload
from pipeline.core.spark import ShippedFile
from pipeline.core.warc import WarcRecord, parse_http_response
from pipeline.lib import extraction as extract_module

LID_MODEL = ShippedFile("lid.176.ftz", str(Path(__file__).resolve().parents[1] / "models" / "lid.176.ftz"))

PAGE = ("<html><head><title>Bericht</title></head><body><article><h1>Der Bericht</h1>"
        + "<p>Die Stadt hat am Montag den neuen Haushalt beschlossen, der mehr Geld für Schulen vorsieht.</p>" * 20
        + "</article></body></html>").encode()


def response(body: bytes, *headers: str) -> bytes:
    head = "".join(f"{h}\r\n" for h in ("Content-Type: text/html; charset=utf-8", *headers))
    return f"HTTP/1.1 200 OK\r\n{head}\r\n".encode() + body


def payload(block: bytes, max_bytes: int = 1 << 20, **kwargs):
    return http_payload(parse_http_response(block), max_bytes, **kwargs)


def chunked(data: bytes, size: int = 100) -> bytes:
    parts = [data[i : i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in parts) + b"0\r\n\r\n"


@pytest.mark.parametrize("name, encode", [
    ("gzip", lambda data: gzip.compress(data, mtime=0)),
    ("x-gzip", lambda data: gzip.compress(data, mtime=0)),
    ("deflate", zlib.compress),
    ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as many servers send it
    ("br", brotli.compress),
    ("zstd", zstandard.ZstdCompressor().compress),
])
def test_content_encodings_are_undone(name, encode):
    result = payload(response(encode(PAGE), f"Content-Encoding: {name}"))
    assert result.body == PAGE and result.encoding == name


def test_chunked_then_gzip_and_stacked_encodings():
    result = payload(response(chunked(gzip.compress(PAGE, mtime=0)), "Transfer-Encoding: chunked",
                              "Content-Encoding: gzip"))
    assert result.body == PAGE and result.encoding == "chunked,gzip"
    stacked = brotli.compress(gzip.compress(PAGE, mtime=0))  # gzip applied first, then br
    result = payload(response(stacked, "Content-Encoding: gzip, br"))
    assert result.body == PAGE and result.encoding == "br,gzip"


def test_common_crawl_payloads_are_already_decoded():
    # Common Crawl renames the headers it acted on: the payload it stores is the decoded page.
    result = payload(response(PAGE, "X-Crawler-Content-Encoding: gzip", "X-Crawler-Transfer-Encoding: chunked"))
    assert result.body == PAGE and result.encoding is None
    result = payload(response(PAGE, "Content-Encoding: gzip", "X-Crawler-Content-Encoding: gzip"))
    assert result.body == PAGE


def test_a_declared_encoding_the_body_does_not_have_is_taken_as_sent():
    for name in ("gzip", "deflate", "br", "zstd"):
        result = payload(response(PAGE, f"Content-Encoding: {name}"))
        assert result.body == PAGE, name
    assert payload(response(PAGE, "Transfer-Encoding: chunked")).body == PAGE  # not chunked after all


def test_bombs_and_oversized_payloads_are_too_large():
    bomb = gzip.compress(b"\0" * (50 << 20))
    result = payload(response(bomb, "Content-Encoding: gzip"), max_bytes=10 << 20)
    assert result.body is None and result.problem == TOO_LARGE
    ratio_bomb = gzip.compress(b"a" * (2 << 20))  # within the size cap, far over the ratio
    result = payload(response(ratio_bomb, "Content-Encoding: gzip"), max_bytes=10 << 20)
    assert result.problem == TOO_LARGE and "bomb" in result.detail
    result = payload(response(brotli.compress(b"b" * (30 << 20)), "Content-Encoding: br"), max_bytes=1 << 20)
    assert result.problem == TOO_LARGE


def test_corrupt_and_unknown_encodings_are_named():
    broken = bytearray(gzip.compress(PAGE, mtime=0))
    broken[20:40] = b"\xff" * 20
    assert payload(response(bytes(broken), "Content-Encoding: gzip")).problem == BAD_CONTENT_ENCODING
    result = payload(response(PAGE, "Content-Encoding: sdch"))
    assert result.problem == BAD_CONTENT_ENCODING and "sdch" in result.detail


def test_a_truncated_gzip_body_decodes_as_far_as_it_goes():
    compressed = gzip.compress(PAGE, mtime=0)
    cut = compressed[: len(compressed) * 2 // 3]
    result = payload(response(cut, "Content-Encoding: gzip"), truncated=True)
    assert result.body and PAGE.startswith(result.body)


def test_dechunk():
    assert dechunk(chunked(PAGE, 7)) == PAGE
    assert dechunk(b"5;ext=1\r\nhello\r\n0\r\n\r\n") == b"hello"
    assert dechunk(b"not chunked at all") is None


# ---- extraction sees the decoded page -------------------------------------------------------------------------
def extract(record: WarcRecord, **overrides):
    from pipeline.runner import load_config

    class Allowed:
        value = frozenset({"com.example.www"})

    settings = load_config("conf/default.yaml").stages.extract.model_copy(update=overrides)
    [row] = extract_module.extract_row(record, allowed=Allowed, settings=settings, model=LID_MODEL, crawl="X")
    names = [*extract_module.EXTRACT_DOCS.column_names, "drop_reason", "drop_detail", "drop_path", "drop_offset"]
    return dict(zip(names, row, strict=True))


def record_of(block: bytes, **warc_headers: str) -> WarcRecord:
    headers = {"warc-target-uri": "https://www.example.com/bericht", **warc_headers}
    return WarcRecord("response", headers, block, "f.warc.gz", 0, 1)


def test_a_gzip_encoded_page_is_extracted_not_dropped_as_empty():
    row = extract(record_of(response(gzip.compress(PAGE, mtime=0), "Content-Encoding: gzip")))
    assert row["drop_reason"] is None and "neuen Haushalt beschlossen" in row["text"]
    assert row["content_encoding"] == "gzip" and row["lang"] == "de"


def test_truncated_pages_are_flagged_or_dropped_as_configured():
    cut = record_of(response(PAGE[:1500]), **{"warc-truncated": "length"})
    row = extract(cut)
    assert row["drop_reason"] is None and row["truncated"] == "length"
    assert extract(record_of(response(PAGE)))["truncated"] is None
    row = extract(cut, truncated_payload="drop")
    assert row["drop_reason"] == "truncated_payload" and "length" in row["drop_detail"]


# ---- nearly-UTF-8 pages -----------------------------------------------------------------------------------
PAGES = {
    "de": "Die Bürgerinnen und Bürger der Stadt München können ab sofort ihre Anträge online stellen. "
          "Das schöne neue Portal spart Zeit und Wege, heißt es aus dem Rathaus. Für Rückfragen steht das "
          "Bürgerbüro montags bis freitags zur Verfügung; Öffnungszeiten und Gebühren finden Sie unten.",
    "fr": "La municipalité a présenté mercredi son projet de rénovation du théâtre. Les élus espèrent que les "
          "travaux, prévus à l'été, s'achèveront avant la rentrée. « C'est une étape décisive », a déclaré la maire.",
    "ru": "Городская администрация представила новый план развития общественного транспорта. По словам "
          "чиновников, к концу года на маршруты выйдут сорок новых автобусов, а интервалы движения сократятся.",
    "zh": "市政府周三公布了新的公共交通发展规划。据介绍，到今年年底将有四十辆新公交车投入运营，"
          "高峰时段的发车间隔将缩短到五分钟以内。市民可以通过手机应用实时查询车辆到站信息。",
}


def html_page(text: str) -> str:
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{text[:20]}</title></head><body>"
            f"<nav><a href=\"/\">Start</a> | <a href=\"/news\">News</a></nav><main><article><p>{text}</p>"
            f"<p>{text}</p></article></main><footer>© 2024</footer></body></html>")


@pytest.mark.parametrize("lang", sorted(PAGES))
@pytest.mark.parametrize("strays", [1, 3, 5])
@pytest.mark.parametrize("declared", ["utf-8", None, "iso-8859-1"])
def test_utf8_pages_with_stray_bytes_decode_as_utf8(lang, strays, declared):
    page = html_page(PAGES[lang])
    body = page.encode()
    # Stray Windows-1252 bytes (a curly quote, an en dash, a non-breaking space) between characters.
    spots = [body.index(b"<p>") + 3 + i * 37 for i in range(strays)]
    spots = [next(j for j in range(spot, len(body)) if body[j] < 0x80) for spot in spots]
    damaged = bytearray(body)
    for spot in reversed(spots):
        damaged[spot:spot] = b"\x92"
    text, codec, _, replaced = decode_html(bytes(damaged), declared)
    assert codec == "utf-8" and replaced == strays
    assert text.replace("\ufffd", "") == page
    assert text.count("\ufffd") == strays


def test_too_many_stray_bytes_are_undecodable_and_single_byte_pages_still_decode():
    page = html_page(PAGES["de"]).encode()
    noisy = page.replace(b" ", b" \x92")  # a stray byte after every space: more than 1% of the page
    text, _, source, replaced = decode_html(noisy, "utf-8")
    assert text is None and source == "undecodable" and replaced > 0.01 * len(noisy)
    # A Windows-1252 page wrongly declared UTF-8 has no valid UTF-8 sequence at all: it is not "nearly UTF-8".
    latin = html_page(PAGES["de"]).encode("cp1252")
    text, codec, _, replaced = decode_html(latin, "utf-8")
    assert text == html_page(PAGES["de"]) and codec == "cp1252" and replaced == 0
    chinese = html_page(PAGES["zh"])
    assert decode_html(chinese.encode("gb18030"), "utf-8")[:2] == (chinese, "gb18030")
