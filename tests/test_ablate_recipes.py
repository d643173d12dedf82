"""Recipes built through the real pipeline (Spark): the held-out documents are in no recipe's shards (checked
through the tokenize stage's lineage), dedup accounts for them by name, and a stage two recipes have in common
is built once and hard-linked.

Marked slow: besides the session's run through dedup, it runs dedup, mix and two tokenize stages (about a minute
and a half on a busy 2-core machine), beyond the default run's budget; `make test-slow` runs it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.ablate.heldout import read_heldout
from pipeline.ablate.recipes import Recipe, recipe_root
from pipeline.ablate.run import build_recipes
from pipeline.ablate.settings import load_ablation_config
from pipeline.lib.datasets import FILTER_KEPT
from pipeline.lib.hosts import reverse_host
from tests.conftest import RULES_ONLY

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ablation(spark, sample_dir, through_dedup, tmp_path_factory):
    """Two recipes that differ only in the tokenize stage's shard size, both starting from the session's run
    through dedup (index … filter up to date): dedup and mix are built for the first and shared with the second."""
    folder = tmp_path_factory.mktemp("ablation")
    for name in ("a", "b"):
        shutil.copytree(through_dedup[0], recipe_root(folder, name))
    base = (f"inputs.base_url={sample_dir}/", "spark.shuffle_partitions=2", "inputs.cc_index=null", *RULES_ONLY)
    recipes = [Recipe("a", ROOT / "conf" / "default.yaml", base),
               Recipe("b", ROOT / "conf" / "default.yaml", (*base, "stages.tokenize.target_shard_bytes=60000"))]
    settings = load_ablation_config(ROOT / "conf" / "ablation.yaml", [
        "tokenizer.vocab_size=512", "tokenizer.sample_bytes=200000", "heldout.docs_per_language=2"])
    record = build_recipes(recipes, folder, settings, spark, say=lambda _: None,
                           stage_names=["filter", "dedup", "mix", "tokenize"])
    return folder, record


def test_held_out_documents_are_in_no_recipe_s_shards(ablation):
    folder, _ = ablation
    heldout = read_heldout(folder / "heldout.jsonl")
    held_ids = {document["id"] for document in heldout}
    seeds = {reverse_host(line.strip()) for path in (ROOT / "conf" / "seeds").glob("*.txt")
             for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")}
    assert len(heldout) >= 10 and len({d["lang"] for d in heldout}) >= 5
    assert all(reverse_host(document["host"]) in seeds for document in heldout)
    for name in ("a", "b"):
        root = recipe_root(folder, name)
        # they were candidates for training: in the recipe's filtered documents ...
        kept = set(pq.read_table(FILTER_KEPT.path(str(root)), columns=["id"]).column("id").to_pylist())
        assert held_ids <= kept
        # ... and are in none of its shards
        lineage = set(pq.read_table(root / "tokenize" / "lineage", columns=["id"]).column("id").to_pylist())
        assert len(lineage) > 500
        assert not held_ids & lineage
        stats = json.loads((root / "dedup" / "stats.json").read_text())
        assert stats["dropped"]["held_out"] == len(held_ids)
        assert stats["input"] == stats["output"] + sum(stats["dropped"].values())
        dropped = pq.read_table(root / "dedup" / "dropped", columns=["id", "drop_reason"]).to_pylist()
        assert {row["id"] for row in dropped if row["drop_reason"] == "held_out"} == held_ids


def test_a_stage_two_recipes_share_is_built_once_and_linked(ablation):
    folder, record = ablation
    status = {(r["stage"]): r for r in record["recipes"][1]["stages"]}
    assert status["filter"]["status"] == "up to date"
    assert status["dedup"]["status"] == "shared" and status["dedup"]["shared_from"] == "a"
    assert status["mix"]["status"] == "shared"
    assert status["tokenize"]["status"] == "ran"
    first, second = (recipe_root(folder, name) / "dedup" / "stats.json" for name in ("a", "b"))
    assert first.stat().st_ino == second.stat().st_ino  # one file, two names
    assert record["recipes"][1]["diff"] == {"stages.tokenize.target_shard_bytes": (200000, 60000)}
    manifests = [json.loads((recipe_root(folder, n) / "tokenize" / "manifest.json").read_text()) for n in "ab"]
    assert manifests[0]["tokenizer"] == manifests[1]["tokenizer"] == record["tokenizer"]
    assert record["tokenizer"]["kind"] == "json" and record["tokenizer"]["vocab_size"] == 512
