"""The WARC/WAT reader on damaged input: every good record delivered, every bad one a counted skip."""

import gzip
import io
import itertools
import json
import zlib

from pipeline.core.warc import (
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


# ---- every layout, read from the bytes ------------------------------------------------------------------------
def plain_records(count: int, start: int = 0) -> bytes:
    return b"".join(record(n) for n in range(start, start + count))


def test_uncompressed_warc_is_read_record_by_record_with_file_offsets():
    data = plain_records(4)
    records, skips = read(data)
    assert skips == [] and urls(records) == [f"https://example.com/{n}" for n in range(4)]
    assert {r.archive_format for r in records} == {"warc"}
    for rec in records:  # offset and length are the record's own bytes
        assert data[rec.offset : rec.offset + rec.length].startswith(b"WARC/1.0\r\n")
        assert data[rec.offset : rec.offset + rec.length].endswith(rec.block)


def test_whole_file_gzip_streams_through_many_pieces(monkeypatch):
    import pipeline.core.inflate

    monkeypatch.setattr(pipeline.core.inflate, "STREAM_PIECE", 700)  # every record straddles a piece boundary
    whole = gzip.compress(plain_records(40), mtime=0)
    records, skips = read(whole)
    assert skips == [] and urls(records) == [f"https://example.com/{n}" for n in range(40)]
    assert {r.archive_format for r in records} == {"warc.gz/stream"}
    stream = gzip.decompress(whole)
    for rec in records:  # positions in the decompressed stream
        assert stream[rec.offset : rec.offset + rec.length].startswith(b"WARC/1.0")


def test_whole_file_gzip_cut_short_keeps_every_complete_record():
    stream = b"".join(record(n, b"x%d " % n * 40) for n in range(30))
    whole = gzip.compress(stream, mtime=0)
    cut = whole[: len(whole) * 3 // 4]
    inflated = len(zlib.decompressobj(31).decompress(cut))  # what the cut file still holds
    ends = list(itertools.accumulate(len(record(n, b"x%d " % n * 40)) for n in range(30)))
    complete = sum(end <= inflated for end in ends)
    records, skips = read(cut)
    assert complete >= 5 and len(records) == complete and [s.reason for s in skips] == [TRUNCATED_GZIP]


def test_bare_lf_headers_end_at_the_first_blank_line_not_at_a_crlf_in_the_payload():
    block = b"HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>a</p>\r\n\r\n<p>b</p>"
    lf_record = (f"WARC/1.0\nWARC-Type: response\nWARC-Target-URI: https://example.com/lf\n"
                 f"Content-Length: {len(block)}\n\n").encode() + block + b"\n\n"
    records, skips = read(gzip.compress(lf_record, mtime=0) + b"".join(members(1)))
    assert skips == [] and urls(records) == ["https://example.com/lf", "https://example.com/0"]
    assert records[0].block == block
    http = parse_http_response(records[0].block)
    assert http.header("content-type") == "text/html" and http.body == b"<p>a</p>\r\n\r\n<p>b</p>"


def test_continuation_lines_and_old_warc_versions():
    folded = record(1).replace(b"WARC/1.0", b"WARC/0.17").replace(
        b"WARC-Target-URI: https://example.com/1\r\n", b"WARC-Target-URI: https://example.com/\r\n folded-1\r\n")
    records, skips = read(gzip.compress(folded, mtime=0) + gzip.compress(record(2).replace(b"1.0", b"0.18"), mtime=0))
    assert skips == [] and [r.target_uri for r in records] == ["https://example.com/ folded-1", "https://example.com/2"]


def test_a_header_that_never_ends_is_one_skip_and_the_next_record_is_read():
    endless = b"WARC/1.0\r\nWARC-Type: response\r\nX-Filler: " + b"x" * 200_000 + b"\r\n"
    records, skips = read(endless + plain_records(2, start=5))
    assert urls(records) == ["https://example.com/5", "https://example.com/6"]
    assert [s.reason for s in skips] == [MALFORMED_HEADER]


def test_content_length_too_short_and_too_long_in_an_uncompressed_file():
    short = record(1).replace(b"Content-Length: ", b"Content-Length: 1", 1)  # claims ten times more
    records, skips = read(record(0) + short + record(2))
    assert urls(records) == ["https://example.com/0", "https://example.com/2"]
    assert [s.reason for s in skips] == [TRUNCATED_RECORD]
    assert skips[0].offset == len(record(0)) and skips[0].length == len(short)
    long_block = record(1)
    cut = long_block.index(b"Content-Length: ") + len(b"Content-Length: ")
    shorter = long_block[:cut] + b"9" + long_block[long_block.index(b"\r\n", cut):]  # nine bytes, then stray bytes
    records, skips = read(record(0) + shorter + record(2))
    assert urls(records) == ["https://example.com/0", "https://example.com/2"]
    assert [s.reason for s in skips] == ["content_length_mismatch"]


def test_arc_v1_and_v2_records_become_warc_records():
    body = b"HTTP/1.0 200 OK\nContent-Type: text/html\n\n<html>old page</html>"
    filedesc_body = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    v1 = (b"filedesc://test.arc 0.0.0.0 20090101000000 text/plain %d\n" % len(filedesc_body) + filedesc_body + b"\n"
          + b"http://old.example.org/ 10.0.0.1 20090102030405 text/html %d\n" % len(body) + body + b"\n"
          + b"dns:old.example.org 10.0.0.2 20090102030405 text/dns 9\n10.0.0.1\n\n")
    records, skips = read(v1)
    assert skips == [] and [r.warc_type for r in records] == ["warcinfo", "response", "resource"]
    page = records[1]
    assert page.target_uri == "http://old.example.org/" and page.header("warc-date") == "2009-01-02T03:04:05Z"
    assert parse_http_response(page.block).body == b"<html>old page</html>" and page.archive_format == "arc"
    v2 = b"http://new.example.org/a b 10.0.0.1 20110102030405 text/html 200 ABCDEF - 0 x.arc %d\n" % len(body) + body
    records, skips = read(gzip.compress(v1, mtime=0) + gzip.compress(v2 + b"\n", mtime=0))
    assert skips == [] and records[-1].target_uri == "http://new.example.org/a b"
    # Three records in the first member, one in the second: only a member's sole record is addressed by it.
    assert [r.archive_format for r in records] == ["arc.gz/stream"] * 3 + ["arc.gz"]


def test_what_is_no_archive_is_one_unsupported_format_row_naming_it():
    for data, named in [
        (b"\x28\xb5\x2f\xfd" + b"\x00" * 100, "zstd"),
        (b"BZh91AY&SY" + b"\x01" * 100, "bzip2"),
        (b"%PDF-1.7\n" + b"stream" * 100, "PDF"),
        (b"<!DOCTYPE html><html><body>just a web page</body></html>" * 50, "HTML"),
        (gzip.compress(b"<!doctype html><p>gzipped page</p>" * 50), "gzip-compressed HTML"),
        (b"\x00\x01\x02\x03" * 500, "binary"),
    ]:
        records, skips = read(data)
        assert records == [] and [s.reason for s in skips] == ["unsupported_format"], named
        assert named in skips[0].detail and "corrupt_gzip" not in skips[0].detail


def test_a_record_over_the_cap_in_a_stream_is_skipped_and_reading_goes_on(monkeypatch):
    import pipeline.core.inflate

    monkeypatch.setattr(pipeline.core.inflate, "STREAM_PIECE", 4096)
    big = record(9, b"HTTP/1.1 200 OK\r\n\r\n" + b"y" * 300_000)
    records, skips = read(gzip.compress(plain_records(2) + big + plain_records(2, start=2), mtime=0),
                          max_bytes=100_000)
    assert urls(records) == [f"https://example.com/{n}" for n in range(4)]
    assert [s.reason for s in skips] == [TOO_LARGE]


def test_warc_truncated_is_read_from_the_header():
    cut = record(1).replace(b"WARC-Type: response\r\n", b"WARC-Type: response\r\nWARC-Truncated: length\r\n")
    records, _ = read(gzip.compress(cut, mtime=0) + b"".join(members(1)))
    assert [r.truncated for r in records] == ["length", None]
