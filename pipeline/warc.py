"""WARC, WAT and WET records from Common Crawl files, robust to damage.

Common Crawl compresses every record as its own gzip member, so a damaged member loses one record,
not the file: the reader decompresses member by member, and after a corrupt or truncated member it
resynchronises on the next gzip header. Every record it cannot deliver becomes a ``Skip`` with a
reason; nothing raises out of a task for bad bytes. Each record carries the file, offset and length
of its gzip member, which is the lineage Common Crawl's own index uses for random access.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b\x08"
READ_CHUNK = 1 << 20
FIRST_FEED = 16 << 10
# Bound on output per decompress call: a gzip bomb cannot allocate more than this at once.
DECOMPRESS_STEP = 4 << 20

# Skip reasons, shared with the stages' drop accounting.
CORRUPT_GZIP = "corrupt_gzip"
TRUNCATED_GZIP = "truncated_gzip"
MALFORMED_HEADER = "malformed_header"
TRUNCATED_RECORD = "truncated_record"
TOO_LARGE = "too_large"
MALFORMED_JSON = "malformed_json"
UNREADABLE_FILE = "unreadable_file"


@dataclass(slots=True)
class Skip:
    """A record (or damaged span) that could not be read, with where it was."""

    reason: str
    path: str
    offset: int
    detail: str = ""


@dataclass(slots=True)
class WarcRecord:
    warc_type: str
    headers: dict[str, str]  # WARC header names lower-cased
    block: bytes
    path: str
    offset: int  # of the gzip member holding the record
    length: int  # compressed length of that member
    json: dict | None = field(default=None)  # WAT payload, parsed

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name.lower(), default)

    @property
    def target_uri(self) -> str | None:
        uri = self.headers.get("warc-target-uri")
        # Some writers wrap the URI in angle brackets (WARC 1.0 grammar).
        return uri.strip("<>") if uri else uri


@dataclass(slots=True)
class _Member:
    offset: int
    length: int
    data: bytes | None  # None when the decompressed size exceeded the cap


def iter_gzip_members(stream: BinaryIO, path: str, max_bytes: int) -> Iterator[_Member | Skip]:
    """Yield each gzip member of a multi-member file, or a Skip for each damaged span."""
    buffer = bytearray()
    buffer_start = 0  # file offset of buffer[0]
    at_eof = False

    def fill() -> bool:
        nonlocal at_eof
        if at_eof:
            return False
        chunk = stream.read(READ_CHUNK)
        if not chunk:
            at_eof = True
            return False
        buffer.extend(chunk)
        return True

    start = 0  # index in buffer of the member being read
    damaged_since: int | None = None  # file offset where an unreported damaged span began
    damage_detail = ""
    file_ends_in_damage = False  # the file ended inside a member of the unreported damaged span

    def resync_from(index: int) -> int | None:
        """Index of the next gzip header at or after ``index``, reading ahead as needed.

        Bytes already searched are let go of, so a long damaged span (a zeroed range, a file that is not gzip at
        all) is scanned in constant memory instead of being held whole."""
        nonlocal buffer_start
        while True:
            found = buffer.find(GZIP_MAGIC, index)
            if found >= 0:
                return found
            index = max(index, len(buffer) - len(GZIP_MAGIC) + 1)
            if index > READ_CHUNK:
                del buffer[:index]
                buffer_start += index
                index = 0
            if not fill():
                return None

    while True:
        while len(buffer) - start < len(GZIP_MAGIC) and fill():
            pass
        if len(buffer) - start <= 0:
            break
        if buffer[start : start + len(GZIP_MAGIC)] != GZIP_MAGIC:
            if damaged_since is None:
                damaged_since, damage_detail = buffer_start + start, "bytes that are not a gzip member"
            found = resync_from(start + 1)
            if found is None:
                break
            start = found
            continue

        decompressor = zlib.decompressobj(31)
        pieces: list[bytes] = []
        produced = 0
        position = start
        failure: str | None = None
        # Feed zlib small zero-copy slices that grow: a typical member is a few KB, and zlib copies whatever
        # input follows the member's end, so a large first slice would be copied again for every record.
        feed = FIRST_FEED
        while not decompressor.eof:
            if position >= len(buffer) and not fill():
                failure = TRUNCATED_GZIP
                break
            view = memoryview(buffer)
            chunk = view[position : position + feed]
            try:
                out = decompressor.decompress(chunk, DECOMPRESS_STEP)
                while True:
                    produced += len(out)
                    if produced <= max_bytes:
                        pieces.append(out)
                    else:
                        pieces.clear()
                    if not decompressor.unconsumed_tail or decompressor.eof:
                        break
                    out = decompressor.decompress(decompressor.unconsumed_tail, DECOMPRESS_STEP)
                # At the member's end the input left over is unused_data. CPython can leave the same bytes in
                # unconsumed_tail as well (when the end is reached decompressing a previous tail), so the two must not
                # be added up: that put the next member's start too early, a phantom corrupt_gzip skip and a wrong
                # length for every member whose last slice held more than DECOMPRESS_STEP bytes of output.
                leftover = decompressor.unused_data if decompressor.eof else decompressor.unconsumed_tail
                consumed = len(chunk) - len(leftover)
            except zlib.error as exc:
                failure = f"{CORRUPT_GZIP}:{exc}"
                break
            finally:
                chunk.release()  # the buffer can grow or shrink only when no view of it is alive
                view.release()
            position += consumed
            feed = min(feed * 4, READ_CHUNK)

        if failure is None:
            if damaged_since is not None:
                yield Skip(CORRUPT_GZIP, path, damaged_since, damage_detail)
                damaged_since, file_ends_in_damage = None, False
            data = b"".join(pieces) if produced <= max_bytes else None
            # Let go of the pieces before handing the member on: a large record is then held once, not twice,
            # while the consumer works on it.
            pieces.clear()
            yield _Member(buffer_start + start, position - start, data)
            data = None
            start = position
            # Keep the buffer small: everything before the next member is done with.
            if start > READ_CHUNK:
                del buffer[:start]
                buffer_start += start
                start = 0
            continue

        if failure == TRUNCATED_GZIP:
            # The file ends inside this member. A member cut short in the middle of a file, though, takes the members
            # after it for more deflate input and can reach the file's end without a zlib error: look for them in what
            # was read before calling the rest of the file lost.
            if damaged_since is None:
                damaged_since, damage_detail = buffer_start + start, "gzip member cut short"
            file_ends_in_damage = True
            found = resync_from(start + 1)
            if found is None:
                yield Skip(TRUNCATED_GZIP, path, damaged_since, "file ends inside a gzip member")
                return
            start = found
            continue
        # A corrupt member: remember where the damage began and look for the next header.
        # Several false starts inside one damaged span are reported once, as one skip.
        if damaged_since is None:
            damaged_since, damage_detail = buffer_start + start, failure
        found = resync_from(start + 1)
        if found is None:
            break
        start = found

    if damaged_since is not None:
        if file_ends_in_damage:
            yield Skip(TRUNCATED_GZIP, path, damaged_since, "file ends inside a gzip member")
        else:
            yield Skip(CORRUPT_GZIP, path, damaged_since, f"{damage_detail}; no readable gzip member after it")


def _parse_header_block(raw: bytes) -> tuple[str, dict[str, str]] | None:
    lines = raw.decode("utf-8", errors="replace").split("\n")
    version = lines[0].strip()
    if not version.startswith("WARC/"):
        return None
    headers: dict[str, str] = {}
    last = None
    for line in lines[1:]:
        line = line.rstrip("\r")
        if not line:
            continue
        if line[0] in " \t" and last:  # folded continuation line
            headers[last] += " " + line.strip()
            continue
        name, sep, value = line.partition(":")
        if not sep or not name.strip():
            return None
        last = name.strip().lower()
        headers[last] = value.strip()
    return version, headers


def parse_records(data: bytes, path: str, offset: int, length: int) -> Iterator[WarcRecord | Skip]:
    """The WARC records in one decompressed gzip member (Common Crawl writes exactly one)."""
    cursor = 0
    while cursor < len(data):
        while cursor < len(data) and data[cursor : cursor + 1] in (b"\r", b"\n"):
            cursor += 1
        if cursor >= len(data):
            return
        end = data.find(b"\r\n\r\n", cursor)
        separator = 4
        if end < 0:
            end = data.find(b"\n\n", cursor)
            separator = 2
        if end < 0:
            yield Skip(MALFORMED_HEADER, path, offset, "no end of WARC header")
            return
        parsed = _parse_header_block(data[cursor:end])
        if parsed is None:
            yield Skip(MALFORMED_HEADER, path, offset, "not a WARC header")
            return
        _, headers = parsed
        try:
            content_length = int(headers.get("content-length", ""))
            if content_length < 0:
                raise ValueError
        except ValueError:
            yield Skip(MALFORMED_HEADER, path, offset, "missing or bad Content-Length")
            return
        block_start = end + separator
        block = data[block_start : block_start + content_length]
        if len(block) < content_length:
            yield Skip(TRUNCATED_RECORD, path, offset, f"block has {len(block)} of {content_length} bytes")
            return
        warc_type = headers.get("warc-type", "").lower()
        yield WarcRecord(warc_type, headers, block, path, offset, length)
        cursor = block_start + content_length


def iter_warc_stream(stream: BinaryIO, path: str, max_record_bytes: int) -> Iterator[WarcRecord | Skip]:
    for item in iter_gzip_members(stream, path, max_record_bytes):
        if isinstance(item, Skip):
            yield item
        elif item.data is None:
            yield Skip(TOO_LARGE, path, item.offset, f"record larger than {max_record_bytes} bytes")
        else:
            yield from parse_records(item.data, path, item.offset, item.length)


def with_wat_json(items: Iterator[WarcRecord | Skip]) -> Iterator[WarcRecord | Skip]:
    """Attach the parsed JSON payload to WAT metadata records; bad JSON becomes a skip."""
    for item in items:
        if isinstance(item, WarcRecord) and item.warc_type == "metadata":
            try:
                payload = json.loads(item.block)
                if not isinstance(payload, dict):
                    raise ValueError("top level is not an object")
            except (ValueError, UnicodeDecodeError, RecursionError) as exc:
                # RecursionError: JSON nested deeper than the interpreter's recursion limit ([[[[…]]]]).
                yield Skip(MALFORMED_JSON, item.path, item.offset, f"{type(exc).__name__}: {exc}"[:200])
                continue
            item.json = payload
        yield item


@dataclass(slots=True)
class HttpResponse:
    status: int
    headers: dict[str, str]  # lower-cased names; repeated headers joined with ", "
    block: bytes  # the whole WARC block
    body_start: int  # where the body begins in it

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name.lower(), default)

    @property
    def body_length(self) -> int:
        return len(self.block) - self.body_start

    @property
    def body(self) -> bytes:
        """The body, copied out of the block on each access: check ``body_length`` before taking a huge one."""
        return self.block[self.body_start :]


def parse_http_response(block: bytes) -> HttpResponse | None:
    """Split a WARC response block into status, headers and body; None if it is not HTTP.

    The status must be three ASCII digits (RFC 9110): anything else is not an HTTP response we can use, and an
    unbounded number would not fit the int32 ``status`` columns downstream."""
    end = block.find(b"\r\n\r\n")
    separator = 4
    if end < 0:
        end = block.find(b"\n\n")
        separator = 2
    if end < 0:
        return None
    head = block[:end].decode("iso-8859-1").split("\n")
    status_line = head[0].strip().split(" ", 2)
    if len(status_line) < 2 or not status_line[0].startswith("HTTP/"):
        return None
    code = status_line[1]
    if len(code) != 3 or not (code.isascii() and code.isdigit()):
        return None
    status = int(code)
    headers: dict[str, str] = {}
    for line in head[1:]:
        name, sep, value = line.partition(":")
        if not sep:
            continue
        key = name.strip().lower()
        headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
    return HttpResponse(status, headers, block, end + separator)


# The record types of WARC 1.1. Drop reasons name these; any other value (damage, a nonstandard writer) counts as
# ``other``, so that reasons stay a small set of stats keys however damaged the input is.
WARC_TYPES = frozenset(
    {"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation"}
)


def type_reason(prefix: str, value: object) -> tuple[str, str]:
    """(reason, detail) for a record dropped for its type: ``warc_type_request``, ``…_missing`` or ``…_other``."""
    if value is None or value == "":
        return f"{prefix}missing", ""
    name = value.lower() if isinstance(value, str) else None
    if name in WARC_TYPES:
        return f"{prefix}{name}", ""
    return f"{prefix}other", repr(value)[:200]


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """``text/html; charset=GBK`` → ("text/html", "gbk")."""
    if not value:
        return None, None
    parts = [part.strip() for part in value.split(";")]
    mime = parts[0].lower() or None
    charset = None
    for part in parts[1:]:
        key, _, val = part.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'").lower()
    return mime, charset
