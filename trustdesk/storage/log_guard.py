"""Keeping an old write-ahead log from rolling the journal back.

SQLite replays whatever valid write-ahead log (`journal.trustdesk-wal`) it finds
beside the journal. A log copied back from an earlier moment of the *same*
journal (a folder sync, a backup tool restoring the folder) is valid: its pages
carry our key and its checksums are fine. Replayed over a newer journal, it turns
120 entries back into 80, every check passes, and the next checkpoint makes the
loss permanent.

So the vault writes down each log it retires. Just before every checkpoint it
records, inside the journal, the log's identity (the two salts in its 32-byte
header, which SQLite draws afresh for every new log) and how many frames it held
(`record_retirement`); the checkpoint then carries that record into the main file
together with the log's pages. Before the next opening, `judge` compares the log
on disk with those records, read from the main file alone:

- a log the main file has never retired is live (left by a crash): SQLite replays it;
- a retired log with no commit after the recording transaction is stale: it is
  already inside the journal or older than it. `set_aside` moves it (and the
  `-shm` index) to `journal.trustdesk-wal.set-aside-<UTC time>`: never replayed,
  never deleted;
- a retired log that goes on past the recording commit (a checkpoint that could
  not finish, then a crash) still holds newer words: it is live.

Threading: pure functions over files and a connection the caller holds.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3
from sqlcipher3 import Connection

from trustdesk.storage import memory_security
from trustdesk.storage.staging import fsync_dir, move_without_overwriting

HEADER_SIZE = 32
FRAME_HEADER_SIZE = 24
MAGICS = (0x377F0682, 0x377F0683)
SETTINGS_KEY = "storage.retired_logs"  # not "app.": never exported, never imported
KEEP = 64  # the newest records kept; each is about 30 bytes
SET_ASIDE_INFIX = ".set-aside-"


@dataclass(frozen=True)
class LogState:
    """What a write-ahead log holds, as SQLite would read it."""

    salts: str  # the header's two salts, hex: this log's identity
    commits: tuple[int, ...]  # 1-based frame numbers of its commit frames, in order

    @property
    def frames(self) -> int:
        """Frames SQLite would replay: up to the last commit frame."""
        return self.commits[-1] if self.commits else 0


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def read_log(wal: Path, page_size: int) -> LogState | None:
    """The log at `wal`, or None when there is none SQLite would use (missing, empty,
    a bad header, another page size, not a regular file). Reads frame headers only."""
    try:
        with open(wal, "rb") as fh:
            if not os.path.isfile(wal):
                return None
            header = fh.read(HEADER_SIZE)
            if len(header) < HEADER_SIZE:
                return None
            if int.from_bytes(header[0:4], "big") not in MAGICS \
                    or int.from_bytes(header[8:12], "big") != page_size:
                return None
            salts = header[16:24]
            size = os.fstat(fh.fileno()).st_size
            commits: list[int] = []
            number = 0
            while True:
                frame = fh.read(FRAME_HEADER_SIZE)
                if len(frame) < FRAME_HEADER_SIZE or frame[8:16] != salts:
                    break
                if fh.seek(page_size, os.SEEK_CUR) > size:
                    break
                number += 1
                if int.from_bytes(frame[4:8], "big"):  # the database size: a commit
                    commits.append(number)
    except OSError:
        return None
    if not commits:
        return None
    return LogState(salts.hex(), tuple(commits))


def _records(text: str | None) -> dict[str, int]:
    if not text:
        return {}
    try:
        return {str(salts): int(frames) for salts, frames in json.loads(text)}
    except (ValueError, TypeError):
        return {}


def record_retirement(conn: Connection, wal: Path, page_size: int) -> None:
    """Write down, inside the journal, that the current log is about to be
    checkpointed: its salts and the frames it holds now. Call it on the vault's
    connection, outside a transaction, right before `wal_checkpoint`."""
    state = read_log(wal, page_size)
    if state is None:
        return
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?",
                           (SETTINGS_KEY,)).fetchone()
    except sqlcipher3.OperationalError:  # a file from before the settings table
        return
    records = _records(row[0] if row else None)
    records.pop(state.salts, None)
    records[state.salts] = state.frames
    kept = list(records.items())[-KEEP:]
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     (SETTINGS_KEY, json.dumps(kept, separators=(",", ":"))))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def retired_in(conn: Connection) -> dict[str, int]:
    """The records kept in a journal, read through `conn` (opened on the main file
    alone, so the log being judged plays no part)."""
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?",
                           (SETTINGS_KEY,)).fetchone()
    except sqlcipher3.DatabaseError:
        return {}
    return _records(row[0] if row else None)


def is_stale(path: Path, state: LogState, retired: dict[str, int], page_size: int) -> bool:
    """Whether the log `state` beside `path` is one the main file already retired,
    with nothing committed after the transaction that recorded it.

    A log that ends exactly at its recording commit is also what a crash in the
    middle of that checkpoint leaves; then the recording pages are already in the
    main file, byte for byte, and replaying the log finishes the checkpoint. Only
    when they differ (the file has moved on since) is the log stale."""
    recorded = retired.get(state.salts)
    if recorded is None:
        return False
    after = [n for n in state.commits if n > recorded]
    if not after:
        return True  # older than the recording: everything in it is in the file
    if len(after) > 1:
        return False  # commits after the recording one: newer than the file
    return not _frames_in_file(path, range(recorded + 1, after[0] + 1), page_size)


def _frames_in_file(path: Path, numbers: range, page_size: int) -> bool:
    """Whether each of these frames of the log is in the main file, byte for byte."""
    try:
        with open(wal_path(path), "rb") as log, open(path, "rb") as main:
            for number in numbers:
                log.seek(HEADER_SIZE + (number - 1) * (FRAME_HEADER_SIZE + page_size))
                page_number = int.from_bytes(log.read(FRAME_HEADER_SIZE)[0:4], "big")
                main.seek((page_number - 1) * page_size)
                if log.read(page_size) != main.read(page_size):
                    return False
    except OSError:
        return False
    return True


def judge(path: Path, key: bytes, page_size: int) -> bool:
    """Whether the log beside `path` is stale. The main file is read on its own
    (SQLite's `immutable`: the log plays no part, nothing is written), keyed with
    the raw page `key` already derived for the side-file check. A main file that
    can't be read this way gives no verdict: the log is treated as live."""
    state = read_log(wal_path(path), page_size)
    if state is None:
        return False
    memory_security.enable()  # the raw key goes into this connection
    try:
        conn = sqlcipher3.connect(f"{path.absolute().as_uri()}?immutable=1", uri=True,
                                  isolation_level=None)
    except sqlcipher3.Error:
        return False
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        retired = retired_in(conn)
    except sqlcipher3.Error:
        return False
    finally:
        conn.close()
    return is_stale(path, state, retired, page_size)


def set_aside(path: Path, when: datetime | None = None) -> Path:
    """Move the log (and its index) beside `path` out of SQLite's way, under a new
    name, and return the log's new name. Nothing is deleted or overwritten."""
    stamp = (when or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    base = f"{path.name}-wal{SET_ASIDE_INFIX}{stamp}"
    count = 1
    while True:
        suffix = "" if count == 1 else f"-{count}"
        target = path.with_name(base + suffix)
        index_target = path.with_name(f"{path.name}-shm{SET_ASIDE_INFIX}{stamp}{suffix}")
        if not target.exists() and not index_target.exists():
            break
        count += 1
    index = path.with_name(path.name + "-shm")
    move_without_overwriting(wal_path(path), target)
    if index.exists():
        move_without_overwriting(index, index_target)
    fsync_dir(path.parent)
    return target
