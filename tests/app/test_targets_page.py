"""Targets against actuals: an analyst sees which of a place's targets were met, as the warehouse judged them."""

from conftest import run_page, shown_text, table

from app.formatting import format_delta

LABELS = {"met": "✅ 完成", "within_tolerance": "☑️ 基本完成", "missed": "❌ 未完成", "no_actual": "⏳ 暂无实际值",
          "not_judged": "❔ 未判定"}


def outcomes(read, place_codes: list[str]):
    return read("select o.*, i.name_zh, i.unit as indicator_unit from fct_target_outcomes o "
                "join dim_indicators i using (indicator_id) where list_contains(?, o.place_code)", [place_codes])


def test_ruian_targets_are_shown_as_the_warehouse_judged_them(warehouse, read):
    stored = outcomes(read, ["330381"])
    assert {"met", "missed", "no_actual"} <= set(stored["status"])  # the fixture must give each kind
    at = run_page(warehouse, "targets.py", query_params={"place": "330381"})
    rows = table(at, "targets_table")
    assert len(rows) == len(stored)
    shown = rows.set_index(["指标", "年份"])
    for row in stored.itertuples():
        assert shown.loc[(row.name_zh, row.reference_year), "完成情况"] == LABELS[row.status]
        if row.status != "no_actual":
            assert shown.loc[(row.name_zh, row.reference_year), "实际 − 目标"] == format_delta(row.gap, row.indicator_unit, "zh")
    counts = stored["status"].value_counts()
    assert (f"完成 {counts.get('met', 0)} 项 · 基本完成 {counts.get('within_tolerance', 0)} 项 · "
            f"未完成 {counts.get('missed', 0)} 项 · 暂无实际值 {counts.get('no_actual', 0)} 项") in shown_text(at)
    assert "fct_target_outcomes" in shown_text(at) and "容差" in shown_text(at)


def test_the_seed_reports_growth_target_is_judged_against_the_next_report(warehouse):
    # 瑞安市's 2023 report: 地区生产总值增长6.5%; its 2024 report states what 2023 reached.
    at = run_page(warehouse, "targets.py", query_params={"place": "330381"})
    rows = table(at, "targets_table")
    growth = rows[rows["指标"] == "地区生产总值增速"].set_index("年份")
    assert growth.loc[2023, "目标"] == "6.5%"
    assert "6.5%" in growth.loc[2023, "目标原文"]
    assert growth.loc[2023, "实际"] != "—" and growth.loc[2023, "完成情况"] in (LABELS["met"], LABELS["missed"])


def test_a_bound_decides_what_met_means(warehouse, read):
    # Across the 温州 places: a ≥ target is met exactly when the actual reaches it, a ≤ ceiling when
    # the actual stays under it, and an ≈ target close enough is "within tolerance".
    judged = outcomes(read, ["330381", "330382", "330324"])
    judged = judged[judged["status"] != "no_actual"]
    at = run_page(warehouse, "targets.py", query_params={"place": "330381"})
    at.radio(key="targets_scope").set_value("prefecture").run()
    rows = table(at, "targets_table").set_index(["地区", "指标", "年份"])
    seen = set()
    for row in judged.itertuples():
        status = rows.loc[(row.place_name, row.name_zh, row.reference_year), "完成情况"]
        if row.target_bound == "ge":
            assert status == LABELS["met" if row.actual_value >= row.target_value else "missed"], row
        elif row.target_bound == "le":
            assert status == LABELS["met" if row.actual_value <= row.target_value else "missed"], row
        elif row.target_bound == "approx" and abs(row.actual_value - row.target_value) <= row.tolerance:
            assert status == LABELS["within_tolerance"], row
        seen.add(row.target_bound)
    assert {"ge", "le", "approx"} <= seen
    assert (rows["完成情况"] == LABELS["within_tolerance"]).any()


def test_the_status_filter_hides_rows(warehouse):
    at = run_page(warehouse, "targets.py", query_params={"place": "330381"})
    at.multiselect(key="targets_status").set_value(["missed"]).run()
    assert set(table(at, "targets_table")["完成情况"]) == {"❌ 未完成"}


def test_prefecture_scope_lists_all_wenzhou_places(warehouse, read):
    at = run_page(warehouse, "targets.py", query_params={"place": "330381"})
    at.radio(key="targets_scope").set_value("prefecture").run()
    with_targets = set(outcomes(read, ["330381", "330382", "330324"])["place_name"])
    assert with_targets == {"瑞安市", "乐清市", "永嘉县"}
    assert set(table(at, "targets_table")["地区"]) == with_targets


def test_an_indicator_deep_link_opens_its_chart(warehouse):
    at = run_page(warehouse, "targets.py", query_params={"place": "330381", "indicator": "new_urban_jobs"})
    assert at.selectbox(key="targets_chart_indicator").value == "new_urban_jobs"
    assert "[对标比较](benchmark?place=330381&indicator=new_urban_jobs)" in shown_text(at)
    assert len(at.get("vega_lite_chart")) == 1


def test_the_targets_table_can_be_downloaded(warehouse):
    at = run_page(warehouse, "targets.py", query_params={"place": "330381"})
    assert at.get("download_button")[0].proto.label == "下载 CSV"
