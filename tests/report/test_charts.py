"""The chart painter draws real, readable charts onto images and PDFs: series land
where their values say, gaps stay empty, text follows the device's DPI, and ten
years of data are reduced per pixel column."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from tests.report.conftest import pdf_text
from trustdesk.domain.journal import CheckIn
from trustdesk.domain.period import Period
from trustdesk.domain.progress import ProgressSummary, summarize
from trustdesk.domain.worksheet import TRAPS, SmallStep, Worksheet
from trustdesk.report import charts
from trustdesk.report.style import ChartStyle, palette, paper_style

STYLE = paper_style()
TEAL, ORANGE, INDIGO = (QColor(c) for c in STYLE.series)
TODAY = date(2025, 5, 31)


def sheet(i: int, day: date, before: int, after: int, traps=(), outcome=None,
          verdict=None) -> Worksheet:
    step = SmallStep(id=f"s{i}", text="Say what I need", due=day, outcome=outcome,
                     followed_up_on=day if outcome else None)
    return Worksheet(id=f"w{i}", happened_on=day, thought="t", belief_before=before,
                     balanced_view="b", belief_after=after, traps=tuple(traps), step=step,
                     verdict=verdict)


def make(period: Period | None = None, *, checkins=(), entries=(), sheets=(),
         today: date = TODAY) -> ProgressSummary:
    period = period or Period("last_4_weeks")
    return summarize(checkins=checkins, entry_times=entries, worksheets=sheets, steps=(),
                     guide_progress=(3, 9), period=period, today=today,
                     trap_names={t: t.replace("_", " ").capitalize() for t in TRAPS})


def moment(day: date, hour: int = 20) -> datetime:
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=hour)


def dataset(name: str) -> ProgressSummary:
    if name == "empty":
        return make()
    if name == "one point":
        day = TODAY - timedelta(days=3)
        return make(checkins=[(moment(day), CheckIn(5, 6, 7))], entries=[moment(day)],
                    sheets=[sheet(0, day, 70, 40, ("mind_reading",), "no")])
    if name == "flat":
        days = [TODAY - timedelta(days=i) for i in range(28)]
        return make(checkins=[(moment(d), CheckIn(5, 5, 5)) for d in days],
                    entries=[moment(d) for d in days],
                    sheets=[sheet(i, days[i * 7], 60, 60, ("labelling",), "partly")
                            for i in range(4)])
    return ten_years()


def ten_years(seed: int = 3) -> ProgressSummary:
    r = random.Random(seed)
    first = TODAY - timedelta(days=3649)
    days = [first + timedelta(days=i) for i in range(3650)]
    checkins = [(moment(d), CheckIn(r.randint(0, 10), r.randint(0, 10), r.randint(0, 10)))
                for d in days]
    sheets = [sheet(i, first + timedelta(days=7 * i), r.randint(40, 100), r.randint(0, 80),
                    r.sample(TRAPS, 2), r.choice(("yes", "partly", "no", None)))
              for i in range(520)]
    return make(Period.custom(first, TODAY), checkins=checkins,
                entries=[m for m, _ in checkins], sheets=sheets)


def paint_image(kind: str, summary: ProgressSummary, *, size=(900, 420), dpi: int = 96,
                style: ChartStyle = STYLE):
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    frame = charts.paint(kind, painter, QRectF(10, 10, size[0] - 20, size[1] - 20), summary,
                         style)
    painter.end()
    return image, frame


def count_pixels(image: QImage, rect: QRectF, test) -> int:
    """Pixels inside `rect` for which test(r, g, b) is true."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    data, stride = bytes(image.constBits()), image.bytesPerLine()
    found = 0
    for y in range(max(0, int(rect.top())), min(image.height(), int(rect.bottom()) + 1)):
        row = y * stride
        for x in range(max(0, int(rect.left())), min(image.width(), int(rect.right()) + 1)):
            b, g, r = data[row + 4 * x], data[row + 4 * x + 1], data[row + 4 * x + 2]
            if test(r, g, b):
                found += 1
    return found


def near(color: QColor, tolerance: int = 40):
    def test(r, g, b):
        return (abs(r - color.red()) <= tolerance and abs(g - color.green()) <= tolerance
                and abs(b - color.blue()) <= tolerance)
    return test


