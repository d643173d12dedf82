"""Gzip members of a file as one decompressed stream, with where each member began and ended.

Common Crawl compresses every record as its own gzip member, so a damaged member loses one record, not the file;
other writers (ClueWeb, many crawlers, ``gzip file.warc``) compress a whole file as one member. Both are read the
same way here: members are inflated in order and their output handed on in pieces, a small member whole, a large
one in ``STREAM_PIECE`` pieces as it inflates, so memory stays bounded whatever the member holds. After each
member comes a ``MemberEnd`` with its compressed offset and length (the lineage Common Crawl's index uses). A
corrupt or truncated member becomes a ``Skip`` with its byte range; reading resumes at the next gzip header, and
the consumer treats the ``Skip`` as a break in the stream: no record is glued together across it.

Inflation uses ISA-L (``isal``) when installed: about twice zlib's speed on web pages, the same API.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

try:  # ISA-L's inflate, a drop-in for zlib's decompressobj at about twice the speed
    from isal import isal_zlib as zlib_impl
except ImportError:  # pragma: no cover - isal is a dependency; zlib keeps the reader working without it
    import zlib as zlib_impl

GZIP_MAGIC = b"\x1f\x8b\x08"
READ_CHUNK = 1 << 20
FIRST_FEED = 2 << 10
# Bound on output per decompress call: a gzip bomb cannot allocate more than this at once.
DECOMPRESS_STEP = 4 << 20
# A member whose output grows past this is handed on in pieces as it inflates instead of whole.
STREAM_PIECE = 8 << 20

CORRUPT_GZIP = "corrupt_gzip"
TRUNCATED_GZIP = "truncated_gzip"


@dataclass(slots=True)
class Skip:
    """A record (or damaged span) that could not be read: why, where, and what was seen."""

    reason: str
    path: str
    offset: int
    detail: str = ""
    length: int | None = None  # bytes of the damaged span, where known


@dataclass(slots=True)
class MemberEnd:
    """The member whose output came last has ended: its compressed offset and length in the file."""

    offset: int
    length: int


@dataclass(slots=True)
class Member:
    """A whole member inflated in one go (the usual case): its output, compressed offset and length."""

    data: bytes
    offset: int
    length: int


class PrefixedStream:
    """A stream with bytes already read from it put back in front (the format sniffer reads the head first)."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self._head = head
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size < 0:
                data, self._head = self._head + self._stream.read(), b""
                return data
            data, self._head = self._head[:size], self._head[size:]
            return data
        return self._stream.read(size)


