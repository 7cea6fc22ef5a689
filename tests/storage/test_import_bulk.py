"""Large imports index the new entries once, at the end, instead of row by row
(storage/journal_repo.py `indexing_once_in`): search must find exactly what the
journal holds afterwards, the index must keep following later edits, and an import
stopped half-way must leave the index as it was."""

from __future__ import annotations

import shutil
import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from trustdesk.domain.journal import MAX_TAGS, Entry
from trustdesk.storage.backups.folder import list_backups
from trustdesk.storage.errors import StorageUnavailable
from trustdesk.storage.journal_repo import _LINKS_PER_STATEMENT, BULK_INDEX_MIN
from trustdesk.storage.store import JournalFolder, Store
from trustdesk.storage.vault import Vault

COUNT = BULK_INDEX_MIN + 50


def open_copy(template: Path, folder: Path) -> Store:
    folder.mkdir(mode=0o700)
    shutil.copy2(template, folder / "journal.trustdesk")
    return JournalFolder(folder).unlock(PASSPHRASE)


def numbered(count: int, word: str) -> list[Entry]:
    start = datetime(2024, 1, 1, 21, 0)
    return [Entry.new(written_at=start + timedelta(days=index), title=f"Day {index}",
                      body=f"An evening walk. {word}{index}q was on my mind.",
                      tags=("walks", f"t{index % 7}"))
            for index in range(count)]


def export(entries: list[Entry], template: Path, folder: Path) -> Path:
    donor = open_copy(template, folder)
    try:
        donor.journal.save_many(entries)
        path = folder.parent / f"{folder.name}.json"
        donor.exchange.export_json(path, replace=True)
        return path
    finally:
        donor.close()


def found(store: Store, word: str) -> list[str]:
    return sorted(hit.row.heading for hit in store.journal.search(word))


def test_a_large_import_is_searchable_and_the_index_keeps_following(tmp_path, template_vault):
    source = numbered(COUNT, "quokka")
    path = export(source, template_vault, tmp_path / "donor")
    store = open_copy(template_vault, tmp_path / "target")
    try:
        result = store.exchange.import_file(path)
        assert result.entries.added == COUNT
        assert found(store, "quokka17q") == ["Day 17"]
        assert len(store.journal.search("evening", limit=1000)) == COUNT
        assert store.journal.all_tags() == sorted({"walks", *(f"t{i}" for i in range(7))})

        # The index triggers are back: a new entry, an edit and a delete all show.
        store.journal.save(Entry.new(body="A heron by the river."))
        assert len(store.journal.search("heron")) == 1
        edited = store.journal.get(source[3].id)
        store.journal.save(replace(edited, body="Now about a kingfisher."))
        assert found(store, "quokka3q") == []
        assert found(store, "kingfisher") == ["Day 3"]
        store.journal.delete(source[4].id)
        assert found(store, "quokka4q") == []
    finally:
        store.close()


def test_a_large_import_over_existing_entries_replaces_their_words(tmp_path,
                                                                   template_vault):
    # Written long ago, so the import's copies are newer even within the same second.
    older = [replace(entry, updated_at=entry.written_at) for entry in numbered(COUNT, "oldword")]
    store = open_copy(template_vault, tmp_path / "target")
    try:
        store.journal.save_many(older)
        newer = [replace(entry, body=f"Rewritten: newword{index}q.",
                         updated_at=datetime.now().replace(microsecond=0))
                 for index, entry in enumerate(older)]
        path = export(newer, template_vault, tmp_path / "donor")
        result = store.exchange.import_file(path)
        assert result.entries.updated == COUNT
        assert found(store, "oldword5q") == []
        assert found(store, "newword5q") == ["Day 5"]
        assert store.journal.count() == COUNT
    finally:
        store.close()


class Stop(Exception):
    pass


def test_an_import_stopped_half_way_leaves_the_journal_and_its_index_as_they_were(
        tmp_path, template_vault):
    path = export(numbered(COUNT, "halfway"), template_vault, tmp_path / "donor")
    store = open_copy(template_vault, tmp_path / "target")
    try:
        store.journal.save(Entry.new(title="Before", body="A quiet otter."))

        def stop_half_way(percent: int) -> None:
            if percent >= 70:  # the backup takes the first 40 %; this is mid-writing
                raise Stop

        with pytest.raises(Stop):
            store.exchange.apply_import(store.exchange.read_import(path),
                                        report=stop_half_way)
        assert store.journal.count() == 1
        assert found(store, "halfway") == []
        assert found(store, "otter") == ["Before"]
        store.journal.save(Entry.new(title="After", body="A second otter."))
        assert found(store, "otter") == ["After", "Before"]
    finally:
        store.close()


