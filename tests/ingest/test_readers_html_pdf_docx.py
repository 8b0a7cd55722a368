"""Readers for web pages, PDFs, Word files and metadata sidecars, on small real files made by each test."""

import codecs
from pathlib import Path

import docx
import pytest

from ingest.readers.docx import read_docx
from ingest.readers.html import read_html
from ingest.readers.pdf import read_pdf
from ingest.readers.sidecar import apply_sidecar, read_sidecar
from ingest.records import ReaderError

PARAGRAPHS = [
    "政府工作报告",
    "——2023年2月12日在米易县第十九届人民代表大会第三次会议上",
    "各位代表：",
    "现在，我代表县人民政府，向大会报告工作，请予审议。",
    "一、2022年工作回顾",
    "全县地区生产总值完成270亿元，增长4.5%，一般公共预算收入完成10亿元。",
    "各位代表！让我们团结奋斗，为建设现代化米易而努力奋斗！",
]


# --- html --------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>米易县2023年政府工作报告_米易县人民政府</title>
<meta name="PubDate" content="2023-02-20"><link rel="canonical" href="https://www.miyi.gov.cn/a/1.html">
<script>var nav = "首页 新闻 政务公开";</script><style>.x{{color:red}}</style></head>
<body><div class="header"><ul class="nav"><li>首页</li><li>政务公开</li><li>县情概况</li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 政府工作报告</div>
<div class="main"><h1>米易县2023年政府工作报告</h1><div class="content" id="zoom">{paragraphs}</div>
<div class="share">分享到：微信 微博</div></div>
<div class="related"><h3>阅读排行</h3><ul><li>宁德市2021年政府工作报告</li><li>2022年金堂县政府工作报告</li></ul></div>
<div class="footer">版权所有：米易县人民政府 蜀ICP备12345678号</div></body></html>"""


def write_page(tmp_path: Path, charset: str = "utf-8") -> Path:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 3)
    path = tmp_path / "report.html"
    path.write_bytes(PAGE.format(charset=charset, paragraphs=paragraphs).encode("gb18030" if charset == "gbk" else charset))
    return path


@pytest.mark.parametrize("charset", ["utf-8", "gbk"])
def test_html_reader_keeps_the_article_and_drops_navigation(tmp_path: Path, charset: str):
    [document] = read_html(write_page(tmp_path, charset), "report.html")
    assert document.text.startswith("米易县2023年政府工作报告\n政府工作报告\n——2023年2月12日")
    assert "各位代表：\n现在，我代表县人民政府" in document.text  # one paragraph a line
    for clutter in ("首页", "阅读排行", "金堂县", "分享到", "ICP备", "var nav"):
        assert clutter not in document.text
    assert document.labelled_title == "米易县2023年政府工作报告"
    assert document.labelled_date == "2023-02-20"
    assert document.source_url == "https://www.miyi.gov.cn/a/1.html"


# Notepad's "Unicode" (UTF-16 LE with a BOM), its big-endian twin, and either without a BOM; the
# page may still declare the charset it had before it was re-saved.
UTF16_PAGES = {
    "le-bom": lambda page: codecs.BOM_UTF16_LE + page.encode("utf-16-le"),
    "be-bom": lambda page: codecs.BOM_UTF16_BE + page.encode("utf-16-be"),
    "le": lambda page: page.encode("utf-16-le"),
    "be": lambda page: page.encode("utf-16-be"),
}


@pytest.mark.parametrize("variant", sorted(UTF16_PAGES))
@pytest.mark.parametrize("declared", ["utf-8", "utf-16"])
def test_a_page_saved_as_utf16_reads_as_its_utf8_copy(tmp_path: Path, variant: str, declared: str):
    [original] = read_html(write_page(tmp_path, "utf-8"), "report.html")
    page = PAGE.format(charset=declared, paragraphs="".join(f"<p>{p}</p>" for p in PARAGRAPHS * 3))
    path = tmp_path / "unicode.html"
    path.write_bytes(UTF16_PAGES[variant](page))
    [document] = read_html(path, "unicode.html")
    assert document.text == original.text
    assert "全县地区生产总值完成270亿元" in document.text


def test_a_page_that_declares_utf16_but_is_utf8_still_reads(tmp_path: Path):
    page = PAGE.format(charset="utf-16", paragraphs="".join(f"<p>{p}</p>" for p in PARAGRAPHS * 3))
    path = tmp_path / "resaved.html"
    path.write_bytes(page.encode("utf-8"))
    [document] = read_html(path, "resaved.html")
    assert "我代表县人民政府" in document.text


def test_html_reader_refuses_a_page_without_report_text(tmp_path: Path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><div class='nav'>首页</div><p>404 页面不存在</p></body></html>", encoding="utf-8")
    with pytest.raises(ReaderError, match="empty.html: no report text in page"):
        read_html(path, "empty.html")


# --- pdf ---------------------------------------------------------------------------------------


def make_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF whose text layer holds the lines (Type0 font, Identity-H, ToUnicode)."""
    chars = sorted({ch for line in lines for ch in line})
    cmap_entries = "".join(f"<{ord(ch):04X}> <{ord(ch):04X}>\n" for ch in chars)
    blocks = []
    entries = cmap_entries.splitlines(keepends=True)
    for i in range(0, len(entries), 100):
        chunk = entries[i : i + 100]
        blocks.append(f"{len(chunk)} beginbfchar\n{''.join(chunk)}endbfchar\n")
    to_unicode = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" + "".join(blocks) +
        "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    )
    text_ops = ["BT", "/F1 12 Tf", "14 TL", "40 800 Td"]
    for line in lines:
        text_ops.append("<" + "".join(f"{ord(ch):04X}" for ch in line) + "> Tj T*")
    text_ops.append("ET")
    content = "\n".join(text_ops)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        "/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R >>",
        f"<< /Length {len(to_unicode.encode('latin-1'))} >>\nstream\n{to_unicode}endstream",
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] "
        "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("latin-1")
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode("latin-1")
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("latin-1")
    return bytes(out)


