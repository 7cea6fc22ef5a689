"""`trustdesk check`: unlock and run SQLCipher's and SQLite's integrity checks."""

from __future__ import annotations

import argparse
import sys

from trustdesk.commands import DAMAGED, OK
from trustdesk.commands._common import journal_folder, unlocked


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check", help="check the journal's integrity",
        description="Unlock the journal and run cipher_integrity_check and quick_check. "
                    "Prints 'ok' or what is wrong.")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with unlocked(journal_folder(args.data_dir), read_only=True) as store:
        problems = store.vault.check()
    if problems:
        for line in problems[:20]:
            print(line, file=sys.stderr)
        return DAMAGED
    print("ok")
    return OK
