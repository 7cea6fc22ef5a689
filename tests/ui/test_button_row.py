"""A row of buttons stacks them when they don't fit, so no label is cut off at the
largest text size or in a narrow window."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from trustdesk.ui import theme
from trustdesk.ui.widgets.button_row import ButtonRow


def shown_row(qtbot, width: int) -> tuple[QWidget, ButtonRow, list[QPushButton]]:
    """The Your data section's three buttons in a ButtonRow, at the top of a shown
    window `width` pixels wide."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    buttons = [QPushButton(text) for text in ("Export everything (JSON)…",
                                              "Export journal as Markdown…", "Import…")]
    row = ButtonRow(buttons)
    column.addWidget(row)
    column.addStretch(1)
    qtbot.addWidget(holder)
    holder.resize(width, 400)
    holder.show()
    return holder, row, buttons


def test_buttons_sit_side_by_side_when_they_fit_and_stack_when_not(qtbot, qapp):
    holder, row, buttons = shown_row(qtbot, 1000)
    qtbot.waitUntil(lambda: row.width() > 900)
    assert not row.is_stacked()
    assert len({b.y() for b in buttons}) == 1 and buttons[0].x() < buttons[1].x() < buttons[2].x()
    holder.resize(row.minimumSizeHint().width() + 30, 400)
    qtbot.waitUntil(row.is_stacked)
    qtbot.waitUntil(lambda: row.height() >= sum(b.height() for b in buttons))
    assert buttons[0].y() < buttons[1].y() < buttons[2].y()
    assert all(b.width() >= b.sizeHint().width() and b.geometry().right() < row.width()
               for b in buttons), "no label is cut off"


def test_the_largest_text_size_restacks(qtbot, qapp):
    _holder, row, buttons = shown_row(qtbot, 640)
    qtbot.waitUntil(lambda: row.width() > 0)
    assert not row.is_stacked()
    theme.apply(qapp, theme="light", text_scale=150)
    qtbot.waitUntil(row.is_stacked)
    qtbot.waitUntil(lambda: all(b.width() >= b.sizeHint().width() for b in buttons))
