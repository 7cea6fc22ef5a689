"""Earlier versions of journal entries (entry history), inside the vault.

Which version to keep is decided by trustdesk/domain/history.py; this module reads
and writes them. Versions are kept inside the transaction that saves the entry
(`JournalRepository.save` calls `keep_before_save_in`), expire after the days set
in Settings (`prune`), and go with their entry. Deleted versions are zeroed on disk
(`PRAGMA secure_delete`, set by the vault). They are not in the search index.

Threading: any thread, one call at a time per vault (the vault's lock).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlcipher3 import Connection

from trustdesk.domain.history import (
    HistoryPolicy,
    Reason,
    Text,
    Version,
    VersionRow,
    expiry,
    snapshot_reason,
)
from trustdesk.domain.journal import Entry
from trustdesk.storage.settings_repo import SettingsRepository
from trustdesk.storage.vault import Vault

DEFAULT_POLICY = HistoryPolicy()
_IDS_PER_QUERY = 500   # well under SQLite's limit on bound parameters
_ROW = "v.id, v.entry_id, v.saved_at, v.kept_at, v.reason, v.words"


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat(timespec="seconds")


def _row(record: Sequence[Any]) -> VersionRow:
    version_id, entry_id, saved_at, kept_at, reason, words = record
    return VersionRow(id=version_id, entry_id=entry_id,
                      saved_at=datetime.fromisoformat(saved_at),
                      kept_at=datetime.fromisoformat(kept_at), reason=Reason(reason),
                      words=words)


class HistoryRepository:
    """Listing, reading and expiring entry versions; the in-transaction helpers
    are for the journal repository's saves, restores and imports."""

    def __init__(self, vault: Vault, policy: HistoryPolicy = DEFAULT_POLICY) -> None:
        self._vault = vault
        self.policy = policy

    # -- reading ---------------------------------------------------------------------
    def keep_days(self) -> int:
        """How many days versions are kept (0: none are kept)."""
        with self._vault.read() as conn:
            return SettingsRepository.history_days_in(conn)

    def versions(self, entry_id: str) -> list[VersionRow]:
        """The entry's earlier versions, newest first (no text)."""
        with self._vault.read() as conn:
            return [_row(record) for record in conn.execute(
                f"SELECT {_ROW} FROM entry_versions v WHERE v.entry_id = ? "
                "ORDER BY v.kept_at DESC, v.id DESC", (entry_id,))]

    def get(self, version_id: int) -> Version | None:
        with self._vault.read() as conn:
            return self.get_in(conn, version_id)

    @staticmethod
    def get_in(conn: Connection, version_id: int) -> Version | None:
        record = conn.execute(f"SELECT {_ROW}, v.title, v.body FROM entry_versions v "
                              "WHERE v.id = ?", (version_id,)).fetchone()
        if record is None:
            return None
        return Version(_row(record[:6]), Text(record[6], record[7]))

    def count(self) -> int:
        """How many versions the journal keeps, of all entries."""
        with self._vault.read() as conn:
            return int(conn.execute("SELECT count(*) FROM entry_versions").fetchone()[0])

    def count_before(self, moment: datetime) -> int:
        """How many versions were kept before `moment` (what an expiry would delete)."""
        with self._vault.read() as conn:
            return int(conn.execute("SELECT count(*) FROM entry_versions WHERE kept_at < ?",
                                    (_iso(moment),)).fetchone()[0])

    @staticmethod
    def all_in(conn: Connection) -> list[Version]:
        """Every version, oldest first per entry (exports)."""
        return [Version(_row(record[:6]), Text(record[6], record[7])) for record in
                conn.execute(f"SELECT {_ROW}, v.title, v.body FROM entry_versions v "
                             "ORDER BY v.entry_id, v.kept_at, v.id")]

    # -- expiring --------------------------------------------------------------------
    def prune(self, *, now: datetime) -> int:
        """Delete the versions older than the days set (all of them when history is
        off). Returns how many went. Any thread; call it off the UI thread."""
        with self._vault.transaction() as conn:
            return self.prune_in(conn, now=now, keep_days=SettingsRepository.history_days_in(conn))

    def set_keep_days(self, days: int, *, now: datetime) -> int:
        """Keep versions for `days` (0: keep none) and delete, in the same
        transaction, those that no longer qualify. Returns how many went."""
        with self._vault.transaction() as conn:
            SettingsRepository.set_history_days_in(conn, days)
            return self.prune_in(conn, now=now, keep_days=days)

    @staticmethod
    def prune_in(conn: Connection, *, now: datetime, keep_days: int) -> int:
        limit = expiry(now, keep_days)
        if limit is None:
            cursor = conn.execute("DELETE FROM entry_versions")
        else:
            cursor = conn.execute("DELETE FROM entry_versions WHERE kept_at < ?", (_iso(limit),))
        return int(cursor.rowcount)

    # -- keeping, inside the caller's transaction ----------------------------------------
    def keep_before_save_in(self, conn: Connection, entry: Entry, *, now: datetime,
                            session_start: datetime | None) -> Reason | None:
        """Before `entry` replaces what is stored under its id, keep the stored text
        as a version if the policy says so (and history is on). Returns the reason
        a version was kept, or None."""
        stored = conn.execute("SELECT title, body, updated_at FROM entries WHERE id = ?",
                              (entry.id,)).fetchone()
        if stored is None:
            return None
        before, after = Text(stored[0], stored[1]), Text(entry.title, entry.body)
        if before == after or SettingsRepository.history_days_in(conn) <= 0:
            return None
        last = conn.execute("SELECT max(kept_at) FROM entry_versions WHERE entry_id = ?",
                            (entry.id,)).fetchone()[0]
        last_kept = datetime.fromisoformat(last) if last else None
        saved_at = datetime.fromisoformat(stored[2])
        reason = snapshot_reason(before=before, after=after, last_saved=saved_at, now=now,
                                 session_start=session_start, last_kept=last_kept,
                                 policy=self.policy)
        if reason is None or self._newest_is(conn, entry.id, before):
            return None
        self.keep_in(conn, entry.id, before, saved_at=saved_at, kept_at=now, reason=reason)
        return reason

    @staticmethod
    def _newest_is(conn: Connection, entry_id: str, text: Text) -> bool:
        """Whether the entry's newest version holds exactly `text`."""
        same = conn.execute(
            "SELECT title = ? AND body = ? FROM entry_versions WHERE entry_id = ? "
            "ORDER BY kept_at DESC, id DESC LIMIT 1", (text.title, text.body, entry_id)
        ).fetchone()
        return bool(same and same[0])

    @classmethod
    def keep_current_in(cls, conn: Connection, entry: Entry, *, now: datetime,
                        reason: Reason) -> bool:
        """Keep `entry`'s stored text as a version (a restore does this first, so it
        can be undone), unless it is blank or the newest version already holds it."""
        text = Text(entry.title, entry.body)
        if text.is_blank or cls._newest_is(conn, entry.id, text):
            return False
        cls.keep_in(conn, entry.id, text, saved_at=entry.updated_at or now, kept_at=now,
                    reason=reason)
        return True

    @classmethod
    def keep_replaced_in(cls, conn: Connection, entries: Sequence[Entry], *,
                         now: datetime) -> int:
        """Before an import overwrites `entries` (newer versions of entries the
        journal has), keep each stored text that the import changes as a version, so
        an import never takes words away for good. Nothing is kept while history is
        off, for blank texts, or when the newest version already holds the text.
        Returns how many versions were kept."""
        if not entries or SettingsRepository.history_days_in(conn) <= 0:
            return 0
        incoming = {entry.id: Text(entry.title, entry.body) for entry in entries}
        ids = list(incoming)
        kept = 0
        for start in range(0, len(ids), _IDS_PER_QUERY):
            chunk = ids[start:start + _IDS_PER_QUERY]
            stored = conn.execute(
                "SELECT id, title, body, updated_at FROM entries "
                f"WHERE id IN ({', '.join('?' * len(chunk))})", chunk).fetchall()
            for entry_id, title, body, updated_at in stored:
                text = Text(title, body)
                if (text == incoming[entry_id] or text.is_blank
                        or cls._newest_is(conn, entry_id, text)):
                    continue
                cls.keep_in(conn, entry_id, text, saved_at=datetime.fromisoformat(updated_at),
                            kept_at=now, reason=Reason.IMPORT)
                kept += 1
        return kept

    @staticmethod
    def keep_in(conn: Connection, entry_id: str, text: Text, *, saved_at: datetime,
                kept_at: datetime, reason: Reason) -> None:
        conn.execute(
            "INSERT INTO entry_versions (entry_id, saved_at, kept_at, reason, words, title, "
            "body) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (entry_id, _iso(saved_at), _iso(kept_at), str(reason), text.words, text.title,
             text.body))
