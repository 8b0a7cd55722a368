{#- Incremental builds (ingest/run/increments.py): the build copies the current warehouse and
    writes the reports whose landed rows differ from what it holds (added, changed, removed) into
    the table xianzhi_build.changed_reports of the copy. A model whose rows belong to one report
    each deletes those reports' rows and inserts their new ones; models that rank or compare
    across places are rebuilt whole, from these. A table, not a --vars list: dbt re-parses the
    whole project whenever its vars change, which was most of a one-report build's dbt time.
    A full build into a new file has no such table and nothing here changes a model. -#}

{% macro changed_reports_list() -%}
{#- The ids as literals, read when the node runs: DuckDB pushes a constant list into the landed
    Parquet scans (sorted by report_id, so most row groups are skipped); a subquery it joins. -#}
{#- No table (dbt run by hand, or `dbt docs generate`, on a built warehouse): no report changed. -#}
{%- set ids = run_query("select report_id from xianzhi_build.changed_reports order by report_id").columns[0].values()
              if is_report_increment() else [] -%}
{%- if ids | length == 0 -%}
    (select null::varchar where false)
{%- else -%}
    ({%- for id in ids -%}'{{ id | replace("'", "''") }}'{%- if not loop.last -%}, {% endif -%}{%- endfor -%})
{%- endif -%}
{%- endmacro %}


{% macro is_report_increment() -%}
{#- True while dbt runs on an incremental build's copy (only then does the table exist). -#}
{%- if not execute -%}{{ return(false) }}{%- endif -%}
{%- set found = run_query("select count(*) from duckdb_tables() where database_name = current_database()"
                          " and schema_name = 'xianzhi_build' and table_name = 'changed_reports'") -%}
{{ return(found.columns[0].values()[0] > 0) }}
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
