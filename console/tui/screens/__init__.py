"""The console's dialogs: typed modal screens that return through `dismiss()`."""
