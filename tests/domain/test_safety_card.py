"""The safety card's rules: blank rows go, limits hold, and its stored shape reads
back exactly (and refuses anything else)."""

from __future__ import annotations

import pytest

from trustdesk.domain.safety_card import MAX_PEOPLE, Contact, SafetyCard
from trustdesk.domain.text import InvalidRecord


def test_blank_people_are_dropped_and_text_is_cleaned():
    card = SafetyCard((Contact("  Sam ", "0123\x07 456"), Contact(" ", ""),
                       Contact("Crisis line", "")), helps=" A walk\r\n", places="")
    assert card.people == (Contact("Sam", "0123 456"), Contact("Crisis line", ""))
    assert card.helps == "A walk" and not card.is_empty
    assert SafetyCard((Contact(), Contact()), " ", "\n").is_empty


def test_the_mapping_reads_back_and_refuses_odd_shapes():
    card = SafetyCard((Contact("Sam", "0123"),), "Music", "My sister's flat")
    assert SafetyCard.from_mapping(card.as_mapping()) == card
    for odd in ([], {"people": "Sam"}, {"people": [{"name": 1}]}, {"extra": ""},
                {"helps": 3}, {"people": [{"name": "a", "phone": "1"}]}):
        with pytest.raises(InvalidRecord):
            SafetyCard.from_mapping(odd)


def test_limits_are_kept():
    with pytest.raises(InvalidRecord):
        SafetyCard(tuple(Contact(f"P{n}", "1") for n in range(MAX_PEOPLE + 1)))
    with pytest.raises(InvalidRecord):
        Contact("x" * 81, "1")
    with pytest.raises(InvalidRecord):
        SafetyCard(helps="x" * 2001)


def test_a_file_with_a_bad_card_is_refused_by_name():
    import json

    from trustdesk.domain.exchange.codec import ImportProblem, decode

    document = {"format": "trustdesk", "version": 4, "exported_at": "2025-03-02T20:15:00+01:00",
                "journal": [], "safety_card": {"people": [{"name": 5}]}}
    with pytest.raises(ImportProblem, match=r"^safety_card: A person"):
        decode(json.dumps(document).encode())
