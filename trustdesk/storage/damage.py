"""Telling a damaged journal from a wrong passphrase, without letting SQLite touch it.

SQLCipher answers "file is not a database" both for a wrong key and for a damaged
first page, and it replays (and on close checkpoints) whatever write-ahead log sits
beside the file, even one that belongs to another journal. This module checks page
authentication codes itself, read-only, so the vault can (a) call a damaged first
page damaged, and (b) refuse a foreign `-wal` file before SQLite copies it into
the journal.

It assumes SQLCipher 4's defaults, which `Vault` always uses: a 16-byte salt at the
start of the file, PBKDF2-HMAC-SHA512 with 256,000 iterations for a 32-byte key, a
second PBKDF2 (2 iterations, salt XOR 0x3a) for the HMAC key, and an 80-byte reserve
(16-byte IV + 64-byte HMAC-SHA512 over the page and its little-endian number).

Threading: pure functions over files; deriving a key takes about 150 ms, so call
them off the UI thread (the vault only does when opening).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from trustdesk.storage import errors
from trustdesk.storage.vault import PAGE_SIZE, normalize_passphrase, side_file

SALT_SIZE = 16
KDF_ITERATIONS = 256_000
KEY_SIZE = 32
HMAC_SIZE = 64
WAL_HEADER_SIZE = 32
WAL_FRAME_HEADER_SIZE = 24
WAL_MAGICS = (0x377F0682, 0x377F0683)
_SAMPLE_PAGES = 8


@dataclass(frozen=True)
class PageKeys:
    """The page key and HMAC key for one file's salt and one passphrase."""

    key: bytes = field(repr=False)
    hmac_key: bytes = field(repr=False)

    @classmethod
    def derive(cls, salt: bytes, passphrase: str) -> PageKeys:
        key = hashlib.pbkdf2_hmac("sha512", normalize_passphrase(passphrase).encode("utf-8"),
                                  salt, KDF_ITERATIONS, KEY_SIZE)
        hmac_salt = bytes(b ^ 0x3A for b in salt)
        return cls(key, hashlib.pbkdf2_hmac("sha512", key, hmac_salt, 2, KEY_SIZE))

    def page_is_authentic(self, page: bytes, number: int) -> bool:
        """Whether `page` (one whole stored page) was written with this key as page `number`."""
        if len(page) != PAGE_SIZE:
            return False
        start = SALT_SIZE if number == 1 else 0
        body, mac = page[start:PAGE_SIZE - HMAC_SIZE], page[PAGE_SIZE - HMAC_SIZE:]
        expected = hmac.new(self.hmac_key, body + number.to_bytes(4, "little"),
                            hashlib.sha512).digest()
        return hmac.compare_digest(expected, mac)


def _read_page(fh: BinaryIO, number: int) -> bytes:
    fh.seek((number - 1) * PAGE_SIZE)
    return fh.read(PAGE_SIZE)


