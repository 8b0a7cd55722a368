{{ config(materialized="incremental", incremental_strategy="append",
          pre_hook=["{{ keep_to_rebuild(places_rebuilt_in('fct_target_attainment')) }}",
                    "{{ delete_to_rebuild() }}"]) }}
-- Incremental by place (macros/changed_places.sql): a place's rows come from its own values alone.
-- One row per place × indicator with judged targets: its record of meeting them over the years.
with attainment as (
    select * from {{ ref('fct_target_attainment') }}
    where {{ only_to_rebuild() }}
),

islands as (
    -- Consecutive met years share (year - running count of met years): gaps and islands.
    select
        *,
        reference_year - row_number() over (
            partition by place_code, indicator_id, is_met order by reference_year
        ) as island
    from attainment
),

streaks as (
    select place_code, indicator_id, island, count(*) as streak_length, max(reference_year) as streak_end
    from islands
    where is_met
    group by place_code, indicator_id, island
),

records as (
    select
        place_code,
        any_value(place_name) as place_name,
        indicator_id,
        count(*) as n_judged,
        count(*) filter (where is_met) as n_met,
        count(*) filter (where not is_met) as n_missed,
        round(count(*) filter (where is_met) / count(*), 3) as met_share,
        min(reference_year) as first_year,
        max(reference_year) as last_year
    from attainment
    group by place_code, indicator_id
),

streak_summary as (
    select
        streaks.place_code,
        streaks.indicator_id,
        max(streaks.streak_length) as longest_streak,
        max(streaks.streak_length) filter (where streaks.streak_end = records.last_year) as current_streak
    from streaks
    inner join records using (place_code, indicator_id)
    group by streaks.place_code, streaks.indicator_id
)

select
    records.*,
    coalesce(streak_summary.current_streak, 0) as current_streak,
    coalesce(streak_summary.longest_streak, 0) as longest_streak
from records
left join streak_summary using (place_code, indicator_id)
