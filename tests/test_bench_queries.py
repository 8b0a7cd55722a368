"""The benchmark's app-query measurement runs on a real warehouse and measures both connection states."""

import pytest

from ingest.tools import bench


@pytest.mark.integration
def test_query_latencies_cover_every_app_query_warm_and_cold(corpus_warehouse, monkeypatch):
    monkeypatch.setenv("XIANZHI_WAREHOUSE", str(corpus_warehouse))  # query_latencies sets it too
    from app import warehouse

    latencies = bench.query_latencies(corpus_warehouse, repeats=3)
    assert len(latencies) == 10
    for name, figures in latencies.items():
        assert 0 < figures["p50_ms"] <= figures["p95_ms"], name
        assert 0 < figures["cold_p50_ms"] <= figures["cold_p95_ms"], name
    # Opening the file is the cost the held connection saves: cold is never the cheaper one overall.
    assert sum(f["cold_p50_ms"] for f in latencies.values()) > sum(f["p50_ms"] for f in latencies.values())
    assert warehouse.held_connections() == 0  # the benchmark lets go of the file when it is done
