"""Version 2 is reserved for the journal (m002_journal), built on another branch.

This empty placeholder only keeps the worksheet branch's ladder gap-free so it runs
on its own. When the branches merge, delete this file and list "m002_journal" in
its place in `_STEP_MODULES`, before "m003_worksheets"."""

VERSION = 2

SQL = ""
