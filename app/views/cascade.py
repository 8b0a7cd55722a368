"""Targets down the chain: a place's targets beside its parent's, grandparent's and peers' for one indicator."""

import pandas as pd
import streamlit as st

from app import charts, data
from app.formatting import format_delta, is_missing
from app.i18n import current_language, indicator_name, t, t_or
from app.ui import (choose_indicator, choose_place, download_csv, formatted, link_column, page_links, reader_link,
                    show_table)

lang = current_language()
ROLES = ["place", "parent", "grandparent", "peer"]

st.title(t("page_cascade"))
places = data.places_with_data()
if places.empty:
    st.info(t("no_places"))
    st.stop()

st.caption(t("cascade_intro"))
left, right = st.columns(2)
code = choose_place(places, key="cascade_place", container=left)
place_name = places.set_index("place_code").loc[code, "place_name"]

indicators = data.cascade_indicators(code)
if indicators.empty:
    st.info(t("cascade_none", place=place_name))
    page_links(place=code, indicator=st.query_params.get("indicator"))
    st.stop()

# Growth is what a higher level hands down and a lower one raises: gdp_growth unless chosen elsewhere.
indicator_id = choose_indicator(indicators, key="cascade_indicator", container=right, default="gdp_growth")
indicator = indicators.set_index("indicator_id").loc[indicator_id]
name = indicator_name(indicator.to_dict() | {"indicator_id": indicator_id})
unit = indicator["unit"]
rows = data.target_cascade(code, indicator_id)
chain = data.target_chain(code, indicator_id)

parent_name = rows["parent_name"].iloc[0]
st.markdown("**" + t("cascade_summary", n=len(rows), place=place_name, parent=parent_name,
                     adds=int(rows["adds_to_parent"].sum())) + "**")
if not is_missing(indicator["higher_is_better"]) and not indicator["higher_is_better"]:
    st.caption(t("cascade_lower_better"))

role_labels = {role: t(f"role_{role}") for role in ROLES}
st.altair_chart(
    charts.target_chain_chart(chain, name, unit, lang, role_labels, title=t("cascade_chart_title")),
    width="stretch",
)
st.caption(t("cascade_source"))


def outcome_text(status) -> str:
    # A status this page does not know (a newer warehouse) is shown as it is.
    return "—" if is_missing(status) else t_or(f"status_{status}", str(status))


table = pd.DataFrame({
    t("col_year"): rows["reference_year"],
    t("col_place_target"): formatted(rows, "place_target_value", "place_target_value_upper", "place_target_bound",
                                     "place_unit"),
    t("col_parent"): rows["parent_name"],
    t("col_parent_target"): formatted(rows, "parent_target_value", "parent_target_value_upper",
                                      "parent_target_bound", "parent_unit"),
    t("col_difference"): [format_delta(d, u, lang) for d, u in zip(rows["difference"], rows["place_unit"])],
    t("col_adds"): [t("adds_yes") if adds else t("adds_no") for adds in rows["adds_to_parent"]],
    t("col_actual"): formatted(rows, "place_actual_value", None, None, "place_unit"),
    t("col_status"): [outcome_text(s) for s in rows["place_outcome"]],
    t("col_place_quote"): rows["place_quote"],
    t("col_place_link"): [reader_link(r, m, s, code) for r, m, s in
                          zip(rows["place_report_id"], rows["place_mention_id"], rows["place_sentence_id"])],
    t("col_parent_quote"): rows["parent_quote"],
    t("col_parent_link"): [reader_link(r, m, s, p) for r, m, s, p in
                           zip(rows["parent_report_id"], rows["parent_mention_id"], rows["parent_sentence_id"],
                               rows["parent_code"])],
})
show_table(table, "cascade_table", column_config={
    t("col_place_link"): link_column(t("col_place_link")),
    t("col_parent_link"): link_column(t("col_parent_link")),
})
download_csv(rows.drop(columns=["name_zh", "name_en"]), f"cascade_{code}_{indicator_id}", key="cascade_csv")
st.caption(t("deep_link", params=f"?place={code}&indicator={indicator_id}"))
page_links(place=code, indicator=indicator_id)
