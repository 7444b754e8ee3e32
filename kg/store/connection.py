"""Open a Neo4j driver that has already reached the server.

Verifying at once means a wrong address or password fails here, with a
message naming the address and what to check, instead of halfway through a
load with a driver traceback.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from kg.store.errors import CredentialsRefused, StoreUnavailable
from kg.store.settings import Neo4jSettings

__all__ = ["open_driver", "BOLT_SCHEMES", "RETRY_SECONDS", "CONNECT_SECONDS"]

# The schemes of Bolt, the protocol kg speaks.  The driver also takes http(s)
# (Neo4j's Query API, a preview needing aiohttp), which kg does not use.
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

# How long the driver retries a failed transaction (deadlocks, a cluster's
# leader changing).  Its default, 30 s, made a dead server a minute of silence.
RETRY_SECONDS = 5.0
# How long opening a connection may take; the driver's default is 30 s.
CONNECT_SECONDS = 5.0


def open_driver(settings: Neo4jSettings) -> Driver:
    """A driver for `settings` whose server has answered and accepted the login.

    Raises StoreUnavailable (CredentialsRefused for a refused login).  The
    caller closes the driver: `with open_driver(settings) as driver: ...`.

    Example: `open_driver(Neo4jSettings.from_environment()).execute_query("RETURN 1")`
    """
    _check_scheme(settings.uri)
    try:
        driver = GraphDatabase.driver(
            settings.uri,
            auth=(settings.user, settings.password),
            max_transaction_retry_time=RETRY_SECONDS,
            connection_timeout=CONNECT_SECONDS,
        )
    except (DriverError, ValueError) as error:
        raise StoreUnavailable(
            f"{settings.uri!r} is not a Neo4j address: {_WHAT_TO_SET}{_driver_said(error)}"
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


_WHAT_TO_SET = (
    "set NEO4J_URI to a "
    + ", ".join(f"{scheme}://" for scheme in BOLT_SCHEMES)
    + " address, e.g. bolt://localhost:7687"
)


def _check_scheme(uri: str) -> None:
    """Refuse an address of another protocol before the driver tries it (http:// asks for aiohttp)."""
    scheme = urlsplit(uri).scheme.lower()
    if scheme in BOLT_SCHEMES:
        return
    if scheme in ("http", "https"):
        raise StoreUnavailable(
            f"{uri!r} is Neo4j's HTTP address, and kg speaks Bolt: {_WHAT_TO_SET} "
            "(Bolt's default port is 7687; 7474 is HTTP's)"
        )
    raise StoreUnavailable(f"{uri!r} is not a Neo4j address: {_WHAT_TO_SET}")


def _driver_said(error: Exception) -> str:
    """The last line of the driver's message: the reason, without its address resolution."""
    lines = str(error).strip().splitlines()
    return f"\n(driver: {lines[-1]})" if lines else ""
