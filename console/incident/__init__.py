"""The incident journal: events, folding events into state, clocks and deadlines.

Imports nothing from Textual or the console.
"""
