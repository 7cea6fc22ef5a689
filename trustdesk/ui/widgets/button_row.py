"""A row of buttons that stacks them one under another when they don't fit side by
side (a narrow window, the largest text size), so no label is ever cut off."""

from __future__ import annotations

from collections.abc import Sequence
from typing import override

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

SPACING = 8


class ButtonRow(QWidget):
    """Buttons left to right at their natural size, or top to bottom when the width
    is too small. Places them itself (no layout), so its height for a width is
    exact. Tab order follows the given order."""

    def __init__(self, buttons: Sequence[QPushButton]) -> None:
        super().__init__()
        self._buttons = list(buttons)
        for button in self._buttons:
            button.setParent(self)
        for first, second in zip(self._buttons, self._buttons[1:], strict=False):
            QWidget.setTabOrder(first, second)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _row_width(self) -> int:
        return (sum(b.sizeHint().width() for b in self._buttons)
                + SPACING * (len(self._buttons) - 1))

    def _height(self, stacked: bool) -> int:
        heights = [b.sizeHint().height() for b in self._buttons]
        return sum(heights) + SPACING * (len(heights) - 1) if stacked else max(heights)

    def fits(self, width: int) -> bool:
        return self._row_width() <= width

    def is_stacked(self) -> bool:
        return not self.fits(self.width())

    @override
    def sizeHint(self) -> QSize:
        return QSize(self._row_width(), self._height(False))

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(max(b.sizeHint().width() for b in self._buttons), self._height(False))

    @override
    def hasHeightForWidth(self) -> bool:
        return True

    @override
    def heightForWidth(self, width: int) -> int:
        return self._height(not self.fits(width))

    def _place(self) -> None:
        stacked = self.is_stacked()
        x = y = 0
        for button in self._buttons:
            hint = button.sizeHint()
            button.setGeometry(x, y, hint.width(), hint.height())
            if stacked:
                y += hint.height() + SPACING
            else:
                x += hint.width() + SPACING

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fits(event.size().width()) != self.fits(event.oldSize().width()):
            self.updateGeometry()  # the height changes with the arrangement
        self._place()

    @override
    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.FontChange,
                            QEvent.Type.StyleChange):
            self.updateGeometry()
            self._place()
        return super().event(event)
