"""Issues split into exactly the articles a reader sees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.ingest.reader import parse_issue, read_issue

SAMPLE_004_ARTICLES = [
    ("编者的话", "编者的话", []),
    ("编者的话", "我国综合科技创新水平持续提升", []),
    ("编者的话", "中国航空创新创业大赛展现民营企业科创活力", []),
    ("行业趋势", "深圳：打好“服务牌”、企业“加速跑”", ["下沉到企业一线", "以优服务促快发展"]),
    ("行业报告", "四大新功能让生成式AI“如虎添翼”", ["深度学习加聊天", "自然语音合成", "图片创作编辑", "AI情感陪伴"]),
]


def _shape(issue):
    return [(a.section, a.title, [s.text for s in a.subheadings]) for a in issue.articles]


def test_sample_000_matches_gold_titles_sections_and_subheadings(issue_000, gold_000):
    expected = [(a["section"], a["title"], a["subheadings"]) for a in gold_000["articles"]]
    assert _shape(issue_000) == expected
    assert issue_000.sections == ["编者的话", "行业动态", "行业趋势"]


def test_sample_004_splits_as_a_reader_sees_it(issue_004):
    assert _shape(issue_004) == [(s, t, list(subs)) for s, t, subs in SAMPLE_004_ARTICLES]
    assert not any(a.untitled for a in issue_004.articles)


def test_article_body_keeps_paragraphs_and_sentences(issue_000):
    robots = issue_000.articles[4]
    assert robots.paragraphs[0].text.startswith("成立于1992年的唐山国家高新技术产业开发区")
    assert (
        robots.paragraphs[-1].sentences[-1].text
        == "董学忠表示：“唐山高新区将以海纳百川的姿态和开放的胸怀，马上就办、真抓实干，奋力打造山海之间璀璨的科技明珠！”"
    )
    for sentence in robots.sentences:
        assert issue_000.text[sentence.start : sentence.end] == sentence.text


def _parse(text: str):
    return parse_issue(text, Path("test.txt"))


def test_headline_on_the_marker_line():
    issue = _parse("●行业报告 新材料产业提速\n今年以来，某市新材料产业产值增长12%。\n")
    [article] = issue.articles
    assert (article.section, article.title, article.untitled) == ("行业报告", "新材料产业提速", False)


def test_known_section_name_glued_to_its_headline():
    issue = _parse("●行业动态氢能产业链加快布局\n近日，某省发布氢能产业发展规划。\n")
    assert [(a.section, a.title) for a in issue.articles] == [("行业动态", "氢能产业链加快布局")]


def test_section_without_headline_gives_an_untitled_article_named_by_its_first_sentence():
    body = "近日，某市召开新能源汽车产业推进会，研究部署下一阶段工作并听取各县区关于产业链招商的汇报。会议要求加快项目落地。"
    issue = _parse(f"●产业观察\n{body}\n")
    [article] = issue.articles
    assert article.untitled is True
    assert article.title == body[:40]
    assert article.section == "产业观察"


def test_numbered_short_line_is_a_subheading_even_after_a_long_story():
    text = (
        "●行业动态\n光伏企业加快海外布局\n"
        "3月5日，某光伏企业宣布在东南亚建设新工厂，预计年产能达到10吉瓦。\n"
        "一、产能向海外转移\n该企业负责人表示，海外工厂将主要面向欧美市场。\n"
    )
    [article] = _parse(text).articles
    assert [s.text for s in article.subheadings] == ["一、产能向海外转移"]


def test_next_story_with_dateline_and_declaration_starts_a_new_article():
    text = (
        "●行业动态\n某市生物医药产业集群成形\n"
        "某市生物医药产业去年实现产值300亿元，同比增长15%。\n"
        "西部科学城建设提速\n"
        "11月20日，西部（重庆）科学城管理委员会（以下简称“管委会”）发布年度报告。\n"
    )
    titles = [a.title for a in _parse(text).articles]
    assert titles == ["某市生物医药产业集群成形", "西部科学城建设提速"]


def test_masthead_before_the_first_section_is_front_matter():
    text = "许昌竞争情报快递\n2024年第12期\n●行业动态\n某地智能装备产业提速\n今年以来，某地智能装备产业增长较快。\n"
    issue = _parse(text)
    assert [a.title for a in issue.articles] == ["某地智能装备产业提速"]
    assert [issue.text[s.start : s.end] for s in issue.front_matter] == ["许昌竞争情报快递", "2024年第12期"]


UNSEEN_DIR = Path(__file__).parent / "unseen"


@pytest.mark.parametrize("name", ["issue_a", "issue_b", "issue_e"])
def test_issues_written_for_the_tests_split_into_their_gold_articles(name):
    """Issues not used to write the rules: other layouts, a same-line headline, an untitled story."""
    gold = json.loads((UNSEEN_DIR / f"{name}.json").read_text(encoding="utf-8"))
    issue = read_issue(UNSEEN_DIR / f"{name}.txt")
    expected = [(a["section"], a["title"], a["subheadings"], a.get("untitled", False)) for a in gold["articles"]]
    assert [(a.section, a.title, [s.text for s in a.subheadings], a.untitled) for a in issue.articles] == expected


# A finished story of several paragraphs, written for these tests: what a
# headline that follows it has to be told apart from.
_STORY = (
    "临澄市新材料产业园二期开工\n"
    "3月12日，临澄市新材料产业园二期项目集中开工，总投资48亿元，涉及高性能纤维、电子化学品等17个项目。"
    "园区负责人介绍，二期建成后将新增工业用地1200亩，预计年产值超过百亿元。\n"
    "临澄市副市长王建国在开工仪式上表示，全市将围绕新材料产业链补链强链，做好要素保障和审批服务，"
    "让企业安心投资、放心发展。他说，园区将实行“拿地即开工”，对重点项目实行专班推进，每月调度一次进度。\n"
    "近年来，临澄市新材料产业保持两位数增长，已集聚规模以上企业210家，形成了从基础原料到终端制品的较完整链条。"
    "下一步，园区还将建设公共检测平台和中试基地，为中小企业提供研发和试产服务，吸引更多上下游企业落户。"
    "园区所在的东湖街道也将同步完善道路、供水和人才公寓等配套，力争年内引进高层次人才团队10个以上。\n"
    "据了解，今年临澄市共安排新材料领域重点项目63个，年度计划投资超过200亿元，一季度已完成投资52亿元，"
    "项目开工率和资金到位率均高于全市平均水平。\n"
)


def _titles(text: str) -> list[str]:
    return [a.title for a in _parse(text).articles]


def test_headline_ending_with_an_exclamation_mark_starts_the_next_story():
    text = (
        "●行业动态\n" + _STORY + "江屿科技智能装备产业基地一期工程正式投产！\n"
        "5月8日，江屿科技有限公司智能装备产业基地在江屿湾区投产，首期年产工业机器人三千台。\n"
    )
    assert _titles(text) == ["临澄市新材料产业园二期开工", "江屿科技智能装备产业基地一期工程正式投产！"]


def test_quoted_exclamation_and_question_lines_stay_body_text():
    text = "●行业动态\n" + _STORY + "“我们有信心把园区建成全省一流！”\n“新材料还能走多远？”他问。\n"
    [article] = _parse(text).articles
    assert article.subheadings == []
    assert article.paragraphs[-2].text == "“我们有信心把园区建成全省一流！”"


def test_a_single_article_whose_headline_asks_a_question():
    issue = _parse("低空经济还能飞多高？\n今年以来，临澄市低空经济企业数量增长三成，无人机物流航线达到12条。\n")
    [article] = issue.articles
    assert (article.title, article.untitled) == ("低空经济还能飞多高？", False)


def test_a_long_first_line_with_no_sentence_end_is_the_headline():
    title = "临澄市科学技术局 临澄市财政局关于印发《临澄市新材料产业创新联合体建设管理办法（试行）》的通知"
    issue = _parse(f"{title}\n临科发〔2025〕3号\n各区县科技局：\n现将《办法》印发给你们，请认真贯彻执行。\n")
    [article] = issue.articles
    assert (article.title, article.untitled) == (title, False)
    assert [s.text for s in article.subheadings] == ["临科发〔2025〕3号"]


def test_a_deck_line_longer_than_a_headline_stays_with_its_story():
    deck = "坚持项目为王 以产业链精准招商推动临澄市新材料和高端装备两大产业集群加快成势见效、走在全省前列"
    assert 40 < len(deck) <= 60
    text = "●行业动态\n临澄市产业链招商推进会召开\n" + deck + "\n4月3日，临澄市召开产业链招商推进会。\n"
    [article] = _parse(text).articles
    assert [s.text for s in article.subheadings] == [deck]
    assert [p.text for p in article.paragraphs] == ["4月3日，临澄市召开产业链招商推进会。"]


def test_headline_with_a_deck_after_a_story_naming_the_same_government_body():
    """A generic piece of a name (市人民政府) shared with the story before does not make it go on."""
    story = "\n".join(_STORY.splitlines()[:4]).replace("临澄市副市长王建国", "临澄市人民政府副市长王建国") + "\n"
    text = (
        "●行业动态\n"
        + story
        + "全国新型储能产业科技创新大会在江屿开幕\n"
        + "李明出席 张华致辞\n"
        + "10月27日，由江屿市人民政府主办的新型储能产业大会在江屿国际会议中心开幕，"
        "来自全国的200余家储能企业参会。\n"
    )
    articles = _parse(text).articles
    assert [a.title for a in articles] == ["临澄市新材料产业园二期开工", "全国新型储能产业科技创新大会在江屿开幕"]
    assert [s.text for s in articles[1].subheadings] == ["李明出席 张华致辞"]


def test_headline_on_the_marker_line_keeps_its_deck():
    text = "●行业趋势 江屿数字文旅项目出新出彩\n江屿市召开数字文旅推进会，发布一批新成果\n10月13日，江屿市数字文旅推进会召开。\n"
    [article] = _parse(text).articles
    assert article.title == "江屿数字文旅项目出新出彩"
    assert [s.text for s in article.subheadings] == ["江屿市召开数字文旅推进会，发布一批新成果"]


def test_a_news_report_opener_after_a_short_story_starts_a_new_article():
    text = (
        "●人才与平台\n临澄市举办人才创新创业大会\n"
        "10月15日，临澄市举办人才创新创业大会，江屿大学副校长王建国出席并致辞，30个人才项目现场签约。\n"
        "江屿为8座新建院士工作站授牌\n"
        "江屿日报讯 19日上午，2025院士专家江屿行活动启动，6位院士和18位专家出席。\n"
    )
    assert _titles(text) == ["临澄市举办人才创新创业大会", "江屿为8座新建院士工作站授牌"]


@pytest.mark.parametrize(
    "byline", ["记者 王建国", "（记者 王建国 李明）", "通讯员 张华", "（王明 临澄融媒体记者 李华）", "来源：临澄日报"]
)
def test_a_byline_line_is_body_text_never_a_heading(byline):
    text = (
        "●政策解读\n"
        + _STORY
        + byline
        + "\n●行业报告\n临澄市知识产权保护中心数量达到5家\n记者从临澄市知识产权局获悉。\n"
    )
    articles = _parse(text).articles
    assert [a.title for a in articles] == ["临澄市新材料产业园二期开工", "临澄市知识产权保护中心数量达到5家"]
    assert articles[0].subheadings == []
    assert articles[0].paragraphs[-1].text == byline


def test_a_byline_under_a_headline_is_the_first_body_line():
    text = "●行业动态\n江屿储能电站开工\n（记者 王建国）\n7月28日，江屿储能电站开工。\n"
    [article] = _parse(text).articles
    assert article.subheadings == []
    assert [p.text for p in article.paragraphs] == ["（记者 王建国）", "7月28日，江屿储能电站开工。"]


def test_numbered_headlines_follow_each_other_and_keep_their_numbered_subheadings():
    text = (
        "●行业动态\n1.临澄市新材料产业园二期开工\n"
        "3月12日，临澄市新材料产业园二期项目集中开工，总投资48亿元。\n"
        "（一）重点项目\n涉及高性能纤维、电子化学品等17个项目。\n"
        "（二）要素保障\n全市将做好用地、用能和审批服务。\n"
        "2.江屿智能装备产业基地投产\n"
        "江屿科技有限公司智能装备产业基地投产，首期年产工业机器人三千台。\n"
        "●行业趋势\n一、新型储能装机规模快速增长\n临澄市新型储能装机突破百万千瓦。\n"
        "1.电网侧储能\n电网侧储能占六成。\n"
        "二、氢能产业链加快布局\n江屿市发布氢能产业规划。\n"
    )
    shape = [(a.title, [s.text for s in a.subheadings]) for a in _parse(text).articles]
    assert shape == [
        ("1.临澄市新材料产业园二期开工", ["（一）重点项目", "（二）要素保障"]),
        ("2.江屿智能装备产业基地投产", []),
        ("一、新型储能装机规模快速增长", ["1.电网侧储能"]),
        ("二、氢能产业链加快布局", []),
    ]


@pytest.mark.parametrize(
    "subheading", ["（一）产能向海外转移", "1.产能向海外转移", "一、产能向海外转移", "①产能向海外转移"]
)
def test_numbered_subheadings_inside_an_unnumbered_story(subheading):
    text = "●行业动态\n" + _STORY + subheading + "\n6月1日，该园区海外工厂投产。\n"
    [article] = _parse(text).articles
    assert [s.text for s in article.subheadings] == [subheading]


def test_heading_numbers_by_style():
    from kg.ingest.layout import layout_rules

    rules = layout_rules()
    assert rules.heading_number("（十二）开放合作") == ("paren_chinese", 12)
    assert rules.heading_number("二十三、人才保障") == ("chinese", 23)
    assert rules.heading_number("3.市场拓展") == ("arabic", 3)
    assert rules.heading_number("（2）市场拓展") == ("paren_arabic", 2)
    assert rules.heading_number("④市场拓展") == ("circled", 4)
    assert rules.heading_number("2.5亿元投向新能源") is None


def test_paragraphs_separated_by_blank_lines_with_the_next_headline_glued_to_its_body():
    text = (
        "●行业动态\n\n"
        + _STORY.replace("\n", "\n\n").replace("开工\n\n", "开工\n", 1)
        + "园区配套\n\n园区同步建设人才公寓和公共检测平台。\n\n"
        + "江屿智能装备产业基地投产\n5月8日，江屿科技有限公司智能装备产业基地投产。\n"
    )
    articles = _parse(text).articles
    assert [a.title for a in articles] == ["临澄市新材料产业园二期开工", "江屿智能装备产业基地投产"]
    assert [s.text for s in articles[0].subheadings] == ["园区配套"]


@pytest.mark.parametrize("marker", ["■", "◆"])
def test_square_and_diamond_section_markers(marker):
    text = f"{marker}行业动态\n江屿储能电站开工\n7月28日，江屿储能电站开工。\n{marker}政策解读\n2月6日，临澄市印发链长制方案。\n"
    issue = _parse(text)
    assert issue.sections == ["行业动态", "政策解读"]
    assert [(a.section, a.title, a.untitled) for a in issue.articles] == [
        ("行业动态", "江屿储能电站开工", False),
        ("政策解读", "2月6日，临澄市印发链长制方案", True),  # a title does not end like a sentence
    ]


def test_document_number_attachment_and_date_lines_never_start_a_story():
    text = (
        "●政策解读\n" + _STORY + "附件：临澄市新材料产业发展行动计划（2025-2027年）\n"
        "3月5日，临澄市印发新材料产业发展行动计划，提出到2027年产业规模突破千亿元。\n"
        "临科发〔2025〕3号\n2025年3月5日\n"
        "4月1日，行动计划开始实施。\n"
    )
    [article] = _parse(text).articles
    assert [s.text for s in article.subheadings] == [
        "附件：临澄市新材料产业发展行动计划（2025-2027年）",
        "临科发〔2025〕3号",
        "2025年3月5日",
    ]


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["plain", "blank_after_every_line"])
def test_where_every_line_is_spaced_alike_a_headline_is_not_taken_for_a_parallel_subheading(gap):
    """With no blank lines, or a blank after every line headlines included, shape tells nothing."""
    lines = [
        "●行业动态",
        "临澄市新材料产业园二期开工",
        *_STORY.splitlines()[1:3],
        "园区配套服务体系加快完善",
        *_STORY.splitlines()[3:],
        "江屿湾区储能电站项目开工建设",
        "7月28日，江屿储能电站在江屿湾区开工建设。",
    ]
    articles = _parse(gap.join(lines) + "\n").articles
    assert [(a.title, [s.text for s in a.subheadings]) for a in articles] == [
        ("临澄市新材料产业园二期开工", ["园区配套服务体系加快完善"]),
        ("江屿湾区储能电站项目开工建设", []),
    ]


def test_a_lead_dated_by_the_day_alone_opens_a_story():
    text = (
        "●行业动态\n" + _STORY + "江屿新材料产业园揭牌\n5日，江屿绿色新材料产业园揭牌，15家新材料企业集中签约入园。\n"
    )
    assert _titles(text) == ["临澄市新材料产业园二期开工", "江屿新材料产业园揭牌"]


def test_a_byline_under_a_short_line_makes_it_a_headline():
    text = "●行业动态\n" + _STORY + "江屿储能电站开工\n记者 王建国\n江屿湾区储能电站昨天开工，总投资6亿元。\n"
    articles = _parse(text).articles
    assert [a.title for a in articles] == ["临澄市新材料产业园二期开工", "江屿储能电站开工"]
    assert [p.text for p in articles[1].paragraphs] == ["记者 王建国", "江屿湾区储能电站昨天开工，总投资6亿元。"]


def test_a_byline_closing_a_story_ends_it():
    text = "●行业动态\n" + _STORY + "（记者 王建国 李明）\n江屿储能电站开工\n江屿湾区储能电站昨天开工，总投资6亿元。\n"
    articles = _parse(text).articles
    assert [a.title for a in articles] == ["临澄市新材料产业园二期开工", "江屿储能电站开工"]
    assert articles[0].paragraphs[-1].text == "（记者 王建国 李明）"


def test_a_headline_longer_than_any_subheading_after_a_short_story():
    text = (
        "●行业动态\n" + "\n".join(_STORY.splitlines()[:3]) + "\n"
        "江屿湾区抢占第三代半导体材料产业全球制高点\n"
        "第三代半导体正在成为江屿湾区新的增长点，已有28家相关企业落户。\n"
    )
    assert _titles(text) == ["临澄市新材料产业园二期开工", "江屿湾区抢占第三代半导体材料产业全球制高点"]


def test_the_title_of_a_document_inside_a_notice_repeats_the_notice_and_stays_in_it():
    plan = "临澄市新材料产业高质量发展三年行动计划（2025—2027年）"
    text = (
        f"关于印发《{plan}》的通知\n各区县人民政府，市直各部门：\n"
        f"现将《{plan}》印发给你们，请结合实际认真贯彻执行。\n临澄市人民政府办公室\n"
        f"{plan}\n为加快新材料产业发展，推动产业链延链补链强链，制定本计划。\n"
    )
    [article] = _parse(text).articles
    assert plan in [s.text for s in article.subheadings]


def test_a_row_of_terms_set_apart_by_wide_gaps_never_starts_a_story():
    text = (
        "新材料产业链协同创新的临澄实践\n摘要\n本文以临澄市为例，分析新材料产业链协同创新的机制。\n关键词\n"
        "链主企业  专精特新  揭榜挂帅  耐心资本与产业基金\n"
        "新材料是战略性新兴产业的基础，近年来各地纷纷布局。\n"
    )
    [article] = _parse(text).articles
    assert "链主企业  专精特新  揭榜挂帅  耐心资本与产业基金" in [s.text for s in article.subheadings]


def test_a_two_character_line_ending_a_story_does_not_take_the_next_headline_as_its_deck():
    text = (
        "●行业动态\n"
        + _STORY
        + "近年\n江屿储能电站项目正式开工\n江屿日报讯 7月28日，江屿储能电站在江屿湾区举行奠基典礼。\n"
    )
    articles = _parse(text).articles
    assert [a.title for a in articles] == ["临澄市新材料产业园二期开工", "江屿储能电站项目正式开工"]
    assert [s.text for s in articles[0].subheadings] == ["近年"]


def test_a_long_policy_title_with_no_clause_mark_after_a_story_starts_a_new_article():
    title = "临澄市科学技术局等五部门关于印发《临澄市新材料产业创新联合体建设管理办法（试行）》的通知"
    assert len(title) > 40
    text = (
        "●政策法规\n" + _STORY + title + "\n临科发〔2025〕3号\n各区县人民政府，市直有关部门：\n"
        "现将《临澄市新材料产业创新联合体建设管理办法（试行）》印发给你们，请认真贯彻执行。\n"
    )
    articles = _parse(text).articles
    assert [a.title for a in articles] == ["临澄市新材料产业园二期开工", title]
    assert [s.text for s in articles[1].subheadings] == ["临科发〔2025〕3号"]


# Stories cut short, as republished excerpts are: the short-story evidence (a lead, not a story)
# weighs against every headline below, and other evidence must outweigh it.
_TRADITIONAL_STORY = (
    "●行业动态\n臨澄攜手江嶼大學共建種業研究院\n"
    "8月2日，臨澄市政府與江嶼大學舉行戰略合作簽約儀式，雙方將共建種業研究院。\n"
    "儀式上，雙方簽署了合作協議，臨澄市12家農業企業加入種業創新聯盟。\n"
)


def test_a_simplified_headline_after_traditional_paragraphs_opens_a_story():
    issue = _parse(
        _TRADITIONAL_STORY + "智能家电产业发展前景十分广阔\n围绕整机项目，园区正在形成完整的家电产业集群。\n"
    )
    assert [a.title for a in issue.articles] == ["临澄携手江屿大学共建种业研究院", "智能家电产业发展前景十分广阔"]


def test_a_line_the_next_lead_repeats_in_brackets_is_a_headline():
    issue = _parse(
        "●行业动态\n江屿氢能产业园开工\n8月2日，江屿氢能产业园开工，总投资20亿元。\n园区将引进制氢企业。\n"
        "又一个储能项目落地临澄\n【又一个储能项目落地临澄】：临澄市与某企业签约储能项目。\n"
    )
    assert [a.title for a in issue.articles] == ["江屿氢能产业园开工", "又一个储能项目落地临澄"]


def test_a_line_with_a_deck_under_it_is_a_headline_and_the_deck_its_subheading():
    issue = _parse(
        "●行业动态\n江屿氢能产业园开工\n8月2日，江屿氢能产业园开工，总投资20亿元。\n"
        "氢能引擎“点火”！焕活临澄新动能\n2026年临澄氢能产业高质量发展论坛在江屿举行\n会上，多家企业发布新品。\n"
    )
    assert _shape(issue) == [
        ("行业动态", "江屿氢能产业园开工", []),
        ("行业动态", "氢能引擎“点火”！焕活临澄新动能", ["2026年临澄氢能产业高质量发展论坛在江屿举行"]),
    ]


def test_a_bracketed_reporter_line_under_a_headline_makes_it_a_headline():
    text = (
        " ●行业动态\n江屿智能装备产业基地投产\n"
        "5月8日，江屿科技有限公司智能装备产业基地投产，总投资20亿元，将建设生产线三条。\n"
        "临澄机器人大会将在江屿举行\n【记者王明李华江屿报道】\n"
        "江屿市政府新闻办日前举行发布会，副市长张强介绍了大会筹备情况。\n"
    )
    articles = _parse(text).articles
    assert [(a.title, [s.text for s in a.subheadings]) for a in articles] == [
        ("江屿智能装备产业基地投产", []),
        ("临澄机器人大会将在江屿举行", []),
    ]
