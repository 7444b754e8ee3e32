"""Organization names on real sentences: where a name starts, and conjunctions inside names."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.reader import parse_issue
from kg.nlp.aliases import is_abbreviation
from kg.nlp.language import get_nlp
from kg.pipeline import extract_records


def organizations(sentence: str) -> list[str]:
    return [e.text for e in get_nlp()(sentence).ents if e.label_ == "Organization"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("要充分发挥临澄师范大学的作用。", ["临澄师范大学"]),
        ("这是国家发改委批复的项目。", ["国家发改委"]),
        ("民企华晟集团和央企中国电信集团签约。", ["华晟集团", "中国电信集团"]),
        ("基金由皖创资本管理有限公司管理。", ["皖创资本管理有限公司"]),
        ("面对市场变化深圳市政府日前宣布实施新政。", ["深圳市政府"]),
        ("开发区与青海商业发射场青海商业发射公司签约。", ["青海商业发射公司"]),
    ],
)
def test_lead_ins_verbs_and_glued_conjunctions_are_no_part_of_a_name(sentence, expected):
    assert organizations(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("中国智能网联汽车创新与高质量发展交流中心在江屿揭牌。", ["中国智能网联汽车创新与高质量发展交流中心"]),
        ("该中心与文化和旅游部重点实验室合作。", ["文化和旅游部重点实验室"]),
        ("江屿大学材料科学与工程学院院长发言。", ["江屿大学材料科学与工程学院"]),
    ],
)
def test_a_conjunction_inside_one_name_keeps_it_whole(sentence, expected):
    assert organizations(sentence) == expected


def test_two_names_joined_by_a_conjunction_stay_two():
    assert organizations("江屿大学和临澄理工大学签约。") == ["江屿大学", "临澄理工大学"]


def test_a_title_inside_the_left_half_ends_the_name():
    text = "中国纺织工业联合会会长孙瑞哲和吴江区委书记李铭致辞。"
    assert organizations(text) == ["中国纺织工业联合会", "吴江区委"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("园区培育出星途航天、远帆智能、澜沧科技等一批独角兽企业。", ["星途航天", "远帆智能", "澜沧科技"]),
        ("包括华晟、曜石微电子等知名企业。", ["华晟", "曜石微电子"]),
    ],
)
def test_companies_listed_before_等_and_a_word_for_companies(sentence, expected):
    assert organizations(sentence) == expected


@pytest.mark.parametrize("sentence", ["张立新、王海等企业家出席。", "北京、上海等地企业纷纷落户。"])
def test_lists_of_people_or_places_are_no_companies(sentence):
    assert organizations(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "预计带动正极材料、隔膜、电解液等上下游企业落户。",
        "园区集聚制氢、储运、装备制造等氢能企业40余家。",
    ],
)
def test_lists_of_products_or_fields_are_no_companies(sentence):
    assert organizations(sentence) == []


def test_an_abbreviation_of_a_name_written_in_full_is_that_organization():
    text = (
        "●行业动态\n临澄农科院签约\n临澄农业科学院与江屿大学签约。临澄农科院将派出专家。北京大学与北京理工大学合作。\n"
    )
    record = next(extract_records([parse_issue(text, Path("t.txt"))]))
    names = {e["name"]: e["aliases"] for e in record["entities"] if e["label"] == "Organization"}
    assert names["临澄农业科学院"] == ["临澄农业科学院", "临澄农科院"]
    assert {"北京大学", "北京理工大学"} <= names.keys()


@pytest.mark.parametrize(
    "sentence",
    [
        "园区建成市级创新中心和产业技术研究院。",
        "构建数字文旅发展新格局。",
        "全省已建成12个数据中心。",
        "项目由园区管委会统一规划建设。",
    ],
)
def test_everyday_words_before_a_kind_of_body_name_no_one(sentence):
    assert organizations(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("依托中国科学院长春光学精密机械与物理研究所建设。", ["中国科学院长春光学精密机械与物理研究所"]),
        ("由市委办公室印发。", ["市委办公室"]),
        ("临澄市智能制造创新中心揭牌。", ["临澄市智能制造创新中心"]),
    ],
)
def test_a_place_a_level_or_a_name_word_makes_it_a_name(sentence, expected):
    assert organizations(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("国家纺织产品开发中心主任出席。", ["国家纺织产品开发中心"]),
        ("科技局局长杨明、棉花研究所所长李军出席。", ["棉花研究所"]),
        ("意大利旅游局总经理出席。", ["意大利旅游局"]),
        ("大连市海洋发展局、大连工业大学承办。", ["大连市海洋发展局", "大连工业大学"]),
    ],
)
def test_bodies_named_by_the_nation_their_head_or_their_place(sentence, expected):
    assert organizations(sentence) == expected


def test_a_department_of_a_ministry_is_its_sub_unit():
    assert organizations("工业和信息化部消费品工业司指导。") == ["工业和信息化部消费品工业司"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("财政部门和经信部门加强协作。", []),
        ("工业和信息化部等八部门联合印发方案。", ["工业和信息化部"]),
    ],
)
def test_a_ministry_opening_a_longer_word_is_no_ministry(sentence, expected):
    assert organizations(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("青海电网、西宁电网负责人出席。", ["青海电网", "西宁电网"]),
        ("论坛由湖南电信主办。", ["湖南电信"]),
        ("浙江移动支付发展迅速。", []),
    ],
)
def test_a_place_and_a_utilitys_word_name_its_company_there(sentence, expected):
    assert organizations(sentence) == expected


def test_a_headquarters_named_by_its_place_is_a_sub_unit_of_its_body():
    assert organizations("中国人民银行江屿总部、公司总部均派员参加。") == ["中国人民银行江屿总部"]


def test_市_in_an_article_about_a_county_level_city_is_that_city():
    text = "●行业动态\n滕州开工\n滕州市召开大会。滕州市项目开工，市委书记张明出席。枣庄市相关负责人参加。\n"
    record = next(extract_records([parse_issue(text, Path("t.txt"))]))
    assert "滕州市委" in {e["name"] for e in record["entities"]}


def test_bodies_of_several_levels_at_once_are_no_one_body():
    assert organizations("县委书记出席省市委人才工作会议。") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("我校化学与材料工程学院院长出席。", ["化学与材料工程学院"]),
        ("星途动力与中国科学技术大学工程科学学院共建。", ["中国科学技术大学工程科学学院"]),
        ("该制度广州市党委高度重视。", ["广州市党委"]),
        ("他是中国科大学子。", []),
        ("4个细分行业加快发展。", []),
        ("市科学技术局局长出席。", ["市科学技术局"]),
        ("各行业协会和产业协会参与。", []),
        ("新增省级海洋产业技术创新中心3个。", []),
    ],
)
def test_boundaries_of_names_on_real_sentences(sentence, expected):
    assert organizations(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("成都加快建设国家中心城市。", []),
        ("为新材料产业集群开好局。", []),
    ],
)
def test_a_suffix_inside_another_word_names_no_body(sentence, expected):
    assert organizations(sentence) == expected


def test_a_signature_block_names_each_body():
    assert organizations("江苏省科学技术厅上海市科学技术委员会关于印发通知。") == [
        "江苏省科学技术厅",
        "上海市科学技术委员会",
    ]


def test_a_branch_keeps_the_place_it_is_named_after():
    assert organizations("中国人民银行四川省分行出席。") == ["中国人民银行四川省分行"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("宁德时代董事长曾毓群表示。", ["宁德时代"]),
        ("星途航天旗下子公司。", ["星途航天"]),
        ("公司董事长王明出席。", []),
        ("会上董事长发言。", []),
    ],
)
def test_a_company_named_by_its_short_name_before_a_word_only_companies_take(sentence, expected):
    assert organizations(sentence) == expected


def test_a_short_name_found_in_context_is_the_company_the_article_names_in_full():
    text = (
        "●行业动态\n签约\n合肥蔚蓝动力电池科技有限公司与安徽江岳汽车集团股份有限公司签约。江岳汽车董事长冯启明出席。\n"
    )
    record = next(extract_records([parse_issue(text, Path("t.txt"))]))
    names = {e["name"]: e["aliases"] for e in record["entities"] if e["label"] == "Organization"}
    assert "江岳汽车" in names["安徽江岳汽车集团股份有限公司"] and "江岳汽车" not in names


def test_a_suffix_jieba_glued_to_a_function_word_still_ends_a_name():
    assert organizations("南通市工业和信息化局将会同有关部门推进。") == ["南通市工业和信息化局"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("总裁唐印及管委会相关部门负责人出席。", []),
        ("各省、自治区、直辖市通信管理局。", []),
    ],
)
def test_no_body_from_a_person_glued_to_及_or_a_list_of_addressees(sentence, expected):
    assert organizations(sentence) == expected


@pytest.mark.parametrize("sentence", ["依托国家工程实验室建设。", "国家知识产权局举行新闻发布会。"])
def test_kinds_of_national_body_or_meeting_alone_name_none(sentence):
    assert [e.text for e in get_nlp()(sentence).ents if e.label_ in ("Program", "Event")] == []
    assert "国家工程实验室" not in organizations(sentence)


def test_a_body_named_with_its_party_group_is_the_body():
    assert organizations("农业农村部党组成员出席。") == ["农业农村部"]  # the title 党组成员 is held there
    assert organizations("中国科学院江屿分院分党组书记、院长王明致辞。") == ["中国科学院江屿分院"]


def test_a_district_whose_name_opens_with_an_adjective_keeps_it():
    assert organizations("新吴区委书记出席。") == ["新吴区委"]


def test_a_company_written_without_its_legal_ending_is_the_company():
    text = "●行业动态\n签约\n中国电信集团与江屿大学签约。中国电信董事长王明出席。\n"
    record = next(extract_records([parse_issue(text, Path("t.txt"))]))
    names = {e["name"]: e["aliases"] for e in record["entities"] if e["label"] == "Organization"}
    assert "中国电信" in names["中国电信集团"] and "中国电信" not in names


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("中国农科院", "中国农业科学院", True),
        ("中科院", "中国科学院", True),
        ("北师大", "北京师范大学", True),
        ("北京大学", "北京理工大学", False),
        ("南京大学", "南京工业大学", False),
    ],
)
def test_what_abbreviates_a_name(short, full, expected):
    assert is_abbreviation(short, full) is expected


def test_a_half_of_everyday_words_after_a_conjunction_belongs_to_the_name():
    assert organizations("公司作为人工智能基础技术与场景应用创新联合体牵头单位。") == [
        "人工智能基础技术与场景应用创新联合体"
    ]


def test_a_publisher_named_after_its_title():
    assert organizations("江屿《星河》杂志社有限公司董事长出席。") == ["江屿《星河》杂志社有限公司"]


def test_a_name_opening_with_a_bodys_short_name_keeps_the_verb_inside_it():
    assert organizations("由中电建新能源集团有限公司投资建设。") == ["中电建新能源集团有限公司"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【江屿商报网讯】记者杜林报道：会议召开。", ["江屿商报网"]),
        ("临澄新闻社北京2月3日电 方案发布。", ["临澄新闻社"]),
        ("本报11月24日讯 会议召开。", []),
    ],
)
def test_the_outlet_a_report_opens_with(text, expected):
    assert organizations(text) == expected


def test_a_province_seen_only_inside_a_universitys_name_does_not_expand_省委():
    text = (
        "●行业动态\n羽绒服装周开幕\n共青城羽绒服装周开幕，武汉纺织大学与武汉纺织大学服装研究院参加。"
        "省委常委张明出席。\n"
    )
    record = next(extract_records([parse_issue(text, Path("t.txt"))]))
    assert "湖北省委" not in {e["name"] for e in record["entities"]}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("会上，华电建新能源科技有限公司总经理出席。", ["华电建新能源科技有限公司"]),
        ("会上，中冶建新材料集团有限公司总经理出席。", ["中冶建新材料集团有限公司"]),
        ("会上，中广建新能源集团有限公司总经理出席。", ["中广建新能源集团有限公司"]),
        ("专家焦志远陪同省社科院代表参观。", ["省社科院"]),
    ],
)
def test_a_short_name_at_a_clause_start_keeps_the_verb_jieba_finds_inside_the_name(sentence, expected):
    assert organizations(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("临澄区委副书记、区长王明表示。", ["临澄区委"]),
        ("海淀区委副书记、区长王明表示。", ["海淀区委"]),
        ("为党和政府决策提供支持。", []),
        ("各级党委和政府要高度重视。", []),
    ],
)
def test_an_organ_before_a_title_jieba_cut_through_and_no_place_inside_a_word(sentence, expected):
    assert organizations(sentence) == expected


def test_a_town_organ_takes_the_town_the_article_names_and_towns_in_general_are_no_body():
    text = (
        "●行业动态\n龙岗镇项目开工\n开阳县龙岗镇举行项目开工仪式。龙岗镇党委书记王明出席。\n"
        "镇党委书记王明介绍了项目。全市各乡镇党委参加，城镇党委要重视。\n"
    )
    record = next(extract_records([parse_issue(text, Path("t.txt"))]))
    names = {e["name"]: e["aliases"] for e in record["entities"] if e["label"] == "Organization"}
    assert names == {"龙岗镇党委": ["龙岗镇党委", "镇党委"]}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("由省科协主办的修文县院士专家创新工作站在修文县举行开站仪式。", ["省科协", "修文县院士专家创新工作站"]),
        ("某有限公司财务总监邓丽娟拿到银行贷款。", []),
    ],
)
def test_a_title_ends_a_name_only_where_a_person_may_follow_it(sentence, expected):
    assert organizations(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("临澄大学机械工程学院机械电子工程系主任黄田出席。", ["临澄大学机械工程学院机械电子工程系"]),
        ("引进浙江医疗器械检验所宁波分所等平台。", ["浙江医疗器械检验所宁波分所"]),
        ("联谊会副会长武中学出席。", []),
    ],
)
def test_a_department_whose_head_title_jieba_glued_to_it_a_testing_institute_and_a_surname_after_a_title(
    sentence, expected
):
    assert organizations(sentence) == expected


def test_the_word_opening_a_company_name_with_no_place_is_that_company():
    text = (
        "●行业动态\n氢能产业园落地\n8月23日，天翼与某市人民政府签订氢能产业战略合作框架协议。"
        "市长出席，与天翼控股集团董事长张天任一道见证签约。天翼源头活水。\n"
    )
    record = next(extract_records([parse_issue(text, Path("t.txt"))]))
    names = {e["name"]: e["aliases"] for e in record["entities"] if e["label"] == "Organization"}
    assert names["天翼控股集团"] == ["天翼控股集团", "天翼"]


def test_national_forms_years_and_coordinated_bodies_in_one_article():
    text = (
        "●行业动态\n机器人论坛召开\n国务院和湖北省委高度重视。会议由工信部主办，工业和信息化部副部长出席。"
        "2021国家智能制造发展论坛召开。2021年国家智能制造发展论坛上，专家发言。\n"
    )
    record = next(extract_records([parse_issue(text, Path("t.txt"))]))
    names = {e["name"]: e["aliases"] for e in record["entities"] if e["label"] in ("Organization", "Event")}
    assert names == {
        "国务院": ["国务院"],
        "湖北省委": ["湖北省委"],
        "工业和信息化部": ["工业和信息化部", "工信部"],
        "2021年国家智能制造发展论坛": ["2021年国家智能制造发展论坛", "2021国家智能制造发展论坛"],
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("江屿中国工程院院士活动基地揭牌。", []),
        ("论坛由中国科学院院士活动基地承办。", []),
        ("中国科学院院士王明出席。", ["中国科学院"]),
        ("浙江大学党委书记出席会议。", ["浙江大学"]),
    ],
)
def test_a_body_and_a_title_that_open_a_longer_name_are_no_body_of_their_own(sentence, expected):
    assert organizations(sentence) == expected


def test_central_enterprises_by_their_short_names_are_organizations_not_the_country():
    doc = get_nlp()("中国电建、中国中铁和中国移动在湖南签约，国家电网承建。")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ in ("Organization", "Region")] == [
        ("中国电建", "Organization"),
        ("中国中铁", "Organization"),
        ("中国移动", "Organization"),
        ("湖南", "Region"),
        ("国家电网", "Organization"),
    ]


def test_a_company_named_after_its_central_enterprise_is_part_of_it():
    issue = parse_issue(
        "●动态\n签约仪式举行\n国家电投集团湖南电力有限公司与中国石油大学、中国电子学会签约。"
        "中国能源建设集团有限公司和中国能建湖南院参加。中海油公司代表说，中海油大批量采购临澄公司的产品。\n",
        Path("enterprises.txt"),
    )
    (record,) = extract_records([issue])
    part_of = {(r["source"], r["target"]) for r in record["relations"] if r["type"] == "PART_OF"}
    assert part_of == {("国家电投集团湖南电力有限公司", "国家电投集团")}
    names = {e["name"]: e["aliases"] for e in record["entities"] if e["label"] == "Organization"}
    assert "中国石油" not in names and "中国电子" not in names
    assert set(names["中国能源建设集团有限公司"]) == {"中国能源建设集团有限公司", "中国能源建设集团", "中国能建"}
    assert names["中海油公司"] == ["中海油公司", "中海油"]  # the enterprise by its short name with 公司
    assert "中海油大批量采购临澄公司" not in names


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the nation's word opens a name at a clause's start; 联谊会 is a kind of body
        ("会长李明、全国江屿同乡企业联谊会会长王强出席。", ["全国江屿同乡企业联谊会"]),
        # a verb a name may hold after 与 (…创新与发展…研究会) does not end the name there
        ("全国科普与创新临澄研究会理事长王明出席。", ["全国科普与创新临澄研究会"]),
        # 代表 between a person and a body ends the body's name
        ("市长刘明代表临澄市政府致辞。", ["临澄市政府"]),
        # an ordinal with digits inside a name (第716研究所); a year still opens none
        ("江屿重工第716研究所副所长王立出席。", ["江屿重工第716研究所"]),
        ("2024年临澄大学举办论坛。", ["临澄大学"]),
    ],
)
def test_names_opened_by_the_nation_joined_across_a_verb_or_after_a_representative(sentence, expected):
    assert organizations(sentence) == expected
