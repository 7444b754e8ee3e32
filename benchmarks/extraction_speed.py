"""Extraction speed on the sample issues, against bare `jieba.lcut`.

Prints characters per second of the whole extraction after start-up (reading
and splitting the files, the spaCy pipeline, aliases), the time of
`jieba.lcut` over the same article texts, and the ratio.  Targets (issue 3):
≥ 30,000 chars/s and ≤ 3× jieba.lcut.

Times are the process's CPU time (`time.process_time`): the work runs in one
thread, so that is its cost on one core, and time spent waiting for other
processes on a busy machine is left out.  Each round times one extraction
pass and one `jieba.lcut` pass back to back, so both see the same cache and
frequency conditions; the figures are the medians over the rounds.

    python benchmarks/extraction_speed.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import statistics
import time

import jieba

from kg.config import SAMPLES_DIR
from kg.pipeline import extract_records, read_corpus

TARGET_CHARS = 30_000  # per second
TARGET_RATIO = 3.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15, help="rounds over the samples")
    args = parser.parse_args()
    sources = [str(SAMPLES_DIR)]
    issues = read_corpus(sources).issues
    texts = [issue.text[a.start:a.end] for issue in issues for a in issue.articles]
    chars = sum(map(len, texts))
    list(extract_records(issues))  # start-up: jieba dictionary, gazetteers, patterns
    for text in texts:
        jieba.lcut(text)

    reading_times, extraction_times, segmentation_times = [], [], []
    for _ in range(args.repeat):
        started = time.process_time()
        issues = read_corpus(sources).issues
        read = time.process_time()
        list(extract_records(issues))
        extraction_times.append(time.process_time() - started)
        reading_times.append(read - started)
        started = time.process_time()
        for text in texts:
            jieba.lcut(text)
        segmentation_times.append(time.process_time() - started)
    reading = statistics.median(reading_times)
    extraction = statistics.median(extraction_times)
    segmentation = statistics.median(segmentation_times)

    print(f"characters:           {chars} (articles of {len(issues)} issues), {args.repeat} rounds")
    print(f"extraction:           {extraction:.3f} s  ({chars / extraction:,.0f} chars/s; target ≥ {TARGET_CHARS:,})")
    print(f"  of which reading:   {reading:.3f} s  (decoding, splitting into articles)")
    print(f"jieba.lcut:           {segmentation:.3f} s  ({chars / segmentation:,.0f} chars/s)")
    print(f"extraction / lcut:    {extraction / segmentation:.2f}x  (target ≤ {TARGET_RATIO:g}x)")


if __name__ == "__main__":
    main()
