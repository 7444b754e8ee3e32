"""A small graph built by hand the way kg's graph assembly builds one.

Keys are `Label:name` (`Article:<article id>`, `Issue:<issue id>`); every node
has `label` and `name`; typed relations carry the sentence they came from.
"""

from __future__ import annotations

import networkx as nx

ISSUE = "4da0b16879e72d23"
ARTICLE_1 = f"{ISSUE}-01"
ARTICLE_2 = f"{ISSUE}-02"
TITLE_1 = "省科技厅部署“尖兵”“领雁”研发攻关计划"
TITLE_2 = "之江实验室与杭州市共建新材料创新中心"
SENTENCE_HOLDS = "浙江省科技厅厅长陈岩出席会议并讲话。"
SENTENCE_RUNS = "浙江省科技厅组织实施“尖兵”“领雁”研发攻关计划。"
SENTENCE_LOCATED = "位于杭州市的之江实验室牵头组建新材料创新中心。"
SENTENCE_PARTNERS = "之江实验室与浙江省科技厅签署合作协议。"

ENTITIES = {
    "Organization:浙江省科技厅": ["省科技厅"],
    "Organization:之江实验室": [],
    "Region:浙江省": ["浙江"],
    "Region:杭州市": ["杭州"],
    "Person:陈岩": [],
    "Program:“尖兵”“领雁”研发攻关计划": ["尖兵领雁计划"],
    "Document:《浙江省科技创新发展“十四五”规划》": [],
    "Event:2024浙江国际科技创新大会": [],
}


def sample_graph() -> nx.MultiDiGraph:
    """Two articles of one issue, eight entities, two industries, four evidenced relations."""
    graph = nx.MultiDiGraph()
    for key, aliases in ENTITIES.items():
        label, name = key.split(":", 1)
        graph.add_node(key, label=label, name=name, aliases=aliases)
    graph.add_node("Industry:先进制造", label="Industry", name="先进制造")
    graph.add_node("Industry:新材料", label="Industry", name="新材料", parent="先进制造")
    graph.add_node(f"Issue:{ISSUE}", label="Issue", name=ISSUE, source="000_37a592d5b46665a4.txt")
    for position, (article, title) in enumerate([(ARTICLE_1, TITLE_1), (ARTICLE_2, TITLE_2)], start=1):
        graph.add_node(
            f"Article:{article}",
            label="Article",
            name=title,
            title=title,
            section="科技动态",
            issue=ISSUE,
            position=position,
        )
        graph.add_edge(f"Issue:{ISSUE}", f"Article:{article}", type="HAS_ARTICLE")

    mentions = {
        ARTICLE_1: [
            "Organization:浙江省科技厅",
            "Person:陈岩",
            "Program:“尖兵”“领雁”研发攻关计划",
            "Document:《浙江省科技创新发展“十四五”规划》",
            "Region:浙江省",
        ],
        ARTICLE_2: [
            "Organization:之江实验室",
            "Organization:浙江省科技厅",
            "Region:杭州市",
            "Event:2024浙江国际科技创新大会",
        ],
    }
    for article, entities in mentions.items():
        for offset, entity in enumerate(entities):
            graph.add_edge(f"Article:{article}", entity, type="MENTIONS", count=1, first_offset=10 * offset)
    graph.add_edge(f"Article:{ARTICLE_2}", "Industry:新材料", type="ABOUT", score=0.8)

    relations = [
        ("Person:陈岩", "Organization:浙江省科技厅", "HOLDS_POSITION", SENTENCE_HOLDS, ARTICLE_1, {"title": "厅长"}),
        ("Organization:浙江省科技厅", "Program:“尖兵”“领雁”研发攻关计划", "RUNS", SENTENCE_RUNS, ARTICLE_1, {}),
        ("Organization:之江实验室", "Region:杭州市", "LOCATED_IN", SENTENCE_LOCATED, ARTICLE_2, {}),
        ("Organization:之江实验室", "Organization:浙江省科技厅", "PARTNERS_WITH", SENTENCE_PARTNERS, ARTICLE_2, {}),
    ]
    for source, target, kind, sentence, article, extra in relations:
        graph.add_edge(
            source, target, type=kind, evidence=sentence, article=article, start=100, end=100 + len(sentence), **extra
        )
    graph.add_edge(
        "Region:杭州市",
        "Region:浙江省",
        type="PART_OF",
        evidence="杭州市是浙江省省会。",
        article="not-in-graph",
        start=0,
        end=10,
    )
    graph.add_edge(
        "Organization:浙江省科技厅", "Organization:之江实验室", type="CO_OCCURS_WITH", weight=1, articles=[ARTICLE_2]
    )
    return graph
