"""Shared fixtures: the sample issues and the gold annotation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.config import SAMPLES_DIR
from kg.ingest.reader import read_issue
from kg.models import Issue

GOLD_DIR = Path(__file__).parent / "gold"
SAMPLE_000 = SAMPLES_DIR / "000_37a592d5b46665a4.txt"
SAMPLE_004 = SAMPLES_DIR / "004_d800323ad11d4dac.txt"


@pytest.fixture(scope="session")
def gold_000() -> dict:
    return json.loads((GOLD_DIR / "000_37a592d5b46665a4.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def issue_000() -> Issue:
    return read_issue(SAMPLE_000)


@pytest.fixture(scope="session")
def issue_004() -> Issue:
    return read_issue(SAMPLE_004)
