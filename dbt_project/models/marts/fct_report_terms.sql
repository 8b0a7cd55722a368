{{ config(materialized="incremental", incremental_strategy="append",
          pre_hook="{{ delete_changed_reports() }}") }}
-- Incremental by report (macros/report_increments.sql): a build that changes a few reports
-- deletes their rows and inserts their new ones.
-- One row per work report × token: how often the report uses it and its rate per 10,000
-- characters, so any term can be compared across places and years without rescanning text.
with terms as (
    select * from {{ ref('stg_landing__report_terms') }}
),

reports as (
    select report_id, place_code, place_name, report_year, char_count
    from {{ ref('stg_landing__reports') }}
    where is_work_report
      and {{ only_changed_reports() }}
)

select
    terms.report_id,
    reports.place_code,
    reports.place_name,
    reports.report_year,
    terms.term,
    terms.n_occurrences,
    round(terms.n_occurrences * 10000.0 / greatest(reports.char_count, 1), 3) as per_10k_chars
from terms
inner join reports using (report_id)
