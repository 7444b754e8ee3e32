"""Property tests: the splitter never crashes and loses no line."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest.layout import layout_rules
from kg.ingest.reader import parse_issue

_PIECES = [
    "●行业动态",
    "●编者的话",
    "● 行业报告 标题在这里",
    "■",
    "●",
    "",
    "新材料产业加快发展",
    "一、产能向海外转移",
    "（二）政策支持",
    "深度学习",
    "12月12日，某市召开会议。",
    "某公司（以下简称“某某”）成立于2010年。",
    "此外，还有很多企业参与。",
    "“我们将继续努力。”他说。",
    "……",
    "。",
    "（来源：科技日报）",
    "\u3000\u3000下沉到一线",
    "这是一个很长的句子，没有结束的标点符号而且超过了四十个字符的长度限制所以应该是正文段落的一部分",
]
_lines = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=30)), max_size=40)
_breaks = st.sampled_from(["\n", "\r\n", "\r", "\n\n"])


@settings(max_examples=300, deadline=None)
@given(lines=_lines, newline=_breaks)
def test_articles_never_overlap_and_cover_every_non_blank_line(lines, newline):
    issue = parse_issue(newline.join(lines), Path("generated.txt"))
    spans = sorted((a.start, a.end) for a in issue.articles)
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert end <= start
    rules = layout_rules()
    front = {(s.start, s.end) for s in issue.front_matter}
    offset = 0
    for line in issue.text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line or rules.is_marker(line) or (start, end) in front:
            continue
        owners = [a for a in issue.articles if a.start <= start and end <= a.end]
        assert len(owners) == 1, line
        owner = owners[0]
        parts = [p for p in owner.paragraphs + owner.subheadings if p.start == start]
        assert parts or (owner.headline and owner.headline.start <= start), line


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400))
def test_any_text_splits_without_crashing_and_ids_are_positional(text):
    issue = parse_issue(text, Path("any.txt"))
    assert [a.position for a in issue.articles] == list(range(len(issue.articles)))
    assert len({a.id for a in issue.articles}) == len(issue.articles)
    for article in issue.articles:
        for sentence in article.sentences:
            assert issue.text[sentence.start : sentence.end] == sentence.text
