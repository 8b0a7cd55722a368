"""Widgets and helpers the pages share: place picker, table guards, CSV downloads, labels."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app import data
from app.formatting import format_value
from app.i18n import current_language, indicator_name, t

# Provenance travels with every download so a figure can be traced back to its sentence.
PROVENANCE_COLUMNS = ["report_id", "report_year", "sentence_id", "char_start", "char_end", "mention_id", "quote"]


def require_tables(*tables: str) -> None:
    """Stop the page with an explanation when the warehouse lacks a table it needs."""
    missing = data.missing_tables(*tables)
    if missing:
        st.info(t("table_missing", tables=", ".join(missing)))
        st.stop()


def place_label(row) -> str:
    """'瑞安市 · 330381': names repeat across China, the code disambiguates."""
    return f"{row['place_name']} · {row['place_code']}"


def _initial_choice(key: str, options: list, param: str, fallback) -> None:
    # Seed the widget's state once (deep link, then the app-wide choice, then the fallback);
    # afterwards the widget's own state wins.
    if st.session_state.get(key) in options:
        return
    wanted = st.query_params.get(param)
    remembered = st.session_state.get(f"chosen_{param}")
    for candidate in (wanted, remembered, fallback):
        if candidate in options:
            st.session_state[key] = candidate
            return
    st.session_state[key] = options[0]


def choose_place(places: pd.DataFrame, key: str, label: str | None = None, container=st) -> str:
    """A place selectbox over codes; honours ?place=, remembers the choice across pages."""
    codes = places["place_code"].tolist()
    labels = {row["place_code"]: place_label(row) for _, row in places.iterrows()}
    with_reports = places.loc[places["n_reports"] > 0, "place_code"].tolist() if "n_reports" in places else []
    _initial_choice(key, codes, "place", with_reports[0] if with_reports else codes[0])
    code = container.selectbox(label or t("place"), codes, format_func=labels.get, key=key)
    st.session_state["chosen_place"] = code
    st.query_params["place"] = code
    return code


def choose_indicator(indicators: pd.DataFrame, key: str, container=st) -> str:
    """An indicator selectbox (ids, shown by name); honours ?indicator=."""
    ids = indicators["indicator_id"].tolist()
    names = {row["indicator_id"]: indicator_name(row) for _, row in indicators.iterrows()}
    # GDP is what analysts compare first; otherwise the indicator with the most values.
    _initial_choice(key, ids, "indicator", "gdp" if "gdp" in ids else ids[0])
    indicator_id = container.selectbox(t("indicator"), ids, format_func=names.get, key=key)
    st.session_state["chosen_indicator"] = indicator_id
    st.query_params["indicator"] = indicator_id
    return indicator_id


def formatted(frame: pd.DataFrame, value: str = "value", upper: str | None = "value_upper",
              bound: str | None = "bound", unit: str = "unit") -> pd.Series:
    """A column of display strings (亿元, ≥6.5%) for a frame of canonical values."""
    lang = current_language()
    if frame.empty:
        return pd.Series([], dtype="object")
    return frame.apply(
        lambda r: format_value(
            r[value], r[unit], r[bound] if bound else "eq", r[upper] if upper else None, lang
        ),
        axis=1,
    )


def indicator_names(frame: pd.DataFrame) -> pd.Series:
    if frame.empty:
        return pd.Series([], dtype="object")
    return frame.apply(indicator_name, axis=1)


def download_csv(frame: pd.DataFrame, name: str, key: str) -> None:
    """A CSV download of the table as queried (canonical values plus provenance columns)."""
    st.download_button(
        t("download_csv"),
        # utf-8-sig: Excel opens Chinese text correctly only with a BOM.
        frame.to_csv(index=False).encode("utf-8-sig"),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=key,
        on_click="ignore",
    )


def kind_label(kind: str) -> str:
    return t(f"kind_{kind}") if kind in ("actual", "target", "other") else str(kind)


def show_table(frame, key: str, **options) -> None:
    """st.dataframe inside a keyed container, so tests (and CSS) can find the table by key."""
    options.setdefault("hide_index", True)
    options.setdefault("width", "stretch")
    with st.container(key=key):
        st.dataframe(frame, **options)


# Comparable tiers: a county is benchmarked against counties, county-level cities and districts,
# never against its own prefecture or province.
TIERS = {"province": "province", "prefecture": "prefecture", "county": "county",
         "county_level_city": "county", "district": "county"}


def default_peers(places: pd.DataFrame, code: str, scope: str) -> list[str]:
    """Places of the same tier as `code` sharing its prefecture / province (scope 'all': any), itself excluded."""
    place = places.set_index("place_code").loc[code]
    tier = TIERS.get(place["level"], place["level"])
    same_tier = places["level"].map(lambda level: TIERS.get(level, level)) == tier
    candidates = places[same_tier & (places["place_code"] != code)]
    column = {"prefecture": "prefecture_code", "province": "province_code"}.get(scope)
    if column:
        candidates = candidates[candidates[column] == place[column]]
    return candidates["place_code"].tolist()
