"""The words of the fear-reframing worksheet, read from resources/worksheet/content.toml.

Plain data, no Qt: `parse(mapping)` checks the file against the domain's keys
(every category, verdict, pattern answer, trap, status and outcome has its text,
every call has its starting point, and nothing unknown is there) and `load()`
reads the shipped file once per process.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from trustdesk import resources
from trustdesk.domain.worksheet import (
    FEAR_CATEGORIES,
    OUTCOMES,
    PATTERNS,
    RETIRED_TRAPS,
    STATUSES,
    TRAPS,
    VERDICTS,
)

# Thinking traps come before the call, as in a thought record: naming a shortcut
# first keeps the call from being made on it.
STEP_KEYS = ("situation", "fear", "ratings_before", "traps", "evidence", "balanced_view",
             "ratings_after", "small_step")
NO_VERDICT = "none"   # the starting point offered before a call is made
RED_FLAG_KEYS = ("step_title", "step_intro", "danger", "step", "step_hint", "prediction",
                 "prediction_hint", "rerate_intro", "belief_stayed", "followup_intro")


class ContentError(ValueError):
    """The worksheet texts don't match what the app expects (a packaging mistake)."""


@dataclass(frozen=True)
class StepText:
    key: str
    title: str
    intro: str
    fields: dict[str, str]

    def field(self, name: str) -> str:
        """The text for `name` (a label, or `<name>_hint`); '' when there is none."""
        return self.fields.get(name, "")


@dataclass(frozen=True)
class CategoryText:
    key: str
    label: str
    description: str


@dataclass(frozen=True)
class TrapText:
    key: str
    name: str          # the plain name ("Jumping to the worst")
    description: str
    example: str
    trust_priority: bool
    term: str = ""     # the usual term ("catastrophising"), or ""
    retired: bool = False

    @property
    def label(self) -> str:
        """ "Jumping to the worst (catastrophising)": plain words first."""
        return f"{self.name} ({self.term})" if self.term else self.name


@dataclass(frozen=True)
class VerdictText:
    key: str
    label: str
    help: str


@dataclass(frozen=True)
class StartingPoint:
    """One sentence and one or two questions, inserted into the balanced view."""

    sentence: str
    questions: tuple[str, ...]

    def text(self) -> str:
        return "\n".join((self.sentence, *self.questions))


@dataclass(frozen=True)
class WorksheetTexts:
    steps: tuple[StepText, ...]
    categories: tuple[CategoryText, ...]
    traps: tuple[TrapText, ...]          # trust-priority traps first, then file order
    verdicts: tuple[VerdictText, ...]
    patterns: tuple[VerdictText, ...]    # answers to "part of a pattern?"
    starting_points: dict[str, StartingPoint]   # by verdict key, and NO_VERDICT
    red_flag: dict[str, str]             # the path after "a real warning sign"
    emotions: tuple[str, ...]            # quick-pick feeling names, in file order
    statuses: dict[str, str]
    outcomes: dict[str, str]
    followup: dict[str, str]
    messages: dict[str, str]

    def step(self, key: str) -> StepText:
        return next(step for step in self.steps if step.key == key)

    def category(self, key: str | None) -> CategoryText | None:
        return next((c for c in self.categories if c.key == key), None)

    def category_label(self, key: str | None) -> str:
        found = self.category(key)
        return found.label if found else "Not chosen yet"

    def trap(self, key: str) -> TrapText:
        return next(trap for trap in self.traps if trap.key == key)

    @property
    def trap_names(self) -> dict[str, str]:
        """{'mind_reading': 'Mind reading', ...}: for `progress.summarize(trap_names=)`."""
        return {trap.key: trap.name for trap in self.traps}

    def verdict(self, key: str | None) -> VerdictText | None:
        return next((v for v in self.verdicts if v.key == key), None)

    @property
    def offered_traps(self) -> tuple[TrapText, ...]:
        """The traps a sheet offers to tick (retired ones only show where ticked)."""
        return tuple(trap for trap in self.traps if not trap.retired)

    def pattern(self, key: str | None) -> VerdictText | None:
        return next((p for p in self.patterns if p.key == key), None)

    def starting_point(self, verdict: str | None) -> StartingPoint:
        """The starting point for a balanced view, chosen by the call."""
        return self.starting_points.get(verdict or NO_VERDICT,
                                        self.starting_points[NO_VERDICT])


def _text(table: dict[str, Any], name: str, where: str) -> str:
    value = table.get(name)
    if not isinstance(value, str) or not value.strip():
        raise ContentError(f"{where}: '{name}' must be non-empty text.")
    return value.strip()


