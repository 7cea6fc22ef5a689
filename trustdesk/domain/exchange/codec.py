"""The TrustDesk export format: JSON, versioned, documented in docs/export-format.md.

Pure functions, bytes in and bytes out: `encode` turns a `Bundle` of records into
the file's bytes, `decode` turns a file's bytes back into records (or a jrnl JSON
export into entries), validating everything first and raising `ImportProblem`
that names the first problem. No file, Qt or SQL work happens here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from trustdesk.domain.exchange.fields import MAX_RECORDS, ImportProblem, iso_moment, read_moment
from trustdesk.domain.exchange.records import (
    decode_entry,
    decode_step,
    decode_version,
    decode_worksheet,
    encode_entry,
    encode_step,
    encode_version,
    encode_worksheet,
)
from trustdesk.domain.history import Version
from trustdesk.domain.importers.common import SourceReport
from trustdesk.domain.journal import Entry
from trustdesk.domain.safety_card import SafetyCard
from trustdesk.domain.spelling.checker import (
    MAX_PERSONAL_WORD,
    MAX_PERSONAL_WORDS,
    clean_personal_word,
)
from trustdesk.domain.text import InvalidRecord
from trustdesk.domain.worksheet import SmallStep, Worksheet

FORMAT = "trustdesk"
# 2 added a worksheet's `pattern` and a step's `playing_safe` and
# `belief_at_follow_up` (and the trap `explaining_away`); version 1 files still read,
# and an older TrustDesk asks to be updated instead of refusing an unknown field.
# 3 added a step's `snoozed_until` and `skipped_on` (the Today page); 1 and 2 still read.
# 4 added `safety_card`, the person's own people and numbers; 1 to 3 still read.
# 5 added `personal_dictionary`, the spell checker's own words; 1 to 4 still read.
# 6 added `entry_versions`, earlier versions of entries (written only when asked
# for); 1 to 5 still read.
VERSION = 6
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_DEPTH = 16          # our own files are 5 deep; anything deeper is not ours
TOP_LEVEL = frozenset({"format", "version", "exported_at", "journal", "worksheets", "steps",
                       "safety_card", "personal_dictionary", "entry_versions"})

__all__ = ["FORMAT", "MAX_DEPTH", "MAX_FILE_BYTES", "VERSION", "Bundle", "ImportProblem",
           "Incoming", "check_size", "decode", "encode", "parse_json"]


@dataclass(frozen=True)
class Bundle:
    """Everything an export holds. `worksheets` carry their step (as the repository
    returns them); `steps` lists every small step, attached or not; `step_created`
    maps a step's id to when it was planned (storage keeps it; the domain record
    doesn't)."""

    entries: tuple[Entry, ...] = ()
    worksheets: tuple[Worksheet, ...] = ()
    steps: tuple[SmallStep, ...] = ()
    step_created: Mapping[str, datetime] = field(default_factory=dict)
    safety_card: SafetyCard | None = None   # None: no card (an empty one is none)
    personal_words: tuple[str, ...] = ()    # the spell checker's dictionary
    versions: tuple[Version, ...] = ()      # earlier versions of entries, when asked for

    @property
    def is_empty(self) -> bool:
        return not (self.entries or self.worksheets or self.steps or self.safety_card
                    or self.personal_words or self.versions)


@dataclass(frozen=True)
class Incoming:
    """A decoded import: its format ("trustdesk", "jrnl", "dayone", ...), its records,
    and what reading it found (the format's name in words, what was skipped)."""

    source: str
    bundle: Bundle
    exported_at: datetime | None = None
    report: SourceReport = field(default_factory=SourceReport)

    @property
    def label(self) -> str:
        """ "a Day One export" """
        return self.report.label


