"""The progress summary as one self-contained HTML file, for screen readers and
for reading at any text size: the same blocks as the PDF, written as headings,
paragraphs, lists and real tables, with each chart as an embedded PNG image whose
text alternative says what it shows.

The file loads nothing: no scripts, no remote resources (images are data: URIs,
the style sheet is inline, and a Content-Security-Policy forbids anything else).
Its style sheet is resources/styles/summary.css. `summary_html` is pure text
building plus chart painting into QImages, so it is safe on a worker thread.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from functools import cache
from html import escape

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from trustdesk import resources
from trustdesk.report.document import DISCLAIMER, LANGUAGE, TITLE
from trustdesk.report.layout import Block, Drawing, Meter, Rich, Row, Text
from trustdesk.report.numbers import Table

CHART_WIDTH_PX = 680          # CSS pixels; images are painted at twice that
CHART_SCALE = 2
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
TEXT_TAGS = {"title": "h1", "h2": "h2", "h3": "h3", "h4": "h4"}


def _text(text: str, quote: bool = False) -> str:
    """`text` escaped for HTML: for an attribute with `quote`, else for content."""
    return escape(text, quote=quote)


@cache
def style_sheet() -> str:
    with open(resources.path("styles", "summary.css"), encoding="utf-8") as fh:
        return fh.read()


def _runs(block: Rich) -> str:
    out = []
    for text, bold, italic in block.runs:
        piece = _text(text)
        if italic:
            piece = f"<em>{piece}</em>"
        if bold:
            piece = f"<strong>{piece}</strong>"
        out.append(piece)
    return "".join(out)


def _png(block: Drawing) -> tuple[str, int, int]:
    """The chart painted into a PNG at twice its CSS size: (data URI, width, height)."""
    width = CHART_WIDTH_PX
    height = round(block.height_pt * 96 / 72)
    image = QImage(width * CHART_SCALE, height * CHART_SCALE, QImage.Format.Format_RGB32)
    dots = round(96 * CHART_SCALE / 0.0254)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    image.fill(QColor("#FFFFFF"))
    if block.painter_fn is not None:
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        block.painter_fn(painter, QRectF(0, 0, image.width(), image.height()))
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as str at run time; its stub says bytes (bytes fail).
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    encoded = base64.b64encode(bytes(data.data())).decode("ascii")
    return f"data:image/png;base64,{encoded}", width, height


def _table(rows: Sequence[Row]) -> list[str]:
    out = ["<table>"]
    body = list(rows)
    if body and body[0].is_header:
        cells = "".join(f'<th scope="col" class="{_align(body[0], i)}">{_text(c)}</th>'
                        for i, c in enumerate(body[0].cells))
        out.append(f"<thead><tr>{cells}</tr></thead>")
        body = body[1:]
        out.append("<tbody>")
        for row in body:
            cells = "".join(f'<td class="{_align(row, i)}">{_text(c)}</td>'
                            for i, c in enumerate(row.cells))
            out.append(f"<tr>{cells}</tr>")
    else:
        out.append("<tbody>")
        for row in body:         # label and value: the first cell heads its row
            head, *rest = row.cells
            cells = "".join(f'<td class="{_align(row, i + 1)}">{_text(c)}</td>'
                            for i, c in enumerate(rest))
            out.append(f'<tr><th scope="row">{_text(head)}</th>{cells}</tr>')
    out.append("</tbody></table>")
    return out


def _numbers(table: Table) -> list[str]:
    """A chart's numbers, folded away under a summary line, as a real table."""
    def align(i: int) -> str:
        return "text" if i < table.text_columns else "num"

    heads = "".join(f'<th scope="col" class="{align(i)}">{_text(h)}</th>'
                    for i, h in enumerate(table.headers))
    out = [f"<details><summary>The numbers behind this chart "
           f"({len(table.rows):,} {'row' if len(table.rows) == 1 else 'rows'})</summary>",
           f"<table><thead><tr>{heads}</tr></thead><tbody>"]
    for row in table.rows:
        first, *rest = row
        cells = "".join(f'<td class="{align(i + 1)}">{_text(text)}</td>'
                        for i, (text, _value) in enumerate(rest))
        out.append(f'<tr><th scope="row">{_text(first[0])}</th>{cells}</tr>')
    out.append("</tbody></table></details>")
    return out


def _align(row: Row, index: int) -> str:
    return "num" if index < len(row.align) and row.align[index] == "r" else "text"


def _is_item(block: Block) -> bool:
    return isinstance(block, Rich) and bool(block.marker)


def _list(items: Sequence[Rich]) -> list[str]:
    """Consecutive list items as nested <ul>/<ol>, by indent and marker."""
    out: list[str] = []
    stack: list[tuple[float, str]] = []        # (indent, tag) of each open list
    for item in items:
        tag = "ol" if item.marker.endswith(".") else "ul"
        while stack and (stack[-1][0] > item.indent_pt
                         or (stack[-1][0] == item.indent_pt and stack[-1][1] != tag)):
            out.append(f"</li></{stack.pop()[1]}>")       # deeper, or bullets become numbers
        if stack and stack[-1][0] == item.indent_pt:
            out.append("</li>")
        else:
            out.append(f"<{tag}>")
            stack.append((item.indent_pt, tag))
        out.append(f"<li>{_runs(item)}")
    while stack:
        out.append(f"</li></{stack.pop()[1]}>")
    return out


def _blocks(blocks: Sequence[Block]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if isinstance(block, Row):
            j = i + 1
            while j < len(blocks) and isinstance(after := blocks[j], Row) and not after.is_header:
                j += 1
            out += _table([b for b in blocks[i:j] if isinstance(b, Row)])
            i = j
            continue
        if _is_item(block):
            j = i
            while j < len(blocks) and _is_item(blocks[j]):
                j += 1
            out += _list([b for b in blocks[i:j] if isinstance(b, Rich)])
            i = j
            continue
        if isinstance(block, Text):
            tag = TEXT_TAGS.get(block.role)
            if tag:
                out.append(f"<{tag}>{_text(block.text)}</{tag}>")
            else:
                out.append(f'<p class="{block.role}">{_text(block.text)}</p>')
        elif isinstance(block, Rich):
            if block.role in TEXT_TAGS:
                tag = TEXT_TAGS[block.role]
                out.append(f"<{tag}>{_runs(block)}</{tag}>")
            elif block.quote:
                out.append(f"<blockquote><p>{_runs(block)}</p></blockquote>")
            else:
                out.append(f"<p>{_runs(block)}</p>")
        elif isinstance(block, Drawing):
            src, width, height = _png(block)
            out.append(f'<figure><img src="{src}" width="{width}" height="{height}" '
                       f'alt="{_text(block.alt, quote=True)}"></figure>')
            if block.table is not None and block.table.rows:
                out += _numbers(block.table)
        elif isinstance(block, Meter):
            percent = round(100 * max(0.0, min(1.0, block.fraction)))
            out.append(f'<div class="meter" aria-hidden="true"><div style="width: {percent}%">'
                       "</div></div>")
        i += 1
    return out


def summary_html(blocks: Sequence[Block], *, dates_label: str) -> str:
    """The whole HTML document for the summary's `blocks` (in reading order)."""
    body = "\n".join(_blocks(blocks))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{LANGUAGE}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_text(TITLE)} \u00b7 {_text(dates_label)}</title>\n"
        f"<style>\n{style_sheet()}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n"
        f"<footer><p>{_text(DISCLAIMER)}</p></footer>\n</body>\n</html>\n")
