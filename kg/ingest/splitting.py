"""Normalised issue text → sections → articles → paragraphs → sentences.

Headlines and in-article subheadings look alike: short lines without
sentence-final punctuation.  A short line right after a section marker or at
the start of the issue is a headline.  One in the middle of an article is
weighed on the evidence a reader uses (see `headline_evidence`): what the
next paragraph does (opens with a dateline or a report opener, declares a
short form, or continues with 此外 or the article's own declared 《报告》), the
line's length and numbering, its indentation and spacing compared with the
article's paragraphs, whether the next paragraph names again what the
article already named, whether it looks like a subheading the article
already has, whether it is written in another script than the story, is
repeated by the next lead (【标题】) or has a deck line under it.  A deck line under a headline is a subheading; a byline is
body text and never a heading.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kg.ingest.ids import article_id
from kg.ingest.layout import LayoutRules, layout_rules
from kg.ingest.normalize import Line, NormalizedText
from kg.ingest.numbering import HeadingNumber, follows
from kg.ingest.script import detect_script, telling_script
from kg.models import Article, Paragraph, Span
from kg.text.sentences import split_sentences

__all__ = ["SplitResult", "split_issue", "headline_evidence"]


@dataclass
class SplitResult:
    sections: list[str]
    articles: list[Article]
    front_matter: list[Span]


@dataclass
class _Block:
    """One non-blank line with the blank-line context around it."""

    line: Line
    blank_before: bool
    blank_after: bool
    written: str  # the line as the file wrote it (Traditional before conversion)

    @property
    def text(self) -> str:
        return self.line.text


@dataclass
class _Draft:
    """An article being assembled, before ids and positions are fixed."""

    title: str
    section: str | None
    untitled: bool
    start: int
    headline: Span | None
    headline_indented: bool = False
    number: HeadingNumber | None = None  # the headline's own numbering (1. 一、), if any
    decks: int = 0  # how many of the subheadings sit under the headline, above the first paragraph
    body: list[_Block] = field(default_factory=list)
    subheadings: list[_Block] = field(default_factory=list)
    declared: set[str] = field(default_factory=set)

    def end(self) -> int:
        blocks = self.body + self.subheadings
        return max([b.line.end for b in blocks] + [self.headline.end if self.headline else self.start])


def split_issue(normalized: NormalizedText, issue_id: str) -> SplitResult:
    """Split an issue's normalised text into its sections and articles."""
    rules = layout_rules()
    blocks = _blocks(normalized.lines, normalized.written or normalized.text)
    spacing = _Spacing.of(blocks, rules)
    rare = _RareGrams.of(blocks, rules)
    sections: list[str] = []
    drafts: list[_Draft] = []
    current: _Draft | None = None
    section: str | None = None
    front_matter = _front_matter(blocks, rules)
    index = len(front_matter)
    while index < len(blocks):
        block = blocks[index]
        text = block.text
        if rules.is_marker(text):
            section, inline_title = _parse_marker(text, rules)
            sections.append(section)
            current = None
            if inline_title:
                title_start = block.line.end - len(inline_title)
                current = _headline_draft(inline_title, section, block, Span(title_start, block.line.end), rules)
                drafts.append(current)
        elif current is not None and rules.is_byline(text):
            current.body.append(block)
        elif _opens_story(blocks, index, current, rules, spacing, rare):
            current = _headline_draft(text, section, block, Span(block.line.start, block.line.end), rules)
            drafts.append(current)
        elif current is None:
            current = _untitled_draft(block, section, rules)
            drafts.append(current)
            current.body.append(block)
        elif rules.is_heading_shaped(text) or (_is_deck(current) and rules.is_deck_shaped(text)):
            if _is_deck(current):
                current.decks += 1
            current.subheadings.append(block)
        else:
            current.body.append(block)
        if current is not None and not rules.is_marker(text):
            current.declared.update(rules.declared_short_form.findall(text))
        index += 1
    articles = [_finish(draft, position, issue_id) for position, draft in enumerate(drafts)]
    return SplitResult(sections, articles, [Span(b.line.start, b.line.end) for b in front_matter])


def _opens_story(
    blocks: list[_Block], index: int, current: _Draft | None, rules: LayoutRules, spacing: _Spacing, rare: _RareGrams
) -> bool:
    """Whether `blocks[index]` is a headline: first in its section, or weighed mid-story."""
    text = blocks[index].text
    if not rules.may_open_story(text):
        return False
    if current is None:
        return rules.is_heading_shaped(text) or (
            rules.is_opening_headline(text) and _next_body(blocks, index, rules) is not None
        )
    return (
        rules.is_heading_shaped(text)
        and len(text) >= rules.min_headline_chars
        and bool(current.body)
        and _is_headline(blocks, index, current, rules, spacing, rare)
    )


