"""The safety note and the person's own safety card: `note` opens it from any
screen, `window` is the note's own window, `card` the editable card."""
