"""Character spans of a body's lines and of the sentences inside each line."""

from __future__ import annotations

import re
from collections.abc import Iterator

_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)]*|\n+")


def line_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(line_start, line_end) spans of the lines inside [start, end)."""
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        line_end = end if newline == -1 else newline
        yield position, line_end
        position = line_end + 1


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in one line, trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    piece_start = start
    for match in _SENTENCE_END.finditer(text, start, end):
        _add_trimmed(spans, text, piece_start, match.end())
        piece_start = match.end()
    _add_trimmed(spans, text, piece_start, end)
    return spans


def _add_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
