"""What a reader hands on: one report's raw text with where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One report as read from a file (or one row of a table container)."""

    source_file: str  # path as given on the command line's folder, relative where possible
    text: str
    source_row: int | None = None  # 1-based data row for table containers
    # Metadata the source claims (labels can be wrong: the text wins later).
    labelled_place: str | None = None
    labelled_year: int | None = None
    labelled_title: str | None = None
    labelled_date: str | None = None  # publication date as the source gives it
    source_url: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def source_ref(self) -> str:
        """File, plus '#row N' for a row of a container: what users see as the source."""
        return self.source_file if self.source_row is None else f"{self.source_file}#row{self.source_row}"


class ReaderError(Exception):
    """A document that cannot be read; the message names the reason in one line."""