def _is_deck(article: _Draft) -> bool:
    """The next line sits right under a headline, before any paragraph or subheading."""
    return article.headline is not None and not article.body and not article.subheadings


def _headline_draft(title: str, section: str | None, block: _Block, headline: Span, rules: LayoutRules) -> _Draft:
    return _Draft(
        title, section, False, block.line.start, headline, block.line.indent > 0, number=rules.heading_number(title)
    )


def _blocks(lines: tuple[Line, ...], written: str) -> list[_Block]:
    """Non-blank lines; conversion keeps each line's length, so `written` holds them at the same offsets."""
    blocks = []
    for i, line in enumerate(lines):
        if not line.text:
            continue
        before = i > 0 and not lines[i - 1].text
        after = i + 1 < len(lines) and not lines[i + 1].text
        blocks.append(_Block(line, before, after, written[line.start : line.end]))
    return blocks


def _front_matter(blocks: list[_Block], rules: LayoutRules) -> list[_Block]:
    """Masthead lines before the first section marker, when no story precedes it."""
    for i, block in enumerate(blocks):
        if rules.is_marker(block.text):
            return blocks[:i]
        if not rules.is_heading_shaped(block.text):
            return []
    return []


def _parse_marker(text: str, rules: LayoutRules) -> tuple[str, str]:
    """`●行业报告 标题` → ('行业报告', '标题'); the headline may be empty."""
    rest = text.lstrip("".join(rules.section_markers)).strip()
    parts = rest.split(maxsplit=1)
    if len(parts) == 2:
        return parts[0], parts[1].strip()
    for name in rules.known_section_names:
        if rest.startswith(name) and len(rest) > len(name):
            return name, rest[len(name) :].lstrip("：: ")
    return rest, ""


def _untitled_draft(block: _Block, section: str | None, rules: LayoutRules) -> _Draft:
    """A story with no headline: named after its section or its first sentence (without the mark
    that ends it: a title does not end like a sentence)."""
    if section in rules.single_article_sections:
        return _Draft(section, section, False, block.line.start, None)
    first = split_sentences(block.text)[0].text.rstrip(rules.sentence_ends)
    return _Draft(first[: rules.max_heading_chars], section, True, block.line.start, None)


def _finish(draft: _Draft, position: int, issue_id: str) -> Article:
    return Article(
        id=article_id(issue_id, position),
        issue_id=issue_id,
        position=position,
        title=draft.title,
        section=draft.section,
        untitled=draft.untitled,
        start=draft.start,
        end=draft.end(),
        headline=draft.headline,
        paragraphs=[_paragraph(b) for b in draft.body],
        subheadings=[_paragraph(b) for b in draft.subheadings],
    )


def _paragraph(block: _Block) -> Paragraph:
    line = block.line
    return Paragraph(line.start, line.end, line.text, split_sentences(line.text, line.start))


@dataclass(frozen=True)
class _Spacing:
    """How the issue spaces its lines: what a line's shape can tell.

    Paragraphs may be separated by blank lines or indented.  The headlines
    the issue certainly has (the first line of a section) show whether
    headlines are spaced like paragraphs; where they are, or where nothing is
    spaced or indented, the shape of a line cannot tell a subheading from a
    headline.
    """

    blank_separated: bool
    indented: bool
    headlines_spaced: bool

    @classmethod
    def of(cls, blocks: list[_Block], rules: LayoutRules) -> _Spacing:
        body = [b for b in blocks if not rules.is_heading_shaped(b.text)]
        spaced = sum(1 for b in body if b.blank_before or b.blank_after)
        indented = sum(1 for b in body if b.line.indent > 0)
        first_lines = [
            after
            for marker, after in zip(blocks, blocks[1:])
            if rules.is_marker(marker.text) and rules.is_heading_shaped(after.text)
        ]
        headlines_spaced = sum(1 for b in first_lines if b.blank_after)
        return cls(
            bool(body) and spaced > 0.6 * len(body),
            bool(body) and indented > 0.6 * len(body),
            bool(first_lines) and headlines_spaced > 0.5 * len(first_lines),
        )

    @property
    def blank_lines_tell(self) -> bool:
        """Blank lines set paragraphs apart, and headlines are glued to their story."""
        return self.blank_separated and not self.headlines_spaced

    @property
    def shape_tells(self) -> bool:
        return self.blank_lines_tell or self.indented


