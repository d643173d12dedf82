"""Stage `extract` on the sample crawl: true text in every charset, no boilerplate, right language."""

import gzip
import html
import json
import re
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.core.decode import decode_html
from pipeline.core.spark import ShippedFile
from pipeline.core.warc import WarcRecord, iter_warc_stream, parse_content_type, parse_http_response
from pipeline.lib import extraction as extract_module
from pipeline.lib.datasets import EXTRACT_DOCS, SELECT_HOSTS
from pipeline.lib.hosts import reverse_host

LID_MODEL = ShippedFile("lid.176.ftz", str(Path(__file__).resolve().parents[1] / "models" / "lid.176.ftz"))


def sample_responses(sample_dir, truth):
    for relative in truth["files"]["warc"]:
        with open(sample_dir / relative, "rb") as handle:
            for record in iter_warc_stream(handle, str(sample_dir / relative), 1 << 26):
                if isinstance(record, WarcRecord) and record.warc_type == "response":
                    yield record


def test_every_legacy_charset_page_decodes_to_its_true_text(sample_dir, truth):
    checked = Counter()
    for record in sample_responses(sample_dir, truth):
        page = truth["pages"].get(record.target_uri)
        if not page or page["content_type"] != "text/html" or page["status"] != 200:
            continue
        http = parse_http_response(record.block)
        text, _, source, _ = decode_html(http.body, parse_content_type(http.header("content-type"))[1])
        assert text is not None, record.target_uri
        body = html.unescape(text)
        assert page["title"] in body
        if page["low_kind"] != "link_list":
            assert all(paragraph in body for paragraph in page["text"].split("\n")), record.target_uri
        checked[(page["charset"], source)] += 1
    for charset in ("gbk", "big5", "shift_jis"):
        assert sum(count for (name, _), count in checked.items() if name == charset) > 0
    assert any(source == "detected" for (name, source) in checked if name != "utf-8")


def test_decode_maps_labels_to_supersets_and_refuses_mojibake():
    text = "这是一个测试，包含GB2312之外的字：镕"
    assert decode_html(text.encode("gb18030"), "gb2312")[0] == text
    assert decode_html("モノ".encode("cp932"), "Shift_JIS")[0] == "モノ"
    assert decode_html(b"\xff\xfe\x00bad", None, candidates=("utf-8",)) == (None, None, "undecodable", 0)
    assert decode_html("mañana".encode("latin-1") * 20, None)[0] == "mañana" * 20


@pytest.fixture(scope="module")
def extracted(through_extract):
    out, outcomes = through_extract
    docs = pq.read_table(EXTRACT_DOCS.path(str(out))).to_pylist()
    selected = {row["host"] for row in pq.read_table(SELECT_HOSTS.path(str(out))).to_pylist()}
    return out, outcomes["extract"].stats, docs, selected


def test_accounting_and_the_cheap_skip(extracted, truth):
    _, stats, docs, selected = extracted
    assert stats.input == stats.output + sum(stats.dropped.values()) and stats.output == len(docs)
    damaged = {d["url"] for d in truth["damaged"] if "/warc/" in d["file"] and d["record"] == "response"}
    not_selected = [url for url, page in truth["pages"].items()
                    if reverse_host(page["host"]) not in selected and url not in damaged]
    assert stats.dropped["not_selected"] == len(not_selected)
    for reason in ("corrupt_gzip", "truncated_gzip", "malformed_header", "http_status_404", "http_status_301",
                   "not_html"):
        assert stats.dropped.get(reason, 0) > 0, reason
    assert all(doc["host"] in selected for doc in docs)


def test_language_and_text(extracted, truth):
    _, stats, docs, _ = extracted
    correct = sum(doc["lang"] == truth["pages"][doc["url"]]["lang"] for doc in docs)
    assert correct / len(docs) >= 0.99
    good = [doc for doc in docs if truth["pages"][doc["url"]]["quality"] == "good"]
    complete = sum(all(p in doc["text"] for p in truth["pages"][doc["url"]]["text"].split("\n")[1:]) for doc in good)
    assert complete / len(good) >= 0.99
    from pipeline.sample.text import LANGUAGES

    assert {doc["lang"] for doc in docs} >= set(LANGUAGES)  # every language of the sample, every script
    zh = [doc for doc in docs if doc["lang"] == "zh"]
    assert all(doc["script"] == ("traditional" if truth["pages"][doc["url"]]["script"] == "traditional"
                                 else "simplified") for doc in zh if truth["pages"][doc["url"]]["quality"] == "good")
    assert stats.details["zh_script"].get("traditional", 0) > 0
    assert all(doc["pagerank"] > 0 and doc["domain"] for doc in docs)


def boilerplate_lines(record_bytes: bytes) -> set[str]:
    http = parse_http_response(record_bytes)
    text, _, _, _ = decode_html(http.body, parse_content_type(http.header("content-type"))[1])
    lines = set()
    for block in re.findall(r"<(?:nav|footer)>(.*?)</(?:nav|footer)>", text, flags=re.S):
        items = re.findall(r"<(?:li|p)>(.*?)</", block)
        lines.update(html.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in items)
    return {line for line in lines if line}


