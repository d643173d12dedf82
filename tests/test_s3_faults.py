"""S3 failures injected between corpusforge and the loopback S3 server: throttling, resets, cut bodies.

A small HTTP proxy on 127.0.0.1 forwards to moto_server and, on a fixed schedule, answers 503 SlowDown, resets
the connection before answering, or sends half a response body and resets. Reads, uploads and a whole Spark
stage must come through with the same results as without faults, and no credential may reach a log or a
stage's published files.
"""

from __future__ import annotations

import http.client
import itertools
import json
import logging
import os
import socket
import struct
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pyarrow.parquet as pq
import pytest

from pipeline.core.config import S3Config
from pipeline.core.storage import S3ObjectStream, exists, list_inputs, put_file, read_bytes, redact_url, s3_client

pytestmark = pytest.mark.s3
BUCKET = "faulty-crawl"
SLOWDOWN = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code>'
            b"<Message>Please reduce your request rate.</Message></Error>")


class FaultyS3Proxy(ThreadingHTTPServer):
    """Forwards every request to the S3 server; every `period`-th request gets the next fault of `faults`."""

    daemon_threads = True

    def __init__(self, upstream: str, period: int, faults: tuple[str, ...]):
        super().__init__(("127.0.0.1", 0), _FaultyHandler)
        self.upstream = urlsplit(upstream)
        self.period = period
        self.schedule = itertools.cycle(faults)
        self.requests = itertools.count(1)
        self.injected: Counter[str] = Counter()
        self.lock = threading.Lock()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def next_fault(self) -> str | None:
        with self.lock:
            if next(self.requests) % self.period:
                return None
            fault = next(self.schedule)
            self.injected[fault] += 1
            return fault

    def handle_error(self, request, client_address):
        pass  # the resets are deliberate


