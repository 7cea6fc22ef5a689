"""Settings, "Your data": export everything, the journal as Markdown, and import,
driven through the real section with its dialogs answered. Exports warn first that
they are not encrypted, and leave the words nowhere but where the person chose."""

from __future__ import annotations

import json
import os
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE
from tests.journal_data import generated_entries
from tests.ui.conftest import unlock
from trustdesk.domain.exchange.codec import Bundle, decode, encode
from trustdesk.domain.journal import Entry
from trustdesk.storage.backups.folder import list_backups
from trustdesk.ui import dialogs
from trustdesk.ui.settings.data import (
    CANCEL,
    CHOOSE,
    IMPORT,
    IMPORTED_FILE_NOTE,
    NOT_ENCRYPTED,
    ONE_FILE,
    PER_ENTRY,
)

JRNL_SAMPLE = Path(__file__).resolve().parents[1] / "data" / "jrnl-export.json"


def data_section(window):
    return window.workspace.show_page("settings").data


def answers(**by_kind):
    """A responder answering each kind of dialog ("ask", "save_path", ...)."""
    def respond(question: dialogs.Question) -> object:
        return by_kind[question.kind]
    return respond


def click_and_wait(qtbot, section, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.task is None, timeout=20000)


def test_the_section_sits_before_erase_and_is_reachable_by_keyboard(qtbot, unlocked):
    page = unlocked.workspace.show_page("settings")
    section = page.data
    assert section.isVisible()
    column = section.parentWidget().layout()
    order = [column.itemAt(i).widget() for i in range(column.count())]
    assert order.index(section) == order.index(page.safety.erase) - 1
    for button in (section.json_button, section.markdown_button, section.import_button):
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus and button.accessibleName()


def test_export_everything_warns_then_writes_the_chosen_file(qtbot, unlocked, tmp_path):
    unlocked.session.store.journal.save_many(generated_entries(5, seed=1))
    section = data_section(unlocked)
    target = tmp_path / "mine.json"
    with dialogs.answering(answers(ask=CHOOSE, save_path=str(target))) as asked:
        click_and_wait(qtbot, section, section.json_button)
    assert [q.kind for q in asked] == ["ask", "save_path"]
    assert asked[0].text == NOT_ENCRYPTED and asked[0].choices == (CHOOSE, CANCEL)
    assert asked[1].text.endswith(".json")
    assert section.status.text() == f"Exported 5 entries to “mine.json” in {tmp_path}."
    assert decode(target.read_bytes()).bundle == unlocked.session.store.exchange.snapshot()
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert not section.progress.isVisible() and section.json_button.isEnabled()


def test_the_export_holds_earlier_versions_only_with_the_box_ticked(qtbot, unlocked, tmp_path):
    """Entry history's versions stay out of the JSON export unless the person asks."""
    from datetime import timedelta

    journal = unlocked.session.store.journal
    then = datetime.now().replace(microsecond=0) - timedelta(hours=3)
    entry = Entry.new(body="Words I later rewrote.", written_at=then, now=lambda: then)
    journal.save(entry)
    later = then + timedelta(hours=1)
    journal.save(entry.edited(body="Rewritten.", now=lambda: later), session_start=later)
    section = data_section(unlocked)
    assert not section.with_versions.isChecked()
    assert section.with_versions.accessibleName() == ("Include earlier versions of entries "
                                                      "in the JSON export")
    plain, full = tmp_path / "plain.json", tmp_path / "full.json"
    with dialogs.answering(answers(ask=CHOOSE, save_path=str(plain))):
        click_and_wait(qtbot, section, section.json_button)
    assert decode(plain.read_bytes()).bundle.versions == ()
    qtbot.mouseClick(section.with_versions, Qt.MouseButton.LeftButton)
    with dialogs.answering(answers(ask=CHOOSE, save_path=str(full))):
        click_and_wait(qtbot, section, section.json_button)
    (version,) = decode(full.read_bytes()).bundle.versions
    assert version.text.body == "Words I later rewrote."
    assert "(with 1 earlier version of entries)" in section.status.text()


