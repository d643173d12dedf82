"""The held-out documents: evaluation text no recipe trains on.

Drawn once per ablation folder from the first recipe's ``filter/kept`` (documents that passed quality filtering),
only from trust-seed hosts (``conf/seeds/<lang>.txt``: the editorially controlled sites TrustRank starts from, so
the evaluation text is the kind of text every recipe aims at), ``docs_per_language`` per language in the order of
their ids' SHA-256 (a fixed draw, not the first pages crawled). ``heldout.jsonl`` records each document's id,
language, host, URL, text and the text's SHA-256; every recipe's dedup stage drops those ids as ``held_out`` and
their copies as ``held_out_duplicate`` (``stages.dedup.held_out``). An existing file is reused as it is: the
evaluation set stays fixed while recipes are added.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path

from graph.rank import load_seeds
from pipeline.ablate.settings import HeldoutSection
from pipeline.lib.datasets import FILTER_KEPT
from pipeline.lib.hosts import reverse_host

HELDOUT_FILE = "heldout.jsonl"


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pick_heldout(run_root: Path, settings: HeldoutSection) -> list[dict]:
    """Held-out documents from a run's ``filter/kept``: per language, seed-host documents of at least
    ``min_bytes`` UTF-8 bytes, the first ``docs_per_language`` by SHA-256 of their id."""
    import pyarrow.parquet as pq

    seeds = load_seeds(settings.seeds_dir)
    seed_hosts = {host for hosts in seeds.values() for host in hosts}  # normalized and reversed, as in the graph
    table = pq.read_table(FILTER_KEPT.path(str(run_root)), columns=["id", "lang", "host", "url", "text"])
    by_language: dict[str, list[dict]] = defaultdict(list)
    for row in table.to_pylist():
        if row["host"] not in seed_hosts or not row["text"]:
            continue
        if settings.languages is not None and row["lang"] not in settings.languages:
            continue
        if len(row["text"].encode("utf-8")) < settings.min_bytes:
            continue
        by_language[row["lang"]].append(row)
    picked = []
    for lang in sorted(by_language):
        rows = sorted(by_language[lang], key=lambda row: hashlib.sha256(row["id"].encode()).hexdigest())
        for row in rows[:settings.docs_per_language]:
            picked.append({"id": row["id"], "lang": lang, "host": reverse_host(row["host"]), "url": row["url"],
                           "bytes": len(row["text"].encode("utf-8")), "sha256": text_sha256(row["text"]),
                           "text": row["text"]})
    return picked


def write_heldout(path: Path, documents: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for document in documents:
            out.write(json.dumps(document, ensure_ascii=False, sort_keys=True) + "\n")


def read_heldout(path: Path) -> list[dict]:
    """The recorded documents; a text whose hash no longer matches means the file was edited, which would make
    the evaluation silently differ from the one recorded, so it is an error."""
    documents = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            document = json.loads(line)
            text, digest = document["text"], document["sha256"]
            document["id"], document["lang"]
        except (ValueError, KeyError, TypeError):
            raise ValueError(f"{path}:{number}: not a held-out document (id, lang, text, sha256)") from None
        if text_sha256(text) != digest:
            raise ValueError(f"{path}:{number}: the text of {document['id']} does not match its sha256")
        documents.append(document)
    return documents


def by_language(documents: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for document in documents:
        grouped[document["lang"]].append(document)
    return dict(sorted(grouped.items()))
