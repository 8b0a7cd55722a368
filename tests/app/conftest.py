"""The app's test warehouses, built once per session by the real pipeline (ingest → land → dbt build).

Documents: the seed report (瑞安市 2023, a real one) and synthetic reports of other 温州 places and
years (ingest/tools/synthetic.py), plus a small statistics panel landed before the build. Nothing
here needs ../shared. The empty warehouse is a real build of an empty folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ingest import paths

APP_DIR = paths.PROJECT_ROOT / "app"
ENTRY = paths.APP_ENTRY
PAGE_FILES = ["profile.py", "benchmark.py", "targets.py", "cascade.py", "map.py", "attention.py", "reader.py",
              "coverage.py", "sql.py"]

SEED_REPORT = "000_339ce46e4364fe7c"  # 瑞安市's 2023 work report: actuals of 2022, targets of 2023
# (place code, report year) of the synthetic reports: 瑞安市 on to 2025 (so its 2023 and 2024
# targets meet their actuals), three more 温州 places, 温州市 itself, and 易县 in 保定 (another province).
SYNTHETIC_REPORTS = [
    ("330381", 2024), ("330381", 2025),
    ("330382", 2023), ("330382", 2024),
    ("330324", 2023), ("330324", 2024),
    ("330300", 2024),
    ("130633", 2024),
]
SYNTHETIC_SEED = 0
# One report carries markup left over from a scraped web page; the reader must escape it.
HOSTILE_REPORT = ("330382", 2023)
HOSTILE_LINE = '附件：<script>alert("xss")</script><b>加粗</b>'
# Sentences written into a synthetic report's review of the past year, for states the generator
# leaves to chance: 瑞安市's 2024 report restates 2022's GDP differently from the seed report
# (1197.9亿元), and 乐清市's 2024 report states 2023's CPI close to its ≈3% target.
REVIEW_ADDITIONS = {
    ("330381", 2024): "2022年，全市实现地区生产总值1185亿元。",
    ("330382", 2024): "2023年，居民消费价格上涨3.2%。",
}

# A county panel as in ../shared/stats/county_statistics_panel.csv (万元, 万人): 平阳县 has no
# report here, so it is known to the peer groups only from these statistics. total_pop is the
# registered (户籍) population; resident population comes from the census rows below.
PANEL_HEADER = ["year", "province", "county", "gdp", "local_fiscal_revenue", "total_pop"]
PANEL_ROWS = [
    (2022, "浙江省", "瑞安市", 11979000, 740000, 152.0),
    (2023, "浙江省", "瑞安市", 13012000, 775000, 152.5),
    (2023, "浙江省", "乐清市", 14812000, 970502, 146.0),
    (2023, "浙江省", "永嘉县", 5713000, 408747, 87.0),
    (2023, "浙江省", "平阳县", 7118145, 400304, 86.5),
]


# Census units whose 2020 resident population the fixture lands, taken from the shipped census file.
CENSUS_CODES = ("330381", "330382", "330324", "330326")


def _synthetic_text(code: str, year: int) -> str:
    from ingest.sources.gazetteer import load_gazetteer
    from ingest.tools import synthetic

    places = load_gazetteer().places
    others = [places[c] for c, _ in SYNTHETIC_REPORTS]
    lines = synthetic.report_text(places[code], year, SYNTHETIC_SEED, others).split("\n")
    if (code, year) == HOSTILE_REPORT:
        lines.insert(1, HOSTILE_LINE)
    if (code, year) in REVIEW_ADDITIONS:
        review = next(i for i, line in enumerate(lines) if line.endswith("年工作回顾"))
        lines.insert(review + 2, REVIEW_ADDITIONS[(code, year)])
    return "\n".join(lines)


def write_documents(folder: Path) -> Path:
    """The fixture's documents: the seed report, the synthetic reports, and two that cannot be read."""
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in (".txt", ".meta.yml"):
        source = paths.SEEDS_DIR / f"{SEED_REPORT}{suffix}"
        if source.exists():
            shutil.copy(source, folder / source.name)
    from ingest.sources.gazetteer import load_gazetteer

    places = load_gazetteer().places
    for code, year in SYNTHETIC_REPORTS:
        place = places[code]
        target = folder / place.province_name / f"{code}_{place.name}_{year}.txt"
        target.parent.mkdir(exist_ok=True)
        target.write_text(_synthetic_text(code, year), encoding="utf-8")
    broken = folder / "broken"
    broken.mkdir(exist_ok=True)
    (broken / "empty.txt").write_bytes(b"")
    (broken / "notice.txt").write_text("关于做好春节期间安全生产工作的通知\n各单位：请认真做好值班值守工作。\n",
                                      encoding="utf-8")
    return folder


def write_panel(file: Path) -> Path:
    lines = [",".join(PANEL_HEADER)] + [",".join(str(v) for v in row) for row in PANEL_ROWS]
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return file


def write_census(file: Path) -> Path:
    """The 2020 census rows of CENSUS_CODES, in the shipped file's columns and values."""
    import csv

    with paths.SHIPPED_CENSUS_FILE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [row for row in reader if row["census_year"] == "2020" and row["census_code"] in CENSUS_CODES]
        header = reader.fieldnames
    with file.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return file