def inflate_members(stream: BinaryIO, path: str) -> Iterator[Member | bytes | MemberEnd | Skip]:
    """Every gzip member's output in order: a ``Member`` for one inflated whole, else its pieces (``bytes``) and a
    ``MemberEnd``; a ``Skip`` per damaged span."""
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

    def damage_skip(end: int, reason: str, detail: str) -> Skip:
        return Skip(reason, path, damaged_since, detail, end - damaged_since)

    while True:
        while len(buffer) - start < len(GZIP_MAGIC) and fill():
            pass
        if len(buffer) - start <= 0:
            break
        if not buffer.startswith(GZIP_MAGIC, start):
            if damaged_since is None:
                damaged_since, damage_detail = buffer_start + start, "bytes that are not a gzip member"
            found = resync_from(start + 1)
            if found is None:
                break
            start = found
            continue

        decompressor = zlib_impl.decompressobj(31)
        pieces: list[bytes] = []
        held = 0  # bytes in pieces
        streamed = False  # part of this member's output was handed on already
        position = start
        failure: str | None = None
        # Feed the inflater small zero-copy slices that grow: a typical member is a few KB, and zlib copies
        # whatever input follows the member's end, so a large first slice would be copied again for every record.
        feed = FIRST_FEED
        if damaged_since is None and len(buffer) - start >= FIRST_FEED:
            # The usual member, a record of a few KB, in one call; a larger one goes on below from where this ends.
            # (From FIRST_FEED bytes of input the output stays far below DECOMPRESS_STEP: nothing is left unread.)
            view = memoryview(buffer)
            chunk = view[start : start + FIRST_FEED]
            try:
                out = decompressor.decompress(chunk, DECOMPRESS_STEP)
                if decompressor.eof:
                    length = FIRST_FEED - len(decompressor.unused_data)
                else:
                    length = None
                    pieces.append(out)
                    held = len(out)
                    position = start + FIRST_FEED
                    feed = FIRST_FEED * 4
            except zlib_impl.error as exc:
                failure = f"{CORRUPT_GZIP}:{exc}"
            finally:
                chunk.release()
                view.release()
            if failure is None and length is not None:
                yield Member(out, buffer_start + start, length)
                out = None
                start += length
                if start > READ_CHUNK:
                    del buffer[:start]
                    buffer_start += start
                    start = 0
                continue
        while failure is None and not decompressor.eof:
            if position >= len(buffer) and not fill():
                failure = TRUNCATED_GZIP
                break
            view = memoryview(buffer)
            chunk = view[position : position + feed]
            try:
                out = decompressor.decompress(chunk, DECOMPRESS_STEP)
                while True:
                    if out:
                        pieces.append(out)
                        held += len(out)
                    if not decompressor.unconsumed_tail or decompressor.eof:
                        break
                    if held >= STREAM_PIECE:
                        break
                    out = decompressor.decompress(decompressor.unconsumed_tail, DECOMPRESS_STEP)
                # At the member's end the input left over is unused_data; otherwise what this call did not take is
                # unconsumed_tail (CPython can leave the same bytes in both at the end, so they are never added).
                leftover = decompressor.unused_data if decompressor.eof else decompressor.unconsumed_tail
                consumed = len(chunk) - len(leftover)
            except zlib_impl.error as exc:
                failure = f"{CORRUPT_GZIP}:{exc}"
                break
            finally:
                chunk.release()  # the buffer can grow or shrink only when no view of it is alive
                view.release()
            position += consumed
            feed = min(feed * 4, READ_CHUNK)
            if held >= STREAM_PIECE and not decompressor.eof:
                # A large member (a whole-file gzip, a huge record): hand on what is inflated so far. Anything
                # handed on before a damage further on is good data; the damage is reported where it starts.
                if damaged_since is not None:
                    yield damage_skip(buffer_start + start, CORRUPT_GZIP, damage_detail)
                    damaged_since, file_ends_in_damage = None, False
                yield b"".join(pieces)
                pieces.clear()
                held = 0
                streamed = True
                # Let go of input already inflated: a member of gigabytes must not be held whole.
                if position > READ_CHUNK:
                    del buffer[:position]
                    buffer_start += position
                    start -= position
                    position = 0

        if failure is None:
            if damaged_since is not None:
                yield damage_skip(buffer_start + start, CORRUPT_GZIP, damage_detail)
                damaged_since, file_ends_in_damage = None, False
            data = pieces[0] if len(pieces) == 1 else b"".join(pieces)
            # Let go of the pieces before handing the data on: a large record is then held once, not twice.
            pieces.clear()
            if streamed:
                if data:
                    yield data
                yield MemberEnd(buffer_start + start, position - start)
            else:
                yield Member(data, buffer_start + start, position - start)
            data = None
            start = position
            # Keep the buffer small: everything before the next member is done with.
            if start > READ_CHUNK:
                del buffer[:start]
                buffer_start += start
                start = 0
            continue

        if streamed:
            # Output of this member was handed on already: the damage starts where the good output ended, which is
            # somewhere before ``position`` in the compressed bytes; report from there.
            start = max(start, 0)
        if pieces:
            # What inflated before the damage is handed on: whole records in it (a whole-file gzip cut short) are
            # good; the consumer drops the incomplete rest, which the damage's skip accounts for.
            yield b"".join(pieces)
            pieces.clear()
        if failure == TRUNCATED_GZIP:
            # The file ends inside this member. A member cut short in the middle of a file, though, takes the members
            # after it for more deflate input and can reach the file's end without a zlib error: look for them in what
            # was read before calling the rest of the file lost.
            if damaged_since is None:
                damaged_since, damage_detail = buffer_start + start, "gzip member cut short"
            file_ends_in_damage = True
            found = resync_from(start + 1)
            if found is None:
                end = buffer_start + len(buffer)
                yield damage_skip(end, TRUNCATED_GZIP, "file ends inside a gzip member")
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
        end = buffer_start + len(buffer)
        if file_ends_in_damage:
            yield damage_skip(end, TRUNCATED_GZIP, "file ends inside a gzip member")
        else:
            yield damage_skip(end, CORRUPT_GZIP, f"{damage_detail}; no readable gzip member after it")
