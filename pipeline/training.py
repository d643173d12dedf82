"""Training a small causal LM on the tokenize stage's shards: the model and loop that `jobs/train_launcher.py`
and `corpusforge ablate` share.

One process or many under torchrun: each rank reads a disjoint stripe of the same global window sequence
(``pipeline.feed``), so what a run sees does not depend on how many GPUs split it. On CUDA it uses NCCL, one
GPU per local rank and bf16 autocast; on CPU, gloo and float32. torch is imported by this module, so only the
training side (never Spark or the CLI's other commands) pays for it.
"""

from __future__ import annotations

import gc
import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch import nn
from torch.nn.parallel import DistributedDataParallel

from pipeline.feed import make_dataloader, read_manifest


class TinyCausalLM(nn.Module):
    """Token + learned position embeddings, pre-norm transformer layers under a causal mask, tied LM head.

    Tying the head to the embedding halves the parameters, which matters here: with Qwen's 151,851-token
    vocabulary the embedding is most of the model at any width this small.
    """

    def __init__(self, vocab_size: int, seq_len: int, d_model: int, layers: int, heads: int):
        super().__init__()
        self.seq_len = seq_len
        self.token_embedding = nn.Embedding(vocab_size, d_model)
        self.position_embedding = nn.Embedding(seq_len, d_model)
        layer = nn.TransformerEncoderLayer(d_model, heads, dim_feedforward=4 * d_model, dropout=0.0,
                                           activation="gelu", batch_first=True, norm_first=True)
        # enable_nested_tensor only helps padded batches, and warns with norm_first.
        self.layers = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.final_norm = nn.LayerNorm(d_model)
        self.lm_head = nn.Linear(d_model, vocab_size, bias=False)
        self.lm_head.weight = self.token_embedding.weight
        # nn.Embedding's N(0, 1) start, seen through the tied head, gives logits of spread ~sqrt(d_model) and a
        # first loss far above log(vocab); GPT-2's N(0, 0.02) starts near the uniform guess.
        nn.init.normal_(self.token_embedding.weight, std=0.02)
        nn.init.normal_(self.position_embedding.weight, std=0.02)
        self.register_buffer("causal_mask", nn.Transformer.generate_square_subsequent_mask(seq_len),
                             persistent=False)

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        length = input_ids.shape[1]
        positions = torch.arange(length, device=input_ids.device)
        hidden = self.token_embedding(input_ids) + self.position_embedding(positions)
        hidden = self.layers(hidden, mask=self.causal_mask[:length, :length], is_causal=True)
        return self.lm_head(self.final_norm(hidden))


def parameter_counts(model: nn.Module) -> tuple[int, int]:
    """(all parameters, non-embedding parameters): sizes are named by the second, as scaling studies do, because
    the embedding's share depends on the tokenizer, not on the model's capacity."""
    inner = model.module if isinstance(model, DistributedDataParallel) else model
    total = sum(p.numel() for p in inner.parameters())
    embedding = inner.token_embedding.weight.numel() + inner.position_embedding.weight.numel()
    return total, total - embedding


@dataclass(frozen=True)
class TrainSettings:
    seq_len: int
    batch_size: int  # sequences per step on each rank
    steps: int
    d_model: int
    layers: int
    heads: int
    lr: float = 3e-4
    weight_decay: float = 0.1
    seed: int = 0
    log_every: int = 1
    num_workers: int = 0
    # constant: the launcher's smoke run. cosine: linear warm-up then cosine decay to min_lr_ratio × lr, what
    # proxy-model ablations use so that the final loss reflects the data rather than where the schedule stopped.
    schedule: str = "constant"
    warmup_steps: int = 0
    min_lr_ratio: float = 0.1
    grad_clip: float = 1.0


def setup_distributed(requested_device: str) -> tuple[int, int, torch.device]:
    """(rank, world size, device) from torchrun's environment; a plain `python` run is rank 0 of 1."""
    use_cuda = requested_device == "cuda" or (requested_device == "auto" and torch.cuda.is_available())
    if use_cuda and not torch.cuda.is_available():
        raise RuntimeError("--device cuda: torch sees no CUDA device (use --device cpu or auto)")
    rank = int(os.environ.get("RANK", 0))
    world_size = int(os.environ.get("WORLD_SIZE", 1))
    local_rank = int(os.environ.get("LOCAL_RANK", 0))
    if use_cuda:
        torch.cuda.set_device(local_rank)
        device = torch.device("cuda", local_rank)
    else:
        device = torch.device("cpu")
    if world_size > 1 and not dist.is_initialized():
        dist.init_process_group(backend="nccl" if use_cuda else "gloo", device_id=device if use_cuda else None)
    return rank, world_size, device


