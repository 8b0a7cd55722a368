"""Place profile: latest actuals with peer ranks and links to their sentences, targets, the record of
meeting them, and the reports' figures against official statistics."""

import pandas as pd
import streamlit as st

from app import charts, data
from app.formatting import format_delta, format_value, is_missing
from app.i18n import current_language, indicator_name, t, t_or
from app.ranks import pick_rank, rank_text
from app.ui import (PROVENANCE_COLUMNS, choose_indicator, choose_peer_group, choose_place, download_csv, formatted,
                    group_label, indicator_names, link_column, page_links, reader_link, show_table)
from app.ui import SOURCES, source_caption

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
ranks = data.place_peer_ranks(code, *group_choice.split("|", 1)) if group_choice else pd.DataFrame()
RANK_COLUMNS = ["peer_rank", "n_peers_with_data", "n_peers_without_data", "rank_year", "rank_text"]


def with_ranks(frame: pd.DataFrame, group_ranks: pd.DataFrame = ranks, name: str = group_name,
               prefix: str = "") -> pd.DataFrame:
    """The frame with the place's peer rank for each row's indicator × year × kind (or, where no
    peer has a value that year, the latest year with statistics: rank_year says which)."""
    picked = [pick_rank(group_ranks, i, y, k) for i, y, k in
              zip(frame["indicator_id"], frame["reference_year"], frame.get("value_kind", ["actual"] * len(frame)))]
    frame = frame.copy()
    for column in RANK_COLUMNS[:3]:
        frame[prefix + column] = [None if r is None else r[column] for r in picked]
    frame[prefix + "rank_year"] = [None if r is None else (r["fallback_year"] or r["reference_year"]) for r in picked]
    frame[prefix + "rank_text"] = [rank_text(r, name) for r in picked]
    return frame


def tinted(frame: pd.DataFrame, sources: dict[str, str] | list[str]):
    """The table with each column's (dict: column → source) or each row's (list) source as its
    background, in the colours of charts.SOURCE_TINTS and the legend."""
    if isinstance(sources, dict):
        return frame.style.apply(lambda column: [f"background-color: {charts.SOURCE_TINTS[sources[column.name]]}"
                                                 if column.name in sources else ""] * len(column))
    return frame.style.apply(lambda row: [f"background-color: {charts.SOURCE_TINTS[sources[row.name]]}"] * len(row),
                             axis=1)


