"""Personal data in a document's text: found, counted per type, and replaced by a typed placeholder (or the
document dropped, or the value kept), per type by config. The filter stage calls ``mask_pii`` per document.

Types, in ``PII_TYPES`` order: ``email``, ``ip`` (IPv4 and IPv6), ``phone``, ``cn_id`` (Chinese resident identity
number), ``card`` (payment card number), ``iban``. Each is found by a compiled regex and then validated, so what
is masked is what the type's own rules accept, not what merely looks like it:

- email: ASCII local part @ dotted domain with a letter TLD (or an ``xn--`` IDN TLD). ``logo@2x.png`` (retina
  image names: the "TLD" is a file extension) and ``lodash@4.17.21`` (npm versions: no letter TLD) are not.
- ip: IPv4 is four dotted numbers 0-255 without leading zeros (what ``ipaddress`` accepts), not part of a longer
  dotted or alphanumeric token (``1.2.3.4.5``, ``v1.2.3.4``, ``1.2.3.4.tar.gz``). IPv6 is what ``ipaddress``
  accepts among colon-separated hex groups holding a decimal digit (``std::vector``, ``dead::beef`` are not
  candidates; ``12:30:45`` and MAC addresses are not valid). By default (``ip.scope: public``) only addresses that
  can point at a subscriber are masked: ``ipaddress``'s ``is_global`` minus multicast, and for IPv6 only the
  global unicast block 2000::/3 (IPv4-mapped addresses judged as their IPv4). That leaves 127.0.0.1, 0.0.0.0,
  192.168.1.1 of router manuals, 10/8, the documentation ranges (192.0.2.0/24, 2001:db8::/32) and the like: none of
  them names a person, and they are the bulk of addresses in technical text. An address with a network prefix
  length (``194.222.242.0/24``, ``2001:4860::/32``; not /32 or /128) names a block, not a host, and is kept.
  The public scope is datatrove's PIIFormatter default, which FineWeb runs; ``scope: all`` masks every valid
  address.
- Versions against IPv4: "1.2.3.4" is a valid address string (FineWeb masks it). An IPv4 shape is left alone
  when (a) its four numbers are all single digits (``ip.skip_single_digit_quads``): 1.2.3.4, 2.0.0.1, 3.1.4.1
  are version and section numbers far more often than addresses, and the few public addresses of that shape are
  resolvers and anycast services (1.1.1.1, 8.8.8.8, 9.9.9.9), not people; or (b) the word just before it is a
  version or numbering word (``not_pii_after``: "version", "v", "build", "Python", "Firefox", "section", "OID",
  "版本"...). The same two rules hold whatever ``scope`` says.
- phone: one candidate regex (digits with single spaces, dashes, dots, slashes or an area code in parentheses
  between them, 7 digits or more), then libphonenumber (``phonenumbers``) decides on the candidate alone:
  PhoneNumberMatcher over whole documents would be milliseconds each. A national candidate first passes each
  region's digit gate (a regex from the region's metadata, ~1 µs), then parse, validity and the trunk-prefix
  check (15-40 µs), and only then the matcher (50-130 µs per region).
  ``+`` numbers are parsed without a region and masked when valid (PhoneNumberMatcher over the candidate finds
  the number when the regex took a trailing group with it). Chinese mobile numbers (1[3-9] and 9 digits, plain
  or 3-4-4) are masked in every language when libphonenumber calls them a valid CN mobile. Numbers in national
  format are tried against the document language's regions (``phone.regions``) with PhoneNumberMatcher's
  STRICT_GROUPING leniency: valid, with the trunk prefix where the region's format needs it (German numbers
  start with 0: libphonenumber's parser alone accepts 2024-01-15 as a German number), digit groups as the region
  writes them. Only grouped numbers count (a plain run of digits is an ID as often as a phone), never one
  shaped like a date, a year range, an ISBN or a US ZIP+4 code, and dotted numbers only as 212.555.0199 or
  01.99.00.12.34 (dots also separate decimals, versions and IP-like numbers). Five two-digit numbers after a
  leading 0 (lottery draws, in French text) are indistinguishable from a French number and are masked. A Chinese
  mobile or national number right after an order or reference word (``not_pii_after``: "Order No.", "SKU",
  "订单号") is that, not a phone; "+" numbers are phones whatever stands before them.
- cn_id: 18 digits (the last may be X), optionally 6-8-4 grouped: a region prefix of a province that issues them,
  a real birth date (1900-2099) and the ISO 7064 MOD 11-2 check character of GB 11643. The 15-digit
  first-generation numbers have no check digit and are not masked.
- card: 13-19 digits, plain or in groups of 4 (4-6-5 and 4-6-4 for Amex and Diners), one kind of separator, the
  Luhn check, and a length the issuer's IIN range allows (Visa, Mastercard, Amex, Discover, Diners, JCB,
  UnionPay, Maestro, Mir).
- iban: country code, check digits, the country's registered length (SWIFT IBAN registry), mod 97 = 1;
  upper case, plain or grouped by 4.

A number in a price (a currency sign just before or after it) is never a phone or IP. Numbers inside longer
tokens (a hash, a UUID's groups, part of a longer digit run or of a dotted sequence) are never candidates.
Where two matches overlap, the better validated type wins: email, iban, cn_id, card, ip, phone.

Counts are of what was found, whatever the action (``keep`` counts too). A document with a type whose action is
``drop`` must be dropped (``PiiResult.dropped_by``: the first such type in ``PII_TYPES`` order); its text is masked
all the same (every type not ``keep``), since dropped documents are stored for inspection.

Speed (``bench/pii.py``): a document costs a search for "@", one for an IPv6 hint ("::" or ":hex:") and one scan
for runs of digits (``_number_scan``); the detectors and their validators run on what these find. A document
without any costs about 10 µs per 1,000 characters. Pages of figures (results, statistics, price tables) are the
slow ones, 1-4 ms each: their digit groups are phone candidates in the national formats of the language.
"""

