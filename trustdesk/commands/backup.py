"""`trustdesk backup --output FILE`: a verified encrypted copy of the journal."""

from __future__ import annotations

import argparse

from trustdesk.commands import OK, UsageError
from trustdesk.commands._common import journal_folder, output_path, unlocked
from trustdesk.storage.backup import make_backup


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "backup", help="write an encrypted, verified copy of the journal",
        description="Write an encrypted copy of the journal to FILE, using SQLite's online "
                    "backup, then verify it (it opens, its integrity checks are clean and "
                    "its row counts match). The copy opens with the same passphrase. "
                    "FILE must not exist yet.")
    parser.add_argument("--output", "-o", metavar="FILE", required=True,
                        help="where to write the copy")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    target = output_path(args.output)
    if target.exists():
        raise UsageError(f"{target} already exists; choose a new file name.")
    with unlocked(journal_folder(args.data_dir)) as store:
        make_backup(store.vault, target)
    print(f"Backed up to {target}")
    return OK
