"""The printable progress summary: one document, rendered to PDF, a printer,
preview images, or a self-contained HTML file.

- `write_pdf(path, summary, ...)` renders with QPdfWriter (vector charts, fonts
  embedded) into memory, then writes a private temporary file next to `path` and
  renames it over `path`: a failure never leaves half a file. Safe to call on a
  worker thread.
- `print_summary(printer, summary, ...)` renders onto a printer the caller made
  (after the person pressed Print) with the page setup they chose. Nothing here
  creates a QPrinter: creating one contacts the local print service.
- `preview_images(summary, ...)` paints pages into QImages for an on-screen
  preview, with the same layout as the PDF.
- `write_html(path, summary, ...)` writes the same blocks as headings, paragraphs,
  lists, tables and charts with text alternatives (report/html.py): the
  accessible twin, since Qt's PDF writer can't tag a PDF. `output_format(path)`
  picks it for a name ending in .html.

Paper size follows the locale (`page_size_for_locale`): Letter where US
measurements are used, A4 elsewhere.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TypedDict

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from trustdesk import __version__
from trustdesk.domain.journal import Entry
from trustdesk.domain.progress import ProgressSummary
from trustdesk.domain.worksheet import Worksheet
from trustdesk.report.document import (
    DEFAULT_SECTIONS,
    DISCLAIMER,
    LANGUAGE,
    SECTION_LABELS,
    SECTIONS,
    TITLE,
    SummaryOptions,
    build_blocks,
)
from trustdesk.report.html import summary_html
from trustdesk.report.layout import PageCtx, Pages, Text, paginate, paint_page
from trustdesk.report.pdf_outline import Bookmark, add_outline
from trustdesk.report.style import palette, paper_style

__all__ = ["DEFAULT_SECTIONS", "SECTIONS", "SECTION_LABELS", "OwnWords", "SummaryDocument",
           "SummaryOptions", "SummaryWriteError", "output_format", "page_size_for_locale",
           "preview_images", "print_summary", "write_html", "write_pdf"]

MARGINS_MM = QMarginsF(18, 15, 18, 13)   # left, top, right, bottom


class OwnWords(TypedDict, total=False):
    """The person's own words a summary may print (read only when chosen), as
    keyword arguments of `write_pdf`, `write_html`, `print_summary` and
    `preview_images`: `excerpts` (the most recent entries), `excerpt_total` (how
    many entries with words the period holds) and `worksheets` (for details)."""

    excerpts: Sequence[Entry]
    excerpt_total: int | None
    worksheets: Sequence[Worksheet]


class SummaryWriteError(Exception):
    """The summary could not be written. `.message` is one plain sentence."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def page_size_for_locale(locale: QLocale | None = None) -> QPageSize:
    """Letter where the locale measures in US units, A4 everywhere else."""
    system = (locale or QLocale()).measurementSystem()
    us = system == QLocale.MeasurementSystem.ImperialUSSystem
    return QPageSize(QPageSize.PageSizeId.Letter if us else QPageSize.PageSizeId.A4)


