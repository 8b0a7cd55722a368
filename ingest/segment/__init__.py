"""3 segment: a report body → parts and sections (from heading numbering and words) → sentences with roles and offsets."""

from ingest.segment.report import segment_report
from ingest.segment.roles import heading_role, is_targets_sentence

__all__ = ["heading_role", "is_targets_sentence", "segment_report"]