from __future__ import annotations

import bisect
import ipaddress
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

import phonenumbers as pn
from pydantic import Field

from pipeline.core.config import Section

# libphonenumber's metadata has thousands of patterns; phonenumbers compiles them on use through re's cache of 512,
# which a few regions' checks overflow, so every candidate recompiled patterns (a third of the phone time on a page
# of figures). Keeping them compiled is phonenumbers' own option (9.0.x), process-wide and bounded by the metadata.
if hasattr(pn, "enable_pattern_cache"):
    pn.enable_pattern_cache()

PII_TYPES: tuple[str, ...] = ("email", "ip", "phone", "cn_id", "card", "iban")
PII_SIGNALS: tuple[str, ...] = tuple(f"pii_{name}" for name in PII_TYPES)  # the per-document signal columns
# Which match wins an overlap: the stronger the validation, the earlier.
_PRIORITY: tuple[str, ...] = ("email", "iban", "cn_id", "card", "ip", "phone")

Action = Literal["replace", "drop", "keep"]
_ACTION_DESCRIPTION = ("replace: the value becomes the placeholder; drop: the document must be dropped (its text "
                       "is masked too); keep: left as it is (still counted)")


class EmailConfig(Section):
    action: Action = Field(default="replace", description=_ACTION_DESCRIPTION)
    placeholder: str = Field(default="<EMAIL>", description="What a masked email address becomes")


class IpConfig(Section):
    action: Action = Field(default="replace", description=_ACTION_DESCRIPTION)
    placeholder: str = Field(default="<IP>", description="What a masked IPv4 or IPv6 address becomes")
    scope: Literal["public", "all"] = Field(
        default="public",
        description="public: only addresses that can name a subscriber (ipaddress is_global, not multicast; IPv6 in "
                    "2000::/3), as datatrove's PIIFormatter (FineWeb); all: every valid address, loopback, "
                    "private and documentation ranges included")
    skip_single_digit_quads: bool = Field(
        default=True,
        description="Leave IPv4 shapes whose four numbers are single digits (1.2.3.4): version and section numbers, "
                    "or public resolvers (8.8.8.8), not people")


# Languages → the regions whose national phone formats are tried: where most documents in that language come from.
# Each region accepts more digit strings as numbers, so the lists stay short; Hong Kong is left out of zh because
# its numbers are any 8 digits with a valid first digit and no trunk prefix.
DEFAULT_PHONE_REGIONS: dict[str, list[str]] = {
    "en": ["US", "CA", "GB", "AU"],
    "de": ["DE", "AT", "CH"],
    "fr": ["FR", "BE", "CH", "CA"],
    "es": ["ES", "MX", "AR", "CO"],
    "ru": ["RU"],
    "ja": ["JP"],
    "zh": ["CN", "TW"],
    "pt": ["BR", "PT"],
    "it": ["IT"],
    "pl": ["PL"],
    "tr": ["TR"],
    "id": ["ID"],
    "vi": ["VN"],
    "ko": ["KR"],
    "ar": ["SA", "EG", "AE"],
    "hi": ["IN"],
    "th": ["TH"],
    "nl": ["NL", "BE"],
}


class PhoneConfig(Section):
    action: Action = Field(default="replace", description=_ACTION_DESCRIPTION)
    placeholder: str = Field(default="<PHONE>", description="What a masked phone number becomes")
    regions: dict[str, list[str]] = Field(
        default_factory=lambda: {lang: list(regions) for lang, regions in DEFAULT_PHONE_REGIONS.items()},
        description="Per language, the ISO 3166 regions whose national formats are tried (+CC numbers need none)")
    default_regions: list[str] = Field(
        default_factory=list,
        description="Regions tried for a language not in regions (and for lang None); empty: international "
                    "numbers and Chinese mobiles only")
    cn_mobile: bool = Field(
        default=True,
        description="Chinese mobile numbers without +86 (1[3-9] and 9 digits, valid for libphonenumber), in every "
                    "language")


class CnIdConfig(Section):
    action: Action = Field(default="replace", description=_ACTION_DESCRIPTION)
    placeholder: str = Field(default="<ID_NUMBER>", description="What a masked Chinese resident ID number becomes")


class CardConfig(Section):
    action: Action = Field(default="replace", description=_ACTION_DESCRIPTION)
    placeholder: str = Field(default="<CARD_NUMBER>", description="What a masked payment card number becomes")


class IbanConfig(Section):
    action: Action = Field(default="replace", description=_ACTION_DESCRIPTION)
    placeholder: str = Field(default="<IBAN>", description="What a masked IBAN becomes")


