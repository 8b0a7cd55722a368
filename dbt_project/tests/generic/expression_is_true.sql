{% test expression_is_true(model, expression, column_name=none, where=none) %}
-- Rows for which the invariant does not hold.
select *
from {{ model }}
where not coalesce(({{ expression }}), false)
  {% if where %} and ({{ where }}) {% endif %}
{% endtest %}
