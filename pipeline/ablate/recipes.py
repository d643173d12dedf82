"""Recipes and building their shards, with the stages two recipes have in common computed once.

A recipe is a name and a pipeline config: the base config with ``--set``-style overrides, or a config file of its
own (``NAME``, ``NAME:KEY=VALUE;KEY=VALUE``, ``NAME@FILE`` or ``NAME@FILE:KEY=VALUE;...``). Each recipe's output
root is ``DIR/recipes/<name>/``.

Sharing: a stage's config digest (``pipeline.core.stage.stage_digest``) covers its config sections, the digests
of the stages it reads and the corpusforge version, so two recipes whose digests agree for a stage would compute
the same output. Before running a stage for a recipe, its digest is compared with the ``_SUCCESS`` of the same
stage in the recipes built before it; on a match the folder is hard-linked (every file, same inodes: Parquet
files are never rewritten in place, and a later ``--force`` replaces the folder, not the files) — or copied where
the filesystem cannot link — and the stage is then up to date for this recipe too. Only local ablation folders
are supported.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.config import ConfigError
from pipeline.core.stage import SUCCESS_FILE, HadoopFS, Stage, read_success, run_stage, stage_digest
from pipeline.runner import Config, load_config

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


@dataclass(frozen=True)
class Recipe:
    name: str
    config_path: Path
    overrides: tuple[str, ...] = ()

    def spec(self) -> str:
        """The recipe as it was given (for the report)."""
        return f"{self.name}@{self.config_path}" + (f":{';'.join(self.overrides)}" if self.overrides else "")


def parse_recipe(text: str, base_config: Path) -> Recipe:
    """``NAME``, ``NAME:K=V;K=V``, ``NAME@FILE`` or ``NAME@FILE:K=V;...`` → a Recipe (ConfigError if malformed)."""
    head, _, sets = text.partition(":")
    name, _, file = head.partition("@")
    name = name.strip()
    if not NAME.fullmatch(name):
        raise ConfigError(f"--recipe {text!r}: the name must be letters, digits, '_', '.' or '-' "
                          "(NAME, NAME:KEY=VALUE;..., NAME@FILE or NAME@FILE:KEY=VALUE;...)")
    overrides = tuple(part.strip() for part in sets.split(";") if part.strip())
    for override in overrides:
        if "=" not in override:
            raise ConfigError(f"--recipe {text!r}: {override!r} is not KEY=VALUE")
    return Recipe(name, Path(file.strip()) if file.strip() else base_config, overrides)


def check_recipes(recipes: list[Recipe]) -> None:
    if len(recipes) < 2:
        raise ConfigError("an ablation compares at least two recipes: give --recipe twice or more")
    names = [recipe.name for recipe in recipes]
    if len(set(names)) != len(names):
        raise ConfigError(f"recipe names must differ: {names}")


def recipe_root(ablation_dir: Path, name: str) -> Path:
    return ablation_dir / "recipes" / name


def load_recipe_config(recipe: Recipe, ablation_dir: Path, extra: list[str] | None = None) -> Config:
    """The recipe's validated config, writing to its own root; ``extra`` overrides come last (the ablation's
    held-out list and shared tokenizer)."""
    root = recipe_root(ablation_dir, recipe.name)
    try:
        return load_config(recipe.config_path, [*recipe.overrides, *(extra or []), f"output={root}"])
    except ConfigError as exc:
        raise ConfigError(f"recipe {recipe.name}: {exc}") from None


def config_diff(base: Config, other: Config) -> dict[str, tuple[object, object]]:
    """Dotted keys whose values differ (``output`` aside): what a recipe changes relative to the first."""

    def flatten(node, prefix=""):
        if isinstance(node, dict):
            for key, value in node.items():
                yield from flatten(value, f"{prefix}{key}.")
        else:
            yield prefix.rstrip("."), node

    left = dict(flatten(base.model_dump(mode="json")))
    right = dict(flatten(other.model_dump(mode="json")))
    return {key: (left.get(key), right.get(key)) for key in sorted(set(left) | set(right))
            if key != "output" and left.get(key) != right.get(key)}


def link_tree(source: Path, target: Path) -> str:
    """Hard-link every file of ``source`` into ``target`` (copy where linking fails); "linked" or "copied"."""
    if target.exists():
        shutil.rmtree(target)
    how = "linked"
    for folder, _, files in os.walk(source):
        destination = target / Path(folder).relative_to(source)
        destination.mkdir(parents=True, exist_ok=True)
        for name in files:
            try:
                os.link(Path(folder) / name, destination / name)
            except OSError:
                shutil.copy2(Path(folder) / name, destination / name)
                how = "copied"
    return how


def linked_from(earlier: list[Recipe], ablation_dir: Path, root: Path, stage_name: str) -> str | None:
    """The earlier recipe whose stage folder this one's is linked from (same ``_SUCCESS`` file), so that a resumed
    ablation still says which stages are shared."""
    mine = root / stage_name / SUCCESS_FILE
    if not mine.is_file():
        return None
    for other in earlier:
        theirs = recipe_root(ablation_dir, other.name) / stage_name / SUCCESS_FILE
        if theirs.is_file() and os.path.samefile(mine, theirs):
            return other.name
    return None


@dataclass
class StageRecord:
    recipe: str
    stage: str
    status: str  # ran, up to date, or shared
    digest: str
    shared_from: str | None = None
    seconds: float = 0.0
    stats: dict = field(default_factory=dict)


def build_stages(recipes: list[Recipe], configs: dict[str, Config], stages: list[type[Stage]], spark,
                 ablation_dir: Path, on_record: Callable[[StageRecord], None] | None = None,
                 on_start: Callable[[str, Stage], None] | None = None) -> list[StageRecord]:
    """Run ``stages`` (in pipeline order) for each recipe in turn, reusing a stage another recipe has built with
    the same digest; one record per recipe and stage."""
    fs = HadoopFS(spark)
    records = []
    for recipe in recipes:
        config = configs[recipe.name]
        root = recipe_root(ablation_dir, recipe.name)
        root.mkdir(parents=True, exist_ok=True)
        for stage_class in stages:
            stage = stage_class()
            digest = stage_digest(stage, config, fs)
            shared_from = None
            if read_success(fs, str(root), stage.name) != digest:
                for other in recipes:
                    other_root = recipe_root(ablation_dir, other.name)
                    if other.name != recipe.name and read_success(fs, str(other_root), stage.name) == digest:
                        link_tree(other_root / stage.name, root / stage.name)
                        shared_from = other.name
                        break
            outcome = run_stage(stage, config, spark,
                                on_start=(lambda s, name=recipe.name: on_start(name, s)) if on_start else None)
            if outcome.status == "skipped" and shared_from is None:
                shared_from = linked_from(recipes[:recipes.index(recipe)], ablation_dir, root, stage.name)
            status = "shared" if shared_from else ("ran" if outcome.status == "ran" else "up to date")
            record = StageRecord(recipe.name, stage.name, status, outcome.stats.config_digest, shared_from,
                                 outcome.stats.seconds if outcome.status == "ran" else 0.0,
                                 {"input": outcome.stats.input, "output": outcome.stats.output,
                                  "dropped": outcome.stats.dropped})
            records.append(record)
            if on_record:
                on_record(record)
    return records
