"""Records of web archive files — WARC and ARC, gzip per record, whole-file gzip or uncompressed — robust to damage.

The format is read from the file's bytes, never from its name: gzip or not, then WARC (any ``WARC/x.y`` with named
headers: 0.17, 0.18, 1.0, 1.1) or ARC v1/v2 (Common Crawl's 2008–2012 crawls and the Internet Archive's). ARC records
become the same ``WarcRecord`` the stages use (``filedesc://`` → ``warcinfo``, HTTP captures → ``response``, other
schemes → ``resource``), so a 2009 crawl is indexed and extracted like a 2024 one.

One framer reads all of them from a stream of bytes (``pipeline.core.inflate`` supplies a gzip file's decompressed bytes
with its member boundaries). A record's ``Content-Length`` is authoritative: the framer takes that many bytes, then
expects only line breaks before the next record. When anything else follows, the length was wrong: the framer
resynchronises on the next record start (a gzip member that starts one, or a header line) and reports the damaged
byte range once. Header ends are searched within ``MAX_HEADER_BYTES`` only (CRLF or bare LF), never through a
payload; a record larger than ``max_record_bytes`` is skipped as it streams past, never held.

Every record the framer cannot deliver becomes a ``Skip`` with a reason and a byte range; nothing raises for bad
bytes. A file that holds no record at all is one ``unsupported_format`` skip naming what it holds (zstd, PDF, HTML…).
Each record carries where it lives (``offset``, ``length``, ``archive_format``): the gzip member(s) holding it for a
gzip-per-record file — Common Crawl's own index addresses records this way — the raw bytes for an uncompressed file,
and the position in the decompressed stream for a whole-file gzip (``…/stream``).
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import BinaryIO

from pipeline.core.inflate import (
    CORRUPT_GZIP,
    GZIP_MAGIC,
    READ_CHUNK,
    TRUNCATED_GZIP,
    Member,
    MemberEnd,
    PrefixedStream,
    Skip,
    inflate_members,
)

__all__ = [
    "CONTENT_LENGTH_MISMATCH", "CORRUPT_GZIP", "MALFORMED_HEADER", "MALFORMED_JSON", "READER_REASONS", "TOO_LARGE",
    "TRUNCATED_GZIP", "TRUNCATED_RECORD", "UNREADABLE_FILE", "UNSUPPORTED_FORMAT", "WARC_TYPES", "HttpResponse",
    "Skip", "WarcRecord", "iter_records", "iter_warc_stream", "parse_content_type", "parse_http_response",
    "parse_warc_date", "records_in_range", "sniff_format", "type_reason", "with_wat_json",
]

# Skip reasons, shared with the stages' drop accounting.
MALFORMED_HEADER = "malformed_header"  # bytes where a record header should start that are not one
TRUNCATED_RECORD = "truncated_record"  # the input (or the next record) begins before Content-Length bytes were read
CONTENT_LENGTH_MISMATCH = "content_length_mismatch"  # bytes that are no record follow the block Content-Length gave
TOO_LARGE = "too_large"
MALFORMED_JSON = "malformed_json"
UNREADABLE_FILE = "unreadable_file"
UNSUPPORTED_FORMAT = "unsupported_format"  # a file that holds no WARC or ARC record at all
READER_REASONS = frozenset({
    CORRUPT_GZIP, TRUNCATED_GZIP, MALFORMED_HEADER, TRUNCATED_RECORD, CONTENT_LENGTH_MISMATCH, TOO_LARGE,
    MALFORMED_JSON, UNSUPPORTED_FORMAT,
})

# A WARC header is a few hundred bytes, an ARC header one line; a search for a header's end stops here instead of
# scanning a payload that happens to follow.
MAX_HEADER_BYTES = 64 << 10
SNIFF_BYTES = 64 << 10
COMPACT_BYTES = 1 << 20
LINE_BREAKS = b"\r\n"
WARC_MAGIC = b"WARC/"
ARC_FILEDESC = b"filedesc://"
# An ARC record header: URL (which some writers leave with spaces in it), IP address, 12–18 digit date, MIME type,
# then the length (v1) or result code, checksum, location, offset, file name and length (v2).
ARC_HEADER = re.compile(
    rb"(?P<url>[A-Za-z][A-Za-z0-9+.\-]*:[^\r\n]*?) (?P<ip>[0-9A-Fa-f.:]+|-) (?P<date>\d{12,18}) (?P<mime>[^ \r\n]*)"
    rb"(?P<rest>(?: [^ \r\n]*){1,6})\r?$"
)
ARC_LINE_START = re.compile(rb"^[A-Za-z][A-Za-z0-9+.\-]*:[^\r\n]* (?:[0-9A-Fa-f.:]+|-) \d{12,18} ", re.M)
# Compressions this reader does not decode: a file that starts with one holds no readable record.
COMPRESSED_MAGIC = (
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x04\x22\x4d\x18", "lz4-compressed data"),
    (b"PK\x03\x04", "a zip archive"),
)
# What else a file that is no archive may hold, named in the skip (found only after no record was found in it).
FOREIGN_MAGIC = (
    *COMPRESSED_MAGIC,
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PAR1", "a Parquet file"),
)


@dataclass(slots=True)
class WarcRecord:
    warc_type: str
    headers: dict[str, str]  # header names lower-cased
    block: bytes
    path: str
    offset: int  # see archive_format
    length: int
    json: dict | None = field(default=None)  # WAT payload, parsed
    # How offset/length address the record: "warc.gz" / "arc.gz": the gzip member(s) holding it; "warc" / "arc":
    # its bytes in an uncompressed file; "warc.gz/stream" / "arc.gz/stream": its position in the decompressed
    # stream of a whole-file gzip.
    archive_format: str = "warc.gz"

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name.lower(), default)

    @property
    def target_uri(self) -> str | None:
        uri = self.headers.get("warc-target-uri")
        # Some writers wrap the URI in angle brackets (WARC 1.0 grammar).
        return uri.strip("<>") if uri else uri

    @property
    def truncated(self) -> str | None:
        """WARC-Truncated: why the writer cut the payload short (length, time, disconnect, unspecified), or None."""
        value = self.headers.get("warc-truncated")
        return value.strip().lower() or "unspecified" if value is not None else None


# ---- format detection ----------------------------------------------------------------------------------------
def describe_bytes(head: bytes) -> str:
    """What a file that is no archive seems to hold, for the ``unsupported_format`` detail."""
    for magic, name in FOREIGN_MAGIC:
        if head.startswith(magic):
            return name
    text = head[:512].lstrip()
    lowered = text[:64].lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "HTML text"
    if lowered.startswith(b"<?xml") or lowered.startswith(b"<"):
        return "XML/HTML text"
    if lowered.startswith((b"{", b"[")):
        return "JSON text"
    if not head:
        return "no bytes"
    printable = sum(32 <= byte < 127 or byte in (9, 10, 13) for byte in head[:512])
    return "text that is no WARC or ARC record" if printable > 0.95 * len(head[:512]) else "binary data"


def sniff_format(head: bytes) -> tuple[str, str | None]:
    """(container, problem): container is gzip or plain; problem names a compression this reader does not read."""
    if head.startswith(GZIP_MAGIC[:2]) or head == GZIP_MAGIC[:1]:  # (a download cut inside the gzip magic)
        return "gzip", None
    for magic, name in COMPRESSED_MAGIC:
        if head.startswith(magic):
            return "plain", name
    return "plain", None


# ---- headers -------------------------------------------------------------------------------------------------
# Lower-cased header names by their written form: the same few dozen names repeat on every record.
_FIELD_NAMES: dict[str, str] = {}
_FIELD_NAMES_KEPT = 4096


def parse_warc_fields(text: str) -> dict[str, str] | None:
    """Named header fields after the version line (lower-cased names), or None if a line is not a field.

    Lines may end in CRLF or a bare LF; a line starting with a space or tab continues the previous field."""
    # The last line's CR: the header's end is found at the LF after it.
    body = text[:-1] if text.endswith("\r") else text
    crlf = body.count("\r\n")
    if "\n " in body or "\n\t" in body or body.count("\r") != crlf or (crlf and crlf != body.count("\n")):
        return _parse_folded_fields(text)
    # The common case, one field per line and one kind of line end: no per-line end or continuation checks.
    headers: dict[str, str] = {}
    names = _FIELD_NAMES
    for line in body.split("\r\n" if crlf else "\n")[1:]:
        name, sep, value = line.partition(":")
        if not sep:
            if line:
                return None
            continue
        key = names.get(name)
        if key is None:
            key = name.strip().lower()
            if not key:
                return None
            if len(names) < _FIELD_NAMES_KEPT:
                names[name] = key
        headers[key] = value.strip()
    return headers


def _parse_folded_fields(text: str) -> dict[str, str] | None:
    headers: dict[str, str] = {}
    last = None
    for line in text.split("\n")[1:]:
        if line.endswith("\r"):
            line = line[:-1]
        if not line:
            continue
        first = line[0]
        if first == " " or first == "\t":  # folded continuation line
            if last is None:
                return None
            headers[last] += " " + line.strip()
            continue
        name, sep, value = line.partition(":")
        if not sep:
            return None
        name = name.strip().lower()
        if not name:
            return None
        headers[name] = value.strip()
        last = name
    return headers


def arc_date(value: str) -> str:
    """ARC's 14-digit date (some writers add more digits) as an ISO WARC-Date."""
    digits = (value + "00")[:14]
    return f"{digits[0:4]}-{digits[4:6]}-{digits[6:8]}T{digits[8:10]}:{digits[10:12]}:{digits[12:14]}Z"


