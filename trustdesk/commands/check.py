"""`trustdesk check`: unlock and run SQLCipher's and SQLite's integrity checks."""

from __future__ import annotations

import argparse
import sys

from trustdesk.commands import DAMAGED, OK, read_passphrase
from trustdesk.storage.store import JournalFolder


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check", help="check the journal's integrity",
        description="Unlock the journal and run cipher_integrity_check and quick_check. "
                    "Prints 'ok' or what is wrong.")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    folder = JournalFolder(args.data_dir)
    folder.require_journal()
    with folder.lock():
        store = folder.unlock(read_passphrase())
        try:
            problems = store.vault.check()
        finally:
            store.close()
    if problems:
        for line in problems[:20]:
            print(line, file=sys.stderr)
        return DAMAGED
    print("ok")
    return OK