def salt_of(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(SALT_SIZE)


def main_file_verdict(path: Path, keys: PageKeys) -> str:
    """'ok' when page 1 is authentic under `keys`; 'damaged' when page 1 is not but
    other pages are (so the passphrase is right and the file is hurt); 'foreign'
    when no sampled page is authentic (wrong passphrase, or not this journal)."""
    pages = os.path.getsize(path) // PAGE_SIZE
    with open(path, "rb") as fh:
        if pages and keys.page_is_authentic(_read_page(fh, 1), 1):
            return "ok"
        sample = list(range(2, min(pages, _SAMPLE_PAGES + 1) + 1))
        if pages > _SAMPLE_PAGES + 1:
            sample += [pages // 2, pages]
        if any(keys.page_is_authentic(_read_page(fh, n), n) for n in sample):
            return "damaged"
    return "foreign"


def committed_frames(wal: Path) -> dict[int, tuple[int, int]]:
    """The frames SQLite would use from a write-ahead log, as {page number: (offset of
    the page in the log, frame index)}, the latest frame for each page winning.

    Like SQLite's recovery, only frames of the log's current generation (salts equal
    to the header's) up to the last commit frame count; an empty log, a bad header
    or a different page size means SQLite ignores the log and so do we."""
    try:
        with open(wal, "rb") as fh:
            header = fh.read(WAL_HEADER_SIZE)
            if len(header) < WAL_HEADER_SIZE:
                return {}
            magic = int.from_bytes(header[0:4], "big")
            if magic not in WAL_MAGICS or int.from_bytes(header[8:12], "big") != PAGE_SIZE:
                return {}
            salts = header[16:24]
            latest: dict[int, tuple[int, int]] = {}
            committed: dict[int, tuple[int, int]] = {}
            index = 0
            while True:
                frame_header = fh.read(WAL_FRAME_HEADER_SIZE)
                if len(frame_header) < WAL_FRAME_HEADER_SIZE or frame_header[8:16] != salts:
                    break
                offset = fh.tell()
                fh.seek(PAGE_SIZE, os.SEEK_CUR)
                if fh.tell() > os.fstat(fh.fileno()).st_size:
                    break
                latest[int.from_bytes(frame_header[0:4], "big")] = (offset, index)
                index += 1
                if int.from_bytes(frame_header[4:8], "big"):  # a commit frame
                    committed = dict(latest)
            return committed
    except OSError:
        return {}


def _effective_pages(path: Path, wal: Path, keys: PageKeys,
                     numbers: list[int]) -> list[bool]:
    """For each page number: is the page SQLite would read (log first, then the
    file) authentic under `keys`?"""
    frames = committed_frames(wal)
    out = []
    with open(path, "rb") as main, ExitStack() as stack:
        try:
            log = stack.enter_context(open(wal, "rb")) if frames else None
        except FileNotFoundError:
            # Checkpointed and removed meanwhile (the journal was just closed): the
            # file itself now holds every committed page.
            log, frames = None, {}
        for number in numbers:
            if log is not None and number in frames:
                log.seek(frames[number][0])
                page = log.read(PAGE_SIZE)
            else:
                page = _read_page(main, number)
            out.append(keys.page_is_authentic(page, number))
    return out


def _logged_salt(wal: Path, offset: int) -> bytes:
    with open(wal, "rb") as fh:
        fh.seek(offset)
        return fh.read(SALT_SIZE)


def _sample(pages: int, extra: list[int]) -> list[int]:
    chosen = set(range(2, min(pages, _SAMPLE_PAGES + 1) + 1)) | set(extra)
    if pages > _SAMPLE_PAGES + 1:
        chosen |= {pages // 2, pages}
    chosen.discard(1)
    return sorted(chosen)


def check_side_files(path: Path, passphrase: str) -> PageKeys | None:
    """Before SQLite sees a leftover write-ahead log (after a crash, or one copied in
    by mistake), judge the journal as SQLite would read it, log included: SQLite
    would otherwise copy a foreign log into the journal when it closes, even after a
    wrong passphrase. Raises WrongPassphrase or VaultDamaged; when it's safe, returns
    the keys it derived (None when there is no log SQLite would read)."""
    wal = side_file(path, "-wal")
    try:
        if not stat.S_ISREG(wal.stat().st_mode) or wal.stat().st_size == 0:
            return None
    except FileNotFoundError:
        return None
    frames = committed_frames(wal)
    if not frames:
        return None  # SQLite will ignore this log
    keys = PageKeys.derive(salt_of(path), passphrase)
    in_file = os.path.getsize(path) // PAGE_SIZE
    logged = sorted(frames, key=lambda n: frames[n][1])
    step = max(1, len(logged) // _SAMPLE_PAGES)
    sample = [n for n in _sample(max(in_file, max(frames)), logged[::step])
              if n in frames or n <= in_file]
    first, *rest = _effective_pages(path, wal, keys, [1, *sample])
    if first:
        if not all(rest):
            raise errors.VaultDamaged(FOREIGN_LOG)
        return keys
    if 1 in frames and _logged_salt(wal, frames[1][0]) != salt_of(path):
        raise errors.VaultDamaged(FOREIGN_LOG)  # the log's first page is another file's
    if any(rest):
        raise errors.VaultDamaged(DAMAGED_START)
    raise errors.WrongPassphrase()


DAMAGED_START = "The start of the journal file is damaged, so it can't be opened safely."
FOREIGN_LOG = ("A leftover file beside your journal doesn't belong to it, so TrustDesk "
               "didn't open the journal. Nothing was changed.")


def explain_refusal(path: Path, passphrase: str, backup_dir: Path | None = None) -> None:
    """A refused key: raise VaultDamaged if the passphrase is in fact right and only
    the start of the file is hurt; otherwise return (it is the wrong passphrase).

    A damaged salt (the file's first 16 bytes) makes every page look foreign, just
    like a wrong passphrase. It is recognised when the salt could never have been
    drawn at random (zeros, a repeated byte), or when the same passphrase opens
    the newest backup beside the journal: then the passphrase is right."""
    try:
        salt = salt_of(path)
        if len(set(salt)) <= 2:
            raise errors.VaultDamaged(DAMAGED_START)
        keys = PageKeys.derive(salt, passphrase)
        verdict = main_file_verdict(path, keys)
    except OSError:
        return
    if verdict == "damaged":
        raise errors.VaultDamaged(DAMAGED_START)
    if backup_dir is not None and _opens_newest_backup(backup_dir, passphrase):
        raise errors.VaultDamaged(DAMAGED_START)


def _opens_newest_backup(backup_dir: Path, passphrase: str) -> bool:
    from trustdesk.storage.backups.folder import list_backups

    try:
        backups = list_backups(backup_dir)
    except OSError:
        return False
    if not backups:
        return False
    newest = backups[0].path
    try:
        keys = PageKeys.derive(salt_of(newest), passphrase)
        with open(newest, "rb") as fh:
            return keys.page_is_authentic(_read_page(fh, 1), 1)
    except OSError:
        return False
