"""Personal data (``pipeline.lib.pii``): emails, IP addresses, phone numbers, Chinese resident ID numbers, payment
card numbers and IBANs, found, counted per type and replaced by a typed placeholder before any other family reads
the text.

What is done per type is ``stages.filter.pii.<type>.action``: ``replace`` (the placeholder, ``<EMAIL>``...),
``keep`` (counted, left in place) or ``drop`` (the document leaves the corpus with the reason ``pii``; its text,
kept with the dropped rows for inspection, is masked all the same). Replace and drop mask alike, so moving a type
between them is a retune from the stored counts; keep changes the text, so it recomputes the signals.
"""

from __future__ import annotations

from filters.rules.base import Family, Rule, Signal, Verdict
from pipeline.lib.pii import PII_SIGNALS, PII_TYPES, mask_pii

_ZERO = dict.fromkeys(PII_SIGNALS, 0.0)


def _prepare(text: str, settings) -> tuple[str, dict[str, float]]:
    if settings.pii is None or not text:
        return text, dict(_ZERO)
    result = mask_pii(text, settings.pii, settings.name)
    return result.text, {f"pii_{name}": float(result.counts.get(name, 0)) for name in PII_TYPES}


def _check(verdict: Verdict) -> tuple[str, str] | None:
    for name in PII_TYPES:
        if name in verdict.actions.pii_drop and verdict.signals.get(f"pii_{name}"):
            return "pii", (f"pii_{name} {int(verdict.signals[f'pii_{name}'])} found and "
                           f"stages.filter.pii.{name}.action is drop")
    return None


FAMILY = Family(
    name="pii",
    doc="Personal data masked by type (pipeline/lib/pii.py); the types whose action is drop drop the document",
    signals=tuple(Signal(f"pii_{name}", f"{name} values found (masked unless the type's action is keep)")
                  for name in PII_TYPES),
    prepare=_prepare,
    rules=(Rule("pii", 20, "Personal data of a type whose stages.filter.pii.<type>.action is drop", _check),),
)
