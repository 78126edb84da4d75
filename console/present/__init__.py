"""What the console shows, as plain data and text: no widgets, no Textual.

The tabs compare these rows and texts with what they show and redraw the
difference; tests read them without a terminal.
"""