def test_pdf_reader_returns_the_text_layer(tmp_path: Path):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(PARAGRAPHS))
    [document] = read_pdf(path, "report.pdf")
    assert "米易县第十九届人民代表大会第三次会议" in document.text
    assert "全县地区生产总值完成270亿元，增长4.5%" in document.text
    assert document.source_file == "report.pdf"


def test_pdf_reader_turns_a_corrupt_file_into_a_one_line_reason(tmp_path: Path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(make_pdf(PARAGRAPHS)[:200])
    with pytest.raises(ReaderError, match=r"^broken.pdf: corrupt or unreadable PDF \(\w+\)$"):
        read_pdf(path, "broken.pdf")


def test_pdf_reader_refuses_a_pdf_without_chinese_text(tmp_path: Path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf(["page 1"]))
    with pytest.raises(ReaderError, match="scan.pdf: PDF has no Chinese text layer"):
        read_pdf(path, "scan.pdf")


# --- docx --------------------------------------------------------------------------------------


def test_docx_reader_returns_paragraphs_and_tables_in_order(tmp_path: Path):
    word = docx.Document()
    word.core_properties.title = "米易县2023年政府工作报告"
    for paragraph in PARAGRAPHS[:5]:
        word.add_paragraph(paragraph)
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "增长"
    table.cell(1, 0).text, table.cell(1, 1).text = "地区生产总值", "4.5%"
    word.add_paragraph(PARAGRAPHS[6])
    path = tmp_path / "report.docx"
    word.save(path)
    [document] = read_docx(path, "report.docx")
    lines = document.text.split("\n")
    assert lines[:5] == PARAGRAPHS[:5]
    assert lines[5:8] == ["指标\t增长", "地区生产总值\t4.5%", PARAGRAPHS[6]]
    assert document.labelled_title == "米易县2023年政府工作报告"


def test_docx_reader_refuses_a_file_that_is_not_a_word_document(tmp_path: Path):
    path = tmp_path / "fake.docx"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(ReaderError, match="fake.docx: not a readable .docx document"):
        read_docx(path, "fake.docx")


# --- sidecar -----------------------------------------------------------------------------------


def test_sidecar_beside_a_document_is_read_and_typed(tmp_path: Path):
    document_path = tmp_path / "report.pdf"
    (tmp_path / "report.meta.yml").write_text(
        "title: 米易县2023年政府工作报告\nurl: https://www.miyi.gov.cn/a/1.html\ndate: 2023-02-12\nplace: 米易县\nyear: '2023'\n",
        encoding="utf-8",
    )
    meta = read_sidecar(document_path)
    assert meta == {
        "title": "米易县2023年政府工作报告", "url": "https://www.miyi.gov.cn/a/1.html",
        "date": "2023-02-12", "place": "米易县", "year": 2023,
    }


def test_a_missing_sidecar_is_an_empty_mapping(tmp_path: Path):
    assert read_sidecar(tmp_path / "report.pdf") == {}


def test_a_broken_sidecar_is_a_reader_error(tmp_path: Path):
    (tmp_path / "report.pdf.meta.yml").write_text("year: [2023\n", encoding="utf-8")
    with pytest.raises(ReaderError, match="report.pdf.meta.yml: invalid YAML"):
        read_sidecar(tmp_path / "report.pdf")


def test_apply_sidecar_overrides_the_labels(tmp_path: Path):
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(PARAGRAPHS))
    [document] = apply_sidecar(read_pdf(path, "report.pdf"), {"place": "米易县", "year": 2023, "url": "https://x"})
    assert (document.labelled_place, document.labelled_year, document.source_url) == ("米易县", 2023, "https://x")
    assert (document.curated_place, document.curated_year) == ("米易县", 2023)
