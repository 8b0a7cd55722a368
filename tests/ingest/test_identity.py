"""identify_report: place and year come from the report's own words; labels only hint."""

import pytest

from ingest import paths
from ingest.identify.identity import identify_report

BODY = "一、2022年工作回顾\n" + "全县生产总值增长6%，一般公共预算收入增长5%。" * 30 + "\n让我们团结奋斗！"


def report(title_block: str, body: str = BODY) -> str:
    return title_block + "\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n" + body


def test_the_session_line_names_the_place_and_the_date_gives_the_year():
    identity = identify_report(report("政府工作报告\n——2023年2月12日在米易县第十九届人民代表大会第三次会议上\n米易县人民政府县长 代坤宏"))
    assert (identity.place_code, identity.place_name, identity.report_year) == ("510421", "米易县", 2023)
    assert identity.session == "第十九届人民代表大会第三次会议"
    assert identity.delivery_date == "2023-02-12"
    assert identity.speaker == "代坤宏"
    assert "session" in identity.evidence


def test_mi_yi_labelled_as_yi_xian_is_a_label_conflict_and_the_text_wins():
    text = report("米易县2023年人民政府工作报告\n（2023年2月12日在米易县第十九届人民代表大会第三次会议上）")
    identity = identify_report(text, labelled_place="易县", labelled_year=2023)
    assert identity.place_code == "510421"
    assert "易县" in identity.label_conflict and "510421" in identity.label_conflict


def test_gao_tang_is_not_tang_xian():
    text = report("政 府 工 作 报 告\n——2024年1月17日在高唐县第十八届人民代表大会第三次会议上\n高唐县县长??杨曙光")
    identity = identify_report(text, labelled_place="唐县", labelled_year=2024)
    assert identity.place_code == "371526"
    assert identity.speaker == "杨曙光"
    assert identity.label_conflict.startswith("labelled 唐县")


def test_a_former_county_name_resolves_to_todays_district():
    identity = identify_report(report("2010年2月4日在徐水县第十四届人民代表大会第四次会议上\n徐水县人民政府县长李保森"))
    assert (identity.place_code, identity.place_name, identity.report_year) == ("130609", "徐水区", 2010)


def test_a_name_used_in_several_provinces_is_read_with_the_parent_named_in_the_text():
    beijing = report("——2023年1月5日在北京市朝阳区第十六届人民代表大会第三次会议上")
    changchun = report(
        "——2023年1月5日在朝阳区第十七届人民代表大会第三次会议上",
        body=BODY + "长春市委、长春市政府的坚强领导下，长春现代化都市圈建设。",
    )
    assert identify_report(beijing).place_code == "110105"
    assert identify_report(changchun).place_code == "220104"


def test_chinese_numeral_dates_give_the_year_and_beat_a_wrong_label():
    text = report("二〇一九年一月十四日在河北省第十三届人民代表大会第二次会议上\n河北省人民政府省长许勤")
    identity = identify_report(text, labelled_place="河北省", labelled_year=2018)
    assert (identity.place_code, identity.report_year) == ("130000", 2019)
    assert identity.delivery_date == "2019-01-14"
    assert "labelled 2018" in identity.label_conflict


def test_a_page_publication_date_does_not_set_the_year():
    text = "2020年阜平县政府工作报告\n时间：2022-11-23\n" + report(
        "2020年1月21日在阜平县第十七届人民代表大会第四次会议上\n阜平县人民政府县长 贾瑞生"
    )
    assert identify_report(text).report_year == 2020


def test_without_a_date_the_review_heading_gives_the_year():
    text = "各位代表：\n现在，我代表容城县人民政府向大会报告工作。\n一、2014年工作回顾\n" + "容城县生产总值增长6.5%。" * 20
    identity = identify_report(text, labelled_place="容城", labelled_year=2015)
    assert (identity.place_code, identity.report_year) == ("130629", 2015)
    assert identity.label_conflict == ""


def test_abbreviated_self_references_fall_back_to_the_most_named_place():
    text = "一、2018年工作回顾\n" + "全县上下，容城县经济增长。容城县城建设加快。" * 10
    identity = identify_report(text)
    assert identity.place_code == "130629"
    assert "most named" in identity.evidence


def test_link_lists_around_the_report_do_not_decide_the_place():
    clutter = "阅读排行\n" + "宁德市2021年政府工作报告\n上海市奉贤区2023年政府工作报告\n" * 5
    text = clutter + report("——2022年1月27日在蠡县第十八届人民代表大会第二次会议上\n蠡县人民政府县长 高 波") + "\n" + clutter
    identity = identify_report(text)
    assert (identity.place_code, identity.report_year) == ("130635", 2022)


def test_nothing_to_go_on_gives_no_place():
    identity = identify_report("各位代表：\n" + "经济平稳增长，民生持续改善。" * 20)
    assert identity.place_code is None and identity.place_name is None


