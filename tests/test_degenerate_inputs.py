"""The whole pipeline on crawls where there is nothing to find: no record at all, only warcinfo and request records,
no host selected, no document surviving extraction. Every stage publishes (empty) outputs with counts that add up
and the run exits 0; nothing crashes on emptiness."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.core.warc import WarcRecord, iter_records
from pipeline.lib.datasets import EXTRACT_DOCS, SELECT_HOSTS
from pipeline.runner import STAGE_NAMES

ROOT = Path(__file__).resolve().parents[1]
CRAWL = "CC-MAIN-SAMPLE"


def wat_type(record: WarcRecord) -> str:
    try:
        return json.loads(record.block)["Envelope"]["WARC-Header-Metadata"]["WARC-Type"]
    except (ValueError, KeyError, TypeError):
        return record.warc_type


def derive(source: Path, target: Path, keep) -> Path:
    """A copy of the first WARC and WAT file of the sample crawl holding only the records ``keep`` accepts."""
    for kind in ("warc", "wat"):
        listing = gzip.decompress((source / f"crawl-data/{CRAWL}/{kind}.paths.gz").read_bytes()).decode().split()
        relative = listing[0]
        data = (source / relative).read_bytes()
        kept = [data[r.offset : r.offset + r.length] for r in iter_records(io.BytesIO(data), relative, 1 << 26)
                if isinstance(r, WarcRecord) and keep(kind, r)]
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        (target / relative).write_bytes(b"".join(kept))
        (target / f"crawl-data/{CRAWL}/{kind}.paths.gz").write_bytes(gzip.compress(f"{relative}\n".encode()))
    return target


CASES = {
    # Files with no record at all (an empty segment, a failed upload that wrote 0 bytes).
    "no_records": (lambda kind, record: False, []),
    # Only warcinfo and request records: the fetches all failed before a response was written.
    "no_responses": (lambda kind, record: (record.warc_type if kind == "warc" else wat_type(record))
                     in ("warcinfo", "request"), []),
    # A graph, but every host is judged spam: the allowlist is empty.
    "no_selected_hosts": (None, ["stages.select.max_spam_mass=-100", "stages.select.spam_min_relative_pagerank=0"]),
    # Hosts selected, but no page in a kept language: extraction keeps nothing.
    "no_documents": (None, ['stages.extract.keep_languages=["xx"]']),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_whole_pipeline_on_a_crawl_with_nothing_to_find(case, spark, sample_dir, tmp_path):
    keep, overrides = CASES[case]
    crawl = derive(sample_dir, tmp_path / "crawl", keep) if keep else sample_dir
    out = tmp_path / "out"
    # The full scan: these crawls are derived from the sample's WARC files and have no columnar index.
    settings = [f"inputs.base_url={crawl}/", "inputs.cc_index=null", "inputs.max_files=1",
                "spark.shuffle_partitions=2", *overrides]
    result = CliRunner().invoke(app, ["run", "--config", str(ROOT / "conf/default.yaml"), "--out", str(out),
                                      *[arg for setting in settings for arg in ("--set", setting)]],
                                terminal_width=200)
    assert result.exit_code == 0, result.output
    for stage in STAGE_NAMES:
        assert (out / stage / "_SUCCESS").exists(), stage
        stats = json.loads((out / stage / "stats.json").read_text())
        if stats["dropped"]:
            assert stats["input"] == stats["output"] + sum(stats["dropped"].values()), stage
    index = json.loads((out / "index" / "stats.json").read_text())
    extract = json.loads((out / "extract" / "stats.json").read_text())
    assert extract["output"] == 0 and pq.read_table(EXTRACT_DOCS.path(str(out))).num_rows == 0
    assert "kept nothing" in result.output or index["input"] == 0
    if case == "no_records":
        assert index["input"] == 0
    if case == "no_responses":
        assert index["input"] > 0 and index["output"] == 0
        assert set(index["dropped"]) == {"warc_type_warcinfo", "warc_type_request"}
    if case == "no_selected_hosts":
        assert pq.read_table(SELECT_HOSTS.path(str(out))).num_rows == 0
        assert extract["dropped"].get("not_selected", 0) > 0
    if case == "no_documents":
        assert extract["dropped"]["language_not_kept"] > 0
    manifest = json.loads((out / "tokenize" / "manifest.json").read_text())
    assert manifest["totals"]["documents"] == 0 and manifest["shards"] == []
    plan = json.loads((out / "mix" / "plan.json").read_text())
    assert plan["languages"] == [] and plan["notes"]

