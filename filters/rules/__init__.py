"""The quality rule registry: every rule family of ``filters/rules/``, and the per-language rules built from them.

Each module of this package (but ``base``) declares one ``FAMILY``: its signals, how a language tunes their
computation, its thresholds and its rules (``filters.rules.base``). Everything else is derived here: the signal
columns of ``filter/kept`` and ``filter/dropped``, the model of ``conf/languages/<lang>.yaml`` (its top level:
how signals are computed; ``thresholds``: what is kept), the decision order (``Rule.position`` across families),
``corpusforge filter rules`` and the filter stage's computation. Adding a rule is one file here, plus its
per-language values in the language files where they differ from the defaults.

A language without a file of its own takes its script family's (``conf/languages/families/<family>.yaml``,
``pipeline.lib.scripts``), and a language file inherits whatever it does not set from its family (``family:``
names another). ``stop_words: auto`` takes wordfreq's most frequent words where wordfreq knows the language and
turns the stop-word rule off where it does not. ``describe_languages`` says where each value came from.

A language file has two parts. Its top level says how the language's signals are computed (segmenter, stop words,
C4 line cleaning): changing it means computing signals again. ``thresholds`` says what is kept: changing it only
re-decides from the signals already stored in ``filter/kept`` and ``filter/dropped`` (``corpusforge filter
retune``). Defaults are datatrove's English values (Gopher, FineWeb); the shipped language files start from
FineWeb-2's published per-language values. A threshold of ``null`` (or 0 where datatrove treats 0 as "off")
disables its rule; a document is dropped by the first rule it fails, and the reason names that rule.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import math
import pkgutil
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field, ValidationError, create_model, field_validator

from filters.keywords import SpamLexicon
from filters.rules.base import Actions, Family, Rule, Signal, TextView, Verdict
from filters.rules.c4 import C4Rules
from filters.rules.cjk import CJKRules
from filters.rules.fineweb import FineWebRules
from filters.rules.gopher_quality import GopherQualityRules
from filters.rules.gopher_repetition import GopherRepetitionRules
from filters.rules.perplexity import PerplexityRules
from pipeline.core.config import ConfigError, Section, _format_validation_error
from pipeline.lib.scripts import FAMILIES as SCRIPT_FAMILIES
from pipeline.lib.scripts import family_of, script_of
from pipeline.lib.segment import SEGMENTERS, segmenter


def _discover() -> tuple[Family, ...]:
    families = []
    for module in pkgutil.iter_modules(__path__):
        if module.name == "base":
            continue
        family = getattr(importlib.import_module(f"{__name__}.{module.name}"), "FAMILY", None)
        if not isinstance(family, Family):
            raise TypeError(f"filters/rules/{module.name}.py declares no FAMILY")
        families.append(family)
    return tuple(sorted(families, key=lambda family: min((rule.position for rule in family.rules), default=1e9)))


FAMILIES: tuple[Family, ...] = _discover()
RULES: tuple[Rule, ...] = tuple(sorted((rule for family in FAMILIES for rule in family.rules),
                                       key=lambda rule: rule.position))
RULE_ORDER: tuple[str, ...] = tuple(rule.reason for rule in RULES)
SIGNALS: tuple[Signal, ...] = tuple(signal for family in FAMILIES for signal in family.signals)
SIGNAL_NAMES: tuple[str, ...] = tuple(signal.name for signal in SIGNALS)
# The numeric signals: what quantiles, calibration and `filter stats` range over.
NUMERIC_SIGNAL_NAMES: tuple[str, ...] = tuple(signal.name for signal in SIGNALS if signal.type == "double")
# Columns the rules read besides the families' signals: the blocklist verdict and the two model scores.
MODEL_COLUMNS: tuple[str, ...] = ("url_blocklist", "perplexity", "quality_score")
_positions = [rule.position for rule in RULES]
if len(set(_positions)) != len(_positions) or len(set(SIGNAL_NAMES)) != len(SIGNAL_NAMES):
    raise TypeError("two rules share a position, or two families a signal name")


def _fields(kind: str) -> dict[str, tuple[Any, Any]]:
    merged: dict[str, tuple[Any, Any]] = {}
    for family in FAMILIES:
        for name, spec in getattr(family, kind).items():
            if name in merged:
                raise TypeError(f"two rule families declare {kind} {name!r}")
            merged[name] = spec
    return merged


Thresholds = create_model("Thresholds", __base__=Section, __module__=__name__, **_fields("thresholds"))


class LanguageRulesBase(Section):
    name: str = ""
    family: str = Field(default="", description="Script family the language inherits from (pipeline.lib.scripts)")
    segmenter: str = "words"
    lm_tokens: str = Field(default="words", description="KenLM units: words (the segmenter's) or characters")

    @field_validator("segmenter")
    @classmethod
    def _known_segmenter(cls, value: str) -> str:
        if value not in SEGMENTERS:
            raise ValueError(f"unknown segmenter {value!r}; expected one of {', '.join(SEGMENTERS)}")
        return value

    @field_validator("lm_tokens")
    @classmethod
    def _known_units(cls, value: str) -> str:
        if value not in ("words", "characters"):
            raise ValueError("expected words or characters")
        return value

    def signal_settings(self, spam_lexicon: SpamLexicon | None, pii=None, contamination=None) -> SignalSettings:
        """What the families compute this language's signals with: the spam lexicon, the PII settings
        (``pipeline.lib.pii.PiiConfig``, None: no masking) and the contamination index (None: no check)."""
        return SignalSettings(self, spam_lexicon, pii, contamination)

    def signal_digest(self) -> str:
        """Digest of everything but the thresholds: equal digests mean stored signals can be reused."""
        data = self.model_dump(exclude={"thresholds", "name", "family"})
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


LanguageRules = create_model("LanguageRules", __base__=LanguageRulesBase, __module__=__name__,
                             **_fields("settings"), thresholds=(Thresholds, Thresholds()))


class SignalSettings:
    """A language's rules as the families read them while computing (thresholds aside), with the spam lexicon."""

    __slots__ = ("contamination", "pii", "rules", "spam_lexicon", "stop_word_set")

    def __init__(self, rules, spam_lexicon: SpamLexicon | None, pii=None, contamination=None):
        self.rules = rules
        self.spam_lexicon = spam_lexicon
        self.pii = pii
        self.contamination = contamination
        self.stop_word_set = frozenset(getattr(rules, "stop_words", ()))

    def __getattr__(self, name: str):
        return getattr(self.rules, name)