# -- writing -------------------------------------------------------------------------
def encode(bundle: Bundle, *, exported_at: datetime) -> bytes:
    """The export file's bytes: UTF-8 JSON, keys in a fixed order, records oldest first
    as given. `exported_at` should carry the local offset (datetime.now().astimezone())."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": exported_at.isoformat(timespec="seconds"),
        "journal": [encode_entry(entry) for entry in bundle.entries],
        "worksheets": [encode_worksheet(sheet) for sheet in bundle.worksheets],
        "steps": [encode_step(step, bundle.step_created.get(step.id))
                  for step in bundle.steps],
    }
    if bundle.safety_card is not None and not bundle.safety_card.is_empty:
        document["safety_card"] = bundle.safety_card.as_mapping()
    if bundle.personal_words:
        document["personal_dictionary"] = list(bundle.personal_words)
    if bundle.versions:
        document["entry_versions"] = [encode_version(version) for version in bundle.versions]
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# -- reading -------------------------------------------------------------------------
def decode(data: bytes) -> Incoming:
    """Records from a JSON import file's bytes: a TrustDesk export or a jrnl JSON
    export, told apart by their shape. A TrustDesk export is all or nothing: its first
    problem raises ImportProblem. jrnl entries that can't come in are listed in the
    report (see importers.detect for every other format)."""
    document = parse_json(data)
    if isinstance(document, dict) and "format" in document:
        return _decode_trustdesk(document)
    from trustdesk.domain.importers import jrnl_json

    if jrnl_json.looks_like_jrnl(document):
        found = jrnl_json.read_jrnl(document)
        return Incoming("jrnl", Bundle(entries=tuple(found.entries)), report=found.report())
    raise ImportProblem("This file isn't a TrustDesk export or a jrnl JSON export, so "
                        "TrustDesk can't tell what is in it.")


def parse_json(data: bytes) -> Any:
    """Parse UTF-8 JSON strictly: size and depth limits, no duplicate keys, no NaN."""
    check_size(len(data))
    try:
        text = data.decode("utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff"))
                           else "utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportProblem(f"The file isn't UTF-8 text (the first bad byte is at position "
                            f"{exc.start + 1:,}), so it isn't an export TrustDesk can read.") \
            from None
    if not text.strip():
        raise ImportProblem("The file is empty.")
    try:
        document = json.loads(text, object_pairs_hook=_unique_keys,
                              parse_constant=_no_constants)
    except RecursionError:
        raise ImportProblem(_TOO_DEEP) from None
    except json.JSONDecodeError as exc:
        if not text[exc.pos:].strip() or exc.msg.startswith("Unterminated string"):
            raise ImportProblem("The file ends before its data does: it may have been cut "
                                "short while it was being copied or saved.") from None
        raise ImportProblem(f"The file isn't valid JSON: {exc.msg.lower()} at line "
                            f"{exc.lineno}, column {exc.colno}.") from None
    except ValueError as exc:  # a duplicate key, NaN, or a number too long to read
        raise ImportProblem(str(exc)) from None
    _check_depth(document)
    return document


def check_size(size: int) -> None:
    """Refuse a file over MAX_FILE_BYTES before reading it."""
    if size > MAX_FILE_BYTES:
        raise ImportProblem(f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, "
                            "more than TrustDesk can import at once.")


_TOO_DEEP = f"The file's data is nested more than {MAX_DEPTH} levels deep, which no export is."


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"The file names the field {key!r} twice in one place, so "
                             "TrustDesk can't tell which one is meant.")
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"The file contains {name}, which is not a number TrustDesk can read.")


def _check_depth(document: Any) -> None:
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ImportProblem(_TOO_DEEP)
        if isinstance(value, dict):
            stack.extend((child, depth + 1) for child in value.values()
                         if isinstance(child, dict | list))
        elif isinstance(value, list):
            stack.extend((child, depth + 1) for child in value
                         if isinstance(child, dict | list))


def _decode_trustdesk(document: dict[str, Any]) -> Incoming:
    if document.get("format") != FORMAT:
        raise ImportProblem("This file says it is in a format other than TrustDesk's "
                            f"(format {str(document.get('format'))[:40]!r}), so TrustDesk "
                            "can't import it.")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ImportProblem("The file's version must be a whole number (this TrustDesk "
                            f"reads versions 1 to {VERSION}).")
    if version > VERSION:
        raise ImportProblem(f"This export was made by a newer TrustDesk (format version "
                            f"{version}); this TrustDesk reads versions 1 to {VERSION}. Please "
                            "update TrustDesk to import it.")
    unknown = sorted(set(document) - TOP_LEVEL)
    if unknown:
        raise ImportProblem(f"The file has a field TrustDesk doesn't know: {unknown[0]!r}.")
    if "exported_at" not in document:
        raise ImportProblem("exported_at is missing.")
    exported_at = read_moment(document["exported_at"], "exported_at", "the file")
    if "journal" not in document:
        raise ImportProblem("The file has no journal list (\"journal\": [...]).")
    entries = _records(document, "journal", "entry", decode_entry)
    sheets = _records(document, "worksheets", "worksheet", decode_worksheet)
    decoded_steps = _records(document, "steps", "step", decode_step)
    sheet_ids = {sheet.id for sheet in sheets}
    attached: dict[str, SmallStep] = {}
    for number, (step, _created) in enumerate(decoded_steps, start=1):
        if step.worksheet_id is None:
            continue
        where = f"step {number} (id {step.id[:40]!r})"
        if step.worksheet_id not in sheet_ids:
            raise ImportProblem(f"{where}: worksheet_id {step.worksheet_id[:40]!r} is not "
                                "one of the worksheets in this file")
        if step.worksheet_id in attached:
            raise ImportProblem(f"{where}: worksheet {step.worksheet_id[:40]!r} already has "
                                f"a small step (id {attached[step.worksheet_id].id[:40]!r}); "
                                "a worksheet has at most one")
        attached[step.worksheet_id] = step
    versions = _versions(document, {entry.id for entry in entries})
    bundle = Bundle(
        entries=tuple(entries),
        worksheets=tuple(replace(sheet, step=attached.get(sheet.id)) for sheet in sheets),
        steps=tuple(step for step, _ in decoded_steps),
        step_created={step.id: created for step, created in decoded_steps
                      if created is not None},
        safety_card=_safety_card(document.get("safety_card")),
        personal_words=_personal_words(document.get("personal_dictionary")),
        versions=versions)
    return Incoming(FORMAT, bundle, exported_at)


def _versions(document: dict[str, Any], entry_ids: set[str]) -> tuple[Version, ...]:
    """The file's earlier versions of entries: each of an entry in the same file."""
    items = document.get("entry_versions")
    if items is None:
        return ()
    if not isinstance(items, list):
        raise ImportProblem("entry_versions must be a list of earlier versions of entries.")
    if len(items) > MAX_RECORDS:
        raise ImportProblem(f"entry_versions has {len(items):,} records; TrustDesk imports "
                            f"at most {MAX_RECORDS:,} at once.")
    out = []
    for number, item in enumerate(items, start=1):
        version = decode_version(item, f"version {number}")
        if version.row.entry_id not in entry_ids:
            raise ImportProblem(f"version {number}: entry_id "
                                f"{version.row.entry_id[:40]!r} is not one of the entries "
                                "in this file")
        out.append(version)
    return tuple(out)


