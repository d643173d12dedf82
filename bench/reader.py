"""Benchmark: records per CPU-second of corpusforge's archive reader against FastWARC 2 and warcio, per layout, and
what each recovers from damaged files.

Anchors, side by side in one run, on one core, every record's payload touched:
  FastWARC 2.0 (Rust; ``ArchiveIterator(parse_http=False)``, the fastest WARC reader on PyPI; it reads no ARC),
  warcio 1.8 (``ArchiveIterator``, what datatrove's WarcReader uses; ARC through ``arc2warc``).

Two corpora:
  real pages   Common Crawl-style captures (request, response with the page, metadata; Common Crawl's headers)
               built from the 1,163 real HTML pages of ../shared/realweb/extraction (trafilatura's evaluation set
               and Readability's test pages), unpacked into a temporary folder; the mix of one large and two small
               records per capture is what a real WARC file holds.
  sample       the sample crawl's intact WARC files (--scale), whose pages are small: per-record costs dominate.
Each corpus is written in every layout a reader meets: gzip per record (Common Crawl), whole-file gzip (ClueWeb,
``gzip file.warc``), uncompressed, and the same captures as ARC v1, plain and gzip per record.

Damage: the real-pages file (gzip per record) with a member cut short in the middle, a gzip member that holds no
record, bytes between members that are not gzip, a record whose Content-Length is wrong, and the file cut inside
its last member. Per reader: records delivered, and for corpusforge the rows that account for the rest.

Goal (issue 17): ≥ 1× FastWARC's records per CPU-second on intact files; every record of damaged files accounted.

    .venv/bin/python bench/reader.py --scale 4
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_results import ROOT, save_result

from pipeline.core.warc import Skip, WarcRecord, iter_records
from pipeline.sample import generate_sample

REALWEB = ROOT.parent / "shared" / "realweb" / "extraction"
LAYOUTS = ("warc.gz", "warc.gz whole-file", "warc", "arc", "arc.gz")


# ---- corpora ----------------------------------------------------------------------------------------------------
def real_pages(folder: Path) -> list[bytes]:
    """The real HTML pages: trafilatura's evaluation set and Readability's test pages."""
    for name in ("trafilatura_eval.tar.gz", "mozilla_readability.tar.gz"):
        with tarfile.open(REALWEB / name) as archive:
            archive.extractall(folder, filter="data")
    paths = [*sorted((folder / "trafilatura_eval/tests/cache").glob("*")),
             *sorted((folder / "trafilatura_eval/tests/eval").glob("*")),
             *sorted((folder / "mozilla_readability/test/test-pages").glob("*/source.html"))]
    # Common Crawl truncates payloads at 1 MiB.
    return [path.read_bytes()[: 1 << 20] for path in paths if path.is_file()]


def warc_record(kind: str, uri: str, number: int, block: bytes, extra: list[tuple[str, str]]) -> bytes:
    headers = [("WARC-Type", kind), ("WARC-Date", "2024-02-20T10:11:12Z"),
               ("WARC-Record-ID", f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>"),
               ("Content-Length", str(len(block))), ("WARC-Target-URI", uri), *extra]
    head = "WARC/1.0\r\n" + "".join(f"{name}: {value}\r\n" for name, value in headers) + "\r\n"
    return head.encode() + block + b"\r\n\r\n"


def captures(pages: list[bytes]) -> list[tuple[str, bytes, bytes, bytes]]:
    """(url, request, response, metadata) per page, as Common Crawl writes them."""
    out = []
    for number, page in enumerate(pages):
        url = f"https://www.site{number % 97}.example/article/{number}.html"
        request = (f"GET /article/{number}.html HTTP/1.1\r\nHost: www.site{number % 97}.example\r\n"
                   "User-Agent: CCBot/2.0 (https://commoncrawl.org/faq/)\r\nAccept: text/html,application/xhtml+xml,"
                   "application/xml;q=0.9,*/*;q=0.8\r\nAccept-Language: en-US,en;q=0.5\r\nAccept-Encoding: br,gzip\r\n"
                   "Connection: Keep-Alive\r\n\r\n").encode()
        response = (f"HTTP/1.1 200 OK\r\nDate: Tue, 20 Feb 2024 10:11:12 GMT\r\nServer: nginx\r\nContent-Type: "
                    f"text/html; charset=utf-8\r\nX-Crawler-Content-Encoding: gzip\r\nContent-Length: {len(page)}"
                    "\r\n\r\n").encode() + page
        metadata = (b"fetchTimeMs: 123\r\ncharset-detected: UTF-8\r\nlanguages-cld2: {\"reliable\":true,\"languages\":"
                    b"[{\"code\":\"en\",\"code-iso-639-3\":\"eng\",\"text-bytes\":5000,\"percent\":99}]}\r\n")
        out.append((url, request, response, metadata))
    return out


def warc_records(items) -> list[bytes]:
    records = []
    for number, (url, request, response, metadata) in enumerate(items):
        records.append(warc_record("request", url, 3 * number, request,
                                   [("Content-Type", "application/http; msgtype=request")]))
        records.append(warc_record("response", url, 3 * number + 1, response,
                                   [("Content-Type", "application/http; msgtype=response"),
                                    ("WARC-Identified-Payload-Type", "text/html"), ("WARC-IP-Address", "1.2.3.4")]))
        records.append(warc_record("metadata", url, 3 * number + 2, metadata,
                                   [("Content-Type", "application/warc-fields")]))
    return records


def arc_records(items) -> list[bytes]:
    """ARC v1: a filedesc record, then one record per capture's response (ARC has no request or metadata)."""
    version = b"1 0 corpusforge\nURL IP-address Archive-date Content-type Archive-length\n"
    records = [b"filedesc://bench.arc 0.0.0.0 20080101000000 text/plain %d\n" % len(version) + version + b"\n"]
    for url, _, response, _ in items:
        records.append(b"%s 1.2.3.4 20080101000000 text/html %d\n" % (url.encode(), len(response)) + response + b"\n")
    return records


