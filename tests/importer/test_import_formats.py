"""`phobien import` on .docx, TCVN3/VNI text and PDF inputs made from the seeds inside the tests."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import docx
import pytest
from test_import import CURATED, SEEDS, assert_reproduces, draft_of, needs_seeds

from phobien.importer.legacy import TCVN3_ENCODE, VNI_ENCODE
from phobien.importer.reading import SourceError, read_source


def docx_from_text(text: str, path: Path) -> None:
    """A Word file with one paragraph per line, and tab-separated lines as real tables."""
    document = docx.Document()
    block: list[list[str]] = []

    def flush() -> None:
        if block:
            table = document.add_table(rows=len(block), cols=max(len(r) for r in block))
            for i, row in enumerate(block):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
            block.clear()

    for line in text.splitlines():
        if line.count("\t") >= 2:
            block.append(line.split("\t"))
            continue
        flush()
        document.add_paragraph(line)
    flush()
    document.save(str(path))


def encode(text: str, table: dict[str, str]) -> bytes:
    """``text`` in a legacy encoding: Vietnamese letters by ``table``, the rest as Windows-1252."""
    return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFC", text)).encode("cp1252")


def make_pdf(pages: list[list[str]], path: Path) -> None:
    """A text PDF: one line per text line, characters as Unicode code points (Identity-H + ToUnicode)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def "
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> endbfrange "
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    tounicode = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    cid = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Arial /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /DW 500 /CIDToGIDMap /Identity >>"
    )
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Arial /Encoding /Identity-H /DescendantFonts [%d 0 R] "
        b"/ToUnicode %d 0 R >>" % (cid, tounicode)
    )
    pages_id = len(objects) + 2 * len(pages) + 1
    page_ids = []
    for lines in pages:
        ops = [b"BT /F1 10 Tf 40 800 Td 12 TL"]
        ops += [b"<" + line.encode("utf-16-be").hex().encode() + b"> Tj T*" for line in lines]
        stream = b"\n".join([*ops, b"ET"])
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)
            )
        )
    kids = b" ".join(b"%d 0 R" % p for p in page_ids)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    path.write_bytes(bytes(out))


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    from conftest import REPO

    from phobien.load import load_content

    loaded, _ = load_content(REPO)
    return loaded


@needs_seeds
@pytest.mark.parametrize("seed", sorted(CURATED))
def test_docx(seed: str, tmp_path: Path, content) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.docx"
    docx_from_text((SEEDS / seed).read_text(encoding="utf-8"), path)
    draft = draft_of(path, content)
    assert_reproduces(draft.plan, seed)


@needs_seeds
@pytest.mark.parametrize("seed", sorted(CURATED))
def test_tcvn3(seed: str, tmp_path: Path, content) -> None:  # type: ignore[no-untyped-def]
    """The seed saved in TCVN3 (ABC), capitals with tone marks stored lower-case as ABC files do."""
    path = tmp_path / "plan.txt"
    path.write_bytes(encode((SEEDS / seed).read_text(encoding="utf-8"), TCVN3_ENCODE))
    assert read_source(path).encoding == "TCVN3"
    draft = draft_of(path, content)
    assert_reproduces(draft.plan, seed)


@needs_seeds
def test_vni(tmp_path: Path) -> None:
    for seed in sorted(CURATED):
        text = (SEEDS / seed).read_text(encoding="utf-8")
        path = tmp_path / "plan.txt"
        path.write_bytes(encode(text, VNI_ENCODE))
        source = read_source(path)
        assert source.encoding == "VNI"
        assert source.text == unicodedata.normalize("NFC", text)


@needs_seeds
@pytest.mark.parametrize("seed", ["000_ec9b3c0c08957261.txt", "001_3d4f4e1e06aa8264.txt", "002_a28fb0bbc3ce5f48.txt"])
def test_pdf(seed: str, tmp_path: Path, content) -> None:  # type: ignore[no-untyped-def]
    """A text PDF of the seed, 40 lines a page, with a running header and page numbers to remove."""
    lines = (SEEDS / seed).read_text(encoding="utf-8").splitlines()
    pages = [["Kế hoạch — bản sao", *lines[i : i + 40], f"- {i // 40 + 1} -"] for i in range(0, len(lines), 40)]
    path = tmp_path / "plan.pdf"
    make_pdf(pages, path)
    source = read_source(path)
    assert "Kế hoạch — bản sao" not in source.text
    assert any("page header/footer" in note for note in source.notes)
    draft = draft_of(path, content)
    assert_reproduces(draft.plan, seed)
    assert draft.unparsed == []


def test_docx_legacy_fonts_and_numbering(tmp_path: Path) -> None:
    """Runs in ABC fonts are converted (the H font in capitals); Word's list numbers are kept."""
    document = docx.Document()
    heading = document.add_paragraph()
    heading.add_run(TCVN3_ENCODE_TEXT("kế hoạch")).font.name = ".VnTimeH"
    body = document.add_paragraph()
    body.add_run(TCVN3_ENCODE_TEXT("Tăng cường tuyên truyền ")).font.name = ".VnTime"
    body.add_run("pháp luật").font.name = "Times New Roman"
    vni = document.add_paragraph()
    vni.add_run("".join(VNI_ENCODE.get(c, c) for c in "Sở Tư pháp chủ trì")).font.name = "VNI-Times"
    document.add_paragraph("Thứ nhất", style="List Number")
    document.add_paragraph("Thứ hai", style="List Number")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    lines = read_source(path).text.splitlines()
    assert lines[:3] == ["KẾ HOẠCH", "Tăng cường tuyên truyền pháp luật", "Sở Tư pháp chủ trì"]
    assert lines[3:] == ["Thứ nhất", "Thứ hai"] or lines[3:] == ["1. Thứ nhất", "2. Thứ hai"]


def TCVN3_ENCODE_TEXT(text: str) -> str:  # noqa: N802 - reads like the table it uses
    return "".join(TCVN3_ENCODE.get(c, c) for c in text)


def test_unreadable_files(tmp_path: Path) -> None:
    bad = tmp_path / "plan.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(SourceError, match=r"not a readable \.docx"):
        read_source(bad)
    scan = tmp_path / "scan.pdf"
    make_pdf([[""]], scan)
    with pytest.raises(SourceError, match="no text layer"):
        read_source(scan)