def test_cancelling_the_warning_writes_nothing(qtbot, unlocked, tmp_path):
    section = data_section(unlocked)
    with dialogs.answering(answers(ask=CANCEL)) as asked:
        qtbot.mouseClick(section.json_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(section.markdown_button, Qt.MouseButton.LeftButton)
    assert [q.kind for q in asked] == ["ask", "ask"]
    assert section.task is None and section.status.text() == ""


def test_markdown_one_file_per_entry_goes_into_a_new_folder(qtbot, unlocked, tmp_path):
    unlocked.session.store.journal.save_many(generated_entries(3, seed=2))
    section = data_section(unlocked)
    with dialogs.answering(answers(ask=PER_ENTRY, folder=str(tmp_path))) as asked:
        click_and_wait(qtbot, section, section.markdown_button)
    assert asked[0].choices == (PER_ENTRY, ONE_FILE, CANCEL) and asked[1].kind == "folder"
    made = tmp_path / f"TrustDesk journal {datetime.now():%Y-%m-%d}"
    assert len(list(made.glob("*.md"))) == 3
    assert section.status.text() == f"Exported 3 entries to “{made.name}” in {tmp_path}."
    with dialogs.answering(answers(ask=PER_ENTRY, folder=str(tmp_path))):
        click_and_wait(qtbot, section, section.markdown_button)
    assert (tmp_path / f"{made.name} (2)").is_dir(), "a second export never mixes with the first"


def test_markdown_all_in_one_file(qtbot, unlocked, tmp_path):
    unlocked.session.store.journal.save_many(generated_entries(2, seed=3))
    section = data_section(unlocked)
    with dialogs.answering(answers(ask=ONE_FILE, save_path=str(tmp_path / "journal"))):
        click_and_wait(qtbot, section, section.markdown_button)
    assert (tmp_path / "journal.md").read_text("utf-8").count("\n## ") == 2


def write_export(path: Path, entries: list[Entry]) -> Path:
    path.write_bytes(encode(Bundle(entries=tuple(entries)),
                            exported_at=datetime.now().astimezone()))
    return path


def test_import_asks_then_merges_and_the_page_showing_reloads(qtbot, unlocked, tmp_path,
                                                              data_dir):
    journal = unlocked.workspace.show_page("journal")
    before = journal.model.rowCount()
    source = write_export(tmp_path / "from-laptop.json", generated_entries(12, seed=4))
    section = unlocked.workspace.page("settings").data
    with dialogs.answering(answers(open_path=str(source), ask=IMPORT)) as asked:
        section.import_file()  # as if started from Settings, then the person moved on
        qtbot.waitUntil(lambda: section.task is None and "Imported" in section.status.text(),
                        timeout=20000)
    assert [q.kind for q in asked] == ["open_path", "ask"]
    assert asked[1].text.startswith("“from-laptop.json” is a TrustDesk export with 12 entries, "
                                    "from ")
    assert asked[1].text.endswith(". Bring them into your journal?")
    assert section.status.text() == f"Imported 12 entries: 12 new. {IMPORTED_FILE_NOTE}"
    assert unlocked.workspace.current_key() == "journal"
    qtbot.waitUntil(lambda: journal.model.rowCount() == before + 12, timeout=5000)
    assert [b.kind for b in list_backups(data_dir / "backups")
            if b.kind == "before-import"] == ["before-import"]
    with dialogs.answering(answers(open_path=str(source), ask=IMPORT)):
        section.import_file()
        qtbot.waitUntil(lambda: section.task is None and "already" in section.status.text(),
                        timeout=20000)
    assert section.status.text().startswith("Everything in the file (12 entries) is already")


def test_an_import_that_rewrites_an_entry_keeps_its_words_in_history(qtbot, unlocked,
                                                                      tmp_path):
    """A copy of an entry from another computer, saved later, replaces the text here,
    and the sentence says where the words it replaced are: History lists them as
    replaced by an import, ready to restore."""
    journal = unlocked.session.store.journal
    now = datetime.now().replace(microsecond=0)
    mine = Entry.new(title="Lake", body="What I wrote here, on this laptop.",
                     now=lambda: now - timedelta(days=2))
    journal.save(mine)
    theirs = mine.edited(body="What I wrote on the other laptop.",
                         now=lambda: now - timedelta(days=1))
    source = write_export(tmp_path / "other-laptop.json", [theirs])
    section = data_section(unlocked)
    with dialogs.answering(answers(open_path=str(source), ask=IMPORT)):
        click_and_wait(qtbot, section, section.import_button)
    assert section.status.text() == ("Imported 1 entry: 1 updated. What the updated entry "
                                     f"said before is kept in its history. {IMPORTED_FILE_NOTE}")
    page = unlocked.workspace.show_page("journal")
    assert page.open_entry(mine.id)
    qtbot.waitUntil(lambda: page.editor.body.toPlainText() == theirs.body, timeout=5000)
    page.editor.history_button.click()
    dialog = page.history_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.shown_version() is not None, timeout=5000)
    assert dialog.list.count() == 1
    assert dialog.list.item(0).text().endswith("· replaced by an import")
    assert dialog.then_view.toPlainText() == "Lake\n\n" + mine.body


