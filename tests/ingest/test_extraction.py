"""Attaching quantities to indicators: subjects, 分别, inherited growth, kinds, years, sub-areas, ranks."""

import pytest

from ingest.extract.extraction import extract_mentions
from ingest.extract.subjects import alias_catalogue
from ingest.records import SegmentedReport, Sentence


def _report(*sentences: tuple[str, str], report_year: int = 2023, title: str = "") -> SegmentedReport:
    """A report of (section_role, text) sentences laid end to end."""
    built, offset, text = [], 0, ""
    for index, (role, sentence) in enumerate(sentences):
        built.append(Sentence(f"r:{index:05d}", index, role, title, offset, offset + len(sentence), sentence))
        text += sentence + "\n"
        offset += len(sentence) + 1
    return SegmentedReport("r", report_year, text, tuple(built))


def _values(role: str, sentence: str, report_year: int = 2023, title: str = "") -> list[tuple]:
    """(indicator, value, bound, kind, year) of the mentions that may become indicator values."""
    report = _report((role, sentence), report_year=report_year, title=title)
    return [
        (m.indicator_id, m.value, m.bound, m.value_kind, m.reference_year)
        for m in extract_mentions(report)
        if m.indicator_id and not (m.is_multi_year or m.is_sub_area or m.is_rank)
    ]


