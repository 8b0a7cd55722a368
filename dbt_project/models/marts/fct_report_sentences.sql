-- One row per sentence of a report body.
select
    sentence_id,
    report_id,
    sentence_index,
    section_role,
    section_title,
    section_path,
    char_start,
    char_end,
    sentence_text
from {{ ref('stg_landing__sentences') }}
