"""Place profile: latest actuals with peer ranks and links to their sentences, targets, the record of
meeting them, and the reports' figures against official statistics."""

import pandas as pd
import streamlit as st

from app import charts, data
from app.formatting import format_delta, format_value, is_missing
from app.i18n import current_language, indicator_name, t, t_or
from app.ui import (PROVENANCE_COLUMNS, choose_indicator, choose_peer_group, choose_place, download_csv, formatted,
                    group_label, indicator_names, link_column, page_links, reader_link, show_table)
from app.ui import SOURCES, source_caption, value_sources

lang = current_language()

places = data.places_with_data()
if places.empty:
    st.info(t("no_places"))
    st.stop()

code = choose_place(places, key="profile_place")
place = places.set_index("place_code").loc[code]

st.title(place["place_name"])
parents = " · ".join(
    str(name) for name in (place["province_name"], place["prefecture_name"])
    if isinstance(name, str) and name and name != place["place_name"]
)
level = t_or(f"level_{place['level']}", str(place["level"]))
st.caption(t("profile_meta", level=level, parents=parents or "—",
             n_reports=int(place["n_reports"]), n_values=int(place["n_values"])))

# Peer ranks come from the warehouse's peer groups; 温州县域-style named groups are preferred.
groups = data.peer_groups_for(code)
group_choice = None
if groups.empty:
    st.caption(t("profile_no_peer_groups"))
else:
    group_choice = choose_peer_group(groups, key="profile_group")
group_name = group_label(groups, group_choice)
ranks = (data.place_peer_ranks(code, *group_choice.split("|", 1)) if group_choice
         else pd.DataFrame(columns=["indicator_id", "reference_year", "value_kind", "peer_rank", "n_peers_with_data"]))


