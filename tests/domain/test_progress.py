"""summarize() turns records into the numbers the charts and the printed summary
show. Every expected number here was worked out by hand from the fixture."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import pytest

from trustdesk.domain.journal import CheckIn
from trustdesk.domain.period import Period
from trustdesk.domain.progress import ProgressSummary, summarize
from trustdesk.domain.worksheet import SmallStep, Worksheet

MARCH = Period.custom(date(2025, 3, 1), date(2025, 3, 10))
TODAY = date(2025, 3, 10)
NAMES = {"mind_reading": "Mind reading", "fortune_telling": "Fortune telling",
         "labelling": "Labelling"}


def at(day: int, hour: int = 12, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2025, month, day, hour, minute)


def sheet(id: str, day: date, before: int | None = 80, after: int | None = 40, *,
          complete: bool = True, traps: tuple[str, ...] = (), step: SmallStep | None = None,
          category: str | None = "rejection", verdict: str | None = None) -> Worksheet:
    return Worksheet(id=id, happened_on=day, category=category, verdict=verdict,
                     thought="They'll leave.", belief_before=before,
                     balanced_view="They came back last time." if complete else "",
                     belief_after=after, traps=traps, step=step,
                     created_at=datetime.combine(day, datetime.min.time()))


def run(*, checkins=(), entry_times=(), worksheets=(), steps=(), guide=(0, 9),
        period=MARCH, today=TODAY) -> ProgressSummary:
    return summarize(checkins=checkins, entry_times=entry_times, worksheets=worksheets,
                     steps=steps, guide_progress=guide, period=period, today=today,
                     trap_names=NAMES)


def rounded(values):
    return [None if v is None else round(v, 6) for v in values]


# ---------------------------------------------------------------- check-ins

CHECKINS = [
    (at(1, 9), CheckIn(mood=4, trust_others=6)),
    (at(1, 21), CheckIn(mood=7)),                        # two entries on day 1
    (at(3), CheckIn(mood=5, trust_self=3)),
    (at(4), CheckIn()),                                  # no rating: not a check-in
    (at(9), CheckIn(mood=2)),
    (at(10, 23, 59), CheckIn(mood=8)),                   # last minute of the last day
    (at(28, 23, 59, month=2), CheckIn(mood=10)),         # the day before: outside
    (datetime(2025, 3, 11, 0, 0), CheckIn(mood=0)),      # the day after: outside
]


def test_daily_values_are_the_mean_of_the_days_ratings_with_gaps_as_none():
    s = run(checkins=CHECKINS)
    mood, others, self_ = s.checkins.series
    assert s.checkins.day_count == 10
    assert mood.values == (5.5, None, 5.0, None, None, None, None, None, 2.0, 8.0)
    assert others.values == (6.0,) + (None,) * 9
    assert self_.values == (None, None, 3.0) + (None,) * 7
    assert s.checkins.checkins == 5
    assert s.checkins.days_with_checkin == 4
    assert s.checkins.day(9) == date(2025, 3, 10)


def test_rolling_average_is_the_mean_of_rated_days_in_the_trailing_seven():
    mood = run(checkins=CHECKINS).checkins.series[0]
    # day 9 looks at days 3..9 (days 3 and 9 rated); day 10 at 4..10
    assert rounded(mood.rolling) == [5.5, None, 5.25, None, None, None, None, None, 3.5, 5.0]


def test_the_rolling_average_is_not_carried_across_days_without_a_check_in():
    """One rating is one point of the average, not a week-long line."""
    _mood, others, self_ = run(checkins=CHECKINS).checkins.series
    assert others.rolling == (6.0,) + (None,) * 9
    assert self_.rolling == (None, None, 3.0) + (None,) * 7


def test_series_statistics_and_trends():
    mood, others, _ = run(checkins=CHECKINS).checkins.series
    assert mood.rated_days == 4
    assert mood.mean == pytest.approx(5.125)
    assert (mood.first_half, mood.second_half) == (5.25, 5.0)
    assert mood.trend == "steady"
    assert others.trend == "sparse"


def test_checkin_reading_for_mixed_data():
    s = run(checkins=CHECKINS)
    assert s.checkins.reading == (
        "Across your 4 days with a check-in, average ratings from the first half to the "
        "second: your mood held steady at about 5.1, trust in others was rated on 1 day "
        "and trust in yourself was rated on 1 day.")


def test_rising_and_falling_check_ins_read_honestly_and_kindly():
    rising = [(at(d), CheckIn(mood=m, trust_self=10 - m)) for d, m in
              zip(range(1, 7), (2, 2, 3, 8, 8, 9), strict=True)]
    s = run(checkins=rising)
    mood, _, self_ = s.checkins.series
    assert (mood.trend, self_.trend) == ("rising", "falling")
    assert s.checkins.reading == (
        "Across your 6 days with a check-in, average ratings from the first half to the "
        "second: your mood rose from 2.3 to 8.3 and trust in yourself dipped from 7.7 to "
        "1.7 (harder stretches are a normal part of this work).")


def test_the_middle_day_of_an_odd_count_belongs_to_neither_half():
    mood = run(checkins=[(at(d), CheckIn(mood=m)) for d, m in ((1, 1), (2, 5), (3, 9))]
               ).checkins.series[0]
    assert (mood.first_half, mood.second_half, mood.trend) == (1.0, 9.0, "rising")


def test_flat_ratings_read_as_steady():
    s = run(checkins=[(at(d), CheckIn(mood=6, trust_others=6, trust_self=6))
                      for d in range(1, 11)])
    assert all(series.trend == "steady" for series in s.checkins.series)
    assert s.checkins.series[0].rolling == (6.0,) * 10
    assert "held steady at about 6.0" in s.checkins.reading


def test_one_check_in_and_no_check_ins():
    one = run(checkins=[(at(5), CheckIn(trust_others=3))])
    assert one.checkins.series[1].values[4] == 3.0
    assert one.checkins.reading == ("You checked in on one day in this period; a few more "
                                    "check-ins will start to show a pattern.")
    none = run()
    assert all(v is None for series in none.checkins.series for v in series.values)
    assert all(v is None for series in none.checkins.series for v in series.rolling)
    assert none.checkins.series[0].trend == "empty"
    assert none.checkins.reading.startswith("No check-ins in this period yet")
    assert none.is_empty


# --------------------------------------------------------------- worksheets

def test_belief_pairs_come_from_complete_worksheets_in_the_period_oldest_first():
    sheets = [sheet("w2", date(2025, 3, 5), 70, 50, category="betrayal"),
              sheet("w1", date(2025, 3, 2), 80, 40),
              sheet("w3", date(2025, 3, 6), 90, None, complete=False),
              sheet("w4", date(2025, 2, 27), 10, 90)]                    # outside
    beliefs = run(worksheets=sheets).beliefs
    assert [(p.worksheet_id, p.day, p.category, p.before, p.after) for p in beliefs.pairs] == [
        ("w1", date(2025, 3, 2), "rejection", 80, 40),
        ("w2", date(2025, 3, 5), "betrayal", 70, 50)]
    assert (beliefs.mean_before, beliefs.mean_after, beliefs.drafts) == (75, 45, 1)
    assert beliefs.reading == ("Across 2 worksheets, belief in the fearful thought fell "
                               "from 75 on average to 45 after reframing.")


@pytest.mark.parametrize(("pairs", "expected"), [
    ([(60, 62), (58, 60)],
     "Across 2 worksheets, belief in the fearful thought stayed about the same after "
     "reframing (59 on average before, 61 after); some fears need more than one look, "
     "and that's okay."),
    ([(40, 55), (41, 50)],
     "Across 2 worksheets, belief in the fearful thought rose from 41 on average to 53 "
     "after a closer look; sometimes the evidence shows a fear has a point, and knowing "
     "that helps too."),
    ([(80, 50)], "In your one finished worksheet, belief in the fearful thought eased from "
                 "80 to 50 after reframing."),
    ([(70, 72)], "In your one finished worksheet, belief in the fearful thought stayed "
                 "close to 70 after reframing, and a fear that holds up deserves care too."),
])
def test_belief_readings_for_steady_rising_and_single_worksheets(pairs, expected):
    sheets = [sheet(f"w{i}", date(2025, 3, 1 + i), b, a) for i, (b, a) in enumerate(pairs)]
    assert run(worksheets=sheets).beliefs.reading == expected


def test_belief_reading_when_only_drafts_or_nothing():
    drafts = run(worksheets=[sheet("d", date(2025, 3, 3), complete=False)]).beliefs
    assert drafts.pairs == () and drafts.mean_before is None
    assert drafts.reading.startswith("You started 1 worksheet; once one is finished")
    assert run().beliefs.reading.startswith("No finished worksheets in this period yet")


def test_real_warning_signs_are_counted_apart_from_beliefs_that_fell():
    """A worksheet called a real warning sign keeps its pair (and its call), but its
    belief is left out of the averages that speak of a fear easing, and it gets a
    sentence of its own: there, a belief that stays high can be right."""
    sheets = [sheet("a", date(2025, 3, 2), 80, 40, verdict="false_alarm"),
              sheet("b", date(2025, 3, 3), 90, 85, verdict="red_flag", category="control"),
              sheet("c", date(2025, 3, 4), 60, 40),                      # no call made
              sheet("d", date(2025, 3, 5), 70, 75, verdict="red_flag"),
              sheet("e", date(2025, 3, 6), 75, 65, verdict="not_sure")]
    summary = run(worksheets=sheets)
    beliefs = summary.beliefs
    assert [(p.worksheet_id, p.verdict, p.is_warning_sign) for p in beliefs.pairs] == [
        ("a", "false_alarm", False), ("b", "red_flag", True), ("c", None, False),
        ("d", "red_flag", True), ("e", "not_sure", False)]
    assert (beliefs.warning_signs, beliefs.others) == (2, 3)
    assert (beliefs.mean_before, beliefs.mean_after) == (pytest.approx(215 / 3),
                                                         pytest.approx(145 / 3))
    assert (beliefs.warning_mean_before, beliefs.warning_mean_after) == (80, 80)
    assert beliefs.warning_reading == (
        "On 2 worksheets you decided it was a real warning sign (belief 80 on average "
        "before, 80 after); there, a belief that stays high can be right, and keeping "
        "yourself safe comes first.")
    assert beliefs.reading == ("Across the other 3 worksheets, belief in the fearful "
                               "thought fell from 72 on average to 48 after reframing.")
    assert beliefs.readings == (beliefs.warning_reading, beliefs.reading)
    assert summary.readings("beliefs") == beliefs.readings
    assert summary.reading("beliefs") == beliefs.warning_reading + "\n" + beliefs.reading


def test_one_warning_sign_beside_one_other_worksheet():
    beliefs = run(worksheets=[sheet("a", date(2025, 3, 2), 85, 90, verdict="red_flag"),
                              sheet("b", date(2025, 3, 3), 80, 50, verdict="false_alarm")]
                  ).beliefs
    assert beliefs.warning_reading.startswith(
        "On one worksheet you decided it was a real warning sign (belief 85 before, 90 "
        "after); there, a belief that stays high can be right")
    assert beliefs.reading == ("In the one other finished worksheet, belief in the fearful "
                               "thought eased from 80 to 50 after reframing.")


def test_when_every_finished_worksheet_is_a_warning_sign_only_that_is_said():
    beliefs = run(worksheets=[sheet("a", date(2025, 3, 2), 85, 80, verdict="red_flag"),
                              sheet("b", date(2025, 3, 4), 75, 70, verdict="red_flag"),
                              sheet("d", date(2025, 3, 5), complete=False)]).beliefs
    assert beliefs.mean_before is None and beliefs.others == 0
    assert beliefs.reading == ""
    assert beliefs.readings == (beliefs.warning_reading,)
    assert beliefs.warning_reading.startswith("On 2 worksheets you decided it was a real "
                                              "warning sign (belief 80 on average before, "
                                              "75 after)")


def test_without_warning_signs_there_is_no_warning_sentence():
    beliefs = run(worksheets=[sheet("a", date(2025, 3, 2), verdict="false_alarm")]).beliefs
    assert beliefs.warning_signs == 0 and beliefs.warning_reading == ""
    assert beliefs.readings == (beliefs.reading,)


def test_thinking_traps_most_frequent_first_drafts_included_ties_in_list_order():
    sheets = [sheet("a", date(2025, 3, 2), traps=("fortune_telling", "mind_reading")),
              sheet("b", date(2025, 3, 3), traps=("mind_reading",)),
              sheet("c", date(2025, 3, 4), complete=False,
                    traps=("labelling", "fortune_telling")),
              sheet("x", date(2025, 4, 1), traps=("labelling",))]             # outside
    traps = run(worksheets=sheets).traps
    assert [(t.key, t.name, t.count) for t in traps.traps] == [
        ("mind_reading", "Mind reading", 2), ("fortune_telling", "Fortune telling", 2),
        ("labelling", "Labelling", 1)]
    assert traps.worksheets == 3
    assert traps.reading == ("Mind reading and fortune telling came up most often, each in "
                             "2 of 3 worksheets; noticing a trap is a skill in itself.")


def test_trap_readings_for_one_leader_one_worksheet_and_none_ticked():
    one_leader = run(worksheets=[sheet("a", date(2025, 3, 2), traps=("labelling",)),
                                 sheet("b", date(2025, 3, 3), traps=("labelling",
                                                                     "mind_reading"))])
    assert one_leader.traps.reading.startswith(
        "The thinking trap you noticed most often was labelling, in 2 of 2 worksheets")
    single = run(worksheets=[sheet("a", date(2025, 3, 2), traps=("all_or_nothing",))])
    assert single.traps.traps[0].name == "all or nothing"     # no name given: from the key
    assert single.traps.reading.startswith("In your one worksheet you spotted all or nothing")
    untouched = run(worksheets=[sheet("a", date(2025, 3, 2))])
    assert untouched.traps.reading.startswith("You didn't tick any thinking traps")
    assert run().traps.reading.startswith("No worksheets in this period yet")


# -------------------------------------------------------------- small steps

def test_small_steps_are_merged_by_id_and_dated_by_follow_up_due_or_worksheet():
    s1 = SmallStep(id="s1", text="Ask", due=date(2025, 3, 4), outcome="no",
                   followed_up_on=date(2025, 3, 5), worksheet_id="w1")
    s5_stale = SmallStep(id="s5", text="Call", due=date(2025, 3, 6), worksheet_id="w2")
    s5 = SmallStep(id="s5", text="Call", due=date(2025, 3, 6), outcome="yes",
                   followed_up_on=date(2025, 3, 7), worksheet_id="w2")
    worksheets = [sheet("w1", date(2025, 3, 2), step=s1),
                  sheet("w2", date(2025, 3, 5), step=s5_stale)]
    steps = [
        SmallStep(id="s2", text="a", due=date(2025, 3, 8), outcome="partly",
                  followed_up_on=date(2025, 3, 9)),
        SmallStep(id="s3", text="b", due=date(2025, 3, 6)),               # open, overdue
        SmallStep(id="s4", text="c", due=date(2025, 3, 20)),              # after the period
        s5,
        SmallStep(id="s6", text="d", worksheet_id="w2"),                  # no date: sheet's
        SmallStep(id="s7", text="e", due=date(2025, 3, 1), outcome="no",
                  followed_up_on=date(2025, 2, 20)),                      # done before
    ]
    summary = run(worksheets=worksheets, steps=steps)
    st = summary.steps
    assert (st.planned, st.done, st.open, st.waiting) == (5, 3, 2, 1)
    assert (st.yes, st.partly, st.no) == (1, 1, 1)
    assert st.reading == ("Of the 3 small steps you followed up on, the feared outcome "
                          "didn't happen in 1, happened partly in 1 and happened in 1.")
    assert sum(w.steps_done for w in summary.activity.weeks) == 3


@pytest.mark.parametrize(("outcomes", "start"), [
    ((), "No small steps in this period yet"),
    ((None, None), "You planned 2 small steps; once you note how they went"),
    (("no",), "You followed up on 1 small step, and the feared outcome didn't happen."),
    (("yes",), "You followed up on 1 small step, and the feared outcome did happen; facing"),
    (("no", "no"), "You followed up on 2 small steps, and the feared outcome didn't happen "
                   "in any of them."),
    (("yes", "yes"), "You followed up on 2 small steps, and the feared outcome did happen in "
                     "both; facing that took courage"),
])
def test_step_readings(outcomes, start):
    steps = [SmallStep(id=f"s{i}", text="t", due=date(2025, 3, 2), outcome=o,
                       followed_up_on=date(2025, 3, 3) if o else None)
             for i, o in enumerate(outcomes)]
    assert run(steps=steps).steps.reading.startswith(start)


# ----------------------------------------------------------------- activity

def test_activity_counts_per_iso_week_only_inside_the_period():
    period = Period.custom(date(2025, 3, 5), date(2025, 3, 18))   # Wednesday to Tuesday
    entries = [at(5), at(9, 22), at(10, 8), at(4), at(18, 23, 30), at(19)]
    sheets = [sheet("a", date(2025, 3, 6)), sheet("b", date(2025, 3, 16), complete=False)]
    steps = [SmallStep(id="s", text="t", due=date(2025, 3, 15), outcome="no",
                       followed_up_on=date(2025, 3, 17)),
             SmallStep(id="o", text="t", due=date(2025, 3, 12))]
    activity = run(entry_times=entries, worksheets=sheets, steps=steps, period=period,
                   today=date(2025, 3, 18)).activity
    assert [(w.monday, w.iso_label, w.entries, w.worksheets, w.steps_done)
            for w in activity.weeks] == [
        (date(2025, 3, 3), "2025-W10", 2, 1, 0),
        (date(2025, 3, 10), "2025-W11", 1, 1, 0),
        (date(2025, 3, 17), "2025-W12", 1, 0, 1)]
    assert (activity.entries, activity.worksheets, activity.steps_done) == (4, 2, 1)
    assert activity.reading == ("In these 3 weeks you wrote 4 journal entries, worked on "
                                "2 worksheets and followed up on 1 small step.")


def test_iso_weeks_across_a_new_year_and_empty_weeks_are_kept():
    period = Period.custom(date(2024, 12, 28), date(2025, 1, 20))
    activity = run(entry_times=[datetime(2025, 1, 20, 8)], period=period,
                   today=date(2025, 1, 20)).activity
    assert [w.iso_label for w in activity.weeks] == [
        "2024-W52", "2025-W01", "2025-W02", "2025-W03", "2025-W04"]
    assert [w.entries for w in activity.weeks] == [0, 0, 0, 0, 1]


@pytest.mark.parametrize(("per_week", "trend", "tail"), [
    ([1, 1, 4, 4], "rising", ", with more of it in recent weeks."),
    ([4, 4, 1, 1], "falling", ", with quieter weeks lately, and that's okay."),
    ([2, 2, 2, 2], "steady", ", at a steady pace."),
    ([0, 0, 0, 1], "sparse", "In these 4 weeks you wrote 1 journal entry."),
])
def test_activity_trend_compares_the_two_halves_of_the_weeks(per_week, trend, tail):
    period = Period.custom(date(2025, 3, 3), date(2025, 3, 30))     # four whole weeks
    entries = [datetime(2025, 3, 3 + 7 * w, 9, k) for w, n in enumerate(per_week)
               for k in range(n)]
    activity = run(entry_times=entries, period=period, today=date(2025, 3, 30)).activity
    assert activity.trend == trend
    assert activity.reading.endswith(tail)
    assert run().activity.reading.startswith("Nothing recorded in this period yet")


# -------------------------------------------------------------- guide, misc

@pytest.mark.parametrize(("progress", "read", "reading"), [
    ((4, 9), 4, "You have read 4 of the 9 guide chapters."),
    ((9, 9), 9, "You have read all 9 guide chapters; they're there whenever you want a "
                "refresher."),
    ((0, 9), 0, "The guide has 9 short chapters, ready whenever you'd like to start."),
    ((12, 9), 9, None),
    ((-1, 9), 0, None),
])
def test_guide_progress_is_clamped_and_read_out(progress, read, reading):
    guide = run(guide=progress).guide
    assert guide.read == read and guide.total == 9
    assert math.isclose(guide.fraction, read / 9)
    if reading:
        assert guide.reading == reading


def test_all_time_starts_at_the_earliest_record():
    s = run(checkins=[(datetime(2023, 6, 1, 8), CheckIn(mood=5))],
            worksheets=[sheet("w", date(2024, 1, 2))], period=Period("all_time"))
    assert (s.first_day, s.last_day) == (date(2023, 6, 1), TODAY)
    assert s.checkins.day_count == (TODAY - date(2023, 6, 1)).days + 1
    assert s.dates_label == "1 Jun 2023 to 10 Mar 2025"


def test_reading_lookup_by_chart_key():
    s = run(checkins=CHECKINS)
    assert s.reading("checkins") == s.checkins.reading
    assert s.reading("guide") == s.guide.reading
    with pytest.raises(KeyError):
        s.reading("score")


def test_ten_years_of_daily_data():
    """Every day for ten years: lengths, totals and one rolling value checked;
    the time this takes is measured by the benchmark, not asserted here."""
    first = date(2015, 1, 1)
    days = 3650
    checkins = [(datetime.combine(first + timedelta(days=i), datetime.min.time())
                 + timedelta(hours=20), CheckIn(mood=i % 11, trust_others=5, trust_self=7))
                for i in range(days)]
    sheets = [sheet(f"w{i}", first + timedelta(days=7 * i), 80, 40,
                    traps=("mind_reading",) if i % 2 else ())
              for i in range(520)]
    steps = [SmallStep(id=f"s{i}", text="t", due=first + timedelta(days=12 * i),
                       outcome=("no", "partly", "yes")[i % 3],
                       followed_up_on=first + timedelta(days=12 * i)) for i in range(300)]
    last = first + timedelta(days=days - 1)
    s = summarize(checkins=checkins, entry_times=[m for m, _ in checkins], worksheets=sheets,
                  steps=steps, guide_progress=(9, 9), period=Period.custom(first, last),
                  today=last)
    mood = s.checkins.series[0]
    assert len(mood.values) == len(mood.rolling) == days
    assert mood.rolling[100] == pytest.approx(sum((i % 11) for i in range(94, 101)) / 7)
    assert s.checkins.series[1].rolling[-1] == 5.0
    assert len(s.beliefs.pairs) == 520 and s.beliefs.mean_after == 40
    assert s.traps.traps[0].count == 260
    assert (s.steps.planned, s.steps.yes, s.steps.partly, s.steps.no) == (300, 100, 100, 100)
    assert s.activity.entries == days
    assert sum(w.worksheets for w in s.activity.weeks) == 520
