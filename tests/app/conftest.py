"""Small DuckDB warehouses in the mart shapes, written fresh per test, for the app's tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

APP_DIR = Path(__file__).resolve().parents[2] / "app"
ENTRY = APP_DIR / "streamlit_app.py"
PAGE_FILES = ["profile.py", "benchmark.py", "targets.py", "attention.py", "reader.py", "coverage.py", "sql.py"]

SCHEMA = """
create table dim_places (
    place_code varchar, place_name varchar, short_name varchar, level varchar, parent_code varchar,
    prefecture_code varchar, prefecture_name varchar, province_code varchar, province_name varchar,
    n_reports integer);
create table dim_indicators (
    indicator_id varchar, name_zh varchar, name_en varchar, measure varchar, unit varchar,
    higher_is_better boolean);
create table dim_reports (
    report_id varchar, place_code varchar, place_name varchar, report_year integer, source_files varchar,
    is_work_report boolean, title varchar, char_count integer, lost_char_runs integer,
    is_truncated boolean, non_report_reason varchar, label_conflict varchar, n_sentences integer,
    n_mentions integer, n_values integer);
create table dim_report_texts (report_id varchar, report_text varchar, body_start integer, body_end integer);
create table fct_report_sentences (
    report_id varchar, sentence_id varchar, sentence_index integer, section_role varchar,
    section_title varchar, char_start integer, char_end integer, sentence_text varchar);
create table fct_metric_mentions (
    mention_id varchar, report_id varchar, sentence_id varchar, place_code varchar, report_year integer,
    char_start integer, char_end integer, surface varchar, subject varchar, verb varchar,
    indicator_id varchar, value double, value_upper double, bound varchar, unit varchar, unit_raw varchar,
    value_kind varchar, reference_year integer, is_multi_year boolean, is_rank boolean,
    rank_scope varchar, is_sub_area boolean);
create table fct_indicator_values (
    place_code varchar, place_name varchar, indicator_id varchar, reference_year integer,
    value_kind varchar, value double, value_upper double, bound varchar, unit varchar,
    report_id varchar, quote varchar, report_year integer, sentence_id varchar,
    char_start integer, char_end integer, mention_id varchar);
