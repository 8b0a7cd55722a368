{% macro value_rules() -%}
{#- Rules every extracted value must satisfy, defined once: int_indicator_value_statements
    names the first rule a statement breaks, int_indicator_value_candidates keeps the others,
    fct_quarantined_values keeps the breakers with their provenance, and the generic test
    value_rules_hold checks fct_indicator_values against the same list. A value that breaks one
    is a misread sentence, not a reason to refuse a nightly build.
    (rule id, condition that must hold) -#}
{{ return([
    ("range_upper_not_below_value", "value_upper is null or value <= value_upper"),
    ("range_has_upper_bound", "(bound = 'range') = (value_upper is not null)"),
    ("offsets_in_order", "char_start < char_end"),
    ("growth_rate_plausible", "unit <> 'percent' or value between -100 and 1000"),
    ("amount_not_negative", "unit not in ('CNY', 'USD', 'count', 'persons', 'tonnes', 'mu') or value >= 0"),
]) }}
{%- endmacro %}


{% macro failed_value_rule() -%}
{#- The id of the first value rule the row breaks, null when it keeps them all. -#}
case
{%- for rule_id, condition in value_rules() %}
    when not coalesce(({{ condition }}), false) then '{{ rule_id }}'
{%- endfor %}
end
{%- endmacro %}
