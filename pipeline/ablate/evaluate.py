"""Evaluating a proxy model: bits per byte on held-out documents, and multiple-choice / cloze tasks.

Bits per byte: Σ token negative log-likelihood (nats) / ln 2 / UTF-8 bytes of the text. Each document is encoded
with the recipe's tokenizer, preceded by the end-of-document token (the model's "a document starts here"), and
every token of the document is scored: the first from that token alone. A document longer than the context is
scored in consecutive windows of ``seq_len`` tokens, each window starting fresh (no overlap), the same for every
recipe. Because the denominator is bytes of text, not tokens, recipes with different tokenizers compare.

Tasks (``conf/ablation_tasks/README.md``): each choice is scored by the log-likelihood of its tokens after the
context, divided by the choice's UTF-8 bytes (per-byte normalisation, so a long choice is not penalised for its
length, and again independent of the tokenizer); the prediction is the best-scoring choice.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F

from pipeline.lib.tokenizer import CorpusTokenizer, load_tokenizer

IGNORE = -100


def tokenizer_of(manifest: dict) -> CorpusTokenizer:
    """The tokenizer a tokenize folder's shards were written with, from its manifest's identity."""
    identity = manifest["tokenizer"]
    if identity["kind"] == "qwen":
        return load_tokenizer("qwen", identity["name"])
    return load_tokenizer("json", identity["name"], identity["path"], identity.get("eos_token"))


def _windows(ids: list[int], seq_len: int) -> list[tuple[list[int], list[int]]]:
    """(inputs, labels) windows covering every label of ``ids[1:]``, each at most ``seq_len`` long."""
    windows = []
    for start in range(0, len(ids) - 1, seq_len):
        chunk = ids[start:start + seq_len + 1]
        windows.append((chunk[:-1], chunk[1:]))
    return windows


@torch.no_grad()
def _batched_nll(model, rows: list[tuple[list[int], list[int]]], device: torch.device, batch_size: int,
                 eos_id: int) -> list[float]:
    """Summed NLL (nats) of each (inputs, labels) row; labels of IGNORE are not scored."""
    totals = []
    for first in range(0, len(rows), batch_size):
        batch = rows[first:first + batch_size]
        width = max(len(inputs) for inputs, _ in batch)
        inputs = torch.full((len(batch), width), eos_id, dtype=torch.long)
        labels = torch.full((len(batch), width), IGNORE, dtype=torch.long)
        for row, (row_inputs, row_labels) in enumerate(batch):
            inputs[row, :len(row_inputs)] = torch.tensor(row_inputs)
            labels[row, :len(row_labels)] = torch.tensor(row_labels)
        logits = model(inputs.to(device)).float()
        nll = F.cross_entropy(logits.transpose(1, 2), labels.to(device), ignore_index=IGNORE, reduction="none")
        totals.extend(nll.sum(dim=1).tolist())
    return totals


def heldout_bits_per_byte(model, tokenizer: CorpusTokenizer, documents: dict[str, list[dict]], seq_len: int,
                          device: torch.device, batch_size: int = 16) -> dict[str, dict]:
    """Per language and ``all``: nats, bytes, tokens and bits per byte of the held-out documents."""
    was_training = model.training
    model.eval()
    results = {}
    totals = {"nats": 0.0, "bytes": 0, "tokens": 0, "documents": 0}
    for lang, docs in documents.items():
        encoded = tokenizer.encode_batch([doc["text"] for doc in docs])
        rows = [window for ids in encoded for window in _windows([tokenizer.eos_id, *ids], seq_len)]
        nats = sum(_batched_nll(model, rows, device, batch_size, tokenizer.eos_id))
        size = sum(len(doc["text"].encode("utf-8")) for doc in docs)
        tokens = sum(len(ids) for ids in encoded)
        results[lang] = {"nats": nats, "bytes": size, "tokens": tokens, "documents": len(docs),
                         "bits_per_byte": nats / math.log(2) / size}
        for key, value in (("nats", nats), ("bytes", size), ("tokens", tokens), ("documents", len(docs))):
            totals[key] += value
    if totals["bytes"]:
        results["all"] = {**totals, "bits_per_byte": totals["nats"] / math.log(2) / totals["bytes"]}
    model.train(was_training)
    return results


@dataclass(frozen=True)
class TaskItem:
    id: str
    language: str
    context: str
    choices: tuple[str, ...]
    answer: int


def load_task_file(path: Path) -> list[TaskItem]:
    """One task file (JSONL); ValueError naming the file and line of the first malformed item."""
    items = []
    seen = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise ValueError(f"{where}: not JSON ({exc})") from None
        if not isinstance(row, dict):
            raise ValueError(f"{where}: an item is a JSON object")
        missing = [key for key in ("language", "context", "choices", "answer") if key not in row]
        if missing:
            raise ValueError(f"{where}: missing {', '.join(missing)}")
        choices = row["choices"]
        if (not isinstance(choices, list) or len(choices) < 2
                or not all(isinstance(choice, str) and choice for choice in choices)):
            raise ValueError(f"{where}: choices must be a list of at least two non-empty strings")
        answer = row["answer"]
        if not isinstance(answer, int) or isinstance(answer, bool) or not 0 <= answer < len(choices):
            raise ValueError(f"{where}: answer must be the index of a choice (0..{len(choices) - 1})")
        if not isinstance(row["context"], str) or not isinstance(row["language"], str) or not row["language"]:
            raise ValueError(f"{where}: context and language must be strings")
        item_id = str(row.get("id", f"{path.stem}-{number}"))
        if item_id in seen:
            raise ValueError(f"{where}: id {item_id} is used twice")
        seen.add(item_id)
        items.append(TaskItem(item_id, row["language"], row["context"], tuple(choices), answer))
    if not items:
        raise ValueError(f"{path}: no items")
    return items


def load_tasks(folder: str | Path | None) -> dict[str, list[TaskItem]]:
    """Every ``*.jsonl`` of the folder, by task name (the file's stem); none when the folder is not set."""
    if folder is None:
        return {}
    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(f"eval.tasks_dir {folder}: no such folder")
    return {path.stem: load_task_file(path) for path in sorted(folder.glob("*.jsonl"))}


def score_tasks(model, tokenizer: CorpusTokenizer, tasks: dict[str, list[TaskItem]], seq_len: int,
                device: torch.device, batch_size: int = 16) -> dict[str, dict[str, dict]]:
    """Per task and language: items, correct answers and accuracy."""
    was_training = model.training
    model.eval()
    results: dict[str, dict[str, dict]] = {}
    for name, items in tasks.items():
        rows = []
        for item in items:
            context = [tokenizer.eos_id, *tokenizer.encode_batch([item.context])[0]] if item.context else [
                tokenizer.eos_id]
            for choice_ids in tokenizer.encode_batch(list(item.choices)):
                ids = (context + choice_ids)[-(seq_len + 1):]  # the context is cut from the left if too long
                scored = min(len(choice_ids), len(ids) - 1)
                labels = [IGNORE] * (len(ids) - 1 - scored) + ids[len(ids) - scored:]
                rows.append((ids[:-1], labels))
        nll = _batched_nll(model, rows, device, batch_size, tokenizer.eos_id)
        per_item: dict[int, list[float]] = {}
        position = 0
        for number, item in enumerate(items):
            scores = []
            for choice in item.choices:
                scores.append(-nll[position] / len(choice.encode("utf-8")))
                position += 1
            per_item[number] = scores
        by_language: dict[str, dict] = {}
        for number, item in enumerate(items):
            scores = per_item[number]
            entry = by_language.setdefault(item.language, {"items": 0, "correct": 0, "chance": 0.0})
            entry["items"] += 1
            entry["correct"] += int(max(range(len(scores)), key=scores.__getitem__) == item.answer)
            entry["chance"] += 1 / len(item.choices)
        for entry in by_language.values():
            entry["accuracy"] = entry["correct"] / entry["items"]
            entry["chance"] = entry["chance"] / entry["items"]
        results[name] = dict(sorted(by_language.items()))
    model.train(was_training)
    return results
