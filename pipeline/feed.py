"""The training side of the tokenize stage: reads its Megatron token shards straight from disk for a GPU job.

Layout of a tokenize folder (paths in the JSON files are relative to it):
- ``shards/<lang>/<lang>_<NNNNN>.bin`` + ``.idx``: Megatron's indexed dataset (``pipeline.lib.megatron``);
- ``manifest.json``: tokenizer identity, token dtype, and per-shard counts and checksums;
- ``blend.json`` / ``blend.txt``: the sampling weight of each shard (``blend.txt`` is Megatron's ``--data-path``).

Everything here is numpy over ``np.memmap``: a shard costs no memory until its pages are read, and the page
cache is shared by every data-parallel rank and DataLoader worker on a node. torch is imported only by
``TokenWindowDataset`` and ``make_dataloader``, so the Spark side and the tests of the reader run without it.

Sampling (``BlendedWindows``) is GPT pretraining's: fixed-length windows that cross document boundaries (the
EOS token between documents tells the model where one ends), drawn with replacement. Window ``i`` is a pure
function of ``(seed, i)``, so a run is reproducible, a rank can resume at any sample without replaying the
ones before, and the global sample sequence does not depend on how many ranks split it.
"""

from __future__ import annotations

import json
import math
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.lib.megatron import IndexedShard, read_manifest


@dataclass(frozen=True)
class BlendEntry:
    prefix: str  # relative to the tokenize folder, no extension
    weight: float  # normalised over the shards that are sampled
    lang: str | None = None


def read_blend(tokenize_dir: str | Path) -> list[BlendEntry]:
    """The shard weights from ``blend.json``, or, without one, each shard's share of the manifest's tokens
    (the natural mixture: every token equally likely)."""
    tokenize_dir = Path(tokenize_dir)
    blend_path = tokenize_dir / "blend.json"
    if blend_path.is_file():
        rows = json.loads(blend_path.read_text(encoding="utf-8"))["weights"]
        entries = [BlendEntry(row["prefix"], float(row["weight"]), row.get("lang")) for row in rows]
        source = blend_path
    else:
        manifest = read_manifest(tokenize_dir)
        entries = [BlendEntry(shard["prefix"], float(shard["tokens"]), shard.get("lang"))
                   for shard in manifest["shards"]]
        source = tokenize_dir / "manifest.json"
    for entry in entries:
        if not (math.isfinite(entry.weight) and entry.weight >= 0):
            raise ValueError(f"{source}: weight {entry.weight} of {entry.prefix} is not a finite number >= 0")
    total = sum(entry.weight for entry in entries)
    if total <= 0:
        raise ValueError(f"{source}: no shard has a positive weight")
    return [BlendEntry(entry.prefix, entry.weight / total, entry.lang) for entry in entries]


