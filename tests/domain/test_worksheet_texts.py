"""The worksheet's words match the domain: every fear, trap, verdict, status and
outcome has its text, traps that matter most for trust come first, and the texts
keep the content brief's safety rules."""

from __future__ import annotations

import re
import tomllib

import pytest

from trustdesk import resources
from trustdesk.domain import worksheet_texts
from trustdesk.domain.worksheet import FEAR_CATEGORIES, OUTCOMES, STATUSES, TRAPS, VERDICTS, Emotion


@pytest.fixture
def raw() -> dict:
    with open(resources.path("worksheet", "content.toml"), "rb") as fh:
        return tomllib.load(fh)


def test_every_domain_key_has_its_text():
    texts = worksheet_texts.load()
    assert [s.key for s in texts.steps] == list(worksheet_texts.STEP_KEYS)
    assert {c.key for c in texts.categories} == set(FEAR_CATEGORIES)
    assert {t.key for t in texts.traps} == set(TRAPS) and len(texts.traps) == 13
    assert {v.key for v in texts.verdicts} == set(VERDICTS)
    assert set(texts.statuses) == set(STATUSES)
    assert set(texts.outcomes) == set(OUTCOMES)
    assert all(c.counterweight and c.description for c in texts.categories)


def test_quick_pick_feelings_are_valid_feelings():
    texts = worksheet_texts.load()
    assert len(texts.emotions) >= 8
    for name in texts.emotions:
        Emotion(name, 50)


def test_traps_that_matter_most_for_trust_come_first():
    traps = worksheet_texts.load().traps
    flags = [t.trust_priority for t in traps]
    assert flags == sorted(flags, reverse=True) and flags.count(True) >= 3
    assert traps[0].key == "false_red_flag"


def test_each_step_has_labels_with_hints():
    for step in worksheet_texts.load().steps:
        labels = [k for k in step.fields if not k.endswith(("_hint", "_note"))]
        assert labels, step.key
        for label in labels:
            assert step.field(label + "_hint"), f"{step.key}.{label} has no hint"


def test_counterweight_falls_back_to_other_when_no_fear_is_chosen():
    texts = worksheet_texts.load()
    assert texts.counterweight(None) == texts.category("other").counterweight
    assert texts.counterweight("failing") == texts.category("failing").counterweight


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
