"""The benchmark's journal: ten years of daily writing, the same for the same seed.

3,650 daily entries of about 300 words (most with a check-in, many with tags),
520 worksheets and 300 small steps with their follow-ups (the newest 3 still
waiting, for the Today page); one rare word, MARKER,
appears in exactly 37 entries. `scale` shrinks all of it for the quick mode.
Built from the sample sentences of `trustdesk.demo`, so the text reads like a
journal and the search index has a realistic vocabulary. No Qt.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from trustdesk.demo import demo_entries, demo_worksheets
from trustdesk.domain.journal import CheckIn, Entry, normalize_tags
from trustdesk.domain.worksheet import SmallStep, Worksheet
from trustdesk.storage.store import Store

MARKER = "lanternfish"
WAITING = 3        # the newest small steps, not followed up yet
FULL = {"entries": 3650, "words": 300, "worksheets": 520, "steps": 300, "marked": 37}


@dataclass(frozen=True)
class Shape:
    """How much to write."""

    entries: int
    words: int
    worksheets: int
    steps: int
    marked: int

    @classmethod
    def scaled(cls, scale: float) -> Shape:
        sizes = {key: max(1, round(value * scale)) for key, value in FULL.items()}
        sizes["words"] = FULL["words"]
        return cls(**sizes)


def entries(rng: random.Random, shape: Shape, today: date) -> list[Entry]:
    """One entry a day, oldest first, each about `shape.words` words: the demo
    journal's short entries, joined (with the first check-in among them)."""
    pieces = itertools.chain.from_iterable(
        demo_entries(rng, shape.entries * 10, today) for _ in itertools.count())
    first = today - timedelta(days=shape.entries - 1)
    marked = {round(i * shape.entries / shape.marked) for i in range(shape.marked)}
    made: list[Entry] = []
    for index in range(shape.entries):
        paragraphs: list[str] = []
        tags: list[str] = []
        title, checkin = "", CheckIn()
        while sum(len(p.split()) for p in paragraphs) < shape.words:
            piece = next(pieces)
            if piece.body:
                paragraphs.append(piece.body)
            tags.extend(piece.tags)
            title = title or piece.title
            checkin = checkin if not checkin.is_empty else piece.checkin
        if index in marked:
            paragraphs.append(f"I watched a documentary about the {MARKER} tonight.")
        when = datetime.combine(first + timedelta(days=index),
                                time(rng.choice((7, 12, 20, 21, 22)), rng.randrange(60)))
        made.append(Entry(id=f"{rng.getrandbits(128):032x}", written_at=when, title=title,
                          body="\n\n".join(paragraphs), checkin=checkin,
                          tags=normalize_tags(tags[:4]), updated_at=when))
    return made


def worksheets(rng: random.Random, shape: Shape, today: date) -> list[Worksheet]:
    """`shape.worksheets` sheets over the same years; `shape.steps` of the complete
    ones carry a small step, followed up except the newest WAITING ones (their day
    has come: the Today page shows them), the rest carry none."""
    drawn = demo_worksheets(rng, shape.entries, today)
    while len(drawn) < shape.worksheets:      # tiny quick-mode journals
        drawn += demo_worksheets(rng, shape.entries, today)
    sheets = sorted(drawn, key=lambda s: s.created_at)[-shape.worksheets:]
    complete = [i for i, s in enumerate(sheets) if s.is_complete]
    with_step = set(complete[:: max(1, len(complete) // shape.steps)][:shape.steps])
    out: list[Worksheet] = []
    waiting = set(sorted(with_step)[-WAITING:]) if len(with_step) > WAITING else set()
    for index, sheet in enumerate(sheets):
        step = None
        if index in waiting:
            step = SmallStep(
                id=f"{rng.getrandbits(128):032x}", text="Ask a friend to keep a promise.",
                due=min(today, sheet.happened_on + timedelta(days=2)),
                prediction="They will forget.", likelihood=rng.randint(40, 85),
                worksheet_id=sheet.id)
        elif index in with_step:
            due = sheet.happened_on + timedelta(days=rng.randint(2, 7))
            outcome = rng.choice(("no", "no", "no", "partly", "partly", "yes"))
            step = SmallStep(
                id=f"{rng.getrandbits(128):032x}", text="Say yes to the next invitation.", due=due,
                prediction="They will lose interest halfway through.",
                likelihood=rng.randint(40, 85), worksheet_id=sheet.id,
                what_happened="It went better than I feared.", outcome=outcome,
                learned="Most of the fear was about the past.",
                followed_up_on=min(today, due + timedelta(days=1)))
        out.append(dataclasses.replace(sheet, step=step))
    return out


@dataclass(frozen=True)
class Written:
    entries: int
    worksheets: int
    steps: int
    marked: int
    words: int


def fill(store: Store, shape: Shape, *, seed: int, today: date) -> Written:
    """Write the whole journal into an open, empty store."""
    rng = random.Random(seed)
    made = entries(rng, shape, today)
    store.journal.save_many(made)
    sheets = worksheets(rng, shape, today)
    for sheet in sheets:
        store.worksheets.save(sheet)
    return Written(entries=len(made), worksheets=len(sheets),
                   steps=sum(1 for s in sheets if s.step is not None),
                   marked=sum(1 for e in made if MARKER in e.body),
                   words=round(sum(len(e.body.split()) for e in made) / len(made)))
