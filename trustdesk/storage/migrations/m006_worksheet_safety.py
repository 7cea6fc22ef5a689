"""Version 6: the worksheet reads danger in both directions.

- A new thinking trap, `explaining_away` (minimising or excusing a real danger).
  `worksheet_traps` checks its keys and positions, and SQLite can't change a CHECK
  constraint in place, so the table is rebuilt with the rows copied in order.
  `false_red_flag` stays allowed: older sheets keep it, new sheets aren't offered it.
- `worksheets.pattern`: is this part of a pattern with this person (yes, no, not sure).
- `small_steps.playing_safe`: playing-it-safe habits that could spoil the test.
- `small_steps.belief_at_follow_up`: belief in the sheet's first thought, rated
  again when the person looks back on the step.

Keys and ranges mirror trustdesk/domain/worksheet.py as it was when this step shipped.
"""

VERSION = 6

SQL = """
ALTER TABLE worksheets ADD COLUMN pattern TEXT
    CHECK (pattern IN ('yes', 'no', 'not_sure'));

ALTER TABLE small_steps ADD COLUMN playing_safe TEXT NOT NULL DEFAULT ''
    CHECK (length(playing_safe) <= 100000);
ALTER TABLE small_steps ADD COLUMN belief_at_follow_up INTEGER
    CHECK (belief_at_follow_up BETWEEN 0 AND 100);

CREATE TABLE worksheet_traps_v6 (
    worksheet_id TEXT NOT NULL REFERENCES worksheets (id) ON DELETE CASCADE,
    trap         TEXT NOT NULL CHECK (trap IN ('false_red_flag', 'mind_reading',
                     'fortune_telling', 'overgeneralising', 'all_or_nothing',
                     'catastrophising', 'personalising', 'emotional_reasoning',
                     'discounting_positive', 'mental_filter', 'labelling',
                     'should_statements', 'explaining_away')),
    position     INTEGER NOT NULL CHECK (position BETWEEN 0 AND 12),
    PRIMARY KEY (worksheet_id, trap),
    UNIQUE (worksheet_id, position)
) STRICT, WITHOUT ROWID;

INSERT INTO worksheet_traps_v6 (worksheet_id, trap, position)
    SELECT worksheet_id, trap, position FROM worksheet_traps;
DROP TABLE worksheet_traps;
ALTER TABLE worksheet_traps_v6 RENAME TO worksheet_traps;
"""
