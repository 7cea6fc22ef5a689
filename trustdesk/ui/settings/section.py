"""The card every settings section is drawn on: a heading, an optional line of
introduction, a form of labelled rows and, for sections that work in the
background, a progress bar."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trustdesk.ui import tasks
from trustdesk.ui.widgets.busy import give_focus_back, hold_focus
from trustdesk.ui.widgets.labels import text_label


class Section(QFrame):
    """A titled card on the settings page."""

    def __init__(self, title: str, intro: str = "") -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 20, 24, 20)
        self.layout_.setSpacing(10)
        heading = text_label(title, "heading")
        heading.setAccessibleName(title)
        self.layout_.addWidget(heading)
        if intro:
            self.layout_.addWidget(text_label(intro, "muted"))
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(18)
        self.form.setVerticalSpacing(10)
        self.layout_.addLayout(self.form)

    def add_row(self, text: str, field: QWidget) -> QLabel:
        """A labelled row whose label sits level with the middle of its field."""
        label = QLabel(text)
        label.setBuddy(field)
        label.setMinimumHeight(field.sizeHint().height())
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.form.addRow(label, field)
        return label

    def labels(self) -> list[QWidget]:
        """The labels of the form's labelled rows, in order."""
        found: list[QWidget] = []
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if widget is not None:
                found.append(widget)
        return found

    def add_progress(self, name: str) -> QProgressBar:
        """A hidden percentage bar, next in the card, for this section's background work
        (shown while it runs); `name` is what a screen reader calls it."""
        bar = QProgressBar()
        bar.setRange(0, 100)
        bar.setTextVisible(False)
        bar.setAccessibleName(name)
        bar.hide()
        self.layout_.addWidget(bar)
        return bar


class WorkingSection(Section):
    """A section that runs one piece of background work at a time: its buttons wait,
    focus waits on the result line `status`, and the card's bar `progress` shows how
    far it is. Subclasses create `status` and `progress` (with `add_progress`) where
    they belong in their card."""

    status: QLabel
    progress: QProgressBar

    def __init__(self, title: str, intro: str = "") -> None:
        super().__init__(title, intro)
        self.task: tasks.Task | None = None
        self._had_focus: QPushButton | None = None

    def run_in_background(self, buttons: Sequence[QPushButton],
                          work: Callable[[Callable[[int], None]], Any],
                          on_done: Callable[[Any], None],
                          on_failed: Callable[[BaseException], None]) -> None:
        """Run `work(report)` off the UI thread; `on_done` or `on_failed` runs after
        the bar is hidden and focus is back, unless the section is gone by then."""
        self._had_focus = hold_focus(buttons, self.status)
        self.progress.setValue(0)
        self.progress.show()

        def finished(result: Any) -> None:
            if self._finish(buttons):
                on_done(result)

        def failed(error: BaseException) -> None:
            if self._finish(buttons):
                on_failed(error)

        self.task = tasks.run_task(work, with_progress=True, on_done=finished,
                                   on_failed=failed)
        self.task.progress.connect(self.progress.setValue)

    def _finish(self, buttons: Sequence[QPushButton]) -> bool:
        self.task = None
        if not shiboken6.isValid(self):
            return False
        self.progress.hide()
        give_focus_back(buttons, self.status, self._had_focus)
        self._had_focus = None
        return True


def align_label_columns(sections: Iterable[Section]) -> int:
    """Give every section's labels the width of the widest, so the fields of all
    the cards start on one line. Call again when the text size changes. Returns
    that width."""
    labels = [label for section in sections for label in section.labels()]
    for label in labels:
        label.setMinimumWidth(0)
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)
    return width
