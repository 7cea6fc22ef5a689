"""The guided worksheet: one step at a time, a step indicator, Back and Next, the
fearful thought kept in view, and the whole sheet at the end.

The form only edits; the page decides when to save. It never shows a blocking box:
missing parts and saving trouble are pointed out inline."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain import clock
from trustdesk.domain.clock import Today
from trustdesk.domain.worksheet import SmallStep, Worksheet
from trustdesk.domain.worksheet_texts import STEP_KEYS, WorksheetTexts
from trustdesk.ui.widgets.announce import show_and_announce
from trustdesk.ui.widgets.labels import text_label
from trustdesk.ui.worksheets.common import centered, editor_top, scrolled
from trustdesk.ui.worksheets.overview import OverviewView
from trustdesk.ui.worksheets.step_base import StepView
from trustdesk.ui.worksheets.steps_first import (
    EvidenceStep,
    FearStep,
    RatingsBeforeStep,
    SituationStep,
)
from trustdesk.ui.worksheets.steps_later import (
    BalancedStep,
    RatingsAfterStep,
    SmallStepStep,
    TrapsStep,
)

STEP_COUNT = 8
OVERVIEW = STEP_COUNT  # the index of the overview page


class _StepClass(Protocol):
    """How the form builds a step: from the texts and the clock (each step class knows
    its own key, unlike StepView itself, which takes it first)."""

    def __call__(self, texts: WorksheetTexts, *, today: Today = ...) -> StepView: ...


STEP_TYPES: tuple[_StepClass, ...] = (
    SituationStep, FearStep, RatingsBeforeStep, TrapsStep, EvidenceStep, BalancedStep,
    RatingsAfterStep, SmallStepStep)
SMALL_STEP = 7


class _Steps:
    """`form.steps[i]`: step i, built on first use."""

    def __init__(self, form: WorksheetForm) -> None:
        self._form = form

    def __getitem__(self, index: int) -> StepView:
        return self._form.view(index)

    def __len__(self) -> int:
        return STEP_COUNT


class WorksheetForm(QWidget):
    """Edits one worksheet. `edited` fires on every change the person makes;
    `close_requested` when they want the list back; `follow_up_requested` when
    they want to look back on the step."""

    edited = Signal()
    close_requested = Signal()
    follow_up_requested = Signal()
    step_changed = Signal(int)

    def __init__(self, texts: WorksheetTexts, today: Today = clock.today) -> None:
        super().__init__()
        self.texts = texts
        self._sheet: Worksheet | None = None
        self._loading = False
        self._index = 0
        self._visited: set[int] = set()
        self.today = today

        # Steps are built the first time they are shown (a form of about 400
        # widgets costs a noticeable moment to build all at once).
        self._views: dict[int, QWidget] = {}
        self._pages: dict[int, QWidget] = {}
        self.steps = _Steps(self)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header())
        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        outer.addWidget(self._build_nav())

        for keys, move in ((("Alt+Right", "Ctrl+PgDown"), self.next),
                           (("Alt+Left", "Ctrl+PgUp"), self.back)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(move)

    # -- building --------------------------------------------------------------
    def _build_header(self) -> QWidget:
        header = QWidget()
        column = QVBoxLayout(header)
        column.setContentsMargins(0, 20, 0, 12)
        column.setSpacing(10)
        self.back_to_list, self.save_state, self.problem = editor_top(
            column, self.close_requested)

        self.heading = text_label("", "title")
        column.addWidget(self.heading)
        chips = QHBoxLayout()
        chips.setSpacing(6)
        self.chip_group = QButtonGroup(self)
        self.chips: list[QPushButton] = []
        titles = [self.texts.step(key).title for key in STEP_KEYS] + ["Overview"]
        for index, title in enumerate(titles):
            text = str(index + 1) if index < STEP_COUNT else "✓"
            chip = QPushButton(text)
            chip.setCheckable(True)
            chip.setProperty("role", "stepchip")
            name = f"Step {index + 1}: {title}" if index < STEP_COUNT else "Overview"
            chip.setAccessibleName(name)
            chip.setToolTip(name)
            chip.clicked.connect(lambda _on, i=index: self.go_to(i))
            # Checked another way (a screen reader's Toggle action): show the step too,
            # once the event loop runs (not inside the reader's request).
            chip.toggled.connect(lambda on, i=index: on and i != self._index and
                                 QTimer.singleShot(0, self, lambda: self._chip_checked(i)))
            self.chip_group.addButton(chip, index)
            self.chips.append(chip)
            chips.addWidget(chip)
        chips.addSpacing(10)
        self.step_name = text_label("", "muted", wrap=False)
        chips.addWidget(self.step_name)
        chips.addStretch(1)
        column.addLayout(chips)

        self.banner = QFrame()
        self.banner.setProperty("role", "thought")
        inside = QVBoxLayout(self.banner)
        inside.setContentsMargins(16, 10, 16, 12)
        inside.setSpacing(2)
        inside.addWidget(text_label("The thought you're working on", "caption"))
        self.banner_text = text_label("", "thoughttext")
        self.banner_text.setAccessibleDescription("The thought you're working on")
        inside.addWidget(self.banner_text)
        column.addWidget(self.banner)
        return centered(header)

    def _build_nav(self) -> QWidget:
        nav = QWidget()
        row = QHBoxLayout(nav)
        row.setContentsMargins(0, 12, 0, 18)
        self.hint = text_label("Alt+← and Alt+→ move between steps", "muted")
        row.addWidget(self.hint, 1)
        self.back_button = QPushButton("Back")
        self.back_button.setAccessibleName("Back to the previous step")
        self.next_button = QPushButton("Next")
        self.next_button.setProperty("role", "primary")
        self.next_button.setAccessibleName("Next step")
        for button in (self.back_button, self.next_button):
            button.setMinimumHeight(36)
            button.setMinimumWidth(110)
            row.addWidget(button)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        bar = QFrame()
        bar.setObjectName("WorksheetNav")
        wrap = QVBoxLayout(bar)
        wrap.setContentsMargins(0, 0, 0, 0)
        wrap.addWidget(centered(nav))
        return bar

    def view(self, index: int) -> StepView:
        """Step `index` (0..7), built and filled from the sheet on first use."""
        if index not in self._views:
            sheet = self._safe_sheet() if self._sheet is not None else None
            made = STEP_TYPES[index](self.texts, today=self.today)
            made.changed.connect(self._on_changed)
            self._add_page(index, made)
            if sheet is not None:
                self._loading = True
                try:
                    made.load(sheet)
                finally:
                    self._loading = False
        found = self._views[index]
        assert isinstance(found, StepView)
        return found

    @property
    def overview(self) -> OverviewView:
        if OVERVIEW not in self._views:
            made = OverviewView(self.texts)
            made.edit_requested.connect(self.go_to)
            made.follow_up_requested.connect(self.follow_up_requested)
            self._add_page(OVERVIEW, made)
        found = self._views[OVERVIEW]
        assert isinstance(found, OverviewView)
        return found

    def built_steps(self) -> list[StepView]:
        return [v for i, v in sorted(self._views.items())
                if i < STEP_COUNT and isinstance(v, StepView)]

    def _add_page(self, index: int, view: QWidget) -> None:
        page = scrolled(view)
        self._views[index] = view
        self._pages[index] = page
        self.stack.addWidget(page)

    # -- the sheet ---------------------------------------------------------------
    @property
    def sheet_id(self) -> str | None:
        return self._sheet.id if self._sheet else None

    def open(self, sheet: Worksheet, *, step: int = 0) -> None:
        """Show `sheet` at `step` (0-based; OVERVIEW for the whole sheet)."""
        self._loading = True
        try:
            self._sheet = sheet
            self._visited = set()
            self._index = step
            for view in self.built_steps():
                view.load(sheet)
                view.show_missing([])
        finally:
            self._loading = False
        self.problem.hide()
        self.go_to(step)

    def current_sheet(self) -> Worksheet:
        """The sheet as the widgets show it now. Raises InvalidRecord if a value
        can't be kept (say, text past the length limit)."""
        assert self._sheet is not None
        changes: dict[str, Any] = {}
        for view in self.built_steps():  # steps not built yet keep the sheet's values
            changes.update(view.collect())
        return replace(self._sheet, **changes)

    def saved(self, sheet: Worksheet) -> None:
        """The page stored `sheet`; keep its stamps for the next save."""
        if self._sheet is not None and sheet.id == self._sheet.id:
            self._sheet = replace(self._sheet, updated_at=sheet.updated_at,
                                  created_at=sheet.created_at)

    def take_follow_up(self, step: SmallStep) -> None:
        small = self._views.get(SMALL_STEP)
        if isinstance(small, SmallStepStep):
            small.set_follow_up(step)
        if self._sheet is not None and self._sheet.step is not None:
            self._sheet = replace(self._sheet, step=replace(
                self._sheet.step, what_happened=step.what_happened, outcome=step.outcome,
                learned=step.learned, belief_at_follow_up=step.belief_at_follow_up,
                followed_up_on=step.followed_up_on))
        if self._index == OVERVIEW:
            self._refresh_overview()

    def clear(self) -> None:
        """Forget the sheet: every field empty, the thought banner too."""
        self._loading = True
        try:
            for view in self.built_steps():
                view.clear()
                view.show_missing([])
            if OVERVIEW in self._views:
                self.overview.clear()
        finally:
            self._loading = False
        self._sheet = None
        self.banner_text.setText("")
        self.problem.setText("")
        self.problem.hide()
        self.save_state.setText("")

    # -- moving ------------------------------------------------------------------
    @property
    def index(self) -> int:
        return self._index

    def go_to(self, index: int) -> None:
        index = max(0, min(OVERVIEW, index))
        if self._sheet is None:
            return
        if index != self._index:
            self._visited.add(self._index)
        self._index = index
        sheet = self._safe_sheet()
        view: StepView | OverviewView = (self.view(index) if index < STEP_COUNT
                                         else self.overview)
        if isinstance(view, StepView):
            view.prepare(sheet)
        self.stack.setCurrentWidget(self._pages[index])
        self.chips[index].setChecked(True)
        self._name_last_chip(sheet)
        self.heading.setText(view.title)
        self.step_name.setText(f"Step {index + 1} of {STEP_COUNT}" if index < STEP_COUNT
                               else "Overview")
        self.back_button.setEnabled(index > 0)
        self.next_button.setText("See the whole sheet" if index == STEP_COUNT - 1 else
                                 "Done" if index == OVERVIEW else "Next")
        self._update_banner(sheet)
        self._point_out_missing(sheet)
        self._mark_done_chips(sheet)
        if index == OVERVIEW:
            self._refresh_overview()
        scroll = self._pages[index]
        assert isinstance(scroll, QScrollArea)
        scroll.verticalScrollBar().setValue(0)
        view.focus_first()
        self.step_changed.emit(index)

    def _name_last_chip(self, sheet: Worksheet) -> None:
        """The last step is "A small safety step" after the call "a real warning sign"."""
        title = (self.texts.red_flag["step_title"] if sheet.verdict == "red_flag"
                 else self.texts.step("small_step").title)
        name = f"Step {STEP_COUNT}: {title}"
        self.chips[SMALL_STEP].setAccessibleName(name)
        self.chips[SMALL_STEP].setToolTip(name)

    def _chip_checked(self, index: int) -> None:
        if self.chips[index].isChecked() and index != self._index:
            self.go_to(index)

    def next(self) -> None:
        if self._index == OVERVIEW:
            self.close_requested.emit()
        else:
            self.go_to(self._index + 1)

    def back(self) -> None:
        if self._index > 0:
            self.go_to(self._index - 1)

    # -- feedback ----------------------------------------------------------------
    def show_save_state(self, text: str) -> None:
        self.save_state.setText(text)

    def show_problem(self, message: str) -> None:
        """Saving trouble, in plain words; empty hides it."""
        show_and_announce(self.problem, message, assertive=True)
        self.problem.setVisible(bool(message))

    def _safe_sheet(self) -> Worksheet:
        assert self._sheet is not None
        try:
            return self.current_sheet()
        except ValueError:
            return self._sheet

    def _on_changed(self) -> None:
        if self._loading:
            return
        sheet = self._safe_sheet()
        self._update_banner(sheet)
        self._point_out_missing(sheet)
        self._mark_done_chips(sheet)
        self.edited.emit()

    def _update_banner(self, sheet: Worksheet) -> None:
        self.banner_text.setText(sheet.thought.strip())
        self.banner.setVisible(self._index >= 2 and bool(sheet.thought.strip()))

    def _mark_done_chips(self, sheet: Worksheet) -> None:
        """A step with something written or chosen shows as done (app.qss draws
        [done="true"] chips filled, and a screen reader hears "done")."""
        for chip, filled in zip(self.chips, sheet.steps_filled(), strict=False):
            if chip.property("done") != filled:
                chip.setProperty("done", filled)
                chip.setAccessibleDescription("Done" if filled else "")
                chip.style().unpolish(chip)
                chip.style().polish(chip)

    def _point_out_missing(self, sheet: Worksheet) -> None:
        """A missing part is pointed out on its step once the person has been there
        and moved on (not while they are still on their first pass)."""
        missing = sheet.missing_for_completion()
        for index, view in self._views.items():
            if isinstance(view, StepView):
                view.show_missing(missing if index in self._visited else [])

    def _refresh_overview(self) -> None:
        self.overview.show_sheet(self._safe_sheet(), self.today())
