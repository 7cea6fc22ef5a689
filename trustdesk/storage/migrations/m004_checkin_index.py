"""Version 4: an index that holds every entry's check-in.

The Progress page and the printed summary read the check-ins of every entry in a
period. Without this index that walks the entries table itself, whose rows carry
the bodies: on ten years of daily entries about 1,800 pages, each decrypted on the
first read after unlocking (~50 ms). The index holds just the time and the three
ratings (~40 bytes an entry), so the same query reads a few dozen pages (~7 ms),
in the order the charts need.
"""

VERSION = 4

SQL = """
CREATE INDEX entries_checkins ON entries (written_at, id, mood, trust_others, trust_self);
"""