# (section role, sentence, expected (indicator, value, bound, kind, reference year) in order)
CASES = [
    ("review", "全年实现地区生产总值183.7亿元、增长3.8%",
     [("gdp", 18370000000.0, "eq", "actual", 2022), ("gdp_growth", 3.8, "eq", "actual", 2022)]),
    ("review", "2021年全县生产总值完成124.6亿元，增长6.3%",
     [("gdp", 12460000000.0, "eq", "actual", 2021), ("gdp_growth", 6.3, "eq", "actual", 2021)]),
    ("targets", "城乡居民人均可支配收入分别增长6%和7.5%以上",
     [("urban_disposable_income_growth", 6.0, "eq", "target", 2023),
      ("rural_disposable_income_growth", 7.5, "ge", "target", 2023)]),
    ("review", "城镇和农村居民人均可支配收入分别增长4.3%、5.5%",
     [("urban_disposable_income_growth", 4.3, "eq", "actual", 2022),
      ("rural_disposable_income_growth", 5.5, "eq", "actual", 2022)]),
    ("review", "城乡居民人均可支配收入分别完成31098元、12347元，均增长8.5%",
     [("urban_disposable_income", 31098.0, "eq", "actual", 2022),
      ("rural_disposable_income", 12347.0, "eq", "actual", 2022),
      ("urban_disposable_income_growth", 8.5, "eq", "actual", 2022),
      ("rural_disposable_income_growth", 8.5, "eq", "actual", 2022)]),
    ("review", "城乡居民人均可支配收入分别达44999元、24102元，分别增长4.6%、6.3%",
     [("urban_disposable_income", 44999.0, "eq", "actual", 2022),
      ("rural_disposable_income", 24102.0, "eq", "actual", 2022),
      ("urban_disposable_income_growth", 4.6, "eq", "actual", 2022),
      ("rural_disposable_income_growth", 6.3, "eq", "actual", 2022)]),
    ("review", "城乡居民人均可支配收入分别完成23538元、9292元，增长10.5%、13.7%",
     [("urban_disposable_income", 23538.0, "eq", "actual", 2022),
      ("rural_disposable_income", 9292.0, "eq", "actual", 2022),
      ("urban_disposable_income_growth", 10.5, "eq", "actual", 2022),
      ("rural_disposable_income_growth", 13.7, "eq", "actual", 2022)]),
    ("review", "全部财政收入、税收收入、实际利用外资分别完成120亿元、4.3亿元、76万美元，增长6%、8.2%、117.1%",
     [("fiscal_revenue_total", 12000000000.0, "eq", "actual", 2022), ("fdi_utilized", 760000.0, "eq", "actual", 2022),
      ("fiscal_revenue_total_growth", 6.0, "eq", "actual", 2022), ("fdi_utilized_growth", 117.1, "eq", "actual", 2022)]),
    ("review", "一般公共预算收入10亿元以下的县全部摘帽", []),
    ("review", "全部财政收入完成2.38亿元，其中地方一般预算收入完成1.55亿元，同比增长30.4%、31.5%",
     [("fiscal_revenue_total", 238000000.0, "eq", "actual", 2022), ("general_budget_revenue", 155000000.0, "eq", "actual", 2022),
      ("fiscal_revenue_total_growth", 30.4, "eq", "actual", 2022), ("general_budget_revenue_growth", 31.5, "eq", "actual", 2022)]),
    ("review", "全部财政收入突破10亿大关，完成11.68亿元，增长30.2%",
     [("fiscal_revenue_total", 1168000000.0, "eq", "actual", 2022), ("fiscal_revenue_total_growth", 30.2, "eq", "actual", 2022)]),
    ("review", "固定资产投资完成106亿元，增长9%；全部财政收入突破10亿大关，完成11.68亿元",
     [("fixed_asset_investment", 10600000000.0, "eq", "actual", 2022),
      ("fixed_asset_investment_growth", 9.0, "eq", "actual", 2022),
      ("fiscal_revenue_total", 1168000000.0, "eq", "actual", 2022)]),
    ("review", "县域经济增长5.5%以上", []),
    ("targets", "城乡居民人均可支配收入均增长7%左右，居民消费价格总水平上涨3%左右",
     [("urban_disposable_income_growth", 7.0, "approx", "target", 2023),
      ("rural_disposable_income_growth", 7.0, "approx", "target", 2023),
      ("cpi_growth", 3.0, "approx", "target", 2023)]),
    ("targets", "万元生产总值综合能耗下降3.6%", [("energy_intensity_change", -3.6, "eq", "target", 2023)]),
    ("targets", "全社会研发经费支出相当于全市生产总值的比例达到4.6%左右", [("rd_intensity", 4.6, "approx", "target", 2023)]),
    ("review", "海洋生产总值增长8%，限额以上社会消费品零售额增长5%", []),
    ("review", "粮食播种面积稳定，果品产量达到20万吨", []),
    ("targets", "固定资产投资、社会消费品零售总额分别增长8%、8.5%",
     [("fixed_asset_investment_growth", 8.0, "eq", "target", 2023),
      ("retail_sales_growth", 8.5, "eq", "target", 2023)]),
    ("targets", "地区生产总值增长6.5%，一般公共预算收入同口径增长6.1%；规上工业增加值增长8%左右",
     [("gdp_growth", 6.5, "eq", "target", 2023), ("general_budget_revenue_growth", 6.1, "eq", "target", 2023),
      ("industrial_va_growth", 8.0, "approx", "target", 2023)]),
    ("review", "一般公共预算收入完成8.9亿元，同比增长29%",
     [("general_budget_revenue", 890000000.0, "eq", "actual", 2022),
      ("general_budget_revenue_growth", 29.0, "eq", "actual", 2022)]),
    ("review", "实现地区生产总值1197.9亿元，城乡居民收入倍差缩小至1.83",
     [("gdp", 119790000000.0, "eq", "actual", 2022), ("urban_rural_income_ratio", 1.83, "eq", "actual", 2022)]),
    ("review", "规上工业产值突破1200亿元，高新技术产业增加值占规上工业增加值比重增至72.6%",
     [("industrial_output", 120000000000.0, "gt", "actual", 2022), ("high_tech_industry_share", 72.6, "eq", "actual", 2022)]),
    ("review", "新增科技型中小企业60家、高新技术企业11家",
     [("new_high_tech_enterprises", 11.0, "eq", "actual", 2022)]),
    ("tasks", "粮食种植面积稳定在26万亩、总产量11万吨以上",
     [("grain_sown_area", 260000.0, "eq", "target", 2023), ("grain_output", 110000.0, "ge", "target", 2023)]),
    ("tasks", "力争列入开放大通道重要节点，实际使用外资超1.2亿美元",
     [("fdi_utilized", 120000000.0, "gt", "target", 2023)]),
    ("targets", "单位GDP能耗下降3%",
     [("energy_intensity_change", -3.0, "eq", "target", 2023)]),
    ("targets", "居民消费价格涨幅2%左右，城镇调查失业率5.5%以内",
     [("cpi_growth", 2.0, "approx", "target", 2023), ("urban_surveyed_unemployment_rate", 5.5, "le", "target", 2023)]),
    ("targets", "全社会研发经费投入占地区生产总值比重达2.9%以上",
     [("rd_intensity", 2.9, "ge", "target", 2023)]),
    ("review", "一般公共预算收入从7248亿元提高到8865亿元",
     [("general_budget_revenue", 724800000000.0, "eq", "other", None),
      ("general_budget_revenue", 886500000000.0, "eq", "actual", 2022)]),
    ("review", "人均地区生产总值从2020年的10.5万元提高到2022年的14万元左右",
     [("gdp_per_capita", 105000.0, "eq", "actual", 2020), ("gdp_per_capita", 140000.0, "approx", "actual", 2022)]),
    # Scope and wording variants of an alias (subject_variants seed), seen across the 深圳 chain.
    ("review", "实现本地生产总值8036亿元，增长3.3%",
     [("gdp", 803600000000.0, "eq", "actual", 2022), ("gdp_growth", 3.3, "eq", "actual", 2022)]),
    ("targets", "固定资产投资额增长23%左右", [("fixed_asset_investment_growth", 23.0, "approx", "target", 2023)]),
    ("targets", "城镇居民登记失业率控制在3%以内", [("urban_registered_unemployment_rate", 3.0, "le", "target", 2023)]),
    ("review", "全年新增国高企业900家，总数超3900家", [("new_high_tech_enterprises", 900.0, "eq", "actual", 2022)]),
    # A milestone gives way to the figure after it; a share's growth is not the share.
    ("targets", "固定资产投资规模迈上千亿元新台阶，达到1157亿元以上",
     [("fixed_asset_investment", 100000000000.0, "eq", "other", 2023), ("fixed_asset_investment", 115700000000.0, "ge", "target", 2023)]),
    ("targets", "全社会研发投入占GDP比重增长40%", []),
    ("review", "进出口总额2.75万亿元，其中出口1.64万亿元",
     [("trade_total", 2750000000000.0, "eq", "actual", 2022), ("exports", 1640000000000.0, "eq", "actual", 2022)]),
    # 由X年的A提高到B: A is X's actual (a restatement), B the sentence's own year; never B dated X.
    ("review", "人均生产总值由2005年的1.47万元提高到2.8万元",
     [("gdp_per_capita", 14700.0, "eq", "actual", 2005), ("gdp_per_capita", 28000.0, "eq", "actual", 2022)]),
    ("review", "空气质量优良率97.6%，创2012年有监测数据以来最好水平",
     [("air_quality_good_days_ratio", 97.6, "eq", "actual", 2022)]),
    ("targets", "确保粮食总产4亿斤以上", [("grain_output", 200000.0, "ge", "target", 2023)]),
    ("targets", "全年新增就业3500人，城镇失业率控制在4.5%以内",
     [("new_urban_jobs", 3500.0, "eq", "target", 2023), ("urban_registered_unemployment_rate", 4.5, "le", "target", 2023)]),
    # Found by the silver sample (tests/fixtures/silver); phrasings taken from other reports.
    # 实际完成 (满城 2020): 实际 does not change what is measured.
    ("review", "社会消费品零售总额实际完成78.65亿元",
     [("retail_sales", 7865000000.0, "eq", "actual", 2022)]),
    # 城镇 is the place's urban whole, not a sub-area (新疆 2026).
    ("tasks", "城镇新增就业60万人左右", [("new_urban_jobs", 600000.0, "approx", "target", 2023)]),
    # 进出口 alone is trade (山东 2026).
    ("review", "社会消费品零售总额增长5.1%，高于全国1.4个百分点；进出口增长4.5%",
     [("retail_sales_growth", 5.1, "eq", "actual", 2022), ("trade_total_growth", 4.5, "eq", "actual", 2022)]),
    # 城镇居民和农村居民… as a pair (徐水 2024).
    ("targets", "城镇居民和农村居民人均可支配收入均增长8%",
     [("urban_disposable_income_growth", 8.0, "eq", "target", 2023),
      ("rural_disposable_income_growth", 8.0, "eq", "target", 2023)]),
    # A county's bare 失业率 is its registered rate (博野 2021).
    ("targets", "确保失业率控制在4.5%以内", [("urban_registered_unemployment_rate", 4.5, "le", "target", 2023)]),
    # A和B(均)增长X: the figure holds for each (清苑 2013, 徐水 2013).
    ("targets", "全部财政收入和公共财政预算收入均增长14%以上",
     [("fiscal_revenue_total_growth", 14.0, "ge", "target", 2023),
      ("general_budget_revenue_growth", 14.0, "ge", "target", 2023)]),
    ("targets", "全部财政收入和公共财政预算收入增长15%以上",
     [("fiscal_revenue_total_growth", 15.0, "ge", "target", 2023),
      ("general_budget_revenue_growth", 15.0, "ge", "target", 2023)]),
    # ...but only when every part is an indicator of the place itself.
    ("targets", "地区生产总值和数字经济核心产业增加值增长8%", []),
    ("targets", "全社会固定资产投资和城镇固定资产投资均增长35%", []),
    # Link words between a pair and 分别 (阜平 2022, 河北 2018; found in 清苑 2021).
    ("review", "城乡居民人均可支配收入预计分别完成25600元和12100元",
     [("urban_disposable_income", 25600.0, "eq", "actual", 2022),
      ("rural_disposable_income", 12100.0, "eq", "actual", 2022)]),
    # An abbreviation in brackets restates the alias before it (罗湖 2023, 2024 and another 深圳 district).
    ("targets", "今年经济社会发展主要预期目标是：地区生产总值（GDP）增长6.5%左右",
     [("gdp_growth", 6.5, "approx", "target", 2023)]),
    ("review", "全年地区生产总值（GDP）2808.19亿元、增长7.2%",
     [("gdp", 280819000000.0, "eq", "actual", 2022), ("gdp_growth", 7.2, "eq", "actual", 2022)]),
    ("targets", "居民消费价格指数(CPI)上涨2%", [("cpi_growth", 2.0, "eq", "target", 2023)]),
    ("review", "海洋生产总值（GOP）增长6%", []),  # the gloss does not hide a sector's qualifier
    # The dash that opens a list item is not a qualifier (南山 2014, 2015).
    ("targets", "——本地生产总值3800亿元，增长9.5%左右；",
     [("gdp", 380000000000.0, "eq", "target", 2023), ("gdp_growth", 9.5, "approx", "target", 2023)]),
    ("targets", "——固定资产投资总额457亿元，增长10%；",
     [("fixed_asset_investment", 45700000000.0, "eq", "target", 2023),
      ("fixed_asset_investment_growth", 10.0, "eq", "target", 2023)]),
    # A percentage of something else is a proportion, not a change (福建 2026).
    ("review", "单位地区生产总值能耗、主要污染物排放强度分别约为全国平均的70%、60%", []),
]


