"""Reading crawl inputs from local paths and ``s3://`` URLs.

S3 goes through boto3. A Common Crawl WARC file is ~1 GB and its bucket throttles under load, so a
read is a stream that survives throttling (503 SlowDown), 5xx answers and connection resets: a failed
read reopens the object with a ``Range`` from the byte it stopped at, with exponential backoff.
"""

from __future__ import annotations

import contextlib
import fnmatch
import glob
import gzip
import hashlib
import io
import logging
import os
import random
import re
import shutil
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from pipeline.core.config import S3Config

log = logging.getLogger(__name__)

S3_SCHEMES = ("s3://", "s3a://", "s3n://")
# Libraries whose DEBUG output carries request headers (the Authorization header names the access key and carries
# the signature) or py4j's wire chatter: kept at WARNING however verbose the run.
THIRD_PARTY_LOGGERS = ("py4j", "botocore", "boto3", "urllib3", "s3transfer")


def quiet_third_party_logs() -> None:
    for name in THIRD_PARTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def is_s3(url: str) -> bool:
    return url.startswith(S3_SCHEMES)


def split_s3(url: str) -> tuple[str, str]:
    rest = url.split("://", 1)[1]
    bucket, _, key = rest.partition("/")
    if not bucket:
        raise ValueError(f"not an S3 URL with a bucket: {url}")
    return bucket, key


def local_path(url: str) -> str:
    return url[len("file://") :] if url.startswith("file://") else url


def join_url(base: str, relative: str) -> str:
    """Resolve a listing entry against the base URL (absolute entries are kept as they are)."""
    if "://" in relative or relative.startswith("/"):
        return relative
    return base.rstrip("/") + "/" + relative.lstrip("/")


def redact_url(url: str) -> str:
    """Drop query strings (pre-signed URLs carry credentials there) and user:password@ before a URL reaches a log."""
    url = url.split("?", 1)[0]
    scheme, sep, rest = url.partition("://")
    if sep and "@" in rest.split("/", 1)[0]:
        rest = rest.split("@", 1)[1]
    return f"{scheme}{sep}{rest}"


SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def safe_name(value: str, what: str) -> str:
    """A value from the data or the config used as one file or folder name under the output root.

    Language labels come from whichever language-id model the config names; letters, digits, '_' and '-' only,
    so no label can climb out of the output root ('..', '/') or name a hidden file.
    """
    if not isinstance(value, str) or not SAFE_NAME.fullmatch(value):
        raise ValueError(f"{what} {value!r} cannot name a file: expected 1-64 letters, digits, '_' or '-'")
    return value


def contained_path(relative: str, what: str) -> str:
    """A relative path read from an input file (a manifest) that must stay inside the folder it was found in."""
    parts = relative.replace("\\", "/").removesuffix("/").split("/")
    if not relative or relative.startswith("/") or "://" in relative or any(part in ("", ".", "..") for part in parts):
        raise ValueError(f"{what} {relative!r} leaves its folder: expected a relative path without '..'")
    return relative


@lru_cache(maxsize=8)
def _s3_client_cached(endpoint_url: str | None, region: str, anonymous: bool, max_attempts: int):
    import boto3
    from botocore import UNSIGNED
    from botocore.config import Config as BotoConfig

    boto_config = BotoConfig(
        region_name=region,
        retries={"max_attempts": max_attempts, "mode": "adaptive"},
        signature_version=UNSIGNED if anonymous else None,
        connect_timeout=20,
        read_timeout=120,
    )
    return boto3.client("s3", endpoint_url=endpoint_url, config=boto_config)


def s3_client(config: S3Config):
    return _s3_client_cached(config.endpoint_url, config.region, config.anonymous, config.max_attempts)


