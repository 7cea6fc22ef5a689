"""The backup folder: which backups exist, when the next automatic one is due, and
which old ones rotation removes. Making one copy is `snapshot.make_backup`.

Names are `journal-YYYY-MM-DDTHHMMSS-<kind>.<id>.trustdesk` (local time), so they
sort by date and say why they were made; `<id>` is 8 hex digits of the journal's own
id (kept in its settings), so journals sharing a backup folder tell their copies
apart. Rotation removes only copies that are provably this journal's: ones with its
id, and, in the usual `backups` folder inside the journal's own data folder, older
ones without an id. A copy without an id in a folder the person chose, or with
another journal's id, is never removed. Kinds: `daily` (automatic), `manual` ("Back up
now"), and safety copies: `before-upgrade-vN`, `before-passphrase-change`,
`before-restore`, `before-import`; and `new-passphrase` (right after a change).
Files that don't match the pattern are never touched.

Threading: plain file work, any thread. `inspect_backup` derives a key (about
150 ms): call it off the UI thread.
"""

from __future__ import annotations

import os
import re
import secrets
import threading
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from trustdesk import paths
from trustdesk.storage import errors
from trustdesk.storage.backups.snapshot import (
    BACKUP_SUFFIX,
    PARTIAL_SUFFIX,
    Progress,
    backup_name,
    make_backup,
)
from trustdesk.storage.vault import connect_existing, key_and_verify, table_counts

if TYPE_CHECKING:
    from trustdesk.storage.settings_repo import SettingsRepository
    from trustdesk.storage.vault import Vault

KEEP_DAILY = 7
KEEP_WEEKLY = 4
FOLDER_SETTING = "backup.folder"
ID_SETTING = "journal.id"
ID_CHARS = 8
_NAME = re.compile(r"^journal-(\d{4}-\d{2}-\d{2}T\d{6})-([a-z0-9-]+)"
                   r"(?:\.([0-9a-f]{8}))?\.trustdesk$")
_STAMP = "%Y-%m-%dT%H%M%S"

# Tables whose rows are things a person made, with the words to count them.
# Tables not listed here (settings, search indexes) are not shown.
RECORD_WORDS = {
    "entries": ("entry", "entries"),
    "worksheets": ("worksheet", "worksheets"),
}


_KIND_WORDS = (
    ("daily", "Automatic"),
    ("manual", "Made by you"),
    ("before-passphrase-change", "Before a passphrase change"),
    ("before-restore", "Your journal before a restore"),
    ("before-import", "Before an import"),
    ("before-upgrade", "Before an update"),
    ("new-passphrase", "After a passphrase change"),
)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file found on disk."""

    path: Path
    made_at: datetime
    kind: str
    journal: str | None = None  # the short id of the journal it copies; None if unnamed

    @property
    def is_safety_copy(self) -> bool:
        return self.kind.startswith("before-")

    def label(self) -> str:
        """Why this copy exists, in a few words."""
        for prefix, words in _KIND_WORDS:
            if self.kind.startswith(prefix):
                return words
        return "Backup"


def parse(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        made_at = datetime.strptime(match.group(1), _STAMP)
    except ValueError:
        return None
    return BackupInfo(path, made_at, match.group(2), match.group(3))


def list_backups(*folders: Path) -> list[BackupInfo]:
    """Backups in `folders`, newest first. Missing folders are simply empty."""
    found: dict[Path, BackupInfo] = {}
    for folder in folders:
        try:
            children = list(Path(folder).iterdir())
        except OSError:
            continue
        for child in children:
            info = parse(child)
            if info is not None and child.is_file():
                found[child.resolve()] = info
    return sorted(found.values(), key=lambda info: (info.made_at, info.path.name), reverse=True)


def folder_for(settings: SettingsRepository, default: Path) -> Path:
    """The backup folder the person chose (kept in the vault), else `default`."""
    chosen = settings.get(FOLDER_SETTING)
    return Path(chosen) if isinstance(chosen, str) and chosen else default


def choose_folder(settings: SettingsRepository, folder: Path | None) -> None:
    """Remember `folder` (None = back to the default beside the journal)."""
    settings.set(FOLDER_SETTING, str(folder) if folder is not None else "")


def journal_id(vault: Vault) -> str | None:
    """This journal's id (32 hex digits, kept in its settings and so in its backups),
    made on first use; None when it can't be read or stored (a journal too old to
    have settings, or opened read-only)."""

    try:
        with vault.read() as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?",
                               (ID_SETTING,)).fetchone()
        if row is not None:
            value: str = row[0].strip('"')
            if re.fullmatch(r"[0-9a-f]{32}", value):
                return value
        value = secrets.token_hex(16)
        with vault.transaction() as conn:
            conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) "
                         "DO UPDATE SET value = excluded.value", (ID_SETTING, f'"{value}"'))
        return value
    except (sqlcipher3.Error, errors.VaultError):
        return None


def short_journal_id(vault: Vault) -> str | None:
    """The part of `journal_id` that goes in backup names."""
    full = journal_id(vault)
    return full[:ID_CHARS] if full else None


def _is_usual_folder(vault: Vault, folder: Path) -> bool:
    """True when `folder` is the `backups` folder inside the journal's data folder,
    which holds only this journal's copies."""
    usual = paths.default_backup_dir(Path(vault.path).parent)
    if Path(folder).absolute() == usual.absolute():
        return True
    try:
        return os.path.samefile(folder, usual)
    except OSError:
        return False


