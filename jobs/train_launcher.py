"""Train a tiny causal transformer LM on the tokenize stage's shards: the example a GPU team adapts.

    python jobs/train_launcher.py --data OUT/tokenize --steps 3
    torchrun --nproc_per_node 2 jobs/train_launcher.py --data OUT/tokenize --steps 3

It exists to prove the hand-off end to end (shards → windows → batches → loss going down, on one process or
under DDP) with the smallest model that exercises it, not to train anything useful. The parts meant to carry
over to a real job are the data path (``pipeline.feed.make_dataloader`` with this rank's stripe), the
distributed setup from torchrun's environment (``pipeline.training``, which `corpusforge ablate` trains its proxy
models with too), and the tokenizer check at start; swap the model for yours.

Under torchrun each rank reads a disjoint stripe of the same global sample sequence, so the data a run sees
does not depend on the number of GPUs. On CUDA it uses NCCL, one GPU per local rank and bf16 autocast; on
CPU, gloo and float32.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

try:
    from pipeline.feed import read_blend, read_manifest
    from pipeline.training import StepLog, TrainSettings, parameter_counts, setup_distributed, teardown_distributed
    from pipeline.training import train as train_model
except ModuleNotFoundError:  # a checkout without `pip install -e .`: the package is next to jobs/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from pipeline.feed import read_blend, read_manifest
    from pipeline.training import StepLog, TrainSettings, parameter_counts, setup_distributed, teardown_distributed
    from pipeline.training import train as train_model


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


def train(args: argparse.Namespace, rank: int, world_size: int, device) -> int:
    """Runs the steps; 1 when the loss stops being finite (every rank sees the same averaged loss)."""
    is_main = rank == 0
    manifest = read_manifest(args.data)
    if is_main:
        print(describe_data(args.data, manifest, args.seq_len), flush=True)
        print(f"world size {world_size}, device {device.type}, {args.batch_size} × {args.seq_len} tokens per rank "
              f"per step", flush=True)
    settings = TrainSettings(seq_len=args.seq_len, batch_size=args.batch_size, steps=args.steps, d_model=args.d_model,
                             layers=args.layers, heads=args.heads, lr=args.lr, weight_decay=args.weight_decay,
                             seed=args.seed, log_every=args.log_every, num_workers=args.num_workers)
    announced = []

    def on_log(entry: StepLog) -> None:
        if is_main:
            print(f"step {entry.step}/{args.steps} loss {entry.loss:.4f} tokens/s {entry.tokens_per_second:,.0f}",
                  flush=True)

    def on_checkpoint(step: int, model) -> None:
        if is_main and not announced:
            announced.append(step)
            print(f"model: {parameter_counts(model)[0]:,} parameters ({args.layers} layers, d_model {args.d_model}, "
                  f"{args.heads} heads)", flush=True)

    _, status = train_model(args.data, settings, rank, world_size, device, on_log=on_log,
                            on_checkpoint=on_checkpoint, checkpoint_steps=frozenset({0}))
    if status:
        print("loss is not finite: stopping", file=sys.stderr, flush=True)
    return status


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    rank, world_size, device = setup_distributed(args.device)
    try:
        return train(args, rank, world_size, device)
    finally:
        teardown_distributed()


if __name__ == "__main__":
    sys.exit(main())
