"""The fastText quality classifier's side of a document: its text as the model sees it and P(good).

Text is lower-cased, digits folded, and split into the language's words (jieba for Chinese, MeCab for Japanese:
fastText splits on spaces only). ``train-quality`` trains the models, ``filter`` scores with them.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

from pipeline.core.stage import StageContext
from pipeline.core.storage import safe_name
from pipeline.lib.datasets import TRAIN_QUALITY_MODELS
from pipeline.lib.segment import segmenter

DIGITS = re.compile(r"\d")
GOOD, POOR = "good", "poor"
LABEL = "__label__"
MAX_WORDS = 2000
MODELS_FOLDER = TRAIN_QUALITY_MODELS.name
HOLDOUT_BUCKETS = 10  # one in ten examples, by id hash, is held out


def model_file_name(group: str) -> str:
    return f"quality-{safe_name(group, 'classifier group')}.bin"


def classifier_text(text: str, segmenter_name: str) -> str:
    words = segmenter(segmenter_name)(DIGITS.sub("0", text.lower()))
    return " ".join(words[:MAX_WORDS])


def is_holdout(doc_id: str) -> bool:
    return zlib.crc32(doc_id.encode()) % HOLDOUT_BUCKETS == 0


@lru_cache(maxsize=8)
def load_classifier(path: str):
    import fasttext

    fasttext.FastText.eprint = lambda *args, **kwargs: None
    return fasttext.load_model(path)


def good_probability(model, text: str) -> float:
    labels, scores = model.predict(text, k=2)
    for label, score in zip(labels, scores, strict=True):
        if label == LABEL + GOOD:
            return round(min(1.0, float(score)), 6)
    return round(max(0.0, 1.0 - float(scores[0])), 6)


def published_classifiers(ctx: StageContext) -> dict[str, str]:
    """group (a language, or 'all') → path of each classifier train-quality published."""
    folder = TRAIN_QUALITY_MODELS.path(ctx.out_root)
    return {name.removeprefix("quality-").removesuffix(".bin"): f"{folder}/{name}"
            for name in ctx.fs.list_names(folder) if name.startswith("quality-") and name.endswith(".bin")}
