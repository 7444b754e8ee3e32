"""Command-line arguments → the newsletter files they name.

Arguments may be files, directories (searched recursively for `*.txt`),
glob patterns or fsspec URLs (`s3://bucket/issues/`, listed by
`kg.ingest.remote`); each file is listed once, in a stable order.  What cannot be
read as a file is said: a named FIFO or broken link is an error, one found
inside a directory or by a pattern is passed over with a warning.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from kg.ingest.remote import expand_url, is_url
from kg.models import ReadError, ReadWarning

__all__ = ["NEWSLETTER_SUFFIXES", "Sources", "expand_sources"]

NEWSLETTER_SUFFIXES = frozenset({".txt", ".text"})


class Sources(NamedTuple):
    """The files to read, the arguments that name none, and the entries passed over."""

    files: list[Path | str]  # a URL stays a string: only the workers that read it need to reach it
    errors: list[ReadError]
    warnings: list[ReadWarning]


def expand_sources(arguments: Iterable[str | Path]) -> Sources:
    """Resolve files, directories and globs; unknown names become errors."""
    files: list[Path | str] = []
    errors: list[ReadError] = []
    warnings: list[ReadWarning] = []
    for argument in arguments:
        path = Path(argument)
        if is_url(argument):
            found = expand_url(str(argument))
            if isinstance(found, ReadError):
                errors.append(found)
            else:
                files.extend(found)
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in NEWSLETTER_SUFFIXES and not p.is_dir())
            warnings += [ReadWarning(p, f"{why}; skipped") for p in found if (why := _not_a_file(p))]
            found = [p for p in found if p.is_file()]
            if not found:
                errors.append(ReadError(path, "the directory holds no .txt newsletter files"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif why := _not_a_file(path):
            errors.append(ReadError(path, f"{why}; kg reads newsletter files"))
        elif glob.has_magic(str(argument)):
            matches = sorted(Path(p) for p in glob.glob(str(argument), recursive=True) if not Path(p).is_dir())
            warnings += [ReadWarning(p, f"{why}; skipped") for p in matches if (why := _not_a_file(p))]
            matches = [p for p in matches if p.is_file()]
            if not matches:
                errors.append(ReadError(path, "the pattern matches no file"))
            files.extend(matches)
        else:
            errors.append(ReadError(path, "no such file or directory"))
    unique = list(dict.fromkeys(p if isinstance(p, str) else p.resolve() for p in files))
    return Sources(unique, errors, warnings)


def _not_a_file(path: Path) -> str:
    """Why an existing name is no file to read ("" for a regular file or a name that is not there)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return f"is a broken symbolic link (to {os.readlink(path)})" if path.is_symlink() else ""
    except OSError as error:
        return f"cannot be looked at ({error.strerror or error})"
    for test, kind in (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return f"is not a regular file: it is {kind}"
    return "" if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else "is not a regular file"
