"""Hypothesis strategies for export and import tests: records as TrustDesk stores
them (text cleaned the way typing cleans it), with every field exercised, and any
Unicode: emoji, right-to-left text, CJK, combining marks."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import strategies as st

from trustdesk.domain.journal import MAX_TAG, CheckIn, Entry, normalize_tags
from trustdesk.domain.text import clean_line, clean_text
from trustdesk.domain.worksheet import (
    FEAR_CATEGORIES,
    OUTCOMES,
    PATTERNS,
    TRAPS,
    VERDICTS,
    Emotion,
    SmallStep,
    Worksheet,
)

ANY_CHARACTER = st.characters(codec=None, exclude_categories=())  # surrogates too
SAMPLES = ["👩🏽‍❤️‍👨🏻 🏳️‍🌈", "שלום, מה שלומך? \u200fمرحبا بك\u200e", "信任需要时间。日本語 한국어",
           "cafe\u0301 and café", "tabs\tand\nnewlines\r\n", "lone \ud800 surrogate 😀"]
texts = st.one_of(st.text(ANY_CHARACTER, max_size=120), st.sampled_from(SAMPLES))
EARLIEST, LATEST = datetime(1900, 1, 1), datetime.now() + timedelta(days=300)
moments = st.datetimes(min_value=EARLIEST, max_value=LATEST).map(
    lambda moment: moment.replace(microsecond=0))
days = st.dates(min_value=EARLIEST.date(), max_value=LATEST.date())
ids = st.text("0123456789abcdefghijklmnopqrstuvwxyz-_", min_size=1, max_size=64)
ratings = st.one_of(st.none(), st.integers(0, 10))
percents = st.one_of(st.none(), st.integers(0, 100))


def _tags(raw: list[str]) -> tuple[str, ...]:
    return normalize_tags([tag for tag in raw if len(clean_line(tag)) <= MAX_TAG])


tag_lists = st.lists(st.text(ANY_CHARACTER, max_size=12), max_size=6).map(_tags)


@st.composite
def entries(draw: st.DrawFn, entry_id: st.SearchStrategy[str] = ids) -> Entry:
    written = draw(moments)
    return Entry(id=draw(entry_id), written_at=written,
                 updated_at=draw(st.one_of(st.just(written), moments)),
                 title=clean_line(draw(texts))[:300], body=clean_text(draw(texts)),
                 checkin=CheckIn(draw(ratings), draw(ratings), draw(ratings)),
                 tags=draw(tag_lists))


names = texts.map(lambda text: clean_line(text)[:60]).filter(bool)
emotions = st.lists(st.builds(Emotion, names, percents), max_size=4).map(tuple)
items = st.lists(texts.map(clean_line), max_size=4).map(tuple)


@st.composite
def steps(draw: st.DrawFn, worksheet_id: str | None = None) -> SmallStep:
    return SmallStep(
        id=draw(ids), text=clean_text(draw(texts)), due=draw(st.one_of(st.none(), days)),
        prediction=clean_text(draw(texts)), likelihood=draw(percents),
        playing_safe=clean_text(draw(texts)),
        worksheet_id=worksheet_id, what_happened=clean_text(draw(texts)),
        outcome=draw(st.one_of(st.none(), st.sampled_from(OUTCOMES))),
        learned=clean_text(draw(texts)), belief_at_follow_up=draw(percents),
        followed_up_on=draw(st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1)))),
        updated_at=draw(st.one_of(st.none(), moments)))


@st.composite
def worksheets(draw: st.DrawFn) -> Worksheet:
    return Worksheet(
        id=draw(ids), happened_on=draw(days), situation=clean_text(draw(texts)),
        who=clean_line(draw(texts)),
        category=draw(st.one_of(st.none(), st.sampled_from(FEAR_CATEGORIES))),
        thought=clean_text(draw(texts)), belief_before=draw(percents),
        emotions_before=draw(emotions), evidence_for=draw(items),
        evidence_against=draw(items),
        pattern=draw(st.one_of(st.none(), st.sampled_from(PATTERNS))),
        verdict=draw(st.one_of(st.none(), st.sampled_from(VERDICTS))),
        traps=tuple(draw(st.lists(st.sampled_from(TRAPS), unique=True, max_size=5))),
        balanced_view=clean_text(draw(texts)), belief_after=draw(percents),
        emotions_after=draw(emotions), created_at=draw(moments),
        updated_at=draw(st.one_of(st.none(), moments)))


def generated_worksheets(n: int, *, seed: int = 11, with_steps: int = 0,
                         end: datetime | None = None) -> list[Worksheet]:
    """`n` filled-in worksheets, one every few days before `end`; the first
    `with_steps` of them carry a small step (some followed up)."""
    import random

    rng = random.Random(seed)
    last = (end or datetime.now()).replace(hour=19, minute=0, second=0, microsecond=0)
    sheets = []
    for number in range(n):
        when = last - timedelta(days=3 * number + 1)
        step = None
        if number < with_steps:
            followed = rng.random() < 0.5
            step = SmallStep(id=f"step{number:05d}", text="Ask for what I need, once.",
                             due=(when + timedelta(days=5)).date(),
                             prediction="They will be annoyed.", likelihood=rng.randint(0, 100),
                             worksheet_id=f"sheet{number:05d}",
                             what_happened="They said yes." if followed else "",
                             outcome="no" if followed else None,
                             learned="Asking was safer than I thought." if followed else "",
                             followed_up_on=(when + timedelta(days=6)).date() if followed
                             else None, updated_at=when)
        sheets.append(Worksheet(
            id=f"sheet{number:05d}", happened_on=when.date(),
            situation="A message went unanswered for a day. " * rng.randint(1, 6),
            who="A friend", category=rng.choice(FEAR_CATEGORIES),
            thought="They are pulling away from me.", belief_before=rng.randint(40, 100),
            emotions_before=(Emotion("worry", rng.randint(30, 90)), Emotion("sadness", None)),
            evidence_for=("No reply yet.",), evidence_against=("They were busy at work.",
                                                               "They replied fast last week."),
            verdict=rng.choice(VERDICTS), traps=tuple(rng.sample(TRAPS, 2)),
            balanced_view="A slow reply is not a goodbye.", belief_after=rng.randint(0, 60),
            emotions_after=(Emotion("worry", rng.randint(0, 40)),), step=step,
            created_at=when, updated_at=when))
    return sheets
