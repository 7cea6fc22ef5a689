"""The vault: one SQLCipher file holding everything a person writes.

`Vault.create` and `Vault.open` are the only ways in; both derive the key from the
passphrase with SQLCipher 4's defaults (PBKDF2-HMAC-SHA512, 256,000 iterations),
which takes about 150 ms, so UI code calls them off the UI thread.

Threading: a Vault may be used from any thread, one at a time. Every use of the
connection goes through `read()` or `transaction()`, which hold the vault's lock.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3
from sqlcipher3 import Connection

from trustdesk.storage import errors, memory_security
from trustdesk.storage.migrations import LATEST, migrate
from trustdesk.storage.staging import staged_file

APPLICATION_ID = 0x54525354  # "TRST": tells our files apart from other SQLCipher files
PAGE_SIZE = 4096
SQLITE_MAGIC = b"SQLite format 3\x00"
CACHE_KIB = 32 * 1024
# The vault checkpoints the log itself, past this size, so it can record each log
# it retires first (see log_guard); SQLite's own automatic checkpoint is off.
CHECKPOINT_BYTES = 4 * 1024 * 1024
BUSY_TIMEOUT_MS = 2000

_log_silenced = False


def normalize_passphrase(passphrase: str) -> str:
    """NFC, so the same passphrase typed on a keyboard that sends NFD opens the vault."""
    return unicodedata.normalize("NFC", passphrase)


def _silence_sqlcipher_log() -> None:
    """SQLCipher prints 'hmac check failed' to stderr on a wrong key unless told not
    to. The setting is process-wide, so once is enough."""
    global _log_silenced
    if not _log_silenced:
        conn = sqlcipher3.connect(":memory:")
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.close()
        _log_silenced = True


def connect_existing(path: Path) -> Connection:
    """Open an existing file read-write; a missing file is an error, never created.
    SQLCipher's memory security is on before the first connection (process-wide)."""
    _silence_sqlcipher_log()
    memory_security.enable()
    uri = path.absolute().as_uri() + "?mode=rw"
    try:
        return sqlcipher3.connect(uri, uri=True, isolation_level=None,
                                  check_same_thread=False, timeout=2.0)
    except sqlcipher3.OperationalError as exc:
        if not path.exists():
            raise errors.VaultMissing() from exc
        raise errors.StorageUnavailable() from exc


def connect_read_only(path: Path, *, main_file_only: bool) -> Connection:
    """Open an existing file for reading only: nothing is checkpointed or written.
    With `main_file_only` the write-ahead log beside it is not read at all (SQLite's
    `immutable`), which also works on read-only media; otherwise the log is read but
    left as it is."""
    _silence_sqlcipher_log()
    memory_security.enable()
    query = "immutable=1" if main_file_only else "mode=ro"
    try:
        return sqlcipher3.connect(f"{path.absolute().as_uri()}?{query}", uri=True,
                                  isolation_level=None, check_same_thread=False,
                                  timeout=2.0)
    except sqlcipher3.OperationalError as exc:
        if not path.exists():
            raise errors.VaultMissing() from exc
        raise errors.StorageUnavailable() from exc


