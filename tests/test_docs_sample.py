"""`corpusforge docs sample` and `filter retune --preview`: reading the documents behind a rule's counts."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from filters.filter import retune_preview
from pipeline.cli import app
from pipeline.documents import DocsError, middle_truncate, named_signals, parse_where
from pipeline.lib.datasets import FILTER_DROPPED, FILTER_KEPT
from pipeline.lib.hosts import reverse_host
from tests.conftest import RULES_ONLY, make_config

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _invoke(*args: str):
    return runner.invoke(app, list(args), terminal_width=160)


@pytest.fixture(scope="module")
def filtered_out(through_dedup):
    out, _ = through_dedup
    dropped = pq.read_table(FILTER_DROPPED.path(str(out))).to_pylist()
    kept = pq.read_table(FILTER_KEPT.path(str(out)), columns=["id", "host", "lang", "alpha_words_ratio",
                                                              "doc_words"]).to_pylist()
    return str(out), kept, dropped


def test_dropped_documents_of_a_reason_and_language_with_their_deciding_signal(filtered_out):
    out, _, dropped = filtered_out
    reason, lang = Counter((row["drop_reason"], row["lang"]) for row in dropped
                           if row["drop_reason"] not in ("spam_keywords", "contaminated")).most_common(1)[0][0]
    result = _invoke("docs", "sample", out, "--reason", reason, "--lang", lang, "-n", "3", "--json")
    assert result.exit_code == 0, result.output
    sample = json.loads(result.output)
    expected = {row["id"]: row for row in dropped if row["drop_reason"] == reason and row["lang"] == lang}
    assert sample["matched"] == len(expected)
    assert 0 < len(sample["documents"]) == min(3, len(expected))
    for document in sample["documents"]:
        row = expected[document["id"]]
        assert (document["reason"], document["lang"], document["url"]) == (reason, lang, row["url"])
        assert document["detail"] == row["drop_detail"]
        signal = row["drop_detail"].split()[0]  # a threshold rule's detail names its signal first
        if signal in row:
            assert document["signals"][signal] == row[signal]
        assert document["lines"] and document["lines"][0].removesuffix("…") in row["text"]
    # The terminal view shows the same documents: title, detail and the text's first line.
    shown = _invoke("docs", "sample", out, "--reason", reason, "--lang", lang, "-n", "3")
    assert shown.exit_code == 0, shown.output
    first = sample["documents"][0]
    assert first["detail"] in shown.output and first["lines"][0][:40] in shown.output
    # The same seed picks the same documents; another seed may not.
    again = json.loads(_invoke("docs", "sample", out, "--reason", reason, "--lang", lang, "-n", "3",
                               "--json").output)
    assert [d["id"] for d in again["documents"]] == [d["id"] for d in sample["documents"]]


def test_kept_documents_where_signals_hold_and_of_one_host(filtered_out):
    out, kept, _ = filtered_out
    result = _invoke("docs", "sample", out, "--kept", "--where", "alpha_words_ratio < 0.95",
                     "--where", "doc_words>=60", "-n", "500", "--json")
    assert result.exit_code == 0, result.output
    sample = json.loads(result.output)
    matching = {row["id"] for row in kept if row["alpha_words_ratio"] < 0.95 and row["doc_words"] >= 60}
    assert matching and sample["matched"] == len(matching) == len(sample["documents"])
    for document in sample["documents"]:
        assert document["reason"] is None and document["id"] in matching
        assert document["signals"]["alpha_words_ratio"] < 0.95 and document["signals"]["doc_words"] >= 60
    host = Counter(row["host"] for row in kept).most_common(1)[0][0]
    by_host = json.loads(_invoke("docs", "sample", out, "--kept", "--host", reverse_host(host), "-n", "1000",
                                 "--json").output)
    assert by_host["matched"] == sum(row["host"] == host for row in kept)
    assert {d["host"] for d in by_host["documents"]} == {reverse_host(host)}


def test_dedup_copies_are_shown_with_the_text_dedup_read(through_dedup):
    out, outcomes = through_dedup
    if not outcomes["dedup"].stats.dropped:
        pytest.skip("no duplicate in the sample run")
    result = _invoke("docs", "sample", str(out), "--stage", "dedup", "-n", "2", "--json")
    assert result.exit_code == 0, result.output
    documents = json.loads(result.output)["documents"]
    assert documents and all(d["reason"] in ("exact_duplicate", "near_duplicate", "boilerplate_only")
                             for d in documents)
    assert all(d["lines"] for d in documents)


@pytest.mark.parametrize("condition", [
    "alpha_words_ratio < 0.7; import os", "__import__('os').system('true') < 1", "alpha_words_ratio < x",
    "alpha_words_ratio ~ 0.7", "alpha_words_ratio < 0.7 or 1", "no_such_signal > 1", "text == 1", "",
])
def test_anything_but_signal_op_number_is_refused(filtered_out, condition):
    out, _, _ = filtered_out
    result = _invoke("docs", "sample", out, "--where", condition)
    assert result.exit_code == 2, (condition, result.output)
    assert "--where" in result.output


def test_bad_requests_exit_2_with_the_reason(filtered_out, tmp_path):
    out, _, _ = filtered_out
    for args, message in (
        (["--stage", "extract"], "--kept"),
        (["--stage", "mix"], "documents are kept for"),
        (["--kept", "--reason", "empty"], "cannot go with --kept"),
        (["--host", "not a host!"], "not a host name"),
        (["-n", "0"], "at least 1"),
    ):
        result = _invoke("docs", "sample", out, *args)
        assert result.exit_code == 2 and message in result.output, (args, result.output)
    missing = _invoke("docs", "sample", str(tmp_path))
    assert missing.exit_code == 2 and "run `corpusforge run --stages filter`" in missing.output


def test_where_parsing_and_named_signals():
    where = parse_where(" line_punct_ratio>=1e-2 ")
    assert (where.signal, where.op, where.value) == ("line_punct_ratio", ">=", 0.01)
    with pytest.raises(DocsError):
        parse_where("line_punct_ratio >= 0.1 and 1")
    columns = set(FILTER_DROPPED.column_names)
    assert named_signals("alpha_words_ratio 0.61 < 0.8", columns) == ["alpha_words_ratio"]
    assert named_signals("spam_score 0.05 > 0.03 (gambling: keyword_frac 0.04, url_hits 1)", columns) == [
        "spam_keyword_frac", "spam_url_hits"]
    url = "https://www.example.com/" + "a/" * 60 + "page.html"
    short = middle_truncate(url, 50)
    assert len(short) == 50 and short.startswith("https://www.example.com/") and short.endswith("page.html")


def test_retune_preview_lists_newly_dropped_and_newly_kept_documents(spark, sample_dir, filtered_out):
    out, kept, dropped = filtered_out
    # Stricter for Chinese, looser for English's punctuation rule: documents move both ways.
    strict = make_config(sample_dir, Path(out), *RULES_ONLY,
                         "stages.filter.language_overrides.zh.thresholds.cjk.min_sentences=10000",
                         "stages.filter.language_overrides.en.thresholds.fineweb.line_punct_thr=null")
    preview = retune_preview(strict, spark, per_change=2)
    changed = preview["changed"]
    newly_dropped = [d for d in changed if d["before"] is None]
    assert newly_dropped and {d["lang"] for d in newly_dropped} == {"zh"}
    assert all(d["after"] == "cjk_few_sentences" and d["after_detail"].startswith("cjk_sentences") for d in
               newly_dropped)
    assert len(newly_dropped) == 2
    en_punct = sum(row["lang"] == "en" and row["drop_reason"] == "line_punct_ratio" for row in dropped)
    newly_kept = [d for d in changed if d["lang"] == "en" and d["before"] == "line_punct_ratio"]
    assert len(newly_kept) == min(2, en_punct)
    counts = {(r["lang"], r["before"], r["after"]): r["count"] for r in preview["counts"]}
    assert counts[("zh", None, "cjk_few_sentences")] == sum(row["lang"] == "zh" for row in kept)
    # The CLI shows them with the deciding signal: the new detail for a drop, the old one for a document restored.
    result = _invoke("filter", "retune", "--config", str(ROOT / "conf/default.yaml"), "--out", out,
                     "--set", f"inputs.base_url={sample_dir}/", *(f"--set={o}" for o in RULES_ONLY),
                     "--set", "stages.filter.language_overrides.zh.thresholds.cjk.min_sentences=10000",
                     "--preview", "-n", "1", "--json")
    assert result.exit_code == 0, result.output
    documents = json.loads(result.output)["changed"]
    assert documents and all(d["lang"] == "zh" and d["after"] == "cjk_few_sentences" for d in documents)
    assert all("cjk_sentences" in d["signals"] and d["url"] and d["lines"] for d in documents)
    table = _invoke("filter", "retune", "--config", str(ROOT / "conf/default.yaml"), "--out", out,
                    "--set", f"inputs.base_url={sample_dir}/", *(f"--set={o}" for o in RULES_ONLY),
                    "--set", "stages.filter.language_overrides.zh.thresholds.cjk.min_sentences=10000", "--preview",
                    "-n", "1")
    assert table.exit_code == 0 and "kept → cjk_few_sentences" in table.output
    assert documents[0]["after_detail"] in table.output
