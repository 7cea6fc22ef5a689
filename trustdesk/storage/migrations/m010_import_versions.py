"""Version 10: an import keeps what it overwrites.

When an import brings a newer copy of an entry the journal has, the entry's text
as it was is kept as an earlier version first, with the reason 'import'. SQLite
can't change a CHECK constraint in place, so `entry_versions` is rebuilt with the
new reason allowed: copied whole into a new table, the old one dropped (its pages
zeroed by `PRAGMA secure_delete`), the new one renamed, and its indexes made
again. Nothing else refers to `entry_versions`, so the foreign keys stay on.

Limits mirror trustdesk/domain/journal.py as it was when this step shipped.
"""

VERSION = 10

_ISO = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]'"

SQL = f"""
CREATE TABLE entry_versions_new (
    id       INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    saved_at TEXT NOT NULL CHECK (saved_at GLOB {_ISO}),
    kept_at  TEXT NOT NULL CHECK (kept_at GLOB {_ISO}),
    reason   TEXT NOT NULL CHECK (reason IN ('session', 'deletion', 'interval', 'restore',
                                             'imported', 'import')),
    words    INTEGER NOT NULL CHECK (words >= 0),
    title    TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 300),
    body     TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 1000000)
) STRICT;

INSERT INTO entry_versions_new (id, entry_id, saved_at, kept_at, reason, words, title, body)
    SELECT id, entry_id, saved_at, kept_at, reason, words, title, body FROM entry_versions;
DROP TABLE entry_versions;
ALTER TABLE entry_versions_new RENAME TO entry_versions;

-- An entry's versions, newest last; and expiry by age across the journal.
CREATE INDEX entry_versions_by_entry ON entry_versions (entry_id, kept_at);
CREATE INDEX entry_versions_by_age ON entry_versions (kept_at);
"""
