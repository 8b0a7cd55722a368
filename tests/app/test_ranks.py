"""Which rank a profile row shows: its own year's where peers have a value, else the latest year with statistics."""

import pandas as pd

from app.ranks import pick_rank, rank_text

COLUMNS = ["indicator_id", "reference_year", "value_kind", "peer_rank", "n_peers_with_data",
           "n_peers_without_data", "n_peers_from_statistics"]


def ranks(*rows):
    return pd.DataFrame(rows, columns=COLUMNS)


GDP = ranks(
    ("gdp", 2022, "actual", 1, 1, 7, 0),     # only the place's own report
    ("gdp", 2012, "actual", 3, 7, 1, 6),
    ("gdp", 2023, "actual", 2, 8, 0, 7),     # the panel's latest year
    ("gdp", 2024, "actual", 1, 1, 7, 0),
    ("gdp", 2023, "target", 1, 1, 7, 0),
    ("gdp_growth", 2022, "actual", 2, 3, 5, 0),
)


def test_a_year_with_peers_keeps_its_own_rank():
    assert pick_rank(GDP, "gdp_growth", 2022, "actual")["peer_rank"] == 2
    assert pick_rank(GDP, "gdp_growth", 2022, "actual")["fallback_year"] is None


def test_a_year_without_peers_falls_back_to_the_latest_year_with_statistics():
    rank = pick_rank(GDP, "gdp", 2022, "actual")
    assert (rank["peer_rank"], rank["n_peers_with_data"], rank["fallback_year"]) == (2, 8, 2023)
    # 2024 is later than the statistics: still 2023's rank, said to be 2023's.
    assert pick_rank(GDP, "gdp", 2024, "actual")["fallback_year"] == 2023


def test_a_target_never_falls_back_to_statistics():
    rank = pick_rank(GDP, "gdp", 2023, "target")
    assert (rank["peer_rank"], rank["n_peers_with_data"], rank["fallback_year"]) == (1, 1, None)


def test_no_row_and_nothing_to_fall_back_on_is_no_rank():
    assert pick_rank(GDP, "gdp_growth", 2030, "actual") is None
    assert pick_rank(ranks(), "gdp", 2022, "actual") is None
    assert rank_text(None, "温州县域") == "—"


def test_the_text_says_the_year_and_how_many_peers_have_a_value():
    assert rank_text(pick_rank(GDP, "gdp", 2022, "actual"), "温州县域") == "第2/8（温州县域，2023 年统计）· 8 有数据 · 0 无数据"
    assert rank_text(pick_rank(GDP, "gdp_growth", 2022, "actual"), "温州县域") == "第2/3（温州县域）· 3 有数据 · 5 无数据"
