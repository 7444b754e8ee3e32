"""Entity extraction: specific entities of the gold sample, text written for
the tests, and the F1 reached on gold pinned so a regression cannot land."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from kg.eval.scoring import score_files
from kg.ingest.reader import parse_issue
from kg.pipeline import extract_records
from tests.conftest import GOLD_DIR

UNSEEN_DIR = Path(__file__).parent / "unseen"


@pytest.fixture(scope="module")
def sample_records(issue_000):
    return {r["title"]: r for r in extract_records([issue_000])}


def _entity(record: dict, name: str) -> dict:
    return next(e for e in record["entities"] if e["name"] == name)


def test_declared_short_form_of_a_zone_is_an_alias(sample_records):
    zone = _entity(sample_records["机器人领航，打造“五大产业集群”"], "唐山国家高新技术产业开发区")
    assert zone["label"] == "Region"
    assert "唐山高新区" in zone["aliases"]


def test_contextual_province_department_is_expanded(sample_records):
    record = sample_records["锻造新质生产力发展主力军"]
    finance = _entity(record, "浙江省财政厅")
    assert finance["label"] == "Organization" and "省财政厅" in finance["aliases"]
    assert "省金融控股有限公司" in _entity(record, "浙江省金融控股有限公司")["aliases"]


def test_city_organs_take_the_article_city(sample_records):
    record = sample_records["编者的话"]
    assert "市委" in _entity(record, "许昌市委")["aliases"]
    assert "市科技局" in _entity(record, "许昌市科技局")["aliases"]


def test_person_after_a_title_and_before_a_speech_verb(sample_records):
    record = sample_records["机器人领航，打造“五大产业集群”"]
    people = {e["name"] for e in record["entities"] if e["label"] == "Person"}
    assert {"董学忠", "狄敏", "袁鵾", "王诚勇", "陈鹏"} <= people
    assert "狄敏说" not in people


def test_quoted_program_and_declared_document(sample_records):
    record = sample_records["锻造新质生产力发展主力军"]
    assert _entity(record, "创新积分制")["label"] == "Program"
    assert _entity(record, "浙江省“315”科技创新体系")["label"] == "Program"
    report = _entity(record, "《2024浙江省高新技术产业发展报告》")
    assert report["label"] == "Document" and "《报告》" in report["aliases"]
    assert len(report["mentions"]) == 8  # the full title and seven 《报告》


def test_sub_unit_keeps_its_parent_apart(sample_records):
    record = sample_records["校企合作解决大模型发展中的“真问题”"]
    names = {e["name"]: e["label"] for e in record["entities"]}
    assert names["北京大学计算机学院"] == "Organization"
    assert names["北京大学"] == "Organization"
    assert names["豆包大模型系统软件联合实验室"] == "Organization"


def test_mention_offsets_point_at_the_surface_form(issue_000, sample_records):
    for record in sample_records.values():
        for entity in record["entities"]:
            for mention in entity["mentions"]:
                assert issue_000.text[mention["start"] : mention["end"]] in entity["aliases"]


def test_names_no_gazetteer_holds_are_found():
    text = (
        "●产业观察\n西江新材料产业加速集聚\n"
        "12月3日，肇庆市翔宇光电材料股份有限公司与华南理工大学材料科学与工程学院签署合作协议。"
        "该公司董事长吴海涛表示，双方将共建联合实验室。\n"
        "广东省工信厅副厅长欧阳明介绍，全省已启动“链主护航”专项行动。省工信厅将牵头推进相关工作。\n"
    )
    issue = parse_issue(text, Path("written.txt"))
    [record] = extract_records([issue])
    entities = {e["name"]: e for e in record["entities"]}
    assert entities["肇庆市翔宇光电材料股份有限公司"]["label"] == "Organization"
    assert entities["华南理工大学材料科学与工程学院"]["label"] == "Organization"
    assert entities["吴海涛"]["label"] == "Person"
    assert entities["欧阳明"]["label"] == "Person"
    assert "省工信厅" in entities["广东省工信厅"]["aliases"]
    assert any(e["label"] == "Program" and "链主护航" in e["name"] for e in record["entities"])
    assert "该公司" not in entities and "联合实验室" not in entities


def test_components_are_registered_spacy_factories():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for name in ("kg_regions", "kg_organizations", "kg_people", "kg_titled_names", "kg_entity_resolver"):
        nlp.add_pipe(name)
    doc = nlp("浙江省科技厅厅长高鹰忠表示，杭州锐拓新材料有限公司将参加2025中国新材料产业博览会。")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("浙江省科技厅", "Organization"),
        ("高鹰忠", "Person"),
        ("杭州锐拓新材料有限公司", "Organization"),
        ("2025中国新材料产业博览会", "Event"),
    ]


# The F1 reached, pinned: raise these as extraction improves.
GOLD_PINS = {
    "entities": 0.97,
    "Document": 1.0,
    "Event": 1.0,
    "Organization": 0.96,
    "Person": 1.0,
    "Program": 1.0,
    "Region": 0.94,
}
UNSEEN_PINS = {
    "entities": 0.93,
    "Document": 1.0,
    "Event": 0.96,
    "Organization": 0.93,
    "Person": 0.99,
    "Program": 0.73,
    "Region": 0.92,
}
# issue_f's last story is one a reader may take for a subheading: one article too many.
ARTICLE_PINS = {"gold": 1.0, "unseen": 0.98}


def _write(records, path: Path) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("gold_dir", "pins"), [(GOLD_DIR, GOLD_PINS), (UNSEEN_DIR, UNSEEN_PINS)], ids=["gold", "unseen"]
)
def test_eval_f1_is_pinned_per_label(gold_dir, pins, tmp_path):
    from kg.pipeline import read_corpus

    corpus = read_corpus([str(gold_dir)] if gold_dir == UNSEEN_DIR else ["data/samples/000_37a592d5b46665a4.txt"])
    system = _write(extract_records(corpus.issues), tmp_path / "system.jsonl")
    report = score_files(sorted(gold_dir.glob("*.json")), system)
    assert report.articles.f1 >= ARTICLE_PINS["unseen" if gold_dir == UNSEEN_DIR else "gold"]
    assert report.entities.f1 >= pins["entities"]
    for label, pin in pins.items():
        if label != "entities":
            assert report.by_label[label].f1 >= pin, label


def test_names_listed_after_one_title_are_people():
    from kg.nlp.language import get_nlp

    doc = get_nlp()("中国工程院院士孙立群、贺文涛和冯家骏等专家出席会议。省政协副主席周岚等出席。")
    assert [e.text for e in doc.ents if e.label_ == "Person"] == ["孙立群", "贺文涛", "冯家骏", "周岚"]


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        ("公司总经理周立衡深有感触地说，创新是企业的生命线。", ["周立衡"]),
        ("公司总经理周岚深有感触地说，创新是企业的生命线。", ["周岚"]),
        ("对此，王建国日前表示，将加快推进。", ["王建国"]),
        ("会上，张小明在致辞中指出，要加快发展。", ["张小明"]),
        ("该市积极地说服企业参与。", []),
    ],
)
def test_adverbials_may_stand_between_a_name_and_its_speech_verb(sentence, people):
    from kg.nlp.language import get_nlp

    assert [e.text for e in get_nlp()(sentence).ents if e.label_ == "Person"] == people


def test_a_name_jieba_cut_as_one_word_after_a_title_is_a_person_whatever_follows():
    from kg.nlp.language import get_nlp

    nlp = get_nlp()
    assert [
        e.text for e in nlp("宁夏东方绿氢化工有限公司董事长马国栋指着厂区的制氢装置介绍。").ents if e.label_ == "Person"
    ] == ["马国栋"]
    assert [e.text for e in nlp("厅长高度重视这项工作。").ents if e.label_ == "Person"] == []


def test_a_quoted_name_after_a_kind_of_program_or_after_开设_is_a_program():
    from kg.nlp.language import get_nlp

    nlp = get_nlp()
    assert [e.text for e in nlp("配套企业接入了企业自主搭建的工业互联网平台“星岳云”。").ents] == ["“星岳云”"]
    assert "“芯片设计卓越工程师班”" in [e.text for e in nlp("两家单位联合开设了“芯片设计卓越工程师班”。").ents]


def test_a_known_program_with_and_without_its_head_is_one_entity():
    text = "●动态\n算力\n国家正式启动东数西算工程以来，贵州发展迅速。业内人士指出，“东数西算”正在转型。\n"
    [record] = extract_records([parse_issue(text, Path("written.txt"))])
    [program] = [e for e in record["entities"] if e["label"] == "Program"]
    assert program["name"] == "东数西算工程" and set(program["aliases"]) == {"东数西算工程", "东数西算", "“东数西算”"}


def test_a_counted_description_is_no_program_name():
    from kg.nlp.language import get_nlp

    doc = get_nlp()("全省新开工20个低空经济重点项目，国家重点研发计划也在推进。")
    assert [e.text for e in doc.ents if e.label_ == "Program"] == ["国家重点研发计划"]


def test_city_short_forms_jieba_tags_as_verbs_or_adverbs_are_places_inside_names_too():
    from kg.nlp.language import get_nlp

    nlp = get_nlp()
    assert [(e.text, e.label_) for e in nlp("自贡航空产业园已聚集企业30余家。").ents] == [("自贡航空产业园", "Region")]
    assert [e.text for e in nlp("中国科学院大连化学物理研究所研究员表示。").ents] == ["中国科学院大连化学物理研究所"]


def test_a_banks_provincial_branch_is_one_organization():
    from kg.nlp.language import get_nlp

    doc = get_nlp()("中国人民银行四川省分行联合省科技厅推出新产品。")
    assert [e.text for e in doc.ents if e.label_ == "Organization"][0] == "中国人民银行四川省分行"


def test_nationally_known_programs_need_no_quotes_or_verbs():
    from kg.nlp.language import get_nlp

    doc = get_nlp()("各地在链长制、揭榜挂帅等方面积极探索，贵州建设东数西算工程，融入“一带一路”。")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "Program"] == [
        ("链长制", "Program"),
        ("揭榜挂帅", "Program"),
        ("东数西算工程", "Program"),
        ("“一带一路”", "Program"),
    ]


def test_a_partner_written_after_a_dash_is_an_organization(sample_records):
    record = sample_records["校企合作解决大模型发展中的“真问题”"]
    assert _entity(record, "字节跳动")["label"] == "Organization"


def test_party_sessions_keep_党的_and_editions_without_第(sample_records):
    record = sample_records["机器人领航，打造“五大产业集群”"]
    assert _entity(record, "党的二十届三中全会")["label"] == "Event"


def test_a_department_short_form_joins_its_full_name():
    text = "●动态\n安徽推进成果转化\n安徽省科学技术厅近日发布通知。安徽省科技厅副厅长陶家宏表示，将加快推进。\n"
    [record] = extract_records([parse_issue(text, Path("written.txt"))])
    body = _entity(record, "安徽省科学技术厅")
    assert "安徽省科技厅" in body["aliases"] and len(body["mentions"]) == 2


def test_city_short_forms_jieba_reads_as_nouns_are_places():
    from kg.nlp.language import get_nlp

    doc = get_nlp()("合肥、宝鸡和烟台的企业代表参加了会议，日照充足。")
    assert [e.text for e in doc.ents if e.label_ == "Region"] == ["合肥", "宝鸡", "烟台"]


def test_a_quoted_program_keeps_its_name_before_a_kind_word():
    text = "●动态\n新政落地\n省科技厅推出“揭榜挂帅”项目，首批发布课题12项。\n"
    [record] = extract_records([parse_issue(text, Path("written.txt"))])
    programs = [e for e in record["entities"] if e["label"] == "Program"]
    assert [p["name"] for p in programs] == ["揭榜挂帅"]
