"""The WARC/WAT reader on damaged input: every good record delivered, every bad one a counted skip."""

import gzip
import io
import json

from pipeline.warc import (
    CORRUPT_GZIP,
    MALFORMED_HEADER,
    MALFORMED_JSON,
    TOO_LARGE,
    TRUNCATED_GZIP,
    TRUNCATED_RECORD,
    Skip,
    WarcRecord,
    iter_warc_stream,
    parse_content_type,
    parse_http_response,
    with_wat_json,
)


def record(number: int, body: bytes | None = None, warc_type: str = "response") -> bytes:
    block = body if body is not None else (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=GBK\r\n\r\n<html>page %d</html>" % number
    )
    head = (
        f"WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: https://example.com/{number}\r\n"
        f"WARC-Date: 2024-02-20T00:00:0{number % 10}Z\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def members(count: int) -> list[bytes]:
    return [gzip.compress(record(n), mtime=0) for n in range(count)]


def read(data: bytes, max_bytes: int = 1 << 20) -> tuple[list[WarcRecord], list[Skip]]:
    items = list(iter_warc_stream(io.BytesIO(data), "mem.warc.gz", max_bytes))
    return [i for i in items if isinstance(i, WarcRecord)], [i for i in items if isinstance(i, Skip)]


def urls(records):
    return [r.target_uri for r in records]


def test_intact_file_offsets_and_lengths_address_each_member():
    parts = members(5)
    data = b"".join(parts)
    records, skips = read(data)
    assert skips == []
    assert urls(records) == [f"https://example.com/{n}" for n in range(5)]
    for rec in records:
        # Lineage: the (offset, length) slice alone decompresses to the record, as Common Crawl's index uses it.
        assert gzip.decompress(data[rec.offset : rec.offset + rec.length]).startswith(b"WARC/1.0")


def test_truncated_member_in_the_middle_loses_only_that_record():
    parts = members(6)
    parts[2] = parts[2][: len(parts[2]) // 2]
    records, skips = read(b"".join(parts))
    assert urls(records) == [f"https://example.com/{n}" for n in (0, 1, 3, 4, 5)]
    assert [s.reason for s in skips] == [CORRUPT_GZIP]


def test_garbage_bytes_between_members_are_one_skip():
    parts = members(4)
    parts.insert(2, b"\x00not gzip at all\x1f\x8b" * 30)
    records, skips = read(b"".join(parts))
    assert len(records) == 4
    assert [s.reason for s in skips] == [CORRUPT_GZIP]


def test_truncated_file_end():
    data = b"".join(members(3))
    records, skips = read(data[:-25])
    assert len(records) == 2
    assert [s.reason for s in skips] == [TRUNCATED_GZIP]


def test_gzip_member_with_non_warc_payload():
    parts = members(3)
    parts.insert(1, gzip.compress(b"GARBAGE \x00\x01\x02 no header here", mtime=0))
    records, skips = read(b"".join(parts))
    assert len(records) == 3
    assert [s.reason for s in skips] == [MALFORMED_HEADER]


def test_record_shorter_than_its_content_length():
    cut = record(1)[:-40]
    parts = [*members(2), gzip.compress(cut, mtime=0)]
    records, skips = read(b"".join(parts))
    assert len(records) == 2
    assert [s.reason for s in skips] == [TRUNCATED_RECORD]


def test_bad_content_length_header():
    bad = record(1).replace(b"Content-Length: ", b"Content-Length: x")
    records, skips = read(gzip.compress(bad, mtime=0) + b"".join(members(1)))
    assert len(records) == 1
    assert [s.reason for s in skips] == [MALFORMED_HEADER]


def test_oversized_record_is_skipped_without_holding_it():
    big = gzip.compress(record(9, b"HTTP/1.1 200 OK\r\n\r\n" + b"x" * 300_000), mtime=0)
    records, skips = read(b"".join(members(2)) + big + b"".join(members(1)), max_bytes=100_000)
    assert len(records) == 3
    assert [s.reason for s in skips] == [TOO_LARGE]


def test_wat_json_parsed_and_malformed_json_counted():
    good = json.dumps({"Envelope": {"WARC-Header-Metadata": {"WARC-Type": "response"}}}).encode()
    parts = [
        gzip.compress(record(1, good, "metadata"), mtime=0),
        gzip.compress(record(2, b'{"Envelope": {"cut', "metadata"), mtime=0),
        gzip.compress(record(3, b"[1, 2]", "metadata"), mtime=0),
    ]
    items = list(with_wat_json(iter_warc_stream(io.BytesIO(b"".join(parts)), "mem.wat.gz", 1 << 20)))
    assert isinstance(items[0], WarcRecord) and items[0].json["Envelope"]["WARC-Header-Metadata"]["WARC-Type"]
    assert [i.reason for i in items[1:]] == [MALFORMED_JSON, MALFORMED_JSON]


def test_headers_that_never_end_are_one_skip_each_never_corrupt_gzip():
    # An uncompressed file of ten things that start like WARC headers but never end: each is a malformed header
    # (the bytes are not gzip, so nothing may say corrupt_gzip).
    records, skips = read(b"WARC/1.0\r\nplain text file, not gzip\r\n" * 10)
    assert records == []
    assert [s.reason for s in skips] == [MALFORMED_HEADER] * 10


def test_http_parsing():
    response = parse_http_response(
        b"HTTP/1.1 301 Moved\r\nLocation: https://x.org/\r\nSet-Cookie: a\r\nSet-Cookie: b\r\n\r\n"
    )
    assert response.status == 301
    assert response.header("location") == "https://x.org/"
    assert response.header("set-cookie") == "a, b"
    assert parse_http_response(b"not http\r\n\r\n") is None
    assert parse_content_type('text/html; Charset="GB2312"') == ("text/html", "gb2312")
    assert parse_content_type(None) == (None, None)
