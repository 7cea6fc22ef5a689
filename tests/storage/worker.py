"""A separate process for fault tests: it opens a real vault and keeps doing one
kind of work until the test kills it. Run as `python -m tests.storage.worker KIND
PATH [ARGS]`; it prints "ready" once the vault is open.

Kinds:
  rekey PATH A B        change the passphrase A -> B -> A ... forever, saying "rekeyed"
                        after each change
  backup PATH P DIR     make backups into DIR forever (rotation included), saying
                        "backing up" before each and "backed up" after it
  fill PATH P LIMIT     write rows until the file size limit (RLIMIT_FSIZE, bytes)
                        stops it; report what happened as JSON lines
"""

from __future__ import annotations

import json
import resource
import signal
import sys
from pathlib import Path

from trustdesk.storage import errors
from trustdesk.storage.backups.folder import back_up
from trustdesk.storage.vault import Vault


def rekey_forever(path: Path, first: str, second: str) -> None:
    with Vault.open(path, first) as vault:
        print("ready", flush=True)
        current, other = first, second
        while True:
            with vault.read() as conn:
                conn.reset_key(other)
            vault.adopt_passphrase(other)
            print("rekeyed", flush=True)
            current, other = other, current


def backup_forever(path: Path, passphrase: str, folder: Path) -> None:
    with Vault.open(path, passphrase) as vault:
        print("ready", flush=True)
        n = 0
        while True:
            with vault.transaction() as conn:  # the journal changes between backups
                conn.execute("INSERT INTO settings(key, value) VALUES (?, '1') "
                             "ON CONFLICT(key) DO UPDATE SET value = value + 1",
                             (f"worker.{n % 5}",))
            print("backing up", flush=True)
            back_up(vault, folder, "manual")
            print("backed up", flush=True)
            n += 1


def fill_until_full(path: Path, passphrase: str, limit: int) -> None:
    """Commit rows one transaction at a time; after the limit bites, prove the
    connection still reads, then raise the limit and keep writing."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of dying
    with Vault.open(path, passphrase) as vault:
        with vault.transaction() as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS notes(n INTEGER PRIMARY KEY, body TEXT) "
                         "STRICT")
        _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
        committed = 0
        failure = None
        for n in range(1, 100_000):
            try:
                with vault.transaction() as conn:
                    conn.execute("INSERT INTO notes(n, body) VALUES (?, ?)", (n, "w" * 3000))
                committed = n
            except errors.VaultError as exc:
                failure = type(exc).__name__
                break
        with vault.read() as conn:
            visible = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
        resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
        with vault.transaction() as conn:
            conn.execute("INSERT INTO notes(n, body) VALUES (?, 'after')", (committed + 1,))
        print(json.dumps({"committed": committed, "failure": failure, "visible": visible}),
              flush=True)


def main(argv: list[str]) -> None:
    kind, path, *rest = argv
    if kind == "rekey":
        rekey_forever(Path(path), rest[0], rest[1])
    elif kind == "backup":
        backup_forever(Path(path), rest[0], Path(rest[1]))
    elif kind == "fill":
        fill_until_full(Path(path), rest[0], int(rest[1]))
    else:
        raise SystemExit(f"unknown kind {kind}")


if __name__ == "__main__":
    main(sys.argv[1:])
