"""Reports: the printable plan binder and the incident status, for people and for scripts.

The plan is only useful on the day if it can be read without the program: each
plan holder keeps a printed or electronic binder outside the building. Reports
are built once as a format-neutral `Document` and rendered per format, so the
binder, the status report and the after-action report share their renderers.
Imports nothing from Textual or the console. The package itself imports
nothing: the console starts faster without the renderers it does not need.
"""
