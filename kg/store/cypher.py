"""Every Cypher statement kg sends, in one place, all parameterised.

Labels and relationship types come from `schemas/graph.yaml` (checked to be
plain identifiers before use); names and every other value travel as
parameters, so quotes, backslashes, braces or newlines in a name load as
they are.
"""

from __future__ import annotations

import re

__all__ = [
    "identifier",
    "create_constraint",
    "create_index",
    "schema_name",
    "schema_names",
    "merge_nodes",
    "merge_edges",
    "merge_co_occurrences",
    "create_nodes",
    "create_edges",
    "stored_ids",
    "wipe",
    "count_by_label",
    "count_by_type",
    "measured_nodes",
    "measured_relationships",
    "set_measures",
    "LOAD_LOCK",
    "load_lock_constraint",
    "take_load_lock",
]

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def identifier(name: str) -> str:
    """A label, type or property name from the schema, safe to write into Cypher."""
    if not _IDENTIFIER.match(name):
        raise ValueError(f"{name!r} is not a plain identifier; schemas/graph.yaml must use [A-Za-z0-9_] names")
    return name


def schema_name(label: str, prop: str) -> str:
    """The name kg gives the constraint or index on `label.prop`, so it can tell which exist."""
    return f"kg_{identifier(label)}_{identifier(prop)}"


def create_constraint(label: str, prop: str) -> str:
    label, prop = identifier(label), identifier(prop)
    return f"CREATE CONSTRAINT {schema_name(label, prop)} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE"


def create_index(label: str, prop: str) -> str:
    label, prop = identifier(label), identifier(prop)
    return f"CREATE INDEX {schema_name(label, prop)} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"


def _set_changed(variable: str, properties: tuple[str, ...]) -> str:
    """Write each named property whose value differs from the row's, and no other.

    Neo4j counts (and logs) writing a value a property already holds as a
    change; setting only what differs makes loading the same graph again
    report, and write, nothing.  Named properties keep the plan free of Eager.
    """
    return " ".join(
        f"FOREACH (_ IN CASE WHEN coalesce({variable}.{identifier(p)} <> row.properties.{p}, "
        f"({variable}.{p} IS NULL) <> (row.properties.{p} IS NULL)) THEN [1] ELSE [] END | "
        f"SET {variable}.{p} = row.properties.{p})"
        for p in properties
    )


def merge_nodes(label: str, key: str, properties: tuple[str, ...], also: str | None = None) -> str:
    """Merge on the key, adding label `also`, returning `[key, element id]` pairs; aliases are united with
    those stored, kept sorted.

    A new node takes the row's aliases as they are; only a stored node that
    lacks some of the row's aliases (or has none) pays for the sorted union.
    """
    label, key = identifier(label), identifier(key)
    return (
        f"UNWIND $rows AS row MERGE (n:{label} {{{key}: row.key}}) ON CREATE SET n.aliases = row.aliases "
        + (f"SET n:{identifier(also)} " if also else "")
        + (_set_changed("n", properties) + " " if properties else "")
        + "WITH n, row CALL (n, row) { WITH n, row WHERE row.aliases IS NOT NULL AND (n.aliases IS NULL OR "
        "any(alias IN row.aliases WHERE NOT alias IN n.aliases)) "
        "CALL (n, row) { UNWIND coalesce(n.aliases, []) + row.aliases AS alias "
        "WITH DISTINCT alias ORDER BY alias RETURN collect(alias) AS aliases } "
        "SET n.aliases = aliases } "
        f"RETURN collect([n.{key}, elementId(n)]) AS ids"
    )


_MATCHED = " RETURN count(*) AS matched"


def _ends(key: str) -> str:
    """Match a row's two ends by the element ids kg looked up or created, checked against their keys.

    An id lookup is cheaper than an index seek, and needs no label, so one
    statement serves a type whatever its ends are.  Matching the key too
    means a stale id can never attach a relationship to another node; every
    relationship statement ends with `_MATCHED`, so a row whose ends are gone
    is noticed rather than dropped.
    """
    key = identifier(key)
    return (
        f"UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.source_id AND a.{key} = row.source "
        f"MATCH (b) WHERE elementId(b) = row.target_id AND b.{key} = row.target "
    )


def merge_edges(kind: str, key: str, merge_on: tuple[str, ...], properties: tuple[str, ...]) -> str:
    """Merge a relationship between two stored nodes, on the properties that identify it."""
    identity = ", ".join(f"{identifier(p)}: row.properties.{p}" for p in merge_on)
    rest = _set_changed("r", tuple(p for p in properties if p not in merge_on))
    return (
        _ends(key)
        + f"MERGE (a)-[r:{identifier(kind)}{' {' + identity + '}' if identity else ''}]->(b)"
        + (f" {rest}" if rest else "")
        + _MATCHED
    )


