"""The public Python API (pipeline.api): each function gives what the stages give for the same input."""

from __future__ import annotations

import gzip
import random

import numpy as np

from pipeline import api
from pipeline.core.warc import WarcRecord
from pipeline.sample.text import good_document, low_quality_document

ARTICLE = ("<html><head><title>Neues Rathaus</title></head><body><nav>Start | Kontakt</nav><article>"
           + "".join(f"<p>{line}</p>" for line in good_document("de", random.Random(3)).text.split("\n"))
           + "</article><footer>Impressum</footer></body></html>")


def test_extract_page_from_bytes_and_headers():
    page = api.extract_page(ARTICLE.encode(), url="https://www.rathaus.example/neu",
                            headers={"content-type": "text/html; charset=utf-8"})
    assert page.outcome == "kept" and page.reason is None
    assert page.lang == "de" and page.lang_score > 0.9 and page.title == "Neues Rathaus"
    assert good_document("de", random.Random(3)).text.split("\n")[0] in page.text
    assert "Impressum" not in page.text and page.charset == "utf-8"


def test_extract_page_undoes_content_encoding_and_names_a_drop():
    compressed = api.extract_page(gzip.compress(ARTICLE.encode()), headers={
        "content-type": "text/html", "content-encoding": "gzip"})
    assert compressed.outcome == "kept" and compressed.row["content_encoding"] == "gzip"
    missing = api.extract_page(b"", status=404)
    assert (missing.outcome, missing.reason) == ("dropped", "http_status_404")
    pdf = api.extract_page(b"%PDF-1.7", headers={"content-type": "application/pdf"})
    assert pdf.reason == "not_html" and "application/pdf" in pdf.detail


def test_extract_page_takes_a_warc_record():
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + ARTICLE.encode()
    record = WarcRecord("response", {"warc-target-uri": "https://www.rathaus.example/"}, block, "f.warc.gz", 0, 1)
    assert api.extract_page(record).lang == "de"


def test_quality_gives_the_signals_and_the_rule_that_drops():
    good = api.quality(good_document("en", random.Random(1)).text, "en")
    assert good.kept and good.reason is None and good.signals["doc_words"] > 50
    spam = api.quality(low_quality_document("en", random.Random(1), "keyword_stuffing").text, "en")
    assert not spam.kept and spam.reason and spam.detail.split()[0] in spam.signals
    short = api.quality("Rain fell over the northern valley during the night.\n"
                        "Farmers expect a better harvest after weeks of drought.", "en")
    # Gopher's repetition rules come before its length rule: in 18 words, any 4-gram is 17% of the characters.
    top = short.signals["top_4_gram_frac"]
    assert short.reason == "top_4_gram" and short.detail == f"top_4_gram_frac {top:.4g} > 0.16"
    assert short.signals["doc_words"] == 18.0
    assert api.quality("Too short.", "en").reason == "empty"  # C4 line cleaning (on for English) leaves nothing
    chinese = api.quality(good_document("zh", random.Random(2)).text, "zh")
    assert chinese.kept, chinese.detail  # Chinese rules, not English ones


def test_hosts():
    assert api.normalize_host("https://WWW.Example.co.uk:443/path?q=1") == "www.example.co.uk"
    assert api.normalize_host("Bücher.example.de.") == "xn--bcher-kva.example.de"
    assert api.normalize_host("https://192.168.1.1/") is None and api.normalize_host("localhost") is None
    assert api.normalize_host("www.example.com", strip_www=True) == "example.com"
    assert api.registered_domain("news.bbc.co.uk") == "bbc.co.uk"
    assert api.registered_domain("user.github.io") == "user.github.io"


def test_minhash_signature_matches_near_copies_not_other_pages():
    text = good_document("en", random.Random(5)).text
    edited = text.replace(".", "!", 3)
    other = good_document("en", random.Random(6)).text
    first, second, third = (api.minhash_signature(t) for t in (text, edited, other))
    assert first.dtype == np.uint32 and len(first) == 120
    assert api.minhash_similarity(first, second) > 0.7 > api.minhash_similarity(first, third)
    chinese = good_document("zh", random.Random(5)).text
    assert api.minhash_similarity(api.minhash_signature(chinese, "zh"), api.minhash_signature(chinese, "zh")) == 1.0


def test_read_archive_reads_every_layout(tmp_path):
    from tests.test_real_archives import FIXTURES

    records = list(api.read_archive(FIXTURES / "warcio" / "example.arc"))
    assert [r.warc_type for r in records] == ["warcinfo", "response"]
    assert api.extract_page(records[1]).reason in (None, "empty_extraction", "language_not_kept",
                                                   "low_language_score")
