"""Settings stored as JSON values in the vault's `settings` table."""

from __future__ import annotations

import json
from typing import Any

from sqlcipher3 import Connection

from trustdesk.domain.safety_card import SafetyCard
from trustdesk.domain.settings import AppSettings
from trustdesk.domain.spelling.checker import MAX_PERSONAL_WORDS, clean_personal_word
from trustdesk.storage.vault import Vault

_APP_PREFIX = "app."
HISTORY_DAYS_KEY = _APP_PREFIX + "history_days"   # AppSettings.history_days
SAFETY_CARD_KEY = "safety.card"  # the person's own people and numbers (safety_card.py)
PERSONAL_WORDS_KEY = "spelling.words"  # the person's dictionary: words never marked


class SettingsRepository:
    """Key/value settings inside the encrypted file. Any thread, via the vault lock."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def get(self, key: str, default: Any = None) -> Any:
        with self._vault.read() as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set(self, key: str, value: Any) -> None:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
        with self._vault.transaction() as conn:
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, text))

    def load_app_settings(self) -> AppSettings:
        with self._vault.read() as conn:
            rows = conn.execute(
                "SELECT key, value FROM settings WHERE key >= ? AND key < ?",
                (_APP_PREFIX, _APP_PREFIX[:-1] + chr(ord(_APP_PREFIX[-1]) + 1))
            ).fetchall()
        stored = {key.removeprefix(_APP_PREFIX): json.loads(value) for key, value in rows}
        return AppSettings.from_mapping(stored)

    def save_app_settings(self, settings: AppSettings) -> None:
        with self._vault.transaction() as conn:
            conn.executemany(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [(_APP_PREFIX + key, json.dumps(value))
                 for key, value in settings.as_mapping().items()])

    @staticmethod
    def history_days_in(conn: Connection) -> int:
        """`AppSettings.history_days`, read alone inside the caller's read or
        transaction (every autosave asks: one key, not every setting)."""
        row = conn.execute("SELECT value FROM settings WHERE key = ?",
                           (HISTORY_DAYS_KEY,)).fetchone()
        if row is None:
            return AppSettings().history_days
        return AppSettings.from_mapping({"history_days": json.loads(row[0])}).history_days

    @staticmethod
    def set_history_days_in(conn: Connection, days: int) -> None:
        """Store `AppSettings.history_days` inside the caller's transaction."""
        AppSettings(history_days=days)  # raises ValueError for a value it can't keep
        conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     (HISTORY_DAYS_KEY, json.dumps(days)))

    # -- the safety card ("My people and numbers") ----------------------------------
    def load_safety_card(self) -> SafetyCard:
        """The card as last saved; an empty card when there is none (or it can't be
        read, which a future version's card might be)."""
        with self._vault.read() as conn:
            return self.safety_card_in(conn)

    @staticmethod
    def safety_card_in(conn: Connection) -> SafetyCard:
        """`load_safety_card` inside a read or transaction the caller holds."""
        row = conn.execute("SELECT value FROM settings WHERE key = ?",
                           (SAFETY_CARD_KEY,)).fetchone()
        if row is None:
            return SafetyCard()
        try:
            return SafetyCard.from_mapping(json.loads(row[0]))
        except ValueError:
            return SafetyCard()

    @staticmethod
    def save_safety_card_in(conn: Connection, card: SafetyCard) -> None:
        """`save_safety_card` inside a transaction the caller holds (an import)."""
        if card.is_empty:
            conn.execute("DELETE FROM settings WHERE key = ?", (SAFETY_CARD_KEY,))
            return
        conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     (SAFETY_CARD_KEY, json.dumps(card.as_mapping(), ensure_ascii=False)))

    def save_safety_card(self, card: SafetyCard) -> None:
        """Keep `card` inside the encrypted journal; an empty card removes the row
        (its freed page is wiped, as every deleted page is)."""
        with self._vault.transaction() as conn:
            self.save_safety_card_in(conn, card)

    # -- the personal dictionary ("Add to my dictionary") -------------------------------
    def load_personal_words(self) -> list[str]:
        """The person's own words, in the order they were added."""
        with self._vault.read() as conn:
            return self.personal_words_in(conn)

    @staticmethod
    def personal_words_in(conn: Connection) -> list[str]:
        """`load_personal_words` inside a read or transaction the caller holds. Anything
        that isn't a word (a damaged or future value) is left out."""
        row = conn.execute("SELECT value FROM settings WHERE key = ?",
                           (PERSONAL_WORDS_KEY,)).fetchone()
        if row is None:
            return []
        try:
            stored = json.loads(row[0])
        except ValueError:
            return []
        words: list[str] = []
        for item in stored if isinstance(stored, list) else []:
            try:
                words.append(clean_personal_word(item) if isinstance(item, str) else "")
            except ValueError:
                continue
        return [word for word in words if word]

    @staticmethod
    def merge_personal_words_in(conn: Connection, words: list[str]) -> list[str]:
        """Add the `words` not in the dictionary yet (compared without regard to
        case), inside a transaction the caller holds. Returns those added."""
        mine = SettingsRepository.personal_words_in(conn)
        known = {word.casefold() for word in mine}
        added: list[str] = []
        for word in words:
            cleaned = clean_personal_word(word)
            if cleaned.casefold() not in known and len(mine) + len(added) < MAX_PERSONAL_WORDS:
                known.add(cleaned.casefold())
                added.append(cleaned)
        if added:
            conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                         (PERSONAL_WORDS_KEY, json.dumps(mine + added, ensure_ascii=False)))
        return added

    def add_personal_word(self, word: str) -> None:
        """Keep `word` in the person's dictionary, inside the encrypted journal."""
        with self._vault.transaction() as conn:
            self.merge_personal_words_in(conn, [word])
