"""The place profile: a place's latest actuals and newest targets, each with its peer rank, quote and
link to the sentence; its record of meeting targets; and its report figures against official statistics."""

from conftest import run_page, shown_text, table

from app.charts import SOURCE_COLOURS, SOURCE_TINTS
from app.formatting import format_value


def latest_actual(read, place_code: str, indicator_id: str):
    return read("select * from fct_indicator_values where place_code = ? and indicator_id = ? and value_kind = 'actual' "
                "order by reference_year desc limit 1", [place_code, indicator_id]).iloc[0]


def test_ruian_profile_shows_latest_actuals_and_targets(warehouse, read):
    at = run_page(warehouse, query_params={"place": "330381"})
    assert at.title[0].value == "瑞安市"
    gdp = latest_actual(read, "330381", "gdp")
    actuals = table(at, "profile_actuals_table").set_index("指标")
    assert actuals.loc["地区生产总值", "年份"] == gdp["reference_year"]
    assert actuals.loc["地区生产总值", "数值"] == format_value(gdp["value"], "CNY", "eq", None, "zh")
    assert actuals.loc["地区生产总值", "原文"] == gdp["quote"]
    newest = read("select max(report_year) from fct_indicator_values where place_code = '330381' "
                  "and value_kind = 'target'").iloc[0, 0]
    assert at.subheader[1].value == f"{newest} 年报告提出的目标"
    targets = read("select i.name_zh, v.value, v.bound from fct_indicator_values v join dim_indicators i using (indicator_id) "
                   "where v.place_code = '330381' and v.value_kind = 'target' and v.report_year = ?", [newest.item()])
    shown = table(at, "profile_targets_table").set_index("指标")
    assert sorted(shown.index) == sorted(targets["name_zh"])
    for name, value, bound in targets.itertuples(index=False):
        assert shown.loc[name, "数值"].startswith({"ge": "≥", "le": "≤", "approx": "≈"}.get(bound, "")), name


def test_a_range_target_shows_both_ends(warehouse, read):
    # 易县's 2024 report sets growth as a range (地区生产总值增长6.4%—6.9%).
    target = read("select value, value_upper from fct_indicator_values where place_code = '130633' "
                  "and indicator_id = 'gdp_growth' and value_kind = 'target' and bound = 'range'").iloc[0]
    at = run_page(warehouse, query_params={"place": "130633"})
    shown = table(at, "profile_targets_table").set_index("指标").loc["地区生产总值增速", "数值"]
    assert shown == f"{target['value']:g}–{target['value_upper']:g}%"


def test_the_default_place_is_one_with_reports(warehouse, read):
    at = run_page(warehouse)
    with_reports = set(read("select place_code from dim_reports")["place_code"])
    assert at.selectbox(key="profile_place").value in with_reports


def test_english_profile_uses_english_units(warehouse, read):
    gdp = latest_actual(read, "330381", "gdp")["value"]
    at = run_page(warehouse, query_params={"place": "330381"}, lang="en")
    assert at.subheader[0].value == "Latest actuals"
    shown = table(at, "profile_actuals_table").set_index("Indicator").loc["Gross regional product", "Value"]
    assert shown == format_value(gdp, "CNY", "eq", None, "en")
    assert shown.startswith("CNY ") and shown.endswith(" bn")  # 亿元 become billions of yuan


def test_an_empty_warehouse_says_there_is_nothing_yet(empty_warehouse):
    at = run_page(empty_warehouse)
    assert "还没有任何有报告或数据的地区" in at.info[0].value


def expected_rank(read, group_id: str, group_key: str, indicator_id: str, year: int) -> str:
    """The rank text an actual of `year` should show: that year's rank where a peer has a value too,
    else the latest year in which peers have statistics, with the year said."""
    ranks = read("select reference_year, peer_rank, n_peers_with_data, n_peers_without_data, n_peers_from_statistics "
                 "from fct_peer_benchmarks where place_code = '330381' and peer_group_id = ? and group_key = ? "
                 "and indicator_id = ? and value_kind = 'actual' order by reference_year",
                 [group_id, group_key, indicator_id]).set_index("reference_year")
    name = {"wenzhou_counties": "温州县域", "same_prefecture": "同市县域"}[group_id]
    note = ""
    if year not in ranks.index or ranks.loc[year, "n_peers_with_data"] <= 1:
        year = ranks[(ranks["n_peers_from_statistics"] > 0) & (ranks["n_peers_with_data"] > 1)].index.max()
        note = f"，{year} 年统计"
    rank = ranks.loc[year]
    return (f"第{rank['peer_rank']}/{rank['n_peers_with_data']}（{name}{note}）· {rank['n_peers_with_data']} 有数据 · "
            f"{rank['n_peers_without_data']} 无数据")


