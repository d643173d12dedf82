"""The ablation harness: a tiny proxy model on shards written here from the sample's own prose (seconds), the
evaluation's arithmetic, the task format, recipe parsing and the command line's errors. The recipes built
through the real pipeline (held-out documents absent from every recipe's shards, stages shared) are in
tests/test_ablate_recipes.py."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import numpy as np
import pytest
import torch
from typer.testing import CliRunner

from pipeline.ablate.evaluate import heldout_bits_per_byte, load_task_file, score_tasks, tokenizer_of
from pipeline.ablate.heldout import text_sha256, write_heldout
from pipeline.ablate.proxy import curve_steps, train_proxy
from pipeline.ablate.recipes import Recipe, check_recipes, parse_recipe
from pipeline.ablate.report import interval
from pipeline.ablate.settings import load_ablation_config
from pipeline.cli import app
from pipeline.core.config import ConfigError
from pipeline.lib.megatron import token_dtype, write_index
from pipeline.lib.tokenizer import train_bpe
from pipeline.sample.text import good_document

ROOT = Path(__file__).resolve().parents[1]
TINY = {"d_model": 64, "layers": 1, "heads": 2, "seq_len": 32}
# A one-layer model leaves the unigram plateau after about 150 steps on this corpus: 200 separate real from noise.
STEPS = 200


def write_tokenize_dir(folder: Path, documents: list[list[int]], identity: dict, lang: str = "en") -> Path:
    """A tokenize folder as the stage writes it, one shard: the documents' tokens (EOS-terminated) + manifest."""
    dtype = token_dtype(identity["vocab_size"])
    prefix = folder / "shards" / lang / f"{lang}_00000"
    prefix.parent.mkdir(parents=True)
    (folder / "shards" / lang / f"{lang}_00000.bin").write_bytes(
        np.concatenate([np.asarray(doc, dtype=dtype) for doc in documents]).tobytes())
    write_index(str(prefix) + ".idx", [len(doc) for doc in documents], dtype)
    manifest = {"tokenizer": identity, "dtype": dtype.name,
                "shards": [{"prefix": f"shards/{lang}/{lang}_00000", "lang": lang, "documents": len(documents),
                            "tokens": sum(len(doc) for doc in documents)}]}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """Matrices of a tiny model are too small for intra-op threads to pay; on a busy 2-core machine the threads'
    spinning made these tests ten times slower."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """English documents from the sample crawl's prose: a trained BPE, a real recipe's shards, a noise recipe's
    shards (the same tokens, shuffled: every unigram the same, every order gone) and held-out documents."""
    root = tmp_path_factory.mktemp("ablate-harness")
    rng = random.Random(7)
    texts = [good_document("en", rng).text for _ in range(160)]
    heldout_texts, train_texts = texts[:6], texts[6:]
    identity = train_bpe(train_texts, 400, root / "tokenizer.json").as_dict()
    tokenizer = tokenizer_of({"tokenizer": identity})
    real = [[*ids, identity["eos_id"]] for ids in tokenizer.encode_batch(train_texts)]
    stream = np.concatenate([np.asarray(doc) for doc in real])
    shuffled = np.random.default_rng(0).permutation(stream)
    cut = np.cumsum([len(doc) for doc in real])[:-1]
    noise = [part.tolist() for part in np.split(shuffled, cut)]
    heldout = root / "heldout.jsonl"
    write_heldout(heldout, [{"id": f"h{i}", "lang": "en", "text": text, "sha256": text_sha256(text)}
                            for i, text in enumerate(heldout_texts)])
    return {"real": write_tokenize_dir(root / "real", real, identity),
            "noise": write_tokenize_dir(root / "noise", noise, identity),
            "heldout": heldout, "root": root, "identity": identity}


def spec(corpus, recipe: str, seed: int, out: Path, steps: int = STEPS) -> dict:
    return {"recipe": recipe, "seed": seed, "data": str(corpus[recipe]), "out": str(out),
            "heldout": str(corpus["heldout"]), "size": TINY, "size_name": "tiny", "steps": steps, "batch_size": 8,
            "lr": 1e-2, "weight_decay": 0.1, "warmup_share": 0.05, "min_lr_ratio": 0.1, "curve_points": 2,
            "device": "cpu", "eval_batch": 16, "tasks_dir": str(ROOT / "conf" / "ablation_tasks")}


@pytest.fixture(scope="module")
def trained(corpus):
    root = corpus["root"] / "models"
    return {"real": train_proxy(spec(corpus, "real", 0, root / "real-0")),
            "noise": train_proxy(spec(corpus, "noise", 0, root / "noise-0"))}


def test_identical_seeds_give_identical_losses_and_scores(corpus):
    root = corpus["root"] / "short"
    first, again, other = (train_proxy(spec(corpus, "real", seed, root / name, steps=20))
                           for seed, name in ((0, "first"), (0, "again"), (1, "other")))
    assert [p["loss"] for p in first["losses"]] == [p["loss"] for p in again["losses"]]
    assert first["heldout"] == again["heldout"]
    assert first["tasks"] == again["tasks"]
    # and a different seed is a different run (initialisation and data order)
    assert [p["loss"] for p in other["losses"]] != [p["loss"] for p in first["losses"]]


def test_a_recipe_of_shuffled_tokens_scores_worse_on_held_out_text(trained):
    real = trained["real"]["heldout"]["en"]["bits_per_byte"]
    noise = trained["noise"]["heldout"]["en"]["bits_per_byte"]
    assert real < noise - 0.1, (real, noise)
    # the curve starts untrained (step 0) and ends at the final model's value
    curve = trained["real"]["curve"]
    assert curve[0]["step"] == 0 and curve[-1]["step"] == trained["real"]["steps"]
    assert curve[-1]["bits_per_byte"]["en"] < curve[0]["bits_per_byte"]["en"]
    assert curve[-1]["bits_per_byte"]["en"] == pytest.approx(real, abs=1e-4)


def test_metrics_record_tokens_seen_and_the_files(trained, corpus):
    metrics = trained["real"]
    assert metrics["tokens_by_language"] == {"en": STEPS * 8 * TINY["seq_len"]}
    assert metrics["tokens"] == STEPS * 8 * TINY["seq_len"]
    out = corpus["root"] / "models" / "real-0"
    assert json.loads((out / "metrics.json").read_text())["heldout"] == metrics["heldout"]
    assert (out / "model.pt").stat().st_size > 0
    assert set(metrics["tasks"]) == {f"cloze_{lang}" for lang in ("de", "en", "es", "fr", "ja", "ru", "zh")}


class Uniform(torch.nn.Module):
    """A model that knows nothing: equal logits for every token."""

    def __init__(self, vocab_size: int):
        super().__init__()
        self.vocab_size = vocab_size

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        return torch.zeros(*input_ids.shape, self.vocab_size)


def test_bits_per_byte_is_nats_over_ln2_over_utf8_bytes(corpus):
    identity = corpus["identity"]
    tokenizer = tokenizer_of({"tokenizer": identity})
    documents = {"en": [{"text": "Le café est très bon. " * 30}], "zh": [{"text": "我们到城里的时候已经是深夜。" * 20}]}
    result = heldout_bits_per_byte(Uniform(identity["vocab_size"]), tokenizer, documents, seq_len=16,
                                   device=torch.device("cpu"))
    for lang, docs in documents.items():
        text = docs[0]["text"]
        tokens = len(tokenizer.encode_batch([text])[0])
        expected = tokens * math.log(identity["vocab_size"]) / math.log(2) / len(text.encode("utf-8"))
        assert result[lang]["tokens"] == tokens
        assert result[lang]["bits_per_byte"] == pytest.approx(expected, rel=1e-5)
    total_bytes = sum(len(docs[0]["text"].encode("utf-8")) for docs in documents.values())
    assert result["all"]["bytes"] == total_bytes


def test_a_task_is_scored_per_byte(tmp_path, corpus):
    """A uniform model gives every token the same log-likelihood, so per-byte normalisation prefers the choice
    with the fewest tokens per byte: here the one long common word over rare fragments."""
    identity = corpus["identity"]
    tokenizer = tokenizer_of({"tokenizer": identity})
    task = tmp_path / "pick.jsonl"
    task.write_text(json.dumps({"language": "en", "context": "I", "choices": [" zqxjv", " the"], "answer": 1}) + "\n")
    items = load_task_file(task)
    ids = [tokenizer.encode_batch([choice])[0] for choice in items[0].choices]
    per_byte = [len(i) / len(c.encode()) for i, c in zip(ids, items[0].choices, strict=True)]
    assert per_byte[1] < per_byte[0]
    result = score_tasks(Uniform(identity["vocab_size"]), tokenizer, {"pick": items}, 16, torch.device("cpu"))
    assert result == {"pick": {"en": {"items": 1, "correct": 1, "chance": 0.5, "accuracy": 1.0}}}


@pytest.mark.parametrize("line, message", [
    ('{"language": "en", "context": "a", "choices": ["b"], "answer": 0}', "at least two"),
    ('{"language": "en", "context": "a", "choices": ["b", "c"], "answer": 2}', "index of a choice"),
    ('{"language": "en", "choices": ["b", "c"], "answer": 0}', "missing context"),
    ('not json', "not JSON"),
])
def test_a_malformed_task_line_is_named(tmp_path, line, message):
    task = tmp_path / "broken.jsonl"
    task.write_text('{"language": "en", "context": "a", "choices": ["b", "c"], "answer": 0}\n' + line + "\n")
    with pytest.raises(ValueError, match=rf"broken.jsonl:2: .*{message}"):
        load_task_file(task)


def test_the_shipped_tasks_load():
    for path in sorted((ROOT / "conf" / "ablation_tasks").glob("*.jsonl")):
        items = load_task_file(path)
        assert len(items) >= 20
        assert {item.language for item in items} == {path.stem.split("_")[1]}


def test_recipes_parse_and_are_checked():
    base = Path("conf/default.yaml")
    assert parse_recipe("a", base) == Recipe("a", base)
    assert parse_recipe("b:stages.select.max_sites=100;stages.mix.policy=temperature", base) == Recipe(
        "b", base, ("stages.select.max_sites=100", "stages.mix.policy=temperature"))
    assert parse_recipe("c@conf/cluster.yaml:x=1", base) == Recipe("c", Path("conf/cluster.yaml"), ("x=1",))
    with pytest.raises(ConfigError, match="not KEY=VALUE"):
        parse_recipe("d:stages.select", base)
    with pytest.raises(ConfigError, match="the name"):
        parse_recipe("bad name:x=1", base)
    with pytest.raises(ConfigError, match="at least two"):
        check_recipes([Recipe("a", base)])
    with pytest.raises(ConfigError, match="must differ"):
        check_recipes([Recipe("a", base), Recipe("a", base, ("x=1",))])


def test_the_ablation_config_is_validated(tmp_path):
    settings = load_ablation_config(ROOT / "conf" / "ablation.yaml")
    assert {"tiny", "1M", "3M", "10M", "60M", "150M", "400M"} <= set(settings.sizes)
    # the names are the non-embedding parameters, within a fifth
    for name in ("1M", "3M", "10M", "60M", "150M", "400M"):
        assert settings.sizes[name].non_embedding_parameters() == pytest.approx(float(name[:-1]) * 1e6, rel=0.2)
    with pytest.raises(ConfigError, match="not in sizes"):
        load_ablation_config(ROOT / "conf" / "ablation.yaml", ["train.size=7B"])
    with pytest.raises(ConfigError, match="does not divide"):
        load_ablation_config(ROOT / "conf" / "ablation.yaml", ["sizes.3M.heads=5"])


def test_intervals_are_t_intervals_over_seeds():
    result = interval([1.0, 2.0], 0.95)
    assert result["mean"] == 1.5
    assert result["ci"] == pytest.approx(12.706 * 0.7071 / math.sqrt(2), rel=1e-3)
    assert interval([1.0], 0.95)["ci"] is None
    assert curve_steps(10, 4) == [0, 2, 5, 8, 10]


def test_the_command_line_refuses_what_cannot_run(tmp_path):
    runner = CliRunner()
    one = runner.invoke(app, ["ablate", "--out", str(tmp_path / "a"), "--recipe", "only"])
    assert one.exit_code == 2 and "at least two recipes" in one.output
    bad_size = runner.invoke(app, ["ablate", "--out", str(tmp_path / "a"), "--recipe", "a", "--recipe", "b",
                                   "--size", "huge"])
    assert bad_size.exit_code == 2 and "not in sizes" in bad_size.output
    no_report = runner.invoke(app, ["ablate", "report", str(tmp_path)])
    assert no_report.exit_code == 2 and "ablation.json" in no_report.output
    helped = runner.invoke(app, ["ablate", "--help"])
    assert helped.exit_code == 0 and "--nproc-per-node" in helped.output and "report" in helped.output


def test_two_ranks_under_torchrun_train_the_same_model_as_one_process(corpus):
    """--nproc-per-node 2 on CPU (gloo): each rank reads its stripe of the same global windows and DDP averages
    the gradients, so the losses and the held-out score are those of the single process."""
    from pipeline.ablate.run import train_model

    root = corpus["root"] / "ranks"
    one = train_model(spec(corpus, "real", 0, root / "one", steps=20), 1)
    two = train_model(spec(corpus, "real", 0, root / "two", steps=20), 2)
    assert two["world_size"] == 2
    assert [p["loss"] for p in two["losses"]] == pytest.approx([p["loss"] for p in one["losses"]], abs=1e-4)
    assert two["heldout"]["en"]["bits_per_byte"] == pytest.approx(one["heldout"]["en"]["bits_per_byte"], abs=1e-4)


def test_ablate_report_re_renders_from_the_models_metrics(trained, corpus, tmp_path):
    folder = tmp_path / "ablation"
    for name in ("real", "noise"):
        target = folder / "models" / name / "seed-0" / "metrics.json"
        target.parent.mkdir(parents=True)
        target.write_text(json.dumps(trained[name]))
    ablation = {"recipes": [{"name": name, "spec": name, "diff": {}, "stages": []} for name in ("real", "noise")],
                "heldout": {"file": str(corpus["heldout"]), "documents": {"en": 6}},
                "tokenizer": corpus["identity"], "train": {"size": "tiny", "tokens": 1, "seeds": [0]},
                "size": TINY, "non_embedding_parameters": 1, "confidence": 0.95}
    (folder / "ablation.json").write_text(json.dumps(ablation))
    result = CliRunner().invoke(app, ["ablate", "report", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    results = json.loads(result.stdout)
    assert results["winners"]["en"]["recipe"] == "real"
    assert results["bits_per_byte"]["en"]["real"]["ci"] is None  # one seed: no interval, not a made-up one
    assert "| en |" in (folder / "report.md").read_text()
    assert (folder / "curves.png").read_bytes().startswith(b"\x89PNG")


def test_what_no_retry_fixes_stops_before_spark_starts(tmp_path):
    runner = CliRunner()
    recipes = ["ablate", "--out", str(tmp_path / "a"), "--recipe", "a", "--recipe", "b:stages.mix.policy=temperature"]
    no_tasks = runner.invoke(app, [*recipes, "--ablation-set", f"eval.tasks_dir={tmp_path / 'none'}"])
    assert no_tasks.exit_code == 2 and "no such folder" in no_tasks.output
    bad_key = runner.invoke(app, ["ablate", "--out", str(tmp_path / "a"), "--recipe", "a",
                                  "--recipe", "b:stages.mix.polcy=temperature"])
    assert bad_key.exit_code == 2 and "recipe b" in bad_key.output and "polcy" in bad_key.output
    if not torch.cuda.is_available():
        no_gpu = runner.invoke(app, [*recipes, "--device", "cuda"])
        assert no_gpu.exit_code == 2 and "no CUDA device" in no_gpu.output
    assert not (tmp_path / "a" / "recipes").exists()
