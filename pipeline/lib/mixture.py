"""Language mixture planning: how many tokens of each language a training run sees, and how often each
document is repeated to get there. Pure functions of per-language token counts, so a plan can be redone for
any budget or policy from the counts alone (``corpusforge mix plan``).

Policies (shares q_i of the budget B, before caps):
- ``temperature``: q_i ∝ p_i^α with p_i the natural share (XLM-R and mT5 use α = 0.3);
- ``unimax`` (Chung et al. 2023): languages in ascending size; the i-th of L gets min(remaining / (L − i),
  max_epochs · n_i) and the rest moves on — a uniform budget where no language repeats more than max_epochs;
- ``explicit``: target shares from the config; languages not named share what is left by natural size.

Caps: no language gets more than ``max_epochs`` × its available tokens (Muennighoff et al. 2023: beyond about
four epochs repeated data is worth much less). What a capped language cannot take is handed to the uncapped
ones in proportion to their shares; when every language is capped the plan says the budget is not reachable.

A plan never quietly differs from what was asked: every request it could not meet is a line in its ``notes``
— an explicit share the cap lowered (requested → planned, and why), a share for a language without documents,
an option the chosen policy does not use. Values that cannot be planned at all (a share that is not a number,
negative or above 1, shares adding up to more than 1, an unknown policy, a budget or epoch cap ≤ 0) are
``ValueError``s with a message that names the value.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass

UNITS = {"": 1, "K": 10**3, "M": 10**6, "B": 10**9, "G": 10**9, "T": 10**12}
POLICIES = ("unimax", "temperature", "explicit")
DEFAULT_ALPHA = 0.3  # XLM-R and mT5
# A planned share this close to the requested one met the request (the plan rounds targets to whole tokens).
SHARE_TOLERANCE = 1e-4


def parse_tokens(text: str | int | float) -> int:
    """'2T' → 2·10^12; '500B', '10M', '1.5K' and plain numbers too."""
    if isinstance(text, int | float):
        return int(text)
    match = re.fullmatch(r"\s*([0-9]*\.?[0-9]+)\s*([KMBGT]?)\s*", str(text).upper())
    if not match:
        raise ValueError(f"not a token count: {text!r} (examples: 2T, 500B, 10M, 123456)")
    return int(float(match.group(1)) * UNITS[match.group(2)])


@dataclass
class LanguagePlan:
    lang: str
    available_tokens: int
    target_tokens: int
    share_before: float
    share_after: float
    sampling_rate: float  # target / available: below 1 keeps a subset, above 1 repeats
    expected_epochs: float
    capped_by: str | None  # "max_epochs" when the cap, not the policy, set the target


def parse_shares(items: list[str] | None) -> dict[str, float]:
    """``["zh=0.1", "ja=0.05"]`` → {zh: 0.1, ja: 0.05}, each share checked (``check_shares``)."""
    shares: dict[str, float] = {}
    for item in items or []:
        lang, sep, value = item.partition("=")
        lang = lang.strip()
        if not sep or not lang:
            raise ValueError(f"--share {item!r}: expected LANG=SHARE, e.g. --share zh=0.1")
        if lang in shares:
            raise ValueError(f"--share {item!r}: {lang} is given twice")
        try:
            shares[lang] = float(value)
        except ValueError:
            raise ValueError(f"--share {item!r}: {value.strip()!r} is not a number (a share is between 0 and 1, "
                             "e.g. zh=0.1)") from None
    check_shares(shares)
    return shares


def check_shares(shares: dict[str, float]) -> None:
    """Each share a number in [0, 1] and together at most 1: anything else cannot be planned."""
    for lang, share in shares.items():
        if not math.isfinite(share) or not 0.0 <= share <= 1.0:
            raise ValueError(f"share {lang}={share:g} is not between 0 and 1")
    total = sum(shares.values())
    if total > 1 + 1e-9:
        raise ValueError(f"explicit target shares add up to {total:.3f} > 1 "
                         f"({', '.join(f'{lang}={share:g}' for lang, share in shares.items())})")


def temperature_shares(counts: dict[str, int], alpha: float) -> dict[str, float]:
    total = sum(counts.values())
    weights = {lang: (n / total) ** alpha for lang, n in counts.items() if n > 0}
    norm = sum(weights.values())
    return {lang: weights.get(lang, 0.0) / norm for lang in counts}


def unimax_targets(counts: dict[str, int], budget: int, max_epochs: float) -> dict[str, float]:
    """UniMax: each language in ascending size takes an equal part of what remains, at most max_epochs × size."""
    remaining = float(budget)
    targets = {}
    ordered = sorted(counts, key=lambda lang: (counts[lang], lang))
    for index, lang in enumerate(ordered):
        fair = remaining / (len(ordered) - index)
        targets[lang] = min(fair, max_epochs * counts[lang])
        remaining -= targets[lang]
    return targets


def explicit_shares(counts: dict[str, int], shares: dict[str, float]) -> dict[str, float]:
    check_shares(shares)
    rest = 1.0 - sum(shares.get(lang, 0.0) for lang in counts)
    unnamed = {lang: n for lang, n in counts.items() if lang not in shares}
    unnamed_total = sum(unnamed.values())
    return {lang: shares[lang] if lang in shares else (rest * n / unnamed_total if unnamed_total else 0.0)
            for lang, n in counts.items()}


def capped_targets(counts: dict[str, int], shares: dict[str, float], budget: int,
                   max_epochs: float) -> tuple[dict[str, float], set[str]]:
    """Targets share·budget, no language above max_epochs × its tokens; the excess goes to the uncapped."""
    targets: dict[str, float] = {}
    capped: set[str] = set()
    open_langs = {lang for lang in counts if shares.get(lang, 0) > 0}
    remaining = float(budget)
    while open_langs:
        weight = sum(shares[lang] for lang in open_langs)
        over = {lang for lang in open_langs if remaining * shares[lang] / weight > max_epochs * counts[lang]}
        if not over:
            for lang in open_langs:
                targets[lang] = remaining * shares[lang] / weight
            break
        for lang in over:
            targets[lang] = max_epochs * counts[lang]
            remaining -= targets[lang]
        capped |= over
        open_langs -= over
    for lang in counts:
        targets.setdefault(lang, 0.0)
    return targets, capped


def plan_mixture(counts: dict[str, int], *, budget: int | None, policy: str, max_epochs: float,
                 alpha: float | None = None, shares: dict[str, float] | None = None) -> dict:
    """The plan: per language available → target tokens, shares, sampling rate, epochs, which cap bound, and
    ``notes`` naming every request the plan could not meet.

    ``budget`` None means "as many tokens as there are": the mixture is reweighted at the corpus's own size.
    ``alpha`` None means not given (temperature then uses 0.3); a given ``alpha`` or ``shares`` the policy does
    not use is noted, not silently dropped.
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown policy {policy!r}: {', '.join(POLICIES)}")
    if not (isinstance(max_epochs, int | float) and math.isfinite(max_epochs) and max_epochs > 0):
        raise ValueError(f"max_epochs must be a number above 0, not {max_epochs!r}")
    if alpha is not None and not (math.isfinite(alpha) and 0 < alpha <= 1):
        raise ValueError(f"alpha must be in (0, 1], not {alpha!r}")
    if budget is not None and int(budget) <= 0:
        raise ValueError(f"budget must be above 0 tokens, not {budget!r}")
    shares = dict(shares or {})
    check_shares(shares)
    notes = _ignored_options(policy, alpha, shares)
    used_alpha = (DEFAULT_ALPHA if alpha is None else alpha) if policy == "temperature" else None
    counts = {lang: int(n) for lang, n in counts.items()}
    available = sum(counts.values())
    budget = available if budget is None else int(budget)
    if policy == "explicit":
        notes += _unknown_languages(counts, shares)
    if available == 0:  # nothing survived the stages before: an empty plan that says so, not a failure
        return {
            "policy": policy, "budget_tokens": budget, "planned_tokens": 0, "available_tokens": 0,
            "max_epochs": max_epochs, "alpha": used_alpha,
            "explicit_shares": shares if policy == "explicit" else None, "languages": [],
            "notes": ["no tokens to plan: no document reached the mixture", *notes],
        }
    capacity = sum(max_epochs * n for n in counts.values())
    capped: set[str] = set()
    if policy == "unimax":
        targets = unimax_targets(counts, budget, max_epochs)
        capped = {lang for lang, t in targets.items() if counts[lang] and t >= max_epochs * counts[lang] - 1e-6}
    elif policy == "temperature":
        targets, capped = capped_targets(counts, temperature_shares(counts, used_alpha), budget, max_epochs)
    else:
        targets, capped = capped_targets(counts, explicit_shares(counts, shares), budget, max_epochs)
    planned = sum(targets.values())
    languages = []
    for lang in sorted(counts, key=lambda lang: -counts[lang]):
        n, target = counts[lang], targets[lang]
        languages.append(LanguagePlan(
            lang=lang, available_tokens=n, target_tokens=round(target), share_before=n / available,
            share_after=target / planned if planned else 0.0, sampling_rate=target / n if n else 0.0,
            expected_epochs=target / n if n else 0.0, capped_by="max_epochs" if lang in capped else None))
    if budget > capacity:
        notes.insert(0, f"budget {budget:,} tokens exceeds what max_epochs {max_epochs:g} allows "
                        f"({int(capacity):,}): every language is capped; the plan has {int(planned):,} tokens")
    if policy == "explicit":
        notes += _unmet_shares(counts, shares, targets, capped, planned, max_epochs)
    return {
        "policy": policy, "budget_tokens": budget, "planned_tokens": round(planned),
        "available_tokens": available, "max_epochs": max_epochs, "alpha": used_alpha,
        "explicit_shares": shares if policy == "explicit" else None,
        "languages": [asdict(plan) for plan in languages], "notes": notes,
    }