def compute_signals(text: str, settings: SignalSettings, title: str | None = None,
                    url: str | None = None) -> tuple[str, dict[str, Any]]:
    """(text as kept, every family's signals). The text changes only where a family prepares it (C4 cleaning);
    the title and URL are read by the families that weigh them (spam)."""
    signals: dict[str, float] = {}
    for family in FAMILIES:
        if family.prepare is not None:
            text, prepared = family.prepare(text, settings)
            signals.update(prepared)
    view = TextView(text, settings, title, url)
    for family in FAMILIES:
        if family.compute is not None:
            signals.update(family.compute(view, settings))
    return text, signals


def decide(signals: dict[str, Any], lang_score: float, thresholds, cutoffs: tuple[float, float] | None,
           actions: Actions | None = None) -> tuple[str | None, str | None, str | None]:
    """(drop reason or None, detail, perplexity bucket) of one document from its stored signals."""
    bucket = None
    perplexity = signals.get("perplexity")
    if perplexity is not None and not math.isnan(perplexity) and cutoffs is not None:
        bucket = "head" if perplexity <= cutoffs[0] else "middle" if perplexity <= cutoffs[1] else "tail"
    verdict = Verdict(signals, lang_score, thresholds, cutoffs, bucket, actions or Actions())
    for rule in RULES:
        failed = rule.check(verdict)
        if failed is not None:
            return failed[0], failed[1], bucket
    return None, None, bucket


def describe_rules() -> list[dict[str, Any]]:
    """The rules in decision order with their family and what they test (``corpusforge filter rules``)."""
    family_of = {id(rule): family for family in FAMILIES for rule in family.rules}
    return [{"position": rule.position, "reason": rule.reason, "family": family_of[id(rule)].name, "doc": rule.doc}
            for rule in RULES]


def _deep_merge(base: dict, update: dict) -> dict:
    merged = dict(base)
    for key, value in update.items():
        merged[key] = _deep_merge(merged[key], value) if isinstance(value, dict) and isinstance(
            merged.get(key), dict) else value
    return merged


FAMILIES_FOLDER = "families"
AUTO_STOP_WORDS = 12  # wordfreq's most frequent words, as many as FineWeb-2's lists hold on average
# lid.176 codes that wordfreq names otherwise
WORDFREQ_CODES = {"no": "nb", "tl": "fil"}


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc


def frequent_words(lang: str, family: str) -> list[str]:
    """wordfreq's most frequent words of the language, as the language's segmenter would cut them; [] where
    wordfreq does not know it."""
    import wordfreq

    code = WORDFREQ_CODES.get(lang, lang.partition("_")[0])
    if code not in wordfreq.available_languages():
        return []
    words = []
    for word in wordfreq.top_n_list(code, AUTO_STOP_WORDS * 2):
        if family == "greek" and word.endswith("σ"):
            word = word[:-1] + "ς"  # wordfreq case-folds the final sigma away
        if segmenter("words")(word) == [word]:
            words.append(word)
    return words[:AUTO_STOP_WORDS]


def _language_data(directory: Path, lang: str, override: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The language's merged settings (family, file, override) and where they came from."""
    path = directory / f"{lang}.yaml"
    own = _read_yaml(path) if path.is_file() else {}
    family = override.get("family") or own.get("family") or family_of(lang)
    if family not in SCRIPT_FAMILIES:
        raise ConfigError(f"{path}: unknown family {family!r}; expected one of {', '.join(SCRIPT_FAMILIES)}")
    family_path = directory / FAMILIES_FOLDER / f"{family}.yaml"
    if not family_path.is_file():
        raise ConfigError(f"family settings not found: {family_path} (every script family needs one)")
    data = _deep_merge(_deep_merge(_read_yaml(family_path), own), override)
    data["family"] = family
    sources = {"file": str(path) if path.is_file() else "", "family": str(family_path), "script": script_of(lang),
               "stop_words": "file" if "stop_words" in own or "stop_words" in override else "family"}
    if data.get("stop_words") == "auto":
        data["stop_words"] = frequent_words(lang, family)
        sources["stop_words"] = "wordfreq" if data["stop_words"] else "none: wordfreq does not know the language"
        if not data["stop_words"]:
            data.setdefault("thresholds", {}).setdefault("gopher_quality", {})["min_stop_words"] = None
    return data, sources


def load_language_rules(directory: str | Path, languages: list[str],
                        overrides: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """Rules of each language: its script family's settings, ``<directory>/<lang>.yaml`` over them, then
    ``overrides[lang]``, validated. Every language has rules: one without a file takes its family's."""
    return {lang: rules for lang, (rules, _) in describe_language_rules(directory, languages, overrides).items()}


def describe_language_rules(directory: str | Path, languages: list[str],
                            overrides: dict[str, dict[str, Any]] | None = None
                            ) -> dict[str, tuple[Any, dict[str, str]]]:
    """Each language's validated rules with where they came from (``corpusforge languages``)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ConfigError(f"language rules folder not found: {directory} (stages.filter.languages_dir)")
    described: dict[str, tuple[Any, dict[str, str]]] = {}
    for lang in languages:
        data, sources = _language_data(directory, lang, (overrides or {}).get(lang, {}))
        try:
            described[lang] = (LanguageRules.model_validate(data), sources)
        except ValidationError as exc:
            raise ConfigError(_format_validation_error(sources["file"] or sources["family"], exc)) from None
    return described


def languages_with_files(directory: str | Path) -> list[str]:
    """The languages that have a hand-written file."""
    return sorted(path.stem for path in Path(directory).glob("*.yaml"))


def language_rules(config, languages: list[str]) -> dict[str, Any]:
    """Each language's rules under ``config`` (stages.filter.languages_dir and language_overrides)."""
    settings = config.stages.filter
    return load_language_rules(settings.languages_dir, languages, settings.language_overrides)


__all__ = [
    "FAMILIES",
    "MODEL_COLUMNS",
    "NUMERIC_SIGNAL_NAMES",
    "RULES",
    "RULE_ORDER",
    "SIGNALS",
    "SIGNAL_NAMES",
    "Actions",
    "C4Rules",
    "CJKRules",
    "FineWebRules",
    "GopherQualityRules",
    "GopherRepetitionRules",
    "LanguageRules",
    "PerplexityRules",
    "SignalSettings",
    "Thresholds",
    "compute_signals",
    "decide",
    "describe_language_rules",
    "describe_rules",
    "frequent_words",
    "language_rules",
    "languages_with_files",
    "load_language_rules",
]