@pytest.mark.parametrize(("role", "sentence", "expected"), CASES)
def test_indicator_values_of_a_sentence(role, sentence, expected):
    assert _values(role, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "数字经济核心产业增加值增长12%",
        "工业投资、技改投资分别增长25.2%、18.6%",
        "开发区实现地区生产总值50亿元",
        "高新区规上工业增加值增长15%",
        "软件业营业收入增长20%",
        "金融业增加值占地区生产总值比重达到8%",
        "高新技术企业总数达到300家",
        "城乡居民收入增长7%",
    ],
)
def test_sub_areas_sectors_and_ambiguous_subjects_are_not_the_places_indicator(sentence):
    assert _values("review", sentence) == []


def test_sub_area_figures_are_flagged():
    (mention,) = extract_mentions(_report(("review", "开发区实现地区生产总值50亿元")))
    assert mention.is_sub_area and mention.indicator_id is None


def test_an_explicit_year_in_a_five_year_review_dates_the_figure():
    assert _values("review", "2022年地区生产总值达到1200亿元", report_year=2023) == [
        ("gdp", 120000000000.0, "eq", "actual", 2022)]
    assert _values("review", "2020年地区生产总值达到1000亿元", report_year=2023) == [
        ("gdp", 100000000000.0, "eq", "actual", 2020)]


