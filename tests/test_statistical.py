"""The statistical recogniser: people the model reads where the rules read none,
and the model's non-names it must drop.  Sentences written for the tests."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import spacy

from kg.nlp.gazetteers import gazetteers_of
from kg.nlp.language import PIPELINE, build_nlp
from kg.nlp.statistical import _settings, _viterbi, lac_tagger

# Without kg_people, every person found is the model's.
NO_PEOPLE_RULES = tuple(name for name in PIPELINE if name != "kg_people")


@pytest.fixture(scope="module")
def with_model():
    return build_nlp()


@pytest.fixture(scope="module")
def model_people_only():
    return build_nlp(NO_PEOPLE_RULES)


def _people(nlp, text: str) -> list[str]:
    return [e.text for e in nlp(text).ents if e.label_ == "Person"]


def _model_people(text: str) -> list[str]:
    return [text[a:b] for a, b, tag in lac_tagger().entities([text], _settings(gazetteers_of()))[0] if tag == "PER"]


@pytest.mark.parametrize(
    "text, names",
    [
        ("座谈会上，韦振邦、祁文澜、蒋一鸣等领导参加了讨论。", ["韦振邦", "祁文澜", "蒋一鸣"]),
        ("活动当天，韦振邦、祁文澜等出席开幕式。", ["韦振邦", "祁文澜"]),
        ("会上，郑海涛、林书瑶分别作了主旨报告。", ["郑海涛", "林书瑶"]),
        ("（作者  蒋一鸣）", ["蒋一鸣"]),
        ("编写组成员：郑海涛    林书瑶    蒋一鸣", ["郑海涛", "林书瑶", "蒋一鸣"]),
    ],
)
def test_people_with_nothing_around_them_are_found(with_model, model_people_only, text, names):
    assert _people(model_people_only, text) == names
    assert _people(with_model, text) == names


@pytest.mark.parametrize(
    "text, non_name",
    [
        ("韩江累计孵化科技型企业三百家。", "韩江"),  # a place: followed by no word that follows a name
        ("依托柯岚人才计划，每年引进青年人才。", "柯岚"),  # a program's head
        ("“祁文澜”号科考船完成首航。", "祁文澜"),  # quoted: a ship's name
        ("首批开放学校、商超、车站等30个应用场景。", "商超"),  # listed among things, beside no person
    ],
)
def test_what_the_model_takes_for_a_name_is_dropped_by_its_context(with_model, text, non_name):
    assert non_name in _model_people(text)
    assert non_name not in _people(with_model, text)


def test_the_rules_names_are_kept_as_the_rules_read_them(with_model):
    doc = with_model("浙江省科技厅厅长高鹰忠表示，临澄市将建设新能源产业园。")
    people = [e for e in doc.ents if e.label_ == "Person"]
    assert [(e.text, e.label_) for e in people] == [("高鹰忠", "Person")]
    assert {c.source for c in doc._.kg_candidates if c.text == "高鹰忠"} == {"person_context"}


def test_the_model_reads_only_clauses_with_a_name_no_rule_found(with_model, monkeypatch):
    read: list[str] = []
    tagger = lac_tagger()
    tag = tagger.entities

    def reading(sentences, settings):
        read.extend(sentences)
        return tag(sentences, settings)

    monkeypatch.setattr(tagger, "entities", reading)
    with_model("浙江省科技厅厅长高鹰忠表示，临澄市将建设新能源产业园。会上，郑海涛、林书瑶分别作了主旨报告。")
    assert read == ["郑海涛、林书瑶分别作了主旨报告。"]


def test_a_batch_is_tagged_as_each_sentence_alone():
    sentences = [
        "签约仪式上，韦振邦、祁文澜等共同见证。",
        "（记者 蒋一鸣）",
        "会上，郑海涛作了主旨报告，林书瑶主持会议。",
        "临澄市科技局局长萧景行介绍，全市已建成新型储能项目十二个，总装机容量达到三百万千瓦。",
    ]
    alone = [lac_tagger().entities([s], _settings(gazetteers_of()))[0] for s in sentences]
    assert lac_tagger().entities(sentences, _settings(gazetteers_of())) == alone


def test_viterbi_finds_the_best_path():
    rng = np.random.default_rng(7)
    scores, transitions = rng.normal(size=(3, 4, 3)), rng.normal(size=(3, 3))

    def total(row: int, path: tuple[int, ...]) -> float:
        return sum(scores[row, t, tag] for t, tag in enumerate(path)) + sum(
            transitions[a, b] for a, b in zip(path, path[1:])
        )

    best = _viterbi(scores, transitions)
    for row in range(3):
        expected = max(itertools.product(range(3), repeat=4), key=lambda path: total(row, path))
        assert tuple(best[row]) == expected


def test_statistical_people_is_a_registered_spacy_factory():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for name in ("kg_people", "kg_statistical_people", "kg_entity_resolver"):
        nlp.add_pipe(name)
    doc = nlp("会上，郑海涛、林书瑶分别作了主旨报告。")
    assert [(e.text, e.label_) for e in doc.ents] == [("郑海涛", "Person"), ("林书瑶", "Person")]
