"""The `kg` command line: each command parses its arguments, calls one `kg.api` function and prints.

`main` holds the commands that make and analyse the graph, `neo4j` the
server's, `query` the curated queries', `errors` how Neo4j failures become
one message and an exit code, `console` the terminal output they share.
"""

from kg.cli.main import app

__all__ = ["app"]
