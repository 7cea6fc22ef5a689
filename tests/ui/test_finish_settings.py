"""Settings read as one form: the fields of every card start on one line, at any
text size (the labels of each card used to set their own column)."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFormLayout

from trustdesk.ui import theme
from trustdesk.ui.settings.section import Section


def field_starts(page) -> dict[str, int]:
    starts = {}
    for section in page.findChildren(Section):
        for row in range(section.form.rowCount()):
            item = section.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = section.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is None or label is None or item.widget() is None:
                continue
            name = label.widget().text().replace("&", "") or f"row {row}"
            starts[name] = item.widget().mapTo(page, QPoint(0, 0)).x()
    return starts


def test_every_settings_field_starts_on_one_line(qtbot, qapp, unlocked):
    page = unlocked.workspace.show_page("settings")
    qtbot.waitUntil(lambda: page.isVisible() and page.width() > 100)
    qtbot.wait(50)
    starts = field_starts(page)
    assert {"Theme", "Lock automatically", "Current"} <= set(starts)
    assert len(set(starts.values())) == 1, starts

    theme.apply(qapp, theme="light", text_scale=150)
    qtbot.wait(100)
    larger = field_starts(page)
    assert len(set(larger.values())) == 1, larger
    assert min(larger.values()) > min(starts.values()), "the column grows with the text"
