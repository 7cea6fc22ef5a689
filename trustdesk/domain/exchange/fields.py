"""Reading one JSON object's fields for an import, each check naming the record and
the field ("entry 12 (id 'abc'): mood must be a whole number from 0 to 10"), and the
`ImportProblem` error that carries such a sentence. Pure: no file, Qt or SQL work.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from trustdesk.domain.clock import latest_new_date
from trustdesk.domain.text import EARLIEST_DATE, InvalidRecord, clean_line, clean_text

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


def iso_moment(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def iso_day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


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
        """A date and time between 1900 and a year from today. `updated_at` decides
        which copy wins a merge, so one from the far future would win forever."""
        value = self.obj.get(key)
        if value is None:
            if required:
                raise self.problem(f"{key} is missing")
            return None
        moment = read_moment(value, key, self.where)
        self.check_range(moment.date(), key)
        return moment

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
        """Dates in a file are dates being set: 1900 to a year from today."""
        latest = latest_new_date()
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


def build_record[T](make: Callable[[], T], where: str) -> T:
    """Build a domain record; its own checks are the last line of defence."""
    try:
        return make()
    except InvalidRecord as exc:
        text = str(exc)
        raise ImportProblem(f"{where}: {text[:1].lower()}{text[1:].rstrip('.')}") from None