def _keys_match(found: list[str], expected: tuple[str, ...], what: str) -> None:
    if len(set(found)) != len(found):
        raise ContentError(f"{what}: a key appears twice.")
    if set(found) != set(expected):
        missing = sorted(set(expected) - set(found))
        extra = sorted(set(found) - set(expected))
        raise ContentError(f"{what}: missing {missing}, unknown {extra}.")


def _table(data: dict[str, Any], name: str) -> dict[str, str]:
    table = data.get(name)
    if not isinstance(table, dict):
        raise ContentError(f"The [{name}] table is missing.")
    return {key: _text(table, key, f"[{name}]") for key in table}


def parse(data: dict[str, Any]) -> WorksheetTexts:
    """Turn the TOML mapping into texts; raise ContentError on any mismatch."""
    steps = tuple(
        StepText(key=_text(s, "key", "step"), title=_text(s, "title", "step"),
                 intro=_text(s, "intro", "step"),
                 fields={k: _text(s.get("fields", {}), k, f"step {s.get('key')}")
                         for k in s.get("fields", {})})
        for s in data.get("steps", []))
    if tuple(step.key for step in steps) != STEP_KEYS:
        raise ContentError(f"Steps must be, in order: {', '.join(STEP_KEYS)}.")
    categories = tuple(
        CategoryText(key=_text(c, "key", "category"), label=_text(c, "label", "category"),
                     description=_text(c, "description", "category"))
        for c in data.get("categories", []))
    _keys_match([c.key for c in categories], FEAR_CATEGORIES, "Fear categories")
    traps = [TrapText(key=_text(t, "key", "trap"), name=_text(t, "name", "trap"),
                      description=_text(t, "description", "trap"),
                      example=_text(t, "example", "trap"),
                      trust_priority=bool(t.get("trust_priority", False)),
                      term=str(t.get("term", "")).strip(),
                      retired=bool(t.get("retired", False)))
             for t in data.get("traps", [])]
    _keys_match([t.key for t in traps], TRAPS, "Thinking traps")
    if {t.key for t in traps if t.retired} != set(RETIRED_TRAPS):
        raise ContentError(f"Thinking traps: exactly {list(RETIRED_TRAPS)} are retired.")
    traps.sort(key=lambda trap: not trap.trust_priority)  # stable: file order kept
    verdicts = tuple(
        VerdictText(key=_text(v, "key", "verdict"), label=_text(v, "label", "verdict"),
                    help=_text(v, "help", "verdict"))
        for v in data.get("verdicts", []))
    _keys_match([v.key for v in verdicts], VERDICTS, "Verdicts")
    patterns = tuple(
        VerdictText(key=_text(p, "key", "pattern"), label=_text(p, "label", "pattern"),
                    help=_text(p, "help", "pattern"))
        for p in data.get("patterns", []))
    _keys_match([p.key for p in patterns], PATTERNS, "Pattern answers")
    starting_points = {}
    for item in data.get("starting_points", []):
        questions = item.get("questions")
        if (not isinstance(questions, list) or not 1 <= len(questions) <= 2
                or not all(isinstance(q, str) and q.strip() for q in questions)):
            raise ContentError("A starting point needs one or two questions.")
        starting_points[_text(item, "verdict", "starting point")] = StartingPoint(
            _text(item, "sentence", "starting point"), tuple(q.strip() for q in questions))
    _keys_match(list(starting_points), (*VERDICTS, NO_VERDICT), "Starting points")
    red_flag = _table(data, "red_flag")
    _keys_match(list(red_flag), RED_FLAG_KEYS, "[red_flag]")
    emotions = tuple(_text(e, "label", "emotion") for e in data.get("emotions", []))
    if not emotions or len(set(emotions)) != len(emotions) or any(len(e) > 60 for e in emotions):
        raise ContentError("Feelings need unique names of up to 60 characters.")
    statuses = _table(data, "statuses")
    _keys_match(list(statuses), STATUSES, "Statuses")
    followup = _table(data, "followup")
    outcomes = {key: followup.get(f"outcome_{key}", "") for key in OUTCOMES}
    if not all(outcomes.values()):
        raise ContentError("[followup] needs a label for every outcome.")
    return WorksheetTexts(steps=steps, categories=categories, traps=tuple(traps),
                          verdicts=verdicts, patterns=patterns,
                          starting_points=starting_points, red_flag=red_flag,
                          emotions=emotions, statuses=statuses,
                          outcomes=outcomes, followup=followup,
                          messages=_table(data, "messages"))


@cache
def load() -> WorksheetTexts:
    """The shipped texts, parsed once. Raises ContentError if the file is broken."""
    with open(resources.path("worksheet", "content.toml"), "rb") as fh:
        return parse(tomllib.load(fh))
