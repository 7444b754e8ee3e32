"""Slightly damaged input: a few bad bytes or mixed encodings are read with a warning naming
where; what cannot be read, or is no newsletter, is refused with the true reason."""

from __future__ import annotations

import codecs
import os

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest.reader import read_issue
from kg.models import ReadWarning
from kg.pipeline import read_corpus
from tests.conftest import SAMPLE_000, SAMPLE_004

runner = CliRunner()

ISSUE = "●行业动态\n\n浙江发布高新技术产业报告\n浙江省科技厅厅长高鹰忠出席会议。\n报告显示产业增加值增长。\n会议在杭州举行，写到中"


def _gb18030_cut_mid_character(tmp_path):
    data = ISSUE.encode("gb18030")
    assert data[-2:] == "中".encode("gb18030") == b"\xd6\xd0"
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:-1])
    return path


def test_a_gb18030_file_cut_mid_character_is_read_and_the_byte_named(tmp_path):
    path = _gb18030_cut_mid_character(tmp_path)
    corpus = read_corpus([path])
    [issue] = corpus.issues
    assert (issue.encoding, corpus.errors) == ("gb18030", [])
    assert issue.text.endswith("会议在杭州举行，写到\ufffd")
    assert [a.title for a in issue.articles] == ["浙江发布高新技术产业报告"]
    assert corpus.warnings == [
        ReadWarning(path, "1 damaged byte replaced with U+FFFD (the rest read as gb18030): line 6, column 11 (0xd6)")
    ]


def test_three_nul_bytes_in_an_issue_are_named_by_line_and_column(tmp_path):
    text = SAMPLE_000.read_text(encoding="utf-8")
    at = [text.index("浙江省高新技术产业产值"), text.index("高兴夫"), text.index("郝鹏超说")]
    damaged = text[: at[0]] + "\0" + text[at[0] : at[1]] + "\0" + text[at[1] : at[2]] + "\0" + text[at[2] :]
    path = tmp_path / "nul.txt"
    path.write_bytes(damaged.encode("utf-8"))
    assert 18_000 < path.stat().st_size < 19_000
    issue = read_issue(path)
    assert issue.encoding == "utf-8" and len(issue.articles) == 5
    spots = []
    for offset in at:
        line = text.count("\n", 0, offset) + 1
        spots.append((line, offset - text.rfind("\n", 0, offset)))
    (l1, c1), (l2, c2), (l3, c3) = spots
    assert issue.warnings == (
        f"3 damaged bytes replaced with U+FFFD (the rest read as utf-8): line {l1}, column {c1} (0x00); "
        f"line {l2}, column {c2} (0x00); line {l3}, column {c3} (0x00)",
    )
    assert "浙江省科技厅厅长高鹰忠" in issue.text


def test_only_the_first_five_damaged_bytes_are_listed(tmp_path):
    text = SAMPLE_004.read_text(encoding="utf-8")
    cuts = [2000 + 300 * k for k in range(9)]
    pieces = [text[a:b].encode("gb18030") for a, b in zip([0, *cuts], [*cuts, len(text)])]
    path = tmp_path / "eight.txt"
    path.write_bytes(b"\xff".join(pieces[:9]) + pieces[9])  # eight bytes that start no GB18030 character
    issue = read_issue(path)
    [warning] = issue.warnings
    line, column = text.count("\n", 0, 2000) + 1, 2000 - text.rfind("\n", 0, 2000)
    assert warning.startswith(
        f"8 damaged bytes replaced with U+FFFD (the rest read as gb18030): line {line}, column {column} (0xff); line "
    )
    assert warning.count("(0xff)") == 5 and warning.endswith("; and 3 more")
    assert issue.text.count("\ufffd") == 8


def test_a_file_mixing_utf8_and_gbk_lines_is_read_line_by_line(tmp_path):
    lines = ISSUE.split("\n")
    data = b"\n".join(
        line.encode("gb18030") if number in (4, 6) else line.encode("utf-8")
        for number, line in enumerate(lines, start=1)
    )
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    issue = read_issue(path)
    assert issue.text == ISSUE and issue.encoding == "utf-8+gb18030"
    assert issue.warnings == ("the file mixes encodings: lines 4, 6 read as gb18030, the rest as utf-8",)


def test_warnings_go_to_stderr_and_the_exit_code_stays_0(tmp_path):
    path = _gb18030_cut_mid_character(tmp_path)
    result = runner.invoke(app, ["split", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert f"warning: {path}: 1 damaged byte replaced with U+FFFD" in result.stderr
    assert "浙江发布高新技术产业报告" in result.stdout
    extracted = runner.invoke(app, ["extract", str(path)])
    assert extracted.exit_code == 0 and f"warning: {path}: 1 damaged byte" in extracted.stderr


def test_too_many_damaged_bytes_are_still_refused(tmp_path):
    data = bytearray(ISSUE.encode("gb18030"))
    for k in range(10, 60, 10):
        data[k] = 0xFF
    path = tmp_path / "ruined.txt"
    path.write_bytes(bytes(data))
    [error] = read_corpus([path]).errors
    assert error.reason.startswith("no encoding gives Chinese text (tried utf-8, ")


@pytest.mark.parametrize(
    "text, reason",
    [
        ("●行业动态\n\n●政策法规\n", "has no articles: only section headings (行业动态, 政策法规)"),
        ("●\n■\n◆\n", "has no articles: only section headings"),
    ],
    ids=["named", "bare"],
)
def test_a_file_of_section_headings_alone_has_no_articles(tmp_path, text, reason):
    path = tmp_path / "headings.txt"
    path.write_text(text, encoding="utf-8")
    assert [(e.path, e.reason) for e in read_corpus([path]).errors] == [(path, reason)]


def test_a_fifo_named_directly_is_not_a_regular_file(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert [e.reason for e in read_corpus([fifo]).errors] == [
        "is not a regular file: it is a FIFO (named pipe); kg reads newsletter files"
    ]


def test_a_broken_link_named_directly_says_where_it_points(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "elsewhere.txt")
    assert [e.reason for e in read_corpus([link]).errors] == [
        f"is a broken symbolic link (to {tmp_path / 'elsewhere.txt'}); kg reads newsletter files"
    ]


def test_fifos_and_broken_links_in_a_directory_are_skipped_with_a_warning(tmp_path):
    (tmp_path / "good.txt").write_bytes(SAMPLE_004.read_bytes())
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "gone.txt").symlink_to("/nonexistent/issue.txt")
    corpus = read_corpus([tmp_path])
    assert [i.path.name for i in corpus.issues] == ["good.txt"] and corpus.errors == []
    assert [str(w) for w in corpus.warnings] == [
        f"{tmp_path / 'gone.txt'}: is a broken symbolic link (to /nonexistent/issue.txt); skipped",
        f"{tmp_path / 'pipe.txt'}: is not a regular file: it is a FIFO (named pipe); skipped",
    ]


def test_a_big_endian_utf16_file_cut_mid_character_keeps_its_byte_order(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(codecs.BOM_UTF16_BE + ISSUE.encode("utf-16-be")[:-1])
    issue = read_issue(path)
    assert issue.encoding == "utf-16" and issue.text.endswith("会议在杭州举行，写到\ufffd")
    assert issue.warnings == (
        "1 damaged byte replaced with U+FFFD (the rest read as utf-16): line 6, column 11 (0x4e)",
    )
