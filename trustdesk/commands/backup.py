"""`trustdesk backup --output FILE`: a verified encrypted copy of the journal."""

from __future__ import annotations

import argparse

from trustdesk.commands import OK
from trustdesk.commands._common import journal_folder, unlocked
from trustdesk.commands._output import guarded_output
from trustdesk.storage.backups.snapshot import make_backup


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "backup", help="write an encrypted, verified copy of the journal",
        description="Write an encrypted copy of the journal to FILE, using SQLite's online "
                    "backup, then verify it (it opens, its integrity checks are clean and "
                    "its row counts match). The copy opens with the same passphrase. "
                    "FILE must not exist yet, and can't be inside the data folder or the "
                    "backup folder.")
    parser.add_argument("--output", "-o", metavar="FILE", required=True,
                        help="where to write the copy")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    folder = journal_folder(args.data_dir)
    target = guarded_output(args.output, folder.protected(), can_replace=False)
    with unlocked(folder) as store:
        target = guarded_output(target, folder.protected(store), can_replace=False)
        make_backup(store.vault, target)
    print(f"Backed up to {target}")
    return OK
