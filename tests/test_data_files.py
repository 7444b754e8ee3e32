"""Each word of kg's vocabulary has one source, and a data file with a typo says which file and which key."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from kg.config import DATA_DIR, SCHEMAS_DIR, YAML_LOADER, DataFileError, load_data_yaml
from kg.graph.schema import graph_schema
from kg.nlp.gazetteers import load_gazetteers
from kg.nlp.language import build_pipeline
from kg.relations.rules import load_relation_rules


def _data_with(tmp_path: Path, relative: str, old: str, new: str) -> Path:
    """A copy of kg's data directory with one key of one file misspelt."""
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder, ignore=shutil.ignore_patterns("samples"))
    path = folder / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_a_misspelt_key_of_the_name_grammar_names_the_file_and_the_key(tmp_path):
    folder = _data_with(tmp_path, "patterns/names.yaml", "\nmax_name_chars:", "\nmax_name_char:")
    with pytest.raises(DataFileError) as raised:
        load_gazetteers(folder)
    assert str(raised.value) == (
        f"{folder / 'patterns' / 'names.yaml'}: no key `max_name_chars`; check its spelling in the file"
    )


def test_a_misspelt_nested_key_is_named_with_its_path_when_a_recogniser_first_reads_it(tmp_path):
    folder = _data_with(tmp_path, "patterns/names.yaml", "  zone_core_max:", "  zone_core_maxx:")
    with pytest.raises(DataFileError, match=r"names\.yaml: no key `region\.zone_core_max`"):
        build_pipeline(folder)("唐山高新区管委会召开会议。")


def test_a_misspelt_key_of_the_relation_rules_names_that_file(tmp_path):
    folder = _data_with(tmp_path, "patterns/relations.yaml", "\nroll_call_max:", "\nroll_cal_max:")
    with pytest.raises(DataFileError, match=r"relations\.yaml: no key `roll_call_max`"):
        load_relation_rules(load_gazetteers(folder))


def test_any_data_file_read_through_the_loader_is_checked(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("scoring: {weight: 1}\n", encoding="utf-8")
    scoring = load_data_yaml("settings.yaml", tmp_path)["scoring"]
    assert scoring.get("share") is None and scoring["weight"] == 1  # present keys and `get` read as ever
    with pytest.raises(DataFileError, match=r"settings\.yaml: no key `scoring\.share`"):
        scoring["share"]


def test_relation_types_and_their_symmetry_come_from_the_graph_schema():
    schema = graph_schema()
    assert schema.symmetric_types == {"PARTNERS_WITH"}
    article = json.loads((SCHEMAS_DIR / "article.schema.json").read_text(encoding="utf-8"))
    relation = article["properties"]["relations"]["items"]["properties"]
    entity = article["properties"]["entities"]["items"]["properties"]
    raw = yaml.safe_load((SCHEMAS_DIR / "graph.yaml").read_text(encoding="utf-8"))
    with_evidence = [name for name, spec in raw["relationships"].items() if "basis" in (spec["properties"] or {})]
    assert relation["type"]["enum"] == with_evidence
    assert entity["label"]["enum"] == [*schema.entity_labels, "Industry"]


def test_the_fast_yaml_parser_reads_every_data_file_as_the_plain_one_does():
    for path in [*DATA_DIR.rglob("*.yaml"), *SCHEMAS_DIR.glob("*.yaml")]:
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=YAML_LOADER) == yaml.safe_load(text), path  # noqa: S506
