"""Score relations against gold: the type and both ends must agree.

Ends are compared through aliases: a system end matches a gold end when a
surface form of one entity is a surface form of the other (so 浙江 matches a
gold 浙江省 whose aliases hold 浙江).  A symmetric type (PARTNERS_WITH, in
`schemas/graph.yaml`) has no direction.
Gold relations marked `required: false` count neither way.
"""

from __future__ import annotations

from typing import Any

from kg.eval.scores import Report, match_items, surface_forms
from kg.graph.schema import graph_schema

__all__ = ["score_relations"]


def _forms_by_name(entities: list[dict[str, Any]]) -> dict[str, set[str]]:
    return {e["name"]: surface_forms(e) for e in entities}


def _end_forms(name: str, forms: dict[str, set[str]]) -> set[str]:
    return forms.get(name) or surface_forms({"name": name})


def _matches(system: dict, gold: dict, system_forms: dict, gold_forms: dict) -> bool:
    if system["type"] != gold["type"]:
        return False

    def same(s: str, g: str) -> bool:
        return bool(_end_forms(s, system_forms) & _end_forms(g, gold_forms))

    if same(system["source"], gold["source"]) and same(system["target"], gold["target"]):
        return True
    return (
        gold["type"] in graph_schema().symmetric_types
        and same(system["source"], gold["target"])
        and same(system["target"], gold["source"])
    )


def score_relations(gold_article: dict[str, Any], system_record: dict[str, Any], report: Report) -> None:
    """Add one article's relation counts to `report`."""
    title = gold_article["title"]
    gold_forms = _forms_by_name(gold_article.get("entities", []))
    system_forms = _forms_by_name(system_record.get("entities", []))
    matching = match_items(
        gold_article.get("relations", []),
        system_record.get("relations", []),
        lambda s, g: _matches(s, g, system_forms, gold_forms),
    )
    matching.tally(
        report.relations,
        report.type,
        lambda r: r["type"],
        lambda r: f"{r['source']} → {r['target']}",
        title,
        report.relation_misses,
        report.relation_false_hits,
    )