def test_a_jrnl_export_is_recognised(qtbot, unlocked):
    section = data_section(unlocked)
    with dialogs.answering(answers(open_path=str(JRNL_SAMPLE), ask=IMPORT)) as asked:
        click_and_wait(qtbot, section, section.import_button)
        qtbot.waitUntil(lambda: section.task is None and "Imported" in section.status.text(),
                        timeout=20000)
    assert asked[1].text == ("“jrnl-export.json” is a jrnl JSON export with 6 entries, from "
                             "2 Mar 2019 to 30 Nov 2022. Bring them into your journal?")
    assert "jrnl entry 7 is the same as jrnl entry 2; kept once" in asked[1].details
    assert unlocked.session.store.journal.count() == 6


def test_a_bad_file_is_refused_in_plain_words_before_anything_is_asked(qtbot, unlocked,
                                                                     tmp_path):
    unlocked.session.store.journal.save_many(generated_entries(2, seed=5))
    document = json.loads(write_export(tmp_path / "x.json", generated_entries(20, seed=6))
                          .read_text("utf-8"))
    document["journal"][7]["mood"] = 42
    bad = tmp_path / "broken.json"
    bad.write_text(json.dumps(document), "utf-8")
    section = data_section(unlocked)
    with dialogs.answering(answers(open_path=str(bad))) as asked:
        click_and_wait(qtbot, section, section.import_button)
    assert [q.kind for q in asked] == ["open_path"]
    assert section.status.text() == (
        "“broken.json” can't be imported; nothing was changed. Entry 8 (id 'gen00007'): mood "
        "must be a whole number from 0 to 10.")
    assert section.status.property("role") == "error"
    assert unlocked.session.store.journal.count() == 2


def test_declining_the_import_changes_nothing(qtbot, unlocked, tmp_path):
    source = write_export(tmp_path / "a.json", generated_entries(3, seed=7))
    section = data_section(unlocked)
    with dialogs.answering(answers(open_path=str(source), ask=CANCEL)):
        click_and_wait(qtbot, section, section.import_button)
    assert unlocked.session.store.journal.count() == 0 and section.status.text() == ""


def test_work_shows_progress_and_one_thing_runs_at_a_time(qtbot, unlocked, tmp_path):
    unlocked.session.store.journal.save_many(generated_entries(200, seed=8, words=200))
    section = data_section(unlocked)
    values: list[int] = []
    with dialogs.answering(answers(ask=CHOOSE, save_path=str(tmp_path / "p.json"))) as asked:
        qtbot.mouseClick(section.json_button, Qt.MouseButton.LeftButton)
        assert section.task is not None and section.progress.isVisible()
        assert not section.import_button.isEnabled()
        section.task.progress.connect(values.append)
        section.import_file()  # ignored while busy
        qtbot.waitUntil(lambda: section.task is None, timeout=20000)
    assert [q.kind for q in asked] == ["ask", "save_path"]
    assert values and values[-1] == 100


def test_locking_clears_what_the_section_showed(qtbot, unlocked, tmp_path):
    section = data_section(unlocked)
    with dialogs.answering(answers(ask=CHOOSE, save_path=str(tmp_path / "secret-name.json"))):
        click_and_wait(qtbot, section, section.json_button)
    assert "secret-name" in section.status.text()
    unlocked.session.request_lock()
    assert section.status.text() == ""
    unlock(qtbot, unlocked)
    assert "secret-name" not in data_section(unlocked).status.text()


def files_holding(marker: bytes, folders: list[Path], *, skip: Path, since: float) -> list[Path]:
    hits = []
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs[:] = [d for d in dirs if Path(root, d) != skip]
            for name in names:
                path = Path(root, name)
                try:
                    if path.stat().st_mtime >= since and marker in path.read_bytes():
                        hits.append(path)
                except OSError:
                    continue
    return hits


