"""Odd things at the journal's path get a plain sentence and the right exit code at
once: a named pipe never hangs a command, a folder is not an unexpected error, text
is not "cut short", a damaged salt is not a wrong passphrase. A journal on read-only
media can be checked, exported and summarised, and a check changes nothing."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.test_cli import ROOT, one_line_error, trustdesk, trustdesk_process
from tests.conftest import PASSPHRASE
from tests.journal_data import generated_entries
from trustdesk.storage.store import JournalFolder

Make = Callable[[Path], None]


def fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def socket_node(path: Path) -> None:
    path.unlink()
    os.mknod(path, stat.S_IFSOCK | 0o600)


def device(path: Path) -> None:
    path.unlink()
    path.symlink_to("/dev/zero")


def text(path: Path) -> None:
    path.write_text("Dear diary,\nToday I wrote in the wrong file.\n", encoding="utf-8")


def json_export(path: Path) -> None:
    path.write_text('{"format": "trustdesk-export", "version": 1, "entries": []}\n',
                    encoding="utf-8")


def cut_short(path: Path) -> None:
    path.write_bytes(os.urandom(100))


def zeroed_salt(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.write(bytes(16))


def flipped_salt_with_a_backup(path: Path) -> None:
    """A single flipped bit in the salt; the daily backup beside the journal opens
    with the same passphrase, which shows the passphrase is right."""
    store = JournalFolder(path.parent).unlock(PASSPHRASE)
    try:
        from trustdesk.storage.backups.folder import back_up

        back_up(store.vault, path.parent / "backups", "daily")
    finally:
        store.close()
    with open(path, "r+b") as fh:
        first = fh.read(1)
        fh.seek(0)
        fh.write(bytes([first[0] ^ 0x01]))


CASES: list[tuple[str, Make, int, str]] = [
    ("named pipe", fifo, 3, "named pipe"),
    ("folder", folder, 3, "a folder"),
    ("socket", socket_node, 3, "a socket"),
    ("device", device, 3, "a device"),
    ("plain text", text, 3, "plain text"),
    ("JSON", json_export, 3, "JSON"),
    ("cut short", cut_short, 4, "cut short"),
    ("zeroed salt", zeroed_salt, 4, "start of the journal file is damaged"),
    ("flipped salt, with a backup", flipped_salt_with_a_backup, 4,
     "start of the journal file is damaged"),
]


@pytest.mark.slow
@pytest.mark.parametrize("command", [("check",), ("export", "--output", "{out}/x.json"),
                                     ("summary", "--output", "{out}/x.pdf")],
                         ids=["check", "export", "summary"])
@pytest.mark.parametrize("name, make, code, words", CASES, ids=[c[0] for c in CASES])
def test_each_odd_journal_gets_its_sentence_and_exit_code_at_once(
        data_dir, tmp_path, name, make, code, words, command):
    make(data_dir / "journal.trustdesk")
    args = [part.format(out=tmp_path) for part in command]
    try:
        result = trustdesk_process("--data-dir", str(data_dir), *args,
                                   stdin=PASSPHRASE + "\n", timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: the command hung")
    assert result.returncode == code, result.stderr
    error = [line for line in result.stderr.splitlines() if "NOT encrypted" not in line]
    assert len(error) == 1, result.stderr
    assert words in error[0]
    assert "sqlite" not in error[0].lower() and "Traceback" not in result.stderr


def test_a_wrong_passphrase_on_a_flipped_salt_without_backups_stays_a_wrong_passphrase(
        data_dir):
    """Without another copy of the salt nothing can tell the two apart: say the
    sentence that may be true, never call a healthy guess damaged."""
    path = data_dir / "journal.trustdesk"
    with open(path, "r+b") as fh:
        fh.write(b"\x01")
    result = trustdesk("--data-dir", str(data_dir), "check", stdin=PASSPHRASE + "\n")
    assert result.returncode == 3


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_check_leaves_a_journal_with_an_unmerged_log_exactly_as_it_was(data_dir, tmp_path):
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    for entry in generated_entries(20):
        store.journal.save(entry)
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal", "-shm"):
        shutil.copy(f"{data_dir}/journal.trustdesk{suffix}", crashed)
    store.close()
    journal = crashed / "journal.trustdesk"
    before = (digest(journal), digest(journal.with_name("journal.trustdesk-wal")))
    result = trustdesk("--data-dir", str(crashed), "check", stdin=PASSPHRASE + "\n")
    assert (result.returncode, result.stdout.strip()) == (0, "ok"), result.stderr
    assert (digest(journal), digest(journal.with_name("journal.trustdesk-wal"))) == before


def _read_only_mounts() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    return probe.returncode == 0


def on_read_only_media(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `trustdesk --data-dir DATA args` with DATA mounted read-only, in a mount
    namespace of its own (nothing outside the command sees the mount)."""
    script = ('mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && shift '
              '&& exec "$@"')
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", script, "sh", str(data_dir), sys.executable, "-m",
         "trustdesk", "--data-dir", str(data_dir), *args],
        input=PASSPHRASE + "\n", capture_output=True, text=True, env=env, timeout=60)


needs_mounts = pytest.mark.skipif(not _read_only_mounts(),
                                  reason="needs root and unshare for a read-only mount")


@pytest.mark.slow
@needs_mounts
def test_a_journal_on_read_only_media_can_be_checked_exported_and_summarised(
        data_dir, tmp_path):
    store = JournalFolder(data_dir).unlock(PASSPHRASE)
    store.journal.save_many(generated_entries(10))
    store.close()
    (data_dir / "trustdesk.lock").unlink(missing_ok=True)
    before = sorted(p.name for p in data_dir.iterdir())
    checked = on_read_only_media(data_dir, "check")
    assert (checked.returncode, checked.stdout.strip()) == (0, "ok"), checked.stderr
    exported = on_read_only_media(data_dir, "export", "--output", str(tmp_path / "e.json"))
    assert exported.returncode == 0, exported.stderr
    assert '"journal"' in (tmp_path / "e.json").read_text(encoding="utf-8")
    summary = on_read_only_media(data_dir, "summary", "--output", str(tmp_path / "s.pdf"))
    assert summary.returncode == 0, summary.stderr
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in data_dir.iterdir()) == before


@pytest.mark.slow
@needs_mounts
def test_writing_on_read_only_media_is_refused_in_words_for_the_terminal(data_dir, tmp_path):
    source = tmp_path / "in.json"
    exported = trustdesk("--data-dir", str(data_dir), "export", "--output", str(source),
                         stdin=PASSPHRASE + "\n")
    assert exported.returncode == 0, exported.stderr
    result = on_read_only_media(data_dir, "import", str(source))
    assert result.returncode == 1
    line = one_line_error(result)
    assert "read-only" in line and "nothing was changed" in line
    assert "words are kept" not in line, "the app's autosave promise is not the CLI's"
