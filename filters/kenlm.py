"""KenLM perplexity as CCNet scores it: the text as the language model sees it, the model, and the score.

Text is normalized (lower case, digits to 0, punctuation dropped) and split into the language's words (its
segmenter) or characters (``lm_tokens: characters`` — Chinese and Japanese, where a small reference corpus makes
word n-grams too sparse), one line per non-empty text line. Perplexity is CCNet's: 10^(−Σ log10 P / Σ tokens),
an end-of-line token counted per line. ``train-lm`` trains the models, ``filter`` scores with them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from datatrove.utils.text import PUNCTUATION_SET

from pipeline.core.stage import StageContext
from pipeline.core.storage import safe_name
from pipeline.lib.datasets import TRAIN_LM_MODELS
from pipeline.lib.segment import segmenter

DIGITS = re.compile(r"\d")
MODELS_FOLDER = TRAIN_LM_MODELS.name


def model_file_name(lang: str) -> str:
    return f"kenlm-{safe_name(lang, 'language label')}.binary"


def lm_lines(text: str, segmenter_name: str, units: str) -> list[str]:
    """The text as the language model sees it: one line per non-empty text line, tokens joined by spaces."""
    split = segmenter(segmenter_name)
    lines = []
    for raw in text.split("\n"):
        line = DIGITS.sub("0", raw.lower())
        if units == "characters":
            tokens = [ch for ch in line if not ch.isspace() and ch not in PUNCTUATION_SET]
        else:
            tokens = [word for word in split(line) if any(ch not in PUNCTUATION_SET for ch in word)]
        if tokens:
            lines.append(" ".join(tokens))
    return lines


@lru_cache(maxsize=16)
def load_lm(path: str):
    import kenlm

    return kenlm.Model(path)


def perplexity(model, lines: list[str]) -> float | None:
    """CCNet's document perplexity; None for a document with no tokens."""
    log10_total, tokens = 0.0, 0
    for line in lines:
        log10_total += model.score(line, bos=True, eos=True)
        tokens += line.count(" ") + 2  # words + end of sentence
    if tokens == 0:
        return None
    return round(10.0 ** (-log10_total / tokens), 1)


def published_models(ctx: StageContext) -> dict[str, str]:
    """lang → path of each model train-lm published (empty when it was disabled or had too little text)."""
    folder = TRAIN_LM_MODELS.path(ctx.out_root)
    models = {}
    for name in ctx.fs.list_names(folder):
        if name.startswith("kenlm-") and name.endswith(".binary"):
            models[name.removeprefix("kenlm-").removesuffix(".binary")] = f"{folder}/{name}"
    return models