def parse_arc_header(line: bytes) -> tuple[dict[str, str], int] | str:
    """(WARC-style headers, block length) of an ARC header line, or what is wrong with it.

    v1 has five fields (URL, IP, date, MIME type, length), v2 ten (result code, checksum, location, offset and file
    name before the length); a URL with spaces in it (some writers leave them) keeps them."""
    match = ARC_HEADER.fullmatch(line)
    if match is None:
        return "not an ARC header line"
    rest = match.group("rest").split()
    length_field = rest[-1] if rest else b""
    url = match.group("url")
    if len(rest) not in (1, 6):
        return f"ARC header with {len(rest) + 4} fields (v1 has 5, v2 has 10)"
    if not (length_field.isdigit() and length_field.isascii()):
        return f"bad Archive-length {length_field[:20]!r}"
    url_text = url.decode("utf-8", "replace")
    headers = {
        "warc-target-uri": url_text,
        "warc-date": arc_date(match.group("date").decode("ascii")),
        "warc-ip-address": match.group("ip").decode("ascii"),
        "content-type": match.group("mime").decode("latin-1"),
        "content-length": length_field.decode("ascii"),
    }
    return headers, int(length_field)


def _arc_type(url: str, block: bytes) -> str:
    if url.startswith("filedesc:"):
        return "warcinfo"
    if url[:5].lower() in ("http:", "https") and block.startswith(b"HTTP/"):
        return "response"
    return "resource"


