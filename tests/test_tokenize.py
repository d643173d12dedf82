"""Stage tokenize: shards read back by a reader written here from the format description, not the writer's."""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
from collections import Counter
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.lib.datasets import DEDUP_DOCS, MIX_DOCS, TOKENIZE_LINEAGE
from pipeline.lib.tokenizer import load_tokenizer
from pipeline.runner import run_pipeline
from tests.conftest import make_config

# Megatron's indexed dataset, as the format is described (little-endian):
# magic "MMIDIDX\0\0", u64 version = 1, u8 dtype code, u64 sequence count, u64 document count (= sequences + 1),
# i32 sequence lengths, i64 byte pointers into .bin, i64 document indices.
DTYPES = {1: np.uint8, 2: np.int8, 3: np.int16, 4: np.int32, 5: np.int64, 6: np.float64, 7: np.float32, 8: np.uint16}


def read_megatron(prefix: Path) -> list[np.ndarray]:
    raw = (prefix.parent / f"{prefix.name}.idx").read_bytes()
    assert raw[:9] == b"MMIDIDX\x00\x00"
    (version,) = struct.unpack_from("<Q", raw, 9)
    (code,) = struct.unpack_from("<B", raw, 17)
    sequences, documents = struct.unpack_from("<QQ", raw, 18)
    assert version == 1 and documents == sequences + 1
    offset = 34
    lengths = np.frombuffer(raw, np.int32, sequences, offset)
    offset += 4 * sequences
    pointers = np.frombuffer(raw, np.int64, sequences, offset)
    offset += 8 * sequences
    doc_index = np.frombuffer(raw, np.int64, documents, offset)
    assert offset + 8 * documents == len(raw)
    assert list(doc_index) == list(range(documents))
    dtype = np.dtype(DTYPES[code])
    data = (prefix.parent / f"{prefix.name}.bin").read_bytes()
    assert len(data) == int(lengths.sum()) * dtype.itemsize
    return [np.frombuffer(data, dtype, int(n), int(p)) for n, p in zip(lengths, pointers, strict=True)]


@pytest.fixture(scope="module")
def tokenized(through_tokenize):
    return through_tokenize


def test_round_trip_through_the_lineage(tokenized):
    out, _ = tokenized
    root = out / "tokenize"
    manifest = json.loads((root / "manifest.json").read_text())
    tokenizer = load_tokenizer(manifest["tokenizer"]["kind"], manifest["tokenizer"]["name"])
    assert manifest["dtype"] == "int32"  # Qwen's vocabulary is beyond 65,500
    texts = {row["id"]: row for row in pq.read_table(DEDUP_DOCS.path(str(out)),
                                                     columns=["id", "text", "url"]).to_pylist()}
    lineage = pq.read_table(TOKENIZE_LINEAGE.path(str(out))).to_pylist()
    by_shard = {}
    for row in lineage:
        by_shard.setdefault(row["shard"], {})[row["doc_index"]] = row
    checked = 0
    for shard in manifest["shards"]:
        documents = read_megatron(root / shard["prefix"])
        assert len(documents) == shard["documents"] == len(by_shard[shard["prefix"]])
        for index, tokens in enumerate(documents):
            source = by_shard[shard["prefix"]][index]
            assert tokens[-1] == tokenizer.eos_id and tokenizer.eos_id not in tokens[:-1]
            assert tokenizer.decode(tokens[:-1].tolist()) == texts[source["id"]]["text"]
            assert source["url"] == texts[source["id"]]["url"] and source["tokens"] == len(tokens)
            checked += 1
    assert checked == manifest["totals"]["documents"] == len(lineage)


