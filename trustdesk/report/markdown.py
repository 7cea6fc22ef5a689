"""The person's light Markdown (bold, italic, headings, lists, quotes) as plain
paragraphs with styled runs, for the printed summary and its HTML twin.

Parsing is Qt's own (QTextDocument's CommonMark reader, the one the journal's
preview uses), with raw HTML off. Images and links keep only their words: the
summary loads nothing. `shorten` cuts a body to a budget of characters at a word,
keeping whole paragraphs before the cut. Safe on any thread; nothing is shared.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtGui import QFont, QTextBlock, QTextDocument, QTextFormat, QTextListFormat

OBJECT_REPLACEMENT = "\ufffc"
ELLIPSIS = "\u2026"


@dataclass(frozen=True)
class Run:
    """Words in one style."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    """One block: `kind` is 'p', 'heading', 'item' (a list item) or 'quote'.
    `level` is the heading level (1-6) or the list depth (1 = top level);
    `marker` is an item's '•' or '3.'."""

    kind: str
    runs: tuple[Run, ...]
    level: int = 0
    marker: str = ""

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def _runs(block: QTextBlock) -> tuple[Run, ...]:
    heading = block.blockFormat().headingLevel() > 0
    runs: list[Run] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        fmt = fragment.charFormat()
        if fmt.isImageFormat():
            continue
        text = fragment.text().replace(OBJECT_REPLACEMENT, "").replace("\u2028", " ")
        if not text:
            continue
        bold = not heading and fmt.fontWeight() >= QFont.Weight.DemiBold.value
        run = Run(text, bold=bold, italic=fmt.fontItalic())
        if runs and (runs[-1].bold, runs[-1].italic) == (run.bold, run.italic):
            runs[-1] = replace(runs[-1], text=runs[-1].text + run.text)
        else:
            runs.append(run)
    return tuple(_tidy(runs))


def _tidy(runs: list[Run]) -> list[Run]:
    """Collapse runs of spaces (left by a dropped image) and trim the ends."""
    out: list[Run] = []
    for run in runs:
        text = run.text
        while "  " in text:
            text = text.replace("  ", " ")
        if out and out[-1].text.endswith(" ") and text.startswith(" "):
            text = text[1:]
        if text:
            out.append(replace(run, text=text))
    if out:
        out[0] = replace(out[0], text=out[0].text.lstrip())
        out[-1] = replace(out[-1], text=out[-1].text.rstrip())
    return [run for run in out if run.text]


def _marker(block: QTextBlock) -> str:
    text_list = block.textList()
    style = text_list.format().style()
    number = text_list.itemNumber(block) + 1
    if style in (QTextListFormat.Style.ListDecimal, QTextListFormat.Style.ListLowerAlpha,
                 QTextListFormat.Style.ListUpperAlpha, QTextListFormat.Style.ListLowerRoman,
                 QTextListFormat.Style.ListUpperRoman):
        return f"{number}."
    return "\u2022"


def parse(markdown: str) -> list[Paragraph]:
    """The non-empty paragraphs of `markdown`, in order."""
    document = QTextDocument()
    features = (QTextDocument.MarkdownFeature.MarkdownDialectCommonMark
                | QTextDocument.MarkdownFeature.MarkdownNoHTML)
    document.setMarkdown(markdown, features)
    paragraphs: list[Paragraph] = []
    block = document.begin()
    while block.isValid():
        runs = _runs(block)
        if runs:
            fmt = block.blockFormat()
            if fmt.headingLevel() > 0:
                paragraphs.append(Paragraph("heading", runs, level=fmt.headingLevel()))
            elif block.textList() is not None:
                paragraphs.append(Paragraph("item", runs,
                                            level=max(1, block.textList().format().indent()),
                                            marker=_marker(block)))
            elif fmt.property(QTextFormat.Property.BlockQuoteLevel):
                paragraphs.append(Paragraph("quote", runs))
            else:
                paragraphs.append(Paragraph("p", runs))
        block = block.next()
    return paragraphs


def _cut_runs(runs: tuple[Run, ...], limit: int) -> tuple[Run, ...]:
    """The first `limit` characters of `runs`, cut at a word, with an ellipsis."""
    text = "".join(run.text for run in runs)
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    cut = cut.rstrip(",;:.- ")
    out: list[Run] = []
    used = 0
    for run in runs:
        if used >= len(cut):
            break
        piece = run.text[:len(cut) - used]
        out.append(replace(run, text=piece))
        used += len(piece)
    if out:
        out[-1] = replace(out[-1], text=out[-1].text.rstrip() + ELLIPSIS)
    return tuple(run for run in out if run.text)


def shorten(paragraphs: list[Paragraph], limit: int) -> tuple[list[Paragraph], bool]:
    """Whole paragraphs while they fit in `limit` characters, then the next one cut
    at a word with an ellipsis. Returns the paragraphs and whether anything was cut."""
    out: list[Paragraph] = []
    used = 0
    for index, paragraph in enumerate(paragraphs):
        length = len(paragraph.text)
        if used + length <= limit:
            out.append(paragraph)
            used += length
            continue
        room = limit - used
        if room >= 20 or not out:
            runs = _cut_runs(paragraph.runs, max(room, 1))
            if runs:
                out.append(replace(paragraph, runs=runs))
        elif out:
            last = out[-1]
            out[-1] = replace(last, runs=(*last.runs[:-1], replace(
                last.runs[-1], text=last.runs[-1].text.rstrip() + " " + ELLIPSIS)))
        return out, index < len(paragraphs)
    return out, False
