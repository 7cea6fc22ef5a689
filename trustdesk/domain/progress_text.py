"""The one-sentence readings next to each progress chart.

Plain, second-person, kind and honest: they describe what was recorded, say so
gently when there is little or nothing yet, and never grade the person. Numbers
are rounded half up (4.25 -> 4.3, 72.5 -> 73) so sentences match hand counts.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trustdesk.domain.progress import DailySeries, TrapCount


def r0(value: float) -> int:
    """Round half up to a whole number."""
    return math.floor(value + 0.5)


def r1(value: float | None) -> str:
    """Round half up to one decimal, as text: 4.25 -> '4.3'. The optional means of a
    series are only read out for trends that have them, so None never reaches here."""
    assert value is not None
    return f"{math.floor(value * 10 + 0.5) / 10:.1f}"


def count(n: int, one: str, many: str | None = None) -> str:
    """'1 worksheet', '1,204 worksheets'."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def join(parts: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def trend_of(before: float | None, after: float | None, step: float) -> str:
    """rising / falling / steady, comparing two means with a dead band of `step`."""
    if before is None or after is None:
        return "steady"
    if after - before >= step:
        return "rising"
    if before - after >= step:
        return "falling"
    return "steady"


def checkin_reading(series: Sequence[DailySeries], rated_days: int,
                    words: Mapping[str, str]) -> str:
    if rated_days == 0:
        return ("No check-ins in this period yet; when you rate your mood or trust in a "
                "journal entry, it will show up here.")
    if not any(s.trend in ("rising", "falling", "steady") for s in series):
        days = "one day" if rated_days == 1 else count(rated_days, "day")
        return (f"You checked in on {days} in this period; a few more check-ins will "
                "start to show a pattern.")
    clauses = []
    for s in series:
        name = words[s.key]
        if s.trend == "empty":
            continue
        if s.trend == "sparse":
            clauses.append(f"{name} was rated on {count(s.rated_days, 'day')}")
        elif s.trend == "rising":
            clauses.append(f"{name} rose from {r1(s.first_half)} to {r1(s.second_half)}")
        elif s.trend == "falling":
            clauses.append(f"{name} dipped from {r1(s.first_half)} to {r1(s.second_half)}")
        else:
            clauses.append(f"{name} held steady at about {r1(s.mean)}")
    sentence = (f"Across your {count(rated_days, 'day')} with a check-in, average ratings "
                f"from the first half to the second: {join(clauses)}")
    if any(s.trend == "falling" for s in series):
        sentence += " (harder stretches are a normal part of this work)"
    return sentence + "."


def belief_reading(complete: int, drafts: int, before: float | None, after: float | None,
                   step: float, *, warning_signs: int = 0) -> str:
    """Belief before and after over the `complete` finished worksheets that were not
    called a real warning sign; with `warning_signs`, it speaks of "the other" ones,
    since `warning_reading` comes first."""
    if complete == 0 or before is None or after is None:
        if drafts:
            return (f"You started {count(drafts, 'worksheet')}; once one is finished, you'll "
                    "see here how your belief in the fearful thought changed.")
        return ("No finished worksheets in this period yet; when you complete one, you'll "
                "see here how strongly you believed the fearful thought before and after.")
    b, a = r0(before), r0(after)
    trend = trend_of(before, after, step)
    if complete == 1:
        one = "the one other" if warning_signs else "your one"
        if trend == "steady":
            return (f"In {one} finished worksheet, belief in the fearful thought stayed "
                    f"close to {b} after reframing, and a fear that holds up deserves "
                    "care too.")
        verb = "eased" if trend == "falling" else "went"
        return (f"In {one} finished worksheet, belief in the fearful thought {verb} "
                f"from {b} to {a} after reframing.")
    sheets = f"the other {complete:,} worksheets" if warning_signs else count(complete,
                                                                             "worksheet")
    lead = f"Across {sheets}, belief in the fearful thought"
    if trend == "falling":
        return f"{lead} fell from {b} on average to {a} after reframing."
    if trend == "rising":
        return (f"{lead} rose from {b} on average to {a} after a closer look; sometimes the "
                "evidence shows a fear has a point, and knowing that helps too.")
    return (f"{lead} stayed about the same after reframing ({b} on average before, {a} "
            "after); some fears need more than one look, and that's okay.")


def warning_reading(warning_signs: int, before: float | None, after: float | None) -> str:
    """The worksheets called a real warning sign, in a sentence of their own ("" when
    there are none): a belief that stays high there is no failure to reframe."""
    if warning_signs == 0 or before is None or after is None:
        return ""
    where = "one worksheet" if warning_signs == 1 else count(warning_signs, "worksheet")
    numbers = (f"belief {r0(before)} before, {r0(after)} after" if warning_signs == 1 else
               f"belief {r0(before)} on average before, {r0(after)} after")
    return (f"On {where} you decided it was a real warning sign ({numbers}); there, a "
            "belief that stays high can be right, and keeping yourself safe comes first.")


