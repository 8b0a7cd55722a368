"""Each shortcut taken for speed gives exactly what the plain regex it replaces gives."""

from __future__ import annotations

import random
import re

import pytest

from ingest.extract.subjects import _alias_pattern, alias_catalogue
from ingest.extract.word_trie import longest_word_pattern
from ingest.identify.cleaning import _WATERMARK, _ends_with_watermark_mark
from ingest.identify.identity import _ZONE_NAME, _mask_zones
from ingest.identify.quality import _LOST_CHARS, _lost_char_runs
from ingest.land.store import _already_sorted


def _random_texts(alphabet: str, n: int = 20000, longest: int = 40, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(n)]


def test_a_word_trie_matches_what_the_flat_alternation_longest_first_matches():
    words = ["地区生产总值", "生产总值", "规上工业增加值", "高新技术产业增加值占规上工业增加值比重", "增加值", "工业", "工业增加值"]
    flat = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    trie = re.compile(longest_word_pattern(words))
    alphabet = "".join(sorted(set("".join(words)))) + "，1"
    for text in _random_texts(alphabet) + ["全市地区生产总值增长6%，高新技术产业增加值占规上工业增加值比重达40%"]:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)], text


def test_the_alias_pattern_finds_each_alias_whole_and_the_longest_one_first():
    pattern = _alias_pattern()
    for alias in alias_catalogue():
        assert pattern.fullmatch(alias), alias
    assert pattern.search("高新技术产业增加值占规上工业增加值比重达40%").group(0) == "高新技术产业增加值占规上工业增加值比重"


def test_a_word_trie_refuses_an_empty_word():
    with pytest.raises(ValueError):
        longest_word_pattern(["", "县"])


def test_zone_masking_is_the_plain_substitution():
    for text in _random_texts("新区开发高工业园合作全市县甲乙丙丁，。 a1") + ["坪山新区和前海深港现代服务业合作区，高新区"]:
        assert _mask_zones(text) == _ZONE_NAME.sub(lambda m: "□" * len(m.group(0)), text), text


def test_the_watermark_prefilter_never_skips_a_watermark_that_ends_the_body():
    for text in _random_texts("马 克数据网来源：百度\n\u3000。", longest=30):
        watermark = _WATERMARK.search(text, 0, len(text))
        if watermark and watermark.end() == len(text):
            assert _ends_with_watermark_mark(text, 0, len(text)), text


def test_lost_character_runs_are_counted_as_the_regex_counts_them():
    for text in _random_texts("?？\ufffd文。", longest=12):
        assert _lost_char_runs(text) == len(_LOST_CHARS.findall(text)), text


def test_rows_are_found_sorted_only_when_they_are_in_key_order():
    assert _already_sorted([{"sentence_id": "r:00001"}, {"sentence_id": "r:00002"}], ("sentence_id",))
    assert not _already_sorted([{"sentence_id": "r:00002"}, {"sentence_id": "r:00001"}], ("sentence_id",))
    assert not _already_sorted([{"sentence_id": "r:00001"}, {"sentence_id": None}], ("sentence_id",))  # nulls: Arrow decides
    assert not _already_sorted([{"report_id": "r", "term": "甲"}, {"report_id": "r", "term": "乙"}], ("report_id", "term"))
    # Code point order is UTF-8 byte order: full-width Ａ (U+FF21) after every CJK character.
    assert _already_sorted([{"term": "a"}, {"term": "县"}, {"term": "Ａ"}], ("term",))
