"""Stage ``commit``: add the finished release to the corpus state, so later releases build on it.

In a corpus (``corpus.root``) a release's ``dedup`` stage publishes its share of the exact-hash, band and cluster
indexes and its ``hostgraph`` stage its graph; this stage makes them part of the corpus by writing the next state
version (``pipeline.core.corpus.commit``: a new immutable file, renamed into place, so a run killed here leaves the
previous version current). It runs last, after ``tokenize``: a release joins the corpus when its shards exist.
Running it again with the same outputs writes nothing. Outside a corpus there is nothing to commit; the stage
records that and succeeds.
"""

from __future__ import annotations

import json

from pipeline.core import corpus
from pipeline.core.stage import Stage, StageContext, StageDetails, Stats, read_success
from pipeline.lib.datasets import COMMIT_STATE

# The stages whose published outputs make up the corpus state (their digests are recorded in each version).
STATE_STAGES = ("hostgraph", "dedup")


class CommitDetails(StageDetails):
    corpus_root: str | None = None
    version: int | None = None  # the state version holding this release
    written: bool | None = None  # False: the state already held exactly these outputs
    releases: list[str] = []  # the releases of that version, oldest first


class CommitStage(Stage):
    name = "commit"
    description = "Adds the release to the corpus state (corpus.root): what later releases deduplicate against."
    requires = ("hostgraph", "dedup", "tokenize")
    writes = (COMMIT_STATE,)
    Details = CommitDetails
    config_sections = ("corpus.root",)
    filtering = False

    @staticmethod
    def _digests(config, fs) -> dict[str, str]:
        return {stage: read_success(fs, config.output, stage) or "" for stage in STATE_STAGES}

    def state_digest(self, config, fs) -> str:
        """Reruns while the current state does not end with this release's outputs (a new corpus, a state
        restored from a backup); skipped once it does."""
        if config.corpus.root is None:
            return ""
        state = corpus.current(fs, config.corpus.root)
        held = bool(state.releases) and state.releases[-1].crawl == config.crawl and \
            state.releases[-1].digests == self._digests(config, fs)
        return "held" if held else f"pending:{state.number}"

    def run(self, ctx: StageContext, stats: Stats) -> None:
        config = ctx.config
        record: dict = {"corpus_root": config.corpus.root, "crawl": config.crawl}
        if config.corpus.root is not None:
            version, written = corpus.commit(ctx.fs, config.corpus.root, config.crawl, self._digests(config, ctx.fs))
            stats.details.update(corpus_root=config.corpus.root, version=version.number, written=written,
                                 releases=version.crawls)
            record.update(version=version.number, written=written, releases=version.crawls)
        ctx.fs.write_text(ctx.artifact_path(COMMIT_STATE), json.dumps(record, indent=2, sort_keys=True))
