"""The run report: one self-contained HTML file that shows what a run kept, what it dropped and why.

``corpusforge report OUT`` reads a run's output root — every stage's ``stats.json``, the rank/select host
tables, the filter signals, dedup's clusters, the mixture plan and the shard manifest — and writes a single HTML
file: inline CSS, plots as base64 PNG data URIs, no script and no reference to the network, so it can be mailed,
attached to a ticket or opened on an air-gapped machine exactly as it was written.

Every stage has its section; a stage that has not run says "not run" (a report of a half-finished run is
useful, and a report must never be the thing that fails). Datasets are read with pyarrow on the driver, narrow
columns only (never the text, except for the few example documents), so a report of a large run stays cheap.
"""

from __future__ import annotations

import base64
import html
import io
import json
import math
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from filters.rules import RULES
from filters.rules.base import threshold_at
from filters.rules.spam_keywords import spam_score
from pipeline import __version__
from pipeline.core.config import S3Config
from pipeline.core.stage import STATS_FILE, SUCCESS_FILE
from pipeline.core.storage import arrow_filesystem, exists, read_bytes
from pipeline.documents import examples_by_reason, middle_truncate
from pipeline.lib.datasets import (
    DEDUP_DOCS,
    EXTRACT_DOCS,
    FILTER_DROPPED,
    FILTER_KEPT,
    MIX_PLAN,
    RANK_HOSTS,
    SELECT_HOSTS,
    SELECT_REJECTED,
    TOKENIZE_MANIFEST,
)
from pipeline.lib.hosts import reverse_host
from pipeline.runner import STAGE_NAMES, STAGES

REPORT_FILE = "report.html"
FIGURE_DPI = 80  # sharp enough on a laptop screen, small enough that 20 figures stay a few hundred kB
HISTOGRAM_BINS = 30
TOP_HOSTS_PER_LANGUAGE = 5
EXAMPLES_PER_GROUP = 2  # example documents per (drop reason, language)
MAX_SIGNAL_LANGUAGES = 20  # languages whose signal histograms are drawn, most documents first
MAX_DROP_REASONS_IN_CELL = 8  # drop reasons listed in a funnel cell; the rest are summed as "n more"
MAX_STAGE_EXAMPLES = 6  # stats.json drop examples shown for a stage without a dataset of dropped documents
LOG_BIN_FLOOR = 1e-12  # PageRank is positive; the floor only guards a log of 0

# The signals drawn per language: column, axis label with its unit, log axis, colour-independent description.
KEY_SIGNALS: tuple[tuple[str, str, bool], ...] = (
    ("alpha_words_ratio", "words with a letter (share of words)", False),
    ("line_punct_ratio", "lines ending in punctuation (share of lines)", False),
    ("dup_line_frac", "duplicated lines (share of lines)", False),
    ("spam_score", "spam score (weighted share of characters)", False),
    ("perplexity", "KenLM perplexity (log scale)", True),
)
# The parts of the spam score (filters.rules.spam_keywords): the score is computed from them, as the rule does.
SPAM_PARTS = ("spam_keyword_frac", "spam_weak_frac", "spam_title_frac", "spam_url_hits", "spam_contact_hits",
              "spam_counter_frac")
# The two perplexity cutoffs of a language (CCNet's buckets), as drawn.
PERPLEXITY_CUTOFF_LABELS = ("head|middle", "middle|tail")
KEPT_COLOUR, DROPPED_COLOUR, THRESHOLD_COLOUR = "#3b7dd8", "#d8863b", "#c62828"

