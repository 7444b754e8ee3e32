"""kg's spaCy components, registered by name for `nlp.add_pipe("kg_…")`.

Each recogniser adds candidates to `doc._.kg_candidates`; `kg_entity_resolver`
settles them into `doc.ents`; `kg_aliases` groups the mentions into the
article's entities, `doc._.kg_entities`.  Every component takes the data
directory it reads as config (`data_dir`, kg's own `data/` when empty) and
holds that data, loaded on first use or by `from_disk`: `nlp.to_disk(path)`
saves it with the pipeline, so `spacy.load(path)` reads no YAML.  The
factories are also exposed through the `spacy_factories` entry point, so any
spaCy project can use them.  `kg_statistical_people` (a trained model's
people) is defined in `statistical.py` and registered by importing it here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.aliases import article_entities
from kg.nlp.candidates import Candidate, TokenView, candidates_of, token_view
from kg.nlp.data_component import DataComponent
from kg.nlp.gazetteers import Gazetteers
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

__all__ = ["RecognizerComponent", "EntityResolver", "AliasComponent", "make_statistical_people"]

if not Doc.has_extension("kg_entities"):
    Doc.set_extension("kg_entities", default=None)


class RecognizerComponent(DataComponent):
    """A `Doc → Doc` component that adds one recogniser's candidates."""

    def __init__(self, find: Callable[[TokenView, Gazetteers], list[Candidate]], data_dir: str | None = None) -> None:
        super().__init__(data_dir)
        self.find = find

    def __call__(self, doc: Doc) -> Doc:
        candidates_of(doc).extend(self.find(token_view(doc), self.gaz))
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


_DATA_CONFIG: dict[str, Any] = {"data_dir": None}


@Language.factory("kg_regions", assigns=["doc._.kg_candidates"], default_config=_DATA_CONFIG)
def make_regions(nlp: Language, name: str, data_dir: str | None) -> RecognizerComponent:
    return RecognizerComponent(_regions, data_dir)


@Language.factory("kg_organizations", assigns=["doc._.kg_candidates"], default_config=_DATA_CONFIG)
def make_organizations(nlp: Language, name: str, data_dir: str | None) -> RecognizerComponent:
    return RecognizerComponent(find_organizations, data_dir)


@Language.factory("kg_people", assigns=["doc._.kg_candidates"], default_config=_DATA_CONFIG)
def make_people(nlp: Language, name: str, data_dir: str | None) -> RecognizerComponent:
    return RecognizerComponent(find_people, data_dir)


@Language.factory("kg_titled_names", assigns=["doc._.kg_candidates"], default_config=_DATA_CONFIG)
def make_titled_names(nlp: Language, name: str, data_dir: str | None) -> RecognizerComponent:
    return RecognizerComponent(_programs, data_dir)


class EntityResolver(DataComponent):
    """Settles the candidates into `doc.ents` (longest first) and `doc.spans["kg_nested"]`."""

    def __call__(self, doc: Doc) -> Doc:
        winners, nested = choose_entities(candidates_of(doc), self.gaz.label_order)
        return apply_entities(doc, token_view(doc), winners, nested)


@Language.factory(
    "kg_entity_resolver", assigns=["doc.ents", "doc.spans", "doc._.kg_token_view"], default_config=_DATA_CONFIG
)
def make_entity_resolver(nlp: Language, name: str, data_dir: str | None) -> EntityResolver:
    return EntityResolver(data_dir)


class AliasComponent(DataComponent):
    """Groups the doc's mentions into the article's entities (`kg.nlp.aliases`): `doc._.kg_entities`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_entities = article_entities(doc, self.gaz)
        return doc


@Language.factory(
    "kg_aliases", assigns=["doc._.kg_entities"], requires=["doc.ents", "doc.spans"], default_config=_DATA_CONFIG
)
def make_aliases(nlp: Language, name: str, data_dir: str | None) -> AliasComponent:
    return AliasComponent(data_dir)
