"""Host names as the host graph uses them: normalized, validated, reversed, with their registered domain.

Normalization follows Common Crawl's host graphs (cc-pyspark): lower case, no userinfo, port or trailing dot,
IDNA to punycode, and only names that can be public DNS host names (no IP addresses, no single labels, valid
labels, at most 253 characters). Names are stored reversed (``com.example.www``) so that hosts of one domain
sort together. The registered domain comes from the public suffix list snapshot packaged with
``publicsuffixlist``: no network at run time, and multi-part suffixes (``co.uk``, ``com.cn``, ``gov.cn``,
``github.io``) are handled.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import idna

MAX_HOST_LENGTH = 253
HOST_LABEL = re.compile(r"^[a-z0-9]([a-z0-9_-]{0,61}[a-z0-9])?$")

# Reasons a link target has no usable host (counted by the hostgraph stage).
NO_HOST = "no_host"
IP_ADDRESS = "ip_address"
SINGLE_LABEL = "single_label"
INVALID_LABEL = "invalid_label"
TOO_LONG = "too_long"
BAD_URL = "bad_url"


@lru_cache(maxsize=1)
def _suffix_list():
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


def _split_netloc(netloc: str) -> str:
    """The host part of ``user:pass@host:port`` (IPv6 literals keep their brackets)."""
    host = netloc.rsplit("@", 1)[-1]
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    if ":" in host:
        host = host.rsplit(":", 1)[0]
    return host


@lru_cache(maxsize=1 << 16)
def normalize_host(raw: str, strip_www: bool = False) -> tuple[str | None, str | None]:
    """``(host, None)`` for a usable host name, else ``(None, reason)``."""
    host = _split_netloc(raw.strip()).lower().rstrip(".")
    if not host:
        return None, NO_HOST
    if host.startswith("["):
        return None, IP_ADDRESS
    try:
        ipaddress.ip_address(host)
        return None, IP_ADDRESS
    except ValueError:
        pass
    if not host.isascii():
        try:
            host = idna.encode(host, uts46=True).decode("ascii")
        except (idna.IDNAError, UnicodeError, ValueError):
            return None, INVALID_LABEL
    if len(host) > MAX_HOST_LENGTH:
        return None, TOO_LONG
    labels = host.split(".")
    if len(labels) < 2:
        return None, SINGLE_LABEL
    if all(label.isdigit() for label in labels):
        return None, IP_ADDRESS  # dotted numbers that are not a valid IPv4 literal are not names either
    if not all(HOST_LABEL.match(label) for label in labels):
        return None, INVALID_LABEL
    if strip_www and labels[0] == "www" and len(labels) > 2:
        host = ".".join(labels[1:])
    return host, None


def url_host(url: str, base: str | None = None, strip_www: bool = False) -> tuple[str | None, str | None]:
    """Normalized host of ``url`` resolved against ``base`` (page URL or ``<base href>``)."""
    try:
        absolute = urljoin(base, url.strip()) if base else url.strip()
        parts = urlsplit(absolute)
    except ValueError:
        return None, BAD_URL
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None, BAD_URL
    return normalize_host(parts.netloc, strip_www)


def reverse_host(host: str) -> str:
    """``www.example.com`` → ``com.example.www``."""
    return ".".join(reversed(host.split(".")))


@lru_cache(maxsize=1 << 16)
def registered_domain(host: str) -> str:
    """The registrable domain (``news.bbc.co.uk`` → ``bbc.co.uk``); a host that is itself a public suffix
    (``github.io``) is its own domain."""
    return _suffix_list().privatesuffix(host) or host
