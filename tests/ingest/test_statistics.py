"""Official statistics: panel county names and census codes resolve to today's place codes (or say
why not), and files land side by side by where they came from."""

import pyarrow.parquet as pq
import pytest

from ingest import paths
from ingest.readers import find_documents
from ingest.sources.census import census_statistics, resolve_unit
from ingest.sources.gazetteer import load_gazetteer
from ingest.sources.statistics import land_statistics, land_statistics_folders, load_panel, resolve_county


@pytest.mark.parametrize(("province", "county", "expected"), [
    ("浙江省", "瑞安市", ("330381", "name")),
    # Cells carry line breaks and padding from printed yearbooks.
    ("海南省", "陵水黎族\n自治县", ("469028", "name")),
    ("安徽省", "和  县", ("340523", "name")),
    # The short form of an autonomous county, and counties that have since become a city or district.
    ("云南省", "景东自治县", ("530823", "name")),
    ("云南省", "禄丰县", ("532302", "name")),
    ("河南省", "孟津县", ("410308", "name")),
    # A name repeated across provinces: the row's province decides.
    ("吉林省", "朝阳区", ("220104", "name")),
])
def test_county_names_resolve(province, county, expected):
    assert resolve_county(province, county, {}) == expected


def test_a_name_unique_nationally_survives_a_wrong_province():
    assert resolve_county("江苏省", "瑞安市", {}) == ("330381", "unique name, province differs")


def test_a_name_repeated_in_one_province_is_ambiguous_and_lists_the_codes():
    assert resolve_county("河北省", "新华区", {}) == (None, "ambiguous: 130105,130902")


def test_the_alias_seed_settles_what_the_gazetteer_cannot():
    assert resolve_county("河北省", "新华区", {("河北省", "新华区"): "130105"}) == ("130105", "alias")


def test_an_unknown_name_says_so():
    assert resolve_county("浙江省", "不存在县", {}) == (None, "not in the gazetteer")


def test_a_panel_maps_its_columns_and_lists_what_it_cannot_place(tmp_path):
    panel = tmp_path / "panel.csv"
    panel.write_text(
        "year,province,county,gdp\n2022,浙江省,瑞安市,11979000\n2022,河北省,新华区,1\n2022,浙江省,不存在县,1\n",
        encoding="utf-8")
    load = load_panel(panel)
    assert load.unmapped == [("浙江省", "不存在县", 1)]
    assert load.ambiguous == [("河北省", "新华区", "130105,130902")]
    [row] = [r for r in load.rows if r["place_code"] == "330381"]
    assert (row["indicator_id"], row["reference_year"], row["unit"]) == ("gdp", 2022, "CNY")
    assert row["value"] == pytest.approx(119790000000)  # the panel is in 万元


def test_a_file_that_is_not_a_panel_is_refused_by_name(tmp_path):
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"other\.csv: not a county panel \(no county, province, year column\)"):
        load_panel(other)


# --- census population under today's codes ---------------------------------------------------


@pytest.mark.parametrize(("code", "name", "expected"), [
    ("330381", "瑞安市", ("330381", "code")),
    ("330383", "龙港市", ("330383", "code")),
    # A county that became a district under a new code, by the gazetteer's change events.
    ("130625", "徐水县", ("130609", "change event")),
    ("120225", "蓟县", ("120119", "change event")),
    # Renamed under the same code.
    ("130502", "桥东区", ("130502", "change event")),
    # 2010's workbook lists 丰润区 under 丰南区's code: the name decides within the prefecture.
    ("130207", "丰润区", ("130208", "name")),
    # The workbook's 巿 for 市, and a one-character variant (内邱县 for 内丘县).
    ("130981", "泊头巿", ("130981", "code")),
    ("130523", "内邱县", ("130523", "code, name one character apart")),
    # A functional area's code that no unit holds today.
    ("130171", "石家庄高新技术产业开发区", (None, "no current unit of that code and name")),
])
def test_census_units_resolve_to_todays_codes(code, name, expected):
    assert resolve_unit(code, name, load_gazetteer()) == expected


def _census_row(year, code, name, population):
    return {"census_year": str(year), "census_code": code, "province": "北京市", "prefecture": "", "name": name,
            "population": str(population)}


def test_census_rows_land_as_resident_population_with_the_census_code_kept():
    rows, left_out = census_statistics([_census_row(2010, "130625", "徐水县", 563030)], "census.csv")
    assert left_out == []
    assert rows == [{"place_code": "130609", "indicator_id": "resident_population", "reference_year": 2010,
                     "value": 563030.0, "unit": "persons", "source_county": "徐水县", "source_province": "北京市",
                     "source_column": "合计", "source_code": "130625", "source_file": "census.csv"}]


