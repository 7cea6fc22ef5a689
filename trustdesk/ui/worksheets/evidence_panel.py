"""The evidence for and against the fear, from step 5, shown again on the balanced
view's step under the thought: reframing goes better with both lists in sight,
as thought-record apps show them. It folds away with one button, and shows
itself only when step 5 lists something."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from trustdesk.domain.worksheet import Worksheet
from trustdesk.ui.widgets.labels import text_label
from trustdesk.ui.worksheets.common import link_button

NONE_LISTED = "None listed"


class EvidencePanel(QFrame):
    """Two short lists side by side, with a Hide / Show button. UI thread only."""

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "thought")
        self.setObjectName("EvidenceBeside")
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 10, 16, 12)
        column.setSpacing(6)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        self.caption = text_label("Your evidence from step 5", "caption")
        top.addWidget(self.caption, 1)
        self.toggle = link_button("Hide", "Hide the evidence")
        self.toggle.clicked.connect(lambda: self.set_open(not self.is_open()))
        top.addWidget(self.toggle)
        column.addLayout(top)
        self.body = QWidget()
        sides = QHBoxLayout(self.body)
        sides.setContentsMargins(0, 0, 0, 0)
        sides.setSpacing(24)
        self.for_list = text_label("", None, selectable=True)
        self.against_list = text_label("", None, selectable=True)
        for heading, label in (("For the fear", self.for_list),
                               ("Against the fear", self.against_list)):
            side = QVBoxLayout()
            side.setSpacing(2)
            title = text_label(heading, "caption")
            side.addWidget(title)
            label.setAccessibleDescription(heading)
            side.addWidget(label)
            side.addStretch(1)
            sides.addLayout(side, 1)
        column.addWidget(self.body)
        self._open = True

    def is_open(self) -> bool:
        return self._open

    def set_open(self, open_: bool) -> None:
        self._open = open_
        self.body.setVisible(open_)
        self.toggle.setText("Hide" if open_ else "Show")
        self.toggle.setAccessibleName("Hide the evidence" if open_ else "Show the evidence")

    def show_sheet(self, sheet: Worksheet) -> None:
        """Fill the lists from `sheet`; hidden when both are empty."""
        def lines(items: tuple[str, ...], label: QLabel) -> int:
            kept = [item.strip() for item in items if item.strip()]
            label.setText("\n".join(f"• {item}" for item in kept) or NONE_LISTED)
            label.setProperty("role", None if kept else "muted")
            label.style().unpolish(label)
            label.style().polish(label)
            return len(kept)

        shown = lines(sheet.evidence_for, self.for_list) \
            + lines(sheet.evidence_against, self.against_list)
        self.setVisible(shown > 0)

    def clear(self) -> None:
        self.for_list.setText("")
        self.against_list.setText("")
        self.hide()