def teal_tinted(r, g, b):
    """Teal, even blended with white (the faint daily line): green clearly above red.
    The palette's greys, grid and text all have red >= green."""
    return g - r > 15


def columns(rect: QRectF, left: float, right: float) -> QRectF:
    return QRectF(left, rect.top(), right - left, rect.height())


# ------------------------------------------------------------------ all kinds

DATASETS = ("empty", "one point", "flat", "ten years")


@pytest.fixture(scope="module")
def summaries():
    return {name: dataset(name) for name in DATASETS}


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("kind", list(charts.TITLES))
def test_every_chart_paints_its_title_and_frame_into_an_image(kind, name, summaries):
    image, frame = paint_image(kind, summaries[name])
    title_band = QRectF(10, 10, 400, 14)
    dark_text = near(QColor(STYLE.text), 60)
    assert count_pixels(image, title_band, dark_text) > 30          # the title is there
    assert frame.plots and all(p.width() > 50 and p.height() > 20 for p in frame.plots)


@pytest.mark.parametrize("name", DATASETS)
def test_every_chart_paints_into_a_vector_pdf_with_real_text(name, summaries, tmp_path):
    path = tmp_path / "charts.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    painter = QPainter(writer)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    y = 0.0
    for kind in charts.TITLES:
        height = charts.preferred_height_pt(kind, summaries[name]) * writer.resolution() / 72
        charts.paint(kind, painter, QRectF(0, y, page.width(), height), summaries[name], STYLE)
        y += height
        if y > page.height() * 0.6:
            writer.newPage()
            y = 0.0
    painter.end()
    text = pdf_text(path)
    for title in charts.TITLES.values():
        assert title in text
    assert "Trust in myself" in text and "7-day average" in text
    if name == "empty":
        assert "No check-ins in this period yet" in text
        assert "No small steps in this period yet" in text
    if name == "ten years":
        assert "each group of bars adds up" in text              # weeks were merged
        assert "2016" in text and "2024" in text                   # year ticks
    if name == "flat":
        assert "Didn't happen" in text and "Labelling" in text


# ------------------------------------------------------------- check-ins chart

def test_days_without_ratings_leave_a_gap_in_both_lines():
    period = Period.custom(date(2025, 3, 1), date(2025, 3, 30))
    rated = [date(2025, 3, 1) + timedelta(days=i) for i in (*range(10), *range(20, 30))]
    summary = make(period, checkins=[(moment(d), CheckIn(mood=5)) for d in rated],
                   today=date(2025, 3, 30))
    image, frame = paint_image("checkins", summary)
    mood_plot = frame.plots[0]
    # the 7-day average still reaches day 15 (window 9..15); days 16..19 have nothing
    gap = columns(mood_plot, frame.x_of(15) + 6, frame.x_of(20) - 6)
    assert gap.width() > 20
    assert count_pixels(image, gap, teal_tinted) == 0
    before = columns(mood_plot, frame.x_of(2), frame.x_of(8))
    after = columns(mood_plot, frame.x_of(22), frame.x_of(28))
    assert count_pixels(image, before, near(TEAL)) > 50
    assert count_pixels(image, after, near(TEAL)) > 50
    # other measures were never rated: their panels stay free of their colours
    assert count_pixels(image, frame.plots[1], near(ORANGE)) == 0
    assert count_pixels(image, frame.plots[2], near(INDIGO)) == 0


def test_values_sit_at_their_height_on_the_zero_to_ten_scale():
    days = [TODAY - timedelta(days=i) for i in range(28)]
    summary = make(checkins=[(moment(d), CheckIn(mood=10, trust_others=0)) for d in days])
    image, frame = paint_image("checkins", summary)
    mood, others = frame.plots[0], frame.plots[1]

    def band(plot: QRectF, lo: float, hi: float) -> QRectF:
        return QRectF(plot.left() + 5, plot.top() + plot.height() * lo, plot.width() - 10,
                      plot.height() * (hi - lo))

    assert count_pixels(image, band(mood, 0, 0.2), near(TEAL)) > 200
    assert count_pixels(image, band(mood, 0.3, 1), teal_tinted) == 0
    assert count_pixels(image, band(others, 0.8, 1.0), near(ORANGE)) > 200
    assert count_pixels(image, band(others, 0, 0.7), near(ORANGE)) == 0


