"""The worksheet's words match the domain: every fear, trap, verdict, status and
outcome has its text, traps that matter most for trust come first, and the texts
keep the content brief's safety rules."""

from __future__ import annotations

import re
import tomllib

import pytest

from trustdesk import resources
from trustdesk.domain import worksheet_texts
from trustdesk.domain.worksheet import (
    FEAR_CATEGORIES,
    OFFERED_TRAPS,
    OUTCOMES,
    PATTERNS,
    STATUSES,
    TRAPS,
    VERDICTS,
    Emotion,
)


@pytest.fixture
def raw() -> dict:
    with open(resources.path("worksheet", "content.toml"), "rb") as fh:
        return tomllib.load(fh)


def test_every_domain_key_has_its_text():
    texts = worksheet_texts.load()
    assert [s.key for s in texts.steps] == list(worksheet_texts.STEP_KEYS)
    assert {c.key for c in texts.categories} == set(FEAR_CATEGORIES)
    assert {t.key for t in texts.traps} == set(TRAPS) and len(texts.traps) == 13
    assert {t.key for t in texts.offered_traps} == set(OFFERED_TRAPS)
    assert "false_red_flag" not in OFFERED_TRAPS and "explaining_away" in OFFERED_TRAPS
    assert {v.key for v in texts.verdicts} == set(VERDICTS)
    assert {p.key for p in texts.patterns} == set(PATTERNS)
    assert set(texts.statuses) == set(STATUSES)
    assert set(texts.outcomes) == set(OUTCOMES)
    assert all(c.description for c in texts.categories)


def test_thinking_traps_come_before_the_call():
    keys = worksheet_texts.STEP_KEYS
    assert keys.index("traps") < keys.index("evidence")


def test_trap_names_are_plain_words_first_with_the_term_after():
    texts = worksheet_texts.load()
    assert texts.trap("catastrophising").label == "Jumping to the worst (catastrophising)"
    assert texts.trap("explaining_away").label == "Explaining it away (minimising)"
    assert "loves me" in texts.trap("explaining_away").example
    emotional = texts.trap("emotional_reasoning")
    assert "reason to look closer" in emotional.description
    assert "either way" in emotional.description
    assert all(trap.term for trap in texts.offered_traps)


def test_quick_pick_feelings_are_valid_feelings():
    texts = worksheet_texts.load()
    assert len(texts.emotions) >= 8
    for name in texts.emotions:
        Emotion(name, 50)


def test_traps_that_matter_most_for_trust_come_first():
    traps = worksheet_texts.load().traps
    flags = [t.trust_priority for t in traps]
    assert flags == sorted(flags, reverse=True) and flags.count(True) >= 3
    assert traps[0].key == "explaining_away"


def test_each_step_has_labels_with_hints():
    for step in worksheet_texts.load().steps:
        labels = [k for k in step.fields if not k.endswith(("_hint", "_note"))]
        assert labels, step.key
        for label in labels:
            assert step.field(label + "_hint"), f"{step.key}.{label} has no hint"


def test_starting_points_are_a_sentence_and_one_or_two_questions_chosen_by_the_call():
    texts = worksheet_texts.load()
    for verdict in (*VERDICTS, None):
        point = texts.starting_point(verdict)
        assert point.sentence.endswith(".") and 1 <= len(point.questions) <= 2
        assert all(q.endswith("?") for q in point.questions)
    assert texts.starting_point(None) == texts.starting_point("none")
    assert texts.starting_point("red_flag") != texts.starting_point("false_alarm")
    assert "old hurt" not in texts.starting_point("red_flag").text()


def test_no_universal_claims_and_one_pair_of_terms(raw):
    """Inserted text makes no claims that may be untrue for someone isolated, and the
    worksheet says "real warning sign" and "starting point" only."""
    joined = "\n".join(_all_strings(raw)).lower()
    for claim in ("more support than", "always includes", "plenty of people",
                  "ask for reassurance"):
        assert claim not in joined, claim
    assert "counterweight" not in joined
    offered = "\n".join(s for t in raw["traps"] if not t.get("retired")
                        for s in _all_strings(t)).lower()
    assert "red flag" not in offered and "red flag" not in joined


@pytest.mark.parametrize("table, key", [("categories", "failing"), ("traps", "labelling"),
                                        ("verdicts", "not_sure")])
def test_a_missing_key_is_a_content_error(raw, table, key):
    raw[table] = [item for item in raw[table] if item["key"] != key]
    with pytest.raises(worksheet_texts.ContentError, match=key):
        worksheet_texts.parse(raw)


def test_an_unknown_key_or_empty_text_is_a_content_error(raw):
    raw["categories"].append({**raw["categories"][0], "key": "spiders"})
    with pytest.raises(worksheet_texts.ContentError, match="spiders"):
        worksheet_texts.parse(raw)
    raw["categories"].pop()
    raw["traps"][3]["example"] = "  "
    with pytest.raises(worksheet_texts.ContentError, match="example"):
        worksheet_texts.parse(raw)


def _all_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _all_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _all_strings(v)]
    return []


def test_texts_hold_no_phone_numbers_links_or_repeated_sentences(raw):
    strings = _all_strings(raw)
    joined = "\n".join(strings)
    assert not re.search(r"\d{3}[\s-]?\d{3,}", joined), "no phone numbers"
    assert "http" not in joined and "www." not in joined
    sentences = [s.strip() for text in strings for s in re.split(r"(?<=[.!?])\s+", text)
                 if len(s.split()) > 6]
    assert len(sentences) == len(set(sentences)), "a sentence is repeated"


def test_the_safety_note_says_the_app_cannot_contact_anyone():
    note = worksheet_texts.load().messages["safety"]
    assert "local emergency services" in note and "can't contact anyone" in note


def test_the_worksheet_content_is_read_and_checked_in_one_place():
    """Only domain/worksheet_texts.py opens content.toml (and validates it); the
    summary's names come from its parsed copy."""
    import ast
    from pathlib import Path

    from trustdesk.report import labels

    package = Path(worksheet_texts.__file__).parents[1]
    readers = {path.relative_to(package).as_posix() for path in package.rglob("*.py")
               if any(isinstance(node, ast.Constant) and node.value == "content.toml"
                      for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))}
    assert readers == {"domain/worksheet_texts.py"}
    texts = worksheet_texts.load()
    assert labels.category_name("rejection") == texts.category("rejection").label
    assert labels.verdict_name("red_flag") == texts.verdict("red_flag").label
    assert (labels.category_name(None), labels.verdict_name(None)) == ("Not chosen",
                                                                       "No call made")
    assert texts.trap_names["mind_reading"] == texts.trap("mind_reading").name