"""

PLACES = [
    # code, name, short, level, parent, prefecture code/name, province code/name
    ("330000", "浙江省", "浙江", "province", None, None, None, "330000", "浙江省"),
    ("330300", "温州市", "温州", "prefecture", "330000", "330300", "温州市", "330000", "浙江省"),
    ("330302", "鹿城区", "鹿城", "district", "330300", "330300", "温州市", "330000", "浙江省"),
    ("330324", "永嘉县", "永嘉", "county", "330300", "330300", "温州市", "330000", "浙江省"),
    ("330381", "瑞安市", "瑞安", "county_level_city", "330300", "330300", "温州市", "330000", "浙江省"),
    ("330382", "乐清市", "乐清", "county_level_city", "330300", "330300", "温州市", "330000", "浙江省"),
    ("130000", "河北省", "河北", "province", None, None, None, "130000", "河北省"),
    ("130600", "保定市", "保定", "prefecture", "130000", "130600", "保定市", "130000", "河北省"),
    ("130633", "易县", "易县", "county", "130600", "130600", "保定市", "130000", "河北省"),
]

INDICATORS = [
    ("gdp", "地区生产总值", "Gross regional product", "level", "CNY", True),
    ("gdp_growth", "地区生产总值增速", "Gross regional product growth (real)", "growth", "percent", True),
    ("new_urban_jobs", "城镇新增就业", "New urban jobs", "level", "persons", True),
    ("general_budget_revenue_growth", "一般公共预算收入增速", "General public budget revenue growth",
     "growth", "percent", True),
    ("urban_registered_unemployment_rate", "城镇登记失业率", "Registered urban unemployment rate",
     "rate", "percent", False),
    ("cpi_growth", "居民消费价格涨幅", "Consumer price index change", "growth", "percent", None),
]

# place → reference year → (GDP in 亿元, GDP growth %, new urban jobs in persons)
ACTUALS = {
    "330381": {2021: (1103.3, 8.6, 17500), 2022: (1197.9, 3.6, 18900), 2023: (1298.5, 6.9, 19200)},
    "330382": {2021: (1339.4, 8.9, 20100), 2022: (1395.0, 3.2, 21000), 2023: (1481.2, 6.1, 21500)},
    "330324": {2021: (512.6, 9.1, 8000), 2022: (535.7, 4.0, 8200), 2023: (571.3, 6.4, 8600)},
    "130633": {2021: (133.2, 5.5, 3000), 2022: (139.8, 4.1, 3100), 2023: (148.6, 5.2, 3200)},
    "330300": {2021: (7585.0, 7.7, 120000), 2022: (8029.8, 3.7, 125000), 2023: (8730.6, 6.8, 130000)},
}
# place → target year → (GDP growth target %, its bound, new urban jobs target)
TARGETS = {
    "330381": {2022: (7.5, "approx", 15000), 2023: (7.0, "ge", 15000), 2024: (6.5, "approx", 16000)},
    "330382": {2022: (8.0, "approx", 18000), 2023: (6.5, "approx", 18000), 2024: (6.0, "ge", 18000)},
    "330324": {2022: (8.5, "approx", 7000), 2023: (7.0, "approx", 7000), 2024: (6.5, "approx", 7000)},
    "130633": {2022: (6.5, "ge", 2500), 2023: (6.0, "approx", 2500), 2024: (6.0, "approx", 2500)},
    "330300": {2022: (7.5, "approx", 100000), 2023: (7.0, "approx", 100000), 2024: (6.5, "approx", 100000)},
}
NAMES = {p[0]: p[1] for p in PLACES}
# One report carries markup left over from a scraped web page; the reader must escape it.
HOSTILE_PREAMBLE = '附件：<script>alert("xss")</script><b>加粗</b>\n'


@dataclass
class Mention:
    surface: str
    indicator_id: str | None
    value: float
    unit: str
    unit_raw: str
    value_kind: str
    reference_year: int
    bound: str = "eq"
    value_upper: float | None = None


@dataclass
class ReportBuilder:
    """Builds a report text piece by piece, so every offset is right by construction."""

    report_id: str
    place_code: str
    report_year: int
    text: str = ""
    sentences: list = field(default_factory=list)
    mentions: list = field(default_factory=list)  # (Mention, start, end, sentence_id)
    _sentence_start: int = 0
    _role: str = "preamble"
    _section_title: str | None = None

    def section(self, role: str, title: str) -> None:
        self._role, self._section_title = role, title
        self.sentence(title + "\n")

    def sentence(self, *pieces) -> None:
        sentence_id = f"{self.report_id}-s{len(self.sentences):03d}"
        start = len(self.text)
        for piece in pieces:
            if isinstance(piece, Mention):
                begin = len(self.text)
                self.text += piece.surface
                self.mentions.append((piece, begin, len(self.text), sentence_id))
            else:
                self.text += piece
        self.sentences.append(
            (self.report_id, sentence_id, len(self.sentences), self._role, self._section_title,
             start, len(self.text), self.text[start:])
        )


def _report(place_code: str, report_year: int, hostile: bool = False) -> ReportBuilder:
    name = NAMES[place_code]
    report = ReportBuilder(f"r_{place_code}_{report_year}", place_code, report_year)
    report.sentence(f"{name}政府工作报告\n")
    if hostile:
        report.sentence(HOSTILE_PREAMBLE)
    report.sentence("各位代表：\n")
    previous = report_year - 1
    if previous in ACTUALS[place_code]:
        gdp, growth, jobs = ACTUALS[place_code][previous]
        report.section("review", f"一、{previous}年工作回顾")
        report.sentence(
            f"{previous}年，全市实现地区生产总值",
            Mention(f"{gdp:g}亿元", "gdp", gdp * 1e8, "CNY", "亿元", "actual", previous),
            "，增长",
            Mention(f"{growth:g}%", "gdp_growth", growth, "percent", "%", "actual", previous),
            "。",
        )
        report.sentence(
            "城镇新增就业",
            Mention(f"{jobs / 1e4:g}万人", "new_urban_jobs", jobs, "persons", "万人", "actual", previous),
            "，新建5G基站",
            Mention("1200个", None, 1200, "count", "个", "other", previous),
            "。\n",
        )
    if report_year in TARGETS[place_code]:
        growth, bound, jobs = TARGETS[place_code][report_year]
        suffix = {"approx": "左右", "ge": "以上"}[bound]
        report.section("targets", f"二、{report_year}年主要目标")
        report.sentence(
            "主要预期目标是：地区生产总值增长",
            Mention(f"{growth:g}%{suffix}", "gdp_growth", growth, "percent", "%", "target", report_year, bound),
            "，城镇新增就业",
            Mention(f"{jobs / 1e4:g}万人以上", "new_urban_jobs", jobs, "persons", "万人", "target",
                    report_year, "ge"),
            "，一般公共预算收入增长",
            Mention("6%—6.5%", "general_budget_revenue_growth", 6.0, "percent", "%", "target",
                    report_year, "range", 6.5),
            "。\n",
        )
    return report


def write_warehouse(path: Path, place_codes: list[str], report_years: list[int],
                    hostile_report: str | None = None) -> Path:
    """A warehouse with the mart tables for these places' reports (values derived from mentions)."""
    reports = [
        _report(code, year, hostile=f"r_{code}_{year}" == hostile_report)
        for code in place_codes for year in report_years
    ]
    conn = duckdb.connect(str(path))
    conn.execute(SCHEMA)
    n_reports = {code: sum(r.place_code == code for r in reports) for code in NAMES}
    conn.executemany("insert into dim_places values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [p + (n_reports[p[0]],) for p in PLACES])
    conn.executemany("insert into dim_indicators values (?, ?, ?, ?, ?, ?)", INDICATORS)
    for report in reports:
        kept = [(m, s, e, sid) for m, s, e, sid in report.mentions if m.indicator_id]
        conn.execute(
            "insert into dim_reports values (?, ?, ?, ?, ?, true, ?, ?, 0, false, null, null, ?, ?, ?)",
            (report.report_id, report.place_code, NAMES[report.place_code], report.report_year,
             f"seeds/{report.report_id}.txt", f"{report.report_year}年{NAMES[report.place_code]}政府工作报告",
             len(report.text), len(report.sentences), len(report.mentions), len(kept)),
        )
        conn.execute("insert into dim_report_texts values (?, ?, 0, ?)",
                     (report.report_id, report.text, len(report.text)))
        conn.executemany("insert into fct_report_sentences values (?, ?, ?, ?, ?, ?, ?, ?)", report.sentences)
        for index, (m, start, end, sentence_id) in enumerate(report.mentions):
            mention_id = f"{report.report_id}-m{index:03d}"
            conn.execute(
                "insert into fct_metric_mentions values "
                "(?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, ?, ?, ?, ?, ?, ?, ?, false, false, null, false)",
                (mention_id, report.report_id, sentence_id, report.place_code, report.report_year,
                 start, end, m.surface, m.indicator_id, m.value, m.value_upper, m.bound, m.unit,
                 m.unit_raw, m.value_kind, m.reference_year),
            )
            if m.indicator_id:
                quote = next(s[7] for s in report.sentences if s[1] == sentence_id)
                conn.execute(
                    "insert into fct_indicator_values values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (report.place_code, NAMES[report.place_code], m.indicator_id, m.reference_year,
                     m.value_kind, m.value, m.value_upper, m.bound, m.unit, report.report_id, quote.strip(),
                     report.report_year, sentence_id, start, end, mention_id),
                )
    conn.close()
    return path


