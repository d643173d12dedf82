"""Every record of real archives that nobody here wrote: WARC gzip per record, whole-file gzip, uncompressed, ARC
(plain and gzip, 2008's Internet Archive and warcio's), chunked and malformed files (tests/fixtures/archives/,
Apache-2.0, see its NOTICE).

The reader's rows per file must equal an independent count of the records: warcio's for the files warcio reads to
the end, a header scan (written here, sharing nothing with the reader) for the rest. Where a file is damaged, the
damaged regions are named with the reason a person would give, and each is one row.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from functools import partial
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.core.config import S3Config
from pipeline.core.crawlinput import _rows_for_files
from pipeline.core.stage import DROP_REASON
from pipeline.core.warc import WarcRecord, iter_records, parse_http_response
from pipeline.lib.datasets import INDEX_RECORDS
from pipeline.runner import run_pipeline
from pipeline.stages.index import index_row
from tests.conftest import make_config

FIXTURES = Path(__file__).parent / "fixtures" / "archives"
ARCHIVES = sorted(p for p in FIXTURES.rglob("*") if p.is_file() and p.name not in ("LICENSE", "NOTICE"))
MAKER = partial(index_row, record_types=frozenset({"response", "revisit"}), crawl="X")
WIDTH = len(INDEX_RECORDS.columns)

# The damage in these files, as a person reading them finds it (file name: reasons of its damaged rows).
DAMAGE = {
    "bad.arc": ["malformed_header"] * 3,  # Archive-length -1 (twice, the filedesc record included) and "abc"
    "example-space-in-url.arc": ["truncated_record"],  # 1,579 of its declared 1,591 bytes are there
    "example-trunc.warc": ["content_length_mismatch"],  # two NUL bytes after the response's declared block
}
# How each file is laid out, read off its bytes.
FORMATS = {
    "example.warc.gz": "warc.gz", "example.warc": "warc", "example.arc": "arc", "example.arc.gz": "arc.gz",
    "example-bad-non-chunked.warc.gz": "warc.gz/stream", "example-bad.warc.gz.bad": "warc.gz/stream",
    "IAH-20080430204825-00000-blackbook-truncated.arc": "arc", "cc.warc.gz": "warc.gz",
}


def warcio_count(path: Path) -> int | None:
    """Records warcio reads, or None if it cannot read the file to the end."""
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    try:
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle, arc2warc=True):
                record.content_stream().read()
                count += 1
    except Exception:
        return None
    return count


def decompressed(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


ARC_LINE = re.compile(rb"(\S+) (\d{1,3}(?:\.\d{1,3}){3}) (\d{14}) (\S+) (\d+)\n")


def header_scan_count(path: Path) -> int:
    """Records by their header lines: WARC/1.x lines at line starts, or ARC header lines walked by their lengths."""
    data = decompressed(path)
    if data.startswith(b"filedesc://"):
        count = position = 0
        while position < len(data):
            match = ARC_LINE.match(data, position)
            assert match, f"{path.name}: no ARC header at {position}"
            count += 1
            position = match.end() + int(match.group(5))
            while data[position : position + 1] in (b"\n", b"\r"):
                position += 1
        return count
    return len(re.findall(rb"(?:^|\r?\n)WARC/1\.[01]\r?\n", data))


def independent_count(path: Path) -> int:
    count = warcio_count(path)
    return header_scan_count(path) if count is None else count


def reader_rows(path: Path) -> list[tuple]:
    return list(_rows_for_files([str(path)], kind="warc", s3=S3Config(), max_record_bytes=64 << 20, row_maker=MAKER,
                                dataset=INDEX_RECORDS))


@pytest.mark.parametrize("path", ARCHIVES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_rows_equal_an_independent_count_and_damage_is_named(path):
    rows = reader_rows(path)
    assert len(rows) == independent_count(path)
    reasons = Counter(row[WIDTH] for row in rows)
    damage = {reason: n for reason, n in reasons.items()
              if reason not in (None, "missing_target_uri") and not reason.startswith("warc_type_")}
    assert damage == Counter(DAMAGE.get(path.name, [])), rows
    for row in rows:
        assert row[WIDTH] != "corrupt_gzip" or path.read_bytes()[:2] == b"\x1f\x8b"


def test_warcio_and_the_header_scan_agree_where_both_read():
    agreed = 0
    for path in ARCHIVES:
        count = warcio_count(path)
        if count is not None and path.name not in DAMAGE and not path.name.endswith(".arc.gz"):
            assert header_scan_count(path) == count, path.name
            agreed += 1
    assert agreed >= 15


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_the_layout_is_read_from_the_bytes(name):
    [path] = [p for p in ARCHIVES if p.name == name]
    with open(path, "rb") as handle:
        formats = {item.archive_format for item in iter_records(handle, str(path), 1 << 26)
                   if isinstance(item, WarcRecord)}
    assert formats == {FORMATS[name]}


def test_a_2008_arc_reads_like_a_warc():
    path = FIXTURES / "ia-web-commons" / "IAH-20080430204825-00000-blackbook-truncated.arc"
    with open(path, "rb") as handle:
        records = list(iter_records(handle, str(path), 1 << 26))
    assert [r.warc_type for r in records] == ["warcinfo", "resource"] + ["response"] * 7
    home = next(r for r in records if r.target_uri == "http://www.archive.org/")
    http = parse_http_response(home.block)
    assert http.status == 200 and b"<html" in http.body.lower()
    assert home.header("warc-date") == "2008-04-30T20:48:26Z" and home.header("warc-ip-address") == "207.241.229.39"
    # Its lineage reads the record back: offset and length are its bytes in the uncompressed file.
    raw = path.read_bytes()[home.offset : home.offset + home.length]
    assert raw.startswith(b"http://www.archive.org/ 207.241.229.39 20080430204826 text/html 680\n")


def test_a_record_spread_over_two_gzip_members_is_one_record_addressed_by_both():
    path = FIXTURES / "warcio" / "example-wrong-chunks.warc.gz"
    with open(path, "rb") as handle:
        response, request = list(iter_records(handle, str(path), 1 << 26))
    assert (response.warc_type, request.warc_type) == ("response", "request")
    # Its WARC and HTTP headers are in the first member and the body in the second: the lineage covers both.
    raw = path.read_bytes()[response.offset : response.offset + response.length]
    assert gzip.decompress(raw).count(b"WARC/1.0") == 1 and response.length == 516 + 614
    assert b"</html>" in response.block


def test_the_index_stage_accounts_for_every_record_of_every_real_archive(spark, tmp_path):
    listing = tmp_path / "warc.paths"
    listing.write_text("".join(f"{p.relative_to(FIXTURES)}\n" for p in ARCHIVES))
    out = tmp_path / "out"
    config = make_config(FIXTURES, out, f"inputs.warc={listing}", f"inputs.base_url={FIXTURES}/")
    [outcome] = run_pipeline(config, spark, ["index"])
    stats = outcome.stats
    assert stats.input == sum(independent_count(p) for p in ARCHIVES)
    assert stats.input == stats.output + sum(stats.dropped.values())
    expected_damage = Counter(reason for reasons in DAMAGE.values() for reason in reasons)
    assert {r: n for r, n in stats.dropped.items() if r in expected_damage} == expected_damage
    rows = pq.read_table(INDEX_RECORDS.path(str(out))).to_pylist()
    per_format = Counter(row["archive_format"] for row in rows)
    assert {"warc.gz", "warc", "arc", "arc.gz", "warc.gz/stream"} <= per_format.keys()
    assert stats.details["archive_formats"] == dict(per_format)
    assert any(row["url"] == "http://www.archive.org/index.php" and row["status"] == 200 for row in rows)
    assert DROP_REASON not in rows[0]
