"""Drawing pieces shared by the charts: the title and legend, axes, polylines with
gaps, horizontal bars. Everything is sized in points and converted for the device
being painted, so the same chart is crisp on screen, in a PDF and on paper."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPaintDevice,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTextLayout,
    QTextOption,
)

from trustdesk.report.axes import date_ticks
from trustdesk.report.style import ChartStyle, Units

LegendItem = tuple[str, str, str]   # (kind: line/thin/dot/ring/diamond/box/note, colour, text)


class Ctx:
    """One paint call: the painter, its device units and the style's fonts."""

    def __init__(self, painter: QPainter, style: ChartStyle) -> None:
        self.painter = painter
        self.style = style
        self.units = Units(painter.device())
        self.title_font = style.font(1.15, bold=True)
        self.label_font = style.font(1.0)
        self.small_font = style.font(0.9)
        self.bold_font = style.font(1.0, bold=True)

    def pt(self, points: float) -> float:
        return self.units.pt(points)

    def line_height(self, font: QFont | None = None) -> float:
        return self.units.metrics(font or self.label_font).height()

    def text_width(self, text: str, font: QFont | None = None) -> float:
        return self.units.metrics(font or self.label_font).horizontalAdvance(text)

    def tint(self, color: str | QColor, alpha: float) -> QColor:
        """`color` at `alpha` over the chart's background, as an opaque colour.
        Opaque, because Qt strokes a translucent polyline as one filled path (to
        avoid double-blending where it crosses itself), which is many times slower."""
        c = QColor(color)
        if alpha >= 1.0:
            return c
        back = QColor(self.style.background or "#FFFFFF")
        return QColor.fromRgbF(*(alpha * a + (1 - alpha) * b for a, b in (
            (c.redF(), back.redF()), (c.greenF(), back.greenF()), (c.blueF(), back.blueF()))))

    def pen(self, color: str | QColor, width_pt: float, *, alpha: float = 1.0,
            style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
        pen = QPen(self.tint(color, alpha), self.pt(width_pt), style)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def text(self, rect: QRectF, flags: int, text: str, *, font: QFont | None = None,
             color: str | None = None) -> None:
        p = self.painter
        if self.style.text_as_paths:
            p.fillPath(text_path(rect, int(flags), text, font or self.label_font,
                                 p.device()), QColor(color or self.style.text))
            return
        p.setFont(font or self.label_font)
        p.setPen(QColor(color or self.style.text))
        p.drawText(rect, flags, text)


def text_path(rect: QRectF, flags: int, text: str, font: QFont,
              device: QPaintDevice) -> QPainterPath:
    """The outlines of `text` laid out in `rect` as `QPainter.drawText(rect, flags,
    text)` would place it on `device` (alignment and word wrap), as one path."""
    layout = QTextLayout(text, font, device)
    option = QTextOption(Qt.AlignmentFlag(flags & int(Qt.AlignmentFlag.AlignHorizontal_Mask)))
    option.setWrapMode(QTextOption.WrapMode.WordWrap if flags & int(Qt.TextFlag.TextWordWrap)
                       else QTextOption.WrapMode.NoWrap)
    layout.setTextOption(option)
    height = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(rect.width(), 1.0))
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    top = rect.top()
    if flags & int(Qt.AlignmentFlag.AlignVCenter):
        top += (rect.height() - height) / 2
    elif flags & int(Qt.AlignmentFlag.AlignBottom):
        top += rect.height() - height
    path = QPainterPath()
    origin = QPointF(rect.left(), top)
    for run in layout.glyphRuns():
        raw = run.rawFont()
        font_key = (raw.familyName(), raw.styleName(), raw.weight(), raw.pixelSize())
        for glyph, position in zip(run.glyphIndexes(), run.positions(), strict=True):
            key = (*font_key, glyph)
            outline = _GLYPHS.get(key)
            if outline is None:
                if len(_GLYPHS) > 4096:
                    _GLYPHS.clear()
                outline = _GLYPHS[key] = raw.pathForGlyph(glyph)
            path.addPath(outline.translated(origin + position))
    return path


# Glyph outlines by (family, style, weight, pixel size, glyph): a summary's chart
# words repeat the same few digits and letters. QPainterPath copies are implicitly
# shared, so readers on several threads are fine.
_GLYPHS: dict[tuple[str, str, int, float, int], QPainterPath] = {}


