"""The graph schema of `schemas/graph.yaml` as typed records, and validation.

Graph assembly, the exporters and the Neo4j loader all read the schema from
here, so a label, property or constraint is declared once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from kg.config import SCHEMAS_DIR, YAML_LOADER

if TYPE_CHECKING:  # the schema is read on the extraction path too (relation symmetry), which needs no networkx
    import networkx as nx

__all__ = ["Property", "Label", "RelationshipType", "GraphSchema", "graph_schema", "validate_graph", "SchemaViolation"]

_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "float": (float, int),
    "boolean": (bool,),
    "list": (list, tuple),
}


@dataclass(frozen=True)
class Property:
    name: str
    type: str
    required: bool

    def accepts(self, value: Any) -> bool:
        if self.type in ("integer", "float") and isinstance(value, bool):
            return False
        return isinstance(value, _PYTHON_TYPES[self.type])


@dataclass(frozen=True)
class Label:
    name: str
    description: str
    properties: tuple[Property, ...]


@dataclass(frozen=True)
class RelationshipType:
    name: str
    sources: frozenset[str]
    targets: frozenset[str]
    properties: tuple[Property, ...]
    same_label: bool  # PART_OF joins an organization to an organization, a region to a region
    symmetric: bool = False  # PARTNERS_WITH: no direction


@dataclass(frozen=True)
class GraphSchema:
    key_property: str
    labels: dict[str, Label]
    relationships: dict[str, RelationshipType]
    entity_labels: tuple[str, ...]
    shared_entity_label: str  # every entity node's second label in Neo4j
    constraints: tuple[tuple[str, str], ...]  # (label, property) unique
    indexes: tuple[tuple[str, str], ...]

    @property
    def symmetric_types(self) -> frozenset[str]:
        """Relationship types with no direction (`symmetric: true`)."""
        return frozenset(name for name, kind in self.relationships.items() if kind.symmetric)


def _properties(raw: dict[str, Any] | None) -> tuple[Property, ...]:
    return tuple(Property(name, spec["type"], bool(spec.get("required"))) for name, spec in (raw or {}).items())


def load_graph_schema(path: Path) -> GraphSchema:
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)  # noqa: S506 (a safe loader)
    labels = {
        name: Label(name, spec.get("description", ""), _properties(spec["properties"]))
        for name, spec in raw["labels"].items()
    }
    relationships = {
        name: RelationshipType(
            name,
            frozenset(spec["from"]),
            frozenset(spec["to"]),
            _properties(spec["properties"]),
            bool(spec.get("same_label")),
            bool(spec.get("symmetric")),
        )
        for name, spec in raw["relationships"].items()
    }
    return GraphSchema(
        key_property=raw["key_property"],
        labels=labels,
        relationships=relationships,
        entity_labels=tuple(raw["entity_labels"]),
        shared_entity_label=raw["shared_entity_label"],
        constraints=tuple((c["label"], c["property"]) for c in raw["constraints"]),
        indexes=tuple((i["label"], i["property"]) for i in raw["indexes"]),
    )


@cache
def graph_schema() -> GraphSchema:
    """The project's schema, read once."""
    return load_graph_schema(SCHEMAS_DIR / "graph.yaml")


@dataclass(frozen=True)
class SchemaViolation:
    where: str  # a node key or "source -[TYPE]-> target"
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


def _check_properties(where: str, data: dict[str, Any], declared: tuple[Property, ...]) -> list[SchemaViolation]:
    problems = []
    known = {p.name for p in declared} | {"label", "type"}
    for prop in declared:
        if prop.name not in data or data[prop.name] is None:
            if prop.required:
                problems.append(SchemaViolation(where, f"missing required property {prop.name!r}"))
        elif not prop.accepts(data[prop.name]):
            problems.append(
                SchemaViolation(
                    where, f"property {prop.name!r} should be {prop.type}, got {type(data[prop.name]).__name__}"
                )
            )
    for name in sorted(data.keys() - known):
        problems.append(SchemaViolation(where, f"property {name!r} is not declared in schemas/graph.yaml"))
    return problems


def validate_graph(graph: nx.MultiDiGraph, schema: GraphSchema | None = None) -> list[SchemaViolation]:
    """Every way the graph departs from the schema; an empty list when it conforms."""
    schema = schema or graph_schema()
    problems: list[SchemaViolation] = []
    for node, data in graph.nodes(data=True):
        label = schema.labels.get(data.get("label", ""))
        if label is None:
            problems.append(SchemaViolation(str(node), f"unknown label {data.get('label')!r}"))
            continue
        problems += _check_properties(str(node), data, label.properties)
        if data.get(schema.key_property) != node:
            problems.append(SchemaViolation(str(node), f"{schema.key_property!r} differs from the node's key"))
    for source, target, data in graph.edges(data=True):
        kind = schema.relationships.get(data.get("type", ""))
        where = f"{source} -[{data.get('type')}]-> {target}"
        if kind is None:
            problems.append(SchemaViolation(where, f"unknown relationship type {data.get('type')!r}"))
            continue
        source_label, target_label = graph.nodes[source].get("label"), graph.nodes[target].get("label")
        if source_label not in kind.sources or target_label not in kind.targets:
            problems.append(SchemaViolation(where, f"{kind.name} may not join {source_label} to {target_label}"))
        elif kind.same_label and source_label != target_label:
            problems.append(SchemaViolation(where, f"{kind.name} joins two nodes of the same label"))
        problems += _check_properties(where, data, kind.properties)
    return problems
