"""Relations the words of a sentence show, as opposed to names or titles.

- Verbs: 由A、B联合编制的《报告》, A联合设立B, A隶属于B, 大会由A主办.  Mentions
  joined only by 、/和/联合 act together as one subject, so every member of
  浙江省科技厅、省财政厅、省金融控股有限公司联合设立… runs the fund.
- Unsaid objects: 作为上榜的企业代表、某公司 is on the article's one 榜单.
- Attendance: 孟庆林在峰会上表示.
- Partners: members followed by a partner word (联合, 共同, 签约 …), A—B.
- Places: 在/位于A[的]B, B在A揭牌; parents: B下属的A.

Every word list is in `data/patterns/relations.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations

from kg.relations.items import EntityMention, Relation, SentenceView
from kg.relations.rules import RelationRules, VerbRelation

__all__ = [
    "coordinated_groups",
    "verb_relations",
    "implied_targets",
    "implied_relations",
    "the_one_event",
    "speaker_relations",
    "attendance_relations",
    "partner_relations",
    "placement_relations",
]


def _join(sentence: SentenceView, left: EntityMention, right: EntityMention, rules: RelationRules) -> str:
    """The words joining two mentions, past an adverb (则与 → 与, 还将联合 → 联合)."""
    between = _without_declaration(sentence.between(left, right), rules).lstrip(
        _DECLARATION_CLOSING
    )  # A（以下简称“B”）与C
    adverb = next((a for a in rules.coordination_adverbs if between.startswith(a)), "")
    return between[len(adverb) :]


def coordinated_groups(sentence: SentenceView, rules: RelationRules) -> list[list[EntityMention]]:
    """Runs of top-level mentions joined only by coordination words (、, 和, 联合 …)."""
    joiners = (*rules.coordination, *rules.joint_coordination)
    groups: list[list[EntityMention]] = []
    for mention in sentence.top_level:
        if groups and _join(sentence, groups[-1][-1], mention, rules) in joiners:
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def _jointly(sentence: SentenceView, group: list[EntityMention], rules: RelationRules) -> bool:
    """A联合B, A携手B: the group's members say they work together."""
    return any(_join(sentence, a, b, rules) in rules.joint_coordination for a, b in zip(group, group[1:]))


def _clause_piece(text: str, rules: RelationRules) -> str:
    """`text` up to the first clause break, at most the verb gap long."""
    cut = next((i for i, ch in enumerate(text) if ch in rules.clause_breaks), len(text))
    return text[: min(cut, rules.max_verb_gap)]


def _has_verb(text: str, rule: VerbRelation) -> bool:
    return any(verb in text for verb in rule.verbs)


def _subjects(group: list[EntityMention], rule: VerbRelation) -> list[EntityMention]:
    return [m for m in group if m.label in rule.subject_labels]


def verb_relations(sentence: SentenceView, rules: RelationRules) -> Iterator[Relation]:
    groups = coordinated_groups(sentence, rules)
    for rule in rules.verb_relations:
        yield from _topicalised(sentence, rule, rules)
        yield from _relative_clauses(sentence, rule, rules)
        for index, group in enumerate(groups):
            subjects = _subjects(group, rule)
            if not subjects:
                continue
            yield from _active(sentence, groups[index + 1 :], subjects, rule, rules)
            yield from _passive(sentence, groups[:index], group, subjects, rule, rules)


def _active(
    sentence: SentenceView,
    later: list[list[EntityMention]],
    subjects: list[EntityMention],
    rule: VerbRelation,
    rules: RelationRules,
) -> Iterator[Relation]:
    """A、B联合设立C: the verb between the subjects and the object."""
    last = subjects[-1]
    for group in later:
        if group and sentence.between(last, group[0]).startswith(rules.list_end):
            subjects = _listed_before(sentence, last, rules)
        if any(m.label in rule.subject_labels and m.label not in rule.object_labels for m in group):
            return
        for target in group:
            if target.label not in rule.object_labels:
                continue
            gap = sentence.between(last, target)
            if len(gap) > rules.max_verb_gap or any(ch in rules.clause_breaks for ch in gap):
                return
            if _has_verb(gap, rule):
                for subject in subjects:
                    if subject.key != target.key:
                        yield Relation(subject.key, rule.type, target.key, sentence, "verb")
            return


