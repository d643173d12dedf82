"""The pipeline, top to bottom.

``STAGES`` lists every stage in the order it runs; each stage class declares what it is, what it reads
(``requires``), what it writes (``writes``) and its config section (``settings``). Everything else that knows the
stages is derived from this list: the config model (``stages.<name>`` sections, validated on load),
``corpusforge stages``, the spark-submit entry ``jobs/stage.py --stage NAME`` and the Airflow DAG's edges
(``jobs/airflow/stages.json``, written by ``corpusforge stages --json``).

Adding a stage: write its class (one module, importing the core and libraries only), put it in ``STAGES`` and
give its module a floor in ``.importlinter``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import create_model

from filters.filter import FilterStage
from filters.train_lm import TrainLmStage
from filters.train_quality import TrainQualityStage
from graph.hostgraph import HostGraphStage
from graph.rank import RankStage
from graph.select import SelectStage
from pipeline.core.config import BaseConfig, Section, load_config_as
from pipeline.core.progress import RunProgress
from pipeline.core.stage import HadoopFS, Stage, StageError, StageOutcome, expected_input, run_stage
from pipeline.stages.commit import CommitStage
from pipeline.stages.dedup import DedupStage
from pipeline.stages.extract import ExtractStage
from pipeline.stages.index import IndexStage
from pipeline.stages.mix import MixStage
from pipeline.stages.tokenize import TokenizeStage

STAGES: tuple[type[Stage], ...] = (
    IndexStage,         # WARC records → the lineage index
    HostGraphStage,     # WAT links → the host graph
    RankStage,          # the graph → PageRank, TrustRank, spam mass, host languages
    SelectStage,        # authority and language quotas → the allowlist of sites
    ExtractStage,       # the allowlisted sites' pages → text and language
    TrainLmStage,       # top-authority text → KenLM models per language
    TrainQualityStage,  # top- vs low-authority pages → a fastText quality classifier
    FilterStage,        # every quality signal, then one decision per document
    DedupStage,         # exact and near duplicates, across hosts → one survivor per cluster
    MixStage,           # token counts → the language mixture and each document's repeats
    TokenizeStage,      # Megatron shards, manifest, lineage, blend
    CommitStage,        # in a corpus: the release's indexes and graph join the state later releases build on
)
STAGE_NAMES = tuple(stage.name for stage in STAGES)

StagesConfig = create_model(
    "StagesConfig", __base__=Section, __module__=__name__,
    **{stage.config_key: (stage.settings, stage.settings()) for stage in STAGES if stage.settings is not None},
)


class Config(BaseConfig):
    """A whole run's configuration: the base sections and one section per stage."""

    stages: StagesConfig = StagesConfig()


def load_config(path: str | Path, overrides: list[str] | None = None, crawl: str | None = None,
                overlays: list[str | Path] | None = None) -> Config:
    """The YAML at ``path`` with overlay files, ``--set`` overrides and ``crawl`` applied, validated (ConfigError
    if not)."""
    return load_config_as(Config, path, overrides, crawl, overlays)


def stage_class(name: str) -> type[Stage]:
    for stage in STAGES:
        if stage.name == name:
            return stage
    raise StageError(f"unknown stage {name!r}; stages are: {', '.join(STAGE_NAMES)}")


def stage_number(name: str) -> int:
    """The stage's place in the pipeline, from 1 (the # of `corpusforge stages`): progress says "stage 5/12"."""
    return STAGE_NAMES.index(stage_class(name).name) + 1


def select_stages(names: list[str] | None) -> list[type[Stage]]:
    """The stages to run, in pipeline order; default: all of them."""
    if not names:
        return list(STAGES)
    chosen = {stage_class(name).name for name in names}
    return [stage for stage in STAGES if stage.name in chosen]


def describe() -> list[dict]:
    """Every stage as data: name, description, what it reads and writes, its config section (for the CLI, the
    Airflow DAG's stages.json and the docs)."""
    return [{
        "name": stage.name,
        "description": stage.description,
        "requires": list(stage.requires),
        "writes": [f"{item.stage}/{item.name}" for item in stage.writes],
        "config": f"stages.{stage.config_key}" if stage.settings is not None else None,
        "module": stage.__module__,
    } for stage in STAGES]


def run_pipeline(
    config: BaseConfig,
    spark,
    names: list[str] | None = None,
    *,
    force: bool = False,
    on_start: Callable[[Stage], None] | None = None,
    on_done: Callable[[StageOutcome], None] | None = None,
    progress: RunProgress | None = None,
) -> list[StageOutcome]:
    """Run the chosen stages in order; ``on_start`` is called for each stage that runs (not for one skipped as up to
    date), ``on_done`` with each outcome, and ``progress`` is told which stage runs and what its input is."""

    def started(stage: Stage) -> None:
        if progress is not None:
            progress.stage_started(stage_number(stage.name), stage.name,
                                   expected_input(stage, config, HadoopFS(spark)))
        if on_start:
            on_start(stage)

    outcomes = []
    for stage in select_stages(names):
        try:
            outcome = run_stage(stage(), config, spark, force=force, on_start=started)
        finally:
            if progress is not None:
                progress.stage_finished()
        outcomes.append(outcome)
        if on_done:
            on_done(outcome)
    return outcomes
