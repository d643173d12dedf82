"""Stage ``tokenize``: Megatron token shards, their manifest, lineage and data-blend file.

Every document ``mix/docs`` gives repeats > 0 is copied that many times; each copy gets a key hashed from
(id, copy, seed), which both picks its shard — uniformly among its language's ⌈tokens·bytes/target⌉ shards, so
a document's copies and its neighbours in the crawl land anywhere — and orders the shard. Spark tasks write
their shards' ``.bin`` / ``.idx`` pairs in Megatron's indexed dataset format (``pipeline.lib.megatron``: uint16
tokens when the vocabulary is below 65,500, else int32), locally or to S3, with each file's SHA-256. The tokens
are the ones ``mix`` encoded (``mix/tokens``, EOS after each document): no document is encoded twice, and a
repeat is its bytes written again; only when ``mix`` counted tokens from a sample are they encoded here. The
driver then writes ``manifest.json`` (tokenizer identity, shards, totals, seed, config digest), ``blend.txt`` for
Megatron's ``--data-path`` (weight prefix pairs: the mix plan's share of the language split over its shards by
tokens) and ``blend.json``; ``tokenize/lineage`` maps (shard, document index) back to the document id, URL, WARC
file and offset.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from functools import partial
from itertools import chain
from typing import Any

import numpy as np
from pydantic import Field

from pipeline.core.config import S3Config, Section
from pipeline.core.stage import Stage, StageContext, StageDetails, StageError, Stats
from pipeline.core.storage import file_sha256, is_s3, local_path, put_file, safe_name
from pipeline.lib.datasets import (
    DEDUP_DOCS,
    MIX_COUNTS,
    MIX_DOCS,
    MIX_PLAN,
    MIX_TOKENS,
    TOKENIZE_BLEND_JSON,
    TOKENIZE_BLEND_TXT,
    TOKENIZE_LINEAGE,
    TOKENIZE_MANIFEST,
    TOKENIZE_SHARDS,
)
from pipeline.lib.megatron import token_dtype, write_index
from pipeline.lib.tokenizer import from_config


class TokenizeStageConfig(Section):
    target_shard_bytes: int = Field(
        default=256 << 20, ge=1024, description="Approximate size of one .bin file; each language gets ⌈size/target⌉"
    )
    seed: int = Field(default=0, description="Order of documents: a global shuffle by this seed")
    lineage: bool = Field(default=True, description="Write tokenize/lineage: (shard, document) → id, url, WARC, offset")


SHARDS_FOLDER = TOKENIZE_SHARDS.name
ENCODE_BATCH = 256


def shard_prefix(lang: str, number: int) -> str:
    lang = safe_name(lang, "language label")
    return f"{SHARDS_FOLDER}/{lang}/{lang}_{number:05d}"


def _write_shards(rows, *, tokenizer_settings, target: str, s3: S3Config, dtype_name: str):
    """Rows sorted by (shard, order) → the shards' files; yields ('doc', ...) lineage and ('shard', ...) rows.

    A local target is written in place; an S3 target through a scratch file and one upload per file.
    """
    tokenizer = from_config(tokenizer_settings)
    dtype = np.dtype(dtype_name)
    s3_config = s3
    eos = tokenizer.eos_id
    remote = is_s3(target)
    with tempfile.TemporaryDirectory(prefix="corpusforge-shard-") as scratch:
        state: dict = {"shard": None}
        pending: list = []

        def paths(shard: str) -> tuple[str, str]:
            if remote:
                return os.path.join(scratch, "shard.bin"), os.path.join(scratch, "shard.idx")
            base = os.path.join(local_path(target), shard)
            os.makedirs(os.path.dirname(base), exist_ok=True)
            return f"{base}.bin", f"{base}.idx"

        def flush_batch():
            stored = [row["token_ids"] for row in pending]
            if all(ids is not None for ids in stored):
                # Encoded once by mix: a repeated document is the same bytes written again.
                lengths = [len(ids) // dtype.itemsize for ids in stored]
                data = b"".join(stored)
            else:  # mix counted tokens from a sample (token_counts: sample): encode here, once
                encoded = tokenizer.encode_batch([row["text"] for row in pending])
                lengths = [len(ids) + 1 for ids in encoded]
                # One conversion per batch: the per-document copies into numpy cost more than the writing.
                flat = np.fromiter(chain.from_iterable(chain(ids, (eos,)) for ids in encoded), dtype=dtype,
                                   count=sum(lengths))
                data = flat.tobytes()
            state["handle"].write(data)
            state["digest"].update(data)
            sizes = state["sizes"]
            for row, length in zip(pending, lengths, strict=True):
                sizes.append(length)
                yield ("doc", state["shard"], len(sizes) - 1, row["id"], row["copy"], length, row["lang"],
                       row["url"], row["host"], row["domain"], row["dup_cluster_size"], row["warc_path"],
                       row["offset"], None, None, None, None, None)
            pending.clear()

        def close_shard():
            state["handle"].close()
            shard, sizes = state["shard"], state["sizes"]
            bin_path, idx_path = paths(shard)
            write_index(idx_path, sizes, dtype)
            if remote:
                for local, extension in ((bin_path, "bin"), (idx_path, "idx")):
                    put_file(local, f"{target}/{shard}.{extension}", s3_config)
            yield ("shard", shard, None, None, None, int(sum(sizes)), shard.split("/")[1], None, None, None, None,
                   None, None, len(sizes), os.path.getsize(bin_path), os.path.getsize(idx_path),
                   state["digest"].hexdigest(), file_sha256(idx_path))

        for row in rows:
            if row["shard"] != state["shard"]:
                if state["shard"] is not None:
                    yield from flush_batch()
                    yield from close_shard()
                state.update(shard=row["shard"], sizes=[], digest=hashlib.sha256(),
                             handle=open(paths(row["shard"])[0], "wb"))  # noqa: SIM115 - closed in close_shard
            pending.append(row)
            if len(pending) >= ENCODE_BATCH:
                yield from flush_batch()
        if state["shard"] is not None:
            yield from flush_batch()
            yield from close_shard()


OUTPUT_SCHEMA = ("kind string, shard string, doc_index bigint, id string, copy int, tokens bigint, lang string, "
                 "url string, host string, domain string, dup_cluster_size bigint, warc_path string, offset bigint, "
                 "documents bigint, bin_bytes bigint, idx_bytes bigint, bin_sha256 string, idx_sha256 string")


class TokenizeDetails(StageDetails):
    tokenizer: dict[str, Any] = {}
    dtype: str = ""
    totals: dict[str, Any] = {}
    languages: dict[str, dict[str, Any]] = {}


class TokenizeStage(Stage):
    name = "tokenize"
    description = "Megatron .bin/.idx token shards, manifest and data-blend file."
    requires = ("mix", "dedup")
    writes = (TOKENIZE_LINEAGE, TOKENIZE_SHARDS, TOKENIZE_MANIFEST, TOKENIZE_BLEND_JSON, TOKENIZE_BLEND_TXT)
    settings = TokenizeStageConfig
    Details = TokenizeDetails
    config_sections = ("tokenizer",)
    filtering = False

    def run(self, ctx: StageContext, stats: Stats) -> None:
        from pyspark import StorageLevel
        from pyspark.sql import functions as F

        settings = ctx.config.stages.tokenize
        tokenizer = from_config(ctx.config.tokenizer)
        dtype = token_dtype(tokenizer.vocab_size)
        target = ctx.work_path
        if "://" in target and not is_s3(target) and not target.startswith("file://"):
            raise StageError(f"tokenize writes shard files from the executors to a local/shared folder or S3; "
                             f"output {ctx.out_root} is neither")
        mixed = ctx.read(MIX_DOCS).where(F.col("repeats") > 0)
        lineage_columns = ("id", "url", "host", "domain", "dup_cluster_size", "warc_path", "offset")
        counted = json.loads(ctx.fs.read_text(MIX_COUNTS.path(ctx.out_root)) or "{}").get("method")
        if counted == "exact":  # mix stored every document's tokens: no text needed, nothing encoded here
            docs = ctx.read(DEDUP_DOCS).select(*lineage_columns, F.lit(None).cast("string").alias("text")).join(
                ctx.read(MIX_TOKENS), "id")
        else:
            docs = ctx.read(DEDUP_DOCS).select(*lineage_columns, "text",
                                               F.lit(None).cast("binary").alias("token_ids"))
        language_rows = mixed.groupBy("lang").agg(F.sum(F.col("tokens") * F.col("repeats")).alias("tokens"),
                                                  F.count("*").alias("documents")).collect()
        per_language = {row["lang"]: row["tokens"] for row in language_rows}
        shard_counts = {lang: max(1, math.ceil(tokens * dtype.itemsize / settings.target_shard_bytes))
                        for lang, tokens in per_language.items()}
        counts = F.create_map(*[x for lang, n in shard_counts.items() for x in (F.lit(lang), F.lit(n))])
        if not shard_counts:  # nothing survived: an empty, typed map (an untyped one does not resolve)
            counts = counts.cast("map<string,int>")
        copies = (mixed.join(docs, "id")
                  .withColumn("copy", F.explode(F.sequence(F.lit(1), F.col("repeats"))))
                  .withColumn("key", F.xxhash64("id", "copy", F.lit(settings.seed)))
                  .withColumn("number", F.pmod("key", counts[F.col("lang")]))
                  .withColumn("shard", F.concat(F.lit(f"{SHARDS_FOLDER}/"), "lang", F.lit("/"), "lang", F.lit("_"),
                                                F.lpad(F.col("number").cast("string"), 5, "0"))))
        total_shards = sum(shard_counts.values())
        ordered = (copies.select("shard", "key", "id", "copy", "lang", "text", "token_ids", "url", "host", "domain",
                                 "dup_cluster_size", "warc_path", "offset")
                   .repartition(max(1, total_shards), "shard").sortWithinPartitions("shard", "key", "id", "copy"))
        write = partial(_write_shards, tokenizer_settings=ctx.config.tokenizer, target=target,
                        s3=ctx.config.storage.s3, dtype_name=dtype.name)
        written = ctx.spark.createDataFrame(ordered.rdd.mapPartitions(write), OUTPUT_SCHEMA)
        written = written.persist(StorageLevel.DISK_ONLY)
        shards = [row.asDict() for row in written.where(F.col("kind") == "shard").orderBy("shard").collect()]
        if settings.lineage:
            (written.where(F.col("kind") == "doc").select(*TOKENIZE_LINEAGE.column_names)
             .write.mode("overwrite").parquet(ctx.dataset_path(TOKENIZE_LINEAGE)))
        written.unpersist()
        plan_text = ctx.fs.read_text(MIX_PLAN.path(ctx.out_root))
        plan = json.loads(plan_text) if plan_text else {"languages": []}
        manifest = self._manifest(shards, tokenizer, dtype, settings, stats, plan)
        manifest["tokenizer"]["path"] = ctx.config.tokenizer.path  # kind json: where to load it to decode
        ctx.fs.write_text(ctx.artifact_path(TOKENIZE_MANIFEST), json.dumps(manifest, indent=2, sort_keys=True))
        blend = self._blend(manifest, plan)
        ctx.fs.write_text(ctx.artifact_path(TOKENIZE_BLEND_JSON), json.dumps({"weights": blend}, indent=2))
        blend_line = " ".join(f"{item['weight']:.8f} {item['prefix']}" for item in blend)
        ctx.fs.write_text(ctx.artifact_path(TOKENIZE_BLEND_TXT), blend_line + "\n")
        stats.input = sum(row["documents"] for row in language_rows)  # from the aggregation above, no second pass
        stats.output = manifest["totals"]["documents"]
        stats.details.update(tokenizer=manifest["tokenizer"], dtype=manifest["dtype"], totals=manifest["totals"],
                             languages=manifest["languages"])

    @staticmethod
    def _manifest(shards, tokenizer, dtype, settings, stats: Stats, plan: dict) -> dict:
        languages: dict[str, dict] = {}
        entries = []
        for shard in shards:
            lang = shard["lang"]
            entries.append({
                "prefix": shard["shard"], "lang": lang, "documents": shard["documents"], "tokens": shard["tokens"],
                "files": {"bin": f"{shard['shard']}.bin", "idx": f"{shard['shard']}.idx"},
                "bytes": {"bin": shard["bin_bytes"], "idx": shard["idx_bytes"]},
                "sha256": {"bin": shard["bin_sha256"], "idx": shard["idx_sha256"]},
            })
            summary = languages.setdefault(lang, {"documents": 0, "tokens": 0, "shards": 0})
            summary["documents"] += shard["documents"]
            summary["tokens"] += shard["tokens"]
            summary["shards"] += 1
        total_tokens = sum(s["tokens"] for s in languages.values()) or 1
        for summary in languages.values():
            summary["share"] = round(summary["tokens"] / total_tokens, 6)
        return {
            "tokenizer": tokenizer.identity.as_dict(), "dtype": dtype.name, "seed": settings.seed,
            "config_digest": stats.config_digest, "format": "megatron-mmididx-v1", "shards": entries,
            "totals": {"documents": sum(s["documents"] for s in languages.values()),
                       "tokens": sum(s["tokens"] for s in languages.values()), "shards": len(entries),
                       "bytes": sum(e["bytes"]["bin"] + e["bytes"]["idx"] for e in entries)},
            "languages": languages,
            "mix_plan": {entry["lang"]: {"share_after": entry["share_after"],
                                         "expected_epochs": entry["expected_epochs"]} for entry in plan["languages"]},
        }

    @staticmethod
    def _blend(manifest: dict, plan: dict) -> list[dict]:
        """Weight of each shard: its language's planned share, split over the language's shards by tokens."""
        planned = {entry["lang"]: entry["share_after"] for entry in plan["languages"]}
        languages = manifest["languages"]
        weights = []
        for shard in manifest["shards"]:
            lang = shard["lang"]
            share = planned.get(lang, languages[lang]["share"])
            weights.append({"prefix": shard["prefix"], "lang": lang,
                            "weight": share * shard["tokens"] / languages[lang]["tokens"]})
        total = sum(item["weight"] for item in weights) or 1.0
        for item in weights:
            item["weight"] = item["weight"] / total
        return weights
