"""The ablation's report: from each model's ``metrics.json`` to a table per recipe × language × task with
confidence intervals over seeds, the winner per language, learning curves (PNG), the recipe diffs and the tokens
each model saw per language. ``results.json`` holds all of it; ``corpusforge ablate report DIR`` re-renders.

Intervals: mean over seeds ± Student's t half-width at the configured confidence (t_{(1+c)/2, n−1} · s / √n). With
two seeds t is 12.7 at 95%: wide on purpose — two seeds say little, and the report should not pretend otherwise.
A winner is "separated" when its interval does not overlap the runner-up's.
"""

from __future__ import annotations

import json
import math
import statistics
from pathlib import Path

from pipeline.ablate.proxy import METRICS_FILE

RESULTS_FILE = "results.json"
REPORT_FILE = "report.md"
CURVES_FILE = "curves.png"
ABLATION_FILE = "ablation.json"


def interval(values: list[float], confidence: float) -> dict:
    """Mean, t-interval half-width (None for one value) and the values."""
    from scipy import stats

    mean = statistics.fmean(values)
    half = None
    if len(values) > 1:
        # float(): scipy returns numpy scalars, which json cannot write
        half = float(stats.t.ppf((1 + confidence) / 2, len(values) - 1) * statistics.stdev(values)
                     / math.sqrt(len(values)))
    return {"mean": mean, "ci": half, "n": len(values), "values": values}


def load_models(ablation_dir: Path, recipes: list[str], seeds: list[int]) -> list[dict]:
    """The metrics of the ablation's own recipes and seeds (a folder of an earlier run with other seeds is not
    mixed in)."""
    models = []
    for recipe in recipes:
        for seed in seeds:
            path = ablation_dir / "models" / recipe / f"seed-{seed}" / METRICS_FILE
            if path.is_file():
                models.append(json.loads(path.read_text(encoding="utf-8")))
    return models


def aggregate(ablation: dict, models: list[dict], confidence: float) -> dict:
    """Everything the report shows, from the ablation's record (``ablation.json``) and the models' metrics."""
    recipes = [recipe["name"] for recipe in ablation["recipes"]]
    by_recipe = {name: [m for m in models if m["recipe"] == name] for name in recipes}
    languages = [*sorted({lang for m in models for lang in m["heldout"]} - {"all"}), "all"]
    bpb = {}
    for lang in languages:
        row = {}
        for name in recipes:
            values = [m["heldout"][lang]["bits_per_byte"] for m in by_recipe[name] if lang in m["heldout"]]
            if values:
                row[name] = interval(values, confidence)
        bpb[lang] = row
    tasks: dict[str, dict[str, dict]] = {}
    for m in models:
        for task, per_language in m["tasks"].items():
            for lang in per_language:
                tasks.setdefault(task, {}).setdefault(lang, {})
    for task, per_language in tasks.items():
        for lang in per_language:
            for name in recipes:
                entries = [m["tasks"][task][lang] for m in by_recipe[name] if lang in m["tasks"].get(task, {})]
                if entries:
                    per_language[lang][name] = {**interval([e["accuracy"] for e in entries], confidence),
                                                "items": entries[0]["items"], "chance": entries[0]["chance"]}
    winners = {}
    for lang, row in bpb.items():
        ranked = sorted(row, key=lambda name: row[name]["mean"])
        if len(ranked) < 2:
            continue
        best, second = row[ranked[0]], row[ranked[1]]
        separated = (best["ci"] is not None and second["ci"] is not None
                     and best["mean"] + best["ci"] < second["mean"] - second["ci"])
        winners[lang] = {"recipe": ranked[0], "runner_up": ranked[1], "by_bits_per_byte": second["mean"] - best["mean"],
                         "relative": (second["mean"] - best["mean"]) / second["mean"], "separated": separated}
    tokens = {}
    for name in recipes:
        seen: dict[str, list[int]] = {}
        for m in by_recipe[name]:
            for lang, count in m["tokens_by_language"].items():
                seen.setdefault(lang, []).append(count)
        tokens[name] = {lang: round(statistics.fmean(counts)) for lang, counts in sorted(seen.items())}
    return {**ablation, "confidence": confidence, "bits_per_byte": bpb, "tasks": tasks, "winners": winners,
            "tokens_by_language": tokens,
            "models": [{k: v for k, v in m.items() if k != "losses"} for m in models]}


def _cell(entry: dict | None, digits: int = 3) -> str:
    if entry is None:
        return "–"
    if entry["ci"] is None:
        return f"{entry['mean']:.{digits}f}"
    return f"{entry['mean']:.{digits}f} ± {entry['ci']:.{digits}f}"


