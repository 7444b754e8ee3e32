"""kg's spaCy components own their data: a saved pipeline loads with `spacy.load` and finds the same
entities and relations, two data directories in one process share nothing, and `nlp(text)` puts the
article's entities and relations on the Doc.  Sentences written for the tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy

from kg.config import DATA_DIR
from kg.ingest.reader import read_issue
from kg.nlp.extract import process_articles
from kg.nlp.language import build_pipeline, get_nlp
from kg.nlp.pipeline_cache import MANIFEST, load_pipeline, pipeline_key
from tests.conftest import SAMPLE_000

# A body no gazetteer of kg's own knows: the test's data directory adds it.
NEW_BODY = "星河测绘总署"
SENTENCE = f"{NEW_BODY}与浙江省科技厅签署合作协议。"


def _everything(pairs) -> list:
    """Per article: its entities (text, label, offsets), nested names, grouped entities and relations."""
    return [
        (
            [(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents],
            [(s.text, s.label_, s.start_char) for s in doc.spans["kg_nested"]],
            [(e.name, e.label, e.aliases, e.mentions) for e in doc._.kg_entities],
            [(r.source, r.type, r.target, r.sentence.start, r.basis) for r in doc._.kg_relations],
        )
        for _, doc in pairs
    ]


def test_a_saved_pipeline_loads_with_spacy_and_finds_the_same_entities_on_the_sample_issue(tmp_path):
    issue = read_issue(SAMPLE_000)
    built = _everything(process_articles(issue, nlp=get_nlp()))
    get_nlp().to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == get_nlp().pipe_names
    assert _everything(process_articles(issue, nlp=loaded)) == built
    assert sum(len(ents) for ents, _, _, _ in built) > 100


def test_nlp_of_a_text_puts_the_entities_and_relations_on_the_doc():
    doc = get_nlp()("浙江省科技厅厅长高鹰忠出席会议。")
    assert [(e.name, e.label) for e in doc._.kg_entities] == [("浙江省科技厅", "Organization"), ("高鹰忠", "Person")]
    assert [(r.source, r.type, r.target, r.properties) for r in doc._.kg_relations] == [
        (("Person", "高鹰忠"), "HOLDS_POSITION", ("Organization", "浙江省科技厅"), {"title": "厅长"})
    ]


@pytest.fixture(scope="module")
def own_data(tmp_path_factory) -> Path:
    """A copy of kg's data directory whose gazetteer of national bodies holds one more."""
    folder = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(DATA_DIR, folder, ignore=shutil.ignore_patterns("samples"))
    bodies = folder / "gazetteers" / "national_bodies.yaml"
    bodies.write_text(bodies.read_text(encoding="utf-8") + f"  - name: {NEW_BODY}\n", encoding="utf-8")
    return folder


def _organizations(nlp) -> list[str]:
    return [e.text for e in nlp(SENTENCE).ents if e.label_ == "Organization"]


def test_two_data_directories_in_one_process_share_nothing(own_data):
    ours, theirs = build_pipeline(own_data), build_pipeline()
    for _ in range(2):  # and neither changes the other once both have run
        assert _organizations(ours) == [NEW_BODY, "浙江省科技厅"]
        assert _organizations(theirs) == ["浙江省科技厅"]
    assert ours.get_pipe("kg_organizations").gaz is not theirs.get_pipe("kg_organizations").gaz
    assert ours.get_pipe("kg_organizations").gaz is ours.get_pipe("kg_people").gaz  # one pipeline, one copy


def test_a_saved_pipeline_keeps_its_own_data(own_data, tmp_path):
    build_pipeline(own_data).to_disk(tmp_path / "ours")
    assert _organizations(spacy.load(tmp_path / "ours")) == [NEW_BODY, "浙江省科技厅"]
    assert _organizations(get_nlp()) == ["浙江省科技厅"]


def test_the_cached_pipeline_is_reused_and_a_changed_or_corrupt_one_rebuilt(own_data, tmp_path):
    cache = tmp_path / "cache"
    first = load_pipeline(own_data, cache)
    folder = cache / "pipelines" / pipeline_key(own_data)
    assert (folder / MANIFEST).is_file() and _organizations(first) == [NEW_BODY, "浙江省科技厅"]
    saved = folder / "kg_organizations" / "gazetteers.pickle"
    saved.write_bytes(saved.read_bytes()[:100])  # a truncated file
    assert _organizations(load_pipeline(own_data, cache)) == [NEW_BODY, "浙江省科技厅"]
    assert (folder / MANIFEST).is_file()  # rebuilt and saved again
    assert _organizations(load_pipeline(None, cache)) == ["浙江省科技厅"]  # other data: another key
    assert [p.name for p in (cache / "pipelines").iterdir()] == [pipeline_key()]  # the stale one removed
