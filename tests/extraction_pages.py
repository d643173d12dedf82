"""Small synthetic pages, each reproducing a class of real page that trafilatura's precision mode returned empty or
short: a forum thread, a Q&A page, a WeChat-style article (its body a stack of section/span elements in a div the
page's script reveals), a Tieba thread, a blog post with reader comments, a page of 3 MB of HTML, and a page with
headings, a list, a table and code. EXPECTED holds each page's main text.
"""

POSTS = [
    "I replaced the thermostat last winter and the heater still blows cold air after twenty minutes of driving.",
    "Check the coolant level first. An air pocket in the heater core gives exactly that symptom on this engine.",
    "Thanks, bleeding the system through the top hose fixed it. The cabin is warm within five minutes now.",
    "Good to hear. For anyone finding this later: park nose up while bleeding so the air rises to the cap.",
]


def forum_thread() -> str:
    """phpBB's markup: each post a div.post with its author line and div.content."""
    posts = "".join(
        f'<div id="p{i}" class="post bg2"><div class="inner"><div class="postbody">'
        f'<p class="author">by <a href="/u/{i}">driver{i}</a> » Mon Jan 0{i + 1}, 2024</p>'
        f'<div class="content">{text}</div></div></div></div><hr class="divider"/>'
        for i, text in enumerate(POSTS))
    return ('<html><head><title>Heater blows cold - Car Forum</title></head><body><div id="wrap">'
            '<div class="navbar"><a href="/">Board index</a> ‹ <a href="/f1">Engine</a></div>'
            f'<h2 class="topic-title">Heater blows cold</h2>{posts}'
            '<nav class="pagination">4 posts • Page 1 of 1</nav></div></body></html>')


QUESTION = "My car heater blows cold air even after a long drive. The thermostat is new. What else should I check?"
ANSWERS = [
    "Bleed the cooling system. Air trapped in the heater core stops hot coolant from reaching it.",
    "Also feel both heater hoses with the engine warm: if one stays cold, the heater core may be clogged.",
]


def qa_page() -> str:
    """A schema.org QAPage: the question and its answers, each answer with a comment under it."""
    answers = "".join(
        f'<div id="answer-{i}" class="answer" itemprop="suggestedAnswer" itemscope '
        f'itemtype="https://schema.org/Answer"><div class="s-prose js-post-body" itemprop="text"><p>{text}</p></div>'
        '<div class="comments"><ul class="comments-list"><li class="comment">'
        '<span class="comment-copy">Worked for me, thanks.</span></li></ul></div></div>'
        for i, text in enumerate(ANSWERS))
    return ('<html><head><title>Why does my heater blow cold air? - Q&amp;A</title></head>'
            '<body itemscope itemtype="https://schema.org/QAPage"><div id="content">'
            '<div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">'
            f'<div class="question"><div class="s-prose js-post-body" itemprop="text"><p>{QUESTION}</p></div></div>'
            f'<div id="answers">{answers}</div></div></div></body></html>')


WECHAT = ["清晨六点，城市还没有完全醒来，街角的早餐店已经亮起了灯。",
          "卖豆浆的阿姨每天四点起床，二十年来几乎没有休息过一天。",
          "她说，看着熟客们一个个长大、工作、成家，是这份工作最大的回报。",
          "天色渐亮，公交车一辆接一辆驶过，城市的一天就这样开始了。"]


def wechat_article() -> str:
    """A WeChat public-account article: div#js_content, hidden until the page's script runs, holding sections."""
    body = "".join('<section style="margin: 0px 8px;"><span style="font-size: 15px;letter-spacing: 1px;">'
                   f'{text}</span></section>' for text in WECHAT)
    return ('<html><head><title>城市的清晨</title></head><body id="activity-detail" class="zh_CN">'
            '<div id="js_article" class="rich_media"><div class="rich_media_inner">'
            '<div id="page-content" class="rich_media_area_primary"><div class="rich_media_area_primary_inner">'
            '<h1 class="rich_media_title" id="activity-name">城市的清晨</h1>'
            '<div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;">'
            f'{body}</div></div></div></div></div></body></html>')


TIEBA = ["冬天车里暖风不热，换了节温器还是一样，开了二十分钟出风口还是凉的，有没有遇到过的？",
         "先看看防冻液够不够，暖风水箱里有空气就是这个症状，这款发动机很常见。",
         "谢谢，从上水管排了空气就好了，现在五分钟就暖和了。",
         "补充一下，排气的时候车头朝上停，空气会跑到水壶盖那里。"]


def tieba_thread() -> str:
    """A Baidu Tieba thread: each floor a div.l_post with its text in div.d_post_content."""
    posts = "".join(
        '<div class="l_post j_l_post l_post_bright"><div class="d_post_content_main"><div class="p_content"><cc>'
        f'<div id="post_content_{100 + i}" class="d_post_content j_d_post_content">{text}</div><br></cc></div>'
        '</div></div>'
        for i, text in enumerate(TIEBA))
    return ('<html><head><title>暖风不热【汽车吧】_百度贴吧</title></head><body><div class="wrap1"><div class="wrap2">'
            '<div id="j_core_title_wrap" class="core_title_wrap_bright"><h3 class="core_title_txt">暖风不热</h3></div>'
            f'<div id="j_p_postlist" class="p_postlist">{posts}</div></div></div></body></html>')


ARTICLE = [
    "Winter driving puts extra load on a car's cooling system, and a weak heater is often the first sign of trouble.",
    "Before replacing parts, check the coolant level with the engine cold and look for damp patches under the car.",
    "If the level is fine, trapped air is the usual suspect: bleed the system as the manual describes.",
]
COMMENTS = ["Great article, fixed mine in ten minutes.", "Mine turned out to be a clogged heater core."]


