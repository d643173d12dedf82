"""Host normalization, table-driven: what Common Crawl's host graphs accept, and how they spell it."""

import pytest

from pipeline.lib.hosts import (
    BAD_URL,
    INVALID_LABEL,
    IP_ADDRESS,
    NO_HOST,
    SINGLE_LABEL,
    TOO_LONG,
    normalize_host,
    registered_domain,
    reverse_host,
    url_host,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("www.Example.COM", ("www.example.com", None)),
        ("example.com.", ("example.com", None)),
        ("example.com:8080", ("example.com", None)),
        ("user:secret@example.com:443", ("example.com", None)),
        ("Bücherstube.de", ("xn--bcherstube-9db.de", None)),
        ("библиотека.рф", ("xn--80abaqnbpf2a4b.xn--p1ai", None)),
        ("日本料理.jp", ("xn--qevngt1bb95a.jp", None)),
        ("xn--bcherstube-9db.de", ("xn--bcherstube-9db.de", None)),
        ("my_host.example.org", ("my_host.example.org", None)),
        ("192.168.1.20", (None, IP_ADDRESS)),
        ("192.168.1.20:8080", (None, IP_ADDRESS)),
        ("[::1]", (None, IP_ADDRESS)),
        ("[2001:db8::1]:443", (None, IP_ADDRESS)),
        ("999.1.1.1", (None, IP_ADDRESS)),
        ("localhost", (None, SINGLE_LABEL)),
        ("localhost:8080", (None, SINGLE_LABEL)),
        ("", (None, NO_HOST)),
        (".", (None, NO_HOST)),
        ("bad_host..example.com", (None, INVALID_LABEL)),
        ("-lead.example.com", (None, INVALID_LABEL)),
        ("trail-.example.com", (None, INVALID_LABEL)),
        ("spa ce.example.com", (None, INVALID_LABEL)),
        ("a" * 64 + ".com", (None, INVALID_LABEL)),
        (".".join(["a" * 60] * 5), (None, TOO_LONG)),
    ],
)
def test_normalize_host(raw, expected):
    assert normalize_host(raw) == expected
    if expected[0] and not raw.isascii():  # agree with the standard library's independent IDNA codec
        assert expected[0] == raw.lower().encode("idna").decode()


def test_strip_www_only_when_a_domain_remains():
    assert normalize_host("www.example.com", strip_www=True) == ("example.com", None)
    assert normalize_host("www.com", strip_www=True) == ("www.com", None)


@pytest.mark.parametrize(
    ("url", "base", "host"),
    [
        ("/about", "https://www.example.com/a/b.html", "www.example.com"),
        ("page.html", "https://news.example.com/static/", "news.example.com"),
        ("//cdn.Example.net/x.js", "https://www.example.com/", "cdn.example.net"),
        ("HTTPS://WWW.BBC.CO.UK:443/news", None, "www.bbc.co.uk"),
        ("https://guest@blog.example.org./", None, "blog.example.org"),
    ],
)
def test_url_host_resolves_relative_links(url, base, host):
    assert url_host(url, base) == (host, None)


def test_url_host_rejects_non_web_urls():
    assert url_host("mailto:someone@example.com", "https://x.example.com/") == (None, BAD_URL)
    assert url_host("javascript:void(0)", "https://x.example.com/") == (None, BAD_URL)
    assert url_host("http://[::1", None) == (None, BAD_URL)


@pytest.mark.parametrize(
    ("host", "domain"),
    [
        ("www.example.com", "example.com"),
        ("news.bbc.co.uk", "bbc.co.uk"),
        ("www.people.com.cn", "people.com.cn"),
        ("www.gov.cn", "www.gov.cn"),  # gov.cn is itself a public suffix
        ("alice.github.io", "alice.github.io"),  # github.io is a (private) public suffix
        ("github.io", "github.io"),
        ("a.b.c.example.co.jp", "example.co.jp"),
        ("shop.example.com.tw", "example.com.tw"),
        ("xn--80abaqnbpf2a4b.xn--p1ai", "xn--80abaqnbpf2a4b.xn--p1ai"),
    ],
)
def test_registered_domain_handles_multi_part_suffixes(host, domain):
    assert registered_domain(host) == domain


def test_reverse_host():
    assert reverse_host("www.example.com") == "com.example.www"
    assert reverse_host(reverse_host("a.b.co.uk")) == "a.b.co.uk"
