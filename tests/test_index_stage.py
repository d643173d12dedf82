"""Stage `index` on the sample crawl, and the stage contract it runs under."""

import gzip
import json
import shutil
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.core.stage import Stage, StageError, Stats, run_stage
from pipeline.core.storage import s3_client
from pipeline.lib.datasets import INDEX_RECORDS, RANK_HOSTS
from pipeline.runner import run_pipeline
from tests.conftest import make_config


def read_index(out: Path):
    table = pq.read_table(INDEX_RECORDS.path(str(out)))
    return sorted(table.to_pylist(), key=lambda row: (row["warc_path"], row["offset"]))


@pytest.fixture(scope="module")
def indexed(spark, sample_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("index-out")
    config = make_config(sample_dir, out)
    [outcome] = run_pipeline(config, spark, ["index"])
    return config, out, outcome


def expected_damage(truth, kind="warc"):
    return [d for d in truth["damaged"] if f"/{kind}/" in d["file"]]


def test_every_record_is_indexed_or_dropped_with_its_reason(indexed, truth):
    _, out, outcome = indexed
    stats = outcome.stats
    assert outcome.status == "ran"
    assert stats.input == stats.output + sum(stats.dropped.values())
    damage = expected_damage(truth)
    for reason, count in Counter(d["expect"] for d in damage).items():
        assert stats.dropped[reason] == count
    lost = {d["url"] for d in damage if d["record"] == "response"}
    expected_urls = set(truth["pages"]) - lost
    rows = read_index(out)
    assert len(rows) == stats.output == len(expected_urls)
    assert {row["url"] for row in rows} == expected_urls
    saved = json.loads((out / "index" / "stats.json").read_text())
    assert saved["input"] == stats.input and saved["dropped"] == stats.dropped
    assert {"stage", "input", "output", "dropped", "seconds", "config_digest", "version"} <= saved.keys()


def test_index_columns_agree_with_the_truth(indexed, truth):
    _, out, _ = indexed
    rows = {row["url"]: row for row in read_index(out)}
    for url, row in rows.items():
        page = truth["pages"][url]
        assert row["status"] == page["status"]
        assert row["content_type"] == page["content_type"]
        assert row["host"] == url.split("/")[2]
        assert row["crawl"] == "CC-MAIN-SAMPLE"
        if page.get("charset_declared") in ("header", "both"):
            assert row["charset"] == page["charset_label"].lower()
        else:
            assert row["charset"] is None


def test_offsets_point_at_the_records(indexed):
    _, out, _ = indexed
    rows = read_index(out)
    for row in rows[:: max(1, len(rows) // 50)]:
        with open(row["warc_path"], "rb") as handle:
            handle.seek(row["offset"])
            data = gzip.decompress(handle.read(row["length"]))
        assert f"WARC-Target-URI: {row['url']}\r\n".encode() in data
        assert b"WARC-Type: response" in data


def test_rerun_is_skipped_and_force_recomputes_identical_content(indexed, spark):
    config, out, first = indexed
    before = read_index(out)
    [again] = run_pipeline(config, spark, ["index"])
    assert again.status == "skipped"
    assert again.stats.output == first.stats.output
    [forced] = run_pipeline(config, spark, ["index"], force=True)
    assert forced.status == "ran"
    assert read_index(out) == before
    assert not (out / "_tmp").exists()


def test_config_change_invalidates_the_stage(indexed, spark, sample_dir, tmp_path):
    _, published, _ = indexed
    out = tmp_path / "out"
    shutil.copytree(published, out)
    assert run_pipeline(make_config(sample_dir, out), spark, ["index"])[0].status == "skipped"
    changed = make_config(sample_dir, out, "stages.index.record_types=[response, revisit, metadata]")
    [outcome] = run_pipeline(changed, spark, ["index"])
    assert outcome.status == "ran"
    assert "warc_type_metadata" not in outcome.stats.dropped
    assert outcome.stats.output > len({r["url"] for r in read_index(out) if r["warc_type"] == "response"})


class FailingStage(Stage):
    name = "index"
    # writes part of its output, then fails

    def run(self, ctx, stats):
        ctx.fs.write_text(f"{ctx.work_path}/records/part-0.txt", "partial")
        raise RuntimeError("killed mid-write")


class BadAccountingStage(Stage):
    name = "index"
    # claims more output than input

    def run(self, ctx, stats: Stats):
        stats.input, stats.output, stats.dropped = 10, 9, {"bad": 2}


def test_failed_stage_publishes_nothing_and_keeps_the_old_output(spark, sample_dir, tmp_path):
    config = make_config(sample_dir, tmp_path)
    with pytest.raises(RuntimeError, match="killed mid-write"):
        run_stage(FailingStage(), config, spark)
    assert not (tmp_path / "index").exists()
    assert not (tmp_path / "_tmp").exists()
    with pytest.raises(StageError, match="accounting does not add up"):
        run_stage(BadAccountingStage(), config, spark)
    assert not (tmp_path / "index" / "_SUCCESS").exists()


def test_downstream_read_of_an_unpublished_stage_says_what_to_run(spark, sample_dir, tmp_path):
    class Reader(Stage):
        name = "hostgraph"
        # reads the index
        requires = ("index",)

        def run(self, ctx, stats):
            ctx.read(INDEX_RECORDS)

    with pytest.raises(StageError, match="run `corpusforge run --stages index` first"):
        run_stage(Reader(), make_config(sample_dir, tmp_path), spark)


def test_a_stage_reads_and_writes_only_what_it_declares(spark, sample_dir, indexed, tmp_path):
    """ctx.read refuses a dataset of a stage not in ``requires``; ctx.dataset_path one not in ``writes``."""
    _, out, _ = indexed

    class Sneaky(Stage):
        name = "rank"
        description = "reads the index without saying so"
        requires = ("hostgraph",)

        def run(self, ctx, stats):
            ctx.read(INDEX_RECORDS)

    class Scribbler(Stage):
        name = "rank"
        description = "writes a dataset it does not declare"

        def run(self, ctx, stats):
            ctx.dataset_path(RANK_HOSTS)

    config = make_config(sample_dir, out)
    with pytest.raises(StageError, match=r"reads index/records but does not declare 'index' in Sneaky.requires"):
        run_stage(Sneaky(), config, spark)
    with pytest.raises(StageError, match=r"does not declare that it writes rank/hosts"):
        run_stage(Scribbler(), config, spark)
    assert not (out / "rank").exists()


@pytest.mark.s3
def test_index_reads_the_crawl_from_s3(spark, sample_dir, s3_config, s3_server, tmp_path, indexed):
    client = s3_client(s3_config)
    client.create_bucket(Bucket="sample-crawl")
    for path in sorted(sample_dir.rglob("*")):
        if (path.is_file() and "/warc" in str(path.relative_to(sample_dir))) or path.name == "warc.paths.gz":
            client.upload_file(str(path), "sample-crawl", str(path.relative_to(sample_dir)))
    config = make_config(sample_dir, tmp_path, "inputs.base_url=s3://sample-crawl/",
                         f"storage.s3.endpoint_url={s3_server}")
    [outcome] = run_pipeline(config, spark, ["index"])
    _, local_out, local = indexed
    assert outcome.stats.output == local.stats.output
    assert outcome.stats.dropped == local.stats.dropped
    remote_rows = read_index(tmp_path)
    assert {r["url"] for r in remote_rows} == {r["url"] for r in read_index(local_out)}
    assert all(r["warc_path"].startswith("s3://sample-crawl/crawl-data/") for r in remote_rows)
