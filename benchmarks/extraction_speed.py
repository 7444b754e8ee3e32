"""Extraction speed on the sample issues, against bare `jieba.lcut`.

Prints characters per second of the whole extraction after start-up (reading
and splitting the files, the spaCy pipeline, aliases), the time of
`jieba.lcut` over the same article texts, and the ratio, and apart from the
whole the CPU time of the statistical model (`kg.nlp.statistical`: the
tagger's own calls).  Targets (issues 3 and 10): ≥ 30,000 chars/s and ≤ 6×
jieba.lcut with a statistical model (≤ 3× without one).

Times are the process's CPU time (`time.process_time`): the work runs in one
thread, so that is its cost on one core, and time spent waiting for other
processes on a busy machine is left out.  Each round times one extraction
pass and one `jieba.lcut` pass back to back, so both see the same cache and
frequency conditions; the figures are the medians over the rounds.

    python benchmarks/extraction_speed.py [--repeat 15] [PATH ...]

PATH defaults to the sample issues; `../shared/realtext/issues` measures
real articles, where more names are left to the model.
"""

from __future__ import annotations

import argparse
import statistics
import time

import jieba

from kg.config import SAMPLES_DIR
from kg.nlp.statistical import LacTagger, lac_tagger
from kg.pipeline import extract_records, read_corpus

TARGET_CHARS = 30_000  # per second
TARGET_RATIO = 6.0  # with a statistical model
TARGET_RATIO_RULES = 3.0  # what the rest of the extraction may cost


class ModelClock:
    """CPU time spent inside the tagger's calls, wrapped on the process-wide instance."""

    def __init__(self, tagger: LacTagger) -> None:
        self.spent = 0.0
        self.entities = tagger.entities
        tagger.entities = self  # type: ignore[method-assign]

    def __call__(self, *args, **kwargs):
        started = time.process_time()
        try:
            return self.entities(*args, **kwargs)
        finally:
            self.spent += time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15, help="rounds over the samples")
    parser.add_argument("sources", nargs="*", default=[str(SAMPLES_DIR)], help="issue files or folders")
    args = parser.parse_args()
    sources = args.sources
    issues = read_corpus(sources).issues
    texts = [issue.text[a.start : a.end] for issue in issues for a in issue.articles]
    chars = sum(map(len, texts))
    list(extract_records(issues))  # start-up: jieba dictionary, gazetteers, patterns, the model
    for text in texts:
        jieba.lcut(text)
    clock = ModelClock(lac_tagger())

    reading_times, extraction_times, segmentation_times, model_times = [], [], [], []
    for _ in range(args.repeat):
        started = time.process_time()
        issues = read_corpus(sources).issues
        read = time.process_time()
        clock.spent = 0.0
        list(extract_records(issues))
        extraction_times.append(time.process_time() - started)
        reading_times.append(read - started)
        model_times.append(clock.spent)
        started = time.process_time()
        for text in texts:
            jieba.lcut(text)
        segmentation_times.append(time.process_time() - started)
    reading = statistics.median(reading_times)
    extraction = statistics.median(extraction_times)
    segmentation = statistics.median(segmentation_times)
    model = statistics.median(model_times)

    print(f"characters:           {chars} (articles of {len(issues)} issues), {args.repeat} rounds")
    print(f"extraction:           {extraction:.3f} s  ({chars / extraction:,.0f} chars/s; target ≥ {TARGET_CHARS:,})")
    print(f"  of which reading:   {reading:.3f} s  (decoding, splitting into articles)")
    print(f"  of which the model: {model:.3f} s  (statistical tagger, {model / segmentation:.2f}x jieba.lcut)")
    print(f"jieba.lcut:           {segmentation:.3f} s  ({chars / segmentation:,.0f} chars/s)")
    print(f"extraction / lcut:    {extraction / segmentation:.2f}x  (target ≤ {TARGET_RATIO:g}x with the model)")
    print(f"  without the model:  {(extraction - model) / segmentation:.2f}x  (target ≤ {TARGET_RATIO_RULES:g}x)")


if __name__ == "__main__":
    main()