def test_ten_years_are_reduced_per_pixel_column_and_span_the_whole_axis(summaries):
    image, frame = paint_image("checkins", summaries["ten years"])
    assert frame.reduced
    plot = frame.plots[0]
    edge = plot.width() * 0.04
    assert count_pixels(image, columns(plot, plot.left(), plot.left() + edge), near(TEAL)) > 0
    assert count_pixels(image, columns(plot, plot.right() - edge, plot.right()), near(TEAL)) > 0
    _image, short_frame = paint_image("checkins", dataset("flat"))
    assert not short_frame.reduced


def test_text_is_sized_in_points_for_the_device():
    """The same chart at 96 and 192 dpi: twice the pixels for the same point size."""
    summary = dataset("flat")

    def title_height(dpi: int, scale: int) -> int:
        image, _ = paint_image("traps", summary, size=(450 * scale, 200 * scale), dpi=dpi)
        dark = near(QColor(STYLE.text), 60)
        rows = [y for y in range(0, 40 * scale)
                if count_pixels(image, QRectF(0, y, 300 * scale, 0), dark)]
        return max(rows) - min(rows) + 1

    small, large = title_height(96, 1), title_height(192, 2)
    assert 1.7 < large / small < 2.3


# ------------------------------------------------------------------- the rest

def test_belief_pairs_put_before_above_and_after_below():
    day = TODAY - timedelta(days=10)
    summary = make(sheets=[sheet(0, day, 100, 0)])
    image, frame = paint_image("beliefs", summary)
    plot = frame.plots[0]
    first = TODAY - timedelta(days=27)
    x = frame.x_of((day - first).days)
    top = QRectF(x - 8, plot.top(), 16, plot.height() * 0.2)
    bottom = QRectF(x - 8, plot.bottom() - plot.height() * 0.2, 16, plot.height() * 0.2)
    assert count_pixels(image, top, near(ORANGE)) > 5              # ring: before = 100
    assert count_pixels(image, bottom, near(TEAL)) > 5             # dot: after = 0
    assert count_pixels(image, top, near(TEAL)) == 0
    elsewhere = QRectF(plot.left(), plot.top(), x - 12 - plot.left(), plot.height())
    assert count_pixels(image, elsewhere, near(TEAL)) == 0


def test_a_real_warning_sign_has_its_own_mark_and_legend_item(tmp_path):
    """After a worksheet called a real warning sign comes a diamond in the third
    colour, not the teal dot of a fear reframed, and the legend names it; without
    one, the legend leaves it out."""
    day = TODAY - timedelta(days=10)
    other = TODAY - timedelta(days=20)
    summary = make(sheets=[sheet(0, day, 90, 10, verdict="red_flag"),
                           sheet(1, other, 90, 10, verdict="false_alarm")])
    image, frame = paint_image("beliefs", summary)
    plot = frame.plots[0]
    first = TODAY - timedelta(days=27)
    bottom = plot.bottom() - plot.height() * 0.25
    warning = QRectF(frame.x_of((day - first).days) - 8, bottom, 16, plot.height() * 0.25)
    reframed = QRectF(frame.x_of((other - first).days) - 8, bottom, 16,
                      plot.height() * 0.25)
    assert count_pixels(image, warning, near(INDIGO, 20)) > 10
    assert count_pixels(image, warning, near(TEAL, 20)) == 0
    assert count_pixels(image, reframed, near(TEAL, 20)) > 5
    assert count_pixels(image, reframed, near(INDIGO, 20)) == 0

    def legend_text(summary: ProgressSummary) -> str:
        path = tmp_path / "beliefs.pdf"
        writer = QPdfWriter(str(path))
        painter = QPainter(writer)
        charts.paint("beliefs", painter, QRectF(0, 0, writer.width(), writer.height() / 3),
                     summary, STYLE)
        painter.end()
        return pdf_text(path)

    assert charts.WARNING_LEGEND in legend_text(summary)
    assert charts.WARNING_LEGEND not in legend_text(make(sheets=[sheet(1, other, 90, 10)]))


