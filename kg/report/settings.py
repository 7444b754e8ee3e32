"""The settings of `data/brief.yaml` as a typed record, checked on load.

>>> brief_settings().actors
5
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from kg.config import DATA_DIR, load_data_yaml

__all__ = ["BriefSettings", "BriefSettingsError", "brief_settings", "parse_brief_settings"]

SETTINGS_FILE = "brief.yaml"


class BriefSettingsError(ValueError):
    """`data/brief.yaml` is malformed; the message names the file and key."""


@dataclass(frozen=True)
class BriefSettings:
    actors: int
    named_per_article: int
    new: int
    rising: int
    regions: int
    fonts: tuple[str, ...]


def parse_brief_settings(raw: Any, where: str = SETTINGS_FILE) -> BriefSettings:
    """Build and check the settings from the parsed YAML mapping."""
    if not isinstance(raw, dict):
        raise BriefSettingsError(f"{where}: must be a mapping of settings")
    names = [field.name for field in fields(BriefSettings)]
    unknown = sorted(set(raw) - set(names))
    if unknown:
        raise BriefSettingsError(f"{where}: unknown setting `{unknown[0]}`")
    missing = [name for name in names if name not in raw]
    if missing:
        raise BriefSettingsError(f"{where}: missing `{missing[0]}`")
    for name in names[:-1]:
        value = raw[name]
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise BriefSettingsError(f"{where}: `{name}` must be a whole number of 1 or more, not {value!r}")
    fonts = raw["fonts"]
    if not isinstance(fonts, list) or not fonts or not all(isinstance(font, str) and font for font in fonts):
        raise BriefSettingsError(f"{where}: `fonts` must list font family names, not {fonts!r}")
    return BriefSettings(**{name: raw[name] for name in names[:-1]}, fonts=tuple(fonts))


@cache
def brief_settings() -> BriefSettings:
    """The settings of `data/brief.yaml`, read and checked once."""
    return parse_brief_settings(load_data_yaml(SETTINGS_FILE), str(DATA_DIR / SETTINGS_FILE))
