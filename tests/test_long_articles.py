"""Articles of any length: a long article is run in pieces cut where sentences end,
and what it gives equals what its pieces give, at the right offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.layout import layout_rules
from kg.ingest.reader import parse_issue
from kg.models import Issue
from kg.nlp.extract import process_articles
from kg.nlp.language import get_nlp
from kg.pipeline import extract_records
from kg.text.sentences import segment_bounds, split_sentences


def test_pieces_end_where_sentences_or_lines_end_and_cover_the_text():
    text = "甲说：“好。”乙走了！\n丙来了。丁"
    assert segment_bounds(text, 8) == [(0, 7), (7, 12), (12, 17)]
    assert [text[a:b] for a, b in segment_bounds(text, 8)] == ["甲说：“好。”", "乙走了！\n", "丙来了。丁"]
    assert segment_bounds(text, 100) == [(0, 17)]
    assert segment_bounds("", 5) == [(0, 0)]


def test_a_sentence_longer_than_the_limit_is_cut_where_the_limit_falls():
    assert segment_bounds("一二三四五六七。八九十", 3) == [(0, 3), (3, 6), (6, 8), (8, 11)]


def test_a_sentence_of_clauses_longer_than_the_bound_is_cut_after_a_clause_mark():
    """A paragraph written as one sentence of a thousand commas is no window to look for relations in."""
    paragraph = "浙江省科技厅召开会议，" * 300 + "会议结束。"
    limit = layout_rules().max_sentence_chars
    sentences = split_sentences(paragraph, offset=7)
    assert "".join(s.text for s in sentences) == paragraph
    assert all(len(s.text) <= limit for s in sentences) and len(sentences) == 4
    assert [s.text[-1] for s in sentences] == ["，", "，", "，", "。"]
    assert [(s.start, s.end) for s in sentences][:2] == [(7, 7 + 990), (7 + 990, 7 + 1980)]
    assert split_sentences("他说：“好。”我们走吧！")[1].text == "我们走吧！"


@pytest.fixture(scope="module")
def body(issue_000: Issue) -> str:
    """One sample article's sentences, a line per paragraph: the piece a long article repeats."""
    article = next(a for a in issue_000.articles if a.title == "锻造新质生产力发展主力军")
    return "".join(p.text + "\n" for p in article.paragraphs)


def _issue(body: str) -> Issue:
    """An issue of one untitled article (a section with no headline) holding `body`."""
    issue = parse_issue("●行业动态\n\n" + body, Path("long.txt"))
    assert len(issue.articles) == 1
    return issue


def _shifted(record: dict, copies: int, length: int) -> dict:
    """Entities and relations of one copy, as they read in `copies` copies of it (`length` chars each)."""
    entities = {
        (e["label"], e["name"]): sorted(
            (m["start"] + k * length, m["end"] + k * length) for k in range(copies) for m in e["mentions"]
        )
        for e in record["entities"]
    }
    relations = {(r["source"], r["type"], r["target"]): (r["start"], r["end"]) for r in record["relations"]}
    return {"entities": entities, "relations": relations}


def _found(record: dict) -> dict:
    entities = {
        (e["label"], e["name"]): sorted((m["start"], m["end"]) for m in e["mentions"]) for e in record["entities"]
    }
    relations = {(r["source"], r["type"], r["target"]): (r["start"], r["end"]) for r in record["relations"]}
    return {"entities": entities, "relations": relations}


def test_an_article_longer_than_spacys_limit_gives_the_entities_and_offsets_of_its_pieces(body, monkeypatch):
    """spaCy refuses a text over `nlp.max_length` (E088); a limit of one copy makes the
    three-copy article three pieces, each read as the one-copy article is."""
    one = _issue(body)
    [alone] = extract_records([one])
    monkeypatch.setattr(get_nlp(), "max_length", len(body))
    three = _issue(body * 3)
    [(article, doc)] = list(process_articles(three))
    assert doc.text == three.text[article.start : article.end]
    [record] = extract_records([three])
    assert _found(record) == _shifted(alone, 3, len(body))
    for entity in record["entities"]:
        surfaces = {
            record["text"][m["start"] - record["start"] : m["end"] - record["start"]] for m in entity["mentions"]
        }
        assert surfaces <= set(entity["aliases"]) | {f"《{a}》" for a in entity["aliases"]}
    for relation in record["relations"]:
        assert three.text[relation["start"] : relation["end"]] == relation["evidence"]


def test_pieces_shorter_than_the_article_give_the_same_entities_as_one_piece(body):
    """Cut into pieces of one paragraph or two, the one-copy article names the same entities."""
    issue = _issue(body * 2)
    [(_, whole)] = list(process_articles(issue))
    [(_, pieces)] = list(process_articles(issue, segment_chars=len(body) // 2))
    assert [(e.start_char, e.end_char, e.label_) for e in pieces.ents] == [
        (e.start_char, e.end_char, e.label_) for e in whole.ents
    ]


def test_a_name_before_a_space_leaves_no_empty_token_so_pieces_join():
    """（记者 张三 …）: a name ending where jieba's token keeps a trailing space needs no cut;
    an empty token would make the pieces impossible to join into one Doc."""
    body = "（记者 张三 通讯员 李四）浙江省科技厅厅长王五出席会议。\n"
    issue = _issue(body * 4)
    [(article, doc)] = list(process_articles(issue, segment_chars=len(body)))
    assert [t.text for t in doc if not t.text] == []
    assert doc.text == issue.text[article.start : article.end]
    assert [(e.text, e.label_) for e in doc.ents][:4] == [
        ("张三", "Person"),
        ("李四", "Person"),
        ("浙江省科技厅", "Organization"),
        ("王五", "Person"),
    ]
    assert len(doc.ents) == 16