def _personal_words(value: Any) -> tuple[str, ...]:
    """The file's personal dictionary (absent or null: none), each word once."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ImportProblem("personal_dictionary must be a list of words.")
    if len(value) > MAX_PERSONAL_WORDS:
        raise ImportProblem(f"personal_dictionary has {len(value):,} words; TrustDesk keeps "
                            f"at most {MAX_PERSONAL_WORDS:,}.")
    words: dict[str, str] = {}
    for number, item in enumerate(value, start=1):
        if not isinstance(item, str):
            raise ImportProblem(f"personal_dictionary, word {number}: must be text.")
        try:
            word = clean_personal_word(item)
        except ValueError:
            raise ImportProblem(f"personal_dictionary, word {number}: {item[:40]!r} is not "
                                "one word (no spaces, at most "
                                f"{MAX_PERSONAL_WORD} characters).") from None
        words.setdefault(word.casefold(), word)
    return tuple(words.values())


def _safety_card(value: Any) -> SafetyCard | None:
    """The file's safety card (absent, null or empty: none)."""
    if value is None:
        return None
    try:
        card = SafetyCard.from_mapping(value)
    except InvalidRecord as exc:
        raise ImportProblem(f"safety_card: {exc}") from None
    return None if card.is_empty else card


def _records(document: dict[str, Any], key: str, noun: str, decode_one: Any) -> list[Any]:
    """Decode the list `key` (absent or null = empty), refusing duplicate ids."""
    items = document.get(key)
    if items is None:
        return []
    if not isinstance(items, list):
        raise ImportProblem(f"{key} must be a list of {noun} records.")
    if len(items) > MAX_RECORDS:
        raise ImportProblem(f"{key} has {len(items):,} records; TrustDesk imports at most "
                            f"{MAX_RECORDS:,} at once.")
    seen: dict[str, int] = {}
    out = []
    for number, item in enumerate(items, start=1):
        record = decode_one(item, f"{noun} {number}")
        record_id = (record[0] if isinstance(record, tuple) else record).id
        if record_id in seen:
            raise ImportProblem(f"{noun} {number} (id {record_id[:40]!r}): the id is used "
                                f"twice in this file (first by {noun} {seen[record_id]})")
        seen[record_id] = number
        out.append(record)
    return out


__all__ += ["iso_moment"]
