{#- What a data test reads (dbt's own get_where_subquery, overridden): the tested relation, less
    the rows its `where` config leaves out, as dbt does; and in an incremental build, for a model
    tagged rows_per_report (each row belongs to one report), only the changed reports' rows.
    The other reports' rows are the ones the warehouse in place holds, which passed these same
    tests when it was built with the same models (a different models version is a full build),
    so testing them again only re-reads every sentence. Tests of models that compare across
    reports or places read them whole. -#}

{% macro get_where_subquery(relation) -%}
    {%- set conditions = [] -%}
    {%- set where = config.get("where", "") -%}
    {%- if where -%}{%- do conditions.append("(" ~ where ~ ")") -%}{%- endif -%}
    {%- if _tests_one_report_per_row() and is_report_increment() -%}
        {%- do conditions.append("report_id in " ~ changed_reports_list()) -%}
    {%- endif -%}
    {%- if conditions -%}
        {%- do return("(select * from " ~ relation ~ " where " ~ conditions | join(" and ") ~ ") dbt_subquery") -%}
    {%- endif -%}
    {%- do return(relation) -%}
{%- endmacro %}


{% macro _tests_one_report_per_row() -%}
{#- The test node's model (attached_node) carries the tag rows_per_report. -#}
{%- if not execute or model.attached_node is none -%}{{ return(false) }}{%- endif -%}
{%- set tested = graph.nodes.get(model.attached_node) -%}
{{ return(tested is not none and "rows_per_report" in tested.tags) }}
{%- endmacro %}
