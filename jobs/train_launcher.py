"""Train a tiny causal transformer LM on the tokenize stage's shards: the example a GPU team adapts.

    python jobs/train_launcher.py --data OUT/tokenize --steps 3
    torchrun --nproc_per_node 2 jobs/train_launcher.py --data OUT/tokenize --steps 3

It exists to prove the hand-off end to end (shards → windows → batches → loss going down, on one process or
under DDP) with the smallest model that exercises it, not to train anything useful. The parts meant to carry
over to a real job are the data path (``pipeline.feed.make_dataloader`` with this rank's stripe), the
distributed setup from torchrun's environment, and the tokenizer check at start; swap the model for yours.

Under torchrun each rank reads a disjoint stripe of the same global sample sequence, so the data a run sees
does not depend on the number of GPUs. On CUDA it uses NCCL, one GPU per local rank and bf16 autocast; on
CPU, gloo and float32.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import sys
import time
from pathlib import Path

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch import nn
from torch.nn.parallel import DistributedDataParallel

try:
    from pipeline.feed import make_dataloader, read_blend, read_manifest
except ModuleNotFoundError:  # a checkout without `pip install -e .`: the package is next to jobs/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from pipeline.feed import make_dataloader, read_blend, read_manifest


class TinyCausalLM(nn.Module):
    """Token + learned position embeddings, pre-norm transformer layers under a causal mask, tied LM head.

    Tying the head to the embedding halves the parameters, which matters here: with Qwen's 151,851-token
    vocabulary the embedding is most of the model at any width this small.
    """

    def __init__(self, vocab_size: int, seq_len: int, d_model: int, layers: int, heads: int):
        super().__init__()
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


class _HelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Shows defaults, except the "(default: None)" of a required option."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return action.help if action.required else super()._get_help_string(action)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Under torchrun, RANK, LOCAL_RANK and WORLD_SIZE come from the environment; --batch-size is per rank.",
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--data", required=True, type=Path,
                        help="the tokenize stage's output folder (holds manifest.json, blend.json, shards/)")
    parser.add_argument("--seq-len", type=int, default=128, help="tokens per training sequence")
    parser.add_argument("--batch-size", type=int, default=4, help="sequences per step on each rank")
    parser.add_argument("--steps", type=int, default=100, help="optimizer steps to run")
    parser.add_argument("--lr", type=float, default=3e-4, help="AdamW learning rate")
    parser.add_argument("--weight-decay", type=float, default=0.1, help="AdamW weight decay")
    parser.add_argument("--d-model", type=int, default=64, help="model width")
    parser.add_argument("--layers", type=int, default=2, help="transformer layers")
    parser.add_argument("--heads", type=int, default=4, help="attention heads (must divide --d-model)")
    parser.add_argument("--seed", type=int, default=0, help="seeds the data order and the model initialisation")
    parser.add_argument("--log-every", type=int, default=1, help="print a line every N steps (and the last)")
    parser.add_argument("--num-workers", type=int, default=0,
                        help="DataLoader worker processes per rank (the batches are the same for any value)")
    parser.add_argument("--device", choices=["auto", "cuda", "cpu"], default="auto",
                        help="auto: CUDA when available")
    args = parser.parse_args(argv)
    if args.d_model % args.heads:
        parser.error(f"--heads {args.heads} does not divide --d-model {args.d_model}")
    for name in ("seq_len", "batch_size", "steps", "log_every"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    return args


def setup_distributed(requested_device: str) -> tuple[int, int, torch.device]:
    """(rank, world size, device) from torchrun's environment; a plain `python` run is rank 0 of 1."""
    use_cuda = requested_device == "cuda" or (requested_device == "auto" and torch.cuda.is_available())
    rank = int(os.environ.get("RANK", 0))
    world_size = int(os.environ.get("WORLD_SIZE", 1))
    local_rank = int(os.environ.get("LOCAL_RANK", 0))
    if use_cuda:
        torch.cuda.set_device(local_rank)
        device = torch.device("cuda", local_rank)
    else:
        device = torch.device("cpu")
    if world_size > 1:
        dist.init_process_group(backend="nccl" if use_cuda else "gloo", device_id=device if use_cuda else None)
    return rank, world_size, device


