"""`trustdesk import PATH`: bring in a TrustDesk export, or a journal from another app
(jrnl, Day One, Daylio, RedNotebook, a folder of daily notes)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trustdesk.commands import INVALID_FILE, OK, UsageError
from trustdesk.commands._common import unlocked
from trustdesk.domain.exchange.codec import ImportProblem
from trustdesk.domain.importers.common import Options, parse_mood_map
from trustdesk.domain.importers.detect import FORMAT_NAMES
from trustdesk.domain.importers.plan import outcome_lines, plan_lines, preview_line
from trustdesk.storage.exchange import Exchange
from trustdesk.storage.store import JournalFolder

RATE_MOODS = ("To rate them, import with --daylio-moods \"NAME=N,…\" (N from 0 to 10) "
              "before the first import: entries already in your journal stay as they are.")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import", help="bring in a TrustDesk export or another journal app's data",
        description="Read PATH (a file, a .zip or a folder): a TrustDesk JSON export, "
                    "jrnl (its JSON export, text journal or folder journal), a Day One "
                    "export, a Daylio CSV export, RedNotebook's data folder, or a folder "
                    "of daily notes (YYYY-MM-DD….md). The format is detected; --format "
                    "names it. The plan (what it holds, what is left out and why) is "
                    "printed first; then everything is merged in one transaction, after "
                    "an encrypted backup. Ids come from the source, so importing the "
                    "same source twice changes nothing. A TrustDesk export is all or "
                    "nothing; from other apps, what can't be read is listed and the rest "
                    f"comes in. When nothing can be imported, exits with {INVALID_FILE}.")
    parser.add_argument("file", metavar="PATH", help="the file, .zip or folder to import")
    parser.add_argument("--format", choices=FORMAT_NAMES, default=None,
                        help="read PATH as this format instead of detecting it")
    parser.add_argument("--dry-run", action="store_true",
                        help="print the plan and what would change; write nothing (no "
                             "journal is needed yet)")
    parser.add_argument("--daylio-moods", metavar="WORD=N,…", default="",
                        help="rate Daylio moods other than the five default ones, "
                             "0 to 10 (\"super=9,gut=7\")")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    source = Path(args.file).expanduser().absolute()
    if not source.exists():
        raise UsageError(f"There is no file or folder at {source}.")
    folder = JournalFolder(args.data_dir)
    if not args.dry_run:
        folder.require_journal()
    try:
        options = Options(daylio_moods=parse_mood_map(args.daylio_moods))
        # checked completely before unlocking
        incoming = Exchange.read_import(source, format=args.format, options=options)
    except ImportProblem as problem:
        print(f"trustdesk: {problem.explain(source.name)}", file=sys.stderr)
        return INVALID_FILE
    print("\n".join(plan_lines(incoming, source.name)), flush=True)
    if incoming.report.unrated_moods:
        print(RATE_MOODS, flush=True)
    if incoming.bundle.is_empty and incoming.report.skipped:
        print(f"trustdesk: {source.name} can't be imported; nothing was changed. None of its "
              "records can be read (the reasons are listed above).", file=sys.stderr)
        return INVALID_FILE
    if args.dry_run and not folder.has_journal():
        print(f"There is no journal in {folder.root} yet, so everything would be new.")
        print("Dry run: nothing was written.")
        return OK
    with unlocked(folder) as store:
        if args.dry_run:
            print(preview_line(store.exchange.preview_import(incoming)))
            print("Dry run: nothing was written.")
            return OK
        result = store.exchange.apply_import(incoming)
    print("\n".join(outcome_lines(result, incoming)))
    return OK
