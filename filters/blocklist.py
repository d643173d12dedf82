"""URL blocklist: adult, gambling and malware sites.

The lists are the UT1 blacklist snapshot datatrove ships inside its package (``assets/
url_filterblacklistsv0_3_0.tar.gz``: 4.5 million domains, 20 thousand URLs) and its URL word lists, so nothing
is downloaded. datatrove's URLFilter holds the whole list in every worker and checks each document; here the
hosts are known before any document is read, so the driver streams the list once, keeps only entries naming a
host or registered domain of this run, and every task gets that small set. The URL word rules (a banned word,
two soft-banned words, a banned sub-word) are datatrove's and run per URL.
"""

from __future__ import annotations

import os
import re
import tarfile
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import Field

from pipeline.core.config import Section


class BlocklistConfig(Section):
    datatrove_lists: bool = Field(
        default=True, description="UT1 domain/URL lists and URL word lists shipped in datatrove's package"
    )
    extra_domains: list[str] = Field(default_factory=list, description="More blocked hosts or registered domains")
    soft_word_threshold: int = Field(default=2, ge=1, description="URL words from the soft list that block a URL")


DOMAIN_REASON = "domain"
SUBDOMAIN_REASON = "subdomain"
URL_REASON = "url"
URL_WORDS = re.compile(r"[^a-zA-Z0-9]+")


def _assets() -> str:
    from datatrove.utils._import_utils import ASSETS_PATH

    return ASSETS_PATH


def forward(reversed_host: str) -> str:
    return ".".join(reversed(reversed_host.split(".")))


def _normalized(words: Iterable[str]) -> set[str]:
    return {URL_WORDS.sub("", word).lower() for word in words if word.strip() and not word.startswith("#")}


def _word_list(name: str) -> set[str]:
    with open(os.path.join(_assets(), name), encoding="utf-8") as handle:
        return _normalized(line.strip() for line in handle)


@dataclass(frozen=True)
class UrlBlocklist:
    """What every task needs: the blocked hosts of this run and the URL word lists."""

    hosts: dict[str, str]  # reversed host → reason
    urls: frozenset[str]
    banned_words: frozenset[str]
    soft_words: frozenset[str]
    soft_threshold: int
    banned_subwords: re.Pattern | None

    def reason(self, url: str, host: str) -> str | None:
        if host in self.hosts:
            return self.hosts[host]
        if url in self.urls:
            return URL_REASON
        words = set(URL_WORDS.split(url.lower()))
        if words & self.banned_words:
            return "banned_url_word"
        if len(words & self.soft_words) >= self.soft_threshold:
            return "soft_banned_url_words"
        if self.banned_subwords is not None and self.banned_subwords.search(URL_WORDS.sub("", url.lower())):
            return "banned_url_subword"
        return None


def build_blocklist(hosts: Iterable[tuple[str, str]], settings) -> tuple[UrlBlocklist, dict[str, int]]:
    """The blocklist for these (reversed host, reversed registered domain) pairs, and how many of each list hit."""
    by_domain: dict[str, list[str]] = {}
    by_host: dict[str, str] = {}
    for host, domain in hosts:
        by_host[forward(host)] = host
        by_domain.setdefault(forward(domain), []).append(host)
    blocked: dict[str, str] = {}

    def block(name: str) -> None:
        # A listed registered domain blocks all its hosts; a listed host (a subdomain) blocks itself.
        for host in by_domain.get(name, ()):
            blocked.setdefault(host, DOMAIN_REASON)
        if name in by_host:
            blocked.setdefault(by_host[name], SUBDOMAIN_REASON if name not in by_domain else DOMAIN_REASON)

    for name in settings.extra_domains:
        block(name.strip().lower())
    urls: set[str] = set()
    if settings.datatrove_lists:
        with tarfile.open(os.path.join(_assets(), "url_filterblacklistsv0_3_0.tar.gz"), "r:gz") as archive:
            for member in archive:
                handle = archive.extractfile(member)
                if handle is None:
                    continue
                if member.name.endswith("domains"):
                    for line in handle:
                        block(line.decode("utf-8", "replace").strip())
                elif member.name.endswith("urls"):
                    urls = {line.decode("utf-8", "replace").strip() for line in handle}
    banned = _word_list("banned_words.txt") if settings.datatrove_lists else set()
    soft = _word_list("soft_banned_words.txt") if settings.datatrove_lists else set()
    subwords = sorted(_word_list("banned_subwords.txt")) if settings.datatrove_lists else []
    pattern = re.compile("|".join(map(re.escape, subwords))) if subwords else None
    counts = {"hosts_blocked": len(blocked), "url_list_entries": len(urls)}
    blocklist = UrlBlocklist(blocked, frozenset(urls), frozenset(banned), frozenset(soft),
                             settings.soft_word_threshold, pattern)
    return blocklist, counts