# Words after which an IPv4 shape or a national phone number is a version, a section or an order number. Matched
# case-insensitively as the last word before the number, optionally followed by "no.", "nr.", "#" or "№" and
# punctuation ("Order No.: ", "版本：").
DEFAULT_NOT_PII_AFTER: list[str] = [
    # versions
    "v", "ver", "version", "versions", "release", "build", "rev", "revision", "patch", "update", "firmware",
    "kernel", "driver", "sdk", "api", "python", "java", "node", "php", "perl", "ruby", "rust", "gcc", "clang",
    "android", "ios", "windows", "macos", "ubuntu", "debian", "chrome", "chromium", "firefox", "safari", "opera",
    "wordpress", "drupal", "mysql", "postgresql", "nginx", "apache", "openssl", "minecraft",
    "versión", "versão", "versione", "wersja", "sürüm", "versi", "phiên", "bản", "версия", "версии", "верс",
    "版本", "版", "バージョン", "버전", "الإصدار", "संस्करण", "เวอร์ชัน", "rc", "beta", "alpha",
    # numbering
    "section", "sect", "sec", "chapter", "chap", "ch", "clause", "article", "art", "§", "figure", "fig", "table",
    "tab", "step", "item", "paragraph", "para", "appendix", "annex", "oid", "isbn", "issn", "doi", "rfc", "iso",
    "abschnitt", "kapitel", "kap", "abb", "tabelle", "chapitre", "capítulo", "capitolo", "раздел", "глава", "пункт",
    "章", "节", "条", "第",
    "seção", "secção", "sección", "apartado", "sezione", "paragrafo", "paragraphe", "absatz", "sekcja",
    "rozdział", "bölüm", "bagian", "mục", "chương", "القسم", "الفصل", "खंड", "अध्याय", "sectie", "hoofdstuk",
    "seksjon", "kapittel", "afsnit", "avsnitt", "節", "項",
    # order, invoice, tracking and other reference numbers
    "order", "orders", "invoice", "receipt", "tracking", "ref", "reference", "ticket", "sku", "serial", "model",
    "account", "customer", "transaction", "bestellnummer", "bestellung", "rechnung", "auftrag",
    "kundennummer", "commande", "facture", "pedido", "factura", "ordine", "fattura", "zamówienie", "faktura",
    "sipariş", "fatura", "заказ", "счёт", "счет", "накладная", "订单", "订单号", "单号", "编号", "发票", "运单",
    "快递单号", "注文番号", "伝票番号", "주문번호", "송장번호",
]


class PiiConfig(Section):
    """Personal data in the text: per type what is done with it (replace by its placeholder, drop the document,
    keep) and the options of its detector. pipeline/lib/pii.py documents what each type accepts."""

    email: EmailConfig = EmailConfig()
    ip: IpConfig = IpConfig()
    phone: PhoneConfig = PhoneConfig()
    cn_id: CnIdConfig = CnIdConfig()
    card: CardConfig = CardConfig()
    iban: IbanConfig = IbanConfig()
    not_pii_after: list[str] = Field(
        default_factory=lambda: list(DEFAULT_NOT_PII_AFTER),
        description="Words (case-insensitive) that, as the last word before an IPv4 shape or a national-format "
                    "phone number, make it a version, section or order number: not masked")
    context_chars: int = Field(
        default=32, ge=0,
        description="How far back the word before a number is looked for (characters)")


@dataclass(frozen=True, slots=True)
class PiiResult:
    text: str  # with every found value of a type not `keep` replaced by its placeholder
    counts: dict[str, int]  # per type of PII_TYPES (all present), values found whatever the action
    dropped_by: str | None  # the first type of PII_TYPES found whose action is drop; None: keep the document

    @property
    def drop(self) -> bool:
        return self.dropped_by is not None

    def signals(self) -> dict[str, int]:
        """The counts under the signal names of PII_SIGNALS."""
        return {f"pii_{name}": count for name, count in self.counts.items()}


# ---------------------------------------------------------------------------------------------
# Patterns. A number-like candidate never starts inside a word, a longer number or a dotted or dashed sequence,
# and never ends inside one: ASCII letters and digits only, so that Chinese, Japanese or Thai text right against
# a number ("电话13800138000") does not hide it the way \b would.
# ---------------------------------------------------------------------------------------------

_NOT_BEFORE_NUMBER = r"(?<![0-9A-Za-z_+\-./])"
_NOT_AFTER_NUMBER = r"(?![0-9A-Za-z_]|[\-./][0-9A-Za-z])"

# How far around an "@" an address is looked for: RFC 5321's longest local part (64) and domain (255).
_EMAIL_LOCAL_MAX = 64
_EMAIL_DOMAIN_MAX = 255
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9_%+\-](?:[A-Za-z0-9._%+\-]{0,62}[A-Za-z0-9_%+\-])?"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,24}|xn--[A-Za-z0-9\-]{1,59})"
    r"(?![A-Za-z0-9\-_@]|\.[A-Za-z0-9])")
# "TLDs" that are file extensions: icon@2x.png, sprite@3x.webp. None is a delegated TLD.
_FILE_EXTENSIONS = frozenset({"png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "tif", "tiff", "avif",
                              "css", "js", "pdf", "mp3", "mp4", "webm", "json", "html", "htm", "txt"})

