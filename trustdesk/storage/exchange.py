"""Export and import for an open journal: no lock-in.

Exports read one consistent view of every record and write it through a temporary
file (or folder) that is renamed into place. Imports are decoded and validated
completely before anything is written; then, after a verified encrypted backup,
every record is merged in ONE transaction, so a journal is never half-imported.

Threading: any thread (the vault serialises access); an export or import of ten
years takes seconds, so UI code runs these off the UI thread. `report(percent)`
callbacks are called on the calling thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlcipher3 import Connection

from trustdesk import paths
from trustdesk.domain import markdown_export
from trustdesk.domain.exchange import codec
from trustdesk.domain.exchange.codec import Bundle, Incoming
from trustdesk.domain.exporters import csv_table, jrnl_text
from trustdesk.domain.history import Version, expiry
from trustdesk.domain.importers import detect as importers
from trustdesk.domain.importers.common import Options
from trustdesk.domain.merge import ADD, KEEP, UPDATE, ImportResult, decide, describe_contents
from trustdesk.domain.safety_card import SafetyCard
from trustdesk.storage.backups.folder import folder_for, start_back_up
from trustdesk.storage.import_source import gather
from trustdesk.storage.journal_repo import JournalRepository
from trustdesk.storage.output_guard import ProtectedPlaces
from trustdesk.storage.private_files import write_private_file, write_private_folder
from trustdesk.storage.settings_repo import SettingsRepository
from trustdesk.storage.vault import Vault
from trustdesk.storage.worksheet_repo import WorksheetRepository

Progress = Callable[[int], None]
BACKUP_KIND = "before-import"


def _quiet(_percent: int) -> None:
    pass


def _scaled(report: Progress, start: int, end: int) -> Progress:
    """A progress callback mapping 0..100 onto start..end of `report`."""
    return lambda percent: report(start + (end - start) * max(0, min(100, percent)) // 100)


class _Ticker:
    """Counts written records and reports each whole percent once."""

    def __init__(self, report: Progress, total: int) -> None:
        self._report, self._total, self._done, self._last = report, max(1, total), 0, -1

    def __call__(self) -> None:
        self._done += 1
        percent = 100 * self._done // self._total
        if percent != self._last:
            self._last = percent
            self._report(percent)


@dataclass(frozen=True)
class ExportSummary:
    """What an export wrote, for a plain message."""

    path: Path
    entries: int
    worksheets: int = 0
    steps: int = 0
    versions: int = 0      # earlier versions of entries, when asked for

    def describe(self) -> str:
        described = describe_contents(self.entries, self.worksheets, self.steps)
        if self.versions:
            described += (f" (with {self.versions:,} earlier version"
                          f"{'s' if self.versions != 1 else ''} of entries)")
        return described

    def sentence(self, where: str) -> str:
        """ "Exported 12 entries and 1 worksheet to <where>." """
        if self.entries + self.worksheets + self.steps == 0:
            return f"Your journal is empty, so the export in {where} holds no entries yet."
        return f"Exported {self.describe()} to {where}."


@dataclass
class _Plan:
    """What an import will write, decided inside the transaction that writes it."""

    result: ImportResult
    entries: list[Any] = field(default_factory=list)
    replacing: list[Any] = field(default_factory=list)  # those the journal has already
    sheets: list[Any] = field(default_factory=list)
    steps: list[Any] = field(default_factory=list)
    displaced: list[str] = field(default_factory=list)  # steps a newer one replaces
    card: SafetyCard | None = None                       # a card to add (none kept yet)
    words: list[str] = field(default_factory=list)       # words new to the dictionary
    versions: list[Version] = field(default_factory=list)  # new to their entry's history

    @property
    def writes(self) -> int:
        return (len(self.entries) + len(self.sheets) + len(self.steps)
                + (self.card is not None) + bool(self.words) + len(self.versions))


class Exchange:
    """Export and import over the journal's repositories (one per Store)."""

    def __init__(self, vault: Vault, journal: JournalRepository,
                 worksheets: WorksheetRepository, settings: SettingsRepository) -> None:
        self._vault = vault
        self._journal = journal
        self._worksheets = worksheets
        self._settings = settings

    # -- exporting -------------------------------------------------------------
    def snapshot(self, *, versions: bool = False) -> Bundle:
        """Every record, as one consistent view (nothing is written meanwhile); with
        `versions`, the entries' earlier versions too."""
        with self._vault.read() as conn:  # the lock is re-entrant: one view for all reads
            entries = self._journal.entries_between(None, None)
            sheets = self._worksheets.all_worksheets()
            steps = self._worksheets.steps()
            created = self._worksheets.step_created_times()
            card = self._settings.load_safety_card()
            words = self._settings.load_personal_words()
            kept = self._journal.history.all_in(conn) if versions else []
        return Bundle(tuple(entries), tuple(sheets), tuple(steps), created,
                      None if card.is_empty else card, tuple(words), tuple(kept))

    def export_json(self, target: Path, *, replace: bool = False,
                    report: Progress | None = None,
                    now: datetime | None = None, versions: bool = False) -> ExportSummary:
        """Write everything to `target` in the TrustDesk format (not encrypted); the
        entries' earlier versions only with `versions`."""
        report = report or _quiet
        self.protected().check(Path(target), replace=replace)
        report(0)
        bundle = self.snapshot(versions=versions)
        report(40)
        data = codec.encode(bundle, exported_at=(now or datetime.now()).astimezone())
        report(70)
        write_private_file(Path(target), data, replace=replace)
        report(100)
        return ExportSummary(Path(target), len(bundle.entries), len(bundle.worksheets),
                             len(bundle.steps), len(bundle.versions))

    def export_markdown(self, target: Path, *, single_file: bool = False,
                        replace: bool = False, report: Progress | None = None,
                        now: datetime | None = None) -> ExportSummary:
        """The journal as Markdown (not encrypted): one file `target`, or a new folder
        `target` (absent or empty) with one file per entry."""
        report = report or _quiet
        self.protected().check(Path(target), replace=replace, folder=not single_file)
        report(0)
        entries = self._journal.entries_between(None, None)
        report(30)
        target = Path(target)
        if single_file:
            text = markdown_export.journal_markdown(
                entries, exported_at=now or datetime.now(), count=len(entries))
            write_private_file(target, text.encode("utf-8"), replace=replace)
        else:
            taken: set[str] = set()
            files = ((markdown_export.entry_file_name(entry, taken),
                      markdown_export.entry_markdown(entry).encode("utf-8"))
                     for entry in entries)
            total = max(1, len(entries))
            write_private_folder(target, files, count=len(entries),
                                 report=lambda done: report(30 + 70 * done // total))
        report(100)
        return ExportSummary(target, len(entries))

    def export_table(self, target: Path, *, format: str, replace: bool = False,
                     report: Progress | None = None) -> ExportSummary:
        """The journal for another program (not encrypted): `format` "jrnl" writes
        jrnl's plain-text journal, "csv" a table for spreadsheets."""
        report = report or _quiet
        self.protected().check(Path(target), replace=replace)
        report(0)
        entries = self._journal.entries_between(None, None)
        report(50)
        if format == "jrnl":
            data = jrnl_text.journal_text(entries).encode("utf-8")
        elif format == "csv":
            data = csv_table.journal_csv(entries).encode("utf-8-sig")
        else:
            raise ValueError(f"no such export format: {format!r}")
        write_private_file(Path(target), data, replace=replace)
        report(100)
        return ExportSummary(Path(target), len(entries))

    # -- importing -------------------------------------------------------------
    @staticmethod
    def read_import(path: Path, *, format: str | None = None,
                    options: Options | None = None) -> Incoming:
        """Read and check an import source completely (a file, a .zip or a folder; the
        format detected unless `format` names it); writes nothing. Raises ImportProblem
        when nothing can be imported, naming the first problem."""
        return importers.read(gather(Path(path)), format=format, options=options)

    def preview_import(self, incoming: Incoming) -> ImportResult:
        """What `apply_import` would do now, without writing anything."""
        with self._vault.read() as conn:
            return self._plan(conn, incoming).result

    def backup_folder(self) -> Path:
        return folder_for(self._settings, paths.default_backup_dir(self._vault.path.parent))

    def protected(self) -> ProtectedPlaces:
        """Where no export may land (the journal's files and folders); every export
        checks its target against these first and raises OutputRefused."""
        usual = paths.default_backup_dir(self._vault.path.parent)
        return ProtectedPlaces.around(self._vault.path, (usual, self.backup_folder()))

    def apply_import(self, incoming: Incoming, *, report: Progress | None = None,
                     backup: bool = True) -> ImportResult:
        """Merge `incoming` into the journal: by id, the newer `updated_at` wins. When
        something will change, a verified encrypted backup is made first (unless
        `backup` is False); then everything is written in one transaction.

        The backup is made on a thread of its own while the transaction is written,
        and the transaction commits only once the backup is verified and in place
        (it is rolled back if the backup fails). The backup reads the journal
        through its own connections, which never see uncommitted writes, so it holds
        the journal exactly as it was before the import."""
        report = report or _quiet
        bundle = incoming.bundle
        with self._vault.read() as conn:
            plan = self._plan(conn, incoming)
        if plan.writes == 0:
            report(100)
            return plan.result
        pending = (start_back_up(self._vault, self.backup_folder(), BACKUP_KIND)
                   if backup else None)
        try:
            with self._vault.transaction() as conn:
                plan = self._plan(conn, incoming)  # again: the journal may have changed
                tick = _Ticker(_scaled(report, 0, 90), plan.writes)
                plan.result.replaced = self._journal.history.keep_replaced_in(
                    conn, plan.replacing, now=datetime.now().replace(microsecond=0))
                with self._journal.indexing_once_in(conn, len(plan.entries)):
                    self._journal.write_in(conn, plan.entries, tick)
                self._journal.tidy_in(conn)
                for sheet in plan.sheets:
                    self._worksheets.write_in(conn, sheet)
                    tick()
                for step_id in plan.displaced:
                    self._worksheets.delete_step_in(conn, step_id)
                for step in plan.steps:
                    created = (bundle.step_created.get(step.id) or step.updated_at
                               or datetime.now().replace(microsecond=0))
                    self._worksheets.write_step_in(conn, step, created)
                    tick()
                if plan.card is not None:
                    self._settings.save_safety_card_in(conn, plan.card)
                    tick()
                if plan.words:
                    self._settings.merge_personal_words_in(conn, plan.words)
                    tick()
                for version in plan.versions:
                    self._journal.history.keep_in(
                        conn, version.row.entry_id, version.text,
                        saved_at=version.row.saved_at, kept_at=version.row.kept_at,
                        reason=version.row.reason)
                    tick()
                if pending is not None:
                    pending.wait()  # raises, and so rolls back, if the backup failed
                report(100)         # written and backed up; committing
        finally:
            if pending is not None:
                pending.finish()
        report(100)
        return plan.result

    def import_file(self, path: Path, *, report: Progress | None = None) -> ImportResult:
        """Read, validate and merge an import file (see `apply_import`)."""
        return self.apply_import(self.read_import(path), report=report)

    def _plan(self, conn: Connection, incoming: Incoming) -> _Plan:
        bundle = incoming.bundle
        plan = _Plan(ImportResult(incoming.source))
        stamps = self._journal.stamps_in(conn)
        for entry in bundle.entries:
            decision = decide(entry.updated_at, stamps.get(entry.id), exists=entry.id in stamps)
            plan.result.entries.count(decision)
            if decision != KEEP:
                plan.entries.append(entry)
            if decision == UPDATE:
                plan.replacing.append(entry)
        sheet_stamps = self._worksheets.stamps_in(conn)
        for sheet in bundle.worksheets:
            decision = decide(sheet.updated_at or sheet.created_at, sheet_stamps.get(sheet.id),
                              exists=sheet.id in sheet_stamps)
            plan.result.worksheets.count(decision)
            if decision != KEEP:
                plan.sheets.append(sheet)
        step_stamps = self._worksheets.step_stamps_in(conn)
        occupant = {sheet_id: (step_id, stamp) for step_id, (sheet_id, stamp)
                    in step_stamps.items() if sheet_id is not None}
        for step in bundle.steps:
            stamp = step.updated_at or bundle.step_created.get(step.id)
            existing = step_stamps.get(step.id)
            decision = decide(stamp, existing[1] if existing else None,
                              exists=existing is not None)
            other = occupant.get(step.worksheet_id) if step.worksheet_id else None
            if decision != KEEP and other is not None and other[0] != step.id:
                # The sheet already has another step: one step per sheet, newer wins.
                if decide(stamp, other[1], exists=True) == UPDATE:
                    plan.displaced.append(other[0])
                    decision = UPDATE if decision == ADD else decision
                else:
                    decision = KEEP
            plan.result.steps.count(decision)
            if decision in (ADD, UPDATE):
                plan.steps.append(step)
        if bundle.safety_card is not None:
            # A card is never overwritten: the journal's own numbers may be newer.
            mine = self._settings.safety_card_in(conn)
            if mine.is_empty:
                plan.card, plan.result.card = bundle.safety_card, "added"
            else:
                plan.result.card = "same" if mine == bundle.safety_card else "kept"
        if bundle.personal_words:
            # The dictionary only grows: the file's words join the journal's.
            known = {word.casefold() for word in self._settings.personal_words_in(conn)}
            plan.words = [word for word in bundle.personal_words
                          if word.casefold() not in known]
            plan.result.words = (len(plan.words), len(bundle.personal_words))
        if bundle.versions:
            plan.versions = self._new_versions(conn, bundle.versions)
            plan.result.versions = (len(plan.versions), len(bundle.versions))
        return plan

    def _new_versions(self, conn: Connection, versions: tuple[Version, ...]) -> list[Version]:
        """The file's versions this journal doesn't keep yet, and would keep: none
        while entry history is off, none older than the days it keeps them."""
        keep_days = self._settings.history_days_in(conn)
        if keep_days <= 0:
            return []
        limit = expiry(datetime.now(), keep_days)
        known = {(version.row.entry_id, version.row.kept_at, version.text)
                 for version in self._journal.history.all_in(conn)}
        fresh = []
        for version in versions:
            key = (version.row.entry_id, version.row.kept_at, version.text)
            if key not in known and (limit is None or version.row.kept_at >= limit):
                known.add(key)
                fresh.append(version)
        return fresh
