"""Selective fetch (inputs.cc_index): the sample's columnar URL index, index built from it, extract by ranged reads.

The shared runs (through_extract) scan every WARC file; these runs reuse their select output and redo index or
extract from the URL index, so the two paths are compared on the same allowlist.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.conftest import continue_run, make_config

CC_INDEX = "inputs.cc_index=cc-index/table/cc-main/warc/crawl={crawl}/subset=warc/"
INDEX_DIR = "cc-index/table/cc-main/warc/crawl=CC-MAIN-SAMPLE/subset=warc"


def _stats(out: Path, stage: str) -> dict:
    return json.loads((out / stage / "stats.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def selective_extract(spark, sample_dir, through_extract, tmp_path_factory):
    return continue_run(spark, sample_dir, through_extract[0], tmp_path_factory.mktemp("selective") / "run",
                        ["extract"], CC_INDEX)


def test_sample_index_has_common_crawls_columns_and_types(sample_dir, truth):
    from pipeline.lib.ccindex import CC_INDEX_COLUMNS

    files = sorted((sample_dir / INDEX_DIR).glob("*.parquet"))
    assert len(files) == len(truth["files"]["warc"])
    schema = pq.read_schema(files[0])
    expected = {"string": "string", "int16": "int16", "int32": "int32", "timestamp": "timestamp[us, tz=UTC]"}
    assert [(f.name, str(f.type)) for f in schema] == [(n, expected[t]) for n, t in CC_INDEX_COLUMNS]
    rows = pq.read_table(sample_dir / INDEX_DIR).to_pylist()
    assert {row["url"] for row in rows} == set(truth["pages"])  # one row per capture
    assert {row["fetch_status"] for row in rows} >= {200, 301, 404}


def test_selective_extract_gives_the_full_scans_documents(through_extract, selective_extract, sample_dir):
    full, selective = through_extract[0], selective_extract[0]
    columns = ["id", "text", "url", "warc_path", "offset", "length", "lang"]
    def docs(out: Path) -> list[list]:
        table = pq.read_table(out / "extract" / "docs", columns=columns)
        return sorted(list(row.values()) for row in table.to_pylist())

    full_docs = docs(full)
    assert full_docs and full_docs == docs(selective)
    stats = _stats(selective, "extract")
    assert stats["input"] == stats["output"] + sum(stats["dropped"].values())
    # Only allowlisted HTML 200 captures were planned: nothing is read only to be dropped as not selected or 404.
    assert "not_selected" not in stats["dropped"] and not any(r.startswith("http_status") for r in stats["dropped"])
    plan = stats["details"]["selective"]
    assert plan["records_planned"] == stats["input"]  # one row per planned record, kept or dropped with a reason
    warc_bytes = sum(p.stat().st_size for p in (sample_dir / "crawl-data").rglob("*.warc.gz"))
    # Half the sample's hosts are allowlisted and its records are small, so the configured gaps merge most of a file
    # into one read; the records themselves are well under the files' bytes.
    assert plan["record_bytes_planned"] < 0.7 * warc_bytes and 0 < plan["bytes_read"] <= warc_bytes
    assert plan["range_requests"] < plan["records_planned"]  # neighbouring ranges were merged


def test_index_from_the_url_index_matches_the_scan(spark, sample_dir, through_extract, tmp_path):
    out, _ = continue_run(spark, sample_dir, through_extract[0], tmp_path / "run", ["index"], CC_INDEX)
    stats = _stats(out, "index")
    assert stats["details"]["source"] == "cc_index"
    assert stats["input"] == stats["output"] + sum(stats["dropped"].values())
    columns = ["url", "warc_path", "offset", "length", "status"]
    scan = {r["url"]: r for r in pq.read_table(through_extract[0] / "index" / "records", columns=columns).to_pylist()}
    built = {r["url"]: r for r in pq.read_table(out / "index" / "records", columns=columns).to_pylist()}
    # The URL index also lists the deliberately damaged captures the scan reports as skips.
    assert set(scan) <= set(built)
    assert all(built[url] == row for url, row in scan.items())


def test_unreadable_ranges_and_files_are_counted_skips(tmp_path, sample_dir):
    from pipeline.core.config import FetchConfig, S3Config
    from pipeline.lib.ccindex import _fetch_rows
    from pipeline.lib.datasets import EXTRACT_DOCS

    class Counter:  # stands in for a Spark accumulator outside Spark
        value = 0

        def add(self, n):
            self.value += n

    warc = next((sample_dir / "crawl-data").rglob("*.warc.gz"))
    size = warc.stat().st_size
    groups = [{"warc_path": str(warc), "ranges": [{"offset": size + 10, "length": 100}, {"offset": 0, "length": 7}]},
              {"warc_path": str(tmp_path / "missing.warc.gz"), "ranges": [{"offset": 0, "length": 100}]}]
    rows = list(_fetch_rows(groups, s3=S3Config(), fetch=FetchConfig(max_gap_bytes=0), max_record_bytes=1 << 20,
                            row_maker=lambda record: [], dataset=EXTRACT_DOCS, bytes_read=Counter(),
                            requests=Counter()))
    reasons = sorted(row[len(EXTRACT_DOCS.columns)] for row in rows)
    assert reasons == ["empty_range", "truncated_gzip", "unreadable_range"]


def test_coalesce_merges_neighbours_within_the_limits():
    from pipeline.core.config import FetchConfig
    from pipeline.lib.ccindex import coalesce

    ranges = [(1000, 100), (0, 100), (150, 50), (5000, 10)]
    assert coalesce(ranges, FetchConfig(max_gap_bytes=64, max_batch_bytes=4096)) == [
        (0, 200, [(0, 100), (150, 50)]), (1000, 1100, [(1000, 100)]), (5000, 5010, [(5000, 10)])]
    assert len(coalesce(ranges, FetchConfig(max_gap_bytes=10_000, max_batch_bytes=1100))) == 2
    assert len(coalesce(ranges, FetchConfig(max_gap_bytes=0, max_batch_bytes=1 << 20))) == 4


def test_a_cc_index_that_matches_nothing_is_a_config_error(spark, sample_dir, tmp_path):
    from pipeline.core.config import ConfigError
    from pipeline.runner import run_pipeline

    config = make_config(sample_dir, tmp_path / "out", "inputs.cc_index=no/such/index/")
    with pytest.raises(ConfigError, match=r"inputs\.cc_index"):
        run_pipeline(config, spark, ["index"])


def test_languages_must_be_iso639_3(sample_dir, tmp_path):
    from pipeline.core.config import ConfigError

    with pytest.raises(ConfigError, match="ISO-639-3"):
        make_config(sample_dir, tmp_path, "inputs.fetch.languages=[en]")
