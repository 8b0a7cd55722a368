"""Term attention: jieba token counts per report, with the catalogues as its user dictionary."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ingest import catalogue

# Tokens worth counting: two or more CJK characters (single characters and numbers say little
# about what a report talks about, and would multiply the table's size).
_COUNTABLE = re.compile(r"^[\u4e00-\u9fff]{2,}$")


@lru_cache(maxsize=1)
def tokenizer():
    """A jieba tokenizer that keeps catalogue terms (policy terms, indicator aliases) whole."""
    import jieba

    jieba.setLogLevel(60)  # silence "Building prefix dict" chatter on every worker
    instance = jieba.Tokenizer()
    for row in catalogue.read_seed("policy_terms.csv"):
        instance.add_word(row["term"], freq=2000)
    for alias in catalogue.indicator_aliases():
        instance.add_word(alias, freq=1000)
    return instance


def count_terms(text: str) -> Counter:
    """How often each countable token occurs in the text (jieba precise mode, no HMM: new words
    come from the dictionary, which keeps counts stable across runs and fast)."""
    tokens = tokenizer().lcut(text, HMM=False)
    return Counter(token for token in tokens if _COUNTABLE.match(token))
