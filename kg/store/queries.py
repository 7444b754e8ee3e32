"""The curated Cypher files of `queries/`: their headers, their parameters, running them.

Each file begins with a comment block that says what it answers and what it
needs, so it runs as it is on the sample graph:

    // question: 某机构的人员及职务 / People holding positions in an organization
    // param org: 浙江省科技厅 (the organization's name)

A parameter's example is used when the call gives no value; a value given as
text (`limit=5`) becomes an integer, a float or a boolean when it reads as one.
Values are always sent as Cypher parameters, never written into the statement.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neo4j import Driver
from neo4j.graph import Node, Path as GraphPath, Relationship

from kg.config import QUERIES_DIR

__all__ = [
    "QueryParameter", "QueryFile", "QueryResult", "MissingParameter", "UnknownQuery",
    "read_query_file", "list_query_files", "find_query_file", "parse_value", "resolve_parameters",
    "statement_parameters", "run_query",
]

_QUESTION = re.compile(r"^//\s*question:\s*(?P<text>.+?)\s*$")
_PARAM = re.compile(r"^//\s*param\s+(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<example>.*?)\s*(?:\((?P<about>[^()]*)\))?\s*$")
_PLACEHOLDER = re.compile(r"\$(?P<name>[A-Za-z_]\w*)")
_COMMENT_OR_STRING = re.compile(r"//[^\n]*|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_INTEGER = re.compile(r"^[+-]?\d+$")
_FLOAT = re.compile(r"^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$")


class MissingParameter(ValueError):
    """A statement needs a parameter that has neither a value nor an example."""


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
    """The columns a statement returned and its rows, each a list in column order."""

    columns: list[str]
    rows: list[list[Any]]

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
    stem = name_or_path[:-len(".cypher")] if name_or_path.endswith(".cypher") else name_or_path
    path = directory / f"{stem}.cypher"
    if "/" not in stem and path.is_file():
        return read_query_file(path)
    known = ", ".join(p.stem for p in sorted(directory.glob("*.cypher")))
    raise UnknownQuery(f"no query {name_or_path!r}: neither a file nor one of {directory}: {known} "
                       "(`kg query --list` shows their questions)")


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

    Raises MissingParameter naming the first one with neither.
    """
    examples = {param.name: param.example for param in declared}
    values = {}
    for name in dict.fromkeys([*examples, *statement_parameters(text), *given]):
        if name in given:
            values[name] = parse_value(given[name])
        elif examples.get(name) is not None:
            values[name] = parse_value(examples[name])
        else:
            raise MissingParameter(f"parameter {name!r} has no value and no example: "
                                   f"give one with --param {name}=VALUE")
    return values


def _plain(value: Any) -> Any:
    """Nodes, relationships and paths as JSON-ready values; everything else as it is."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **dict(value)}
    if isinstance(value, Relationship):
        return {"type": value.type, **dict(value)}
    if isinstance(value, GraphPath):
        return [_plain(node) for node in value.nodes]
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def run_query(driver: Driver, database: str, text: str, params: Mapping[str, Any]) -> QueryResult:
    """Run `text` with `params` (as Cypher parameters) against `database`.

    Example: `run_query(driver, "neo4j", "MATCH (o:Organization {name: $org}) RETURN o.key AS key", {"org": "浙江省科技厅"})`
    """
    records, _, keys = driver.execute_query(text, dict(params), database_=database)
    return QueryResult(list(keys), [[_plain(record[key]) for key in keys] for record in records])
