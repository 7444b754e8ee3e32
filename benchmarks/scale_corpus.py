"""A corpus of N distinct newsletter issues, recombined from the articles kg already has.

The articles of `data/samples`, `tests/unseen` and, when present,
`../shared/realtext/unlabelled` (or `$KG_REALTEXT/unlabelled`; read where they are, never copied into the
repository) are drawn six to an issue.  Each issue varies what it draws so
that a larger corpus names more things, as a real archive does: a drawn
article keeps its own names half the time and otherwise takes a variant —
people get other given names, companies other brand names, numbers other
values — and the variants follow a long-tailed law, so a few recur often
and most are rare.  The names to vary are those kg finds in the source
articles (found once, at the start).  Deterministic: issue i is the same
for every N.
"""

from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass
from pathlib import Path

from kg.config import SAMPLES_DIR
from kg.ingest.reader import read_issue
from kg.pipeline import extract_records

__all__ = ["SourceArticle", "source_articles", "write_corpus"]

REPOSITORY = Path(__file__).resolve().parents[1]
REALTEXT = Path(os.environ.get("KG_REALTEXT", REPOSITORY.parent / "shared" / "realtext"))  # as tests/test_realtext.py
SOURCE_DIRS = [SAMPLES_DIR, REPOSITORY / "tests" / "unseen", REALTEXT / "unlabelled"]
ARTICLES_PER_ISSUE = 6
SECTION = "●行业动态"
# Characters to make variants from: common given-name characters and two-character brand syllables.
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国斌宇浩凯琳晨昊然博文欣怡子涵梓轩雨泽"
BRAND = "华瑞晟恒泰鼎航芯创启维联拓远腾跃朗德嘉睿盛宏源智"
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class SourceArticle:
    title: str
    body: str
    people: tuple[str, ...]
    companies: tuple[str, ...]


def source_articles() -> list[SourceArticle]:
    """Every titled article of the source folders, with the people and companies kg finds in it."""
    paths = sorted({p.resolve() for folder in SOURCE_DIRS if folder.is_dir() for p in folder.glob("*.txt")})
    found = []
    for path in paths:
        for record in extract_records([read_issue(path)]):
            if record["untitled"] or record["title"] == "编者的话":
                continue
            title, _, body = record["text"].partition("\n")
            people = tuple(e["name"] for e in record["entities"] if e["label"] == "Person" and 2 <= len(e["name"]) <= 3)
            companies = tuple(
                e["name"]
                for e in record["entities"]
                if e["label"] == "Organization" and e["name"].endswith("有限公司") and len(e["name"]) >= 8
            )
            found.append(SourceArticle(title, body.strip(), people, companies))
    return found


def _variant_number(rng: random.Random) -> int:
    """0 (the article as written) half the time; otherwise a long-tailed variant number."""
    return 0 if rng.random() < 0.5 else int(rng.paretovariate(0.8))


def _pick(pool: str, seed: str, count: int) -> str:
    chooser = random.Random(seed)
    return "".join(chooser.choice(pool) for _ in range(count))


def _varied(text: str, article: SourceArticle, variant: int) -> str:
    if variant == 0:
        return text
    for person in article.people:
        text = text.replace(person, person[0] + _pick(GIVEN, f"{person}/{variant}", len(person) - 1))
    for company in article.companies:
        text = text.replace(company, company[:2] + _pick(BRAND, f"{company}/{variant}", 2) + company[4:])
    return _NUMBER.sub(lambda m: str(int(m.group()) + variant) if len(m.group()) < 7 else m.group(), text)


def issue_text(index: int, articles: list[SourceArticle]) -> str:
    """Issue `index`: six drawn articles, each as written or as a variant."""
    rng = random.Random(index)
    lines = [f"产业动态 第{index + 1}期", ""]
    for position in range(ARTICLES_PER_ISSUE):
        article = articles[rng.randrange(len(articles))]
        variant = _variant_number(rng)
        if position % 3 == 0:
            lines += [SECTION, ""]
        lines += [_varied(article.title, article, variant), _varied(article.body, article, variant), ""]
    return "\n".join(lines)


def write_corpus(folder: Path, count: int, articles: list[SourceArticle]) -> list[Path]:
    """Write issues 0 … count-1 into `folder`, one file each; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"issue_{index:07d}.txt"
        path.write_text(issue_text(index, articles), encoding="utf-8")
        paths.append(path)
    return paths