def test_units_merged_since_are_left_out_rather_than_counted_as_todays_place():
    # 崇文区 became part of 东城区 in 2010: neither census count is today's 东城区.
    rows, left_out = census_statistics([_census_row(2010, "110101", "东城区", 573180),
                                        _census_row(2010, "110103", "崇文区", 346073),
                                        _census_row(2020, "110101", "东城区", 708829)], "census.csv")
    assert [(r["place_code"], r["reference_year"]) for r in rows] == [("110101", 2020)]
    assert sorted(left_out) == [(2010, "110101", "东城区", "merged into 110101 since (110101+110103)"),
                                (2010, "110103", "崇文区", "merged into 110101 since (110101+110103)")]


# --- landing: the build's statistics/ and `xianzhi stats load` side by side --------------------


def _write_panel(file, gdp):
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"year,province,county,gdp\n2023,浙江省,瑞安市,{gdp}\n", encoding="utf-8")
    return file


def _landed(warehouse):
    rows = pq.read_table(paths.landing_dir(warehouse) / "statistics.parquet").to_pylist()
    return sorted((r["origin"], r["source_file"], r["value"]) for r in rows)


def test_a_documents_folders_statistics_are_replaced_each_build_and_loaded_files_stay(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    documents = tmp_path / "documents"
    _write_panel(documents / "statistics" / "shipped.csv", 100)
    land_statistics(_write_panel(tmp_path / "mine.csv", 200), warehouse)
    loads, errors = land_statistics_folders([documents], paths.landing_dir(warehouse))
    assert errors == [] and [load.file.name for load in loads] == ["shipped.csv"]
    assert _landed(warehouse) == [("documents", "shipped.csv", 1e6), ("stats load", "mine.csv", 2e6)]
    # The next build finds another edition; loading mine.csv again replaces only its own rows.
    _write_panel(documents / "statistics" / "shipped.csv", 150)
    land_statistics_folders([documents], paths.landing_dir(warehouse))
    land_statistics(_write_panel(tmp_path / "mine.csv", 250), warehouse)
    assert _landed(warehouse) == [("documents", "shipped.csv", 1.5e6), ("stats load", "mine.csv", 2.5e6)]


def test_the_sidecar_names_the_source_and_the_vintage_says_which_years_and_edition(tmp_path):
    panel = _write_panel(tmp_path / "statistics" / "panel.csv", 100)
    (tmp_path / "statistics" / "panel.meta.yml").write_text(
        "title: 县域统计面板\nurl: https://example.org/panel\nedition: v2\n", encoding="utf-8")
    loads, _ = land_statistics_folders([tmp_path], tmp_path / "landing")
    [row] = loads[0].rows
    assert (row["source_name"], row["source_url"], row["vintage"], row["source_file"]) == (
        "县域统计面板", "https://example.org/panel", "2023 · v2", "panel.csv")
    assert row["origin"] == "documents"
    # Without a sidecar: the file's stem and name.
    [plain] = land_statistics(panel.rename(tmp_path / "plain.csv"), tmp_path / "w.duckdb").rows
    assert (plain["source_name"], plain["vintage"]) == ("plain", "2023 · plain.csv")


def test_a_statistics_file_that_cannot_be_read_is_one_error_naming_it_and_the_rest_load(tmp_path):
    _write_panel(tmp_path / "statistics" / "good.csv", 100)
    (tmp_path / "statistics" / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    loads, errors = land_statistics_folders([tmp_path], tmp_path / "landing")
    assert [load.file.name for load in loads] == ["good.csv"]
    assert errors == [{"source": "statistics/notes.csv",
                       "reason": "statistics/notes.csv: not a county panel (no county, province, year column)"}]


def test_a_documents_folders_statistics_are_never_read_as_reports(tmp_path):
    _write_panel(tmp_path / "statistics" / "panel.csv", 100)
    _write_panel(tmp_path / "reports" / "statistics" / "table.csv", 100)  # deeper down: a report table
    (tmp_path / "report.txt").write_text("瑞安市政府工作报告", encoding="utf-8")
    assert [name for _, name in find_documents([tmp_path])] == ["report.txt", "reports/statistics/table.csv"]


@pytest.mark.parametrize("make", [
    lambda folder: (folder.mkdir(), folder)[1],  # a folder, not a file
    lambda folder: _written(folder / "broken.csv", 'year,province,county,gdp\n2020,浙江省,"瑞安市,1\n'),
], ids=["folder", "malformed csv"])
def test_stats_load_of_an_unreadable_file_is_a_usage_error_naming_it(tmp_path, capsys, make):
    from ingest import cli
    from ingest.run import exit_codes

    target = make(tmp_path / "input")
    code = cli.main(["stats", "load", str(target), "--warehouse", str(tmp_path / "w" / "warehouse.duckdb")])
    [line] = capsys.readouterr().err.strip().splitlines()
    assert code == exit_codes.USAGE and line.startswith(f"error: {target}")


def _written(file, text: str):
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return file