class BlendedWindows:
    """Windows of ``seq_len + 1`` tokens (inputs plus the next-token labels), shard chosen ∝ its blend weight.

    Shards shorter than ``seq_len + 1`` tokens are skipped with a warning rather than padded: padding would
    need a pad token and a loss mask the launcher does not have, and a shard that short holds a negligible
    share of any real corpus. The weights of the remaining shards are renormalised. Windows start anywhere in
    a shard (uniformly), so its first and last ``seq_len`` tokens are seen a little less often than the rest.

    Rank ``r`` of ``world_size`` reads the global windows ``i ≡ r (mod world_size)``: the stripes are disjoint,
    and together they are exactly the single-process sequence.
    """

    def __init__(self, tokenize_dir: str | Path, seq_len: int, seed: int = 0, rank: int = 0, world_size: int = 1):
        if seq_len < 1:
            raise ValueError(f"seq_len must be at least 1, got {seq_len}")
        if seed < 0:
            raise ValueError(f"seed must be >= 0 (numpy seeds are non-negative), got {seed}")
        if not 0 <= rank < world_size:
            raise ValueError(f"rank {rank} is not in 0..{world_size - 1}")
        self.tokenize_dir = Path(tokenize_dir)
        self.seq_len = seq_len
        self.seed = seed
        self.rank = rank
        self.world_size = world_size
        manifest_path = self.tokenize_dir / "manifest.json"
        self.manifest = read_manifest(self.tokenize_dir) if manifest_path.is_file() else None
        expected_dtype = np.dtype(self.manifest["dtype"]) if self.manifest and "dtype" in self.manifest else None

        self.entries: list[BlendEntry] = []
        self.shards: list[IndexedShard] = []
        self.skipped: list[BlendEntry] = []
        for entry in read_blend(self.tokenize_dir):
            if entry.weight == 0:
                continue
            shard = IndexedShard(self.tokenize_dir / entry.prefix)
            if expected_dtype is not None and shard.dtype != expected_dtype:
                raise ValueError(f"{shard.idx_path}: tokens are {shard.dtype}, the manifest says {expected_dtype}")
            if shard.token_count < seq_len + 1:
                warnings.warn(f"skipping shard {entry.prefix}: {shard.token_count} tokens, a window needs "
                              f"{seq_len + 1}", stacklevel=2)
                self.skipped.append(entry)
                continue
            self.entries.append(entry)
            self.shards.append(shard)
        if not self.shards:
            raise ValueError(f"{self.tokenize_dir}: no shard has the {seq_len + 1} tokens a window of seq_len "
                             f"{seq_len} needs")
        weights = np.array([entry.weight for entry in self.entries], dtype=np.float64)
        self.weights = weights / weights.sum()
        self._cumulative_weights = np.cumsum(self.weights)

    def locate(self, i: int) -> tuple[int, int]:
        """(shard number, first token) of global window ``i``."""
        if i < 0:
            raise IndexError(f"window index must be >= 0, got {i}")
        rng = np.random.default_rng([self.seed, i])
        shard_number = int(np.searchsorted(self._cumulative_weights, rng.random(), side="right"))
        shard_number = min(shard_number, len(self.shards) - 1)  # the cumulative sum may end a hair below 1
        start = int(rng.integers(0, self.shards[shard_number].token_count - self.seq_len))
        return shard_number, start

    def window(self, i: int) -> np.ndarray:
        shard_number, start = self.locate(i)
        return np.array(self.shards[shard_number].tokens[start:start + self.seq_len + 1], dtype=np.int64)

    def global_index(self, position: int) -> int:
        """The global window index of this rank's ``position``-th window."""
        return self.rank + position * self.world_size

    def iter_from(self, position: int = 0) -> Iterator[np.ndarray]:
        """This rank's windows from its ``position``-th on: to resume, pass the windows it has consumed."""
        while True:
            yield self.window(self.global_index(position))
            position += 1

    def __iter__(self) -> Iterator[np.ndarray]:
        return self.iter_from(0)

    @property
    def vocab_size(self) -> int | None:
        return self.manifest["tokenizer"]["vocab_size"] if self.manifest else None


@cache
def _token_window_dataset_class() -> type:
    """Defined on first use so that importing this module never imports torch."""
    import torch
    from torch.utils.data import IterableDataset, get_worker_info

    class TokenWindowDataset(IterableDataset):
        """``(input_ids, labels)`` LongTensors of ``seq_len`` tokens each, labels shifted by one.

        Iterable rather than map-style because the rank stripe is already in ``BlendedWindows``: a
        DistributedSampler on top would split it a second time. DataLoader workers split this rank's stripe
        in blocks of ``block`` windows, worker ``w`` of ``n`` taking blocks ``w, w + n, ...``. The DataLoader
        collects each batch inside one worker and takes batches from the workers in turn, so with ``block``
        equal to the batch size (as ``make_dataloader`` sets it) batches arrive in the same order whatever
        ``num_workers`` is, and ``start`` (windows this rank has consumed) resumes exactly.
        """

        def __init__(self, windows: BlendedWindows, start: int = 0, block: int = 1):
            super().__init__()
            self.windows = windows
            self.start = start
            self.block = block

        def __iter__(self) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
            worker = get_worker_info()
            worker_id, worker_count = (worker.id, worker.num_workers) if worker else (0, 1)
            block_number = worker_id
            while True:
                first = self.start + block_number * self.block
                for position in range(first, first + self.block):
                    tokens = torch.from_numpy(self.windows.window(self.windows.global_index(position)))
                    yield tokens[:-1], tokens[1:]
                block_number += worker_count

    return TokenWindowDataset


def __getattr__(name: str) -> Any:
    if name == "TokenWindowDataset":
        return _token_window_dataset_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def make_dataloader(tokenize_dir: str | Path, seq_len: int, batch_size: int, seed: int = 0, rank: int = 0,
                    world_size: int = 1, num_workers: int = 0, pin_memory: bool = False, start: int = 0):
    """A DataLoader of ``(input_ids, labels)`` batches, shape ``(batch_size, seq_len)``, for one rank; endless.

    ``start`` counts windows (not batches) this rank has consumed. The batches are the same whatever
    ``num_workers`` is; workers only read ahead.
    """
    from torch.utils.data import DataLoader

    windows = BlendedWindows(tokenize_dir, seq_len, seed=seed, rank=rank, world_size=world_size)
    dataset = _token_window_dataset_class()(windows, start=start, block=batch_size)
    return DataLoader(dataset, batch_size=batch_size, num_workers=num_workers, pin_memory=pin_memory,
                      persistent_workers=num_workers > 0)
