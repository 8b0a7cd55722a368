"""Reads a Word (.docx) report: its paragraphs, then the text of its tables, in document order."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ingest.records import Document, ReaderError


def _block_texts(document) -> list[str]:
    """Paragraph and table texts in the order they appear in the body."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    texts = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            texts.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells = []
                for cell in row.cells:
                    if cell.text.strip() and (not cells or cells[-1] != cell.text.strip()):
                        cells.append(cell.text.strip())  # merged cells repeat their text
                texts.append("\t".join(cells))
    return texts


def read_docx(path: Path, source: str | None = None) -> list[Document]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    source = source or str(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ReaderError(f"{source}: not a readable .docx document ({type(error).__name__})") from error
    text = "\n".join(line.strip() for line in _block_texts(document) if line.strip())
    if not text:
        raise ReaderError(f"{source}: empty document")
    title = (document.core_properties.title or "").strip() or None
    return [Document(source_file=source, text=text, labelled_title=title)]
