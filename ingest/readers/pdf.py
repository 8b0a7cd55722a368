"""Reads the text layer of a PDF report (pypdf); scanned PDFs without text are refused."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.records import Document, ReaderError

# Text layers often space out CJK glyphs ("政 府 工 作"): join them back.
_SPACED_HAN = re.compile(r"(?<=[\u4e00-\u9fff，。、；：！？（）])[ \t]+(?=[\u4e00-\u9fff，。、；：！？（）])")
_HAN = re.compile(r"[\u4e00-\u9fff]")
MIN_HAN_CHARS = 50


def read_pdf(path: Path, source: str | None = None) -> list[Document]:
    import logging

    from pypdf import PdfReader

    # pypdf logs damage ("EOF marker not found") on its own lines; our one-line error names the file.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    from pypdf.errors import PdfReadError

    source = source or str(path)
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReaderError(f"{source}: encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReaderError:
        raise
    except (PdfReadError, OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ReaderError(f"{source}: corrupt or unreadable PDF ({type(error).__name__})") from error
    text = "\n".join(_SPACED_HAN.sub("", page.replace("\r\n", "\n")) for page in pages).strip()
    if len(_HAN.findall(text)) < MIN_HAN_CHARS:
        raise ReaderError(f"{source}: PDF has no Chinese text layer (scanned image?)")
    metadata = reader.metadata or {}
    title = str(metadata.get("/Title") or "").strip() or None
    return [Document(source_file=source, text=text, labelled_title=title)]
