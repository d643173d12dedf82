"""The ablation, start to end: recipes' shards (shared stages once), held-out documents, one tokenizer, proxy
models per recipe and seed, report. ``corpusforge ablate`` calls ``run_ablation``; the steps are resumable (an
up-to-date stage, an existing held-out list or tokenizer, a model whose spec is unchanged are reused).

Layout of an ablation folder:
- ``recipes/<name>/<stage>/``: each recipe's pipeline output (shared stages hard-linked, ``pipeline.ablate.recipes``)
- ``heldout.jsonl``: the evaluation documents (``pipeline.ablate.heldout``)
- ``tokenizer/tokenizer.json``: the byte-level BPE every recipe's shards use (``tokenizer.train: true``)
- ``models/<name>/seed-<k>/``: ``spec.json``, ``metrics.json``, ``model.pt``
- ``ablation.json`` (what was compared), ``results.json``, ``report.md``, ``curves.png`` (``pipeline.ablate.report``)
"""

from __future__ import annotations

import hashlib
import json
import math
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from pipeline.ablate.evaluate import load_tasks
from pipeline.ablate.heldout import HELDOUT_FILE, pick_heldout, read_heldout, write_heldout
from pipeline.ablate.proxy import METRICS_FILE, SPEC_FILE
from pipeline.ablate.recipes import (
    Recipe,
    StageRecord,
    build_stages,
    check_recipes,
    config_diff,
    load_recipe_config,
    recipe_root,
)
from pipeline.ablate.report import ABLATION_FILE, write_report
from pipeline.ablate.settings import AblationConfig
from pipeline.core.interrupt import stop_spark
from pipeline.core.stage import StageError
from pipeline.lib.datasets import FILTER_KEPT
from pipeline.lib.megatron import read_manifest
from pipeline.lib.tokenizer import train_bpe
from pipeline.runner import STAGE_NAMES, STAGES

# Stages before the held-out list exists (it is drawn from the first recipe's filter/kept) and after (dedup drops
# the held-out documents, mix and tokenize encode with the ablation's tokenizer).
FIRST_HELDOUT_STAGE = "dedup"


class AblationError(RuntimeError):
    """The ablation cannot go on; the message says why (exit 2)."""


def _train_tokenizer(source_root: Path, held_out_ids: set[str], settings: AblationConfig, target: Path) -> None:
    """A byte-level BPE on the first recipe's filtered text without the held-out documents, in the order of the
    documents' SHA-1 (as `corpusforge tokenizer train`), up to ``sample_bytes``."""
    import pyarrow.parquet as pq

    table = pq.read_table(FILTER_KEPT.path(str(source_root)), columns=["id", "text"])
    rows = sorted((row for row in table.to_pylist() if row["id"] not in held_out_ids and row["text"]),
                  key=lambda row: hashlib.sha1(row["id"].encode()).digest())
    sample, total = [], 0
    for row in rows:
        if total >= settings.tokenizer.sample_bytes:
            break
        sample.append(row["text"])
        total += len(row["text"].encode("utf-8"))
    if not sample:
        raise AblationError(f"no text to train the tokenizer on in {source_root}/filter/kept")
    train_bpe(sample, settings.tokenizer.vocab_size, target)


def check_device(settings: AblationConfig) -> None:
    """A device the machine does not have is known before anything is built."""
    import torch

    train = settings.train
    cuda = torch.cuda.device_count() if torch.cuda.is_available() else 0
    if train.device == "cuda" and not cuda:
        raise AblationError("--device cuda: torch sees no CUDA device (use --device cpu or auto)")
    if (train.device == "cuda" or (train.device == "auto" and cuda)) and train.nproc_per_node > cuda:
        raise AblationError(f"--nproc-per-node {train.nproc_per_node}: only {cuda} CUDA device(s) here")
    if train.batch_size % train.nproc_per_node:
        raise AblationError(f"train.batch_size {train.batch_size} is not divisible by --nproc-per-node "
                            f"{train.nproc_per_node} (every rank takes an equal share of each step's sequences)")


