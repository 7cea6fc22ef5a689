"""`trustdesk import FILE`: merge a TrustDesk JSON export or a jrnl JSON export."""

from __future__ import annotations

import argparse
import sys

from trustdesk.commands import INVALID_FILE, OK
from trustdesk.commands._common import input_file, journal_folder, unlocked
from trustdesk.domain.exchange import ImportProblem
from trustdesk.storage.exchange import Exchange


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help="bring in a TrustDesk export or a jrnl JSON export",
        description="Read FILE (a TrustDesk JSON export, or the output of "
                    "`jrnl --export json`; the kind is detected), check every record, and "
                    "only then merge it into the journal in one transaction, after an "
                    "encrypted backup. Records are matched by id: new ones are added, "
                    "and where both have a record the newer version wins, so importing "
                    "the same file twice changes nothing. An invalid file changes "
                    f"nothing and exits with {INVALID_FILE}.")
    parser.add_argument("file", metavar="FILE", help="the file to import")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    source = input_file(args.file)
    folder = journal_folder(args.data_dir)
    try:
        incoming = Exchange.read_import(source)  # checked completely before unlocking
    except ImportProblem as problem:
        print(f"trustdesk: {problem.explain(source.name)}", file=sys.stderr)
        return INVALID_FILE
    with unlocked(folder) as store:
        result = store.exchange.apply_import(incoming)
    print(result.describe())
    return OK