CSS = """
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1d232b;
       margin: 0 auto; max-width: 1180px; padding: 16px 24px 64px; background: #fff; }
h1 { font-size: 24px; margin: 8px 0 4px; } h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 2px solid #dde3ea;
     padding-bottom: 4px; } h3 { font-size: 16px; margin: 20px 0 6px; } h4 { font-size: 14px; margin: 12px 0 4px; }
.meta, .note { color: #5a6572; } .note { font-size: 13px; }
nav { columns: 4; font-size: 13px; margin: 8px 0 16px; } nav a { display: block; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 6px 0 14px; font-size: 13px; }
th, td { border: 1px solid #dde3ea; padding: 3px 6px; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; word-break: break-word; }
th { background: #f2f5f8; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.notrun td { color: #8a94a0; font-style: italic; }
.status-ran { color: #1b7f3b; font-weight: 600; } .status-notrun { color: #8a94a0; font-style: italic; }
img { max-width: 100%; height: auto; display: block; margin: 6px 0 12px; }
.doc { border: 1px solid #dde3ea; border-left: 4px solid #d8863b; padding: 6px 10px; margin: 8px 0;
       overflow-wrap: anywhere; }
.doc .title { font-weight: 600; } .doc .url { font-family: ui-monospace, monospace; font-size: 12px; color: #3a5a80; }
.doc .detail { font-family: ui-monospace, monospace; font-size: 12px; background: #fbf3ea; padding: 1px 4px; }
.doc pre { white-space: pre-wrap; font-size: 12px; margin: 4px 0 0; color: #333; }
details { margin: 4px 0; } summary { cursor: pointer; font-weight: 600; }
"""


# ---- reading the run ------------------------------------------------------------------------------------------

@dataclass
class Run:
    """A run's output root, read defensively: anything missing is None, never an exception."""

    out: str
    s3: S3Config

    def _path(self, *parts: str) -> str:
        return "/".join([self.out.rstrip("/"), *parts])

    def ran(self, stage: str) -> bool:
        return exists(self._path(stage, SUCCESS_FILE), self.s3)

    def stats(self, stage: str) -> dict | None:
        if not self.ran(stage):
            return None
        return self.json(self._path(stage, STATS_FILE))

    def json(self, path: str) -> dict | None:
        try:
            return json.loads(read_bytes(path, self.s3)) if exists(path, self.s3) else None
        except (OSError, ValueError):
            return None

    def artifact(self, artifact) -> dict | None:
        return self.json(self._path(artifact.stage, artifact.name)) if self.ran(artifact.stage) else None

    def table(self, dataset, columns: list[str]):
        """The dataset's ``columns`` as a pyarrow Table, or None when the stage has not run."""
        import pyarrow.dataset as ds

        if not self.ran(dataset.stage):
            return None
        try:
            filesystem, located = arrow_filesystem(dataset.path(self.out), self.s3)
            return ds.dataset(located, format="parquet", filesystem=filesystem).to_table(columns=columns)
        except (FileNotFoundError, OSError, ValueError):
            return None


# ---- HTML helpers ----------------------------------------------------------------------------------------------

