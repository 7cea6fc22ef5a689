"""One record of the export format at a time: entries, worksheets and small steps
to JSON-ready dicts and back, with validation that names the record and the field
("entry 12 (id 'abc'): mood must be a whole number from 0 to 10").

Text is cleaned the way typing cleans it (`clean_text`, `clean_line` for titles and
names, `normalize_tags`), which leaves anything TrustDesk stored unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from trustdesk.domain.journal import (
    MAX_BODY,
    MAX_TAG,
    MAX_TAGS,
    MAX_TITLE,
    CheckIn,
    Entry,
    normalize_tags,
)
from trustdesk.domain.text import EARLIEST_DATE, FUTURE_LIMIT, InvalidRecord, clean_line, clean_text
from trustdesk.domain.worksheet import (
    FEAR_CATEGORIES,
    MAX_ITEMS,
    MAX_TEXT,
    OUTCOMES,
    TRAPS,
    VERDICTS,
    Emotion,
    SmallStep,
    Worksheet,
)

MAX_ID = 64
MAX_NAME = 60
MAX_RECORDS = 500_000


class ImportProblem(ValueError):
    """Why a file can't be imported: one plain sentence naming the first problem
    (where in the file, which field). Safe to show; it quotes at most an id."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def explain(self, file_name: str) -> str:
        """ "notes.json can't be imported. Entry 12 (id 'abc'): mood must be ..." """
        text = self.message[:1].upper() + self.message[1:]
        if not text.endswith((".", "?", "!")):
            text += "."
        return f"{file_name} can't be imported; nothing was changed. {text}"


