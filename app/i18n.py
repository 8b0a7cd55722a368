"""Interface labels in Chinese and English, and the current language (sidebar switch, default 中文)."""

from __future__ import annotations

import streamlit as st

LANGUAGES = {"zh": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh"

LABELS: dict[str, dict[str, str]] = {
    # navigation and shell
    "app_title": {"zh": "县志 · 政府工作报告对标", "en": "Xianzhi · work-report benchmarks"},
    "language": {"zh": "语言 / Language", "en": "语言 / Language"},
    "page_profile": {"zh": "地区概况", "en": "Place profile"},
    "page_benchmark": {"zh": "对标比较", "en": "Peer comparison"},
    "page_targets": {"zh": "目标与完成", "en": "Targets"},
    "page_reader": {"zh": "报告原文", "en": "Report reader"},
    "page_coverage": {"zh": "覆盖与质量", "en": "Coverage and quality"},
    "page_sql": {"zh": "SQL 控制台", "en": "SQL console"},
    "warehouse_missing": {
        "zh": "找不到数据仓库文件：{path}。请先运行 `make build`（或 `xianzhi build`），或在 secrets 中设置 `warehouse`、在环境变量中设置 `XIANZHI_WAREHOUSE`。",
        "en": "No warehouse file at {path}. Build it with `make build` (or `xianzhi build`), or set `warehouse` in secrets or `XIANZHI_WAREHOUSE`.",
    },
    "warehouse_mismatch": {
        "zh": "数据仓库的结构与本应用不一致（可能正在重建）：{error}",
        "en": "The warehouse does not have the shape this app expects (it may be mid-rebuild): {error}",
    },
    "table_missing": {
        "zh": "此页需要数据表 {tables}，当前数据仓库中尚无。",
        "en": "This page needs the table(s) {tables}, which this warehouse does not have yet.",
    },
    "warehouse_caption": {"zh": "数据仓库：{path}", "en": "Warehouse: {path}"},
    "download_csv": {"zh": "下载 CSV", "en": "Download CSV"},
    "no_places": {"zh": "数据仓库中还没有任何有报告或数据的地区。", "en": "The warehouse has no place with reports or values yet."},
    # shared columns
    "col_place": {"zh": "地区", "en": "Place"},
    "col_indicator": {"zh": "指标", "en": "Indicator"},
    "col_year": {"zh": "年份", "en": "Year"},
    "col_value": {"zh": "数值", "en": "Value"},
    "col_quote": {"zh": "原文", "en": "Quote"},
    "col_report": {"zh": "报告", "en": "Report"},
    "place": {"zh": "地区", "en": "Place"},
    "indicator": {"zh": "指标", "en": "Indicator"},
    "year": {"zh": "年份", "en": "Year"},
    "value_kind": {"zh": "口径", "en": "Kind"},
    "kind_actual": {"zh": "实际值", "en": "Actual"},
    "kind_target": {"zh": "目标值", "en": "Target"},
    "kind_other": {"zh": "其他", "en": "Other"},
    # profile
    "profile_actuals": {"zh": "最新实际值", "en": "Latest actuals"},
    "profile_targets": {"zh": "{year} 年报告提出的目标", "en": "Targets set in the {year} report"},
    "profile_no_actuals": {"zh": "该地区还没有提取到实际值。", "en": "No actual values have been extracted for this place yet."},
    "profile_no_targets": {"zh": "该地区还没有提取到目标值。", "en": "No targets have been extracted for this place yet."},
    "profile_meta": {
        "zh": "{level} · {parents} · 报告 {n_reports} 份 · 数值 {n_values} 条",
        "en": "{level} · {parents} · {n_reports} reports · {n_values} values",
    },
    "level_province": {"zh": "省级", "en": "Province"},
    "level_prefecture": {"zh": "地级", "en": "Prefecture"},
    "level_county": {"zh": "县", "en": "County"},
    "level_county_level_city": {"zh": "县级市", "en": "County-level city"},
    "level_district": {"zh": "市辖区", "en": "District"},
    # benchmark
    "peers": {"zh": "对标地区", "en": "Peers"},
    "peer_source": {"zh": "对标组", "en": "Peer group"},
    "peer_source_app": {"zh": "按行政区划（可自选）", "en": "By administrative area (editable)"},
    "peer_group_caption": {
        "zh": "数据仓库定义的对标组，共 {n} 个地区有数据；仅有统计公报数据的地区也参与排名。",
        "en": "A peer group defined in the warehouse: {n} places with data; places known only from official statistics take part.",
    },
    "col_source": {"zh": "来源", "en": "Source"},
    "source_report": {"zh": "工作报告", "en": "Work report"},
    "source_statistics": {"zh": "统计数据", "en": "Statistics"},
    "peer_scope": {"zh": "默认对标范围", "en": "Default peers"},
    "scope_prefecture": {"zh": "同一地级市", "en": "Same prefecture"},
    "scope_province": {"zh": "同一省份", "en": "Same province"},
    "scope_all": {"zh": "全部有数据的地区", "en": "All places with data"},
    "bench_bar_title": {"zh": "{year} 年 {indicator}", "en": "{indicator}, {year}"},
    "bench_lines_title": {"zh": "历年走势", "en": "Over the years"},
    "bench_ranked": {"zh": "排名", "en": "Ranking"},
    "bench_no_data": {"zh": "所选地区在该指标上没有数据。", "en": "None of the chosen places has data on this indicator."},
    "bench_no_indicator": {"zh": "数据仓库中没有任何指标数值。", "en": "The warehouse holds no indicator values."},
    "bench_place_rank": {
        "zh": "{place} 在 {n} 个地区中排第 {rank} 名（百分位 {percentile}）",
        "en": "{place} ranks {rank} of {n} (percentile {percentile})",
    },
    "bench_place_absent": {"zh": "{place} 在 {year} 年没有该指标的数值。", "en": "{place} has no value on this indicator for {year}."},
    "bench_direction_unknown": {
        "zh": "该指标没有“越高越好”的方向，按数值从高到低排列。",
        "en": "This indicator has no better direction; ranked from highest to lowest.",
    },
    "bench_lower_better": {"zh": "该指标越低越好，排名第 1 为最低值。", "en": "Lower is better for this indicator: rank 1 is the lowest value."},
    "col_rank": {"zh": "名次", "en": "Rank"},
    "col_percentile": {"zh": "百分位", "en": "Percentile"},
    "col_gap": {"zh": "与第一名差距", "en": "Gap to leader"},
    "deep_link": {"zh": "本视图链接参数：{params}", "en": "Link to this view: {params}"},
    # targets
    "targets_scope": {"zh": "地区范围", "en": "Places"},
    "scope_place": {"zh": "仅该地区", "en": "This place only"},
    "targets_indicators": {"zh": "指标（留空为全部）", "en": "Indicators (empty = all)"},
    "targets_status_filter": {"zh": "完成情况", "en": "Status"},
    "status_met": {"zh": "完成", "en": "Met"},
    "status_missed": {"zh": "未完成", "en": "Missed"},
    "status_no_actual": {"zh": "暂无实际值", "en": "No actual yet"},
    "status_within_tolerance": {"zh": "基本完成", "en": "Within tolerance"},
    "status_not_judged": {"zh": "未判定", "en": "Not judged"},
    "col_target": {"zh": "目标", "en": "Target"},
    "col_actual": {"zh": "实际", "en": "Actual"},
    "col_status": {"zh": "完成情况", "en": "Status"},
    "col_target_gap": {"zh": "实际 − 目标", "en": "Actual − target"},
    "col_target_quote": {"zh": "目标原文", "en": "Target quote"},
    "col_actual_quote": {"zh": "实际值原文", "en": "Actual quote"},
    "targets_rule": {
        "zh": "判定规则：目标年份 Y 的目标与 Y 年实际值比较（实际值来自次年报告）。≥/以上 要求实际值不低于目标，≤/以内 要求不高于目标，> 与 < 为严格比较；“左右”与精确值按指标的好方向比较；区间目标按好方向取下限或上限。",
        "en": "Rule: the target for year Y is compared with the actual for Y (stated in the next year's report). ≥ needs actual ≥ target, ≤ needs actual ≤ target, > and < are strict; ≈ and exact targets are read in the indicator's good direction; a range uses its lower (or, when lower is better, upper) end.",
    },
    "targets_rule_lead": {
        "zh": "判定来自数据仓库的 fct_target_attainment：≥、≤、>、< 严格比较，“左右”目标允许容差（基本完成），区间与精确值按指标的好方向比较。",
        "en": "Judged in the warehouse (fct_target_attainment): ≥ ≤ > < strictly, ≈ targets within a tolerance (within tolerance), ranges and exact values in the indicator's good direction.",
    },
    "targets_source": {"zh": "数据来源：{source}", "en": "Source: {source}"},
    "targets_none": {"zh": "所选地区没有目标值。", "en": "No targets for the chosen places."},
    "targets_summary": {
        "zh": "完成 {met} 项 · 基本完成 {within_tolerance} 项 · 未完成 {missed} 项 · 暂无实际值 {no_actual} 项",
        "en": "{met} met · {within_tolerance} within tolerance · {missed} missed · {no_actual} without an actual yet",
    },
    # report reader
    "reader_report": {"zh": "报告", "en": "Report"},
    "reader_indicators": {"zh": "只高亮这些指标（留空为全部）", "en": "Highlight only these indicators (empty = all)"},
    "reader_show_other": {"zh": "同时高亮非核心指标的数量", "en": "Also highlight quantities that are not core indicators"},
    "reader_mention": {"zh": "查看某个数值的去向", "en": "Follow one value into the warehouse"},
    "reader_became": {"zh": "在 fct_indicator_values 中：", "en": "In fct_indicator_values:"},
    "reader_not_kept": {
        "zh": "这个数值没有进入 fct_indicator_values（非核心指标、多年数、排名或被去重）。",
        "en": "This quantity did not become a row of fct_indicator_values (not a core indicator, multi-year, a rank, or deduplicated away).",
    },
    "reader_other_won": {
        "zh": "同一地区、指标、年份、口径的数值取自另一处原文：",
        "en": "The warehouse holds another mention's value for the same place, indicator, year and kind:",
    },
    "reader_no_text": {"zh": "该报告没有存储原文。", "en": "This report has no stored text."},
    "reader_no_reports": {"zh": "数据仓库中没有可阅读的报告。", "en": "The warehouse has no report texts to read."},
    "reader_offsets_bad": {
        "zh": "{n} 个数值的字符位置与原文不符（位置处的文字与提取的文字不同）。",
        "en": "{n} mentions have offsets that do not match the text (the text at those offsets differs from the surface).",
    },
    "reader_mentions_table": {"zh": "提取的全部数量", "en": "All extracted quantities"},
    "reader_legend": {
        "zh": "黄色：核心指标实际值；绿色：目标值；灰色：其他数量。",
        "en": "Yellow: core-indicator actuals; green: targets; grey: other quantities.",
    },
    # coverage
    "cov_reports": {"zh": "报告", "en": "Reports"},
    "cov_work_reports": {"zh": "政府工作报告", "en": "Work reports"},
    "cov_places": {"zh": "有数据的地区", "en": "Places with values"},
    "cov_values": {"zh": "指标数值", "en": "Indicator values"},
    "cov_mentions": {"zh": "提取的数量", "en": "Extracted quantities"},
    "cov_place_year": {"zh": "地区 × 年份：核心指标个数", "en": "Places × years: core indicators found"},
    "cov_indicator_year": {"zh": "指标 × 年份：有实际值的地区数", "en": "Indicators × years: places with an actual"},
    "cov_quality": {"zh": "报告质量标记", "en": "Report quality flags"},
    "cov_only_flagged": {"zh": "只看有问题的报告", "en": "Only reports with a flag"},
    "cov_empty": {"zh": "还没有指标数值。", "en": "No indicator values yet."},
    # SQL console
    "sql_intro": {
        "zh": "只读查询（仅 SELECT），{seconds} 秒超时，最多显示 {rows} 行；不能读写文件或访问网络。",
        "en": "Read-only queries (SELECT only), {seconds} s time limit, at most {rows} rows shown; no file or network access.",
    },
    "sql_example": {"zh": "示例查询", "en": "Example query"},
    "sql_query": {"zh": "SQL", "en": "SQL"},
    "sql_run": {"zh": "运行", "en": "Run"},
    "sql_refused": {"zh": "查询未执行：{reason}", "en": "Query not run: {reason}"},
    "sql_truncated": {"zh": "结果超过 {rows} 行，只显示前 {rows} 行。", "en": "More than {rows} rows; showing the first {rows}."},
    "sql_done": {"zh": "{n} 行 · {seconds:.2f} 秒", "en": "{n} rows · {seconds:.2f} s"},
    "sql_tables": {"zh": "数据表", "en": "Tables"},
}


def current_language() -> str:
    lang = st.session_state.get("lang", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, **values) -> str:
    """The label in the current language, formatted with `values`."""
    text = LABELS[key][current_language()]
    return text.format(**values) if values else text


def indicator_name(row, lang: str | None = None) -> str:
    """An indicator's name in the current language (rows carry name_zh and name_en)."""
    lang = lang or current_language()
    name = row.get("name_en") if lang == "en" else row.get("name_zh")
    return name if isinstance(name, str) and name else str(row.get("indicator_id"))


def t_or(key: str, fallback: str) -> str:
    """The label when the dictionary has one (e.g. an admin level), else the raw fallback."""
    return t(key) if key in LABELS else fallback