def test_each_headline_value_shows_its_rank_among_peers(warehouse, read):
    at = run_page(warehouse, query_params={"place": "330381"})
    # The named group 温州县域 is the default.
    assert at.selectbox(key="profile_group").value == "wenzhou_counties|wenzhou_counties"
    actuals = table(at, "profile_actuals_table").set_index("指标")
    for indicator, name in (("gdp", "地区生产总值"), ("gdp_growth", "地区生产总值增速")):
        year = latest_actual(read, "330381", indicator)["reference_year"].item()
        expected = expected_rank(read, "wenzhou_counties", "wenzhou_counties", indicator, year)
        assert actuals.loc[name, "同组排名"] == expected
        assert "· 0 无数据" not in expected or "8 有数据" in expected  # 8 members: counts add up


def test_the_peer_group_for_ranks_can_be_changed(warehouse, read):
    at = run_page(warehouse, query_params={"place": "330381"})
    at.selectbox(key="profile_group").set_value("same_prefecture|330300").run()
    year = latest_actual(read, "330381", "gdp")["reference_year"].item()
    actuals = table(at, "profile_actuals_table").set_index("指标")
    assert actuals.loc["地区生产总值", "同组排名"] == expected_rank(read, "same_prefecture", "330300", "gdp", year)
    assert at.query_params["group"] == "same_prefecture"


def test_a_rank_says_how_many_peers_have_a_value_and_how_many_have_none(warehouse, read):
    # 温州县域 has 8 members; in the fixture only some have a value in a given year.
    at = run_page(warehouse, query_params={"place": "330381"})
    shown = table(at, "profile_actuals_table")["同组排名"]
    counts = [text.rsplit("）· ", 1)[1] for text in shown if text != "—"]
    assert counts
    for text in counts:
        with_data, without = (int(part.split(" ")[0]) for part in text.split(" · "))
        assert with_data + without == 8


def test_each_headline_value_links_to_the_sentence_it_came_from(warehouse, read):
    gdp = latest_actual(read, "330381", "gdp")
    at = run_page(warehouse, query_params={"place": "330381"})
    link = table(at, "profile_actuals_table").set_index("指标").loc["地区生产总值", "原文出处"]
    assert link == (f"reader?report={gdp['report_id']}&mention={gdp['mention_id'].replace(':', '%3A')}"
                    f"&sentence={gdp['sentence_id'].replace(':', '%3A')}&place=330381")
    # Following the link opens the reader on that report, that value, that sentence.
    reader = run_page(warehouse, "reader.py", query_params={
        "report": gdp["report_id"], "mention": gdp["mention_id"], "sentence": gdp["sentence_id"]})
    assert reader.selectbox(key="reader_report").value == gdp["report_id"]
    assert reader.selectbox(key="reader_mention").value == gdp["mention_id"]
    body = next(h.proto.body for h in reader.get("html") if "<mark" in h.proto.body)
    focused = body.split('<span id="xz-focus"', 1)[1].split("</span>", 1)[0]
    surface = read("select surface from fct_metric_mentions where mention_id = ?", [gdp["mention_id"]]).iloc[0, 0]
    assert f"{surface}</mark>" in focused


