"""Benchmark: tokens per second of the tokenize stage's shard writer against raw batch encoding (the limit).

Both sides encode the same documents with the same tokenizer, one after the other in one process:

- anchor: the tokenizer's own batch call and nothing else — ``tokenizers.Tokenizer.encode_batch`` for a
  ``tokenizer.json`` (a byte-level BPE trained here on the documents), tiktoken's ``encode_ordinary_batch`` (after
  the NFC normalization Qwen's tokenizer applies) for the default Qwen tokenizer;
- corpusforge: ``pipeline.stages.tokenize._write_shards``, what every Spark task of the stage runs — encode in
  batches, append EOS, convert to the shard dtype, write the ``.bin``, hash it, write the ``.idx`` and the
  lineage rows — into a local folder.

Measured as wall time and CPU time (``tokenizers`` encodes with several threads); the ratio is tokens per second
of corpusforge over the anchor's (goal ≥ 0.8: shard writing costs at most a fifth of the encoding).

    .venv/bin/python bench/tokenize_stage.py --docs 4000
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from bench_results import save_result

from pipeline.core.config import S3Config, TokenizerConfig
from pipeline.lib.megatron import token_dtype
from pipeline.lib.tokenizer import DEFAULT_QWEN, from_config, train_bpe
from pipeline.sample.text import good_document
from pipeline.stages.tokenize import _write_shards

LANGUAGES = ("en", "de", "fr", "es", "ru", "ja", "zh")


def documents(count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for index in range(count):
        lang = LANGUAGES[index % len(LANGUAGES)]
        rows.append({"shard": f"shards/{lang}/{lang}_00000", "key": index, "id": f"doc{index:07d}", "copy": 1,
                     "lang": lang, "text": good_document(lang, random.Random(rng.random())).text, "token_ids": None,
                     "url": f"https://example.com/{index}", "host": "com.example", "domain": "com.example",
                     "dup_cluster_size": 1, "warc_path": "bench.warc.gz", "offset": index})
    rows.sort(key=lambda row: row["shard"])
    return rows


def timed(action) -> tuple[object, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def measure(settings: TokenizerConfig, rows: list[dict], raw_encode) -> list[tuple[str, int, float, float]]:
    tokenizer = from_config(settings)
    texts = [row["text"] for row in rows]
    raw_encode(texts[:50])  # warm-up: thread pools, caches
    encoded, raw_wall, raw_cpu = timed(lambda: raw_encode(texts))
    raw_tokens = sum(len(ids) for ids in encoded)
    with tempfile.TemporaryDirectory() as folder:
        writer = _write_shards(iter(rows), tokenizer_settings=settings, target=folder, s3=S3Config(),
                               dtype_name=token_dtype(tokenizer.vocab_size).name)
        out, ours_wall, ours_cpu = timed(lambda: list(writer))
    ours_tokens = sum(row[5] for row in out if row[0] == "doc") - len(rows)  # EOS tokens are not the encoder's
    assert ours_tokens == raw_tokens, "both sides must encode the same tokens"
    return [("raw batch encoding", raw_tokens, raw_wall, raw_cpu), ("corpusforge shard writer", ours_tokens,
                                                                      ours_wall, ours_cpu)]


def report(title: str, results: list[tuple[str, int, float, float]]) -> tuple[float, float]:
    """Print the table; return the ratios (wall, CPU) of corpusforge's tokens per second over the anchor's."""
    print(f"\n{title}")
    print(f"{'side':<26}{'tokens':>12}{'wall s':>9}{'CPU s':>9}{'tokens/s':>14}{'tokens/CPU-s':>15}")
    for name, tokens, wall, cpu in results:
        print(f"{name:<26}{tokens:>12,}{wall:>9.2f}{cpu:>9.2f}{tokens / wall:>14,.0f}{tokens / cpu:>15,.0f}")
    (_, anchor_tokens, anchor_wall, anchor_cpu), (_, tokens, wall, cpu) = results
    wall_ratio = (tokens / wall) / (anchor_tokens / anchor_wall)
    cpu_ratio = (tokens / cpu) / (anchor_tokens / anchor_cpu)
    print(f"ratio corpusforge / raw encoding: {wall_ratio:.2f}× wall, {cpu_ratio:.2f}× CPU (goal ≥ 0.8×)")
    return wall_ratio, cpu_ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=4000, help="Documents, in 7 languages (default 4000)")
    parser.add_argument("--vocab-size", type=int, default=32000, help="Vocabulary of the BPE trained for the run")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rows = documents(args.docs, args.seed)
    print(f"input: {len(rows):,} generated documents, {sum(len(r['text'].encode()) for r in rows):,} bytes")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tokenizer.json"
        train_bpe((row["text"] for row in rows), args.vocab_size, path)
        settings = TokenizerConfig(kind="json", name="bench-bpe", path=str(path))
        hf = from_config(settings)._hf
        bpe = measure(settings, rows, lambda texts: [e.ids for e in hf.encode_batch(texts, add_special_tokens=False)])
        bpe_ratios = report(f"tokenizer.json (byte-level BPE, {args.vocab_size:,} tokens; uint16 shards): anchor "
                            "tokenizers.Tokenizer.encode_batch", bpe)
    qwen = TokenizerConfig(name=DEFAULT_QWEN)
    encoding = from_config(qwen)._encoding
    # Qwen's tokenizer NFC-normalizes before encoding: part of the anchor too.
    qwen_results = measure(qwen, rows, lambda texts: encoding.encode_ordinary_batch(
        [unicodedata.normalize("NFC", text) for text in texts], num_threads=1))
    qwen_ratios = report(f"Qwen ({qwen.name}, int32 shards): anchor NFC + tiktoken encode_ordinary_batch",
                         qwen_results)

    ratios = {}
    figures = {"docs": len(rows), "bytes": sum(len(r["text"].encode()) for r in rows)}
    for label, results, (wall_ratio, cpu_ratio) in ((f"BPE {args.vocab_size}", bpe, bpe_ratios),
                                                    (f"Qwen {qwen.name}", qwen_results, qwen_ratios)):
        ratios |= {f"{label}: corpusforge / raw encoding, wall": wall_ratio,
                   f"{label}: corpusforge / raw encoding, CPU": cpu_ratio}
        figures |= {f"{label}: {side} tokens/s": tokens / wall for side, tokens, wall, _ in results}
    save_result("tokenize_stage", sys.argv, "the tokenizer's raw batch encoding (tokenizers encode_batch; tiktoken "
                "encode_ordinary_batch for Qwen), tokens per second", goal="≥ 0.8×",
                figures=figures, ratios=ratios)


if __name__ == "__main__":
    main()
