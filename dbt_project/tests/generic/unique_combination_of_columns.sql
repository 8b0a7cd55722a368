{% test unique_combination_of_columns(model, combination_of_columns) %}
-- Rows whose key (the given columns together) occurs more than once.
select {{ combination_of_columns | join(', ') }}, count(*) as n_rows
from {{ model }}
group by {{ combination_of_columns | join(', ') }}
having count(*) > 1
{% endtest %}