def arrow_filesystem(url: str, config: S3Config):
    """(pyarrow filesystem, path) for reading a Parquet dataset at ``url``: S3 with the same endpoint, region and
    signing as boto3 here (credentials from the usual chain), else the local filesystem."""
    from urllib.parse import urlsplit

    from pyarrow import fs

    if not is_s3(url):
        return fs.LocalFileSystem(), local_path(url)
    options = {"region": config.region, "anonymous": config.anonymous}
    if config.endpoint_url:
        endpoint = urlsplit(config.endpoint_url)
        options.update(endpoint_override=endpoint.netloc or endpoint.path, scheme=endpoint.scheme or "https")
    bucket, key = split_s3(url)
    return fs.S3FileSystem(**options), f"{bucket}/{key}".rstrip("/")


def _retryable(exc: BaseException) -> bool:
    from botocore.exceptions import BotoCoreError, ClientError

    if isinstance(exc, ClientError):
        error = exc.response.get("Error", {})
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        return status >= 500 or error.get("Code") in {"SlowDown", "Throttling", "RequestTimeout", "InternalError"}
    return isinstance(exc, BotoCoreError | OSError | ConnectionError | TimeoutError) or (
        type(exc).__module__.startswith(("urllib3", "http.client"))
    )


def backoff_seconds(attempt: int, config: S3Config) -> float:
    """Full-jitter exponential backoff: spreads retries of many tasks hitting one throttled prefix."""
    ceiling = min(config.backoff_max_seconds, config.backoff_base_seconds * (2**attempt))
    return random.uniform(0, ceiling)


def with_retries(action: Callable, config: S3Config, what: str):
    for attempt in range(config.max_attempts):
        try:
            return action()
        except Exception as exc:
            if not _retryable(exc) or attempt == config.max_attempts - 1:
                raise
            delay = backoff_seconds(attempt, config)
            log.warning("%s failed (%s); retry %d in %.1fs", what, type(exc).__name__, attempt + 1, delay)
            time.sleep(delay)
    raise AssertionError("unreachable")


class S3ObjectStream(io.RawIOBase):
    """A forward-only stream over one S3 object that resumes after errors with a Range request."""

    def __init__(self, url: str, config: S3Config):
        super().__init__()
        self.url = url
        self.config = config
        self.bucket, self.key = split_s3(url)
        self.position = 0
        self.size: int | None = None
        self.retries = 0
        self._body = None

    def _open(self) -> None:
        client = s3_client(self.config)
        kwargs = {"Bucket": self.bucket, "Key": self.key}
        if self.position:
            kwargs["Range"] = f"bytes={self.position}-"
        response = with_retries(lambda: client.get_object(**kwargs), self.config, f"GET {redact_url(self.url)}")
        if self.size is None:
            self.size = self.position + int(response.get("ContentLength", 0))
        self._body = response["Body"]

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            # The io contract: read() with no size is the rest of the object, in chunks that each resume on error.
            return b"".join(iter(lambda: self.read(self.config.read_chunk_bytes), b""))
        if self.size is not None and self.position >= self.size:
            return b""
        want = size
        for attempt in range(self.config.max_attempts):
            try:
                if self._body is None:
                    self._open()
                if self.size is not None and self.position >= self.size:
                    return b""
                data = self._body.read(want)
                if not data and self.size is not None and self.position < self.size:
                    raise ConnectionError(f"stream ended at byte {self.position} of {self.size}")
                self.position += len(data)
                return data
            except Exception as exc:
                self._close_body()
                if not _retryable(exc) or attempt == self.config.max_attempts - 1:
                    raise
                self.retries += 1
                delay = backoff_seconds(attempt, self.config)
                log.warning(
                    "read of %s failed at byte %d (%s); resuming in %.1fs",
                    redact_url(self.url), self.position, type(exc).__name__, delay,
                )
                time.sleep(delay)
        raise AssertionError("unreachable")

    def _close_body(self) -> None:
        if self._body is not None:
            # A broken connection may fail to close; it is discarded either way.
            with contextlib.suppress(Exception):
                self._body.close()
            self._body = None

    def close(self) -> None:
        self._close_body()
        super().close()


