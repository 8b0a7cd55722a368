"""The places nearest to one a link asks for that the warehouse lacks: by shared code prefix or by name."""

from __future__ import annotations

from difflib import SequenceMatcher

import pandas as pd

# A name sharing less than this with every place is not offered as a match (瑞安 ~ 瑞安市 is 0.8).
MIN_NAME_SIMILARITY = 0.4


def _shared_prefix_levels(code: str, other: str) -> int:
    """How many levels (province 2 digits, prefecture 4, county 6) two codes share."""
    levels = 0
    for end in (2, 4, 6):
        if code[:end] != other[:end] or len(code) < end:
            break
        levels += 1
    return levels


def _name_similarity(wanted: str, name: str) -> float:
    if wanted == name:
        return 1.0
    # 瑞安 for 瑞安市, 深圳市南山区 for 南山区: one inside the other is nearly the same place.
    if wanted in name or name in wanted:
        return 0.9
    return SequenceMatcher(None, wanted, name).ratio()


def nearest_places(places: pd.DataFrame, wanted: str, limit: int = 3) -> list[str]:
    """Codes of the places (place_code, place_name) nearest to `wanted`, best first.

    A code (all digits) is matched by the levels it shares with each code (same prefecture, then
    same province), then by numeric distance; a name by similarity to the names. Empty when
    nothing is similar, or `wanted` is empty.
    """
    wanted = (wanted or "").strip()
    if not wanted or places.empty:
        return []
    codes = places["place_code"].astype(str).tolist()
    if wanted.isdigit():
        number = int(wanted.ljust(6, "0")[:6])
        ranked = sorted(codes, key=lambda c: (-_shared_prefix_levels(wanted, c), abs(int(c) - number), c))
        return ranked[:limit]
    scored = [(_name_similarity(wanted, name), code) for code, name in zip(codes, places["place_name"].astype(str))]
    scored = [(score, code) for score, code in scored if score >= MIN_NAME_SIMILARITY]
    return [code for _, code in sorted(scored, key=lambda sc: (-sc[0], sc[1]))[:limit]]
