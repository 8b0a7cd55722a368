"""One regex for a list of words that finds, at each position, the longest word there (a trie, not a flat alternation)."""

from __future__ import annotations

import re


def longest_word_pattern(words) -> str:
    """A pattern matching exactly what "|".join(words sorted longest first) matches, leftmost and
    longest. The flat alternation makes the engine try every word at every position; nested by
    shared prefixes it tries one branch per next character, several times faster on hundreds of words.
    An optional tail is greedy, so a longer word is tried before the shorter one it extends."""
    trie: dict = {}
    for word in words:
        if not word:
            raise ValueError("an empty word would match everywhere")
        node = trie
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}  # a word ends here

    def branch(node: dict) -> str:
        alternatives = [re.escape(character) + branch(child) for character, child in sorted(node.items()) if character]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(trie)
