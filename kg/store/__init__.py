"""Neo4j: the project's own server, connection settings and the driver."""
