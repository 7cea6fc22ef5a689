"""What the printed progress summary says: the blocks of the document, built from a
ProgressSummary and the sections the person chose. Layout lives in layout.py;
writing to PDF or a printer in summary.py."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from trustdesk.domain.dates import long_date
from trustdesk.domain.journal import Entry
from trustdesk.domain.period import format_day
from trustdesk.domain.progress import ProgressSummary
from trustdesk.domain.progress_text import count
from trustdesk.domain.worksheet import Worksheet
from trustdesk.report import charts, labels, markdown, numbers
from trustdesk.report.layout import Block, Drawing, Meter, Rich, Row, Text
from trustdesk.report.style import ChartStyle

SECTIONS = ("charts", "worksheets", "steps", "guide", "excerpts", "worksheet_details")
SECTION_LABELS = {
    "charts": "Charts",
    "worksheets": "Worksheets, with belief before and after",
    "steps": "Small steps and how they went",
    "guide": "Guide reading progress",
    "excerpts": "Journal excerpts",
    "worksheet_details": "Worksheet details: the fearful thought, balanced view and step",
}
# The person's own words: printed only when chosen.
PERSONAL_SECTIONS = frozenset({"excerpts", "worksheet_details"})
DEFAULT_SECTIONS = frozenset(SECTIONS) - PERSONAL_SECTIONS
TITLE = "Progress summary"
LANGUAGE = "en"              # the summary's words are English (PDF /Lang, HTML lang)
DISCLAIMER = ("TrustDesk is a self-help journal for learning to trust again. This summary "
              "shows your own notes and ratings, to help you reflect and talk things "
              "through. It is educational; it is not a diagnosis or a clinical assessment.")
EXCERPT_CHARS = 360
MINUS = "\u2212"


@dataclass(frozen=True)
class SummaryOptions:
    """Which sections to print. Journal excerpts are personal text, so they are
    off unless chosen; `excerpt_limit` caps them at the most recent N entries."""

    sections: frozenset[str] = DEFAULT_SECTIONS
    excerpt_limit: int = 30

    def __post_init__(self) -> None:
        unknown = set(self.sections) - set(SECTIONS)
        if unknown:
            raise ValueError(f"Unknown section {sorted(unknown)[0]!r}; choose from "
                             f"{', '.join(s.replace('_', '-') for s in SECTIONS)}.")
        if self.excerpt_limit < 1:
            raise ValueError("The number of journal excerpts must be at least 1.")
        object.__setattr__(self, "sections", frozenset(self.sections))

    @classmethod
    def from_include(cls, text: str) -> SummaryOptions:
        """From a comma-separated list such as 'charts,worksheets,excerpts'."""
        chosen = {part.strip().lower().replace("-", "_") for part in text.split(",")
                  if part.strip()}
        if not chosen:
            raise ValueError("Choose at least one section: "
                             f"{', '.join(s.replace('_', '-') for s in SECTIONS)}.")
        return cls(sections=frozenset(chosen))

    def includes(self, section: str) -> bool:
        return section in self.sections


def _subtitle(summary: ProgressSummary) -> str:
    if summary.period.kind == "custom":
        return summary.dates_label
    return f"{summary.period.label}: {summary.dates_label}"


def _glance(summary: ProgressSummary, options: SummaryOptions) -> str:
    parts = []
    if options.includes("charts"):
        parts.append(f"{count(summary.checkins.days_with_checkin, 'day')} with a check-in")
    if options.includes("charts") or options.includes("worksheets"):
        finished = len(summary.beliefs.pairs)
        parts.append(f"{count(finished, 'finished worksheet')}")
    if options.includes("charts") or options.includes("steps"):
        parts.append(f"{summary.steps.done:,} of {count(summary.steps.planned, 'small step')} "
                     "followed up")
    if options.includes("guide") and summary.guide.total:
        parts.append(f"{summary.guide.read} of {summary.guide.total} guide chapters read")
    return "At a glance: " + " \u00b7 ".join(parts) + "." if parts else ""


def _heading(text: str, *, first: bool = False) -> Text:
    return Text(space_before=0 if first else 20, keep_with_next=True, text=text, role="h2")


def _chart_blocks(summary: ProgressSummary, style: ChartStyle) -> list[Block]:
    blocks: list[Block] = []
    for kind in charts.TITLES:
        blocks.append(_heading(charts.TITLES[kind]))
        blocks += [Text(space_before=4, keep_with_next=True, text=line)
                   for line in summary.readings(kind)]
        height = charts.preferred_height_pt(kind, summary) - 14
        blocks.append(Drawing(space_before=8, height_pt=height,
                              painter_fn=partial(charts.paint, kind, summary=summary,
                                                 style=style),
                              alt=f"Chart: {charts.TITLES[kind]}, as described above.",
                              table=numbers.table_for(kind, summary)))
    return blocks


def _change(before: int, after: int) -> str:
    diff = after - before
    return f"+{diff}" if diff > 0 else f"{MINUS}{-diff}" if diff < 0 else "0"


def _worksheet_blocks(summary: ProgressSummary, with_reading: bool) -> list[Block]:
    beliefs = summary.beliefs
    blocks: list[Block] = [_heading("Worksheets")]
    if with_reading:
        blocks += [Text(space_before=4, keep_with_next=True, text=line)
                   for line in beliefs.readings]
    if not beliefs.pairs:
        blocks.append(Text(space_before=4, text="No finished worksheets in this period yet.",
                           role="muted"))
        return blocks
    note = (f"{count(len(beliefs.pairs), 'finished worksheet')} in this period, oldest "
            "first, with how much you believed the fearful thought (0 to 100) before and "
            "after reframing")
    if beliefs.drafts:
        verb = "is" if beliefs.drafts == 1 else "are"
        note += f". {count(beliefs.drafts, 'unfinished draft')} {verb} not listed"
    blocks.append(Text(space_before=4, keep_with_next=True, text=note + ".", role="muted"))
    widths, align = (0.2, 0.3, 0.2, 0.1, 0.1, 0.1), "lllrrr"
    header = Row(space_before=6, keep_with_next=True, widths=widths, align=align,
                 is_header=True,
                 cells=("Date", "Kind of fear", "Your call", "Before", "After", "Change"))
    blocks.append(header)
    for pair in beliefs.pairs:
        blocks.append(Row(widths=widths, align=align, header=header, role="body",
                          cells=(format_day(pair.day), labels.category_name(pair.category),
                                 labels.verdict_name(pair.verdict), str(pair.before),
                                 str(pair.after), _change(pair.before, pair.after))))
    return blocks


def _step_blocks(summary: ProgressSummary, with_reading: bool) -> list[Block]:
    steps = summary.steps
    blocks: list[Block] = [_heading("Small steps")]
    if with_reading or steps.planned == 0:
        blocks.append(Text(space_before=4, keep_with_next=bool(steps.planned),
                           text=steps.reading))
    if steps.planned == 0:
        return blocks
    rows = [("Small steps planned", f"{steps.planned:,}"),
            ("Followed up", f"{steps.done:,}"),
            ("Not followed up yet", f"{steps.open:,}")]
    if steps.waiting:
        rows.append(("Of those, past their planned date", f"{steps.waiting:,}"))
    rows += [("The feared outcome didn't happen", f"{steps.no:,}"),
             ("It happened partly", f"{steps.partly:,}"),
             ("It happened", f"{steps.yes:,}")]
    for i, (label, value) in enumerate(rows):
        blocks.append(Row(space_before=6 if i == 0 else 0, widths=(0.42, 0.2), align="lr",
                          cells=(label, value), role="body", keep_with_next=i < len(rows) - 1))
    return blocks


def _guide_blocks(summary: ProgressSummary) -> list[Block]:
    return [_heading("Guide"), Text(space_before=4, keep_with_next=True,
                                    text=summary.guide.reading),
            Meter(space_before=6, fraction=summary.guide.fraction)]


def _paragraph_blocks(paragraphs: Sequence[markdown.Paragraph], *, first_space: float = 2,
                     keep_last: bool = False) -> list[Block]:
    """Rich blocks for parsed paragraphs; the person's headings stay with what
    follows them."""
    blocks: list[Block] = []
    for i, paragraph in enumerate(paragraphs):
        runs = tuple((run.text, run.bold, run.italic) for run in paragraph.runs)
        space = first_space if i == 0 else 4
        keep = keep_last and i == len(paragraphs) - 1
        if paragraph.kind == "heading":
            blocks.append(Rich(space_before=space + 2, keep_with_next=True, runs=runs,
                               role="h4"))
        elif paragraph.kind == "item":
            blocks.append(Rich(space_before=space if i == 0 else 2, keep_with_next=keep,
                               runs=runs, indent_pt=14.0 * paragraph.level,
                               marker=paragraph.marker))
        elif paragraph.kind == "quote":
            blocks.append(Rich(space_before=space, keep_with_next=keep, runs=runs,
                               indent_pt=12.0, quote=True))
        else:
            blocks.append(Rich(space_before=space, keep_with_next=keep, runs=runs))
    return blocks


def body_paragraphs(body: str, limit: int = EXCERPT_CHARS) -> list[markdown.Paragraph]:
    """An entry's Markdown as paragraphs, shortened to about `limit` characters;
    a heading the cut left without its text is dropped."""
    paragraphs = markdown.shorten(markdown.parse(body), limit)[0]
    while len(paragraphs) > 1 and paragraphs[-1].kind == "heading":
        paragraphs.pop()
    return paragraphs


def plain_paragraphs(text: str) -> list[markdown.Paragraph]:
    """Text the person typed into a worksheet field: its paragraphs (blank lines
    apart) as written, without Markdown."""
    parts = [" ".join(part.split()) for part in text.replace("\r\n", "\n").split("\n\n")]
    return [markdown.Paragraph("p", (markdown.Run(part),)) for part in parts if part]


def _checkin_line(entry: Entry) -> str:
    c = entry.checkin
    parts = [f"{name} {value}" for name, value in (("Mood", c.mood),
                                                   ("Trust in others", c.trust_others),
                                                   ("Trust in myself", c.trust_self))
             if value is not None]
    return " \u00b7 ".join(parts)


def _excerpt_blocks(summary: ProgressSummary, entries: Sequence[Entry],
                    limit: int, total: int | None) -> list[Block]:
    """`entries` may be only the most recent few; `total` is how many entries with
    words the period holds, so the note tells the true count."""
    inside = sorted((e for e in entries
                     if summary.first_day <= e.written_at.date() <= summary.last_day
                     and (e.title or e.body.strip())), key=lambda e: (e.written_at, e.id))
    chosen = inside[-limit:]
    total = max(total or 0, len(inside))
    blocks: list[Block] = [_heading("From your journal")]
    if not chosen:
        blocks.append(Text(space_before=4, role="muted",
                           text="No journal entries with text in this period."))
        return blocks
    if len(chosen) < total:
        note = f"The {len(chosen):,} most recent of your {total:,} entries in this period"
    else:
        note = f"Your {count(len(chosen), 'entry', 'entries')} in this period"
    note += "; long ones are shortened to their first lines."
    blocks.append(Text(space_before=4, role="muted", text=note, keep_with_next=True))
    for entry in chosen:
        day = entry.written_at.date()
        head = long_date(day)
        if entry.title:
            head += f" \u00b7 {entry.title}"
        blocks.append(Text(space_before=12, keep_with_next=True, role="h3", text=head))
        line = _checkin_line(entry)
        if line:
            blocks.append(Text(space_before=1, keep_with_next=True, role="muted", text=line))
        if entry.body.strip():
            blocks += _paragraph_blocks(body_paragraphs(entry.body))
    return blocks


OUTCOME_NAMES = {"no": "The feared outcome didn't happen.",
                 "partly": "The feared outcome happened partly.",
                 "yes": "The feared outcome happened."}
DETAIL_FIELDS = (("thought", "The fearful thought"), ("balanced_view", "The balanced view"),
                 ("step", "The small step"))


def detail_texts(sheet: Worksheet) -> list[tuple[str, list[markdown.Paragraph]]]:
    """(label, paragraphs) for the parts of `sheet` the details section prints."""
    out = []
    for field, label in DETAIL_FIELDS:
        if field == "step":
            step = sheet.step
            if step is None or not step.text.strip():
                continue
            paragraphs = plain_paragraphs(step.text)
            if step.outcome in OUTCOME_NAMES:
                paragraphs.append(markdown.Paragraph(
                    "p", (markdown.Run(OUTCOME_NAMES[step.outcome], italic=True),)))
        else:
            paragraphs = plain_paragraphs(getattr(sheet, field))
        if paragraphs:
            out.append((label, paragraphs))
    return out


def detail_heading(sheet: Worksheet) -> str:
    return f"{long_date(sheet.happened_on)} \u00b7 {labels.category_name(sheet.category)}"


def detail_belief(sheet: Worksheet) -> str:
    return (f"Belief in the fearful thought: {sheet.belief_before} before, "
            f"{sheet.belief_after} after")


DETAILS_NOTE = ("Your own words from each finished worksheet in this period, oldest first: "
                "what you feared, the balanced view you came to, and the small step you chose.")


def finished_in_period(summary: ProgressSummary,
                       worksheets: Sequence[Worksheet]) -> list[Worksheet]:
    return sorted((w for w in worksheets if w.is_complete
                   and summary.first_day <= w.happened_on <= summary.last_day),
                  key=lambda w: (w.happened_on, w.created_at, w.id))


def _detail_blocks(summary: ProgressSummary, worksheets: Sequence[Worksheet]) -> list[Block]:
    sheets = finished_in_period(summary, worksheets)
    blocks: list[Block] = [_heading("Worksheet details")]
    if not sheets:
        blocks.append(Text(space_before=4, role="muted",
                           text="No finished worksheets in this period yet."))
        return blocks
    blocks.append(Text(space_before=4, role="muted", text=DETAILS_NOTE, keep_with_next=True))
    for sheet in sheets:
        blocks.append(Text(space_before=12, keep_with_next=True, role="h3",
                           text=detail_heading(sheet)))
        blocks.append(Text(space_before=1, keep_with_next=True, role="muted",
                           text=detail_belief(sheet)))
        for label, paragraphs in detail_texts(sheet):
            blocks.append(Text(space_before=6, keep_with_next=True, role="h4", text=label))
            blocks += _paragraph_blocks(paragraphs)
    return blocks


def build_blocks(summary: ProgressSummary, options: SummaryOptions, *, made_on: date,
                 excerpts: Sequence[Entry], chart_style: ChartStyle,
                 excerpt_total: int | None = None,
                 worksheets: Sequence[Worksheet] = ()) -> list[Block]:
    """The whole document as blocks, in reading order."""
    blocks: list[Block] = [
        Text(text=TITLE, role="title"),
        Text(space_before=4, text=_subtitle(summary), role="subtitle"),
        Text(space_before=1, text=f"Made on {long_date(made_on)}", role="subtitle"),
        Text(space_before=14, text=(
            "This summary brings together what you recorded in TrustDesk during this "
            "period. The numbers are your own ratings of single moments: they describe "
            "how things felt, not who you are.")),
    ]
    glance = _glance(summary, options)
    if glance:
        blocks.append(Text(space_before=6, text=glance, role="muted"))
    charts_on = options.includes("charts")
    if charts_on:
        blocks += _chart_blocks(summary, chart_style.with_(show_title=False))
    if options.includes("worksheets"):
        blocks += _worksheet_blocks(summary, with_reading=not charts_on)
    if options.includes("steps"):
        blocks += _step_blocks(summary, with_reading=not charts_on)
    if options.includes("guide"):
        blocks += _guide_blocks(summary)
    if options.includes("excerpts"):
        blocks += _excerpt_blocks(summary, excerpts, options.excerpt_limit, excerpt_total)
    if options.includes("worksheet_details"):
        blocks += _detail_blocks(summary, worksheets)
    return blocks