def activity_trend(weekly_totals: Sequence[int]) -> str:
    """Compare the earlier and later half of the weeks: a change of a quarter or
    more (and at least 2 things) is rising or falling. Fewer than 4 weeks or 4
    things in all is too little to speak of a direction: sparse."""
    if not any(weekly_totals):
        return "empty"
    if len(weekly_totals) < 4 or sum(weekly_totals) < 4:
        return "sparse"
    half = len(weekly_totals) // 2
    early, late = sum(weekly_totals[:half]), sum(weekly_totals[-half:])
    if late - early >= 2 and late >= early * 1.25:
        return "rising"
    if early - late >= 2 and late <= early * 0.75:
        return "falling"
    return "steady"


def activity_reading(weeks: int, entries: int, worksheets: int, steps_done: int,
                     trend: str) -> str:
    if trend == "empty":
        return ("Nothing recorded in this period yet; any journal entry, however short, "
                "will show up here.")
    parts = []
    if entries:
        parts.append(f"wrote {count(entries, 'journal entry', 'journal entries')}")
    if worksheets:
        parts.append(f"worked on {count(worksheets, 'worksheet')}")
    if steps_done:
        parts.append(f"followed up on {count(steps_done, 'small step')}")
    span = "In this week" if weeks == 1 else f"In these {weeks:,} weeks"
    tail = {"rising": ", with more of it in recent weeks",
            "falling": ", with quieter weeks lately, and that's okay",
            "steady": ", at a steady pace"}.get(trend, "")
    return f"{span} you {join(parts)}{tail}."


def trap_reading(traps: Sequence[TrapCount], worksheets: int) -> str:
    if worksheets == 0:
        return ("No worksheets in this period yet; the thinking traps you notice in them "
                "will be counted here.")
    if not traps:
        return ("You didn't tick any thinking traps in this period's worksheets; when you "
                "spot one, it will be counted here.")
    if worksheets == 1:
        names = [t.name.lower() for t in traps]
        listed = join(names) if len(names) <= 3 else count(len(names), "thinking trap")
        return (f"In your one worksheet you spotted {listed}; noticing a trap is a skill "
                "in itself.")
    top = traps[0].count
    leaders = [t.name.lower() for t in traps if t.count == top]
    of = f"{top:,} of {worksheets:,} worksheets"
    if len(leaders) == 1:
        return (f"The thinking trap you noticed most often was {leaders[0]}, in {of}; "
                "noticing a trap is a skill in itself.")
    if len(leaders) <= 3:
        first = leaders[0][0].upper() + leaders[0][1:]
        named = join([first, *leaders[1:]])
        return f"{named} came up most often, each in {of}; noticing a trap is a skill in itself."
    return (f"You noticed {len(leaders)} different thinking traps equally often, each in "
            f"{of}; noticing a trap is a skill in itself.")


def step_reading(planned: int, done: int, yes: int, partly: int, no: int) -> str:
    if planned == 0:
        return ("No small steps in this period yet; when you plan one in a worksheet, "
                "you'll see here how it went.")
    if done == 0:
        return (f"You planned {count(planned, 'small step')}; once you note how "
                f"{'it' if planned == 1 else 'they'} went, you'll see here how often the "
                "feared outcome actually happened.")
    courage = "; facing that took courage, and it tells you something real"
    if done == 1:
        outcome = ("didn't happen" if no else "happened partly" if partly
                   else f"did happen{courage}")
        return f"You followed up on 1 small step, and the feared outcome {outcome}."
    if no == done:
        return (f"You followed up on {done:,} small steps, and the feared outcome didn't "
                "happen in any of them.")
    if yes == done:
        both = "both" if done == 2 else f"all {done:,}"
        return (f"You followed up on {done:,} small steps, and the feared outcome did "
                f"happen in {both}{courage}.")
    parts = []
    if no:
        parts.append(f"didn't happen in {no:,}")
    if partly:
        parts.append(f"happened partly in {partly:,}")
    if yes:
        parts.append(f"happened in {yes:,}")
    return f"Of the {done:,} small steps you followed up on, the feared outcome {join(parts)}."


def guide_reading(read: int, total: int) -> str:
    if total == 0:
        return "The guide's chapters aren't available in this installation."
    if read == 0:
        return (f"The guide has {count(total, 'short chapter')}, ready whenever you'd like "
                "to start.")
    if read == total:
        return (f"You have read all {total} guide chapters; they're there whenever you want "
                "a refresher.")
    return f"You have read {read} of the {total} guide chapters."
