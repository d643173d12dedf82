"""A later release of the sample web: what a crawler finds when it comes back.

Release 1 is the web as ``WebBuilder`` builds it. Release R > 1 starts from the same web (same seed) and
recrawls it as Common Crawl's next release would: some hosts are gone, most pages come back unchanged, some
come back edited (a sentence or a number changed: a near-duplicate of the earlier capture), some are not
fetched again, and sites have published new pages. The truth file of the release says which page is which, so
cross-release deduplication can be scored against it.
"""

from __future__ import annotations

import random
from dataclasses import replace

from pipeline.sample import text as prose
from pipeline.sample.web import Host, Page, WebBuilder

# Of the ordinary sites (never a hub: the trust seeds are hubs, and a release without them ranks nothing), this
# share is gone in the later release: not crawled at all, only still linked to.
VANISHED_HOST_SHARE = 0.1
# Of the pages of the remaining sites: fetched again unchanged, fetched again edited; the rest is not refetched.
UNCHANGED_SHARE = 0.5
EDITED_SHARE = 0.2
# New articles per hub or ordinary site since the earlier release (uniform in this range).
NEW_PAGES_PER_SITE = (0, 2)


def release_crawl(base: str, release: int) -> str:
    """The crawl id of a release of the sample: the base id for the first, ``<base>-<R>`` after it."""
    return base if release == 1 else f"{base}-{release}"


def recrawl(builder: WebBuilder, release: int) -> tuple[list[Page], dict[str, str], list[str]]:
    """The pages release ``release`` captures, what happened to each since release 1 (url → unchanged | edited |
    new) and the hosts that vanished. Deterministic in the builder's seed and the release number."""
    rng = random.Random(builder.seed * 1_000_003 + release)
    vanished = {host.name for host in builder.hosts if host.kind == "ordinary" and rng.random() < VANISHED_HOST_SHARE}
    pages: list[Page] = []
    fate: dict[str, str] = {}
    for host in builder.hosts:
        if host.name in vanished:
            continue
        for page in host.pages:
            roll = rng.random()
            if roll < UNCHANGED_SHARE:
                pages.append(page)
                fate[page.url] = "unchanged"
            elif roll < UNCHANGED_SHARE + EDITED_SHARE:
                edited = _edited(page, rng)
                pages.append(edited)
                fate[page.url] = "edited" if edited is not page else "unchanged"
        if host.kind in ("hub", "ordinary"):
            for _ in range(rng.randint(*NEW_PAGES_PER_SITE)):
                page = _new_page(builder, host, rng)
                pages.append(page)
                fate[page.url] = "new"
    return pages, fate, sorted(vanished)


def _edited(page: Page, rng: random.Random) -> Page:
    """The page as fetched again after an edit; pages without prose (non-HTML, errors) come back as they were."""
    if page.content_type != "text/html" or page.status != 200 or page.document is None or page.lang is None:
        return page
    return replace(page, document=prose.near_duplicate(page.document, page.lang, rng), dup_cluster=None,
                   dup_role=None)


def _new_page(builder: WebBuilder, host: Host, rng: random.Random) -> Page:
    url = builder._page_url(host, 1)  # an article URL (index 0 is the home page)
    while any(existing.url == url for existing in host.pages):
        url = builder._page_url(host, 1)
    page = Page(url=url, host=host, lang=host.lang, quality="good", charset=host.charset, label=host.charset,
                declared="both")
    page.document = prose.good_document(host.lang, rng, script=host.script)
    return page
