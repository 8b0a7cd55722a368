{#- Incremental builds (ingest/run/increments.py): the build copies the current warehouse and
    names the reports whose landed rows differ from what it holds (added, changed, removed) in
    dbt's metadata environment (ingest/run/dbt.py). A model whose rows belong to one report
    each deletes those reports' rows and inserts their new ones; models that rank or compare
    across places are rebuilt whole, or by place (macros/changed_places.sql). Not a --vars list:
    dbt re-parses the whole project whenever its vars change, which was most of a one-report
    build's dbt time. In a full build into a new file nothing here changes a model. -#}

{% macro changed_reports_list() -%}
{#- The ids as constants: DuckDB pushes a list of constants through the staging views into the
    landed Parquet scans (sorted by report_id, so most row groups are skipped); a subquery it
    joins after reading them. Not an incremental build (dbt run by hand, or `dbt docs generate`,
    on a built warehouse): no report changed. -#}
{%- set ids = dbt_metadata_envs.get("XIANZHI_CHANGED_REPORTS", "").split(",") | reject("equalto", "") | list
              if is_report_increment() else [] -%}
{%- if ids | length == 0 -%}
    (select null::varchar where false)
{%- else -%}
    ({%- for id in ids -%}'{{ id | replace("'", "''") }}'{%- if not loop.last -%}, {% endif -%}{%- endfor -%})
{%- endif -%}
{%- endmacro %}


{% macro is_report_increment() -%}
{#- True while dbt runs on an incremental build's copy of the warehouse in place. -#}
{%- if not execute -%}{{ return(false) }}{%- endif -%}
{{ return(dbt_metadata_envs.get("XIANZHI_BUILD") == "incremental") }}
{%- endmacro %}


{% macro reference_changed(table_name) -%}
{#- Whether an incremental build found a reference table's landed files changed (the gazetteer's
    places and changes, the statistics: ingest/run/increments.py REFERENCE_TABLES). -#}
{{ return(is_report_increment() and table_name in dbt_metadata_envs.get("XIANZHI_CHANGED_REFERENCES", "").split(",")) }}
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
