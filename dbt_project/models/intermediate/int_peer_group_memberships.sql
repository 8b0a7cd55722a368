{{ config(materialized="table", pre_hook="{{ keep_previous_rows() }}") }}
-- A table, not a view: a dozen tests and several marts read it, and as a view each of them
-- computed it again (most of a build's test time). Small beside the tables of sentences.
-- One row per peer group instance × member. Rule groups are partitions (one instance per
-- prefecture, province-and-level, …), so ranks are computed once per instance; "similar size"
-- groups have one instance per subject place. is_subject: a benchmark row is emitted for it.
-- Every place of the gazetteer is a member, with data or not, so a rank can say how many
-- peers have no value.
with places as (
    select * from {{ ref('stg_landing__places') }}
),

groups as (
    select * from {{ ref('peer_groups') }}
),

rule_members as (
    select
        groups.peer_group_id,
        case groups.rule
            when 'same_prefecture' then coalesce(places.prefecture_code, places.province_code)
            when 'same_province_level' then places.province_code || ':' || places.level
            else 'all'
        end as group_key,
        places.place_code,
        true as is_subject
    from groups
    inner join places
        on (groups.rule = 'same_prefecture' and places.level_class = 'county_level')
        or (groups.rule = 'same_province_level' and places.level_class in ('county_level', 'prefecture'))
        or (groups.rule = 'all_county_level' and places.level_class = 'county_level')
        or (groups.rule = 'all_provinces' and places.level_class = 'province')
),

named_members as (
    select groups.peer_group_id, groups.peer_group_id as group_key, members.place_code, true as is_subject
    from groups
    inner join {{ ref('peer_group_members') }} as members using (peer_group_id)
    where groups.rule = 'named'
),

similar_size as (
    select * from {{ ref('int_similar_size_peers') }}
)

select * from rule_members
union all
select * from named_members
union all
select peer_group_id, group_key, place_code, is_subject from similar_size