def blog_with_comments(comments: list[str] = COMMENTS) -> str:
    """A WordPress post with its reader comments below the article."""
    article = "".join(f"<p>{text}</p>" for text in ARTICLE)
    thread = "".join(
        f'<li class="comment" id="comment-{i}"><article class="comment-body"><footer class="comment-meta">'
        f'<b class="fn">reader{i}</b></footer><div class="comment-content"><p>{text}</p></div></article></li>'
        for i, text in enumerate(comments))
    return ('<html><head><title>Why your car heater is cold</title></head><body>'
            '<header><nav><a href="/">Home</a> <a href="/cars">Cars</a></nav></header>'
            '<main><article class="post"><h1>Why your car heater is cold</h1>'
            f'<div class="entry-content">{article}</div></article>'
            f'<div id="comments" class="comments-area"><h2 class="comments-title">{len(comments)} comments</h2>'
            f'<ol class="comment-list">{thread}</ol></div></main><footer>© 2024 Car Notes</footer></body></html>')


def big_page(megabytes: int = 3) -> str:
    """A short article after megabytes of inline script, as some news sites serve it."""
    script = "<script>var data = " + repr("x" * 1000) + ";</script>\n"
    filler = script * (megabytes * 1024 * 1024 // len(script))
    article = "".join(f"<p>{text}</p>" for text in ARTICLE)
    return (f'<html><head><title>Heater</title>{filler}</head><body><article>'
            f'<h1>Why your car heater is cold</h1>{article}</article><footer>© 2024 Car Notes</footer></body></html>')


def structured() -> str:
    """Headings, an ordered list, a table and a code block."""
    return ('<html><head><title>Bleeding a cooling system</title></head><body><article>'
            '<h1>Bleeding a cooling system</h1>'
            '<p>Trapped air keeps hot coolant away from the heater core. These steps push it out again.</p>'
            '<h2>Steps</h2><ol><li>Park with the nose uphill.</li><li>Open the bleed screw.</li>'
            '<li>Run the engine until the fan starts.</li></ol>'
            '<h2>Torque values</h2><table><tr><th>Part</th><th>Nm</th></tr><tr><td>Bleed screw</td><td>8</td></tr>'
            '<tr><td>Drain plug</td><td>25</td></tr></table>'
            '<h2>Checking the level</h2><p>Read the sensor from the diagnostic port with this script:</p>'
            '<pre><code>level = read_sensor("coolant")\nprint(level)</code></pre>'
            '<p>A level below the minimum mark after bleeding means there is still a leak somewhere in the system.</p>'
            '</article></body></html>')


EXPECTED = {
    "forum_thread": "\n".join(POSTS),
    "qa_page": "\n".join([QUESTION, *ANSWERS]),
    "wechat_article": "\n".join(["城市的清晨", *WECHAT]),
    "tieba_thread": "\n".join(["暖风不热", *TIEBA]),
    "blog_with_comments": "\n".join(["Why your car heater is cold", *ARTICLE]),
}


LEAD = ("Heaters fail in winter for a handful of reasons, and most of them can be found with a torch, a rag and ten "
        "minutes in the driveway: trapped air, a clogged core, a stuck blend door or a thermostat that never opens. "
        "This guide takes them in the order a mechanic would, cheapest check first, and says when to stop.")
STEPS = [
    "Trapped air keeps hot coolant away from the heater core, so the cabin stays cold on long drives.",
    "Bleeding the system pushes the air out: park uphill, open the bleed screw and let the engine run warm.",
    "When coolant without bubbles comes out of the screw, close it and let the engine cool down completely.",
    "Top the expansion tank up to the maximum mark once the engine is cold, never while it is hot.",
    "If the heater stays cold after bleeding, feel both heater hoses with the engine at working temperature.",
    "One hot and one cold hose means the heater core is clogged and needs flushing from the return side.",
    "A garden hose and ten minutes usually clear a clogged core; replacing it is a dashboard-out job.",
    "If both hoses are hot, the blend door actuator may be stuck on cold whatever the dial says.",
    "An actuator costs far less than a heater core and is often reachable from under the glovebox.",
    "A thermostat stuck open shows as a temperature gauge that never reaches the middle of its scale.",
    "Replacing the thermostat needs a new gasket and a refill of the coolant that drains out on the way.",
    "Finally, check the coolant mixture: too much water freezes in the core on the coldest nights.",
    "After any repair, run the engine with the heater on full and watch the gauge for a quarter of an hour.",
    "A gurgling sound behind the dashboard means air is still in the system and another bleed is due.",
    "Check the hose clamps again after the first drive: a warm hose settles and a clamp can loosen.",
    "Look under the car the next morning; a fresh drop on the ground shows a leak the engine hid.",
    "A sweet smell in the cabin points to a leaking heater core, often with a film on the windscreen.",
    "Damp carpet on the passenger side is the other sign, and it should not be left until spring.",
    "Keep a note of how much coolant you add each week; a steady loss needs a pressure test.",
    "A workshop's pressure test takes minutes and finds leaks that only open up when the engine is hot.",
    "Radiator caps wear out too: a cap that no longer holds pressure lets the coolant boil away.",
    "Replace the cap with one of the same rating, which is stamped on its top in kilopascals.",
    "Coolant itself ages; most makers want it changed every five years whatever the mileage.",
    "Old coolant turns brown and leaves the deposits that clog heater cores in the first place.",
]


def teaser_then_body() -> str:
    """A lead paragraph in <article>, the body in a plain div after it: fast mode stops at the article."""
    body = "".join(f"<p>{text}</p>" for text in STEPS)
    return ('<html><head><title>Why the heater is cold</title></head><body>'
            f'<article><p>{LEAD}</p></article><div class="col">{body}</div></body></html>')
