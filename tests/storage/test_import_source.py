"""Importing from other apps through a real journal: a Day One zip, a folder, a single
file are read as they are on disk (photos counted, not read), each source comes in
once however often it is imported, and a backup is made before the one transaction."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.import_data import DATA
from trustdesk.domain.exchange.fields import ImportProblem
from trustdesk.storage import import_source
from trustdesk.storage.backups.folder import list_backups
from trustdesk.storage.import_source import gather


def day_one_zip(tmp_path: Path) -> Path:
    """A Day One export zip as the app writes it: Journal.json beside photos/."""
    path = tmp_path / "Export - Journal.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(DATA / "dayone" / "Journal.json", "Journal.json")
        archive.writestr("photos/0cc175b9c0f1b6a831c399e269772661.jpeg", b"\xff\xd8" + b"x" * 500)
        archive.writestr("__MACOSX/._Journal.json", b"\x00\x05\x16\x07")
    return path


def test_a_zip_reads_only_its_text_files(tmp_path):
    source = gather(day_one_zip(tmp_path))
    assert (source.kind, [one.path for one in source.files], source.skipped_files) == \
        ("zip", ["Journal.json"], 1)


def test_a_folder_leaves_hidden_files_and_media_out(tmp_path):
    (tmp_path / ".obsidian").mkdir()
    (tmp_path / ".obsidian" / "app.json").write_text("{}")
    (tmp_path / "2024-05-01.md").write_text("# Hi\n")
    (tmp_path / "cat.png").write_bytes(b"\x89PNG")
    source = gather(tmp_path)
    assert ([one.path for one in source.files], source.skipped_files) == (["2024-05-01.md"], 1)


def test_a_source_too_big_to_read_is_refused_before_it_fills_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(import_source, "MAX_FILE_BYTES", 100)
    (tmp_path / "2024-05-01.md").write_text("x" * 101)
    with pytest.raises(ImportProblem, match="more than"):
        gather(tmp_path)


def test_a_damaged_zip_is_named(tmp_path):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(day_one_zip(tmp_path).read_bytes()[:-40])
    with pytest.raises(ImportProblem, match="zip can't be opened"):
        gather(broken)


def test_a_day_one_zip_comes_in_once_after_one_backup(store, tmp_path, data_dir):
    path = day_one_zip(tmp_path)
    incoming = store.exchange.read_import(path)
    assert store.exchange.preview_import(incoming).entries.added == 4
    assert store.journal.count() == 0, "a preview writes nothing"
    first = store.exchange.apply_import(incoming)
    assert (first.source, first.entries.added) == ("dayone", 4)
    again = store.exchange.apply_import(store.exchange.read_import(path))
    assert (again.entries.added, again.entries.unchanged) == (0, 4)
    assert store.journal.count() == 4
    assert [b.kind for b in list_backups(data_dir / "backups")] == ["before-import"]


@pytest.mark.parametrize(("relative", "count"), [
    ("daylio/daylio_export_2024_05_12.csv", 6), ("rednotebook/data", 6),
    ("jrnl-journal.txt", 4), ("jrnl-folder", 3), ("notes", 5)])
def test_each_format_imports_and_a_second_import_changes_nothing(store, relative, count):
    first = store.exchange.apply_import(store.exchange.read_import(DATA / relative),
                                        backup=False)
    assert first.entries.added == count
    second = store.exchange.apply_import(store.exchange.read_import(DATA / relative),
                                         backup=False)
    assert (second.changed, second.entries.unchanged) == (0, count)
