"""Benchmark: documents per CPU-second of corpusforge's quality filtering against datatrove's filter chain.

Both sides judge the same documents from the sample text generator (pipeline.sample.text): good blog pages
plus about 12% low-quality ones (keyword stuffing, gibberish, link lists, gambling and adult spam), one after
the other in one process on one core; CPU time is time.process_time() around the loop over the documents.
Both sides are warmed up on a few documents first, so loading (spaCy, segmenters, regexes) is not timed; the
warm-up's CPU time is shown on its own.

corpusforge: compute_signals(text) then decide(signals) with conf/languages/<lang>.yaml, as the filter stage
does. It computes every signal of every document, since the signals are stored for `corpusforge filter retune`.

datatrove (the anchor): for en, FineWeb's chain with datatrove's defaults, GopherRepetitionFilter() →
GopherQualityFilter() → C4QualityFilter(filter_no_terminal_punct=False) → FineWebQualityFilter(); for de, fr,
es and ru, GopherRepetitionFilter → FineWebQualityFilter → GopherQualityFilter with FineWeb-2's values from
the same language files. Each filter's .filter(doc) is called in order and the first failure ends the
document, as datatrove's pipeline does: datatrove stops early on bad documents, corpusforge never does.

Word tokenizer: datatrove 0.10.1 splits the words and sentences of en, de, fr, es and ru with spaCy
(spacy.blank(lang) plus its rule-based sentencizer; no model download, so it runs offline once spaCy is
installed: the `bench` extra). --tokenizer ours runs datatrove's filters on corpusforge's word splitter and
sentence splitter instead: that anchor leaves out the cost of datatrove's own tokenizer. --tokenizer both (the
default) measures both anchors.

Agreement: the share of documents that both sides keep or both drop. For it, corpusforge decides on the rules
datatrove's chain has too: its spam keyword rule is off there (documents dropped only for spam are counted on
their own) and the language score is not checked (both sides are told each document's language).

    .venv/bin/python bench/filter.py --docs 2000
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench_results import save_result

from filters.keywords import load_spam_lexicon
from filters.rules import LanguageRules, compute_signals, decide, load_language_rules
from filters.rules.spam_keywords import SpamRules
from filters.signals import DatatroveWords
from pipeline.sample.text import LOW_QUALITY_KINDS, good_document, low_quality_document

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("en", "de", "fr", "es", "ru")  # the languages datatrove's filters split with spaCy
WARMUP_DOCS = 20

Doc = tuple[str, str, str]  # language, "good" or the low-quality kind, text


@dataclass
class Run:
    name: str
    decisions: list[str | None]  # drop reason per document, None when kept
    cpu: float
    warmup_cpu: float


def make_documents(count: int, languages: list[str], low_quality_share: float, seed: int) -> list[Doc]:
    """Languages in turn, each document low-quality (of a random kind) with the given probability."""
    rng = random.Random(seed)
    docs = []
    for index in range(count):
        lang = languages[index % len(languages)]
        doc_rng = random.Random(rng.getrandbits(64))
        if rng.random() < low_quality_share:
            kind = rng.choice(LOW_QUALITY_KINDS)
            docs.append((lang, kind, low_quality_document(lang, doc_rng, kind).text))
        else:
            docs.append((lang, "good", good_document(lang, doc_rng).text))
    return docs


def timed(judge, docs: list[Doc]) -> tuple[list[str | None], float, float]:
    """(decisions, CPU seconds, warm-up CPU seconds) of judge(docs)."""
    started = time.process_time()
    judge(docs[:WARMUP_DOCS])
    warmup = time.process_time() - started
    started = time.process_time()
    decisions = judge(docs)
    return decisions, time.process_time() - started, warmup


# ---------------------------------------------------------------------------------------------
# corpusforge
# ---------------------------------------------------------------------------------------------

def run_corpusforge(docs, rules: dict[str, LanguageRules]) -> tuple[Run, list[dict]]:
    spam = load_spam_lexicon(ROOT / "conf" / "filters" / "spam")
    # Gopher's share of words with a letter over every token, as datatrove computes it, so the decisions compare.
    settings = {lang: r.model_copy(update={"alpha_words_of": "tokens"}).signal_settings(spam)
                for lang, r in rules.items()}
    thresholds = {lang: r.thresholds for lang, r in rules.items()}
    stored: list[dict] = []

    def judge(batch):
        stored.clear()
        decisions = []
        for lang, _, text in batch:
            _, signals = compute_signals(text, settings[lang])
            stored.append(signals)
            decisions.append(decide(signals, 1.0, thresholds[lang], None)[0])
        return decisions

    decisions, cpu, warmup = timed(judge, docs)
    return Run("corpusforge", decisions, cpu, warmup), stored


def comparable_decisions(docs, signals: list[dict], rules: dict[str, LanguageRules]) -> list[str | None]:
    """corpusforge's decisions on the rules datatrove's chain has: no spam keywords, no language score."""
    thresholds = {lang: r.thresholds.model_copy(update={"spam": SpamRules(max_score=None)})
                  for lang, r in rules.items()}
    return [decide(s, 1.0, thresholds[lang], None)[0] for (lang, _, _), s in zip(docs, signals, strict=True)]


# ---------------------------------------------------------------------------------------------
# datatrove
# ---------------------------------------------------------------------------------------------

def datatrove_chain(lang: str, rules: LanguageRules) -> list:
    from datatrove.pipeline.filters import (
        C4QualityFilter,
        FineWebQualityFilter,
        GopherQualityFilter,
        GopherRepetitionFilter,
    )

    if lang == "en":  # FineWeb
        return [GopherRepetitionFilter(), GopherQualityFilter(), C4QualityFilter(filter_no_terminal_punct=False),
                FineWebQualityFilter()]
    t = rules.thresholds
    gq, rep, fw = t.gopher_quality, t.gopher_repetition, t.fineweb
    return [  # FineWeb-2, with the language file's values
        GopherRepetitionFilter(
            dup_line_frac=rep.dup_line_frac, dup_para_frac=rep.dup_para_frac, dup_line_char_frac=rep.dup_line_char_frac,
            dup_para_char_frac=rep.dup_para_char_frac, top_n_grams=tuple(rep.top_n_grams.items()),
            dup_n_grams=tuple(rep.dup_n_grams.items()), language=lang),
        FineWebQualityFilter(
            line_punct_thr=fw.line_punct_thr, line_punct_exclude_zero=fw.line_punct_exclude_zero,
            short_line_thr=fw.short_line_thr if fw.short_line_thr is not None else 999,
            short_line_length=rules.short_line_chars, char_duplicates_ratio=fw.char_duplicates_ratio,
            new_line_ratio=fw.new_line_ratio, language=lang),
        GopherQualityFilter(
            min_doc_words=gq.min_doc_words, max_doc_words=gq.max_doc_words, min_avg_word_length=gq.min_avg_word_length,
            max_avg_word_length=gq.max_avg_word_length, max_symbol_word_ratio=gq.max_symbol_word_ratio,
            max_bullet_lines_ratio=gq.max_bullet_lines_ratio, max_ellipsis_lines_ratio=gq.max_ellipsis_lines_ratio,
            max_non_alpha_words_ratio=gq.min_alpha_words_ratio, min_stop_words=gq.min_stop_words,
            stop_words=rules.stop_words, language=lang),
    ]


@contextmanager
def word_tokenizer(kind: str, rules: dict[str, LanguageRules]):
    """datatrove's own word tokenizer ("datatrove"), or corpusforge's splitters injected in its place ("ours")."""
    import datatrove.utils.word_tokenizers as word_tokenizers
    from datatrove.utils.text import split_into_parts
    from datatrove.utils.typeshelper import Languages

    original = word_tokenizers.load_word_tokenizer
    if kind == "ours":
        segmenters = {lang: r.segmenter for lang, r in rules.items()}
        if "en" in rules:  # FineWeb's filters, left at their defaults, name English "eng"
            segmenters[Languages.english] = rules["en"].segmenter
        word_tokenizers.load_word_tokenizer = lambda language: DatatroveWords(segmenters[language])
    split_into_parts.cache_clear()
    try:
        yield
    finally:
        word_tokenizers.load_word_tokenizer = original
        split_into_parts.cache_clear()


def run_datatrove(docs, rules: dict[str, LanguageRules], kind: str) -> Run:
    from datatrove.data import Document
    from datatrove.utils.text import split_into_parts

    chains = {lang: datatrove_chain(lang, r) for lang, r in rules.items()}

    def judge(batch):
        split_into_parts.cache_clear()  # no words left over from an earlier pass over the same texts
        decisions = []
        for index, (lang, _, text) in enumerate(batch):
            doc = Document(text=text, id=str(index))
            reason = None
            for step in chains[lang]:
                result = step.filter(doc)
                if result is not True:
                    reason = result[1] if isinstance(result, tuple) else type(step).__name__
                    break
            decisions.append(reason)
        return decisions

    with word_tokenizer(kind, rules):
        decisions, cpu, warmup = timed(judge, docs)
    label = "datatrove, spaCy words" if kind == "datatrove" else "datatrove, our words"
    return Run(label, decisions, cpu, warmup)


# ---------------------------------------------------------------------------------------------

def agreement(ours: list[str | None], theirs: list[str | None]) -> float:
    return sum((a is None) == (b is None) for a, b in zip(ours, theirs, strict=True)) / len(ours)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000, help="documents in all, the languages in turn")
    parser.add_argument("--languages", default="en", help=f"comma-separated, among {','.join(LANGUAGES)}")
    parser.add_argument("--low-quality", type=float, default=0.12, help="share of low-quality documents")
    parser.add_argument("--tokenizer", choices=["datatrove", "ours", "both"], default="both",
                        help="datatrove's word tokenizer: its own (spaCy), corpusforge's injected, or both")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    languages = args.languages.split(",")
    if unknown := sorted(set(languages) - set(LANGUAGES)):
        parser.error(f"unsupported language(s) {','.join(unknown)}; choose among {','.join(LANGUAGES)}")
    if args.docs <= WARMUP_DOCS:
        parser.error(f"--docs must be more than the {WARMUP_DOCS} warm-up documents")
    kinds = ["datatrove", "ours"] if args.tokenizer == "both" else [args.tokenizer]
    if importlib.util.find_spec("spacy") is None:
        if args.tokenizer == "datatrove":
            parser.error("datatrove's word tokenizer needs spaCy: pip install the `bench` extra")
        print("spaCy is not installed: datatrove runs on our word splitter only (pip install the `bench` extra)")
        kinds = ["ours"]

    rules = load_language_rules(ROOT / "conf" / "languages", languages)
    docs = make_documents(args.docs, languages, args.low_quality, args.seed)
    ours, signals = run_corpusforge(docs, rules)
    runs = [run_datatrove(docs, rules, kind) for kind in kinds]
    comparable = comparable_decisions(docs, signals, rules)

    spam_only = sum(a is not None and b is None for a, b in zip(ours.decisions, comparable, strict=True))
    low = sum(kind != "good" for _, kind, _ in docs)
    print(f"input: {len(docs)} generated documents ({','.join(languages)}; {len(docs) - low} good, {low} low-quality;"
          f" seed {args.seed}), the first {WARMUP_DOCS} also as warm-up")
    print(f"{'side':<24} {'docs':>6} {'CPU s':>7} {'docs/CPU-s':>11} {'kept':>6} {'same keep/drop':>15} "
          f"{'warm-up CPU s':>14}")
    for run in [ours, *runs]:
        kept = sum(reason is None for reason in run.decisions)
        same = "" if run is ours else f"{agreement(comparable, run.decisions):.1%}"
        print(f"{run.name:<24} {len(docs):>6} {run.cpu:>7.2f} {len(docs) / run.cpu:>11.1f} {kept:>6} {same:>15} "
              f"{run.warmup_cpu:>14.2f}")
    print(f"corpusforge also drops {spam_only} document(s) for spam keywords only, a rule datatrove's chain lacks "
          "(kept for the agreement)")
    for run in runs:
        differ = Counter((a, b) for a, b in zip(comparable, run.decisions, strict=True) if (a is None) != (b is None))
        if differ:
            shown = ", ".join(f"{a or 'kept'} vs {b or 'kept'}: {n}" for (a, b), n in differ.most_common(5))
            print(f"differing decisions, corpusforge vs {run.name}: {shown}")
    ratios = {}
    for kind, run in zip(kinds, runs, strict=True):
        ratio = run.cpu / ours.cpu  # same documents: the ratio of docs per CPU-second
        if kind == "datatrove":
            print(f"ratio corpusforge / datatrove: {ratio:.2f}×")
            ratios["corpusforge / datatrove"] = ratio
        else:
            print(f"ratio corpusforge / datatrove on our words: {ratio:.2f}×  (this anchor leaves out the cost of "
                  "datatrove's own tokenizer)")
            ratios["corpusforge / datatrove on our words"] = ratio
    figures = {"docs": len(docs), "languages": ",".join(languages), "low-quality docs": low}
    for run in [ours, *runs]:
        figures |= {f"{run.name} docs/CPU-s": len(docs) / run.cpu,
                    f"{run.name} kept": sum(reason is None for reason in run.decisions)}
        if run is not ours:
            figures[f"{run.name} same keep/drop %"] = 100 * agreement(comparable, run.decisions)
    save_result("filter", sys.argv, "datatrove's FineWeb (en) / FineWeb-2 filter chain, docs per CPU-second",
                figures=figures, ratios=ratios)


if __name__ == "__main__":
    main()
