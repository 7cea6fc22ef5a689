"""Display names for worksheet keys (thinking traps, kinds of fear), read from
resources/worksheet/content.toml. Plain Python; cached after the first call."""

from __future__ import annotations

import tomllib
from functools import cache

from trustdesk import resources


@cache
def _content() -> dict[str, object]:
    with open(resources.path("worksheet", "content.toml"), "rb") as fh:
        return tomllib.load(fh)


def _names(table: str, field: str) -> dict[str, str]:
    items = _content().get(table, [])
    if not isinstance(items, list):
        return {}
    return {str(item["key"]): str(item[field]) for item in items
            if isinstance(item, dict) and "key" in item and field in item}


def trap_names() -> dict[str, str]:
    """{'mind_reading': 'Mind reading', ...}: pass to `summarize(trap_names=...)`."""
    return _names("traps", "name")


def category_names() -> dict[str, str]:
    """{'rejection': 'Fear of rejection', ...}."""
    return _names("categories", "label")


def category_name(key: str | None) -> str:
    """The kind of fear as shown in lists; an unset kind reads 'Not chosen'."""
    if key is None:
        return "Not chosen"
    return category_names().get(key, key.replace("_", " ").capitalize())


def verdict_names() -> dict[str, str]:
    """{'red_flag': 'A real warning sign', ...}: the person's call on the evidence."""
    return _names("verdicts", "label")


def verdict_name(key: str | None) -> str:
    """The call as shown in tables; no call made reads 'No call made'."""
    if key is None:
        return "No call made"
    return verdict_names().get(key, key.replace("_", " ").capitalize())
