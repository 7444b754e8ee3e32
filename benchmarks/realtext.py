"""Scores on real news text: the `../shared/realtext` issues R1–R5 and their gold.

The texts belong to their publishers and are never copied into the
repository; this script reads them where they are.  It extracts each issue
in-process, scores it against its gold with `kg.eval`, and prints a line per
issue, the overall table (per label and relation type) and, with
`--errors`, every miss and false hit.

    python benchmarks/realtext.py [--realtext ../shared/realtext] [--errors] [--issues R1 R3]

Targets (issue 10), R1–R5 together: articles exact in every issue, entity
F1 ≥ 0.90, relation F1 ≥ 0.75, industry top-1 ≥ 0.90.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console

from kg.cli.eval_table import report_table
from kg.eval.scores import Report
from kg.eval.scoring import score_articles
from kg.pipeline import extract_records, read_corpus

DEFAULT_REALTEXT = Path(__file__).resolve().parents[2] / "shared" / "realtext"


def score_issue(text_path: Path, gold_path: Path, report: Report) -> Report:
    """Extract one issue, add its counts to `report`, and return its own counts."""
    corpus = read_corpus([text_path])
    if corpus.errors:
        sys.exit(f"{text_path}: {corpus.errors[0]}")
    records = list(extract_records(corpus.issues))
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["articles"]
    own = Report()
    for target in (own, report):
        score_articles(gold, records, target)
    return own


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--realtext", type=Path, default=DEFAULT_REALTEXT, help="the realtext folder")
    parser.add_argument("--issues", nargs="*", default=None, help="issue names (default: every gold file)")
    parser.add_argument("--errors", action="store_true", help="list misses and false hits")
    args = parser.parse_args()
    gold_dir = args.realtext / "gold"
    if not gold_dir.is_dir():
        sys.exit(f"no gold at {gold_dir}: pass --realtext PATH to the realtext folder")
    names = args.issues or sorted(p.stem for p in gold_dir.glob("*.json"))
    console = Console()
    overall = Report()
    for name in names:
        own = score_issue(args.realtext / "issues" / f"{name}.txt", gold_dir / f"{name}.json", overall)
        console.print(
            f"{name}: articles {own.articles.tp}/{own.articles.tp + own.articles.fn}"
            f" (+{own.articles.fp} extra) · entities F1 {own.entities.f1:.3f}"
            f" · relations F1 {own.relations.f1:.3f}"
            f" · industry top-1 {own.industries.recall:.3f}"
        )
    console.print(report_table(overall))
    if args.errors:
        for kind, rows in (
            ("miss", overall.misses),
            ("false hit", overall.false_hits),
            ("miss", overall.relation_misses),
            ("false hit", overall.relation_false_hits),
        ):
            for title, label, item in rows:
                console.print(f"{kind:9} {label:15} {item}   ({title[:30]})", highlight=False)
        for title, gold, system in overall.industry_misses:
            console.print(f"industry  {title[:30]}: gold {gold}, kg {system}", highlight=False)


if __name__ == "__main__":
    main()
