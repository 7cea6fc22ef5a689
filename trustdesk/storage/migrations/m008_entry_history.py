"""Version 8: earlier versions of journal entries (entry history).

- `entry_versions`: the title and text an entry had before a save replaced them,
  kept by the rules of trustdesk/domain/history.py in the same transaction as that
  save. `saved_at` is when that text was saved (it was current from then) and
  `kept_at` when it was replaced and kept; expiry counts from `kept_at`. `words` is
  counted once, so the history list reads no text.
- Versions belong to their entry: deleting the entry deletes them (`ON DELETE
  CASCADE`, with foreign keys on), and `PRAGMA secure_delete` zeroes their bytes.
- They are not in the full-text index, so searching never finds an old version.

Limits mirror trustdesk/domain/journal.py as it was when this step shipped.
"""

VERSION = 8

_ISO = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]'"

SQL = f"""
CREATE TABLE entry_versions (
    id       INTEGER PRIMARY KEY,
    entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    saved_at TEXT NOT NULL CHECK (saved_at GLOB {_ISO}),
    kept_at  TEXT NOT NULL CHECK (kept_at GLOB {_ISO}),
    reason   TEXT NOT NULL
             CHECK (reason IN ('session', 'deletion', 'interval', 'restore', 'imported')),
    words    INTEGER NOT NULL CHECK (words >= 0),
    title    TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 300),
    body     TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 1000000)
) STRICT;

-- An entry's versions, newest last; and expiry by age across the journal.
CREATE INDEX entry_versions_by_entry ON entry_versions (entry_id, kept_at);
CREATE INDEX entry_versions_by_age ON entry_versions (kept_at);
"""
