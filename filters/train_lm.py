"""Stage ``train-lm``: a KenLM n-gram model per language (``filters.kenlm`` scores with it).

CCNet trained its 5-gram models on Wikipedia; here link authority stands in for Wikipedia: each language's
reference text is the extracted text of its highest-PageRank hosts (``reference_host_share`` of the language's
hosts, at least ``min_reference_hosts``). Text is normalized (lower case, digits to 0, punctuation dropped) and
split into the language's words (``segmenter``) or characters (``lm_tokens: characters`` — Chinese and Japanese,
where a small reference corpus makes word n-grams too sparse), one line per sentence-line. KenLM's own
estimator ``lmplz`` (modified Kneser-Ney, built by ``make setup``) writes an ARPA file that ``build_binary``
turns into the binary the ``kenlm`` module loads. Perplexity is CCNet's: 10^(−Σ log10 P / Σ tokens), an
end-of-line token counted per line.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from pydantic import Field

from filters.kenlm import MODELS_FOLDER, lm_lines, load_lm, model_file_name, perplexity
from filters.rules import language_rules
from pipeline.core.config import Section
from pipeline.core.stage import Stage, StageContext, StageDetails, StageError, Stats, digest_files
from pipeline.lib.datasets import EXTRACT_DOCS, TRAIN_LM_MODELS, TRAIN_LM_REFERENCE


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



def _reference_lines(rows, *, rules: dict):
    for row in rows:
        lang_rules = rules[row.lang]
        yield from lm_lines(row.text, lang_rules.segmenter, lang_rules.lm_tokens)


def check_tools(settings) -> None:
    for tool in (Path(settings.lmplz), Path(settings.build_binary)):
        if not tool.is_file():
            raise StageError(f"KenLM's {tool.name} not found at {tool}: `make setup` builds it "
                             f"(or point stages.train_lm.lmplz / build_binary at your build)")


def run_lmplz(settings, text_path: Path, work: Path, lang: str) -> Path:
    """lmplz then build_binary; a StageError with the tool's own message when either fails."""
    lmplz, build_binary = Path(settings.lmplz), Path(settings.build_binary)
    arpa, binary = work / f"{lang}.arpa", work / model_file_name(lang)
    # --discount_fallback: a small reference corpus lacks the n-gram counts modified Kneser-Ney's discounts
    # are estimated from; KenLM then uses its fixed fallback discounts instead of failing.
    command = [str(lmplz), "-o", str(settings.order), "-S", settings.memory, "-T", str(work), "--discount_fallback"]
    with open(text_path, "rb") as source, open(arpa, "wb") as target:
        result = subprocess.run(command, stdin=source, stdout=target, stderr=subprocess.PIPE, check=False)
    if result.returncode != 0:
        raise StageError(f"lmplz failed for {lang}: {result.stderr.decode(errors='replace')[-800:]}")
    result = subprocess.run([str(build_binary), str(arpa), str(binary)], capture_output=True, check=False)
    if result.returncode != 0:
        raise StageError(f"build_binary failed for {lang}: {result.stderr.decode(errors='replace')[-800:]}")
    arpa.unlink()
    return binary


class TrainLmDetails(StageDetails):
    languages: dict[str, dict[str, Any]] = {}  # per language: reference hosts, bytes, tokens, model, perplexity
    disabled: bool = False


class TrainLmStage(Stage):
    name = "train-lm"
    description = "KenLM n-gram models per language (lmplz) from the text of the highest-authority hosts."
    requires = ("extract",)
    writes = (TRAIN_LM_REFERENCE, TRAIN_LM_MODELS)
    settings = TrainLmStageConfig
    Details = TrainLmDetails
    config_sections = ("stages.filter.languages_dir", "stages.filter.language_overrides")
    filtering = False

    def files_digest(self, config) -> str:
        return digest_files(config.stages.filter.languages_dir)

    def run(self, ctx: StageContext, stats: Stats) -> None:
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        settings = ctx.config.stages.train_lm
        docs = ctx.read(EXTRACT_DOCS)
        languages = sorted(row["lang"] for row in docs.select("lang").distinct().collect())
        stats.details["languages"] = {}
        if not settings.enabled:
            stats.details["disabled"] = True
            return
        check_tools(settings)
        rules = language_rules(ctx.config, languages)
        hosts = docs.groupBy("lang", "host").agg(F.max("pagerank").alias("pagerank"), F.count("*").alias("docs"),
                                                 F.sum(F.length("text")).alias("chars"))
        by_authority = Window.partitionBy("lang").orderBy(F.desc("pagerank"), "host")
        per_language = Window.partitionBy("lang")
        ranked = hosts.withColumn("position", F.row_number().over(by_authority)).withColumn(
            "hosts_in_language", F.count("*").over(per_language))
        limit = F.greatest(F.lit(settings.min_reference_hosts),
                           F.ceil(F.col("hosts_in_language") * settings.reference_host_share))
        reference = ranked.where(F.col("position") <= limit).select(*TRAIN_LM_REFERENCE.column_names)
        reference.write.mode("overwrite").parquet(ctx.dataset_path(TRAIN_LM_REFERENCE))
        reference = ctx.spark.read.parquet(ctx.dataset_path(TRAIN_LM_REFERENCE))
        models_path = ctx.artifact_path(TRAIN_LM_MODELS)
        with tempfile.TemporaryDirectory(prefix="corpusforge-lm-") as scratch:
            for lang in languages:
                stats.details["languages"][lang] = self._train_language(
                    ctx, settings, docs, reference, lang, rules, Path(scratch), models_path)
        # In the run summary: reference documents read → models written.
        stats.input = docs.join(reference.select("lang", "host"), ["lang", "host"]).count()
        stats.output = sum(1 for summary in stats.details["languages"].values() if summary.get("model"))

    def _train_language(self, ctx, settings, docs, reference, lang, rules, scratch: Path, models_path: str) -> dict:
        from pyspark.sql import functions as F

        started = time.monotonic()
        reference_hosts = reference.where(F.col("lang") == lang).select("host")
        texts = docs.where(F.col("lang") == lang).join(reference_hosts, "host").select("lang", "text", "id")
        text_path = scratch / f"{lang}.txt"
        written = tokens = 0
        lines = texts.orderBy("id").rdd.mapPartitions(lambda rows: _reference_lines(rows, rules=rules))
        with open(text_path, "w", encoding="utf-8") as handle:
            for line in lines.toLocalIterator():
                data = line + "\n"
                written += len(data.encode("utf-8"))
                tokens += line.count(" ") + 1
                handle.write(data)
                if written >= settings.max_reference_bytes:
                    break
        summary = {"hosts": reference_hosts.count(), "reference_bytes": written, "reference_tokens": tokens}
        if tokens < settings.min_reference_tokens:
            summary["model"] = None
            summary["skipped"] = f"{tokens} reference tokens < min_reference_tokens {settings.min_reference_tokens}"
            return summary
        binary = run_lmplz(settings, text_path, scratch, lang)
        ctx.fs.copy_from_local(str(binary), f"{models_path}/{binary.name}")
        summary.update(model=f"{MODELS_FOLDER}/{binary.name}", model_bytes=binary.stat().st_size,
                       seconds=round(time.monotonic() - started, 2))
        # Perplexity of the reference itself: what "typical" means for this language, a scale for the cutoffs.
        sample = text_path.read_text(encoding="utf-8").splitlines()[:2000]
        model = load_lm(str(binary))
        summary["reference_perplexity"] = perplexity(model, sample)
        load_lm.cache_clear()
        binary.unlink()
        text_path.unlink()
        return summary
