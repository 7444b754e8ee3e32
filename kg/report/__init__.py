"""The issue brief: one issue's articles, industries, who matters, what is new, partnerships and regions,
as a self-contained HTML page with matplotlib charts (`kg report`).

    >>> from kg.report import gather_brief, write_brief
    >>> write_brief(gather_brief(graph), Path("brief.html"))  # the latest issue against those before it
"""

from kg.report.gather import ReportError, choose_issue, gather_brief
from kg.report.model import Brief
from kg.report.render import check_brief_path, render_brief, write_brief

__all__ = ["Brief", "ReportError", "choose_issue", "gather_brief", "render_brief", "write_brief", "check_brief_path"]