def test_checksums_and_counts_recomputed(tokenized):
    out, outcomes = tokenized
    root = out / "tokenize"
    manifest = json.loads((root / "manifest.json").read_text())
    tokens = documents = 0
    for shard in manifest["shards"]:
        for kind in ("bin", "idx"):
            data = (root / shard["files"][kind]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == shard["sha256"][kind]
            assert len(data) == shard["bytes"][kind]
        docs = read_megatron(root / shard["prefix"])
        assert sum(len(d) for d in docs) == shard["tokens"]
        tokens += shard["tokens"]
        documents += len(docs)
    assert manifest["totals"]["tokens"] == tokens and manifest["totals"]["documents"] == documents
    assert manifest["config_digest"] == outcomes["tokenize"].stats.config_digest
    assert manifest["tokenizer"]["sha256"] and manifest["seed"] == 0


def test_repeats_shuffle_and_blend_follow_the_mix(tokenized):
    out, _ = tokenized
    root = out / "tokenize"
    manifest = json.loads((root / "manifest.json").read_text())
    mix = {row["id"]: row for row in pq.read_table(MIX_DOCS.path(str(out))).to_pylist()}
    lineage = pq.read_table(TOKENIZE_LINEAGE.path(str(out))).to_pylist()
    copies = Counter(row["id"] for row in lineage)
    assert copies == Counter({doc_id: row["repeats"] for doc_id, row in mix.items() if row["repeats"] > 0})
    # Shards are grouped per language, and a language's documents are spread over all of its shards.
    assert all(shard["prefix"].startswith(f"shards/{shard['lang']}/") for shard in manifest["shards"])
    english = [shard for shard in manifest["shards"] if shard["lang"] == "en"]
    assert len(english) >= 2 and all(shard["documents"] > 10 for shard in english)
    # Copies of one document are not next to each other.
    repeated = [doc_id for doc_id, count in copies.items() if count > 1]
    positions = {(row["shard"], row["doc_index"]) for row in lineage if row["id"] == repeated[0]}
    assert len(positions) == copies[repeated[0]]
    # Blend: weight prefix pairs summing to 1, each language's weight its planned share.
    parts = (root / "blend.txt").read_text().split()
    weights = dict(zip(parts[1::2], map(float, parts[0::2]), strict=True))
    assert set(weights) == {shard["prefix"] for shard in manifest["shards"]}
    assert sum(weights.values()) == pytest.approx(1.0)
    plan = json.loads((out / "mix" / "plan.json").read_text())
    planned = {entry["lang"]: entry["share_after"] for entry in plan["languages"]}
    for lang, share in planned.items():
        got = sum(w for prefix, w in weights.items() if prefix.startswith(f"shards/{lang}/"))
        assert got == pytest.approx(share / sum(planned.values()), rel=1e-6)


def test_a_trained_tokenizer_gives_uint16_shards(spark, sample_dir, tokenized, tmp_path):
    from pipeline.lib.tokenizer import train_bpe

    source, _ = tokenized
    out = tmp_path / "run"
    shutil.copytree(source, out)
    texts = [row["text"] for row in pq.read_table(DEDUP_DOCS.path(str(out)), columns=["text"]).to_pylist()]
    identity = train_bpe(texts, 3000, tmp_path / "tokenizer.json")
    assert identity.vocab_size == 3000
    # No tokenizer.name: the trained file names itself (stem and digest), never the Qwen default.
    config = make_config(sample_dir, out, "tokenizer.kind=json", f"tokenizer.path={tmp_path / 'tokenizer.json'}")
    run_pipeline(config, spark, ["mix", "tokenize"])
    manifest = json.loads((out / "tokenize" / "manifest.json").read_text())
    assert manifest["dtype"] == "uint16" and manifest["tokenizer"]["sha256"] == identity.sha256
    own_name = f"tokenizer-{identity.sha256[:12]}"
    assert identity.name == manifest["tokenizer"]["name"] == own_name
    assert manifest["tokenizer"]["path"] == str(tmp_path / "tokenizer.json")
    assert json.loads((out / "mix" / "plan.json").read_text())["tokenizer"]["name"] == own_name
    stats = CliRunner().invoke(app, ["shards", "stats", str(out / "tokenize"), "--json"])
    assert stats.exit_code == 0, stats.output
    assert json.loads(stats.stdout)["tokenizer"] == manifest["tokenizer"]
    table = CliRunner().invoke(app, ["shards", "stats", str(out / "tokenize")], terminal_width=200)
    printed = " ".join(table.output.split())
    assert f"tokenizer {own_name} (json, vocab 3,000, sha256 {identity.sha256[:12]}" in printed
    assert "qwen" not in printed.lower()
    # The manifest is enough to decode: inspect loads the trained file it names.
    shown = CliRunner().invoke(app, ["shards", "inspect", str(out / "tokenize"), "--random", "1", "--json"])
    assert shown.exit_code == 0, shown.output
    tokenizer = load_tokenizer("json", None, str(tmp_path / "tokenizer.json"), None)
    shard = manifest["shards"][0]
    lineage = {row["doc_index"]: row["id"] for row in pq.read_table(TOKENIZE_LINEAGE.path(str(out))).to_pylist()
               if row["shard"] == shard["prefix"]}
    by_id = dict(zip(*pq.read_table(DEDUP_DOCS.path(str(out)), columns=["id", "text"]).to_pydict().values(),
                     strict=True))
    for index, tokens in enumerate(read_megatron(out / "tokenize" / shard["prefix"])):
        assert tokens.dtype == np.uint16 and tokens[-1] == tokenizer.eos_id
        assert tokenizer.decode(tokens[:-1].tolist()) == by_id[lineage[index]]
    (document,) = json.loads(shown.stdout)
    assert document["text"] == by_id[document["lineage"]["id"]]
