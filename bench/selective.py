"""Selective fetch (inputs.cc_index) against the full scan: bytes read, requests, wall and CPU seconds, documents per
CPU-second, for allowlists of 5/20/50/100% of the hosts, on local files and on a loopback S3 server (moto_server).

Both paths run the reader code the stages run (pipeline/lib/ccindex.py: plan, coalesce, ranged reads; the full scan:
iter_records over every file) with the stage's first checks (WARC type, allowlist, HTTP status, HTML type), in one
process without Spark so the figures are the I/O and parsing that differ. "Documents" are the records that reach
text extraction; extraction costs the same on both paths and is left out. moto_server's own CPU is not counted.

    PYTHONPATH=. python bench/selective.py [--sample DIR] [--scale 2]

A projection for a full release scales the measured shares: ~90,000 WARC files, ~100 TB, ~3 billion captures,
GET $0.0004 per 1,000 requests, transfer within us-east-1 free.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import subprocess
import sys
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

    from pipeline.core.config import FetchConfig, S3Config
    from pipeline.core.storage import list_inputs, s3_client
    from pipeline.lib.hosts import normalize_host, reverse_host
    from pipeline.sample import generate_sample

    if not (args.sample / "truth.json").exists():
        generate_sample(args.sample, seed=1, scale=args.scale)
    index_dir = args.sample / "cc-index/table/cc-main/warc/crawl=CC-MAIN-SAMPLE/subset=warc"
    hosts = sorted({reverse_host(normalize_host(h)[0]) for h in
                    pq.read_table(index_dir, columns=["url_host_name"])["url_host_name"].to_pylist()})
    fetch = FetchConfig()
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
                (docs_sel, read_sel, gets_sel, planned), wall_sel, cpu_sel = measure(
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
                if store == "s3":
                    # The release: bytes scale by the measured share; requests by planned records per GET.
                    byte_share = read_sel / warc_bytes
                    gets = RELEASE_CAPTURES * (planned / total_captures(index_dir)) * (gets_sel / max(1, planned))
                    figures.update({f"release {share:.0%}: TB read selective": RELEASE_BYTES * byte_share / 1e12,
                                    f"release {share:.0%}: GET requests selective": gets,
                                    f"release {share:.0%}: GET cost USD selective": gets / 1000 * GET_PRICE_PER_1000,
                                    f"release {share:.0%}: GET cost USD full":
                                        RELEASE_FILES / 1000 * GET_PRICE_PER_1000})
        print(f"{'run':<10} {'MB full':>8} {'MB sel':>8} {'GETs full':>9} {'GETs sel':>8} {'wall full':>9} "
              f"{'wall sel':>8} {'cpu full':>8} {'cpu sel':>8} {'docs/cpu-s full':>15} {'sel':>8}")
        for key, full_b, sel_b, g_full, g_sel, w_full, w_sel, c_full, c_sel, r_full, r_sel in rows:
            print(f"{key:<10} {full_b / 1e6:>8.2f} {sel_b / 1e6:>8.2f} {g_full:>9} {g_sel:>8} {w_full:>9.2f} "
                  f"{w_sel:>8.2f} {c_full:>8.2f} {c_sel:>8.2f} {r_full:>15.0f} {r_sel:>8.0f}")
        for key in sorted(k for k in figures if k.startswith("release")):
            print(f"{key}: {figures[key]:,.2f}")
        save_result("selective", sys.argv, "the full scan of every WARC file (same reader, same first checks)",
                    figures, ratios, goal="selective fetch reads only the allowlisted hosts' HTML records")
    finally:
        moto.terminate()
        moto.wait(timeout=10)


INDEX = "cc-index/table/cc-main/warc/crawl=CC-MAIN-SAMPLE/subset=warc"


def total_captures(index_dir: Path) -> int:
    import pyarrow.parquet as pq

    return pq.read_table(index_dir, columns=["url"]).num_rows


if __name__ == "__main__":
    main()
