"""Searching the guide, prompts that lead into writing, the wiring to other pages,
theme and text size, accessibility, and forgetting everything on lock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QTextFormat
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QTextBrowser,
    QWidget,
)

from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock
from tests.ui.test_guide_reading import guide_page, settled_chapter
from trustdesk.domain.guide.chapters import load_guide
from trustdesk.storage.store import JournalFolder
from trustdesk.ui import theme
from trustdesk.ui.guide import GuidePage
from trustdesk.ui.page import Page
from trustdesk.ui.shell.pages import PAGES, PageSpec
from trustdesk.ui.shell.window import MainWindow

GUIDE = load_guide()
IDS = GUIDE.ids()
FEARS = GUIDE.get("06-three-fears")


# -- search -----------------------------------------------------------------------------
def test_search_lists_matching_chapters_with_marked_excerpts(qtbot, unlocked):
    page = guide_page(unlocked)
    contents = page.contents
    qtbot.keyClicks(contents.search_box, "boundaries")
    qtbot.waitUntil(lambda: bool(contents.result_cards))
    assert not contents.cards_box.isVisible()
    ids = [card.hit.chapter.id for card in contents.result_cards]
    assert "04-red-flags-and-false-alarms" in ids
    card = contents.result_cards[ids.index("04-red-flags-and-false-alarms")]
    assert ">boundaries</span>" in card.text_label.text()
    assert "boundaries" in card.accessibleDescription()
    assert contents.result_summary.text().endswith("“boundaries”")

    contents.search_box.clear()
    contents.run_search()
    assert contents.cards_box.isVisible() and not contents.result_cards


def test_a_search_that_finds_nothing_says_so(qtbot, unlocked):
    contents = guide_page(unlocked).contents
    contents.search_box.setText("zebra marmalade")
    contents.run_search()
    assert contents.result_cards == []
    assert contents.result_summary.text().startswith("Nothing in the guide matches")


def test_opening_a_result_jumps_to_and_highlights_the_first_match(qtbot, unlocked):
    page = guide_page(unlocked)
    contents = page.contents
    contents.search_box.setText("self-fulfilling")
    qtbot.keyClick(contents.search_box, Qt.Key.Key_Return)
    card = contents.result_cards[0]
    assert card.hit.chapter.id == "03-how-old-hurt-follows-you"
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    settled_chapter(qtbot, page, "03-how-old-hurt-follows-you")
    view = page.chapter_view
    assert view.text.textCursor().selectedText().lower() == "self-fulfilling"
    assert view.text.highlight_count() >= 1
    assert view.match_bar.isVisibleTo(page)
    bar = view.scroll_area.verticalScrollBar()
    match_y = view._text_top() + view.text.y_of(view.text.textCursor().selectionStart())

    def match_in_view() -> bool:
        return bar.value() > 0 and bar.value() <= match_y <= bar.value() + bar.pageStep()
    qtbot.waitUntil(match_in_view)

    qtbot.mouseClick(view.clear_matches_button, Qt.MouseButton.LeftButton)
    assert view.text.highlight_count() == 0 and not view.match_bar.isVisibleTo(page)


def test_ctrl_f_goes_to_the_search_box(qtbot, unlocked):
    page = guide_page(unlocked)
    page.open_chapter(IDS[1])
    page.start_search()
    assert page.stack.currentWidget() is page.contents
    assert page.contents.search_box.hasFocus() or not unlocked.isActiveWindow()


# -- prompts and fears ------------------------------------------------------------------
def test_prompts_and_fears_emit_requests_when_something_acts_on_them(qtbot, store):
    page = GuidePage(settings=store.settings)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.set_writing_available(True)
    page.set_worksheets_available(True)
    page.open_chapter(FEARS.id)
    panel = page.chapter_view.prompts
    assert [row.text.text() for row in panel.prompt_rows] == list(FEARS.prompts)
    for row, prompt in zip(panel.prompt_rows, FEARS.prompts, strict=True):
        assert row.button.isVisibleTo(page)
        assert row.button.accessibleName() == f"Write about this: {prompt}"
        with qtbot.waitSignal(page.write_requested) as sent:
            qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)
        assert sent.args == [prompt]
    assert len(panel.fear_rows) == len(FEARS.fears) == 7
    for row, key in zip(panel.fear_rows, FEARS.fears, strict=True):
        assert row.button.text() == "Work through this fear"
        with qtbot.waitSignal(page.worksheet_requested) as sent:
            qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)
        assert sent.args == [key]
    page.open_chapter(IDS[0])
    assert panel.fear_rows == [] and len(panel.prompt_rows) == len(GUIDE.chapters[0].prompts)


SPECS = {spec.key: spec for spec in PAGES}


def window_with(qtbot, data_dir, *specs: PageSpec) -> MainWindow:
    """A real main window whose sidebar has exactly `specs`, unlocked."""
    window = MainWindow(JournalFolder(data_dir), specs=specs)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    unlock(qtbot, window, PASSPHRASE)
    return window


def test_without_journal_and_worksheets_pages_the_buttons_are_hidden(qtbot, data_dir):
    window = window_with(qtbot, data_dir, SPECS["guide"], SPECS["settings"])
    assert not window.workspace.has_page("journal")
    page = guide_page(window)
    page.open_chapter(FEARS.id)
    panel = page.chapter_view.prompts
    assert panel.prompt_rows and all(row.text.isVisibleTo(page) for row in panel.prompt_rows)
    assert panel.buttons() and not any(button.isVisibleTo(page) for button in panel.buttons())
    assert not panel.fears_heading.isVisibleTo(page)
    window.close()


class JournalDouble(Page):
    """Stands in for the Journal page: records what it was asked to start."""

    def __init__(self) -> None:
        super().__init__()
        self.started: list[str] = []

    def start_entry(self, prompt: str) -> None:
        self.started.append(prompt)


class WorksheetsDouble(Page):
    def __init__(self) -> None:
        super().__init__()
        self.started: list[str | None] = []

    def start_worksheet(self, category: str | None) -> None:
        self.started.append(category)


def test_the_wire_hook_sends_requests_to_the_journal_and_worksheets(qtbot, data_dir):
    window = window_with(
        qtbot, data_dir, SPECS["guide"],
        PageSpec("journal", "Journal", "journal", lambda store: JournalDouble()),
        PageSpec("worksheets", "Worksheets", "worksheets", lambda store: WorksheetsDouble()),
        SPECS["settings"])
    workspace = window.workspace
    page = workspace.show_page("guide")
    page.open_chapter(FEARS.id)
    panel = page.chapter_view.prompts
    assert all(not button.isHidden() for button in panel.buttons())

    qtbot.mouseClick(panel.prompt_rows[1].button, Qt.MouseButton.LeftButton)
    assert workspace.current_key() == "journal"
    assert workspace.page("journal").started == [FEARS.prompts[1]]

    workspace.show_page("guide")
    qtbot.mouseClick(panel.fear_rows[2].button, Qt.MouseButton.LeftButton)
    assert workspace.current_key() == "worksheets"
    assert workspace.page("worksheets").started == ["being_wrong"]
    window.close()


# -- look, size and accessibility ---------------------------------------------------------
def test_chapters_use_real_headings_and_a_comfortable_line_length(qtbot, unlocked):
    page = guide_page(unlocked)
    page.open_chapter(IDS[3])
    settled_chapter(qtbot, page, IDS[3])
    view = page.chapter_view
    doc = view.text.document()
    levels = []
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            levels.append((block.blockFormat().headingLevel(), block.text()))
        block = block.next()
    expected = [(line.count("#", 0, line.index(" ")), line.split(" ", 1)[1].strip())
                for line in GUIDE.chapters[3].body.splitlines() if line.startswith("#")]
    assert levels == expected
    per_char = QFontMetricsF(doc.defaultFont()).horizontalAdvance("x" * 26 + " " * 4) / 30
    assert 55 <= view.text.width() / per_char <= 85
    left = view.card.x()
    right = view.scroll_area.viewport().width() - view.card.geometry().right() - 1
    assert abs(left - right) <= 2, "the reading column is centred"


def test_theme_and_text_size_restyle_the_chapter_and_keep_the_place(qtbot, unlocked, qapp):
    page = guide_page(unlocked)
    page.open_chapter(IDS[6])
    settled_chapter(qtbot, page, IDS[6])
    view = page.chapter_view
    qtbot.keyClick(view.text, Qt.Key.Key_PageDown)
    anchor_block = view.text.document().findBlock(view.anchor()).blockNumber()
    size_before = view.text.document().defaultFont().pointSizeF()
    width_before = view.card.width()

    theme.apply(qapp, theme="dark", text_scale=150)
    qtbot.waitUntil(lambda: view.text.document().defaultFont().pointSizeF() > size_before * 1.4)
    heading = view.text.document().begin()
    while heading.blockFormat().headingLevel() != 2:
        heading = heading.next()
    color = heading.begin().fragment().charFormat().foreground().color()
    assert color.name() == theme.colors("dark")["accent"].name()
    assert heading.begin().fragment().charFormat().hasProperty(QTextFormat.Property.FontPointSize)
    assert view.card.width() > width_before
    bar = view.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: view.text.document().findBlock(
        view.text.position_at(bar.value() - view._text_top())).blockNumber() == anchor_block)


def test_every_guide_control_has_a_name_and_takes_focus(qtbot, store):
    page = GuidePage(settings=store.settings)
    qtbot.addWidget(page)
    page.show()
    page.set_writing_available(True)
    page.set_worksheets_available(True)
    page.open_chapter(FEARS.id)
    page.contents.search_box.setText("trust")
    page.contents.run_search()
    for widget in page.findChildren(QWidget):
        if isinstance(widget, QAbstractButton | QLineEdit | QTextBrowser | QProgressBar
                      | QScrollArea):
            assert widget.accessibleName(), widget
        inside_line_edit = isinstance(widget.parent(), QLineEdit)  # its clear button
        if isinstance(widget, QAbstractButton | QLineEdit | QTextBrowser) \
                and not inside_line_edit:
            assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, widget


def test_locking_forgets_the_search_and_the_chapter_on_screen(qtbot, unlocked):
    page = guide_page(unlocked)
    page.contents.search_box.setText("lie")
    page.contents.run_search()
    page.open_chapter(IDS[8], query="lie")
    assert page.chapter_view.text.toPlainText()
    page.clear_sensitive()
    assert page.contents.search_box.text() == "" and page.contents.result_cards == []
    assert page.chapter_view.current() is None
    assert page.chapter_view.text.toPlainText() == ""
    assert page.stack.currentWidget() is page.contents
    assert page.contents.search_box.isUndoAvailable() is False


def test_search_box_text_is_never_stored(qtbot, unlocked):
    page = guide_page(unlocked)
    page.contents.search_box.setText("a private word")
    page.contents.run_search()
    page.flush()
    settings = unlocked.session.store.settings
    with unlocked.session.store.vault.read() as conn:
        values = [row[0] for row in conn.execute("SELECT value FROM settings")]
    assert not any("private word" in value for value in values)
    assert settings.get("guide.position") is None
    QApplication.processEvents()
