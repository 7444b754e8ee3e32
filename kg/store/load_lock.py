"""One kg load at a time per database: a lock that a second load waits for and a dead process gives back.

Two loads at once would each create what neither found stored: one then
breaks a key constraint, or both add the same relationships, which no
constraint stops.  So a load holds a lock while it writes: an open
transaction that has merged `(:KgLoadLock {name: 'load'})` and never
commits.  The key constraint on that node makes every other load's merge
wait until the holder rolls back.  No lock node is ever stored, and when a
holder's process dies, Neo4j rolls its transaction back as the connection
drops, so the next load goes on.

A server whose `db.transaction.timeout` is shorter than a load ends the
lock early; the load itself goes on, and a key race with a load that
started meanwhile is still caught (see `kg.store.writer`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

from neo4j import Driver, Session, Transaction
from neo4j.exceptions import DriverError, Neo4jError

from kg.store import cypher

__all__ = ["load_lock", "WAIT_NOTICE_SECONDS"]

# A lock held longer than this is another load's, not a moment's overlap: say so.
WAIT_NOTICE_SECONDS = 1.0


@contextmanager
def load_lock(driver: Driver, database: str, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the load lock of `database` for the block; `on_wait()` once if another load holds it.

    The wait runs in a daemon thread, so Ctrl-C ends it at once: a main
    thread blocked in the driver would wait out the other load first.

    Example: `with load_lock(driver, "neo4j"): ...`
    """
    _create_constraint(driver, database)
    taken = threading.Event()
    held: list[tuple[Session, Transaction]] = []
    failure: list[BaseException] = []

    def take() -> None:
        session = driver.session(database=database)
        try:
            transaction = session.begin_transaction()
            transaction.run(cypher.take_load_lock()).consume()
            held.append((session, transaction))
        except BaseException as error:  # handed to the waiting thread, which raises it
            failure.append(error)
            session.close()
        finally:
            taken.set()

    threading.Thread(target=take, name="kg-load-lock", daemon=True).start()
    if not taken.wait(WAIT_NOTICE_SECONDS) and on_wait is not None:
        on_wait()
    while not taken.wait(0.5):  # short waits: Ctrl-C is seen between them
        pass
    if failure:
        raise failure[0]
    session, transaction = held[0]
    try:
        yield
    finally:
        # A server that has gone cannot be told; it rolls back by itself.
        with suppress(DriverError, Neo4jError, OSError):
            transaction.rollback()
        with suppress(DriverError, Neo4jError, OSError):
            session.close()


def _create_constraint(driver: Driver, database: str) -> None:
    """Create the lock's key constraint unless it exists (asked first: creating it would wait for a holder)."""
    records, _, _ = driver.execute_query(cypher.schema_names(), database_=database)
    if cypher.LOAD_LOCK not in records[0]["names"]:
        driver.execute_query(cypher.load_lock_constraint(), database_=database)
