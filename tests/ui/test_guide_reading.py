"""Reading the guide in the real window: the contents list, reading a chapter to its
end, previous/next, keyboard scrolling, the safety note, and the place kept in the
vault across a lock."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import unlock
from trustdesk.domain.guide.chapters import load_guide
from trustdesk.domain.guide.progress import POSITION_KEY, READ_KEY, reading_progress
from trustdesk.ui.guide import GuidePage

GUIDE = load_guide()
IDS = GUIDE.ids()


def guide_page(window) -> GuidePage:
    """The Guide page, shown (the journal is where unlocking lands)."""
    page = window.workspace.show_page("guide")
    assert isinstance(page, GuidePage)
    return page


def settled_chapter(qtbot, page: GuidePage, chapter_id: str) -> None:
    """Wait until the chapter is on screen and laid out (it scrolls)."""
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.chapter_view
                    and page.chapter_view.current() is not None
                    and page.chapter_view.current().id == chapter_id
                    and page.chapter_view.scroll_area.verticalScrollBar().maximum() > 0)


def test_the_guide_follows_today_in_the_sidebar_and_opens_on_its_contents(unlocked):
    workspace = unlocked.workspace
    assert workspace.nav.item(1).text() == "Guide"
    page = guide_page(unlocked)
    assert workspace.current_key() == "guide"
    assert page.stack.currentWidget() is page.contents
    assert page.contents.progress_label.text() == "0 of 9 chapters read"
    assert [card.title.text() for card in page.contents.cards] == [
        f"{c.number}. {c.title}" for c in GUIDE.chapters]
    assert all(card.mark.text() == "Not read yet" for card in page.contents.cards)
    assert page.contents.cards[0].meta.text() == f"{GUIDE.chapters[0].minutes} min read"
    assert not page.contents.continue_button.isVisible()


def test_reading_a_chapter_to_its_end_marks_it_read(qtbot, unlocked):
    page = guide_page(unlocked)
    qtbot.mouseClick(page.contents.cards[2], Qt.MouseButton.LeftButton)
    settled_chapter(qtbot, page, IDS[2])
    view = page.chapter_view
    assert not view.read_mark.isVisible()
    qtbot.keyClick(view.text, Qt.Key.Key_PageDown)
    assert not page.progress.is_read(IDS[2]), "one page down is not the end"
    qtbot.keyClick(view.text, Qt.Key.Key_End)
    assert view.at_end()
    assert page.progress.is_read(IDS[2])
    assert view.read_mark.isVisible()
    assert reading_progress(unlocked.session.store.settings) == (1, 9)

    qtbot.mouseClick(view.contents_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.contents
    assert page.contents.progress_label.text() == "1 of 9 chapters read"
    assert page.contents.progress_bar.value() == 1
    assert page.contents.cards[2].mark.text() == "✓ Read"
    assert page.contents.cards[3].mark.text() == "Not read yet"
    assert "read" in page.contents.cards[2].accessibleDescription()


def test_next_counts_as_read_and_previous_goes_back(qtbot, unlocked):
    page = guide_page(unlocked)
    page.open_chapter(IDS[0])
    view = page.chapter_view
    assert view.previous_button.isHidden()
    assert view.next_button.text() == f"Next: {GUIDE.chapters[1].title} →"
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.current().id == IDS[1]
    assert page.progress.is_read(IDS[0]) and not page.progress.is_read(IDS[1])
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.current().id == IDS[0]
    qtbot.keyClick(view.text, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.current().id == IDS[1]
    qtbot.keyClick(view.text, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.current().id == IDS[0]
    page.open_chapter(IDS[-1])
    assert view.next_button.isHidden() and not view.previous_button.isHidden()


def test_keyboard_scrolls_the_chapter(qtbot, unlocked):
    page = guide_page(unlocked)
    page.open_chapter(IDS[8])
    settled_chapter(qtbot, page, IDS[8])
    text = page.chapter_view.text
    bar = page.chapter_view.scroll_area.verticalScrollBar()
    assert bar.value() == 0
    qtbot.keyClick(text, Qt.Key.Key_Space)
    after_space = bar.value()
    assert after_space > bar.pageStep() / 2
    qtbot.keyClick(text, Qt.Key.Key_PageDown)
    assert bar.value() > after_space
    qtbot.keyClick(text, Qt.Key.Key_PageUp)
    assert bar.value() == after_space
    qtbot.keyClick(text, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert bar.value() == 0
    qtbot.keyClick(text, Qt.Key.Key_Down)
    assert bar.value() == bar.singleStep() > 0
    qtbot.keyClick(text, Qt.Key.Key_Up)
    assert bar.value() == 0
    qtbot.keyClick(text, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(text, Qt.Key.Key_Home)
    assert bar.value() == 0


def test_the_mouse_wheel_over_the_text_scrolls_the_page(qtbot, unlocked):
    page = guide_page(unlocked)
    page.open_chapter(IDS[2])
    settled_chapter(qtbot, page, IDS[2])
    viewport = page.chapter_view.text.viewport()
    bar = page.chapter_view.scroll_area.verticalScrollBar()
    wheel = QWheelEvent(QPointF(100, 100), QPointF(viewport.mapToGlobal(QPoint(100, 100))),
                        QPoint(0, 0), QPoint(0, -360), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    assert bar.value() > 0
    assert page.chapter_view.anchor() > 0, "three notches move past the title"
    zoom = QWheelEvent(QPointF(100, 100), QPointF(viewport.mapToGlobal(QPoint(100, 100))),
                       QPoint(0, 0), QPoint(0, -120), Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    size = page.chapter_view.text.document().defaultFont().pointSizeF()
    QApplication.sendEvent(viewport, zoom)
    assert page.chapter_view.text.document().defaultFont().pointSizeF() == size


def test_place_and_read_marks_come_back_after_lock_and_unlock(qtbot, unlocked):
    page = guide_page(unlocked)
    page.open_chapter(IDS[0])
    qtbot.mouseClick(page.chapter_view.next_button, Qt.MouseButton.LeftButton)
    page.open_chapter(IDS[4])
    settled_chapter(qtbot, page, IDS[4])
    qtbot.keyClick(page.chapter_view.text, Qt.Key.Key_PageDown)
    anchor = page.chapter_view.anchor()
    assert anchor > 0 and not page.chapter_view.at_end()

    assert unlocked.session.request_lock()
    unlock(qtbot, unlocked)
    assert unlocked.session.store.settings.get(POSITION_KEY) == {
        "chapter": IDS[4], "anchor": anchor, "open": True}
    assert unlocked.session.store.settings.get(READ_KEY) == [IDS[0]]

    page = guide_page(unlocked)
    settled_chapter(qtbot, page, IDS[4])
    view = page.chapter_view
    bar = view.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0)
    top_of_view = view.text.position_at(bar.value() - view._text_top())
    assert view.text.document().findBlock(top_of_view).blockNumber() == \
        view.text.document().findBlock(anchor).blockNumber()
    assert abs(view.text.y_of(top_of_view) - view.text.y_of(anchor)) < 2
    assert page.progress.read_ids() == {IDS[0]}
    qtbot.keyClick(view.text, Qt.Key.Key_Escape)
    assert page.contents.progress_label.text() == "1 of 9 chapters read"
    assert page.contents.continue_button.text() == f"Continue reading: {GUIDE.chapters[4].title}"


def test_back_on_the_contents_the_next_unlock_shows_contents_with_continue(qtbot, unlocked):
    page = guide_page(unlocked)
    page.open_chapter(IDS[6])
    page.show_contents()
    assert unlocked.session.request_lock()
    unlock(qtbot, unlocked)
    page = guide_page(unlocked)
    assert page.stack.currentWidget() is page.contents
    assert page.contents.continue_button.isVisible()
    qtbot.mouseClick(page.contents.continue_button, Qt.MouseButton.LeftButton)
    assert page.chapter_view.current().id == IDS[6]


def test_the_safety_note_is_reachable_from_the_contents_and_every_chapter(qtbot, unlocked):
    page = guide_page(unlocked)
    view = page.chapter_view
    qtbot.mouseClick(page.contents.safety_button, Qt.MouseButton.LeftButton)
    assert view.current() is GUIDE.safety
    assert view.safety_button.isHidden() and view.back_button.isHidden()
    for chapter_id in IDS:
        page.open_chapter(chapter_id)
        assert view.safety_button.isVisibleTo(page)
        qtbot.mouseClick(view.safety_button, Qt.MouseButton.LeftButton)
        assert view.current() is GUIDE.safety
        assert view.back_button.text() == f"← Back to {GUIDE.get(chapter_id).title}"
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert view.current().id == IDS[-1]
    assert not page.progress.is_read("safety")


def test_back_from_the_safety_note_returns_to_the_same_place(qtbot, unlocked):
    page = guide_page(unlocked)
    page.open_chapter(IDS[3])
    settled_chapter(qtbot, page, IDS[3])
    view = page.chapter_view
    qtbot.keyClick(view.text, Qt.Key.Key_PageDown)
    anchor = view.anchor()
    view.text.anchorClicked.emit(QUrl("safety.md"))   # the link in the chapter text
    assert view.current() is GUIDE.safety
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert view.current().id == IDS[3] and view.anchor() == anchor
    view.text.anchorClicked.emit(QUrl("safety.md"))
    qtbot.mouseClick(view.contents_button, Qt.MouseButton.LeftButton)
    assert page.contents.continue_button.text() == (
        f"Continue reading: {GUIDE.chapters[3].title}"), "never 'continue' the safety note"
    qtbot.mouseClick(page.contents.continue_button, Qt.MouseButton.LeftButton)
    assert view.current().id == IDS[3] and view.anchor() == anchor


def test_links_open_chapters_and_nothing_outside_the_guide(unlocked):
    page = guide_page(unlocked)
    view = page.chapter_view
    page.open_chapter(IDS[0])
    view.text.anchorClicked.emit(QUrl("08-when-to-get-more-help.md"))
    assert view.current().id == IDS[7]
    view.text.anchorClicked.emit(QUrl("https://example.org/"))
    view.text.anchorClicked.emit(QUrl("99-missing.md"))
    assert view.current().id == IDS[7]


def test_the_contents_work_from_the_keyboard(qtbot, unlocked):
    page = guide_page(unlocked)
    cards = page.contents.cards
    cards[0].setFocus()
    qtbot.keyClick(cards[0], Qt.Key.Key_Down)
    assert cards[1].hasFocus() or not unlocked.isActiveWindow()
    qtbot.keyClick(cards[1], Qt.Key.Key_Return)
    assert page.chapter_view.current().id == IDS[1]
    qtbot.keyClick(page.chapter_view.text, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.contents
    for card in cards:
        assert card.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_continue_reading_opens_the_next_unread_chapter_after_a_finished_one(qtbot, unlocked):
    page = guide_page(unlocked)
    page.progress.mark_read(IDS[3])          # read earlier, so it is skipped
    page.open_chapter(IDS[2])
    settled_chapter(qtbot, page, IDS[2])
    qtbot.keyClick(page.chapter_view.text, Qt.Key.Key_End)
    assert page.progress.is_read(IDS[2])
    page.show_contents()
    assert page.contents.continue_button.isVisible()
    assert page.contents.continue_button.text() == \
        f"Continue reading: {GUIDE.get(IDS[4]).title}"
    qtbot.mouseClick(page.contents.continue_button, Qt.MouseButton.LeftButton)
    assert page.chapter_view.current().id == IDS[4]