def _is_headline(
    blocks: list[_Block],
    index: int,
    article: _Draft,
    rules: LayoutRules,
    spacing: _Spacing,
    rare: _RareGrams,
) -> bool:
    evidence = headline_evidence(blocks, index, article, rules, spacing, rare)
    return sum(evidence.values()) > rules.headline_threshold


def headline_evidence(
    blocks: list[_Block],
    index: int,
    article: _Draft,
    rules: LayoutRules,
    spacing: _Spacing,
    rare: _RareGrams,
) -> dict[str, float]:
    """The weighted evidence that `blocks[index]` starts a new story.

    Returns the features that fired with their weights, so a surprising
    split can be explained.  A short line followed by no body paragraph
    (end of issue, a section marker) closes the article it sits in.
    """
    block = blocks[index]
    between, following = _lines_under(blocks, index, rules)
    if following is None:
        return {"no_following_body": -1.0}
    evidence = _next_paragraph_evidence(following.text, article, rules, rare)
    evidence.update(_layout_evidence(blocks, index, between, article, rules, spacing))
    w = rules.weights
    text = block.text
    if len(text) >= rules.long_line_chars:
        evidence["long_line"] = w["long_line"]
    if len(text) >= rules.headline_length_chars:
        evidence["headline_length"] = w["headline_length"]
    if len(text) >= rules.beyond_subheading_chars:
        evidence["beyond_subheading_length"] = w["beyond_subheading_length"]
    if len(text) <= rules.short_line_chars:
        evidence["short_line"] = w["short_line"]
    if following.text.lstrip(rules.lead_repeat_openers).startswith(text):
        evidence["repeated_in_lead"] = w["repeated_in_lead"]
    if _changes_script(block, article, rules):
        evidence["script_change"] = w["script_change"]
    if (
        len(between) == 1
        and len(between[0].text) >= rules.headline_length_chars
        and not rules.is_byline(between[0].text)
        and rules.heading_number(between[0].text) is None
    ):
        evidence["deck_under"] = w["deck_under"]
    if rare.shared_chars(text, article) >= rules.min_repeated_chars:
        evidence["repeats_article"] = w["repeats_article"]
    number = rules.heading_number(text)
    if follows(number, article.number):
        evidence["next_numbered_headline"] = w["next_numbered_headline"]
    elif number is not None:
        evidence["numbered"] = w["numbered"]
    parallel = article.subheadings[article.decks :]  # a deck is parallel to the headline, not to subheadings
    if spacing.shape_tells and any(_same_shape(block, earlier, rules) for earlier in parallel):
        evidence["like_earlier_subheading"] = w["like_earlier_subheading"]
    if article.headline and sum(len(b.text) for b in article.body) < rules.short_story_chars:
        evidence["short_story"] = w["short_story"]
    return evidence


def _changes_script(block: _Block, article: _Draft, rules: LayoutRules) -> bool:
    """A Simplified line after Traditional paragraphs, or the reverse: another source's story."""
    line_script = telling_script(block.written)
    recent = article.body[-rules.script_paragraphs :]
    return line_script is not None and bool(recent) and detect_script("".join(b.written for b in recent)) != line_script


def _next_paragraph_evidence(next_text: str, article: _Draft, rules: LayoutRules, rare: _RareGrams) -> dict[str, float]:
    """How the paragraph after the line opens: a new story's lead, or the story going on."""
    w = rules.weights
    opening = next_text[: rules.dateline_window]
    evidence: dict[str, float] = {}
    if rules.dateline.search(opening):
        evidence["dateline"] = w["dateline"]
    if rules.news_opener.search(opening):
        evidence["news_opener"] = w["news_opener"]
    if rules.declaration.search(next_text):
        evidence["declaration"] = w["declaration"]
    if next_text.startswith(rules.continuation_openers):
        evidence["continuation"] = w["continuation"]
    if any(_uses_short_form(next_text, short) for short in article.declared):
        evidence["back_reference"] = w["back_reference"]
    lead = "".join(s.text for s in split_sentences(next_text)[: rules.lead_sentences])
    if rare.shared_chars(lead, article) >= rules.min_shared_chars:
        evidence["names_continue"] = w["names_continue"]
    return evidence