def _ignored_options(policy: str, alpha: float | None, shares: dict[str, float]) -> list[str]:
    """Each policy reads budget and max_epochs; alpha only temperature, shares only explicit."""
    notes = []
    if shares and policy != "explicit":
        notes.append(f"policy {policy} ignores the requested shares "
                     f"({', '.join(f'{lang}={share:g}' for lang, share in shares.items())}): only the explicit "
                     "policy uses them")
    if alpha is not None and policy != "temperature":
        notes.append(f"policy {policy} ignores alpha {alpha:g}: only the temperature policy uses it")
    return notes


def _unknown_languages(counts: dict[str, int], shares: dict[str, float]) -> list[str]:
    known = ", ".join(sorted(counts)) or "none"
    return [f"requested share {lang}={share:g} not planned: no documents in language {lang!r} (languages with "
            f"documents: {known}); the other languages share the budget"
            for lang, share in shares.items() if lang not in counts]


def _unmet_shares(counts: dict[str, int], shares: dict[str, float], targets: dict[str, float], capped: set[str],
                  planned: float, max_epochs: float) -> list[str]:
    """Requested → planned share for every named language that did not get what it asked for, and why."""
    notes = []
    named = {lang: share for lang, share in shares.items() if lang in counts}
    unnamed = sorted(lang for lang in counts if lang not in shares)
    for lang, requested in named.items():
        got = targets[lang] / planned if planned else 0.0
        if abs(got - requested) <= SHARE_TOLERANCE:
            continue
        reasons = []
        if got > requested:  # only what other languages could not take, or an unclaimed rest, raises a share
            others = sorted(capped - {lang})
            if others:
                reasons.append(f"{', '.join(others)} at the max_epochs cap handed their excess to the others")
            if not any(counts[other] for other in unnamed) and sum(named.values()) < 1 - 1e-9:
                reasons.append(f"the shares add up to {sum(named.values()):g} and no unnamed language takes the "
                               "rest, so they are scaled to 1")
        if lang in capped:
            reasons.append(f"language {lang} has no tokens" if not counts[lang] else
                           f"max_epochs {max_epochs:g} caps it at {max_epochs:g} × {counts[lang]:,} = "
                           f"{int(max_epochs * counts[lang]):,} tokens")
        why = "; ".join(reasons) or "the other languages' caps moved tokens"
        notes.append(f"share {lang}: requested {requested:.4f} → planned {got:.4f} "
                     f"({round(targets[lang]):,} tokens): {why}")
    if unnamed and sum(named.values()) >= 1 - 1e-9:
        notes.append(f"the requested shares add up to 1: {', '.join(unnamed)} "
                     f"{'gets' if len(unnamed) == 1 else 'get'} no tokens")
    return notes


def repeats_for(rank_fraction: float, rate: float, max_repeats: int) -> int:
    """Repeats of a document whose better documents hold ``rank_fraction`` of its language's tokens.

    With sampling rate ≤ 1 the best documents up to the rate are kept once. Above 1, every document is kept
    once and each extra pass over the language goes to the best documents first: a rate of 2.3 repeats the
    top 30% three times and the rest twice. Never more than ``max_repeats``.
    """
    if rate <= 1.0:
        return 1 if rank_fraction < rate else 0
    whole = math.floor(rate)
    extra = 1 if rank_fraction < rate - whole else 0
    return min(whole + extra, max_repeats)


def rehydration_weight(cluster_size: int, table: dict[int, float]) -> float:
    """FineWeb-2-style weight by duplicate-cluster size: the value of the largest table key ≤ the size."""
    keys = [size for size in table if size <= cluster_size]
    return table[max(keys)] if keys else 1.0