def translate(exc: sqlcipher3.Error) -> errors.VaultError | None:
    """The typed error for a SQLite failure, or None for programming errors."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return errors.StorageFull()
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text \
            or "not a database" in text:
        return errors.VaultDamaged()
    if name.startswith("SQLITE_BUSY") or "database is locked" in text:
        return errors.VaultInUse()
    if name.startswith(("SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CANTOPEN")) \
            or "readonly" in text or "disk i/o" in text or "unable to open" in text:
        return errors.StorageUnavailable()
    return None


def key_and_verify(conn: Connection, passphrase: str) -> None:
    """Key the connection and prove the key with a first read (PRAGMA key is lazy)."""
    conn.set_key(normalize_passphrase(passphrase))
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        if "not a database" in str(exc).lower():
            raise errors.WrongPassphrase() from exc
        raise translate(exc) or errors.VaultDamaged() from exc


def _configure(conn: Connection) -> None:
    conn.execute("PRAGMA temp_store = MEMORY")
    if conn.execute("PRAGMA temp_store").fetchone()[0] != 2:
        raise errors.VaultError("Temporary data could not be kept in memory.")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise errors.StorageUnavailable()
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")


def _configure_read_only(conn: Connection) -> None:
    conn.execute("PRAGMA temp_store = MEMORY")
    if conn.execute("PRAGMA temp_store").fetchone()[0] != 2:
        raise errors.VaultError("Temporary data could not be kept in memory.")
    conn.execute("PRAGMA query_only = ON")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")


@dataclass(frozen=True)
class OldLog:
    """A write-ahead log from an earlier moment of this journal, found beside it and
    not used. `moved` says whether it was set aside (under `path`) or, for a
    read-only opening, left where it was."""

    path: Path
    moved: bool


class Vault:
    """An unlocked journal. Create with `Vault.create` or `Vault.open`; `close()` locks."""

    def __init__(self, path: Path, conn: Connection, passphrase: str, *,
                 read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._reads_log = True
        #: A log from an earlier moment that opening found and did not replay.
        self.old_log: OldLog | None = None
        self._conn: Connection | None = conn
        self._passphrase: str | None = normalize_passphrase(passphrase)
        self._lock = threading.RLock()
        self._identity = _identity(path)
        # Held by long whole-file work (backup, passphrase change, restore) so two
        # of them never overlap; ordinary reads and writes don't take it.
        self.maintenance = threading.Lock()

    # -- opening ---------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, passphrase: str, *, version: int = LATEST) -> Vault:
        """Create a new vault at `path` (which must not exist) and open it.

        The file is built under a temporary name and renamed into place, so a crash
        while creating never leaves a half-made journal. `version` is for tests that
        need a file of an older schema."""
        path = Path(path)
        if path.exists():
            raise errors.VaultExists()
        try:
            with staged_file(path, ".new") as staging:
                conn = connect_existing(staging)
                try:
                    conn.set_key(normalize_passphrase(passphrase))
                    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    migrate(conn, current=0, target=version)
                finally:
                    conn.close()
        except sqlcipher3.Error as exc:
            raise translate(exc) or errors.VaultError() from exc
        except OSError as exc:
            raise errors.StorageUnavailable() from exc
        return cls.open(path, passphrase, migrate_to=version)

    @classmethod
    def open(cls, path: Path, passphrase: str, *, backup_dir: Path | None = None,
             migrate_to: int = LATEST, read_only: bool = False) -> Vault:
        """Unlock an existing vault, upgrading its schema if it is older.

        Raises the typed errors of `trustdesk.storage.errors`. A wrong passphrase
        changes nothing on disk. Before upgrading, a verified encrypted copy is
        written to `backup_dir` (default: `backups/` beside the file).

        A write-ahead log from an earlier moment of this journal is never replayed:
        it is set aside (see `log_guard`) and named in `old_log`. With `read_only`
        nothing on disk changes at all (no checkpoint, no upgrade, no log moved; an
        old log is just not read), which also works on read-only media."""
        from trustdesk.storage import damage, log_guard, odd_files  # they read our constants

        path = Path(path)
        backup_dir = backup_dir or path.parent / "backups"
        odd_files.refuse_what_is_not_a_journal(path)
        keys = damage.check_side_files(path, passphrase)
        stale = keys is not None and log_guard.judge(path, keys.key, PAGE_SIZE)
        old_log = None
        if stale and not read_only:
            try:
                old_log = OldLog(log_guard.set_aside(path), moved=True)
            except OSError as exc:
                raise errors.StorageUnavailable() from exc
        elif stale:
            old_log = OldLog(side_file(path, "-wal"), moved=False)
        if read_only:
            conn = connect_read_only(path, main_file_only=keys is None or stale)
        else:
            conn = connect_existing(path)
        try:
            try:
                key_and_verify(conn, passphrase)
            except errors.WrongPassphrase:
                conn.close()
                damage.explain_refusal(path, passphrase, backup_dir)
                raise
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise errors.NotAVault()
            if version > LATEST:
                raise errors.VaultTooNew()
            if read_only:
                _configure_read_only(conn)
            else:
                _configure(conn)
        except errors.VaultError:
            conn.close()
            raise
        except sqlcipher3.Error as exc:
            conn.close()
            raise translate(exc) or errors.VaultDamaged() from exc
        vault = cls(path, conn, passphrase, read_only=read_only)
        vault._reads_log = not (read_only and (keys is None or stale))
        vault.old_log = old_log
        if version < migrate_to and not read_only:
            vault._upgrade(version, migrate_to, backup_dir)
        return vault

    def _upgrade(self, current: int, target: int, backup_dir: Path) -> None:
        from trustdesk.storage.backups.snapshot import backup_before_migration

        try:
            backup_before_migration(self, backup_dir, current)
            with self._lock:
                migrate(self.connection, current=current, target=target)
        except BaseException:
            self.close()
            raise

    # -- using ------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def connection(self) -> Connection:
        """The raw connection, for storage code that already holds `read()`."""
        if self._conn is None:
            raise errors.VaultLocked()
        return self._conn

    @property
    def passphrase(self) -> str:
        """The key material, kept only while unlocked (backups need it)."""
        if self._passphrase is None:
            raise errors.VaultLocked()
        return self._passphrase

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """The connection for reading, with SQLite errors turned into typed ones."""
        with self._lock:
            conn = self.connection
            try:
                yield conn
            except sqlcipher3.Error as exc:
                typed = translate(exc)
                if typed is None:
                    raise
                raise typed from exc

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back on error."""
        with self._lock:
            self.connection  # noqa: B018 - raises VaultLocked when closed
            self._ensure_file_is_there()
            conn = self.connection
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
                self._checkpoint_if_long(conn)
            except BaseException as exc:
                if conn.in_transaction:
                    with suppress(sqlcipher3.Error):
                        conn.execute("ROLLBACK")
                if isinstance(exc, sqlcipher3.Error):
                    typed = translate(exc)
                    if typed is not None:
                        raise typed from exc
                raise

    def _checkpoint_if_long(self, conn: Connection) -> None:
        try:
            long = os.path.getsize(side_file(self.path, "-wal")) > CHECKPOINT_BYTES
        except OSError:
            return
        if long:
            self.checkpoint(wait=False)

    def checkpoint(self, *, wait: bool = True) -> None:
        """Move the log into the file, first recording inside it which log that was,
        so a copy of this log can never be replayed over a newer file. A checkpoint
        that can't finish now (a reader) is simply tried again later; without `wait`
        it doesn't wait for readers at all (a save must never stall behind a backup)."""
        from trustdesk.storage import log_guard

        if self.read_only:
            return
        with self._lock, suppress(sqlcipher3.Error):
            conn = self.connection
            log_guard.record_retirement(conn, side_file(self.path, "-wal"), PAGE_SIZE)
            if not wait:
                conn.execute("PRAGMA busy_timeout = 0")
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            finally:
                if not wait:
                    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def _ensure_file_is_there(self) -> None:
        """Refuse to write when the file is gone (an unplugged drive, a moved folder):
        SQLite would keep writing into the vanished file and the words would be lost
        on close. When a file with the same key is back at the path (the drive was
        plugged in again), reconnect to it."""
        try:
            now = _identity(self.path)
        except OSError as exc:
            raise errors.StorageUnavailable() from exc
        if now == self._identity:
            return
        conn = connect_existing(self.path)
        try:
            key_and_verify(conn, self.passphrase)
            _configure(conn)
        except BaseException as exc:
            conn.close()
            if isinstance(exc, errors.VaultError | sqlcipher3.Error):
                raise errors.StorageUnavailable() from exc
            raise
        old, self._conn, self._identity = self._conn, conn, now
        if old is not None:  # only an open vault writes, so there is always one
            with suppress(sqlcipher3.Error):
                old.close()

    def adopt_passphrase(self, passphrase: str) -> None:
        """After a verified rekey: the key material backups now need."""
        with self._lock:
            if self._conn is None:
                raise errors.VaultLocked()
            self._passphrase = normalize_passphrase(passphrase)

    @property
    def schema_version(self) -> int:
        with self.read() as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])

    def table_counts(self) -> dict[str, int]:
        """Rows per ordinary table: used to verify backups and shown beside them."""
        with self.read() as conn:
            return table_counts(conn)

    def check(self) -> list[str]:
        """Problems found by SQLCipher's HMAC check and SQLite's quick_check; [] = ok."""
        with self.read() as conn:
            return integrity_problems(conn, self.path if self._reads_log else None)

    def close(self, *, checkpoint: bool = True) -> None:
        """Lock: checkpoint the WAL into the encrypted file and drop the connection.
        A read-only vault, or `checkpoint=False`, just drops the connection."""
        with self._lock:
            if self._conn is None:
                self._passphrase = None
                return
            try:
                if checkpoint:
                    self.checkpoint()
            finally:
                conn, self._conn = self._conn, None
                self._passphrase = None
                conn.close()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def side_file(path: Path, suffix: str) -> Path:
    """`journal.trustdesk-wal` and friends: SQLite's files beside the vault."""
    return path.with_name(path.name + suffix)


SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def _identity(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino


def table_counts(conn: Connection) -> dict[str, int]:
    names = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in names}


def integrity_problems(conn: Connection, path: Path | None = None) -> list[str]:
    """What SQLCipher's HMAC check and SQLite's quick_check find; [] when healthy. A
    page so damaged that a check itself fails is reported, not raised. Nothing is
    written: quick_check reads every page in use through SQLCipher, which checks the
    authentication code of each page it reads, from the log or the file. The HMAC
    check reads the main file alone; when `conn` reads the log beside `path`, a main
    file page that the log replaces is not the page in use, so its verdict is
    dropped (after a passphrase change cut short, those pages still carry the old
    key)."""
    try:
        problems = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
        quick = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
    except sqlcipher3.DatabaseError as exc:
        return [f"the check could not finish: {exc}"]
    if path is not None and problems:
        from trustdesk.storage.damage import committed_frames

        replaced = committed_frames(side_file(path, "-wal"))
        problems = [line for line in problems if _page_named(line) not in replaced]
    if quick != ["ok"]:
        problems.extend(quick)
    return problems


def _page_named(line: str) -> int | None:
    found = re.search(r"\bpage (\d+)", line)
    return int(found.group(1)) if found else None
