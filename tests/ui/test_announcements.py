"""Changes a screen reader must hear without moving focus: saved or not saved,
errors, the passphrase strength feedback and the number of search results. Each is
sent as Qt's accessibility announcement event, polite or assertive; the test hook
`announcements()` records what was sent, from real widgets on a real journal."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from tests.ui.conftest import open_window
from tests.ui.journal_helpers import journal_of, wait_saved
from tests.ui.test_guide_reading import guide_page
from trustdesk.ui.widgets.announce import announce, announcements, show_and_announce


def test_a_changed_text_is_announced_once_and_an_empty_one_not_at_all(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    with announcements() as heard:
        show_and_announce(label, "3 entries")
        show_and_announce(label, "3 entries")
        show_and_announce(label, "")
        announce(label, "Not saved", assertive=True)
    assert heard == [("3 entries", False), ("Not saved", True)]


def test_the_strength_feedback_and_a_mismatch_are_announced(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path / "new")
    welcome = window.welcome
    with announcements() as heard:
        qtbot.keyClicks(welcome.first, "short")
        qtbot.keyClicks(welcome.second, "shorter")
    assert (welcome.hint.text(), False) in heard
    assert welcome.hint.text().startswith("Strength:")
    assert ("The two passphrases don't match yet.", True) in heard
    window.close()


def test_saved_is_announced_politely_and_saving_is_not(qtbot, unlocked):
    page = journal_of(unlocked)
    with announcements() as heard:
        qtbot.keyClicks(page.editor.body, "A quiet walk.")
        wait_saved(qtbot, page)
    assert ("Saved", False) in heard
    assert not any(message.startswith("Saving") for message, _ in heard)



def test_the_number_of_guide_search_results_is_announced(qtbot, unlocked):
    contents = guide_page(unlocked).contents
    with announcements() as heard:
        contents.search_box.setText("zebra marmalade")
        contents.run_search()
    assert heard == [(contents.result_summary.text(), False)]
    assert heard[0][0].startswith("Nothing in the guide matches")


def test_the_number_of_journal_search_results_is_announced(qtbot, unlocked):
    page = journal_of(unlocked)
    qtbot.keyClicks(page.editor.body, "We walked by the river.")
    wait_saved(qtbot, page)
    with announcements() as heard:
        page.bar.search.setText("river")
        qtbot.waitUntil(lambda: page.count_label.text() == "1 matching entry", timeout=5000)
    assert (page.count_label.text(), False) in heard