def value_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Display columns: indicator, year, value (bound included), peer rank, quote, link to the sentence."""
    return pd.DataFrame({
        t("col_indicator"): indicator_names(frame),
        t("col_year"): frame["reference_year"],
        t("col_value"): formatted(frame),
        t("col_peer_rank"): frame["rank_text"],
        t("col_source_link"): [reader_link(r, m, s, code) for r, m, s in
                               zip(frame["report_id"], frame["mention_id"], frame["sentence_id"])],
        t("col_quote"): frame["quote"],
        t("col_report"): frame["report_id"],
    })


def download_frame(frame: pd.DataFrame) -> pd.DataFrame:
    keep = ["place_code", "place_name", "indicator_id", "reference_year", "value_kind",
            "value", "value_upper", "bound", "unit", "peer_rank", "n_peers_with_data", "n_peers_without_data",
            "rank_year"] + PROVENANCE_COLUMNS
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

# The place's official statistics, apart from the reports' claims, ranked in the chosen group and
# among the places of the same province and level (浙江省's county-level cities for 瑞安市).
st.subheader(t("profile_statistics"))
statistics = data.place_statistics(code) if data.statistics_available() else pd.DataFrame()
if not data.statistics_available():
    st.info(t("no_statistics_loaded"))
elif statistics.empty:
    st.info(t("profile_no_statistics"))
else:
    statistics = statistics.assign(value_kind="actual")
    same_level = data.same_level_group(code)
    level_name = t("same_level_name", province=place["province_name"], level=level)
    statistics = with_ranks(statistics)
    if same_level and (not group_choice or group_choice != "|".join(same_level)):
        statistics = with_ranks(statistics, data.place_peer_ranks(code, *same_level), level_name, prefix="level_")
    columns = {
        t("col_indicator"): indicator_names(statistics),
        t("col_year"): statistics["reference_year"],
        t("col_statistics_value"): formatted(statistics, upper=None, bound=None),
        t("col_statistics_source"): [
            t("derived_from_census", year=int(y)) if s == "derived" else (n or "—")
            for s, n, y in zip(statistics["value_source"], statistics["source_name"], statistics["population_year"])],
        t("col_vintage"): statistics["vintage"].fillna("—"),
    }
    if group_choice:
        columns[t("col_rank_in", group=group_name)] = statistics["rank_text"]
    if "level_rank_text" in statistics:
        columns[t("col_rank_in", group=level_name)] = statistics["level_rank_text"]
    st.caption(t("profile_statistics_caption"))
    st.caption(t("source_legend"))
    show_table(tinted(pd.DataFrame(columns), statistics["value_source"].tolist()), "profile_statistics_table")
    download_csv(statistics.drop(columns=["name_zh", "name_en"]), f"{code}_statistics", key="profile_statistics_csv")

# One indicator over the years, against the peer group's median.
if not actuals.empty:
    indicators = data.indicators()
    indicators = indicators[indicators["indicator_id"].isin(set(data.place_indicator_ids(code)))]
    st.subheader(t("profile_trend"))
    indicator_id = choose_indicator(indicators, key="profile_indicator")
    indicator = indicators.set_index("indicator_id").loc[indicator_id]
    name = indicator_name(indicator.to_dict() | {"indicator_id": indicator_id})
    series = data.place_series(code, indicator_id)
    series = series.assign(value_source=["report" if isinstance(q, str) else "derived" for q in series["quote"]])
    series = series[["reference_year", "value", "value_source"]]
    median_label, median_sources = None, set()
    if group_choice:
        medians = data.peer_median_series(code, *group_choice.split("|", 1), indicator_id)
        if not medians.empty:
            median_label = t("profile_trend_median", group=group_name)
            series = series.merge(medians[["reference_year", "peer_median", "value", "value_source"]],
                                  on="reference_year", how="outer", suffixes=("", "_benchmark"))
            # Years the reports do not state but the statistics do (the peer table holds both).
            series["value"] = series["value"].fillna(series.pop("value_benchmark"))
            series["value_source"] = series["value_source"].fillna(series.pop("value_source_benchmark"))
            # The median counts every member's value, statistics included.
            if (medians["n_peers_from_statistics"] > 0).any():
                median_sources = {"statistics"}
    st.altair_chart(
        charts.place_trend_chart(series.sort_values("reference_year"), name, indicator["unit"],
                                 place["place_name"], median_label, lang,
                                 source_labels={source: t(f"source_{source}") for source in charts.SOURCE_COLOURS},
                                 comparable_from=None if pd.isna(indicator["comparable_from"]) else int(indicator["comparable_from"])),
        width="stretch",
    )
    # A definition change (城乡统一口径) or an older statistic a later one replaced (农民人均纯收入).
    if isinstance(indicator["series_note"], str) and indicator["series_note"]:
        st.caption(t("series_break_note", note=indicator["series_note"]))
    st.caption(t("source_legend"))
    sources = set(series["value_source"].dropna()) | (median_sources if median_label else set())
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

# The reports' figures against official statistics (fct_reconciliation): the claim beside the
# nearest statistic, judged only against a statistic of its own year.
st.subheader(t("profile_reconciliation"))
if not data.statistics_reconciled():
    st.info(t("no_statistics_loaded") if not data.statistics_available() else t("profile_no_reconciliation"))
else:
    checks = data.reconciliation(code)
    if checks.empty:
        st.info(t("profile_no_reconciliation"))
    else:
        same_year = checks["is_same_year"].astype(bool)
        shown = pd.DataFrame({
            t("col_indicator"): indicator_names(checks),
            t("col_report_year"): checks["reference_year"],
            t("col_report_value"): [format_value(v, u, b, None, lang) for v, u, b in
                                    zip(checks["report_value"], checks["unit"], checks["report_bound"])],
            t("col_statistics_value"): [format_value(v, u, "eq", None, lang) for v, u in
                                        zip(checks["statistics_value"], checks["unit"])],
            t("col_statistics_year"): checks["statistics_year"],
            t("col_comparison"): [t("comparison_same_year") if same else t("comparison_nearest_year", year=int(y))
                                  for same, y in zip(same_year, checks["statistics_year"])],
            t("col_rec_gap"): [format_delta(g, u, lang) if same else "—"
                               for g, u, same in zip(checks["gap"], checks["unit"], same_year)],
            t("col_gap_relative"): [("—" if not same or is_missing(g) else f"{100 * g:+.1f}%")
                                    for g, same in zip(checks["gap_relative"], same_year)],
            t("col_agrees"): [("—" if not same or is_missing(a) else t("agrees_yes") if a else t("agrees_no"))
                              for a, same in zip(checks["agrees"], same_year)],
            t("col_statistics_source"): checks["statistics_source_name"],
            t("col_vintage"): checks["statistics_vintage"],
            t("col_quote"): checks["quote"],
            t("col_source_link"): [reader_link(r, None, None, code) for r in checks["report_id"]],
        })
        st.caption(t("profile_reconciliation_caption"))
        st.caption(t("source_legend"))
        report_side = [t("col_report_year"), t("col_report_value"), t("col_quote")]
        statistics_side = [t("col_statistics_value"), t("col_statistics_year"), t("col_statistics_source"),
                           t("col_vintage")]
        sources = {c: "report" for c in report_side} | {c: "statistics" for c in statistics_side}
        show_table(tinted(shown, sources), "profile_reconciliation_table", column_config=LINK_CONFIG)
        download_csv(checks, f"{code}_reconciliation", key="profile_reconciliation_csv")

page_links(place=code, indicator=st.session_state.get("chosen_indicator"))
