"""The ablation's own configuration (``conf/ablation.yaml``): model sizes, training budget, tokenizer, held-out
documents and evaluation — validated on load like the pipeline's config."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from pipeline.core.config import ConfigError, Section, _format_validation_error, _read_mapping, apply_overrides
from pipeline.lib.mixture import parse_tokens


class ModelSize(Section):
    d_model: int = Field(ge=8)
    layers: int = Field(ge=1)
    heads: int = Field(ge=1)
    seq_len: int = Field(ge=8, description="Training context in tokens")

    @model_validator(mode="after")
    def _heads_divide_width(self) -> ModelSize:
        if self.d_model % self.heads:
            raise ValueError(f"heads {self.heads} does not divide d_model {self.d_model}")
        return self

    def non_embedding_parameters(self) -> int:
        """Attention (4·d²) and MLP (8·d²) weights per layer, plus their biases and norms; what the size names."""
        d = self.d_model
        per_layer = 12 * d * d + 13 * d
        return self.layers * per_layer + 2 * d


class TrainSection(Section):
    size: str = "1M"
    seeds: list[int] = Field(default=[0, 1], min_length=1)
    tokens: int | str = Field(default="400K", description="Training tokens per model (e.g. 1M, 2B)")
    batch_size: int = Field(default=16, ge=1, description="Sequences per step over all ranks")
    lr: float = Field(default=2e-3, gt=0)
    weight_decay: float = Field(default=0.1, ge=0)
    warmup_share: float = Field(default=0.05, ge=0, lt=1)
    min_lr_ratio: float = Field(default=0.1, ge=0, le=1)
    curve_points: int = Field(default=6, ge=1)
    device: Literal["auto", "cpu", "cuda"] = "auto"
    nproc_per_node: int = Field(default=1, ge=1)
    threads: int | None = Field(default=1, ge=1, description="CPU threads per rank (null: torch's default)")

    @field_validator("tokens")
    @classmethod
    def _tokens_parse(cls, value: int | str) -> int | str:
        if parse_tokens(value) < 1:
            raise ValueError("tokens must be at least 1")
        return value

    @field_validator("seeds")
    @classmethod
    def _distinct_seeds(cls, seeds: list[int]) -> list[int]:
        if len(set(seeds)) != len(seeds) or min(seeds) < 0:
            raise ValueError(f"seeds must be distinct and >= 0, got {seeds}")
        return seeds

    @property
    def token_budget(self) -> int:
        return parse_tokens(self.tokens)


class TokenizerSection(Section):
    train: bool = True
    vocab_size: int = Field(default=4096, ge=300)
    sample_bytes: int = Field(default=4_000_000, ge=1000)


class HeldoutSection(Section):
    seeds_dir: str = "conf/seeds"
    docs_per_language: int = Field(default=4, ge=1)
    min_bytes: int = Field(default=400, ge=1)
    languages: list[str] | None = None


class EvalSection(Section):
    tasks_dir: str | None = "conf/ablation_tasks"
    batch_size: int = Field(default=16, ge=1)
    confidence: float = Field(default=0.95, gt=0, lt=1)


class AblationConfig(Section):
    sizes: dict[str, ModelSize]
    train: TrainSection = TrainSection()
    tokenizer: TokenizerSection = TokenizerSection()
    heldout: HeldoutSection = HeldoutSection()
    eval: EvalSection = EvalSection()

    @model_validator(mode="after")
    def _size_is_listed(self) -> AblationConfig:
        if self.train.size not in self.sizes:
            raise ValueError(f"train.size {self.train.size!r} is not in sizes ({', '.join(self.sizes)})")
        return self

    @property
    def model_size(self) -> ModelSize:
        return self.sizes[self.train.size]


def load_ablation_config(path: str | Path, overrides: list[str] | None = None) -> AblationConfig:
    """``conf/ablation.yaml`` with ``KEY=VALUE`` overrides, validated (ConfigError if not)."""
    path = Path(path)
    data = apply_overrides(_read_mapping(path, "ablation config"), overrides or [])
    try:
        return AblationConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_format_validation_error(str(path), exc)) from None