def model_spec(recipe: str, seed: int, data: Path, out: Path, heldout: Path, settings: AblationConfig) -> dict:
    train = settings.train
    size = settings.model_size
    steps = max(1, math.ceil(train.token_budget / (train.batch_size * size.seq_len)))
    return {"recipe": recipe, "seed": seed, "data": str(data.resolve()), "out": str(out.resolve()),
            "heldout": str(heldout.resolve()), "size": size.model_dump(), "size_name": train.size, "steps": steps,
            "batch_size": train.batch_size, "lr": train.lr, "weight_decay": train.weight_decay,
            "warmup_share": train.warmup_share, "min_lr_ratio": train.min_lr_ratio,
            "curve_points": train.curve_points, "device": train.device, "threads": train.threads,
            "eval_batch": settings.eval.batch_size,
            "tasks_dir": str(Path(settings.eval.tasks_dir).resolve()) if settings.eval.tasks_dir else None}


def train_model(spec: dict, nproc_per_node: int) -> dict:
    """One proxy model: in this process, or under torchrun with ``nproc_per_node`` ranks; its metrics."""
    out = Path(spec["out"])
    out.mkdir(parents=True, exist_ok=True)
    (out / SPEC_FILE).write_text(json.dumps(spec, indent=2, sort_keys=True), encoding="utf-8")
    (out / METRICS_FILE).unlink(missing_ok=True)
    if nproc_per_node == 1:
        from pipeline.ablate.proxy import train_proxy

        return train_proxy(spec)
    command = [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc-per-node={nproc_per_node}",
               "-m", "pipeline.ablate.proxy", str(out / SPEC_FILE)]
    finished = subprocess.run(command, check=False)
    if finished.returncode != 0 or not (out / METRICS_FILE).is_file():
        raise AblationError(f"torchrun for {spec['recipe']} seed {spec['seed']} failed (exit {finished.returncode}): "
                            f"{' '.join(command)}")
    return json.loads((out / METRICS_FILE).read_text(encoding="utf-8"))


def build_recipes(recipes: list[Recipe], ablation_dir: Path, settings: AblationConfig, spark,
                  on_record: Callable[[StageRecord], None] | None = None,
                  say: Callable[[str], None] = print, on_start=None, stage_names: list[str] | None = None) -> dict:
    """Every recipe's shards; the ablation record (recipes, diffs, stage sharing, held-out, tokenizer).

    ``stage_names`` limits the stages built (default: all), for recipe roots whose earlier stages exist already."""
    first = recipes[0]
    configs = {recipe.name: load_recipe_config(recipe, ablation_dir) for recipe in recipes}
    split = STAGE_NAMES.index(FIRST_HELDOUT_STAGE)
    chosen = [stage for stage in STAGES if stage_names is None or stage.name in stage_names]
    before = [stage for stage in chosen if STAGE_NAMES.index(stage.name) < split]
    records = build_stages(recipes, configs, before, spark, ablation_dir, on_record, on_start)

    heldout_path = ablation_dir / HELDOUT_FILE
    if heldout_path.is_file():
        documents = read_heldout(heldout_path)
        say(f"held-out documents: {len(documents)} from {heldout_path} (drawn earlier; kept fixed)")
    else:
        documents = pick_heldout(recipe_root(ablation_dir, first.name), settings.heldout)
        if not documents:
            raise AblationError(f"no held-out documents: none of recipe {first.name}'s filtered documents of "
                                f"{settings.heldout.min_bytes}+ bytes is on a trust-seed host of "
                                f"{settings.heldout.seeds_dir}")
        write_heldout(heldout_path, documents)
        say(f"held-out documents: {len(documents)} drawn from trust-seed hosts → {heldout_path}")
    extra = [f"stages.dedup.held_out={heldout_path.resolve()}"]
    if settings.tokenizer.train:
        tokenizer_path = ablation_dir / "tokenizer" / "tokenizer.json"
        if not tokenizer_path.is_file():
            _train_tokenizer(recipe_root(ablation_dir, first.name), {d["id"] for d in documents}, settings,
                             tokenizer_path)
            say(f"tokenizer: byte-level BPE of {settings.tokenizer.vocab_size:,} tokens → {tokenizer_path}")
        extra += ["tokenizer.kind=json", f"tokenizer.path={tokenizer_path.resolve()}", "tokenizer.name=null",
                  "tokenizer.eos_token=null"]
    configs = {recipe.name: load_recipe_config(recipe, ablation_dir, extra) for recipe in recipes}
    after = [stage for stage in chosen if STAGE_NAMES.index(stage.name) >= split]
    records += build_stages(recipes, configs, after, spark, ablation_dir, on_record, on_start)

    manifest = read_manifest(recipe_root(ablation_dir, first.name) / "tokenize")
    languages: dict[str, int] = {}
    for document in documents:
        languages[document["lang"]] = languages.get(document["lang"], 0) + 1
    return {
        "recipes": [{"name": recipe.name, "spec": recipe.spec(),
                     "diff": config_diff(configs[first.name], configs[recipe.name]),
                     "stages": [record.__dict__ for record in records if record.recipe == recipe.name]}
                    for recipe in recipes],
        "heldout": {"file": str(heldout_path), "documents": dict(sorted(languages.items()))},
        "tokenizer": manifest["tokenizer"],
    }


