"""Display names for worksheet keys (kinds of fear, the person's call) in the
summary, from the one parsed and validated copy of the worksheet texts
(`domain.worksheet_texts.load`)."""

from __future__ import annotations

from trustdesk.domain import worksheet_texts


def category_name(key: str | None) -> str:
    """The kind of fear as shown in lists; an unset kind reads 'Not chosen'."""
    if key is None:
        return "Not chosen"
    found = worksheet_texts.load().category(key)
    return found.label if found else key.replace("_", " ").capitalize()


def verdict_name(key: str | None) -> str:
    """The call as shown in tables; no call made reads 'No call made'."""
    if key is None:
        return "No call made"
    found = worksheet_texts.load().verdict(key)
    return found.label if found else key.replace("_", " ").capitalize()