def render_markdown(results: dict) -> str:
    recipes = [recipe["name"] for recipe in results["recipes"]]
    confidence = round(results["confidence"] * 100)
    lines = [f"# Ablation: {' vs '.join(recipes)}", ""]
    train = results["train"]
    lines += [f"Proxy models: size {train['size']} ({results['non_embedding_parameters']:,} non-embedding "
              f"parameters), {train['tokens']:,} training tokens each, seeds {train['seeds']}, tokenizer "
              f"{results['tokenizer']['name']} (vocabulary {results['tokenizer']['vocab_size']:,}). Held-out: "
              f"{sum(results['heldout']['documents'].values())} documents from trust-seed hosts "
              f"({results['heldout']['file']}). Values: mean over seeds ± {confidence}% t-interval.", ""]
    lines += ["## Recipes", ""]
    for recipe in results["recipes"]:
        diff = recipe["diff"]
        changed = "; ".join(f"`{key}`: {json.dumps(old)} → {json.dumps(new)}" for key, (old, new) in diff.items())
        lines.append(f"- **{recipe['name']}** (`{recipe['spec']}`): {changed or 'the reference'}")
        shared = [f"{r['stage']} (from {r['shared_from']})" for r in recipe["stages"] if r["status"] == "shared"]
        if shared:
            lines.append(f"  - stages shared with another recipe: {', '.join(shared)}")
    lines += ["", "## Held-out bits per byte (lower is better)", ""]
    lines += ["| language | " + " | ".join(recipes) + " | winner |", "|---" * (len(recipes) + 2) + "|"]
    for lang, row in results["bits_per_byte"].items():
        winner = results["winners"].get(lang)
        verdict = "–"
        if winner:
            verdict = (f"{winner['recipe']} by {winner['by_bits_per_byte']:.4f} "
                       f"({winner['relative']:.1%}){'' if winner['separated'] else ', intervals overlap'}")
        lines.append(f"| {lang} | " + " | ".join(_cell(row.get(name), 4) for name in recipes) + f" | {verdict} |")
    if results["tasks"]:
        lines += ["", "## Tasks (accuracy, per-byte normalised log-likelihood)", ""]
        lines += ["| task | language | items | chance | " + " | ".join(recipes) + " |",
                  "|---" * (len(recipes) + 4) + "|"]
        for task, per_language in results["tasks"].items():
            for lang, row in per_language.items():
                some = next(iter(row.values()))
                lines.append(f"| {task} | {lang} | {some['items']} | {some['chance']:.2f} | "
                             + " | ".join(_cell(row.get(name)) for name in recipes) + " |")
    lines += ["", "## Training tokens seen per language (mean over seeds)", ""]
    languages = sorted({lang for counts in results["tokens_by_language"].values() for lang in counts})
    lines += ["| recipe | " + " | ".join(languages) + " |", "|---" * (len(languages) + 1) + "|"]
    for name, counts in results["tokens_by_language"].items():
        lines.append(f"| {name} | " + " | ".join(f"{counts.get(lang, 0):,}" for lang in languages) + " |")
    lines += ["", f"Learning curves: [{CURVES_FILE}]({CURVES_FILE})", ""]
    return "\n".join(lines)


def plot_curves(results: dict, models_curves: dict[str, list[list[dict]]], target: Path) -> None:
    """Held-out bits per byte (all languages) against training tokens, one line per recipe (mean over seeds,
    band from the lowest to the highest seed), and the training loss beside it."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import EngFormatter

    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    for name, runs in models_curves.items():
        curves = [run["curve"] for run in runs]
        steps = sorted(set.intersection(*[{point["tokens"] for point in curve} for curve in curves]))
        values = [[next(p["bits_per_byte"]["all"] for p in curve if p["tokens"] == t) for curve in curves]
                  for t in steps]
        means = [statistics.fmean(v) for v in values]
        (line,) = left.plot(steps, means, marker="o", label=name)
        left.fill_between(steps, [min(v) for v in values], [max(v) for v in values], alpha=0.2,
                          color=line.get_color())
        for run in runs:
            right.plot([p["tokens"] for p in run["losses"]], [p["loss"] for p in run["losses"]],
                       color=line.get_color(), alpha=0.6, linewidth=1)
        right.plot([], [], color=line.get_color(), label=name)
    left.set(xlabel="training tokens", ylabel="held-out bits per byte (all languages)",
             title="Held-out bits per byte")
    right.set(xlabel="training tokens", ylabel="training loss (nats per token)", title="Training loss, every seed")
    for axes in (left, right):
        axes.xaxis.set_major_formatter(EngFormatter())  # 400k, not 400000 run into its neighbour
        axes.grid(alpha=0.3)
        axes.legend()
    figure.tight_layout()
    figure.savefig(target, dpi=110)
    plt.close(figure)


def write_report(ablation_dir: Path, confidence: float | None = None) -> dict:
    """Aggregate the models of ``ablation_dir`` and write results.json, report.md and curves.png; the results."""
    ablation_path = ablation_dir / ABLATION_FILE
    if not ablation_path.is_file():
        raise FileNotFoundError(f"{ablation_dir}: no {ABLATION_FILE}; is this a `corpusforge ablate` folder?")
    ablation = json.loads(ablation_path.read_text(encoding="utf-8"))
    recipes = [recipe["name"] for recipe in ablation["recipes"]]
    models = load_models(ablation_dir, recipes, ablation["train"]["seeds"])
    missing = [name for name in recipes if not any(m["recipe"] == name for m in models)]
    if missing:
        raise FileNotFoundError(f"{ablation_dir}: no trained model of {', '.join(missing)} (models/<recipe>/seed-*/)")
    results = aggregate(ablation, models, confidence if confidence is not None else ablation["confidence"])
    (ablation_dir / RESULTS_FILE).write_text(json.dumps(results, indent=2, sort_keys=True), encoding="utf-8")
    (ablation_dir / REPORT_FILE).write_text(render_markdown(results), encoding="utf-8")
    plot_curves(results, {name: [m for m in models if m["recipe"] == name] for name in recipes},
                ablation_dir / CURVES_FILE)
    return results
