"""The brief's pictures, drawn by matplotlib as SVG to inline into the page (no script, no network).

Labels stay text (`svg.fonttype: none`): the browser draws them with the
page's fonts, so Chinese reads wherever the page does, the SVG stays small
and a printed PDF embeds one CJK font.  matplotlib only places them, and
margins are reckoned from the labels' characters (a CJK character is 1 em),
not from a font matplotlib may lack, so a machine with no CJK font draws the
same picture.  Element ids (`industry-bar-0`, `tie-0`) let tests and links
find each mark.

    >>> svg = industry_chart(brief.industries, ("WenQuanYi Zen Hei",))
    >>> svg.startswith("<svg")
    True
"""

from __future__ import annotations

import io
import logging
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import matplotlib
import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from kg.analytics.layout import network_groups
from kg.report.model import IndustryCount, Tie

__all__ = ["industry_chart", "partnership_chart", "label_width"]

FONT_SIZE = 10  # points
BAR = "#4e79a7"  # the Organization colour of data/display.yaml
NEW = "#e15759"
KNOWN = "#9d9d9d"


def label_width(text: str, size: float = FONT_SIZE) -> float:
    """Inches a label takes: wide (CJK) characters 1 em, others 0.6 em."""
    ems = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.6 for c in text)
    return ems * size / 72


@contextmanager
def _style(fonts: Sequence[str], name: str) -> Iterator[None]:
    """matplotlib settings for one chart; quiet about fonts this machine lacks (the browser has its own)."""
    settings = {
        "svg.fonttype": "none",
        "svg.hashsalt": name,
        "font.family": "sans-serif",
        "font.sans-serif": [*fonts, "DejaVu Sans"],
        "font.size": FONT_SIZE,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
    font_log = logging.getLogger("matplotlib.font_manager")
    level = font_log.level
    font_log.setLevel(logging.ERROR)
    try:
        with matplotlib.rc_context(settings), warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Glyph .* missing from")
            yield
    finally:
        font_log.setLevel(level)


def _svg(figure: Figure) -> str:
    """The figure as an <svg> element (no XML prolog, no date: the same chart gives the same text)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def industry_chart(industries: Sequence[IndustryCount], fonts: Sequence[str]) -> str:
    """Horizontal bars: the issue's articles per industry, most first, each bar labelled with its count."""
    with _style(fonts, "industries"):
        left = max(label_width(i.name) for i in industries) + 0.2  # inches, as are the figure's sides
        width, height = left + 4.2, 0.35 * len(industries) + 0.6
        figure = Figure(figsize=(width, height))
        figure.subplots_adjust(left=left / width, right=0.95, bottom=0.45 / height, top=1 - 0.1 / height)
        axes = figure.add_subplot()
        positions = range(len(industries))
        bars = axes.barh(positions, [len(i.articles) for i in industries], color=BAR, height=0.65)
        axes.set_yticks(positions, [i.name for i in industries])
        axes.invert_yaxis()
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_xlabel("篇数 articles")
        for index, (bar, label) in enumerate(zip(bars, axes.get_yticklabels())):
            bar.set_gid(f"industry-bar-{index}")
            label.set_gid(f"industry-label-{index}")
        for index, text in enumerate(axes.bar_label(bars, padding=3)):
            text.set_gid(f"industry-count-{index}")
        axes.set_xlim(0, max(len(i.articles) for i in industries) * 1.12)
        return _svg(figure)


MAX_WIDTH = 9.0  # inches of a row of partnership groups before the next row starts
PAIR_HEIGHT = 1.1  # inches between the two partners of a group of two, one above the other
LABEL_ROOM = 0.4  # inches under a node for its label


def _lying(spots: dict[str, np.ndarray]) -> dict[str, tuple[float, float]]:
    """The layout turned so that its longest extent lies across: a page is wider than tall."""
    names = list(spots)
    points = np.array([spots[name] for name in names])
    points -= points.mean(axis=0)
    _, _, axes = np.linalg.svd(points, full_matrices=False)
    turned = points @ axes.T
    return {name: (float(x), float(y)) for name, (x, y) in zip(names, turned)}


def _group_layout(names: list[str], spread: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """One connected group of partners in inches, from (0, 0) right and down: two stacked, more as `spread`
    (Kamada–Kawai's positions, `network_groups`) lays them."""
    if len(names) == 2:
        spots = {names[0]: (0.0, 0.0), names[1]: (0.0, -PAIR_HEIGHT)}
    else:
        radius = 0.6 * len(names) ** 0.5 + 0.4
        points = {name: np.array(point) for name, point in spread.items()}
        spots = {name: (x * radius, y * radius) for name, (x, y) in _lying(points).items()}
    half = max(label_width(name) for name in names) / 2 + 0.15
    left, top = min(x for x, _ in spots.values()) - half, max(y for _, y in spots.values()) + 0.15
    return {name: (x - left, y - top) for name, (x, y) in spots.items()}


def _layout(partners: list[str], pairs: list[tuple[str, str]]) -> tuple[dict[str, tuple[float, float]], float, float]:
    """Each group of partners laid out on its own, the largest first, left to right in rows: positions in
    inches (y downwards from 0), the width and the height."""
    spots: dict[str, tuple[float, float]] = {}
    x = y = row_height = width = 0.0
    for names, spread in network_groups(partners, pairs):
        placed = _group_layout(names, spread)
        half = max(label_width(name) for name in names) / 2 + 0.15
        box_width = max(px for px, _ in placed.values()) + half
        box_height = -min(py for _, py in placed.values()) + LABEL_ROOM
        if x > 0 and x + box_width > MAX_WIDTH:
            x, y, row_height = 0.0, y - row_height, 0.0
        spots.update({name: (x + px, y + py) for name, (px, py) in placed.items()})
        x, row_height, width = x + box_width, max(row_height, box_height), max(width, x + box_width)
    return spots, width, -y + row_height


def partnership_chart(ties: Sequence[Tie], fonts: Sequence[str]) -> str:
    """The organizations the issue says partner, a line per partnership: new ones red, known ones dashed grey
    (with nothing to compare with, all blue).  Drawn in inches, so names never shrink with the picture."""
    partners = sorted({name for tie in ties for name in (tie.first, tie.second)})
    at, width, height = _layout(partners, [(tie.first, tie.second) for tie in ties])
    with _style(fonts, "partnerships"):
        figure = Figure(figsize=(width, height))
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_axis_off()
        axes.set_xlim(0, width)
        axes.set_ylim(-height, 0)
        for index, tie in enumerate(ties):
            (x1, y1), (x2, y2) = at[tie.first], at[tie.second]
            colour, line_width, style = {True: (NEW, 2.5, "-"), False: (KNOWN, 1.5, "--"), None: (BAR, 2, "-")}[tie.new]
            (line,) = axes.plot([x1, x2], [y1, y2], color=colour, linewidth=line_width, linestyle=style, zorder=1)
            line.set_gid(f"tie-{index}")
        for index, name in enumerate(partners):
            x, y = at[name]
            axes.scatter([x], [y], s=140, color=BAR, zorder=2).set_gid(f"partner-node-{index}")
            axes.annotate(
                name,
                (x, y),
                xytext=(0, -10),
                textcoords="offset points",
                ha="center",
                va="top",
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
                zorder=3,
            ).set_gid(f"partner-{index}")
        return _svg(figure)