# -- small helpers ---------------------------------------------------------------------
def iso_moment(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def iso_day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _latest_day() -> date:
    return date.today() + FUTURE_LIMIT


def read_moment(value: Any, key: str, where: str) -> datetime:
    """An ISO 8601 date-time. Without an offset it is local time, kept as written;
    with one it is converted to this computer's local time. Seconds are the finest
    unit kept."""
    if not isinstance(value, str) or len(value) > 40:
        raise ImportProblem(f"{where}: {key} must be a date and time like "
                            "2024-05-01T21:30:00")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ImportProblem(f"{where}: {key} must be a date and time like "
                            f"2024-05-01T21:30:00, not {value!r}") from None
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone().replace(tzinfo=None)
        except (OverflowError, ValueError):
            raise ImportProblem(f"{where}: {key} is out of range") from None
    return moment.replace(microsecond=0)


def read_day(value: Any, key: str, where: str) -> date:
    if not isinstance(value, str) or len(value) != 10:
        raise ImportProblem(f"{where}: {key} must be a date like 2024-05-01")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ImportProblem(f"{where}: {key} must be a date like 2024-05-01, "
                            f"not {value!r}") from None


class Fields:
    """Reads one JSON object's fields, each check naming `where` and the key."""

    def __init__(self, obj: Any, where: str, known: frozenset[str], *,
                 strict: bool = True) -> None:
        if not isinstance(obj, dict):
            raise ImportProblem(f"{where}: must be a record in braces {{...}}, not "
                                f"{_kind(obj)}")
        self.obj, self.where, self._known, self._strict = obj, where, known, strict
        if "id" not in known:
            self._refuse_unknown()

    def _refuse_unknown(self) -> None:
        """Records with an id are checked once the id is known, to name it."""
        if self._strict:
            unknown = sorted(key for key in self.obj if key not in self._known)
            if unknown:
                raise self.problem(f"unknown field {unknown[0][:40]!r}")

    def problem(self, text: str) -> ImportProblem:
        return ImportProblem(f"{self.where}: {text}")

    def has(self, key: str) -> bool:
        return self.obj.get(key) is not None

    def identifier(self, key: str = "id") -> str:
        value = self.obj.get(key)
        if not isinstance(value, str) or not 1 <= len(value) <= MAX_ID \
                or clean_line(value) != value:
            raise self.problem(f"{key} must be text of 1 to {MAX_ID} characters on one "
                               "line, without control characters")
        self.where = f"{self.where} (id {value[:40]!r})"
        self._refuse_unknown()
        return value

    def optional_identifier(self, key: str) -> str | None:
        if self.obj.get(key) is None:
            return None
        value = self.obj[key]
        if not isinstance(value, str) or not 1 <= len(value) <= MAX_ID:
            raise self.problem(f"{key} must be text of 1 to {MAX_ID} characters, or null")
        return value

    def text(self, key: str, limit: int, *, line: bool = False) -> str:
        value = self.obj.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.problem(f"{key} must be text, not {_kind(value)}")
        if len(value) > limit:
            raise self.problem(f"{key} is longer than TrustDesk keeps ({limit:,} characters)")
        return clean_line(value) if line else clean_text(value)

    def whole(self, key: str, low: int, high: int) -> int | None:
        value = self.obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.problem(f"{key} must be a whole number from {low} to {high}")
        return value

    def moment(self, key: str, *, required: bool = False) -> datetime | None:
        value = self.obj.get(key)
        if value is None:
            if required:
                raise self.problem(f"{key} is missing")
            return None
        return read_moment(value, key, self.where)

    def day(self, key: str, *, required: bool = False, ranged: bool = True) -> date | None:
        value = self.obj.get(key)
        if value is None:
            if required:
                raise self.problem(f"{key} is missing")
            return None
        day = read_day(value, key, self.where)
        if ranged:
            self.check_range(day, key)
        return day

    def check_range(self, day: date, key: str) -> None:
        latest = _latest_day()
        if not EARLIEST_DATE <= day <= latest:
            raise self.problem(f"{key} must be between {EARLIEST_DATE:%Y} and {latest:%B %Y}")

    def choice(self, key: str, allowed: tuple[str, ...]) -> str | None:
        value = self.obj.get(key)
        if value is None:
            return None
        if value not in allowed:
            raise self.problem(f"{key} must be one of {', '.join(allowed)}, or null")
        return str(value)

    def items(self, key: str, limit: int) -> list[Any]:
        value = self.obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.problem(f"{key} must be a list, not {_kind(value)}")
        if len(value) > limit:
            raise self.problem(f"{key} has {len(value)} items; at most {limit} are kept")
        return value

    def texts(self, key: str, limit: int, length: int,
              clean: Callable[[str], str] = clean_text) -> tuple[str, ...]:
        out = []
        for number, value in enumerate(self.items(key, limit), start=1):
            if not isinstance(value, str):
                raise self.problem(f"{key} item {number} must be text, not {_kind(value)}")
            if len(value) > length:
                raise self.problem(f"{key} item {number} is longer than TrustDesk keeps "
                                   f"({length:,} characters)")
            out.append(clean(value))
        return tuple(out)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    return {dict: "a record", list: "a list", str: "text", int: "a number",
            float: "a number"}.get(type(value), type(value).__name__)


def build_record(make: Callable[[], Any], where: str) -> Any:
    """Build a domain record; its own checks are the last line of defence."""
    try:
        return make()
    except InvalidRecord as exc:
        text = str(exc)
        raise ImportProblem(f"{where}: {text[:1].lower()}{text[1:].rstrip('.')}") from None


# -- journal entries ---------------------------------------------------------------------
ENTRY_FIELDS = frozenset({"id", "written_at", "updated_at", "title", "body", "mood",
                          "trust_others", "trust_self", "tags"})


def encode_entry(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "written_at": iso_moment(entry.written_at),
        "updated_at": iso_moment(entry.updated_at or entry.written_at),
        "title": entry.title,
        "mood": entry.checkin.mood,
        "trust_others": entry.checkin.trust_others,
        "trust_self": entry.checkin.trust_self,
        "tags": list(entry.tags),
        "body": entry.body,
    }


def decode_entry(obj: Any, where: str) -> Entry:
    fields = Fields(obj, where, ENTRY_FIELDS)
    entry_id = fields.identifier()
    written_at = fields.moment("written_at", required=True)
    assert written_at is not None
    fields.check_range(written_at.date(), "written_at")
    updated_at = fields.moment("updated_at") or written_at
    raw_tags = fields.texts("tags", MAX_TAGS, 4 * MAX_TAG, clean=str)
    try:
        tags = normalize_tags(raw_tags)
    except InvalidRecord as exc:
        raise fields.problem(f"tags: {str(exc)[:1].lower()}{str(exc)[1:].rstrip('.')}") \
            from None
    return build_record(lambda: Entry(
        id=entry_id, written_at=written_at, updated_at=updated_at,
        title=fields.text("title", MAX_TITLE, line=True),
        body=fields.text("body", MAX_BODY),
        checkin=CheckIn(fields.whole("mood", 0, 10), fields.whole("trust_others", 0, 10),
                        fields.whole("trust_self", 0, 10)),
        tags=tags), fields.where)


# -- worksheets ------------------------------------------------------------------------
SHEET_FIELDS = frozenset({"id", "happened_on", "created_at", "updated_at", "category",
                          "situation", "who", "thought", "belief_before", "emotions_before",
                          "evidence_for", "evidence_against", "verdict", "traps",
                          "balanced_view", "belief_after", "emotions_after"})
EMOTION_FIELDS = frozenset({"name", "intensity"})


def _encode_emotions(emotions: tuple[Emotion, ...]) -> list[dict[str, Any]]:
    return [{"name": emotion.name, "intensity": emotion.intensity} for emotion in emotions]


def encode_worksheet(sheet: Worksheet) -> dict[str, Any]:
    """A worksheet without its step: steps are listed on their own."""
    return {
        "id": sheet.id,
        "happened_on": iso_day(sheet.happened_on),
        "created_at": iso_moment(sheet.created_at),
        "updated_at": iso_moment(sheet.updated_at),
        "category": sheet.category,
        "situation": sheet.situation,
        "who": sheet.who,
        "thought": sheet.thought,
        "belief_before": sheet.belief_before,
        "emotions_before": _encode_emotions(sheet.emotions_before),
        "evidence_for": list(sheet.evidence_for),
        "evidence_against": list(sheet.evidence_against),
        "verdict": sheet.verdict,
        "traps": list(sheet.traps),
        "balanced_view": sheet.balanced_view,
        "belief_after": sheet.belief_after,
        "emotions_after": _encode_emotions(sheet.emotions_after),
    }


def _decode_emotions(fields: Fields, key: str) -> tuple[Emotion, ...]:
    out = []
    for number, item in enumerate(fields.items(key, MAX_ITEMS), start=1):
        one = Fields(item, f"{fields.where}: {key} item {number}", EMOTION_FIELDS)
        raw = one.obj.get("name")
        name = clean_line(raw) if isinstance(raw, str) and len(raw) <= 4 * MAX_NAME else ""
        if not name or len(name) > MAX_NAME:
            raise one.problem(f"name must be text of 1 to {MAX_NAME} characters")
        out.append(Emotion(name, one.whole("intensity", 0, 100)))
    return tuple(out)


def decode_worksheet(obj: Any, where: str) -> Worksheet:
    fields = Fields(obj, where, SHEET_FIELDS)
    sheet_id = fields.identifier()
    happened_on = fields.day("happened_on", required=True)
    created_at = fields.moment("created_at", required=True)
    traps = fields.texts("traps", len(TRAPS), 40, clean=str)
    for trap in traps:
        if trap not in TRAPS:
            raise fields.problem(f"traps must each be one of {', '.join(TRAPS)}")
    if len(set(traps)) != len(traps):
        raise fields.problem("traps lists the same thinking trap twice")
    return build_record(lambda: Worksheet(
        id=sheet_id, happened_on=happened_on, created_at=created_at,
        updated_at=fields.moment("updated_at"),
        category=fields.choice("category", FEAR_CATEGORIES),
        situation=fields.text("situation", MAX_TEXT), who=fields.text("who", MAX_TEXT),
        thought=fields.text("thought", MAX_TEXT),
        belief_before=fields.whole("belief_before", 0, 100),
        emotions_before=_decode_emotions(fields, "emotions_before"),
        evidence_for=fields.texts("evidence_for", MAX_ITEMS, MAX_TEXT),
        evidence_against=fields.texts("evidence_against", MAX_ITEMS, MAX_TEXT),
        verdict=fields.choice("verdict", VERDICTS), traps=traps,
        balanced_view=fields.text("balanced_view", MAX_TEXT),
        belief_after=fields.whole("belief_after", 0, 100),
        emotions_after=_decode_emotions(fields, "emotions_after")), fields.where)


# -- small steps -------------------------------------------------------------------------
STEP_FIELDS = frozenset({"id", "worksheet_id", "created_at", "updated_at", "text", "due",
                         "prediction", "likelihood", "what_happened", "outcome", "learned",
                         "followed_up_on"})


def encode_step(step: SmallStep, created_at: datetime | None) -> dict[str, Any]:
    return {
        "id": step.id,
        "worksheet_id": step.worksheet_id,
        "created_at": iso_moment(created_at),
        "updated_at": iso_moment(step.updated_at),
        "text": step.text,
        "due": iso_day(step.due),
        "prediction": step.prediction,
        "likelihood": step.likelihood,
        "what_happened": step.what_happened,
        "outcome": step.outcome,
        "learned": step.learned,
        "followed_up_on": iso_day(step.followed_up_on),
    }


def decode_step(obj: Any, where: str) -> tuple[SmallStep, datetime | None]:
    """The step and when it was planned (None when the file doesn't say)."""
    fields = Fields(obj, where, STEP_FIELDS)
    step_id = fields.identifier()
    created_at = fields.moment("created_at")
    step = build_record(lambda: SmallStep(
        id=step_id, worksheet_id=fields.optional_identifier("worksheet_id"),
        text=fields.text("text", MAX_TEXT), due=fields.day("due"),
        prediction=fields.text("prediction", MAX_TEXT),
        likelihood=fields.whole("likelihood", 0, 100),
        what_happened=fields.text("what_happened", MAX_TEXT),
        outcome=fields.choice("outcome", OUTCOMES), learned=fields.text("learned", MAX_TEXT),
        followed_up_on=fields.day("followed_up_on", ranged=False),
        updated_at=fields.moment("updated_at")), fields.where)
    return step, created_at
