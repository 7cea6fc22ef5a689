"""One record of the export format at a time: entries, worksheets and small steps
to JSON-ready dicts and back, with validation that names the record and the field
("entry 12 (id 'abc'): mood must be a whole number from 0 to 10").

Text is cleaned the way typing cleans it (`clean_text`, `clean_line` for titles and
names, `normalize_tags`), which leaves anything TrustDesk stored unchanged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from trustdesk.domain.exchange.fields import (
    MAX_NAME,
    Fields,
    ImportProblem,
    build_record,
    iso_day,
    iso_moment,
)
from trustdesk.domain.history import Reason, Text, Version, VersionRow
from trustdesk.domain.journal import (
    MAX_BODY,
    MAX_TAG,
    MAX_TAGS,
    MAX_TITLE,
    CheckIn,
    Entry,
    normalize_tags,
)
from trustdesk.domain.text import InvalidRecord, clean_line
from trustdesk.domain.worksheet import (
    FEAR_CATEGORIES,
    MAX_ITEMS,
    MAX_TEXT,
    OUTCOMES,
    PATTERNS,
    TRAPS,
    VERDICTS,
    Emotion,
    SmallStep,
    Worksheet,
)

__all__ = ["ImportProblem", "decode_entry", "decode_step", "decode_version",
           "decode_worksheet", "encode_entry", "encode_step", "encode_version",
           "encode_worksheet"]


# -- journal entries ---------------------------------------------------------------------
ENTRY_FIELDS = frozenset({"id", "written_at", "updated_at", "title", "body", "mood",
                          "trust_others", "trust_self", "tags"})


def encode_entry(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "written_at": iso_moment(entry.written_at),
        "updated_at": iso_moment(entry.updated_at or entry.written_at),
        "title": entry.title,
        "mood": entry.checkin.mood,
        "trust_others": entry.checkin.trust_others,
        "trust_self": entry.checkin.trust_self,
        "tags": list(entry.tags),
        "body": entry.body,
    }


def decode_entry(obj: Any, where: str) -> Entry:
    fields = Fields(obj, where, ENTRY_FIELDS)
    entry_id = fields.identifier()
    written_at = fields.moment("written_at", required=True)
    assert written_at is not None
    fields.check_range(written_at.date(), "written_at")
    updated_at = fields.moment("updated_at") or written_at
    raw_tags = fields.texts("tags", MAX_TAGS, 4 * MAX_TAG, clean=str)
    try:
        tags = normalize_tags(raw_tags)
    except InvalidRecord as exc:
        raise fields.problem(f"tags: {str(exc)[:1].lower()}{str(exc)[1:].rstrip('.')}") \
            from None
    return build_record(lambda: Entry(
        id=entry_id, written_at=written_at, updated_at=updated_at,
        title=fields.text("title", MAX_TITLE, line=True),
        body=fields.text("body", MAX_BODY),
        checkin=CheckIn(fields.whole("mood", 0, 10), fields.whole("trust_others", 0, 10),
                        fields.whole("trust_self", 0, 10)),
        tags=tags), fields.where)


# -- earlier versions of entries (since version 6) ---------------------------------------
VERSION_FIELDS = frozenset({"entry_id", "saved_at", "kept_at", "reason", "title", "body"})
REASONS = tuple(str(reason) for reason in Reason)


def encode_version(version: Version) -> dict[str, Any]:
    return {
        "entry_id": version.row.entry_id,
        "saved_at": iso_moment(version.row.saved_at),
        "kept_at": iso_moment(version.row.kept_at),
        "reason": str(version.row.reason),
        "title": version.text.title,
        "body": version.text.body,
    }


def decode_version(obj: Any, where: str) -> Version:
    """A version as read from a file (its id is 0: the journal gives it one)."""
    fields = Fields(obj, where, VERSION_FIELDS)
    entry_id = fields.identifier("entry_id")
    saved_at = fields.moment("saved_at", required=True)
    kept_at = fields.moment("kept_at", required=True)
    reason = fields.choice("reason", REASONS) or str(Reason.IMPORTED)
    assert saved_at is not None and kept_at is not None
    text = Text(fields.text("title", MAX_TITLE, line=True), fields.text("body", MAX_BODY))
    return Version(VersionRow(id=0, entry_id=entry_id, saved_at=saved_at, kept_at=kept_at,
                              reason=Reason(reason), words=text.words), text)


# -- worksheets ------------------------------------------------------------------------
SHEET_FIELDS = frozenset({"id", "happened_on", "created_at", "updated_at", "category",
                          "situation", "who", "thought", "belief_before", "emotions_before",
                          "evidence_for", "evidence_against", "pattern", "verdict",
                          "traps", "balanced_view", "belief_after", "emotions_after"})
EMOTION_FIELDS = frozenset({"name", "intensity"})


def _encode_emotions(emotions: tuple[Emotion, ...]) -> list[dict[str, Any]]:
    return [{"name": emotion.name, "intensity": emotion.intensity} for emotion in emotions]


def encode_worksheet(sheet: Worksheet) -> dict[str, Any]:
    """A worksheet without its step: steps are listed on their own."""
    return {
        "id": sheet.id,
        "happened_on": iso_day(sheet.happened_on),
        "created_at": iso_moment(sheet.created_at),
        "updated_at": iso_moment(sheet.updated_at),
        "category": sheet.category,
        "situation": sheet.situation,
        "who": sheet.who,
        "thought": sheet.thought,
        "belief_before": sheet.belief_before,
        "emotions_before": _encode_emotions(sheet.emotions_before),
        "evidence_for": list(sheet.evidence_for),
        "evidence_against": list(sheet.evidence_against),
        "pattern": sheet.pattern,
        "verdict": sheet.verdict,
        "traps": list(sheet.traps),
        "balanced_view": sheet.balanced_view,
        "belief_after": sheet.belief_after,
        "emotions_after": _encode_emotions(sheet.emotions_after),
    }


def _decode_emotions(fields: Fields, key: str) -> tuple[Emotion, ...]:
    out = []
    for number, item in enumerate(fields.items(key, MAX_ITEMS), start=1):
        one = Fields(item, f"{fields.where}: {key} item {number}", EMOTION_FIELDS)
        raw = one.obj.get("name")
        name = clean_line(raw) if isinstance(raw, str) and len(raw) <= 4 * MAX_NAME else ""
        if not name or len(name) > MAX_NAME:
            raise one.problem(f"name must be text of 1 to {MAX_NAME} characters")
        out.append(Emotion(name, one.whole("intensity", 0, 100)))
    return tuple(out)


def decode_worksheet(obj: Any, where: str) -> Worksheet:
    fields = Fields(obj, where, SHEET_FIELDS)
    sheet_id = fields.identifier()
    happened_on = fields.day("happened_on", required=True)
    created_at = fields.moment("created_at", required=True)
    assert happened_on is not None and created_at is not None
    traps = fields.texts("traps", len(TRAPS), 40, clean=str)
    for trap in traps:
        if trap not in TRAPS:
            raise fields.problem(f"traps must each be one of {', '.join(TRAPS)}")
    if len(set(traps)) != len(traps):
        raise fields.problem("traps lists the same thinking trap twice")
    return build_record(lambda: Worksheet(
        id=sheet_id, happened_on=happened_on, created_at=created_at,
        updated_at=fields.moment("updated_at"),
        category=fields.choice("category", FEAR_CATEGORIES),
        situation=fields.text("situation", MAX_TEXT), who=fields.text("who", MAX_TEXT),
        thought=fields.text("thought", MAX_TEXT),
        belief_before=fields.whole("belief_before", 0, 100),
        emotions_before=_decode_emotions(fields, "emotions_before"),
        evidence_for=fields.texts("evidence_for", MAX_ITEMS, MAX_TEXT),
        evidence_against=fields.texts("evidence_against", MAX_ITEMS, MAX_TEXT),
        pattern=fields.choice("pattern", PATTERNS),
        verdict=fields.choice("verdict", VERDICTS), traps=traps,
        balanced_view=fields.text("balanced_view", MAX_TEXT),
        belief_after=fields.whole("belief_after", 0, 100),
        emotions_after=_decode_emotions(fields, "emotions_after")), fields.where)


# -- small steps -------------------------------------------------------------------------
STEP_FIELDS = frozenset({"id", "worksheet_id", "created_at", "updated_at", "text", "due",
                         "prediction", "likelihood", "playing_safe", "what_happened",
                         "outcome", "learned", "belief_at_follow_up", "followed_up_on",
                         "snoozed_until", "skipped_on"})


def encode_step(step: SmallStep, created_at: datetime | None) -> dict[str, Any]:
    return {
        "id": step.id,
        "worksheet_id": step.worksheet_id,
        "created_at": iso_moment(created_at),
        "updated_at": iso_moment(step.updated_at),
        "text": step.text,
        "due": iso_day(step.due),
        "prediction": step.prediction,
        "likelihood": step.likelihood,
        "playing_safe": step.playing_safe,
        "what_happened": step.what_happened,
        "outcome": step.outcome,
        "learned": step.learned,
        "belief_at_follow_up": step.belief_at_follow_up,
        "followed_up_on": iso_day(step.followed_up_on),
        "snoozed_until": iso_day(step.snoozed_until),
        "skipped_on": iso_day(step.skipped_on),
    }


def decode_step(obj: Any, where: str) -> tuple[SmallStep, datetime | None]:
    """The step and when it was planned (None when the file doesn't say)."""
    fields = Fields(obj, where, STEP_FIELDS)
    step_id = fields.identifier()
    created_at = fields.moment("created_at")
    step = build_record(lambda: SmallStep(
        id=step_id, worksheet_id=fields.optional_identifier("worksheet_id"),
        text=fields.text("text", MAX_TEXT), due=fields.day("due"),
        prediction=fields.text("prediction", MAX_TEXT),
        likelihood=fields.whole("likelihood", 0, 100),
        playing_safe=fields.text("playing_safe", MAX_TEXT),
        what_happened=fields.text("what_happened", MAX_TEXT),
        outcome=fields.choice("outcome", OUTCOMES), learned=fields.text("learned", MAX_TEXT),
        belief_at_follow_up=fields.whole("belief_at_follow_up", 0, 100),
        followed_up_on=fields.day("followed_up_on", ranged=False),
        snoozed_until=fields.day("snoozed_until"),
        skipped_on=fields.day("skipped_on", ranged=False),
        updated_at=fields.moment("updated_at")), fields.where)
    return step, created_at
