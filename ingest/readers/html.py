"""Reads a saved web page: the main text of the page, without navigation, scripts or footers."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ingest.records import Document, ReaderError

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
# Elements that never hold the report.
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button", "select")
# class/id words of page furniture (navigation, share bars, related-article lists, footers).
_FURNITURE = re.compile(
    r"\b(?:nav|navbar|menu|breadcrumb|crumb|footer|foot|header|head-?bar|topbar|sidebar|side|share|"
    r"related|recommend|comment|ranking|hot|toolbar|copyright|login|search|pagination|pager)\b",
    re.I,
)
# class/id words of the article body on news and government sites.
_CONTENT = re.compile(r"\b(?:article|content|main|text|zoom|TRS_Editor|detail|body|news_?con)\b", re.I)
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "blockquote", "pre"}
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DATE_META = ("publishdate", "pubdate", "firstpublishedtime", "article:published_time", "date", "dc.date")


def _utf16_page(raw: bytes) -> str | None:
    """The text of a page saved as UTF-16 (Notepad's "Unicode"), by its BOM or its NUL bytes.

    A page is mostly ASCII markup, so the side its NUL bytes fall on gives the byte order; a
    charset declared inside the page cannot be read before this (its bytes are NUL-interleaved)."""
    if raw.startswith(codecs.BOM_UTF16_LE):
        codec, data = "utf-16-le", raw[2:]
    elif raw.startswith(codecs.BOM_UTF16_BE):
        codec, data = "utf-16-be", raw[2:]
    else:
        head = raw[:4096]
        if head.count(0) < len(head) // 4:
            return None
        codec = "utf-16-le" if head[1::2].count(0) >= head[0::2].count(0) else "utf-16-be"
        data = raw
    try:
        return data[: len(data) // 2 * 2].decode(codec)
    except UnicodeDecodeError:
        return None


def decode_html(raw: bytes, source: str) -> str:
    """Decode page bytes: UTF-16 (by BOM or NUL bytes), else the declared charset, UTF-8, GB18030."""
    if not raw.strip():
        raise ReaderError(f"{source}: empty file")
    page = _utf16_page(raw)
    if page is not None:
        return page
    declared = _CHARSET.search(raw[:4096])
    encodings = []
    if declared:
        name = declared.group(1).decode("ascii").lower()
        # A page that says utf-16 but has no NUL bytes was re-saved as something else.
        if not name.startswith(("utf-16", "unicode")):
            encodings.append("gb18030" if name in ("gb2312", "gbk", "gb18030") else name)
    encodings += ["utf-8-sig", "gb18030"]
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise ReaderError(f"{source}: undecodable page (not UTF-8 or GB18030)")


def _text_of(element) -> str:
    """Text with a line break after every block element, so paragraphs stay lines."""
    parts: list[str] = []

    def walk(node) -> None:
        if not isinstance(node.tag, str):  # comments, processing instructions
            if node.tail:
                parts.append(node.tail)
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if node.tag.lower() in _BLOCK_TAGS:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(element)
    lines = (re.sub(r"[ \t\xa0]+", " ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _drop_furniture(root) -> None:
    for element in list(root.iter(*_DROP_TAGS)):
        element.drop_tree()
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        marks = f"{element.get('class', '')} {element.get('id', '')}"
        if marks.strip() and _FURNITURE.search(marks) and not _CONTENT.search(marks):
            element.drop_tree()


def _main_element(root):
    """The element holding most of the page's Chinese prose: <article>, a content box, or the densest block."""
    best, best_score = root, 0.0
    for element in root.iter("article", "div", "section", "td", "main"):
        text = element.text_content()
        han = len(_HAN.findall(text))
        if han < 200:
            continue
        paragraphs = len(element.findall(".//p")) + 1
        marks = f"{element.get('class', '')} {element.get('id', '')}"
        # Prose in paragraphs counts; a content-like class or id is a strong hint.
        score = han * (1.5 if _CONTENT.search(marks) or element.tag in ("article", "main") else 1.0)
        score *= min(paragraphs, 20) / 20 + 0.5
        # Prefer the innermost block that still holds nearly all of the prose.
        if score >= best_score * 0.9:
            best, best_score = element, max(score, best_score)
    return best


def _meta(root, names: tuple[str, ...]) -> str | None:
    for element in root.iter("meta"):
        key = (element.get("name") or element.get("property") or "").lower()
        if key in names and element.get("content"):
            return element.get("content").strip()
    return None


def read_html(path: Path, source: str | None = None) -> list[Document]:
    import lxml.etree
    import lxml.html

    source = source or str(path)
    text = decode_html(Path(path).read_bytes(), source)
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as error:
        raise ReaderError(f"{source}: not a readable HTML page ({error})") from error
    title_element = root.find(".//title")
    heading = root.find(".//h1")
    title = (heading.text_content().strip() if heading is not None else "") or (
        title_element.text_content().strip() if title_element is not None else ""
    )
    url = _meta(root, ("og:url",))
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            url = link.get("href")
    date = _meta(root, _DATE_META)
    _drop_furniture(root)
    body = root.find("body")
    main = _main_element(body if body is not None else root)
    content = _text_of(main)
    if heading is not None and title and title not in content[:300]:
        content = f"{title}\n{content}"  # the page's own headline is the report's title
    if len(_HAN.findall(content)) < 50:
        raise ReaderError(f"{source}: no report text in page")
    return [
        Document(
            source_file=source,
            text=content,
            labelled_title=title or None,
            labelled_date=date,
            source_url=url,
        )
    ]
