"""Throughput of one very long article against the same text as ordinary articles.

Makes two issues from the repository's own articles (`generated_issues.py`):
ordinary articles whose bodies hold `--chars` characters, and one article
whose body is the same paragraphs under one headline.  Extracts each
(reading and splitting included, after start-up) and prints characters per
second of CPU time for both and their ratio.  Target (issue 11): an article
of 1,200,000 characters runs at no less than half the throughput of the
same text split into ordinary articles.

    python benchmarks/long_article.py [--chars 1200000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from generated_issues import one_article_issue, ordinary_issue

from kg.config import SAMPLES_DIR
from kg.pipeline import extract_records, read_corpus

TARGET_RATIO = 0.5


def throughput(path: Path, repeat: int) -> tuple[int, int, float]:
    """(articles, characters of article text, median chars/s) of extracting the file."""
    rates, articles, chars = [], 0, 0
    for _ in range(repeat):
        started = time.process_time()
        records = extract_records(read_corpus([path]).issues)
        articles = chars = 0
        for record in records:
            articles += 1
            chars += len(record["text"])
        rates.append(chars / (time.process_time() - started))
    return articles, chars, statistics.median(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=1_200_000, help="characters of article bodies")
    parser.add_argument("--repeat", type=int, default=1, help="rounds per file (the median is printed)")
    args = parser.parse_args()
    list(extract_records(read_corpus([SAMPLES_DIR]).issues))  # start-up: dictionaries, gazetteers, the model
    with tempfile.TemporaryDirectory() as folder:
        ordinary, long = Path(folder) / "ordinary.txt", Path(folder) / "long.txt"
        ordinary.write_text(ordinary_issue(args.chars), encoding="utf-8")
        long.write_text(one_article_issue(args.chars), encoding="utf-8")
        split_articles, split_chars, split_rate = throughput(ordinary, args.repeat)
        long_articles, long_chars, long_rate = throughput(long, args.repeat)
    print(f"ordinary articles: {split_articles:>5} articles, {split_chars:>9,} chars, {split_rate:>8,.0f} chars/s")
    print(f"one long article:  {long_articles:>5} article,  {long_chars:>9,} chars, {long_rate:>8,.0f} chars/s")
    ratio = long_rate / split_rate
    print(f"long / ordinary:   {ratio:.2f}  (target ≥ {TARGET_RATIO}: {'met' if ratio >= TARGET_RATIO else 'missed'})")


if __name__ == "__main__":
    main()
