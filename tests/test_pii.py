"""PII masking (pipeline.lib.pii): every type found and masked exactly, and hundreds of near-misses left alone.

No value here is a real person's: emails are on example.com/.org/.net, IPv4 addresses in the documentation
ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) or public resolvers (OpenDNS, Quad9), IPv6 in 2001:db8::/32
or a public resolver's; phone numbers in ranges reserved for fiction and examples (NANP 555-01xx, Ofcom's drama
numbers, ARCEP's 01 99, ACMA's 0491 570 xxx) or libphonenumber's own example numbers; card numbers are the
networks' published test numbers or built here with a Luhn digit; IBANs are the registry's examples or built here
with their check digits; resident ID numbers are GB 11643's example or built here with their check character.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from collections import Counter

import phonenumbers
import pydantic
import pytest

from pipeline.lib.pii import (
    DEFAULT_PHONE_REGIONS,
    PII_SIGNALS,
    PII_TYPES,
    PiiConfig,
    PiiMasker,
    card_issuer_length_ok,
    cn_id_check_char,
    cn_id_valid,
    iban_valid,
    luhn_valid,
    mask_pii,
    masker,
)
from pipeline.sample.text import LANGUAGES, good_document

DEFAULT = PiiConfig()
ALL_IPS = PiiConfig(ip={"scope": "all"})
LANGS: tuple[str | None, ...] = (*LANGUAGES, None)  # near-misses must hold whatever the document's language


# ---------------------------------------------------------------------------------------------
# Synthetic values with valid checks
# ---------------------------------------------------------------------------------------------

def luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    """A card number of ``length`` digits starting with ``prefix``, random in between, with its Luhn digit."""
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    for check in "0123456789":
        if luhn_valid(body + check):
            return body + check
    raise AssertionError("no Luhn digit")


def luhn_break(number: str) -> str:
    """The same number with a wrong last digit."""
    last = (int(number[-1]) + 1) % 10
    return number[:-1] + str(last)


def iban(country: str, bban: str) -> str:
    """An IBAN with its ISO 7064 MOD 97-10 check digits."""
    rearranged = bban + country + "00"
    remainder = int("".join(str(int(char, 36)) for char in rearranged)) % 97
    return f"{country}{98 - remainder:02d}{bban}"


def grouped(compact: str, size: int = 4, separator: str = " ") -> str:
    return separator.join(compact[i:i + size] for i in range(0, len(compact), size))


def cn_id(region: str, birth: str, sequence: str) -> str:
    first17 = region + birth + sequence
    return first17 + cn_id_check_char(first17)


def masked(text: str, settings: PiiConfig = DEFAULT, lang: str | None = "en") -> tuple[str, dict[str, int]]:
    result = mask_pii(text, settings, lang)
    return result.text, {name: count for name, count in result.counts.items() if count}


# ---------------------------------------------------------------------------------------------
# The checks themselves
# ---------------------------------------------------------------------------------------------

def test_the_check_helpers_on_published_examples():
    assert cn_id_valid("11010519491231002X")  # GB 11643's example
    assert not cn_id_valid("110105194912310021")
    assert luhn_valid("4111111111111111") and not luhn_valid("4111111111111112")
    assert card_issuer_length_ok("378282246310005") and not card_issuer_length_ok("3782822463100050")
    for example in ("GB82WEST12345698765432", "DE89370400440532013000", "FR1420041010050500013M02606",
                    "NL91ABNA0417164300", "BE68539007547034", "NO9386011117947", "CH9300762011623852957"):
        assert iban_valid(example), example
        assert iban(example[:2], example[4:]) == example  # the helper agrees with the published check digits
    assert not iban_valid("GB83WEST12345698765432")


def test_type_names_and_signal_names():
    assert PII_TYPES == ("email", "ip", "phone", "cn_id", "card", "iban")
    assert tuple(f"pii_{name}" for name in PII_TYPES) == PII_SIGNALS
    result = mask_pii("Write to jane.doe@example.com.", DEFAULT)
    assert list(result.counts) == list(PII_TYPES)
    assert result.signals() == {"pii_email": 1, "pii_ip": 0, "pii_phone": 0, "pii_cn_id": 0, "pii_card": 0,
                                "pii_iban": 0}


# ---------------------------------------------------------------------------------------------
# Positives: exact masked output
# ---------------------------------------------------------------------------------------------

EMAILS = [
    "jane.doe@example.com", "j.smith+newsletter@example.org", "info@mail.example.net", "USER_42@EXAMPLE.COM",
    "first-last@sub.domain.example.com", "a@example.co.uk", "zhang.wei@example.cn", "test%tag@example.xn--fiqs8s",
    "x@xn--bcher-kva.example",
]

POSITIVES: list[tuple[str, str, str, str, PiiConfig]] = []  # (lang, text, expected, type, settings)


def _add(type_name: str, values: list[str], placeholder: str, templates: list[tuple[str, str]],
         settings: PiiConfig = DEFAULT) -> None:
    for value in values:
        for lang, template in templates:
            POSITIVES.append((lang, template.format(value), template.format(placeholder), type_name, settings))


_add("email", EMAILS, "<EMAIL>", [
    ("en", "Questions? Write to {} and we answer within a day."),
    ("de", "Kontakt: {}."),
    ("zh", "联系邮箱：{}，欢迎来信。"),
    ("ja", "お問い合わせは{}まで。"),
    ("en", "(mailto:{})"),
    ("fr", "<{}>"),
])
DOC_IPS = ["192.0.2.1", "198.51.100.23", "203.0.113.254", "2001:db8::1", "2001:db8:85a3::8a2e:370:7334",
           "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:192.0.2.128"]
PUBLIC_IPS = ["208.67.222.222", "149.112.112.112", "2620:fe::fe", "2606:4700:4700::1111",
              "2001:4860:4860::8888", "::ffff:208.67.220.220"]
IP_TEMPLATES = [
    ("en", "The attack came from {} last night."),
    ("de", "Server-Adresse: {}"),
    ("zh", "服务器地址{}，端口22。"),
    ("ru", "IP-адрес {}."),
]
_add("ip", DOC_IPS, "<IP>", IP_TEMPLATES, ALL_IPS)
_add("ip", PUBLIC_IPS, "<IP>", IP_TEMPLATES)
# A port after an IPv4 address; an IPv6 address takes its port after brackets (2001:db8::1:8080 is an address).
_add("ip", [ip for ip in DOC_IPS if ":" not in ip], "<IP>", [("en", "Connect to {}:8080 first.")], ALL_IPS)
_add("ip", [ip for ip in PUBLIC_IPS if ":" not in ip], "<IP>", [("en", "Connect to {}:8080 first.")])
_add("ip", ["2001:db8::1", "2001:db8:85a3::8a2e:370:7334"], "<IP>", [("en", "Open http://[{}]:443/ now.")],
     ALL_IPS)

PHONES_INTERNATIONAL = ["+1 201-555-0123", "+1 (212) 555-0199", "+1 800 555 0100", "+44 20 7946 0123",
                        "+44 113 496 0000", "+33 1 99 00 12 34", "+61 491 570 156", "+86 138 0013 8000",
                        "+49 30 23125123", "+49 (0)30 23125123", "+7 495 123-45-67", "+81 3-1234-5678",
                        "+39 06 1234 5678", "+8613800138000"]
_add("phone", PHONES_INTERNATIONAL, "<PHONE>", [
    ("en", "Call us on {} any weekday."),
    ("de", "Telefon: {}"),
    ("zh", "客服电话{}。"),
    (None, "Tel. {}; fax none."),
])
PHONES_CN_MOBILE = ["13800138000", "138 0013 8000", "138-0013-8000", "13123456789", "18612345678"]
_add("phone", PHONES_CN_MOBILE, "<PHONE>", [
    ("zh", "手机：{}，欢迎来电。"),
    ("zh", "联系电话{}"),
    ("en", "WeChat or phone: {}."),
    ("ja", "連絡先{}まで"),
])
PHONES_NATIONAL = [  # (language, number)
    ("en", "(201) 555-0123"), ("en", "201-555-0123"), ("en", "212.555.0199"), ("en", "1-800-555-0100"),
    ("en", "020 7946 0123"), ("en", "0113 496 0000"), ("en", "0491 570 156"),
    ("fr", "01 99 00 12 34"), ("fr", "01.99.00.12.34"),
    ("de", "030 23125123"), ("de", "030/23125123"),
    ("zh", "010-12345678"), ("ja", "03-1234-5678"), ("ru", "8 (495) 123-45-67"), ("ko", "02-312-3456"),
    ("pt", "(11) 2345-6789"), ("es", "912 345 678"), ("it", "06 1234 5678"),
]
for _lang, _number in PHONES_NATIONAL:
    POSITIVES.append((_lang, f"Tel: {_number} (9-17 h)", "Tel: <PHONE> (9-17 h)", "phone", DEFAULT))
    POSITIVES.append((_lang, f"{_number}\n", "<PHONE>\n", "phone", DEFAULT))

_rng = random.Random(21)
CN_IDS = ["11010519491231002X"] + [
    cn_id(region, f"{_rng.randint(1930, 2010)}{_rng.randint(1, 12):02d}{_rng.randint(1, 28):02d}",
          f"{_rng.randint(0, 999):03d}")
    for region in ("110105", "310104", "440305", "510107", "650102", "330106", "420111", "230103")]
_add("cn_id", CN_IDS, "<ID_NUMBER>", [
    ("zh", "身份证号：{}"),
    ("zh", "公民身份号码{}，有效期十年。"),
    ("en", "ID {} was on the form."),
])
_add("cn_id", ["110105 19491231 002X", "11010519491231002x"], "<ID_NUMBER>", [("zh", "证件号码 {} 已登记")])

CARDS = ["4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "5555 5555 5555 4444",
         "2223 0031 2200 3222", "3782 822463 10005", "378282246310005", "6011 1111 1111 1117",
         "3056 930902 5904", "3530 1113 3330 0000", "6200 0000 0000 0005", "4222222222222",
         luhn_complete("4", 19, _rng), luhn_complete("62", 19, _rng), luhn_complete("5", 16, _rng)]
_add("card", CARDS, "<CARD_NUMBER>", [
    ("en", "Card number: {} exp 12/29"),
    ("de", "Kartennummer {}."),
    ("zh", "卡号{}，有效期至2029年。"),
])

IBANS = ["GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432", "DE89 3704 0044 0532 0130 00",
         "FR14 2004 1010 0505 0001 3M02 606", "NL91 ABNA 0417 1643 00", "BE68 5390 0754 7034",
         "NO93 8601 1117 947", "CH93 0076 2011 6238 5295 7", grouped(iban("ES", "21000418450200051332")),
         grouped(iban("IT", "X0542811101000000123456")), grouped(iban("PL", "109010140000071219812874")),
         iban("AT", "1904300234573201")]
_add("iban", IBANS, "<IBAN>", [
    ("en", "Pay to IBAN {} by Friday."),
    ("de", "IBAN: {}\nBIC: COBADEFFXXX"),
    ("fr", "Virement sur {}."),
])
# The regex takes a following capitalised word with it; the country's length cuts it off again.
POSITIVES.append(("de", "IBAN DE89 3704 0044 0532 0130 00 BANK", "IBAN <IBAN> BANK", "iban", DEFAULT))


@pytest.mark.parametrize(("lang", "text", "expected", "type_name", "settings"), POSITIVES,
                         ids=[f"{p[3]}-{i}" for i, p in enumerate(POSITIVES)])
def test_each_type_is_masked_exactly(lang, text, expected, type_name, settings):
    result = mask_pii(text, settings, lang)
    assert result.text == expected
    assert {name: count for name, count in result.counts.items() if count} == {type_name: 1}
    assert result.dropped_by is None


def test_the_test_phone_numbers_are_valid_for_libphonenumber():
    """The positives are real formats: each parses as a valid number of its region."""
    regions = {"en": "US", "fr": "FR", "de": "DE", "zh": "CN", "ja": "JP", "ru": "RU", "ko": "KR", "pt": "BR",
               "es": "ES", "it": "IT"}
    special = {"020 7946 0123": "GB", "0113 496 0000": "GB", "0491 570 156": "AU"}
    for lang, number in PHONES_NATIONAL:
        parsed = phonenumbers.parse(number, special.get(number, regions[lang]))
        assert phonenumbers.is_valid_number(parsed), number
    for number in PHONES_INTERNATIONAL:
        assert phonenumbers.is_valid_number(phonenumbers.parse(number, None)), number


# libphonenumber's STRICT_GROUPING rejects its own national format of Argentinian mobiles (011 15-2345-6789).
STRICT_GROUPING_GAPS = {("AR", phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberFormat.NATIONAL)}


def test_every_default_region_s_example_numbers_are_masked():
    """libphonenumber's example fixed-line and mobile number of every region a language tries, written as the
    region writes it (national) and internationally: all masked in that language."""
    missed, tried = [], 0
    for lang, regions in DEFAULT_PHONE_REGIONS.items():
        for region in regions:
            for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
                number = phonenumbers.example_number_for_type(region, kind)
                for style in (phonenumbers.PhoneNumberFormat.NATIONAL, phonenumbers.PhoneNumberFormat.INTERNATIONAL):
                    if (region, kind, style) in STRICT_GROUPING_GAPS:
                        continue
                    written = phonenumbers.format_number(number, style)
                    tried += 1
                    if masked(f"Tel: {written}.", lang=lang)[0] != "Tel: <PHONE>.":
                        missed.append((lang, region, written))
    assert tried >= 130
    assert not missed


def test_several_values_in_one_document():
    text = ("Contact jane.doe@example.com or +44 20 7946 0123, or write to info@example.org.\n"
            "付款卡号4111 1111 1111 1111，身份证11010519491231002X，手机13800138000。\n"
            "Überweisung: DE89 3704 0044 0532 0130 00, Server 208.67.222.222 und 2606:4700:4700::1111.")
    assert masked(text, lang="zh") == (
        "Contact <EMAIL> or <PHONE>, or write to <EMAIL>.\n"
        "付款卡号<CARD_NUMBER>，身份证<ID_NUMBER>，手机<PHONE>。\n"
        "Überweisung: <IBAN>, Server <IP> und <IP>.",
        {"email": 2, "ip": 2, "phone": 2, "cn_id": 1, "card": 1, "iban": 1})


def test_overlaps_go_to_the_better_validated_type():
    # A phone number as an email's local part is an email; an IPv4-mapped IPv6 is one address.
    assert masked("Mail +8613800138000@example.com now") == ("Mail <EMAIL> now", {"email": 1})
    assert masked("from ::ffff:208.67.222.222 on") == ("from <IP> on", {"ip": 1})


# ---------------------------------------------------------------------------------------------
# Actions, placeholders, scope, regions
# ---------------------------------------------------------------------------------------------

def test_drop_keep_and_placeholders():
    text = "Card 4111 1111 1111 1111, ID 11010519491231002X, mail jane.doe@example.com."
    settings = PiiConfig(cn_id={"action": "drop"}, card={"action": "drop"},
                         email={"action": "keep"})
    result = mask_pii(text, settings, "en")
    assert result.drop and result.dropped_by == "cn_id"  # the first drop type in PII_TYPES order
    # A dropped document's text is masked all the same; kept values stay and are counted.
    assert result.text == "Card <CARD_NUMBER>, ID <ID_NUMBER>, mail jane.doe@example.com."
    assert result.counts == {"email": 1, "ip": 0, "phone": 0, "cn_id": 1, "card": 1, "iban": 0}
    custom = PiiConfig(email={"placeholder": "email@example.com"}, phone={"placeholder": ""})
    assert masked("a jane.doe@example.com b +44 20 7946 0123 c", custom)[0] == "a email@example.com b  c"
    assert not mask_pii(text, DEFAULT).drop


def test_ip_scope_public_leaves_local_private_and_documentation_addresses():
    for address in ("127.0.0.1", "192.168.1.1", "10.0.0.138", "172.16.5.4", "169.254.10.1",
                    "100.64.0.1", "255.255.255.0", "224.0.0.251", "192.0.2.1", "198.51.100.7", "203.0.113.9",
                    "::1", "fe80::1", "fd12:3456:789a::1", "2001:db8::1", "ff02::1", "::ffff:192.168.0.1"):
        text = f"Open {address} in the browser."
        assert masked(text) == (text, {}), address
        assert masked(text, ALL_IPS) == ("Open <IP> in the browser.", {"ip": 1}), address
    assert masked("Resolver 208.67.222.222.") == ("Resolver <IP>.", {"ip": 1})
    # A network block (CIDR prefix shorter than a host's) names no one; a /32 or /128 is one host.
    for block in ("194.222.242.0/24", "208.67.222.0/24", "2001:4860::/32", "2606:4700:4700::/48"):
        text = f"Route {block} via the tunnel."
        assert masked(text) == (text, {}), block
        assert masked(text, ALL_IPS) == (text, {}), block
    assert masked("Allow 208.67.222.222/32 only") == ("Allow <IP>/32 only", {"ip": 1})
    assert masked("Allow 2606:4700:4700::1111/128 only") == ("Allow <IP>/128 only", {"ip": 1})
    assert masked("Listen on 0.0.0.0", ALL_IPS) == ("Listen on 0.0.0.0", {})  # a single-digit quad


def test_versions_are_not_addresses_whatever_the_scope():
    for text in ("Update to v2.10.30.1 today", "version 2.10.30.1", "Version: 100.20.30.40", "Firefox 3.6.28.1",
                 "firmware 1.0.15.200", "Python 3.10.12.1", "版本：1.20.3.4", "バージョン 2.1.10.5",
                 "Release 10.2.3.1", "see section 1.2.3.4", "Step 2.3.1.4", "OID 1.3.6.1",
                 "Se Seksjon 4.2.13.1, «Veiledet»", "ver a secção 4.2.13.1", "vedi sezione 12.4.20.3",
                 "patrz rozdział 5.10.2.1", "bkz. bölüm 3.12.4.2", "lihat bagian 7.2.10.1", "第 4.2.13.1 節",
                 "afsnit 4.2.13.1", "avsnitt 4.2.13.1", "hoofdstuk 4.2.13.1"):
        assert masked(text, ALL_IPS) == (text, {}), text
    # Without the version word the same numbers are addresses ...
    assert masked("at 2.10.30.1 now", ALL_IPS) == ("at <IP> now", {"ip": 1})
    # ... except single-digit quads, unless configured otherwise.
    assert masked("at 1.2.3.4 now", ALL_IPS) == ("at 1.2.3.4 now", {})
    quads = PiiConfig(ip={"scope": "all", "skip_single_digit_quads": False})
    assert masked("at 1.2.3.4 now", quads) == ("at <IP> now", {"ip": 1})
    assert masked("v 1.2.3.4", quads) == ("v 1.2.3.4", {})


def test_national_formats_follow_the_language():
    text = "Tel: 030 23125123"
    assert masked(text, lang="de")[0] == "Tel: <PHONE>"
    assert masked(text, lang="ja")[0] == text  # not a Japanese number
    assert masked("Call (201) 555-0123.", lang="zh")[0] == "Call (201) 555-0123."
    assert masked("Call (201) 555-0123.", lang=None)[0] == "Call (201) 555-0123."
    everywhere = PiiConfig(phone={"default_regions": ["US"]})
    assert masked("Call (201) 555-0123.", everywhere, lang=None)[0] == "Call <PHONE>."
    assert masked("Call (201) 555-0123.", everywhere, lang="sw")[0] == "Call <PHONE>."
    assert masked("手机13800138000", PiiConfig(phone={"cn_mobile": False}), "zh")[0] == "手机13800138000"


def test_masker_is_compiled_once_per_settings_value():
    assert masker(DEFAULT) is masker(DEFAULT)
    # An equal copy (what every Spark task unpickles) shares the compiled masker; other values get their own.
    copy = PiiConfig.model_validate(DEFAULT.model_dump())
    assert copy is not DEFAULT and masker(copy) is masker(DEFAULT)
    assert masker(ALL_IPS) is not masker(DEFAULT)
    assert masker(ALL_IPS).settings == ALL_IPS


def test_config_is_checked():
    with pytest.raises(pydantic.ValidationError):
        PiiConfig.model_validate({"email": {"action": "mask"}})
    with pytest.raises(pydantic.ValidationError):
        PiiConfig.model_validate({"phone": {"region": ["US"]}})  # a typo is an error, not ignored
    with pytest.raises(ValueError, match="ZZ"):
        PiiMasker(PiiConfig(phone={"regions": {"en": ["ZZ"]}}))
    loaded = PiiConfig.model_validate({"ip": {"scope": "all"}, "iban": {"action": "drop"}})
    assert loaded.ip.placeholder == "<IP>" and loaded.iban.action == "drop"


# ---------------------------------------------------------------------------------------------
# Near-misses: none of these is masked, in any language
# ---------------------------------------------------------------------------------------------

def _near_misses() -> dict[str, list[str]]:
    rng = random.Random(2024)
    cases: dict[str, list[str]] = {}

    def digits(count: int) -> str:
        return "".join(rng.choice("0123456789") for _ in range(count))

    years = [rng.randint(1900, 2030) for _ in range(20)]
    months = [rng.randint(1, 12) for _ in range(20)]
    days = [rng.randint(1, 28) for _ in range(20)]
    dates = []
    for y, m, d in zip(years, months, days, strict=True):
        dates += [f"{y}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y}", f"{m:02d}/{d:02d}/{y}", f"{y}/{m:02d}/{d:02d}",
                  f"{y}年{m}月{d}日", f"{d} {m:02d} {y}", f"{y}{m:02d}{d:02d}", f"{y}-{m:02d}-{d:02d}T10:30:00Z",
                  f"{y}.{m:02d}.{d:02d}", f"{d:02d}-{m:02d}-{y % 100:02d}"]
    cases["dates"] = dates
    cases["timestamps"] = [str(rng.randint(10**9, 2 * 10**9)) for _ in range(10)] + [
        str(rng.randint(10**12, 2 * 10**12)) for _ in range(10)] + ["12:30:45", "23:59:59.999", "10:30", "00:00:00"]
    cases["year ranges"] = [f"{y}-{y + rng.randint(1, 9)}" for y in years] + [
        f"{y}/{(y + 1) % 100:02d}" for y in years[:10]] + [f"{y}–{y + 3}" for y in years[:10]] + [
        f"{y} {y + 1} {y + 2}" for y in years[:5]]
    versions = []
    for _ in range(30):
        a, b, c, d = rng.randint(0, 9), rng.randint(0, 9), rng.randint(0, 9), rng.randint(0, 9)
        versions += [f"{a}.{b}.{c}.{d}", f"v{a}.{b}.{c}.{d}", f"version {rng.randint(0, 40)}.{b}.{c}.{d}"]
    for _ in range(20):
        versions += [f"{rng.randint(0, 30)}.{rng.randint(0, 30)}.{rng.randint(0, 300)}",  # semantic versions
                     f"{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}-rc.{rng.randint(1, 5)}",
                     f"{rng.randint(80, 130)}.0.{rng.randint(1000, 9999)}.{rng.randint(0, 300)}",  # Chrome
                     f"{rng.randint(1, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}."
                     f"{rng.randint(0, 9)}",  # five parts
                     f"Python {rng.randint(2, 3)}.{rng.randint(0, 12)}.{rng.randint(0, 20)}.{rng.randint(1, 4)}",
                     f"build {rng.randint(1, 20)}.{rng.randint(0, 99)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}",
                     f"Windows 10.0.{rng.randint(10000, 22999)}.{rng.randint(1, 3000)}",
                     f"lodash@{rng.randint(1, 4)}.{rng.randint(0, 20)}.{rng.randint(0, 30)}"]
    cases["versions"] = versions
    cases["ip-like in longer tokens"] = [
        f"{digits(1)}{rng.randint(100, 199)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}"
        for _ in range(10)] + [
        f"{rng.randint(10, 99)}.{rng.randint(10, 99)}.{rng.randint(10, 99)}.{rng.randint(10, 99)}.{rng.randint(1, 9)}"
        for _ in range(10)] + [
        f"1{rng.randint(100, 255)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}"
        for _ in range(5)] + [
        "203.0.113.256", "208.67.222.1000", "208.067.222.222", "208.67.222.222.tar.gz", "208.67.222.222-beta",
        "x208.67.222.222", "file-208.67.222.222"]
    isbns = []
    for _ in range(20):
        body = "978" + digits(9)
        check = (10 - sum(int(ch) * (1 if i % 2 == 0 else 3) for i, ch in enumerate(body)) % 10) % 10
        isbn13 = body + str(check)
        isbns += [isbn13, f"{isbn13[:3]}-{isbn13[3]}-{isbn13[4:7]}-{isbn13[7:12]}-{isbn13[12]}",
                  f"ISBN {isbn13[:3]} {isbn13[3:5]} {isbn13[5:9]} {isbn13[9:12]} {isbn13[12]}"]
        body10 = digits(9)
        check10 = (11 - sum(int(ch) * (10 - i) for i, ch in enumerate(body10)) % 11) % 11
        isbn10 = body10 + ("X" if check10 == 10 else str(check10))
        isbns += [f"{isbn10[0]}-{isbn10[1:4]}-{isbn10[4:9]}-{isbn10[9]}", f"ISBN {isbn10}"]
    cases["isbns"] = [*isbns, "ISSN 0317-8471", "ISSN 2049-3630"]
    coords = []
    for _ in range(25):
        lat, lon = rng.uniform(-90, 90), rng.uniform(-180, 180)
        coords += [f"{lat:.4f}, {lon:.4f}", f"({lat:.6f},{lon:.6f})", f"{abs(lat):.5f}°N {abs(lon):.5f}°E",
                   f"{lat:.4f} {lon:.4f}"]
    cases["coordinates"] = [*coords, "40°26′46″N 79°58′56″W", "52°31'12.0\"N 13°24'17.8\"E"]
    orders = []
    for _ in range(15):
        orders += [f"Order #{luhn_break(luhn_complete('4', 16, rng))}", f"Invoice No. INV-{rng.randint(2015, 2026)}-"
                   f"{digits(6)}", f"订单号：{luhn_break(luhn_complete('62', 19, rng))}",
                   f"Bestellnummer {digits(10)}", f"tracking number 1Z{digits(16)}", f"订单号：1{rng.randint(3, 9)}"
                   f"{digits(9)}", f"Order No. {rng.randint(1, 9)}{digits(2)}-{digits(3)}-{digits(4)}",
                   f"注文番号 {digits(3)}-{digits(7)}-{digits(7)}", f"SKU {digits(3)}-{digits(4)}-{digits(4)}"]
    cases["order numbers"] = orders
    prices = []
    for _ in range(15):
        amount = rng.randint(1000, 99_999_999)
        prices += [f"¥{amount:,}.00", f"${amount:,}.99", f"€ {amount:,}".replace(",", "."),
                   f"{amount:,} ₽".replace(",", " "), f"{amount:,},00 €".replace(",", " ", amount.bit_length()),
                   f"{amount:,}".replace(",", " ") + " €", f"￥{amount}", f"₹{amount:,}"]
    cases["prices"] = prices
    long_ids = []
    for _ in range(20):
        prefix = rng.choice(["4", "51", "37", "6011", "62", "35"])
        length = {"37": 15}.get(prefix, 16)
        card = luhn_break(luhn_complete(prefix, length, rng))
        long_ids += [card, grouped(card), grouped(card, separator="-")]
    for _ in range(10):  # Luhn-valid, but no card network issues these
        long_ids += [luhn_complete(rng.choice(["1", "7", "8", "9"]), 16, rng),
                     luhn_complete("34", 16, rng),  # Amex numbers have 15 digits
                     luhn_complete("4", 14, rng)]  # Visa: 13, 16 or 19
    long_ids += [digits(20), digits(24), "0" * 16, "1234567890123456789012"]
    cases["long numeric ids"] = long_ids
    zips = ["94105", "94105-1234", "10115 Berlin", "75008 Paris", "100-0001", "SW1A 1AA", "EC1A 1BB",
            "D02 X285", "100020", "200120", "2000 Antwerpen", "01-234 Warszawa", "115035 Москва"]
    cases["zip codes"] = zips + [f"{digits(5)}-{digits(4)}" for _ in range(10)]
    cases["chemistry"] = ["C6H12O6", "H2SO4", "Ca(OH)2", "CuSO4·5H2O", "C8H10N4O2", "CAS 7732-18-5", "CAS 50-00-0",
                          "CAS 64-17-5", "Fe2(SO4)3", "NH4NO3", "C2H5OH", "K4[Fe(CN)6]"]
    hashes = []
    for index in range(15):
        seed = f"near-miss {index}".encode()
        hashes += [hashlib.md5(seed).hexdigest(), hashlib.sha1(seed).hexdigest(), hashlib.sha256(seed).hexdigest(),
                   hashlib.sha1(seed).hexdigest()[:7], str(uuid.UUID(int=rng.getrandbits(128)))]
    cases["hashes and uuids"] = [*hashes, "00000000-0000-0000-0000-000000000000", "0x7fffffffffffffff",
                                 "deadbeefcafebabe"]
    cases["cn numbers that are not mobiles"] = (
        [f"1{rng.randint(3, 9)}{digits(11)}" for _ in range(8)]  # 13 digits
        + [f"1{rng.randint(3, 9)}{digits(8)}" for _ in range(8)]  # 10 digits
        + [f"1{rng.randint(3, 9)}{digits(10)}" for _ in range(8)]  # 12 digits
        + [f"1{rng.choice('012')}{digits(9)}" for _ in range(8)]  # 11 digits, not 1[3-9]
        + ["1380013800", "138001380000", "10086", "95588", "400-820-8820"[:0] + "4008208820"]
    )
    bad_ids = []
    for _ in range(15):
        valid = cn_id(rng.choice(["110105", "310104", "440305"]), f"{rng.randint(1950, 2005)}0"
                      f"{rng.randint(1, 9)}{rng.randint(10, 28)}", digits(3))
        wrong_check = valid[:17] + rng.choice([c for c in "0123456789X" if c != valid[17]])
        bad_date = valid[:10] + "0230" + valid[14:17]
        bad_date += cn_id_check_char(bad_date)
        bad_region = "99" + valid[2:17]
        bad_region += cn_id_check_char(bad_region)
        longer = valid[:17] + "0" + next(d for d in "0123456789" if not luhn_valid(valid[:17] + "0" + d))
        bad_ids += [wrong_check, bad_date, bad_region, valid[:17], longer]  # (19 digits: not a card either)
    cases["resident id near-misses"] = bad_ids
    bad_ibans = []
    for example in ("GB82WEST12345698765432", "DE89370400440532013000", "NL91ABNA0417164300",
                    "FR1420041010050500013M02606"):
        check = int(example[2:4])
        bad_ibans += [example[:2] + f"{(check + 1) % 100:02d}" + example[4:], example[:-1],
                      grouped(example[:2] + f"{(check + 3) % 100:02d}" + example[4:]), "XX" + example[2:],
                      example + "0"]
    cases["iban near-misses"] = [*bad_ibans, "ISO 9001", "COVID19", "AB12 CDEF", "ID1234567890"]
    cases["emails that are not"] = ["@jane_doe", "user@localhost", "icon@2x.png", "sprite@3x.webp",
                                    "name at example dot com", "a@b", "a@b.c", "user@@example.com",
                                    "git log --author=@me", "@example.com", "price@1.5", "user@-example.com",
                                    "lodash@4.17.21", "@types/node"]
    cases["ipv6 that is not"] = ["std::vector<int>", "Foo::Bar::baz()", "dead::beef", "John 3:16", "16:9", "1:2:3",
                                 "00:1A:2B:3C:4D:5E", "a1:b2:c3:d4:e5:f6", "ISO 9001:2015", "10:30:00",
                                 "C:\\Users\\x", "::", "http://example.com:8080/", "Genesis 1:1-2:3"]
    cases["other numbers"] = (
        [f"{rng.uniform(0, 1000):.6f}" for _ in range(10)] + ["3.14159265358979", "2.718281828459045"]
        + [f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%" for _ in range(5)] + ["1 000 000", "12 345 678", "1.234.567",
           "3-2", "10.30-12.00", "page 123-456", "pp. 1123-1145", "RFC 3339", "ISO 8601", "¥1,299.00",
           "1,299.00", "NCT01234567", "arXiv:2401.12345", "doi:10.1000/182", "10.1038/nphys1170",
           "PMID 12345678", "+3", "+15%", "+1.5", "+/- 0.25", "1+1=2", "2^32", "0xFF", "№ 123456"]
    )
    return cases


NEAR_MISSES = _near_misses()
# Where a near-miss stands: alone, in running text, and right against CJK characters.
CONTEXTS = ("{}", "We noted {} in the report.", "日期{}。", "Le {} est indiqué.", "({})")


def test_there_are_hundreds_of_near_misses():
    assert sum(len(values) for values in NEAR_MISSES.values()) >= 700
    assert len(NEAR_MISSES) >= 15


@pytest.mark.parametrize("category", sorted(NEAR_MISSES))
@pytest.mark.parametrize("settings", [DEFAULT, ALL_IPS], ids=["public-ips", "all-ips"])
def test_near_misses_are_never_masked(category, settings):
    failures = []
    for value in NEAR_MISSES[category]:
        for context in CONTEXTS:
            text = context.format(value)
            for lang in LANGS:
                result = mask_pii(text, settings, lang)
                if result.text != text or any(result.counts.values()):
                    failures.append((lang, text, result.text))
                    break
    assert not failures, f"{len(failures)} masked: {failures[:10]}"


def test_sample_documents_hold_no_pii():
    """The sample crawl's articles in every language: prose with years, counts and percentages."""
    rng = random.Random(7)
    for lang in LANGUAGES:
        for _ in range(20):
            text = good_document(lang, random.Random(rng.getrandbits(64))).text
            result = mask_pii(text, DEFAULT, lang)
            assert result.text == text and not any(result.counts.values()), (lang, result.counts)


