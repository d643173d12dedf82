"""The mini web behind the sample crawl: hosts, pages, links and duplicates, with the truth about each.

It is shaped like the real web a search engine ranks: a few authoritative hubs that many sites link
to, many ordinary sites, a link farm (spam hosts densely interlinked to boost one target), nofollow
and user-generated links, links to hosts outside the crawl, redirects, 404s and non-HTML captures.
Seventeen languages in every script family (Latin, Cyrillic, Arabic, Devanagari, Hangul, Chinese and
Japanese, Thai); the ten added to the first seven are mid-size to small, each with its own real hubs.
Chinese is about 2% of pages, as it is scarce in Common Crawl, and some Chinese, Japanese and Korean
pages are served in legacy charsets, declared in the HTTP header, in a <meta> tag, or not at all.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass, field

from pipeline.sample import planted
from pipeline.sample import text as prose

# Crawled hosts per language at scale 1 (the link farm comes on top). Chinese is kept scarce.
HOSTS_PER_LANGUAGE = {"en": 165, "de": 55, "fr": 50, "es": 45, "ru": 45, "ja": 36, "zh": 18,
                      "pt": 16, "it": 14, "pl": 13, "tr": 13, "ko": 13, "ar": 13, "id": 12, "vi": 11, "hi": 11,
                      "th": 10}
HUBS_PER_LANGUAGE = {"en": 9, "de": 3, "fr": 3, "es": 2, "ru": 2, "ja": 2, "zh": 2,
                     "pt": 2, "it": 2, "pl": 2, "tr": 2, "ko": 2, "ar": 2, "id": 1, "vi": 1, "hi": 1, "th": 1}
SPAM_HOSTS = 20
FARM_LINKS = 12  # links from each farm page to other farm hosts (the farm target gets one from every page)
PAGES_HUB = (10, 16)
PAGES_HUB_ZH = (6, 10)
PAGES_ORDINARY = (2, 6)
PAGES_ORDINARY_ZH = (1, 3)
LOW_QUALITY_SHARE = 0.12
EXACT_DUP_SHARE = 0.04
NEAR_DUP_SHARE = 0.03
NON_HTML_SHARE = 0.03
NOT_FOUND_SHARE = 0.02
REDIRECT_HOST_SHARE = 0.08
# Links from a page: to hubs (mostly of its own language) and to ordinary peers. An ordinary site links mostly to
# sites of its own language; a hub vouches for sites across the web, so trust from the seeded hubs reaches every
# language (TrustRank flags a site no trusted page reaches as spam: without this, the small languages' sites would
# live on links among themselves alone).
HUB_LINKS_FROM_HUB = (3, 7)
HUB_LINKS_FROM_ORDINARY = (1, 3)
SAME_LANGUAGE_HUB_SHARE = 0.7
PEER_LINKS_FROM_HUB = (0, 3)
PEER_LINKS_FROM_ORDINARY = (0, 2)
SAME_LANGUAGE_PEER_SHARE = 0.8
SAME_LANGUAGE_PEER_SHARE_FROM_HUB = 0.3

# Real authoritative sites, so trust seeds written for real releases also name the sample's hubs.
REAL_HUBS = {
    "en": ["www.bbc.co.uk", "www.nytimes.com", "www.theguardian.com", "www.reuters.com", "www.nasa.gov",
           "www.nih.gov", "www.harvard.edu", "www.nature.com", "www.npr.org"],
    "de": ["www.spiegel.de", "www.zeit.de", "www.tagesschau.de"],
    "fr": ["www.lemonde.fr", "www.lefigaro.fr", "www.radiofrance.fr"],
    "es": ["elpais.com", "www.rtve.es"],
    "ru": ["ria.ru", "lenta.ru"],
    "ja": ["www.nhk.or.jp", "www.asahi.com"],
    "zh": ["www.people.com.cn", "www.gov.cn"],
    "pt": ["www.globo.com", "www.folha.uol.com.br", "www.publico.pt"],
    "it": ["www.repubblica.it", "www.corriere.it", "www.rai.it"],
    "pl": ["www.onet.pl", "wyborcza.pl", "www.polskieradio.pl"],
    "tr": ["www.hurriyet.com.tr", "www.trthaber.com", "www.milliyet.com.tr"],
    "ko": ["www.chosun.com", "www.yna.co.kr", "www.hani.co.kr"],
    "ar": ["www.aljazeera.net", "www.alarabiya.net", "www.youm7.com"],
    "id": ["www.kompas.com", "www.detik.com", "www.tempo.co"],
    "vi": ["vnexpress.net", "tuoitre.vn", "thanhnien.vn"],
    "hi": ["www.bhaskar.com", "www.amarujala.com", "www.jagran.com"],
    "th": ["www.thairath.co.th", "www.matichon.co.th", "www.bangkokbiznews.com"],
}
# Hosts outside the crawl that pages link to (never fetched: vertices without pages).
EXTERNAL_HOSTS = ["en.wikipedia.org", "www.youtube.com", "twitter.com", "github.com", "www.facebook.com",
                  "de.wikipedia.org", "fr.wikipedia.org", "ja.wikipedia.org", "zh.wikipedia.org",
                  "www.baidu.com", "weibo.com", "www.yandex.ru", "vk.com", "www.amazon.de", "www.instagram.com",
                  "pt.wikipedia.org", "ko.wikipedia.org", "ar.wikipedia.org", "hi.wikipedia.org", "th.wikipedia.org",
                  "www.naver.com", "www.tokopedia.com", "shopee.vn", "www.mercadolivre.com.br", "www.allegro.pl"]
NAME_PARTS = {
    "en": ["green", "river", "stone", "maple", "harbor", "north", "bright", "cedar", "summit", "valley", "pixel",
           "quiet", "silver", "forest", "meadow", "lantern", "copper", "atlas", "orchard", "beacon", "prairie",
           "willow", "granite", "coastal", "hollow", "thistle", "amber", "falcon", "garden", "kitchen"],
    "de": ["garten", "berg", "wald", "stadt", "haus", "licht", "feld", "see", "bach", "markt", "brunnen",
           "heide", "tal", "stein", "linde", "hafen", "wiese", "burg", "kreis", "werk"],
    "fr": ["jardin", "maison", "ciel", "soleil", "rivage", "pierre", "lune", "vigne", "bois", "port", "cuisine",
           "village", "chemin", "source", "atelier", "colline", "plume", "verger", "marche", "phare"],
    "es": ["sol", "casa", "rio", "monte", "luna", "campo", "mar", "verde", "piedra", "plaza", "cocina",
           "sierra", "puerto", "jardin", "huerta", "camino", "faro", "olivo", "nube", "valle"],
    "ru": ["dom", "reka", "les", "gorod", "sad", "pole", "svet", "more", "zvezda", "kniga", "most", "ozero",
           "gora", "sever", "bereg", "kray", "luch", "ugolok", "pechka", "rodnik"],
    "ja": ["sakura", "yama", "kawa", "hoshi", "mori", "umi", "sora", "hana", "tsuki", "kaze", "midori",
           "shima", "take", "matsu", "izumi", "nagi", "hikari", "kumo", "yuki", "tani"],
    "zh": ["hua", "shan", "shui", "tian", "long", "jin", "ming", "xin", "yun", "feng", "hai", "lin", "chun",
           "qing", "an", "kang", "le", "xing", "bao", "da"],
    "pt": ["casa", "sol", "mar", "rio", "serra", "jardim", "cozinha", "praia", "vila", "estrada", "caderno", "horta",
           "sabor", "viagem", "lua", "terra", "cafe", "recanto", "janela", "trilha"],
    "it": ["casa", "sole", "mare", "colle", "borgo", "giardino", "cucina", "orto", "strada", "piazza", "bosco",
           "fiume", "lago", "vigna", "torre", "ponte", "nido", "lanterna", "quaderno", "pane"],
    "pl": ["dom", "las", "rzeka", "ogrod", "kuchnia", "pole", "gora", "jezioro", "zakatek", "droga", "chata", "sad",
           "brzoza", "dworek", "mlyn", "pasieka", "wies", "slonko", "kotek", "kawa"],
    "tr": ["ev", "bahce", "deniz", "dag", "yol", "mutfak", "koy", "ada", "nehir", "orman", "cicek", "gunes", "yayla",
           "liman", "kahve", "defter", "zeytin", "cinar", "pazar", "kule"],
    "ko": ["maeul", "bada", "san", "gang", "jip", "bap", "namu", "haneul", "dal", "byeol", "kkot", "gil", "sup",
           "bom", "gaeul", "sori", "nuri", "haru", "miri", "saem"],
    "ar": ["dar", "bahr", "jabal", "nahr", "bustan", "matbakh", "qarya", "shams", "qamar", "nakhla", "zaytun",
           "waha", "sahra", "bayt", "rihla", "hadiqa", "noor", "yasmin", "ward", "souk"],
    "id": ["rumah", "kebun", "laut", "gunung", "jalan", "dapur", "kampung", "pantai", "sungai", "hutan", "bunga",
           "matahari", "pulau", "kopi", "cerita", "pena", "bambu", "senja", "awan", "padi"],
    "vi": ["nha", "vuon", "bien", "nui", "duong", "bep", "lang", "song", "rung", "hoa", "nang", "mua", "ga", "pho",
           "que", "tre", "sen", "may", "lua", "ban"],
    "hi": ["ghar", "bagh", "nadi", "pahad", "rasoi", "gaon", "sapna", "suraj", "chand", "phool", "safar", "kahani",
           "mela", "dhara", "aangan", "khidki", "baadal", "chai", "desi", "yatra"],
    "th": ["baan", "suan", "thale", "doi", "khrua", "muang", "nam", "dao", "fah", "dok", "mai", "klang", "rim", "nok",
           "yen", "khao", "sabai", "chiang", "lanna", "sanuk"],
}
SUFFIXES = {
    "en": [("com", 0.58), ("org", 0.15), ("net", 0.1), ("co.uk", 0.12), ("github.io", 0.05)],
    "de": [("de", 0.9), ("com", 0.1)],
    "fr": [("fr", 0.85), ("com", 0.15)],
    "es": [("es", 0.7), ("com", 0.2), ("com.mx", 0.1)],
    "ru": [("ru", 0.9), ("com", 0.1)],
    "ja": [("jp", 0.3), ("co.jp", 0.4), ("ne.jp", 0.1), ("com", 0.2)],
    "zh": [("cn", 0.3), ("com.cn", 0.4), ("org.cn", 0.1), ("com.tw", 0.2)],
    "pt": [("com.br", 0.65), ("pt", 0.15), ("com", 0.2)],
    "it": [("it", 0.85), ("com", 0.15)],
    "pl": [("pl", 0.8), ("com.pl", 0.08), ("com", 0.12)],
    "tr": [("com.tr", 0.5), ("com", 0.4), ("org.tr", 0.1)],
    "ko": [("co.kr", 0.45), ("kr", 0.15), ("com", 0.4)],
    "ar": [("com", 0.45), ("net", 0.15), ("ma", 0.1), ("com.eg", 0.1), ("com.sa", 0.1), ("jo", 0.1)],
    "id": [("co.id", 0.3), ("id", 0.2), ("com", 0.4), ("web.id", 0.1)],
    "vi": [("vn", 0.4), ("com.vn", 0.4), ("com", 0.2)],
    "hi": [("in", 0.35), ("co.in", 0.25), ("com", 0.4)],
    "th": [("co.th", 0.4), ("in.th", 0.2), ("com", 0.4)],
}
# A few sites with internationalized names: crawled under their punycode name, linked in Unicode.
IDN_SITES = [("de", "www.bücherstube.de"), ("ru", "библиотека.рф"), ("ja", "日本料理.jp"), ("ko", "한국요리.kr"),
             ("th", "อาหารไทย.com")]

CHARSETS = {  # (true encoding, weight)
    "en": [("utf-8", 1.0)],
    "de": [("utf-8", 0.8), ("iso-8859-1", 0.1), ("windows-1252", 0.1)],
    "fr": [("utf-8", 0.85), ("windows-1252", 0.15)],
    "es": [("utf-8", 0.9), ("iso-8859-1", 0.1)],
    "ru": [("utf-8", 0.6), ("windows-1251", 0.3), ("koi8-r", 0.1)],
    "ja": [("utf-8", 0.5), ("shift_jis", 0.35), ("euc-jp", 0.15)],
    "zh": [("utf-8", 0.4), ("gbk", 0.3), ("gb18030", 0.1)],  # .com.tw sites are Big5
    "pt": [("utf-8", 0.85), ("iso-8859-1", 0.15)],
    "it": [("utf-8", 0.85), ("windows-1252", 0.1), ("iso-8859-1", 0.05)],
    "id": [("utf-8", 0.9), ("iso-8859-1", 0.1)],
    "ko": [("utf-8", 0.75), ("euc-kr", 0.25)],
    # Served in UTF-8 only here: their legacy charsets (ISO-8859-2, windows-1254, windows-1256, TIS-620) cannot be
    # told apart from windows-1252 when undeclared, so the decoder's detection does not try them.
    "pl": [("utf-8", 1.0)],
    "tr": [("utf-8", 1.0)],
    "ar": [("utf-8", 1.0)],
    "vi": [("utf-8", 1.0)],
    "hi": [("utf-8", 1.0)],
    "th": [("utf-8", 1.0)],
}
# How a legacy charset is announced. "none" leaves detection to the reader.
DECLARATIONS = [("header", 0.35), ("meta", 0.35), ("both", 0.15), ("none", 0.15)]
# Labels pages really use: GBK text is often labelled gb2312, which it is not a subset of.
CHARSET_LABELS = {"gbk": ["gb2312", "gbk", "GB2312"], "shift_jis": ["shift_jis", "Shift_JIS", "sjis"],
                  "big5": ["big5", "Big5"], "euc-jp": ["euc-jp", "EUC-JP"], "gb18030": ["gb18030", "GB18030"],
                  "windows-1251": ["windows-1251", "cp1251"], "koi8-r": ["koi8-r"],
                  "iso-8859-1": ["iso-8859-1", "ISO-8859-1"], "windows-1252": ["windows-1252"],
                  "euc-kr": ["euc-kr", "EUC-KR", "ks_c_5601-1987"]}


@dataclass(eq=False)
class Host:
    name: str  # as crawled: lower-case ASCII (punycode for IDN)
    kind: str  # hub | ordinary | spam | farm_target
    lang: str
    display_name: str  # as written in links (Unicode for IDN)
    site_name: str
    charset: str = "utf-8"
    script: str = "simplified"
    pages: list[Page] = field(default_factory=list)
    redirect_from: str | None = None  # an old host name that 301-redirects here


@dataclass
class Link:
    tag: str  # a | area | img | link | script
    href: str  # as written in the HTML
    url: str  # absolute, as resolved
    text: str = ""
    rel: str | None = None
    host: str | None = None  # the target's canonical host name; None where the URL has no valid public host


@dataclass(eq=False)
class Page:
    url: str
    host: Host
    status: int = 200
    content_type: str = "text/html"
    lang: str | None = None
    quality: str | None = None  # good | low (HTML pages)
    low_kind: str | None = None
    document: prose.Document | None = None
    links: list[Link] = field(default_factory=list)
    charset: str = "utf-8"
    declared: str = "both"  # header | meta | both | none
    label: str = "utf-8"
    base_href: str | None = None
    redirect_to: str | None = None
    dup_cluster: int | None = None
    dup_role: str | None = None  # original | exact | near
    body: bytes = b""  # non-HTML payloads
    spam_family: str | None = None  # low_kind "spam": lottery, private_servers, pharma, loans...
    pii: dict[str, int] = field(default_factory=dict)  # personal data planted in the text: type -> values
    contaminated: dict | None = None  # benchmark text planted: {"benchmark": ..., "item": ...}


def weighted(rng: random.Random, options: list[tuple[str, float]]) -> str:
    return rng.choices([value for value, _ in options], weights=[weight for _, weight in options])[0]


def idna_ascii(name: str) -> str:
    return ".".join(label.encode("idna").decode("ascii") if not label.isascii() else label for label in name.split("."))


class WebBuilder:
    def __init__(self, seed: int, scale: int):
        self.seed = seed
        self.rng = random.Random(seed)
        self.scale = scale
        self.hosts: list[Host] = []
        self.taken: set[str] = set()
        self.slugs: set[str] = set()
        self.dup_clusters: list[list[str]] = []
        self.cluster_kinds: list[str] = []

    # ---- hosts -------------------------------------------------------------------------------
    def _new_name(self, lang: str) -> str:
        rng = self.rng
        for _ in range(1000):
            parts = NAME_PARTS[lang]
            base = rng.choice(parts) + rng.choice(parts)
            if rng.random() < 0.3:
                base += str(rng.randint(1, 99))
            elif rng.random() < 0.15:
                base = rng.choice(parts) + "-" + rng.choice(parts)
            suffix = weighted(rng, SUFFIXES[lang])
            if suffix == "github.io":
                name = f"{base}.github.io"
            else:
                prefix = weighted(rng, [("www.", 0.6), ("", 0.2), ("blog.", 0.08), ("news.", 0.06), ("shop.", 0.06)])
                name = f"{prefix}{base}.{suffix}"
            if name not in self.taken:
                self.taken.add(name)
                return name
        raise RuntimeError("host name space exhausted")

    def _add_host(self, name: str, kind: str, lang: str, display: str | None = None) -> Host:
        self.taken.add(name)
        host = Host(name=name, kind=kind, lang=lang, display_name=display or name,
                    site_name=prose.site_name(lang, self.rng))
        if lang == "zh" and name.endswith(".com.tw"):
            host.charset, host.script = "big5", "traditional"
        else:
            host.charset = weighted(self.rng, CHARSETS[lang])
        self.hosts.append(host)
        return host

    def build_hosts(self) -> None:
        rng = self.rng
        for lang, count in HOSTS_PER_LANGUAGE.items():
            hubs = HUBS_PER_LANGUAGE[lang] * self.scale
            for index in range(hubs):
                real = REAL_HUBS[lang]
                name = real[index] if index < len(real) else self._new_name(lang)
                self._add_host(name, "hub", lang)
            for _ in range(count * self.scale - hubs):
                self._add_host(self._new_name(lang), "ordinary", lang)
        for lang, display in IDN_SITES:
            self._add_host(idna_ascii(display), "ordinary", lang, display=display)
        # A second host on some registered domains (blog.x.com beside www.x.com): same-domain links.
        self.siblings: dict[int, Host] = {}
        for host in list(self.hosts):
            if host.kind == "ordinary" and host.name.startswith("www.") and rng.random() < 0.08:
                sibling = "blog." + host.name[4:]
                if sibling not in self.taken:
                    blog = self._add_host(sibling, "ordinary", host.lang)
                    self.siblings[id(host)], self.siblings[id(blog)] = blog, host
        farm_lang = "en"
        for _ in range(SPAM_HOSTS * self.scale):
            name = self._new_name(farm_lang).replace("www.", "", 1)
            self._add_host(f"best-{name}" if not name.startswith("best-") else name, "spam", farm_lang)
        self.farm_target = self._add_host(self._new_name(farm_lang), "farm_target", farm_lang)
        for host in self.hosts:
            if host.kind == "ordinary" and rng.random() < REDIRECT_HOST_SHARE:
                old = self._new_name(host.lang)
                host.redirect_from = old

    # ---- pages -------------------------------------------------------------------------------
    def _slug(self, lang: str) -> str:
        while True:
            words = self.rng.sample(NAME_PARTS[lang], 2)
            slug = f"{words[0]}-{words[1]}-{self.rng.randint(100, 99999)}"
            if slug not in self.slugs:
                self.slugs.add(slug)
                return slug

    def _page_url(self, host: Host, index: int) -> str:
        if index == 0:
            return f"https://{host.name}/"
        style = self.rng.randrange(4)
        slug = self._slug(host.lang)
        if style == 0:
            return f"https://{host.name}/articles/{slug}.html"
        if style == 1:
            return f"https://{host.name}/blog/{2020 + self.rng.randrange(5)}/{self.rng.randint(1, 12):02d}/{slug}"
        if style == 2:
            return f"https://{host.name}/news/{slug}?ref=home"
        return f"https://{host.name}/{slug}/"

    def build_pages(self) -> None:
        rng = self.rng
        for host in self.hosts:
            if host.kind == "hub":
                count = rng.randint(*(PAGES_HUB_ZH if host.lang == "zh" else PAGES_HUB))
            elif host.kind in ("spam",):
                count = 2
            elif host.kind == "farm_target":
                count = 3
            else:
                count = rng.randint(*(PAGES_ORDINARY_ZH if host.lang == "zh" else PAGES_ORDINARY))
            for index in range(count):
                page = Page(url=self._page_url(host, index), host=host, lang=host.lang)
                self._fill_page(page, index)
                host.pages.append(page)
        self._every_low_kind()

    def _every_low_kind(self) -> None:
        """Every language shows every kind of low-quality page, its gambling and adult spam included: small
        languages draw too few low pages to be sure of that, so an ordinary good article stands in for a kind
        that is missing."""
        rng = self.rng
        for lang in HOSTS_PER_LANGUAGE:
            pages = [p for h in self.hosts if h.lang == lang and h.kind == "ordinary" for p in h.pages[1:]
                     if p.content_type == "text/html" and p.status == 200]
            present = {p.low_kind for p in pages}
            for kind in prose.LOW_QUALITY_KINDS:
                good = [p for p in pages if p.quality == "good"]
                if kind in present or not good:
                    continue
                page = rng.choice(good)
                page.quality, page.low_kind = "low", kind
                page.document = in_script(prose.low_quality_document(lang, rng, kind), page.host.script)

    def _fill_page(self, page: Page, index: int) -> None:
        rng, host = self.rng, page.host
        roll = rng.random()
        if index > 0 and host.kind == "ordinary" and roll < NON_HTML_SHARE:
            kind = rng.choice(["application/pdf", "image/jpeg", "application/json"])
            page.content_type, page.lang = kind, None
            page.url = page.url.rstrip("/").split("?")[0] + {"application/pdf": ".pdf", "image/jpeg": ".jpg",
                                                             "application/json": ".json"}[kind]
            page.body = _binary_payload(kind, rng)
            return
        if index > 0 and host.kind == "ordinary" and roll < NON_HTML_SHARE + NOT_FOUND_SHARE:
            page.status, page.quality = 404, None
            page.document = prose.Document(title="404", paragraphs=("404 Not Found",))
            return
        page.charset = host.charset
        if page.charset != "utf-8":
            page.declared = weighted(rng, DECLARATIONS)
            page.label = rng.choice(CHARSET_LABELS[page.charset])
        else:
            page.declared = weighted(rng, [("header", 0.4), ("meta", 0.3), ("both", 0.2), ("none", 0.1)])
        if host.kind == "spam":
            page.quality, page.low_kind = "low", rng.choice(["gambling_spam", "adult_spam", "keyword_stuffing"])
        elif host.kind == "farm_target":
            page.quality, page.low_kind = "low", "gambling_spam"
        elif host.kind == "ordinary" and rng.random() < LOW_QUALITY_SHARE:
            page.quality, page.low_kind = "low", rng.choice(prose.LOW_QUALITY_KINDS)
        else:
            page.quality = "good"
        if page.quality == "low":
            page.document = in_script(prose.low_quality_document(host.lang, rng, page.low_kind), host.script)
        else:
            page.document = prose.good_document(host.lang, rng, script=host.script)
        if rng.random() < 0.05:
            page.base_href = f"https://{host.name}/static/"

    # ---- duplicates --------------------------------------------------------------------------
    def build_duplicates(self) -> None:
        rng = self.rng
        by_lang: dict[str, list[Page]] = {}
        for page in self.html_pages():
            if page.quality == "good" and page.host.kind in ("hub", "ordinary") and page.status == 200:
                by_lang.setdefault(page.lang, []).append(page)
        for lang, pages in sorted(by_lang.items()):
            pages = [p for p in pages if not p.url.endswith(f"{p.host.name}/")]
            rng.shuffle(pages)
            exact = max(1, round(len(pages) * EXACT_DUP_SHARE))
            near = max(1, round(len(pages) * NEAR_DUP_SHARE))
            originals, copies_pool = pages[: exact + near], pages[exact + near :]
            for number, original in enumerate(originals):
                kind = "exact" if number < exact else "near"
                # Copies stay within one script: a Big5 (traditional) site syndicates traditional text.
                wanted = rng.randint(1, 3)
                copies: list[Page] = []
                used_hosts = {id(original.host)}
                for candidate in copies_pool:
                    if len(copies) == wanted:
                        break
                    if id(candidate.host) not in used_hosts and candidate.host.script == original.host.script:
                        copies.append(candidate)
                        used_hosts.add(id(candidate.host))
                copies_pool = [p for p in copies_pool if p not in copies]
                if not copies:
                    continue
                cluster = len(self.dup_clusters)
                original.dup_cluster, original.dup_role = cluster, "original"
                urls = [original.url]
                for copy in copies:
                    if kind == "exact":
                        copy.document = original.document
                    else:
                        copy.document = prose.near_duplicate(original.document, lang, rng)
                    copy.dup_cluster, copy.dup_role = cluster, kind
                    urls.append(copy.url)
                self.dup_clusters.append(urls)
                self.cluster_kinds.append(kind)

    # ---- links -------------------------------------------------------------------------------
    def html_pages(self) -> list[Page]:
        return [p for h in self.hosts for p in h.pages if p.content_type == "text/html"]

    def _link_to(self, source: Page, target: Host, rel: str | None = None) -> Link:
        rng = self.rng
        page = rng.choice(target.pages) if target.pages and rng.random() < 0.6 else None
        url = page.url if page is not None else f"https://{target.name}/"
        display = target.display_name
        href = url.replace(target.name, display, 1)
        variant = rng.random()
        if variant < 0.04:  # how links really look: odd case, ports, trailing dots, userinfo
            href = href.replace(display, display.upper(), 1)
        elif variant < 0.06:
            href = href.replace(display, display + ":443", 1)
        elif variant < 0.07:
            href = href.replace(display, display + ".", 1)
        elif variant < 0.08:
            href = href.replace("https://", "https://guest@", 1)
        elif variant < 0.12:
            href = href.replace("https:", "", 1)  # protocol-relative
        return Link("a", href, url, target.site_name, rel, target.name)

    def build_links(self) -> None:
        rng = self.rng
        hubs = [h for h in self.hosts if h.kind == "hub"]
        ordinary = [h for h in self.hosts if h.kind == "ordinary"]
        spam = [h for h in self.hosts if h.kind == "spam"]
        hubs_by_lang = {lang: [h for h in hubs if h.lang == lang] for lang in HOSTS_PER_LANGUAGE}
        ordinary_by_lang = {lang: [h for h in ordinary if h.lang == lang] for lang in HOSTS_PER_LANGUAGE}
        for page in self.html_pages():
            host = page.host
            if page.status != 200:
                continue
            # Internal navigation (same host: never an edge).
            for other in host.pages[:4]:
                if other is not page and other.content_type == "text/html":
                    path = other.url.split(host.name, 1)[1]
                    page.links.append(Link("a", path, other.url, "nav", host=host.name))
            if page.base_href and len(host.pages) > 1:
                overview = page.base_href + "overview.html"
                page.links.append(Link("a", "overview.html", overview, "overview", host=host.name))
            if host.kind == "spam":
                for target in rng.sample(spam, min(len(spam), FARM_LINKS)):
                    if target is not host:
                        page.links.append(self._link_to(page, target))
                page.links.append(self._link_to(page, self.farm_target))
                continue
            if host.kind == "farm_target":
                for target in rng.sample(spam, min(len(spam), 5)):
                    page.links.append(self._link_to(page, target))
                continue
            sibling = self.siblings.get(id(host))
            if sibling is not None and rng.random() < 0.7:  # www. and blog. of one site link to each other
                page.links.append(self._link_to(page, sibling))
            same_lang_hubs = hubs_by_lang[host.lang] or hubs
            hub_count = rng.randint(*(HUB_LINKS_FROM_HUB if host.kind == "hub" else HUB_LINKS_FROM_ORDINARY))
            for _ in range(hub_count):
                pool = same_lang_hubs if rng.random() < SAME_LANGUAGE_HUB_SHARE else hubs
                target = rng.choice(pool)
                if target is not host:
                    page.links.append(self._link_to(page, target))
            same_language = SAME_LANGUAGE_PEER_SHARE_FROM_HUB if host.kind == "hub" else SAME_LANGUAGE_PEER_SHARE
            peers = ordinary_by_lang[host.lang] if rng.random() < same_language else ordinary
            peer_count = rng.randint(*(PEER_LINKS_FROM_HUB if host.kind == "hub" else PEER_LINKS_FROM_ORDINARY))
            for target in rng.sample(peers, min(len(peers), peer_count)):
                if target is not host:
                    rel = weighted(rng, [("", 0.85), ("nofollow", 0.08), ("sponsored", 0.04), ("ugc", 0.03)]) or None
                    page.links.append(self._link_to(page, target, rel))
            if rng.random() < 0.35:
                external = rng.choice(EXTERNAL_HOSTS)
                url = f"https://{external}/wiki/Page"
                page.links.append(Link("a", url, url, "more", host=external))
            if rng.random() < 0.02:
                # Comment spam from the farm reaches real sites only as ugc/nofollow links.
                page.links.append(self._link_to(page, self.farm_target, rng.choice(["ugc", "nofollow"])))
            if rng.random() < 0.03:  # an image map
                target = rng.choice(same_lang_hubs)
                url = f"https://{target.name}/"
                page.links.append(Link("area", url, url, "map", host=target.name))
            if rng.random() < 0.02:  # links whose host is not a valid public name
                bad = rng.choice(["http://192.168.1.20/admin", "http://localhost:8080/", "http://[::1]/x",
                                  "http://bad_host..example.com/"])
                page.links.append(Link("a", bad, bad, "device"))
            # Resources: not hyperlinks, never edges.
            logo = f"https://cdn.{host.name}/img/logo.png"
            page.links.append(Link("img", logo, logo, host=f"cdn.{host.name}"))
            css = f"https://{host.name}/static/site.css"
            page.links.append(Link("link", "/static/site.css", css, rel="stylesheet", host=host.name))
            script = "https://cdn.jsdelivr.net/npm/app.js"
            page.links.append(Link("script", script, script, host="cdn.jsdelivr.net"))

    def build(self) -> None:
        self.build_hosts()
        self.build_pages()
        self.build_duplicates()
        self.build_links()
        # Planted last, with a generator of their own: the rest of the web is the same with or without them.
        self.rng = random.Random(self.seed * 7907 + self.scale)
        self.plant_spam_families()
        self.plant_benchmarks()
        self.plant_pii()

    # ---- planted: spam families, benchmark text, personal data ------------------------------------
    def _plain_good_pages(self, lang: str, kinds: tuple[str, ...]) -> list[Page]:
        """Good HTML articles (not a home page, not in a duplicate cluster, not planted yet) on simplified-script
        hosts of these kinds."""
        return [p for h in self.hosts if h.lang == lang and h.kind in kinds and h.script == "simplified"
                for p in h.pages[1:] if p.content_type == "text/html" and p.status == 200 and p.quality == "good"
                and p.dup_cluster is None and p.contaminated is None and not p.pii]

    def plant_spam_families(self) -> None:
        """Per spam family of a language: a doorway host named with the family's spam tokens (caipiao8888,
        payday-loans-...), two pages, in the link farm; and a parasite page on a hub of the language (hacked
        government and news sites hosting lottery or pharma pages), where select lets the filter see it."""
        rng = self.rng
        farm = [h for h in self.hosts if h.kind == "spam"]
        for lang, families in prose.SPAM_FAMILIES.items():
            for family in families:
                data = prose._kit(lang).spam.families[family]
                for copy in range(self.scale):
                    name = data["hosts"][copy % len(data["hosts"])]
                    if name in self.taken:
                        name = name.replace(".", f"{copy}.", 1) if not name.startswith("www.") else \
                            name.replace(".", f".{copy}", 1)
                    host = self._add_host(name, "spam", lang)
                    if host.charset == "big5":
                        host.charset = "utf-8"
                    for index in range(2):
                        url = f"https://{name}/" if index == 0 else \
                            f"https://{name}/{rng.choice(data['slugs'])}-{rng.randint(100, 9999)}.html"
                        page = Page(url=url, host=host, lang=lang)
                        self._charset(page)
                        self._spam_page(page, family)
                        host.pages.append(page)
                    for page in host.pages:
                        self._nav_links(page)
                        for target in rng.sample(farm, min(len(farm), 5)):
                            page.links.append(self._link_to(page, target))
                        page.links.append(self._link_to(page, self.farm_target))
                    # The farm links back: the doorway lives on the farm's links alone.
                    for source in rng.sample([p for h in farm for p in h.pages], 4):
                        source.links.append(self._link_to(source, host))
                    hub_pages = self._plain_good_pages(lang, ("hub",))
                    if hub_pages:
                        self._spam_page(rng.choice(hub_pages), family)

    def _charset(self, page: Page) -> None:
        page.charset = page.host.charset
        if page.charset != "utf-8":
            page.declared = weighted(self.rng, DECLARATIONS)
            page.label = self.rng.choice(CHARSET_LABELS[page.charset])
        else:
            page.declared = weighted(self.rng, [("header", 0.4), ("meta", 0.3), ("both", 0.2), ("none", 0.1)])

    def _spam_page(self, page: Page, family: str) -> None:
        page.quality, page.low_kind, page.spam_family = "low", "spam", family
        page.document = prose.spam_document(page.lang, self.rng, family)

    def _nav_links(self, page: Page) -> None:
        host = page.host
        for other in host.pages[:4]:
            if other is not page and other.content_type == "text/html":
                path = other.url.split(host.name, 1)[1]
                page.links.append(Link("a", path, other.url, "nav", host=host.name))

    def plant_benchmarks(self) -> None:
        """Three English posts quoting a HumanEval problem, two Chinese ones quoting a zh_exam question, on hubs
        (select always keeps them, so the filter sees them)."""
        rng = self.rng
        for lang, count in (("en", 3), ("zh", 2)):
            pages = rng.sample(self._plain_good_pages(lang, ("hub",)), count * self.scale)
            if lang == "en":
                items = planted.humaneval_items(rng, len(pages))
                documents = [planted.humaneval_document(item, rng) for item in items]
            else:
                items = []
                for page in pages:  # a different question on each page
                    taken = {item.item for item in items}
                    items.append(next(i for i in planted.zh_exam_items(rng, 30, page.charset) if i.item not in taken))
                documents = [planted.zh_exam_document(item, rng) for item in items]
            for page, item, document in zip(pages, items, documents, strict=True):
                page.document = document
                page.contaminated = {"benchmark": item.benchmark, "item": item.item}

    def plant_pii(self) -> None:
        """Personal data (synthetic values with valid checks) in about PII_SHARE of the good pages of
        PII_LANGUAGES, every type several times, a Chinese page with a resident ID and a mobile number first."""
        rng = self.rng
        for lang in planted.PII_LANGUAGES:
            pages = self._plain_good_pages(lang, ("hub", "ordinary"))
            good = sum(p.quality == "good" for h in self.hosts if h.lang == lang for p in h.pages)
            count = min(len(pages), max(5 if lang == "zh" else 3, round(good * planted.PII_SHARE)))
            rng.shuffle(pages)
            if lang == "zh":  # a hub's page first, where the filter certainly sees it
                pages.sort(key=lambda p: p.host.kind != "hub")
            types = tuple(planted.SENTENCES[lang])
            for number, page in enumerate(pages[:count]):
                if lang == "zh" and number == 0:
                    kinds = ["cn_id", "phone"]
                else:
                    kinds = [types[number % len(types)]]
                    if rng.random() < 0.25:
                        kinds.append(rng.choice([t for t in types if t != kinds[0]]))
                self._plant_sentences(page, kinds)

    def _plant_sentences(self, page: Page, kinds: list[str]) -> None:
        rng, kit = self.rng, prose._kit(page.lang)
        paragraphs = list(page.document.paragraphs)
        for kind in kinds:
            sentence = planted.pii_sentence(kind, page.lang, rng)
            index = rng.randrange(1, len(paragraphs)) if len(paragraphs) > 1 else 0
            paragraphs[index] = paragraphs[index] + kit.sentence_separator + sentence
            page.pii[kind] = page.pii.get(kind, 0) + 1
        page.document = dataclasses.replace(page.document, paragraphs=tuple(paragraphs))


def in_script(item, script: str):
    """A Document or Boilerplate for a traditional-script (Big5) site: it never serves simplified characters."""
    if script != "traditional":
        return item

    def convert(value):
        return prose.to_traditional(value) if isinstance(value, str) else tuple(map(prose.to_traditional, value))

    return dataclasses.replace(item, **{f.name: convert(getattr(item, f.name)) for f in dataclasses.fields(item)})


def _binary_payload(kind: str, rng: random.Random) -> bytes:
    noise = bytes(rng.getrandbits(8) for _ in range(rng.randint(800, 3000)))
    if kind == "application/pdf":
        return b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n" + noise + b"\nendstream\n%%EOF\n"
    if kind == "image/jpeg":
        return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + noise + b"\xff\xd9"
    items = ",".join(f'{{"id": {rng.randint(1, 10**6)}, "value": {rng.random():.6f}}}' for _ in range(20))
    return f'{{"items": [{items}]}}'.encode()
