"""Newsletter files of any size, made from the repository's own issues.

The articles of `data/samples` and `tests/unseen` (texts written for kg) are
repeated until the wanted size is reached, either as ordinary articles (each
with its headline, a section marker every few) or as the body of one article.
The long-input benchmarks read these files; nothing here is measured.
"""

from __future__ import annotations

from pathlib import Path

from kg.config import SAMPLES_DIR
from kg.ingest.reader import read_issue

__all__ = ["source_articles", "ordinary_issue", "one_article_issue"]

UNSEEN_DIR = Path(__file__).resolve().parents[1] / "tests" / "unseen"
SECTION = "●行业动态"
LONG_TITLE = "一篇很长的文章"


def source_articles() -> list[tuple[str, list[str]]]:
    """(headline, body paragraphs) of every titled article of the sample and test issues."""
    found = []
    for path in sorted([*SAMPLES_DIR.glob("*.txt"), *UNSEEN_DIR.glob("*.txt")]):
        for article in read_issue(path).articles:
            if not article.untitled and article.title != "编者的话" and article.paragraphs:
                found.append((article.title, [p.text for p in article.paragraphs]))
    return found


def _repeated(chars: int) -> list[tuple[str, list[str]]]:
    """Source articles in turn until their bodies hold `chars` characters."""
    articles, total, index = [], 0, 0
    sources = source_articles()
    while total < chars:
        title, paragraphs = sources[index % len(sources)]
        articles.append((title, paragraphs))
        total += sum(len(p) + 1 for p in paragraphs)
        index += 1
    return articles


def ordinary_issue(chars: int) -> str:
    """An issue of ordinary articles whose bodies hold about `chars` characters."""
    lines = []
    for index, (title, paragraphs) in enumerate(_repeated(chars)):
        if index % 5 == 0:
            lines += [SECTION, ""]
        lines += [title, *paragraphs, ""]
    return "\n".join(lines)


def one_article_issue(chars: int) -> str:
    """An issue of one article: the same bodies, one after another, under one headline."""
    return "\n".join([SECTION, "", LONG_TITLE, *(p for _, paragraphs in _repeated(chars) for p in paragraphs), ""])
