"""Progress over a period, computed once from plain records.

`summarize()` is the one pure function behind the Progress page, the printed
summary and the `trustdesk summary` command: records in, a frozen
`ProgressSummary` out. It never reads storage, never touches Qt, and describes
what was recorded; it never rates the person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from trustdesk.domain import progress_text as text
from trustdesk.domain.journal import CheckIn
from trustdesk.domain.period import PERIOD_KINDS, Period, format_day
from trustdesk.domain.worksheet import TRAPS, SmallStep, Worksheet

__all__ = ["CHART_KEYS", "MEASURES", "PERIOD_KINDS", "WARNING_SIGN", "ActivitySummary",
           "BeliefPair", "BeliefSummary", "CheckinSummary", "DailySeries", "GuideSummary",
           "Period", "ProgressSummary", "StepSummary", "TrapCount", "TrapSummary",
           "WeekActivity", "format_day", "summarize"]

# (key on CheckIn, chart label, words used in sentences)
MEASURES = (("mood", "Mood", "your mood"),
            ("trust_others", "Trust in others", "trust in others"),
            ("trust_self", "Trust in myself", "trust in yourself"))
CHART_KEYS = ("checkins", "beliefs", "activity", "traps", "steps")
ROLLING_DAYS = 7
CHECKIN_STEP = 0.5   # a change smaller than this (on 0..10) reads as "steady"
BELIEF_STEP = 5      # the same on the 0..100 belief scale
MIN_TREND_DAYS = 3   # fewer rated days than this is too little to speak of a trend


@dataclass(frozen=True)
class DailySeries:
    """One check-in measure, one value per day of the period (index 0 = first day).

    `values[i]` is the mean of that day's ratings, or None when the day has none.
    `rolling[i]`, on a day with a rating, is the mean of the daily values of the
    days in the trailing window i-6 .. i that have one (days before the period's
    first day don't count); None on a day without one, so the average is never
    drawn across days with no check-in (one rating once showed as a week-long
    line). `first_half`/`second_half` are the means of the earlier and later half of
    the rated days (the middle day of an odd count belongs to neither); `trend` is
    rising, falling, steady, sparse or empty.
    """

    key: str
    label: str
    values: tuple[float | None, ...]
    rolling: tuple[float | None, ...]
    rated_days: int
    mean: float | None
    first_half: float | None
    second_half: float | None
    trend: str


@dataclass(frozen=True)
class CheckinSummary:
    first_day: date
    series: tuple[DailySeries, ...]   # mood, trust in others, trust in myself
    days_with_checkin: int
    checkins: int                     # journal entries with at least one rating
    reading: str

    @property
    def day_count(self) -> int:
        return len(self.series[0].values)

    def day(self, index: int) -> date:
        return self.first_day + timedelta(days=index)


WARNING_SIGN = "red_flag"   # the verdict "a real warning sign"


@dataclass(frozen=True)
class BeliefPair:
    """Belief in the fearful thought before and after, for one complete worksheet,
    and the person's call on it (a verdict key, or None if they made none)."""

    worksheet_id: str
    day: date
    category: str | None
    before: int
    after: int
    verdict: str | None = None

    @property
    def is_warning_sign(self) -> bool:
        """The person decided the fear pointed to a real warning sign: here a belief
        that stays high can be right, so it is never counted as a fear that eased."""
        return self.verdict == WARNING_SIGN


@dataclass(frozen=True)
class BeliefSummary:
    """Finished worksheets' belief before and after. Worksheets called a real warning
    sign are reported apart: `mean_before`/`mean_after` and `reading` cover only
    the others; `warning_*` cover the warning signs, and `warning_reading` says so
    in a sentence of its own ("" when there are none)."""

    pairs: tuple[BeliefPair, ...]     # oldest first, warning signs included
    drafts: int                       # worksheets in the period not finished yet
    mean_before: float | None         # over the pairs that aren't warning signs
    mean_after: float | None
    reading: str                      # "" when every finished one is a warning sign
    warning_signs: int = 0
    warning_mean_before: float | None = None
    warning_mean_after: float | None = None
    warning_reading: str = ""

    @property
    def others(self) -> int:
        """Finished worksheets not called a real warning sign."""
        return len(self.pairs) - self.warning_signs

    @property
    def readings(self) -> tuple[str, ...]:
        """The sentences to show, each its own line: the warning signs first."""
        return tuple(line for line in (self.warning_reading, self.reading) if line)


@dataclass(frozen=True)
class WeekActivity:
    """One ISO week (Monday to Sunday); only days inside the period are counted."""

    monday: date
    entries: int
    worksheets: int
    steps_done: int

    @property
    def iso_label(self) -> str:
        year, week, _ = self.monday.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def total(self) -> int:
        return self.entries + self.worksheets + self.steps_done


@dataclass(frozen=True)
class ActivitySummary:
    weeks: tuple[WeekActivity, ...]   # every week touching the period, empty ones too
    entries: int
    worksheets: int
    steps_done: int
    trend: str                        # rising, falling, steady, sparse or empty
    reading: str


@dataclass(frozen=True)
class TrapCount:
    key: str
    name: str
    count: int                        # worksheets in which it was ticked


@dataclass(frozen=True)
class TrapSummary:
    traps: tuple[TrapCount, ...]      # ticked at least once, most frequent first
    worksheets: int                   # worksheets in the period, drafts included
    reading: str


@dataclass(frozen=True)
class StepSummary:
    """Small steps whose date falls in the period. A step's date is the day it was
    followed up once it has been, otherwise its due date, otherwise its
    worksheet's date. `open` = planned - done; `waiting` = open ones already due."""

    planned: int
    done: int
    open: int
    waiting: int
    yes: int                          # the feared outcome happened
    partly: int
    no: int
    reading: str


@dataclass(frozen=True)
class GuideSummary:
    read: int
    total: int
    reading: str

    @property
    def fraction(self) -> float:
        return self.read / self.total if self.total else 0.0


@dataclass(frozen=True)
class ProgressSummary:
    period: Period
    first_day: date
    last_day: date
    today: date
    checkins: CheckinSummary
    beliefs: BeliefSummary
    activity: ActivitySummary
    traps: TrapSummary
    steps: StepSummary
    guide: GuideSummary

    @property
    def dates_label(self) -> str:
        """'1 March 2025 to 31 May 2025'."""
        return f"{format_day(self.first_day)} to {format_day(self.last_day)}"

    def reading(self, chart: str) -> str:
        """The plain-language reading for one of CHART_KEYS, or 'guide', as one text:
        each of its sentences (see `readings`) on a line of its own."""
        return "\n".join(self.readings(chart))

    def readings(self, chart: str) -> tuple[str, ...]:
        """The reading as separate sentences, each to be shown on its own line (only
        the beliefs chart has more than one: the warning signs apart)."""
        if chart not in (*CHART_KEYS, "guide"):
            raise KeyError(chart)
        if chart == "beliefs":
            return self.beliefs.readings
        return (getattr(self, chart).reading,)

    @property
    def is_empty(self) -> bool:
        return (self.checkins.checkins == 0 and self.activity.entries == 0
                and self.traps.worksheets == 0 and self.steps.planned == 0)


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _daily_series(key: str, label: str, sums: list[float], counts: list[int]) -> DailySeries:
    values = tuple(s / c if c else None for s, c in zip(sums, counts, strict=True))
    rolling: list[float | None] = []
    window_sum, window_count = 0.0, 0
    for i, value in enumerate(values):
        if value is not None:
            window_sum += value
            window_count += 1
        if i >= ROLLING_DAYS:
            leaving = values[i - ROLLING_DAYS]
            if leaving is not None:
                window_sum -= leaving
                window_count -= 1
        rolling.append(window_sum / window_count if value is not None else None)
    rated = [v for v in values if v is not None]
    half = len(rated) // 2
    first_half = _mean(rated[:half])
    second_half = _mean(rated[len(rated) - half:]) if half else None
    if not rated:
        trend = "empty"
    elif len(rated) < MIN_TREND_DAYS:
        trend = "sparse"
    else:
        trend = text.trend_of(first_half, second_half, CHECKIN_STEP)
    return DailySeries(key=key, label=label, values=values, rolling=tuple(rolling),
                       rated_days=len(rated), mean=_mean(rated), first_half=first_half,
                       second_half=second_half, trend=trend)


def _checkins(pairs: Iterable[tuple[datetime, CheckIn]], first: date,
              last: date) -> CheckinSummary:
    days = (last - first).days + 1
    sums = [[0.0] * days for _ in MEASURES]
    counts = [[0] * days for _ in MEASURES]
    total = 0
    for moment, checkin in pairs:
        index = (moment.date() - first).days
        if not 0 <= index < days or checkin.is_empty:
            continue
        total += 1
        for m, (key, _label, _words) in enumerate(MEASURES):
            value = getattr(checkin, key)
            if value is not None:
                sums[m][index] += value
                counts[m][index] += 1
    series = tuple(_daily_series(key, label, sums[m], counts[m])
                   for m, (key, label, _words) in enumerate(MEASURES))
    rated_days = sum(1 for i in range(days) if any(c[i] for c in counts))
    words = {key: w for key, _label, w in MEASURES}
    return CheckinSummary(first_day=first, series=series, days_with_checkin=rated_days,
                          checkins=total,
                          reading=text.checkin_reading(series, rated_days, words))


def _beliefs(pairs: tuple[BeliefPair, ...], *, drafts: int) -> BeliefSummary:
    others = [p for p in pairs if not p.is_warning_sign]
    warnings = [p for p in pairs if p.is_warning_sign]
    mean_before = _mean([p.before for p in others])
    mean_after = _mean([p.after for p in others])
    warning_before = _mean([p.before for p in warnings])
    warning_after = _mean([p.after for p in warnings])
    if others or not warnings:
        reading = text.belief_reading(len(others), drafts, mean_before, mean_after,
                                      BELIEF_STEP, warning_signs=len(warnings))
    else:
        reading = ""
    return BeliefSummary(
        pairs=pairs, drafts=drafts, mean_before=mean_before, mean_after=mean_after,
        reading=reading, warning_signs=len(warnings), warning_mean_before=warning_before,
        warning_mean_after=warning_after,
        warning_reading=text.warning_reading(len(warnings), warning_before, warning_after))


def _step_day(step: SmallStep, sheet_days: Mapping[str, date]) -> date | None:
    if step.is_followed_up and step.followed_up_on is not None:
        return step.followed_up_on
    if step.due is not None:
        return step.due
    if step.worksheet_id is not None and step.worksheet_id in sheet_days:
        return sheet_days[step.worksheet_id]
    return step.updated_at.date() if step.updated_at is not None else None


def _earliest_latest(days: list[date]) -> tuple[date | None, date | None]:
    return (min(days), max(days)) if days else (None, None)


def _belief_summary(sheets: list[Worksheet]) -> BeliefSummary:
    """Belief before and after, from the complete worksheets among `sheets`."""
    complete = [w for w in sheets if w.is_complete]
    pairs = tuple(BeliefPair(w.id, w.happened_on, w.category, w.belief_before or 0,
                             w.belief_after or 0, w.verdict) for w in complete)
    return _beliefs(pairs, drafts=len(sheets) - len(complete))


def _step_summary(in_steps: list[tuple[SmallStep, date | None]], today: date) -> StepSummary:
    """The period's small steps: planned, done, waiting and the outcomes."""
    done = [s for s, _d in in_steps if s.is_followed_up]
    outcome = Counter(s.outcome for s in done)
    waiting = sum(1 for s, _d in in_steps if s.is_due(today))
    return StepSummary(
        planned=len(in_steps), done=len(done), open=len(in_steps) - len(done),
        waiting=waiting, yes=outcome["yes"], partly=outcome["partly"], no=outcome["no"],
        reading=text.step_reading(len(in_steps), len(done), outcome["yes"],
                                  outcome["partly"], outcome["no"]))


def _activity(first: date, last: date, entry_days: list[date], sheets: list[Worksheet],
              in_steps: list[tuple[SmallStep, date | None]]) -> ActivitySummary:
    """Entries, worksheets and steps done per ISO week from `first` to `last`;
    `entry_days` and `sheets` lie in the period already."""
    first_monday = first - timedelta(days=first.weekday())
    week_count = (last - first_monday).days // 7 + 1
    counts = [[0, 0, 0] for _ in range(week_count)]

    def week_of(day: date) -> int:
        return (day - first_monday).days // 7

    for day in entry_days:
        counts[week_of(day)][0] += 1
    for sheet in sheets:
        counts[week_of(sheet.happened_on)][1] += 1
    for step, step_day in in_steps:
        if step.is_followed_up and step_day is not None:
            counts[week_of(step_day)][2] += 1
    weeks = tuple(WeekActivity(first_monday + timedelta(weeks=i), *c)
                  for i, c in enumerate(counts))
    totals = [sum(c[k] for c in counts) for k in range(3)]
    trend = text.activity_trend([w.total for w in weeks])
    return ActivitySummary(weeks=weeks, entries=totals[0], worksheets=totals[1],
                           steps_done=totals[2], trend=trend,
                           reading=text.activity_reading(len(weeks), totals[0], totals[1],
                                                         totals[2], trend))


def _trap_summary(sheets: list[Worksheet], trap_names: Mapping[str, str]) -> TrapSummary:
    """Thinking traps, most frequent first; ties keep the worksheet's own order."""
    tally = Counter(trap for w in sheets for trap in w.traps)
    ranked = sorted(tally.items(), key=lambda kv: (-kv[1], TRAPS.index(kv[0])))
    counts = tuple(TrapCount(k, trap_names.get(k) or k.replace("_", " "), n)
                   for k, n in ranked)
    return TrapSummary(traps=counts, worksheets=len(sheets),
                       reading=text.trap_reading(counts, len(sheets)))


def _guide_summary(guide_progress: tuple[int, int]) -> GuideSummary:
    """Chapters read of the total, clamped to sense."""
    read, total = guide_progress
    total = max(0, int(total))
    read = min(max(0, int(read)), total)
    return GuideSummary(read=read, total=total, reading=text.guide_reading(read, total))


def summarize(*, checkins: Iterable[tuple[datetime, CheckIn]],
              entry_times: Iterable[datetime], worksheets: Iterable[Worksheet],
              steps: Iterable[SmallStep], guide_progress: tuple[int, int],
              period: Period, today: date,
              trap_names: Mapping[str, str] | None = None) -> ProgressSummary:
    """Everything the progress charts, sentences and printed summary show.

    Records outside the period are ignored, so callers may pass a wider range.
    Steps embedded in worksheets and steps passed in `steps` are merged by id (the
    `steps` copy wins). `trap_names` maps trap keys to display names (from the
    worksheet texts); keys without a name are shown with spaces for underscores.
    Runs in linear time in the number of records and days; safe on any thread.
    """
    checkins = list(checkins)
    entry_days = [moment.date() for moment in entry_times]
    worksheets = list(worksheets)
    sheet_days = {w.id: w.happened_on for w in worksheets}
    merged: dict[str, SmallStep] = {w.step.id: w.step for w in worksheets if w.step}
    merged.update((s.id, s) for s in steps)
    step_days = [(s, _step_day(s, sheet_days)) for s in merged.values()]

    all_days = ([m.date() for m, _c in checkins] + entry_days + list(sheet_days.values())
                + [d for _s, d in step_days if d is not None])
    earliest, latest = _earliest_latest(all_days)
    first, last = period.resolve(today, earliest=earliest, latest=latest)

    def inside(day: date) -> bool:
        return first <= day <= last

    sheets = sorted((w for w in worksheets if inside(w.happened_on)),
                    key=lambda w: (w.happened_on, w.created_at, w.id))
    # Small steps: one date each (see StepSummary), in or out of the period.
    in_steps = [(s, d) for s, d in step_days if d is None or inside(d)]
    return ProgressSummary(
        period=period, first_day=first, last_day=last, today=today,
        checkins=_checkins(checkins, first, last), beliefs=_belief_summary(sheets),
        activity=_activity(first, last, [d for d in entry_days if inside(d)], sheets,
                           in_steps),
        traps=_trap_summary(sheets, dict(trap_names or {})),
        steps=_step_summary(in_steps, today), guide=_guide_summary(guide_progress))
