"""Benchmark contamination (``pipeline.lib.decontamination``): a document holding an n-gram of an evaluation set
named in ``stages.filter.decontamination.sets`` (13 words, or 20 characters in scripts written without spaces).

The benchmark, the item and the n-gram found are stored with the document for audit. Whether it is dropped (reason
``contaminated``) or kept and flagged is ``stages.filter.decontamination.action``, decided from the stored columns.
The check reads the text as kept, after PII masking and C4 line cleaning.
"""

from __future__ import annotations

from filters.rules.base import Family, Rule, Signal, TextView, Verdict
from pipeline.lib.decontamination import find_contamination

_CLEAN = {"contamination_benchmark": None, "contamination_item": None, "contamination_ngram": None}


def _compute(view: TextView, settings) -> dict:
    if settings.contamination is None or not view.text:
        return dict(_CLEAN)
    match = find_contamination(view.text, settings.name, settings.contamination)
    if match is None:
        return dict(_CLEAN)
    return {"contamination_benchmark": match.benchmark, "contamination_item": match.item_id,
            "contamination_ngram": match.ngram}


def _check(verdict: Verdict) -> tuple[str, str] | None:
    benchmark = verdict.signals.get("contamination_benchmark")
    if benchmark is None or verdict.actions.contamination != "drop":
        return None
    item = verdict.signals.get("contamination_item")
    return "contaminated", f"{benchmark}{' ' + item if item else ''}: \"{verdict.signals['contamination_ngram']}\""


FAMILY = Family(
    name="decontamination",
    doc="Documents holding an n-gram of an evaluation set (stages.filter.decontamination)",
    signals=(Signal("contamination_benchmark", "Evaluation set whose n-gram the text holds (null: clean)", "string"),
             Signal("contamination_item", "Its item (HumanEval/12; null from a Bloom-filter index)", "string"),
             Signal("contamination_ngram", "The n-gram found, in normal form", "string")),
    compute=_compute,
    rules=(Rule("contaminated", 25, "Holds an n-gram of an evaluation set and stages.filter.decontamination.action "
                "is drop", _check),),
)
