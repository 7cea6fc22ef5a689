"""Encoding records in the export format and decoding them again gives back exactly
the same records: every field of entries, worksheets and small steps, any text."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.exchange_data import entries, moments, steps, worksheets
from trustdesk.domain.exchange.codec import FORMAT, VERSION, Bundle, decode, encode


@st.composite
def bundles(draw: st.DrawFn) -> Bundle:
    journal = draw(st.lists(entries(), max_size=6, unique_by=lambda e: e.id))
    sheets = draw(st.lists(worksheets(), max_size=4, unique_by=lambda w: w.id))
    attached, all_steps, created = [], [], {}
    for sheet in sheets:
        if draw(st.booleans()):
            step = draw(steps(worksheet_id=sheet.id))
            sheet = replace(sheet, step=step)
            all_steps.append(step)
        attached.append(sheet)
    all_steps += draw(st.lists(steps(), max_size=3))
    unique: dict[str, object] = {}
    for step in all_steps:
        unique.setdefault(step.id, step)
    kept = [step for step in all_steps if unique[step.id] is step]
    attached = [replace(sheet, step=sheet.step if sheet.step in kept else None)
                for sheet in attached]
    for step in kept:
        if draw(st.booleans()):
            created[step.id] = draw(moments)
    return Bundle(tuple(journal), tuple(attached), tuple(kept), created)


@settings(max_examples=150, deadline=None)
@given(bundle=bundles(), exported_at=moments)
def test_encode_then_decode_gives_every_record_back(bundle, exported_at):
    data = encode(bundle, exported_at=exported_at.astimezone())
    incoming = decode(data)
    assert incoming.source == FORMAT
    assert incoming.bundle == bundle
    assert incoming.exported_at == exported_at


def test_the_file_is_readable_utf8_json_with_the_documented_top_level():
    bundle = Bundle()
    document = json.loads(encode(bundle, exported_at=datetime(2024, 6, 1, 10, 0).astimezone()))
    assert list(document) == ["format", "version", "exported_at", "journal", "worksheets",
                              "steps"]
    assert document["format"] == "trustdesk" and document["version"] == VERSION


def test_text_is_written_as_itself_not_as_escapes():
    from trustdesk.domain.journal import Entry

    entry = Entry(id="e", written_at=datetime(2024, 5, 1, 21, 30), body="信任 🌱 שלום",
                  updated_at=datetime(2024, 5, 1, 21, 30))
    data = encode(Bundle(entries=(entry,)), exported_at=datetime(2024, 6, 1).astimezone())
    assert "信任 🌱 שלום".encode() in data
    assert b'"written_at": "2024-05-01T21:30:00"' in data  # local time, exactly as written
