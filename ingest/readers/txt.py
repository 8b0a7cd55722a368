"""Reads plain-text reports (UTF-8, UTF-8 with BOM, GB18030) and their optional header block."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.records import Document, ReaderError

# Series exports start with "标题：… 发文单位：… 发文时间：… 来源URL：…" and then "正文：".
_HEADER_FIELD = re.compile(r"^(标题|发文单位|发文时间|来源URL|链接)[:：]\s*(.*)$", re.MULTILINE)
_YEAR_IN_TITLE = re.compile(r"(19|20)\d{2}(?=年)")


def decode_text(raw: bytes, source: str) -> str:
    """Decode report bytes, trying UTF-8 (with or without BOM) first, then GB18030."""
    if not raw.strip():
        raise ReaderError(f"{source}: empty file")
    if b"\x00" in raw[:4096]:
        raise ReaderError(f"{source}: binary content, not a text report")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text.replace("\r\n", "\n").replace("\r", "\n")
    raise ReaderError(f"{source}: not UTF-8 or GB18030 text")


def header_fields(text: str) -> dict[str, str]:
    """The labelled metadata of a header block, if the text starts with one."""
    head = text[:2000]
    return {key: value.strip() for key, value in _HEADER_FIELD.findall(head)}


def read_txt(path: Path, source: str | None = None) -> list[Document]:
    source = source or str(path)
    text = decode_text(path.read_bytes(), source)
    fields = header_fields(text)
    title = fields.get("标题")
    year_match = _YEAR_IN_TITLE.search(title or "")
    issuer = fields.get("发文单位", "")
    return [
        Document(
            source_file=source,
            text=text,
            labelled_place=issuer.removesuffix("人民政府") or None,
            labelled_year=int(year_match.group(0)) if year_match else None,
            labelled_title=title,
            labelled_date=fields.get("发文时间"),
            source_url=fields.get("来源URL") or fields.get("链接"),
        )
    ]
