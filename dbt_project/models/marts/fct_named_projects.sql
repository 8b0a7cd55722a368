{{ config(materialized="incremental", incremental_strategy="append",
          pre_hook="{{ delete_changed_reports() }}") }}
-- Incremental by report (macros/report_increments.sql): a build that changes a few reports
-- deletes their rows and inserts their new ones.
-- One row per named project mention in a work report, with its stage (started, ongoing,
-- completed, signed), place and year, and where it is written.
with projects as (
    select * from {{ ref('stg_landing__named_projects') }}
),

reports as (
    select report_id, place_code, place_name, report_year
    from {{ ref('stg_landing__reports') }}
    where is_work_report
      and {{ only_changed_reports() }}
)

select
    projects.report_id,
    reports.place_code,
    reports.place_name,
    reports.report_year,
    projects.project_name,
    projects.stage,
    projects.stage_word,
    projects.sentence_id,
    projects.char_start,
    projects.char_end
from projects
inner join reports using (report_id)
