"""Spell checking in the editors: the app's one speller (`service`), the wavy
underline (`marks`), a highlighter for plain text boxes (`highlighter`), one-line
fields that mark their words (`line_edit`) and the context menu's spelling actions
(`menu`)."""