def is_ours(info: BackupInfo, journal: str | None, *, usual_folder: bool) -> bool:
    """True when `info` is provably a backup of the journal with short id `journal`:
    it carries that id, or it carries none and lies in the journal's usual folder."""
    if info.journal is not None:
        return journal is not None and info.journal == journal
    return usual_folder


def unique_target(folder: Path, kind: str, when: datetime | None = None,
                  journal: str | None = None) -> Path:
    when = when or datetime.now()
    target = folder / backup_name(kind, when, journal)
    count = 2
    while target.exists():
        target = folder / backup_name(f"{kind}-{count}", when, journal)
        count += 1
    return target


def back_up(vault: Vault, folder: Path, kind: str, *, report: Progress | None = None,
            now: datetime | None = None) -> Path:
    """Make a verified backup of `kind` in `folder`, then rotate old ones of this
    journal away. Rotation holds the vault's maintenance lock, so it never removes
    the temporary file of another backup still being made (say, the daily one and
    an import's)."""
    journal = short_journal_id(vault)
    made = make_backup(vault, unique_target(folder, kind, now, journal), report=report)
    with vault.maintenance:
        prune(folder, today=(now or datetime.now()).date(), keep=made, journal=journal,
              usual_folder=_is_usual_folder(vault, folder))
    return made


class BackupUnderWay:
    """A backup being made on a thread of its own while the caller writes a
    transaction (`start_back_up`); `wait()` returns the file or raises what making
    it raised, `finish()` rotates old backups away once the caller let go of the
    vault. The copy reads through connections of its own, in one read transaction,
    so it holds the journal as it was before anything the caller writes and has not
    yet committed.

    Lock order: whole-file work takes the vault's maintenance lock before the
    vault's own (a passphrase change does). So the caller starts its transaction
    only once the thread holds the maintenance lock (the constructor waits for
    that), the thread never takes the vault's lock, and rotation, which takes the
    maintenance lock again, runs in `finish()`, after the transaction."""

    def __init__(self, vault: Vault, folder: Path, kind: str, now: datetime | None) -> None:
        self._vault, self._folder, self._now = vault, folder, now
        self._made: Path | None = None
        self._error: BaseException | None = None
        # Read (and, the first time, stored) on the caller's thread: it uses the
        # vault's own connection, which the caller is about to write on.
        self._journal = short_journal_id(vault)
        self._usual = _is_usual_folder(vault, folder)
        target = unique_target(folder, kind, now, self._journal)
        under_way = threading.Event()

        def work() -> None:
            try:
                self._made = make_backup(vault, target, holding=under_way.set)
            except BaseException as exc:  # handed to wait(), on the caller's thread
                self._error = exc
            finally:
                under_way.set()

        self._thread = threading.Thread(target=work, name=f"backup {kind}", daemon=True)
        self._thread.start()
        under_way.wait()

    def wait(self) -> Path:
        """The verified backup, once made; raises what making it raised."""
        self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        assert self._made is not None
        return self._made

    def finish(self) -> None:
        """Wait for the thread (without raising: a caller that failed itself is
        already raising), then rotate this journal's old backups away. Call it
        without holding the vault's lock."""
        self._thread.join()
        if self._made is None:
            return
        # Rotation failing (a file that can't be removed) must not fail the work
        # the backup was made for; the next backup rotates again.
        with self._vault.maintenance, suppress(OSError):
            prune(self._folder, today=(self._now or datetime.now()).date(), keep=self._made,
                  journal=self._journal, usual_folder=self._usual)


