"""Documents of a run as a data engineer reads them to judge a rule: a sample of one stage's kept or dropped
documents with the signals that decided them (``corpusforge docs sample``, the run report's examples, the
documents ``corpusforge filter retune --preview`` shows).

Read with pyarrow on the driver — no Spark session — in two passes: the filters (reason, language, host,
``--where`` signal conditions) run on the narrow columns and pick the sample, and only the picked documents' text
is read, so a sample of a release-sized ``filter/dropped`` reads a few pages of text, not all of it.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from filters.rules import MODEL_COLUMNS, NUMERIC_SIGNAL_NAMES
from pipeline.lib.datasets import DEDUP_DOCS, DEDUP_DROPPED, EXTRACT_DOCS, FILTER_DROPPED, FILTER_KEPT
from pipeline.lib.hosts import normalize_host, reverse_host

# What of a document's text is shown: enough lines to recognise the page, each short enough for a terminal.
FIRST_LINES = 5
LINE_CHARS = 200
# How a URL is shortened for a table cell: its start (scheme and host) and its end (the page) stay readable.
URL_CHARS = 72

# The operators --where takes, as pyarrow's dataset filters spell them.
WHERE_OPERATORS = ("<=", ">=", "==", "!=", "<", ">")
_WHERE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(<=|>=|==|!=|<|>)\s*"
                    r"([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*$")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

# Per stage: the dataset of its kept documents and of its dropped ones (None: the stage keeps no dropped
# documents, only examples in its stats.json). dedup/dropped holds no text: a copy's text is read from
# filter/kept, which is what dedup read.
STAGE_DATASETS = {
    "filter": (FILTER_KEPT, FILTER_DROPPED),
    "dedup": (DEDUP_DOCS, DEDUP_DROPPED),
    "extract": (EXTRACT_DOCS, None),
}
NUMERIC_COLUMNS = frozenset((*NUMERIC_SIGNAL_NAMES, *(c for c in MODEL_COLUMNS if c != "url_blocklist"), "lang_score",
                             "pagerank", "trustrank", "spam_mass", "similarity", "dup_cluster_size", "replaced_bytes"))
# Label signals a detail may name besides the numbers (the blocklist that matched, the spam families, the benchmark).
LABEL_COLUMNS = frozenset(("url_blocklist", "spam_families", "contamination_benchmark"))


class DocsError(ValueError):
    """A request that cannot be answered as asked (bad --where, unknown stage, dataset missing): exit 2."""


@dataclass(frozen=True)
class Where:
    """One ``<signal> <op> <number>`` condition."""

    signal: str
    op: str
    value: float

    def __str__(self) -> str:
        return f"{self.signal} {self.op} {self.value:g}"


def parse_where(text: str, columns: list[str] | None = None) -> Where:
    """``'alpha_words_ratio < 0.7'`` → Where. Only a column name, one comparison and a number: nothing is
    evaluated, so a condition can never run code."""
    match = _WHERE.match(text)
    if not match:
        raise DocsError(f"--where {text!r}: expected '<signal> <op> <number>' with op one of "
                        f"{' '.join(WHERE_OPERATORS)}, e.g. --where 'alpha_words_ratio < 0.7'")
    signal, op, number = match.groups()
    if columns is not None and signal not in columns:
        numeric = sorted(c for c in columns if c in NUMERIC_COLUMNS)
        raise DocsError(f"--where {text!r}: {signal!r} is not a numeric column of this dataset; "
                        f"use one of: {', '.join(numeric)}")
    if columns is not None and signal not in NUMERIC_COLUMNS:
        raise DocsError(f"--where {text!r}: {signal!r} is not a number (compare numeric signals only)")
    return Where(signal, op, float(number))


def named_signals(detail: str | None, columns) -> list[str]:
    """The columns a drop detail names: ``'alpha_words_ratio 0.61 < 0.8'`` → [alpha_words_ratio]; a spam detail
    names the score's parts without their prefix (``keyword_frac 0.04``) → [spam_keyword_frac, …]."""
    found: list[str] = []
    for word in _IDENTIFIER.findall(detail or ""):
        for name in (word, f"spam_{word}"):
            if name in columns and name not in found and (name in NUMERIC_COLUMNS or name in LABEL_COLUMNS):
                found.append(name)
                break
    return found


