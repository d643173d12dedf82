"""Retries on S3 throttling and 5xx, and the rank stage's backend choice."""

import pytest
from botocore.exceptions import ClientError

from graph.rank import BYTES_PER_EDGE, choose_backend
from pipeline.core.config import S3Config
from pipeline.core.storage import with_retries

FAST = S3Config(max_attempts=4, backoff_base_seconds=0.001, backoff_max_seconds=0.002)


def client_error(status: int, code: str) -> ClientError:
    return ClientError({"Error": {"Code": code, "Message": code}, "ResponseMetadata": {"HTTPStatusCode": status}},
                       "GetObject")


def flaky(failures: list[Exception]):
    calls = []

    def action():
        calls.append(1)
        if failures:
            raise failures.pop(0)
        return "data"

    return action, calls


def test_throttling_and_server_errors_are_retried():
    action, calls = flaky([client_error(503, "SlowDown"), client_error(500, "InternalError"), ConnectionResetError()])
    assert with_retries(action, FAST, "GET") == "data"
    assert len(calls) == 4


def test_client_errors_are_not_retried_and_attempts_are_bounded():
    action, calls = flaky([client_error(403, "AccessDenied")])
    with pytest.raises(ClientError):
        with_retries(action, FAST, "GET")
    assert len(calls) == 1
    action, calls = flaky([client_error(503, "SlowDown")] * 10)
    with pytest.raises(ClientError):
        with_retries(action, FAST, "GET")
    assert len(calls) == FAST.max_attempts


def test_auto_backend_follows_memory():
    backend, reason = choose_backend("auto", 1_000, 10_000, 0.5)
    assert backend == "local" and "fits" in reason
    # A release-sized graph: 236 M hosts, 9.5 B edges needs ~600 GB on one driver.
    backend, reason = choose_backend("auto", 236_000_000, 9_500_000_000, 0.5)
    assert backend == "spark" and "exceeds" in reason
    assert 9_500_000_000 * BYTES_PER_EDGE / 2**30 > 500
    assert choose_backend("spark", 10, 10, 0.5)[0] == "spark"
