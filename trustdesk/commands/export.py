"""`trustdesk export`: everything as TrustDesk JSON, or the journal as Markdown."""

from __future__ import annotations

import argparse

from trustdesk.commands import OK, UsageError, warn
from trustdesk.commands._common import journal_folder, unlocked
from trustdesk.commands._output import guarded_output

NOT_ENCRYPTED = ("the export is NOT encrypted: anyone who can read {target} can read "
                 "everything in it. Keep it somewhere safe, and delete it when you no "
                 "longer need it.")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export", help="write your journal to a file you can read anywhere (not encrypted)",
        description="Write everything (journal entries, worksheets, small steps) to a JSON "
                    "file in TrustDesk's documented format, or the journal as Markdown "
                    "(one file per entry in a new folder, or one single file), as a jrnl "
                    "plain-text journal, or as a CSV table. The export "
                    "is not encrypted. It is written under a temporary name and renamed "
                    "into place, so it is never half-written.")
    parser.add_argument("--output", "-o", metavar="PATH", required=True,
                        help="the file to write (JSON, or Markdown with --single-file), or "
                             "the new folder for Markdown files (absent or empty)")
    parser.add_argument("--format", "-f", choices=("json", "markdown", "jrnl", "csv"),
                        default="json",
                        help="json (default): everything, re-importable; markdown: the "
                             "journal, for reading; jrnl: jrnl's plain-text journal "
                             "(`jrnl --import` reads it); csv: one row per entry, for "
                             "spreadsheets")
    parser.add_argument("--single-file", action="store_true",
                        help="with --format markdown: all entries in one file")
    parser.add_argument("--with-versions", action="store_true",
                        help="with --format json: also the earlier versions of entries "
                             "that entry history keeps (left out unless asked for)")
    parser.add_argument("--replace", action="store_true",
                        help="replace an existing output file (as a whole)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.single_file and args.format != "markdown":
        raise UsageError("--single-file goes with --format markdown.")
    if args.with_versions and args.format != "json":
        raise UsageError("--with-versions goes with --format json.")
    as_folder = args.format == "markdown" and not args.single_file
    folder = journal_folder(args.data_dir)
    target = guarded_output(args.output, folder.protected(), replace=args.replace,
                            as_folder=as_folder)
    warn(NOT_ENCRYPTED.format(target=target))
    with unlocked(folder, read_only=True) as store:
        target = guarded_output(target, folder.protected(store), replace=args.replace,
                                as_folder=as_folder)
        if args.format == "json":
            summary = store.exchange.export_json(target, replace=args.replace,
                                                 versions=args.with_versions)
        elif args.format in ("jrnl", "csv"):
            summary = store.exchange.export_table(target, format=args.format,
                                                  replace=args.replace)
        else:
            summary = store.exchange.export_markdown(
                target, single_file=args.single_file, replace=args.replace)
    print(summary.sentence(str(target)))
    return OK