def first_lines(text: str | None, lines: int = FIRST_LINES, width: int = LINE_CHARS) -> list[str]:
    """The first non-blank lines of a text, each cut to ``width`` characters."""
    shown = []
    for line in (text or "").splitlines():
        line = line.strip()
        if line:
            shown.append(line if len(line) <= width else line[: width - 1] + "…")
        if len(shown) == lines:
            break
    return shown


def middle_truncate(value: str | None, width: int = URL_CHARS) -> str:
    """``https://www.example.com/a/very/long/…/page.html``: the host and the page stay, the middle goes."""
    value = value or ""
    if len(value) <= width:
        return value
    head = (width - 1) * 3 // 5
    return value[:head] + "…" + value[len(value) - (width - 1 - head):]


def host_key(host: str) -> str:
    """A host as typed (``www.example.com``) → as stored (reversed, ``com.example.www``)."""
    name, reason = normalize_host(host)
    if name is None:
        raise DocsError(f"--host {host!r} is not a host name ({reason})")
    return reverse_host(name)


def _dataset(path: str, s3=None):
    import pyarrow.dataset as ds

    from pipeline.core.config import S3Config
    from pipeline.core.storage import arrow_filesystem

    filesystem, located = arrow_filesystem(path, s3 or S3Config())
    # Spark's _SUCCESS and .crc files start with _ and .: pyarrow skips them by default.
    return ds.dataset(located, format="parquet", filesystem=filesystem)


def dataset_exists(path: str, s3=None) -> bool:
    try:
        _dataset(path, s3)
    except (FileNotFoundError, OSError, ValueError):
        return False
    return True


def sample(out: str, stage: str = "filter", *, kept: bool = False, reason: str | None = None,
           lang: str | None = None, host: str | None = None, where: list[str] | None = None, count: int = 20,
           seed: int = 0, s3=None) -> dict:
    """Up to ``count`` documents of ``stage`` (dropped, or kept with ``kept``) matching every condition, picked
    at random with ``seed`` (the same picks each time): {"matched": n, "documents": [...]}.

    Each document: id, title, url, host (as typed), lang, reason and detail (dropped), ``signals`` — the ones its
    detail names, then the --where signals, with their values — and ``lines``, the first lines of its text."""
    import pyarrow.compute as pc

    if stage not in STAGE_DATASETS:
        raise DocsError(f"--stage {stage!r}: documents are kept for {', '.join(STAGE_DATASETS)}")
    kept_dataset, dropped_dataset = STAGE_DATASETS[stage]
    if not kept and dropped_dataset is None:
        raise DocsError(f"{stage} keeps no dataset of dropped documents (its stats.json lists a few examples per "
                        "reason); use --kept, or --stage filter / dedup")
    if kept and reason:
        raise DocsError("--reason selects dropped documents; it cannot go with --kept")
    if count < 1:
        raise DocsError("-n must be at least 1")
    dataset = kept_dataset if kept else dropped_dataset
    path = dataset.path(out)
    if not dataset_exists(path, s3):
        raise DocsError(f"{path} not found: run `corpusforge run --stages {stage}` with --out {out} first")
    table = _dataset(path, s3)
    columns = table.schema.names
    conditions = [parse_where(text, columns) for text in where or []]
    expression = None
    for name, value in (("drop_reason", reason), ("lang", lang), ("host", host_key(host) if host else None)):
        if value is not None:
            expression = _and(expression, pc.field(name) == value)
    for condition in conditions:
        expression = _and(expression, _compare(pc.field(condition.signal), condition.op, condition.value))
    narrow = [c for c in columns if c != "text"]
    candidates = table.to_table(columns=["id"], filter=expression).column("id").to_pylist()
    picks = sorted(random.Random(seed).sample(sorted(candidates), min(count, len(candidates))))
    rows = table.to_table(columns=narrow, filter=pc.field("id").isin(picks)).to_pylist() if picks else []
    texts = _texts(out, dataset, picks, s3)
    by_id = {row["id"]: row for row in rows}
    documents = [describe(by_id[doc_id], texts.get(doc_id), [c.signal for c in conditions], columns)
                 for doc_id in picks if doc_id in by_id]
    return {"stage": stage, "dataset": f"{dataset.stage}/{dataset.name}", "matched": len(candidates),
            "documents": documents}


