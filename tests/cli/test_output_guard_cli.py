"""No command can write over the journal: `summary`, `export` (every format) and
`backup` refuse the journal, its side files and lock, files inside the data or
backup folder, links to the journal and anything that is not a regular file, with
exit code 2 and one line, before asking for the passphrase. Also: `summary` needs
--replace, odd passphrases and impossible dates get clear answers at once."""

from __future__ import annotations

import hashlib
import io
import os
import stat
import sys
import time
from pathlib import Path

import pytest

from tests.cli.test_cli import trustdesk
from tests.conftest import PASSPHRASE
from trustdesk import cli
from trustdesk.storage.backups.folder import FOLDER_SETTING
from trustdesk.storage.store import JournalFolder

KEY = PASSPHRASE + "\n"

COMMANDS = {
    "summary": ("summary", "--replace"),
    "export json": ("export", "--replace"),
    "export markdown file": ("export", "-f", "markdown", "--single-file", "--replace"),
    "export markdown folder": ("export", "-f", "markdown"),
    "export jrnl": ("export", "-f", "jrnl", "--replace"),
    "export csv": ("export", "-f", "csv", "--replace"),
    "backup": ("backup",),
}

TARGETS = ("journal", "log", "lock", "data-folder file", "backup-folder file",
           "symlink to journal", "hard link to journal", "/dev/null", "a FIFO", "a directory")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_target(name: str, data_dir: Path, tmp_path: Path) -> Path:
    journal = data_dir / "journal.trustdesk"
    outside = tmp_path / "outside"
    outside.mkdir(exist_ok=True)
    if name == "journal":
        return journal
    if name == "log":
        (data_dir / "journal.trustdesk-wal").write_bytes(b"")
        return data_dir / "journal.trustdesk-wal"
    if name == "lock":
        (data_dir / "trustdesk.lock").write_bytes(b"")
        return data_dir / "trustdesk.lock"
    if name == "data-folder file":
        (data_dir / "window.ini").write_text("[geometry]")
        return data_dir / "window.ini"
    if name == "backup-folder file":
        (data_dir / "backups").mkdir(exist_ok=True)
        return data_dir / "backups" / "export.out"
    if name == "symlink to journal":
        (outside / "summary.pdf").symlink_to(journal)
        return outside / "summary.pdf"
    if name == "hard link to journal":
        os.link(journal, outside / "export.json")
        return outside / "export.json"
    if name == "/dev/null":
        return Path("/dev/null")
    if name == "a FIFO":
        os.mkfifo(outside / "pipe")
        return outside / "pipe"
    assert name == "a directory"
    (outside / "folder").mkdir()
    (outside / "folder" / "keep.txt").write_text("mine")
    return outside / "folder"


def snapshot(path: Path) -> tuple:
    """What a target is on disk, to show it was left alone."""
    info = os.lstat(path)
    kind = stat.S_IFMT(info.st_mode)
    content = path.read_bytes() if stat.S_ISREG(info.st_mode) else None
    return kind, info.st_ino, content


