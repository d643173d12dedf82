"""Stage dedup: datasketch parity, connected components, and the sample's duplicate clusters."""

from __future__ import annotations

import itertools
import random

import networkx as nx
import numpy as np
import pyarrow.parquet as pq
import pytest
from datasketch import MinHash, MinHashLSH

from pipeline.core.stage import Stats
from pipeline.lib.components import ComponentsDidNotConverge, connected_components
from pipeline.lib.datasets import DEDUP_DOCS, DEDUP_DROPPED, FILTER_KEPT
from pipeline.lib.minhash import candidate_probability, exact_hash, normalize_for_hash, shingles, signature
from pipeline.sample.text import good_document, near_duplicate
from pipeline.stages.dedup import DedupStage, DedupStageConfig, LineDedupConfig, bucket_pairs

SETTINGS = DedupStageConfig()


def sample_texts() -> list[tuple[str, str]]:
    """(units, text): originals and near copies in spaced and CJK languages."""
    texts = []
    for lang in ("en", "de", "ru", "zh", "ja"):
        units = "characters" if lang in ("zh", "ja") else "words"
        for seed in range(8):
            doc = good_document(lang, random.Random(seed))
            texts.append((units, doc.text))
            texts.append((units, near_duplicate(doc, lang, random.Random(seed + 100)).text))
    return texts


def test_signatures_are_datasketch_minhash():
    for units, text in sample_texts():
        doc_shingles = shingles(text, SETTINGS.shingle_size, units)
        reference = MinHash(num_perm=SETTINGS.num_perm, seed=SETTINGS.seed)
        reference.update_batch([s.encode("utf-8") for s in doc_shingles])
        assert np.array_equal(signature(doc_shingles, SETTINGS.num_perm, SETTINGS.seed), reference.hashvalues)


def test_lsh_candidates_in_spark_equal_datasketch_minhashlsh(spark):
    texts = sample_texts()
    ids = [f"d{i:03d}" for i in range(len(texts))]
    lsh = MinHashLSH(num_perm=SETTINGS.num_perm, params=(SETTINGS.bands, SETTINGS.rows))
    rows = []
    for doc_id, (units, text) in zip(ids, texts, strict=True):
        doc_shingles = shingles(text, SETTINGS.shingle_size, units)
        reference = MinHash(num_perm=SETTINGS.num_perm, seed=SETTINGS.seed)
        reference.update_batch([s.encode("utf-8") for s in doc_shingles])
        lsh.insert(doc_id, reference)
        rows.append((doc_id, signature(doc_shingles, SETTINGS.num_perm, SETTINGS.seed).tobytes()))
    expected = set()
    for doc_id, (units, text) in zip(ids, texts, strict=True):
        reference = MinHash(num_perm=SETTINGS.num_perm, seed=SETTINGS.seed)
        reference.update_batch([s.encode("utf-8") for s in shingles(text, SETTINGS.shingle_size, units)])
        expected |= {tuple(sorted((doc_id, other))) for other in lsh.query(reference) if other != doc_id}
    signatures = spark.createDataFrame(rows, "id string, signature binary")
    everything = SETTINGS.model_copy(update={"min_similarity": 1e-9})
    stats = Stats("dedup")
    found = {(row["src"], row["dst"]) for row in DedupStage._near_edges(signatures, everything, stats).collect()}
    assert found == expected
    assert len(expected) >= 40  # every near copy found its original, at least
    assert stats.details["candidate_pairs"] == len(expected)


def test_s_curve_of_the_default_bands():
    assert candidate_probability(0.78, SETTINGS.bands, SETTINGS.rows) > 0.99
    assert candidate_probability(0.3, SETTINGS.bands, SETTINGS.rows) < 0.02


def test_normal_form_folds_case_digits_accents_and_punctuation():
    assert normalize_for_hash("Café, 2024!\n  Ça va?") == normalize_for_hash("cafe 1999 ca va")
    assert exact_hash("你好，世界。") == exact_hash("你好 世界")
    assert exact_hash("one text") != exact_hash("another text")


def test_bucket_pairs_fall_back_to_a_star_for_huge_buckets():
    assert bucket_pairs(["c", "a", "b"], 10) == [("a", "b"), ("a", "c"), ("b", "c")]
    assert bucket_pairs([str(i) for i in range(5)], 3) == [("0", "1"), ("0", "2"), ("0", "3"), ("0", "4")]