def _and(left, right):
    return right if left is None else left & right


def _compare(field, op: str, value: float):
    return {"<": field < value, "<=": field <= value, ">": field > value, ">=": field >= value,
            "==": field == value, "!=": field != value}[op]


def _texts(out: str, dataset, ids: list[str], s3=None) -> dict[str, dict]:
    """Title and text of the picked documents, from the dataset or, for dedup's dropped copies, filter/kept."""
    import pyarrow.compute as pc

    if not ids:
        return {}
    source = dataset if "text" in dataset.column_names else FILTER_KEPT
    path = source.path(out)
    if not dataset_exists(path, s3):
        return {}
    rows = _dataset(path, s3).to_table(columns=["id", "title", "text"], filter=pc.field("id").isin(ids)).to_pylist()
    return {row["id"]: row for row in rows}


def describe(row: dict, text_row: dict | None, extra_signals: list[str], columns) -> dict:
    """One document as shown: what identifies it, why it went where it went, and the signals that decided."""
    detail = row.get("drop_detail")
    names = named_signals(detail, columns)
    names += [name for name in extra_signals if name not in names]
    text_row = text_row or row
    return {
        "id": row["id"], "title": text_row.get("title"), "url": row.get("url"),
        "host": reverse_host(row["host"]) if row.get("host") else None, "lang": row.get("lang"),
        "reason": row.get("drop_reason"), "detail": detail,
        "signals": {name: row.get(name) for name in names},
        "lines": first_lines(text_row.get("text")),
    }


def examples_by_reason(out: str, stage: str = "filter", per_group: int = 2,
                       seed: int = 0, s3=None) -> dict[str, dict[str, list[dict]]]:
    """For every drop reason and language of ``stage``'s dropped documents, up to ``per_group`` of them, picked
    at random with ``seed`` (the run report's examples): {reason: {lang: [document, ...]}}; {} when the stage
    has not run or keeps no dropped documents."""
    import pyarrow.compute as pc

    dataset = STAGE_DATASETS[stage][1]
    if dataset is None or not dataset_exists(dataset.path(out), s3):
        return {}
    table = _dataset(dataset.path(out), s3)
    columns = table.schema.names
    groups: dict[tuple[str, str], list[str]] = {}
    keys = table.to_table(columns=["id", "drop_reason", "lang"]).to_pylist()
    for row in sorted(keys, key=lambda r: r["id"]):
        groups.setdefault((row["drop_reason"], row["lang"]), []).append(row["id"])
    chooser = random.Random(seed)
    picks = {key: sorted(chooser.sample(ids, min(per_group, len(ids)))) for key, ids in sorted(groups.items())}
    wanted = [doc_id for ids in picks.values() for doc_id in ids]
    if not wanted:
        return {}
    narrow = [c for c in columns if c != "text"]
    rows = {row["id"]: row for row in table.to_table(columns=narrow, filter=pc.field("id").isin(wanted)).to_pylist()}
    texts = _texts(out, dataset, wanted, s3)
    result: dict[str, dict[str, list[dict]]] = {}
    for (reason, lang), ids in picks.items():
        result.setdefault(reason, {})[lang] = [describe(rows[i], texts.get(i), [], columns) for i in ids if i in rows]
    return result


def changed_document(row: dict) -> dict:
    """A document ``filter retune --preview`` found changing: before → after with the signals both details
    name (a newly kept document's deciding signal is in its old detail, a newly dropped one's in its new)."""
    columns = set(row)
    names = named_signals(row.get("before_detail"), columns)
    names += [n for n in named_signals(row.get("after_detail"), columns) if n not in names]
    return {
        "id": row["id"], "lang": row["lang"], "title": row.get("title"), "url": row.get("url"),
        "host": reverse_host(row["host"]) if row.get("host") else None,
        "before": row.get("before"), "before_detail": row.get("before_detail"),
        "after": row.get("after"), "after_detail": row.get("after_detail"),
        "signals": {name: row.get(name) for name in names},
        "lines": first_lines(row.get("text"), lines=2),
    }


__all__ = ["FIRST_LINES", "DocsError", "Where", "changed_document", "examples_by_reason",
           "first_lines", "middle_truncate", "named_signals", "parse_where", "sample"]
