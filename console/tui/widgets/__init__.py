"""The console's reusable widgets: the header, the fitted table and the line of text."""
