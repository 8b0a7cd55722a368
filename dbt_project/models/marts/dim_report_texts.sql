-- One row per report: its full stored text (every char offset in the warehouse indexes it).
select
    report_id,
    report_text,
    body_start,
    body_end
from {{ ref('stg_landing__reports') }}
