"""The directory `kg build` writes into: checked before any work, filled only when complete.

A build is written into a hidden staging directory inside the output
directory and moved into place entry by entry once every file is whole, so
a failed or interrupted build leaves the previous output as it was.  Files
kg did not write (a user's `neo4j-import/mine.csv`) are never removed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["OutputError", "check_output_directory", "check_output_file", "staged_directory"]

_STAGING_PREFIX = ".kg-build-"
_ADVICE = "give -o a directory you can write to"


class OutputError(Exception):
    """The output path cannot be written; the message names it and what to do."""


def _nearest_existing(path: Path) -> Path:
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _probe(directory: Path, target: Path, advice: str) -> None:
    """Create and remove a directory in `directory`: the only sure test of writing there."""
    try:
        os.rmdir(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=directory))
    except OSError as error:
        raise OutputError(f"cannot write to {target} ({error.strerror}); {advice}") from None


def check_output_directory(directory: Path) -> None:
    """Fail fast, before hours of extraction, when `directory` cannot receive a build."""
    if directory.exists() and not directory.is_dir():
        raise OutputError(f"{directory} is a file, not a directory; {_ADVICE} (it is created if missing)")
    existing = _nearest_existing(directory)
    if not existing.is_dir():
        raise OutputError(f"{existing} is a file, so {directory} cannot be created there; {_ADVICE}")
    _probe(existing, directory, _ADVICE)


def check_output_file(path: Path, option: str) -> None:
    """Fail fast when `path` is a directory or its directory cannot be written."""
    advice = f"give {option} a file path you can write to"
    if path.is_dir():
        raise OutputError(f"{path} is a directory; {advice}")
    existing = _nearest_existing(path.parent)
    if not existing.is_dir():
        raise OutputError(f"{existing} is a file, so {path} cannot be created there; {advice}")
    _probe(existing, path, advice)


def _move_in(staged: Path, target: Path, owned: Callable[[str], bool]) -> None:
    """Replace `target` by `staged`; in a directory, replace only the files kg writes."""
    if staged.is_dir() and target.is_dir():
        fresh = {entry.name for entry in staged.iterdir()}
        for old in target.iterdir():
            if old.is_file() and owned(old.name) and old.name not in fresh:
                old.unlink()  # a stale kg file, e.g. a label this build no longer has
        for entry in staged.iterdir():
            os.replace(entry, target / entry.name)
        staged.rmdir()
    else:
        os.replace(staged, target)


@contextmanager
def staged_directory(directory: Path, owned: Callable[[str, str], bool]) -> Iterator[Path]:
    """Yield an empty directory to write the build into; move it into `directory` if the block succeeds.

    `owned(folder, name)` says whether a file `name` inside the entry `folder`
    is one kg writes there, so that a stale one may be removed.
    """
    check_output_directory(directory)
    created = not directory.exists()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=directory))
    except OSError as error:
        raise OutputError(f"cannot write to {directory} ({error.strerror}); {_ADVICE}") from None
    try:
        yield staging
    except BaseException as error:
        _discard(staging, directory, created)
        if isinstance(error, OSError):
            raise OutputError(
                f"cannot write to {directory} ({error.strerror}); nothing was changed there; {_ADVICE}"
            ) from None
        raise
    try:
        for entry in sorted(staging.iterdir()):
            _move_in(entry, directory / entry.name, lambda name, folder=entry.name: owned(folder, name))
        staging.rmdir()
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(
            f"could not move the finished build into {directory} ({error.strerror}); "
            f"its files may mix this build and the last; run the build again"
        ) from None


def _discard(staging: Path, directory: Path, created: bool) -> None:
    shutil.rmtree(staging, ignore_errors=True)
    if created and not any(directory.iterdir()):
        directory.rmdir()
