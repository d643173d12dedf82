"""corpusforge shards stats | inspect | verify: local folders, an s3:// prefix on moto_server, a corrupted shard."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.core.storage import s3_client
from pipeline.lib.datasets import DEDUP_DOCS
from pipeline.lib.tokenizer import load_tokenizer
from pipeline.shards import ShardFolder, inspect_documents, statistics, verify

BUCKET = "shards-bucket"


@pytest.fixture(scope="module")
def tokenize_dir(through_tokenize) -> Path:
    return through_tokenize[0] / "tokenize"


@pytest.fixture(scope="module")
def s3_prefix(tokenize_dir, s3_config) -> str:
    client = s3_client(s3_config)
    client.create_bucket(Bucket=BUCKET)
    for path in tokenize_dir.rglob("*"):
        if path.is_file():
            client.upload_file(str(path), BUCKET, f"runs/1/tokenize/{path.relative_to(tokenize_dir)}")
    return f"s3://{BUCKET}/runs/1/tokenize"


def test_stats_from_manifest_idx_and_lineage(tokenize_dir):
    manifest = json.loads((tokenize_dir / "manifest.json").read_text())
    summary = statistics(ShardFolder(str(tokenize_dir)))
    assert summary["documents"] == manifest["totals"]["documents"] and summary["tokens"] == manifest["totals"]["tokens"]
    assert sum(row["tokens"] for row in summary["languages"].values()) == summary["tokens"]
    assert summary["languages"]["zh"]["share"] == pytest.approx(manifest["languages"]["zh"]["share"], abs=1e-6)
    percentiles = summary["document_tokens_percentiles"]
    assert percentiles["p1"] <= percentiles["p50"] <= percentiles["p99"]
    assert summary["top_hosts"][0][1] >= summary["top_hosts"][-1][1] > 0
    assert summary["repetition"]["repeated_copies"] == summary["documents"] - summary["repetition"]["unique_documents"]


def test_stats_and_verify_on_an_s3_prefix(tokenize_dir, s3_prefix, s3_config):
    local = statistics(ShardFolder(str(tokenize_dir)))
    remote = statistics(ShardFolder(s3_prefix, s3_config))
    assert {k: v for k, v in remote.items() if k != "path"} == {k: v for k, v in local.items() if k != "path"}
    assert verify(ShardFolder(s3_prefix, s3_config)) == []
    result = CliRunner().invoke(app, ["shards", "stats", s3_prefix, "--json", "--endpoint-url",
                                      s3_config.endpoint_url])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["tokens"] == local["tokens"]


def test_inspect_decodes_documents_with_their_lineage(tokenize_dir, s3_prefix, s3_config):
    manifest = json.loads((tokenize_dir / "manifest.json").read_text())
    tokenizer = load_tokenizer(manifest["tokenizer"]["kind"], manifest["tokenizer"]["name"])
    texts = dict(zip(*pq.read_table(DEDUP_DOCS.path(str(tokenize_dir.parent)), columns=["id", "text"]).to_pydict()
                      .values(), strict=True))
    shard = next(s["prefix"] for s in manifest["shards"] if s["lang"] == "zh")
    for folder in (ShardFolder(str(tokenize_dir)), ShardFolder(s3_prefix, s3_config)):
        (document,) = inspect_documents(folder, [(shard, 3)], tokenizer.decode)
        assert document["text"] == texts[document["lineage"]["id"]]
        assert document["lineage"]["warc_path"].endswith(".warc.gz") and document["lineage"]["offset"] >= 0
    result = CliRunner().invoke(app, ["shards", "inspect", str(tokenize_dir), "--random", "2", "--lang", "ja",
                                      "--json"])
    assert result.exit_code == 0, result.output
    picked = json.loads(result.output)
    assert len(picked) == 2 and all(item["shard"].startswith("shards/ja/") for item in picked)
    bad = CliRunner().invoke(app, ["shards", "inspect", str(tokenize_dir), "--doc", f"{shard}:99999"])
    assert bad.exit_code == 2


def test_verify_names_the_corrupted_shard(tokenize_dir, tmp_path):
    copy = tmp_path / "tokenize"
    shutil.copytree(tokenize_dir, copy)
    ok = CliRunner().invoke(app, ["shards", "verify", str(copy)])
    assert ok.exit_code == 0, ok.output
    manifest = json.loads((copy / "manifest.json").read_text())
    flipped, truncated = manifest["shards"][0], manifest["shards"][1]
    data = bytearray((copy / flipped["files"]["bin"]).read_bytes())
    data[100] ^= 0xFF  # one byte of one token
    (copy / flipped["files"]["bin"]).write_bytes(bytes(data))
    idx = (copy / truncated["files"]["idx"]).read_bytes()
    (copy / truncated["files"]["idx"]).write_bytes(idx[:-8])
    problems = dict(verify(ShardFolder(str(copy))))
    assert "sha256" in problems[flipped["prefix"]]
    assert truncated["prefix"] in problems
    result = CliRunner().invoke(app, ["shards", "verify", str(copy)])
    output = " ".join(result.output.split())
    assert result.exit_code == 1 and flipped["prefix"] in output and truncated["prefix"] in output


def test_plot_is_written(tokenize_dir, tmp_path):
    target = tmp_path / "shards.png"
    result = CliRunner().invoke(app, ["shards", "stats", str(tokenize_dir), "--plot", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "plot written to" in result.output and target.name in result.output


def test_length_histogram_is_in_tokens(tokenize_dir):
    summary = statistics(ShardFolder(str(tokenize_dir)))
    edges, counts = summary["document_tokens_bin_edges"], summary["document_tokens_histogram"]
    assert len(edges) == len(counts) + 1 and edges == sorted(edges)
    assert sum(counts) == summary["documents"]
    percentiles = summary["document_tokens_percentiles"]
    assert edges[0] <= percentiles["p1"] and edges[-1] > percentiles["p99"]
