"""The person's own safety card, "My people and numbers": people to call with their
numbers, what helps, and where to go. It lives inside the encrypted journal (never
in a plaintext file), is shown inside the safety note once unlocked, and travels in
the JSON export. Plain Python: validation and the mapping stored and exported."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from trustdesk.domain.text import InvalidRecord, check_length, clean_line, clean_text

MAX_PEOPLE = 8
MAX_NAME = 80
MAX_NUMBER = 40
MAX_NOTE = 2000


@dataclass(frozen=True)
class Contact:
    """Someone to call: a name (or a service) and how to reach them."""

    name: str = ""
    number: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", clean_line(self.name))
        object.__setattr__(self, "number", clean_line(self.number))
        check_length(self.name, MAX_NAME, "A name on the safety card")
        check_length(self.number, MAX_NUMBER, "A number on the safety card")

    @property
    def is_empty(self) -> bool:
        return not self.name and not self.number


@dataclass(frozen=True)
class SafetyCard:
    """People (blank rows dropped), what helps me, and where I can go."""

    people: tuple[Contact, ...] = ()
    helps: str = ""
    places: str = ""

    def __post_init__(self) -> None:
        people = tuple(person for person in self.people if not person.is_empty)
        if len(people) > MAX_PEOPLE:
            raise InvalidRecord(f"The safety card holds up to {MAX_PEOPLE} people.")
        object.__setattr__(self, "people", people)
        for field, what in (("helps", "What helps me"), ("places", "Where I can go")):
            value = clean_text(getattr(self, field)).strip()
            check_length(value, MAX_NOTE, what)
            object.__setattr__(self, field, value)

    @property
    def is_empty(self) -> bool:
        return not self.people and not self.helps and not self.places

    def as_mapping(self) -> dict[str, Any]:
        """The card as JSON-ready data (stored in the journal and exported)."""
        return {"people": [{"name": p.name, "number": p.number} for p in self.people],
                "helps": self.helps, "places": self.places}

    @classmethod
    def from_mapping(cls, data: Any) -> SafetyCard:
        """Read `as_mapping()`'s shape back; raises InvalidRecord on anything else."""
        if not isinstance(data, Mapping):
            raise InvalidRecord("The safety card is not a set of fields.")
        unknown = set(data) - {"people", "helps", "places"}
        if unknown:
            raise InvalidRecord(f"The safety card has unknown fields: {sorted(unknown)}.")
        people = data.get("people", [])
        if not isinstance(people, list):
            raise InvalidRecord("The safety card's people are not a list.")
        contacts = []
        for person in people:
            if not isinstance(person, Mapping) or set(person) - {"name", "number"} \
                    or not all(isinstance(v, str) for v in person.values()):
                raise InvalidRecord("A person on the safety card has odd fields.")
            contacts.append(Contact(person.get("name", ""), person.get("number", "")))
        texts = [data.get(key, "") for key in ("helps", "places")]
        if not all(isinstance(text, str) for text in texts):
            raise InvalidRecord("The safety card's notes are not text.")
        return cls(tuple(contacts), *texts)
