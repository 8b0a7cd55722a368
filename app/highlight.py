"""Report text as safe HTML with extracted quantities marked (the text is escaped, always)."""

from __future__ import annotations

import html
from dataclasses import dataclass

STYLES = {
    "actual": "background:#fff3a3;",
    "target": "background:#c8f0c8;",
    "other": "background:#e6e6e6;",
    "selected": "outline:2px solid #c0392b;",
}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # 'actual', 'target' or 'other' (a style in STYLES)
    title: str = ""
    selected: bool = False


FOCUS_ID = "xz-focus"
FOCUS_STYLE = "background:#fde2e2; box-shadow:0 0 0 2px #c0392b; border-radius:2px;"


def highlight_html(text: str, spans: list[Span], focus: tuple[int, int] | None = None) -> str:
    """Escape `text` and wrap each span in <mark>; spans that overlap an earlier one or fall outside are skipped.

    `focus` (start, end), e.g. a linked sentence, is wrapped in <span id="xz-focus"> around its marks;
    marks that cross its edges are skipped.
    """
    if focus is not None:
        start, end = max(0, int(focus[0])), min(len(text), int(focus[1]))
        if start < end:
            def inside(lo: int, hi: int) -> list[Span]:
                return [Span(s.start - lo, s.end - lo, s.kind, s.title, s.selected)
                        for s in spans if s.start >= lo and s.end <= hi]
            return (
                highlight_html(text[:start], inside(0, start))
                + f'<span id="{FOCUS_ID}" style="{FOCUS_STYLE}">'
                + highlight_html(text[start:end], inside(start, end))
                + "</span>"
                + highlight_html(text[end:], inside(end, len(text)))
            )
    pieces: list[str] = []
    position = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < position or span.end > len(text) or span.start >= span.end:
            continue
        pieces.append(html.escape(text[position:span.start]))
        style = STYLES.get(span.kind, STYLES["other"]) + (STYLES["selected"] if span.selected else "")
        pieces.append(
            f'<mark style="{style}" title="{html.escape(span.title)}">'
            f"{html.escape(text[span.start:span.end])}</mark>"
        )
        position = span.end
    pieces.append(html.escape(text[position:]))
    return "".join(pieces)


def offset_mismatches(text: str, starts, ends, surfaces) -> int:
    """How many mentions' offsets do not point at their surface text (a broken extractor or text)."""
    def matches(start, end, surface) -> bool:
        try:
            return isinstance(surface, str) and text[int(start):int(end)] == surface
        except (TypeError, ValueError):  # a missing offset points nowhere
            return False

    return sum(1 for start, end, surface in zip(starts, ends, surfaces) if not matches(start, end, surface))
