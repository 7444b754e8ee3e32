"""What every kg component holds: the data of its configuration, saved and loaded with the pipeline."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable
from pathlib import Path

from spacy.util import ensure_path

from kg.nlp.gazetteers import Gazetteers, gazetteers_of, shared_gazetteers

__all__ = ["DataComponent", "DATA_FILE"]

# The file a component's data is saved in, in the component's folder of a saved pipeline.
DATA_FILE = "gazetteers.pickle"


class DataComponent:
    """A component holding the data of its configuration: its `data_dir`, read on first use or from disk."""

    def __init__(self, data_dir: str | None = None) -> None:
        self.data_dir = data_dir
        self._gaz: Gazetteers | None = None

    @property
    def gaz(self) -> Gazetteers:
        if self._gaz is None:
            self._gaz = gazetteers_of(Path(self.data_dir) if self.data_dir else None)
        return self._gaz

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the data (and the patterns compiled from it so far) in `path`."""
        folder = ensure_path(path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / DATA_FILE).write_bytes(pickle.dumps(self.gaz, protocol=pickle.HIGHEST_PROTOCOL))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DataComponent:
        """Load the data `to_disk` saved; components saved with the same data share one object."""
        raw = (ensure_path(path) / DATA_FILE).read_bytes()
        self._gaz = shared_gazetteers("saved:" + hashlib.sha256(raw).hexdigest(), lambda: _unpickled(raw, path))
        return self


def _unpickled(raw: bytes, path: str | Path) -> Gazetteers:
    gaz = pickle.loads(raw)  # noqa: S301 (kg's own file, written by `to_disk`)
    if not isinstance(gaz, Gazetteers):
        raise ValueError(f"{path}: {DATA_FILE} holds no kg gazetteers")
    return gaz
