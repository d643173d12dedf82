"""Crawl inputs on S3: listings, globs and streaming reads against a real S3 server on 127.0.0.1."""

import gzip
import io

import pytest

from pipeline.core.storage import S3ObjectStream, list_inputs, open_input, read_range, s3_client
from pipeline.core.warc import Skip, WarcRecord, iter_warc_stream, records_in_range, with_wat_json
from tests.test_warc_reader import members, record

pytestmark = pytest.mark.s3
BUCKET = "crawl-bucket"


@pytest.fixture(scope="module")
def bucket(s3_config):
    client = s3_client(s3_config)
    client.create_bucket(Bucket=BUCKET)
    warc = b"".join(members(40))
    wat = gzip.compress(record(1, b'{"Envelope": {}}', "metadata"), mtime=0)
    base = "crawl-data/CC-MAIN-TEST/segments/1/"
    client.put_object(Bucket=BUCKET, Key=base + "warc/a.warc.gz", Body=warc)
    client.put_object(Bucket=BUCKET, Key=base + "wat/a.warc.wat.gz", Body=wat)
    listing = gzip.compress(f"{base}warc/a.warc.gz\n".encode(), mtime=0)
    client.put_object(Bucket=BUCKET, Key="crawl-data/CC-MAIN-TEST/warc.paths.gz", Body=listing)
    return {"warc": warc, "wat": wat}


def test_listing_relative_to_base_url(bucket, s3_config):
    files = list_inputs("crawl-data/CC-MAIN-TEST/warc.paths.gz", f"s3://{BUCKET}/", s3_config)
    assert files == [f"s3://{BUCKET}/crawl-data/CC-MAIN-TEST/segments/1/warc/a.warc.gz"]


def test_glob_over_s3_prefix(bucket, s3_config):
    files = list_inputs("crawl-data/*/segments/*/wat/*.wat.gz", f"s3://{BUCKET}/", s3_config)
    assert files == [f"s3://{BUCKET}/crawl-data/CC-MAIN-TEST/segments/1/wat/a.warc.wat.gz"]
    with pytest.raises(FileNotFoundError, match="no input files"):
        list_inputs("crawl-data/*/nothing/*.gz", f"s3://{BUCKET}/", s3_config)
    with pytest.raises(FileNotFoundError, match="paths listing not found"):
        list_inputs("crawl-data/CC-MAIN-NONE/wat.paths.gz", f"s3://{BUCKET}/", s3_config)


def test_streamed_records_match_the_local_bytes(bucket, s3_config):
    url = f"s3://{BUCKET}/crawl-data/CC-MAIN-TEST/segments/1/warc/a.warc.gz"
    with open_input(url, s3_config) as stream:
        remote = list(iter_warc_stream(stream, url, 1 << 20))
    local = list(iter_warc_stream(io.BytesIO(bucket["warc"]), url, 1 << 20))
    assert all(isinstance(item, WarcRecord) for item in remote)
    assert [(r.target_uri, r.offset, r.length, r.block) for r in remote] == [
        (r.target_uri, r.offset, r.length, r.block) for r in local
    ]
    wat_url = f"s3://{BUCKET}/crawl-data/CC-MAIN-TEST/segments/1/wat/a.warc.wat.gz"
    with open_input(wat_url, s3_config) as stream:
        wat = list(with_wat_json(iter_warc_stream(stream, wat_url, 1 << 20)))
    assert not any(isinstance(item, Skip) for item in wat) and wat[0].json == {"Envelope": {}}


def test_one_record_fetched_by_offset_as_the_index_gives_it(bucket, s3_config, tmp_path):
    url = f"s3://{BUCKET}/crawl-data/CC-MAIN-TEST/segments/1/warc/a.warc.gz"
    local = tmp_path / "a.warc.gz"
    local.write_bytes(bucket["warc"])
    wanted = list(iter_warc_stream(io.BytesIO(bucket["warc"]), url, 1 << 20))[17]
    for source in (url, str(local)):
        member = read_range(source, wanted.offset, wanted.length, s3_config)
        (fetched,) = records_in_range(member, source, wanted.offset, wanted.length)
        assert (fetched.target_uri, fetched.block) == (wanted.target_uri, wanted.block)


def test_stream_resumes_with_a_range_request_after_a_reset(bucket, s3_config):
    url = f"s3://{BUCKET}/crawl-data/CC-MAIN-TEST/segments/1/warc/a.warc.gz"
    stream = S3ObjectStream(url, s3_config.model_copy(update={"read_chunk_bytes": 4096}))
    first = stream.read(5000)
    # Break the connection under the stream, as a reset from the server would.
    real_body = stream._body

    class Reset:
        def read(self, size):
            raise ConnectionResetError("connection reset by peer")

        def close(self):
            real_body.close()

    stream._body = Reset()
    rest = b""
    while chunk := stream.read(7000):
        rest += chunk
    assert stream.retries == 1
    assert first + rest == bucket["warc"]


def test_missing_object_is_not_retried_forever(bucket, s3_config):
    from botocore.exceptions import ClientError

    stream = S3ObjectStream(f"s3://{BUCKET}/no/such/key.warc.gz", s3_config)
    with pytest.raises(ClientError):
        stream.read(10)
    assert stream.retries == 0
