"""Selective fetch (inputs.cc_index) against the full scan: bytes read, requests, wall and CPU seconds, documents per
CPU-second, for allowlists of 5/20/50/100% of the hosts, on local files and on a loopback S3 server (moto_server).

Both paths run the reader code the stages run (pipeline/lib/ccindex.py: plan, coalesce, ranged reads; the full scan:
iter_records over every file) with the stage's first checks (WARC type, allowlist, HTTP status, HTML type), in one
process without Spark so the figures are the I/O and parsing that differ. "Documents" are the records that reach
text extraction; extraction costs the same on both paths and is left out. moto_server's own CPU is not counted.

    PYTHONPATH=. python bench/selective.py [--sample DIR] [--scale 2]

The sample's records are small (its 20% allowlist already makes coalescing read most of a file), so the projection
for a full release does not scale the sample's shares. It models a release's WARC files instead (release_model):
captures with the compressed record lengths of real pages (the 1,163 HTML pages of ../shared/realweb/extraction in
Common Crawl's request/response/metadata records, gzip per record, as bench/reader.py builds them), written in fetch
order with the hosts interleaved uniformly at random, indexed in Common Crawl's columns; the real planner (_plan) and
coalescer (coalesce) of pipeline/lib/ccindex.py choose the reads for max_gap_bytes 0 and the configured default.
Release: ~90,000 WARC files, ~100 TB, ~3 billion captures (~33,000 per file, ~33 KB per capture with its request
and metadata records); GET $0.0004 per 1,000 requests; transfer within us-east-1 (conf/cluster.yaml's region) free.
Times assume REQUEST_LATENCY_S per request and STREAM_BYTES_PER_S per stream, reads one after another in a task
as _fetch_rows issues them.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_results import ROOT, save_result

RELEASE_FILES = 90_000
RELEASE_BYTES = 100e12
RELEASE_CAPTURES = 3.0e9
GET_PRICE_PER_1000 = 0.0004
SHARES = (0.05, 0.2, 0.5, 1.0)
HEADLINE_SHARES = (0.05, 0.2)
# The release model. Captures per WARC file: the release's captures over its files. A modeled file's captures belong
# to hosts of MODEL_CAPTURES_PER_HOST captures each (so a share of hosts is the same share of captures), placed in a
# uniformly random order: Common Crawl writes captures in fetch order, many hosts' fetch queues interleaved.
MODEL_FILES = 3
MODEL_CAPTURES_PER_HOST = 10
MODEL_SEED = 23
# Time assumptions for S3 within the region: "tens of milliseconds" to the first byte of a small GET and ~90 MB/s on
# one connection (AWS's S3 performance guidelines). Reading through a gap pays off while it is shorter than
# REQUEST_LATENCY_S * STREAM_BYTES_PER_S.
REQUEST_LATENCY_S = 0.03
STREAM_BYTES_PER_S = 90e6
# Gaps the model sweeps to show where max_gap_bytes pays off. Recorded in full: 0, the configured default, and the
# default before this model (64 KiB, chosen on the sample's small records) for comparison.
PREVIOUS_DEFAULT_GAP = 64 << 10
SWEEP_GAPS = (0, 4 << 10, 16 << 10, 64 << 10, 256 << 10, 1 << 20, 2 << 20, 4 << 20)


class Counter:  # a Spark accumulator's add/value, outside Spark
    def __init__(self):
        self.value = 0

    def add(self, amount):
        self.value += amount


class Allowed:  # a broadcast's .value, outside Spark
    def __init__(self, value):
        self.value = value


def first_checks(record, allowed):
    """What extract decides from the record before the text: the part both paths share."""
    from pipeline.core.warc import parse_content_type, parse_http_response
    from pipeline.lib.extraction import HTML_TYPES
    from pipeline.lib.hosts import reverse_host, url_host

    if record.warc_type != "response":
        return []
    host = url_host(record.target_uri or "")[0]
    if host is None or reverse_host(host) not in allowed.value:
        return []
    http = parse_http_response(record.block)
    if http is None or http.status != 200 or parse_content_type(http.header("content-type"))[0] not in HTML_TYPES:
        return []
    return [("doc",)]


def full_scan(files, s3, allowed):
    from pipeline.core.storage import open_input
    from pipeline.core.warc import WarcRecord, iter_records

    docs = 0
    for path in files:
        with open_input(path, s3) as stream:
            for item in iter_records(stream, path, 64 << 20):
                if isinstance(item, WarcRecord):
                    docs += len(first_checks(item, allowed))
    return docs, len(files)  # one streaming GET per file


def selective(index_files, base_url, listed, s3, allowed, fetch):
    from pipeline.lib.ccindex import _fetch_rows, _plan
    from pipeline.lib.datasets import EXTRACT_DOCS

    groups: dict[str, list] = {}
    for path, offset, length, problem in _plan(index_files, s3=s3, base_url=base_url, listed=Allowed(listed),
                                               allowed=allowed, languages=None):
        assert problem is None, problem
        groups.setdefault(path, []).append({"offset": offset, "length": length})
    bytes_read, requests = Counter(), Counter()
    payload = [{"warc_path": path, "ranges": ranges} for path, ranges in groups.items()]
    docs = sum(1 for row in _fetch_rows(payload, s3=s3, fetch=fetch, max_record_bytes=64 << 20,
                                        row_maker=lambda r: first_checks(r, allowed), dataset=EXTRACT_DOCS,
                                        bytes_read=bytes_read, requests=requests)
               if row == ("doc",))
    planned = sum(len(r) for r in groups.values())
    return docs, bytes_read.value, requests.value, planned


def measure(action):
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def start_moto():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    exe = shutil.which("moto_server", path=str(Path(sys.executable).parent)) or "moto_server"
    env = {**os.environ, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
    process = subprocess.Popen([exe, "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=env)
    for _ in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("moto_server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=Path, default=ROOT / "bench" / "data" / "selective-sample")
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    import pyarrow.parquet as pq

    from pipeline.core.config import S3Config
    from pipeline.core.storage import list_inputs, s3_client
    from pipeline.lib.hosts import normalize_host, reverse_host
    from pipeline.runner import load_config
    from pipeline.sample import generate_sample

    if not (args.sample / "truth.json").exists():
        generate_sample(args.sample, seed=1, scale=args.scale)
    index_dir = args.sample / "cc-index/table/cc-main/warc/crawl=CC-MAIN-SAMPLE/subset=warc"
    hosts = sorted({reverse_host(normalize_host(h)[0]) for h in
                    pq.read_table(index_dir, columns=["url_host_name"])["url_host_name"].to_pylist()})
    fetch = load_config(ROOT / "conf" / "default.yaml").inputs.fetch  # the configured gap, as a run would use
    moto, endpoint = start_moto()
    try:
        bucket = "commoncrawl"
        s3 = S3Config(endpoint_url=endpoint)
        client = s3_client(s3)
        client.create_bucket(Bucket=bucket)
        for path in args.sample.rglob("*"):
            if path.is_file() and path.name != "truth.json":
                client.upload_file(str(path), bucket, str(path.relative_to(args.sample)))
        stores = {"local": (f"{args.sample}/", S3Config()), "s3": (f"s3://{bucket}/", s3)}
        rows, figures, ratios = [], {}, {}
        warc_bytes = sum(p.stat().st_size for p in args.sample.rglob("*.warc.gz"))
        for store, (base, config) in stores.items():
            files = list_inputs("crawl-data/CC-MAIN-SAMPLE/warc.paths.gz", base, config)
            index = list_inputs(f"{INDEX}/*.parquet", base, config)
            for share in SHARES:
                allowed = Allowed(frozenset(random.Random(7).sample(hosts, max(1, round(share * len(hosts))))))
                (docs_full, gets_full), wall_full, cpu_full = measure(partial(full_scan, files, config, allowed))
                (docs_sel, read_sel, gets_sel, _planned), wall_sel, cpu_sel = measure(
                    partial(selective, index, base, frozenset(files), config, allowed, fetch))
                assert docs_sel == docs_full, (store, share, docs_sel, docs_full)
                key = f"{store} {share:.0%}"
                rows.append((key, warc_bytes, read_sel, gets_full, gets_sel, wall_full, wall_sel, cpu_full, cpu_sel,
                             docs_full / cpu_full, docs_sel / cpu_sel))
                figures.update({f"{key}: bytes full": warc_bytes, f"{key}: bytes selective": read_sel,
                                f"{key}: requests selective": gets_sel, f"{key}: cpu s full": cpu_full,
                                f"{key}: cpu s selective": cpu_sel, f"{key}: wall s full": wall_full,
                                f"{key}: wall s selective": wall_sel, f"{key}: docs": docs_full,
                                f"{key}: docs per cpu s full": docs_full / cpu_full,
                                f"{key}: docs per cpu s selective": docs_sel / cpu_sel})
                ratios[f"{key}: docs per CPU-second, selective / full"] = (docs_sel / cpu_sel) / (docs_full / cpu_full)
        with tempfile.TemporaryDirectory(prefix="selective-model-") as work:
            model, sweep = release_model(fetch.max_gap_bytes, Path(work))
        figures.update(model)
        for share in HEADLINE_SHARES:  # the sparse allowlists selective fetch is for; every share is in the figures
            for gap in (0, fetch.max_gap_bytes):
                key = f"release {share:.0%}, max_gap_bytes {gap}"
                ratios[f"release model {share:.0%}, max_gap_bytes {gap}: TB read, selective / full"] = (
                    model[f"{key}: TB read"] / model["release full scan: TB read"])
                ratios[f"release model {share:.0%}, max_gap_bytes {gap}: stream-hours, selective / full"] = (
                    model[f"{key}: stream-hours"] / model["release full scan: stream-hours"])
        for share in SHARES:
            rows_of_share = [row for row in sweep if row[0] == share]
            figures[f"release sweep {share:.0%}: TB read by max_gap_bytes"] = {gap: tb for _, gap, tb, _, _ in
                                                                               rows_of_share}
            figures[f"release sweep {share:.0%}: GET requests by max_gap_bytes"] = {
                gap: requests for _, gap, _, requests, _ in rows_of_share}
            figures[f"release sweep {share:.0%}: stream-hours by max_gap_bytes"] = {
                gap: hours for _, gap, _, _, hours in rows_of_share}
        print(f"{'run':<10} {'MB full':>8} {'MB sel':>8} {'GETs full':>9} {'GETs sel':>8} {'wall full':>9} "
              f"{'wall sel':>8} {'cpu full':>8} {'cpu sel':>8} {'docs/cpu-s full':>15} {'sel':>8}")
        for key, full_b, sel_b, g_full, g_sel, w_full, w_sel, c_full, c_sel, r_full, r_sel in rows:
            print(f"{key:<10} {full_b / 1e6:>8.2f} {sel_b / 1e6:>8.2f} {g_full:>9} {g_sel:>8} {w_full:>9.2f} "
                  f"{w_sel:>8.2f} {c_full:>8.2f} {c_sel:>8.2f} {r_full:>15.0f} {r_sel:>8.0f}")
        for key, value in model.items():
            print(f"{key}: {value:,.4g}")
        full_hours = model["release full scan: stream-hours"]
        print(f"\nrelease model sweep (stream-hours: {REQUEST_LATENCY_S * 1000:.0f} ms per request + bytes at "
              f"{STREAM_BYTES_PER_S / 1e6:.0f} MB/s, one stream; full scan {full_hours:,.0f})")
        print(f"{'share':>6} {'max_gap_bytes':>13} {'TB read':>8} {'GET requests':>14} {'GET USD':>8} {'stream-h':>9}")
        for share, gap, tb, requests, hours in sweep:
            print(f"{share:>6.0%} {gap:>13} {tb:>8.2f} {requests:>14,.0f} {requests / 1000 * GET_PRICE_PER_1000:>8.2f} "
                  f"{hours:>9,.0f}")
        anchor = ("the full scan of every WARC file (same reader, same first checks). The release rows model a "
                  f"release's WARC files ({captures_per_file():,} captures each, the compressed record lengths of "
                  "real pages, hosts interleaved uniformly at random) planned and coalesced by "
                  "pipeline/lib/ccindex.py; "
                  f"stream-hours: {REQUEST_LATENCY_S * 1000:.0f} ms per GET plus the bytes at "
                  f"{STREAM_BYTES_PER_S / 1e6:.0f} MB/s, reads one after another as a task issues them; GET "
                  f"${GET_PRICE_PER_1000} per 1,000; transfer within us-east-1 free")
        save_result("selective", sys.argv, anchor, figures, ratios,
                    goal="selective fetch reads only the allowlisted hosts' HTML records")
    finally:
        moto.terminate()
        moto.wait(timeout=10)


INDEX = "cc-index/table/cc-main/warc/crawl=CC-MAIN-SAMPLE/subset=warc"
REALWEB_WARC = ROOT.parent / "shared" / "realweb" / "warc"


# ---- the release model ------------------------------------------------------------------------------------------
def real_capture_lengths(folder: Path) -> list[tuple[int, int, int]]:
    """(request, response, metadata) gzip member lengths of the real pages as Common Crawl writes them: the same
    records bench/reader.py reads, each compressed as its own member (Common Crawl's gzip level, Java's default 6)."""
    import gzip

    from reader import captures, real_pages, warc_records

    records = warc_records(captures(real_pages(folder)))
    lengths = [len(gzip.compress(record, compresslevel=6, mtime=0)) for record in records]
    return [tuple(lengths[i: i + 3]) for i in range(0, len(lengths), 3)]


def real_archive_lengths() -> dict[str, list[int]]:
    """Gzip member lengths per WARC type in the real archives of ../shared/realweb/warc (gzip per record only): a
    cross-check of the modeled request records; their responses are test fixtures, too few to model pages on."""
    from pipeline.core.warc import WarcRecord, iter_records

    lengths: dict[str, list[int]] = {}
    for path in sorted(REALWEB_WARC.rglob("*.warc.gz")):
        with path.open("rb") as stream:
            for item in iter_records(stream, str(path), 64 << 20):
                if isinstance(item, WarcRecord) and item.archive_format == "warc.gz":
                    lengths.setdefault(item.warc_type, []).append(item.length)
    return lengths


def median(values) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def write_model_index(folder: Path, lengths: list[tuple[int, int, int]], per_file: int,
                      rng: random.Random) -> tuple[list[str], list[str], int]:
    """MODEL_FILES WARC files' index rows (Common Crawl's columns) for captures with the given lengths, in a random
    host order: (index files, reversed host names, modeled WARC bytes). The WARC files themselves are not written:
    the planner reads only the index."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.lib.ccindex import arrow_schema
    from pipeline.lib.hosts import reverse_host

    schema = arrow_schema()
    index, hosts, total = [], [], 0
    for number in range(MODEL_FILES):
        names = [f"h{h}-f{number}.example.com" for h in range(per_file // MODEL_CAPTURES_PER_HOST)]
        order = [name for name in names for _ in range(MODEL_CAPTURES_PER_HOST)]
        rng.shuffle(order)
        warc = f"crawl-data/CC-MAIN-MODEL/segments/0/warc/model-{number:05d}.warc.gz"
        offset, offsets, sizes = 0, [], []
        for _ in order:
            request, response, metadata = rng.choice(lengths)
            offsets.append(offset + request)  # the index points at the response; request and metadata flank it
            sizes.append(response)
            offset += request + response + metadata
        total += offset
        rows = {name: [None] * len(order) for name in schema.names}
        rows.update(url=[f"https://{name}/{i}" for i, name in enumerate(order)], url_host_name=order,
                    fetch_status=[200] * len(order), content_mime_type=["text/html"] * len(order),
                    content_mime_detected=["text/html"] * len(order), warc_filename=[warc] * len(order),
                    warc_record_offset=offsets, warc_record_length=sizes)
        path = folder / f"part-{number:05d}.parquet"
        pq.write_table(pa.Table.from_pydict(rows, schema=schema), path)
        index.append(str(path))
        hosts += [reverse_host(name) for name in names]
    return index, hosts, total


def release_model(default_gap: int, work: Path) -> tuple[dict, list[tuple]]:
    """Figures for a full release per share of hosts and gap, from the real planner and coalescer run over modeled
    files (see the module docstring), and the sweep of SWEEP_GAPS as rows (share, gap, TB, requests, stream-hours)."""
    from pipeline.core.config import FetchConfig, S3Config
    from pipeline.core.storage import join_url
    from pipeline.lib.ccindex import _plan, coalesce

    rng = random.Random(MODEL_SEED)
    lengths = real_capture_lengths(work / "realweb")
    index, hosts, model_bytes = write_model_index(work, lengths, captures_per_file(), rng)
    base = f"{work}/"
    listed = frozenset(join_url(base, f"crawl-data/CC-MAIN-MODEL/segments/0/warc/model-{n:05d}.warc.gz")
                       for n in range(MODEL_FILES))
    responses = sorted(response for _, response, _ in lengths)
    per_capture = sum(map(sum, lengths)) / len(lengths)
    archives = real_archive_lengths()
    figures = {
        "release model: real pages": len(lengths),
        "release model: response record bytes median": median(responses),
        "release model: response record bytes mean": sum(responses) / len(responses),
        "release model: response record bytes 90th percentile": responses[int(0.9 * len(responses))],
        "release model: request record bytes median": median(request for request, _, _ in lengths),
        "release model: metadata record bytes median": median(metadata for _, _, metadata in lengths),
        "real archives: response records": len(archives.get("response", [])),
        "real archives: response record bytes median": median(archives.get("response", [0])),
        "real archives: request record bytes median": median(archives.get("request", [0])),
        "release model: bytes per capture (request + response + metadata)": per_capture,
        "release: bytes per capture (release bytes / captures)": RELEASE_BYTES / RELEASE_CAPTURES,
        "release model: captures per WARC file": captures_per_file(),
        "release model: modeled WARC files": MODEL_FILES,
        "release model: assumed request latency s": REQUEST_LATENCY_S,
        "release model: assumed stream MB/s": STREAM_BYTES_PER_S / 1e6,
        "release model: gap that pays off (latency x throughput) bytes": REQUEST_LATENCY_S * STREAM_BYTES_PER_S,
        "release full scan: TB read": RELEASE_BYTES / 1e12,
        "release full scan: GET requests": RELEASE_FILES,
        "release full scan: GET cost USD": RELEASE_FILES / 1000 * GET_PRICE_PER_1000,
        "release full scan: stream-hours": stream_hours(RELEASE_FILES, RELEASE_BYTES),
    }
    sweep = []
    gaps = sorted({0, default_gap, PREVIOUS_DEFAULT_GAP, *SWEEP_GAPS})
    for share in SHARES:
        allowed = Allowed(frozenset(rng.sample(hosts, max(1, round(share * len(hosts))))))
        groups: dict[str, list] = {}
        for path, offset, length, problem in _plan(index, s3=S3Config(), base_url=base, listed=Allowed(listed),
                                                   allowed=allowed, languages=None):
            assert problem is None, problem
            groups.setdefault(path, []).append((offset, length))
        for gap in gaps:
            fetch = FetchConfig(max_gap_bytes=gap)
            reads = [read for ranges in groups.values() for read in coalesce(ranges, fetch)]
            byte_share = sum(end - start for start, end, _ in reads) / model_bytes
            requests = len(reads) / MODEL_FILES * RELEASE_FILES
            hours = stream_hours(requests, byte_share * RELEASE_BYTES)
            sweep.append((share, gap, byte_share * RELEASE_BYTES / 1e12, requests, hours))
            if gap in (0, PREVIOUS_DEFAULT_GAP, default_gap):
                key = f"release {share:.0%}, max_gap_bytes {gap}"
                figures.update({f"{key}: TB read": byte_share * RELEASE_BYTES / 1e12,
                                f"{key}: share of the release's bytes": byte_share,
                                f"{key}: GET requests": requests,
                                f"{key}: GET cost USD": requests / 1000 * GET_PRICE_PER_1000,
                                f"{key}: stream-hours": hours})
    return figures, sweep


def captures_per_file() -> int:
    return round(RELEASE_CAPTURES / RELEASE_FILES)


def stream_hours(requests: float, nbytes: float) -> float:
    """Hours one stream spends on these reads, one after another: a latency per request plus the bytes."""
    return (requests * REQUEST_LATENCY_S + nbytes / STREAM_BYTES_PER_S) / 3600


if __name__ == "__main__":
    main()
