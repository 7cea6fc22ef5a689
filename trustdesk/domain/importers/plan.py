"""An import's plan and outcome in words: what the source is, what it holds (counts
and date range), what is skipped and why, and what is repeated. The same lines are
printed by `trustdesk import --dry-run`, before and after an import, and shown by
the app before anything is written."""

from __future__ import annotations

from datetime import datetime

from trustdesk.domain.dates import short_date
from trustdesk.domain.exchange.codec import Incoming
from trustdesk.domain.importers.common import MAX_LISTED
from trustdesk.domain.merge import ImportResult, Tally, count_of, describe_contents


def _day(moment: datetime) -> str:
    return short_date(moment)


def holds(incoming: Incoming) -> str:
    """ "12 entries (3 of them check-ins without words), from 2 March 2019 to 30
    November 2022" """
    bundle = incoming.bundle
    text = describe_contents(len(bundle.entries), len(bundle.worksheets), len(bundle.steps))
    checkins = sum(1 for entry in bundle.entries if not entry.title and not entry.body)
    if checkins:
        text += (" (1 of them a check-in without words)" if checkins == 1
                 else f" ({checkins:,} of them check-ins without words)")
    if bundle.entries:
        first = min(entry.written_at for entry in bundle.entries)
        last = max(entry.written_at for entry in bundle.entries)
        text += f", from {_day(first)} to {_day(last)}" if first.date() != last.date() \
            else f", on {_day(first)}"
    return text


def _listed(lines: list[str], limit: int) -> list[str]:
    out = [f"  {line}" for line in lines[:limit]]
    if len(lines) > limit:
        out.append(f"  … and {len(lines) - limit:,} more")
    return out


def plan_lines(incoming: Incoming, name: str, *, limit: int = MAX_LISTED) -> list[str]:
    """What `name` is and holds, what is skipped and repeated: one line each, the
    skipped records and duplicates (at most `limit` of each named) indented below
    their heading."""
    report = incoming.report
    lines = [f"“{name}” is {report.label}.",
             f"It holds {holds(incoming)}." if not incoming.bundle.is_empty
             else "It holds nothing that can be imported."]
    lines.extend(report.notes)
    if report.skipped:
        lines.append(f"Left out ({len(report.skipped):,}; the rest comes in):")
        lines.extend(_listed([one.line() for one in report.skipped], limit))
    if report.duplicates:
        lines.append(f"Repeated word for word ({len(report.duplicates):,}, each kept once):")
        lines.extend(_listed([one.line() for one in report.duplicates], limit))
    return lines


def _would(tally: Tally, kind: str) -> str:
    parts = []
    if tally.added:
        parts.append(f"add {count_of(tally.added, kind)}")
    if tally.updated:
        parts.append(f"update {tally.updated:,}")
    text = " and ".join(parts) if parts else "change nothing"
    if tally.unchanged:
        text += f" ({tally.unchanged:,} already in your journal)"
    return text


def preview_line(result: ImportResult) -> str:
    """ "Importing it would add 10 entries (2 already in your journal)." """
    if result.total == 0:
        return "Importing it would change nothing."
    parts = [_would(getattr(result, kind), kind) for kind in ("entries", "worksheets", "steps")
             if getattr(result, kind).total]
    return "Importing it would " + "; ".join(parts) + "."


def outcome_lines(result: ImportResult, incoming: Incoming, *,
                  listed: str = "above") -> list[str]:
    """After the import: the result, and how many records stayed out."""
    lines = [result.describe()]
    left_out = len(incoming.report.skipped)
    if left_out:
        lines.append(f"{left_out:,} {'record' if left_out == 1 else 'records'} in the "
                     f"source could not be imported (listed {listed}).")
    return lines
