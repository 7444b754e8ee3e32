"""The layout rules of `data/document_layout.yaml`, compiled once (its sentence marks are `kg.text.sentences`')."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.config import load_data_yaml
from kg.ingest.numbering import HeadingNumber, heading_number
from kg.text.sentences import LAYOUT_FILE, sentence_rules

__all__ = ["LayoutRules", "layout_rules"]


@dataclass(frozen=True)
class LayoutRules:
    section_markers: tuple[str, ...]
    single_article_sections: frozenset[str]
    known_section_names: tuple[str, ...]
    sentence_ends: str
    closing_marks: str
    max_sentence_chars: int
    max_heading_chars: int
    min_headline_chars: int
    non_heading_endings: str
    clause_marks: str
    exclaimed_heading_endings: str
    quotation_openers: str
    max_deck_chars: int
    max_opening_headline_chars: int
    byline: re.Pattern[str]
    never_headline: re.Pattern[str]
    headline_threshold: float
    weights: dict[str, float]
    long_line_chars: int
    headline_length_chars: int
    beyond_subheading_chars: int
    short_line_chars: int
    short_story_chars: int
    lead_repeat_openers: str
    script_paragraphs: int
    parallel_length_slack: int
    lead_sentences: int
    name_gram_size: int
    max_name_gram_paragraphs: int
    min_shared_chars: int
    min_repeated_chars: int
    dateline_window: int
    dateline: re.Pattern[str]
    declaration: re.Pattern[str]
    news_opener: re.Pattern[str]
    continuation_openers: tuple[str, ...]
    numbering_styles: dict[str, re.Pattern[str]]
    credit: re.Pattern[str]
    declared_short_form: re.Pattern[str]

    def is_marker(self, text: str) -> bool:
        return text.startswith(self.section_markers)

    def is_heading_shaped(self, text: str) -> bool:
        """Short, and not ending like a sentence or an unfinished clause; or a long title.

        A long title (关于印发《…》的通知) holds no sentence end and no clause
        mark at all, which no paragraph does.
        """
        if len(text) <= self.max_heading_chars:
            return self._ends_like_heading(text)
        return len(text) <= self.max_opening_headline_chars and not any(
            mark in self.sentence_ends or mark in self.clause_marks for mark in text
        )

    def is_deck_shaped(self, text: str) -> bool:
        """A line that may sit under a headline as its deck: longer, not a sentence."""
        return len(text) <= self.max_deck_chars and self._ends_like_heading(text)

    def is_opening_headline(self, text: str) -> bool:
        """A first line with no sentence end anywhere in it (关于印发《…》的通知)."""
        return (
            len(text) <= self.max_opening_headline_chars
            and self._ends_like_heading(text)
            and not any(mark in text[:-1] for mark in self.sentence_ends)
        )

    def is_byline(self, text: str) -> bool:
        """A stand-alone credit line (记者 张三), body text that is never a heading."""
        return self.byline.search(text) is not None

    def may_open_story(self, text: str) -> bool:
        """Not a line that only belongs to a story (a document number, 附件：…)."""
        return not self.is_byline(text) and self.never_headline.search(text) is None

    def heading_number(self, text: str) -> HeadingNumber | None:
        return heading_number(text, self.numbering_styles)

    def _ends_like_heading(self, text: str) -> bool:
        body = text.rstrip(self.closing_marks) or text
        last = body[-1]
        if last not in self.non_heading_endings:
            return True
        return (
            last in self.exclaimed_heading_endings
            and body == text
            and not text.startswith(tuple(self.quotation_openers))
            and not any(mark in text[:-1] for mark in self.sentence_ends)
        )


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@cache
def layout_rules() -> LayoutRules:
    """Load the layout rules from the data directory (once per process)."""
    raw = load_data_yaml(LAYOUT_FILE)
    sentences = sentence_rules()
    return LayoutRules(
        section_markers=tuple(raw["section_markers"]),
        single_article_sections=frozenset(raw["single_article_sections"]),
        known_section_names=tuple(sorted(raw["known_section_names"], key=len, reverse=True)),
        sentence_ends=sentences.sentence_ends,
        closing_marks=sentences.closing_marks,
        max_sentence_chars=sentences.max_sentence_chars,
        max_heading_chars=int(raw["max_heading_chars"]),
        min_headline_chars=int(raw["min_headline_chars"]),
        non_heading_endings=raw["non_heading_endings"],
        clause_marks=sentences.clause_marks,
        exclaimed_heading_endings=raw["exclaimed_heading_endings"],
        quotation_openers=raw["quotation_openers"],
        max_deck_chars=int(raw["max_deck_chars"]),
        max_opening_headline_chars=int(raw["max_opening_headline_chars"]),
        byline=_any_of(raw["byline_patterns"]),
        never_headline=_any_of(raw["never_headline_patterns"]),
        headline_threshold=float(raw["headline_threshold"]),
        weights={name: float(value) for name, value in raw["weights"].items()},
        long_line_chars=int(raw["long_line_chars"]),
        headline_length_chars=int(raw["headline_length_chars"]),
        beyond_subheading_chars=int(raw["beyond_subheading_chars"]),
        short_line_chars=int(raw["short_line_chars"]),
        short_story_chars=int(raw["short_story_chars"]),
        lead_repeat_openers=str(raw["lead_repeat_openers"]),
        script_paragraphs=int(raw["script_paragraphs"]),
        parallel_length_slack=int(raw["parallel_length_slack"]),
        lead_sentences=int(raw["lead_sentences"]),
        name_gram_size=int(raw["name_gram_size"]),
        max_name_gram_paragraphs=int(raw["max_name_gram_paragraphs"]),
        min_shared_chars=int(raw["min_shared_chars"]),
        min_repeated_chars=int(raw["min_repeated_chars"]),
        dateline_window=int(raw["dateline_window"]),
        dateline=_any_of(raw["dateline_patterns"]),
        declaration=_any_of(raw["declaration_patterns"]),
        news_opener=_any_of(raw["news_opener_patterns"]),
        continuation_openers=tuple(raw["continuation_openers"]),
        numbering_styles={style: re.compile(p) for style, p in raw["numbered_heading_patterns"].items()},
        credit=_any_of(raw["credit_patterns"]),
        declared_short_form=re.compile(load_data_yaml("patterns/names.yaml")["declared_short_form"]),
    )