@pytest.fixture(autouse=True)
def _release_held_connections():
    """The app holds a read-only connection between queries; each test's warehouse is its own."""
    yield
    from app import data

    data.close_idle_connections()


@pytest.fixture
def warehouse(tmp_path) -> Path:
    """温州市, three of its county-level places, and 易县 (保定市); reports 2022–2024: actuals 2021–2023, targets 2022–2024."""
    return write_warehouse(tmp_path / "warehouse.duckdb", ["330381", "330382", "330324", "130633", "330300"],
                           [2022, 2023, 2024], hostile_report="r_330382_2023")


@pytest.fixture
def single_place_warehouse(tmp_path) -> Path:
    """Only 瑞安市, one report (2023): no peers, one year of actuals, one of targets."""
    return write_warehouse(tmp_path / "single.duckdb", ["330381"], [2023])


@pytest.fixture
def empty_warehouse(tmp_path) -> Path:
    """Every table present, every table empty (a build over an empty folder)."""
    path = tmp_path / "empty.duckdb"
    conn = duckdb.connect(str(path))
    conn.execute(SCHEMA)
    conn.close()
    return path


@pytest.fixture
def bare_warehouse(tmp_path) -> Path:
    """A warehouse file with no mart tables at all (dbt has not run yet)."""
    path = tmp_path / "bare.duckdb"
    duckdb.connect(str(path)).close()
    return path


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


