"""Files on disk: private atomic writes now, the incident journal later.

Imports nothing from Textual or the console.
"""
