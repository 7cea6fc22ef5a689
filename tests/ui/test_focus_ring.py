"""The keyboard's place is always visible: a focus ring at least 2 px wide, in a
colour with at least 3:1 contrast against what it replaces and what surrounds it,
in both themes; on fields, buttons, lists and the journal's entry list (and its
current row)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor

from tests.ui.journal_helpers import journal_of
from trustdesk import resources
from trustdesk.domain.settings import AppSettings
from trustdesk.ui import theme

FOCUSABLE = ("QLineEdit", "QPlainTextEdit", "QSpinBox", "QDateEdit", "QDateTimeEdit",
             "QComboBox", "QPushButton", "QListView", "QTableView")


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast(one: QColor, two: QColor) -> float:
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_ring_colours_stand_out_in_both_themes(mode):
    c = theme.colors(mode)
    for around in ("border", "surface", "window", "sidebar"):
        assert contrast(c["accent"], c[around]) >= 3, (mode, around)
    # Round a filled (primary) button, the ring is drawn in text colour where a clear
    # border lets the background show.
    for around in ("surface", "window"):
        assert contrast(c["text"], c[around]) >= 3, (mode, "primary", around)


def test_every_focus_rule_draws_at_least_2_px_and_every_kind_of_control_has_one():
    qss = resources.read_text("styles", "app.qss")
    rules = re.findall(r"([^{}]*:focus[^{}]*)\{([^}]*)\}", qss)
    assert rules
    for selector, body in rules:
        for width in re.findall(r"border(?:-\w+)?:\s*(\d+)px", body):
            assert int(width) >= 2, selector.strip()
    selectors = " ".join(selector for selector, _body in rules)
    for kind in FOCUSABLE:
        assert f"{kind}:focus" in selectors, kind


def _edge_colors(widget) -> list[QColor]:
    image = widget.grab().toImage()
    y = image.height() // 2
    return [image.pixelColor(x, y) for x in (0, 1)]


def _close(one: QColor, two: QColor) -> bool:
    return max(abs(one.red() - two.red()), abs(one.green() - two.green()),
               abs(one.blue() - two.blue())) <= 40


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_a_focused_field_and_the_entry_list_show_a_2px_ring(qtbot, unlocked, mode):
    unlocked.session.apply_settings(AppSettings(theme=mode, text_scale=100))
    page = journal_of(unlocked)
    accent = theme.colors()["accent"]
    for widget in (page.bar.search, page.list):
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        qtbot.wait(20)
        assert all(_close(color, accent) for color in _edge_colors(widget)), \
            (widget.accessibleName(), [c.name() for c in _edge_colors(widget)], accent.name())


def test_the_entry_lists_current_row_is_ringed_while_the_list_has_focus(qtbot, unlocked):
    page = journal_of(unlocked)
    page.new_entry()
    qtbot.keyClicks(page.editor.body, "a row to focus")
    page.save_now()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    page.list.setCurrentIndex(page.model.index(0, 0))
    page.list.setFocus()
    qtbot.waitUntil(page.list.hasFocus)
    qtbot.wait(20)
    accent = theme.colors()["accent"]
    rect = page.list.visualRect(page.model.index(0, 0))
    image = page.list.viewport().grab().toImage()
    y = rect.center().y()
    right = rect.right() - 1
    assert _close(image.pixelColor(right, y), accent), image.pixelColor(right, y).name()