def test_an_import_whose_backup_fails_changes_nothing(tmp_path, template_vault):
    # The backup is made beside the writing; the transaction must wait for it and
    # roll back when it can't be made (here: the backup folder is a file).
    path = export(numbered(COUNT, "unbacked"), template_vault, tmp_path / "donor")
    store = open_copy(template_vault, tmp_path / "target")
    try:
        store.journal.save(Entry.new(title="Before", body="A quiet otter."))
        blocked = tmp_path / "not-a-folder"
        blocked.write_text("a file where the backups would go", "utf-8")
        store.backups.choose_folder(blocked)
        with pytest.raises(StorageUnavailable):
            store.exchange.import_file(path)
        assert store.journal.count() == 1
        assert found(store, "unbacked") == []
        assert found(store, "otter") == ["Before"]
        assert store.vault.check() == []
    finally:
        store.close()


def test_the_backup_beside_an_import_holds_the_journal_as_it_was(tmp_path, template_vault):
    path = export(numbered(COUNT, "later"), template_vault, tmp_path / "donor")
    store = open_copy(template_vault, tmp_path / "target")
    try:
        store.journal.save(Entry.new(title="Before", body="A quiet otter."))
        store.exchange.import_file(path)
        assert store.journal.count() == COUNT + 1
        made = list_backups(store.backups.folder())
        assert [info.kind for info in made] == ["before-import"]
        with Vault.open(made[0].path, PASSPHRASE, backup_dir=tmp_path / "unused") as copy:
            old = Store.on(copy)
            assert old.journal.count() == 1
            assert found(old, "otter") == ["Before"] and found(old, "later3q") == []
    finally:
        store.close()


def test_an_id_written_twice_in_one_batch_keeps_the_last_version(tmp_path, template_vault):
    store = open_copy(template_vault, tmp_path / "target")
    try:
        first = Entry.new(title="Draft", body="A first draft.")
        store.journal.save_many([first, replace(first, title="Final", body="The last word.")])
        assert store.journal.count() == 1
        assert store.journal.get(first.id).title == "Final"
        assert found(store, "last") == ["Final"] and found(store, "draft") == []
    finally:
        store.close()


def test_tag_links_beyond_one_statement_keep_every_tag_in_order(tmp_path, template_vault):
    # Links are written many rows a statement; more than one statement's worth here.
    tags = tuple(f"tag{n:02d}" for n in range(MAX_TAGS))
    count = _LINKS_PER_STATEMENT // MAX_TAGS + 20
    entries = [replace(entry, tags=tags[index % 5:] + tags[:index % 5])
               for index, entry in enumerate(numbered(count, "tagged"))]
    store = open_copy(template_vault, tmp_path / "target")
    try:
        store.journal.save_many(entries)
        assert [store.journal.get(entry.id).tags for entry in entries] == \
            [entry.tags for entry in entries]
        assert store.journal.all_tags() == sorted(tags)
    finally:
        store.close()


def test_an_import_waits_for_whole_file_work_that_holds_the_maintenance_lock(
        tmp_path, template_vault):
    # A passphrase change takes the maintenance lock, then the vault's. An import
    # whose backup (on its own thread) needs the maintenance lock must not hold the
    # vault's lock meanwhile, or the three would wait for each other for ever.
    path = export(numbered(COUNT, "patient"), template_vault, tmp_path / "donor")
    store = open_copy(template_vault, tmp_path / "target")
    holding, done = threading.Event(), threading.Event()
    outcome: list[object] = []

    def whole_file_work() -> None:
        with store.vault.maintenance:
            holding.set()
            time.sleep(0.5)  # the import starts meanwhile
            with store.vault.read() as conn:
                conn.execute("SELECT count(*) FROM entries").fetchone()

    def importing() -> None:
        try:
            outcome.append(store.exchange.import_file(path))
        except BaseException as exc:  # handed to the test's thread
            outcome.append(exc)
        finally:
            done.set()

    try:
        other = threading.Thread(target=whole_file_work, daemon=True)
        other.start()
        holding.wait()
        threading.Thread(target=importing, daemon=True).start()
        assert done.wait(120), "the import and the whole-file work wait for each other"
        other.join(10)
        assert outcome[0].entries.added == COUNT
        assert [info.kind for info in list_backups(store.backups.folder())] == \
            ["before-import"]
    finally:
        if done.is_set():
            store.close()
