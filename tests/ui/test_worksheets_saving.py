"""Never lose a word: when the disk is full or text is too long, everything stays in
the form, the person is told in plain words, saving retries, and locking asks first."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from tests.ui.test_worksheets import click, worksheets
from trustdesk.domain.worksheet import SmallStep, Worksheet
from trustdesk.storage import errors
from trustdesk.ui import dialogs
from trustdesk.ui.worksheets.form import OVERVIEW

LONG_WORDS = "I keep going over what I said and what she might have meant by it. " * 400


def fill_the_disk(store) -> None:
    """Let the vault file grow no further: the next write that needs a page fails
    with SQLite's own "database or disk is full"."""
    with store.vault.read() as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")


def free_the_disk(store) -> None:
    with store.vault.read() as conn:
        conn.execute("PRAGMA max_page_count = 1073741823")


def test_a_full_disk_keeps_every_word_retries_and_locking_asks(qtbot, unlocked, no_dialogs):
    page = worksheets(unlocked)
    page.start_worksheet("rejection")
    page.form.go_to(1)
    thought = page.form.steps[1].thought
    fill_the_disk(unlocked.session.store)
    thought.setPlainText(LONG_WORDS)

    with pytest.raises(errors.StorageFull):
        page.flush()
    assert thought.toPlainText() == LONG_WORDS
    assert page.form.problem.isVisible()
    assert page.form.problem.text() == errors.StorageFull.message
    assert page.form.save_state.text() == "Not saved yet"
    assert page.has_unsaved_changes()

    with dialogs.answering(lambda q: "Keep it open") as asked:
        assert unlocked.session.request_lock() is False
    assert asked[0].title == "Not saved yet" and unlocked.session.is_unlocked()
    assert thought.toPlainText() == LONG_WORDS

    with dialogs.answering(lambda q: "Keep it open"):
        click(qtbot, page.form.back_to_list)
    assert page.stack.currentWidget() is page.form, "leaving would lose words, so it stays"

    free_the_disk(unlocked.session.store)
    qtbot.waitUntil(lambda: not page.has_unsaved_changes(), timeout=10000)  # retries by itself
    assert not page.form.problem.isVisible()
    assert unlocked.session.store.worksheets.all_worksheets()[0].thought == LONG_WORDS.rstrip("\n")


def test_text_past_the_limit_is_kept_and_explained(qtbot, unlocked, no_dialogs):
    page = worksheets(unlocked)
    page.start_worksheet(None)
    page.form.go_to(5)
    view = page.form.steps[5].view
    view.setPlainText("x" * 100_001)
    with pytest.raises(errors.VaultError, match="longer than TrustDesk can keep"):
        page.flush()
    assert len(view.toPlainText()) == 100_001
    assert "Nothing was lost" in page.form.problem.text()
    view.setPlainText("x" * 100_000)
    page.flush()
    assert not page.form.problem.isVisible()
    assert len(unlocked.session.store.worksheets.all_worksheets()[0].balanced_view) == 100_000


def test_looking_back_from_the_overview_before_the_date(qtbot, unlocked, no_dialogs):
    repo = unlocked.session.store.worksheets
    repo.save(Worksheet(
        id="w1", happened_on=date.today(), thought="They'll laugh at my singing.",
        belief_before=60, balanced_view="Most people enjoy a try.", belief_after=30,
        step=SmallStep(id="s1", text="Sing at the party", due=date.today() + timedelta(days=9))))
    page = worksheets(unlocked)
    page.open_worksheet("w1")
    assert page.form.index == OVERVIEW
    click(qtbot, page.form.overview.follow_up_button)
    assert page.stack.currentWidget() is page.follow_up
    qtbot.keyClicks(page.follow_up.what, "I sang early, at the rehearsal.")
    click(qtbot, page.follow_up.outcomes["partly"])
    click(qtbot, page.follow_up.done_button)
    assert page.stack.currentWidget() is page.form and page.form.index == OVERVIEW
    page.form.steps[0].who.setText("Choir")
    page.form.steps[0].who.textEdited.emit("Choir")
    page.flush()
    saved = repo.get("w1")
    assert saved.who == "Choir" and saved.step.outcome == "partly", (
        "saving the sheet again keeps the follow-up")
    assert saved.status(date.today()) == "followed_up"


def test_every_worksheet_control_is_named_for_screen_readers(qtbot, unlocked):
    page = worksheets(unlocked)
    page.start_worksheet("failing")
    page.form.steps[2].emotions.add_feeling("Uneasy")
    page.form.steps[4].evidence_for.add_line("One")
    page.form.go_to(OVERVIEW)
    for widget in page.findChildren(QWidget):
        if widget.objectName().startswith("qt_"):  # Qt's own parts of spin boxes, tables
            continue
        if isinstance(widget, QLineEdit | QComboBox | QPlainTextEdit):
            assert widget.accessibleName(), widget
        elif isinstance(widget, QAbstractButton):
            assert widget.accessibleName() or widget.text().strip(), widget


def test_switching_pages_while_the_disk_is_full_keeps_the_words(qtbot, unlocked, no_dialogs):
    page = worksheets(unlocked)
    page.start_worksheet(None)
    fill_the_disk(unlocked.session.store)
    page.form.steps[0].what.setPlainText(LONG_WORDS)
    unlocked.workspace.show_page("settings")
    assert unlocked.workspace.current_key() == "settings"
    assert page.has_unsaved_changes() and not page.form.problem.isHidden()
    unlocked.workspace.show_page("worksheets")
    assert page.form.steps[0].what.toPlainText() == LONG_WORDS
    free_the_disk(unlocked.session.store)
    page.flush()
    sheets = unlocked.session.store.worksheets.all_worksheets()
    assert sheets[0].situation == LONG_WORDS.rstrip("\n")
