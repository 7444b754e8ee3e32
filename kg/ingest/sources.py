"""Command-line arguments → the newsletter files they name.

Arguments may be files, directories (searched recursively for `*.txt`) or
glob patterns; each file is listed once, in a stable order.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable
from pathlib import Path

from kg.models import ReadError

__all__ = ["NEWSLETTER_SUFFIXES", "expand_sources"]

NEWSLETTER_SUFFIXES = frozenset({".txt", ".text"})


def expand_sources(arguments: Iterable[str | Path]) -> tuple[list[Path], list[ReadError]]:
    """Resolve files, directories and globs; unknown names become errors."""
    files: list[Path] = []
    errors: list[ReadError] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in NEWSLETTER_SUFFIXES)
            if not found:
                errors.append(ReadError(path, "the directory holds no .txt newsletter files"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif glob.has_magic(str(argument)):
            matches = sorted(Path(p) for p in glob.glob(str(argument), recursive=True) if Path(p).is_file())
            if not matches:
                errors.append(ReadError(path, "the pattern matches no file"))
            files.extend(matches)
        else:
            errors.append(ReadError(path, "no such file or directory"))
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return unique, errors
