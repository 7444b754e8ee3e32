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
    assert robots.paragraphs[-1].sentences[-1].text == "董学忠表示：“唐山高新区将以海纳百川的姿态和开放的胸怀，马上就办、真抓实干，奋力打造山海之间璀璨的科技明珠！”"
    for sentence in robots.sentences:
        assert issue_000.text[sentence.start:sentence.end] == sentence.text


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
    assert [issue.text[s.start:s.end] for s in issue.front_matter] == ["许昌竞争情报快递", "2024年第12期"]


UNSEEN_DIR = Path(__file__).parent / "unseen"


@pytest.mark.parametrize("name", ["issue_a", "issue_b", "issue_e"])
def test_issues_written_for_the_tests_split_into_their_gold_articles(name):
    """Issues not used to write the rules: other layouts, a same-line headline, an untitled story."""
    gold = json.loads((UNSEEN_DIR / f"{name}.json").read_text(encoding="utf-8"))
    issue = read_issue(UNSEEN_DIR / f"{name}.txt")
    expected = [(a["section"], a["title"], a["subheadings"], a.get("untitled", False)) for a in gold["articles"]]
    assert [(a.section, a.title, [s.text for s in a.subheadings], a.untitled) for a in issue.articles] == expected