def layouts(records: list[bytes], arc: list[bytes]) -> dict[str, bytes]:
    member = lambda data: gzip.compress(data, compresslevel=6, mtime=0)  # noqa: E731
    return {
        "warc.gz": b"".join(member(r) for r in records),
        "warc.gz whole-file": member(b"".join(records)),
        "warc": b"".join(records),
        "arc": b"".join(arc),
        "arc.gz": b"".join(member(r) for r in arc),
    }


def sample_records(scale: int) -> list[bytes]:
    """The intact WARC files of the sample crawl, as uncompressed records."""
    import json

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate_sample(root, seed=1, scale=scale)
        truth = json.loads((root / "truth.json").read_text())
        damaged = {d["file"] for d in truth["damaged"]}
        blobs = [(root / p).read_bytes() for p in truth["files"]["warc"] if p not in damaged]
    records = []
    for blob in blobs:
        stream = gzip.decompress(blob)
        starts = [i for i in range(len(stream)) if stream.startswith(b"WARC/1.0\r\n", i) and
                  (i == 0 or stream[i - 4 : i] == b"\r\n\r\n")]
        records += [stream[a:b] for a, b in zip(starts, [*starts[1:], len(stream)], strict=True)]
    return records


# ---- readers ----------------------------------------------------------------------------------------------------
def read_corpusforge(blob: bytes) -> tuple[int, int]:
    records = rows = 0
    for item in iter_records(io.BytesIO(blob), "bench", 1 << 26):
        rows += 1
        if isinstance(item, WarcRecord):
            records += 1
            len(item.block)
    return records, rows


def read_fastwarc(blob: bytes) -> tuple[int, int]:
    from fastwarc import ArchiveIterator

    records = 0
    try:
        for record in ArchiveIterator(io.BytesIO(blob), parse_http=False):
            len(record.reader.read())
            records += 1
    except OSError:  # it stops at the first damage
        pass
    return records, records


def read_warcio(blob: bytes) -> tuple[int, int]:
    from warcio.archiveiterator import ArchiveIterator

    records = 0
    try:
        for record in ArchiveIterator(io.BytesIO(blob), arc2warc=True):
            len(record.content_stream().read())
            records += 1
    except Exception:  # ArchiveLoadFailed and zlib errors: it stops at the first damage
        pass
    return records, records


READERS: dict[str, Callable[[bytes], tuple[int, int]]] = {
    "corpusforge": read_corpusforge, "FastWARC": read_fastwarc, "warcio": read_warcio}


def best_cpu_seconds(reader, blob: bytes, repeat: int) -> tuple[float, int]:
    best, records = float("inf"), 0
    for _ in range(repeat):
        started = time.process_time()
        records, _ = reader(blob)
        best = min(best, time.process_time() - started)
    return best, records


