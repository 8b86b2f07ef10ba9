"""Shared CSV, XLSX and PDF responses for lists and printable documents."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from django.utils import timezone

Row = Sequence[Any]
Block = tuple[Any, ...]


def _cell(value: Any) -> Any:
    if hasattr(value, "tzinfo") and getattr(value, "tzinfo", None) is not None:
        return timezone.localtime(value).replace(tzinfo=None)
    if value is None or isinstance(value, int | float | str) or hasattr(value, "isoformat"):
        return value
    return str(value)


def _safe_csv(value: Any) -> Any:
    # Neutralise spreadsheet formula injection in exported text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def csv_response(filename: str, header: Row, rows: Iterable[Row]) -> HttpResponse:
    """A UTF-8 (with BOM, for Excel) CSV download."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe_csv(_cell(v)) for v in row])
    return response


def xlsx_bytes(sheets: dict[str, tuple[Row, Iterable[Row]]]) -> bytes:
    """An XLSX workbook with one sheet per entry (bold header, frozen first row)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=False)
    workbook.remove(workbook.active)
    for name, (header, rows) in sheets.items():
        sheet = workbook.create_sheet(title=name[:31])
        sheet.append(list(header))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for row in rows:
            sheet.append([_safe_csv(_cell(v)) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(filename: str, sheets: dict[str, tuple[Row, Iterable[Row]]]) -> HttpResponse:
    """An XLSX download."""
    response = HttpResponse(
        xlsx_bytes(sheets),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def pdf_bytes(title: str, blocks: Iterable[Block]) -> bytes:
    """A simple A4 document: ("h", text), ("p", text), ("table", header, rows)."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=8, leading=10)
    story: list[Any] = [Paragraph(escape(str(title)), styles["Title"])]
    for block in blocks:
        kind = block[0]
        if kind == "h":
            story.append(Paragraph(escape(str(block[1])), styles["Heading2"]))
        elif kind == "p":
            story.append(Paragraph(escape(str(block[1])), styles["BodyText"]))
        elif kind == "table":
            header, rows = block[1], block[2]
            data = [[Paragraph(escape(str(h)), small) for h in header]]
            data += [
                [Paragraph(escape("" if v is None else str(_cell(v))), small) for v in r]
                for r in rows
            ]
            table = Table(data, repeatRows=1)
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story.append(table)
        story.append(Spacer(1, 3 * mm))
    buffer = io.BytesIO()
    stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M %Z")

    def footer(canvas: Any, doc: Any) -> None:
        canvas.setFont("Helvetica", 7)
        canvas.drawString(15 * mm, 8 * mm, f"Awasi · {stamp} · {doc.page}")

    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=str(title),
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
    ).build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def pdf_response(filename: str, title: str, blocks: Iterable[Block]) -> HttpResponse:
    """A PDF download (see `pdf_bytes` for the blocks)."""
    response = HttpResponse(pdf_bytes(title, blocks), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
