"""Every language the language-ID model emits has quality rules that fit its script: families, segmenters, stop
words, and `corpusforge languages`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from filters.rules import (
    LanguageRules,
    SignalSettings,
    compute_signals,
    decide,
    describe_language_rules,
    load_language_rules,
)
from pipeline.cli import app
from pipeline.lib.language import LABEL_PREFIX, load_model
from pipeline.lib.scripts import FAMILIES, family_of, script_of, written_without_spaces
from pipeline.lib.segment import segmenter

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES_DIR = ROOT / "conf" / "languages"
LID_LABELS = sorted(label.removeprefix(LABEL_PREFIX) for label in load_model(
    str(ROOT / "models" / "lid.176.ftz")).get_labels())


def test_every_label_of_the_model_has_valid_rules_from_its_script_family():
    rules = load_language_rules(LANGUAGES_DIR, LID_LABELS)
    assert len(rules) == 176
    assert {family_of(lang) for lang in LID_LABELS} == set(FAMILIES)
    for family in FAMILIES:
        assert (LANGUAGES_DIR / "families" / f"{family}.yaml").is_file()
    assert (family_of("hi"), family_of("ta"), family_of("ar"), family_of("he"), family_of("ko"), family_of("th"),
            family_of("km"), family_of("ru"), family_of("el"), family_of("hy"), family_of("yue")) == (
        "indic", "indic", "arabic", "arabic", "hangul", "southeast_asian", "southeast_asian", "cyrillic", "greek",
        "other", "cjk")
    # GlotLID-style labels carry their script
    assert script_of("hin_Deva") == "Deva" and family_of("srp_Latn") == "latin" and family_of("srp_Cyrl") == "cyrillic"
    assert written_without_spaces("th") and written_without_spaces("zh") and not written_without_spaces("ko")


def test_the_hand_written_files_mean_what_they_said_before_families_existed():
    """Inheriting from a family changes nothing for a language whose file sets what its family sets."""
    for path in sorted(LANGUAGES_DIR.glob("*.yaml")):
        own = yaml.safe_load(path.read_text(encoding="utf-8"))
        if own.get("family"):
            continue  # written for a family from the start (th)
        alone = LanguageRules.model_validate(own).model_dump(exclude={"family"})
        inherited = load_language_rules(LANGUAGES_DIR, [path.stem])[path.stem].model_dump(exclude={"family"})
        assert alone == inherited, path.name


def test_words_keep_their_combining_marks_and_thai_is_segmented():
    words = segmenter("words")
    assert words("हिन्दी भाषा में लिखा गया") == ["हिन्दी", "भाषा", "में", "लिखा", "गया"]
    assert words("தமிழ் மொழி") == ["தமிழ்", "மொழி"]
    assert words("don't stop — l'homme!") == ["don't", "stop", "—", "l'homme", "!"]
    assert segmenter("thai")("ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ") == ["ภาษาไทย", "ไม่", "มี", "การ", "เว้นวรรค",
                                                                     "ระหว่าง", "คำ"]
    assert segmenter("graphemes")("ខ្ញុំ ទៅ") == ["ខ្ញុំ", "ទៅ"]  # a consonant with its vowel sign is one


def test_stop_words_from_wordfreq_or_the_rule_is_off():
    described = describe_language_rules(LANGUAGES_DIR, ["it", "hy", "el", "ko"])
    italian, sources = described["it"]
    assert sources["stop_words"] == "wordfreq" and {"di", "che", "il"} <= set(italian.stop_words)
    armenian, sources = described["hy"]
    assert armenian.stop_words == [] and armenian.thresholds.gopher_quality.min_stop_words is None
    assert sources["stop_words"].startswith("none")
    greek, _ = described["el"]
    assert "της" in greek.stop_words or all(not word.endswith("σ") for word in greek.stop_words)
    korean, sources = described["ko"]
    assert sources["stop_words"] == "family" and "있다" in korean.stop_words


# Paragraphs written for these tests, one per family without a hand-written file (and Thai's own).
PARAGRAPHS = {
    "hi": "भारत एक विशाल देश है जहाँ अनेक भाषाएँ बोली जाती हैं। हर राज्य की अपनी संस्कृति, भोजन और त्योहार हैं। "
          "गाँवों में आज भी लोग खेती पर निर्भर हैं, जबकि शहरों में उद्योग और सेवाएँ तेज़ी से बढ़ रही हैं। "
          "शिक्षा के क्षेत्र में पिछले कुछ वर्षों में बड़ा बदलाव आया है और अब अधिक बच्चे स्कूल जाते हैं। "
          "सरकार ने स्वास्थ्य सेवाओं को गाँवों तक पहुँचाने के लिए कई योजनाएँ शुरू की हैं।",
    "ar": "تقع مدينة القاهرة على ضفاف نهر النيل، وهي من أكبر المدن في العالم العربي. يعيش فيها ملايين الناس "
          "ويعمل كثير منهم في التجارة والخدمات. تضم المدينة متاحف ومساجد قديمة يزورها السياح من كل مكان. "
          "وفي السنوات الأخيرة أنشأت الحكومة طرقا جديدة وخطوطا للمترو لتخفيف الزحام في الشوارع. "
          "كما افتتحت جامعات ومدارس حديثة لتعليم الشباب مهارات جديدة في مجالات العلوم والتقنية.",
    "ko": "서울은 한국의 수도이자 가장 큰 도시이다. 이 도시에는 천만 명에 가까운 사람들이 살고 있으며, 많은 회사와 "
          "대학이 모여 있다. 오래된 궁궐과 현대적인 건물이 함께 있어 관광객들에게 인기가 많다. 지하철과 버스가 잘 "
          "연결되어 있어 시민들은 대중교통을 편리하게 이용할 수 있다. 최근에는 공원과 산책로가 늘어나 주말마다 "
          "많은 가족들이 야외에서 시간을 보낸다. 또한 한강을 따라 자전거 도로가 있어 운동하는 사람들도 많다.",
    "th": "กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทยและเป็นศูนย์กลางทางเศรษฐกิจของประเทศ มีประชากรอาศัยอยู่หลายล้านคน "
          "ในเมืองมีวัดเก่าแก่และพระราชวังที่นักท่องเที่ยวจากทั่วโลกเดินทางมาชม การเดินทางในเมืองทำได้สะดวกด้วยรถไฟฟ้า "
          "และเรือโดยสารในแม่น้ำเจ้าพระยา อาหารริมทางของกรุงเทพมีชื่อเสียงมากและมีราคาไม่แพง "
          "ในช่วงหลายปีที่ผ่านมารัฐบาลได้สร้างสวนสาธารณะเพิ่มขึ้นเพื่อให้ประชาชนมีพื้นที่พักผ่อนมากขึ้น",
    "it": "Firenze è una città della Toscana famosa in tutto il mondo per la sua arte e la sua storia. Ogni anno "
          "milioni di turisti visitano i suoi musei, le sue chiese e le sue piazze. La città è stata il centro del "
          "Rinascimento e ha dato i natali a molti artisti e scienziati. Oggi Firenze è anche una città universitaria "
          "e ospita studenti provenienti da molti paesi. Il centro storico è patrimonio dell'umanità dal 1982.",
}


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_good_text_of_each_family_is_kept_where_english_rules_would_drop_it(lang):
    text = "\n\n".join([PARAGRAPHS[lang]] * 1)
    rules = load_language_rules(LANGUAGES_DIR, [lang, "en"])
    _, signals = compute_signals(text, SignalSettings(rules[lang], None))
    assert decide(signals, 0.99, rules[lang].thresholds, None)[0] is None, signals
    if lang in ("th", "hi"):  # English words and thresholds on these scripts: one word per phrase, or cut words
        _, as_english = compute_signals(text, SignalSettings(rules["en"].model_copy(
            update={"segmenter": "words"}), None))
        assert decide(as_english, 0.99, rules["en"].thresholds, None)[0] is not None


def test_corpusforge_languages_lists_every_label_with_its_sources():
    result = CliRunner().invoke(app, ["languages", "--json"])
    assert result.exit_code == 0, result.output
    described = json.loads(result.output)
    assert sorted(described) == LID_LABELS
    assert described["en"]["min_language_score"] == 0.65 and described["it"]["min_language_score"] == 0.5
    assert described["zh"]["sources"]["file"].endswith("zh.yaml") and described["zh"]["settings"]["family"] == "cjk"
    assert described["lo"]["sources"]["file"] == "" and described["lo"]["settings"]["segmenter"] == "graphemes"
    assert all(entry["kept"] for entry in described.values())
    narrowed = CliRunner().invoke(app, ["languages", "th", "km", "--set", 'stages.extract.keep_languages=["th"]'])
    assert narrowed.exit_code == 0 and "th" in narrowed.output
    rows = {line.split("│")[1].strip(): line for line in narrowed.output.splitlines() if line.startswith("│")}
    assert "yes" in rows["th"] and "no" in rows["km"]
