"""The words that give a heading, a paragraph or a sentence its role: review, targets, tasks, glossary."""

from __future__ import annotations

import re

YEAR = re.compile(r"((?:19|20)\d{2})年")

# Which words in a heading give a section its role; checked in this order.
TARGET_WORDS = ("预期目标", "主要目标", "总体要求", "目标任务", "总体思路", "指导思想")
_TASK_WORDS = ("重点工作", "主要任务", "重点任务", "工作安排", "工作任务", "着力", "全力", "坚持", "加快", "推进", "扎实")
_REVIEW_WORDS = ("回顾", "过去", "工作总结", "成就", "成绩", "主要工作", "发展成就", "五年")
_GLOSSARY_WORDS = ("名词解释", "注释")
# Review cues for sections whose heading says nothing about time ("一、一年接着一年干…") and
# for reports whose review has no heading at all (it follows 各位代表 directly).
REVIEW_PARAGRAPH = re.compile(r"(过去一年|过去的一年|刚刚过去的|一年来|回顾|初步统计|初步核算|据统计|预计全年|全年实现|全年完成)")
# The sentence that states this year's targets ("主要预期目标是：…"), wherever it sits.
TARGET_SENTENCE = re.compile(
    r"(?:预期目标|主要目标|目标任务|发展目标|主要指标)(?:和主要任务|和任务|与任务)?(?:确定为|初定为|定为|是|为|[:：])"
    r"|经济社会发展的?(?:主要)?目标[是为]"
)
# The closing part about the government itself is neither review nor tasks.
SELF_WORDS = ("自身建设", "作风", "政府建设")
# Five-year-plan sections state targets for a later year, not this year's targets.
PLAN_WORDS = ("十一五", "十二五", "十三五", "十四五", "十五五", "五年规划", "规划纲要", "今后五年", "未来五年")


def heading_role(title: str, report_year: int | None) -> str:
    """The role a top-level heading gives to the section it opens."""
    if any(word in title for word in _GLOSSARY_WORDS):
        return "glossary"
    if any(word in title for word in PLAN_WORDS) and "目标" in title:
        return "other"
    # "2023年主要目标任务和重点工作" is mostly tasks; its targets paragraph is caught per line.
    if any(word in title for word in TARGET_WORDS):
        return "tasks" if any(w in title for w in ("重点工作", "主要工作", "任务", "举措", "安排")) else "targets"
    years = [int(y) for y in YEAR.findall(title)]
    if report_year and years and max(years) < report_year:
        return "review"
    if report_year and years and min(years) >= report_year:  # "三、2026年主要工作"
        return "tasks"
    if any(word in title for word in _REVIEW_WORDS) and not any(w in title for w in ("今年", "新的一年")):
        return "review"
    if any(word in title for word in _TASK_WORDS):
        return "tasks"
    return "other"


def is_targets_sentence(sentence: str, report_year: int | None) -> bool:
    """A sentence that sets this year's targets; a five-year plan's goals are not."""
    if not TARGET_SENTENCE.search(sentence):
        return False
    this_year = ("今年", "本年", f"{report_year}年") if report_year else ("今年", "本年")
    return not any(word in sentence for word in PLAN_WORDS) or any(word in sentence for word in this_year)
