-- One row per document (or container row) that could not be read or attributed.
select source_ref, reason
from {{ ref('stg_landing__ingest_errors') }}
