"""Events on real sentences: editions inside names, hosts and scopes that name them, 暨, subtitles."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.reader import parse_issue
from kg.nlp.language import get_nlp
from kg.pipeline import extract_records


def events(sentence: str) -> list[str]:
    return [e.text for e in get_nlp()(sentence).ents if e.label_ == "Event"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("他在中国工程院第十六次院士大会上发言。", ["中国工程院第十六次院士大会"]),
        ("由江屿海洋研究中心主办的海洋经济学术研讨会在临澄举行。", ["海洋经济学术研讨会"]),
        ("全市新材料产业工作推进会议召开。", ["全市新材料产业工作推进会议"]),
        (
            "江屿大学临澄创新基地签约仪式暨水稻高产栽培示范现场会在临澄举行。",
            ["江屿大学临澄创新基地签约仪式暨水稻高产栽培示范现场会"],
        ),
        ("近日，“江屿投资推介会——新材料产业专场”在临澄举行。", ["“江屿投资推介会——新材料产业专场”"]),
    ],
)
def test_named_events(sentence, expected):
    assert events(sentence) == expected


@pytest.mark.parametrize("sentence", ["会议强调，要抓好落实。", "双方召开座谈会。"])
def test_a_head_alone_names_no_event(sentence):
    assert events(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("双方在江屿举行战略合作签约仪式。", []),
        ("会上举行的重点项目集中签约仪式上签约项目9个。", []),
        ("临澄县新型储能电站项目开工仪式在临澄举行。", ["临澄县新型储能电站项目开工仪式"]),
        ("县委书记出席省市委人才工作会议。", []),
    ],
)
def test_an_event_named_by_activity_words_alone_is_a_kind_of_meeting(sentence, expected):
    assert events(sentence) == expected


def test_what_a_verb_of_holding_names_is_the_event_verbs_and_all_and_later_the_same_event():
    text = (
        "●动态\n省经信厅和绵阳市政府共同举办军民融合成果转化对接推进会\n"
        "王海明市长表示，举办这次军民融合成果转化对接推进会意义重大。"
        "绵阳市军民融合成果转化对接推进会签约项目30项。由临澄大学主办的海洋经济学术研讨会在江屿举行。\n"
    )
    record = next(extract_records([parse_issue(text, Path("t.txt"))]))
    named = {e["name"]: e["aliases"] for e in record["entities"] if e["label"] == "Event"}
    assert set(named) == {"绵阳市军民融合成果转化对接推进会", "海洋经济学术研讨会"}
    assert "军民融合成果转化对接推进会" in named["绵阳市军民融合成果转化对接推进会"]
    edges = {(r["source"], r["type"], r["target"]) for r in record["relations"]}
    assert ("绵阳市政府", "RUNS", "绵阳市军民融合成果转化对接推进会") in edges


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("临澄纺织产业集群创新发展座谈会在永清召开。", ["临澄纺织产业集群创新发展座谈会"]),
        ("卫星应用产业链协同发展大会昨天在浦东新区召开。", ["卫星应用产业链协同发展大会"]),
        ("海峡西岸纺织服装文化节12月在福州举办。", ["海峡西岸纺织服装文化节"]),
        ("重点产业集群创新发展座谈会在永清召开。", ["重点产业集群创新发展座谈会"]),
    ],
)
def test_an_event_said_to_be_held_names_itself(sentence, expected):
    assert events(sentence) == expected


def test_a_cut_name_is_not_named_by_being_held():
    assert events("中国预制菜产业科技创新大会在大连开幕。") != ["菜产业科技创新大会"]


def test_a_dateline_is_no_part_of_the_event_after_it():
    assert events("新华社广州6月23日电2019中国创新创业成果交易会闭幕。") == ["2019中国创新创业成果交易会"]


def test_an_event_named_in_quotes_keeps_its_closing_quote():
    assert events("首届“临澄人才节”开幕。") == ["首届“临澄人才节”"]


def test_a_hosted_event_is_named_from_its_host_clause_verbs_and_all():
    text = "由临澄市人民政府主办，江屿工业大学承办的中国预制菜产业科技创新大会在临澄开幕。"
    assert events(text) == ["中国预制菜产业科技创新大会"]


def test_a_national_congress_with_its_edition():
    assert events("在中国科协第十次全国代表大会上发言。") == ["中国科协第十次全国代表大会"]


def test_an_event_named_again_without_its_opening_is_the_same_event():
    text = "●行业动态\n江苏召开数字文旅工作推进会\n近日，江苏省数字文旅工作推进会在南京召开。\n"
    record = next(extract_records([parse_issue(text, Path("t.txt"))]))
    events = {e["name"]: e["aliases"] for e in record["entities"] if e["label"] == "Event"}
    assert list(events) == ["江苏省数字文旅工作推进会"] and "数字文旅工作推进会" in events["江苏省数字文旅工作推进会"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("开幕式上，嘉宾共同按下首届临澄羽绒服装周启动键。", ["首届临澄羽绒服装周"]),
        ("2月14日，江屿镇隆重举行江屿200MW储能电站项目奠基开工仪式。", ["江屿200MW储能电站项目奠基开工仪式"]),
        ("2020首届临澄羽绒服装周开幕。", ["2020首届临澄羽绒服装周"]),
    ],
)
def test_an_event_name_starts_after_a_verb_of_holding_and_at_its_edition(sentence, expected):
    assert [e.text for e in get_nlp()(sentence).ents if e.label_ == "Event"] == expected


def test_an_event_named_after_its_place_keeps_its_verbs_and_its_theme_clause_keeps_its_organizers():
    text = (
        "●行业动态\n冷链食品盛会开幕\n今天上午，由河南省商务厅、郑州市人民政府主办，以“冷链未来 共享美味”为主题的"
        "2024中国（河南）冷链食品产业发展大会开幕式在郑州隆重举行。\n"
    )
    record = next(extract_records([parse_issue(text, Path("t.txt"))]))
    assert [e["name"] for e in record["entities"] if e["label"] == "Event"] == ["2024中国（河南）冷链食品产业发展大会"]
    assert {(r["source"], r["target"]) for r in record["relations"] if r["type"] == "RUNS"} == {
        ("河南省商务厅", "2024中国（河南）冷链食品产业发展大会"),
        ("郑州市人民政府", "2024中国（河南）冷链食品产业发展大会"),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an edition before the sentence's end is no part of the next sentence's event
        ("该会自2010年起已举办七届。2024年江屿学术年会将在线上举行。", ["2024年江屿学术年会"]),
        # 暨第九届: jieba glues 第 to 暨; a town's short name in brackets after its province
        ("以“锦绣”为主题的江屿服装周暨第五届浙江（柯桥）轻纺城博览会开幕。", ["第五届浙江（柯桥）轻纺城博览会"]),
    ],
)
def test_editions_end_at_a_sentence_and_start_at_their_ordinal(sentence, expected):
    assert events(sentence) == expected