def test_connected_components_match_networkx(spark, tmp_path):
    spark.sparkContext.setCheckpointDir(str(tmp_path / "checkpoints"))
    rng = random.Random(5)
    chain = [(f"c{i:03d}", f"c{i + 1:03d}") for i in range(40)]  # a long chain: many rounds without jumping
    stars = [(f"s{k}", f"s{k}-{i}") for k in range(5) for i in range(6)]
    noise = [(f"r{rng.randrange(60):02d}", f"r{rng.randrange(60):02d}") for _ in range(50)]
    edges = chain + stars + noise
    labels, rounds = connected_components(spark.createDataFrame(edges, "src string, dst string"), checkpoint_every=2)
    graph = nx.Graph([(a, b) for a, b in edges if a != b])
    expected = {node: min(component) for component in nx.connected_components(graph) for node in component}
    assert {row["node"]: row["component"] for row in labels.collect()} == expected
    assert rounds <= 8  # pointer jumping: about log2(40) rounds for the chain, not 40
    with pytest.raises(ComponentsDidNotConverge, match="max_iterations"):
        connected_components(spark.createDataFrame(chain, "src string, dst string"), max_iterations=2)


@pytest.fixture(scope="module")
def deduplicated(through_dedup):
    out, outcomes = through_dedup
    kept = pq.read_table(DEDUP_DOCS.path(str(out))).to_pylist()
    dropped = pq.read_table(DEDUP_DROPPED.path(str(out))).to_pylist()
    return out, outcomes, kept, dropped


def test_accounting_and_pointers(deduplicated):
    _, outcomes, kept, dropped = deduplicated
    stats = outcomes["dedup"].stats
    assert stats.input == outcomes["filter"].stats.output == len(kept) + len(dropped)
    survivors = {row["id"]: row for row in kept}
    for row in dropped:
        survivor = survivors[row["duplicate_of"]]  # every dropped copy points at a kept document
        assert row["dup_cluster_id"] == survivor["dup_cluster_id"] == survivor["id"]
        assert row["similarity"] >= (1.0 if row["drop_reason"] == "exact_duplicate" else SETTINGS.min_similarity)
    sizes = {}
    for row in dropped:
        sizes[row["duplicate_of"]] = sizes.get(row["duplicate_of"], 1) + 1
    for row in kept:
        assert row["dup_cluster_size"] == sizes.get(row["id"], 1)


def test_sample_duplicate_clusters_found(deduplicated, truth):
    _, _, kept, dropped = deduplicated
    cluster = {row["url"]: row["dup_cluster_id"] for row in kept + dropped}
    reason = {row["url"]: row["drop_reason"] for row in dropped}
    truth_pairs = {}
    for urls, kind in zip(truth["dup_clusters"], truth["dup_cluster_kinds"], strict=True):
        present = sorted(url for url in urls if url in cluster)
        truth_pairs.update({pair: kind for pair in itertools.combinations(present, 2)})
    found = {pair for pair in itertools.combinations(sorted(cluster), 2) if cluster[pair[0]] == cluster[pair[1]]}
    true_found = found & set(truth_pairs)
    precision, recall = len(true_found) / len(found), len(true_found) / len(truth_pairs)
    near = [pair for pair, kind in truth_pairs.items() if kind == "near"]
    print(f"dedup on the sample: {len(truth_pairs)} duplicate pairs, precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.95 and recall >= 0.95
    assert near and sum(pair in found for pair in near) / len(near) >= 0.95
    # Exact copies collapse: in every exact cluster one document is left.
    for urls, kind in zip(truth["dup_clusters"], truth["dup_cluster_kinds"], strict=True):
        present = [url for url in urls if url in cluster]
        if kind == "exact" and len(present) > 1:
            assert sum(url not in reason for url in present) == 1
            assert all(reason[url] == "exact_duplicate" for url in present if url in reason)


def test_survivor_is_the_highest_authority_copy(deduplicated):
    _, _, kept, dropped = deduplicated
    members = {}
    for row in kept + dropped:
        members.setdefault(row["dup_cluster_id"], []).append(row["pagerank"])
    survivors = {row["id"]: row["pagerank"] for row in kept}
    clusters = [cid for cid, ranks in members.items() if len(ranks) > 1]
    assert len(clusters) >= 30
    for cid in clusters:
        assert survivors[cid] == max(members[cid])


def test_line_dedup_removes_shared_boilerplate_lines(spark, deduplicated):
    from pyspark.sql import functions as F

    out, *_ = deduplicated
    docs = spark.read.parquet(FILTER_KEPT.path(str(out))).orderBy("id").limit(6)
    footer = "Subscribe to our newsletter for weekly updates and offers"
    docs = docs.withColumn("text", F.when(F.col("id") == docs.first()["id"], F.lit(footer))
                           .otherwise(F.concat("text", F.lit("\n" + footer))))
    stats = Stats("dedup")
    cleaned, boilerplate_only = DedupStage._remove_common_lines(docs, LineDedupConfig(enabled=True, min_docs=3),
                                                                stats)
    texts = [row["text"] for row in cleaned.collect()]
    assert len(texts) == 5 and all(footer not in text and text for text in texts)
    (empty,) = boilerplate_only.collect()
    assert empty["drop_reason"] == "boilerplate_only"
    assert stats.details["line_dedup"]["lines_removed"] == 6