_IPV4 = re.compile(r"(?<![0-9A-Za-z_.\-])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![0-9A-Za-z_]|[.\-]\w)")
# An IPv6 address holds "::" or a hex group between two colons: a literal first character, so the scan is fast.
# Around each hint the address is taken as the run of hex digits and colons (and dots, for an IPv4 tail), then
# ipaddress decides.
_IPV6_HINT = re.compile(r"::|:[0-9A-Fa-f]{1,4}:")
_HEX_COLON = frozenset("0123456789abcdefABCDEF:")
_HEX_COLON_DOT = _HEX_COLON | {"."}
_NOT_AROUND_IPV6 = frozenset("ghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ_-.")
_HAS_DIGIT = re.compile(r"\d")
_GLOBAL_UNICAST_V6 = ipaddress.ip_network("2000::/3")  # IANA allocates global unicast addresses from here

# Phone candidates: an optional "+", then 7-21 digits each after at most one separator; an area code in
# parentheses counts as one group. libphonenumber decides afterwards.
_PHONE = re.compile(
    _NOT_BEFORE_NUMBER
    + r"(\+)?(?:\(\d{1,5}\)|\d)(?:[ \u00a0\-./]?(?:\(\d{1,5}\)|\d)){6,20}"
    + _NOT_AFTER_NUMBER)
_PHONE_MIN_DIGITS = 7
_PHONE_MAX_DIGITS = 15  # E.164
_CN_MOBILE = re.compile(r"1[3-9]\d(?:\d{8}|([ \-])\d{4}\1\d{4})")
_SEPARATED = re.compile(r"[ \u00a0\-./()]+")
_NON_DIGIT = re.compile(r"\D")
# Shapes of a date (2024-01-15, 15.01.2024, 01/15/2024, 2024 01 15), a year range (2019-2024, 1998/99), an ISBN
# (978-3-16-148410-0, 0-306-40615-2) and a US ZIP+4 code (94105-1234): never phone numbers, whatever a region's
# metadata accepts (a ZIP+4 code is a valid Spanish number).
_NOT_PHONE_SHAPE = re.compile(
    r"\d{4}([\-./ ])\d{1,2}\1\d{1,2}|\d{1,2}([\-./ ])\d{1,2}\2(?:\d{4}|\d{2})"
    r"|(?:1[5-9]|20)\d\d[\-/](?:(?:1[5-9]|20)\d\d|\d\d)"
    r"|97[89][\- ]\d{1,5}[\- ]\d{1,7}[\- ]\d{1,6}[\- ][\dX]|\d{1,5}-\d{1,7}-\d{1,6}-[\dX]"
    r"|\d{5}-\d{4}")
# Dots separate the groups of decimals, versions and IP-like numbers too: a dotted phone number has the NANP shape
# (1.800.555.0100, 212.555.0199) or groups of two after a leading 0 (01.99.00.12.34, as in France and Belgium).
_DOTTED_PHONE = re.compile(r"(?:1\.)?\d{3}\.\d{3}\.\d{4}|0\d(?:\.\d\d){3,4}")
_CURRENCY = "$€£¥₩₽₹￥₺฿₫₴"

_CN_ID = re.compile(_NOT_BEFORE_NUMBER + r"(\d{6})([ \-]?)(\d{8})\2(\d{3}[\dXx])" + _NOT_AFTER_NUMBER)
_CN_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CN_ID_CHECK = "10X98765432"  # GB 11643: the check character for (weighted sum mod 11)
# First two digits: the provinces, autonomous regions and municipalities (GB/T 2260), 71 Taiwan, 81/82 Hong Kong
# and Macau, 83 the residence permits of Taiwan residents; nothing else is issued.
_CN_ID_PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
    "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83"})
_CN_ID_BIRTH_YEARS = range(1900, 2100)

_CARD = re.compile(
    _NOT_BEFORE_NUMBER
    + r"(?:\d{4}([ \-])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?|\d{4}([ \-])\d{6}\2\d{4,5}|\d{13,19})"
    + _NOT_AFTER_NUMBER)
# Issuer (IIN) ranges and the lengths they issue: (first digits from, to, lengths). Card numbers of other
# prefixes (1 airlines, 7 petroleum, 8 telecom, 9 national) are not payment cards of the networks that matter.
_CARD_RANGES: tuple[tuple[int, int, frozenset[int]], ...] = tuple(
    (low, high, frozenset(lengths)) for low, high, lengths in (
        (4, 4, (13, 16, 19)),  # Visa
        (51, 55, (16,)), (2221, 2720, (16,)),  # Mastercard
        (34, 34, (15,)), (37, 37, (15,)),  # American Express
        (6011, 6011, (16, 17, 18, 19)), (644, 649, (16, 17, 18, 19)), (65, 65, (16, 17, 18, 19)),  # Discover
        (300, 305, (14, 15, 16, 17, 18, 19)), (36, 36, (14, 15, 16, 17, 18, 19)),  # Diners Club
        (38, 39, (16, 17, 18, 19)),
        (3528, 3589, (16, 17, 18, 19)),  # JCB
        (62, 62, (16, 17, 18, 19)),  # UnionPay
        (50, 50, (12, 13, 14, 15, 16, 17, 18, 19)), (56, 58, (12, 13, 14, 15, 16, 17, 18, 19)),  # Maestro
        (2200, 2204, (16, 17, 18, 19)),  # Mir
    ))

