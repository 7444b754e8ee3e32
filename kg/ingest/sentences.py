"""Paragraph text → sentences, Chinese style.

A sentence ends at 。！？；… (or their ASCII forms); closing quotes and
brackets right after the end mark stay with the sentence they close, so
“……我们将坚持目标引领。”何国强说。 splits after the closing quote.
"""

from __future__ import annotations

import re
from functools import cache

from kg.ingest.layout import layout_rules
from kg.models import Sentence

__all__ = ["split_sentences"]


@cache
def _sentence_pattern() -> re.Pattern[str]:
    rules = layout_rules()
    ends = re.escape(rules.sentence_ends)
    closes = re.escape(rules.closing_marks)
    return re.compile(rf"[^{ends}]*(?:[{ends}]+[{closes}]*|$)")


def split_sentences(text: str, offset: int = 0) -> tuple[Sentence, ...]:
    """Split one paragraph; `offset` is where the paragraph starts in the issue.

    >>> [s.text for s in split_sentences("他说：“好。”我们走吧！")]
    ['他说：“好。”', '我们走吧！']
    """
    sentences = []
    for match in _sentence_pattern().finditer(text):
        piece = match.group()
        if not piece.strip():
            continue
        sentences.append(Sentence(offset + match.start(), offset + match.end(), piece))
    return tuple(sentences)
