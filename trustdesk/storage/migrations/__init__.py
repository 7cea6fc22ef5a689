"""The schema as a numbered ladder on `PRAGMA user_version`.

Each step lives in its own module `mNNN_<name>.py` exposing `VERSION`, `SQL` (a
script of statements) and optionally `upgrade(conn)` for data changes. A step runs
in one transaction together with the version bump, so a crash leaves the file at
the old or the new version, never between. The vault takes a verified backup
before running any step on an existing journal.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

import sqlcipher3
from sqlcipher3 import Connection

# Append new steps here, in order. Never edit a step that has shipped.
_STEP_MODULES = (
    "m001_settings",
    "m002_journal",
    "m003_worksheets",
    "m004_checkin_index",
    "m005_fts_pages",
    "m006_worksheet_safety",
    "m007_step_snooze",
    "m008_entry_history",
    "m009_index_after_editing",
    "m010_import_versions",
    "m011_plain_list_text",
)


@dataclass(frozen=True)
class Migration:
    version: int
    sql: str
    upgrade: Callable[[Connection], None] | None = None


def _load(name: str) -> Migration:
    module = importlib.import_module(f"{__name__}.{name}")
    return Migration(module.VERSION, module.SQL, getattr(module, "upgrade", None))


STEPS: tuple[Migration, ...] = tuple(_load(name) for name in _STEP_MODULES)
LATEST = len(STEPS)
assert [step.version for step in STEPS] == list(range(1, LATEST + 1)), "gap in migrations"


def statements(script: str) -> list[str]:
    """Split a SQL script into complete statements (triggers included)."""
    out: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlcipher3.complete_statement(pending):
            if pending.strip():
                out.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError("incomplete SQL statement at the end of a migration")
    return out


def migrate(conn: Connection, *, current: int, target: int = LATEST) -> None:
    """Run steps current+1 .. target on an autocommit connection, one transaction each."""
    for step in STEPS[current:target]:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements(step.sql):
                conn.execute(statement)
            if step.upgrade is not None:
                step.upgrade(conn)
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
