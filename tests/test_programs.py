"""Programs on real sentences: quotes, ranks and "our" places."""

from __future__ import annotations

import pytest

from kg.nlp.language import get_nlp


def programs(sentence: str) -> list[str]:
    return [e.text for e in get_nlp()(sentence).ents if e.label_ == "Program"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("该项目入选“十四五临澄新型储能项目”。", ["“十四五临澄新型储能项目”"]),
    ("公司连续两年入选苏州科创潜力榜。", ["苏州科创潜力榜"]),
])
def test_named_programs(sentence, expected):
    assert programs(sentence) == expected


@pytest.mark.parametrize("sentence", ["校企共建省部级科研平台。", "当前，我国标识解析体系建设基本完成。"])
def test_a_rank_or_our_country_names_no_program(sentence):
    assert programs(sentence) == []