# ---- the framer ----------------------------------------------------------------------------------------------
class _Framer:
    """Records from a stream of bytes (pieces, member ends and damage, as ``inflate_members`` yields them).

    Positions here are logical: bytes delivered so far. ``buf[pos:]`` holds the bytes not yet framed; ``base`` is
    the logical position of ``buf[0]``. A damage in the gzip layer is a break at a logical position: no record is
    read across it, and its skip is reported when framing reaches it."""

    def __init__(self, events: Iterator, path: str, max_record_bytes: int, gzipped: bool, sniffed: bytes):
        self.events = events
        self.path = path
        self.max_record_bytes = max_record_bytes
        self.gzipped = gzipped
        self.sniffed = sniffed  # the file's first bytes, to name a format that is no archive
        self.buf = b""
        self.pos = 0
        self.base = 0
        self.exhausted = False
        self.member_start = 0  # logical start of the member being received
        self.members: deque[tuple[int, int, int, int]] = deque()  # (start, end, offset, length) of ended members
        self.member_starts: deque[int] = deque([0]) if gzipped else deque()  # logical starts not yet passed
        # (logical position, skip, partial): partial when the bytes before it are a damaged member's output, whose
        # incomplete tail the skip accounts for.
        self.breaks: deque[tuple[int, Skip, bool]] = deque()
        self.clean_end = 0  # logical end of the last member that ended cleanly
        self.kind: str | None = None  # warc or arc, from the first record
        self.lead = 0  # where the line breaks before the current record began
        self.records = 0  # records framed (delivered or skipped for their own fault)

    # -- input ---------------------------------------------------------------------------------------------------
    @property
    def end(self) -> int:
        return self.base + len(self.buf)

    def _fill(self, want: int = 0) -> bool:
        """Take input until ``want`` more bytes arrived (at least one event); False if the input is exhausted.

        Pieces are joined once, so a large record streamed in pieces is copied once, not once per piece."""
        pieces: list[bytes] = []
        end = got = 0
        end = self.end
        took = False
        for event in self.events:
            took = True
            if type(event) is Member:
                data = event.data
                pieces.append(data)
                got += len(data)
                start, end = end, end + len(data)
                self.members.append((start, end, event.offset, event.length))
                self.member_start = self.clean_end = end
                self.member_starts.append(end)
            elif isinstance(event, MemberEnd):
                self.members.append((self.member_start, end, event.offset, event.length))
                self.member_start = self.clean_end = end
                self.member_starts.append(end)
            elif isinstance(event, Skip):
                self.breaks.append((end, event, end != self.clean_end))
                self.clean_end = end
                self.member_start = end
                self.member_starts.append(end)
                break  # nothing is read across a break: no need for more now
            else:
                pieces.append(event)
                got += len(event)
                end += len(event)
            if got >= want:
                break
        else:
            self.exhausted = True
        if pieces:
            if self.pos >= len(self.buf):
                self.base += len(self.buf)
                self.buf = pieces[0] if len(pieces) == 1 else b"".join(pieces)
            else:
                self.base += self.pos
                self.buf = b"".join([self.buf[self.pos :], *pieces])
            self.pos = 0
        return took

    def _limit(self) -> int:
        """The logical end of the bytes readable without crossing a break."""
        return self.breaks[0][0] if self.breaks else self.end

    def _ensure(self, upto: int) -> bool:
        """Make the bytes up to ``upto`` readable; False if the input or a break comes first."""
        while True:
            limit = self._limit()
            if limit >= upto:
                return True
            if self.breaks or not self._fill(upto - limit):
                return False

    def _advance(self, to: int) -> None:
        """Let go of everything before logical position ``to`` (which is within the buffer)."""
        self.pos = to - self.base
        if self.pos >= len(self.buf):
            self.base += len(self.buf)
            self.buf, self.pos = b"", 0
        elif self.pos > COMPACT_BYTES and self.pos > len(self.buf) // 2:
            # Most of a large buffer is done with (a big record handed on): keep only the rest, so the record's
            # block is not held a second time inside the buffer while the consumer works on it.
            self.base += self.pos
            self.buf, self.pos = self.buf[self.pos :], 0
        while self.member_starts and self.member_starts[0] < to:
            self.member_starts.popleft()

    def _discard_to(self, frm: int, to: int) -> tuple[int, bool]:
        """Consume bytes up to ``to`` as they stream (a too-large record): (where consuming stopped, whether a gzip
        member starting a record stopped it — then the record's Content-Length was wrong)."""
        while True:
            limit = min(self._limit(), to)
            cursor = self.base + self.pos
            for member_start in self.member_starts:
                if member_start > limit:
                    break
                if member_start > frm and self._starts_record(member_start):
                    self._advance(member_start)
                    return member_start, True
            self._advance(max(limit, cursor))
            if limit >= to or self.breaks or not self._fill():
                return limit, False

    # -- lineage ---------------------------------------------------------------------------------------------------
    def _where(self, start: int, end: int, lead: int | None = None) -> tuple[int, int, str]:
        """(offset, length, archive_format) of the bytes [start, end).

        In a gzip file, bytes that a run of whole members holds alone (but for line breaks) are addressed by that
        run's compressed offset and length; ``lead`` is where the line breaks before ``start`` began, since a
        member starting among them still starts with this record. Anything else is addressed by its position in
        the decompressed stream."""
        kind = self.kind or "warc"
        if not self.gzipped:
            return start, end - start, kind
        members = self.members
        while members and members[0][1] <= start:
            members.popleft()
        if members and (lead if lead is not None else start) <= members[0][0] <= start:
            offset = members[0][2]
            for _, member_end, member_offset, member_length in members:
                if member_end >= end:
                    tail = self.buf[end - self.base : member_end - self.base]
                    if member_end - self.base <= len(self.buf) and not tail.strip(LINE_BREAKS):
                        return offset, member_offset + member_length - offset, f"{kind}.gz"
                    break
        return start, end - start, f"{kind}.gz/stream"

    def _skip(self, reason: str, start: int, end: int, detail: str, lead: int | None = None) -> Skip:
        offset, length, archive_format = self._where(start, end, self.lead if lead is None else lead)
        if archive_format.endswith("/stream"):
            detail = f"{detail} (at byte {start} of the decompressed stream)"
        return Skip(reason, self.path, offset, detail[:500], length)

    # -- record starts ---------------------------------------------------------------------------------------------
    def _starts_record(self, at: int) -> bool | None:
        """Does a record header start at ``at``? None when too few bytes are readable to tell."""
        index = at - self.base
        head = self.buf[index : min(index + len(WARC_MAGIC), self._limit() - self.base)]
        if head == WARC_MAGIC:
            return self.kind != "arc"
        if self.kind == "warc":
            if len(head) < len(WARC_MAGIC):
                return None if at + len(WARC_MAGIC) > self._limit() and not self._complete() else False
            return False
        line_end = self.buf.find(b"\n", index, index + MAX_HEADER_BYTES)
        if line_end < 0:
            if self._complete() or self._limit() - at >= MAX_HEADER_BYTES:
                line_end = self._limit() - self.base
            else:
                return None
        return ARC_HEADER.fullmatch(self.buf[index:line_end].rstrip(b"\r")) is not None

    def _swallowed_by_break(self, end: int) -> bool:
        """Do bytes ending at ``end`` end where a damaged member's output was cut off? Then the damage's own skip
        accounts for them, and nothing else may."""
        return bool(self.breaks) and self.breaks[0][0] == end and self.breaks[0][2]

    def _complete(self) -> bool:
        return bool(self.breaks) or self.exhausted

    def _is_record_start(self, at: int) -> bool:
        while True:
            answer = self._starts_record(at)
            if answer is not None:
                return answer
            if not self._fill():
                return bool(self._starts_record(at))

    def _next_record_start(self, frm: int) -> int:
        """The first logical position ≥ ``frm`` where a record may start (a gzip member start or a header line), or
        the end of the readable bytes. Bytes searched are let go of as the search streams on."""
        search = frm
        while True:
            limit = self._limit()
            candidates = []
            # A gzip member starts a new unit whatever it holds: a damaged span never runs past one.
            for start in self.member_starts:
                if start >= limit:
                    break
                if start >= search:
                    candidates.append(start)
                    break
            index = search - self.base
            stop = limit - self.base
            if self.kind != "arc":
                found = self.buf.find(b"\n" + WARC_MAGIC, max(index - 1, self.pos), stop)
                if found >= 0 and found + 1 >= search:
                    candidates.append(self.base + found + 1)
            if self.kind != "warc":
                match = ARC_LINE_START.search(self.buf, max(index, self.pos), stop)
                while match is not None and not self._starts_record(self.base + match.start()):
                    match = ARC_LINE_START.search(self.buf, match.start() + 1, stop)
                if match is not None:
                    candidates.append(self.base + match.start())
            candidates = [c for c in candidates if c >= search]
            if candidates:
                return min(candidates)
            # Nothing yet: keep the last few bytes (a magic cut in two), let go of the rest, read on.
            keep_from = max(search, limit - MAX_HEADER_BYTES)
            if limit - keep_from > len(WARC_MAGIC) and self.kind == "warc":
                keep_from = limit - len(WARC_MAGIC) - 1
            self._advance(max(keep_from, self.base + self.pos))
            search = keep_from
            if self.breaks or not self._fill():
                return self._limit()

    # -- framing ---------------------------------------------------------------------------------------------------
    def _skip_line_breaks(self) -> bool:
        """Move past CR/LF between records; False at the end of the readable bytes."""
        while True:
            index, stop = self.pos, self._limit() - self.base
            buf = self.buf
            while index < stop and buf[index] in LINE_BREAKS:
                index += 1
            self._advance(self.base + index)
            if index < stop:
                return True
            if self.breaks or not self._fill():
                return False

    def _header_end(self, start: int) -> tuple[int, int] | None:
        """(end of the header text, start of the block) for the WARC header at ``start``; None if none within
        ``MAX_HEADER_BYTES`` of readable bytes."""
        searched = start
        while True:
            limit = min(self._limit(), start + MAX_HEADER_BYTES)
            buf, base = self.buf, self.base
            frm = max(searched - 2, start) - base
            crlf = buf.find(b"\n\r\n", frm, limit - base)
            lf = buf.find(b"\n\n", frm, crlf + 2 if crlf >= 0 else limit - base)
            if lf >= 0 and (crlf < 0 or lf < crlf):
                return base + lf, base + lf + 2
            if crlf >= 0:
                return base + crlf, base + crlf + 3
            searched = limit
            if limit >= start + MAX_HEADER_BYTES or self.breaks or not self._fill():
                return None

    def _arc_header_end(self, start: int) -> tuple[int, int] | None:
        searched = start
        while True:
            limit = min(self._limit(), start + MAX_HEADER_BYTES)
            found = self.buf.find(b"\n", searched - self.base, limit - self.base)
            if found >= 0:
                return self.base + found, self.base + found + 1
            searched = limit
            if limit >= start + MAX_HEADER_BYTES or self.breaks or not self._fill():
                return None

    def _fast_record(self) -> WarcRecord | None:
        """The next record when the buffer holds all of it, well formed and followed by line breaks and then a
        record start, a gzip member's end or the end of the input — the usual case, read here in one go. None
        (nothing consumed) for anything else, which the general path reads and judges."""
        buf, pos, base = self.buf, self.pos, self.base
        limit = self._limit() - base
        lead = base + pos
        while pos < limit and buf[pos] in LINE_BREAKS:
            pos += 1
        if buf[pos : pos + 5] != WARC_MAGIC or self.kind == "arc":
            return None
        header_limit = min(limit, pos + MAX_HEADER_BYTES)
        crlf = buf.find(b"\n\r\n", pos, header_limit)
        lf = buf.find(b"\n\n", pos, crlf + 2 if crlf >= 0 else header_limit)
        if lf >= 0 and (crlf < 0 or lf < crlf):
            header_end, block_start = lf, lf + 2
        elif crlf >= 0:
            header_end, block_start = crlf, crlf + 3
        else:
            return None
        headers = parse_warc_fields(buf[pos:header_end].decode("utf-8", "replace"))
        if headers is None:
            return None
        length_value = headers.get("content-length", "")
        if not (length_value.isdigit() and length_value.isascii()):
            return None
        block_end = block_start + int(length_value)
        if block_end > limit or block_end - block_start > self.max_record_bytes:
            return None
        after = block_end
        while after < limit and buf[after] in LINE_BREAKS:
            after += 1
        if after < limit:
            if buf[after : after + 5] != WARC_MAGIC:
                return None
        elif not (self.exhausted and not self.breaks) and not (self.members and self.members[-1][1] == base + limit):
            return None  # what follows is not read yet (the end of a member read whole is as good as a record start)
        start = base + pos
        self.kind = self.kind or "warc"
        self.records += 1
        offset, length, archive_format = self._where(start, base + block_end, lead)
        block = buf[block_start:block_end]
        self._advance(base + after if after >= limit else base + block_end)
        return WarcRecord(headers.get("warc-type", "").lower(), headers, block, self.path, offset, length, None,
                          archive_format)

    def __iter__(self) -> Iterator[WarcRecord | Skip]:
        fast_record = self._fast_record
        while True:
            while self.breaks and self.breaks[0][0] <= self.base + self.pos:
                yield self.breaks.popleft()[1]
            if self.pos >= len(self.buf) and not self.breaks and not self.exhausted:
                self._fill()
            if self.pos < len(self.buf):
                record = fast_record()
                if record is not None:
                    yield record
                    continue
            self.lead = self.base + self.pos
            if not self._skip_line_breaks():
                if self.breaks:
                    continue
                break
            start = self.base + self.pos
            if not self._is_record_start(start):
                yield from self._junk(start)
                continue
            yield from self._record(start)

    def _junk(self, start: int) -> Iterator[Skip]:
        """Bytes where a record should start that are none: one skip up to the next record start."""
        index = start - self.base
        seen = bytes(self.buf[index : index + 40])
        resume = self._next_record_start(start + 1)
        if self.records == 0 and start == 0 and resume >= self._limit() and not self.breaks:
            # No record anywhere: the file is not an archive this reader knows.
            self._advance(resume)
            what = ("gzip-compressed " if self.gzipped else "") + describe_bytes(self.sniffed)
            yield self._skip(UNSUPPORTED_FORMAT, start, resume, f"{what}, not WARC or ARC (starts {seen!r})")
            return
        self._advance(max(resume, self.base + self.pos))
        if self._swallowed_by_break(resume):
            return
        expected = "an ARC header line" if self.kind == "arc" else "a WARC header"
        yield self._skip(MALFORMED_HEADER, start, resume, f"{resume - start} bytes that are not {expected}: {seen!r}")

    def _record(self, start: int) -> Iterator[WarcRecord | Skip]:
        index = start - self.base
        is_warc = self.buf[index : index + len(WARC_MAGIC)] == WARC_MAGIC
        bounds = self._header_end(start) if is_warc else self._arc_header_end(start)
        if bounds is None:
            yield from self._bad_record(start, start + 1, MALFORMED_HEADER, "no end of header")
            return
        header_end, block_start = bounds
        raw_header = bytes(self.buf[start - self.base : header_end - self.base])
        if is_warc:
            self.kind = self.kind or "warc"
            text = raw_header.decode("utf-8", "replace")
            headers = parse_warc_fields(text)
            if headers is None:
                yield from self._bad_record(start, block_start, MALFORMED_HEADER, "not a WARC header")
                return
            length_value = headers.get("content-length", "")
            if not (length_value.isdigit() and length_value.isascii()):
                yield from self._bad_record(start, block_start, MALFORMED_HEADER,
                                            f"missing or bad Content-Length {length_value[:20]!r}")
                return
            content_length = int(length_value)
        else:
            self.kind = self.kind or "arc"
            parsed = parse_arc_header(raw_header.rstrip(b"\r"))
            if isinstance(parsed, str):
                yield from self._bad_record(start, block_start, MALFORMED_HEADER, parsed)
                return
            headers, content_length = parsed
        block_end = block_start + content_length
        self.records += 1
        if content_length > self.max_record_bytes:
            reached, cut_short = self._discard_to(start, block_end)
            if cut_short:
                yield self._skip(TRUNCATED_RECORD, start, reached, f"block has {reached - block_start} of "
                                 f"{content_length} bytes: the next record starts inside it")
                return
            if reached == block_end:
                self._after_block(block_end)  # reads on to the member's end, which addresses the record
            skip = self._skip(TOO_LARGE, start, reached, f"record larger than {self.max_record_bytes} bytes "
                              f"(Content-Length {content_length})")
            if reached < block_end and not self.breaks:
                skip.detail += "; the input ends inside it"
            yield skip
            return
        if not self._ensure(block_end):
            if self.breaks:  # the damage that follows accounts for this record; nothing is read across it
                self._advance(self._limit())
                return
            # The input ends inside the block. A gzip member that starts a record inside it says the Content-Length
            # was wrong (too long): this record ends there, and the next one is read, not swallowed.
            for member_start in list(self.member_starts):
                if block_start < member_start < self.end and self._starts_record(member_start):
                    self._advance(member_start)
                    yield self._skip(TRUNCATED_RECORD, start, member_start,
                                     f"block has {member_start - block_start} of {content_length} bytes: the next "
                                     "record starts inside it")
                    return
            have = self.end - block_start
            end = self.end
            self._advance(end)
            yield self._skip(TRUNCATED_RECORD, start, end, f"block has {have} of {content_length} bytes")
            return
        # Content-Length is authoritative; what follows the block must be line breaks and then a record start. A
        # record that runs into a damaged member's cut-off output cannot be confirmed whole: the damage's skip
        # accounts for it (a gzip member cut short is one row, whatever it held).
        after = self._after_block(block_end)
        if after != "ok":
            resume = self._limit() if after == "damaged" else self._next_record_start(block_start)
            if self._swallowed_by_break(resume):
                self._advance(resume)
                return
            yield from self._mismatch(start, block_start, block_end, content_length, resume)
            return
        buf, base = self.buf, self.base
        block = bytes(buf[block_start - base : block_end - base])
        if is_warc:
            warc_type = headers.get("warc-type", "").lower()
        else:
            warc_type = _arc_type(headers["warc-target-uri"], block)
            headers["warc-type"] = warc_type
        offset, length, archive_format = self._where(start, block_end, self.lead)
        self._advance(block_end)
        yield WarcRecord(warc_type, headers, block, self.path, offset, length, None, archive_format)

    def _after_block(self, block_end: int) -> str:
        """What follows a record's block: ``ok`` (line breaks, then a record start, a gzip member, the end or a
        clean break), ``damaged`` (line breaks, then a damaged member's cut-off output: the record cannot be
        confirmed whole) or ``junk`` (other bytes)."""
        at = block_end
        while True:
            limit = self._limit()
            buf, base = self.buf, self.base
            index = at - base
            while index < limit - base and buf[index] in LINE_BREAKS:
                index += 1
            at = base + index
            if at < limit:
                # A gzip member starting after the block separates records whatever it holds (its damage is its own).
                if any(block_end <= member_start <= at for member_start in self.member_starts):
                    return "ok"
                return "ok" if self._is_record_start(at) else "junk"
            if self.breaks:
                return "damaged" if self._swallowed_by_break(at) else "ok"
            if not self._fill():
                return "ok"

    def _mismatch(self, start: int, block_start: int, block_end: int, content_length: int,
                  resume: int) -> Iterator[Skip]:
        """The bytes after a record's declared block are no record: its Content-Length is wrong. One skip covers
        the record and the bytes up to the next record start (``resume``), which may lie inside the block."""
        if resume < block_end:
            detail = f"block has {resume - block_start} of {content_length} bytes: the next record starts inside it"
            reason = TRUNCATED_RECORD
        else:
            detail = f"Content-Length {content_length} is followed by {resume - block_end} bytes that are no record"
            reason = CONTENT_LENGTH_MISMATCH
        self._advance(max(resume, self.base + self.pos))
        yield self._skip(reason, start, resume, detail)

    def _bad_record(self, start: int, search_from: int, reason: str, detail: str) -> Iterator[Skip]:
        resume = self._next_record_start(search_from)
        self._advance(max(resume, self.base + self.pos))
        if self._swallowed_by_break(resume):
            return
        self.records += 1
        yield self._skip(reason, start, resume, detail)


