"""Version 2: journal entries, their tags, and a full-text index.

- `entries` keeps the list's columns (time, title, first line, preview, ratings)
  before `body`, so reading a list row never walks a long body's overflow pages.
  `written_at` is local wall-clock time as ISO text, which sorts correctly.
- `doc` is the entry's number in the full-text index. It is an explicit column
  because SQLite's implicit rowids may change on VACUUM, which would silently
  point the index at the wrong entries.
- `entries_fts` is an external-content FTS5 index (the text is stored once, in
  `entries`) kept in step by triggers. `remove_diacritics 2` lets "cafe" find
  "café". FTS5 `secure-delete` is on: without it, words of deleted or edited
  entries stay readable inside the index's pages.
- Tags are normalised in their own table; orphaned tags are removed by the
  repository so a deleted entry's tag names don't linger.
"""

VERSION = 2

_ISO = "'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]'"

SQL = f"""
CREATE TABLE entries (
    id           TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
    doc          INTEGER NOT NULL UNIQUE CHECK (doc > 0),
    written_at   TEXT NOT NULL CHECK (written_at GLOB {_ISO}),
    updated_at   TEXT NOT NULL CHECK (updated_at GLOB {_ISO}),
    title        TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 300),
    first_line   TEXT NOT NULL DEFAULT '' CHECK (length(first_line) <= 120),
    preview      TEXT NOT NULL DEFAULT '' CHECK (length(preview) <= 200),
    mood         INTEGER CHECK (mood BETWEEN 0 AND 10),
    trust_others INTEGER CHECK (trust_others BETWEEN 0 AND 10),
    trust_self   INTEGER CHECK (trust_self BETWEEN 0 AND 10),
    body         TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 1000000)
) STRICT;

-- Newest first, keyset paging and date ranges all walk this one index.
CREATE INDEX entries_by_time ON entries (written_at, id);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
         CHECK (length(name) BETWEEN 1 AND 40 AND name = lower(trim(name)))
) STRICT;

CREATE TABLE entry_tags (
    entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tags (id),
    position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 29),
    PRIMARY KEY (entry_id, tag_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX entry_tags_by_tag ON entry_tags (tag_id, entry_id);

CREATE VIRTUAL TABLE entries_fts USING fts5 (
    title, body,
    content = 'entries', content_rowid = 'doc',
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO entries_fts (entries_fts, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (rowid, title, body) VALUES (new.doc, new.title, new.body);
END;

CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, body)
    VALUES ('delete', old.doc, old.title, old.body);
END;

CREATE TRIGGER entries_fts_update AFTER UPDATE OF doc, title, body ON entries
WHEN old.doc IS NOT new.doc OR old.title IS NOT new.title OR old.body IS NOT new.body
BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, title, body)
    VALUES ('delete', old.doc, old.title, old.body);
    INSERT INTO entries_fts (rowid, title, body) VALUES (new.doc, new.title, new.body);
END;
"""
