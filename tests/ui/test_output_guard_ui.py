"""Every save dialog refuses what the command line refuses: exporting (JSON, one
Markdown file, a folder of Markdown files), "Save as PDF" in the print dialog and
the choice of a backup folder never land on the journal, its side files or lock,
inside the data or backup folder, or on a link to the journal, a FIFO or a
device. The person is told in one plain sentence and nothing is written."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.progress_helpers import show_progress
from trustdesk.ui import dialogs
from trustdesk.ui.settings.data import CHOOSE, ONE_FILE, PER_ENTRY


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def answers(**by_kind):
    def respond(question: dialogs.Question) -> object:
        if question.kind not in by_kind:
            raise AssertionError(f"unexpected dialog: {question}")
        return by_kind[question.kind]
    return respond


def bad_target(name: str, data_dir: Path, tmp_path: Path, suffix: str) -> Path:
    """A place no save dialog may write to, made real on disk."""
    journal = data_dir / "journal.trustdesk"
    outside = tmp_path / "outside"
    outside.mkdir(exist_ok=True)
    if name == "journal":
        return journal
    if name == "log":
        return data_dir / "journal.trustdesk-wal"  # the open journal's write-ahead log
    if name == "lock":
        return data_dir / "trustdesk.lock"
    if name == "data folder":
        return data_dir / f"export{suffix}"
    if name == "backup folder":
        (data_dir / "backups").mkdir(exist_ok=True)
        return data_dir / "backups" / f"export{suffix}"
    if name == "symlink to journal":
        (outside / f"link{suffix}").symlink_to(journal)
        return outside / f"link{suffix}"
    if name == "hard link to journal":
        os.link(journal, outside / f"hard{suffix}")
        return outside / f"hard{suffix}"
    assert name == "FIFO"
    os.mkfifo(outside / f"pipe{suffix}")
    return outside / f"pipe{suffix}"


NAMES = ("journal", "log", "lock", "data folder", "backup folder", "symlink to journal",
         "hard link to journal", "FIFO")


def assert_refused(asked, journal: Path, before: str) -> None:
    warnings = [q for q in asked if q.kind == "warn"]
    assert len(warnings) == 1 and warnings[0].title == "Choose another place"
    assert warnings[0].text.strip() and "\n" not in warnings[0].text
    assert digest(journal) == before


@pytest.mark.parametrize("name", NAMES)
def test_export_everything_refuses_the_journal_and_odd_places(qtbot, unlocked, data_dir,
                                                              tmp_path, name):
    section = unlocked.workspace.show_page("settings").data
    target = bad_target(name, data_dir, tmp_path, ".json")
    journal = data_dir / "journal.trustdesk"
    before = digest(journal)
    with dialogs.answering(answers(ask=CHOOSE, save_path=str(target), warn=None)) as asked:
        qtbot.mouseClick(section.json_button, Qt.MouseButton.LeftButton)
    assert section.task is None, "nothing was started"
    assert_refused(asked, journal, before)
    assert unlocked.session.store.journal.entries_between(None, None) is not None  # still open


@pytest.mark.parametrize("name", NAMES)
def test_markdown_in_one_file_refuses_the_same_places(qtbot, unlocked, data_dir, tmp_path,
                                                      name):
    section = unlocked.workspace.show_page("settings").data
    target = bad_target(name, data_dir, tmp_path, ".md")
    journal = data_dir / "journal.trustdesk"
    before = digest(journal)
    with dialogs.answering(answers(ask=ONE_FILE, save_path=str(target), warn=None)) as asked:
        qtbot.mouseClick(section.markdown_button, Qt.MouseButton.LeftButton)
    assert section.task is None
    assert_refused(asked, journal, before)


@pytest.mark.parametrize("folder", ["data", "backups"])
def test_a_folder_of_markdown_files_never_goes_inside_the_data_folder(qtbot, unlocked,
                                                                      data_dir, folder):
    section = unlocked.workspace.show_page("settings").data
    parent = data_dir if folder == "data" else data_dir / "backups"
    parent.mkdir(exist_ok=True)
    listing = sorted(p.name for p in data_dir.iterdir())
    journal = data_dir / "journal.trustdesk"
    before = digest(journal)
    with dialogs.answering(answers(ask=PER_ENTRY, folder=str(parent), warn=None)) as asked:
        qtbot.mouseClick(section.markdown_button, Qt.MouseButton.LeftButton)
    assert section.task is None
    assert_refused(asked, journal, before)
    assert sorted(p.name for p in data_dir.iterdir()) == listing


@pytest.mark.parametrize(("kind", "name"), [
    *(("pdf", name) for name in ("journal", "data folder", "symlink to journal",
                                 "hard link to journal", "FIFO")),
    *(("html", name) for name in ("data folder", "symlink to journal"))])
def test_saving_the_summary_refuses_the_journal_and_odd_places(qtbot, unlocked, data_dir,
                                                               tmp_path, kind, name):
    page = show_progress(qtbot, unlocked)
    dialog = page.open_print_dialog()
    dialog.formats[kind].setChecked(True)
    target = bad_target(name, data_dir, tmp_path, f".{kind}")
    journal = data_dir / "journal.trustdesk"
    before = digest(journal)
    with dialogs.answering(answers(save_path=str(target), warn=None, ask="Replace")) as asked:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.task is None and dialog.saved_to is None
    assert_refused(asked, journal, before)
    dialog.reject()


def test_the_backup_folder_cannot_be_the_data_folder_or_a_file(qtbot, unlocked, data_dir,
                                                               tmp_path):
    section = unlocked.workspace.show_page("settings").safety.backups
    usual = section.folder()
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    (data_dir / "inner").mkdir()
    for chosen in (data_dir, data_dir / "inner", a_file):
        with dialogs.answering(answers(folder=str(chosen), warn=None)) as asked:
            qtbot.mouseClick(section.change_button, Qt.MouseButton.LeftButton)
        assert [q.kind for q in asked] == ["folder", "warn"]
        assert section.folder() == usual
    fine = tmp_path / "usb stick"
    fine.mkdir()
    with dialogs.answering(answers(folder=str(fine))) as asked:
        qtbot.mouseClick(section.change_button, Qt.MouseButton.LeftButton)
    assert [q.kind for q in asked] == ["folder"] and section.folder() == fine


def test_an_export_into_the_chosen_backup_folder_is_refused(qtbot, unlocked, tmp_path):
    backups = unlocked.workspace.show_page("settings").safety.backups
    chosen = tmp_path / "usb stick"
    chosen.mkdir()
    with dialogs.answering(answers(folder=str(chosen))):
        qtbot.mouseClick(backups.change_button, Qt.MouseButton.LeftButton)
    section = unlocked.workspace.show_page("settings").data
    with dialogs.answering(answers(ask=CHOOSE, save_path=str(chosen / "all.json"),
                                   warn=None)) as asked:
        qtbot.mouseClick(section.json_button, Qt.MouseButton.LeftButton)
    assert [q.kind for q in asked] == ["ask", "save_path", "warn"]
    assert "inside the backup folder" in asked[-1].text
    assert list(chosen.iterdir()) == []