# ---- entry points --------------------------------------------------------------------------------------------
def iter_records(stream: BinaryIO, path: str, max_record_bytes: int) -> Iterator[WarcRecord | Skip]:
    """Every record of a WARC or ARC file in order, or a ``Skip`` for each damaged span: the format is read from the
    bytes (gzip per record, whole-file gzip or uncompressed), never from the name."""
    head = stream.read(SNIFF_BYTES)
    container, problem = sniff_format(head)
    stream = PrefixedStream(head, stream)
    if problem is not None:
        yield Skip(UNSUPPORTED_FORMAT, path, 0, f"{problem}, not WARC or ARC", None)
        return
    if container == "gzip":
        sniffed = head
        try:
            from pipeline.core.inflate import zlib_impl

            sniffed = zlib_impl.decompressobj(31).decompress(head, SNIFF_BYTES)
        except Exception:  # a damaged first member: the framer and inflater report it
            pass
        yield from _Framer(inflate_members(stream, path), path, max_record_bytes, True, sniffed)
        return

    def plain_chunks() -> Iterator[bytes]:
        while True:
            chunk = stream.read(READ_CHUNK)
            if not chunk:
                return
            yield chunk

    yield from _Framer(plain_chunks(), path, max_record_bytes, False, head)


# The stages call the reader by this name.
iter_warc_stream = iter_records