def start_back_up(vault: Vault, folder: Path, kind: str, *,
                  now: datetime | None = None) -> BackupUnderWay:
    """`back_up` on a thread of its own: the caller may write meanwhile in a
    transaction it commits only after `wait()` returned, and calls `finish()` after
    it (imports: the backup's key derivations and page encryption run beside the
    writing, on another core)."""
    return BackupUnderWay(vault, folder, kind, now)


def daily_due(folder: Path, today: date, journal: str | None = None, *,
              usual_folder: bool = True) -> bool:
    """True unless a backup (of any kind) of this journal was already made today."""
    return not any(info.made_at.date() == today
                   and is_ours(info, journal, usual_folder=usual_folder)
                   for info in list_backups(folder))


def back_up_if_due(vault: Vault, folder: Path, *, now: datetime | None = None) -> Path | None:
    """The automatic backup: at most once a day. Returns the new file, or None."""
    now = now or datetime.now()
    if not daily_due(folder, now.date(), short_journal_id(vault),
                     usual_folder=_is_usual_folder(vault, folder)):
        return None
    return back_up(vault, folder, "daily", now=now)


def to_remove(backups: Iterable[BackupInfo], today: date) -> list[BackupInfo]:
    """Rotation: keep the newest backup of each of the last KEEP_DAILY days that have
    one, then the newest of each of the KEEP_WEEKLY weeks before those (like borg's
    prune), and always the newest safety copy. Backups dated in the future (a clock
    that was wrong) are kept. Everything else goes. `backups` must all be copies of
    one journal (see `is_ours`)."""
    ordered = sorted(backups, key=lambda info: (info.made_at, info.path.name), reverse=True)
    kept: set[Path] = {info.path for info in ordered if info.made_at.date() > today}
    periods: tuple[tuple[Callable[[datetime], object], int], ...] = (
        (lambda d: d.date(), KEEP_DAILY), (lambda d: d.isocalendar()[:2], KEEP_WEEKLY))
    for period, count in periods:
        last = None
        chosen = 0
        for info in ordered:
            key = period(info.made_at)
            if key == last:
                continue
            last = key
            if info.path in kept:
                continue
            kept.add(info.path)
            chosen += 1
            if chosen == count:
                break
    safety = [info for info in ordered if info.is_safety_copy]
    if safety:
        kept.add(safety[0].path)
    return [info for info in ordered if info.path not in kept]


def prune(folder: Path, *, today: date, keep: Path | None = None,
          journal: str | None = None, usual_folder: bool = True) -> list[Path]:
    """Remove this journal's backups that rotation doesn't keep (never `keep`, the
    copy just made), and its leftovers of interrupted backups. Only copies for which
    `is_ours` holds are considered; everything else in `folder` is left alone."""
    removed: list[Path] = []
    mine = [info for info in list_backups(folder)
            if is_ours(info, journal, usual_folder=usual_folder)]
    for info in to_remove(mine, today):
        if keep is not None and info.path.name == keep.name:
            continue
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    for leftover in Path(folder).glob(f"journal-*{BACKUP_SUFFIX}{PARTIAL_SUFFIX}"):
        partial = parse(leftover.with_name(leftover.name.removesuffix(PARTIAL_SUFFIX)))
        if partial is not None and is_ours(partial, journal, usual_folder=usual_folder):
            leftover.unlink(missing_ok=True)
    return removed


@dataclass(frozen=True)
class BackupContents:
    """What opening a backup showed: record counts, or why it couldn't be opened."""

    counts: dict[str, int] | None
    problem: str | None = None

    def summary(self) -> str:
        if self.counts is None:
            return self.problem or "Can't be opened"
        return describe_counts(self.counts)


def describe_counts(counts: dict[str, int]) -> str:
    """'12 entries · 3 worksheets', for the record tables that exist."""
    parts = []
    for table, (one, many) in RECORD_WORDS.items():
        if table in counts:
            n = counts[table]
            parts.append(f"{n} {one if n == 1 else many}")
    return " · ".join(parts) if parts else "No entries yet"


def inspect_backup(path: Path, passphrase: str) -> BackupContents:
    """Open a backup with `passphrase` and count its records. Never raises for a
    backup that can't be opened: the reason is in `problem`."""
    try:
        conn = connect_existing(path)
    except errors.VaultError as exc:
        return BackupContents(None, exc.message)
    try:
        key_and_verify(conn, passphrase)
        return BackupContents(table_counts(conn))
    except errors.WrongPassphrase:
        return BackupContents(None, "Opens with a different passphrase")
    except (errors.VaultError, sqlcipher3.Error):
        return BackupContents(None, "Damaged")
    finally:
        conn.close()
