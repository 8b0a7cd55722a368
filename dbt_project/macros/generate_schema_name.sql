{% macro generate_schema_name(custom_schema_name, node) -%}
    {#- Layers get plain schema names (staging, intermediate, catalogue); marts stay in main,
        where SQL users and the contract expect them. -#}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
