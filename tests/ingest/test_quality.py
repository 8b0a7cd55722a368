"""assess_quality: lost characters, truncation, excerpts, and documents that are not work reports."""

from ingest.identify.cleaning import find_report_body
from ingest.identify.identity import identify_report
from ingest.identify.quality import assess_quality

OPENING = "政府工作报告\n——2023年1月11日在保定市第十六届人民代表大会第三次会议上\n各位代表：\n现在，我代表市人民政府向大会报告工作。\n"
REVIEW = "一、2022年工作回顾\n" + "全市生产总值完成4000亿元，增长5%，一般公共预算收入增长6%。" * 150 + "\n"
CLOSING = "各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围，为建设现代化品质生活之城而努力奋斗！"


def flags_of(text: str):
    span = find_report_body(text)
    return assess_quality(text, span, identify_report(text, span))


def test_a_full_report_is_a_complete_work_report():
    flags = flags_of(OPENING + REVIEW + CLOSING)
    assert flags.is_work_report and flags.non_report_reason == ""
    assert not flags.is_truncated and not flags.is_partial
    assert flags.lost_char_runs == 0


def test_runs_of_lost_characters_are_counted_once_each():
    flags = flags_of(OPENING + "市长??杨曙光，二��三五年，？？" + REVIEW + CLOSING)
    assert flags.lost_char_runs == 3


def test_a_text_cut_off_mid_report_is_truncated():
    assert flags_of(OPENING + REVIEW + "二、2023年工作安排\n加快建设，").is_truncated


def test_a_glossary_after_the_closing_does_not_make_it_truncated():
    glossary = "\n名 词 解 释\n〔1〕两不愁三保障：不愁吃、不愁穿。(见第2页)\n农副产品加工园区位于阜平镇高阜口村，总面积2763亩。\n"
    assert not flags_of(OPENING + REVIEW + CLOSING + glossary).is_truncated


def test_a_closing_flourish_in_mid_report_does_not_count_as_the_end():
    text = OPENING + REVIEW + "我们必须为之努力奋斗。\n" + "2023年政府工作的指导思想是：" + "坚持稳中求进。" * 80
    assert flags_of(text).is_truncated


def test_a_budget_report_filed_as_a_work_report_is_not_one():
    text = (
        "标题：高阳县2026年政府工作报告\n正文：\n2025年预算执行情况和2026年预算（草案）报告\n"
        "2026年3月6日在高阳县第十八届人民代表大会第六次会议上\n一、2025年预算执行情况\n" + "一般公共预算收入102417万元。" * 60
    )
    flags = flags_of(text)
    assert (flags.is_work_report, flags.non_report_reason) == (False, "budget report")


def test_a_five_year_plan_report_is_not_a_work_report():
    text = (
        "关于保定市国民经济和社会发展第十二个五年规划纲要的报告\n2011年2月14日在保定市第十三届人民代表大会第四次会议上\n"
        "各位代表：\n现在，我代表保定市人民政府向大会作报告。\n" + "“十一五”时期经济社会发展取得显著成就。" * 60
    )
    assert flags_of(text).non_report_reason == "plan report"


def test_news_of_the_session_opening_is_not_a_work_report():
    text = (
        "1月12日上午，高阳县第十八届人民代表大会第三次会议隆重开幕。\n会议应出席代表181名，实际出席158名，符合法定人数。\n"
        "县人大常委会主任在主席台前排就座。\n" + "县长作政府工作报告。报告指出，过去一年经济平稳增长。" * 40
    )
    assert flags_of(text).non_report_reason == "news item"


def test_a_short_digest_is_not_a_work_report():
    text = "2014年工作回顾：\n全市生产总值完成2780亿元，增长7.0%。\n重点工作：\n（一）抢抓协同发展机遇。\n（二）推动产业转型升级。"
    flags = flags_of(text)
    assert (flags.is_work_report, flags.non_report_reason) == (False, "digest")
    assert not flags.is_truncated  # a non-report is not judged for completeness


def test_a_newspaper_abridgement_is_partial_but_still_a_work_report():
    text = "王正谱在省十四届人大四次会议上的政府工作报告（摘登）\n“十四五”时期经济社会发展回顾\n" + "全省生产总值增长5.4%。" * 400
    flags = flags_of(text)
    assert flags.is_work_report and flags.is_partial


def test_a_news_summary_of_the_report_stays_a_work_report():
    text = "在2月5日召开的满城区第二届人民代表大会第五次会议上，区长程杰代表区人民政府向大会作政府工作报告。\n" + "《报告》说，过去五年综合实力显著增强。" * 80
    assert flags_of(text).is_work_report