def frame(ctx: Ctx, rect: QRectF, title: str, legend: Sequence[LegendItem] = ()) -> QRectF:
    """Paint the background, title and legend; return the rect left for the plot."""
    p, style = ctx.painter, ctx.style
    if style.background:
        p.fillRect(rect, QColor(style.background))
    top = rect.top()
    if style.show_title:
        h = ctx.line_height(ctx.title_font)
        ctx.text(QRectF(rect.left(), top, rect.width(), h),
                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title,
                 font=ctx.title_font)
        top += h + ctx.pt(3)
    if legend:
        top = _legend(ctx, QRectF(rect.left(), top, rect.width(), 0), legend) + ctx.pt(4)
    return QRectF(rect.left(), top, rect.width(), max(0.0, rect.bottom() - top))


def _legend(ctx: Ctx, area: QRectF, items: Sequence[LegendItem]) -> float:
    """Legend items left to right, wrapping; returns the y below the last row."""
    p = ctx.painter
    h = ctx.line_height(ctx.small_font)
    swatch, gap = ctx.pt(14), ctx.pt(12)
    x, y = area.left(), area.top()
    for kind, color, text in items:
        width = (0 if kind == "note" else swatch + ctx.pt(4)) + ctx.text_width(text, ctx.small_font)
        if x > area.left() and x + width > area.right():
            x, y = area.left(), y + h
        mid = y + h / 2
        if kind != "note":
            _swatch(ctx, kind, color, QRectF(x, mid - h / 2, swatch, h))
            x += swatch + ctx.pt(4)
        ctx.text(QRectF(x, y, area.right() - x, h),
                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text,
                 font=ctx.small_font, color=ctx.style.muted if kind == "note" else None)
        x += ctx.text_width(text, ctx.small_font) + gap
    p.setBrush(Qt.BrushStyle.NoBrush)
    return y + h


def _swatch(ctx: Ctx, kind: str, color: str, box: QRectF) -> None:
    p = ctx.painter
    c, mid = box.center(), box.center().y()
    p.setBrush(Qt.BrushStyle.NoBrush)
    if kind in ("line", "thin"):
        p.setPen(ctx.pen(color, 2.0 if kind == "line" else 0.8, alpha=1 if kind == "line" else .6))
        p.drawLine(QPointF(box.left(), mid), QPointF(box.right(), mid))
        if kind == "thin":
            dot(ctx, c, color, 1.5, alpha=0.6)
    elif kind in ("dot", "ring"):
        (dot if kind == "dot" else ring)(ctx, c, color, 3.0)
    elif kind == "diamond":
        diamonds(ctx, (c,), color, 3.6)
    else:
        s = ctx.pt(8)
        p.fillRect(QRectF(c.x() - s / 2, c.y() - s / 2, s, s), QColor(color))


def dot(ctx: Ctx, centre: QPointF, color: str, radius_pt: float, *, alpha: float = 1.0) -> None:
    dots(ctx, (centre,), color, radius_pt, alpha=alpha)


def ring(ctx: Ctx, centre: QPointF, color: str, radius_pt: float) -> None:
    rings(ctx, (centre,), color, radius_pt)


def dots(ctx: Ctx, centres: Sequence[QPointF], color: str, radius_pt: float, *,
         alpha: float = 1.0) -> None:
    """Filled circles, the pen and brush made once for all of them."""
    p = ctx.painter
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(ctx.tint(color, alpha)))
    r = ctx.pt(radius_pt)
    for centre in centres:
        p.drawEllipse(centre, r, r)


def diamonds(ctx: Ctx, centres: Sequence[QPointF], color: str, radius_pt: float) -> None:
    """Filled diamonds (a square on its corner), told apart from dots by shape as
    well as colour; the pen and brush made once for all of them."""
    p = ctx.painter
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(QColor(color)))
    r = ctx.pt(radius_pt)
    for c in centres:
        p.drawPolygon(QPolygonF([QPointF(c.x(), c.y() - r), QPointF(c.x() + r, c.y()),
                                 QPointF(c.x(), c.y() + r), QPointF(c.x() - r, c.y())]))


def rings(ctx: Ctx, centres: Sequence[QPointF], color: str, radius_pt: float) -> None:
    """Circles outlined in `color` on the chart's background."""
    p = ctx.painter
    p.setPen(ctx.pen(color, max(0.6, radius_pt * 0.4)))
    p.setBrush(QBrush(QColor(ctx.style.background or "#FFFFFF")))
    r = ctx.pt(radius_pt)
    for centre in centres:
        p.drawEllipse(centre, r, r)


def y_axis(ctx: Ctx, plot: QRectF, ticks: Sequence[float], y_of: Callable[[float], float],
           *, label_width: float) -> None:
    """Horizontal grid lines at each tick, labelled to the left of the plot."""
    p = ctx.painter
    h = ctx.line_height(ctx.small_font)
    for tick in ticks:
        y = y_of(tick)
        p.setPen(ctx.pen(ctx.style.grid, 0.6))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        label = f"{tick:g}"
        ctx.text(QRectF(plot.left() - label_width - ctx.pt(4), y - h / 2, label_width, h),
                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label,
                 font=ctx.small_font, color=ctx.style.muted)


