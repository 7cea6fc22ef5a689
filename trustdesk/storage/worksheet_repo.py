"""Fear-reframing worksheets and their small steps in the vault.

One method per action; each write is one transaction, so a crash leaves a sheet
as it was before or after a save, never half-written. Any thread may call these
(the vault serialises access); a save takes about a millisecond.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlcipher3 import Connection

from trustdesk.domain.clock import check_new_date
from trustdesk.domain.worksheet import (
    STATUSES,
    THOUGHT_PREVIEW,
    DueStep,
    Emotion,
    SmallStep,
    Worksheet,
    WorksheetRow,
)
from trustdesk.storage.vault import Vault

# Every character Python's str.strip() removes, so SQL's trim() agrees with the
# domain's idea of "empty" (a view of only spaces and line breaks is still empty).
# (A test checks this list against every code point.)
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
              + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000")

_SHEET_COLUMNS = ("id, happened_on, situation, who, category, thought, belief_before, "
                  "verdict, balanced_view, belief_after, created_at, updated_at, pattern")
_STEP_COLUMNS = ("id, worksheet_id, text, due, prediction, likelihood, what_happened, "
                 "outcome, learned, followed_up_on, updated_at, playing_safe, "
                 "belief_at_follow_up, snoozed_until, skipped_on")
_STEP_WIDTH = len(_STEP_COLUMNS.split(","))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _now() -> str:
    return datetime.now().replace(microsecond=0).isoformat()


def _step_from(row: Any) -> SmallStep:
    return SmallStep(id=row[0], worksheet_id=row[1], text=row[2], due=_day(row[3]),
                     prediction=row[4], likelihood=row[5], what_happened=row[6],
                     outcome=row[7], learned=row[8], followed_up_on=_day(row[9]),
                     updated_at=_moment(row[10]), playing_safe=row[11],
                     belief_at_follow_up=row[12], snoozed_until=_day(row[13]),
                     skipped_on=_day(row[14]))


def _period(column: str, start: date | None, end: date | None) -> tuple[str, list[str]]:
    """A WHERE fragment for an inclusive date range on `column` (either end open)."""
    clauses, params = [], []
    if start is not None:
        clauses.append(f"{column} >= ?")
        params.append(start.isoformat())
    if end is not None:
        clauses.append(f"{column} <= ?")
        params.append(end.isoformat())
    return (" AND ".join(clauses) or "1"), params


def _iso_day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _upsert_sheet(conn: Connection, worksheet: Worksheet, updated_at: str | None, *,
                  exact: bool) -> None:
    """Write a sheet's row and replace its feelings, evidence and traps. `exact` also
    overwrites `created_at` of an existing row (imports); saves keep the first one."""
    sheet_id = worksheet.id
    conn.execute(
        f"INSERT INTO worksheets ({_SHEET_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(id) DO UPDATE SET happened_on = excluded.happened_on, "
        "situation = excluded.situation, who = excluded.who, "
        "category = excluded.category, thought = excluded.thought, "
        "belief_before = excluded.belief_before, verdict = excluded.verdict, "
        "balanced_view = excluded.balanced_view, "
        "belief_after = excluded.belief_after, updated_at = excluded.updated_at, "
        "pattern = excluded.pattern"
        + (", created_at = excluded.created_at" if exact else ""),
        (sheet_id, worksheet.happened_on.isoformat(), worksheet.situation,
         worksheet.who, worksheet.category, worksheet.thought,
         worksheet.belief_before, worksheet.verdict, worksheet.balanced_view,
         worksheet.belief_after, worksheet.created_at.isoformat(), updated_at,
         worksheet.pattern))
    for table in ("worksheet_emotions", "worksheet_evidence", "worksheet_traps"):
        conn.execute(f"DELETE FROM {table} WHERE worksheet_id = ?", (sheet_id,))
    conn.executemany(
        "INSERT INTO worksheet_emotions VALUES (?, ?, ?, ?, ?)",
        [(sheet_id, phase, n, e.name, e.intensity)
         for phase, emotions in (("before", worksheet.emotions_before),
                                 ("after", worksheet.emotions_after))
         for n, e in enumerate(emotions)])
    conn.executemany(
        "INSERT INTO worksheet_evidence VALUES (?, ?, ?, ?)",
        [(sheet_id, side, n, text)
         for side, texts in (("for", worksheet.evidence_for),
                             ("against", worksheet.evidence_against))
         for n, text in enumerate(texts)])
    conn.executemany("INSERT INTO worksheet_traps VALUES (?, ?, ?)",
                     [(sheet_id, trap, n) for n, trap in enumerate(worksheet.traps)])


def _upsert_step(conn: Connection, step: SmallStep, sheet_id: str | None, *, created_at: str | None,
                 updated_at: str | None, exact: bool) -> None:
    """Write a step. `exact` (imports) also overwrites `created_at`, the snooze and
    the skip as given; a save from the worksheet keeps them unless the step's date
    changed (a new date starts afresh)."""
    if exact:
        plan = (", created_at = excluded.created_at, snoozed_until = excluded.snoozed_until, "
                "skipped_on = excluded.skipped_on")
    else:
        plan = (", snoozed_until = CASE WHEN small_steps.due IS excluded.due "
                "THEN small_steps.snoozed_until END, "
                "skipped_on = CASE WHEN small_steps.due IS excluded.due "
                "THEN small_steps.skipped_on END")
    conn.execute(
        "INSERT INTO small_steps (id, worksheet_id, text, due, prediction, likelihood, "
        "what_happened, outcome, learned, followed_up_on, created_at, updated_at, "
        "playing_safe, belief_at_follow_up, snoozed_until, skipped_on) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
        "worksheet_id = excluded.worksheet_id, text = excluded.text, "
        "due = excluded.due, prediction = excluded.prediction, "
        "likelihood = excluded.likelihood, what_happened = excluded.what_happened, "
        "outcome = excluded.outcome, learned = excluded.learned, "
        "followed_up_on = excluded.followed_up_on, updated_at = excluded.updated_at, "
        "playing_safe = excluded.playing_safe, "
        "belief_at_follow_up = excluded.belief_at_follow_up" + plan,
        (step.id, sheet_id, step.text, _iso_day(step.due),
         step.prediction, step.likelihood, step.what_happened, step.outcome,
         step.learned, _iso_day(step.followed_up_on),
         created_at, updated_at, step.playing_safe, step.belief_at_follow_up,
         _iso_day(step.snoozed_until), _iso_day(step.skipped_on)))


def _check_dates_set(conn: Connection, worksheet: Worksheet) -> None:
    """The sheet's day and its step's date, where they differ from what is stored,
    must be dates a person may set today (InvalidRecord otherwise). Dates carried
    over unchanged are never judged: the clock may have moved since."""
    stored = conn.execute("SELECT happened_on FROM worksheets WHERE id = ?",
                          (worksheet.id,)).fetchone()
    if stored is None or stored[0] != worksheet.happened_on.isoformat():
        check_new_date(worksheet.happened_on, "The date of what happened")
    step = worksheet.step
    if step is not None and step.due is not None:
        stored = conn.execute("SELECT due FROM small_steps WHERE id = ?",
                              (step.id,)).fetchone()
        if stored is None or stored[0] != step.due.isoformat():
            check_new_date(step.due, "The step's date")


class WorksheetRepository:
    """Reads and writes worksheets and small steps. Accepts and returns domain records."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # -- writing ---------------------------------------------------------------
    def save(self, worksheet: Worksheet) -> Worksheet:
        """Insert or replace the whole sheet (feelings, evidence, traps and its step)
        in one transaction. Returns the sheet as stored (with `updated_at` set)."""
        now = _now()
        sheet_id = worksheet.id
        with self._vault.transaction() as conn:
            _check_dates_set(conn, worksheet)
            _upsert_sheet(conn, worksheet, now, exact=False)
            step = worksheet.step
            conn.execute("DELETE FROM small_steps WHERE worksheet_id = ? AND id IS NOT ?",
                         (sheet_id, step.id if step else None))
            if step is not None:
                self._write_step(conn, step, sheet_id, now)
        return self._stamped(worksheet, now)

    def _write_step(self, conn: Connection, step: SmallStep, sheet_id: str | None,
                    now: str) -> None:
        _upsert_step(conn, step, sheet_id, created_at=now, updated_at=now, exact=False)

    # -- connection-level helpers, for work spanning repositories (imports) -----
    @staticmethod
    def write_in(conn: Connection, worksheet: Worksheet) -> None:
        """Insert or replace a sheet with its feelings, evidence and traps exactly as
        given (its own `created_at` and `updated_at`), inside the caller's
        transaction. Its step is left alone: write steps with `write_step_in`."""
        _upsert_sheet(conn, worksheet, _iso(worksheet.updated_at), exact=True)

    @staticmethod
    def write_step_in(conn: Connection, step: SmallStep, created_at: datetime) -> None:
        """Insert or replace a step exactly as given (its own `updated_at`, planned at
        `created_at`), inside the caller's transaction. Its worksheet must exist."""
        _upsert_step(conn, step, step.worksheet_id, created_at=_iso(created_at),
                     updated_at=_iso(step.updated_at), exact=True)

    @staticmethod
    def delete_step_in(conn: Connection, step_id: str) -> None:
        conn.execute("DELETE FROM small_steps WHERE id = ?", (step_id,))

    @staticmethod
    def stamps_in(conn: Connection) -> dict[str, datetime | None]:
        """Every sheet's id with when it last changed (`updated_at`, else `created_at`)."""
        return {sheet_id: _moment(stamp) for sheet_id, stamp in conn.execute(
            "SELECT id, coalesce(updated_at, created_at) FROM worksheets")}

    @staticmethod
    def step_stamps_in(conn: Connection) -> dict[str, tuple[str | None, datetime | None]]:
        """Every step's id with its worksheet's id and when it last changed."""
        return {step_id: (sheet_id, _moment(stamp)) for step_id, sheet_id, stamp in
                conn.execute("SELECT id, worksheet_id, coalesce(updated_at, created_at) "
                             "FROM small_steps")}

    def step_created_times(self) -> dict[str, datetime]:
        """When each step was planned (kept by storage, not by the domain record)."""
        with self._vault.read() as conn:
            return {step_id: datetime.fromisoformat(created) for step_id, created in
                    conn.execute("SELECT id, created_at FROM small_steps")}

    @staticmethod
    def _stamped(worksheet: Worksheet, now: str) -> Worksheet:
        moment = datetime.fromisoformat(now)
        step = worksheet.step
        if step is not None:
            step = replace(step, worksheet_id=worksheet.id, updated_at=moment)
        return replace(worksheet, step=step, updated_at=moment)

    def save_follow_up(self, step: SmallStep) -> SmallStep:
        """Record how a step went: only the follow-up fields change (what happened,
        the outcome, what was learned, belief in the first thought now). Raises
        KeyError if the step no longer exists (its worksheet was deleted meanwhile)."""
        now = _now()
        with self._vault.transaction() as conn:
            changed = conn.execute(
                "UPDATE small_steps SET what_happened = ?, outcome = ?, learned = ?, "
                "belief_at_follow_up = ?, followed_up_on = ?, updated_at = ? WHERE id = ?",
                (step.what_happened, step.outcome, step.learned, step.belief_at_follow_up,
                 step.followed_up_on.isoformat() if step.followed_up_on else None,
                 now, step.id)).rowcount
        if changed != 1:
            raise KeyError(step.id)
        return replace(step, updated_at=datetime.fromisoformat(now))

    def save_plan(self, step: SmallStep) -> SmallStep:
        """Record a snooze or a skip (see domain/steps.py): only `snoozed_until` and
        `skipped_on` change. Raises KeyError if the step no longer exists."""
        for day, what in ((step.snoozed_until, "The day it is snoozed to"),
                          (step.skipped_on, "The day it was skipped")):
            if day is not None:
                check_new_date(day, what)
        now = _now()
        with self._vault.transaction() as conn:
            changed = conn.execute(
                "UPDATE small_steps SET snoozed_until = ?, skipped_on = ?, updated_at = ? "
                "WHERE id = ?", (_iso_day(step.snoozed_until), _iso_day(step.skipped_on),
                                 now, step.id)).rowcount
        if changed != 1:
            raise KeyError(step.id)
        return replace(step, updated_at=datetime.fromisoformat(now))

    def due_count(self, today: date) -> int:
        """How many small steps wait on `today` (the sidebar's count)."""
        return len(self.follow_ups_due(today))

    def delete(self, worksheet_id: str) -> None:
        """Delete a sheet with everything in it, its small step included."""
        with self._vault.transaction() as conn:
            conn.execute("DELETE FROM worksheets WHERE id = ?", (worksheet_id,))

    def duplicate(self, worksheet_id: str, *, today: date | None = None) -> Worksheet:
        """Save and return a new draft that starts from this sheet's fear and thought."""
        original = self.get(worksheet_id)
        if original is None:
            raise KeyError(worksheet_id)
        return self.save(original.starting_point(today=today))

    # -- reading ---------------------------------------------------------------
    def get(self, worksheet_id: str) -> Worksheet | None:
        found = self._load("w.id = ?", [worksheet_id])
        return found[0] if found else None

    def all_worksheets(self, start: date | None = None,
                       end: date | None = None) -> list[Worksheet]:
        """Every sheet whose day falls in [start, end] (either end open), with its
        step, oldest first by the day it happened (then by when it was started)."""
        where, params = _period("w.happened_on", start, end)
        return self._load(where, params)

    def steps(self, start: date | None = None, end: date | None = None) -> list[SmallStep]:
        """Small steps whose date (or, without one, the day they were planned) falls
        in [start, end], oldest first by that date, then by when they were planned."""
        day = "coalesce(due, date(created_at))"
        where, params = _period(day, start, end)
        with self._vault.read() as conn:
            rows = conn.execute(
                f"SELECT {_STEP_COLUMNS} FROM small_steps WHERE {where} "
                f"ORDER BY {day}, created_at, id", params).fetchall()
        return [_step_from(row) for row in rows]

    def rows(self, *, today: date, category: str | None = None,
             status: str | None = None) -> list[WorksheetRow]:
        """The list page's rows, newest first, optionally only one fear category
        and one status (see `STATUSES`; judged as of `today`)."""
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        where, params = ("w.category = ?", [category]) if category else ("1", [])
        with self._vault.read() as conn:
            found = conn.execute(
                "SELECT w.id, w.happened_on, w.category, substr(w.thought, 1, ?), "
                "w.belief_before, w.belief_after, "
                "length(trim(w.thought, ?)) > 0 AND w.belief_before IS NOT NULL "
                "AND w.belief_after IS NOT NULL AND length(trim(w.balanced_view, ?)) > 0, "
                "s.due, s.outcome IS NOT NULL, w.created_at "
                "FROM worksheets w LEFT JOIN small_steps s ON s.worksheet_id = w.id "
                f"WHERE {where} ORDER BY w.happened_on DESC, w.created_at DESC, w.id",
                [THOUGHT_PREVIEW, WHITESPACE, WHITESPACE, *params]).fetchall()
        rows = [WorksheetRow(id=r[0], happened_on=date.fromisoformat(r[1]), category=r[2],
                             thought=r[3], belief_before=r[4], belief_after=r[5],
                             is_complete=bool(r[6]), step_due=_day(r[7]),
                             step_followed_up=bool(r[8]), created_at=_moment(r[9]))
                for r in found]
        if status is not None:
            rows = [row for row in rows if row.status(today) == status]
        return rows

    def follow_ups_due(self, today: date) -> list[DueStep]:
        """Steps whose date has come (on or before `today`) with no outcome yet,
        oldest first, each with the thought and fear of its worksheet."""
        with self._vault.read() as conn:
            found = conn.execute(
                f"SELECT {', '.join('s.' + c.strip() for c in _STEP_COLUMNS.split(','))}, "
                "substr(w.thought, 1, ?), w.category, w.happened_on, w.verdict, "
                "w.belief_before "
                "FROM small_steps s LEFT JOIN worksheets w ON w.id = s.worksheet_id "
                "WHERE s.outcome IS NULL AND s.skipped_on IS NULL AND s.due <= ? "
                "AND (s.snoozed_until IS NULL OR s.snoozed_until <= ?) "
                "ORDER BY max(s.due, coalesce(s.snoozed_until, s.due)), s.created_at",
                (THOUGHT_PREVIEW, today.isoformat(), today.isoformat())).fetchall()
        n = _STEP_WIDTH
        found = [row for row in found if _step_from(row[:n]).is_due(today)]  # the one rule
        return [DueStep(step=_step_from(row[:n]), thought=row[n] or "", category=row[n + 1],
                        happened_on=_day(row[n + 2]), verdict=row[n + 3],
                        belief_before=row[n + 4]) for row in found]

    def count(self) -> int:
        with self._vault.read() as conn:
            return int(conn.execute("SELECT count(*) FROM worksheets").fetchone()[0])

    def _load(self, where: str, params: list[Any]) -> list[Worksheet]:
        """Sheets matching `where` (on alias w) with their children: five queries in
        all, however many sheets there are."""
        inner = f"SELECT w.id FROM worksheets w WHERE {where}"
        with self._vault.read() as conn:
            sheets = conn.execute(
                f"SELECT {_SHEET_COLUMNS} FROM worksheets w WHERE {where} "
                "ORDER BY w.happened_on, w.created_at, w.id", params).fetchall()
            if not sheets:
                return []
            emotions = conn.execute(
                "SELECT worksheet_id, phase, name, intensity FROM worksheet_emotions "
                f"WHERE worksheet_id IN ({inner}) ORDER BY worksheet_id, phase, position",
                params).fetchall()
            evidence = conn.execute(
                "SELECT worksheet_id, side, text FROM worksheet_evidence "
                f"WHERE worksheet_id IN ({inner}) ORDER BY worksheet_id, side, position",
                params).fetchall()
            traps = conn.execute(
                "SELECT worksheet_id, trap FROM worksheet_traps "
                f"WHERE worksheet_id IN ({inner}) ORDER BY worksheet_id, position",
                params).fetchall()
            steps = conn.execute(
                f"SELECT {_STEP_COLUMNS} FROM small_steps "
                f"WHERE worksheet_id IN ({inner})", params).fetchall()
        feelings: dict[tuple[str, str], list[Emotion]] = defaultdict(list)
        for sheet_id, phase, name, intensity in emotions:
            feelings[(sheet_id, phase)].append(Emotion(name, intensity))
        items: dict[tuple[str, str], list[str]] = defaultdict(list)
        for sheet_id, side, text in evidence:
            items[(sheet_id, side)].append(text)
        ticked: dict[str, list[str]] = defaultdict(list)
        for sheet_id, trap in traps:
            ticked[sheet_id].append(trap)
        step_of = {row[1]: _step_from(row) for row in steps}
        return [Worksheet(
            id=r[0], happened_on=date.fromisoformat(r[1]), situation=r[2], who=r[3],
            category=r[4], thought=r[5], belief_before=r[6],
            emotions_before=tuple(feelings[(r[0], "before")]),
            evidence_for=tuple(items[(r[0], "for")]),
            evidence_against=tuple(items[(r[0], "against")]),
            verdict=r[7], traps=tuple(ticked[r[0]]), balanced_view=r[8],
            belief_after=r[9], emotions_after=tuple(feelings[(r[0], "after")]),
            step=step_of.get(r[0]), created_at=datetime.fromisoformat(r[10]),
            updated_at=_moment(r[11]), pattern=r[12]) for r in sheets]