def test_a_comparison_year_does_not_date_the_figure():
    assert _values("review", "地区生产总值是2011年的2.3倍，增长6%") == [("gdp_growth", 6.0, "eq", "actual", 2022)]


def test_multi_year_figures_keep_their_indicator_but_are_flagged():
    mentions = extract_mentions(_report(
        ("review", "过去五年，地区生产总值年均增长6.5%"),
        ("targets", "到2025年，地区生产总值达到1500亿元"),
    ))
    found = [m for m in mentions if m.indicator_id]
    assert [(m.indicator_id, m.is_multi_year) for m in found] == [("gdp_growth", True), ("gdp", True)]
    assert found[1].reference_year == 2025 and found[1].value_kind == "target"


def test_goals_of_a_five_year_plan_section_are_not_this_years_targets():
    from ingest.segment import segment_report

    text = "二、“十五五”时期的主要目标\n“十五五”发展的主要目标是：研发投入强度达到3.8%。\n"
    (mention,) = extract_mentions(segment_report("r", text, 2026))
    assert mention.indicator_id == "rd_intensity"
    assert mention.value_kind == "other"


def test_this_years_targets_under_a_heading_that_names_the_plan_are_targets():
    from ingest.segment import segment_report

    text = "三、全力推动“十五五”开好局\n今年经济社会发展的主要预期目标是：城镇新增就业50万人。\n"
    (mention,) = extract_mentions(segment_report("r", text, 2026))
    assert (mention.indicator_id, mention.value_kind, mention.reference_year, mention.is_multi_year) == (
        "new_urban_jobs", "target", 2026, False)