def with_ranks(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with the place's peer rank and group size joined on indicator × year × kind."""
    if frame.empty:
        return frame.assign(peer_rank=pd.Series(dtype="float"), n_peers_with_data=pd.Series(dtype="float"))
    keys = ["indicator_id", "reference_year", "value_kind"]
    return frame.merge(ranks[keys + ["peer_rank", "n_peers_with_data"]], on=keys, how="left")


def rank_text(rank, n) -> str:
    if is_missing(rank) or is_missing(n):
        return "—"
    return t("peer_rank_text", rank=int(rank), n=int(n), group=group_name)


def value_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Display columns: indicator, year, value (bound included), peer rank, quote, link to the sentence."""
    return pd.DataFrame({
        t("col_indicator"): indicator_names(frame),
        t("col_year"): frame["reference_year"],
        t("col_value"): formatted(frame),
        t("col_peer_rank"): [rank_text(r, n) for r, n in zip(frame["peer_rank"], frame["n_peers_with_data"])],
        t("col_source_link"): [reader_link(r, m, s, code) for r, m, s in
                               zip(frame["report_id"], frame["mention_id"], frame["sentence_id"])],
        t("col_quote"): frame["quote"],
        t("col_report"): frame["report_id"],
    })


def download_frame(frame: pd.DataFrame) -> pd.DataFrame:
    keep = ["place_code", "place_name", "indicator_id", "reference_year", "value_kind",
            "value", "value_upper", "bound", "unit", "peer_rank", "n_peers_with_data"] + PROVENANCE_COLUMNS
    return frame[[c for c in keep if c in frame.columns]]


LINK_CONFIG = {t("col_source_link"): link_column(t("col_source_link"))}

st.subheader(t("profile_actuals"))
actuals = with_ranks(data.latest_actuals(code))
if actuals.empty:
    st.info(t("profile_no_actuals"))
else:
    show_table(value_table(actuals), "profile_actuals_table", column_config=LINK_CONFIG)
    download_csv(download_frame(actuals), f"{code}_latest_actuals", key="profile_actuals_csv")


targets = with_ranks(data.latest_targets(code))
if targets.empty:
    st.subheader(t("profile_targets", year="—"))
    st.info(t("profile_no_targets"))
else:
    st.subheader(t("profile_targets", year=int(targets["report_year"].max())))
    show_table(value_table(targets), "profile_targets_table", column_config=LINK_CONFIG)
    download_csv(download_frame(targets), f"{code}_targets", key="profile_targets_csv")

# One indicator over the years, against the peer group's median.
if not actuals.empty:
    indicators = data.indicators()
    indicators = indicators[indicators["indicator_id"].isin(set(data.place_indicator_ids(code)))]
    st.subheader(t("profile_trend"))
    indicator_id = choose_indicator(indicators, key="profile_indicator")
    indicator = indicators.set_index("indicator_id").loc[indicator_id]
    name = indicator_name(indicator.to_dict() | {"indicator_id": indicator_id})
    own_series = data.place_series(code, indicator_id)
    series = own_series[["reference_year", "value"]]
    sources = set(value_sources(own_series))
    median_label = None
    if group_choice:
        medians = data.peer_median_series(code, *group_choice.split("|", 1), indicator_id)
        if not medians.empty:
            median_label = t("profile_trend_median", group=group_name)
            series = series.merge(medians[["reference_year", "peer_median", "value"]], on="reference_year",
                                  how="outer", suffixes=("", "_benchmark"))
            # Years the reports do not state but the statistics panel does (the peer table holds both).
            filled = series["value"].isna() & series["value_benchmark"].notna()
            sources |= set(medians.loc[medians["reference_year"].isin(series.loc[filled, "reference_year"]),
                                       "value_source"].dropna())
            series["value"] = series["value"].fillna(series.pop("value_benchmark"))
            # The median counts every member's value, statistics included.
            if (medians["n_peers_from_statistics"] > 0).any():
                sources.add("statistics")
    st.altair_chart(
        charts.place_trend_chart(series.sort_values("reference_year"), name, indicator["unit"],
                                 place["place_name"], median_label, lang),
        width="stretch",
    )
    source_caption([s for s in SOURCES if s in sources], note=t("chart_median_note") if median_label else "")

# How often the place met its targets (fct_target_records).
st.subheader(t("profile_records"))
records = data.target_records(code)
if records.empty:
    st.info(t("profile_no_records"))
else:
    n_judged, n_met = int(records["n_judged"].sum()), int(records["n_met"].sum())
    st.markdown(t("profile_records_summary", n_judged=n_judged, n_met=n_met,
                  share=f"{100 * n_met / n_judged:.0f}%" if n_judged else "—"))
    show_table(pd.DataFrame({
        t("col_indicator"): indicator_names(records),
        t("col_n_judged"): records["n_judged"],
        t("col_n_met"): records["n_met"],
        t("col_met_share"): (100 * records["met_share"]).round(0),
        t("col_current_streak"): records["current_streak"],
        t("col_longest_streak"): records["longest_streak"],
        t("col_years"): [f"{int(a)}–{int(b)}" if not (is_missing(a) or is_missing(b)) else "—"
                         for a, b in zip(records["first_year"], records["last_year"])],
    }), "profile_records_table", column_config={
        t("col_met_share"): st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.0f%%")})
    download_csv(records, f"{code}_target_records", key="profile_records_csv")

# The reports' figures against official statistics (fct_reconciliation).
st.subheader(t("profile_reconciliation"))
if not data.statistics_reconciled():
    st.info(t("no_statistics_loaded"))
else:
    checks = data.reconciliation(code)
    if checks.empty:
        st.info(t("profile_no_reconciliation"))
    else:
        show_table(pd.DataFrame({
            t("col_indicator"): indicator_names(checks),
            t("col_year"): checks["reference_year"],
            t("col_report_value"): [format_value(v, u, b, None, lang) for v, u, b in
                                    zip(checks["report_value"], checks["unit"], checks["report_bound"])],
            t("col_statistics_value"): [format_value(v, u, "eq", None, lang) for v, u in
                                        zip(checks["statistics_value"], checks["unit"])],
            t("col_rec_gap"): [format_delta(g, u, lang) for g, u in zip(checks["gap"], checks["unit"])],
            t("col_gap_relative"): [("—" if is_missing(g) else f"{100 * g:+.1f}%") for g in checks["gap_relative"]],
            t("col_agrees"): [t("agrees_yes") if a else t("agrees_no") for a in checks["agrees"]],
            t("col_quote"): checks["quote"],
            t("col_source_link"): [reader_link(r, None, None, code) for r in checks["report_id"]],
        }), "profile_reconciliation_table", column_config=LINK_CONFIG)
        download_csv(checks, f"{code}_reconciliation", key="profile_reconciliation_csv")

page_links(place=code, indicator=st.session_state.get("chosen_indicator"))