def open_input(url: str, s3_config: S3Config) -> BinaryIO:
    """Open a crawl file for streaming reads (raw bytes, not decompressed)."""
    if is_s3(url):
        return io.BufferedReader(S3ObjectStream(url, s3_config), buffer_size=s3_config.read_chunk_bytes)
    return open(local_path(url), "rb")


def read_range(url: str, offset: int, length: int, s3_config: S3Config) -> bytes:
    """``length`` bytes at ``offset``: one record's gzip member, fetched as the Common Crawl index is used."""
    if not is_s3(url):
        with open(local_path(url), "rb") as handle:
            handle.seek(offset)
            return handle.read(length)
    bucket, key = split_s3(url)
    request = {"Bucket": bucket, "Key": key, "Range": f"bytes={offset}-{offset + length - 1}"}
    return with_retries(lambda: s3_client(s3_config).get_object(**request)["Body"].read(), s3_config, "GET range")


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a local file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def put_file(local: str, url: str, s3_config: S3Config) -> None:
    """Copy a local file to ``url``: a local path (folders made) or s3:// / s3a:// (boto3, retried)."""
    if not is_s3(url):
        target = Path(local_path(url))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(local, target)
        return
    bucket, key = split_s3(url)
    with_retries(lambda: s3_client(s3_config).upload_file(local, bucket, key), s3_config, "PUT")


def read_bytes(url: str, s3_config: S3Config) -> bytes:
    with open_input(url, s3_config) as handle:
        return handle.read()


def exists(url: str, s3_config: S3Config) -> bool:
    if not is_s3(url):
        return os.path.exists(local_path(url))
    from botocore.exceptions import ClientError

    bucket, key = split_s3(url)
    try:
        with_retries(lambda: s3_client(s3_config).head_object(Bucket=bucket, Key=key), s3_config, "HEAD")
        return True
    except ClientError as exc:
        if exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode") in (403, 404):
            return False
        raise


def _s3_glob(pattern: str, s3_config: S3Config) -> list[str]:
    bucket, key_pattern = split_s3(pattern)
    scheme = pattern.split("://", 1)[0]
    wildcard_at = min((key_pattern.find(ch) for ch in "*?[" if ch in key_pattern), default=len(key_pattern))
    prefix = key_pattern[:wildcard_at]
    client = s3_client(s3_config)
    found = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            if fnmatch.fnmatchcase(item["Key"], key_pattern):
                found.append(f"{scheme}://{bucket}/{item['Key']}")
    return sorted(found)


def is_listing(spec: str) -> bool:
    return spec.endswith((".paths.gz", ".paths"))


def list_inputs(spec: str, base_url: str, s3_config: S3Config, max_files: int | None = None) -> list[str]:
    """Input files for one kind (WARC, WAT or WET), in a stable order.

    ``spec`` is a Common Crawl paths listing (entries relative to ``base_url``) or a glob, itself
    relative to ``base_url`` unless absolute. Reading the listing happens on the driver: it is ~100,000
    short lines per release, not data.
    """
    location = join_url(base_url, spec)
    if is_listing(spec):
        if not exists(location, s3_config):
            raise FileNotFoundError(f"paths listing not found: {redact_url(location)}")
        raw = read_bytes(location, s3_config)
        text = gzip.decompress(raw).decode("utf-8") if spec.endswith(".gz") else raw.decode("utf-8")
        files = [join_url(base_url, line.strip()) for line in text.splitlines() if line.strip()]
    elif is_s3(location):
        files = _s3_glob(location, s3_config)
    else:
        files = sorted(glob.glob(local_path(location)))
        files = [path for path in files if Path(path).is_file()]
    if max_files is not None:
        files = files[:max_files]
    if not files:
        raise FileNotFoundError(f"no input files match {redact_url(location)}")
    return files
