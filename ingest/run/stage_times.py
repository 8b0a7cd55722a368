"""Seconds each ingest stage took in this process, summed over documents: what "Where the time goes" reports."""

from __future__ import annotations

import time
from collections import defaultdict
from contextlib import contextmanager

# In reading order; the bench prints them so.
STAGES = ("read", "identify", "segment", "extract", "terms", "projects", "rows", "cache")

_seconds: dict[str, float] = defaultdict(float)


@contextmanager
def stage(name: str):
    """Add the time spent inside the block to the stage's total (a perf_counter pair: ~0.1 µs)."""
    started = time.perf_counter()
    try:
        yield
    finally:
        _seconds[name] += time.perf_counter() - started


def totals() -> dict[str, float]:
    """Seconds per stage since the last reset, in STAGES order (stages never entered are 0)."""
    return {name: _seconds.get(name, 0.0) for name in STAGES} | {
        name: s for name, s in _seconds.items() if name not in STAGES}


def reset() -> None:
    _seconds.clear()
