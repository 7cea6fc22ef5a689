"""Version 1: the settings table. Values are JSON text so one table holds every
kind of setting; the domain decides what each key means."""

VERSION = 1

SQL = """
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 100),
    value TEXT NOT NULL CHECK (json_valid(value))
) STRICT, WITHOUT ROWID;
"""