_IBAN = re.compile(r"(?<![0-9A-Za-z_])([A-Z]{2})(\d{2})(?:[ ]?[0-9A-Z]){11,30}(?![0-9A-Za-z_])")
# IBAN length per country (SWIFT IBAN registry).
_IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27, "BR": 29,
    "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
    "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
    "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
    "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20,
    "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25,
    "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
    "SO": 23, "ST": 25, "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}
_IBAN_MODULUS = 97
_IBAN_COUNTRY_LETTERS = 2
_IBAN_CHECK_DIGITS = 2
_IBAN_SPAN_MAX = 34 + 8 + 1  # the longest IBAN, a space every 4 characters, the character after it

_IPV4_MIN_DIGITS = 4
_IPV4_BITS = 32
_IPV6_BITS = 128
_PREFIX_LENGTH = re.compile(r"/(\d{1,3})(?!\d)")
_MAX_OCTET = 255
_CN_ID_DIGITS = 18
_CARD_MIN_DIGITS = 13
_WINDOW_BEFORE = 2  # "+(" before a phone number's first digit
_WINDOW_AFTER = 3  # an ID's "X", and what the lookaheads read after a match


def _number_scan(min_digits: int) -> re.Pattern:
    """The one scan over the whole text: runs of at least ``min_digits`` digits with up to 3 separators
    (" ", "-", ".", "/", "(", ")") between any two, and two digits right after two capital letters (an IBAN's
    check digits). Every numeric detector's candidates lie within such a run, so the detectors run on these few
    runs instead of on the text, and a document without any costs one scan whose first character class lets the
    regex engine skip to the next digit."""
    return re.compile(r"\d(?:(?<=[A-Z]{2}\d)\d|(?:[ \u00a0\-./()]{0,3}\d){" + str(min_digits - 1) + ",})")


# ---------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------

def luhn_valid(digits: str) -> bool:
    """The Luhn (mod 10) check of a card number's digits."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def card_issuer_length_ok(digits: str) -> bool:
    """Whether an issuer range of _CARD_RANGES starts these digits and issues numbers of this length."""
    length = len(digits)
    for low, high, lengths in _CARD_RANGES:
        prefix = int(digits[:len(str(low))])
        if low <= prefix <= high and length in lengths:
            return True
    return False


def _card_valid(digits: str) -> bool:
    return card_issuer_length_ok(digits) and luhn_valid(digits)


def cn_id_check_char(first17: str) -> str:
    """GB 11643's check character (ISO 7064 MOD 11-2) of the first 17 digits of a resident identity number."""
    return _CN_ID_CHECK[sum(int(d) * w for d, w in zip(first17, _CN_ID_WEIGHTS, strict=True)) % 11]


def cn_id_valid(number: str) -> bool:
    """An 18-character resident identity number: province prefix, real birth date, check character."""
    if len(number) != 18 or number[:2] not in _CN_ID_PROVINCES:
        return False
    year, month, day = int(number[6:10]), int(number[10:12]), int(number[12:14])
    if year not in _CN_ID_BIRTH_YEARS:
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return cn_id_check_char(number[:17]) == number[17].upper()


def iban_valid(compact: str) -> bool:
    """An IBAN without spaces: the country's length and ISO 7064 MOD 97-10 (remainder 1)."""
    if _IBAN_LENGTHS.get(compact[:2]) != len(compact):
        return False
    rearranged = compact[4:] + compact[:4]
    # Letters count as 10-35: int(char, 36) gives exactly that for digits and letters alike.
    return int("".join(str(int(char, 36)) for char in rearranged)) % _IBAN_MODULUS == 1


# ---------------------------------------------------------------------------------------------
# The masker: settings compiled once, applied per document
# ---------------------------------------------------------------------------------------------

