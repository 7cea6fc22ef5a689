"""Bad import files are refused before anything is written, with a message that
names the first problem: where in the file (record and id) and which field."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from trustdesk.domain.exchange import codec
from trustdesk.domain.exchange.codec import VERSION, ImportProblem, decode


def document() -> dict[str, Any]:
    """A small valid TrustDesk export: two entries, one worksheet with its step."""
    return {
        "format": "trustdesk", "version": 1, "exported_at": "2024-06-01T10:00:00+02:00",
        "journal": [
            {"id": "e1", "written_at": "2024-05-01T21:30:00", "updated_at":
             "2024-05-01T21:45:00", "title": "First", "mood": 4, "trust_others": None,
             "trust_self": 6, "tags": ["work"], "body": "Words."},
            {"id": "abc", "written_at": "2024-05-02T08:00:00", "body": "More words."},
        ],
        "worksheets": [
            {"id": "w1", "happened_on": "2024-05-03", "created_at": "2024-05-03T12:00:00",
             "updated_at": None, "category": "rejection", "thought": "They'll leave.",
             "belief_before": 80, "emotions_before": [{"name": "fear", "intensity": 70}],
             "evidence_for": ["a"], "evidence_against": ["b"], "verdict": "false_alarm",
             "traps": ["mind_reading"], "balanced_view": "Maybe not.", "belief_after": 30,
             "emotions_after": []},
        ],
        "steps": [
            {"id": "s1", "worksheet_id": "w1", "created_at": "2024-05-03T12:00:00",
             "text": "Ask.", "due": "2024-05-10", "likelihood": 60, "outcome": None},
        ],
    }


def problem_with(doc: Any) -> str:
    data = doc if isinstance(doc, bytes) else json.dumps(doc).encode("utf-8")
    with pytest.raises(ImportProblem) as caught:
        decode(data)
    return caught.value.message


def changed(path: tuple[Any, ...], value: Any, *, delete: bool = False) -> dict[str, Any]:
    doc = copy.deepcopy(document())
    target = doc
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


def test_the_sample_document_is_valid():
    incoming = decode(json.dumps(document()).encode())
    assert incoming.source == "trustdesk"
    assert [e.id for e in incoming.bundle.entries] == ["e1", "abc"]
    assert incoming.bundle.worksheets[0].step == incoming.bundle.steps[0]


@pytest.mark.parametrize(("path", "value", "expected"), [
    (("journal", 1, "mood"), 11,
     "entry 2 (id 'abc'): mood must be a whole number from 0 to 10"),
    (("journal", 1, "mood"), -1,
     "entry 2 (id 'abc'): mood must be a whole number from 0 to 10"),
    (("journal", 1, "trust_others"), 5.5,
     "entry 2 (id 'abc'): trust_others must be a whole number from 0 to 10"),
    (("journal", 1, "trust_self"), True,
     "entry 2 (id 'abc'): trust_self must be a whole number from 0 to 10"),
    (("journal", 1, "trust_self"), "7",
     "entry 2 (id 'abc'): trust_self must be a whole number from 0 to 10"),
    (("worksheets", 0, "belief_before"), 101,
     "worksheet 1 (id 'w1'): belief_before must be a whole number from 0 to 100"),
    (("worksheets", 0, "emotions_before", 0, "intensity"), 200,
     "worksheet 1 (id 'w1'): emotions_before item 1: intensity must be a whole number "
     "from 0 to 100"),
    (("steps", 0, "likelihood"), -5,
     "step 1 (id 's1'): likelihood must be a whole number from 0 to 100"),
])
def test_out_of_range_ratings_name_record_and_field(path, value, expected):
    assert problem_with(changed(path, value)) == expected


@pytest.mark.parametrize(("path", "value", "expected"), [
    (("journal", 0, "title"), 42, "entry 1 (id 'e1'): title must be text, not a number"),
    (("journal", 0, "body"), ["a"], "entry 1 (id 'e1'): body must be text, not a list"),
    (("journal", 0, "tags"), "work", "entry 1 (id 'e1'): tags must be a list, not text"),
    (("journal", 0, "tags"), ["ok", 3], "entry 1 (id 'e1'): tags item 2 must be text, "
                                        "not a number"),
    (("journal", 0, "id"), 12, "entry 1: id must be text of 1 to 64 characters on one line, "
                               "without control characters"),
    (("journal", 0, "id"), "", "entry 1: id must be text of 1 to 64 characters on one line, "
                               "without control characters"),
    (("journal", 0, "written_at"), "yesterday", "entry 1 (id 'e1'): written_at must be a date "
     "and time like 2024-05-01T21:30:00, not 'yesterday'"),
    (("journal", 0, "written_at"), None, "entry 1 (id 'e1'): written_at is missing"),
    (("journal", 0), "just text", "entry 1: must be a record in braces {...}, not text"),
    (("journal",), {"id": "x"}, "journal must be a list of entry records."),
    (("worksheets", 0, "category"), "spiders", "worksheet 1 (id 'w1'): category must be one "
     "of failing, embarrassment, being_wrong, rejection, abandonment, betrayal, control, "
     "other, or null"),
    (("worksheets", 0, "traps"), ["mind_reading", "mind_reading"],
     "worksheet 1 (id 'w1'): traps lists the same thinking trap twice"),
    (("worksheets", 0, "happened_on"), "2024-13-01", "worksheet 1 (id 'w1'): happened_on "
     "must be a date like 2024-05-01, not '2024-13-01'"),
    (("worksheets", 0, "emotions_before", 0, "name"), "  ", "worksheet 1 (id 'w1'): "
     "emotions_before item 1: name must be text of 1 to 60 characters"),
    (("steps", 0, "outcome"), "maybe", "step 1 (id 's1'): outcome must be one of yes, partly, "
     "no, or null"),
    (("steps", 0, "worksheet_id"), "nope", "step 1 (id 's1'): worksheet_id 'nope' is not one "
     "of the worksheets in this file"),
    (("journal", 0, "moood"), 3, "entry 1 (id 'e1'): unknown field 'moood'"),
    (("exported_at",), "soon", "the file: exported_at must be a date and time like "
     "2024-05-01T21:30:00, not 'soon'"),
])
def test_wrong_types_and_values_name_record_and_field(path, value, expected):
    assert problem_with(changed(path, value)) == expected


def test_dates_far_outside_a_life_are_refused():
    message = problem_with(changed(("journal", 0, "written_at"), "1850-01-01T10:00:00"))
    assert message.startswith("entry 1 (id 'e1'): written_at must be between 1900 and ")


def test_a_date_time_with_an_offset_becomes_local_time():
    doc = changed(("journal", 0, "written_at"), "2024-05-01T19:30:00+00:00")
    entry = decode(json.dumps(doc).encode()).bundle.entries[0]
    from datetime import UTC, datetime

    expected = datetime(2024, 5, 1, 19, 30, tzinfo=UTC).astimezone().replace(tzinfo=None)
    assert entry.written_at == expected and entry.written_at.tzinfo is None


def test_duplicate_ids_within_the_file_are_refused():
    doc = document()
    doc["journal"].append(dict(doc["journal"][0], body="another"))
    assert problem_with(doc) == ("entry 3 (id 'e1'): the id is used twice in this file "
                                 "(first by entry 1)")
    doc = document()
    doc["worksheets"].append(dict(doc["worksheets"][0]))
    assert "worksheet 2 (id 'w1'): the id is used twice" in problem_with(doc)
    doc = document()
    doc["steps"].append(dict(doc["steps"][0], worksheet_id=None))
    assert "step 2 (id 's1'): the id is used twice" in problem_with(doc)


def test_two_steps_for_one_worksheet_are_refused():
    doc = document()
    doc["steps"].append(dict(doc["steps"][0], id="s2"))
    assert problem_with(doc) == ("step 2 (id 's2'): worksheet 'w1' already has a small step "
                                 "(id 's1'); a worksheet has at most one")


def test_huge_strings_are_refused_at_the_domain_limits():
    assert problem_with(changed(("journal", 0, "title"), "t" * 301)) == (
        "entry 1 (id 'e1'): title is longer than TrustDesk keeps (300 characters)")
    assert problem_with(changed(("journal", 0, "body"), "b" * 1_000_001)) == (
        "entry 1 (id 'e1'): body is longer than TrustDesk keeps (1,000,000 characters)")
    assert problem_with(changed(("worksheets", 0, "thought"), "x" * 100_001)) == (
        "worksheet 1 (id 'w1'): thought is longer than TrustDesk keeps (100,000 characters)")
    assert problem_with(changed(("journal", 0, "id"), "i" * 65)).startswith(
        "entry 1: id must be text of 1 to 64 characters")
    assert problem_with(changed(("journal", 0, "tags"), ["t" * 41])) == (
        "entry 1 (id 'e1'): tags: tags can be at most 40 characters")
    assert problem_with(changed(("journal", 0, "tags"), [f"t{n}" for n in range(31)])) == (
        "entry 1 (id 'e1'): tags has 31 items; at most 30 are kept")


def test_a_body_at_the_limit_is_accepted():
    doc = changed(("journal", 0, "body"), "b" * 1_000_000)
    assert len(decode(json.dumps(doc).encode()).bundle.entries[0].body) == 1_000_000


def test_invalid_utf8_is_refused_with_the_byte_position():
    data = json.dumps(document()).encode("utf-8")
    at = data.index(b"Words")
    broken = data[:at] + b"\xff\xfe" + data[at:]
    assert problem_with(broken) == (f"The file isn't UTF-8 text (the first bad byte is at "
                                    f"position {at + 1:,}), so it isn't an export TrustDesk "
                                    "can read.")
    assert problem_with(b'{"a": "\xc3"}').startswith("The file isn't UTF-8 text")


def test_lone_surrogates_written_as_escapes_are_cleaned_not_stored():
    doc = changed(("journal", 0, "body"), "broken \ud800 paste")
    data = json.dumps(doc).encode("ascii")  # \ud800 written as an escape
    assert decode(data).bundle.entries[0].body == "broken \ufffd paste"


@pytest.mark.parametrize("depth", [17, 100, 5_000, 200_000])
def test_deep_nesting_is_refused(depth):
    data = (b'{"format": "trustdesk", "version": 1, "x": ' + b"[" * depth + b"]" * depth
            + b"}")
    assert problem_with(data) == codec._TOO_DEEP


def test_nesting_inside_a_known_field_is_refused_too():
    assert problem_with(changed(("journal", 0, "body"), [[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]])
                        ) == codec._TOO_DEEP


@pytest.mark.parametrize("cut", [1, 10, 100, 0.5, 0.9, -2])
def test_truncated_json_is_recognised_as_cut_short(cut):
    data = json.dumps(document(), indent=1).encode()
    end = int(len(data) * cut) if isinstance(cut, float) else cut
    assert problem_with(data[:end]) == ("The file ends before its data does: it may have been "
                                        "cut short while it was being copied or saved.")


def test_broken_json_names_line_and_column():
    assert problem_with(b'{\n  "format": "trustdesk",,\n}') == (
        "The file isn't valid JSON: expecting property name enclosed in double quotes at "
        "line 2, column 25.")


@pytest.mark.parametrize(("version", "expected"), [
    (VERSION + 1, f"This export was made by a newer TrustDesk (format version {VERSION + 1}); "
                  f"this TrustDesk reads versions 1 to {VERSION}. Please update TrustDesk to "
                  "import it."),
    (0, f"The file's version must be a whole number (this TrustDesk reads versions 1 to "
        f"{VERSION})."),
    ("1", f"The file's version must be a whole number (this TrustDesk reads versions 1 to "
          f"{VERSION})."),
    (None, f"The file's version must be a whole number (this TrustDesk reads versions 1 to "
           f"{VERSION})."),
])
def test_unknown_versions_are_refused(version, expected):
    assert problem_with(changed(("version",), version)) == expected


def test_other_formats_and_unknown_files_get_a_clear_message():
    assert problem_with(changed(("format",), "dayone")) == (
        "This file says it is in a format other than TrustDesk's (format 'dayone'), so "
        "TrustDesk can't import it.")
    unknown = ("This file isn't a TrustDesk export or a jrnl JSON export, so TrustDesk can't "
               "tell what is in it.")
    assert problem_with([1, 2, 3]) == unknown
    assert problem_with({"entries": "nope"}) == unknown
    assert problem_with(b"# My journal\n\nSome Markdown") == (
        "The file isn't valid JSON: expecting value at line 1, column 1.")
    assert problem_with(b"   \n") == "The file is empty."


def test_other_top_level_problems():
    assert problem_with(changed(("journal",), None, delete=True)) == (
        'The file has no journal list ("journal": [...]).')
    assert problem_with(changed(("extras",), [])) == (
        "The file has a field TrustDesk doesn't know: 'extras'.")
    assert problem_with(b'{"format": "trustdesk", "format": "trustdesk"}') == (
        "The file names the field 'format' twice in one place, so TrustDesk can't tell "
        "which one is meant.")
    assert problem_with(b'{"format": "trustdesk", "version": NaN}') == (
        "The file contains NaN, which is not a number TrustDesk can read.")


def test_worksheets_and_steps_may_be_absent_or_empty():
    doc = document()
    del doc["worksheets"], doc["steps"]
    assert decode(json.dumps(doc).encode()).bundle.worksheets == ()
    doc = changed(("worksheets",), [])
    doc["steps"] = []
    assert decode(json.dumps(doc).encode()).bundle.steps == ()


def test_too_many_records_and_too_large_files_are_refused(monkeypatch):
    monkeypatch.setattr(codec, "MAX_RECORDS", 2)
    doc = document()
    doc["journal"].append(dict(doc["journal"][0], id="e3"))
    assert problem_with(doc) == "journal has 3 records; TrustDesk imports at most 2 at once."
    with pytest.raises(ImportProblem, match="larger than 200 MB"):
        codec.check_size(200 * 1024 * 1024 + 1)
    codec.check_size(200 * 1024 * 1024)


def test_the_message_for_a_person_names_the_file():
    with pytest.raises(ImportProblem) as caught:
        decode(json.dumps(changed(("journal", 1, "mood"), 12)).encode())
    assert caught.value.explain("notes.json") == (
        "notes.json can't be imported; nothing was changed. Entry 2 (id 'abc'): mood must "
        "be a whole number from 0 to 10.")
