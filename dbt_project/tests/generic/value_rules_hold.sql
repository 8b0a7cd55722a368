{% test value_rules_hold(model) %}
-- Rows that break a value rule (macros/value_rules.sql): none may reach a mart, because the
-- candidates leave them in fct_quarantined_values.
select *, {{ failed_value_rule() }} as failed_value_rule
from {{ model }}
where {{ failed_value_rule() }} is not null
{% endtest %}