def _listed_before(sentence: SentenceView, last: EntityMention, rules: RelationRules) -> list[EntityMention]:
    """A，B，C等出席: every earlier mention with the last one's label.  A roll-call of
    guests longer than `roll_call_max` records who came, not who took part."""
    listed = [m for m in sentence.top_level if m.label == last.label and m.end <= last.end]
    return listed if len(listed) <= rules.roll_call_max else []


def _passive(
    sentence: SentenceView,
    earlier: list[list[EntityMention]],
    group: list[EntityMention],
    subjects: list[EntityMention],
    rule: VerbRelation,
    rules: RelationRules,
) -> Iterator[Relation]:
    """C由A、B主办: the object first, then 由, the subjects and the verb."""
    if not earlier:
        return
    target = earlier[-1][-1]
    gap = sentence.between(target, group[0])
    if target.label not in rule.object_labels or not gap.endswith(rules.passive_marks):
        return
    if len(gap) > rules.max_verb_gap or any(ch in rules.clause_breaks for ch in gap):
        return
    if _has_verb(_clause_piece(sentence.after(group[-1]), rules), rule):
        for subject in subjects:
            yield Relation(subject.key, rule.type, target.key, sentence, "verb")


def _topicalised(sentence: SentenceView, rule: VerbRelation, rules: RelationRules) -> Iterator[Relation]:
    """该活动由某司指导，A、B、C共同主办。: the topic the sentence opens with (then 由)
    is the object of a later clause made only of subjects and the verb."""
    mentions = sentence.top_level
    if (
        not mentions
        or mentions[0].label not in rule.object_labels
        or sentence.before(mentions[0]).strip()
        or not sentence.after(mentions[0]).startswith(rules.topic_marks)
    ):
        return
    topic = mentions[0]
    for start, end in _clauses(sentence, rules)[1:]:
        for subject in _clause_subjects(sentence, start, end, rule, rules):
            yield Relation(subject.key, rule.type, topic.key, sentence, "topic")


def _clauses(sentence: SentenceView, rules: RelationRules) -> list[tuple[int, int]]:
    """Article offsets of the sentence's clauses, between clause breaks."""
    cuts = [i for i, ch in enumerate(sentence.text) if ch in rules.clause_breaks]
    bounds = zip([-1, *cuts], [*cuts, len(sentence.text)])
    return [(sentence.start + a + 1, sentence.start + b) for a, b in bounds if b > a + 1]


def _relative_clauses(sentence: SentenceView, rule: VerbRelation, rules: RelationRules) -> Iterator[Relation]:
    """由A、B主办，C、D承办的E; 由A主办、B支持的E: every clause of a 由-led chain
    before 的 and the object (or before a clause giving its theme) names its own subjects and verb; those with a verb
    of the rule run (or publish, …) the object, those that only support it do not."""
    targets = [m for m in sentence.top_level if m.label in rule.object_labels and sentence.before(m).endswith("的")]
    clauses = _chain_clauses(sentence, rules) if targets else []
    for target in targets:
        theme = rules.theme_clause.search(sentence.before(target))
        anchor = sentence.start + theme.start() if theme else target.start  # 由A主办，以“…”为主题的E
        index = next((i for i, (a, b) in enumerate(clauses) if a <= anchor - int(theme is not None) < b), None)
        found: list[EntityMention] = []
        for number, (start, end) in enumerate(reversed(clauses[: index + 1] if index is not None else [])):
            end = anchor if number == 0 else end
            opening = sentence.text[start - sentence.start :].startswith(rules.passive_marks[0])
            members, tail = _clause_members(sentence, start + int(opening), end, rules)
            if not members or not (_has_verb(tail, rule) or tail.startswith(rules.supporting_verbs)):
                break
            found += members if _has_verb(tail, rule) else []
            if opening:
                for subject in (m for m in found if m.label in rule.subject_labels):
                    yield Relation(subject.key, rule.type, target.key, sentence, "relative_clause")
                break


def _chain_clauses(sentence: SentenceView, rules: RelationRules) -> list[tuple[int, int]]:
    """The sentence's clauses, also cut at a 、 right after a verb (由A主办、B支持的…)."""
    verbs = (*rules.supporting_verbs, *(v for rule in rules.verb_relations for v in rule.verbs))
    pieces = []
    for start, end in _clauses(sentence, rules):
        cuts = [
            sentence.start + i
            for i in range(start - sentence.start, end - sentence.start)
            if sentence.text[i] == "、" and sentence.text.endswith(verbs, 0, i)
        ]
        pieces += [(a, b) for a, b in zip([start, *(c + 1 for c in cuts)], [*cuts, end])]
    return pieces


