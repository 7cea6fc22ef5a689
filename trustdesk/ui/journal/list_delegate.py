"""Draws one journal list row: heading and date, a preview (or, when searching, an
excerpt with the matched words marked), then check-in values and tags. A row
with neither preview nor excerpt leaves that line out and is shorter.
Painting only; UI thread only."""

from __future__ import annotations

import re
from datetime import date
from typing import override

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from trustdesk.domain import clock
from trustdesk.domain.clock import Today
from trustdesk.domain.dates import short_date
from trustdesk.domain.journal import EntryRow
from trustdesk.ui import theme
from trustdesk.ui.journal.list_model import EXCERPT_ROLE, ROW_ROLE

PAD_X, PAD_Y, GAP = 14, 9, 3
_SPACES = re.compile(r"\s+")
FOCUS_RING = 2  # px, the ring round the current row while the list has focus
CHECKIN_SHORT = (("mood", "Mood"), ("trust_others", "Others"), ("trust_self", "Self"))


def row_date(row: EntryRow, today: date | None = None) -> str:
    """"Thu 26 Nov" this year, "26 Nov 2023" before: short enough to leave the
    heading room. The full date and time are in the row's tooltip."""
    return short_date(row.written_at, today=today or clock.today())


def _fonts(base: QFont) -> tuple[QFont, QFont, QFont]:
    bold = QFont(base)
    bold.setWeight(QFont.Weight.DemiBold)
    small = QFont(base)
    small.setPointSizeF(max(6.0, base.pointSizeF() * 0.88))
    return bold, base, small


def has_text_line(row: EntryRow, excerpt: object) -> bool:
    """Whether the row shows a second line (a search excerpt or a preview). Rows
    without one (a check-in only, or a title that is all there is) leave it out."""
    return bool(excerpt) or bool(row.preview)


