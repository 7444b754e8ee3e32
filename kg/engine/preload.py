"""Loads the pipeline on import: the local pool's fork server imports this module once.

Workers are forked from that server, so each starts with the pipeline
already loaded (shared with the server until written to) instead of
spending seconds loading its own; a pool started again in the same
process forks from the same server.
"""

from kg.engine.work import load_pipeline

load_pipeline()
