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
import networkx as nx
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

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
    settings = {"svg.fonttype": "none", "svg.hashsalt": name, "font.family": "sans-serif",
                "font.sans-serif": [*fonts, "DejaVu Sans"], "font.size": FONT_SIZE, "axes.spines.top": False,
                "axes.spines.right": False}
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
    return text[text.index("<svg"):]


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


def partnership_chart(ties: Sequence[Tie], fonts: Sequence[str]) -> str:
    """The organizations the issue says partner, joined by a line per partnership: new ones solid, known dashed."""
    network = nx.Graph()
    network.add_nodes_from(sorted({name for tie in ties for name in (tie.first, tie.second)}))
    network.add_edges_from((tie.first, tie.second) for tie in ties)
    at = nx.kamada_kawai_layout(network) if len(network) > 2 else nx.circular_layout(network)
    with _style(fonts, "partnerships"):
        widest = max(label_width(name) for name in network)
        figure = Figure(figsize=(max(5.0, 2 * widest + 3), 0.8 * len(network) ** 0.5 + 1.6))
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_axis_off()
        for index, tie in enumerate(ties):
            (x1, y1), (x2, y2) = at[tie.first], at[tie.second]
            line, = axes.plot([x1, x2], [y1, y2], color=NEW if tie.new else KNOWN, linewidth=2.5 if tie.new else 1.5,
                              linestyle="-" if tie.new else "--", zorder=1)
            line.set_gid(f"tie-{index}")
        for index, name in enumerate(network):
            x, y = at[name]
            axes.scatter([x], [y], s=140, color=BAR, zorder=2).set_gid(f"partner-node-{index}")
            axes.annotate(name, (x, y), xytext=(0, -14), textcoords="offset points", ha="center", va="top",
                          zorder=3).set_gid(f"partner-{index}")
        xs, ys = [x for x, _ in at.values()], [y for _, y in at.values()]
        # Room for half the widest label beside the outermost nodes: pad = share * (span + 2 pad).
        share = (widest / 2 + 0.2) / figure.get_figwidth()
        pad_x = share * (max(xs) - min(xs) or 1) / (1 - 2 * share)
        axes.set_xlim(min(xs) - pad_x, max(xs) + pad_x)
        axes.set_ylim(min(ys) - 0.45, max(ys) + 0.25)
        return _svg(figure)
