"""Turns each quantity of a segmented report into a Mention: what it measures, how, for which year.

Which mentions may become indicator values: ``indicator_id is not null``, ``value_kind in
('actual', 'target')`` and none of ``is_multi_year``, ``is_rank``, ``is_sub_area``. Multi-year
figures (年均增长, 累计, 五年…, targets "到2030年" or in a "十五五" plan section) keep their
indicator_id but are flagged is_multi_year: the warehouse filters on the flag. A report's headline
values are actuals with reference_year = report_year - 1 and targets with reference_year =
report_year; an explicit year in the sentence ("2022年地区生产总值…") overrides the default.
The base of a change ("从7248亿元提高到8865亿元") is kept with value_kind 'other'."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.extract.numbers import RANK_UNIT, Quantity, parse_quantities
from ingest.extract.subjects import (
    CLAUSE_BREAK,
    LINK_ONLY,
    Subject,
    alias_hits,
    choose_row,
    clause_of,
    clauses,
    coordinated_subjects,
    distributed_subjects,
    subject_from_region,
)
from ingest.records import Mention, SegmentedReport, Sentence

_VERB = re.compile(
    r"增长|增加|增速|增幅|涨幅|提高|提升|上升|上涨|下降|降低|减少|回落|缩小|收窄|增至|降至|"
    r"新增|实现|完成|达到|达|控制在|稳定在|保持在|突破|超过|超|占|为"
)

_GROWTH_WORD = re.compile(r"增长|增速|增幅|涨幅|上涨|下降|回落|(?:提高|提升|上升|降低|减少)(?![到至])")

_EXPLICIT_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s?年(?!以来|来|同期|相比|水平|价|不变价|可比价)")

_BASE_YEAR_BEFORE = re.compile(r"(?:比|较|于|与|相比|同比|对比|是|为|相当于)$")

_CHANGE_BASE = re.compile(r"(?:从|由)(?:(?:19|20)\d{2}年(?:末|底)?的?)?\s*$")

_MULTI_YEAR = re.compile(
    r"年均|年平均|平均每年|每年|累计|[两三四五六七八九十]年(?!级|前|度)|十[一二三四五]五|期间|以来|五年间"
)

_PLAN_SECTION = re.compile(r"十[一二三四五]五|五年|规划|远景|中长期")

# Paragraph openings inside a review: "过去五年…", "五年来，…", "“十四五”时期…" start an account of
# the whole term; "刚刚过去的2025年…", "一年来…", "过去一年…" start last year's account again.
_FIVE_YEAR_OPENING = re.compile(
    r"^[\s“”]*(?:各位代表[！!，,]\s*)?(?:过去(?:的)?五年|五年来|近五年|本届政府(?:任期)?以来|"
    r"“?十[一二三四五]五”?(?:时期|期间|以来))"
)

_ONE_YEAR_OPENING = re.compile(
    r"^[\s“”]*(?:各位代表[！!，,]\s*)?(?:过去(?:的)?一年|一年来|刚刚过去的|(?:19|20)\d{2}年(?:是|，|,|全[省市县区])|初步统计|初步核算|据初步)"
)

# A percentage 'of' something ('约为全国平均的70%') is a proportion of that thing, not the subject's value.
_PROPORTION_OF = re.compile(r"(?<![年\d])的\s*(?:约|近|大约)?\s*$")

_TARGET_WORDING = re.compile(r"目标|力争|确保|争取|预期|预计|计划|努力|今年|全年|年内")

# 预计 before an actual: the figure is the estimate made before the year's final count.
_ESTIMATE = re.compile(r"预计")

_PAST_WORDING = re.compile(r"已经|已|过去|去年|上年|上一年|曾")

_RANK_VERB = re.compile(r"(?:跃居|位居|稳居|居于|居|位列|名列|列|排名|排|进入|进|跻身|迈入|挺进|晋级|入选|荣登|升至)")

_DISTRIBUTE = "分别"

_ALL_OF = re.compile(r"^\s*(?:同比|比上年|较上年)?均")

_SINCE_YEAR = re.compile(r"[^，。；、\d]{1,12}以来")
_CHANGE_FROM_YEAR = re.compile(
    r"(?:末|底)?的[^，。；]{0,24}?(?:提高|增长|增加|下降|降低|减少|扩大|提升|上升|缩小|增)(?:到|至)"
)

_MILESTONE = re.compile(r"\s*(?:的)?(?:新台阶|大台阶|台阶|大关|关口)")

_GROWTH_OF_SHARE = re.compile(r"增长(?![到至])|增速|增幅")

_YEAR_RANGE_END = re.compile(r"\s*(?:—|-|–|至|到)\s*(?:19|20)\d{2}")

def _explicit_year(text: str, position: int) -> int | None:
    """The last year named before `position` that dates the figure (not a comparison base)."""
    if text.find("年", 0, position) < 0:
        return None  # every year _EXPLICIT_YEAR names ends in 年
    year = None
    for match in _EXPLICIT_YEAR.finditer(text, 0, position):
        if _BASE_YEAR_BEFORE.search(text[max(0, match.start() - 2):match.start()]):
            continue
        if _YEAR_RANGE_END.match(text[match.end() - 1:match.end() + 6]):
            continue
        if _SINCE_YEAR.match(text, match.end()):
            continue  # 创2012年有监测数据以来最低: a record's starting point, not the figure's year
        change = _CHANGE_FROM_YEAR.match(text, match.end())
        if change and position >= change.end():
            continue  # 由2005年的1.47万元提高到2.8万元: 2.8万元 is this year's, 1.47万元 is 2005's
        year = int(match.group(1))
    return year

def _kind_and_year(sentence: Sentence, report_year: int | None, explicit_year: int | None) -> tuple[str, int | None]:
    role = sentence.section_role  # segmentation decides it, targets sentences included
    text = sentence.text
    if report_year is None:
        return "other", explicit_year
    if explicit_year is not None:
        if explicit_year < report_year:
            return ("actual", explicit_year) if role in ("review", "targets", "tasks", "preamble") else ("other", explicit_year)
        if role in ("targets", "tasks", "review"):
            return "target", explicit_year
        return "other", explicit_year
    if role == "review":
        return "actual", report_year - 1
    if role == "targets":
        return "target", report_year
    if role == "tasks":
        if _PAST_WORDING.search(text) and not _TARGET_WORDING.search(text):
            return "other", None
        return "target", report_year
    return "other", None

def _rank_scope(text: str, clause_start: int, quantity: Quantity) -> str:
    """The list a ranking is in: the words between the last 居/进入/跻身 and the rank."""
    before = text[clause_start:quantity.start]
    verbs = list(_RANK_VERB.finditer(before))
    return (before[verbs[-1].end():] if verbs else before).strip()

@dataclass
class _Assigned:
    quantity: Quantity
    subject: Subject | None
    slot_row: int | None  # which slot of a pair alias applies (1-based)

def _assign_subjects(text: str, quantities: list[Quantity], hits, spans) -> list[list[_Assigned]]:
    """For each quantity, the subject(s) it measures (several under 均 after a 分别 pair)."""
    assigned: list[list[_Assigned]] = []
    previous_group: list[_Assigned] = []
    distributed: list[Subject | None] = []  # subjects under an open 分别
    for index, quantity in enumerate(quantities):
        clause_start, clause_end = clause_of(spans, quantity.start)
        prev_end = quantities[index - 1].end if index and quantities[index - 1].end > clause_start else clause_start
        region_start = max(clause_start, prev_end)
        region = text[region_start:quantity.start]
        group: list[_Assigned]
        if quantity.unit == RANK_UNIT:
            assigned.append([_Assigned(quantity, None, None)])
            continue
        distribute_at = text.rfind(_DISTRIBUTE, clause_start, quantity.start)
        if distribute_at >= 0:
            position = sum(1 for q in quantities if distribute_at < q.start <= quantity.start and q.unit != RANK_UNIT)
            subjects = distributed_subjects(text, clause_start, distribute_at, hits)
            if not subjects and LINK_ONLY.fullmatch(text[clause_start:distribute_at]):
                subjects = distributed  # '…分别达44999元、24102元，分别增长4.6%、6.3%'
            if subjects and position <= len(subjects):
                subject = subjects[position - 1]
                group = [_Assigned(quantity, subject, subject.slot if subject else None)]
                assigned.append(group)
                previous_group = group if position == 1 else previous_group + group
                distributed = subjects
                continue
        subject = subject_from_region(text, region_start, quantity.start, hits)
        # The figures of the clause; only the rules for a quantity without a subject use them.
        listed = ([q for q in quantities if clause_start <= q.start <= clause_end and q.unit != RANK_UNIT]
                  if subject is None else [])
        if (subject is None and distributed and len(listed) > 1 and previous_group
                and _nothing_between(text, previous_group[-1].quantity, listed[0])):
            # '…分别完成23538元、9292元，增长10.5%、13.7%': a bare list follows the 分别 order.
            position = listed.index(quantity)
            if position < len(distributed) and distributed[position] is not None:
                chosen = distributed[position]
                assigned.append([_Assigned(quantity, chosen, chosen.slot)])
                continue
        if (subject is None and not distributed and len(listed) > 1 and previous_group
                and len(recent := _recent_subjects(assigned)) >= len(listed)
                and _nothing_between(text, previous_group[-1].quantity, listed[0])):
            # '全部财政收入完成2.38亿元，其中地方一般预算收入完成1.55亿元，同比增长30.4%、31.5%'
            distributed = recent[-len(listed):]
            position = listed.index(quantity)
            if distributed[position] is not None:
                chosen = distributed[position]
                assigned.append([_Assigned(quantity, chosen, chosen.slot)])
                continue
        if subject is None and previous_group and _nothing_between(text, previous_group[-1].quantity, quantity):
            # '地区生产总值183.7亿元、增长3.8%', '…完成31098元、12347元，均增长8.5%': the
            # growth belongs to the subject(s) of the figure just before.
            if _ALL_OF.search(region) and len(previous_group) > 1:
                group = [_Assigned(quantity, a.subject, a.slot_row) for a in previous_group]
            else:
                last = previous_group[-1]
                group = [_Assigned(quantity, last.subject, last.slot_row)]
            assigned.append(group)
            previous_group = group
            continue
        coordinated = coordinated_subjects(text, region_start, subject, hits) if subject else []
        if coordinated:
            # '全部财政收入和一般预算收入(均)增长17%以上': the figure holds for each of them.
            group = [_Assigned(quantity, s, None) for s in coordinated]
            assigned.append(group)
            previous_group = group
            continue
        slots = sorted({r.slot for r in subject.rows if r.slot}) if subject else []
        if slots and "均" in text[subject.end:quantity.start]:
            # '城乡居民人均可支配收入均增长7%': one figure for each of the pair.
            group = [_Assigned(quantity, subject, slot) for slot in slots]
        else:
            group = [_Assigned(quantity, subject, None)]
        assigned.append(group)
        previous_group = group
    return assigned

def _recent_subjects(assigned: list[list[_Assigned]]) -> list[Subject]:
    """Distinct subjects of the quantities so far, in order of first appearance."""
    subjects: list[Subject] = []
    for group in assigned:
        for item in group:
            if item.subject is not None and item.quantity.unit != RANK_UNIT and item.subject not in subjects:
                subjects.append(item.subject)
    return subjects

def _nothing_between(text: str, earlier: Quantity, later: Quantity) -> bool:
    """Only link words and punctuation between two quantities: the later one shares the subject."""
    between = text[earlier.end:later.start]
    return earlier.end <= later.start and bool(LINK_ONLY.fullmatch(CLAUSE_BREAK.sub("", between)))

def _mentions_of_sentence(report: SegmentedReport, sentence: Sentence, in_term_account: bool = False) -> list[Mention]:
    text = sentence.text
    quantities = parse_quantities(text)
    if not quantities:
        return []
    hits = alias_hits(text)
    spans = clauses(text)
    mentions: list[Mention] = []
    for group in _assign_subjects(text, quantities, hits, spans):
        for assigned in group:
            mentions.append(_mention(report, sentence, spans, assigned, len(mentions), in_term_account))
    return _demote_thresholds(mentions, text, sentence.char_start)

def _demote_thresholds(mentions: list[Mention], text: str, sentence_start: int) -> list[Mention]:
    """'突破4000亿元、达到4211亿元': when a sentence gives a threshold and the exact figure of the
    same indicator, the threshold is context (value_kind 'other'), the figure is the value. A
    milestone (迈上千亿元新台阶，达到1157亿元以上) gives way to any later figure of its indicator."""
    def key(m: Mention) -> tuple:
        return (m.indicator_id, m.value_kind, m.reference_year)

    milestones = [
        bool(_MILESTONE.match(text, m.char_end - sentence_start)) and any(key(later) == key(m) for later in mentions[index + 1 :])
        for index, m in enumerate(mentions)
    ]
    exact = {key(m) for m, milestone in zip(mentions, milestones)
             if m.indicator_id and m.bound == "eq" and not m.is_multi_year and not milestone}
    out = []
    for m, is_milestone in zip(mentions, milestones):
        if m.indicator_id and (is_milestone or (m.bound in ("gt", "ge") and key(m) in exact)):
            m = replace(m, value_kind="other", is_estimate=False)
        out.append(m)
    return out

def _first_verb(text: str) -> str:
    match = _VERB.search(text)
    return match.group(0) if match else ""

def _mention(report: SegmentedReport, sentence: Sentence, spans, assigned: _Assigned, index: int,
             in_term_account: bool = False) -> Mention:
    text = sentence.text
    quantity, subject = assigned.quantity, assigned.subject
    clause_start, _ = clause_of(spans, quantity.start)
    before = text[clause_start:quantity.start]
    subject_end = subject.end if subject and clause_start <= subject.end <= quantity.start else clause_start
    gap = text[subject_end:quantity.start]
    # The verb nearest the number ('突破4000亿元、达到4211亿元' → 达到), else the clause's first.
    gap_verbs = _VERB.findall(gap)
    verb = gap_verbs[-1] if gap_verbs else _first_verb(text[clause_start:quantity.start])
    growth_worded = bool(_GROWTH_WORD.search(gap)) or bool(quantity.sign_word and _GROWTH_WORD.fullmatch(quantity.sign_word))
    explicit_year = _explicit_year(text, quantity.start)
    kind, year = _kind_and_year(sentence, report.report_year, explicit_year)
    is_rank = quantity.unit == RANK_UNIT
    # Five-year-plan goals never reach the 'targets' role (segmentation keeps them 'other').
    is_multi_year = bool(_MULTI_YEAR.search(before)) or bool(report.report_year and year and year > report.report_year)
    if (subject and any(r.indicator_id.startswith("new_") for r in subject.rows) and explicit_year is None
            and kind == "actual"):
        # 新增就业452万人 in an account of the whole term with no year of its own is a five-year
        # total. A target of this year stays one.
        is_multi_year = is_multi_year or in_term_account
    base = _CHANGE_BASE.search(before)
    if base:
        # The starting point of 从…提高到…: the end point is the figure of the year. A start the
        # sentence dates (由2005年的1.47万元) is that year's actual; an undated one is nobody's.
        dated = re.search(r"(?:19|20)\d{2}", base.group(0))
        if dated and report.report_year and int(dated.group(0)) < report.report_year:
            kind, year = "actual", int(dated.group(0))
        else:
            kind = "other"
            if explicit_year is None:
                year = None
    indicator_id = None
    unit = quantity.unit
    is_sub_area = bool(subject and subject.is_sub_area)
    # '10亿元以下的县', '总投资15亿元的项目': the number describes the noun after it.
    is_attributive = text[quantity.end:quantity.end + 1] == "的" or (
        quantity.unit == "percent" and bool(_PROPORTION_OF.search(before)))
    if subject and subject.rows and not (is_rank or is_sub_area or is_attributive or subject.is_qualified):
        rows = subject.rows
        if assigned.slot_row:
            rows = tuple(r for r in rows if r.slot == assigned.slot_row) or rows
        else:
            rows = tuple(r for r in rows if r.slot in (None, 1)) if any(r.slot for r in rows) else rows
            if any(r.slot for r in rows):
                rows = ()  # a pair alias without 分别 is ambiguous (城乡居民收入增长7%)
        row = choose_row(rows, quantity, growth_worded or subject.phrase.endswith(("增长", "增速", "涨幅", "上涨")))
        if row and row.measure in ("share", "rate") and _GROWTH_OF_SHARE.search(gap):
            row = None  # 研发投入占GDP比重增长40%: how fast a share grew, not the share
        indicator_id = row.indicator_id if row else None
        if row and row.unit == "ratio":
            unit = "ratio"  # 倍差1.83 is written bare; the indicator says what it is
    return Mention(
        report_id=report.report_id,
        sentence_id=sentence.sentence_id,
        mention_index=index,
        char_start=sentence.char_start + quantity.start,
        char_end=sentence.char_start + quantity.end,
        surface=quantity.surface,
        subject=subject.phrase if subject else "",
        verb=verb,
        indicator_id=indicator_id,
        value=quantity.value,
        value_upper=quantity.value_upper,
        bound=quantity.bound,
        unit=unit,
        unit_raw=quantity.unit_raw,
        value_kind=kind,
        reference_year=year,
        is_multi_year=is_multi_year,
        is_rank=is_rank,
        rank_scope=_rank_scope(text, clause_start, quantity) if is_rank else "",
        is_sub_area=is_sub_area,
        subject_stripped=subject.stripped if subject and indicator_id else "",
        is_estimate=kind == "actual" and _ESTIMATE.search(text, 0, quantity.start) is not None,
    )

_YEAR_IN_TITLE = re.compile(r"(?:19|20)\d{2}年")

def extract_mentions(report: SegmentedReport) -> list[Mention]:
    """Every quantity of every sentence, as mentions in reading order."""
    mentions: list[Mention] = []
    in_term_account, title = False, None
    for sentence in report.sentences:
        if sentence.section_title != title:
            # A section headed "“十四五”时期…回顾" (no year of its own) opens an account of the term.
            title = sentence.section_title
            in_term_account = bool(_PLAN_SECTION.search(title)) and not _YEAR_IN_TITLE.search(title)
        # An opening counts only at the start of a paragraph; the (anchored) openings are the
        # cheaper test, so they come first.
        if _FIVE_YEAR_OPENING.search(sentence.text) and _opens_paragraph(report.text, sentence.char_start):
            in_term_account = True
        elif _ONE_YEAR_OPENING.search(sentence.text) and _opens_paragraph(report.text, sentence.char_start):
            in_term_account = False
        mentions.extend(_mentions_of_sentence(report, sentence, in_term_account))
    return mentions

def _opens_paragraph(text: str, position: int) -> bool:
    """Whether a sentence starting at `position` is the first of its line."""
    line_start = text.rfind("\n", 0, position) + 1
    return not text[line_start:position].strip()
