"""A separate process for fault tests: it opens a real vault and keeps doing one
kind of work until the test kills it. Run as `python -m tests.storage.worker KIND
PATH [ARGS]`; it says "ready" once the vault is open. The kill workers announce
their points in lockstep with the test (see tests/storage/killing.py).

Kinds:
  rekey PATH A B        change the passphrase A -> B -> A ... forever, saying
                        "rekeying" before each change and "rekeyed" after it
  backup PATH P DIR     make backups into DIR forever (rotation included), saying
                        "backing up" before each, "copied N" as the copy progresses
                        (the unfinished `.partial` file is there) and "backed up" after
  fill PATH P LIMIT     write rows until the file size limit (RLIMIT_FSIZE, bytes)
                        stops it; report what happened as JSON lines
"""

from __future__ import annotations

import json
import resource
import signal
import sys
from pathlib import Path

from tests.storage.killing import say
from trustdesk.storage import errors
from trustdesk.storage.backups.folder import back_up
from trustdesk.storage.vault import Vault


def rekey_forever(path: Path, first: str, second: str) -> None:
    with Vault.open(path, first) as vault:
        say("ready")
        current, other = first, second
        while True:
            say("rekeying")
            with vault.read() as conn:
                conn.reset_key(other)
            vault.adopt_passphrase(other)
            say("rekeyed")
            current, other = other, current


def backup_forever(path: Path, passphrase: str, folder: Path) -> None:
    with Vault.open(path, passphrase) as vault:
        say("ready")
        n = 0
        while True:
            with vault.transaction() as conn:  # the journal changes between backups
                conn.execute("INSERT INTO settings(key, value) VALUES (?, '1') "
                             "ON CONFLICT(key) DO UPDATE SET value = value + 1",
                             (f"worker.{n % 5}",))
            say("backing up")
            back_up(vault, folder, "manual", report=lambda p: say(f"copied {p}"))
            say("backed up")
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