def test_every_quantity_becomes_a_mention_with_subject_verb_and_absolute_offsets():
    report = _report(("review", "各位代表。"), ("review", "新增学位5000个，规上工业产值突破1200亿元"))
    mentions = extract_mentions(report)
    assert [(m.subject, m.verb, m.indicator_id) for m in mentions] == [
        ("新增学位", "新增", None), ("规上工业产值", "突破", "industrial_output")]
    for mention in mentions:
        assert report.text[mention.char_start:mention.char_end] == mention.surface
    assert [m.mention_index for m in mentions] == [0, 1]
    assert mentions[1].mention_id == "r:00001:01"


@pytest.mark.parametrize(
    ("sentence", "value", "bound", "scope"),
    [
        ("跃居中国百强县（市）第20位", 20.0, "eq", "中国百强县（市）"),
        ("总量居全市第一", 1.0, "eq", "全市"),
        ("制造业高质量发展示范县创建进入全省前十", 10.0, "le", "全省"),
    ],
)
def test_rankings_are_mentions_of_their_own(sentence, value, bound, scope):
    (mention,) = extract_mentions(_report(("review", sentence)))
    assert mention.is_rank and mention.indicator_id is None
    assert (mention.value, mention.bound, mention.unit, mention.rank_scope) == (value, bound, "rank", scope)


def test_new_jobs_in_a_five_year_review_without_a_year_are_a_five_year_total():
    report = _report(("review", "城镇新增就业452万人"), title="一、“十四五”时期经济社会发展回顾")
    (mention,) = extract_mentions(report)
    assert mention.indicator_id == "new_urban_jobs" and mention.is_multi_year


def test_a_threshold_next_to_the_exact_figure_is_context():
    mentions = extract_mentions(_report(("review", "地方一般公共预算收入突破4000亿元、达到4211亿元")))
    assert [(m.value, m.value_kind, m.verb) for m in mentions] == [
        (400000000000.0, "other", "突破"), (421100000000.0, "actual", "达到")]


def test_kind_follows_the_section_role():
    report = _report(("preamble", "地区生产总值增长6%"), ("tasks", "已建成学校3所"), ("glossary", "地区生产总值增长6%"))
    assert [m.value_kind for m in extract_mentions(report)] == ["other", "other", "other"]


def test_ratio_indicators_take_the_ratio_unit_when_written_bare():
    (mention,) = extract_mentions(_report(("review", "城乡居民收入倍差缩小至1.83")))
    assert (mention.indicator_id, mention.unit) == ("urban_rural_income_ratio", "ratio")


def test_every_alias_names_a_core_indicator():
    from ingest import catalogue

    indicators = catalogue.indicators()
    assert all(row.indicator_id in indicators for rows in alias_catalogue().values() for row in rows)