def _unnamed_members(join: str, rules: RelationRules) -> bool:
    """、省数字办、: members kg did not recognise may stand in a list of subjects."""
    return (
        join.endswith("、")
        and len(join) <= rules.max_verb_gap
        and not any(_has_verb(join, rule) for rule in rules.verb_relations)
    )


def _clause_subjects(
    sentence: SentenceView, start: int, end: int, rule: VerbRelation, rules: RelationRules
) -> list[EntityMention]:
    """A、B主办: the subjects of a clause that is a list of them and a verb of the rule."""
    members, tail = _clause_members(sentence, start, end, rules)
    if any(m.label not in rule.subject_labels for m in members):
        return []
    return members if members and _has_verb(tail, rule) else []


def _clause_members(
    sentence: SentenceView, start: int, end: int, rules: RelationRules
) -> tuple[list[EntityMention], str]:
    """A clause written as a list of mentions and then a short verb phrase: the
    mentions and that phrase, or no mentions when the clause is anything else."""
    inside = [m for m in sentence.top_level if start <= m.start and m.end <= end]
    if not inside:
        return [], ""
    lead = sentence.text[start - sentence.start : inside[0].start - sentence.start]
    joins = [lead + "、"] if lead else []
    joins += [_join(sentence, a, b, rules) for a, b in zip(inside, inside[1:])]
    tail = sentence.text[inside[-1].end - sentence.start : end - sentence.start]
    if len(tail) > rules.max_verb_gap or not all(
        join in rules.coordination or _unnamed_members(join, rules) for join in joins
    ):
        return [], ""
    return inside, tail


def _clause_around(sentence: SentenceView, offset: int, rules: RelationRules) -> tuple[int, int]:
    """Article offsets of the clause holding `offset`: between the nearest clause breaks."""
    text, at = sentence.text, offset - sentence.start
    start = max((i for i in range(at) if text[i] in rules.clause_breaks), default=-1) + 1
    end = next((i for i in range(at, len(text)) if text[i] in rules.clause_breaks), len(text))
    return sentence.start + start, sentence.start + end


def implied_targets(programs: list[EntityMention], rules: RelationRules) -> dict[str, tuple[str, str]]:
    """For each verb with an unsaid object (上榜), the article's one program it can mean (its 榜单)."""
    targets = {}
    for verb, heads in rules.implied_objects.items():
        meant = {m.key for m in programs if m.name.rstrip("”’》").endswith(heads)}
        if len(meant) == 1:
            (targets[verb],) = meant
    return targets


def implied_relations(
    sentence: SentenceView, targets: dict[str, tuple[str, str]], rules: RelationRules
) -> Iterator[Relation]:
    """作为上榜的企业代表、某公司…: organizations in the clause take part in the article's 榜单
    (`targets`, from `implied_targets`)."""
    for verb, target in targets.items():
        for found in re.finditer(verb, sentence.text):
            start, end = _clause_around(sentence, sentence.start + found.start(), rules)
            inside = [m for m in sentence.top_level if start <= m.start and m.end <= end]
            if any(m.label in ("Program", "Event") for m in inside):
                continue  # the object is said: verb_relations has it
            for subject in (m for m in inside if m.label == "Organization"):
                yield Relation(subject.key, "PARTICIPATES_IN", target, sentence, "implied_object")


def the_one_event(events: list[EntityMention]) -> tuple[str, str] | None:
    """The article's event, when it names exactly one."""
    meant = {m.key for m in events}
    return next(iter(meant)) if len(meant) == 1 else None


