"""Link extraction from one WAT record: which links are votes, and how relative ones resolve."""

from graph.hostgraph import page_row
from pipeline.core.warc import WarcRecord

SETTINGS = dict(link_paths=frozenset({"A@/href", "AREA@/href"}), skip_rel=("nofollow", "sponsored", "ugc"),
                follow_redirects=True, strip_www=False)


def wat(url: str, status: int = 200, links=(), base: str | None = None, headers=None, warc_type="response"):
    head = {"Title": "T", "Metas": [{"name": "description", "content": "D"}]}
    if base:
        head["Base"] = base
    payload = {"Envelope": {"WARC-Header-Metadata": {"WARC-Type": warc_type, "WARC-Target-URI": url},
                            "Payload-Metadata": {"HTTP-Response-Metadata": {
                                "Response-Message": {"Status": str(status)}, "Headers": headers or {},
                                "HTML-Metadata": {"Head": head, "Links": list(links)}}}}}
    return WarcRecord("metadata", {}, b"", "f.wat.gz", 0, 10, json=payload)


def row(record):
    [result] = list(page_row(record, **SETTINGS))
    return result


def test_votes_resources_rel_and_resolution():
    record = wat("https://www.example.com/a/page.html", base="https://static.example.net/assets/", links=[
        {"path": "A@/href", "url": "other.html"},                       # resolves against <base>: a vote
        {"path": "A@/href", "url": "https://news.example.org/x", "rel": "nofollow noopener"},
        {"path": "A@/href", "url": "https://shop.example.org/", "rel": "Sponsored"},
        {"path": "AREA@/href", "url": "//maps.example.org/m"},
        {"path": "IMG@/src", "url": "https://img.example.org/a.png"},
        {"path": "A@/href", "url": "https://www.example.com/self"},
        {"path": "A@/href", "url": "mailto:me@example.com"},
        {"path": "A@/href", "url": "http://10.0.0.1/"},
        {"path": "A@/href", "url": "https://MAPS.example.org:443/again"},
    ])
    url, host, status, title, description, targets, counts, *drop = row(record)
    assert (url, host, status, title, description) == ("https://www.example.com/a/page.html", "com.example.www",
                                                       200, "T", "D")
    assert targets == ["net.example.static", "org.example.maps"]
    assert counts == {"hyperlink": 3, "rel_nofollow": 1, "rel_sponsored": 1, "not_hyperlink": 1, "same_host": 1,
                      "target_bad_url": 1, "target_ip_address": 1}
    assert drop == [None, None, None, None]


def test_redirect_is_an_edge_resolved_against_the_page():
    record = wat("http://old.example.com/", status=301, headers={"location": "https://www.example.com/"})
    assert row(record)[5] == ["com.example.www"]
    assert row(record)[6] == {"redirect": 1}
    relative = wat("http://a.example.com/x", status=302, headers={"Location": "/y"})
    assert row(relative)[5] == [] and row(relative)[6] == {"same_host": 1}


def test_non_response_records_and_bad_sources_are_drops():
    assert row(wat("https://x.example.com/", warc_type="request"))[-4] == "wat_request"
    assert row(wat("http://192.168.0.1/"))[-4] == "source_ip_address"
    no_json = WarcRecord("warcinfo", {}, b"", "f.wat.gz", 0, 10)
    assert row(no_json)[-4] == "warc_type_warcinfo"
