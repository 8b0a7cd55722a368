"""Which peer rank a profile row shows, and how it reads: pure functions over fct_peer_benchmarks rows."""

from __future__ import annotations

import pandas as pd

from app.formatting import is_missing
from app.i18n import t


def pick_rank(ranks: pd.DataFrame, indicator_id: str, year, value_kind: str) -> dict | None:
    """The place's rank on one indicator in one year, as a dict with `fallback_year` set when it is
    another year's.

    A report's year often has no peer with a value (reports of the peers are not at hand): an
    actual's rank then falls back to the latest year in which peers have official statistics, so
    the place is ranked among its peers rather than first of one. Targets never fall back: no
    statistic is a target.
    """
    if ranks.empty or is_missing(year):
        return None
    rows = ranks[(ranks["indicator_id"] == indicator_id) & (ranks["value_kind"] == value_kind)]
    own = rows[rows["reference_year"] == int(year)]
    if not own.empty and int(own["n_peers_with_data"].iloc[0]) > 1:
        return own.iloc[0].to_dict() | {"fallback_year": None}
    if value_kind == "actual":
        with_peers = rows[(rows["n_peers_from_statistics"] > 0) & (rows["n_peers_with_data"] > 1)]
        if not with_peers.empty:
            latest = with_peers.sort_values("reference_year").iloc[-1]
            return latest.to_dict() | {"fallback_year": int(latest["reference_year"])}
    return None if own.empty else own.iloc[0].to_dict() | {"fallback_year": None}


def rank_text(rank: dict | None, group: str) -> str:
    """'第2/8（温州县域，2023 年统计）· 8 有数据 · 0 无数据': the rank, among how many with a value,
    the year when it is not the row's own, and how many peers have none."""
    if rank is None or is_missing(rank.get("peer_rank")):
        return "—"
    year_note = t("peer_rank_year", year=rank["fallback_year"]) if rank.get("fallback_year") else ""
    without = rank.get("n_peers_without_data")
    return t("peer_rank_text", rank=int(rank["peer_rank"]), n=int(rank["n_peers_with_data"]), group=group,
             year_note=year_note, n_without=0 if is_missing(without) else int(without))
