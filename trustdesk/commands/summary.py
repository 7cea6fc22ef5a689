"""`trustdesk summary --output FILE.pdf` (or FILE.html): the printable progress
summary, without opening the app.

Qt is imported only inside `run()`, so `trustdesk --help` and the other commands
stay light. Drawing text needs a QGuiApplication (for the font database), but
never a screen: see `_gui_application`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from trustdesk.commands import OK, UsageError
from trustdesk.commands._common import journal_folder, unlocked
from trustdesk.commands._output import guarded_output
from trustdesk.domain.period import Period
from trustdesk.domain.text import InvalidRecord

if TYPE_CHECKING:
    from trustdesk.report.summary import SummaryOptions

SECTIONS_HELP = "charts, worksheets, steps, guide, excerpts, worksheet-details"
NOT_ENCRYPTED = ("The {kind} is not encrypted: keep it somewhere private, and delete it "
                 "when you no longer need it.")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "summary", help="write the progress summary as a PDF or an HTML file",
        description="Write the printable progress summary (the same document as "
                    "\"Print summary...\" in the app) to FILE: a PDF, or for a name "
                    "ending in .html a self-contained web page that screen readers read "
                    "well. Without dates it covers the last 3 months; with only --from, "
                    "up to today; with only --to, from your first record. The file is "
                    "not encrypted.")
    parser.add_argument("--output", "-o", metavar="FILE", required=True,
                        help="where to write it: FILE.pdf, or FILE.html for the web page "
                             "(not inside the data or backup folder)")
    parser.add_argument("--replace", action="store_true",
                        help="replace an existing FILE (as a whole)")
    parser.add_argument("--from", dest="first", metavar="YYYY-MM-DD",
                        help="first day to include")
    parser.add_argument("--to", dest="last", metavar="YYYY-MM-DD",
                        help="last day to include")
    parser.add_argument("--include", metavar="LIST",
                        help=f"comma-separated sections: {SECTIONS_HELP} (default: all but "
                             "excerpts and worksheet-details, which are your own words)")
    parser.add_argument("--worksheet-details", action="store_true",
                        help="add each finished worksheet's fearful thought, balanced view "
                             "and small step, in your own words (off by default)")
    parser.set_defaults(handler=run)


FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2100, 12, 31)


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{option} needs a date like 2026-03-01, not {text!r}.") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise UsageError(f"{option} must be a date from {FIRST_DAY} to {LAST_DAY}, "
                         f"not {text.strip()}.")
    return day


def _options(include: str | None, worksheet_details: bool = False) -> SummaryOptions:
    from trustdesk.report.summary import SummaryOptions

    try:
        options = (SummaryOptions() if include is None
                   else SummaryOptions.from_include(include))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if worksheet_details:
        options = SummaryOptions(sections=options.sections | {"worksheet_details"},
                                 excerpt_limit=options.excerpt_limit)
    return options


def _period(first: date | None, last: date | None,
            earliest: Callable[[], date | None]) -> Period:
    """The period for the dates given; `earliest()` finds the first record's day,
    asked only when just --to was given."""
    try:
        if first is None and last is None:
            return Period()
        if last is None:
            assert first is not None
            return Period.custom(first, max(first, date.today()))
        if first is None:
            found = earliest()
            first = min(found, last) if found is not None else last
        return Period.custom(first, last)
    except InvalidRecord as exc:
        raise UsageError(str(exc)) from None


def _gui_application() -> object:
    """The QGuiApplication that font and PDF drawing need, made once.

    This command draws only into a PDF and never shows a window, so it asks Qt for
    its "offscreen" platform: that works without a display (a server, ssh, a
    cron job) and never aborts because $DISPLAY points at a display that is gone.
    A platform the person chose with QT_QPA_PLATFORM is respected. The choice is
    passed as this process's argument, not through the environment, so nothing
    started later inherits it."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        argv = ["trustdesk"]
        if not os.environ.get("QT_QPA_PLATFORM"):
            argv += ["-platform", "offscreen"]
        app = QGuiApplication(argv)
    return app


def run(args: argparse.Namespace) -> int:
    first, last = _day(args.first, "--from"), _day(args.last, "--to")
    if first is not None and last is not None and first > last:
        raise UsageError("--from must be on or before --to.")
    options = _options(args.include, args.worksheet_details)
    folder = journal_folder(args.data_dir)
    target = guarded_output(args.output, folder.protected(), replace=args.replace)
    with unlocked(folder, read_only=True) as store:
        places = folder.protected(store)
        target = guarded_output(target, places, replace=args.replace)
        from trustdesk.storage.progress_data import ProgressSource

        source = ProgressSource.from_store(store)
        today = date.today()

        def earliest() -> date | None:
            return source.summary(Period("all_time"), today).first_day

        period = _period(first, last, earliest)
        summary = source.summary(period, today)
        excerpts, total = [], None
        if options.includes("excerpts"):
            excerpts = source.excerpts(summary, options.excerpt_limit)
            total = source.excerpt_total(summary)
        worksheets = (source.finished_worksheets(summary)
                      if options.includes("worksheet_details") else [])
    _gui_application()
    from trustdesk.report.summary import (
        OwnWords,
        SummaryWriteError,
        output_format,
        write_html,
        write_pdf,
    )

    target = guarded_output(target, places, replace=args.replace)  # drawing took a while
    personal = OwnWords(excerpts=excerpts, excerpt_total=total, worksheets=worksheets)
    try:
        if output_format(target) == "html":
            write_html(target, summary, options, made_on=today, **personal)
            what, kind = "a web page", "HTML file"
        else:
            pages = write_pdf(target, summary, options, made_on=today, **personal)
            what, kind = ("1 page" if pages == 1 else f"{pages} pages"), "PDF"
    except SummaryWriteError as exc:
        print(f"trustdesk: {exc.message}", file=sys.stderr)
        return 1
    print(f"Wrote the summary ({what}, {summary.dates_label}) to {target}")
    print(NOT_ENCRYPTED.format(kind=kind))
    return OK
