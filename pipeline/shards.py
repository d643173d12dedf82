"""What is in a tokenize folder, and whether it is intact — for `corpusforge shards stats | inspect | verify`.

A folder is local or an ``s3://`` prefix. Statistics come from ``manifest.json``, the ``.idx`` files (a few
bytes per document) and the lineage Parquet, never from the ``.bin`` files; ``inspect`` reads one document's
bytes with a ranged read; ``verify`` streams every file once for its SHA-256.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
from collections import Counter, defaultdict
from collections.abc import Callable

import numpy as np

from pipeline.core.config import S3Config
from pipeline.core.storage import (
    contained_path,
    exists,
    is_s3,
    local_path,
    open_input,
    read_bytes,
    read_range,
    s3_client,
    split_s3,
)
from pipeline.lib.datasets import TOKENIZE_MANIFEST
from pipeline.lib.megatron import ParsedIndex, parse_index

PERCENTILES = (1, 10, 50, 90, 99)


class ShardFolder:
    def __init__(self, path: str, s3_config: S3Config | None = None):
        self.root = path.rstrip("/")
        self.s3 = s3_config or S3Config()
        self._manifest: dict | None = None

    def url(self, relative: str) -> str:
        # Shard file names come from the manifest, an input file: none may point outside this folder.
        return f"{self.root}/{contained_path(relative, 'shard file')}"

    def read(self, relative: str) -> bytes:
        return read_bytes(self.url(relative), self.s3)

    def exists(self, relative: str) -> bool:
        return exists(self.url(relative), self.s3)

    def manifest(self) -> dict:
        """manifest.json, read once: a command asks for it several times, each a GET on S3."""
        if self._manifest is None:
            name = TOKENIZE_MANIFEST.name
            if not self.exists(name):
                raise FileNotFoundError(f"{self.url(name)} not found: is {self.root} a tokenize folder?")
            self._manifest = json.loads(self.read(name))
        return self._manifest

    def index(self, shard: dict) -> ParsedIndex:
        return parse_index(self.read(shard["files"]["idx"]), self.url(shard["files"]["idx"]))

    def lineage(self):
        """The lineage table (pyarrow), or None when the folder has none."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not is_s3(self.root):
            from pathlib import Path

            folder = Path(local_path(self.url("lineage")))
            return pq.read_table(folder) if folder.is_dir() else None
        bucket, prefix = split_s3(self.url("lineage/"))
        keys = [item["Key"] for page in s3_client(self.s3).get_paginator("list_objects_v2").paginate(
            Bucket=bucket, Prefix=prefix) for item in page.get("Contents", []) if item["Key"].endswith(".parquet")]
        if not keys:
            return None
        return pa.concat_tables(
            pq.read_table(io.BytesIO(read_bytes(f"s3://{bucket}/{key}", self.s3))) for key in sorted(keys))

    def document_tokens(self, shard: dict, index: ParsedIndex, number: int) -> np.ndarray:
        start = int(index.pointers[number])
        length = int(index.sizes[number]) * index.dtype.itemsize
        data = read_range(self.url(shard["files"]["bin"]), start, length, self.s3) if length else b""
        return np.frombuffer(data, dtype=index.dtype)


LENGTH_BINS = 20


def _length_histogram(lengths: np.ndarray) -> dict:
    if not len(lengths):
        return {"document_tokens_histogram": [], "document_tokens_bin_edges": []}
    low, high = max(1, int(lengths.min())), max(2, int(lengths.max()))
    edges = np.unique(np.geomspace(low, high + 1, LENGTH_BINS + 1).round())
    counts, edges = np.histogram(lengths, bins=edges)
    return {"document_tokens_histogram": counts.tolist(), "document_tokens_bin_edges": edges.tolist()}


def statistics(folder: ShardFolder, progress: Callable[[str], None] | None = None, top: int = 10) -> dict:
    manifest = folder.manifest()
    per_shard, lengths_by_lang = [], defaultdict(list)
    for shard in manifest["shards"]:
        if progress:
            progress(shard["prefix"])
        index = folder.index(shard)
        lengths_by_lang[shard["lang"]].append(index.sizes)
        per_shard.append({"prefix": shard["prefix"], "lang": shard["lang"], "documents": len(index.sizes),
                          "tokens": index.token_count, "bytes": shard["bytes"]["bin"] + shard["bytes"]["idx"]})
    all_lengths = np.concatenate([np.concatenate(v) for v in lengths_by_lang.values()]) if per_shard else np.zeros(0)
    total_tokens = int(all_lengths.sum())
    languages = {}
    for lang, arrays in sorted(lengths_by_lang.items()):
        sizes = np.concatenate(arrays)
        languages[lang] = {"documents": len(sizes), "tokens": int(sizes.sum()),
                           "share": int(sizes.sum()) / total_tokens if total_tokens else 0.0,
                           "shards": len(arrays), "planned_share": manifest.get("mix_plan", {}).get(lang, {}).get(
                               "share_after"),
                           "planned_epochs": manifest.get("mix_plan", {}).get(lang, {}).get("expected_epochs")}
    summary = {
        "path": folder.root, "tokenizer": manifest["tokenizer"], "dtype": manifest["dtype"],
        "documents": len(all_lengths), "tokens": total_tokens, "shards": per_shard, "languages": languages,
        "document_tokens_percentiles": ({f"p{p}": float(np.percentile(all_lengths, p)) for p in PERCENTILES}
                                        if len(all_lengths) else {}),
        # Document lengths span orders of magnitude (a 30-token notice, a 30,000-token manual): log-spaced bins,
        # with their edges so a plot's axis is in tokens, not bin numbers.
        **_length_histogram(all_lengths),
    }
    lineage = folder.lineage()
    if lineage is not None:
        rows = lineage.select(["id", "copy", "tokens", "host", "domain", "dup_cluster_size"]).to_pylist()
        hosts, domains = Counter(), Counter()
        for row in rows:
            hosts[_forward(row["host"])] += row["tokens"]
            domains[_forward(row["domain"])] += row["tokens"]
        repeated = [row for row in rows if row["copy"] > 1]
        unique_ids = {row["id"]: row["dup_cluster_size"] for row in rows}
        summary.update(
            top_hosts=hosts.most_common(top), top_domains=domains.most_common(top),
            repetition={"repeated_copies": len(repeated),
                        "repeated_token_share": sum(r["tokens"] for r in repeated) / total_tokens if total_tokens
                        else 0.0,
                        "unique_documents": len(unique_ids), "max_copies": max((r["copy"] for r in rows), default=0)},
            duplicates={"documents_from_clusters": sum(1 for size in unique_ids.values() if size > 1),
                        "largest_cluster": max(unique_ids.values(), default=0),
                        "mean_cluster_size": float(np.mean(list(unique_ids.values()))) if unique_ids else 0.0},
        )
    return summary


