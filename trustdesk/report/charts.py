"""The progress charts, painted with plain QPainter onto any paint device.

The same functions paint on screen (a widget's paintEvent), into images, into
vector PDFs and onto printer pages; nothing here creates a widget. Each takes a
painter, the rect to fill (device coordinates), the summary part it shows and a
`ChartStyle`, and returns a `ChartFrame` saying where the data went (for tests
and for pointer hit-testing). Painting is synchronous and uses only the painter
it is given, so it may run on a worker thread for an image or PDF device.

Long series are reduced to one (min, max) pair per pixel column before drawing,
so ten years of daily ratings cost about as much as a few months.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from trustdesk.domain.progress import (
    ActivitySummary,
    BeliefPair,
    BeliefSummary,
    CheckinSummary,
    ProgressSummary,
    StepSummary,
    TrapSummary,
)
from trustdesk.report import chart_parts as parts
from trustdesk.report.axes import nice_ticks, reduce_minmax
from trustdesk.report.style import ChartStyle

TITLES = {
    "checkins": "Mood and trust over time",
    "beliefs": "Belief in the fearful thought, before and after",
    "activity": "Activity per week",
    "traps": "Thinking traps noticed",
    "steps": "Small steps: did the feared outcome happen?",
}
WARNING_LEGEND = "After: you called it a real warning sign"
# Natural height of each chart in points (title included), for page layout.
_HEIGHTS = {"checkins": 250.0, "beliefs": 175.0, "activity": 165.0}
_ROW_PT = 19.0


@dataclass(frozen=True)
class ChartFrame:
    """Where a chart put its data: the plot rect(s) and the x position of slot i
    (a day, a week, or for bars a value). Device coordinates."""

    plots: tuple[QRectF, ...]
    x_of: Callable[[float], float]
    reduced: bool = False        # True when points were merged per pixel column


def preferred_height_pt(kind: str, summary: ProgressSummary) -> float:
    """A comfortable height for `kind` in points, title included."""
    if kind == "traps":
        return 48 + max(len(summary.traps.traps), 2) * _ROW_PT
    if kind == "steps":
        return 48 + 4 * _ROW_PT
    return _HEIGHTS[kind]


def paint(kind: str, painter: QPainter, rect: QRectF, summary: ProgressSummary,
          style: ChartStyle) -> ChartFrame:
    """Paint chart `kind` (one of TITLES) for `summary` into `rect`."""
    if kind == "checkins":
        return paint_checkins(painter, rect, summary.checkins, style)
    if kind == "beliefs":
        return paint_beliefs(painter, rect, summary.beliefs, style,
                             first=summary.first_day, last=summary.last_day)
    if kind == "activity":
        return paint_activity(painter, rect, summary.activity, style)
    if kind == "traps":
        return paint_traps(painter, rect, summary.traps, style)
    if kind == "steps":
        return paint_steps(painter, rect, summary.steps, style)
    raise KeyError(kind)


def _columns(ctx: parts.Ctx, width: float) -> int:
    """Pixel columns to reduce to: device pixels, but no finer than 1/144 inch."""
    return max(1, int(min(width, width / ctx.units.per_pt * 2)))


Run = list[tuple[float, float]]


def _series_runs(values: Sequence[float | None], columns: int, left: float, width: float,
                 base: float, per_unit: float, *, smooth: bool = False, min_step: float = 0.75
                 ) -> list[Run]:
    """The polylines (lists of (x, y)) for one series, split where values are
    missing. Value v is drawn at y = base - v * per_unit. With no more values than
    `columns`, one point per value at the centre of its slot. Otherwise, per pixel
    column: for a `smooth` series (an average), the middle of its range; else its
    min and max, ordered to continue from the previous column (one point when less
    than `min_step` device pixels apart), so no spike is lost. Hot path for ten
    years of data: plain floats, no Qt objects."""
    out: list[Run] = []
    run: Run = []
    n = len(values)
    if n <= columns:
        step = width / max(n, 1)
        for i, v in enumerate(values):
            if v is None:
                if run:
                    out.append(run)
                    run = []
            else:
                run.append((left + (i + 0.5) * step, base - v * per_unit))
    else:
        step = width / columns
        last_y: float | None = None
        for c, pair in enumerate(reduce_minmax(values, columns)):
            if pair is None:
                if run:
                    out.append(run)
                    run = []
                last_y = None
                continue
            x = left + (c + 0.5) * step
            ya, yb = base - pair[0] * per_unit, base - pair[1] * per_unit
            if smooth or ya - yb < min_step:        # one point for the column
                ya = yb = (ya + yb) / 2
            elif last_y is not None and abs(yb - last_y) < abs(ya - last_y):
                ya, yb = yb, ya
            run.append((x, ya))
            if yb != ya:
                run.append((x, yb))
            last_y = yb
    if run:
        out.append(run)
    return out


def paint_checkins(painter: QPainter, rect: QRectF, checkins: CheckinSummary,
                   style: ChartStyle) -> ChartFrame:
    """Three stacked panels (mood, trust in others, trust in myself), each 0 to 10:
    a thin line for daily values, broken on days without a rating, and a thick
    line for the 7-day average."""
    ctx = parts.Ctx(painter, style)
    painter.save()
    legend = [("thin", style.muted, "Daily rating"), ("line", style.text, "7-day average")]
    area = parts.frame(ctx, rect, TITLES["checkins"], legend)
    n = max(checkins.day_count, 1)
    label_w = ctx.text_width("10", ctx.small_font) + ctx.pt(2)
    left = area.left() + label_w + ctx.pt(6)
    right = area.right() - ctx.pt(4)
    x_axis_h = ctx.line_height(ctx.small_font) + ctx.pt(6)
    head = ctx.line_height(ctx.bold_font)
    gap = ctx.pt(6)
    panel_h = max(1.0, (area.height() - x_axis_h - 2 * gap) / 3)
    width = max(1.0, right - left)
    columns = _columns(ctx, width)
    reduced = n > columns

    def x_at(i: float) -> float:
        return left + (i + 0.5) * width / n

    plots = []
    for m, series in enumerate(checkins.series):
        color = style.series[m]
        top = area.top() + m * (panel_h + gap)
        plot = QRectF(left, top + head, width, max(1.0, panel_h - head - ctx.pt(2)))
        plots.append(plot)
        ctx.text(QRectF(left, top, width, head),
                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                 series.label, font=ctx.bold_font, color=color)
        pad = ctx.pt(3)
        base, per_unit = plot.bottom() - pad, (plot.height() - 2 * pad) / 10

        def y_of(v: float, base: float = base, per_unit: float = per_unit) -> float:
            return base - v * per_unit

        parts.y_axis(ctx, plot, (0, 5, 10), y_of, label_width=label_w)
        painter.save()
        painter.setClipRect(plot.adjusted(-ctx.pt(3), -ctx.pt(3), ctx.pt(3), ctx.pt(3)))
        daily = _series_runs(series.values, columns, left, width, base, per_unit)
        # 0.75 pt is one pixel on a 96 dpi screen, which Qt strokes on its fast path
        parts.polylines(ctx, daily, ctx.pen(color, 0.75, alpha=0.55), lone_radius_pt=1.6)
        if not reduced and width / n >= ctx.pt(5):
            parts.dots(ctx, [QPointF(x, y) for piece in daily for x, y in piece], color, 1.4,
                       alpha=0.55)
        rolling = _series_runs(series.rolling, columns, left, width, base, per_unit,
                               smooth=True)
        parts.polylines(ctx, rolling, ctx.pen(color, 1.9), lone_radius_pt=1.9)
        painter.restore()
    parts.baseline(ctx, plots[-1])
    first = checkins.first_day
    last = checkins.day(n - 1)
    parts.x_dates(ctx, plots[-1], first, last, lambda d: x_at((d - first).days), bounds=rect)
    if checkins.days_with_checkin == 0:
        parts.empty_message(ctx, plots[1], "No check-ins in this period yet")
    painter.restore()
    return ChartFrame(tuple(plots), x_at, reduced)


def _time_plot(ctx: parts.Ctx, area: QRectF, y_label_sample: str) -> tuple[QRectF, float]:
    label_w = ctx.text_width(y_label_sample, ctx.small_font) + ctx.pt(2)
    x_axis_h = ctx.line_height(ctx.small_font) + ctx.pt(6)
    left = area.left() + label_w + ctx.pt(6)
    plot = QRectF(left, area.top() + ctx.pt(4), max(1.0, area.right() - ctx.pt(4) - left),
                  max(1.0, area.height() - x_axis_h - ctx.pt(4)))
    return plot, label_w


def paint_beliefs(painter: QPainter, rect: QRectF, beliefs: BeliefSummary, style: ChartStyle,
                  *, first: date, last: date) -> ChartFrame:
    """One pair per finished worksheet, at its date: a ring for belief before, a dot
    for belief after reframing, joined by a line. A worksheet called a real warning
    sign has a diamond after instead of a dot, in its own colour and legend item:
    there a belief that stays high isn't a fear failing to ease. Several on one day
    sit side by side within that day."""
    ctx = parts.Ctx(painter, style)
    painter.save()
    before_c, after_c, warning_c = style.series[1], style.series[0], style.series[2]
    legend = [("ring", before_c, "Before"), ("dot", after_c, "After reframing")]
    if beliefs.warning_signs:
        legend.append(("diamond", warning_c, WARNING_LEGEND))
    legend.append(("note", style.muted, "belief from 0 to 100"))
    area = parts.frame(ctx, rect, TITLES["beliefs"], legend)
    plot, label_w = _time_plot(ctx, area, "100")
    days = max((last - first).days + 1, 1)
    day_w = plot.width() / days
    pad = ctx.pt(5)

    def x_at(i: float) -> float:
        return plot.left() + (i + 0.5) * day_w

    def y_of(v: float) -> float:
        return plot.bottom() - pad - v / 100 * (plot.height() - 2 * pad)

    parts.y_axis(ctx, plot, (0, 25, 50, 75, 100), y_of, label_width=label_w)
    parts.baseline(ctx, plot)
    parts.x_dates(ctx, plot, first, last, lambda d: x_at((d - first).days), bounds=rect)
    by_day: dict[date, list[BeliefPair]] = defaultdict(list)
    for pair in beliefs.pairs:
        by_day[pair.day].append(pair)
    spacing = plot.width() / max(len(beliefs.pairs), 1)
    radius = min(3.2, max(1.3, spacing / ctx.units.per_pt / 3))
    # All joins, then all rings, then all dots, each with one pen: hundreds of
    # worksheets paint several times faster than pair by pair.
    joins: list[QLineF] = []
    befores: list[QPointF] = []
    afters: list[QPointF] = []
    warnings: list[QPointF] = []
    for day, pairs in by_day.items():
        index = (day - first).days
        for k, pair in enumerate(pairs):
            x = plot.left() + (index + (k + 0.5) / len(pairs)) * day_w
            befores.append(QPointF(x, y_of(pair.before)))
            after = QPointF(x, y_of(pair.after))
            (warnings if pair.is_warning_sign else afters).append(after)
            joins.append(QLineF(befores[-1], after))
    painter.save()
    painter.setClipRect(plot.adjusted(-ctx.pt(4), -ctx.pt(4), ctx.pt(4), ctx.pt(4)))
    if joins:
        painter.setPen(ctx.pen(style.muted, 0.9, alpha=0.6))
        painter.drawLines(joins)
        parts.rings(ctx, befores, before_c, radius)
        parts.dots(ctx, afters, after_c, radius)
        parts.diamonds(ctx, warnings, warning_c, radius * 1.3)
    painter.restore()
    if not beliefs.pairs:
        parts.empty_message(ctx, plot, "No finished worksheets in this period yet")
    painter.restore()
    return ChartFrame((plot,), x_at)


def paint_activity(painter: QPainter, rect: QRectF, activity: ActivitySummary,
                   style: ChartStyle) -> ChartFrame:
    """Grouped bars per ISO week: journal entries, worksheets, small steps done.
    When weeks get too narrow for three bars, k neighbouring weeks share a group
    (their totals), and the legend says so."""
    ctx = parts.Ctx(painter, style)
    painter.save()
    weeks = activity.weeks
    names = ("Journal entries", "Worksheets", "Small steps done")
    legend = [("box", style.series[i], names[i]) for i in range(3)]
    area = parts.frame(ctx, rect, TITLES["activity"], legend)
    plot, label_w = _time_plot(ctx, area, "1,000")
    n = max(len(weeks), 1)
    slot = plot.width() / n
    k = 1
    while slot * k * 0.8 / 3 < ctx.pt(1.2) and k < n:
        k += 1
    if k > 1:
        legend_note = f"each group of bars adds up {k} weeks"
        area = parts.frame(ctx, rect, TITLES["activity"], [*legend, ("note", "", legend_note)])
        plot, label_w = _time_plot(ctx, area, "1,000")
        slot = plot.width() / n
    groups = [weeks[i:i + k] for i in range(0, len(weeks), k)]
    sums = [(sum(w.entries for w in g), sum(w.worksheets for w in g),
             sum(w.steps_done for w in g)) for g in groups]
    top_value = max((max(s) for s in sums), default=0)
    ticks = nice_ticks(top_value, max(2, int(plot.height() // ctx.pt(22))))
    pad = ctx.pt(1)

    def y_of(v: float) -> float:
        return plot.bottom() - v / ticks[-1] * (plot.height() - pad)

    def x_at(i: float) -> float:
        return plot.left() + (i + 0.5) * slot

    parts.y_axis(ctx, plot, ticks, y_of, label_width=label_w)
    bar_w = slot * k * 0.8 / 3
    for g, values in enumerate(sums):
        start = plot.left() + g * k * slot + slot * k * 0.1
        for s, value in enumerate(values):
            if value:
                top = y_of(value)
                painter.fillRect(QRectF(start + s * bar_w, top, bar_w, plot.bottom() - top),
                                 QColor(style.series[s]))
    parts.baseline(ctx, plot)
    if weeks:
        first = weeks[0].monday
        last = weeks[-1].monday + timedelta(days=6)
        parts.x_dates(ctx, plot, first, last,
                      lambda d: plot.left() + ((d - first).days + 0.5) * slot / 7, bounds=rect)
    if not any(sum(s) for s in sums):
        parts.empty_message(ctx, plot, "Nothing recorded in this period yet")
    painter.restore()
    return ChartFrame((plot,), x_at, k > 1)


def paint_traps(painter: QPainter, rect: QRectF, traps: TrapSummary,
                style: ChartStyle) -> ChartFrame:
    """Horizontal bars, most frequent first: in how many worksheets each trap was
    ticked."""
    ctx = parts.Ctx(painter, style)
    painter.save()
    area = parts.frame(ctx, rect, TITLES["traps"],
                       [("note", "", "number of worksheets in which you ticked it")])
    bars = [parts.Bar(t.name, t.count, style.series[0]) for t in traps.traps]
    if not bars:
        message = ("No thinking traps ticked in this period yet" if traps.worksheets
                   else "No worksheets in this period yet")
        parts.empty_message(ctx, area, message)
        painter.restore()
        return ChartFrame((area,), lambda v: area.left())
    plot, x_of = parts.hbars(ctx, area, bars)
    painter.restore()
    return ChartFrame((plot,), x_of)


def paint_steps(painter: QPainter, rect: QRectF, steps: StepSummary,
                style: ChartStyle) -> ChartFrame:
    """How the followed-up small steps went, plus the ones still open."""
    ctx = parts.Ctx(painter, style)
    painter.save()
    area = parts.frame(ctx, rect, TITLES["steps"], [("note", "", "number of small steps")])
    if steps.planned == 0:
        parts.empty_message(ctx, area, "No small steps in this period yet")
        painter.restore()
        return ChartFrame((area,), lambda v: area.left())
    bars = [parts.Bar("Didn't happen", steps.no, style.series[0]),
            parts.Bar("Happened partly", steps.partly, style.series[2]),
            parts.Bar("Happened", steps.yes, style.series[1]),
            parts.Bar("Not followed up yet", steps.open, style.muted)]
    plot, x_of = parts.hbars(ctx, area, bars)
    painter.restore()
    return ChartFrame((plot,), x_of)