class SummaryDocument:
    """The summary for one ProgressSummary and set of options. Immutable after
    construction; lay it out for each device with `paginate(device)`."""

    def __init__(self, summary: ProgressSummary, options: SummaryOptions | None = None, *,
                 excerpts: Sequence[Entry] = (), made_on: date | None = None,
                 excerpt_total: int | None = None,
                 worksheets: Sequence[Worksheet] = ()) -> None:
        self.summary = summary
        self.options = options or SummaryOptions()
        self.made_on = made_on or summary.today
        self.colors = dict(palette("light"))
        chosen = self.options.includes
        self.blocks = build_blocks(summary, self.options, made_on=self.made_on,
                                   excerpts=excerpts if chosen("excerpts") else (),
                                   excerpt_total=excerpt_total,
                                   worksheets=worksheets if chosen("worksheet_details") else (),
                                   chart_style=paper_style().with_(text_as_paths=True))

    def _frame_heights(self, ctx: PageCtx, width: float) -> tuple[float, float]:
        header = ctx.text_height("footer", "Progress summary", width) + ctx.pt(10)
        footer = ctx.text_height("footer", DISCLAIMER, width - ctx.pt(70)) + ctx.pt(10)
        return header, footer

    def paginate(self, ctx: PageCtx, area: QRectF) -> Pages:
        """Place the blocks on pages whose printable area is `area`."""
        header, footer = self._frame_heights(ctx, area.width())
        body = QRectF(area.left(), area.top() + header, area.width(),
                      area.height() - header - footer)
        return paginate(self.blocks, ctx, body)

    def paint(self, ctx: PageCtx, painter: QPainter, pages: Pages, index: int,
              area: QRectF) -> None:
        """Paint page `index` (0-based) with its running header and footer."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        header, footer = self._frame_heights(ctx, area.width())
        line_pen = QPen(ctx.color("border"), ctx.pt(0.6))
        if index > 0:
            ctx.draw_text(painter, QRectF(area.left(), area.top(), area.width(), header),
                          "footer", f"{TITLE} \u00b7 {self.summary.dates_label}")
            painter.setPen(line_pen)
            y = area.top() + header - ctx.pt(5)
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        top = area.bottom() - footer + ctx.pt(5)
        painter.setPen(line_pen)
        painter.drawLine(QPointF(area.left(), top), QPointF(area.right(), top))
        text_top = top + ctx.pt(4)
        ctx.draw_text(painter, QRectF(area.left(), text_top, area.width() - ctx.pt(70),
                                      footer), "footer", DISCLAIMER)
        ctx.draw_text(painter, QRectF(area.right() - ctx.pt(66), text_top, ctx.pt(66), footer),
                      "footer", f"Page {index + 1} of {len(pages.pages)}",
                      Qt.AlignmentFlag.AlignRight)
        paint_page(pages, index, ctx, painter)
        painter.restore()

    def render(self, device: QPagedPaintDevice) -> int:
        """Paint every page onto a PDF writer or printer; returns the page count.
        Uses the device's own page layout (size, margins, orientation)."""
        return len(self.render_pages(device).pages)

    def render_pages(self, device: QPagedPaintDevice) -> Pages:
        """`render`, returning where every block went."""
        painter = QPainter()
        if not painter.begin(device):
            raise SummaryWriteError("TrustDesk couldn't start drawing the summary.")
        try:
            # The devices passed here (QPdfWriter, QPrinter) both have resolution();
            # their common base class doesn't declare it.
            rect = device.pageLayout().paintRectPixels(
                device.resolution())  # type: ignore[attr-defined]
            area = QRectF(0, 0, rect.width(), rect.height())
            ctx = PageCtx(device, self.colors)
            pages = self.paginate(ctx, area)
            for index in range(len(pages.pages)):
                if index and not device.newPage():
                    raise SummaryWriteError("TrustDesk couldn't start a new page.")
                self.paint(ctx, painter, pages, index, area)
        finally:
            painter.end()
        return pages


OUTLINE_LEVELS = {"h2": 1, "h3": 2}


def bookmarks(pages: Pages, layout: QPageLayout, resolution: int) -> list[Bookmark]:
    """The headings of laid-out `pages` as PDF bookmarks: sections at the top level,
    journal entries and worksheets under their section."""
    full, paint = layout.fullRectPoints(), layout.paintRectPoints()
    per_px = 72.0 / max(resolution, 1)
    marks = []
    for index, placed_blocks in enumerate(pages.pages):
        for placed in placed_blocks:
            block = placed.block
            if isinstance(block, Text) and block.role in OUTLINE_LEVELS:
                from_top = paint.top() + (pages.body.top() + placed.top) * per_px - 6
                marks.append(Bookmark(OUTLINE_LEVELS[block.role], block.text, index,
                                      round(full.height() - max(from_top, 0.0), 2)))
    return marks


def _pdf_bytes(document: SummaryDocument, page_size: QPageSize) -> tuple[bytes, int]:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(page_size, QPageLayout.Orientation.Portrait, MARGINS_MM,
                                     QPageLayout.Unit.Millimeter))
    writer.setTitle(TITLE)
    writer.setCreator(f"TrustDesk {__version__}")
    pages = document.render_pages(writer)
    marks = bookmarks(pages, writer.pageLayout(), writer.resolution())
    del writer                      # flushes the trailer into the buffer
    buffer.close()
    # Qt writes no language and no outline: add both (see pdf_outline).
    return add_outline(bytes(data.data()), marks, language=LANGUAGE), len(pages.pages)


def _explain(error: OSError, path: Path) -> str:
    where = f"“{path}”"
    if error.errno == errno.ENOSPC:
        return f"There isn't enough free space to save the summary as {where}."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"TrustDesk isn't allowed to save the summary as {where}. Try another folder."
    if error.errno == errno.ENOENT:
        return f"The folder for {where} doesn't exist (any more). Choose another place."
    if error.errno == errno.EISDIR:
        return f"{where} is a folder. Choose a file name for the summary."
    return f"TrustDesk couldn't save the summary as {where}: {error.strerror or error}."


