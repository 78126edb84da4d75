"""The console's widgets: the header and one module per tab."""
