"""One schema per landed table, the sort keys that make landing deterministic, and which tables a document fills."""

from __future__ import annotations

import pyarrow as pa

S, I, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()

SCHEMAS: dict[str, pa.Schema] = {
    "reports": pa.schema(
        [
            ("report_id", S), ("content_hash", S), ("source_files", S), ("source_urls", S),
            ("place_code", S), ("place_name", S), ("report_year", I),
            ("labelled_place", S), ("labelled_year", I), ("label_conflict", S),
            ("title", S), ("session", S), ("delivery_date", S), ("speaker", S), ("identity_evidence", S),
            ("place_confidence", S), ("year_confidence", S), ("functional_area", S),
            ("body_start", I), ("body_end", I), ("char_count", I),
            ("lost_char_runs", I), ("is_truncated", B), ("is_partial", B),
            ("is_work_report", B), ("non_report_reason", S), ("is_duplicate_source", B),
            ("report_text", S),
        ]
    ),
    "sentences": pa.schema(
        [
            ("sentence_id", S), ("report_id", S), ("sentence_index", I),
            ("section_role", S), ("section_title", S), ("section_path", S),
            ("char_start", I), ("char_end", I), ("sentence_text", S),
        ]
    ),
    "metric_mentions": pa.schema(
        [
            ("mention_id", S), ("report_id", S), ("sentence_id", S), ("mention_index", I),
            ("char_start", I), ("char_end", I), ("surface", S), ("subject", S), ("verb", S),
            ("indicator_id", S), ("value", F), ("value_upper", F), ("bound", S),
            ("unit", S), ("unit_raw", S), ("value_kind", S), ("reference_year", I),
            ("is_multi_year", B), ("is_rank", B), ("rank_scope", S), ("is_sub_area", B), ("subject_stripped", S),
            ("is_estimate", B),
        ]
    ),
    "ingest_errors": pa.schema([("source", S), ("reason", S)]),
    "report_terms": pa.schema([("report_id", S), ("term", S), ("n", I)]),
    "named_projects": pa.schema(
        [
            ("report_id", S), ("sentence_id", S), ("project_name", S), ("stage", S), ("stage_word", S),
            ("char_start", I), ("char_end", I),
        ]
    ),
    # Official statistics: a documents folder's statistics/ (re-landed by every build, origin
    # 'documents') and files loaded by `xianzhi stats load` (origin 'stats load', kept across builds).
    "statistics": pa.schema(
        [
            ("place_code", S), ("indicator_id", S), ("reference_year", I), ("value", F), ("unit", S),
            ("source_county", S), ("source_province", S), ("source_column", S), ("source_code", S),
            ("source_file", S), ("source_name", S), ("source_url", S), ("vintage", S), ("origin", S),
        ]
    ),
}

# Sort keys make rebuilds byte-for-byte comparable (idempotent landing).
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "reports": ("report_id",),
    "sentences": ("sentence_id",),
    "metric_mentions": ("mention_id",),
    "ingest_errors": ("source", "reason"),
    "statistics": ("origin", "source_file", "place_code", "indicator_id", "reference_year"),
    "report_terms": ("report_id", "term"),
    "named_projects": ("report_id", "char_start", "project_name", "stage_word"),
}

# Landed tables each document contributes to, with the ProcessedReport field holding its rows.
DOCUMENT_TABLES = {
    "reports": "report",
    "sentences": "sentences",
    "metric_mentions": "mentions",
    "report_terms": "terms",
    "named_projects": "projects",
}