def test_the_record_of_meeting_targets(warehouse, read):
    records = read("select i.name_zh, r.* from fct_target_records r join dim_indicators i using (indicator_id) "
                   "where r.place_code = '330381'").set_index("name_zh")
    n_judged, n_met = int(records["n_judged"].sum()), int(records["n_met"].sum())
    assert n_judged > n_met > 0  # the fixture must have met and missed targets
    at = run_page(warehouse, query_params={"place": "330381"})
    assert f"共判定 {n_judged} 项目标，完成 {n_met} 项（{100 * n_met / n_judged:.0f}%）。" in shown_text(at)
    shown = table(at, "profile_records_table").set_index("指标")
    assert sorted(shown.index) == sorted(records.index)
    for name, row in records.iterrows():
        assert shown.loc[name, "完成率"] == round(100 * row["met_share"])
        assert shown.loc[name, "当前连续完成"] == row["current_streak"]
        assert shown.loc[name, "最长连续完成"] == row["longest_streak"]


def test_report_figures_are_reconciled_with_statistics(warehouse, read):
    at = run_page(warehouse, query_params={"place": "330381"})
    shown = table(at, "profile_reconciliation_table")
    # The panel has 2022 and 2023: a revenue claim about 2024 stands beside 2023's figure, unjudged.
    revenue = shown[shown["指标"] == "一般公共预算收入"].set_index("报告所述年份").loc[2024]
    assert revenue["比较"] == "最近的统计数据：2023 年" and revenue["统计年份"] == 2023
    assert revenue[["报告 − 统计", "相对差距", "是否一致"]].tolist() == ["—", "—", "—"]
    assert revenue["统计数值"] == "77.5亿元"  # the panel's 2023 local_fiscal_revenue, 775000万元
    checks = shown[shown["指标"] == "地区生产总值"].set_index("报告所述年份")
    assert checks["比较"].tolist() == ["同年核对", "同年核对"]
    assert set(checks["统计来源"]) == {"panel"} and checks["版本"].str.endswith("panel.csv").all()
    # The panel's 2022 figure is the one the seed report states (1197.9亿元); its 2023 figure is not
    # what the synthetic 2024 report claims.
    assert checks.loc[2022, "报告数值"] == checks.loc[2022, "统计数值"] == "1197.9亿元"
    assert checks.loc[2022, "是否一致"] == "✅ 一致" and checks.loc[2022, "相对差距"] == "+0.0%"
    assert checks.loc[2023, "统计数值"] == "1301.2亿元"
    stored = read("select agrees, gap_relative from fct_reconciliation where place_code = '330381' "
                  "and indicator_id = 'gdp' and reference_year = 2023").iloc[0]
    assert checks.loc[2023, "是否一致"] == ("✅ 一致" if stored["agrees"] else "❌ 不一致")
    assert checks.loc[2023, "相对差距"] == f"{100 * stored['gap_relative']:+.1f}%"


def test_without_statistics_the_profile_says_how_to_load_them(warehouse_copy):
    import duckdb

    # What a build of a folder without statistics/ leaves, with no panel loaded.
    with duckdb.connect(str(warehouse_copy)) as connection:
        connection.execute("delete from fct_reconciliation")
        connection.execute("delete from fct_statistics")
    at = run_page(warehouse_copy, query_params={"place": "330381"})
    hints = [info.value for info in at.info if "xianzhi stats load" in info.value]
    assert len(hints) == 2 and all("statistics/" in hint and "seeds/" in hint for hint in hints)


def test_a_place_without_judged_targets_says_what_is_needed(warehouse, read):
    # 温州市 has one report (2024): its targets wait for 2024's actuals, and the panel has no row for it.
    assert read("select count(*) from fct_target_records where place_code = '330300'").iloc[0, 0] == 0
    at = run_page(warehouse, query_params={"place": "330300"})
    assert any("还没有可判定的目标" in info.value for info in at.info)
    assert any("没有可与该地区报告数值核对" in info.value for info in at.info)


def test_the_profile_charts_a_headline_against_the_peer_median(warehouse):
    at = run_page(warehouse, query_params={"place": "330381", "indicator": "gdp"})
    assert at.selectbox(key="profile_indicator").value == "gdp"
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    import json
    spec = json.loads(charts[0].proto.spec)
    lines, points = spec["layer"]
    assert lines["encoding"]["color"]["scale"]["domain"] == ["瑞安市", "温州县域中位数"]
    # Each of the place's points says where its value came from, in the sources' colours.
    fill = points["encoding"]["fill"]["scale"]
    assert set(fill["domain"]) <= {"工作报告", "统计数据", "推算"} and "工作报告" in fill["domain"]
    assert fill["range"] == [SOURCE_COLOURS[k] for k, label in
                             (("report", "工作报告"), ("statistics", "统计数据"), ("derived", "推算"))
                             if label in fill["domain"]]
    assert "🟧 工作报告所述 · 🟦 官方统计" in shown_text(at)


