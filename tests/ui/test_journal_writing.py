"""Writing in the journal with real widgets: live Markdown styling that keeps every
character, Ctrl+B and Ctrl+I, lists that continue and nest, Tab still moving focus
outside lists, a readable measure and line height, the preview spaced like the
Guide, the word count, focus mode, and search finding tags."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from tests.ui.journal_helpers import journal_of, list_headings
from trustdesk.domain.journal import Entry
from trustdesk.ui import theme
from trustdesk.ui.journal.body import LINE_HEIGHT_PERCENT
from trustdesk.ui.journal.editor import EntryEditor
from trustdesk.ui.journal.highlighter import MarkdownHighlighter

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def editor(qtbot):
    widget = EntryEditor()
    qtbot.addWidget(widget)
    widget.resize(800, 700)
    widget.show_entry(Entry.new(written_at=datetime(2025, 3, 2, 20, 0)))
    widget.show()
    qtbot.waitExposed(widget)
    widget.body.setFocus()
    return widget


def type_into(qtbot, editor: EntryEditor, text: str) -> None:
    """Type `text` key by key; a newline is the Enter key."""
    for part in text.split("\n")[:-1]:
        qtbot.keyClicks(editor.body, part)
        qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.body, text.split("\n")[-1])


def formats_of(editor: EntryEditor, line: int):
    block = editor.body.document().findBlockByNumber(line)
    return block, block.layout().formats()


def format_at(editor: EntryEditor, line: int, column: int):
    _block, ranges = formats_of(editor, line)
    for found in ranges:
        if found.start <= column < found.start + found.length:
            return QTextCharFormat(found.format)
    return None


def select(editor: EntryEditor, start: int, end: int) -> None:
    cursor = editor.body.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.body.setTextCursor(cursor)


# -- live styling -------------------------------------------------------------------
def test_markdown_is_styled_live_and_every_character_stays(qtbot, editor):
    text = "# Big day\n**bold** and *soft* words\n- an item\n\n> a quote"
    type_into(qtbot, editor, text)  # Enter on the empty item ended the list
    assert editor.body.toPlainText() == text
    base = editor.body.font().pointSizeF()
    heading = format_at(editor, 0, 3)
    assert heading.fontPointSize() > base * 1.3 and heading.fontWeight() >= QFont.Weight.DemiBold
    hash_mark = format_at(editor, 0, 0)
    assert hash_mark.foreground().color() != heading.foreground().color()  # marks are quieter
    assert format_at(editor, 1, 3).fontWeight() == QFont.Weight.Bold
    assert format_at(editor, 1, 0).fontWeight() != QFont.Weight.Bold or \
        format_at(editor, 1, 0).foreground().color() != format_at(editor, 1, 3).foreground().color()
    assert format_at(editor, 1, 15).fontItalic()
    assert format_at(editor, 1, 22) is None                       # plain words stay plain
    bullet = format_at(editor, 2, 0)
    assert bullet.foreground().color() == theme.colors()["accent"]
    assert format_at(editor, 4, 4).fontItalic()
    # Undo takes back typing, never styling: the marks are still the person's text.
    editor.body.undo()
    assert editor.body.toPlainText() != text


class _CountingHighlighter(MarkdownHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        self.calls = 0
        super().__init__(document, theme.colors())

    def highlightBlock(self, text: str) -> None:
        self.calls += 1
        super().highlightBlock(text)


def test_a_keystroke_restyles_only_its_own_paragraph(qtbot):
    document = QTextDocument()
    document.setPlainText("\n".join(f"**Paragraph** {n} with *some* words." for n in range(300)))
    document.documentLayout()  # laid out, as in the editor: changes are reported
    counting = _CountingHighlighter(document)
    qtbot.waitUntil(lambda: counting.calls == 300)   # the first styling runs once, soon
    counting.calls = 0
    cursor = QTextCursor(document.findBlockByNumber(150))
    cursor.insertText("x")
    assert counting.calls == 1
    cursor.insertText("# ")  # even a paragraph becoming a heading touches only itself
    assert counting.calls == 2


def test_a_theme_change_restyles_in_the_new_colours_and_changes_no_words(qtbot, editor):
    type_into(qtbot, editor, "- item")
    edits: list[bool] = []
    editor.edited.connect(lambda: edits.append(True))
    theme.apply(QApplication.instance(), theme="dark", text_scale=100)
    try:
        qtbot.waitUntil(lambda: format_at(editor, 0, 0).foreground().color()
                        == theme.colors("dark")["accent"])
    finally:
        theme.apply(QApplication.instance(), theme="light", text_scale=100)
    assert edits == []


def test_a_long_entry_opens_styled_on_screen_and_finishes_styling_while_idle(qtbot, editor):
    paragraphs = [f"## Part {n}\n\nSome **bold** words in paragraph {n}." for n in range(200)]
    edits: list[bool] = []
    editor.edited.connect(lambda: edits.append(True))
    editor.show_entry(Entry.new(written_at=datetime(2025, 3, 2, 20, 0),
                                body="\n\n".join(paragraphs)))
    last = editor.body.document().blockCount() - 1
    assert format_at(editor, 0, 4).fontPointSize() > editor.body.font().pointSizeF()
    qtbot.waitUntil(lambda: not editor.body.highlighter.is_styling())
    assert format_at(editor, last, 10).fontWeight() == QFont.Weight.Bold
    assert edits == [] and editor.body.document().isUndoAvailable() is False


# -- Ctrl+B, Ctrl+I ----------------------------------------------------------------------
def test_ctrl_b_and_ctrl_i_wrap_the_selection_and_unwrap_it_again(qtbot, editor):
    type_into(qtbot, editor, "one two three")
    select(editor, 4, 7)
    qtbot.keyClick(editor.body, Qt.Key.Key_B, CTRL)
    assert editor.body.toPlainText() == "one **two** three"
    assert editor.body.selected_text() == "two"      # still selected, inside the marks
    qtbot.keyClick(editor.body, Qt.Key.Key_B, CTRL)
    assert editor.body.toPlainText() == "one two three"
    select(editor, 0, 7)
    qtbot.keyClick(editor.body, Qt.Key.Key_I, CTRL)
    assert editor.body.toPlainText() == "*one two* three"
    select(editor, 0, 9)                              # the marks selected too
    qtbot.keyClick(editor.body, Qt.Key.Key_I, CTRL)
    assert editor.body.toPlainText() == "one two three"


def test_ctrl_b_without_a_selection_wraps_the_word_or_opens_a_pair(qtbot, editor):
    type_into(qtbot, editor, "one two ")
    cursor = editor.body.textCursor()
    cursor.setPosition(5)
    editor.body.setTextCursor(cursor)
    qtbot.keyClick(editor.body, Qt.Key.Key_B, CTRL)
    assert editor.body.toPlainText() == "one **two** "
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor.body, Qt.Key.Key_I, CTRL)
    qtbot.keyClicks(editor.body, "new")
    assert editor.body.toPlainText() == "one **two** *new*"
    editor.body.undo()
    editor.body.undo()
    assert "*new*" not in editor.body.toPlainText()


def test_ctrl_b_again_at_the_end_of_the_bold_words_steps_out_of_them(qtbot, editor):
    """Ctrl+B, the words, Ctrl+B: the next words are plain, as in a word processor
    (the marks were once doubled instead, and everything after stayed inside)."""
    type_into(qtbot, editor, "story. ")
    qtbot.keyClick(editor.body, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(editor.body, "It was only a meeting")
    qtbot.keyClick(editor.body, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(editor.body, ". Then ")
    assert editor.body.toPlainText() == "story. **It was only a meeting**. Then "
    qtbot.keyClick(editor.body, Qt.Key.Key_I, CTRL)
    assert editor.body.toPlainText().endswith("Then **")
    qtbot.keyClick(editor.body, Qt.Key.Key_I, CTRL)          # changed my mind
    qtbot.keyClicks(editor.body, "home")
    assert editor.body.toPlainText() == "story. **It was only a meeting**. Then home"


def test_enter_makes_one_paragraph_a_press_all_at_the_page_line_height(qtbot, editor):
    """Qt's own Enter, on an empty paragraph, only reset its format: a blank line took
    two presses and the paragraphs after it lost the line height."""
    editor.body.set_text("Kept from before\n\nand more")
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    type_into(qtbot, editor, "\n\nHello\n\n\nWorld")
    assert editor.body.toPlainText() == "Kept from before\n\nand more\n\nHello\n\n\nWorld"
    assert line_heights(editor) == [LINE_HEIGHT_PERCENT] * 8
    editor.body.selectAll()                            # select all and type over it
    type_into(qtbot, editor, "Over\n\nagain")
    assert editor.body.toPlainText() == "Over\n\nagain"
    assert line_heights(editor) == [LINE_HEIGHT_PERCENT] * 3


def line_heights(editor: EntryEditor) -> list[float]:
    heights, block = [], editor.body.document().begin()
    while block.isValid():
        heights.append(block.blockFormat().lineHeight())
        block = block.next()
    return heights


# -- lists: Enter, Tab, Shift+Tab ------------------------------------------------------------
def test_enter_continues_a_list_and_ends_it_on_an_empty_item(qtbot, editor):
    type_into(qtbot, editor, "Shopping\n- milk\nbread\n\nafter")
    assert editor.body.toPlainText() == "Shopping\n- milk\n- bread\n\nafter"
    editor.body.set_text("")
    type_into(qtbot, editor, "1. first\nsecond\n\n> quoted\nmore")
    assert editor.body.toPlainText() == "1. first\n2. second\n\n> quoted\n> more"
    qtbot.keyClick(editor.body, Qt.Key.Key_Return, SHIFT)   # Shift+Enter: a plain break
    assert editor.body.toPlainText().endswith("> more\n")


def test_tab_nests_a_new_item_and_shift_tab_brings_it_back(qtbot, editor):
    type_into(qtbot, editor, "- fruit\n")
    qtbot.keyClick(editor.body, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor.body, "apples")
    assert editor.body.toPlainText() == "- fruit\n    - apples"
    assert editor.body.hasFocus()
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.body, "pears")
    assert editor.body.toPlainText() == "- fruit\n    - apples\n    - pears"
    qtbot.keyClick(editor.body, Qt.Key.Key_Backtab, SHIFT)
    assert editor.body.toPlainText() == "- fruit\n    - apples\n- pears"
    assert editor.body.hasFocus()
    # Enter on an empty nested item moves it out a level.
    qtbot.keyClick(editor.body, Qt.Key.Key_Up)
    qtbot.keyClick(editor.body, Qt.Key.Key_End)
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    assert editor.body.toPlainText() == "- fruit\n    - apples\n    - \n- pears"
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    assert editor.body.toPlainText() == "- fruit\n    - apples\n- \n- pears"
    # A selection over several items indents them all.
    select(editor, 0, len(editor.body.toPlainText()))
    qtbot.keyClick(editor.body, Qt.Key.Key_Tab)
    assert editor.body.toPlainText() == "    - fruit\n        - apples\n    - \n    - pears"


def test_tab_outside_a_list_item_still_moves_focus(qtbot, editor):
    after = editor.history_button  # the next stop after the body
    type_into(qtbot, editor, "Plain words")
    qtbot.keyClick(editor.body, Qt.Key.Key_Tab)
    qtbot.waitUntil(after.hasFocus)
    assert editor.body.toPlainText() == "Plain words"
    # In the middle of an item's words, Tab moves on too: nobody is trapped in a list.
    editor.body.setFocus()
    type_into(qtbot, editor, "\n- an item")
    qtbot.keyClick(editor.body, Qt.Key.Key_Tab)
    qtbot.waitUntil(after.hasFocus)
    assert editor.body.toPlainText() == "Plain words\n- an item"
    # Shift+Tab on a top-level item goes back to the title.
    editor.body.setFocus()
    qtbot.keyClick(editor.body, Qt.Key.Key_Backtab, SHIFT)
    qtbot.waitUntil(editor.title.hasFocus)


def test_ctrl_tab_always_leaves_the_page(qtbot, editor):
    type_into(qtbot, editor, "- item\n")
    qtbot.keyClick(editor.body, Qt.Key.Key_Tab, CTRL)
    qtbot.waitUntil(editor.history_button.hasFocus)
    assert editor.body.toPlainText() == "- item\n- "


# -- a readable page ---------------------------------------------------------------------------
def test_every_line_is_one_and_a_half_high_after_opening_and_typing(qtbot, editor):
    editor.show_entry(Entry.new(written_at=datetime(2025, 3, 2, 20, 0), body="one\ntwo"))
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    type_into(qtbot, editor, "\nthree\n- four\n")
    editor.body.insertFromMimeData(_plain("pasted\nlines"))
    block = editor.body.document().begin()
    count = 0
    while block.isValid():
        fmt = block.blockFormat()
        assert fmt.lineHeightType() == 1 and fmt.lineHeight() >= 140, block.text()
        block = block.next()
        count += 1
    assert count == 6  # one, two, three, - four, - pasted, lines
    # The lines really are set apart: one line's top to the next is 1.4 lines or more.
    layout = editor.body.document().documentLayout()
    first = editor.body.document().begin()
    step = layout.blockBoundingRect(first.next()).y() - layout.blockBoundingRect(first).y()
    assert step >= 1.4 * QFontMetricsF(editor.body.font()).height() - 1


def _plain(text: str):
    from PySide6.QtCore import QMimeData
    mime = QMimeData()
    mime.setText(text)
    return mime


@pytest.mark.parametrize("width", [1366, 1920])
def test_the_body_keeps_a_comfortable_measure_centred_in_wide_windows(qtbot, unlocked, width):
    unlocked.resize(width, 900)
    page = journal_of(unlocked)
    body = page.editor.body
    qtbot.waitUntil(lambda: body.width() > 300)
    sample = "When trust has been broken, small and unclear signs can look like threats."
    chars = body.viewport().width() / (
        QFontMetricsF(body.font()).horizontalAdvance(sample) / len(sample))
    assert 62 <= chars <= 76, chars
    if width == 1920:
        # Centred: as much room either side, and the buttons stay near the text.
        scroll = page.splitter.widget(1)
        left = page.editor.mapTo(scroll, page.editor.rect().topLeft()).x()
        right = scroll.width() - left - page.editor.width()
        assert abs(left - right) < 60, (left, right)
        assert page.editor.delete_button.mapTo(page.editor, page.editor.rect().topLeft()).x() \
            < page.editor.width()


def test_a_wide_window_gives_the_list_the_room_the_page_does_not_need(qtbot, unlocked):
    """At 1920 px the list grows (titles are cut less) up to its widest while the
    page keeps its measure; once the person drags the handle, their width stays."""
    page = journal_of(unlocked)
    splitter = page.splitter
    narrowest, widest = splitter.list_widths
    unlocked.resize(1100, 800)
    qtbot.waitUntil(lambda: splitter.sizes()[0] == narrowest)
    unlocked.resize(1920, 900)
    qtbot.waitUntil(lambda: splitter.sizes()[0] > narrowest)
    grown = splitter.sizes()[0]
    assert grown <= widest
    assert splitter.sizes()[1] >= splitter.editor_wants
    assert page.editor.body.width() >= page.editor.measure() - 40
    unlocked.resize(1300, 900)                             # in between: what is spare
    qtbot.waitUntil(lambda: narrowest < splitter.sizes()[0] < grown)
    assert abs(splitter.sizes()[1] - splitter.editor_wants) <= 2
    splitter.moveSplitter(narrowest + 20, 1)               # the person drags the handle
    unlocked.resize(1920, 900)
    qtbot.waitUntil(lambda: splitter.width() > 1500)
    assert splitter.sizes()[0] == narrowest + 20


def test_the_preview_spaces_headings_and_paragraphs_like_the_guide(qtbot, editor):
    editor.show_entry(Entry.new(written_at=datetime(2025, 3, 2, 20, 0),
                                body="First words.\n\n## A heading\n\nMore words.\n\nLast."))
    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    document = editor.preview.document()
    blocks = [document.findBlockByNumber(n) for n in range(document.blockCount())]
    heading = next(block for block in blocks if block.blockFormat().headingLevel() == 2)
    paragraph = blocks[0]
    line = QFontMetricsF(editor.preview.font()).lineSpacing()
    assert heading.blockFormat().topMargin() >= line
    assert paragraph.blockFormat().bottomMargin() >= line * 0.5
    assert paragraph.blockFormat().lineHeight() >= 140


# -- word count ------------------------------------------------------------------------------
def test_the_word_count_follows_the_entry_and_the_selection(qtbot, editor):
    assert editor.count.text().startswith("Markdown works")  # a hint while empty
    type_into(qtbot, editor, "# Title\nThree more **words**")
    qtbot.waitUntil(lambda: editor.count.text() == "4 words · 1 min read")
    select(editor, 8, 18)
    qtbot.waitUntil(lambda: editor.count.text() == "2 of 4 words selected · 1 min read")
    # Screen readers read it as text: a label whose words are its accessible text.
    assert editor.count.accessibleName() in ("", editor.count.text())
    editor.show_entry(Entry.new(written_at=datetime(2025, 3, 2, 20, 0),
                                body=" ".join(["word"] * 5000)))
    assert editor.count.text() == "5,000 words · 22 min read"  # at once on opening


# -- focus mode --------------------------------------------------------------------------------
def test_focus_mode_shows_only_the_page_and_esc_leaves_it(qtbot, unlocked):
    page = journal_of(unlocked)
    sidebar = unlocked.workspace.sidebar
    qtbot.keyClicks(page.editor.body, "Quiet")
    for keys in ((Qt.Key.Key_F, CTRL | SHIFT), (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier)):
        qtbot.keyClick(page.editor.body, *keys)
        qtbot.waitUntil(lambda: not page.side.isVisible() and not sidebar.isVisible())
        assert page.editor.body.hasFocus() and page.editor.focus_button.isChecked()
        assert not page.editor.checkin.isVisible() and page.editor.status.isVisible()
        qtbot.keyClick(page.editor.body, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: page.side.isVisible() and sidebar.isVisible())
        assert not page.editor.focus_button.isChecked() and page.editor.checkin.isVisible()
    assert page.editor.body.toPlainText() == "Quiet"


def test_focus_mode_ends_when_another_page_is_shown(qtbot, unlocked):
    page = journal_of(unlocked)
    qtbot.mouseClick(page.editor.focus_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not unlocked.workspace.sidebar.isVisible())
    qtbot.keyClick(page.editor.body, Qt.Key.Key_5, CTRL)
    qtbot.waitUntil(lambda: unlocked.workspace.current_key() == "progress")
    assert unlocked.workspace.sidebar.isVisible()
    journal_of(unlocked)
    assert page.side.isVisible() and not page.focus_mode


# -- search finds tags ---------------------------------------------------------------------------
def test_journal_search_finds_an_entry_by_its_tag(qtbot, unlocked):
    now = datetime.now().replace(microsecond=0)
    unlocked.session.store.journal.save_many([
        Entry.new(written_at=now - timedelta(days=1), body="Forty lengths.", tags="swimming"),
        Entry.new(written_at=now - timedelta(days=2), body="A slow walk."),
    ])
    page = journal_of(unlocked)
    page.load()
    qtbot.keyClicks(page.bar.search, "swim")
    qtbot.waitUntil(lambda: page.model.searching and page.model.rowCount() == 1)
    assert list_headings(page) == ["Forty lengths."]
