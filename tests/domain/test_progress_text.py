"""The chart readings: one kind, plain sentence for any data, and never a verdict
on the person."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from trustdesk.domain.journal import CheckIn
from trustdesk.domain.period import Period
from trustdesk.domain.progress import CHART_KEYS, summarize
from trustdesk.domain.progress_text import count, join, r0, r1
from trustdesk.domain.worksheet import OUTCOMES, TRAPS, SmallStep, Worksheet

FIRST = date(2025, 3, 3)
PERIOD = Period.custom(FIRST, FIRST + timedelta(days=27))
JUDGING = re.compile(r"\b(score|grade|bad|poor|worse|wrong with|fail\w*|should|must|"
                     r"lazy|weak|behind|only managed)\b", re.IGNORECASE)

rating = st.one_of(st.none(), st.integers(0, 10))
checkins = st.lists(st.tuples(st.integers(0, 27), st.integers(0, 23), rating, rating, rating),
                    max_size=60)
sheets = st.lists(st.tuples(st.integers(0, 27), st.integers(0, 100), st.integers(0, 100),
                            st.booleans(), st.sets(st.sampled_from(TRAPS), max_size=4),
                            st.one_of(st.none(), st.sampled_from(OUTCOMES))), max_size=12)


def test_rounding_is_half_up_and_counts_read_naturally():
    assert (r0(72.5), r0(72.49), r1(4.25), r1(4.24), r1(5.0)) == (73, 72, "4.3", "4.2", "5.0")
    assert count(1, "worksheet") == "1 worksheet"
    assert count(1204, "entry", "entries") == "1,204 entries"
    assert join(["a"]) == "a" and join(["a", "b", "c"]) == "a, b and c"


@settings(max_examples=150, deadline=None)
@given(checkins, sheets, st.integers(0, 9))
def test_every_reading_is_one_kind_sentence_for_any_data(raw_checkins, raw_sheets, read):
    pairs = [(datetime.combine(FIRST + timedelta(days=d), datetime.min.time())
              + timedelta(hours=h), CheckIn(mood=m, trust_others=o, trust_self=s))
             for d, h, m, o, s in raw_checkins]
    worksheets = []
    for i, (d, before, after, done, traps, outcome) in enumerate(raw_sheets):
        day = FIRST + timedelta(days=d)
        step = SmallStep(id=f"s{i}", text="A small step", due=day, outcome=outcome,
                         followed_up_on=day if outcome else None)
        worksheets.append(Worksheet(id=f"w{i}", happened_on=day, thought="t",
                                    belief_before=before, belief_after=after,
                                    balanced_view="b" if done else "", traps=tuple(traps),
                                    step=step))
    summary = summarize(checkins=pairs, entry_times=[m for m, _ in pairs],
                        worksheets=worksheets, steps=[], guide_progress=(read, 9),
                        period=PERIOD, today=FIRST + timedelta(days=27))
    for key in (*CHART_KEYS, "guide"):
        reading = summary.reading(key)
        assert reading[0].isupper(), reading
        assert reading.endswith("."), reading
        assert ". " not in reading, reading          # one sentence
        plain = reading
        for trap in TRAPS:      # a trap's own name ("Should statements") is not a verdict
            plain = re.sub(re.escape(trap.replace("_", " ")), "", plain, flags=re.IGNORECASE)
        assert not JUDGING.search(plain), reading
        assert "None" not in reading and "nan" not in reading, reading
