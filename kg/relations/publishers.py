"""Who issued a document the sentence names without a verb saying so.

文化和旅游部等十部门《关于…的意见》: a body named right before a title, perhaps
with the count of the bodies it led (等十部门) or 联合, issued it.  With a verb
between (某部印发的《…》) the verb rules already say so.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.relations.items import Relation, SentenceView
from kg.relations.rules import RelationRules
from kg.relations.verbs import coordinated_groups

__all__ = ["publisher_relations"]


def publisher_relations(sentence: SentenceView, rules: RelationRules) -> Iterator[Relation]:
    groups = coordinated_groups(sentence, rules)
    for group, following in zip(groups, groups[1:]):
        document = following[0]
        if document.label != "Document" or not rules.publisher_gap.fullmatch(sentence.between(group[-1], document)):
            continue
        for issuer in group:
            if issuer.label == "Organization":
                yield Relation(issuer.key, "PUBLISHED", document.key, sentence, "publisher_before_title")
