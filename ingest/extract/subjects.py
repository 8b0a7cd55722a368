"""What a number measures: the catalogue aliases, and the subject phrase before a number in a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ingest import catalogue
from ingest.extract.numbers import Quantity
from ingest.extract.word_trie import longest_word_pattern


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
    catalogue_rows = {alias: tuple(found) for alias, found in rows.items()}
    variants = {}
    for alias, found in catalogue_rows.items():
        for variant, _ in _variants_of(alias):
            if variant not in catalogue_rows:
                variants.setdefault(variant, found)
    return {**catalogue_rows, **variants}


def _variants_of(alias: str) -> list[tuple[str, str]]:
    """(variant, what it says differently) for each subject_variants row that applies."""
    out = []
    for row in catalogue.read_seed("subject_variants.csv"):
        replace_, with_ = row["find"], row["substitute"]
        if replace_ == "$":
            out.append((alias + with_, f"+{with_}"))
        elif replace_ in alias:
            out.append((alias.replace(replace_, with_, 1), f"{with_}→{replace_}"))
    return out


@lru_cache(maxsize=1)
def variant_notes() -> dict[str, str]:
    """variant alias → what was normalised to match the catalogue (本区→地区, +额)."""
    catalogue_aliases = {row["alias"] for row in catalogue.read_seed("indicator_aliases.csv")}
    notes: dict[str, str] = {}
    for alias in sorted(catalogue_aliases):
        for variant, note in _variants_of(alias):
            if variant not in catalogue_aliases:
                notes.setdefault(variant, note)
    return notes

@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern[str]:
    # The leftmost match is the longest alias there (高新技术产业增加值占规上工业增加值比重 wins over
    # 规上工业增加值 inside it): the flat alternation longest first, as a trie in a sixth of the time.
    return re.compile(longest_word_pattern(alias_catalogue()))

CLAUSE_BREAK = re.compile(r"[，；;：:,。！？!?]")

# An abbreviation in brackets glossing the alias before it (地区生产总值（GDP）增长6.5%): it restates
# that alias, so it links a subject to its number and is no subject of its own.
_GLOSS_PATTERN = r"[（(][A-Za-z]{2,6}[）)]"

# Words between a subject and its number that do not change what is measured.
_LINK_WORDS = (
    "按可比价格计算|按可比价计算|可比口径|同口径|可比|同比|实际|比上年|较上年|比去年|较去年|分别|均|全年|年均|年平均|平均|、|"
    "实现了|实现|完成了|完成|达到了|达到|达|总量|总额|规模|增长到|增长至|增长|增加到|增加至|增加|增速为|增速|"
    "增幅为|增幅|涨幅为|涨幅|提高到|提高至|提高|提升到|提升至|提升|上升到|上升至|上升|上涨|下降到|下降至|"
    "下降|降低到|降低至|降低|减少到|减少至|减少|回落到|回落至|回落|缩小到|缩小至|缩小为|缩小|收窄至|收窄|"
    "增至|降至|降到|控制在|控制到|稳定在|保持在|保持|稳定|突破|超过|超|逾|近|约|为|是|了|在|到|至|有|"
    "不低于|不少于|不超过|低于|高于|以上|左右|预计|力争|确保|争取|努力|目标|全面|持续|再|又|新|从|由|"
    "大关|关口|大台阶|台阶|迈上|迈入|迈向|跨上|登上|站上|迈|"
    r"(?:19|20)\d{2}年(?:末|底)?的?|年末|年底|"
    + _GLOSS_PATTERN
)

_GLOSS = re.compile(_GLOSS_PATTERN)

LINK_ONLY = re.compile(rf"(?:\s|{_LINK_WORDS})*")

_LINK_AT_END = re.compile(rf"(?:{_LINK_WORDS}|\s)+$")

# Words before a subject that only say "the place, this year" (全市, 2022年, 实现).
SCOPE_FILLER = re.compile(
    r"^(?:\s|全[市县省区州盟旗镇]|我[市县省区州旗]|本[市县省区]|全社会|全口径|全体|全年|年度|今年|去年|上年|"
    r"年内|每年|县级|市级|省级|地方|(?:19|20)\d{2}\s*年(?:度|全年)?|预计|力争|确保|争取|努力|实现了?|完成了?|主要预期目标是|预期目标是|目标是|"
    r"其中|同时|此外|另外|其|的|和|、|与|及|城乡|新增|新认定|净增|新培育|当年|年末|年底|共|合计|总计|累计|"
    r"“|”|\(|\)|（|）|"
    # The marks that open a list item: "——本地生产总值3800亿元".
    r"—|－|-|·|•)*$"
)

# A subject qualified by one of these is a part of the place or a sector, not the place itself.
PLACE_PART = re.compile(
    r"开发区|园区|高新区|经开区|新区|产业园|产业区|示范区|功能区|片区|保税区|综保区|自贸|试验区|集聚区|"
    # 城镇 (城镇新增就业) and 城乡 are the place's urban or whole area, not a part of it.
    r"街道|乡镇|(?:(?<!城)[镇乡]|村)(?!振兴)|城区|主城|市区|景区|港区|组团"
)

SUB_AREA = re.compile(
    PLACE_PART.pattern + r"|"
    r"产业|行业|企业|领域|板块|部门|制造业|服务业|农业|工业|建筑业|民间|民营|国有|外资企业|房地产|交通|水利|"
    r"能源|数字经济|核心|软件|旅游|文化|网络|电商|跨境|民生|项目|重点|基础设施|社会事业|技改|实体|[一-龥]+业"
)

@dataclass(frozen=True)
class Subject:
    phrase: str
    start: int  # in the sentence
    end: int
    rows: tuple[AliasRow, ...]  # catalogue rows of the alias it ends with (empty if none)
    slot: int | None  # position under 分别 (1-based) for pair aliases
    is_sub_area: bool
    is_qualified: bool = False  # words before the alias narrow it (海洋生产总值, 限额以上…): not the place's
    alias_text: str = ""  # the alias as matched in the text (a variant such as 本区生产总值 included)

    @property
    def stripped(self) -> str:
        """What was normalised to match the catalogue (本区→地区, +额), '' for a catalogue alias."""
        return variant_notes().get(self.alias_text, "")

def clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in CLAUSE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans

def clause_of(spans: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in spans:
        if start <= position <= end:
            return start, end
    return 0, 0

def alias_hits(text: str) -> list[re.Match[str]]:
    return list(_alias_pattern().finditer(text))

def subject_from_region(text: str, start: int, end: int, hits: list[re.Match[str]]) -> Subject | None:
    """The subject in text[start:end] that directly precedes the number at `end`."""
    region = text[start:end]
    if not region.strip():
        return None
    for hit in reversed(hits):
        if hit.start() < start or hit.end() > end:
            continue
        if hit.start() > start and _GLOSS.fullmatch(text, hit.start() - 1, hit.end() + 1):
            continue
        if not LINK_ONLY.fullmatch(text[hit.end():end]):
            break  # words between the alias and the number: the alias is not what is measured
        rows = alias_catalogue()[hit.group(0)]
        rows = tuple(r for r in rows if r.requires_before is None or r.requires_before.search(text[:hit.start()]))
        if not rows:
            continue
        prefix = trim_scope(text[start:hit.start()])
        sub_area = bool(prefix) and bool(SUB_AREA.search(prefix)) or bool(PLACE_PART.search(text[start:hit.start()]))
        phrase_start = hit.start() - len(prefix)
        return Subject(text[phrase_start:hit.end()], phrase_start, hit.end(), rows, None, sub_area, bool(prefix),
                       hit.group(0))
    # No catalogue alias: the phrase before the verb, as written.
    phrase_end = end
    link = _LINK_AT_END.search(region)
    if link:
        phrase_end = start + link.start()
    phrase = text[start:phrase_end]
    phrase = phrase.strip()
    if not phrase:
        return None
    return Subject(phrase, phrase_end - len(phrase), phrase_end, (), None, bool(SUB_AREA.search(phrase)))

_SCOPE_BOUNDARY = re.compile(
    r"实现|完成|确保|力争|推动|促进|带动|拉动|使|其中|预计|争取|努力|稳定|主要预期目标是|目标是|、|"
    r"[一二三四五六七八九十]是|特别是|尤其是"
)

def trim_scope(prefix: str) -> str:
    """The part of a subject before its alias that is not place/time filler ('' when none)."""
    # Keep only what follows the last verb-like boundary (实现/完成/确保 …) of the clause.
    cut = 0
    for match in _SCOPE_BOUNDARY.finditer(prefix):
        cut = match.end()
    rest = prefix[cut:]
    return "" if SCOPE_FILLER.fullmatch(rest) else rest

def choose_row(rows: tuple[AliasRow, ...], quantity: Quantity, growth_worded: bool) -> AliasRow | None:
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

_CONJUNCTION = re.compile(r"\s*(?:以及|和|与|及|、)")

def coordinated_subjects(text: str, start: int, subject: Subject, hits) -> list[Subject]:
    """The aliases of 'A和B增长X' (A, B both catalogue aliases joined by 和/与/及/、), else []."""
    if not (subject.is_qualified and subject.rows) or subject.is_sub_area or subject.slot:
        return []
    alias_start = subject.end - len(subject.rows[0].alias)
    before = [h for h in hits if start <= h.start() and h.end() <= alias_start]
    if not before or trim_scope(text[start:before[0].start()]):
        return []
    subjects: list[Subject] = []
    for hit, following in zip(before, [*[h.start() for h in before[1:]], alias_start]):
        rows = tuple(r for r in alias_catalogue()[hit.group(0)]
                     if r.requires_before is None or r.requires_before.search(text[:hit.start()]))
        joint = _CONJUNCTION.match(text, hit.end(), following)
        if not rows or any(r.slot for r in rows) or not joint or not SCOPE_FILLER.fullmatch(text[joint.end():following]):
            return []
        subjects.append(Subject(hit.group(0), hit.start(), hit.end(), rows, None, False, False, hit.group(0)))
    last = replace(subject, phrase=subject.alias_text or subject.rows[0].alias, start=alias_start, is_qualified=False)
    return [*subjects, last]

_LIST_JOINER = re.compile(r"(、|和|与|及)")

def distributed_subjects(text: str, clause_start: int, distribute_at: int, hits) -> list[Subject | None]:
    """Subjects listed before 分别: a pair alias (城乡居民人均可支配收入) or 'A、B和C'."""
    head = text[clause_start:distribute_at]
    pair = [h for h in hits if clause_start <= h.start() and h.end() <= distribute_at
            and LINK_ONLY.fullmatch(text[h.end():distribute_at])]  # '…收入预计分别达到…'
    if pair:
        rows = alias_catalogue()[pair[-1].group(0)]
        slots = sorted({r.slot for r in rows if r.slot})
        if slots:
            prefix = trim_scope(text[clause_start:pair[-1].start()])
            sub_area = bool(prefix) and bool(SUB_AREA.search(prefix)) or bool(PLACE_PART.search(text[clause_start:pair[-1].start()]))
            return [
                Subject(pair[-1].group(0), pair[-1].start(), pair[-1].end(),
                         tuple(r for r in rows if r.slot == slot), slot, sub_area, bool(prefix), pair[-1].group(0))
                for slot in slots
            ]
    subjects: list[Subject | None] = []
    offset = clause_start
    for piece in _LIST_JOINER.split(head):
        if piece in ("、", "和", "与", "及"):
            offset += len(piece)
            continue
        piece_start, piece_end = offset, offset + len(piece)
        offset = piece_end
        subjects.append(subject_from_region(text, piece_start, piece_end, hits) if piece.strip() else None)
    return [s for s in subjects if s is not None] if any(subjects) else []
