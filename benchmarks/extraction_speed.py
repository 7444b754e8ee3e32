"""Extraction speed on the sample issues, against bare `jieba.lcut`.

Prints characters per second of the whole extraction (split, spaCy pipeline,
aliases) after start-up, the time of `jieba.lcut` over the same text, and the
ratio.  Targets (issue 3): ≥ 30,000 chars/s and ≤ 3× jieba.lcut.

    python benchmarks/extraction_speed.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import time

import jieba

from kg.config import SAMPLES_DIR
from kg.pipeline import extract_records, read_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    issues = read_corpus([str(SAMPLES_DIR)]).issues
    texts = [issue.text[a.start:a.end] for issue in issues for a in issue.articles]
    chars = sum(map(len, texts))
    list(extract_records(issues))  # start-up: jieba dictionary, gazetteers, patterns
    for text in texts:
        jieba.lcut(text)

    started = time.perf_counter()
    for _ in range(args.repeat):
        list(extract_records(issues))
    extraction = (time.perf_counter() - started) / args.repeat

    started = time.perf_counter()
    for _ in range(args.repeat):
        for text in texts:
            jieba.lcut(text)
    segmentation = (time.perf_counter() - started) / args.repeat

    print(f"characters:           {chars}")
    print(f"extraction:           {extraction:.3f} s  ({chars / extraction:,.0f} chars/s)")
    print(f"jieba.lcut:           {segmentation:.3f} s  ({chars / segmentation:,.0f} chars/s)")
    print(f"extraction / lcut:    {extraction / segmentation:.2f}x")


if __name__ == "__main__":
    main()
