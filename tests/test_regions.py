"""Regions on real sentences: towns and villages, districts without 区, and words that only look like places."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.reader import parse_issue
from kg.nlp.language import get_nlp
from kg.pipeline import extract_records


def regions(sentence: str) -> list[str]:
    return [e.text for e in get_nlp()(sentence).ents if e.label_ == "Region"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("项目位于开阳县龙岗镇石门村。", ["开阳县", "龙岗镇", "石门村"]),
        ("大会在吴江高新区（桃源镇）开幕。", ["吴江高新区", "桃源镇"]),
        ("企业落户莱西市店埠镇。", ["莱西市", "店埠镇"]),
    ],
)
def test_towns_and_villages_after_the_region_that_holds_them(sentence, expected):
    assert regions(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"), [("开阳县各乡镇积极推进。", ["开阳县"]), ("开阳县城乡统筹发展。", ["开阳县"])]
)
def test_generic_towns_are_no_places(sentence, expected):
    assert regions(sentence) == expected


def test_a_district_written_without_区():
    assert regions("昌平的企业正在加快转型。") == ["昌平"]


@pytest.mark.parametrize(
    "sentence",
    [
        "出台一系列措施和政策。",  # 和政县
        "奏响新时代的新乐章。",  # 新乐市
        "公司计划新建一条生产线。",  # 新建区
        "唐山西站近在咫尺。",  # 山西
    ],
)
def test_words_that_run_across_a_place_make_it_no_place(sentence):
    assert "和政" not in regions(sentence) and "新乐" not in regions(sentence)
    assert "新建" not in regions(sentence) and "山西" not in regions(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("这是中国首座氢能产业园。", []),
        ("奋力谱写中国式现代化新篇章。", []),
        ("美国自2018年起对中国实施禁运。", ["美国", "中国"]),
    ],
)
def test_a_country_before_a_noun_only_qualifies_it(sentence, expected):
    assert regions(sentence) == expected


def test_a_town_named_with_its_village_stands_for_itself():
    assert regions("开工仪式在龙湾镇石桥村举行。") == ["龙湾镇", "石桥村"]


def test_a_free_trade_zone_part_after_its_city():
    assert regions("烟台自贸片区揭牌。") == ["烟台自贸片区"]


def test_a_zone_name_holds_no_clause():
    assert "东区位于中关村科技园" not in regions("东区位于中关村科技园。")


@pytest.mark.parametrize("sentence", ["推进健康中国建设。", "福建是“数字中国”的源头。"])
def test_a_country_in_a_slogan_names_no_place(sentence):
    assert "中国" not in regions(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("产业园分东区和西区，东区已投入运营。", []),
        ("项目落位医疗器械城东区，老城区和郊区也有布局。", []),
        ("北京市西城区和东城区联合举办。", ["北京市", "西城区", "东城区"]),
    ],
)
def test_districts_whose_names_are_words_for_a_part_of_a_city_are_no_places_alone(sentence, expected):
    assert regions(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("项目位于江苏昆山陆家镇。", ["江苏", "昆山", "陆家镇"]),
        ("国家常州机器人产业园位于武进区。", ["国家常州机器人产业园", "武进区"]),
        ("规划覆盖江苏沿海蓝色经济区。", ["江苏沿海蓝色经济区"]),
    ],
)
def test_zones_named_by_the_nation_or_an_economic_area_and_a_town_after_a_short_city(sentence, expected):
    assert regions(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("企业落户华为配套产业园。", ["华为配套产业园"]),
        ("项目位于华为科技园苏州园。", ["华为科技园苏州园"]),
        ("建设新能源产业园和数字经济产业园，打造省级特色产业园。", []),
        ("我们大力支持集成电路产业园建设。", []),
        ("中国先进陶瓷材料（佛山）产业园揭牌。", ["中国先进陶瓷材料（佛山）产业园"]),
        ("加快建设珠江三角洲现代产业经济区。", ["珠江三角洲现代产业经济区"]),
    ],
)
def test_a_park_named_by_a_proper_name_without_a_place_before_it(sentence, expected):
    assert regions(sentence) == expected


def test_an_area_developed_in_a_county_is_located_in_it_a_town_is_part_of_it():
    text = "●动态\n小镇开园\n浙江德清县莫干小镇举办活动。临安区於潜镇发展很快。\n"
    record = next(extract_records([parse_issue(text, Path("t.txt"))]))
    edges = {(r["source"], r["type"], r["target"]) for r in record["relations"]}
    assert {("莫干小镇", "LOCATED_IN", "德清县"), ("於潜镇", "PART_OF", "临安区")} <= edges
    assert ("莫干小镇", "PART_OF", "德清县") not in edges


def test_a_park_and_its_part_in_a_place_each_a_region_the_part_of_the_park():
    text = "●动态\n园区开工\n在位于东湖产业集聚区安吉分区的华为配套产业园，工人很多。安吉县发展很快。\n"
    record = next(extract_records([parse_issue(text, Path("t.txt"))]))
    edges = {(r["source"], r["type"], r["target"]) for r in record["relations"]}
    part = "东湖产业集聚区安吉分区"
    assert {
        (part, "PART_OF", "东湖产业集聚区"),
        (part, "LOCATED_IN", "安吉县"),
        ("华为配套产业园", "LOCATED_IN", part),
    } <= edges
    assert (part, "LOCATED_IN", "东湖产业集聚区") not in edges


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("各省、自治区、直辖市及新疆生产建设兵团科技主管部门：", []),
        ("项目落户武汉东湖新技术开发区。", ["武汉东湖新技术开发区"]),
    ],
)
def test_a_place_opening_a_bodys_name_jieba_knows_whole_is_no_place(sentence, expected):
    assert regions(sentence) == expected


def test_a_place_between_a_body_and_a_title_is_the_titles_scope_no_place():
    assert regions("环球信息集团亚洲总裁徐明表示。") == []
