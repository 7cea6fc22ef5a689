"""The pages work together through the real sidebar: guide prompts lead into the
real journal and worksheets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_guide_reading import guide_page
from trustdesk.domain.guide.chapters import load_guide

FEARS = load_guide().get("06-three-fears")


def test_work_through_this_fear_opens_a_real_worksheet_with_that_fear(qtbot, unlocked,
                                                                     no_dialogs):
    page = guide_page(unlocked)
    unlocked.workspace.show_page("guide")
    page.open_chapter(FEARS.id)
    row = page.chapter_view.prompts.fear_rows[1]        # embarrassment
    assert row.button.isVisibleTo(page)
    qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)

    assert unlocked.workspace.current_key() == "worksheets"
    sheets = unlocked.workspace.page("worksheets")
    sheets.form.go_to(1)
    assert sheets.form.steps[1].kinds["embarrassment"].isChecked()
    qtbot.keyClicks(sheets.form.steps[1].thought, "They'll laugh if I stumble over my words.")
    unlocked.workspace.show_page("guide")               # leaving the page saves the draft
    saved = unlocked.session.store.worksheets.all_worksheets()
    assert [(s.category, s.thought) for s in saved] == [
        ("embarrassment", "They'll laugh if I stumble over my words.")]


def test_write_about_this_opens_a_real_journal_entry_quoting_the_prompt(qtbot, unlocked,
                                                                        no_dialogs):
    page = guide_page(unlocked)
    page.open_chapter(FEARS.id)
    row = page.chapter_view.prompts.prompt_rows[0]
    qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)

    assert unlocked.workspace.current_key() == "journal"
    journal = unlocked.workspace.page("journal")
    assert journal.editor.title.text() == ""            # the title stays the person's
    qtbot.keyClicks(journal.editor.body, "Asking for help at work scares me less than it did.")
    unlocked.workspace.show_page("guide")               # leaving the page saves the entry
    [row] = unlocked.session.store.journal.rows()
    saved = unlocked.session.store.journal.get(row.id)
    assert (saved.title, saved.body) == (
        "", f"> {FEARS.prompts[0]}\n\nAsking for help at work scares me less than it did.")
