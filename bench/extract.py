"""Benchmark: extraction documents per CPU-second against datatrove's WarcReader → Trafilatura → LanguageFilter.

Both chains read the same intact WARC files of the sample crawl, one process each, one after the other, in one
run; CPU time is the child's user+system time including any worker processes it reaped (datatrove extracts in
a sandbox process). datatrove's lid.176 model is pre-placed in its asset cache (HF_HOME in a temporary folder)
so it runs offline. Extraction quality is scored on the same pages: the share of the sample's good pages whose
every paragraph is in the extracted text, and language accuracy. Goal: ≥ 2× with the same or better extraction.

    .venv/bin/python bench/extract.py --scale 2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_results import save_result

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ["en", "de", "fr", "es", "ru", "ja", "zh"]

OURS = r"""
import json, sys
from pipeline.runner import load_config
from pipeline.core.spark import ShippedFile
from pipeline.core.warc import WarcRecord, iter_warc_stream
from pipeline.lib.extraction import extract_row

class Everything:
    value = type("All", (), {"__contains__": lambda self, item: True})()

files, out, model = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
settings = load_config("conf/default.yaml").stages.extract
with open(out, "w") as sink:
    for path in files:
        with open(path, "rb") as handle:
            for record in iter_warc_stream(handle, path, 1 << 26):
                if not isinstance(record, WarcRecord):
                    continue
                for row in extract_row(record, allowed=Everything, settings=settings,
                                       model=ShippedFile("lid.176.ftz", model), crawl="bench"):
                    if row[-4] is None:
                        sink.write(json.dumps({"url": row[1], "lang": row[4], "text": row[9]}) + "\n")
"""

DATATROVE = r"""
import json, sys
from datatrove.pipeline.extractors import Trafilatura
from datatrove.pipeline.filters import LanguageFilter
from datatrove.pipeline.readers import WarcReader

folder, out, languages = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
reader = WarcReader(folder, glob_pattern="*.warc.gz")
extractor = Trafilatura(favour_precision=True, timeout=10)
language = LanguageFilter(languages=languages, language_threshold=0.65)
docs = language.run(extractor.run(reader.run(None, 0, 1), 0, 1), 0, 1)
with open(out, "w") as sink:
    for doc in docs:
        sink.write(json.dumps({"url": doc.metadata.get("url"), "lang": doc.metadata.get("language"),
                               "text": doc.text}) + "\n")
"""


def run_child(code: str, args: list[str], env: dict) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", code, *args], check=True, cwd=ROOT, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def score(output: Path, truth: dict) -> dict:
    docs = [json.loads(line) for line in output.read_text().splitlines()]
    good = [d for d in docs if truth["pages"].get(d["url"], {}).get("quality") == "good"]
    complete = sum(all(p in d["text"] for p in truth["pages"][d["url"]]["text"].split("\n")[1:]) for d in good)
    language = sum(d["lang"] == truth["pages"][d["url"]]["lang"] for d in docs if d["url"] in truth["pages"])
    return {"docs": len(docs), "good_docs": len(good), "complete": complete / max(1, len(good)),
            "language_correct": language / max(1, len(docs))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, default=2)
    args = parser.parse_args()
    from pipeline.sample import generate_sample

    model = str(ROOT / "models" / "lid.176.ftz")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate_sample(root / "crawl", seed=1, scale=args.scale)
        truth = json.loads((root / "crawl" / "truth.json").read_text())
        damaged = {d["file"] for d in truth["damaged"]}
        warc_dir = root / "warc"
        warc_dir.mkdir()
        files = []
        for relative in truth["files"]["warc"]:
            if relative not in damaged:  # warcio, under datatrove's reader, stops at the first damaged member
                target = warc_dir / Path(relative).name
                shutil.copy(root / "crawl" / relative, target)
                files.append(str(target))
        env = {**os.environ, "HF_HOME": str(root / "hf"), "PYTHONPATH": str(ROOT)}
        # Pre-place the model where datatrove's downloader looks, with its completion marker: no download.
        # HF_HOME first: the asset cache location is fixed when huggingface_hub is imported.
        os.environ["HF_HOME"] = env["HF_HOME"]
        from datatrove.io import cached_assets_path
        from datatrove.utils.lid import FT176LID
        from fsspec.core import strip_protocol

        cache = cached_assets_path(library_name="datatrove", namespace="lid", subfolder="ft176")
        local = Path(cache) / strip_protocol(FT176LID.MODEL_URL).replace("/", "_")
        shutil.copy(model, local)
        Path(f"{local}.completed").touch()

        ours_out, theirs_out = root / "ours.jsonl", root / "datatrove.jsonl"
        ours_cpu = run_child(OURS, [json.dumps(files), str(ours_out), model], env)
        theirs_cpu = run_child(DATATROVE, [str(warc_dir), str(theirs_out), json.dumps(LANGUAGES)], env)
        ours, theirs = score(ours_out, truth), score(theirs_out, truth)
    print(f"input: {len(files)} WARC files of the sample crawl at scale {args.scale}")
    print(f"{'chain':<12} {'docs':>6} {'CPU s':>7} {'docs/CPU-s':>11} {'good pages complete':>20} {'language ok':>12}")
    for name, result, cpu in (("corpusforge", ours, ours_cpu), ("datatrove", theirs, theirs_cpu)):
        print(f"{name:<12} {result['docs']:>6} {cpu:>7.1f} {result['docs'] / cpu:>11.1f} "
              f"{result['complete']:>20.1%} {result['language_correct']:>12.1%}")
    ratio = (ours["docs"] / ours_cpu) / (theirs["docs"] / theirs_cpu)
    print(f"ratio corpusforge / datatrove (docs per CPU-second): {ratio:.2f}x  (goal ≥ 2x)")
    figures = {"WARC files": len(files), "sample scale": args.scale}
    for name, result, cpu in (("corpusforge", ours, ours_cpu), ("datatrove", theirs, theirs_cpu)):
        figures |= {f"{name} docs": result["docs"], f"{name} CPU s": cpu, f"{name} docs/CPU-s": result["docs"] / cpu,
                    f"{name} good pages complete %": 100 * result["complete"],
                    f"{name} language ok %": 100 * result["language_correct"]}
    save_result("extract", sys.argv, "datatrove WarcReader → Trafilatura → LanguageFilter, docs per CPU-second",
                goal="≥ 2× with the same or better extraction", figures=figures,
                ratios={"corpusforge / datatrove": ratio})


if __name__ == "__main__":
    main()
