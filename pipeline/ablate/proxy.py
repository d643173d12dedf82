"""One proxy model: train on a recipe's shards with the ablation's size, seed, budget and data order, evaluate it
along the way (learning curve) and at the end, and write ``metrics.json`` and ``model.pt``.

Every rank of a torchrun job runs ``train_proxy`` (``python -m torch.distributed.run --nproc-per-node N -m
pipeline.ablate.proxy SPEC.json``); a single process calls it directly: the same code either way. Rank 0
evaluates and writes. The data order is ``pipeline.feed``'s: window ``i`` is a pure function of (seed, i), so
every recipe's model sees windows drawn by the same rule and a seed's run is reproducible.
"""

from __future__ import annotations

import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

import torch

from pipeline.ablate.evaluate import heldout_bits_per_byte, load_tasks, score_tasks, tokenizer_of
from pipeline.ablate.heldout import by_language, read_heldout
from pipeline.feed import BlendedWindows, read_manifest
from pipeline.training import StepLog, TrainSettings, parameter_counts, setup_distributed, teardown_distributed
from pipeline.training import train as train_model

METRICS_FILE = "metrics.json"
SPEC_FILE = "spec.json"


def tokens_seen_by_language(data: Path, seq_len: int, seed: int, windows: int) -> dict[str, int]:
    """Training tokens per language of the first ``windows`` global windows (what all ranks together read)."""
    blended = BlendedWindows(data, seq_len, seed=seed)
    counts: Counter[str] = Counter()
    for index in range(windows):
        shard_number, _ = blended.locate(index)
        counts[blended.entries[shard_number].lang or "und"] += seq_len
    return dict(sorted(counts.items()))


def curve_steps(steps: int, points: int) -> list[int]:
    """Steps at which the held-out set is evaluated: 0 (untrained), then ``points`` evenly spaced, the last one
    the final step."""
    return sorted({0, *(max(1, round(steps * k / points)) for k in range(1, points + 1))})


def train_proxy(spec: dict) -> dict | None:
    """Train and evaluate per ``spec`` (see ``pipeline.ablate.run.model_spec``); rank 0 returns the metrics."""
    if spec.get("threads"):
        torch.set_num_threads(spec["threads"])
    rank, world_size, device = setup_distributed(spec["device"])
    try:
        return _train(spec, rank, world_size, device)
    finally:
        teardown_distributed()


def _train(spec: dict, rank: int, world_size: int, device: torch.device) -> dict | None:
    data = Path(spec["data"])
    out = Path(spec["out"])
    batch = spec["batch_size"]
    if batch % world_size:
        raise ValueError(f"batch_size {batch} is not divisible by the {world_size} ranks")
    size = spec["size"]
    settings = TrainSettings(seq_len=size["seq_len"], batch_size=batch // world_size, steps=spec["steps"],
                             d_model=size["d_model"], layers=size["layers"], heads=size["heads"], lr=spec["lr"],
                             weight_decay=spec["weight_decay"], seed=spec["seed"],
                             log_every=max(1, spec["steps"] // 50), schedule="cosine",
                             warmup_steps=round(spec["steps"] * spec["warmup_share"]),
                             min_lr_ratio=spec["min_lr_ratio"])
    manifest = read_manifest(data)
    is_main = rank == 0
    heldout = by_language(read_heldout(Path(spec["heldout"]))) if is_main else {}
    tokenizer = tokenizer_of(manifest) if is_main else None
    tokens_per_step = batch * settings.seq_len
    losses: list[dict] = []
    curve: list[dict] = []
    started = time.perf_counter()

    def on_log(entry: StepLog) -> None:
        if is_main:
            losses.append({"step": entry.step, "tokens": entry.tokens, "loss": round(entry.loss, 5)})

    def on_checkpoint(step: int, model) -> None:
        if is_main:
            result = heldout_bits_per_byte(model, tokenizer, heldout, settings.seq_len, device, spec["eval_batch"])
            curve.append({"step": step, "tokens": step * tokens_per_step,
                          "bits_per_byte": {lang: round(r["bits_per_byte"], 5) for lang, r in result.items()}})

    model, status = train_model(data, settings, rank, world_size, device, on_log=on_log,
                                on_checkpoint=on_checkpoint,
                                checkpoint_steps=frozenset(curve_steps(settings.steps, spec["curve_points"])))
    if not is_main:
        return None
    train_seconds = time.perf_counter() - started
    final = heldout_bits_per_byte(model, tokenizer, heldout, settings.seq_len, device, spec["eval_batch"])
    tasks = score_tasks(model, tokenizer, load_tasks(spec["tasks_dir"]), settings.seq_len, device,
                        spec["eval_batch"])
    total, non_embedding = parameter_counts(model)
    metrics = {
        "recipe": spec["recipe"], "seed": spec["seed"], "status": "ok" if status == 0 else "loss_not_finite",
        "parameters": total, "non_embedding_parameters": non_embedding, "steps": settings.steps,
        "tokens": settings.steps * tokens_per_step, "world_size": world_size, "device": device.type,
        "tokenizer": manifest["tokenizer"], "train_seconds": round(train_seconds, 2),
        "tokens_by_language": tokens_seen_by_language(data, settings.seq_len, settings.seed,
                                                      settings.steps * batch),
        "heldout": {lang: {key: (round(value, 6) if isinstance(value, float) else value)
                           for key, value in result.items()} for lang, result in final.items()},
        "tasks": tasks, "curve": curve, "losses": losses,
        "final_train_loss": losses[-1]["loss"] if losses else math.nan,
    }
    out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), out / "model.pt")
    (out / METRICS_FILE).write_text(json.dumps(metrics, indent=2, sort_keys=True), encoding="utf-8")
    return metrics


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m pipeline.ablate.proxy SPEC.json (written by corpusforge ablate)", file=sys.stderr)
        return 2
    train_proxy(json.loads(Path(args[0]).read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
