"""Attention: how much the work reports talk about a policy term, across places and report years.

Curated terms come from fct_term_attention (zero counts present); any other word is looked up in
fct_report_terms (jieba tokens), and a word that is not a token is said to be so, with the closest
tokens that contain it.
"""

import pandas as pd
import streamlit as st

from app import charts, data
from app.i18n import current_language, t
from app.ui import choose_place, default_peers, download_csv, page_links, show_table

lang = current_language()
st.title(t("page_attention"))
st.caption(t("att_intro"))

terms = data.policy_terms()
places = data.places_with_terms()
if terms.empty or places.empty:
    st.info(t("att_no_data"))
    st.stop()

METRICS = {"per_10k_chars": "metric_per_10k", "n_occurrences": "metric_count"}
left, right = st.columns([2, 1])
code = choose_place(places, key="attention_place", container=left)
metric = right.radio(t("att_metric"), list(METRICS), format_func=lambda m: t(METRICS[m]),
                     key="attention_metric", horizontal=True)
metric_title = t(METRICS[metric])
metric_unit = t({"per_10k_chars": "unit_per_10k", "n_occurrences": "unit_times"}[metric])

# Places to compare: the chosen place and its same-tier neighbours in the prefecture (editable).
codes = places["place_code"].tolist()
labels = {c: f"{n} · {c}" for c, n in zip(places["place_code"], places["place_name"])}
if st.session_state.get("attention_places_for") != code or "attention_places" not in st.session_state:
    # Neighbours in the prefecture first; where it has few reports, the rest of the province.
    neighbours = default_peers(places, code, "prefecture")
    if len(neighbours) < 3:
        neighbours += [p for p in default_peers(places, code, "province") if p not in neighbours]
    neighbours = neighbours[:7]
    st.session_state["attention_places"] = [code] + neighbours
    st.session_state["attention_places_for"] = code
compared = st.multiselect(t("att_places"), codes, format_func=labels.get, key="attention_places")

# --- curated policy terms ------------------------------------------------------------------------
st.subheader(t("att_curated"))
term_list = terms["term"].tolist()
term_labels = {row["term"]: (f"{row['term']} · {row['name_en']}" if lang == "en" and isinstance(row["name_en"], str)
                             else row["term"]) for _, row in terms.iterrows()}
if "attention_terms" not in st.session_state:
    wanted = [w for w in (st.query_params.get("term") or "").split(",") if w in term_list]
    st.session_state["attention_terms"] = wanted or term_list[:1]
chosen_terms = st.multiselect(t("att_terms"), term_list, format_func=term_labels.get, key="attention_terms")
if chosen_terms:
    st.query_params["term"] = ",".join(chosen_terms)
elif "term" in st.query_params:
    del st.query_params["term"]

if not chosen_terms:
    st.info(t("att_no_terms"))
elif not compared:
    st.info(t("att_no_places"))
else:
    series = data.term_attention(chosen_terms, compared)
    st.altair_chart(charts.attention_line_chart(series, code, metric, metric_title, lang, unit_label=metric_unit),
                    width="stretch")
    st.caption(t("att_chart_source"))

    # Which places mention the term most in one report year (every place with a report that year).
    rank_left, rank_right = st.columns(2)
    if st.session_state.get("attention_rank_term") not in chosen_terms:
        st.session_state["attention_rank_term"] = chosen_terms[0]
    rank_term = rank_left.selectbox(t("att_rank_term"), chosen_terms, format_func=term_labels.get,
                                    key="attention_rank_term")
    years = data.term_years()
    if st.session_state.get("attention_year") not in years:
        wanted = st.query_params.get("year")
        own = series.loc[series["place_code"] == code, "report_year"]
        st.session_state["attention_year"] = (
            int(wanted) if wanted and wanted.isdigit() and int(wanted) in years
            else int(own.max()) if not own.empty else years[0])
    year = rank_right.selectbox(t("att_rank_year"), years, key="attention_year")
    st.query_params["year"] = str(year)

    ranked = data.term_ranking(rank_term, year)
    st.markdown("**" + t("att_ranking", term=rank_term, year=year) + "**")
    own = ranked[ranked["place_code"] == code]
    place_name = labels[code].split(" · ")[0]
    if own.empty:
        st.caption(t("att_place_absent", place=place_name, year=year))
    else:
        st.caption(t("att_place_rank", place=place_name, n=len(ranked), rank=int(own["rank"].iloc[0]),
                     rate=f"{own['per_10k_chars'].iloc[0]:.2f}"))
    table = pd.DataFrame({
        t("col_rank"): ranked["rank"],
        t("col_place"): ranked["place_name"],
        t("metric_count"): ranked["n_occurrences"],
        t("metric_per_10k"): ranked["per_10k_chars"].round(2),
        t("col_report"): ranked["report_id"],
    })
    show_table(table.style.apply(
        lambda row: ["font-weight: bold; background-color: #fdecea"] * len(row)
        if ranked.loc[row.name, "place_code"] == code else [""] * len(row), axis=1).format(
        {t("metric_per_10k"): "{:.2f}"}),
        "attention_rank_table")
    downloads = st.columns(2)
    with downloads[0]:
        download_csv(ranked, f"attention_{rank_term}_{year}", key="attention_rank_csv", label=t("att_download_ranking"))
    with downloads[1]:
        download_csv(series, "attention_terms_by_report", key="attention_series_csv", label=t("att_download_series"))

# --- any word ------------------------------------------------------------------------------------
st.subheader(t("att_free"))


def _use_suggestion(word: str) -> None:
    st.session_state["attention_word"] = word


if "attention_word" not in st.session_state:
    st.session_state["attention_word"] = st.query_params.get("word", "")
word = st.text_input(t("att_free_input"), key="attention_word", help=t("att_free_help")).strip()
if word:
    st.query_params["word"] = word
elif "word" in st.query_params:
    del st.query_params["word"]

if word:
    if not data.token_exists(word):
        st.warning(t("att_not_token", word=word))
        suggestions = data.token_suggestions(word)
        if suggestions.empty:
            st.info(t("att_no_suggestion", word=word))
        else:
            st.caption(t("att_suggest"))
            columns = st.columns(min(len(suggestions), 5))
            for index, row in suggestions.iterrows():
                columns[index % len(columns)].button(
                    f"{row['term']}（{int(row['n_occurrences'])}）", key=f"attention_suggest_{index}",
                    on_click=_use_suggestion, args=(row["term"],))
    else:
        hits = data.token_attention(word)
        used = hits[hits["n_occurrences"] > 0]
        st.markdown(t("att_word_summary", word=word, n=int(used["n_occurrences"].sum()), n_reports=len(used)))
        if compared:
            mine = hits[hits["place_code"].isin(compared)]
            if not mine.empty:
                st.altair_chart(charts.attention_line_chart(mine, code, metric, metric_title, lang,
                                                            unit_label=metric_unit), width="stretch")
                st.caption(t("att_chart_source"))
        st.markdown("**" + t("att_word_ranking", word=word) + "**")
        by_place = used.sort_values(["per_10k_chars", "place_code"], ascending=[False, True])
        show_table(pd.DataFrame({
            t("col_place"): by_place["place_name"],
            t("att_rank_year"): by_place["report_year"],
            t("metric_count"): by_place["n_occurrences"],
            t("metric_per_10k"): by_place["per_10k_chars"].round(2),
            t("col_report"): by_place["report_id"],
        }), "attention_word_table", column_config={t("metric_per_10k"): st.column_config.NumberColumn(format="%.2f")})
        download_csv(hits, f"attention_word_{word}", key="attention_word_csv")

page_links(place=code)
