"""Benchmark: documents per CPU-second of corpusforge's PII masking (pipeline.lib.pii) against datatrove's
PIIFormatter, on the same documents, and what each of them masks.

Goal (issue 21, item 3): >= 5,000 documents per CPU-second on typical web documents, one core, in the filter
stage's executors; and no value planted as a near-miss masked.

Anchor: datatrove 0.10.1's `PIIFormatter()` with its defaults (`.format(text)` per document): emails, and IPv4
addresses that `ipaddress` calls global, replaced by example addresses. It has no IPv6, phone, ID, card or IBAN
detection, so it does less; its speed is the reference for "a regex pass over every document", and its output
shows what a pass without validation context masks among the near-misses.

Documents (seeded, --seed): the sample crawl's good articles (pipeline.sample.text.good_document) in the
languages in turn (--languages, default all 17), each article joined with further articles of its language until
it has --min-chars characters (default 3,000: extracted web pages are a few KB). Then:

- --pii-share of them (default 0.1) get 1-4 planted synthetic values, each of a random type, appended to a random
  paragraph after a colon: an example.com email; a public resolver's IPv4 or IPv6 address (the masker's default
  scope leaves documentation ranges alone); an international phone number (fictional or libphonenumber example
  numbers) or the document language's own example number in national format, or a Chinese mobile example; a
  resident ID number built with its check character; a card network's test number; a registry example IBAN.
  None is a real person's.
- --near-miss-share of them (default 0.2) get 2-5 planted near-misses: dates, versions (also four-part ones such
  as "Firefox 3.6.28.1", which look like global IPv4 addresses), prices, ISBNs, coordinates, order numbers, ZIP
  codes, timestamps, UUIDs and hashes.
- --figures-share of them (default 0.05) get a table of 20-60 rows of figures, as results, statistics and price
  pages have: dates, amounts grouped by thousands with the separators of the language, percentages, scores,
  counts, reference numbers. No PII: every value there is a near-miss, and such pages are where a phone detector
  spends its time (their digit groups are phone candidates). Their rate is shown on its own line.

Measured, per side: CPU seconds (time.process_time()) around the loop over all documents after a warm-up over
the first 20; documents per CPU-second; per type, values masked (corpusforge: PiiResult.counts; datatrove: its
replacement strings in the output); on corpusforge's side the planted values found (recall on plants, per type)
and the documents with a near-miss masked (false positives, by type). The documents' mean size in characters
and UTF-8 bytes is printed with them.

Writes bench/results/pii.json (bench_results: command, commit, machine, anchor, goal, ratios, figures).

    .venv/bin/python bench/pii.py
    .venv/bin/python bench/pii.py --docs 5000 --languages en,zh --min-chars 6000
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench_results import save_result

ROOT = Path(__file__).resolve().parents[1]
# Measure the code of the tree this file is in (see bench/quality.py).
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import phonenumbers  # noqa: E402

from pipeline.lib.pii import (  # noqa: E402
    DEFAULT_PHONE_REGIONS,
    PII_TYPES,
    PiiConfig,
    cn_id_check_char,
    luhn_valid,
    mask_pii,
)
from pipeline.sample.text import LANGUAGES, good_document  # noqa: E402

WARMUP_DOCS = 20
GOAL_DOCS_PER_CPU_SECOND = 5000

# Synthetic values of each type, all masked under the default settings (see the module docstring).
EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example.com")
PUBLIC_IPS = ("208.67.222.222", "208.67.220.220", "149.112.112.112", "2620:fe::fe", "2606:4700:4700::1111",
              "2001:4860:4860::8888")
INTERNATIONAL_PHONES = ("+1 201-555-0123", "+1 (212) 555-0199", "+44 20 7946 0123", "+44 113 496 0000",
                        "+33 1 99 00 12 34", "+61 491 570 156", "+86 138 0013 8000", "+49 30 23125123")
CN_MOBILES = ("13800138000", "131 2345 6789", "186-1234-5678")
CARDS = ("4111 1111 1111 1111", "5555 5555 5555 4444", "3782 822463 10005", "6011 1111 1111 1117",
         "3530 1113 3330 0000", "6200 0000 0000 0005", "4111-1111-1111-1111")
IBANS = ("GB82 WEST 1234 5698 7654 32", "DE89 3704 0044 0532 0130 00", "FR14 2004 1010 0505 0001 3M02 606",
         "NL91 ABNA 0417 1643 00", "BE68 5390 0754 7034", "CH93 0076 2011 6238 5295 7")
CN_ID_REGIONS = ("110105", "310104", "440305", "510107", "330106")


@dataclass
class Doc:
    lang: str
    text: str
    planted: Counter = field(default_factory=Counter)  # PII type -> values planted
    near_misses: int = 0
    figures: bool = False  # a table of figures was appended


def national_example(lang: str) -> str | None:
    """libphonenumber's example fixed-line number of the language's first region, as that region writes it."""
    regions = DEFAULT_PHONE_REGIONS.get(lang)
    if not regions:
        return None
    number = phonenumbers.example_number_for_type(regions[0], phonenumbers.PhoneNumberType.FIXED_LINE)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def pii_value(kind: str, lang: str, rng: random.Random) -> str:
    if kind == "email":
        return f"{rng.choice(['info', 'jane.doe', 'j.smith+news', 'contact', 'user'])}{rng.randint(1, 99)}@" \
               f"{rng.choice(EMAIL_DOMAINS)}"
    if kind == "ip":
        return rng.choice(PUBLIC_IPS)
    if kind == "phone":
        choices = [*INTERNATIONAL_PHONES, *CN_MOBILES]
        national = national_example(lang)
        if national:
            choices += [national] * 3
        return rng.choice(choices)
    if kind == "cn_id":
        first17 = (rng.choice(CN_ID_REGIONS) + f"{rng.randint(1940, 2005)}{rng.randint(1, 12):02d}"
                   f"{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}")
        return first17 + cn_id_check_char(first17)
    if kind == "card":
        return rng.choice(CARDS)
    return rng.choice(IBANS)


def near_miss(rng: random.Random) -> str:
    y, m, d = rng.randint(1950, 2030), rng.randint(1, 12), rng.randint(1, 28)
    digits = "".join(rng.choice("0123456789") for _ in range(16))
    while luhn_valid(digits):
        digits = digits[:-1] + str((int(digits[-1]) + 1) % 10)
    makers = (
        lambda: f"{y}-{m:02d}-{d:02d}", lambda: f"{d:02d}.{m:02d}.{y}", lambda: f"{y}年{m}月{d}日",
        lambda: f"{m:02d}/{d:02d}/{y}", lambda: f"{y}-{y + rng.randint(1, 5)}",
        lambda: f"Firefox {rng.randint(2, 9)}.{rng.randint(0, 9)}.{rng.randint(10, 40)}.{rng.randint(1, 200)}",
        lambda: f"version {rng.randint(1, 30)}.{rng.randint(0, 20)}.{rng.randint(0, 99)}.{rng.randint(1, 200)}",
        lambda: f"v{rng.randint(1, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}",
        lambda: f"{rng.randint(1, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}",
        lambda: f"¥{rng.randint(1000, 999999):,}.00", lambda: f"{rng.randint(1000, 99999):,},99 €",
        lambda: f"ISBN 978-3-16-148410-{rng.randint(0, 9)}",
        lambda: f"{rng.uniform(-90, 90):.4f}, {rng.uniform(-180, 180):.4f}",
        lambda: f"Order #{digits}", lambda: f"Invoice INV-{y}-{rng.randint(0, 999999):06d}",
        lambda: f"{rng.randint(10000, 99999)}-{rng.randint(1000, 9999)}", lambda: str(rng.randint(10**9, 2 * 10**9)),
        lambda: f"{rng.getrandbits(128):032x}",
        lambda: "-".join(f"{rng.getrandbits(b * 4):0{b}x}" for b in (8, 4, 4, 4, 12)),
    )
    return rng.choice(makers)()


def figures_table(lang: str, rng: random.Random) -> str:
    """Rows of figures such as results, statistics and price pages hold (no PII)."""
    separator = {"en": ",", "zh": ",", "ja": ",", "ko": ",", "th": ",", "hi": ",", "de": ".", "es": ".", "it": ".",
                 "pt": ".", "id": ".", "vi": ".", "tr": "."}.get(lang, " ")  # fr, ru, pl, ar: spaces

    def amount(low: int, high: int) -> str:  # log-uniform: as many 4-digit amounts as 9-digit ones
        value = round(10 ** rng.uniform(math.log10(low), math.log10(high)))
        return f"{value:,}".replace(",", separator)

    rows = []
    for _ in range(rng.randint(20, 60)):
        y, m, d = rng.randint(1990, 2025), rng.randint(1, 12), rng.randint(1, 28)
        date = rng.choice([f"{y}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y}", f"{m}/{d}/{y}", f"{y}年{m}月{d}日"])
        cells = [date, amount(1_000, 999_999_999), f"{rng.uniform(-20, 20):.2f}%", amount(100, 99_999),
                 f"{rng.randint(0, 5)}:{rng.randint(0, 5)}", f"{rng.randint(10_000, 99_999)}-{rng.randint(100, 999)}",
                 f"{rng.uniform(0, 5_000):.2f}", str(rng.randint(1_000_000, 99_999_999))]
        rows.append(" | ".join(rng.sample(cells, rng.randint(4, len(cells)))))
    return "\n".join(rows)


def plant(text: str, values: list[str], rng: random.Random) -> str:
    paragraphs = text.split("\n")
    for value in values:
        index = rng.randrange(len(paragraphs))
        paragraphs[index] = f"{paragraphs[index]} {rng.choice(['Kontakt', 'Contact', '联系', 'Info'])}: {value}"
    return "\n".join(paragraphs)


def make_documents(count: int, languages: list[str], min_chars: int, pii_share: float, near_share: float,
                   figures_share: float, seed: int) -> list[Doc]:
    rng = random.Random(seed)
    docs = []
    for index in range(count):
        lang = languages[index % len(languages)]
        parts = []
        while sum(map(len, parts)) < min_chars:
            parts.append(good_document(lang, random.Random(rng.getrandbits(64))).text)
        doc = Doc(lang, "\n".join(parts))
        draw = rng.random()
        if draw < pii_share:
            kinds = [rng.choice(PII_TYPES) for _ in range(rng.randint(1, 4))]
            doc.text = plant(doc.text, [pii_value(kind, lang, rng) for kind in kinds], rng)
            doc.planted = Counter(kinds)
        elif draw < pii_share + near_share:
            values = [near_miss(rng) for _ in range(rng.randint(2, 5))]
            doc.text = plant(doc.text, values, rng)
            doc.near_misses = len(values)
        if rng.random() < figures_share:
            doc.text += "\n" + figures_table(lang, rng)
            doc.figures = True
        docs.append(doc)
    return docs


def timed(run, docs: list[Doc]):
    run(docs[:WARMUP_DOCS])
    started = time.process_time()
    out = run(docs)
    return out, time.process_time() - started


def run_corpusforge(docs: list[Doc], settings: PiiConfig):
    def run(batch):
        return [mask_pii(doc.text, settings, doc.lang) for doc in batch]

    return timed(run, docs)


def run_datatrove(docs: list[Doc]):
    from datatrove.pipeline.formatters import PIIFormatter

    formatter = PIIFormatter()
    emails = formatter.emails_replacer.replacements
    ips = formatter.ip_replacer.replacements

    def run(batch):
        return [formatter.format(doc.text) for doc in batch]

    outputs, cpu = timed(run, docs)

    def replaced(before: str, after: str, strings) -> int:
        return sum(after.count(s) - before.count(s) for s in strings)

    counts = [{"email": replaced(d.text, out, emails), "ip": replaced(d.text, out, ips)}
              for d, out in zip(docs, outputs, strict=True)]
    return counts, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=5000, help="documents in all, the languages in turn")
    parser.add_argument("--languages", default=",".join(LANGUAGES), help="comma-separated sample languages")
    parser.add_argument("--min-chars", type=int, default=3000, help="articles are joined up to this many characters")
    parser.add_argument("--pii-share", type=float, default=0.1, help="share of documents with planted PII")
    parser.add_argument("--near-miss-share", type=float, default=0.2, help="share with planted near-misses")
    parser.add_argument("--figures-share", type=float, default=0.05, help="share with a table of figures")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    languages = [lang.strip() for lang in args.languages.split(",") if lang.strip()]
    if unknown := sorted(set(languages) - set(LANGUAGES)):
        parser.error(f"not a sample language: {','.join(unknown)}; choose among {','.join(LANGUAGES)}")
    if args.docs <= WARMUP_DOCS:
        parser.error(f"--docs must be more than the {WARMUP_DOCS} warm-up documents")

    docs = make_documents(args.docs, languages, args.min_chars, args.pii_share, args.near_miss_share,
                          args.figures_share, args.seed)
    settings = PiiConfig()
    ours, our_cpu = run_corpusforge(docs, settings)
    theirs, their_cpu = run_datatrove(docs)
    with_figures = [i for i, d in enumerate(docs) if d.figures]
    # The pages of figures again on their own: the slowest documents, and the rate the mix depends on.
    figures_cpu = run_corpusforge([docs[i] for i in with_figures], settings)[1] if with_figures else 0.0

    chars = sum(len(d.text) for d in docs) / len(docs)
    utf8 = sum(len(d.text.encode()) for d in docs) / len(docs)
    with_pii = [i for i, d in enumerate(docs) if d.planted]
    with_near = [i for i, d in enumerate(docs) if d.near_misses or d.figures]
    planted = sum((docs[i].planted for i in with_pii), Counter())
    found_in_planted = Counter()
    for i in with_pii:
        for name in PII_TYPES:
            found_in_planted[name] += min(ours[i].counts[name], docs[i].planted[name])
    extra = Counter()  # values found beyond what was planted, in any document: false positives
    for i, doc in enumerate(docs):
        for name in PII_TYPES:
            extra[name] += max(0, ours[i].counts[name] - doc.planted[name])
    ours_total = Counter()
    for result in ours:
        ours_total.update({k: v for k, v in result.counts.items() if v})
    theirs_total = Counter()
    for count in theirs:
        theirs_total.update(count)
    # Documents with near-misses (some also have plants) where more was masked than was planted.
    near_masked_ours = sum(1 for i in with_near if any(ours[i].counts[k] > docs[i].planted[k] for k in PII_TYPES))
    near_masked_theirs = sum(1 for i in with_near if any(v > docs[i].planted[k] for k, v in theirs[i].items()))

    our_rate, their_rate = len(docs) / our_cpu, len(docs) / their_cpu
    print(f"input: {len(docs)} documents ({','.join(languages)}; mean {chars:,.0f} characters, {utf8:,.0f} UTF-8 "
          f"bytes; {len(with_pii)} with planted PII, {len(with_near)} with planted near-misses or figures, "
          f"{len(with_figures)} with a table of figures; seed {args.seed})")
    print(f"{'side':<28} {'CPU s':>7} {'docs/CPU-s':>11} {'MB/CPU-s':>9}  masked per type")
    for name, cpu, totals in (("corpusforge mask_pii", our_cpu, ours_total),
                              ("datatrove PIIFormatter", their_cpu, theirs_total)):
        shown = ", ".join(f"{k} {totals[k]}" for k in PII_TYPES if k in totals) or "nothing"
        print(f"{name:<28} {cpu:>7.2f} {len(docs) / cpu:>11,.0f} {len(docs) * utf8 / cpu / 1e6:>9.2f}  {shown}")
    figures_rate = len(with_figures) / figures_cpu if figures_cpu else None
    if figures_rate is not None:
        print(f"{'corpusforge, figures only':<28} {figures_cpu:>7.2f} {figures_rate:>11,.0f}")
    print(f"goal {GOAL_DOCS_PER_CPU_SECOND:,} docs/CPU-s: {'met' if our_rate >= GOAL_DOCS_PER_CPU_SECOND else 'MISSED'}"
          f" ({our_rate / GOAL_DOCS_PER_CPU_SECOND:.1f}x); corpusforge / datatrove: {our_rate / their_rate:.2f}x")
    print("planted PII found by corpusforge: " + ", ".join(
        f"{k} {found_in_planted[k]}/{planted[k]}" for k in PII_TYPES))
    print(f"values found beyond the plants (false positives): {sum(extra.values())} "
          f"({', '.join(f'{k} {v}' for k, v in extra.items() if v) or 'none'})")
    print(f"documents with near-misses that got something masked: corpusforge {near_masked_ours}/{len(with_near)}, "
          f"datatrove {near_masked_theirs}/{len(with_near)} (datatrove masks four-part versions as IPs)")

    figures = {
        "docs": len(docs), "languages": ",".join(languages), "mean chars": chars, "mean UTF-8 bytes": utf8,
        "docs with planted PII": len(with_pii), "docs with planted near-misses or figures": len(with_near),
        "docs with a table of figures": len(with_figures), "corpusforge docs/CPU-s, figures only": figures_rate,
        "corpusforge docs/CPU-s": our_rate, "datatrove docs/CPU-s": their_rate,
        "corpusforge masked per type": {k: ours_total[k] for k in PII_TYPES},
        "datatrove masked per type": dict(theirs_total),
        "planted per type": {k: planted[k] for k in PII_TYPES},
        "planted found per type": {k: found_in_planted[k] for k in PII_TYPES},
        "false positives per type": {k: extra[k] for k in PII_TYPES},
        "near-miss docs masked: corpusforge": near_masked_ours,
        "near-miss docs masked: datatrove": near_masked_theirs,
    }
    ratios = {"corpusforge docs/CPU-s / goal": our_rate / GOAL_DOCS_PER_CPU_SECOND,
              "corpusforge / datatrove": our_rate / their_rate}
    save_result("pii", sys.argv,
                "datatrove 0.10.1 PIIFormatter() (emails and global IPv4 only), docs per CPU-second on the same "
                "documents; and the goal of 5,000 docs per CPU-second",
                figures=figures, ratios=ratios,
                goal=f">= {GOAL_DOCS_PER_CPU_SECOND:,} documents per CPU-second; no near-miss masked")


if __name__ == "__main__":
    main()