# --- the marts beyond the values: peers, attention, target records, statistics, quality ----------

# Resident population (persons) for the derived per-capita rows.
POPULATION = {"330381": 1.52e6, "330382": 1.46e6, "330324": 0.87e6}
# Curated term counts per place × report year (光伏 solar PV, 乡村振兴 rural revitalisation).
TERM_COUNTS = {
    "光伏": {"330381": {2022: 2, 2023: 5, 2024: 3}, "330382": {2022: 1, 2023: 7, 2024: 0},
             "330324": {2022: 0, 2023: 2, 2024: 1}, "130633": {2022: 4, 2023: 1, 2024: 0},
             "330300": {2022: 1, 2023: 1, 2024: 1}},
    "乡村振兴": {"330381": {2022: 3, 2023: 3, 2024: 4}, "330382": {2022: 2, 2023: 2, 2024: 2},
               "330324": {2022: 6, 2023: 5, 2024: 5}, "130633": {2022: 8, 2023: 7, 2024: 9},
               "330300": {2022: 2, 2023: 2, 2024: 2}},
}
# Tokens of fct_report_terms beyond the curated ones (present only where counted).
TOKEN_COUNTS = {
    "光伏电站": {"330381": {2023: 2}, "330382": {2023: 1}},
    "新质生产力": {"330381": {2024: 3}, "330382": {2024: 2}, "330300": {2024: 4}},
}

EXTRAS = """
create schema if not exists catalogue;
create table catalogue.peer_groups as
select * from (values ('wenzhou_counties', '温州县域', 'Wenzhou counties'),
                      ('same_prefecture', '同市县域', 'County-level units of the same prefecture'))
       t(peer_group_id, name_zh, name_en);
insert into dim_indicators values ('gdp_per_capita', '人均地区生产总值', 'Gross regional product per capita',
                                   'per_capita', 'CNY', true);
create table fct_peer_benchmarks as
with vals as (
    select place_code, place_name, indicator_id, reference_year, value_kind, value, unit,
           'report' as value_source, report_id
    from fct_indicator_values where place_code in ('330381', '330382', '330324')
    union all
    -- 平阳县 is known only from the statistics panel.
    select '330326', '平阳县', 'gdp', 2023, 'actual', 1.4e11, 'CNY', 'statistics', null
    union all
    select v.place_code, v.place_name, 'gdp_per_capita', v.reference_year, 'actual', v.value / p.population,
           'CNY', 'derived', v.report_id
    from fct_indicator_values v join population p using (place_code)
    where v.indicator_id = 'gdp' and v.value_kind = 'actual'
),
scored as (
    select v.*, case when coalesce(i.higher_is_better, true) then v.value else -v.value end as merit
    from vals v join dim_indicators i using (indicator_id)
),
ranked as (
    select s.* exclude (merit),
           rank() over w as peer_rank,
           count(*) over k as n_peers_with_data,
           count(*) filter (where value_source = 'statistics') over k as n_peers_from_statistics,
           median(value) over k as peer_median,
           first_value(place_code) over w as leader_place_code,
           first_value(place_name) over w as leader_place_name,
           first_value(value) over w as leader_value
    from scored s
    window w as (partition by indicator_id, reference_year, value_kind order by merit desc
                 rows between unbounded preceding and unbounded following),
           k as (partition by indicator_id, reference_year, value_kind)
)
select place_code, place_name, g.peer_group_id, g.group_key, indicator_id, reference_year, value_kind,
       value, unit, value_source, report_id, peer_median, peer_rank, n_peers_with_data, n_peers_from_statistics,
       if(n_peers_with_data = 1, 1.0, 1 - (peer_rank - 1) / (n_peers_with_data - 1)) as percentile,
       leader_place_code, leader_place_name, leader_value, value - leader_value as gap_to_leader
from ranked cross join (values ('wenzhou_counties', 'wenzhou_counties'), ('same_prefecture', '330300'))
     g(peer_group_id, group_key);
create table fct_target_records as
select * from (values
    ('330381', '瑞安市', 'new_urban_jobs', 2, 2, 0, 1.0, 2022, 2023, 2, 2),
    ('330381', '瑞安市', 'gdp_growth', 2, 0, 2, 0.0, 2022, 2023, 0, 0)
) t(place_code, place_name, indicator_id, n_judged, n_met, n_missed, met_share, first_year, last_year,
    current_streak, longest_streak);
create table fct_reconciliation as
select * from (values
    ('330381', '瑞安市', 'gdp', 2023, 'CNY', 1.2985e11, 'eq', 1.3012e11, -2.7e8, -0.0021, true,
     'r_330381_2024', '2023年，全市实现地区生产总值1298.5亿元'),
    ('330381', '瑞安市', 'gdp', 2022, 'CNY', 1.1979e11, 'eq', 1.1500e11, 4.79e9, 0.0417, false,
     'r_330381_2023', '2022年，全市实现地区生产总值1197.9亿元')
) t(place_code, place_name, indicator_id, reference_year, unit, report_value, report_bound, statistics_value,
    gap, gap_relative, agrees, report_id, quote);
create table fct_ingest_errors as
select * from (values ('incoming/scan-2019.pdf', 'no text layer (a scanned PDF)')) t(source_ref, reason);
create table fct_restatements as
select * from (values
    ('330381', '瑞安市', 'gdp', 2022, 'r_330381_2023', 2023, 1.1979e11, 'eq', 'CNY', '2022年地区生产总值1197.9亿元',
     1.1979e11, 'r_330381_2023', true, 0.0, true),
    ('330381', '瑞安市', 'gdp', 2022, 'r_330381_2024', 2024, 1.1850e11, 'eq', 'CNY', '上年地区生产总值1185亿元',
     1.1979e11, 'r_330381_2023', false, -0.0108, true)
) t(place_code, place_name, indicator_id, reference_year, report_id, report_year, value, bound, unit, quote,
    preferred_value, preferred_report_id, is_preferred, relative_difference, disagrees);
"""


