"""`neo4j-import/`: the CSV files `neo4j-admin database import full` reads.

The imported store is what `kg load` makes of the same graph, so later
issues can be loaded on top of it: one `nodes_<Label>.csv` per label
(`key:ID`, typed property columns, `:LABEL`, which gives every entity the
shared label `Entity` as `kg load` does) and one `relationships_<TYPE>.csv`
per type (`:START_ID`, `:END_ID`, `:TYPE`, typed property columns), with
only the properties `kg load` writes.  Column types come from
`schemas/graph.yaml`.  List elements are joined by U+001F (unit separator),
a control character kg's reader never lets into text, where the importer's
default `;` would split an alias that holds one.
The importer makes no constraints or indexes in Neo4j Community (its
`--schema` needs the block format): `schema.cypher` holds kg's, to run once
the server is up (`kg neo4j import` and `kg load` create them themselves).
`import-command.txt` holds the exact command for these files.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from kg.export.atomic import atomic_path
from kg.graph.knowledge import KnowledgeGraph
from kg.graph.schema import GraphSchema, Property, graph_schema
from kg.store.cypher import create_constraint, create_index, load_lock_constraint

__all__ = [
    "write_neo4j_import",
    "import_command",
    "schema_statements",
    "is_import_file",
    "ARRAY_DELIMITER",
    "ARRAY_DELIMITER_NAME",
]

_SCALAR = {"string": "string", "integer": "long", "float": "double", "boolean": "boolean"}
ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_NAME = "U+001F"  # as neo4j-admin's --array-delimiter takes it
_COMMAND_FILE = "import-command.txt"
_SCHEMA_FILE = "schema.cypher"


def _column(prop: Property, values: list[Any]) -> str:
    if prop.type == "list":
        sample = next((v[0] for v in values if v), "")
        element = "long" if isinstance(sample, int) and not isinstance(sample, bool) else "string"
        return f"{prop.name}:{element}[]"
    return f"{prop.name}:{_SCALAR[prop.type]}"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ARRAY_DELIMITER.join(str(v) for v in value)
    return str(value)


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with atomic_path(path) as temporary, temporary.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def write_neo4j_import(graph: KnowledgeGraph, directory: Path, schema: GraphSchema | None = None) -> list[Path]:
    """Write the CSV files; returns them, nodes first."""
    schema = schema or graph_schema()
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.iterdir():
        if stale.is_file() and is_import_file(stale.name, schema):
            stale.unlink()  # kg's own files only: a user's file beside them stays
    written = []
    for label in schema.labels.values():
        nodes = [data for _, data in graph.nodes(label.name)]
        if not nodes:
            continue
        props = [p for p in label.properties if p.name != schema.key_property]
        labels = _cell([label.name, schema.shared_entity_label] if label.name in schema.entity_labels else [label.name])
        header = [f"{schema.key_property}:ID", *(_column(p, [n.get(p.name) for n in nodes]) for p in props), ":LABEL"]
        rows = [[n[schema.key_property], *(_cell(n.get(p.name)) for p in props), labels] for n in nodes]
        path = directory / f"nodes_{label.name}.csv"
        _write_csv(path, header, rows)
        written.append(path)
    for kind in schema.relationships.values():
        edges = [(s, t, data) for s, t, _, data in graph.edges(kind.name)]
        if not edges:
            continue
        header = [
            ":START_ID",
            ":END_ID",
            ":TYPE",
            *(_column(p, [e[2].get(p.name) for e in edges]) for p in kind.properties),
        ]
        rows = [[s, t, kind.name, *(_cell(data.get(p.name)) for p in kind.properties)] for s, t, data in edges]
        path = directory / f"relationships_{kind.name}.csv"
        _write_csv(path, header, rows)
        written.append(path)
    (directory / _SCHEMA_FILE).write_text("".join(f"{s};\n" for s in schema_statements(schema)), encoding="utf-8")
    (directory / _COMMAND_FILE).write_text(
        f"{import_command(written)}\n# then, with Neo4j running, create kg's constraints and indexes:\n"
        f"cypher-shell -u neo4j -f {_SCHEMA_FILE}\n",
        encoding="utf-8",
    )
    return written


def schema_statements(schema: GraphSchema | None = None) -> list[str]:
    """The constraints and indexes `kg load` creates, its load lock's too, as Cypher statements (`IF NOT EXISTS`)."""
    schema = schema or graph_schema()
    return (
        [create_constraint(label, prop) for label, prop in schema.constraints]
        + [create_index(label, prop) for label, prop in schema.indexes]
        + [load_lock_constraint()]
    )


def is_import_file(name: str, schema: GraphSchema | None = None) -> bool:
    """Whether `name` is a file `write_neo4j_import` writes (for some graph), so kg may replace it."""
    schema = schema or graph_schema()
    return (
        name in (_COMMAND_FILE, _SCHEMA_FILE)
        or name in {f"nodes_{label}.csv" for label in schema.labels}
        or name in {f"relationships_{kind}.csv" for kind in schema.relationships}
    )


def import_command(files: list[Path], database: str = "neo4j") -> str:
    """The `neo4j-admin` command that loads these files into an empty, stopped database."""
    nodes = " ".join(f"--nodes={f.name}" for f in files if f.name.startswith("nodes_"))
    relationships = " ".join(f"--relationships={f.name}" for f in files if f.name.startswith("relationships_"))
    return (
        f"neo4j-admin database import full {database} --overwrite-destination=true "
        f"--multiline-fields=true --array-delimiter={ARRAY_DELIMITER_NAME} {nodes} {relationships}"
    )
