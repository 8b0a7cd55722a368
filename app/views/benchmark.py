"""Peer comparison: one indicator, a place and its peers in one year (bars, ranking) and over years."""

import pandas as pd
import streamlit as st

from app import charts, data
from app.formatting import format_delta, is_missing
from app.i18n import current_language, indicator_name, t
from app.ui import (PROVENANCE_COLUMNS, choose_indicator, choose_peer_group, choose_place, download_csv, formatted,
                    default_peers, kind_label, page_links, show_table, source_caption, value_sources)

lang = current_language()

indicators = data.benchmark_indicators()
indicators = indicators[indicators["n_values"] > 0]
places = data.places_with_data()
if indicators.empty or places.empty:
    st.title(t("page_benchmark"))
    st.info(t("bench_no_indicator"))
    st.stop()

st.title(t("page_benchmark"))

# Level vs growth vs per-capita: the toggle narrows the indicator list; switching it moves to the same
# indicator's counterpart (gdp → gdp_growth → gdp_per_capita) where the catalogue has one.
MEASURES = ["level", "growth", "per_capita", "other"]


def measure_group(measure: str, indicator_id: str) -> str:
    # Per capita: the derived `<id>_per_capita` indicators, and those the reports state per head (人均GDP).
    if measure == "per_capita" or indicator_id.endswith("_per_capita"):
        return "per_capita"
    return measure if measure in ("level", "growth") else "other"


indicators["measure_group"] = [measure_group(m, i) for m, i in zip(indicators["measure"], indicators["indicator_id"])]
measure_of = dict(zip(indicators["indicator_id"], indicators["measure_group"]))
present = [m for m in MEASURES if (indicators["measure_group"] == m).any()]
if st.session_state.get("bench_measure") not in present:
    linked = st.query_params.get("indicator") or st.session_state.get("chosen_indicator")
    linked_measure = measure_of.get(linked) or st.query_params.get("measure")
    st.session_state["bench_measure"] = linked_measure if linked_measure in present else present[0]
measure = st.radio(t("bench_measure"), present, format_func=lambda m: t(f"measure_{m}"), key="bench_measure",
                   horizontal=True)
st.query_params["measure"] = measure
of_measure = indicators[indicators["measure_group"] == measure]


def counterpart(indicator_id: str | None) -> str | None:
    """The same quantity in the chosen measure: gdp_growth → gdp (level) or gdp_per_capita."""
    if not indicator_id:
        return None
    base = indicator_id.removesuffix("_per_capita").removesuffix("_growth")
    suffix = {"level": "", "growth": "_growth", "per_capita": "_per_capita"}.get(measure)
    return None if suffix is None else base + suffix


previous = st.session_state.get("bench_indicator") or st.session_state.get("chosen_indicator")
if previous not in of_measure["indicator_id"].tolist():
    candidate = counterpart(previous)
    if candidate in of_measure["indicator_id"].tolist():
        st.session_state["bench_indicator"] = candidate

left, middle, right = st.columns([2, 2, 1])
code = choose_place(places, key="bench_place", container=left)
indicator_id = choose_indicator(of_measure, key="bench_indicator", container=middle)
value_kind = right.radio(t("value_kind"), ["actual", "target"], format_func=kind_label, key="bench_kind")
indicator = indicators.set_index("indicator_id").loc[indicator_id]
name = indicator_name(indicator.to_dict() | {"indicator_id": indicator_id})
place = places.set_index("place_code").loc[code]

# Peers: the warehouse's own peer groups when it has them (they include places known only from
# official statistics, and named lists such as 温州县域), or the app's same-tier peers by prefecture /
# province, editable by hand.
groups = data.peer_groups_for(code)
peer_source = choose_peer_group(groups, key="bench_group", allow_none="app")
if measure == "per_capita":
    st.caption(t("bench_per_capita_note"))

if peer_source == "app":
    scope = st.radio(t("peer_scope"), ["prefecture", "province", "all"], format_func=lambda s: t(f"scope_{s}"),
                     key="bench_scope", horizontal=True)
    others = places[places["place_code"] != code]
    peer_labels = {c: f"{n} · {c}" for c, n in zip(places["place_code"], places["place_name"])}
    # Reset the peer list when the place or scope changes; otherwise keep the analyst's own edits.
    if st.session_state.get("bench_peers_for") != (code, scope) or "bench_peers" not in st.session_state:
        st.session_state["bench_peers"] = default_peers(places, code, scope)
        st.session_state["bench_peers_for"] = (code, scope)
    peers = st.multiselect(t("peers"), others["place_code"].tolist(), format_func=peer_labels.get, key="bench_peers")
    chosen = [code] + [p for p in peers if p != code]
    series = data.benchmark_series(indicator_id, chosen, value_kind)
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
    ranked = data.benchmark_ranking(indicator_id, year, chosen, value_kind, bool(higher_is_better))
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
source_caption(value_sources(ranked), bars)
lines.altair_chart(
    charts.trend_line_chart(series, code, name, indicator["unit"], lang, title=t("bench_lines_title")),
    width="stretch",
)
source_caption(value_sources(series), lines)

st.subheader(t("bench_ranked"))
table = pd.DataFrame({
    t("col_rank"): ranked["rank"],
    t("col_place"): ranked["place_name"],
    t("col_value"): formatted(ranked),
    t("col_percentile"): ranked["percentile"],
    t("col_gap"): [format_delta(g, u, lang) for g, u in zip(ranked["gap_to_leader"], ranked["unit"])],
    t("col_source"): [t(f"source_{v}") if v in ("report", "statistics", "derived") else v
                      for v in ranked.get("value_source", pd.Series(["report"] * len(ranked)))],
    t("col_quote"): ranked["quote"],
    t("col_report"): ranked["report_id"],
})
# The chosen place's row stands out in the table as in the charts.
highlighted = table.style.apply(
    lambda row: ["font-weight: bold; background-color: #fdecea"] * len(row)
    if ranked.loc[row.name, "place_code"] == code else [""] * len(row), axis=1)
show_table(
    highlighted, "bench_table",
    column_config={t("col_percentile"): st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.0f")},
)
keep = ["rank", "n_places", "percentile", "gap_to_leader", "value_source", "peer_median", "place_code", "place_name", "indicator_id",
        "reference_year", "value_kind", "value", "value_upper", "bound", "unit"] + PROVENANCE_COLUMNS
download_csv(ranked[[c for c in keep if c in ranked.columns]], f"benchmark_{indicator_id}_{year}", key="bench_csv")
group_param = f"&group={peer_source.split('|', 1)[0]}" if peer_source != "app" else ""
st.caption(t("deep_link", params=f"?place={code}&indicator={indicator_id}&year={year}{group_param}"))
page_links(place=code, indicator=indicator_id)