def teardown_distributed() -> None:
    if dist.is_initialized():
        # DDP's reference cycles keep the gloo process group alive past destroy_process_group; freed only at
        # interpreter exit, it aborts the process ("terminate called without an active exception") about one
        # run in five on CPU. Collecting them first ends every run cleanly.
        gc.collect()
        dist.destroy_process_group()


def learning_rate(settings: TrainSettings, step: int) -> float:
    """The rate of 1-based ``step`` under the settings' schedule."""
    if settings.schedule == "constant":
        return settings.lr
    if step <= settings.warmup_steps:
        return settings.lr * step / max(1, settings.warmup_steps)
    span = max(1, settings.steps - settings.warmup_steps)
    progress = min(1.0, (step - settings.warmup_steps) / span)
    floor = settings.lr * settings.min_lr_ratio
    return floor + (settings.lr - floor) * 0.5 * (1 + math.cos(math.pi * progress))


@dataclass
class StepLog:
    step: int
    loss: float  # mean over ranks of this step's training loss (nats per token)
    tokens: int  # training tokens seen so far, all ranks
    tokens_per_second: float


def build_model(vocab_size: int, settings: TrainSettings, device: torch.device) -> TinyCausalLM:
    torch.manual_seed(settings.seed)  # the same initial weights on every rank (DDP broadcasts rank 0's anyway)
    return TinyCausalLM(vocab_size, settings.seq_len, settings.d_model, settings.layers, settings.heads).to(device)


def train(data: str | Path, settings: TrainSettings, rank: int, world_size: int, device: torch.device, *,
          on_log: Callable[[StepLog], None] | None = None,
          on_checkpoint: Callable[[int, TinyCausalLM], None] | None = None,
          checkpoint_steps: frozenset[int] = frozenset()) -> tuple[TinyCausalLM, int]:
    """Train a fresh model for ``settings.steps`` on the shards in ``data``; returns (the unwrapped model, status).

    status is 1 when the loss stops being finite (every rank sees the same averaged loss, so all stop together),
    else 0. ``on_log`` is called on every rank every ``log_every`` steps and at the last; ``on_checkpoint`` with
    the model after each step in ``checkpoint_steps`` (for learning curves; step 0 is before training).
    """
    manifest = read_manifest(data)
    vocab_size = int(manifest["tokenizer"]["vocab_size"])
    model = build_model(vocab_size, settings, device)
    if on_checkpoint is not None and 0 in checkpoint_steps:
        on_checkpoint(0, model)
    wrapped: nn.Module = model
    if world_size > 1:
        wrapped = DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)
    optimizer = torch.optim.AdamW(wrapped.parameters(), lr=settings.lr, weight_decay=settings.weight_decay)
    loader = make_dataloader(data, settings.seq_len, settings.batch_size, seed=settings.seed, rank=rank,
                             world_size=world_size, num_workers=settings.num_workers,
                             pin_memory=device.type == "cuda")
    use_bf16 = device.type == "cuda" and torch.cuda.is_bf16_supported()
    tokens_per_step = settings.batch_size * settings.seq_len * world_size
    wrapped.train()
    started = time.perf_counter()
    for step, (input_ids, labels) in zip(range(1, settings.steps + 1), loader, strict=False):
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(settings, step)
        input_ids = input_ids.to(device, non_blocking=True)
        labels = labels.to(device, non_blocking=True)
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=use_bf16):
            logits = wrapped(input_ids)
        loss = F.cross_entropy(logits.float().view(-1, vocab_size), labels.view(-1))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(wrapped.parameters(), settings.grad_clip)
        optimizer.step()

        if step % settings.log_every == 0 or step == settings.steps:
            reported = loss.detach().clone()
            if world_size > 1:
                dist.all_reduce(reported)  # gloo has no AVG: sum, then divide
                reported /= world_size  # the mean over ranks, not rank 0's alone
            loss_value = reported.item()  # also waits for the GPU, so the timing below is real
            elapsed = time.perf_counter() - started
            steps_timed = settings.log_every if step % settings.log_every == 0 else step % settings.log_every
            if on_log is not None:
                on_log(StepLog(step, loss_value, step * tokens_per_step, tokens_per_step * steps_timed / elapsed))
            if not math.isfinite(loss_value):
                return model, 1
            started = time.perf_counter()
        if on_checkpoint is not None and step in checkpoint_steps:
            wrapped.eval()
            on_checkpoint(step, model)
            wrapped.train()
    return model, 0
