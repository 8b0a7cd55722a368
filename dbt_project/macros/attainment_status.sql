{% macro attainment_status(bound, target, upper, actual, higher_is_better, tolerance) -%}
{#- The bound's meaning decides what "met" is:
    ge/gt: at least / more than the target;  le/lt: at most / less than (ceilings such as
    unemployment); approx: within tolerance either side, and beyond it on the good side is met;
    range: inside the range, or beyond it on the good side; eq: reaching the target in the
    direction that is better for the indicator (a growth target of 6.5% is met by 6.8%). -#}
case
    when {{ bound }} = 'ge' then case when {{ actual }} >= {{ target }} then 'met' else 'missed' end
    when {{ bound }} = 'gt' then case when {{ actual }} > {{ target }} then 'met' else 'missed' end
    when {{ bound }} = 'le' then case when {{ actual }} <= {{ target }} then 'met' else 'missed' end
    when {{ bound }} = 'lt' then case when {{ actual }} < {{ target }} then 'met' else 'missed' end
    when {{ bound }} = 'approx' then
        case
            when abs({{ actual }} - {{ target }}) <= {{ tolerance }} then 'within_tolerance'
            when ({{ actual }} > {{ target }}) = {{ higher_is_better }} then 'met'
            else 'missed'
        end
    when {{ bound }} = 'range' then
        case
            when {{ actual }} between {{ target }} and {{ upper }} then 'met'
            when {{ higher_is_better }} and {{ actual }} > {{ upper }} then 'met'
            when not {{ higher_is_better }} and {{ actual }} < {{ target }} then 'met'
            else 'missed'
        end
    else
        case
            when {{ higher_is_better }} and {{ actual }} >= {{ target }} then 'met'
            when not {{ higher_is_better }} and {{ actual }} <= {{ target }} then 'met'
            else 'missed'
        end
end
{%- endmacro %}
