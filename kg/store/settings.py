"""Which Neo4j kg talks to, and as whom.

A user with their own Neo4j sets NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD,
NEO4J_DATABASE) and never needs `kg neo4j`.  Without NEO4J_URI, kg talks to
the project's own server (`kg neo4j start`) with the password it generated.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from kg.store.home import ServerHome

__all__ = ["Neo4jSettings", "BATCH_SIZE", "WORKERS"]

BATCH_SIZE = 2000  # rows per transaction of a load
WORKERS = 3  # transactions in flight: the server works on one while the driver sends the next


@dataclass(frozen=True)
class Neo4jSettings:
    """Address, login and database of one Neo4j."""

    uri: str
    user: str = "neo4j"
    password: str = field(default="", repr=False)
    database: str = "neo4j"
    # Where the password came from, so an error can say what to fix.
    password_source: str = "NEO4J_PASSWORD"

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Neo4jSettings:
        """NEO4J_URI's server if set, else the project's own.

        Example: `open_driver(Neo4jSettings.from_environment())`
        """
        user = environ.get("NEO4J_USER") or "neo4j"
        database = environ.get("NEO4J_DATABASE") or "neo4j"
        if environ.get("NEO4J_URI"):
            return cls(environ["NEO4J_URI"], user, environ.get("NEO4J_PASSWORD", ""), database)
        return cls.for_server(ServerHome.from_environment(environ), user, database)

    @classmethod
    def for_server(cls, home: ServerHome, user: str = "neo4j", database: str = "neo4j") -> Neo4jSettings:
        """The project's own server at `home`, with its password."""
        source = "NEO4J_PASSWORD" if home.password_override else str(home.password_file)
        return cls(home.uri, user, home.password() or "", database, source)
