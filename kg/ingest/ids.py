"""Stable identifiers: the same text gives the same ids on any machine.

The issue id hashes the normalised text, so re-encoding a file, changing
its line ends or indentation, or renaming it keeps its id.
"""

from __future__ import annotations

import hashlib

__all__ = ["issue_id", "article_id"]


def issue_id(normalized_text: str) -> str:
    """The first 16 hex digits of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalized_text.encode("utf-8")).hexdigest()[:16]


def article_id(issue: str, position: int) -> str:
    """`<issue id>-<position>`, position counted from 0 in document order.

    >>> article_id("37a592d5b46665a4", 3)
    '37a592d5b46665a4-003'
    """
    return f"{issue}-{position:03d}"