def run_ablation(recipes: list[Recipe], ablation_dir: Path, settings: AblationConfig, *,
                 say: Callable[[str], None] = print, on_record: Callable[[StageRecord], None] | None = None,
                 on_start=None, spark=None, on_spark: Callable[[], None] | None = None) -> dict:
    """Build, train, evaluate and report; the results (``results.json``). ``on_spark`` is called once the Spark
    session it starts exists (the CLI re-arms its signal handlers there)."""
    from pipeline.core.spark import get_spark

    check_recipes(recipes)
    check_device(settings)
    configs = {recipe.name: load_recipe_config(recipe, ablation_dir) for recipe in recipes}  # errors before Spark
    try:
        load_tasks(settings.eval.tasks_dir)
    except ValueError as exc:
        raise AblationError(str(exc)) from None
    ablation_dir.mkdir(parents=True, exist_ok=True)
    own_spark = spark is None
    spark = spark or get_spark(configs[recipes[0].name].spark)
    if on_spark is not None:
        on_spark()
    try:
        ablation = build_recipes(recipes, ablation_dir, settings, spark, on_record, say, on_start)
    except StageError as exc:
        if own_spark:
            spark.stop()
        raise AblationError(str(exc)) from None
    except BaseException:
        if own_spark:
            stop_spark(spark)  # an interrupt may have broken the call in flight: cancel, stop, quietly
        raise
    if own_spark:
        spark.stop()  # training needs the cores and memory the JVM holds
    size = settings.model_size
    ablation.update(train={**settings.train.model_dump(), "tokens": settings.train.token_budget},
                    size=size.model_dump(), non_embedding_parameters=size.non_embedding_parameters(),
                    confidence=settings.eval.confidence)
    (ablation_dir / ABLATION_FILE).write_text(json.dumps(ablation, indent=2, sort_keys=True), encoding="utf-8")

    heldout = ablation_dir / HELDOUT_FILE
    for recipe in recipes:
        data = recipe_root(ablation_dir, recipe.name) / "tokenize"
        for seed in settings.train.seeds:
            out = ablation_dir / "models" / recipe.name / f"seed-{seed}"
            spec = model_spec(recipe.name, seed, data, out, heldout, settings)
            done = out / METRICS_FILE
            if done.is_file() and (out / SPEC_FILE).is_file() and json.loads((out / SPEC_FILE).read_text()) == spec:
                say(f"model {recipe.name} seed {seed}: up to date")
                continue
            metrics = train_model(spec, settings.train.nproc_per_node)
            say(f"model {recipe.name} seed {seed}: {metrics['parameters']:,} parameters, {metrics['steps']} steps, "
                f"{metrics['tokens']:,} tokens in {metrics['train_seconds']:.0f}s on {metrics['device']} × "
                f"{metrics['world_size']}; held-out {metrics['heldout']['all']['bits_per_byte']:.4f} bits/byte")
    return write_report(ablation_dir)
