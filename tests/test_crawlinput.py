"""The shared crawl-reading base: a missing file or a failing record is a counted drop, not a dead job."""

import gzip

from pipeline.core.crawlinput import RECORD_ERROR, read_crawl
from pipeline.core.stage import Stage, run_stage
from pipeline.core.warc import UNREADABLE_FILE
from pipeline.lib.datasets import INDEX_RECORDS
from tests.conftest import make_config


def explode_on_every_third(record):
    if record.offset % 3 == 0:
        raise ValueError("bad luck")
    yield INDEX_RECORDS.row(url=record.target_uri or "", host=None, warc_type=record.warc_type, status=None,
                            content_type=None, charset=None, payload_digest=None, fetch_time=None, content_length=0,
                            warc_path=record.path, offset=record.offset, length=record.length,
                            archive_format=record.archive_format, truncated=None, crawl="X")


class ProbeStage(Stage):
    name = "index"
    description = "reads WARC files with a row maker that fails on some records"
    writes = (INDEX_RECORDS,)

    def run(self, ctx, stats):
        ctx.write_accounted(read_crawl(ctx, stats, "warc", INDEX_RECORDS, explode_on_every_third), INDEX_RECORDS,
                            stats)


def test_missing_file_and_failing_records_are_counted(spark, sample_dir, truth, tmp_path):
    first, second = truth["files"]["warc"][:2]
    listing = tmp_path / "warc.paths.gz"
    listing.write_bytes(gzip.compress(f"{first}\ncrawl-data/missing/file.warc.gz\n{second}\n".encode()))
    config = make_config(sample_dir, tmp_path / "out", f"inputs.warc={listing}")
    outcome = run_stage(ProbeStage(), config, spark)
    stats = outcome.stats
    assert stats.details["warc_files"] == 3
    assert stats.dropped[UNREADABLE_FILE] == 1
    assert stats.dropped[RECORD_ERROR] > 0 and stats.output > 0
    assert stats.input == stats.output + sum(stats.dropped.values())
    examples = {e["drop_reason"]: e for e in stats.details["drop_examples"]}
    assert "missing/file.warc.gz" in examples[UNREADABLE_FILE]["drop_path"]
    assert "bad luck" in examples[RECORD_ERROR]["drop_detail"]