def test_a_prefecture_is_ranked_among_prefectures(warehouse, read):
    # 温州市 is in no county group: its ranks come from the groups of its own level.
    groups = read("select distinct peer_group_id || '|' || group_key as choice from fct_peer_benchmarks "
                  "where place_code = '330300'")["choice"].tolist()
    assert groups and not any(g.startswith(("wenzhou_counties", "same_prefecture")) for g in groups)
    at = run_page(warehouse, query_params={"place": "330300"})
    assert not at.exception
    assert sorted(at.selectbox(key="profile_group").options) == sorted(
        at.selectbox(key="profile_group").format_func(g) for g in groups)


def test_official_statistics_are_ranked_in_the_group_and_among_the_provinces_county_level_cities(warehouse, read):
    at = run_page(warehouse, query_params={"place": "330381"})
    shown = table(at, "profile_statistics_table").set_index("指标")
    stated = read("select * from fct_statistics where place_code = '330381' "
                  "qualify row_number() over (partition by indicator_id order by reference_year desc) = 1")
    gdp = stated.set_index("indicator_id").loc["gdp"]
    assert shown.loc["地区生产总值", "年份"] == gdp["reference_year"]
    assert shown.loc["地区生产总值", "统计数值"] == format_value(gdp["value"], "CNY", "eq", None, "zh")
    assert shown.loc["地区生产总值", "统计来源"] == gdp["source_name"] and shown.loc["地区生产总值", "版本"] == gdp["vintage"]
    for column, group_id, group_key, name in (("排名：温州县域", "wenzhou_counties", "wenzhou_counties", "温州县域"),
                                              ("排名：浙江省县级市", "same_province_level", "330000:county_level_city",
                                               "浙江省县级市")):
        rank = read("select peer_rank, n_peers_with_data, n_peers_without_data from fct_peer_benchmarks "
                    "where place_code = '330381' and peer_group_id = ? and group_key = ? and indicator_id = 'gdp' "
                    "and reference_year = ? and value_kind = 'actual'", [group_id, group_key, int(gdp["reference_year"])]).iloc[0]
        assert shown.loc["地区生产总值", column] == (
            f"第{rank['peer_rank']}/{rank['n_peers_with_data']}（{name}）· {rank['n_peers_with_data']} 有数据 · "
            f"{rank['n_peers_without_data']} 无数据")
    # Per-capita GDP divides by the census: the row says by which year's population.
    per_capita = read("select distinct value, population_year from fct_peer_benchmarks where place_code = '330381' "
                      "and indicator_id = 'gdp_per_capita' and reference_year = ?", [int(gdp["reference_year"])]).iloc[0]
    assert shown.loc["人均地区生产总值", "统计来源"] == f"推算：统计值 ÷ {int(per_capita['population_year'])} 年常住人口"
    assert shown.loc["人均地区生产总值", "统计数值"] == format_value(per_capita["value"], "CNY", "eq", None, "zh")
    # Rows are tinted by source, and the legend says which colour is which.
    proto = str(at.get_by_key("profile_statistics_table").dataframe[0].proto)
    assert SOURCE_TINTS["statistics"] in proto and SOURCE_TINTS["derived"] in proto
    assert "🟦 官方统计" in shown_text(at)


def test_the_statistics_table_reads_in_english(warehouse):
    at = run_page(warehouse, query_params={"place": "330381"}, lang="en")
    shown = table(at, "profile_statistics_table")
    assert "Rank: Wenzhou counties" in shown.columns
    assert "Rank: County-level city, 浙江省" in shown.columns
    assert shown["Rank: Wenzhou counties"].str.contains(r"^#\d+ of \d+ \(Wenzhou counties\) · \d+ with data, \d+ without$").all()
