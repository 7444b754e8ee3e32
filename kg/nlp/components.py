"""kg's spaCy components, registered by name for `nlp.add_pipe("kg_…")`.

Each recogniser adds candidates to `doc._.kg_candidates`; `kg_entity_resolver`
settles them into `doc.ents`.  The factories are also exposed through the
`spacy_factories` entry point, so any spaCy project can use them.
`kg_statistical_people` (a trained model's people) is defined in
`statistical.py` and registered by importing it here.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.candidates import Candidate, TokenView, candidates_of, token_view
from kg.nlp.gazetteers import Gazetteers, gazetteers
from kg.nlp.organizations import find_organizations
from kg.nlp.people import find_people
from kg.nlp.regions import find_named_parks, find_places, find_towns, find_zones
from kg.nlp.resolver import apply_entities, choose_entities
from kg.nlp.statistical import make_statistical_people
from kg.nlp.titled import (
    find_designations,
    find_documents,
    find_headed_names,
    find_national_programs,
    find_quoted_events,
    find_quoted_programs,
)

__all__ = ["RecognizerComponent", "make_statistical_people"]


class RecognizerComponent:
    """A `Doc → Doc` component that adds one recogniser's candidates."""

    def __init__(self, find: Callable[[TokenView, Gazetteers], list[Candidate]]) -> None:
        self.find = find

    def __call__(self, doc: Doc) -> Doc:
        candidates_of(doc).extend(self.find(token_view(doc), gazetteers()))
        return doc


def _regions(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    places = find_places(view, gaz)
    regions = places + find_zones(view, gaz, places) + find_named_parks(view, gaz)
    return regions + find_towns(view, gaz, regions)


def _programs(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    return (
        find_documents(view)
        + find_quoted_programs(view, gaz)
        + find_headed_names(view, gaz)
        + find_national_programs(view, gaz)
        + find_quoted_events(view, gaz)
        + find_designations(view, gaz)
    )


@Language.factory("kg_regions", assigns=["doc._.kg_candidates"])
def make_regions(nlp: Language, name: str) -> RecognizerComponent:
    return RecognizerComponent(_regions)


@Language.factory("kg_organizations", assigns=["doc._.kg_candidates"])
def make_organizations(nlp: Language, name: str) -> RecognizerComponent:
    return RecognizerComponent(find_organizations)


@Language.factory("kg_people", assigns=["doc._.kg_candidates"])
def make_people(nlp: Language, name: str) -> RecognizerComponent:
    return RecognizerComponent(find_people)


@Language.factory("kg_titled_names", assigns=["doc._.kg_candidates"])
def make_titled_names(nlp: Language, name: str) -> RecognizerComponent:
    return RecognizerComponent(_programs)


@Language.factory("kg_entity_resolver", assigns=["doc.ents", "doc.spans", "doc._.kg_token_view"])
def make_entity_resolver(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    def resolve(doc: Doc) -> Doc:
        winners, nested = choose_entities(candidates_of(doc))
        return apply_entities(doc, token_view(doc), winners, nested)

    return resolve
