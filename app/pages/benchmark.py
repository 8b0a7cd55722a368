"""Peer comparison: one indicator, a place and its peers in one year (bars, ranking) and over years."""

import pandas as pd
import streamlit as st

from app import charts, data
from app.formatting import format_delta, is_missing
from app.i18n import current_language, indicator_name, t
from app.ui import (PROVENANCE_COLUMNS, choose_indicator, choose_place, download_csv, formatted,
                    default_peers, kind_label, place_label, require_tables, show_table)

require_tables("dim_places", "dim_indicators", "fct_indicator_values")
lang = current_language()

indicators = data.indicators()
indicators = indicators[indicators["n_values"] > 0]
places = data.places_with_data()
if indicators.empty or places.empty:
    st.title(t("page_benchmark"))
    st.info(t("bench_no_indicator"))
    st.stop()

st.title(t("page_benchmark"))
left, middle, right = st.columns([2, 2, 1])
code = choose_place(places, key="bench_place", container=left)
indicator_id = choose_indicator(indicators, key="bench_indicator", container=middle)
value_kind = right.radio(t("value_kind"), ["actual", "target"], format_func=kind_label, key="bench_kind")
indicator = indicators.set_index("indicator_id").loc[indicator_id]
name = indicator_name(indicator.to_dict() | {"indicator_id": indicator_id})
place = places.set_index("place_code").loc[code]

# Peers: the warehouse's own peer groups when it has them (they include places known only from
# official statistics), or the app's same-tier peers by prefecture / province, editable by hand.
groups = data.peer_groups_for(code)
group_options = ["app"] + [f"{g}|{k}" for g, k in zip(groups["peer_group_id"], groups["group_key"])]
group_names = {"app": t("peer_source_app")} | {
    f"{row['peer_group_id']}|{row['group_key']}": (
        (row["name_en"] if lang == "en" else row["name_zh"])
        if isinstance(row["name_zh"], str) else row["peer_group_id"]
    ) + ("" if row["group_key"] in ("all", row["peer_group_id"]) else f" · {row['group_key']}")
    for _, row in groups.iterrows()
}
if st.session_state.get("bench_group") not in group_options:
    st.session_state["bench_group"] = "app"
peer_source = st.selectbox(t("peer_source"), group_options, format_func=group_names.get, key="bench_group")

if peer_source == "app":
    scope = st.radio(t("peer_scope"), ["prefecture", "province", "all"], format_func=lambda s: t(f"scope_{s}"),
                     key="bench_scope", horizontal=True)
    others = places[places["place_code"] != code]
    peer_labels = {row["place_code"]: place_label(row) for _, row in places.iterrows()}
    # Reset the peer list when the place or scope changes; otherwise keep the analyst's own edits.
    if st.session_state.get("bench_peers_for") != (code, scope) or "bench_peers" not in st.session_state:
        st.session_state["bench_peers"] = default_peers(places, code, scope)
        st.session_state["bench_peers_for"] = (code, scope)
    peers = st.multiselect(t("peers"), others["place_code"].tolist(), format_func=peer_labels.get, key="bench_peers")
    chosen = [code] + [p for p in peers if p != code]
    series = data.indicator_series(indicator_id, chosen, value_kind)
else:
    group_id, group_key = peer_source.split("|", 1)
    series = data.group_benchmark(group_id, group_key, indicator_id, value_kind)
    st.caption(t("peer_group_caption", n=series["place_code"].nunique()))

if series.empty:
    st.info(t("bench_no_data"))
    st.stop()

years = sorted(series["reference_year"].unique().tolist(), reverse=True)
own_years = series.loc[series["place_code"] == code, "reference_year"]
default_year = int(own_years.max()) if not own_years.empty else years[0]
if st.session_state.get("bench_year") not in years:
    wanted = st.query_params.get("year")
    st.session_state["bench_year"] = int(wanted) if wanted and wanted.isdigit() and int(wanted) in years else default_year
year = st.selectbox(t("year"), years, key="bench_year")
st.query_params["year"] = str(year)

higher_is_better = indicator["higher_is_better"]
if is_missing(higher_is_better) or pd.isna(higher_is_better):
    st.caption(t("bench_direction_unknown"))
    higher_is_better = True
elif not higher_is_better:
    st.caption(t("bench_lower_better"))
if peer_source == "app":
    ranked = data.ranking(indicator_id, year, chosen, value_kind, bool(higher_is_better))
else:
    ranked = series[series["reference_year"] == year].sort_values(["rank", "place_code"]).reset_index(drop=True)

own = ranked[ranked["place_code"] == code]
if own.empty:
    st.warning(t("bench_place_absent", place=place["place_name"], year=year))
else:
    st.markdown("**" + t("bench_place_rank", place=place["place_name"], n=int(own["n_places"].iloc[0]),
                         rank=int(own["rank"].iloc[0]), percentile=f"{own['percentile'].iloc[0]:g}") + "**")

bars, lines = st.columns(2)
bars.altair_chart(
    charts.ranked_bar_chart(ranked, code, name, indicator["unit"], lang,
                            title=t("bench_bar_title", year=year, indicator=name)),
    width="stretch",
)
lines.altair_chart(
    charts.trend_line_chart(series, code, name, indicator["unit"], lang, title=t("bench_lines_title")),
    width="stretch",
)

st.subheader(t("bench_ranked"))
table = pd.DataFrame({
    t("col_rank"): ranked["rank"],
    t("col_place"): ranked["place_name"],
    t("col_value"): formatted(ranked),
    t("col_percentile"): ranked["percentile"],
    t("col_gap"): [format_delta(g, u, lang) for g, u in zip(ranked["gap_to_leader"], ranked["unit"])],
    t("col_source"): [t(f"source_{v}") if v in ("report", "statistics") else v
                      for v in ranked.get("value_source", pd.Series(["report"] * len(ranked)))],
    t("col_quote"): ranked["quote"],
    t("col_report"): ranked["report_id"],
})
show_table(
    table, "bench_table",
    column_config={t("col_percentile"): st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.0f")},
)
keep = ["rank", "n_places", "percentile", "gap_to_leader", "value_source", "peer_median", "place_code", "place_name", "indicator_id",
        "reference_year", "value_kind", "value", "value_upper", "bound", "unit"] + PROVENANCE_COLUMNS
download_csv(ranked[[c for c in keep if c in ranked.columns]], f"benchmark_{indicator_id}_{year}", key="bench_csv")
st.caption(t("deep_link", params=f"?place={code}&indicator={indicator_id}&year={year}"))