class PiiMasker:
    """``PiiConfig`` prepared for many documents (context pattern, actions, regions, the number scan)."""

    def __init__(self, settings: PiiConfig):
        self.settings = settings
        sections = {name: getattr(settings, name) for name in PII_TYPES}
        self._actions = {name: section.action for name, section in sections.items()}
        self._placeholders = {name: section.placeholder for name, section in sections.items()}
        self._context = _context_pattern(settings.not_pii_after)
        self._context_chars = settings.context_chars
        self._ip = settings.ip
        self._cn_mobile = settings.phone.cn_mobile
        self._regions: dict[str, tuple[str, ...]] = {
            lang: tuple(_region(region) for region in regions) for lang, regions in settings.phone.regions.items()}
        self._default_regions = tuple(_region(region) for region in settings.phone.default_regions)
        # Single-digit quads are IPv4 shapes of 4 digits; without them every number token has 5 digits or more,
        # which leaves out the years and counts of running text.
        min_digits = _IPV4_MIN_DIGITS + (1 if settings.ip.skip_single_digit_quads else 0)
        self._numbers = _number_scan(min_digits)

    def __call__(self, text: str, lang: str | None = None) -> PiiResult:
        found: dict[str, list[tuple[int, int]]] = {name: [] for name in PII_TYPES}
        if "@" in text:
            found["email"] = self._emails(text)
        if _IPV6_HINT.search(text) is not None:
            found["ip"] = self._ipv6(text)
        regions = self._regions.get(lang, self._default_regions) if lang is not None else self._default_regions
        for token in self._numbers.finditer(text):
            start, end = token.span()
            if end - start == _IBAN_CHECK_DIGITS:  # two check digits right after two capitals: an IBAN's start
                found["iban"] += self._iban(text, start - _IBAN_COUNTRY_LETTERS)
                continue
            digits = len(_NON_DIGIT.sub("", token.group()))
            # Each detector runs on the token, with room for what may stand around it: "+" and "(" before a
            # phone number, the "X" that ends a resident ID number, the characters its lookahead reads.
            window_end = min(len(text), end + _WINDOW_AFTER)
            if "." in token.group():
                found["ip"] += self._ipv4(text, start, window_end)
            if digits >= _CN_ID_DIGITS - 1:
                found["cn_id"] += [m.span() for m in _CN_ID.finditer(text, start, window_end)
                                   if cn_id_valid(m.group(1) + m.group(3) + m.group(4))]
            if digits >= _CARD_MIN_DIGITS:
                found["card"] += [m.span() for m in _CARD.finditer(text, start, window_end)
                                  if _card_valid(_NON_DIGIT.sub("", m.group()))]
            if digits >= _PHONE_MIN_DIGITS:
                found["phone"] += self._phones(text, max(0, start - _WINDOW_BEFORE), window_end, regions)
        return self._apply(text, found)

    # --- resolution and actions -------------------------------------------------------------

    def _apply(self, text: str, found: dict[str, list[tuple[int, int]]]) -> PiiResult:
        counts = dict.fromkeys(PII_TYPES, 0)
        if not any(found.values()):
            return PiiResult(text, counts, None)
        # Accepted spans, kept sorted and disjoint: a new one is checked against its two neighbours only.
        starts: list[int] = []
        accepted: list[tuple[int, int, str]] = []
        for name in _PRIORITY:
            for start, end in sorted(set(found[name])):
                index = bisect.bisect_left(starts, start)
                if index < len(accepted) and accepted[index][0] < end:
                    continue
                if index > 0 and accepted[index - 1][1] > start:
                    continue
                starts.insert(index, start)
                accepted.insert(index, (start, end, name))
        pieces: list[str] = []
        position = 0
        dropped = set()
        for start, end, name in accepted:
            counts[name] += 1
            action = self._actions[name]
            if action == "drop":
                dropped.add(name)
            if action != "keep":
                pieces.append(text[position:start])
                pieces.append(self._placeholders[name])
                position = end
        pieces.append(text[position:])
        dropped_by = next((name for name in PII_TYPES if name in dropped), None)
        return PiiResult("".join(pieces), counts, dropped_by)

    def _after_context_word(self, text: str, start: int) -> bool:
        """Whether the word right before ``start`` says the number is a version, section or order number."""
        if not self._context_chars or self._context is None:
            return False
        # The window read backwards: the pattern is anchored at the number and tried once, where a search for
        # "word ... end of window" would try its 200 words at every position of the window (45 µs a number).
        return self._context.match(text[max(0, start - self._context_chars):start][::-1]) is not None

    # --- email ------------------------------------------------------------------------------

    def _emails(self, text: str) -> list[tuple[int, int]]:
        """The address around each "@". Neither part of an address holds another "@", so each search runs
        between the neighbouring ones: every character is searched once, however many "@" the text has."""
        spans = []
        previous = -1
        at = text.find("@")
        while at >= 0:
            following = text.find("@", at + 1)
            start = max(previous + 1, at - _EMAIL_LOCAL_MAX)
            end = min(len(text) if following < 0 else following + 1, at + _EMAIL_DOMAIN_MAX + 1)
            match = _EMAIL.search(text, start, end)
            if match is not None and match.group(1).lower() not in _FILE_EXTENSIONS:
                spans.append(match.span())
            previous, at = at, following
        return spans

    # --- ip ---------------------------------------------------------------------------------

    def _ipv4(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        spans = []
        for match in _IPV4.finditer(text, start, end):
            octets = match.groups()
            if any(len(o) > 1 and o[0] == "0" for o in octets) or any(int(o) > _MAX_OCTET for o in octets):
                continue
            if self._ip.skip_single_digit_quads and all(len(o) == 1 for o in octets):
                continue
            if _price(text, *match.span()) or self._after_context_word(text, match.start()):
                continue
            if _network_prefix(text, match.end(), _IPV4_BITS):
                continue  # 194.222.242.0/24: a network of an operator, not a host
            if self._ip.scope == "public" and not _public(ipaddress.IPv4Address(match.group())):
                continue
            spans.append(match.span())
        return spans

    def _ipv6(self, text: str) -> list[tuple[int, int]]:
        spans = []
        position = 0
        while (hint := _IPV6_HINT.search(text, position)) is not None:
            start, end = hint.start(), hint.end()
            while start > 0 and text[start - 1] in _HEX_COLON:
                start -= 1
            while end < len(text) and text[end] in _HEX_COLON_DOT:
                end += 1
            while text[end - 1] == ".":  # the end of the sentence, not of the address
                end -= 1
            position = max(end, hint.end())
            if (start > 0 and text[start - 1] in _NOT_AROUND_IPV6) or (
                    end < len(text) and (text[end] in _NOT_AROUND_IPV6 and text[end] != ".")):
                continue  # part of a longer token: std::vector, a path, an identifier
            candidate = text[start:end]
            if _HAS_DIGIT.search(candidate) is None:
                continue  # dead::beef, Foo::Bar: words, not addresses
            try:
                address = ipaddress.IPv6Address(candidate)
            except ValueError:
                continue  # 12:30:45, MAC addresses, Bible verses
            if self._ip.scope == "public" and not _public(address):
                continue
            if _network_prefix(text, end, _IPV6_BITS):
                continue  # 2001:4860::/32: a network, not a host
            spans.append((start, end))
        return spans

    # --- phone ------------------------------------------------------------------------------

    def _phones(self, text: str, start: int, end: int, regions: tuple[str, ...]) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for match in _PHONE.finditer(text, start, end):
            begin, finish = match.span()
            raw = match.group()
            if match.group(1):  # +CC
                spans += [(begin + s, begin + e) for s, e in _international(raw)]
                continue
            if _price(text, begin, finish):
                continue
            digits = _NON_DIGIT.sub("", raw)
            if not _PHONE_MIN_DIGITS <= len(digits) <= _PHONE_MAX_DIGITS:
                continue
            if self._cn_mobile and _CN_MOBILE.fullmatch(raw):
                if _valid_cn_mobile(digits) and not self._after_context_word(text, begin):
                    spans.append((begin, finish))
                continue
            if not regions or raw == digits or _NOT_PHONE_SHAPE.fullmatch(raw):
                continue  # a national number must be grouped; dates, year ranges, ISBNs, ZIP+4 are not phones
            if "." in raw and not _DOTTED_PHONE.fullmatch(raw):
                continue  # a decimal, a version, an IP-like number
            if self._after_context_word(text, begin):
                continue
            if _national(raw, regions):
                spans.append((begin, finish))
        return spans

    # --- iban -------------------------------------------------------------------------------

    def _iban(self, text: str, start: int) -> list[tuple[int, int]]:
        if start < 0:
            return []
        match = _IBAN.match(text, start, min(len(text), start + _IBAN_SPAN_MAX))
        if match is None or (length := _IBAN_LENGTHS.get(match.group(1))) is None:
            return []
        # The regex may have taken a following upper-case word ("... 0130 00 BANK"): keep the country's length
        # and require the cut to fall before a space or the end.
        raw = match.group()
        taken, cut = 0, len(raw)
        for index, char in enumerate(raw):
            if char != " ":
                taken += 1
                if taken == length:
                    cut = index + 1
                    break
        if taken < length or (cut < len(raw) and raw[cut] != " "):
            return []
        if not iban_valid(raw[:cut].replace(" ", "")):
            return []
        return [(start, start + cut)]


def _context_pattern(words: list[str]) -> re.Pattern | None:
    """The last word before a number among ``words``, then at most a "no."-style marker and punctuation up to the
    number: written backwards, to be matched at the start of the reversed text before the number."""
    if not words:
        return None
    latin = sorted({w.lower() for w in words if w.isascii() and w.replace(".", "").isalnum()}, key=len, reverse=True)
    other = sorted({w.lower() for w in words} - set(latin), key=len, reverse=True)
    alternatives = []
    if latin:  # a whole word: not the end of a longer Latin one ("v" in "nav"); CJK right before is fine
        alternatives.append("(?:" + "|".join(re.escape(w[::-1]) for w in latin) + r")(?![0-9A-Za-z\u00c0-\u024f])")
    if other:  # CJK words have no spaces around them; "§" is a sign
        alternatives.append("(?:" + "|".join(re.escape(w[::-1]) for w in other) + ")")
    return re.compile(r"[\s:：#№.\-]*(?:\.?(?:on|rn|rebmun|mun|#|№)\s*)?\.?(?:" + "|".join(alternatives) + ")",
                      re.IGNORECASE)


def _price(text: str, start: int, end: int) -> bool:
    """A currency sign right before (¥1299, $ 1 299) or after (12 345 678 €) the number."""
    before = text[max(0, start - 2):start].strip()
    after = text[end:end + 2].strip()
    return bool(before and before[-1] in _CURRENCY) or bool(after and after[0] in _CURRENCY)


def _network_prefix(text: str, end: int, bits: int) -> bool:
    """Whether the address ending at ``end`` is followed by a prefix length shorter than a host's (CIDR "/24"):
    the address names a network block then, which holds many subscribers and names none of them."""
    match = _PREFIX_LENGTH.match(text, end)
    return match is not None and int(match.group(1)) < bits


def _public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address can name a subscriber: see the module docstring (ip, scope public)."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return _public(address.ipv4_mapped)
        if address not in _GLOBAL_UNICAST_V6:
            return False
    return address.is_global and not address.is_multicast


def _region(region: str) -> str:
    """The region's code, checked against libphonenumber's metadata."""
    if pn.PhoneMetadata.metadata_for_region(region.upper()) is None:
        raise ValueError(f"phone region {region!r}: not a region libphonenumber knows")
    return region.upper()


def _international(raw: str) -> list[tuple[int, int]]:
    """The valid +CC numbers in a candidate starting with "+": the whole of it, or what PhoneNumberMatcher finds
    (the candidate may have taken a following number with it)."""
    try:
        if pn.is_valid_number(pn.parse(raw, None)):
            return [(0, len(raw))]
    except pn.NumberParseException:
        pass
    return [(m.start, m.end) for m in pn.PhoneNumberMatcher(raw, None, leniency=pn.Leniency.VALID)
            if m.raw_string.startswith("+")]


def _valid_cn_mobile(digits: str) -> bool:
    number = pn.parse(digits, "CN")
    return pn.is_valid_number(number) and pn.number_type(number) in (
        pn.PhoneNumberType.MOBILE, pn.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def _national(raw: str, regions: tuple[str, ...]) -> bool:
    """Whether the whole candidate is a valid national number of one of the regions, written as that region
    writes it: PhoneNumberMatcher's STRICT_GROUPING (the digit groups are the region's, merged or not, the trunk
    prefix is there where the region's format needs it, no date or timestamp).

    The matcher costs 50-130 µs per region and candidate, and a page of figures (a results table, a price list, a
    statistics page) has a hundred candidates: 30 documents per CPU-second. Each region's digit gate
    (``_digit_gate``) turns away in about a microsecond what no number of its country can be, and only what
    passes it goes to the matcher."""
    digits = _NON_DIGIT.sub("", raw)
    for region in regions:
        gate = _digit_gate(region)
        if gate is not None and digits.isascii() and gate.fullmatch(digits) is None:
            continue
        try:  # what STRICT_GROUPING checks first, at a fraction of the matcher's cost: most candidates stop here
            number = pn.parse(raw, region, keep_raw_input=True)
        except pn.NumberParseException:
            continue
        if not pn.is_valid_number(number) or not _national_prefix_present_if_required(number):
            continue
        for match in pn.PhoneNumberMatcher(raw, region, leniency=pn.Leniency.STRICT_GROUPING):
            if match.start == 0 and match.end == len(raw):
                return True
    return False


# STRICT_GROUPING's own check that a national number carries its trunk prefix where the region's format writes
# one ("030 23125123", not "30 23125123"): most digit groups that pass the digit gate fail here. It is private to
# phonenumbers (9.0.x); without it the matcher alone decides, as before.
_national_prefix_present_if_required = getattr(
    __import__("phonenumbers.phonenumbermatcher", fromlist=["_"]), "_is_national_prefix_present_if_required",
    lambda number: True)


@cache
def _digit_gate(region: str) -> re.Pattern | None:
    """A necessary condition on the digits of a national-format number of ``region``, from libphonenumber's own
    metadata: an optional country code, an optional trunk prefix (the region's national_prefix_for_parsing),
    then a national number that the general pattern of a region with that country code accepts (every valid
    number matches its region's general pattern; the regions sharing the country code are included because
    is_valid_number accepts their numbers too: a Jersey number parsed as GB, a Canadian one as US). Digits
    starting with an international call prefix (00, 011) pass: parse reads them as an international number.
    None (no gate) for regions that rewrite the trunk prefix into the national number (AR, BR, JP's
    national_prefix_transform_rule): their national number is not a tail of the digits as written."""
    metadata = pn.PhoneMetadata.metadata_for_region(region)
    if metadata.national_prefix_transform_rule:
        return None
    country_code = str(metadata.country_code)
    patterns = []
    for other in pn.COUNTRY_CODE_TO_REGION_CODE.get(metadata.country_code, (region,)):
        other_metadata = pn.PhoneMetadata.metadata_for_region(other)
        if other_metadata is not None and other_metadata.general_desc.national_number_pattern:
            patterns.append(other_metadata.general_desc.national_number_pattern)
    if not patterns:
        return None
    trunk = metadata.national_prefix_for_parsing or metadata.national_prefix or ""
    idd = metadata.international_prefix or ""
    national = (f"(?:{re.escape(country_code)})?" + (f"(?:{trunk})?" if trunk else "")
                + "(?:" + "|".join(f"(?:{pattern})" for pattern in patterns) + ")")
    return re.compile(f"(?:{idd})\\d*|{national}" if idd else national)


# By id(settings), with the settings object itself (held, so its id is not reused while cached): the per-document
# lookup.
_MASKERS: dict[int, tuple[PiiConfig, PiiMasker]] = {}
_MASKERS_BY_VALUE: dict[str, PiiMasker] = {}  # by the settings' JSON: equal settings share one masker
_MAX_MASKERS = 8  # settings seen in one process: a stage has one; tests a few


def masker(settings: PiiConfig) -> PiiMasker:
    """The compiled masker of these settings, kept for the process's life. Looked up by the object first (a
    dict lookup per document); an equal settings object (Spark unpickles a copy of the config in every task)
    gets the masker already compiled for its value. Settings are frozen, so neither key goes stale."""
    cached = _MASKERS.get(id(settings))
    if cached is not None and cached[0] is settings:
        return cached[1]
    if len(_MASKERS) >= _MAX_MASKERS:
        _MASKERS.clear()
    if len(_MASKERS_BY_VALUE) >= _MAX_MASKERS:
        _MASKERS_BY_VALUE.clear()
    value = settings.model_dump_json()
    made = _MASKERS_BY_VALUE.get(value)
    if made is None or made.settings != settings:
        made = _MASKERS_BY_VALUE[value] = PiiMasker(settings)
    _MASKERS[id(settings)] = (settings, made)
    return made


def mask_pii(text: str, settings: PiiConfig, lang: str | None = None) -> PiiResult:
    """Find, count and mask the personal data in ``text`` (a document in language ``lang``, which picks the
    national phone formats tried) as ``settings`` say."""
    return masker(settings)(text, lang)
