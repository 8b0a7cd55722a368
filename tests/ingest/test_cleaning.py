"""find_report_body: the report's span inside pages full of navigation, widgets and link lists."""

from ingest.identify.cleaning import find_report_body

OPENING = "各位代表：\n现在，我代表瑞安市人民政府向大会报告工作，请予审议。\n一、2022年主要工作回顾\n"
REVIEW = "2022年，全市实现地区生产总值1197.9亿元，增长3.5%。" * 20 + "\n"
CLOSING = "各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围，为建设现代化瑞安而努力奋斗！"


def body_of(text: str) -> str:
    start, end = find_report_body(text)
    return text[start:end]


def test_a_news_page_keeps_title_block_and_drops_widgets_and_link_lists():
    text = (
        "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n"
        "2023年瑞安市政府工作报告\n——2023年2月12日在瑞安市第十七届人民代表大会第二次会议上\n"
        "来源：瑞安日报\n时间：2023-02-20\n瑞安市人民政府市长 秦 肖\n"
        + OPENING + REVIEW + CLOSING
        + "\n相关报道：\n阅读排行\n宁德市2021年政府工作报告\n2022年金堂县政府工作报告\n"
    )
    body = body_of(text)
    assert body.startswith("2023年瑞安市政府工作报告\n——2023年2月12日")
    assert body.endswith("而努力奋斗！")
    assert "金堂县" not in body and "字号" not in body


def test_offsets_point_into_the_original_text():
    text = "首页\n>\n要闻\n" + OPENING + REVIEW + CLOSING + "\n责任编辑：张三\n"
    start, end = find_report_body(text)
    assert text[start:end] == OPENING + REVIEW + CLOSING


def test_a_series_header_block_ends_at_zhengwen():
    text = "标题：2022年保定市政府工作报告\n发文单位：保定市人民政府\n来源URL：http://x\n\n正文：\n\n" + OPENING + REVIEW + CLOSING
    assert body_of(text).startswith("各位代表：")


def test_a_teaser_quoting_the_salutation_is_not_the_start():
    teaser = "内容摘要：\n政府工作报告—2021年2月5日在博野县第十七届人民代表大会第五次会议上各位代表：现在，我代表......\n"
    text = "2021年博野县政府工作报告\n时间：2023-01-24\n" + teaser + "政 府 工 作 报 告\n" + OPENING + REVIEW + CLOSING
    body = body_of(text)
    assert body.startswith("政 府 工 作 报 告\n各位代表")
    assert "内容摘要" not in body


def test_a_repost_without_salutation_starts_at_its_title_block_not_a_later_paragraph():
    notice = "各乡镇人民政府：\n《政府工作报告》已经瑞安市第十七届人民代表大会第二次会议审议通过，现印发给你们。\n瑞安市人民政府\n2023年4月17日\n（此件公开发布）\n"
    text = notice + "政府工作报告\n秦肖\n（2023年2月）\n一、2022年主要工作回顾\n" + REVIEW + "各位代表，事非经过不知难。\n" + REVIEW + CLOSING
    body = body_of(text)
    assert body.startswith("政府工作报告\n秦肖\n（2023年2月）\n一、2022年")
    assert "此件公开发布" not in body


def test_literal_backslash_line_breaks_count_as_lines():
    text = "马克数据网\\r\\n" + OPENING.replace("\n", "\\r\\n") + REVIEW + CLOSING + "  来源：百度马 克 数据网"
    body = body_of(text)
    assert body.startswith("各位代表：")
    assert body.endswith("而努力奋斗！")


def test_long_site_footers_and_trailing_menus_are_cut():
    footer = "\n其他网站\n河北科学发展网\n中国科普网\n主办单位：保定市科学技术局  网址：http://kjj.baoding.gov.cn  网站标识码：1306000007 联系地址：河北省保定市东二环1539号\n"
    text = OPENING + REVIEW + CLOSING + footer
    assert body_of(text).endswith("而努力奋斗！")


def test_a_glossary_after_the_closing_stays_in_the_body():
    glossary = "\n名词解释\n[1]“六稳”：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。\n"
    text = OPENING + REVIEW + CLOSING + glossary + "分享到：\nQQ空间\n上一篇：\n"
    assert body_of(text).endswith("稳预期。")


def test_text_without_any_structure_is_kept_whole_minus_short_furniture():
    text = "首页\n正文内容\n" + REVIEW.strip()
    assert body_of(text) == REVIEW.strip()


def test_empty_text_gives_an_empty_span():
    assert find_report_body("") == (0, 0)
