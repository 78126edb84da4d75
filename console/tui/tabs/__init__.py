"""The console's six tabs, one module each, named as in `console.tui.app.TABS`."""
