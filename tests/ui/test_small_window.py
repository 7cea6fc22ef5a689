"""At the smallest window size every page still works: Lock is always on screen, and
each page's main controls are on screen or inside a scroll area that brings them
into view, at full width, never clipped by the window's edge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QPushButton, QScrollArea, QWidget

from tests.ui.journal_helpers import journal_of
from trustdesk.domain.settings import AppSettings
from trustdesk.ui.window_fit import MIN_SIZE


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None \
                and parent.widget().isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None


def assert_reachable(qtbot, window: QWidget, widget: QWidget, name: str) -> None:
    """`widget` shows at a usable width, and lies inside the window, once whatever
    scroll area holds it has scrolled to it."""
    assert widget.isVisible(), f"{name} is hidden"
    assert widget.width() >= widget.minimumSizeHint().width(), f"{name} is squeezed"
    area = _scroll_area_of(widget)
    if area is not None:
        corner = widget.mapTo(area.widget(), QPoint(0, 0))  # scroll the whole of it in
        half_width, half_height = (widget.width() + 1) // 2, (widget.height() + 1) // 2
        area.ensureVisible(corner.x() + half_width, corner.y() + half_height,
                           half_width, half_height)
        qtbot.wait(10)
        view = area.viewport()
        seen = _rect_in(widget, view)
        if widget.height() <= view.height():
            assert view.rect().contains(seen), f"{name} can't be scrolled into view: {seen}"
        else:
            assert view.rect().intersects(seen), f"{name} can't be scrolled into view"
        assert window.rect().contains(_rect_in(view, window)), f"{name}'s scroll area is clipped"
    else:
        assert window.rect().contains(_rect_in(widget, window)), \
            f"{name} is cut off: {_rect_in(widget, window)} in {window.rect()}"


def _controls(window, key: str) -> dict[str, QWidget]:
    page = window.workspace.page(key)
    if key == "journal":
        editor = journal_of(window).editor
        controls = {"New entry": page.new_button, "Search": page.bar.search,
                    "Entry list": page.list, "Title": editor.title, "Tags": editor.tags,
                    "When": editor.when, "Delete": editor.delete_button}
        controls.update({f"check-in {name}": bar for name, bar in editor.checkin.bars.items()})
        return controls
    if key == "guide":
        contents = page.contents
        cards = contents.cards_box.findChildren(QPushButton)
        return {"Guide search": contents.search_box, "First chapter": cards[0],
                "Last chapter": cards[-1]}
    if key == "worksheets":
        view = page.list_view
        return {"New worksheet": view.new_button, "Fear filter": view.category_filter,
                "Status filter": view.status_filter}
    if key == "progress":
        return {"Print summary": page.print_button, "Period": page.picker.combo}
    if key == "settings":
        return {"Theme": page.appearance.theme_box, "Text size": page.appearance.size_box,
                "Erase": page.safety.erase.erase_button}
    raise AssertionError(key)


@pytest.mark.parametrize("text_scale", [100, 150])
@pytest.mark.parametrize("key", ["guide", "journal", "worksheets", "progress", "settings"])
def test_every_page_fits_the_smallest_window(qtbot, unlocked, key, text_scale):
    unlocked.session.apply_settings(AppSettings(theme="light", text_scale=text_scale))
    unlocked.resize(*MIN_SIZE)
    qtbot.waitUntil(lambda: (unlocked.width(), unlocked.height()) == MIN_SIZE)
    unlocked.workspace.show_page(key)
    qtbot.wait(50)
    workspace = unlocked.workspace
    assert_reachable(qtbot, unlocked, workspace.lock_button, "Lock")
    for row in range(workspace.nav.count()):
        rect = workspace.nav.visualItemRect(workspace.nav.item(row))
        assert workspace.nav.viewport().rect().contains(rect), f"page {row} is cut off"
    for name, widget in _controls(unlocked, key).items():
        assert_reachable(qtbot, unlocked, widget, name)


def test_a_worksheet_fits_the_smallest_window_at_every_step(qtbot, unlocked):
    unlocked.resize(*MIN_SIZE)
    page = unlocked.workspace.show_page("worksheets")
    page.start_worksheet(None)
    form = page.form
    qtbot.waitUntil(form.isVisible)
    for index in range(len(form.chips)):
        form.go_to(index)
        qtbot.wait(20)
        assert_reachable(qtbot, unlocked, form.next_button, f"Next on step {index + 1}")
        assert_reachable(qtbot, unlocked, form.chips[index], f"Chip {index + 1}")
        assert_reachable(qtbot, unlocked, unlocked.workspace.lock_button, "Lock")
        step = form.stack.currentWidget()
        assert unlocked.rect().contains(_rect_in(step, unlocked)), f"step {index + 1} is cut off"
        assert step.height() >= 120, f"step {index + 1} leaves no room to write"


def test_with_large_text_in_the_smallest_window_the_journal_list_goes_above_the_editor(
        qtbot, unlocked):
    unlocked.session.apply_settings(AppSettings(theme="light", text_scale=150))
    unlocked.resize(*MIN_SIZE)
    page = journal_of(unlocked)
    qtbot.waitUntil(page.splitter.is_stacked)
    assert page.list.height() > 0 and page.editor.isVisible()
    unlocked.resize(1280, 800)
    qtbot.waitUntil(lambda: not page.splitter.is_stacked())
