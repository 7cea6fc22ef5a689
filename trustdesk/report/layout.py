"""A small flow layout for paged documents: blocks stacked down the page, moved
to the next page when they don't fit, with a running header and footer.

Blocks are measured and painted in device pixels of the target device (a
QPdfWriter, a QPrinter or a QImage), with sizes given in points, so text has its
true size on every device. Layout is deterministic: paginate once, then paint
any page in any order (the print preview paints single pages)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import override

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPaintDevice,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from trustdesk.report.numbers import Table
from trustdesk.report.style import Units, text_font

# Text roles: (point size, bold, colour token)
ROLES = {
    "title": (20.0, True, "text"),
    "subtitle": (10.5, False, "muted"),
    "h2": (13.0, True, "accent"),
    "h3": (10.0, True, "text"),
    "h4": (10.0, True, "text"),
    "body": (10.0, False, "text"),
    "muted": (9.0, False, "muted"),
    "small": (8.5, False, "text"),
    "footer": (7.5, False, "muted"),
}


class PageCtx:
    """Fonts, colours and unit conversion for one device. Not thread-safe; one per
    render."""

    def __init__(self, device: QPaintDevice, colors: dict[str, str], family: str = "") -> None:
        self.units = Units(device)
        self.colors = colors
        self.family = family

    def pt(self, points: float) -> float:
        return self.units.pt(points)

    def font(self, role: str) -> QFont:
        size, bold, _color = ROLES[role]
        return text_font(self.family, size, bold=bold)

    def color(self, role_or_token: str) -> QColor:
        token = ROLES[role_or_token][2] if role_or_token in ROLES else role_or_token
        return QColor(self.colors[token])

    def text_height(self, role: str, text: str, width: float) -> float:
        metrics = self.units.metrics(self.font(role))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        return metrics.boundingRect(QRectF(0, 0, max(width, 1.0), 1e7), flags, text).height()

    def draw_text(self, painter: QPainter, rect: QRectF, role: str, text: str,
                  align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
        painter.setFont(self.font(role))
        painter.setPen(self.color(role))
        painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                         text)


@dataclass
class Block:
    """Something on the page. `space_before` (points) is dropped at a page top;
    `keep_with_next` moves the block to the next page along with its follower."""

    space_before: float = 0.0
    keep_with_next: bool = False

    def height(self, ctx: PageCtx, width: float) -> float:
        raise NotImplementedError

    def paint(self, ctx: PageCtx, painter: QPainter, rect: QRectF) -> None:
        raise NotImplementedError


@dataclass
class Text(Block):
    text: str = ""
    role: str = "body"

    @override
    def height(self, ctx: PageCtx, width: float) -> float:
        return ctx.text_height(self.role, self.text, width)

    @override
    def paint(self, ctx: PageCtx, painter: QPainter, rect: QRectF) -> None:
        ctx.draw_text(painter, rect, self.role, self.text)


@dataclass
class Rich(Block):
    """A paragraph with bold and italic runs, optionally indented with a marker
    (a list item's bullet or number) or set off as a quote. `runs` are
    (text, bold, italic)."""

    runs: Sequence[tuple[str, bool, bool]] = ()
    role: str = "body"
    indent_pt: float = 0.0
    marker: str = ""
    quote: bool = False

    def _layout(self, ctx: PageCtx, width: float) -> tuple[QTextLayout, float]:
        text = "".join(run[0] for run in self.runs)
        layout = QTextLayout(text, ctx.font(self.role), ctx.units.device)
        ranges, start = [], 0
        for piece, bold, italic in self.runs:
            fmt = QTextCharFormat()
            if bold:
                fmt.setFontWeight(QFont.Weight.Bold)
            if italic:
                fmt.setFontItalic(True)
            span = QTextLayout.FormatRange()
            span.start, span.length, span.format = start, len(piece), fmt
            ranges.append(span)
            start += len(piece)
        layout.setFormats(ranges)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        left = ctx.pt(self.indent_pt)
        y = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width - left, 1.0))
            line.setPosition(QPointF(left, y))
            y += line.height()
        layout.endLayout()
        return layout, y

    @override
    def height(self, ctx: PageCtx, width: float) -> float:
        return self._layout(ctx, width)[1]

    @override
    def paint(self, ctx: PageCtx, painter: QPainter, rect: QRectF) -> None:
        layout, height = self._layout(ctx, rect.width())
        if self.marker:
            marker_width = ctx.pt(14)
            ctx.draw_text(painter, QRectF(rect.left() + ctx.pt(self.indent_pt) - marker_width,
                                          rect.top(), marker_width - ctx.pt(3), rect.height()),
                          self.role, self.marker, Qt.AlignmentFlag.AlignRight)
        if self.quote:
            painter.fillRect(QRectF(rect.left() + ctx.pt(self.indent_pt) - ctx.pt(8), rect.top(),
                                    ctx.pt(2), height), ctx.color("border"))
        painter.setPen(ctx.color(self.role))
        layout.draw(painter, rect.topLeft())


@dataclass
class Drawing(Block):
    """A fixed-height area painted by a callback (a chart). `alt` says in words
    what it shows, and `table` gives its numbers, for formats that can carry them
    (the HTML summary)."""

    height_pt: float = 100.0
    painter_fn: Callable[[QPainter, QRectF], object] | None = None
    alt: str = ""
    table: Table | None = None

    @override
    def height(self, ctx: PageCtx, width: float) -> float:
        return ctx.pt(self.height_pt)

    @override
    def paint(self, ctx: PageCtx, painter: QPainter, rect: QRectF) -> None:
        if self.painter_fn is not None:
            painter.save()
            self.painter_fn(painter, rect)
            painter.restore()


@dataclass
class Row(Block):
    """One table row. Cells wrap within their column; `widths` are fractions of
    the width; `align` per column is 'l' or 'r'. A header row is repeated at the
    top of each page the table continues on (see `header`)."""

    cells: Sequence[str] = ()
    widths: Sequence[float] = ()
    align: str = ""
    is_header: bool = False
    header: Row | None = None
    role: str = "small"

    def _columns(self, ctx: PageCtx, width: float) -> list[tuple[float, float]]:
        pad = ctx.pt(4)
        out, x = [], 0.0
        for fraction in self.widths:
            w = width * fraction
            out.append((x + pad, w - 2 * pad))
            x += w
        return out

    def _role(self) -> str:
        return "h3" if self.is_header else self.role

    @override
    def height(self, ctx: PageCtx, width: float) -> float:
        tallest = max((ctx.text_height(self._role(), cell, w) for cell, (_x, w)
                       in zip(self.cells, self._columns(ctx, width), strict=True)), default=0)
        return tallest + ctx.pt(7)

    @override
    def paint(self, ctx: PageCtx, painter: QPainter, rect: QRectF) -> None:
        for i, (cell, (x, w)) in enumerate(zip(self.cells, self._columns(ctx, rect.width()),
                                              strict=True)):
            right = i < len(self.align) and self.align[i] == "r"
            align = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            ctx.draw_text(painter, QRectF(rect.left() + x, rect.top() + ctx.pt(3.5), w,
                                          rect.height()), self._role(), cell, align)
        painter.setPen(QPen(ctx.color("border"), ctx.pt(0.6)))
        y = rect.bottom() - ctx.pt(0.3)
        end = rect.left() + rect.width() * min(1.0, sum(self.widths))
        painter.drawLine(QPointF(rect.left(), y), QPointF(end, y))


@dataclass
class Meter(Block):
    """A thin bar showing a fraction (guide chapters read)."""

    fraction: float = 0.0

    @override
    def height(self, ctx: PageCtx, width: float) -> float:
        return ctx.pt(8)

    @override
    def paint(self, ctx: PageCtx, painter: QPainter, rect: QRectF) -> None:
        bar = QRectF(rect.left(), rect.top() + ctx.pt(2), min(rect.width(), ctx.pt(240)),
                     ctx.pt(5))
        painter.fillRect(bar, ctx.color("accent_soft"))
        filled = QRectF(bar.left(), bar.top(), bar.width() * max(0.0, min(1.0, self.fraction)),
                        bar.height())
        painter.fillRect(filled, ctx.color("accent"))


@dataclass
class Placed:
    block: Block
    top: float
    height: float


@dataclass
class Pages:
    """The result of pagination: blocks placed per page, in device pixels."""

    body: QRectF
    pages: list[list[Placed]] = field(default_factory=list)


def paginate(blocks: Sequence[Block], ctx: PageCtx, body: QRectF) -> Pages:
    """Place blocks top to bottom, starting a new page when the next block (plus
    the chain of blocks it must stay with, as far as a page can hold) doesn't
    fit. A block taller than a whole page gets a page of its own and is clipped
    there rather than lost in a loop."""
    width = body.width()
    heights = [b.height(ctx, width) for b in blocks]
    result = Pages(body, [[]])
    y = 0.0
    for i, block in enumerate(blocks):
        gap = ctx.pt(block.space_before) if y > 0 else 0.0
        need = gap + heights[i]
        j = i
        while blocks[j].keep_with_next and j + 1 < len(blocks) and need <= body.height():
            j += 1
            need += ctx.pt(blocks[j].space_before) + heights[j]
        need = min(need, body.height())
        if y > 0 and y + need > body.height():
            result.pages.append([])
            y, gap = 0.0, 0.0
            if isinstance(block, Row) and block.header is not None and not block.is_header:
                header_h = block.header.height(ctx, width)
                result.pages[-1].append(Placed(block.header, 0.0, header_h))
                y = header_h
        result.pages[-1].append(Placed(block, y + gap, heights[i]))
        y += gap + heights[i]
    return result


def paint_page(pages: Pages, index: int, ctx: PageCtx, painter: QPainter) -> None:
    body = pages.body
    for placed in pages.pages[index]:
        rect = QRectF(body.left(), body.top() + placed.top, body.width(), placed.height)
        painter.save()
        painter.setClipRect(rect.adjusted(-ctx.pt(2), -ctx.pt(2), ctx.pt(2), ctx.pt(2)))
        placed.block.paint(ctx, painter, rect)
        painter.restore()
