{{ config(materialized="incremental", incremental_strategy="append",
          pre_hook=["{{ keep_places_of_changed_reports() }}", "{{ delete_changed_reports() }}"]) }}
-- Incremental by report (macros/report_increments.sql): a build that changes a few reports
-- deletes their rows and inserts their new ones.
-- A table, unlike the other intermediate models: several models and tests read it, and as a view
-- each of them would join every mention to its sentence and report again.
-- Mentions that may state a place's core indicator value: typed, dated, of the place itself,
-- in the indicator's canonical unit, from a real work report whose place is certain (a report
-- attributed on weak evidence keeps its mentions, but states no place's value).
with attributed as (
    select * from {{ ref('int_metric_mentions_attributed') }}
    where {{ only_changed_reports() }}
),

indicators as (
    select * from {{ ref('indicators') }}
),

statements as (
    select
        attributed.*,
        -- A report states last year's actuals and this year's targets; others (restated years,
        -- targets for later years) are kept but ranked after these.
        case
            when attributed.value_kind = 'actual' then attributed.report_year - 1
            else attributed.report_year
        end as expected_reference_year
    from attributed
    inner join indicators
        on attributed.indicator_id = indicators.indicator_id
        and attributed.unit = indicators.unit
    where attributed.is_work_report
      and attributed.place_code is not null
      and attributed.place_confidence = 'high'
      and attributed.reference_year is not null
      -- a baseline long before the report (由2000年的…) is history, not the report's statement
      and attributed.reference_year between attributed.report_year - 6 and attributed.report_year + 1
      and attributed.value is not null
      and attributed.value_kind in ('actual', 'target')
      and not attributed.is_multi_year
      and not attributed.is_rank
      and not attributed.is_sub_area
)

select
    *,
    -- Breaking a value rule quarantines the statement instead of failing the build.
    {{ failed_value_rule() }} as failed_value_rule
from statements
