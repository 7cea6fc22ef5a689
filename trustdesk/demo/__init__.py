"""Sample data for `trustdesk --demo` and the benchmark: a journal that looks lived
in, deterministic from a seed.

`fill_demo(store, days=..., seed=..., today=...)` writes `days` days ending on
`today`: journal entries (most with a check-in, many with tags; mood and trust
drift slowly upwards, with a harder stretch now and then), worksheets about every
week (some drafts, most with a small step, most of those followed up, a few
follow-ups due), and some guide chapters marked read. Nothing is dated after
`now` (the moment it runs): on the real today, later times move earlier in the
day. The same arguments always write the same records (a past `today` never
meets the clock). Entries go in with one transaction (`save_many`), so ten
years take a few seconds. No Qt; any thread.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from trustdesk.demo import journal_text as jt
from trustdesk.demo.worksheet_text import SCENARIOS, Scenario
from trustdesk.domain.guide.chapters import load_guide
from trustdesk.domain.guide.progress import GuideProgress
from trustdesk.domain.journal import CheckIn, Entry, normalize_tags
from trustdesk.domain.progress import WARNING_SIGN
from trustdesk.domain.worksheet import OFFERED_TRAPS, Emotion, SmallStep, Worksheet
from trustdesk.storage.store import Store

DEMO_PASSPHRASE = "demo journal, nothing private"
DEMO_DAYS = 183
DEMO_SEED = 2026
_HARD_EVERY, _HARD_FIRST, _HARD_DAYS = 130, 95, 9


@dataclass(frozen=True)
class DemoCounts:
    """What `fill_demo` wrote."""

    entries: int
    checkins: int
    worksheets: int
    drafts: int
    steps_followed_up: int
    steps_due: int
    chapters_read: int


class _Deck[T]:
    """Deals items in a shuffled order; an item comes back only after all the
    others were dealt."""

    def __init__(self, items: Sequence[T], rng: random.Random) -> None:
        self._items = list(items)
        self._rng = rng
        self._pool: list[T] = []

    def draw(self) -> T:
        if not self._pool:
            self._pool = self._items[:]
            self._rng.shuffle(self._pool)
        return self._pool.pop()


def _make_id(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"


def _hard(index: int) -> bool:
    """Inside one of the harder stretches (a few days every few months)."""
    return index >= _HARD_FIRST and (index - _HARD_FIRST) % _HARD_EVERY < _HARD_DAYS


def _clamp(value: float, low: int = 0, high: int = 10) -> int:
    return max(low, min(high, round(value)))


def _not_after(when: datetime, latest: datetime | None) -> datetime:
    """`when`, or, if it is later than `latest` on the same day, a time between that
    midnight and `latest` (the same fraction of the way, so order is kept), to the
    minute. Times on other days, and all times when `latest` is None, stay."""
    if latest is None or when <= latest or when.date() != latest.date():
        return when
    midnight = datetime.combine(when.date(), time())
    scaled = midnight + (when - midnight) * ((latest - midnight) / timedelta(days=1))
    return scaled.replace(second=0, microsecond=0)


class _Writer:
    """Composes entries from the sentence decks of `journal_text`."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.openings = _Deck(jt.OPENINGS, rng)
        self.moments = _Deck(jt.MOMENTS, rng)
        self.hard = _Deck(jt.HARD_MOMENTS, rng)
        self.reflections = _Deck(jt.REFLECTIONS, rng)
        self.titles = _Deck(jt.TITLES, rng)
        self.seen: set[str] = set()

    def _fill(self, text: str) -> str:
        return text.replace("{f}", self.rng.choice(jt.FRIENDS))

    def body(self, hard: bool) -> tuple[str, list[str]]:
        rng = self.rng
        first: list[str] = []
        tags: list[str] = []
        if rng.random() < 0.75:
            first.append(self.openings.draw())
        if hard and rng.random() < 0.7:
            first.append(self.hard.draw())
            if rng.random() < 0.5:
                tags.append("setback")
        sentence, moment_tags = self.moments.draw()
        first.append(self._fill(sentence))
        tags.extend(moment_tags)
        paragraphs = [" ".join(first)]
        if rng.random() < 0.25:
            sentence, moment_tags = self.moments.draw()
            paragraphs.append(self._fill(sentence))
            tags.extend(moment_tags)
        if rng.random() < 0.55:
            paragraphs.append(self.reflections.draw())
        if rng.random() < 0.2:
            tags.append(rng.choice(jt.EXTRA_TAGS))
        body = "\n\n".join(paragraphs)
        while body in self.seen:        # a short entry came out the same: add a thought
            body += "\n\n" + self.reflections.draw()
        self.seen.add(body)
        return body, tags

    def title(self) -> str:
        return self._fill(self.titles.draw()) if self.rng.random() < 0.35 else ""