def _write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a private temporary file beside `path`, flush it to disk,
    then rename it over `path`. On any failure the temporary file is removed and
    an existing `path` stays as it was."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise SummaryWriteError(_explain(error, path)) from error
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise SummaryWriteError(_explain(error, path)) from error
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_pdf(path: str | os.PathLike[str], summary: ProgressSummary,
              options: SummaryOptions | None = None, *, excerpts: Sequence[Entry] = (),
              made_on: date | None = None, page_size: QPageSize | None = None,
              excerpt_total: int | None = None, worksheets: Sequence[Worksheet] = ()) -> int:
    """Write the summary as a PDF at `path`; returns the number of pages.

    Raises SummaryWriteError (with a human `.message`) when it can't be saved; then
    no file, not even a partial one, is left behind. Plaintext leaves the vault
    here, so callers warn the person first."""
    target = Path(path)
    document = SummaryDocument(summary, options, excerpts=excerpts, made_on=made_on,
                               excerpt_total=excerpt_total, worksheets=worksheets)
    data, pages = _pdf_bytes(document, page_size or page_size_for_locale())
    if not data.startswith(b"%PDF"):
        raise SummaryWriteError("TrustDesk couldn't make the PDF.")
    _write_atomically(target, data)
    return pages


HTML_SUFFIXES = (".html", ".htm")


def output_format(path: str | os.PathLike[str]) -> str:
    """'html' for a file name ending in .html or .htm, else 'pdf'."""
    return "html" if Path(path).suffix.lower() in HTML_SUFFIXES else "pdf"


def write_html(path: str | os.PathLike[str], summary: ProgressSummary,
               options: SummaryOptions | None = None, *, excerpts: Sequence[Entry] = (),
               made_on: date | None = None, excerpt_total: int | None = None,
               worksheets: Sequence[Worksheet] = ()) -> None:
    """Write the summary as one self-contained HTML file at `path` (see
    report/html.py), with the same care as `write_pdf`: private, atomic, and a
    SummaryWriteError with a human `.message` when it can't be saved."""
    document = SummaryDocument(summary, options, excerpts=excerpts, made_on=made_on,
                               excerpt_total=excerpt_total, worksheets=worksheets)
    text = summary_html(document.blocks, dates_label=summary.dates_label)
    _write_atomically(Path(path), text.encode("utf-8"))


def print_summary(printer: QPagedPaintDevice, summary: ProgressSummary,
                  options: SummaryOptions | None = None, *, excerpts: Sequence[Entry] = (),
                  made_on: date | None = None, excerpt_total: int | None = None,
                  worksheets: Sequence[Worksheet] = ()) -> int:
    """Render the summary onto `printer` (a QPrinter the UI created when the person
    chose to print, or any other paged device), using its page setup. Call on the
    thread that owns `printer`. Returns the number of pages."""
    document = SummaryDocument(summary, options, excerpts=excerpts, made_on=made_on,
                               excerpt_total=excerpt_total, worksheets=worksheets)
    return document.render(printer)


def preview_images(summary: ProgressSummary, options: SummaryOptions | None = None, *,
                   excerpts: Sequence[Entry] = (), made_on: date | None = None,
                   page_size: QPageSize | None = None, dpi: int = 96,
                   excerpt_total: int | None = None,
                   worksheets: Sequence[Worksheet] = ()) -> list[QImage]:
    """Every page as an image at `dpi`, laid out exactly like the PDF (same page
    size and margins), for an on-screen preview."""
    size = page_size or page_size_for_locale()
    layout = QPageLayout(size, QPageLayout.Orientation.Portrait, MARGINS_MM,
                         QPageLayout.Unit.Millimeter)
    full = layout.fullRectPixels(dpi)
    paint_rect = layout.paintRectPixels(dpi)
    document = SummaryDocument(summary, options, excerpts=excerpts, made_on=made_on,
                               excerpt_total=excerpt_total, worksheets=worksheets)
    dots_per_metre = round(dpi / 0.0254)
    probe = QImage(1, 1, QImage.Format.Format_RGB32)
    probe.setDotsPerMeterX(dots_per_metre)
    probe.setDotsPerMeterY(dots_per_metre)
    ctx = PageCtx(probe, document.colors)
    area = QRectF(0, 0, paint_rect.width(), paint_rect.height())
    pages = document.paginate(ctx, area)
    images = []
    for index in range(len(pages.pages)):
        image = QImage(full.width(), full.height(), QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        image.fill(QColor("#FFFFFF"))
        painter = QPainter(image)
        painter.translate(paint_rect.left(), paint_rect.top())
        document.paint(PageCtx(image, document.colors), painter, pages, index, area)
        painter.end()
        images.append(image)
    return images
