-- One row per indicator: the catalogue (dbt seed `indicators`) plus the per-capita versions
-- derived from it where the resident population is known (`<id>_per_capita`, yuan per person).
with catalogue as (
    select * from {{ ref('indicators') }}
)

select
    indicator_id,
    name_zh,
    name_en,
    measure,
    unit,
    higher_is_better,
    false as is_derived,
    per_capita as has_per_capita,
    comparable_from,
    replaced_by,
    series_note
from catalogue

union all

select
    indicator_id || '_per_capita' as indicator_id,
    '人均' || name_zh as name_zh,
    name_en || ' per capita' as name_en,
    'per_capita' as measure,
    unit,
    higher_is_better,
    true as is_derived,
    false as has_per_capita,
    comparable_from,
    case when replaced_by is not null then replaced_by || '_per_capita' end as replaced_by,
    series_note
from catalogue
where per_capita
  -- the catalogue already has gdp_per_capita, which derived values only fill in
  and indicator_id || '_per_capita' not in (select indicator_id from catalogue)
