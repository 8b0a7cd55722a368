-- The statements that keep every value rule (macros/value_rules.sql): what may become a place's
-- value. The others are in fct_quarantined_values.
select * exclude (failed_value_rule)
from {{ ref('int_indicator_value_statements') }}
where failed_value_rule is null
