"""Reads plain-text reports (UTF-8, UTF-8 with BOM, GB18030, UTF-16) and their optional header block."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ingest.records import Document, ReaderError

# Series exports start with "标题：… 发文单位：… 发文时间：… 来源URL：…" and then "正文：".
_HEADER_FIELD = re.compile(r"^(标题|发文单位|发文时间|来源URL|链接)[:：]\s*(.*)$", re.MULTILINE)
_YEAR_IN_TITLE = re.compile(r"(19|20)\d{2}(?=年)")


# Notepad's "Unicode" is UTF-16 LE with a BOM; other tools write BE, or no BOM at all.
_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# What report text is made of: ASCII, Latin-1, general punctuation, letterlike symbols, arrows,
# circled numbers, CJK punctuation and kana, CJK compatibility (㎡), Han, full-width forms.
_NOT_REPORT_TEXT = re.compile(
    r"[^\t\n\r\x20-\x7e\xa0-\xff\u2000-\u206f\u2100-\u23ff\u2460-\u27bf\u3000-\u30ff"
    r"\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)


def _reads_as_chinese(text: str) -> bool:
    """Whether a UTF-16 reading is Chinese text rather than mojibake or binary that happened to decode.

    Real reports (every one in the corpus): under 0.2% of characters outside _NOT_REPORT_TEXT's set,
    over 60% Han, under 4% code points ending in a zero byte (一, the ideographic space). Reading
    the wrong byte order makes Han into lone surrogates or other scripts, and ASCII into U+XX00.
    """
    sample = text[:20_000]
    if not sample:
        return False
    visible = len(sample) - sum(map(str.isspace, sample))
    zero_low_byte = sum(1 for c in sample if ord(c) > 0xFF and not ord(c) & 0xFF)
    return (
        len(_NOT_REPORT_TEXT.findall(sample)) <= 0.02 * len(sample)
        and len(_HAN.findall(sample)) >= 0.1 * max(visible, 1)
        and zero_low_byte <= 0.25 * len(sample)
    )


def _decode_utf16(raw: bytes) -> str | None:
    """The text of UTF-16 bytes (by BOM, else by their NUL bytes), or None when they are not UTF-16."""
    for bom, codec in _UTF16_BOMS:
        if raw.startswith(bom):
            candidates = [(codec, raw[len(bom):])]
            break
    else:
        head = raw[:4096]
        if b"\x00" not in head:
            return None
        # ASCII (digits, line breaks) has its NUL byte second in LE and first in BE; U+XX00
        # characters (一, the ideographic space) the other way round, so this is only the order
        # to try, and _reads_as_chinese decides.
        le_first = head[1::2].count(0) >= head[0::2].count(0)
        order = ("utf-16-le", "utf-16-be") if le_first else ("utf-16-be", "utf-16-le")
        candidates = [(codec, raw) for codec in order]
    for codec, data in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not text.strip() or _reads_as_chinese(text):
            return text
    return None


def decode_text(raw: bytes, source: str) -> str:
    """Decode report bytes: UTF-16 (by BOM or NUL bytes) when it reads as Chinese, else UTF-8
    (with or without BOM), then GB18030."""
    if not raw.strip():
        raise ReaderError(f"{source}: empty file")
    text = _decode_utf16(raw)
    if text is not None:
        if not text.strip():  # a BOM and blanks: nothing to read
            raise ReaderError(f"{source}: empty file")
        return _unix_line_breaks(text)
    if b"\x00" in raw[:4096]:
        raise ReaderError(f"{source}: binary content, not a text report")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _unix_line_breaks(text)
    raise ReaderError(f"{source}: not UTF-8 or GB18030 text")


def _unix_line_breaks(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
