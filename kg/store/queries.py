"""The curated Cypher files of `queries/`: their headers, their parameters, running them.

Each file begins with a comment block that says what it answers and what it
needs, so it runs as it is on the sample graph:

    // question: 某机构的人员及职务 / People holding positions in an organization
    // param org: 浙江省科技厅 (the organization's name)

A parameter's example is used when the call gives no value; a value given as
text (`limit=5`) becomes an integer, a float or a boolean when it reads as one.
A value for a name the statement neither declares nor uses is an error: a
misspelt name would otherwise leave the example in place and answer another
question.  Values are always sent as Cypher parameters, never written into
the statement.

A statement runs in a read transaction unless the caller asks to write, so
the server itself refuses a DELETE, CREATE, MERGE or SET, whatever the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neo4j import READ_ACCESS, WRITE_ACCESS, Driver
from neo4j.exceptions import ClientError
from neo4j.graph import Node, Relationship
from neo4j.graph import Path as GraphPath

from kg.config import QUERIES_DIR

__all__ = [
    "QueryParameter",
    "QueryFile",
    "QueryResult",
    "MissingParameter",
    "UnknownParameter",
    "UnknownQuery",
    "WriteRefused",
    "read_query_file",
    "list_query_files",
    "find_query_file",
    "parse_value",
    "resolve_parameters",
    "statement_parameters",
    "run_query",
]

_QUESTION = re.compile(r"^//\s*question:\s*(?P<text>.+?)\s*$")
_PARAM = re.compile(r"^//\s*param\s+(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<example>.*?)\s*(?:\((?P<about>[^()]*)\))?\s*$")
_PLACEHOLDER = re.compile(r"\$(?P<name>[A-Za-z_]\w*)")
_COMMENT_OR_STRING = re.compile(r"//[^\n]*|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_INTEGER = re.compile(r"^[+-]?\d+$")
_FLOAT = re.compile(r"^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$")

# What Neo4j answers when a read transaction tries to write.
_ACCESS_MODE_REFUSED = "Neo.ClientError.Statement.AccessMode"
# The counters of a result summary that count changes, in the order kg reports them.
_CHANGE_COUNTS = (
    "nodes_created",
    "nodes_deleted",
    "relationships_created",
    "relationships_deleted",
    "properties_set",
    "labels_added",
    "labels_removed",
    "indexes_added",
    "indexes_removed",
    "constraints_added",
    "constraints_removed",
    "system_updates",
)


class MissingParameter(ValueError):
    """A statement needs a parameter that has neither a value nor an example."""


class UnknownParameter(ValueError):
    """A value was given for a name the statement neither declares nor uses."""


class WriteRefused(PermissionError):
    """A statement tried to change the graph in a read transaction."""


class UnknownQuery(LookupError):
    """No file in `queries/` (or on disk) has the name asked for."""


@dataclass(frozen=True)
class QueryParameter:
    """One `// param` line: the name, its example (None when there is none) and what it is."""

    name: str
    example: str | None = None
    description: str = ""


@dataclass(frozen=True)
class QueryFile:
    """A `.cypher` file and its header."""

    name: str
    path: Path
    text: str
    questions: list[str] = field(default_factory=list)
    params: list[QueryParameter] = field(default_factory=list)

    @property
    def question(self) -> str:
        return " ".join(self.questions)


@dataclass
class QueryResult:
    """The columns a statement returned, its rows (each a list in column order) and what it changed."""

    columns: list[str]
    rows: list[list[Any]]
    # Counts of what a written statement changed, e.g. {"nodes_deleted": 3}: only the non-zero ones.
    changes: dict[str, int] = field(default_factory=dict)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


def read_query_file(path: Path) -> QueryFile:
    """The file at `path` with the questions and parameters of its leading comment block.

    Example: `read_query_file(QUERIES_DIR / "people_positions.cypher").params[0].example == "浙江省科技厅"`
    """
    text = path.read_text(encoding="utf-8")
    questions, params = [], []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("//"):
            break
        if match := _QUESTION.match(stripped):
            questions.append(match["text"])
        elif match := _PARAM.match(stripped):
            params.append(QueryParameter(match["name"], match["example"] or None, (match["about"] or "").strip()))
    return QueryFile(path.stem, path, text, questions, params)


def list_query_files(directory: Path = QUERIES_DIR) -> list[QueryFile]:
    """Every `.cypher` file in `directory`, by name."""
    return [read_query_file(path) for path in sorted(directory.glob("*.cypher"))]


def find_query_file(name_or_path: str, directory: Path = QUERIES_DIR) -> QueryFile:
    """A file on disk if `name_or_path` is one, else `directory`'s file of that name (with or without .cypher)."""
    candidate = Path(name_or_path)
    if candidate.is_file():
        return read_query_file(candidate)
    stem = name_or_path[: -len(".cypher")] if name_or_path.endswith(".cypher") else name_or_path
    path = directory / f"{stem}.cypher"
    if "/" not in stem and path.is_file():
        return read_query_file(path)
    known = ", ".join(p.stem for p in sorted(directory.glob("*.cypher")))
    raise UnknownQuery(
        f"no query {name_or_path!r}: neither a file nor one of {directory}: {known} "
        "(`kg query --list` shows their questions)"
    )


