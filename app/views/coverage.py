"""Coverage and quality: what the warehouse holds per place, year and indicator, and flagged reports."""

import pandas as pd
import streamlit as st

from app import charts, data
from app.formatting import is_missing
from app.i18n import current_language, t
from app.ui import download_csv, formatted, indicator_names, link_column, reader_link, show_table


def _linked_table(shown: pd.DataFrame, rows: pd.DataFrame, name: str, csv_name: str) -> None:
    """A table of statements whose last column links each to its sentence, and its rows as CSV."""
    show_table(shown, f"coverage_{name}_table", column_config={t("col_source_link"): link_column(t("col_source_link"))})
    download_csv(rows, csv_name, key=f"coverage_{name}_csv")


lang = current_language()
st.title(t("page_coverage"))

summary = data.coverage_summary()
for column, key in zip(st.columns(5), ["n_reports", "n_work_reports", "n_places", "n_values", "n_mentions"]):
    column.metric(t({"n_reports": "cov_reports", "n_work_reports": "cov_work_reports", "n_places": "cov_places",
                     "n_values": "cov_values", "n_mentions": "cov_mentions"}[key]), f"{summary[key]:,}")

by_place = data.coverage_by_place_year()
if by_place.empty:
    st.info(t("cov_empty"))
else:
    st.subheader(t("cov_place_year"))
    kind = st.radio(t("value_kind"), ["actual", "target"], format_func=lambda k: t(f"kind_{k}"),
                    key="coverage_kind", horizontal=True)
    grid = by_place[by_place["value_kind"] == kind].copy()
    grid["place"] = grid["place_name"] + " " + grid["place_code"]
    if not grid.empty:
        st.altair_chart(
            charts.coverage_heatmap(grid, "place", "reference_year", "n_indicators",
                                    t("col_place"), t("col_year"), t("cov_n_indicators")),
            width="stretch",
        )
        st.caption(t("cov_chart_source"))
    download_csv(by_place, "coverage_place_year", key="coverage_place_csv")

    st.subheader(t("cov_indicator_year"))
    by_indicator = data.coverage_by_indicator_year()
    actual = by_indicator[by_indicator["value_kind"] == "actual"].copy()
    actual["indicator"] = actual["name_en" if lang == "en" else "name_zh"]
    if not actual.empty:
        st.altair_chart(
            charts.coverage_heatmap(actual, "indicator", "reference_year", "n_places",
                                    t("col_indicator"), t("col_year"), t("cov_n_places")),
            width="stretch",
        )
        st.caption(t("cov_chart_source"))
    download_csv(by_indicator, "coverage_indicator_year", key="coverage_indicator_csv")

st.subheader(t("cov_quality"))
quality = data.report_quality()
only_flagged = st.checkbox(t("cov_only_flagged"), value=False, key="coverage_only_flagged")
if only_flagged:
    quality = quality[
        (quality["is_work_report"] == False)  # noqa: E712 (null is not a flag)
        | (quality["is_truncated"] == True)  # noqa: E712
        | (quality["lost_char_runs"].fillna(0) > 0)
        | quality["label_conflict"].notna()
    ]
show_table(quality, "coverage_quality_table")
download_csv(quality, "report_quality", key="coverage_quality_csv")

# What failed to parse: documents the build could not read or attribute to a place and year.
st.subheader(t("cov_errors"))
errors = data.ingest_errors()
if errors.empty:
    st.success(t("cov_no_errors"))
else:
    show_table(errors, "coverage_errors_table")
    download_csv(errors, "ingest_errors", key="coverage_errors_csv")

# Restatements: the same actual stated differently by several reports.
st.subheader(t("cov_restatements"))
restated = data.restatement_disagreements()
if restated.empty:
    st.success(t("cov_no_restatements"))
else:
    st.caption(t("cov_restatements_caption"))
    _linked_table(pd.DataFrame({
        t("col_place"): restated["place_name"],
        t("col_indicator"): indicator_names(restated),
        t("col_year"): restated["reference_year"],
        t("col_value"): formatted(restated, upper=None),
        t("col_preferred"): ["✔" if p else "" for p in restated["is_preferred"]],
        t("col_relative_difference"): [
            "—" if is_missing(d) else f"{100 * d:+.1f}%" for d in restated["relative_difference"]],
        t("col_report"): restated["report_id"],
        t("col_quote"): restated["quote"],
        t("col_source_link"): [reader_link(r, None, None, p) for r, p in
                               zip(restated["report_id"], restated["place_code"])],
    }), restated, "restatements", "restatement_disagreements")

# Quarantine: values a value rule kept out of fct_indicator_values (a misread sentence, most likely).
st.subheader(t("cov_quarantine"))
quarantined = data.quarantined_values()
if quarantined.empty:
    st.success(t("cov_no_quarantine"))
else:
    st.caption(t("cov_quarantine_caption"))
    _linked_table(pd.DataFrame({
        t("col_failed_value_rule"): [t(f"rule_{rule}") for rule in quarantined["failed_value_rule"]],
        t("col_place"): quarantined["place_name"],
        t("col_indicator"): indicator_names(quarantined),
        t("col_year"): quarantined["reference_year"],
        t("value_kind"): [t(f"kind_{kind}") for kind in quarantined["value_kind"]],
        t("col_surface"): quarantined["surface"],
        t("col_report"): quarantined["report_id"],
        t("col_quote"): quarantined["quote"],
        t("col_source_link"): [reader_link(r, m, s, p) for r, m, s, p in zip(
            quarantined["report_id"], quarantined["mention_id"], quarantined["sentence_id"], quarantined["place_code"])],
    }), quarantined, "quarantine", "quarantined_values")

# The warehouse's builds: when, what changed in the folders, how dbt's tests went.
st.subheader(t("cov_builds"))
st.caption(t("cov_builds_caption"))
builds = data.build_runs()
BUILD_COLUMNS = ["started_at", "seconds", "documents_added", "documents_changed", "documents_removed",
                 "documents_unchanged", "documents_failed", "reports_landed", "dbt_tests_passed", "dbt_tests_failed",
                 "exit_code", "host", "command"]
shown = builds[BUILD_COLUMNS].rename(columns={column: t(f"col_{column}") for column in BUILD_COLUMNS})
shown.insert(1, t("col_outcome"), [t(f"outcome_{outcome}") for outcome in builds["outcome"]])
show_table(shown, "coverage_builds_table")
download_csv(builds, "build_runs", key="coverage_builds_csv")
