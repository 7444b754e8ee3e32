"""When an issue appeared and when its stories happened.

An issue's date and numbers come, field by field, from the first source
that gives them: its masthead (the lines before its first article:
`2025年第4期（总第40期）`, `2025年4月18日`), the date the user gives
(`--date`), the manifest beside the file (`kg.ingest.manifest`), its file
name (`xcqb-2025-04-18.txt`).  An article's date is the first date its lead
gives (`3月28日` in the year nearest the issue's date; `日前`/`近日` mean the
issue's date), else its issue's date.  The patterns and the sources' order
are data: `data/dates.yaml`.

    >>> masthead_dating("许昌竞争情报快递\\n2025年第4期（总第40期）\\n2025年4月18日")
    IssueDating(date=datetime.date(2025, 4, 18), number=4, total_number=40, year=2025, dated_by='masthead')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from functools import cache
from pathlib import Path
from typing import Any

from kg.config import DATA_DIR, load_data_yaml
from kg.ingest.manifest import read_manifest
from kg.ingest.numbering import numeral_value
from kg.models import Article, Issue

__all__ = [
    "DatingRules",
    "DatingRulesError",
    "IssueDating",
    "dating_rules",
    "masthead_dating",
    "file_name_dating",
    "manifest_dating",
    "issue_dating",
    "article_dating",
    "date_issue",
]

_RULES_FILE = "dates.yaml"


class DatingRulesError(ValueError):
    """`data/dates.yaml` is malformed; the message names the file and key."""


@dataclass(frozen=True)
class DatingRules:
    """The patterns of `data/dates.yaml`, compiled."""

    masthead_date: re.Pattern[str]
    masthead_number: re.Pattern[str]
    masthead_total_number: re.Pattern[str]
    file_dates: tuple[re.Pattern[str], ...]
    file_number: re.Pattern[str]
    file_total_number: re.Pattern[str]
    manifest_file: str
    lead_sentences: int
    article_date: re.Pattern[str]
    recent_words: tuple[str, ...]


def _get(raw: Any, path: str) -> Any:
    value = raw
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            raise DatingRulesError(f"{DATA_DIR / _RULES_FILE}: missing `{path}`")
        value = value[key]
    return value


def _pattern(raw: Any, path: str) -> re.Pattern[str]:
    try:
        return re.compile(str(_get(raw, path)))
    except re.error as error:
        raise DatingRulesError(f"{DATA_DIR / _RULES_FILE}: `{path}` is no regular expression ({error})") from None


@cache
def dating_rules() -> DatingRules:
    """The rules of `data/dates.yaml`, read and checked once."""
    raw = load_data_yaml(_RULES_FILE)
    file_dates = _get(raw, "file_name.date")
    return DatingRules(
        masthead_date=_pattern(raw, "masthead.date"),
        masthead_number=_pattern(raw, "masthead.number"),
        masthead_total_number=_pattern(raw, "masthead.total_number"),
        file_dates=tuple(_pattern({"p": p}, "p") for p in file_dates),
        file_number=_pattern(raw, "file_name.number"),
        file_total_number=_pattern(raw, "file_name.total_number"),
        manifest_file=str(_get(raw, "manifest_file")),
        lead_sentences=int(_get(raw, "article.lead_sentences")),
        article_date=_pattern(raw, "article.date"),
        recent_words=tuple(str(w) for w in _get(raw, "article.recent_words")),
    )


@dataclass(frozen=True)
class IssueDating:
    """What is known of when an issue appeared, and where the date came from."""

    date: dt.date | None = None
    number: int | None = None  # within the year: 2025年第4期 → 4
    total_number: int | None = None  # running: 总第40期 → 40
    year: int | None = None  # the year the issue names, even without a day (2025年第4期)
    dated_by: str | None = None  # where `date` came from

    def or_else(self, other: IssueDating) -> IssueDating:
        """This dating, each missing field taken from `other`."""
        merged = {
            f.name: getattr(self, f.name) if getattr(self, f.name) is not None else getattr(other, f.name)
            for f in fields(self)
        }
        if self.date is None:
            merged["dated_by"] = other.dated_by
        if merged["year"] is None and merged["date"] is not None:
            merged["year"] = merged["date"].year
        return IssueDating(**merged)


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else numeral_value(text)


def _first_date(patterns: Iterable[re.Pattern[str]], text: str) -> dt.date | None:
    for pattern in patterns:
        for found in pattern.finditer(text):
            try:
                return dt.date(int(found["year"]), int(found["month"]), int(found["day"]))
            except ValueError:
                continue  # 2月30日 is no day
    return None


def _dating(
    text: str, dates: Iterable[re.Pattern[str]], number: re.Pattern[str], total: re.Pattern[str], source: str
) -> IssueDating:
    date = _first_date(dates, text)
    numbered = number.search(text)
    totalled = total.search(text)
    year = date.year if date else (int(numbered["year"]) if numbered else None)
    return IssueDating(
        date,
        _number(numbered["number"]) if numbered else None,
        _number(totalled["number"]) if totalled else None,
        year,
        source if date else None,
    )


def masthead_dating(masthead: str, rules: DatingRules | None = None) -> IssueDating:
    """The date and numbers the masthead prints (the text before the first article)."""
    rules = rules or dating_rules()
    return _dating(masthead, [rules.masthead_date], rules.masthead_number, rules.masthead_total_number, "masthead")


def file_name_dating(name: str, rules: DatingRules | None = None) -> IssueDating:
    """The date and numbers a file name carries (`xcqb-2025-04-18.txt`, `2025年第4期.txt`)."""
    rules = rules or dating_rules()
    return _dating(Path(name).stem, rules.file_dates, rules.file_number, rules.file_total_number, "file name")


def manifest_dating(path: Path, rules: DatingRules | None = None) -> IssueDating:
    """What the manifest beside `path` says of it; raises `ManifestError` for a bad manifest."""
    rules = rules or dating_rules()
    entry = read_manifest(path.parent / rules.manifest_file).get(path.name)
    if entry is None:
        return IssueDating()
    return IssueDating(
        entry.date,
        entry.number,
        entry.total_number,
        entry.date.year if entry.date else None,
        "manifest" if entry.date else None,
    )


def issue_dating(
    masthead: str, path: Path, given: dt.date | None = None, rules: DatingRules | None = None
) -> IssueDating:
    """Masthead, then the user's date, then the manifest, then the file name: field by field."""
    rules = rules or dating_rules()
    option = IssueDating(given, year=given.year if given else None, dated_by="--date" if given else None)
    return (
        masthead_dating(masthead, rules)
        .or_else(option)
        .or_else(manifest_dating(path, rules))
        .or_else(file_name_dating(path.name, rules))
    )