def parse_value(text: str) -> Any:
    """A parameter's text as Cypher should see it: `5` → 5, `0.5` → 0.5, `true` → True, else the text."""
    if _INTEGER.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text


def statement_parameters(text: str) -> list[str]:
    """The `$names` a statement uses, in order of first use, outside comments and string literals."""
    code = _COMMENT_OR_STRING.sub(" ", text)
    return list(dict.fromkeys(match["name"] for match in _PLACEHOLDER.finditer(code)))


def resolve_parameters(text: str, given: Mapping[str, str], declared: list[QueryParameter] = ()) -> dict[str, Any]:
    """The value of every parameter the statement uses or declares: the given one, else the example.

    Raises UnknownParameter, listing the accepted names, for a given name
    that is neither declared nor used, and MissingParameter naming the first
    one with no value and no example.
    """
    examples = {param.name: param.example for param in declared}
    accepted = list(dict.fromkeys([*examples, *statement_parameters(text)]))
    unknown = [name for name in given if name not in accepted]
    if unknown:
        accepts = f"it accepts only {', '.join(accepted)}" if accepted else "it takes no parameters"
        raise UnknownParameter(
            f"unknown parameter {', '.join(map(repr, unknown))}: {accepts} "
            "(`kg query --list` shows each file's parameters)"
        )
    values = {}
    for name in accepted:
        if name in given:
            values[name] = parse_value(given[name])
        elif examples.get(name) is not None:
            values[name] = parse_value(examples[name])
        else:
            raise MissingParameter(
                f"parameter {name!r} has no value and no example: give one with --param {name}=VALUE"
            )
    return values


def _plain(value: Any) -> Any:
    """Nodes, relationships and paths as JSON-ready values; everything else as it is.

    Properties sit apart from the element id, labels and type, as a property
    may be called `type` or `start` (every evidence-bearing relationship has
    a `start`).  A relationship names its ends by element id, so a path's
    relationships say which way they point between its nodes.
    """
    if isinstance(value, Node):
        return {"element_id": value.element_id, "labels": sorted(value.labels), "properties": _plain(dict(value))}
    if isinstance(value, Relationship):
        return {
            "element_id": value.element_id,
            "type": value.type,
            "start_node": value.start_node.element_id,
            "end_node": value.end_node.element_id,
            "properties": _plain(dict(value)),
        }
    if isinstance(value, GraphPath):
        return {
            "nodes": [_plain(node) for node in value.nodes],
            "relationships": [_plain(relationship) for relationship in value.relationships],
        }
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def run_query(driver: Driver, database: str, text: str, params: Mapping[str, Any], write: bool = False) -> QueryResult:
    """Run `text` with `params` (as Cypher parameters) against `database`, in a read transaction unless `write`.

    The server enforces the read mode: a statement that would change the
    graph (or a schema, or a user) raises WriteRefused and changes nothing.
    An auto-commit transaction, so that a writing `CALL { … } IN TRANSACTIONS`
    runs with `write`.

    Example: `run_query(driver, "neo4j", "MATCH (o:Organization {name: $org}) RETURN o.key", {"org": "浙江省科技厅"})`
    """
    with driver.session(database=database, default_access_mode=WRITE_ACCESS if write else READ_ACCESS) as session:
        try:
            result = session.run(text, dict(params))
            keys = list(result.keys())
            rows = [[_plain(record[key]) for key in keys] for record in result]
            counters = result.consume().counters
        except ClientError as error:
            if error.code == _ACCESS_MODE_REFUSED:
                raise WriteRefused(
                    f"the statement would change the graph, and kg query only reads: give --write "
                    f"if it is meant to write; nothing was changed (Neo4j: {error.message})"
                ) from error
            raise
    changes = {name: getattr(counters, name) for name in _CHANGE_COUNTS if getattr(counters, name)}
    return QueryResult(keys, rows, changes)
