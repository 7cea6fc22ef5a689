"""The Journal page in small windows and with large text: the editor's rows
restack instead of squeezing, so every control keeps the width it needs and
stays inside the window; with room to spare, each row stays on one line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from tests.ui.journal_helpers import journal_of
from trustdesk.domain.settings import TEXT_SCALES, AppSettings

LARGEST = max(TEXT_SCALES)


def _inside_window(window, widget) -> bool:
    right = widget.mapTo(window, QPoint(widget.width(), 0)).x()
    return widget.mapTo(window, QPoint(0, 0)).x() >= 0 and right <= window.width()


@pytest.mark.parametrize("size, scale", [((960, 640), LARGEST), ((960, 640), 100),
                                         ((1280, 800), LARGEST)])
def test_no_editor_control_is_squeezed_or_cut_off(qtbot, unlocked, size, scale):
    unlocked.resize(*size)
    unlocked.session.apply_settings(AppSettings(theme="light", text_scale=scale))
    editor = journal_of(unlocked).editor
    qtbot.wait(100)
    controls = [editor.when, editor.preview_button, editor.delete_button, editor.title,
                editor.tags, *editor.checkin.bars.values()]
    for control in controls:
        assert control.isVisible(), control.accessibleName()
        assert control.width() >= control.minimumSizeHint().width(), control.accessibleName()
        assert _inside_window(unlocked, control), control.accessibleName()
    assert editor.body.height() >= editor.body.minimumHeight() > 0


def test_the_smallest_window_with_the_largest_text_restacks(qtbot, unlocked):
    unlocked.resize(960, 640)
    unlocked.session.apply_settings(AppSettings(theme="light", text_scale=LARGEST))
    editor = journal_of(unlocked).editor

    def inside(widget, outer) -> bool:
        corner = widget.mapTo(outer, widget.rect().bottomRight())
        return corner.x() < outer.width() and corner.y() < outer.height()

    def fits() -> bool:                 # restacked where needed: nothing cut off
        rows = [widget for row in editor.checkin._rows for widget in row[1:]
                if hasattr(widget, "mapTo")]
        return (editor.isVisible() and rows
                and all(inside(widget, editor.checkin) for widget in rows)
                and inside(editor.delete_button, editor))

    qtbot.waitUntil(fits)
    link = unlocked.workspace.safety_link
    assert link.width() >= link.sizeHint().width()      # the safety link is whole


def test_a_roomy_window_keeps_each_row_on_one_line(qtbot, unlocked):
    unlocked.resize(1280, 800)
    editor = journal_of(unlocked).editor
    qtbot.waitUntil(lambda: editor.isVisible() and editor.width() > 500)
    assert not editor.header_is_stacked()
    assert not editor.checkin.is_stacked()
    tags_label = editor.checkin._rows[-1][0]
    assert tags_label.text() == "Tags" and tags_label.isVisible()
