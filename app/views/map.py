"""Map: the units under one parent (a prefecture's counties, a province's prefectures, the provinces)
coloured by one indicator in one year, with no-data units in grey and a table of the values."""

import pandas as pd
import streamlit as st

from app import boundaries, charts, data
from app.formatting import format_value, is_missing
from app.i18n import current_language, indicator_name, t
from app.ui import (PROVENANCE_COLUMNS, choose_indicator, choose_option, download_csv, kind_label,
                    link_column, page_links, reader_link, show_table)

lang = current_language()
# Scope → the level of the parent whose units are drawn, and the level class of those units.
SCOPES = {"prefecture": ("prefecture", "county_level"), "province": ("province", "prefecture"),
          "national": ("national", "province")}

st.title(t("page_map"))
st.caption(t("map_intro"))

# The place a link names (or the one chosen on another page) is outlined, and decides the default
# scope and parent: 瑞安市 opens 温州市's counties.
highlight = st.query_params.get("place") or st.session_state.get("chosen_place")
place = data.place_hierarchy(highlight) if highlight else pd.DataFrame()
if highlight and place.empty:
    st.warning(t("map_place_unknown", code=highlight))
    highlight = None
place = place.iloc[0] if not place.empty else None


def ancestor(level: str) -> str | None:
    """The highlighted place's parent at this level (the place itself is never its own parent)."""
    if place is None:
        return None
    candidate = {"prefecture": place["prefecture_code"], "province": place["province_code"],
                 "national": "100000"}[level]
    if is_missing(candidate) or candidate == place["place_code"]:
        candidate = place["parent_code"]
    return None if is_missing(candidate) else candidate


def default_scope() -> str:
    if place is None:
        return "prefecture"
    parent = place["parent_code"]
    if place["level_class"] == "county_level" and not is_missing(parent) and parent == place["prefecture_code"]:
        return "prefecture"
    return {"county_level": "province", "prefecture": "province"}.get(place["level_class"], "national")


controls = st.columns([2, 2, 2])
scope = choose_option(t("map_scope"), list(SCOPES), "map_scope", "scope", default_scope(),
                      format_func=lambda s: t(f"scope_{s}"), container=controls[0], widget="selectbox")
parent_level, unit_level = SCOPES[scope]
parents = data.map_parents(parent_level)
if parents.empty:
    st.info(t("no_places"))
    st.stop()
parent_names = dict(zip(parents["place_code"], parents["place_name"]))
# Without a place to start from, the parent whose units have the most data.
busiest = parents.sort_values(["n_units_with_data", "place_code"], ascending=[False, True])["place_code"].iloc[0]
parent_code = choose_option(t("map_parent"), parents["place_code"].tolist(), "map_parent", "parent",
                            ancestor(parent_level) or busiest, format_func=lambda c: f"{parent_names[c]} · {c}",
                            container=controls[1], widget="selectbox")
parent_name = parent_names[parent_code]

with_statistics = data.has_statistics_mart()
kind_column, source_column, year_column = st.columns([2, 2, 2])
value_kind = choose_option(t("value_kind"), ["actual", "target"], "map_kind", "kind", "actual",
                           format_func=kind_label, container=kind_column)
# Statistics are actuals; without the statistics mart the reports are the only source.
sources = list(data.MAP_SOURCES) if with_statistics and value_kind == "actual" else ["report"]
source = choose_option(t("map_source"), sources, "map_source", "source", sources[0],
                       format_func=lambda s: t(f"map_source_{s}") if s == "both" else t(f"source_{s}"),
                       container=source_column)

indicators = data.map_indicators(parent_code, source)
indicator_id = choose_indicator(indicators, key="map_indicator", container=controls[2])
indicator = indicators.set_index("indicator_id").loc[indicator_id]
name = indicator_name(indicator.to_dict() | {"indicator_id": indicator_id})
unit = indicator["unit"]

years = data.map_years(parent_code, indicator_id, value_kind, source)
if years.empty:
    st.info(t("map_no_values", parent=parent_name, indicator=name, kind=kind_label(value_kind)))
    year = None
else:
    # The year most units have a value for (the newest of those): the fullest map.
    fullest = years.sort_values(["n_units", "reference_year"], ascending=[False, False])["reference_year"].iloc[0]
    year = choose_option(t("year"), [int(y) for y in years["reference_year"]], "map_year", "year", int(fullest),
                         container=year_column, widget="selectbox")

units = data.region_units(parent_code)
# Without a year every unit comes back with no value: the map is all "no data", never empty.
values = data.map_values(parent_code, indicator_id, year, value_kind, source)
source_labels = {"report": t("source_report"), "statistics": t("source_statistics")}
values["source"] = values["value_source"].map(source_labels)
# A report value links to its sentence; on the map, any other unit opens its profile instead.
values["report_link"] = [reader_link(r, m, s, c) if isinstance(r, str) else None
                         for r, m, s, c in zip(values["report_id"], values["mention_id"], values["sentence_id"],
                                               values["place_code"])]
values["link"] = values["report_link"].where(values["report_link"].notna(), "./?place=" + values["place_code"])

shapes = boundaries.load_units(list(zip(units["place_code"], units["former_codes"].map(list))),
                               boundaries.tolerance_for(unit_level))
sea_line = boundaries.sea_line(boundaries.tolerance_for(unit_level)) if scope == "national" else None

n_values = int(values["value"].notna().sum())
if year is not None:
    st.markdown("**" + t("map_summary", parent=parent_name, n=len(values), n_values=n_values, year=year,
                         kind=kind_label(value_kind), n_missing=len(values) - n_values) + "**")
title = t("map_title", parent=parent_name, indicator=name, year=year if year is not None else "—",
          kind=kind_label(value_kind))
st.altair_chart(charts.choropleth_map(shapes.features, values, name, unit, lang, highlight=highlight,
                                      sea_line=sea_line, title=title), width="stretch")
st.caption(t(f"map_caption_{source}"))
if shapes.missing:
    names = dict(zip(units["place_code"], units["place_name"]))
    separator = "、" if lang == "zh" else ", "
    st.info(t("map_missing_boundaries", names=separator.join(f"{names[c]} {c}" for c in shapes.missing)))

table = pd.DataFrame({
    t("col_place"): values["place_name"],
    t("col_value"): [t("map_no_data") if is_missing(v) else format_value(v, unit, b, u, lang)
                     for v, b, u in zip(values["value"], values["bound"], values["value_upper"])],
    t("col_source"): values["source"].fillna("—"),
    t("col_year"): values["reference_year"],
    t("col_quote"): values["quote"].fillna("—"),
    t("col_source_link"): values["report_link"],
})
show_table(table, "map_table", column_config={t("col_source_link"): link_column(t("col_source_link"))})
download = values.assign(has_boundary=~values["place_code"].isin(shapes.missing))
keep = ["place_code", "place_name", "indicator_id", "reference_year", "value_kind", "value", "value_upper", "bound",
        "unit", "value_source", *PROVENANCE_COLUMNS, "has_boundary"]
download_csv(download[keep], f"map_{parent_code}_{indicator_id}_{year}_{value_kind}", key="map_csv")
params = f"?scope={scope}&parent={parent_code}&indicator={indicator_id}&kind={value_kind}&source={source}"
st.caption(t("deep_link", params=params + (f"&year={year}" if year is not None else "")))
page_links(place=highlight, indicator=indicator_id)
