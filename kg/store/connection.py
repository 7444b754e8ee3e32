"""Open a Neo4j driver that has already reached the server.

Verifying at once means a wrong address or password fails here, with a
message naming the address and what to check, instead of halfway through a
load with a driver traceback.
"""

from __future__ import annotations

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from kg.store.errors import CredentialsRefused, StoreUnavailable
from kg.store.settings import Neo4jSettings

__all__ = ["open_driver"]


def open_driver(settings: Neo4jSettings) -> Driver:
    """A driver for `settings` whose server has answered and accepted the login.

    Raises StoreUnavailable (CredentialsRefused for a refused login).  The
    caller closes the driver: `with open_driver(settings) as driver: ...`.

    Example: `open_driver(Neo4jSettings.from_environment()).execute_query("RETURN 1")`
    """
    try:
        driver = GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password))
    except (DriverError, ValueError) as error:
        raise StoreUnavailable(
            f"{settings.uri!r} is not a Neo4j address: set NEO4J_URI to bolt://HOST:PORT or neo4j://HOST:PORT"
            f"{_driver_said(error)}"
        ) from error
    try:
        driver.verify_connectivity()
    except AuthError as error:
        driver.close()
        raise CredentialsRefused(
            f"Neo4j at {settings.uri} refused user {settings.user!r}: check the password in "
            f"{settings.password_source} (and NEO4J_USER)"
        ) from error
    except (DriverError, Neo4jError, OSError) as error:
        driver.close()
        raise StoreUnavailable(
            f"no Neo4j answers at {settings.uri}: is it started? Start the project's own server with "
            f"`kg neo4j start`, or point NEO4J_URI at yours{_driver_said(error)}"
        ) from error
    return driver


def _driver_said(error: Exception) -> str:
    """The last line of the driver's message: the reason, without its address resolution."""
    lines = str(error).strip().splitlines()
    return f"\n(driver: {lines[-1]})" if lines else ""
