"""A corpus across releases: the state's versions, and two releases of the sample run in order.

Release 1 is the session's shared run (through_tokenize) placed in a corpus; release 2 is the sample's recrawl
(``corpusforge sample --release 2``: unchanged, edited and new pages, vanished hosts), run from index to commit.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from pyarrow import fs as pafs

from pipeline.core import corpus
from tests.conftest import RULES_ONLY, make_config

RELEASE_1 = "CC-MAIN-SAMPLE"
RELEASE_2 = "CC-MAIN-SAMPLE-2"
# Release 2 reads 2 of its 6 WARC files: enough pages of every kind, a third of the time.
RELEASE_2_FILES = ("inputs.max_files=2",)
RELEASE_2_STAGES = ["index", "hostgraph", "rank", "select", "extract", "filter", "dedup", "mix", "tokenize", "commit"]


def local_files() -> corpus.ArrowFiles:
    return corpus.ArrowFiles(pafs.LocalFileSystem(), lambda path: path)


def table(path: Path, columns=None) -> list[dict]:
    return pq.read_table(path, columns=columns).to_pylist()


# ---- the state, without Spark -------------------------------------------------------------------------------------
def test_versions_extend_and_a_rerun_of_the_latest_release_builds_on_its_parent(tmp_path):
    files, root = local_files(), str(tmp_path)
    assert corpus.current(files, root) == corpus.EMPTY
    first, written = corpus.commit(files, root, "A", {"dedup": "a1"})
    assert (first.number, first.parent, first.crawls, written) == (1, 0, ["A"], True)
    second, _ = corpus.commit(files, root, "B", {"dedup": "b1"})
    assert (second.number, second.parent, second.crawls) == (2, 1, ["A", "B"])
    assert corpus.base_for(files, root, "B") == first  # B runs again against the state before it
    assert corpus.base_for(files, root, "C") == second
    same, written = corpus.commit(files, root, "B", {"dedup": "b1"})
    assert (same.number, written) == (2, False)  # nothing changed: no new version
    again, written = corpus.commit(files, root, "B", {"dedup": "b2"})
    assert (again.number, again.parent, again.crawls, written) == (3, 1, ["A", "B"], True)
    assert corpus.read_version(files, root, 2).releases[-1].digests == {"dedup": "b1"}  # versions are immutable


def test_rerunning_an_earlier_release_is_refused(tmp_path):
    files, root = local_files(), str(tmp_path)
    corpus.commit(files, root, "A", {})
    corpus.commit(files, root, "B", {})
    with pytest.raises(corpus.CorpusError, match="fork the corpus"):
        corpus.base_for(files, root, "A")


def test_a_commit_killed_before_its_rename_leaves_the_previous_version_current(tmp_path):
    files, root = local_files(), str(tmp_path)
    corpus.commit(files, root, "A", {"dedup": "a"})

    class Killed(BaseException):
        pass

    class DiesOnRename(corpus.ArrowFiles):
        def rename(self, source, target):
            raise Killed  # the process is gone between writing the new version and publishing it

    dying = DiesOnRename(pafs.LocalFileSystem(), lambda path: path)
    with pytest.raises(Killed):
        corpus.commit(dying, root, "B", {"dedup": "b"})
    leftovers = [name for name in files.list_names(f"{root}/state/versions") if name.startswith("_tmp-")]
    assert len(leftovers) == 1
    state = corpus.current(files, root)
    assert (state.number, state.crawls) == (1, ["A"])
    version, written = corpus.commit(files, root, "B", {"dedup": "b"})
    assert (version.number, version.crawls, written) == (2, ["A", "B"], True)
    assert not [name for name in files.list_names(f"{root}/state/versions") if name.startswith("_tmp-")]


def test_a_corpus_root_places_each_release_under_it(sample_dir, tmp_path):
    config = make_config(sample_dir, tmp_path / "ignored", f"corpus.root={tmp_path}/corpus/")
    assert config.output == f"{tmp_path}/corpus/releases/{RELEASE_1}"
    assert config.corpus.root == f"{tmp_path}/corpus"


# ---- two releases through the pipeline ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def two_releases(spark, sample_dir, through_tokenize, tmp_path_factory):
    """Release 1 (the shared run, placed in a corpus and committed) and release 2 run after it."""
    from pipeline.runner import run_pipeline
    from pipeline.sample import generate_sample

    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(through_tokenize[0], root / "releases" / RELEASE_1)
    corpus_settings = (f"corpus.root={root}", "corpus.graph_releases=2", *RULES_ONLY)
    first = make_config(sample_dir, root / "unused", *corpus_settings, "stages.tokenize.target_shard_bytes=60000")
    # In a corpus dedup's output depends on the (here empty) state before it: dedup, mix and tokenize run again.
    outcomes_1 = {o.name: o for o in run_pipeline(first, spark, ["dedup", "mix", "tokenize", "commit"])}
    recrawl = tmp_path_factory.mktemp("sample-release-2")
    generate_sample(recrawl, seed=1, scale=1, release=2)
    second = make_config(recrawl, root / "unused", *corpus_settings, *RELEASE_2_FILES, f"crawl={RELEASE_2}")
    outcomes_2 = {o.name: o for o in run_pipeline(second, spark, RELEASE_2_STAGES)}
    truth_2 = json.loads((recrawl / f"truth-{RELEASE_2}.json").read_text(encoding="utf-8"))
    return root, outcomes_1, outcomes_2, truth_2, second


def release(root: Path, crawl: str) -> Path:
    return root / "releases" / crawl


def test_the_state_holds_both_releases_in_order(two_releases):
    root, _, outcomes_2, _, _ = two_releases
    state = corpus.current(local_files(), str(root))
    assert state.crawls == [RELEASE_1, RELEASE_2]
    assert outcomes_2["commit"].stats.details["version"] == state.number
    assert outcomes_2["dedup"].stats.details["corpus"]["earlier_releases"] == [RELEASE_1]


def test_recrawled_pages_are_removed_as_copies_of_the_earlier_release(two_releases):
    root, _, outcomes_2, truth_2, _ = two_releases
    kept_1 = {row["url"]: row["id"] for row in table(release(root, RELEASE_1) / "dedup" / "docs", ["url", "id"])}
    filtered_2 = {row["url"] for row in table(release(root, RELEASE_2) / "filter" / "kept", ["url"])}
    dropped_2 = {row["url"]: row for row in table(release(root, RELEASE_2) / "dedup" / "dropped")}
    fate = {url: page["recrawl"] for url, page in truth_2["pages"].items()}

    unchanged = [url for url in filtered_2 if fate.get(url) == "unchanged" and url in kept_1]
    edited = [url for url in filtered_2 if fate.get(url) == "edited" and url in kept_1]
    assert len(unchanged) >= 50 and len(edited) >= 20
    for url in unchanged:  # the same page again: an exact copy of what release 1 kept
        assert dropped_2[url]["drop_reason"] == "exact_duplicate_earlier_release", url
        assert dropped_2[url]["duplicate_of"] == kept_1[url]
    near = [url for url in edited if dropped_2.get(url, {}).get("drop_reason") == "near_duplicate_earlier_release"]
    assert len(near) >= 0.9 * len(edited)  # the LSH S-curve catches ≥ 99% at similarity 0.78 (dedup docstring)
    assert all(dropped_2[url]["duplicate_of"] == kept_1[url] for url in near)
    new = [url for url in filtered_2 if fate.get(url) == "new"]
    assert new and not [url for url in new if dropped_2.get(url, {}).get("drop_reason", "").endswith(
        "earlier_release")]
    stats = outcomes_2["dedup"].stats
    assert stats.dropped["exact_duplicate_earlier_release"] >= len(unchanged)
    assert stats.input == stats.output + sum(stats.dropped.values())


def test_cluster_sizes_add_up_over_releases(two_releases):
    root = two_releases[0]
    added: Counter = Counter()
    for crawl in (RELEASE_1, RELEASE_2):
        for row in table(release(root, crawl) / "dedup" / "index_clusters", ["cluster_id", "added"]):
            added[row["cluster_id"]] += row["added"]
    members: Counter = Counter()  # every document of both releases, counted in the cluster it belongs to
    survivor_cluster = {}
    for crawl in (RELEASE_1, RELEASE_2):
        for row in table(release(root, crawl) / "dedup" / "index_clusters", ["cluster_id", "survivor_id"]):
            survivor_cluster[row["survivor_id"]] = row["cluster_id"]
    for crawl in (RELEASE_1, RELEASE_2):
        for row in table(release(root, crawl) / "dedup" / "docs", ["id"]):
            members[survivor_cluster[row["id"]]] += 1
        for row in table(release(root, crawl) / "dedup" / "dropped", ["duplicate_of", "drop_reason"]):
            if row["duplicate_of"] is not None:
                members[survivor_cluster[row["duplicate_of"]]] += 1
    assert added == members
    extended = [cluster for cluster, count in added.items() if count > 1]
    assert len(extended) > 100  # the recrawl extends many release-1 clusters


def test_the_host_graph_spans_both_releases(two_releases):
    root, _, outcomes_2, _, _ = two_releases
    assert outcomes_2["rank"].stats.details["graph_releases"] == [RELEASE_2, RELEASE_1]
    ranked = {row["host"] for row in table(release(root, RELEASE_2) / "rank" / "hosts", ["host"])}
    for crawl in (RELEASE_1, RELEASE_2):
        hosts = {row["host"] for row in table(release(root, crawl) / "hostgraph" / "vertices", ["host"])}
        assert hosts <= ranked


def test_rerunning_the_latest_release_gives_identical_results(spark, two_releases, tmp_path):
    from pipeline.runner import run_pipeline

    root, _, _, _, second = two_releases
    dedup = release(root, RELEASE_2) / "dedup"
    def rows(name: str) -> list[str]:
        return sorted(json.dumps(row, default=str, sort_keys=True) for row in table(dedup / name, None))

    before = {name: rows(name) for name in ("docs", "dropped", "index_clusters", "index_exact")}
    bands_before = pq.read_table(dedup / "index_bands").num_rows
    versions = corpus.version_numbers(local_files(), str(root))
    outcomes = {o.name: o for o in run_pipeline(second, spark, ["dedup", "commit"], force=True)}
    after = {name: rows(name) for name in before}
    assert after == before
    assert pq.read_table(dedup / "index_bands").num_rows == bands_before
    assert outcomes["commit"].stats.details["written"] is False  # same outputs: the state is unchanged
    assert corpus.version_numbers(local_files(), str(root)) == versions


def test_newest_wins_keeps_the_later_copy_with_the_summed_cluster_size(spark, two_releases, tmp_path):
    from pipeline.runner import run_pipeline

    root, _, _, _, second = two_releases
    newest_root = tmp_path / "corpus"
    shutil.copytree(root, newest_root)
    config = second.model_validate({**second.model_dump(), "output": str(newest_root / "unused"),
                                    "corpus": {**second.corpus.model_dump(), "root": str(newest_root),
                                               "survivor": "newest"}}).resolved()
    outcome = run_pipeline(config, spark, ["dedup"])[0]
    assert not any(reason.endswith("earlier_release") for reason in outcome.stats.dropped)
    clusters = table(release(newest_root, RELEASE_2) / "dedup" / "index_clusters")
    superseding = {row["survivor_id"]: row for row in clusters if row["superseded_id"] is not None}
    assert len(superseding) == outcome.stats.details["corpus"]["superseded"] > 50
    earlier = Counter()
    for row in table(release(newest_root, RELEASE_1) / "dedup" / "index_clusters", ["cluster_id", "added"]):
        earlier[row["cluster_id"]] += row["added"]
    kept = {row["id"]: row for row in table(release(newest_root, RELEASE_2) / "dedup" / "docs",
                                            ["id", "dup_cluster_size"])}
    for survivor, row in superseding.items():
        assert kept[survivor]["dup_cluster_size"] == earlier[row["cluster_id"]] + row["added"]


def test_corpus_status_counts_each_release(two_releases):
    from typer.testing import CliRunner

    from pipeline.cli import app

    root, outcomes_1, outcomes_2, _, _ = two_releases
    result = CliRunner().invoke(app, ["corpus", "status", str(root), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert [row["release"] for row in summary["releases"]] == [RELEASE_1, RELEASE_2]
    assert all(row["committed"] for row in summary["releases"])
    for row, outcomes in zip(summary["releases"], (outcomes_1, outcomes_2), strict=True):
        assert row["documents"] == outcomes["dedup"].stats.output == sum(
            value["documents"] for value in row["languages"].values())
        assert row["index_bytes_per_document"] > 0
    copies = summary["releases"][1]["earlier_release_copies"]
    assert sum(copies.values()) == sum(count for reason, count in outcomes_2["dedup"].stats.dropped.items()
                                       if reason.endswith("earlier_release"))
    missing = CliRunner().invoke(app, ["corpus", "status", str(root / "nothing-here")])
    assert missing.exit_code == 2 and "not a corpus root" in missing.output


def test_graph_host_shows_the_rank_in_every_release(two_releases):
    from typer.testing import CliRunner

    from pipeline.cli import app

    root = two_releases[0]
    result = CliRunner().invoke(app, ["graph", "host", str(root), "en.wikipedia.org", "--json"])
    assert result.exit_code == 0, result.output
    history = json.loads(result.output)["history"]
    assert [row["release"] for row in history] == [RELEASE_1, RELEASE_2]
    ranked = {row["host"]: row["pagerank"] for row in table(release(root, RELEASE_2) / "rank" / "hosts",
                                                            ["host", "pagerank"])}
    assert history[1]["pagerank"] == ranked["org.wikipedia.en"]
    assert history[1]["rank"] == 1 + sum(value > ranked["org.wikipedia.en"] for value in ranked.values())
