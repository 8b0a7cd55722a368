"""SQL console: read-only SELECTs over the warehouse, time-limited, capped, without file or network access."""

import streamlit as st

from app import console
from app.i18n import t
from app.ui import download_csv, show_table

EXAMPLES = {
    "GDP by place and year": """select place_code, place_name, reference_year, value / 1e8 as gdp_100m_cny, quote
from fct_indicator_values
where indicator_id = 'gdp' and value_kind = 'actual'
order by place_code, reference_year""",
    "Targets vs actuals": """select t.place_name, t.indicator_id, t.reference_year,
       t.bound, t.value as target, a.value as actual
from fct_indicator_values t
left join fct_indicator_values a
  on a.place_code = t.place_code and a.indicator_id = t.indicator_id
 and a.reference_year = t.reference_year and a.value_kind = 'actual'
where t.value_kind = 'target'
order by t.place_code, t.reference_year, t.indicator_id""",
    "Reports and their yield": """select report_id, place_name, report_year, is_work_report, n_mentions, n_values
from dim_reports
order by place_code, report_year""",
    "Values per indicator": """select i.indicator_id, i.name_zh, count(v.value) as n_values,
       count(distinct v.place_code) as n_places
from dim_indicators i left join fct_indicator_values v using (indicator_id)
group by all order by n_values desc""",
    "Tables and columns": """select table_name, column_name, data_type
from information_schema.columns
where table_schema = 'main'
order by table_name, ordinal_position""",
}

st.title(t("page_sql"))
st.caption(t("sql_intro", seconds=f"{console.TIMEOUT_SECONDS:g}", rows=console.MAX_ROWS))


def load_example() -> None:
    st.session_state["sql_query"] = EXAMPLES[st.session_state["sql_example"]]


if "sql_query" not in st.session_state:
    st.session_state["sql_query"] = EXAMPLES[next(iter(EXAMPLES))]
st.selectbox(t("sql_example"), list(EXAMPLES), key="sql_example", on_change=load_example)
sql = st.text_area(t("sql_query"), key="sql_query", height=180)

if st.button(t("sql_run"), key="sql_run", type="primary"):
    # Kept in session state so the result survives reruns caused by other widgets.
    st.session_state["sql_result"] = console.run(sql)
    st.session_state["sql_result_for"] = sql

result = st.session_state.get("sql_result")
if result is not None:
    if result.error:
        st.error(t("sql_refused", reason=result.error))
    else:
        st.caption(t("sql_done", n=len(result.frame), seconds=result.seconds))
        if result.truncated:
            st.warning(t("sql_truncated", rows=console.MAX_ROWS))
        show_table(result.frame, "sql_result_table")
        download_csv(result.frame, "query_result", key="sql_csv")
