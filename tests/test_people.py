"""People named once: in bylines and credits, in lists after a general word, before a title."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.reader import parse_issue
from kg.nlp.language import get_nlp
from kg.pipeline import extract_records


def people(sentence: str) -> list[str]:
    return [e.text for e in get_nlp()(sentence).ents if e.label_ == "Person"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("本报3月2日讯（记者 周海川 通讯员 钱立文） 临澄市召开大会。", ["周海川", "钱立文"]),
        ("【江屿新闻网讯】记者韩文斌、潘一鸣报道：会议在江屿举行。", ["韩文斌", "潘一鸣"]),
        ("江屿新闻社临澄3月2日电 （宋雅婷）方案正式发布。", ["宋雅婷"]),
        ("会议部署了全年工作。\n记者 贺晓彤", ["贺晓彤"]),
        ("会议部署了全年工作。（陶一帆 临澄全媒体记者 邹立新）", ["陶一帆", "邹立新"]),
    ],
)
def test_bylines_and_credits_name_reporters(sentence, expected):
    assert people(sentence) == expected


def test_a_bare_parenthesis_inside_a_sentence_is_no_credit():
    assert people("临澄科技有限公司（简称临澄科技）与江屿大学签约。") == []


def test_a_general_word_opens_a_list_of_names():
    assert people("市领导孔德明、万思远、邱雅琴等出席签约仪式。") == ["孔德明", "万思远", "邱雅琴"]


def test_a_name_before_any_title_of_the_gazetteer():
    assert people("会上，孟庆丰厅长为中心授牌。") == ["孟庆丰"]


def test_a_name_before_a_welcome_speech():
    assert people("县委副书记、县长魏长河致欢迎词。") == ["魏长河"]


@pytest.mark.parametrize(
    "sentence",
    [
        "吴江区委书记李铭出席。",  # 吴江 is a place before a title
        "会议由区政协主席主持。",  # 区 is a surname, 区政协 an organ
        "盛泽镇党委书记致辞。",  # a title opening with 镇 follows a place
    ],
)
def test_places_and_organs_before_a_title_are_no_people(sentence):
    assert not {"吴江", "区政协", "盛泽"} & set(people(sentence))


def test_a_name_ending_the_text_is_found():
    assert people("研究员张照新") == ["张照新"]


def test_names_listed_before_等_and_a_word_for_them():
    assert people("孔德明、万思远、邱雅琴等市领导出席。") == ["孔德明", "万思远", "邱雅琴"]


def test_the_last_name_of_a_list_may_stand_before_its_verb():
    assert people("区领导孔德明、万思远、邱雅琴参加。") == ["孔德明", "万思远", "邱雅琴"]


def test_a_name_opening_a_clause_before_an_officials_verb():
    assert people("盛志远调研人工智能产业发展工作。") == ["盛志远"]


def test_every_name_of_a_roster_line_padded_or_not_is_a_person():
    text = "●行业报告\n临澄数字经济报告发布\n编写组\n组  长：江明远\n副组长：林  涛    许晓雨\n成  员：周立新    王  磊    李 潇\n作者：陈思远\n林涛表示，报告由临澄市信息中心发布。\n"
    record = next(extract_records([parse_issue(text, Path("t.txt"))]))
    people = {e["name"]: e["aliases"] for e in record["entities"] if e["label"] == "Person"}
    assert people == {
        "江明远": ["江明远"],
        "林涛": ["林涛", "林  涛"],
        "许晓雨": ["许晓雨"],
        "周立新": ["周立新"],
        "王磊": ["王磊", "王  磊"],
        "李潇": ["李潇", "李 潇"],
        "陈思远": ["陈思远"],
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # after a title, a name jieba split (孔|超群), then a verb
        ("临澄市科技局局长孔超群发布了新政策。", ["孔超群"]),
        ("江屿市经信委主任杜英杰公布了名单。", ["杜英杰"]),
        # the last of a list, then a verb
        ("市领导周明远、郝卓文见证签约。", ["周明远", "郝卓文"]),
        # a name, then a title after it (陶任|远|书记)
        ("县委书记陶任远书记在会上讲话。", ["陶任远"]),
        # a prize's winner, a Latin title in a chain
        ("临澄科学奖得主韩启智作报告。", ["韩启智"]),
        ("江屿科技有限公司董事长、CEO钱一鸣作报告。", ["钱一鸣"]),
    ],
)
def test_names_after_a_title_before_a_verb_in_a_list_or_before_a_title(sentence, expected):
    assert [e.text for e in get_nlp()(sentence).ents if e.label_ == "Person"] == expected
