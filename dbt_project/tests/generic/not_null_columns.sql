{% test not_null_columns(model, columns) %}
-- dbt's not_null for several columns of one model: one row per column that has nulls, with how
-- many. One test node and one scan instead of one of each per column: in a one-report build each
-- node costs dbt more than its query.
select column_name, n_null
from (
    select
        {%- for column in columns %}
        count(*) filter (where {{ column }} is null) as {{ column }}{{ "," if not loop.last }}
        {%- endfor %}
    from {{ model }}
) unpivot (n_null for column_name in ({{ columns | join(", ") }}))
where n_null > 0
{% endtest %}
