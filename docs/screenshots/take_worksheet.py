"""Take screenshots of the worksheet's real-warning-sign path on the demo journal:
the small safety step of a sheet whose call is "a real warning sign", and the
follow-up of such a step where the feared thing happened.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/take_worksheet.py \
        OUT WIDTH HEIGHT THEME [SCALE]

Writes OUT/worksheet-safety-step-<theme>.png, OUT/worksheet-follow-up-<theme>.png
and OUT/worksheet-balanced-<theme>.png (step 6 with the evidence beside the thought).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from take import demo_screen  # the screenshot script beside this one


def main() -> int:
    out, width, height, theme = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    scale = float(sys.argv[5]) if len(sys.argv) > 5 else 1.0
    out.mkdir(parents=True, exist_ok=True)
    with demo_screen(width, height, theme, scale) as shots:
        from trustdesk.domain.worksheet import DueStep
        from trustdesk.ui.worksheets import WorksheetsPage

        shots.unlock()
        window = shots.window
        page = window.workspace.show_page("worksheets")
        assert isinstance(page, WorksheetsPage)
        page.load()
        sheets = window.session.store.worksheets.all_worksheets()
        warning = [s for s in sheets if s.verdict == "red_flag" and s.step is not None]
        if not warning:
            raise SystemExit("the demo has no real-warning-sign sheet with a step")
        sheet = max(warning, key=lambda s: (s.step.outcome in ("yes", "partly"), s.happened_on))
        page.open_worksheet(sheet.id, step=7)
        shots.settle()
        shots.save(out / f"worksheet-safety-step-{theme}.png")

        # The follow-up as it looks when the feared thing happened: the safety note
        # is offered beside the answer.
        step = replace(sheet.step, outcome=sheet.step.outcome or "partly")
        page.close_form()
        page._show_follow_up(DueStep(step=step, thought=sheet.thought, category=sheet.category,
                                     happened_on=sheet.happened_on, verdict=sheet.verdict,
                                     belief_before=sheet.belief_before))
        shots.settle()
        shots.save(out / f"worksheet-follow-up-{theme}.png")
        page.follow_up_saver.forget()

        # The balanced view, with the evidence from step 5 beside the thought.
        page.close_follow_up()
        both = [s for s in sheets if s.evidence_for and s.evidence_against]
        if both:
            page.open_worksheet(max(both, key=lambda s: s.happened_on).id, step=5)
            shots.settle()
            shots.save(out / f"worksheet-balanced-{theme}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