def records_in_range(data: bytes, path: str, offset: int, length: int) -> list[WarcRecord | Skip]:
    """The records in bytes fetched by (offset, length) from an index row: a gzip member run or raw record bytes."""
    import io

    items = list(iter_records(io.BytesIO(data), path, max(len(data) * 64, 1 << 20)))
    for item in items:
        item.offset = offset
        if isinstance(item, WarcRecord):
            item.length = length
    return items


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
                yield Skip(MALFORMED_JSON, item.path, item.offset, f"{type(exc).__name__}: {exc}"[:200], item.length)
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

    The header end is searched within ``MAX_HEADER_BYTES`` (CRLF or bare LF), never through the body. The status
    must be three ASCII digits (RFC 9110): anything else is not an HTTP response we can use, and an unbounded number
    would not fit the int32 ``status`` columns downstream."""
    if not block.startswith(b"HTTP/"):
        return None
    limit = min(len(block), MAX_HEADER_BYTES)
    crlf = block.find(b"\n\r\n", 0, limit)
    lf = block.find(b"\n\n", 0, crlf + 2 if crlf >= 0 else limit)
    if lf >= 0 and (crlf < 0 or lf < crlf):
        end, body_start = lf, lf + 2
    elif crlf >= 0:
        end, body_start = crlf, crlf + 3
    elif limit == len(block):  # headers only, no blank line before the end
        end = body_start = len(block)
    else:
        return None
    head = block[:end].decode("iso-8859-1").split("\n")
    status_line = head[0].strip().split(" ", 2)
    if len(status_line) < 2:
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
    return HttpResponse(status, headers, block, body_start)


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


def parse_warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
    except (ValueError, OverflowError):  # OverflowError: 0001-01-01T00:00:00+01:00 is before year 1 in UTC
        return None


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
