"""Term attention: jieba token counts per report, with the catalogues as its user dictionary."""

from __future__ import annotations

import math
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
    come from the dictionary, which keeps counts stable across runs and fast).

    Same tokens as ``tokenizer().lcut(text, HMM=False)`` (tests/ingest/test_attention.py checks
    it), computed about twice as fast: jieba's word graph and best route in one pass, on the
    blocks with Chinese characters only, since only Chinese tokens are counted."""
    log_probability, fallback, block_pattern = _route_tables()
    counts: Counter = Counter()
    countable = _COUNTABLE.match
    for block in block_pattern.findall(text):
        if len(block) < 2 or not _HAS_CJK.search(block):
            continue
        for word in _route_words(block, log_probability, fallback):
            if countable(word):
                counts[word] += 1
    return counts


_HAS_CJK = re.compile(r"[\u4e00-\u9fff]")
_NOT_IN_DICT = object()


@lru_cache(maxsize=1)
def _route_tables():
    """jieba's prefix dictionary as log-probabilities (None for prefixes that are not words)."""
    import jieba

    instance = tokenizer()
    instance.check_initialized()
    log_total = math.log(instance.total)
    # Same float operations as jieba's calc(): log(freq) - log(total), then + the rest of the route.
    table = {word: (math.log(freq) - log_total if freq else None) for word, freq in instance.FREQ.items()}
    return table, math.log(1) - log_total, jieba.re_han_default


def _route_words(block: str, log_probability: dict, fallback: float) -> list[str]:
    """The words of two or more characters on jieba's most probable route through one block
    (jieba's get_DAG + calc, fused). Ties go to the longer word, as jieba's max over
    (probability, end) does."""
    n = len(block)
    best = [0.0] * (n + 1)
    end = list(range(n))
    get = log_probability.get
    missing = _NOT_IN_DICT
    for start in range(n - 1, -1, -1):
        # The single character: a word of its own, or jieba's fallback of log(1) - log(total).
        score = get(block[start], missing)
        if score is missing:
            best[start] = fallback + best[start + 1]
            continue
        # A prefix that is no word of its own is no candidate, unless no longer word exists.
        chosen = None if score is None else score + best[start + 1]
        i = start + 1
        while i < n:
            score = get(block[start:i + 1], missing)
            if score is missing:
                break
            if score is not None:
                candidate = score + best[i + 1]
                if chosen is None or candidate >= chosen:
                    chosen = candidate
                    end[start] = i
            i += 1
        best[start] = fallback + best[start + 1] if chosen is None else chosen
    words = []
    x = 0
    while x < n:
        y = end[x] + 1
        if y - x > 1:
            words.append(block[x:y])
        x = y
    return words