def test_sample_crawl_pii_is_exactly_what_was_planted(truth):
    """Every page of the sample crawl, good and bad, in every language: the masker finds per type exactly the values
    truth.json says were planted (pipeline/sample/planted.py), and every type is planted."""
    planted = Counter()
    mismatches = []
    for url, page in truth["pages"].items():
        if page["content_type"] != "text/html" or page["status"] != 200:
            continue
        result = mask_pii(page["text"], DEFAULT, page["lang"])
        found = {kind: count for kind, count in result.counts.items() if count}
        if found != page["pii"]:
            mismatches.append((url, page["lang"], found, page["pii"]))
        planted.update(page["pii"])
    assert not mismatches, mismatches[:10]
    assert set(planted) == set(PII_TYPES) and min(planted.values()) >= 3, planted
    # A Chinese page holds a resident ID number and a mobile number, and is a good page all the same.
    zh = [p for p in truth["pages"].values() if p["lang"] == "zh" and {"cn_id", "phone"} <= set(p["pii"])]
    assert zh and all(p["quality"] == "good" for p in zh)


@pytest.mark.parametrize("text", [
    "7" * 200_000, "1 " * 100_000, "1." * 100_000, ":" * 200_000, "a1:" * 60_000, "@" * 200_000,
    "a@" * 100_000, "DE89 " * 40_000, ("2001:db8::1 " * 10_000), "+1 " * 60_000,
], ids=["digits", "spaced-digits", "dotted-digits", "colons", "hex-colons", "ats", "a-ats", "iban-starts",
        "many-ipv6", "pluses"])
def test_pathological_inputs_stay_fast(text):
    """Linear time on long degenerate inputs: a data dump in a document must not hold up an executor."""
    import time

    started = time.process_time()
    mask_pii(text, ALL_IPS, "en")
    assert time.process_time() - started < 2.0
