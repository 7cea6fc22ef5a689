"""The background work behind "Print summary…": gather the records of a period,
then paint preview pages or write the PDF or web page. Plain functions for `tasks.run_task`;
they touch no widgets (QImage and QPdfWriter are fine on a worker thread)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtGui import QImage

from trustdesk.domain.journal import Entry
from trustdesk.domain.period import Period
from trustdesk.domain.progress import ProgressSummary
from trustdesk.domain.worksheet import Worksheet
from trustdesk.report.summary import (
    HTML_SUFFIXES,
    OwnWords,
    SummaryOptions,
    output_format,
    preview_images,
    write_html,
    write_pdf,
)
from trustdesk.storage.progress_data import ProgressSource

Report = Callable[[int], None]


@dataclass(frozen=True)
class Gathered:
    """Everything the document needs, read from the journal."""

    summary: ProgressSummary
    options: SummaryOptions
    excerpts: tuple[Entry, ...]
    made_on: date
    excerpt_total: int | None = None
    worksheets: tuple[Worksheet, ...] = ()

    def personal(self) -> OwnWords:
        """The keyword arguments that carry the person's own words to the report."""
        return OwnWords(excerpts=self.excerpts, excerpt_total=self.excerpt_total,
                        worksheets=self.worksheets)


def gather(source: ProgressSource, period: Period, options: SummaryOptions, today: date,
           report: Report | None = None) -> Gathered:
    """Read the period's records (and, only when chosen, the journal excerpts)."""
    summary = source.summary(period, today)
    if report:
        report(35)
    excerpts: tuple[Entry, ...] = ()
    total: int | None = None
    if options.includes("excerpts"):
        excerpts = tuple(source.excerpts(summary, options.excerpt_limit))
        total = source.excerpt_total(summary)
    worksheets: tuple[Worksheet, ...] = ()
    if options.includes("worksheet_details"):
        worksheets = tuple(source.finished_worksheets(summary))
    if report:
        report(50)
    return Gathered(summary, options, excerpts, today, total, worksheets)


def preview(source: ProgressSource, period: Period, options: SummaryOptions, today: date,
            dpi: int, report: Report) -> tuple[Gathered, list[QImage]]:
    gathered = gather(source, period, options, today, report)
    images = preview_images(gathered.summary, options, made_on=today, dpi=dpi,
                            **gathered.personal())
    report(100)
    return gathered, images


def save(source: ProgressSource, period: Period, options: SummaryOptions, today: date,
         path: Path, report: Report) -> int | None:
    """Write the summary to `path` (through a temporary file, renamed into place): a
    web page for a name ending in .html, else a PDF. Returns the PDF's page count,
    None for a web page. Raises SummaryWriteError or a storage error, each with a
    human `.message`."""
    gathered = gather(source, period, options, today, report)
    if output_format(path) == "html":
        write_html(path, gathered.summary, options, made_on=today, **gathered.personal())
        pages = None
    else:
        pages = write_pdf(path, gathered.summary, options, made_on=today,
                          **gathered.personal())
    report(100)
    return pages


def save_pdf(source: ProgressSource, period: Period, options: SummaryOptions, today: date,
             path: Path, report: Report) -> int | None:
    """`save`, under its older name."""
    return save(source, period, options, today, path, report)


FORMATS = {"pdf": ".pdf", "html": ".html"}


def default_file_name(today: date, file_format: str = "pdf") -> str:
    return f"TrustDesk summary {today:%Y-%m-%d}{FORMATS[file_format]}"


def with_suffix(path: Path, file_format: str) -> Path:
    """`path` as chosen when it already names a summary format (.pdf, .html, .htm),
    else with the chosen format's suffix added."""
    if path.suffix.lower() in (".pdf", *HTML_SUFFIXES):
        return path
    return path.with_name(path.name + FORMATS[file_format])

