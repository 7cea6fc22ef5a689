"""Feelings, each with an intensity: quick picks from the worksheet texts, or the
person's own words."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trustdesk.domain.text import clean_line
from trustdesk.domain.worksheet import MAX_ITEMS, Emotion
from trustdesk.ui.widgets.labels import text_label
from trustdesk.ui.worksheets.common import link_button
from trustdesk.ui.worksheets.flow import FlowLayout
from trustdesk.ui.worksheets.rating import RatingField

MAX_NAME = 60


class _FeelingRow(QFrame):
    """One feeling: its name, how strong it is, and a way to take it off the list."""

    def __init__(self, name: str, *, suggested: bool) -> None:
        super().__init__()
        self.setProperty("role", "feeling")
        self.name = name
        self.suggested = suggested  # offered from the first rating; kept only if rated
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 8, 8)
        row.setSpacing(12)
        self.title = text_label(name, "field", wrap=True)
        self.title.setMinimumWidth(120)
        self.title.setMaximumWidth(170)
        self.rating = RatingField(f"How strong {name} feels", clearable=False)
        self.remove = link_button("Remove", f"Remove {name}")
        row.addWidget(self.title)
        row.addWidget(self.rating, 1)
        row.addWidget(self.remove)


class EmotionsField(QWidget):
    """`value()` gives the listed feelings in order; `changed` fires on the person's
    edits. Suggested rows (names carried over from the first rating) are kept only
    once they have a rating."""

    changed = Signal()

    def __init__(self, quick_picks: tuple[str, ...], *, what: str = "Feelings") -> None:
        super().__init__()
        self._rows: list[_FeelingRow] = []
        self._what = what
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)

        picks = QWidget()
        self._flow = FlowLayout(picks, spacing=8)
        self.chips: dict[str, QPushButton] = {}
        for name in quick_picks:
            chip = QPushButton(name)
            chip.setCheckable(True)
            chip.setProperty("role", "chip")
            chip.setAccessibleName(f"{name} ({what.lower()})")
            chip.toggled.connect(lambda on, n=name: self._chip_toggled(n, on))
            self._flow.addWidget(chip)
            self.chips[name] = chip
        column.addWidget(picks)

        own = QHBoxLayout()
        own.setSpacing(8)
        self.own_name = QLineEdit()
        self.own_name.setPlaceholderText("Another feeling, in your own words")
        self.own_name.setAccessibleName(f"Another feeling ({what.lower()})")
        self.own_name.setMaxLength(MAX_NAME)
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName("Add this feeling")
        own.addWidget(self.own_name, 1)
        own.addWidget(self.add_button)
        column.addLayout(own)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(6)
        column.addLayout(self.rows_box)

        self.own_name.returnPressed.connect(self._add_own)
        self.add_button.clicked.connect(self._add_own)

    # -- values ----------------------------------------------------------------
    def value(self) -> tuple[Emotion, ...]:
        return tuple(Emotion(row.name, row.rating.value()) for row in self._rows
                     if not row.suggested or row.rating.value() is not None)

    def set_value(self, emotions: tuple[Emotion, ...],
                  suggestions: tuple[Emotion, ...] = ()) -> None:
        """Show `emotions`; then, unrated, each name in `suggestions` not listed yet
        (with what it was rated before as a reference)."""
        self._clear_rows()
        for emotion in emotions:
            self._add_row(emotion.name, emotion.intensity, suggested=False)
        earlier = {e.name.casefold(): e.intensity for e in suggestions}
        for emotion in suggestions:
            if self._find(emotion.name) is None:
                self._add_row(emotion.name, None, suggested=True)
        for row in self._rows:
            before = earlier.get(row.name.casefold())
            if before is not None:
                row.rating.set_reference(f"At the start: {before} out of 100")
        self._sync_chips()

    def names(self) -> list[str]:
        return [row.name for row in self._rows]

    def row_rating(self, name: str) -> RatingField | None:
        row = self._find(name)
        return row.rating if row else None

    def clear(self) -> None:
        self._clear_rows()
        self.own_name.setText("")
        self._sync_chips()

    # -- editing ---------------------------------------------------------------
    def add_feeling(self, name: str) -> None:
        """Add a feeling as if the person had typed it (ignored if listed already)."""
        name = clean_line(name)[:MAX_NAME]
        if not name or len(self._rows) >= MAX_ITEMS:
            return
        found = self._find(name)
        if found is None:
            found = self._add_row(name, None, suggested=False)
            self._sync_chips()
            self.changed.emit()
        found.rating.slider.setFocus()

    def _add_own(self) -> None:
        self.add_feeling(self.own_name.text())
        self.own_name.setText("")

    def _chip_toggled(self, name: str, on: bool) -> None:
        row = self._find(name)
        if on and row is None:
            self.add_feeling(name)
        elif not on and row is not None:
            self._remove(row)

    def _remove(self, row: _FeelingRow) -> None:
        self._rows.remove(row)
        row.hide()
        row.deleteLater()
        self._sync_chips()
        self.changed.emit()

    def _add_row(self, name: str, intensity: int | None, *, suggested: bool) -> _FeelingRow:
        row = _FeelingRow(name, suggested=suggested)
        row.rating.set_value(intensity)
        row.rating.changed.connect(self.changed)
        row.remove.clicked.connect(lambda: self._remove(row))
        self._rows.append(row)
        self.rows_box.addWidget(row)
        return row

    def _find(self, name: str) -> _FeelingRow | None:
        key = name.casefold()
        return next((row for row in self._rows if row.name.casefold() == key), None)

    def _clear_rows(self) -> None:
        for row in self._rows:
            row.title.setText("")  # nothing lingers while the row waits to be deleted
            row.hide()
            row.deleteLater()
        self._rows.clear()

    def _sync_chips(self) -> None:
        for name, chip in self.chips.items():
            chip.blockSignals(True)
            chip.setChecked(self._find(name) is not None)
            chip.blockSignals(False)