_BUILD_EMPTY = textwrap.dedent("""
    import sys
    from pathlib import Path
    from ingest.run.build import build_warehouse
    result = build_warehouse([Path(sys.argv[1])], Path(sys.argv[2]))
    print("\\n".join(result.dbt.failures))
    sys.exit(0 if result.success else 1)
""")


def _needs(session, fixture: str) -> bool:
    return any(fixture in getattr(item, "fixturenames", ()) for item in session.items)


@pytest.fixture(scope="session")
def _built(tmp_path_factory, request) -> dict[str, Path]:
    """Both warehouses: the empty one built in a second process while this one builds the full one."""
    from ingest.run.build import build_warehouse
    from ingest.sources.statistics import land_statistics

    root = tmp_path_factory.mktemp("app_warehouses")
    empty_build = None
    if _needs(request.session, "empty_warehouse"):
        (root / "empty" / "documents").mkdir(parents=True)
        empty_build = subprocess.Popen(
            [sys.executable, "-c", _BUILD_EMPTY, str(root / "empty" / "documents"),
             str(root / "empty" / "warehouse.duckdb")],
            cwd=paths.PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env=dict(os.environ, PYTHONPATH=str(paths.PROJECT_ROOT)),
        )
    warehouse = root / "full" / "warehouse.duckdb"
    warehouse.parent.mkdir()
    # Statistics first: the build keeps what is landed, so reconciliation and peers see them.
    load = land_statistics(write_panel(root / "full" / "panel.csv"), warehouse)
    assert not load.unmapped and not load.ambiguous, (load.unmapped, load.ambiguous)
    census = land_statistics(write_census(root / "full" / "census.csv"), warehouse)
    assert len(census.rows) == len(CENSUS_CODES) and not census.left_out, census.left_out
    messages: list[str] = []
    result = build_warehouse([write_documents(root / "full" / "documents")], warehouse, log=messages.append)
    assert result.success, "\n".join(messages)
    built = {"full": warehouse}
    if empty_build is not None:
        output, _ = empty_build.communicate(timeout=600)
        assert empty_build.returncode == 0, output
        built["empty"] = root / "empty" / "warehouse.duckdb"
    return built


@pytest.fixture(autouse=True)
def _release_held_connections():
    """The app holds a read-only connection between queries; a test that writes needs the file free."""
    yield
    from app import warehouse

    warehouse.close_idle_connections()


@pytest.fixture(scope="session")
def warehouse(_built) -> Path:
    """The fixture warehouse (read it, never write it: use `warehouse_copy` to change it)."""
    return _built["full"]


@pytest.fixture
def warehouse_copy(warehouse, tmp_path) -> Path:
    """A copy of the fixture warehouse of this test's own, to change."""
    return Path(shutil.copy(warehouse, tmp_path / "warehouse.duckdb"))


@pytest.fixture(scope="session")
def empty_warehouse(_built) -> Path:
    """A build of an empty folder: every mart there, no rows."""
    return _built["empty"]


@pytest.fixture(scope="session")
def read(warehouse):
    """Ask the fixture warehouse directly (what the page is checked against)."""
    from app import warehouse as app_warehouse

    def ask(sql: str, params: list | tuple = ()):
        # The app's own configuration: DuckDB refuses a second one while the app holds the file.
        with app_warehouse.connect(warehouse) as connection:
            return connection.execute(sql, list(params)).df()
    return ask


@pytest.fixture(scope="session")
def report_of(read):
    """report_of(place_code, report_year) → the report_id the build gave that report."""
    ids = read("select place_code, report_year, report_id from dim_reports")
    lookup = {(c, int(y)): r for c, y, r in zip(ids["place_code"], ids["report_year"], ids["report_id"])}
    return lambda place_code, report_year: lookup[(place_code, report_year)]


def run_page(warehouse_path: Path | None, page: str = "profile.py", *, query_params: dict | None = None,
             lang: str | None = None, timeout: float = 30):
    """Open the app on `page` (a file in app/views) over this warehouse, as a user following a link."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ENTRY), default_timeout=timeout)
    if warehouse_path is not None:
        at.secrets["warehouse"] = str(warehouse_path)
    if lang:
        at.session_state["lang"] = lang
    for key, value in (query_params or {}).items():
        at.query_params[key] = value
    at.run()
    if page != "profile.py":
        # AppTest must run the default page (the profile) first, which rewrites the link's parameters
        # to its own choices; a browser following the link runs only the linked page.
        for key in list(at.query_params):
            del at.query_params[key]
        for key, value in (query_params or {}).items():
            at.query_params[key] = value
        at.switch_page(f"views/{page}").run()
    return at


def shown_text(at) -> str:
    """Everything a reader sees as text: titles, markdown, captions, alerts."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        parts += [str(element.value) for element in getattr(at, kind)]
    return "\n".join(parts)


def table(at, key: str):
    """The DataFrame shown by ui.show_table(frame, key)."""
    return at.get_by_key(key).dataframe[0].value


def stated_values(read, indicator_id: str, year: int, place_codes: list[str], value_kind: str = "actual"):
    """fct_indicator_values for these places in one year, largest first (what a ranking is checked against)."""
    return read(
        "select v.place_code, v.place_name, v.value, v.bound, v.unit, v.quote from fct_indicator_values v "
        "where v.indicator_id = ? and v.reference_year = ? and v.value_kind = ? and list_contains(?, v.place_code) "
        "order by v.value desc, v.place_code",
        [indicator_id, year, value_kind, place_codes],
    ).reset_index(drop=True)
