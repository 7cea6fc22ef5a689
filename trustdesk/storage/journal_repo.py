"""Journal entries in the vault: saving, reading, listing, searching, deleting.

Threading: any thread, one call at a time per vault (the vault's lock). Every
method is one read or one transaction, so an entry and its tags change together
or not at all.

The full-text index catches up with an edited entry once its editing ends, not
at every autosave (migration 9 says why and how): `index_pending` when leaving
the entry, locking or unlocking; search calls it itself, so it always finds
what an entry says now.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlcipher3 import Connection

from trustdesk.domain import clock
from trustdesk.domain.calendar import DayMark
from trustdesk.domain.clock import check_new_date
from trustdesk.domain.history import Reason
from trustdesk.domain.journal import (
    CheckIn,
    Entry,
    EntryRow,
    JournalFilter,
    SearchHit,
    day_bounds,
    first_line,
    heading_of,
    preview_of,
)
from trustdesk.domain.markdown_plain import plain_pieces
from trustdesk.domain.text import clean_line
from trustdesk.storage import errors
from trustdesk.storage.fts import folded, match_expression, search_terms
from trustdesk.storage.history_repo import HistoryRepository
from trustdesk.storage.vault import Vault

PAGE_SIZE = 200
SEARCH_LIMIT = 100
# Excerpt markers: control characters that clean text can never contain.
MARK_START, MARK_END = "\x02", "\x03"
_TAG_SEP = "\x1f"
EXCERPT_TOKENS = 24
# Imports writing at least this many entries, and at least a third as many as the
# journal holds, rebuild the search index once instead of row by row.
BULK_INDEX_MIN = 200
# Entries written per batch of statements (imports report progress per batch).
WRITE_BATCH = 250
_MAX_VARIABLES = 500
# Tag links written per INSERT (a batch's worth: 250 entries have up to ~1,000);
# 1,000 to 2,500 rows a statement were quickest, a single statement for all slower.
_LINKS_PER_STATEMENT = 1000
RANKING = "bm25(4.0, 1.0)"  # a word in the title counts four times one in the body

_COLUMNS = ("id", "doc", "written_at", "updated_at", "title", "first_line", "preview",
            "mood", "trust_others", "trust_self", "body")
# New ids are inserted with their index number (`doc`) counted on from the largest
# one; ids already there are updated in place (their `doc` stays).
_INSERT = (f"INSERT INTO entries ({', '.join(_COLUMNS)}) "
           f"VALUES ({', '.join(':' + name for name in _COLUMNS)})")
_UPDATE = ("UPDATE entries SET " + ", ".join(f"{name} = :{name}" for name in _COLUMNS
                                              if name not in ("id", "doc"))
           + " WHERE id = :id")

_TAGS_OF = (f"(SELECT group_concat(t.name, '{_TAG_SEP}' ORDER BY et.position) "
            "FROM entry_tags et JOIN tags t ON t.id = et.tag_id WHERE et.entry_id = e.id)")

# Every character Python's str.strip() removes, for SQL trim(): entries "with words"
# are counted in SQL exactly as the summary picks them in Python.
_BLANKS = ("char(9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 133, 160, 5760, 8192, 8193, 8194, "
           "8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)")
_ROW_COLUMNS = ("e.id, e.written_at, e.title, e.first_line, e.preview, e.mood, "
                f"e.trust_others, e.trust_self, {_TAGS_OF}")


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat(timespec="seconds")


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _tags(joined: str | None) -> tuple[str, ...]:
    return tuple(joined.split(_TAG_SEP)) if joined else ()


def _row(record: Sequence[Any]) -> EntryRow:
    (entry_id, written_at, title, line, preview, mood, others, self_, tags) = record
    checkin = CheckIn(mood, others, self_)
    return EntryRow(id=entry_id, written_at=_parse(written_at),
                    heading=heading_of(title, line, checkin), preview=preview,
                    checkin=checkin, tags=_tags(tags))


def _filter_sql(flt: JournalFilter) -> tuple[str, list[Any]]:
    """WHERE conditions (joined with AND, each starting with ' AND') for a filter."""
    sql, args = "", []
    low, high = day_bounds(flt.start, flt.end)
    if low is not None:
        sql += " AND e.written_at >= ?"
        args.append(low)
    if high is not None:
        sql += " AND e.written_at < ?"
        args.append(high)
    if flt.tag is not None:
        sql += (" AND e.id IN (SELECT et.entry_id FROM entry_tags et "
                "JOIN tags t ON t.id = et.tag_id WHERE t.name = ?)")
        args.append(flt.tag)
    return sql, args


def _day_marks(records: list[tuple[str, int | None, int | None, int | None]]
               ) -> list[DayMark]:
    """(written_at, mood, trust in others, trust in myself) rows in time order, as
    one mark per day: how many entries, and each rating's average over the entries
    that gave it (as SQL's avg: None when none did)."""
    marks: list[DayMark] = []
    day = ""
    count = 0
    sums = [0, 0, 0]
    given = [0, 0, 0]

    def close() -> None:
        averages = [total / n if n else None for total, n in zip(sums, given, strict=True)]
        marks.append(DayMark(date.fromisoformat(day), count, *averages))

    for written_at, *ratings in records:
        if written_at[:10] != day:
            if day:
                close()
            day, count, sums, given = written_at[:10], 0, [0, 0, 0], [0, 0, 0]
        count += 1
        for index, value in enumerate(ratings):
            if value is not None:
                sums[index] += value
                given[index] += 1
    if day:
        close()
    return marks


def parse_excerpt(marked: str) -> tuple[tuple[str, bool], ...]:
    """Split FTS5 snippet text with MARK_START/MARK_END into (text, matched) pieces."""
    pieces: list[tuple[str, bool]] = []
    for index, part in enumerate(marked.split(MARK_START)):
        if index == 0:
            pieces.append((part, False))
            continue
        matched, _, rest = part.partition(MARK_END)
        pieces.append((matched, True))
        pieces.append((rest, False))
    return tuple((text, hit) for text, hit in pieces if text)


def search_sql(where: str) -> str:
    """The search query for extra WHERE conditions `where`.

    `rank MATCH ... ORDER BY rank` lets FTS5 sort by its own ranking and stop after
    LIMIT rows, so excerpts are made only for the rows returned; ORDER BY bm25()
    would make an excerpt for every match first (3 to 4 times slower)."""
    return (f"SELECT {_ROW_COLUMNS}, snippet(entries_fts, -1, '{MARK_START}', "
            f"'{MARK_END}', '…', {EXCERPT_TOKENS}) "
            "FROM entries_fts JOIN entries e ON e.doc = entries_fts.rowid "
            f"WHERE entries_fts MATCH ? AND rank MATCH '{RANKING}'{where} "
            "ORDER BY rank LIMIT ?")


class JournalRepository:
    """Entries, tags and the full-text index. Accepts and returns domain records."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self.history = HistoryRepository(vault)

    # -- writing ---------------------------------------------------------------
    def save(self, entry: Entry, *, session_start: datetime | None = None) -> Reason | None:
        """Insert or replace `entry` (by id) with its tags and index, atomically. A
        date that differs from the stored one must be one a person may set today
        (InvalidRecord otherwise); reading never judges dates.

        In the same transaction the text it replaces is kept as an earlier version
        when the history rules say so (`domain/history.py`): `session_start` is when
        the person began editing it (None: this save is a session of its own), and
        `entry.updated_at` is the save's time. Returns why a version was kept."""
        now = entry.updated_at or clock.now()
        with self._vault.transaction() as conn:
            kept = self.history.keep_before_save_in(conn, entry, now=now,
                                                    session_start=session_start)
            self._write(conn, [entry])
            _drop_unused_tags(conn)
        return kept

    def restore_version(self, version_id: int, *, now: datetime) -> Entry | None:
        """Bring back an earlier version's title and text as the entry's current
        ones, keeping the current text as a version first (so a restore can be
        undone by restoring that). Ratings, tags and the date stay as they are.
        Returns the entry as now stored, or None if the version or entry is gone."""
        with self._vault.transaction() as conn:
            version = self.history.get_in(conn, version_id)
            if version is None:
                return None
            current = self._get(conn, version.row.entry_id)
            if current is None:
                return None
            self.history.keep_current_in(conn, current, now=now, reason=Reason.RESTORE)
            restored = replace(current, title=version.text.title, body=version.text.body,
                               updated_at=now.replace(microsecond=0))
            self._write(conn, [restored])
        return restored

    def save_many(self, entries: Iterable[Entry]) -> int:
        """Insert or replace many entries in one transaction (imports, generated
        test data). Returns how many were written."""
        entries = list(entries)
        with self._vault.transaction() as conn:
            self._write(conn, entries)
            _drop_unused_tags(conn)
        return len(entries)

    def _write(self, conn: Connection, entries: Sequence[Entry]) -> None:
        """Write `entries` with their tags, a few statements per batch rather than
        five per entry: with SQLCipher's memory security each statement's set-up
        costs a tenth of a millisecond or more, which adds up over an import."""
        if not entries:
            return
        ids = [entry.id for entry in entries]
        stored: dict[str, str] = {}
        for chunk in _chunks(ids, _MAX_VARIABLES):
            marks = ",".join("?" * len(chunk))
            stored.update(conn.execute(
                f"SELECT id, written_at FROM entries WHERE id IN ({marks})", chunk))
        rows: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        fresh: set[str] = set()
        next_doc = conn.execute("SELECT coalesce(max(doc), 0) + 1 FROM entries").fetchone()[0]
        for entry in entries:
            written_at = _iso(entry.written_at)
            if stored.get(entry.id) != written_at:  # a date set now, not carried over
                check_new_date(entry.written_at, "The entry's date")
            if entry.id in stored or entry.id in fresh:  # (twice in one batch: last wins)
                doc, target = None, updates
            else:
                doc, target, next_doc = next_doc, rows, next_doc + 1
                fresh.add(entry.id)
            target.append({
                "id": entry.id, "doc": doc, "written_at": written_at,
                "updated_at": _iso(entry.updated_at or datetime.now()),
                "title": entry.title, "first_line": first_line(entry.body),
                "preview": preview_of(entry.title, entry.body), "mood": entry.checkin.mood,
                "trust_others": entry.checkin.trust_others,
                "trust_self": entry.checkin.trust_self, "body": entry.body,
            })
        # Fresh ids (every entry of a first import) need no conflict handling: one
        # lookup above found which ids are there, and only those are updated.
        if rows:
            conn.executemany(_INSERT, rows)
        if updates:
            conn.executemany(_UPDATE, updates)
        if stored:
            conn.executemany("DELETE FROM entry_tags WHERE entry_id = ?",
                             [(entry_id,) for entry_id in stored])
        names = dict.fromkeys(tag for entry in entries for tag in entry.tags)
        if names:
            # ON CONFLICT, not OR IGNORE: OR IGNORE would also swallow a CHECK failure.
            conn.executemany("INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING",
                             [(tag,) for tag in names])
            tag_ids: dict[str, int] = {}
            for chunk in _chunks(list(names), _MAX_VARIABLES):
                marks = ",".join("?" * len(chunk))
                tag_ids.update(conn.execute(
                    f"SELECT name, id FROM tags WHERE name IN ({marks})", chunk))
            # Plain VALUES (four times cheaper than INSERT … SELECT per row), many rows
            # a statement: each execution opens the table's, its index's and the
            # foreign keys' cursors afresh, and with memory security every one of
            # those allocations is a locked and wiped system call. A whole batch's
            # links in one statement took a third less time than one per row.
            links: list[str | int] = [
                value for entry in entries for position, tag in enumerate(entry.tags)
                for value in (entry.id, tag_ids[tag], position)]
            for values in _chunks(links, 3 * _LINKS_PER_STATEMENT):
                conn.execute("INSERT INTO entry_tags (entry_id, tag_id, position) VALUES "
                             + ", ".join(["(?, ?, ?)"] * (len(values) // 3)), values)

    # -- connection-level helpers, for work spanning repositories (imports) -----
    def write_in(self, conn: Connection, entries: Sequence[Entry],
                 tick: Callable[[], None] | None = None) -> None:
        """Insert or replace `entries` exactly as given (their own `updated_at`)
        inside the caller's transaction, calling `tick` once per entry written. Call
        `tidy_in` once when done."""
        for chunk in _chunks(entries, WRITE_BATCH):
            self._write(conn, chunk)
            if tick is not None:
                for _ in chunk:
                    tick()

    @staticmethod
    @contextmanager
    def indexing_once_in(conn: Connection, writes: int) -> Iterator[None]:
        """Inside the caller's transaction, while many entries are written (an
        import): index them all at the end instead of one by one.

        FTS5's per-row work allocates for every word, and with SQLCipher's memory
        security every allocation is locked and wiped; rebuilding the index from the
        entries once is about five times cheaper (bench/import_dayone.py). Rebuilding
        reads every entry, so it is chosen only when `writes` is a good part of the
        journal. The index triggers are dropped and recreated from their own stored
        SQL inside the same transaction: a failure or a crash rolls all of it back.
        """
        total = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
        if writes < BULK_INDEX_MIN or writes * 3 < total:
            yield
            return
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' "
            "AND tbl_name = 'entries' AND name LIKE 'entries_fts_%' ORDER BY name").fetchall()
        for name, _sql in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        yield
        conn.execute("INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')")
        conn.execute("DELETE FROM fts_pending")   # the rebuilt index holds today's text
        for _name, sql in triggers:
            conn.execute(sql)

    # -- the search index after editing (migration 9) -----------------------------
    def index_pending(self) -> int:
        """Bring the search index up to date with the entries edited since it last
        was: their old words out (wiped), their current ones in. Call when an
        editing session ends (leaving the entry, locking, after unlocking); search
        calls it itself. Returns how many entries were indexed."""
        with self._vault.read() as conn:
            if not _index_lags(conn):
                return 0
        with self._vault.transaction() as conn:
            return self.index_pending_in(conn)

    @staticmethod
    def index_pending_in(conn: Connection) -> int:
        """`index_pending` inside the caller's transaction."""
        count = int(conn.execute("SELECT count(*) FROM fts_pending").fetchone()[0])
        if count:
            conn.execute("INSERT INTO entries_fts (entries_fts, rowid, title, body) "
                         "SELECT 'delete', doc, title, body FROM fts_pending")
            conn.execute("INSERT INTO entries_fts (rowid, title, body) SELECT e.doc, "
                         "e.title, e.body FROM fts_pending p JOIN entries e ON e.doc = p.doc")
            conn.execute("DELETE FROM fts_pending")
        return count

    def index_lags(self) -> bool:
        """Whether some edited entry's words are not in the search index yet."""
        with self._vault.read() as conn:
            return _index_lags(conn)

    def tidy_in(self, conn: Connection) -> None:
        """Forget tags no entry uses any more, inside the caller's transaction."""
        _drop_unused_tags(conn)

    @staticmethod
    def stamps_in(conn: Connection) -> dict[str, datetime]:
        """Every entry's id with its `updated_at`, read on the caller's connection."""
        return {entry_id: _parse(stamp) for entry_id, stamp in
                conn.execute("SELECT id, updated_at FROM entries")}

    def delete(self, entry_id: str) -> Entry | None:
        """Delete an entry, its tag links and its index terms (wiped, not just
        marked). Returns the entry as it was, so the UI can offer to undo, or None
        if there was no such entry."""
        with self._vault.transaction() as conn:
            entry = self._get(conn, entry_id)
            if entry is None:
                return None
            conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
            _drop_unused_tags(conn)
        return entry

    # -- reading one ---------------------------------------------------------------
    def get(self, entry_id: str) -> Entry | None:
        with self._vault.read() as conn:
            return self._get(conn, entry_id)

    def _get(self, conn: Connection, entry_id: str) -> Entry | None:
        record = conn.execute(
            f"SELECT e.id, e.written_at, e.updated_at, e.title, e.body, e.mood, "
            f"e.trust_others, e.trust_self, {_TAGS_OF} FROM entries e WHERE e.id = ?",
            (entry_id,)).fetchone()
        return None if record is None else _entry(record)

    # -- lists -----------------------------------------------------------------
    def count(self, flt: JournalFilter | None = None) -> int:
        where, args = _filter_sql(flt or JournalFilter())
        with self._vault.read() as conn:
            return int(conn.execute(
                f"SELECT count(*) FROM entries e WHERE 1{where}", args).fetchone()[0])

    def count_with_words(self, flt: JournalFilter | None = None) -> int:
        """How many entries have a title or a body with more than white space: the
        entries the printed summary could quote."""
        where, args = _filter_sql(flt or JournalFilter())
        with self._vault.read() as conn:
            return int(conn.execute(
                "SELECT count(*) FROM entries e WHERE (e.title != '' OR "
                f"trim(e.body, {_BLANKS}) != ''){where}", args).fetchone()[0])

    def rows(self, flt: JournalFilter | None = None, *, after: EntryRow | None = None,
             offset: int = 0, limit: int = PAGE_SIZE) -> list[EntryRow]:
        """List rows (no bodies), newest first. Page with `after` (the last row
        already shown: stable while entries are added) or with `offset`."""
        where, args = _filter_sql(flt or JournalFilter())
        if after is not None:
            where += " AND (e.written_at, e.id) < (?, ?)"
            args += [_iso(after.written_at), after.id]
        with self._vault.read() as conn:
            records = conn.execute(
                f"SELECT {_ROW_COLUMNS} FROM entries e WHERE 1{where} "
                "ORDER BY e.written_at DESC, e.id DESC LIMIT ? OFFSET ?",
                [*args, max(0, int(limit)), max(0, int(offset))]).fetchall()
        return [_row(record) for record in records]

    def search(self, text: str, *, flt: JournalFilter | None = None,
               limit: int = SEARCH_LIMIT) -> list[SearchHit]:
        """Entries matching every word of `text` as a prefix, best first (a title
        match counts more), each with a short excerpt marking the matched words.
        Any text is safe: what can't match returns []."""
        query = clean_line(text or "")
        expression = match_expression(query)
        if expression is None:
            return []
        where, args = _filter_sql(flt or JournalFilter())
        sql = search_sql(where)
        limit = max(0, int(limit))
        self._index_before_searching()
        with self._vault.read() as conn:
            records = conn.execute(sql, [expression, *args, limit]).fetchall()
            hits = [SearchHit(_row(record[:-1]), plain_pieces(parse_excerpt(record[-1] or "")))
                    for record in records]
            if len(hits) < limit:
                hits += self._tag_hits(conn, search_terms(query), where, args,
                                       {hit.row.id for hit in hits}, limit - len(hits))
        return hits

    def _index_before_searching(self) -> None:
        """Index entries still being edited, so a search finds their words as they
        are now. A journal that can't be written to (read-only media, a full disk)
        is searched as its index stands: the edited entries' newest words aren't
        found until it can be."""
        if self._vault.read_only:
            return
        with suppress(errors.VaultError):
            self.index_pending()

    @staticmethod
    def _tag_hits(conn: Connection, terms: list[str], where: str, args: list[Any],
                  found: set[str], limit: int) -> list[SearchHit]:
        """Entries the text search missed because a word matched one of their tags:
        every word must still match, as a prefix, a tag or the title or body. Newest
        first, after the ranked text matches; the excerpt shows the tags, the matched
        ones marked. Tags are few, so they are matched here, folded like the index
        folds words (case and accents)."""
        tags = conn.execute("SELECT id, name FROM tags").fetchall()
        matched_by_term = [{tag_id for tag_id, name in tags
                            if any(part.startswith(folded(term))
                                   for part in folded(name).split())} for term in terms]
        if not any(matched_by_term):
            return []
        conditions, params = [], []
        for term, tag_ids in zip(terms, matched_by_term, strict=True):
            text_match = ("e.doc IN (SELECT rowid FROM entries_fts "
                          "WHERE entries_fts MATCH ?)")
            params.append(match_expression(term))
            if tag_ids:
                marks = ", ".join("?" * len(tag_ids))
                conditions.append(f"({text_match} OR e.id IN (SELECT et.entry_id FROM "
                                  f"entry_tags et WHERE et.tag_id IN ({marks})))")
                params.extend(sorted(tag_ids))
            else:
                conditions.append(text_match)
        records = conn.execute(
            f"SELECT {_ROW_COLUMNS} FROM entries e WHERE {' AND '.join(conditions)}{where} "
            "ORDER BY e.written_at DESC, e.id DESC LIMIT ?",
            [*params, *args, limit + len(found)]).fetchall()
        wanted = {tag_id for ids in matched_by_term for tag_id in ids}
        names = {tag_id: name for tag_id, name in tags}
        matched_names = {names[tag_id] for tag_id in wanted}
        hits = []
        for record in records:
            row = _row(record)
            if row.id in found:
                continue
            pieces: list[tuple[str, bool]] = [("Tags: ", False)]
            for index, tag in enumerate(row.tags):
                if index:
                    pieces.append((", ", False))
                pieces.append((tag, tag in matched_names))
            hits.append(SearchHit(row, tuple(pieces)))
            if len(hits) >= limit:
                break
        return hits

    def all_tags(self) -> list[str]:
        """Every tag in use, alphabetically."""
        with self._vault.read() as conn:
            return [row[0] for row in conn.execute("SELECT name FROM tags ORDER BY name")]

    # -- for progress and the summary --------------------------------------------
    def checkins(self, start: date | None, end: date | None) -> list[tuple[datetime, CheckIn]]:
        """(time, check-in) of entries with at least one rating, oldest first.
        Dates are inclusive local dates; None is open-ended."""
        where, args = _filter_sql(JournalFilter(start=start, end=end))
        with self._vault.read() as conn:
            records = conn.execute(
                "SELECT e.written_at, e.mood, e.trust_others, e.trust_self FROM entries e "
                "WHERE (e.mood IS NOT NULL OR e.trust_others IS NOT NULL "
                f"OR e.trust_self IS NOT NULL){where} ORDER BY e.written_at, e.id",
                args).fetchall()
        return [(_parse(when), CheckIn(mood, others, self_))
                for when, mood, others, self_ in records]

    def entry_times(self, start: date | None, end: date | None) -> list[datetime]:
        """When each entry in the range was written, oldest first."""
        where, args = _filter_sql(JournalFilter(start=start, end=end))
        with self._vault.read() as conn:
            return [_parse(row[0]) for row in conn.execute(
                f"SELECT e.written_at FROM entries e WHERE 1{where} "
                "ORDER BY e.written_at, e.id", args)]

    def days(self, start: date, end: date) -> list[DayMark]:
        """Each day from `start` to `end` (inclusive) with at least one entry: how
        many, and the day's average of each rating. One query, oldest first; a month
        or a year of the calendar asks once."""
        where, args = _filter_sql(JournalFilter(start=start, end=end))
        with self._vault.read() as conn:
            # The rows in time order straight from the covering index, grouped by day
            # here: GROUP BY made SQLite sort into a temporary B-tree, and with
            # SQLCipher's memory wiping each of its allocations costs two system
            # calls (a year: 17 ms for the grouped query, 0.3 ms for the rows).
            records = conn.execute(
                "SELECT e.written_at, e.mood, e.trust_others, e.trust_self "
                f"FROM entries e WHERE 1{where} ORDER BY e.written_at", args).fetchall()
        return _day_marks(records)

    # -- for the Today page ---------------------------------------------------------
    def on_this_day(self, day: date, *, limit: int = 20) -> list[EntryRow]:
        """Rows of entries written on `day`'s calendar date in earlier years, newest
        year first (29 February only in leap years). One range per year on the time
        index, so ten years cost ten short index seeks, not a scan."""
        with self._vault.read() as conn:
            first = conn.execute("SELECT min(written_at) FROM entries").fetchone()[0]
            if first is None:
                return []
            ranges: list[str] = []
            for year in range(day.year - 1, _parse(first).year - 1, -1):
                try:
                    then = day.replace(year=year)
                except ValueError:        # 29 February in a year without one
                    continue
                ranges += [then.isoformat(), (then + timedelta(days=1)).isoformat()]
            if not ranges:
                return []
            where = " OR ".join(["(e.written_at >= ? AND e.written_at < ?)"] * (len(ranges) // 2))
            records = conn.execute(
                f"SELECT {_ROW_COLUMNS} FROM entries e WHERE {where} "
                "ORDER BY e.written_at DESC, e.id DESC LIMIT ?",
                [*ranges, max(0, int(limit))]).fetchall()
        return [_row(record) for record in records]

    def days_written(self, start: date, end: date) -> int:
        """On how many days from `start` to `end` (inclusive) something was written."""
        where, args = _filter_sql(JournalFilter(start=start, end=end))
        with self._vault.read() as conn:
            return int(conn.execute(
                f"SELECT count(DISTINCT substr(e.written_at, 1, 10)) FROM entries e "
                f"WHERE 1{where}", args).fetchone()[0])

    def latest_on(self, day: date) -> Entry | None:
        """The last entry written on `day`, whole (the quick check-in adds to it)."""
        where, args = _filter_sql(JournalFilter(start=day, end=day))
        with self._vault.read() as conn:
            found = conn.execute(
                f"SELECT e.id FROM entries e WHERE 1{where} "
                "ORDER BY e.written_at DESC, e.id DESC LIMIT 1", args).fetchone()
            return self._get(conn, found[0]) if found else None

    def entries_between(self, start: date | None, end: date | None) -> list[Entry]:
        """Full entries in the range, oldest first (excerpts, exports)."""
        where, args = _filter_sql(JournalFilter(start=start, end=end))
        with self._vault.read() as conn:
            records = conn.execute(
                f"SELECT e.id, e.written_at, e.updated_at, e.title, e.body, e.mood, "
                f"e.trust_others, e.trust_self, {_TAGS_OF} FROM entries e WHERE 1{where} "
                "ORDER BY e.written_at, e.id", args).fetchall()
        return [_entry(record) for record in records]


def _entry(record: Sequence[Any]) -> Entry:
    (entry_id, written_at, updated_at, title, body, mood, others, self_, tags) = record
    return Entry(id=entry_id, written_at=_parse(written_at), title=title, body=body,
                 checkin=CheckIn(mood, others, self_), tags=_tags(tags),
                 updated_at=_parse(updated_at))


def _index_lags(conn: Connection) -> bool:
    return conn.execute("SELECT 1 FROM fts_pending LIMIT 1").fetchone() is not None


def _drop_unused_tags(conn: Connection) -> None:
    """Forget tag names no entry uses any more (they are words the person wrote)."""
    conn.execute("DELETE FROM tags WHERE NOT EXISTS "
                 "(SELECT 1 FROM entry_tags et WHERE et.tag_id = tags.id)")


def _chunks[T](items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
