"""Newsletters in the encodings and layouts they arrive in read identically."""

from __future__ import annotations

import codecs

import pytest

from kg.ingest.decoding import DecodeError, decode_newsletter
from kg.ingest.normalize import normalize_text
from kg.ingest.reader import read_issue
from kg.pipeline import read_corpus
from tests.conftest import SAMPLE_000, SAMPLE_004


def _signature(issue):
    return issue.id, [
        (a.id, a.section, a.title, a.start, a.end, [p.text for p in a.paragraphs], [s.text for s in a.subheadings])
        for a in issue.articles
    ]


def _variants(text: str) -> dict[str, bytes]:
    crlf = text.replace("\n", "\r\n")
    indented = "\n".join("\u3000\u3000" + line if line.strip() else line for line in text.split("\n"))
    return {
        "gb18030": text.encode("gb18030"),
        "utf-16": text.encode("utf-16"),
        "utf-16-le-no-bom": text.encode("utf-16-le"),
        "utf-8-bom": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf-8-crlf": crlf.encode("utf-8"),
        "gb18030-crlf": crlf.encode("gb18030"),
        "u3000-indented": indented.encode("utf-8"),
        "u3000-indented-utf16-crlf": indented.replace("\n", "\r\n").encode("utf-16"),
    }


@pytest.mark.parametrize("sample", [SAMPLE_000, SAMPLE_004], ids=["000", "004"])
def test_encodings_line_ends_and_indentation_give_identical_articles_and_ids(sample, tmp_path):
    reference = _signature(read_issue(sample))
    text = sample.read_text(encoding="utf-8")
    for name, data in _variants(text).items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(data)
        assert _signature(read_issue(path)) == reference, name


def test_detected_encoding_is_reported(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(SAMPLE_000.read_text(encoding="utf-8").encode("gb18030"))
    assert read_issue(path).encoding == "gb18030"


def test_short_gb18030_text_is_not_taken_for_korean():
    assert decode_newsletter("中国科学院".encode("gb18030")) == ("中国科学院", "gb18030")


def test_bad_files_are_reported_by_name_and_good_ones_still_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes(SAMPLE_000.read_bytes())
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    unknown = tmp_path / "ebcdic.txt"
    unknown.write_bytes("Quarterly industry report: steel output rose 5%.".encode("cp500"))
    corpus = read_corpus([str(tmp_path)])
    assert [i.path.name for i in corpus.issues] == ["good.txt"]
    reasons = {e.path.name: e.reason for e in corpus.errors}
    assert reasons["empty.txt"] == "the file is empty"
    assert "binary" in reasons["binary.txt"]
    assert "no encoding gives Chinese text" in reasons["ebcdic.txt"]
    assert str(unknown) in [str(e).split(": ")[0] for e in corpus.errors]


def test_missing_path_and_empty_glob_are_errors(tmp_path):
    corpus = read_corpus([str(tmp_path / "nope.txt"), str(tmp_path / "*.txt"), str(SAMPLE_004)])
    assert [i.path.name for i in corpus.issues] == [SAMPLE_004.name]
    assert [e.reason for e in corpus.errors] == ["no such file or directory", "the pattern matches no file"]


def test_normalised_offsets_map_back_to_the_source():
    source = "\u3000\u3000标题\r\n\r\n\u3000\u3000正文第一句。\r\n"
    normalized = normalize_text(source)
    assert normalized.text == "标题\n\n正文第一句。\n"
    offset = normalized.text.index("正文")
    assert source[normalized.to_source(offset):].startswith("正文")


def test_decode_error_names_the_cure():
    with pytest.raises(DecodeError, match="save the file as UTF-8 or GB18030"):
        decode_newsletter("plain ascii words only".encode("ascii"))