def bar_extent(image: QImage, rect: QRectF, color: QColor, *, vertical: bool) -> int:
    """How many rows (vertical) or columns (horizontal) hold the colour."""
    test = near(color, 20)
    if vertical:
        return sum(1 for y in range(int(rect.top()), int(rect.bottom()) + 1)
                   if count_pixels(image, QRectF(rect.left(), y, rect.width(), 0), test))
    return sum(1 for x in range(int(rect.left()), int(rect.right()) + 1)
               if count_pixels(image, QRectF(x, rect.top(), 0, rect.height()), test))


def test_weekly_bars_are_as_tall_as_their_counts():
    first_week = TODAY - timedelta(days=20)
    entries = [moment(first_week)] * 2 + [moment(TODAY - timedelta(days=2))] * 4
    summary = make(entries=entries)
    image, frame = paint_image("activity", summary)
    plot = frame.plots[0]
    weeks = summary.activity.weeks
    index_2 = next(i for i, w in enumerate(weeks) if w.entries == 2)
    index_4 = next(i for i, w in enumerate(weeks) if w.entries == 4)
    slot = plot.width() / len(weeks)

    def week_rect(i):
        return QRectF(plot.left() + i * slot, plot.top(), slot, plot.height())

    two = bar_extent(image, week_rect(index_2), TEAL, vertical=True)
    four = bar_extent(image, week_rect(index_4), TEAL, vertical=True)
    assert two > 10 and abs(four / two - 2) < 0.1
    assert count_pixels(image, plot, near(ORANGE, 20)) == 0         # no worksheets


def test_trap_and_outcome_bars_are_as_long_as_their_counts():
    day = TODAY - timedelta(days=5)
    sheets = [sheet(i, day, 70, 40, ("mind_reading",) if i < 2 else
                    ("mind_reading", "labelling"), "no" if i else "yes") for i in range(4)]
    summary = make(sheets=sheets)
    image, frame = paint_image("traps", summary)
    plot = frame.plots[0]
    row = plot.height() / 2
    first = bar_extent(image, QRectF(plot.left(), plot.top(), plot.width(), row), TEAL,
                       vertical=False)
    second = bar_extent(image, QRectF(plot.left(), plot.top() + row, plot.width(), row), TEAL,
                        vertical=False)
    assert abs(first / second - 2) < 0.05                           # 4 worksheets vs 2
    image, frame = paint_image("steps", summary)
    plot = frame.plots[0]
    no = bar_extent(image, plot, TEAL, vertical=False)
    yes = bar_extent(image, plot, ORANGE, vertical=False)
    assert abs(no / yes - 3) < 0.1                                  # 3 "no", 1 "yes"


def test_screen_style_from_theme_tokens_fills_its_background():
    dark = ChartStyle.from_tokens({k: QColor(v) for k, v in palette("dark").items()},
                                  font_pt=10)
    assert dark.background == palette("dark")["surface"].lower()
    image, _ = paint_image("steps", dataset("flat"), style=dark)
    assert image.pixelColor(5 + 10, 400).name() == dark.background
    assert paper_style().series == tuple(c.lower() for c in (palette("light")["chart_1"],
                                                             palette("light")["chart_2"],
                                                             palette("light")["chart_3"]))


def test_a_single_rating_shows_as_a_dot_and_no_line_across_the_days_after():
    """The 7-day average is drawn only on days with a check-in: one rating once
    showed as a week-long line."""
    day = TODAY - timedelta(days=10)
    image, frame = paint_image("checkins", make(checkins=[(moment(day), CheckIn(mood=5))]))
    plot = frame.plots[0]
    x = frame.x_of(17)                                   # 28-day period: day 10 before today
    assert count_pixels(image, columns(plot, x - 4, x + 4), near(TEAL)) > 4
    assert count_pixels(image, columns(plot, plot.left(), x - 6), teal_tinted) == 0
    assert count_pixels(image, columns(plot, x + 6, plot.right()), teal_tinted) == 0


@pytest.mark.parametrize("size", [(40, 24), (2, 2), (1200, 60)])
def test_charts_survive_cramped_areas(size, summaries):
    """A window resized to almost nothing must not crash the painter."""
    for kind in charts.TITLES:
        for name in ("empty", "ten years"):
            image, frame = paint_image(kind, summaries[name], size=(size[0] + 20, size[1] + 20))
            assert not image.isNull() and frame.plots
