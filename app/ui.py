"""Widgets and helpers the pages share: place and peer pickers, keyed tables, CSV downloads, labels."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app.formatting import format_value
from app.i18n import current_language, indicator_name, t

# Provenance travels with every download so a figure can be traced back to its sentence.
PROVENANCE_COLUMNS = ["report_id", "report_year", "sentence_id", "char_start", "char_end", "mention_id", "quote"]


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
    labels = {c: f"{n} · {c}" for c, n in zip(places["place_code"], places["place_name"])}
    with_reports = places.loc[places["n_reports"] > 0, "place_code"].tolist() if "n_reports" in places else []
    _initial_choice(key, codes, "place", with_reports[0] if with_reports else codes[0])
    code = container.selectbox(label or t("place"), codes, format_func=labels.get, key=key)
    st.session_state["chosen_place"] = code
    st.query_params["place"] = code
    return code


def choose_indicator(indicators: pd.DataFrame, key: str, container=st, default: str = "gdp") -> str:
    """An indicator selectbox (ids, shown by name); honours ?indicator=, then the choice made on
    another page, then `default`."""
    ids = indicators["indicator_id"].tolist()
    names = {row["indicator_id"]: indicator_name(row) for _, row in indicators.iterrows()}
    # GDP is what analysts compare first; otherwise the indicator with the most values.
    _initial_choice(key, ids, "indicator", default if default in ids else ids[0])
    indicator_id = container.selectbox(t("indicator"), ids, format_func=names.get, key=key)
    st.session_state["chosen_indicator"] = indicator_id
    st.query_params["indicator"] = indicator_id
    return indicator_id


def choose_option(label: str, options: list, key: str, param: str, default=None, format_func=str,
                  container=st, widget: str = "radio"):
    """A radio (or selectbox) over options that honours ?param= (compared as text, so years match)
    and writes the choice back to it; `default` (else the first option) when the link names none."""
    if st.session_state.get(key) not in options:
        wanted = st.query_params.get(param)
        linked = next((option for option in options if str(option) == wanted), None)
        st.session_state[key] = linked if linked is not None else (default if default in options else options[0])
    if widget == "radio":
        choice = container.radio(label, options, format_func=format_func, key=key, horizontal=True)
    else:
        choice = container.selectbox(label, options, format_func=format_func, key=key)
    st.query_params[param] = str(choice)
    return choice


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


def download_csv(frame: pd.DataFrame, name: str, key: str, label: str | None = None) -> None:
    """A CSV download of the table as queried (canonical values plus provenance columns)."""
    st.download_button(
        label or t("download_csv"),
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


def default_peers(places: pd.DataFrame, code: str, scope: str) -> list[str]:
    """Places of the same level class as `code` (a county is compared with counties, county-level
    cities and districts, never with its prefecture) sharing its prefecture / province (scope
    'all': any), itself excluded."""
    place = places.set_index("place_code").loc[code]
    candidates = places[(places["level_class"] == place["level_class"]) & (places["place_code"] != code)]
    column = {"prefecture": "prefecture_code", "province": "province_code"}.get(scope)
    if column:
        candidates = candidates[candidates[column] == place[column]]
    return candidates["place_code"].tolist()


def reader_link(report_id, mention_id=None, sentence_id=None, place_code=None) -> str | None:
    """A relative deep link to the report reader that opens at one sentence (and marks one value).

    Relative so it works under any server base path: 'reader?report=…&mention=…&sentence=…'.
    """
    from urllib.parse import urlencode

    from app.formatting import is_missing

    if is_missing(report_id):
        return None
    params = {"report": report_id}
    for name, value in (("mention", mention_id), ("sentence", sentence_id), ("place", place_code)):
        if not is_missing(value):
            params[name] = value
    return "reader?" + urlencode(params)


def link_column(label: str):
    """A LinkColumn that shows a short text instead of the URL."""
    return st.column_config.LinkColumn(label, display_text=t("link_text"))


def page_links(**params) -> None:
    """Links to the other pages for the same place / indicator (deep links, query parameters kept)."""
    from urllib.parse import urlencode

    query_string = urlencode({k: v for k, v in params.items() if v})
    # The profile is the default page: its address is the app root ("./"), not "profile".
    pages = [("./", "page_profile"), ("benchmark", "page_benchmark"), ("targets", "page_targets"),
             ("cascade", "page_cascade"), ("map", "page_map"), ("attention", "page_attention"),
             ("reader", "page_reader")]
    colon = "：" if current_language() == "zh" else ": "
    st.markdown(t("profile_links") + colon + " · ".join(f"[{t(label)}]({path}?{query_string})" for path, label in pages))


def choose_peer_group(groups: pd.DataFrame, key: str, container=st, allow_none: str | None = None) -> str | None:
    """A selectbox over the warehouse's peer groups for a place ('group|key'); honours ?group=.

    The named group 温州县域 and the same-prefecture group come first as defaults.
    """
    lang = current_language()
    options = [f"{g}|{k}" for g, k in zip(groups["peer_group_id"], groups["group_key"])]
    if allow_none:
        options = [allow_none] + options
    if not options:
        return None
    names = {allow_none: t("peer_source_app")} if allow_none else {}
    for _, row in groups.iterrows():
        name = (row["name_en"] if lang == "en" else row["name_zh"]) if isinstance(row["name_zh"], str) else row["peer_group_id"]
        suffix = "" if row["group_key"] in ("all", row["peer_group_id"]) else f" · {row['group_key']}"
        names[f"{row['peer_group_id']}|{row['group_key']}"] = name + suffix
    if st.session_state.get(key) not in options:
        wanted = st.query_params.get("group")
        by_id = {o.split("|", 1)[0]: o for o in options if o != allow_none}
        preferred = [wanted, by_id.get(wanted or ""), st.session_state.get("chosen_group")]
        if not allow_none:
            preferred += [by_id.get("wenzhou_counties"), by_id.get("same_prefecture")]
        st.session_state[key] = next((p for p in preferred if p in options), options[0])
    choice = container.selectbox(t("peer_source"), options, format_func=names.get, key=key)
    if choice != allow_none:
        st.session_state["chosen_group"] = choice
        st.query_params["group"] = choice.split("|", 1)[0]
    elif "group" in st.query_params:
        del st.query_params["group"]
    return choice


def group_label(groups: pd.DataFrame, choice: str | None) -> str:
    """The display name of a 'group|key' choice."""
    if not choice or "|" not in choice:
        return ""
    group_id, group_key = choice.split("|", 1)
    row = groups[(groups["peer_group_id"] == group_id) & (groups["group_key"] == group_key)]
    if row.empty or not isinstance(row["name_zh"].iloc[0], str):
        return group_id
    return row["name_en" if current_language() == "en" else "name_zh"].iloc[0]
