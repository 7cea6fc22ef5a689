"""The fear-reframing worksheet (a thought record adapted to trust) and its small step.

Texts shown for categories, traps and verdicts live in resources/worksheet/
content.toml; only the keys are fixed here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from trustdesk.domain import clock
from trustdesk.domain.text import (
    InvalidRecord,
    check_date,
    check_length,
    check_rating,
    new_id,
)

FEAR_CATEGORIES = ("failing", "embarrassment", "being_wrong", "rejection", "abandonment",
                   "betrayal", "control", "other")
VERDICTS = ("red_flag", "false_alarm", "not_sure")
TRAPS = ("false_red_flag", "mind_reading", "fortune_telling", "overgeneralising",
         "all_or_nothing", "catastrophising", "personalising", "emotional_reasoning",
         "discounting_positive", "mental_filter", "labelling", "should_statements",
         "explaining_away")
# Kept valid so older sheets load, import and export, but no longer offered on a
# sheet that doesn't have them: "false red flag" said the same as the verdict
# "a false alarm", and every other trap read danger one way only.
RETIRED_TRAPS = ("false_red_flag",)
OFFERED_TRAPS = tuple(trap for trap in TRAPS if trap not in RETIRED_TRAPS)
PATTERNS = ("yes", "no", "not_sure")   # is this part of a pattern with this person?
OUTCOMES = ("yes", "partly", "no")
STATUSES = ("draft", "complete", "follow_up_due", "followed_up")
MAX_TEXT = 100_000
MAX_ITEMS = 50
STEP_DUE_AFTER = timedelta(days=7)


def default_due(today: date) -> date:
    """When a new small step is due unless the person picks a day: a week from today,
    soon enough to remember, far enough to find a moment."""
    return today + STEP_DUE_AFTER


def _check_choice(value: str | None, allowed: tuple[str, ...], what: str) -> None:
    if value is not None and value not in allowed:
        raise InvalidRecord(f"{what} must be one of: {', '.join(allowed)}.")


def _check_texts(texts: tuple[str, ...], what: str) -> None:
    if len(texts) > MAX_ITEMS:
        raise InvalidRecord(f"{what} can have at most {MAX_ITEMS} items.")
    for text in texts:
        check_length(text, MAX_TEXT, what)


@dataclass(frozen=True)
class Emotion:
    """A named feeling. `intensity` is 0..100, or None while it is named but not
    rated yet (a draft keeps the name either way)."""

    name: str
    intensity: int | None  # 0..100; None = not rated yet

    def __post_init__(self) -> None:
        if not self.name.strip() or len(self.name) > 60:
            raise InvalidRecord("Each feeling needs a name of up to 60 characters.")
        check_rating(self.intensity, 0, 100, f"The intensity of {self.name!r}")


@dataclass(frozen=True)
class SmallStep:
    """One small trust step to try, and later what actually happened."""

    id: str
    text: str
    due: date | None = None
    prediction: str = ""            # what I fear will happen
    likelihood: int | None = None   # how likely I think it is, 0..100
    playing_safe: str = ""          # playing-it-safe habits that could spoil the test
    worksheet_id: str | None = None
    what_happened: str = ""
    outcome: str | None = None      # did the feared outcome happen: yes, partly, no
    learned: str = ""
    belief_at_follow_up: int | None = None  # belief in the sheet's first thought, 0..100
    followed_up_on: date | None = None
    updated_at: datetime | None = None
    snoozed_until: date | None = None   # put off until this day ("Snooze", "Not yet")
    skipped_on: date | None = None      # set aside on this day, without a follow-up

    def __post_init__(self) -> None:
        if not self.id:
            raise InvalidRecord("A small step needs an id.")
        for text, what in ((self.text, "The step"), (self.prediction, "The prediction"),
                           (self.playing_safe, "Playing it safe"),
                           (self.what_happened, "What happened"), (self.learned, "What I learned")):
            check_length(text, MAX_TEXT, what)
        check_rating(self.likelihood, 0, 100, "How likely it feels")
        check_rating(self.belief_at_follow_up, 0, 100, "Belief at the follow-up")
        _check_choice(self.outcome, OUTCOMES, "The outcome")
        for day, what in ((self.due, "The step's date"),
                          (self.snoozed_until, "The day it is snoozed to"),
                          (self.skipped_on, "The day it was skipped")):
            if day is not None:
                check_date(day, what)

    @property
    def is_followed_up(self) -> bool:
        return self.outcome is not None

    @property
    def waits_until(self) -> date | None:
        """The day it shows as waiting: its date, or the later day it was snoozed to."""
        if self.due is None:
            return None
        if self.snoozed_until is not None and self.snoozed_until > self.due:
            return self.snoozed_until
        return self.due

    def is_due(self, today: date) -> bool:
        """Its date has come, nobody has said yet how it went, it wasn't skipped,
        and any snooze has run out (see domain/steps.py)."""
        waits = self.waits_until
        return (waits is not None and waits <= today and not self.is_followed_up
                and self.skipped_on is None)


@dataclass(frozen=True)
class Worksheet:
    id: str
    happened_on: date
    situation: str = ""
    who: str = ""
    category: str | None = None
    thought: str = ""
    belief_before: int | None = None
    emotions_before: tuple[Emotion, ...] = ()
    evidence_for: tuple[str, ...] = ()
    evidence_against: tuple[str, ...] = ()
    pattern: str | None = None      # part of a pattern with this person? see PATTERNS
    verdict: str | None = None
    traps: tuple[str, ...] = ()
    balanced_view: str = ""
    belief_after: int | None = None
    emotions_after: tuple[Emotion, ...] = ()
    step: SmallStep | None = None
    created_at: datetime = field(default_factory=clock.now)
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        if not self.id:
            raise InvalidRecord("A worksheet needs an id.")
        check_date(self.happened_on, "The date of what happened")
        _check_choice(self.category, FEAR_CATEGORIES, "The fear's kind")
        _check_choice(self.verdict, VERDICTS, "Your call")
        _check_choice(self.pattern, PATTERNS, "Whether it is part of a pattern")
        for trap in self.traps:
            _check_choice(trap, TRAPS, "A thinking trap")
        if len(set(self.traps)) != len(self.traps):
            raise InvalidRecord("Each thinking trap can be ticked once.")
        check_rating(self.belief_before, 0, 100, "Belief before")
        check_rating(self.belief_after, 0, 100, "Belief after")
        for text, what in ((self.situation, "What happened"), (self.who, "Who was involved"),
                           (self.thought, "The fearful thought"),
                           (self.balanced_view, "The balanced view")):
            check_length(text, MAX_TEXT, what)
        _check_texts(self.evidence_for, "Evidence for")
        _check_texts(self.evidence_against, "Evidence against")
        if len(self.emotions_before) > MAX_ITEMS or len(self.emotions_after) > MAX_ITEMS:
            raise InvalidRecord(f"A worksheet can list at most {MAX_ITEMS} feelings.")

    @classmethod
    def new(cls, *, category: str | None = None, today: date | None = None) -> Worksheet:
        return cls(id=new_id(), happened_on=today or clock.today(), category=category)

    def missing_for_completion(self) -> list[str]:
        """Which of the four required parts are still empty, as field keys:
        'thought', 'belief_before', 'balanced', 'belief_after'."""
        missing = []
        if not self.thought.strip():
            missing.append("thought")
        if self.belief_before is None:
            missing.append("belief_before")
        if not self.balanced_view.strip():
            missing.append("balanced")
        if self.belief_after is None:
            missing.append("belief_after")
        return missing

    def steps_filled(self) -> tuple[bool, ...]:
        """For each of the form's eight steps, in order, whether the person has
        written or chosen something there: what happened, the thought, the rating
        before, the traps, the evidence or a call, the balanced view, the rating
        after, and the small step. The date alone (always set) fills nothing."""
        step = self.step
        return (bool(self.situation.strip() or self.who.strip()),
                bool(self.thought.strip()),
                self.belief_before is not None,
                bool(self.traps),
                bool(self.evidence_for or self.evidence_against or self.verdict
                     or self.pattern),
                bool(self.balanced_view.strip()),
                self.belief_after is not None,
                step is not None and bool(step.text.strip()))

    @property
    def is_complete(self) -> bool:
        return not self.missing_for_completion()

    def status(self, today: date) -> str:
        step = self.step
        return status_of(complete=self.is_complete,
                         step_due=step.due if step is not None else None,
                         followed_up=step is not None and step.is_followed_up, today=today)

    def starting_point(self, *, today: date | None = None) -> Worksheet:
        """A new draft that starts from this sheet's fear: same kind of fear and the
        same thought, everything else empty, dated today."""
        return Worksheet(id=new_id(), happened_on=today or clock.today(),
                         category=self.category, thought=self.thought)


def status_of(*, complete: bool, step_due: date | None, followed_up: bool,
              today: date) -> str:
    """The one status rule, shared by full sheets and list rows: draft until the
    four required parts are there; then followed up once the step has an outcome,
    follow-up due once its date has come, otherwise complete."""
    if not complete:
        return "draft"
    if followed_up:
        return "followed_up"
    if step_due is not None and step_due <= today:
        return "follow_up_due"
    return "complete"


@dataclass(frozen=True)
class WorksheetRow:
    """What the worksheet list shows for one sheet, without loading all of it.
    `thought` may be shortened (see `THOUGHT_PREVIEW`)."""

    id: str
    happened_on: date
    category: str | None
    thought: str
    belief_before: int | None
    belief_after: int | None
    is_complete: bool
    step_due: date | None = None
    step_followed_up: bool = False
    created_at: datetime | None = None

    def status(self, today: date) -> str:
        return status_of(complete=self.is_complete, step_due=self.step_due,
                         followed_up=self.step_followed_up, today=today)


@dataclass(frozen=True)
class DueStep:
    """A small step waiting for its follow-up, with a reminder of the fear it was for."""

    step: SmallStep
    thought: str
    category: str | None
    happened_on: date | None
    verdict: str | None = None
    belief_before: int | None = None

    @property
    def safety_matters(self) -> bool:
        """A sheet where the feared thing happening means someone may be unsafe:
        a real warning sign, or a fear of control or of betrayal."""
        return is_safety_sheet(verdict=self.verdict, category=self.category)


def is_safety_sheet(*, verdict: str | None, category: str | None) -> bool:
    """Sheets on which the safety note is offered when the feared thing happened."""
    return verdict == "red_flag" or category in SAFETY_CATEGORIES


SAFETY_CATEGORIES = ("control", "betrayal")


THOUGHT_PREVIEW = 300
