from __future__ import annotations

import pytest

from trustdesk.domain.settings import AppSettings


@pytest.mark.parametrize("changes", [
    {"theme": "blue"}, {"text_scale": 101}, {"auto_lock_minutes": 61},
    {"auto_lock_minutes": -1},
])
def test_out_of_range_settings_are_rejected(changes):
    with pytest.raises(ValueError):
        AppSettings(**changes)


def test_never_and_one_to_sixty_minutes_are_valid():
    assert AppSettings(auto_lock_minutes=0).auto_lock_minutes == 0
    assert AppSettings(auto_lock_minutes=60).auto_lock_minutes == 60


def test_from_mapping_ignores_unknown_and_invalid_keys():
    loaded = AppSettings.from_mapping({"theme": "dark", "text_scale": "big", "future": 1})
    assert loaded == AppSettings(theme="dark")
