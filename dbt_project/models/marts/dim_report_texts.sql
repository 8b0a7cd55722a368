{{ config(materialized="incremental", incremental_strategy="append",
          pre_hook="{{ delete_changed_reports() }}") }}
-- Incremental by report (macros/report_increments.sql): a build that changes a few reports
-- deletes their rows and inserts their new ones.
-- One row per report: its full stored text (every char offset in the warehouse indexes it).
select
    report_id,
    report_text,
    body_start,
    body_end
from {{ ref('stg_landing__reports') }}
where {{ only_changed_reports() }}
