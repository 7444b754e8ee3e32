"""What the browser tests share: Debian's chromium driven by Playwright, and the check that Chinese is not boxes.

Playwright's own browser download is never used; tools/provision-test-deps
installs chromium and a CJK font.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")


@contextmanager
def launched_chromium() -> Iterator[Browser]:
    """Debian's chromium under Playwright; the test fails (never skips) where it is not installed."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run tools/provision-test-deps to install Debian's chromium", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield browser
        browser.close()


# How many of four Chinese characters, each drawn alone on a canvas in the given font, look different.
# Without a CJK font Chromium draws every one as the same box.
DISTINCT_CHARACTERS = """(face) => new Set(["浙", "江", "科", "技"].map((character) => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 48;
  const context = canvas.getContext("2d");
  context.font = `40px ${face}`;
  context.fillText(character, 4, 40);
  return Array.from(context.getImageData(0, 0, 48, 48).data).join();
})).size"""
