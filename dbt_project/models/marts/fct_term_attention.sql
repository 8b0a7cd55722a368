{{ config(materialized="incremental", incremental_strategy="append",
          pre_hook="{{ delete_changed_reports() }}") }}
-- Incremental by report (macros/report_increments.sql): a build that changes a few reports
-- deletes their rows and inserts their new ones.
-- One row per work report × curated policy term (dbt seed policy_terms), zero counts included,
-- so "which places mention 光伏 most in 2022" is a sort, and absences are visible.
with reports as (
    select report_id, place_code, place_name, report_year, char_count
    from {{ ref('stg_landing__reports') }}
    where is_work_report
      and {{ only_changed_reports() }}
),

policy_terms as (
    select * from {{ ref('policy_terms') }}
),

counts as (
    select report_id, term, n_occurrences
    from {{ ref('stg_landing__report_terms') }}
    where term in (select term from policy_terms)
)

select
    reports.report_id,
    reports.place_code,
    reports.place_name,
    reports.report_year,
    policy_terms.term,
    policy_terms.name_en,
    policy_terms.theme,
    coalesce(counts.n_occurrences, 0) as n_occurrences,
    round(coalesce(counts.n_occurrences, 0) * 10000.0 / greatest(reports.char_count, 1), 3) as per_10k_chars
from reports
cross join policy_terms
left join counts
    on counts.report_id = reports.report_id
    and counts.term = policy_terms.term
