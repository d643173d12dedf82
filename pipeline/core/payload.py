"""An HTTP response's body as the server meant it: transfer and content encodings undone, within a size cap.

Common Crawl stores payloads decoded and says so by renaming the original headers (``X-Crawler-Content-Encoding``,
``X-Crawler-Transfer-Encoding``); other crawlers (warcprox, Webrecorder, wget, Heritrix) keep what the server sent:
a chunked body, gzip, deflate, Brotli or zstd. Those are undone here, in the order the server applied them, before
a charset is even looked at, so a compressed page is never handed to extraction as text.

Decompression is capped twice, against bombs: the output never grows past ``max_bytes`` (more is ``too_large``),
and an output over ``max_ratio`` times its input is refused too — a real web page compresses 5–20×. A server that
declares an encoding but sends the body unencoded (it happens) is taken as sent when the body does not start like
the declared encoding; a body that starts like it but does not decode is ``bad_content_encoding``. A payload cut by
its writer (``WARC-Truncated``) decodes as far as it goes.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from pipeline.core.warc import HttpResponse

TOO_LARGE = "too_large"
BAD_CONTENT_ENCODING = "bad_content_encoding"
DEFAULT_MAX_RATIO = 100.0
GZIP_START = b"\x1f\x8b"
ZSTD_START = b"\x28\xb5\x2f\xfd"


@dataclass(slots=True)
class Payload:
    """The decoded body, or why there is none (a drop reason and its detail)."""

    body: bytes | None
    encoding: str | None = None  # what was undone, in order: "chunked", "gzip", "chunked,br", …
    problem: str | None = None
    detail: str = ""


class _Identity(Exception):
    pass


class _Refused(Exception):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def dechunk(body: bytes) -> bytes | None:
    """The body of a ``Transfer-Encoding: chunked`` message, or None if it is not validly chunked."""
    pieces = []
    position = 0
    while True:
        line_end = body.find(b"\n", position, position + 1024)
        if line_end < 0:
            # A chunked body cut short (a truncated record): keep what was complete.
            return b"".join(pieces) if pieces else None
        size_text = body[position:line_end].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            return None
        if size < 0:
            return None
        if size == 0:
            return b"".join(pieces)
        start = line_end + 1
        pieces.append(body[start : start + size])
        position = start + size
        if body[position : position + 2] == b"\r\n":
            position += 2
        elif body[position : position + 1] == b"\n":
            position += 1
        elif position < len(body):
            return None


def _capped_inflate(data: bytes, wbits: int, max_bytes: int) -> bytes:
    """Inflate at most ``max_bytes``; a stream that ends early (a cut body) gives what it holds, as in a browser."""
    decompressor = zlib.decompressobj(wbits)
    out = decompressor.decompress(data, max_bytes + 1)
    if len(out) > max_bytes:
        raise _Refused(TOO_LARGE, f"decoded payload over {max_bytes} bytes")
    return out


def _gunzip(data: bytes, max_bytes: int, truncated: bool) -> bytes:
    if not data.startswith(GZIP_START):
        raise _Identity
    try:
        return _capped_inflate(data, 31, max_bytes)
    except zlib.error as exc:
        raise _Refused(BAD_CONTENT_ENCODING, f"gzip: {exc}") from None


def _inflate(data: bytes, max_bytes: int, truncated: bool) -> bytes:
    # "deflate" is meant as zlib-wrapped (RFC 9110); many servers send raw deflate instead.
    for wbits in (15, -15):
        try:
            return _capped_inflate(data, wbits, max_bytes)
        except zlib.error:
            continue
    if _looks_like_text(data):
        raise _Identity
    raise _Refused(BAD_CONTENT_ENCODING, "deflate: neither zlib nor raw deflate")


def _unbrotli(data: bytes, max_bytes: int, truncated: bool) -> bytes:
    import brotli

    decompressor = brotli.Decompressor()
    try:
        out = decompressor.process(data, output_buffer_limit=max_bytes + 1)
    except brotli.error as exc:
        if _looks_like_text(data):
            raise _Identity from None
        raise _Refused(BAD_CONTENT_ENCODING, f"br: {exc}") from None
    if len(out) > max_bytes or (not decompressor.is_finished() and not decompressor.can_accept_more_data()):
        raise _Refused(TOO_LARGE, f"decoded payload over {max_bytes} bytes")
    return out


def _unzstd(data: bytes, max_bytes: int, truncated: bool) -> bytes:
    import io

    import zstandard

    if not data.startswith(ZSTD_START):
        raise _Identity
    try:
        with zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)) as reader:
            out = reader.read(max_bytes + 1)
    except zstandard.ZstdError as exc:
        if not truncated:
            raise _Refused(BAD_CONTENT_ENCODING, f"zstd: {exc}") from None
        out = b""
    if len(out) > max_bytes:
        raise _Refused(TOO_LARGE, f"decoded payload over {max_bytes} bytes")
    return out


DECODERS = {"gzip": _gunzip, "x-gzip": _gunzip, "deflate": _inflate, "br": _unbrotli, "zstd": _unzstd}
IDENTITY = frozenset({"", "identity", "none", "utf-8", "utf8", "text/html"})  # values servers send meaning "none"


def _looks_like_text(data: bytes) -> bool:
    head = data[:64].lstrip()
    return head[:1] == b"<" or head[:1] == b"{"


def http_payload(http: HttpResponse, max_bytes: int, max_ratio: float = DEFAULT_MAX_RATIO,
                 truncated: bool = False) -> Payload:
    """The body of ``http`` with its transfer and content encodings undone (``max_bytes``: the largest decoded body
    accepted; ``truncated``: the writer cut the record short, so a stream may end early)."""
    body = http.body
    done: list[str] = []
    crawler_decoded = http.header("x-crawler-transfer-encoding") is not None
    if "chunked" in (http.header("transfer-encoding") or "").lower() and not crawler_decoded:
        unchunked = dechunk(body)
        if unchunked is not None:  # a body that says chunked but is not is taken as sent
            body = unchunked
            done.append("chunked")
    encoding = http.header("content-encoding")
    if encoding and http.header("x-crawler-content-encoding") is None:
        sent = len(body)
        # Encodings are listed in the order they were applied: undo them last first.
        for name in reversed([part.strip().lower() for part in encoding.split(",")]):
            if name in IDENTITY:
                continue
            decoder = DECODERS.get(name)
            if decoder is None:
                return Payload(None, ",".join(done) or None, BAD_CONTENT_ENCODING, f"unknown Content-Encoding {name!r}")
            try:
                body = decoder(body, max_bytes, truncated)
            except _Identity:
                continue
            except _Refused as refused:
                return Payload(None, ",".join(done) or None, refused.reason, refused.detail)
            done.append(name)
            if sent and len(body) > max_ratio * sent:
                return Payload(None, ",".join(done), TOO_LARGE,
                               f"decoded {len(body)} bytes from {sent}: over {max_ratio:g}x, a decompression bomb")
    if len(body) > max_bytes:
        return Payload(None, ",".join(done) or None, TOO_LARGE, f"{len(body)} bytes")
    return Payload(body, ",".join(done) or None)