def run_in_process(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """`trustdesk ARGS` through the real entry point, in this process (the matrix
    below has fifty cases), with the passphrase on standard input."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(KEY.encode())))
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("target_name", TARGETS)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_no_command_writes_over_the_journal_or_odd_files(data_dir, tmp_path, monkeypatch,
                                                         capsys, command, target_name):
    target = make_target(target_name, data_dir, tmp_path)
    journal = data_dir / "journal.trustdesk"
    before, target_before = digest(journal), (snapshot(target) if target.exists() else None)
    started = time.monotonic()
    code, out, err = run_in_process(monkeypatch, capsys, "--data-dir", str(data_dir),
                                    *COMMANDS[command], "-o", str(target))
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("trustdesk: "), err
    assert str(target) in lines[0] or "folder" in lines[0]
    assert out == ""
    assert digest(journal) == before
    if target_before is not None:
        assert snapshot(target) == target_before
    else:
        assert not target.exists()
    assert time.monotonic() - started < 20  # answered, not hung on the FIFO


def test_the_backup_folder_chosen_in_settings_is_protected_too(data_dir, tmp_path):
    chosen = tmp_path / "usb stick"
    chosen.mkdir()
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    try:
        store.settings.set(FOLDER_SETTING, str(chosen))
    finally:
        store.close()
    for command in (("export",), ("backup",), ("summary",)):
        result = trustdesk("--data-dir", str(data_dir), *command, "-o",
                           str(chosen / "out.file"), stdin=KEY)
        assert result.returncode == 2, result.stderr
        assert "inside the backup folder" in result.stderr
    assert list(chosen.iterdir()) == []


def test_summary_replaces_an_existing_file_only_when_asked(data_dir, tmp_path):
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"my own file")
    refused = trustdesk("--data-dir", str(data_dir), "summary", "-o", str(target), stdin=KEY)
    assert refused.returncode == 2
    assert "already exists" in refused.stderr and "--replace" in refused.stderr
    assert target.read_bytes() == b"my own file"
    replaced = trustdesk("--data-dir", str(data_dir), "summary", "--replace", "-o",
                         str(target), stdin=KEY)
    assert replaced.returncode == 0, replaced.stderr
    assert target.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("command, code", [(("check",), 3), (("init",), 2),
                                           (("export", "-o", "OUT"), 3)])
@pytest.mark.parametrize("stdin, says", [(b"\n", "No passphrase was given"),
                                         (b"", "No passphrase was given"),
                                         (b"\xff\xfe secret\n", "isn't valid UTF-8")])
def test_empty_or_undecodable_passphrases_get_a_clear_answer(data_dir, tmp_path, command,
                                                             code, stdin, says):
    folder = tmp_path / "new" if command == ("init",) else data_dir
    args = [str(tmp_path / "out.json") if part == "OUT" else part for part in command]
    result = trustdesk("--data-dir", str(folder), *args, stdin=stdin)
    assert result.returncode == code, result.stderr
    last = result.stderr.strip().splitlines()[-1]  # export warns first
    assert last.startswith("trustdesk: ") and says in last
    assert not (tmp_path / "out.json").exists()
    assert not (tmp_path / "new" / "journal.trustdesk").exists()


@pytest.mark.parametrize("option, day", [("--to", "9999-12-31"), ("--from", "0001-01-01"),
                                         ("--to", "2101-01-01"), ("--from", "1899-12-31")])
def test_dates_outside_1900_to_2100_are_usage_errors_answered_at_once(data_dir, tmp_path,
                                                                      option, day):
    started = time.monotonic()
    result = trustdesk("--data-dir", str(data_dir), "summary", "-o",
                       str(tmp_path / "x.pdf"), option, day, stdin=KEY)
    assert result.returncode == 2
    assert result.stderr.strip() == (f"trustdesk: {option} must be a date from 1900-01-01 "
                                     f"to 2100-12-31, not {day}.")
    assert time.monotonic() - started < 10
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("where", ["data folder", "backup folder", "symlink to journal"])
def test_the_html_summary_passes_the_same_guard(data_dir, tmp_path, monkeypatch, capsys,
                                                where):
    """A name ending in .html picks the web page, and the guard refuses the same
    places for it as for the PDF."""
    journal = data_dir / "journal.trustdesk"
    if where == "data folder":
        target = data_dir / "summary.html"
    elif where == "backup folder":
        (data_dir / "backups").mkdir(exist_ok=True)
        target = data_dir / "backups" / "summary.html"
    else:
        target = tmp_path / "summary.html"
        target.symlink_to(journal)
    before = digest(journal)
    code, out, err = run_in_process(monkeypatch, capsys, "--data-dir", str(data_dir),
                                    "summary", "--replace", "-o", str(target))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1, err
    assert digest(journal) == before
    assert target.is_symlink() or not target.exists()