def test_boilerplate_is_not_in_the_text(extracted):
    _, _, docs, _ = extracted
    checked = 0
    for doc in docs[:: max(1, len(docs) // 200)]:
        with open(doc["warc_path"], "rb") as handle:
            handle.seek(doc["offset"])
            record = gzip.decompress(handle.read(doc["length"]))
        block = record.split(b"\r\n\r\n", 1)[1]
        lines = set(doc["text"].split("\n"))
        assert not (boilerplate_lines(block) & lines), doc["url"]
        checked += 1
    assert checked > 100


def test_non_selected_hosts_never_reach_trafilatura(sample_dir, truth, monkeypatch, tmp_path):
    import trafilatura

    allowed_host = next(host for host, info in truth["hosts"].items() if info["kind"] == "hub" and info["lang"] == "de")
    calls = []
    real = trafilatura.bare_extraction

    def spy(html_text, url=None, **kwargs):
        calls.append(url)
        return real(html_text, url=url, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)

    class Allowed:
        value = frozenset({reverse_host(allowed_host)})

    from pipeline.runner import load_config

    settings = load_config("conf/default.yaml").stages.extract
    outcomes = Counter()
    for record in sample_responses(sample_dir, truth):
        for row in extract_module.extract_row(record, allowed=Allowed, settings=settings, model=LID_MODEL, crawl="X"):
            outcomes[row[-4]] += 1
    assert calls and all(url.split("/")[2] == allowed_host for url in calls)
    assert outcomes["not_selected"] > 1000


def test_timeout_and_size_caps_are_named_drops():
    page = b"<html><body>" + b"<div><p>deep text</p>" * 20000 + b"</body></html>"
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    record = WarcRecord("response", {"warc-target-uri": "https://www.example.com/"}, block, "f.warc.gz", 0, 1)

    class Allowed:
        value = frozenset({"com.example.www"})

    from pipeline.runner import load_config

    settings = load_config("conf/default.yaml").stages.extract
    common = dict(allowed=Allowed, model=LID_MODEL, crawl="X")
    capped = settings.model_copy(update={"max_html_bytes": 10_000})
    [row] = extract_module.extract_row(record, settings=capped, **common)
    assert row[-4] == "too_large"
    hurried = settings.model_copy(update={"timeout_seconds": 0.001})
    [row] = extract_module.extract_row(record, settings=hurried, **common)
    assert row[-4] == "timeout"
    assert json.dumps(row[-3])


def page_record(text: str, charset: str = "utf-8") -> WarcRecord:
    body = f"<html><head><title>T</title></head><body><article><p>{text}</p></article></body></html>"
    block = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset={charset}\r\n\r\n".encode() + body.encode(charset)
    return WarcRecord("response", {"warc-target-uri": "https://www.example.com/a"}, block, "f.warc.gz", 0, 1)


def run_row(record, **overrides):
    from pipeline.runner import load_config

    class Allowed:
        value = frozenset({"com.example.www"})

    settings = load_config("conf/default.yaml").stages.extract.model_copy(update=overrides)
    [row] = extract_module.extract_row(record, allowed=Allowed, settings=settings, model=LID_MODEL, crawl="X")
    return row


def test_every_language_is_kept_unless_a_list_says_otherwise():
    italian = ("La cucina italiana è famosa in tutto il mondo per la sua semplicità e per la qualità degli "
               "ingredienti. Ogni regione ha le sue ricette tradizionali, tramandate di generazione in generazione.")
    row = run_row(page_record(italian))
    assert row[-4] is None and row[4] == "it" and row[6].startswith("it:")
    row = run_row(page_record(italian), keep_languages=["en", "zh"])
    assert row[-4] == "language_not_kept" and row[-3] == "it"


def test_the_language_gate_uses_the_language_minimum_or_the_default():
    italian = ("La cucina italiana è famosa in tutto il mondo per la sua semplicità e per la qualità degli "
               "ingredienti. Ogni regione ha le sue ricette tradizionali, tramandate di generazione in generazione.")
    score = float(run_row(page_record(italian))[5])
    assert run_row(page_record(italian), language_min_score={"default": min(1.0, score + 0.01)})[-4] == (
        "low_language_score")
    assert run_row(page_record(italian), language_min_score={"default": 1.0, "it": score})[-4] is None


def test_traditional_chinese_is_labelled_and_converted_only_when_asked():
    text = "我們這個週末去了臺北的夜市，吃了很多傳統的小吃，還買了幾本舊書。這次旅行讓我對這座城市有了新的認識。"
    row = run_row(page_record(text, "big5"))
    assert row[4] == "zh" and row[7] == "traditional" and "們" in row[9]
    converted = run_row(page_record(text, "big5"), convert_to_simplified=True)
    assert converted[7] == "traditional" and "们" in converted[9] and "們" not in converted[9]


def test_no_good_page_of_a_selected_host_is_lost(extracted, truth):
    _, _, docs, selected = extracted
    kept_urls = {doc["url"] for doc in docs}
    damaged = {d["url"] for d in truth["damaged"] if "/warc/" in d["file"] and d["record"] == "response"}
    good = [url for url, page in truth["pages"].items()
            if page["quality"] == "good" and reverse_host(page["host"]) in selected and url not in damaged]
    assert good and not [url for url in good if url not in kept_urls]
