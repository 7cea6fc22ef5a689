"""Version 3: fear-reframing worksheets and small steps.

One row per worksheet; its feelings, evidence and thinking traps in child tables
kept in the order the person gave them; small steps in their own table (a step
belongs to at most one worksheet, and is listed on its own for follow-ups,
exports and progress). Keys and ranges mirror trustdesk/domain/worksheet.py as
it was when this step shipped; a later change to them is a new step."""

VERSION = 3

SQL = """
CREATE TABLE worksheets (
    id            TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
    happened_on   TEXT NOT NULL CHECK (date(happened_on) IS happened_on),
    situation     TEXT NOT NULL DEFAULT '' CHECK (length(situation) <= 100000),
    who           TEXT NOT NULL DEFAULT '' CHECK (length(who) <= 100000),
    category      TEXT CHECK (category IN ('failing', 'embarrassment', 'being_wrong',
                      'rejection', 'abandonment', 'betrayal', 'control', 'other')),
    thought       TEXT NOT NULL DEFAULT '' CHECK (length(thought) <= 100000),
    belief_before INTEGER CHECK (belief_before BETWEEN 0 AND 100),
    verdict       TEXT CHECK (verdict IN ('red_flag', 'false_alarm', 'not_sure')),
    balanced_view TEXT NOT NULL DEFAULT '' CHECK (length(balanced_view) <= 100000),
    belief_after  INTEGER CHECK (belief_after BETWEEN 0 AND 100),
    created_at    TEXT NOT NULL CHECK (datetime(created_at) IS NOT NULL),
    updated_at    TEXT CHECK (updated_at IS NULL OR datetime(updated_at) IS NOT NULL)
) STRICT;

CREATE INDEX worksheets_by_day ON worksheets (happened_on, created_at);
CREATE INDEX worksheets_by_category ON worksheets (category, happened_on);

CREATE TABLE worksheet_emotions (
    worksheet_id TEXT NOT NULL REFERENCES worksheets (id) ON DELETE CASCADE,
    phase        TEXT NOT NULL CHECK (phase IN ('before', 'after')),
    position     INTEGER NOT NULL CHECK (position BETWEEN 0 AND 49),
    name         TEXT NOT NULL CHECK (length(trim(name)) >= 1 AND length(name) <= 60),
    intensity    INTEGER CHECK (intensity BETWEEN 0 AND 100),
    PRIMARY KEY (worksheet_id, phase, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE worksheet_evidence (
    worksheet_id TEXT NOT NULL REFERENCES worksheets (id) ON DELETE CASCADE,
    side         TEXT NOT NULL CHECK (side IN ('for', 'against')),
    position     INTEGER NOT NULL CHECK (position BETWEEN 0 AND 49),
    text         TEXT NOT NULL CHECK (length(text) <= 100000),
    PRIMARY KEY (worksheet_id, side, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE worksheet_traps (
    worksheet_id TEXT NOT NULL REFERENCES worksheets (id) ON DELETE CASCADE,
    trap         TEXT NOT NULL CHECK (trap IN ('false_red_flag', 'mind_reading',
                     'fortune_telling', 'overgeneralising', 'all_or_nothing',
                     'catastrophising', 'personalising', 'emotional_reasoning',
                     'discounting_positive', 'mental_filter', 'labelling',
                     'should_statements')),
    position     INTEGER NOT NULL CHECK (position BETWEEN 0 AND 11),
    PRIMARY KEY (worksheet_id, trap),
    UNIQUE (worksheet_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE small_steps (
    id             TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
    worksheet_id   TEXT UNIQUE REFERENCES worksheets (id) ON DELETE CASCADE,
    text           TEXT NOT NULL DEFAULT '' CHECK (length(text) <= 100000),
    due            TEXT CHECK (date(due) IS due),
    prediction     TEXT NOT NULL DEFAULT '' CHECK (length(prediction) <= 100000),
    likelihood     INTEGER CHECK (likelihood BETWEEN 0 AND 100),
    what_happened  TEXT NOT NULL DEFAULT '' CHECK (length(what_happened) <= 100000),
    outcome        TEXT CHECK (outcome IN ('yes', 'partly', 'no')),
    learned        TEXT NOT NULL DEFAULT '' CHECK (length(learned) <= 100000),
    followed_up_on TEXT CHECK (date(followed_up_on) IS followed_up_on),
    created_at     TEXT NOT NULL CHECK (datetime(created_at) IS NOT NULL),
    updated_at     TEXT CHECK (updated_at IS NULL OR datetime(updated_at) IS NOT NULL)
) STRICT;

CREATE INDEX small_steps_by_due ON small_steps (due, created_at);
CREATE INDEX small_steps_waiting ON small_steps (due) WHERE outcome IS NULL;
"""