def _inline(properties: tuple[str, ...]) -> str:
    """`name: row.properties.name, …`: a missing property is null, which CREATE leaves out."""
    return ", ".join(f"{identifier(p)}: row.properties.{p}" for p in properties)


def create_nodes(label: str, key: str, properties: tuple[str, ...], also: str | None = None) -> str:
    """Create nodes the store does not hold yet, returning `[key, element id]` pairs for the relationships."""
    label, key = identifier(label), identifier(key)
    labels = f"{label}:{identifier(also)}" if also else label
    values = ", ".join(filter(None, [f"{key}: row.key", "aliases: row.aliases", _inline(properties)]))
    return f"UNWIND $rows AS row CREATE (n:{labels} {{{values}}}) RETURN collect([n.{key}, elementId(n)]) AS ids"


def create_edges(kind: str, key: str, properties: tuple[str, ...]) -> str:
    """Create relationships with at least one end this load created: none can exist yet."""
    values = _inline(properties)
    return _ends(key) + f"CREATE (a)-[r:{identifier(kind)}{' {' + values + '}' if values else ''}]->(b)" + _MATCHED


def stored_ids(label: str, key: str) -> str:
    """Which of `$keys` the store already holds, as `[key, element id]` pairs."""
    label, key = identifier(label), identifier(key)
    return f"UNWIND $keys AS k MATCH (n:{label} {{{key}: k}}) RETURN collect([k, elementId(n)]) AS ids"


def merge_co_occurrences(key: str) -> str:
    """Add each article's sentence count once: reloading an article never counts it twice.

    A new pair takes the row's counts as they are (and then has no unseen
    article left); only a pair already stored adds the articles it lacks.
    """
    return (
        _ends(key) + "MERGE (a)-[r:CO_OCCURS_WITH]->(b) "
        "ON CREATE SET r.article_ids = row.article_ids, r.article_weights = row.article_weights, "
        "r.weight = row.weight, r.articles = row.articles "
        "WITH r, row CALL (r, row) { WITH [i IN range(0, size(row.article_ids) - 1) "
        "WHERE NOT row.article_ids[i] IN r.article_ids] AS fresh WHERE size(fresh) > 0 "
        "SET r.article_ids = r.article_ids + [i IN fresh | row.article_ids[i]], "
        "r.article_weights = r.article_weights + [i IN fresh | row.article_weights[i]], "
        "r.weight = r.weight + reduce(total = 0, i IN fresh | total + row.article_weights[i]) "
        "SET r.articles = size(r.article_ids) }" + _MATCHED
    )


LOAD_LOCK = "kg_load_lock"


def load_lock_constraint() -> str:
    """The key constraint that makes a second load's `take_load_lock` wait for the first's."""
    return f"CREATE CONSTRAINT {LOAD_LOCK} IF NOT EXISTS FOR (l:KgLoadLock) REQUIRE l.name IS UNIQUE"


def take_load_lock() -> str:
    """Merge the lock node in a transaction never committed: it holds the key until rolled back."""
    return "MERGE (:KgLoadLock {name: 'load'})"


def schema_names() -> str:
    """The names of the indexes already there, constraints' own indexes included."""
    return "SHOW INDEXES YIELD name RETURN collect(name) AS names"


def wipe(labels: list[str]) -> str:
    for label in labels:
        identifier(label)
    return (
        "MATCH (n) WHERE any(label IN labels(n) WHERE label IN $labels) "
        "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
    )


def count_by_label() -> str:
    """Nodes per label, the shared entity label (parameter `$shared`) left out."""
    return (
        "MATCH (n) UNWIND labels(n) AS label WITH label WHERE label <> $shared "
        "RETURN label, count(*) AS count ORDER BY label"
    )


def count_by_type() -> str:
    return "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type"


def measured_nodes() -> str:
    """What the measures read of each node: its key, its own label (not `$shared`) and its name."""
    return (
        "MATCH (n) WHERE n.key IS NOT NULL RETURN n.key AS key, "
        "[label IN labels(n) WHERE label <> $shared][0] AS label, n.name AS name"
    )


def measured_relationships() -> str:
    """What the measures read of the relationships of `$types`: ends, type, and the counts they weigh."""
    return (
        "MATCH (a)-[r]->(b) WHERE type(r) IN $types RETURN a.key AS source, b.key AS target, type(r) AS type, "
        "elementId(r) AS id, r.count AS count, r.score AS score, r.weight AS weight"
    )


def set_measures(label: str) -> str:
    """Replace the measures of stored entities (a null removes a property: an entity that lost its industry)."""
    return f"UNWIND $rows AS row MATCH (n:{identifier(label)} {{key: row.key}}) SET n += row.properties"
