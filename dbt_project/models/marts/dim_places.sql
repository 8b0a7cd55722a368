{{ config(pre_hook="{{ keep_previous_rows() }}") }}
-- One row per administrative unit (gazetteer), with its hierarchy and how many reports it has.
with places as (
    select * from {{ ref('stg_landing__places') }}
),

report_counts as (
    select place_code, count(*) as n_reports, min(report_year) as first_report_year, max(report_year) as last_report_year
    from {{ ref('stg_landing__reports') }}
    where is_work_report
    group by place_code
)

select
    places.place_code,
    places.place_name,
    places.short_name,
    places.level,
    places.level_class,
    places.parent_code,
    places.prefecture_code,
    places.prefecture_name,
    places.province_code,
    places.province_name,
    coalesce(report_counts.n_reports, 0) as n_reports,
    report_counts.first_report_year,
    report_counts.last_report_year
from places
left join report_counts using (place_code)