def test_exported_words_appear_nowhere_but_the_chosen_folder(qtbot, unlocked, tmp_path,
                                                             data_dir, _isolated_home):
    started = time.time() - 1
    marker = f"MARKER-{uuid.uuid4().hex}"
    unlocked.session.store.journal.save(Entry.new(title=f"{marker} title", body=f"{marker} body"))
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    section = data_section(unlocked)
    with dialogs.answering(answers(ask=CHOOSE, save_path=str(chosen / "all.json"))):
        click_and_wait(qtbot, section, section.json_button)
    with dialogs.answering(answers(ask=PER_ENTRY, folder=str(chosen))):
        click_and_wait(qtbot, section, section.markdown_button)
    with dialogs.answering(answers(ask=ONE_FILE, save_path=str(chosen / "all.md"))):
        click_and_wait(qtbot, section, section.markdown_button)
    with dialogs.answering(answers(open_path=str(chosen / "all.json"), ask=IMPORT)):
        click_and_wait(qtbot, section, section.import_button)
    unlocked.session.request_lock()
    needle = marker.encode()
    inside = files_holding(needle, [chosen], skip=Path("/nonexistent"), since=started)
    assert len(inside) == 3, inside  # the JSON, the entry's Markdown file, the single file
    places = [Path(tempfile.gettempdir()), data_dir, _isolated_home]
    assert files_holding(needle, places, skip=chosen, since=started) == []
    assert PASSPHRASE.encode() not in b"".join(p.read_bytes() for p in chosen.rglob("*")
                                               if p.is_file())


def test_a_day_one_zip_shows_its_plan_before_anything_is_written(qtbot, unlocked, tmp_path):
    import zipfile

    from tests.import_data import DATA

    export = tmp_path / "Day One export.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.write(DATA / "dayone" / "Journal.json", "Journal.json")
        archive.writestr("photos/0cc175b9c0f1b6a831c399e269772661.jpeg", b"\xff\xd8")
    section = data_section(unlocked)
    with dialogs.answering(answers(open_path=str(export), ask=CANCEL)) as asked:
        click_and_wait(qtbot, section, section.import_button)
    assert asked[1].text == ("“Day One export.zip” is a Day One export with 4 entries, from "
                             "2 Mar 2019 to 30 Nov 2022. Bring them into your journal?")
    assert asked[1].details.startswith(
        "1 entry holds only photos or other media, which TrustDesk doesn't keep: each says so "
        "in a short note.\nLeft out (2; the rest comes in):\n"
        "  Journal.json: entry 5: dated 1850-01-01, before 1900")
    assert unlocked.session.store.journal.count() == 0, "nothing is written before the answer"
    with dialogs.answering(answers(open_path=str(export), ask=IMPORT)):
        click_and_wait(qtbot, section, section.import_button)
        qtbot.waitUntil(lambda: section.task is None and "Imported" in section.status.text(),
                        timeout=20000)
    assert section.status.text().startswith(
        "Imported 4 entries: 4 new. 2 records in the source could not be imported (listed "
        "before the import).")
    assert unlocked.session.store.journal.count() == 4


def test_a_folder_of_daily_notes_comes_in_through_the_folder_button(qtbot, unlocked):
    from tests.import_data import DATA

    section = data_section(unlocked)
    with dialogs.answering(answers(folder=str(DATA / "notes"), ask=IMPORT)) as asked:
        click_and_wait(qtbot, section, section.folder_button)
        qtbot.waitUntil(lambda: section.task is None and "Imported" in section.status.text(),
                        timeout=20000)
    assert [q.kind for q in asked] == ["folder", "ask"]
    assert asked[1].text.startswith("“notes” is a folder of daily notes with 5 entries")
    assert unlocked.session.store.journal.count() == 5


def test_a_folder_with_nothing_to_import_says_so(qtbot, unlocked, tmp_path):
    section = data_section(unlocked)
    with dialogs.answering(answers(folder=str(tmp_path))):
        click_and_wait(qtbot, section, section.folder_button)
    assert "holds nothing TrustDesk reads" in section.status.text()


def test_daylio_moods_trustdesk_cannot_rate_are_asked_for_before_the_plan(qtbot, unlocked):
    from tests.import_data import DATA

    section = data_section(unlocked)
    german = DATA / "daylio" / "daylio-2018-de.csv"
    with dialogs.answering(answers(open_path=str(german), moods={"super": 10},
                                   ask=IMPORT)) as asked:
        click_and_wait(qtbot, section, section.import_button)
        qtbot.waitUntil(lambda: section.task is None and "Imported" in section.status.text(),
                        timeout=20000)
    assert [q.kind for q in asked] == ["open_path", "moods", "ask"]
    assert asked[1].choices == ("gut", "super")
    assert "Moods TrustDesk can't rate on its own: gut (1)." in asked[2].details
    moods = {entry.written_at.day: (entry.checkin.mood, entry.tags)
             for entry in unlocked.session.store.journal.entries_between(None, None)}
    assert moods == {2: (10, ("freunde", "kino")), 3: (None, ("mood:gut", "sport")),
                     4: (7, ())}
