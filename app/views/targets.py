"""Targets: each year's targets against the same year's actuals, met or missed, with both quotes."""

import pandas as pd
import streamlit as st

from app import charts, data
from app.formatting import format_delta
from app.i18n import current_language, indicator_name, t
from app.ui import choose_place, default_peers, download_csv, formatted, page_links, show_table

lang = current_language()
STATUSES = ["met", "within_tolerance", "missed", "no_actual", "not_judged"]
STATUS_MARKS = {"met": "✅", "within_tolerance": "☑️", "missed": "❌", "no_actual": "⏳", "not_judged": "❔"}
status_labels = {s: t(f"status_{s}") for s in STATUSES}


def status_text(status: str) -> str:
    # A status this page does not know (a newer warehouse) is shown as it is, not dropped.
    return f"{STATUS_MARKS.get(status, '')} {status_labels.get(status, status)}".strip()



st.title(t("page_targets"))
places = data.places_with_data()
if places.empty:
    st.info(t("no_places"))
    st.stop()

left, right = st.columns([2, 3])
code = choose_place(places, key="targets_place", container=left)
scope = right.radio(t("targets_scope"), ["place", "prefecture", "province", "all"],
                    format_func=lambda s: t(f"scope_{s}"), key="targets_scope", horizontal=True)
place_codes = [code] + ([] if scope == "place" else default_peers(places, code, scope))

attainment = data.target_attainment(place_codes)
if attainment.empty:
    st.info(t("targets_none"))
    st.stop()

names = {row["indicator_id"]: indicator_name(row) for _, row in attainment.drop_duplicates("indicator_id").iterrows()}
chosen_indicators = st.multiselect(t("targets_indicators"), list(names), format_func=names.get, key="targets_indicators")
chosen_status = st.multiselect(t("targets_status_filter"), STATUSES, default=STATUSES,
                               format_func=status_labels.get, key="targets_status")
shown = attainment[attainment["status"].isin(chosen_status) | ~attainment["status"].isin(STATUSES)]
if chosen_indicators:
    shown = shown[shown["indicator_id"].isin(chosen_indicators)]

counts = attainment["status"].value_counts()
st.markdown(t("targets_summary", **{s: int(counts.get(s, 0)) for s in STATUSES}))
st.caption(t("targets_rule"))
st.caption(t("targets_source", source="fct_target_outcomes"))


def status_colour(label: str) -> str:
    # Met/missed colouring in the table itself, not only in the chart.
    for status, colour in charts.STATUS_COLOURS.items():
        if label.endswith(status_labels[status]):
            return f"color: {colour}; font-weight: bold"
    return ""


table = pd.DataFrame({
    t("col_place"): shown["place_name"],
    t("col_indicator"): [names.get(i, i) for i in shown["indicator_id"]],
    t("col_year"): shown["reference_year"],
    t("col_target"): formatted(shown, "target_value", "target_upper", "target_bound"),
    t("col_actual"): formatted(shown, "actual_value", None, "actual_bound"),
    t("col_status"): [status_text(s) for s in shown["status"]],
    t("col_target_gap"): [format_delta(g, u, lang) for g, u in zip(shown["gap"], shown["unit"])],
    t("col_target_quote"): shown["target_quote"],
    t("col_actual_quote"): shown["actual_quote"],
})
show_table(table.style.map(status_colour, subset=[t("col_status")]), "targets_table")
download_csv(shown, f"targets_{code}_{scope}", key="targets_csv")

# A chart per indicator: tick = target, dot = actual, coloured met/missed.
chart_options = [i for i in names if i in set(shown["indicator_id"])]
if chart_options:
    if st.session_state.get("targets_chart_indicator") not in chart_options:
        # ?indicator= (or the indicator chosen on another page) opens on that indicator's chart.
        wanted = [st.query_params.get("indicator"), st.session_state.get("chosen_indicator")]
        st.session_state["targets_chart_indicator"] = next((w for w in wanted if w in chart_options), chart_options[0])
    chart_indicator = st.selectbox(t("indicator"), chart_options, format_func=names.get, key="targets_chart_indicator")
    st.session_state["chosen_indicator"] = chart_indicator
    st.query_params["indicator"] = chart_indicator
    subset = shown[(shown["indicator_id"] == chart_indicator) & shown["actual_value"].notna()]
    if not subset.empty:
        st.altair_chart(
            charts.attainment_chart(subset, names[chart_indicator], subset["unit"].iloc[0], lang, status_labels),
            width="stretch",
        )
        st.caption(t("targets_chart_source"))

page_links(place=code, indicator=st.query_params.get("indicator"))
