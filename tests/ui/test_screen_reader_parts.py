"""The parts a screen reader relies on, checked in-process through Qt's accessibility
interfaces (the walk over the real bus is test_screen_reader_bus.py)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QVBoxLayout, QWidget

from trustdesk.domain.guide.chapters import load_guide
from trustdesk.domain.journal import HEADING_CHARS, CheckIn, Entry, row_of
from trustdesk.ui.guide.chapter_view import ChapterView
from trustdesk.ui.journal.list_model import spoken
from trustdesk.ui.journal.rating import RatingBar
from trustdesk.ui.widgets.column import page_scroll
from trustdesk.ui.widgets.labels import text_label


def test_a_check_in_rating_is_a_slider_whose_value_tools_can_set(qtbot):
    bar = RatingBar("Mood")
    qtbot.addWidget(bar)
    face = QAccessible.queryAccessibleInterface(bar)
    assert face.role() == QAccessible.Role.Slider
    assert face.text(QAccessible.Text.Name) == "Mood"
    assert face.text(QAccessible.Text.Description) == "Not rated"
    chosen = []
    bar.value_changed.connect(chosen.append)
    assert bar.rating() is None
    bar.setValue(5)                    # the resting value, as a tool would set it
    assert chosen == [5] and bar.rating() == 5
    bar.setValue(8)
    assert chosen == [5, 8] and face.text(QAccessible.Text.Description) == "8 of 10"
    bar.set_rating(None)                # shown, not chosen: nothing emitted
    assert chosen == [5, 8] and face.text(QAccessible.Text.Description) == "Not rated"


def test_selecting_a_sidebar_row_without_making_it_current_shows_its_page(qtbot, unlocked):
    workspace = unlocked.workspace
    nav = workspace.nav
    row = workspace.page_keys().index("progress")
    nav.selectionModel().select(nav.model().index(row, 0),
                                QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.waitUntil(lambda: workspace.current_key() == "progress", timeout=3000)
    assert workspace.stack.currentWidget() is workspace.page("progress")


def test_checking_a_step_button_without_a_click_shows_that_step(qtbot, unlocked, no_dialogs):
    page = unlocked.workspace.show_page("worksheets")
    page.start_worksheet(None)
    form = page.form
    form.chips[2].setChecked(True)       # what a reader's Toggle action does
    qtbot.waitUntil(lambda: form.index == 2, timeout=3000)
    assert form.step_name.text() == "Step 3 of 8"


def test_a_journal_row_reads_title_date_ratings_tags_in_whole_sentences():
    long_line = "word " * 40
    entry = Entry.new(written_at=datetime(2025, 3, 2, 9, 5),
                      body="Jonas asked for advice, and people do come to me.\nMore.",
                      checkin=CheckIn(mood=5, trust_self=7), tags=("friends",))
    assert spoken(row_of(entry)) == (
        "Jonas asked for advice, and people do come to me. Sunday 2 March 2025, 09:05. "
        "Mood 5 of 10, trust in others not rated, trust in myself 7 of 10. Tags: friends.")
    cut = spoken(row_of(Entry.new(written_at=datetime(2025, 3, 2, 9, 5),
                                  body="Storms " + long_line)))
    assert len(row_of(Entry.new(written_at=datetime(2025, 3, 2, 9, 5),
                                body="Storms " + long_line)).heading) == HEADING_CHARS
    assert cut.startswith("Storms word") and "word… Sunday 2 March 2025, 09:05." in cut
    assert ".." not in cut and "wor." not in cut


def test_page_scroll_areas_are_no_tab_stop_of_their_own(qtbot):
    scroll = page_scroll(text_label("Some text"))
    qtbot.addWidget(scroll)
    assert scroll.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_a_page_scroll_area_keeps_its_accessible_children_while_its_page_hides(qtbot):
    """Qt's scroll-area interface counts a scroll bar among its children only while
    the bar is visible, and `child(i)` doesn't check `i`: a count read by a screen
    reader just before the page hid, then child 1, read freed memory and crashed the
    app. A page's scroll area must keep one count, shown or hidden."""
    page = QWidget()
    tall = QWidget()
    tall.setMinimumHeight(2000)
    scroll = page_scroll(tall)
    QVBoxLayout(page).addWidget(scroll)
    qtbot.addWidget(page)
    page.resize(400, 300)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)
    face = QAccessible.queryAccessibleInterface(scroll)
    shown = face.childCount()
    page.hide()                        # another page or chapter takes its place
    assert face.childCount() == shown
    assert all(face.child(i) is not None for i in range(shown))


def test_a_chapter_lists_its_headings_and_moves_between_them(qtbot):
    guide = load_guide()
    view = ChapterView(guide)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    chapter = guide.chapters[2]
    view.show_chapter(chapter)
    headings = [text for _, text in view.text.headings()]
    sections = view.header.sections
    assert len(headings) >= 3
    assert [sections.itemText(i) for i in range(sections.count())] == headings
    assert sections.accessibleName().startswith("Sections")
    view.next_heading()
    assert sections.currentText() == headings[0]
    view.next_heading()
    assert sections.currentText() == headings[1]
    assert view.text.textCursor().block().text() == headings[1]
    view.previous_heading()
    assert sections.currentText() == headings[0]
    sections.activated.emit(2)
    assert view.text.textCursor().block().text() == headings[2]


def tab_stops(root) -> list:
    """The visible Tab stops under `root`, in the order Tab visits them."""
    first = root.nextInFocusChain()
    stops, widget = [], first
    while True:
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible()
                and widget.isEnabled() and root.isAncestorOf(widget)):
            stops.append(widget)
        widget = widget.nextInFocusChain()
        if widget is first or len(stops) > 400:
            return stops


def test_tab_on_progress_and_settings_follows_the_page_from_top_to_bottom(qtbot, unlocked):
    from tests.ui.progress_helpers import fill, show_progress

    fill(unlocked, days=60)
    page = show_progress(qtbot, unlocked)
    unlocked.resize(1100, 800)
    stops = tab_stops(page)
    tops = [stop.mapTo(page, stop.rect().topLeft()).y() for stop in stops]
    assert tops == sorted(tops), [(s.accessibleName() or s.objectName(), y)
                                  for s, y in zip(stops, tops, strict=True)]
    card = page.cards["checkins"]
    at = stops.index(card.reading)
    assert stops[at + 1] is card.toggle      # the table is one key from the sentence
    settings = unlocked.workspace.show_page("settings")
    stops = tab_stops(settings)
    tops = [stop.mapTo(settings, stop.rect().topLeft()).y() for stop in stops]
    assert tops == sorted(tops)
