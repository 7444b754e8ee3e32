"""What the browser tests share: Debian's chromium driven by Playwright, and the check that Chinese is not boxes.

Playwright's own browser download is never used; tools/provision-test-deps
installs chromium and a CJK font.
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")

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