def speaker_relations(
    sentence: SentenceView, target: tuple[str, str] | None, rules: RelationRules
) -> Iterator[Relation]:
    """王某致闭幕辞, 李某主持会议并讲话: people who speak or preside, with no other
    event or program in their clause, take part in the article's one event (`target`,
    from `the_one_event`)."""
    if target is None:
        return
    for found in re.finditer("|".join(map(re.escape, rules.speaker_verbs)), sentence.text):
        at = sentence.start + found.start()
        start, end = _clause_around(sentence, at, rules)
        inside = [m for m in sentence.top_level if start <= m.start and m.end <= end]
        if any(m.label in ("Program", "Event") and m.key != target for m in inside):
            continue
        if any(word in sentence.text[start - sentence.start : found.start()] for word in rules.referred_event_before):
            continue  # 学习贯彻某某重要讲话精神: a speech only referred to, not one given here
        for person in (m for m in inside if m.label == "Person" and m.end <= at):
            yield Relation(person.key, "PARTICIPATES_IN", target, sentence, "speaker")


def attendance_relations(sentence: SentenceView, rules: RelationRules) -> Iterator[Relation]:
    """孟庆林在峰会上表示: who speaks at an event takes part in it."""
    mentions = sentence.top_level
    for left, right in zip(mentions, mentions[1:]):
        if (
            left.label in ("Person", "Organization")
            and right.label == "Event"
            and sentence.between(left, right) == rules.attendance_before
            and sentence.after(right).startswith(rules.attendance_after)
        ):
            yield Relation(left.key, "PARTICIPATES_IN", right.key, sentence, "attendance")
    yield from _opening_attendance(sentence, rules)


def _opening_attendance(sentence: SentenceView, rules: RelationRules) -> Iterator[Relation]:
    """在某大会、某论坛上，某某表示: the people of the clause after an opening
    在…上 take part in each event named in it (the organizations, when it names
    no one: 在签约仪式上，A与B签署…)."""
    clauses = _clauses(sentence, rules)
    if len(clauses) < 2:
        return
    (start, end), (after_start, after_end) = clauses[0], clauses[1]
    opening = sentence.text[start - sentence.start : end - sentence.start]
    if not opening.startswith(rules.attendance_before) or not opening.endswith(rules.attendance_after):
        return
    events = [m for m in sentence.top_level if start <= m.start and m.end <= end]
    if not events or any(m.label != "Event" for m in events):
        return
    inside = [m for m in sentence.top_level if after_start <= m.start and m.end <= after_end]
    people = [m for m in inside if m.label == "Person"] or [m for m in inside if m.label == "Organization"]
    for participant in people:
        for event in events:
            yield Relation(participant.key, "PARTICIPATES_IN", event.key, sentence, "attendance")


def partner_relations(sentence: SentenceView, rules: RelationRules) -> Iterator[Relation]:
    """Organizations that act together: A、B联合…, A与B签约, A携手B, A—B联合实验室.

    In A与B、C签约 and A联合B、C the first member partners each of the others;
    a clause with no subject (，并与D签约) takes the partner who led the clause before.
    """
    lead: EntityMention | None = None
    for group in coordinated_groups(sentence, rules):
        organizations = [m for m in group if m.label == "Organization"]
        if not organizations or not (_partner_word_after(sentence, group, rules) or _jointly(sentence, group, rules)):
            continue
        if lead is not None and rules.subjectless_opening.match(_clause_before(sentence, group[0], rules)):
            pairs = [(lead, other) for other in organizations]
        elif len(organizations) < 2:
            continue
        elif _led(sentence, group, rules):
            lead = organizations[0]
            pairs = [(lead, other) for other in organizations[1:]]
        else:
            lead = organizations[0]
            pairs = list(combinations(organizations, 2))
        for left, right in pairs:
            if left.key != right.key:
                yield Relation(left.key, "PARTNERS_WITH", right.key, sentence, "partner_word")
    organizations = [m for m in sentence.mentions if m.label == "Organization"]
    for left, right in zip(organizations, organizations[1:]):
        if sentence.between(left, right) in rules.partner_dashes and left.key != right.key:
            yield Relation(left.key, "PARTNERS_WITH", right.key, sentence, "partner_dash")


def _partner_word_after(sentence: SentenceView, group: list[EntityMention], rules: RelationRules) -> bool:
    """A partner word right after the group, past a summary of it (…4家上下游企业签约) and a verb
    of holding (…举行战略合作签约仪式)."""
    after = sentence.after(group[-1])
    summary = rules.partner_list_summary.match(after)
    piece = _clause_piece(after[summary.end() :] if summary else after, rules)
    while piece.startswith(rules.partner_word_leads):
        piece = piece[len(next(lead for lead in rules.partner_word_leads if piece.startswith(lead))) :]
    return piece.startswith(rules.partner_words)


