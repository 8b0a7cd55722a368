{#- Incremental builds of the models by place and of fct_peer_benchmarks: which places (or peer
    group instances) a build must recompute.
    - int_indicator_values_deduplicated: the places the changed reports' value statements were
      about before this build and are about now (keep_places_of_changed_reports keeps the former
      before the statements' rows are deleted); fct_indicator_values: those, and renamed places.
    - int_comparable_values: the places int_indicator_values_deduplicated rebuilt; every place
      when the statistics changed. The target marts and fct_restatements: the places
      fct_indicator_values rebuilt (fct_target_cascade: and their children).
    - fct_peer_benchmarks: the instances of the places int_comparable_values rebuilt or whose
      names changed, and those whose membership changed, found by comparing the memberships
      before and after this build (similar-size groups change with values and statistics).
      keep_previous_rows, a pre-hook of each compared model, copies the table as the warehouse
      in place had it.
    ingest/run/increments.py drops what these macros keep before the copy is swapped in. -#}

{% macro previous_rows_relation(model_name) -%}
xianzhi_build.previous_{{ model_name }}
{%- endmacro %}


{% macro keep_previous_rows() -%}
{%- if is_report_increment() -%}
create or replace table {{ previous_rows_relation(this.identifier) }} as select * from {{ this }}
{%- else -%}
select 1
{%- endif -%}
{%- endmacro %}


{% macro rows_that_differ(model_name, columns="*") -%}
{#- Rows of the model now and before this build that the other side does not have. -#}
(
    (select {{ columns }} from {{ ref(model_name) }} except select {{ columns }} from {{ previous_rows_relation(model_name) }})
    union all
    (select {{ columns }} from {{ previous_rows_relation(model_name) }} except select {{ columns }} from {{ ref(model_name) }})
)
{%- endmacro %}


{% macro places_renamed() -%}
select place_code from {{ rows_that_differ('dim_places', 'place_code, place_name') }}
{%- endmacro %}


{% macro peer_instances_that_changed() -%}
{#- The peer group instances whose members changed, or one of whose members' comparable values
    were recomputed or names changed. Everything in an instance's rows (ranks, median, leader,
    group size) comes from those alone, so the other instances' rows stand. -#}
select peer_group_id, group_key from {{ rows_that_differ('int_peer_group_memberships') }}
union
select peer_group_id, group_key
from {{ ref('int_peer_group_memberships') }}
where place_code in ({{ places_rebuilt_in('int_comparable_values') }} union {{ places_renamed() }})
{%- endmacro %}


{% macro places_in_cascade_to_rebuild() -%}
{#- fct_target_cascade's: the places fct_indicator_values rebuilt and their children (whose
    parent's targets or name those are); every place when the gazetteer changed. -#}
{%- set rebuilt = places_rebuilt_in('fct_indicator_values') -%}
{{ rebuilt }}
union
select place_code from {{ ref('dim_places') }} where parent_code in ({{ rebuilt }})
{%- if reference_changed('places') or reference_changed('place_changes') %}
union
select place_code from {{ ref('dim_places') }}
{%- endif %}
{%- endmacro %}


{% macro places_compared() -%}
{#- Every place int_comparable_values (the model calling this) holds, or the statistics give. -#}
select place_code from {{ this }} union select place_code from {{ ref('int_statistics_values') }}
{%- endmacro %}


{#- A model rebuilt in part: a pre-hook keeps the keys to rebuild (places, peer instances) in a
    table, the next deletes their rows, and the select inserts only them again. -#}

{% macro rebuilds_in_place() -%}
{{ return(is_incremental() and is_report_increment()) }}
{%- endmacro %}


{% macro to_rebuild_relation(model_name=none) -%}
xianzhi_build.to_rebuild__{{ model_name or this.identifier }}
{%- endmacro %}


{% macro keep_to_rebuild(keys) -%}
{%- if rebuilds_in_place() -%}
create or replace table {{ to_rebuild_relation() }} as {{ keys }}
{%- else -%}
select 1
{%- endif -%}
{%- endmacro %}


{% macro delete_to_rebuild(columns="place_code") -%}
{%- if rebuilds_in_place() -%}
delete from {{ this }} where {{ only_to_rebuild(columns) }}
{%- else -%}
select 1
{%- endif -%}
{%- endmacro %}


{% macro only_to_rebuild(columns="place_code") -%}
{%- if rebuilds_in_place() -%}
({{ columns }}) in (select {{ columns }} from {{ to_rebuild_relation() }})
{%- else -%}
true
{%- endif -%}
{%- endmacro %}


{% macro places_rebuilt_in(model_name) -%}
{#- The places another model rebuilt in this build (it ran before: the caller refs it). -#}
select place_code from {{ to_rebuild_relation(model_name) }}
{%- endmacro %}


{% macro keep_places_of_changed_reports() -%}
{#- A pre-hook of a model with rows per report, before its changed reports' rows are deleted:
    the places those rows are about, for the models by place downstream. -#}
{%- if rebuilds_in_place() -%}
create or replace table {{ previous_rows_relation(this.identifier ~ "__places") }} as
select distinct place_code from {{ this }} where report_id in {{ changed_reports_list() }}
{%- else -%}
select 1
{%- endif -%}
{%- endmacro %}


{% macro places_of_changed_reports(model_name) -%}
{#- The places the changed reports' rows of a model with rows per report are about, before this
    build (keep_places_of_changed_reports) and now: the only rows of it that can differ. -#}
select place_code from {{ previous_rows_relation(model_name ~ "__places") }}
union
select place_code from {{ ref(model_name) }} where report_id in {{ changed_reports_list() }}
{%- endmacro %}