class _FaultyHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _reset(self):
        # SO_LINGER 0: close() sends RST, what a dropped connection under load looks like to the client.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def _forward(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        fault = self.server.next_fault()
        if fault == "reset":
            self._reset()
            return
        if fault == "slowdown":
            self.send_response(503)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(SLOWDOWN)))
            self.end_headers()
            self.wfile.write(SLOWDOWN if self.command != "HEAD" else b"")
            return
        upstream = http.client.HTTPConnection(self.server.upstream.hostname, self.server.upstream.port, timeout=60)
        headers = {key: value for key, value in self.headers.items() if key.lower() != "connection"}
        upstream.request(self.command, self.path, body=body or None, headers=headers)
        response = upstream.getresponse()
        payload = response.read()
        upstream.close()
        self.send_response(response.status)
        for key, value in response.getheaders():
            if key.lower() not in ("connection", "transfer-encoding", "content-length", "date", "server"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command == "HEAD":
            return
        if fault == "cut" and len(payload) > 1:
            self.wfile.write(payload[: len(payload) // 2])
            self.wfile.flush()
            self._reset()
            return
        self.wfile.write(payload)

    do_GET = do_PUT = do_POST = do_HEAD = do_DELETE = _forward


@pytest.fixture
def faulty_proxy(s3_server):
    proxies = []

    def start(period: int, faults: tuple[str, ...] = ("slowdown", "reset", "cut")) -> FaultyS3Proxy:
        proxy = FaultyS3Proxy(s3_server, period, faults)
        threading.Thread(target=proxy.serve_forever, daemon=True).start()
        proxies.append(proxy)
        return proxy

    yield start
    for proxy in proxies:
        proxy.shutdown()
        proxy.server_close()


def patient(endpoint: str) -> S3Config:
    return S3Config(endpoint_url=endpoint, max_attempts=10, backoff_base_seconds=0.01, backoff_max_seconds=0.05)


@pytest.fixture(scope="module")
def sample_bucket(s3_config, sample_dir):
    """The sample crawl copied to the loopback S3 server: listings, WARC and WAT files."""
    client = s3_client(s3_config)
    client.create_bucket(Bucket=BUCKET)
    for path in sorted(sample_dir.rglob("*")):
        if path.is_file():
            client.upload_file(str(path), BUCKET, str(path.relative_to(sample_dir)))
    return f"s3://{BUCKET}/"


def test_streams_listings_and_uploads_survive_injected_faults(sample_bucket, sample_dir, faulty_proxy, tmp_path):
    proxy = faulty_proxy(period=2)
    config = patient(proxy.endpoint)
    files = list_inputs("crawl-data/CC-MAIN-SAMPLE/warc.paths.gz", sample_bucket, config)
    assert len(files) == 6 and exists(files[0], config)
    for url in files[:3]:
        local = (sample_dir / url.removeprefix(sample_bucket)).read_bytes()
        with S3ObjectStream(url, S3Config(**{**config.model_dump(), "read_chunk_bytes": 65536})) as stream:
            assert stream.read() == local, url
    shard = tmp_path / "shard.bin"
    shard.write_bytes(os.urandom(300_000))
    put_file(str(shard), f"s3://{BUCKET}/uploads/shard.bin", config)
    assert read_bytes(f"s3://{BUCKET}/uploads/shard.bin", config) == \
        shard.read_bytes()
    assert set(proxy.injected) == {"slowdown", "reset", "cut"}, proxy.injected


def test_a_stage_reading_s3_through_faults_matches_the_local_run(spark, sample_bucket, through_extract, faulty_proxy,
                                                                 tmp_path, caplog, capsys):
    """The index job (its own entry point, logging as it sets it up) over S3 with faults on 1 request in 5."""
    from pipeline.jobs import main

    proxy = faulty_proxy(period=5)
    out = tmp_path / "run"
    overrides = [f"inputs.base_url={sample_bucket}", "inputs.cc_index=null", "spark.shuffle_partitions=2",
                 f"storage.s3.endpoint_url={proxy.endpoint}", "storage.s3.max_attempts=10",
                 "storage.s3.backoff_base_seconds=0.01", "storage.s3.backoff_max_seconds=0.05"]
    with caplog.at_level(logging.DEBUG):
        assert main(["--stage", "index", "--config", "conf/default.yaml", "--out", str(out),
                              *(arg for override in overrides for arg in ("--set", override))]) == 0
    printed = capsys.readouterr()
    assert "corpusforge index: ran" in printed.out
    assert sum(proxy.injected.values()) > 0, "the stage must have met faults"

    reference, reference_outcomes = through_extract
    expected = reference_outcomes["index"].stats
    stats = json.loads((out / "index" / "stats.json").read_text())
    assert (stats["input"], stats["output"], stats["dropped"]) == (expected.input, expected.output,
                                                                   dict(expected.dropped))
    columns = ["url", "offset", "length", "payload_digest", "content_length"]

    def rows(path: Path) -> list[tuple]:
        table = pq.read_table(path, columns=columns)
        return sorted(zip(*(table.column(name).to_pylist() for name in columns), strict=True))

    assert rows(out / "index" / "records") == rows(reference / "index" / "records")

    # Credentials: neither key, nor a request signature, reaches the logs, the output or any published file.
    published = b"".join(path.read_bytes() for path in (out / "index").rglob("*") if path.is_file())
    said = caplog.text + printed.out + printed.err
    for secret in (os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"]):
        assert secret.encode() not in published
        assert secret not in said
    assert "Signature=" not in said and "X-Amz-Credential" not in said


def test_urls_are_redacted_before_they_reach_a_message():
    signed = "https://bucket.s3.amazonaws.com/key.warc.gz?X-Amz-Credential=AKIA/x&X-Amz-Signature=abc123"
    assert redact_url(signed) == "https://bucket.s3.amazonaws.com/key.warc.gz"
    assert redact_url("https://user:hunter2@example.org/crawl/a.gz") == "https://example.org/crawl/a.gz"
    assert redact_url("s3://bucket/key") == "s3://bucket/key"
    with pytest.raises(FileNotFoundError) as error:
        list_inputs("listing.paths.gz?X-Amz-Signature=abc123", "/nonexistent/", S3Config())
    assert "abc123" not in str(error.value)

