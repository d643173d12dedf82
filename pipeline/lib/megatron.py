"""Megatron's indexed dataset (``MMIDIDX``, version 1): the ``.bin``/``.idx`` shard format, written by the tokenize
stage and read by the training feed and ``corpusforge shards`` — one definition of the format for all three.

A ``.bin`` holds every document's tokens back to back (each ending with the tokenizer's EOS); its ``.idx`` holds
a header (magic, version, dtype code, sequence and document counts), each sequence's length, each sequence's
byte offset in the ``.bin``, and the document index (sequence numbers where documents start, ending with the
sequence count). The tokenize stage writes one sequence per document. ``manifest.json`` beside the shards lists
them with their sizes and checksums.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.lib.datasets import TOKENIZE_MANIFEST

INDEX_MAGIC = b"MMIDIDX\x00\x00"
INDEX_VERSION = 1
# Megatron's dtype codes (megatron/core/datasets/indexed_dataset.py DType).
DTYPE_BY_CODE: dict[int, type[np.generic]] = {
    1: np.uint8, 2: np.int8, 3: np.int16, 4: np.int32, 5: np.int64, 6: np.float64, 7: np.float32, 8: np.uint16,
}
CODE_BY_DTYPE: dict[np.dtype, int] = {np.dtype(dtype): code for code, dtype in DTYPE_BY_CODE.items()}
_HEADER = struct.Struct("<9sQBQQ")  # magic, version, dtype code, sequence count, document count
# Megatron's rule for the token dtype: uint16 below this vocabulary size, int32 from it.
UINT16_VOCAB_LIMIT = 65_500


def token_dtype(vocab_size: int) -> np.dtype:
    return np.dtype(np.uint16) if vocab_size < UINT16_VOCAB_LIMIT else np.dtype(np.int32)


def write_index(path: str, sizes: list[int], dtype: np.dtype) -> None:
    """The ``.idx`` of a shard whose documents (one sequence each) have ``sizes`` tokens."""
    lengths = np.asarray(sizes, dtype=np.int32)
    pointers = np.zeros(len(sizes), dtype=np.int64)
    if len(sizes) > 1:
        np.cumsum(lengths[:-1].astype(np.int64) * dtype.itemsize, out=pointers[1:])
    with open(path, "wb") as handle:
        handle.write(INDEX_MAGIC)
        handle.write(struct.pack("<Q", INDEX_VERSION))
        handle.write(struct.pack("<B", CODE_BY_DTYPE[dtype]))
        handle.write(struct.pack("<Q", len(sizes)))
        handle.write(struct.pack("<Q", len(sizes) + 1))
        handle.write(lengths.tobytes(order="C"))
        handle.write(pointers.tobytes(order="C"))
        handle.write(np.arange(len(sizes) + 1, dtype=np.int64).tobytes(order="C"))




@dataclass(frozen=True)
class ParsedIndex:
    dtype: np.dtype
    sizes: np.ndarray
    pointers: np.ndarray
    document_indices: np.ndarray
    token_offsets: np.ndarray  # token offset of each sequence, and the total at the end

    @property
    def token_count(self) -> int:
        return int(self.token_offsets[-1])


def parse_index(index, name: str) -> ParsedIndex:
    """A Megatron ``.idx`` (bytes or a memory map), checked for internal consistency; ValueError naming ``name``."""
    if len(index) < _HEADER.size:
        raise ValueError(f"{name}: {len(index)} bytes, shorter than the {_HEADER.size}-byte header")
    magic, version, dtype_code, sequence_count, document_count = _HEADER.unpack_from(index, 0)
    if magic != INDEX_MAGIC:
        raise ValueError(f"{name}: not a Megatron index (magic {magic!r}, expected {INDEX_MAGIC!r})")
    if version != INDEX_VERSION:
        raise ValueError(f"{name}: index version {version}, only version {INDEX_VERSION} is supported")
    if dtype_code not in DTYPE_BY_CODE:
        raise ValueError(f"{name}: unknown dtype code {dtype_code} (known: {sorted(DTYPE_BY_CODE)})")
    if document_count < 1:
        raise ValueError(f"{name}: document index has {document_count} entries, needs at least 1")
    expected_size = _HEADER.size + 4 * sequence_count + 8 * sequence_count + 8 * document_count
    if len(index) != expected_size:
        raise ValueError(f"{name}: {len(index)} bytes, but {sequence_count} sequences and "
                         f"{document_count} document entries need {expected_size} (truncated or corrupt)")
    dtype = np.dtype(DTYPE_BY_CODE[dtype_code])
    offset = _HEADER.size
    sizes = np.frombuffer(index, dtype="<i4", count=sequence_count, offset=offset)
    offset += 4 * sequence_count
    pointers = np.frombuffer(index, dtype="<i8", count=sequence_count, offset=offset)
    offset += 8 * sequence_count
    document_indices = np.frombuffer(index, dtype="<i8", count=document_count, offset=offset)
    if (sizes < 0).any():
        raise ValueError(f"{name}: negative sequence length")
    # Sequence i starts where the ones before it end: anything else means the .idx is not this .bin's.
    token_offsets = np.zeros(sequence_count + 1, dtype=np.int64)
    np.cumsum(sizes, out=token_offsets[1:])
    if not np.array_equal(pointers, token_offsets[:-1] * dtype.itemsize):
        raise ValueError(f"{name}: sequence pointers are not the running byte total of the lengths")
    starts_and_ends = document_indices[[0, -1]]
    if starts_and_ends[0] != 0 or starts_and_ends[1] != sequence_count or (np.diff(document_indices) < 0).any():
        raise ValueError(f"{name}: document index must rise from 0 to the sequence count {sequence_count}")
    return ParsedIndex(dtype, sizes, pointers, document_indices, token_offsets)


class IndexedShard:
    """One ``.bin``/``.idx`` pair. ``document(i)`` and ``tokens`` are read-only views into the mapped ``.bin``.

    The ``.idx`` is checked against the ``.bin`` when opened (sizes, contiguous pointers, file length), because
    a truncated or mismatched shard otherwise shows up hours into a run as garbage tokens or an index error.
    Pickling keeps only the path, so DataLoader workers and spawned processes re-map the files instead of
    copying their contents.
    """

    def __init__(self, prefix_path: str | Path):
        prefix = Path(prefix_path)
        if prefix.suffix in (".bin", ".idx"):
            prefix = prefix.with_suffix("")
        self.prefix = prefix
        self.idx_path = Path(f"{prefix}.idx")
        self.bin_path = Path(f"{prefix}.bin")
        self._open()

    def _open(self) -> None:
        index = np.memmap(self.idx_path, dtype=np.uint8, mode="r") if self.idx_path.stat().st_size else b""
        parsed = parse_index(index, str(self.idx_path))
        self.dtype, self.sizes, self.pointers, self.document_indices = (
            parsed.dtype, parsed.sizes, parsed.pointers, parsed.document_indices)
        token_offsets = parsed.token_offsets
        self._token_offsets = token_offsets
        token_count = int(token_offsets[-1])
        bin_size = self.bin_path.stat().st_size
        if bin_size != token_count * self.dtype.itemsize:
            raise ValueError(f"{self.bin_path}: {bin_size} bytes, but {self.idx_path.name} describes {token_count} "
                             f"{self.dtype} tokens ({token_count * self.dtype.itemsize} bytes)")
        # np.memmap refuses an empty file; an empty shard is legal and simply has no tokens.
        self.tokens = (np.memmap(self.bin_path, dtype=self.dtype, mode="r") if token_count
                       else np.empty(0, dtype=self.dtype))

    def __len__(self) -> int:
        """Documents (Megatron allows several sequences per document; the tokenize stage writes one)."""
        return len(self.document_indices) - 1

    def document(self, i: int) -> np.ndarray:
        if not -len(self) <= i < len(self):
            raise IndexError(f"document {i} out of range for {self.prefix} ({len(self)} documents)")
        i %= len(self)
        first, stop = self.document_indices[i], self.document_indices[i + 1]
        return self.tokens[self._token_offsets[first]:self._token_offsets[stop]]

    @property
    def token_count(self) -> int:
        return len(self.tokens)

    def __getstate__(self) -> dict[str, Any]:
        return {"prefix": self.prefix}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["prefix"])

    def __repr__(self) -> str:
        return f"IndexedShard({str(self.prefix)!r}, documents={len(self)}, tokens={self.token_count}, {self.dtype})"




def read_manifest(tokenize_dir: str | Path) -> dict[str, Any]:
    """The manifest of a local tokenize folder."""
    path = Path(tokenize_dir) / TOKENIZE_MANIFEST.name
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: is {tokenize_dir} the tokenize stage's output folder?")
    return json.loads(path.read_text(encoding="utf-8"))
