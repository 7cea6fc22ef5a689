"""The summary's pages on screen, one at a time, before printing or saving."""

from __future__ import annotations

from typing import override

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


class PreviewPane(QWidget):
    """Shows page images from `report.summary.preview_images`, scaled to the width
    available, with previous/next (also Page Up / Page Down)."""

    back_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.images: list[QImage] = []
        self.index = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        nav = QHBoxLayout()
        self.back = QPushButton("← Back to choices")
        self.back.setAccessibleName("Back to choices")
        self.back.clicked.connect(self.back_requested)
        nav.addWidget(self.back)
        nav.addStretch(1)
        self.previous = QPushButton("Previous page")
        self.previous.clicked.connect(lambda: self.show_page(self.index - 1))
        self.position = QLabel("")
        self.position.setAccessibleDescription("Page shown")
        self.position.setMinimumWidth(110)
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next = QPushButton("Next page")
        self.next.clicked.connect(lambda: self.show_page(self.index + 1))
        for widget in (self.previous, self.position, self.next):
            nav.addWidget(widget)
        layout.addLayout(nav)
        self.page = QLabel()
        self.page.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page.setAccessibleName("Page preview")
        self.page.setObjectName("PreviewPage")
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("PreviewScroll")
        self.scroll_area.setAccessibleName("Page preview, scrolls")   # a Tab stop: arrows scroll
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.page)
        layout.addWidget(self.scroll_area, 1)
        for keys, step in ((QKeySequence.StandardKey.MoveToNextPage, 1),
                           (QKeySequence.StandardKey.MoveToPreviousPage, -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.show_page(self.index + s))

    def set_pages(self, images: list[QImage]) -> None:
        self.images = list(images)
        self.show_page(0)

    def clear(self) -> None:
        self.images = []
        self.page.clear()
        self.position.setText("")

    def show_page(self, index: int) -> None:
        if not self.images:
            return
        self.index = max(0, min(index, len(self.images) - 1))
        self.position.setText(f"Page {self.index + 1} of {len(self.images)}")
        self.previous.setEnabled(self.index > 0)
        self.next.setEnabled(self.index < len(self.images) - 1)
        self._paint_page()
        self.scroll_area.verticalScrollBar().setValue(0)

    def _paint_page(self) -> None:
        image = self.images[self.index]
        ratio = self.devicePixelRatioF()
        natural = image.width() / max(image.devicePixelRatio(), 1.0)
        width = max(200.0, min(natural, self.scroll_area.viewport().width() - 24))
        scaled = image.scaledToWidth(round(width * ratio),
                                     Qt.TransformationMode.SmoothTransformation)
        pixmap = QPixmap.fromImage(scaled)
        pixmap.setDevicePixelRatio(ratio)
        self.page.setPixmap(pixmap)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.images:
            self._paint_page()