# ---- damage -----------------------------------------------------------------------------------------------------
def damaged_files(records: list[bytes]) -> dict[str, tuple[bytes, int]]:
    """name → (file, records it still holds whole)."""
    members = [gzip.compress(r, compresslevel=6, mtime=0) for r in records]
    n = len(members)
    cut = list(members)
    cut[n // 3] = cut[n // 3][: len(cut[n // 3]) // 2]
    garbage_member = [*members[: n // 3], gzip.compress(b"GARBAGE " * 50, mtime=0), *members[n // 3 :]]
    garbage_bytes = [*members[: n // 3], b"\x00not gzip\x00" * 20, *members[n // 3 :]]
    wrong = list(records)
    wrong[n // 3] = wrong[n // 3].replace(b"Content-Length: ", b"Content-Length: 1", 1)
    wrong_length = [gzip.compress(r, compresslevel=6, mtime=0) for r in wrong]
    return {
        "member cut short in the middle": (b"".join(cut), n - 1),
        "gzip member holding no record": (b"".join(garbage_member), n),
        "bytes that are not gzip between members": (b"".join(garbage_bytes), n),
        "wrong Content-Length": (b"".join(wrong_length), n - 1),
        "file cut inside its last member": (b"".join(members)[:-100], n - 1),
    }


def rate_cell(name: str, rates: dict[str, float], short: dict[str, int]) -> str:
    if name in rates:
        return f"{rates[name]:>22,.0f}"
    return f"{f'stops after {short[name]:,}':>22}" if name in short else f"{'reads no ARC':>22}"


def ratio_cell(versus: dict[str, float], anchor: str, width: int) -> str:
    return f"{versus[anchor]:>{width}.2f}x" if anchor in versus else f"{'—':>{width + 1}}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=4, help="Sample crawl scale for the small-record corpus")
    parser.add_argument("--repeat", type=int, default=3, help="Runs per reader and file; the best counts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        items = captures(real_pages(Path(folder)))
    corpora = {"real pages": layouts(warc_records(items), arc_records(items))}
    sample = sample_records(args.scale)
    corpora["sample"] = layouts(sample, arc_records([]))
    del corpora["sample"]["arc"], corpora["sample"]["arc.gz"]

    figures: dict = {}
    ratios: dict[str, float] = {}
    print(f"{'corpus':<11} {'layout':<19} {'MB':>6} {'records':>8}  " +
          "  ".join(f"{name + ' rec/CPU-s':>22}" for name in READERS) + "   vs FastWARC  vs warcio")
    for corpus, files in corpora.items():
        for layout, blob in files.items():
            rates = {}
            counts = {}
            for name, reader in READERS.items():
                if name == "FastWARC" and layout.startswith("arc"):
                    continue  # FastWARC reads no ARC
                seconds, records = best_cpu_seconds(reader, blob, args.repeat)
                rates[name], counts[name] = records / seconds, records
            expected = counts["corpusforge"]
            # A reader that stops early on an intact layout does not read it (warcio: "non-chunked gzip file"):
            # it is shown with what it read, and no rate.
            short = {name: count for name, count in counts.items() if count != expected}
            for name in short:
                del rates[name]
            key = f"{corpus}, {layout}"
            figures[key] = {"MB": round(len(blob) / 1e6, 2), "records": expected,
                            **{f"{name} records/CPU-s": rate for name, rate in rates.items()},
                            **{f"{name} records read": count for name, count in short.items()}}
            versus = {anchor: rates["corpusforge"] / rates[anchor] for anchor in ("FastWARC", "warcio")
                      if anchor in rates}
            for anchor, value in versus.items():
                ratios[f"{key}: corpusforge / {anchor}"] = value
            print(f"{corpus:<11} {layout:<19} {len(blob) / 1e6:>6.1f} {expected:>8,}  "
                  + "  ".join(rate_cell(name, rates, short) for name in READERS)
                  + f"   {ratio_cell(versus, 'FastWARC', 9)}  {ratio_cell(versus, 'warcio', 6)}", flush=True)

    print("\ndamaged files (real pages, gzip per record): records delivered / rows accounted")
    damage = {}
    for fault, (blob, whole) in damaged_files(warc_records(items)).items():
        delivered = {name: reader(blob) for name, reader in READERS.items()}
        ours_records, ours_rows = delivered["corpusforge"]
        assert ours_records == whole, (fault, ours_records, whole)
        damage[fault] = {"records whole": whole, "corpusforge records": ours_records, "corpusforge rows": ours_rows,
                         "FastWARC records": delivered["FastWARC"][0], "warcio records": delivered["warcio"][0]}
        print(f"  {fault:<42} whole {whole:>5,}: corpusforge {ours_records:>5,} (+{ours_rows - ours_records} "
              f"damage rows), FastWARC {delivered['FastWARC'][0]:>5,}, warcio {delivered['warcio'][0]:>5,}")
    figures["damaged files"] = damage
    skips = [item for item in iter_records(io.BytesIO(damaged_files(warc_records(items))["wrong Content-Length"][0]),
                                           "bench", 1 << 26) if isinstance(item, Skip)]
    print(f"  (a wrong Content-Length is reported as {skips[0].reason})")
    save_result("reader", sys.argv, "FastWARC 2.0 (Rust) and warcio 1.8 ArchiveIterator, records per CPU-second, "
                "same files, payload read", figures=figures, ratios=ratios,
                goal="≥ 1× FastWARC on intact files; every record of damaged files accounted")


if __name__ == "__main__":
    main()
