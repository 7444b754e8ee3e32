"""Newsletters in the encodings and layouts they arrive in read identically."""

from __future__ import annotations

import codecs

import opencc
import pytest

from kg.ingest.decoding import Decoded, DecodeError, decode_newsletter
from kg.ingest.normalize import normalize_text
from kg.ingest.reader import read_issue
from kg.ingest.script import detect_script, to_simplified
from kg.pipeline import extract_records, read_corpus
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
    assert decode_newsletter("中国科学院".encode("gb18030")) == Decoded("中国科学院", "gb18030", ())


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
    assert source[normalized.to_source(offset) :].startswith("正文")


def test_decode_error_names_the_cure_only_where_it_helps():
    with pytest.raises(DecodeError) as raised:
        decode_newsletter("Quarterly industry report: steel output rose 5%.".encode("cp500"))
    reason = str(raised.value)
    assert reason.startswith("no encoding gives Chinese text (tried utf-8, ")
    assert reason.endswith("); save the file as UTF-8 or GB18030 and try again")
    tried = reason.split("(tried ")[1].split(")")[0].split(", ")
    assert len(tried) == len(set(tried)) and "utf_8" not in tried and "gb18030" in tried
    with pytest.raises(DecodeError) as raised:  # already UTF-8: re-saving it as UTF-8 would change nothing
        decode_newsletter("plain ascii words only".encode("ascii"))
    assert str(raised.value) == (
        "it reads as utf-8 but holds no Chinese text (kg reads Chinese newsletters); "
        "check that this is the file you meant"
    )


# Traditional characters: OpenCC-standard (s2t) in UTF-8, and Taiwan-standard
# (s2tw) in Big5 — big5hkscs, as plain Big5 lacks 譞 of the sample's 刘譞哲.
_TRADITIONAL_COPIES = {"s2t-utf-8": ("s2t", "utf-8"), "s2tw-big5": ("s2tw", "big5hkscs")}


@pytest.mark.parametrize("config, encoding", _TRADITIONAL_COPIES.values(), ids=_TRADITIONAL_COPIES.keys())
def test_traditional_copy_reads_like_its_simplified_original(config, encoding, tmp_path):
    original = read_issue(SAMPLE_000)
    traditional = opencc.OpenCC(config).convert(SAMPLE_000.read_text(encoding="utf-8"))
    assert "浙江省科技廳" in traditional and "高鷹忠" in traditional
    path = tmp_path / "traditional.txt"
    path.write_bytes(traditional.replace("\n", "\r\n").encode(encoding))
    issue = read_issue(path)
    assert (issue.script, issue.encoding, original.script) == ("traditional", encoding, "simplified")
    assert issue.text == original.text
    assert _signature(issue) == _signature(original)
    names = {e["name"] for record in extract_records([issue]) for e in record["entities"]}
    assert {"浙江省科技厅", "高鹰忠", "刘譞哲", "王光乾"} <= names


def test_simplified_text_is_never_converted():
    text = "乾隆年间的古籍，显著著作，王光乾说：“瞭望塔想象力。”后来于是。"
    assert detect_script(text) == "simplified"
    assert normalize_text(text).text == text
    normalized = normalize_text(SAMPLE_000.read_text(encoding="utf-8"))
    assert normalized.script == "simplified"
    assert normalized.text == read_issue(SAMPLE_000).text


def test_traditional_conversion_keeps_lengths_and_the_map_to_the_source():
    source = "\u3000\u3000浙江省科技廳瞭解到\r\n\r\n\u3000\u3000劉譞哲說，隨著產業發展，之後將擴大。\r\n"
    normalized = normalize_text(source)
    assert normalized.script == "traditional"
    assert normalized.text == "浙江省科技厅了解到\n\n刘譞哲说，随着产业发展，之后将扩大。\n"
    for line in normalized.lines:
        assert normalized.text[line.start : line.end] == line.text
    for word, written in [("科技厅", "科技廳"), ("刘譞哲", "劉譞哲"), ("扩大", "擴大")]:
        offset = normalized.text.index(word)
        assert source[normalized.to_source(offset) :].startswith(written)


def test_conversion_is_one_character_for_one():
    text = "臺灣的軟體業者於週末發表《資訊報告》\n乾淨、乾隆、瞭解、著名、隨著、為、爲、什麼"
    converted = to_simplified(text)
    assert len(converted) == len(text)
    assert converted == "台湾的软体业者于周末发表《资讯报告》\n乾净、乾隆、了解、著名、随着、为、为、什么"


def test_one_traditional_article_in_a_simplified_issue_is_read_like_the_rest(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text(
        "●行业动态\n江屿新材料产业园开园\n3月2日，江屿新材料产业园正式开园，临澄市科技局局长王建国出席。\n"
        "●行业报告\n臨澄發布產業報告\n近日，《臨澄產業發展白皮書》（以下簡稱《白皮書》）在京發布。"
        "中國工程院院士張宏科表示，《白皮書》具有重要意義。\n",
        encoding="utf-8",
    )
    issue = read_issue(path)
    records = list(extract_records([issue]))
    assert [r["title"] for r in records] == ["江屿新材料产业园开园", "臨澄發布產業報告"]
    report = records[1]
    names = {e["name"]: e["aliases"] for e in report["entities"]}
    assert "张宏科" in names
    assert "《白皮书》" in names["《临澄产业发展白皮书》"]
    assert issue.text.count("江屿新材料产业园") == 2  # the Simplified article is untouched
