"""The backup folder: which backups exist, when the next automatic one is due, and
which old ones rotation removes. Making one copy is `backup.make_backup`.

Names are `journal-YYYY-MM-DDTHHMMSS-<kind>.trustdesk` (local time), so they sort by
date and say why they were made. Kinds: `daily` (automatic), `manual` ("Back up
now"), and safety copies: `before-upgrade-vN`, `before-passphrase-change`,
`before-restore`, `before-import`; and `new-passphrase` (right after a change).
Files that don't match the pattern are never touched.

Threading: plain file work, any thread. `inspect_backup` derives a key (about
150 ms): call it off the UI thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from trustdesk.storage import errors
from trustdesk.storage.backup import (
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
_NAME = re.compile(r"^journal-(\d{4}-\d{2}-\d{2}T\d{6})-([a-z0-9-]+)\.trustdesk$")
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
    return BackupInfo(path, made_at, match.group(2))


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


def unique_target(folder: Path, kind: str, when: datetime | None = None) -> Path:
    when = when or datetime.now()
    target = folder / backup_name(kind, when)
    count = 2
    while target.exists():
        target = folder / backup_name(f"{kind}-{count}", when)
        count += 1
    return target


def back_up(vault: Vault, folder: Path, kind: str, *, report: Progress | None = None,
            now: datetime | None = None) -> Path:
    """Make a verified backup of `kind` in `folder`, then rotate old ones away.
    Rotation holds the vault's maintenance lock, so it never removes the temporary
    file of another backup still being made (say, the daily one and an import's)."""
    made = make_backup(vault, unique_target(folder, kind, now), report=report)
    with vault.maintenance:
        prune(folder, today=(now or datetime.now()).date(), keep=made)
    return made


def daily_due(folder: Path, today: date) -> bool:
    """True unless a backup (of any kind) was already made today."""
    return not any(info.made_at.date() == today for info in list_backups(folder))


def back_up_if_due(vault: Vault, folder: Path, *, now: datetime | None = None) -> Path | None:
    """The automatic backup: at most once a day. Returns the new file, or None."""
    now = now or datetime.now()
    if not daily_due(folder, now.date()):
        return None
    return back_up(vault, folder, "daily", now=now)


def to_remove(backups: Iterable[BackupInfo], today: date) -> list[BackupInfo]:
    """Rotation: keep the newest backup of each of the last KEEP_DAILY days that have
    one, then the newest of each of the KEEP_WEEKLY weeks before those (like borg's
    prune), and always the newest safety copy. Backups dated in the future (a clock
    that was wrong) are kept. Everything else goes."""
    ordered = sorted(backups, key=lambda info: (info.made_at, info.path.name), reverse=True)
    kept: set[Path] = {info.path for info in ordered if info.made_at.date() > today}
    for period, count in ((lambda d: d.date(), KEEP_DAILY),
                          (lambda d: d.isocalendar()[:2], KEEP_WEEKLY)):
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


def prune(folder: Path, *, today: date, keep: Path | None = None) -> list[Path]:
    """Remove what rotation doesn't keep (never `keep`, the copy just made), and
    leftovers of interrupted backups."""
    removed = []
    for info in to_remove(list_backups(folder), today):
        if keep is not None and info.path.name == keep.name:
            continue
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    for leftover in Path(folder).glob(f"journal-*{BACKUP_SUFFIX}{PARTIAL_SUFFIX}"):
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