def baseline(ctx: Ctx, plot: QRectF) -> None:
    ctx.painter.setPen(ctx.pen(ctx.style.axis, 0.8))
    ctx.painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))


def x_dates(ctx: Ctx, plot: QRectF, first: date, last: date,
            x_of_date: Callable[[date], float], *, bounds: QRectF) -> None:
    """Date ticks under the plot: marks on the axis and labels that never leave
    `bounds` (the chart's own rect) or overlap each other."""
    sample = ctx.text_width("Sep 2025", ctx.small_font) + ctx.pt(10)
    ticks = date_ticks(first, last, max(2, int(plot.width() // sample)))
    h = ctx.line_height(ctx.small_font)
    y = plot.bottom()
    # Not under the y-axis labels: the bottom one sits on the baseline, beside these.
    leftmost = max(bounds.left(), plot.left() - ctx.pt(2))
    previous_right = leftmost - ctx.pt(4) - 1
    for day, label in ticks:
        x = x_of_date(day)
        ctx.painter.setPen(ctx.pen(ctx.style.axis, 0.8))
        ctx.painter.drawLine(QPointF(x, y), QPointF(x, y + ctx.pt(3)))
        w = ctx.text_width(label, ctx.small_font)
        left = min(max(x - w / 2, leftmost), bounds.right() - w)
        if left < previous_right + ctx.pt(4):
            continue
        ctx.text(QRectF(left, y + ctx.pt(4), w + 1, h),
                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, label,
                 font=ctx.small_font, color=ctx.style.muted)
        previous_right = left + w


_CHUNK = 48


def polylines(ctx: Ctx, pieces: Sequence[Sequence[tuple[float, float]]], pen: QPen, *,
              lone_radius_pt: float) -> None:
    """Draw each run of (x, y) points as a line; a run of one point becomes a dot.

    Ten years of daily points are the hot path here, so: paths built from plain
    floats (a QPointF per point costs more than the stroking), in overlapping
    pieces of _CHUNK segments (Qt strokes one long antialiased line several times
    slower than the same line in pieces), with bevel joins (round joins on a
    jagged line cost four times as much and look the same at these widths)."""
    p = ctx.painter
    pen = QPen(pen)
    pen.setJoinStyle(Qt.PenJoinStyle.BevelJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    lone: list[QPointF] = []
    for piece in pieces:
        if len(piece) == 1:
            lone.append(QPointF(*piece[0]))
            continue
        for start in range(0, len(piece) - 1, _CHUNK):
            path = QPainterPath()
            path.moveTo(*piece[start])
            for x, y in piece[start + 1:start + _CHUNK + 1]:
                path.lineTo(x, y)
            p.drawPath(path)
    if lone:
        dots(ctx, lone, pen.color().name(), lone_radius_pt)


def empty_message(ctx: Ctx, area: QRectF, text: str) -> None:
    ctx.text(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text,
             color=ctx.style.muted)


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    color: str


def hbars(ctx: Ctx, area: QRectF, bars: Sequence[Bar]) -> tuple[QRectF, Callable[[float], float]]:
    """Labelled horizontal bars, the count printed after each bar. Returns the bar
    area and the value -> x mapping."""
    line = ctx.line_height()
    row = min(area.height() / max(len(bars), 1), line * 1.9)
    label_w = min(max((ctx.text_width(b.label) for b in bars), default=0) + ctx.pt(8) + 2,
                  area.width() * 0.45)
    count_w = ctx.text_width(f"{max((b.value for b in bars), default=0):,}") + ctx.pt(8)
    left = area.left() + label_w
    width = max(1.0, area.right() - count_w - left)
    top_value = max((b.value for b in bars), default=0) or 1

    def x_of(value: float) -> float:
        return left + width * value / top_value

    for i, bar in enumerate(bars):
        y = area.top() + i * row
        metrics = ctx.units.metrics(ctx.label_font)
        label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - ctx.pt(8))
        ctx.text(QRectF(area.left(), y, label_w - ctx.pt(8), row),
                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        bar_h = min(row * 0.62, line * 1.1)
        if bar.value:
            ctx.painter.fillRect(QRectF(left, y + (row - bar_h) / 2, x_of(bar.value) - left,
                                        bar_h), QColor(bar.color))
        ctx.text(QRectF(x_of(bar.value) + ctx.pt(4), y, count_w, row),
                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{bar.value:,}")
    plot = QRectF(left, area.top(), width, row * len(bars))
    ctx.painter.setPen(ctx.pen(ctx.style.axis, 0.8))
    ctx.painter.drawLine(QPointF(left, plot.top()), QPointF(left, plot.bottom()))
    return plot, x_of