def _layout_evidence(
    blocks: list[_Block], index: int, between: list[_Block], article: _Draft, rules: LayoutRules, spacing: _Spacing
) -> dict[str, float]:
    """Where the line sits: after a credit, over a byline, spaced and indented like what."""
    w = rules.weights
    block = blocks[index]
    evidence: dict[str, float] = {}
    previous = blocks[index - 1].text
    if rules.credit.search(previous) or rules.is_byline(previous):
        evidence["after_credit"] = w["after_credit"]
    if any(rules.is_byline(b.text) for b in between):
        evidence["byline_under"] = w["byline_under"]
    if spacing.blank_lines_tell:
        if not block.blank_after:
            evidence["glued_to_body"] = w["glued_to_body"]
        elif block.blank_before:
            evidence["spaced_like_body"] = w["spaced_like_body"]
    indented = [b.line.indent > 0 for b in article.body]
    if article.headline and not article.headline_indented and sum(indented) > 0.6 * len(indented):
        if block.line.indent == 0:
            evidence["flush_among_indented"] = w["flush_among_indented"]
        else:
            evidence["indented_like_body"] = w["indented_like_body"]
    return evidence


def _same_shape(block: _Block, earlier: _Block, rules: LayoutRules) -> bool:
    """Parallel subheadings share indentation, spacing and roughly their length."""
    return (
        (block.line.indent > 0) == (earlier.line.indent > 0)
        and block.blank_before == earlier.blank_before
        and block.blank_after == earlier.blank_after
        and abs(len(block.text) - len(earlier.text)) <= rules.parallel_length_slack
    )


@dataclass(frozen=True)
class _RareGrams:
    """Character n-grams found in few paragraphs of the issue: pieces of names.

    A story that goes on names again the companies and people it already
    named; a new story names new ones.  Genre words (科技创新) are too common
    in an issue to count.  Each block's grams are counted once, and each
    article's are gathered as it grows (`_Draft` blocks are only appended).
    """

    size: int
    rare: frozenset[str]
    _seen: dict[int, tuple[int, int, set[str]]] = field(default_factory=dict)  # by id(draft)

    @classmethod
    def of(cls, blocks: list[_Block], rules: LayoutRules) -> _RareGrams:
        # Each paragraph's grams are counted and let go (and made again when an article takes
        # the paragraph): kept for every paragraph of a large issue, they took gigabytes.
        size = rules.name_gram_size
        counts: Counter[str] = Counter()
        for block in blocks:
            counts.update(_grams(block.text, size))
        rare = frozenset(g for g, n in counts.items() if n <= rules.max_name_gram_paragraphs)
        return cls(size, rare)

    def shared_chars(self, text: str, article: _Draft) -> int:
        """How many characters of `text` lie in grams the article already holds.

        Overlapping grams count their characters once: 中国科学 + 国科学院
        cover the five characters of 中国科学院, one generic name, while a
        company named again in full covers a dozen.
        """
        known = self._article_grams(article)
        covered, reach = 0, 0
        for i in range(len(text) - self.size + 1):
            if text[i : i + self.size] in known:
                covered += i + self.size - max(i, reach)
                reach = i + self.size
        return covered

    def _article_grams(self, article: _Draft) -> set[str]:
        """The rare grams of the article's title, body and subheadings so far.

        Only the article being read is asked about, so only its grams are kept.
        """
        if id(article) not in self._seen:
            self._seen.clear()
        body, subheadings, seen = self._seen.get(id(article), (0, 0, None))
        if seen is None:
            seen = _grams(article.title, self.size) & self.rare
        for block in article.body[body:] + article.subheadings[subheadings:]:
            seen |= _grams(block.text, self.size) & self.rare
        self._seen[id(article)] = (len(article.body), len(article.subheadings), seen)
        return seen


def _grams(text: str, size: int) -> set[str]:
    return {text[i : i + size] for i in range(len(text) - size + 1) if text[i : i + size].isalnum()}


def _next_body(blocks: list[_Block], index: int, rules: LayoutRules) -> _Block | None:
    return _lines_under(blocks, index, rules)[1]


def _lines_under(blocks: list[_Block], index: int, rules: LayoutRules) -> tuple[list[_Block], _Block | None]:
    """The heading-like lines under `blocks[index]` (subheadings, a deck, a byline) and the paragraph after them.

    The paragraph is None when a section marker or the end of the issue comes first.
    """
    between: list[_Block] = []
    for block in blocks[index + 1 :]:
        if rules.is_marker(block.text):
            return between, None
        under_headline = not between and rules.is_deck_shaped(block.text)
        if not (rules.is_heading_shaped(block.text) or under_headline):
            return between, block
        between.append(block)
    return between, None


def _uses_short_form(text: str, short: str) -> bool:
    short = short.strip('《》“”"')
    return f"《{short}》" in text or f"“{short}”" in text or text.startswith(short)