def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def number(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if value != 0 and (abs(value) < 1e-3 or abs(value) >= 1e6):
            return f"{value:.3e}"
        return f"{value:,.4g}"
    return str(value)


def table(headers: list[str], rows: list[list[Any]], numeric: set[int] = frozenset(), widths: list[int] | None = None,
          row_classes: list[str] | None = None) -> str:
    """An HTML table whose cells wrap (fixed layout): never wider than the page. Numbers right-aligned."""
    cols = "".join(f'<col style="width:{w}%">' for w in widths) if widths else ""
    head = "".join(f'<th class="num">{esc(h)}</th>' if i in numeric else f"<th>{esc(h)}</th>"
                   for i, h in enumerate(headers))
    body = []
    for r, row in enumerate(rows):
        cls = f' class="{row_classes[r]}"' if row_classes and row_classes[r] else ""
        cells = "".join(f'<td class="num">{esc(number(v))}</td>' if i in numeric else f"<td>{cell(v)}</td>"
                        for i, v in enumerate(row))
        body.append(f"<tr{cls}>{cells}</tr>")
    return f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


class Raw(str):
    """HTML already escaped, put into a cell as it is."""


def cell(value: Any) -> str:
    return value if isinstance(value, Raw) else esc(number(value) if isinstance(value, float) else value)


def not_run(stage: str) -> str:
    return f'<p class="status-notrun">not run: no published output of {esc(stage)} in this run.</p>'


def figure_png(figure) -> str:
    """The figure as an <img> with a base64 PNG data URI (the report references no file and no network)."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png", dpi=FIGURE_DPI)
    plt.close(figure)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img alt="plot" src="data:image/png;base64,{data}">'


def pyplot():
    import matplotlib

    matplotlib.use("Agg")  # no display: the report is written on servers and in tests
    import matplotlib.pyplot as plt

    return plt


def reasons_cell(dropped: dict[str, int]) -> str:
    ordered = sorted(dropped.items(), key=lambda item: (-item[1], item[0]))
    shown = ", ".join(f"{reason} {count:,}" for reason, count in ordered[:MAX_DROP_REASONS_IN_CELL])
    rest = ordered[MAX_DROP_REASONS_IN_CELL:]
    if rest:
        shown += f", {len(rest)} more ({sum(c for _, c in rest):,})"
    return shown or "-"


def lang_counts(run: Run, dataset) -> Counter | None:
    data = run.table(dataset, ["lang"])
    return None if data is None else Counter(data.column("lang").to_pylist())


# ---- sections ---------------------------------------------------------------------------------------------------

def funnel_section(run: Run, stats: dict[str, dict | None]) -> str:
    rows, classes = [], []
    for name in STAGE_NAMES:
        entry = stats[name]
        if entry is None:
            rows.append([name, Raw('<span class="status-notrun">not run</span>'), None, None, None, "-", None])
            classes.append("notrun")
            continue
        rows.append([name, Raw('<span class="status-ran">ran</span>'), entry.get("input"), entry.get("output"),
                     sum((entry.get("dropped") or {}).values()), reasons_cell(entry.get("dropped") or {}),
                     entry.get("seconds")])
        classes.append("")
    parts = ["<h2 id='funnel'>Funnel per stage</h2>",
             "<p class='note'>Records in → out per stage (from each stage's stats.json); for filtering stages "
             "in = out + dropped exactly.</p>",
             table(["stage", "status", "in", "out", "dropped", "dropped by reason", "seconds"], rows,
                   numeric={2, 3, 4, 6}, widths=[11, 7, 9, 9, 9, 45, 10], row_classes=classes)]
    ran = [(name, stats[name]) for name in STAGE_NAMES if stats[name] is not None]
    if ran:
        plt = pyplot()
        figure, axis = plt.subplots(figsize=(11, 0.35 * len(ran) + 1.2))
        names = [name for name, _ in ran][::-1]
        axis.barh(names, [max(entry.get("input") or 0, 1) for _, entry in ran][::-1], color="#c9d3de", label="in")
        axis.barh(names, [max(entry.get("output") or 0, 1) for _, entry in ran][::-1], color=KEPT_COLOUR,
                  label="out")
        axis.set_xscale("log")
        axis.set_xlabel("records (log scale)")
        axis.set_title("records in and out per stage")
        axis.legend(loc="lower right")
        parts.append(figure_png(figure))
    parts.append(language_funnel(run, stats))
    return "\n".join(parts)


def language_funnel(run: Run, stats: dict[str, dict | None]) -> str:
    """Documents per language through extract → filter → dedup → shards, and the tokens the shards hold."""
    extracted = lang_counts(run, EXTRACT_DOCS)
    filter_stats = stats.get("filter")
    by_language = (filter_stats or {}).get("details", {}).get("by_language", {})
    deduped = lang_counts(run, DEDUP_DOCS)
    manifest = run.artifact(TOKENIZE_MANIFEST)
    sharded = (manifest or {}).get("languages", {})
    languages = sorted(set(extracted or {}) | set(by_language) | set(deduped or {}) | set(sharded))
    if not languages:
        return "<h3>Per language</h3><p class='status-notrun'>not run: no stage with documents has run.</p>"
    rows = []
    for lang in sorted(languages, key=lambda lang: -(extracted or {}).get(lang, 0)):
        entry = by_language.get(lang)
        rows.append([
            lang, extracted.get(lang, 0) if extracted is not None else "not run",
            entry["kept"] if entry else ("not run" if filter_stats is None else 0),
            reasons_cell(entry["dropped"]) if entry else "-",
            deduped.get(lang, 0) if deduped is not None else "not run",
            sharded[lang]["documents"] if lang in sharded else ("not run" if manifest is None else 0),
            sharded[lang]["tokens"] if lang in sharded else ("not run" if manifest is None else 0),
        ])
    return ("<h3>Per language</h3>"
            + table(["language", "extracted docs", "filter kept", "filter dropped by reason", "after dedup",
                     "docs in shards (with repeats)", "tokens in shards"], rows, numeric={1, 2, 4, 5, 6},
                    widths=[8, 10, 10, 38, 10, 12, 12]))


def stage_section(name: str, stats: dict | None, body: str = "") -> str:
    stage = next(s for s in STAGES if s.name == name)
    header = f"<h2 id='stage-{esc(name)}'>{esc(name)}</h2><p class='note'>{esc(stage.description)}</p>"
    if stats is None:
        return header + not_run(name)
    summary = (f"<p><b>{number(stats.get('input'))}</b> in → <b>{number(stats.get('output'))}</b> out, "
               f"{number(sum((stats.get('dropped') or {}).values()))} dropped, {number(stats.get('seconds'))} s.</p>")
    scalars = [[key, value] for key, value in sorted((stats.get("details") or {}).items())
               if isinstance(value, (int, float, str, bool)) and not isinstance(value, bool) and value != ""]
    details = table(["detail", "value"], scalars, widths=[30, 70]) if scalars else ""
    examples = ""
    drops = (stats.get("details") or {}).get("drop_examples") or []
    if drops and not body:
        rows = [[e.get("drop_reason"), e.get("drop_detail"),
                 Raw(f"<span title='{esc(e.get('drop_path'))}'>{esc(middle_truncate(e.get('drop_path')))}</span>"),
                 e.get("drop_offset")] for e in drops[:MAX_STAGE_EXAMPLES]]
        examples = ("<h4>drop examples (stats.json)</h4>"
                    + table(["reason", "detail", "file", "offset"], rows, numeric={3}, widths=[18, 37, 33, 12]))
    return header + summary + body + details + examples


def authority_section(run: Run) -> str:
    """rank and select: the PageRank distribution, selected against rejected hosts, top hosts per language."""
    ranked = run.table(RANK_HOSTS, ["host", "pagerank", "language"])
    if ranked is None:
        return not_run("rank")
    plt = pyplot()
    import numpy as np

    pagerank = np.maximum(np.asarray(ranked.column("pagerank").to_pylist(), dtype=float), LOG_BIN_FLOOR)
    selected = run.table(SELECT_HOSTS, ["host", "pagerank", "language", "trustrank", "spam_mass", "rank",
                                        "why_selected"])
    rejected = run.table(SELECT_REJECTED, ["host", "pagerank", "reason"])
    parts = []
    if len(pagerank):
        bins = np.logspace(math.log10(pagerank.min()), math.log10(pagerank.max()) + 1e-9, HISTOGRAM_BINS + 1)
        figure, axis = plt.subplots(figsize=(11, 3.4))
        if selected is not None and rejected is not None:
            chosen = set(selected.column("host").to_pylist())
            refused = set(rejected.column("host").to_pylist())
            hosts = ranked.column("host").to_pylist()
            groups = {"selected": [], "rejected": [], "never crawled (not a candidate)": []}
            for host, value in zip(hosts, pagerank, strict=True):
                key = "selected" if host in chosen else "rejected" if host in refused else \
                    "never crawled (not a candidate)"
                groups[key].append(value)
            axis.hist(list(groups.values()), bins=bins, stacked=True, label=list(groups),
                      color=[KEPT_COLOUR, DROPPED_COLOUR, "#c9d3de"])
            axis.legend()
        else:
            axis.hist(pagerank, bins=bins, color=KEPT_COLOUR)
        axis.set_xscale("log")
        axis.set_xlabel("host PageRank (share of the random surfer's visits, log scale)")
        axis.set_ylabel("hosts")
        axis.set_title(f"PageRank of the {len(pagerank):,} hosts of the graph")
        parts.append(figure_png(figure))
    if selected is None:
        return "\n".join(parts) + "<h3>Selection</h3>" + not_run("select")
    why = Counter(selected.column("why_selected").to_pylist())
    reasons = Counter(rejected.column("reason").to_pylist()) if rejected is not None else Counter()
    parts.append("<h3>Selected and rejected hosts</h3>" + table(
        ["outcome", "why", "hosts"],
        [["selected", key, count] for key, count in why.most_common()]
        + [["rejected", key, count] for key, count in reasons.most_common()], numeric={2}, widths=[20, 60, 20]))
    by_language: dict[str, list[dict]] = defaultdict(list)
    for row in selected.to_pylist():
        by_language[row["language"] or "-"].append(row)
    rows = []
    for lang in sorted(by_language, key=lambda lang: -len(by_language[lang])):
        best = sorted(by_language[lang], key=lambda row: -row["pagerank"])[:TOP_HOSTS_PER_LANGUAGE]
        for row in best:
            rows.append([lang, f"{len(by_language[lang]):,}", reverse_host(row["host"]), row["pagerank"],
                         row["trustrank"], row["spam_mass"], row["why_selected"]])
    parts.append(f"<h3>Top {TOP_HOSTS_PER_LANGUAGE} selected hosts per language (by PageRank)</h3>" + table(
        ["language", "selected hosts", "host", "pagerank", "trustrank", "spam mass", "why selected"], rows,
        numeric={3, 4, 5}, widths=[9, 10, 31, 12, 12, 10, 16]))
    return "\n".join(parts)


def _threshold(rules, signal: str) -> tuple[float, str] | None:
    """The language's threshold on ``signal`` and on which side documents are kept, from the rules' bounds."""
    if rules is None:
        return None
    if signal == "spam_score":
        limit = rules.thresholds.spam.max_score
        return (limit, "keep ≤") if limit else None
    for rule in RULES:
        for bound in rule.bounds:
            if bound.signal == signal and bound.is_on(rules.thresholds):
                return float(threshold_at(rules.thresholds, bound.path)), "keep ≥" if bound.keep == "above" \
                    else "keep ≤"
    return None


def signals_section(run: Run, stats: dict, rules: dict | None, rules_note: str) -> str:
    """Per language, the key signals of kept and dropped documents with the language's thresholds drawn."""
    columns = ["lang", "alpha_words_ratio", "line_punct_ratio", "dup_line_frac", "perplexity", *SPAM_PARTS]
    kept = run.table(FILTER_KEPT, columns)
    dropped = run.table(FILTER_DROPPED, columns)
    if kept is None or dropped is None:
        return ""
    plt = pyplot()
    import numpy as np

    values: dict[str, dict[str, dict[str, list[float]]]] = defaultdict(
        lambda: {"kept": defaultdict(list), "dropped": defaultdict(list)})
    for outcome, data in (("kept", kept), ("dropped", dropped)):
        for row in data.to_pylist():
            lang = row["lang"]
            into = values[lang][outcome]
            for name in ("alpha_words_ratio", "line_punct_ratio", "dup_line_frac", "perplexity"):
                if row[name] is not None and not math.isnan(row[name]):
                    into[name].append(row[name])
            if rules and lang in rules and all(row[p] is not None for p in SPAM_PARTS):
                into["spam_score"].append(spam_score(row, rules[lang].thresholds.spam))
    cutoffs = (stats.get("details") or {}).get("perplexity_cutoffs", {})
    languages = sorted(values, key=lambda lang: -sum(len(v["alpha_words_ratio"]) for v in values[lang].values()))
    parts = ["<h3>Signals and thresholds per language</h3>",
             f"<p class='note'>Kept (blue) and dropped (orange) documents stacked; red dashed lines are the language's "
             f"thresholds ({esc(rules_note)}); perplexity lines are this run's head/middle/tail cutoffs. A document is "
             f"dropped by the first rule it fails, so a dropped document on the kept side of a line fell to another "
             f"rule. Languages with most documents first"
             + (f", the first {MAX_SIGNAL_LANGUAGES} of {len(languages)}" if len(languages) > MAX_SIGNAL_LANGUAGES
                else "") + ".</p>"]
    for lang in languages[:MAX_SIGNAL_LANGUAGES]:
        figure, axes = plt.subplots(1, len(KEY_SIGNALS), figsize=(15, 2.6))
        lang_rules = (rules or {}).get(lang)
        for axis, (signal, label, log_axis) in zip(axes, KEY_SIGNALS, strict=True):
            data = [values[lang]["kept"].get(signal, []), values[lang]["dropped"].get(signal, [])]
            every = [v for series in data for v in series]
            axis.set_title(f"{lang}: {signal}", fontsize=10)
            axis.set_xlabel(label, fontsize=8)
            axis.set_ylabel("documents", fontsize=8)
            axis.tick_params(labelsize=7)
            if not every:
                axis.text(0.5, 0.5, "no values (not scored)", ha="center", va="center", transform=axis.transAxes,
                          fontsize=8, color="#5a6572")
                continue
            if log_axis:
                positive = [max(v, LOG_BIN_FLOOR) for v in every]
                bins = np.logspace(math.log10(min(positive)), math.log10(max(positive)) + 1e-9, HISTOGRAM_BINS)
                axis.set_xscale("log")
                data = [[max(v, LOG_BIN_FLOOR) for v in series] for series in data]
            else:
                low, high = min(every), max(every)
                bins = np.linspace(low, high if high > low else low + 1, HISTOGRAM_BINS)
            axis.hist(data, bins=bins, stacked=True, color=[KEPT_COLOUR, DROPPED_COLOUR], label=["kept", "dropped"])
            lines = (list(zip(cutoffs.get(lang, []), PERPLEXITY_CUTOFF_LABELS, strict=False))
                     if signal == "perplexity" else [tuple(_threshold(lang_rules, signal) or ())])
            for number_, line in enumerate(line for line in lines if line):
                axis.axvline(line[0], color=THRESHOLD_COLOUR, linestyle="--", linewidth=1.2)
                # Labels step down so that two close cutoffs stay legible.
                axis.text(line[0], axis.get_ylim()[1] * (0.92 - 0.14 * number_), f" {line[1]} {line[0]:.3g}",
                          color=THRESHOLD_COLOUR, fontsize=7, va="top")
        axes[0].legend(fontsize=7)
        parts.append(f"<h4>{esc(lang)}</h4>" + figure_png(figure))
    return "\n".join(parts)


def filter_findings(stats: dict) -> str:
    """Personal data, contamination and spam families, as the filter stage counted them in its stats.json."""
    details = stats.get("details") or {}
    parts = []
    pii = details.get("pii") or {}
    actions = pii.get("action", {})
    if pii.get("by_language"):
        types = list(actions)
        rows = [[lang, row.get("documents", 0), *(row.get(name, 0) for name in types)]
                for lang, row in sorted(pii["by_language"].items())]
        parts.append("<h3>Personal data found</h3><p class='note'>Values found per type (documents holding any), kept "
                     "and dropped documents alike; the action per type: "
                     + esc(", ".join(f"{name} {action}" for name, action in actions.items())) + ".</p>"
                     + table(["language", "documents", *types], rows, numeric=set(range(1, len(types) + 2))))
    else:
        parts.append("<h3>Personal data found</h3><p>none recorded.</p>")
    decontamination = details.get("decontamination") or {}
    found = decontamination.get("by_benchmark") or {}
    rows = [[name, lang, count] for name in sorted(found) for lang, count in sorted(found[name].items())]
    parts.append("<h3>Contamination</h3><p class='note'>Evaluation sets: "
                 + esc(", ".join(decontamination.get("sets", [])) or "none configured")
                 + f"; action: {esc(decontamination.get('action', '-'))}.</p>"
                 + (table(["benchmark", "language", "documents"], rows, numeric={2}) if rows
                    else "<p>no contaminated document found.</p>"))
    spam = details.get("spam_by_family") or {}
    parts.append("<h3>Spam drops by strongest family</h3>"
                 + (table(["family", "documents"], sorted(([k, v] for k, v in spam.items()), key=lambda r: -r[1]),
                          numeric={1}) if spam else "<p>no document dropped as spam.</p>"))
    return "\n".join(parts)


def document_html(document: dict) -> str:
    signals = ", ".join(f"{name} = {number(value)}" for name, value in document["signals"].items()) or "-"
    lines = "\n".join(document["lines"])
    return (f"<div class='doc'><div class='title'>{esc(document['title'] or '(no title)')}</div>"
            f"<div class='url' title='{esc(document['url'])}'>{esc(middle_truncate(document['url']))}</div>"
            f"<div><span class='detail'>{esc(document.get('detail') or '-')}</span></div>"
            f"<div class='note'>deciding signals: {esc(signals)}</div><pre dir='auto'>{esc(lines)}</pre></div>")


def examples_section(run: Run, stage: str, counts: dict[str, int]) -> str:
    """Every drop reason and language with a few of its documents (title, URL, detail, signals, first lines)."""
    examples = examples_by_reason(run.out, stage, EXAMPLES_PER_GROUP, s3=run.s3)
    if not examples:
        return ""
    parts = [f"<h3>Example documents per drop reason and language ({stage})</h3>",
             f"<p class='note'>Up to {EXAMPLES_PER_GROUP} documents per reason and language, picked at random "
             f"(seed 0); more with <code>corpusforge docs sample OUT --stage {esc(stage)} --reason R --lang L</code>."
             "</p>"]
    for reason in sorted(examples, key=lambda r: (-counts.get(r, 0), r)):
        body = []
        for lang, documents in sorted(examples[reason].items()):
            body.append(f"<h4>{esc(reason)} · {esc(lang)}</h4>" + "".join(document_html(d) for d in documents))
        parts.append(f"<details id='examples-{esc(stage)}-{esc(reason)}' open><summary>{esc(reason)} — "
                     f"{number(counts.get(reason, 0))} documents</summary>{''.join(body)}</details>")
    return "\n".join(parts)


def dedup_body(run: Run) -> str:
    sizes = run.table(DEDUP_DOCS, ["dup_cluster_size"])
    if sizes is None:
        return ""
    clusters = Counter(sizes.column("dup_cluster_size").to_pylist())
    if not clusters:
        return "<p>no document reached dedup.</p>"
    plt = pyplot()
    figure, axis = plt.subplots(figsize=(11, 3))
    ordered = sorted(clusters)
    axis.bar([str(size) for size in ordered], [clusters[size] for size in ordered], color=KEPT_COLOUR)
    axis.set_yscale("log")
    axis.set_xlabel("cluster size (documents: the survivor and its exact and near copies)")
    axis.set_ylabel("clusters (log scale)")
    axis.set_title("duplicate cluster sizes")
    rows = [[size, clusters[size], size * clusters[size]] for size in ordered]
    return (figure_png(figure) + table(["cluster size", "clusters", "documents"], rows, numeric={0, 1, 2},
                                       widths=[30, 35, 35]))


def mix_body(run: Run) -> str:
    plan = run.artifact(MIX_PLAN)
    if plan is None:
        return "<p class='status-notrun'>no mixture plan published.</p>"
    languages = plan.get("languages") or []
    notes = "".join(f"<p class='note'>{esc(note)}</p>" for note in plan.get("notes") or [])
    head = (f"<p>policy <b>{esc(plan.get('policy'))}</b>, {number(plan.get('available_tokens'))} tokens available → "
            f"{number(plan.get('planned_tokens'))} planned (budget {number(plan.get('budget_tokens'))}, at most "
            f"{number(plan.get('max_epochs'))} epochs).</p>" + notes)
    if not languages:
        return head
    plt = pyplot()
    import numpy as np

    figure, axis = plt.subplots(figsize=(11, 3.2))
    names = [entry["lang"] for entry in languages]
    positions = np.arange(len(names))
    axis.bar(positions - 0.2, [entry["share_before"] * 100 for entry in languages], 0.4, label="before (available)",
             color="#c9d3de")
    axis.bar(positions + 0.2, [entry["share_after"] * 100 for entry in languages], 0.4, label="after (planned)",
             color=KEPT_COLOUR)
    axis.set_xticks(positions, names)
    axis.set_xlabel("language")
    axis.set_ylabel("share of tokens (%)")
    axis.set_title("mixture before → after")
    axis.legend()
    rows = [[e["lang"], e["available_tokens"], e["target_tokens"], f"{e['share_before']:.2%}",
             f"{e['share_after']:.2%}", e["expected_epochs"], e.get("capped_by") or "-"] for e in languages]
    return head + figure_png(figure) + table(
        ["language", "available tokens", "target tokens", "share before", "share after", "epochs", "capped by"],
        rows, numeric={1, 2, 3, 4, 5})


def tokenize_body(run: Run) -> str:
    manifest = run.artifact(TOKENIZE_MANIFEST)
    if manifest is None:
        return "<p class='status-notrun'>no manifest published.</p>"
    totals = manifest.get("totals", {})
    tokenizer = manifest.get("tokenizer", {})
    head = (f"<p>{number(totals.get('documents'))} documents, {number(totals.get('tokens'))} tokens in "
            f"{number(totals.get('shards'))} shards ({number(totals.get('bytes'))} bytes, "
            f"{esc(manifest.get('dtype'))}); "
            f"tokenizer {esc(tokenizer.get('name'))} ({esc(tokenizer.get('kind'))}, vocabulary "
            f"{number(tokenizer.get('vocab_size'))}).</p>")
    languages = manifest.get("languages", {})
    planned = manifest.get("mix_plan", {})
    rows = [[lang, row["shards"], row["documents"], row["tokens"], f"{row['share']:.2%}",
             f"{planned[lang]['share_after']:.2%}" if lang in planned else "-"]
            for lang, row in sorted(languages.items(), key=lambda item: -item[1]["tokens"])]
    shards = manifest.get("shards", [])
    body = table(["language", "shards", "documents", "tokens", "share", "planned share"], rows,
                 numeric={1, 2, 3, 4, 5}) if rows else "<p>no shard written.</p>"
    if shards:
        plt = pyplot()
        figure, axis = plt.subplots(figsize=(11, 3))
        axis.bar(range(len(shards)), [shard["tokens"] for shard in shards], color=KEPT_COLOUR)
        axis.set_xlabel("shard (in manifest order, grouped by language)")
        axis.set_ylabel("tokens")
        axis.set_title("tokens per shard")
        body += figure_png(figure)
    return head + body


def language_rules_for(config, languages: list[str]) -> tuple[dict | None, str]:
    """The thresholds to draw: the languages' rules under ``config`` (the run's config is not stored with its
    output, so the caller names it), or None with the reason."""
    if config is None:
        return None, "no config given: thresholds not drawn"
    from filters.rules import language_rules
    from pipeline.core.config import ConfigError

    try:
        return language_rules(config, languages), f"from {config.stages.filter.languages_dir}"
    except (ConfigError, OSError) as exc:
        return None, f"thresholds not drawn: {exc}"


def build_report(out: str, config=None, s3: S3Config | None = None) -> str:
    """The report of the run at ``out`` as one HTML string (see the module docstring)."""
    run = Run(out, s3 or S3Config())
    stats = {name: run.stats(name) for name in STAGE_NAMES}
    sections = [funnel_section(run, stats)]
    for name in STAGE_NAMES:
        entry = stats[name]
        body = ""
        if entry is not None:
            if name == "rank":
                body = authority_section(run)
            elif name == "select":
                body = "<p class='note'>Selected and rejected hosts are drawn in the rank section above.</p>"
            elif name == "filter":
                languages = sorted((entry.get("details") or {}).get("by_language", {}))
                rules, note = language_rules_for(config, languages)
                body = (signals_section(run, entry, rules, note) + filter_findings(entry)
                        + examples_section(run, "filter", entry.get("dropped") or {}))
            elif name == "dedup":
                body = dedup_body(run) + examples_section(run, "dedup", entry.get("dropped") or {})
            elif name == "mix":
                body = mix_body(run)
            elif name == "tokenize":
                body = tokenize_body(run)
        sections.append(stage_section(name, entry, body))
    nav = "".join(f"<a href='#stage-{esc(name)}'>{esc(name)}"
                  f"{'' if stats[name] is not None else ' (not run)'}</a>" for name in STAGE_NAMES)
    ran = sum(entry is not None for entry in stats.values())
    generated = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>corpusforge run report: {esc(out)}</title><style>{CSS}</style></head><body>"
            f"<h1>corpusforge run report</h1><p class='meta'>{esc(out)} · {ran} of {len(STAGE_NAMES)} stages ran · "
            f"written {esc(generated)} by corpusforge {esc(__version__)}</p>"
            f"<nav><a href='#funnel'>funnel</a>{nav}</nav>{''.join(sections)}</body></html>")


def write_report(out: str, target: str | None = None, config=None, s3: S3Config | None = None) -> str:
    """Write the report (default ``<out>/report.html``; an s3:// run root needs a local ``target``); its path."""
    from pathlib import Path

    from pipeline.core.storage import is_s3

    if target is None:
        if is_s3(out):
            raise ValueError(f"{out} is on S3: give a local file with --out to write the report to")
        target = f"{out.rstrip('/')}/{REPORT_FILE}"
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(build_report(out, config, s3), encoding="utf-8")
    return str(path)