def _forward(reversed_host: str | None) -> str:
    return ".".join(reversed(reversed_host.split("."))) if reversed_host else "-"


def inspect_documents(folder: ShardFolder, picks: list[tuple[str, int]], decode: Callable[[list[int]], str]) -> list:
    manifest = folder.manifest()
    shards = {shard["prefix"]: shard for shard in manifest["shards"]}
    lineage = folder.lineage()
    origin = {}
    if lineage is not None:
        wanted = set(picks)
        for row in lineage.to_pylist():
            if (row["shard"], row["doc_index"]) in wanted:
                origin[(row["shard"], row["doc_index"])] = row
    documents = []
    for prefix, number in picks:
        if prefix not in shards:
            raise KeyError(f"no shard {prefix!r} in the manifest (shards look like {next(iter(shards))})")
        index = folder.index(shards[prefix])
        if not 0 <= number < len(index.sizes):
            raise IndexError(f"{prefix} has documents 0..{len(index.sizes) - 1}, not {number}")
        tokens = folder.document_tokens(shards[prefix], index, number)
        documents.append({"shard": prefix, "doc_index": number, "tokens": len(tokens),
                          "text": decode(tokens[:-1].tolist()), "lineage": origin.get((prefix, number))})
    return documents


def random_picks(folder: ShardFolder, count: int, lang: str | None, seed: int) -> list[tuple[str, int]]:
    manifest = folder.manifest()
    pool = [(shard["prefix"], shard["documents"]) for shard in manifest["shards"] if lang in (None, shard["lang"])]
    if not pool:
        raise KeyError(f"no shard of language {lang!r}")
    rng = random.Random(seed)
    total = sum(n for _, n in pool)
    picks = []
    for number in rng.sample(range(total), min(count, total)):
        for prefix, n in pool:
            if number < n:
                picks.append((prefix, number))
                break
            number -= n
    return picks


def verify(folder: ShardFolder, progress: Callable[[str], None] | None = None) -> list[tuple[str, str]]:
    """(shard, what is wrong) for every problem; empty when the folder matches its manifest."""
    manifest = folder.manifest()
    problems: list[tuple[str, str]] = []
    documents = tokens = 0
    for shard in manifest["shards"]:
        prefix = shard["prefix"]
        if progress:
            progress(prefix)
        missing = [kind for kind in ("bin", "idx") if not folder.exists(shard["files"][kind])]
        if missing:
            problems.append((prefix, f"missing {', '.join(missing)} file"))
            continue
        for kind in ("bin", "idx"):
            digest, size = hashlib.sha256(), 0
            with open_input(folder.url(shard["files"][kind]), folder.s3) as stream:
                for chunk in iter(lambda stream=stream: stream.read(1 << 20), b""):
                    digest.update(chunk)
                    size += len(chunk)
            if size != shard["bytes"][kind]:
                problems.append((prefix, f".{kind} has {size} bytes, manifest says {shard['bytes'][kind]}"))
            if digest.hexdigest() != shard["sha256"][kind]:
                problems.append((prefix, f".{kind} sha256 {digest.hexdigest()[:16]}… differs from the manifest's "
                                         f"{shard['sha256'][kind][:16]}…"))
        try:
            index = folder.index(shard)
        except ValueError as exc:
            problems.append((prefix, str(exc)))
            continue
        if index.token_count * index.dtype.itemsize != shard["bytes"]["bin"]:
            problems.append((prefix, f".idx describes {index.token_count} tokens "
                                     f"({index.token_count * index.dtype.itemsize} bytes) but .bin should have "
                                     f"{shard['bytes']['bin']} bytes"))
        if index.dtype.name != manifest["dtype"]:
            problems.append((prefix, f".idx dtype {index.dtype.name}, manifest says {manifest['dtype']}"))
        if len(index.sizes) != shard["documents"] or index.token_count != shard["tokens"]:
            problems.append((prefix, f".idx has {len(index.sizes)} documents / {index.token_count} tokens, manifest "
                                     f"says {shard['documents']} / {shard['tokens']}"))
        documents += len(index.sizes)
        tokens += index.token_count
    totals = manifest["totals"]
    if (documents, tokens) != (totals["documents"], totals["tokens"]) and not problems:
        problems.append(("manifest", f"totals say {totals['documents']} documents / {totals['tokens']} tokens, "
                                     f"the shards hold {documents} / {tokens}"))
    return problems
