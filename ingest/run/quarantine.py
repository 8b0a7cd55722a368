"""What a build quarantined: statements kept out of fct_indicator_values by a value rule
(dbt_project/macros/value_rules.sql), told as warnings so a scheduled build's log shows them."""

from __future__ import annotations

from pathlib import Path

import duckdb


def quarantined_by_rule(warehouse: Path) -> list[tuple[str, int, int]]:
    """(rule, statements, reports) per value rule broken in a warehouse dbt has just built, most
    first; empty when nothing is quarantined."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(
            """
            select failed_value_rule, count(*), count(distinct report_id)
            from fct_quarantined_values
            group by failed_value_rule
            order by count(*) desc, failed_value_rule
            """
        ).fetchall()


def quarantine_warnings(warehouse: Path) -> list[str]:
    """One warning line per broken rule."""
    return [
        f"warning: {n} extracted values from {n_reports} reports quarantined by rule {rule} "
        f"(kept out of fct_indicator_values; see fct_quarantined_values or the coverage page)"
        for rule, n, n_reports in quarantined_by_rule(warehouse)
    ]
