"""`Brief` → brief.html: one self-contained page (styles, charts and its one small script inline).

The page is kg's Jinja2 template (`kg/report/templates/brief.html`, every
name escaped) with matplotlib's SVG charts inlined, so it opens from disk,
offline, and prints to PDF (its print styles keep charts and tables whole).

    >>> write_brief(gather_brief(graph), Path("brief.html"))
"""

from __future__ import annotations

from importlib.metadata import version as installed_version
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from kg.config import load_data_yaml
from kg.export.atomic import atomic_path
from kg.export.output_dir import OutputError, check_output_file
from kg.report.charts import industry_chart, partnership_chart
from kg.report.model import Brief
from kg.report.settings import BriefSettings, brief_settings

__all__ = ["render_brief", "write_brief", "check_brief_path"]

_ENVIRONMENT = Environment(
    loader=PackageLoader("kg.report", "templates"),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def _captions() -> dict[str, str]:
    """Each node label's Chinese caption (机构, 人物 …), from data/display.yaml."""
    return {label: style.get("caption", label) for label, style in load_data_yaml("display.yaml")["labels"].items()}


def render_brief(brief: Brief, settings: BriefSettings | None = None) -> str:
    """The whole page as text."""
    settings = settings or brief_settings()
    charts = {
        "industries": Markup(industry_chart(brief.industries, settings.fonts)) if brief.industries else None,
        "partnerships": Markup(partnership_chart(brief.ties, settings.fonts)) if brief.ties else None,
    }
    fonts = ", ".join(f'"{font}"' for font in settings.fonts)
    return _ENVIRONMENT.get_template("brief.html").render(
        brief=brief, charts=charts, captions=_captions(), fonts=Markup(fonts), version=installed_version("kg")
    )


def check_brief_path(path: Path) -> None:
    """Fail before any work when the page cannot be written: a missing directory is a mistyped path, not one to make."""
    if not path.parent.exists():
        raise OutputError(f"{path.parent} does not exist; create it, or give -o a file in an existing directory")
    check_output_file(path, "-o")


def write_brief(brief: Brief, path: Path, settings: BriefSettings | None = None) -> None:
    """Write the page to `path` atomically: a failure leaves no half file."""
    text = render_brief(brief, settings)
    with atomic_path(path) as temporary:
        temporary.write_text(text, encoding="utf-8")
