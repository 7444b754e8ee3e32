"""jieba's dictionary cache lives in kg's user cache directory, never at the shared /tmp/jieba.cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SAMPLE_004

KG = Path(sys.executable).with_name("kg")


def _jieba_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if "jieba" in p.name)


def _run(tmp_path: Path, *arguments: str, **environment: str) -> subprocess.CompletedProcess:
    """kg as a user runs it, with its own temporary directory so nothing there is another run's."""
    scratch = tmp_path / "tmp"
    scratch.mkdir(exist_ok=True)
    env = {**os.environ, "HOME": str(tmp_path / "home"), "TMPDIR": str(scratch), **environment}
    if "XDG_CACHE_HOME" not in environment:
        env.pop("XDG_CACHE_HOME", None)
    return subprocess.run([str(KG), *arguments], env=env, capture_output=True, text=True, timeout=300)


def test_a_build_caches_jiebas_dictionary_in_the_user_cache_not_in_tmp(tmp_path):
    result = _run(
        tmp_path, "build", str(SAMPLE_004), "-o", str(tmp_path / "out"), XDG_CACHE_HOME=str(tmp_path / "cache")
    )
    assert result.returncode == 0, result.stderr
    assert _jieba_files(tmp_path / "cache") == ["jieba.cache"]
    assert _jieba_files(tmp_path / "tmp") == [] and _jieba_files(tmp_path / "home") == []
    assert "Traceback" not in result.stderr


def test_without_xdg_cache_home_the_cache_is_under_home(tmp_path):
    result = _run(tmp_path, "extract", str(SAMPLE_004), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "home" / ".cache" / "kg" / "jieba.cache").is_file()
    assert _jieba_files(tmp_path / "tmp") == []


def test_with_no_cache_directory_to_be_had_a_run_uses_its_own_and_leaves_nothing(tmp_path):
    (tmp_path / "file").write_text("not a directory")
    result = _run(
        tmp_path, "extract", str(SAMPLE_004), "-o", str(tmp_path / "out.jsonl"), XDG_CACHE_HOME=str(tmp_path / "file")
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "jieba" not in result.stderr
    assert _jieba_files(tmp_path) == [] and not list((tmp_path / "tmp").glob("kg-jieba-*"))