def add_extras(path: Path) -> Path:
    """Add the peer, attention, target-record, statistics and quality marts to a fixture warehouse."""
    conn = duckdb.connect(str(path))
    conn.execute("create temp table population (place_code varchar, population double)")
    conn.executemany("insert into population values (?, ?)", list(POPULATION.items()))
    conn.execute(EXTRAS)
    reports = conn.execute("select report_id, place_code, place_name, report_year, char_count from dim_reports").fetchall()
    attention, tokens = [], []
    for report_id, code, name, year, chars in reports:
        for term, counts in TERM_COUNTS.items():
            n = counts.get(code, {}).get(year, 0)
            attention.append((report_id, code, name, year, term, {"光伏": "solar PV"}.get(term, "rural revitalisation"),
                              "energy" if term == "光伏" else "rural", n, round(1e4 * n / chars, 3)))
            if n:
                tokens.append((report_id, code, name, year, term, n, round(1e4 * n / chars, 3)))
        for term, counts in TOKEN_COUNTS.items():
            n = counts.get(code, {}).get(year, 0)
            if n:
                tokens.append((report_id, code, name, year, term, n, round(1e4 * n / chars, 3)))
    conn.execute("""create table fct_term_attention (report_id varchar, place_code varchar, place_name varchar,
                    report_year integer, term varchar, name_en varchar, theme varchar, n_occurrences integer,
                    per_10k_chars double)""")
    conn.executemany("insert into fct_term_attention values (?, ?, ?, ?, ?, ?, ?, ?, ?)", attention)
    conn.execute("""create table fct_report_terms (report_id varchar, place_code varchar, place_name varchar,
                    report_year integer, term varchar, n_occurrences integer, per_10k_chars double)""")
    conn.executemany("insert into fct_report_terms values (?, ?, ?, ?, ?, ?, ?)", tokens)
    conn.close()
    return path


@pytest.fixture
def full_warehouse(warehouse) -> Path:
    """The fixture warehouse with every mart of docs/warehouse.md (peers incl. 温州县域 and per-capita,
    term attention, target records, reconciliation, ingest errors, restatements)."""
    return add_extras(warehouse)


@pytest.fixture
def warehouse_without_statistics(full_warehouse) -> Path:
    """All marts, but no statistics panel was loaded: fct_reconciliation is empty."""
    conn = duckdb.connect(str(full_warehouse))
    conn.execute("delete from fct_reconciliation")
    conn.close()
    return full_warehouse