def test_a_five_year_paragraph_inside_a_review_states_term_totals_until_last_year_comes_back():
    # 保定 2021 / 福建 2026 / 河南 2026: "五年来…" paragraphs sit in a review headed without a plan
    # word; "刚刚过去的…" starts last year's account again.
    report = _report(
        ("review", "五年来，我们倾心尽力办实事、惠民生。"),
        ("review", "城镇新增就业50.2万人，城镇登记失业率控制在4.5%以内。"),
        ("review", "刚刚过去的2025年很不平凡。"),
        ("review", "城镇新增就业121.7万人。"),
        report_year=2026, title="一、一年接着一年干，新福建建设持续取得新进展新成效",
    )
    jobs = [m for m in extract_mentions(report) if m.indicator_id == "new_urban_jobs"]
    assert [(m.value, m.is_multi_year, m.reference_year) for m in jobs] == [
        (502000.0, True, 2025), (1217000.0, False, 2025)]


def test_last_years_account_inside_a_term_review_section_is_annual():
    report = _report(
        ("review", "五年来，全县城镇新增就业2.26万人。"),
        ("review", "各位代表！刚刚过去的2020年是极不平凡的一年。"),
        ("review", "城镇新增就业3795人。"),
        report_year=2021, title="一、“十三五”时期经济社会发展回顾",
    )
    jobs = [m for m in extract_mentions(report) if m.indicator_id == "new_urban_jobs"]
    assert [(m.value, m.is_multi_year) for m in jobs] == [(22600.0, True), (3795.0, False)]


def test_this_years_new_jobs_target_in_a_section_named_after_the_plan_is_annual():
    # 河南 2026's target sentence under a heading like 福建 2026's "全力推动“十五五”开好局".
    report = _report(("tasks", "城镇新增就业110万人以上，居民消费价格涨幅2%左右"),
                     report_year=2026, title="三、一鼓作气勇争先，全力推动“十五五”开好局、起好步")
    jobs = [m for m in extract_mentions(report) if m.indicator_id == "new_urban_jobs"]
    assert [(m.value, m.bound, m.value_kind, m.reference_year, m.is_multi_year) for m in jobs] == [
        (1100000.0, "ge", "target", 2026, False)]


def test_a_variant_subject_records_what_was_normalised():
    report = _report(("review", "实现本地生产总值8036亿元，固定资产投资额增长5%，地区生产总值增长3%"))
    stripped = [(m.indicator_id, m.subject_stripped) for m in extract_mentions(report)]
    assert stripped == [("gdp", "本地→地区"), ("fixed_asset_investment_growth", "+额"), ("gdp_growth", "")]


def test_an_estimate_of_last_years_result_is_an_actual_flagged_as_estimate():
    # Reports delivered before the final count: 预计全年… inside the review.
    report = _report(("review", "预计全年地区生产总值增长6.5%，一般公共预算收入完成8亿元。"),
                     ("review", "全年城镇新增就业2500人。"), report_year=2021)
    found = [(m.indicator_id, m.value_kind, m.reference_year, m.is_estimate) for m in extract_mentions(report)]
    assert found == [("gdp_growth", "actual", 2020, True), ("general_budget_revenue", "actual", 2020, True),
                     ("new_urban_jobs", "actual", 2020, False)]


def test_a_target_is_never_an_estimate():
    report = _report(("targets", "预计地区生产总值增长7%左右。"), report_year=2021)
    (mention,) = extract_mentions(report)
    assert (mention.value_kind, mention.is_estimate) == ("target", False)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # Before 2014 the rural figure was 纯收入: its own indicator, never 农村居民人均可支配收入.
        ("农民人均纯收入8600元，增长12%。", [("rural_net_income", 8600.0), ("rural_net_income_growth", 12.0)]),
        ("农村居民人均纯收入达到9120元。", [("rural_net_income", 9120.0)]),
        ("农村居民人均可支配收入12347元。", [("rural_disposable_income", 12347.0)]),
    ],
)
def test_the_older_rural_income_lands_as_its_own_indicator(sentence: str, expected: list):
    assert [(v[0], v[1]) for v in _values("review", sentence, 2013)] == expected


def test_an_indicator_replaced_by_a_later_one_points_at_it_in_the_catalogue():
    from ingest import catalogue

    indicators = catalogue.indicators()
    assert indicators["rural_net_income"]["replaced_by"] == "rural_disposable_income"
    assert indicators["rural_net_income_growth"]["replaced_by"] == "rural_disposable_income_growth"
    assert indicators["rural_disposable_income"]["comparable_from"] == "2013"
    assert "城乡统一口径" in indicators["urban_disposable_income"]["series_note"]
