"""Cleaning what people type or paste, and small shared validators."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
EARLIEST_DATE = date(1900, 1, 1)
FUTURE_LIMIT = timedelta(days=366)  # how far ahead a person may date something


class InvalidRecord(ValueError):
    """A record that can't be saved. `str(error)` is one plain sentence to show."""


def new_id() -> str:
    # Imported here: uuid (and the platform module it loads) cost ~2 ms before the
    # app's first paint, and ids are made only after unlocking.
    import uuid

    return uuid.uuid4().hex


def clean_text(text: str) -> str:
    """Text as we store it: line endings become \\n, lone surrogates (from broken
    pastes) become U+FFFD, and control characters other than tab and newline go.
    Emoji, right-to-left text and CJK pass through unchanged."""
    if not text:
        return ""
    # UTF-16 round trip: paired surrogates join into one character, lone ones
    # become a single U+FFFD.
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def clean_line(text: str) -> str:
    """A single-line field: cleaned, newlines and tabs folded to spaces, trimmed."""
    return " ".join(clean_text(text).split())


def check_rating(value: int | None, low: int, high: int, what: str) -> None:
    """None means "not rated"; otherwise an int in [low, high]."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidRecord(f"{what} must be a whole number from {low} to {high}.")


def check_length(text: str, limit: int, what: str) -> None:
    if len(text) > limit:
        raise InvalidRecord(f"{what} is longer than TrustDesk can keep ({limit:,} characters). "
                            "Nothing was lost; please shorten it or split it in two.")


def check_date(day: date, what: str) -> None:
    """The invariant every stored record keeps: no date before 1900. It does not look
    at today: a record read back must never fail because the computer's clock moved
    (see `trustdesk.domain.clock`, which checks the dates a person sets)."""
    if day < EARLIEST_DATE:
        raise InvalidRecord(f"{what} must not be before {EARLIEST_DATE:%Y}.")


def check_datetime(moment: datetime, what: str) -> None:
    check_date(moment.date(), what)
