{#- Incremental builds (ingest/run/increments.py): the build copies the current warehouse and
    passes the reports whose landed rows differ from what it holds (added, changed, removed) as
    the var `changed_reports`. A model whose rows belong to one report each deletes those reports'
    rows and inserts their new ones; models that rank or compare across places are rebuilt whole,
    from these. Without the var (a full build into a new file) nothing here changes a model. -#}

{% macro report_increment_config() -%}
{{ return({
    "materialized": "incremental",
    "incremental_strategy": "append",
    "pre_hook": "{{ delete_changed_reports() }}",
}) }}
{%- endmacro %}


{% macro changed_reports_list() -%}
{%- set ids = var("changed_reports", []) -%}
{%- if ids | length == 0 -%}
    (select null::varchar where false)
{%- else -%}
    ({%- for id in ids -%}'{{ id | replace("'", "''") }}'{%- if not loop.last -%}, {% endif -%}{%- endfor -%})
{%- endif -%}
{%- endmacro %}


{% macro delete_changed_reports(column="report_id") -%}
{%- if is_incremental() -%}
delete from {{ this }} where {{ column }} in {{ changed_reports_list() }}
{%- else -%}
select 1
{%- endif -%}
{%- endmacro %}


{% macro only_changed_reports(column="report_id") -%}
{#- The rows to insert: in an incremental build, only the changed reports'. -#}
{%- if is_incremental() -%}
{{ column }} in {{ changed_reports_list() }}
{%- else -%}
true
{%- endif -%}
{%- endmacro %}