def _nearest(month: int, day: int, around: dt.date) -> dt.date | None:
    """The day of the month in the year that puts it nearest `around` (12月30日 in an issue of January: last year)."""
    candidates = []
    for year in (around.year - 1, around.year, around.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: (abs((d - around).days), d), default=None)


def _dateline(sentence: str, issue: IssueDating, rules: DatingRules) -> tuple[int, dt.date | None, str] | None:
    """The first date a sentence gives, with its position, or None."""
    found: list[tuple[int, dt.date | None, str]] = []
    for match in rules.article_date.finditer(sentence):
        month, day = int(match["month"]), int(match["day"])
        try:
            if match["year"]:
                date: dt.date | None = dt.date(int(match["year"]), month, day)
            elif issue.date:
                date = _nearest(month, day, issue.date)
            else:
                date = dt.date(issue.year, month, day) if issue.year else None
        except ValueError:
            continue
        if date is not None:
            found.append((match.start(), date, "dateline"))
            break
    for word in rules.recent_words:
        at = sentence.find(word)
        if at >= 0:
            found.append((at, issue.date, "recent"))
    return min(found, key=lambda f: f[0]) if found else None


def article_dating(
    lead: Iterable[str], issue: IssueDating, rules: DatingRules | None = None
) -> tuple[dt.date | None, str | None]:
    """An article's date and how it was found, from the sentences of its lead."""
    rules = rules or dating_rules()
    for sentence in list(lead)[: rules.lead_sentences]:
        found = _dateline(sentence, issue, rules)
        if found is not None:
            return (found[1], found[2]) if found[1] else (None, None)
    return issue.date, "issue" if issue.date else None


def date_issue(issue: Issue, given: dt.date | None = None, rules: DatingRules | None = None) -> Issue:
    """The issue with its date and numbers, and each article with its date."""
    rules = rules or dating_rules()
    first = issue.articles[0].start if issue.articles else len(issue.text)
    dating = issue_dating(issue.text[:first], issue.path, given, rules)
    articles = [_dated(article, dating, rules) for article in issue.articles]
    return replace(
        issue,
        articles=articles,
        date=dating.date,
        number=dating.number,
        total_number=dating.total_number,
        dated_by=dating.dated_by,
    )


def _dated(article: Article, dating: IssueDating, rules: DatingRules) -> Article:
    date, dated_by = article_dating((s.text for s in article.sentences), dating, rules)
    return replace(article, date=date, dated_by=dated_by)
