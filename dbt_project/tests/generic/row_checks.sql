{% test row_checks(model, not_null=[], accepted_values={}, accepted_range={}, expressions=[]) %}
-- Every check that one row either passes or fails, for one model: dbt's not_null and
-- accepted_values, accepted_range and expression_is_true (macros of the same names) in one test
-- node and one scan. One row per broken check, named as it is written, with how many rows break
-- it. In a one-report build each node costs dbt more than its query: a node per check was more
-- than half of the build's tests.
--   not_null: [column, …]           accepted_values: {column: [value, …]} (nulls pass)
--   accepted_range: {column: {min_value: …, max_value: …}} (nulls pass)
--   expressions: ["sql", {expression: "sql", where: "sql"}, …] (null fails; where: only those rows)
{%- set checks = [] -%}
{%- for column in not_null -%}
    {%- do checks.append(("not_null(" ~ column ~ ")", column ~ " is not null")) -%}
{%- endfor -%}
{%- for column, values in accepted_values.items() -%}
    {%- set listed = [] -%}
    {%- for value in values -%}{%- do listed.append("'" ~ (value | string | replace("'", "''")) ~ "'") -%}{%- endfor -%}
    {%- do checks.append(("accepted_values(" ~ column ~ ")", column ~ " is null or " ~ column ~ " in (" ~ listed | join(", ") ~ ")")) -%}
{%- endfor -%}
{%- for column, bounds in accepted_range.items() -%}
    {%- set limits = [] -%}
    {%- if bounds.get("min_value") is not none -%}{%- do limits.append(column ~ " >= " ~ bounds.min_value) -%}{%- endif -%}
    {%- if bounds.get("max_value") is not none -%}{%- do limits.append(column ~ " <= " ~ bounds.max_value) -%}{%- endif -%}
    {%- do checks.append(("accepted_range(" ~ column ~ ")", column ~ " is null or (" ~ limits | join(" and ") ~ ")")) -%}
{%- endfor -%}
{%- for item in expressions -%}
    {%- if item is mapping -%}
        {%- set condition = "not coalesce((" ~ item.where ~ "), false) or (" ~ item.expression ~ ")" if item.where else item.expression -%}
        {%- do checks.append((item.expression ~ (" where " ~ item.where if item.where else ""), condition)) -%}
    {%- else -%}
        {%- do checks.append((item, item)) -%}
    {%- endif -%}
{%- endfor %}
select check_name, n_failing
from (
    select unnest([
        {%- for name, condition in checks %}
        {'check_name': '{{ name | replace("'", "''") }}', 'n_failing': count(*) filter (where not coalesce(({{ condition }}), false))}{{ "," if not loop.last }}
        {%- endfor %}
    ], recursive := true)
    from {{ model }}
)
where n_failing > 0
{% endtest %}
