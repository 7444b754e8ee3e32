"""kg's pipeline kept in the user cache, so a run does not read and compile the data files again.

A pipeline built from a data directory is saved with `nlp.to_disk` under
`<user cache>/pipelines/<key>`, the key a hash of the data files, of kg's
code (what it compiles from them) and of spaCy's and Python's versions.  A later run with the same key loads it with
`spacy.load`; one made from other files or versions is not looked at, and
is removed when the new one is saved.  Before loading, every saved file is
checked against the hashes written beside it: a cache that fails the check
or fails to load is rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import platform
import shutil
import tempfile
from pathlib import Path

import spacy
from spacy.language import Language

from kg.config import user_cache_dir
from kg.nlp.gazetteers import data_fingerprint
from kg.nlp.language import build_pipeline, prepare_jieba

__all__ = ["load_pipeline", "pipeline_key", "CACHE_FOLDER", "MANIFEST"]

CACHE_FOLDER = "pipelines"
_PACKAGE = Path(__file__).resolve().parents[1]  # kg/
MANIFEST = "kg-cache.json"  # the key and the hash of every saved file
# What a new pipeline reads once before it is saved, so the patterns its components compile on first
# use are saved with it.
_WARM_UP = "北京市科学技术委员会主任王明表示，浙江大学与某某科技有限公司签署合作协议，共同举办2024年创新大会。"


def pipeline_key(data_dir: Path | None = None) -> str:
    """What a saved pipeline depends on: the data files, kg's code, and spaCy's and Python's versions."""
    versions = f"{spacy.__version__}|{platform.python_version()}"
    return hashlib.sha256(f"{data_fingerprint(data_dir)}|{_code_fingerprint()}|{versions}".encode()).hexdigest()[:32]


def _code_fingerprint() -> str:
    """A hash of kg's modules: a change to how patterns are compiled makes a saved pipeline stale too."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_pipeline(data_dir: Path | None = None, cache_dir: Path | None = None) -> Language:
    """The pipeline of `data_dir` (kg's `data/` by default), from the cache when a sound one is there.

    A pipeline built here is saved for the next run; where the cache cannot
    be written (no writable home) it is simply not kept.
    """
    root = (cache_dir or user_cache_dir()) / CACHE_FOLDER
    key = pipeline_key(data_dir)
    folder = root / key
    prepare_jieba()
    nlp = _load_checked(folder, key)
    if nlp is None:
        nlp = build_pipeline(data_dir)
        nlp(_WARM_UP)
        _save(nlp, root, key)
    return nlp


def _file_hashes(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != MANIFEST
    }


def _load_checked(folder: Path, key: str) -> Language | None:
    """The saved pipeline, if its manifest names this key and every file is as it was saved."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("key") != key or manifest.get("files") != _file_hashes(folder):
            raise ValueError("the saved files differ from the manifest")
        return spacy.load(folder)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 (a corrupt cache, whatever broke in it, is rebuilt)
        shutil.rmtree(folder, ignore_errors=True)
        return None


def _save(nlp: Language, root: Path, key: str) -> None:
    """Save under `root/key` (written aside, then renamed into place), and remove pipelines of other keys."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".saving-", dir=root))
    except OSError:  # no writable cache
        return
    try:
        nlp.to_disk(staging)
        manifest = {"key": key, "files": _file_hashes(staging)}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        staging.rename(root / key)
    except OSError:  # another run saved the same pipeline first, or the disk is full
        shutil.rmtree(staging, ignore_errors=True)
        return
    for other in root.iterdir():
        if other.name != key and not other.name.startswith(".saving-"):
            shutil.rmtree(other, ignore_errors=True)