def test_only_a_label_is_used_when_the_text_names_nothing_and_says_so():
    identity = identify_report("各位代表：\n" + "经济平稳增长，民生持续改善。" * 20, labelled_place="瑞安市", labelled_year=2023)
    assert (identity.place_code, identity.report_year) == ("330381", 2023)
    assert "label" in identity.evidence


def test_a_sidecar_override_wins_over_the_text():
    text = report("——2022年1月27日在蠡县第十八届人民代表大会第二次会议上")
    identity = identify_report(text, override_place="高阳县", override_year=2021)
    assert (identity.place_code, identity.report_year) == ("130628", 2021)
    assert "sidecar" in identity.evidence


def test_the_seed_report_is_ruian_2023():
    text = (paths.SEEDS_DIR / "000_339ce46e4364fe7c.txt").read_text(encoding="utf-8")
    identity = identify_report(text)
    assert (identity.place_code, identity.place_name, identity.report_year) == ("330381", "瑞安市", 2023)
    assert identity.delivery_date == "2023-02"
    assert identity.speaker == "秦肖"


@pytest.mark.parametrize(
    ("title_block", "code"),
    [
        ("2026年上海市政府工作报告\n——2026年2月3日在上海市第十六届人民代表大会第四次会议上\n上海市市长 龚 正", "310000"),
        ("——2026年2月4日在内蒙古自治区第十四届人民代表大会第五次会议上\n自治区人民政府主席 包钢", "150000"),
        ("——2022年1月23日在保定市第十六届人民代表大会第二次会议上\n保定市人民政府市长 闫继红", "130600"),
        ("政府工作报告\n——2022年1月27日在保定市清苑区第三届人民代表大会第二次会议上", "130608"),
        ("2020年1月13日在县十六届人民代表大会第四次会议上\n涞源县人民政府县长周峰", "130630"),
    ],
)
def test_places_at_every_level(title_block, code):
    assert identify_report(report(title_block)).place_code == code


# --- identity from evidence: the clues a report without a title or session line still has -------

_DISTRICT_BODY = (
    "各位代表：\n现在，我代表区人民政府向大会作工作报告，请予审议。\n一、2021年工作回顾\n"
    + "2021年，全区上下在市委市政府和区委的坚强领导下，坪山经济稳步增长，深圳东部中心建设提速。" * 6
    + "\n二、2022年工作安排\n" + "全区要坚定信心，推动坪山高质量发展。" * 5
)


def test_the_file_name_and_the_body_name_a_district_whose_opening_says_only_qu():
    identity = identify_report(_DISTRICT_BODY, source_name="districts/2022年坪山区政府工作报告_2022.txt")
    assert (identity.place_code, identity.report_year) == ("440310", 2022), identity.evidence
    assert (identity.place_confidence, identity.year_confidence) == ("high", "high")


def test_a_name_that_is_also_a_word_never_wins_on_its_own():
    text = "各位代表：\n现在，我代表区人民政府作报告。\n" + "推进中心城区更新，老城区改造，城区面貌焕然一新。" * 10
    identity = identify_report(text)
    assert identity.place_code != "140302"  # 城区 of 晋城
    assert identity.place_confidence == "low"


def test_the_state_council_is_the_national_level():
    text = "各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n一、2023年工作回顾\n" + "全国各族人民团结奋斗，我国经济回升向好。" * 10
    identity = identify_report(text, source_name="国务院政府工作报告_2024年.txt")
    assert (identity.place_code, identity.place_name, identity.report_year) == ("100000", "全国", 2024)
    assert identity.place_confidence == "high"


def test_a_management_committee_gets_no_code_and_is_flagged():
    text = "各位代表：\n现在，我代表新区管委会向大会报告工作。\n" + "大鹏新区生态保护持续加强，全新区旅游收入增长。" * 10
    identity = identify_report(text, source_name="大鹏新区2022年管委会工作报告_2022.txt")
    assert identity.place_code is None
    assert identity.functional_area == "大鹏新区"
    assert identity.place_confidence == "low"


def test_a_place_named_only_by_the_body_is_low_confidence():
    text = "各位代表：\n" + "坪山区经济平稳增长，坪山区民生持续改善。" * 5
    identity = identify_report(text)
    assert identity.place_code == "440310"
    assert identity.place_confidence == "low"


def test_a_file_name_year_alone_is_low_confidence_and_agreeing_text_makes_it_high():
    body = "各位代表：\n现在，我代表坪山区人民政府作报告。\n" + "经济平稳增长，民生持续改善。" * 20
    alone = identify_report(body, source_name="坪山区政府工作报告_2021.txt")
    assert (alone.report_year, alone.year_confidence) == (2021, "low")
    agreeing = identify_report(body.replace("经济平稳", "刚刚过去的2020年，经济平稳", 1), source_name="坪山区政府工作报告_2021.txt")
    assert (agreeing.report_year, agreeing.year_confidence) == (2021, "high")
