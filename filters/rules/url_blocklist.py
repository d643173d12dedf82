"""The URL blocklist: a document whose host or URL is on a blocklist (``filters.blocklist``) is dropped first."""

from __future__ import annotations

from filters.rules.base import Family, Rule, Verdict


def _blocked(verdict: Verdict) -> tuple[str, str] | None:
    listed = verdict.signals.get("url_blocklist")
    return ("url_blocklist", str(listed)) if listed else None


FAMILY = Family(
    name="url_blocklist",
    doc="UT1 domain and URL lists (datatrove's copy) plus stages.filter.blocklist.extra_domains",
    rules=(Rule("url_blocklist", 10, "The URL or its host is on a blocklist (the detail names which)", _blocked),),
)
