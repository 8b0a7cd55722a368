"""Turns each quantity of a segmented report into a Mention: what it measures, how, for which year.

Which mentions may become indicator values: ``indicator_id is not null``, ``value_kind in
('actual', 'target')`` and none of ``is_multi_year``, ``is_rank``, ``is_sub_area``. Multi-year
figures (年均增长, 累计, 五年…, targets "到2030年" or in a "十五五" plan section) keep their
indicator_id but are flagged is_multi_year: the warehouse filters on the flag. A report's headline
values are actuals with reference_year = report_year - 1 and targets with reference_year =
report_year; an explicit year in the sentence ("2022年地区生产总值…") overrides the default.
The base of a change ("从7248亿元提高到8865亿元") is kept with value_kind 'other'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ingest import catalogue
from ingest.numbers import RANK_UNIT, Quantity, parse_quantities
from ingest.records import Mention, SegmentedReport, Sentence

# ---------------------------------------------------------------- catalogue


@dataclass(frozen=True)
class AliasRow:
    indicator_id: str
    alias: str
    slot: int | None  # for 城乡居民… pairs under 分别: 1 = urban, 2 = rural
    requires_before: re.Pattern[str] | None  # a word that must come earlier in the sentence
    unit: str  # the indicator's canonical unit
    measure: str  # level / growth / rate / share / ratio


@lru_cache(maxsize=1)
def alias_catalogue() -> dict[str, tuple[AliasRow, ...]]:
    """alias → its catalogue rows (several when level and growth share a name, or for pairs)."""
    indicators = catalogue.indicators()
    rows: dict[str, list[AliasRow]] = {}
    for row in catalogue.read_seed("indicator_aliases.csv"):
        indicator = indicators[row["indicator_id"]]
        requires = row.get("requires_before") or ""
        rows.setdefault(row["alias"], []).append(
            AliasRow(
                indicator_id=row["indicator_id"],
                alias=row["alias"],
                slot=int(row["slot"]) if row.get("slot") else None,
                requires_before=re.compile(requires) if requires else None,
                unit=indicator["unit"],
                measure=indicator["measure"],
            )
        )
    return {alias: tuple(found) for alias, found in rows.items()}


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern[str]:
    # Longest first: the leftmost match is then the longest (高新技术产业增加值占规上工业增加值比重
    # wins over 规上工业增加值 inside it).
    aliases = sorted(alias_catalogue(), key=len, reverse=True)
    return re.compile("|".join(re.escape(alias) for alias in aliases))


# ---------------------------------------------------------------- phrasing

_CLAUSE_BREAK = re.compile(r"[，；;：:,。！？!?]")
# Words between a subject and its number that do not change what is measured.
_LINK_WORDS = (
    "按可比价格计算|按可比价计算|可比口径|同口径|可比|同比|实际|比上年|较上年|比去年|较去年|分别|均|全年|年均|年平均|平均|、|"
    "实现了|实现|完成了|完成|达到了|达到|达|总量|总额|规模|增长到|增长至|增长|增加到|增加至|增加|增速为|增速|"
    "增幅为|增幅|涨幅为|涨幅|提高到|提高至|提高|提升到|提升至|提升|上升到|上升至|上升|上涨|下降到|下降至|"
    "下降|降低到|降低至|降低|减少到|减少至|减少|回落到|回落至|回落|缩小到|缩小至|缩小为|缩小|收窄至|收窄|"
    "增至|降至|降到|控制在|控制到|稳定在|保持在|保持|稳定|突破|超过|超|逾|近|约|为|是|了|在|到|至|有|"
    "不低于|不少于|不超过|低于|高于|以上|左右|预计|力争|确保|争取|努力|目标|全面|持续|再|又|新|从|由|"
    "大关|关口|大台阶|台阶|"
    r"(?:19|20)\d{2}年(?:末|底)?的?|年末|年底"
)
_LINK_ONLY = re.compile(rf"(?:\s|{_LINK_WORDS})*")
_LINK_AT_END = re.compile(rf"(?:{_LINK_WORDS}|\s)+$")
_VERB = re.compile(
    r"增长|增加|增速|增幅|涨幅|提高|提升|上升|上涨|下降|降低|减少|回落|缩小|收窄|增至|降至|"
    r"新增|实现|完成|达到|达|控制在|稳定在|保持在|突破|超过|超|占|为"
)
_GROWTH_WORD = re.compile(r"增长|增速|增幅|涨幅|上涨|下降|回落|(?:提高|提升|上升|降低|减少)(?![到至])")
# Words before a subject that only say "the place, this year" (全市, 2022年, 实现).
_SCOPE_FILLER = re.compile(
    r"^(?:\s|全[市县省区州盟旗镇]|我[市县省区州旗]|本[市县省区]|全社会|全口径|全体|全年|年度|今年|去年|上年|"
    r"年内|每年|县级|市级|省级|地方|(?:19|20)\d{2}\s*年(?:度|全年)?|预计|力争|确保|争取|努力|实现了?|完成了?|主要预期目标是|预期目标是|目标是|"
    r"其中|同时|此外|另外|其|的|和|、|与|及|城乡|新增|新认定|净增|新培育|当年|年末|年底|共|合计|总计|累计|"
    r"“|”|\(|\)|（|）)*$"
)
# A subject qualified by one of these is a part of the place or a sector, not the place itself.
_PLACE_PART = re.compile(
    r"开发区|园区|高新区|经开区|新区|产业园|产业区|示范区|功能区|片区|保税区|综保区|自贸|试验区|集聚区|"
    # 城镇 (城镇新增就业) and 城乡 are the place's urban or whole area, not a part of it.
    r"街道|乡镇|(?:(?<!城)[镇乡]|村)(?!振兴)|城区|主城|市区|景区|港区|组团"
)
_SUB_AREA = re.compile(
    _PLACE_PART.pattern + r"|"
    r"产业|行业|企业|领域|板块|部门|制造业|服务业|农业|工业|建筑业|民间|民营|国有|外资企业|房地产|交通|水利|"
    r"能源|数字经济|核心|软件|旅游|文化|网络|电商|跨境|民生|项目|重点|基础设施|社会事业|技改|实体|[一-龥]+业"
)
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
_PAST_WORDING = re.compile(r"已经|已|过去|去年|上年|上一年|曾")
_RANK_VERB = re.compile(r"(?:跃居|位居|稳居|居于|居|位列|名列|列|排名|排|进入|进|跻身|迈入|挺进|晋级|入选|荣登|升至)")
_DISTRIBUTE = "分别"
_ALL_OF = re.compile(r"^\s*(?:同比|比上年|较上年)?均")


@dataclass(frozen=True)
class _Subject:
    phrase: str
    start: int  # in the sentence
    end: int
    rows: tuple[AliasRow, ...]  # catalogue rows of the alias it ends with (empty if none)
    slot: int | None  # position under 分别 (1-based) for pair aliases
    is_sub_area: bool
    is_qualified: bool = False  # words before the alias narrow it (海洋生产总值, 限额以上…): not the place's


# ---------------------------------------------------------------- helpers


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _CLAUSE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _clause_of(spans: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in spans:
        if start <= position <= end:
            return start, end
    return 0, 0


def _alias_hits(text: str) -> list[re.Match[str]]:
    return list(_alias_pattern().finditer(text))


def _subject_from_region(text: str, start: int, end: int, hits: list[re.Match[str]]) -> _Subject | None:
    """The subject in text[start:end] that directly precedes the number at `end`."""
    region = text[start:end]
    if not region.strip():
        return None
    for hit in reversed(hits):
        if hit.start() < start or hit.end() > end:
            continue
        if not _LINK_ONLY.fullmatch(text[hit.end():end]):
            break  # words between the alias and the number: the alias is not what is measured
        rows = alias_catalogue()[hit.group(0)]
        rows = tuple(r for r in rows if r.requires_before is None or r.requires_before.search(text[:hit.start()]))
        if not rows:
            continue
        prefix = _trim_scope(text[start:hit.start()])
        sub_area = bool(prefix) and bool(_SUB_AREA.search(prefix)) or bool(_PLACE_PART.search(text[start:hit.start()]))
        phrase_start = hit.start() - len(prefix)
        return _Subject(text[phrase_start:hit.end()], phrase_start, hit.end(), rows, None, sub_area, bool(prefix))
    # No catalogue alias: the phrase before the verb, as written.
    phrase_end = end
    link = _LINK_AT_END.search(region)
    if link:
        phrase_end = start + link.start()
    phrase = text[start:phrase_end]
    phrase = phrase.strip()
    if not phrase:
        return None
    return _Subject(phrase, phrase_end - len(phrase), phrase_end, (), None, bool(_SUB_AREA.search(phrase)))


_SCOPE_BOUNDARY = re.compile(
    r"实现|完成|确保|力争|推动|促进|带动|拉动|使|其中|预计|争取|努力|稳定|主要预期目标是|目标是|、|"
    r"[一二三四五六七八九十]是|特别是|尤其是"
)


def _trim_scope(prefix: str) -> str:
    """The part of a subject before its alias that is not place/time filler ('' when none)."""
    # Keep only what follows the last verb-like boundary (实现/完成/确保 …) of the clause.
    cut = 0
    for match in _SCOPE_BOUNDARY.finditer(prefix):
        cut = match.end()
    rest = prefix[cut:]
    return "" if _SCOPE_FILLER.fullmatch(rest) else rest


def _choose_row(rows: tuple[AliasRow, ...], quantity: Quantity, growth_worded: bool) -> AliasRow | None:
    """The catalogue row whose unit (and growth or level meaning) fits the quantity."""
    unit = quantity.unit
    fitting = [r for r in rows if r.unit == unit or (r.unit == "ratio" and unit in ("", "ratio", "times"))]
    if not fitting:
        return None
    growth = [r for r in fitting if r.measure == "growth"]
    other = [r for r in fitting if r.measure != "growth"]
    if growth and other:
        return growth[0] if growth_worded else other[0]
    if growth and not growth_worded and not any(r.alias.endswith(("增速", "增长", "涨幅", "上涨")) for r in growth):
        # '地区生产总值6.5%' without a growth word is too ambiguous to call a growth rate,
        # except indicators that are only ever stated as a change (单位GDP能耗, 居民消费价格).
        if not all(r.indicator_id in ("energy_intensity_change", "cpi_growth") for r in growth):
            return None
    return fitting[0]


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


# ---------------------------------------------------------------- per sentence


@dataclass
class _Assigned:
    quantity: Quantity
    subject: _Subject | None
    slot_row: int | None  # which slot of a pair alias applies (1-based)


def _assign_subjects(text: str, quantities: list[Quantity], hits, spans) -> list[list[_Assigned]]:
    """For each quantity, the subject(s) it measures (several under 均 after a 分别 pair)."""
    assigned: list[list[_Assigned]] = []
    previous_group: list[_Assigned] = []
    distributed: list[_Subject | None] = []  # subjects under an open 分别
    for index, quantity in enumerate(quantities):
        clause_start, clause_end = _clause_of(spans, quantity.start)
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
            subjects = _distributed_subjects(text, clause_start, distribute_at, hits)
            if not subjects and _LINK_ONLY.fullmatch(text[clause_start:distribute_at]):
                subjects = distributed  # '…分别达44999元、24102元，分别增长4.6%、6.3%'
            if subjects and position <= len(subjects):
                subject = subjects[position - 1]
                group = [_Assigned(quantity, subject, subject.slot if subject else None)]
                assigned.append(group)
                previous_group = group if position == 1 else previous_group + group
                distributed = subjects
                continue
        subject = _subject_from_region(text, region_start, quantity.start, hits)
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
        coordinated = _coordinated_subjects(text, region_start, subject, hits) if subject else []
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


_CONJUNCTION = re.compile(r"\s*(?:以及|和|与|及|、)")


def _coordinated_subjects(text: str, start: int, subject: _Subject, hits) -> list[_Subject]:
    """The aliases of 'A和B增长X' (A, B both catalogue aliases joined by 和/与/及/、), else []."""
    if not (subject.is_qualified and subject.rows) or subject.is_sub_area or subject.slot:
        return []
    alias_start = subject.end - len(subject.rows[0].alias)
    before = [h for h in hits if start <= h.start() and h.end() <= alias_start]
    if not before or _trim_scope(text[start:before[0].start()]):
        return []
    subjects: list[_Subject] = []
    for hit, following in zip(before, [*[h.start() for h in before[1:]], alias_start]):
        rows = tuple(r for r in alias_catalogue()[hit.group(0)]
                     if r.requires_before is None or r.requires_before.search(text[:hit.start()]))
        joint = _CONJUNCTION.match(text, hit.end(), following)
        if not rows or any(r.slot for r in rows) or not joint or not _SCOPE_FILLER.fullmatch(text[joint.end():following]):
            return []
        subjects.append(_Subject(hit.group(0), hit.start(), hit.end(), rows, None, False))
    last = replace(subject, phrase=subject.rows[0].alias, start=alias_start, is_qualified=False)
    return [*subjects, last]


def _recent_subjects(assigned: list[list[_Assigned]]) -> list[_Subject]:
    """Distinct subjects of the quantities so far, in order of first appearance."""
    subjects: list[_Subject] = []
    for group in assigned:
        for item in group:
            if item.subject is not None and item.quantity.unit != RANK_UNIT and item.subject not in subjects:
                subjects.append(item.subject)
    return subjects


def _nothing_between(text: str, earlier: Quantity, later: Quantity) -> bool:
    """Only link words and punctuation between two quantities: the later one shares the subject."""
    between = text[earlier.end:later.start]
    return earlier.end <= later.start and bool(_LINK_ONLY.fullmatch(_CLAUSE_BREAK.sub("", between)))


_LIST_JOINER = re.compile(r"(、|和|与|及)")


def _distributed_subjects(text: str, clause_start: int, distribute_at: int, hits) -> list[_Subject | None]:
    """Subjects listed before 分别: a pair alias (城乡居民人均可支配收入) or 'A、B和C'."""
    head = text[clause_start:distribute_at]
    pair = [h for h in hits if clause_start <= h.start() and h.end() <= distribute_at
            and _LINK_ONLY.fullmatch(text[h.end():distribute_at])]  # '…收入预计分别达到…'
    if pair:
        rows = alias_catalogue()[pair[-1].group(0)]
        slots = sorted({r.slot for r in rows if r.slot})
        if slots:
            prefix = _trim_scope(text[clause_start:pair[-1].start()])
            sub_area = bool(prefix) and bool(_SUB_AREA.search(prefix)) or bool(_PLACE_PART.search(text[clause_start:pair[-1].start()]))
            return [
                _Subject(pair[-1].group(0), pair[-1].start(), pair[-1].end(),
                         tuple(r for r in rows if r.slot == slot), slot, sub_area, bool(prefix))
                for slot in slots
            ]
    subjects: list[_Subject | None] = []
    offset = clause_start
    for piece in _LIST_JOINER.split(head):
        if piece in ("、", "和", "与", "及"):
            offset += len(piece)
            continue
        piece_start, piece_end = offset, offset + len(piece)
        offset = piece_end
        subjects.append(_subject_from_region(text, piece_start, piece_end, hits) if piece.strip() else None)
    return [s for s in subjects if s is not None] if any(subjects) else []


def _mentions_of_sentence(report: SegmentedReport, sentence: Sentence, in_term_account: bool = False) -> list[Mention]:
    text = sentence.text
    quantities = parse_quantities(text)
    if not quantities:
        return []
    hits = _alias_hits(text)
    spans = _clauses(text)
    mentions: list[Mention] = []
    for group in _assign_subjects(text, quantities, hits, spans):
        for assigned in group:
            mentions.append(_mention(report, sentence, spans, assigned, len(mentions), in_term_account))
    return _demote_thresholds(mentions)


def _demote_thresholds(mentions: list[Mention]) -> list[Mention]:
    """'突破4000亿元、达到4211亿元': when a sentence gives a threshold and the exact figure of the
    same indicator, the threshold is context (value_kind 'other'), the figure is the value."""
    exact = {(m.indicator_id, m.value_kind, m.reference_year) for m in mentions
             if m.indicator_id and m.bound == "eq" and not m.is_multi_year}
    return [
        replace(m, value_kind="other")
        if m.indicator_id and m.bound in ("gt", "ge") and (m.indicator_id, m.value_kind, m.reference_year) in exact
        else m
        for m in mentions
    ]


def _first_verb(text: str) -> str:
    match = _VERB.search(text)
    return match.group(0) if match else ""


def _mention(report: SegmentedReport, sentence: Sentence, spans, assigned: _Assigned, index: int,
             in_term_account: bool = False) -> Mention:
    text = sentence.text
    quantity, subject = assigned.quantity, assigned.subject
    clause_start, _ = _clause_of(spans, quantity.start)
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
    if _CHANGE_BASE.search(before):
        kind = "other"  # the starting point of 从…提高到…; the end point is the figure of the year
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
        row = _choose_row(rows, quantity, growth_worded or subject.phrase.endswith(("增长", "增速", "涨幅", "上涨")))
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