class EntryDelegate(QStyledItemDelegate):
    """Paints EntryListModel rows. Rows with a text line share one height; rows
    without one are a line shorter."""

    def __init__(self, parent: QObject | None = None, *, today: Today = clock.today) -> None:
        super().__init__(parent)
        self._today = today
        self._heights: dict[str, tuple[int, int]] = {}

    def _row_heights(self, font: QFont) -> tuple[int, int]:
        """(with a text line, without one) for `font`, measured once per font."""
        key = font.key()
        heights = self._heights.get(key)
        if heights is None:
            bold, normal, small = _fonts(font)
            short = (QFontMetrics(bold).height() + QFontMetrics(small).height() + 4
                     + GAP + 2 * PAD_Y)
            heights = self._heights[key] = (short + QFontMetrics(normal).height() + GAP,
                                            short)
        return heights

    @override
    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        full, short = self._row_heights(option.font)
        row: EntryRow | None = index.data(ROW_ROLE)
        if row is not None and not has_text_line(row, index.data(EXCERPT_ROLE)):
            return QSize(200, short)
        return QSize(200, full)

    @override
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        row: EntryRow | None = index.data(ROW_ROLE)
        if row is None:
            return
        colors = theme.colors()
        bold, normal, small = _fonts(option.font)
        rect: QRect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected:
            painter.fillRect(rect, colors["selection"])
            painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), colors["accent"])
        elif hovered:
            painter.fillRect(rect, colors["accent_soft"])
        painter.setPen(colors["border"])
        painter.drawLine(rect.left() + PAD_X, rect.bottom(), rect.right() - PAD_X, rect.bottom())

        inner = rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        # Line 1: heading, date on the right.
        date_text = row_date(row, self._today())
        small_metrics = QFontMetrics(small)
        date_width = small_metrics.horizontalAdvance(date_text)
        bold_metrics = QFontMetrics(bold)
        line1 = QRect(inner.left(), inner.top(), inner.width(), bold_metrics.height())
        painter.setFont(small)
        painter.setPen(colors["muted"])
        painter.drawText(line1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         date_text)
        painter.setFont(bold)
        painter.setPen(colors["text"])
        heading_width = max(0, inner.width() - date_width - 12)
        painter.drawText(QRect(line1.left(), line1.top(), heading_width, line1.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         bold_metrics.elidedText(row.heading, Qt.TextElideMode.ElideRight,
                                                 heading_width))
        # Line 2, if there is one: the excerpt when searching, else the preview.
        excerpt = index.data(EXCERPT_ROLE)
        line2 = QRect(inner.left(), line1.bottom() + 1, inner.width(), 0)
        if has_text_line(row, excerpt):
            normal_metrics = QFontMetrics(normal)
            line2 = QRect(inner.left(), line1.bottom() + 1 + GAP, inner.width(),
                          normal_metrics.height())
            if excerpt:
                _draw_marked(painter, line2, excerpt, normal, colors)
            else:
                painter.setFont(normal)
                painter.setPen(colors["muted"])
                painter.drawText(line2,
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 normal_metrics.elidedText(
                                     row.preview, Qt.TextElideMode.ElideRight, line2.width()))
        # Line 3: check-in pills, then tags.
        line3 = QRect(inner.left(), line2.bottom() + 1 + GAP, inner.width(),
                      small_metrics.height() + 4)
        _draw_meta(painter, line3, row, small, colors)
        if option.state & QStyle.StateFlag.State_HasFocus:  # the keyboard's row
            painter.setPen(QPen(colors["accent"], FOCUS_RING))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            half = FOCUS_RING // 2
            painter.drawRoundedRect(rect.adjusted(half, half, -half - 1, -half - 1), 4, 4)
        painter.restore()


def _draw_marked(painter: QPainter, area: QRect, pieces: tuple[tuple[str, bool], ...],
                 font: QFont, colors: dict[str, QColor]) -> None:
    """Excerpt pieces left to right; matched words bold on a soft highlight."""
    marked = QFont(font)
    marked.setWeight(QFont.Weight.DemiBold)
    pieces = _lead_in(pieces, QFontMetrics(font), area.width() // 3)
    x, right = area.left(), area.right()
    for text, matched in pieces:
        text = _SPACES.sub(" ", text)   # line breaks and blank lines read as one space
        metrics = QFontMetrics(marked if matched else font)
        width = metrics.horizontalAdvance(text)
        room = right - x
        if room <= metrics.horizontalAdvance("…"):
            break
        shown = text if width <= room else metrics.elidedText(
            text, Qt.TextElideMode.ElideRight, room)
        width = min(width, room)
        box = QRect(x, area.top(), width, area.height())
        if matched:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors["accent_soft"])
            painter.drawRoundedRect(QRectF(box).adjusted(-2, 0, 2, 0), 3, 3)
        painter.setFont(marked if matched else font)
        painter.setPen(colors["text"] if matched else colors["muted"])
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        x += width
        if shown != text:
            break


def _lead_in(pieces: tuple[tuple[str, bool], ...], metrics: QFontMetrics,
             room: int) -> tuple[tuple[str, bool], ...]:
    """Shorten the text before the first matched word to at most `room` pixels
    (keeping its last words), so the match itself is always in view."""
    if not pieces or pieces[0][1] or len(pieces) < 2:
        return pieces
    lead = " ".join(pieces[0][0].splitlines())
    if metrics.horizontalAdvance(lead) <= room:
        return pieces
    tail = " " if lead.endswith(" ") else ""
    words = lead.split()
    kept: list[str] = []
    while words and metrics.horizontalAdvance(
            "…" + " ".join([words[-1], *kept]) + tail) <= room:
        kept.insert(0, words.pop())
    return (("…" + " ".join(kept) + tail, False), *pieces[1:])


def _draw_meta(painter: QPainter, area: QRect, row: EntryRow, font: QFont,
               colors: dict[str, QColor]) -> None:
    metrics = QFontMetrics(font)
    painter.setFont(font)
    x = area.left()
    for key, label in CHECKIN_SHORT:
        value = getattr(row.checkin, key)
        if value is None:
            continue
        text = f"{label} {value}"
        width = metrics.horizontalAdvance(text) + 12
        if x + width > area.right():
            return
        pill = QRectF(x, area.top(), width, area.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors["accent_soft"])
        painter.drawRoundedRect(pill, area.height() / 2, area.height() / 2)
        painter.setPen(colors["text"])
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        x += width + 6
    painter.setPen(colors["accent"])
    for tag in row.tags:
        text = f"#{tag}"
        width = metrics.horizontalAdvance(text)
        if x + width > area.right():
            painter.drawText(QRect(x, area.top(), area.right() - x, area.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "…")
            return
        painter.drawText(QRect(x, area.top(), width + 1, area.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        x += width + 8
