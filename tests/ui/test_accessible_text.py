"""What a screen reader reads for the app's texts: the visible words, never a purpose
in their place. A label's purpose belongs in its accessible description. Checked
in-process through QAccessible, the interface Qt hands to the accessibility bus."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from tests.ui.conftest import open_window, unlock
from tests.ui.journal_helpers import journal_of, wait_saved
from tests.ui.test_guide_reading import guide_page
from trustdesk.ui.settings.backups import BackupsSection

# Labels that show a picture, not words: their name is their only text.
PICTURES = {"GateLogo", "PreviewPage"}


def read_name(widget: QWidget) -> str:
    """The name an assistive tool gets for `widget`."""
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def replaced_labels(root: QWidget) -> list[tuple[str, str]]:
    """(read name, visible text) of each label under `root` whose words are not read."""
    out = []
    for label in root.findChildren(QLabel):
        if label.objectName() in PICTURES or not label.pixmap().isNull() \
                or isinstance(label.parent(), QAbstractButton):   # a chart is a picture too
            continue
        words, name = label.text(), read_name(label)
        if label.accessibleName() and (not words or words not in name):
            out.append((name, words))
    return out


def test_every_label_on_every_screen_is_read_by_its_words(qtbot, tmp_path, window):
    welcome_window = open_window(qtbot, tmp_path / "new")
    welcome = welcome_window.welcome
    qtbot.keyClicks(welcome.first, "short")
    assert replaced_labels(welcome) == []
    welcome_window.close()

    assert replaced_labels(window.unlock_screen) == []
    unlock(qtbot, window)
    workspace = window.workspace
    for key in workspace.page_keys():
        workspace.show_page(key)
    assert replaced_labels(workspace) == []
    dialog = workspace.page("progress").open_print_dialog()
    assert replaced_labels(dialog) == []
    dialog.close()


def test_the_strength_feedback_is_read_as_its_words(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path / "new")
    welcome = window.welcome
    qtbot.keyClicks(welcome.first, "short")
    assert not welcome.create_button.isEnabled()
    assert welcome.hint.text() and welcome.hint.text() in read_name(welcome.hint)
    assert welcome.hint.accessibleDescription() == "Passphrase strength"
    window.close()


def test_save_status_entry_count_and_status_line_are_read_as_their_words(
        qtbot, unlocked, no_dialogs):
    page = journal_of(unlocked)
    qtbot.keyClicks(page.editor.body, "A quiet walk.")
    wait_saved(qtbot, page)
    for label in (page.editor.status, page.count_label, unlocked.workspace.status_line):
        assert label.text(), label
        assert label.text() in read_name(label), label
    assert "1 entry" in read_name(page.count_label)


def test_backup_folder_and_status_are_read_as_their_words(qtbot, unlocked):
    settings = unlocked.workspace.show_page("settings")
    section = settings.findChild(BackupsSection)
    for label in (section.folder_label, section.status):
        assert label.text() and label.text() in read_name(label), label


def test_the_number_of_search_results_is_read_as_its_words(qtbot, unlocked):
    contents = guide_page(unlocked).contents
    contents.search_box.setText("zebra marmalade")
    contents.run_search()
    summary = contents.result_summary
    assert summary.text().startswith("Nothing in the guide matches")
    assert summary.text() in read_name(summary)


def test_the_print_dialogs_status_and_warning_are_read_as_their_words(qtbot, unlocked):
    dialog = unlocked.workspace.show_page("progress").open_print_dialog()
    dialog._set_status("Sent 1 page to the printer.")
    for label in (dialog.status, dialog.warning):
        assert label.text() in read_name(label), label
    dialog.close()


def visible_words(button: QAbstractButton) -> str:
    """A button's words as seen: no mnemonic, ellipsis, arrows or check marks."""
    text = QAbstractButton.text(button).replace("&", "")
    for mark in "…←→✓":
        text = text.replace(mark, "")
    return " ".join(text.split()).lower()


def renamed_buttons(root: QWidget) -> list[tuple[str, str]]:
    """(read name, visible words) of each button whose name leaves its words out."""
    out = []
    for button in root.findChildren(QAbstractButton):
        words = visible_words(button)
        name = read_name(button)
        if any(c.isalpha() for c in words) and words not in name.lower():
            out.append((name, words))
    return out


def test_every_buttons_name_contains_its_visible_label(qtbot, unlocked):
    workspace = unlocked.workspace
    for key in workspace.page_keys():
        workspace.show_page(key)
    worksheets = workspace.page("worksheets")
    worksheets.start_worksheet("failing")
    for card in workspace.page("progress").cards.values():
        card.toggle.setChecked(True)
    assert renamed_buttons(workspace) == []
    back = worksheets.form.back_button
    assert back.text() == "Back" and read_name(back).startswith("Back")
    dialog = workspace.page("progress").open_print_dialog()
    assert renamed_buttons(dialog) == []
    dialog.close()
