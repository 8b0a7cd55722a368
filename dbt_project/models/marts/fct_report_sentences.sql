{{ config(materialized="incremental", incremental_strategy="append",
          pre_hook="{{ delete_changed_reports() }}") }}
-- Incremental by report (macros/report_increments.sql): a build that changes a few reports
-- deletes their rows and inserts their new ones.
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
where {{ only_changed_reports() }}
