"""The other formats of a plain-text document, made from it to measure the importer on each.

As tests/importer/corpus/manifest.json describes them: a .docx with one paragraph per line and
tab-separated lines as table rows (a row continued on lines starting with a tab stays one row,
its cells joined); a text PDF with one line per line; the text re-encoded in TCVN3 (ABC) bytes
with this package's own table, capitals with tone marks stored lower-case as ABC files do.
"""

from __future__ import annotations

from pathlib import Path

from phobien.importer.legacy import TCVN3_ENCODE

FORMATS = ("txt", "docx", "pdf", "tcvn3")


def write(text: str, kind: str, folder: Path, stem: str) -> Path:
    """The document ``text`` written to ``folder`` in format ``kind``; its path."""
    if kind == "docx":
        path = folder / f"{stem}.docx"
        docx_file(text, path)
    elif kind == "pdf":
        path = folder / f"{stem}.pdf"
        lines = text.split("\n")
        pdf_file([lines[i : i + 50] for i in range(0, len(lines), 50)], path)
    elif kind == "tcvn3":
        path = folder / f"{stem}.txt"
        path.write_bytes(tcvn3(text))
    else:
        path = folder / f"{stem}.txt"
        path.write_text(text, encoding="utf-8")
    return path


def tcvn3(text: str) -> bytes:
    """``text`` in TCVN3 bytes: Vietnamese letters by the ABC table, the rest as Windows-1252."""
    return "".join(TCVN3_ENCODE.get(ch, ch) for ch in text).encode("cp1252", errors="replace")


def _table_rows(lines: list[str]) -> list[list[str]]:
    rows: list[list[str]] = []
    for line in lines:
        cells = line.split("\t")
        if line.startswith("\t") and rows and len(rows[-1]) == len(cells):
            rows[-1] = [f"{a}\n{b}".strip("\n") for a, b in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
    return rows


def docx_file(text: str, path: Path) -> None:
    """A Word file: one paragraph per line, tab-separated lines as a real table."""
    import docx

    document = docx.Document()
    block: list[str] = []

    def flush() -> None:
        rows = _table_rows(block)
        if rows:
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
        block.clear()

    for line in text.split("\n"):
        if "\t" in line and (line.count("\t") >= 2 or block):
            block.append(line)
            continue
        if not line.strip() and block:
            continue
        flush()
        document.add_paragraph(line)
    flush()
    document.save(str(path))


def pdf_file(pages: list[list[str]], path: Path) -> None:
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