def _checkin(rng: random.Random, index: int, days: int, hard: bool) -> CheckIn:
    progress = index / max(days - 1, 1)
    wave = 0.5 * math.sin(index * 2 * math.pi / 7 + 1.3)
    dip = 2.2 if hard else 0.0
    mood = 4.6 + 2.0 * progress + wave - dip + rng.gauss(0, 0.9)
    others = 3.6 + 2.6 * progress - dip * 0.8 + rng.gauss(0, 0.8)
    self_ = 4.2 + 2.2 * progress - dip * 0.6 + rng.gauss(0, 0.8)

    def maybe(value: float) -> int | None:
        return None if rng.random() < 0.08 else _clamp(value)

    return CheckIn(mood=maybe(mood), trust_others=maybe(others), trust_self=maybe(self_))


def demo_entries(rng: random.Random, days: int, today: date,
                 latest: datetime | None = None) -> Iterator[Entry]:
    """One day at a time, oldest first: most days one entry, some two, some none.
    Nothing is written after `latest` (see `_not_after`)."""
    writer = _Writer(rng)
    first = today - timedelta(days=days - 1)
    for index in range(days):
        day = first + timedelta(days=index)
        hard = _hard(index)
        if rng.random() < (0.25 if hard else 0.12):
            continue
        for _ in range(2 if rng.random() < 0.05 else 1):
            hour = rng.choice((7, 8, 12, 19, 20, 21, 21, 22, 22, 23))
            when = _not_after(datetime.combine(day, time(hour, rng.randrange(60))), latest)
            if rng.random() < 0.08:          # just a check-in, no words
                body, title, tags = "", "", list[str]()
                checkin = _checkin(rng, index, days, hard)
            else:
                body, tags = writer.body(hard)
                title = writer.title()
                checkin = (_checkin(rng, index, days, hard) if rng.random() < 0.85
                           else CheckIn())
            yield Entry(id=_make_id(rng), written_at=when, title=title, body=body,
                        checkin=checkin, tags=normalize_tags(tags), updated_at=when)


def _feelings(rng: random.Random, names: Sequence[str], low: int, high: int,
              unrated: bool = False) -> tuple[Emotion, ...]:
    chosen = names[:rng.randint(1, len(names))]
    return tuple(Emotion(name, None if unrated else rng.randint(low, high))
                 for name in chosen)


def _step(rng: random.Random, scenario: Scenario, sheet_id: str, created: datetime,
          today: date, latest: datetime | None, belief_after: int) -> SmallStep:
    """A step planned at `created`; followed up later the same time of day, never
    after `latest`. A safety step after a real warning sign mostly goes well. At
    the follow-up, belief in the first thought is rated again: after a real
    warning sign it stays about where it was; otherwise it follows how it went."""
    due = created.date() + timedelta(days=rng.randint(2, 7))
    fields: dict[str, Any] = dict(id=_make_id(rng), text=scenario.step, due=due,
                  prediction=scenario.prediction, likelihood=rng.randint(40, 85),
                  worksheet_id=sheet_id,
                  playing_safe=scenario.playing_safe if rng.random() < 0.7 else "")
    # Steps due in the last week wait for their follow-up, as do a few older ones.
    if due > today - timedelta(days=7) or rng.random() < 0.1:
        return SmallStep(**fields, updated_at=created)
    roll = rng.random()
    warning = scenario.verdict == WARNING_SIGN
    well, partly = (0.7, 0.92) if warning else (0.58, 0.88)
    outcome = "no" if roll < well else "partly" if roll < partly else "yes"
    happened = {"no": scenario.went_well, "partly": scenario.went_partly,
                "yes": scenario.went_badly}[outcome]
    learned = scenario.learned if rng.random() < 0.8 else ""
    if warning:
        belief = belief_after + rng.randint(-3, 5)
    else:
        belief = belief_after + {"no": -rng.randint(3, 15), "partly": rng.randint(-5, 5),
                                 "yes": rng.randint(3, 15)}[outcome]
    followed_up_on = min(today, due + timedelta(days=rng.randint(0, 3)))
    answered = _not_after(datetime.combine(followed_up_on, created.time()), latest)
    return SmallStep(**fields, what_happened=happened, outcome=outcome, learned=learned,
                     followed_up_on=followed_up_on, updated_at=max(created, answered),
                     belief_at_follow_up=_clamp(belief, 0, 100))


def _beliefs(rng: random.Random, verdict: str, held_up: bool,
             progress: float) -> tuple[int, int]:
    """Belief in the fearful thought before and after. It falls a lot after a false
    alarm, a little or not at all while unsure, and stays high (or rises) after a
    real warning sign: there the fear was right."""
    if verdict == WARNING_SIGN:
        before = rng.randint(68, 92)
        return before, _clamp(before + rng.randint(-4, 6), 0, 100)
    before = _clamp(rng.randint(62, 92) - 10 * progress, 0, 100)
    if held_up:
        return before, _clamp(before + rng.randint(-6, 4), 0, 100)
    if verdict == "not_sure":
        return before, _clamp(before - rng.randint(0, 12), 0, 100)
    return before, _clamp(before - rng.randint(15, 40) - 8 * progress, 0, 100)


