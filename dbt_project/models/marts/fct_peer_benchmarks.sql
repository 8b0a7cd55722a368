{{ config(materialized="incremental", incremental_strategy="append",
          pre_hook=["{{ keep_to_rebuild(peer_instances_that_changed()) }}",
                    "{{ delete_to_rebuild('peer_group_id, group_key') }}"]) }}
-- Incremental by peer group instance (macros/changed_places.sql): a build that changes a few
-- reports recomputes only the instances their places are members of, or whose members changed.
-- One row per place × peer group × indicator × reference year × kind: the place's value against
-- its peers' (median, rank, percentile, leader), over the peers that have a value, and how many
-- members of the group have none.
with memberships as (
    select * from {{ ref('int_peer_group_memberships') }}
    where {{ only_to_rebuild('peer_group_id, group_key') }}
),

group_sizes as (
    select peer_group_id, group_key, count(distinct place_code) as n_peers
    from memberships
    group by peer_group_id, group_key
),

values_ as (
    select * from {{ ref('int_comparable_values') }}
),

indicators as (
    select indicator_id, coalesce(higher_is_better, true) as higher_is_better
    from {{ ref('dim_indicators') }}
),

places as (
    select place_code, place_name from {{ ref('dim_places') }}
),

peer_values as (
    select
        memberships.peer_group_id,
        memberships.group_key,
        memberships.place_code,
        memberships.is_subject,
        values_.indicator_id,
        values_.reference_year,
        values_.value_kind,
        values_.value,
        values_.unit,
        values_.value_source,
        values_.report_id,
        values_.population_year,
        -- Rank 1 is the best: the highest value, or the lowest where lower is better.
        case when indicators.higher_is_better then -values_.value else values_.value end as sort_key
    from memberships
    inner join values_ using (place_code)
    inner join indicators using (indicator_id)
),

ranked as (
    select
        *,
        rank() over instance_order as peer_rank,
        count(*) over instance as n_peers_with_data,
        count(*) filter (where value_source = 'statistics') over instance as n_peers_from_statistics,
        median(value) over instance as peer_median,
        first_value(place_code) over instance_order as leader_place_code,
        first_value(value) over instance_order as leader_value
    from peer_values
    window
        instance as (partition by peer_group_id, group_key, indicator_id, reference_year, value_kind),
        instance_order as (
            partition by peer_group_id, group_key, indicator_id, reference_year, value_kind
            order by sort_key, place_code
            rows between unbounded preceding and unbounded following
        )
)

select
    ranked.place_code,
    places.place_name,
    ranked.peer_group_id,
    ranked.group_key,
    ranked.indicator_id,
    ranked.reference_year,
    ranked.value_kind,
    ranked.value,
    ranked.unit,
    ranked.value_source,
    ranked.report_id,
    ranked.peer_median,
    ranked.peer_rank,
    ranked.n_peers_with_data,
    group_sizes.n_peers,
    group_sizes.n_peers - ranked.n_peers_with_data as n_peers_without_data,
    ranked.n_peers_from_statistics,
    ranked.population_year,
    case when ranked.n_peers_with_data > 1
        then round(1 - (ranked.peer_rank - 1) / (ranked.n_peers_with_data - 1), 4)
        else 1.0
    end as percentile,
    ranked.leader_place_code,
    leaders.place_name as leader_place_name,
    ranked.leader_value,
    ranked.value - ranked.leader_value as gap_to_leader
from ranked
inner join group_sizes using (peer_group_id, group_key)
left join places using (place_code)
left join places as leaders on leaders.place_code = ranked.leader_place_code
where ranked.is_subject
