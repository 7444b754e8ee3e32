"""Programs on real sentences: quotes, ranks and "our" places."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.reader import parse_issue
from kg.nlp.language import get_nlp
from kg.pipeline import extract_records


def programs(sentence: str) -> list[str]:
    return [e.text for e in get_nlp()(sentence).ents if e.label_ == "Program"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("该项目入选“十四五临澄新型储能项目”。", ["“十四五临澄新型储能项目”"]),
        ("公司连续两年入选苏州科创潜力榜。", ["苏州科创潜力榜"]),
    ],
)
def test_named_programs(sentence, expected):
    assert programs(sentence) == expected


@pytest.mark.parametrize("sentence", ["校企共建省部级科研平台。", "当前，我国标识解析体系建设基本完成。"])
def test_a_rank_or_our_country_names_no_program(sentence):
    assert programs(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("推进会共签约“临澄茶叶育种”、“江屿GAP种植技术”等项目4个。", ["“临澄茶叶育种”", "“江屿GAP种植技术”"]),
        ("‘江屿一码通’、临澄沉浸式体验项目等入选优秀案例。", ["‘江屿一码通’"]),
    ],
)
def test_quoted_items_of_a_list_of_programs(sentence, expected):
    assert programs(sentence)[: len(expected)] == expected


def test_a_quoted_event_after_a_verb_of_holding_is_no_program():
    assert programs("文化节还举办“江屿纺织服装发展趋势论坛”和服装展示。") == []


def test_a_plan_of_so_many_years_with_no_owner_is_no_name_nor_a_later_form_of_one():
    text = "●动态\n计划发布\n江屿市新材料产业三年行动计划发布。临澄将制定新材料产业的3年行动计划。\n"
    record = next(extract_records([parse_issue(text, Path("t.txt"))]))
    plans = {e["name"]: e["aliases"] for e in record["entities"] if e["label"] == "Program"}
    assert list(plans) == ["江屿市新材料产业三年行动计划"]
    assert "行动计划" not in plans["江屿市新材料产业三年行动计划"]


def test_a_count_of_programs_names_none():
    assert programs("打造两大平台，实施七大工程。") == []


def test_places_and_a_head_name_no_program():
    assert programs("滕州市滨湖镇项目开工。") == []


def test_a_head_that_belongs_to_a_quoted_name_stays_with_it():
    assert programs("深化实施“涌泉”行动。") == ["“涌泉”行动"]


@pytest.mark.parametrize(
    "sentence",
    [
        "深入实施苏州产业协同发展战略。",
        "无锡高新区集成电路设计产业重大项目签约。",
    ],
)
def test_strategies_and_important_projects_are_no_named_programs(sentence):
    assert programs(sentence) == []


def test_a_place_that_runs_into_the_next_word_makes_nothing_specific():
    assert programs("摘编各地报道中的新平台、新项目。") == []  # 新平 is a county's short form


def test_honours_a_verb_of_winning_lists_are_programs_of_the_articles_province():
    text = (
        "●行业动态\n临澄县人才工作成效显著\n江苏省临澄县2021年跻身全国工业百强县10强，获评苏州市首个江苏省创新型城市；"
        "入选2020年度8个江苏省科技工作先进单位。项目荣获省数字化示范项目、省重点签约项目。企业获得了银行贷款。\n"
    )
    record = next(extract_records([parse_issue(text, Path("t.txt"))]))
    assert [e["name"] for e in record["entities"] if e["label"] == "Program"] == [
        "全国工业百强县10强",
        "江苏省创新型城市",
        "江苏省科技工作先进单位",
        "江苏省数字化示范项目",
        "江苏省重点签约项目",
    ]


def test_a_plan_of_so_many_years_is_named_and_a_program_named_again_without_its_places_is_the_same():
    text = (
        "●行业动态\n昆山新型储能开工\n园区制定智能家电产业集群建设三年行动计划。"
        "江苏昆山200MW新型储能电站项目开工。昆山200MW新型储能电站项目是新引进的项目。\n"
    )
    record = next(extract_records([parse_issue(text, Path("t.txt"))]))
    programs = {e["name"]: e["aliases"] for e in record["entities"] if e["label"] == "Program"}
    assert programs == {
        "智能家电产业集群建设三年行动计划": ["智能家电产业集群建设三年行动计划"],
        "江苏昆山200MW新型储能电站项目": ["江苏昆山200MW新型储能电站项目", "昆山200MW新型储能电站项目"],
    }
