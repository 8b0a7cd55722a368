"""The regenerator of seeds/statistics/: the panel cut to the catalogue's columns, census sheets to one row per coded unit."""

import csv

import pytest

from ingest import paths
from ingest.tools.shipped_statistics import CENSUS_COLUMNS, census_rows, compact_panel, mapped_columns


def test_the_panel_keeps_its_keys_and_the_mapped_columns_cells_unchanged():
    header = ["\ufeffyear", "province", "county", "hospital_beds", "gdp", "total_pop"]
    rows = [
        ["2023", "浙江省", "瑞安市", "9000.0", "12851257.0", ""],
        ["2012", "浙江省", "瑞安市", "8000.0", "", "121.0"],
        ["2012", "浙江省", "文成县", "100.0", "", ""],  # nothing mapped: left out
    ]
    kept, out = compact_panel(header, rows, ["gdp", "total_pop", "retail_sales"])
    assert kept == ["year", "province", "county", "gdp", "total_pop"]  # a column the panel lacks is skipped
    assert out == [["2023", "浙江省", "瑞安市", "12851257.0", ""], ["2012", "浙江省", "瑞安市", "", "121.0"]]


def test_a_file_without_the_keys_is_refused():
    with pytest.raises(ValueError, match=r"not a county panel \(no county column\)"):
        compact_panel(["year", "province", "gdp"], [], ["gdp"])


def test_the_mapped_columns_are_the_catalogues():
    with open(paths.catalogue_file("statistics_columns.csv"), encoding="utf-8") as handle:
        expected = {row["source_column"] for row in csv.DictReader(handle)}
    assert set(mapped_columns()) == expected


SHEET_2020 = [
    ("区划代码", "省", "市", "区县", "人口数_合计", "人口数_男"),
    ("NA", "全国", "全国", "全国", 1409778724, 721416394),
    (330300, "浙江省", "温州市", "温州市", 9572903, 5075707),
    (330381, "浙江省", "温州市", "瑞安市", 1520386, 802213),
    ("NA", "浙江省", "温州市", "温州经济技术开发区", 300000, 150000),  # a functional area: no code
]

SHEET_2010 = [
    ("地区", "区划代码", "合计", "男"),
    ("浙江省", 330000, 54426891, 27965641),
    ("温州市", 330300, 9122102, 4797359),
    ("市辖区", None, 1000, 500),  # a subtotal without a code
    ("  瑞安市", 330381, 1424667, 743814),
    ("首发论坛：经济学家bbs.jjxj.org", None, None, None),  # a note left in the workbook
]


def test_2020_rows_name_province_and_prefecture_and_the_national_total_gets_the_national_code():
    rows = census_rows(2020, SHEET_2020)
    assert [(r["census_code"], r["name"], r["population"]) for r in rows] == [
        ("100000", "全国", 1409778724), ("330300", "温州市", 9572903), ("330381", "瑞安市", 1520386)]
    assert rows[2] == {"census_year": 2020, "census_code": "330381", "province": "浙江省", "prefecture": "温州市",
                       "name": "瑞安市", "population": 1520386}
    assert list(rows[0]) == list(CENSUS_COLUMNS)


def test_2010_names_are_unindented_and_parents_found_from_the_code():
    rows = census_rows(2010, SHEET_2010)
    assert [(r["census_code"], r["name"], r["province"], r["prefecture"]) for r in rows] == [
        ("330000", "浙江省", "浙江省", "浙江省"), ("330300", "温州市", "浙江省", "温州市"),
        ("330381", "瑞安市", "浙江省", "温州市")]
    assert rows[2]["population"] == 1424667


def test_a_sheet_without_the_population_column_is_refused():
    with pytest.raises(ValueError, match=r"census 2010: no 区划代码 or 合计 column"):
        census_rows(2010, [("地区", "区划代码", "男")])


@pytest.mark.integration
def test_the_shipped_files_are_what_the_regenerator_writes_from_shared(tmp_path):
    from ingest.tools.shipped_statistics import regenerate

    panel, census = tmp_path / "panel.csv", tmp_path / "census.csv"
    regenerate(paths.STATS_DIR, panel, census)
    assert panel.read_bytes() == paths.SHIPPED_PANEL_FILE.read_bytes()
    assert census.read_bytes() == paths.SHIPPED_CENSUS_FILE.read_bytes()
    assert paths.SHIPPED_PANEL_FILE.stat().st_size < 1_000_000
