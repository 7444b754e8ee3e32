"""Large input: `kg extract` holds one issue at a time, writing each record as it is made."""

from __future__ import annotations

import shutil

from kg.models import ReadError
from kg.pipeline import extract_files
from tests.conftest import SAMPLE_000, SAMPLE_004


def test_each_file_is_extracted_before_the_next_is_read(tmp_path):
    """The first file's records come out while the files after it are still unread."""
    for name, source in (("a.txt", SAMPLE_000), ("c.txt", SAMPLE_004)):
        shutil.copy(source, tmp_path / name)
    (tmp_path / "b.txt").write_bytes(b"")
    errors: list[ReadError] = []
    records = extract_files([tmp_path], on_error=errors.append)
    first = next(records)
    assert (first["source"], first["title"], errors) == ("a.txt", "编者的话", [])
    rest = list(records)
    assert [e.path.name for e in errors] == ["b.txt"] and errors[0].reason == "the file is empty"
    assert [r["source"] for r in rest] == ["a.txt"] * 4 + ["c.txt"] * 5


def test_missing_paths_are_reported_before_any_record(tmp_path):
    errors: list[ReadError] = []
    records = extract_files([tmp_path / "nowhere.txt", SAMPLE_004], on_error=errors.append)
    assert next(records)["source"] == SAMPLE_004.name
    assert [(e.path.name, e.reason) for e in errors] == [("nowhere.txt", "no such file or directory")]
