"""Facts about text that every stage reads: reading files, names and relations alike.

Characters (`is_han`) here; sentences and where a long text may be cut in
`kg.text.sentences`.  `kg.ingest`, `kg.nlp` and `kg.relations` all import
them from here, so the recognisers never reach into the reader.
"""

from __future__ import annotations

__all__ = ["is_han"]


def is_han(ch: str) -> bool:
    """True for a CJK unified ideograph (basic block and extensions A–F).

    >>> is_han("中"), is_han("A")
    (True, False)
    """
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2EBEF
