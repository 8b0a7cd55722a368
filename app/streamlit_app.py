"""Entry point: the language switch, navigation over the pages, and the warehouse check."""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run app/streamlit_app.py` puts app/ (not the project) on sys.path; pages import `app.*`.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

import duckdb  # noqa: E402
import streamlit as st  # noqa: E402

from app import warehouse  # noqa: E402
from app.i18n import DEFAULT_LANGUAGE, LANGUAGES, current_language, t  # noqa: E402

# Not "pages/": Streamlit would also discover that folder as old-style pages, and a deep link such as
# /profile?place=… would then run the page alone, without this entry script (no language switch, no checks).
PAGES_DIR = Path(__file__).resolve().parent / "views"
# (file, label key, url path): url paths are English and stable so deep links survive a language switch.
PAGES = [
    ("profile.py", "page_profile", "profile"),
    ("benchmark.py", "page_benchmark", "benchmark"),
    ("targets.py", "page_targets", "targets"),
    ("cascade.py", "page_cascade", "cascade"),
    ("map.py", "page_map", "map"),
    ("attention.py", "page_attention", "attention"),
    ("reader.py", "page_reader", "reader"),
    ("coverage.py", "page_coverage", "coverage"),
    ("sql.py", "page_sql", "sql"),
]

st.set_page_config(page_title="县志 Xianzhi", page_icon="📊", layout="wide")



def _remember_language() -> None:
    # A plain session key outlives the widget's own state, which Streamlit may drop between pages.
    st.session_state["lang"] = st.session_state["lang_choice"]


st.session_state.setdefault("lang", DEFAULT_LANGUAGE)
st.session_state["lang_choice"] = current_language()
st.sidebar.radio(t("language"), list(LANGUAGES), format_func=LANGUAGES.get, key="lang_choice",
                 on_change=_remember_language, horizontal=True)

page = st.navigation(
    [
        st.Page(PAGES_DIR / file, title=t(label), url_path=url_path, default=(index == 0))
        for index, (file, label, url_path) in enumerate(PAGES)
    ]
)
st.sidebar.caption(t("app_title"))
st.sidebar.caption(t("warehouse_caption", path=warehouse.warehouse_path()))

if not warehouse.warehouse_exists():
    st.warning(t("warehouse_missing", path=warehouse.warehouse_path()))
    st.stop()

try:
    page.run()
except warehouse.WarehouseMissing as missing:
    # The file vanished between the check and a query (a rebuild swapping it in).
    st.warning(t("warehouse_missing", path=missing))
except duckdb.Error as error:
    if "Could not set lock" in str(error):  # DuckDB's wording when a writer holds the file
        st.warning(t("warehouse_locked", path=warehouse.warehouse_path()))
    else:
        # A file this project's build did not make (or one from another version of it): explain
        # instead of a traceback.
        st.error(t("warehouse_mismatch", error=error))
