"""The errors of kg's Neo4j layer; each message says what to do next."""

from __future__ import annotations

__all__ = ["StoreUnavailable", "CredentialsRefused", "ServerError", "StoreChanged"]


class StoreUnavailable(RuntimeError):
    """No usable Neo4j at the configured address: nothing answers, or it refuses the login."""


class CredentialsRefused(StoreUnavailable):
    """Neo4j answers but refuses the user and password; retrying will not help."""


class ServerError(RuntimeError):
    """Installing, starting, stopping or importing into the project's own server failed."""


class StoreChanged(RuntimeError):
    """A batch found fewer nodes than kg looked up or created a moment before: another writer was at work."""
