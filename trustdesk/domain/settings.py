"""Preferences a person sets in TrustDesk. They live inside the encrypted vault."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from trustdesk.domain.spelling import LANGUAGE_NAMES

THEMES = ("system", "light", "dark")
TEXT_SCALES = (90, 100, 115, 130, 150)
AUTO_LOCK_CHOICES = (0, 1, 2, 5, 10, 15, 30, 60)  # minutes; 0 means never
DEFAULT_HISTORY_DAYS = 30  # entry history (domain/history.py), kept this many days


@dataclass(frozen=True)
class AppSettings:
    theme: str = "system"
    text_scale: int = 100           # percent of the platform's default font size
    auto_lock_minutes: int = 5      # 0 = never, otherwise 1..60
    history_days: int = DEFAULT_HISTORY_DAYS  # keep earlier versions of entries; 0 = none
    spell_check: bool = True        # misspellings marked as you type
    spelling_language: str = ""     # a word list's language; "" = the computer's

    def __post_init__(self) -> None:
        if self.theme not in THEMES:
            raise ValueError(f"theme must be one of {THEMES}")
        if self.text_scale not in TEXT_SCALES:
            raise ValueError(f"text_scale must be one of {TEXT_SCALES}")
        if not (self.auto_lock_minutes == 0 or 1 <= self.auto_lock_minutes <= 60):
            raise ValueError("auto_lock_minutes must be 0 (never) or between 1 and 60")
        if type(self.history_days) is not int or not 0 <= self.history_days <= 3650:
            raise ValueError("history_days must be 0 (none) or a number of days up to 3650")
        if not isinstance(self.spell_check, bool):
            raise ValueError("spell_check must be true or false")
        if self.spelling_language not in ("", *LANGUAGE_NAMES):
            raise ValueError(f"spelling_language must be '' or one of {tuple(LANGUAGE_NAMES)}")

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> AppSettings:
        """Build from stored values, keeping defaults for anything missing or invalid,
        so a damaged or future setting never stops the app from opening."""
        result = cls()
        for field in fields(cls):
            if field.name not in values:
                continue
            try:
                result = cls(**{**asdict(result), field.name: values[field.name]})
            except (TypeError, ValueError):
                continue
        return result

    def as_mapping(self) -> dict[str, Any]:
        return asdict(self)
