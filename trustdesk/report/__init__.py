"""The progress charts and the printable summary: QtGui only, no widgets.

`charts` paints each progress chart onto any QPainter (screen, image, PDF, paper);
`summary` lays out the summary document and writes it to PDF or a printer."""
