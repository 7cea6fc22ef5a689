"""One progress chart on screen, painted by the same `report.charts.paint` that
draws it into the PDF and onto paper, in the current theme's colours."""

from __future__ import annotations

from typing import override

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from trustdesk.domain.progress import ProgressSummary
from trustdesk.report import charts
from trustdesk.report.style import PAPER_FONT_PT, ChartStyle
from trustdesk.ui import theme

TEXT_RATIO = 0.92    # chart labels are a little smaller than body text
TITLE_PT = 14.0      # the painted title we leave out (the card shows it as a label)
BAR_ROWS = {"traps": lambda s: len(s.traps.traps), "steps": lambda s: 4}


def screen_style() -> ChartStyle:
    """The chart style for the current theme and text size."""
    font_pt = theme.base_point_size() * TEXT_RATIO
    return ChartStyle.from_tokens(theme.colors(), font_pt=font_pt,
                                  font_family=theme.current_font().family()
                                  ).with_(show_title=False)


class ChartView(QLabel):
    """Paints chart `kind` for the summary it is given; blank without one.

    UI thread only. Follows the theme (`theme.notifier.changed`). The chart's
    numbers are also offered as a table by the card around it; this widget takes
    no focus. To assistive tools it is an image (a QLabel holding a picture is one)
    named by its reading, the same sentence the card shows as text above it."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if kind not in charts.TITLES:
            raise KeyError(kind)
        self.kind = kind
        self.summary: ProgressSummary | None = None
        self.style_ = screen_style()
        self.frame: charts.ChartFrame | None = None
        self._picture: QPixmap | None = None
        self._picture_key: tuple | None = None
        mark = QPixmap(1, 1)          # never shown (paintEvent draws the chart); it
        mark.fill(Qt.GlobalColor.transparent)   # makes Qt present the label as an image
        self.setPixmap(mark)
        self.setAccessibleName(charts.TITLES[kind])
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        theme.notifier.changed.connect(self._restyle)
        self._fit_height()

    def set_summary(self, summary: ProgressSummary | None) -> None:
        self.summary = summary
        self.frame = None
        self._picture = None
        self.setAccessibleName(summary.reading(self.kind) if summary else charts.TITLES[self.kind])
        self.setAccessibleDescription(charts.TITLES[self.kind] if summary else "")
        self._fit_height()
        self.update()

    def _restyle(self, _mode: str = "") -> None:
        self.style_ = screen_style()
        self._picture = None
        self._fit_height()
        self.update()

    def _fit_height(self) -> None:
        """The chart's natural height, grown with the text size. Bar charts get just
        the rows they draw (one and nine tenths of a line each, as `hbars` does)."""
        per_pt = max(self.logicalDpiY(), 1) / 72
        if self.kind in BAR_ROWS and self.summary is not None:
            rows = max(BAR_ROWS[self.kind](self.summary), 2)
            line = QFontMetricsF(self.style_.font(1.0)).height()
            note = QFontMetricsF(self.style_.font(0.9)).height()
            pixels = note + 6 * per_pt + rows * line * 1.9 + 2
        else:
            points = (charts.preferred_height_pt(self.kind, self.summary) - TITLE_PT
                      if self.summary is not None else 120.0)
            pixels = points * self.style_.font_pt / PAPER_FONT_PT * per_pt
        self.setFixedHeight(round(pixels))

    @override
    def sizeHint(self) -> QSize:
        return QSize(640, self.height())

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.height())

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the chart from a cached picture, made again only when the size, the
        summary or the style changed: scrolling the page then costs a copy, not a
        redraw of ten years of points."""
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, id(self.summary), self.style_)
        if self._picture is None or self._picture_key != key:
            self._picture = self._draw(ratio)
            self._picture_key = key
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture)
        painter.end()

    def _draw(self, ratio: float) -> QPixmap:
        picture = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        picture.setDevicePixelRatio(ratio)
        picture.fill(theme.colors()["surface"])
        painter = QPainter(picture)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            if self.summary is not None:
                rect = QRectF(0, 0, self.width(), self.height())
                self.frame = charts.paint(self.kind, painter, rect, self.summary, self.style_)
        finally:
            painter.end()
        return picture
