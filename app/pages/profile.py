"""Place profile: a place's latest actuals and the targets of its latest report, each with its quote."""

import pandas as pd
import streamlit as st

from app import data
from app.i18n import t, t_or
from app.ui import PROVENANCE_COLUMNS, choose_place, download_csv, formatted, indicator_names, require_tables, show_table

require_tables("dim_places", "dim_indicators", "fct_indicator_values")

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


def value_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Display columns: indicator, year, formatted value (bound included), quote, report."""
    return pd.DataFrame({
        t("col_indicator"): indicator_names(frame),
        t("col_year"): frame["reference_year"],
        t("col_value"): formatted(frame),
        t("col_quote"): frame["quote"],
        t("col_report"): frame["report_id"],
    })


def download_frame(frame: pd.DataFrame) -> pd.DataFrame:
    keep = ["place_code", "place_name", "indicator_id", "reference_year", "value_kind",
            "value", "value_upper", "bound", "unit"] + PROVENANCE_COLUMNS
    return frame[[c for c in keep if c in frame.columns]]


st.subheader(t("profile_actuals"))
actuals = data.latest_actuals(code)
if actuals.empty:
    st.info(t("profile_no_actuals"))
else:
    show_table(value_table(actuals), "profile_actuals_table")
    download_csv(download_frame(actuals), f"{code}_latest_actuals", key="profile_actuals_csv")

targets = data.latest_targets(code)
if targets.empty:
    st.subheader(t("profile_targets", year="—"))
    st.info(t("profile_no_targets"))
else:
    st.subheader(t("profile_targets", year=int(targets["report_year"].max())))
    show_table(value_table(targets), "profile_targets_table")
    download_csv(download_frame(targets), f"{code}_targets", key="profile_targets_csv")