def _led(sentence: SentenceView, group: list[EntityMention], rules: RelationRules) -> bool:
    """A与B、C / A联合B、C: the first member is joined to the rest by a leading word."""
    return group[0].label == "Organization" and _join(sentence, group[0], group[1], rules) in (
        *rules.partner_leads,
        *rules.joint_coordination,
    )


def _clause_before(sentence: SentenceView, mention: EntityMention, rules: RelationRules) -> str:
    before = sentence.before(mention)
    cut = max((i for i, ch in enumerate(before) if ch in rules.clause_breaks), default=-1)
    return before[cut + 1 :]


_DECLARATION_OPENING = re.compile(r"[（(](?:以下简称|下称|简称)[“\"「]?$")
_DECLARATION_CLOSING = '”"」）)'


def _without_declaration(text: str, rules: RelationRules) -> str:
    """`（以下简称“郑州经开区”）的` → `的`: a declared short form says nothing of place."""
    found = rules.gaz.declared_short_form.match(text)
    return text[found.end() :] if found else text


def _declaring(sentence: SentenceView, mention: EntityMention) -> EntityMention:
    """The full name whose declared short form `mention` is, or `mention` itself."""
    earlier = [m for m in sentence.top_level if m.key == mention.key and m.end <= mention.start]
    if earlier and _DECLARATION_OPENING.search(sentence.between(earlier[-1], mention)):
        return earlier[-1]
    return mention


def _settled_in(join: str, rules: RelationRules) -> bool:
    """落户的, 已入驻的: a settling verb and 的 between a place and organizations."""
    return join.endswith("的") and join[:-1].endswith(rules.located_verbs) and len(join) <= rules.max_verb_gap


def _group_from(sentence: SentenceView, first: EntityMention, rules: RelationRules) -> list[EntityMention]:
    """The organizations of the coordinated group that `first` opens."""
    group = next((g for g in coordinated_groups(sentence, rules) if first in g), [first])
    return [m for m in group[group.index(first) :] if m.label == "Organization"]


def _zone_after_its_place(right: EntityMention, between: str, rules: RelationRules) -> bool:
    """位于某集聚区的某产业园: a park written after the place that holds it."""
    return right.label == "Region" and between == "的" and right.name.endswith(rules.zone_suffixes)


def placement_relations(sentence: SentenceView, rules: RelationRules) -> Iterator[Relation]:
    """在/位于A[的]B → B in A; B在A揭牌 → B in A; B下属的A → A part of B."""
    mentions = sentence.top_level
    for index, (left, right) in enumerate(zip(mentions, mentions[1:])):
        between = sentence.between(left, right)
        if left.label == "Region" and (right.label == "Organization" or _zone_after_its_place(right, between, rules)):
            place = _declaring(sentence, left)
            join = _without_declaration(between.lstrip(_DECLARATION_CLOSING) if place is not left else between, rules)
            if join.strip("“”") in rules.located_joins and sentence.before(place).endswith(rules.located_leads):
                yield Relation(right.key, "LOCATED_IN", left.key, sentence, "located_lead")
            elif _settled_in(join, rules) and sentence.before(place).endswith(rules.located_leads):
                for member in _group_from(sentence, right, rules):
                    yield Relation(member.key, "LOCATED_IN", left.key, sentence, "located_verb")
        if left.label == "Organization" and right.label == "Region" and between.strip("“”") == "在":
            regions = [right]
            for following in mentions[index + 2 :]:
                if following.label != "Region" or sentence.between(regions[-1], following):
                    break
                regions.append(following)
            # …在武汉市洪山区揭牌: adjacent regions, then (past any declaration) an opening verb.
            if _without_declaration(sentence.after(regions[-1]), rules).startswith(rules.located_events):
                for region in regions:
                    yield Relation(left.key, "LOCATED_IN", region.key, sentence, "located_event")
        if left.label == right.label == "Organization" and between in rules.parent_before:
            yield Relation(right.key, "PART_OF", left.key, sentence, "parent_before")
        if (
            left.label == right.label == "Organization"
            and between == "是"
            and sentence.after(right).startswith(rules.parent_after)
        ):
            yield Relation(left.key, "PART_OF", right.key, sentence, "parent_after")