def _pattern(rng: random.Random, verdict: str) -> str | None:
    """Is this part of a pattern with this person? After a real warning sign, yes:
    seeing the pattern is what stopped it being explained away. Older-style sheets
    sometimes leave it unanswered."""
    if verdict == WARNING_SIGN:
        return "yes"
    if rng.random() < 0.25:
        return None
    return "no" if verdict == "false_alarm" else "not_sure"


def demo_worksheets(rng: random.Random, days: int, today: date,
                    latest: datetime | None = None) -> list[Worksheet]:
    """About one worksheet a week; recent ones are more often unfinished drafts.
    None is created after `latest` (see `_not_after`)."""
    scenarios = _Deck(SCENARIOS, rng)
    first = today - timedelta(days=days - 1)
    sheets: list[Worksheet] = []
    day = first + timedelta(days=rng.randint(1, 4))
    while day <= today:
        index = (day - first).days
        progress = index / max(days - 1, 1)
        scenario: Scenario = scenarios.draw()
        sheet_id = _make_id(rng)
        draft = rng.random() < (0.45 if (today - day).days < 12 else 0.08)
        warning = scenario.verdict == WARNING_SIGN
        held_up = not warning and rng.random() < 0.2
        verdict = "not_sure" if held_up else scenario.verdict
        before, after = _beliefs(rng, verdict, held_up, progress)
        traps = [t for t in scenario.traps if rng.random() < 0.7] or list(scenario.traps[:1])
        if not warning and rng.random() < 0.15:
            extra = rng.choice(OFFERED_TRAPS)   # never a retired trap
            if extra not in traps:
                traps.append(extra)
        created = _not_after(datetime.combine(
            day, time(rng.choice((18, 20, 21, 22)), rng.randrange(60))), latest)
        common: dict[str, Any] = dict(id=sheet_id, happened_on=day, situation=scenario.situation,
                      who=scenario.who, category=scenario.category, thought=scenario.thought,
                      belief_before=before, created_at=created, updated_at=created)
        if draft:
            sheets.append(Worksheet(
                **common, emotions_before=_feelings(rng, scenario.feelings, 50, 90,
                                                    unrated=rng.random() < 0.5),
                evidence_for=scenario.evidence_for[:1]))
        else:
            feelings = _feelings(rng, scenario.feelings, 50, 90)
            low, high = (5, 25) if warning else (10, 45)    # less alone, still wary
            eased = tuple(Emotion(e.name, max(0, (e.intensity or 0) - rng.randint(low, high)))
                          for e in feelings)
            step = (_step(rng, scenario, sheet_id, created, today, latest, after)
                    if rng.random() < 0.85 else None)
            sheets.append(Worksheet(
                **common, emotions_before=feelings, evidence_for=scenario.evidence_for,
                evidence_against=scenario.evidence_against,
                verdict=verdict, traps=tuple(traps), pattern=_pattern(rng, verdict),
                balanced_view=scenario.balanced, belief_after=after, emotions_after=eased,
                step=step))
        day += timedelta(days=rng.randint(4, 9))
    return sheets


def fill_demo(store: Store, *, days: int = DEMO_DAYS, seed: int = DEMO_SEED,
              today: date | None = None, now: datetime | None = None) -> DemoCounts:
    """Write `days` days of sample records ending on `today` (default: the day of
    `now`) into `store`. `now` (default: the clock) is the moment it runs: nothing
    written is dated after it, so on the real today late times move earlier.
    Deterministic for the same arguments (a past `today` never meets `now`). Adds
    to what is there; meant for a fresh, throwaway journal."""
    if days < 1:
        raise ValueError("days must be at least 1")
    now = now or datetime.now()
    today = today or now.date()
    rng = random.Random(seed)
    entries = list(demo_entries(rng, days, today, now))
    store.journal.save_many(entries)
    sheets = demo_worksheets(rng, days, today, now)
    with store.vault.transaction() as conn:     # with their own times, not the clock's
        for sheet in sheets:
            store.worksheets.write_in(conn, sheet)
            if sheet.step is not None:
                store.worksheets.write_step_in(conn, sheet.step, sheet.created_at)
    guide = GuideProgress(store.settings, load_guide())
    ids = guide.guide.ids()
    read = min(len(ids), 3 + days // 60)
    for chapter_id in ids[:read]:
        guide.mark_read(chapter_id)
    steps = [s.step for s in sheets if s.step is not None]
    return DemoCounts(
        entries=len(entries),
        checkins=sum(1 for e in entries if not e.checkin.is_empty),
        worksheets=len(sheets),
        drafts=sum(1 for s in sheets if not s.is_complete),
        steps_followed_up=sum(1 for s in steps if s.is_followed_up),
        steps_due=sum(1 for s in steps if s.is_due(today)),
        chapters_read=read)