def describe_data(data: Path, manifest: dict, seq_len: int) -> str:
    tokenizer = manifest["tokenizer"]
    totals = manifest.get("totals", {})
    languages = {}
    for entry in read_blend(data):
        languages[entry.lang] = languages.get(entry.lang, 0.0) + entry.weight
    blend = ", ".join(f"{lang} {weight:.1%}" for lang, weight in sorted(languages.items(), key=lambda kv: -kv[1]))
    return (f"tokenizer: {tokenizer['kind']} {tokenizer['name']} sha256 {tokenizer['sha256']} "
            f"vocab {tokenizer['vocab_size']} eos {tokenizer['eos_id']}\n"
            f"data: {data} — {totals.get('shards', len(manifest['shards']))} shards, "
            f"{totals.get('documents', '?')} documents, {totals.get('tokens', '?')} {manifest.get('dtype', '')} "
            f"tokens; blend {blend}; windows of {seq_len}+1 tokens")


def train(args: argparse.Namespace, rank: int, world_size: int, device: torch.device) -> int:
    """Runs the steps; 1 when the loss stops being finite (every rank sees the same averaged loss)."""
    is_main = rank == 0
    manifest = read_manifest(args.data)
    vocab_size = int(manifest["tokenizer"]["vocab_size"])
    if is_main:
        print(describe_data(args.data, manifest, args.seq_len), flush=True)
        print(f"world size {world_size}, device {device.type}, {args.batch_size} × {args.seq_len} tokens per rank "
              f"per step", flush=True)

    torch.manual_seed(args.seed)  # the same initial weights on every rank (DDP broadcasts rank 0's anyway)
    model = TinyCausalLM(vocab_size, args.seq_len, args.d_model, args.layers, args.heads).to(device)
    if world_size > 1:
        model = DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    if is_main:
        parameters = sum(p.numel() for p in model.parameters())
        print(f"model: {parameters:,} parameters ({args.layers} layers, d_model {args.d_model}, "
              f"{args.heads} heads)", flush=True)

    loader = make_dataloader(args.data, args.seq_len, args.batch_size, seed=args.seed, rank=rank,
                             world_size=world_size, num_workers=args.num_workers, pin_memory=device.type == "cuda")
    use_bf16 = device.type == "cuda" and torch.cuda.is_bf16_supported()
    tokens_per_step = args.batch_size * args.seq_len * world_size
    model.train()
    started = time.perf_counter()
    for step, (input_ids, labels) in zip(range(1, args.steps + 1), loader, strict=False):
        input_ids = input_ids.to(device, non_blocking=True)
        labels = labels.to(device, non_blocking=True)
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=use_bf16):
            logits = model(input_ids)
        loss = F.cross_entropy(logits.float().view(-1, vocab_size), labels.view(-1))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()

        if step % args.log_every == 0 or step == args.steps:
            reported = loss.detach().clone()
            if world_size > 1:
                dist.all_reduce(reported)  # gloo has no AVG: sum, then divide
                reported /= world_size  # the mean over ranks, not rank 0's alone
            loss_value = reported.item()  # also waits for the GPU, so the timing below is real
            elapsed = time.perf_counter() - started
            steps_timed = args.log_every if step % args.log_every == 0 else step % args.log_every
            if is_main:
                print(f"step {step}/{args.steps} loss {loss_value:.4f} "
                      f"tokens/s {tokens_per_step * steps_timed / elapsed:,.0f}", flush=True)
            if not math.isfinite(loss_value):
                print(f"loss is not finite at step {step}: stopping", file=sys.stderr, flush=True)
                return 1
            started = time.perf_counter()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    rank, world_size, device = setup_distributed(args.device)
    try:
        return train(args, rank, world_size, device)
    finally:
        if dist.is_initialized():
            # DDP's reference cycles keep the gloo process group alive past destroy_process_group; freed only at
            # interpreter exit, it aborts the process ("terminate called without an active exception") about one
            # run in five on CPU. Collecting them first ends every run cleanly.
            gc.collect()
            dist.destroy_process_group()


if __name__ == "__main__":
    sys.exit(main())
