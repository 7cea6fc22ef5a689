"""Nothing a person exports can land on the journal: `ProtectedPlaces` refuses the
journal, its side files and lock, anything inside the data or backup folder, and
anything that is not a regular file, comparing what paths are on disk (device and
inode after following links), not their names. Exports refuse on their own too."""

from __future__ import annotations

import hashlib
import os
import socket
from pathlib import Path

import pytest

from trustdesk.storage.errors import OutputExists, OutputRefused
from trustdesk.storage.output_guard import ProtectedPlaces


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def places(data_dir: Path, tmp_path: Path) -> ProtectedPlaces:
    """A journal with a log, shared memory and lock beside it, the usual backup folder
    and a chosen one elsewhere."""
    journal = data_dir / "journal.trustdesk"
    for name in ("journal.trustdesk-wal", "journal.trustdesk-shm", "trustdesk.lock"):
        (data_dir / name).write_bytes(b"")
    (data_dir / "backups").mkdir()
    (tmp_path / "chosen backups").mkdir()
    return ProtectedPlaces.around(journal, [data_dir / "backups", tmp_path / "chosen backups"])


def refused_targets(data_dir: Path, tmp_path: Path) -> dict[str, Path]:
    """Every kind of place that must be refused, made real on disk."""
    journal = data_dir / "journal.trustdesk"
    outside = tmp_path / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "link.json").symlink_to(journal)
    os.link(journal, outside / "hard.json")
    (outside / "data-link").symlink_to(data_dir, target_is_directory=True)
    os.mkfifo(outside / "pipe.json")
    (outside / "dangling.json").symlink_to(outside / "nothing")
    (outside / "a folder.json").mkdir()
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(outside / "socket.json"))
    (data_dir / "window.ini").write_text("[x]")
    return {
        "journal": journal,
        "log": data_dir / "journal.trustdesk-wal",
        "shared memory": data_dir / "journal.trustdesk-shm",
        "rollback journal (absent)": data_dir / "journal.trustdesk-journal",
        "lock": data_dir / "trustdesk.lock",
        "file in the data folder": data_dir / "window.ini",
        "new file in the data folder": data_dir / "export.json",
        "the data folder": data_dir,
        "new file in the usual backup folder": data_dir / "backups" / "x.json",
        "new file in the chosen backup folder": tmp_path / "chosen backups" / "x.json",
        "the chosen backup folder": tmp_path / "chosen backups",
        "symlink to the journal": outside / "link.json",
        "hard link to the journal": outside / "hard.json",
        "through a symlinked data folder": outside / "data-link" / "x.json",
        "the journal through a symlinked folder": outside / "data-link" / "journal.trustdesk",
        "/dev/null": Path("/dev/null"),
        "a FIFO": outside / "pipe.json",
        "a socket": outside / "socket.json",
        "a folder": outside / "a folder.json",
        "a dangling symlink": outside / "dangling.json",
    }


NAMES = ["journal", "log", "shared memory", "rollback journal (absent)", "lock",
         "file in the data folder", "new file in the data folder", "the data folder",
         "new file in the usual backup folder", "new file in the chosen backup folder",
         "the chosen backup folder", "symlink to the journal", "hard link to the journal",
         "through a symlinked data folder", "the journal through a symlinked folder",
         "/dev/null", "a FIFO", "a socket", "a folder", "a dangling symlink"]


@pytest.mark.parametrize("name", NAMES)
def test_every_protected_or_odd_place_is_refused_even_with_replace(places, data_dir,
                                                                    tmp_path, name):
    target = refused_targets(data_dir, tmp_path)[name]
    before = digest(places.journal)
    with pytest.raises(OutputRefused) as refused:
        places.check(target, replace=True)
    message = refused.value.message
    assert "\n" not in message and str(target) in message
    assert digest(places.journal) == before


@pytest.mark.parametrize("name", NAMES)
def test_a_folder_of_markdown_files_is_refused_in_the_same_places(places, data_dir,
                                                                   tmp_path, name):
    target = refused_targets(data_dir, tmp_path)[name]
    if name == "a folder":
        pytest.skip("an empty folder outside is a fine place for a folder export")
    with pytest.raises((OutputRefused, OutputExists)):
        places.check(target, folder=True)


def test_the_journal_is_named_in_plain_words(places):
    with pytest.raises(OutputRefused, match="is the journal; writing there would destroy"):
        places.check(places.journal, replace=True)


def test_ordinary_places_are_allowed_and_existing_files_need_replace(places, tmp_path):
    new = tmp_path / "export.json"
    assert places.check(new) == new
    new.write_text("{}")
    with pytest.raises(OutputExists, match="already exists"):
        places.check(new)
    assert places.check(new, replace=True) == new
    empty = tmp_path / "empty folder"
    empty.mkdir()
    assert places.check(empty, folder=True) == empty
    (empty / "x.md").write_text("x")
    with pytest.raises(OutputExists, match="isn't an empty folder"):
        places.check(empty, folder=True)
    assert places.check(Path("relative-name.pdf")) == Path("relative-name.pdf").absolute()


def test_a_symlink_to_an_ordinary_file_may_be_replaced(places, tmp_path):
    real = tmp_path / "real.pdf"
    real.write_bytes(b"%PDF")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    assert places.check(link, replace=True) == link


def test_backup_folders_may_not_be_the_data_folder_or_inside_it(places, data_dir, tmp_path):
    assert places.check_backup_folder(data_dir / "backups") == data_dir / "backups"
    assert places.check_backup_folder(tmp_path / "new place") == tmp_path / "new place"
    with pytest.raises(OutputRefused, match="journal's own folder"):
        places.check_backup_folder(data_dir)
    (data_dir / "inner").mkdir()
    with pytest.raises(OutputRefused, match="inside the journal's folder"):
        places.check_backup_folder(data_dir / "inner")
    (tmp_path / "a file").write_text("x")
    with pytest.raises(OutputRefused, match="not a folder"):
        places.check_backup_folder(tmp_path / "a file")


def test_exports_refuse_the_journal_on_their_own(store, data_dir, tmp_path):
    """Storage checks too: whoever calls an export can't aim it at the journal."""
    journal = store.vault.path
    before = digest(journal)
    link = tmp_path / "journal.json"
    link.symlink_to(journal)
    for target, single in ((journal, True), (link, True), (data_dir / "md", False)):
        with pytest.raises(OutputRefused):
            if single:
                store.exchange.export_json(target, replace=True)
            else:
                store.exchange.export_markdown(target)
        with pytest.raises(OutputRefused):
            store.exchange.export_markdown(target, single_file=single, replace=True)
        for kind in ("jrnl", "csv"):
            with pytest.raises(OutputRefused):
                store.exchange.export_table(target, format=kind, replace=True)
    assert digest(journal) == before
    assert not (data_dir / "md").exists()
