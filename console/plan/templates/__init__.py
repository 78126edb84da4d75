"""Plan templates that `drp init` writes, one per language."""
