"""The layout rules of `data/document_layout.yaml`, compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.config import load_data_yaml

__all__ = ["LayoutRules", "layout_rules"]


@dataclass(frozen=True)
class LayoutRules:
    section_markers: tuple[str, ...]
    single_article_sections: frozenset[str]
    known_section_names: tuple[str, ...]
    sentence_ends: str
    closing_marks: str
    max_heading_chars: int
    non_heading_endings: str
    headline_threshold: float
    weights: dict[str, float]
    long_line_chars: int
    short_line_chars: int
    short_story_chars: int
    parallel_length_slack: int
    lead_sentences: int
    name_gram_size: int
    max_name_gram_paragraphs: int
    min_shared_names: int
    dateline_window: int
    dateline: re.Pattern[str]
    declaration: re.Pattern[str]
    continuation_openers: tuple[str, ...]
    numbered_heading: re.Pattern[str]
    credit: re.Pattern[str]
    declared_short_form: re.Pattern[str]

    def is_marker(self, text: str) -> bool:
        return text.startswith(self.section_markers)

    def is_heading_shaped(self, text: str) -> bool:
        """Short, and not ending like a sentence or an unfinished clause."""
        body = text.rstrip(self.closing_marks) or text
        return len(text) <= self.max_heading_chars and body[-1] not in self.non_heading_endings


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@cache
def layout_rules() -> LayoutRules:
    """Load the layout rules from the data directory (once per process)."""
    raw = load_data_yaml("document_layout.yaml")
    return LayoutRules(
        section_markers=tuple(raw["section_markers"]),
        single_article_sections=frozenset(raw["single_article_sections"]),
        known_section_names=tuple(sorted(raw["known_section_names"], key=len, reverse=True)),
        sentence_ends=raw["sentence_ends"],
        closing_marks=raw["closing_marks"],
        max_heading_chars=int(raw["max_heading_chars"]),
        non_heading_endings=raw["non_heading_endings"],
        headline_threshold=float(raw["headline_threshold"]),
        weights={name: float(value) for name, value in raw["weights"].items()},
        long_line_chars=int(raw["long_line_chars"]),
        short_line_chars=int(raw["short_line_chars"]),
        short_story_chars=int(raw["short_story_chars"]),
        parallel_length_slack=int(raw["parallel_length_slack"]),
        lead_sentences=int(raw["lead_sentences"]),
        name_gram_size=int(raw["name_gram_size"]),
        max_name_gram_paragraphs=int(raw["max_name_gram_paragraphs"]),
        min_shared_names=int(raw["min_shared_names"]),
        dateline_window=int(raw["dateline_window"]),
        dateline=_any_of(raw["dateline_patterns"]),
        declaration=_any_of(raw["declaration_patterns"]),
        continuation_openers=tuple(raw["continuation_openers"]),
        numbered_heading=_any_of(raw["numbered_heading_patterns"]),
        credit=_any_of(raw["credit_patterns"]),
        declared_short_form=re.compile(raw["declared_short_form"]),
    )
