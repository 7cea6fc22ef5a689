"""Version 7: a small step can be snoozed or skipped (the Today page).

- `small_steps.snoozed_until`: the day a snoozed step waits again.
- `small_steps.skipped_on`: the day it was set aside without a follow-up.
- An index over the steps still open, by date, for the Today page and the sidebar's
  count of waiting steps.

Dates are ISO text like `due`. Mirrors trustdesk/domain/worksheet.py as it was when
this step shipped.
"""

VERSION = 7

SQL = """
ALTER TABLE small_steps ADD COLUMN snoozed_until TEXT
    CHECK (date(snoozed_until) IS snoozed_until);
ALTER TABLE small_steps ADD COLUMN skipped_on TEXT
    CHECK (date(skipped_on) IS skipped_on);

CREATE INDEX small_steps_open ON small_steps (due)
    WHERE outcome IS NULL AND skipped_on IS NULL;
"""
