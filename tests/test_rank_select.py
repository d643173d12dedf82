"""Stages `rank` and `select` on the sample crawl: hubs in, link farm out, scarce languages kept."""

import json
import math

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.lib.datasets import RANK_DOMAINS, RANK_HOSTS, SELECT_HOSTS, SELECT_REJECTED
from pipeline.lib.hosts import reverse_host
from pipeline.runner import run_pipeline
from tests.conftest import make_config

# Few places, so that quotas matter: Chinese sites rank low globally on the sample.
SETTINGS = ("stages.select.max_sites=120", "stages.select.quotas.zh.min_share=0.05",
            "stages.select.quotas.ja.min_share=0.1")


@pytest.fixture(scope="module")
def ranked(spark, sample_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("rank-out")
    config = make_config(sample_dir, out, *SETTINGS)
    outcomes = {o.name: o for o in run_pipeline(config, spark, ["hostgraph", "rank", "select"])}
    read = lambda dataset: pq.read_table(dataset.path(str(out))).to_pylist()  # noqa: E731
    return out, outcomes, read(RANK_HOSTS), read(SELECT_HOSTS), read(SELECT_REJECTED), config


def kinds(truth):
    return {reverse_host(host): info["kind"] for host, info in truth["hosts"].items()}


def test_scores_are_distributions_and_the_backend_says_why(ranked):
    _, outcomes, hosts, _, _, _ = ranked
    assert math.isclose(sum(h["pagerank"] for h in hosts), 1.0, abs_tol=1e-6)
    assert math.isclose(sum(h["trustrank"] for h in hosts), 1.0, abs_tol=1e-6)
    details = outcomes["rank"].stats.details
    assert details["backend"] == "local" and "fits" in details["backend_reason"]
    assert details["pagerank"]["converged"] and details["trustrank"]["converged"]
    assert details["seeds"]["zh"]["in_graph"] >= 2


def test_hubs_lead_and_the_farm_has_no_trust(ranked, truth):
    _, _, hosts, _, _, _ = ranked
    kind = kinds(truth)
    by_pagerank = sorted(hosts, key=lambda h: -h["pagerank"])
    top = [kind.get(h["host"]) for h in by_pagerank[:20]]
    assert top.count("hub") >= 18
    farm = [h for h in hosts if kind.get(h["host"]) in ("spam", "farm_target")]
    assert farm and all(h["trustrank"] < 1e-12 and h["spam_mass"] > 0.999 for h in farm)
    hubs = [h for h in hosts if kind.get(h["host"]) == "hub"]
    assert max(h["spam_mass"] for h in hubs) < min(h["spam_mass"] for h in farm)


def test_host_language_matches_the_truth(ranked, truth):
    _, _, hosts, _, _, _ = ranked
    language = {h["host"]: h["language"] for h in hosts}
    crawled = [(reverse_host(host), info["lang"]) for host, info in truth["hosts"].items()]
    correct = sum(language.get(host) == lang for host, lang in crawled)
    assert correct / len(crawled) >= 0.98


def test_domain_aggregation(ranked):
    out, _, hosts, _, _, _ = ranked
    domains = {d["domain"]: d for d in pq.read_table(RANK_DOMAINS.path(str(out))).to_pylist()}
    for domain, row in domains.items():
        members = [h for h in hosts if h["domain"] == domain]
        assert row["hosts"] == len(members)
        assert math.isclose(row["pagerank_sum"], sum(h["pagerank"] for h in members), rel_tol=1e-9)
        assert row["pagerank_max"] == max(h["pagerank"] for h in members)
    assert any(d["hosts"] > 1 for d in domains.values())


def test_selection_keeps_hubs_and_quotas_and_rejects_the_farm(ranked, truth):
    _, outcomes, _, selected, rejected, _ = ranked
    kind = kinds(truth)
    chosen = {h["host"] for h in selected}
    assert len(selected) == 120
    hubs = {host for host, k in kind.items() if k == "hub"}
    assert hubs <= chosen
    farm = {host for host, k in kind.items() if k in ("spam", "farm_target")}
    assert not farm & chosen
    reasons = {r["host"]: r["reason"] for r in rejected}
    # The farm lifts its hosts above average PageRank: spam mass catches those (and only those); the farm's
    # satellites it does not lift are too weak to be chosen at all.
    assert all(reasons[host] in ("spam_mass", "below_cutoff") for host in farm)
    caught = {host for host in farm if reasons[host] == "spam_mass"}
    assert len(caught) >= len(farm) / 2
    stats = outcomes["select"].stats
    assert stats.input == stats.output + sum(stats.dropped.values())
    assert stats.dropped["spam_mass"] == len(caught)
    quotas = stats.details["quotas"]
    for language, share in (("zh", 0.05), ("ja", 0.1)):
        wanted = math.ceil(share * 120)
        assert quotas[language]["met"]
        assert sum(h["language"] == language for h in selected) >= min(wanted, quotas[language]["available"])
    assert any(h["why_selected"] == "quota:zh" for h in selected), "Chinese needed its quota on the sample"
    # Without the quota, those Chinese sites lose their places.
    quota_hosts = {h["host"] for h in selected if h["why_selected"].startswith("quota:")}
    assert all(h["rank"] > 120 for h in selected if h["host"] in quota_hosts)
    # Every other language found among the hosts has the default quota (conf/default.yaml: its 3 best sites).
    default = ranked[5].stages.select.default_quota.min_count
    assert default > 0
    others = set(quotas) - {"zh", "ja"}
    assert others and "und" not in others
    for language in others:
        assert quotas[language]["wanted"] == default
        assert sum(h["language"] == language for h in selected) >= min(default, quotas[language]["available"])


def test_spark_backend_gives_the_same_ranking(ranked, spark, sample_dir, tmp_path):
    out = ranked[0]
    import shutil

    shutil.copytree(out / "hostgraph", tmp_path / "hostgraph")
    # The same number of steps on both backends (the engine tests cover convergence): equal up to rounding.
    steps = ("stages.rank.tolerance=1e-15", "stages.rank.max_iterations=6", "stages.rank.harmonic.max_distance=2")
    config = make_config(sample_dir, tmp_path, *SETTINGS, *steps, "stages.rank.backend=spark")
    [outcome] = run_pipeline(config, spark, ["rank"])
    assert outcome.stats.details["backend"] == "spark"
    assert outcome.stats.details["pagerank"]["iterations"] == 6
    local_config = make_config(sample_dir, tmp_path / "local", *SETTINGS, *steps, "stages.rank.backend=local")
    shutil.copytree(out / "hostgraph", tmp_path / "local" / "hostgraph")
    run_pipeline(local_config, spark, ["rank"])
    spark_scores = {h["host"]: h for h in pq.read_table(RANK_HOSTS.path(str(tmp_path))).to_pylist()}
    local_scores = {h["host"]: h for h in pq.read_table(RANK_HOSTS.path(str(tmp_path / "local"))).to_pylist()}
    assert spark_scores.keys() == local_scores.keys()
    for column in ("pagerank", "trustrank"):
        assert sum(abs(spark_scores[h][column] - local_scores[h][column]) for h in local_scores) < 1e-12
    # HyperBall: the same hash and operations on both backends, so the same bits.
    assert outcome.stats.details["harmonic"]["iterations"] == 2
    assert all(spark_scores[h]["harmonic"] == local_scores[h]["harmonic"] for h in local_scores)


def test_harmonic_centrality_within_its_bound_and_selection_by_it(ranked, spark, sample_dir, tmp_path):
    import shutil

    import numpy as np

    from graph.harmonic import harmonic_error_bound, harmonic_exact
    from pipeline.lib.datasets import HOSTGRAPH_EDGES

    out, outcomes, hosts, _, _, config = ranked
    details = outcomes["rank"].stats.details["harmonic"]
    assert details["method"] == "hyperball" and details["converged"]
    edges = pq.read_table(HOSTGRAPH_EDGES.path(str(out))).to_pylist()
    links = [(e["src"], e["dst"]) for e in edges if not e["same_domain"]]  # as PageRank: same-domain links out
    exact = harmonic_exact(len(hosts), np.array([s for s, _ in links]), np.array([d for _, d in links]))
    approx = np.array([h["harmonic"] for h in sorted(hosts, key=lambda h: h["id"])])
    log2m = config.stages.rank.harmonic.log2m
    assert (np.abs(approx - exact) <= harmonic_error_bound(exact, log2m)).mean() >= 0.99

    for stage in ("hostgraph", "rank"):
        shutil.copytree(out / stage, tmp_path / stage)
    by_harmonic = make_config(sample_dir, tmp_path, *SETTINGS, "stages.select.order_by=harmonic")
    [outcome] = run_pipeline(by_harmonic, spark, ["select"])
    assert outcome.stats.output == 120
    selected = pq.read_table(SELECT_HOSTS.path(str(tmp_path))).to_pylist()
    authority = sorted((h for h in selected if h["why_selected"] == "authority"), key=lambda h: h["rank"])
    assert [h["harmonic"] for h in authority] == sorted((h["harmonic"] for h in authority), reverse=True)
    result = CliRunner().invoke(app, ["graph", "top", str(out), "-n", "5", "--by", "harmonic", "--json"])
    assert result.exit_code == 0, result.output
    best = sorted(hosts, key=lambda h: -h["harmonic"])[:5]
    assert [r["harmonic"] for r in json.loads(result.output)] == [h["harmonic"] for h in best]


def test_graph_top_and_host_cli(ranked):
    out, _, hosts, _, _, _ = ranked
    runner = CliRunner()
    result = runner.invoke(app, ["graph", "top", str(out), "-n", "3", "--lang", "zh", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    best_zh = sorted((h for h in hosts if h["language"] == "zh"), key=lambda h: -h["pagerank"])[:3]
    assert [r["host"] for r in rows] == [h["host"] for h in best_zh]
    result = runner.invoke(app, ["graph", "host", str(out), "www.people.com.cn", "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert info["domain"] == "people.com.cn" and info["selection"].startswith("selected")
    assert info["in_neighbours"] and info["language"] == "zh"
    missing = runner.invoke(app, ["graph", "host", str(out), "no-such-host.example"])
    assert missing.exit_code == 2 and "not in the host graph" in missing.output
