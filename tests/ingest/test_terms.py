"""Term counts: rjieba gives exactly jieba's tokens (precise mode, no HMM, catalogue words)."""

from collections import Counter

import pytest

from ingest import paths
from ingest.extract import terms
from ingest.readers import find_documents, read_document
from ingest.tools import synthetic
from tests.corpus import corpus_view

SEED = paths.SEEDS_DIR / "000_339ce46e4364fe7c.txt"


def _jieba_counts(text: str) -> Counter:
    tokens = terms.tokenizer().lcut(text, HMM=False)
    return Counter(token for token in tokens if terms._COUNTABLE.match(token))


def _synthetic_texts() -> list[str]:
    places = synthetic.choose_places(3, seed=11)
    return [synthetic.report_text(place, 2021, 11, places)[:6000] for place in places]


@pytest.mark.parametrize("text", [
    SEED.read_text(encoding="utf-8"),
    "数字经济核心产业增加值增长12%，新质生产力加快培育；5G基站新建1200个，GDP增长5.2%。",
    "卡拉OK和B超检查，3D打印产业园，ABC中文混排，甲乙丙丁戊己庚辛",
    *_synthetic_texts(),
])
def test_counts_are_jiebas_counts(text):
    assert terms.count_terms(text) == _jieba_counts(text)


def test_catalogue_terms_stay_whole():
    counts = terms.count_terms("大力发展数字经济，培育新质生产力，持续优化营商环境。")
    assert counts["数字经济"] == 1 and counts["新质生产力"] == 1 and counts["营商环境"] == 1


def test_text_without_chinese_counts_nothing():
    assert terms.count_terms("GDP 2023: +5.2%, 1,100.9") == Counter()


@pytest.mark.integration
def test_counts_are_jiebas_counts_on_the_whole_corpus(tmp_path):
    """Every real report: the two implementations must agree token for token."""
    texts = [document.text for path, source in find_documents([corpus_view(tmp_path)])
             for document in read_document(path, source)]
    assert len(texts) > 100
    disagreements = [text[:40] for text in texts if terms.count_terms(text) != _jieba_counts(text)]
    assert disagreements == []
