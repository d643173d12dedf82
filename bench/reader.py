"""Benchmark: WARC records per second of corpusforge's reader against warcio's ArchiveIterator.

warcio is what datatrove's WarcReader uses. Both read the same sample-crawl WARC files in one run, on one core,
and touch every record's payload. Run:

    .venv/bin/python bench/reader.py --scale 4

It prints records/s for each and the ratio (corpusforge / warcio). warcio stops at the first damaged gzip
member of a file, so the files are read intact (the sample's deliberate damage is skipped for warcio's sake).
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

from bench_results import save_result

from pipeline.sample import generate_sample
from pipeline.warc import WarcRecord, iter_warc_stream


def intact_files(root: Path) -> list[Path]:
    import json

    truth = json.loads((root / "truth.json").read_text())
    damaged = {d["file"] for d in truth["damaged"]}
    return [root / p for p in truth["files"]["warc"] if p not in damaged]


def run_corpusforge(blobs: list[bytes]) -> tuple[int, int]:
    records = size = 0
    for blob in blobs:
        for item in iter_warc_stream(io.BytesIO(blob), "bench", 1 << 26):
            if isinstance(item, WarcRecord):
                records += 1
                size += len(item.block)
    return records, size


def run_warcio(blobs: list[bytes]) -> tuple[int, int]:
    from warcio.archiveiterator import ArchiveIterator

    records = size = 0
    for blob in blobs:
        for record in ArchiveIterator(io.BytesIO(blob)):
            records += 1
            size += len(record.content_stream().read())
    return records, size


def timed(function, blobs, repeat: int) -> tuple[float, int]:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        records, _ = function(blobs)
        best = min(best, time.process_time() - started)
    return best, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate_sample(root, seed=1, scale=args.scale)
        blobs = [path.read_bytes() for path in intact_files(root)]
    ours_seconds, ours_records = timed(run_corpusforge, blobs, args.repeat)
    warcio_seconds, warcio_records = timed(run_warcio, blobs, args.repeat)
    assert ours_records == warcio_records, (ours_records, warcio_records)
    mb = sum(len(b) for b in blobs) / 1e6
    print(f"input: {len(blobs)} WARC files, {mb:.1f} MB compressed, {ours_records:,} records")
    print(f"corpusforge reader: {ours_records / ours_seconds:,.0f} records/CPU-s")
    print(f"warcio (anchor):    {warcio_records / warcio_seconds:,.0f} records/CPU-s")
    print(f"ratio corpusforge / warcio: {warcio_seconds / ours_seconds:.2f}x")
    save_result("reader", sys.argv, "warcio ArchiveIterator, records per CPU-second (datatrove's WarcReader uses it)",
                figures={"WARC files": len(blobs), "MB compressed": mb, "records": ours_records,
                         "corpusforge records/CPU-s": ours_records / ours_seconds,
                         "warcio records/CPU-s": warcio_records / warcio_seconds},
                ratios={"corpusforge / warcio": warcio_seconds / ours_seconds})


if __name__ == "__main__":
    main()
